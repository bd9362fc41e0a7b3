/**
 * A token server (Docker registry token auth) that signs exactly what distribution 2.8 verifies:
 * `iss`, `aud` as a plain string, `exp`, `nbf`, `access` claims, an `x5c` header chained to the
 * registry's `rootcertbundle`, ES256 with raw r||s signatures or RS256.
 *
 * It enforces the protocol strictly, so clients that send malformed requests fail here as they
 * would against a real token service:
 * - `GET /token?service=..&scope=..&scope=..` with Basic credentials or anonymous
 *   (https://distribution.github.io/distribution/spec/auth/token/);
 * - `POST /token` with an `application/x-www-form-urlencoded` body, `grant_type=password` or
 *   `grant_type=refresh_token`, `service`, `client_id` and a space-separated `scope`
 *   (https://distribution.github.io/distribution/spec/auth/oauth/).
 */
import { createHash, randomBytes, sign, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getSigningKey, type SigningKey } from './pki.js';

export interface TokenRequestLog {
  method: 'GET' | 'POST';
  grantType?: string;
  account?: string;
  scopes: string[];
  anonymous: boolean;
  status: number;
}

export interface TokenServer {
  url: string;
  /** The realm to configure in the registry: `${url}/token`. */
  realm: string;
  service: string;
  issuer: string;
  /** The certificate bundle the registry must trust (`auth.token.rootcertbundle`). */
  rootCertPath: string;
  requests: TokenRequestLog[];
  /** Refresh tokens issued so far, mapped to their account. */
  refreshTokens: Map<string, string>;
  stop(): Promise<void>;
}

export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenServerOptions {
  service?: string; // default 'test-registry'
  issuer?: string; // default 'oci-mirror-test-issuer'
  users?: Record<string, string>; // default { tester: 'secret-pw' }
  /** Anonymous requests get `pull` (and nothing else) when true; nothing at all when false (default). */
  anonymousPull?: boolean;
  /** Token lifetime in seconds (default 300). */
  expiresIn?: number;
  alg?: 'ES256' | 'RS256'; // default ES256
  /**
   * Overrides the grant for authenticated users (default: everything requested). Return the
   * actions granted for one requested scope entry.
   */
  grant?: (account: string, requested: AccessEntry) => string[];
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Parses `type:name:actions` where name may itself contain `:` (e.g. a port in a plugin name). */
export function parseScope(scope: string): AccessEntry | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  const type = scope.slice(0, first);
  const name = scope.slice(first + 1, last);
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((a) => a !== '');
  if (name === '') return undefined;
  return { type, name, actions };
}

