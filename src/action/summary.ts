/**
 * Markdown renderings of a sync result for people on GitHub: the job summary and the body of the
 * PR dry-run comment. What needs a person comes first: failed, drifted and not-checked entries,
 * each with its reason in words and the remedy, then what changed, then everything else
 * collapsed. Rows are grouped per entry; three narrow columns fit GitHub's ~1,000 px panel.
 * Pure functions of the result, tested with golden files; every string returned here has passed
 * through `redact`.
 */
import { explainError } from '../report/remedy.js';
import {
  deferredNote,
  errorDetail,
  formatBytes,
  formatDuration,
  shortDigest,
  verifiedLabel,
} from '../report/text.js';
import { redact } from '../secrets.js';
import type { EntryResult, ErrorInfo, SyncResult, TagResult, TagStatus } from '../sync/model.js';

/** GitHub refuses a step summary over 1 MiB; stay below it with room for the truncation note. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** GitHub refuses a comment body over 65,536 characters; stay below with room to spare. */
export const COMMENT_MAX_BYTES = 60_000;

const LABELS: Record<TagStatus, string> = {
  copied: '✅ copied',
  overwritten: '✅ overwritten',
  skipped: '➖ up to date',
  drifted: '⚠️ drifted',
  'would-copy': '🔜 would copy',
  'would-overwrite': '🔜 would overwrite',
  failed: '❌ failed',
  deferred: '⏸️ deferred',
};

/** Text fit for one table cell or list item: one line, pipes escaped, HTML inert. */
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

/** One line, runs of spaces collapsed. */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * A code span for references and digests in a table cell: shown verbatim (no HTML inside a code
 * span), pipes escaped for the table, backticks dropped (never expected there).
 */
function code(text: string): string {
  const t = inlineCode(text);
  return t.replace(/\|/g, '\\|');
}

