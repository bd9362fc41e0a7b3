/**
 * Local stand-ins for the GitHub services the action talks to, as strict as the real ones where
 * it matters: a REST API for issue comments (token checked, exact methods, paths and bodies;
 * anything else is a 4xx and is recorded as unexpected), and the Actions results service at
 * `ACTIONS_RESULTS_URL`: the cache service v2 that `@actions/cache` 6 speaks (Twirp JSON,
 * archives uploaded with the Azure Blob SDK to a signed URL and downloaded with a plain GET) and
 * the artifact service that `@actions/artifact` 6 speaks (Twirp JSON `CreateArtifact` /
 * `FinalizeArtifact` with the backend ids of the runtime token's JWT, the zip staged and committed
 * as Azure blocks on the signed URL; size and sha256 checked at finalize).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

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

/** One artifact of the fake artifact service. */
export interface ArtifactEntry {
  id: number;
  name: string;
  runId: string;
  jobId: string;
  mimeType: string;
  /** Staged blocks by id, and the committed blob. */
  blocks: Map<string, Buffer>;
  blob?: Buffer;
  finalized: boolean;
}

export interface FakeCacheService {
  /** `ACTIONS_RESULTS_URL`. */
  url: string;
  entries: CacheEntry[];
  /** Artifacts (the same results service also serves `ArtifactService`). */
  artifacts: ArtifactEntry[];
  requests: Recorded[];
  unexpected: Recorded[];
  /** Answer every cache Twirp call with this HTTP status (cache outage). */
  failWith?: number;
  /** Answer every artifact Twirp call with this HTTP status (artifact service outage). */
  artifactFailWith?: number;
  /**
   * A runtime token for one more workflow run (fresh backend ids), accepted from now on like
   * the one the fake was started with.
   */
  mintRuntimeToken(): string;
  close(): Promise<void>;
}

/**
 * An `ACTIONS_RUNTIME_TOKEN` shaped like the runner's: a JWT whose `scp` claim carries
 * `Actions.Results:<run backend id>:<job backend id>` (what @actions/artifact reads the ids from).
 */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const claims = {
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'vstoken.actions.githubusercontent.com',
    exp: Math.floor(Date.now() / 1000) + 3600,
  };
  return `${b64({ typ: 'JWT', alg: 'RS256' })}.${b64(claims)}.${randomBytes(32).toString('base64url')}`;
}

