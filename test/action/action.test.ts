/**
 * The action end to end: `dist/index.js` in a simulated runner against real registries, a fake
 * GitHub REST API and a fake Actions cache service (see fakes.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
import {
  type FakeCacheService,
  type FakeGitHub,
  readZip,
  runtimeToken,
  startFakeCacheService,
  startFakeGitHub,
} from './fakes.js';
import { type ActionRun, type RunnerDirs, runAction, runnerWorkspace } from './runner.js';

const PASSWORD = 'pw-Action-7781-secret';
const GH_TOKEN = 'ghs_fakeTokenForTests0123456789';
/** The runner's runtime token: a JWT whose `scp` names the run's and job's backend ids. */
const RUNTIME_TOKEN = runtimeToken('run-backend-Qx81', 'job-backend-Qx81');
/** Tokens of later runs (each run has its own), for the secret scan. */
const minted: string[] = [];
const SECRETS = [PASSWORD, GH_TOKEN, RUNTIME_TOKEN, Buffer.from(`robot:${PASSWORD}`).toString('base64')];

let src: TestRegistry;
let dst: TestRegistry;
let tmp: TempDir;
let api: FakeGitHub;
let cacheSvc: FakeCacheService;
/** Everything any run printed or wrote, for the secret scan at the end. */
const everything: string[] = [];

const CONFIG = (srcHost: string, dstHost: string) => `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - name: app
    source: ${srcHost}/team/app
    destination: ${dstHost}/mirror/app
    selector: { tags: ["1.0.0", "1.1.0"] }
  - name: drifted
    source: ${srcHost}/team/app:1.0.0
    destination: ${dstHost}/drift/app
  - name: missing
    source: ${srcHost}/team/missing:1.0.0
    destination: ${dstHost}/mirror/missing
hosts:
  - host: ${dstHost}
    username: robot
    credential: { value: "\${DST_PASSWORD}" }
`;

/** 1-based line of the config where `- name: NAME` is written. */
function lineOf(config: string, name: string): number {
  return config.split('\n').findIndex((l) => l.includes(`- name: ${name}`)) + 1;
}

function workspace(name: string, config: string): RunnerDirs {
  return runnerWorkspace(tmp.path, name, config);
}

const PR_EVENT = {
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { repo: { full_name: 'acme/mirror' }, sha: '0123456789abcdef0123456789abcdef01234567' },
    },
    repository: { full_name: 'acme/mirror' },
  },
};

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DST_PASSWORD: PASSWORD,
    GITHUB_API_URL: api.url,
    ACTIONS_RESULTS_URL: `${cacheSvc.url}/`,
    // Each workflow run has its own runtime token (and so its own artifact namespace).
    ACTIONS_RUNTIME_TOKEN: mint(),
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ...extra,
  };
}

function mint(): string {
  const t = cacheSvc.mintRuntimeToken();
  minted.push(t);
  return t;
}

async function run(dirs: RunnerDirs, opts: Parameters<typeof runAction>[1]): Promise<ActionRun> {
  const r = await runAction(dirs, opts);
  everything.push(r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs));
  const report = r.outputs.report;
  if (report && existsSync(report)) everything.push(readFileSync(report, 'utf8'));
  return r;
}

/** Ports and timings vary between runs; everything else in the summary is deterministic. */
function normalize(md: string): string {
  return md
    .replaceAll(src.host, 'SRC')
    .replaceAll(dst.host, 'DST')
    .replace(/ in \d+(?:\.\d+)?(?:ms|s)\b/g, ' in DURATION')
    .replace(/actions\/runs\/\d+/g, 'actions/runs/RUN')
    .replace(/\/artifacts\/\d+/g, '/artifacts/ID')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME');
}

