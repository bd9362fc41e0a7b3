/**
 * Chart entries: resolve versions from the source (HTTP/S repository, `oci://` registry, local
 * directory), publish each version as a Helm OCI artifact (drift judged on the chart layer), then
 * discover the images each version references and mirror them through the artifact engine.
 */
import type { ArtifactEntry, ChartEntry, MirrorConfig } from '../config/model.js';
import { resolveHelm } from '../helm/bin.js';
import type { FoundImage } from '../helm/images.js';
import {
  type ChartArtifact,
  chartArtifact,
  chartTag,
  HELM_CHART_LAYER,
  readChartMetadata,
} from '../helm/oci.js';
import { packageChart } from '../helm/package.js';
import { remapImage } from '../helm/remap.js';
import { discoverImages } from '../helm/render.js';
import { HelmRepo, type IndexEntry, selectVersions } from '../helm/repo.js';
import { loadRepositories, settingsFor } from '../helm/repositories.js';
import type { RegistryClient } from '../oci/client.js';
import { OciError } from '../oci/errors.js';
import { parseManifest } from '../oci/manifest.js';
import { OCI_MANIFEST } from '../oci/mediatypes.js';
import { formatReference, formatRepository, parseRepository, type Reference } from '../oci/reference.js';
import type { CopyContext } from './copy.js';
import { errorInfo, onSide } from './errors.js';
import { DEFAULT_JOB_TIMEOUT_MS, MAX_DURATION_REASON, pastMaxDuration, runJob } from './job.js';
import { type EntryResult, type TagResult, tagRow } from './model.js';
import { planEntry } from './plan.js';
import { mapPool } from './pool.js';

/** Options of chart mirroring (shared by the CLI and the action through `SyncOptions`). */
export interface ChartOptions {
  /** Discover images for every chart entry (`--images`), not only those with `images.discover`. */
  images?: boolean;
  /** Publish charts, do not mirror their images (`--charts-only`). */
  chartsOnly?: boolean;
  /** Mirror the discovered images, do not publish the charts (`--images-only`). */
  imagesOnly?: boolean;
  /** The helm binary (default: `resolveHelm()`: HELM_BIN, then PATH). */
  helmBin?: string;
  /** Deadline per image copy job in ms (default 5 minutes), as for artifact entries. */
  jobTimeoutMs?: number;
  /** See `SyncOptions.knownDestinationDigest` (the state cache); used for OCI chart sources and images. */
  knownDestinationDigest?: ((destination: string) => string | undefined) | undefined;
  /** See `SyncOptions.deadline` (`--max-duration`): chart pushes and image copies not started by then are deferred. */
  deadline?: number;
}

export interface ChartContext extends ChartOptions {
  config: MirrorConfig;
  client: RegistryClient;
  copy: CopyContext;
  dryRun: boolean;
  overwrite: boolean;
  concurrency: number;
  attempts: number;
  env: NodeJS.ProcessEnv;
  userAgent?: string;
  emitTag: (entry: EntryResult, tag: TagResult) => void;
  emitFailed: (entry: EntryResult) => void;
  log: (message: string) => void;
}

/** A chart entry that cannot be mirrored as configured. */
export class ChartEntryError extends OciError {}

/** One version of a chart, from whichever source. */
interface SourceVersion {
  version: string;
  /** Display source of the row (chart URL, OCI reference or directory). */
  source: string;
  /** The chart layer digest, when known without downloading (index digest, packaged bytes). */
  chartDigest?: string;
  /** OCI sources: the reference to copy bit for bit. */
  oci?: Reference;
  /** The chart archive (and provenance), fetched at most once. */
  load: () => Promise<{ tgz: Buffer; prov?: Buffer }>;
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= fn();
    return p;
  };
}

/** The OCI repository of a chart source `oci://host/path` (the chart name appended unless already last). */
export function ociChartRepository(chart: ChartEntry): string {
  const base = chart.source.slice('oci://'.length).replace(/\/+$/, '');
  return base.split('/').at(-1) === chart.name ? base : `${base}/${chart.name}`;
}

