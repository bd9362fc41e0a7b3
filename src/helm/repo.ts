/**
 * An HTTP/S Helm repository: `index.yaml` (relative and absolute chart `urls`), version selection,
 * chart (and `.prov`) download with the index digest verified. Credentials from `repositories.yaml`
 * go only to the repository's own origin, unless `pass_credentials_all` is set; redirects to another
 * origin drop them too.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { sha256 } from '../oci/digest.js';
import { Agent, request } from '../oci/undici.js';
import { compileRange, parseVersion } from '../select/version.js';
import { RepositoryError } from './errors.js';
import type { RepositorySettings } from './repositories.js';

/** One chart version of an index. */
export interface IndexEntry {
  name: string;
  version: string;
  urls: string[];
  /** sha256 hex of the `.tgz`, as the index lists it. */
  digest?: string;
}

export interface RepoIndex {
  entries: Record<string, IndexEntry[]>;
}

export interface HelmRepoOptions {
  userAgent?: string;
  /** Per request, in ms (default 60 s). */
  timeoutMs?: number;
  /** Largest body accepted, bytes (default 64 MiB). */
  maxBytes?: number;
}

const MAX_REDIRECTS = 10;

function readPem(path: string | undefined, what: string): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new RepositoryError(`cannot read ${what} ${path}`, { cause });
  }
}

export class HelmRepo {
  readonly url: string;
  readonly #base: URL;
  readonly #settings: RepositorySettings | undefined;
  readonly #agent: Agent;
  readonly #options: HelmRepoOptions;

