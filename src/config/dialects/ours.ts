/**
 * Our own dialect (`apiVersion: oci-mirror/v1`, schema/config.schema.json) onto the model: the
 * shared entry normaliser with our host fields (cloud provider settings, `insecure`, `plainHTTP`,
 * `rateLimit`, `maxConcurrency`, `listing`)
 * and our TLS shape (`caFromPath`/`caValue`, `certFromPath`/`keyFromPath`/…).
 */
import type { ConfigError } from '../errors.js';
import type { HostEntry, HostTLS, MirrorConfig } from '../model.js';
import type { FieldPath } from '../yaml.js';
import {
  bool,
  type DialectRules,
  type NormalizeContext,
  type NormalizeHelpers,
  normalizeEntries,
  num,
  obj,
  type R,
  str,
} from './shared.js';

const RULES: DialectRules = {
  flux: false,
  usernameUnderCredential: false,
  credentialNames: {
    issuer: 'issuer',
    subject: 'subject',
    audience: 'audience',
    audiences: 'audiences',
    expiration: 'expiration',
  },
  tls: oursTls,
  hostExtras: oursHostExtras,
};

/** Checks and normalises a schema-valid `oci-mirror/v1` document. */
export function normalizeOurs(
  data: R,
  ctx: NormalizeContext,
): { config: MirrorConfig; errors: ConfigError[] } {
  return normalizeEntries(data, ctx, RULES);
}

function oursHostExtras(raw: R, at: FieldPath, entry: HostEntry, h: NormalizeHelpers): void {
  const provider = str(raw, 'provider');
  const cloud = provider !== undefined && provider !== 'generic';
  const tls = obj(raw, 'tls');
  for (const k of [
    'roleArn',
    'region',
    'workloadIdentityProvider',
    'serviceAccount',
    'tenantId',
    'clientId',
    'audience',
    'providerName',
    'connectionId',
  ] as const) {
    const v = str(raw, k);
    if (v !== undefined) entry[k] = v;
  }
  const needs: Record<string, string> = {
    roleArn: 'ecr',
    region: 'ecr',
    workloadIdentityProvider: 'gar',
    serviceAccount: 'gar',
    tenantId: 'acr',
    clientId: 'acr',
    providerName: 'jfrog',
    connectionId: 'dockerhub',
  };
  for (const [k, p] of Object.entries(needs)) {
    if (raw[k] !== undefined && provider !== p) {
      h.err([...at, k], `\`${k}\` only applies with \`provider: ${p}\``, { key: true });
    }
  }
  if (raw.audience !== undefined && !cloud)
    h.err([...at, 'audience'], '`audience` only applies with a cloud `provider`', { key: true });
  const create = bool(raw, 'createRepositories');
  if (create !== undefined) {
    entry.createRepositories = create;
    if (provider !== 'ecr')
      h.err([...at, 'createRepositories'], '`createRepositories` only applies with `provider: ecr`', {
        key: true,
      });
  }
  const rate = obj(raw, 'rateLimit');
  const rps = rate ? num(rate, 'requestsPerSecond') : undefined;
  if (rate && rps !== undefined) {
    const burst = num(rate, 'burst');
    entry.rateLimit = burst !== undefined ? { requestsPerSecond: rps, burst } : { requestsPerSecond: rps };
  }
  const maxConcurrency = num(raw, 'maxConcurrency');
  if (maxConcurrency !== undefined) entry.maxConcurrency = maxConcurrency;
  const listing = obj(raw, 'listing');
  const api = listing ? str(listing, 'api') : undefined;
  if (
    listing &&
    (api === 'dockerhub' ||
      api === 'quay' ||
      api === 'ghcr' ||
      api === 'harbor' ||
      api === 'gar' ||
      api === 'none')
  ) {
    const url = str(listing, 'url');
    const location = str(listing, 'location');
    entry.listing = {
      api,
      ...(url !== undefined ? { url } : {}),
      ...(location !== undefined ? { location } : {}),
    };
  }
  const insecure = bool(raw, 'insecure');
  if (insecure !== undefined) entry.insecure = insecure;
  const plain = bool(raw, 'plainHTTP');
  if (plain !== undefined) entry.plainHTTP = plain;
  if (plain && tls)
    h.err([...at, 'tls'], '`tls` settings have no effect with `plainHTTP: true`', { key: true });
}

function oursTls(t: R, at: FieldPath, h: NormalizeHelpers): HostTLS {
  const out: HostTLS = {};
  const server = obj(t, 'serverAuth');
  const client = obj(t, 'clientAuth');
  if (!server && !client) h.err(at, 'set `serverAuth`, `clientAuth` or both');
  if (server) {
    const sa: NonNullable<HostTLS['serverAuth']> = {};
    const ca = h.path(server, 'caFromPath', [...at, 'serverAuth', 'caFromPath']);
    if (ca !== undefined) sa.caFromPath = ca;
    const caValue = str(server, 'caValue');
    if (caValue !== undefined) sa.caValue = caValue;
    if ((server.caFromPath !== undefined) === (caValue !== undefined)) {
      h.err([...at, 'serverAuth'], 'set exactly one of `caFromPath` and `caValue`');
    }
    out.serverAuth = sa;
  }
  if (client) {
    const ca: NonNullable<HostTLS['clientAuth']> = {};
    const cert = h.path(client, 'certFromPath', [...at, 'clientAuth', 'certFromPath']);
    if (cert !== undefined) ca.certFromPath = cert;
    const key = h.path(client, 'keyFromPath', [...at, 'clientAuth', 'keyFromPath']);
    if (key !== undefined) ca.keyFromPath = key;
    const certValue = str(client, 'certValue');
    if (certValue !== undefined) ca.certValue = certValue;
    const keyValue = str(client, 'keyValue');
    if (keyValue !== undefined) {
      ca.keyValue = keyValue;
      h.secret(keyValue);
    }
    const certs = ['certFromPath', 'certValue'].filter((k) => client[k] !== undefined).length;
    const keys = ['keyFromPath', 'keyValue'].filter((k) => client[k] !== undefined).length;
    if (certs !== 1) h.err([...at, 'clientAuth'], 'set exactly one of `certFromPath` and `certValue`');
    if (keys !== 1) h.err([...at, 'clientAuth'], 'set exactly one of `keyFromPath` and `keyValue`');
    out.clientAuth = ca;
  }
  return out;
}
