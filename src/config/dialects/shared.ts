/**
 * Shared helpers below the dialect modules: value accessors, the {@link NormalizeContext}, and the
 * entry normaliser that our own dialect and flux mirror's share (artifacts, charts, hosts,
 * selectors, credentials); each dialect module (`ours.ts`, `flux.ts`) gives it the rules where
 * the files differ. Every problem becomes a ConfigError at the node it concerns; checking
 * continues so one run reports everything.
 */

import { parseReference, type Reference } from '../../oci/reference.js';
import { compileGoRegex } from '../../select/goregex.js';
import { validateSelector } from '../../select/index.js';
import type { Selector } from '../../select/types.js';
import { checkHost, checkSemverRange, confinePath, parseGoDuration } from '../checks.js';
import type { ConfigError } from '../errors.js';
import type {
  ArtifactEntry,
  ChartEntry,
  Dialect,
  HostCredential,
  HostEntry,
  HostTLS,
  MirrorConfig,
  MirrorDefaults,
  SourcePosition,
  VerifySpec,
} from '../model.js';
import type { FieldPath, ParsedYaml } from '../yaml.js';

export type R = Record<string, unknown>;

export const isObj = (v: unknown): v is R => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (o: R, k: string): R | undefined => (isObj(o[k]) ? (o[k] as R) : undefined);
export const str = (o: R | undefined, k: string): string | undefined =>
  typeof o?.[k] === 'string' ? (o[k] as string) : undefined;
export const bool = (o: R | undefined, k: string): boolean | undefined =>
  typeof o?.[k] === 'boolean' ? (o[k] as boolean) : undefined;
export const num = (o: R | undefined, k: string): number | undefined =>
  typeof o?.[k] === 'number' ? (o[k] as number) : undefined;
export const list = (o: R | undefined, k: string): unknown[] =>
  Array.isArray(o?.[k]) ? (o[k] as unknown[]) : [];
