/** The planner's shared request limit and the copy queue that starts jobs while planning goes on. */
import { describe, expect, it } from 'vitest';
import { HostLimiter, WorkQueue } from '../../../src/sync/pool.js';

/** A promise and its resolver. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('HostLimiter', () => {
  it('keeps each host at its limit, whatever the number of callers, and hosts apart', async () => {
    const limiter = new HostLimiter(3);
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const gates: (() => void)[] = [];
    const calls = ['a', 'b'].flatMap((host) =>
      Array.from({ length: 10 }, () =>
        limiter.run(host, async () => {
          inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
          peak.set(host, Math.max(peak.get(host) ?? 0, inFlight.get(host) ?? 0));
          const g = gate();
          gates.push(g.open);
          await g.promise;
          inFlight.set(host, (inFlight.get(host) ?? 0) - 1);
        }),
      ),
    );
    await settle();
    // Both hosts are busy at once, each with exactly its limit.
    expect(Object.fromEntries(inFlight)).toEqual({ a: 3, b: 3 });
    while (gates.length > 0) {
      for (const open of gates.splice(0)) open();
      await settle();
    }
    await Promise.all(calls);
    expect(Object.fromEntries(peak)).toEqual({ a: 3, b: 3 });
  });
});

describe('WorkQueue', () => {
  it('starts items pushed while others run, never more than its size, and settles after close', async () => {
    const running = new Set<number>();
    let peak = 0;
    const gates = new Map<number, () => void>();
    const done: number[] = [];
    const queue = new WorkQueue<number>(2, async (n) => {
      running.add(n);
      peak = Math.max(peak, running.size);
      const g = gate();
      gates.set(n, g.open);
      await g.promise;
      running.delete(n);
      done.push(n);
    });
    queue.push(1);
    await settle();
    expect([...running]).toEqual([1]); // started at once, before anything else was pushed
    queue.push(2);
    queue.push(3);
    await settle();
    expect([...running].sort()).toEqual([1, 2]);
    let settled = false;
    void queue.done.then(() => {
      settled = true;
    });
    gates.get(1)?.();
    await settle();
    expect([...running].sort()).toEqual([2, 3]);
    queue.close();
    await settle();
    expect(settled).toBe(false); // closed, but 2 and 3 still run
    gates.get(2)?.();
    gates.get(3)?.();
    await queue.done;
    expect(done).toEqual([1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    const queue = new WorkQueue<number>(1, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('item 1 failed');
    });
    queue.push(1);
    queue.push(2);
    queue.close();
    await expect(queue.done).rejects.toThrow('item 1 failed');
    expect(started).toEqual([1]);
  });

  it('settles at once when closed empty', async () => {
    const queue = new WorkQueue<number>(4, async () => undefined);
    queue.close();
    await expect(queue.done).resolves.toBeUndefined();
  });
});
