/** Each exchange against a local fake that speaks (and rejects like) the provider's protocol. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialError } from '../../../src/auth/errors.js';
import { githubIdTokenSource } from '../../../src/auth/oidc.js';
import { AcrProvider } from '../../../src/auth/providers/acr.js';
import { DockerHubProvider } from '../../../src/auth/providers/dockerhub.js';
import { EcrProvider, ecrRegion } from '../../../src/auth/providers/ecr.js';
import { GarProvider } from '../../../src/auth/providers/gar.js';
import { GhcrProvider } from '../../../src/auth/providers/ghcr.js';
import { GithubOidcProvider } from '../../../src/auth/providers/github.js';
import { JfrogProvider } from '../../../src/auth/providers/jfrog.js';
import { QuayProvider } from '../../../src/auth/providers/quay.js';
import type { ProviderContext, ProviderEndpoints } from '../../../src/auth/providers/types.js';
import { Transport } from '../../../src/oci/transport.js';
import { redact } from '../../../src/secrets.js';
import { type AwsFake, startAwsFake } from '../../fakes/aws.js';
import { type AzureFake, startAzureFake } from '../../fakes/azure.js';
import { type GcpFake, startGcpFake } from '../../fakes/gcp.js';
import { type OidcIssuer, startOidcIssuer } from '../../fakes/oidc-issuer.js';
import { type RegistryFakes, startRegistryFakes } from '../../fakes/registries.js';

const SUBJECT = 'repo:octo-org/mirror:ref:refs/heads/main';
const ROLE = 'arn:aws:iam::123456789012:role/mirror';
const WIP = 'projects/123456/locations/global/workloadIdentityPools/gh/providers/actions';
const SA = 'mirror@proj.iam.gserviceaccount.com';

let issuer: OidcIssuer;
let aws: AwsFake;
let gcp: GcpFake;
let azure: AzureFake;
let others: RegistryFakes;
const transport = new Transport({ retry: { attempts: 1 } });

beforeAll(async () => {
  issuer = await startOidcIssuer({ subject: SUBJECT });
  [aws, gcp, azure, others] = await Promise.all([
    startAwsFake({
      issuer,
      roleArn: ROLE,
      subject: SUBJECT,
      region: 'eu-west-1',
      password: 'ecr-password-1',
    }),
    startGcpFake({ issuer, provider: WIP, subject: SUBJECT, serviceAccount: SA }),
    startAzureFake({
      issuer,
      tenantId: 'tenant-1',
      clientId: 'client-1',
      subject: SUBJECT,
      registry: 'myreg.azurecr.io',
    }),
    startRegistryFakes({
      issuer,
      subject: SUBJECT,
      jfrogProvider: 'github',
      quayRobot: 'org+ci',
      dockerConnection: 'conn-1',
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([issuer, aws, gcp, azure, others].map((s) => s.stop()));
  await transport.close();
});

function ctx(
  host: string,
  over: { env?: NodeJS.ProcessEnv; endpoints?: ProviderEndpoints } = {},
): ProviderContext {
  const env = over.env ?? issuer.env;
  return {
    host,
    transport,
    env,
    now: Date.now,
    endpoints: over.endpoints ?? {
      ...aws.endpoints,
      ...gcp.endpoints,
      ...azure.endpoints,
      ...others.endpoints,
    },
    idToken: githubIdTokenSource(transport, env),
  };
}

async function failure(p: Promise<unknown>): Promise<CredentialError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CredentialError);
  return err as CredentialError;
}

describe('ecr', () => {
  const host = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

  it('reads the region from the host', () => {
    expect(ecrRegion(host)).toBe('eu-west-1');
    expect(ecrRegion('123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn')).toBe('cn-north-1');
    expect(ecrRegion('ghcr.io')).toBeUndefined();
  });

  it('assumes the role with the OIDC token (unsigned STS form), signs GetAuthorizationToken, decodes AWS:password', async () => {
    const before = aws.requests.length;
    const x = await new EcrProvider({ roleArn: ROLE }, ctx(host)).fetch();
    expect(x.credential).toEqual({ username: 'AWS', password: 'ecr-password-1' });
    // 12 h token, but not beyond the 1 h role session.
    expect(x.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(x.expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    const [sts, ecr] = aws.requests.slice(before);
    expect(sts?.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(sts?.body).get('RoleSessionName')).toBe('oci-mirror');
    expect(ecr?.headers['x-amz-security-token']).toBeDefined();
    expect(ecr?.headers.authorization).toMatch(
      /Credential=ASIA[0-9A-F]+\/\d{8}\/eu-west-1\/ecr\/aws4_request/,
    );
    expect(
      redact(`${ecr?.headers.authorization} ${ecr?.headers['x-amz-security-token']} ecr-password-1`),
    ).not.toMatch(/ecr-password-1|FwoG/);
  });

  it('uses ambient AWS credentials from the environment when no role is set', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.longTerm.secretAccessKey,
    };
    const x = await new EcrProvider({}, ctx(host, { env })).fetch();
    expect(x.credential.password).toBe('ecr-password-1');
  });

  it('a wrong secret key fails the SigV4 check with InvalidSignatureException', async () => {
    const env = { AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId, AWS_SECRET_ACCESS_KEY: 'wrong-secret-key' };
    const err = await failure(new EcrProvider({}, ctx(host, { env })).fetch());
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.status).toBe(403);
  });

  it('a region the signature was not scoped for is refused', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.longTerm.secretAccessKey,
    };
    const err = await failure(new EcrProvider({ region: 'us-west-2' }, ctx(host, { env })).fetch());
    expect(err.code).toBe('InvalidSignatureException');
  });

  it('ECR Public signs for ecr-public in us-east-1 and reads the object-shaped response', async () => {
    const before = aws.requests.length;
    const x = await new EcrProvider({ roleArn: ROLE }, ctx('public.ecr.aws')).fetch();
    expect(x.credential).toEqual({ username: 'AWS', password: 'ecr-password-1' });
    expect(aws.requests.at(-1)?.headers['x-amz-target']).toBe('SpencerFrontendService.GetAuthorizationToken');
    expect(aws.requests.at(-1)?.headers.authorization).toMatch(/\/us-east-1\/ecr-public\/aws4_request/);
    expect(aws.requests.length - before).toBe(2);
  });

  it('STS AccessDenied carries the code, the message and the trust-policy remedy with the token subject', async () => {
    const err = await failure(
      new EcrProvider({ roleArn: 'arn:aws:iam::123456789012:role/other' }, ctx(host)).fetch(),
    );
    expect(err.code).toBe('AccessDenied');
    expect(err.message).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(err.message).toContain('trust policy');
    expect(err.message).toContain(`sub "${SUBJECT}"`);
  });

  it('an audience the trust policy does not expect is AccessDenied', async () => {
    const err = await failure(new EcrProvider({ roleArn: ROLE, audience: 'other' }, ctx(host)).fetch());
    expect(err.code).toBe('AccessDenied');
    expect(err.message).toContain('aud "other"');
  });

  it('says how to fix a missing region, role and credentials', async () => {
    expect(
      (await failure(new EcrProvider({ roleArn: ROLE }, ctx('reg.example.com')).fetch())).message,
    ).toContain('set `region`');
    expect((await failure(new EcrProvider({}, ctx(host, { env: {} })).fetch())).message).toContain(
      'AWS_ACCESS_KEY_ID',
    );
  });
});

describe('gar', () => {
  it('federates through Google STS, impersonates the service account, logs in as oauth2accesstoken', async () => {
    const x = await new GarProvider(
      { workloadIdentityProvider: WIP, serviceAccount: SA },
      ctx('europe-docker.pkg.dev'),
    ).fetch();
    expect(x.credential.username).toBe('oauth2accesstoken');
    expect(gcp.accessTokens.has(x.credential.password ?? '')).toBe(true);
    expect(x.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('without a service account the federated token is the password', async () => {
    const x = await new GarProvider({ workloadIdentityProvider: WIP }, ctx('europe-docker.pkg.dev')).fetch();
    expect(gcp.federated.has(x.credential.password ?? '')).toBe(true);
  });

  it('a subject the attribute condition refuses is reported with the OAuth error', async () => {
    const other = 'projects/123456/locations/global/workloadIdentityPools/gh/providers/other';
    const err = await failure(
      new GarProvider({ workloadIdentityProvider: other }, ctx('europe-docker.pkg.dev')).fetch(),
    );
    expect(err.code).toBe('invalid_target');
  });

  it('a service account the pool may not impersonate gets the IAM remedy', async () => {
    const err = await failure(
      new GarProvider(
        { workloadIdentityProvider: WIP, serviceAccount: 'x@p.iam.gserviceaccount.com' },
        ctx('gcr.io'),
      ).fetch(),
    );
    expect(err.message).toContain("Permission 'iam.serviceAccounts.getAccessToken' denied");
    expect(err.message).toContain('roles/iam.workloadIdentityUser');
  });
});

describe('acr', () => {
  it('Entra client assertion → ACR exchange → null-GUID user with the refresh token, expiring at its exp', async () => {
    const x = await new AcrProvider(
      { tenantId: 'tenant-1', clientId: 'client-1' },
      ctx('myreg.azurecr.io'),
    ).fetch();
    expect(x.credential.username).toBe('00000000-0000-0000-0000-000000000000');
    expect(x.expiresAt).toBeGreaterThan(Date.now() + 10_000_000);
    const exchange = azure.requests.at(-1);
    expect(new URLSearchParams(exchange?.body).get('service')).toBe('myreg.azurecr.io');
  });

  it('AADSTS70021 (no matching federated credential) names the remedy and the token claims', async () => {
    const err = await failure(
      new AcrProvider(
        { tenantId: 'tenant-1', clientId: 'client-1', audience: 'api://wrong' },
        ctx('myreg.azurecr.io'),
      ).fetch(),
    );
    expect(err.code).toBe('invalid_client');
    expect(err.message).toContain('AADSTS70021');
    expect(err.message).toContain('no federated identity credential');
  });

  it('an unknown client id is AADSTS700016', async () => {
    const err = await failure(
      new AcrProvider({ tenantId: 'tenant-1', clientId: 'nope' }, ctx('myreg.azurecr.io')).fetch(),
    );
    expect(err.message).toContain('AADSTS700016');
  });
});

describe('jfrog, quay, dockerhub, ghcr, github', () => {
  it('jfrog: provider_name exchange → username from the response', async () => {
    const x = await new JfrogProvider({ providerName: 'github' }, ctx('acme.jfrog.io')).fetch();
    expect(x.credential.username).toBe('ci-bot');
    const err = await failure(new JfrogProvider({ providerName: 'nope' }, ctx('acme.jfrog.io')).fetch());
    expect(err.status).toBe(404);
    expect(err.message).toContain('Provider nope not found');
  });

  it('quay: Basic robot:OIDC token → robot token', async () => {
    const x = await new QuayProvider({ robot: 'org+ci' }, ctx('quay.io')).fetch();
    expect(x.credential.username).toBe('org+ci');
    expect(x.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    const err = await failure(new QuayProvider({ robot: 'org+other' }, ctx('quay.io')).fetch());
    expect(err.message).toContain('Robot org+other not found');
  });

  it('dockerhub: connection_id exchange with the identity.docker.com audience → org / token', async () => {
    const x = await new DockerHubProvider(
      { organization: 'acme', connectionId: 'conn-1' },
      ctx('docker.io'),
    ).fetch();
    expect(x.credential).toMatchObject({ username: 'acme' });
    expect(x.credential.password).toMatch(/^dckr_oat_/);
    const err = await failure(
      new DockerHubProvider(
        { organization: 'acme', connectionId: 'conn-1', audience: 'x' },
        ctx('docker.io'),
      ).fetch(),
    );
    expect(err.status).toBe(401);
  });

  it('ghcr: GITHUB_TOKEN and the actor', async () => {
    const x = await new GhcrProvider(
      {},
      ctx('ghcr.io', { env: { GITHUB_TOKEN: 'ghs_abcdef', GITHUB_ACTOR: 'octocat' } }),
    ).fetch();
    expect(x.credential).toEqual({ username: 'octocat', password: 'ghs_abcdef' });
    expect((await failure(new GhcrProvider({}, ctx('ghcr.io', { env: {} })).fetch())).message).toContain(
      'GITHUB_TOKEN',
    );
  });

  it('github: the OIDC token for the host audience, as bearer or as password', async () => {
    const bearer = await new GithubOidcProvider({}, ctx('reg.example.com')).fetch();
    expect(issuer.verify(bearer.credential.registryToken ?? '', 'reg.example.com')).toHaveProperty('claims');
    const basic = await new GithubOidcProvider(
      { username: 'ci', audience: 'aud-x' },
      ctx('reg.example.com'),
    ).fetch();
    expect(issuer.verify(basic.credential.password ?? '', 'aud-x')).toHaveProperty('claims');
    expect(redact(basic.credential.password ?? '')).toBe('***');
  });
});

describe('OIDC token errors carry the remedy', () => {
  it('missing id-token: write', async () => {
    const err = await failure(
      new GithubOidcProvider({}, ctx('reg.example.com', { env: { GITHUB_ACTIONS: 'true' } })).fetch(),
    );
    expect(err.message).toContain('permissions: id-token: write');
  });

  it('pull requests from forks', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'event-'));
    const path = join(dir, 'event.json');
    writeFileSync(
      path,
      JSON.stringify({
        pull_request: {
          head: { repo: { fork: true, full_name: 'evil/mirror' } },
          base: { repo: { full_name: 'octo-org/mirror' } },
        },
      }),
    );
    const env = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path };
    const err = await failure(new GithubOidcProvider({}, ctx('reg.example.com', { env })).fetch());
    expect(err.message).toContain('pull request from a fork');
  });

  it('outside Actions', async () => {
    const err = await failure(new GithubOidcProvider({}, ctx('reg.example.com', { env: {} })).fetch());
    expect(err.message).toContain('only available inside a GitHub Actions job');
  });

  it('a wrong request token is the endpoint’s HTTP 401', async () => {
    const env = { ...issuer.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong-request-token' };
    const err = await failure(new GithubOidcProvider({}, ctx('reg.example.com', { env })).fetch());
    expect(err.message).toContain('HTTP 401');
    expect(redact(err.message)).not.toContain('wrong-request-token');
  });
});
