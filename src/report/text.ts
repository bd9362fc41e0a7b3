/**
 * Human-readable rendering of a sync result: one line per tag, one line per plan failure and a
 * final summary line. Used by the CLI (streamed line by line while the run progresses, or all at
 * once) and by the action's log. Every string returned here has passed through `redact`.
 */
import { redact } from '../secrets.js';
import type { EntryResult, ErrorInfo, SyncResult, TagResult, TagStatus } from '../sync/model.js';

/** Rendering options. */
export interface TextOptions {
  /** Wrap status symbols and words in ANSI colours (default false). */
  color?: boolean;
  /** Add a detail line per tag (blobs, manifests, duration, media type) and error operation/kind. */
  verbose?: boolean;
  /** Use `✓ ✗ → —` (default true); false falls back to ASCII `+ x -> --`. */
  unicode?: boolean;
}

/**
 * As flux mirror prints them: `✓` for every row that did not fail (skipped and drifted rows too;
 * the status in parentheses says which), `✗` for a failure.
 */
const SYMBOLS: Record<TagStatus, string> = {
  copied: '✓',
  overwritten: '✓',
  skipped: '✓',
  drifted: '✓',
  'would-copy': '✓',
  'would-overwrite': '✓',
  failed: '✗',
};

const ASCII_SYMBOLS: Record<TagStatus, string> = {
  copied: '+',
  overwritten: '+',
  skipped: '+',
  drifted: '+',
  'would-copy': '+',
  'would-overwrite': '+',
  failed: 'x',
};

/** ANSI SGR codes per status. */
const COLORS: Record<TagStatus, string> = {
  copied: '32',
  overwritten: '32',
  skipped: '2',
  drifted: '33',
  'would-copy': '36',
  'would-overwrite': '36',
  failed: '31',
};

function paint(text: string, code: string, opts: TextOptions | undefined): string {
  return opts?.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function arrow(opts: TextOptions | undefined): string {
  return opts?.unicode === false ? '->' : '→';
}

/** Collapse control characters (newlines from registry bodies, escape sequences) to single spaces. */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Bytes in decimal units with one decimal: `0 B`, `512 B`, `1.5 kB`, `12.3 MB`, `2.0 GB`.
 * Negative or non-finite input renders as `0 B`.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'] as const;
  let value = bytes / 1000;
  let i = 0;
  while (value >= 999.95 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${value.toFixed(1)} ${units[i]}`;
}

/** A duration for people: `850ms`, `4.2s`, `2m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
  }
  const totalMinutes = Math.round(ms / 60_000);
  return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}

/** `sha256:<first 12 hex>`; a string without an algorithm prefix is cut to 12 characters. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  if (colon < 0) return digest.slice(0, 12);
  return `${digest.slice(0, colon)}:${digest.slice(colon + 1, colon + 13)}`;
}

/**
 * The bracketed error detail: ` [destination, HTTP 400, MANIFEST_BLOB_UNKNOWN]`; verbose adds the
 * operation and the error class. Empty when nothing is known beyond the message. Shared by the
 * text report, the job summary and the annotations.
 */
export function errorDetail(error: ErrorInfo, opts?: TextOptions): string {
  const parts: string[] = [];
  if (error.side) parts.push(error.side);
  if (opts?.verbose && error.operation) parts.push(oneLine(error.operation));
  if (error.httpStatus !== undefined) parts.push(`HTTP ${error.httpStatus}`);
  if (error.code) parts.push(oneLine(error.code));
  if (opts?.verbose && error.kind) parts.push(oneLine(error.kind));
  return parts.length > 0 ? ` [${parts.join(', ')}]` : '';
}

/**
 * `verified <subject>` (keyless) or `verified with the public key` for a row whose signature
 * verified; empty otherwise. Shared by the text report and the job summary.
 */
export function verifiedLabel(tag: TagResult): string {
  const v = tag.verification;
  if (!v || v.tooNew) return '';
  return v.subject !== undefined ? `verified ${oneLine(v.subject)}` : 'verified with the public key';
}

