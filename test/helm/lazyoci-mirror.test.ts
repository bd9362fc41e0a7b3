/**
 * A lazyoci `mirror.yaml`, unchanged in form, mirrored end to end with the real helm binary and
 * real registries: a chart from an HTTP Helm repository and one from an OCI registry land at
 * lazyoci's names (`<target.url>/<charts-prefix>/<chart>:<version>`), only the listed versions, and
 * the image the charts reference is copied to `<target.url>/<path without the source host>` with
 * its digest.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
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
import { cli } from '../integration/cli-run.js';
import { helm, helmEnv, type StaticServer, serveDirectory } from './util.js';

let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;
let env: NodeJS.ProcessEnv;
let repo: StaticServer;
let imageDigest: string;

/** `helm create NAME`, without the test hook, its image pointed at `image`:`tag`, at `version`. */
async function createChart(build: string, name: string, version: string, image: string, tag: string) {
  rmSync(join(build, name), { recursive: true, force: true });
  await helm(['create', name], env, build);
  rmSync(join(build, name, 'templates', 'tests'), { recursive: true, force: true });
  const values = join(build, name, 'values.yaml');
  writeFileSync(
    values,
    readFileSync(values, 'utf8')
      .replace(/repository: nginx/, `repository: ${image}`)
      .replace(/tag: ""/, `tag: "${tag}"`),
  );
  const chart = join(build, name, 'Chart.yaml');
  writeFileSync(chart, readFileSync(chart, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('lazyoci-mirror-');
  env = helmEnv(dir);
  imageDigest = await pushContent(
    src,
    'acme/app',
    '1.0',
    buildImage({ seed: 'lazyoci-app', sharedSeed: 'base', sharedLayerSize: 1024, uniqueLayerSize: 256 }),
  );
  const build = join(dir.path, 'build');
  const repoDir = join(dir.path, 'repo');
  mkdirSync(build);
  mkdirSync(repoDir);
  for (const v of ['0.1.0', '0.2.0']) {
    await createChart(build, 'demo', v, `${src.host}/acme/app`, '1.0');
    await helm(['package', 'demo', '-d', repoDir], env, build);
  }
  await helm(['repo', 'index', repoDir], env);
  repo = await serveDirectory(repoDir);
  await createChart(build, 'tools', '1.4.0', `${src.host}/acme/app`, '1.0');
  await helm(['package', 'tools', '-d', build], env, build);
  await helm(['push', join(build, 'tools-1.4.0.tgz'), `oci://${src.host}/charts`, '--plain-http'], env);
}, 90_000);

afterAll(async () => {
  await repo?.close();
  dir?.cleanup();
  await stopAll();
});

type Row = { source: string; destination: string; status: string; images?: Row[] };

describe('lazyoci mirror.yaml end to end', () => {
  it('mirrors the listed chart versions and their images to lazyoci destination names', async () => {
    const path = join(dir.path, 'mirror.yaml');
    // The shape of lazyoci's docs/content/reference/cli/mirror.md example, with test registries.
    writeFileSync(
      path,
      `target:
  url: ${dst.host}/team
  insecure: true
  charts-prefix: charts

upstreams:
  demo:
    type: repo
    repo: ${repo.url}
    chart: demo
    versions:
      - "0.1.0"

  tools:
    type: oci
    registry: oci://${src.host}/charts
    chart: tools
    versions: ["1.4.0"]
`,
    );
    const valid = await cli(['validate', path], { env });
    expect(valid.stdout).toContain('lazyoci/mirror; 0 artifact entries, 2 chart entries');

    const res = await cli(['sync', path, '-o', 'json'], { env });
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(validateReport(doc)).toEqual([]);
    const rows = (doc.report.results as { tags: Row[] }[]).flatMap((r) => r.tags);
    expect(rows.map((r) => [r.destination, r.status])).toEqual([
      [`${dst.host}/team/charts/demo:0.1.0`, 'copied'],
      [`${dst.host}/team/charts/tools:1.4.0`, 'copied'],
    ]);
    const images = rows.flatMap((r) => r.images ?? []);
    expect(images.length).toBe(2);
    for (const i of images) {
      expect(i.source).toBe(`${src.host}/acme/app:1.0`);
      expect(i.destination.replace(/@sha256:.*/, '')).toBe(`${dst.host}/team/acme/app:1.0`);
    }

    // What is in the target registry: lazyoci's names, only the listed version, digests kept.
    expect((await getManifestRaw(dst, 'team/acme/app', '1.0'))?.digest).toBe(imageDigest);
    expect(await getManifestRaw(dst, 'team/charts/demo', '0.1.0')).toBeDefined();
    expect(await getManifestRaw(dst, 'team/charts/demo', '0.2.0')).toBeUndefined();
    const shown = await helm(
      ['show', 'chart', `oci://${dst.host}/team/charts/tools`, '--version', '1.4.0', '--plain-http'],
      env,
    );
    expect(shown).toMatch(/^name: tools$/m);

    // Re-run: nothing to copy.
    const again = await cli(['sync', path, '-o', 'json'], { env });
    expect(again.code).toBe(0);
    const rerun = (JSON.parse(again.stdout).report.results as { tags: Row[] }[]).flatMap((r) => r.tags);
    expect(rerun.map((r) => r.status)).toEqual(['skipped', 'skipped']);
  });
});

describe('lazyoci mirror command line', () => {
  it('takes --config, --chart, --version and --all, and prints lazyoci’s JSON result under -o json', async () => {
    const path = join(dir.path, 'cli-mirror.yaml');
    writeFileSync(
      path,
      `target:
  url: ${dst.host}/cli
  insecure: true

upstreams:
  demo:
    type: repo
    repo: ${repo.url}
    chart: demo
    versions: ["0.1.0"]
  tools:
    type: oci
    registry: oci://${src.host}/charts
    chart: tools
    versions: ["1.4.0"]
`,
    );
    // lazyoci's own rules for the flags.
    expect((await cli(['mirror', '--config', path], { env })).stderr).toContain(
      'specify --chart <key> or --all',
    );
    expect((await cli(['mirror', '--config', path, '--all', '--chart', 'demo'], { env })).code).toBe(3);
    const unknown = await cli(['mirror', '--config', path, '--chart', 'vault'], { env });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('chart "vault" not found in config (charts: demo, tools)');

    // One chart, its version overridden (repeatable, comma-separated too), lazyoci's JSON.
    const one = await cli(['mirror', '-c', path, '--chart', 'demo', '--version', '0.2.0', '-o', 'json'], {
      env,
    });
    expect(one.code).toBe(0);
    const r = JSON.parse(one.stdout);
    expect(r).toEqual({
      charts: [
        {
          key: 'demo',
          chart: 'demo',
          versions: [
            {
              version: '0.2.0',
              chartStatus: 'pushed',
              images: [
                {
                  source: `${src.host}/acme/app:1.0`,
                  target: `${dst.host}/cli/acme/app:1.0`,
                  status: 'copied',
                },
              ],
              imagesCopied: 1,
              imagesSkipped: 0,
              imagesFailed: 0,
            },
          ],
        },
      ],
      chartsPushed: 1,
      chartsSkipped: 0,
      chartsFailed: 0,
      imagesCopied: 1,
      imagesSkipped: 0,
      imagesFailed: 0,
    });
    expect(await getManifestRaw(dst, 'cli/demo', '0.2.0')).toBeDefined();
    expect(await getManifestRaw(dst, 'cli/demo', '0.1.0')).toBeUndefined();

    // --all as a dry run: what lazyoci scripts read (`.imagesFailed`, images' status and target).
    const all = await cli(['mirror', '--config', path, '--all', '--dry-run', '-o', 'json'], { env });
    const dry = JSON.parse(all.stdout);
    expect(dry.imagesFailed).toBe(0);
    expect(dry.dryRun).toBe(true);
    expect(dry.charts.map((c: { key: string }) => c.key)).toEqual(['demo', 'tools']);
    const rows = dry.charts.flatMap(
      (c: { versions: { chartStatus: string; images?: { status: string; target: string }[] }[] }) =>
        c.versions.map((v) => [v.chartStatus, v.images?.map((i) => [i.status, i.target])]),
    );
    expect(rows).toEqual([
      ['dry-run', [['skipped', `${dst.host}/cli/acme/app:1.0`]]],
      ['dry-run', [['skipped', `${dst.host}/cli/acme/app:1.0`]]],
    ]);
    // The same shape from sync, when asked for it explicitly.
    const viaSync = await cli(['sync', path, '--chart', 'demo', '--version', '0.2.0', '-o', 'lazyoci-json'], {
      env,
    });
    expect(JSON.parse(viaSync.stdout).charts[0].versions[0]).toMatchObject({
      version: '0.2.0',
      chartStatus: 'skipped',
    });
  });
});
