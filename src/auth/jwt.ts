/**
 * Compact JWS (JWT) signing with a private JWK, and unverified claim decoding (for `exp`).
 * ES256/ES384/ES512 (raw r||s, RFC 7518 §3.4), RS256 and EdDSA, all through node:crypto.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  type JsonWebKey as NodeJwk,
  sign,
} from 'node:crypto';

/** A JWK as found in a file or a config value. */
export type Jwk = NodeJwk & { kid?: string; alg?: string; use?: string };

/** The key is not a usable private JWK. */
export class JwkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Parse a JWK (or a JWKS with exactly one key) from JSON text. */
export function parseJwk(text: string): Jwk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new JwkError('the JWK is not JSON', { cause });
  }
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { keys?: unknown }).keys)) {
    const keys = (parsed as { keys: unknown[] }).keys;
    if (keys.length !== 1) throw new JwkError(`a JWK set must hold exactly one key, found ${keys.length}`);
    parsed = keys[0];
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as Jwk).kty !== 'string')
    throw new JwkError('the JWK has no "kty"');
  return parsed as Jwk;
}

/** The JWS `alg` for a key: the JWK's own `alg` when set, else derived from kty/crv. */
export function jwkAlgorithm(jwk: Jwk): string {
  if (jwk.alg) return jwk.alg;
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC') {
    const alg = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[jwk.crv ?? ''];
    if (!alg) throw new JwkError(`unsupported EC curve "${jwk.crv}"`);
    return alg;
  }
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  throw new JwkError(`unsupported key type "${jwk.kty}"${jwk.crv ? ` (${jwk.crv})` : ''}`);
}

const HASH: Record<string, string | null> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  EdDSA: null,
};

/** The `kid` to put in the header: the JWK's own, else its RFC 7638 thumbprint. */
export function jwkKeyId(jwk: Jwk): string {
  if (jwk.kid) return jwk.kid;
  const members: Record<string, string[]> = {
    EC: ['crv', 'kty', 'x', 'y'],
    RSA: ['e', 'kty', 'n'],
    OKP: ['crv', 'kty', 'x'],
  };
  const names = members[jwk.kty ?? ''] ?? [];
  const canon = `{${names.map((n) => `"${n}":${JSON.stringify((jwk as Record<string, unknown>)[n])}`).join(',')}}`;
  return b64url(createHash('sha256').update(canon).digest());
}

/** Sign `claims` with a private JWK; the header carries `alg`, `typ: JWT` and `kid`. */
export function signJwt(jwk: Jwk, claims: Record<string, unknown>): string {
  if (jwk.d === undefined) throw new JwkError('the JWK is a public key; a private key (with "d") is needed');
  const alg = jwkAlgorithm(jwk);
  if (!(alg in HASH)) throw new JwkError(`unsupported JWS algorithm "${alg}"`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: jwk, format: 'jwk' });
  } catch (cause) {
    throw new JwkError(`the JWK is not a valid private key: ${(cause as Error).message}`, { cause });
  }
  const header = { alg, typ: 'JWT', kid: jwkKeyId(jwk) };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign(HASH[alg] ?? null, Buffer.from(input), {
    key,
    ...(alg.startsWith('ES') ? { dsaEncoding: 'ieee-p1363' as const } : {}),
  });
  return `${input}.${b64url(signature)}`;
}

/** The public half of a private JWK (for verifiers and tests). */
export function publicKeyOf(jwk: Jwk): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}

/** Decode a JWT's payload without verifying it; undefined when it is not a JWT. */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (part === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT's `exp` in epoch milliseconds, if it is a JWT with one. */
export function jwtExpiry(token: string): number | undefined {
  const exp = decodeJwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}
