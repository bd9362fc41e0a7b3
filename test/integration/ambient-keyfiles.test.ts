/**
 * The ambient chain links whose endpoints the SDKs do not let us redirect by variable or file:
 * Google `service_account` and `authorized_user` files (google-auth-library always posts to
 * https://oauth2.googleapis.com/token) and Azure's environment client secret / client certificate
 * and workload identity (MSAL talks to https://login.microsoftonline.com). Each call runs in a
 * process of its own (test/integration/ambient-child.ts) with HTTPS_PROXY (and HTTP_PROXY,
 * NODE_USE_ENV_PROXY) at a loopback proxy that terminates TLS for exactly those host names with a
 * certificate from the test CA (NODE_EXTRA_CA_CERTS) and refuses everything else; the SDKs are not
 * patched. The fakes behind it check what the real endpoints check: the JWT assertion's signature
 * (the key file's public key, the client certificate's), its issuer, audience and scope, the
 * refresh_token grant's client and token, the client secret, and the federated token's issuer,
 * subject and audience.
 */
import { execFile } from 'node:child_process';
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  verify,
  X509Certificate,
} from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeJwt } from '../fakes/azure.js';
import { type MitmProxy, startMitmProxy } from '../fakes/mitm-proxy.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { type FakeReply, type FakeRequest, form } from '../fakes/server.js';
import { type TempDir, tempDir } from '../harness/index.js';
import { ambientChild } from './util.js';

const execFileP = promisify(execFile);
const GOOGLE = 'oauth2.googleapis.com';
const ENTRA = 'login.microsoftonline.com';
const SA = 'mirror@project.iam.gserviceaccount.com';
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
const APP = { secret: 'app-secret-client', cert: 'app-cert-client', wi: 'app-wi-client' };
const CLIENT_SECRET = `s3cr3t~${randomBytes(8).toString('hex')}`;
const USER = {
  client_id: '764086051850-x.apps.googleusercontent.com',
  client_secret: 'd-FL95Q19q7MQmFpd7hHD0Ty',
  refresh_token: `1//0g${randomBytes(16).toString('hex')}`,
};
const WI_SUBJECT = 'system:serviceaccount:mirror:oci-mirror';

let dir: TempDir;
let proxy: MitmProxy;
let issuer: OidcIssuer;
let saPublicKey: KeyObject;
let certThumbprints: { sha1: string; sha256: string };
let certPublicKey: KeyObject;
const issued = new Map<string, Record<string, unknown>>();

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

/** Verify a compact JWS with `key` (RS256 or PS256). */
function jwsValid(token: string, key: KeyObject): boolean {
  const [h = '', p = '', s = ''] = token.split('.');
  const alg = decode(h).alg;
  const data = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(s, 'base64url');
  if (alg === 'RS256') return verify('sha256', data, key, sig);
  if (alg === 'PS256') return verify('sha256', data, { key, padding: 6, saltLength: 32 }, sig);
  return false;
}

function token(claims: Record<string, unknown>): string {
  const t = `ya29.${randomBytes(24).toString('base64url')}`;
  issued.set(t, claims);
  return t;
}

const googleError = (error: string, description: string): FakeReply => ({
  status: 400,
  body: { error, error_description: description },
});
const aad = (error: string, code: number, description: string): FakeReply => ({
  status: 400,
  body: { error, error_description: `AADSTS${code}: ${description}`, error_codes: [code] },
});

