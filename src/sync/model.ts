/**
 * The result model of a sync run: what the planner decided and what the executor did, per entry
 * and per tag. Front ends (CLI, action) and reports render this; nothing here does I/O.
 */
import type { SourcePosition } from '../config/model.js';
import type { Side } from '../oci/errors.js';
import type { Verification } from '../verify/index.js';

/** What happened (or would happen, in a dry run) to one tag at one destination. */
export type TagStatus =
  | 'copied'
  | 'overwritten'
  | 'skipped'
  | 'drifted'
  | 'would-copy'
  | 'would-overwrite'
  | 'failed';

export const TAG_STATUSES: readonly TagStatus[] = [
  'copied',
  'overwritten',
  'skipped',
  'drifted',
  'would-copy',
  'would-overwrite',
  'failed',
];

/** A failure explained: which side, which operation, the HTTP status and the registry's error code. */
export interface ErrorInfo {
  message: string;
  side?: Side;
  operation?: string;
  httpStatus?: number;
  code?: string;
  /** Error class name, e.g. `RegistryError`, `DigestMismatchError`, `AuthError`. */
  kind?: string;
  /** A failed tag write was undone or could not be: what the tag holds now. */
  repair?: string;
}

/** Blob accounting for one tag or a whole run. */
export interface BlobCounts {
  /** Streamed from source to destination. */
  copied: number;
  /** Mounted from another repository of the destination registry. */
  mounted: number;
  /** Already present at the destination. */
  existing: number;
}

/**
 * One referrer of a tag (signature bundle, SBOM, attestation, cosign `.sig/.att/.sbom` tag), as
 * flux mirror reports it: `digest`, `artifactType`, `status`, and `reason` when skipped.
 */
export interface ReferrerRow {
  digest: string;
  artifactType?: string;
  status: 'copied' | 'skipped' | 'would-copy' | 'failed';
  /** Why skipped (`up-to-date`). */
  reason?: string;
  error?: ErrorInfo;
  /** The manifest it refers to when that is not the tag's digest (a platform manifest, another referrer). */
  subject?: string;
  /** cosign's legacy tag (`sha256-<hex>.sig`) for tag-attached signatures. */
  tag?: string;
}

export interface TagResult {
  /** Source reference with tag (or digest, for digest selections). */
  source: string;
  tag?: string;
  sourceDigest?: string;
  /** Destination reference with tag. */
  destination: string;
  /** Digest at the destination before the run (drift, overwrite, skip). */
  destinationDigest?: string;
  status: TagStatus;
  /** Why: `up-to-date`, `destination differs (overwrite: false)`, … */
  reason?: string;
  error?: ErrorInfo;
  mediaType?: string;
  /** Bytes streamed for this tag (blobs copied; mounts and existing blobs count 0). */
  bytes: number;
  blobs: BlobCounts;
  /** Manifests written (children + tagged). */
  manifests: number;
  /** The tag's referrers, one row each, when the entry includes referrers (dry runs too). */
  referrers?: ReferrerRow[];
  /**
   * Set when the copy is not the source's bytes, saying how (e.g. `platforms linux/amd64`): the
   * destination then holds a filtered index whose digest (`sourceDigest`) differs from the source's.
   */
  rewritten?: string;
  durationMs: number;
  /**
   * `verify:` entries: the signature that verified this tag's source digest (signer, signed time,
   * predicate type); on a `signature-too-new` skip also how old it was and the minAge asked.
   */
  verification?: TagVerification;
  /**
   * Chart versions only: the images discovered in this version and what happened to each (a chart
   * that failed to render has one failed row carrying helm's error). Counted in the summary.
   */
  images?: TagResult[];
}

/** The report's verification block. */
export interface TagVerification extends Verification {
  /** Only on `signature-too-new` rows: the signature's age and the `minAge` it fell short of. */
  tooNew?: { ageMs: number; minAge: string };
}

export interface EntryResult {
  /** Entry name (given, or the source repository). */
  name: string;
  kind: 'artifact' | 'chart';
  source: string;
  destinations: string[];
  position?: SourcePosition;
  /** Set when the entry failed before any tag could be handled (plan failure). */
  error?: ErrorInfo;
  /**
   * Dry runs only: why the entry could not be checked, e.g. a host it needs has no credential
   * because its secret is empty (a fork or Dependabot pull request). Not a failure.
   */
  notChecked?: string;
  /**
   * Tags the selector matched but the sort dropped because they do not parse for `sortBy`
   * (`latest`, `main` under `semver`): how many, and the first few.
   */
  unparseableTags?: UnparseableTags;
  tags: TagResult[];
}

