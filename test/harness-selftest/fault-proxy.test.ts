import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  blobExists,
  buildImage,
  getManifestRaw,
  largeRandomBlobDigest,
  pushContent,
  pushLargeRandomBlob,
  randomBytes,
  sha256Digest,
} from '../harness/content.js';
import {
  type FaultProxy,
  type RecordingOrigin,
  startFaultProxy,
  startRecordingOrigin,
} from '../harness/fault-proxy.js';
import { startRegistry, stopAll, type TestRegistry } from '../harness/registry.js';

let reg: TestRegistry;
let proxy: FaultProxy;
const blob = randomBytes(4096, 'proxy-blob');
const blobDigest = sha256Digest(blob);
const blobPath = `/v2/p/blobs/${blobDigest}`;
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
let auth: string;

beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd', storage: 'memory' });
  auth = basic(reg.username!, reg.password!);
  proxy = await startFaultProxy(reg.url);
  const img = buildImage({ seed: 'proxy' });
  img.blobs.set(blobDigest, blob);
  await pushContent({ url: proxy.url, username: reg.username!, password: reg.password! }, 'p', 'v1', img);
  proxy.requests.length = 0;
});
afterEach(() => {
  proxy.rules.length = 0;
  proxy.requests.length = 0;
});
afterAll(async () => {
  await proxy.stop();
  await stopAll();
});