/** Resolve the versions a chart entry asks for. Throws for an entry-level failure. */
export async function resolveVersions(
  chart: ChartEntry,
  client: RegistryClient,
  env: NodeJS.ProcessEnv,
  userAgent?: string,
): Promise<{ versions: SourceVersion[]; close: () => Promise<void> }> {
  if (chart.localPath !== undefined) {
    const packaged = await packageChart(chart.localPath);
    const artifact = chartArtifact(packaged.tgz, chart.localPath);
    if (artifact.metadata.name !== chart.name)
      throw new ChartEntryError(
        `chart ${chart.name}: ${chart.localPath} holds chart "${artifact.metadata.name}" (the entry name must match Chart.yaml)`,
      );
    return {
      versions: [
        {
          version: packaged.metadata.version,
          source: chart.localPath,
          chartDigest: artifact.chart.digest,
          load: async () => ({ tgz: packaged.tgz }),
        },
      ],
      close: async () => undefined,
    };
  }
  if (chart.source.startsWith('oci://')) {
    const repo = parseRepository(ociChartRepository(chart));
    const tags = await onSide('source', () => client.listTags(repo));
    const picked = selectVersions(
      tags.map((t): IndexEntry => ({ name: chart.name, version: t, urls: [] })),
      chart.version,
      chart.limit,
    );
    if (picked.length === 0)
      throw new ChartEntryError(
        `chart ${chart.name}: no version matches "${chart.version}" in ${chart.source}`,
      );
    return {
      versions: picked.map((p): SourceVersion => {
        const ref: Reference = { ...repo, tag: p.version };
        return {
          version: p.version.replace(/_/g, '+'),
          source: formatReference(ref),
          oci: ref,
          load: once(async () => {
            const raw = await onSide('source', () => client.getManifest(ref));
            const parsed = parseManifest(raw.bytes, raw.mediaType);
            if (parsed.kind !== 'manifest')
              throw new ChartEntryError(`${formatReference(ref)}: not a chart (an index)`);
            const layer = parsed.manifest.layers.find((l) => l.mediaType === HELM_CHART_LAYER);
            if (!layer) throw new ChartEntryError(`${formatReference(ref)}: no Helm chart layer`);
            const chunks: Buffer[] = [];
            for await (const c of await onSide('source', () => client.getBlob(repo, layer)))
              chunks.push(c as Buffer);
            return { tgz: Buffer.concat(chunks) };
          }),
        };
      }),
      close: async () => undefined,
    };
  }
  const settings = settingsFor(await loadRepositories(env), chart.source);
  const repo = new HelmRepo(chart.source, settings, userAgent !== undefined ? { userAgent } : {});
  try {
    const index = await repo.index();
    const entries = index.entries[chart.name];
    if (!entries || entries.length === 0)
      throw new ChartEntryError(`chart ${chart.name}: not found in the index of ${chart.source}`);
    const picked = selectVersions(entries, chart.version, chart.limit);
    if (picked.length === 0)
      throw new ChartEntryError(
        `chart ${chart.name}: no version matches "${chart.version}" in ${chart.source}`,
      );
    return {
      versions: picked.map((e): SourceVersion => {
        const v: SourceVersion = {
          version: e.version,
          source: e.urls[0] !== undefined ? repo.resolve(e.urls[0]).href : chart.source,
          load: once(() => repo.download(e)),
        };
        if (e.digest !== undefined)
          v.chartDigest = `sha256:${e.digest.replace(/^sha256:/, '').toLowerCase()}`;
        return v;
      }),
      close: () => repo.close(),
    };
  } catch (err) {
    await repo.close();
    throw err;
  }
}

