/**
 * Config `hosts` against the real TLS registries: custom CA (serverAuth) and mTLS (clientAuth)
 * from files confined to the config directory, a rotated `fromPath` password picked up between
 * runs, and paths that leave the config directory refused.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { sync } from '../../src/sync/sync.js';
import {
  buildImage,
  getTestPki,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';

let src: TestRegistry;
let tls: TestRegistry;
let mtls: TestRegistry;
let basic: TestRegistry;
let dir: TempDir;

beforeAll(async () => {
  [src, tls, mtls, basic] = await Promise.all([
    startRegistry(),
    startRegistry({ tls: 'tls' }),
    startRegistry({ tls: 'mtls' }),
    startRegistry({ auth: 'htpasswd', users: { mirror: 'rotated-password-2' } }),
  ]);
  const img = buildImage({
    seed: 'hosts:1',
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    index: false,
  });
  await pushContent(src, 'app', '1.0.0', img);
  dir = tempDir('auth-hosts-');
  const pki = await getTestPki();
  mkdirSync(join(dir.path, 'certs'));
  cpSync(pki.caPath, join(dir.path, 'certs', 'ca.crt'));
  cpSync(pki.clientCertPath, join(dir.path, 'certs', 'client.crt'));
  cpSync(pki.clientKeyPath, join(dir.path, 'certs', 'client.key'));
});
afterAll(async () => {
  dir?.cleanup();
  await stopAll();
});

async function load(hosts: string, destinations: string[]) {
  const file = join(dir.path, 'mirror.yaml');
  writeFileSync(
    file,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/app
    destinations: [${destinations.join(', ')}]
    selector:
      tags: ["1.0.0"]
hosts:
${hosts}`,
  );
  return loadConfig({ path: file, env: {} });
}

describe('hosts: TLS and credentials from files', () => {
  it('custom CA and mTLS client certificate from the config directory', async () => {
    const config = await load(
      `  - host: ${tls.host}
    tls:
      serverAuth:
        caFromPath: ./certs/ca.crt
  - host: ${mtls.host}
    tls:
      serverAuth:
        caFromPath: certs/ca.crt
      clientAuth:
        certFromPath: ./certs/client.crt
        keyFromPath: ./certs/client.key
`,
      [`${tls.host}/app`, `${mtls.host}/app`],
    );
    const result = await sync(config, { dockerConfig: false });
    expect(result.summary.failed).toBe(0);
    expect(result.summary.copied).toBe(2);
  });

  it('without the client certificate the mTLS registry refuses the handshake', async () => {
    const config = await load(
      `  - host: ${mtls.host}
    tls:
      serverAuth:
        caFromPath: ./certs/ca.crt
`,
      [`${mtls.host}/app2`],
    );
    const result = await sync(config, { dockerConfig: false, retries: 0 });
    expect(result.summary.failed).toBe(1);
  });

  it('a fromPath password is re-read, so a rotated secret works without restarting', async () => {
    writeFileSync(join(dir.path, 'password'), 'old-password-1\n');
    const config = await load(
      `  - host: ${basic.host}
    username: mirror
    credential:
      fromPath: ./password
`,
      [`${basic.host}/app`],
    );
    const { createSession } = await import('../../src/sync/session.js');
    const session = createSession(config, { dockerConfig: false, retries: 0 });
    try {
      const before = await sync(config, { session });
      expect(before.summary.failed).toBe(1);
      expect(JSON.stringify(before)).not.toContain('old-password-1');
      writeFileSync(join(dir.path, 'password'), 'rotated-password-2\n');
      const after = await sync(config, { session });
      expect(after.summary.failed).toBe(0);
      expect(after.summary.copied).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('paths that leave the config directory are refused at load', async () => {
    symlinkSync('/etc', join(dir.path, 'escape'));
    await expect(
      load(
        `  - host: ${basic.host}
    username: mirror
    credential:
      fromPath: ../outside-token
`,
        [`${basic.host}/app`],
      ),
    ).rejects.toThrow(/leaves the config directory/);
    await expect(
      load(
        `  - host: ${tls.host}
    tls:
      serverAuth:
        caFromPath: ./escape/ssl/certs/ca-certificates.crt
`,
        [`${tls.host}/app`],
      ),
    ).rejects.toThrow(/through a symbolic link/);
  });
});
