/**
 * JFrog (`/access/api/v1/oidc/token`), Quay (`/oauth2/federation/robot/token`) and Docker Hub
 * (`identity.docker.com/oauth/token`) OIDC exchanges as one local fake, each validating the
 * request as the service does and answering in its error shape.
 */
import { randomBytes } from 'node:crypto';
import { fakeJwt } from './azure.js';
import type { OidcIssuer } from './oidc-issuer.js';
import { type FakeServer, form, startFake } from './server.js';

export interface RegistryFakesOptions {
  issuer: OidcIssuer;
  subject: string;
  jfrogProvider: string;
  quayRobot: string;
  dockerConnection: string;
  now?: () => number;
}

export interface RegistryFakes extends FakeServer {
  endpoints: { jfrog: string; quay: string; dockerhub: string };
}

export async function startRegistryFakes(opts: RegistryFakesOptions): Promise<RegistryFakes> {
  const now = opts.now ?? Date.now;
  const server = await startFake((req) => {
    if (req.url.pathname === '/access/api/v1/oidc/token' && req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/json')
        return { status: 415, body: { errors: [{ status: 415, message: 'Unsupported Media Type' }] } };
      const b = JSON.parse(req.body) as Record<string, unknown>;
      if (
        b.grant_type !== 'urn:ietf:params:oauth:grant-type:token-exchange' ||
        b.subject_token_type !== 'urn:ietf:params:oauth:token-type:id_token'
      )
        return {
          status: 400,
          body: { errors: [{ status: 400, message: 'Invalid grant type or subject token type' }] },
        };
      if (b.provider_name !== opts.jfrogProvider)
        return {
          status: 404,
          body: { errors: [{ status: 404, message: `Provider ${String(b.provider_name)} not found` }] },
        };
      const v = opts.issuer.verify(String(b.subject_token ?? ''));
      if ('error' in v || v.claims.sub !== opts.subject)
        return {
          status: 401,
          body: {
            errors: [{ status: 401, message: 'Failed to validate the token against the identity mappings' }],
          },
        };
      const token = fakeJwt({ sub: 'jfac@01abc/users/ci-bot', exp: Math.floor(now() / 1000) + 3600 });
      return {
        status: 200,
        body: {
          access_token: token,
          token_type: 'Bearer',
          expires_in: 3600,
          scope: 'applied-permissions/user',
          username: 'ci-bot',
        },
      };
    }
    if (req.url.pathname === '/oauth2/federation/robot/token' && req.method === 'GET') {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!basic) return { status: 401, body: { error: 'Missing or invalid authorization header' } };
      const decoded = Buffer.from(basic, 'base64').toString();
      const i = decoded.indexOf(':');
      const robot = decoded.slice(0, i);
      if (robot !== opts.quayRobot) return { status: 401, body: { error: `Robot ${robot} not found` } };
      const v = opts.issuer.verify(decoded.slice(i + 1)); // Quay does not check `aud`
      if ('error' in v) return { status: 401, body: { error: `Invalid token: ${v.error}` } };
      if (v.claims.sub !== opts.subject)
        return { status: 401, body: { error: 'Token does not match robot' } };
      return { status: 200, body: { token: fakeJwt({ sub: robot, exp: Math.floor(now() / 1000) + 3600 }) } };
    }
    if (req.url.pathname === '/oauth/token' && req.method === 'POST') {
      if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
        return { status: 400, body: { message: 'unsupported content type' } };
      const f = form(req.body);
      if (
        f.grant_type !== 'urn:ietf:params:oauth:grant-type:token-exchange' ||
        f.subject_token_type !== 'urn:ietf:params:oauth:token-type:id_token'
      )
        return { status: 400, body: { message: 'invalid grant' } };
      if (f.connection_id !== opts.dockerConnection)
        return { status: 404, body: { message: 'connection not found' } };
      const expiresIn = Number(f.expires_in ?? '300');
      if (!(expiresIn >= 300 && expiresIn <= 21_600))
        return { status: 400, body: { message: 'expires_in out of range' } };
      const v = opts.issuer.verify(f.subject_token ?? '', 'https://identity.docker.com');
      if ('error' in v || v.claims.sub !== opts.subject)
        return { status: 401, body: { message: 'subject token rejected' } };
      return { status: 200, body: { access_token: `dckr_oat_${randomBytes(16).toString('hex')}` } };
    }
    return { status: 404, body: { message: 'not found' } };
  });
  return {
    ...server,
    endpoints: {
      jfrog: `${server.url}/access/api/v1/oidc/token`,
      quay: `${server.url}/oauth2/federation/robot/token`,
      dockerhub: `${server.url}/oauth/token`,
    },
  };
}
