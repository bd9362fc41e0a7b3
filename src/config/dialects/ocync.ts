/**
 * ocync's config file (github.com/clowdhaus/ocync, docs/src/content/configuration.md) onto the
 * model. The file has no apiVersion; it is recognised by its `mappings`/`registries`.
 *
 * What each field becomes, or why it is refused (at its own line):
 * - `registries.<name>.url` → a registry host (and path prefix). `auth_type: basic` with
 *   `credentials` → a host with `username` and the password as credential; `static_token`/`token`
 *   with `token` → a host with a bearer credential; `docker_config`, `ghcr`, `anonymous` or none →
 *   the ambient Docker config, as ocync's fallback. `ecr`/`gar`/`gcr`/`acr` (given, or detected
 *   from the host name as ocync does) are refused: ocync reads the cloud SDK's ambient credentials,
 *   which oci-mirror does not (its cloud providers exchange a CI OIDC token, configured in our
 *   dialect). `max_concurrent` is refused (no per-registry request cap here); `head_first` loads
 *   (oci-mirror always HEADs the destination before fetching a source manifest).
 * - `target_groups` and `targets` (a group, a registry, or a list of registries) → fan-out
 *   destinations `<target url>/<to>` (`to` defaults to `from`).
 * - `mappings[]` → artifact entries: source `<source url>/<from>`; `tags`, `platforms` and
 *   `artifacts` replace the defaults' blocks entirely, as in ocync.
 * - `tags`: `glob` → glob, `semver` → range, `semver_prerelease` include/exclude → prerelease
 *   (`only` refused), `exclude` → exclude plus ocync's default excludes (`*-rc*`, `*-alpha*`,
 *   `*-beta*`, `*-pre*`, `*-snapshot*`, `*-nightly*`, any case; `include` overrides them),
 *   `include` → always-include globs (past the filters, sort and `latest`; still subject to
 *   `exclude`; a tag that is not listed is not selected), `sort` semver/alpha → sortBy semver/alphabetical (no sort =
 *   every tag), `latest` → limit (requires `sort`, as in ocync), `min_tags` → the entry fails with
 *   fewer tags, `immutable_tags` loads (a skip oci-mirror reaches with one HEAD; same result).
 * - `artifacts.enabled` (default true) → includeReferrers; non-empty `include`/`exclude` by
 *   artifact type and `require_artifacts: true` are refused (no per-type referrer filter here).
 * - `global.max_concurrent_transfers` → concurrency; `staging_size_limit` loads (oci-mirror never
 *   stages blobs on disk); `cache_dir`/`cache_ttl` are refused (the digest cache is
 *   `--state-file`/`--state-ttl` on the command line).
 * - `${VAR}` is expanded as ocync does: unset → empty, `${VAR:-default}`, `${VAR:?message}`.
 */
import { parseReference } from '../../oci/reference.js';
import { validateSelector } from '../../select/index.js';
import type { Selector } from '../../select/types.js';
import { checkHost, checkSemverRange } from '../checks.js';
import type { ConfigError } from '../errors.js';
import type { ArtifactEntry, HostEntry, MirrorConfig } from '../model.js';
import type { FieldPath } from '../yaml.js';
import { isObj, type NormalizeContext, num, problemsOf, type R, str, stripTagDigest } from './shared.js';

/** ocync's default excludes (case-insensitive), as one Go regex in our `exclude` syntax. */
const DEFAULT_EXCLUDE = '/(?i)-(?:rc|alpha|beta|pre|snapshot|nightly)/';

/** Host names ocync authenticates with a cloud SDK's ambient credentials. */
const CLOUD_HOSTS: [RegExp, string][] = [
  [/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/, 'ecr'],
  [/^public\.ecr\.aws$/, 'ecr'],
  [/-docker\.pkg\.dev$/, 'gar'],
  [/(?:^|\.)gcr\.io$/, 'gcr'],
  [/\.azurecr\.io$/, 'acr'],
];

interface Registry {
  /** `host[:port][/path]`, no trailing slash. */
  base: string;
  host: string;
}

