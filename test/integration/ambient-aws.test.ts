/**
 * `provider: ecr` with no `roleArn`: AWS's default credential chain through the official
 * @aws-sdk/credential-providers (loaded on demand), one test per chain link, each pointed at a
 * local protocol-faithful fake only through the environment variables the SDK reads
 * (AWS_ENDPOINT_URL_STS, AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_EC2_METADATA_SERVICE_ENDPOINT,
 * AWS_CONFIG_FILE…). The fake ECR recomputes SigV4 with the secret each link issued, so only the
 * credentials that link produced can get the registry password. Plus `credential.provider: aws`:
 * the signed GetCallerIdentity envelope, verified the way a registry would (re-signing it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import aws4 from 'aws4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EcrProvider } from '../../src/auth/providers/ecr.js';
import type { ProviderContext } from '../../src/auth/providers/index.js';
import { AwsCallerIdentityProvider } from '../../src/auth/providers/workload.js';
import { loadConfig } from '../../src/config/index.js';
import { renderJson, toReport } from '../../src/report/envelope.js';
import { validateReport } from '../../src/report/schema.js';
import { renderSummaryLine } from '../../src/report/text.js';
import { sync } from '../../src/sync/sync.js';
import { type AwsFake, startAwsFake } from '../fakes/aws.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { type FakeServer, startFake } from '../fakes/server.js';
import {
  buildImage,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { providerContext } from './util.js';

const ROLE = 'arn:aws:iam::123456789012:role/irsa-mirror';
const SUBJECT = 'system:serviceaccount:mirror:oci-mirror';
const ECR_PASSWORD = 'ecr-password-ambient';
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

let issuer: OidcIssuer;
let aws: AwsFake;
let metadata: FakeServer;
let dir: TempDir;
let src: TestRegistry;
let dst: TestRegistry;
const saved = { ...process.env };

/** Session credentials the fake ECR accepts, issued by one of the metadata endpoints below. */
function issueSession() {
  const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(20).toString('base64');
  const sessionToken = `FwoG${randomBytes(32).toString('base64')}`;
  aws.sessions.set(accessKeyId, { secretAccessKey, sessionToken });
  return { accessKeyId, secretAccessKey, sessionToken };
}

const CONTAINER_TOKEN = `pod-identity-${randomBytes(8).toString('hex')}`;
const imdsTokens = new Set<string>();

beforeAll(async () => {
  issuer = await startOidcIssuer({ subject: SUBJECT });
  aws = await startAwsFake({
    issuer,
    roleArn: ROLE,
    subject: SUBJECT,
    region: 'eu-west-1',
    password: ECR_PASSWORD,
  });
  // ECS/EKS container credentials endpoint and EC2 IMDSv2, as the SDK speaks to them.
  metadata = await startFake((req) => {
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    if (req.url.pathname === '/container-credentials') {
      if (req.headers.authorization !== CONTAINER_TOKEN)
        return { status: 401, body: { message: 'bad token' } };
      const s = issueSession();
      return {
        status: 200,
        body: {
          AccessKeyId: s.accessKeyId,
          SecretAccessKey: s.secretAccessKey,
          Token: s.sessionToken,
          Expiration: expiration,
        },
      };
    }
    if (req.url.pathname === '/latest/api/token') {
      const ttl = Number(req.headers['x-aws-ec2-metadata-token-ttl-seconds']);
      if (req.method !== 'PUT' || !(ttl >= 1 && ttl <= 21600))
        return { status: 400, body: 'IMDSv2 token request must be a PUT with a TTL' };
      const token = randomBytes(16).toString('hex');
      imdsTokens.add(token);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: token };
    }
    if (req.url.pathname.startsWith('/latest/meta-data/iam/security-credentials/')) {
      if (!imdsTokens.has(String(req.headers['x-aws-ec2-metadata-token'])))
        return { status: 401, body: 'IMDSv2 session token required' };
      const role = req.url.pathname.slice('/latest/meta-data/iam/security-credentials/'.length);
      if (role === '')
        return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'instance-role' };
      if (role !== 'instance-role') return { status: 404, body: 'not found' };
      const s = issueSession();
      return {
        status: 200,
        body: {
          Code: 'Success',
          Type: 'AWS-HMAC',
          AccessKeyId: s.accessKeyId,
          SecretAccessKey: s.secretAccessKey,
          Token: s.sessionToken,
          Expiration: expiration,
          LastUpdated: new Date().toISOString(),
        },
      };
    }
    return { status: 404, body: 'not found' };
  });
  dir = tempDir('ambient-aws-');
  [src, dst] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'token', users: { AWS: ECR_PASSWORD } }),
  ]);
  const img = buildImage({
    seed: 'ambient-aws',
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    index: false,
  });
  await pushContent(src, 'app', '1.0.0', img);
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([issuer?.stop(), aws?.stop(), metadata?.stop()]);
  dir?.cleanup();
  await stopAll();
});
afterEach(() => {
  process.env = { ...saved };
});

