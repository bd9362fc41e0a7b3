/**
 * Find the images a rendered chart references: `containers`, `initContainers` and
 * `ephemeralContainers` of every pod-bearing kind (and anywhere in custom resources), plus in custom
 * resources any `image:` string and `{registry, repository, tag, digest}` block; and the
 * `artifacthub.io/images` / `helm.sh/images` annotations of `Chart.yaml`. References are
 * normalised (`redis:7` → `docker.io/library/redis:7`), de-duplicated, digests kept.
 */
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { formatReference, parseReference } from '../oci/reference.js';

/** Where an image was found. */
export type ImageOrigin = 'manifest' | 'annotation';

export interface FoundImage {
  /** Normalised reference: registry/repository[:tag][@digest]. */
  image: string;
  origin: ImageOrigin;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Built-in API groups: no dot in the group, or a `*.k8s.io` group. */
function isBuiltIn(apiVersion: unknown): boolean {
  if (typeof apiVersion !== 'string') return true;
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return true;
  const group = apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/** Normalise an image string; undefined for what is not a reference (templated leftovers, empty). */
export function normalizeImage(input: string): string | undefined {
  const s = input.trim();
  if (s === '' || /\s|\{\{/.test(s)) return undefined;
  try {
    const ref = parseReference(s);
    if (ref.tag === undefined && ref.digest === undefined) ref.tag = 'latest';
    return formatReference(ref);
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** `{registry, repository, tag, digest}` (also `image`/`name` for the repository) → reference text. */
function fromBlock(o: Record<string, unknown>): string | undefined {
  const repository = str(o.repository) ?? str(o.image);
  if (repository === undefined) return undefined;
  const registry = str(o.registry);
  const tag = str(o.tag);
  const digest = str(o.digest);
  if (tag === undefined && digest === undefined && registry === undefined) return undefined;
  let ref = registry !== undefined ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
  if (tag !== undefined) ref += `:${tag}`;
  if (digest !== undefined) ref += `@${digest}`;
  return ref;
}

function walk(node: unknown, custom: boolean, add: (image: unknown) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, custom, add);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(o)) {
    if (CONTAINER_LISTS.has(key) && Array.isArray(value)) {
      for (const c of value) {
        if (c !== null && typeof c === 'object') add((c as Record<string, unknown>).image);
      }
    }
    if (custom && key === 'image') {
      if (typeof value === 'string') add(value);
      else if (value !== null && typeof value === 'object' && !Array.isArray(value))
        add(fromBlock(value as Record<string, unknown>));
    } else if (custom && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (typeof v.repository === 'string' && (v.tag !== undefined || v.digest !== undefined))
        add(fromBlock(v));
    }
    if (value !== null && typeof value === 'object') walk(value, custom, add);
  }
}

/** Images in rendered multi-document YAML (the output of `helm template`). */
export function imagesInManifests(rendered: string): string[] {
  const out = new Set<string>();
  const add = (image: unknown) => {
    if (typeof image !== 'string') return;
    const n = normalizeImage(image);
    if (n !== undefined) out.add(n);
  };
  for (const doc of parseAllDocuments(rendered, { uniqueKeys: false })) {
    const value: unknown = doc.toJS({ maxAliasCount: -1 });
    if (value === null || typeof value !== 'object') continue;
    const items =
      (value as { kind?: unknown }).kind === 'List' && Array.isArray((value as { items?: unknown }).items)
        ? ((value as { items: unknown[] }).items as unknown[])
        : [value];
    for (const item of items) {
      if (item === null || typeof item !== 'object') continue;
      walk(item, !isBuiltIn((item as { apiVersion?: unknown }).apiVersion), add);
    }
  }
  return [...out];
}

/** Images listed in `artifacthub.io/images` and `helm.sh/images` (YAML lists of `{name, image}` or strings). */
export function imagesInAnnotations(annotations: Record<string, string> | undefined): string[] {
  const out = new Set<string>();
  for (const key of ['artifacthub.io/images', 'helm.sh/images']) {
    const text = annotations?.[key];
    if (text === undefined) continue;
    let list: unknown;
    try {
      list = parseYaml(text);
    } catch {
      continue;
    }
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const raw = typeof item === 'string' ? item : (item as { image?: unknown } | null)?.image;
      if (typeof raw !== 'string') continue;
      const n = normalizeImage(raw);
      if (n !== undefined) out.add(n);
    }
  }
  return [...out];
}

/** Manifest images then annotation images, de-duplicated, sorted. */
export function mergeImages(manifest: readonly string[], annotation: readonly string[]): FoundImage[] {
  const seen = new Map<string, FoundImage>();
  for (const image of manifest) seen.set(image, { image, origin: 'manifest' });
  for (const image of annotation) if (!seen.has(image)) seen.set(image, { image, origin: 'annotation' });
  return [...seen.values()].sort((a, b) => (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
}
