import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import { registryDigests } from '../../src/sync/plan.js';
import { TaglessRepositories } from '../../src/sync/tagless.js';
import {
  buildArtifact,
  buildImage,
  type FaultProxy,
  getManifestRaw,
  pushContent,
  referrersTag,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tagManifest,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';
import { clientFor } from './util.js';

let src: TestRegistry;
let dst: TestRegistry;
let dst2: TestRegistry;
let dir: TempDir;
const proxies: FaultProxy[] = [];

async function proxy(reg: TestRegistry): Promise<FaultProxy> {
  const p = await startFaultProxy(reg.url);
  proxies.push(p);
  return p;
}

function config(name: string, body: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, body);
  return path;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const blobGets = (p: FaultProxy) =>
  p.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/sha256:'));

beforeAll(async () => {
  [src, dst, dst2] = await Promise.all([startRegistry(), startRegistry(), startRegistry()]);
  dir = tempDir('engine-test-');
  for (const repo of ['a', 'b', 'c']) {
    for (const tag of ['1.0.0', '1.1.0']) {
      const img = buildImage({
        seed: `${repo}-${tag}`,
        sharedSeed: 'base',
        sharedLayerSize: 300_000,
        uniqueLayerSize: 30_000,
      });
      await pushContent(src, `base/${repo}`, tag, img);
    }
  }
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  dir.cleanup();
  await stopAll();
});

describe('copy engine efficiency', () => {
  it('reads every unique blob once on a cold run, mounts the shared base layer, and costs only HEADs when warm', async () => {
    const s = await proxy(src);
    const d = await proxy(dst);
    const path = config(
      'three',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
${['a', 'b', 'c'].map((r) => `  - source: ${s.host}/base/${r}\n    destination: ${d.host}/mirror/${r}\n    selector: { limit: 0 }`).join('\n')}
`,
    );
    const cold = await cli(['sync', path, '-o', 'json']);
    expect(cold.code).toBe(0);
    const doc = JSON.parse(cold.stdout);
    expect(validateReport(doc)).toEqual([]);
    expect(doc.report.summary).toMatchObject({ copied: 6, failed: 0 });
    // 6 images × (2 unique layers + 2 configs) + 1 shared layer = 25 unique blobs, each read once.
    const gets = blobGets(s).map((r) => r.path.split('/blobs/')[1]);
    expect(new Set(gets).size).toBe(25);
    expect(gets).toHaveLength(25);
    // The shared layer was streamed into one repository and mounted into the other two.
    expect(doc.report.summary.blobs.mounted).toBeGreaterThanOrEqual(2);
    expect(doc.report.summary.blobs.copied).toBe(25);
    // Manifests: the planner HEADs each tag (alongside the destination HEAD, one round trip), or
    // reads it (a GET by tag) when the destination's tag list already showed it absent; the copy
    // reads every index planning did not read, and each child, once by digest.
    const manifestReads = s.requests.filter((r) => r.path.includes('/manifests/'));
    const byTag = manifestReads.filter((r) => !r.path.includes('/manifests/sha256:'));
    expect(new Set(byTag.map((r) => r.path)).size).toBe(6);
    expect(byTag).toHaveLength(6);
    const readByTag = byTag.filter((r) => r.method === 'GET').length;
    const byDigest = manifestReads.filter((r) => r.path.includes('/manifests/sha256:'));
    expect(byDigest.map((r) => r.method)).toEqual(Array(18 - readByTag).fill('GET'));
    expect(new Set(byDigest.map((r) => r.path)).size).toBe(18 - readByTag);

    s.requests.length = 0;
    d.requests.length = 0;
    const warm = await cli(['sync', path, '-o', 'json']);
    expect(JSON.parse(warm.stdout).report.summary).toMatchObject({ copied: 0, skipped: 6 });
    expect(d.requests.filter((r) => WRITES.has(r.method))).toEqual([]);
    // One tag list per source repository + one HEAD per source tag; one HEAD per destination tag.
    expect(s.requests.map((r) => r.method).sort()).toEqual([
      ...Array(3).fill('GET'),
      ...Array(6).fill('HEAD'),
    ]);
    expect(d.requests.map((r) => r.method)).toEqual(Array(6).fill('HEAD'));
  });

  it('uploads into a repository that holds no tag without asking for each blob first, and still finds blobs where tags are', async () => {
    // The copy's source manifest reads are held back, so the destination's one-page tag list
    // (asked by planning after the tag's HEAD missed) has answered before the first blob is looked at.
    const s = await startFaultProxy(src.url, [
      { match: (r) => r.method === 'GET' && r.path.includes('/manifests/sha256:'), delayMs: 2000 },
    ]);
    proxies.push(s);
    const d = await proxy(dst);
    const blobHeads = () => d.requests.filter((r) => r.method === 'HEAD' && r.path.includes('/blobs/'));
    const fresh = config(
      'fresh-repo',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${s.host}/base/a:1.0.0\n    destination: ${d.host}/fresh/a\n`,
    );
    const first = await cli(['sync', fresh, '-o', 'json']);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout);
    // Five blobs (shared, 2 unique layers, 2 configs); the second platform's shared layer is
    // known from the first.
    expect(doc.report.summary.blobs).toEqual({ copied: 5, mounted: 0, existing: 1 });
    const tagLists = d.requests.filter((r) => r.path.includes('/tags/list'));
    expect(tagLists.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v2/fresh/a/tags/list?n=1 404',
    ]);
    expect(blobHeads()).toEqual([]);
    expect(await getManifestRaw(dst, 'fresh/a', '1.0.0')).toBeDefined();

    // The repository now holds a tag: the next tag's blobs are looked up, the shared layer is
    // found there and not uploaded again.
    d.requests.length = 0;
    const next = config(
      'fresh-repo-next',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${s.host}/base/a:1.1.0\n    destination: ${d.host}/fresh/a\n`,
    );
    const second = await cli(['sync', next, '-o', 'json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).report.summary.blobs).toEqual({ copied: 4, mounted: 0, existing: 2 });
    expect(new Set(blobHeads().map((r) => r.path)).size).toBe(5);
    const puts = d.requests.filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'));
    expect(puts).toHaveLength(4);
  });

  it('plans a repository that holds no tag with one manifest HEAD and one tag-list page, and looks up every tag where tags are', async () => {
    const d = await proxy(dst);
    const manifestHeads = () =>
      d.requests.filter((r) => r.method === 'HEAD' && r.path.includes('/manifests/')).map((r) => r.path);
    const tagLists = () => d.requests.filter((r) => r.path.includes('/tags/list')).map((r) => r.path);
    const path = config(
      'tagless-plan',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/base/b\n    destination: ${d.host}/tagless/b\n    selector: { limit: 0 }\n`,
    );
    const cold = await cli(['sync', path, '-o', 'json']);
    expect(cold.code).toBe(0);
    expect(JSON.parse(cold.stdout).report.summary).toMatchObject({ copied: 2, failed: 0 });
    // The first tag's HEAD missed, the tag list said "no tags": the other tag is not looked up,
    // and no blob is (the answer was in before the copies started).
    expect(manifestHeads()).toHaveLength(1);
    expect(tagLists()).toEqual(['/v2/tagless/b/tags/list?n=1']);
    expect(d.requests.filter((r) => r.method === 'HEAD' && r.path.includes('/blobs/'))).toEqual([]);
    for (const tag of ['1.0.0', '1.1.0']) expect(await getManifestRaw(dst, 'tagless/b', tag)).toBeDefined();

    // Warm: the first HEAD hits, so no tag list, and every tag is looked up (drift stays visible).
    d.requests.length = 0;
    const warm = await cli(['sync', path, '-o', 'json']);
    expect(JSON.parse(warm.stdout).report.summary).toMatchObject({ copied: 0, skipped: 2 });
    expect(manifestHeads().sort()).toEqual([
      '/v2/tagless/b/manifests/1.0.0',
      '/v2/tagless/b/manifests/1.1.0',
    ]);
    expect(tagLists()).toEqual([]);
  });

  it('reads the source manifest of a tag the tag list shows absent once, in planning, and copies those bytes', async () => {
    const s = await proxy(src);
    // The destination's tag list is held back a little, so the source's first answer (which says
    // whether it counts pulls) is in when the second tag is planned.
    const d = await startFaultProxy(dst.url, [{ match: (r) => r.path.includes('/tags/list'), delayMs: 300 }]);
    proxies.push(d);
    const manifests = (method: string) =>
      s.requests.filter((r) => r.method === method && r.path.includes('/manifests/')).map((r) => r.path);
    const path = config(
      'absent-read',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${s.host}/base/c\n    destination: ${d.host}/absent-read/c\n    selector: { limit: 0 }\n`,
    );
    const tags = ['1.0.0', '1.1.0'];
    const digests = new Map<string, string>();
    for (const tag of tags) digests.set(tag, (await getManifestRaw(src, 'base/c', tag))?.digest as string);

    // A dry run reads no manifest: a HEAD per source tag, as before (a GET is a pull where pulls count).
    const dry = await cli(['sync', path, '-o', 'json', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(manifests('GET')).toEqual([]);
    expect(manifests('HEAD').sort()).toEqual(tags.map((t) => `/v2/base/c/manifests/${t}`));

    s.requests.length = 0;
    const cold = await cli(['sync', path, '-o', 'json']);
    expect(cold.code).toBe(0);
    expect(JSON.parse(cold.stdout).report.summary).toMatchObject({ copied: 2, failed: 0 });
    // The first tag: HEAD at the source while the destination is asked, then the copy GETs it by
    // digest. The second waited for the destination's tag list (empty): one GET by tag in planning,
    // and no GET of that digest by the copy.
    const heads = manifests('HEAD');
    expect(heads).toHaveLength(1);
    const first = tags.find((t) => heads[0] === `/v2/base/c/manifests/${t}`) as string;
    const second = tags.find((t) => t !== first) as string;
    const gets = manifests('GET');
    expect(gets.filter((p) => p === `/v2/base/c/manifests/${second}`)).toHaveLength(1);
    expect(gets).not.toContain(`/v2/base/c/manifests/${first}`);
    expect(gets).toContain(`/v2/base/c/manifests/${digests.get(first)}`);
    expect(gets).not.toContain(`/v2/base/c/manifests/${digests.get(second)}`);
    // The bytes the planner read are the ones tagged at the destination.
    for (const tag of tags)
      expect((await getManifestRaw(dst, 'absent-read/c', tag))?.digest).toBe(digests.get(tag));

    // Warm: the destination's first HEAD hits, so every source tag is HEADed and nothing is read.
    s.requests.length = 0;
    const warm = await cli(['sync', path, '-o', 'json']);
    expect(JSON.parse(warm.stdout).report.summary).toMatchObject({ copied: 0, skipped: 2 });
    expect(manifests('GET')).toEqual([]);
    expect(manifests('HEAD')).toHaveLength(2);
  });

  it('looks up every tag again when the tag list cannot be read, and copies all the same', async () => {
    const d = await startFaultProxy(dst.url, [
      { match: (r) => r.path.includes('/tags/list'), status: 500, body: '{"errors":[{"code":"UNKNOWN"}]}' },
    ]);
    proxies.push(d);
    const path = config(
      'tagless-unreadable',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/base/b\n    destination: ${d.host}/tagless-unreadable/b\n    selector: { limit: 0 }\n`,
    );
    const run = await cli(['sync', path, '-o', 'json', '--retries', '0']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).report.summary).toMatchObject({ copied: 2, failed: 0 });
    expect(d.requests.filter((r) => r.path.includes('/tags/list')).map((r) => r.status)).toEqual([500]);
    expect(d.requests.filter((r) => r.method === 'HEAD' && r.path.includes('/manifests/'))).toHaveLength(2);
    // Blobs are looked up too (both tags' blobs: 5 distinct, the shared layer once per platform).
    expect(
      d.requests.filter((r) => r.method === 'HEAD' && r.path.includes('/blobs/')).length,
    ).toBeGreaterThan(0);
  });

  it('plans a one-tag entry into a repository without tags with its HEAD alone (no tag-list page)', async () => {
    await pushContent(
      src,
      'single/x',
      '1.0.0',
      buildImage({ seed: 'single', platforms: [{ os: 'linux', architecture: 'amd64' }], index: false }),
    );
    const d = await proxy(dst);
    const path = config(
      'single',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/single/x:1.0.0\n    destination: ${d.host}/single/x\n`,
    );
    const run = await cli(['plan', path, '-o', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).report.results[0].tags[0].status).toBe('would-copy');
    expect(d.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /v2/single/x/manifests/1.0.0']);
  });

  it('takes the tag list as the word on absence only until a copy of the run writes there', async () => {
    const d = await proxy(dst);
    const { client } = clientFor([d]);
    const tagless = new TaglessRepositories();
    const digests = registryDigests(client, { tagless });
    const repo = { registry: d.host, repository: 'tagless/race' };
    const heads = () => d.requests.filter((r) => r.method === 'HEAD').map((r) => r.path);
    expect(await digests.destination({ ...repo, tag: 'a' })).toBeUndefined();
    expect(await digests.destination({ ...repo, tag: 'b' })).toBeUndefined();
    expect(heads()).toEqual(['/v2/tagless/race/manifests/a']);
    // A copy of this run starts writing there (another entry with the same destination): from now
    // on its tags are looked up, so that entry's tag is seen (up to date or drifted), not overwritten.
    tagless.copying(repo);
    const digest = await pushContent(dst, 'tagless/race', 'c', buildImage({ seed: 'race' }));
    expect(await digests.destination({ ...repo, tag: 'c' })).toMatchObject({ digest });
    expect(heads()).toEqual(['/v2/tagless/race/manifests/a', '/v2/tagless/race/manifests/c']);
    expect(d.requests.filter((r) => r.path.includes('/tags/list'))).toHaveLength(1);
  });

  it('runs eight copy jobs at once by default, as many as defaults.concurrency says, and --concurrency over both', async () => {
    for (let i = 0; i < 12; i++) {
      const img = buildImage({
        seed: `jobs-${i}`,
        platforms: [{ os: 'linux', architecture: 'amd64' }],
        index: false,
      });
      await pushContent(src, 'jobs/x', `1.${i}.0`, img);
    }
    // Every copy reads its manifest by digest first: held back 1.5 s, no job can finish before
    // all the jobs the queue starts together have started (they start in one go, not in turns).
    const s = await startFaultProxy(src.url, [
      { match: (r) => r.method === 'GET' && r.path.includes('/manifests/sha256:'), delayMs: 1500 },
    ]);
    proxies.push(s);
    const startedBeforeFirstDone = async (name: string, extra: string[], defaults = '') => {
      const path = config(
        name,
        `apiVersion: oci-mirror/v1\nkind: Config\n${defaults}artifacts:\n  - source: ${s.host}/jobs/x\n    destination: ${dst.host}/${name}/x\n    selector: { limit: 0 }\n`,
      );
      const run = await cli(['sync', path, '--verbose', ...extra]);
      expect(run.code).toBe(0);
      const lines = run.stderr.split('\n');
      // The log's start line names the figure in force.
      const said = /sync started .*concurrency=(\d+)/.exec(run.stderr)?.[1];
      const firstDone = lines.findIndex((l) => l.includes(' tag done '));
      expect(lines.filter((l) => l.includes(' tag done '))).toHaveLength(12);
      const started = lines.slice(0, firstDone).filter((l) => l.includes(' mirroring tag ')).length;
      expect(said).toBe(String(started));
      return started;
    };
    expect(await startedBeforeFirstDone('jobs-default', [])).toBe(8);
    expect(await startedBeforeFirstDone('jobs-three', ['--concurrency', '3'])).toBe(3);
    // The config's own figure applies when no flag says otherwise (it used to be ignored).
    const five = 'defaults: { concurrency: 5 }\n';
    expect(await startedBeforeFirstDone('jobs-config', [], five)).toBe(5);
    expect(await startedBeforeFirstDone('jobs-flag', ['--concurrency', '2'], five)).toBe(2);
  });

  it('fans out to two registries reading each blob once per destination registry', async () => {
    const s = await proxy(src);
    const path = config(
      'fanout',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/base/a:1.0.0
    destinations: [${dst.host}/fan/one, ${dst.host}/fan/two, ${dst2.host}/fan/one]
`,
    );
    const run = await cli(['sync', path, '-o', 'json']);
    expect(run.code).toBe(0);
    const counts = new Map<string, number>();
    for (const r of blobGets(s)) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    // Five blobs (shared, 2 unique, 2 configs); two destination registries → each read twice.
    expect(counts.size).toBe(5);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
  });
});

