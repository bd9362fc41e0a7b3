/**
 * Hosts that authenticate with the runner's OIDC ID token, run as GitHub's runner runs the built
 * action, on the events where no token exists: a pull request from a fork, Dependabot,
 * pull_request_target and a push without `permissions: id-token: write`, and a runner that
 * refuses the token request at run time (a fake Actions token endpoint answering 401 to a bad
 * request token). Real registries: a public one (anonymous reads work) and a password one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import {
  buildImage,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { type ActionRun, type RunnerDirs, runAction, runnerWorkspace } from './runner.js';

let pub: TestRegistry;
let priv: TestRegistry;
let open: TestRegistry;
let issuer: OidcIssuer;
let tmp: TempDir;

/**
 * `pub` and `priv` authenticate with the ID token: `pub` answers anonymous readers anyway, `priv`
 * does not. `open` is not configured at all.
 */
const CONFIG = () => `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - name: app
    source: ${pub.host}/team/app
    destination: ${priv.host}/mirror/app
    selector: { tags: ["1.0.0", "1.1.0"] }
  - name: public
    source: ${pub.host}/team/app:1.0.0
    destination: ${open.host}/mirror/app
hosts:
  - host: ${pub.host}
    credential: { provider: github }
  - host: ${priv.host}
    username: robot
    credential: { provider: github }
`;

const lineOf = (config: string, text: string) => config.split('\n').findIndex((l) => l.includes(text)) + 1;

function workspace(name: string, config: string): RunnerDirs {
  return runnerWorkspace(tmp.path, name, config);
}

const pr = (head: string, extra: Record<string, unknown> = {}) => ({
  action: 'synchronize',
  number: 12,
  pull_request: {
    number: 12,
    head: {
      repo: { full_name: head, fork: head !== 'acme/mirror' },
      sha: '89abcdef0123456789abcdef0123456789abcdef',
    },
    base: { repo: { full_name: 'acme/mirror' } },
    ...extra,
  },
  repository: { full_name: 'acme/mirror' },
});

const FORK_PR = { name: 'pull_request', payload: pr('someone/fork') };

/** Runs without a comment (no GitHub API here); the comment body is the `plan-markdown` output. */
async function run(
  name: string,
  event: { name: string; payload: unknown },
  env: Record<string, string> = {},
  inputs: Record<string, string> = {},
): Promise<{ r: ActionRun; config: string }> {
  const config = CONFIG();
  const dirs = workspace(name, config);
  const r = await runAction(dirs, { inputs: { comment: 'false', ...inputs }, event, env });
  return { r, config };
}

function report(r: ActionRun) {
  return JSON.parse(readFileSync(r.outputs.report as string, 'utf8')).report;
}

beforeAll(async () => {
  [pub, priv, open] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'htpasswd', users: { robot: 'pw-oidc-not-used' } }),
    startRegistry(),
  ]);
  issuer = await startOidcIssuer();
  tmp = tempDir('oci-mirror-action-oidc-');
  for (const v of ['1.0.0', '1.1.0'])
    await pushContent(
      pub,
      'team/app',
      v,
      buildImage({ seed: `oidc-${v}`, platforms: [{ os: 'linux', architecture: 'amd64' }], index: false }),
    );
});

afterAll(async () => {
  await issuer?.stop();
  await stopAll();
  tmp?.cleanup();
});

