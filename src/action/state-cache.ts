/**
 * The state cache: a small JSON file of destination digests already known, kept between runs with
 * the Actions cache so that a warm run trusts a destination it saw recently (younger than the TTL)
 * instead of asking the registry again. Every source tag is still resolved, and a known digest is
 * only trusted when it equals the source digest, so drift is always checked live; the cache can
 * only save a destination HEAD. A miss or a cache service error costs speed, never correctness.
 *
 * The sync engine sees this through `SyncOptions.knownDestinationDigest`; learning needs no hook:
 * the result rows say what each destination holds after the run.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SyncResult } from '../sync/model.js';

/** Format version of the state file; bump to start cold after a format change. */
export const STATE_VERSION = 1;

interface StateEntry {
  digest: string;
  /** When the digest was last confirmed by the registry (ms since the epoch). */
  seenAt: number;
}

interface StateDocument {
  version: number;
  destinations: Record<string, StateEntry>;
}

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
): { key: string; restoreKeys: string[] } {
  const hash = createHash('sha256')
    .update(JSON.stringify([configFile, [...new Set(destinations)].sort()]))
    .digest('hex')
    .slice(0, 16);
  const prefix = `oci-mirror-state-v${STATE_VERSION}-${hash}-`;
  const suffix = run.id ? `${run.id}-${run.attempt ?? '1'}` : String(Date.now());
  return { key: `${prefix}${suffix}`, restoreKeys: [prefix] };
}

/** Known destination digests, loaded from and saved to a state file. */
export class StateCache {
  readonly #path: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #entries = new Map<string, StateEntry>();
  /** Destinations answered from the state (not confirmed again by the registry this run). */
  readonly #served = new Set<string>();
  #restored = '';

  constructor(opts: { path: string; ttlMs: number; now?: () => number }) {
    this.#path = opts.path;
    this.#ttlMs = opts.ttlMs;
    this.#now = opts.now ?? Date.now;
  }

  /** Path of the state file. */
  get path(): string {
    return this.#path;
  }

  /** Destinations known (fresh or stale). */
  get size(): number {
    return this.#entries.size;
  }

  /** Destinations this run trusted without asking the registry. */
  get served(): number {
    return this.#served.size;
  }

  /** Read the state file if there is one; an unreadable or foreign file starts empty. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch {
      return;
    }
    this.#restored = text;
    try {
      const doc = JSON.parse(text) as StateDocument;
      if (doc.version !== STATE_VERSION || typeof doc.destinations !== 'object') return;
      for (const [ref, e] of Object.entries(doc.destinations)) {
        if (typeof e?.digest === 'string' && typeof e.seenAt === 'number') this.#entries.set(ref, e);
      }
    } catch {
      this.#entries.clear();
    }
  }

  /** The digest `destination` held when last confirmed, if that is younger than the TTL. */
  knownDestinationDigest = (destination: string): string | undefined => {
    const e = this.#entries.get(destination);
    if (!e || this.#now() - e.seenAt > this.#ttlMs) return undefined;
    this.#served.add(destination);
    return e.digest;
  };

  /**
   * Learn from a run: each destination now holds the source digest when the tag was copied,
   * overwritten or found up to date, or its own digest when it drifted. Rows the state itself
   * answered keep their old time, so an entry expires after the TTL however often it is used.
   */
  record(result: SyncResult): void {
    const now = this.#now();
    for (const e of result.entries) {
      for (const t of e.tags) {
        let digest: string | undefined;
        if (t.status === 'copied' || t.status === 'overwritten' || t.status === 'skipped')
          digest = t.sourceDigest;
        else if (t.status === 'drifted' || t.status === 'would-overwrite') digest = t.destinationDigest;
        if (digest === undefined) continue;
        const known = this.#entries.get(t.destination);
        if (this.#served.has(t.destination) && known?.digest === digest) continue;
        this.#entries.set(t.destination, { digest, seenAt: now });
      }
    }
  }

  /** Write the state file; returns false when it is unchanged from what was restored. */
  async write(): Promise<boolean> {
    const destinations: Record<string, StateEntry> = {};
    for (const ref of [...this.#entries.keys()].sort())
      destinations[ref] = this.#entries.get(ref) as StateEntry;
    const text = `${JSON.stringify({ version: STATE_VERSION, destinations } satisfies StateDocument)}\n`;
    if (text === this.#restored) return false;
    await mkdir(dirname(this.#path), { recursive: true });
    await writeFile(this.#path, text);
    return true;
  }
}
