/**
 * The only reader of the action's inputs: each is read and validated here, and a bad value names
 * the input and what it accepts. Defaults live in `INPUT_DEFAULTS`, which a test compares with
 * `action.yml` (names and defaults), so the two cannot drift apart.
 */
import * as core from '@actions/core';
import { parseGoDuration } from '../config/checks.js';
import { parseShard, parseShardBy, type ShardSpec, ShardSpecError } from '../sync/shard-spec.js';

/** A yes/no/let-the-event-decide switch (`dry-run`, `comment`). */
export type Tristate = 'auto' | 'true' | 'false';

/** Every input, typed and validated. */
export interface ActionInputs {
  config: string;
  dryRun: Tristate;
  /** Only entries whose name matches (unanchored, like the CLI's `--only`). */
  only?: RegExp;
  overwrite: boolean;
  /** Copy jobs in flight (undefined: the config's `defaults.concurrency`, else the engine's default). */
  concurrency?: number;
  retries: number;
  timeoutMs: number;
  /** Fail the step on drift: `auto` fails syncs, not dry-run plans (drift there already exists). */
  failOnDrift: Tristate;
  /** The `exit-code` output for drift without failure (2, or the deprecated `drift-exit-code`). */
  driftExitCode: number;
  insecure: boolean;
  createRepositories: boolean;
  envsubst: boolean;
  /** Write the job summary. */
  summary: boolean;
  /** Comment the dry-run plan on the pull request. */
  comment: Tristate;
  /** Keep known destination digests in the Actions cache. */
  cache: boolean;
  /** How long a cached destination digest is trusted, in ms. */
  cacheTtlMs: number;
  /** Token for the PR comment; undefined when empty. */
  githubToken?: string;
  /** Discover and mirror the images of every chart entry (`--images`). */
  images: boolean;
  /** Publish charts without mirroring their images (`--charts-only`). */
  chartsOnly: boolean;
  /** Mirror the images charts reference without publishing the charts (`--images-only`). */
  imagesOnly: boolean;
  /** helm release to download when the runner has none (`v3.19.0`); undefined: the pinned one. */
  helmVersion?: string;
  /** Expected sha256 (hex) of that release's tarball; undefined: the pinned hash. */
  helmSha256?: string;
  /** Sigstore trusted_root.json for every `verify:` entry (`--trusted-root`); undefined: public good. */
  trustedRoot?: string;
  /** `sync` mirrors (all of it, or `shard`'s part); `merge` merges the shards' reports in `reports`. */
  mode: 'sync' | 'merge';
  /** This job's part of the work (`shard: i/n`, `shard-by`). */
  shard?: ShardSpec;
  /** `mode: merge`: directory searched (recursively) for the shards' JSON reports. */
  reports: string;
  /** Upload the JSON report as a workflow artifact. */
  uploadReport: boolean;
  /** That artifact's name (default `oci-mirror`, `oci-mirror-shard-I-of-N` for a shard). */
  reportArtifact: string;
  /** `max-duration`: after this long no new copy starts; the rest are reported `deferred`. */
  maxDurationMs?: number;
  /** Warnings about deprecated inputs that were set, for the log. */
  deprecations: string[];
}

/** An input with a value outside what it accepts. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Each input's default, exactly as `action.yml` writes it (`github-token`'s is an expression the
 * runner evaluates; when it reaches us empty there is no token).
 */
