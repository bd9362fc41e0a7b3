/**
 * Chart publishing with the real helm binary and real registries: an HTTP repository behind basic
 * auth (credentials from repositories.yaml), an OCI source pushed with `helm push`, a local
 * directory mirrored twice; digests compared with `helm push`'s, `helm pull` of our push.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import { startRegistry, stopAll, type TempDir, type TestRegistry, tempDir } from '../harness/index.js';
import { cli } from '../integration/cli-run.js';
import {
  helm,
  helmEnv,
  materialize,
  registryGet,
  type StaticServer,
  serveDirectory,
  writeRepositories,
} from './util.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const PROV_LAYER = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
const USER = { username: 'chartuser', password: 'chart-pw-123' };

let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;
let env: NodeJS.ProcessEnv;
let repo: StaticServer;
let cdn: StaticServer;
const repoDir = () => join(dir.path, 'repo');

function chartYaml(version: string): string {
  return `apiVersion: v2
name: web
description: "A <web> chart & friends\\nsecond line"
type: application
version: ${version}
appVersion: "2.4.0"
home: https://example.com/web
sources: [https://github.com/example/web]
keywords: [web, http]
maintainers:
  - name: Jane Doe
    email: jane@example.com
    url: https://example.com/jane
icon: https://example.com/icon.png
kubeVersion: ">=1.25.0-0"
annotations:
  zeta: last
  alpha: first
  category: Networking
`;
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('helm-publish-');
  env = helmEnv(dir);
  const build = join(dir.path, 'build');
  mkdirSync(build);
  mkdirSync(repoDir());
  mkdirSync(join(dir.path, 'cdn'));
  await helm(['create', 'web'], env, build);
  for (const v of ['1.0.0', '1.1.0', '1.2.0+build.5']) {
    writeFileSync(join(build, 'web', 'Chart.yaml'), chartYaml(v));
    await helm(['package', 'web', '-d', repoDir()], env, build);
  }
  writeFileSync(
    join(repoDir(), 'web-1.1.0.tgz.prov'),
    '-----BEGIN PGP SIGNED MESSAGE-----\nfake provenance\n',
  );
  await helm(['create', 'other'], env, build);
  await helm(['package', 'other', '-d', join(dir.path, 'cdn')], env, build);
  cdn = await serveDirectory(join(dir.path, 'cdn'));
  await helm(['repo', 'index', join(dir.path, 'cdn'), '--url', `${cdn.url}/dl`], env);
  // Relative URLs for web, absolute URLs on another host (the cdn) for other.
  await helm(['repo', 'index', repoDir(), '--merge', join(dir.path, 'cdn', 'index.yaml')], env);
  mkdirSync(join(dir.path, 'cdn', 'dl'));
  writeFileSync(
    join(dir.path, 'cdn', 'dl', 'other-0.1.0.tgz'),
    readFileSync(join(dir.path, 'cdn', 'other-0.1.0.tgz')),
  );
  repo = await serveDirectory(repoDir(), USER);
  writeRepositories(env.HELM_REPOSITORY_CONFIG as string, [{ name: 'test', url: repo.url, ...USER }]);
  await helm(['registry', 'login', src.host, '--plain-http', '-u', 'x', '-p', 'y'], env).catch(
    () => undefined,
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([repo?.close(), cdn?.close()]);
  dir?.cleanup();
  await stopAll();
});

function config(name: string, body: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, `apiVersion: oci-mirror/v1\nkind: Config\n${body}`);
  return path;
}

async function manifest(host: string, repository: string, tag: string) {
  const m = await registryGet(host, `${repository}/manifests/${tag}`, OCI_MANIFEST);
  expect(m.status).toBe(200);
  return {
    ...m,
    json: JSON.parse(m.body.toString()) as {
      config: { digest: string };
      layers: { mediaType: string; digest: string }[];
    },
  };
}

describe('Helm charts from an HTTP repository', () => {
  it('mirrors selected versions with repositories.yaml auth, helm-identical digests, and skips them on a re-run', async () => {
    const path = config(
      'http',
      `charts:
  - name: web
    source: ${repo.url}
    destination: oci://${dst.host}/charts
    version: ">=1.0.0"
    limit: 0
  - name: other
    source: ${repo.url}/
    destination: oci://${dst.host}/charts
`,
    );
    const first = await cli(['sync', path, '-o', 'json'], { env });
    expect(first.stderr).toBe('');
    const doc = JSON.parse(first.stdout);
    expect(validateReport(doc)).toEqual([]);
    expect(first.code).toBe(0);
    const web = doc.report.results.find((r: { name: string }) => r.name === 'web');
    expect(web.kind).toBe('chart');
    expect(web.tags.map((t: { tag: string; status: string }) => `${t.tag}:${t.status}`)).toEqual([
      '1.2.0_build.5:copied',
      '1.1.0:copied',
      '1.0.0:copied',
    ]);
    // The .tgz digest the index lists is the row's source digest.
    const tgz = readFileSync(join(repoDir(), 'web-1.1.0.tgz'));
    const ours = await manifest(dst.host, 'charts/web', '1.1.0');
    expect(ours.json.layers.map((l) => l.mediaType)).toEqual([PROV_LAYER, CHART_LAYER]);

    // helm push of the same .tgz gives the same config and chart layer digests.
    await helm(
      ['push', join(repoDir(), 'web-1.1.0.tgz'), `oci://${src.host}/reference`, '--plain-http'],
      env,
    );
    const theirs = await manifest(src.host, 'reference/web', '1.1.0');
    expect(ours.json.config.digest).toBe(theirs.json.config.digest);
    expect(ours.json.layers).toEqual(theirs.json.layers);
    expect(web.tags[1].sourceDigest).toBe(theirs.json.layers[1]?.digest);

    // helm pull of what we pushed returns the very bytes of the repository's .tgz.
    const pulled = join(dir.path, 'pulled');
    mkdirSync(pulled);
    await helm(
      ['pull', `oci://${dst.host}/charts/web`, '--version', '1.2.0+build.5', '--plain-http', '-d', pulled],
      env,
    );
    expect(
      readFileSync(join(pulled, 'web-1.2.0+build.5.tgz')).equals(
        readFileSync(join(repoDir(), 'web-1.2.0+build.5.tgz')),
      ),
    ).toBe(true);
    expect(tgz.length).toBeGreaterThan(0);

    // Credentials went to the repository, never to the other host serving `other`.
    expect(
      repo.requests.filter((r) => r.path === '/index.yaml').every((r) => r.authorization !== undefined),
    ).toBe(true);
    expect(cdn.requests.some((r) => r.path === '/dl/other-0.1.0.tgz')).toBe(true);
    expect(cdn.requests.every((r) => r.authorization === undefined)).toBe(true);
    expect((await manifest(dst.host, 'charts/other', '0.1.0')).json.layers).toHaveLength(1);

    // Idempotent: nothing downloaded or written on a second run.
    const downloads = repo.requests.filter((r) => r.path.endsWith('.tgz')).length;
    const second = await cli(['sync', path], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Summary: 0 copied, 4 skipped, 0 failed/);
    expect(repo.requests.filter((r) => r.path.endsWith('.tgz')).length).toBe(downloads);
  });

  it('fails the entry with HTTP 401 when repositories.yaml has no credentials, and refuses a wrong digest', async () => {
    const path = config(
      'noauth',
      `charts:
  - name: web
    source: ${repo.url}
    destination: oci://${dst.host}/noauth
`,
    );
    const res = await cli(['sync', path, '-o', 'json'], {
      env: { ...env, HELM_REPOSITORY_CONFIG: join(dir.path, 'none.yaml') },
    });
    expect(res.code).toBe(1);
    const entry = JSON.parse(res.stdout).report.results[0];
    expect(entry.error.message).toMatch(/HTTP 401/);

    // An index whose digest does not match the archive: the version fails, nothing is pushed.
    const bad = join(dir.path, 'bad-repo');
    mkdirSync(bad);
    writeFileSync(join(bad, 'web-1.0.0.tgz'), readFileSync(join(repoDir(), 'web-1.0.0.tgz')));
    await helm(['repo', 'index', bad], env);
    writeFileSync(
      join(bad, 'index.yaml'),
      readFileSync(join(bad, 'index.yaml'), 'utf8').replace(
        /digest: [0-9a-f]{64}/,
        `digest: ${'0'.repeat(64)}`,
      ),
    );
    const badServer = await serveDirectory(bad);
    try {
      const p2 = config(
        'baddigest',
        `charts:\n  - name: web\n    source: ${badServer.url}\n    destination: oci://${dst.host}/bad\n`,
      );
      const r2 = await cli(['sync', p2, '-o', 'json'], { env });
      expect(r2.code).toBe(1);
      const row = JSON.parse(r2.stdout).report.results[0].tags[0];
      expect(row.status).toBe('failed');
      expect(row.error.message).toMatch(/digest mismatch/);
      expect((await registryGet(dst.host, 'bad/web/manifests/1.0.0', OCI_MANIFEST)).status).toBe(404);
    } finally {
      await badServer.close();
    }
  });
});

describe('Helm charts from OCI and local sources', () => {
  it('copies an OCI chart pushed with helm push bit for bit', async () => {
    await helm(['push', join(repoDir(), 'web-1.0.0.tgz'), `oci://${src.host}/helm`, '--plain-http'], env);
    await helm(
      ['push', join(repoDir(), 'web-1.2.0+build.5.tgz'), `oci://${src.host}/helm`, '--plain-http'],
      env,
    );
    const path = config(
      'oci',
      `charts:
  - name: web
    source: oci://${src.host}/helm
    destination: oci://${dst.host}/from-oci
    limit: 2
`,
    );
    const res = await cli(['sync', path, '-o', 'json'], { env });
    expect(res.code).toBe(0);
    const rows = JSON.parse(res.stdout).report.results[0].tags;
    expect(rows.map((r: { tag: string; status: string }) => `${r.tag}:${r.status}`)).toEqual([
      '1.2.0_build.5:copied',
      '1.0.0:copied',
    ]);
    for (const tag of ['1.0.0', '1.2.0_build.5']) {
      const a = await manifest(src.host, 'helm/web', tag);
      const b = await manifest(dst.host, 'from-oci/web', tag);
      expect(b.digest).toBe(a.digest);
      expect(b.body.equals(a.body)).toBe(true);
    }
    const again = await cli(['sync', path], { env });
    expect(again.stdout).toMatch(/Summary: 0 copied, 2 skipped, 0 failed/);

    // A version range nothing matches is a failed entry, as for an HTTP repository.
    const none = config(
      'oci-none',
      `charts:
  - name: web
    source: oci://${src.host}/helm
    destination: oci://${dst.host}/from-oci
    version: ">=9.0.0"
`,
    );
    const missing = await cli(['sync', none, '-o', 'json'], { env });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).report.results[0].error.message).toMatch(
      /no version matches ">=9\.0\.0"/,
    );
  });

  it('packages a local chart deterministically: mirrored twice without drift, a change is drift', async () => {
    const chartDir = materialize('discovery', join(dir.path, 'local', 'discovery'), 'docker.io');
    const path = config(
      'local',
      `charts:
  - name: discovery
    source: ./local/discovery
    destination: oci://${dst.host}/local
`,
    );
    const first = await cli(['sync', path, '-o', 'json'], { env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).report.results[0].tags[0].status).toBe('copied');
    const m1 = await manifest(dst.host, 'local/discovery', '1.2.3');
    const second = await cli(['sync', path, '-o', 'json'], { env });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).report.results[0].tags[0]).toMatchObject({
      status: 'skipped',
      reason: 'up-to-date',
    });
    expect((await manifest(dst.host, 'local/discovery', '1.2.3')).digest).toBe(m1.digest);

    // The layer is a chart helm can read, without the .helmignore'd file.
    const layer = await registryGet(dst.host, `local/discovery/blobs/${m1.json.layers[0]?.digest}`);
    const tar = gunzipSync(layer.body).toString('latin1');
    expect(tar).toContain('discovery/Chart.yaml');
    expect(tar).toContain('discovery/charts/sub/templates/statefulset.yaml');
    expect(tar).not.toContain('notes.bak');
    const shown = await helm(
      ['show', 'chart', `oci://${dst.host}/local/discovery`, '--version', '1.2.3', '--plain-http'],
      env,
    );
    expect(shown).toMatch(/name: discovery/);

    // helm push of our .tgz yields our config digest too.
    const tgzPath = join(dir.path, 'discovery-1.2.3.tgz');
    writeFileSync(tgzPath, layer.body);
    await helm(['push', tgzPath, `oci://${src.host}/local-ref`, '--plain-http'], env);
    expect((await manifest(src.host, 'local-ref/discovery', '1.2.3')).json.config.digest).toBe(
      m1.json.config.digest,
    );

    writeFileSync(
      join(chartDir, 'values.yaml'),
      `${readFileSync(join(chartDir, 'values.yaml'), 'utf8')}\nextra: true\n`,
    );
    const third = await cli(['sync', path], { env });
    expect(third.code).toBe(2);
    expect(third.stdout).toMatch(/drifted/);
    const fourth = await cli(['sync', path, '--overwrite'], { env });
    expect(fourth.code).toBe(0);
    expect(fourth.stdout).toMatch(/overwritten/);
  });
});
