/**
 * The state file: a small JSON file of destination digests already known, kept between runs so
 * that a warm run trusts a destination it saw recently (younger than the TTL) instead of asking
 * the registry again. Every source tag is still resolved, and a known digest is only trusted when
 * it equals the source digest, so drift is always checked live; the state can only save a
 * destination HEAD. A missing, unreadable or foreign file costs speed, never correctness.
 *
 * Where the file lives between runs is the front end's business: the CLI's `--state-file`, the
 * action's `@actions/cache` backend (src/action/state-cache.ts). The sync engine sees the state
 * through `SyncOptions.knownDestinationDigest`; learning needs no hook: the result rows say what
 * each destination holds after the run.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Verification } from '../verify/index.js';
import type { SyncResult, TagResult } from './model.js';

/** Format version of the state file; bump to start cold after a format change. */
export const STATE_VERSION = 1;

/** Share of the remembered destinations each run re-checks live, oldest first. */
export const RECHECK_SHARE = 1 / 8;

/** How long a known destination digest is trusted unless told otherwise (24h). */
export const DEFAULT_STATE_TTL_MS = 24 * 60 * 60 * 1000;

interface StateEntry {
  digest: string;
  /** When the digest was last confirmed by the registry (ms since the epoch). */
  seenAt: number;
}

interface VerificationEntry {
  verification: Verification;
  /** When the signature was verified (ms since the epoch). */
  seenAt: number;
}

interface ChildrenEntry {
  /** The manifests the index lists ([] for a manifest). */
  children: string[];
  /** When it was last used (ms since the epoch): unused entries expire after the TTL. */
  seenAt: number;
}

interface StateDocument {
  version: number;
  destinations: Record<string, StateEntry>;
  /** Signature verifications by `<digest>|<policy hash>` (optional: older files lack it). */
  verifications?: Record<string, VerificationEntry>;
  /** What source indexes list, by digest (optional: older files lack it). */
  children?: Record<string, ChildrenEntry>;
}

/** How often the state file is rewritten while tags complete (a killed run loses at most this much). */
export const STATE_AUTOSAVE_MS = 1000;

/** Known destination digests, loaded from and saved to a state file. */
export class StateCache {
  readonly #path: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #entries = new Map<string, StateEntry>();
  /**
   * For saving: the destinations' keys in order (undefined once a key was added), and each entry's
   * JSON text with the entry object it was made from. A save at 10,000 tags then joins cached
   * text instead of sorting and stringifying 1.5 MB every second.
   */
  #sortedKeys: string[] | undefined;
  readonly #entryText = new Map<string, { entry: StateEntry; text: string }>();
  #verifications = new Map<string, VerificationEntry>();
  #children = new Map<string, ChildrenEntry>();
  /** Destinations answered from the state (not confirmed again by the registry this run). */
  readonly #served = new Set<string>();
  #restored = '';
  /** Learnt since the last write was scheduled. */
  #dirty = false;
  #timer: NodeJS.Timeout | undefined;
  /** The write in flight: writes never overlap (they share one temporary file). */
  #writing: Promise<unknown> = Promise.resolve();

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

