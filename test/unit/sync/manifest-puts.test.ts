import { describe, expect, it } from 'vitest';
import { ManifestPuts } from '../../../src/sync/content.js';

const repo = { registry: 'reg.example', repository: 'team/app' };
const digest = `sha256:${'a'.repeat(64)}`;

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ManifestPuts', () => {
  it('puts a child once per repository: a second job waits for the put in flight and does not put again', async () => {
    const puts = new ManifestPuts();
    const first = deferred();
    let calls = 0;
    const a = puts.once(repo, digest, () => {
      calls++;
      return first.promise;
    });
    let bDone = false;
    const b = puts
      .once(repo, digest, async () => {
        calls++;
      })
      .then(() => {
        bDone = true;
      });
    await new Promise((r) => setTimeout(r, 10));
    expect(bDone).toBe(false);
    first.resolve();
    await Promise.all([a, b]);
    expect(calls).toBe(1);
    // Another repository of the same registry gets its own put.
    await puts.once({ ...repo, repository: 'team/other' }, digest, async () => {
      calls++;
    });
    expect(calls).toBe(2);
  });

  it('puts it again when the put waited for failed, and keeps that failure with its own job', async () => {
    const puts = new ManifestPuts();
    const first = deferred();
    const a = puts.once(repo, digest, () => first.promise);
    let second = 0;
    const b = puts.once(repo, digest, async () => {
      second++;
    });
    first.reject(new Error('HTTP 500'));
    await expect(a).rejects.toThrow('HTTP 500');
    await b;
    expect(second).toBe(1);
    // Now put: a third job does not put again.
    await puts.once(repo, digest, async () => {
      second++;
    });
    expect(second).toBe(1);
  });
});
