/** Real public-good Sigstore material (test/fixtures/cosign/public-good) verifies offline. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSigstore, trustContext, verifyBundle } from '../../../src/verify/cosign.js';
import { VerificationFailedError } from '../../../src/verify/errors.js';
import { policyOf } from '../../../src/verify/policy.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'cosign', 'public-good');
const DIGEST = 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4';
const bundle = readFileSync(join(DIR, 'oci-attestation.sigstore.json'));

async function ctx(subject: string) {
  const sigstore = await loadSigstore();
  const root = sigstore.specs.TrustedRoot.fromJSON(
    JSON.parse(readFileSync(join(DIR, 'trusted_root.json'), 'utf8')),
  );
  return trustContext(
    sigstore,
    root,
    policyOf(
      { provider: 'cosign', matchOIDCIdentity: [{ issuer: 'https://github.com/login/oauth', subject }] },
      {},
    ),
  );
}

describe('public-good cosign bundle, offline', () => {
  it('verifies against the public-good root: chain, SCT, SET, signature, subject digest', async () => {
    const got = verifyBundle(await ctx('^cody@soyland\\.com$'), bundle, DIGEST, 'sha256:x');
    expect(got.verification).toMatchObject({
      issuer: 'https://github.com/login/oauth',
      subject: 'cody@soyland.com',
      signedAt: '2025-02-28T19:18:11.000Z',
      predicateType: 'https://cosign.sigstore.dev/attestation/v1',
    });
  });
  it('refuses another digest and another identity', async () => {
    const c = await ctx('^cody@soyland\\.com$');
    expect(() => verifyBundle(c, bundle, `sha256:${'0'.repeat(64)}`, 'x')).toThrow(VerificationFailedError);
    expect(() => verifyBundle(c, bundle, `sha256:${'0'.repeat(64)}`, 'x')).toThrow(/digest mismatch/);
    await expect(
      ctx('^someone@else\\.com$').then((o) => verifyBundle(o, bundle, DIGEST, 'x')),
    ).rejects.toThrow(/wrong identity/);
  });
});
