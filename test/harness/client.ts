/**
 * A deliberately small, independent registry client for the harness (never the project's src/):
 * raw undici requests, Basic or Bearer auth done by answering the challenge, TLS/mTLS dispatchers.
 */
import { createHash } from 'node:crypto';
import { Agent, type Dispatcher, request } from 'undici';

/** Anything that says where a registry is and how to talk to it; a TestRegistry fits. */
export interface RegistryTarget {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  tls?:
    | { caPem?: string | undefined; clientCertPem?: string | undefined; clientKeyPem?: string | undefined }
    | undefined;
}

/** Every manifest media type the harness knows, for Accept (2.8 needs the type listed). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v1+json',
].join(', ');

const dispatchers = new Map<string, Agent>();

/** An undici dispatcher that trusts the target's CA and presents its client cert (cached). */
export function dispatcherFor(target: RegistryTarget): Dispatcher {
  const key = JSON.stringify([target.tls?.caPem, target.tls?.clientCertPem, target.tls?.clientKeyPem]);
  let agent = dispatchers.get(key);
  if (!agent) {
    const connect: Record<string, string> = {};
    if (target.tls?.caPem) connect.ca = target.tls.caPem;
    if (target.tls?.clientCertPem) connect.cert = target.tls.clientCertPem;
    if (target.tls?.clientKeyPem) connect.key = target.tls.clientKeyPem;
    agent = new Agent({ connect, keepAliveTimeout: 2000 });
    dispatchers.set(key, agent);
  }
  return agent;
}

export function sha256Digest(buf: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(buf).digest('hex')}`;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses one WWW-Authenticate challenge (`Bearer realm="..",service="..",scope=".."`). */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m?.[1]) return undefined;
  const params: Record<string, string> = {};
  const re = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const p of (m[2] ?? '').matchAll(re)) {
    if (p[1]) params[p[1].toLowerCase()] = p[2] ?? p[3] ?? '';
  }
  return { scheme: m[1].toLowerCase(), params };
}

const authCache = new Map<string, string>();

function basic(target: RegistryTarget): string | undefined {
  if (target.username === undefined) return undefined;
  return `Basic ${Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')}`;
}

async function answerChallenge(target: RegistryTarget, header: string, scope: string): Promise<string> {
  const ch = parseChallenge(header);
  if (!ch) throw new Error(`unparseable WWW-Authenticate: ${header}`);
  if (ch.scheme === 'basic') {
    const b = basic(target);
    if (!b) throw new Error(`${target.url} wants Basic auth but no credentials were given`);
    return b;
  }
  if (ch.scheme !== 'bearer' || !ch.params.realm) throw new Error(`unsupported challenge: ${header}`);
  const u = new URL(ch.params.realm);
  if (ch.params.service) u.searchParams.set('service', ch.params.service);
  u.searchParams.append('scope', scope);
  const headers: Record<string, string> = {};
  const b = basic(target);
  if (b) headers.authorization = b;
  const res = await request(u, { headers });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`token request ${u} -> ${res.statusCode}: ${text}`);
  const body = JSON.parse(text) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  if (!token) throw new Error(`token response without a token: ${text}`);
  return `Bearer ${token}`;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Token scope for Bearer auth (default `repository:<repo>:pull,push` derived from the path). */
  scope?: string;
}

function scopeForPath(path: string): string {
  const m = /^\/v2\/(.+?)\/(blobs|manifests|tags)\//.exec(path);
  if (m?.[1]) return `repository:${m[1]}:pull,push`;
  if (path.startsWith('/v2/_catalog')) return 'registry:catalog:*';
  return 'repository:none:pull';
}

/**
 * Sends one request to the registry, answering an auth challenge once if needed. `pathOrUrl` is
 * a path under the registry or an absolute URL (upload Locations).
 */