function golden(name: string, actual: string): void {
  const path = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

beforeAll(async () => {
  [src, dst] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'htpasswd', users: { robot: PASSWORD } }),
  ]);
  tmp = tempDir('oci-mirror-action-');
  for (const v of ['1.0.0', '1.1.0'])
    await pushContent(
      src,
      'team/app',
      v,
      buildImage({ seed: `action-${v}`, sharedLayerSize: 50_000, uniqueLayerSize: 5_000 }),
    );
  await pushContent(dst, 'drift/app', '1.0.0', buildImage({ seed: 'action-drift' }));
  api = await startFakeGitHub({ owner: 'acme', repo: 'mirror', token: GH_TOKEN });
  cacheSvc = await startFakeCacheService({ runtimeToken: RUNTIME_TOKEN });
});

afterAll(async () => {
  await api?.close();
  await cacheSvc?.close();
  await stopAll();
  tmp?.cleanup();
});

describe('the action on a pull request (dry run)', () => {
  it('plans, annotates the config lines, writes the summary and comments once, then updates the comment', async () => {
    const config = CONFIG(src.host, dst.host);
    const dirs = workspace('pr', config);
    const inputs = { 'github-token': GH_TOKEN };
    const first = await run(dirs, { inputs, event: PR_EVENT, env: env() });
    expect(first.code).toBe(1);
    expect(first.outputs).toMatchObject({
      'would-copy': '2',
      drifted: '1',
      failed: '1',
      copied: '0',
      changed: 'false',
      'exit-code': '1',
    });
    expect(first.outputs.report).toBe(join(dirs.temp, 'oci-mirror-report.json'));
    const report = JSON.parse(readFileSync(first.outputs.report as string, 'utf8'));
    expect(report.report.dryRun).toBe(true);

    const file = '.github/oci-mirror.yaml';
    expect(
      first.annotations.filter((a) => a.props.file === file).map((a) => [a.level, a.props.line]),
    ).toEqual([
      ['error', String(lineOf(config, 'missing'))],
      ['warning', String(lineOf(config, 'drifted'))],
    ]);
    expect(first.annotations.find((a) => a.level === 'error' && a.props.file)?.message).toMatch(
      /team\/missing:1\.0\.0 → .*mirror\/missing:1\.0\.0: the source has no such tag or digest\. Fix: .*not found/,
    );
    // The step failure names what failed, as the first error annotation (GitHub shows ten).
    const firstError = first.annotations.find((a) => a.level === 'error');
    expect(firstError?.message).toMatch(
      /^1 failed, 1 drifted; see the annotations on \.github\/oci-mirror\.yaml/,
    );
    expect(first.annotations.filter((a) => a.level === 'error')).toHaveLength(2);
    // The log folds each entry and repeats the failures at the end.
    expect(first.stdout).toMatch(/^::group::✗ missing \(1 tag\)$/m);
    expect(first.stdout).toMatch(/^Failures \(1\):\nmissing: ✗ .*team\/missing:1\.0\.0/m);
    expect(first.outputs['plan-markdown']).toContain(
      '<!-- oci-mirror:plan config=.github/oci-mirror.yaml -->',
    );
    expect(first.outputs['summary-markdown']?.trimEnd()).toBe(first.summary.trimEnd());

    golden('pr-dry-run.md', normalize(first.summary));

    const comments = api.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    const id = comments[0]?.id;
    expect(comments[0]?.body).toContain('<!-- oci-mirror:plan config=.github/oci-mirror.yaml -->');
    expect(comments[0]?.body).toContain('https://github.com/acme/mirror/actions/runs/');
    golden('pr-comment.md', normalize(comments[0]?.body ?? ''));
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/mirror/issues/7/comments?per_page=100&page=1',
      'POST /repos/acme/mirror/issues/7/comments',
    ]);

    // A second push to the PR: the same comment is found by its marker and updated in place.
    api.comments.get(7)?.unshift({ id: 1, body: 'an unrelated comment' });
    api.requests.length = 0;
    const second = await run(dirs, { inputs, event: PR_EVENT, env: env() });
    expect(second.code).toBe(1);
    expect(api.comments.get(7)?.map((c) => c.id)).toEqual([1, id]);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/mirror/issues/7/comments?per_page=100&page=1',
      `PATCH /repos/acme/mirror/issues/comments/${id}`,
    ]);
    expect(second.stdout).toContain('comment: updated the plan comment on pull request #7');
    expect(api.unexpected).toEqual([]);
    for (const c of api.comments.get(7) ?? []) everything.push(c.body);
  });

  it('degrades to a warning for a read-only token and for a fork, without failing the check', async () => {
    const dirs = workspace('pr-readonly', CONFIG(src.host, dst.host));
    api.readOnly = true;
    try {
      const ro = await run(dirs, {
        inputs: { 'github-token': GH_TOKEN, only: '^app$' },
        event: PR_EVENT,
        env: env(),
      });
      expect(ro.code).toBe(0);
      expect(ro.outputs['would-copy']).toBe('2');
      expect(ro.annotations.find((a) => a.level === 'warning')?.message).toMatch(
        /^comment: could not comment on pull request #7 \(HTTP 403\).*pull-requests: write.*job summary/,
      );
    } finally {
      api.readOnly = false;
    }
    api.requests.length = 0;
    const forkEvent = {
      name: 'pull_request',
      payload: {
        ...PR_EVENT.payload,
        pull_request: { number: 8, head: { repo: { full_name: 'someone/fork' } } },
      },
    };
    const fork = await run(dirs, {
      inputs: { 'github-token': GH_TOKEN, only: '^app$' },
      event: forkEvent,
      env: env(),
    });
    expect(fork.code).toBe(0);
    expect(fork.annotations.map((a) => a.message)).toContain(
      'comment: this pull request comes from a fork, whose token cannot comment; the plan is in the job summary',
    );
    expect(api.requests).toEqual([]);
    expect(fork.summary).toContain('## oci-mirror (dry run) — ✅ clean');
  });
});

