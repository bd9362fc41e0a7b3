/**
 * Sharding a run over a job matrix (`--shard i/n`): a deterministic partition of the work so that
 * n processes, each given the same config (and the same weights), together do exactly what one run
 * would, and never two of them the same tag.
 *
 * Units of work, by `--shard-by`:
 * - `repository` (default): artifact entries grouped by source repository, so blob de-duplication and
 *   cross-repository mounts stay inside one shard; each chart entry (with the images discovered in
 *   it) is one unit.
 * - `entry`: each artifact or chart entry is a unit.
 * - `tag`: every shard lists every artifact entry and keeps the source tags whose hash falls to it;
 *   chart entries are units as above.
 *
 * Units are dealt out heaviest first to the least-loaded shard (ties: lowest key, lowest shard), so
 * the partition is a pure function of the unit keys, their weights and n. Weights (tags per unit)
 * come from the state file when known; every shard must then see the same weights, which the
 * partition fingerprint recorded in each shard's report lets `merge-reports` check.
 */
import { createHash } from 'node:crypto';
import type { ArtifactEntry, ChartEntry, MirrorConfig } from '../config/model.js';
import { formatRepository, parseReference, type Reference } from '../oci/reference.js';
import type { ShardBy, ShardSpec } from './shard-spec.js';

export {
  parseShard,
  parseShardBy,
  SHARD_BY,
  type ShardBy,
  type ShardSpec,
  ShardSpecError,
} from './shard-spec.js';

export interface ShardUnit {
  key: string;
  weight: number;
}

/**
 * Deal units to `count` shards, heaviest first onto the least-loaded shard. Returns the 1-based
 * shard of each key.
 */
export function partition(units: readonly ShardUnit[], count: number): Map<string, number> {
  const sorted = [...units].sort(
    (a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const load = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  for (const u of sorted) {
    if (out.has(u.key)) continue;
    let best = 0;
    for (let i = 1; i < count; i++) if ((load[i] as number) < (load[best] as number)) best = i;
    load[best] = (load[best] as number) + Math.max(u.weight, 1);
    out.set(u.key, best + 1);
  }
  return out;
}

/** The shard (1-based) a source tag or digest falls to under `--shard-by tag`. */
export function tagShard(src: Reference, count: number): number {
  const name = src.tag ?? src.digest ?? '';
  const h = createHash('sha256')
    .update(`${formatRepository(src)}\0${name}`)
    .digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** Tags known per destination repository (e.g. from the state file), for weights. */
export type TagCounts = (repository: string) => number | undefined;

function sourceRepository(entry: ArtifactEntry): string {
  const r = parseReference(entry.source);
  return formatRepository({ registry: r.registry, repository: r.repository });
}

/**
 * A chart entry is one unit: the chart and the images discovered in it stay together. Charts that
 * discover images are all one unit: two charts may reference the same image, which one run writes
 * once and two shards would both write.
 */
function chartKey(c: ChartEntry, i: number, discovers: boolean): string {
  if (discovers) return 'charts with images';
  return `chart\0${i}\0${c.source}\0${c.name}`;
}

function artifactKey(e: ArtifactEntry, i: number, by: ShardBy): string {
  return by === 'entry' ? `artifact\0${i}\0${e.name}` : `repository\0${sourceRepository(e)}`;
}

function weightOf(repos: readonly string[], counts: TagCounts | undefined): number {
  let w = 0;
  for (const r of repos) w += counts?.(r) ?? 0;
  return Math.max(w, 1);
}

/** What one shard does: which entries, and under `tag` which source tags of its artifact entries. */
export interface ShardSelection {
  artifact: (entry: ArtifactEntry) => boolean;
  chart: (entry: ChartEntry) => boolean;
  /** Under `--shard-by tag`: whether this shard handles a source tag (or digest). */
  tag?: (src: Reference) => boolean;
  /** A digest of the whole partition: shards that agree on it did not overlap or leave gaps. */
  fingerprint: string;
}

/** This shard's part of the config. */
export function selectShard(
  config: MirrorConfig,
  spec: ShardSpec,
  counts?: TagCounts,
  options: { images?: boolean | undefined; chartsOnly?: boolean | undefined } = {},
): ShardSelection {
  const discoverAll = options.images === true && options.chartsOnly !== true;
  const discovers = (c: ChartEntry) =>
    options.chartsOnly !== true && (discoverAll || c.images?.discover === true);
  const units = new Map<string, number>();
  const add = (key: string, w: number) => units.set(key, (units.get(key) ?? 0) + w);
  if (spec.by !== 'tag')
    config.artifacts.forEach((e, i) => {
      add(artifactKey(e, i, spec.by), weightOf(e.destinations, counts));
    });
  config.charts.forEach((c, i) => {
    add(chartKey(c, i, discovers(c)), weightOf([c.repository], counts));
  });
  const assigned = partition(
    [...units].map(([key, weight]) => ({ key, weight })),
    spec.count,
  );
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([spec.count, spec.by, [...assigned].sort()]))
    .digest('hex')
    .slice(0, 16);
  const artifactIndex = new Map(config.artifacts.map((e, i) => [e, i]));
  const chartIndex = new Map(config.charts.map((c, i) => [c, i]));
  const selection: ShardSelection = {
    artifact: (e) =>
      spec.by === 'tag' || assigned.get(artifactKey(e, artifactIndex.get(e) ?? -1, spec.by)) === spec.index,
    chart: (c) => assigned.get(chartKey(c, chartIndex.get(c) ?? -1, discovers(c))) === spec.index,
    fingerprint,
  };
  if (spec.by === 'tag') selection.tag = (src) => tagShard(src, spec.count) === spec.index;
  return selection;
}
