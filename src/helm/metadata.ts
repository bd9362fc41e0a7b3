/**
 * Chart metadata (`Chart.yaml`) the way Helm loads it, and the OCI config blob the way `helm push`
 * writes it: Go's `json.Marshal` of helm's `chart.Metadata` struct — field order of the struct,
 * empty fields omitted, strings sanitised by helm's `Validate`, `<`, `>`, `&` escaped.
 */
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { ChartError } from './errors.js';

export interface Maintainer {
  name?: string;
  email?: string;
  url?: string;
}

export interface Dependency {
  name: string;
  version?: string;
  repository: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: unknown[];
  alias?: string;
}

/** helm's `chart.Metadata`, in the struct's field order. */
export interface ChartMetadata {
  name: string;
  home?: string;
  sources?: string[];
  version: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  icon?: string;
  apiVersion: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: Dependency[];
  type?: string;
}

type R = Record<string, unknown>;

/** helm's sanitizeString: whitespace becomes a space, unprintable characters are dropped. */
export function sanitize(s: string): string {
  return s.replace(/\p{White_Space}/gu, ' ').replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, '');
}

/** A scalar as Go's YAML → JSON conversion hands it to a string field. */
function scalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function text(o: R, key: string, clean = true): string | undefined {
  const v = scalar(o[key]);
  if (v === undefined || v === '') return undefined;
  const s = clean ? sanitize(v) : v;
  return s === '' ? undefined : s;
}

function texts(o: R, key: string): string[] | undefined {
  const v = o[key];
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return v.map((x) => sanitize(scalar(x) ?? ''));
}

function record(v: unknown): R | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as R) : undefined;
}

function dependency(d: R, what: string): Dependency {
  const version = text(d, 'version');
  const out: Dependency = {
    name: sanitize(scalar(d.name) ?? ''),
    ...(version !== undefined ? { version } : {}),
    repository: sanitize(scalar(d.repository) ?? ''),
  };
  const condition = text(d, 'condition');
  if (condition !== undefined) out.condition = condition;
  const tags = texts(d, 'tags');
  if (tags) out.tags = tags;
  if (d.enabled === true) out.enabled = true;
  if (Array.isArray(d['import-values']) && d['import-values'].length > 0)
    out['import-values'] = d['import-values'];
  const alias = text(d, 'alias', false);
  if (alias !== undefined) {
    if (!/^[a-zA-Z0-9_-]+$/.test(alias))
      throw new ChartError(`${what}: dependency alias "${alias}" is invalid`);
    out.alias = alias;
  }
  if (out.name === '') throw new ChartError(`${what}: a dependency has no name`);
  return out;
}

/**
 * Parse and validate `Chart.yaml` (plus `requirements.yaml` for apiVersion v1 charts) as helm's
 * loader does. Throws `ChartError` naming `what` for anything helm would refuse.
 */
export function parseChartMetadata(
  chartYaml: Buffer | string,
  what: string,
  requirementsYaml?: Buffer | string,
): ChartMetadata {
  let doc: unknown;
  try {
    doc = parseYaml(chartYaml.toString());
  } catch (cause) {
    throw new ChartError(`${what}: Chart.yaml is not valid YAML: ${(cause as Error).message}`, { cause });
  }
  const o = record(doc);
  if (!o) throw new ChartError(`${what}: Chart.yaml is not a mapping`);
  const apiVersion = text(o, 'apiVersion') ?? 'v1';
  if (apiVersion !== 'v1' && apiVersion !== 'v2')
    throw new ChartError(`${what}: Chart.yaml apiVersion "${apiVersion}" is not v1 or v2`);
  const name = text(o, 'name');
  if (name === undefined) throw new ChartError(`${what}: Chart.yaml has no name`);
  if (/[/\\]|\.\./.test(name)) throw new ChartError(`${what}: chart name "${name}" is invalid`);
  const version = text(o, 'version');
  if (version === undefined) throw new ChartError(`${what}: Chart.yaml has no version`);
  if (semver.valid(version, { loose: true }) === null)
    throw new ChartError(`${what}: version "${version}" is not a semantic version`);
  const type = text(o, 'type');
  if (type !== undefined && type !== 'application' && type !== 'library')
    throw new ChartError(`${what}: chart type "${type}" is not application or library`);
  const home = text(o, 'home');
  const sources = texts(o, 'sources');
  const description = text(o, 'description');
  const keywords = texts(o, 'keywords');
  const icon = text(o, 'icon');
  const condition = text(o, 'condition');
  const tags = text(o, 'tags');
  const appVersion = text(o, 'appVersion');
  const kubeVersion = text(o, 'kubeVersion');
  const out: ChartMetadata = {
    name,
    ...(home !== undefined ? { home } : {}),
    ...(sources ? { sources } : {}),
    version,
    ...(description !== undefined ? { description } : {}),
    ...(keywords ? { keywords } : {}),
  } as ChartMetadata;
  const maintainers = o.maintainers;
  if (Array.isArray(maintainers) && maintainers.length > 0) {
    out.maintainers = maintainers.map((x) => {
      const mr = record(x) ?? {};
      const mt: Maintainer = {};
      const n = text(mr, 'name');
      const e = text(mr, 'email');
      const u = text(mr, 'url');
      if (n !== undefined) mt.name = n;
      if (e !== undefined) mt.email = e;
      if (u !== undefined) mt.url = u;
      return mt;
    });
  }
  if (icon !== undefined) out.icon = icon;
  out.apiVersion = apiVersion;
  if (condition !== undefined) out.condition = condition;
  if (tags !== undefined) out.tags = tags;
  if (appVersion !== undefined) out.appVersion = appVersion;
  if (o.deprecated === true) out.deprecated = true;
  const ann = record(o.annotations);
  if (ann && Object.keys(ann).length > 0) {
    out.annotations = {};
    for (const [k, v] of Object.entries(ann)) out.annotations[k] = scalar(v) ?? '';
  }
  if (kubeVersion !== undefined) {
    if (semver.validRange(kubeVersion, { loose: true }) === null)
      throw new ChartError(`${what}: kubeVersion "${kubeVersion}" is not a valid range`);
    out.kubeVersion = kubeVersion;
  }
  let deps = o.dependencies;
  if (requirementsYaml !== undefined) {
    const req = record(parseYaml(requirementsYaml.toString()));
    if (req && Array.isArray(req.dependencies)) deps = req.dependencies;
  }
  if (Array.isArray(deps) && deps.length > 0)
    out.dependencies = deps.map((d) => dependency(record(d) ?? {}, what));
  if (type !== undefined) out.type = type;
  return out;
}

/** Escape like Go's encoding/json (HTML-safe): `<`, `>`, `&`, U+2028, U+2029. */
function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1)))
    out[k] = o[k] as string;
  return out;
}

/** The config blob `helm push` writes for this chart: `json.Marshal(metadata)`, byte for byte. */
export function helmConfigJson(m: ChartMetadata): Buffer {
  const ordered: ChartMetadata = m.annotations ? { ...m, annotations: sortKeys(m.annotations) } : m;
  return Buffer.from(goEscape(JSON.stringify(ordered)));
}
