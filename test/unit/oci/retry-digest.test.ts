import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { nextLink, referrersTag } from '../../../src/oci/client.js';
import { DigestVerifier, sha256 } from '../../../src/oci/digest.js';
import { DigestMismatchError } from '../../../src/oci/errors.js';
import { parseManifest } from '../../../src/oci/manifest.js';
import {
  backoffDelay,
  isRetryableNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  retryPolicy,
} from '../../../src/oci/retry.js';

describe('retry policy', () => {
  it('classifies statuses and network errors', () => {
    expect([429, 408, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 501].some(isRetryableStatus)).toBe(false);
    expect(isRetryableNetworkError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableNetworkError(new Error('wrapped', { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isRetryableNetworkError(new Error('nope'))).toBe(false);
  });
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
  it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
    const p = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(p, a))).toEqual([100, 200, 400, 800, 1000]);
    const low = retryPolicy({ baseDelayMs: 100, random: () => 0 });
    expect(backoffDelay(low, 3)).toBe(200);
    expect(backoffDelay(p, 1, 5000)).toBe(1000);
  });
});

describe('DigestVerifier', () => {
  const data = Buffer.alloc(300_000, 7);
  it('passes matching content through unchanged', async () => {
    const out: Buffer[] = [];
    await pipeline(
      Readable.from([data.subarray(0, 1000), data.subarray(1000)]),
      new DigestVerifier(sha256(data), 'x', data.length),
      async (src) => {
        for await (const c of src) out.push(c as Buffer);
      },
    );
    expect(Buffer.concat(out).equals(data)).toBe(true);
  });
  it('fails on a flipped byte and never releases the last chunk', async () => {
    const bad = Buffer.from(data);
    bad[bad.length - 1] = 0;
    const seen: Buffer[] = [];
    await expect(
      pipeline(
        Readable.from([bad.subarray(0, 1000), bad.subarray(1000)]),
        new DigestVerifier(sha256(data), 'blob'),
        async (src) => {
          for await (const c of src) seen.push(c as Buffer);
        },
      ),
    ).rejects.toThrow(DigestMismatchError);
    expect(Buffer.concat(seen).length).toBeLessThan(data.length);
  });
  it('fails when longer than announced', async () => {
    await expect(
      pipeline(Readable.from([data]), new DigestVerifier(sha256(data), 'blob', 10), async (src) => {
        for await (const _ of src) {
          // drain
        }
      }),
    ).rejects.toThrow(/more than 10 bytes/);
  });
});

describe('helpers', () => {
  it('builds the referrers fallback tag', () => {
    expect(referrersTag(`sha256:${'ab'.repeat(32)}`)).toBe(`sha256-${'ab'.repeat(32)}`);
  });
  it('reads Link rel=next', () => {
    expect(nextLink('</v2/a/tags/list?n=2&last=b>; rel="next"')).toBe('/v2/a/tags/list?n=2&last=b');
    expect(nextLink('<https://x/a>; rel="prev", <https://x/b>; rel=next')).toBe('https://x/b');
    expect(nextLink(undefined)).toBeUndefined();
  });
  it('parses manifests and infers a missing mediaType', () => {
    const d = { mediaType: 'x', digest: `sha256:${'0'.repeat(64)}`, size: 1 };
    expect(
      parseManifest(Buffer.from(JSON.stringify({ schemaVersion: 2, config: d, layers: [d] }))).kind,
    ).toBe('manifest');
    expect(parseManifest(Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [d] }))).kind).toBe(
      'index',
    );
    expect(() => parseManifest(Buffer.from('{"schemaVersion":1}'))).toThrow(/schemaVersion 1/);
    expect(() =>
      parseManifest(Buffer.from(JSON.stringify({ schemaVersion: 2, config: { ...d, digest: 'bad' } }))),
    ).toThrow(/invalid digest/);
  });
});
