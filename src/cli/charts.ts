/**
 * lazyoci's `--chart KEY` and `--version V` applied to a loaded config: only the chart entries
 * of the named upstream keys (or chart names, for our own and flux mirror's files), with their
 * versions replaced by the ones given.
 */
import { checkSemverRange } from '../config/checks.js';
import type { ChartEntry, MirrorConfig } from '../config/model.js';
import { UsageError } from './args.js';

/**
 * aicr's `--set component:path=value`: each becomes a helm `--set path=value` of the chart entries
 * named `component` (chart name or lazyoci upstream key), applied last at image discovery.
 */
export function applySets(
  config: MirrorConfig,
  sets: readonly { component: string; path: string; value: string }[],
): MirrorConfig {
  const charts = config.charts.map((c) => ({ ...c }));
  for (const s of sets) {
    const matching = charts.filter((c) => (c.upstream ?? c.name) === s.component || c.name === s.component);
    if (matching.length === 0) {
      const known = [...new Set(charts.map((c) => c.upstream ?? c.name))];
      throw new UsageError(
        `--set: no chart "${s.component}" in the config${known.length > 0 ? ` (charts: ${known.join(', ')})` : ''}`,
      );
    }
    for (const c of matching) {
      const images = { ...(c.images ?? { discover: false }) };
      images.set = { ...images.set, [s.path]: s.value };
      c.images = images;
    }
  }
  return { ...config, charts };
}

/** The config narrowed to `keys` (and `versions`); throws {@link UsageError} for an unknown key. */
export function selectCharts(
  config: MirrorConfig,
  keys: readonly string[],
  versions: readonly string[] = [],
): MirrorConfig {
  for (const v of versions) {
    const bad = checkSemverRange(v);
    if (bad) throw new UsageError(`--version: ${bad}`);
  }
  const charts: ChartEntry[] = [];
  for (const key of keys) {
    const matching = config.charts.filter((c) => (c.upstream ?? c.name) === key);
    if (matching.length === 0) {
      const known = [...new Set(config.charts.map((c) => c.upstream ?? c.name))];
      throw new UsageError(
        `--chart: chart "${key}" not found in config${known.length > 0 ? ` (charts: ${known.join(', ')})` : ''}`,
      );
    }
    const first = matching[0] as ChartEntry;
    if (versions.length === 0 || first.localPath !== undefined) charts.push(...matching);
    else for (const version of new Set(versions)) charts.push({ ...first, version, limit: 1 });
  }
  return { ...config, artifacts: [], charts };
}
