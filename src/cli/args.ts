/** Command-line parsing for `oci-mirror`. Errors are `UsageError` (exit code 3). */
import { parseArgs } from 'node:util';
import { parseGoDuration } from '../config/checks.js';
import { DEFAULT_STATE_TTL_MS } from '../sync/state.js';

export type Command = 'sync' | 'plan' | 'list-images' | 'validate' | 'version' | 'help';
export type OutputFormat = 'text' | 'json' | 'yaml' | 'hauler' | 'zarf';

export interface CliArgs {
  command: Command;
  /** Config path, `-` for stdin, undefined for `$OCI_MIRROR_CONFIG`. */
  config?: string;
  output: OutputFormat;
  concurrency: number;
  /** Blob streams in flight across all jobs (undefined: the engine's default). */
  streams?: number | undefined;
  retries: number;
  timeoutMs: number;
  overwrite: boolean;
  driftExitCode: number;
  dryRun: boolean;
  verbose: boolean;
  progress: boolean;
  insecure: boolean;
  envsubst: boolean;
  /** Write the JSON report to this file as well. */
  reportFile?: string;
  /** Only entries whose name matches this regular expression. */
  only?: RegExp;
  /** Discover the images of every chart entry. */
  images: boolean;
  /** Publish charts, not their images. */
  chartsOnly: boolean;
  /** Mirror discovered images, not the charts. */
  imagesOnly: boolean;
  /** Keep known destination digests in this file between runs (`--state-file`). */
  stateFile?: string;
  /** How long a known destination digest is trusted, in ms (`--state-ttl`, default 24h). */
  stateTtlMs: number;
}

/** Invalid arguments: exit code 3. */
export class UsageError extends Error {}

export const USAGE = `Usage: oci-mirror <command> [CONFIG|-] [options]

Commands:
  sync [CONFIG|-]       mirror everything the config asks for
  plan [CONFIG|-]       show what sync would do (same as sync --dry-run)
  list-images [CONFIG]  print the images chart discovery finds (-o yaml|json|hauler|zarf)
  validate CONFIG       check a config and exit
  version               print the version

CONFIG is a file path, "-" for standard input, or omitted to read the YAML from $OCI_MIRROR_CONFIG.

Options:
  -o, --output FORMAT       text (default), json or yaml; list-images: yaml (default), json,
                            hauler or zarf
  --concurrency N           copy jobs in flight (default 4)
  --streams N               blob streams in flight across all jobs (default 16, or 2x concurrency)
  --retries N               retries per request and per upload (default 3)
  --timeout DURATION        time budget per copy job, e.g. 90s, 5m (default 5m)
  --overwrite               replace destination tags that differ from the source
  --drift-exit-code N       exit code when something drifted and nothing failed (default 2)
  --dry-run                 plan only: report would-copy / would-overwrite, write nothing
  --only REGEX              only entries whose name matches
  --report-file PATH        also write the JSON report to PATH
  --state-file PATH         remember destination digests in PATH between runs: a warm run then
                            costs about one request per source tag (drift is still checked live)
  --state-ttl DURATION      how long a remembered digest is trusted, e.g. 30m, 24h, 7d (default 24h)
  --verbose                 log every operation with digests on stderr
  --no-progress             no live progress line on a terminal
  --insecure                skip TLS verification for every registry
  --images                  discover and mirror the images of every chart entry (runs helm template)
  --charts-only             publish charts without mirroring their images
  --images-only             mirror the images charts reference without publishing the charts
  --no-envsubst             do not substitute \${VAR} in the config
  -h, --help                this help

Exit codes: 0 clean, 1 any failure, 2 drift without failure, 3 invalid config or arguments.`;

/** Parse a Go-style duration (`90s`, `5m`, `1h30m`, `250ms`; `7d` with `days`) into milliseconds. */
export function parseDuration(text: string, flag = 'timeout', options: { days?: boolean } = {}): number {
  const ms = parseGoDuration(text, options);
  if (typeof ms === 'string') throw new UsageError(`--${flag}: ${ms}`);
  return ms;
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`--${name}: expected an integer >= ${min}, got "${value}"`);
  return Number(value);
}

