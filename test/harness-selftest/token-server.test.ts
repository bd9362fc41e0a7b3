import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, listTags, pushContent } from '../harness/content.js';
import { startRegistry, stopAll, type TestRegistry } from '../harness/registry.js';
import type { TokenServer } from '../harness/token-server.js';
import { skopeoInspectRaw } from '../harness/tools.js';

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

function claims(token: string): { iss: string; aud: unknown; exp: number; nbf: number; access: unknown[] } {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload!, 'base64url').toString());
}

function header(token: string): { alg: string; x5c: string[] } {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
}

async function get(ts: TokenServer, query: string, headers: Record<string, string> = {}) {
  const res = await request(`${ts.realm}?${query}`, { headers });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

async function post(
  ts: TokenServer,
  form: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
) {
  const body = contentType.includes('json') ? JSON.stringify(form) : new URLSearchParams(form).toString();
  const res = await request(ts.realm, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

async function v2(reg: TestRegistry, path: string, token: string, method: 'GET' | 'POST' = 'GET') {
  const res = await request(`${reg.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  await res.body.dump();
  return res.statusCode;
}

let reg: TestRegistry;
let ts: TokenServer;
let anonReg: TestRegistry;

beforeAll(async () => {
  [reg, anonReg] = await Promise.all([
    startRegistry({ auth: 'token', storage: 'memory' }),
    startRegistry({
      auth: 'token',
      storage: 'memory',
      token: { anonymousPull: true, expiresIn: 120, alg: 'RS256' },
    }),
  ]);
  ts = reg.tokenServer!;
});
afterAll(stopAll);

describe('token server', () => {
  const service = () => `service=${encodeURIComponent(ts.service)}`;

  it('GET with Basic grants what is asked, with the claims distribution checks', async () => {
    const r = await get(ts, `${service()}&scope=repository:ns/app:pull,push&scope=repository:other:pull`, {
      authorization: basic('tester', 'secret-pw'),
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['access_token', 'expires_in', 'issued_at', 'token']);
    expect(r.body.expires_in).toBe(300);
    const token = r.body.token as string;
    expect(r.body.access_token).toBe(token);
    const c = claims(token);
    expect(c.iss).toBe(ts.issuer);
    expect(c.aud).toBe(ts.service);
    expect(c.nbf).toBeLessThanOrEqual(Date.now() / 1000);
    expect(c.access).toEqual([
      { type: 'repository', name: 'ns/app', actions: ['pull', 'push'] },
      { type: 'repository', name: 'other', actions: ['pull'] },
    ]);
    expect(header(token).alg).toBe('ES256');
    expect(header(token).x5c).toHaveLength(1);
    // The registry accepts it for a push (POST upload needs pull+push) but not on other repos.
    expect(await v2(reg, '/v2/ns/app/blobs/uploads/', token, 'POST')).toBe(202);
    expect(await v2(reg, '/v2/other/blobs/uploads/', token, 'POST')).toBe(401);
    expect(await v2(reg, '/v2/ns/app/tags/list', token)).toBe(404); // authorized; repo unknown
    expect(ts.requests.at(-1)).toMatchObject({
      method: 'GET',
      account: 'tester',
      anonymous: false,
      status: 200,
    });
  });

  it('rejects wrong service (400), bad credentials (401), bad scope (400)', async () => {
    expect((await get(ts, 'service=other&scope=repository:a:pull')).status).toBe(400);
    expect((await get(ts, 'scope=repository:a:pull')).status).toBe(400);
    expect((await get(ts, service(), { authorization: basic('tester', 'nope') })).status).toBe(401);
    expect((await get(ts, service(), { authorization: basic('nobody', 'secret-pw') })).status).toBe(401);
    expect(
      (await get(ts, `${service()}&scope=garbage`, { authorization: basic('tester', 'secret-pw') })).status,
    ).toBe(400);
    expect((await request(`${ts.url}/other`)).statusCode).toBe(404);
    expect((await request(ts.realm, { method: 'PUT' })).statusCode).toBe(405);
  });

  it('anonymous gets nothing by default; the registry refuses that token', async () => {
    const r = await get(ts, `${service()}&scope=repository:ns/app:pull`);
    expect(r.status).toBe(200);
    expect(claims(r.body.token as string).access).toEqual([]);
    expect(await v2(reg, '/v2/ns/app/tags/list', r.body.token as string)).toBe(401);
    expect(ts.requests.at(-1)).toMatchObject({ anonymous: true, scopes: ['repository:ns/app:pull'] });
  });

  it('anonymousPull: anonymous gets pull only; RS256 tokens are accepted', async () => {
    const ats = anonReg.tokenServer!;
    const img = buildImage({ seed: 'anon-pull' });
    await pushContent(anonReg, 'pub', 'v1', img);
    const res = await request(`${ats.realm}?service=${ats.service}&scope=repository:pub:pull,push`);
    const body = (await res.body.json()) as { token: string; expires_in: number };
    expect(body.expires_in).toBe(120);
    expect(header(body.token).alg).toBe('RS256');
    expect(claims(body.token).access).toEqual([{ type: 'repository', name: 'pub', actions: ['pull'] }]);
    expect(await listTags({ url: anonReg.url }, 'pub')).toEqual(['v1']);
    expect(await v2(anonReg, '/v2/pub/blobs/uploads/', body.token, 'POST')).toBe(401);
  });

  it('POST password grant, offline refresh token, refresh grant', async () => {
    const r = await post(ts, {
      grant_type: 'password',
      service: ts.service,
      client_id: 'selftest',
      username: 'tester',
      password: 'secret-pw',
      scope: 'repository:ns/app:pull repository:ns/app:push',
      access_type: 'offline',
    });
    expect(r.status).toBe(200);
    const refresh = r.body.refresh_token as string;
    expect(refresh).toBeTruthy();
    expect(claims(r.body.access_token as string).access).toHaveLength(2);
    expect(ts.requests.at(-1)).toMatchObject({ method: 'POST', grantType: 'password', account: 'tester' });

    const r2 = await post(ts, {
      grant_type: 'refresh_token',
      service: ts.service,
      client_id: 'selftest',
      refresh_token: refresh,
      scope: 'repository:ns/app:pull,push',
    });
    expect(r2.status).toBe(200);
    expect(await v2(reg, '/v2/ns/app/blobs/uploads/', r2.body.token as string, 'POST')).toBe(202);

    // No refresh token without access_type=offline.
    const r3 = await post(ts, {
      grant_type: 'password',
      service: ts.service,
      client_id: 'selftest',
      username: 'tester',
      password: 'secret-pw',
      scope: '',
    });
    expect(r3.status).toBe(200);
    expect(r3.body.refresh_token).toBeUndefined();
  });

  it('POST rejects malformed requests', async () => {
    const ok = {
      grant_type: 'password',
      service: ts.service,
      client_id: 'c',
      username: 'tester',
      password: 'secret-pw',
    };
    expect((await post(ts, ok, 'application/json')).status).toBe(400);
    expect((await post(ts, ok, 'text/plain')).status).toBe(400);
    expect((await post(ts, { ...ok, service: 'wrong' })).status).toBe(400);
    const { client_id: _c, ...noClient } = ok;
    expect((await post(ts, noClient)).status).toBe(400);
    expect((await post(ts, { ...ok, grant_type: 'client_credentials' })).status).toBe(400);
    expect((await post(ts, { ...ok, password: 'bad' })).status).toBe(401);
    const { password: _p, ...noPassword } = ok;
    expect((await post(ts, noPassword)).status).toBe(400);
    expect(
      (
        await post(ts, {
          grant_type: 'refresh_token',
          service: ts.service,
          client_id: 'c',
          refresh_token: 'forged',
        })
      ).status,
    ).toBe(401);
    expect(
      (await post(ts, { grant_type: 'refresh_token', service: ts.service, client_id: 'c' })).status,
    ).toBe(400);
  });

  it('skopeo (a real Go client) gets tokens from it', async () => {
    const img = buildImage({ seed: 'skopeo-token' });
    await pushContent(reg, 'ns/sk', 'v1', img);
    const before = ts.requests.length;
    expect(Buffer.from(await skopeoInspectRaw(reg, 'ns/sk:v1')).equals(img.top.bytes)).toBe(true);
    expect(ts.requests.slice(before).some((r) => r.account === 'tester' && r.status === 200)).toBe(true);
  });

  it('grant option restricts what authenticated users get', async () => {
    const r = await startRegistry({
      auth: 'token',
      storage: 'memory',
      users: { reader: 'r' },
      token: { grant: (_account, req) => req.actions.filter((a) => a === 'pull') },
    });
    await expect(pushContent(r, 'x', 'v1', buildImage())).rejects.toThrow(/401/);
    await r.stop();
  });
});
