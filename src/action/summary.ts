/**
 * Markdown renderings of a sync result for people on GitHub: the job summary (headline, table of
 * what changed, drifted or failed, full list in a collapsible section) and the body of the PR
 * dry-run comment. Pure functions of the result, tested with golden files; every string returned
 * here has passed through `redact`.
 */
import { errorDetail, formatBytes, formatDuration, shortDigest, verifiedLabel } from '../report/text.js';
import { redact } from '../secrets.js';
import type { EntryResult, ErrorInfo, SyncResult, TagResult, TagStatus } from '../sync/model.js';

/** GitHub refuses a step summary over 1 MiB; stay below it with room for the truncation note. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** GitHub refuses a comment body over 65 536 characters. */
export const COMMENT_MAX_BYTES = 60_000;

const LABELS: Record<TagStatus, string> = {
  copied: '✅ copied',
  overwritten: '✅ overwritten',
  skipped: '➖ skipped',
  drifted: '⚠️ drifted',
  'would-copy': '🔜 would copy',
  'would-overwrite': '🔜 would overwrite',
  failed: '❌ failed',
};

/** Text fit for one table cell: one line, pipes escaped, HTML inert. */
function cell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A code span for references and digests (backticks inside are dropped, never expected there). */
function code(text: string): string {
  const t = cell(text).replace(/`/g, '');
  return t === '' ? '' : `\`${t}\``;
}

function errorText(e: ErrorInfo): string {
  return `${e.message}${errorDetail(e)}`;
}

function digestCell(t: TagResult): string {
  const src = t.sourceDigest ? code(shortDigest(t.sourceDigest)) : '';
  const dst = t.destinationDigest ? code(shortDigest(t.destinationDigest)) : '';
  switch (t.status) {
    case 'drifted':
      return src && dst ? `${src} ≠ ${dst}` : src || dst;
    case 'overwritten':
    case 'would-overwrite':
      return dst ? `${src} (was ${dst})` : src;
    default:
      return src;
  }
}

function reasonCell(t: TagResult): string {
  if (t.status === 'failed') return cell(errorText(t.error ?? { message: t.reason ?? 'unknown error' }));
  if (t.status === 'drifted') return 'destination differs from source; left alone (overwrite: false)';
  // `verify:` entries: the signer, as the text report says it.
  const verified = verifiedLabel(t);
  const reason =
    t.status === 'copied' || t.status === 'overwritten' ? formatBytes(t.bytes) : (t.reason ?? '');
  return cell([reason, verified].filter((s) => s !== '').join(' · '));
}

/** Whether a row belongs in the "what changed" table. */
function notable(t: TagResult): boolean {
  return t.status !== 'skipped';
}

const CHANGES_HEAD = '| Status | Entry | Source → Destination | Digest | Reason |\n|---|---|---|---|---|';
const ALL_HEAD = '| Status | Entry | Source → Destination | Digest |\n|---|---|---|---|';

function changeRow(e: EntryResult, t: TagResult): string {
  return `| ${LABELS[t.status]} | ${cell(e.name)} | ${code(t.source)} → ${code(t.destination)} | ${digestCell(t)} | ${reasonCell(t)} |`;
}

function planFailureRow(e: EntryResult): string {
  const dst = e.destinations.map(code).join(', ');
  return `| ❌ failed | ${cell(e.name)} | ${code(e.source)} → ${dst} |  | ${cell(errorText(e.error ?? { message: 'unknown error' }))} |`;
}

function allRow(e: EntryResult, t: TagResult): string {
  return `| ${LABELS[t.status]} | ${cell(e.name)} | ${code(t.source)} → ${code(t.destination)} | ${digestCell(t)} |`;
}

/** `clean`, `drift` or `failures`: what the headline says. */
export function outcomeOf(result: SyncResult): 'clean' | 'drift' | 'failures' {
  if (result.summary.failed > 0) return 'failures';
  if (result.summary.drifted > 0) return 'drift';
  return 'clean';
}

const OUTCOME: Record<ReturnType<typeof outcomeOf>, string> = {
  clean: '✅ clean',
  drift: '⚠️ drift',
  failures: '❌ failures',
};

/** `## oci-mirror — ❌ failures` and the counts line. */
function headline(result: SyncResult, configFile: string): string {
  const s = result.summary;
  const counts: string[] = [];
  const add = (n: number, what: string, strong = false) => {
    if (n > 0) counts.push(strong ? `**${n} ${what}**` : `${n} ${what}`);
  };
  add(s.failed, 'failed', true);
  add(s.drifted, 'drifted', true);
  add(s.copied, 'copied');
  add(s.overwritten, 'overwritten');
  add(s.wouldCopy, 'would copy');
  add(s.wouldOverwrite, 'would overwrite');
  add(s.skipped, 'up to date');
  if (counts.length === 0) counts.push('nothing selected');
  const moved = result.dryRun ? '' : `, ${formatBytes(s.bytes)} moved`;
  const entries = `${s.entries} entr${s.entries === 1 ? 'y' : 'ies'}`;
  const title = `## oci-mirror${result.dryRun ? ' (dry run)' : ''} — ${OUTCOME[outcomeOf(result)]}`;
  return `${title}\n\n${counts.join(' · ')} — ${entries} in ${formatDuration(result.durationMs)}${moved} · config ${code(configFile)}`;
}

/** Rows of the "what changed" table, in result order, plan failures first within their entry. */
function changeRows(result: SyncResult): string[] {
  const rows: string[] = [];
  for (const e of result.entries) {
    if (e.error) rows.push(planFailureRow(e));
    for (const t of e.tags) if (notable(t)) rows.push(changeRow(e, t));
  }
  return rows;
}

function allRows(result: SyncResult): string[] {
  return result.entries.flatMap((e) => e.tags.map((t) => allRow(e, t)));
}

/** Take rows while they fit in `budget` bytes; returns the kept rows and the bytes used. */
function fitRows(rows: readonly string[], budget: number): { kept: string[]; used: number } {
  const kept: string[] = [];
  let used = 0;
  for (const r of rows) {
    const size = Buffer.byteLength(r) + 1;
    if (used + size > budget) break;
    kept.push(r);
    used += size;
  }
  return { kept, used };
}

function truncationNote(omitted: number, where: string): string {
  return `> [!NOTE]\n> Truncated: ${omitted} row${omitted === 1 ? '' : 's'} not shown to stay under ${where}. Every row is in the JSON report (the \`report\` output) and in the log.`;
}

/** Options of `renderSummary`. */
export interface SummaryOptions {
  /** Config path as shown to people (relative to the workspace). */
  configFile: string;
  /** Link to the workflow run, when known. */
  runUrl?: string;
  /** Size cap in bytes (default `SUMMARY_MAX_BYTES`). */
  maxBytes?: number;
}

/**
 * The job summary: headline, the table of what changed, drifted or failed, then every tag in a
 * `<details>` section. Over `maxBytes`, rows are dropped from the end (the full list first) and
 * an explicit note says how many.
 */
export function renderSummary(result: SyncResult, opts: SummaryOptions): string {
  const max = opts.maxBytes ?? SUMMARY_MAX_BYTES;
  const head = headline(result, opts.configFile);
  const changes = changeRows(result);
  const all = allRows(result);
  const changesTitle = result.dryRun
    ? '### Would change, drifted or failed'
    : '### Changed, drifted or failed';
  const nothing = result.dryRun
    ? 'Nothing would change: every selected tag is up to date at its destinations.'
    : 'Nothing changed: every selected tag is up to date at its destinations.';
  const detailsOpen = `<details><summary>All ${all.length} tag${all.length === 1 ? '' : 's'}</summary>\n\n${ALL_HEAD}`;
  const detailsClose = '\n</details>';
  const runLink = opts.runUrl ? `\n[Workflow run](${opts.runUrl})\n` : '';
  // Fixed parts plus a reserve for the note; what is left is shared by the rows, changes first.
  const fixed = [head, changesTitle, CHANGES_HEAD, nothing, detailsOpen, detailsClose, runLink].join('\n\n');
  let budget = max - Buffer.byteLength(fixed) - 400;
  const c = fitRows(changes, Math.max(0, budget));
  budget -= c.used;
  const a = fitRows(all, Math.max(0, budget));
  const omitted = changes.length - c.kept.length + (all.length - a.kept.length);

  const parts = [head];
  if (omitted > 0) parts.push(truncationNote(omitted, "GitHub's 1 MiB job summary limit"));
  parts.push(changesTitle);
  parts.push(changes.length > 0 ? `${CHANGES_HEAD}\n${c.kept.join('\n')}` : nothing);
  if (all.length > 0 && a.kept.length > 0)
    parts.push(`${detailsOpen}\n${a.kept.join('\n')}\n${detailsClose}`);
  else if (all.length > 0)
    parts.push(`_The list of all ${all.length} tags is left out (see the note above)._`);
  let out = `${parts.join('\n\n')}\n`;
  if (opts.runUrl) out += runLink;
  return redact(out);
}

/** Hidden marker that finds the plan comment again; one per config file. */
export function commentMarker(configFile: string): string {
  return `<!-- oci-mirror:plan config=${configFile.replace(/--+/g, '-').replace(/>/g, '')} -->`;
}

/**
 * The PR comment: the marker, the headline and what would be copied, overwritten, has drifted or
 * failed, per entry, with a link to the run. Capped at `COMMENT_MAX_BYTES` with a note.
 */
export function renderComment(result: SyncResult, opts: SummaryOptions): string {
  const max = opts.maxBytes ?? COMMENT_MAX_BYTES;
  const head = headline(result, opts.configFile);
  const changes = changeRows(result);
  const marker = commentMarker(opts.configFile);
  const runLink = opts.runUrl ? `[Workflow run and job summary](${opts.runUrl})` : '';
  const nothing = 'No changes: every selected tag is up to date at its destinations.';
  const fixed = [marker, head, CHANGES_HEAD, nothing, runLink].join('\n\n');
  const c = fitRows(changes, Math.max(0, max - Buffer.byteLength(fixed) - 400));
  const omitted = changes.length - c.kept.length;
  const parts = [marker, head];
  if (omitted > 0) parts.push(truncationNote(omitted, "GitHub's comment size limit"));
  parts.push(changes.length > 0 ? `${CHANGES_HEAD}\n${c.kept.join('\n')}` : nothing);
  if (runLink) parts.push(runLink);
  return redact(`${parts.join('\n\n')}\n`);
}

/** The job summary of a config that did not load: each problem with its place in the file. */
export function renderConfigErrorSummary(
  problems: readonly { file: string; line: number; column: number; path: string; problem: string }[],
): string {
  const rows = problems.map(
    (p) => `| ${code(`${p.file}:${p.line}:${p.column}`)} | ${code(p.path)} | ${cell(p.problem)} |`,
  );
  return redact(
    `## oci-mirror — ❌ invalid config\n\n${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was copied.\n\n| Where | Field | Problem |\n|---|---|---|\n${rows.join('\n')}\n`,
  );
}
