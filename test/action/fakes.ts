/**
 * Local stand-ins for the GitHub services the action talks to, as strict as the real ones where
 * it matters: a REST API for issue comments (token checked, exact methods, paths and bodies;
 * anything else is a 4xx and is recorded as unexpected), and the Actions cache service v2 that
 * `@actions/cache` 6 speaks (Twirp JSON at `ACTIONS_RESULTS_URL`, archives uploaded with the Azure
 * Blob SDK to a signed URL and downloaded with a plain GET).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A recorded request. */
export interface Recorded {
  method: string;
  path: string;
  body: string;
}

export interface Comment {
  id: number;
  body: string;
}

/** The fake REST API: one repository, comments on its pull requests. */
export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  /** Requests that matched no route or failed validation. */
  unexpected: Recorded[];
  /** Comments per issue number. */
  comments: Map<number, Comment[]>;
  /** Answer every comment write with 403, as for a read-only token. */
  readOnly: boolean;
  close(): Promise<void>;
}

export async function startFakeGitHub(opts: {
  owner: string;
  repo: string;
  token: string;
}): Promise<FakeGitHub> {
  let nextId = 1000;
  const fake: FakeGitHub = {
    url: '',
    requests: [],
    unexpected: [],
    comments: new Map(),
    readOnly: false,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const base = `/repos/${opts.owner}/${opts.repo}`;
  const server = createServer(async (req, res) => {
    const raw = (await body(req)).toString();
    const url = new URL(req.url ?? '/', 'http://x');
    const rec: Recorded = { method: req.method ?? '', path: url.pathname + url.search, body: raw };
    fake.requests.push(rec);
    const reject = (status: number, message: string) => {
      fake.unexpected.push(rec);
      json(res, status, { message, documentation_url: 'https://docs.github.com/rest' });
    };
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`)
      return reject(401, 'Bad credentials');
    let m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (m && url.pathname.startsWith(base)) {
      const issue = Number(m[1]);
      const list = fake.comments.get(issue) ?? [];
      if (req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? '30');
        const page = Number(url.searchParams.get('page') ?? '1');
        return json(
          res,
          200,
          list
            .slice((page - 1) * perPage, page * perPage)
            .map((c) => ({ id: c.id, body: c.body, user: { login: 'github-actions[bot]' } })),
        );
      }
      if (req.method === 'POST') {
        if (fake.readOnly) return json(res, 403, { message: 'Resource not accessible by integration' });
        const parsed = JSON.parse(raw || '{}') as Record<string, unknown>;
        if (typeof parsed.body !== 'string' || Object.keys(parsed).length !== 1)
          return reject(422, 'Invalid request: expected exactly {"body": string}');
        const c = { id: nextId++, body: parsed.body };
        fake.comments.set(issue, [...list, c]);
        return json(res, 201, {
          ...c,
          html_url: `https://github.com${base}/pull/${issue}#issuecomment-${c.id}`,
        });
      }
      return reject(405, 'Method not allowed');
    }
    m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m && url.pathname.startsWith(base)) {
      if (req.method !== 'PATCH') return reject(405, 'Method not allowed');
      if (fake.readOnly) return json(res, 403, { message: 'Resource not accessible by integration' });
      const id = Number(m[1]);
      const parsed = JSON.parse(raw || '{}') as Record<string, unknown>;
      if (typeof parsed.body !== 'string' || Object.keys(parsed).length !== 1)
        return reject(422, 'Invalid request: expected exactly {"body": string}');
      for (const [, list] of fake.comments) {
        const c = list.find((x) => x.id === id);
        if (c) {
          c.body = parsed.body;
          return json(res, 200, { id, body: c.body });
        }
      }
      return reject(404, 'Not Found');
    }
    return reject(404, 'Not Found');
  });
  fake.url = await listen(server);
  return fake;
}

/** One cache entry of the fake cache service. */
export interface CacheEntry {
  key: string;
  version: string;
  blob?: Buffer;
  finalized: boolean;
  createdAt: number;
}

