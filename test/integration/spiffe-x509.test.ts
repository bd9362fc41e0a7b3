/**
 * SPIFFE X.509-SVID TLS (flux `tls.clientAuth.provider: x509-svid`, `tls.serverAuth.spiffe`) against
 * a real registry behind a TLS terminator that requires a client X.509-SVID from the trust bundle and
 * authorizes its SPIFFE ID, with SVIDs and bundles from a real gRPC Workload API server (test CAs for
 * two trust domains, `example.org` and `other.org`, federated). Each half is also used alone, and a
 * rotation pushed on the Workload API stream is used by the next connections.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { SyncResult } from '../../src/sync/model.js';
import { createSession } from '../../src/sync/session.js';
import { sync } from '../../src/sync/sync.js';
import {
  buildImage,
  getManifestRaw,
  getTestPki,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import {
  type SpiffeTerminator,
  type Svid,
  startSpiffeTerminator,
  startWorkloadApi,
  type TrustDomainCa,
  trustDomainCa,
  type WorkloadApiServer,
} from '../harness/spiffe.js';
import { cli } from './cli-run.js';

let dir: TempDir;
let src: TestRegistry;
let dst: TestRegistry;
let tdA: TrustDomainCa;
let tdB: TrustDomainCa;
let svids: Record<'server' | 'client1' | 'client2' | 'otherClient' | 'otherServer', Svid>;
/** example.org server SVID, clients must be in example.org. */
let termA: SpiffeTerminator;
/** other.org server SVID, clients must be in example.org. */
let termB: SpiffeTerminator;
/** example.org server SVID, no client certificate asked. */
let termServerOnly: SpiffeTerminator;
/** The harness PKI's ordinary server certificate (127.0.0.1), clients must be in example.org. */
let termClientOnly: SpiffeTerminator;
/** This workload is spiffe://example.org/mirror. */
let apiA: WorkloadApiServer;
/** This workload is spiffe://other.org/mirror. */
let apiB: WorkloadApiServer;
/** No SVID for this workload, only bundles. */
let apiBundles: WorkloadApiServer;
let digest: string;

function mk(name: string): string {
  const d = join(dir.path, name);
  mkdirSync(d);
  return d;
}

const onlyExampleOrg = (id: string) =>
  id.startsWith('spiffe://example.org/') ? undefined : `trust domain of ${id} not allowed`;

