/**
 * A verification policy: who must have signed (OIDC identities, or a public key), how old the
 * signature must be, and which trusted root anchors it. Its hash keys remembered results, so a
 * policy change invalidates them.
 */
import { createHash } from 'node:crypto';
import type { VerifySpec } from '../config/model.js';
import { compileGoRegex } from '../select/goregex.js';

export interface Identity {
  issuer: string;
  /** The subject pattern as written (Go syntax). */
  subject: string;
  /** Compiled, unanchored, as flux mirror (Go `regexp.MatchString`) does. */
  re: RegExp;
}

export interface VerifyPolicy {
  identities: Identity[];
  /** PEM (SPKI) public key for key-based verification. */
  publicKey?: string;
  minAgeMs: number;
  /** Absolute path of a trusted_root.json; undefined: Sigstore public good through TUF. */
  trustedRoot?: string;
  /** Stable hash of everything above (the key content, not its path). */
  hash: string;
}

/** Build the policy of an entry. `publicKey` is the key's PEM text (read by the caller). */
export function policyOf(spec: VerifySpec, opts: { trustedRoot?: string; publicKey?: string }): VerifyPolicy {
  const identities = spec.matchOIDCIdentity.map((i) => ({
    issuer: i.issuer,
    subject: i.subject,
    re: compileGoRegex(i.subject).re,
  }));
  const minAgeMs = spec.minAgeMs ?? 0;
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        v: 1,
        ids: spec.matchOIDCIdentity,
        key: opts.publicKey?.trim() ?? null,
        minAgeMs,
        root: opts.trustedRoot ?? 'public-good',
      }),
    )
    .digest('hex')
    .slice(0, 16);
  const p: VerifyPolicy = { identities, minAgeMs, hash };
  if (opts.publicKey !== undefined) p.publicKey = opts.publicKey;
  if (opts.trustedRoot !== undefined) p.trustedRoot = opts.trustedRoot;
  return p;
}
