/**
 * The job summary, the PR comment and the annotations of 40 × 3 and 400 × 3 runs: failures first,
 * grouped per entry with reason and remedy, GitHub's size limits kept by collapsing, and the
 * annotations GitHub shows (ten per kind) led by the summary and ending in "and N more".
 */
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_SHOWN, resultAnnotations } from '../../src/action/annotations.js';
import {
  COMMENT_MAX_BYTES,
  orderedEntries,
  renderComment,
  renderSummary,
  SUMMARY_MAX_BYTES,
} from '../../src/action/summary.js';
import { scaleResult, VIEW } from './scale-fixture.js';

/** Index in `md` of each entry's first mention, in the order the entries are mentioned. */
function mentionOrder(md: string, names: string[]): string[] {
  return names
    .map((n) => ({ n, at: md.search(new RegExp(`(?:\`|<code>)${n}(?:\`|</code>)`)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.n);
}

const severity = (name: string) => {
  const e = Number(/team-(\d+)-/.exec(name)?.[1]) % 10;
  return e === 3 || e === 5 || e === 7 ? 0 : e === 1 ? 1 : e === 2 || e === 8 ? 3 : 4;
};

describe.each([40, 400])('%i entries × 3 tags', (n) => {
  const run = scaleResult(n, false);
  const plan = scaleResult(n, true);
  const names = run.entries.map((e) => e.name);
  const failing = names.filter((x) => severity(x) === 0);

  it('orders entries failed, drifted, changed, clean, config order within each', () => {
    const order = orderedEntries(run).map((e) => e.name);
    const ranks = order.map(severity);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(order.slice(0, failing.length)).toEqual(failing);
  });

  it('job summary: failures first with reason and remedy, under 1 MiB', () => {
    const md = renderSummary(run, VIEW);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    const attention = md.slice(0, md.indexOf('<details>'));
    const mentioned = mentionOrder(attention, names);
    expect(mentioned.slice(0, failing.length)).toEqual(failing);
    expect(mentioned.map(severity)).toEqual([...mentioned.map(severity)].sort((a, b) => a - b));
    // The reason in words and the remedy, per registry error.
    expect(md).toContain('the source repository does not exist or is private');
    expect(md).toContain('check the name, or give ghcr.io credentials in `hosts`');
    expect(md).toMatch(
      /may not push here\. \*\*Fix:\*\* grant the credential for registry\.internal\.example\.com push \(write\) access/,
    );
    expect(md).toMatch(/ghcr\.io failed \(HTTP 503\)/);
    // Three narrow columns, references wrapping on two lines; copies say how.
    expect(md).not.toMatch(/\| Reason \|/);
    expect(md).toContain('| Status | Source → Destination | Digest |');
    expect(md).toContain('<br>→ `registry.internal.example.com/');
    expect(md).toContain('<br>mounted');
    expect(md).not.toMatch(/\| 0 B \|/);
    expect(md).toContain('source `sha256:');
    expect(md).toContain('≠ destination `sha256:');
  });

  it('job summary shortens per entry, not mid-table, under a tight cap', () => {
    const md = renderSummary(run, { ...VIEW, maxBytes: 30_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(30_000);
    expect(md).toContain("Shortened to stay under GitHub's 1 MiB job summary limit");
    // Every failing entry is still named, before anything else.
    const mentioned = mentionOrder(md, names);
    expect(mentioned.slice(0, failing.length)).toEqual(failing);
  });

  it('PR comment: per-entry <details>, head SHA and time, links, under 65,536 characters', () => {
    const body = renderComment(plan, VIEW);
    expect(body.length).toBeLessThan(65_536);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_MAX_BYTES);
    expect(body).toContain('Plan computed for `3f2a9c1e7b4d` at 2026-12-06T03:01:02Z.');
    expect(body).toContain(`[Workflow run and job summary](${VIEW.runUrl})`);
    expect(body).toContain(`[report artifact](${VIEW.runUrl}#artifacts)`);
    expect(body).not.toMatch(/RUNNER_TEMP|\/home\/runner|oci-mirror-report\.json/);
    expect(body).toContain('<details open><summary>❌ <code>team-3-service</code>');
    expect(body).toContain('existing drift');
    const mentioned = mentionOrder(body, names);
    expect(mentioned.slice(0, failing.length)).toEqual(failing);
    expect(mentioned.map(severity)).toEqual([...mentioned.map(severity)].sort((a, b) => a - b));
    // Up-to-date entries are counted, not listed.
    const clean = names.filter((x) => severity(x) === 4);
    expect(body).toContain(`${clean.length} entries up to date, not listed.`);
    if (n === 400) {
      expect(body).toMatch(/entries are shown as one line to stay under GitHub's comment size limit/);
      expect(body).toMatch(/^- ⚠️ `team-\d+-service` — 1 existing drift · 2 up to date$/m);
    } else {
      expect(body).not.toContain('shown as one line');
    }
  });

  it('annotations: the summary first, one per failing entry, at most ten of each kind', () => {
    const list = resultAnnotations(run, '/ws', '/ws', { summary: 'N failed; see the job summary' });
    const errors = list.filter((a) => a.level === 'error');
    const warnings = list.filter((a) => a.level === 'warning');
    expect(errors.length).toBe(ANNOTATIONS_SHOWN);
    expect(errors[0]?.message).toBe('N failed; see the job summary');
    expect(errors[1]?.title).toBe('oci-mirror: team-3-service — 3 tags failed');
    expect(errors[1]).toMatchObject({ file: '.github/oci-mirror.yaml', line: 16 });
    expect(errors[1]?.message).toMatch(/ghcr\.io failed \(HTTP 503\)\. Fix: .*first shown/);
    expect(errors.at(-1)?.message).toMatch(
      new RegExp(`^and ${failing.length - (ANNOTATIONS_SHOWN - 2)} more failing entries: team-`),
    );
    expect(warnings.length).toBeLessThanOrEqual(ANNOTATIONS_SHOWN);
    expect(warnings[0]?.message).toMatch(/source sha256:\w+ ≠ destination sha256:/);
  });
});