/** What goes inside the parentheses after the source: status, plus reason or drift digests. */
function statusLabel(tag: TagResult): string {
  const young = tag.verification?.tooNew;
  if (young)
    return `${tag.status}: ${oneLine(tag.reason ?? 'signature-too-new')}, signed ${formatDuration(young.ageMs)} ago, minAge ${oneLine(young.minAge)}`;
  if (tag.status === 'drifted' && tag.sourceDigest && tag.destinationDigest) {
    return `drifted: destination ${shortDigest(tag.destinationDigest)} differs from source ${shortDigest(tag.sourceDigest)}`;
  }
  if (tag.reason && tag.status !== 'failed') return `${tag.status}: ${oneLine(tag.reason)}`;
  return tag.status;
}

/** The detail line printed under a tag in verbose mode. */
function verboseDetail(tag: TagResult): string {
  const parts = [
    `blobs ${tag.blobs.copied} copied, ${tag.blobs.mounted} mounted, ${tag.blobs.existing} existing`,
    `${tag.manifests} manifest${tag.manifests === 1 ? '' : 's'}`,
    formatDuration(tag.durationMs),
  ];
  if (tag.mediaType) parts.push(oneLine(tag.mediaType));
  if (tag.sourceDigest && tag.status !== 'copied' && tag.status !== 'overwritten') {
    parts.push(`source ${shortDigest(tag.sourceDigest)}`);
  }
  if (tag.destinationDigest) parts.push(`destination was ${shortDigest(tag.destinationDigest)}`);
  return `    ${parts.join('; ')}`;
}

/**
 * One tag as one line (two in verbose mode), without a trailing newline, e.g.
 * `✓ ghcr.io/a/app:1.2 (copied) → reg.local/mirror/app:1.2  sha256:abcdef123456  12.3 MB` or
 * `✗ SRC:TAG (failed) → DST:TAG: message [destination, HTTP 400, MANIFEST_BLOB_UNKNOWN]`.
 * `entry` is accepted so callers can stream rows as they finish; the line does not repeat its name.
 */
export function renderTagLine(_entry: EntryResult, tag: TagResult, opts?: TextOptions): string {
  const symbols = opts?.unicode === false ? ASCII_SYMBOLS : SYMBOLS;
  const color = COLORS[tag.status];
  const symbol = paint(symbols[tag.status], color, opts);
  let line = `${symbol} ${oneLine(tag.source)} (${paint(statusLabel(tag), color, opts)}) ${arrow(opts)} ${oneLine(tag.destination)}`;
  if (tag.status === 'copied' || tag.status === 'overwritten') {
    if (tag.sourceDigest) line += `  ${shortDigest(tag.sourceDigest)}`;
    line += `  ${formatBytes(tag.bytes)}`;
  }
  if (tag.rewritten && tag.status !== 'failed') line += `  (rewritten: ${oneLine(tag.rewritten)})`;
  const verified = verifiedLabel(tag);
  if (verified) line += `  ${verified}`;
  if (tag.referrers && tag.status !== 'failed' && tag.referrers.length > 0) {
    const n = (st: string) => tag.referrers?.filter((r) => r.status === st).length ?? 0;
    const moved = n('copied') + n('would-copy');
    line += `  +${moved} referrer${moved === 1 ? '' : 's'}`;
    if (n('skipped') > 0) line += ` (${n('skipped')} present)`;
  }
  if (tag.status === 'failed') {
    const error = tag.error ?? { message: tag.reason ?? 'unknown error' };
    line += `: ${oneLine(error.message)}${errorDetail(error, opts)}`;
  }
  if (opts?.verbose) line += `\n${verboseDetail(tag)}`;
  return redact(line);
}

/**
 * The line of an entry that failed before any tag could be handled, e.g.
 * `✗ ghcr.io/a/app — plan failed: get tags … [source, HTTP 404, NAME_UNKNOWN]`. Empty string when
 * the entry has no plan error.
 */
export function renderPlanFailureLine(entry: EntryResult, opts?: TextOptions): string {
  if (!entry.error) return '';
  const symbol = paint(opts?.unicode === false ? ASCII_SYMBOLS.failed : SYMBOLS.failed, COLORS.failed, opts);
  const dash = opts?.unicode === false ? '--' : '—';
  const line = `${symbol} ${oneLine(entry.name)} ${dash} ${paint('plan failed', COLORS.failed, opts)}: ${oneLine(entry.error.message)}${errorDetail(entry.error, opts)}`;
  return redact(line);
}

