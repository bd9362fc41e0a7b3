/**
 * A forwarding HTTP proxy in front of a registry that injects faults by rule and records every
 * request. Bodies stream both ways (no buffering), and `Location` headers pointing at the target
 * are rewritten to the proxy so clients keep going through it.
 */
import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

export interface FaultMatchInput {
  method: string;
  /** Path plus query, as sent by the client. */
  path: string;
  headers: IncomingHttpHeaders;
}

interface RuleBase {
  /** How many matching requests this rule handles before it is spent (default: unlimited). */
  times?: number;
  /** Which requests the rule applies to (default: all). */
  match?: (req: FaultMatchInput) => boolean;
  /** Probability (0..1) that a matching request gets this fault, drawn from `ProxyOptions.random`. */
  chance?: number;
}

export type FaultRule = RuleBase &
  (
    | { status: number; retryAfter?: string; body?: string; headers?: Record<string, string> }
    | { reset: true }
    | { resetAfterBytes: number }
    /** Send the answer's headers and this many body bytes, then nothing more (the connection stays open). */
    | { stallAfterBytes: number }
    | { corruptByte: number }
    /**
     * Flip bits of the byte at this offset of the request body on its way to the target (XOR with
     * `xor`, default 0x01 so ASCII stays ASCII): a registry that does not validate the field then
     * stores bytes other than the client sent, under the digest of what it received.
     */
    | { corruptRequestByte: number; xor?: number }
    /** Forward the request, let the target apply it, then drop the connection instead of answering. */
    | { dropAnswer: true }
    | { redirectTo: string }
    | { delayMs: number }
    /** Answer the request here (e.g. an API the upstream registry lacks), not upstream. */
    | {
        respond: (
          req: FaultMatchInput,
        ) => Promise<{ status: number; headers?: Record<string, string>; body: Buffer | string }>;
      }
  );

export type FaultKind =
  | 'status'
  | 'reset'
  | 'resetAfterBytes'
  | 'stallAfterBytes'
  | 'corruptByte'
  | 'corruptRequestByte'
  | 'dropAnswer'
  | 'redirect'
  | 'delay'
  | 'respond';

export interface ProxyRequestLog {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Whether the client sent an Authorization header. */
  authorization: boolean;
  /** Status answered to the client (0 when the connection was reset before any answer). */
  status: number;
  /** The fault applied, if any. */
  fault?: FaultKind;
}

export interface FaultProxy {
  url: string;
  host: string;
  requests: ProxyRequestLog[];
  /** Mutable: push, splice or replace rules at any time. */
  rules: FaultRule[];
  /** Connections clients opened to the proxy, and the most requests it handled at once, since start. */
  load(): { connections: number; maxInFlight: number };
  stop(): Promise<void>;
}

export interface ProxyOptions {
  /** CA to trust when the target is https. */
  ca?: string;
  /** Client certificate/key to present to an mTLS target. */
  cert?: string;
  key?: string;
  /** Replace the Authorization header sent upstream (the client's is still recorded). */
  upstreamAuthorization?: string;
  /** Randomness for rules with `chance` (default Math.random; pass a seeded one for repeatable runs). */
  random?: () => number;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function ruleKind(rule: FaultRule): FaultKind {
  if ('status' in rule) return 'status';
  if ('respond' in rule) return 'respond';
  if ('reset' in rule) return 'reset';
  if ('resetAfterBytes' in rule) return 'resetAfterBytes';
  if ('stallAfterBytes' in rule) return 'stallAfterBytes';
  if ('corruptByte' in rule) return 'corruptByte';
  if ('corruptRequestByte' in rule) return 'corruptRequestByte';
  if ('dropAnswer' in rule) return 'dropAnswer';
  if ('redirectTo' in rule) return 'redirect';
  return 'delay';
}

class Corrupter extends Transform {
  #seen = 0;
  constructor(
    readonly offset: number,
    readonly xor = 0xff,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const start = this.#seen;
    this.#seen += chunk.length;
    if (this.offset >= start && this.offset < this.#seen) {
      const copy = Buffer.from(chunk);
      const i = this.offset - start;
      copy[i] = (copy[i] ?? 0) ^ this.xor;
      cb(null, copy);
      return;
    }
    cb(null, chunk);
  }
}

function resetSocket(socket: Socket | null | undefined): void {
  if (!socket) return;
  if (typeof socket.resetAndDestroy === 'function' && !socket.destroyed) socket.resetAndDestroy();
  else socket.destroy();
}

async function startServer(targetUrl: string, rules: FaultRule[], opts: ProxyOptions): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const targetOrigin = target.origin;
  const isHttps = target.protocol === 'https:';
  const agent = isHttps
    ? new HttpsAgent({
        keepAlive: true,
        ...(opts.ca ? { ca: opts.ca } : {}),
        ...(opts.cert ? { cert: opts.cert } : {}),
        ...(opts.key ? { key: opts.key } : {}),
      })
    : new HttpAgent({ keepAlive: true });
  const requests: ProxyRequestLog[] = [];
  const sockets = new Set<Socket>();
  const spent = new WeakMap<FaultRule, number>();
  let proxyOrigin = '';

