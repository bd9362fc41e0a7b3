/** The planner's shared request limit and the copy queue that starts jobs while planning goes on. */
import { describe, expect, it } from 'vitest';
import { type HostAnswers, HostLimiter, hostLimit, WorkQueue } from '../../../src/sync/pool.js';

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

describe('hostLimit (requests in flight by how fast a host answers)', () => {
  const rule = { after: 4, near: 8, rate: 1 };
  const seen = (answers: number, fastestMs: number): HostAnswers => ({ answers, fastestMs });

  it('gives every host the near limit until enough answers are timed, however slow the first', () => {
    expect(hostLimit(32, rule, undefined)).toBe(8);
    expect(hostLimit(32, rule, seen(3, 500))).toBe(8);
    expect(hostLimit(32, rule, seen(4, 500))).toBe(32);
  });

  it('keeps a near host at the near limit and gives a far one the whole limit', () => {
    // Loopback: answers in about a millisecond (a few under load).
    expect(hostLimit(32, rule, seen(4, 0.6))).toBe(8);
    expect(hostLimit(32, rule, seen(4, 7.9))).toBe(8);
    // Behind 25 ms each way: no answer under 50 ms.
    expect(hostLimit(32, rule, seen(4, 50))).toBe(32);
  });

  it('in between, keeps rate x fastest answer in flight (Little), never above the whole limit', () => {
    expect(hostLimit(32, rule, seen(4, 12.2))).toBe(13);
    expect(hostLimit(32, rule, seen(4, 20))).toBe(20);
    expect(hostLimit(16, rule, seen(4, 20))).toBe(16);
    // A whole limit below `near` wins.
    expect(hostLimit(4, rule, seen(4, 0.5))).toBe(4);
    expect(hostLimit(4, rule, undefined)).toBe(4);
  });
});

describe('HostLimiter with an adaptive limit', () => {
  /** 40 requests to one host held open until answered; `answer(n, ms)` answers n, each timed at ms. */
  function harness() {
    let answers: HostAnswers | undefined;
    const judged: number[] = [];
    const limiter = new HostLimiter(32, {
      after: 4,
      near: 4,
      rate: 1,
      answers: () => answers,
      judged: (_host, limit) => judged.push(limit),
    });
    let inFlight = 0;
    const gates: (() => void)[] = [];
    const calls = Array.from({ length: 40 }, () =>
      limiter.run('far.example', async () => {
        inFlight++;
        const g = gate();
        gates.push(g.open);
        await g.promise;
        inFlight--;
      }),
    );
    return {
      limiter,
      judged,
      calls,
      inFlight: () => inFlight,
      answer: async (n: number, ms: number) => {
        for (const open of gates.splice(0, n)) {
          answers = {
            answers: (answers?.answers ?? 0) + 1,
            fastestMs: Math.min(answers?.fastestMs ?? ms, ms),
          };
          open();
        }
        await settle();
      },
    };
  }

  it('starts with the near limit and raises it to the whole limit once the first answers are slow', async () => {
    const h = harness();
    await settle();
    expect(h.inFlight()).toBe(4);
    await h.answer(3, 60);
    // Three answers are not enough to judge: still 4 in flight.
    expect(h.inFlight()).toBe(4);
    await h.answer(1, 55);
    // The fourth answer judges the host far: every waiter up to 32 is let through at once.
    expect(h.inFlight()).toBe(32);
    expect(h.limiter.mostInFlight('far.example')).toBe(32);
    expect(h.judged).toEqual([32]);
    // Judged once: a faster answer later does not change it.
    await h.answer(1, 2);
    expect(h.inFlight()).toBe(32);
    while (h.inFlight() > 0) await h.answer(32, 55);
    await Promise.all(h.calls);
    expect(h.judged).toEqual([32]);
  });

  it('keeps a host whose first answers are fast at the near limit', async () => {
    const h = harness();
    await settle();
    await h.answer(2, 0.8);
    await h.answer(2, 30);
    expect(h.inFlight()).toBe(4);
    expect(h.judged).toEqual([4]);
    while (h.inFlight() > 0) await h.answer(4, 30);
    await Promise.all(h.calls);
    expect(h.limiter.mostInFlight('far.example')).toBe(4);
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