export const INPUT_DEFAULTS = {
  config: '.github/oci-mirror.yaml',
  'dry-run': 'auto',
  only: '',
  overwrite: 'false',
  concurrency: '',
  retries: '3',
  timeout: '5m',
  'fail-on-drift': 'auto',
  'drift-exit-code': '',
  insecure: 'false',
  'create-repositories': 'false',
  envsubst: 'true',
  'no-envsubst': '',
  summary: 'true',
  comment: 'auto',
  cache: 'false',
  'cache-ttl': '24h',
  images: 'false',
  'charts-only': 'false',
  'images-only': 'false',
  'helm-version': '',
  'helm-sha256': '',
  'trusted-root': '',
  mode: 'sync',
  shard: '',
  'shard-by': 'repository',
  reports: 'oci-mirror-reports',
  'upload-report': 'true',
  'report-artifact': '',
  'max-duration': '',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, evaluated by the runner.
  'github-token': '${{ github.token }}',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;

export const DEFAULT_CONFIG = INPUT_DEFAULTS.config;

/** The raw value, or the default when the runner passed nothing. */
function raw(name: InputName): string {
  const v = core.getInput(name).trim();
  return v === '' ? INPUT_DEFAULTS[name] : v;
}

function bool(name: InputName): boolean {
  const v = raw(name).toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`${name}: expected true or false, got "${v}"`);
}

function int(name: InputName, min: number): number {
  const v = raw(name);
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new InputError(`${name}: expected an integer >= ${min}, got "${v}"`);
  return Number(v);
}

function choice(name: InputName): Tristate {
  const v = raw(name).toLowerCase();
  if (v === 'auto' || v === 'true' || v === 'false') return v;
  throw new InputError(`${name}: expected auto, true or false, got "${v}"`);
}

function duration(name: InputName): number {
  const ms = parseGoDuration(raw(name), { days: true });
  if (typeof ms === 'string') throw new InputError(`${name}: ${ms}`);
  return ms;
}

/** A duration that must be more than 0 (`timeout`: every wait is bounded by it). */
function positive(name: InputName, ms: number): number {
  if (ms <= 0) throw new InputError(`${name}: must be more than 0 (every wait is bounded by it)`);
  return ms;
}

function regex(name: InputName): RegExp | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  try {
    return new RegExp(v);
  } catch (err) {
    throw new InputError(
      `${name}: expected a regular expression matched against entry names: ${(err as Error).message}`,
    );
  }
}

function helmVersion(name: InputName): string | undefined {
  const v = raw(name);
  if (v === '') return undefined;
  if (!/^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(v))
    throw new InputError(`${name}: expected a helm release version like v3.19.0, got "${v}"`);
  return v.startsWith('v') ? v : `v${v}`;
}

function sha256(name: InputName): string | undefined {
  const v = raw(name)
    .toLowerCase()
    .replace(/^sha256:/, '');
  if (v === '') return undefined;
  if (!/^[0-9a-f]{64}$/.test(v))
    throw new InputError(`${name}: expected a sha256 checksum (64 hex digits), got "${raw(name)}"`);
  return v;
}

function shardInput<T>(name: InputName, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ShardSpecError) throw new InputError(`${name}: ${err.message}`);
    throw err;
  }
}

function modeOf(value: string): 'sync' | 'merge' {
  const v = value.toLowerCase();
  if (v === 'sync' || v === 'merge') return v;
  throw new InputError(`mode: expected sync or merge, got "${v}"`);
}

/**
 * `fail-on-drift` and `envsubst`, honouring their deprecated forms (`drift-exit-code: N`,
 * `no-envsubst: true`) with a warning each; the new name wins when both are set.
 */
function deprecated(): Pick<ActionInputs, 'failOnDrift' | 'driftExitCode' | 'envsubst' | 'deprecations'> {
  const deprecations: string[] = [];
  let failOnDrift = choice('fail-on-drift');
  let driftExitCode = 2;
  if (raw('drift-exit-code') !== '') {
    driftExitCode = int('drift-exit-code', 0);
    const explicit = core.getInput('fail-on-drift').trim() !== '';
    if (!explicit) failOnDrift = driftExitCode === 0 ? 'false' : 'true';
    deprecations.push(
      `drift-exit-code is deprecated (a step cannot pass a numeric exit code to the runner): use fail-on-drift: ${driftExitCode === 0 ? 'false' : 'true'}${explicit ? '; fail-on-drift is set too and wins' : ''}`,
    );
  }
  let envsubst = bool('envsubst');
  if (raw('no-envsubst') !== '') {
    const no = bool('no-envsubst');
    if (core.getInput('envsubst').trim() === '') envsubst = !no;
    deprecations.push(`no-envsubst is deprecated: use envsubst: ${no ? 'false' : 'true'}`);
  }
  return { failOnDrift, driftExitCode, envsubst, deprecations };
}

