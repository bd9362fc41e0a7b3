/** The `oci-mirror` command: parse arguments, load the config, sync, render, exit code. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigErrors } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import type { MirrorConfig } from '../config/model.js';
import { renderJson, renderJsonChunks, renderYaml, toReport } from '../report/envelope.js';
import { type ImageListFormat, renderImageList } from '../report/images.js';
import { renderLazyociJson, toLazyociResult } from '../report/lazyoci.js';
import {
  completionLines,
  entryStartedLine,
  logLine,
  planFailedLine,
  syncStartedLine,
  tagDoneLine,
  tagStartedLine,
} from '../report/log.js';
import { explainError } from '../report/remedy.js';
import {
  errorDetail,
  renderEntryNote,
  renderPlanFailureLine,
  renderSummaryLine,
  renderTagLine,
} from '../report/text.js';
import { redact, registerSecret } from '../secrets.js';
import { pointerTagsDroppedBySort } from '../select/index.js';
import { onSignals } from '../sync/cancel.js';
import { type ErrorInfo, exitCodeOf, type SyncResult } from '../sync/model.js';
import { STATE_AUTOSAVE_MS, StateCache } from '../sync/state.js';
import { VERSION } from '../version.js';
import { type CliArgs, helpText, parseCli, USAGE, UsageError } from './args.js';
import { applySets, selectCharts } from './charts.js';
import { Progress } from './progress.js';

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const EXIT_INVALID = 3;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

async function load(args: CliArgs, io: CliIO): Promise<MirrorConfig> {
  const input: Parameters<typeof loadConfig>[0] = { env: io.env, envsubst: args.envsubst, cwd: io.cwd };
  if (args.config !== undefined) input.path = args.config;
  if (args.config === '-') input.stdin = await readAll(io.stdin);
  const config = await loadConfig(input);
  for (const s of config.secrets) registerSecret(s);
  return config;
}

/** Run the CLI; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const out = (s: string) => io.stdout.write(redact(s));
  const err = (s: string) => io.stderr.write(redact(s));
  let args: CliArgs;
  try {
    args = parseCli(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`oci-mirror: ${e.message}\n\n${USAGE}\n`);
      return EXIT_INVALID;
    }
    throw e;
  }
  if (args.command === 'help') {
    out(`${helpText(args.helpFor)}\n`);
    return 0;
  }
  if (args.command === 'version') {
    out(`oci-mirror ${VERSION}\n`);
    return 0;
  }
  if (args.command === 'merge-reports') return mergeCommand(args, io);
  let config: MirrorConfig;
  try {
    config = await load(args, io);
  } catch (e) {
    if (e instanceof ConfigErrors) {
      err(`${e.message}\n`);
      return EXIT_INVALID;
    }
    throw e;
  }
  if (args.charts !== undefined || args.sets !== undefined) {
    try {
      if (args.charts !== undefined) config = selectCharts(config, args.charts, args.versions);
      if (args.sets !== undefined) config = applySets(config, args.sets);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      err(`oci-mirror: ${e.message}\n`);
      return EXIT_INVALID;
    }
  }
  if (args.command === 'validate') {
    for (const w of config.warnings ?? []) err(`warning: ${w}\n`);
    out(
      `${config.file}: valid (${config.dialect}; ${config.artifacts.length} artifact entries, ${config.charts.length} chart entries, ${config.hosts.length} hosts)\n`,
    );
    for (const hint of selectorHints(config)) err(`${hint}\n`);
    return 0;
  }

  // The registry engine loads only now: `validate` stays small (test/repo/startup.test.ts).
  const { sync, SessionError, DEFAULT_CONCURRENCY } = await import('./engine.js');
  if (args.command === 'list-images') return listImages(args, config, io);

  // Text mode prints tag lines and a summary on stdout; `--verbose` replaces them with the log
  // stream on stderr (as flux mirror does), whatever the output format.
  const text = args.output === 'text' && !args.verbose;
  const live = text ? out : err;

  const color = text && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const progress = args.progress && io.stderr.isTTY === true && !args.verbose;
  const meter = new Progress(performance.now());
  const clearProgress = () => {
    if (progress) io.stderr.write('\r\u001b[K');
  };
  const drawProgress = () => {
    if (progress)
      io.stderr.write(`\r\u001b[K${redact(meter.render(performance.now(), io.stderr.columns ?? 100))}`);
  };
  const log = (line: string) => {
    clearProgress();
    err(`${line}\n`);
    drawProgress();
  };
  const state = args.stateFile
    ? new StateCache({ path: resolve(io.cwd, args.stateFile), ttlMs: args.stateTtlMs })
    : undefined;
  if (state) {
    await state.load();
    if (args.verbose)
      log(
        logLine('state loaded', [
          ['known', state.size],
          ['file', state.path],
        ]),
      );
  }
  if (args.verbose) {
    log(
      syncStartedLine({
        entries: config.artifacts.length + config.charts.length,
        concurrency: args.concurrency ?? config.defaults.concurrency ?? DEFAULT_CONCURRENCY,
        ...(args.streams !== undefined ? { streams: args.streams } : {}),
        retries: args.retries,
        timeoutMs: args.timeoutMs,
      }),
    );
  }
  let result: Awaited<ReturnType<typeof sync>>;
  const started = Date.now();
  const cancel = onSignals((signal) => {
    clearProgress();
    err(`oci-mirror: ${signal} received: cancelling (nothing new starts; copies in flight are aborted)\n`);
    // Flush now what is known done: a SIGKILL may follow the signal (GitHub: 7.5 s after SIGINT).
    if (state)
      state.write().then(
        () => err(`oci-mirror: state saved to ${state.path} (${state.size} destinations known)\n`),
        () => undefined,
      );
  });
  try {
    result = await sync(config, {
      signal: cancel.signal,
      ...(args.maxDurationMs !== undefined ? { deadline: started + args.maxDurationMs } : {}),
      dryRun: args.dryRun,
      overwrite: args.overwrite,
      ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
      retries: args.retries,
      jobTimeoutMs: args.timeoutMs,
      insecure: args.insecure,
      createRepositories: args.createRepositories,
      env: io.env,
      images: args.images,
      chartsOnly: args.chartsOnly,
      imagesOnly: args.imagesOnly,
      userAgent: `oci-mirror/${VERSION}`,
      ...(args.only ? { only: (e: { name: string }) => (args.only as RegExp).test(e.name) } : {}),
      ...(state
        ? {
            knownDestinationDigest: state.knownDestinationDigest,
            knownDestinationConfirmedAt: state.confirmedAt,
            verificationCache: state.verifications,
            manifestChildren: state.manifestChildren,
          }
        : {}),
      ...(args.trustedRoot !== undefined ? { trustedRoot: resolve(io.cwd, args.trustedRoot) } : {}),
      ...(args.shard ? { shard: args.shard } : {}),
      ...(args.shard && state ? { shardWeights: state.tagCounts() } : {}),
      onEvent: (event) => {
        if (event.type === 'planned') {
          meter.planned(event.jobs);
          if (args.verbose) log(entryStartedLine(event.entry, event.jobs));
          const note = renderEntryNote(event.entry);
          if (note && text) {
            clearProgress();
            live(`${note}\n`);
          } else if (note && args.verbose) log(logLine(note));
          drawProgress();
        } else if (event.type === 'tag-started') {
          meter.started(event.entry.name, event.destination);
          if (args.verbose) log(tagStartedLine(event.source, event.destination));
          else drawProgress();
        } else if (event.type === 'tag') {
          if (state) {
            state.learn(event.tag);
            state.autosave(STATE_AUTOSAVE_MS);
          }
          if (meter.running.has(event.tag.destination))
            meter.finished(event.tag.destination, event.tag.bytes);
          else meter.decided();
          clearProgress();
          if (text) live(`${renderTagLine(event.entry, event.tag, { color })}\n`);
          if (args.verbose) log(tagDoneLine(event.tag));
          drawProgress();
        } else if (event.type === 'entry-failed') {
          clearProgress();
          if (text) live(`${renderPlanFailureLine(event.entry, { color })}\n`);
          if (args.verbose) log(planFailedLine(event.entry));
          drawProgress();
        } else if (event.type === 'log' && args.verbose) {
          log(logLine(event.message));
        }
      },
    });
  } catch (e) {
    clearProgress();
    if (e instanceof SessionError) {
      err(`oci-mirror: ${e.message}\n`);
      return EXIT_INVALID;
    }
    throw e;
  } finally {
    cancel.dispose();
  }
  clearProgress();
  if (state) await saveState(state, result, args, err);
  return finish(result, { name: 'oci-mirror', version: VERSION }, config.file, args, {
    out,
    color,
    text,
    log,
    config,
  });
}

/** Render the run's report (stdout, `--report-file`) and return its exit code. */
async function finish(
  result: SyncResult,
  reporter: { name: string; version: string },
  configFile: string | undefined,
  args: CliArgs,
  io: {
    out: (s: string) => void;
    color: boolean;
    /** Text output (not --verbose's log stream). */
    text: boolean;
    log: (line: string) => void;
    /** The config (lazyoci's JSON needs it; merge-reports has none). */
    config?: MirrorConfig;
  },
): Promise<number> {
  const { out, color, text, log, config } = io;
  const doc = toReport(result, { reporter, ...(configFile !== undefined ? { configFile } : {}) });
  // Piece by piece: a large report is never held whole (nor as a Buffer) at the end of a run.
  if (args.output === 'json') for (const piece of renderJsonChunks(doc)) out(piece);
  else if (args.output === 'lazyoci-json' && config) out(renderLazyociJson(toLazyociResult(result, config)));
  else if (args.output === 'yaml') out(renderYaml(doc));
  const failures = text ? failureLines(result) : [];
  // Text output only: json/yaml keep stderr for problems with the run itself.
  if (failures.length > 0 && text) out(`\nFailures (${failures.length}):\n${failures.join('\n')}\n\n`);
  if (text) out(`${renderSummaryLine(result, { color })}\n`);
  if (args.verbose) for (const line of completionLines(result)) log(line);
  if (args.reportFile) await writeFile(args.reportFile, renderJson(doc));
  return exitCodeOf(result.summary, args.driftExitCode);
}