/** Checks and normalises a schema-valid ocync config. */
export function normalizeOcync(
  data: R,
  ctx: NormalizeContext,
): { config: MirrorConfig; errors: ConfigError[] } {
  const p = ctx.parsed;
  const { errors, err, pos } = problemsOf(ctx);
  const refuse = (path: FieldPath, why: string, hint?: string): void =>
    err(path, `not supported: ${why}`, { key: true, ...(hint ? { hint } : {}) });

  // ---------------------------------------------------------------- global
  const global = isObj(data.global) ? data.global : {};
  const concurrency = num(global, 'max_concurrent_transfers');
  if (str(global, 'cache_dir') !== undefined)
    refuse(
      ['global', 'cache_dir'],
      'oci-mirror keeps no cache directory',
      'use `--state-file PATH` to remember destination digests',
    );
  if (str(global, 'cache_ttl') !== undefined)
    refuse(
      ['global', 'cache_ttl'],
      'the digest cache lifetime is a command-line setting here',
      'use `--state-file PATH --state-ttl 12h`',
    );

  // ---------------------------------------------------------------- registries
  const registries = new Map<string, Registry>();
  const hosts: HostEntry[] = [];
  const hostOwner = new Map<string, string>();
  for (const [name, raw] of Object.entries(isObj(data.registries) ? data.registries : {})) {
    if (!isObj(raw)) continue;
    const at: FieldPath = ['registries', name];
    const url = (str(raw, 'url') ?? '').replace(/\/+$/, '');
    const host = url.split('/')[0] ?? '';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      err([...at, 'url'], `\`${url}\` must be a registry host, without a scheme`, {
        hint: `use \`${url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}\``,
      });
      continue;
    }
    const bad = checkHost(host);
    if (bad) {
      err([...at, 'url'], bad);
      continue;
    }
    registries.set(name, { base: url, host: host.toLowerCase() });

    const given = str(raw, 'auth_type');
    const detected = CLOUD_HOSTS.find(([re]) => re.test(host.toLowerCase()))?.[1];
    const auth = given ?? detected;
    if (auth === 'ecr' || auth === 'gar' || auth === 'gcr' || auth === 'acr') {
      const where: FieldPath = given !== undefined ? [...at, 'auth_type'] : [...at, 'url'];
      err(
        where,
        `not supported: ocync authenticates ${auth} with the cloud SDK's ambient credentials${given === undefined ? ` (detected from the host name)` : ''}, which oci-mirror does not read`,
        {
          hint: `write this config as apiVersion: oci-mirror/v1 with \`hosts: [{host: ${host}, provider: ${auth === 'gcr' ? 'gar' : auth}, …}]\` (a CI OIDC token exchange)`,
        },
      );
    }
    if (num(raw, 'max_concurrent') !== undefined)
      refuse(
        [...at, 'max_concurrent'],
        'oci-mirror has no per-registry request cap',
        'limit all copies with `global.max_concurrent_transfers` or `--concurrency`',
      );
    const creds = isObj(raw.credentials) ? raw.credentials : undefined;
    const token = str(raw, 'token');
    const entry: HostEntry = { host: host.toLowerCase(), position: pos(at) };
    if (auth === 'basic') {
      if (!creds) err(at, '`auth_type: basic` needs `credentials` with `username` and `password`');
      else {
        entry.username = str(creds, 'username') ?? '';
        const password = str(creds, 'password') ?? '';
        entry.credential = { value: password };
        if (password) ctx.secrets.add(password);
      }
    } else if (creds) {
      err([...at, 'credentials'], '`credentials` only apply with `auth_type: basic`', { key: true });
    }
    if (auth === 'static_token' || auth === 'token') {
      if (!token) err(at, `\`auth_type: ${auth}\` needs a non-empty \`token\``);
      else {
        entry.credential = { value: token };
        ctx.secrets.add(token);
      }
    } else if (token !== undefined) {
      err([...at, 'token'], '`token` only applies with `auth_type: static_token`', { key: true });
    }
    if (entry.credential) {
      const owner = hostOwner.get(entry.host);
      if (owner !== undefined) err(at, `registry \`${owner}\` already sets credentials for ${entry.host}`);
      else {
        hostOwner.set(entry.host, name);
        hosts.push(entry);
      }
    }
  }

  // ---------------------------------------------------------------- target groups
  const groups = new Map<string, string[]>();
  for (const [name, list] of Object.entries(isObj(data.target_groups) ? data.target_groups : {})) {
    if (!Array.isArray(list)) continue;
    const members: string[] = [];
    list.forEach((m, i) => {
      if (typeof m !== 'string') return;
      if (!registries.has(m)) err(['target_groups', name, i], unknownRegistry(m, registries));
      else members.push(m);
    });
    groups.set(name, members);
  }
  /** Registry names of a `targets` value (a group, one registry, or a list of registries). */
  const targetsOf = (value: unknown, at: FieldPath): string[] | undefined => {
    if (typeof value === 'string') {
      if (groups.has(value)) return groups.get(value);
      if (registries.has(value)) return [value];
      err(at, `\`${value}\` is neither a target group nor a registry`, {
        hint: `defined: ${[...groups.keys(), ...registries.keys()].map((k) => `\`${k}\``).join(', ') || 'none'}`,
      });
      return [];
    }
    if (Array.isArray(value)) {
      const out: string[] = [];
      value.forEach((v, i) => {
        if (typeof v !== 'string') return;
        if (registries.has(v)) out.push(v);
        else if (groups.has(v)) out.push(...(groups.get(v) ?? []));
        else err([...at, i], unknownRegistry(v, registries));
      });
      return out;
    }
    return undefined;
  };

  // ---------------------------------------------------------------- defaults
  const defaults = isObj(data.defaults) ? data.defaults : {};
  const defaultSource = str(defaults, 'source');
  if (defaultSource !== undefined && !registries.has(defaultSource))
    err(['defaults', 'source'], unknownRegistry(defaultSource, registries));
  const defaultTargets = targetsOf(defaults.targets, ['defaults', 'targets']);

  // ---------------------------------------------------------------- mappings
  const artifacts: ArtifactEntry[] = [];
  const mappings = Array.isArray(data.mappings) ? data.mappings : [];
  mappings.forEach((raw, i) => {
    if (!isObj(raw)) return;
    const at: FieldPath = ['mappings', i];
    const from = (str(raw, 'from') ?? '').replace(/^\/+|\/+$/g, '');
    const to = (str(raw, 'to') ?? from).replace(/^\/+|\/+$/g, '');
    const sourceName = str(raw, 'source') ?? defaultSource;
    const sourceAt: FieldPath = raw.source !== undefined ? [...at, 'source'] : ['defaults', 'source'];
    let source = '';
    if (sourceName === undefined) {
      err(at, 'no source registry: set `source` here or `defaults.source`');
    } else if (!registries.has(sourceName)) {
      if (raw.source !== undefined) err(sourceAt, unknownRegistry(sourceName, registries));
    } else {
      source = `${registries.get(sourceName)?.base}/${from}`;
      if (repositoryProblem(source, [...at, 'from'], err)) source = '';
    }
    const targetNames =
      raw.targets !== undefined && raw.targets !== null
        ? targetsOf(raw.targets, [...at, 'targets'])
        : defaultTargets;
    const destinations: string[] = [];
    if (targetNames === undefined || targetNames.length === 0) {
      if (targetNames === undefined) err(at, 'no targets: set `targets` here or `defaults.targets`');
    } else {
      for (const t of targetNames) {
        const d = `${registries.get(t)?.base}/${to}`;
        if (destinations.includes(d)) continue;
        if (!repositoryProblem(d, raw.to !== undefined ? [...at, 'to'] : [...at, 'from'], err))
          destinations.push(d);
      }
    }
    if (source && destinations.includes(source)) err(at, 'a target is the source repository itself');

    const tagsAt: FieldPath =
      raw.tags !== undefined && raw.tags !== null ? [...at, 'tags'] : ['defaults', 'tags'];
    const tags = raw.tags !== undefined && raw.tags !== null ? raw.tags : defaults.tags;
    const { selector, minTags } = tagRules(isObj(tags) ? tags : {}, tagsAt, err, refuse);

    const artAt: FieldPath =
      raw.artifacts !== undefined && raw.artifacts !== null
        ? [...at, 'artifacts']
        : ['defaults', 'artifacts'];
    const art = raw.artifacts !== undefined && raw.artifacts !== null ? raw.artifacts : defaults.artifacts;
    const includeReferrers = artifactRules(isObj(art) ? art : {}, artAt, refuse);

    const platAt: FieldPath =
      raw.platforms !== undefined && raw.platforms !== null
        ? [...at, 'platforms']
        : ['defaults', 'platforms'];
    const platforms =
      raw.platforms !== undefined && raw.platforms !== null ? raw.platforms : defaults.platforms;

    const entry: ArtifactEntry = {
      name: stripTagDigest(source || from),
      source,
      destinations,
      selector,
      overwrite: false,
      includeReferrers,
      position: pos(at),
    };
    if (minTags !== undefined) entry.minTags = minTags;
    if (Array.isArray(platforms)) {
      if (platforms.length === 0) err(platAt, 'must not be empty (omit it to keep every platform)');
      const seen = new Set<string>();
      platforms.forEach((pl, j) => {
        if (typeof pl !== 'string') return;
        if (seen.has(pl)) err([...platAt, j], `platform \`${pl}\` is listed twice`);
        seen.add(pl);
      });
      if (platforms.length > 0) entry.platforms = [...seen];
    }
    artifacts.push(entry);
  });
  // Several mappings of one source (fan-out written as repeated mappings) get distinct names.
  const count = new Map<string, number>();
  for (const a of artifacts) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  for (const a of artifacts)
    if ((count.get(a.name) ?? 0) > 1) a.name = `${a.name} → ${a.destinations.join(', ')}`;

  return {
    config: {
      file: p.file,
      dir: ctx.dir,
      dialect: 'ocync',
      defaults: {
        overwrite: false,
        includeReferrers: true,
        ...(concurrency !== undefined ? { concurrency } : {}),
      },
      artifacts,
      charts: [],
      hosts,
      secrets: [...ctx.secrets],
    },
    errors,
  };
}

