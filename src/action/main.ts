/**
 * Entry point of `dist/index.js`, the GitHub Action. A thin front door over `sync()`: inputs in;
 * text report to the log, JSON report file, outputs, job summary, annotations, the PR dry-run
 * comment and the state cache out. `run()` is the only place that turns an error into a failed
 * step; optional features (comment, cache, summary) degrade to warnings naming their input.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { ConfigErrors, EMPTY_SECRET_WHY } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import type { MirrorConfig } from '../config/model.js';
import { renderJson, toReport } from '../report/envelope.js';
import { MergeError, mergeReports } from '../report/merge.js';
import { renderEntryLines, renderPlanFailureLine, renderSummaryLine, renderTagLine } from '../report/text.js';
import { onSecret, redact, registerSecret } from '../secrets.js';
import { onSignals } from '../sync/cancel.js';
import { exitCodeOf, type SyncResult } from '../sync/model.js';
import { STATE_AUTOSAVE_MS, StateCache } from '../sync/state.js';
import { VERSION } from '../version.js';
import { type Annotation, configErrorAnnotations, resultAnnotations, workspacePath } from './annotations.js';
import { checkIdTokenHosts, refusedIdTokenWarnings } from './id-token.js';
import { type ActionInputs, failsOnDrift, InputError, isDryRun, readInputs } from './inputs.js';
import { type CacheBackend, cacheKeys, TUF_CACHE_DIR, treeFingerprint } from './state-cache.js';
import { commentMarker, renderComment, renderConfigErrorSummary, renderSummary } from './summary.js';

/**
 * The text report in the log, folded per entry (failing entries' groups say so in their title),
 * then the failures again, unfolded, and the summary line.
 */
function logResult(result: SyncResult): void {
  for (const e of result.entries) {
    const lines = renderEntryLines(e);
    const failed = e.error !== undefined || e.tags.some((t) => t.status === 'failed');
    core.startGroup(
      `${failed ? '✗' : e.notChecked !== undefined ? '?' : '✓'} ${redact(e.name)} (${e.tags.length} tag${e.tags.length === 1 ? '' : 's'})`,
    );
    if (e.notChecked !== undefined) core.info(redact(`not checked: ${e.notChecked}`));
    for (const l of lines) core.info(l);
    core.endGroup();
  }
  const failures = result.entries.flatMap((e) => [
    ...(e.error ? [renderPlanFailureLine(e)] : []),
    ...e.tags.filter((t) => t.status === 'failed').map((t) => `${redact(e.name)}: ${renderTagLine(e, t)}`),
  ]);
  if (failures.length > 0) core.info(`\nFailures (${failures.length}):\n${failures.join('\n')}`);
  core.info(renderSummaryLine(result));
}

/** Destination references with the digest now there, of every tag copied or overwritten. */
function copiedTags(result: SyncResult): { reference: string; digest?: string }[] {
  return result.entries.flatMap((e) =>
    e.tags
      .flatMap((t) => [t, ...(t.images ?? [])])
      .filter((t) => t.status === 'copied' || t.status === 'overwritten')
      .map((t) => ({ reference: t.destination, ...(t.sourceDigest ? { digest: t.sourceDigest } : {}) })),
  );
}

function annotate(list: readonly Annotation[]): void {
  for (const a of list) {
    const props: core.AnnotationProperties = { title: a.title };
    if (a.file !== undefined) props.file = a.file;
    if (a.line !== undefined) props.startLine = a.line;
    if (a.column !== undefined) props.startColumn = a.column;
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('summary: GITHUB_STEP_SUMMARY is not set; no job summary written');
    return;
  }
  await core.summary.addRaw(markdown).write();
}

function runUrl(): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: id,
  } = process.env;
  return repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}

