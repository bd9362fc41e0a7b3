/**
 * `sync()`: plan every entry and execute the copies in a bounded pool, de-duplicating blobs across
 * the whole run. Planning of all entries shares one request limit per registry host; an entry's
 * copy jobs start as soon as that entry is planned. Knows nothing of GitHub; the CLI and the action
 * both call it.
 */

import { EMPTY_SECRET_WHY } from '../config/errors.js';
import type { MirrorConfig } from '../config/model.js';
import { apiHost, parseReference, type Repository } from '../oci/reference.js';
import { tuneForPlanning } from '../runtime.js';
import { ImageVerifier, type VerificationCache } from '../verify/index.js';
import { BlobCopier } from './blobs.js';
import type { ChartOptions } from './charts.js';
import { ManifestPuts } from './content.js';
import type { CopyContext } from './copy.js';
import { CancelledError, errorInfo } from './errors.js';
import {
  DEFAULT_JOB_TIMEOUT_MS,
  MAX_DURATION_REASON,
  type ManifestChildren,
  memoChildren,
  pastMaxDuration,
  runJob,
} from './job.js';
import {
  type EntryResult,
  type HostUsage,
  type ShardInfo,
  type SyncResult,
  summarize,
  type TagResult,
} from './model.js';
import { hostsWithoutCredential, markNotChecked } from './not-checked.js';
import { LISTED, type PlannedTag, planEntry, registryDigests } from './plan.js';
import { type AdaptiveLimit, HostLimiter, mapPool, Semaphore, WorkQueue } from './pool.js';
import { createSession, type Session, type SessionOptions } from './session.js';
import { type ShardSpec, selectShard, type TagCounts } from './shard.js';
import { TaglessRepositories } from './tagless.js';
import { entryPolicy, verifyPlan } from './verify-plan.js';

export type SyncEvent =
  | { type: 'tag'; entry: EntryResult; tag: TagResult }
  /** A copy job starts (artifact tags; `--verbose`'s `mirroring tag` line). */
  | { type: 'tag-started'; entry: EntryResult; source: string; destination: string }
  | { type: 'entry-failed'; entry: EntryResult }
  | { type: 'planned'; entry: EntryResult; jobs: number }
  | { type: 'log'; message: string };

export interface SyncOptions extends SessionOptions, ChartOptions {
  /** Plan only: report would-copy / would-overwrite, write nothing. */
  dryRun?: boolean;
  /** Overwrite drifted destinations for every entry. */
  overwrite?: boolean;
  /** Copy jobs in flight (default `DEFAULT_CONCURRENCY`). */
  concurrency?: number;
  /** Whole-job attempts for transient failures beyond the per-request retries (default 1 retry). */
  jobRetries?: number;
  /** Deadline per copy job in ms (default 5 minutes). */
  jobTimeoutMs?: number;
  /** Only entries (artifact and chart entries alike) for which this returns true. */
  only?: (entry: { name: string }) => boolean;
  onEvent?: (event: SyncEvent) => void;
  /** An existing session (tests, shared across runs). */
  session?: Session;
  /**
   * Known digest of a destination reference (`host/repo:tag`), e.g. from the action's state cache.
   * When it equals the source digest the tag is skipped without a destination HEAD.
   */
  knownDestinationDigest?: (destination: string) => string | undefined;
  /** `verify:` trusted root for every entry (CLI `--trusted-root`, action `trusted-root`). */
  trustedRoot?: string;
  /** TUF cache directory for the Sigstore public-good root. */
  tufCachePath?: string;
  /** What indexes list, remembered by digest (the state file's): warm referrer passes skip the GET. */
  manifestChildren?: ManifestChildren;
  /** Remembered verifications (the state file's). */
  verificationCache?: VerificationCache;
  /** Blob streams in flight across all jobs (default: twice `concurrency`, at least 16; measured 16 vs 8: 0.87x the cold time). */
  streams?: number;
  /** Planning requests (tag lists, manifest HEADs) in flight per registry host (default 32). */
  planRequests?: number;
  /**
   * Planning requests in flight per host by its answer times (`ADAPTIVE_PLANNING`, overridden by
   * what is given here; see `AdaptiveLimit` in pool.ts). Off unless given: every host gets
   * `planRequests` (see `ADAPTIVE_PLANNING` for why).
   */
  adaptivePlanning?: Partial<Pick<AdaptiveLimit, 'near' | 'after' | 'rate'>>;
  /** Do only this shard's part of the work (`--shard i/n`); see src/sync/shard.ts. */
  shard?: ShardSpec;
  /** Tags known per destination repository, to weigh shards (every shard must see the same). */
  shardWeights?: TagCounts;
  /** When a digest given by `knownDestinationDigest` was last confirmed (ms since the epoch), for the row. */
  knownDestinationConfirmedAt?: (destination: string) => number | undefined;
  /**
   * Cancellation (the front ends abort it on SIGINT/SIGTERM): nothing new starts, requests in
   * flight are aborted (a tag write is settled so no wrong bytes stay), the result says `cancelled`.
   */
  signal?: AbortSignal;
  /**
   * When no new copy may start (ms since the epoch; `--max-duration`): copies not started by then
   * are reported `deferred`, so a job ends, and saves its state, before its runner's time limit.
   */
  deadline?: number;
}

