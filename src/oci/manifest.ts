/** Manifest, index and descriptor types, and parsing raw manifest bytes into them. No I/O. */
import { createHash } from 'node:crypto';

import { OciError } from './errors.js';
import { isIndexMediaType, isManifestMediaType, OCI_INDEX, OCI_MANIFEST } from './mediatypes.js';
import { isValidDigest } from './reference.js';

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** A manifest as fetched: exact bytes, the media type the registry served and its digest. */
export interface RawManifest {
  bytes: Buffer;
  mediaType: string;
  digest: string;
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string; index: ImageIndex }
  | { kind: 'manifest'; mediaType: string; manifest: ImageManifest };

/** A manifest that cannot be understood. */
export class ManifestError extends OciError {}

function checkDescriptor(d: unknown, where: string): Descriptor {
  if (typeof d !== 'object' || d === null) throw new ManifestError(`${where}: descriptor is not an object`);
  const desc = d as Partial<Descriptor>;
  if (typeof desc.mediaType !== 'string') throw new ManifestError(`${where}: descriptor has no mediaType`);
  if (typeof desc.digest !== 'string' || !isValidDigest(desc.digest)) {
    throw new ManifestError(`${where}: descriptor has an invalid digest`);
  }
  if (typeof desc.size !== 'number' || !Number.isSafeInteger(desc.size) || desc.size < 0) {
    throw new ManifestError(`${where}: descriptor has an invalid size`);
  }
  return desc as Descriptor;
}

/**
 * Parse manifest bytes. The media type comes from the JSON's `mediaType` when present, else the
 * Content-Type the registry sent (`fallbackMediaType`); OCI manifests may omit `mediaType`.
 */
export function parseManifest(bytes: Uint8Array, fallbackMediaType?: string): ParsedManifest {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new ManifestError('manifest is not valid JSON', { cause });
  }
  if (typeof json !== 'object' || json === null) throw new ManifestError('manifest is not a JSON object');
  if (json.schemaVersion !== 2) {
    throw new ManifestError(
      `unsupported manifest schemaVersion ${String(json.schemaVersion)} (only 2 can be copied)`,
    );
  }
  let mediaType = typeof json.mediaType === 'string' ? json.mediaType : fallbackMediaType;
  if (mediaType === undefined || (!isIndexMediaType(mediaType) && !isManifestMediaType(mediaType))) {
    // Infer from shape when neither source tells us (an OCI manifest may omit mediaType).
    if (Array.isArray(json.manifests)) mediaType = OCI_INDEX;
    else if (Array.isArray(json.layers) || typeof json.config === 'object') mediaType = OCI_MANIFEST;
    else throw new ManifestError(`unknown manifest media type ${String(mediaType)}`);
  }
  if (isIndexMediaType(mediaType)) {
    if (!Array.isArray(json.manifests)) throw new ManifestError('index has no manifests array');
    json.manifests.forEach((d, i) => {
      checkDescriptor(d, `manifests[${i}]`);
    });
    if (json.subject !== undefined) checkDescriptor(json.subject, 'subject');
    return { kind: 'index', mediaType, index: json as unknown as ImageIndex };
  }
  checkDescriptor(json.config, 'config');
  const layers = json.layers ?? [];
  if (!Array.isArray(layers)) throw new ManifestError('manifest layers is not an array');
  layers.forEach((d, i) => {
    checkDescriptor(d, `layers[${i}]`);
  });
  if (json.subject !== undefined) checkDescriptor(json.subject, 'subject');
  return { kind: 'manifest', mediaType, manifest: { ...(json as unknown as ImageManifest), layers } };
}

/** Blobs a manifest references (config first, then layers), skipping foreign (non-distributable) layers with URLs. */
export function manifestBlobs(manifest: ImageManifest): Descriptor[] {
  return [
    manifest.config,
    ...manifest.layers.filter((l) => !(l.urls && l.urls.length > 0 && isForeign(l.mediaType))),
  ];
}

function isForeign(mediaType: string): boolean {
  return mediaType.includes('foreign') || mediaType.includes('nondistributable');
}

/** `artifactType` of a manifest for referrers listings: artifactType, else config.mediaType. */
export function artifactTypeOf(parsed: ParsedManifest): string | undefined {
  if (parsed.kind === 'index') return parsed.index.artifactType;
  return parsed.manifest.artifactType ?? parsed.manifest.config.mediaType;
}

