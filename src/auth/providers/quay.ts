/**
 * Quay robot account federation: GET `/oauth2/federation/robot/token` with Basic
 * `<org>+<robot>:<OIDC token>` → a robot token valid for one hour. See registry-auth.md §5.2.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import { describeIdToken } from '../oidc.js';
import { field, json, oauthError, send } from './http.js';
import { exchangeIdToken } from './id-token.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface QuayOptions {
  /** The robot account, `<org>+<robot>`. */
  robot?: string;
  /** OIDC audience (Quay does not check it); default the host. */
  audience?: string;
}

const LIFETIME_MS = 3_600_000;

export class QuayProvider implements CredentialProvider {
  readonly name = 'quay';
  readonly #options: QuayOptions;
  readonly #ctx: ProviderContext;

  constructor(options: QuayOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const ctx = this.#ctx;
    const robot = this.#options.robot;
    if (!robot?.includes('+'))
      throw new CredentialError(
        ctx.host,
        'provider quay: set `username` to the robot account (`org+robot`) that federates this workflow',
      );
    const idToken = await exchangeIdToken(ctx, 'quay', this.#options.audience ?? ctx.host);
    const basic = Buffer.from(`${robot}:${idToken}`).toString('base64');
    registerSecret(basic);
    const what = `Quay robot federation for ${robot}`;
    const started = ctx.now();
    const res = await send(ctx, what, {
      method: 'GET',
      url: ctx.endpoints.quay ?? `${ctx.transport.baseUrl(ctx.host)}/oauth2/federation/robot/token`,
      headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      throw new CredentialError(
        ctx.host,
        `${what} returned HTTP ${res.status}${e.code ? `: ${e.code}` : ''}${e.message ? `: ${e.message}` : ''} — the robot's federation config must list this issuer and exactly this subject${describeIdToken(idToken)}`,
        { status: res.status },
      );
    }
    const token = field(ctx, what, json<{ token?: unknown }>(ctx, what, res).token, 'token');
    registerSecret(token);
    return {
      credential: { username: robot, password: token },
      expiresAt: jwtExpiry(token) ?? started + LIFETIME_MS,
    };
  }
}
