/** Command-line parsing for `oci-mirror`. Errors are `UsageError` (exit code 3). */
import { parseArgs } from 'node:util';
import { parseGoDuration } from '../config/checks.js';
import { parseShard, parseShardBy, type ShardSpec, ShardSpecError } from '../sync/shard-spec.js';
import { DEFAULT_STATE_TTL_MS } from '../sync/state.js';

export type Command =
  | 'sync'
  | 'plan'
  | 'mirror'
  | 'list-images'
  | 'validate'
  | 'merge-reports'
  | 'version'
  | 'help';

const COMMANDS: readonly Command[] = [
  'sync',
  'plan',
  'mirror',
  'list-images',
  'validate',
  'merge-reports',
  'version',
  'help',
];
export type OutputFormat = 'text' | 'json' | 'yaml' | 'lazyoci-json' | 'hauler' | 'zarf';

export interface CliArgs {
  command: Command;
  /** `help`: the command whose help to print (`oci-mirror sync --help`, `oci-mirror help sync`). */
  helpFor?: Command;
  /** Config path, `-` for stdin, undefined for `$OCI_MIRROR_CONFIG`. */
  config?: string;
  output: OutputFormat;
  /** `--concurrency` (undefined: the config's `defaults.concurrency`, else the engine's default). */
  concurrency?: number | undefined;
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
  createRepositories: boolean;
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
  /** `--max-duration`: after this long no new copy starts; the rest are reported `deferred`. */
  maxDurationMs?: number;
  /** Sigstore trusted_root.json for every `verify:` entry (`--trusted-root`). */
  trustedRoot?: string;
  /** This process's part of the work (`--shard i/n`, `--shard-by`). */
  shard?: ShardSpec;
  /** `merge-reports`: the shards' JSON reports. */
  reports: string[];
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
  merge-reports FILE…   merge the JSON reports of a sharded run's shards into one run's report
                        (-o text|json|yaml, --report-file, --drift-exit-code as for sync)
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
  --concurrency N           copy jobs in flight (default: the config's defaults.concurrency, else 8)
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
  --max-duration DURATION   start no new copy after this long (e.g. 5h30m); the tags left are
                            reported deferred (not a failure) and the next run continues
  --trusted-root PATH       Sigstore trusted_root.json for every verify: entry (air-gapped runs,
                            private Sigstore); default: the public-good root through TUF
  --shard I/N               do only shard I of N of the work (a job matrix); merge the shards'
                            --report-file outputs with merge-reports
  --shard-by UNIT           repository (default: entries by source repository, weighted by the
                            tags the state file knows), entry, or tag
  --verbose                 a log stream on stderr instead of the tag lines (flux mirror's: sync
                            started, mirroring tag, blob and manifest pushes, tag done, sync complete)
  --no-progress             no live progress line on a terminal
  --insecure                skip TLS verification and allow plain HTTP for every registry
                            (HTTPS first; HTTP when the server speaks it)
  --create-repositories     create missing repositories on ECR hosts (provider: ecr) before pushing
  --images                  discover and mirror the images of every chart entry (runs helm template)
  --charts-only             publish charts without mirroring their images
  --images-only             mirror the images charts reference without publishing the charts
  --no-envsubst             do not substitute \${VAR} in the config
  -h, --help                this help; oci-mirror <command> --help for a command's examples

Exit codes: 0 clean, 1 any failure, 2 drift without failure, 3 invalid config or arguments.`;

/** What each command does, its options and examples (`oci-mirror <command> --help`). */
const COMMAND_HELP: Partial<Record<Command, string>> = {
  sync: `Usage: oci-mirror sync [CONFIG|-] [options]

Copy every selected tag the config asks for to its destinations. Tags already there are skipped;
a destination tag with another digest is drifted and left alone unless --overwrite.

Options: --dry-run, --overwrite, --only REGEX, --concurrency N, --retries N, --timeout DURATION,
--state-file PATH, --state-ttl DURATION, --report-file PATH, -o text|json|yaml, --verbose,
--no-progress, --insecure, --no-envsubst, --images, --charts-only, --images-only,
--drift-exit-code N (see oci-mirror --help).

Examples:
  oci-mirror sync mirror.yaml
  oci-mirror sync mirror.yaml --only '^podinfo$' --overwrite
  oci-mirror sync mirror.yaml --state-file .oci-mirror-state.json -o json > report.json
  REGISTRY_PASSWORD=… oci-mirror sync - < mirror.yaml

Exit codes: 0 clean, 1 any failure, 2 drift without failure, 3 invalid config or arguments.`,
  plan: `Usage: oci-mirror plan [CONFIG|-] [options]

What sync would do, writing nothing: would-copy, would-overwrite, drifted, skipped.
Takes the options of sync (see oci-mirror sync --help).

Examples:
  oci-mirror plan mirror.yaml
  oci-mirror plan mirror.yaml -o yaml --only '^nginx'`,
  'list-images': `Usage: oci-mirror list-images [CONFIG] [-o yaml|json|hauler|zarf] [--images]

Render the config's charts (helm template) and print the images they reference. --images
discovers images for every chart entry, not only those with images.discover.

Examples:
  oci-mirror list-images mirror.yaml
  oci-mirror list-images mirror.yaml --images -o hauler > hauler.yaml
  oci-mirror list-images mirror.yaml -o zarf > zarf.yaml`,
  validate: `Usage: oci-mirror validate CONFIG

Check a config (our dialect, flux mirror Config v1beta1/v1beta2 or lazyoci's mirror.yaml)
without contacting any registry. Every problem names file:line:column and the field path.

Examples:
  oci-mirror validate mirror.yaml
  OCI_MIRROR_CONFIG="$(cat mirror.yaml)" oci-mirror validate`,
};

/** The help of one command, or the general usage. */
export function helpText(command?: Command): string {
  return (command && COMMAND_HELP[command]) ?? USAGE;
}

/** Parse a Go-style duration (`90s`, `5m`, `1h30m`, `250ms`; `7d` with `days`) into milliseconds. */
export function parseDuration(text: string, flag = 'timeout', options: { days?: boolean } = {}): number {
  const ms = parseGoDuration(text, options);
  if (typeof ms === 'string') throw new UsageError(`--${flag}: ${ms}`);
  return ms;
}

/** `--timeout`: a run without a time budget could wait forever, so 0 is refused. */
function positiveDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms <= 0) throw new UsageError('--timeout: must be more than 0 (every wait is bounded by it)');
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

function shardOption<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ShardSpecError) throw new UsageError(`--${flag}: ${err.message}`);
    throw err;
  }
}

const HELP_DEFAULTS: CliArgs = {
  command: 'help',
  output: 'text',
  retries: 3,
  timeoutMs: 5 * 60_000,
  overwrite: false,
  driftExitCode: 2,
  dryRun: false,
  verbose: false,
  progress: false,
  insecure: false,
  createRepositories: false,
  envsubst: true,
  images: false,
  chartsOnly: false,
  imagesOnly: false,
  all: false,
  stateTtlMs: DEFAULT_STATE_TTL_MS,
  reports: [],
};

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
        'max-duration': { type: 'string' },
        'trusted-root': { type: 'string' },
        shard: { type: 'string' },
        'shard-by': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        'no-progress': { type: 'boolean' },
        insecure: { type: 'boolean' },
        'create-repositories': { type: 'boolean' },
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
  if (v.help || first === 'help') {
    const about = v.help ? first : second;
    return {
      ...HELP_DEFAULTS,
      ...(about !== undefined && (COMMANDS as readonly string[]).includes(about)
        ? { helpFor: about as Command }
        : {}),
    };
  }
  if (bareVersion.length > 0) command = 'version';
  else if (first === undefined)
    throw new UsageError(
      'missing command (sync, plan, mirror, list-images, validate, merge-reports, version)',
    );
  else if ((COMMANDS as readonly string[]).includes(first)) command = first as Command;
  else
    throw new UsageError(
      `unknown command "${first}" (expected sync, plan, mirror, list-images, validate, merge-reports, version)`,
    );
  const merging = command === 'merge-reports';
  if (extra.length > 0 && !merging) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (merging && second === undefined)
    throw new UsageError("merge-reports: missing the shards' report files");
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
    // Unset, the config's `defaults.concurrency` applies, else the engine's default (8).
    ...(v.concurrency !== undefined
      ? { concurrency: integer('concurrency', v.concurrency as string, 8, 1) }
      : {}),
    ...(v.streams !== undefined ? { streams: integer('streams', v.streams as string, 16, 1) } : {}),
    retries: integer('retries', v.retries as string | undefined, 3, 0),
    timeoutMs: v.timeout !== undefined ? positiveDuration(v.timeout as string) : 5 * 60_000,
    overwrite: v.overwrite === true,
    // An exit status is one byte: 256 would wrap to 0 and hide the drift.
    driftExitCode: integer('drift-exit-code', v['drift-exit-code'] as string | undefined, 2, 0, 255),
    dryRun: v['dry-run'] === true || command === 'plan',
    verbose: v.verbose === true,
    progress: v['no-progress'] !== true && env.CI === undefined,
    insecure: v.insecure === true,
    createRepositories: v['create-repositories'] === true,
    envsubst: v['no-envsubst'] !== true,
    images: v.images === true,
    chartsOnly: v['charts-only'] === true,
    imagesOnly: v['images-only'] === true,
    all: v.all === true,
    stateTtlMs:
      v['state-ttl'] !== undefined
        ? parseDuration(v['state-ttl'] as string, 'state-ttl', { days: true })
        : DEFAULT_STATE_TTL_MS,
    reports: merging ? parsed.positionals.slice(1) : [],
  };
  if (v['max-duration'] !== undefined) {
    const ms = parseDuration(v['max-duration'] as string, 'max-duration', { days: true });
    if (ms <= 0) throw new UsageError('--max-duration: must be more than 0');
    args.maxDurationMs = ms;
  }
  if (charts !== undefined) args.charts = charts;
  if (multi.set !== undefined) {
    args.sets = multi.set.map((s) => {
      const m = /^([^:=]+):([^=]+)=(.*)$/s.exec(s);
      if (!m) throw new UsageError(`--set: expected component:path=value, got "${s}"`);
      return { component: m[1] as string, path: m[2] as string, value: m[3] as string };
    });
  }
  if (versions.length > 0) args.versions = versions;
  if (second !== undefined && !merging) args.config = second;
  else if (typeof v.config === 'string') args.config = v.config;
  else if (command === 'mirror')
    args.config = 'mirror.yaml'; // lazyoci's default
  else if (env[FLUX_CONFIG_ENV] !== undefined && env[FLUX_CONFIG_ENV] !== '')
    args.config = env[FLUX_CONFIG_ENV];
  if (typeof v.shard === 'string') {
    const raw = v['shard-by'];
    args.shard = {
      ...shardOption('shard', () => parseShard(v.shard as string)),
      by: typeof raw === 'string' ? shardOption('shard-by', () => parseShardBy(raw)) : 'repository',
    };
  } else if (v['shard-by'] !== undefined) {
    throw new UsageError('--shard-by: only meaningful with --shard');
  }
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
