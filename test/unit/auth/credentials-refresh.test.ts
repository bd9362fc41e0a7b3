/** JWK signing, per-use re-reading, path confinement, and refresh before expiry with an injected clock. */
import { createPublicKey, generateKeyPairSync, type JsonWebKey, verify } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RefreshingCredential } from '../../../src/auth/cache.js';
import { CredentialError } from '../../../src/auth/errors.js';
import { decodeJwtClaims, parseJwk, signJwt } from '../../../src/auth/jwt.js';
import { applyEnvelope, checkEnvelope } from '../../../src/auth/providers/envelope.js';
import { FileTokenProvider } from '../../../src/auth/providers/file.js';
import { JwkSignedProvider } from '../../../src/auth/providers/jwk.js';
import type { CredentialProvider, Exchanged, ProviderContext } from '../../../src/auth/providers/types.js';
import { Transport } from '../../../src/oci/transport.js';
import { redact } from '../../../src/secrets.js';
import { type TempDir, tempDir } from '../../harness/index.js';

let dir: TempDir | undefined;
afterEach(() => dir?.cleanup());

function ctx(host: string, now: () => number = Date.now): ProviderContext {
  return {
    host,
    transport: new Transport(),
    env: {},
    now,
    endpoints: {},
    idToken: async () => {
      throw new Error('no OIDC here');
    },
  };
}

function verifyJwt(token: string, jwk: object, alg: 'ES256' | 'RS256'): boolean {
  const [h, p, s] = token.split('.');
  const { d: _private, ...pub } = jwk as JsonWebKey;
  const key = createPublicKey({ key: pub, format: 'jwk' });
  return verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(s ?? '', 'base64url'),
  );
}

describe('JWK-signed credentials', () => {
  for (const alg of ['ES256', 'RS256'] as const) {
    it(`${alg}: a fresh JWT per request with iss, sub, aud, exp and kid, verified with the public key`, async () => {
      const { privateKey } =
        alg === 'ES256'
          ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
          : generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'key-1' };
      dir = tempDir('jwk-');
      writeFileSync(join(dir.path, 'k.jwk'), JSON.stringify(jwk));
      let now = 1_700_000_000_000;
      const p = new JwkSignedProvider(
        {
          path: join(dir.path, 'k.jwk'),
          issuer: 'https://ci.example.com',
          subject: 'mirror',
          lifetimeMs: 300_000,
          username: 'mirror',
          confineTo: dir.path,
        },
        ctx('reg.example.com', () => now),
      );
      const a = await p.fetch();
      now += 1000;
      const b = await p.fetch();
      const token = a.credential.password ?? '';
      expect(token).not.toBe(b.credential.password);
      expect(a.credential.username).toBe('mirror');
      expect(verifyJwt(token, jwk, alg)).toBe(true);
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
      expect(header).toEqual({ alg, typ: 'JWT', kid: 'key-1' });
      expect(decodeJwtClaims(token)).toMatchObject({
        iss: 'https://ci.example.com',
        sub: 'mirror',
        aud: 'reg.example.com',
        exp: 1_700_000_300,
      });
      expect(redact(token)).toBe('***');
      expect(redact(String(jwk.d))).toBe('***');
      // Per request: it expires at once.
      expect(a.expiresAt).toBe(1_700_000_000_000);
    });
  }

  it('without a kid the header carries the RFC 7638 thumbprint; several audiences become an array', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = parseJwk(JSON.stringify({ keys: [privateKey.export({ format: 'jwk' })] }));
    const t = signJwt(jwk, { aud: ['a', 'b'] });
    expect(JSON.parse(Buffer.from(t.split('.')[0] ?? '', 'base64url').toString()).kid).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );
    expect(decodeJwtClaims(t)?.aud).toEqual(['a', 'b']);
  });

  it('an empty or public JWK is an error that names the field', async () => {
    const p = new JwkSignedProvider({ value: '{}', issuer: 'i', subject: 's' }, ctx('h'));
    await expect(p.fetch()).rejects.toThrow(/credential\.jwkValue: the JWK has no "kty"/);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pub = new JwkSignedProvider(
      { value: JSON.stringify(publicKey.export({ format: 'jwk' })), issuer: 'i', subject: 's' },
      ctx('h'),
    );
    await expect(pub.fetch()).rejects.toThrow(/private key/);
  });
});

