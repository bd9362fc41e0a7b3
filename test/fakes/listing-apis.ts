/**
 * Fakes of registries' bulk tag APIs, serving the tags and digests of a real registry's content
 * (a snapshot, refreshed on demand, so a test can make the listing stale):
 * - Docker Hub: `POST /v2/users/login` (JSON `{username, password}` → `{token}`), then
 *   `GET /v2/namespaces/{ns}/repositories/{repo}/tags?page_size=&page=` with `next` links; private
 *   repositories need `Authorization: Bearer <token>` (404 without, as Hub hides them; 401 for a
 *   bad token); `page_size` above the cap is cut to it.
 * - Quay: `GET /api/v1/repository/{ns}/{repo}/tag/?onlyActiveTags=true&limit=&page=` with
 *   `has_additional`; private repositories need the OAuth bearer token (401 otherwise); `limit`
 *   above 100 is a 400, as on quay.io.
 * Both can answer 429 with `Retry-After` for the next N requests.
 */
import { getManifestRaw, listTags, type TestRegistry } from '../harness/index.js';
import { type FakeReply, type FakeServer, startFake } from './server.js';

export interface ListingFake extends FakeServer {
  /** Re-read tags and digests from the registry (until then the listing is stale). */
  refresh(): Promise<void>;
  /** Override one tag's digest in the snapshot (a listing that is wrong). */
  set(repo: string, tag: string, digest: string): void;
  /** Answer 429 to the next `n` listing requests. */
  throttle(n: number): void;
}

async function snapshot(registry: TestRegistry, repos: readonly string[]) {
  const out = new Map<string, Map<string, string>>();
  for (const repo of repos) {
    const tags = new Map<string, string>();
    for (const tag of await listTags({ url: registry.url }, repo)) {
      const m = await getManifestRaw({ url: registry.url }, repo, tag);
      if (m) tags.set(tag, m.digest);
    }
    out.set(repo, tags);
  }
  return out;
}

function throttled(state: { throttle: number }): FakeReply | undefined {
  if (state.throttle <= 0) return undefined;
  state.throttle--;
  return {
    status: 429,
    headers: { 'retry-after': '1', 'x-ratelimit-limit': '180', 'x-ratelimit-remaining': '0' },
    body: { message: 'Too Many Requests' },
  };
}

async function listingFake(
  registry: TestRegistry,
  repos: readonly string[],
  handler: (
    req: Parameters<Parameters<typeof startFake>[0]>[0],
    data: Map<string, Map<string, string>>,
  ) => FakeReply,
): Promise<ListingFake> {
  let data = await snapshot(registry, repos);
  const state = { throttle: 0 };
  const server = await startFake((req) => throttled(state) ?? handler(req, data));
  return {
    ...server,
    async refresh() {
      data = await snapshot(registry, repos);
    },
    set(repo, tag, digest) {
      data.get(repo)?.set(tag, digest);
    },
    throttle(n) {
      state.throttle = n;
    },
  };
}

