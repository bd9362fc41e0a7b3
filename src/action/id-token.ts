/**
 * Hosts whose credential needs the runner's OIDC ID token, on a job that has none. A plan on a
 * pull request from a fork or from Dependabot (GitHub issues no token there) reads those hosts
 * anonymously and reports what it cannot read as not checked, with a warning; any other job
 * without the token (no `permissions: id-token: write`) is a configuration error with its remedy.
 */
import { type NoIdToken, noIdToken, usesIdToken } from '../auth/id-token-env.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import type { HostEntry, MirrorConfig } from '../config/model.js';
import type { SyncResult } from '../sync/model.js';
import { type Annotation, workspacePath } from './annotations.js';

/** How the host gets its credential from the ID token, as written in the config. */
function how(h: HostEntry): string {
  return h.credential?.provider !== undefined
    ? `credential.provider: ${h.credential.provider}`
    : `provider: ${h.provider}`;
}

function place(h: HostEntry, workspace: string): Pick<Annotation, 'file' | 'line' | 'column'> {
  const file = workspacePath(h.position.file, workspace);
  return file ? { file, line: h.position.line, column: h.position.column } : {};
}

/** The host used without its credential: no provider, no credential, `noIdToken` saying why. */
function anonymous(h: HostEntry, why: NoIdToken): HostEntry {
  const { credential: _c, provider: _p, ...rest } = h;
  return { ...rest, noIdToken: why.message };
}

/**
 * The config to run and the warnings to show. Throws `ConfigErrors` (one per host, on its line)
 * when the job should have had the token: a missing permission, or a real sync on a fork or
 * Dependabot pull request.
 */
export function checkIdTokenHosts(
  config: MirrorConfig,
  env: NodeJS.ProcessEnv,
  dryRun: boolean,
  workspace: string,
): { config: MirrorConfig; warnings: Annotation[] } {
  const why = noIdToken(env);
  const needing = config.hosts.filter(usesIdToken);
  if (!why || why.cause === 'outside-actions' || needing.length === 0) return { config, warnings: [] };
  if (dryRun && (why.cause === 'fork' || why.cause === 'dependabot')) {
    const warnings = needing.map(
      (h): Annotation => ({
        level: 'warning',
        title: `oci-mirror: no OIDC token for ${h.host}`,
        message: `${h.host} authenticates with the OIDC ID token (\`${how(h)}\`), which this job cannot have: ${why.message}. This plan reads ${h.host} anonymously; what it cannot read is reported as not checked, not failed.`,
        ...place(h, workspace),
      }),
    );
    const hosts = config.hosts.map((h) => (usesIdToken(h) ? anonymous(h, why) : h));
    return { config: { ...config, hosts }, warnings };
  }
  throw new ConfigErrors(
    needing.map(
      (h) =>
        new ConfigError({
          file: h.position.file,
          line: h.position.line,
          column: h.position.column,
          path: `hosts[${config.hosts.indexOf(h)}]`,
          message: `${h.host} authenticates with the OIDC ID token (\`${how(h)}\`), but this job has none`,
          hint:
            why.cause === 'permission'
              ? why.message
              : `${why.message}; a sync (dry-run: false) cannot run here, a plan (dry run) reads the host anonymously`,
        }),
    ),
  );
}

/** One warning per host whose ID token the runner refused during the run (read anonymously). */
export function refusedIdTokenWarnings(
  result: SyncResult,
  config: MirrorConfig,
  workspace: string,
): Annotation[] {
  return (result.anonymousHosts ?? []).map(({ host, reason }) => {
    const h = config.hosts.find((x) => x.host === host);
    return {
      level: 'warning',
      title: `oci-mirror: OIDC token refused for ${host}`,
      message: `the runner refused the OIDC ID token for ${host} (${reason}). This plan read ${host} anonymously; what it could not read is reported as not checked, not failed. Grant the job \`permissions: id-token: write\` to check it.`,
      ...(h ? place(h, workspace) : {}),
    };
  });
}
