/**
 * The action over a job matrix: `shard: i/n` jobs, then a `mode: merge` job over their reports (as
 * actions/download-artifact leaves them) produces the outputs, job summary and PR comment a single
 * run would have. `dist/index.js` in a simulated runner against real registries.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImage,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { type FakeGitHub, startFakeGitHub } from './fakes.js';
import { type RunnerDirs, runAction, runnerWorkspace } from './runner.js';

const GH_TOKEN = 'ghs_fakeTokenForShardTests0123456789';
let src: TestRegistry;
let tmp: TempDir;
let api: FakeGitHub;

const PR_EVENT = {
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 9,
    pull_request: { number: 9, head: { repo: { full_name: 'acme/mirror' } } },
    repository: { full_name: 'acme/mirror' },
  },
};

function config(dstHost: string): string {
  return `apiVersion: oci-mirror/v1
kind: Config
artifacts:
${['a', 'b', 'c']
  .map(
    (r) => `  - name: ${r}
    source: ${src.host}/team/${r}
    destination: ${dstHost}/mirror/${r}
    selector: { limit: 0 }`,
  )
  .join('\n')}
  - name: missing
    source: ${src.host}/team/missing:1.0.0
    destination: ${dstHost}/mirror/missing
`;
}

function workspace(name: string, text: string): RunnerDirs {
  return runnerWorkspace(tmp.path, name, text);
}

const env = () => ({ GITHUB_API_URL: api.url });

/** Durations and report paths differ between runs; everything else must not. */
function normalize(text: string, host: string): string {
  return text
    .replaceAll(host, 'DST')
    .replace(/ in \d+(?:\.\d+)?(?:ms|s)\b/g, ' in DURATION')
    .replace(/actions\/runs\/\d+/g, 'actions/runs/RUN')
    .replace(/\d+ requests?/g, 'N requests')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'TIME');
}

beforeAll(async () => {
  src = await startRegistry();
  tmp = tempDir('oci-mirror-action-shard-');
  for (const r of ['a', 'b', 'c'])
    for (const v of ['1.0.0', '1.1.0'])
      await pushContent(src, `team/${r}`, v, buildImage({ seed: `shard-${r}-${v}`, uniqueLayerSize: 3_000 }));
  api = await startFakeGitHub({ owner: 'acme', repo: 'mirror', token: GH_TOKEN });
});

afterAll(async () => {
  await api?.close();
  await stopAll();
  tmp?.cleanup();
});

describe('shard: i/n jobs and a mode: merge job', () => {
  it('merge reproduces the single run: outputs, job summary and the PR comment (shards comment nothing)', async () => {
    const [one, many] = await Promise.all([startRegistry(), startRegistry()]);
    const inputs = { 'github-token': GH_TOKEN, 'dry-run': 'false', comment: 'true' };
    const single = await runAction(workspace('single', config(one.host)), {
      inputs,
      event: PR_EVENT,
      env: env(),
    });
    expect(single.outputs).toMatchObject({ copied: '6', failed: '1', 'exit-code': '1' });
    const singleComment = api.comments.get(9)?.[0]?.body ?? '';
    expect(singleComment).toContain('missing');
    api.comments.clear();

    const text = config(many.host);
    const shards = await Promise.all(
      [1, 2, 3].map((i) =>
        runAction(workspace(`shard-${i}`, text), {
          inputs: { ...inputs, shard: `${i}/3` },
          event: PR_EVENT,
          env: env(),
        }),
      ),
    );
    expect(api.comments.get(9) ?? []).toEqual([]);
    // No annotations on config lines from shards (the merge job makes them); a failing shard fails.
    for (const s of shards) expect(s.annotations.filter((a) => a.props.file !== undefined)).toEqual([]);
    expect(shards.reduce((n, s) => n + Number(s.outputs.copied), 0)).toBe(6);

    // download-artifact: one directory per artifact.
    const merge = workspace('merge', text);
    for (const [i, s] of shards.entries()) {
      const d = join(merge.workspace, 'oci-mirror-reports', `report-${i + 1}`);
      mkdirSync(d, { recursive: true });
      copyFileSync(s.outputs.report as string, join(d, 'oci-mirror-report.json'));
    }
    const merged = await runAction(merge, {
      inputs: { ...inputs, mode: 'merge' },
      event: PR_EVENT,
      env: env(),
    });
    // Outputs that carry the destination host or timings are compared normalised.
    const outputsOf = (o: Record<string, unknown>, host: string) => {
      const { report: _r, ...rest } = o;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, normalize(String(v), host)]));
    };
    expect(outputsOf(merged.outputs, many.host)).toEqual(outputsOf(single.outputs, one.host));
    expect(merged.code).toBe(single.code);
    expect(normalize(merged.summary, many.host)).toBe(normalize(single.summary, one.host));
    const comments = api.comments.get(9) ?? [];
    expect(comments).toHaveLength(1);
    expect(normalize(comments[0]?.body ?? '', many.host)).toBe(normalize(singleComment, one.host));
    expect(merged.annotations.map((a) => a.message)).toEqual(
      single.annotations.map((a) => a.message.replaceAll(one.host, many.host)),
    );

    // A shard's report missing: the merge fails with exit code 3 and says which.
    const broken = workspace('broken', text);
    mkdirSync(join(broken.workspace, 'oci-mirror-reports'), { recursive: true });
    copyFileSync(
      shards[0]?.outputs.report as string,
      join(broken.workspace, 'oci-mirror-reports', 'r1.json'),
    );
    const bad = await runAction(broken, {
      inputs: { ...inputs, mode: 'merge' },
      event: PR_EVENT,
      env: env(),
    });
    expect(bad.outputs['exit-code']).toBe('3');
    expect(bad.stdout).toContain('shards 2/3, 3/3 missing');
  }, 180_000);
});
