/**
 * The signature checks against the committed @sigstore/mock fixtures (scripts/gen-cosign-fixtures.ts):
 * each refusal names the check that failed, and minAge is judged from the verified log time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifySpec } from '../../../src/config/model.js';
import { loadSigstore, trustContext, verifyBundle, verifyLegacyLayer } from '../../../src/verify/cosign.js';
import { VerificationFailedError } from '../../../src/verify/errors.js';
import { policyOf } from '../../../src/verify/policy.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'cosign');
const fx = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8'));
const root = JSON.parse(readFileSync(join(DIR, 'trusted_root.json'), 'utf8'));
const GH = 'https://token.actions.githubusercontent.com';
const SUBJECT = '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/tags/v.*$';

async function ctx(spec: Partial<VerifySpec> = {}, publicKey?: string) {
  const sigstore = await loadSigstore();
  const policy = policyOf(
    { provider: 'cosign', matchOIDCIdentity: [{ issuer: GH, subject: SUBJECT }], ...spec },
    publicKey !== undefined ? { publicKey } : {},
  );
  return trustContext(sigstore, sigstore.specs.TrustedRoot.fromJSON(root), policy);
}
const bundle = (name: string, i = 0) => {
  const b = fx.cases[name].bundles[i];
  return Buffer.from(typeof b === 'string' ? b : JSON.stringify(b));
};
async function refusal(fn: () => unknown): Promise<VerificationFailedError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof VerificationFailedError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('cosign bundle verification (offline, mock Sigstore)', () => {
  it('passes a good bundle and reports signer, time and predicate type', async () => {
    const c = await ctx();
    const got = verifyBundle(c, bundle('pass'), fx.digests.pass, 'sha256:ref');
    expect(got.tooNewMs).toBeUndefined();
    expect(got.verification).toEqual({
      digest: fx.digests.pass,
      issuer: GH,
      subject: fx.subject,
      signedAt: fx.generatedAt,
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      via: 'referrer',
      signature: 'sha256:ref',
    });
  });
  it('refuses a wrong issuer and a wrong subject, saying what was found', async () => {
    let e = await refusal(async () =>
      verifyBundle(
        await ctx({ matchOIDCIdentity: [{ issuer: 'https://accounts.google.com', subject: SUBJECT }] }),
        bundle('pass'),
        fx.digests.pass,
        'r',
      ),
    );
    expect(e.check).toBe('identity');
    expect(e.message).toContain(`signed by ${GH} ${fx.subject}`);
    e = await refusal(async () =>
      verifyBundle(
        await ctx({ matchOIDCIdentity: [{ issuer: GH, subject: '^https://github\\.com/evil/' }] }),
        bundle('pass'),
        fx.digests.pass,
        'r',
      ),
    );
    expect(e.check).toBe('identity');
  });
  it('matches subjects unanchored (flux semantics) and in Go syntax', async () => {
    const unanchored = await ctx({ matchOIDCIdentity: [{ issuer: GH, subject: 'acme/app' }] });
    expect(verifyBundle(unanchored, bundle('pass'), fx.digests.pass, 'r').verification.issuer).toBe(GH);
    const anchored = await ctx({ matchOIDCIdentity: [{ issuer: GH, subject: '^acme/app$' }] });
    expect((await refusal(() => verifyBundle(anchored, bundle('pass'), fx.digests.pass, 'r'))).check).toBe(
      'identity',
    );
    const goOnly = await ctx({
      matchOIDCIdentity: [{ issuer: GH, subject: '(?i)\\Ahttps://GITHUB\\.com/[[:alpha:]]+/app/' }],
    });
    expect(verifyBundle(goOnly, bundle('pass'), fx.digests.pass, 'r').verification.subject).toBe(fx.subject);
  });
  it('refuses a tampered statement, a foreign CA, a missing log entry and another digest', async () => {
    const c = await ctx();
    expect((await refusal(() => verifyBundle(c, bundle('tampered'), fx.digests.tampered, 'r'))).check).toBe(
      'untrusted',
    );
    const foreign = await refusal(() => verifyBundle(c, bundle('foreign'), fx.digests.foreign, 'r'));
    expect(foreign.check).toBe('untrusted');
    expect(foreign.message).toContain('untrusted certificate chain');
    expect((await refusal(() => verifyBundle(c, bundle('notlog'), fx.digests.notlog, 'r'))).check).toBe(
      'no-timestamp',
    );
    const other = await refusal(() => verifyBundle(c, bundle('mismatch'), fx.digests.mismatch, 'r'));
    expect(other.check).toBe('digest-mismatch');
    expect(other.message).toContain(fx.digests.pass);
  });
  it('says too new when younger than minAge, judged from the log time', async () => {
    const c = await ctx({ minAge: '48h', minAgeMs: 48 * 3600e3 });
    const signedAt = Date.parse(fx.generatedAt);
    expect(verifyBundle(c, bundle('pass'), fx.digests.pass, 'r', signedAt + 3600e3).tooNewMs).toBe(3600e3);
    expect(
      verifyBundle(c, bundle('pass'), fx.digests.pass, 'r', signedAt + 49 * 3600e3).tooNewMs,
    ).toBeUndefined();
  });
  it('verifies a legacy .sig layer and binds it to the digest', async () => {
    const c = await ctx();
    const { payload, annotations } = fx.cases.legacy.legacy;
    const got = verifyLegacyLayer(c, Buffer.from(payload), annotations, fx.digests.legacy, 'sha256:sig');
    expect(got.verification).toMatchObject({ via: 'legacy-sig', issuer: GH, subject: fx.subject });
    const e = await refusal(() =>
      verifyLegacyLayer(c, Buffer.from(payload), annotations, fx.digests.pass, 'r'),
    );
    expect(e.check).toBe('digest-mismatch');
  });
  it('key-based: passes with the right key, refuses another key and keyless-only policies', async () => {
    const good = await ctx({ matchOIDCIdentity: [] }, readFileSync(join(DIR, 'cosign.pub'), 'utf8'));
    expect(verifyBundle(good, bundle('keyed'), fx.digests.keyed, 'r').verification).toMatchObject({
      publicKey: true,
      signedAt: fx.generatedAt,
    });
    const other = await ctx({ matchOIDCIdentity: [] }, readFileSync(join(DIR, 'other.pub'), 'utf8'));
    expect((await refusal(() => verifyBundle(other, bundle('keyed'), fx.digests.keyed, 'r'))).check).toBe(
      'untrusted',
    );
    expect(
      (await refusal(async () => verifyBundle(await ctx(), bundle('keyed'), fx.digests.keyed, 'r'))).check,
    ).toBe('untrusted');
  });
  it('refuses a broken bundle as malformed', async () => {
    expect(
      (await refusal(async () => verifyBundle(await ctx(), bundle('mixed', 0), fx.digests.mixed, 'r'))).check,
    ).toBe('bundle');
  });
});
