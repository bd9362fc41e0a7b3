/**
 * Signatures travel completely (issue 13): hand-built real-world shapes on real registries
 * (distribution 2.8, fallback-tag path), each of which used to exit 0 leaving signatures behind.
 * Each referrer is a report row under its tag, in dry runs too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  type BuiltContent,
  buildArtifact,
  buildImage,
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

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;

interface Ref {
  digest: string;
  status: string;
  artifactType?: string;
  subject?: string;
  reason?: string;
}

const descOf = (c: BuiltContent) => ({
  mediaType: c.top.mediaType,
  digest: c.top.digest,
  size: c.top.bytes.length,
});

/** Push `artifact` as a referrer of `subject` and list it in the source's fallback index. */
async function attach(repo: string, subject: string, artifact: BuiltContent, artifactType: string) {
  await pushContent(src, repo, undefined, artifact);
  const tag = referrersTag(subject);
  const current = await getManifestRaw(src, repo, tag);
  const manifests = current ? JSON.parse(current.bytes.toString()).manifests : [];
  manifests.push({ ...descOf(artifact), artifactType });
  await tagManifest(
    src,
    repo,
    tag,
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests })),
    OCI_INDEX,
  );
}

const sbomFor = (subject: { mediaType: string; digest: string; size: number }, seed: string) =>
  buildArtifact({
    artifactType: 'application/spdx+json',
    layers: [{ mediaType: 'application/spdx+json', data: `{"spdxVersion":"SPDX-2.3","name":"${seed}"}` }],
    subject,
  });