/** The chart layer digest of the manifest at `dst`, with the manifest digest; undefined when absent. */
async function destinationChart(
  client: RegistryClient,
  dst: Reference,
): Promise<{ manifestDigest: string; chartDigest?: string } | undefined> {
  const head = await onSide('destination', () => client.headManifest(dst));
  if (!head) return undefined;
  const raw = await onSide('destination', () => client.getManifest({ ...dst, digest: head.digest }));
  const parsed = parseManifest(raw.bytes, raw.mediaType);
  const layer =
    parsed.kind === 'manifest'
      ? parsed.manifest.layers.find((l) => l.mediaType === HELM_CHART_LAYER)
      : undefined;
  return layer ? { manifestDigest: head.digest, chartDigest: layer.digest } : { manifestDigest: head.digest };
}

/** Push a chart artifact: blobs first (existing ones skipped), then the tagged manifest. */
async function pushChart(
  client: RegistryClient,
  dst: Reference,
  a: ChartArtifact,
  row: TagResult,
): Promise<void> {
  const repo = { registry: dst.registry, repository: dst.repository };
  for (const b of [a.config, a.chart, ...(a.prov ? [a.prov] : [])]) {
    const size = await onSide('destination', () => client.headBlob(repo, b.digest));
    if (size !== undefined) {
      row.blobs.existing++;
      continue;
    }
    await onSide('destination', () => client.pushBlob(repo, b.bytes, b.digest));
    row.blobs.copied++;
    row.bytes += b.size;
  }
  await onSide('destination', () => client.putManifest(dst, a.manifest, OCI_MANIFEST));
  row.manifests++;
  row.mediaType = OCI_MANIFEST;
}

/** Publish one chart version (HTTP or local source) and return its row. */
async function publishVersion(ctx: ChartContext, chart: ChartEntry, v: SourceVersion): Promise<TagResult> {
  const tag = chartTag(v.version);
  const dst: Reference = { ...parseRepository(chart.repository), tag };
  const row = tagRow(v.source, formatReference(dst), { tag });
  if (ctx.imagesOnly) {
    row.status = 'skipped';
    row.reason = 'images only (--images-only)';
    return row;
  }
  if (v.oci) return copyOciVersion(ctx, chart, v, dst, row);
  let artifact: ChartArtifact | undefined;
  const build = async () => {
    if (!artifact) {
      const { tgz, prov } = await v.load();
      artifact = chartArtifact(tgz, `${chart.name} ${v.version}`, prov);
    }
    return artifact;
  };
  const chartDigest = v.chartDigest ?? (await build()).chart.digest;
  row.sourceDigest = chartDigest;
  const existing = await destinationChart(ctx.client, dst);
  let action: 'copy' | 'overwrite' = 'copy';
  if (existing) {
    if (existing.chartDigest !== undefined) row.destinationDigest = existing.chartDigest;
    if (existing.chartDigest === chartDigest) {
      row.status = 'skipped';
      row.reason = 'up-to-date';
      return row;
    }
    if (!(ctx.overwrite || chart.overwrite)) {
      row.status = 'drifted';
      row.reason =
        existing.chartDigest === undefined
          ? 'destination tag is not a Helm chart (overwrite: false)'
          : 'destination chart differs from source (overwrite: false)';
      return row;
    }
    action = 'overwrite';
  }
  if (ctx.dryRun) {
    row.status = action === 'copy' ? 'would-copy' : 'would-overwrite';
    return row;
  }
  if (pastMaxDuration(ctx.deadline)) return deferRow(row);
  const a = await build();
  if (a.chart.digest !== chartDigest)
    throw new ChartEntryError(
      `${chart.name} ${v.version}: downloaded chart does not have digest ${chartDigest}`,
    );
  if (a.metadata.name !== chart.name || a.metadata.version !== v.version)
    throw new ChartEntryError(
      `${chart.name} ${v.version}: the archive holds ${a.metadata.name} ${a.metadata.version} (Chart.yaml disagrees with the index)`,
    );
  // ECR with `createRepositories`: the chart's repository must exist before the first push.
  await onSide('destination', async () => ctx.copy.prepareDestination?.(dst));
  await pushChart(ctx.client, dst, a, row);
  row.status = action === 'copy' ? 'copied' : 'overwritten';
  ctx.log(`put chart ${formatReference(dst)} (${a.manifestDigest}, chart layer ${a.chart.digest})`);
  return row;
}

