/** `sync` and `plan` (and `list-images`): the commands that talk to registries, loaded on demand by run.ts. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MirrorConfig } from '../config/model.js';
import { renderJson, renderYaml, toReport } from '../report/envelope.js';
import { type ImageListFormat, renderImageList } from '../report/images.js';
import { formatBytes, renderPlanFailureLine, renderSummaryLine, renderTagLine } from '../report/text.js';
import { redact } from '../secrets.js';
import { listChartImages } from '../sync/charts.js';
import { exitCodeOf, type SyncResult } from '../sync/model.js';
import { createSession, SessionError } from '../sync/session.js';
import { StateCache } from '../sync/state.js';
import { sync } from '../sync/sync.js';
import { VERSION } from '../version.js';
import { type CliArgs, type CliIO, EXIT_INVALID } from './args.js';

/** `sync` / `plan`: run the engine, print rows as they come, render the report; resolves to the exit code. */
export async function syncCommand(args: CliArgs, config: MirrorConfig, io: CliIO): Promise<number> {
  const out = (s: string) => io.stdout.write(redact(s));
  const err = (s: string) => io.stderr.write(redact(s));

  const text = args.output === 'text';
  const live = text ? out : err;
  const color = text && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const progress = args.progress && io.stderr.isTTY === true;
  let done = 0;
  let total = 0;
  let bytes = 0;
  const t0 = performance.now();
  const clearProgress = () => {
    if (progress) io.stderr.write('\r\u001b[K');
  };
  const drawProgress = () => {
    if (!progress) return;
    const secs = (performance.now() - t0) / 1000;
    io.stderr.write(
      `\r\u001b[K${done}/${total} tags · ${formatBytes(bytes)} · ${formatBytes(bytes / Math.max(secs, 0.001))}/s`,
    );
  };
  const state = args.stateFile
    ? new StateCache({ path: resolve(io.cwd, args.stateFile), ttlMs: args.stateTtlMs })
    : undefined;
  if (state) {
    await state.load();
    if (args.verbose) err(`state: ${state.size} destination digests known from ${state.path}\n`);
  }
  let result: Awaited<ReturnType<typeof sync>>;
  try {
    result = await sync(config, {
      dryRun: args.dryRun,
      overwrite: args.overwrite,
      concurrency: args.concurrency,
      ...(args.streams !== undefined ? { streams: args.streams } : {}),
      retries: args.retries,
      jobTimeoutMs: args.timeoutMs,
      insecure: args.insecure,
      env: io.env,
      images: args.images,
      chartsOnly: args.chartsOnly,
      imagesOnly: args.imagesOnly,
      userAgent: `oci-mirror/${VERSION}`,
      ...(args.only ? { only: (e: { name: string }) => (args.only as RegExp).test(e.name) } : {}),
      ...(state ? { knownDestinationDigest: state.knownDestinationDigest } : {}),
      onEvent: (event) => {
        if (event.type === 'planned') {
          total += event.jobs;
          drawProgress();
        } else if (event.type === 'tag') {
          done++;
          bytes += event.tag.bytes;
          if (!['copied', 'overwritten', 'failed'].includes(event.tag.status)) total++;
          clearProgress();
          if (text) live(`${renderTagLine(event.entry, event.tag, { color, verbose: args.verbose })}\n`);
          drawProgress();
        } else if (event.type === 'entry-failed') {
          clearProgress();
          if (text) live(`${renderPlanFailureLine(event.entry, { color })}\n`);
          drawProgress();
        } else if (event.type === 'log' && args.verbose) {
          clearProgress();
          err(`${event.message}\n`);
          drawProgress();
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
  }
  clearProgress();
  if (state) await saveState(state, result, args, err);
  const doc = toReport(result, {
    reporter: { name: 'oci-mirror', version: VERSION },
    configFile: config.file,
  });
  if (args.output === 'json') out(renderJson(doc));
  else if (args.output === 'yaml') out(renderYaml(doc));
  else out(`${renderSummaryLine(result, { color })}\n`);
  if (args.reportFile) await writeFile(args.reportFile, renderJson(doc));
  return exitCodeOf(result.summary, args.driftExitCode);
}

/** Learn from the run and write the state file; trouble costs the next run speed, never this run's exit code. */
async function saveState(
  state: StateCache,
  result: SyncResult,
  args: CliArgs,
  err: (s: string) => void,
): Promise<void> {
  if (args.verbose) err(`state: ${state.served} destination lookups answered from ${state.path}\n`);
  state.record(result);
  try {
    await state.write();
  } catch (e) {
    err(`oci-mirror: could not write the state file ${state.path}: ${(e as Error).message}\n`);
  }
}

/** `list-images`: discover chart images and print them; exit 1 when a chart failed to resolve or render. */
export async function listImages(args: CliArgs, config: MirrorConfig, io: CliIO): Promise<number> {
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
