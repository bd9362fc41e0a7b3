/**
 * The action resumes after being stopped: the built `dist/index.js` in a simulated runner is
 * SIGKILLed mid-run (as at a job's time limit), its post step (action.yml `post-if: always()`)
 * saves the state file the main step rewrote as tags completed, and the next run — on a fresh
 * runner — restores it and neither re-copies nor re-checks what was done. `max-duration` ends a
 * run early with the rest `deferred`, the outputs saying how many and the step not failing.
 * Real registries, the fake Actions cache service.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { type FakeCacheService, startFakeCacheService } from './fakes.js';
import { type RunnerDirs, runAction } from './runner.js';

const RUNTIME_TOKEN = 'runtime-token-Resume-55';
const TAGS = Array.from({ length: 12 }, (_, i) => `1.${i}.0`);
const PUSH = { name: 'push', payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/mirror' } } };

let src: TestRegistry;
let dst: TestRegistry;
let d: FaultProxy;
let tmp: TempDir;
let cacheSvc: FakeCacheService;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  // Each tag write takes a while: the run is long enough to be stopped in the middle.
  d = await startFaultProxy(dst.url, [
    { delayMs: 400, match: (r) => r.method === 'PUT' && /\/manifests\/1\./.test(r.path) },
  ]);
  tmp = tempDir('oci-mirror-action-resume-');
  for (const tag of TAGS)
    await pushContent(
      src,
      'team/app',
      tag,
      buildImage({ seed: `action-resume-${tag}`, uniqueLayerSize: 2_000 }),
    );
  cacheSvc = await startFakeCacheService({ runtimeToken: RUNTIME_TOKEN });
}, 90_000);

afterAll(async () => {
  await Promise.all([d?.stop(), cacheSvc?.close()]);
  tmp?.cleanup();
  await stopAll();
});

function runner(name: string, repo: string): RunnerDirs {
  const dirs = { workspace: join(tmp.path, name, 'repo'), temp: join(tmp.path, name, 'runner-temp') };
  mkdirSync(join(dirs.workspace, '.github'), { recursive: true });
  mkdirSync(dirs.temp, { recursive: true });
  writeFileSync(
    join(dirs.workspace, '.github', 'oci-mirror.yaml'),
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destination: ${d.host}/${repo}
    selector: { limit: 0 }
`,
  );
  return dirs;
}

const env = {
  ACTIONS_RESULTS_URL: '',
  ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
  ACTIONS_CACHE_SERVICE_V2: 'true',
};

function stateOf(dirs: RunnerDirs): Record<string, { digest: string }> {
  const path = join(dirs.temp, 'oci-mirror-state', 'state.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).destinations : {};
}

describe('the action resumes after being stopped', () => {
  it('killed mid-run: the post step saves the state it wrote; the next run on a fresh runner resumes from it', async () => {
    const first = runner('killed', 'mirror/app');
    const stepState = join(first.temp, 'step-state');
    const e = { ...env, ACTIONS_RESULTS_URL: `${cacheSvc.url}/` };
    // Two copy jobs at a time: with the default 8, the 12 tags finish in two 400 ms waves, and the
    // second can be done before the kill lands (the state then names every tag).
    const inputs = { cache: 'true', 'cache-ttl': '1h', concurrency: '2' };
    const main = await runAction(first, {
      inputs,
      event: PUSH,
      env: e,
      stateFile: stepState,
      killWhen: () => Object.keys(stateOf(first)).length >= 3,
    });
    expect(main.code).toBeNull(); // killed
    const known = stateOf(first);
    expect(Object.keys(known).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(known).length).toBeLessThan(TAGS.length);
    expect(cacheSvc.entries.filter((x) => x.finalized)).toHaveLength(0);
    for (const [ref, k] of Object.entries(known)) {
      const tag = ref.slice(ref.lastIndexOf(':') + 1);
      expect((await getManifestRaw({ url: dst.url }, 'mirror/app', tag))?.digest).toBe(k.digest);
    }

    const post = await runAction(first, { inputs, event: PUSH, env: e, stateFile: stepState, phase: 'post' });
    expect(post.code, post.stderr).toBe(0);
    expect(post.stdout).toContain('post step');
    expect(post.stdout).toMatch(
      /cache: saved the state the step wrote before it stopped \(oci-mirror-state-v\d+-/,
    );
    expect(cacheSvc.entries.filter((x) => x.finalized)).toHaveLength(1);
    // The post step did not mirror anything again.
    expect(post.stdout).not.toContain('reading .github/oci-mirror.yaml');

    // A new runner: the same paths (as on GitHub, which the cache version depends on), nothing
    // left on disk, only the cache.
    rmSync(join(first.temp, 'oci-mirror-state'), { recursive: true });
    const second = first;
    d.requests.length = 0;
    const secondState = join(second.temp, 'step-state-2');
    const next = await runAction(second, { inputs, event: PUSH, env: e, stateFile: secondState });
    expect(next.code, next.stderr).toBe(0);
    expect(
      next.stdout
        .split('\n')
        .filter((l) => l.includes('cache:'))
        .join('\n'),
    ).toMatch(
      new RegExp(
        `cache: restored oci-mirror-state-v\\d+-\\S+: ${Object.keys(known).length} destination digests known`,
      ),
    );
    const rows = JSON.parse(readFileSync(next.outputs.report as string, 'utf8')).report.results[0].tags as {
      destination: string;
      status: string;
      reason?: string;
    }[];
    expect(rows).toHaveLength(TAGS.length);
    expect(rows.every((r) => r.status === 'copied' || r.status === 'skipped')).toBe(true);
    const done = rows.filter((r) => r.destination in known);
    expect(done.every((r) => r.status === 'skipped')).toBe(true);
    // Nothing finished before the kill was written again.
    const written = d.requests
      .filter((q) => q.method === 'PUT' && q.path.includes('/manifests/1.'))
      .map((q) => q.path.slice(q.path.lastIndexOf('/') + 1));
    for (const ref of Object.keys(known)) expect(written).not.toContain(ref.slice(ref.lastIndexOf(':') + 1));
    // This time the step saved it itself: the post step has nothing to do.
    const post2 = await runAction(second, {
      inputs,
      event: PUSH,
      env: e,
      stateFile: secondState,
      phase: 'post',
    });
    expect(post2.stdout).toContain('cache: the state was saved by the step; nothing to do');
  }, 180_000);

  it('max-duration: no copy starts after it, the rest are deferred, the step succeeds and says so', async () => {
    const dirs = runner('deadline', 'deadline/app');
    const stateFile = join(dirs.temp, 'step-state');
    const r = await runAction(dirs, {
      inputs: { 'max-duration': '1ms' },
      event: PUSH,
      env: { ...env, ACTIONS_RESULTS_URL: `${cacheSvc.url}/` },
      stateFile,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({
      deferred: String(TAGS.length),
      copied: '0',
      failed: '0',
      'exit-code': '0',
    });
    expect(r.outputs['retry-at']).toBe('');
    expect(r.summary).toContain(`${TAGS.length} deferred`);
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    const post = await runAction(dirs, { inputs: {}, event: PUSH, env, stateFile, phase: 'post' });
    expect(post.stdout).toContain('cache: not used by this step; nothing to save');
  }, 120_000);
});
