/**
 * Rate limits against a real registry behind a proxy that answers 429 (with Retry-After and Docker
 * Hub's rate-limit headers) once: the run still completes, and the report and job summary show per
 * host the requests made, the 429s seen and the headroom the registry reported. A host's
 * `rateLimit`/`maxConcurrency` load from the config and are bad-value checked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/action/summary.js';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  type FaultProxy,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

let src: TestRegistry;
let dst: TestRegistry;
let s: FaultProxy;
let dir: TempDir;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  s = await startFaultProxy(src.url, [
    {
      status: 429,
      retryAfter: '1',
      // Hub's abuse limit (a 429 on any request), not its pull limit: 50 pulls are still left.
      headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '50;w=21600' },
      body: '{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}',
      times: 1,
      match: (r) => r.path.includes('/manifests/'),
    },
  ]);
  dir = tempDir('rate-limit-test-');
  for (const tag of ['1.0.0', '2.0.0'])
    await pushContent(src, 'team/app', tag, buildImage({ seed: `rl-${tag}`, uniqueLayerSize: 1_000 }));
});

afterAll(async () => {
  await s?.stop();
  dir?.cleanup();
  await stopAll();
});

describe('per-host rate limits', () => {
  it('a 429 with Retry-After is waited out; the report and summary show requests, 429s and headroom per host', async () => {
    const config = join(dir.path, 'mirror.yaml');
    writeFileSync(
      config,
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/team/app
    destination: ${dst.host}/mirror/app
    selector: { limit: 0 }
hosts:
  - host: ${s.host}
    rateLimit: { requestsPerSecond: 50, burst: 5 }
    maxConcurrency: 2
`,
    );
    const r = await cli(['sync', config, '-o', 'json'], { cwd: dir.path });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(validateReport(doc)).toEqual([]);
    expect(doc.report.summary).toMatchObject({ copied: 2, failed: 0 });
    const hosts = doc.report.hosts as { host: string; requests: number }[];
    const source = hosts.find((h) => h.host === s.host);
    // Answers after the 429 say nothing of the limit: each manifest GET (a pull) used one.
    const pulls = s.requests.filter(
      (q) => q.method === 'GET' && q.path.includes('/manifests/') && q.status === 200,
    ).length;
    expect(pulls).toBeGreaterThan(0);
    const remaining = 50 - pulls;
    expect(source).toMatchObject({ rateLimited: 1, limit: 100, remaining, windowSeconds: 21600 });
    expect(source?.requests).toBe(s.requests.length);
    expect(hosts.find((h) => h.host === dst.host)).toMatchObject({ rateLimited: 0 });
    expect(s.requests.filter((q) => q.status === 429)).toHaveLength(1);

    const md = renderSummary(
      {
        startedAt: new Date(doc.report.timestamp),
        durationMs: 1,
        dryRun: false,
        entries: doc.report.results,
        summary: doc.report.summary,
        hosts: doc.report.hosts,
      },
      { configFile: 'mirror.yaml' },
    );
    expect(md).toContain('### Registry hosts');
    expect(md).toContain(`| ${s.host} | ${source?.requests} | 1 | ${remaining} of 100 per 6h left | — |`);
  });

  it('rejects a rate limit that is not one', async () => {
    const config = join(dir.path, 'bad.yaml');
    writeFileSync(
      config,
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/team/app
    destination: ${dst.host}/mirror/app
hosts:
  - host: ${s.host}
    rateLimit: { requestsPerSecond: 0 }
    maxConcurrency: 0
`,
    );
    const r = await cli(['validate', config], { cwd: dir.path });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad\.yaml:8:\d+.*hosts\[0\]\.rateLimit\.requestsPerSecond/);
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+.*hosts\[0\]\.maxConcurrency/);
  });
});
