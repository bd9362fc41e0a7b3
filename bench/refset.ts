/**
 * The DESIGN §8 reference set: R repositories x T tags of two-platform OCI images that all share
 * one 8 MB base layer, each platform with its own 1 MB layer. Layers are real tar.gz (gzip level 0,
 * "stored", so building them costs nothing) around random, incompressible bytes.
 */
import { gzipSync } from 'node:zlib';
import {
  MediaTypes,
  pushBlob,
  pushLargeRandomBlob,
  putManifest,
  type RegistryTarget,
  randomBytes,
  send,
  sha256Digest,
  startRegistry,
  type TestRegistry,
  tarFile,
} from '../test/harness/index.js';

export interface RefSetOptions {
  repos: number;
  tags: number;
  sharedSize: number;
  uniqueSize: number;
}

export interface Blob {
  digest: string;
  size: number;
  bytes: Buffer;
}

export interface RefImage {
  repo: string;
  tag: string;
  /** Blobs and manifests in push order (children before the index). */
  blobs: Blob[];
  manifests: { digest: string; bytes: Buffer; mediaType: string }[];
  index: { digest: string; bytes: Buffer; mediaType: string };
}

export interface RefSet {
  repos: string[];
  tags: string[];
  shared: Blob;
  images: RefImage[];
  /** Every distinct blob (digest → one repo that holds it). */
  uniqueBlobs: Map<string, { repo: string; size: number }>;
  uniqueBytes: number;
}

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
];

function gzLayer(name: string, size: number, seed: string): Blob & { diffId: string } {
  const tar = tarFile(name, randomBytes(size, seed));
  const bytes = gzipSync(tar, { level: 0 });
  return { bytes, digest: sha256Digest(bytes), size: bytes.length, diffId: sha256Digest(tar) };
}

function json(value: unknown): { bytes: Buffer; digest: string; size: number } {
  const bytes = Buffer.from(JSON.stringify(value));
  return { bytes, digest: sha256Digest(bytes), size: bytes.length };
}

export function buildRefSet(opts: RefSetOptions, prefix = 'bench'): RefSet {
  const shared = gzLayer('base.bin', opts.sharedSize, 'bench/base');
  const repos = Array.from({ length: opts.repos }, (_, i) => `${prefix}/app${i}`);
  const tags = Array.from({ length: opts.tags }, (_, i) => `1.${i}.0`);
  const images: RefImage[] = [];
  const uniqueBlobs = new Map<string, { repo: string; size: number }>();
  uniqueBlobs.set(shared.digest, { repo: repos[0]!, size: shared.size });
  for (const repo of repos) {
    for (const tag of tags) {
      const blobs: Blob[] = [shared];
      const manifests: RefImage['manifests'] = [];
      const entries: unknown[] = [];
      for (const p of PLATFORMS) {
        const key = `${repo}:${tag}/${p.architecture}`;
        const layer = gzLayer(`${p.architecture}.bin`, opts.uniqueSize, key);
        const config = json({
          created: '2024-01-01T00:00:00Z',
          architecture: p.architecture,
          os: p.os,
          ...(p.variant ? { variant: p.variant } : {}),
          config: { Labels: { 'org.example.image': key }, Cmd: ['/bin/true'] },
          rootfs: { type: 'layers', diff_ids: [shared.diffId, layer.diffId] },
        });
        blobs.push(layer, config);
        for (const b of [layer, config]) uniqueBlobs.set(b.digest, { repo, size: b.size });
        const manifest = json({
          schemaVersion: 2,
          mediaType: MediaTypes.ociManifest,
          config: { mediaType: MediaTypes.ociConfig, digest: config.digest, size: config.size },
          layers: [shared, layer].map((l) => ({
            mediaType: MediaTypes.ociLayerGzip,
            digest: l.digest,
            size: l.size,
          })),
        });
        manifests.push({ ...manifest, mediaType: MediaTypes.ociManifest });
        entries.push({
          mediaType: MediaTypes.ociManifest,
          digest: manifest.digest,
          size: manifest.size,
          platform: p,
        });
      }
      const index = json({ schemaVersion: 2, mediaType: MediaTypes.ociIndex, manifests: entries });
      images.push({ repo, tag, blobs, manifests, index: { ...index, mediaType: MediaTypes.ociIndex } });
    }
  }
  let uniqueBytes = 0;
  for (const b of uniqueBlobs.values()) uniqueBytes += b.size;
  return { repos, tags, shared, images, uniqueBlobs, uniqueBytes };
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * The scripts' usual start: the reference set of `repos` x `tags` (8 MiB shared, 1 MiB per
 * platform unless `sizes` says otherwise) pushed to a new source registry, and an empty
 * destination registry.
 */
