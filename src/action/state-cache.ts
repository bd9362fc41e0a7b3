/**
 * The action's side of the state file (src/sync/state.ts): where it is kept between runs — the
 * Actions cache, through a `CacheBackend` — and under which key. A cache miss or a cache service
 * error costs speed, never correctness.
 */
import { createHash } from 'node:crypto';
import { STATE_VERSION } from '../sync/state.js';

/** Where the state file is kept between runs; `@actions/cache` in the action. */
export interface CacheBackend {
  /** Whether the cache service is reachable from here at all. */
  available(): boolean;
  /** Restore `path`; returns the key restored, undefined on a miss. */
  restore(path: string, key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Save `path` under `key` (immutable once saved). */
  save(path: string, key: string): Promise<void>;
}

/**
 * Cache key parts: a prefix derived from the config path and the destinations (so two mirrors in
 * one repository keep separate state), and a per-run suffix because cache entries are immutable.
 */
export function cacheKeys(
  configFile: string,
  destinations: readonly string[],
  run: { id?: string | undefined; attempt?: string | undefined },
  /** A shard (`2of8`) keeps its own state, restoring its own first, else any shard's or a whole run's. */
  shard?: string,
): { key: string; restoreKeys: string[] } {
  const hash = createHash('sha256')
    .update(JSON.stringify([configFile, [...new Set(destinations)].sort()]))
    .digest('hex')
    .slice(0, 16);
  const prefix = `oci-mirror-state-v${STATE_VERSION}-${hash}-`;
  const suffix = run.id ? `${run.id}-${run.attempt ?? '1'}` : String(Date.now());
  if (shard === undefined) return { key: `${prefix}${suffix}`, restoreKeys: [prefix] };
  return { key: `${prefix}shard-${shard}-${suffix}`, restoreKeys: [`${prefix}shard-${shard}-`, prefix] };
}
