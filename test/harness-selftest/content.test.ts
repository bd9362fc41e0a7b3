import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blobExists,
  buildArtifact,
  buildDockerManifestList,
  buildDockerV2S2Image,
  buildImage,
  descriptorOf,
  EMPTY_DESCRIPTOR,
  getBlob,
  getManifestRaw,
  listTags,
  MediaTypes,
  pushContent,
  randomBytes,
  referrersTag,
  sha256Digest,
  tagManifest,
} from '../harness/content.js';
import { startRegistry, stopAll, type TestRegistry } from '../harness/registry.js';
import { skopeo, skopeoCopy, skopeoInspectRaw, skopeoListTags, tempDir } from '../harness/tools.js';

let reg: TestRegistry;
let reg2: TestRegistry;
beforeAll(async () => {
  [reg, reg2] = await Promise.all([
    startRegistry({ auth: 'htpasswd' }),
    startRegistry({ storage: 'memory' }),
  ]);
});
afterAll(stopAll);

describe('builders', () => {
  it('randomBytes is deterministic per seed and chunking-independent', () => {
    expect(randomBytes(1000, 'a').equals(randomBytes(1000, 'a'))).toBe(true);
    expect(randomBytes(1000, 'a').equals(randomBytes(1000, 'b'))).toBe(false);
    expect(randomBytes(1000, 'a').subarray(0, 10).equals(randomBytes(10, 'a'))).toBe(true);
    expect(sha256Digest('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('buildImage: an index over per-platform manifests sharing one layer, valid tar.gz layers', () => {
    const img = buildImage({ seed: 's', sharedLayerSize: 3000, uniqueLayerSize: 100 });
    expect(img.index?.mediaType).toBe(MediaTypes.ociIndex);
    expect(img.top).toBe(img.index);
    const index = JSON.parse(img.index!.bytes.toString());
    expect(index.manifests.map((m: { platform: unknown }) => m.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    const [a, b] = img.manifests.map((m) => JSON.parse(m.bytes.toString()));
    expect(a.layers[0]).toEqual(b.layers[0]);
    expect(a.layers[1].digest).not.toBe(b.layers[1].digest);
    expect(a.config.digest).not.toBe(b.config.digest);
    expect(img.blobs.size).toBe(5);
    for (const [digest, data] of img.blobs) expect(sha256Digest(data)).toBe(digest);
    const tar = gunzipSync(img.blobs.get(a.layers[0].digest)!);
    expect(tar.subarray(257, 262).toString()).toBe('ustar');
    const config = JSON.parse(img.blobs.get(a.config.digest)!.toString());
    expect(config.rootfs.diff_ids[0]).toBe(sha256Digest(tar));
    expect(buildImage({ seed: 's', sharedLayerSize: 3000, uniqueLayerSize: 100 }).top.digest).toBe(
      img.top.digest,
    );
    expect(buildImage({ seed: 't' }).top.digest).not.toBe(img.top.digest);
  });

  it('single manifest, Docker v2s2, manifest list, artifacts', () => {
    const single = buildImage({ platforms: [{ os: 'linux', architecture: 'amd64' }], index: false });
    expect(single.index).toBeUndefined();
    expect(single.top.mediaType).toBe(MediaTypes.ociManifest);
    const d = buildDockerV2S2Image({ seed: 'd' });
    const dm = JSON.parse(d.top.bytes.toString());
    expect(dm.mediaType).toBe(MediaTypes.dockerManifest);
    expect(dm.config.mediaType).toBe(MediaTypes.dockerConfig);
    expect(dm.layers[0].mediaType).toBe(MediaTypes.dockerLayerGzip);
    expect(buildDockerManifestList().top.mediaType).toBe(MediaTypes.dockerManifestList);
    const empty = buildArtifact({ artifactType: 'application/vnd.example.sbom.v1' });
    const em = JSON.parse(empty.top.bytes.toString());
    expect(em.config).toEqual({
      mediaType: EMPTY_DESCRIPTOR.mediaType,
      digest: EMPTY_DESCRIPTOR.digest,
      size: 2,
    });
    expect(em.layers).toEqual([em.config]);
    expect(sha256Digest(empty.blobs.get(EMPTY_DESCRIPTOR.digest)!)).toBe(EMPTY_DESCRIPTOR.digest);
  });
});

describe('pushing, checked with skopeo', () => {
  it('multi-arch OCI image: skopeo inspect --raw returns identical bytes for index and children', async () => {
    const img = buildImage({ seed: 'multi' });
    const digest = await pushContent(reg, 'ns/multi', 'v1', img);
    expect(digest).toBe(img.top.digest);
    const raw = await skopeoInspectRaw(reg, 'ns/multi:v1');
    expect(sha256Digest(raw)).toBe(img.top.digest);
    for (const m of img.manifests) {
      expect(sha256Digest(await skopeoInspectRaw(reg, `ns/multi@${m.digest}`))).toBe(m.digest);
    }
    expect(await skopeoListTags(reg, 'ns/multi')).toEqual(['v1']);
    // A full skopeo copy proves the blobs and configs are coherent.
    await skopeoCopy({ registry: reg, ref: 'ns/multi:v1' }, { registry: reg2, ref: 'copy:v1' });
    expect((await getManifestRaw(reg2, 'copy', 'v1'))?.digest).toBe(img.top.digest);
    const dir = tempDir('selftest-oci');
    try {
      await skopeoCopy({ registry: reg, ref: 'ns/multi:v1' }, `oci:${dir.path}:v1`);
      const out = await skopeo(['inspect', '--raw', `oci:${dir.path}:v1`]);
      expect(sha256Digest(out)).toBe(img.top.digest);
    } finally {
      await dir.cleanup();
    }
  });

  it('Docker v2s2 and manifest lists', async () => {
    const single = buildDockerV2S2Image({ seed: 'dock' });
    await pushContent(reg, 'docker/single', 'v1', single);
    const got = await getManifestRaw(reg, 'docker/single', 'v1');
    expect(got).toMatchObject({ mediaType: MediaTypes.dockerManifest, digest: single.top.digest });
    const list = buildDockerManifestList({ seed: 'dlist' });
    await pushContent(reg, 'docker/list', 'v1', list);
    expect(sha256Digest(await skopeoInspectRaw(reg, 'docker/list:v1'))).toBe(list.top.digest);
    const inspected = JSON.parse(
      await skopeo([
        'inspect',
        '--tls-verify=false',
        `--creds=tester:secret-pw`,
        `docker://${reg.host}/docker/single:v1`,
      ]),
    );
    expect(inspected.Architecture).toBe('amd64');
    expect(inspected.Labels['org.example.seed']).toBe('dock');
  });

  it('artifacts with custom config and subject, stored byte for byte; by digest when tag undefined', async () => {
    const img = buildImage({
      seed: 'subj',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    await pushContent(reg, 'art', 'v1', img);
    const sbom = buildArtifact({
      artifactType: 'application/vnd.example.sbom.v1',
      configMediaType: 'application/vnd.example.thing.config.v1+json',
      layers: [{ mediaType: 'application/spdx+json', data: '{"spdxVersion":"SPDX-2.3"}' }],
      subject: descriptorOf(img.top),
      annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' },
    });
    const digest = await pushContent(reg, 'art', undefined, sbom);
    expect(sha256Digest(await skopeoInspectRaw(reg, `art@${digest}`))).toBe(sbom.top.digest);
    expect(await listTags(reg, 'art')).toEqual(['v1']);
    // 2.8 has no referrers API: clients must use the fallback tag.
    const ref = await request(`${reg.url}/v2/art/referrers/${img.top.digest}`, {
      headers: { authorization: `Basic ${Buffer.from('tester:secret-pw').toString('base64')}` },
    });
    await ref.body.dump();
    expect(ref.statusCode).toBe(404);
    await tagManifest(reg, 'art', referrersTag(img.top.digest), sbom.top.bytes, sbom.top.mediaType);
    expect(await listTags(reg, 'art')).toEqual([referrersTag(img.top.digest), 'v1'].sort());
    expect(await blobExists(reg, 'art', JSON.parse(sbom.top.bytes.toString()).config.digest)).toBe(true);
    expect(await blobExists(reg, 'art', sha256Digest('nope'))).toBe(false);
    expect(await getManifestRaw(reg, 'art', 'missing')).toBeUndefined();
    expect(await listTags(reg, 'never-pushed')).toEqual([]);
    const empty = buildArtifact({ artifactType: 'application/vnd.example.thing.v1' });
    await pushContent(reg, 'art', 'empty', empty);
    expect(await getBlob(reg, 'art', EMPTY_DESCRIPTOR.digest)).toEqual(Buffer.from('{}'));
  });
});
