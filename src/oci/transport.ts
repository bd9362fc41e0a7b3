/**
 * HTTP transport on undici: keep-alive pools per host, per-host TLS (custom CA, client certificate,
 * skip-verify) or plain HTTP, redirects followed by us (dropping Authorization when the origin
 * changes), retries of transient failures, and request/byte counters per host.
 *
 * Knows nothing about registry auth or the distribution API; see `client.ts`.
 */
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import type { PeerCertificate } from 'node:tls';
import type { Dispatcher } from 'undici';
import { NetworkError, SizeError } from './errors.js';
import { HostLimiter, type HostLimits, type HostRateState, isPull } from './limiter.js';
import {
  backoffDelay,
  isRetryableNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  retryPolicy,
} from './retry.js';
import { Agent, request } from './undici.js';

/** TLS settings for one host. PEM strings or buffers. */
export interface TlsOptions {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Skip server certificate verification. */
  insecure?: boolean;
  /**
   * Material that changes during the run (SPIFFE X.509-SVIDs and bundles from the Workload API).
   * Its settings override the static ones above; a new generation replaces the host's pool, so new
   * connections use the new material while requests in flight finish on the old one.
   */
  source?: TlsSource;
}

/** TLS settings of one generation of a `TlsSource` (passed to `tls.connect`). */
export interface DynamicTls {
  ca?: string[];
  cert?: string;
  key?: string;
  /** Replaces the host-name check: returns why the server's certificate is refused, if it is. */
  checkServerIdentity?: (hostname: string, cert: PeerCertificate) => Error | undefined;
}

export interface TlsSource {
  /** Resolves once material is available; rejects with why it is not (the request fails with it). */
  ready(): Promise<void>;
  /** The current material; call after `ready()`. */
  current(): { generation: number; tls: DynamicTls };
}

/** Connection settings for one registry host. */
export interface HostSettings {
  /** Use http:// instead of https://. Loopback hosts default to plain HTTP unless TLS options are set. */
  plainHTTP?: boolean;
  tls?: TlsOptions;
  /** Upload blobs in PATCH chunks of at most this many bytes (0/undefined: one streamed PUT). */
  maxChunkSize?: number;
  /**
   * go-containerregistry's insecure mode (flux `--insecure`): when `plainHTTP` is unset, try HTTPS
   * first and use plain HTTP when the server does not speak TLS; the scheme is kept for the run.
   */
  fallbackToHTTP?: boolean;
  /** Requests per second and requests awaiting an answer at once (see limiter.ts). */
  limits?: HostLimits;
}

export interface TransportOptions {
  /** Settings per host (`host` or `host:port`); undefined means defaults. */
  hostSettings?: (host: string) => HostSettings | undefined;
  retry?: Partial<RetryPolicy>;
  userAgent?: string;
  /** Maximum connections per origin. */
  connections?: number;
  /**
   * Time GET/HEAD answers per host (`answerTimes`), for planning's adaptive limit. Off unless
   * asked: two clock reads per request for nothing otherwise.
   */
  timeAnswers?: boolean;
  /** Name resolution for connections (tests map made-up host names to 127.0.0.1). */
  lookup?: LookupFunction;
  /** Diagnostics for `--verbose`, e.g. which scheme an insecure host answered on. */
  log?: (message: string) => void;
  /**
   * The time budget of one request, in ms: one attempt waits at most half of it for the answer's
   * headers and for any pause while its body streams (so a stalled attempt can be retried once
   * within it), and at most 10 s (or half the budget) to connect. Default 2 min headers, 5 min body.
   */
  timeoutMs?: number;
}

export interface HttpRequest {
  method: string;
  url: string | URL;
  headers?: Record<string, string>;
  /** A Readable is sent once and never retried; buffers and strings may be resent (except by PATCH). */
  body?: Buffer | string | Readable | null;
  /** Redirects to follow for GET/HEAD (default 5); other methods never follow. */
  maxRedirects?: number;
  signal?: AbortSignal;
  /**
   * Read a successful answer's body into memory (at most this many bytes) before returning, so that
   * a cut or stalled body of a bounded document (manifest, tag list, token) is retried as a whole
   * request like a reset connection. The returned body is then an in-memory replay.
   */
  buffer?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** `inMemory`: the whole body, when it was read before returning (`HttpRequest.buffer`). */
  body: Readable & { text(): Promise<string>; dump(): Promise<void>; inMemory?: Buffer };
  /** The final URL after redirects. */
  url: URL;
  header(name: string): string | undefined;
}

