/**
 * Verify one cosign signature over one image digest with sigstore-js' low-level verifier and an
 * explicit trust material (never the network-only high-level API): certificate chain, SCTs,
 * SET / inclusion proof, signature; then what sigstore-js leaves to us: the OIDC identity (issuer
 * exact, subject an unanchored Go regex, as flux mirror), the signed statement's subject digest,
 * and the verified transparency-log time for `minAge`.
 *
 * Two shapes: a cosign v3 bundle (DSSE in-toto statement, found among the referrers) and a legacy
 * `sha256-<hex>.sig` layer (simple-signing payload + annotations), converted to a v0.1 bundle as
 * cosign and flux mirror do. The sigstore packages are loaded on first use (`loadSigstore`).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { digestHex } from '../oci/digest.js';
import { VerificationFailedError } from './errors.js';
import type { VerifyPolicy } from './policy.js';

const BUNDLE_V03 = [
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
];
const INTOTO = 'application/vnd.in-toto+json';
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';

/** The sigstore-js modules, loaded lazily so that start-up does not pay for them. */
export type Sigstore = Awaited<ReturnType<typeof importSigstore>>;

// A chunk of its own in dist/ (sigstore-lib.ts): loaded on the first verification only.
async function importSigstore() {
  const { verify, bundle, specs } = await import('./sigstore-lib.js');
  return { verify, bundle, specs };
}

let loaded: Promise<Sigstore> | undefined;
export function loadSigstore(): Promise<Sigstore> {
  loaded ??= importSigstore();
  return loaded;
}

/** What a verified signature says, as the report shows it. */
export interface Verification {
  /** Digest the signature is bound to (the tag's source digest; an index digest for multi-arch). */
  digest: string;
  /** OIDC issuer of the signing certificate (keyless). */
  issuer?: string;
  /** Certificate identity (SAN) of the signer (keyless). */
  subject?: string;
  /** Set for key-based verification. */
  publicKey?: true;
  /** Verified transparency-log integrated time (ISO 8601), when there is one. */
  signedAt?: string;
  /** in-toto predicate type of the signed statement (bundles), e.g. `https://sigstore.dev/cosign/sign/v1`. */
  predicateType?: string;
  /** Where the signature was found. */
  via: 'referrer' | 'legacy-sig';
  /** Digest of the referrer manifest or `.sig` manifest holding it. */
  signature: string;
}

/** A trust material plus the policy it serves. */
export interface TrustContext {
  sigstore: Sigstore;
  trust: ReturnType<Sigstore['verify']['toTrustMaterial']>;
  policy: VerifyPolicy;
}

export type TrustedRoot = ReturnType<Sigstore['specs']['TrustedRoot']['fromJSON']>;

/** Build the trust material for a policy from a trusted root (and the policy's key). */
export function trustContext(sigstore: Sigstore, root: TrustedRoot, policy: VerifyPolicy): TrustContext {
  const pem = policy.publicKey;
  const keys = pem
    ? () => ({ publicKey: publicKeyOf(pem), validFor: () => true })
    : () => {
        throw new VerificationFailedError(
          'untrusted',
          'the signature names a public key, but no `publicKey` is configured',
        );
      };
  return { sigstore, trust: sigstore.verify.toTrustMaterial(root, keys), policy };
}

