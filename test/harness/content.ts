/**
 * Deterministic content builders (images, indexes, Docker schema 2, artifacts) and push helpers.
 * Builders do no I/O; `pushContent` and friends talk raw HTTP through ./client.js.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { pushBlob, pushBlobChunked, putManifest, type RegistryTarget, sha256Digest } from './client.js';

export {
  blobExists,
  getBlob,
  getManifestRaw,
  listTags,
  MANIFEST_ACCEPT,
  type RawManifest,
  type RegistryTarget,
  sha256Digest,
  tagManifest,
} from './client.js';

export const MediaTypes = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** The OCI empty descriptor's blob, `{}`. */
export const EMPTY_JSON = Buffer.from('{}');
export const EMPTY_DESCRIPTOR = {
  mediaType: MediaTypes.ociEmpty,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30=',
} as const;

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  artifactType?: string;
  annotations?: Record<string, string>;
  data?: string;
}

export interface ManifestBlob {
  bytes: Buffer;
  digest: string;
  mediaType: string;
  size: number;
}

export interface PlatformManifest extends ManifestBlob {
  platform?: Platform;
}

/** What builders return: push with `pushContent`. `top` is the index if any, else the manifest. */
export interface BuiltContent {
  index?: ManifestBlob;
  manifests: PlatformManifest[];
  blobs: Map<string, Buffer>;
  top: ManifestBlob;
}

/** Deterministic pseudo-random bytes for (size, seed): AES-128-CTR over zeros, key from the seed. */
export function randomBytes(size: number, seed: string | number = 'seed'): Buffer {
  return randomStream(seed)(size);
}

/** A generator of the same deterministic stream, chunk by chunk (for big blobs). */
export function randomStream(seed: string | number): (n: number) => Buffer {
  const keyIv = createHash('sha256').update(`oci-mirror-test:${seed}`).digest();
  const cipher = createCipheriv('aes-128-ctr', keyIv.subarray(0, 16), keyIv.subarray(16, 32));
  let zeros = Buffer.alloc(0);
  return (n: number) => {
    if (zeros.length < n) zeros = Buffer.alloc(n);
    return cipher.update(zeros.subarray(0, n));
  };
}

export function descriptorOf(blob: ManifestBlob): Descriptor {
  return { mediaType: blob.mediaType, digest: blob.digest, size: blob.size };
}

function toBlob(value: unknown, mediaType: string): ManifestBlob {
  const bytes = Buffer.from(JSON.stringify(value));
  return { bytes, digest: sha256Digest(bytes), mediaType, size: bytes.length };
}

/** A one-file ustar archive (fixed mtime/owner, so the bytes are deterministic). */
export function tarFile(name: string, data: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const put = (s: string, off: number, len: number): void => {
    header.write(s.slice(0, len), off, 'ascii');
  };
  const octal = (n: number, len: number): string => `${n.toString(8).padStart(len - 1, '0')}\0`;
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(data.length, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  header.fill(' ', 148, 156);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of header) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const pad = (512 - (data.length % 512)) % 512;
  return Buffer.concat([header, data, Buffer.alloc(pad), Buffer.alloc(1024)]);
}

interface Layer {
  blob: Buffer;
  digest: string;
  diffId: string;
  mediaType: string;
}

function makeLayer(name: string, size: number, seed: string, mediaType: string): Layer {
  const tar = tarFile(name, randomBytes(size, seed));
  const gz = mediaType.endsWith('gzip');
  // Level 1: layers are random data anyway, compression only makes them valid gzip.
  const blob = gz ? gzipSync(tar, { level: 1 }) : tar;
  return { blob, digest: sha256Digest(blob), diffId: sha256Digest(tar), mediaType };
}

export interface BuildImageOptions {
  /** Default: linux/amd64 and linux/arm64. */
  platforms?: Platform[];
  /** Bytes of random file content in the layer shared by all platforms (default 1024). */
  sharedLayerSize?: number;
  /** Bytes of random file content in each platform's own layer (default 512). */
  uniqueLayerSize?: number;
  seed?: string;
  /** Seed of the shared layer (default `seed`): images with the same `sharedSeed` share a base layer. */
  sharedSeed?: string;
  /** Default OCI tar+gzip (Docker rootfs.diff.tar.gzip for Docker images). */
  layerMediaType?: string;
  /** Build an index even for one platform (default true; false needs exactly one platform). */
  index?: boolean;
  /** Annotations on the top manifest/index. */
  annotations?: Record<string, string>;
}

