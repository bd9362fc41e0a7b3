/** A tiny HTTP server for protocol fakes: records every request, answers through a handler. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

export interface FakeServer {
  url: string;
  host: string;
  requests: FakeRequest[];
  stop(): Promise<void>;
}

/** The request listener of a fake: reads the body, records the request, writes the handler's reply. */
export function fakeListener(
  handler: (req: FakeRequest) => FakeReply | Promise<FakeReply>,
  requests: FakeRequest[],
  scheme: 'http' | 'https' = 'http',
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const fr: FakeRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', `${scheme}://${req.headers.host}`),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(fr);
      let reply: FakeReply;
      try {
        reply = await handler(fr);
      } catch (err) {
        reply = { status: 500, body: { message: (err as Error).message } };
      }
      const body =
        typeof reply.body === 'string'
          ? reply.body
          : reply.body === undefined
            ? ''
            : JSON.stringify(reply.body);
      const type = typeof reply.body === 'object' ? { 'content-type': 'application/json' } : {};
      res.writeHead(reply.status, { ...type, ...reply.headers });
      res.end(body);
    });
  };
}

export async function startFake(
  handler: (req: FakeRequest) => FakeReply | Promise<FakeReply>,
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const server = createServer(fakeListener(handler, requests));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parse an `application/x-www-form-urlencoded` body. */
export function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
