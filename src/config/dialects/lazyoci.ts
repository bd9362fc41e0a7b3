/**
 * lazyoci's `mirror.yaml` (the config of `lazyoci mirror`, github.com/MisterGrinvalds/lazyoci,
 * `pkg/mirror/config.go`) normalised into the internal model.
 *
 * What lazyoci does with the file, and what it becomes here:
 * - `target.url` (+ `charts-prefix`): charts go to `oci://<url>[/<charts-prefix>]/<chart>:<version>`
 *   → `ChartEntry.destination` `oci://<url>[/<charts-prefix>]`, the chart name appended.
 * - Every chart's images are discovered (`helm template` with the chart's default values; lazyoci
 *   has no values settings) and copied to `<url>/<image path without its registry host>`
 *   → `images: { discover: true, destination: <url> }`, no extra prefix.
 * - `target.insecure` (plain HTTP to the target, for charts and images) → a `hosts` entry for the
 *   target host with `plainHTTP: true`.
 * - `upstreams.<key>`: `type: repo` (`repo` URL), `oci` (`registry` = `oci://…`, the chart name
 *   appended) or `local` (`path`, relative to the config file). Each entry of `versions` is handed
 *   to helm's `--version`, an exact version or a constraint of which the highest match is pulled:
 *   one chart entry per listed version, `version` = the text as written, `limit` 1. A local chart
 *   is packaged as it is on disk (its Chart.yaml decides the version), so it is one entry whatever
 *   it lists. An upstream without versions is skipped, as `lazyoci mirror --all` does.
 * - lazyoci decodes with yaml.v3 in non-strict mode: unknown keys are ignored, and so they are
 *   here, except a key that looks like a misspelling of a known one (lazyoci would silently drop
 *   e.g. `chart-prefix` and push elsewhere), which is reported.
 */

import { parseReference } from '../../oci/reference.js';
import { checkHost, checkSemverRange, confinePath } from '../checks.js';
import type { ConfigError } from '../errors.js';
import type { ChartEntry, HostEntry, MirrorConfig, SourcePosition } from '../model.js';
import { didYouMean } from '../suggest.js';
import type { FieldPath } from '../yaml.js';
import { isObj, type NormalizeContext, problemsOf, type R, str } from './shared.js';

/** The keys lazyoci reads at each level (pkg/mirror/config.go's yaml tags). */
const KNOWN = {
  top: ['target', 'upstreams'],
  target: ['url', 'insecure', 'charts-prefix'],
  upstream: ['type', 'repo', 'registry', 'path', 'chart', 'versions'],
} as const;