/** The run and job backend ids in a runtime token's `scp`, or undefined when it is not such a JWT. */
function backendIds(token: string): { run: string; job: string } | undefined {
  const [, payload, sig] = token.split('.');
  if (!payload || !sig) return undefined;
  try {
    const scp = (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { scp?: unknown }).scp;
    if (typeof scp !== 'string') return undefined;
    for (const part of scp.split(' ')) {
      const [kind, run, job, ...rest] = part.split(':');
      if (kind === 'Actions.Results' && run && job && rest.length === 0) return { run, job };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const ARTIFACT_TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';
const ARTIFACT_FIELDS: Record<string, readonly string[]> = {
  CreateArtifact: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name',
    'version',
    'mime_type',
    'expires_at',
  ],
  FinalizeArtifact: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'size', 'hash'],
};

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
    artifacts: [],
    requests: [],
    unexpected: [],
    mintRuntimeToken: () => {
      const t = runtimeToken(randomUUID(), randomUUID());
      tokens.add(t);
      return t;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const tokens = new Set([opts.runtimeToken]);
  /** The runtime token of the request when the fake issued it. */
  const bearer = (req: IncomingMessage): string | undefined => {
    const t = req.headers.authorization?.replace(/^Bearer /, '');
    return t !== undefined && tokens.has(t) ? t : undefined;
  };
  const blobPath = (i: number) => `/devstoreaccount1/actions-cache/${i}`;
  const artifactPath = (id: number) => `/devstoreaccount1/actions-results/artifact-${id}.zip`;
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
    if (url.pathname.startsWith(ARTIFACT_TWIRP)) {
      if (req.method !== 'POST') return reject(404, 'bad_route', 'POST only');
      const token = bearer(req);
      if (!token) return reject(401, 'unauthenticated', 'invalid runtime token');
      const ids = backendIds(token);
      if (!ids) return reject(401, 'unauthenticated', 'the runtime token has no Actions.Results scope');
      if (req.headers['content-type'] !== 'application/json')
        return reject(415, 'malformed', 'content-type must be application/json');
      if (fake.artifactFailWith)
        return json(res, fake.artifactFailWith, { code: 'internal', msg: 'artifact service unavailable' });
      const method = url.pathname.slice(ARTIFACT_TWIRP.length);
      const fields = ARTIFACT_FIELDS[method];
      if (!fields) return reject(404, 'bad_route', `no such method ${method}`);
      let m: Record<string, unknown>;
      try {
        m = JSON.parse(raw.toString()) as Record<string, unknown>;
      } catch {
        return reject(400, 'malformed', 'body is not JSON');
      }
      const unknown = Object.keys(m).filter((k) => !fields.includes(k));
      if (unknown.length > 0) return reject(400, 'malformed', `unknown fields ${unknown.join(', ')}`);
      if (m.workflow_run_backend_id !== ids.run || m.workflow_job_run_backend_id !== ids.job)
        return reject(403, 'permission_denied', 'backend ids do not match the runtime token');
      if (typeof m.name !== 'string' || m.name === '' || /[":<>|*?\\/\r\n]/.test(m.name))
        return reject(400, 'invalid_argument', 'invalid artifact name');
      const name = m.name;
      if (method === 'CreateArtifact') {
        if (typeof m.version !== 'number' || m.version < 4)
          return reject(400, 'invalid_argument', 'version must be 4 or later');
        if (typeof m.mime_type !== 'string') return reject(400, 'invalid_argument', 'mime_type is required');
        if (fake.artifacts.some((a) => a.runId === ids.run && a.name === name))
          return json(res, 409, { code: 'already_exists', msg: `an artifact named ${name} already exists` });
        const a: ArtifactEntry = {
          id: 7000 + fake.artifacts.length,
          name,
          runId: ids.run,
          jobId: ids.job,
          mimeType: m.mime_type,
          blocks: new Map(),
          finalized: false,
        };
        fake.artifacts.push(a);
        return json(res, 200, {
          ok: true,
          signed_upload_url: `${fake.url}${artifactPath(a.id)}?sv=2024-01-01&sp=cw&sig=${sig}`,
        });
      }
      // FinalizeArtifact: the committed blob must be there, with the size and sha256 claimed.
      const a = fake.artifacts.find((x) => x.runId === ids.run && x.name === name && !x.finalized);
      if (!a?.blob) return reject(404, 'not_found', 'no uploaded blob for this artifact');
      if (typeof m.size !== 'string' || m.size !== String(a.blob.length))
        return reject(400, 'invalid_argument', `size ${String(m.size)} != uploaded ${a.blob.length}`);
      const hash = `sha256:${createHash('sha256').update(a.blob).digest('hex')}`;
      if (m.hash !== undefined && m.hash !== hash)
        return reject(400, 'invalid_argument', `hash ${String(m.hash)} != ${hash}`);
      a.finalized = true;
      return json(res, 200, { ok: true, artifact_id: String(a.id) });
    }
    const am = /^\/devstoreaccount1\/actions-results\/artifact-(\d+)\.zip$/.exec(url.pathname);
    if (am) {
      const a = fake.artifacts.find((x) => x.id === Number(am[1]));
      if (!a || url.searchParams.get('sig') !== sig || url.searchParams.get('sp') !== 'cw' || a.finalized)
        return reject(403, 'AuthenticationFailed', 'bad signature');
      if (req.method !== 'PUT' || !req.headers['x-ms-version'])
        return reject(400, 'InvalidHeaderValue', 'PUT with x-ms-version');
      const ok = (extra: Record<string, string> = {}) => {
        res.writeHead(201, {
          'x-ms-request-id': randomBytes(8).toString('hex'),
          'x-ms-version': '2024-01-01',
          'x-ms-request-server-encrypted': 'true',
          ...extra,
        });
        res.end();
      };
      const comp = url.searchParams.get('comp');
      const blockId = url.searchParams.get('blockid');
      if (comp === 'block' && blockId) {
        a.blocks.set(blockId, raw);
        return ok();
      }
      if (comp === 'blocklist') {
        const ids = [...raw.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map(
          (x) => x[1] as string,
        );
        if (ids.length === 0 || ids.some((id) => !a.blocks.has(id)))
          return reject(400, 'InvalidBlockList', 'unknown block id');
        a.blob = Buffer.concat(ids.map((id) => a.blocks.get(id) as Buffer));
        a.mimeType = String(req.headers['x-ms-blob-content-type'] ?? a.mimeType);
        return ok({ etag: `"0x${sig}"`, 'last-modified': new Date(0).toUTCString() });
      }
      if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
        a.blob = raw;
        return ok({ etag: `"0x${sig}"`, 'last-modified': new Date(0).toUTCString() });
      }
      return reject(400, 'InvalidQueryParameterValue', `comp=${comp}`);
    }
    if (url.pathname.startsWith(TWIRP)) {
      if (req.method !== 'POST') return reject(404, 'bad_route', 'POST only');
      if (!bearer(req)) return reject(401, 'unauthenticated', 'invalid runtime token');
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

/** The files of a zip archive (central directory; stored or deflated entries), to check an uploaded artifact. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}