function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = { typ: 'JWT', alg: key.alg, x5c: [key.certDerBase64] };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature =
    key.alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: key.keyPem, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key.keyPem);
  return `${input}.${b64url(signature)}`;
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > limit) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts a token server on a free 127.0.0.1 port. */
export async function startTokenServer(opts: TokenServerOptions = {}): Promise<TokenServer> {
  const service = opts.service ?? 'test-registry';
  const issuer = opts.issuer ?? 'oci-mirror-test-issuer';
  const users = opts.users ?? { tester: 'secret-pw' };
  const expiresIn = opts.expiresIn ?? 300;
  const key = await getSigningKey(opts.alg ?? 'ES256');
  const requests: TokenRequestLog[] = [];
  const refreshTokens = new Map<string, string>();

  const checkUser = (username: string, password: string): boolean => {
    const expected = Object.hasOwn(users, username) ? users[username] : undefined;
    return expected !== undefined && safeEqual(expected, password);
  };

  const parseBasic = (header: string | undefined): { username: string; password: string } | undefined => {
    if (header === undefined) return undefined;
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!m?.[1]) throw new HttpError(401, 'UNAUTHORIZED', 'malformed Authorization header');
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new HttpError(401, 'UNAUTHORIZED', 'malformed Basic credentials');
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  };

  const grantFor = (account: string | undefined, scopes: string[]): AccessEntry[] => {
    const access: AccessEntry[] = [];
    for (const s of scopes) {
      const requested = parseScope(s);
      if (!requested) throw new HttpError(400, 'INVALID_REQUEST', `invalid scope: ${s}`);
      let actions: string[];
      if (account === undefined) {
        actions = opts.anonymousPull ? requested.actions.filter((a) => a === 'pull') : [];
      } else if (opts.grant) {
        actions = opts.grant(account, requested);
      } else {
        actions = requested.actions;
      }
      if (actions.length > 0) access.push({ type: requested.type, name: requested.name, actions });
    }
    return access;
  };

  const issue = (account: string | undefined, scopes: string[], offline: boolean) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: issuer,
      sub: account ?? '',
      aud: service,
      exp: now + expiresIn,
      nbf: now - 1,
      iat: now,
      jti: randomBytes(12).toString('hex'),
      access: grantFor(account, scopes),
    };
    const token = signJwt(key, claims);
    const body: Record<string, unknown> = {
      token,
      access_token: token,
      expires_in: expiresIn,
      issued_at: new Date(now * 1000).toISOString(),
    };
    if (offline && account !== undefined) {
      const refresh = randomBytes(24).toString('base64url');
      refreshTokens.set(refresh, account);
      body.refresh_token = refresh;
    }
    return body;
  };

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    log: TokenRequestLog,
  ): Promise<unknown> => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    if (url.pathname !== '/token') throw new HttpError(404, 'NOT_FOUND', 'not found');
    if (req.method === 'GET') {
      log.method = 'GET';
      const q = url.searchParams;
      log.scopes = q.getAll('scope').flatMap((s) => s.split(' ').filter((x) => x !== ''));
      if (q.get('service') !== service) {
        throw new HttpError(400, 'INVALID_REQUEST', `unknown or missing service: ${q.get('service')}`);
      }
      const creds = parseBasic(req.headers.authorization);
      if (creds) {
        log.account = creds.username;
        if (!checkUser(creds.username, creds.password)) {
          res.setHeader('WWW-Authenticate', `Basic realm="${service}"`);
          throw new HttpError(401, 'UNAUTHORIZED', 'invalid username or password');
        }
        const account = q.get('account');
        if (account !== null && account !== creds.username) {
          throw new HttpError(400, 'INVALID_REQUEST', 'account does not match the credentials');
        }
        log.anonymous = false;
        return issue(creds.username, log.scopes, q.get('offline_token') === 'true');
      }
      log.anonymous = true;
      return issue(undefined, log.scopes, false);
    }
    if (req.method === 'POST') {
      log.method = 'POST';
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== 'application/x-www-form-urlencoded') {
        throw new HttpError(
          400,
          'INVALID_REQUEST',
          `POST /token needs a form body, got ${contentType || 'none'}`,
        );
      }
      const form = new URLSearchParams(await readBody(req));
      const grantType = form.get('grant_type') ?? '';
      log.grantType = grantType;
      log.scopes = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
      if (form.get('service') !== service) {
        throw new HttpError(400, 'INVALID_REQUEST', `unknown or missing service: ${form.get('service')}`);
      }
      if (!form.get('client_id')) throw new HttpError(400, 'INVALID_REQUEST', 'missing client_id');
      const offline = form.get('access_type') === 'offline';
      if (grantType === 'password') {
        const username = form.get('username');
        const password = form.get('password');
        if (username === null || password === null) {
          throw new HttpError(400, 'INVALID_REQUEST', 'missing username or password');
        }
        log.account = username;
        if (!checkUser(username, password))
          throw new HttpError(401, 'UNAUTHORIZED', 'invalid username or password');
        log.anonymous = false;
        return issue(username, log.scopes, offline);
      }
      if (grantType === 'refresh_token') {
        const refresh = form.get('refresh_token');
        if (!refresh) throw new HttpError(400, 'INVALID_REQUEST', 'missing refresh_token');
        const account = refreshTokens.get(refresh);
        if (account === undefined) throw new HttpError(401, 'UNAUTHORIZED', 'invalid refresh token');
        log.account = account;
        log.anonymous = false;
        const body = issue(account, log.scopes, false);
        // Keep the same refresh token valid, like distribution's reference token server.
        body.refresh_token = refresh;
        return body;
      }
      throw new HttpError(400, 'UNSUPPORTED_GRANT_TYPE', `unknown grant_type: ${grantType || 'none'}`);
    }
    res.setHeader('Allow', 'GET, POST');
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', `method ${req.method} not allowed`);
  };

  const server = createServer((req, res) => {
    const log: TokenRequestLog = {
      method: req.method === 'POST' ? 'POST' : 'GET',
      scopes: [],
      anonymous: true,
      status: 0,
    };
    handle(req, res, log).then(
      (body) => {
        log.status = 200;
        requests.push(log);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(body));
      },
      (err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        const code = err instanceof HttpError ? err.code : 'INTERNAL';
        log.status = status;
        requests.push(log);
        if (!res.headersSent) {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              error: code.toLowerCase(),
              errors: [{ code, message: err instanceof Error ? err.message : String(err) }],
            }),
          );
        }
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    realm: `${url}/token`,
    service,
    issuer,
    rootCertPath: key.certPath,
    requests,
    refreshTokens,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
