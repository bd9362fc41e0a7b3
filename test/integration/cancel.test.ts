/**
 * Issue 9, point 5: cancellation with real signals. An `oci-mirror sync` process is sent SIGTERM
 * (a CronJob) or SIGINT (GitHub's first signal) while copies are in flight: it starts nothing
 * new, leaves no tag with wrong bytes, writes its report and state file, and exits 1 saying
 * "cancelled". The next run completes the mirror.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  type FaultProxy,
  getManifestRaw,
  pushContent,
  skopeoInspectRaw,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const TAGS = ['1', '2', '3', '4', '5', '6'];

let src: TestRegistry;
let dst: TestRegistry;
let s: FaultProxy;
let dir: TempDir;
const digests = new Map<string, string>();

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  s = await startFaultProxy(src.url);
  dir = tempDir('cancel-test-');
  for (const tag of TAGS) {
    const img = buildImage({ seed: `cancel-${tag}`, sharedLayerSize: 2_000, uniqueLayerSize: 500 });
    digests.set(tag, await pushContent(src, 'app/c', tag, img));
  }
});
afterAll(async () => {
  await s?.stop();
  dir?.cleanup();
  await stopAll();
});

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI as its own process; send `signal` once the proxy has seen a blob read (copies in flight). */
function runAndSignal(args: string[], signal: NodeJS.Signals): Promise<Exit> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx wrapper: the signal must reach the CLI's own process, not a
    // relay that decides on its own whether the child handles it.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const seen = s.requests.length;
    const poll = setInterval(() => {
      if (s.requests.slice(seen).some((r) => r.method === 'GET' && r.path.includes('/blobs/'))) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('cancellation with real signals (point 5)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: nothing new starts, no tag holds wrong bytes, report and state are written, exit 1 "cancelled"`, async () => {
      const repo = `mirror/${signal.toLowerCase()}`;
      const config = join(dir.path, `${signal}.yaml`);
      const report = join(dir.path, `${signal}-report.json`);
      const state = join(dir.path, `${signal}-state.json`);
      writeFileSync(
        config,
        `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/app/c
    destination: ${dst.host}/${repo}
    selector: { limit: 0 }
`,
      );
      // Slow blob reads keep copies in flight long enough to be interrupted.
      s.rules = [{ delayMs: 1_500, match: (r) => r.method === 'GET' && r.path.includes('/blobs/') }];
      const r = await runAndSignal(
        ['sync', config, '-o', 'json', '--concurrency', '2', '--report-file', report, '--state-file', state],
        signal,
      );
      s.rules = [];
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${signal} received: cancelling`);
      const doc = JSON.parse(r.stdout);
      expect(validateReport(doc)).toEqual([]);
      expect(doc.report.summary.cancelled).toBe(true);
      expect(existsSync(report)).toBe(true);
      expect(JSON.parse(readFileSync(report, 'utf8')).report.summary.cancelled).toBe(true);
      expect(existsSync(state) || doc.report.summary.copied === 0).toBe(true);
      const rows = doc.report.results[0].tags as { tag: string; status: string; error?: { kind?: string } }[];
      expect(rows).toHaveLength(TAGS.length);
      const cancelled = rows.filter((t) => t.error?.kind === 'CancelledError');
      expect(cancelled.length).toBeGreaterThan(0);
      // Every tag at the destination is either absent or exactly the source's manifest.
      for (const tag of TAGS) {
        const held = (await getManifestRaw(dst, repo, tag))?.digest;
        const row = rows.find((t) => t.tag === tag);
        if (held !== undefined) {
          expect(held).toBe(digests.get(tag));
          const raw = await skopeoInspectRaw(dst, `${repo}:${tag}`);
          expect(raw.length).toBeGreaterThan(0);
        } else {
          expect(row?.status).toBe('failed');
        }
      }
      // The next run completes the mirror.
      const next = await runAndSignal(['sync', config, '-o', 'json', '--state-file', state], 'SIGCONT');
      expect(next.code, next.stderr).toBe(0);
      for (const tag of TAGS) expect((await getManifestRaw(dst, repo, tag))?.digest).toBe(digests.get(tag));
    });
  }
});