/** Planning requests in flight per registry host unless `planRequests` says otherwise. */
export const PLAN_REQUESTS_PER_HOST = 32;
/**
 * Planning requests in flight per host by how fast it answers (see `AdaptiveLimit` in pool.ts),
 * when `SyncOptions.adaptivePlanning` asks for it. Measured with the CLI (`--verbose` prints each
 * host's figure), the fastest of the first 4 answers less our busy time: loopback 0-12 ms at load
 * 7-18 (8 in flight; once 13), behind 25 ms each way 42-84 ms (32). A warm sync of 50 tags on
 * loopback opens 16 connections instead of 64 (wall 0.79-0.88x). Not the default: 10,000 tags
 * warm with a state file on loopback took 1.21x the time and 1.19x the CPU with 8 in flight
 * instead of 32 (`bench/rss-tags.ts OLD NEW NEW-near-32`, 2026-12-06): with fewer answers per
 * turn of the event loop, each costs more, and a large run is throughput, not connections.
 */
export const ADAPTIVE_PLANNING: Pick<AdaptiveLimit, 'near' | 'after' | 'rate'> = {
  after: 4,
  near: 8,
  rate: 1,
};
/** Entries planned at once: enough to keep every host's request limit busy with one-tag entries. */
const ENTRIES_IN_PLANNING = 64;
/**
 * Copy jobs (tags) in flight unless `concurrency` or the config says otherwise. A job is a chain of
 * small requests around its blob streams (manifests read, uploads opened, manifests put), so with
 * 4 jobs the registries wait between them: a cold copy of the reference set took 0.87x the time
 * with 8 (median of 6 interleaved rounds; 16 was no faster than 8, `bench/ab.ts`).
 */
export const DEFAULT_CONCURRENCY = 8;

interface Job {
  entry: EntryResult;
  plan: PlannedTag;
  /** Copy referrers too (`includeReferrers`). */
  referrers: boolean;
  /** Only referrers: the tag itself is up to date. */
  referrersOnly?: boolean;
  /** Dry run: evaluate the referrers only (would-copy rows). */
  dryRun?: boolean;
  sourceTags?: ReadonlySet<string> | undefined;
}

/** Why each host refused its ID token at run time was read anonymously, worded for `notChecked`. */
function anonymousReasons(session: Session): [string, string][] {
  return [...session.anonymousHosts].map(([host, why]) => [
    host,
    `${host} was read anonymously because the OIDC ID token was refused (${why})`,
  ]);
}