/** Parse argv (without node and script). */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        concurrency: { type: 'string' },
        streams: { type: 'string' },
        retries: { type: 'string' },
        timeout: { type: 'string' },
        overwrite: { type: 'boolean' },
        'drift-exit-code': { type: 'string' },
        'dry-run': { type: 'boolean' },
        only: { type: 'string' },
        'report-file': { type: 'string' },
        'state-file': { type: 'string' },
        'state-ttl': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        'no-progress': { type: 'boolean' },
        insecure: { type: 'boolean' },
        'no-envsubst': { type: 'boolean' },
        images: { type: 'boolean' },
        'charts-only': { type: 'boolean' },
        'images-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const [first, second, ...extra] = parsed.positionals;
  let command: Command;
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (first === undefined)
    throw new UsageError('missing command (sync, plan, list-images, validate, version)');
  else if (['sync', 'plan', 'list-images', 'validate', 'version', 'help'].includes(first))
    command = first as Command;
  else
    throw new UsageError(`unknown command "${first}" (expected sync, plan, list-images, validate, version)`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const listing = command === 'list-images';
  const output = (v.output as string | undefined) ?? (listing ? 'yaml' : 'text');
  if (listing && !['yaml', 'json', 'hauler', 'zarf'].includes(output))
    throw new UsageError(`--output: expected yaml, json, hauler or zarf, got "${output}"`);
  if (!listing && !['text', 'json', 'yaml'].includes(output))
    throw new UsageError(`--output: expected text, json or yaml, got "${output}"`);
  if (v['charts-only'] === true && v['images-only'] === true)
    throw new UsageError('--charts-only and --images-only exclude each other');
  let only: RegExp | undefined;
  if (typeof v.only === 'string') {
    try {
      only = new RegExp(v.only);
    } catch (err) {
      throw new UsageError(`--only: ${(err as Error).message}`);
    }
  }
  const args: CliArgs = {
    command,
    output: output as OutputFormat,
    concurrency: integer('concurrency', v.concurrency as string | undefined, 4, 1),
    ...(v.streams !== undefined ? { streams: integer('streams', v.streams as string, 16, 1) } : {}),
    retries: integer('retries', v.retries as string | undefined, 3, 0),
    timeoutMs: v.timeout !== undefined ? parseDuration(v.timeout as string) : 5 * 60_000,
    overwrite: v.overwrite === true,
    driftExitCode: integer('drift-exit-code', v['drift-exit-code'] as string | undefined, 2, 0),
    dryRun: v['dry-run'] === true || command === 'plan',
    verbose: v.verbose === true,
    progress: v['no-progress'] !== true && env.CI === undefined,
    insecure: v.insecure === true,
    envsubst: v['no-envsubst'] !== true,
    images: v.images === true,
    chartsOnly: v['charts-only'] === true,
    imagesOnly: v['images-only'] === true,
    stateTtlMs:
      v['state-ttl'] !== undefined
        ? parseDuration(v['state-ttl'] as string, 'state-ttl', { days: true })
        : DEFAULT_STATE_TTL_MS,
  };
  if (second !== undefined) args.config = second;
  if (typeof v['report-file'] === 'string') args.reportFile = v['report-file'];
  if (only) args.only = only;
  if (typeof v['state-file'] === 'string') {
    if (v['state-file'] === '') throw new UsageError('--state-file: expected a path');
    args.stateFile = v['state-file'];
  } else if (v['state-ttl'] !== undefined) {
    throw new UsageError('--state-ttl: only meaningful with --state-file');
  }
  if (args.command === 'validate' && args.config === undefined && env.OCI_MIRROR_CONFIG === undefined) {
    throw new UsageError('validate: missing CONFIG');
  }
  return args;
}

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const EXIT_INVALID = 3;
