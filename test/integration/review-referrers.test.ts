/** Review findings on referrers: the fallback path on a registry without the referrers API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImage,
  type FaultProxy,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TestRegistry,
} from '../harness/index.js';
import { clientFor, repoOf } from './util.js';

let reg: TestRegistry;
let proxy: FaultProxy;

beforeAll(async () => {
  reg = await startRegistry();
  proxy = await startFaultProxy(reg.url);
});
afterAll(async () => {
  await proxy.stop();
  await stopAll();
});

describe('review: a registry without the referrers API', () => {
  it('is probed once per run, then the fallback tag is read directly', async () => {
    const a = await pushContent(reg, 'refs/a', '1', buildImage({ seed: 'review-ref-a', index: true }));
    const b = await pushContent(reg, 'refs/b', '1', buildImage({ seed: 'review-ref-b', index: true }));
    const { client } = clientFor([{ host: proxy.host, url: proxy.url }]);
    for (const [repo, digest] of [
      ['refs/a', a],
      ['refs/b', b],
      ['refs/a', a],
    ] as const) {
      const got = await client.getReferrers(repoOf(proxy, repo), digest);
      expect(got).toEqual({ descriptors: [], via: 'tag' });
    }
    // The client keeps a per-registry "no referrers API" memo; it must actually be used.
    expect(proxy.requests.filter((r) => r.path.includes('/referrers/'))).toHaveLength(1);
  });
});
