/**
 * The job summary and PR comment as GitHub shows them: rendered to HTML (marked, GFM), styled
 * with GitHub's markdown CSS in a 1,000 px panel and laid out by headless Debian chromium. The
 * PNGs land in .tmp/screenshots/ for people to look at; the test checks what can be measured:
 * nothing wider than the panel, failures before everything else, and every picture written.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComment, renderSummary } from '../../src/action/summary.js';
import { type EntryResult, type SyncResult, summarize, type TagResult } from '../../src/sync/model.js';
import { scaleResult, VIEW } from '../action/scale-fixture.js';
import { findChromium, PANEL_WIDTH, pngSize, SCREENSHOT_DIR, screenshot } from './render.js';

const chromium = findChromium();
if (!chromium) console.warn('chromium not found: run scripts/setup.sh to enable the screenshot check');

const cases: [string, () => string][] = [
  ['summary-40x3', () => renderSummary(scaleResult(40, false), VIEW)],
  ['comment-40x3', () => renderComment(scaleResult(40, true), VIEW)],
  ['comment-400x3', () => renderComment(scaleResult(400, true), VIEW)],
  ['summary-400x3', () => renderSummary(scaleResult(400, false), VIEW)],
];

describe.skipIf(!chromium)('rendered in chromium (headless)', () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  it.each(cases)(
    '%s fits the panel, failures first',
    (name, render) => {
      const png = join(SCREENSHOT_DIR, `${name}.png`);
      const layout = screenshot(chromium as string, render(), png);
      expect(existsSync(png)).toBe(true);
      expect(pngSize(png).width).toBe(PANEL_WIDTH);
      // Nothing sticks out of the panel, no table needs a horizontal scrollbar.
      expect(layout.overflow).toBe(0);
      expect(layout.wideTables).toBe(0);
      // The first entry a reader meets is a failing one, with its reason and fix.
      const first = /team-\d+-service/.exec(layout.text)?.[0];
      expect(first).toBe('team-3-service');
      expect(layout.text.indexOf('Fix:')).toBeLessThan(layout.text.indexOf('team-1-service'));
    },
    300_000,
  );
});

/**
 * A plan on a pull request from a fork where the destination authenticates with the OIDC ID
 * token (none on forks): its entries are not checked, an entry on public hosts is planned; and a
 * sync where cosign held a tag back because its signature was younger than `minAge`.
 */
function forkResult(allPrivate: boolean): SyncResult {
  const host = 'registry.internal.example.com';
  const why = `${host} was read anonymously because this job has no OIDC ID token (this is a pull request from a fork: GitHub does not issue OIDC tokens to workflows of pull requests from forks; the nightly/push run checks this host, or skip the step for forks with \`if: github.event.pull_request.head.repo.fork == false\`); 3 tags not checked`;
  const entry = (name: string, tags: TagResult[], extra: Partial<EntryResult> = {}): EntryResult => ({
    name,
    kind: 'artifact',
    source: `ghcr.io/acme-platform/${name}`,
    destinations: [`${host}/mirror/${name}`],
    position: { file: '.github/oci-mirror.yaml', line: 4, column: 5 },
    tags,
    ...extra,
  });
  const row = (
    name: string,
    v: string,
    status: TagResult['status'],
    init: Partial<TagResult> = {},
  ): TagResult => ({
    source: `ghcr.io/acme-platform/${name}:${v}`,
    tag: v,
    sourceDigest: `sha256:${'ab'.repeat(32)}`,
    destination: `docker.example.org/public-mirror/${name}:${v}`,
    status,
    bytes: status === 'copied' ? 31_000_000 : 0,
    blobs: { copied: status === 'copied' ? 3 : 0, mounted: 0, existing: 0 },
    manifests: 1,
    durationMs: 300,
    ...init,
  });
  const entries = [
    entry('team-3-service', [], { notChecked: why }),
    entry('team-4-service', [], { notChecked: why }),
    ...(allPrivate ? [] : [entry('public-tools', [row('public-tools', 'v2.1.0', 'would-copy')])]),
  ];
  return {
    startedAt: new Date(0),
    durationMs: 2_300,
    dryRun: true,
    entries,
    summary: summarize(entries, 40),
  };
}