const DEFAULT_PLATFORMS: Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
];

function platformKey(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

function build(opts: BuildImageOptions, flavor: 'oci' | 'docker'): BuiltContent {
  const seed = opts.seed ?? 'image';
  const platforms = opts.platforms ?? DEFAULT_PLATFORMS;
  const wantIndex = opts.index ?? true;
  if (!wantIndex && platforms.length !== 1) throw new Error('index: false needs exactly one platform');
  const layerType =
    opts.layerMediaType ?? (flavor === 'oci' ? MediaTypes.ociLayerGzip : MediaTypes.dockerLayerGzip);
  const manifestType = flavor === 'oci' ? MediaTypes.ociManifest : MediaTypes.dockerManifest;
  const configType = flavor === 'oci' ? MediaTypes.ociConfig : MediaTypes.dockerConfig;
  const blobs = new Map<string, Buffer>();
  const shared = makeLayer(
    'shared.bin',
    opts.sharedLayerSize ?? 1024,
    `${opts.sharedSeed ?? seed}/shared`,
    layerType,
  );
  blobs.set(shared.digest, shared.blob);

  const manifests: PlatformManifest[] = platforms.map((platform) => {
    const key = platformKey(platform);
    const unique = makeLayer(
      `${key.replaceAll('/', '-')}.bin`,
      opts.uniqueLayerSize ?? 512,
      `${seed}/${key}`,
      layerType,
    );
    blobs.set(unique.digest, unique.blob);
    const config = toBlob(
      {
        created: '2024-01-01T00:00:00Z',
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant ? { variant: platform.variant } : {}),
        config: { Labels: { 'org.example.seed': seed }, Cmd: ['/bin/true'] },
        rootfs: { type: 'layers', diff_ids: [shared.diffId, unique.diffId] },
        history: [{ created: '2024-01-01T00:00:00Z', created_by: `oci-mirror test ${seed}` }],
      },
      configType,
    );
    blobs.set(config.digest, config.bytes);
    const manifest = toBlob(
      {
        schemaVersion: 2,
        mediaType: manifestType,
        config: descriptorOf(config),
        layers: [shared, unique].map((l) => ({
          mediaType: l.mediaType,
          digest: l.digest,
          size: l.blob.length,
        })),
        ...(!wantIndex && opts.annotations ? { annotations: opts.annotations } : {}),
      },
      manifestType,
    );
    return { ...manifest, platform };
  });

  if (!wantIndex) {
    const only = manifests[0]!;
    return { manifests, blobs, top: only };
  }
  const index = toBlob(
    {
      schemaVersion: 2,
      mediaType: flavor === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerManifestList,
      manifests: manifests.map((m) => ({ ...descriptorOf(m), platform: m.platform })),
      ...(opts.annotations ? { annotations: opts.annotations } : {}),
    },
    flavor === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerManifestList,
  );
  return { index, manifests, blobs, top: index };
}

/** A multi-arch OCI image: an index plus one manifest per platform sharing one layer. */
export function buildImage(opts: BuildImageOptions = {}): BuiltContent {
  return build(opts, 'oci');
}

/** A single-platform Docker schema 2 image (Docker manifest, config and layer media types). */
export function buildDockerV2S2Image(
  opts: Omit<BuildImageOptions, 'platforms' | 'index'> & { platform?: Platform } = {},
): BuiltContent {
  return build(
    { ...opts, platforms: [opts.platform ?? { os: 'linux', architecture: 'amd64' }], index: false },
    'docker',
  );
}

/** A Docker manifest list over Docker schema 2 images. */
export function buildDockerManifestList(opts: Omit<BuildImageOptions, 'index'> = {}): BuiltContent {
  return build({ ...opts, index: true }, 'docker');
}

export interface ArtifactLayerInput {
  mediaType: string;
  data: Buffer | string;
  annotations?: Record<string, string>;
}

