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

/**
 * Requests in flight per registry host, shared by everything that plans (tag lists and manifest
 * HEADs of all entries at once): planning scales with the requests a host can take, not with the
 * number of entries, and no host is flooded however many entries name it.
 */
export class HostLimiter {
  readonly #size: number;
  readonly #hosts = new Map<string, Semaphore>();
  constructor(perHost: number) {
    this.#size = Math.max(1, perHost);
  }
  get perHost(): number {
    return this.#size;
  }
  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    let sem = this.#hosts.get(host);
    if (!sem) {
      sem = new Semaphore(this.#size);
      this.#hosts.set(host, sem);
    }
    return sem.run(fn);
  }
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