/**
 * The note of an entry whose selector matched tags that the sort dropped as unparseable (flux
 * mirror's rule), e.g. `note: ghcr.io/a/app: 3 matching tags dropped as not semver (latest, main,
 * stable); sortBy: alphabetical keeps them`. Empty string when nothing was dropped.
 */
export function renderEntryNote(entry: EntryResult): string {
  const u = entry.unparseableTags;
  if (!u || u.count === 0) return '';
  const named = u.examples.map(oneLine).join(', ') + (u.count > u.examples.length ? ', …' : '');
  const what = u.sortBy === 'semver' ? 'not semver' : 'not numbers';
  return redact(
    `note: ${oneLine(entry.name)}: ${u.count} matching tag${u.count === 1 ? '' : 's'} dropped as ${what} (${named}); sortBy: alphabetical keeps them`,
  );
}

/** Every line of one entry: its plan failure (if any), its note (if any), then its tags. */
export function renderEntryLines(entry: EntryResult, opts?: TextOptions): string[] {
  const lines: string[] = [];
  if (entry.error) lines.push(renderPlanFailureLine(entry, opts));
  const note = renderEntryNote(entry);
  if (note) lines.push(note);
  for (const tag of entry.tags) lines.push(renderTagLine(entry, tag, opts));
  return lines;
}

/**
 * The final line. It starts as flux mirror's does — `Summary: N copied, N skipped, N failed in
 * 4.2s` — so scripts that parse it keep working; our extra figures follow: `; 1 overwritten, 1
 * drifted` (only the non-zero ones) and the totals in parentheses, e.g. `Summary: 3 copied, 2
 * skipped, 1 failed in 4.2s; 1 drifted (110.5 MB, 58 blobs, 9 mounted, 340 requests)`. `N blobs`
 * counts blobs streamed; mounted blobs are listed apart (verbose adds blobs already present). Dry
 * run: `Summary: 0 copied, 2 skipped, 0 failed in 0.8s; dry run: 3 would copy, 1 would overwrite
 * (40 requests)` (`would overwrite` only when non-zero).
 */
export function renderSummaryLine(result: SyncResult, opts?: TextOptions): string {
  const s = result.summary;
  const failed = s.failed > 0 ? paint(`${s.failed} failed`, COLORS.failed, opts) : `${s.failed} failed`;
  const head = `Summary: ${s.copied} copied, ${s.skipped} skipped, ${failed} in ${formatDuration(result.durationMs)}`;
  const more: string[] = [];
  if (s.overwritten > 0) more.push(`${s.overwritten} overwritten`);
  if (s.drifted > 0) more.push(paint(`${s.drifted} drifted`, COLORS.drifted, opts));
  if (result.dryRun) {
    const would = [`${s.wouldCopy} would copy`];
    if (s.wouldOverwrite > 0) would.push(`${s.wouldOverwrite} would overwrite`);
    more.push(`dry run: ${would.join(', ')}`);
  }
  const created = result.createdRepositories?.length ?? 0;
  if (created > 0) more.push(`${created} repositor${created === 1 ? 'y' : 'ies'} created`);
  if (s.cancelled) more.push(paint('cancelled', COLORS.failed, opts));
  const totals: string[] = [];
  if (!result.dryRun) {
    totals.push(formatBytes(s.bytes), `${s.blobs.copied} blobs`, `${s.blobs.mounted} mounted`);
    if (opts?.verbose) totals.push(`${s.blobs.existing} existing`);
  }
  totals.push(`${s.requests} request${s.requests === 1 ? '' : 's'}`);
  return redact(`${head}${more.length > 0 ? `; ${more.join(', ')}` : ''} (${totals.join(', ')})`);
}

/** The whole result: every entry's lines in order, then the summary line; ends with a newline. */
export function renderText(result: SyncResult, opts?: TextOptions): string {
  const lines: string[] = [];
  for (const entry of result.entries) lines.push(...renderEntryLines(entry, opts));
  lines.push(renderSummaryLine(result, opts));
  return redact(`${lines.join('\n')}\n`);
}
