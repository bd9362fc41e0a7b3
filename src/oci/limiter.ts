/**
 * Politeness per registry host: a token bucket (`rateLimit: {requestsPerSecond, burst}`), a cap on
 * requests awaiting an answer at once (`maxConcurrency`), a host-wide pause when the registry
 * answers 429 with `Retry-After` (every request to that host waits, not only the one refused), and
 * what the registry says of its own limit (Docker Hub's `ratelimit-limit` / `ratelimit-remaining`,
 * e.g. `100;w=21600`). The transport acquires a slot before each request and reports each answer.
 *
 * Pull limits (Docker Hub): a GET of a manifest is a pull, a HEAD is not. Once a host has said its
 * limit, a pull is not sent when what is left (less the pulls awaiting an answer) is down to a small
 * reserve: the transport throws `PullLimitError` instead, and the tag is reported `deferred` with
 * the time the registry's window will have passed, rather than burnt into 429s.
 */
import { PullLimitError } from './errors.js';

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

/** A GET of a manifest: what Docker Hub counts as a pull (HEADs and blob GETs do not count). */
export function isPull(method: string, pathname: string): boolean {
  return method === 'GET' && /\/manifests\/[^/]+$/.test(pathname);
}

/** Pulls kept back from a host's limit: 5 % of it, at least 1 (5 of Docker Hub's anonymous 100). */
export function pullReserve(limit: number): number {
  return Math.max(1, Math.ceil(limit * 0.05));
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
  /** Requests in `#queue` or waiting for a slot. */
  #queued = 0;
  /** Pulls sent and not yet answered (not yet in the registry's `remaining`). */
  #pullsInFlight = 0;
  /** When deferred pulls may be tried again, fixed at the first deferral (ms since the epoch). */
  #retryAt: number | undefined;
  /** An answer was observed (so the registry had its chance to state a limit). */
  #answered = false;

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
    const max = this.#limits.maxConcurrency;
    // Nothing to wait for (no rate limit, no pause, nobody ahead, a free slot): no queue turn.
    const free =
      this.#queued === 0 &&
      this.#limits.rateLimit === undefined &&
      (this.#pausedUntil === 0 || this.#pausedUntil <= this.#clock.now()) &&
      (max === undefined || this.#inFlight < max);
    if (!free) {
      this.#queued++;
      try {
        const turn = this.#queue.then(() => this.#take());
        this.#queue = turn.catch(() => undefined);
        await turn;
        if (max !== undefined && this.#inFlight >= max)
          await new Promise<void>((resolve) => this.#waiting.push(resolve));
      } finally {
        this.#queued--;
      }
    }
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
    this.#answered = true;
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
    if (remaining) {
      // While our own pulls are on their way, an answer may be older than the last one seen (answers
      // overtake each other): only a lower figure is news then. With none in flight, the registry's
      // word stands (its window slides: pulls come back).
      const known = this.#state.remaining;
      this.#state.remaining =
        known === undefined || this.#pullsInFlight === 0 ? remaining.n : Math.min(known, remaining.n);
    }
  }

  /**
   * The error to throw instead of sending a pull, when only the reserve is left of the host's
   * pull limit; undefined while pulls may go out (or the host never said its limit).
   */
  pullRefusal(host: string): PullLimitError | undefined {
    const { limit, remaining, windowSeconds } = this.#state;
    if (limit === undefined || remaining === undefined) return undefined;
    const left = Math.max(0, remaining - this.#pullsInFlight);
    if (left > pullReserve(limit)) return undefined;
    if (this.#retryAt === undefined) {
      const now = this.#clock.now();
      // Docker Hub's window slides: after a whole window every pull counted so far has left it.
      this.#retryAt = Math.max(now + (windowSeconds ?? 0) * 1000, this.#pausedUntil);
      if (this.#retryAt <= now) this.#retryAt = undefined;
    }
    return new PullLimitError(
      host,
      left,
      limit,
      this.#retryAt === undefined ? undefined : new Date(this.#retryAt),
    );
  }

  /** A pull goes out (see `pullRefusal`): count it until `pullAnswered`. */
  pullStarted(): void {
    this.#pullsInFlight++;
  }

  /**
   * A pull was answered (`status`) or failed without an answer (undefined). An answer that did
   * not report `ratelimit-remaining` still used one pull when it succeeded.
   */
  pullAnswered(status: number | undefined, reported: boolean): void {
    this.#pullsInFlight = Math.max(0, this.#pullsInFlight - 1);
    if (status !== undefined && status < 300 && !reported && this.#state.remaining !== undefined)
      this.#state.remaining = Math.max(0, this.#state.remaining - 1);
  }

  /**
   * Whether the host counts pulls (it stated a limit, `ratelimit-limit`): undefined until it has
   * answered once.
   */
  get countsPulls(): boolean | undefined {
    return this.#answered ? this.#state.limit !== undefined : undefined;
  }

  /** When deferred pulls may be tried again, once a pull was refused. */
  get retryAt(): Date | undefined {
    return this.#retryAt === undefined ? undefined : new Date(this.#retryAt);
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
