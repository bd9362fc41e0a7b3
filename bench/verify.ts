/**
 * The bench's verification rows: the reference set's tags signed at bench time, as cosign v3 does
 * (a keyless bundle over each tag's index digest, pushed as an OCI referrer with the `sha256-<hex>`
 * fallback index, since the registry has no referrers API), by an offline Sigstore from
 * @sigstore/mock (test/sigstore-mock.ts) whose trusted_root.json the runs get with
 * `--trusted-root`. The mirror config is the plain bench config plus `VERIFY_POLICY`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pushBundleReferrers } from '../test/cosign-fixtures.js';
import type { RegistryTarget } from '../test/harness/index.js';
import { ISSUER, mockSigstore, signBundle } from '../test/sigstore-mock.js';
import type { RefSet } from './refset.js';

/** The identity every bench signature carries, and the policy's pattern for it. */
const SUBJECT = 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.0.0';
const SUBJECT_PATTERN = String.raw`^https://github\.com/acme/app/\.github/workflows/release\.yml@refs/tags/v.*$`;

export interface SignedRefSet {
  /** The mock Sigstore's trusted_root.json, for `--trusted-root`. */
  trustedRoot: string;
  signatures: number;
}

/** Sign every tag of `set` in `reg` (one bundle referrer per tag); idempotent per registry. */
export async function signRefSet(reg: RegistryTarget, set: RefSet, dir: string): Promise<SignedRefSet> {
  const s = await mockSigstore(new Date());
  const trustedRoot = join(dir, 'bench-trusted-root.json');
  writeFileSync(trustedRoot, `${JSON.stringify(s.trustedRoot, null, 2)}\n`);
  const createdAt = new Date().toISOString();
  for (const img of set.images) {
    const bundle = await signBundle(s, img.index.digest, { subject: SUBJECT, issuer: ISSUER });
    const subject = {
      mediaType: img.index.mediaType,
      digest: img.index.digest,
      size: img.index.bytes.length,
    };
    await pushBundleReferrers(reg, img.repo, subject, [bundle], createdAt);
  }
  return { trustedRoot, signatures: set.images.length };
}

/** The `verify:` policy every bench entry gets (keyless, the identity the bench signs with). */
export const VERIFY_POLICY: readonly string[] = [
  '    verify:',
  '      provider: cosign',
  '      matchOIDCIdentity:',
  `        - issuer: ${ISSUER}`,
  `          subject: '${SUBJECT_PATTERN}'`,
];
