/**
 * `provider: acr` with no `tenantId`/`clientId`, and `credential.provider: azure`: Azure's
 * DefaultAzureCredential through the official @azure/identity (loaded on demand). The managed
 * identity link is pointed at a local fake through the variables App Service / Container Apps set
 * (IDENTITY_ENDPOINT + IDENTITY_HEADER); the fake checks the secret header, api-version and
 * resource like the real endpoint, and only tokens it issued are accepted by the fake ACR exchange.
 * The VM / AKS form, the Instance Metadata Service, is reached through AZURE_POD_IDENTITY_AUTHORITY_HOST
 * (the one redirect MSAL allows for it); its fake requires the `Metadata: true` header, a GET,
 * api-version 2018-02-01 and the resource, and knows one user-assigned identity.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AcrProvider } from '../../src/auth/providers/acr.js';
import type { ProviderContext } from '../../src/auth/providers/index.js';
import { AzureAccessTokenProvider } from '../../src/auth/providers/workload.js';
import { type AzureFake, fakeJwt, startAzureFake } from '../fakes/azure.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { type FakeServer, startFake } from '../fakes/server.js';
import { type TempDir, tempDir } from '../harness/index.js';
import { ambientChild, providerContext } from './util.js';

const TENANT = 'tenant-ambient';
const REGISTRY = 'mirror.azurecr.io';
const ACR_RESOURCE = 'https://containerregistry.azure.net';
const SECRET = `msi-${randomBytes(8).toString('hex')}`;

let issuer: OidcIssuer;
let azure: AzureFake;
let identity: FakeServer;
let imds: FakeServer;
const imdsCalls: { resource: string; clientId: string | null }[] = [];
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
  // The Azure Instance Metadata Service of a VM / VM scale set / AKS node (api-version 2018-02-01),
  // reached through AZURE_POD_IDENTITY_AUTHORITY_HOST as on AKS with pod identity: a GET with the
  // `Metadata: true` header (IMDS refuses any request without it, against SSRF), the resource, and
  // for a user-assigned identity its client_id. The answer's shape is IMDS's own (expires_in too).
  imds = await startFake((req) => {
    // MSAL sends the path with a trailing slash; IMDS serves both.
    if (req.url.pathname.replace(/\/$/, '') !== '/metadata/identity/oauth2/token')
      return { status: 404, body: { error: 'not_found', error_description: req.url.pathname } };
    if (req.method !== 'GET')
      return { status: 405, body: { error: 'invalid_request', error_description: 'GET only' } };
    if (req.headers.metadata !== 'true')
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'Required metadata header not specified' },
      };
    if (req.url.searchParams.get('api-version') !== '2018-02-01')
      return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid api-version' } };
    const resource = req.url.searchParams.get('resource');
    if (!resource)
      return { status: 400, body: { error: 'invalid_request', error_description: 'Required resource' } };
    const clientId = req.url.searchParams.get('client_id');
    if (clientId !== null && clientId !== 'user-assigned-mi')
      return { status: 400, body: { error: 'invalid_request', error_description: 'Identity not found' } };
    imdsCalls.push({ resource, clientId });
    const expiresIn = 3600;
    const expiresOn = Math.floor(Date.now() / 1000) + expiresIn;
    const token = fakeJwt({ aud: resource, tid: TENANT, exp: expiresOn, oid: clientId ?? 'system-mi' });
    azure.aadTokens.add(token);
    return {
      status: 200,
      body: {
        access_token: token,
        client_id: clientId ?? 'system-mi-client',
        expires_in: String(expiresIn),
        expires_on: String(expiresOn),
        ext_expires_in: String(expiresIn),
        not_before: String(expiresOn - expiresIn),
        resource,
        token_type: 'Bearer',
      },
    };
  });
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([issuer?.stop(), azure?.stop(), identity?.stop(), imds?.stop()]);
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

/**
 * `azureToken()` for the ACR resource in a fresh process (test/integration/ambient-child.ts) with no
 * Azure settings but the VM's IMDS at the local fake, plus `vars`.
 */
