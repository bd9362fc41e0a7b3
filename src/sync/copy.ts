/**
 * Copy one manifest tree bit for bit: blobs first, then child manifests (by digest), and only
 * then the tagged manifest, so a failure leaves no new tag behind.
 */
import { parseManifest, type RawManifest } from '../oci/manifest.js';
import type { Reference } from '../oci/reference.js';
import { type CopyContext, type CopyStats, copyContent } from './content.js';
import { onSide } from './errors.js';
import type { ReferrerRow } from './model.js';
import { copyReferrers } from './referrers.js';
import { writeTag } from './tag-write.js';

export type { CopyContext, CopyStats } from './content.js';

/**
 * Copy `src` (resolved to `srcDigest`) to the tag or digest of `dst`. The source manifest is
 * fetched by digest so a tag moving during the run cannot mix content.
 */
export async function copyImage(
  ctx: CopyContext,
  src: Reference,
  srcDigest: string,
  dst: Reference,
  options: {
    referrers?: boolean;
    sourceTags?: ReadonlySet<string> | undefined;
    /** The source manifest when the planner already fetched it (its digest is `srcDigest`). */
    manifest?: RawManifest | undefined;
    /** Where referrer rows go (kept by the caller even when the copy fails). */
    referrerRows?: ReferrerRow[];
    /** Platform filter: nested indexes it rewrote (children of `manifest` the source lacks). */
    rewrittenIndexes?: readonly RawManifest[] | undefined;
    /** Platform filter: the source's own index digest, whose referrers attach to `srcDigest`. */
    originalDigest?: string | undefined;
    /** The digest the destination tag held at planning (overwrite): restored if the tag write fails. */
    previous?: string | undefined;
  } = {},
): Promise<CopyStats & { mediaType: string; children: string[]; referrers?: ReferrerRow[] }> {
  const stats: CopyStats = { blobs: { copied: 0, mounted: 0, existing: 0 }, bytes: 0, manifests: 0 };
  const srcRepo = { registry: src.registry, repository: src.repository };
  const dstRepo = { registry: dst.registry, repository: dst.repository };
  // Whether the destination repository holds any tag decides if its blobs need looking up first.
  ctx.blobs.starting(ctx.client, dstRepo);
  const top =
    options.manifest?.digest === srcDigest
      ? options.manifest
      : await onSide('source', () => ctx.client.getManifest({ ...srcRepo, digest: srcDigest }));
  const rewritten = options.rewrittenIndexes?.length
    ? new Map(options.rewrittenIndexes.map((m) => [m.digest, m]))
    : undefined;
  await copyContent(ctx, srcRepo, dstRepo, top, stats, rewritten);
  let referrers: ReferrerRow[] | undefined;
  if (options.referrers) {
    // Subject by digest first, then its referrers, and the tag last: a failure leaves no new tag.
    await onSide('destination', () =>
      ctx.client.putManifest({ ...dstRepo, digest: srcDigest }, top.bytes, top.mediaType),
    );
    const of = options.originalDigest ?? srcDigest;
    referrers = await copyReferrers(ctx, srcRepo, dstRepo, of, stats, options.referrerRows ?? [], {
      sourceTags: options.sourceTags,
      alsoSubjects: childDigests(top),
      ...(of !== srcDigest ? { attachTo: srcDigest } : {}),
    });
  }
  if (dst.tag !== undefined) {
    await writeTag(ctx.client, { ...dstRepo, tag: dst.tag }, top, {
      previous: options.previous,
      attempts: ctx.client.transport.retryPolicy.attempts,
      log: ctx.log,
      ...(ctx.repairClient ? { repairClient: ctx.repairClient } : {}),
    });
  } else {
    await onSide('destination', () =>
      ctx.client.putManifest({ ...dstRepo, digest: srcDigest }, top.bytes, top.mediaType),
    );
  }
  stats.manifests++;
  ctx.log(`put manifest ${dst.registry}/${dst.repository}:${dst.tag ?? srcDigest} (${srcDigest})`);
  // What the index lists (remembered for later referrer passes over the up-to-date tag).
  const children = childDigests(top);
  return referrers
    ? { ...stats, mediaType: top.mediaType, children, referrers }
    : { ...stats, mediaType: top.mediaType, children };
}

/** The manifests an index lists (their referrers travel with the tag too); none for a manifest. */
export function childDigests(raw: RawManifest): string[] {
  const parsed = parseManifest(raw.bytes, raw.mediaType);
  return parsed.kind === 'index' ? parsed.index.manifests.map((d) => d.digest) : [];
}
