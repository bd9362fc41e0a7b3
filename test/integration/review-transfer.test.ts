/**
 * Review findings on blob transfer: connection hygiene of abandoned blob streams, and uploads whose
 * responses are lost after the registry already applied the request.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticCredentials } from '../../src/auth/credentials.js';
import { RegistryClient } from '../../src/oci/client.js';
import { Transport } from '../../src/oci/transport.js';
import {
  blobExists,
  pushLargeRandomBlob,
  randomBytes,
  sha256Digest,
  startRecordingOrigin,
  startRegistry,
  stopAll,
  type TestRegistry,
} from '../harness/index.js';
import { clientFor, repoOf } from './util.js';

let reg: TestRegistry;
const servers: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await stopAll();
});

/** Fails with a clear message when `p` has not settled once `ms` have passed (a hang, not a timing). */
function notHanging<T>(p: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: still pending (hung)`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * A forwarding proxy that, for requests matched by `lose`, forwards the request to the registry,
 * lets the registry apply it, then drops the connection instead of relaying the answer: the
 * client sees a network error for a request that took effect.
 */
async function lossyProxy(
  targetUrl: string,
  lose: (method: string, path: string) => boolean,
  /** Where `Location`s pointing at the target are rewritten to (default: this proxy). */
  locationOrigin?: string,
): Promise<{
  url: string;
  host: string;
  log: { method: string; path: string; status: number; lost: boolean }[];
}> {
  const target = new URL(targetUrl);
  const log: { method: string; path: string; status: number; lost: boolean }[] = [];
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const lost = lose(method, path);
    const entry = { method, path, status: 0, lost };
    log.push(entry);
    const headers = { ...req.headers, host: target.host };
    delete headers.connection;
    const up = httpRequest(
      { hostname: target.hostname, port: target.port, method, path, headers },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        if (lost) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        const out = { ...answer.headers };
        delete out.connection;
        delete out['transfer-encoding'];
        if (typeof out.location === 'string' && out.location.startsWith(target.origin))
          out.location = (locationOrigin ?? origin) + out.location.slice(target.origin.length);
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
      },
    );
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;
  servers.push({
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
  return { url: origin, host, log };
}

describe('review: abandoned blob streams', () => {
  it('destroying a blob stream read halfway releases its connection', async () => {
    const size = 16 * 1024 * 1024;
    const digest = await pushLargeRandomBlob(reg, 'review/big', size, 'review-big');
    // One connection to the host: a request that never finishes blocks every later one.
    const transport = new Transport({
      connections: 1,
      hostSettings: () => ({ plainHTTP: true }),
    });
    const client = new RegistryClient({ transport });
    try {
      const repo = repoOf(reg, 'review/big');
      const stream = await client.getBlob(repo, { digest, size });
      // Read a little, then abandon it (what uploadBlob does when the destination fails midway).
      await new Promise<void>((resolve, reject) => {
        stream.once('data', () => resolve());
        stream.once('error', reject);
      });
      stream.destroy();
      expect(await notHanging(client.headBlob(repo, digest), 'HEAD after an abandoned blob GET')).toBe(size);
    } finally {
      await notHanging(transport.close(), 'closing the transport');
    }
  }, 30_000);
});

describe('review: upload requests whose answer is lost', () => {
  it('a chunked upload survives a PATCH the registry applied but whose answer was lost', async () => {
    const data = randomBytes(300_000, 'review-patch');
    const digest = sha256Digest(data);
    let patches = 0;
    const p = await lossyProxy(reg.url, (method) => method === 'PATCH' && ++patches === 1);
    const { client } = clientFor([{ host: p.host, url: p.url }]);
    const repo = repoOf({ host: p.host }, 'review/patch-lost');
    await client.uploadBlob(repo, { digest, size: data.length }, () => Readable.from([data]), {
      chunkSize: 100_000,
    });
    expect(await blobExists(reg, 'review/patch-lost', digest)).toBe(true);
    // The registry did apply the PATCH whose answer was lost.
    expect(p.log.some((l) => l.lost && l.method === 'PATCH' && l.status === 202)).toBe(true);
  });

  it('a chunked upload whose committing PUT was applied but whose answer was lost succeeds', async () => {
    const data = randomBytes(200_000, 'review-commit');
    const digest = sha256Digest(data);
    let commits = 0;
    const p = await lossyProxy(
      reg.url,
      (method, path) => method === 'PUT' && path.includes('digest=') && ++commits === 1,
    );
    const { client } = clientFor([{ host: p.host, url: p.url }]);
    const repo = repoOf({ host: p.host }, 'review/commit-lost');
    await client.uploadBlob(repo, { digest, size: data.length }, () => Readable.from([data]), {
      chunkSize: 100_000,
    });
    expect(await blobExists(reg, 'review/commit-lost', digest)).toBe(true);
    expect(p.log.some((l) => l.lost && l.method === 'PUT' && l.status === 201)).toBe(true);
  });
});

describe('review: credentials and upload locations on another origin', () => {
  it('does not send the registry credentials to an upload Location on another origin', async () => {
    const hreg = await startRegistry({ auth: 'htpasswd' });
    const basic = `Basic ${Buffer.from(`${hreg.username}:${hreg.password}`).toString('base64')}`;
    // Another origin for uploads (like object storage with a pre-signed URL): it authenticates itself.
    const storage = await startRecordingOrigin(hreg.url, { upstreamAuthorization: basic });
    servers.push(storage);
    const front = await lossyProxy(hreg.url, () => false, storage.url);
    const { client } = clientFor([{ host: front.host, url: front.url }], {
      credentials: staticCredentials({
        [front.host]: { username: hreg.username as string, password: hreg.password as string },
      }),
    });
    const data = randomBytes(50_000, 'review-foreign-location');
    const digest = sha256Digest(data);
    await client.pushBlob(repoOf({ host: front.host }, 'review/foreign'), data, digest);
    expect(await blobExists(hreg, 'review/foreign', digest)).toBe(true);
    const uploads = storage.requests.filter((r) => r.path.includes('/blobs/uploads/'));
    expect(uploads.length).toBeGreaterThan(0);
    expect(uploads.filter((r) => r.authorization)).toEqual([]);
  });
});
