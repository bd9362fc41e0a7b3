/**
 * A stand-in for the GitHub Actions OIDC token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`): GET with
 * `Authorization: Bearer <request token>` and `&audience=` → `{"value": <ES256 JWT>}`. The JWT has
 * GitHub's claim shape; `verify()` checks signature, expiry and audience as a relying party would.
 */
import { verify as cryptoVerify, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { type FakeServer, startFake } from './server.js';

export interface OidcIssuer extends FakeServer {
  /** Environment a runner with `id-token: write` has. */
  env: Record<string, string>;
  requestToken: string;
  issuer: string;
  /** Mint a token directly (claims override the defaults). */
  mint(claims?: Record<string, unknown>): string;
  /** Verify a token; returns its claims or the reason it is invalid. */
  verify(token: string, audience?: string): { claims: Record<string, unknown> } | { error: string };
  /** Tokens issued so far. */
  issued: string[];
  publicKey: KeyObject;
  /** Claims added to every token from now on (e.g. another `sub`). */
  extraClaims: Record<string, unknown>;
}

export interface OidcIssuerOptions {
  subject?: string;
  /** Clock for `iat`/`exp` (ms). */
  now?: () => number;
  lifetimeSeconds?: number;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export async function startOidcIssuer(opts: OidcIssuerOptions = {}): Promise<OidcIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const requestToken = `req-${randomBytes(12).toString('hex')}`;
  const now = opts.now ?? Date.now;
  const issued: string[] = [];
  const extraClaims: Record<string, unknown> = {};
  const issuer = 'https://token.actions.githubusercontent.com';
  const mint = (claims: Record<string, unknown> = {}) => {
    const iat = Math.floor(now() / 1000);
    const payload = {
      jti: randomBytes(8).toString('hex'),
      sub: opts.subject ?? 'repo:octo-org/mirror:ref:refs/heads/main',
      aud: 'https://github.com/octo-org',
      ref: 'refs/heads/main',
      repository: 'octo-org/mirror',
      repository_owner: 'octo-org',
      actor: 'octocat',
      event_name: 'push',
      iss: issuer,
      nbf: iat - 600,
      iat,
      exp: iat + (opts.lifetimeSeconds ?? 300),
      ...extraClaims,
      ...claims,
    };
    const input = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'fake-kid' }))}.${b64url(JSON.stringify(payload))}`;
    const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const token = `${input}.${b64url(sig)}`;
    issued.push(token);
    return token;
  };
  const server = await startFake((req) => {
    if (req.method !== 'GET') return { status: 405, body: { message: 'method not allowed' } };
    if (req.headers.authorization !== `Bearer ${requestToken}`)
      return { status: 401, body: { message: 'Bad credentials' } };
    if (req.url.searchParams.get('api-version') !== '2.0')
      return { status: 400, body: { message: 'api-version missing' } };
    const audience = req.url.searchParams.get('audience');
    return { status: 200, body: { count: 1, value: mint(audience !== null ? { aud: audience } : {}) } };
  });
  const verify = (token: string, audience?: string) => {
    const [h, p, s] = token.split('.');
    if (h === undefined || p === undefined || s === undefined) return { error: 'not a JWT' };
    const ok = cryptoVerify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
    if (!ok) return { error: 'invalid signature' };
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now()) return { error: 'token expired' };
    if (audience !== undefined && claims.aud !== audience)
      return { error: `audience mismatch: ${String(claims.aud)}` };
    return { claims };
  };
  return {
    ...server,
    requestToken,
    issuer,
    issued,
    publicKey,
    extraClaims,
    mint,
    verify,
    env: {
      GITHUB_ACTIONS: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
  };
}
