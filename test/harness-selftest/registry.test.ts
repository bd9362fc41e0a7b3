import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatcherFor } from '../harness/client.js';
import { buildImage, getManifestRaw, listTags, pushContent } from '../harness/content.js';
import { startRegistry, stopAll } from '../harness/registry.js';
import { skopeoInspectRaw } from '../harness/tools.js';

afterAll(stopAll);

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

async function status(
  url: string,
  headers: Record<string, string> = {},
  dispatcher?: ReturnType<typeof dispatcherFor>,
) {
  const res = await request(url, { headers, ...(dispatcher ? { dispatcher } : {}) });
  await res.body.dump();
  return { status: res.statusCode, headers: res.headers };
}

describe('startRegistry', () => {
  it('anonymous: /v2/ answers 200 and content round-trips', async () => {
    const reg = await startRegistry({ storage: 'memory' });
    expect(reg.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(reg.username).toBeUndefined();
    expect((await status(`${reg.url}/v2/`)).status).toBe(200);
    const img = buildImage({ seed: 'anon' });
    await pushContent(reg, 'ns/app', 'v1', img);
    expect(await listTags(reg, 'ns/app')).toEqual(['v1']);
    expect((await getManifestRaw(reg, 'ns/app', 'v1'))?.digest).toBe(img.top.digest);
  });

  it('htpasswd: right credentials pass, wrong and missing are 401', async () => {
    const reg = await startRegistry({ auth: 'htpasswd', users: { alice: 'pa:ss', bob: 'b0b' } });
    expect(reg.username).toBe('alice');
    expect(reg.password).toBe('pa:ss');
    const none = await status(`${reg.url}/v2/`);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic /);
    expect((await status(`${reg.url}/v2/`, { authorization: basic('alice', 'pa:ss') })).status).toBe(200);
    expect((await status(`${reg.url}/v2/`, { authorization: basic('bob', 'b0b') })).status).toBe(200);
    expect((await status(`${reg.url}/v2/`, { authorization: basic('alice', 'wrong') })).status).toBe(401);
    expect((await status(`${reg.url}/v2/`, { authorization: basic('mallory', 'pa:ss') })).status).toBe(401);
    await pushContent(reg, 'app', 'v1', buildImage({ seed: 'ht' }));
    await expect(
      pushContent({ url: reg.url, username: 'alice', password: 'nope' }, 'app', 'v2', buildImage()),
    ).rejects.toThrow(/401/);
  });

  it('token: registry challenges with the token realm and accepts its tokens', async () => {
    const reg = await startRegistry({ auth: 'token' });
    const ts = reg.tokenServer!;
    const res = await status(`${reg.url}/v2/`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="${ts.realm}",service="${ts.service}"`);
    await pushContent(reg, 'ns/app', 'v1', buildImage({ seed: 'tok' }));
    expect(await listTags(reg, 'ns/app')).toEqual(['v1']);
    await expect(
      pushContent({ url: reg.url, username: 'tester', password: 'bad' }, 'ns/app', 'v2', buildImage()),
    ).rejects.toThrow(/401/);
    expect(ts.requests.some((r) => r.status === 401 && r.account === 'tester')).toBe(true);
  });

  it('tls: https with the test CA works, without it fails, skopeo verifies with --cert-dir', async () => {
    const reg = await startRegistry({ tls: 'tls', storage: 'memory' });
    expect(reg.url).toMatch(/^https:\/\//);
    expect(reg.tls?.clientCertPem).toBeUndefined();
    expect((await status(`${reg.url}/v2/`, {}, dispatcherFor(reg))).status).toBe(200);
    await expect(status(`${reg.url}/v2/`)).rejects.toThrow();
    // Plain HTTP to the TLS port answers 400.
    expect((await status(`http://${reg.host}/v2/`)).status).toBe(400);
    const img = buildImage({ seed: 'tls' });
    await pushContent(reg, 'secure', 'v1', img);
    expect(Buffer.from(await skopeoInspectRaw(reg, 'secure:v1'))).toEqual(img.top.bytes);
  });

  it('mtls: the client certificate is required', async () => {
    const reg = await startRegistry({ tls: 'mtls', auth: 'htpasswd', storage: 'memory' });
    expect(reg.tls?.clientCertPem).toContain('BEGIN CERTIFICATE');
    const auth = { authorization: basic(reg.username!, reg.password!) };
    expect((await status(`${reg.url}/v2/`, auth, dispatcherFor(reg))).status).toBe(200);
    const caOnly = dispatcherFor({ url: reg.url, tls: { caPem: reg.tls!.caPem } });
    await expect(status(`${reg.url}/v2/`, auth, caOnly)).rejects.toThrow();
    const img = buildImage({
      seed: 'mtls',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    await pushContent(reg, 'm', 'v1', img);
    expect(await skopeoInspectRaw(reg, 'm:v1')).toBe(img.top.bytes.toString());
  });

  it('stop() kills the process and removes the temp dir; stopAll is idempotent', async () => {
    const { existsSync } = await import('node:fs');
    const reg = await startRegistry();
    expect(existsSync(reg.dir)).toBe(true);
    await reg.stop();
    expect(existsSync(reg.dir)).toBe(false);
    await expect(status(`${reg.url}/v2/`)).rejects.toThrow();
    await reg.stop();
  });
});
