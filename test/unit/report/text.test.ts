import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  renderPlanFailureLine,
  renderSummaryLine,
  renderTagLine,
  renderText,
  shortDigest,
} from '../../../src/report/text.js';
import { A, dryRunResult, runResult } from './fixtures.js';

describe('renderText', () => {
  it('renders every status, a plan failure and the summary', () => {
    expect(renderText(runResult())).toBe(
      [
        '✓ ghcr.io/a/app:1.2 (copied) → reg.local/mirror/app:1.2  sha256:abcdef123456  12.3 MB',
        '✓ ghcr.io/a/app:1.1 (overwritten: destination differs (overwrite: true)) → reg.local/mirror/app:1.1  sha256:abcdef123456  2.0 kB',
        '✓ ghcr.io/a/app:1.0 (skipped: up-to-date) → reg.local/mirror/app:1.0',
        '✓ ghcr.io/a/app:0.9 (drifted: destination sha256:fedcba987654 differs from source sha256:abcdef123456) → reg.local/mirror/app:0.9',
        '✗ ghcr.io/a/app:0.8 (failed) → reg.local/mirror/app:0.8: put manifest reg.local/mirror/app:0.8: PUT returned HTTP 400 [destination, HTTP 400, MANIFEST_BLOB_UNKNOWN]',
        '✗ ghcr.io/a/gone — plan failed: list tags ghcr.io/a/gone: GET returned HTTP 404 [source, HTTP 404, NAME_UNKNOWN]',
        'Summary: 1 copied, 1 skipped, 2 failed in 4.2s; 1 overwritten, 1 drifted (12.3 MB, 8 blobs, 2 mounted, 340 requests)',
        '',
      ].join('\n'),
    );
  });

  it('renders a dry run', () => {
    expect(renderText(dryRunResult())).toBe(
      [
        '✓ ghcr.io/a/app:2.0 (would-copy) → reg.local/mirror/app:2.0',
        '✓ ghcr.io/a/app:1.9 (would-overwrite: destination differs (overwrite: true)) → reg.local/mirror/app:1.9',
        '✓ ghcr.io/a/app:1.8 (skipped: up-to-date) → reg.local/mirror/app:1.8',
        'Summary: 0 copied, 1 skipped, 0 failed in 812ms; dry run: 1 would copy, 1 would overwrite (12 requests)',
        '',
      ].join('\n'),
    );
  });

  it('adds details in verbose mode and falls back to ASCII', () => {
    const lines = renderText(runResult(), { verbose: true, unicode: false }).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '+ ghcr.io/a/app:1.2 (copied) -> reg.local/mirror/app:1.2  sha256:abcdef123456  12.3 MB',
      '    blobs 5 copied, 2 mounted, 1 existing; 3 manifests; 2.1s; application/vnd.oci.image.index.v1+json',
    ]);
    expect(lines).toContain(
      'x ghcr.io/a/app:0.8 (failed) -> reg.local/mirror/app:0.8: put manifest reg.local/mirror/app:0.8: PUT returned HTTP 400 [destination, put manifest reg.local/mirror/app:0.8, HTTP 400, MANIFEST_BLOB_UNKNOWN, RegistryError]',
    );
    expect(lines).toContain(
      'x ghcr.io/a/gone -- plan failed: list tags ghcr.io/a/gone: GET returned HTTP 404 [source, list tags ghcr.io/a/gone, HTTP 404, NAME_UNKNOWN, RegistryError]',
    );
    expect(lines.at(-2)).toBe(
      'Summary: 1 copied, 1 skipped, 2 failed in 4.2s; 1 overwritten, 1 drifted (12.3 MB, 8 blobs, 2 mounted, 5 existing, 340 requests)',
    );
  });

  it('colours only when asked', () => {
    expect(renderText(runResult())).not.toContain('\u001b[');
    const colored = renderText(runResult(), { color: true });
    expect(colored).toContain('\u001b[32m✓\u001b[0m ghcr.io/a/app:1.2 (\u001b[32mcopied\u001b[0m)');
    expect(colored).toContain('\u001b[31m✗\u001b[0m');
  });
});

describe('line renderers', () => {
  it('keeps one line per tag when messages contain newlines or escapes', () => {
    const result = runResult();
    const entry = result.entries[0]!;
    const line = renderTagLine(entry, {
      ...entry.tags[0]!,
      status: 'failed',
      error: { message: 'boom\n  <html>\r\n\u001b[31mbad</html>', side: 'source' },
    });
    expect(line).toBe(
      '✗ ghcr.io/a/app:1.2 (failed) → reg.local/mirror/app:1.2: boom <html> [31mbad</html> [source]',
    );
  });

  it('uses the reason when a failed tag has no error', () => {
    const entry = runResult().entries[0]!;
    const line = renderTagLine(entry, { ...entry.tags[0]!, status: 'failed', reason: 'timed out' });
    expect(line).toBe('✗ ghcr.io/a/app:1.2 (failed) → reg.local/mirror/app:1.2: timed out');
  });

  it('renders drift without digests from its reason', () => {
    const entry = runResult().entries[0]!;
    const { destinationDigest: _, ...drift } = entry.tags[3]!;
    expect(renderTagLine(entry, drift)).toBe(
      '✓ ghcr.io/a/app:0.9 (drifted: destination differs (overwrite: false)) → reg.local/mirror/app:0.9',
    );
  });

  it('returns an empty plan failure line for a healthy entry', () => {
    expect(renderPlanFailureLine(runResult().entries[0]!)).toBe('');
  });

  it('summarises an empty run', () => {
    const result = { ...runResult(), entries: [], durationMs: 90_000 };
    result.summary = {
      entries: 0,
      copied: 0,
      overwritten: 0,
      skipped: 0,
      drifted: 0,
      wouldCopy: 0,
      wouldOverwrite: 0,
      failed: 0,
      bytes: 0,
      blobs: { copied: 0, mounted: 0, existing: 0 },
      requests: 1,
    };
    expect(renderSummaryLine(result)).toBe(
      'Summary: 0 copied, 0 skipped, 0 failed in 1m 30s (0 B, 0 blobs, 0 mounted, 1 request)',
    );
  });
});

describe('formatters', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [1536, '1.5 kB'],
    [999_960, '1.0 MB'],
    [12_345_678, '12.3 MB'],
    [110_500_000, '110.5 MB'],
    [2_000_000_000, '2.0 GB'],
    [3e18, '3000.0 PB'],
  ])('formatBytes(%d) = %s', (n, s) => expect(formatBytes(n)).toBe(s));

  it.each([
    [0, '0ms'],
    [850.4, '850ms'],
    [1000, '1.0s'],
    [4213, '4.2s'],
    [59_949, '59.9s'],
    [59_999, '1m 00s'],
    [125_000, '2m 05s'],
    [3_600_000, '1h 00m'],
    [3_720_000, '1h 02m'],
    [Number.NaN, '0ms'],
  ])('formatDuration(%d) = %s', (n, s) => expect(formatDuration(n)).toBe(s));

  it('shortens digests', () => {
    expect(shortDigest(A)).toBe('sha256:abcdef123456');
    expect(shortDigest('abcdef1234567890')).toBe('abcdef123456');
  });
});