/** Raw GET collecting whatever bytes arrive, and how it ended. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; error?: string }>(
    (resolve) => {
      const chunks: Buffer[] = [];
      let status = 0;
      let hdrs: Record<string, unknown> = {};
      const req = httpRequest(url, { headers, agent: false }, (res) => {
        status = res.statusCode ?? 0;
        hdrs = res.headers;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status, headers: hdrs, body: Buffer.concat(chunks) }));
        res.on('error', (e) =>
          resolve({ status, headers: hdrs, body: Buffer.concat(chunks), error: e.message }),
        );
      });
      req.on('error', (e) =>
        resolve({
          status,
          headers: hdrs,
          body: Buffer.concat(chunks),
          error: (e as NodeJS.ErrnoException).code ?? e.message,
        }),
      );
      req.end();
    },
  );
}

describe('fault proxy', () => {
  it('forwards everything, rewrites upload Locations, records authorization', async () => {
    const r = await rawGet(`${proxy.url}${blobPath}`, { authorization: auth });
    expect(r.status).toBe(200);
    expect(r.body.equals(blob)).toBe(true);
    const noAuth = await rawGet(`${proxy.url}${blobPath}`);
    expect(noAuth.status).toBe(401);
    expect(proxy.requests.map((q) => [q.method, q.path, q.authorization, q.status])).toEqual([
      ['GET', blobPath, true, 200],
      ['GET', blobPath, false, 401],
    ]);
    const up = await request(`${proxy.url}/v2/p/blobs/uploads/`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    await up.body.dump();
    expect(up.statusCode).toBe(202);
    expect(String(up.headers.location)).toMatch(new RegExp(`^${proxy.url}/v2/p/blobs/uploads/`));
  });

  it('chunked uploads go entirely through the proxy (Location rewriting)', async () => {
    const target = { url: proxy.url, username: reg.username!, password: reg.password! };
    const digest = await pushLargeRandomBlob(target, 'p', 3 * 1024 * 1024 + 5, 'via-proxy', 1024 * 1024);
    expect(digest).toBe(largeRandomBlobDigest(3 * 1024 * 1024 + 5, 'via-proxy'));
    const methods = proxy.requests.map((q) => q.method);
    expect(methods.filter((m) => m === 'PATCH')).toHaveLength(4);
    expect(methods.at(-1)).toBe('PUT');
    expect(await blobExists(reg, 'p', digest)).toBe(true);
  });

  it('status rule answers without forwarding, with Retry-After, and is spent after `times`', async () => {
    proxy.rules.push({ status: 429, retryAfter: '2', times: 1, match: (q) => q.path.includes('/blobs/') });
    const first = await rawGet(`${proxy.url}${blobPath}`, { authorization: auth });
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('2');
    expect(JSON.parse(first.body.toString()).errors[0].code).toBe('TOOMANYREQUESTS');
    expect((await rawGet(`${proxy.url}${blobPath}`, { authorization: auth })).status).toBe(200);
    expect(proxy.requests.map((q) => q.fault)).toEqual(['status', undefined]);
  });

  it('match picks requests; rules apply in order', async () => {
    proxy.rules.push(
      { status: 503, match: (q) => q.method === 'HEAD' },
      { status: 408, times: 2 },
      { status: 500 },
    );
    expect((await request(`${proxy.url}${blobPath}`, { method: 'HEAD' })).statusCode).toBe(503);
    const s = [];
    for (let i = 0; i < 3; i++) s.push((await rawGet(`${proxy.url}/v2/`)).status);
    expect(s).toEqual([408, 408, 500]);
  });

  it('reset destroys the connection without an answer', async () => {
    proxy.rules.push({ reset: true, times: 1 });
    const r = await rawGet(`${proxy.url}${blobPath}`, { authorization: auth });
    expect(r.status).toBe(0);
    expect(r.error).toMatch(/ECONNRESET|socket hang up/);
    expect(proxy.requests[0]).toMatchObject({ status: 0, fault: 'reset' });
    expect((await rawGet(`${proxy.url}${blobPath}`, { authorization: auth })).status).toBe(200);
  });

  it('resetAfterBytes cuts the body after n bytes', async () => {
    proxy.rules.push({ resetAfterBytes: 1000, times: 1 });
    const r = await rawGet(`${proxy.url}${blobPath}`, { authorization: auth });
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe('4096');
    expect(r.error).toBeDefined();
    expect(r.body.length).toBe(1000);
    expect(r.body.equals(blob.subarray(0, 1000))).toBe(true);
    await expect(
      request(`${proxy.url}${blobPath}`, { headers: { authorization: auth } }).then((x) =>
        x.body.arrayBuffer(),
      ),
    ).resolves.toBeDefined();
  });

  it('corruptByte flips exactly one byte at the offset', async () => {
    proxy.rules.push({ corruptByte: 3000, match: (q) => q.path === blobPath });
    const r = await rawGet(`${proxy.url}${blobPath}`, { authorization: auth });
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(blob.length);
    expect(sha256Digest(r.body)).not.toBe(blobDigest);
    const diffs = [...r.body].flatMap((b, i) => (b === blob[i] ? [] : [i]));
    expect(diffs).toEqual([3000]);
    expect(r.body[3000]).toBe((blob[3000] ?? 0) ^ 0xff);
  });

  it('forwards to a TLS target and rewrites its https Locations to the proxy', async () => {
    const tlsReg = await startRegistry({ tls: 'tls', storage: 'memory' });
    const p = await startFaultProxy(tlsReg.url, [], { ca: tlsReg.tls!.caPem });
    try {
      const img = buildImage({ seed: 'tls-proxy' });
      await pushContent({ url: p.url }, 'tp', 'v1', img);
      expect((await getManifestRaw(tlsReg, 'tp', 'v1'))?.digest).toBe(img.top.digest);
      const up = await request(`${p.url}/v2/tp/blobs/uploads/`, { method: 'POST' });
      await up.body.dump();
      expect(String(up.headers.location)).toMatch(new RegExp(`^${p.url}/`));
    } finally {
      await p.stop();
      await tlsReg.stop();
    }
  });

  it('redirectTo answers 307 to another origin, which records the missing Authorization', async () => {
    const origin: RecordingOrigin = await startRecordingOrigin(reg.url, { upstreamAuthorization: auth });
    try {
      proxy.rules.push({ redirectTo: origin.url, match: (q) => q.path.startsWith('/v2/p/blobs/sha256:') });
      const r = await rawGet(`${proxy.url}${blobPath}?x=1`, { authorization: auth });
      expect(r.status).toBe(307);
      expect(r.headers.location).toBe(`${origin.url}${blobPath}?x=1`);
      // A well-behaved client follows without credentials (another origin).
      const followed = await rawGet(String(r.headers.location));
      expect(followed.status).toBe(200);
      expect(createHash('sha256').update(followed.body).digest('hex')).toBe(blobDigest.slice(7));
      // A leaky one is caught.
      await rawGet(String(r.headers.location), { authorization: auth });
      expect(origin.requests.map((q) => q.authorization)).toEqual([false, true]);
      // Manifests are not redirected.
      expect(
        (
          await getManifestRaw(
            { url: proxy.url, username: reg.username!, password: reg.password! },
            'p',
            'v1',
          )
        )?.mediaType,
      ).toBe('application/vnd.oci.image.index.v1+json');
    } finally {
      await origin.stop();
    }
  });
});