/** Restore the state cache; any trouble means a cold run with a note, never a failure. */
async function openStateCache(
  config: MirrorConfig,
  inputs: ActionInputs,
  backend: CacheBackend,
): Promise<{ state: StateCache; key: string; tuf: string } | undefined> {
  if (!inputs.cache) return undefined;
  if (!backend.available()) {
    core.info('cache: the Actions cache service is not available here; running without the state cache');
    return undefined;
  }
  const dir = join(process.env.RUNNER_TEMP ?? process.cwd(), 'oci-mirror-state');
  const state = new StateCache({ path: join(dir, 'state.json'), ttlMs: inputs.cacheTtlMs });
  const { key, restoreKeys } = cacheKeys(
    config.file,
    // Chart repositories and image prefixes too: OCI chart sources and discovered images use the state.
    [
      ...config.artifacts.flatMap((a) => a.destinations),
      ...config.charts.flatMap((c) => [
        c.repository,
        ...(c.images?.destination ? [c.images.destination] : []),
      ]),
    ],
    { id: process.env.GITHUB_RUN_ID, attempt: process.env.GITHUB_RUN_ATTEMPT },
    inputs.shard ? `${inputs.shard.index}of${inputs.shard.count}` : undefined,
  );
  try {
    // The whole directory: the state file and the TUF metadata cache beside it.
    const hit = await backend.restore(dir, key, restoreKeys);
    await state.load();
    core.info(
      hit
        ? `cache: restored ${hit}: ${state.size} destination digests known`
        : 'cache: no state cached yet; this run checks every destination',
    );
  } catch (err) {
    core.info(
      `cache: could not restore the state (${redact((err as Error).message)}); this run checks every destination`,
    );
  }
  // For the post step (post.ts): what to save under which key, should this step be stopped. The
  // directory, as restored and saved here: the cache's version depends on the paths saved.
  core.saveState('oci_mirror_state_dir', dir);
  core.saveState('oci_mirror_state_key', key);
  return { state, key, tuf: treeFingerprint(join(dir, TUF_CACHE_DIR)) };
}

async function saveStateCache(
  /** `tuf`: the TUF cache's fingerprint when restored; saved again when it changed. */
  opened: { state: StateCache; key: string; tuf?: string },
  result: SyncResult,
  backend: CacheBackend,
) {
  const { state, key } = opened;
  const dir = dirname(state.path);
  core.info(`cache: ${state.served} destination lookups answered from the state cache`);
  state.record(result);
  try {
    const stateChanged = await state.write();
    const tufChanged = treeFingerprint(join(dir, TUF_CACHE_DIR)) !== (opened.tuf ?? '');
    if (stateChanged || tufChanged) await backend.save(dir, key);
    else core.info('cache: state unchanged; nothing to save');
    core.saveState('oci_mirror_state_saved', 'true');
  } catch (err) {
    core.info(
      `cache: could not save the state (${redact((err as Error).message)}); the next run will be slower`,
    );
  }
}

/**
 * The helm binary, when some chart entry will render its templates: `HELM_BIN`, `PATH`, else a
 * pinned, checksum-verified download through the tool cache. Undefined when no chart needs helm,
 * or when none could be had (said in an error annotation; the charts then fail as rows).
 */
async function provideHelm(config: MirrorConfig, inputs: ActionInputs): Promise<string | undefined> {
  if (inputs.chartsOnly) return undefined;
  const charts = config.charts.filter((c) => inputs.only?.test(c.name) ?? true);
  if (!charts.some((c) => inputs.images || c.images?.discover === true)) return undefined;
  // helm tooling (and @actions/tool-cache) loads only when a chart needs helm.
  const [{ resolveHelm }, { installHelm, TEST_BASE_URL_ENV }] = await Promise.all([
    import('../helm/bin.js'),
    import('./helm-tool.js'),
  ]);
  const baseUrl = process.env[TEST_BASE_URL_ENV];
  try {
    return await resolveHelm({
      env: process.env,
      fallback: () =>
        installHelm({
          version: inputs.helmVersion,
          sha256: inputs.helmSha256,
          ...(baseUrl ? { baseUrl } : {}),
          log: (m) => core.info(m),
        }),
    });
  } catch (err) {
    // No helm: the chart entries that need it fail as rows; everything else is still mirrored.
    core.error(redact((err as Error).message), { title: 'helm' });
    return undefined;
  }
}