/** An OCI chart source: plan and copy bit for bit with the artifact engine. */
async function copyOciVersion(
  ctx: ChartContext,
  chart: ChartEntry,
  v: SourceVersion,
  dst: Reference,
  row: TagResult,
): Promise<TagResult> {
  const src = v.oci as Reference;
  const entry: ArtifactEntry = {
    name: chart.name,
    source: formatReference(src),
    destinations: [formatRepository(dst)],
    selector: { tags: [src.tag as string], limit: 0 },
    overwrite: chart.overwrite,
    includeReferrers: false,
    position: chart.position,
  };
  const [planned] = (
    await planEntry(ctx.client, entry, {
      overwrite: ctx.overwrite,
      parallelism: 2,
      knownDestinationDigest: ctx.knownDestinationDigest,
    })
  ).tags;
  if (!planned) return { ...row, error: { message: `${row.source}: nothing planned` } };
  // The destination tag keeps the source tag (already `_` for `+`).
  return runPlanned(ctx, planned);
}

/** A chart push or image copy not started because `--max-duration` is over. */
function deferRow(row: TagResult): TagResult {
  row.status = 'deferred';
  row.reason = MAX_DURATION_REASON;
  return row;
}

/** Execute a planned artifact-engine job (copy/overwrite) or return its decided row. */
async function runPlanned(
  ctx: ChartContext,
  p: Awaited<ReturnType<typeof planEntry>>['tags'][number],
  referrers = false,
): Promise<TagResult> {
  // Up to date, but signatures or SBOMs may have been added since: those still follow.
  const referrersOnly = p.action === 'skip' && referrers && !ctx.dryRun;
  if (p.action !== 'copy' && p.action !== 'overwrite' && !referrersOnly) return p.row;
  if (ctx.dryRun) {
    p.row.status = p.action === 'copy' ? 'would-copy' : 'would-overwrite';
    return p.row;
  }
  // Past `--max-duration`: a copy is left for the next run; an up-to-date tag's referrer pass too.
  if (pastMaxDuration(ctx.deadline)) return referrersOnly ? p.row : deferRow(p.row);
  return runJob(ctx.copy, p, {
    referrers,
    referrersOnly,
    attempts: ctx.attempts,
    timeoutMs: ctx.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS,
    log: ctx.log,
  });
}

/** Where discovered images of `chart` go, or why they cannot be mirrored. */
function imageTarget(
  ctx: ChartContext,
  chart: ChartEntry,
): { destination: string; prefix?: string } | undefined {
  const discover = chart.images?.discover ?? ctx.images ?? false;
  if (!discover && !ctx.images) return undefined;
  if (ctx.chartsOnly) return undefined;
  const destination = chart.images?.destination ?? ctx.config.defaults.destination;
  if (destination === undefined)
    throw new ChartEntryError(
      `chart ${chart.name}: discovered images need a destination: set images.destination or defaults.destination`,
    );
  return chart.images?.prefix !== undefined ? { destination, prefix: chart.images.prefix } : { destination };
}

/** Render options of a chart entry. */
function renderOptions(chart: ChartEntry, env: NodeJS.ProcessEnv): Parameters<typeof discoverImages>[3] {
  const i = chart.images;
  return {
    env,
    ...(i?.values ? { values: i.values } : {}),
    ...(i?.valuesFiles ? { valuesFiles: i.valuesFiles } : {}),
    ...(i?.set ? { set: i.set } : {}),
    ...(i?.kubeVersion ? { kubeVersion: i.kubeVersion } : {}),
    ...(i?.apiVersions ? { apiVersions: i.apiVersions } : {}),
  };
}