export async function send(
  target: RegistryTarget,
  pathOrUrl: string,
  opts: SendOptions = {},
): Promise<RawResponse> {
  const url = new URL(pathOrUrl, target.url);
  const scope = opts.scope ?? scopeForPath(url.pathname);
  const cacheKey = JSON.stringify([target.url, target.username, target.password, scope]);
  const dispatcher = dispatcherFor(target);
  const once = async (authorization: string | undefined): Promise<RawResponse> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (authorization) headers.authorization = authorization;
    const res = await request(url, {
      method: (opts.method ?? 'GET') as Dispatcher.HttpMethod,
      headers,
      body: opts.body ?? null,
      dispatcher,
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    return { status: res.statusCode, headers: res.headers, body };
  };
  let res = await once(authCache.get(cacheKey));
  const challenge = res.headers['www-authenticate'];
  if (res.status === 401 && typeof challenge === 'string') {
    const authorization = await answerChallenge(target, challenge, scope);
    authCache.set(cacheKey, authorization);
    res = await once(authorization);
  }
  return res;
}

function header(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function fail(what: string, res: RawResponse): never {
  throw new Error(`${what}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 500)}`);
}

function withDigest(location: string, digest: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

async function startUpload(target: RegistryTarget, repo: string): Promise<string> {
  const res = await send(target, `/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  const location = header(res, 'location');
  if (res.status !== 202 || !location) fail(`start upload to ${repo}`, res);
  return new URL(location, target.url).toString();
}

/** Uploads one blob (POST then PUT ?digest=) unless the registry already has it. */
export async function pushBlob(
  target: RegistryTarget,
  repo: string,
  data: Buffer,
  digest?: string,
): Promise<string> {
  const d = digest ?? sha256Digest(data);
  if (await blobExists(target, repo, d)) return d;
  const location = await startUpload(target, repo);
  const res = await send(target, withDigest(location, d), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: data,
    scope: `repository:${repo}:pull,push`,
  });
  if (res.status !== 201) fail(`upload blob ${d} to ${repo}`, res);
  return d;
}

/**
 * Streams `size` bytes from `next(n)` through chunked PATCH uploads, hashing on the fly, then
 * completes with PUT ?digest=. Memory stays at one chunk.
 */
export async function pushBlobChunked(
  target: RegistryTarget,
  repo: string,
  size: number,
  next: (n: number) => Buffer,
  chunkSize = 8 * 1024 * 1024,
): Promise<string> {
  const scope = `repository:${repo}:pull,push`;
  let location = await startUpload(target, repo);
  const hash = createHash('sha256');
  let offset = 0;
  while (offset < size) {
    const n = Math.min(chunkSize, size - offset);
    const chunk = next(n);
    hash.update(chunk);
    const res = await send(target, location, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `${offset}-${offset + n - 1}`,
      },
      body: chunk,
      scope,
    });
    const loc = header(res, 'location');
    if (res.status !== 202 || !loc) fail(`PATCH chunk at ${offset} to ${repo}`, res);
    location = new URL(loc, target.url).toString();
    offset += n;
  }
  const digest = `sha256:${hash.digest('hex')}`;
  const res = await send(target, withDigest(location, digest), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    scope,
  });
  if (res.status !== 201) fail(`complete chunked upload ${digest} to ${repo}`, res);
  return digest;
}

/** PUTs a manifest under a tag or digest; returns the digest the registry reports. */
export async function putManifest(
  target: RegistryTarget,
  repo: string,
  reference: string,
  bytes: Buffer,
  mediaType: string,
): Promise<string> {
  const res = await send(target, `/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes,
  });
  if (res.status !== 201) fail(`put manifest ${repo}:${reference}`, res);
  const digest = sha256Digest(bytes);
  const reported = header(res, 'docker-content-digest');
  if (reported && reported !== digest) throw new Error(`registry reported ${reported}, expected ${digest}`);
  return digest;
}

export interface RawManifest {
  bytes: Buffer;
  mediaType: string;
  digest: string;
}

/** GETs a manifest with the full Accept list; undefined when the registry says 404. */
export async function getManifestRaw(
  target: RegistryTarget,
  repo: string,
  ref: string,
): Promise<RawManifest | undefined> {
  const res = await send(target, `/v2/${repo}/manifests/${ref}`, { headers: { accept: MANIFEST_ACCEPT } });
  if (res.status === 404) return undefined;
  if (res.status !== 200) fail(`get manifest ${repo}:${ref}`, res);
  return {
    bytes: res.body,
    mediaType: (header(res, 'content-type') ?? '').split(';')[0]?.trim() ?? '',
    digest: sha256Digest(res.body),
  };
}

/** Tags an existing manifest's bytes (a manifest PUT under the tag). */
export async function tagManifest(
  target: RegistryTarget,
  repo: string,
  tag: string,
  bytes: Buffer,
  mediaType: string,
): Promise<string> {
  return putManifest(target, repo, tag, bytes, mediaType);
}

/** The repository's tags, sorted ([] when the repository is unknown or has none). */
export async function listTags(target: RegistryTarget, repo: string): Promise<string[]> {
  const res = await send(target, `/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  if (res.status !== 200) fail(`list tags of ${repo}`, res);
  const body = JSON.parse(res.body.toString('utf8')) as { tags?: string[] | null };
  return [...(body.tags ?? [])].sort();
}

export async function blobExists(target: RegistryTarget, repo: string, digest: string): Promise<boolean> {
  const res = await send(target, `/v2/${repo}/blobs/${digest}`, { method: 'HEAD' });
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  return fail(`HEAD blob ${digest} in ${repo}`, res);
}

/** GETs a blob into memory (small blobs only); undefined on 404. */
export async function getBlob(
  target: RegistryTarget,
  repo: string,
  digest: string,
): Promise<Buffer | undefined> {
  const res = await send(target, `/v2/${repo}/blobs/${digest}`);
  if (res.status === 404) return undefined;
  if (res.status !== 200) fail(`get blob ${digest} from ${repo}`, res);
  return res.body;
}
