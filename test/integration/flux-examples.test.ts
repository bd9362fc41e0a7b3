/**
 * flux mirror's documented example configs (rewritten in test/fixtures/config/flux with
 * ${SRC}/${DST} placeholders) load unchanged and run against local registries; ${CHARTS} is an
 * HTTP Helm repository served by this test (charts made with the real helm binary). `verify:`
 * entries run offline against the committed mock Sigstore root (`--trusted-root`): the unsigned
 * images are refused at plan time, each as a failed tag row naming the check.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  getTestPki,
  pushContent,
  skopeoInspectRaw,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { helm, helmEnv, type StaticServer, serveDirectory } from '../helm/util.js';
import { cli } from './cli-run.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'config', 'flux');
const TRUSTED_ROOT = join(import.meta.dirname, '..', 'fixtures', 'cosign', 'trusted_root.json');
// readme-hosts-spiffe.yaml needs a SPIFFE Workload API to run (test/integration/spiffe-x509.test.ts); here it validates.
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml') && !f.includes('spiffe'));

let src: TestRegistry;
let dst: TestRegistry;
let mtls: TestRegistry;
let dir: TempDir;
let charts: StaticServer;
const digests = new Map<string, string>();

beforeAll(async () => {
  [src, dst, mtls] = await Promise.all([startRegistry(), startRegistry(), startRegistry({ tls: 'mtls' })]);
  dir = tempDir('flux-examples-');
  cpSync(FIXTURES, dir.path, { recursive: true });
  // readme-hosts*.yaml point ${DST} at ./certs (mTLS) and a JWK; give them real files.
  const pki = await getTestPki();
  mkdirSync(join(dir.path, 'certs'), { recursive: true });
  mkdirSync(join(dir.path, 'keys'), { recursive: true });
  cpSync(pki.caPath, join(dir.path, 'certs', 'ca.crt'));
  cpSync(pki.clientCertPath, join(dir.path, 'certs', 'client.crt'));
  cpSync(pki.clientKeyPath, join(dir.path, 'certs', 'client.key'));
  writeFileSync(join(dir.path, 'keys', 'mirror.jwk'), '{}');
  // The Helm repositories ${CHARTS} points at: /metrics-server/, /external-dns/, /podinfo/ and / (nginx).
  const env = helmEnv(dir);
  const build = join(dir.path, 'chart-build');
  const served = join(dir.path, 'chart-repo');
  mkdirSync(build, { recursive: true });
  const chartVersions: [string, string, string[]][] = [
    ['metrics-server', 'metrics-server', ['3.11.0', '3.12.1']],
    ['external-dns', 'external-dns', ['1.15.0']],
    ['podinfo', 'podinfo', ['6.10.0', '6.11.0', '6.11.1']],
    ['', 'nginx', ['15.0.1', '15.1.0', '16.0.0']],
  ];
  for (const [sub, name, versions] of chartVersions) {
    const out = join(served, sub);
    mkdirSync(out, { recursive: true });
    await helm(['create', name], env, build);
    for (const v of versions) {
      await helm(['package', name, '--version', v, '-d', out], env, build);
    }
    await helm(['repo', 'index', out], env);
  }
  charts = await serveDirectory(served);
  const seeds: Record<string, string[]> = {
    'stefanprodan/podinfo': ['6.10.0', '6.11.0', '6.11.1'],
    'stefanprodan/manifests/podinfo': ['6.11.0', '6.11.1', '6.11.2', 'latest'],
    'stefanprodan/charts/podinfo': ['6.8.0', '6.9.0', '6.9.1', '6.10.0'],
    'metrics-server/metrics-server': ['v0.6.4', 'v0.7.1'],
    'external-dns/external-dns': ['v0.15.0'],
    'fluxcd/flux-cli': ['v2.6.0', 'v2.7.1', 'v3.0.0'],
    'example/nightly-build': ['main-abc123-1700000000', 'main-def456-1700000100', 'notes'],
  };
  for (const [repo, tags] of Object.entries(seeds)) {
    for (const tag of tags) {
      const img = buildImage({
        seed: `${repo}:${tag}`,
        platforms: [{ os: 'linux', architecture: 'amd64' }],
        index: false,
      });
      digests.set(`${repo}:${tag}`, await pushContent(src, repo, tag, img));
    }
  }
});
afterAll(async () => {
  await charts?.close();
  dir.cleanup();
  await stopAll();
});

async function run(file: string, target: TestRegistry = dst) {
  const result = await cli(['sync', join(dir.path, file), '-o', 'json', '--trusted-root', TRUSTED_ROOT], {
    env: { SRC: src.host, DST: target.host, CHARTS: charts.url, QUAY_TOKEN: 'quay-robot-token' },
  });
  expect(result.stderr).toBe('');
  const doc = JSON.parse(result.stdout);
  expect(validateReport(doc)).toEqual([]);
  const rows = doc.report.results as {
    name: string;
    kind: string;
    error?: { message: string };
    tags: {
      tag: string;
      status: string;
      destination: string;
      error?: { operation?: string; code?: string };
    }[];
  }[];
  return { code: result.code, rows };
}

const copied = (rows: Awaited<ReturnType<typeof run>>['rows']) =>
  rows.flatMap((r) =>
    r.tags.filter((t) => t.status === 'copied').map((t) => t.destination.replace(/^[^/]+\//, '')),
  );
const refused = (rows: Awaited<ReturnType<typeof run>>['rows']) =>
  rows
    .filter((r) => r.error || r.tags.some((t) => t.error?.operation === 'verify signature'))
    .map((r) => (r.error ? `${r.kind}:${r.name}` : `verify:${r.name}`));

describe('flux mirror example configs', () => {
  it.each(files)('%s validates', async (file) => {
    const v = await cli(['validate', join(dir.path, file)], {
      env: { SRC: 'localhost:5000', DST: 'localhost:5001', CHARTS: 'http://localhost:8080', QUAY_TOKEN: 't' },
    });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });

  it('readme-hosts-spiffe.yaml validates (SPIFFE X.509-SVID TLS and jwt-svid)', async () => {
    const v = await cli(['validate', join(dir.path, 'readme-hosts-spiffe.yaml')], {
      env: { SRC: 'localhost:5000', DST: 'localhost:5001' },
    });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });

  it('artifacts.yaml: charts by semver, latest by regex, verified image refused', async () => {
    const { code, rows } = await run('artifacts.yaml');
    expect(code).toBe(1);
    expect(copied(rows).sort()).toEqual([
      'charts/podinfo:6.10.0',
      'charts/podinfo:6.9.0',
      'charts/podinfo:6.9.1',
      'manifests/podinfo:latest',
    ]);
    expect(refused(rows)).toEqual([`verify:${src.host}/stefanprodan/podinfo`]);
    const raw = await skopeoInspectRaw(dst, 'charts/podinfo:6.10.0');
    expect(raw).toContain('"schemaVersion"');
  });

  it('charts.yaml and cronjob-config.yaml: images and charts copied', async () => {
    const result = await run('charts.yaml');
    expect(result.code).toBe(0);
    expect(copied(result.rows).sort()).toEqual([
      'charts/external-dns:1.15.0',
      'charts/metrics-server:3.12.1',
      'external-dns:v0.15.0',
      'metrics-server:v0.7.1',
    ]);
    expect(refused(result.rows)).toEqual([]);
    const cron = await run('cronjob-config.yaml');
    expect(copied(cron.rows).sort()).toEqual(['my-org/charts/podinfo:6.11.1', 'my-org/podinfo:6.11.1']);
    expect(refused(cron.rows)).toEqual([]);
  });

  it('readme-artifacts.yaml: extracted-timestamp ordering and semver ranges', async () => {
    const { rows } = await run('readme-artifacts.yaml');
    const got = copied(rows).sort();
    expect(got).toContain('example/flux-cli:v2.7.1');
    expect(got).not.toContain('example/flux-cli:v3.0.0');
    expect(got.filter((t) => t.startsWith('example/nightly-build')).length).toBeGreaterThan(0);
    expect(got.some((t) => t.endsWith(':notes'))).toBe(false);
  });

  it('podinfo.yaml, readme-example.yaml: charts copied, nothing copied unverified; readme-charts.yaml: charts copied', async () => {
    const want: Record<string, string[]> = {
      'podinfo.yaml': ['charts/podinfo:6.11.1', 'charts/podinfo:6.11.0'],
      'readme-example.yaml': ['my-org/charts/podinfo:6.11.1', 'my-org/charts/podinfo:6.11.0'],
    };
    for (const [file, charts] of Object.entries(want)) {
      const { code, rows } = await run(file);
      expect(code).toBe(1);
      const artifacts = rows.filter((r) => r.kind === 'artifact');
      expect(copied(artifacts)).toEqual([]);
      // Unsigned: the first selected tag of each entry is refused, which stops the entry.
      for (const r of artifacts)
        expect(r.tags.map((t) => [t.status, t.error?.code])).toEqual([['failed', 'no-signature']]);
      // cronjob-config.yaml mirrored my-org/charts/podinfo:6.11.1 already: copied or up to date.
      const present = rows
        .filter((r) => r.kind === 'chart')
        .flatMap((r) => r.tags.filter((t) => t.status === 'copied' || t.status === 'skipped'))
        .map((t) => t.destination.replace(/^[^/]+\//, ''));
      expect(present).toEqual(charts);
    }
    const nginx = await run('readme-charts.yaml');
    expect(nginx.code).toBe(0);
    expect(copied(nginx.rows)).toEqual(['example/charts/nginx:15.1.0', 'example/charts/nginx:15.0.1']);
  });

  it('readme-hosts.yaml: mirrors over mTLS with the CA and client certificate from the config', async () => {
    const { code, rows } = await run('readme-hosts.yaml', mtls);
    expect(code).toBe(0);
    expect(copied(rows)).toEqual(['podinfo:6.11.1']);
    expect(await skopeoInspectRaw(mtls, 'podinfo:6.11.1')).toContain('schemaVersion');
  });

  it('readme-hosts-v1beta2.yaml: the JWK-signed source credential is used, and a bad key is refused, not skipped silently', async () => {
    // The placeholder key `{}` is not a JWK: the host fails with the file and the reason.
    const bad = await run('readme-hosts-v1beta2.yaml', mtls);
    expect(bad.code).toBe(1);
    expect(bad.rows[0]?.error?.message).toMatch(
      /authentication to 127\.0\.0\.1:\d+ failed: credential\.jwkPath .*mirror\.jwk: the JWK has no "kty"/,
    );
    // A real private JWK: a fresh JWT is signed per request and the mirror runs.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(join(dir.path, 'keys', 'mirror.jwk'), JSON.stringify(privateKey.export({ format: 'jwk' })));
    try {
      const good = await run('readme-hosts-v1beta2.yaml', mtls);
      expect(good.code).toBe(0);
      expect(good.rows.map((r) => r.error)).toEqual([undefined]);
      expect(good.rows[0]?.tags.map((t) => t.tag)).toEqual(['6.11.1']);
    } finally {
      writeFileSync(join(dir.path, 'keys', 'mirror.jwk'), '{}');
    }
  });
});
