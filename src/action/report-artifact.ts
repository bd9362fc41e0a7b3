/**
 * The JSON report as a workflow artifact, uploaded with `@actions/artifact` (the results service
 * behind actions/upload-artifact v4+), so the summary and the PR comment link to a real artifact.
 * The client (with the Azure storage SDK and zip) loads only here, as its own chunk. Never fails
 * the mirror: trouble is returned as a reason for a warning.
 */
import { basename, dirname } from 'node:path';

export type ReportUpload =
  | { uploaded: true; id: number; name: string; url?: string }
  | { uploaded: false; reason: string; warn: boolean };

/** Link to an artifact on its run's page, as GitHub shows it. */
export function artifactUrl(id: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: run,
  } = env;
  return repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined;
}

/** Upload `file` (zipped, as actions/upload-artifact does) as the artifact `name`. */
export async function uploadReport(
  file: string,
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReportUpload> {
  // Outside a runner (or on an old GHES without the results service) there is nothing to upload to.
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL)
    return {
      uploaded: false,
      warn: false,
      reason: 'the Actions artifact service is not available here (ACTIONS_RESULTS_URL is not set)',
    };
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], dirname(file));
    if (id === undefined)
      return { uploaded: false, warn: true, reason: 'the service returned no artifact id' };
    const url = artifactUrl(id, env);
    return { uploaded: true, id, name, ...(url ? { url } : {}) };
  } catch (err) {
    // GHES has no results service for @actions/artifact 2+: nothing to warn about on every run.
    const ghes = (err as Error).name === 'GHESNotSupportedError';
    return {
      uploaded: false,
      warn: !ghes,
      reason: `uploading ${basename(file)} as artifact "${name}" failed: ${(err as Error).message}`,
    };
  }
}
