import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Transport } from '../../../src/oci/transport.js';

describe('Transport connection reuse', () => {
  it('keeps the connection open across HEAD requests (undici closes after HEAD by default)', async () => {
    let connections = 0;
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-length': '2', 'docker-content-digest': 'sha256:x' });
      res.end(req.method === 'HEAD' ? undefined : 'ok');
    });
    server.on('connection', () => {
      connections++;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = new Transport({ connections: 1 });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await transport.request({
          method: 'HEAD',
          url: `http://127.0.0.1:${port}/v2/a/manifests/${i}`,
        });
        await res.body.dump();
        expect(res.status).toBe(200);
      }
      const get = await transport.request({ method: 'GET', url: `http://127.0.0.1:${port}/v2/` });
      expect(await get.body.text()).toBe('ok');
      expect(connections).toBe(1);
      expect(transport.totals().requests).toBe(6);
    } finally {
      await transport.close();
      server.close();
    }
  });
});
