/**
 * Entra ID (`/<tenant>/oauth2/v2.0/token`, client_credentials with a JWT client assertion) and
 * ACR (`/oauth2/exchange`, grant_type=access_token) as local fakes. Entra checks the federated
 * identity credential (issuer, subject, audience `api://AzureADTokenExchange`) and answers with
 * AADSTS error codes; ACR issues a refresh token (a JWT with `exp`) for a valid Entra token.
 */
import { randomBytes } from 'node:crypto';
import type { OidcIssuer } from './oidc-issuer.js';
import { type FakeServer, form, startFake } from './server.js';

export interface AzureFakeOptions {
  issuer: OidcIssuer;
  tenantId: string;
  clientId: string;
  subject: string;
  /** Registry service name ACR expects in `service`. */
  registry: string;
  /** Refresh token to hand out (so a registry can accept it); default random. */
  refreshToken?: (exp: number) => string;
  /** Refresh token lifetime (s), default 3 h. */
  refreshLifetimeSeconds?: number;
  now?: () => number;
}

export interface AzureFake extends FakeServer {
  endpoints: { entra: string; acrExchange: string };
  aadTokens: Set<string>;
}

const aad = (error: string, code: number, description: string) => ({
  status: 400,
  body: {
    error,
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: t\r\nCorrelation ID: c`,
    error_codes: [code],
    trace_id: 't',
    correlation_id: 'c',
  },
});

/** An unsigned JWT-shaped refresh token with an `exp` (ACR's refresh tokens are JWTs). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}.${randomBytes(16).toString('base64url')}`;
}

export async function startAzureFake(opts: AzureFakeOptions): Promise<AzureFake> {
  const now = opts.now ?? Date.now;
  const aadTokens = new Set<string>();
  const server = await startFake((req) => {
    const entra = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.url.pathname);
    if (entra && req.method === 'POST') {
      if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
        return aad(
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'grant_type'.",
        );
      const f = form(req.body);
      if (entra[1] !== opts.tenantId) return aad('invalid_request', 90002, `Tenant '${entra[1]}' not found.`);
      if (f.grant_type !== 'client_credentials')
        return aad('unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
      if (f.client_id !== opts.clientId)
        return aad(
          'unauthorized_client',
          700016,
          `Application with identifier '${f.client_id}' was not found in the directory.`,
        );
      if (f.scope !== 'https://containerregistry.azure.net/.default')
        return aad(
          'invalid_scope',
          70011,
          "The provided value for the input parameter 'scope' is not valid.",
        );
      if (f.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        return aad('invalid_request', 50027, 'Invalid client_assertion_type.');
      const v = opts.issuer.verify(f.client_assertion ?? '');
      if ('error' in v)
        return aad(
          'invalid_client',
          v.error === 'token expired' ? 700024 : 50027,
          `Client assertion is invalid: ${v.error}`,
        );
      if (
        v.claims.iss !== opts.issuer.issuer ||
        v.claims.sub !== opts.subject ||
        v.claims.aud !== 'api://AzureADTokenExchange'
      )
        return aad(
          'invalid_client',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(v.claims.iss)}'. Assertion Subject: '${String(v.claims.sub)}'. Assertion Audience: '${String(v.claims.aud)}'.`,
        );
      const token = `aad-${randomBytes(24).toString('hex')}`;
      aadTokens.add(token);
      return {
        status: 200,
        body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
      };
    }
    if (req.url.pathname === '/oauth2/exchange' && req.method === 'POST') {
      const f = form(req.body);
      if (f.grant_type !== 'access_token')
        return {
          status: 400,
          body: { errors: [{ code: 'UNSUPPORTED', message: 'grant_type not supported' }] },
        };
      if (f.service !== opts.registry)
        return {
          status: 400,
          body: { errors: [{ code: 'BAD_REQUEST', message: `service ${f.service} is not this registry` }] },
        };
      if (
        !f.access_token ||
        !aadTokens.has(f.access_token) ||
        (f.tenant !== undefined && f.tenant !== opts.tenantId)
      )
        return {
          status: 401,
          body: { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        };
      const exp = Math.floor(now() / 1000) + (opts.refreshLifetimeSeconds ?? 10_800);
      const refresh =
        opts.refreshToken?.(exp) ??
        fakeJwt({
          iss: 'Azure Container Registry',
          aud: opts.registry,
          grant_type: 'refresh_token',
          tenant: opts.tenantId,
          exp,
        });
      return { status: 200, body: { refresh_token: refresh } };
    }
    return { status: 404, body: { errors: [{ code: 'NOT_FOUND', message: 'not found' }] } };
  });
  return {
    ...server,
    aadTokens,
    endpoints: { entra: server.url, acrExchange: `${server.url}/oauth2/exchange` },
  };
}
