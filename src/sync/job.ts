/**
 * Run one planned copy job: the copy itself (or only the referrers of an up-to-date tag), whole-job
 * retries for transient failures, and a deadline that aborts the job. Shared by artifact entries
 * and the images of chart entries.
 */
import { isIndexMediaType } from '../oci/mediatypes.js';
import type { Repository } from '../oci/reference.js';
import { type CopyContext, type CopyStats, childDigests, copyImage } from './copy.js';
import { CancelledError, isTransient, onSide, rowOutcome } from './errors.js';
import type { ReferrerRow, TagResult } from './model.js';
import type { PlannedTag } from './plan.js';
import { copyReferrers } from './referrers.js';

/** A copy job ran past its `--timeout`. */
export class JobTimeoutError extends Error {}

export interface JobOptions {
  /** Copy referrers too (`includeReferrers`). */
  referrers: boolean;
  /** Only the referrers: the tag itself is up to date. */
  referrersOnly?: boolean;
  /** Dry run: evaluate the referrers only (would-copy rows); the row keeps its planned status. */
  dryRun?: boolean;
  /** The source's tag list when planning had it (cosign tags are looked up in it). */
  sourceTags?: ReadonlySet<string> | undefined;
  /** Whole-job attempts (1 = no retry). */
  attempts: number;
  /** Deadline per attempt, in ms. */
  timeoutMs: number;
  /** What an index lists, remembered by digest (the state file's across runs). */
  children?: ManifestChildren | undefined;
  /** The run's cancellation: aborts the job's requests; its reason is the row's error. */
  cancel?: AbortSignal | undefined;
  log: (message: string) => void;
}

export const DEFAULT_JOB_TIMEOUT_MS = 5 * 60_000;

/** The row of a copy left for the next run because `--max-duration` was over before it started. */
export const MAX_DURATION_REASON =
  'max-duration reached before this copy started; the next run continues here';

/** Whether `--max-duration`'s point (`deadline`, ms since the epoch) has passed: no new copy starts. */
export function pastMaxDuration(deadline: number | undefined): boolean {
  return deadline !== undefined && Date.now() >= deadline;
}

/**
 * The manifests an index lists, by the index's digest ([] for a manifest). A digest's content
 * never changes, so this can be remembered for good (the state file keeps it with its TTL).
 */
export interface ManifestChildren {
  get(digest: string): readonly string[] | undefined;
  set(digest: string, children: readonly string[]): void;
}

/** A per-run `ManifestChildren` (when there is no state file). */
export function memoChildren(): ManifestChildren {
  const memo = new Map<string, readonly string[]>();
  return { get: (d) => memo.get(d), set: (d, c) => void memo.set(d, c) };
}

/**
 * The platform manifests whose referrers travel with a tag that is not copied (up to date, or a
 * dry run): from the manifest planning read, else remembered, else — unless the destination's
 * HEAD said it is no index — one GET of the source manifest by digest.
 */
async function childrenOf(
  ctx: CopyContext,
  src: Repository,
  plan: PlannedTag,
  memo: ManifestChildren | undefined,
): Promise<readonly string[]> {
  if (plan.manifest) return childDigests(plan.manifest);
  const digest = plan.srcDigest as string;
  const known = memo?.get(digest);
  if (known) return known;
  if (plan.mediaType !== undefined && !isIndexMediaType(plan.mediaType)) return [];
  const raw = await onSide('source', () => ctx.client.getManifest({ ...src, digest }));
  const children = childDigests(raw);
  memo?.set(digest, children);
  return children;
}

/**
 * Run one copy job with a deadline. At the deadline every request of the job is aborted (the job
 * works through a client view bound to the signal), and the job is awaited until it has stopped,
 * so nothing it would still write — above all its tag — lands after it was reported failed.
 */
