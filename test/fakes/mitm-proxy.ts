/**
 * An HTTPS proxy on 127.0.0.1 that terminates TLS for a fixed list of cloud host names (a
 * certificate for them from the test CA, which the client process trusts through
 * NODE_EXTRA_CA_CERTS) and answers with a fake; every other CONNECT, and every plain-HTTP proxy
 * request, is refused and recorded. For SDKs whose endpoints can only be redirected by HTTPS_PROXY
 * (Google's token endpoint for key files, Microsoft Entra's login host): nothing leaves the machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { EC, getTestPki, openssl, type TempDir, tempDir } from '../harness/index.js';
import { type FakeReply, type FakeRequest, fakeListener } from './server.js';

export interface MitmProxy {
  /** `http://127.0.0.1:PORT`, the value of HTTPS_PROXY. */
  url: string;
  /** The CA file to put in NODE_EXTRA_CA_CERTS. */
  caPath: string;
  /** Requests answered, with their host in `url`. */
  requests: FakeRequest[];
  /** CONNECT targets and proxy URLs refused (anything not in `hosts`). */
  refused: string[];
  stop(): Promise<void>;
}

/** Starts the proxy; `handler` sees requests to `hosts` (port 443) with `https://host/...` URLs. */
export async function startMitmProxy(
  hosts: string[],
  handler: (req: FakeRequest) => FakeReply | Promise<FakeReply>,
): Promise<MitmProxy> {
  const pki = await getTestPki();
  const dir: TempDir = tempDir('mitm-');
  const run = (args: string[]) => openssl(args, dir.path);
  await run(['req', ...EC, '-keyout', 'mitm.key', '-out', 'mitm.csr', '-subj', '/CN=mitm']);
  writeFileSync(
    join(dir.path, 'mitm.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}\n`,
  );
  await run([
    'x509',
    '-req',
    '-in',
    'mitm.csr',
    '-CA',
    pki.caPath,
    '-CAkey',
    pki.caKeyPath,
    '-CAcreateserial',
    '-CAserial',
    join(dir.path, 'ca.srl'),
    '-days',
    '1',
    '-sha256',
    '-extfile',
    'mitm.ext',
    '-out',
    'mitm.crt',
  ]);
  const cert = readFileSync(join(dir.path, 'mitm.crt'));
  const key = readFileSync(join(dir.path, 'mitm.key'));
  const requests: FakeRequest[] = [];
  const refused: string[] = [];
  const inner = createHttpServer(fakeListener(handler, requests, 'https'));
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403);
    res.end();
  });
  proxy.on('connect', (req, socket: Socket, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const [host, port] = (req.url ?? '').split(':');
    if (!host || port !== '443' || !hosts.includes(host)) {
      refused.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, cert, key });
    tls.on('error', () => socket.destroy());
    inner.emit('connection', tls);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    caPath: pki.caPath,
    requests,
    refused,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        inner.closeAllConnections();
        proxy.close(() => {
          dir.cleanup();
          resolve();
        });
      }),
  };
}