/** Matching tags dropped as unparseable by the sort (flux mirror's rule), for the report. */
export interface UnparseableTags {
  count: number;
  sortBy: 'semver' | 'numerical';
  examples: string[];
}

export interface SyncSummary {
  entries: number;
  copied: number;
  overwritten: number;
  skipped: number;
  drifted: number;
  wouldCopy: number;
  wouldOverwrite: number;
  /** Failed tags plus entries whose plan failed (each such entry counts once). */
  failed: number;
  /**
   * Entries that failed before their tags could be handled (tag list, chart index): the tags they
   * would have mirrored are unknown and not in `failed` beyond the one each entry adds.
   */
  failedEntries?: number;
  /** Entries a dry run could not check (`EntryResult.notChecked`). */
  notChecked: number;
  bytes: number;
  blobs: BlobCounts;
  requests: number;
  /** The run was cancelled (SIGINT/SIGTERM): what was not started has `cancelled` rows. */
  cancelled?: boolean;
}

/**
 * A shard's run (`--shard i/n`): which part of the work it did, and where its rows stand in the
 * whole run's order, so that `merge-reports` can rebuild exactly the report of a single run.
 */
export interface ShardInfo {
  /** 1-based. */
  index: number;
  count: number;
  by: 'repository' | 'entry' | 'tag';
  /** Digest of the partition; every shard of one run must report the same. */
  fingerprint: string;
  /**
   * One item per entry of `entries`: its position among all entries of the config (artifacts in
   * order, then charts), and under `tag` every selected source reference of the entry in plan order.
   */
  order: { entry: number; sources?: string[] }[];
}

export interface SyncResult {
  startedAt: Date;
  durationMs: number;
  dryRun: boolean;
  entries: EntryResult[];
  summary: SyncSummary;
  /** Set on a shard's run only. */
  shard?: ShardInfo;
  /** Per registry host: requests made, 429s seen, and the rate-limit headroom the registry reported. */
  hosts?: HostUsage[];
  /**
   * Dry runs: hosts read without their credential because the runner refused the OIDC ID token
   * at run time (the why); their entries' auth failures are `notChecked`.
   */
  anonymousHosts?: { host: string; reason: string }[];
  /** Repositories this run created (`host/path`, sorted): ECR with `createRepositories`. */
  createdRepositories?: string[];
}

/** What one run asked of one registry host. */
export interface HostUsage {
  host: string;
  requests: number;
  /** 429 answers. */
  rateLimited: number;
  /** The registry's own limit and what was left of it at the end (Docker Hub `ratelimit-*` headers). */
  limit?: number;
  remaining?: number;
  windowSeconds?: number;
}

/** A fresh row (status `failed` until someone decides otherwise), with `init` on top. */
export function tagRow(source: string, destination: string, init: Partial<TagResult> = {}): TagResult {
  return {
    source,
    destination,
    status: 'failed',
    bytes: 0,
    blobs: { copied: 0, mounted: 0, existing: 0 },
    manifests: 0,
    durationMs: 0,
    ...init,
  };
}

/** Count statuses and totals over every entry. A plan failure counts as one failure. */
export function summarize(entries: readonly EntryResult[], requests: number): SyncSummary {
  const s: SyncSummary = {
    entries: entries.length,
    copied: 0,
    overwritten: 0,
    skipped: 0,
    drifted: 0,
    wouldCopy: 0,
    wouldOverwrite: 0,
    failed: 0,
    failedEntries: 0,
    notChecked: 0,
    bytes: 0,
    blobs: { copied: 0, mounted: 0, existing: 0 },
    requests,
  };
  const key: Record<TagStatus, keyof SyncSummary> = {
    copied: 'copied',
    overwritten: 'overwritten',
    skipped: 'skipped',
    drifted: 'drifted',
    'would-copy': 'wouldCopy',
    'would-overwrite': 'wouldOverwrite',
    failed: 'failed',
  };
  for (const e of entries) {
    if (e.error) {
      s.failed++;
      s.failedEntries = (s.failedEntries ?? 0) + 1;
    }
    if (e.notChecked !== undefined) s.notChecked++;
    for (const t of e.tags.flatMap((t) => [t, ...(t.images ?? [])])) {
      (s[key[t.status]] as number)++;
      s.bytes += t.bytes;
      s.blobs.copied += t.blobs.copied;
      s.blobs.mounted += t.blobs.mounted;
      s.blobs.existing += t.blobs.existing;
    }
  }
  return s;
}

/** Exit code: 0 clean, 1 any failure, `driftExitCode` (default 2) for drift without failure. */
export function exitCodeOf(summary: SyncSummary, driftExitCode = 2): number {
  if (summary.failed > 0 || summary.cancelled) return 1;
  if (summary.drifted > 0) return driftExitCode;
  return 0;
}