export interface FakeCacheService {
  /** `ACTIONS_RESULTS_URL`. */
  url: string;
  entries: CacheEntry[];
  requests: Recorded[];
  unexpected: Recorded[];
  /** Answer every Twirp call with this HTTP status (service outage). */
  failWith?: number;
  close(): Promise<void>;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

/**
 * The cache service v2: `GetCacheEntryDownloadURL` (exact key, then restore-key prefixes, newest
 * first, same version), `CreateCacheEntry` (keys are immutable), Azure `Put Blob` on the signed URL,
 * `FinalizeCacheEntryUpload` (size must match what was uploaded), and the signed download URL.
 */
export async function startFakeCacheService(opts: { runtimeToken: string }): Promise<FakeCacheService> {
  const sig = randomBytes(8).toString('hex');
  let clock = 0;
  const fake: FakeCacheService = {
    url: '',
    entries: [],
    requests: [],
    unexpected: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const blobPath = (i: number) => `/devstoreaccount1/actions-cache/${i}`;
  const server = createServer(async (req, res) => {
    const raw = await body(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const rec: Recorded = {
      method: req.method ?? '',
      path: url.pathname,
      body: raw.toString('latin1').slice(0, 2000),
    };
    fake.requests.push(rec);
    const reject = (status: number, code: string, msg: string) => {
      fake.unexpected.push(rec);
      json(res, status, { code, msg });
    };
    if (url.pathname.startsWith(TWIRP)) {
      if (req.method !== 'POST') return reject(404, 'bad_route', 'POST only');
      if (req.headers.authorization !== `Bearer ${opts.runtimeToken}`)
        return reject(401, 'unauthenticated', 'invalid runtime token');
      if (req.headers['content-type'] !== 'application/json')
        return reject(415, 'malformed', 'content-type must be application/json');
      if (fake.failWith)
        return json(res, fake.failWith, { code: 'internal', msg: 'cache service unavailable' });
      const m = JSON.parse(raw.toString() || '{}') as Record<string, unknown>;
      const method = url.pathname.slice(TWIRP.length);
      if (typeof m.key !== 'string' || typeof m.version !== 'string')
        return reject(400, 'invalid_argument', 'key and version are required');
      if (method === 'GetCacheEntryDownloadURL') {
        const ready = fake.entries.filter((e) => e.finalized && e.version === m.version);
        let hit = ready.find((e) => e.key === m.key);
        for (const prefix of (m.restore_keys as string[] | undefined) ?? []) {
          if (hit) break;
          hit = ready.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.createdAt - a.createdAt)[0];
        }
        if (!hit) return json(res, 200, { ok: false });
        const i = fake.entries.indexOf(hit);
        return json(res, 200, {
          ok: true,
          signed_download_url: `${fake.url}${blobPath(i)}?sv=2024-01-01&sp=r&sig=${sig}`,
          matched_key: hit.key,
        });
      }
      if (method === 'CreateCacheEntry') {
        if (fake.entries.some((e) => e.key === m.key && e.version === m.version))
          return json(res, 409, { code: 'already_exists', msg: 'cache entry already exists' });
        fake.entries.push({ key: m.key, version: m.version, finalized: false, createdAt: clock++ });
        const i = fake.entries.length - 1;
        return json(res, 200, {
          ok: true,
          signed_upload_url: `${fake.url}${blobPath(i)}?sv=2024-01-01&sp=cw&sig=${sig}`,
        });
      }
      if (method === 'FinalizeCacheEntryUpload') {
        const e = fake.entries.find((x) => x.key === m.key && x.version === m.version && !x.finalized);
        if (!e?.blob) return reject(404, 'not_found', 'no upload for this key');
        if (String(e.blob.length) !== String(m.size_bytes))
          return reject(400, 'invalid_argument', `size_bytes ${m.size_bytes} != uploaded ${e.blob.length}`);
        e.finalized = true;
        return json(res, 200, { ok: true, entry_id: String(fake.entries.indexOf(e) + 1) });
      }
      return reject(404, 'bad_route', `no such method ${method}`);
    }
    const bm = /^\/devstoreaccount1\/actions-cache\/(\d+)$/.exec(url.pathname);
    const entry = bm ? fake.entries[Number(bm[1])] : undefined;
    if (!entry || url.searchParams.get('sig') !== sig)
      return reject(403, 'AuthenticationFailed', 'bad signature');
    if (req.method === 'PUT') {
      if (url.searchParams.get('sp') !== 'cw' || entry.finalized)
        return reject(403, 'AuthorizationPermissionMismatch', 'read-only URL');
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
        return reject(400, 'MissingRequiredHeader', 'x-ms-blob-type');
      entry.blob = raw;
      res.writeHead(201, {
        etag: `"0x${sig}"`,
        'last-modified': new Date(0).toUTCString(),
        'x-ms-request-id': randomBytes(8).toString('hex'),
        'x-ms-version': '2024-01-01',
        'x-ms-request-server-encrypted': 'true',
      });
      return res.end();
    }
    if (req.method === 'GET' && entry.finalized && entry.blob) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': entry.blob.length });
      return res.end(entry.blob);
    }
    return reject(405, 'UnsupportedHttpVerb', `${req.method}`);
  });
  fake.url = await listen(server);
  return fake;
}