/** Mirror everything the config asks for. Never throws for registry trouble: failures become rows. */
export async function sync(config: MirrorConfig, options: SyncOptions = {}): Promise<SyncResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const emit = options.onEvent ?? (() => undefined);
  const log = (message: string) => emit({ type: 'log', message });
  const concurrency = options.concurrency ?? config.defaults.concurrency ?? DEFAULT_CONCURRENCY;
  const session =
    options.session ??
    createSession(config, {
      ...options,
      // `--timeout` bounds every wait, planning's requests included: no request outlives it.
      ...(options.timeoutMs === undefined && options.jobTimeoutMs !== undefined
        ? { timeoutMs: options.jobTimeoutMs }
        : {}),
      anonymousWithoutIdToken: options.dryRun ?? false,
      // Answer times feed only the opt-in adaptive planning limit.
      timeAnswers: options.adaptivePlanning !== undefined,
      connections: Math.max(options.planRequests ?? PLAN_REQUESTS_PER_HOST, concurrency * 2),
      log,
      retry: {
        ...options.retry,
        onRetry: (i) => log(`retry ${i.attempt}/${i.attempts - 1} in ${i.delayMs}ms: ${i.reason}`),
      },
    });
  const client = session.client;
  const requestsBefore = session.transport.totals().requests;
  const hostsBefore = session.transport.stats();
  const entries: EntryResult[] = [];
  const planClient = options.signal ? client.withSignal(options.signal) : client;

  // Destination repositories without tags: asked once, spare blob HEADs and manifest HEADs there.
  const tagless = new TaglessRepositories();
  const blobs = new BlobCopier({
    client,
    tagless,
    transfers: new Semaphore(options.streams ?? Math.max(16, concurrency * 2)),
    log,
  });
  const created: string[] = [];
  const ctx: CopyContext = {
    client,
    blobs,
    manifests: new ManifestPuts(),
    parallelism: 4,
    log,
    prepareDestination: async (repo) => {
      if (await session.ensureRepository(repo.registry, repo.repository)) {
        created.push(`${repo.registry}/${repo.repository}`);
        log(`${repo.registry}/${repo.repository}: created the repository (ECR CreateRepository)`);
      }
    },
  };
  const attempts = (options.jobRetries ?? 1) + 1;
  const manifestChildren = options.manifestChildren ?? memoChildren();
  const timeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const queue = new WorkQueue<Job>(concurrency, async (job) => {
    const { entry, plan } = job;
    // A copy that is not started: its row says why, and is reported like any finished one.
    const notStarted = (fields: Pick<TagResult, 'status' | 'error' | 'reason'>): void => {
      Object.assign(plan.row, fields);
      entry.tags.push(plan.row);
      emit({ type: 'tag', entry, tag: plan.row });
    };
    if (options.signal?.aborted)
      return notStarted({
        status: 'failed',
        error: errorInfo(
          new CancelledError(`${plan.row.source} → ${plan.row.destination}: cancelled before it started`),
        ),
      });
    if (pastMaxDuration(options.deadline))
      return notStarted({ status: 'deferred', reason: MAX_DURATION_REASON });
    emit({ type: 'tag-started', entry, source: plan.row.source, destination: plan.row.destination });
    const r = await runJob(ctx, plan, {
      cancel: options.signal,
      referrers: job.referrers,
      referrersOnly: job.referrersOnly ?? false,
      dryRun: job.dryRun ?? false,
      sourceTags: job.sourceTags,
      children: manifestChildren,
      attempts,
      timeoutMs,
      log,
    });
    entry.tags.push(r);
    emit({ type: 'tag', entry, tag: r });
  });
  const limiter = new HostLimiter(
    options.planRequests ?? PLAN_REQUESTS_PER_HOST,
    options.adaptivePlanning && {
      ...ADAPTIVE_PLANNING,
      ...options.adaptivePlanning,
      answers: (registry) => session.transport.answerTimes(apiHost(registry)),
      judged: (registry, limit, a) =>
        log(
          `${registry}: fastest answer ${a.fastestMs.toFixed(1)} ms of ${a.answers}: planning with up to ${limit} requests in flight`,
        ),
    },
  );
  const digests = registryDigests(planClient, {
    limiter,
    tagless,
    knownDestinationDigest: options.knownDestinationDigest,
  });

  const shard = options.shard ? selectShard(config, options.shard, options.shardWeights, options) : undefined;
  const artifacts = config.artifacts.filter(
    (e) => (options.only?.(e) ?? true) && (shard?.artifact(e) ?? true),
  );
  const charts = config.charts.filter((c) => (options.only?.(c) ?? true) && (shard?.chart(c) ?? true));
  if (shard && options.shard)
    log(
      `shard ${options.shard.index}/${options.shard.count} by ${options.shard.by}: ${artifacts.length} artifact and ${charts.length} chart entries`,
    );
  // sigstore-js itself is imported by verify/ on first use: runs without `verify:` never load it.
  let imageVerifier: ImageVerifier | undefined;
  const verifier = () => {
    imageVerifier ??= new ImageVerifier(planClient, {
      ...(options.trustedRoot !== undefined ? { trustedRoot: options.trustedRoot } : {}),
      ...(options.tufCachePath !== undefined ? { tufCachePath: options.tufCachePath } : {}),
      ...(options.verificationCache ? { cache: options.verificationCache } : {}),
      log,
    });
    return imageVerifier;
  };
  const planned = await mapPool(artifacts, ENTRIES_IN_PLANNING, async (entry) => {
    tuneForPlanning();
    const result: EntryResult = {
      name: entry.name,
      kind: 'artifact',
      source: entry.source,
      destinations: entry.destinations,
      position: entry.position,
      tags: [],
    };
    if (options.signal?.aborted) {
      result.error = errorInfo(new CancelledError(`${entry.name}: cancelled before planning`));
      emit({ type: 'entry-failed', entry: result });
      return { result, entry, order: undefined, selected: undefined };
    }
    let plan: Awaited<ReturnType<typeof planEntry>>;
    try {
      plan = await planEntry(planClient, entry, {
        overwrite: options.overwrite ?? false,
        parallelism: limiter.perHost,
        digests,
        keep: shard?.tag,
        listing: sourceListing(session, entry.source),
        knownDestinationConfirmedAt: options.knownDestinationConfirmedAt,
        readAbsent: !options.dryRun && entry.verify === undefined,
      });
      const policy = await entryPolicy(entry);
      if (policy) plan = await verifyPlan(plan, entry, policy, verifier(), concurrency);
    } catch (err) {
      result.error = errorInfo(
        options.signal?.aborted ? new CancelledError(`${entry.name}: planning cancelled`) : err,
      );
      emit({ type: 'entry-failed', entry: result });
      return { result, entry, order: undefined, selected: undefined };
    }
    for (const note of plan.notes) log(note);
    if (plan.unparseable) result.unparseableTags = plan.unparseable;
    enqueue(result, entry.includeReferrers, plan);
    // Only the rows' order outlives planning: the plans themselves go with their jobs (memory at scale).
    return { result, entry, order: plan.tags.map((p) => p.row), selected: plan.selected };
  });

  /** Turn an entry's plan into rows (nothing to do) and queued jobs (copies start right away). */
  function enqueue(
    result: EntryResult,
    includeReferrers: boolean,
    plan: Awaited<ReturnType<typeof planEntry>>,
  ): void {
    let jobs = 0;
    const push = (job: Job) => {
      jobs++;
      queue.push(job);
    };
    const rows: TagResult[] = [];
    for (const p of plan.tags) {
      if (p.action === 'copy' || p.action === 'overwrite') {
        if (options.dryRun) {
          p.row.status = p.action === 'copy' ? 'would-copy' : 'would-overwrite';
          if (includeReferrers) {
            // Referrers are evaluated in a dry run too (would-copy rows), writing nothing.
            push({ entry: result, plan: p, referrers: true, dryRun: true, sourceTags: plan.sourceTags });
          } else {
            rows.push(p.row);
          }
        } else {
          push({ entry: result, plan: p, referrers: includeReferrers, sourceTags: plan.sourceTags });
        }
      } else if (p.action === 'skip' && includeReferrers) {
        // The tag is up to date, but signatures or SBOMs may have been added since.
        push({
          entry: result,
          plan: p,
          referrers: true,
          referrersOnly: true,
          ...(options.dryRun ? { dryRun: true } : {}),
          sourceTags: plan.sourceTags,
        });
      } else {
        rows.push(p.row);
      }
    }
    // 'planned' first, so a progress display knows the total before the entry's rows arrive.
    emit({ type: 'planned', entry: result, jobs });
    for (const r of rows) {
      result.tags.push(r);
      emit({ type: 'tag', entry: result, tag: r });
    }
  }
  queue.close();
  await queue.done;
  for (const { result } of planned) entries.push(result);

  // Helm (child processes, tar, its repository client) loads only for a config with charts.
  if (charts.length > 0) {
    const { chartResult, syncCharts } = await import('./charts.js');
    if (options.signal?.aborted) {
      for (const c of charts) {
        const entry: EntryResult = {
          ...chartResult(c),
          error: errorInfo(new CancelledError(`${c.name}: cancelled before it started`)),
        };
        entries.push(entry);
        emit({ type: 'entry-failed', entry });
      }
    } else {
      entries.push(
        ...(await syncCharts(charts, {
          ...options,
          config,
          client,
          copy: ctx,
          dryRun: options.dryRun ?? false,
          overwrite: options.overwrite ?? false,
          concurrency,
          attempts,
          env: options.env ?? process.env,
          ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
          emitTag: (entry, tag) => emit({ type: 'tag', entry, tag }),
          emitFailed: (entry) => emit({ type: 'entry-failed', entry }),
          log,
        })),
      );
    }
  }

  // Rows in a stable order: as planned, whatever order jobs finished in.
  for (const { result, order } of planned) {
    if (!order) continue;
    const index = new Map(order.map((row, i) => [row, i]));
    result.tags.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
  }
  const requests = session.transport.totals().requests - requestsBefore;
  const hosts = hostUsage(session, hostsBefore, entries);
  if (!options.session) await session.close();
  if (options.dryRun)
    markNotChecked(
      entries,
      new Map([...hostsWithoutCredential(config.hosts, EMPTY_SECRET_WHY), ...anonymousReasons(session)]),
    );
  const result: SyncResult = {
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    dryRun: options.dryRun ?? false,
    entries,
    summary: options.signal?.aborted
      ? { ...summarize(entries, requests), cancelled: true }
      : summarize(entries, requests),
  };
  if (hosts.length > 0) result.hosts = hosts;
  if (session.anonymousHosts.size > 0)
    result.anonymousHosts = [...session.anonymousHosts].map(([host, reason]) => ({ host, reason }));
  if (created.length > 0) result.createdRepositories = [...created].sort();
  if (shard && options.shard) {
    const order: ShardInfo['order'] = planned.map(({ entry, selected }) => ({
      entry: config.artifacts.indexOf(entry),
      ...(selected ? { sources: selected } : {}),
    }));
    for (const c of charts) order.push({ entry: config.artifacts.length + config.charts.indexOf(c) });
    result.shard = { ...options.shard, fingerprint: shard.fingerprint, order };
  }
  return result;
}

