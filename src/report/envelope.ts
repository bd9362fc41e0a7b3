/**
 * The machine-readable report (DESIGN §5): a versioned envelope around the sync result, rendered
 * as JSON or YAML and described by `schema/report.schema.json`. Every string in a document built
 * here, and every rendered document, has passed through `redact`.
 */
import { stringify } from 'yaml';
import type { SourcePosition } from '../config/model.js';
import type { Side } from '../oci/errors.js';
import { redact } from '../secrets.js';
import type {
  BlobCounts,
  EntryResult,
  ErrorInfo,
  HostUsage,
  ReferrerRow,
  ShardInfo,
  SyncResult,
  SyncSummary,
  TagResult,
  TagStatus,
  TagVerification,
  UnparseableTags,
} from '../sync/model.js';

/** `apiVersion` of every report document. */
export const REPORT_API_VERSION = 'oci-mirror/v1';

/**
 * `$schema` of every report document: the `$id` of `schema/report.schema.json` (same scheme as the
 * config schemas, `https://oci-mirror.dev/schema/<file>`). It names the schema; the file itself
 * ships in the repository at `schema/report.schema.json`.
 */
export const REPORT_SCHEMA_URL = 'https://oci-mirror.dev/schema/report.schema.json';

/** An error in the report: only the fields that are known. */
export interface ReportError {
  message: string;
  side?: Side;
  operation?: string;
  httpStatus?: number;
  code?: string;
  kind?: string;
  repair?: string;
}

/** One referrer row under a tag (flux mirror's shape, plus where it hangs and its error). */
export interface ReportReferrer {
  digest: string;
  artifactType?: string;
  status: ReferrerRow['status'];
  reason?: string;
  error?: ReportError;
  subject?: string;
  tag?: string;
}

/** One tag row of the report. */
export interface ReportTag {
  source: string;
  tag?: string;
  sourceDigest?: string;
  /** `sourceDigest` under flux mirror's name, for its users' jq lines. */
  digest?: string;
  destination: string;
  destinationDigest?: string;
  status: TagStatus;
  reason?: string;
  error?: ReportError;
  /** `deferred` rows: when to try again (ISO 8601). */
  retryAt?: string;
  mediaType?: string;
  bytes: number;
  blobs: BlobCounts;
  manifests: number;
  referrers?: ReportReferrer[];
  rewritten?: string;
  /** `verify:` entries: the signature that verified (or was too young). */
  verification?: TagVerification;
  durationMs: number;
  /** Chart versions: the discovered images, one row each (a render failure is one failed row). */
  images?: ReportTag[];
}

/** One entry of the report. */
export interface ReportEntry {
  name: string;
  kind: 'artifact' | 'chart';
  /** flux mirror's entry status: `failed` when the plan failed (see `error`), else `completed`. */
  status: 'completed' | 'failed';
  source: string;
  destinations: string[];
  position?: SourcePosition;
  error?: ReportError;
  /** Dry runs: why the entry could not be checked (no credential for a host it needs). */
  notChecked?: string;
  unparseableTags?: UnparseableTags;
  tags: ReportTag[];
}

/** The report body. */
export interface ReportBody {
  reporter: { name: string; version: string };
  /** When the run started (ISO 8601, UTC). */
  timestamp: string;
  durationMs: number;
  dryRun: boolean;
  configFile?: string;
  summary: SyncSummary;
  results: ReportEntry[];
  /** Per registry host: requests, 429s, rate-limit headroom. */
  hosts?: HostUsage[];
  /** A shard's report only: what `merge-reports` needs to rebuild a single run's report. */
  shard?: ShardInfo;
  /** Repositories the run created (`host/path`): ECR with `createRepositories`. */
  createdRepositories?: string[];
}

/** The whole document: `{apiVersion, kind, $schema, report}`. */
export interface ReportDocument {
  apiVersion: typeof REPORT_API_VERSION;
  kind: 'Report';
  $schema: typeof REPORT_SCHEMA_URL;
  report: ReportBody;
}

/** What the caller knows beyond the result. */
export interface ReportMeta {
  reporter: { name: string; version: string };
  /** Config file as displayed (path as given, `<stdin>`, …). */
  configFile?: string;
}