/** https://oauth2.googleapis.com/token: the JWT-bearer grant of a key file, and refresh_token. */
function google(req: FakeRequest): FakeReply {
  if (req.method !== 'POST' || req.url.pathname !== '/token') return { status: 404, body: 'not found' };
  const f = form(req.body);
  if (f.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    const assertion = f.assertion ?? '';
    if (!jwsValid(assertion, saPublicKey)) return googleError('invalid_grant', 'Invalid JWT Signature.');
    const [h = '', p = ''] = assertion.split('.');
    const header = decode(h);
    const c = decode(p);
    const now = Date.now() / 1000;
    if (header.kid !== undefined && header.kid !== 'key-1')
      return googleError('invalid_grant', 'Invalid JWT: kid');
    if (c.iss !== SA || c.aud !== `https://${GOOGLE}/token`)
      return googleError('invalid_grant', 'Invalid JWT: iss/aud');
    if (typeof c.iat !== 'number' || typeof c.exp !== 'number' || c.exp - c.iat > 3600 || c.exp < now)
      return googleError(
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
      );
    if (typeof c.target_audience === 'string')
      return { status: 200, body: { id_token: token({ kind: 'id', aud: c.target_audience, email: SA }) } };
    if (c.scope !== CLOUD_PLATFORM)
      return googleError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    return {
      status: 200,
      body: { access_token: token({ kind: 'sa', sub: SA }), expires_in: 3599, token_type: 'Bearer' },
    };
  }
  if (f.grant_type === 'refresh_token') {
    if (f.client_id !== USER.client_id || f.client_secret !== USER.client_secret)
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
      };
    if (f.refresh_token !== USER.refresh_token) return googleError('invalid_grant', 'Bad Request');
    return {
      status: 200,
      body: {
        access_token: token({ kind: 'user' }),
        expires_in: 3599,
        token_type: 'Bearer',
        scope: CLOUD_PLATFORM,
      },
    };
  }
  return googleError('unsupported_grant_type', 'Invalid grant_type');
}

/** login.microsoftonline.com: metadata, and the client_credentials grant of each kind of app. */
function entra(req: FakeRequest): FakeReply {
  const base = `https://${ENTRA}/${TENANT}`;
  if (req.method === 'GET' && req.url.pathname === `/${TENANT}/v2.0/.well-known/openid-configuration`)
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        jwks_uri: `https://${ENTRA}/${TENANT}/discovery/v2.0/keys`,
      },
    };
  if (req.method === 'GET' && req.url.pathname === '/common/discovery/instance')
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: ENTRA,
            preferred_cache: 'login.windows.net',
            aliases: [ENTRA, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
          },
        ],
      },
    };
  if (req.method !== 'POST' || req.url.pathname !== `/${TENANT}/oauth2/v2.0/token`)
    return aad('invalid_request', 90002, `not found: ${req.url.pathname}`);
  const f = form(req.body);
  if (f.grant_type !== 'client_credentials')
    return aad('unsupported_grant_type', 70003, 'unsupported grant type');
  if (f.scope !== ACR_SCOPE) return aad('invalid_scope', 70011, `scope ${f.scope}`);
  const ok = (app: string) => ({
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: (() => {
        const t = fakeJwt({
          aud: 'https://containerregistry.azure.net',
          tid: TENANT,
          appid: app,
          exp: Math.floor(Date.now() / 1000) + 3600,
        });
        issued.set(t, { kind: 'entra', app });
        return t;
      })(),
    },
  });
  if (f.client_id === APP.secret) {
    if (f.client_secret !== CLIENT_SECRET)
      return aad('invalid_client', 7000215, 'Invalid client secret provided.');
    return ok(APP.secret);
  }
  if (f.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    return aad(
      'invalid_client',
      7000218,
      "The request body must contain 'client_assertion' or 'client_secret'.",
    );
  const assertion = f.client_assertion ?? '';
  if (f.client_id === APP.cert) {
    const [h = '', p = ''] = assertion.split('.');
    const header = decode(h);
    const c = decode(p);
    const thumb = header['x5t#S256'] ?? header.x5t;
    if (thumb !== certThumbprints.sha256 && thumb !== certThumbprints.sha1)
      return aad('invalid_client', 700027, 'Client assertion contains an invalid thumbprint.');
    if (!jwsValid(assertion, certPublicKey))
      return aad('invalid_client', 700027, 'Client assertion failed signature validation.');
    if (c.iss !== APP.cert || c.sub !== APP.cert || c.aud !== `${base}/oauth2/v2.0/token`)
      return aad('invalid_client', 700023, 'Client assertion audience claim does not match Realm issuer.');
    return ok(APP.cert);
  }
  if (f.client_id === APP.wi) {
    const v = issuer.verify(assertion, 'api://AzureADTokenExchange');
    if ('error' in v) return aad('invalid_client', 700024, `Client assertion is invalid: ${v.error}`);
    if (v.claims.sub !== WI_SUBJECT)
      return aad(
        'invalid_client',
        70021,
        'No matching federated identity record found for presented assertion.',
      );
    return ok(APP.wi);
  }
  return aad(
    'unauthorized_client',
    700016,
    `Application with identifier '${f.client_id}' was not found in the directory.`,
  );
}