describe('referrers', () => {
  it('copies OCI referrers and cosign tags, maintains the fallback index by merging, and picks up new ones later', async () => {
    const img = buildImage({
      seed: 'signed',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    const subject = await pushContent(src, 'signed/app', '1.0.0', img);
    const subjectDesc = { mediaType: img.top.mediaType, digest: subject, size: img.top.bytes.length };
    const sbom = buildArtifact({
      artifactType: 'application/spdx+json',
      layers: [{ mediaType: 'application/spdx+json', data: '{"spdxVersion":"SPDX-2.3"}' }],
      subject: subjectDesc,
    });
    await pushContent(src, 'signed/app', undefined, sbom);
    const indexOf = (items: { digest: string; size: number; artifactType: string }[]) =>
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: items.map((i) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...i })),
        }),
      );
    const sbomItem = {
      digest: sbom.top.digest,
      size: sbom.top.bytes.length,
      artifactType: 'application/spdx+json',
    };
    await tagManifest(
      src,
      'signed/app',
      referrersTag(subject),
      indexOf([sbomItem]),
      'application/vnd.oci.image.index.v1+json',
    );
    const sig = buildArtifact({
      configMediaType: 'application/vnd.oci.image.config.v1+json',
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          data: `{"critical":{"image":{"docker-manifest-digest":"${subject}"}}}`,
        },
      ],
    });
    await pushContent(src, 'signed/app', `${referrersTag(subject)}.sig`, sig);

    const path = config(
      'referrers',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/signed/app
    destination: ${dst.host}/signed/app
    includeReferrers: true
    selector: { limit: 0 }
`,
    );
    const first = await cli(['sync', path, '-o', 'json']);
    expect(first.code).toBe(0);
    const row = JSON.parse(first.stdout).report.results[0].tags;
    // Only the release tag is a row: the fallback index and the .sig tag travel with their subject.
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({
      tag: '1.0.0',
      status: 'copied',
      referrers: [
        { digest: sbom.top.digest, artifactType: 'application/spdx+json', status: 'copied' },
        { digest: sig.top.digest, tag: `${referrersTag(subject)}.sig`, status: 'copied' },
      ],
    });
    expect((await getManifestRaw(dst, 'signed/app', sbom.top.digest))?.digest).toBe(sbom.top.digest);
    expect((await getManifestRaw(dst, 'signed/app', `${referrersTag(subject)}.sig`))?.digest).toBe(
      sig.top.digest,
    );
    const fallback = await getManifestRaw(dst, 'signed/app', referrersTag(subject));
    expect(
      JSON.parse(fallback?.bytes.toString() ?? '{}').manifests.map((m: { digest: string }) => m.digest),
    ).toEqual([sbom.top.digest]);

    // A new attestation appears at the source: the up-to-date tag stays skipped, the referrer follows.
    const att = buildArtifact({ artifactType: 'application/vnd.in-toto+json', subject: subjectDesc });
    await pushContent(src, 'signed/app', undefined, att);
    const attItem = {
      digest: att.top.digest,
      size: att.top.bytes.length,
      artifactType: 'application/vnd.in-toto+json',
    };
    await tagManifest(
      src,
      'signed/app',
      referrersTag(subject),
      indexOf([sbomItem, attItem]),
      'application/vnd.oci.image.index.v1+json',
    );
    const second = await cli(['sync', path, '-o', 'json']);
    expect(JSON.parse(second.stdout).report.results[0].tags[0]).toMatchObject({
      status: 'skipped',
      referrers: [
        { digest: sbom.top.digest, status: 'skipped', reason: 'up-to-date' },
        { digest: att.top.digest, artifactType: 'application/vnd.in-toto+json', status: 'copied' },
        { digest: sig.top.digest, status: 'skipped', reason: 'up-to-date' },
      ],
    });
    const merged = await getManifestRaw(dst, 'signed/app', referrersTag(subject));
    expect(
      JSON.parse(merged?.bytes.toString() ?? '{}').manifests.map((m: { digest: string }) => m.digest),
    ).toEqual([sbom.top.digest, att.top.digest]);
  });
});

describe('secrets', () => {
  it('never prints a password substituted from the environment, --verbose included', async () => {
    const reg = await startRegistry({ auth: 'token', users: { robot: 'pw-Zq81-very-secret' } });
    const path = config(
      'secret',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/base/a:1.0.0
    destination: ${reg.host}/secret/app
  - name: fails
    source: ${src.host}/base/a:1.1.0
    destination: ${reg.host}/secret/forbidden
hosts:
  - host: ${reg.host}
    username: robot
    credential: { value: "\${DST_PASSWORD}" }
`,
    );
    const env = { DST_PASSWORD: 'pw-Zq81-very-secret' };
    const basic = Buffer.from('robot:pw-Zq81-very-secret').toString('base64');
    const outputs: string[] = [];
    for (const args of [
      ['sync', path, '--verbose'],
      ['sync', path, '--verbose', '-o', 'json'],
      ['plan', path, '-o', 'yaml', '--verbose'],
      ['validate', path],
    ]) {
      const run = await cli(args, { env });
      outputs.push(run.stdout, run.stderr);
    }
    expect(outputs.join('\n')).toContain('secret/app');
    for (const out of outputs) {
      expect(out).not.toContain('pw-Zq81-very-secret');
      expect(out).not.toContain(basic);
    }
    // A wrong password must fail clearly, naming the host, without echoing the password.
    const bad = await cli(['sync', path, '-o', 'json'], { env: { DST_PASSWORD: 'wrong-password-123' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).not.toContain('wrong-password-123');
    expect(JSON.parse(bad.stdout).report.results[0].tags[0].error.message).toMatch(
      /authentication to 127\.0\.0\.1:\d+ failed: .*HTTP 401/,
    );
  });
});
