/** `credential.provider: github`: the Actions OIDC token itself, for the audience (default the host). */
import { CredentialError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface GithubOidcOptions {
  audience?: string;
  username?: string;
}

/** GitHub documents a 5 minute lifetime; used when the token carries no readable `exp`. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

export class GithubOidcProvider implements CredentialProvider {
  readonly name = 'github';
  readonly #options: GithubOidcOptions;
  readonly #ctx: ProviderContext;

  constructor(options: GithubOidcOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const audience = this.#options.audience ?? this.#ctx.host;
    let token: string;
    try {
      token = await this.#ctx.idToken(audience);
    } catch (cause) {
      throw new CredentialError(
        this.#ctx.host,
        `getting the GitHub Actions OIDC token for audience "${audience}": ${(cause as Error).message}`,
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
