/**
 * End to end: a local OIDC issuer stands in for ACTIONS_ID_TOKEN_REQUEST_URL, local STS/ECR and
 * Entra/ACR exchanges turn its token into registry credentials, the real registry's token server
 * accepts them, and `sync()` mirrors. Then expiry and refresh with an injected clock, and no token
 * in any output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createSession } from '../../src/sync/session.js';
import { sync } from '../../src/sync/sync.js';
import { type AwsFake, startAwsFake } from '../fakes/aws.js';
import { type AzureFake, fakeJwt, startAzureFake } from '../fakes/azure.js';
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

const SUBJECT = 'repo:octo-org/mirror:ref:refs/heads/main';
const ROLE = 'arn:aws:iam::123456789012:role/mirror';
const ECR_PASSWORD = 'ecr-registry-password-7f3a';
const NULL_GUID = '00000000-0000-0000-0000-000000000000';

let clock = Date.now();
const now = () => clock;
let issuer: OidcIssuer;
let aws: AwsFake;
let azure: AzureFake;
let src: TestRegistry;
let ecrDst: TestRegistry;
let acrDst: TestRegistry;
let dir: TempDir;
// The ACR refresh token the fake hands out, registered as the null-GUID user's password.
const acrRefresh = fakeJwt({ iss: 'Azure Container Registry', exp: Math.floor(Date.now() / 1000) + 10_800 });

beforeAll(async () => {
  issuer = await startOidcIssuer({ subject: SUBJECT, now });
  [ecrDst, acrDst, src] = await Promise.all([
    startRegistry({ auth: 'token', users: { AWS: ECR_PASSWORD } }),
    startRegistry({ auth: 'token', users: { [NULL_GUID]: acrRefresh } }),
    startRegistry(),
  ]);
  [aws, azure] = await Promise.all([
    startAwsFake({
      issuer,
      roleArn: ROLE,
      subject: SUBJECT,
      region: 'eu-west-1',
      password: ECR_PASSWORD,
      now,
    }),
    startAzureFake({
      issuer,
      tenantId: 'tenant-1',
      clientId: 'client-1',
      subject: SUBJECT,
      registry: acrDst.host,
      refreshToken: () => acrRefresh,
      now,
    }),
  ]);
  for (const tag of ['1.0.0', '1.1.0']) {
    const img = buildImage({
      seed: `app:${tag}`,
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      index: false,
    });
    await pushContent(src, 'team/app', tag, img);
  }
  dir = tempDir('auth-oidc-');
});
afterAll(async () => {
  dir?.cleanup();
  await Promise.all([issuer?.stop(), aws?.stop(), azure?.stop()]);
  await stopAll();
});

async function config(tags: string[]) {
  const file = join(dir.path, 'mirror.yaml');
  writeFileSync(
    file,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destinations: [${ecrDst.host}/mirror/app, ${acrDst.host}/mirror/app]
    selector:
      tags: [${tags.join(', ')}]
hosts:
  - host: ${ecrDst.host}
    provider: ecr
    roleArn: ${ROLE}
    region: eu-west-1
  - host: ${acrDst.host}
    provider: acr
    tenantId: tenant-1
    clientId: client-1
`,
  );
  return loadConfig({ path: file, env: {} });
}

const endpoints = () => ({ ...aws.endpoints, ...azure.endpoints });

/** The failures of a run, for assertion messages. */
const failures = (r: Awaited<ReturnType<typeof sync>>) =>
  JSON.stringify(r.entries.flatMap((e) => [e.error, ...e.tags.map((t) => t.error)]).filter(Boolean));

