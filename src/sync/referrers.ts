/**
 * Copy the referrers of a manifest (signatures, SBOMs, attestations: OCI 1.1 `subject`) and
 * cosign's legacy `sha256-<hex>.sig|.att|.sbom` tags, so that the destination can verify what the
 * source could: referrers of referrers (a signature on an SBOM) and, for an index, referrers of its
 * platform manifests too. Referrer manifests keep their bytes, so their digests are unchanged.
 * When the destination has no referrers API, its `sha256-<hex>` fallback index is maintained by
 * merging (its annotations and other entries kept), never blindly overwritten.
 */
import { referrersTag } from '../oci/client.js';
import type { Descriptor } from '../oci/manifest.js';
import { OCI_INDEX } from '../oci/mediatypes.js';
import type { Repository } from '../oci/reference.js';
import { type CopyContext, type CopyStats, copyContent } from './content.js';
import { errorInfo, onSide } from './errors.js';
import type { ReferrerRow } from './model.js';

/** cosign's legacy attachment tag suffixes. */
export const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'] as const;

/** Tags that belong to referrers machinery rather than to releases: fallback indexes and cosign tags. */
export const REFERRER_TAG = /^sha256-[0-9a-f]{64}(?:\.(?:sig|att|sbom))?$/;

/** How deep referrers of referrers are followed (signature on an attestation on an SBOM …). */
const MAX_DEPTH = 4;

/** A referrer that could not be copied: the tag's row fails and says which. */
export class ReferrerCopyError extends Error {
  override name = 'ReferrerCopyError';
}

export interface ReferrerOptions {
  /** The source's tag list when the planner has it: cosign tags are then looked up in it, not probed. */
  sourceTags?: ReadonlySet<string> | undefined;
  /** Evaluate only (dry run): rows say `would-copy`, nothing is written. */
  dryRun?: boolean;
  /** Other manifests whose referrers travel with the tag (an index's platform manifests). */
  alsoSubjects?: readonly string[];
  /**
   * Platform filter: `subject` is the source's index and this the filtered index the destination
   * gets. The source's referrers are copied unchanged (their `subject` still names the source
   * index) and also listed in this digest's fallback index.
   */
  attachTo?: string;
}

/**
 * Copy every referrer of `subject` (recursively, and of `alsoSubjects`) from `src` to `dst`, and
 * cosign's legacy tags. Rows are appended to `rows` as they are decided, so a caller keeps them
 * even when this throws `ReferrerCopyError` after trying every referrer.
 */
export async function copyReferrers(
  ctx: CopyContext,
  src: Repository,
  dst: Repository,
  subject: string,
  stats: CopyStats,
  rows: ReferrerRow[],
  options: ReferrerOptions = {},
): Promise<ReferrerRow[]> {
  const { client } = ctx;
  const seen = new Set<string>([subject]);
  const visit = async (of: string, depth: number): Promise<void> => {
    const listed = await onSide('source', () => client.getReferrers(src, of));
    const fresh = listed.descriptors.filter((d) => !seen.has(d.digest));
    for (const desc of fresh) {
      seen.add(desc.digest);
      const row: ReferrerRow = { digest: desc.digest, status: 'failed' };
      if (desc.artifactType !== undefined) row.artifactType = desc.artifactType;
      if (of !== subject) row.subject = of;
      rows.push(row);
      try {
        const present = await onSide('destination', () =>
          client.headManifest({ ...dst, digest: desc.digest }),
        );
        if (present) {
          row.status = 'skipped';
          row.reason = 'up-to-date';
        } else if (options.dryRun) {
          row.status = 'would-copy';
        } else {
          const raw = await onSide('source', () => client.getManifest({ ...src, digest: desc.digest }));
          await copyContent(ctx, src, dst, raw, stats);
          await onSide('destination', () =>
            client.putManifest({ ...dst, digest: desc.digest }, raw.bytes, raw.mediaType),
          );
          stats.manifests++;
          row.status = 'copied';
          ctx.log(`copied referrer ${desc.artifactType ?? desc.mediaType} ${desc.digest} of ${of}`);
        }
      } catch (err) {
        row.status = 'failed';
        row.error = errorInfo(err);
      }
    }
    // List what the destination now holds (a referrer that failed to copy cannot be listed).
    const failed = new Set(rows.filter((r) => r.status === 'failed').map((r) => r.digest));
    const held = listed.descriptors.filter((d) => !failed.has(d.digest));
    if (!options.dryRun && held.length > 0) {
      await mergeFallbackIndex(ctx, dst, of, held);
      if (of === subject && options.attachTo !== undefined)
        await mergeFallbackIndex(ctx, dst, options.attachTo, held, true);
    }
    await copyCosignTags(ctx, src, dst, of, stats, rows, options);
    if (depth < MAX_DEPTH) for (const desc of fresh) await visit(desc.digest, depth + 1);
  };
  await visit(subject, 0);
  for (const child of options.alsoSubjects ?? []) {
    if (seen.has(child)) continue;
    seen.add(child);
    await visit(child, 1);
  }
  const failed = rows.filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    const first = failed[0] as ReferrerRow;
    throw new ReferrerCopyError(
      `${failed.length} referrer${failed.length === 1 ? '' : 's'} of ${subject} could not be copied: ${first.artifactType ?? 'referrer'} ${first.digest}: ${first.error?.message ?? 'unknown error'}`,
    );
  }
  return rows;
}