function azureChild(vars: NodeJS.ProcessEnv): Promise<{ token?: string; error?: string }> {
  const env = { PATH: saved.PATH, HOME: saved.HOME, AZURE_POD_IDENTITY_AUTHORITY_HOST: imds.url, ...vars };
  return ambientChild('azure', `${ACR_RESOURCE}/.default`, env);
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

  it('VM / AKS managed identity through IMDS: system-assigned, user-assigned (AZURE_CLIENT_ID), and one the VM lacks', async () => {
    // Each in a process of its own: MSAL keeps the managed identity source it detected, and its
    // tokens, for the whole process, and the tests above already used the App Service source.
    const system = await azureChild({});
    expect(system.error).toBeUndefined();
    expect(azure.aadTokens.has(system.token ?? '')).toBe(true);
    expect(imdsCalls.at(-1)).toEqual({ resource: ACR_RESOURCE, clientId: null });
    // A user-assigned identity, chosen the documented way: IMDS gets its client_id.
    const user = await azureChild({ AZURE_CLIENT_ID: 'user-assigned-mi' });
    expect(user.error).toBeUndefined();
    expect(azure.aadTokens.has(user.token ?? '')).toBe(true);
    expect(imdsCalls.at(-1)).toEqual({ resource: ACR_RESOURCE, clientId: 'user-assigned-mi' });
    // An identity the VM does not have: IMDS's refusal comes through, naming the chain.
    const none = await azureChild({ AZURE_CLIENT_ID: 'not-assigned' });
    expect(none.token).toBeUndefined();
    expect(none.error).toMatch(/DefaultAzureCredential.*Identity not found/s);
  });

  it('Azure CLI: `az account get-access-token` (a fake az on PATH that answers like the real one)', async () => {
    // The chain's managed identity link would probe the real IMDS address, so the run selects the
    // CLI link the documented way (AZURE_TOKEN_CREDENTIALS); the az fake is what DefaultAzureCredential
    // runs for it. It answers only the exact command line the real CLI accepts, for a logged-in
    // profile, and only for the ACR resource; its token is one the ACR fake accepts.
    const dir: TempDir = tempDir('az-cli-');
    try {
      const bin = join(dir.path, 'bin');
      const config = join(dir.path, 'azure');
      mkdirSync(bin);
      mkdirSync(config);
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const token = fakeJwt({
        aud: 'https://containerregistry.azure.net',
        tid: TENANT,
        exp,
        oid: 'cli-user',
      });
      azure.aadTokens.add(token);
      writeFileSync(
        join(config, 'azureProfile.json'),
        JSON.stringify({
          subscriptions: [
            {
              id: 'sub-1',
              tenantId: TENANT,
              isDefault: true,
              user: { name: 'dev@example.org', type: 'user' },
            },
          ],
        }),
      );
      const answer = {
        accessToken: token,
        expiresOn: new Date(exp * 1000).toISOString().replace('T', ' ').replace('Z', '000'),
        expires_on: exp,
        subscription: 'sub-1',
        tenant: TENANT,
        tokenType: 'Bearer',
      };
      writeFileSync(join(dir.path, 'answer.json'), JSON.stringify(answer));
      writeFileSync(
        join(bin, 'az'),
        `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(join(dir.path, 'calls.log'))}, JSON.stringify(args) + '\\n');
const profile = path.join(process.env.AZURE_CONFIG_DIR || '', 'azureProfile.json');
if (!fs.existsSync(profile)) { process.stderr.write("ERROR: Please run 'az login' to setup account.\\n"); process.exit(1); }
const want = ['account', 'get-access-token', '--output', 'json', '--resource'];
if (args.length !== 6 || want.some((a, i) => args[i] !== a)) { process.stderr.write('ERROR: unrecognized arguments: ' + args.join(' ') + '\\n'); process.exit(2); }
if (args[5] !== 'https://containerregistry.azure.net') { process.stderr.write('ERROR: AADSTS500011: The resource principal named ' + args[5] + ' was not found in the tenant.\\n'); process.exit(1); }
process.stdout.write(fs.readFileSync(${JSON.stringify(join(dir.path, 'answer.json'))}, 'utf8'));
`,
      );
      chmodSync(join(bin, 'az'), 0o755);
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(saved)) if (!/^AZURE_|^IDENTITY_|^MSI_|^IMDS_/.test(k)) env[k] = v;
      Object.assign(env, {
        PATH: `${bin}${delimiter}${saved.PATH ?? ''}`,
        AZURE_CONFIG_DIR: config,
        AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
      });
      process.env = env;
      const x = await new AcrProvider({}, ctx(REGISTRY)).fetch();
      expect(x.credential.username).toBe('00000000-0000-0000-0000-000000000000');
      const claims = JSON.parse(
        Buffer.from(x.credential.password?.split('.')[1] ?? '', 'base64url').toString(),
      );
      expect(claims).toMatchObject({ aud: REGISTRY, tenant: TENANT });
      const { readFileSync } = await import('node:fs');
      expect(
        readFileSync(join(dir.path, 'calls.log'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([
        [
          'account',
          'get-access-token',
          '--output',
          'json',
          '--resource',
          'https://containerregistry.azure.net',
        ],
      ]);
      // Logged out: the error names the chain link and says what the CLI said.
      process.env = { ...env, AZURE_CONFIG_DIR: join(dir.path, 'nowhere') };
      await expect(new AcrProvider({}, ctx(REGISTRY)).fetch()).rejects.toThrow(
        /DefaultAzureCredential.*az login/s,
      );
    } finally {
      dir.cleanup();
    }
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
    // The SDK works in whole seconds and may round the expiry down by one.
    expect(Math.abs((x.expiresAt ?? 0) - claims.exp * 1000)).toBeLessThanOrEqual(1000);
  });
});
