/**
 * Docker Hub's pull limit in front of a real registry, as Hub enforces it: every `GET` of a
 * manifest (by tag or digest) is a pull and counts; `HEAD` does not count and is always answered.
 * Manifest answers (GET and HEAD) carry `ratelimit-limit: N;w=SECONDS`,
 * `ratelimit-remaining: R;w=SECONDS` and `docker-ratelimit-source`; past the limit a GET is
 * answered `429` with `{"errors":[{"code":"TOOMANYREQUESTS",…}]}` and `remaining: 0` (no
 * Retry-After, as on Hub). Everything else is forwarded untouched; bodies stream both ways.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PullLimitProxy {
  url: string;
  host: string;
  /** Pulls counted in the current window (settable: another client on the same IP, or a new window). */
  used: number;
  readonly limit: number;
  readonly windowSeconds: number;
  /** Every manifest request: method, path and the status answered. */
  manifestRequests: { method: string; path: string; status: number }[];
  /** Called after each counted pull with the count so far (a test can spend the limit elsewhere). */
  onPull?: (used: number) => void;
  stop(): Promise<void>;
}

const MANIFEST = /^\/v2\/.+\/manifests\/[^/]+$/;

export async function startPullLimitProxy(
  targetUrl: string,
  opts: { limit: number; windowSeconds?: number; used?: number },
): Promise<PullLimitProxy> {
  const target = new URL(targetUrl);
  const window = opts.windowSeconds ?? 21600;
  const headers = (remaining: number) => ({
    'ratelimit-limit': `${proxy.limit};w=${window}`,
    'ratelimit-remaining': `${Math.max(0, remaining)};w=${window}`,
    'docker-ratelimit-source': '127.0.0.1',
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const manifest = MANIFEST.test(path) && (req.method === 'GET' || req.method === 'HEAD');
    let extra: Record<string, string> = {};
    if (manifest && req.method === 'GET') {
      if (proxy.used >= proxy.limit) {
        proxy.manifestRequests.push({ method: 'GET', path, status: 429 });
        const body = JSON.stringify({
          errors: [
            {
              code: 'TOOMANYREQUESTS',
              message:
                'You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit',
            },
          ],
        });
        req.resume();
        res.writeHead(429, { 'content-type': 'application/json', ...headers(0) });
        res.end(body);
        return;
      }
      proxy.used++;
      extra = headers(proxy.limit - proxy.used);
      proxy.onPull?.(proxy.used);
    } else if (manifest) {
      extra = headers(proxy.limit - proxy.used);
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (up) => {
        if (manifest)
          proxy.manifestRequests.push({ method: req.method as string, path, status: up.statusCode ?? 0 });
        const h = { ...up.headers };
        delete h.connection;
        delete h['keep-alive'];
        delete h['transfer-encoding'];
        res.writeHead(up.statusCode ?? 502, { ...h, ...extra });
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proxy: PullLimitProxy = {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    used: opts.used ?? 0,
    limit: opts.limit,
    windowSeconds: window,
    manifestRequests: [],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