  /**
   * Tags known per destination repository (fresh or stale), to weigh shards: the same file gives
   * every shard the same weights.
   */
  tagCounts(): (repository: string) => number | undefined {
    const counts = new Map<string, number>();
    for (const ref of this.#entries.keys()) {
      const at = ref.indexOf('@');
      const repo = at >= 0 ? ref.slice(0, at) : ref.slice(0, ref.lastIndexOf(':'));
      if (repo.length > ref.lastIndexOf('/') || at >= 0) counts.set(repo, (counts.get(repo) ?? 0) + 1);
    }
    return (repository) => counts.get(repository);
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
        if (typeof e?.digest === 'string' && typeof e.seenAt === 'number') this.#setEntry(ref, e);
      }
      for (const [key, e] of Object.entries(doc.verifications ?? {})) {
        if (typeof e?.verification?.digest === 'string' && typeof e.seenAt === 'number')
          this.#verifications.set(key, e);
      }
      for (const [digest, e] of Object.entries(doc.children ?? {})) {
        if (Array.isArray(e?.children) && typeof e.seenAt === 'number') this.#children.set(digest, e);
      }
    } catch {
      this.#entries.clear();
      this.#sortedKeys = undefined;
    }
  }

  #setEntry(ref: string, entry: StateEntry): void {
    if (!this.#entries.has(ref)) this.#sortedKeys = undefined;
    this.#entries.set(ref, entry);
  }

  /**
   * The digest `destination` held when last confirmed, if that is younger than the TTL and the
   * destination is not among this run's rolling re-checks (the oldest share, see `RECHECK_SHARE`).
   */
  knownDestinationDigest = (destination: string): string | undefined => {
    const e = this.#entries.get(destination);
    if (!e) return undefined;
    const age = this.#now() - e.seenAt;
    // Expired, or "seen" in the future (a clock gone wrong or a hand-edited file): ask the registry.
    if (age > this.#ttlMs || age < 0) return undefined;
    if (this.#recheck().has(destination)) return undefined;
    this.#served.add(destination);
    return e.digest;
  };

  /** When the digest `knownDestinationDigest` gave for `destination` was last confirmed (ms since the epoch). */
  confirmedAt = (destination: string): number | undefined => this.#entries.get(destination)?.seenAt;

  #rechecks: Set<string> | undefined;

  /**
   * This run's rolling re-checks: the oldest `RECHECK_SHARE` of the remembered destinations
   * (rounded down), asked live so that a tag deleted or moved behind the mirror's back is noticed
   * within about 1 / RECHECK_SHARE runs, without waiting for the whole cache to expire at once.
   */
  #recheck(): Set<string> {
    if (!this.#rechecks) {
      const count = Math.floor(this.#entries.size * RECHECK_SHARE);
      const oldest = [...this.#entries]
        .sort(([ka, a], [kb, b]) => a.seenAt - b.seenAt || (ka < kb ? -1 : 1))
        .slice(0, count)
        .map(([k]) => k);
      this.#rechecks = new Set(oldest);
    }
    return this.#rechecks;
  }

  /**
   * Remembered signature verifications (`verify:`), keyed by digest and policy hash, trusted for
   * the TTL like destination digests: a warm run does not download bundles for unchanged digests,
   * and a policy change (another key) starts over. `minAge` is judged again from `signedAt`.
   */
  readonly verifications = {
    get: (key: string): Verification | undefined => {
      const e = this.#verifications.get(key);
      if (!e) return undefined;
      const age = this.#now() - e.seenAt;
      return age > this.#ttlMs || age < 0 ? undefined : e.verification;
    },
    set: (key: string, verification: Verification): void => {
      this.#verifications.set(key, { verification, seenAt: this.#now() });
    },
  };

  /**
   * What an index lists, by its digest (content at a digest never changes): a warm pass over an
   * up-to-date index finds its platform manifests' referrers without reading the index again.
   * An entry is kept while it is used, and dropped after the TTL unused.
   */
  readonly manifestChildren = {
    get: (digest: string): readonly string[] | undefined => {
      const e = this.#children.get(digest);
      if (!e) return undefined;
      const now = this.#now();
      // Refreshed at most once per TTL/4, so a warm run does not rewrite the file for it.
      if (now - e.seenAt > this.#ttlMs / 4) {
        e.seenAt = now;
        this.#dirty = true;
      }
      return e.children;
    },
    set: (digest: string, children: readonly string[]): void => {
      this.#children.set(digest, { children: [...children], seenAt: this.#now() });
      this.#dirty = true;
    },
  };

  /**
   * Learn from a run: each destination now holds the source digest when the tag was copied,
   * overwritten or found up to date, or its own digest when it drifted. Rows the state itself
   * answered keep their old time, so an entry expires after the TTL however often it is used.
   */
  record(result: SyncResult): void {
    for (const e of result.entries) for (const t of e.tags) this.learn(t);
  }

  /**
   * Learn from one row as it completes (and from the images of a chart version's row), so that a
   * run killed later still leaves what it finished to the next run (see `autosave`).
   */
  learn(row: TagResult): void {
    const now = this.#now();
    for (const t of [row, ...(row.images ?? [])]) {
      let digest: string | undefined;
      if (t.status === 'copied' || t.status === 'overwritten' || t.status === 'skipped')
        digest = t.sourceDigest;
      else if (t.status === 'drifted' || t.status === 'would-overwrite') digest = t.destinationDigest;
      if (digest === undefined) continue;
      const known = this.#entries.get(t.destination);
      if (this.#served.has(t.destination) && known?.digest === digest) continue;
      if (known?.digest === digest && known.seenAt === now) continue;
      this.#setEntry(t.destination, { digest, seenAt: now });
      this.#dirty = true;
    }
  }

  /**
   * Write the file in the background at most every `delayMs` while rows are learnt, so that a run
   * killed at its time limit (even by SIGKILL) resumes from what it had finished: the file is
   * replaced atomically, never left half written. Errors are left to the final `write()`.
   */
  autosave(delayMs: number): void {
    if (!this.#dirty || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#dirty = false;
      this.#writing = this.#writing.then(() => this.#save()).catch(() => undefined);
    }, delayMs);
    this.#timer.unref();
  }

  /** Write the state file (after any background write); returns false when it is unchanged from what was restored. */
  async write(): Promise<boolean> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dirty = false;
    await this.#writing;
    const written = this.#writing.then(() => this.#save());
    this.#writing = written.catch(() => undefined);
    return written;
  }

  /**
   * `JSON.stringify` of the destinations sorted by key, from the cached text of each entry (an
   * entry's text is made again only when the entry was replaced).
   */
  #destinationsText(): string {
    this.#sortedKeys ??= [...this.#entries.keys()].sort();
    const parts: string[] = [];
    for (const ref of this.#sortedKeys) {
      const entry = this.#entries.get(ref) as StateEntry;
      let cached = this.#entryText.get(ref);
      if (cached?.entry !== entry) {
        cached = { entry, text: `${JSON.stringify(ref)}:${JSON.stringify(entry)}` };
        this.#entryText.set(ref, cached);
      }
      parts.push(cached.text);
    }
    return `{${parts.join(',')}}`;
  }

  async #save(): Promise<boolean> {
    /** Entries younger than the TTL, sorted by key (stable file text). */
    const unexpired = <T extends { seenAt: number }>(map: Map<string, T>): Record<string, T> => {
      const now = this.#now();
      const out: Record<string, T> = {};
      for (const key of [...map.keys()].sort()) {
        const e = map.get(key) as T;
        if (now - e.seenAt <= this.#ttlMs) out[key] = e;
      }
      return out;
    };
    // A `StateDocument` as `JSON.stringify` writes it, its destinations from the cached text.
    let text = `{"version":${STATE_VERSION},"destinations":${this.#destinationsText()}`;
    if (this.#verifications.size > 0)
      text += `,"verifications":${JSON.stringify(unexpired(this.#verifications))}`;
    if (this.#children.size > 0) text += `,"children":${JSON.stringify(unexpired(this.#children))}`;
    text += '}\n';
    if (text === this.#restored) return false;
    await mkdir(dirname(this.#path), { recursive: true });
    // Write then rename: a reader (or an overlapping run) sees the old file or the new, never half.
    const tmp = `${this.#path}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, this.#path);
    return true;
  }
}