beforeAll(async () => {
  dir = tempDir('ambient-keyfiles-');
  issuer = await startOidcIssuer({ subject: WI_SUBJECT });
  const sa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  saPublicKey = sa.publicKey;
  writeFileSync(
    join(dir.path, 'sa.json'),
    JSON.stringify({
      type: 'service_account',
      project_id: 'project',
      private_key_id: 'key-1',
      private_key: sa.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      client_email: SA,
      client_id: '1234567890',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: `https://${GOOGLE}/token`,
      universe_domain: 'googleapis.com',
    }),
  );
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(
    join(dir.path, 'sa-other-key.json'),
    JSON.stringify({
      ...JSON.parse(readFileSync(join(dir.path, 'sa.json'), 'utf8')),
      private_key: stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    }),
  );
  writeFileSync(join(dir.path, 'user.json'), JSON.stringify({ type: 'authorized_user', ...USER }));
  writeFileSync(
    join(dir.path, 'user-revoked.json'),
    JSON.stringify({ type: 'authorized_user', ...USER, refresh_token: '1//revoked' }),
  );
  // The app's client certificate (RSA, as Entra requires), with its key in one PEM file.
  await execFileP(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'app.key',
      '-out',
      'app.crt',
      '-days',
      '1',
      '-subj',
      '/CN=oci-mirror app',
    ],
    { cwd: dir.path },
  );
  const certPem = readFileSync(join(dir.path, 'app.crt'), 'utf8');
  writeFileSync(join(dir.path, 'app.pem'), `${certPem}${readFileSync(join(dir.path, 'app.key'), 'utf8')}`);
  const x = new X509Certificate(certPem);
  certPublicKey = createPublicKey(certPem);
  certThumbprints = {
    sha1: createHash('sha1').update(x.raw).digest('base64url'),
    sha256: createHash('sha256').update(x.raw).digest('base64url'),
  };
  writeFileSync(join(dir.path, 'wi-token'), issuer.mint({ aud: 'api://AzureADTokenExchange' }));
  writeFileSync(join(dir.path, 'wi-token-wrong-aud'), issuer.mint({ aud: 'api://someone-else' }));
  proxy = await startMitmProxy([GOOGLE, ENTRA], (req) =>
    req.url.host === GOOGLE ? google(req) : entra(req),
  );
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await issuer?.stop();
  dir?.cleanup();
});

/** Run one ambient call in a fresh process with only `vars` (plus PATH/HOME) and the proxy. */
function child(
  kind: string,
  arg: string,
  vars: Record<string, string>,
): Promise<{ token?: string; error?: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir.path,
    HTTPS_PROXY: proxy.url,
    HTTP_PROXY: proxy.url,
    NODE_USE_ENV_PROXY: '1',
    NODE_EXTRA_CA_CERTS: proxy.caPath,
    METADATA_SERVER_DETECTION: 'none',
    ...vars,
  };
  return ambientChild(kind, arg, env);
}

