/**
 * Test PKI made with the `openssl` CLI (shared by test processes, see sharedPkiDir): a CA, a server certificate for
 * 127.0.0.1/localhost, a client certificate for mTLS, and self-signed token signing keys.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export interface TestPki {
  dir: string;
  caPath: string;
  caPem: string;
  caKeyPath: string;
  serverCertPath: string;
  serverKeyPath: string;
  clientCertPath: string;
  clientKeyPath: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** skopeo --cert-dir layout with only ca.crt (server verification). */
  certDirTls: string;
  /** skopeo --cert-dir layout with ca.crt, client.cert and client.key. */
  certDirMtls: string;
}

export interface SigningKey {
  alg: 'ES256' | 'RS256';
  keyPem: string;
  certPem: string;
  certPath: string;
  /** Standard base64 of the certificate DER, for the JWT `x5c` header. */
  certDerBase64: string;
}

/** Run the openssl CLI in `cwd`; the error carries its stderr. */
export async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await execFileP('openssl', args, { cwd });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args.join(' ')} failed: ${e.stderr ?? e.message}`);
  }
}

/** `openssl req` arguments for a new P-256 key without a passphrase. */
export const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function issue(dir: string, name: string, cn: string, ext: string): Promise<void> {
  await openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
  writeFileSync(join(dir, `${name}.ext`), ext);
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '3',
      '-sha256',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.crt`,
    ],
    dir,
  );
}

const PKI_MAX_AGE_MS = 24 * 3600 * 1000;

/**
 * The PKI lives in one directory per user under the OS temp dir, shared by all test processes
 * (vitest workers) and regenerated when older than a day: openssl runs once, not per worker, and
 * nothing is left behind per run. It is built elsewhere and renamed into place atomically.
 */
function sharedPkiDir(): string {
  return join(tmpdir(), `oci-mirror-test-pki-v1-${process.getuid?.() ?? 'user'}`);
}

function isFresh(dir: string): boolean {
  try {
    return Date.now() - statSync(join(dir, 'ready')).mtimeMs < PKI_MAX_AGE_MS;
  } catch {
    return false;
  }
}

async function generate(dir: string): Promise<void> {
  await openssl(
    [
      'req',
      '-x509',
      ...EC,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3',
      '-subj',
      '/CN=oci-mirror test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  const selfSigned = (name: string, keyArgs: string[]) =>
    openssl(
      [
        'req',
        '-x509',
        ...keyArgs,
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
        '-days',
        '3',
        '-subj',
        '/CN=token',
      ],
      dir,
    );
  await Promise.all([
    issue(
      dir,
      'server',
      'localhost',
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n' +
        'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n',
    ),
    issue(
      dir,
      'client',
      'tester',
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n',
    ),
    selfSigned('token-es256', EC),
    selfSigned('token-rs256', ['-newkey', 'rsa:2048', '-nodes']),
  ]);
  const caPem = readFileSync(join(dir, 'ca.crt'), 'utf8');
  for (const [sub, withClient] of [
    ['certdir-tls', false],
    ['certdir-mtls', true],
  ] as const) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'ca.crt'), caPem);
    if (withClient) {
      copyFileSync(join(dir, 'client.crt'), join(dir, sub, 'client.cert'));
      copyFileSync(join(dir, 'client.key'), join(dir, sub, 'client.key'));
    }
  }
  writeFileSync(join(dir, 'ready'), new Date().toISOString());
}

async function ensureSharedPki(): Promise<string> {
  const dir = sharedPkiDir();
  if (isFresh(dir)) return dir;
  const work = mkdtempSync(`${dir}.tmp-`);
  try {
    await generate(work);
    if (existsSync(dir) && !isFresh(dir)) {
      const old = `${dir}.old-${process.pid}-${Date.now()}`;
      try {
        renameSync(dir, old);
        rmSync(old, { recursive: true, force: true });
      } catch {
        // another process replaced it first
      }
    }
    try {
      renameSync(work, dir);
    } catch {
      // another process won the race: use its PKI
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!isFresh(dir)) throw new Error(`test PKI in ${dir} could not be created`);
  return dir;
}

async function createPki(): Promise<TestPki> {
  const dir = await ensureSharedPki();
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    caPath: join(dir, 'ca.crt'),
    caPem: read('ca.crt'),
    caKeyPath: join(dir, 'ca.key'),
    serverCertPath: join(dir, 'server.crt'),
    serverKeyPath: join(dir, 'server.key'),
    clientCertPath: join(dir, 'client.crt'),
    clientKeyPath: join(dir, 'client.key'),
    clientCertPem: read('client.crt'),
    clientKeyPem: read('client.key'),
    certDirTls: join(dir, 'certdir-tls'),
    certDirMtls: join(dir, 'certdir-mtls'),
  };
}

let pkiPromise: Promise<TestPki> | undefined;

/** The process-wide test PKI (created on first use, cached). */
export function getTestPki(): Promise<TestPki> {
  pkiPromise ??= createPki().catch((err: unknown) => {
    pkiPromise = undefined;
    throw err;
  });
  return pkiPromise;
}

async function createSigningKey(alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  const { dir } = await getTestPki();
  const name = alg === 'ES256' ? 'token-es256' : 'token-rs256';
  const certPem = readFileSync(join(dir, `${name}.crt`), 'utf8');
  const b64 = certPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return {
    alg,
    keyPem: readFileSync(join(dir, `${name}.key`), 'utf8'),
    certPem,
    certPath: join(dir, `${name}.crt`),
    certDerBase64: b64,
  };
}

const signingKeys = new Map<string, Promise<SigningKey>>();

/** A self-signed token signing certificate + key for the algorithm (cached per process). */
export function getSigningKey(alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  let p = signingKeys.get(alg);
  if (!p) {
    p = createSigningKey(alg);
    signingKeys.set(alg, p);
    p.catch(() => signingKeys.delete(alg));
  }
  return p;
}
