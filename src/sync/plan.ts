/**
 * Plan one artifact entry: list and select tags, resolve each source digest, look up each
 * destination and classify: copy, skip (up-to-date), drift, overwrite.
 */
import type { ArtifactEntry } from '../config/model.js';
import type { ManifestHead, RegistryClient } from '../oci/client.js';
import { NotFoundError } from '../oci/errors.js';
import type { ListingResult } from '../oci/listings.js';
import { filterIndexPlatforms, type RawManifest } from '../oci/manifest.js';
import { isIndexMediaType } from '../oci/mediatypes.js';
import {
  apiHost,
  formatReference,
  formatRepository,
  parseReference,
  parseRepository,
  type Reference,
  type Repository,
} from '../oci/reference.js';
import { tuneForPlanning } from '../runtime.js';
import { needsTagList, selectTags, TooFewTagsError } from '../select/index.js';
import { errorInfo, onceMore, onSide, rowOutcome } from './errors.js';
import { type TagResult, tagRow, type UnparseableTags } from './model.js';
import { type HostLimiter, mapPool } from './pool.js';
import { REFERRER_TAG } from './referrers.js';
import type { TaglessRepositories } from './tagless.js';

/** What the executor must do for one tag at one destination (`hold`: not copied, row as planned). */
export type PlannedAction = 'copy' | 'overwrite' | 'skip' | 'drift' | 'fail' | 'hold';

export interface PlannedTag {
  action: PlannedAction;
  src: Reference;
  srcDigest?: string;
  dst: Reference;
  dstDigest?: string;
  /**
   * The source's own digest when the copy is a rewrite of it (platform filter): signatures and
   * referrers at the source name this digest, not `srcDigest`.
   */
  originalDigest?: string;
  /**
   * The source manifest when planning read it: platform filtering (the filtered index's bytes), or
   * a tag the destination's tag list already showed absent (read instead of a HEAD, so the copy
   * needs no GET of it; see `DigestSource.readInstead`). Otherwise the copy fetches it by digest.
   */
  manifest?: RawManifest;
  /**
   * The manifest's media type when planning saw it without reading it (the destination's HEAD of
   * the same digest): tells an index, whose platform manifests have referrers too, from a manifest.
   */
  mediaType?: string;
  /** Nested indexes the platform filter rewrote (children of `manifest`, innermost first). */
  rewrittenIndexes?: RawManifest[];
  /** Prefilled report row (status decided by the executor for copy/overwrite). */
  row: TagResult;
}

export interface EntryPlan {
  source: Repository;
  tags: PlannedTag[];
  /** Log lines for `--verbose` (selection decisions). */
  notes: string[];
  /** Every tag the source listed, when it was listed (cosign tag lookups use it). */
  sourceTags?: ReadonlySet<string>;
  /** With `keep`: every selected source reference in plan order, kept or not (to merge shards' rows). */
  selected?: string[];
  /** Matching tags the sort dropped because they do not parse for it (see `SelectionResult`). */
  unparseable?: UnparseableTags;
}

/**
 * Where planning gets tag lists and digests. `registryDigests()` asks the registries through a
 * per-host limiter; a state cache answers `known()`, and a registry's bulk listing can stand in
 * for `destination()`/`source()` (wrap the default and fall back to it).
 */
export interface DigestSource {
  /** The source repository's tags. */
  tags(repo: Repository): Promise<string[]>;
  /** The source's digest for `ref` (a HEAD); undefined when the source lacks it. */
  source(ref: Reference): Promise<string | undefined>;
  /** The source manifest's bytes (only when planning must read them: platform filtering). */
  manifest(ref: Reference): Promise<RawManifest>;
  /** The destination's manifest head for `ref`; undefined when absent. */
  destination(ref: Reference): Promise<ManifestHead | undefined>;
  /**
   * Whether to read `src`'s manifest instead of HEADing it, asked before the destinations are
   * looked up: undefined when that cannot pay (some lookup of `destinations` would not wait on its
   * repository's first answers, see `registryDigests`); else resolves, once those answers are in,
   * to true when every destination is already known absent and a GET costs the source no more
   * than a HEAD. The copy then needs no GET of the manifest.
   */
  readInstead?(src: Reference, destinations: Reference[]): Promise<boolean> | undefined;
  /** A destination digest known without a request; trusted only when it equals the source's. */
  known(ref: Reference): string | undefined;
}

