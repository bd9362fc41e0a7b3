/**
 * Resumable runs: the state file is written as tags complete, so a run killed mid-way (SIGKILL, as
 * a job at its time limit) leaves a valid state naming only what it finished, and the next run
 * neither looks up nor re-copies those tags. SIGTERM (a cancelled job) flushes the state at once
 * and says so; `--max-duration` starts no copy after its time and reports the rest `deferred`.
 * Real registries; the CLI as its own process, real signals.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImage,
  type FaultProxy,
  getManifestRaw,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli, cliProcess } from './cli-run.js';

const TAGS = Array.from({ length: 16 }, (_, i) => `1.${i}.0`);

let src: TestRegistry;
let dst: TestRegistry;
let d: FaultProxy;
let dir: TempDir;

interface StateDoc {
  version: number;
  destinations: Record<string, { digest: string; seenAt: number }>;
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  // Every tagged manifest PUT at the destination takes a while: the run is long enough to kill.
  d = await startFaultProxy(dst.url, [
    { delayMs: 400, match: (r) => r.method === 'PUT' && /\/manifests\/1\./.test(r.path) },
  ]);
  dir = tempDir('resume-test-');
  for (const tag of TAGS)
    await pushContent(src, 'team/app', tag, buildImage({ seed: `resume-${tag}`, uniqueLayerSize: 2_000 }));
}, 60_000);

afterAll(async () => {
  await d?.stop();
  dir?.cleanup();
  await stopAll();
});

function waitFor(check: () => boolean, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setInterval(() => {
      if (check()) {
        clearInterval(t);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(t);
        reject(new Error(`the run ended (exit ${child.exitCode}) before it could be killed`));
      }
    }, 50);
  });
}

/** A config mirroring every source tag to `destination`, and the state file's path beside it. */
function setup(name: string, destination: string): { config: string; statePath: string } {
  const config = join(dir.path, `${name}.yaml`);
  writeFileSync(
    config,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destination: ${destination}
    selector: { limit: 0 }
`,
  );
  return { config, statePath: join(dir.path, `${name}-state.json`) };
}

/** The state file as written so far. */
function recordedAt(statePath: string): StateDoc | undefined {
  return existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as StateDoc) : undefined;
}

describe('a run killed mid-way resumes from its state file', () => {
  it('SIGKILL after some tags: the state holds only finished tags; the next run re-copies and re-checks none of them', async () => {
    const { config, statePath } = setup('mirror', `${d.host}/mirror/app`);
    const child = cliProcess(['sync', config, '--state-file', statePath, '--concurrency', '1'], {
      cwd: dir.path,
      stdio: 'ignore',
    });
    const recorded = () => recordedAt(statePath);
    // Killed once the state names a few tags (written while the run goes on, not at its end).
    await waitFor(() => Object.keys(recorded()?.destinations ?? {}).length >= 3, child);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const state = recorded() as StateDoc;
    const known = Object.keys(state.destinations);
    expect(known.length).toBeGreaterThanOrEqual(3);
    expect(known.length).toBeLessThan(TAGS.length);
    // Everything the state names is really at the destination with that digest.
    for (const [ref, e] of Object.entries(state.destinations)) {
      const tag = ref.slice(ref.lastIndexOf(':') + 1);
      expect((await getManifestRaw({ url: dst.url }, 'mirror/app', tag))?.digest).toBe(e.digest);
    }

    d.requests.length = 0;
    const r = await cli(['sync', config, '--state-file', statePath, '-o', 'json'], { cwd: dir.path });
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).report.results[0].tags as {
      destination: string;
      status: string;
      reason?: string;
    }[];
    expect(rows).toHaveLength(TAGS.length);
    for (const row of rows)
      if (!known.includes(row.destination)) expect(['copied', 'skipped']).toContain(row.status);
    // Recorded tags are skipped from memory, but for the state's rolling re-check (its oldest
    // eighth is asked live each run).
    const fromState = rows.filter((row) => known.includes(row.destination));
    const remembered = fromState.filter((row) => row.reason?.startsWith('up-to-date (remembered'));
    const rechecked = fromState.filter((row) => row.reason === 'up-to-date');
    expect(fromState.every((row) => row.status === 'skipped')).toBe(true);
    expect(remembered.length + rechecked.length).toBe(known.length);
    expect(rechecked.length).toBeLessThanOrEqual(Math.floor(known.length / 8));
    // The destination saw no request at all about the tags decided from memory.
    const touched = d.requests
      .map((q) => /\/manifests\/([^/?]+)/.exec(q.path)?.[1])
      .filter((t): t is string => t !== undefined);
    for (const row of remembered)
      expect(touched).not.toContain(row.destination.slice(row.destination.lastIndexOf(':') + 1));
    expect(Object.keys(recorded()?.destinations ?? {}).sort()).toEqual(rows.map((x) => x.destination).sort());
  }, 120_000);

  it('SIGTERM: the state is flushed at once, names only finished tags, and the next run resumes from it', async () => {
    const { config, statePath } = setup('term', `${d.host}/term/app`);
    const child = cliProcess(['sync', config, '--state-file', statePath, '--concurrency', '1'], {
      cwd: dir.path,
    });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const recorded = () => recordedAt(statePath);
    await waitFor(() => Object.keys(recorded()?.destinations ?? {}).length >= 2, child);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('close', r));
    expect(code).toBe(1); // cancelled
    expect(stderr).toContain('SIGTERM received: cancelling');
    expect(stderr).toMatch(/state saved to \S+term-state\.json \(\d+ destinations known\)/);
    const known = Object.entries((recorded() as StateDoc).destinations);
    expect(known.length).toBeGreaterThanOrEqual(2);
    expect(known.length).toBeLessThan(TAGS.length);
    for (const [ref, e] of known) {
      const tag = ref.slice(ref.lastIndexOf(':') + 1);
      expect((await getManifestRaw({ url: dst.url }, 'term/app', tag))?.digest).toBe(e.digest);
    }
    const r = await cli(['sync', config, '--state-file', statePath, '-o', 'json'], { cwd: dir.path });
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).report.results[0].tags as { destination: string; status: string }[];
    expect(
      rows.filter((x) => known.some(([ref]) => ref === x.destination)).every((x) => x.status === 'skipped'),
    ).toBe(true);
    expect(rows.every((x) => x.status === 'copied' || x.status === 'skipped')).toBe(true);
  }, 120_000);

  it('--max-duration: no copy starts after it; the tags left are deferred (exit 0) and the next run copies them', async () => {
    const { config, statePath } = setup('deadline', `${dst.host}/deadline/app`);
    // 1ms: over before planning ends, so every copy is left for the next run.
    const r = await cli(['sync', config, '--state-file', statePath, '--max-duration', '1ms', '-o', 'json'], {
      cwd: dir.path,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout).report;
    expect(doc.summary).toMatchObject({ copied: 0, failed: 0, deferred: TAGS.length });
    expect(doc.summary.retryAt).toBeUndefined();
    for (const row of doc.results[0].tags) {
      expect(row).toMatchObject({
        status: 'deferred',
        reason: 'max-duration reached before this copy started; the next run continues here',
      });
      expect(await getManifestRaw({ url: dst.url }, 'deadline/app', row.tag)).toBeUndefined();
    }
    expect(
      existsSync(statePath) ? Object.keys(JSON.parse(readFileSync(statePath, 'utf8')).destinations) : [],
    ).toEqual([]);
    const next = await cli(['sync', config, '--state-file', statePath, '-o', 'json'], { cwd: dir.path });
    expect(JSON.parse(next.stdout).report.summary).toMatchObject({ copied: TAGS.length, failed: 0 });
    const bad = await cli(['sync', config, '--max-duration', '0s'], { cwd: dir.path });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--max-duration: must be more than 0');
  }, 120_000);
});
