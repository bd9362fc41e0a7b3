/**
 * flux mirror's documented example configs (rewritten in test/fixtures/config/flux with
 * ${SRC}/${DST} placeholders) load unchanged and run against local registries. Entries this
 * version cannot execute yet (cosign `verify`, Helm `charts`) fail closed with a clear reason.
 */
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
import { cli } from './cli-run.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'config', 'flux');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));

let src: TestRegistry;
let dst: TestRegistry;
let mtls: TestRegistry;
let dir: TempDir;
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
  dir.cleanup();
  await stopAll();
});

async function run(file: string, target: TestRegistry = dst) {
  const result = await cli(['sync', join(dir.path, file), '-o', 'json'], {
    env: { SRC: src.host, DST: target.host, CHARTS: 'http://127.0.0.1:9', QUAY_TOKEN: 'quay-robot-token' },
  });
  expect(result.stderr).toBe('');
  const doc = JSON.parse(result.stdout);
  expect(validateReport(doc)).toEqual([]);
  const rows = doc.report.results as {
    name: string;
    kind: string;
    error?: { message: string };
    tags: { tag: string; status: string; destination: string }[];
  }[];
  return { code: result.code, rows };
}

const copied = (rows: Awaited<ReturnType<typeof run>>['rows']) =>
  rows.flatMap((r) =>
    r.tags.filter((t) => t.status === 'copied').map((t) => t.destination.replace(/^[^/]+\//, '')),
  );
const refused = (rows: Awaited<ReturnType<typeof run>>['rows']) =>
  rows
    .filter((r) => r.error)
    .map((r) => (/verification/.test(r.error?.message ?? '') ? `verify:${r.name}` : `${r.kind}:${r.name}`));

describe('flux mirror example configs', () => {
  it.each(files)('%s validates', async (file) => {
    const v = await cli(['validate', join(dir.path, file)], {
      env: { SRC: 'localhost:5000', DST: 'localhost:5001', CHARTS: 'http://localhost:8080', QUAY_TOKEN: 't' },
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

  it('charts.yaml and cronjob-config.yaml: images copied, chart entries refused', async () => {
    const charts = await run('charts.yaml');
    expect(copied(charts.rows).sort()).toEqual(['external-dns:v0.15.0', 'metrics-server:v0.7.1']);
    expect(refused(charts.rows)).toEqual(['chart:metrics-server', 'chart:external-dns']);
    const cron = await run('cronjob-config.yaml');
    expect(copied(cron.rows)).toEqual(['my-org/podinfo:6.11.1']);
    expect(refused(cron.rows)).toEqual(['chart:podinfo']);
  });

  it('readme-artifacts.yaml: extracted-timestamp ordering and semver ranges', async () => {
    const { rows } = await run('readme-artifacts.yaml');
    const got = copied(rows).sort();
    expect(got).toContain('example/flux-cli:v2.7.1');
    expect(got).not.toContain('example/flux-cli:v3.0.0');
    expect(got.filter((t) => t.startsWith('example/nightly-build')).length).toBeGreaterThan(0);
    expect(got.some((t) => t.endsWith(':notes'))).toBe(false);
  });

  it('podinfo.yaml, readme-example.yaml, readme-charts.yaml: nothing copied unverified', async () => {
    for (const file of ['podinfo.yaml', 'readme-example.yaml', 'readme-charts.yaml']) {
      const { code, rows } = await run(file);
      expect(code).toBe(1);
      expect(copied(rows)).toEqual([]);
      expect(rows.every((r) => r.error !== undefined)).toBe(true);
    }
  });

  it('readme-hosts.yaml: mirrors over mTLS with the CA and client certificate from the config', async () => {
    const { code, rows } = await run('readme-hosts.yaml', mtls);
    expect(code).toBe(0);
    expect(copied(rows)).toEqual(['podinfo:6.11.1']);
    expect(await skopeoInspectRaw(mtls, 'podinfo:6.11.1')).toContain('schemaVersion');
  });

  it('readme-hosts-v1beta2.yaml: the JWK-signed source credential is refused, not skipped silently', async () => {
    const { code, rows } = await run('readme-hosts-v1beta2.yaml', mtls);
    expect(code).toBe(1);
    expect(rows[0]?.error?.message).toMatch(
      /hosts: 127\.0\.0\.1:\d+: JWK-signed credentials are not supported/,
    );
  });
});