/** A code span outside tables (headings, lists), where `\|` would show as such. */
function inlineCode(text: string): string {
  const t = oneLine(text).replace(/`/g, '');
  return t === '' ? '' : `\`${t}\``;
}

/** Text outside tables: as `cell`, pipes left alone. */
function inlineText(text: string): string {
  return cell(text).replace(/\\\|/g, '|');
}

/** Every row of an entry, the images discovered in chart versions after their chart. */
function rowsOf(e: EntryResult): TagResult[] {
  return e.tags.flatMap((t) => [t, ...(t.images ?? [])]);
}

/**
 * A row cosign verification held back: the signature is younger than the entry's `minAge`
 * (status `skipped`, reason `signature-too-new`). Not up to date: mirrored once it is old enough.
 */
function isHeld(t: TagResult): boolean {
  return t.status === 'skipped' && t.reason === 'signature-too-new';
}

/** Rows worth a line in an entry's table: all but the up-to-date ones. */
function isNotable(t: TagResult): boolean {
  return t.status !== 'skipped' || isHeld(t);
}

/**
 * A row that is neither moved nor up to date but waits for a later run, with nothing to fix:
 * held back by a too-young signature, or deferred (pull limit, `max-duration`).
 */
function isWaiting(t: TagResult): boolean {
  return isHeld(t) || t.status === 'deferred';
}

/**
 * How an entry sorts: what needs a person first. `waiting`: rows held back or deferred, nothing
 * moved or failed because of them.
 */
type Severity = 'failed' | 'drifted' | 'not-checked' | 'waiting' | 'changed' | 'clean';

const SEVERITY_ORDER: readonly Severity[] = [
  'failed',
  'drifted',
  'not-checked',
  'waiting',
  'changed',
  'clean',
];

function severityOf(e: EntryResult): Severity {
  const rows = rowsOf(e);
  if (e.error || rows.some((t) => t.status === 'failed')) return 'failed';
  if (rows.some((t) => t.status === 'drifted')) return 'drifted';
  if (e.notChecked !== undefined) return 'not-checked';
  if (rows.some(isWaiting)) return 'waiting';
  if (rows.some((t) => t.status !== 'skipped')) return 'changed';
  return 'clean';
}

/** Entries in the order people should read them; the config order within each group. */
export function orderedEntries(result: SyncResult): EntryResult[] {
  const rank = (e: EntryResult) => SEVERITY_ORDER.indexOf(severityOf(e));
  return result.entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** How drift reads everywhere: source and destination digests, each labelled. */
function driftText(t: TagResult): string {
  const src = t.sourceDigest ? `source ${code(shortDigest(t.sourceDigest))}` : '';
  const dst = t.destinationDigest ? `destination ${code(shortDigest(t.destinationDigest))}` : '';
  return [src, dst].filter(Boolean).join(' ≠ ');
}

/** The third column: digest and what moved. */
function digestCell(t: TagResult): string {
  const src = t.sourceDigest ? code(shortDigest(t.sourceDigest)) : '';
  switch (t.status) {
    case 'drifted':
      return driftText(t).replace(' ≠ ', '<br>≠ ');
    case 'overwritten':
    case 'would-overwrite':
      return t.destinationDigest ? `${src}<br>was ${code(shortDigest(t.destinationDigest))}` : src;
    case 'skipped': {
      const young = t.verification?.tooNew;
      return young
        ? `${src}<br>signed ${formatDuration(young.ageMs)} ago, minAge ${cell(young.minAge)}`
        : src;
    }
    case 'copied': {
      const moved =
        t.bytes > 0
          ? formatBytes(t.bytes)
          : t.blobs.mounted > 0
            ? 'mounted'
            : t.blobs.existing > 0 || t.blobs.copied === 0
              ? 'already present'
              : '';
      return [src, moved].filter(Boolean).join('<br>');
    }
    default:
      return src;
  }
}

/**
 * A row's status as its table cell says it (`label`) and as an entry's counts say it (`count`).
 * Held rows (`isHeld`) are `skipped` in the report but not up to date; drift a pull request did
 * not cause is "existing drift".
 */
function statusLabel(t: TagResult, dryRun: boolean): { label: string; count: string } {
  if (isHeld(t)) return { label: '⏳ held: signature too new', count: 'held (signature too new)' };
  const label = t.status === 'drifted' && dryRun ? '⚠️ existing drift' : LABELS[t.status];
  return { label, count: label.replace(/^\S+ /, '') };
}

const TABLE_HEAD = '| Status | Source → Destination | Digest |\n|---|---|---|';

function row(t: TagResult, dryRun: boolean): string {
  const { label } = statusLabel(t, dryRun);
  const rewritten = t.rewritten && t.status !== 'failed' ? `<br>rewritten: ${cell(t.rewritten)}` : '';
  // `verify:` entries: the signer, as the text report says it.
  const verified = verifiedLabel(t);
  const signer = verified ? `<br>${cell(verified)}` : '';
  return `| ${label} | ${code(t.source)}<br>→ ${code(t.destination)}${rewritten}${signer} | ${digestCell(t)} |`;
}

/** The failing side's reference, for "which host" advice. */
function failingRef(e: ErrorInfo, source: string, destination: string): string {
  return e.side === 'destination' ? destination : source;
}

/** One line per distinct reason in the entry: count, reason, remedy, and the raw detail. */
function reasonLines(e: EntryResult, dryRun: boolean): string[] {
  const groups = new Map<string, { n: number; text: string }>();
  const add = (key: string, text: string) => {
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, text });
  };
  const failure = (err: ErrorInfo, source: string, destination: string, what: string) => {
    const x = explainError(err, failingRef(err, source, destination));
    const detail = `${err.message}${errorDetail(err)}`;
    add(
      `${x.reason}\u0000${x.remedy}`,
      `**${what}:** ${cell(x.reason)}. **Fix:** ${cell(x.remedy)}.<br><sub>${cell(detail)}</sub>`,
    );
  };
  if (e.error) failure(e.error, e.source, e.destinations[0] ?? '', 'plan failed');
  if (e.notChecked !== undefined)
    add('not-checked', `**not checked:** ${cell(e.notChecked)}. This is not a failure of the plan.`);
  for (const t of rowsOf(e)) {
    if (t.status === 'failed')
      failure(t.error ?? { message: t.reason ?? 'unknown error' }, t.source, t.destination, 'failed');
    else if (isHeld(t))
      add(
        'held',
        "**held:** cosign verified the signature, but it is younger than the entry's `verify.minAge`, so the tag is not mirrored yet. It will be on a run after it is old enough; nothing to fix.",
      );
    else if (t.status === 'drifted')
      add(
        'drift',
        dryRun
          ? '**existing drift:** the destination already differs from the source (this pull request did not cause it). **Fix:** set `overwrite: true` on the entry to replace it, or restore the destination.'
          : '**drifted:** the destination differs from the source and was left alone. **Fix:** set `overwrite: true` on the entry to replace it, or restore the destination.',
      );
    else if (t.status === 'deferred')
      add(
        'deferred',
        t.retryAt !== undefined
          ? `**deferred:** the source's pull limit is nearly used up, so this tag was not pulled (not a failure). **Fix:** run again after ${cell(t.retryAt)}, or authenticate to the source for a higher limit.`
          : `**deferred:** ${cell(t.reason ?? 'not started in this run')} (not a failure). **Fix:** nothing to fix; the next run continues.`,
      );
  }
  return [...groups.values()].map((g) =>
    g.n > 1 ? `- ${g.text.replace(/^\*\*([^*]+):\*\*/, `**$1 (${g.n} tags):**`)}` : `- ${g.text}`,
  );
}

