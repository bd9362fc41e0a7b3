/**
 * Issue 9, point 6: two runs at once into the same destination. Two `oci-mirror` processes mirror
 * the same image from two sources, each with its own referrer, into one destination without the
 * referrers API: both merge the destination's `sha256-<hex>` fallback index. The proxy holds every
 * write of that index for a moment so the two read-modify-writes overlap every time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildArtifact,
  buildImage,
  type FaultProxy,
  getManifestRaw,
  pushContent,
  referrersTag,
  run,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tagManifest,
  tempDir,
} from '../harness/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

let src: TestRegistry;
let dst: TestRegistry;
let d: FaultProxy;
let dir: TempDir;
let subject: string;
const referrers: string[] = [];

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  d = await startFaultProxy(dst.url);
  dir = tempDir('concurrent-runs-test-');
  const img = buildImage({
    seed: 'concurrent',
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    index: false,
    sharedLayerSize: 2_000,
    uniqueLayerSize: 500,
  });
  for (const [i, repo] of ['one/app', 'two/app'].entries()) {
    subject = await pushContent(src, repo, '1.0', img);
    const subjectDesc = { mediaType: img.top.mediaType, digest: subject, size: img.top.bytes.length };
    const type = `application/vnd.example.note${i}+json`;
    const note = buildArtifact({
      artifactType: type,
      layers: [{ mediaType: type, data: `{"note":${i}}` }],
      subject: subjectDesc,
    });
    await pushContent(src, repo, undefined, note);
    referrers.push(note.top.digest);
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: note.top.digest,
          size: note.top.bytes.length,
          artifactType: type,
        },
      ],
    };
    await tagManifest(
      src,
      repo,
      referrersTag(subject),
      Buffer.from(JSON.stringify(index)),
      'application/vnd.oci.image.index.v1+json',
    );
  }
});
afterAll(async () => {
  await d?.stop();
  dir?.cleanup();
  await stopAll();
});

function config(name: string, from: string, to: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(
    path,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/${from}:1.0
    destination: ${d.host}/${to}
    includeReferrers: true
`,
  );
  return path;
}

describe('two runs at once (point 6)', () => {
  it('both referrers end up in the destination fallback index, every time', async () => {
    // Every write of the fallback index is held 400 ms: both runs read it before either writes.
    d.rules = [{ delayMs: 400, match: (r) => r.method === 'PUT' && r.path.includes('/manifests/sha256-') }];
    for (let round = 1; round <= 2; round++) {
      const to = `mirror/race${round}`;
      const runs = await Promise.all(
        ['one/app', 'two/app'].map((from, i) =>
          run(TSX, [MAIN, 'sync', config(`r${round}-${i}`, from, to), '-o', 'json'], {
            env: { ...process.env, CI: 'true' },
            timeoutMs: 90_000,
          }),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const index = await getManifestRaw(dst, to, referrersTag(subject));
      const listed = (JSON.parse(index?.bytes.toString() ?? '{}').manifests ?? []).map(
        (m: { digest: string }) => m.digest,
      );
      expect(listed.sort(), `round ${round}`).toEqual([...referrers].sort());
    }
    d.rules = [];
  });
});
