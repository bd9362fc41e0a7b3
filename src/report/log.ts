/**
 * The `--verbose` log stream, in flux mirror's shape: one line per event on stderr, a Go
 * `log.LstdFlags` timestamp (`2026/05/13 09:00:00`), a message and `key=value` attributes —
 * `sync started entries= concurrency= retries= timeout=`, `entry started name= jobs=`, `mirroring
 * tag src= dst=`, the copy's own lines (blob and manifest pushes, referrer fallback-tag updates,
 * retries and registry warnings), `tag done src= status= elapsed=`, `plan failed entry= err=`,
 * `entry summary name= copied= …` and `sync complete entries= copied= … duration=`. Every line
 * has passed through `redact`.
 */
import { redact } from '../secrets.js';
import {
  type EntryResult,
  type SyncResult,
  type SyncSummary,
  summarize,
  type TagResult,
} from '../sync/model.js';

/** A value as Go's slog text handler writes it: bare when simple, else quoted. */
function value(v: string | number): string {
  const s = String(v);
  return s === '' || /[\s"=\\]/.test(s) || /[\u0000-\u001f\u007f]/.test(s) ? JSON.stringify(s) : s;
}

/** `2026/05/13 09:00:00` in local time, as Go's `log.LstdFlags`. */
export function logTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A duration as Go's `time.Duration.String()` prints it: `812ms`, `4.213s`, `5m0s`, `1h2m3s`. */
export function goDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  if (ms < 1) return `${Math.round(ms * 1000)}µs`;
  if (ms < 1000) return `${trim(ms)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${trim(s)}s`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(3)));
}

/** One log line (no trailing newline). */
export function logLine(message: string, attrs: [string, string | number][] = [], at = new Date()): string {
  const tail = attrs.map(([k, v]) => ` ${k}=${value(v)}`).join('');
  return redact(`${logTimestamp(at)} ${message.replace(/[\u0000-\u001f\u007f]+/g, ' ')}${tail}`);
}

/** `sync started …`. */
export function syncStartedLine(o: {
  entries: number;
  concurrency: number;
  retries: number;
  timeoutMs: number;
}): string {
  return logLine('sync started', [
    ['entries', o.entries],
    ['concurrency', o.concurrency],
    ['retries', o.retries],
    ['timeout', goDuration(o.timeoutMs)],
  ]);
}

/** `mirroring tag src= dst=`. */
export function tagStartedLine(source: string, destination: string): string {
  return logLine('mirroring tag', [
    ['src', source],
    ['dst', destination],
  ]);
}

/** `tag done src= dst= status= elapsed=` (+ `reason=` / `err=`). */
export function tagDoneLine(tag: TagResult): string {
  const attrs: [string, string | number][] = [
    ['src', tag.source],
    ['dst', tag.destination],
    ['status', tag.status],
  ];
  if (tag.sourceDigest) attrs.push(['digest', tag.sourceDigest]);
  if (tag.status === 'failed') attrs.push(['err', tag.error?.message ?? tag.reason ?? 'unknown error']);
  else if (tag.reason) attrs.push(['reason', tag.reason]);
  attrs.push(['elapsed', goDuration(tag.durationMs)]);
  return logLine('tag done', attrs);
}

/** `entry started name= jobs=`. */
export function entryStartedLine(entry: EntryResult, jobs: number): string {
  return logLine('entry started', [
    ['name', entry.name],
    ['jobs', jobs],
  ]);
}

/** `plan failed entry= err=`. */
export function planFailedLine(entry: EntryResult): string {
  return logLine('plan failed', [
    ['entry', entry.name],
    ['err', entry.error?.message ?? 'unknown error'],
  ]);
}

function counts(
  s: Pick<
    SyncSummary,
    'copied' | 'overwritten' | 'skipped' | 'drifted' | 'wouldCopy' | 'wouldOverwrite' | 'failed' | 'deferred'
  >,
): [string, number][] {
  const out: [string, number][] = [
    ['copied', s.copied],
    ['overwritten', s.overwritten],
    ['skipped', s.skipped],
    ['drifted', s.drifted],
  ];
  if (s.wouldCopy > 0) out.push(['would-copy', s.wouldCopy]);
  if (s.wouldOverwrite > 0) out.push(['would-overwrite', s.wouldOverwrite]);
  out.push(['failed', s.failed]);
  if (s.deferred) out.push(['deferred', s.deferred]);
  return out;
}

/** One `entry summary` line per entry, then `sync complete …`. */
export function completionLines(result: SyncResult): string[] {
  const lines: string[] = [];
  for (const e of result.entries) {
    const c = summarize([e], 0);
    lines.push(logLine('entry summary', [['name', e.name], ...counts(c)]));
  }
  lines.push(
    logLine('sync complete', [
      ['entries', result.summary.entries],
      ...counts(result.summary),
      ['bytes', result.summary.bytes],
      ['requests', result.summary.requests],
      ['duration', goDuration(result.durationMs)],
    ]),
  );
  return lines;
}