/** `3 failed · 1 would copy` for one entry. */
function entryCounts(e: EntryResult, dryRun: boolean): string {
  const n = new Map<string, number>();
  if (e.error) n.set('plan failed', 1);
  if (e.notChecked !== undefined) n.set('not checked', 1);
  for (const t of rowsOf(e)) {
    const k = statusLabel(t, dryRun).count;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n].map(([k, v]) => `${v} ${k}`).join(' · ');
}

const ICON: Record<Severity, string> = {
  failed: '❌',
  drifted: '⚠️',
  'not-checked': '⏸️',
  waiting: '⏳',
  changed: '🔜',
  clean: '✅',
};

function entryIcon(e: EntryResult, dryRun: boolean): string {
  const s = severityOf(e);
  if (s === 'changed' && !dryRun) return '✅';
  return ICON[s];
}

/** One entry in full: a title line, the reasons with remedies, then its rows (not the up-to-date ones unless `all`). */
function entryBlock(e: EntryResult, dryRun: boolean, opts: { all?: boolean; details?: boolean }): string {
  const title = `${entryIcon(e, dryRun)} ${inlineCode(e.name)} — ${entryCounts(e, dryRun) || 'nothing selected'}`;
  const reasons = reasonLines(e, dryRun);
  const rows = rowsOf(e)
    .filter((t) => opts.all || isNotable(t))
    .map((t) => row(t, dryRun));
  const skipped = rowsOf(e).length - rows.length;
  const more = skipped > 0 ? `\n\n_${skipped} more up to date._` : '';
  const body = [
    ...(reasons.length > 0 ? [reasons.join('\n')] : []),
    ...(rows.length > 0 ? [`${TABLE_HEAD}\n${rows.join('\n')}${more}`] : []),
  ].join('\n\n');
  if (opts.details) {
    const open = severityOf(e) !== 'clean' ? ' open' : '';
    const summary = `${entryIcon(e, dryRun)} <code>${cell(e.name).replace(/\\\|/g, '|')}</code> — ${entryCounts(e, dryRun) || 'nothing selected'}`;
    return `<details${open}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
  }
  return `#### ${title}\n\n${body}`;
}

/** One entry in one line, for when full blocks no longer fit. */
function entryLine(e: EntryResult, dryRun: boolean): string {
  return `- ${entryIcon(e, dryRun)} ${inlineCode(e.name)} — ${entryCounts(e, dryRun) || 'nothing selected'}`;
}

/**
 * What the headline says: `failures`, `drift`, `not-checked` (no entry could be checked: a plan
 * without credentials), `partly-checked` (some could not), else `clean`.
 */
export function outcomeOf(
  result: SyncResult,
): 'clean' | 'drift' | 'failures' | 'not-checked' | 'partly-checked' {
  const s = result.summary;
  if (s.failed > 0) return 'failures';
  if (s.drifted > 0) return 'drift';
  if (s.notChecked > 0) return s.notChecked >= s.entries ? 'not-checked' : 'partly-checked';
  return 'clean';
}

const OUTCOME: Record<ReturnType<typeof outcomeOf>, string> = {
  clean: '✅ clean',
  drift: '⚠️ drift',
  failures: '❌ failures',
  'not-checked': '⏸️ not checked',
  'partly-checked': '⏸️ partly checked',
};

/** Under the headline when credentials were missing: that this is no failure, and what checks it. */
function notCheckedNote(result: SyncResult): string {
  const s = result.summary;
  if (s.notChecked === 0) return '';
  const all = s.notChecked >= s.entries;
  return `\n\n${all ? 'Nothing could be checked' : `${s.notChecked} of ${s.entries} entries could not be checked`}: this run has no credentials for ${all ? 'the hosts involved' : 'some hosts'} (a pull request from a fork or from Dependabot gets no secrets and no OIDC token; the warnings say which host and why). That is not a failure: the run on the default branch checks them.`;
}

/** `## oci-mirror — ❌ failures` and the counts line. */
function headline(result: SyncResult, configFile: string): string {
  const s = result.summary;
  const counts: string[] = [];
  const add = (n: number, what: string, strong = false) => {
    if (n > 0) counts.push(strong ? `**${n} ${what}**` : `${n} ${what}`);
  };
  add(s.failed, 'failed', true);
  add(s.drifted, result.dryRun ? 'existing drift' : 'drifted', true);
  add(s.notChecked, `entr${s.notChecked === 1 ? 'y' : 'ies'} not checked`, true);
  add(s.copied, 'copied');
  add(s.overwritten, 'overwritten');
  add(s.wouldCopy, 'would copy');
  add(s.wouldOverwrite, 'would overwrite');
  const held = result.entries.reduce((n, e) => n + rowsOf(e).filter(isHeld).length, 0);
  add(held, 'held (signature too new)');
  add(s.skipped - held, 'up to date');
  add(s.deferred ?? 0, 'deferred');
  if (counts.length === 0) counts.push('nothing selected');
  const moved = result.dryRun ? '' : `, ${formatBytes(s.bytes)} moved`;
  const entries = `${s.entries} entr${s.entries === 1 ? 'y' : 'ies'}`;
  const outcome =
    outcomeOf(result) === 'drift' && result.dryRun ? '⚠️ existing drift' : OUTCOME[outcomeOf(result)];
  const title = `## oci-mirror${result.dryRun ? ' (dry run)' : ''} — ${outcome}`;
  const why =
    s.retryAt !== undefined
      ? "these tags were not pulled because a source registry's pull limit (Docker Hub) is nearly used up. They are not failures; a run after that time copies them."
      : 'these tags were not copied in this run (`max-duration` was reached, or a pull limit gave no window). They are not failures; the next run copies them.';
  const deferred = s.deferred ? `\n\n> [!NOTE]\n> ${cell(deferredNote(s))}: ${why}` : '';
  return `${title}\n\n${counts.join(' · ')} — ${entries} in ${formatDuration(result.durationMs)}${moved} · config ${code(configFile)}${notCheckedNote(result)}${deferred}`;
}

/** Options of `renderSummary` and `renderComment`. */
export interface SummaryOptions {
  /** Config path as shown to people (relative to the workspace). */
  configFile: string;
  /** Link to the workflow run, when known. */
  runUrl?: string;
  /** Link to the uploaded report artifact (`upload-report`), when it was uploaded. */
  reportUrl?: string;
  /** Size cap in bytes (default `SUMMARY_MAX_BYTES`, `COMMENT_MAX_BYTES` for the comment). */
  maxBytes?: number;
  /** Pull request head commit the plan was computed for (comment). */
  headSha?: string;
  /** When the plan was computed (comment; default: the run's start). */
  computedAt?: Date;
}

/**
 * Lay out entries within `budget` bytes: full blocks for the first ones as long as every later
 * entry still fits as one line, then one line per entry, then a count of the entries left out
 * (only when even the lines do not fit). Returns the text and how many entries were cut down to
 * a line or left out.
 */
function layout(
  entries: readonly EntryResult[],
  budget: number,
  full: (e: EntryResult) => string,
  line: (e: EntryResult) => string,
  moreNote: (n: number) => string,
): { text: string; shortened: number; omitted: number } {
  const reserve = 300;
  const lines = entries.map(line);
  const lineSize = lines.map((l) => Buffer.byteLength(l) + 1);
  let rest = lineSize.reduce((a, b) => a + b, 0);
  const blocks: string[] = [];
  let used = 0;
  let i = 0;
  for (; i < entries.length; i++) {
    const block = full(entries[i] as EntryResult);
    const size = Buffer.byteLength(block) + 2;
    const after = rest - (lineSize[i] as number);
    if (used + size + after + reserve > budget) break;
    blocks.push(block);
    used += size;
    rest = after;
  }
  const short: string[] = [];
  for (; i < entries.length; i++) {
    if (used + (lineSize[i] as number) + reserve > budget) break;
    short.push(lines[i] as string);
    used += lineSize[i] as number;
  }
  const omitted = entries.length - blocks.length - short.length;
  const parts = [...blocks];
  if (short.length > 0) parts.push(short.join('\n'));
  if (omitted > 0) parts.push(moreNote(omitted));
  return { text: parts.join('\n\n'), shortened: short.length, omitted };
}

/** The section of entries whose rows wait for a later run, titled by what they wait for. */
function waitingTitle(entries: EntryResult[]): string {
  const rows = entries.flatMap(rowsOf);
  const held = rows.some(isHeld);
  const deferred = rows.some((t) => t.status === 'deferred');
  if (held && deferred) return '### Held back or deferred to a later run';
  return deferred ? '### Deferred to a later run' : '### Held back: signatures younger than `minAge`';
}

/**
 * The job summary: headline; the entries that need a person (failed, drifted, not checked) with
 * reason and remedy; what changed; then every tag in a collapsed section. Over `maxBytes`, entries
 * are shortened to one line each, then left out with a count; the JSON report has every row.
 */
export function renderSummary(result: SyncResult, opts: SummaryOptions): string {
  const max = opts.maxBytes ?? SUMMARY_MAX_BYTES;
  const dry = result.dryRun;
  const head = headline(result, opts.configFile);
  const ordered = orderedEntries(result);
  const attention = ordered.filter((e) => ['failed', 'drifted', 'not-checked'].includes(severityOf(e)));
  const changed = ordered.filter((e) => severityOf(e) === 'changed');
  const waiting = ordered.filter((e) => severityOf(e) === 'waiting');
  const total = result.entries.reduce((n, e) => n + rowsOf(e).length, 0);
  const report = opts.reportUrl
    ? `every row is in the [JSON report artifact](${opts.reportUrl})`
    : 'every row is in the JSON report (`report` output)';
  const runLink = opts.runUrl ? `[Workflow run](${opts.runUrl}) · ${report}` : opts.reportUrl ? report : '';
  let budget = max - Buffer.byteLength(head) - Buffer.byteLength(runLink) - 600;
  const parts = [head];
  let cut = 0;
  const section = (title: string, list: EntryResult[], all: boolean) => {
    if (list.length === 0) return;
    const out = layout(
      list,
      Math.max(0, budget),
      (e) => entryBlock(e, dry, { all }),
      (e) => entryLine(e, dry),
      (n) => `_…and ${n} more entr${n === 1 ? 'y' : 'ies'} (see the JSON report)._`,
    );
    cut += out.shortened + out.omitted;
    const text = `${title}\n\n${out.text}`;
    budget -= Buffer.byteLength(text) + 2;
    parts.push(text);
  };
  section(
    `### Needs attention (${attention.length} entr${attention.length === 1 ? 'y' : 'ies'})`,
    attention,
    false,
  );
  section(dry ? '### Would change' : '### Changed', changed, false);
  section(waitingTitle(waiting), waiting, false);
  if (attention.length === 0 && changed.length === 0 && waiting.length === 0)
    parts.push(
      dry
        ? 'Nothing would change: every selected tag is up to date at its destinations.'
        : 'Nothing changed: every selected tag is up to date at its destinations.',
    );
  if (total > 0) {
    const openTag = `<details><summary>All ${total} tag${total === 1 ? '' : 's'}, per entry</summary>\n\n`;
    const closeTag = '\n\n</details>';
    const out = layout(
      result.entries,
      Math.max(0, budget - openTag.length - closeTag.length),
      (e) =>
        rowsOf(e).length > 0
          ? `**${inlineText(e.name)}**\n\n${TABLE_HEAD}\n${rowsOf(e)
              .map((t) => row(t, dry))
              .join('\n')}`
          : `**${inlineText(e.name)}**: no tags${e.error ? ' (plan failed)' : ''}`,
      (e) => entryLine(e, dry),
      (n) => `_…and ${n} more entr${n === 1 ? 'y' : 'ies'} (see the JSON report)._`,
    );
    cut += out.shortened + out.omitted;
    if (out.text) parts.push(`${openTag}${out.text}${closeTag}`);
  }
  if (cut > 0)
    parts.splice(
      1,
      0,
      `> [!NOTE]\n> Shortened to stay under GitHub's 1 MiB job summary limit: ${cut} entry section${cut === 1 ? '' : 's'} shown as one line or left out. Every row is in the JSON report (the \`report\` output) and in the log.`,
    );
  const hosts = hostsTable(result);
  if (hosts) parts.push(hosts);
  const created = result.createdRepositories ?? [];
  if (created.length > 0)
    parts.push(
      `### Repositories created\n\n${created
        .slice(0, 100)
        .map((r) => `- \`${inlineText(r)}\``)
        .join(
          '\n',
        )}${created.length > 100 ? `\n- _…and ${created.length - 100} more (see the JSON report)._` : ''}`,
    );
  if (runLink) parts.push(runLink);
  return redact(`${parts.join('\n\n')}\n`);
}

/**
 * Per registry host: requests, 429s, the headroom the registry reported (and, when its pull limit
 * deferred tags, when to retry), and the source HEADs a bulk listing saved — shown when some host
 * answered 429, reported a rate limit (Docker Hub) or was planned from a listing.
 */
function hostsTable(result: SyncResult): string | undefined {
  const hosts = result.hosts ?? [];
  if (!hosts.some((h) => h.rateLimited > 0 || h.limit !== undefined || h.listingSaved !== undefined))
    return undefined;
  const rows = hosts.map((h) => {
    const window = h.windowSeconds !== undefined ? ` per ${Math.round(h.windowSeconds / 3600)}h` : '';
    const headroom =
      h.remaining !== undefined
        ? `${h.remaining}${h.limit !== undefined ? ` of ${h.limit}${window}` : ''} left`
        : '—';
    const retry = h.retryAt !== undefined ? `; deferred until ${cell(h.retryAt)}` : '';
    return `| ${cell(h.host)} | ${h.requests} | ${h.rateLimited} | ${headroom}${retry} | ${h.listingSaved ?? '—'} |`;
  });
  return `### Registry hosts\n\n| Host | Requests | 429s | Rate-limit headroom | HEADs saved by a listing |\n|---|---:|---:|---|---:|\n${rows.join('\n')}`;
}

