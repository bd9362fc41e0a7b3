/**
 * `provider: acr` with no `tenantId`/`clientId`, and `credential.provider: azure`: Azure's
 * DefaultAzureCredential through the official @azure/identity (loaded on demand). The managed
 * identity link is pointed at a local fake through the variables App Service / Container Apps set
 * (IDENTITY_ENDPOINT + IDENTITY_HEADER); the fake checks the secret header, api-version and
 * resource like the real endpoint, and only tokens it issued are accepted by the fake ACR exchange.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AcrProvider } from '../../src/auth/providers/acr.js';
import type { ProviderContext } from '../../src/auth/providers/index.js';
import { AzureAccessTokenProvider } from '../../src/auth/providers/workload.js';
import { type AzureFake, fakeJwt, startAzureFake } from '../fakes/azure.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { type FakeServer, startFake } from '../fakes/server.js';
import { providerContext } from './util.js';

const TENANT = 'tenant-ambient';
const REGISTRY = 'mirror.azurecr.io';
const SECRET = `msi-${randomBytes(8).toString('hex')}`;

let issuer: OidcIssuer;
let azure: AzureFake;
let identity: FakeServer;
const saved = { ...process.env };
const resources: string[] = [];

beforeAll(async () => {
  issuer = await startOidcIssuer();
  azure = await startAzureFake({
    issuer,
    tenantId: TENANT,
    clientId: 'unused',
    subject: 'unused',
    registry: REGISTRY,
  });
  // The App Service / Container Apps managed identity endpoint (api-version 2019-08-01).
  identity = await startFake((req) => {
    if (req.headers['x-identity-header'] !== SECRET)
      return { status: 401, body: { error: 'unauthorized', error_description: 'bad X-IDENTITY-HEADER' } };
    if (req.url.searchParams.get('api-version') !== '2019-08-01')
      return { status: 400, body: { error: 'invalid_request', error_description: 'api-version' } };
    const resource = req.url.searchParams.get('resource');
    if (!resource) return { status: 400, body: { error: 'invalid_request', error_description: 'resource' } };
    resources.push(resource);
    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    const token = fakeJwt({ aud: resource, tid: TENANT, exp: expiresOn, oid: 'mi-object-id' });
    azure.aadTokens.add(token);
    return {
      status: 200,
      body: { access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer' },
    };
  });
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([issuer?.stop(), azure?.stop(), identity?.stop()]);
});
afterEach(() => {
  process.env = { ...saved };
});

/** No Azure settings from this machine, managed identity at the local fake. */
function managedIdentity(): void {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(saved)) if (!/^AZURE_|^IDENTITY_|^MSI_|^IMDS_/.test(k)) env[k] = v;
  Object.assign(env, { IDENTITY_ENDPOINT: `${identity.url}/msi/token`, IDENTITY_HEADER: SECRET });
  process.env = env;
}

function ctx(host: string): ProviderContext {
  return providerContext(host, { endpoints: azure.endpoints });
}

describe('provider: acr, ambient Azure identity (DefaultAzureCredential)', () => {
  it('managed identity → ACR /oauth2/exchange with the token tenant → refresh token for the null-GUID user', async () => {
    managedIdentity();
    const x = await new AcrProvider({}, ctx(REGISTRY)).fetch();
    expect(x.credential.username).toBe('00000000-0000-0000-0000-000000000000');
    const claims = JSON.parse(
      Buffer.from(x.credential.password?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({ iss: 'Azure Container Registry', aud: REGISTRY, tenant: TENANT });
    expect(resources.at(-1)).toBe('https://containerregistry.azure.net');
  });

  it('only one of tenantId/clientId is refused with a clear message', async () => {
    await expect(new AcrProvider({ tenantId: TENANT }, ctx(REGISTRY)).fetch()).rejects.toThrow(
      /set both `tenantId` and `clientId`.*or neither to use the ambient Azure identity/,
    );
  });
});

describe('credential.provider: azure (an Entra access token for <audience>/.default)', () => {
  it('asks the default chain for the audience resource (default the host)', async () => {
    managedIdentity();
    const x = await new AzureAccessTokenProvider(
      { audience: 'api://mirror-registry' },
      ctx('r.example.com'),
    ).fetch();
    expect(resources.at(-1)).toBe('api://mirror-registry');
    const claims = JSON.parse(
      Buffer.from(x.credential.registryToken?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims.aud).toBe('api://mirror-registry');
    expect(Math.abs((x.expiresAt ?? 0) - claims.exp * 1000)).toBeLessThan(1000);
  });
});