/** yaml.v3 decodes these words into a typed bool (YAML 1.1 compatibility); anything else fails. */
const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** The chart name as an OCI path component (same rule as our own dialect's `charts[].name`). */
const CHART_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Checks and normalises a schema-valid lazyoci `mirror.yaml`. */
export function normalizeLazyoci(
  data: R,
  ctx: NormalizeContext,
): { config: MirrorConfig; errors: ConfigError[] } {
  const p = ctx.parsed;
  const { errors, err, pos: at } = problemsOf(ctx);
  const pos = (path: FieldPath, key = false): SourcePosition => at(path, { key });
  const typos = (o: R, at: FieldPath, known: readonly string[]): void => {
    for (const k of Object.keys(o)) {
      if (known.includes(k)) continue;
      const hint = didYouMean(k, known);
      if (hint) {
        err([...at, k], `unknown field \`${k}\``, {
          key: true,
          hint: `${hint} lazyoci would silently ignore this key`,
        });
      }
    }
  };

  typos(data, [], KNOWN.top);
  const target = isObj(data.target) ? data.target : {};
  typos(target, ['target'], KNOWN.target);

  // target.url: host[:port][/path], no scheme.
  const rawUrl = str(target, 'url') ?? '';
  const url = rawUrl.replace(/\/+$/, '');
  let urlOk = true;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (scheme) {
    urlOk = false;
    err(['target', 'url'], `\`${rawUrl}\` must be a registry host and path, without a scheme`, {
      hint: `use \`${url.slice(scheme[0].length)}\``,
    });
  } else if (url.trim() !== url) {
    urlOk = false;
    err(['target', 'url'], `\`${rawUrl}\` has leading or trailing spaces`);
  } else {
    const host = url.split('/')[0] ?? '';
    const bad = checkHost(host);
    if (bad) {
      urlOk = false;
      err(['target', 'url'], bad.replace('must be', 'the part before the first `/` must be'));
    } else if (!/[.:]/.test(host) && host !== 'localhost') {
      urlOk = false;
      err(['target', 'url'], `\`${host}\` does not look like a registry host`, {
        hint: `lazyoci takes the first path segment as the host; e.g. registry.example.com/${url}`,
      });
    }
  }

  // target.charts-prefix: path segments between url and the chart name.
  const prefix = (str(target, 'charts-prefix') ?? '').replace(/^\/+|\/+$/g, '');
  const chartBase = prefix === '' ? url : `${url}/${prefix}`;
  if (urlOk && prefix !== '' && repositoryProblem(`${chartBase}/chart`) !== undefined) {
    urlOk = false;
    err(['target', 'charts-prefix'], `\`${prefix}\` is not a valid repository path`, {
      hint: 'lowercase letters, digits and . _ - separated by /',
    });
  }

  // target.insecure: plain HTTP to the target registry.
  let insecure = false;
  const rawInsecure = target.insecure;
  if (typeof rawInsecure === 'boolean') insecure = rawInsecure;
  else if (typeof rawInsecure === 'string') {
    if (YAML11_TRUE.has(rawInsecure)) insecure = true;
    else if (!YAML11_FALSE.has(rawInsecure)) {
      err(['target', 'insecure'], `expected true or false, got \`${rawInsecure}\``);
    }
  }
  const hosts: HostEntry[] = [];
  if (insecure && urlOk) {
    hosts.push({
      host: (url.split('/')[0] ?? url).toLowerCase(),
      plainHTTP: true,
      position: pos(['target', 'insecure']),
    });
  }

  const charts: ChartEntry[] = [];
  const upstreams = isObj(data.upstreams) ? data.upstreams : {};
  let skipped = 0;
  for (const [key, raw] of Object.entries(upstreams)) {
    if (!isObj(raw)) continue;
    const at: FieldPath = ['upstreams', key];
    typos(raw, at, KNOWN.upstream);
    const name = str(raw, 'chart') ?? '';
    let ok = true;
    if (!CHART_NAME.test(name)) {
      ok = false;
      err([...at, 'chart'], `\`${name}\` is not a valid chart name (lowercase letters, digits, . _ -)`);
    }

    const type = str(raw, 'type');
    let source = '';
    let localPath: string | undefined;
    if (type === 'repo') {
      source = str(raw, 'repo') ?? '';
      if (!/^https?:\/\//.test(source)) {
        ok = false;
        err([...at, 'repo'], `\`${source}\` must be an http:// or https:// Helm repository URL`, {
          ...(source.startsWith('oci://')
            ? { hint: 'for charts in an OCI registry use `type: oci` with `registry`' }
            : {}),
        });
      } else if (!validUrl(source)) {
        ok = false;
        err([...at, 'repo'], `\`${source}\` is not a valid URL`);
      }
    } else if (type === 'oci') {
      const registry = str(raw, 'registry') ?? '';
      if (!registry.startsWith('oci://')) {
        ok = false;
        err([...at, 'registry'], `\`${registry}\` must start with oci://`, {
          hint: /^[a-z][a-z0-9+.-]*:\/\//i.test(registry)
            ? 'e.g. oci://registry-1.docker.io/bitnamicharts'
            : `oci://${registry}`,
        });
      } else {
        // lazyoci pulls <registry>/<chart> (trailing `/` trimmed), whatever the registry path ends with.
        const repo = `${registry.slice('oci://'.length).replace(/\/+$/, '')}/${name}`;
        const bad = repositoryProblem(repo);
        if (bad !== undefined) {
          ok = false;
          err([...at, 'registry'], bad);
        } else source = `oci://${repo}`;
      }
    } else if (type === 'local') {
      source = str(raw, 'path') ?? '';
      const r = confinePath(source, ctx.dir);
      if (typeof r === 'string') {
        ok = false;
        err([...at, 'path'], r);
      } else localPath = r.path;
    } else continue; // the schema has reported it

    const destination = `oci://${chartBase}`;
    const repository = `${chartBase}/${name}`;
    if (ok && urlOk) {
      const bad = repositoryProblem(repository);
      if (bad !== undefined) err([...at, 'chart'], `destination \`${repository}\`: ${bad}`);
    }

    const versions = versionTexts(raw, at, p);
    if (versions.length === 0) {
      skipped++;
      continue;
    }
    const base = {
      name,
      upstream: key,
      source,
      destination,
      repository,
      overwrite: false,
      images: { discover: true, destination: url },
    };
    if (localPath !== undefined) {
      charts.push({ ...base, version: '*', limit: 1, localPath, position: pos(at, true) });
      continue;
    }
    const seen = new Set<string>();
    for (const v of versions) {
      if (seen.has(v.text)) continue; // lazyoci would mirror it twice; once is the same result
      seen.add(v.text);
      const bad = checkSemverRange(v.text);
      if (bad !== undefined) {
        err(v.path, bad, { hint: 'helm --version takes an exact version (e.g. "0.28.0") or a constraint' });
        continue;
      }
      charts.push({ ...base, version: v.text, limit: 1, position: pos(v.path) });
    }
  }
  if (skipped > 0 && charts.length === 0 && errors.length === 0) {
    err(['upstreams'], 'nothing to mirror: no upstream lists any `versions`', {
      key: true,
      hint: 'lazyoci skips an upstream without versions',
    });
  }

  return {
    config: {
      file: p.file,
      dir: ctx.dir,
      dialect: 'lazyoci/mirror',
      defaults: { overwrite: false, includeReferrers: false, ...(urlOk ? { destination: url } : {}) },
      artifacts: [],
      charts,
      hosts,
      secrets: [...ctx.secrets],
    },
    errors,
  };
}

/** Why `repo` (`host[:port]/path`) is not a repository without tag or digest, or undefined. */
function repositoryProblem(repo: string): string | undefined {
  try {
    const r = parseReference(repo);
    if (r.tag !== undefined || r.digest !== undefined) return `\`${repo}\` is not a repository name`;
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function validUrl(s: string): boolean {
  try {
    return new URL(s).host !== '';
  } catch {
    return false;
  }
}

/**
 * The `versions` of an upstream as lazyoci sees them: yaml.v3 decodes any scalar into a Go string
 * by its text, so an unquoted `1.10` is the version "1.10", not the number 1.1.
 */
function versionTexts(
  upstream: R,
  at: FieldPath,
  parsed: NormalizeContext['parsed'],
): { text: string; path: FieldPath }[] {
  const list = upstream.versions;
  if (!Array.isArray(list)) return [];
  return list.map((v, i) => {
    const path: FieldPath = [...at, 'versions', i];
    if (typeof v === 'string') return { text: v, path };
    const node = parsed.doc.getIn(path, true) as { source?: unknown } | undefined;
    const src = typeof node?.source === 'string' ? node.source : undefined;
    // `source` is the scalar's text as written; after `${VAR}` substitution it is the reference,
    // so fall back to the value when the text does not spell the same number.
    const text = src !== undefined && Number(src) === v ? src : String(v);
    return { text, path };
  });
}
