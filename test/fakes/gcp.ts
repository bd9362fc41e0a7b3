/**
 * Google STS (`/v1/token`, JSON camelCase or form snake_case) and IAM Credentials
 * (`/v1/projects/-/serviceAccounts/<sa>:generateAccessToken`) as local fakes that reject what
 * Google rejects: wrong grant/token types, an audience that is not the provider, a subject the
 * attribute condition refuses, a bearer that is not a federated token, a missing `-` project.
 */
import { randomBytes } from 'node:crypto';
import type { OidcIssuer } from './oidc-issuer.js';
import { type FakeServer, startFake } from './server.js';

export interface GcpFakeOptions {
  issuer: OidcIssuer;
  /** `projects/NUM/locations/global/workloadIdentityPools/POOL/providers/PROV`. */
  provider: string;
  subject: string;
  serviceAccount: string;
  now?: () => number;
  /** Lifetime of federated tokens (s). */
  federatedLifetimeSeconds?: number;
}

export interface GcpFake extends FakeServer {
  endpoints: { googleSts: string; iamCredentials: string };
  federated: Set<string>;
  accessTokens: Set<string>;
}

const oauthErr = (error: string, description: string) => ({
  status: 400,
  body: { error, error_description: description },
});
const apiErr = (code: number, status: string, message: string) => ({
  status: code,
  body: { error: { code, message, status } },
});

export async function startGcpFake(opts: GcpFakeOptions): Promise<GcpFake> {
  const now = opts.now ?? Date.now;
  const federated = new Set<string>();
  const accessTokens = new Set<string>();
  const server = await startFake((req) => {
    if (req.url.pathname === '/v1/token' && req.method === 'POST') {
      const type = req.headers['content-type'] ?? '';
      let b: Record<string, unknown>;
      if (type.startsWith('application/json')) b = JSON.parse(req.body) as Record<string, unknown>;
      else if (type.startsWith('application/x-www-form-urlencoded')) {
        const f = Object.fromEntries(new URLSearchParams(req.body));
        b = {
          audience: f.audience,
          grantType: f.grant_type,
          requestedTokenType: f.requested_token_type,
          subjectTokenType: f.subject_token_type,
          subjectToken: f.subject_token,
          scope: f.scope,
        };
      } else return oauthErr('invalid_request', 'Invalid content type');
      if (b.grantType !== 'urn:ietf:params:oauth:grant-type:token-exchange')
        return oauthErr('unsupported_grant_type', 'Invalid value for "grant_type"');
      if (b.requestedTokenType !== 'urn:ietf:params:oauth:token-type:access_token')
        return oauthErr('invalid_request', 'Invalid value for "requested_token_type"');
      if (
        b.subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt' &&
        b.subjectTokenType !== 'urn:ietf:params:oauth:token-type:id_token'
      )
        return oauthErr('invalid_request', 'Invalid value for "subject_token_type"');
      if (b.audience !== `//iam.googleapis.com/${opts.provider}`)
        return oauthErr(
          'invalid_target',
          'The target service indicated by the "audience" parameters is invalid.',
        );
      const v = opts.issuer.verify(String(b.subjectToken ?? ''));
      if ('error' in v) return oauthErr('invalid_grant', `Invalid JWT: ${v.error}`);
      if (v.claims.aud !== `https://iam.googleapis.com/${opts.provider}`)
        return oauthErr(
          'invalid_grant',
          `The audience in ID Token [${String(v.claims.aud)}] does not match the expected audience.`,
        );
      if (v.claims.sub !== opts.subject)
        return oauthErr(
          'unauthorized_client',
          'The given credential is rejected by the attribute condition.',
        );
      const token = `fed-${randomBytes(24).toString('hex')}`;
      federated.add(token);
      return {
        status: 200,
        body: {
          access_token: token,
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: opts.federatedLifetimeSeconds ?? 3599,
        },
      };
    }
    const m = /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(
      req.url.pathname,
    );
    if (m && req.method === 'POST') {
      const bearer = req.headers.authorization?.replace(/^Bearer /, '');
      if (!bearer || !federated.has(bearer))
        return apiErr(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
      if (m[1] !== '-') return apiErr(400, 'INVALID_ARGUMENT', 'The project must be "-".');
      if (decodeURIComponent(m[2] ?? '') !== opts.serviceAccount)
        return apiErr(
          403,
          'PERMISSION_DENIED',
          "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
        );
      const b = JSON.parse(req.body || '{}') as { scope?: unknown; lifetime?: unknown };
      if (!Array.isArray(b.scope) || b.scope.length === 0)
        return apiErr(400, 'INVALID_ARGUMENT', 'scope is required');
      const life = /^(\d+)s$/.exec(String(b.lifetime ?? '3600s'));
      if (!life) return apiErr(400, 'INVALID_ARGUMENT', 'invalid lifetime');
      const token = `ya29.${randomBytes(24).toString('hex')}`;
      accessTokens.add(token);
      return {
        status: 200,
        body: { accessToken: token, expireTime: new Date(now() + Number(life[1]) * 1000).toISOString() },
      };
    }
    return apiErr(404, 'NOT_FOUND', 'not found');
  });
  return {
    ...server,
    federated,
    accessTokens,
    endpoints: { googleSts: `${server.url}/v1/token`, iamCredentials: `${server.url}/v1` },
  };
}
