/**
 * Plan one artifact entry: list and select tags, resolve each source digest, look up each
 * destination and classify: copy, skip (up-to-date), drift, overwrite.
 */
import type { ArtifactEntry } from '../config/model.js';
import type { RegistryClient } from '../oci/client.js';
import {
  formatReference,
  parseReference,
  parseRepository,
  type Reference,
  type Repository,
} from '../oci/reference.js';
import { needsTagList, selectTags } from '../select/index.js';
import { errorInfo, onSide } from './errors.js';
import type { TagResult } from './model.js';
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
}

function row(src: Reference, dst: Reference, init: Partial<TagResult> = {}): TagResult {
  const r: TagResult = {
    source: formatReference(src),
    destination: formatReference(dst),
    status: 'failed',
    bytes: 0,
    blobs: { copied: 0, mounted: 0, existing: 0 },
    manifests: 0,
    durationMs: 0,
    ...init,
  };
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
    for (const r of selection.rejected.slice(0, 50))
      notes.push(`${entry.name}: skip tag ${r.tag}: ${r.reason}`);
    for (const t of selection.selected) refs.push({ ...source, tag: t.tag });
    for (const d of selection.digests) refs.push({ ...source, digest: d });
  }
  const overwrite = options.overwrite || entry.overwrite;
  const perTag = await mapPool(refs, options.parallelism, async (src): Promise<PlannedTag[]> => {
    const targets = destinations.map(
      (d): Reference =>
        src.tag !== undefined ? { ...d, tag: src.tag } : { ...d, digest: src.digest as string },
    );
    let srcDigest: string;
    try {
      const head = await onSide('source', () => client.headManifest(src));
      if (head === undefined) {
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
      srcDigest = head.digest;
    } catch (err) {
      return targets.map((dst) => ({
        action: 'fail' as const,
        src,
        dst,
        row: row(src, dst, { error: errorInfo(err) }),
      }));
    }
    return Promise.all(
      targets.map(async (dst): Promise<PlannedTag> => {
        const base = { src, srcDigest, dst };
        // State cache (the action's): a destination known to hold exactly the source digest is
        // skipped without a HEAD. Any other known digest is not trusted: drift is always checked live.
        const known = options.knownDestinationDigest?.(formatReference(dst));
        if (known !== undefined && known === srcDigest) {
          const r = row(src, dst, { sourceDigest: srcDigest, destinationDigest: known });
          return {
            ...base,
            dstDigest: known,
            action: 'skip',
            row: { ...r, status: 'skipped', reason: 'up-to-date (state cache)' },
          };
        }
        try {
          const head = await onSide('destination', () => client.headManifest(dst));
          if (head === undefined)
            return { ...base, action: 'copy', row: row(src, dst, { sourceDigest: srcDigest }) };
          const r = row(src, dst, { sourceDigest: srcDigest, destinationDigest: head.digest });
          if (head.digest === srcDigest)
            return {
              ...base,
              dstDigest: head.digest,
              action: 'skip',
              row: { ...r, status: 'skipped', reason: 'up-to-date' },
            };
          if (overwrite) return { ...base, dstDigest: head.digest, action: 'overwrite', row: r };
          return {
            ...base,
            dstDigest: head.digest,
            action: 'drift',
            row: { ...r, status: 'drifted', reason: 'destination differs from source (overwrite: false)' },
          };
        } catch (err) {
          return {
            ...base,
            action: 'fail',
            row: row(src, dst, { sourceDigest: srcDigest, error: errorInfo(err) }),
          };
        }
      }),
    );
  });
  return sourceTags
    ? { source, tags: perTag.flat(), notes, sourceTags }
    : { source, tags: perTag.flat(), notes };
}