/** `merge-reports`: one run's report from its shards' reports, with that run's exit code. */
async function mergeCommand(args: CliArgs, io: CliIO): Promise<number> {
  const out = (s: string) => io.stdout.write(redact(s));
  const files = [];
  try {
    for (const f of args.reports) files.push({ file: f, text: await readFile(resolve(io.cwd, f), 'utf8') });
  } catch (e) {
    io.stderr.write(redact(`oci-mirror: merge-reports: ${(e as Error).message}\n`));
    return EXIT_INVALID;
  }
  // The merge validates each report against the report schema (ajv): loaded for this command only.
  const { MergeError, mergeReports } = await import('../report/merge.js');
  let merged: ReturnType<typeof mergeReports>;
  try {
    merged = mergeReports(files);
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    io.stderr.write(redact(`oci-mirror: merge-reports: ${e.message}\n`));
    return EXIT_INVALID;
  }
  const color = args.output === 'text' && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  if (args.output === 'text')
    for (const entry of merged.result.entries) {
      if (entry.error) out(`${renderPlanFailureLine(entry, { color })}\n`);
      for (const tag of entry.tags) out(`${renderTagLine(entry, tag, { color })}\n`);
    }
  return finish(merged.result, merged.reporter, merged.configFile, args, {
    out,
    color,
    text: args.output === 'text',
    log: (line) => io.stderr.write(redact(`${line}\n`)),
  });
}

