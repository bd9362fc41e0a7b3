/**
 * Tag digest listings: registries' own bulk APIs that give the digest of many tags per request
 * (Docker Hub's repository tags API, Quay's tag API, GHCR through the GitHub Packages API,
 * Harbor's artifacts API), so that planning need not HEAD every source
 * tag. A listing is only ever a hint: planning trusts it for one conclusion alone — "the
 * destination already holds the digest the listing gives for the source tag", i.e. a skip — and
 * confirms with the registry itself before any other outcome (copy, overwrite, drift). A stale
 * listing can therefore delay a copy to a later run, never cause a wrong write or a false drift.
 *
 * Any trouble with a listing (no access, unknown repository, rate limited, unexpected answer)
 * means "no listing": planning falls back to one HEAD per tag, and says so in the log.
 */
import { registerSecret } from '../secrets.js';
import type { Repository } from './reference.js';
import type { Transport } from './transport.js';

/** The registry APIs we can list tag digests with. */
export type ListingApi = 'dockerhub' | 'quay' | 'ghcr' | 'harbor' | 'gar';

export const LISTING_APIS: readonly ListingApi[] = ['dockerhub', 'quay', 'ghcr', 'harbor', 'gar'];

/** Where a registry host's listing API is, and which it is. */
export interface ListingEndpoint {
  api: ListingApi;
  /** Base URL of the API, e.g. `https://hub.docker.com`. */
  url: string;
  /** Google Artifact Registry: the location, when the host name does not say (`{location}-docker.pkg.dev`). */
  location?: string;
}

const GAR_HOST = /^([a-z0-9-]+)-docker\.pkg\.dev$/;

/** The listing API of well-known registry hosts. */
export function defaultListingEndpoint(registry: string): ListingEndpoint | undefined {
  if (registry === 'docker.io') return { api: 'dockerhub', url: 'https://hub.docker.com' };
  if (registry === 'quay.io') return { api: 'quay', url: 'https://quay.io' };
  if (registry === 'ghcr.io') return { api: 'ghcr', url: 'https://api.github.com' };
  if (GAR_HOST.test(registry)) return { api: 'gar', url: 'https://artifactregistry.googleapis.com' };
  return undefined;
}

/** Digests by tag of one repository; undefined when the listing cannot be used. */
export type TagDigests = Map<string, string>;

export interface ListingResult {
  digests?: TagDigests;
  /** API requests made. */
  requests: number;
  /** Why there is no listing (for the log). */
  unavailable?: string;
}

/** A listing API client for one registry host. */
export interface TagDigestListing {
  list(repo: Repository): Promise<ListingResult>;
}

/** What authorises a listing: the registry host's own credentials (see auth/credentials.ts). */
export interface ListingCredential {
  username?: string;
  password?: string;
  registryToken?: string;
}

/** A tag → digest entry worth keeping (a well-formed digest). */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** An answer that means "no listing". */
class ListingUnavailable extends Error {}

const MAX_PAGES = 1000;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

interface Ctx {
  transport: Transport;
  endpoint: ListingEndpoint;
  /** The registry host the listing describes. */
  registry: string;
  /** Credentials of the registry host the listing describes. */
  credential: () => Promise<ListingCredential | undefined>;
}

async function getJson(
  ctx: Ctx,
  url: string,
  headers: Record<string, string>,
  init: { method?: string; body?: string } = {},
): Promise<unknown> {
  return (await getPage(ctx, url, headers, init)).body;
}

