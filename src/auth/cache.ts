/**
 * Keeps one provider's credential and refreshes it before it expires: at half its lifetime
 * (what amazon-ecr-credential-helper does for ECR's 12 h), and never later than 30 s before the
 * end. Concurrent callers share one exchange; a failed exchange is not cached.
 */
import { maskCredential } from './credentials.js';
import type { CredentialProvider, Exchanged } from './providers/types.js';

const MIN_MARGIN_MS = 30_000;

/** The credential a `RefreshingCredential` hands out: `expiresAt` is when to ask again. */
export interface CachedCredential extends Exchanged {
  /** Epoch ms from which `get()` exchanges again; undefined when the credential never expires. */
  refreshAt?: number;
}

export class RefreshingCredential {
  readonly #provider: CredentialProvider;
  readonly #now: () => number;
  #current: CachedCredential | undefined;
  #pending: Promise<CachedCredential> | undefined;
  /** Exchanges performed so far (tests and reports). */
  exchanges = 0;

  constructor(provider: CredentialProvider, now: () => number) {
    this.#provider = provider;
    this.#now = now;
  }

  get name(): string {
    return this.#provider.name;
  }

  /** The cached credential while fresh, else a new one. */
  async get(): Promise<CachedCredential> {
    const cur = this.#current;
    if (cur && (cur.refreshAt === undefined || this.#now() < cur.refreshAt)) return cur;
    if (!this.#pending) {
      const issued = this.#now();
      this.exchanges++;
      this.#pending = this.#provider
        .fetch()
        .then((x) => {
          maskCredential(x.credential);
          const out: CachedCredential = { ...x };
          if (x.expiresAt !== undefined) {
            const life = Math.max(0, x.expiresAt - issued);
            out.refreshAt = Math.min(issued + life / 2, x.expiresAt - MIN_MARGIN_MS);
          }
          this.#current = out;
          return out;
        })
        .finally(() => {
          this.#pending = undefined;
        });
    }
    return this.#pending;
  }

  /** Forget the cached credential (the registry refused it). */
  invalidate(): void {
    this.#current = undefined;
  }
}
