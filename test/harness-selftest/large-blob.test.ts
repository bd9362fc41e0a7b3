import { createHash } from 'node:crypto';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { blobExists, largeRandomBlobDigest, pushLargeRandomBlob } from '../harness/content.js';
import { startRegistry, stopAll } from '../harness/registry.js';

afterAll(stopAll);

describe('pushLargeRandomBlob', () => {
  it('pushes 200 MB with bounded memory, and the registry serves the same digest', async () => {
    const reg = await startRegistry({ storage: 'filesystem' });
    const size = 200 * 1024 * 1024 + 123;
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    const timer = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const t0 = performance.now();
    let digest: string;
    try {
      digest = await pushLargeRandomBlob(reg, 'big', size, 'big-seed');
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - t0;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // One 8 MiB chunk at a time (plus its copies in flight): far below the blob size.
    expect(peakRss - base.rss).toBeLessThan(120 * 1024 * 1024);
    expect(elapsed).toBeLessThan(30_000);
    expect(digest).toBe(largeRandomBlobDigest(size, 'big-seed'));
    expect(await blobExists(reg, 'big', digest)).toBe(true);

    // Independent check: stream it back and hash it.
    const res = await request(`${reg.url}/v2/big/blobs/${digest}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(size));
    const hash = createHash('sha256');
    for await (const chunk of res.body) hash.update(chunk as Buffer);
    expect(`sha256:${hash.digest('hex')}`).toBe(digest);
    console.log(
      `200 MB push: ${Math.round(elapsed)} ms, peak RSS growth ${Math.round((peakRss - base.rss) / 1048576)} MiB`,
    );
  }, 120_000);
});
