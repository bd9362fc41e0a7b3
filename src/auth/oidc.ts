/**
 * The GitHub Actions OIDC token: GET `$ACTIONS_ID_TOKEN_REQUEST_URL&audience=…` with
 * `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`; the token is the response's `value`.
 * Tokens live five minutes, so callers ask right before each exchange (see registry-auth.md §1).
 */
import { safeUrl, type Transport } from '../oci/transport.js';
import { registerSecret } from '../secrets.js';
import { IdTokenUnavailableError, OidcTokenError } from './errors.js';
import { noIdToken } from './id-token-env.js';
import { decodeJwtClaims } from './jwt.js';

/** Fetches an OIDC ID token for an audience (undefined: the issuer's default audience). */
export type IdTokenSource = (audience: string | undefined) => Promise<string>;

/** An `IdTokenSource` for the GitHub Actions runner described by `env`. */
export function githubIdTokenSource(transport: Transport, env: NodeJS.ProcessEnv): IdTokenSource {
  return async (audience) => {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken) {
      const why = noIdToken(env);
      const message = why?.message ?? 'no ID token';
      // A fork's or Dependabot's job never gets one (a plan reads the host anonymously); anywhere
      // else its absence is a setup error to fix (`id-token: write`, or not in Actions at all).
      throw why?.cause === 'fork' || why?.cause === 'dependabot'
        ? new IdTokenUnavailableError(message)
        : new OidcTokenError(message);
    }
    registerSecret(requestToken);
    let url: URL;
    try {
      url = new URL(requestUrl);
    } catch (cause) {
      throw new OidcTokenError('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL', { cause });
    }
    if (audience !== undefined) url.searchParams.set('audience', audience);
    let status: number;
    let text: string;
    try {
      const res = await transport.request({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
      });
      status = res.status;
      text = await res.body.text();
    } catch (cause) {
      throw new OidcTokenError(
        `requesting the Actions OIDC token from ${safeUrl(url)} failed: ${(cause as Error).message}`,
        { cause },
      );
    }
    if (status !== 200) {
      // 401/403: the runner refused this job a token (no `id-token: write`); anything else is trouble.
      throw new (status === 401 || status === 403 ? IdTokenUnavailableError : OidcTokenError)(
        `the Actions OIDC token endpoint answered HTTP ${status}${audience !== undefined ? ` for audience "${audience}"` : ''}${detail(text)}`,
      );
    }
    let value: unknown;
    try {
      value = (JSON.parse(text) as { value?: unknown }).value;
    } catch (cause) {
      throw new OidcTokenError('the Actions OIDC token endpoint answered with a body that is not JSON', {
        cause,
      });
    }
    if (typeof value !== 'string' || value === '')
      throw new OidcTokenError('the Actions OIDC token endpoint answered without a "value" field');
    registerSecret(value);
    return value;
  };
}

function detail(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (typeof j.message === 'string') return `: ${j.message}`;
  } catch {
    // not JSON
  }
  return text ? `: ${text.slice(0, 200)}` : '';
}

/** `sub` and `aud` of an OIDC token for error messages (both are public claims). */
export function describeIdToken(token: string): string {
  const claims = decodeJwtClaims(token);
  if (!claims) return '';
  const aud = Array.isArray(claims.aud) ? claims.aud.join(',') : claims.aud;
  return ` (the OIDC token had sub "${String(claims.sub)}", aud "${String(aud)}", iss "${String(claims.iss)}")`;
}