function publicKeyOf(pem: string) {
  try {
    return createPublicKey(pem);
  } catch (err) {
    throw new VerificationFailedError(
      'untrusted',
      `the configured public key cannot be read: ${message(err)}`,
    );
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type Bundle = ReturnType<Sigstore['bundle']['bundleFromJSON']>;

/** Run sigstore-js' checks; translate its errors into the check that failed, in plain words. */
function verifyEntity(ctx: TrustContext, bundle: Bundle, artifact?: Buffer) {
  const { verify } = ctx.sigstore;
  const keyBased = bundle.verificationMaterial.content.$case === 'publicKey';
  if (keyBased && !ctx.policy.publicKey)
    throw new VerificationFailedError('untrusted', 'signed with a key, but the policy names no `publicKey`');
  if (!keyBased && ctx.policy.identities.length === 0)
    throw new VerificationFailedError(
      'untrusted',
      'keyless signature, but the policy only trusts a public key',
    );
  const hasTlog = bundle.verificationMaterial.tlogEntries.length > 0;
  // Key-based signatures may lack a log entry (cosign --tlog-upload=false): then minAge says so below.
  const threshold = keyBased && !hasTlog ? 0 : 1;
  const verifier = new verify.Verifier(ctx.trust, {
    tlogThreshold: threshold,
    ctlogThreshold: 1,
    timestampThreshold: threshold,
  });
  try {
    return verifier.verify(verify.toSignedEntity(bundle, artifact));
  } catch (err) {
    if (err instanceof VerificationFailedError) throw err;
    const code = (err as { code?: string }).code ?? '';
    const why = message(err);
    if (code === 'TIMESTAMP_ERROR')
      throw new VerificationFailedError('no-timestamp', `no verified transparency-log timestamp (${why})`, {
        cause: err,
      });
    if (code === 'CERTIFICATE_ERROR')
      throw new VerificationFailedError('untrusted', `untrusted certificate chain (${why})`, { cause: err });
    if (code.startsWith('TLOG'))
      throw new VerificationFailedError(
        'untrusted',
        `transparency-log entry does not verify (${code}: ${why})`,
        {
          cause: err,
        },
      );
    if (code === 'SIGNATURE_ERROR')
      throw new VerificationFailedError('untrusted', `signature does not verify (${why})`, { cause: err });
    throw new VerificationFailedError('untrusted', `${code ? `${code}: ` : ''}${why}`, { cause: err });
  }
}

/** Identity (keyless): issuer exact, subject an unanchored Go regex; OR over the policy's list. */
function checkIdentity(
  policy: VerifyPolicy,
  signer: { identity?: { subjectAlternativeName?: string; extensions?: { issuer?: string } } },
) {
  const san = signer.identity?.subjectAlternativeName ?? '';
  const issuer = signer.identity?.extensions?.issuer ?? '';
  if (!policy.identities.some((i) => i.issuer === issuer && i.re.test(san))) {
    const wanted = policy.identities.map((i) => `${i.issuer} ${i.subject}`).join(' | ');
    throw new VerificationFailedError(
      'identity',
      `wrong identity: signed by ${issuer || '(no issuer)'} ${san || '(no subject)'}, wanted ${wanted}`,
    );
  }
  return { issuer, san };
}

/** Oldest verified integrated time (entries whose SET verified), in ms; undefined when none. */
function signedAtOf(bundle: Bundle): number | undefined {
  const secs = bundle.verificationMaterial.tlogEntries
    .filter((e) => e.inclusionPromise && Number(e.integratedTime) > 0)
    .map((e) => Number(e.integratedTime));
  return secs.length > 0 ? Math.min(...secs) * 1000 : undefined;
}

/** The outcome of one signature that passed every check but possibly `minAge`. */
export interface Checked {
  verification: Verification;
  /** Age of the signature in ms when it is younger than `minAge`. */
  tooNewMs?: number;
}

function finish(
  ctx: TrustContext,
  bundle: Bundle,
  keyBased: boolean,
  v: Omit<Verification, 'signedAt'>,
  now: number,
): Checked {
  const at = signedAtOf(bundle);
  const out: Verification = { ...v };
  if (at === undefined) {
    if (!keyBased)
      throw new VerificationFailedError(
        'no-timestamp',
        'the signature has no verified transparency-log time',
      );
    if (ctx.policy.minAgeMs > 0)
      throw new VerificationFailedError(
        'no-timestamp',
        'minAge needs a transparency-log time, and this key-based signature has none',
      );
    return { verification: out };
  }
  out.signedAt = new Date(at).toISOString();
  const age = now - at;
  return age < ctx.policy.minAgeMs ? { verification: out, tooNewMs: age } : { verification: out };
}

function parseBundle(ctx: TrustContext, json: unknown): Bundle {
  try {
    return ctx.sigstore.bundle.bundleFromJSON(json);
  } catch (err) {
    throw new VerificationFailedError('bundle', `malformed Sigstore bundle: ${message(err)}`, { cause: err });
  }
}

/**
 * A cosign v3 bundle (the layer of a referrer) over `digest`. Accepts any verified in-toto
 * statement whose subject is the digest (as `cosign verify` does) and reports its predicate type.
 */
export function verifyBundle(
  ctx: TrustContext,
  bundleBytes: Buffer,
  digest: string,
  signature: string,
  now = Date.now(),
): Checked {
  let json: unknown;
  try {
    json = JSON.parse(bundleBytes.toString('utf8'));
  } catch (err) {
    throw new VerificationFailedError('bundle', `the bundle is not JSON: ${message(err)}`);
  }
  const bundle = parseBundle(ctx, json);
  if (!BUNDLE_V03.includes(bundle.mediaType) || bundle.content.$case !== 'dsseEnvelope')
    throw new VerificationFailedError(
      'bundle',
      `not a cosign image signature bundle (${bundle.mediaType}, ${bundle.content.$case})`,
    );
  const keyBased = bundle.verificationMaterial.content.$case === 'publicKey';
  const signer = verifyEntity(ctx, bundle);
  const id = keyBased ? undefined : checkIdentity(ctx.policy, signer);
  const env = bundle.content.dsseEnvelope;
  if (env.payloadType !== INTOTO)
    throw new VerificationFailedError(
      'bundle',
      `the envelope holds ${env.payloadType}, not an in-toto statement`,
    );
  let st: { subject?: { digest?: Record<string, string> }[]; predicateType?: string };
  try {
    st = JSON.parse(env.payload.toString('utf8'));
  } catch {
    throw new VerificationFailedError('bundle', 'the signed statement is not JSON');
  }
  const [alg] = digest.split(':');
  const hex = digestHex(digest);
  if (!st.subject?.some((s) => s.digest?.[alg ?? 'sha256'] === hex)) {
    const named = (st.subject ?? []).flatMap((s) =>
      Object.entries(s.digest ?? {}).map(([a, h]) => `${a}:${h}`),
    );
    throw new VerificationFailedError(
      'digest-mismatch',
      `digest mismatch: the signed statement is about ${named.join(', ') || 'nothing'}, not ${digest}`,
    );
  }
  const v: Omit<Verification, 'signedAt'> = { digest, via: 'referrer', signature };
  if (id) {
    v.issuer = id.issuer;
    v.subject = id.san;
  } else v.publicKey = true;
  if (typeof st.predicateType === 'string') v.predicateType = st.predicateType;
  return finish(ctx, bundle, keyBased, v, now);
}

/** A legacy `.sig` layer: its simple-signing payload bytes and the layer descriptor's annotations. */
export function verifyLegacyLayer(
  ctx: TrustContext,
  payload: Buffer,
  annotations: Record<string, string>,
  digest: string,
  signature: string,
  now = Date.now(),
): Checked {
  const sig = annotations['dev.cosignproject.cosign/signature'];
  if (!sig) throw new VerificationFailedError('bundle', 'the .sig layer carries no signature annotation');
  const certPem = annotations['dev.sigstore.cosign/certificate'];
  const chainPem = annotations['dev.sigstore.cosign/chain'];
  const rekor = annotations['dev.sigstore.cosign/bundle'];
  const tlogEntries: unknown[] = [];
  if (rekor) {
    let p: {
      SignedEntryTimestamp?: string;
      Payload?: { body?: string; integratedTime?: number; logIndex?: number; logID?: string };
    };
    try {
      p = JSON.parse(rekor);
    } catch {
      throw new VerificationFailedError('bundle', 'the .sig layer has an unreadable Rekor bundle annotation');
    }
    const body = JSON.parse(Buffer.from(p.Payload?.body ?? '', 'base64').toString('utf8') || '{}') as {
      kind?: string;
      apiVersion?: string;
    };
    tlogEntries.push({
      logIndex: String(p.Payload?.logIndex ?? 0),
      logId: { keyId: Buffer.from(p.Payload?.logID ?? '', 'hex').toString('base64') },
      kindVersion: { kind: body.kind ?? '', version: body.apiVersion ?? '' },
      integratedTime: String(p.Payload?.integratedTime ?? 0),
      inclusionPromise: { signedEntryTimestamp: p.SignedEntryTimestamp ?? '' },
      canonicalizedBody: p.Payload?.body ?? '',
    });
  }
  const material: Record<string, unknown> = { tlogEntries };
  if (certPem) {
    const certificates = [...pemBlocks(certPem), ...pemBlocks(chainPem ?? '')].map((der) => ({
      rawBytes: der.toString('base64'),
    }));
    material.x509CertificateChain = { certificates };
  } else material.publicKey = { hint: '' };
  const bundle = parseBundle(ctx, {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: material,
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
      signature: sig,
    },
  });
  const keyBased = !certPem;
  const signer = verifyEntity(ctx, bundle, payload);
  const id = keyBased ? undefined : checkIdentity(ctx.policy, signer);
  let ss: { critical?: { image?: { 'docker-manifest-digest'?: string }; type?: string } };
  try {
    ss = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new VerificationFailedError('bundle', 'the .sig payload is not JSON');
  }
  if (ss.critical?.type !== SIMPLE_SIGNING_TYPE)
    throw new VerificationFailedError('bundle', `the .sig payload is not a ${SIMPLE_SIGNING_TYPE}`);
  const named = ss.critical.image?.['docker-manifest-digest'];
  if (named !== digest)
    throw new VerificationFailedError(
      'digest-mismatch',
      `digest mismatch: the signature is about ${named}, not ${digest}`,
    );
  const v: Omit<Verification, 'signedAt'> = { digest, via: 'legacy-sig', signature };
  if (id) {
    v.issuer = id.issuer;
    v.subject = id.san;
  } else v.publicKey = true;
  return finish(ctx, bundle, keyBased, v, now);
}

function pemBlocks(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}