beforeAll(async () => {
  dir = tempDir('spiffe-x509-');
  [tdA, tdB] = await Promise.all([
    trustDomainCa(dir.path, 'example.org'),
    trustDomainCa(dir.path, 'other.org'),
  ]);
  const [server, client1, client2, otherClient, otherServer] = await Promise.all([
    tdA.issue('/registry', 'server'),
    tdA.issue('/mirror', 'client1'),
    tdA.issue('/mirror', 'client2'),
    tdB.issue('/mirror', 'other-client'),
    tdB.issue('/registry', 'other-server'),
  ]);
  svids = { server, client1, client2, otherClient, otherServer };
  [src, dst] = await Promise.all([startRegistry(), startRegistry({ relativeUrls: true })]);
  const img = buildImage({
    seed: 'spiffe:1',
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    index: false,
  });
  digest = await pushContent(src, 'app', '1.0.0', img);
  const trust = [tdA.caPem, tdB.caPem];
  const pki = await getTestPki();
  [termA, termB, termServerOnly, termClientOnly] = await Promise.all([
    startSpiffeTerminator({ upstream: dst.host, server, trust, authorize: onlyExampleOrg }),
    startSpiffeTerminator({ upstream: dst.host, server: otherServer, trust, authorize: onlyExampleOrg }),
    startSpiffeTerminator({ upstream: dst.host, server, trust, requireClient: false }),
    startSpiffeTerminator({
      upstream: dst.host,
      server: {
        certPem: readFileSync(pki.serverCertPath, 'utf8'),
        keyPem: readFileSync(pki.serverKeyPath, 'utf8'),
      },
      trust,
      authorize: onlyExampleOrg,
    }),
  ]);
  copyFileSync(pki.caPath, join(dir.path, 'registry-ca.crt'));
  const bundles = { 'example.org': tdA.caPem, 'other.org': tdB.caPem };
  [apiA, apiB, apiBundles] = await Promise.all([
    startWorkloadApi({ dir: mk('api-a'), identity: { svid: client1, bundles } }),
    startWorkloadApi({ dir: mk('api-b'), identity: { svid: otherClient, bundles } }),
    startWorkloadApi({ dir: mk('api-bundles'), identity: { bundles } }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([termA, termB, termServerOnly, termClientOnly].map((t) => t?.stop()));
  await Promise.all([apiA, apiB, apiBundles].map((a) => a?.stop()));
  await stopAll();
  dir?.cleanup();
});

let n = 0;
/** A flux v1beta1 config file mirroring app:1.0.0 to `<host>/<repo>` with the given `tls:` block. */
function writeConfig(host: string, repo: string, tls: string): string {
  const file = join(dir.path, `config-${++n}.yaml`);
  writeFileSync(
    file,
    `apiVersion: mirror.plugin.fluxcd.io/v1beta1
kind: Config
artifacts:
  - source: ${src.host}/app
    destination: ${host}/${repo}
    selector:
      semver: "1.x"
hosts:
  - host: ${host}
    tls:
${tls
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`,
  );
  return file;
}

async function config(host: string, repo: string, tls: string) {
  const file = writeConfig(host, repo, tls);
  return { file, config: await loadConfig({ path: file, env: {} }) };
}

const FULL = (serverAuth: string) => `
clientAuth:
  provider: x509-svid
serverAuth:
  spiffe:
    ${serverAuth}`;

async function run(
  cfg: Awaited<ReturnType<typeof config>>['config'],
  api: WorkloadApiServer | string | undefined,
) {
  const logs: string[] = [];
  const env: NodeJS.ProcessEnv = {};
  if (api !== undefined) env.SPIFFE_ENDPOINT_SOCKET = typeof api === 'string' ? api : api.endpoint;
  const result = await sync(cfg, {
    env,
    dockerConfig: false,
    retries: 0,
    jobRetries: 0,
    onEvent: (e) => {
      if (e.type === 'log') logs.push(e.message);
    },
  });
  return { result, logs, errors: errorsOf(result) };
}

function errorsOf(result: SyncResult): string {
  return JSON.stringify(result.entries.map((e) => e.tags.map((t) => t.error)));
}

const at = async (repo: string) => (await getManifestRaw(dst, repo, '1.0.0'))?.digest;

describe('SPIFFE X.509-SVID TLS', () => {
  it('mirrors through mTLS with our SVID as client certificate and the server authorized by ID', async () => {
    const before = termA.connections.length;
    const { config: cfg } = await config(termA.host, 'full', FULL('serverID: spiffe://example.org/registry'));
    const { result, logs, errors } = await run(cfg, apiA);
    expect(result.summary.failed, errors).toBe(0);
    expect(result.summary.copied).toBe(1);
    expect(await at('full')).toBe(digest);
    const seen = termA.connections.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(
      seen.every((c) => c.accepted && c.id === svids.client1.id && c.serial === svids.client1.serial),
    ).toBe(true);
    expect(logs.some((l) => l.includes(`X.509-SVID ${svids.client1.id}`))).toBe(true);
    expect(apiA.calls.every((c) => c.header)).toBe(true);
    expect(apiA.calls.some((c) => c.method === 'FetchX509SVID')).toBe(true);
  });

  it('the CLI runs the same config with SPIFFE_ENDPOINT_SOCKET from its environment (--verbose names the SVID)', async () => {
    const { file } = await config(termA.host, 'cli', FULL('trustDomain: example.org'));
    const run = await cli(['sync', file, '--verbose', '--retries', '0'], {
      env: { SPIFFE_ENDPOINT_SOCKET: apiA.endpoint, DOCKER_CONFIG: dir.path },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`SPIFFE: X.509-SVID ${svids.client1.id}`);
    expect(await at('cli')).toBe(digest);
  });

  it('a client SVID of another trust domain is refused by the server', async () => {
    const before = termA.connections.length;
    const { config: cfg } = await config(
      termA.host,
      'wrong-td',
      FULL('serverID: spiffe://example.org/registry'),
    );
    const { result } = await run(cfg, apiB);
    expect(result.summary.failed).toBe(1);
    expect(await at('wrong-td')).toBeUndefined();
    const refused = termA.connections.slice(before);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((c) => !c.accepted && c.id === svids.otherClient.id)).toBe(true);
  });

  it('a server whose SPIFFE ID is not the configured serverID is refused by us, naming both IDs', async () => {
    const { config: cfg } = await config(
      termA.host,
      'mismatch',
      FULL('serverID: spiffe://example.org/other'),
    );
    const { result, errors } = await run(cfg, apiA);
    expect(result.summary.failed).toBe(1);
    expect(errors).toContain(
      'SPIFFE server ID mismatch: expected spiffe://example.org/other, found spiffe://example.org/registry',
    );
    expect(await at('mismatch')).toBeUndefined();
  });

  it('authorizeAny accepts any SVID the bundles validate (a federated trust domain too)', async () => {
    const { config: cfg } = await config(termB.host, 'any', FULL('authorizeAny: true'));
    const { result, errors } = await run(cfg, apiA);
    expect(result.summary.failed, errors).toBe(0);
    expect(await at('any')).toBe(digest);
  });

  it('trustDomain: self is our own trust domain; another domain must be named', async () => {
    const ok = await run((await config(termA.host, 'self', FULL('trustDomain: self'))).config, apiA);
    expect(ok.result.summary.failed, ok.errors).toBe(0);
    expect(await at('self')).toBe(digest);

    const refused = await run((await config(termB.host, 'self-b', FULL('trustDomain: self'))).config, apiA);
    expect(refused.result.summary.failed).toBe(1);
    expect(refused.errors).toContain(
      'expected a member of example.org (self), found spiffe://other.org/registry',
    );
    expect(await at('self-b')).toBeUndefined();

    const named = await run(
      (await config(termB.host, 'named-td', FULL('trustDomain: other.org'))).config,
      apiA,
    );
    expect(named.result.summary.failed, named.errors).toBe(0);
    expect(await at('named-td')).toBe(digest);
  });

  it('server half alone: bundles from FetchX509Bundles (no SVID needed), no client certificate', async () => {
    const tls = 'serverAuth:\n  spiffe:\n    serverID: spiffe://example.org/registry';
    const { result, errors } = await run(
      (await config(termServerOnly.host, 'server-only', tls)).config,
      apiBundles,
    );
    expect(result.summary.failed, errors).toBe(0);
    expect(await at('server-only')).toBe(digest);
    expect(apiBundles.calls.map((c) => c.method)).toContain('FetchX509Bundles');
    expect(apiBundles.calls.map((c) => c.method)).not.toContain('FetchX509SVID');
  });

  it('client half alone: our SVID as client certificate, the server checked against a CA file', async () => {
    const before = termClientOnly.connections.length;
    const tls = 'clientAuth:\n  provider: x509-svid\nserverAuth:\n  fromPath: ./registry-ca.crt';
    const { result, errors } = await run(
      (await config(termClientOnly.host, 'client-only', tls)).config,
      apiA,
    );
    expect(result.summary.failed, errors).toBe(0);
    expect(await at('client-only')).toBe(digest);
    expect(
      termClientOnly.connections.slice(before).every((c) => c.accepted && c.id === svids.client1.id),
    ).toBe(true);
    // The same server is not an X.509-SVID: SPIFFE server verification refuses it.
    const spiffe = await run(
      (await config(termClientOnly.host, 'client-only-spiffe', FULL('authorizeAny: true'))).config,
      apiA,
    );
    expect(spiffe.result.summary.failed).toBe(1);
    expect(spiffe.errors).toMatch(/self-signed|unable to verify|no SPIFFE ID/);
  });

  it('a rotation pushed on the Workload API stream is used by later connections of the same run', async () => {
    const rotating = await startWorkloadApi({
      dir: mk('api-rotating'),
      identity: { svid: svids.client1, bundles: { 'example.org': tdA.caPem, 'other.org': tdB.caPem } },
    });
    const rotTerm = await startSpiffeTerminator({
      upstream: dst.host,
      server: svids.server,
      trust: [tdA.caPem],
      authorize: onlyExampleOrg,
    });
    try {
      const { config: cfg } = await config(
        rotTerm.host,
        'rot-1',
        FULL('serverID: spiffe://example.org/registry'),
      );
      const logs: string[] = [];
      const log = (m: string) => logs.push(m);
      const session = createSession(cfg, {
        env: { SPIFFE_ENDPOINT_SOCKET: rotating.endpoint },
        dockerConfig: false,
        retries: 0,
        log,
      });
      try {
        const first = await sync(cfg, { session, dockerConfig: false, jobRetries: 0 });
        expect(first.summary.copied, errorsOf(first)).toBe(1);
        expect(rotTerm.connections.every((c) => c.serial === svids.client1.serial)).toBe(true);

        // The old SVID is rotated out at the server; the agent pushes the new one on the open stream.
        rotTerm.setAuthorize((id, serial) =>
          serial === svids.client1.serial ? 'rotated-out SVID' : onlyExampleOrg(id),
        );
        rotating.rotate({ svid: svids.client2, bundles: { 'example.org': tdA.caPem } });
        await expect
          .poll(() => logs.some((l) => l.startsWith('SPIFFE: rotated: X.509-SVID')), { timeout: 20_000 })
          .toBe(true);
        const before = rotTerm.connections.length;
        const cfg2 = (await config(rotTerm.host, 'rot-2', FULL('serverID: spiffe://example.org/registry')))
          .config;
        const second = await sync(cfg2, { session, dockerConfig: false, jobRetries: 0 });
        expect(second.summary.copied, errorsOf(second)).toBe(1);
        expect(await at('rot-2')).toBe(digest);
        const later = rotTerm.connections.slice(before);
        expect(later.length).toBeGreaterThan(0);
        expect(later.every((c) => c.accepted && c.serial === svids.client2.serial)).toBe(true);
        expect(logs.some((l) => l.includes('new TLS material from the SPIFFE Workload API'))).toBe(true);
      } finally {
        await session.close();
      }
      await expect.poll(() => rotating.openStreams(), { timeout: 10_000 }).toBe(0);
    } finally {
      await rotTerm.stop();
      await rotating.stop();
    }
  });

  it('when the Workload API goes away after the first SVID, the last one stays in use', async () => {
    const api = await startWorkloadApi({
      dir: mk('api-vanishing'),
      identity: { svid: svids.client1, bundles: { 'example.org': tdA.caPem } },
    });
    const { config: cfg } = await config(
      termA.host,
      'vanish-1',
      FULL('serverID: spiffe://example.org/registry'),
    );
    const logs: string[] = [];
    const session = createSession(cfg, {
      env: { SPIFFE_ENDPOINT_SOCKET: api.endpoint },
      dockerConfig: false,
      retries: 0,
      log: (m) => logs.push(m),
    });
    try {
      const first = await sync(cfg, { session, dockerConfig: false, jobRetries: 0 });
      expect(first.summary.copied, errorsOf(first)).toBe(1);
      await api.stop();
      await expect
        .poll(() => logs.some((l) => l.startsWith('SPIFFE: the Workload API stream broke')), {
          timeout: 20_000,
        })
        .toBe(true);
      const cfg2 = (await config(termA.host, 'vanish-2', FULL('serverID: spiffe://example.org/registry')))
        .config;
      const second = await sync(cfg2, { session, dockerConfig: false, jobRetries: 0 });
      expect(second.summary.copied, errorsOf(second)).toBe(1);
      expect(await at('vanish-2')).toBe(digest);
    } finally {
      await session.close();
    }
  });

  it('clear errors: socket not set, no Workload API at the socket, no SVID for this workload', async () => {
    const { config: cfg } = await config(
      termA.host,
      'errors',
      FULL('serverID: spiffe://example.org/registry'),
    );
    const unset = await run(cfg, undefined);
    expect(unset.result.summary.failed).toBe(1);
    expect(unset.errors).toContain(`${termA.host}: tls: SPIFFE_ENDPOINT_SOCKET is not set`);
    const dead = await run(cfg, `unix://${join(dir.path, 'none.sock')}`);
    expect(dead.errors).toMatch(/SPIFFE Workload API FetchX509SVID on unix:.*none\.sock failed/);
    const none = await run(cfg, apiBundles);
    expect(none.errors).toMatch(/FetchX509SVID .* failed: .*no identity issued/);
    expect(await at('errors')).toBeUndefined();
  });

  it('validate accepts the SPIFFE settings of the flux README, and refuses a malformed trust domain at its line', async () => {
    const good = await cli(
      ['validate', join(import.meta.dirname, '../fixtures/config/flux/readme-hosts-spiffe.yaml')],
      {
        env: { SRC: 'a.example.com', DST: 'b.example.com' },
      },
    );
    expect(good.code, good.stderr).toBe(0);
    const file = writeConfig(termA.host, 'bad', 'serverAuth:\n  spiffe:\n    trustDomain: "Not A Domain"');
    const bad = await cli(['validate', file], { env: {} });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/:\d+:\d+.*trustDomain/s);
  });
});