describe('OIDC → cloud exchange → real token server → sync', () => {
  it('mirrors to both registries with exchanged credentials, then refreshes them after expiry', async () => {
    const events: string[] = [];
    const session = createSession(await config(['1.0.0']), {
      env: issuer.env,
      endpoints: endpoints(),
      now,
      dockerConfig: false,
    });
    try {
      const first = await sync(await config(['1.0.0']), {
        session,
        onEvent: (e) => events.push(JSON.stringify(e)),
      });
      expect(first.summary.failed, failures(first)).toBe(0);
      expect(first.summary.copied).toBe(2);
      // One STS + one ECR call; one Entra + one ACR exchange; the token servers saw AWS and the null GUID.
      expect(aws.requests.map((r) => r.url.pathname)).toEqual(['/sts/', '/ecr/']);
      expect(azure.requests.map((r) => r.url.pathname)).toEqual([
        '/tenant-1/oauth2/v2.0/token',
        '/oauth2/exchange',
      ]);
      expect(ecrDst.tokenServer?.requests.some((r) => r.account === 'AWS' && r.status === 200)).toBe(true);
      expect(acrDst.tokenServer?.requests.some((r) => r.account === NULL_GUID && r.status === 200)).toBe(
        true,
      );
      // The OIDC token was requested for each provider's audience.
      expect(issuer.requests.map((r) => r.url.searchParams.get('audience')).sort()).toEqual([
        'api://AzureADTokenExchange',
        'sts.amazonaws.com',
      ]);

      // Still fresh 20 minutes later (1 h session → refresh at 30 min): no new exchange.
      clock += 20 * 60_000;
      const second = await sync(await config(['1.0.0', '1.1.0']), { session });
      expect(second.summary.failed, failures(second)).toBe(0);
      expect(aws.requests).toHaveLength(2);

      // 40 minutes on, past half of the role session: STS and ECR are asked again.
      clock += 20 * 60_000;
      const third = await sync(await config(['1.0.0', '1.1.0']), { session });
      expect(third.summary.failed, failures(third)).toBe(0);
      expect(aws.requests.map((r) => r.url.pathname)).toEqual(['/sts/', '/ecr/', '/sts/', '/ecr/']);
      // ACR's refresh token lives 3 h: not exchanged again yet.
      expect(azure.requests).toHaveLength(2);

      // No token, key or password appears in any output.
      const output = [...events, JSON.stringify([first, second, third])].join('\n');
      const secrets = [
        ECR_PASSWORD,
        acrRefresh,
        issuer.requestToken,
        ...issuer.issued,
        ...[...aws.sessions.values()].flatMap((s) => [s.secretAccessKey, s.sessionToken]),
        ...azure.aadTokens,
      ];
      for (const s of secrets) expect(output).not.toContain(s);
    } finally {
      await session.close();
    }
  });

  it('without id-token: write the failure says so, and the row carries it', async () => {
    const result = await sync(await config(['1.0.0']), {
      env: { GITHUB_ACTIONS: 'true' },
      endpoints: endpoints(),
      dockerConfig: false,
    });
    expect(result.summary.failed).toBeGreaterThan(0);
    expect(JSON.stringify(result.entries)).toContain('permissions: id-token: write');
  });

  it('a plan on a fork (no ID token) reads the hosts anonymously: not checked, not failed; a sync still fails', async () => {
    const event = join(dir.path, 'fork-event.json');
    writeFileSync(
      event,
      JSON.stringify({ pull_request: { head: { repo: { full_name: 'someone/fork', fork: true } } } }),
    );
    const env = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event };
    const plan = await sync(await config(['1.0.0']), {
      env,
      endpoints: endpoints(),
      dockerConfig: false,
      dryRun: true,
    });
    expect(plan.summary.failed, failures(plan)).toBe(0);
    expect(plan.summary.notChecked).toBe(1);
    expect(plan.anonymousHosts?.map((h) => h.host).sort()).toEqual([acrDst.host, ecrDst.host].sort());
    expect(plan.entries[0]?.notChecked).toContain(
      'was read anonymously because the OIDC ID token was refused (this is a pull request from a fork',
    );
    // A real sync in the same environment still fails: it cannot mirror without credentials.
    const real = await sync(await config(['1.0.0']), { env, endpoints: endpoints(), dockerConfig: false });
    expect(real.summary.failed).toBeGreaterThan(0);
    expect(real.anonymousHosts).toBeUndefined();
    // A same-repository plan without `id-token: write` is a setup error, not "not checked".
    const push = await sync(await config(['1.0.0']), {
      env: { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' },
      endpoints: endpoints(),
      dockerConfig: false,
      dryRun: true,
    });
    expect(push.summary.failed).toBeGreaterThan(0);
    expect(JSON.stringify(push.entries)).toContain('permissions: id-token: write');
  });

  it('a subject the trust policy does not allow fails with STS AccessDenied and its remedy', async () => {
    issuer.extraClaims.sub = 'repo:evil/fork:pull_request';
    try {
      const result = await sync(await config(['1.0.0']), {
        env: issuer.env,
        endpoints: endpoints(),
        dockerConfig: false,
      });
      const text = JSON.stringify(result.entries);
      expect(text).toContain('AccessDenied');
      expect(text).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity');
      expect(text).toContain('repo:evil/fork:pull_request');
      expect(text).toContain('AADSTS70021');
      for (const t of issuer.issued) expect(text).not.toContain(t);
    } finally {
      delete issuer.extraClaims.sub;
    }
  });
});