/**
 * Requests per host made by this run, with what each host said of its rate limit, when tags it
 * deferred can be pulled, and the source HEADs a bulk listing saved (one per source tag skipped on
 * the listing's word).
 */
function hostUsage(
  session: Session,
  before: ReturnType<Session['transport']['stats']>,
  entries: readonly EntryResult[],
): HostUsage[] {
  const rates = session.transport.rateStates();
  const retryAt = session.transport.pullRetryTimes();
  const listed = new Map<string, Set<string>>();
  for (const e of entries)
    for (const t of e.tags) {
      if (t.reason !== LISTED) continue;
      const host = apiHost(parseReference(t.source).registry);
      const sources = listed.get(host) ?? new Set<string>();
      listed.set(host, sources);
      sources.add(t.source);
    }
  const out: HostUsage[] = [];
  for (const [host, s] of [...session.transport.stats()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const requests = s.requests - (before.get(host)?.requests ?? 0);
    if (requests === 0) continue;
    const r = rates.get(host);
    const saved = listed.get(host)?.size;
    const at = retryAt.get(host);
    out.push({
      host,
      requests,
      rateLimited: r?.rateLimited ?? 0,
      ...(r?.limit !== undefined ? { limit: r.limit } : {}),
      ...(r?.remaining !== undefined ? { remaining: r.remaining } : {}),
      ...(r?.windowSeconds !== undefined ? { windowSeconds: r.windowSeconds } : {}),
      ...(saved ? { listingSaved: saved } : {}),
      ...(at ? { retryAt: at.toISOString() } : {}),
    });
  }
  return out;
}

/** The source registry's tag digest listing, as a planning hook; undefined when it has none. */
function sourceListing(session: Session, source: string) {
  const registry = parseReference(source).registry;
  const listing = session.listing?.(registry);
  return listing ? (repo: Repository) => listing.list(repo) : undefined;
}
