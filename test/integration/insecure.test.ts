/**
 * flux's `--insecure` (and the action's `insecure` input): HTTPS without certificate verification,
 * plain HTTP when the server does not speak TLS, the scheme learnt once per host per run and named
 * in `--verbose`. Against a real plain-HTTP and a real self-signed-TLS registry, reached on
 * loopback and by made-up host names that an injected DNS lookup resolves to 127.0.0.1 (so the
 * loopback plain-HTTP default does not apply to them).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { writeFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { sync } from '../../src/sync/sync.js';
import {
  buildImage,
  getManifestRaw,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

let src: TestRegistry;
let plain: TestRegistry;
let selfSigned: TestRegistry;
let dir: TempDir;
let digest: string;

/** `*.mirror.test` → 127.0.0.1; everything else as the system resolves it. */
const lookup = ((hostname: string, options: unknown, callback: unknown) => {
  const cb = (typeof options === 'function' ? options : callback) as (
    err: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void;
  const opts = (typeof options === 'object' && options !== null ? options : {}) as { all?: boolean };
  if (hostname.endsWith('.mirror.test')) {
    if (opts.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, opts, cb as never);
}) as LookupFunction;

const port = (r: TestRegistry) => r.host.split(':')[1];

beforeAll(async () => {
  [src, plain, selfSigned] = await Promise.all([
    startRegistry(),
    startRegistry(),
    startRegistry({ tls: 'tls' }),
  ]);
  const img = buildImage({
    seed: 'insecure:1',
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    index: false,
  });
  digest = await pushContent(src, 'app', '1.0.0', img);
  dir = tempDir('insecure-');
});
afterAll(async () => {
  dir?.cleanup();
  await stopAll();
});

function fluxConfig(name: string, destinations: string[]): string {
  const file = join(dir.path, name);
  writeFileSync(
    file,
    `apiVersion: mirror.plugin.fluxcd.io/v1beta1
kind: Config
artifacts:
${destinations
  .map(
    (d) => `  - source: ${src.host}/app
    destination: ${d}
    selector:
      semver: "1.x"
`,
  )
  .join('')}`,
  );
  return file;
}

async function digestAt(registry: TestRegistry, repo: string): Promise<string | undefined> {
  return (await getManifestRaw(registry, repo, '1.0.0'))?.digest;
}

describe('--insecure', () => {
  it('reaches a plain-HTTP and a self-signed registry by non-loopback names, learning each scheme once', async () => {
    const plainName = `plain.mirror.test:${port(plain)}`;
    const tlsName = `selfsigned.mirror.test:${port(selfSigned)}`;
    const file = fluxConfig('names.yaml', [`${plainName}/named`, `${tlsName}/named`]);
    const config = await loadConfig({ path: file, env: {} });
    const logs: string[] = [];
    const result = await sync(config, {
      insecure: true,
      lookup,
      dockerConfig: false,
      retries: 0,
      onEvent: (e) => {
        if (e.type === 'log') logs.push(e.message);
      },
    });
    expect(
      result.summary.failed,
      JSON.stringify(
        result.entries.map((e) => e.tags),
        null,
        1,
      ),
    ).toBe(0);
    expect(result.summary.copied).toBe(2);
    expect(await digestAt(plain, 'named')).toBe(digest);
    expect(await digestAt(selfSigned, 'named')).toBe(digest);
    expect(logs.filter((l) => l.startsWith(`${plainName}: plain http://`))).toHaveLength(1);
    expect(
      logs.filter((l) => l.startsWith(`${tlsName}: https:// without certificate verification`)),
    ).toHaveLength(1);
  });

  it('without it the same names fail: HTTPS to a plain-HTTP server, an unverifiable certificate', async () => {
    const file = fluxConfig('strict.yaml', [
      `plain.mirror.test:${port(plain)}/strict`,
      `selfsigned.mirror.test:${port(selfSigned)}/strict`,
    ]);
    const config = await loadConfig({ path: file, env: {} });
    const result = await sync(config, { lookup, dockerConfig: false, retries: 0 });
    expect(result.summary.failed).toBe(2);
    expect(await digestAt(plain, 'strict')).toBeUndefined();
    expect(await digestAt(selfSigned, 'strict')).toBeUndefined();
  });

  it('CLI --insecure --verbose on loopback says which scheme each host used', async () => {
    const file = fluxConfig('loopback.yaml', [`${plain.host}/cli`, `${selfSigned.host}/cli`]);
    const run = await cli(['sync', file, '--insecure', '--verbose', '--retries', '0'], {
      env: { DOCKER_CONFIG: dir.path },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${plain.host}: plain http://`);
    expect(run.stderr).toContain(`${selfSigned.host}: https:// without certificate verification`);
    expect(await digestAt(plain, 'cli')).toBe(digest);
    expect(await digestAt(selfSigned, 'cli')).toBe(digest);
  });

  it('an explicit plainHTTP in our dialect wins over the probe', async () => {
    const file = join(dir.path, 'ours.yaml');
    writeFileSync(
      file,
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/app
    destinations: [plain.mirror.test:${port(plain)}/ours]
    selector:
      tags: ["1.0.0"]
hosts:
  - host: plain.mirror.test:${port(plain)}
    plainHTTP: true
`,
    );
    const config = await loadConfig({ path: file, env: {} });
    const logs: string[] = [];
    const result = await sync(config, {
      insecure: true,
      lookup,
      dockerConfig: false,
      retries: 0,
      onEvent: (e) => {
        if (e.type === 'log') logs.push(e.message);
      },
    });
    expect(result.summary.copied).toBe(1);
    expect(logs.some((l) => l.includes('plain.mirror.test') && l.includes('insecure'))).toBe(false);
  });
});