function heldResult(): SyncResult {
  const r = scaleResult(10, false);
  const young = r.entries.flatMap((e) => e.tags).find((t) => t.status === 'skipped');
  if (young) {
    young.status = 'skipped';
    young.reason = 'signature-too-new';
    young.verification = {
      subject: 'https://github.com/acme-platform/team-5/.github/workflows/release.yml@refs/tags/v1.0.0',
      tooNew: { ageMs: 5 * 3_600_000, minAge: '48h' },
    } as NonNullable<TagResult['verification']>;
  }
  return { ...r, summary: summarize(r.entries, 40) };
}

/** A sync that stopped pulling before a source's pull limit ran out (Docker Hub): 3 tags deferred. */
function deferredResult(): SyncResult {
  const r = scaleResult(10, false);
  const retryAt = '2026-12-06T09:00:00.000Z';
  for (const t of r.entries
    .flatMap((e) => e.tags)
    .filter((t) => t.status === 'copied')
    .slice(0, 3)) {
    t.status = 'deferred';
    t.bytes = 0;
    t.reason = `docker.io: pull limit nearly used up (5 of 100 left); retry after ${retryAt}`;
    t.retryAt = retryAt;
  }
  return { ...r, summary: summarize(r.entries, 40) };
}

const forkCases: [string, () => string, RegExp][] = [
  ['summary-fork-oidc', () => renderSummary(forkResult(false), VIEW), /partly checked/],
  ['comment-fork-oidc', () => renderComment(forkResult(false), VIEW), /partly checked/],
  ['summary-fork-all-private', () => renderSummary(forkResult(true), VIEW), /— ⏸️ not checked/],
  ['summary-held', () => renderSummary(heldResult(), VIEW), /held \(signature too new\)/],
  ['summary-deferred', () => renderSummary(deferredResult(), VIEW), /3 deferred/],
];

describe.skipIf(!chromium)('fork plans and held tags, rendered in chromium (headless)', () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  it.each(forkCases)(
    '%s fits the panel and says what was not checked (or held) and why',
    (name, render, headline) => {
      const png = join(SCREENSHOT_DIR, `${name}.png`);
      const layout = screenshot(chromium as string, render(), png);
      expect(pngSize(png).width).toBe(PANEL_WIDTH);
      expect(layout.overflow).toBe(0);
      expect(layout.wideTables).toBe(0);
      // The first screen: the headline, then (for forks) that this is no failure and why.
      expect(layout.text.slice(0, 400)).toMatch(headline);
      if (name.includes('fork')) {
        expect(layout.text.slice(0, 700)).toMatch(/could not be checked|Nothing could be checked/);
        expect(layout.text.indexOf('not checked:')).toBeLessThan(
          name.includes('all-private') ? Number.POSITIVE_INFINITY : layout.text.indexOf('would copy', 300),
        );
        expect(layout.text).not.toContain('✅ clean');
      } else if (name.includes('deferred')) {
        // Said once on the first screen with when to retry, and not as a failure.
        expect(layout.text.slice(0, 700)).toContain(
          '3 deferred (pull limit; retry after 2026-12-06T09:00:00.000Z)',
        );
        expect(layout.text).toContain('They are not failures');
        expect(layout.text).toContain("deferred (2 tags): the source's pull limit is nearly used up");
      } else {
        expect(layout.text).toContain('held: signature too new');
        expect(layout.text).toContain('signed 5h 00m ago, minAge 48h');
        expect(layout.text.indexOf('Held back')).toBeGreaterThan(layout.text.indexOf('Needs attention'));
      }
    },
    300_000,
  );
});
