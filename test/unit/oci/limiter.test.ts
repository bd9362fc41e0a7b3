/**
 * The per-host limiter on a simulated clock: the token bucket spaces requests, `maxConcurrency`
 * caps requests awaiting an answer, a 429's Retry-After pauses every request to the host, and the
 * registry's `ratelimit-*` headers are read.
 */
import { describe, expect, it } from 'vitest';
import { PullLimitError } from '../../../src/oci/errors.js';
import {
  HostLimiter,
  isPull,
  type LimiterClock,
  parseRateLimitHeader,
  pullReserve,
} from '../../../src/oci/limiter.js';

/** A clock that only moves when someone sleeps. */
function simClock(): LimiterClock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('HostLimiter', () => {
  it('lets a burst through, then one request per 1/rps', async () => {
    const clock = simClock();
    const l = new HostLimiter({ rateLimit: { requestsPerSecond: 4, burst: 2 } }, clock);
    const at: number[] = [];
    for (let i = 0; i < 6; i++) {
      const release = await l.acquire();
      at.push(clock.now());
      release();
    }
    const t0 = at[0] as number;
    expect(at.map((t) => t - t0)).toEqual([0, 0, 250, 500, 750, 1000]);
  });

  it('caps requests awaiting an answer at maxConcurrency', async () => {
    const l = new HostLimiter({ maxConcurrency: 2 });
    const r1 = await l.acquire();
    const r2 = await l.acquire();
    let third = false;
    const p = l.acquire().then((r) => {
      third = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    r1();
    r1(); // releasing twice frees one slot only
    const r3 = await p;
    expect(third).toBe(true);
    let fourth = false;
    void l.acquire().then(() => {
      fourth = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(fourth).toBe(false);
    r2();
    r3();
  });

  it('a 429 with Retry-After pauses every later request to the host; headers give the headroom', async () => {
    const clock = simClock();
    const l = new HostLimiter({}, clock);
    const headers: Record<string, string> = {
      'ratelimit-limit': '100;w=21600',
      'ratelimit-remaining': '0;w=21600',
    };
    l.observe(429, (n) => headers[n], 3000);
    expect(l.pausedUntil).toBe(clock.now() + 3000);
    const before = clock.now();
    (await l.acquire())();
    expect(clock.now() - before).toBe(3000);
    expect(l.state()).toEqual({ rateLimited: 1, limit: 100, remaining: 0, windowSeconds: 21600 });
    l.observe(200, (n) => ({ 'ratelimit-remaining': '99;w=21600' })[n]);
    expect(l.state().remaining).toBe(99);
    expect(l.pausedUntil).toBe(0);
  });

  it('parses the rate-limit header forms', () => {
    expect(parseRateLimitHeader('100;w=21600')).toEqual({ n: 100, window: 21600 });
    expect(parseRateLimitHeader('42')).toEqual({ n: 42 });
    expect(parseRateLimitHeader('soon')).toBeUndefined();
    expect(parseRateLimitHeader(undefined)).toBeUndefined();
  });

  it('counts GETs of manifests as pulls, not HEADs, blobs or tag lists', () => {
    expect(isPull('GET', '/v2/library/alpine/manifests/3.20')).toBe(true);
    expect(isPull('GET', '/v2/a/b/manifests/sha256:abc')).toBe(true);
    expect(isPull('HEAD', '/v2/library/alpine/manifests/3.20')).toBe(false);
    expect(isPull('GET', '/v2/library/alpine/blobs/sha256:abc')).toBe(false);
    expect(isPull('GET', '/v2/library/alpine/tags/list')).toBe(false);
    expect(pullReserve(100)).toBe(5);
    expect(pullReserve(10)).toBe(1);
  });

  it('refuses a pull once only the reserve is left, counting pulls awaiting an answer', () => {
    const clock = simClock();
    const l = new HostLimiter({}, clock);
    expect(l.pullRefusal('hub')).toBeUndefined(); // no limit said yet
    const hub = (remaining: number) => (n: string) =>
      ({ 'ratelimit-limit': '10;w=3600', 'ratelimit-remaining': `${remaining};w=3600` })[n];
    l.observe(200, hub(4)); // a HEAD: 4 left, reserve 1
    expect(l.pullRefusal('hub')).toBeUndefined();
    l.pullStarted();
    l.pullStarted();
    expect(l.pullRefusal('hub')).toBeUndefined(); // 4 - 2 in flight = 2 > 1
    l.pullStarted();
    const refusal = l.pullRefusal('hub');
    expect(refusal).toBeInstanceOf(PullLimitError);
    expect(refusal?.retryAt?.getTime()).toBe(clock.now() + 3600_000);
    expect(refusal?.message).toBe(
      `pull limit of hub: 1 of 10 pulls left (kept in reserve); retry after ${new Date(clock.now() + 3600_000).toISOString()}`,
    );
    // An answer that overtook others says more is left than we know: only lower figures count.
    l.observe(200, hub(3));
    l.pullAnswered(200, true);
    l.observe(200, hub(4));
    l.pullAnswered(200, true);
    expect(l.state().remaining).toBe(3);
    // An answer without the header still used a pull; a failed request did not.
    l.pullAnswered(200, false);
    expect(l.state().remaining).toBe(2);
    // With nothing in flight the registry's word stands again (its window slides).
    l.observe(200, hub(9));
    expect(l.state().remaining).toBe(9);
    expect(l.pullRefusal('hub')).toBeUndefined();
    // The retry time stays the first deferral's.
    expect(l.retryAt?.getTime()).toBe(refusal?.retryAt?.getTime());
  });
});
