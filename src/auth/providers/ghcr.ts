/**
 * GitHub Container Registry with the job's `GITHUB_TOKEN`: username the actor, password the
 * token (the job needs `packages: write` to push). Not an exchange; the token lives as long as
 * the job. See registry-auth.md §5.5.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface GhcrOptions {
  username?: string;
}

export class GhcrProvider implements CredentialProvider {
  readonly name = 'ghcr';
  readonly #options: GhcrOptions;
  readonly #ctx: ProviderContext;

  constructor(options: GhcrOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const env = this.#ctx.env;
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token)
      throw new CredentialError(
        this.#ctx.host,
        'provider ghcr: no GITHUB_TOKEN in the environment; set GITHUB_TOKEN to the job token (github.token) (with `permissions: packages: write` to push)',
      );
    registerSecret(token);
    const username = this.#options.username ?? env.GITHUB_ACTOR;
    if (!username)
      throw new CredentialError(
        this.#ctx.host,
        'provider ghcr: set `username` (GITHUB_ACTOR is not set outside Actions)',
      );
    return { credential: { username, password: token } };
  }
}
