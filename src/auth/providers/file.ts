/** `credential.fromPath`: a token file re-read on every use, so a rotated token is picked up at once. */
import { readFile } from 'node:fs/promises';
import { confinePath } from '../../config/checks.js';
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface FileOptions {
  path: string;
  username?: string;
  /** When set, the path must still resolve inside this directory (a symlink swapped since load is refused). */
  confineTo?: string;
}

export class FileTokenProvider implements CredentialProvider {
  readonly name = 'fromPath';
  readonly #options: FileOptions;
  readonly #ctx: ProviderContext;

  constructor(options: FileOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const { path, username, confineTo } = this.#options;
    if (confineTo !== undefined) {
      const r = confinePath(path, confineTo);
      if (typeof r === 'string') throw new CredentialError(this.#ctx.host, `credential.fromPath: ${r}`);
    }
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      throw new CredentialError(
        this.#ctx.host,
        `cannot read credential.fromPath ${path}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    const secret = text.trim();
    registerSecret(secret);
    if (secret === '') throw new CredentialError(this.#ctx.host, `credential.fromPath ${path} is empty`);
    // Re-read on every use: expire immediately.
    return {
      credential: username !== undefined ? { username, password: secret } : { registryToken: secret },
      expiresAt: this.#ctx.now(),
    };
  }
}
