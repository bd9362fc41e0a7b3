/**
 * The distribution token protocol: GET `<realm>?service=&scope=` with Basic or anonymously, and the
 * OAuth2 POST form (`grant_type=password` / `refresh_token`).
 */
import type { Scope } from '../oci/authorizer.js';
import { AuthError, parseErrorBody } from '../oci/errors.js';
import { safeUrl, type Transport } from '../oci/transport.js';
import { registerSecret } from '../secrets.js';
import type { Credential } from './credentials.js';
import { formatScope } from './scope.js';

export interface TokenRequest {
  /** Registry host the token is for (messages only). */
  host: string;
  realm: string;
  service?: string;
  scopes: readonly Scope[];
  credential?: Credential | undefined;
  /** Use the OAuth2 POST form for username/password (default: GET with Basic, POST as fallback). */
  preferPost?: boolean;
}

export interface Token {
  token: string;
  /** Epoch milliseconds after which the token must not be used. */
  expiresAt: number;
  refreshToken?: string;
}

const CLIENT_ID = 'oci-mirror';
/** Tokens without `expires_in` live 60 s per the spec; we renew a little early. */
const DEFAULT_EXPIRES_IN = 60;
const RENEW_EARLY_MS = 10_000;

function checkRealm(host: string, realm: string): URL {
  let url: URL;
  try {
    url = new URL(realm);
  } catch (cause) {
    throw new AuthError(host, `token realm "${realm}" is not a URL`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AuthError(host, `token realm "${realm}" must be http(s)`);
  }
  return url;
}

/** Largest token answer read (tokens are a few KB; the read is retried whole when cut). */
const MAX_TOKEN_ANSWER = 1024 * 1024;

async function parseTokenResponse(host: string, status: number, text: string, now: number): Promise<Token> {
  let body: {
    token?: unknown;
    access_token?: unknown;
    expires_in?: unknown;
    issued_at?: unknown;
    refresh_token?: unknown;
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch (cause) {
    throw new AuthError(host, `token endpoint answered HTTP ${status} with a body that is not JSON`, {
      cause,
      status,
    });
  }
  const token =
    typeof body.token === 'string' && body.token !== ''
      ? body.token
      : typeof body.access_token === 'string'
        ? body.access_token
        : undefined;
  if (!token)
    throw new AuthError(host, 'token endpoint answered without "token" or "access_token"', { status });
  registerSecret(token);
  const expiresIn =
    typeof body.expires_in === 'number' && body.expires_in >= DEFAULT_EXPIRES_IN
      ? body.expires_in
      : DEFAULT_EXPIRES_IN;
  const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : Number.NaN;
  // Trust our clock over the server's issued_at when they disagree wildly (skewed servers).
  const base = Number.isFinite(issued) && Math.abs(issued - now) < 5 * 60_000 ? issued : now;
  const out: Token = { token, expiresAt: base + expiresIn * 1000 - RENEW_EARLY_MS };
  if (typeof body.refresh_token === 'string') {
    registerSecret(body.refresh_token);
    out.refreshToken = body.refresh_token;
  }
  return out;
}

async function failure(host: string, method: string, url: URL, status: number, text: string): Promise<never> {
  const codes = parseErrorBody(text)
    .map((e) => e.code + (e.message ? `: ${e.message}` : ''))
    .join('; ');
  let detail = codes;
  if (!detail) {
    try {
      const j = JSON.parse(text) as { error?: string; error_description?: string; details?: string };
      detail = [j.error, j.error_description ?? j.details].filter(Boolean).join(': ');
    } catch {
      detail = '';
    }
  }
  const hint =
    status === 401 || status === 403 ? ' — check the username and password/token for this host' : '';
  throw new AuthError(
    host,
    `token request ${method} ${safeUrl(url)} returned HTTP ${status}${detail ? ` (${detail})` : ''}${hint}`,
    { status },
  );
}

async function getToken(
  transport: Transport,
  req: TokenRequest,
  now: number,
): Promise<Token | { status: number; text: string }> {
  const url = checkRealm(req.host, req.realm);
  if (req.service) url.searchParams.set('service', req.service);
  for (const scope of req.scopes) url.searchParams.append('scope', formatScope(scope));
  const headers: Record<string, string> = { accept: 'application/json' };
  const cred = req.credential;
  if (cred?.username !== undefined && cred.password !== undefined) {
    url.searchParams.set('account', cred.username);
    headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
  }
  const res = await transport.request({ method: 'GET', url, headers, buffer: MAX_TOKEN_ANSWER });
  const text = await res.body.text();
  if (res.status !== 200) return { status: res.status, text };
  return parseTokenResponse(req.host, res.status, text, now);
}

async function postToken(
  transport: Transport,
  req: TokenRequest,
  now: number,
): Promise<Token | { status: number; text: string }> {
  const url = checkRealm(req.host, req.realm);
  const form = new URLSearchParams();
  const cred = req.credential;
  if (cred?.identityToken !== undefined) {
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', cred.identityToken);
  } else if (cred?.username !== undefined && cred.password !== undefined) {
    form.set('grant_type', 'password');
    form.set('username', cred.username);
    form.set('password', cred.password);
  } else {
    throw new AuthError(req.host, 'the OAuth2 token form needs a refresh token or a username and password');
  }
  if (req.service) form.set('service', req.service);
  form.set('client_id', CLIENT_ID);
  if (req.scopes.length > 0) form.set('scope', req.scopes.map(formatScope).join(' '));
  const res = await transport.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    buffer: MAX_TOKEN_ANSWER,
  });
  const text = await res.body.text();
  if (res.status !== 200) return { status: res.status, text };
  return parseTokenResponse(req.host, res.status, text, now);
}

/**
 * Fetch a bearer token. Refresh tokens always use the POST form. Username/password use GET with
 * Basic (every token server supports it) and fall back to the POST password grant when GET is
 * refused with 404/405 — or the reverse with `preferPost`, falling back like containerd does
 * (404, 405, 400, 401 on POST: GCR, ACR and Artifactory only speak GET).
 */
export async function fetchToken(transport: Transport, req: TokenRequest, now = Date.now()): Promise<Token> {
  const cred = req.credential;
  if (cred?.identityToken !== undefined) {
    const r = await postToken(transport, req, now);
    if ('token' in r) return r;
    return failure(req.host, 'POST', new URL(req.realm), r.status, r.text);
  }
  const hasPassword = cred?.username !== undefined && cred.password !== undefined;
  if (hasPassword && req.preferPost) {
    const r = await postToken(transport, req, now);
    if ('token' in r) return r;
    if (![400, 401, 404, 405].includes(r.status))
      return failure(req.host, 'POST', new URL(req.realm), r.status, r.text);
  }
  const r = await getToken(transport, req, now);
  if ('token' in r) return r;
  if (hasPassword && !req.preferPost && (r.status === 404 || r.status === 405)) {
    const p = await postToken(transport, req, now);
    if ('token' in p) return p;
    return failure(req.host, 'POST', new URL(req.realm), p.status, p.text);
  }
  return failure(req.host, 'GET', new URL(req.realm), r.status, r.text);
}