/** `subject` of a manifest or index, if any. */
export function subjectOf(parsed: ParsedManifest): Descriptor | undefined {
  return parsed.kind === 'index' ? parsed.index.subject : parsed.manifest.subject;
}

/** `annotations` of a manifest or index, if any. */
export function annotationsOf(parsed: ParsedManifest): Record<string, string> | undefined {
  return parsed.kind === 'index' ? parsed.index.annotations : parsed.manifest.annotations;
}

/** `os/architecture[/variant]` of a descriptor's platform. */
export function platformString(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

/** True when `platform` is one of `wanted` (`os/arch` matches every variant, `os/arch/variant` one). */
export function platformMatches(platform: Platform | undefined, wanted: readonly string[]): boolean {
  if (!platform) return false;
  return wanted.some((w) => {
    const [os, arch, variant] = w.split('/');
    return (
      platform.os === os &&
      platform.architecture === arch &&
      (variant === undefined || platform.variant === variant)
    );
  });
}

const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';

/** A BuildKit attestation manifest (SBOM/provenance of the platform manifest it names). */
function isAttestationManifest(d: Descriptor): boolean {
  return d.annotations?.[REFERENCE_TYPE] === 'attestation-manifest';
}

/** An index after the platform filter, with the nested indexes the filter rewrote. */
export interface FilteredIndex {
  /** The index to copy: the source's `raw` itself when the filter keeps every child. */
  manifest: RawManifest;
  /**
   * Nested indexes (an index listing an index) that the filter rewrote: new bytes the source does
   * not hold, each listed before any index that refers to it (push them in this order).
   */
  rewritten: RawManifest[];
}

/**
 * An index reduced to the children whose platform is wanted, as new bytes (the original's key
 * order, compact JSON: the same source always gives the same bytes and digest), keeping the
 * BuildKit attestation manifests of the kept platforms. A child that is itself an index is read
 * with `fetchIndex` and filtered the same way (kept unchanged, rewritten, or dropped when nothing
 * in it matches). The source's bytes are kept when every child is kept, at every depth.
 * Undefined when no child matches. A copy made from it is no longer bit-for-bit: callers report it as rewritten.
 */
export async function filterIndexPlatforms(
  raw: RawManifest,
  wanted: readonly string[],
  fetchIndex: (digest: string) => Promise<RawManifest>,
  depth = 0,
): Promise<FilteredIndex | undefined> {
  if (depth > 8) throw new OciError(`index ${raw.digest}: nested more than 8 indexes deep`);
  const json = JSON.parse(raw.bytes.toString('utf8')) as { manifests?: Descriptor[] };
  const all = json.manifests ?? [];
  const rewritten: RawManifest[] = [];
  /** Source child digest → the descriptor the filtered index lists for it. */
  const kept = new Map<string, Descriptor>();
  for (const d of all) {
    if (isAttestationManifest(d)) continue;
    if (isIndexMediaType(d.mediaType)) {
      const inner = await filterIndexPlatforms(await fetchIndex(d.digest), wanted, fetchIndex, depth + 1);
      if (!inner) continue;
      rewritten.push(...inner.rewritten);
      if (inner.manifest.digest === d.digest) kept.set(d.digest, d);
      else {
        rewritten.push(inner.manifest);
        kept.set(d.digest, { ...d, digest: inner.manifest.digest, size: inner.manifest.bytes.length });
      }
    } else if (platformMatches(d.platform, wanted)) kept.set(d.digest, d);
  }
  if (kept.size === 0) return undefined;
  // BuildKit attestation manifests (`unknown/unknown`) travel with the platform they describe.
  const manifests = all
    .filter(
      (d) =>
        (!isAttestationManifest(d) && kept.has(d.digest)) ||
        (isAttestationManifest(d) && kept.has(d.annotations?.[REFERENCE_DIGEST] ?? '')),
    )
    .map((d) => (isAttestationManifest(d) ? d : (kept.get(d.digest) ?? d)));
  // A filter that keeps everything changes nothing: the index is copied as it is.
  if (manifests.length === all.length && manifests.every((d, i) => d === all[i]))
    return { manifest: raw, rewritten: [] };
  const bytes = Buffer.from(JSON.stringify({ ...json, manifests }));
  return {
    manifest: {
      bytes,
      mediaType: raw.mediaType,
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    },
    rewritten,
  };
}
