/** Bounded concurrency helpers. */

/** A counting semaphore: `run(fn)` waits for a free slot. */
export class Semaphore {
  #free: number;
  readonly #waiters: (() => void)[] = [];
  constructor(size: number) {
    this.#free = Math.max(1, size);
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiters.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.#waiters.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

/**
 * Map over items with at most `size` in flight; results keep the input order. Never rejects early:
 * after a failure no new item is started, and the first error is thrown only once every item
 * already started has settled (so a failed job does not keep working after it is reported).
 */
export async function mapPool<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, size), items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}

/** How fast a host has answered so far (see `Transport.answerTimes`). */
export interface HostAnswers {
  answers: number;
  fastestMs: number;
}

/**
 * Fewer requests in flight for a near host. A registry on the same machine or network answers in
 * about a millisecond when it is not busy, so a few requests in flight keep it busy and each more
 * only queues there and opens one more connection; a far one needs them all (1,000 entries plan in
 * ~5 s behind 25 ms each way only with 32 in flight).
 *
 * Every host starts with `near` in flight; its first `after` answers judge it, once: by Little's
 * law, to keep `rate` requests a millisecond going to a host whose answers take `t` ms, `rate * t`
 * must be in flight, and the host gets that, between `near` and the whole limit, `t` being the
 * fastest of those answers (the transport's time less our own busy time: the round trip plus the
 * registry's work). A host can look farther than it is (a loaded machine, a TLS handshake, a
 * registry busy with others): it then gets more, at most today's whole limit; it cannot look
 * nearer, since no answer comes back faster than the round trip.
 */
export interface AdaptiveLimit {
  /** Answers that judge a host. */
  after: number;
  /** Requests in flight per host until it is judged, and the least after. */
  near: number;
  /** Requests per millisecond each host should be able to get through. */
  rate: number;
  /** The host's answers so far (undefined before the first). */
  answers(host: string): HostAnswers | undefined;
  /** Told when a host is judged (for `--verbose`). */
  judged?: (host: string, limit: number, answers: HostAnswers) => void;
}

/** Requests in flight allowed to a host with `answers` so far (see `AdaptiveLimit`). */
export function hostLimit(
  perHost: number,
  rule: Pick<AdaptiveLimit, 'near' | 'after' | 'rate'>,
  answers: HostAnswers | undefined,
): number {
  const near = Math.max(1, Math.min(perHost, rule.near));
  if (answers === undefined || answers.answers < rule.after) return near;
  return Math.max(near, Math.min(perHost, Math.ceil(answers.fastestMs * rule.rate)));
}

/**
 * Requests in flight per registry host, shared by everything that plans (tag lists and manifest
 * HEADs of all entries at once): planning scales with the requests a host can take, not with the
 * number of entries, and no host is flooded however many entries name it. With `adaptive`, a host
 * gets up to `perHost` as its answer times say it needs (see `AdaptiveLimit`).
 */
export class HostLimiter {
  readonly #size: number;
  readonly #adaptive: AdaptiveLimit | undefined;
  readonly #hosts = new Map<string, HostSlots>();
  constructor(perHost: number, adaptive?: AdaptiveLimit) {
    this.#size = Math.max(1, perHost);
    this.#adaptive = adaptive;
  }
  /** The most requests a host may ever have in flight. */
  get perHost(): number {
    return this.#size;
  }
  /** The most requests a host had in flight at once so far. */
  mostInFlight(host: string): number {
    return this.#hosts.get(host)?.most ?? 0;
  }
  /** Requests the host may have in flight now: `near` until judged, then what its answers said. */
  #limit(host: string, slots: HostSlots): number {
    const a = this.#adaptive;
    if (!a) return this.#size;
    if (slots.judged !== undefined) return slots.judged;
    const answers = a.answers(host);
    const limit = hostLimit(this.#size, a, answers);
    if (answers !== undefined && answers.answers >= a.after) {
      slots.judged = limit;
      a.judged?.(host, limit, answers);
    }
    return limit;
  }
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    let slots = this.#hosts.get(host);
    if (!slots) {
      slots = { inFlight: 0, waiters: [], most: 0, judged: undefined };
      this.#hosts.set(host, slots);
    }
    const mine = slots;
    // A waiter is handed its slot by the request it waited for (counted in `inFlight` already).
    if (mine.inFlight < this.#limit(host, mine)) mine.inFlight++;
    else await new Promise<void>((resolve) => mine.waiters.push(resolve));
    mine.most = Math.max(mine.most, mine.inFlight);
    try {
      return await fn();
    } finally {
      // The slot comes free on the next turn of the event loop: undici reuses a connection only a
      // turn after its answer, and a request sent before that would open one more connection.
      setImmediate(() => this.#release(host, mine));
    }
  }
  #release(host: string, slots: HostSlots): void {
    slots.inFlight--;
    // The limit may have risen with this answer: hand out as many slots as it now allows.
    const limit = this.#limit(host, slots);
    while (slots.inFlight < limit && slots.waiters.length > 0) {
      slots.inFlight++;
      (slots.waiters.shift() as () => void)();
    }
  }
}

interface HostSlots {
  inFlight: number;
  /** Handed a slot in order as requests finish. */
  waiters: (() => void)[];
  most: number;
  /** The host's limit once its first answers judged it. */
  judged: number | undefined;
}

/**
 * A queue worked by `size` workers that accepts items while it runs: copy jobs start as soon as
 * their entry is planned, while other entries are still planning. `fn` must not throw (a job's
 * failure is its row); `close()` then `done` waits for everything pushed.
 */
export class WorkQueue<T> {
  readonly #items: T[] = [];
  readonly #fn: (item: T) => Promise<void>;
  readonly #size: number;
  #running = 0;
  #closed = false;
  #error: { error: unknown } | undefined;
  #resolve!: () => void;
  #reject!: (err: unknown) => void;
  /** Settles once closed and every item has run; rejects with the first error `fn` threw. */
  readonly done: Promise<void>;
  constructor(size: number, fn: (item: T) => Promise<void>) {
    this.#size = Math.max(1, size);
    this.#fn = fn;
    this.done = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.done.catch(() => undefined);
  }
  push(item: T): void {
    if (this.#closed) throw new Error('WorkQueue: push after close');
    this.#items.push(item);
    this.#pump();
  }
  close(): void {
    this.#closed = true;
    this.#pump();
  }
  #pump(): void {
    while (this.#running < this.#size && this.#items.length > 0 && this.#error === undefined) {
      const item = this.#items.shift() as T;
      this.#running++;
      this.#fn(item)
        .catch((error: unknown) => {
          this.#error ??= { error };
        })
        .finally(() => {
          this.#running--;
          this.#pump();
        });
    }
    if (this.#closed && this.#running === 0 && (this.#items.length === 0 || this.#error !== undefined)) {
      if (this.#error) this.#reject(this.#error.error);
      else this.#resolve();
    }
  }
}
