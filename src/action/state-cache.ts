/**
 * The action's side of the state file (src/sync/state.ts): where it is kept between runs — the
 * Actions cache, through a `CacheBackend` — and under which key. A cache miss or a cache service
 * error costs speed, never correctness.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * The TUF metadata cache of the Sigstore public-good root (`verify:`), kept in the cached
 * directory beside the state file so a cron run restores it instead of walking TUF again.
 */
export const TUF_CACHE_DIR = 'sigstore-tuf';

/** Names, sizes and times of the files under `dir` ('' when absent): tells whether TUF refreshed it. */
export function treeFingerprint(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(path);
      else if (st) parts.push(`${path}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(dir);
  return parts.join('\n');
}
