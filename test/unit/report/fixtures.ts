/** Sync results covering every tag status, a plan failure and a dry run, for the report tests. */
import { type EntryResult, type SyncResult, summarize, type TagResult } from '../../../src/sync/model.js';

/** Three distinct sha256 digests whose short forms differ (`sha256:abcdef123456`, …). */
export const A = `sha256:abcdef123456${'0'.repeat(52)}`;
export const B = `sha256:0123456789ab${'1'.repeat(52)}`;
export const C = `sha256:fedcba987654${'2'.repeat(52)}`;

const none = { copied: 0, mounted: 0, existing: 0 };

function tag(t: Partial<TagResult> & Pick<TagResult, 'source' | 'destination' | 'status'>): TagResult {
  return { bytes: 0, blobs: none, manifests: 0, durationMs: 0, ...t };
}

/** A real run: copied, overwritten, skipped, drifted, failed, plus an entry whose plan failed. */
export function runResult(): SyncResult {
  const entries: EntryResult[] = [
    {
      name: 'app',
      kind: 'artifact',
      source: 'ghcr.io/a/app',
      destinations: ['reg.local/mirror/app'],
      position: { file: 'mirror.yaml', line: 4, column: 5 },
      tags: [
        tag({
          source: 'ghcr.io/a/app:1.2',
          tag: '1.2',
          sourceDigest: A,
          destination: 'reg.local/mirror/app:1.2',
          status: 'copied',
          mediaType: 'application/vnd.oci.image.index.v1+json',
          bytes: 12_345_678,
          blobs: { copied: 5, mounted: 2, existing: 1 },
          manifests: 3,
          durationMs: 2100,
        }),
        tag({
          source: 'ghcr.io/a/app:1.1',
          tag: '1.1',
          sourceDigest: A,
          destination: 'reg.local/mirror/app:1.1',
          destinationDigest: B,
          status: 'overwritten',
          reason: 'destination differs (overwrite: true)',
          bytes: 2048,
          blobs: { copied: 1, mounted: 0, existing: 4 },
          manifests: 1,
          durationMs: 640,
        }),
        tag({
          source: 'ghcr.io/a/app:1.0',
          tag: '1.0',
          sourceDigest: B,
          destination: 'reg.local/mirror/app:1.0',
          destinationDigest: B,
          status: 'skipped',
          reason: 'up-to-date',
          durationMs: 12,
        }),
        tag({
          source: 'ghcr.io/a/app:0.9',
          tag: '0.9',
          sourceDigest: A,
          destination: 'reg.local/mirror/app:0.9',
          destinationDigest: C,
          status: 'drifted',
          reason: 'destination differs (overwrite: false)',
          durationMs: 20,
        }),
        tag({
          source: 'ghcr.io/a/app:0.8',
          tag: '0.8',
          sourceDigest: C,
          destination: 'reg.local/mirror/app:0.8',
          status: 'failed',
          error: {
            message: 'put manifest reg.local/mirror/app:0.8: PUT returned HTTP 400',
            side: 'destination',
            operation: 'put manifest reg.local/mirror/app:0.8',
            httpStatus: 400,
            code: 'MANIFEST_BLOB_UNKNOWN',
            kind: 'RegistryError',
          },
          blobs: { copied: 2, mounted: 0, existing: 0 },
          bytes: 1000,
          durationMs: 300,
        }),
      ],
    },
    {
      name: 'ghcr.io/a/gone',
      kind: 'artifact',
      source: 'ghcr.io/a/gone',
      destinations: ['reg.local/mirror/gone'],
      position: { file: 'mirror.yaml', line: 9, column: 5 },
      error: {
        message: 'list tags ghcr.io/a/gone: GET returned HTTP 404',
        side: 'source',
        operation: 'list tags ghcr.io/a/gone',
        httpStatus: 404,
        code: 'NAME_UNKNOWN',
        kind: 'RegistryError',
      },
      tags: [],
    },
  ];
  return {
    startedAt: new Date('2025-01-02T03:04:05.678Z'),
    durationMs: 4213,
    dryRun: false,
    entries,
    summary: summarize(entries, 340),
  };
}

/** A dry run: would-copy, would-overwrite, skipped, drifted. */
export function dryRunResult(): SyncResult {
  const entries: EntryResult[] = [
    {
      name: 'podinfo',
      kind: 'chart',
      source: 'https://stefanprodan.github.io/podinfo',
      destinations: ['reg.local/charts/podinfo'],
      tags: [
        tag({
          source: 'ghcr.io/a/app:2.0',
          tag: '2.0',
          sourceDigest: A,
          destination: 'reg.local/mirror/app:2.0',
          status: 'would-copy',
        }),
        tag({
          source: 'ghcr.io/a/app:1.9',
          tag: '1.9',
          sourceDigest: A,
          destination: 'reg.local/mirror/app:1.9',
          destinationDigest: B,
          status: 'would-overwrite',
          reason: 'destination differs (overwrite: true)',
        }),
        tag({
          source: 'ghcr.io/a/app:1.8',
          sourceDigest: B,
          destination: 'reg.local/mirror/app:1.8',
          destinationDigest: B,
          status: 'skipped',
          reason: 'up-to-date',
        }),
      ],
    },
  ];
  return {
    startedAt: new Date('2025-01-02T03:04:05.000Z'),
    durationMs: 812,
    dryRun: true,
    entries,
    summary: summarize(entries, 12),
  };
}