  const pickRule = (input: FaultMatchInput): FaultRule | undefined => {
    for (const rule of proxy.rules) {
      const used = spent.get(rule) ?? 0;
      if (rule.times !== undefined && used >= rule.times) continue;
      if (rule.match && !rule.match(input)) continue;
      if (rule.chance !== undefined && (opts.random ?? Math.random)() >= rule.chance) continue;
      spent.set(rule, used + 1);
      return rule;
    }
    return undefined;
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    log: ProxyRequestLog,
    rule: FaultRule | undefined,
  ) => {
    const headers: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v;
    }
    headers.host = target.host;
    if (opts.upstreamAuthorization !== undefined) headers.authorization = opts.upstreamAuthorization;
    const send = isHttps ? httpsRequest : httpRequest;
    const upstream = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
      },
      (up) => {
        const outHeaders: OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(up.headers)) {
          if (!HOP_BY_HOP.has(k) && v !== undefined) outHeaders[k] = v;
        }
        const loc = up.headers.location;
        if (typeof loc === 'string' && loc.startsWith(targetOrigin)) {
          outHeaders.location = proxyOrigin + loc.slice(targetOrigin.length);
        }
        log.status = up.statusCode ?? 0;
        if (rule && 'dropAnswer' in rule) {
          up.resume();
          up.on('end', () => resetSocket(req.socket));
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.statusMessage, outHeaders);
        if (rule && 'resetAfterBytes' in rule) {
          let sent = 0;
          const limit = rule.resetAfterBytes;
          up.on('data', (chunk: Buffer) => {
            if (sent >= limit) return;
            const room = limit - sent;
            sent += chunk.length;
            if (chunk.length >= room) {
              // A FIN right after the flushed bytes (an RST could make the client drop them unread).
              res.write(chunk.subarray(0, room), () => req.socket.destroy());
              up.destroy();
            } else if (!res.write(chunk)) {
              up.pause();
              res.once('drain', () => up.resume());
            }
          });
          up.on('end', () => {
            if (sent < limit) res.end();
          });
          if (limit === 0) {
            res.flushHeaders();
            setImmediate(() => req.socket.destroy());
            up.destroy();
          }
          return;
        }
        if (rule && 'stallAfterBytes' in rule) {
          let sent = 0;
          const limit = rule.stallAfterBytes;
          res.flushHeaders();
          up.on('data', (chunk: Buffer) => {
            if (sent >= limit) return;
            const part = chunk.subarray(0, limit - sent);
            sent += part.length;
            res.write(part);
            if (sent >= limit) up.destroy();
          });
          return;
        }
        if (rule && 'corruptByte' in rule) {
          up.pipe(new Corrupter(rule.corruptByte)).pipe(res);
          return;
        }
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) {
        log.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`fault-proxy: upstream error: ${err.message}`);
      } else {
        resetSocket(req.socket);
      }
    });
    if (rule && 'corruptRequestByte' in rule)
      req.pipe(new Corrupter(rule.corruptRequestByte, rule.xor ?? 0x01)).pipe(upstream);
    else req.pipe(upstream);
  };

  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const log: ProxyRequestLog = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      authorization: req.headers.authorization !== undefined,
      status: 0,
    };
    requests.push(log);
    const rule = pickRule({ method: log.method, path: log.path, headers: req.headers });
    if (rule) log.fault = ruleKind(rule);
    if (rule && 'status' in rule) {
      log.status = rule.status;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...rule.headers };
      if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter;
      const body =
        rule.body ??
        JSON.stringify({
          errors: [
            { code: rule.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE', message: 'injected fault' },
          ],
        });
      req.resume();
      res.writeHead(rule.status, headers);
      res.end(body);
      return;
    }
    if (rule && 'reset' in rule) {
      resetSocket(req.socket);
      return;
    }
    if (rule && 'respond' in rule) {
      req.resume();
      rule.respond({ method: log.method, path: log.path, headers: req.headers }).then(
        (r) => {
          log.status = r.status;
          res.writeHead(r.status, r.headers ?? {});
          res.end(r.body);
        },
        (err: unknown) => {
          log.status = 500;
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        },
      );
      return;
    }
    if (rule && 'redirectTo' in rule) {
      log.status = 307;
      req.resume();
      res.writeHead(307, { location: new URL(rule.redirectTo).origin + log.path, 'content-length': '0' });
      res.end();
      return;
    }
    if (rule && 'delayMs' in rule) {
      req.pause();
      setTimeout(() => forward(req, res, log, rule), rule.delayMs);
      return;
    }
    forward(req, res, log, rule);
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  proxyOrigin = `http://${host}`;
  let stopped: Promise<void> | undefined;
  const proxy: FaultProxy = {
    url: proxyOrigin,
    host,
    requests,
    rules,
    load: () => ({ connections, maxInFlight }),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        agent.destroy();
      });
      return stopped;
    },
  };
  return proxy;
}

/** Starts a fault-injecting proxy in front of `targetUrl` on a free 127.0.0.1 port (plain HTTP). */
export function startFaultProxy(
  targetUrl: string,
  rules: FaultRule[] = [],
  opts: ProxyOptions = {},
): Promise<FaultProxy> {
  return startServer(targetUrl, rules, opts);
}

export type RecordingOrigin = Omit<FaultProxy, 'rules'>;

/**
 * A plain forwarding server on its own port: a second origin (like object storage behind a
 * redirect) that records whether requests carried an Authorization header. With
 * `upstreamAuthorization` it authenticates to the target itself, as a presigned URL would.
 */
export async function startRecordingOrigin(
  targetUrl: string,
  opts: ProxyOptions = {},
): Promise<RecordingOrigin> {
  const p = await startServer(targetUrl, [], opts);
  return { url: p.url, host: p.host, requests: p.requests, load: p.load, stop: p.stop };
}