export const strList = (o: R | undefined, k: string): string[] | undefined =>
  Array.isArray(o?.[k]) ? (o[k] as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;

/** Inputs of {@link normalize}. */
export interface NormalizeContext {
  dialect: Dialect;
  parsed: ParsedYaml;
  /** Absolute directory relative paths resolve against (and stay inside). */
  dir: string;
  /** Secrets found so far (substituted values); inline credential material is added. */
  secrets: Set<string>;
}

/**
 * Problem collection for a dialect written as functions rather than on the entry normaliser:
 * `err` records a ConfigError at a node, `pos` gives a node's position.
 */
export function problemsOf(ctx: NormalizeContext): {
  errors: ConfigError[];
  err: Report;
  pos: (path: FieldPath, opts?: { key?: boolean }) => SourcePosition;
} {
  const errors: ConfigError[] = [];
  const p = ctx.parsed;
  return {
    errors,
    err: (path, message, opts = {}) => {
      errors.push(p.error(path, message, opts));
    },
    pos: (path, opts = {}) => ({ file: p.file, ...p.locate(path, opts.key ? { key: true } : {}) }),
  };
}

/** Reports a problem at a YAML node. */
export type Report = (path: FieldPath, message: string, opts?: { key?: boolean; hint?: string }) => void;

/** What a dialect module hands the shared normaliser: the places its file differs. */
export interface DialectRules {
  /** flux mirror semantics: sources without tags, charts from HTTP/S repositories only. */
  flux: boolean;
  /** Where the username lives: top level of the host or under `credential`. */
  usernameUnderCredential: boolean;
  /** The dialect's names of the JWT credential fields ('' = not in this dialect). */
  credentialNames: {
    issuer: string;
    subject: string;
    audience: string;
    audiences: string;
    expiration: string;
  };
  /** Reads the host's `tls` mapping. */
  tls(t: R, at: FieldPath, h: NormalizeHelpers): HostTLS;
  /** Reads host fields only this dialect has (cloud provider settings, insecure, plainHTTP…). */
  hostExtras(h: R, at: FieldPath, entry: HostEntry, helpers: NormalizeHelpers): void;
}

/** What dialect rules may use: error reporting, path confinement, secret collection. */
export interface NormalizeHelpers {
  err: Report;
  /** `o[k]` resolved and confined to the config dir (problems reported at `p`). */
  path(o: R | undefined, k: string, p: FieldPath): string | undefined;
  secret(value: string): void;
}

/**
 * Checks and normalises a schema-valid document of our own dialect or flux mirror's with the
 * dialect's rules; returns the config (meaningful only when `errors` is empty).
 */
export function normalizeEntries(
  data: R,
  ctx: NormalizeContext,
  rules: DialectRules,
): { config: MirrorConfig; errors: ConfigError[] } {
  const n = new Normalizer(ctx, rules);
  const config = n.run(data);
  return { config, errors: n.errors };
}

class Normalizer {
  readonly errors: ConfigError[] = [];
  readonly warnings: string[] = [];
  readonly #ctx: NormalizeContext;
  readonly #p: ParsedYaml;
  readonly #rules: DialectRules;
  readonly #helpers: NormalizeHelpers;

  constructor(ctx: NormalizeContext, rules: DialectRules) {
    this.#ctx = ctx;
    this.#p = ctx.parsed;
    this.#rules = rules;
    this.#helpers = {
      err: (path, message, opts) => this.#err(path, message, opts),
      path: (o, k, p) => {
        const v = str(o, k);
        if (v === undefined) return undefined;
        const r = confinePath(v, this.#ctx.dir);
        if (typeof r === 'string') {
          this.#err(p, r);
          return undefined;
        }
        return r.path;
      },
      secret: (v) => {
        if (v) this.#ctx.secrets.add(v);
      },
    };
  }

  #err(path: FieldPath, message: string, opts: { key?: boolean; hint?: string } = {}): void {
    this.errors.push(this.#p.error(path, message, opts));
  }

  #warn(path: FieldPath, message: string, hint?: string): void {
    this.warnings.push(this.#p.error(path, message, hint !== undefined ? { hint } : {}).message);
  }

  #pos(path: FieldPath): SourcePosition {
    const { line, column } = this.#p.locate(path);
    return { file: this.#p.file, line, column };
  }

  run(data: R): MirrorConfig {
    const { dialect } = this.#ctx;
    const defaults = this.#defaults(data);
    const hosts = list(data, 'hosts').map((h, i) => this.#host(h as R, ['hosts', i]));
    this.#duplicateHosts(hosts);
    const artifacts = list(data, 'artifacts').map((a, i) =>
      this.#artifact(a as R, ['artifacts', i], defaults),
    );
    this.#uniqueNames(artifacts, data);
    const charts = list(data, 'charts').map((c, i) => this.#chart(c as R, ['charts', i], defaults));
    this.#duplicateCharts(charts);
    if (artifacts.length === 0 && charts.length === 0) {
      this.#err([], 'nothing to mirror: add at least one entry under `artifacts` or `charts`');
    }
    return {
      file: this.#p.file,
      dir: this.#ctx.dir,
      dialect,
      defaults,
      artifacts,
      charts,
      hosts,
      secrets: [...this.#ctx.secrets],
      ...(this.warnings.length > 0 ? { warnings: this.warnings } : {}),
    };
  }

  #defaults(data: R): MirrorDefaults {
    const d = obj(data, 'defaults');
    const out: MirrorDefaults = {
      overwrite: bool(d, 'overwrite') ?? false,
      includeReferrers: bool(d, 'includeReferrers') ?? false,
    };
    const c = num(d, 'concurrency');
    if (c !== undefined) out.concurrency = c;
    const root = this.#helpers.path(d, 'trustedRoot', ['defaults', 'trustedRoot']);
    if (root !== undefined) out.trustedRoot = root;
    const dest = str(d, 'destination');
    if (dest !== undefined) {
      const first = dest.split('/')[0] ?? '';
      if (!/[.:]/.test(first) && first !== 'localhost') {
        this.#err(['defaults', 'destination'], 'a destination prefix must start with a registry host', {
          hint: `e.g. registry.example.com/${dest}`,
        });
      } else this.#ref(dest.replace(/\/+$/, ''), ['defaults', 'destination'], { allowTag: false });
      out.destination = dest.replace(/\/+$/, '');
    }
    return out;
  }

  // ---------------------------------------------------------------- artifacts

  #artifact(a: R, at: FieldPath, defaults: MirrorDefaults): ArtifactEntry {
    const flux = this.#rules.flux;
    const source = str(a, 'source') ?? '';
    const src = this.#ref(source, [...at, 'source'], { allowTag: !flux });
    const destinations: string[] = [];
    const dest = str(a, 'destination');
    const dests = strList(a, 'destinations');
    if (dest !== undefined && dests !== undefined) {
      this.#err([...at, 'destinations'], 'both `destination` and `destinations` are set', {
        key: true,
        hint: 'keep one: put every repository under `destinations`',
      });
    }
    if (dest !== undefined) {
      if (this.#ref(dest, [...at, 'destination'], { allowTag: false })) destinations.push(dest);
    } else if (dests !== undefined) {
      dests.forEach((d, i) => {
        if (!this.#ref(d, [...at, 'destinations', i], { allowTag: false })) return;
        if (destinations.includes(d)) this.#err([...at, 'destinations', i], `\`${d}\` is listed twice`);
        else destinations.push(d);
      });
    } else if (defaults.destination !== undefined && src) {
      destinations.push(`${defaults.destination}/${src.repository}`);
    } else {
      this.#err(at, 'no destination: set `destination`, `destinations`, or `defaults.destination`');
    }
    const repo = stripTagDigest(source);
    destinations.forEach((d, i) => {
      if (d === repo) {
        const path =
          dest !== undefined ? [...at, 'destination'] : dests !== undefined ? [...at, 'destinations', i] : at;
        this.#err(path, 'destination is the source repository itself');
      }
    });

    const selector = this.#selector(obj(a, 'selector'), [...at, 'selector'], src || undefined);
    const entry: ArtifactEntry = {
      name: str(a, 'name') ?? repo,
      source,
      destinations,
      selector,
      overwrite: bool(a, 'overwrite') ?? defaults.overwrite,
      includeReferrers: bool(a, 'includeReferrers') ?? defaults.includeReferrers,
      position: this.#pos(at),
    };
    const platforms = strList(a, 'platforms');
    if (platforms !== undefined) {
      const seen = new Set<string>();
      platforms.forEach((p, i) => {
        if (seen.has(p)) this.#err([...at, 'platforms', i], `platform \`${p}\` is listed twice`);
        seen.add(p);
      });
      entry.platforms = platforms;
    }
    const verify = obj(a, 'verify');
    if (verify) {
      const v = this.#verify(verify, [...at, 'verify'], defaults);
      if (v) entry.verify = v;
    }
    return entry;
  }

  /** Parses a reference, reporting problems; returns the parts or undefined. */
  #ref(s: string, at: FieldPath, opts: { allowTag: boolean }): Reference | undefined {
    let r: Reference;
    try {
      r = parseReference(s);
    } catch (err) {
      this.#err(at, err instanceof Error ? err.message : String(err));
      return undefined;
    }
    if (s.trim() !== s) {
      this.#err(at, `\`${s}\` has leading or trailing spaces`);
      return undefined;
    }
    if (!opts.allowTag && (r.tag !== undefined || r.digest !== undefined)) {
      const what = r.digest !== undefined ? 'digest' : 'tag';
      this.#err(at, `\`${s}\` must be a repository without a ${what}`, {
        hint: this.#rules.flux ? 'select tags with `selector`' : 'tags keep their source names',
      });
      return undefined;
    }
    return r;
  }

  #selector(sel: R | undefined, at: FieldPath, src: Reference | undefined): Selector {
    // Values are kept as written (Go regex syntax, Masterminds ranges): `select/` interprets
    // them, and its validateSelector is the single judge of what it can run.
    const out: Selector = {};
    const s = sel ?? {};
    const regex = obj(s, 'regex');
    if (regex) {
      const r: NonNullable<Selector['regex']> = { pattern: str(regex, 'pattern') ?? '' };
      const extract = str(regex, 'extract');
      if (extract !== undefined) r.extract = extract;
      out.regex = r;
    }
    const range = str(s, 'semver');
    if (range !== undefined) out.semver = range;
    const pre = bool(s, 'prerelease');
    if (pre !== undefined) out.prerelease = pre;
    const globIsString = typeof s.glob === 'string';
    const glob = globIsString ? [s.glob as string] : strList(s, 'glob');
    if (glob !== undefined) out.glob = glob;
    for (const k of ['tags', 'digests', 'exclude'] as const) {
      const v = strList(s, k);
      if (v !== undefined) out[k] = v;
    }
    const sortBy = str(s, 'sortBy');
    out.sortBy = sortBy === 'alphabetical' || sortBy === 'numerical' ? sortBy : 'semver';
    // flux mirror: limit defaults to 1, 0 = unlimited (explicit tags are never capped).
    out.limit = num(s, 'limit') ?? 1;

    if (src && (src.tag !== undefined || src.digest !== undefined)) {
      const filters = ['regex', 'semver', 'glob', 'tags', 'digests'].filter((k) => s[k] !== undefined);
      const first = filters[0];
      if (first !== undefined) {
        this.#err(
          [...at, first],
          'the source already names a tag or digest; drop it or this selector field',
          {
            key: true,
          },
        );
      }
      if (src.tag !== undefined) out.tags = [src.tag];
      if (src.digest !== undefined) out.digests = [src.digest];
    }
    for (const problem of validateSelector(out)) {
      const m = /^([A-Za-z.]+)(?:\[(\d+)\])?: (.*)$/s.exec(problem);
      if (!m) {
        this.#err(at, problem);
        continue;
      }
      const field: (string | number)[] = (m[1] ?? '').split('.');
      if (m[2] !== undefined && !(field[0] === 'glob' && globIsString)) field.push(Number(m[2]));
      this.#err([...at, ...field], m[3] ?? problem);
    }
    return out;
  }

  #verify(v: R, at: FieldPath, defaults: MirrorDefaults): VerifySpec | undefined {
    const ids: VerifySpec['matchOIDCIdentity'] = [];
    const raw = list(v, 'matchOIDCIdentity');
    const key = obj(v, 'publicKey');
    if (raw.length === 0 && !key) {
      const where = v.matchOIDCIdentity === undefined ? at : [...at, 'matchOIDCIdentity'];
      this.#err(where, 'cosign verification needs at least one `matchOIDCIdentity` entry (or a `publicKey`)');
    }
    raw.forEach((id, i) => {
      const issuer = str(id as R, 'issuer') ?? '';
      const subject = str(id as R, 'subject') ?? '';
      const ip = [...at, 'matchOIDCIdentity', i];
      if (!/^https?:\/\/[^\s/]+/.test(issuer))
        this.#err([...ip, 'issuer'], `\`${issuer}\` is not an issuer URL`);
      if (subject === '') this.#err([...ip, 'subject'], 'must not be empty');
      else {
        try {
          compileGoRegex(subject);
          if (!/^(?:\(\?[imsU]+\))?(?:\^|\\A)/.test(subject))
            this.#warn(
              [...ip, 'subject'],
              `\`${subject}\` is not anchored: it matches anywhere in the signer identity (as flux mirror does), so \`evil/${subject}\` would pass too`,
              'start it with ^ and end it with $',
            );
        } catch (err) {
          this.#err(
            [...ip, 'subject'],
            `invalid regular expression: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
      }
      ids.push({ issuer, subject });
    });
    const out: VerifySpec = { provider: 'cosign', matchOIDCIdentity: ids };
    if (key) {
      const value = str(key, 'value');
      const fromPath = this.#helpers.path(key, 'fromPath', [...at, 'publicKey', 'fromPath']);
      if ((value === undefined) === (key.fromPath === undefined))
        this.#err([...at, 'publicKey'], 'set exactly one of `fromPath` or `value`');
      else if (value !== undefined && !value.includes('-----BEGIN PUBLIC KEY-----'))
        this.#err([...at, 'publicKey', 'value'], 'not a PEM public key (-----BEGIN PUBLIC KEY-----)');
      out.publicKey = value !== undefined ? { value } : fromPath !== undefined ? { fromPath } : {};
    }
    const root = this.#helpers.path(v, 'trustedRoot', [...at, 'trustedRoot']) ?? defaults.trustedRoot;
    if (root !== undefined) out.trustedRoot = root;
    const minAge = str(v, 'minAge');
    if (minAge !== undefined) {
      const ms = parseGoDuration(minAge);
      if (typeof ms === 'string') this.#err([...at, 'minAge'], ms);
      else {
        out.minAge = minAge;
        out.minAgeMs = ms;
      }
    }
    return out;
  }

  #uniqueNames(artifacts: ArtifactEntry[], data: R): void {
    const raw = list(data, 'artifacts');
    const explicit = new Map<string, number>();
    artifacts.forEach((a, i) => {
      if (str(raw[i] as R, 'name') === undefined) return;
      const prev = explicit.get(a.name);
      if (prev !== undefined) {
        this.#err(['artifacts', i, 'name'], `duplicate entry name \`${a.name}\` (also artifacts[${prev}])`);
      } else explicit.set(a.name, i);
    });
    // Implicit names (the source) may repeat: flux mirror fans out by repeating the source.
    // Make them unique by naming the destination too.
    const count = new Map<string, number>();
    for (const a of artifacts) count.set(a.name, (count.get(a.name) ?? 0) + 1);
    artifacts.forEach((a, i) => {
      if (str(raw[i] as R, 'name') !== undefined) return;
      if ((count.get(a.name) ?? 0) > 1) a.name = `${a.name} → ${a.destinations.join(', ')}`;
    });
  }

  // ---------------------------------------------------------------- charts

  #chart(c: R, at: FieldPath, defaults: MirrorDefaults): ChartEntry {
    const flux = this.#rules.flux;
    const name = str(c, 'name') ?? '';
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(name)) {
      this.#err([...at, 'name'], `\`${name}\` is not a valid chart name (lowercase letters, digits, . _ -)`);
    }
    const source = str(c, 'source') ?? '';
    let localPath: string | undefined;
    if (/^https?:\/\//.test(source)) {
      try {
        const u = new URL(source);
        if (u.host === '') throw new Error('no host');
      } catch {
        this.#err([...at, 'source'], `\`${source}\` is not a valid URL`);
      }
    } else if (/^oci:\/\//.test(source)) {
      if (flux) {
        this.#err([...at, 'source'], 'flux mirror charts come from HTTP/S repositories', {
          hint: 'mirror an OCI chart as an entry under `artifacts`',
        });
      } else this.#ref(source.slice('oci://'.length), [...at, 'source'], { allowTag: false });
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || flux) {
      this.#err(
        [...at, 'source'],
        `\`${source}\` must be an http:// or https:// repository URL${flux ? '' : ', oci:// URL or local directory'}`,
      );
    } else {
      const p = confinePath(source, this.#ctx.dir);
      if (typeof p === 'string') this.#err([...at, 'source'], p);
      else localPath = p.path;
    }
    let destination = str(c, 'destination');
    if (destination === undefined && defaults.destination !== undefined)
      destination = `oci://${defaults.destination}`;
    let repository = '';
    if (destination === undefined) {
      this.#err(at, 'no destination: set `destination` or `defaults.destination`');
    } else if (!destination.startsWith('oci://')) {
      this.#err([...at, 'destination'], `\`${destination}\` must be an oci:// URL`, {
        hint: `oci://${destination}`,
      });
    } else {
      const base = destination.slice('oci://'.length).replace(/\/+$/, '');
      const r = this.#ref(base, [...at, 'destination'], { allowTag: false });
      if (r) repository = `${base}/${name}`;
    }
    const version = str(c, 'version') ?? '*';
    const vr = checkSemverRange(version);
    if (vr !== undefined) this.#err([...at, 'version'], vr, { hint: 'e.g. ">=15.0.0 <16", "6.x", "*"' });
    const entry: ChartEntry = {
      name,
      source,
      destination: destination ?? '',
      repository,
      version,
      limit: num(c, 'limit') ?? 1,
      overwrite: bool(c, 'overwrite') ?? defaults.overwrite,
      position: this.#pos(at),
    };
    if (localPath !== undefined) entry.localPath = localPath;
    const images = obj(c, 'images');
    if (images) {
      const discover = bool(images, 'discover') ?? true;
      const imgDest = str(images, 'destination') ?? defaults.destination;
      const img: NonNullable<ChartEntry['images']> = { discover };
      const imageReferrers = bool(images, 'includeReferrers');
      if (imageReferrers !== undefined) img.includeReferrers = imageReferrers;
      const values = obj(images, 'values');
      if (values) img.values = values;
      const files = images.valuesFiles;
      if (Array.isArray(files)) {
        img.valuesFiles = [];
        files.forEach((f, j) => {
          const r = confinePath(String(f), this.#ctx.dir);
          if (typeof r === 'string') this.#err([...at, 'images', 'valuesFiles', j], r);
          else img.valuesFiles?.push(r.path);
        });
      }
      const set = obj(images, 'set');
      if (set) img.set = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, String(v)]));
      const kubeVersion = str(images, 'kubeVersion');
      if (kubeVersion !== undefined) img.kubeVersion = kubeVersion;
      if (Array.isArray(images.apiVersions)) img.apiVersions = images.apiVersions.map(String);
      const prefix = str(images, 'prefix');
      if (prefix !== undefined) img.prefix = prefix.replace(/^\/+|\/+$/g, '');
      if (imgDest !== undefined) {
        if (str(images, 'destination') !== undefined) {
          this.#ref(imgDest.replace(/\/+$/, ''), [...at, 'images', 'destination'], { allowTag: false });
        }
        img.destination = imgDest.replace(/\/+$/, '');
      } else if (discover) {
        this.#err(
          [...at, 'images'],
          'discovered images need a destination: set `images.destination` or `defaults.destination`',
        );
      }
      entry.images = img;
    }
    return entry;
  }

  #duplicateCharts(charts: ChartEntry[]): void {
    const seen = new Map<string, number>();
    charts.forEach((c, i) => {
      if (!c.repository) return;
      const key = `${c.source}\n${c.repository}`;
      const prev = seen.get(key);
      if (prev !== undefined)
        this.#err(['charts', i], `duplicate chart entry: same source and destination as charts[${prev}]`);
      else seen.set(key, i);
    });
  }

  // ---------------------------------------------------------------- hosts

  #host(h: R, at: FieldPath): HostEntry {
    const host = str(h, 'host') ?? '';
    const bad = checkHost(host);
    if (bad) this.#err([...at, 'host'], bad);
    const entry: HostEntry = { host: host.toLowerCase(), position: this.#pos(at) };

    const provider = str(h, 'provider');
    const cloud = provider !== undefined && provider !== 'generic';
    if (cloud) entry.provider = provider;
    const cred = obj(h, 'credential');
    const tls = obj(h, 'tls');
    if (cloud && cred)
      this.#err(
        [...at, 'credential'],
        `a cloud provider (\`${provider}\`) and a credential are mutually exclusive`,
        { key: true },
      );
    if (cloud && tls) {
      this.#err([...at, 'tls'], `\`tls\` is not allowed with a cloud provider (\`${provider}\`)`, {
        key: true,
      });
    }

    // Username: top level in v1beta1 and ours, under credential in v1beta2.
    const username = this.#rules.usernameUnderCredential ? str(cred, 'username') : str(h, 'username');
    if (username !== undefined) {
      entry.username = username;
      if (!cred && !cloud) {
        this.#err([...at, 'username'], 'a username needs a `credential` to go with it', { key: true });
      }
    }
    if (cred) {
      const c = this.#credential(cred, [...at, 'credential']);
      if (c) entry.credential = c;
    }
    if (tls) {
      entry.tls = this.#rules.tls(tls, [...at, 'tls'], this.#helpers);
    }
    const chunk = num(h, 'maxChunkSize');
    if (chunk !== undefined) entry.maxChunkSize = chunk * 1024;

    this.#rules.hostExtras(h, at, entry, this.#helpers);
    return entry;
  }

  #credential(c: R, at: FieldPath): HostCredential | undefined {
    const names = this.#rules.credentialNames;
    const sources = ['provider', 'value', 'fromPath', 'jwkPath', 'jwkValue'].filter(
      (k) => c[k] !== undefined && c[k] !== '',
    );
    if (sources.length !== 1) {
      this.#err(
        sources.length > 1 ? [...at, sources[1] ?? ''] : at,
        sources.length > 1
          ? `set only one credential source, found ${sources.map((s) => `\`${s}\``).join(' and ')}`
          : 'the credential needs one source: `value`, `fromPath`, `jwkPath`, `jwkValue` or `provider`',
        { key: sources.length > 1 },
      );
    }
    const out: HostCredential = {};
    const provider = str(c, 'provider');
    if (provider !== undefined) out.provider = provider === 'jwt-svid' ? 'spiffe' : provider;
    const value = str(c, 'value');
    if (value !== undefined) {
      out.value = value;
      if (value) this.#ctx.secrets.add(value);
    }
    const jwkValue = str(c, 'jwkValue');
    if (jwkValue !== undefined) {
      out.jwkValue = jwkValue;
      if (jwkValue) this.#ctx.secrets.add(jwkValue);
    }
    for (const k of ['fromPath', 'jwkPath'] as const) {
      const p = str(c, k);
      if (p === undefined) continue;
      const r = confinePath(p, this.#ctx.dir);
      if (typeof r === 'string') this.#err([...at, k], r);
      else out[k] = r.path;
    }
    const jwk = out.jwkPath !== undefined || out.jwkValue !== undefined || c.jwkPath !== undefined;
    const issuer = str(c, names.issuer);
    const subject = str(c, names.subject);
    if (jwk) {
      if (!issuer) this.#err([...at, names.issuer], `\`${names.issuer}\` is required with jwkPath/jwkValue`);
      if (!subject)
        this.#err([...at, names.subject], `\`${names.subject}\` is required with jwkPath/jwkValue`);
    } else {
      if (issuer !== undefined)
        this.#err([...at, names.issuer], `\`${names.issuer}\` is only allowed with jwkPath/jwkValue`, {
          key: true,
        });
      if (subject !== undefined)
        this.#err([...at, names.subject], `\`${names.subject}\` is only allowed with jwkPath/jwkValue`, {
          key: true,
        });
    }
    if (issuer !== undefined) out.issuer = issuer;
    if (subject !== undefined) out.subject = subject;
    const audiences = [
      ...(names.audience && str(c, names.audience) !== undefined ? [str(c, names.audience) as string] : []),
      ...((names.audiences && strList(c, names.audiences)) || []),
    ];
    if (audiences.length > 0) {
      const audKey = names.audience && c[names.audience] !== undefined ? names.audience : names.audiences;
      if (!jwk && provider === undefined) {
        this.#err([...at, audKey], `\`${audKey}\` is only allowed with jwkPath, jwkValue or provider`, {
          key: true,
        });
      }
      if ((provider === 'gcp' || provider === 'azure') && audiences.length > 1) {
        this.#err([...at, audKey], `the ${provider} provider takes a single audience`);
      }
      out.audience = audiences[0] as string;
      out.audiences = audiences;
    }
    const exp = str(c, names.expiration);
    if (exp !== undefined) {
      if (!jwk)
        this.#err(
          [...at, names.expiration],
          `\`${names.expiration}\` is only allowed with jwkPath/jwkValue`,
          { key: true },
        );
      const ms = parseGoDuration(exp);
      if (typeof ms === 'string') this.#err([...at, names.expiration], ms);
      else if (ms <= 0) this.#err([...at, names.expiration], 'must be greater than zero');
      out.expiration = exp;
    }
    const envelope = str(c, 'envelope');
    if (envelope !== undefined) out.envelope = envelope;
    return out;
  }

  #duplicateHosts(hosts: HostEntry[]): void {
    const seen = new Map<string, number>();
    hosts.forEach((h, i) => {
      if (!h.host) return;
      const prev = seen.get(h.host);
      if (prev !== undefined)
        this.#err(['hosts', i, 'host'], `host \`${h.host}\` is already configured in hosts[${prev}]`);
      else seen.set(h.host, i);
    });
  }
}

/** `host/repo[:tag][@digest]` → `host/repo`. */
export function stripTagDigest(ref: string): string {
  const noDigest = ref.split('@')[0] ?? ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
