/**
 * Chart image discovery with the real helm binary and real registries: a chart with a subchart, an
 * init container, a CronJob, images in a custom resource, a values override, a `--set` pinning a
 * digest and the images annotations; the remapped images copied with their digests; a chart that
 * fails to render reported as failed; `list-images` in every format, parsed back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { validateReport } from '../../src/report/schema.js';
import {
  buildArtifact,
  buildImage,
  getManifestRaw,
  pushContent,
  referrersTag,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tagManifest,
  tempDir,
} from '../harness/index.js';
import { cli } from '../integration/cli-run.js';
import { helmEnv, materialize } from './util.js';

let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;
let env: NodeJS.ProcessEnv;
const digests: Record<string, string> = {};

const IMAGES = [
  'library/nginx:1.25',
  'library/nginx:1.26',
  'library/busybox:1.36',
  'library/alpine:3.19',
  'acme/agent:2.0',
  'acme/helper:1.0',
  'library/redis:7',
  'acme/annotated:1.0',
];

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('helm-images-');
  env = helmEnv(dir);
  await Promise.all(
    IMAGES.map(async (ref) => {
      const [repo, tag] = ref.split(':') as [string, string];
      const image = buildImage({
        seed: ref,
        sharedSeed: 'base',
        sharedLayerSize: 2048,
        uniqueLayerSize: 256,
      });
      digests[ref] = await pushContent(src, repo, tag, image);
    }),
  );
  materialize('discovery', join(dir.path, 'discovery'), src.host);
  materialize('discovery', join(dir.path, 'discovery-hub'), 'docker.io');
  materialize('broken', join(dir.path, 'broken'), src.host);
});

afterAll(async () => {
  dir?.cleanup();
  await stopAll();
});

function config(name: string, body: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, `apiVersion: oci-mirror/v1\nkind: Config\n${body}`);
  return path;
}

type Row = {
  source: string;
  destination: string;
  status: string;
  sourceDigest?: string;
  error?: { message: string };
  images?: Row[];
};

describe('chart image discovery', () => {
  it('renders with values, set and subcharts, remaps, and mirrors every image with its digest', async () => {
    const path = config(
      'discover',
      `charts:
  - name: discovery
    source: ./discovery
    destination: oci://${dst.host}/charts
    images:
      discover: true
      destination: ${dst.host}/team
      values: { image: { tag: "1.26" } }
      set:
        sub.image: ${src.host}/library/redis:7
        job.image: library/alpine:3.19@${digests['library/alpine:3.19']}
      kubeVersion: "1.30.0"
      apiVersions: [acme.example.com/v1]
  - name: broken
    source: ./broken
    destination: oci://${dst.host}/charts
    images: { destination: ${dst.host}/team }
`,
    );
    const plan = await cli(['plan', path, '-o', 'json'], { env });
    const planned = JSON.parse(plan.stdout).report.results[0].tags[0] as Row;
    expect(planned.status).toBe('would-copy');
    expect(planned.images?.map((i) => i.status)).toEqual(Array(7).fill('would-copy'));

    const res = await cli(['sync', path, '-o', 'json'], { env });
    const doc = JSON.parse(res.stdout);
    expect(validateReport(doc)).toEqual([]);
    expect(res.code).toBe(1); // the broken chart
    const [discovery, broken] = doc.report.results as { tags: Row[] }[];
    const row = discovery?.tags[0] as Row;
    expect(row.status).toBe('copied');
    const images = row.images ?? [];
    const want = [
      'acme/agent:2.0',
      'acme/annotated:1.0',
      'acme/helper:1.0',
      'library/alpine:3.19',
      'library/busybox:1.36',
      'library/nginx:1.26',
      'library/redis:7',
    ];
    expect(images.map((i) => i.destination.replace(/@sha256:.*/, ''))).toEqual(
      want.map((w) => `${dst.host}/team/${w}`),
    );
    expect(images.every((i) => i.status === 'copied')).toBe(true);
    expect(images.find((i) => i.source.includes('alpine'))?.source).toBe(
      `${src.host}/library/alpine:3.19@${digests['library/alpine:3.19']}`,
    );
    for (const w of want) {
      const [repo, tag] = w.split(':') as [string, string];
      const got = await getManifestRaw(dst, `team/${repo}`, tag);
      expect(got?.digest).toBe(digests[w]);
    }
    // The chart that fails to render: one failed row with helm's own error.
    const brokenRow = broken?.tags[0] as Row;
    expect(brokenRow.status).toBe('copied');
    expect(brokenRow.images).toHaveLength(1);
    expect(brokenRow.images?.[0]?.status).toBe('failed');
    expect(brokenRow.images?.[0]?.error?.message).toMatch(/broken\.needed is required to render this chart/);
    expect(doc.report.summary).toMatchObject({ copied: 9, failed: 1 });

    // Idempotent: the second run skips every chart and image.
    const again = await cli(['sync', path, '-o', 'json'], { env });
    const s = JSON.parse(again.stdout).report.summary;
    expect(s).toMatchObject({ copied: 0, skipped: 9, failed: 1 });

    // With a state file, a warm run trusts the known image digests: every image is skipped
    // "(remembered …)" without asking the destination again.
    const state = join(dir.path, 'state.json');
    await cli(['sync', path, '-o', 'json', '--state-file', state], { env });
    const warm = JSON.parse((await cli(['sync', path, '-o', 'json', '--state-file', state], { env })).stdout);
    const warmImages = (warm.report.results[0].tags[0] as Row).images ?? [];
    expect(warmImages.map((i) => i.status)).toEqual(Array(7).fill('skipped'));
    // All but the state's rolling re-check (the oldest eighth, rounded down) are answered from memory.
    const reasons = warmImages.map((i) => (i as Row & { reason?: string }).reason ?? '');
    expect(reasons.every((r) => r.startsWith('up-to-date'))).toBe(true);
    expect(reasons.filter((r) => /remembered/.test(r)).length).toBeGreaterThanOrEqual(5);

    // --charts-only leaves images alone; --images-only leaves charts alone.
    const chartsOnly = await cli(['sync', path, '-o', 'json', '--charts-only'], { env });
    expect(JSON.parse(chartsOnly.stdout).report.results[0].tags[0].images).toBeUndefined();
    const imagesOnly = await cli(['sync', path, '-o', 'json', '--images-only'], { env });
    const io = JSON.parse(imagesOnly.stdout).report.results[0].tags[0] as Row;
    expect(io.status).toBe('skipped');
    expect(io.images).toHaveLength(7);
  });

  it('--max-duration: a chart push and image copies not started by then are deferred, nothing is written, the next run does them', async () => {
    const path = config(
      'deadline',
      `charts:
  - name: discovery
    source: ./discovery
    destination: oci://${dst.host}/late-charts
    images:
      discover: true
      destination: ${dst.host}/late
      set:
        sub.image: ${src.host}/library/redis:7
        job.image: library/alpine:3.19@${digests['library/alpine:3.19']}
      kubeVersion: "1.30.0"
      apiVersions: [acme.example.com/v1]
`,
    );
    // 1ms: over before the chart is resolved, so nothing may start.
    const res = await cli(['sync', path, '--max-duration', '1ms', '-o', 'json'], { env });
    expect(res.code, res.stderr).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(validateReport(doc)).toEqual([]);
    const row = doc.report.results[0].tags[0] as Row & { reason?: string };
    const reason = 'max-duration reached before this copy started; the next run continues here';
    expect(row).toMatchObject({ status: 'deferred', reason });
    expect(row.images).toHaveLength(7);
    for (const i of row.images ?? []) expect(i).toMatchObject({ status: 'deferred', reason });
    expect(doc.report.summary).toMatchObject({ copied: 0, failed: 0, deferred: 8 });
    expect(await getManifestRaw(dst, 'late-charts/discovery', '1.2.3')).toBeUndefined();
    expect(await getManifestRaw(dst, 'late/library/redis', '7')).toBeUndefined();

    const next = JSON.parse((await cli(['sync', path, '-o', 'json'], { env })).stdout);
    expect(next.report.summary).toMatchObject({ copied: 8, failed: 0 });
    expect((await getManifestRaw(dst, 'late/library/redis', '7'))?.digest).toBe(digests['library/redis:7']);
  });

  it('copies the referrers of discovered images when asked; a re-run finds them present', async () => {
    // An SBOM attached to the busybox image at the source, listed in its fallback index.
    const subject = digests['library/busybox:1.36'] as string;
    const raw = await getManifestRaw(src, 'library/busybox', '1.36');
    const sbom = buildArtifact({
      artifactType: 'application/spdx+json',
      layers: [{ mediaType: 'application/spdx+json', data: '{"spdxVersion":"SPDX-2.3"}' }],
      subject: { mediaType: raw?.mediaType as string, digest: subject, size: raw?.bytes.length as number },
    });
    await pushContent(src, 'library/busybox', undefined, sbom);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: sbom.top.digest,
            size: sbom.top.bytes.length,
            artifactType: 'application/spdx+json',
          },
        ],
      }),
    );
    await tagManifest(
      src,
      'library/busybox',
      referrersTag(subject),
      index,
      'application/vnd.oci.image.index.v1+json',
    );
    const path = config(
      'referrers',
      `charts:
  - name: discovery
    source: ./discovery
    destination: oci://${dst.host}/signed-charts
    images:
      discover: true
      destination: ${dst.host}/signed
      includeReferrers: true
      set:
        sub.image: ${src.host}/library/redis:7
        job.image: ${src.host}/library/alpine:3.19
`,
    );
    const res = await cli(['sync', path, '-o', 'json'], { env });
    expect(res.code).toBe(0);
    const images = ((JSON.parse(res.stdout).report.results[0].tags[0] as Row).images ?? []) as (Row & {
      referrers?: { digest: string; status: string; artifactType?: string }[];
    })[];
    const busybox = images.find((i) => i.destination.includes('/library/busybox'));
    expect(busybox?.referrers).toEqual([
      { digest: sbom.top.digest, artifactType: expect.any(String), status: 'copied' },
    ]);
    expect((await getManifestRaw(dst, 'signed/library/busybox', sbom.top.digest))?.digest).toBe(
      sbom.top.digest,
    );
    expect(images.filter((i) => i !== busybox).every((i) => (i.referrers ?? []).length === 0)).toBe(true);
    // A re-run: the image is up to date, its referrer already there.
    const again = await cli(['sync', path, '-o', 'json'], { env });
    const rerun = ((JSON.parse(again.stdout).report.results[0].tags[0] as Row).images ?? []) as typeof images;
    const busybox2 = rerun.find((i) => i.destination.includes('/library/busybox'));
    expect(busybox2?.status).toBe('skipped');
    expect(busybox2?.referrers).toMatchObject([
      { digest: sbom.top.digest, status: 'skipped', reason: 'up-to-date' },
    ]);
  });

  it('list-images: normalised names, no ConfigMap data, in yaml, json, hauler and zarf', async () => {
    const path = config(
      'list',
      `defaults: { destination: registry.example.com/team }
charts:
  - name: discovery
    source: ./discovery-hub
    destination: oci://registry.example.com/charts
    images: { discover: true }
`,
    );
    const json = await cli(['list-images', path, '-o', 'json'], { env });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.images).toEqual([
      'docker.io/acme/agent:2.0',
      'docker.io/acme/annotated:1.0',
      'docker.io/acme/helper:1.0',
      'docker.io/library/alpine:3.19',
      'docker.io/library/busybox:1.36',
      'docker.io/library/nginx:1.25',
      'docker.io/library/redis:7',
    ]);
    expect(doc.charts[0]).toMatchObject({ name: 'discovery', version: '1.2.3' });
    expect(doc.charts[0].images).toContainEqual({
      image: 'docker.io/library/redis:7',
      destination: 'registry.example.com/team/library/redis:7',
    });

    const yaml = await cli(['list-images', path], { env });
    expect(parse(yaml.stdout)).toEqual(doc);

    const hauler = await cli(['list-images', path, '-o', 'hauler'], { env });
    const docs = parseAllDocuments(hauler.stdout).map((d) => d.toJS());
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}`)).toEqual([
      'content.hauler.cattle.io/v1 Images',
      'content.hauler.cattle.io/v1 Charts',
    ]);
    expect(docs[0].spec.images.map((i: { name: string }) => i.name)).toEqual(doc.images);
    expect(docs[1].spec.charts[0]).toMatchObject({ version: '1.2.3' });

    const zarf = parse((await cli(['list-images', path, '-o', 'zarf'], { env })).stdout);
    expect(zarf.kind).toBe('ZarfPackageConfig');
    expect(zarf.components[0]).toMatchObject({ name: 'discovery', required: true });
    expect(zarf.components[0].images).toEqual(doc.images);
    expect(zarf.components[0].charts[0]).toMatchObject({
      name: 'discovery',
      version: '1.2.3',
      namespace: 'discovery',
    });

    const bad = await cli(['list-images', path, '-o', 'text'], { env });
    expect(bad.code).toBe(3);

    // aicr's `--set component:path=value`: applied to that chart's discovery, last.
    const set = await cli(['list-images', path, '-o', 'json', '--set', 'discovery:image.tag=1.26'], { env });
    expect(set.code).toBe(0);
    const images = JSON.parse(set.stdout).images as string[];
    expect(images).toContain('docker.io/library/nginx:1.26');
    expect(images).not.toContain('docker.io/library/nginx:1.25');
    const unknown = await cli(['list-images', path, '--set', 'vault:image.tag=1'], { env });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('--set: no chart "vault" in the config (charts: discovery)');
    expect((await cli(['list-images', path, '--set', 'image.tag=1'], { env })).stderr).toContain(
      '--set: expected component:path=value',
    );
  });
});
