/**
 * The state file's text: saved from cached per-entry text, it must stay exactly what
 * `JSON.stringify` of the document sorted by key gives, through new keys, replaced entries,
 * the optional sections, and a reload.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tagRow } from '../../../src/sync/model.js';
import { STATE_VERSION, StateCache } from '../../../src/sync/state.js';

const dir = mkdtempSync(join(tmpdir(), 'state-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
const copied = (destination: string, d: string) =>
  tagRow('src.example/app:1', destination, { status: 'copied', sourceDigest: d });

/** What the file must hold: the document with every map sorted by key, as JSON.stringify writes it. */
function expected(
  destinations: Map<string, { digest: string; seenAt: number }>,
  children?: Record<string, { children: string[]; seenAt: number }>,
): string {
  const sorted: Record<string, { digest: string; seenAt: number }> = {};
  for (const k of [...destinations.keys()].sort()) sorted[k] = destinations.get(k) as never;
  return `${JSON.stringify({ version: STATE_VERSION, destinations: sorted, ...(children ? { children } : {}) })}\n`;
}

describe('StateCache file text', () => {
  it('is JSON.stringify of the sorted document after new keys, replaced entries and a reload', async () => {
    let now = 1_000_000;
    const path = join(dir, 'state.json');
    const state = new StateCache({ path, ttlMs: 10 ** 9, now: () => now });
    const model = new Map<string, { digest: string; seenAt: number }>();
    // Keys learnt out of order, some sharing prefixes, one with characters JSON escapes.
    const keys = [
      'dst.example/b:2',
      'dst.example/a:10',
      'dst.example/a:1',
      'dst.example/"q":1',
      'dst.example/a@x',
    ];
    keys.forEach((k, i) => {
      state.learn(copied(k, digest(i)));
      model.set(k, { digest: digest(i), seenAt: now });
    });
    expect(await state.write()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(expected(model));

    // A replaced entry, a new key sorting first, and an index's children (an optional section).
    now += 5000;
    state.learn(copied('dst.example/a:1', digest(99)));
    model.set('dst.example/a:1', { digest: digest(99), seenAt: now });
    state.learn(copied('dst.example/0:0', digest(7)));
    model.set('dst.example/0:0', { digest: digest(7), seenAt: now });
    state.manifestChildren.set(digest(99), [digest(100)]);
    expect(await state.write()).toBe(true);
    const children = { [digest(99)]: { children: [digest(100)], seenAt: now } };
    expect(readFileSync(path, 'utf8')).toBe(expected(model, children));

    // Reloaded and saved unchanged: the same text, so nothing is written.
    const again = new StateCache({ path, ttlMs: 10 ** 9, now: () => now });
    await again.load();
    expect(await again.write()).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(expected(model, children));
  });
});
