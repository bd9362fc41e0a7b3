/**
 * flux mirror's dialects (`mirror.plugin.fluxcd.io/v1beta1` and `v1beta2`, specified by the JSON
 * Schemas of fluxcd/flux-mirror) onto the model: the shared entry normaliser with flux's rules —
 * sources without tags, charts from HTTP/S repositories, v1beta1's JWT claim names (`iss`, `sub`,
 * `aud`, `exp`), v1beta2's username under `credential`, flux's TLS shape (`fromPath`/`value`,
 * SPIFFE), and a host must set something.
 */
import type { ConfigError } from '../errors.js';
import type { Dialect, HostEntry, HostTLS, MirrorConfig } from '../model.js';
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

const V1BETA1_NAMES = { issuer: 'iss', subject: 'sub', audience: 'aud', audiences: '', expiration: 'exp' };
const V1BETA2_NAMES = {
  issuer: 'issuer',
  subject: 'subject',
  audience: '',
  audiences: 'audiences',
  expiration: 'expiration',
};

/** Checks and normalises a schema-valid flux mirror document (either apiVersion). */
export function normalizeFlux(
  data: R,
  ctx: NormalizeContext,
): { config: MirrorConfig; errors: ConfigError[] } {
  return normalizeEntries(data, ctx, fluxRules(ctx.dialect));
}

function fluxRules(dialect: Dialect): DialectRules {
  const v1beta2 = dialect === 'mirror.plugin.fluxcd.io/v1beta2';
  return {
    flux: true,
    usernameUnderCredential: v1beta2,
    credentialNames: v1beta2 ? V1BETA2_NAMES : V1BETA1_NAMES,
    tls: fluxTls,
    hostExtras: fluxHostExtras,
  };
}

/** flux mirror rejects a host entry that configures nothing. */
function fluxHostExtras(raw: R, at: FieldPath, _entry: HostEntry, h: NormalizeHelpers): void {
  const provider = str(raw, 'provider');
  const cloud = provider !== undefined && provider !== 'generic';
  if (!obj(raw, 'credential') && !cloud && !obj(raw, 'tls') && num(raw, 'maxChunkSize') === undefined) {
    h.err(
      at,
      'host sets nothing: give at least one of `credential`, a cloud `provider`, `tls`, `maxChunkSize`',
    );
  }
}

function fluxTls(t: R, at: FieldPath, h: NormalizeHelpers): HostTLS {
  const out: HostTLS = {};
  const server = obj(t, 'serverAuth');
  const client = obj(t, 'clientAuth');
  if (!server && !client) h.err(at, 'set `serverAuth`, `clientAuth` or both');
  if (server) {
    const sa: NonNullable<HostTLS['serverAuth']> = {};
    const spiffe = obj(server, 'spiffe');
    const spiffeOn = spiffe !== undefined || str(server, 'provider') === 'spiffe';
    const choices = ['fromPath', 'value'].filter((k) => server[k] !== undefined).length + (spiffeOn ? 1 : 0);
    if (choices !== 1)
      h.err([...at, 'serverAuth'], 'set exactly one of `fromPath`, `value` or SPIFFE verification');
    const fp = h.path(server, 'fromPath', [...at, 'serverAuth', 'fromPath']);
    if (fp !== undefined) sa.caFromPath = fp;
    const v = str(server, 'value');
    if (v !== undefined) sa.caValue = v;
    if (spiffeOn) {
      sa.provider = 'spiffe';
      const s = spiffe ?? {};
      const picks = ['serverID', 'trustDomain', 'authorizeAny'].filter(
        (k) => s[k] !== undefined && s[k] !== false,
      );
      if (picks.length !== 1) {
        h.err(
          [...at, 'serverAuth', 'spiffe'],
          'set exactly one of `serverID`, `trustDomain` or `authorizeAny`',
        );
      }
      const sp: NonNullable<NonNullable<HostTLS['serverAuth']>['spiffe']> = {};
      const id = str(s, 'serverID');
      if (id !== undefined) {
        if (!id.startsWith('spiffe://'))
          h.err([...at, 'serverAuth', 'spiffe', 'serverID'], `\`${id}\` is not a spiffe:// ID`);
        sp.serverID = id;
      }
      const td = str(s, 'trustDomain');
      if (td !== undefined) {
        if (td !== 'self' && !/^(spiffe:\/\/)?[a-z0-9._-]+$/.test(td))
          h.err(
            [...at, 'serverAuth', 'spiffe', 'trustDomain'],
            `\`${td}\` is not a trust domain name (lower-case letters, digits, \`.\`, \`-\`, \`_\`) or \`self\``,
          );
        sp.trustDomain = td;
      }
      const any = bool(s, 'authorizeAny');
      if (any !== undefined) sp.authorizeAny = any;
      sa.spiffe = sp;
    }
    out.serverAuth = sa;
  }
  if (client) {
    const ca: NonNullable<HostTLS['clientAuth']> = {};
    const provider = str(client, 'provider');
    const cert = obj(client, 'certificate');
    const key = obj(client, 'key');
    if (provider !== undefined) {
      ca.provider = 'spiffe';
      if (cert || key)
        h.err([...at, 'clientAuth'], '`provider` and `certificate`/`key` are mutually exclusive');
    } else if (!cert || !key) {
      h.err([...at, 'clientAuth'], 'a static client certificate needs both `certificate` and `key`');
    }
    for (const [part, o] of [
      ['certificate', cert],
      ['key', key],
    ] as const) {
      if (!o) continue;
      const p = [...at, 'clientAuth', part];
      if ((o.fromPath !== undefined) === (o.value !== undefined))
        h.err(p, 'set exactly one of `fromPath` and `value`');
      const fp = h.path(o, 'fromPath', [...p, 'fromPath']);
      const v = str(o, 'value');
      if (part === 'certificate') {
        if (fp !== undefined) ca.certFromPath = fp;
        if (v !== undefined) ca.certValue = v;
      } else {
        if (fp !== undefined) ca.keyFromPath = fp;
        if (v !== undefined) {
          ca.keyValue = v;
          h.secret(v);
        }
      }
    }
    out.clientAuth = ca;
  }
  return out;
}