/** Hidden marker that finds the plan comment again; one per config file. */
export function commentMarker(configFile: string): string {
  return `<!-- oci-mirror:plan config=${configFile.replace(/--+/g, '-').replace(/>/g, '')} -->`;
}

/**
 * The PR comment: the marker, the headline, the head commit and time, then one `<details>` per
 * entry with something to say (open) — failures first — and a one-line list for the rest once
 * the body nears GitHub's limit. Links to the run and its report artifact instead of any
 * runner-local file.
 */
export function renderComment(result: SyncResult, opts: SummaryOptions): string {
  const max = opts.maxBytes ?? COMMENT_MAX_BYTES;
  const dry = result.dryRun;
  const marker = commentMarker(opts.configFile);
  const head = headline(result, opts.configFile);
  const when = (opts.computedAt ?? result.startedAt).toISOString().replace(/\.\d+Z$/, 'Z');
  const sha = opts.headSha ? ` for ${code(opts.headSha.slice(0, 12))}` : '';
  const stamp = `<sub>Plan computed${sha} at ${when}.</sub>`;
  const artifact = opts.reportUrl
    ? `[report artifact](${opts.reportUrl})`
    : opts.runUrl
      ? `[report artifact](${opts.runUrl}#artifacts) (when the workflow uploads the \`report\` output)`
      : '';
  const links = [opts.runUrl ? `[Workflow run and job summary](${opts.runUrl})` : '', artifact]
    .filter(Boolean)
    .join(' · ');
  const noteworthy = orderedEntries(result).filter((e) => severityOf(e) !== 'clean');
  const clean = result.entries.length - noteworthy.length;
  const fixed = [marker, head, stamp, links].join('\n\n');
  const budget = max - Buffer.byteLength(fixed) - 500;
  const parts = [marker, head, stamp];
  if (noteworthy.length === 0) {
    parts.push('No changes: every selected tag is up to date at its destinations.');
  } else {
    const out = layout(
      noteworthy,
      budget,
      (e) => entryBlock(e, dry, { details: true }),
      (e) => entryLine(e, dry),
      (n) => `_…and ${n} more entr${n === 1 ? 'y' : 'ies'}: see the job summary._`,
    );
    if (out.shortened + out.omitted > 0)
      parts.push(
        `> [!NOTE]\n> ${out.shortened + out.omitted} entr${out.shortened + out.omitted === 1 ? 'y is' : 'ies are'} shown as one line to stay under GitHub's comment size limit; the job summary and the report artifact have every row.`,
      );
    parts.push(out.text);
  }
  if (clean > 0) parts.push(`<sub>${clean} entr${clean === 1 ? 'y' : 'ies'} up to date, not listed.</sub>`);
  if (links) parts.push(links);
  return redact(`${parts.join('\n\n')}\n`);
}

/** The job summary of a config that did not load: each problem with its place in the file. */
export function renderConfigErrorSummary(
  problems: readonly {
    file: string;
    line: number;
    column: number;
    path: string;
    problem: string;
    hint?: string | undefined;
  }[],
): string {
  const rows = problems.map(
    (p) =>
      `| ${code(`${p.file}:${p.line}:${p.column}`)} | ${code(p.path)} | ${cell(p.problem)}${p.hint ? `<br>**Hint:** ${cell(p.hint)}` : ''} |`,
  );
  return redact(
    `## oci-mirror — ❌ invalid config\n\n${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was copied.\n\n| Where | Field | Problem |\n|---|---|---|\n${rows.join('\n')}\n`,
  );
}
