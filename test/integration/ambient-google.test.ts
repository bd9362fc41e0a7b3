/**
 * `provider: gar` with no `workloadIdentityProvider`, and `credential.provider: gcp`: Google
 * Application Default Credentials through the official google-auth-library (loaded on demand),
 * pointed at local fakes only the ways the library supports: `token_url` /
 * `service_account_impersonation_url` / `credential_source.url` inside an external_account file
 * (what google-github-actions/auth writes), and GCE_METADATA_HOST for the metadata server.
 * The fakes check the token exchange form, the subject token's signature, audience and subject,
 * and the Metadata-Flavor header.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GarProvider } from '../../src/auth/providers/gar.js';
import type { ProviderContext } from '../../src/auth/providers/index.js';
import { GcpIdTokenProvider } from '../../src/auth/providers/workload.js';
import { type GcpFake, startGcpFake } from '../fakes/gcp.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { type FakeServer, startFake } from '../fakes/server.js';
import { type TempDir, tempDir } from '../harness/index.js';
import { providerContext } from './util.js';

const WIP = 'projects/123456/locations/global/workloadIdentityPools/ci/providers/github';
const SA = 'mirror@project.iam.gserviceaccount.com';
const SUBJECT = 'repo:octo-org/mirror:ref:refs/heads/main';
const HOST = 'europe-docker.pkg.dev';

let issuer: OidcIssuer;
let gcp: GcpFake;
let metadata: FakeServer;
let dir: TempDir;
const saved = { ...process.env };
const metadataTokens = new Set<string>();
let home = '';
let homes = 0;

beforeAll(async () => {
  issuer = await startOidcIssuer({ subject: SUBJECT });
  gcp = await startGcpFake({ issuer, provider: WIP, subject: SUBJECT, serviceAccount: SA });
  metadata = await startFake((req) => {
    const flavor = { 'metadata-flavor': 'Google' };
    if (req.headers['metadata-flavor'] !== 'Google')
      return { status: 403, headers: flavor, body: 'Missing Metadata-Flavor: Google header' };
    const base = '/computeMetadata/v1/instance/service-accounts/default/';
    if (req.url.pathname === `${base}token`) {
      const token = `ya29.metadata-${metadataTokens.size}`;
      metadataTokens.add(token);
      return {
        status: 200,
        headers: flavor,
        body: { access_token: token, expires_in: 3599, token_type: 'Bearer' },
      };
    }
    if (req.url.pathname === `${base}identity`) {
      const audience = req.url.searchParams.get('audience');
      if (!audience) return { status: 400, headers: flavor, body: 'audience required' };
      return {
        status: 200,
        headers: { ...flavor, 'content-type': 'text/html' },
        body: issuer.mint({ aud: audience, iss: 'https://accounts.google.com', sub: '1234567890' }),
      };
    }
    if (req.url.pathname === '/' || req.url.pathname === '/computeMetadata/v1/')
      return { status: 200, headers: flavor, body: '' };
    return { status: 404, headers: flavor, body: 'not found' };
  });
  dir = tempDir('ambient-google-');
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([issuer?.stop(), gcp?.stop(), metadata?.stop()]);
  dir?.cleanup();
});
afterEach(() => {
  process.env = { ...saved };
});

/** Nothing Google from this machine (and never the real metadata address), plus `vars`. */
function ambient(vars: Record<string, string>): void {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(saved))
    if (!/^GOOGLE_|^GCE_|^CLOUDSDK_|^METADATA_SERVER|^CLOUDSDK/.test(k)) env[k] = v;
  home = join(dir.path, `home-${++homes}`);
  mkdirSync(home, { recursive: true });
  Object.assign(env, {
    HOME: home,
    CLOUDSDK_CONFIG: join(home, '.config', 'gcloud'),
    METADATA_SERVER_DETECTION: 'none',
    ...vars,
  });
  process.env = env;
}

function ctx(host = HOST): ProviderContext {
  return providerContext(host);
}