/**
 * Digests from the registries themselves, at most `limiter.perHost` requests in flight per host.
 *
 * With `tagless`, when a destination repository's first manifest HEAD misses and a second tag of
 * it is looked up, one tag-list page is asked: when the repository holds no tag, its other tags
 * are absent without a HEAD each (a cold mirror asks once per repository, not once per tag). The
 * repository's later lookups wait for the first HEAD; a hit, an error or a tag in the list, and
 * they HEAD. A repository with one tag to plan gets no tag-list page here.
 */
export function registryDigests(
  client: RegistryClient,
  options: {
    limiter?: HostLimiter | undefined;
    knownDestinationDigest?: ((destination: string) => string | undefined) | undefined;
    tagless?: TaglessRepositories | undefined;
  } = {},
): DigestSource {
  const { limiter, knownDestinationDigest, tagless } = options;
  const limited = <T>(host: string, fn: () => Promise<T>): Promise<T> =>
    limiter ? limiter.run(host, fn) : fn();
  const head = (ref: Reference) =>
    limited(ref.registry, () => onceMore(() => onSide('destination', () => client.headManifest(ref))));
  /** Per destination repository: whether its first manifest HEAD missed (false on a hit or an error). */
  const firstMissed = new Map<string, Promise<boolean>>();
  /** Per destination repository: its tag-list page, asked once a second lookup follows a miss. */
  const asked = new Map<string, Promise<boolean>>();
  /** The repository's tag-list page (asked once), then whether it still decides absence. */
  const listedAbsent = async (repo: Repository, key: string): Promise<boolean> => {
    let list = asked.get(key);
    if (list === undefined) {
      list = limited(repo.registry, () => (tagless as TaglessRepositories).ask(client, repo));
      asked.set(key, list);
    }
    await list;
    // The tag list decides absence only while no copy of this run has written there.
    return (tagless as TaglessRepositories).untouched(repo);
  };
  const destination = async (ref: Reference): Promise<ManifestHead | undefined> => {
    if (!tagless) return head(ref);
    const repo = { registry: ref.registry, repository: ref.repository };
    const key = formatRepository(repo);
    const first = firstMissed.get(key);
    if (first === undefined) {
      const looked = head(ref);
      firstMissed.set(
        key,
        looked.then(
          (h) => h === undefined,
          () => false,
        ),
      );
      return looked;
    }
    if (!(await first)) return head(ref);
    // A second tag of a repository whose first HEAD missed: one tag-list page may spare the rest.
    // (A one-tag entry never asks here: the copy asks as it starts, a plan does not need to.)
    return (await listedAbsent(repo, key)) ? undefined : head(ref);
  };
  /** For a lookup that will wait on its repository's first answers: whether they show `ref` absent. */
  const absent = (ref: Reference): Promise<boolean> | undefined => {
    if (!tagless) return undefined;
    const repo = { registry: ref.registry, repository: ref.repository };
    const key = formatRepository(repo);
    const first = firstMissed.get(key);
    if (first === undefined) return undefined;
    return first.then((missed) => missed && listedAbsent(repo, key));
  };
  const readInstead = (src: Reference, targets: Reference[]): Promise<boolean> | undefined => {
    const answers = targets.map(absent);
    if (answers.length === 0 || answers.some((a) => a === undefined)) return undefined;
    return Promise.all(answers).then(
      (all) =>
        all.every(Boolean) &&
        // Where manifest GETs count as pulls (Docker Hub) or the source has not answered yet
        // (it may say so), planning HEADs: a pull is spent by the copy that needs it, not before.
        client.transport.countsPulls(apiHost(src.registry)) === false,
      // Not awaited on every path of planTag: never rejects (a failed answer means "HEAD").
      () => false,
    );
  };
  return {
    // Each lookup is tried once more after a transient failure (a cut answer, a reset).
    tags: (repo) =>
      limited(repo.registry, () => onceMore(() => onSide('source', () => client.listTags(repo)))),
    source: (ref) =>
      limited(ref.registry, () => onceMore(() => onSide('source', () => client.headManifest(ref)))).then(
        (h) => h?.digest,
      ),
    manifest: (ref) =>
      limited(ref.registry, () => onceMore(() => onSide('source', () => client.getManifest(ref)))),
    destination,
    readInstead,
    known: (ref) => knownDestinationDigest?.(formatReference(ref)),
  };
}