const sigFor = (subject: { mediaType: string; digest: string; size: number }, seed: string) =>
  buildArtifact({
    artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    layers: [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', data: `{"sig":"${seed}"}` }],
    subject,
  });

async function sync(name: string, body: string, ...flags: string[]) {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n${body}`);
  const run = await cli(['sync', path, '-o', 'json', ...flags]);
  const doc = JSON.parse(run.stdout);
  expect(validateReport(doc)).toEqual([]);
  return {
    code: run.code,
    tags: doc.report.results[0].tags as {
      status: string;
      referrers?: Ref[];
      error?: { message: string };
      sourceDigest?: string;
      rewritten?: string;
    }[],
  };
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('referrers-travel-');
});
afterAll(async () => {
  await stopAll();
  await dir?.cleanup();
});

describe('signatures travel completely', () => {
  it('referrers of platform manifests and of referrers, with rows; evaluated in a dry run first', async () => {
    const img = buildImage({ seed: 'travel-a' });
    const index = await pushContent(src, 't/a', '1.0.0', img);
    const amd64 = img.manifests[0] as BuiltContent['top'];
    const amd64Desc = { mediaType: amd64.mediaType, digest: amd64.digest, size: amd64.bytes.length };
    const platformSbom = sbomFor(amd64Desc, 'amd64');
    await attach('t/a', amd64.digest, platformSbom, 'application/spdx+json');
    const indexSbom = sbomFor(descOf(img), 'index');
    await attach('t/a', index, indexSbom, 'application/spdx+json');
    const sbomSig = sigFor(descOf(indexSbom), 'on-sbom');
    await attach('t/a', indexSbom.top.digest, sbomSig, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    const entry = `  - source: ${src.host}/t/a\n    destination: ${dst.host}/t/a\n    includeReferrers: true\n    selector: { tags: ['1.0.0'] }\n`;

    const dry = await sync('a', entry, '--dry-run');
    expect(dry.tags[0]?.status).toBe('would-copy');
    expect(dry.tags[0]?.referrers).toEqual([
      { digest: indexSbom.top.digest, artifactType: 'application/spdx+json', status: 'would-copy' },
      {
        digest: sbomSig.top.digest,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        status: 'would-copy',
        subject: indexSbom.top.digest,
      },
      {
        digest: platformSbom.top.digest,
        artifactType: 'application/spdx+json',
        status: 'would-copy',
        subject: amd64.digest,
      },
    ]);
    expect(await getManifestRaw(dst, 't/a', indexSbom.top.digest)).toBeUndefined();

    const real = await sync('a', entry);
    expect(real.code).toBe(0);
    expect(real.tags[0]?.referrers?.map((r) => r.status)).toEqual(['copied', 'copied', 'copied']);
    for (const d of [indexSbom.top.digest, sbomSig.top.digest, platformSbom.top.digest])
      expect((await getManifestRaw(dst, 't/a', d))?.digest).toBe(d);
    // Each subject's fallback index exists at the destination, so a verifier can find them.
    const listed = async (subject: string) =>
      JSON.parse(
        (await getManifestRaw(dst, 't/a', referrersTag(subject)))?.bytes.toString() ?? '{"manifests":[]}',
      ).manifests.map((m: { digest: string }) => m.digest);
    expect(await listed(index)).toEqual([indexSbom.top.digest]);
    expect(await listed(indexSbom.top.digest)).toEqual([sbomSig.top.digest]);
    expect(await listed(amd64.digest)).toEqual([platformSbom.top.digest]);
  });

  it('merging into an existing destination fallback index keeps its annotations and entries', async () => {
    const img = buildImage({
      seed: 'travel-b',
      index: false,
      platforms: [{ os: 'linux', architecture: 'amd64' }],
    });
    const subject = await pushContent(src, 't/b', '1.0.0', img);
    const sbom = sbomFor(descOf(img), 'b');
    await attach('t/b', subject, sbom, 'application/spdx+json');
    // Something else already listed there (another tool's referrer).
    const other = sbomFor(descOf(img), 'other');
    await pushContent(dst, 't/b', undefined, other);
    const foreign = { ...descOf(other), artifactType: 'application/spdx+json' };
    await tagManifest(
      dst,
      't/b',
      referrersTag(subject),
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_INDEX,
          manifests: [foreign],
          annotations: { 'org.example.keep': 'me' },
        }),
      ),
      OCI_INDEX,
    );
    await sync(
      'b',
      `  - source: ${src.host}/t/b\n    destination: ${dst.host}/t/b\n    includeReferrers: true\n    selector: { tags: ['1.0.0'] }\n`,
    );
    const merged = JSON.parse(
      (await getManifestRaw(dst, 't/b', referrersTag(subject)))?.bytes.toString() ?? '{}',
    );
    expect(merged.annotations).toEqual({ 'org.example.keep': 'me' });
    expect(merged.manifests.map((m: { digest: string }) => m.digest)).toEqual([
      foreign.digest,
      sbom.top.digest,
    ]);
  });

  it('platforms: keeps the attestation manifests of kept platforms, attaches the source referrers to the filtered index; all platforms keep the digest', async () => {
    const img = buildImage({ seed: 'travel-c' });
    const [amd64, arm64] = img.manifests as [BuiltContent['top'], BuiltContent['top']];
    // A BuildKit attestation manifest for amd64.
    const att = buildArtifact({
      configMediaType: 'application/vnd.oci.image.config.v1+json',
      layers: [
        { mediaType: 'application/vnd.in-toto+json', data: '{"_type":"https://in-toto.io/Statement/v0.1"}' },
      ],
    });
    await pushContent(src, 't/c', undefined, att);
    await pushContent(src, 't/c', undefined, { ...img, top: amd64 });
    const indexJson = JSON.parse(img.top.bytes.toString());
    indexJson.manifests.push({
      ...descOf(att),
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': amd64.digest,
      },
    });
    const indexBytes = Buffer.from(JSON.stringify(indexJson));
    const index = await tagManifest(src, 't/c', '1.0.0', indexBytes, OCI_INDEX);
    const sig = sigFor({ mediaType: OCI_INDEX, digest: index, size: indexBytes.length }, 'c');
    await attach('t/c', index, sig, 'application/vnd.dev.sigstore.bundle.v0.3+json');

    const one = await sync(
      'c',
      `  - source: ${src.host}/t/c\n    destination: ${dst.host}/t/c\n    includeReferrers: true\n    platforms: [linux/amd64]\n    selector: { tags: ['1.0.0'] }\n`,
    );
    expect(one.code).toBe(0);
    const filtered = one.tags[0]?.sourceDigest as string;
    expect(filtered).not.toBe(index);
    const got = JSON.parse((await getManifestRaw(dst, 't/c', '1.0.0'))?.bytes.toString() ?? '{}');
    expect(got.manifests.map((m: { digest: string }) => m.digest)).toEqual([amd64.digest, att.top.digest]);
    expect(got.manifests.map((m: { digest: string }) => m.digest)).not.toContain(arm64.digest);
    expect(one.tags[0]?.referrers).toMatchObject([{ digest: sig.top.digest, status: 'copied' }]);
    // The signature (its subject still the source index) is listed under the filtered index too.
    const attached = JSON.parse(
      (await getManifestRaw(dst, 't/c', referrersTag(filtered)))?.bytes.toString() ?? '{}',
    );
    expect(attached.manifests.map((m: { digest: string }) => m.digest)).toEqual([sig.top.digest]);

    const all = await sync(
      'c-all',
      `  - source: ${src.host}/t/c\n    destination: ${dst.host}/t/c-all\n    platforms: [linux/amd64, linux/arm64]\n    selector: { tags: ['1.0.0'] }\n`,
    );
    expect(all.tags[0]?.sourceDigest).toBe(index);
    expect(all.tags[0]?.rewritten).toBeUndefined();
  });

  it('a referrer that cannot be copied fails the tag row, which says which', async () => {
    const img = buildImage({
      seed: 'travel-d',
      index: false,
      platforms: [{ os: 'linux', architecture: 'amd64' }],
    });
    const subject = await pushContent(src, 't/d', '1.0.0', img);
    const sbom = sbomFor(descOf(img), 'd');
    await attach('t/d', subject, sbom, 'application/spdx+json');
    const proxy = await startFaultProxy(dst.url, [
      { status: 400, match: (r) => r.method === 'PUT' && r.path.endsWith(`/manifests/${sbom.top.digest}`) },
    ]);
    try {
      const run = await sync(
        'd',
        `  - source: ${src.host}/t/d\n    destination: ${proxy.host}/t/d\n    includeReferrers: true\n    selector: { tags: ['1.0.0'] }\n`,
      );
      expect(run.code).toBe(1);
      expect(run.tags[0]?.status).toBe('failed');
      expect(run.tags[0]?.error?.message).toContain(`referrer of ${subject} could not be copied`);
      expect(run.tags[0]?.referrers).toMatchObject([
        { digest: sbom.top.digest, status: 'failed', error: { httpStatus: 400 } },
      ]);
      // No new tag behind a failed job.
      expect(await getManifestRaw(dst, 't/d', '1.0.0')).toBeUndefined();
    } finally {
      await proxy.stop();
    }
  });

  it('a warm pass over an up-to-date index copies a signature added to a platform manifest later; with state without reading the index again', async () => {
    const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
    const img = buildImage({ seed: 'travel-e' });
    const index = await pushContent(src, 't/e', '1.0.0', img);
    const [amd64, arm64] = img.manifests as [BuiltContent['top'], BuiltContent['top']];
    const proxy = await startFaultProxy(src.url);
    try {
      const state = join(dir.path, 'e.state.json');
      const body = `  - source: ${proxy.host}/t/e\n    destination: ${dst.host}/t/e\n    includeReferrers: true\n    selector: { tags: ['1.0.0'] }\n`;
      const first = await sync('e', body, '--state-file', state);
      expect(first.tags[0]?.status).toBe('copied');

      // Signed after the first sync: a signature on the amd64 manifest, and one on that signature.
      const sig = sigFor(
        { mediaType: amd64.mediaType, digest: amd64.digest, size: amd64.bytes.length },
        'e1',
      );
      await attach('t/e', amd64.digest, sig, BUNDLE);
      const sigOfSig = sigFor(descOf(sig), 'e2');
      await attach('t/e', sig.top.digest, sigOfSig, BUNDLE);

      // With state: the tag is remembered up to date, and so is what the index lists.
      proxy.requests.length = 0;
      const second = await sync('e', body, '--state-file', state);
      expect(second.code).toBe(0);
      expect(second.tags[0]?.status).toBe('skipped');
      expect(second.tags[0]?.referrers).toMatchObject([
        { digest: sig.top.digest, status: 'copied', subject: amd64.digest },
        { digest: sigOfSig.top.digest, status: 'copied', subject: sig.top.digest },
      ]);
      expect(
        proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/manifests/${index}`)),
      ).toEqual([]);
      for (const [subject, ref] of [
        [amd64.digest, sig],
        [sig.top.digest, sigOfSig],
      ] as const) {
        const listed = JSON.parse(
          (await getManifestRaw(dst, 't/e', referrersTag(subject)))?.bytes.toString() ?? '{}',
        );
        expect(listed.manifests.map((m: { digest: string }) => m.digest)).toEqual([ref.top.digest]);
        expect((await getManifestRaw(dst, 't/e', ref.top.digest))?.digest).toBe(ref.top.digest);
      }

      // Without state: the destination's HEAD says the tag is an index, which is read once.
      const sig2 = sigFor(
        { mediaType: arm64.mediaType, digest: arm64.digest, size: arm64.bytes.length },
        'e3',
      );
      await attach('t/e', arm64.digest, sig2, BUNDLE);
      proxy.requests.length = 0;
      const third = await sync('e', body);
      expect(third.tags[0]?.status).toBe('skipped');
      expect(third.tags[0]?.referrers).toContainEqual(
        expect.objectContaining({ digest: sig2.top.digest, status: 'copied', subject: arm64.digest }),
      );
      expect(third.tags[0]?.referrers).toContainEqual(
        expect.objectContaining({ digest: sig.top.digest, status: 'skipped', reason: 'up-to-date' }),
      );
      expect(
        proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/manifests/${index}`)),
      ).toHaveLength(1);
    } finally {
      await proxy.stop();
    }
  });
});
