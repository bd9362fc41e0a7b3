/**
 * JFrog Platform OIDC: POST `/access/api/v1/oidc/token` (JSON, no Authorization header, as
 * jfrog/setup-jfrog-cli does) → `username` (or the user in the token's `sub`) / access token.
 * See registry-auth.md §5.1.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { decodeJwtClaims } from '../jwt.js';
import { describeIdToken } from '../oidc.js';
import { field, json, oauthError, send } from './http.js';
import { exchangeIdToken } from './id-token.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface JfrogOptions {
  /** The OIDC integration's provider name in JFrog. */
  providerName?: string;
  /** OIDC audience; default none (GitHub's default audience), as setup-jfrog-cli does. */
  audience?: string;
  /** Username override (default from the response). */
  username?: string;
  projectKey?: string;
}

/** setup-jfrog-cli's rule: `jfrt@…` or `…/users/<name>` subjects name the user after the last `/`. */
export function jfrogUserFromToken(token: string): string | undefined {
  const sub = decodeJwtClaims(token)?.sub;
  if (typeof sub !== 'string') return undefined;
  if (sub.startsWith('jfrt@') || sub.includes('/users/')) return sub.slice(sub.lastIndexOf('/') + 1);
  return undefined;
}

export class JfrogProvider implements CredentialProvider {
  readonly name = 'jfrog';
  readonly #options: JfrogOptions;
  readonly #ctx: ProviderContext;

  constructor(options: JfrogOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const ctx = this.#ctx;
    const providerName = this.#options.providerName;
    if (!providerName)
      throw new CredentialError(
        ctx.host,
        'provider jfrog: set `providerName` to the name of the OIDC integration in the JFrog Platform',
      );
    const idToken = await exchangeIdToken(ctx, 'jfrog', this.#options.audience);
    const what = `JFrog OIDC token exchange (provider "${providerName}")`;
    const started = ctx.now();
    const res = await send(ctx, what, {
      method: 'POST',
      url: ctx.endpoints.jfrog ?? `${ctx.transport.baseUrl(ctx.host)}/access/api/v1/oidc/token`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        subject_token: idToken,
        provider_name: providerName,
        ...(this.#options.projectKey ? { project_key: this.#options.projectKey } : {}),
        ...(ctx.env.GITHUB_RUN_ID ? { gh_run_id: ctx.env.GITHUB_RUN_ID } : {}),
        ...(ctx.env.GITHUB_REPOSITORY ? { gh_repo: ctx.env.GITHUB_REPOSITORY } : {}),
        ...(ctx.env.GITHUB_SHA ? { gh_revision: ctx.env.GITHUB_SHA } : {}),
      }),
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      throw new CredentialError(
        ctx.host,
        `${what} returned HTTP ${res.status}${e.message ? `: ${e.message}` : ''} — the integration's identity mappings must match this token's claims${describeIdToken(idToken)}`,
        { status: res.status, ...(e.code ? { code: e.code } : {}) },
      );
    }
    const body = json<{ access_token?: unknown; username?: unknown; expires_in?: unknown }>(ctx, what, res);
    const token = field(ctx, what, body.access_token, 'access_token');
    registerSecret(token);
    const username =
      this.#options.username ??
      (typeof body.username === 'string' && body.username ? body.username : jfrogUserFromToken(token));
    if (!username)
      throw new CredentialError(
        ctx.host,
        `${what}: the response names no user; set \`username\` on the host`,
      );
    const out: Exchanged = { credential: { username, password: token } };
    if (typeof body.expires_in === 'number') out.expiresAt = started + body.expires_in * 1000;
    return out;
  }
}
