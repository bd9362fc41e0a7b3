/** Command-line parsing for `oci-mirror`. Errors are `UsageError` (exit code 3). */
import { parseArgs } from 'node:util';
import { parseGoDuration } from '../config/checks.js';
import { DEFAULT_STATE_TTL_MS } from '../sync/state.js';

export type Command = 'sync' | 'plan' | 'mirror' | 'list-images' | 'validate' | 'version' | 'help';
export type OutputFormat = 'text' | 'json' | 'yaml' | 'lazyoci-json' | 'hauler' | 'zarf';

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
  /** lazyoci's `--chart KEY` (repeatable): only the chart entries of these upstream keys (or chart names). */
  charts?: string[];
  /** lazyoci's `--version V` (repeatable, comma-separated too): the versions of the named charts. */
  versions?: string[];
  /** lazyoci's `--all`. */
  all: boolean;
  /** aicr's `--set component:path=value` (repeatable): helm `--set path=value` for one chart's discovery. */
  sets?: { component: string; path: string; value: string }[];
  /** Keep known destination digests in this file between runs (`--state-file`). */
  stateFile?: string;
  /** How long a known destination digest is trusted, in ms (`--state-ttl`, default 24h). */
  stateTtlMs: number;
  /** Sigstore trusted_root.json for every `verify:` entry (`--trusted-root`). */
  trustedRoot?: string;
}

/** Invalid arguments: exit code 3. */
export class UsageError extends Error {}