describe('a plan on a pull request from a fork (GitHub issues no OIDC token)', () => {
  it('reads the hosts anonymously, reports what it cannot read as not checked, warns per host, and passes', async () => {
    const { r, config } = await run('fork', FORK_PR);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ failed: '0', 'exit-code': '0', 'would-copy': '1' });
    const warnings = r.annotations.filter((a) => a.props.title?.startsWith('oci-mirror: no OIDC token for'));
    expect(warnings.map((w) => [w.level, w.props.file, w.props.line])).toEqual([
      ['warning', '.github/oci-mirror.yaml', String(lineOf(config, `- host: ${pub.host}`))],
      ['warning', '.github/oci-mirror.yaml', String(lineOf(config, `- host: ${priv.host}`))],
    ]);
    expect(warnings[1]?.message).toBe(
      `${priv.host} authenticates with the OIDC ID token (\`credential.provider: github\`), which this job cannot have: this is a pull request from a fork: GitHub does not issue OIDC tokens to workflows of pull requests from forks; the nightly/push run checks this host, or skip the step for forks with \`if: github.event.pull_request.head.repo.fork == false\`. This plan reads ${priv.host} anonymously; what it cannot read is reported as not checked, not failed.`,
    );
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);

    // The public source was read anonymously: `public` is planned, `app` is not checked on `priv`.
    const rep = report(r);
    expect(rep.summary).toMatchObject({ notChecked: 1, wouldCopy: 1, failed: 0 });
    const app = rep.results.find((e: { name: string }) => e.name === 'app');
    expect(app.notChecked).toMatch(
      new RegExp(
        `^${priv.host.replace(/\./g, '\\.')} was read anonymously because this job has no OIDC ID token \\(this is a pull request from a fork: .*\\); 2 tags not checked$`,
      ),
    );

    // Summary and comment: the headline says partly checked and why; the not-checked entry comes
    // first with its reason; the planned one after it.
    for (const md of [r.summary, r.outputs['plan-markdown'] as string]) {
      expect(md).toContain('## oci-mirror (dry run) — ⏸️ partly checked');
      expect(md).toContain(
        '1 of 2 entries could not be checked: this run has no credentials for some hosts (a pull request from a fork or from Dependabot gets no secrets and no OIDC token; the warnings say which host and why). That is not a failure',
      );
      const notChecked = md.indexOf('**not checked:**');
      expect(notChecked).toBeGreaterThan(0);
      expect(md.indexOf('would copy', notChecked)).toBeGreaterThan(notChecked);
    }
    const order = (md: string, a: string, b: string) => {
      expect(md.indexOf(a)).toBeGreaterThan(0);
      expect(md.indexOf(a)).toBeLessThan(md.indexOf(b));
    };
    order(r.summary, '#### ⏸️ `app` — 1 not checked', '#### 🔜 `public` — 1 would copy');
    order(
      r.outputs['plan-markdown'] as string,
      '<summary>⏸️ <code>app</code> — 1 not checked',
      '<summary>🔜 <code>public</code> — 1 would copy',
    );
    expect(r.outputs['plan-markdown']).toContain('<details open><summary>⏸️ <code>app</code> — 1 not checked');
  });

  it('says "not checked" on the first screen when nothing could be checked (only private hosts)', async () => {
    const { r } = await run('fork-all', FORK_PR, {}, { only: '^app$' });
    expect(r.code).toBe(0);
    const first = r.summary.split('\n').slice(0, 5).join('\n');
    expect(first).toMatch(
      /^## oci-mirror \(dry run\) — ⏸️ not checked\n\n\*\*1 entry not checked\*\* — 1 entry in /,
    );
    expect(first).toContain(
      'Nothing could be checked: this run has no credentials for the hosts involved (a pull request from a fork or from Dependabot gets no secrets and no OIDC token; the warnings say which host and why). That is not a failure: the run on the default branch checks them.',
    );
    expect(r.summary).not.toContain('✅ clean');
  });

  it('a sync (dry-run: false) on a fork cannot authenticate: a config error on the host lines', async () => {
    const { r } = await run('fork-sync', FORK_PR, {}, { 'dry-run': 'false' });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('3');
    const errors = r.annotations.filter((a) => a.level === 'error' && a.props.file);
    expect(errors).toHaveLength(2);
    expect(errors[0]?.message).toContain('a sync (dry-run: false) cannot run here');
  });
});