/** Every `*.json` under `dir` (where actions/download-artifact put the shards' reports). */
async function findReports(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** `mode: merge`: one run's result from the shards' reports; a bad set of reports fails with exit code 3. */
async function mergeShards(inputs: ActionInputs, workspace: string): Promise<void> {
  const dir = resolve(workspace, inputs.reports);
  let merged: ReturnType<typeof mergeReports>;
  try {
    const files = await findReports(dir);
    core.info(`merge: ${files.length} reports under ${inputs.reports}`);
    merged = mergeReports(
      await Promise.all(files.map(async (f) => ({ file: f, text: await readFile(f, 'utf8') }))),
    );
  } catch (err) {
    if (!(err instanceof MergeError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    core.setOutput('exit-code', '3');
    core.setFailed(redact(`reports: ${(err as Error).message}`));
    return;
  }
  const shown = merged.configFile ?? inputs.config;
  await publish(merged.result, inputs, { shownConfig: shown, workspace, dryRun: merged.result.dryRun });
}

async function run(): Promise<void> {
  const startedAt = Date.now();
  onSecret((value) => core.setSecret(value));
  const inputs = readInputs();
  if (inputs.githubToken) registerSecret(inputs.githubToken);
  for (const d of inputs.deprecations) core.warning(d, { title: 'oci-mirror: deprecated input' });
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  if (inputs.mode === 'merge') return mergeShards(inputs, workspace);
  const dryRun = isDryRun(inputs, eventName);
  const shownConfig = workspacePath(inputs.config, workspace) ?? inputs.config;
  // Said before anything slow: the engine, the cache client and helm load on demand below.
  core.info(`oci-mirror: reading ${shownConfig}`);
  let config: MirrorConfig;
  let idTokenWarnings: Annotation[];
  try {
    config = await loadConfig({
      path: inputs.config,
      envsubst: inputs.envsubst,
      // A plan without secrets (fork or Dependabot pull request) still reads what it can.
      emptySecrets: dryRun ? 'anonymous' : 'error',
    });
    // Likewise without an OIDC ID token; a job that should have one is a config error.
    ({ config, warnings: idTokenWarnings } = checkIdTokenHosts(config, process.env, dryRun, workspace));
  } catch (err) {
    if (err instanceof ConfigErrors) {
      annotate(configErrorAnnotations(err, workspace));
      if (inputs.summary)
        await writeSummary(
          renderConfigErrorSummary(
            err.errors.map((e) => ({ ...e, file: workspacePath(e.file, workspace) ?? e.file })),
          ),
        );
      core.setOutput('exit-code', '3');
      core.setFailed(redact(err.message));
      return;
    }
    throw err;
  }
  for (const s of config.secrets) registerSecret(s);
  for (const h of config.hosts.filter((h) => h.missingSecret !== undefined)) {
    const where = h.position ? workspacePath(h.position.file, workspace) : undefined;
    core.warning(
      `\${${h.missingSecret}} is empty, so ${h.host} has no credential (${EMPTY_SECRET_WHY}). This plan reads ${h.host} anonymously; what it cannot read is reported as not checked, not failed.`,
      {
        title: `oci-mirror: no credential for ${h.host}`,
        ...(where && h.position ? { file: where, startLine: h.position.line } : {}),
      },
    );
  }
  annotate(idTokenWarnings);
  core.info(
    `oci-mirror: ${dryRun ? 'planning (dry run)' : 'planning and copying'} ${config.artifacts.length} artifact and ${config.charts.length} chart entries`,
  );
  // @actions/cache (with the Azure storage SDK, ~40% of the bundle) loads only with `cache: true`.
  const backend = inputs.cache ? (await import('./actions-cache.js')).actionsCache : undefined;
  const stateCache = backend ? await openStateCache(config, inputs, backend) : undefined;
  const helmBin = await provideHelm(config, inputs);
  const only = inputs.only;
  const cancel = onSignals((signal) =>
    core.warning(`${signal} received: cancelling (nothing new starts; copies in flight are aborted)`),
  );
  const { sync } = await import('../sync/sync.js');
  const result = await sync(config, {
    signal: cancel.signal,
    dryRun,
    overwrite: inputs.overwrite,
    ...(inputs.concurrency !== undefined ? { concurrency: inputs.concurrency } : {}),
    retries: inputs.retries,
    jobTimeoutMs: inputs.timeoutMs,
    ...(inputs.maxDurationMs !== undefined ? { deadline: startedAt + inputs.maxDurationMs } : {}),
    insecure: inputs.insecure,
    createRepositories: inputs.createRepositories,
    images: inputs.images,
    chartsOnly: inputs.chartsOnly,
    imagesOnly: inputs.imagesOnly,
    ...(helmBin !== undefined ? { helmBin } : {}),
    userAgent: `oci-mirror-action/${VERSION}`,
    // The ghcr credential provider reads the job token from GITHUB_TOKEN; hand it the
    // `github-token` input unless the workflow set GITHUB_TOKEN itself.
    env: { ...process.env, GITHUB_TOKEN: process.env.GITHUB_TOKEN || inputs.githubToken },
    ...(only ? { only: (e: { name: string }) => only.test(e.name) } : {}),
    ...(stateCache
      ? {
          knownDestinationDigest: stateCache.state.knownDestinationDigest,
          verificationCache: stateCache.state.verifications,
          manifestChildren: stateCache.state.manifestChildren,
          // Verified digests are remembered in the state; the TUF metadata cache sits beside it
          // and is cached with it.
          tufCachePath: join(dirname(stateCache.state.path), TUF_CACHE_DIR),
          knownDestinationConfirmedAt: stateCache.state.confirmedAt,
        }
      : {}),
    ...(inputs.trustedRoot !== undefined ? { trustedRoot: resolve(workspace, inputs.trustedRoot) } : {}),
    // No weights from the state: each shard keeps its own cache, and shards must agree on the partition.
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    onEvent: (e) => {
      // The state file is rewritten as tags complete: a step stopped at the job's time limit leaves
      // it for the post step to save (post.ts).
      if (e.type === 'tag' && stateCache) {
        stateCache.state.learn(e.tag);
        stateCache.state.autosave(STATE_AUTOSAVE_MS);
      }
      if (e.type === 'log') core.debug(redact(e.message));
    },
  }).finally(() => cancel.dispose());
  annotate(refusedIdTokenWarnings(result, config, workspace));
  await publish(result, inputs, { shownConfig, workspace, dryRun, stateCache, backend });
}

/** The report as a workflow artifact (`upload-report`); trouble is a warning, never a failure. */
async function publishReportArtifact(
  reportPath: string,
  inputs: ActionInputs,
): Promise<{ id: number; url?: string } | undefined> {
  if (!inputs.uploadReport) return undefined;
  const { uploadReport } = await import('./report-artifact.js');
  const up = await uploadReport(reportPath, inputs.reportArtifact);
  if (up.uploaded) {
    core.info(`report: uploaded as artifact "${up.name}" (id ${up.id})`);
    return { id: up.id, ...(up.url ? { url: up.url } : {}) };
  }
  const message = `report: ${redact(up.reason)}; the report stays at the \`report\` output's path`;
  if (up.warn) core.warning(message, { title: 'oci-mirror: report artifact' });
  else core.info(message);
  return undefined;
}

/** Everything a run shows and leaves behind: log, report file, outputs, annotations, summary, comment, cache. */
async function publish(
  result: SyncResult,
  inputs: ActionInputs,
  run: {
    shownConfig: string;
    workspace: string;
    dryRun: boolean;
    stateCache?: { state: StateCache; key: string } | undefined;
    backend?: CacheBackend | undefined;
  },
): Promise<void> {
  const { shownConfig, workspace, dryRun, stateCache, backend } = run;
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  logResult(result);
  const doc = toReport(result, {
    reporter: { name: 'oci-mirror', version: VERSION },
    configFile: shownConfig,
  });
  const reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'oci-mirror-report.json');
  await writeFile(reportPath, renderJson(doc));
  const artifact = await publishReportArtifact(reportPath, inputs);
  const s = result.summary;
  const code = exitCodeOf(s, inputs.driftExitCode);
  const url = runUrl();
  // @actions/github (octokit) loads only now, after the work.
  const [{ pullRequestOf, shouldComment, upsertComment }, { context }] = await Promise.all([
    import('./comment.js'),
    import('@actions/github'),
  ]);
  const pr = pullRequestOf(context);
  const headSha = (context.payload.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha;
  const view = {
    configFile: shownConfig,
    ...(url ? { runUrl: url } : {}),
    ...(headSha ? { headSha } : {}),
    ...(artifact?.url ? { reportUrl: artifact.url } : {}),
    computedAt: new Date(),
  };
  const summaryMarkdown = renderSummary(result, view);
  const planMarkdown = dryRun ? renderComment(result, view) : '';
  const outputs: Record<string, string | number | boolean> = {
    copied: s.copied,
    overwritten: s.overwritten,
    skipped: s.skipped,
    drifted: s.drifted,
    failed: s.failed,
    'would-copy': s.wouldCopy,
    'would-overwrite': s.wouldOverwrite,
    deferred: s.deferred ?? 0,
    'retry-at': s.retryAt ?? '',
    changed: s.copied + s.overwritten > 0,
    'exit-code': code,
    report: reportPath,
    'report-artifact-id': artifact?.id ?? '',
    'report-artifact-url': artifact?.url ?? '',
    'copied-tags': JSON.stringify(copiedTags(result)),
    'summary-markdown': summaryMarkdown,
    'plan-markdown': planMarkdown,
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
  const failDrift = failsOnDrift(inputs, dryRun);
  const failure =
    s.failed > 0
      ? `${s.failed} failed${s.drifted > 0 ? `, ${s.drifted} drifted` : ''}; see the annotations on ${shownConfig} and the job summary`
      : undefined;
  // A shard leaves annotations and the PR comment to the merge job, which sees the whole run.
  if (result.shard) {
    core.info(
      `shard ${result.shard.index}/${result.shard.count}: annotations and the PR comment come from the merge job`,
    );
    if (failure) core.error(failure);
  }
  // The summary annotation comes first (GitHub shows ten per step) and is the step's failure message.
  else annotate(resultAnnotations(result, workspace, process.cwd(), failure ? { summary: failure } : {}));
  if (inputs.summary) {
    try {
      await writeSummary(summaryMarkdown);
    } catch (err) {
      core.warning(`summary: could not write the job summary: ${redact((err as Error).message)}`);
    }
  }
  if (!result.shard && shouldComment(inputs.comment, eventName, dryRun, pr !== undefined) && pr) {
    if (!inputs.githubToken) {
      core.warning('comment: no github-token; the plan is in the job summary');
    } else {
      try {
        const outcome = await upsertComment({
          token: inputs.githubToken,
          pr,
          marker: commentMarker(shownConfig),
          body: planMarkdown || renderComment(result, view),
        });
        if (outcome.action === 'skipped') core.warning(outcome.reason);
        else core.info(`comment: ${outcome.action} the plan comment on pull request #${pr.number}`);
      } catch (err) {
        core.warning(redact((err as Error).message));
      }
    }
  }
  if (stateCache && backend) await saveStateCache(stateCache, result, backend);
  if (failure) {
    // Already said by the first annotation; fail the step without a second error annotation.
    process.exitCode = core.ExitCode.Failure;
  } else if (s.drifted > 0 && failDrift) {
    core.setFailed(
      `${s.drifted} drifted: a destination differs from its source and was left alone (set overwrite: true to replace it, or fail-on-drift: false to accept drift)`,
    );
  } else if (s.drifted > 0) {
    core.info(
      `${s.drifted} drifted${dryRun ? ' (existing drift)' : ''}; not failing the step (fail-on-drift: ${inputs.failOnDrift})`,
    );
  }
}

run().catch((err: unknown) => {
  core.setFailed(redact(err instanceof Error ? err.message : String(err)));
  try {
    core.setOutput('exit-code', err instanceof InputError ? '3' : '1');
  } catch {
    // The output file itself may be what failed; the step is failed either way.
  }
});
