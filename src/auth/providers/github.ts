/**
 * `credential.provider: github` (and `forgejo`, whose Actions serve the same ID-token protocol:
 * ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN): the Actions OIDC token itself, for the audience (default the host).
 */
import { CredentialError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface GithubOidcOptions {
  audience?: string;
  username?: string;
  /** Which CI serves the token (names it in messages); default github. */
  ci?: 'github' | 'forgejo';
}

/** GitHub documents a 5 minute lifetime; used when the token carries no readable `exp`. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

export class GithubOidcProvider implements CredentialProvider {
  readonly name: 'github' | 'forgejo';
  readonly #options: GithubOidcOptions;
  readonly #ctx: ProviderContext;

  constructor(options: GithubOidcOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
    this.name = options.ci ?? 'github';
  }

  async fetch(): Promise<Exchanged> {
    const audience = this.#options.audience ?? this.#ctx.host;
    let token: string;
    try {
      token = await this.#ctx.idToken(audience);
    } catch (cause) {
      throw new CredentialError(
        this.#ctx.host,
        `getting the ${this.name === 'forgejo' ? 'Forgejo' : 'GitHub'} Actions OIDC token for audience "${audience}": ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    const { username } = this.#options;
    return {
      credential: username !== undefined ? { username, password: token } : { registryToken: token },
      expiresAt: jwtExpiry(token) ?? this.#ctx.now() + DEFAULT_LIFETIME_MS,
    };
  }
}
