import { describe, expect, it } from 'vitest';
import { mapPool } from '../../../src/sync/pool.js';

describe('review: mapPool after a failure', () => {
  it('settles in-flight work before rejecting and starts no new item', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let rejected = false;
    const run = mapPool([0, 1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 0) {
        await slow;
        finished.push(item);
        return item;
      }
      if (item === 1) throw new Error('item 1 failed');
      finished.push(item);
      return item;
    }).catch((err: Error) => {
      rejected = true;
      return err;
    });
    // Let the failure propagate as far as it can while item 0 is still in flight.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    // Nothing may be reported while work of this call is still running (a job reported failed
    // must not keep writing to the destination), and the failure stops new items being taken.
    expect(rejected).toBe(false);
    expect(started).toEqual([0, 1]);
    releaseSlow();
    const err = await run;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('item 1 failed');
    expect(finished).toEqual([0]);
  });

  it('still returns results in input order when everything succeeds', async () => {
    expect(await mapPool([3, 1, 2], 2, async (n) => n * 2)).toEqual([6, 2, 4]);
  });
});
