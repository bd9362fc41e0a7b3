/**
 * An offline Sigstore for tests and the bench, on @sigstore/mock: a mock Fulcio CA, CT log and
 * Rekor v1 with their trusted_root.json, and cosign signatures made with them — cosign v3 bundles
 * (DSSE in-toto statements, pushed as referrers) and legacy `sha256-<hex>.sig` layers.
 * scripts/gen-cosign-fixtures.ts writes the committed fixtures with it; `npm run bench` signs the
 * reference set with it at bench time.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { dsse } from '@sigstore/core';
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock';

export const REKOR_URL = 'https://rekor.mock.test';
export const ISSUER = 'https://token.actions.githubusercontent.com';
export const SUBJECT = 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.0.0';
export const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const INTOTO = 'application/vnd.in-toto+json';

export type Keys = { publicKey: KeyObject; privateKey: KeyObject };
export const ec = (): Keys => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const buf = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const b64 = (b: ArrayBufferView) => buf(b).toString('base64');
const spki = (k: KeyObject) => k.export({ format: 'der', type: 'spki' });
export const pem = (k: KeyObject) => k.export({ format: 'pem', type: 'spki' }).toString();
const sha256hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const certPem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${b64(der)
    .match(/.{1,64}/g)
    ?.join('\n')}\n-----END CERTIFICATE-----\n`;

/** One mock Sigstore instance: CA, CT log and Rekor, all at `clock`. */
export async function mockSigstore(clock: Date) {
  const caKeys = ec();
  const ctKeys = ec();
  const tlKeys = ec();
  const ctlog = await initializeCTLog(ctKeys, clock);
  const ca = await initializeCA(caKeys, ctlog, clock);
  const tlog = await initializeTLog(REKOR_URL, tlKeys, clock);
  const start = new Date(clock.getTime() - 24 * 3600 * 1000).toISOString();
  const key = (k: Keys) => ({
    rawBytes: b64(spki(k.publicKey)),
    keyDetails: 'PKIX_ECDSA_P256_SHA_256',
    validFor: { start },
  });
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: REKOR_URL,
        hashAlgorithm: 'SHA2_256',
        publicKey: key(tlKeys),
        logId: { keyId: b64(createHash('sha256').update(spki(tlKeys.publicKey)).digest()) },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'mock', commonName: 'mock' },
        uri: 'https://fulcio.mock.test',
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    ctlogs: [
      {
        baseUrl: 'https://ctfe.mock.test',
        hashAlgorithm: 'SHA2_256',
        publicKey: key(ctKeys),
        logId: { keyId: b64(ctlog.logID) },
      },
    ],
    timestampAuthorities: [],
  };
  return { ca, tlog, trustedRoot };
}

export type Instance = Awaited<ReturnType<typeof mockSigstore>>;

export function statement(digest: string, predicateType = 'https://sigstore.dev/cosign/sign/v1') {
  // Go protojson spacing, as cosign writes it: parsers must not byte-compare.
  return `{"_type":"https://in-toto.io/Statement/v1", "subject":[{"digest":{"sha256":"${digest.slice(7)}"}, "annotations":{}}], "predicateType":"${predicateType}", "predicate":{}}`;
}

/** Rekor v1 response → bundle tlog entry. */
function tlogEntry(resp: Record<string, unknown>) {
  const e = Object.values(resp)[0] as {
    body: string;
    integratedTime: number;
    logID: string;
    logIndex: number;
    verification: {
      signedEntryTimestamp: string;
      inclusionProof: {
        logIndex: number;
        treeSize: number;
        rootHash: string;
        hashes: string[];
        checkpoint: string;
      };
    };
  };
  const body = JSON.parse(Buffer.from(e.body, 'base64').toString());
  const p = e.verification.inclusionProof;
  return {
    raw: e,
    entry: {
      logIndex: String(e.logIndex),
      logId: { keyId: b64(Buffer.from(e.logID, 'hex')) },
      kindVersion: { kind: body.kind, version: body.apiVersion },
      integratedTime: String(e.integratedTime),
      inclusionPromise: { signedEntryTimestamp: e.verification.signedEntryTimestamp },
      inclusionProof: {
        logIndex: String(p.logIndex),
        rootHash: b64(Buffer.from(p.rootHash, 'hex')),
        treeSize: String(p.treeSize),
        hashes: p.hashes.map((h) => b64(Buffer.from(h, 'hex'))),
        checkpoint: { envelope: p.checkpoint },
      },
      canonicalizedBody: e.body,
    },
  };
}