export interface BuildArtifactOptions {
  artifactType?: string;
  /** Config media type; omitted or `application/vnd.oci.empty.v1+json` gives the OCI empty config. */
  configMediaType?: string;
  /** Config bytes for a non-empty config (default a small JSON object). */
  config?: Buffer | string;
  /** Layers; none gives the single empty-descriptor layer the OCI spec recommends. */
  layers?: ArtifactLayerInput[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** An OCI artifact manifest (image manifest with artifactType / custom config / subject). */
export function buildArtifact(opts: BuildArtifactOptions = {}): BuiltContent {
  const blobs = new Map<string, Buffer>();
  const configType = opts.configMediaType ?? MediaTypes.ociEmpty;
  let config: Descriptor;
  if (configType === MediaTypes.ociEmpty) {
    blobs.set(EMPTY_DESCRIPTOR.digest, EMPTY_JSON);
    config = {
      mediaType: EMPTY_DESCRIPTOR.mediaType,
      digest: EMPTY_DESCRIPTOR.digest,
      size: EMPTY_DESCRIPTOR.size,
    };
  } else {
    const data = Buffer.from(opts.config ?? JSON.stringify({ kind: 'example', configMediaType: configType }));
    const digest = sha256Digest(data);
    blobs.set(digest, data);
    config = { mediaType: configType, digest, size: data.length };
  }
  let layers: Descriptor[];
  if (!opts.layers || opts.layers.length === 0) {
    blobs.set(EMPTY_DESCRIPTOR.digest, EMPTY_JSON);
    layers = [
      { mediaType: EMPTY_DESCRIPTOR.mediaType, digest: EMPTY_DESCRIPTOR.digest, size: EMPTY_DESCRIPTOR.size },
    ];
  } else {
    layers = opts.layers.map((l) => {
      const data = Buffer.from(l.data);
      const digest = sha256Digest(data);
      blobs.set(digest, data);
      return {
        mediaType: l.mediaType,
        digest,
        size: data.length,
        ...(l.annotations ? { annotations: l.annotations } : {}),
      };
    });
  }
  const manifest = toBlob(
    {
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      ...(opts.artifactType ? { artifactType: opts.artifactType } : {}),
      config,
      layers,
      ...(opts.subject ? { subject: opts.subject } : {}),
      ...(opts.annotations ? { annotations: opts.annotations } : {}),
    },
    MediaTypes.ociManifest,
  );
  return { manifests: [manifest], blobs, top: manifest };
}

/** The referrers fallback tag for a subject digest (`sha256-<hex>`). */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-');
}

/**
 * Pushes every blob, then the child manifests by digest, then the top manifest under `tag` (or by
 * digest when tag is undefined). Returns the top manifest's digest.
 */
export async function pushContent(
  reg: RegistryTarget,
  repo: string,
  tag: string | undefined,
  content: BuiltContent,
): Promise<string> {
  await Promise.all([...content.blobs].map(([digest, data]) => pushBlob(reg, repo, data, digest)));
  for (const m of content.manifests) {
    if (m.digest === content.top.digest) continue;
    await putManifest(reg, repo, m.digest, m.bytes, m.mediaType);
  }
  return putManifest(reg, repo, tag ?? content.top.digest, content.top.bytes, content.top.mediaType);
}

/**
 * Pushes `size` pseudo-random bytes (deterministic for the seed) as one blob through chunked
 * PATCH uploads, never holding more than one chunk in memory. Returns the digest.
 */
export async function pushLargeRandomBlob(
  reg: RegistryTarget,
  repo: string,
  size: number,
  seed: string | number,
  chunkSize = 8 * 1024 * 1024,
): Promise<string> {
  return pushBlobChunked(reg, repo, size, randomStream(seed), chunkSize);
}

/** The digest `pushLargeRandomBlob` will produce, computed without any I/O or big buffers. */
export function largeRandomBlobDigest(
  size: number,
  seed: string | number,
  chunkSize = 8 * 1024 * 1024,
): string {
  const next = randomStream(seed);
  const hash = createHash('sha256');
  for (let off = 0; off < size; off += chunkSize) hash.update(next(Math.min(chunkSize, size - off)));
  return `sha256:${hash.digest('hex')}`;
}
