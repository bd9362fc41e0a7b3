/**
 * Docker Hub's pull limit, with a protocol-faithful fake of it in front of a real registry
 * (test/fakes/dockerhub-pull-limit.ts: manifest GETs count, HEADs do not, `ratelimit-*` headers,
 * 429 TOOMANYREQUESTS past the limit). The run stops pulling before the limit runs out (keeping a
 * reserve), reports the tags it did not copy as `deferred` with the window's end, exits 0, leaves
 * them out of the state file, and a later run copies them. When another client spends the limit
 * under our feet, the one 429 is not retried: the rest are deferred, not burnt into 429s.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderComment, renderSummary } from '../../src/action/summary.js';
import { pullReserve } from '../../src/oci/limiter.js';
import { validateReport } from '../../src/report/schema.js';
import type { SyncResult } from '../../src/sync/model.js';
import { type PullLimitProxy, startPullLimitProxy } from '../fakes/dockerhub-pull-limit.js';
import {
  buildImage,
  getManifestRaw,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

const TAGS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0', '1.6.0', '1.7.0'];
let src: TestRegistry;
let dir: TempDir;

beforeAll(async () => {
  src = await startRegistry();
  dir = tempDir('pull-limit-test-');
  for (const tag of TAGS)
    await pushContent(
      src,
      'team/app',
      tag,
      buildImage({
        seed: `pl-${tag}`,
        uniqueLayerSize: 500,
        index: false,
        platforms: [{ os: 'linux', architecture: 'amd64' }],
      }),
    );
});

afterAll(async () => {
  dir?.cleanup();
  await stopAll();
});

function config(name: string, proxy: PullLimitProxy, dst: TestRegistry): string {
  const file = join(dir.path, `${name}.yaml`);
  writeFileSync(
    file,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${proxy.host}/team/app
    destination: ${dst.host}/mirror/app
    selector: { limit: 0 }
`,
  );
  return file;
}

function asResult(doc: { report: Record<string, unknown> }): SyncResult {
  const r = doc.report as unknown as {
    timestamp: string;
    results: SyncResult['entries'];
    summary: SyncResult['summary'];
    hosts: SyncResult['hosts'];
  };
  return {
    startedAt: new Date(r.timestamp),
    durationMs: 1,
    dryRun: false,
    entries: r.results,
    summary: r.summary,
    ...(r.hosts ? { hosts: r.hosts } : {}),
  };
}

describe('Docker Hub pull limit', () => {
  it('stops pulling before the limit, defers the rest with the reset time, exits 0; a later run copies them', async () => {
    const dst = await startRegistry();
    // 10 pulls per 6h, 4 already used by someone else: 6 left, of which the reserve is kept.
    const proxy = await startPullLimitProxy(src.url, { limit: 10, used: 4, windowSeconds: 21600 });
    try {
      const file = config('deferred', proxy, dst);
      const state = join(dir.path, 'deferred-state.json');
      const before = Date.now();
      const r = await cli(['sync', file, '-o', 'json', '--state-file', state], { cwd: dir.path });
      const after = Date.now();
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(validateReport(doc)).toEqual([]);
      const s = doc.report.summary;
      const budget = 6 - pullReserve(10);
      // Never past the budget, never a 429; every tag either copied or deferred.
      expect(proxy.manifestRequests.filter((q) => q.status === 429)).toEqual([]);
      const gets = proxy.manifestRequests.filter((q) => q.method === 'GET');
      expect(gets.length).toBeLessThanOrEqual(budget);
      expect(proxy.used).toBe(4 + gets.length);
      expect(s.copied).toBe(gets.length); // one pull per single-manifest image
      expect(s.copied).toBeGreaterThanOrEqual(1);
      expect(s.failed).toBe(0);
      expect(s.deferred).toBe(TAGS.length - s.copied);
      // Planning went on by HEAD: every tag was HEADed (not counted).
      expect(proxy.manifestRequests.filter((q) => q.method === 'HEAD').length).toBeGreaterThanOrEqual(
        TAGS.length,
      );

      const rows = doc.report.results[0].tags as {
        tag: string;
        status: string;
        reason?: string;
        retryAt?: string;
      }[];
      const deferred = rows.filter((t) => t.status === 'deferred');
      expect(deferred).toHaveLength(s.deferred);
      for (const t of deferred) {
        expect(t.reason).toMatch(
          /pull limit of 127\.0\.0\.1:\d+: \d of 10 pulls left \(kept in reserve\); retry after /,
        );
        const at = Date.parse(t.retryAt as string);
        expect(at).toBeGreaterThanOrEqual(before + 21600_000 - 1000);
        expect(at).toBeLessThanOrEqual(after + 21600_000 + 1000);
        // Nothing was written for a deferred tag.
        expect(await getManifestRaw({ url: dst.url }, 'mirror/app', t.tag)).toBeUndefined();
      }
      expect(s.retryAt).toBe(
        deferred
          .map((t) => t.retryAt)
          .sort()
          .at(-1),
      );
      const host = (doc.report.hosts as { host: string; retryAt?: string; remaining?: number }[]).find(
        (h) => h.host === proxy.host,
      );
      expect(host).toMatchObject({ limit: 10, windowSeconds: 21600, retryAt: s.retryAt });

      // Deferred is not done: the state file knows only the copied tags.
      const known = Object.keys(JSON.parse(readFileSync(state, 'utf8')).destinations);
      expect(known.sort()).toEqual(
        rows
          .filter((t) => t.status === 'copied')
          .map((t) => `${dst.host}/mirror/app:${t.tag}`)
          .sort(),
      );

      // People see it: the text summary line, the job summary and the PR comment.
      const text = await cli(['sync', file, '--dry-run'], { cwd: dir.path });
      expect(text.code).toBe(0);
      const md = renderSummary(asResult(doc), { configFile: 'mirror.yaml' });
      expect(md).toContain(`${s.deferred} deferred (pull limit; retry after ${s.retryAt})`);
      expect(md).toContain('They are not failures');
      expect(md).toContain('⏸️ deferred');
      expect(md).toContain(`deferred until ${s.retryAt}`);
      expect(md).not.toContain('❌');
      expect(renderComment(asResult(doc), { configFile: 'mirror.yaml' })).toContain(
        `${s.deferred} deferred (pull limit; retry after ${s.retryAt})`,
      );
      const plain = await cli(['sync', file], { cwd: dir.path });
      // The window has not passed: the same tags are deferred again, and the line says so.
      expect(plain.code, plain.stderr).toBe(0);
      expect(plain.stdout).toMatch(
        /Summary: 0 copied, \d+ skipped, 0 failed in .*; \d+ deferred \(pull limit; retry after /,
      );

      // The window passes: the next run copies exactly the deferred tags.
      proxy.used = 0;
      const again = await cli(['sync', file, '-o', 'json', '--state-file', state], { cwd: dir.path });
      expect(again.code, again.stderr).toBe(0);
      const s2 = JSON.parse(again.stdout).report.summary;
      expect(s2).toMatchObject({
        copied: deferred.length,
        failed: 0,
        skipped: TAGS.length - deferred.length,
      });
      expect(s2.deferred).toBeUndefined();
      for (const tag of TAGS) expect(await getManifestRaw({ url: dst.url }, 'mirror/app', tag)).toBeDefined();
    } finally {
      await proxy.stop();
    }
  });

  it('a limit spent by another client: the one 429 is not retried and the rest are deferred', async () => {
    const dst = await startRegistry();
    const proxy = await startPullLimitProxy(src.url, { limit: 10, windowSeconds: 3600 });
    // After our second pull, someone else on the same IP uses up the window.
    proxy.onPull = (used) => {
      if (used === 2) proxy.used = proxy.limit;
    };
    try {
      const file = config('spent', proxy, dst);
      const r = await cli(['sync', file, '-o', 'json', '--concurrency', '1'], { cwd: dir.path });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(validateReport(doc)).toEqual([]);
      expect(doc.report.summary).toMatchObject({ copied: 2, deferred: TAGS.length - 2, failed: 0 });
      expect(proxy.manifestRequests.filter((q) => q.status === 429)).toHaveLength(1);
      expect(proxy.manifestRequests.filter((q) => q.method === 'GET')).toHaveLength(3);
      const host = (doc.report.hosts as { host: string; rateLimited: number; remaining: number }[]).find(
        (h) => h.host === proxy.host,
      );
      expect(host).toMatchObject({ rateLimited: 1, remaining: 0, limit: 10, windowSeconds: 3600 });
    } finally {
      await proxy.stop();
    }
  });

  it('shards: merge-reports adds up the deferred tags, keeps the latest retry time, and exits 0', async () => {
    const dst = await startRegistry();
    // 3 pulls left beyond the reserve for both shards together (they share the IP's limit).
    const proxy = await startPullLimitProxy(src.url, { limit: 20, used: 16, windowSeconds: 21600 });
    try {
      const file = config('shards', proxy, dst);
      const reports = [1, 2].map((i) => join(dir.path, `shard-${i}.json`));
      const runs = await Promise.all(
        [1, 2].map((i) =>
          cli(
            [
              'sync',
              file,
              '--shard',
              `${i}/2`,
              '--shard-by',
              'tag',
              '--report-file',
              reports[i - 1] as string,
            ],
            {
              cwd: dir.path,
            },
          ),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const shards = reports.map((f) => JSON.parse(readFileSync(f, 'utf8')).report);
      const m = await cli(['merge-reports', ...reports, '-o', 'json'], { cwd: dir.path });
      expect(m.code, m.stderr).toBe(0);
      const merged = JSON.parse(m.stdout);
      expect(validateReport(merged)).toEqual([]);
      const s = merged.report.summary;
      const deferred = shards.reduce((n, r) => n + (r.summary.deferred ?? 0), 0);
      expect(deferred).toBeGreaterThan(0);
      expect(s.deferred).toBe(deferred);
      expect(s.copied + s.deferred).toBe(TAGS.length);
      expect(s.failed).toBe(0);
      // Each shard sees the same headroom and cannot know the other's pulls: at most one 429 each,
      // never retried (after it, that shard defers the rest).
      expect(proxy.manifestRequests.filter((q) => q.status === 429).length).toBeLessThanOrEqual(2);
      const latest = shards
        .map((r) => r.summary.retryAt)
        .filter(Boolean)
        .sort()
        .at(-1);
      expect(s.retryAt).toBe(latest);
      const host = (merged.report.hosts as { host: string; retryAt?: string }[]).find(
        (h) => h.host === proxy.host,
      );
      expect(host?.retryAt).toBe(latest);
    } finally {
      await proxy.stop();
    }
  });
});
