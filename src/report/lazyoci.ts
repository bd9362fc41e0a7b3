/**
 * lazyoci's `mirror -o json` result (github.com/MisterGrinvalds/lazyoci, pkg/mirror/mirror.go
 * `MirrorResult`), rendered from our result model so scripts written for lazyoci keep working:
 * `{charts: [{key, chart, versions: [{version, chartStatus, chartError?, images?: [{source,
 * target, status, error?}], imagesCopied, imagesSkipped, imagesFailed}]}], chartsPushed,
 * chartsSkipped, chartsFailed, imagesCopied, imagesSkipped, imagesFailed, dryRun?}`.
 *
 * Statuses as lazyoci names them: a chart is `pushed` (copied/overwritten), `skipped` (already
 * there, or drifted: lazyoci skips a tag that exists), `failed` or `dry-run`; `""` when
 * `--images-only` left it alone. An image is `copied`, `skipped`, `failed` or `dry-run`. Per
 * version, `imagesCopied` counts copied and dry-run images (as lazyoci does); the totals count
 * only real copies. A failed image discovery is one failed image row (lazyoci prints it and
 * records nothing). Entries that are not charts are left out.
 */
import type { MirrorConfig } from '../config/model.js';
import { redact } from '../secrets.js';
import type { SyncResult, TagResult, TagStatus } from '../sync/model.js';

export interface LazyociImageResult {
  source: string;
  target: string;
  status: string;
  error?: string;
}

export interface LazyociVersionResult {
  version: string;
  chartStatus: string;
  chartError?: string;
  images?: LazyociImageResult[];
  imagesCopied: number;
  imagesSkipped: number;
  imagesFailed: number;
}

export interface LazyociChartResult {
  key: string;
  chart: string;
  versions: LazyociVersionResult[];
}

export interface LazyociResult {
  charts: LazyociChartResult[];
  chartsPushed: number;
  chartsSkipped: number;
  chartsFailed: number;
  imagesCopied: number;
  imagesSkipped: number;
  imagesFailed: number;
  dryRun?: boolean;
}

const CHART_STATUS: Record<TagStatus, string> = {
  copied: 'pushed',
  overwritten: 'pushed',
  skipped: 'skipped',
  drifted: 'skipped',
  'would-copy': 'dry-run',
  'would-overwrite': 'dry-run',
  failed: 'failed',
  // lazyoci has no such status: not done now, not failed.
  deferred: 'skipped',
};

const IMAGE_STATUS: Record<TagStatus, string> = {
  copied: 'copied',
  overwritten: 'copied',
  skipped: 'skipped',
  drifted: 'skipped',
  'would-copy': 'dry-run',
  'would-overwrite': 'dry-run',
  failed: 'failed',
  // lazyoci has no such status: not done now, not failed.
  deferred: 'skipped',
};

function image(row: TagResult): LazyociImageResult {
  const out: LazyociImageResult = {
    source: row.source,
    target: row.destination.replace(/@sha256:[0-9a-f]+$/, ''),
    status: IMAGE_STATUS[row.status],
  };
  if (row.status === 'failed') out.error = row.error?.message ?? row.reason ?? 'failed';
  return out;
}

/** lazyoci's result from ours; `config` gives each chart entry its upstream key and requested version. */
export function toLazyociResult(result: SyncResult, config: MirrorConfig): LazyociResult {
  const out: LazyociResult = {
    charts: [],
    chartsPushed: 0,
    chartsSkipped: 0,
    chartsFailed: 0,
    imagesCopied: 0,
    imagesSkipped: 0,
    imagesFailed: 0,
  };
  const byPosition = new Map(
    config.charts.map((c) => [`${c.position.line}:${c.position.column}:${c.name}`, c]),
  );
  const byKey = new Map<string, LazyociChartResult>();
  for (const entry of result.entries) {
    if (entry.kind !== 'chart') continue;
    const p = entry.position;
    const chart = p ? byPosition.get(`${p.line}:${p.column}:${entry.name}`) : undefined;
    const key = chart?.upstream ?? entry.name;
    let cr = byKey.get(key);
    if (!cr) {
      cr = { key, chart: entry.name, versions: [] };
      byKey.set(key, cr);
      out.charts.push(cr);
    }
    if (entry.error) {
      cr.versions.push({
        version: chart?.version ?? '',
        chartStatus: 'failed',
        chartError: entry.error.message,
        imagesCopied: 0,
        imagesSkipped: 0,
        imagesFailed: 0,
      });
      out.chartsFailed++;
      continue;
    }
    for (const row of entry.tags) {
      const imagesOnly = row.status === 'skipped' && /images only/.test(row.reason ?? '');
      const vr: LazyociVersionResult = {
        version: chart && chart.version !== '*' && !chart.localPath ? chart.version : (row.tag ?? ''),
        chartStatus: imagesOnly ? '' : CHART_STATUS[row.status],
        imagesCopied: 0,
        imagesSkipped: 0,
        imagesFailed: 0,
      };
      if (row.status === 'failed') vr.chartError = row.error?.message ?? row.reason ?? 'failed';
      if (vr.chartStatus === 'pushed') out.chartsPushed++;
      else if (vr.chartStatus === 'skipped') out.chartsSkipped++;
      else if (vr.chartStatus === 'failed') out.chartsFailed++;
      if (row.images && row.images.length > 0) {
        vr.images = row.images.map(image);
        for (const i of vr.images) {
          if (i.status === 'copied' || i.status === 'dry-run') vr.imagesCopied++;
          else if (i.status === 'skipped') vr.imagesSkipped++;
          else vr.imagesFailed++;
          if (i.status === 'copied') out.imagesCopied++;
          else if (i.status === 'skipped') out.imagesSkipped++;
          else if (i.status === 'failed') out.imagesFailed++;
        }
      }
      cr.versions.push(vr);
    }
  }
  if (result.dryRun) out.dryRun = true;
  return out;
}

/** lazyoci's JSON (`json.MarshalIndent`, two spaces) with a trailing newline; secrets redacted. */
export function renderLazyociJson(result: LazyociResult): string {
  return redact(`${JSON.stringify(result, null, 2)}\n`);
}