/** Request and byte counters for one host. */
export interface HostStats {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  retries: number;
}

/**
 * How fast a host answers: its GET and HEAD answers timed from the request's send to the answer's
 * headers, less the time this process's event loop was busy meanwhile (an answer read late because
 * our own code was running, e.g. a cold start, says nothing of the host). What is left is the
 * round trip plus the registry's work and queue. Requests with a body are not timed.
 */
export interface AnswerTimes {
  /** Answers timed. */
  answers: number;
  /** The fastest of them, in ms. */
  fastestMs: number;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/** Statuses of redirects followed for GET and HEAD. */
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** True for hosts on this machine (`localhost`, `127.x.x.x`, `[::1]`). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Strip credentials and secret-looking query parameters from a URL for messages. */
export function safeUrl(url: URL | string): string {
  const u = new URL(url.toString());
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) {
    if (/token|signature|sig|credential|secret|password|x-amz-|key/i.test(key))
      u.searchParams.set(key, 'REDACTED');
  }
  return u.toString();
}

export class Transport {
  readonly #options: TransportOptions;
  readonly #policy: RetryPolicy;
  /** One pool per host, with the generation of its host's `TlsSource` material (0 without one). */
  readonly #agents = new Map<string, { agent: Agent; generation: number }>();
  readonly #stats = new Map<string, HostStats>();
  /** Scheme learnt per host in insecure mode: settled, or the probe in flight. */
  readonly #schemes = new Map<string, 'http' | 'https' | Promise<'http' | 'https'>>();
  readonly #limiters = new Map<string, HostLimiter>();
  readonly #answerTimes = new Map<string, AnswerTimes>();

  constructor(options: TransportOptions = {}) {
    this.#options = options;
    this.#policy = retryPolicy(options.retry);
  }

  /** The retry policy in force (the client reuses it for whole-upload restarts). */
  get retryPolicy(): RetryPolicy {
    return this.#policy;
  }

  /** Settings for a host. */
  settings(host: string): HostSettings {
    return this.#options.hostSettings?.(host) ?? {};
  }

  /**
   * `https://host` or `http://host` for a registry host. For an insecure host whose scheme is not
   * learnt yet this is `https`; `origin()` learns it.
   */
  baseUrl(host: string): string {
    const s = this.settings(host);
    const learnt = this.#schemes.get(host);
    if (typeof learnt === 'string') return `${learnt}://${host}`;
    const plain = s.plainHTTP ?? (isLoopbackHost(host) && s.tls === undefined && !s.fallbackToHTTP);
    return `${plain ? 'http' : 'https'}://${host}`;
  }

  /** Like `baseUrl`, first learning the scheme of an insecure host (once per host per run). */
  async origin(host: string): Promise<string> {
    const s = this.settings(host);
    if (!s.fallbackToHTTP || s.plainHTTP !== undefined) return this.baseUrl(host);
    let learnt = this.#schemes.get(host);
    if (learnt === undefined) {
      learnt = this.#probeScheme(host);
      this.#schemes.set(host, learnt);
    }
    return `${await learnt}://${host}`;
  }