async function withDeadline<T>(
  ms: number,
  what: string,
  ctx: CopyContext,
  fn: (ctx: CopyContext) => Promise<T>,
  cancel?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const timeout = new JobTimeoutError(`${what}: timed out after ${Math.round(ms / 1000)}s`);
  const timer = setTimeout(() => controller.abort(timeout), ms);
  const signal = cancel ? AbortSignal.any([controller.signal, cancel]) : controller.signal;
  try {
    return await fn({
      ...ctx,
      client: ctx.client.withSignal(signal),
      repairClient: ctx.repairClient ?? ctx.client,
    });
  } catch (err) {
    if (controller.signal.aborted) throw timeout;
    if (cancel?.aborted)
      throw new CancelledError(`${what}: cancelled (${String(cancel.reason?.message ?? cancel.reason)})`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Execute a planned copy (or a referrers-only pass) and fill in its row. Never throws. */
export async function runJob(ctx: CopyContext, plan: PlannedTag, options: JobOptions): Promise<TagResult> {
  const started = performance.now();
  const r = plan.row;
  const srcRepo = { registry: plan.src.registry, repository: plan.src.repository };
  const dstRepo = { registry: plan.dst.registry, repository: plan.dst.repository };
  for (let attempt = 1; ; attempt++) {
    try {
      // Rows are kept even when a referrer fails: the tag's row then says which.
      const rows: ReferrerRow[] = [];
      if (options.referrers) r.referrers = rows;
      if (options.referrersOnly || options.dryRun) {
        const stats: CopyStats = { blobs: { copied: 0, mounted: 0, existing: 0 }, bytes: 0, manifests: 0 };
        const status = r.status;
        await withDeadline(
          options.timeoutMs,
          `copy referrers of ${r.source} → ${r.destination}`,
          ctx,
          async (job) => {
            // Referrers of an index's platform manifests travel too, also when the index is up
            // to date (a signature added to a platform after the first copy).
            const children = await childrenOf(job, srcRepo, plan, options.children);
            // A platform-filtered tag: the source's referrers name its own index (as in a copy).
            const of = plan.originalDigest ?? (plan.srcDigest as string);
            return copyReferrers(job, srcRepo, dstRepo, of, stats, rows, {
              sourceTags: options.sourceTags,
              dryRun: options.dryRun ?? false,
              alsoSubjects: children,
              ...(of !== plan.srcDigest ? { attachTo: plan.srcDigest as string } : {}),
            });
          },
          options.cancel,
        );
        // A dry run keeps the planned status (would-copy, would-overwrite, skipped).
        r.status = options.dryRun ? status : 'skipped';
        r.bytes = stats.bytes;
        r.blobs = stats.blobs;
        r.manifests = stats.manifests;
      } else {
        await ctx.prepareDestination?.(dstRepo);
        const stats = await withDeadline(
          options.timeoutMs,
          `copy ${r.source} → ${r.destination}`,
          ctx,
          (job) =>
            copyImage(job, plan.src, plan.srcDigest as string, plan.dst, {
              referrers: options.referrers,
              sourceTags: options.sourceTags,
              manifest: plan.manifest,
              rewrittenIndexes: plan.rewrittenIndexes,
              referrerRows: rows,
              originalDigest: plan.originalDigest,
              previous: plan.dstDigest,
            }),
          options.cancel,
        );
        if (options.referrers) options.children?.set(plan.srcDigest as string, stats.children);
        r.status = plan.action === 'overwrite' ? 'overwritten' : 'copied';
        r.bytes = stats.bytes;
        r.blobs = stats.blobs;
        r.manifests = stats.manifests;
        r.mediaType = stats.mediaType;
      }
      delete r.error;
      break;
    } catch (err) {
      if (attempt < options.attempts && isTransient(err) && !options.cancel?.aborted) {
        options.log(`retrying ${r.source} → ${r.destination} after: ${(err as Error).message}`);
        continue;
      }
      // A pull limit reached mid-copy defers the tag: nothing was tagged, the next run copies it.
      Object.assign(r, rowOutcome(err));
      break;
    }
  }
  r.durationMs = Math.round(performance.now() - started);
  return r;
}
