/**
 * Issue 14: planning keeps few requests in flight (and so few connections) to a near registry,
 * and raises the limit for a far one, judged by how fast the registry answers. Against real
 * registries; a fault proxy in front of each counts connections and requests in flight, and with
 * a delay stands for a distant registry.
 *
 * The rule's rate is lowered here (0.04 requests/ms instead of the default 1) so that the near
 * case holds on a loaded machine, where a loopback answer can take tens of ms: near stays at 8
 * in flight unless the fastest of the first 4 answers took over 200 ms, and a host whose every
 * answer waits 500 ms gets 20 or more. The default rule's figures are checked in test/unit/sync/pool.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/index.js';
import { Transport } from '../../src/oci/transport.js';
import { sync } from '../../src/sync/sync.js';
import {
  buildImage,
  type FaultProxy,
  MediaTypes,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TestRegistry,
} from '../harness/index.js';

const REPOS = Array.from({ length: 10 }, (_, i) => `adapt/r${i}`);
const TAGS = ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '2.1.0'];
const RULE = { after: 4, near: 8, rate: 0.04 };

let src: TestRegistry;
let dst: TestRegistry;
const proxies: FaultProxy[] = [];

function config(srcHost: string, dstHost: string) {
  const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
  for (const repo of REPOS)
    lines.push(
      `  - source: ${srcHost}/${repo}`,
      `    destination: ${dstHost}/mirror/${repo}`,
      `    selector: { semver: ">=0.0.0", limit: 0 }`,
    );
  return loadConfigText(`${lines.join('\n')}\n`, { file: 'adaptive.yaml', dir: '/', env: {} });
}

/** A warm sync of the 50 tags through a proxy in front of each registry (`delayMs` per request). */
async function warmThroughProxies(delayMs: number) {
  const rules = delayMs > 0 ? [{ delayMs }] : [];
  const [ps, pd] = await Promise.all([startFaultProxy(src.url, rules), startFaultProxy(dst.url, rules)]);
  proxies.push(ps, pd);
  const result = await sync(config(ps.host, pd.host), { dockerConfig: false, adaptivePlanning: RULE });
  const tags = result.entries.flatMap((e) => e.tags);
  expect(tags.map((t) => t.status).filter((s) => s !== 'skipped')).toEqual([]);
  expect(tags).toHaveLength(50);
  return { src: ps.load(), dst: pd.load(), requests: ps.requests.length + pd.requests.length };
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  for (const repo of REPOS)
    for (const tag of TAGS)
      await pushContent(
        src,
        repo,
        tag,
        buildImage({ seed: `${repo}:${tag}`, sharedLayerSize: 2_000, uniqueLayerSize: 500 }),
      );
  const cold = await sync(config(src.host, dst.host), { dockerConfig: false });
  expect(cold.entries.flatMap((e) => e.tags.map((t) => t.error?.message)).filter(Boolean)).toEqual([]);
}, 120_000);

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await stopAll();
});

describe('planning requests in flight follow how fast a registry answers', () => {
  it('on loopback, a 50-tag warm sync keeps at most 8 requests in flight and opens at most 8 connections per registry', async () => {
    const near = await warmThroughProxies(0);
    // 10 tag lists and 50 HEADs at the source, 50 HEADs at the destination.
    expect(near.requests).toBe(110);
    for (const side of [near.src, near.dst]) {
      expect(side.maxInFlight).toBeLessThanOrEqual(RULE.near);
      expect(side.connections).toBeLessThanOrEqual(RULE.near);
      expect(side.connections).toBeGreaterThanOrEqual(1);
    }
    // Requests did overlap (the limit is not one at a time).
    expect(Math.max(near.src.maxInFlight, near.dst.maxInFlight)).toBeGreaterThan(1);
  }, 60_000);

  it('behind 500 ms a request, the same sync raises the limit: more requests in flight and more connections', async () => {
    const far = await warmThroughProxies(500);
    expect(far.requests).toBe(110);
    // 0.04/ms x 500+ ms: 20 or more in flight once 4 answers are timed (the source has 60 to send).
    expect(far.src.maxInFlight).toBeGreaterThan(RULE.near);
    expect(far.src.maxInFlight).toBeLessThanOrEqual(32);
    expect(far.src.connections).toBeGreaterThan(RULE.near);
    expect(far.dst.maxInFlight).toBeGreaterThan(RULE.near);
  }, 90_000);

  it('the transport times GET and HEAD answers per host (round trip and registry, not our own busy time), not uploads', async () => {
    const slow = await startFaultProxy(src.url, [{ delayMs: 150 }]);
    proxies.push(slow);
    const transport = new Transport({ timeAnswers: true });
    try {
      const manifest = (host: string) => `http://${host}/v2/${REPOS[0]}/manifests/${TAGS[0]}`;
      for (const host of [src.host, slow.host])
        for (let i = 0; i < 3; i++) {
          const res = await transport.request({
            method: 'HEAD',
            url: manifest(host),
            headers: { accept: MediaTypes.ociIndex },
          });
          expect(res.status).toBe(200);
          await res.body.dump();
        }
      const near = transport.answerTimes(src.host);
      const far = transport.answerTimes(slow.host);
      expect(near?.answers).toBe(3);
      expect(far?.answers).toBe(3);
      // Every answer through the proxy waited 150 ms there; loopback answers were faster.
      expect(far?.fastestMs).toBeGreaterThanOrEqual(100);
      expect(near?.fastestMs).toBeLessThan(far?.fastestMs ?? 0);
      // An upload (POST) is not timed: its time is the body's, not the host's distance.
      const post = await transport.request({
        method: 'POST',
        url: `http://${dst.host}/v2/timing/blobs/uploads/`,
      });
      await post.body.dump();
      expect(post.status).toBe(202);
      expect(transport.answerTimes(dst.host)).toBeUndefined();
    } finally {
      await transport.close();
    }
  }, 60_000);
});
