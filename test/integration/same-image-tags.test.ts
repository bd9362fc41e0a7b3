/**
 * One image under several tags (`latest` and a version, `1`, `1.2`, `1.2.3`): a cold copy runs a job
 * per tag, and those jobs put the same manifests into the same repository at once. docker-registry's
 * filesystem storage writes a manifest's bytes in place (truncate, then write), so two overlapping
 * PUTs of one manifest let the registry read the other's half-written bytes while it checks an
 * index's children: the PUT fails with DIGEST_INVALID or MANIFEST_BLOB_UNKNOWN. Found with 10
 * repositories × 5 tags of one image each: 1–4 of 50 tags failed in every cold run.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { cli } from './cli-run.js';

const REPOS = Array.from({ length: 10 }, (_, i) => `same/r${i}`);
const TAGS = ['1', '1.0', '1.0.0', 'stable', 'latest'];

let src: TestRegistry;
let dir: TempDir;
const digests = new Map<string, string>();

beforeAll(async () => {
  src = await startRegistry();
  dir = tempDir('same-image-tags-');
  for (const repo of REPOS) {
    const image = buildImage({ seed: repo, sharedLayerSize: 50_000, uniqueLayerSize: 5_000 });
    digests.set(repo, image.top.digest);
    for (const tag of TAGS) await pushContent(src, repo, tag, image);
  }
});
afterAll(async () => {
  dir.cleanup();
  await stopAll();
});

describe('one image under several tags', () => {
  it('copies every tag in a cold run with eight jobs at once, each tag naming the source digest', async () => {
    // Two cold runs into two fresh registries: the overlap is a race, so give it two chances.
    for (const round of [1, 2]) {
      const dst = await startRegistry();
      const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
      for (const repo of REPOS)
        lines.push(
          `  - name: ${repo.replace('/', '-')}`,
          `    source: ${src.host}/${repo}`,
          `    destination: ${dst.host}/mirror/${repo}`,
          `    selector: { tags: [${TAGS.map((t) => `"${t}"`).join(', ')}] }`,
        );
      const path = join(dir.path, `round${round}.yaml`);
      writeFileSync(path, `${lines.join('\n')}\n`);
      const run = await cli(['sync', path, '-o', 'json', '--no-progress', '--concurrency', '8']);
      const doc = JSON.parse(run.stdout) as {
        report: { results: { tags: { status: string; error?: { message: string } }[] }[] };
      };
      const rows = doc.report.results.flatMap((e) => e.tags);
      expect(rows.filter((t) => t.status === 'failed').map((t) => t.error?.message)).toEqual([]);
      expect(rows.filter((t) => t.status === 'copied')).toHaveLength(REPOS.length * TAGS.length);
      expect(run.code).toBe(0);
      for (const repo of REPOS)
        for (const tag of TAGS) {
          const m = await getManifestRaw(dst, `mirror/${repo}`, tag);
          expect(m?.digest, `${repo}:${tag}`).toBe(digests.get(repo));
        }
    }
  });
});
