/**
 * Plan one artifact entry: list and select tags, resolve each source digest, look up each
 * destination and classify: copy, skip (up-to-date), drift, overwrite.
 */
import type { ArtifactEntry } from '../config/model.js';
import type { ManifestHead, RegistryClient } from '../oci/client.js';
import { NotFoundError } from '../oci/errors.js';
import { filterIndexPlatforms, type RawManifest } from '../oci/manifest.js';
import { isIndexMediaType } from '../oci/mediatypes.js';
import {
  formatReference,
  parseReference,
  parseRepository,
  type Reference,
  type Repository,
} from '../oci/reference.js';
import { needsTagList, selectTags, TooFewTagsError } from '../select/index.js';
import { errorInfo, onSide } from './errors.js';
import { type TagResult, tagRow, type UnparseableTags } from './model.js';
import { mapPool } from './pool.js';
import { REFERRER_TAG } from './referrers.js';

/** What the executor must do for one tag at one destination. */
export type PlannedAction = 'copy' | 'overwrite' | 'skip' | 'drift' | 'fail';

export interface PlannedTag {
  action: PlannedAction;
  src: Reference;
  srcDigest?: string;
  dst: Reference;
  dstDigest?: string;
  /** The source manifest when planning already fetched it (the copy then needs no second GET). */
  manifest?: RawManifest;
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
  /** Matching tags the sort dropped because they do not parse for it (see `SelectionResult`). */
  unparseable?: UnparseableTags;
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
    /** See `SyncOptions.knownDestinationDigest`. */
    knownDestinationDigest?: ((destination: string) => string | undefined) | undefined;
  },
): Promise<EntryPlan> {
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
    const listed = needsTagList(entry.selector) ? await onSide('source', () => client.listTags(source)) : [];
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
  const perTag = await mapPool(refs, options.parallelism, (src) =>
    planTag(client, src, destinations, overwrite, options.knownDestinationDigest, entry.platforms),
  );
  return {
    source,
    tags: perTag.flat(),
    notes,
    ...(sourceTags ? { sourceTags } : {}),
    ...(unparseable ? { unparseable } : {}),
  };
}

type Lookup = ManifestHead | undefined | { error: unknown };

async function lookup(client: RegistryClient, dst: Reference): Promise<Lookup> {
  try {
    return await onSide('destination', () => client.headManifest(dst));
  } catch (error) {
    return { error };
  }
}

/**
 * Plan one source tag for every destination. Destinations are looked up first: when one lacks the
 * tag, a GET of the source yields its digest and the bytes the copy needs (one request instead of
 * a HEAD now and a GET later); when all have it, a HEAD of the source suffices. A destination the
 * state cache knows to hold the source digest is not asked at all.
 */
async function planTag(
  client: RegistryClient,
  src: Reference,
  destinations: Repository[],
  overwrite: boolean,
  knownDestinationDigest: ((destination: string) => string | undefined) | undefined,
  platforms?: readonly string[],
): Promise<PlannedTag[]> {
  const targets = destinations.map(
    (d): Reference =>
      src.tag !== undefined ? { ...d, tag: src.tag } : { ...d, digest: src.digest as string },
  );
  const known = targets.map((dst) => knownDestinationDigest?.(formatReference(dst)));
  const lookups = new Map<number, Lookup>();
  await Promise.all(
    targets.map(async (dst, i) => {
      if (known[i] === undefined) lookups.set(i, await lookup(client, dst));
    }),
  );
  // With a platform filter the source is always fetched: the digest compared is the filtered index's.
  const fetch = platforms !== undefined || [...lookups.values()].some((l) => l === undefined);
  let srcDigest: string;
  let manifest: RawManifest | undefined;
  let rewritten: string | undefined;
  try {
    if (fetch) {
      manifest = await onSide('source', () => client.getManifest(src)).catch((err: unknown) => {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      });
      if (manifest && platforms !== undefined && isIndexMediaType(manifest.mediaType)) {
        const filtered = filterIndexPlatforms(manifest, platforms);
        if (!filtered) {
          const message = `${formatReference(src)}: no platform matches ${platforms.join(', ')}`;
          return targets.map((dst) => ({
            action: 'fail' as const,
            src,
            dst,
            row: row(src, dst, { error: { message, side: 'source' } }),
          }));
        }
        manifest = filtered;
        rewritten = `platforms ${platforms.join(', ')}`;
      }
      srcDigest = manifest?.digest ?? '';
    } else {
      srcDigest = (await onSide('source', () => client.headManifest(src)))?.digest ?? '';
    }
  } catch (err) {
    return targets.map((dst) => ({
      action: 'fail' as const,
      src,
      dst,
      row: row(src, dst, { error: errorInfo(err) }),
    }));
  }
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
        const r = row(src, dst, { sourceDigest: srcDigest, destinationDigest: srcDigest });
        return {
          ...base,
          dstDigest: srcDigest,
          action: 'skip',
          row: { ...r, status: 'skipped', reason: 'up-to-date (state cache)' },
        };
      }
      const head = lookups.has(i) ? lookups.get(i) : await lookup(client, dst);
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
  if (rewritten !== undefined) for (const p of planned) p.row.rewritten = rewritten;
  return planned;
}
