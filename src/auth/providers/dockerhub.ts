/**
 * Docker Hub organization OIDC connections: POST `https://identity.docker.com/oauth/token`
 * (token exchange with `connection_id`) → organization name / access token.
 * See registry-auth.md §5.3.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import { describeIdToken } from '../oidc.js';
import { field, json, oauthError, send } from './http.js';
import { exchangeIdToken } from './id-token.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface DockerHubOptions {
  /** The Docker Hub organization (the username). */
  organization?: string;
  /** The OIDC connection's id (UUID). */
  connectionId?: string;
  /** OIDC audience; default `https://identity.docker.com`. */
  audience?: string;
  /** Requested lifetime; default 3600 s (accepted by every documented version: 300–3600 / 300–21600). */
  expiresInSeconds?: number;
}

export class DockerHubProvider implements CredentialProvider {
  readonly name = 'dockerhub';
  readonly #options: DockerHubOptions;
  readonly #ctx: ProviderContext;

  constructor(options: DockerHubOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const ctx = this.#ctx;
    const { organization } = this.#options;
    const connectionId = this.#options.connectionId ?? ctx.env.DOCKERHUB_OIDC_CONNECTIONID;
    if (!organization || !connectionId)
      throw new CredentialError(
        ctx.host,
        'provider dockerhub: set `username` to the Docker Hub organization and `connectionId` to its OIDC connection id',
      );
    const audience = this.#options.audience ?? 'https://identity.docker.com';
    const idToken = await exchangeIdToken(ctx, 'dockerhub', audience);
    const what = `Docker Hub OIDC exchange for ${organization}`;
    const expiresIn = this.#options.expiresInSeconds ?? 3600;
    const started = ctx.now();
    const res = await send(ctx, what, {
      method: 'POST',
      url: ctx.endpoints.dockerhub ?? 'https://identity.docker.com/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        subject_token: idToken,
        connection_id: connectionId,
        expires_in: String(expiresIn),
      }).toString(),
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      throw new CredentialError(
        ctx.host,
        `${what} returned HTTP ${res.status}${e.message ? `: ${e.message}` : ''} — the OIDC connection must trust this repository and workflow${describeIdToken(idToken)}`,
        { status: res.status },
      );
    }
    const token = field(
      ctx,
      what,
      json<{ access_token?: unknown }>(ctx, what, res).access_token,
      'access_token',
    );
    registerSecret(token);
    return {
      credential: { username: organization, password: token },
      expiresAt: jwtExpiry(token) ?? started + expiresIn * 1000,
    };
  }
}