function row(src: Reference, dst: Reference, init: Partial<TagResult> = {}): TagResult {
  const r = tagRow(formatReference(src), formatReference(dst), init);
  if (src.tag !== undefined) r.tag = src.tag;
  return r;
}

/**
 * Plan an entry. Throws (a plan failure for the whole entry) when the source cannot be listed;
 * a tag that cannot be resolved becomes a failed row and the others go on.
 */
export async function planEntry(
  client: RegistryClient,
  entry: ArtifactEntry,
  options: {
    overwrite: boolean;
    parallelism: number;
    /** See `SyncOptions.knownDestinationDigest` (ignored when `digests` is given). */
    knownDestinationDigest?: ((destination: string) => string | undefined) | undefined;
    /** Where digests come from (default: the registries, unlimited). */
    digests?: DigestSource;
    /** Plan only the selected source references this returns true for (`--shard-by tag`). */
    keep?: ((src: Reference) => boolean) | undefined;
    /** The source registry's bulk tag digest listing, when it has one (see oci/listings.ts). */
    listing?: ((repo: Repository) => Promise<ListingResult>) | undefined;
    /** See `SyncOptions.knownDestinationConfirmedAt`. */
    knownDestinationConfirmedAt?: ((destination: string) => number | undefined) | undefined;
    /**
     * Read the source manifest of a tag known absent everywhere (see `DigestSource.readInstead`) for its
     * copy. Only when the plan is copied as planned: not in a dry run, nor when a verification
     * policy may hold tags back (a GET is a pull where pulls are counted, a HEAD is not).
     */
    readAbsent?: boolean | undefined;
  },
): Promise<EntryPlan> {
  const digests =
    options.digests ?? registryDigests(client, { knownDestinationDigest: options.knownDestinationDigest });
  const parsed = parseReference(entry.source);
  const source: Repository = { registry: parsed.registry, repository: parsed.repository };
  const destinations = entry.destinations.map((d) => parseRepository(d));
  const notes: string[] = [];
  const refs: Reference[] = [];
  let sourceTags: Set<string> | undefined;
  let unparseable: UnparseableTags | undefined;
  if (parsed.tag !== undefined || parsed.digest !== undefined) {
    refs.push(parsed);
  } else {
    const listed = needsTagList(entry.selector) ? await digests.tags(source) : [];
    // Referrers fallback indexes and cosign tags are not releases: they travel with their subject.
    const available = listed.filter((t) => !REFERRER_TAG.test(t));
    if (needsTagList(entry.selector)) sourceTags = new Set(listed);
    const selection = selectTags(available, entry.selector);
    notes.push(
      `${entry.name}: ${listed.length} tags listed, ${selection.selected.length} selected` +
        (selection.selected.length > 0 ? ` (${selection.selected.map((t) => t.tag).join(', ')})` : ''),
    );
    unparseable = selection.unparseable;
    const count = selection.selected.length + selection.digests.length;
    if (entry.minTags !== undefined && count < entry.minTags) throw new TooFewTagsError(count, entry.minTags);
    for (const r of selection.rejected.slice(0, 50))
      notes.push(`${entry.name}: skip tag ${r.tag}: ${r.reason}`);
    for (const t of selection.selected) refs.push({ ...source, tag: t.tag });
    for (const d of selection.digests) refs.push({ ...source, digest: d });
  }
  const overwrite = options.overwrite || entry.overwrite;
  let listingRequests = 0;
  const keep = options.keep;
  const mine = keep ? refs.filter((r) => keep(r)) : refs;
  if (keep) notes.push(`${entry.name}: ${mine.length} of ${refs.length} selected tags fall to this shard`);
  // A listing only pays when tags are many; its digests are hints (see planTag).
  let listed: ReadonlyMap<string, string> | undefined;
  if (
    options.listing &&
    entry.platforms === undefined &&
    mine.filter((r) => r.tag !== undefined).length > 1
  ) {
    const l = await options.listing(source);
    if (l.digests) listed = l.digests;
    else notes.push(`${entry.name}: ${l.unavailable ?? 'no listing'}; planning with one HEAD per tag`);
    listingRequests = l.requests;
  }
  const perTag = await mapPool(mine, options.parallelism, async (src) => {
    tuneForPlanning();
    const listedDigest = src.tag !== undefined ? listed?.get(src.tag) : undefined;
    const planned = await planTag(
      digests,
      src,
      destinations,
      overwrite,
      entry.platforms,
      listedDigest,
      options.readAbsent ?? false,
    );
    for (const p of planned) if (p.row.reason === REMEMBERED) p.row.reason = remembered(p, options);
    return planned;
  });
  if (listed) {
    const saved = perTag.filter((rows) => rows.some((p) => p.row.reason === LISTED)).length;
    notes.push(
      `${entry.name}: listing gave ${listed.size} tag digests in ${listingRequests} requests; ${saved} source HEADs saved`,
    );
  }
  return {
    source,
    tags: perTag.flat(),
    notes,
    ...(sourceTags ? { sourceTags } : {}),
    ...(keep ? { selected: refs.map((r) => formatReference(r)) } : {}),
    ...(unparseable ? { unparseable } : {}),
  };
}

