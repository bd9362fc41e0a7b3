/**
 * Issue 9, point 7: the state file never hides a missing tag for long. Rows decided from memory
 * say so and claim no destination digest; each run re-checks the oldest share of the remembered
 * destinations live, so a tag deleted behind the mirror's back comes back within a few runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECHECK_SHARE } from '../../src/sync/state.js';
import {
  buildImage,
  getManifestRaw,
  pushContent,
  send,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

const TAGS = Array.from({ length: 8 }, (_, i) => `1.0.${i}`);
let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;
const digests = new Map<string, string>();

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('state-recheck-test-');
  for (const tag of TAGS) {
    const img = buildImage({
      seed: `recheck-${tag}`,
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
      sharedLayerSize: 500,
      uniqueLayerSize: 100,
    });
    digests.set(tag, await pushContent(src, 'app/r', tag, img));
  }
});
afterAll(async () => {
  dir?.cleanup();
  await stopAll();
});

describe('state file re-checks (point 7)', () => {
  it('a destination tag deleted behind the mirror is copied again within 1/RECHECK_SHARE warm runs', async () => {
    const config = join(dir.path, 'mirror.yaml');
    const state = join(dir.path, 'state.json');
    writeFileSync(
      config,
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/app/r
    destination: ${dst.host}/mirror/r
    selector: { limit: 0 }
`,
    );
    const sync = async () => {
      const r = await cli(['sync', config, '-o', 'json', '--state-file', state]);
      return { code: r.code, rows: JSON.parse(r.stdout).report.results[0].tags as Record<string, string>[] };
    };
    expect((await sync()).code).toBe(0);
    // Delete one tag's manifest at the destination (the tag goes with it).
    const victim = '1.0.5';
    const del = await send(dst, `/v2/mirror/r/manifests/${digests.get(victim)}`, { method: 'DELETE' });
    expect(del.status).toBe(202);
    expect(await getManifestRaw(dst, 'mirror/r', victim)).toBeUndefined();
    const runs = Math.ceil(1 / RECHECK_SHARE);
    let back = 0;
    for (let i = 1; i <= runs && back === 0; i++) {
      const r = await sync();
      expect(r.code).toBe(0);
      const row = r.rows.find((t) => t.tag === victim);
      if (row?.status === 'copied') back = i;
      else {
        // Until re-checked it is remembered, and says so without claiming what the destination holds.
        expect(row?.reason).toMatch(/^up-to-date \(remembered/);
        expect(row?.destinationDigest).toBeUndefined();
      }
    }
    expect(back, `not copied again within ${runs} runs`).toBeGreaterThan(0);
    expect((await getManifestRaw(dst, 'mirror/r', victim))?.digest).toBe(digests.get(victim));
  });
});
