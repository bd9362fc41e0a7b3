/**
 * A counting HTTP proxy put in front of a registry: every request is forwarded unchanged (the Host
 * header too, so upload `Location`s the registry builds point back at the proxy) and counted by
 * method and kind; the bytes of blob GET response bodies are summed per digest. With `delayMs` it
 * also stands for a distant registry: each request waits `delayMs` before it is forwarded and each
 * response `delayMs` before it is answered (latency each way; bandwidth is not limited).
 */
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestKind = 'tags' | 'manifest' | 'blob' | 'upload' | 'catalog' | 'base' | 'other';

export interface ProxyCounts {
  total: number;
  /** `GET manifest`, `HEAD blob`, `PATCH upload`, ... → count. */
  byKind: Record<string, number>;
  /** Bytes of GET /blobs/<digest> response bodies. */
  blobBytesRead: number;
  /** GET /blobs/<digest> count per digest. */
  blobGets: Map<string, number>;
}

export interface CountingProxy {
  host: string;
  url: string;
  counts(): ProxyCounts;
  reset(): void;
  /** Requests being handled now, and the most at once since start. */
  inFlight(): { now: number; max: number };
  close(): Promise<void>;
}

export function kindOf(path: string): RequestKind {
  const p = path.split('?')[0] ?? '';
  if (p === '/v2/' || p === '/v2') return 'base';
  if (p.startsWith('/v2/_catalog')) return 'catalog';
  if (/\/tags\/list$/.test(p)) return 'tags';
  if (/\/manifests\/[^/]+$/.test(p)) return 'manifest';
  if (/\/blobs\/uploads\//.test(p)) return 'upload';
  if (/\/blobs\/[^/]+$/.test(p)) return 'blob';
  return 'other';
}

export async function startCountingProxy(
  upstream: string,
  options: { delayMs?: number } = {},
): Promise<CountingProxy> {
  const delayMs = options.delayMs ?? 0;
  const later = (fn: () => void): void => {
    if (delayMs > 0) setTimeout(fn, delayMs);
    else fn();
  };
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let counts: ProxyCounts;
  let inFlight = 0;
  let maxInFlight = 0;
  const reset = (): void => {
    counts = { total: 0, byKind: {}, blobBytesRead: 0, blobGets: new Map() };
  };
  reset();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const kind = kindOf(path);
    counts.total++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
    });
    const key = `${method} ${kind}`;
    counts.byKind[key] = (counts.byKind[key] ?? 0) + 1;
    const isBlobGet = method === 'GET' && kind === 'blob';
    const digest = isBlobGet ? decodeURIComponent(path.split('?')[0]?.split('/').pop() ?? '') : '';

    const forward = (): void => {
      const up = request(
        {
          host: target.hostname,
          port: target.port,
          method,
          path,
          headers: req.headers,
          agent,
        },
        (upRes) =>
          later(() => {
            res.writeHead(upRes.statusCode ?? 502, upRes.rawHeaders);
            if (isBlobGet && upRes.statusCode === 200) {
              counts.blobGets.set(digest, (counts.blobGets.get(digest) ?? 0) + 1);
              upRes.on('data', (chunk: Buffer) => {
                counts.blobBytesRead += chunk.length;
              });
            }
            upRes.pipe(res);
          }),
      );
      up.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(up);
    };
    // Paused until forwarded: the request body (an upload) waits with its headers.
    if (delayMs > 0) req.pause();
    later(forward);
  };

  const server = createServer({ keepAlive: true }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts, byKind: { ...counts.byKind }, blobGets: new Map(counts.blobGets) }),
    reset,
    inFlight: () => ({ now: inFlight, max: maxInFlight }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
