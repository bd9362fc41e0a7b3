/**
 * The platform filter looks inside nested indexes (issue 13): an index whose child is itself an
 * index is filtered recursively on real registries (distribution 2.8, which refuses an index
 * whose children it does not hold, so the order of the pushes is checked by the registry itself).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  getManifestRaw,
  pushContent,
  send,
  skopeoInspectRaw,
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

interface Desc {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string };
}

// outer 1.0.0 → [inner index → [linux/amd64, linux/arm64], linux/s390x manifest]
const inner = buildImage({ seed: 'nested-inner' });
const s390x = buildImage({
  seed: 'nested-s390x',
  index: false,
  platforms: [{ os: 'linux', architecture: 's390x' }],
});
const outerBytes = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      { mediaType: OCI_INDEX, digest: inner.top.digest, size: inner.top.bytes.length },
      {
        mediaType: s390x.top.mediaType,
        digest: s390x.top.digest,
        size: s390x.top.bytes.length,
        platform: { os: 'linux', architecture: 's390x' },
      },
    ],
    annotations: { 'org.example.outer': 'kept' },
  }),
);
let outer: string;

async function sync(name: string, platforms: string) {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(
    path,
    `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/n/app\n    destination: ${dst.host}/n/${name}\n    platforms: [${platforms}]\n    selector: { tags: ['1.0.0'] }\n`,
  );
  const run = await cli(['sync', path, '-o', 'json']);
  const doc = JSON.parse(run.stdout);
  expect(validateReport(doc)).toEqual([]);
  const tag = doc.report.results[0].tags[0] as {
    status: string;
    sourceDigest?: string;
    rewritten?: string;
    error?: { message: string };
  };
  return { code: run.code, tag };
}

async function manifestsOf(repo: string, ref: string): Promise<Desc[]> {
  const raw = await getManifestRaw(dst, repo, ref);
  if (!raw) throw new Error(`${repo}@${ref} is missing at the destination`);
  return JSON.parse(raw.bytes.toString()).manifests;
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('nested-index-');
  await pushContent(src, 'n/app', undefined, inner);
  await pushContent(src, 'n/app', undefined, s390x);
  outer = await tagManifest(src, 'n/app', '1.0.0', outerBytes, OCI_INDEX);
});
afterAll(async () => {
  await stopAll();
  await dir?.cleanup();
});

describe('platform filter over nested indexes', () => {
  it('the registry refuses an index before the index it lists (so order is checked)', async () => {
    const res = await send(dst, '/v2/n/control/manifests/1.0.0', {
      method: 'PUT',
      headers: { 'content-type': OCI_INDEX },
      body: outerBytes,
    });
    expect(res.status).toBe(400);
  });

  it('filters inside the inner index, pushes the rewritten inner index before the outer one', async () => {
    const { code, tag } = await sync('amd64', 'linux/amd64');
    expect(code).toBe(0);
    expect(tag.status).toBe('copied');
    expect(tag.rewritten).toBe('platforms linux/amd64');
    expect(tag.sourceDigest).not.toBe(outer);
    const top = await manifestsOf('n/amd64', '1.0.0');
    // The outer index now lists only the rewritten inner index (s390x is gone) ...
    expect(top).toHaveLength(1);
    expect(top[0]?.mediaType).toBe(OCI_INDEX);
    expect(top[0]?.digest).not.toBe(inner.top.digest);
    // ... which holds amd64 only, is stored by its digest, and whose size is right.
    const innerKept = await getManifestRaw(dst, 'n/amd64', top[0]?.digest as string);
    expect(innerKept?.bytes.length).toBe(top[0]?.size);
    const platforms = JSON.parse(innerKept?.bytes.toString() ?? '{}').manifests.map(
      (m: Desc) => `${m.platform?.os}/${m.platform?.architecture}`,
    );
    expect(platforms).toEqual(['linux/amd64']);
    // The outer index keeps its other fields; skopeo reads the whole tree back.
    const raw = JSON.parse(await skopeoInspectRaw(dst, 'n/amd64:1.0.0'));
    expect(raw.annotations).toEqual({ 'org.example.outer': 'kept' });
    expect(await getManifestRaw(dst, 'n/amd64', s390x.top.digest)).toBeUndefined();
  });

  it('drops an inner index none of whose platforms is wanted', async () => {
    const { code, tag } = await sync('s390x', 'linux/s390x');
    expect(code).toBe(0);
    const top = await manifestsOf('n/s390x', '1.0.0');
    expect(top.map((d) => d.digest)).toEqual([s390x.top.digest]);
    expect(tag.sourceDigest).not.toBe(outer);
    expect(await getManifestRaw(dst, 'n/s390x', inner.top.digest)).toBeUndefined();
  });

  it('keeps the digest when every platform at every depth is kept, and fails when none is', async () => {
    const all = await sync('all', 'linux/amd64, linux/arm64, linux/s390x');
    expect(all.code).toBe(0);
    expect(all.tag.sourceDigest).toBe(outer);
    expect(all.tag.rewritten).toBeUndefined();
    expect((await getManifestRaw(dst, 'n/all', '1.0.0'))?.digest).toBe(outer);
    expect((await getManifestRaw(dst, 'n/all', inner.top.digest))?.digest).toBe(inner.top.digest);

    const none = await sync('none', 'linux/ppc64le');
    expect(none.code).toBe(1);
    expect(none.tag.error?.message).toMatch(/no platform matches linux\/ppc64le/);
  });
});
