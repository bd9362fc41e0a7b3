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
