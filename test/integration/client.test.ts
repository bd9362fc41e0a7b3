import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerConfigCredentials } from '../../src/auth/docker-config.js';
import { DigestMismatchError, NotFoundError, RegistryError } from '../../src/oci/errors.js';
import { parseManifest } from '../../src/oci/manifest.js';
import { OCI_INDEX } from '../../src/oci/mediatypes.js';
import {
  blobExists,
  buildArtifact,
  buildDockerV2S2Image,
  buildImage,
  type FaultProxy,
  getManifestRaw,
  largeRandomBlobDigest,
  makeCredentialHelper,
  pushContent,
  pushLargeRandomBlob,
  randomBytes,
  referrersTag,
  sha256Digest,
  skopeoInspectRaw,
  startFaultProxy,
  startRecordingOrigin,
  startRegistry,
  stopAll,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { clientFor, repoOf } from './util.js';

let anon: TestRegistry;
let other: TestRegistry;
const proxies: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  [anon, other] = await Promise.all([startRegistry(), startRegistry()]);
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await stopAll();
});

async function proxy(
  reg: TestRegistry,
  rules: Parameters<typeof startFaultProxy>[1] = [],
): Promise<FaultProxy> {
  const p = await startFaultProxy(reg.url, rules);
  proxies.push(p);
  return p;
}

