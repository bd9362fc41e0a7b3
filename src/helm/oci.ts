/**
 * A chart `.tgz` as a Helm OCI artifact, the way `helm push` builds it: the config blob is the
 * chart metadata JSON, the chart layer the exact `.tgz` bytes, the provenance file a layer of its
 * own (before the chart layer, as helm orders them). The manifest carries helm's annotations but no
 * creation time, so it is deterministic.
 */
import { sha256 } from '../oci/digest.js';
import { chartFiles } from './archive.js';
import { ChartError } from './errors.js';
import { type ChartMetadata, helmConfigJson, parseChartMetadata } from './metadata.js';

export const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const HELM_PROV_LAYER = 'application/vnd.cncf.helm.chart.provenance.v1.prov';

export interface Blob {
  mediaType: string;
  digest: string;
  size: number;
  bytes: Buffer;
}

export interface ChartArtifact {
  metadata: ChartMetadata;
  config: Blob;
  chart: Blob;
  prov?: Blob;
  manifest: Buffer;
  manifestDigest: string;
}

/** The tag of a chart version: `+` becomes `_` (OCI tags cannot hold `+`). */
export function chartTag(version: string): string {
  return version.replace(/\+/g, '_');
}

/** Chart metadata as helm loads it from a `.tgz`. */
export function readChartMetadata(tgz: Buffer, what: string): ChartMetadata {
  const { files } = chartFiles(tgz, what);
  const chartYaml = files.get('Chart.yaml');
  if (!chartYaml) throw new ChartError(`${what}: no Chart.yaml`);
  const requirements = files.get('requirements.yaml');
  const m = parseChartMetadata(chartYaml, what);
  return m.apiVersion === 'v1' && requirements ? parseChartMetadata(chartYaml, what, requirements) : m;
}

function blob(mediaType: string, bytes: Buffer): Blob {
  return { mediaType, digest: sha256(bytes), size: bytes.length, bytes };
}

/** helm's manifest annotations (chart annotations first, then the OCI ones), minus `created`. */
function annotations(m: ChartMetadata): Record<string, string> {
  const a: Record<string, string> = { ...(m.annotations ?? {}) };
  if (m.description) a['org.opencontainers.image.description'] = m.description;
  a['org.opencontainers.image.title'] = m.name;
  a['org.opencontainers.image.version'] = m.version;
  if (m.home) a['org.opencontainers.image.url'] = m.home;
  const source = m.sources?.[0];
  if (source) a['org.opencontainers.image.source'] = source;
  const authors = (m.maintainers ?? [])
    .map((x) => (x.email ? `${x.name ?? ''} (${x.email})` : (x.name ?? '')))
    .filter((s) => s !== '');
  if (authors.length > 0) a['org.opencontainers.image.authors'] = authors.join(', ');
  return Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** Build the artifact for a chart archive (and its provenance file). */
export function chartArtifact(tgz: Buffer, what: string, prov?: Buffer): ChartArtifact {
  const metadata = readChartMetadata(tgz, what);
  const config = blob(HELM_CONFIG, helmConfigJson(metadata));
  const chart = blob(HELM_CHART_LAYER, tgz);
  const provBlob = prov ? blob(HELM_PROV_LAYER, prov) : undefined;
  const desc = (b: Blob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      config: desc(config),
      // helm push order: the provenance layer (when present) before the chart layer.
      layers: provBlob ? [desc(provBlob), desc(chart)] : [desc(chart)],
      annotations: annotations(metadata),
    }),
  );
  const out: ChartArtifact = { metadata, config, chart, manifest, manifestDigest: sha256(manifest) };
  if (provBlob) out.prov = provBlob;
  return out;
}