describe('Google key files through google-auth-library (token endpoint behind the proxy)', () => {
  it('service_account: a JWT assertion signed with the key file, checked with its public key', async () => {
    const r = await child('google-access', CLOUD_PLATFORM, {
      GOOGLE_APPLICATION_CREDENTIALS: join(dir.path, 'sa.json'),
    });
    expect(r.error).toBeUndefined();
    expect(issued.get(r.token ?? '')).toEqual({ kind: 'sa', sub: SA });
    const id = await child('google-id', 'https://registry.example.com', {
      GOOGLE_APPLICATION_CREDENTIALS: join(dir.path, 'sa.json'),
    });
    expect(id.error).toBeUndefined();
    expect(issued.get(id.token ?? '')).toEqual({
      kind: 'id',
      aud: 'https://registry.example.com',
      email: SA,
    });
    // The same file with another key: the signature does not verify.
    const bad = await child('google-access', CLOUD_PLATFORM, {
      GOOGLE_APPLICATION_CREDENTIALS: join(dir.path, 'sa-other-key.json'),
    });
    expect(bad.error).toMatch(/no Google access token from Application Default Credentials.*invalid_grant/s);
    expect(proxy.refused).toEqual([]);
  });

  it('authorized_user: the refresh_token grant with the file’s client', async () => {
    const r = await child('google-access', CLOUD_PLATFORM, {
      GOOGLE_APPLICATION_CREDENTIALS: join(dir.path, 'user.json'),
    });
    expect(r.error).toBeUndefined();
    expect(issued.get(r.token ?? '')).toEqual({ kind: 'user' });
    const revoked = await child('google-access', CLOUD_PLATFORM, {
      GOOGLE_APPLICATION_CREDENTIALS: join(dir.path, 'user-revoked.json'),
    });
    expect(revoked.error).toMatch(/invalid_grant/);
    expect(proxy.refused).toEqual([]);
  });
});

describe('Azure environment and workload identity through @azure/identity (Entra behind the proxy)', () => {
  const base = { AZURE_TENANT_ID: TENANT };

  it('environment client secret (AZURE_CLIENT_SECRET)', async () => {
    const r = await child('azure', ACR_SCOPE, {
      ...base,
      AZURE_CLIENT_ID: APP.secret,
      AZURE_CLIENT_SECRET: CLIENT_SECRET,
    });
    expect(r.error).toBeUndefined();
    expect(issued.get(r.token ?? '')).toEqual({ kind: 'entra', app: APP.secret });
    const wrong = await child('azure', ACR_SCOPE, {
      ...base,
      AZURE_CLIENT_ID: APP.secret,
      AZURE_CLIENT_SECRET: 'wrong',
      AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential',
    });
    expect(wrong.error).toMatch(/no Entra token .* from DefaultAzureCredential.*7000215/s);
    expect(proxy.refused).toEqual([]);
  });

  it('environment client certificate (AZURE_CLIENT_CERTIFICATE_PATH): the assertion is signed with its key', async () => {
    const r = await child('azure', ACR_SCOPE, {
      ...base,
      AZURE_CLIENT_ID: APP.cert,
      AZURE_CLIENT_CERTIFICATE_PATH: join(dir.path, 'app.pem'),
    });
    expect(r.error).toBeUndefined();
    expect(issued.get(r.token ?? '')).toEqual({ kind: 'entra', app: APP.cert });
    expect(proxy.refused).toEqual([]);
  });

  it('workload identity (AZURE_FEDERATED_TOKEN_FILE): the federated token is the assertion', async () => {
    const r = await child('azure', ACR_SCOPE, {
      ...base,
      AZURE_CLIENT_ID: APP.wi,
      AZURE_FEDERATED_TOKEN_FILE: join(dir.path, 'wi-token'),
    });
    expect(r.error).toBeUndefined();
    expect(issued.get(r.token ?? '')).toEqual({ kind: 'entra', app: APP.wi });
    const wrong = await child('azure', ACR_SCOPE, {
      ...base,
      AZURE_CLIENT_ID: APP.wi,
      AZURE_FEDERATED_TOKEN_FILE: join(dir.path, 'wi-token-wrong-aud'),
      AZURE_TOKEN_CREDENTIALS: 'WorkloadIdentityCredential',
    });
    expect(wrong.error).toMatch(/700024/);
    expect(proxy.refused).toEqual([]);
  });
});