describe('a plan without secrets (fork or Dependabot pull request)', () => {
  const forkEvent = {
    name: 'pull_request',
    payload: {
      ...PR_EVENT.payload,
      pull_request: { number: 9, head: { repo: { full_name: 'someone/fork' }, sha: 'abc123def4567890' } },
    },
  };

  it('reads what it can, reports the host without credentials as not checked, and passes', async () => {
    const config = CONFIG(src.host, dst.host);
    const dirs = workspace('fork-empty', config);
    const r = await run(dirs, {
      inputs: { 'github-token': GH_TOKEN, only: '^(app|drifted)$' },
      event: forkEvent,
      env: env({ DST_PASSWORD: '' }),
    });
    expect(r.stdout).not.toContain('the credential needs one source');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ failed: '0', 'exit-code': '0' });
    const warning = r.annotations.find((a) => a.props.title === `oci-mirror: no credential for ${dst.host}`);
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toMatch(
      /^\$\{DST_PASSWORD\} is empty, so .* has no credential \(GitHub passes no secrets .*forks/,
    );
    const hostLine = config.split('\n').findIndex((l) => l.includes(`- host: ${dst.host}`)) + 1;
    expect(warning?.props).toMatchObject({ file: '.github/oci-mirror.yaml', line: String(hostLine) });
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8')).report;
    expect(report.summary.notChecked).toBe(2);
    expect(report.results.map((e: { notChecked?: string }) => e.notChecked)).toEqual([
      expect.stringMatching(/has no credential because \$\{DST_PASSWORD\} is empty .*; 2 tags not checked$/),
      expect.stringMatching(/DST_PASSWORD/),
    ]);
    expect(r.summary).toContain('**2 entries not checked**');
    expect(r.summary).toMatch(/⏸️ `app` — 1 not checked/);
  });

  it('a real sync with an empty secret is a config error naming the variable and why it may be empty', async () => {
    const config = CONFIG(src.host, dst.host);
    const dirs = workspace('push-empty', config);
    const r = await run(dirs, {
      inputs: { only: '^app$' },
      event: { name: 'push', payload: {} },
      env: env({ DST_PASSWORD: '' }),
    });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('3');
    const a = r.annotations.find((x) => x.props.file === '.github/oci-mirror.yaml');
    expect(a?.message).toMatch(
      /^hosts\[0\]\.credential\.value: `\$\{DST_PASSWORD\}` is set but empty, so this credential has no value \(GitHub passes no secrets to workflows of pull requests from forks/,
    );
  });
});