function toError(e: ErrorInfo): ReportError {
  return {
    message: redact(e.message),
    ...(e.side !== undefined ? { side: e.side } : {}),
    ...(e.operation !== undefined ? { operation: redact(e.operation) } : {}),
    ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
    ...(e.code !== undefined ? { code: redact(e.code) } : {}),
    ...(e.kind !== undefined ? { kind: redact(e.kind) } : {}),
    ...(e.repair !== undefined ? { repair: redact(e.repair) } : {}),
  };
}

function toBlobs(b: BlobCounts): BlobCounts {
  return { copied: b.copied, mounted: b.mounted, existing: b.existing };
}

function toReferrer(r: ReferrerRow): ReportReferrer {
  return {
    digest: r.digest,
    ...(r.artifactType !== undefined ? { artifactType: redact(r.artifactType) } : {}),
    status: r.status,
    ...(r.reason !== undefined ? { reason: redact(r.reason) } : {}),
    ...(r.error !== undefined ? { error: toError(r.error) } : {}),
    ...(r.subject !== undefined ? { subject: r.subject } : {}),
    ...(r.tag !== undefined ? { tag: redact(r.tag) } : {}),
  };
}

function toVerification(v: TagVerification): TagVerification {
  return {
    digest: v.digest,
    ...(v.issuer !== undefined ? { issuer: redact(v.issuer) } : {}),
    ...(v.subject !== undefined ? { subject: redact(v.subject) } : {}),
    ...(v.publicKey ? { publicKey: true as const } : {}),
    ...(v.signedAt !== undefined ? { signedAt: v.signedAt } : {}),
    ...(v.predicateType !== undefined ? { predicateType: redact(v.predicateType) } : {}),
    via: v.via,
    signature: v.signature,
    ...(v.tooNew ? { tooNew: { ageMs: v.tooNew.ageMs, minAge: v.tooNew.minAge } } : {}),
  };
}

function toTag(t: TagResult): ReportTag {
  return {
    source: redact(t.source),
    ...(t.tag !== undefined ? { tag: redact(t.tag) } : {}),
    ...(t.sourceDigest !== undefined ? { sourceDigest: t.sourceDigest, digest: t.sourceDigest } : {}),
    destination: redact(t.destination),
    ...(t.destinationDigest !== undefined ? { destinationDigest: t.destinationDigest } : {}),
    status: t.status,
    ...(t.reason !== undefined ? { reason: redact(t.reason) } : {}),
    ...(t.error !== undefined ? { error: toError(t.error) } : {}),
    ...(t.retryAt !== undefined ? { retryAt: t.retryAt } : {}),
    ...(t.mediaType !== undefined ? { mediaType: redact(t.mediaType) } : {}),
    bytes: t.bytes,
    blobs: toBlobs(t.blobs),
    manifests: t.manifests,
    ...(t.referrers !== undefined ? { referrers: t.referrers.map(toReferrer) } : {}),
    ...(t.rewritten !== undefined ? { rewritten: redact(t.rewritten) } : {}),
    ...(t.verification !== undefined ? { verification: toVerification(t.verification) } : {}),
    durationMs: t.durationMs,
    ...(t.images !== undefined ? { images: t.images.map(toTag) } : {}),
  };
}

function toEntry(e: EntryResult): ReportEntry {
  return {
    name: redact(e.name),
    kind: e.kind,
    status: e.error !== undefined ? 'failed' : 'completed',
    source: redact(e.source),
    destinations: e.destinations.map((d) => redact(d)),
    ...(e.position !== undefined
      ? { position: { file: redact(e.position.file), line: e.position.line, column: e.position.column } }
      : {}),
    ...(e.error !== undefined ? { error: toError(e.error) } : {}),
    ...(e.notChecked !== undefined ? { notChecked: redact(e.notChecked) } : {}),
    ...(e.unparseableTags !== undefined
      ? {
          unparseableTags: {
            count: e.unparseableTags.count,
            sortBy: e.unparseableTags.sortBy,
            examples: e.unparseableTags.examples.map((t) => redact(t)),
          },
        }
      : {}),
    tags: e.tags.map(toTag),
  };
}

