/**
 * Results shaped like real runs at scale (N entries × 3 tags): a registry outage on some entries,
 * a missing source, a push denied, drift, copies, and the rest up to date — for the summary,
 * comment and annotation tests and the screenshot check.
 */
import { type EntryResult, type SyncResult, summarize, type TagResult } from '../../src/sync/model.js';

const D = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

function tag(e: number, i: number, status: TagResult['status'], init: Partial<TagResult> = {}): TagResult {
  return {
    source: `ghcr.io/acme-platform/team-${e}/service-with-a-long-name-${e}:v1.${i}.0`,
    tag: `v1.${i}.0`,
    sourceDigest: D(e * 10 + i),
    destination: `registry.internal.example.com/mirror/acme-platform/team-${e}/service-with-a-long-name-${e}:v1.${i}.0`,
    status,
    bytes: status === 'copied' || status === 'overwritten' ? 20_000_000 + e : 0,
    blobs: { copied: status === 'copied' ? 3 : 0, mounted: 0, existing: 0 },
    manifests: 1,
    durationMs: 300,
    ...init,
  };
}

/** What entry `e` of `n` looks like: every tenth fails, a few drift, some copy, most are up to date. */
function entryOf(e: number, dryRun: boolean): EntryResult {
  const base = {
    name: `team-${e}-service`,
    kind: 'artifact' as const,
    source: `ghcr.io/acme-platform/team-${e}/service-with-a-long-name-${e}`,
    destinations: [
      `registry.internal.example.com/mirror/acme-platform/team-${e}/service-with-a-long-name-${e}`,
    ],
    position: { file: '.github/oci-mirror.yaml', line: 4 + e * 4, column: 5 },
  };
  const copy = dryRun ? 'would-copy' : 'copied';
  if (e % 10 === 3)
    return {
      ...base,
      tags: [0, 1, 2].map((i) =>
        tag(e, i, 'failed', {
          error: {
            message: `HEAD https://ghcr.io/v2/acme-platform/team-${e}/manifests/v1.${i}.0 returned HTTP 503`,
            side: 'source',
            httpStatus: 503,
            operation: 'head manifest',
          },
        }),
      ),
    };
  if (e % 10 === 5)
    return {
      ...base,
      tags: [],
      error: {
        message: `list tags of ghcr.io/acme-platform/team-${e}/service-with-a-long-name-${e}: HTTP 404 (NAME_UNKNOWN: repository name not known to registry)`,
        side: 'source',
        httpStatus: 404,
        code: 'NAME_UNKNOWN',
      },
    };
  if (e % 10 === 7)
    return {
      ...base,
      tags: [
        tag(e, 0, 'failed', {
          error: { message: 'push manifest: denied', side: 'destination', httpStatus: 403, code: 'DENIED' },
        }),
        tag(e, 1, 'skipped', { reason: 'up-to-date' }),
        tag(e, 2, 'skipped', { reason: 'up-to-date' }),
      ],
    };
  if (e % 10 === 1)
    return {
      ...base,
      tags: [
        tag(e, 0, 'drifted', { destinationDigest: D(9999) }),
        tag(e, 1, 'skipped'),
        tag(e, 2, 'skipped'),
      ],
    };
  if (e % 10 === 2 || e % 10 === 8)
    return {
      ...base,
      tags: [
        tag(e, 0, copy),
        tag(e, 1, dryRun ? 'skipped' : 'copied', { bytes: 0, blobs: { copied: 0, mounted: 2, existing: 1 } }),
        tag(e, 2, 'skipped'),
      ],
    };
  return { ...base, tags: [0, 1, 2].map((i) => tag(e, i, 'skipped', { reason: 'up-to-date' })) };
}

/** A run of `n` entries × 3 tags. */
export function scaleResult(n: number, dryRun: boolean): SyncResult {
  const entries = Array.from({ length: n }, (_, e) => entryOf(e, dryRun));
  return {
    startedAt: new Date('2026-12-06T03:00:00Z'),
    durationMs: 61_500,
    dryRun,
    entries,
    summary: summarize(entries, 4 * n),
  };
}

export const VIEW = {
  configFile: '.github/oci-mirror.yaml',
  runUrl: 'https://github.com/acme/mirror/actions/runs/1234567890',
  headSha: '3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a90',
  computedAt: new Date('2026-12-06T03:01:02Z'),
};
