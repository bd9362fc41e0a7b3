/** The action's cached directory: whether the TUF metadata cache changed during a run. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TUF_CACHE_DIR, treeFingerprint } from '../../../src/action/state-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'oci-mirror-state-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('treeFingerprint', () => {
  it('is empty without a TUF cache and changes when TUF adds, rewrites or touches a file', () => {
    const tuf = join(dir, TUF_CACHE_DIR);
    expect(treeFingerprint(tuf)).toBe('');
    mkdirSync(join(tuf, 'repo', 'targets'), { recursive: true });
    writeFileSync(join(tuf, 'repo', 'root.json'), '{"v":1}');
    const first = treeFingerprint(tuf);
    expect(first).not.toBe('');
    expect(treeFingerprint(tuf)).toBe(first);
    writeFileSync(join(tuf, 'repo', 'targets', 'trusted_root.json'), '{}');
    const second = treeFingerprint(tuf);
    expect(second).not.toBe(first);
    // Same size, new time: a refreshed timestamp.json of the same length.
    utimesSync(join(tuf, 'repo', 'root.json'), new Date(), new Date(Date.now() + 60_000));
    expect(treeFingerprint(tuf)).not.toBe(second);
  });
});