/** The external_account file google-github-actions/auth writes (credential_source.url = the runner's OIDC endpoint). */
function externalAccountFile(path: string, impersonate: boolean): string {
  const url = new URL(issuer.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '');
  url.searchParams.set('audience', `https://iam.googleapis.com/${WIP}`);
  writeFileSync(
    path,
    JSON.stringify({
      type: 'external_account',
      audience: `//iam.googleapis.com/${WIP}`,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: gcp.endpoints.googleSts,
      credential_source: {
        url: url.toString(),
        headers: { Authorization: `Bearer ${issuer.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        format: { type: 'json', subject_token_field_name: 'value' },
      },
      ...(impersonate
        ? {
            service_account_impersonation_url: `${gcp.endpoints.iamCredentials}/projects/-/serviceAccounts/${SA}:generateAccessToken`,
          }
        : {}),
    }),
  );
  return path;
}

const garPassword = async () => (await new GarProvider({}, ctx()).fetch()).credential;

describe('provider: gar, Application Default Credentials', () => {
  it('GOOGLE_APPLICATION_CREDENTIALS = external_account (google-github-actions/auth), impersonating a service account', async () => {
    ambient({ GOOGLE_APPLICATION_CREDENTIALS: externalAccountFile(join(dir.path, 'ext-sa.json'), true) });
    const cred = await garPassword();
    expect(cred.username).toBe('oauth2accesstoken');
    expect(gcp.accessTokens.has(cred.password ?? '')).toBe(true);
  });

  it('external_account with direct workload identity federation (no service account)', async () => {
    ambient({ GOOGLE_APPLICATION_CREDENTIALS: externalAccountFile(join(dir.path, 'ext.json'), false) });
    const cred = await garPassword();
    expect(gcp.federated.has(cred.password ?? '')).toBe(true);
  });

  it("gcloud's well-known application_default_credentials.json", async () => {
    ambient({});
    const gcloud = join(home, '.config', 'gcloud');
    mkdirSync(gcloud, { recursive: true });
    externalAccountFile(join(gcloud, 'application_default_credentials.json'), true);
    const cred = await garPassword();
    expect(gcp.accessTokens.has(cred.password ?? '')).toBe(true);
  });

  it('the GCE metadata server (GCE_METADATA_HOST)', async () => {
    ambient({ GCE_METADATA_HOST: metadata.host, METADATA_SERVER_DETECTION: 'assume-present' });
    const cred = await garPassword();
    expect(metadataTokens.has(cred.password ?? '')).toBe(true);
  });

  it('a subject token the provider does not accept fails, naming the chain', async () => {
    issuer.extraClaims.sub = 'repo:evil/fork:pull_request';
    try {
      ambient({ GOOGLE_APPLICATION_CREDENTIALS: externalAccountFile(join(dir.path, 'ext-bad.json'), true) });
      await expect(garPassword()).rejects.toThrow(
        /provider gar: no Google access token from Application Default Credentials \(tried GOOGLE_APPLICATION_CREDENTIALS.*metadata server\): .*attribute condition/,
      );
    } finally {
      delete issuer.extraClaims.sub;
    }
  });

  it('nothing configured: the error names the chain', async () => {
    ambient({});
    await expect(garPassword()).rejects.toThrow(/tried GOOGLE_APPLICATION_CREDENTIALS/);
  });
});

describe('credential.provider: gcp (a Google ID token for the audience)', () => {
  it('from the metadata server, for the configured audience (default the host)', async () => {
    ambient({ GCE_METADATA_HOST: metadata.host, METADATA_SERVER_DETECTION: 'assume-present' });
    const x = await new GcpIdTokenProvider({}, ctx('registry.example.com')).fetch();
    const claims = JSON.parse(
      Buffer.from(x.credential.registryToken?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims.aud).toBe('registry.example.com');
    expect(x.expiresAt).toBe(claims.exp * 1000);
    const y = await new GcpIdTokenProvider(
      { audience: 'https://mirror.example' },
      ctx('r.example.com'),
    ).fetch();
    expect(
      JSON.parse(Buffer.from(y.credential.registryToken?.split('.')[1] ?? '', 'base64url').toString()).aud,
    ).toBe('https://mirror.example');
  });
});