/**
 * Every failure again after the run, one line each with the reason in words and the fix, so a
 * long log does not hide them.
 */
function failureLines(result: SyncResult): string[] {
  const line = (name: string, what: string, e: ErrorInfo, ref: string | undefined) => {
    const x = explainError(e, ref);
    return `  ✗ ${name}: ${what}: ${x.reason} — ${x.remedy}\n      ${e.message}${errorDetail(e)}`;
  };
  return result.entries.flatMap((e) => [
    ...(e.error
      ? [line(e.name, 'plan failed', e.error, e.error.side === 'destination' ? e.destinations[0] : e.source)]
      : []),
    ...e.tags
      .flatMap((t) => [t, ...(t.images ?? [])])
      .filter((t) => t.status === 'failed')
      .map((t) => {
        const er = t.error ?? { message: t.reason ?? 'unknown error' };
        return line(e.name, t.source, er, er.side === 'destination' ? t.destination : t.source);
      }),
  ]);
}

/**
 * `validate`'s hints: selectors whose `regex`/`glob` matches pointer tags (`latest`, `main`, …)
 * that the sort will drop as unparseable, with the fix.
 */
function selectorHints(config: MirrorConfig): string[] {
  const hints: string[] = [];
  for (const a of config.artifacts) {
    const dropped = pointerTagsDroppedBySort(a.selector);
    if (dropped.length === 0) continue;
    const { file, line, column } = a.position;
    const what = a.selector.sortBy === 'numerical' ? 'numbers' : 'semantic versions';
    hints.push(
      `${file}:${line}:${column}: hint: ${a.name}: the selector matches tags like ${dropped.join(', ')}, but sortBy ${a.selector.sortBy ?? 'semver'} keeps only ${what} and drops them; set \`sortBy: alphabetical\` to keep them`,
    );
  }
  return hints;
}

/** Learn from the run and write the state file; trouble costs the next run speed, never this run's exit code. */
async function saveState(
  state: StateCache,
  result: SyncResult,
  args: CliArgs,
  err: (s: string) => void,
): Promise<void> {
  if (args.verbose)
    err(
      `${logLine('state used', [
        ['answered', state.served],
        ['file', state.path],
      ])}\n`,
    );
  state.record(result);
  try {
    await state.write();
  } catch (e) {
    err(`oci-mirror: could not write the state file ${state.path}: ${(e as Error).message}\n`);
  }
}

/** `list-images`: discover chart images and print them; exit 1 when a chart failed to resolve or render. */
async function listImages(args: CliArgs, config: MirrorConfig, io: CliIO): Promise<number> {
  const { createSession, SessionError } = await import('./engine.js');
  const { listChartImages } = await import('../sync/charts.js');
  const session = createSession(config, { insecure: args.insecure, env: io.env, retries: args.retries });
  try {
    const listings = await listChartImages(config, session.client, {
      images: args.images,
      env: io.env,
      userAgent: `oci-mirror/${VERSION}`,
    });
    io.stdout.write(renderImageList(listings, args.output as ImageListFormat));
    const failed = listings.filter((l) => l.error !== undefined);
    for (const l of failed) io.stderr.write(redact(`oci-mirror: ${l.name} ${l.version}: ${l.error}\n`));
    return failed.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof SessionError) {
      io.stderr.write(redact(`oci-mirror: ${e.message}\n`));
      return EXIT_INVALID;
    }
    throw e;
  } finally {
    await session.close();
  }
}
