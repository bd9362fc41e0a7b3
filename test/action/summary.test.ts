/** The job summary and PR comment renderers, against golden files of the exact markdown. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentMarker, renderComment, renderSummary } from '../../src/action/summary.js';
import { type EntryResult, type SyncResult, summarize, type TagResult } from '../../src/sync/model.js';

function golden(name: string, actual: string): void {
  const path = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const D = (c: string) => `sha256:${c.repeat(64)}`;

function tag(status: TagResult['status'], n: number, init: Partial<TagResult> = {}): TagResult {
  return {
    source: `ghcr.io/acme/app:1.${n}.0`,
    tag: `1.${n}.0`,
    sourceDigest: D(String(n % 10)),
    destination: `registry.example.com/mirror/app:1.${n}.0`,
    status,
    bytes: status === 'copied' || status === 'overwritten' ? 12_345_678 : 0,
    blobs: { copied: 2, mounted: 1, existing: 0 },
    manifests: 3,
    durationMs: 800,
    ...init,
  };
}

function result(entries: EntryResult[], dryRun = false): SyncResult {
  return { startedAt: new Date(0), durationMs: 4_200, dryRun, entries, summary: summarize(entries, 120) };
}

const entry = (name: string, tags: TagResult[], extra: Partial<EntryResult> = {}): EntryResult => ({
  name,
  kind: 'artifact',
  source: 'ghcr.io/acme/app',
  destinations: ['registry.example.com/mirror/app'],
  position: { file: '.github/oci-mirror.yaml', line: 4, column: 5 },
  tags,
  ...extra,
});

const view = {
  configFile: '.github/oci-mirror.yaml',
  runUrl: 'https://github.com/acme/mirror/actions/runs/1',
};

describe('job summary', () => {
  it('a clean run: headline, what changed, and the full list collapsed', () => {
    const r = result([
      entry('app', [
        tag('copied', 1),
        tag('overwritten', 2, { destinationDigest: D('f') }),
        tag('skipped', 3, { reason: 'up-to-date' }),
      ]),
    ]);
    golden('summary-clean.md', renderSummary(r, view));
  });

  it('nothing changed', () => {
    golden('summary-unchanged.md', renderSummary(result([entry('app', [tag('skipped', 1)])]), view));
  });

  it('failures and drift, with cell content escaped', () => {
    const r = result([
      entry('app | <b>x</b>', [
        tag('drifted', 1, { destinationDigest: D('e') }),
        tag('failed', 2, {
          error: {
            message: 'push manifest:\nbad | value',
            side: 'destination',
            httpStatus: 400,
            code: 'MANIFEST_INVALID',
          },
        }),
      ]),
      entry('broken', [], {
        error: { message: 'list tags: denied', side: 'source', httpStatus: 401, code: 'UNAUTHORIZED' },
      }),
    ]);
    golden('summary-failures.md', renderSummary(r, view));
  });

  it('shows tags held back by a too-young signature (verify.minAge) as such, not as up to date', () => {
    const young = (n: number) =>
      tag('skipped', n, {
        reason: 'signature-too-new',
        verification: {
          subject: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1',
          tooNew: { ageMs: 2 * 3_600_000, minAge: '48h' },
        } as NonNullable<TagResult['verification']>,
      });
    const r = result([
      entry('clean', [tag('skipped', 1)]),
      entry('signed', [tag('copied', 2), young(3), tag('skipped', 4)]),
      entry('failing', [tag('failed', 5, { error: { message: 'boom', side: 'source', httpStatus: 500 } })]),
    ]);
    const md = renderSummary(r, view);
    golden('summary-held.md', md);
    // Headline: the held tag counted on its own, not among the up-to-date ones.
    expect(md).toContain('1 copied · 1 held (signature too new) · 2 up to date');
    // Failures first, then the held entry in its own section, with its row, reason and the signature's age.
    expect(md.indexOf('`failing`')).toBeLessThan(md.indexOf('### Held back'));
    expect(md).toContain('#### ⏳ `signed` — 1 copied · 1 held (signature too new) · 1 up to date');
    expect(md).toMatch(
      /\| ⏳ held: signature too new \| `ghcr\.io\/acme\/app:1\.3\.0`<br>→ .* \| `sha256:3{12}`<br>signed 2h 00m ago, minAge 48h \|/,
    );
    expect(md).toContain(
      "**held:** cosign verified the signature, but it is younger than the entry's `verify.minAge`",
    );
    expect(md).not.toMatch(/➖ up to date \| `ghcr\.io\/acme\/app:1\.3\.0`/);
    // In the PR comment too, opened.
    const body = renderComment({ ...r, dryRun: true }, view);
    expect(body).toContain('<details open><summary>⏳ <code>signed</code>');
  });

  it('sorts entries whose rows were deferred with what waits, not under "Changed" with a ✅', () => {
    const deferred = (n: number, init: Partial<TagResult> = {}) =>
      tag('deferred', n, { reason: 'max-duration 10m reached; not started in this run', ...init });
    const r = result([
      entry('moved', [tag('copied', 1)]),
      entry('later', [deferred(2), deferred(3), tag('skipped', 4)]),
    ]);
    const md = renderSummary(r, view);
    // Its own section after what changed, titled by what it waits for; the entry's icon is not ✅.
    expect(md).toContain('### Deferred to a later run');
    expect(md.indexOf('`moved`')).toBeLessThan(md.indexOf('### Deferred to a later run'));
    expect(md.indexOf('### Deferred to a later run')).toBeLessThan(md.indexOf('`later`'));
    expect(md).toContain('#### ⏳ `later` — 2 deferred · 1 up to date');
    expect(md).not.toMatch(/✅ `later`/);
    expect(md).toContain(
      '**deferred (2 tags):** max-duration 10m reached; not started in this run (not a failure)',
    );
    // Held and deferred entries together: one section that names both.
    const young = tag('skipped', 5, { reason: 'signature-too-new' });
    const both = renderSummary(result([entry('later', [deferred(2)]), entry('signed', [young])]), view);
    expect(both).toContain('### Held back or deferred to a later run');
    expect(both).not.toContain('### Changed');
  });

  it('stays under the size cap with an explicit truncation note', () => {
    const tags = Array.from({ length: 400 }, (_, i) => tag(i % 2 ? 'copied' : 'skipped', i));
    const md = renderSummary(result([entry('big', tags)]), { ...view, maxBytes: 8_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(8_000);
    golden('summary-truncated.md', md);
    expect(Buffer.byteLength(renderSummary(result([entry('big', tags)]), view))).toBeGreaterThan(8_000);
  });
});

describe('PR comment', () => {
  it('carries the marker, the plan and the run link', () => {
    const r = result(
      [entry('app', [tag('would-copy', 1), tag('would-overwrite', 2, { destinationDigest: D('a') })])],
      true,
    );
    const body = renderComment(r, view);
    expect(body.startsWith(commentMarker('.github/oci-mirror.yaml'))).toBe(true);
    golden('comment-plan.md', body);
  });
});