export interface SignOptions {
  /** Key-based: sign with this key (no certificate). */
  key?: Keys;
  subject?: string;
  issuer?: string;
  tlog?: boolean;
  /** Payload statement override (e.g. another digest). */
  payload?: string;
  /** Replace the payload after signing (tampering). */
  tamper?: (payload: string) => string;
  predicateType?: string;
}

/** A cosign v3 bundle (DSSE in-toto statement) over `digest`. */
export async function signBundle(s: Instance, digest: string, o: SignOptions = {}) {
  const signer = o.key ?? ec();
  const payload = Buffer.from(o.payload ?? statement(digest, o.predicateType));
  const sig = sign('sha256', dsse.preAuthEncoding(INTOTO, payload), signer.privateKey);
  let verifierPem: string;
  let material: Record<string, unknown>;
  if (o.key) {
    verifierPem = pem(o.key.publicKey);
    material = { publicKey: { hint: b64(createHash('sha256').update(spki(o.key.publicKey)).digest()) } };
  } else {
    const leaf = buf(
      await s.ca.issueCertificate({
        publicKey: spki(signer.publicKey),
        subjectAltName: o.subject ?? SUBJECT,
        extensions: [
          { oid: '1.3.6.1.4.1.57264.1.1', value: o.issuer ?? ISSUER, legacy: true },
          { oid: '1.3.6.1.4.1.57264.1.8', value: o.issuer ?? ISSUER },
        ],
      }),
    );
    verifierPem = certPem(leaf);
    material = { certificate: { rawBytes: b64(leaf) } };
  }
  const envelope = { payloadType: INTOTO, payload: b64(payload), signatures: [{ sig: b64(sig), keyid: '' }] };
  const tlogEntries: unknown[] = [];
  if (o.tlog !== false) {
    const body = {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: { algorithm: 'sha256', value: sha256hex(JSON.stringify(envelope)) },
        payloadHash: { algorithm: 'sha256', value: sha256hex(payload) },
        signatures: [{ signature: b64(sig), verifier: b64(Buffer.from(verifierPem)) }],
      },
    };
    tlogEntries.push(tlogEntry((await s.tlog.log(body)) as unknown as Record<string, unknown>).entry);
  }
  const finalPayload = o.tamper ? Buffer.from(o.tamper(payload.toString())) : payload;
  return {
    mediaType: BUNDLE_V03,
    verificationMaterial: { ...material, tlogEntries, timestampVerificationData: { rfc3161Timestamps: [] } },
    dsseEnvelope: {
      payload: b64(finalPayload),
      payloadType: INTOTO,
      signatures: [{ sig: b64(sig), keyid: '' }],
    },
  };
}

/** A legacy cosign `.sig` layer: simple-signing payload + annotations (keyless). */
export async function signLegacy(s: Instance, digest: string, repo: string) {
  const signer = ec();
  const payload = JSON.stringify({
    critical: {
      identity: { 'docker-reference': repo },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature',
    },
    optional: null,
  });
  const sig = sign('sha256', Buffer.from(payload), signer.privateKey);
  const leaf = buf(
    await s.ca.issueCertificate({
      publicKey: spki(signer.publicKey),
      subjectAltName: SUBJECT,
      extensions: [
        { oid: '1.3.6.1.4.1.57264.1.1', value: ISSUER, legacy: true },
        { oid: '1.3.6.1.4.1.57264.1.8', value: ISSUER },
      ],
    }),
  );
  const body = {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: sha256hex(payload) } },
      signature: { content: b64(sig), publicKey: { content: b64(Buffer.from(certPem(leaf))) } },
    },
  };
  const { raw } = tlogEntry((await s.tlog.log(body)) as unknown as Record<string, unknown>);
  return {
    payload,
    annotations: {
      'dev.cosignproject.cosign/signature': b64(sig),
      'dev.sigstore.cosign/certificate': certPem(leaf),
      'dev.sigstore.cosign/chain': '',
      'dev.sigstore.cosign/bundle': JSON.stringify({
        SignedEntryTimestamp: raw.verification.signedEntryTimestamp,
        Payload: {
          body: raw.body,
          integratedTime: raw.integratedTime,
          logIndex: raw.logIndex,
          logID: raw.logID,
        },
      }),
    },
  };
}
