/**
 * The GitHub Actions OIDC token: GET `$ACTIONS_ID_TOKEN_REQUEST_URL&audience=…` with
 * `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`; the token is the response's `value`.
 * Tokens live five minutes, so callers ask right before each exchange (see registry-auth.md §1).
 */
import { readFileSync } from 'node:fs';
import { safeUrl, type Transport } from '../oci/transport.js';
import { registerSecret } from '../secrets.js';
import { OidcTokenError } from './errors.js';
import { decodeJwtClaims } from './jwt.js';

/** Fetches an OIDC ID token for an audience (undefined: the issuer's default audience). */
export type IdTokenSource = (audience: string | undefined) => Promise<string>;

/** Why no token can be requested in this environment, worded as the remedy. */
export function missingIdTokenReason(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_ACTIONS !== 'true') {
    return 'the GitHub Actions OIDC token is only available inside a GitHub Actions job (ACTIONS_ID_TOKEN_REQUEST_URL is not set); outside Actions give the host a `credential.value`/`fromPath`, or use Docker config or cloud credentials from the environment';
  }
  if (isForkPullRequest(env)) {
    return 'this is a pull request from a fork: GitHub does not issue OIDC tokens to workflows triggered by pull requests from forks; run the mirror on push/schedule, or skip it for forks (`if: github.event.pull_request.head.repo.fork == false`)';
  }
  return 'ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: grant the job `permissions: id-token: write` (a reusable workflow from another organisation needs it set by the caller too)';
}

function isForkPullRequest(env: NodeJS.ProcessEnv): boolean {
  if (!env.GITHUB_EVENT_NAME?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return false;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        head?: { repo?: { fork?: boolean; full_name?: string } };
        base?: { repo?: { full_name?: string } };
      };
    };
    const head = event.pull_request?.head?.repo;
    return (
      head?.fork === true ||
      (head?.full_name !== undefined && head.full_name !== event.pull_request?.base?.repo?.full_name)
    );
  } catch {
    return false;
  }
}

/** An `IdTokenSource` for the GitHub Actions runner described by `env`. */
export function githubIdTokenSource(transport: Transport, env: NodeJS.ProcessEnv): IdTokenSource {
  return async (audience) => {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken) throw new OidcTokenError(missingIdTokenReason(env));
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
      throw new OidcTokenError(
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