const REMEMBERED = 'up-to-date (remembered)';

/** `up-to-date (remembered: state file, confirmed 3h 5m ago)` for a row decided from the state. */
function remembered(
  p: PlannedTag,
  options: { knownDestinationConfirmedAt?: ((destination: string) => number | undefined) | undefined },
): string {
  const at = options.knownDestinationConfirmedAt?.(formatReference(p.dst));
  if (at === undefined) return REMEMBERED;
  const minutes = Math.max(0, Math.round((Date.now() - at) / 60_000));
  const age = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
  return `up-to-date (remembered: state file, confirmed ${age} ago)`;
}

/** Reason of a row skipped on a listing's word (the destination holds the listed digest). */
export const LISTED = 'up-to-date (listing)';

type Lookup = ManifestHead | undefined | { error: unknown };

/** The source manifest of `src`; undefined when the source lacks it. */
function sourceManifest(digests: DigestSource, src: Reference): Promise<RawManifest | undefined> {
  return digests.manifest(src).catch((err: unknown) => {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  });
}

async function lookup(digests: DigestSource, dst: Reference): Promise<Lookup> {
  try {
    return await digests.destination(dst);
  } catch (error) {
    return { error };
  }
}

/**
 * Plan one source tag for every destination. The source HEAD and the destination HEADs go out
 * together (one round trip, not two); a destination the state cache knows to hold the source
 * digest is not asked at all. With a platform filter the source manifest is fetched instead: the
 * digest compared is the filtered index's.
 */
