/**
 * Copy one manifest tree bit for bit: blobs first, then child manifests (by digest), and only
 * then the tagged manifest, so a failure leaves no new tag behind.
 */
import type { RegistryClient } from '../oci/client.js';
import { manifestBlobs, parseManifest, type RawManifest } from '../oci/manifest.js';
import type { Reference, Repository } from '../oci/reference.js';
import type { BlobCopier } from './blobs.js';
import { onSide } from './errors.js';
import type { BlobCounts } from './model.js';
import { mapPool } from './pool.js';

export interface CopyStats {
  blobs: BlobCounts;
  bytes: number;
  manifests: number;
}

export interface CopyContext {
  client: RegistryClient;
  blobs: BlobCopier;
  /** Parallel blob/child operations within one manifest. */
  parallelism: number;
  log: (message: string) => void;
}

/** Copy the content `manifest` refers to (recursively) from `src` to `dst`, without tagging it. */
export async function copyContent(
  ctx: CopyContext,
  src: Repository,
  dst: Repository,
  manifest: RawManifest,
  stats: CopyStats,
): Promise<void> {
  const parsed = parseManifest(manifest.bytes, manifest.mediaType);
  if (parsed.kind === 'index') {
    await mapPool(parsed.index.manifests, ctx.parallelism, async (child) => {
      const raw = await onSide('source', () => ctx.client.getManifest({ ...src, digest: child.digest }));
      await copyContent(ctx, src, dst, raw, stats);
      await onSide('destination', () =>
        ctx.client.putManifest({ ...dst, digest: child.digest }, raw.bytes, raw.mediaType),
      );
      stats.manifests++;
      ctx.log(`put manifest ${dst.registry}/${dst.repository}@${child.digest}`);
    });
    return;
  }
  await mapPool(manifestBlobs(parsed.manifest), ctx.parallelism, async (desc) => {
    const outcome = await ctx.blobs.ensure(src, dst, desc);
    stats.blobs[outcome]++;
    if (outcome === 'copied') stats.bytes += desc.size;
  });
}

/**
 * Copy `src` (resolved to `srcDigest`) to the tag or digest of `dst`. The source manifest is
 * fetched by digest so a tag moving during the run cannot mix content.
 */
export async function copyImage(
  ctx: CopyContext,
  src: Reference,
  srcDigest: string,
  dst: Reference,
): Promise<CopyStats & { mediaType: string }> {
  const stats: CopyStats = { blobs: { copied: 0, mounted: 0, existing: 0 }, bytes: 0, manifests: 0 };
  const srcRepo = { registry: src.registry, repository: src.repository };
  const dstRepo = { registry: dst.registry, repository: dst.repository };
  const top = await onSide('source', () => ctx.client.getManifest({ ...srcRepo, digest: srcDigest }));
  await copyContent(ctx, srcRepo, dstRepo, top, stats);
  const target = dst.tag !== undefined ? { ...dstRepo, tag: dst.tag } : { ...dstRepo, digest: srcDigest };
  await onSide('destination', () => ctx.client.putManifest(target, top.bytes, top.mediaType));
  stats.manifests++;
  ctx.log(`put manifest ${dst.registry}/${dst.repository}:${dst.tag ?? srcDigest} (${srcDigest})`);
  return { ...stats, mediaType: top.mediaType };
}
