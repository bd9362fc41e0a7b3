/**
 * helm for runners without it: `dist/index.js` in a simulated runner with no helm on PATH and no
 * HELM_BIN downloads a helm tarball through `@actions/tool-cache` from a local server standing in
 * for get.helm.sh (OCI_MIRROR_TEST_HELM_BASE_URL, test only), checks its sha256 before extracting,
 * caches it, and renders a chart with it. A wrong checksum — given, or the pinned one for the
 * default release — fails closed: nothing is extracted, the chart's discovery fails as a row.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_HELM_SHA256, PINNED_HELM_VERSION } from '../../src/action/helm-tool.js';
import {
  buildImage,
  getManifestRaw,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { helmBin } from '../helm/util.js';
import { type ActionRun, type RunnerDirs, runAction } from './runner.js';

const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';
const MARKER = 'MARKER-extracted-by-oci-mirror-test';

let src: TestRegistry;
let dst: TestRegistry;
let tmp: TempDir;
let server: Server;
let baseUrl: string;
let served: string;
let tarball: Buffer;
let tarballSha: string;
const downloads: string[] = [];
let dirs: RunnerDirs;
let toolCache: string;
let image: ReturnType<typeof buildImage>;

/** A helm release tarball like get.helm.sh's: `linux-ARCH/helm` (here a wrapper around the real helm). */
function buildTarball(root: string): Buffer {
  const stage = join(root, 'stage');
  const inner = join(stage, `linux-${ARCH}`);
  mkdirSync(inner, { recursive: true });
  writeFileSync(join(inner, 'helm'), `#!/bin/sh\nexec "${helmBin()}" "$@"\n`);
  chmodSync(join(inner, 'helm'), 0o755);
  writeFileSync(join(inner, MARKER), 'this file must only appear where a verified tarball was extracted\n');
  const out = join(root, 'helm.tar.gz');
  execFileSync('tar', ['-czf', out, '-C', stage, `linux-${ARCH}`]);
  return readFileSync(out);
}

/** Serve `tarball` under any `/helm-<version>-linux-<arch>.tar.gz` name listed in `served`. */
function publish(version: string): void {
  copyFileSync(join(tmp.path, 'dl', 'helm.tar.gz'), join(served, `helm-${version}-linux-${ARCH}.tar.gz`));
}

/** Every path under `root` whose name is `name`. */
function findAll(root: string, name: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.name === name) out.push(p);
      if (e.isDirectory()) walk(p);
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

/** Files under `root` holding exactly `content`. */
function filesWith(root: string, content: Buffer): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && statSync(p).size === content.length && readFileSync(p).equals(content))
        out.push(p);
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

function run(inputs: Record<string, string>): Promise<ActionRun> {
  const home = join(tmp.path, 'home');
  return runAction(dirs, {
    inputs,
    event: { name: 'schedule', payload: {} },
    env: {
      // No helm anywhere the action looks first: the tool cache has to provide it.
      PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      HELM_CONFIG_HOME: join(home, 'helm-config'),
      HELM_CACHE_HOME: join(home, 'helm-cache'),
      HELM_DATA_HOME: join(home, 'helm-data'),
      RUNNER_TOOL_CACHE: toolCache,
      OCI_MIRROR_TEST_HELM_BASE_URL: baseUrl,
    },
  });
}

function report(r: ActionRun) {
  return JSON.parse(readFileSync(r.outputs.report as string, 'utf8')).report as {
    summary: Record<string, number>;
    results: { tags: { status: string; images?: { status: string; error?: { message: string } }[] }[] }[];
  };
}

