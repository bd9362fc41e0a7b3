/**
 * `merge-reports`: the reports of the n shards of one run (`--shard i/n`) back into the result a
 * single run would have produced — same entries in the same order, same rows in the same order,
 * same totals — so the text report, job summary, PR comment, outputs and exit code are rendered
 * from it exactly as after a single run. Only timing differs: the merged run starts at the earliest
 * shard's start and ends with the last shard's end; requests are the shards' sum.
 */
import {
  type EntryResult,
  type HostUsage,
  type SyncResult,
  summarize,
  type TagResult,
} from '../sync/model.js';
import type { ReportDocument, ReportEntry } from './envelope.js';
import { validateReport } from './schema.js';

/** Reports that cannot be merged into one run's: says which file and why. */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** A shard report as read, with the name to blame it by. */
export interface ShardReportFile {
  file: string;
  text: string;
}

export interface MergedRun {
  result: SyncResult;
  reporter: { name: string; version: string };
  configFile?: string;
}

function parse(f: ShardReportFile): ReportDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(f.text);
  } catch (err) {
    throw new MergeError(`${f.file}: not JSON: ${(err as Error).message}`);
  }
  const problems = validateReport(doc);
  if (problems.length > 0)
    throw new MergeError(`${f.file}: not an oci-mirror report: ${problems.slice(0, 5).join('; ')}`);
  const report = (doc as ReportDocument).report;
  if (report.shard === undefined)
    throw new MergeError(`${f.file}: not a shard's report (run the shards with --shard i/n)`);
  return doc as ReportDocument;
}

/** Entry results are the report's entries: same fields, plain JSON. */
function entryOf(e: ReportEntry): EntryResult {
  return structuredClone(e) as EntryResult;
}

/** Position of a row's destination repository among the entry's destinations. */
function destinationIndex(entry: EntryResult, row: TagResult): number {
  const i = entry.destinations.findIndex(
    (d) => row.destination.startsWith(`${d}:`) || row.destination.startsWith(`${d}@`),
  );
  return i < 0 ? entry.destinations.length : i;
}

/** Merge the shards' reports of one run; throws `MergeError` when they are not exactly that. */
export function mergeReports(files: readonly ShardReportFile[]): MergedRun {
  if (files.length === 0) throw new MergeError('no reports to merge');
  const docs = files.map((f) => ({ file: f.file, report: parse(f).report }));
  const first = docs[0] as (typeof docs)[number];
  const head = first.report.shard as NonNullable<typeof first.report.shard>;
  const seen = new Map<number, string>();
  for (const { file, report } of docs) {
    const s = report.shard as NonNullable<typeof report.shard>;
    if (s.count !== head.count || s.by !== head.by)
      throw new MergeError(
        `${file}: shard ${s.index}/${s.count} by ${s.by} does not belong with ${first.file} (shard ${head.index}/${head.count} by ${head.by})`,
      );
    if (s.fingerprint !== head.fingerprint)
      throw new MergeError(
        `${file}: shard ${s.index}/${s.count} partitioned the work differently from ${first.file} (fingerprint ${s.fingerprint} vs ${head.fingerprint}): the shards ran different configs or saw different state files, so some work may have been done twice or not at all`,
      );
    if (report.dryRun !== first.report.dryRun)
      throw new MergeError(
        `${file}: a ${report.dryRun ? 'dry' : 'real'} run cannot merge with ${first.file}`,
      );
    const dup = seen.get(s.index);
    if (dup !== undefined) throw new MergeError(`${file}: shard ${s.index}/${s.count} is also ${dup}`);
    seen.set(s.index, file);
  }
  const missing = Array.from({ length: head.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new MergeError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${head.count}`).join(', ')} missing: a merged report would not be the whole run's`,
    );

  // Entries by their position in the config; under `by: tag` every shard reports every entry.
  const byIndex = new Map<number, { entry: EntryResult; sources: string[] }>();
  for (const { report } of docs) {
    const order = (report.shard as NonNullable<typeof report.shard>).order;
    report.results.forEach((e, i) => {
      const at = order[i]?.entry ?? -1;
      const known = byIndex.get(at);
      if (!known) {
        byIndex.set(at, { entry: entryOf(e), sources: order[i]?.sources ?? [] });
        return;
      }
      known.entry.tags.push(...entryOf(e).tags);
      if (!known.entry.error && e.error) known.entry.error = structuredClone(e.error);
      if (known.sources.length === 0) known.sources = order[i]?.sources ?? [];
    });
  }
  const entries = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  for (const { entry, sources } of entries) {
    if (sources.length === 0) continue;
    const rank = new Map(sources.map((s, i) => [s, i]));
    entry.tags.sort(
      (a, b) =>
        (rank.get(a.source) ?? sources.length) - (rank.get(b.source) ?? sources.length) ||
        destinationIndex(entry, a) - destinationIndex(entry, b),
    );
  }
  const merged = entries.map((e) => e.entry);
  const starts = docs.map((d) => Date.parse(d.report.timestamp));
  const requests = docs.reduce((n, d) => n + d.report.summary.requests, 0);
  const result: SyncResult = {
    startedAt: new Date(Math.min(...starts)),
    durationMs:
      Math.max(...docs.map((d, i) => (starts[i] as number) + d.report.durationMs)) - Math.min(...starts),
    dryRun: first.report.dryRun,
    entries: merged,
    summary: summarize(merged, requests),
  };
  const hosts = mergeHosts(docs.flatMap((d) => d.report.hosts ?? []));
  if (hosts.length > 0) result.hosts = hosts;
  const created = [...new Set(docs.flatMap((d) => d.report.createdRepositories ?? []))].sort();
  if (created.length > 0) result.createdRepositories = created;
  return {
    result,
    reporter: first.report.reporter,
    ...(first.report.configFile !== undefined ? { configFile: first.report.configFile } : {}),
  };
}

/**
 * Hosts over all shards: requests and 429s add up; of the registry's headroom the least left is
 * kept (shards on one account share a limit; on separate runners each may have its own).
 */
function mergeHosts(all: readonly HostUsage[]): HostUsage[] {
  const by = new Map<string, HostUsage>();
  for (const h of all) {
    const m = by.get(h.host);
    if (!m) {
      by.set(h.host, { ...h });
      continue;
    }
    m.requests += h.requests;
    m.rateLimited += h.rateLimited;
    if (h.limit !== undefined) m.limit = Math.max(m.limit ?? 0, h.limit);
    if (h.remaining !== undefined) m.remaining = Math.min(m.remaining ?? h.remaining, h.remaining);
    if (h.windowSeconds !== undefined) m.windowSeconds = h.windowSeconds;
  }
  return [...by.values()].sort((a, b) => (a.host < b.host ? -1 : 1));
}
