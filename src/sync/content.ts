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
  /** Child manifests put into destination repositories by this run (shared by its jobs). */
  manifests?: ManifestPuts;
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
      const putChild = async () => {
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
      };
      await (ctx.manifests ? ctx.manifests.once(dst, child.digest, putChild) : putChild());
    });
    return;
  }
  await mapPool(manifestBlobs(parsed.manifest), ctx.parallelism, async (desc) => {
    const outcome = await ctx.blobs.ensure(src, dst, desc, ctx.client);
    stats.blobs[outcome]++;
    if (outcome === 'copied') stats.bytes += desc.size;
  });
}

/**
 * Child manifests put by digest into destination repositories in this run. One image under several
 * tags (`latest` and a version) is copied by a job per tag, and each would put the same platform
 * manifests into the same repository at once. docker-registry's filesystem storage rewrites a
 * manifest's link in place (truncate, then write) on every put, so a second put of a child while
 * another job's index put checks that child lets the registry read an empty link: the index put
 * fails with DIGEST_INVALID or MANIFEST_BLOB_UNKNOWN. Here a child is put once per repository:
 * a job that needs it waits for the put in flight, and puts it itself only if that one failed.
 */
export class ManifestPuts {
  readonly #puts = new Map<string, Promise<void>>();

  /** Run `put` unless this run has put (or is putting) `digest` into `repo`; then wait for that one. */
  async once(repo: Repository, digest: string, put: () => Promise<void>): Promise<void> {
    const key = `${repo.registry}/${repo.repository}@${digest}`;
    for (;;) {
      const earlier = this.#puts.get(key);
      if (earlier === undefined) break;
      try {
        await earlier;
        return;
      } catch {
        // That job's put failed (its own row says so): try it here, unless another job already is.
        if (this.#puts.get(key) === earlier) this.#puts.delete(key);
      }
    }
    const mine = put();
    this.#puts.set(key, mine);
    try {
      await mine;
    } catch (err) {
      if (this.#puts.get(key) === mine) this.#puts.delete(key);
      throw err;
    }
  }
}