beforeAll(async () => {
  for (const dir of ['/usr/bin', '/bin'])
    if (existsSync(join(dir, 'helm')))
      throw new Error(`${dir}/helm exists: this test needs a runner without helm`);
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  tmp = tempDir('oci-mirror-action-helm-');
  image = buildImage({ seed: 'helm-tool-app', uniqueLayerSize: 3_000 });
  await pushContent(src, 'team/app', '1.0.0', image);

  mkdirSync(join(tmp.path, 'dl'));
  tarball = buildTarball(join(tmp.path, 'dl'));
  tarballSha = createHash('sha256').update(tarball).digest('hex');
  served = join(tmp.path, 'get.helm.sh');
  mkdirSync(served);
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    downloads.push(name);
    const file = join(served, name);
    if (name.includes('/') || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A chart in the workspace whose one image lives in the source registry.
  dirs = { workspace: join(tmp.path, 'repo'), temp: join(tmp.path, 'runner-temp') };
  toolCache = join(tmp.path, 'tool-cache');
  const chart = join(dirs.workspace, '.github', 'charts', 'web');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  mkdirSync(dirs.temp, { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
  writeFileSync(join(chart, 'values.yaml'), `image: ${src.host}/team/app:1.0.0\n`);
  writeFileSync(
    join(chart, 'templates', 'deployment.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: {{ .Values.image | quote }}
`,
  );
  mkdirSync(join(dirs.workspace, '.github'), { recursive: true });
  writeFileSync(
    join(dirs.workspace, '.github', 'oci-mirror.yaml'),
    `apiVersion: oci-mirror/v1
kind: Config
charts:
  - name: web
    source: ./charts/web
    destination: oci://${dst.host}/charts
    images:
      discover: true
      destination: ${dst.host}/mirror
`,
  );
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await stopAll();
  tmp?.cleanup();
});

describe('helm from the tool cache', () => {
  it('downloads, verifies, caches and uses helm; the next run takes it from the tool cache', async () => {
    publish('v0.0.1-test');
    const first = await run({ 'helm-version': 'v0.0.1-test', 'helm-sha256': tarballSha });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `helm: not on PATH; downloading ${baseUrl}/helm-v0.0.1-test-linux-${ARCH}.tar.gz`,
    );
    expect(first.stdout).toContain(`helm: v0.0.1-test verified (sha256 ${tarballSha})`);
    expect(downloads).toEqual([`helm-v0.0.1-test-linux-${ARCH}.tar.gz`]);
    expect(existsSync(join(toolCache, 'helm', '0.0.1-test', ARCH, 'helm'))).toBe(true);
    const rep = report(first);
    expect(rep.summary.failed).toBe(0);
    expect(rep.results[0]?.tags[0]?.status).toBe('copied');
    expect(rep.results[0]?.tags[0]?.images?.map((i) => i.status)).toEqual(['copied']);
    expect((await getManifestRaw(dst, 'mirror/team/app', '1.0.0'))?.digest).toBe(image.top.digest);

    const second = await run({ 'helm-version': 'v0.0.1-test', 'helm-sha256': tarballSha });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('helm: using v0.0.1-test from the tool cache');
    expect(downloads).toHaveLength(1);
    expect(report(second).results[0]?.tags[0]?.images?.map((i) => i.status)).toEqual(['skipped']);
  });

  it('refuses a tarball whose sha256 is not the expected one, without extracting it', async () => {
    publish('v0.0.2-test');
    const wrong = 'f'.repeat(64);
    const r = await run({ 'helm-version': 'v0.0.2-test', 'helm-sha256': wrong });
    expect(r.code).toBe(1);
    const error = r.annotations.find((a) => a.level === 'error' && a.props.title === 'helm');
    expect(error?.message).toBe(
      `helm: ${baseUrl}/helm-v0.0.2-test-linux-${ARCH}.tar.gz has sha256 ${tarballSha}, expected ${wrong}; not extracted, not used`,
    );
    expect(downloads.at(-1)).toBe(`helm-v0.0.2-test-linux-${ARCH}.tar.gz`);
    // Nothing extracted anywhere (only the one verified release from the first test), nothing cached.
    expect(existsSync(join(toolCache, 'helm', '0.0.2-test'))).toBe(false);
    expect(findAll(dirs.temp, MARKER)).toEqual([]);
    expect(filesWith(dirs.temp, tarball)).toEqual([]); // the refused download is deleted too
    expect(findAll(toolCache, MARKER)).toEqual([join(toolCache, 'helm', '0.0.1-test', ARCH, MARKER)]);
    // The chart itself is still published; its image discovery is the failed row.
    const rep = report(r);
    expect(rep.results[0]?.tags[0]?.status).toBe('skipped');
    expect(rep.results[0]?.tags[0]?.images?.[0]?.status).toBe('failed');
    expect(rep.results[0]?.tags[0]?.images?.[0]?.error?.message).toMatch(/helm not found/);
  });

  it('checks the pinned release against its pinned sha256, and refuses an unpinned version without a checksum', async () => {
    publish(PINNED_HELM_VERSION);
    const pinned = await run({});
    expect(pinned.code).toBe(1);
    expect(pinned.annotations.find((a) => a.props.title === 'helm')?.message).toBe(
      `helm: ${baseUrl}/helm-${PINNED_HELM_VERSION}-linux-${ARCH}.tar.gz has sha256 ${tarballSha}, expected ${PINNED_HELM_SHA256[PINNED_HELM_VERSION]?.[ARCH]}; not extracted, not used`,
    );
    expect(findAll(dirs.temp, MARKER)).toEqual([]);

    const before = downloads.length;
    const unknown = await run({ 'helm-version': 'v3.99.0' });
    expect(unknown.code).toBe(1);
    expect(unknown.annotations.find((a) => a.props.title === 'helm')?.message).toMatch(
      /^helm: no known sha256 for helm v3\.99\.0 linux-(amd64|arm64); set helm-sha256/,
    );
    expect(downloads).toHaveLength(before);

    const bad = await run({ 'helm-sha256': tarballSha });
    expect(bad.outputs['exit-code']).toBe('3');
    expect(bad.stdout).toContain('::error::helm-sha256: set helm-version too');
  });

  it('maps the images, charts-only and images-only inputs onto the chart options', async () => {
    const before = downloads.length;
    // charts-only: no image discovery, so no helm is looked for (this version could not be had).
    const chartsOnly = await run({ 'charts-only': 'true', 'helm-version': 'v3.99.0' });
    expect(chartsOnly.code).toBe(0);
    expect(chartsOnly.annotations.filter((a) => a.props.title === 'helm')).toEqual([]);
    expect(report(chartsOnly).results[0]?.tags[0]?.images).toBeUndefined();
    expect(downloads).toHaveLength(before);

    const imagesOnly = await run({
      'images-only': 'true',
      images: 'true',
      'helm-version': 'v0.0.1-test',
      'helm-sha256': tarballSha,
    });
    expect(imagesOnly.code).toBe(0);
    const row = report(imagesOnly).results[0]?.tags[0];
    expect(row?.status).toBe('skipped');
    expect(row?.images?.map((i) => i.status)).toEqual(['skipped']);

    const both = await run({ 'charts-only': 'true', 'images-only': 'true' });
    expect(both.outputs['exit-code']).toBe('3');
    expect(both.stdout).toContain('::error::charts-only and images-only exclude each other');
    const notBool = await run({ images: 'yes' });
    expect(notBool.stdout).toContain('::error::images: expected true or false, got "yes"');
  });
});