/**
 * The process environment the SDK sees: nothing from this machine (no keys, profiles, files,
 * and never the real instance metadata address), plus `vars`.
 */
function ambient(vars: Record<string, string>): void {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(saved)) if (!/^AWS_|^ECS_/.test(k)) env[k] = v;
  Object.assign(env, {
    AWS_CONFIG_FILE: join(dir.path, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir.path, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'eu-west-1',
    ...vars,
  });
  process.env = env;
}

function ctx(host = HOST): ProviderContext {
  return providerContext(host, { endpoints: aws.endpoints });
}

async function ecrPassword(): Promise<string | undefined> {
  const x = await new EcrProvider({ region: 'eu-west-1' }, ctx()).fetch();
  return x.credential.password;
}

describe('provider: ecr, ambient AWS identity (default chain)', () => {
  it('environment keys (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)', async () => {
    ambient({
      AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.longTerm.secretAccessKey,
    });
    expect(await ecrPassword()).toBe(ECR_PASSWORD);
  });

  it('shared config file with credential_process (AWS_PROFILE)', async () => {
    const s = issueSession();
    const script = join(dir.path, 'cred-process.sh');
    writeFileSync(
      script,
      `#!/bin/sh\ncat <<'EOF'\n${JSON.stringify({ Version: 1, AccessKeyId: s.accessKeyId, SecretAccessKey: s.secretAccessKey, SessionToken: s.sessionToken, Expiration: new Date(Date.now() + 3_600_000).toISOString() })}\nEOF\n`,
    );
    chmodSync(script, 0o755);
    writeFileSync(
      join(dir.path, 'config'),
      `[profile mirror]\nregion = eu-west-1\ncredential_process = ${script}\n`,
    );
    ambient({ AWS_CONFIG_FILE: join(dir.path, 'config'), AWS_PROFILE: 'mirror' });
    expect(await ecrPassword()).toBe(ECR_PASSWORD);
  });

  it('IAM Identity Center (SSO): sso-session in the shared config, cached token, GetRoleCredentials at AWS_ENDPOINT_URL_SSO', async () => {
    const home = join(dir.path, 'sso-home');
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const bearer = `aoa${randomBytes(24).toString('base64url')}`;
    // The SDK finds the login token in ~/.aws/sso/cache/<sha1(session name)>.json, as `aws sso login` writes it.
    writeFileSync(
      join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({
        startUrl: 'https://corp.awsapps.com/start',
        region: 'eu-west-1',
        accessToken: bearer,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        clientId: 'client-id',
        clientSecret: 'client-secret',
        registrationExpiresAt: new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        refreshToken: 'refresh',
      }),
    );
    writeFileSync(
      join(dir.path, 'sso-config'),
      `[profile mirror]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = MirrorRole
region = eu-west-1

[sso-session corp]
sso_region = eu-west-1
sso_start_url = https://corp.awsapps.com/start
sso_registration_scopes = sso:account:access
`,
    );
    // The SSO portal's GetRoleCredentials: GET /federation/credentials with the bearer header.
    const asked: string[] = [];
    const portal = await startFake((req) => {
      asked.push(`${req.method} ${req.url.pathname}?${req.url.searchParams}`);
      const denied = (status: number, type: string, message: string) => ({
        status,
        headers: { 'x-amzn-errortype': type },
        body: { message },
      });
      if (req.method !== 'GET' || req.url.pathname !== '/federation/credentials')
        return denied(404, 'ResourceNotFoundException', 'not found');
      if (req.headers['x-amz-sso_bearer_token'] !== bearer)
        return denied(401, 'UnauthorizedException', 'Session token not found or invalid');
      if (
        req.url.searchParams.get('account_id') !== '123456789012' ||
        req.url.searchParams.get('role_name') !== 'MirrorRole'
      )
        return denied(403, 'ForbiddenException', 'No access');
      const s = issueSession();
      return {
        status: 200,
        body: {
          roleCredentials: {
            accessKeyId: s.accessKeyId,
            secretAccessKey: s.secretAccessKey,
            sessionToken: s.sessionToken,
            expiration: Date.now() + 3_600_000,
          },
        },
      };
    });
    try {
      const env = {
        HOME: home,
        AWS_CONFIG_FILE: join(dir.path, 'sso-config'),
        AWS_PROFILE: 'mirror',
        AWS_ENDPOINT_URL_SSO: portal.url,
      };
      ambient(env);
      expect(await ecrPassword()).toBe(ECR_PASSWORD);
      expect(asked).toEqual(['GET /federation/credentials?account_id=123456789012&role_name=MirrorRole']);
      // Another role is refused by the portal, and the error names the chain. (A new file: the SDK
      // caches what it read per path.)
      writeFileSync(
        join(dir.path, 'sso-config-other'),
        `[profile mirror]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = OtherRole\nregion = eu-west-1\n\n[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\n`,
      );
      ambient({ ...env, AWS_CONFIG_FILE: join(dir.path, 'sso-config-other') });
      await expect(ecrPassword()).rejects.toThrow(/default chain \(tried .*SSO/);
    } finally {
      await portal.stop();
    }
  });

  it('web identity (IRSA): AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, STS at AWS_ENDPOINT_URL_STS', async () => {
    const tokenFile = join(dir.path, 'irsa-token');
    writeFileSync(tokenFile, issuer.mint({ aud: 'sts.amazonaws.com' }));
    ambient({
      AWS_ROLE_ARN: ROLE,
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      AWS_ROLE_SESSION_NAME: 'mirror-pod',
      AWS_ENDPOINT_URL_STS: aws.endpoints.sts,
    });
    const before = aws.sessions.size;
    expect(await ecrPassword()).toBe(ECR_PASSWORD);
    expect(aws.sessions.size).toBe(before + 1);
    // A token for another audience is refused by STS, and the error names the chain.
    writeFileSync(tokenFile, issuer.mint({ aud: 'someone-else' }));
    await expect(ecrPassword()).rejects.toThrow(/default chain \(tried environment.*web identity/);
  });

  it('EKS Pod Identity / ECS container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI + token file)', async () => {
    const tokenFile = join(dir.path, 'pod-identity-token');
    writeFileSync(tokenFile, CONTAINER_TOKEN);
    ambient({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${metadata.url}/container-credentials`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile,
    });
    expect(await ecrPassword()).toBe(ECR_PASSWORD);
  });

  it('EC2 instance metadata, IMDSv2 (AWS_EC2_METADATA_SERVICE_ENDPOINT)', async () => {
    ambient({ AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: metadata.url });
    expect(await ecrPassword()).toBe(ECR_PASSWORD);
  });

  it('no identity anywhere: the error names every link tried', async () => {
    ambient({});
    await expect(ecrPassword()).rejects.toThrow(
      /provider ecr: no AWS credentials from the default chain \(tried environment .*credential_process.*AWS_WEB_IDENTITY_TOKEN_FILE.*container credentials.*IMDSv2\)/,
    );
  });

  it('a flux-style host with no fields mirrors through the ambient identity end to end', async () => {
    const tokenFile = join(dir.path, 'irsa-token-2');
    writeFileSync(tokenFile, issuer.mint({ aud: 'sts.amazonaws.com' }));
    ambient({
      AWS_ROLE_ARN: ROLE,
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      AWS_ENDPOINT_URL_STS: aws.endpoints.sts,
    });
    const file = join(dir.path, 'mirror.yaml');
    writeFileSync(
      file,
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/app
    destinations: [${dst.host}/mirror/app]
    selector:
      tags: ["1.0.0"]
hosts:
  - host: ${dst.host}
    provider: ecr
    region: eu-west-1
`,
    );
    const result = await sync(await loadConfig({ path: file, env: {} }), {
      env: {},
      endpoints: aws.endpoints,
      dockerConfig: false,
      retries: 0,
    });
    expect(result.summary.copied, JSON.stringify(result.entries.map((e) => e.tags))).toBe(1);
  });
});

describe('credential.provider: aws (signed sts:GetCallerIdentity envelope)', () => {
  it('is a JWT-shaped envelope whose replayable request verifies with the caller key and pins the audience', async () => {
    ambient({
      AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.longTerm.secretAccessKey,
    });
    const provider = new AwsCallerIdentityProvider(
      { audience: 'registry.example.com' },
      ctx('registry.example.com'),
    );
    const x = await provider.fetch();
    const token = x.credential.registryToken ?? '';
    const [h, c, sig] = token.split('.');
    expect(sig).toBe('');
    expect(JSON.parse(Buffer.from(h ?? '', 'base64url').toString())).toEqual({
      alg: 'none',
      typ: 'aws-sigv4-getcalleridentity',
    });
    const claims = JSON.parse(Buffer.from(c ?? '', 'base64url').toString()) as {
      exp: number;
      aud: string;
      sts: { method: string; url: string; headers: Record<string, string[]>; body: string };
    };
    expect(claims.aud).toBe('registry.example.com');
    expect(claims.sts.method).toBe('POST');
    expect(claims.sts.url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(claims.sts.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    expect(claims.sts.headers['X-Audience']).toEqual(['registry.example.com']);
    expect(x.expiresAt).toBe(claims.exp * 1000);
    // What STS does with the replayed request: recompute the signature with the caller's secret.
    const auth = claims.sts.headers.Authorization?.[0] ?? '';
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
    expect(signedHeaders).toContain('x-audience');
    // Host and Content-Length travel outside Go's http.Header; a replay derives them from url and body.
    const headers: Record<string, string> = {
      host: 'sts.eu-west-1.amazonaws.com',
      'content-length': String(Buffer.byteLength(claims.sts.body)),
    };
    for (const name of signedHeaders)
      if (name !== 'host' && name !== 'content-length')
        headers[name] =
          Object.entries(claims.sts.headers).find(([k]) => k.toLowerCase() === name)?.[1]?.[0] ?? '';
    const resign = (secretAccessKey: string, audience = headers['x-audience'] ?? '') => {
      const signer = new aws4.RequestSigner(
        {
          host: 'sts.eu-west-1.amazonaws.com',
          path: '/',
          method: 'POST',
          service: 'sts',
          region: 'eu-west-1',
          body: claims.sts.body,
          headers: { ...headers, 'x-audience': audience },
          doNotModifyHeaders: true,
        },
        { accessKeyId: aws.longTerm.accessKeyId, secretAccessKey },
      );
      (signer as unknown as { datetime: string }).datetime = headers['x-amz-date'] ?? '';
      return String(signer.sign().headers?.Authorization ?? '');
    };
    expect(resign(aws.longTerm.secretAccessKey)).toBe(auth);
    expect(resign('wrong-secret')).not.toBe(auth);
    // Replaying it for another registry breaks the signature.
    expect(resign(aws.longTerm.secretAccessKey, 'other.example.com')).not.toBe(auth);
  });
});

describe('createRepositories (ECR has no create-on-push)', () => {
  async function run(path: string, field: boolean, extra: { createRepositories?: boolean } = {}) {
    ambient({
      AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.longTerm.secretAccessKey,
    });
    const file = join(dir.path, `create-${path.replace(/\W/g, '-')}.yaml`);
    writeFileSync(
      file,
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/app
    destinations: [${dst.host}/${path}]
    selector:
      tags: ["1.0.0"]
hosts:
  - host: ${dst.host}
    provider: ecr
    region: eu-west-1
${field ? '    createRepositories: true\n' : ''}`,
    );
    const logs: string[] = [];
    const result = await sync(await loadConfig({ path: file, env: {} }), {
      env: {},
      endpoints: aws.endpoints,
      dockerConfig: false,
      retries: 0,
      jobRetries: 0,
      ...extra,
      onEvent: (e) => {
        if (e.type === 'log') logs.push(e.message);
      },
    });
    return { result, logs };
  }

  it('creates the missing repository with a signed CreateRepository before the push, once', async () => {
    const { result, logs } = await run('team/created', true);
    expect(result.summary.copied, JSON.stringify(result.entries.map((e) => e.tags))).toBe(1);
    expect(aws.repositories).toContain('team/created');
    expect(logs).toContain(`${dst.host}/team/created: created the repository (ECR CreateRepository)`);
    // The report lists it (and validates against its schema), and so does the summary line.
    expect(result.createdRepositories).toEqual([`${dst.host}/team/created`]);
    const doc = toReport(result, { reporter: { name: 'oci-mirror', version: 'test' } });
    expect(doc.report.createdRepositories).toEqual([`${dst.host}/team/created`]);
    expect(validateReport(JSON.parse(renderJson(doc)))).toEqual([]);
    expect(renderSummaryLine(result)).toContain('; 1 repository created');
    // Already there: RepositoryAlreadyExistsException is fine, nothing is reported as created.
    const again = await run('team/created', true, {});
    expect(again.result.summary.failed).toBe(0);
    expect(again.logs.some((l) => l.includes('created the repository'))).toBe(false);
    expect(again.result.createdRepositories).toBeUndefined();
    expect(
      toReport(again.result, { reporter: { name: 'oci-mirror', version: 'test' } }).report,
    ).not.toHaveProperty('createdRepositories');
    expect(aws.repositories.filter((r) => r === 'team/created')).toHaveLength(1);
  });

  it('--create-repositories applies to every ecr host; without it nothing is created', async () => {
    await run('flag/off', false);
    expect(aws.repositories).not.toContain('flag/off');
    const { result } = await run('flag/on', false, { createRepositories: true });
    expect(result.summary.copied).toBe(1);
    expect(aws.repositories).toContain('flag/on');
  });

  it('a chart published to an ECR host gets its repository created too', async () => {
    ambient({
      AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.longTerm.secretAccessKey,
    });
    const chart = join(dir.path, 'charts', 'mini');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: mini\nversion: 0.1.0\n');
    writeFileSync(
      join(chart, 'templates', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mini\n',
    );
    const file = join(dir.path, 'create-chart.yaml');
    writeFileSync(
      file,
      `apiVersion: oci-mirror/v1
kind: Config
charts:
  - name: mini
    source: ./charts/mini
    destination: oci://${dst.host}/helm
hosts:
  - host: ${dst.host}
    provider: ecr
    region: eu-west-1
    createRepositories: true
`,
    );
    const result = await sync(await loadConfig({ path: file, env: {} }), {
      env: {},
      endpoints: aws.endpoints,
      dockerConfig: false,
      retries: 0,
      jobRetries: 0,
    });
    expect(result.summary.copied, JSON.stringify(result.entries)).toBe(1);
    expect(aws.repositories).toContain('helm/mini');
    expect(result.createdRepositories).toEqual([`${dst.host}/helm/mini`]);
  });

  it('a role without ecr:CreateRepository fails the tag, naming the permission', async () => {
    aws.denyCreate = true;
    try {
      const { result } = await run('denied/app', true);
      expect(result.summary.failed).toBe(1);
      expect(result.entries[0]?.tags[0]?.error?.message).toMatch(
        /ECR CreateRepository .*AccessDeniedException.*the role needs `ecr:CreateRepository`/,
      );
    } finally {
      aws.denyCreate = false;
    }
  });
});
