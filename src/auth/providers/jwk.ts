/** `credential.jwkPath` / `jwkValue`: a fresh JWT signed per request with `iss`, `sub`, `aud`, `exp`, `kid`. */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { confinePath } from '../../config/checks.js';
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { type Jwk, parseJwk, signJwt } from '../jwt.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface JwkOptions {
  /** Private JWK file (re-read per request, like fromPath). */
  path?: string;
  /** Private JWK text. */
  value?: string;
  issuer: string;
  subject: string;
  /** Audiences; default the host. */
  audiences?: string[];
  /** JWT lifetime in ms (default 60 s). */
  lifetimeMs?: number;
  username?: string;
  confineTo?: string;
}

const DEFAULT_LIFETIME_MS = 60_000;

export class JwkSignedProvider implements CredentialProvider {
  readonly name = 'jwk';
  readonly #options: JwkOptions;
  readonly #ctx: ProviderContext;

  constructor(options: JwkOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async #key(): Promise<Jwk> {
    const { path, value, confineTo } = this.#options;
    const where = path !== undefined ? `credential.jwkPath ${path}` : 'credential.jwkValue';
    let text = value;
    if (path !== undefined) {
      if (confineTo !== undefined) {
        const r = confinePath(path, confineTo);
        if (typeof r === 'string') throw new CredentialError(this.#ctx.host, `credential.jwkPath: ${r}`);
      }
      try {
        text = await readFile(path, 'utf8');
      } catch (cause) {
        throw new CredentialError(this.#ctx.host, `cannot read ${where}: ${(cause as Error).message}`, {
          cause,
        });
      }
    }
    try {
      const jwk = parseJwk(text ?? '');
      registerSecret(jwk.d);
      return jwk;
    } catch (cause) {
      throw new CredentialError(this.#ctx.host, `${where}: ${(cause as Error).message}`, { cause });
    }
  }

  async fetch(): Promise<Exchanged> {
    const jwk = await this.#key();
    const now = this.#ctx.now();
    const iat = Math.floor(now / 1000);
    const exp = Math.floor((now + (this.#options.lifetimeMs ?? DEFAULT_LIFETIME_MS)) / 1000);
    const audiences = this.#options.audiences?.length ? this.#options.audiences : [this.#ctx.host];
    let token: string;
    try {
      token = signJwt(jwk, {
        iss: this.#options.issuer,
        sub: this.#options.subject,
        aud: audiences.length === 1 ? audiences[0] : audiences,
        iat,
        nbf: iat,
        exp,
        jti: randomUUID(),
      });
    } catch (cause) {
      throw new CredentialError(
        this.#ctx.host,
        `signing a JWT with the configured JWK: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    registerSecret(token);
    const { username } = this.#options;
    // A fresh JWT per request: expire immediately.
    return {
      credential: username !== undefined ? { username, password: token } : { registryToken: token },
      expiresAt: now,
    };
  }
}