describe('manifests, blobs and tags on a real registry', () => {
  it('reads a multi-arch index and its children with exact bytes and digests', async () => {
    const img = buildImage({ seed: 'idx' });
    const digest = await pushContent(anon, 'app/multi', '1.0', img);
    const { client } = clientFor([anon]);
    const head = await client.headManifest({ ...repoOf(anon, 'app/multi'), tag: '1.0' });
    expect(head).toEqual({ digest, mediaType: OCI_INDEX, size: img.top.bytes.length });
    const m = await client.getManifest({ ...repoOf(anon, 'app/multi'), tag: '1.0' });
    expect(m.digest).toBe(digest);
    expect(m.bytes.equals(img.top.bytes)).toBe(true);
    const parsed = parseManifest(m.bytes, m.mediaType);
    expect(parsed.kind).toBe('index');
    expect(await client.headManifest({ ...repoOf(anon, 'app/multi'), tag: 'missing' })).toBeUndefined();
    await expect(client.getManifest({ ...repoOf(anon, 'app/multi'), tag: 'missing' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(client.getManifest({ ...repoOf(anon, 'app/multi'), tag: 'missing' })).rejects.toThrow(
      /get manifest 127\.0\.0\.1:\d+\/app\/multi:missing: GET .* returned HTTP 404 \(MANIFEST_UNKNOWN/,
    );
  });

  it('copies a Docker v2s2 image and a custom artifact bit for bit (checked with skopeo)', async () => {
    const docker = buildDockerV2S2Image({ seed: 'v2s2' });
    const art = buildArtifact({
      artifactType: 'application/vnd.example.thing.v1',
      configMediaType: 'application/vnd.example.thing.config.v1+json',
      layers: [{ mediaType: 'application/vnd.example.thing.layer.v1', data: 'hello' }],
    });
    await pushContent(anon, 'src/docker', 'v1', docker);
    await pushContent(anon, 'src/art', 'a1', art);
    const { client } = clientFor([anon, other]);
    for (const [repo, tag] of [
      ['src/docker', 'v1'],
      ['src/art', 'a1'],
    ] as const) {
      const m = await client.getManifest({ ...repoOf(anon, repo), tag });
      const parsed = parseManifest(m.bytes, m.mediaType);
      if (parsed.kind !== 'manifest') throw new Error('expected a manifest');
      for (const d of [parsed.manifest.config, ...parsed.manifest.layers]) {
        await client.uploadBlob(repoOf(other, repo), d, () => client.getBlob(repoOf(anon, repo), d));
      }
      const put = await client.putManifest({ ...repoOf(other, repo), tag }, m.bytes, m.mediaType);
      expect(put.digest).toBe(m.digest);
      const raw = await skopeoInspectRaw(other, `${repo}:${tag}`);
      expect(sha256Digest(raw)).toBe(m.digest);
    }
  });

  it('lists tags, tolerating an unsorted list without Link, and follows Link pagination', async () => {
    const img = buildImage({
      seed: 'tags',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    for (const t of ['b', 'a', 'c']) await pushContent(anon, 'app/tags', t, img);
    const { client } = clientFor([anon]);
    expect((await client.listTags(repoOf(anon, 'app/tags'))).sort()).toEqual(['a', 'b', 'c']);
    await expect(client.listTags(repoOf(anon, 'nope/none'))).rejects.toMatchObject({
      status: 404,
      code: 'NAME_UNKNOWN',
    });

    const p = await proxy(anon, [
      {
        times: 1,
        match: (r) => r.path.startsWith('/v2/app/paged/tags/list') && !r.path.includes('last='),
        status: 200,
        headers: {
          'content-type': 'application/json',
          link: '</v2/app/paged/tags/list?n=2&last=b>; rel="next"',
        },
        body: JSON.stringify({ name: 'app/paged', tags: ['a', 'b'] }),
      },
      {
        times: 1,
        match: (r) => r.path.includes('last=b'),
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'app/paged', tags: null }),
      },
    ]);
    const viaProxy = clientFor([{ host: p.host, url: p.url }]);
    expect(await viaProxy.client.listTags(repoOf(p, 'app/paged'))).toEqual(['a', 'b']);
    expect(p.requests.filter((r) => r.path.includes('tags/list'))).toHaveLength(2);
  });

  it('mounts a blob across repositories (201), and falls back to the offered upload session (202)', async () => {
    const data = randomBytes(50_000, 'mount');
    const digest = sha256Digest(data);
    const { client } = clientFor([anon]);
    await client.pushBlob(repoOf(anon, 'mnt/a'), data);
    expect(await client.mountBlob(repoOf(anon, 'mnt/b'), digest, 'mnt/a')).toEqual({ mounted: true });
    expect(await client.headBlob(repoOf(anon, 'mnt/b'), digest)).toBe(data.length);
    const missing = await client.mountBlob(repoOf(anon, 'mnt/c'), digest, 'mnt/does-not-exist');
    expect(missing.mounted).toBe(false);
    if (missing.mounted) return;
    await client.uploadBlob(
      repoOf(anon, 'mnt/c'),
      { digest, size: data.length },
      () => Readable.from([data]),
      {
        location: missing.location,
      },
    );
    expect(await blobExists(anon, 'mnt/c', digest)).toBe(true);
  });

  it('uploads in PATCH chunks of the configured size with correct Content-Range', async () => {
    const data = randomBytes(300_000, 'chunks');
    const digest = sha256Digest(data);
    const p = await proxy(anon);
    const { client } = clientFor([{ host: p.host, url: p.url }], {
      settings: { [p.host]: { plainHTTP: true, maxChunkSize: 64 * 1024 } },
    });
    await client.uploadBlob(repoOf(p, 'chunked/x'), { digest, size: data.length }, () =>
      Readable.from([data.subarray(0, 100_000), data.subarray(100_000)]),
    );
    const patches = p.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers['content-range'])).toEqual([
      '0-65535',
      '65536-131071',
      '131072-196607',
      '196608-262143',
      '262144-299999',
    ]);
    expect(await blobExists(anon, 'chunked/x', digest)).toBe(true);
  });

  it('streams a 200 MB blob between two registries with bounded memory', async () => {
    const size = 200 * 1024 * 1024;
    const digest = await pushLargeRandomBlob(anon, 'big/src', size, 'big');
    expect(digest).toBe(largeRandomBlobDigest(size, 'big'));
    const { client } = clientFor([anon, other]);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      await client.uploadBlob(repoOf(other, 'big/dst'), { digest, size }, () =>
        client.getBlob(repoOf(anon, 'big/src'), { digest, size }),
      );
    } finally {
      clearInterval(timer);
    }
    expect(await client.headBlob(repoOf(other, 'big/dst'), digest)).toBe(size);
    // Generous bound: the blob is 200 MB; streaming keeps growth to buffers, far below that.
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('faults', () => {
  it('detects a corrupted byte and never commits the upload', async () => {
    const data = randomBytes(500_000, 'corrupt');
    const digest = sha256Digest(data);
    const { client: seed } = clientFor([anon]);
    await seed.pushBlob(repoOf(anon, 'corrupt/src'), data);
    const p = await proxy(anon, [
      { corruptByte: 123_456, match: (r) => r.method === 'GET' && r.path.includes('/blobs/') },
    ]);
    const { client } = clientFor([{ host: p.host, url: p.url }, other]);
    const err = await client
      .uploadBlob(repoOf(other, 'corrupt/dst'), { digest, size: data.length }, () =>
        client.getBlob(repoOf(p, 'corrupt/src'), { digest, size: data.length }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DigestMismatchError);
    expect((err as DigestMismatchError).expected).toBe(digest);
    expect(await blobExists(other, 'corrupt/dst', digest)).toBe(false);
  });

  it('retries 429 honouring Retry-After, and a reset connection', async () => {
    const img = buildImage({ seed: 'retry' });
    await pushContent(anon, 'retry/app', '1', img);
    const p = await proxy(anon, [
      {
        times: 1,
        match: (r) => r.path.includes('/manifests/'),
        status: 429,
        retryAfter: '3',
        body: '{"errors":[{"code":"TOOMANYREQUESTS"}]}',
      },
      { times: 1, match: (r) => r.path.includes('/manifests/'), reset: true },
    ]);
    const { client, sleeps, transport } = clientFor([{ host: p.host, url: p.url }], {
      retry: { random: () => 0.5 },
    });
    const m = await client.getManifest({ ...repoOf(p, 'retry/app'), tag: '1' });
    expect(m.digest).toBe(img.top.digest);
    expect(sleeps[0]).toBe(3000);
    expect(sleeps).toHaveLength(2);
    expect(p.requests.filter((r) => r.path.includes('/manifests/')).map((r) => r.status)).toEqual([
      429, 0, 200,
    ]);
    expect(transport.stats().get(p.host)?.retries).toBe(2);
  });

  it('gives up after the attempts with the registry code in the error', async () => {
    const p = await proxy(anon, [
      {
        match: (r) => r.path.includes('/manifests/'),
        status: 503,
        body: '{"errors":[{"code":"UNAVAILABLE","message":"down"}]}',
      },
    ]);
    const { client, sleeps } = clientFor([{ host: p.host, url: p.url }], { retry: { attempts: 3 } });
    const err = (await client
      .getManifest({ ...repoOf(p, 'x/y'), tag: '1' })
      .catch((e: unknown) => e)) as RegistryError;
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.status).toBe(503);
    expect(err.code).toBe('UNAVAILABLE');
    expect(sleeps).toHaveLength(2);
  });

  it('restarts a blob upload with a new session when the source connection drops midway', async () => {
    const data = randomBytes(2_000_000, 'restart');
    const digest = sha256Digest(data);
    const { client: seed } = clientFor([anon]);
    await seed.pushBlob(repoOf(anon, 'restart/src'), data);
    const p = await proxy(anon, [
      { times: 1, resetAfterBytes: 700_000, match: (r) => r.method === 'GET' && r.path.includes('/blobs/') },
    ]);
    const dst = await proxy(other);
    const { client, sleeps } = clientFor([
      { host: p.host, url: p.url },
      { host: dst.host, url: dst.url },
    ]);
    await client.uploadBlob(repoOf(dst, 'restart/dst'), { digest, size: data.length }, () =>
      client.getBlob(repoOf(p, 'restart/src'), { digest, size: data.length }),
    );
    expect(await blobExists(other, 'restart/dst', digest)).toBe(true);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    expect(
      dst.requests.filter((r) => r.method === 'POST' && r.path.includes('/blobs/uploads/')),
    ).toHaveLength(2);
    expect(dst.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('drops Authorization when a blob GET redirects to another origin', async () => {
    const auth = await startRegistry({ auth: 'htpasswd' });
    const data = randomBytes(10_000, 'redirect');
    const digest = sha256Digest(data);
    const { client: seed } = clientFor([auth]);
    await seed.pushBlob(repoOf(auth, 'redir/app'), data);
    const basic = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    const origin = await startRecordingOrigin(auth.url, { upstreamAuthorization: basic });
    proxies.push(origin);
    const p = await proxy(auth, [
      { redirectTo: origin.url, match: (r) => r.method === 'GET' && r.path.includes('/blobs/') },
    ]);
    const { client } = clientFor([{ host: p.host, url: p.url }], {
      credentials: async (host) =>
        host === p.host
          ? { username: auth.username as string, password: auth.password as string }
          : undefined,
    });
    // A HEAD first teaches the client that the host wants Basic, so the GET carries Authorization.
    expect(await client.headBlob(repoOf(p, 'redir/app'), digest)).toBe(data.length);
    const chunks: Buffer[] = [];
    for await (const c of await client.getBlob(repoOf(p, 'redir/app'), { digest, size: data.length }))
      chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    const redirected = p.requests.filter((r) => r.path.includes('/blobs/') && r.status === 307);
    expect(redirected.at(-1)?.authorization).toBe(true);
    expect(origin.requests.length).toBeGreaterThan(0);
    expect(origin.requests.every((r) => !r.authorization)).toBe(true);
  });
});

describe('authentication', () => {
  it('uses Basic on an htpasswd registry and reports a bad password clearly', async () => {
    const reg = await startRegistry({ auth: 'htpasswd' });
    const img = buildImage({ seed: 'basic' });
    await pushContent(reg, 'b/app', '1', img);
    const { client } = clientFor([reg]);
    expect((await client.getManifest({ ...repoOf(reg, 'b/app'), tag: '1' })).digest).toBe(img.top.digest);
    const bad = clientFor([reg], {
      noCredentials: true,
      credentials: async () => ({ username: 'tester', password: 'wrong' }),
    });
    await expect(bad.client.getManifest({ ...repoOf(reg, 'b/app'), tag: '1' })).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
    });
  });

  it('fetches bearer tokens per scope set, caches them, and widens scope for push and for a mount', async () => {
    const reg = await startRegistry({ auth: 'token' });
    const img = buildImage({
      seed: 'tok',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    await pushContent(reg, 'tok/src', '1', img);
    const ts = reg.tokenServer;
    if (!ts) throw new Error('no token server');
    ts.requests.length = 0;
    const { client } = clientFor([reg]);
    const src = repoOf(reg, 'tok/src');
    const dst = repoOf(reg, 'tok/dst');
    const m = await client.getManifest({ ...src, tag: '1' });
    await client.headManifest({ ...src, tag: '1' });
    expect(ts.requests.map((r) => r.scopes)).toEqual([['repository:tok/src:pull']]);
    const parsed = parseManifest(m.bytes, m.mediaType);
    if (parsed.kind !== 'manifest') throw new Error('expected manifest');
    expect(await client.headBlob(dst, parsed.manifest.config.digest)).toBeUndefined();
    const mount = await client.mountBlob(dst, parsed.manifest.config.digest, 'tok/src');
    expect(mount).toEqual({ mounted: true });
    await client.pushBlob(dst, Buffer.from('{"x":1}'));
    const scopes = ts.requests.map((r) => r.scopes.join(' '));
    expect(scopes).toEqual([
      'repository:tok/src:pull',
      'repository:tok/dst:pull',
      'repository:tok/dst:pull,push repository:tok/src:pull',
    ]);
    expect(ts.requests.every((r) => r.method === 'GET' && r.account === 'tester' && !r.anonymous)).toBe(true);
  });

  it('uses the OAuth2 password grant when preferred, with the space-separated scope list', async () => {
    const reg = await startRegistry({ auth: 'token' });
    const ts = reg.tokenServer;
    if (!ts) throw new Error('no token server');
    const { client } = clientFor([reg], { preferPost: true });
    await client.mountBlob(repoOf(reg, 'post/dst'), sha256Digest('x'), 'post/src');
    expect(ts.requests.map((r) => [r.method, r.grantType, r.scopes.join(' '), r.status])).toEqual([
      ['POST', 'password', 'repository:post/dst:pull,push repository:post/src:pull', 200],
    ]);
    const wrong = clientFor([reg], {
      preferPost: true,
      noCredentials: true,
      credentials: async () => ({ username: 'tester', password: 'bad' }),
    });
    await expect(wrong.client.ping(reg.host)).rejects.toThrow(
      /authentication to 127\.0\.0\.1:\d+ failed: token request GET .* returned HTTP 401/,
    );
  });

  it('uses the OAuth2 refresh_token grant for an identity token', async () => {
    const reg = await startRegistry({ auth: 'token' });
    const ts = reg.tokenServer;
    if (!ts) throw new Error('no token server');
    // Get a refresh token the way `docker login` does, then use it as an identity token.
    const form = new URLSearchParams({
      grant_type: 'password',
      username: 'tester',
      password: 'secret-pw',
      service: ts.service,
      client_id: 'test',
      access_type: 'offline',
    });
    const res = await fetch(ts.realm, { method: 'POST', body: form });
    const { refresh_token } = (await res.json()) as { refresh_token: string };
    expect(refresh_token).toBeTruthy();
    ts.requests.length = 0;
    const { client } = clientFor([reg], {
      noCredentials: true,
      credentials: async () => ({ identityToken: refresh_token }),
    });
    await client.pushBlob(repoOf(reg, 'rt/app'), Buffer.from('refresh'));
    expect(ts.requests.map((r) => [r.method, r.grantType])).toEqual([['POST', 'refresh_token']]);
  });

  it('reads credentials from a Docker credential helper named in config.json', async () => {
    const reg = await startRegistry({ auth: 'htpasswd' });
    const dir = tempDir('cred-helper-');
    const helper = makeCredentialHelper(dir.path, 'test', {
      [reg.host]: { Username: 'tester', Secret: 'secret-pw' },
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      `${dir.path}/config.json`,
      JSON.stringify({ credHelpers: { [reg.host]: 'test' }, auths: {} }),
    );
    const env = { ...process.env, DOCKER_CONFIG: dir.path, PATH: `${helper.dir}:${process.env.PATH}` };
    const { client } = clientFor([reg], {
      noCredentials: true,
      credentials: dockerConfigCredentials({ env }),
    });
    await client.pushBlob(repoOf(reg, 'helper/app'), Buffer.from('via helper'));
    expect(helper.calls()).toEqual([{ argv: ['get'], stdin: reg.host }]);
    dir.cleanup();
  });

  it('talks TLS with a custom CA and presents a client certificate for mTLS', async () => {
    const [tls, mtls] = await Promise.all([startRegistry({ tls: 'tls' }), startRegistry({ tls: 'mtls' })]);
    const { client } = clientFor([tls, mtls]);
    await client.ping(tls.host);
    await client.ping(mtls.host);
    const noCa = clientFor([], { settings: { [tls.host]: { plainHTTP: false } }, retry: { attempts: 1 } });
    await expect(noCa.client.ping(tls.host)).rejects.toThrow(/certificate/i);
    const noClientCert = clientFor([], {
      settings: { [mtls.host]: { plainHTTP: false, tls: { ca: mtls.tls?.caPem as string } } },
      retry: { attempts: 1 },
    });
    await expect(noClientCert.client.ping(mtls.host)).rejects.toThrow();
    const insecure = clientFor([], {
      settings: { [tls.host]: { plainHTTP: false, tls: { insecure: true } } },
    });
    await insecure.client.ping(tls.host);
  });
});

describe('referrers', () => {
  it('reads referrers from the fallback tag when the registry lacks the API', async () => {
    const img = buildImage({
      seed: 'ref',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    const subject = await pushContent(anon, 'ref/app', '1', img);
    const sig = buildArtifact({
      artifactType: 'application/vnd.example.sig',
      subject: { mediaType: img.top.mediaType, digest: subject, size: img.top.bytes.length },
    });
    const sbom = buildArtifact({
      artifactType: 'application/vnd.example.sbom',
      subject: { mediaType: img.top.mediaType, digest: subject, size: img.top.bytes.length },
    });
    await pushContent(anon, 'ref/app', undefined, sig);
    await pushContent(anon, 'ref/app', undefined, sbom);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: sig.top.mediaType,
            digest: sig.top.digest,
            size: sig.top.bytes.length,
            artifactType: 'application/vnd.example.sig',
          },
          {
            mediaType: sbom.top.mediaType,
            digest: sbom.top.digest,
            size: sbom.top.bytes.length,
            artifactType: 'application/vnd.example.sbom',
          },
        ],
      }),
    );
    const { client } = clientFor([anon]);
    expect(await client.getReferrers(repoOf(anon, 'ref/app'), subject)).toEqual({
      descriptors: [],
      via: 'tag',
    });
    await client.putManifest({ ...repoOf(anon, 'ref/app'), tag: referrersTag(subject) }, index, OCI_INDEX);
    const all = await client.getReferrers(repoOf(anon, 'ref/app'), subject);
    expect(all.via).toBe('tag');
    expect(all.descriptors.map((d) => d.digest)).toEqual([sig.top.digest, sbom.top.digest]);
    const only = await client.getReferrers(repoOf(anon, 'ref/app'), subject, {
      artifactType: 'application/vnd.example.sbom',
    });
    expect(only.descriptors.map((d) => d.digest)).toEqual([sbom.top.digest]);
    expect((await getManifestRaw(anon, 'ref/app', referrersTag(subject)))?.digest).toBeDefined();
  });

  it('uses the referrers API with pagination, filtering client-side when the registry did not', async () => {
    const d = (n: number, t: string) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${String(n).repeat(64)}`,
      size: 10,
      artifactType: t,
    });
    const subject = `sha256:${'e'.repeat(64)}`;
    const page = (manifests: unknown[]) =>
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
    const p = await proxy(anon, [
      {
        times: 1,
        match: (r) => r.path.startsWith(`/v2/api/app/referrers/${subject}`) && !r.path.includes('page=2'),
        status: 200,
        headers: { 'content-type': OCI_INDEX, link: `</v2/api/app/referrers/${subject}?page=2>; rel="next"` },
        body: page([d(1, 'a/sig'), d(2, 'a/sbom')]),
      },
      {
        times: 1,
        match: (r) => r.path.includes('page=2'),
        status: 200,
        headers: { 'content-type': OCI_INDEX },
        body: page([d(3, 'a/sig')]),
      },
    ]);
    const { client } = clientFor([{ host: p.host, url: p.url }]);
    const res = await client.getReferrers(repoOf(p, 'api/app'), subject, { artifactType: 'a/sig' });
    expect(res.via).toBe('api');
    expect(res.descriptors.map((x) => x.digest)).toEqual([d(1, '').digest, d(3, '').digest]);
    expect(p.requests[0]?.path).toContain('artifactType=a%2Fsig');
  });
});