/** One JSON answer and its `Link: <…>; rel="next"` target, if any. */
async function getPage(
  ctx: Ctx,
  url: string,
  headers: Record<string, string>,
  init: { method?: string; body?: string } = {},
): Promise<{ body: unknown; next?: string }> {
  const res = await ctx.transport.request({
    method: init.method ?? 'GET',
    url,
    headers: { accept: 'application/json', ...headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  if (res.status !== 200) {
    await res.body.dump();
    throw new ListingUnavailable(`${init.method ?? 'GET'} ${new URL(url).pathname}: HTTP ${res.status}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await res.body.text());
  } catch {
    throw new ListingUnavailable(`${new URL(url).pathname}: not JSON`);
  }
  const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.header('link') ?? '')?.[1];
  return next !== undefined ? { body, next } : { body };
}

/** Follow a `next` link only to the API's own origin. */
function sameOrigin(base: string, next: string): string {
  const u = new URL(next, base);
  if (u.origin !== new URL(base).origin)
    throw new ListingUnavailable(`next page on another origin (${u.origin})`);
  return u.toString();
}

/**
 * Docker Hub: `GET /v2/namespaces/{ns}/repositories/{repo}/tags?page_size=100`, following `next`;
 * each result's `digest` is the tag's manifest (or index) digest. With a username and password
 * (or personal access token) for docker.io, a JWT from `POST /v2/users/login` authorises private
 * repositories; without, public repositories are listed anonymously.
 */
async function dockerHub(ctx: Ctx, repo: Repository, count: () => void): Promise<TagDigests> {
  const parts = repo.repository.split('/');
  if (parts.length !== 2) throw new ListingUnavailable(`${repo.repository}: not namespace/name`);
  const [ns, name] = parts as [string, string];
  const base = ctx.endpoint.url.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  const cred = await ctx.credential();
  if (cred?.username && cred.password) {
    count();
    const login = (await getJson(
      ctx,
      `${base}/v2/users/login`,
      { 'content-type': 'application/json' },
      { method: 'POST', body: JSON.stringify({ username: cred.username, password: cred.password }) },
    )) as { token?: unknown };
    if (typeof login.token !== 'string') throw new ListingUnavailable('login: no token');
    registerSecret(login.token);
    headers.authorization = `Bearer ${login.token}`;
  }
  const out: TagDigests = new Map();
  let url: string | null =
    `${base}/v2/namespaces/${encodeURIComponent(ns)}/repositories/${encodeURIComponent(name)}/tags?page_size=100`;
  for (let page = 0; url !== null; page++) {
    if (page >= MAX_PAGES) throw new ListingUnavailable('too many pages');
    count();
    const body = (await getJson(ctx, url, headers)) as { next?: unknown; results?: unknown };
    if (!Array.isArray(body.results)) throw new ListingUnavailable('tags: no results');
    for (const r of body.results as { name?: unknown; digest?: unknown }[])
      if (typeof r.name === 'string' && typeof r.digest === 'string' && DIGEST.test(r.digest))
        out.set(r.name, r.digest);
    url = typeof body.next === 'string' && body.next !== '' ? sameOrigin(base, body.next) : null;
  }
  return out;
}

/**
 * Quay: `GET /api/v1/repository/{ns}/{repo}/tag/?onlyActiveTags=true&limit=100&page=N` while
 * `has_additional`; each tag's `manifest_digest`. A credential without a username is used as the
 * OAuth bearer token (a robot's password is not one: robots list public repositories anonymously).
 */
async function quay(ctx: Ctx, repo: Repository, count: () => void): Promise<TagDigests> {
  const base = ctx.endpoint.url.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  const cred = await ctx.credential();
  const token = cred?.registryToken ?? (cred?.username === undefined ? cred?.password : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  const out: TagDigests = new Map();
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) throw new ListingUnavailable('too many pages');
    count();
    const body = (await getJson(
      ctx,
      `${base}/api/v1/repository/${repo.repository}/tag/?onlyActiveTags=true&limit=100&page=${page}`,
      headers,
    )) as { tags?: unknown; has_additional?: unknown };
    if (!Array.isArray(body.tags)) throw new ListingUnavailable('tag: no tags');
    for (const t of body.tags as { name?: unknown; manifest_digest?: unknown }[])
      if (
        typeof t.name === 'string' &&
        typeof t.manifest_digest === 'string' &&
        DIGEST.test(t.manifest_digest)
      )
        out.set(t.name, t.manifest_digest);
    if (body.has_additional !== true) return out;
  }
}

/**
 * GHCR, through the GitHub Packages API: `GET /orgs/{owner}/packages/container/{package}/versions`
 * (or `/users/{owner}/…` when the owner is not an organisation: a 404 there), `per_page=100`,
 * following `Link: rel="next"`. A version's `name` is the manifest (or index) digest and
 * `metadata.container.tags` its tags. The API needs a token with `read:packages`: the ghcr.io
 * credential's password (a PAT; the Actions `GITHUB_TOKEN` only for packages of its repository).
 */
async function ghcr(ctx: Ctx, repo: Repository, count: () => void): Promise<TagDigests> {
  const slash = repo.repository.indexOf('/');
  if (slash < 0) throw new ListingUnavailable(`${repo.repository}: not owner/package`);
  const owner = repo.repository.slice(0, slash);
  const pkg = encodeURIComponent(repo.repository.slice(slash + 1));
  const cred = await ctx.credential();
  const token = cred?.registryToken ?? cred?.password;
  if (!token) throw new ListingUnavailable('no token for the GitHub Packages API');
  const base = ctx.endpoint.url.replace(/\/+$/, '');
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
  };
  for (const kind of ['orgs', 'users']) {
    const out: TagDigests = new Map();
    let url: string | undefined =
      `${base}/${kind}/${encodeURIComponent(owner)}/packages/container/${pkg}/versions?per_page=100`;
    try {
      for (let page = 0; url !== undefined; page++) {
        if (page >= MAX_PAGES) throw new ListingUnavailable('too many pages');
        count();
        const got = await getPage(ctx, url, headers);
        if (!Array.isArray(got.body)) throw new ListingUnavailable('versions: not a list');
        for (const v of got.body as { name?: unknown; metadata?: { container?: { tags?: unknown } } }[]) {
          const tags = v.metadata?.container?.tags;
          if (typeof v.name !== 'string' || !DIGEST.test(v.name) || !Array.isArray(tags)) continue;
          for (const t of tags) if (typeof t === 'string') out.set(t, v.name);
        }
        url = got.next !== undefined ? sameOrigin(base, got.next) : undefined;
      }
      return out;
    } catch (err) {
      // Not an organisation: the same package under a user.
      if (kind === 'orgs' && err instanceof ListingUnavailable && / HTTP 404$/.test(err.message)) continue;
      throw err;
    }
  }
  throw new ListingUnavailable('unreachable');
}

/**
 * Harbor: `GET /api/v2.0/projects/{project}/repositories/{repo}/artifacts?with_tag=true&page_size=100`
 * (the repository name below the project URL-encoded twice, as Harbor wants), following
 * `Link: rel="next"`; each artifact's `digest` and `tags[].name`. Basic auth with the host's
 * username and password (a robot account with pull access will do); anonymous for public projects.
 */
async function harbor(ctx: Ctx, repo: Repository, count: () => void): Promise<TagDigests> {
  const slash = repo.repository.indexOf('/');
  if (slash < 0) throw new ListingUnavailable(`${repo.repository}: not project/repository`);
  const project = encodeURIComponent(repo.repository.slice(0, slash));
  const name = encodeURIComponent(encodeURIComponent(repo.repository.slice(slash + 1)));
  const base = ctx.endpoint.url.replace(/\/+$/, '');
  const cred = await ctx.credential();
  const headers: Record<string, string> = {};
  if (cred?.username && cred.password)
    headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
  const out: TagDigests = new Map();
  let url: string | undefined =
    `${base}/api/v2.0/projects/${project}/repositories/${name}/artifacts?with_tag=true&page_size=100&page=1`;
  for (let page = 0; url !== undefined; page++) {
    if (page >= MAX_PAGES) throw new ListingUnavailable('too many pages');
    count();
    const got = await getPage(ctx, url, headers);
    if (!Array.isArray(got.body)) throw new ListingUnavailable('artifacts: not a list');
    for (const a of got.body as { digest?: unknown; tags?: unknown }[]) {
      if (typeof a.digest !== 'string' || !DIGEST.test(a.digest) || !Array.isArray(a.tags)) continue;
      for (const t of a.tags as { name?: unknown }[])
        if (typeof t?.name === 'string') out.set(t.name, a.digest);
    }
    url = got.next !== undefined ? sameOrigin(base, got.next) : undefined;
  }
  return out;
}

/**
 * Google Artifact Registry: `GET /v1/projects/{project}/locations/{location}/repositories/{repo}/
 * packages/{package}/tags?pageSize=1000`, following `nextPageToken`; each tag's `version` ends in
 * `/versions/{digest}`. The repository path is `{project}/{repo}/{package…}` (the package
 * URL-encoded, `/` as `%2F`); the location comes from the host (`{location}-docker.pkg.dev`) or
 * the listing's `location`. Authorised by the host's OAuth access token (the `oauth2accesstoken`
 * password the gcp provider gives, or a bearer token); a JSON key cannot be used (no listing).
 */
async function gar(ctx: Ctx, repo: Repository, count: () => void): Promise<TagDigests> {
  const location = ctx.endpoint.location ?? GAR_HOST.exec(ctx.registry)?.[1];
  if (!location) throw new ListingUnavailable(`no location for ${ctx.registry}`);
  const [project, repository, ...rest] = repo.repository.split('/');
  if (!project || !repository || rest.length === 0)
    throw new ListingUnavailable(`${repo.repository}: not project/repository/package`);
  const cred = await ctx.credential();
  const token =
    cred?.registryToken ??
    (cred?.username === 'oauth2accesstoken' || cred?.username === undefined ? cred?.password : undefined);
  if (!token) throw new ListingUnavailable('no OAuth access token for the Artifact Registry API');
  const base = ctx.endpoint.url.replace(/\/+$/, '');
  const path = `${base}/v1/projects/${encodeURIComponent(project)}/locations/${encodeURIComponent(location)}/repositories/${encodeURIComponent(repository)}/packages/${encodeURIComponent(rest.join('/'))}/tags`;
  const out: TagDigests = new Map();
  let pageToken: string | undefined;
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw new ListingUnavailable('too many pages');
    count();
    const q = new URLSearchParams({ pageSize: '1000', ...(pageToken ? { pageToken } : {}) });
    const body = (await getJson(ctx, `${path}?${q}`, { authorization: `Bearer ${token}` })) as {
      tags?: unknown;
      nextPageToken?: unknown;
    };
    for (const t of Array.isArray(body.tags) ? (body.tags as { name?: unknown; version?: unknown }[]) : []) {
      if (typeof t.name !== 'string' || typeof t.version !== 'string') continue;
      const digest = decodeURIComponent(t.version.slice(t.version.lastIndexOf('/versions/') + 10));
      const tag = decodeURIComponent(t.name.slice(t.name.lastIndexOf('/tags/') + 6));
      if (t.version.includes('/versions/') && t.name.includes('/tags/') && isDigest(digest))
        out.set(tag, digest);
    }
    if (typeof body.nextPageToken !== 'string' || body.nextPageToken === '') return out;
    pageToken = body.nextPageToken;
  }
}

const APIS: Record<ListingApi, (ctx: Ctx, repo: Repository, count: () => void) => Promise<TagDigests>> = {
  dockerhub: dockerHub,
  quay,
  ghcr,
  harbor,
  gar,
};

/**
 * A listing from a function that pages through some API: whatever goes wrong (refused, unknown,
 * rate limited, network) becomes "no listing" with the reason, so planning HEADs instead.
 */
export function guardedListing(
  api: string,
  fn: (repo: Repository, count: () => void) => Promise<TagDigests>,
): TagDigestListing {
  return {
    async list(repo) {
      let requests = 0;
      try {
        const digests = await fn(repo, () => {
          requests++;
        });
        return { digests, requests };
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return { requests, unavailable: `${api} listing of ${repo.repository}: ${why}` };
      }
    },
  };
}

/** A listing for one registry host, authorised with that host's credentials. */
export function createListing(
  transport: Transport,
  endpoint: ListingEndpoint,
  registry: string,
  credentials: (host: string) => Promise<ListingCredential | undefined>,
): TagDigestListing {
  const ctx: Ctx = { transport, endpoint, registry, credential: () => credentials(registry) };
  return guardedListing(endpoint.api, (repo, count) => APIS[endpoint.api](ctx, repo, count));
}