/** Read and validate every input; throws `InputError` naming the first bad one. */
export function readInputs(): ActionInputs {
  const token = core.getInput('github-token').trim();
  const only = regex('only');
  const chartsOnly = bool('charts-only');
  const imagesOnly = bool('images-only');
  if (chartsOnly && imagesOnly) throw new InputError('charts-only and images-only exclude each other');
  const helm = helmVersion('helm-version');
  const helmSum = sha256('helm-sha256');
  if (helmSum !== undefined && helm === undefined)
    throw new InputError("helm-sha256: set helm-version too (the checksum is that release's)");
  const shard =
    raw('shard') === ''
      ? undefined
      : {
          ...shardInput('shard', () => parseShard(raw('shard'))),
          by: shardInput('shard-by', () => parseShardBy(raw('shard-by'))),
        };
  return {
    config: raw('config'),
    dryRun: choice('dry-run'),
    ...(only ? { only } : {}),
    overwrite: bool('overwrite'),
    // Empty: the config's `defaults.concurrency`, else the engine's default.
    ...(raw('concurrency') !== '' ? { concurrency: int('concurrency', 1) } : {}),
    retries: int('retries', 0),
    timeoutMs: positive('timeout', duration('timeout')),
    ...deprecated(),
    insecure: bool('insecure'),
    createRepositories: bool('create-repositories'),
    summary: bool('summary'),
    comment: choice('comment'),
    cache: bool('cache'),
    cacheTtlMs: duration('cache-ttl'),
    ...(token !== '' && !token.startsWith('${{') ? { githubToken: token } : {}),
    images: bool('images'),
    chartsOnly,
    imagesOnly,
    ...(helm !== undefined ? { helmVersion: helm } : {}),
    ...(helmSum !== undefined ? { helmSha256: helmSum } : {}),
    ...(raw('trusted-root') !== '' ? { trustedRoot: raw('trusted-root') } : {}),
    mode: modeOf(raw('mode')),
    ...(shard ? { shard } : {}),
    reports: raw('reports'),
    uploadReport: bool('upload-report'),
    reportArtifact: artifactName(raw('report-artifact'), shard),
    ...(raw('max-duration') !== ''
      ? { maxDurationMs: positive('max-duration', duration('max-duration')) }
      : {}),
  };
}

/**
 * The report artifact's name: as given, else `oci-mirror` (`oci-mirror-shard-I-of-N` for a shard,
 * so a matrix's shards do not collide and `pattern: oci-mirror-shard-*` downloads them all).
 * Artifact names may not contain `" : < > | * ? \ /` nor CR/LF (as actions/upload-artifact checks).
 */
function artifactName(given: string, shard: ShardSpec | undefined): string {
  if (given === '') return shard ? `oci-mirror-shard-${shard.index}-of-${shard.count}` : 'oci-mirror';
  const bad = /[":<>|*?\\/\r\n]/.exec(given);
  if (bad)
    throw new InputError(`report-artifact: an artifact name may not contain ${JSON.stringify(bad[0])}`);
  return given;
}

/** Events on which `dry-run: auto` plans instead of copying. */
export const DRY_RUN_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target',
  'merge_group',
]);

/** Whether drift fails the step: `auto` fails a sync, not a dry-run plan (the drift already exists). */
export function failsOnDrift(inputs: Pick<ActionInputs, 'failOnDrift'>, dryRun: boolean): boolean {
  return inputs.failOnDrift === 'auto' ? !dryRun : inputs.failOnDrift === 'true';
}

/** Resolve `dry-run: auto` against the triggering event. */
export function isDryRun(inputs: Pick<ActionInputs, 'dryRun'>, eventName: string): boolean {
  return inputs.dryRun === 'auto' ? DRY_RUN_EVENTS.has(eventName) : inputs.dryRun === 'true';
}