type Err = (path: FieldPath, message: string, opts?: { key?: boolean; hint?: string }) => void;

/** ocync's tag pipeline as a selector (see the module comment). */
function tagRules(
  t: R,
  at: FieldPath,
  err: Err,
  refuse: (path: FieldPath, why: string, hint?: string) => void,
): { selector: Selector; minTags?: number } {
  const list = (k: string): string[] | undefined => {
    const v = t[k];
    if (typeof v === 'string') return [v];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  };
  const selector: Selector = {};
  const glob = list('glob');
  if (glob !== undefined) selector.glob = glob;
  const range = str(t, 'semver');
  if (range !== undefined) {
    const bad = checkSemverRange(range);
    if (bad) err([...at, 'semver'], bad);
    selector.semver = range;
  }
  const pre = str(t, 'semver_prerelease');
  if (pre === 'include') selector.prerelease = true;
  else if (pre === 'exclude') selector.prerelease = false;
  else if (pre === 'only')
    refuse(
      [...at, 'semver_prerelease'],
      '`only` (prereleases alone) has no equivalent here',
      'use `include` with a `glob` that matches the prerelease tags',
    );
  const exclude = list('exclude');
  if (exclude !== undefined) selector.exclude = exclude;
  selector.defaultExclude = [DEFAULT_EXCLUDE];
  const include = list('include');
  if (include !== undefined && include.length > 0) selector.include = include;
  const sort = str(t, 'sort');
  const latest = num(t, 'latest');
  if (latest !== undefined && sort === undefined)
    err([...at, 'latest'], '`latest` requires `sort` (as in ocync)', {
      hint: 'add `sort: semver` or `sort: alpha`',
    });
  // No sort: every tag passes, so order does not matter and nothing is dropped as unparseable.
  selector.sortBy = sort === 'semver' ? 'semver' : 'alphabetical';
  selector.limit = latest ?? 0;
  if (latest === 0) err([...at, 'latest'], 'must be at least 1 (omit it to keep every tag)');
  const immutable = str(t, 'immutable_tags');
  if (immutable === '') err([...at, 'immutable_tags'], 'must not be empty');
  for (const problem of validateSelector(selector)) {
    const field = problem.split(':')[0] ?? '';
    const key = { glob: 'glob', semver: 'semver', exclude: 'exclude', include: 'include' }[
      field.replace(/\[\d+\]$/, '')
    ];
    err(key ? [...at, key] : at, problem);
  }
  const minTags = num(t, 'min_tags');
  return minTags !== undefined && minTags > 0 ? { selector, minTags } : { selector };
}