/** cosign's legacy `sha256-<hex>.sig|.att|.sbom` tags of `subject`. */
async function copyCosignTags(
  ctx: CopyContext,
  src: Repository,
  dst: Repository,
  subject: string,
  stats: CopyStats,
  rows: ReferrerRow[],
  options: ReferrerOptions,
): Promise<void> {
  const { client } = ctx;
  for (const suffix of COSIGN_SUFFIXES) {
    const tag = `${referrersTag(subject)}.${suffix}`;
    if (options.sourceTags && !options.sourceTags.has(tag)) continue;
    const head = await onSide('source', () => client.headManifest({ ...src, tag }));
    if (!head) continue;
    const row: ReferrerRow = { digest: head.digest, tag, status: 'failed' };
    rows.push(row);
    try {
      const existing = await onSide('destination', () => client.headManifest({ ...dst, tag }));
      if (existing?.digest === head.digest) {
        row.status = 'skipped';
        row.reason = 'up-to-date';
        continue;
      }
      if (options.dryRun) {
        row.status = 'would-copy';
        continue;
      }
      // cosign appends signatures to the same tag, so the destination follows the source here.
      const raw = await onSide('source', () => client.getManifest({ ...src, digest: head.digest }));
      await copyContent(ctx, src, dst, raw, stats);
      await onSide('destination', () => client.putManifest({ ...dst, tag }, raw.bytes, raw.mediaType));
      stats.manifests++;
      row.status = 'copied';
      ctx.log(`copied cosign tag ${tag}`);
    } catch (err) {
      row.error = errorInfo(err);
    }
  }
}

/**
 * Make the destination list every referrer in `wanted`. A registry with the referrers API does
 * that itself; otherwise add the missing descriptors to its `sha256-<hex>` index (merge, keep
 * what is there — entries and the index's own annotations — no duplicates).
 */
async function mergeFallbackIndex(
  ctx: CopyContext,
  dst: Repository,
  subject: string,
  wanted: Descriptor[],
  /** Write the fallback tag even when the destination has the API (it cannot list these there). */
  always = false,
): Promise<void> {
  const current = await onSide('destination', () => ctx.client.getReferrers(dst, subject));
  const have = new Set(current.descriptors.map((d) => d.digest));
  const missing = wanted.filter((d) => !have.has(d.digest));
  if (missing.length === 0) return;
  if (current.via === 'api' && !always) {
    ctx.log(
      `destination lists ${current.descriptors.length} referrers of ${subject} through its API; not writing a fallback tag`,
    );
    return;
  }
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [...current.descriptors, ...missing],
    ...(current.annotations ? { annotations: current.annotations } : {}),
  };
  await onSide('destination', () =>
    ctx.client.putManifest(
      { ...dst, tag: referrersTag(subject) },
      Buffer.from(JSON.stringify(index)),
      OCI_INDEX,
    ),
  );
  ctx.log(`updated referrers fallback tag ${referrersTag(subject)} (+${missing.length})`);
}
