/**
 * Real registries for tests: Debian's `docker-registry` (CNCF distribution 2.8.2) on free
 * 127.0.0.1 ports, anonymous, htpasswd or token auth, plain HTTP, TLS or mTLS.
 *
 * Each registry runs under a tiny `sh` watchdog that holds a pipe from this process on its stdin:
 * when this process dies for any reason (even SIGKILL) the pipe closes, and the watchdog kills the
 * registry and removes its temp dir. `stop()` and the process 'exit' hook also kill it directly.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import bcrypt from 'bcryptjs';
import { onProcessExit, tempDir } from './lifecycle.js';
import { getTestPki } from './pki.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './token-server.js';

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface RegistryOptions {
  auth?: RegistryAuth; // default 'none'
  tls?: 'none' | 'tls' | 'mtls'; // default 'none'
  users?: Record<string, string>; // default { tester: 'secret-pw' } for htpasswd/token
  storage?: 'memory' | 'filesystem'; // default 'filesystem' in a temp dir
  /** Relative `Location` headers (`http.relativeurls`), for a registry behind a TCP TLS terminator. */
  relativeUrls?: boolean;
  /** Extra options for the token server when auth is 'token' (users and service come from here). */
  token?: Omit<TokenServerOptions, 'users'>;
}

export interface RegistryTls {
  caPem: string;
  caPath: string;
  clientCertPem?: string;
  clientKeyPem?: string;
  clientCertPath?: string;
  clientKeyPath?: string;
  /** skopeo --cert-dir layout: ca.crt (+ client.cert, client.key for mTLS). */
  certDir: string;
}

export interface TestRegistry {
  host: string; // '127.0.0.1:PORT'
  url: string; // 'http://127.0.0.1:PORT' or 'https://...'
  username?: string;
  password?: string;
  users: Record<string, string>;
  auth: RegistryAuth;
  tls?: RegistryTls;
  tokenServer?: TokenServer;
  /** Directory holding config, htpasswd and storage (removed on stop). */
  dir: string;
  /** The last lines the registry wrote to stderr (its JSON log), for diagnostics. */
  logTail(): string[];
  stop(): Promise<void>;
}

const running = new Set<TestRegistry>();
const DEFAULT_USERS = { tester: 'secret-pw' };
const START_TIMEOUT_MS = 10_000;

// Watchdog: starts the registry, prints its pid, waits for EOF on stdin (stop() or our death),
// then kills the registry, waits for it and removes the temp dir.
const WATCHDOG = `docker-registry serve "$1" </dev/null & c=$!
echo "$c"
read _ignored
kill "$c" 2>/dev/null
wait "$c" 2>/dev/null
rm -rf "$2"`;

/** Starts a registry and waits until it listens. */
export async function startRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  const auth = opts.auth ?? 'none';
  const tlsMode = opts.tls ?? 'none';
  const users = auth === 'none' ? {} : (opts.users ?? DEFAULT_USERS);
  const dir = tempDir('oci-mirror-registry').path;
  const firstUser = Object.entries(users)[0];

  let tokenServer: TokenServer | undefined;
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'info', formatter: 'json', accesslog: { disabled: true } },
    storage: {
      ...(opts.storage === 'memory'
        ? { inmemory: {} }
        : { filesystem: { rootdirectory: join(dir, 'storage') } }),
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: { addr: '127.0.0.1:0', secret: 'oci-mirror-test-secret' } as Record<string, unknown>,
  };
  if (opts.relativeUrls) (config.http as Record<string, unknown>).relativeurls = true;
  if (opts.storage !== 'memory') mkdirSync(join(dir, 'storage'));

  try {
    if (auth === 'htpasswd') {
      // Cost 4 (the minimum): the registry checks the hash on every request.
      const lines = Object.entries(users).map(([u, p]) => `${u}:${bcrypt.hashSync(p, 4)}`);
      writeFileSync(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
      config.auth = { htpasswd: { realm: 'oci-mirror-test', path: join(dir, 'htpasswd') } };
    } else if (auth === 'token') {
      tokenServer = await startTokenServer({ ...opts.token, users });
      config.auth = {
        token: {
          realm: tokenServer.realm,
          service: tokenServer.service,
          issuer: tokenServer.issuer,
          rootcertbundle: tokenServer.rootCertPath,
        },
      };
    }

    let tls: RegistryTls | undefined;
    if (tlsMode !== 'none') {
      const pki = await getTestPki();
      const httpTls: Record<string, unknown> = { certificate: pki.serverCertPath, key: pki.serverKeyPath };
      if (tlsMode === 'mtls') {
        httpTls.clientcas = [pki.caPath];
        tls = {
          caPem: pki.caPem,
          caPath: pki.caPath,
          clientCertPem: pki.clientCertPem,
          clientKeyPem: pki.clientKeyPem,
          clientCertPath: pki.clientCertPath,
          clientKeyPath: pki.clientKeyPath,
          certDir: pki.certDirMtls,
        };
      } else {
        tls = { caPem: pki.caPem, caPath: pki.caPath, certDir: pki.certDirTls };
      }
      (config.http as Record<string, unknown>).tls = httpTls;
    }

    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2));

    const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
      'sh',
      ['-c', WATCHDOG, 'oci-mirror-registry-watchdog', configPath, dir],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const tail: string[] = [];
    let registryPid: number | undefined;
    let exited = false;
    const exitPromise = new Promise<void>((resolve) => {
      child.once('exit', () => {
        exited = true;
        resolve();
      });
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`docker-registry did not start within ${START_TIMEOUT_MS} ms:\n${tail.join('\n')}`));
      }, START_TIMEOUT_MS);
      let outBuf = '';
      child.stdout.on('data', (d: Buffer) => {
        outBuf += d.toString();
        const m = /^(\d+)\n/.exec(outBuf);
        if (m?.[1] && registryPid === undefined) registryPid = Number(m[1]);
      });
      let errBuf = '';
      child.stderr.on('data', (d: Buffer) => {
        errBuf += d.toString();
        let nl = errBuf.indexOf('\n');
        while (nl >= 0) {
          const line = errBuf.slice(0, nl);
          errBuf = errBuf.slice(nl + 1);
          tail.push(line);
          if (tail.length > 200) tail.shift();
          const m = /"msg":"listening on 127\.0\.0\.1:(\d+)/.exec(line);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
          nl = errBuf.indexOf('\n');
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`docker-registry exited (code ${code}) before listening:\n${tail.join('\n')}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });

    const killNow = (): void => {
      if (registryPid !== undefined) {
        try {
          process.kill(registryPid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (!exited) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    };
    const unregister = onProcessExit(killNow);

    const host = `127.0.0.1:${port}`;
    let stopping: Promise<void> | undefined;
    const reg: TestRegistry = {
      host,
      url: `${tlsMode === 'none' ? 'http' : 'https'}://${host}`,
      users,
      auth,
      dir,
      logTail: () => [...tail],
      stop() {
        stopping ??= (async () => {
          running.delete(reg);
          child.stdin.end();
          const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
          if ((await Promise.race([exitPromise, timeout])) === 'timeout') killNow();
          await exitPromise;
          rmSync(dir, { recursive: true, force: true });
          unregister();
          await tokenServer?.stop();
        })();
        return stopping;
      },
    };
    if (firstUser) {
      reg.username = firstUser[0];
      reg.password = firstUser[1];
    }
    if (tls) reg.tls = tls;
    if (tokenServer) reg.tokenServer = tokenServer;
    running.add(reg);
    return reg;
  } catch (err) {
    await tokenServer?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Stops every registry this process started (and their token servers). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((r) => r.stop()));
}