describe('a plan triggered by Dependabot', () => {
  it('is a warning naming Dependabot and the permission it lacks, and passes', async () => {
    const { r } = await run(
      'dependabot',
      { name: 'pull_request', payload: pr('acme/mirror') },
      {
        GITHUB_ACTOR: 'dependabot[bot]',
      },
    );
    expect(r.code).toBe(0);
    const w = r.annotations.find((a) => a.props.title === `oci-mirror: no OIDC token for ${priv.host}`);
    expect(w?.level).toBe('warning');
    expect(w?.message).toContain(
      "this run was triggered by Dependabot, which gets a read-only token and no OIDC token unless the workflow grants `permissions: id-token: write`; grant it in the workflow, or skip the step for Dependabot with `if: github.actor != 'dependabot[bot]'`",
    );
    expect(report(r).summary).toMatchObject({ notChecked: 1, wouldCopy: 1, failed: 0 });
  });
});

describe('a job that could have the token but lacks `permissions: id-token: write`', () => {
  it('pull_request_target (base repository context, even for a fork): a config error with the remedy', async () => {
    const { r, config } = await run('target', { name: 'pull_request_target', payload: pr('someone/fork') });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('3');
    const errors = r.annotations.filter((a) => a.level === 'error' && a.props.file);
    expect(errors.map((e) => e.props.line)).toEqual([
      String(lineOf(config, `- host: ${pub.host}`)),
      String(lineOf(config, `- host: ${priv.host}`)),
    ]);
    expect(errors[0]?.message).toContain(
      `hosts[0]: ${pub.host} authenticates with the OIDC ID token (\`credential.provider: github\`), but this job has none`,
    );
    expect(errors[0]?.message).toContain(
      'grant the job `permissions: id-token: write` (pull_request_target runs in the base repository, so GitHub issues the token there once it is granted)',
    );
    expect(r.summary).toMatch(/^## oci-mirror — ❌ invalid config\n\n2 problems; nothing was copied\./);
    expect(r.summary).toContain(
      '<br>**Hint:** ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set',
    );
  });

  it('a same-repository push: a config error, nothing copied', async () => {
    const { r } = await run('push', { name: 'push', payload: { ref: 'refs/heads/main' } });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('3');
    expect(r.outputs.copied).toBeUndefined();
    const e = r.annotations.find((a) => a.level === 'error' && a.props.file);
    expect(e?.message).toContain(
      'grant the job `permissions: id-token: write`; a reusable workflow needs it granted',
    );
    expect(e?.message).not.toContain('pull_request_target');
    expect(r.annotations.some((a) => a.level === 'warning' && a.props.title?.includes('OIDC'))).toBe(false);
  });
});

describe('a plan whose token request the runner refuses at run time', () => {
  it('reads the host anonymously, warns that the token was refused, and passes', async () => {
    const { r, config } = await run(
      'refused',
      { name: 'pull_request', payload: pr('acme/mirror') },
      {
        ...issuer.env,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-request-token',
      },
    );
    expect(r.code).toBe(0);
    // The endpoint was asked (once per host, then the host is anonymous for the rest of the run).
    expect(issuer.requests.length).toBeGreaterThanOrEqual(1);
    const w = r.annotations.find((a) => a.props.title === `oci-mirror: OIDC token refused for ${priv.host}`);
    expect(w?.level).toBe('warning');
    expect(w?.props.line).toBe(String(lineOf(config, `- host: ${priv.host}`)));
    expect(w?.message).toContain('the Actions OIDC token endpoint answered HTTP 401');
    expect(w?.message).toContain('Grant the job `permissions: id-token: write` to check it.');
    const rep = report(r);
    expect(rep.summary).toMatchObject({ notChecked: 1, failed: 0 });
    expect(rep.results.find((e: { name: string }) => e.name === 'app').notChecked).toMatch(
      /was read anonymously because the OIDC ID token was refused \(.*HTTP 401/,
    );
    // Registered as a secret (masked), never printed otherwise.
    expect(r.stdout.replace('::add-mask::not-the-request-token', '')).not.toContain('not-the-request-token');
  });
});
