/** Review findings on the engine (`sync()`): what a job leaves behind when it is reported failed. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createSession } from '../../src/sync/session.js';
import { sync } from '../../src/sync/sync.js';
import {
  buildImage,
  type FaultProxy,
  listTags,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';

let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('review-engine-');
  await pushContent(src, 'slow/app', '1.0.0', buildImage({ seed: 'review-slow', uniqueLayerSize: 20_000 }));
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  dir.cleanup();
  await stopAll();
});

async function configFor(name: string, body: string) {
  const file = join(dir.path, `${name}.yaml`);
  writeFileSync(file, body);
  return loadConfig({ path: file, env: {} });
}

describe('review: a job that times out', () => {
  // At the deadline the job's requests are aborted and the job is awaited before it is reported,
  // so an abandoned copy cannot push its tag later ("a failed job leaves no new tag behind").
  it('leaves no tag behind at the destination', async () => {
    const p = await startFaultProxy(src.url, [
      // Blob reads are slow: the copy outlives the job deadline.
      { delayMs: 1500, match: (r) => r.method === 'GET' && r.path.includes('/blobs/sha256:') },
    ]);
    proxies.push(p);
    const config = await configFor(
      'timeout',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${p.host}/slow/app:1.0.0
    destination: ${dst.host}/mirror/slow
`,
    );
    const session = createSession(config, { dockerConfig: false });
    try {
      const result = await sync(config, { session, jobTimeoutMs: 300, jobRetries: 0 });
      expect(result.summary.failed).toBe(1);
      expect(result.entries[0]?.tags[0]?.error?.message).toMatch(/timed out/);
      // Give the abandoned copy every chance to finish (its blobs take 1.5 s each to read).
      for (let i = 0; i < 40; i++) {
        expect(await listTags(dst, 'mirror/slow')).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    } finally {
      await session.close();
    }
  }, 30_000);
});