  constructor(url: string, settings?: RepositorySettings, options: HelmRepoOptions = {}) {
    this.url = url.replace(/\/+$/, '');
    this.#base = new URL(`${this.url}/`);
    this.#settings = settings;
    this.#options = options;
    const ca = readPem(settings?.caFile, 'caFile');
    const cert = readPem(settings?.certFile, 'certFile');
    const key = readPem(settings?.keyFile, 'keyFile');
    this.#agent = new Agent({
      connect: {
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
        rejectUnauthorized: settings?.insecureSkipTLSVerify !== true,
      },
    });
  }

  /** Authorization header for `url`, if credentials may go there. */
  #authorization(url: URL): string | undefined {
    const s = this.#settings;
    if (s?.username === undefined && s?.password === undefined) return undefined;
    if (url.origin !== this.#base.origin && !s.passCredentialsAll) return undefined;
    return `Basic ${Buffer.from(`${s.username ?? ''}:${s.password ?? ''}`).toString('base64')}`;
  }

  /** GET a URL; `undefined` on 404 when `optional`. */
  async #get(target: URL, what: string, optional = false): Promise<Buffer | undefined> {
    let url = target;
    let auth = this.#authorization(url);
    const max = this.#options.maxBytes ?? 64 * 1024 * 1024;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers: Record<string, string> = { accept: '*/*' };
      if (auth !== undefined) headers.authorization = auth;
      if (this.#options.userAgent) headers['user-agent'] = this.#options.userAgent;
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(this.#agent, {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers,
          headersTimeout: this.#options.timeoutMs ?? 60_000,
          bodyTimeout: this.#options.timeoutMs ?? 60_000,
        });
      } catch (cause) {
        throw new RepositoryError(`${what}: ${url.origin}${url.pathname}: ${(cause as Error).message}`, {
          cause,
        });
      }
      if ([301, 302, 303, 307, 308].includes(res.statusCode)) {
        await res.body.dump();
        const location = res.headers.location;
        if (typeof location !== 'string') throw new RepositoryError(`${what}: redirect without Location`);
        const next = new URL(location, url);
        if (next.origin !== url.origin) auth = this.#settings?.passCredentialsAll ? auth : undefined;
        url = next;
        continue;
      }
      if (res.statusCode === 404 && optional) {
        await res.body.dump();
        return undefined;
      }
      if (res.statusCode !== 200) {
        await res.body.dump();
        const hint =
          res.statusCode === 401 || res.statusCode === 403
            ? ` (credentials for ${this.url} are read from repositories.yaml)`
            : '';
        throw new RepositoryError(`${what}: ${url.origin}${url.pathname}: HTTP ${res.statusCode}${hint}`, {
          status: res.statusCode,
        });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of res.body) {
        size += (c as Buffer).length;
        if (size > max) {
          res.body.destroy();
          throw new RepositoryError(`${what}: ${url.origin}${url.pathname}: larger than ${max} bytes`);
        }
        chunks.push(c as Buffer);
      }
      return Buffer.concat(chunks);
    }
    throw new RepositoryError(`${what}: more than ${MAX_REDIRECTS} redirects`);
  }

  /** Fetch and parse `index.yaml`. */
  async index(): Promise<RepoIndex> {
    const body = (await this.#get(new URL('index.yaml', this.#base), `index of ${this.url}`)) as Buffer;
    let doc: unknown;
    try {
      // failsafe: every scalar stays a string (a version `1.10` or an all-digit digest keeps its text).
      doc = parseYaml(body.toString('utf8'), { maxAliasCount: -1, schema: 'failsafe' });
    } catch (cause) {
      throw new RepositoryError(`index of ${this.url}: not valid YAML`, { cause });
    }
    const raw = (doc as { entries?: unknown } | null)?.entries;
    if (raw === null || typeof raw !== 'object')
      throw new RepositoryError(`index of ${this.url}: no "entries" (is this a Helm repository?)`);
    const entries: Record<string, IndexEntry[]> = {};
    for (const [name, list] of Object.entries(raw as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      entries[name] = list
        .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
        .map((e) => {
          const entry: IndexEntry = {
            name,
            version: String(e.version ?? ''),
            urls: Array.isArray(e.urls) ? e.urls.map(String) : [],
          };
          if (typeof e.digest === 'string' && e.digest !== '') entry.digest = e.digest;
          return entry;
        });
    }
    return { entries };
  }

  /** Absolute URL of a chart URL from the index (relative ones resolve against the repository URL). */
  resolve(url: string): URL {
    return new URL(url, this.#base);
  }

  /** Download a chart version: the `.tgz` (digest checked against the index) and its `.prov` when served. */
  async download(entry: IndexEntry): Promise<{ tgz: Buffer; prov?: Buffer; url: string }> {
    const first = entry.urls[0];
    if (first === undefined)
      throw new RepositoryError(`${entry.name} ${entry.version}: the index lists no URL`);
    const url = this.resolve(first);
    const what = `download ${entry.name} ${entry.version}`;
    const tgz = (await this.#get(url, what)) as Buffer;
    if (entry.digest !== undefined) {
      const got = sha256(tgz).slice('sha256:'.length);
      if (got !== entry.digest.replace(/^sha256:/, '').toLowerCase())
        throw new RepositoryError(
          `${what}: digest mismatch: the index lists sha256:${entry.digest}, the download has sha256:${got}`,
        );
    }
    const prov = await this.#get(new URL(`${url.pathname}.prov${url.search}`, url), `${what} (.prov)`, true);
    return prov ? { tgz, prov, url: url.href } : { tgz, url: url.href };
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

/** The versions of `name` inside `range`, highest first, at most `limit` (0 = all). */
export function selectVersions(entries: readonly IndexEntry[], range: string, limit: number): IndexEntry[] {
  const r = compileRange(range);
  const picked: { entry: IndexEntry; v: Exclude<ReturnType<typeof parseVersion>, string> }[] = [];
  for (const entry of entries) {
    const v = parseVersion(entry.version);
    if (typeof v === 'string') continue;
    if (v.semver.prerelease.length > 0 && !r.namesPrerelease) continue;
    if (r.test(v)) picked.push({ entry, v });
  }
  picked.sort((a, b) => b.v.semver.compare(a.v.semver));
  const seen = new Set<string>();
  const unique = picked.filter((p) => !seen.has(p.entry.version) && seen.add(p.entry.version) !== undefined);
  return (limit > 0 ? unique.slice(0, limit) : unique).map((p) => p.entry);
}