describe('the action on a schedule', () => {
  it('copies, saves the state cache, and a warm run trusts it instead of asking the destination', async () => {
    const dirs = workspace('cron', CONFIG(src.host, dst.host));
    const inputs = { only: '^app$', cache: 'true', 'cache-ttl': '1h' };
    const cold = await run(dirs, { inputs, event: { name: 'schedule', payload: {} }, env: env() });
    expect(cold.code).toBe(0);
    expect(cold.outputs).toMatchObject({ copied: '2', changed: 'true', 'exit-code': '0', failed: '0' });
    expect(JSON.parse(cold.outputs['copied-tags'] as string)).toEqual([
      { reference: `${dst.host}/mirror/app:1.0.0`, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      { reference: `${dst.host}/mirror/app:1.1.0`, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    ]);
    expect(cold.summary).toContain('## oci-mirror — ✅ clean');
    expect(cold.stdout).toContain('cache: no state cached yet');
    expect(cacheSvc.entries.filter((e) => e.finalized)).toHaveLength(1);
    const state = JSON.parse(readFileSync(join(dirs.temp, 'oci-mirror-state', 'state.json'), 'utf8'));
    expect(Object.keys(state.destinations).sort()).toEqual([
      `${dst.host}/mirror/app:1.0.0`,
      `${dst.host}/mirror/app:1.1.0`,
    ]);

    // Lose the local file as a fresh runner would; the warm run restores it from the service.
    writeFileSync(join(dirs.temp, 'oci-mirror-state', 'state.json'), '');
    const warm = await run(dirs, { inputs, event: { name: 'schedule', payload: {} }, env: env() });
    expect(warm.code).toBe(0);
    expect(warm.outputs).toMatchObject({ skipped: '2', copied: '0', changed: 'false' });
    expect(warm.stdout).toMatch(
      /cache: restored oci-mirror-state-v1-[0-9a-f]{16}-\S+: 2 destination digests known/,
    );
    expect(warm.stdout).toContain('cache: 2 destination lookups answered from the state cache');
    const warmReport = JSON.parse(readFileSync(warm.outputs.report as string, 'utf8')).report;
    for (const t of warmReport.results[0].tags as { reason: string; destinationDigest?: string }[]) {
      expect(t.reason).toMatch(/^up-to-date \(remembered: state file, confirmed \d+m ago\)$/);
      expect(t.destinationDigest).toBeUndefined();
    }
    // Nothing new was learned, so nothing new is saved.
    expect(cacheSvc.entries.filter((e) => e.finalized)).toHaveLength(1);

    const uncached = await run(dirs, {
      inputs: { ...inputs, cache: 'false' },
      event: { name: 'schedule', payload: {} },
      env: env(),
    });
    const uncachedReport = JSON.parse(readFileSync(uncached.outputs.report as string, 'utf8')).report;
    expect(uncachedReport.summary.skipped).toBe(2);
    // One destination HEAD per tag saved (authentication to the destination too).
    expect(warmReport.summary.requests).toBeLessThanOrEqual(uncachedReport.summary.requests - 2);
    expect(cacheSvc.unexpected).toEqual([]);
  });

  it('runs without the state cache when the cache service fails, with a note', async () => {
    const dirs = workspace('cron-down', CONFIG(src.host, dst.host));
    cacheSvc.failWith = 403;
    try {
      const r = await run(dirs, {
        inputs: { only: '^app$', cache: 'true' },
        event: { name: 'workflow_dispatch', payload: {} },
        env: env(),
      });
      expect(r.code).toBe(0);
      expect(r.outputs.skipped).toBe('2');
      expect(r.stdout).toMatch(/Failed to restore/);
    } finally {
      delete cacheSvc.failWith;
    }
  });

  it('annotates config errors at their line and fails with exit code 3', async () => {
    const bad = `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destinaton: ${dst.host}/mirror/app
`;
    const dirs = workspace('bad', bad);
    const r = await run(dirs, { inputs: {}, event: { name: 'push', payload: {} }, env: env() });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('3');
    const a = r.annotations.filter((x) => x.props.file === '.github/oci-mirror.yaml');
    expect(a.length).toBeGreaterThan(0);
    expect(a.map((x) => x.props.line)).toContain('5');
    expect(r.summary).toContain('## oci-mirror — ❌ invalid config');
  });

  it('fails on drift by default, not with fail-on-drift: false, and honours the deprecated drift-exit-code', async () => {
    const dirs = workspace('cron-drift', CONFIG(src.host, dst.host));
    const go = (inputs: Record<string, string>) =>
      run(dirs, {
        inputs: { only: '^drifted$', ...inputs },
        event: { name: 'schedule', payload: {} },
        env: env(),
      });
    const strict = await go({});
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::error::1 drifted: .*fail-on-drift: false to accept drift/m);
    const lenient = await go({ 'fail-on-drift': 'false' });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs['exit-code']).toBe('2');
    const old = await go({ 'drift-exit-code': '0' });
    expect(old.code).toBe(0);
    expect(
      old.annotations.find((a) => a.level === 'warning' && a.props.title === 'oci-mirror: deprecated input')
        ?.message,
    ).toBe(
      'drift-exit-code is deprecated (a step cannot pass a numeric exit code to the runner): use fail-on-drift: false',
    );
    const noSubst = await go({ 'no-envsubst': 'true', 'fail-on-drift': 'false' });
    expect(noSubst.annotations.map((a) => a.message)).toContain(
      'no-envsubst is deprecated: use envsubst: false',
    );
  });

  it('names a bad input and what it accepts', async () => {
    const dirs = workspace('bad-input', CONFIG(src.host, dst.host));
    const r = await run(dirs, {
      inputs: { 'dry-run': 'maybe' },
      event: { name: 'push', payload: {} },
      env: env(),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::dry-run: expected auto, true or false, got "maybe"');
    expect(r.outputs['exit-code']).toBe('3');
  });
});

describe('the report artifact', () => {
  const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

  it('uploads the JSON report as an artifact through the results service, and links it from the summary', async () => {
    const dirs = workspace('artifact', CONFIG(src.host, dst.host));
    const before = cacheSvc.artifacts.length;
    const r = await run(dirs, {
      inputs: { only: '^app$' },
      event: { name: 'schedule', payload: {} },
      env: env(),
    });
    expect(r.code).toBe(0);
    const made = cacheSvc.artifacts.slice(before);
    expect(made.map((a) => [a.name, a.finalized, a.mimeType])).toEqual([
      ['oci-mirror', true, 'application/zip'],
    ]);
    const artifact = made[0];
    // The zip holds the report file, byte for byte.
    const files = readZip(artifact?.blob ?? Buffer.alloc(0));
    expect([...files.keys()]).toEqual(['oci-mirror-report.json']);
    expect(files.get('oci-mirror-report.json')?.toString()).toBe(
      readFileSync(r.outputs.report as string, 'utf8'),
    );
    expect(r.outputs['report-artifact-id']).toBe(String(artifact?.id));
    const url = r.outputs['report-artifact-url'] as string;
    expect(url).toMatch(
      new RegExp(`^https://github\\.com/acme/mirror/actions/runs/\\d+/artifacts/${artifact?.id}$`),
    );
    expect(r.summary).toContain(`every row is in the [JSON report artifact](${url})`);
    expect(r.stdout).toContain(`report: uploaded as artifact "oci-mirror" (id ${artifact?.id})`);
    expect(cacheSvc.unexpected).toEqual([]);
  });

  it('a plan comment links the artifact; upload-report: false keeps the old pointer and uploads nothing', async () => {
    const dirs = workspace('artifact-pr', CONFIG(src.host, dst.host));
    const before = cacheSvc.artifacts.length;
    const plan = await run(dirs, {
      inputs: { only: '^app$', comment: 'false' },
      event: PR_EVENT,
      env: env(),
    });
    const url = plan.outputs['report-artifact-url'] as string;
    expect(url).toMatch(/\/artifacts\/\d+$/);
    expect(plan.outputs['plan-markdown']).toContain(`· [report artifact](${url})`);
    const off = await run(dirs, {
      inputs: { only: '^app$', comment: 'false', 'upload-report': 'false' },
      event: PR_EVENT,
      env: env(),
    });
    expect(cacheSvc.artifacts.length).toBe(before + 1);
    expect(off.outputs['report-artifact-id']).toBe('');
    expect(off.outputs['plan-markdown']).toMatch(
      /\[report artifact\]\(https:\/\/github\.com\/acme\/mirror\/actions\/runs\/\d+#artifacts\) \(when the workflow uploads/,
    );
  });

  it('an upload failure is a warning: the mirror still passes and the summary points at the report output', async () => {
    const dirs = workspace('artifact-down', CONFIG(src.host, dst.host));
    cacheSvc.artifactFailWith = 403;
    try {
      const r = await run(dirs, {
        inputs: { only: '^app$' },
        event: { name: 'schedule', payload: {} },
        env: env(),
      });
      expect(r.code).toBe(0);
      expect(r.outputs['exit-code']).toBe('0');
      const w = r.annotations.find((a) => a.props.title === 'oci-mirror: report artifact');
      expect(w?.level).toBe('warning');
      expect(w?.message).toMatch(
        /^report: uploading oci-mirror-report\.json as artifact "oci-mirror" failed: Failed to CreateArtifact: .*403.*; the report stays at the `report` output's path$/,
      );
      expect(r.outputs['report-artifact-id']).toBe('');
      expect(r.summary).toContain('every row is in the JSON report (`report` output)');
    } finally {
      delete cacheSvc.artifactFailWith;
    }
  });

  it('the fake results service refuses what the real one refuses', async () => {
    const token = cacheSvc.mintRuntimeToken();
    const ids = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString())
      .scp.split(' ')[1]
      .split(':');
    const call = (method: string, body: unknown, auth = token) =>
      fetch(`${cacheSvc.url}${TWIRP}${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const good = {
      workflow_run_backend_id: ids[1],
      workflow_job_run_backend_id: ids[2],
      name: 'x',
      version: 7,
      mime_type: 'application/zip',
    };
    expect((await call('CreateArtifact', good, 'not-a-runtime-token')).status).toBe(401);
    expect((await call('CreateArtifact', { ...good, workflow_job_run_backend_id: 'other-job' })).status).toBe(
      403,
    );
    expect((await call('CreateArtifact', { ...good, workflowRunBackendId: ids[1] })).status).toBe(400);
    expect((await call('CreateArtifact', { ...good, name: 'a/b' })).status).toBe(400);
    expect((await call('CreateArtifact', good)).status).toBe(200);
    expect((await call('CreateArtifact', good)).status).toBe(409);
    // Finalize before any upload, then with a wrong size after one.
    const fin = {
      workflow_run_backend_id: ids[1],
      workflow_job_run_backend_id: ids[2],
      name: 'x',
      size: '3',
    };
    expect((await call('FinalizeArtifact', fin)).status).toBe(404);
    const a = cacheSvc.artifacts.find((x) => x.runId === ids[1] && x.name === 'x');
    if (a) a.blob = Buffer.from('abcd');
    expect((await call('FinalizeArtifact', fin)).status).toBe(400);
    expect((await call('FinalizeArtifact', { ...fin, size: '4', hash: 'sha256:00' })).status).toBe(400);
    expect((await call('FinalizeArtifact', { ...fin, size: '4' })).status).toBe(200);
    cacheSvc.unexpected.length = 0;
  });
});

describe('secrets', () => {
  it('masks every credential and never prints one anywhere', () => {
    const all = everything.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    // The runner consumes `::add-mask::` lines and never shows them; they must exist for each secret.
    for (const s of [PASSWORD, GH_TOKEN]) expect(all).toContain(`::add-mask::${s}`);
    const shown = all
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const s of [...SECRETS, ...minted]) expect(shown).not.toContain(s);
    for (const e of cacheSvc.requests) for (const s of SECRETS) expect(e.body).not.toContain(s);
  });
});