/** `artifacts` → includeReferrers; per-type filters and `require_artifacts` are refused. */
function artifactRules(
  a: R,
  at: FieldPath,
  refuse: (path: FieldPath, why: string, hint?: string) => void,
): boolean {
  for (const k of ['include', 'exclude'] as const) {
    if (Array.isArray(a[k]) && (a[k] as unknown[]).length > 0)
      refuse(
        [...at, k],
        `referrers cannot be filtered by artifact type here (all of them are copied)`,
        'remove it to copy every referrer, or set `enabled: false`',
      );
  }
  if (a.require_artifacts === true)
    refuse(
      [...at, 'require_artifacts'],
      'oci-mirror does not fail an image for having no referrers',
      'verify signatures with our dialect’s `verify` instead',
    );
  return typeof a.enabled === 'boolean' ? a.enabled : true;
}

function unknownRegistry(name: string, registries: Map<string, Registry>): string {
  const known = [...registries.keys()].map((k) => `\`${k}\``).join(', ');
  return `\`${name}\` is not a registry defined under \`registries\`${known ? ` (defined: ${known})` : ''}`;
}

/** Reports (at `at`) why `repo` is not a repository without tag or digest; true when it is not. */
function repositoryProblem(repo: string, at: FieldPath, err: Err): boolean {
  try {
    const r = parseReference(repo);
    if (r.tag !== undefined || r.digest !== undefined) {
      err(at, `\`${repo}\` must be a repository without a tag or digest`, {
        hint: 'select tags with `tags`',
      });
      return true;
    }
    return false;
  } catch (e) {
    err(at, e instanceof Error ? e.message : String(e));
    return true;
  }
}
