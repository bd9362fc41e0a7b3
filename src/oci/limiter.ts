/**
 * Politeness per registry host: a token bucket (`rateLimit: {requestsPerSecond, burst}`), a cap on
 * requests awaiting an answer at once (`maxConcurrency`), a host-wide pause when the registry
 * answers 429 with `Retry-After` (every request to that host waits, not only the one refused), and
 * what the registry says of its own limit (Docker Hub's `ratelimit-limit` / `ratelimit-remaining`,
 * e.g. `100;w=21600`). The transport acquires a slot before each request and reports each answer.
 */

/** Configured limits for one host; absent fields mean no limit. */
export interface HostLimits {
  rateLimit?: { requestsPerSecond: number; burst?: number };
  maxConcurrency?: number;
}

/** What one host's limiter saw, for the report and the job summary. */
export interface HostRateState {
  /** 429 answers seen. */
  rateLimited: number;
  /** The registry's own limit (`ratelimit-limit`), when it says. */
  limit?: number;
  /** Requests left in the registry's window (`ratelimit-remaining`), as of the last answer. */
  remaining?: number;
  /** Length of the registry's window in seconds (`;w=`), when it says. */
  windowSeconds?: number;
}

/** Read `100;w=21600` (Docker Hub) or a bare number. */
export function parseRateLimitHeader(value: string | undefined): { n: number; window?: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)\s*(?:;\s*w\s*=\s*(\d+))?/.exec(value);
  if (!m) return undefined;
  return m[2] !== undefined ? { n: Number(m[1]), window: Number(m[2]) } : { n: Number(m[1]) };
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** One host's limiter. */
export class HostLimiter {
  readonly #limits: HostLimits;
  readonly #clock: LimiterClock;
  #tokens: number;
  #refilledAt: number;
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];
  #pausedUntil = 0;
  readonly #state: HostRateState = { rateLimited: 0 };
  /** Serialises token taking so that waiters are served in order. */
  #queue: Promise<void> = Promise.resolve();

  constructor(limits: HostLimits = {}, clock: LimiterClock = realClock) {
    this.#limits = limits;
    this.#clock = clock;
    this.#tokens = this.#burst();
    this.#refilledAt = clock.now();
  }

  #burst(): number {
    const r = this.#limits.rateLimit;
    return r ? Math.max(1, r.burst ?? Math.ceil(r.requestsPerSecond)) : Number.POSITIVE_INFINITY;
  }

  /** Wait for the host's pause, a token and a slot; call the returned function when answered. */
  async acquire(): Promise<() => void> {
    const turn = this.#queue.then(() => this.#take());
    this.#queue = turn.catch(() => undefined);
    await turn;
    const max = this.#limits.maxConcurrency;
    if (max !== undefined && this.#inFlight >= max)
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#waiting.shift()?.();
    };
  }

  async #take(): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      if (now < this.#pausedUntil) {
        await this.#clock.sleep(this.#pausedUntil - now);
        continue;
      }
      const r = this.#limits.rateLimit;
      if (!r) return;
      this.#tokens = Math.min(
        this.#burst(),
        this.#tokens + ((now - this.#refilledAt) / 1000) * r.requestsPerSecond,
      );
      this.#refilledAt = now;
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.#clock.sleep(Math.ceil(((1 - this.#tokens) / r.requestsPerSecond) * 1000));
    }
  }

  /**
   * Learn from an answer: a 429 pauses the whole host for its `Retry-After` (`retryAfterMs`), and
   * the registry's rate-limit headers are remembered.
   */
  observe(status: number, header: (name: string) => string | undefined, retryAfterMs?: number): void {
    if (status === 429) {
      this.#state.rateLimited++;
      if (retryAfterMs !== undefined && retryAfterMs > 0)
        this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + retryAfterMs);
    }
    const limit = parseRateLimitHeader(header('ratelimit-limit'));
    const remaining = parseRateLimitHeader(header('ratelimit-remaining'));
    if (limit) {
      this.#state.limit = limit.n;
      if (limit.window !== undefined) this.#state.windowSeconds = limit.window;
    }
    if (remaining) this.#state.remaining = remaining.n;
  }

  /** Until when (ms since the epoch) the host is paused by a 429; 0 when it is not. */
  get pausedUntil(): number {
    return this.#pausedUntil > this.#clock.now() ? this.#pausedUntil : 0;
  }

  /** A snapshot of what the host said. */
  state(): HostRateState {
    return { ...this.#state };
  }
}
