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