/** Discover the images of one version (tgz loaded on demand). */
export async function discoverVersion(
  helmBin: string,
  chart: ChartEntry,
  v: SourceVersion,
  env: NodeJS.ProcessEnv,
): Promise<FoundImage[]> {
  const { tgz } = await v.load();
  const metadata = readChartMetadata(tgz, `${chart.name} ${v.version}`);
  return discoverImages(helmBin, tgz, metadata, renderOptions(chart, env));
}

type ImageJobs = Map<string, Promise<TagResult>>;

/** Mirror one discovered image (once per run per source → destination pair). */
function mirrorImage(
  ctx: ChartContext,
  chart: ChartEntry,
  image: string,
  dst: Reference,
  jobs: ImageJobs,
): Promise<TagResult> {
  const key = `${image} ${formatReference(dst)}`;
  const prior = jobs.get(key);
  if (prior)
    return prior.then((r) =>
      r.status === 'failed' || r.status === 'deferred'
        ? { ...r }
        : {
            ...tagRow(r.source, r.destination, {
              status: 'skipped',
              reason: 'mirrored for another chart version in this run',
            }),
            ...(r.tag !== undefined ? { tag: r.tag } : {}),
            ...(r.sourceDigest !== undefined ? { sourceDigest: r.sourceDigest } : {}),
          },
    );
  const job = (async (): Promise<TagResult> => {
    const entry: ArtifactEntry = {
      name: image,
      source: image,
      destinations: [formatRepository(dst)],
      selector: { limit: 0 },
      overwrite: chart.overwrite,
      includeReferrers: chart.images?.includeReferrers ?? ctx.config.defaults.includeReferrers,
      position: chart.position,
    };
    try {
      const plan = await planEntry(ctx.client, entry, {
        overwrite: ctx.overwrite,
        parallelism: 2,
        knownDestinationDigest: ctx.knownDestinationDigest,
      });
      const p = plan.tags[0];
      if (!p) return tagRow(image, formatReference(dst), { error: { message: `${image}: nothing planned` } });
      return await runPlanned(ctx, p, entry.includeReferrers);
    } catch (err) {
      return tagRow(image, formatReference(dst), { error: errorInfo(err) });
    }
  })();
  jobs.set(key, job);
  return job;
}

/** A chart entry's result before any version is handled. */
export function chartResult(chart: ChartEntry): EntryResult {
  return {
    name: chart.name,
    kind: 'chart',
    source: chart.source,
    destinations: [chart.repository],
    position: chart.position,
    tags: [],
  };
}

/** Mirror one chart entry; never throws. */
async function chartEntry(
  ctx: ChartContext,
  chart: ChartEntry,
  jobs: ImageJobs,
  helm: () => Promise<string>,
): Promise<EntryResult> {
  const result = chartResult(chart);
  let resolved: Awaited<ReturnType<typeof resolveVersions>>;
  let target: ReturnType<typeof imageTarget>;
  try {
    target = imageTarget(ctx, chart);
    resolved = await resolveVersions(chart, ctx.client, ctx.env, ctx.userAgent);
  } catch (err) {
    result.error = errorInfo(err);
    ctx.emitFailed(result);
    return result;
  }
  try {
    const rows = await mapPool(resolved.versions, 2, async (v) => {
      const started = performance.now();
      let row: TagResult;
      try {
        row = await publishVersion(ctx, chart, v);
      } catch (err) {
        row = tagRow(v.source, `${chart.repository}:${chartTag(v.version)}`, {
          tag: chartTag(v.version),
          error: errorInfo(err),
        });
      }
      row.durationMs = Math.round(performance.now() - started);
      if (target) {
        const images: TagResult[] = [];
        try {
          const found = await discoverVersion(await helm(), chart, v, ctx.env);
          ctx.log(
            `${chart.name} ${v.version}: ${found.length} images (${found.map((f) => f.image).join(', ')})`,
          );
          const t = target;
          images.push(
            ...(await mapPool(found, ctx.concurrency, (f) =>
              mirrorImage(ctx, chart, f.image, remapImage(f.image, t.destination, t.prefix), jobs),
            )),
          );
        } catch (err) {
          images.push(
            tagRow(`${chart.name} ${v.version}`, target.destination, {
              error: errorInfo(err),
              reason: 'image discovery failed',
            }),
          );
        }
        row.images = images;
      }
      ctx.emitTag(result, row);
      for (const img of row.images ?? []) ctx.emitTag(result, img);
      return row;
    });
    result.tags.push(...rows);
  } finally {
    await resolved.close();
  }
  return result;
}