describe('fromPath', () => {
  it('is re-read on every use, so a rotated token is picked up', async () => {
    dir = tempDir('frompath-');
    const file = join(dir.path, 'token');
    writeFileSync(file, 'first-token\n');
    const p = new FileTokenProvider({ path: file, confineTo: dir.path }, ctx('h'));
    expect((await p.fetch()).credential).toEqual({ registryToken: 'first-token' });
    writeFileSync(file, 'second-token');
    expect((await p.fetch()).credential).toEqual({ registryToken: 'second-token' });
    expect(redact('first-token second-token')).toBe('*** ***');
  });

  it('refuses a path swapped for a symlink out of the config directory after loading', async () => {
    dir = tempDir('frompath-');
    mkdirSync(join(dir.path, 'cfg'));
    writeFileSync(join(dir.path, 'outside'), 'secret-outside');
    symlinkSync(join(dir.path, 'outside'), join(dir.path, 'cfg', 'token'));
    const p = new FileTokenProvider(
      { path: join(dir.path, 'cfg', 'token'), confineTo: join(dir.path, 'cfg') },
      ctx('h'),
    );
    await expect(p.fetch()).rejects.toThrow(/outside the config directory/);
  });
});

describe('envelope', () => {
  it('wraps the token like flux mirror', () => {
    expect(applyEnvelope('token-{{ hex .Token }}', 'ab')).toBe('token-6162');
    expect(applyEnvelope('{{ .Token | base64 }}', 'ab')).toBe('YWI=');
    expect(applyEnvelope('Bearer {{.Token}}', 'ab')).toBe('Bearer ab');
    expect(checkEnvelope('{{ printf "%s" .Token }}')).toMatch(/only/);
  });
});

describe('RefreshingCredential', () => {
  class Counting implements CredentialProvider {
    readonly name = 'counting';
    calls = 0;
    constructor(
      readonly now: () => number,
      readonly lifetimeMs: number | undefined,
    ) {}
    async fetch(): Promise<Exchanged> {
      this.calls++;
      const x: Exchanged = { credential: { username: 'AWS', password: `pw-number-${this.calls}` } };
      if (this.lifetimeMs !== undefined) x.expiresAt = this.now() + this.lifetimeMs;
      return x;
    }
  }

  it('keeps a 12 h token for half its life, then exchanges again', async () => {
    let now = 0;
    const p = new Counting(() => now, 12 * 3_600_000);
    const c = new RefreshingCredential(p, () => now);
    expect((await c.get()).credential.password).toBe('pw-number-1');
    now = 6 * 3_600_000 - 1;
    expect((await c.get()).credential.password).toBe('pw-number-1');
    now = 6 * 3_600_000;
    expect((await c.get()).credential.password).toBe('pw-number-2');
    expect(redact('pw-number-2')).toBe('***');
  });

  it('short-lived credentials refresh at least 30 s before they expire; concurrent callers share one exchange', async () => {
    let now = 0;
    const p = new Counting(() => now, 50_000);
    const c = new RefreshingCredential(p, () => now);
    await Promise.all([c.get(), c.get(), c.get()]);
    expect(p.calls).toBe(1);
    now = 19_999;
    await c.get();
    expect(p.calls).toBe(1);
    now = 20_000;
    await c.get();
    expect(p.calls).toBe(2);
  });

  it('credentials without expiry are kept; a failed exchange is not cached', async () => {
    let fail = true;
    const c = new RefreshingCredential(
      {
        name: 'flaky',
        fetch: async () => {
          if (fail) throw new CredentialError('h', 'boom');
          return { credential: { registryToken: 'static-token' } };
        },
      },
      () => 0,
    );
    await expect(c.get()).rejects.toThrow(/boom/);
    fail = false;
    expect((await c.get()).credential.registryToken).toBe('static-token');
    fail = true;
    expect((await c.get()).credential.registryToken).toBe('static-token');
  });
});