export async function startRefSet(
  repos: number,
  tags: number,
  sizes: Partial<Pick<RefSetOptions, 'sharedSize' | 'uniqueSize'>> = {},
): Promise<{
  set: RefSet;
  src: TestRegistry;
  dst: TestRegistry;
}> {
  const set = buildRefSet({ repos, tags, sharedSize: 8 * 1024 * 1024, uniqueSize: 1024 * 1024, ...sizes });
  const src = await startRegistry();
  await pushRefSet(src, set);
  return { set, src, dst: await startRegistry() };
}

/** The oci-mirror config mirroring the set from `srcHost` to `dstHost/mirror/<name>`, every tag. */
export function refSetConfig(
  set: RefSet,
  srcHost: string,
  dstHost: string,
  /** More lines for every entry (e.g. a `verify:` policy). */
  entryLines: readonly string[] = [],
): string {
  const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
  for (const repo of set.repos) {
    const short = repo.split('/').pop();
    lines.push(
      `  - name: ${short}`,
      `    source: ${srcHost}/${repo}`,
      `    destination: ${dstHost}/mirror/${short}`,
      `    selector: { semver: ">=0.0.0", limit: 0 }`,
      ...entryLines,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `skopeo sync` of a `--src yaml` file into `dstHost/mirror`, as the bench runs it (no retries, plain HTTP). */
export function skopeoSyncArgs(yamlPath: string, dstHost: string): string[] {
  return [
    'sync',
    '--all',
    '--retry-times=0',
    '--src',
    'yaml',
    '--dest',
    'docker',
    '--dest-tls-verify=false',
    '--dest-no-creds',
    yamlPath,
    `${dstHost}/mirror`,
  ];
}

/** Pushes the set: the shared layer once, mounted into the other repositories, then the rest. */
export async function pushRefSet(reg: RegistryTarget, set: RefSet): Promise<void> {
  const [first, ...others] = set.repos;
  await pushBlob(reg, first!, set.shared.bytes, set.shared.digest);
  await mapLimit(others, 4, async (repo) => {
    const res = await send(
      reg,
      `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(set.shared.digest)}&from=${encodeURIComponent(first!)}`,
      { method: 'POST' },
    );
    if (res.status !== 201) throw new Error(`mount of the shared layer into ${repo}: HTTP ${res.status}`);
  });
  await mapLimit(set.images, 4, async (img) => {
    for (const b of img.blobs) {
      if (b.digest !== set.shared.digest) await pushBlob(reg, img.repo, b.bytes, b.digest);
    }
    for (const m of img.manifests) await putManifest(reg, img.repo, m.digest, m.bytes, m.mediaType);
    await putManifest(reg, img.repo, img.tag, img.index.bytes, img.index.mediaType);
  });
}

/**
 * One image with a single `size`-byte random layer under `repo:1.0.0` (the big-layer rows: peak
 * RSS while a large blob streams). Returns the layer's digest.
 */
export async function pushBigImage(reg: RegistryTarget, repo: string, size: number): Promise<string> {
  const layerDigest = await pushLargeRandomBlob(reg, repo, size, 'bench/big');
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
    }),
  );
  const configDigest = await pushBlob(reg, repo, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, digest: configDigest, size: config.length },
      // Raw random bytes labelled as an uncompressed layer: nobody unpacks it here.
      layers: [{ mediaType: MediaTypes.ociLayer, digest: layerDigest, size }],
    }),
  );
  await putManifest(reg, repo, '1.0.0', manifest, MediaTypes.ociManifest);
  return layerDigest;
}
