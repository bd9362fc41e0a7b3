/**
 * `oci-mirror list-images` output: plain YAML/JSON, Hauler (`content.hauler.cattle.io/v1` Images
 * and Charts documents) and Zarf (`ZarfPackageConfig`) for users of those tools.
 */
import { stringify } from 'yaml';
import { redact } from '../secrets.js';
import type { ChartImageListing } from '../sync/charts.js';

export type ImageListFormat = 'yaml' | 'json' | 'hauler' | 'zarf';

/** The plain document: `{charts: [{name, source, version, chart, images, error?}], images: [...]}`. */
export function imageListDocument(listings: readonly ChartImageListing[]): {
  charts: ChartImageListing[];
  images: string[];
} {
  return {
    charts: listings.map((l) => ({ ...l, images: l.images.map((i) => ({ ...i })) })),
    images: uniqueImages(listings),
  };
}

function uniqueImages(listings: readonly ChartImageListing[]): string[] {
  return [...new Set(listings.flatMap((l) => l.images.map((i) => i.image)))].sort();
}

function yaml(doc: unknown): string {
  return stringify(doc, { lineWidth: 0, minContentWidth: 0 });
}

/** Hauler: one `Images` and one `Charts` document. */
function hauler(listings: readonly ChartImageListing[]): string {
  const images = {
    apiVersion: 'content.hauler.cattle.io/v1',
    kind: 'Images',
    metadata: { name: 'oci-mirror-images' },
    spec: { images: uniqueImages(listings).map((name) => ({ name })) },
  };
  const charts = {
    apiVersion: 'content.hauler.cattle.io/v1',
    kind: 'Charts',
    metadata: { name: 'oci-mirror-charts' },
    spec: {
      charts: listings
        .filter((l) => l.error === undefined || l.images.length > 0)
        .map((l) =>
          // A local chart by the path written in the config (relative: the manifest travels);
          // an OCI chart as Hauler splits it: `name` the chart, `repoURL` the registry path above it.
          l.localPath !== undefined
            ? { name: l.source, version: l.version }
            : l.source.startsWith('oci://')
              ? { name: l.name, repoURL: ociParent(l.source, l.name), version: l.version }
              : { name: l.name, repoURL: l.source, version: l.version },
        ),
    },
  };
  return `${yaml(images)}---\n${yaml(charts)}`;
}

/** `oci://host/path/chart` → `oci://host/path` (the source may also be written without the chart). */
function ociParent(source: string, name: string): string {
  const s = source.replace(/\/+$/, '');
  return s.endsWith(`/${name}`) ? s.slice(0, -name.length - 1) : s;
}

/** A Zarf component name (`^[a-z0-9][a-z0-9-]*$`) from a chart name. */
function zarfName(name: string): string {
  const n = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '');
  return n === '' ? 'chart' : n;
}

/** Zarf: one component per chart, with its chart and images. */
function zarf(listings: readonly ChartImageListing[]): string {
  const byName = new Map<string, ChartImageListing[]>();
  for (const l of listings) byName.set(l.name, [...(byName.get(l.name) ?? []), l]);
  const components = [...byName.entries()].map(([name, ls]) => ({
    name: zarfName(name),
    required: true,
    // Chart names are unique within a component in Zarf: several versions get the version appended.
    charts: ls.map((l) => ({
      name: ls.length > 1 ? `${l.name}-${l.version}` : l.name,
      ...(l.localPath !== undefined
        ? { localPath: l.source }
        : l.source.startsWith('oci://')
          ? { url: `${l.source.replace(/\/+$/, '')}${l.source.endsWith(`/${l.name}`) ? '' : `/${l.name}`}` }
          : { url: l.source, ...(ls.length > 1 ? { repoName: l.name } : {}) }),
      version: l.version,
      namespace: zarfName(name),
    })),
    images: [...new Set(ls.flatMap((l) => l.images.map((i) => i.image)))].sort(),
  }));
  return yaml({
    kind: 'ZarfPackageConfig',
    metadata: { name: 'oci-mirror', description: 'Charts and images discovered by oci-mirror' },
    components,
  });
}

/** Render the listing in a format; secrets redacted. */
export function renderImageList(listings: readonly ChartImageListing[], format: ImageListFormat): string {
  if (format === 'json') return redact(`${JSON.stringify(imageListDocument(listings), null, 2)}\n`);
  if (format === 'hauler') return redact(hauler(listings));
  if (format === 'zarf') return redact(zarf(listings));
  return redact(yaml(imageListDocument(listings)));
}
