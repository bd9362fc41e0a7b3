/** Copy the content a manifest refers to: blobs and child manifests, recursively, without tagging. */

import type { RegistryClient } from '../oci/client.js';
import { manifestBlobs, parseManifest, type RawManifest } from '../oci/manifest.js';
import type { Repository } from '../oci/reference.js';
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
  /** Before the first write to a destination repository: create it where the registry needs that (ECR). */
  prepareDestination?: (repo: Repository) => Promise<void>;
  /** The client not bound to a job's deadline, for undoing a failed tag write after it. */
  repairClient?: RegistryClient;
}

/** Copy the content `manifest` refers to (recursively) from `src` to `dst`, without tagging it. */
export async function copyContent(
  ctx: CopyContext,
  src: Repository,
  dst: Repository,
  manifest: RawManifest,
  stats: CopyStats,
  /** Child manifests that are not the source's bytes (nested indexes a platform filter rewrote). */
  rewritten?: ReadonlyMap<string, RawManifest>,
): Promise<void> {
  const parsed = parseManifest(manifest.bytes, manifest.mediaType);
  if (parsed.kind === 'index') {
    await mapPool(parsed.index.manifests, ctx.parallelism, async (child) => {
      // A child is put only after everything it refers to: never a manifest before its content.
      const raw =
        rewritten?.get(child.digest) ??
        (await onSide('source', () => ctx.client.getManifest({ ...src, digest: child.digest })));
      await copyContent(ctx, src, dst, raw, stats, rewritten);
      await onSide('destination', () =>
        ctx.client.putManifest({ ...dst, digest: child.digest }, raw.bytes, raw.mediaType),
      );
      stats.manifests++;
      ctx.log(`put manifest ${dst.registry}/${dst.repository}@${child.digest}`);
    });
    return;
  }
  await mapPool(manifestBlobs(parsed.manifest), ctx.parallelism, async (desc) => {
    const outcome = await ctx.blobs.ensure(src, dst, desc, ctx.client);
    stats.blobs[outcome]++;
    if (outcome === 'copied') stats.bytes += desc.size;
  });
}
