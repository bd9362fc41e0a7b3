/**
 * GitHub-like rendering of our markdown in a real browser: marked (GFM) to HTML, GitHub's
 * markdown stylesheet, a panel as wide as the job summary's, then headless Debian chromium for a
 * PNG and for layout measurements (read back from the DOM the page's own script wrote).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';

const require = createRequire(import.meta.url);

/** The chromium binary, when installed (scripts/setup.sh installs Debian's). */
export function findChromium(): string | undefined {
  for (const bin of [process.env.CHROMIUM_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (bin && spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0) return bin;
  }
  return undefined;
}

/** Where the PNGs go: ignored by git, kept after the run for people to look at. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '.tmp', 'screenshots');

/** What the page measured about itself once laid out. */
export interface Layout {
  /** Widest element's right edge past the panel's content box, in px (0 = nothing sticks out). */
  overflow: number;
  /** Tables wider than the panel. */
  wideTables: number;
  /** Height of the panel, px. */
  height: number;
  /** Visible text, for order checks. */
  text: string;
}

/** Width of GitHub's job summary panel on a laptop screen. */
export const PANEL_WIDTH = 1000;

function page(markdown: string, withScript: boolean): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  const body = marked.parse(markdown, { gfm: true, async: false }) as string;
  const script = withScript
    ? `<script>
addEventListener('load', () => {
  const panel = document.querySelector('.markdown-body');
  for (const d of document.querySelectorAll('details')) d.open = true;
  const right = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).paddingRight);
  let overflow = 0;
  for (const el of panel.querySelectorAll('*')) overflow = Math.max(overflow, el.getBoundingClientRect().right - right);
  const wide = [...panel.querySelectorAll('table')].filter((t) => t.scrollWidth > t.clientWidth + 1).length;
  const out = document.createElement('pre');
  out.id = 'layout';
  out.textContent = JSON.stringify({ overflow: Math.max(0, Math.round(overflow)), wideTables: wide, height: Math.round(panel.getBoundingClientRect().height), text: panel.innerText });
  document.body.appendChild(out);
});
</script>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${PANEL_WIDTH}px; padding: 16px 24px; }
</style></head><body><article class="markdown-body">${body}</article>${script}</body></html>`;
}

function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
  ];
}

/**
 * Render `markdown` in chromium: a PNG of the whole panel (up to `maxHeight` px) at `png`, and
 * the layout the page measured.
 */
export function screenshot(chromium: string, markdown: string, png: string, maxHeight = 6000): Layout {
  const work = mkdtempSync(join(tmpdir(), 'oci-mirror-shot-'));
  try {
    const measure = join(work, 'measure.html');
    writeFileSync(measure, page(markdown, true));
    const dom = execFileSync(
      chromium,
      [
        ...chromiumArgs(join(work, 'p1')),
        `--window-size=${PANEL_WIDTH},800`,
        '--virtual-time-budget=5000',
        '--dump-dom',
        `file://${measure}`,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
    );
    const json = /<pre id="layout">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
    if (!json) throw new Error('chromium did not lay out the page');
    const layout = JSON.parse(
      json
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    ) as Layout;
    const shot = join(work, 'shot.html');
    // The picture as GitHub shows it at first: <details> as the markdown says (open or closed).
    writeFileSync(shot, page(markdown, false));
    mkdirSync(join(png, '..'), { recursive: true });
    execFileSync(
      chromium,
      [
        ...chromiumArgs(join(work, 'p2')),
        `--window-size=${PANEL_WIDTH},${Math.min(maxHeight, Math.max(400, layout.height + 40))}`,
        `--screenshot=${png}`,
        `file://${shot}`,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return layout;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
