/**
 * Copy the referrers of a manifest (signatures, SBOMs, attestations: OCI 1.1 `subject`) and
 * cosign's legacy `sha256-<hex>.sig|.att|.sbom` tags. Referrer manifests keep their bytes, so their
 * digests are unchanged. When the destination has no referrers API, its `sha256-<hex>` fallback
 * index is maintained by merging, never blindly overwritten.
 */
import { referrersTag } from '../oci/client.js';
import { OciError } from '../oci/errors.js';
import type { Descriptor } from '../oci/manifest.js';
import { OCI_INDEX } from '../oci/mediatypes.js';
import type { Repository } from '../oci/reference.js';
import { type CopyContext, type CopyStats, copyContent } from './content.js';
import { onSide } from './errors.js';
import type { ReferrerCounts } from './model.js';

/** cosign's legacy attachment tag suffixes. */
export const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'] as const;

/** Tags that belong to referrers machinery rather than to releases: fallback indexes and cosign tags. */
export const REFERRER_TAG = /^sha256-[0-9a-f]{64}(?:\.(?:sig|att|sbom))?$/;

/** Copy every referrer of `subject` from `src` to `dst` (and cosign's legacy tags). */
export async function copyReferrers(
  ctx: CopyContext,
  src: Repository,
  dst: Repository,
  subject: string,
  stats: CopyStats,
  /** The source's tag list when the planner has it: cosign tags are then looked up in it, not probed. */
  sourceTags?: ReadonlySet<string>,
): Promise<ReferrerCounts> {
  const { client } = ctx;
  const counts: ReferrerCounts = { copied: 0, existing: 0 };
  const listed = await onSide('source', () => client.getReferrers(src, subject));
  for (const desc of listed.descriptors) {
    const present = await onSide('destination', () => client.headManifest({ ...dst, digest: desc.digest }));
    if (present) {
      counts.existing++;
      continue;
    }
    const raw = await onSide('source', () => client.getManifest({ ...src, digest: desc.digest }));
    await copyContent(ctx, src, dst, raw, stats);
    await onSide('destination', () =>
      client.putManifest({ ...dst, digest: desc.digest }, raw.bytes, raw.mediaType),
    );
    stats.manifests++;
    counts.copied++;
    ctx.log(`copied referrer ${desc.artifactType ?? desc.mediaType} ${desc.digest} of ${subject}`);
  }
  if (listed.descriptors.length > 0) await mergeFallbackIndex(ctx, dst, subject, listed.descriptors);
  for (const suffix of COSIGN_SUFFIXES) {
    const tag = `${referrersTag(subject)}.${suffix}`;
    if (sourceTags && !sourceTags.has(tag)) continue;
    const head = await onSide('source', () => client.headManifest({ ...src, tag }));
    if (!head) continue;
    const existing = await onSide('destination', () => client.headManifest({ ...dst, tag }));
    if (existing?.digest === head.digest) {
      counts.existing++;
      continue;
    }
    // cosign appends signatures to the same tag, so the destination follows the source here.
    const raw = await onSide('source', () => client.getManifest({ ...src, digest: head.digest }));
    await copyContent(ctx, src, dst, raw, stats);
    await onSide('destination', () => client.putManifest({ ...dst, tag }, raw.bytes, raw.mediaType));
    stats.manifests++;
    counts.copied++;
    ctx.log(`copied cosign tag ${tag}`);
  }
  return counts;
}

/** Rounds of read-merge-write-verify before giving up on the fallback index (other writers race us). */
const MERGE_ROUNDS = 8;
/** Pause after writing the fallback index before reading it back (plus up to as much again, random). */
const SETTLE_MS = 150;

/**
 * Make the destination list every referrer in `wanted`. A registry with the referrers API does
 * that itself; otherwise add the missing descriptors to its `sha256-<hex>` index (merge, keep
 * what is there, no duplicates). Another run may write the same index at the same time and drop
 * our entries (read-modify-write), so the index is read again after each write and the merge
 * repeated, after a random pause, until every wanted referrer is listed.
 */
async function mergeFallbackIndex(
  ctx: CopyContext,
  dst: Repository,
  subject: string,
  wanted: Descriptor[],
): Promise<void> {
  const tag = referrersTag(subject);
  for (let round = 1; ; round++) {
    const started = performance.now();
    const current = await onSide('destination', () => ctx.client.getReferrers(dst, subject));
    const have = new Set(current.descriptors.map((d) => d.digest));
    const missing = wanted.filter((d) => !have.has(d.digest));
    if (missing.length === 0) return;
    if (current.via === 'api') {
      ctx.log(
        `destination lists ${current.descriptors.length} referrers of ${subject} through its API; not writing a fallback tag`,
      );
      return;
    }
    if (round > MERGE_ROUNDS) {
      const err = new OciError(
        `merge referrers fallback tag ${dst.registry}/${dst.repository}:${tag}: ${missing.length} referrer(s) still missing after ${MERGE_ROUNDS} rounds (another writer keeps replacing the index)`,
      );
      err.side = 'destination';
      throw err;
    }
    const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...current.descriptors, ...missing] };
    await onSide('destination', () =>
      ctx.client.putManifest({ ...dst, tag }, Buffer.from(JSON.stringify(index)), OCI_INDEX),
    );
    ctx.log(`updated referrers fallback tag ${tag} (+${missing.length})`);
    // Let a concurrent writer that read the index before our write land its own write (its
    // read-to-write gap is about ours), then check ours survived: registries offer no
    // compare-and-swap on tags.
    const settle = Math.max(SETTLE_MS, 2 * (performance.now() - started));
    await new Promise((resolve) => setTimeout(resolve, settle + Math.random() * settle));
  }
}