async function planTag(
  digests: DigestSource,
  src: Reference,
  destinations: Repository[],
  overwrite: boolean,
  platforms?: readonly string[],
  /** The source digest a bulk listing gave: a hint, trusted only to skip (see below). */
  listedDigest?: string,
  readAbsent = false,
): Promise<PlannedTag[]> {
  const targets = destinations.map(
    (d): Reference =>
      src.tag !== undefined ? { ...d, tag: src.tag } : { ...d, digest: src.digest as string },
  );
  const known = targets.map((dst) => digests.known(dst));
  // Asked before the lookups start (whether they wait on their repositories' first answers).
  const reading =
    readAbsent && platforms === undefined && known.every((k) => k === undefined)
      ? digests.readInstead?.(src, targets)
      : undefined;
  const lookups = new Map<number, Lookup>();
  const asked = Promise.all(
    targets.map(async (dst, i) => {
      if (known[i] === undefined) lookups.set(i, await lookup(digests, dst));
    }),
  );
  // A listing's digest is trusted for one conclusion only: every destination already holds it, so
  // there is nothing to do (at worst a stale listing delays a copy to a later run). Any other
  // outcome — copy, overwrite, drift — is decided on the source registry's own answer below.
  if (listedDigest !== undefined && platforms === undefined) {
    await asked;
    const allHold = targets.every((_, i) => {
      const l = lookups.get(i);
      return l === undefined ? known[i] === listedDigest : !('error' in l) && l.digest === listedDigest;
    });
    if (allHold)
      return targets.map((dst) => ({
        action: 'skip' as const,
        src,
        srcDigest: listedDigest,
        dst,
        dstDigest: listedDigest,
        row: {
          ...row(src, dst, { sourceDigest: listedDigest, destinationDigest: listedDigest }),
          status: 'skipped' as const,
          reason: LISTED,
        },
      }));
  }
  let srcDigest: string;
  let manifest: RawManifest | undefined;
  let rewritten: string | undefined;
  let originalDigest: string | undefined;
  let nested: RawManifest[] | undefined;
  try {
    if (platforms !== undefined) {
      manifest = await sourceManifest(digests, src);
      if (manifest && isIndexMediaType(manifest.mediaType)) {
        const filtered = await filterIndexPlatforms(manifest, platforms, (digest) =>
          digests.manifest({ registry: src.registry, repository: src.repository, digest }),
        );
        if (!filtered) {
          await asked;
          const message = `${formatReference(src)}: no platform matches ${platforms.join(', ')}`;
          return targets.map((dst) => ({
            action: 'fail' as const,
            src,
            dst,
            row: row(src, dst, { error: { message, side: 'source' } }),
          }));
        }
        if (filtered.manifest !== manifest) {
          originalDigest = manifest.digest;
          manifest = filtered.manifest;
          rewritten = `platforms ${platforms.join(', ')}`;
          if (filtered.rewritten.length > 0) nested = filtered.rewritten;
        }
      }
      srcDigest = manifest?.digest ?? '';
    } else if (reading && (await reading)) {
      // Every destination lookup waited for its repository's tag list, which shows the tag absent:
      // a GET instead of the HEAD costs the same round trip, and the copy needs no GET of its own.
      manifest = await sourceManifest(digests, src);
      srcDigest = manifest?.digest ?? '';
    } else {
      srcDigest = (await digests.source(src)) ?? '';
    }
  } catch (err) {
    await asked;
    return targets.map((dst) => ({
      action: 'fail' as const,
      src,
      dst,
      row: row(src, dst, rowOutcome(err)),
    }));
  }
  await asked;
  if (srcDigest === '') {
    return targets.map((dst) => ({
      action: 'fail' as const,
      src,
      dst,
      row: row(src, dst, {
        error: {
          message: `${formatReference(src)}: not found in the source registry`,
          side: 'source',
          httpStatus: 404,
          code: 'MANIFEST_UNKNOWN',
        },
      }),
    }));
  }
  const planned = await Promise.all(
    targets.map(async (dst, i): Promise<PlannedTag> => {
      const base = manifest ? { src, srcDigest, dst, manifest } : { src, srcDigest, dst };
      // State cache (the action's): a destination known to hold exactly the source digest is
      // skipped without a HEAD. Any other known digest is not trusted: drift is checked live.
      if (known[i] !== undefined && known[i] === srcDigest) {
        // Decided from memory: the row claims no destination digest, nothing was observed.
        const r = row(src, dst, { sourceDigest: srcDigest });
        return {
          ...base,
          dstDigest: srcDigest,
          action: 'skip',
          row: { ...r, status: 'skipped', reason: REMEMBERED },
        };
      }
      const head = lookups.has(i) ? lookups.get(i) : await lookup(digests, dst);
      if (head !== undefined && 'error' in head) {
        return {
          ...base,
          action: 'fail',
          row: row(src, dst, { sourceDigest: srcDigest, error: errorInfo(head.error) }),
        };
      }
      if (head === undefined)
        return { ...base, action: 'copy', row: row(src, dst, { sourceDigest: srcDigest }) };
      const r = row(src, dst, { sourceDigest: srcDigest, destinationDigest: head.digest });
      if (head.digest === srcDigest) {
        return {
          ...base,
          dstDigest: head.digest,
          mediaType: head.mediaType,
          action: 'skip',
          row: { ...r, status: 'skipped', reason: 'up-to-date' },
        };
      }
      if (overwrite) return { ...base, dstDigest: head.digest, action: 'overwrite', row: r };
      return {
        ...base,
        dstDigest: head.digest,
        action: 'drift',
        row: { ...r, status: 'drifted', reason: 'destination differs from source (overwrite: false)' },
      };
    }),
  );
  // A filtered index is not the source's bytes: every row says so.
  if (rewritten !== undefined)
    for (const p of planned) {
      p.row.rewritten = rewritten;
      if (originalDigest !== undefined) p.originalDigest = originalDigest;
      if (nested !== undefined) p.rewrittenIndexes = nested;
    }
  return planned;
}