/** Build the report document (DESIGN §5) of a run; undefined fields are omitted. */
export function toReport(result: SyncResult, meta: ReportMeta): ReportDocument {
  const s = result.summary;
  return {
    apiVersion: REPORT_API_VERSION,
    kind: 'Report',
    $schema: REPORT_SCHEMA_URL,
    report: {
      reporter: { name: redact(meta.reporter.name), version: redact(meta.reporter.version) },
      timestamp: result.startedAt.toISOString(),
      durationMs: result.durationMs,
      dryRun: result.dryRun,
      ...(meta.configFile !== undefined ? { configFile: redact(meta.configFile) } : {}),
      summary: {
        entries: s.entries,
        copied: s.copied,
        overwritten: s.overwritten,
        skipped: s.skipped,
        drifted: s.drifted,
        wouldCopy: s.wouldCopy,
        wouldOverwrite: s.wouldOverwrite,
        failed: s.failed,
        ...(s.failedEntries !== undefined ? { failedEntries: s.failedEntries } : {}),
        notChecked: s.notChecked,
        ...(s.deferred ? { deferred: s.deferred } : {}),
        ...(s.retryAt !== undefined ? { retryAt: s.retryAt } : {}),
        bytes: s.bytes,
        blobs: toBlobs(s.blobs),
        requests: s.requests,
        ...(s.cancelled ? { cancelled: true } : {}),
      },
      results: result.entries.map(toEntry),
      ...(result.hosts !== undefined
        ? { hosts: result.hosts.map((h) => ({ ...h, host: redact(h.host) })) }
        : {}),
      ...(result.shard !== undefined ? { shard: toShard(result.shard) } : {}),
      ...(result.createdRepositories !== undefined
        ? { createdRepositories: result.createdRepositories.map((r) => redact(r)) }
        : {}),
    },
  };
}

function toShard(s: ShardInfo): ShardInfo {
  return {
    index: s.index,
    count: s.count,
    by: s.by,
    fingerprint: s.fingerprint,
    order: s.order.map((o) => ({
      entry: o.entry,
      ...(o.sources !== undefined ? { sources: o.sources.map((x) => redact(x)) } : {}),
    })),
  };
}

/** Redact every string (keys included) in a JSON-like value. */
function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[redact(k)] = redactDeep(v);
    }
    return out;
  }
  return value;
}

/** The document as JSON: 2-space indent, trailing newline, secrets redacted. */
export function renderJson(doc: ReportDocument): string {
  return [...renderJsonChunks(doc)].join('');
}

/**
 * `renderJson`'s text in pieces, one per entry of `report.results` between the document's head
 * and tail: written piece by piece, a large report (7.6 MB for 10,000 tags) never exists whole,
 * nor as a redacted copy of the document or a Buffer of the text, at the end of a run.
 */
export function* renderJsonChunks(doc: ReportDocument): Generator<string> {
  const { results } = doc.report;
  const head = redactDeep({ ...doc, report: { ...doc.report, results: [] } }) as {
    report: Record<string, unknown>;
  };
  // A value no report holds (a NUL and a random number; not redacted) marks the results' place.
  const marker = `\u0000results ${Math.random()}`;
  head.report[redact('results')] = marker;
  const text = JSON.stringify(head, null, 2);
  const at = text.indexOf(JSON.stringify(marker));
  const tail = `${text.slice(at + JSON.stringify(marker).length)}\n`;
  const line = text.lastIndexOf('\n', at) + 1;
  // The results' key is indented like its siblings; JSON.stringify indents each level 2 more.
  const indent = `${/^ */.exec(text.slice(line))?.[0] ?? ''}  `;
  if (results.length === 0) {
    yield redact(`${text.slice(0, at)}[]${tail}`);
    return;
  }
  let before = `${text.slice(0, at)}[\n`;
  for (const [i, entry] of results.entries()) {
    const json = JSON.stringify(redactDeep(entry), null, 2).replaceAll('\n', `\n${indent}`);
    yield redact(`${before}${indent}${json}${i < results.length - 1 ? ',\n' : ''}`);
    before = '';
  }
  yield redact(`\n${indent.slice(2)}]${tail}`);
}

/** The document as YAML (no line folding, so every value stays on one line), secrets redacted. */
export function renderYaml(doc: ReportDocument): string {
  return redact(stringify(redactDeep(doc), { lineWidth: 0, minContentWidth: 0 }));
}