export const USAGE = `Usage: oci-mirror <command> [CONFIG|-] [options]

Commands:
  sync [CONFIG|-]       mirror everything the config asks for
  plan [CONFIG|-]       show what sync would do (same as sync --dry-run)
  mirror                lazyoci's command: mirror --config FILE (default mirror.yaml) --all, or
                        --chart KEY [--version V]...; -o json prints lazyoci's result shape
  list-images [CONFIG]  print the images chart discovery finds (-o yaml|json|hauler|zarf)
  validate CONFIG       check a config and exit
  version               print the version

CONFIG is a file path, "-" for standard input, or omitted: then $FLUX_MIRROR_CONFIG names the file
(as flux mirror reads it), else $OCI_MIRROR_CONFIG holds the YAML itself.

Options:
  -o, --output FORMAT       text (default), json, yaml or lazyoci-json (lazyoci's result shape);
                            list-images: yaml (default), json, hauler or zarf
  -c, --config FILE         the config file (instead of the CONFIG argument)
  --all                     every chart of the config (lazyoci)
  --chart KEY               only this chart: a lazyoci upstream key or a chart name (repeatable)
  --version V               only these versions of the --chart charts (repeatable)
  --set COMPONENT:PATH=VALUE  a helm --set PATH=VALUE for the chart COMPONENT (its name or lazyoci
                            key) when its images are discovered (repeatable; as aicr does)
  --concurrency N           copy jobs in flight (default 4)
  --streams N               blob streams in flight across all jobs (default 16, or 2x concurrency)
  --retries N               retries per request and per upload (default 3)
  --timeout DURATION        time budget per copy job, e.g. 90s, 5m (default 5m)
  --overwrite               replace destination tags that differ from the source
  --drift-exit-code N       exit code (0-255) when something drifted and nothing failed (default 2)
  --dry-run                 plan only: report would-copy / would-overwrite, write nothing
  --only REGEX              only entries whose name matches
  --report-file PATH        also write the JSON report to PATH
  --state-file PATH         remember destination digests in PATH between runs: a warm run then
                            costs about one request per source tag (drift is still checked live)
  --state-ttl DURATION      how long a remembered digest is trusted, e.g. 30m, 24h, 7d (default 24h)
  --trusted-root PATH       Sigstore trusted_root.json for every verify: entry (air-gapped runs,
                            private Sigstore); default: the public-good root through TUF
  --verbose                 a log stream on stderr instead of the tag lines (flux mirror's: sync
                            started, mirroring tag, blob and manifest pushes, tag done, sync complete)
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

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max?: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || (max !== undefined && Number(value) > max)) {
    const want = max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new UsageError(`--${name}: expected ${want}, got "${value}"`);
  }
  return Number(value);
}

/** flux mirror's variable: the path of the config file, read when no CONFIG argument is given. */
export const FLUX_CONFIG_ENV = 'FLUX_MIRROR_CONFIG';

/** Parse argv (without node and script). */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  // `--version` alone prints our version; `--version V` is lazyoci's version override.
  const bareVersion = argv.flatMap((a, i) =>
    a === '--version' && (i === argv.length - 1 || (argv[i + 1] ?? '').startsWith('-')) ? [i] : [],
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.filter((_, i) => !bareVersion.includes(i)),
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        all: { type: 'boolean' },
        chart: { type: 'string', multiple: true },
        version: { type: 'string', multiple: true },
        set: { type: 'string', multiple: true },
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
        'trusted-root': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        'no-progress': { type: 'boolean' },
        insecure: { type: 'boolean' },
        'no-envsubst': { type: 'boolean' },
        images: { type: 'boolean' },
        'charts-only': { type: 'boolean' },
        'images-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const multi = parsed.values as Record<string, string[] | undefined>;
  const [first, second, ...extra] = parsed.positionals;
  let command: Command;
  if (v.help) command = 'help';
  else if (bareVersion.length > 0) command = 'version';
  else if (first === undefined)
    throw new UsageError('missing command (sync, plan, mirror, list-images, validate, version)');
  else if (['sync', 'plan', 'mirror', 'list-images', 'validate', 'version', 'help'].includes(first))
    command = first as Command;
  else
    throw new UsageError(
      `unknown command "${first}" (expected sync, plan, mirror, list-images, validate, version)`,
    );
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const listing = command === 'list-images';
  let output = (v.output as string | undefined) ?? (listing ? 'yaml' : 'text');
  if (listing && !['yaml', 'json', 'hauler', 'zarf'].includes(output))
    throw new UsageError(`--output: expected yaml, json, hauler or zarf, got "${output}"`);
  if (!listing && !['text', 'json', 'yaml', 'lazyoci-json'].includes(output))
    throw new UsageError(`--output: expected text, json, yaml or lazyoci-json, got "${output}"`);
  // `mirror` is lazyoci's command: its `-o json` is lazyoci's result shape.
  if (command === 'mirror' && output === 'json') output = 'lazyoci-json';
  const charts = multi.chart;
  const versions = (multi.version ?? [])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  if (command === 'mirror') {
    if (charts === undefined && v.all !== true)
      throw new UsageError('mirror: specify --chart <key> or --all');
    if (charts !== undefined && v.all === true)
      throw new UsageError('--chart and --all are mutually exclusive');
  }
  if (versions.length > 0 && charts === undefined)
    throw new UsageError('--version: name the chart(s) it applies to with --chart');
  if (typeof v.config === 'string' && second !== undefined)
    throw new UsageError(`give the config once: --config ${v.config} or "${second}"`);
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
    // An exit status is one byte: 256 would wrap to 0 and hide the drift.
    driftExitCode: integer('drift-exit-code', v['drift-exit-code'] as string | undefined, 2, 0, 255),
    dryRun: v['dry-run'] === true || command === 'plan',
    verbose: v.verbose === true,
    progress: v['no-progress'] !== true && env.CI === undefined,
    insecure: v.insecure === true,
    envsubst: v['no-envsubst'] !== true,
    images: v.images === true,
    chartsOnly: v['charts-only'] === true,
    imagesOnly: v['images-only'] === true,
    all: v.all === true,
    stateTtlMs:
      v['state-ttl'] !== undefined
        ? parseDuration(v['state-ttl'] as string, 'state-ttl', { days: true })
        : DEFAULT_STATE_TTL_MS,
  };
  if (charts !== undefined) args.charts = charts;
  if (multi.set !== undefined) {
    args.sets = multi.set.map((s) => {
      const m = /^([^:=]+):([^=]+)=(.*)$/s.exec(s);
      if (!m) throw new UsageError(`--set: expected component:path=value, got "${s}"`);
      return { component: m[1] as string, path: m[2] as string, value: m[3] as string };
    });
  }
  if (versions.length > 0) args.versions = versions;
  if (second !== undefined) args.config = second;
  else if (typeof v.config === 'string') args.config = v.config;
  else if (command === 'mirror')
    args.config = 'mirror.yaml'; // lazyoci's default
  else if (env[FLUX_CONFIG_ENV] !== undefined && env[FLUX_CONFIG_ENV] !== '')
    args.config = env[FLUX_CONFIG_ENV];
  if (typeof v['report-file'] === 'string') args.reportFile = v['report-file'];
  if (only) args.only = only;
  if (typeof v['state-file'] === 'string') {
    if (v['state-file'] === '') throw new UsageError('--state-file: expected a path');
    args.stateFile = v['state-file'];
  } else if (v['state-ttl'] !== undefined) {
    throw new UsageError('--state-ttl: only meaningful with --state-file');
  }
  if (typeof v['trusted-root'] === 'string') {
    if (v['trusted-root'] === '') throw new UsageError('--trusted-root: expected a path');
    args.trustedRoot = v['trusted-root'];
  }
  if (args.command === 'validate' && args.config === undefined && env.OCI_MIRROR_CONFIG === undefined) {
    throw new UsageError('validate: missing CONFIG');
  }
  return args;
}