/** Docker Hub's API for `repos` of `registry`; `private` repositories need a login. */
export async function startFakeDockerHub(opts: {
  registry: TestRegistry;
  repos: readonly string[];
  users: Record<string, string>;
  private?: readonly string[];
  maxPageSize?: number;
}): Promise<ListingFake> {
  const tokens = new Set<string>();
  const cap = opts.maxPageSize ?? 100;
  const fake: ListingFake = await listingFake(opts.registry, opts.repos, (req, data) => {
    if (req.url.pathname === '/v2/users/login') {
      if (req.method !== 'POST') return { status: 405, body: { detail: 'Method not allowed' } };
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return { status: 415, body: { detail: 'Unsupported media type' } };
      let body: { username?: unknown; password?: unknown };
      try {
        body = JSON.parse(req.body);
      } catch {
        return { status: 400, body: { detail: 'JSON parse error' } };
      }
      if (
        typeof body.username !== 'string' ||
        typeof body.password !== 'string' ||
        opts.users[body.username] !== body.password
      )
        return { status: 401, body: { detail: 'Incorrect authentication credentials' } };
      const token = `hub-jwt-${tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      return { status: 200, body: { token } };
    }
    const m = /^\/v2\/namespaces\/([^/]+)\/repositories\/([^/]+)\/tags\/?$/.exec(req.url.pathname);
    if (!m || req.method !== 'GET') return { status: 404, body: { message: 'not found' } };
    const repo = `${decodeURIComponent(m[1] as string)}/${decodeURIComponent(m[2] as string)}`;
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const t = /^Bearer (.+)$/.exec(auth)?.[1];
      if (!t || !tokens.has(t)) return { status: 401, body: { detail: 'Invalid token' } };
    } else if (opts.private?.includes(repo)) {
      return { status: 404, body: { message: 'object not found', errinfo: {} } };
    }
    const tags = data.get(repo);
    if (!tags) return { status: 404, body: { message: 'object not found', errinfo: {} } };
    const size = Math.min(Number(req.url.searchParams.get('page_size') ?? '10') || 10, cap);
    const page = Number(req.url.searchParams.get('page') ?? '1') || 1;
    const all = [...tags].sort(([a], [b]) => (a < b ? -1 : 1));
    const slice = all.slice((page - 1) * size, page * size);
    const link = (p: number) => {
      const u = new URL(req.url.toString());
      u.searchParams.set('page', String(p));
      u.searchParams.set('page_size', String(size));
      return u.toString();
    };
    return {
      status: 200,
      body: {
        count: all.length,
        next: page * size < all.length ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
        results: slice.map(([name, digest]) => ({
          name,
          digest,
          content_type: 'image',
          tag_status: 'active',
          last_updated: '2026-01-01T00:00:00.000000Z',
          images: [],
        })),
      },
    };
  });
  return fake;
}

/** Quay's API for `repos` of `registry`; `private` repositories need `token`. */
export async function startFakeQuay(opts: {
  registry: TestRegistry;
  repos: readonly string[];
  token: string;
  private?: readonly string[];
  /** Serve at most this many tags per page whatever `limit` asks (to exercise paging). */
  maxPageSize?: number;
}): Promise<ListingFake> {
  return listingFake(opts.registry, opts.repos, (req, data) => {
    const m = /^\/api\/v1\/repository\/(.+)\/tag\/$/.exec(req.url.pathname);
    if (!m || req.method !== 'GET') return { status: 404, body: { error_message: 'Not Found' } };
    const repo = m[1] as string;
    const auth = req.headers.authorization;
    if (auth !== undefined && auth !== `Bearer ${opts.token}`)
      return { status: 401, body: { error_message: 'Invalid token', error_type: 'invalid_token' } };
    if (auth === undefined && opts.private?.includes(repo))
      return { status: 401, body: { error_message: 'Unauthorized', error_type: 'invalid_token' } };
    const tags = data.get(repo);
    if (!tags) return { status: 404, body: { error_message: 'Not Found' } };
    if (req.url.searchParams.get('onlyActiveTags') !== 'true')
      return { status: 400, body: { error_message: 'test fake: expected onlyActiveTags=true' } };
    const limit = Number(req.url.searchParams.get('limit') ?? '50');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return { status: 400, body: { error_message: 'Invalid limit', error_type: 'invalid_request' } };
    const page = Number(req.url.searchParams.get('page') ?? '1') || 1;
    const size = Math.min(limit, opts.maxPageSize ?? limit);
    const all = [...tags].sort(([a], [b]) => (a < b ? -1 : 1));
    const slice = all.slice((page - 1) * size, page * size);
    return {
      status: 200,
      body: {
        tags: slice.map(([name, digest]) => ({
          name,
          manifest_digest: digest,
          reversion: false,
          start_ts: 1767225600,
          is_manifest_list: false,
        })),
        page,
        has_additional: page * size < all.length,
      },
    };
  });
}

/** The child manifests of each tagged index (GHCR lists them as untagged versions). */
async function childDigests(
  registry: TestRegistry,
  repos: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const repo of repos) {
    const children: string[] = [];
    for (const tag of await listTags({ url: registry.url }, repo)) {
      const m = await getManifestRaw({ url: registry.url }, repo, tag);
      const parsed = m ? (JSON.parse(m.bytes.toString('utf8')) as { manifests?: { digest: string }[] }) : {};
      for (const c of parsed.manifests ?? []) if (!children.includes(c.digest)) children.push(c.digest);
    }
    out.set(repo, children);
  }
  return out;
}

/** `Link` as GitHub and Harbor send it: `<url>; rel="next", <url>; rel="last"`. */
function linkHeader(url: URL, page: number, pages: number, param: string): Record<string, string> {
  const at = (p: number) => {
    const u = new URL(url.toString());
    u.searchParams.set(param, String(p));
    return u;
  };
  const links: string[] = [];
  if (page < pages) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(pages)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
  return links.length > 0 ? { link: links.join(', ') } : {};
}

/**
 * The GitHub Packages API for container packages (ghcr.io) of `registry`'s `repos`, named
 * `owner/package…`: `GET /orgs|users/{owner}/packages/container/{package}/versions` (the package
 * name URL-encoded, `/` as `%2F`), one version per digest (`name`) with
 * `metadata.container.tags`, platform manifests as untagged versions; `per_page` (max 100) and
 * `page` with a `Link` header. A bearer token is required (401 without or unknown), and it needs
 * the `read:packages` scope (403 otherwise); an owner asked under the wrong kind is a 404.
 */
export async function startFakeGitHubPackages(opts: {
  registry: TestRegistry;
  repos: readonly string[];
  /** token → its scopes */
  tokens: Record<string, string[]>;
  /** Owners that are organisations (the rest are users). */
  orgs: readonly string[];
  maxPageSize?: number;
}): Promise<ListingFake> {
  const children = await childDigests(opts.registry, opts.repos);
  return listingFake(opts.registry, opts.repos, (req, data) => {
    const auth = req.headers.authorization;
    const token = /^(?:Bearer|token) (.+)$/.exec(auth ?? '')?.[1];
    if (!token)
      return {
        status: 401,
        body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' },
      };
    const scopes = opts.tokens[token];
    if (!scopes)
      return {
        status: 401,
        body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
      };
    if (!scopes.includes('read:packages'))
      return {
        status: 403,
        headers: { 'x-accepted-oauth-scopes': 'read:packages', 'x-oauth-scopes': scopes.join(', ') },
        body: { message: 'You need at least read:packages scope to list packages.' },
      };
    const m = /^\/(orgs|users)\/([^/]+)\/packages\/container\/([^/]+)\/versions$/.exec(req.url.pathname);
    if (!m || req.method !== 'GET') return { status: 404, body: { message: 'Not Found' } };
    const [, kind, owner = '', pkg = ''] = m;
    if ((kind === 'orgs') !== opts.orgs.includes(owner))
      return { status: 404, body: { message: 'Not Found' } };
    const repo = `${owner}/${decodeURIComponent(pkg)}`;
    const tags = data.get(repo);
    if (!tags) return { status: 404, body: { message: 'Package not found.' } };
    const byDigest = new Map<string, string[]>();
    for (const [tag, digest] of tags) byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
    for (const c of children.get(repo) ?? []) if (!byDigest.has(c)) byDigest.set(c, []);
    const versions = [...byDigest].map(([digest, t], i) => ({
      id: 1000 + i,
      name: digest,
      url: `https://api.github.com/${kind}/${owner}/packages/container/${pkg}/versions/${1000 + i}`,
      package_html_url: `https://github.com/${owner}/packages/container/package/${pkg}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      metadata: { package_type: 'container', container: { tags: t.sort() } },
    }));
    const perPage = Math.min(
      Number(req.url.searchParams.get('per_page') ?? '30') || 30,
      100,
      opts.maxPageSize ?? 100,
    );
    const page = Number(req.url.searchParams.get('page') ?? '1') || 1;
    const pages = Math.max(1, Math.ceil(versions.length / perPage));
    return {
      status: 200,
      headers: linkHeader(req.url, page, pages, 'page'),
      body: versions.slice((page - 1) * perPage, page * perPage),
    };
  });
}

/**
 * Harbor's v2.0 API for `registry`'s `repos`, named `project/repository…`:
 * `GET /api/v2.0/projects/{project}/repositories/{repository}/artifacts` (the repository URL-encoded
 * twice, as Harbor wants: `a%252Fb`), one artifact per digest with `tags[]`, `page`/`page_size`
 * (max 100), `X-Total-Count` and a relative `Link`. Basic auth; a private project answers 401 to
 * anonymous and wrong credentials, an unknown repository 404; errors in Harbor's `{errors:[…]}` shape.
 */
export async function startFakeHarbor(opts: {
  registry: TestRegistry;
  repos: readonly string[];
  users: Record<string, string>;
  private?: readonly string[];
  maxPageSize?: number;
}): Promise<ListingFake> {
  const harborError = (status: number, code: string, message: string): FakeReply => ({
    status,
    body: { errors: [{ code, message }] },
  });
  return listingFake(opts.registry, opts.repos, (req, data) => {
    const m = /^\/api\/v2\.0\/projects\/([^/]+)\/repositories\/([^/]+)\/artifacts$/.exec(req.url.pathname);
    if (!m || req.method !== 'GET') return harborError(404, 'NOT_FOUND', 'not found');
    const project = decodeURIComponent(m[1] as string);
    const name = decodeURIComponent(decodeURIComponent(m[2] as string));
    if (name.includes('/') && !(m[2] as string).includes('%252F'))
      return harborError(404, 'NOT_FOUND', 'repository name must be URL-encoded twice');
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const basic = /^Basic (.+)$/.exec(auth)?.[1];
      const [user, ...rest] = Buffer.from(basic ?? '', 'base64')
        .toString('utf8')
        .split(':');
      if (!basic || !user || opts.users[user] !== rest.join(':'))
        return harborError(401, 'UNAUTHORIZED', 'unauthorized');
    } else if (opts.private?.includes(project)) {
      return harborError(401, 'UNAUTHORIZED', 'unauthorized');
    }
    const repo = `${project}/${name}`;
    const tags = data.get(repo);
    if (!tags) return harborError(404, 'NOT_FOUND', `repository ${repo} not found`);
    const size = Number(req.url.searchParams.get('page_size') ?? '10');
    if (!Number.isInteger(size) || size < 1 || size > 100)
      return harborError(400, 'BAD_REQUEST', 'page_size must be between 1 and 100');
    const perPage = Math.min(size, opts.maxPageSize ?? 100);
    const page = Number(req.url.searchParams.get('page') ?? '1') || 1;
    const byDigest = new Map<string, string[]>();
    for (const [tag, digest] of tags) byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
    const artifacts = [...byDigest].map(([digest, t], i) => ({
      id: 500 + i,
      type: 'IMAGE',
      digest,
      media_type: 'application/vnd.oci.image.config.v1+json',
      manifest_media_type: 'application/vnd.oci.image.index.v1+json',
      project_id: 1,
      repository_id: 1,
      push_time: '2026-01-01T00:00:00.000Z',
      tags: t
        .sort()
        .map((tag, j) => ({ id: 9000 + i * 100 + j, name: tag, immutable: false, signed: false })),
    }));
    const pages = Math.max(1, Math.ceil(artifacts.length / perPage));
    const relative = new URL(`${req.url.pathname}${req.url.search}`, 'http://x');
    const link = linkHeader(relative, page, pages, 'page');
    // Harbor's Link targets are relative to the server.
    if (link.link) link.link = link.link.replace(/http:\/\/x/g, '');
    return {
      status: 200,
      headers: { 'x-total-count': String(artifacts.length), ...link },
      body: artifacts.slice((page - 1) * perPage, page * perPage),
    };
  });
}

/**
 * Google Artifact Registry's tags API for `registry`'s `repos`, named `project/repository/package…`:
 * `GET /v1/projects/{p}/locations/{l}/repositories/{r}/packages/{package}/tags` (the package
 * URL-encoded, `/` as `%2F`), `pageSize`/`pageToken` with `nextPageToken`; each tag
 * `{name: …/tags/{tag}, version: …/versions/{digest}}`. A bearer token is required (401
 * UNAUTHENTICATED), it needs `artifactregistry.tags.list` (403 PERMISSION_DENIED), and another
 * location or an unknown package is a 404 NOT_FOUND; errors in Google's `{error:{code,message,status}}` shape.
 */
export async function startFakeArtifactRegistry(opts: {
  registry: TestRegistry;
  repos: readonly string[];
  location: string;
  /** token → may list tags */
  tokens: Record<string, boolean>;
  maxPageSize?: number;
}): Promise<ListingFake> {
  const googleError = (code: number, status: string, message: string): FakeReply => ({
    status: code,
    body: { error: { code, message, status } },
  });
  return listingFake(opts.registry, opts.repos, (req, data) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !(token in opts.tokens))
      return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    const m =
      /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/repositories\/([^/]+)\/packages\/([^/]+)\/tags$/.exec(
        req.url.pathname,
      );
    if (!m || req.method !== 'GET') return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
    const [, project = '', location = '', repository = '', pkg = ''] = m;
    const parent = `projects/${project}/locations/${location}/repositories/${repository}/packages/${pkg}`;
    if (!opts.tokens[token])
      return googleError(
        403,
        'PERMISSION_DENIED',
        `Permission 'artifactregistry.tags.list' denied on resource '${parent}' (or it may not exist).`,
      );
    const repo = `${project}/${repository}/${decodeURIComponent(pkg)}`;
    const tags = data.get(repo);
    if (location !== opts.location || !tags)
      return googleError(404, 'NOT_FOUND', `Package "${parent}" not found`);
    const size = Math.min(
      Number(req.url.searchParams.get('pageSize') ?? '100') || 100,
      opts.maxPageSize ?? 1000,
    );
    const tokenParam = req.url.searchParams.get('pageToken');
    let start = 0;
    if (tokenParam) {
      const off = /^o(\d+)$/.exec(Buffer.from(tokenParam, 'base64url').toString())?.[1];
      if (off === undefined) return googleError(400, 'INVALID_ARGUMENT', 'Invalid page token.');
      start = Number(off);
    }
    const all = [...tags].sort(([a], [b]) => (a < b ? -1 : 1));
    const slice = all.slice(start, start + size);
    const next =
      start + size < all.length ? Buffer.from(`o${start + size}`).toString('base64url') : undefined;
    return {
      status: 200,
      body: {
        tags: slice.map(([tag, digest]) => ({
          name: `${parent}/tags/${tag}`,
          version: `${parent}/versions/${digest}`,
        })),
        ...(next ? { nextPageToken: next } : {}),
      },
    };
  });
}