  /**
   * What go-containerregistry does for insecure registries: `GET /v2/` over HTTPS without
   * verification; when that fails and plain HTTP answers, the host speaks HTTP. When neither
   * answers nothing is learnt (the real request reports the HTTPS error, and the next one probes again).
   */
  async #probeScheme(host: string): Promise<'http' | 'https'> {
    const probe = async (scheme: 'http' | 'https'): Promise<void> => {
      const res = await request(await this.#agent(host), {
        origin: `${scheme}://${host}`,
        path: '/v2/',
        method: 'GET',
        headers: this.#options.userAgent ? { 'user-agent': this.#options.userAgent } : {},
      });
      this.#stat(host).requests++;
      await res.body.dump();
    };
    try {
      await probe('https');
      this.#schemes.set(host, 'https');
      this.#options.log?.(`${host}: https:// without certificate verification (insecure)`);
      return 'https';
    } catch (tlsError) {
      try {
        await probe('http');
      } catch {
        this.#schemes.delete(host);
        return 'https';
      }
      this.#schemes.set(host, 'http');
      this.#options.log?.(
        `${host}: plain http:// (insecure; HTTPS failed: ${(tlsError as Error).message.split('\n')[0]})`,
      );
      return 'http';
    }
  }

  /** Counters per host, a snapshot. */
  stats(): Map<string, HostStats> {
    return new Map([...this.#stats].map(([k, v]) => [k, { ...v }]));
  }

  /** Sum of all host counters. */
  totals(): HostStats {
    const total: HostStats = { requests: 0, bytesSent: 0, bytesReceived: 0, retries: 0 };
    for (const s of this.#stats.values()) {
      total.requests += s.requests;
      total.bytesSent += s.bytesSent;
      total.bytesReceived += s.bytesReceived;
      total.retries += s.retries;
    }
    return total;
  }

  /** How fast a host has answered so far; undefined before its first timed answer. */
  answerTimes(host: string): AnswerTimes | undefined {
    const t = this.#answerTimes.get(host);
    return t && { ...t };
  }

  #timed(host: string, ms: number): void {
    const t = this.#answerTimes.get(host);
    if (t) {
      t.answers++;
      t.fastestMs = Math.min(t.fastestMs, ms);
    } else this.#answerTimes.set(host, { answers: 1, fastestMs: ms });
  }

  /** Per host: 429s seen and the rate-limit headroom the registry reported. */
  rateStates(): Map<string, HostRateState> {
    return new Map([...this.#limiters].map(([k, v]) => [k, v.state()]));
  }

  /**
   * Whether `host` counts manifest GETs as pulls (it stated a pull limit, see limiter.ts), so a GET
   * costs more than a HEAD there; undefined until the host has answered once.
   */
  countsPulls(host: string): boolean | undefined {
    return this.#limiters.get(host)?.countsPulls;
  }

  /** Per host whose pull limit deferred pulls: when they may be tried again. */
  pullRetryTimes(): Map<string, Date> {
    const out = new Map<string, Date>();
    for (const [host, l] of this.#limiters) if (l.retryAt) out.set(host, l.retryAt);
    return out;
  }

  #limiter(host: string): HostLimiter {
    let l = this.#limiters.get(host);
    if (!l) {
      l = new HostLimiter(this.settings(host).limits);
      this.#limiters.set(host, l);
    }
    return l;
  }

  #stat(host: string): HostStats {
    let s = this.#stats.get(host);
    if (!s) {
      s = { requests: 0, bytesSent: 0, bytesReceived: 0, retries: 0 };
      this.#stats.set(host, s);
    }
    return s;
  }

  /**
   * The pool for a host (at once unless the host has a `TlsSource`, see `#sourcedAgent`).
   */
  #agent(host: string): Agent | Promise<Agent> {
    const source = this.settings(host).tls?.source;
    if (!source) return this.#agents.get(host)?.agent ?? this.#newAgent(host, 0, undefined);
    return this.#sourcedAgent(host, source);
  }

  /**
   * The pool of a host with a `TlsSource`: waits for its material and replaces the pool when a
   * new generation arrived: the old pool closes gracefully (requests in flight finish on it).
   */
  async #sourcedAgent(host: string, source: TlsSource): Promise<Agent> {
    await source.ready();
    const { generation, tls } = source.current();
    const held = this.#agents.get(host);
    if (held?.generation === generation) return held.agent;
    const agent = this.#newAgent(host, generation, tls);
    if (held) {
      held.agent.close().catch(() => undefined);
      this.#options.log?.(`${host}: new TLS material from the SPIFFE Workload API; new connections use it`);
    }
    return agent;
  }

  #newAgent(host: string, generation: number, dynamic: DynamicTls | undefined): Agent {
    const tls = this.settings(host).tls;
    const connect: Record<string, unknown> = {};
    if (tls?.ca !== undefined) connect.ca = tls.ca;
    if (tls?.cert !== undefined) connect.cert = tls.cert;
    if (tls?.key !== undefined) connect.key = tls.key;
    if (dynamic) Object.assign(connect, dynamic);
    if (tls?.insecure) connect.rejectUnauthorized = false;
    if (this.#options.lookup) connect.lookup = this.#options.lookup;
    const budget = this.#options.timeoutMs;
    const timeout = budget !== undefined ? Math.max(500, Math.floor(budget / 2)) : undefined;
    if (timeout !== undefined) connect.timeout = Math.min(timeout, 10_000);
    const agent = new Agent({
      connect,
      connections: this.#options.connections ?? 16,
      keepAliveTimeout: 30_000,
      headersTimeout: timeout ?? 120_000,
      bodyTimeout: timeout ?? 300_000,
    });
    this.#agents.set(host, { agent, generation });
    return agent;
  }

  /**
   * Send a request, following redirects for GET/HEAD and retrying transient failures
   * (429/408/5xx and network errors, honouring Retry-After) when the body can be resent.
   * Non-2xx answers are returned, not thrown; the caller decides. Network errors after the
   * last attempt throw `NetworkError`.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    // PATCH appends to an upload session: replaying one the registry already applied corrupts the
    // upload (distribution answers BLOB_UPLOAD_INVALID), so the caller restarts the upload instead.
    const replayable = !(req.body instanceof Readable) && req.method !== 'PATCH';
    const policy = this.#policy;
    const start = policy.now();
    // Parsed once per request (a copy: the caller's URL object is not the answer's).
    const target = new URL(req.url);
    const host = target.host;
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      let retryAfterMs: number | undefined;
      try {
        let res = await this.#exchange(req, target);
        // A pull refused for the host's pull limit is not retried into more 429s: it is deferred.
        if (res.status === 429 && isPull(req.method, target.pathname)) {
          const refusal = this.#limiter(host).pullRefusal(host);
          if (refusal) {
            await res.body.dump();
            throw refusal;
          }
        }
        if (req.buffer !== undefined && res.status >= 200 && res.status < 300 && req.method !== 'HEAD')
          res = await buffered(res, req.buffer, `${req.method} ${safeUrl(res.url)}`);
        if (!replayable || !isRetryableStatus(res.status) || attempt >= policy.attempts) return res;
        retryAfterMs = parseRetryAfter(res.header('retry-after'), policy.now());
        const delay = backoffDelay(policy, attempt, retryAfterMs);
        if (policy.now() - start + delay > policy.budgetMs) return res;
        await res.body.dump();
        reason = `HTTP ${res.status}`;
        this.#stat(host).retries++;
        policy.onRetry?.({
          attempt,
          attempts: policy.attempts,
          delayMs: delay,
          reason: `${req.method} ${safeUrl(req.url)}: ${reason}`,
        });
        await policy.sleep(delay);
      } catch (err) {
        const retryable = replayable && isRetryableNetworkError(err) && !req.signal?.aborted;
        const delay = backoffDelay(policy, attempt);
        if (!retryable || attempt >= policy.attempts || policy.now() - start + delay > policy.budgetMs) {
          if (err instanceof NetworkError || !isRetryableNetworkError(err)) throw err;
          throw new NetworkError(
            `${req.method} ${safeUrl(req.url)} failed after ${attempt} attempt(s): ${(err as Error).message}`,
            { cause: err },
          );
        }
        reason = (err as Error).message;
        this.#stat(host).retries++;
        policy.onRetry?.({
          attempt,
          attempts: policy.attempts,
          delayMs: delay,
          reason: `${req.method} ${safeUrl(req.url)}: ${reason}`,
        });
        await policy.sleep(delay);
      }
    }
  }

  /** One request to `target` (`req.url` parsed, not changed here) plus its redirects. */
  async #exchange(req: HttpRequest, target: URL): Promise<HttpResponse> {
    let url = target;
    const originalOrigin = url.origin;
    const headers: Record<string, string> = { ...req.headers };
    if (this.#options.userAgent && headers['user-agent'] === undefined)
      headers['user-agent'] = this.#options.userAgent;
    const follow = req.method === 'GET' || req.method === 'HEAD';
    let redirectsLeft = follow ? (req.maxRedirects ?? 5) : 0;
    for (;;) {
      const host = url.host;
      const stat = this.#stat(host);
      stat.requests++;
      const body = req.body ?? null;
      if (typeof body === 'string' || Buffer.isBuffer(body)) stat.bytesSent += Buffer.byteLength(body);
      else if (headers['content-length']) stat.bytesSent += Number(headers['content-length']) || 0;
      const options: Dispatcher.RequestOptions = {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: req.method as Dispatcher.HttpMethod,
        headers,
        body,
        // undici closes the connection after every HEAD unless told otherwise (a guard against
        // servers that send a body with HEAD). Registries answer HEAD correctly, and a warm run
        // is mostly HEADs: without this each would open a new connection (and TLS handshake).
        reset: false,
      };
      if (req.signal) options.signal = req.signal;
      const limiter = this.#limiter(host);
      const pull = isPull(req.method, url.pathname);
      if (pull) {
        const refusal = limiter.pullRefusal(host);
        if (refusal) throw refusal;
        limiter.pullStarted();
      }
      const release = await limiter.acquire();
      let res: Dispatcher.ResponseData;
      try {
        const held = this.#agent(host);
        const agent = held instanceof Agent ? held : await held;
        const timed = follow && this.#options.timeAnswers === true;
        const sent = timed ? performance.now() : 0;
        const busy = timed ? performance.eventLoopUtilization() : undefined;
        res = await request(agent, options);
        if (busy)
          this.#timed(
            host,
            Math.max(0, performance.now() - sent - performance.eventLoopUtilization(busy).active),
          );
      } catch (err) {
        if (pull) limiter.pullAnswered(undefined, false);
        throw err;
      } finally {
        release();
      }
      const status = res.statusCode;
      const getHeader = (name: string): string | undefined => {
        const v = res.headers[name.toLowerCase()];
        return Array.isArray(v) ? v.join(', ') : v;
      };
      // A 429 slows the whole host (capped like any retry delay), not only this request.
      const retryAfter = status === 429 ? parseRetryAfter(getHeader('retry-after'), Date.now()) : undefined;
      limiter.observe(
        status,
        getHeader,
        retryAfter === undefined ? undefined : Math.min(retryAfter, this.#policy.maxDelayMs),
      );
      if (pull) limiter.pullAnswered(status, getHeader('ratelimit-remaining') !== undefined);
      if (follow && REDIRECTS.has(status) && redirectsLeft > 0) {
        const location = getHeader('location');
        if (location) {
          await res.body.dump();
          redirectsLeft--;
          url = new URL(location, url);
          // Never send registry credentials to another origin (blob GETs redirect to object storage).
          if (url.origin !== originalOrigin) delete headers.authorization;
          continue;
        }
      }
      const length = Number(getHeader('content-length'));
      if (req.method !== 'HEAD' && status < 300 && Number.isFinite(length)) stat.bytesReceived += length;
      return {
        status,
        headers: res.headers,
        body: res.body as HttpResponse['body'],
        url,
        header: getHeader,
      };
    }
  }

  /** Close every pool. */
  async close(): Promise<void> {
    await Promise.all([...this.#agents.values()].map((a) => a.agent.close()));
    this.#agents.clear();
  }
}

/** Read a response body into memory, at most `cap` bytes, and give it back as an in-memory body. */
async function buffered(res: HttpResponse, cap: number, what: string): Promise<HttpResponse> {
  const length = Number(res.header('content-length'));
  if (Number.isFinite(length) && length > cap) {
    res.body.destroy();
    throw new SizeError(`${what}: answer of ${length} bytes exceeds the ${cap}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > cap) {
      res.body.destroy();
      throw new SizeError(`${what}: answer larger than the ${cap}-byte limit`);
    }
    chunks.push(chunk);
  }
  return { ...res, body: memoryBody(Buffer.concat(chunks)) };
}

/** A body already in memory, with the `text()`/`dump()` of undici's. */
export function memoryBody(bytes: Buffer): HttpResponse['body'] {
  const body = Readable.from([bytes]) as HttpResponse['body'];
  body.text = async () => bytes.toString('utf8');
  body.dump = async () => undefined;
  body.inMemory = bytes;
  return body;
}