/** Mirror every chart entry; failures become rows or entry errors. */
export async function syncCharts(charts: readonly ChartEntry[], ctx: ChartContext): Promise<EntryResult[]> {
  const jobs: ImageJobs = new Map();
  let bin: Promise<string> | undefined;
  const helm = () => {
    bin ??= ctx.helmBin !== undefined ? Promise.resolve(ctx.helmBin) : resolveHelm({ env: ctx.env });
    return bin;
  };
  return mapPool(charts, Math.min(ctx.concurrency, 4), (chart) => chartEntry(ctx, chart, jobs, helm));
}

/** What discovery finds for one chart version (`oci-mirror list-images`). */
export interface ChartImageListing {
  name: string;
  /** The chart source as configured (repository URL, `oci://…`, directory). */
  source: string;
  /** Local directory, for local sources. */
  localPath?: string;
  version: string;
  /** Where the chart is mirrored to (`host/path/name:tag`). */
  chart: string;
  images: { image: string; destination?: string }[];
  /** Set when the chart could not be resolved or rendered (helm's message). */
  error?: string;
}

/** Discover the images of every chart entry (with discovery on, or all with `images`), writing nothing. */
export async function listChartImages(
  config: MirrorConfig,
  client: RegistryClient,
  options: { images?: boolean; helmBin?: string; env?: NodeJS.ProcessEnv; userAgent?: string } = {},
): Promise<ChartImageListing[]> {
  const env = options.env ?? process.env;
  const charts = config.charts.filter((c) => options.images || c.images?.discover === true);
  let bin: Promise<string> | undefined;
  const helm = () => {
    bin ??= options.helmBin !== undefined ? Promise.resolve(options.helmBin) : resolveHelm({ env });
    return bin;
  };
  const out = await mapPool(charts, 4, async (chart): Promise<ChartImageListing[]> => {
    const base = {
      name: chart.name,
      source: chart.source,
      ...(chart.localPath ? { localPath: chart.localPath } : {}),
    };
    let resolved: Awaited<ReturnType<typeof resolveVersions>>;
    try {
      resolved = await resolveVersions(chart, client, env, options.userAgent);
    } catch (err) {
      return [
        {
          ...base,
          version: chart.version,
          chart: chart.repository,
          images: [],
          error: (err as Error).message,
        },
      ];
    }
    try {
      const destination = chart.images?.destination ?? config.defaults.destination;
      return await mapPool(resolved.versions, 2, async (v): Promise<ChartImageListing> => {
        const listing: ChartImageListing = {
          ...base,
          version: v.version,
          chart: `${chart.repository}:${chartTag(v.version)}`,
          images: [],
        };
        try {
          const found = await discoverVersion(await helm(), chart, v, env);
          listing.images = found.map((f) =>
            destination !== undefined
              ? {
                  image: f.image,
                  destination: formatReference(remapImage(f.image, destination, chart.images?.prefix)),
                }
              : { image: f.image },
          );
        } catch (err) {
          listing.error = (err as Error).message;
        }
        return listing;
      });
    } finally {
      await resolved.close();
    }
  });
  return out.flat();
}
