/**
 * SPIFFE X.509-SVID TLS, as flux mirror documents it (`tls.clientAuth.provider: x509-svid`,
 * `tls.serverAuth.spiffe`) and go-spiffe's `tlsconfig` does it: the client certificate is this
 * workload's X.509-SVID, and the server is verified against the X.509 bundle of the trust domain
 * of its SPIFFE ID (the URI SAN), then authorized by ID, trust domain or any. Both come from one
 * Workload API stream per run (`FetchX509SVID`, or `FetchX509Bundles` when no host needs our own
 * SVID); each message the stream sends is a new generation, which new connections use.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import type { DynamicTls, TlsSource } from '../oci/transport.js';
import {
  type WorkloadClient,
  type WorkloadStream,
  workloadClient,
  type X509BundlesResponse,
  type X509SvidResponse,
} from './workload-api.js';

/** The Workload API gave nothing usable, or a server's SVID was refused. */
export class SpiffeError extends Error {
  readonly code: string;
  constructor(message: string, options?: { code?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options?.code ?? 'ERR_SPIFFE';
  }
}

/** `serverAuth.spiffe`: exactly one of the three is set. */
export interface SpiffeServerAuth {
  serverID?: string;
  /** A trust domain name (`example.org`, also `spiffe://example.org`) or `self`. */
  trustDomain?: string;
  authorizeAny?: boolean;
}

/** One generation of what the Workload API gave. */
export interface X509Material {
  generation: number;
  /** This workload's SVID (`FetchX509SVID` only). */
  svid?: { id: string; certPem: string; keyPem: string; serial: string; validTo: string };
  /** X.509 bundles (CA certificates) by trust domain name. */
  bundles: Map<string, X509Certificate[]>;
}

/** Split concatenated ASN.1 DER values (the Workload API's certificate lists). */
export function splitDer(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] !== 0x30 || at + 2 > bytes.length) throw new Error('not a DER certificate list');
    let len = bytes[at + 1] ?? 0;
    let header = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n < 1 || n > 4 || at + 2 + n > bytes.length) throw new Error('bad DER length');
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (bytes[at + 2 + i] ?? 0);
      header += n;
    }
    const end = at + header + len;
    if (end > bytes.length) throw new Error('truncated DER certificate');
    out.push(bytes.subarray(at, end));
    at = end;
  }
  return out;
}

/** `spiffe://example.org` or `example.org` → `example.org`. */
export function trustDomainName(value: string): string {
  return value.replace(/^spiffe:\/\//, '').replace(/\/.*$/, '');
}

/** The SPIFFE IDs in a certificate's URI SANs. */
export function spiffeIds(cert: X509Certificate): string[] {
  const san = cert.subjectAltName ?? '';
  return san
    .split(/,\s*/)
    .filter((n) => n.startsWith('URI:spiffe://'))
    .map((n) => n.slice('URI:'.length).replace(/^"|"$/g, ''));
}

function certificates(der: Buffer | undefined, what: string): X509Certificate[] {
  if (!der || der.length === 0) return [];
  try {
    return splitDer(der).map((d) => new X509Certificate(d));
  } catch (cause) {
    throw new SpiffeError(`the Workload API sent an unreadable ${what}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function material(generation: number, msg: X509SvidResponse | X509BundlesResponse): X509Material {
  const bundles = new Map<string, X509Certificate[]>();
  const out: X509Material = { generation, bundles };
  const federated = 'svids' in msg ? msg.federated_bundles : (msg as X509BundlesResponse).bundles;
  for (const [td, der] of Object.entries(federated ?? {}))
    bundles.set(trustDomainName(td), certificates(der, `bundle of ${td}`));
  if ('svids' in msg) {
    const first = msg.svids?.[0];
    if (!first?.spiffe_id || !first.x509_svid?.length || !first.x509_svid_key?.length)
      throw new SpiffeError('the Workload API returned no X.509-SVID for this workload', {
        code: 'ERR_SPIFFE_NO_SVID',
      });
    const chain = certificates(first.x509_svid, 'X.509-SVID');
    const leaf = chain[0] as X509Certificate;
    let keyPem: string;
    try {
      keyPem = createPrivateKey({ key: first.x509_svid_key, format: 'der', type: 'pkcs8' })
        .export({ format: 'pem', type: 'pkcs8' })
        .toString();
    } catch (cause) {
      throw new SpiffeError('the Workload API sent an unreadable X.509-SVID key', { cause });
    }
    out.svid = {
      id: first.spiffe_id,
      certPem: chain.map((c) => c.toString()).join(''),
      keyPem,
      serial: leaf.serialNumber,
      validTo: leaf.validTo,
    };
    bundles.set(trustDomainName(first.spiffe_id), certificates(first.bundle, 'X.509 bundle'));
  }
  return out;
}

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/**
 * One Workload API stream for the run, shared by every SPIFFE host (it is this workload's
 * identity, not a host's). Opened on the first `ready()`; after the first message it keeps the
 * last good material and reconnects with backoff when the stream breaks, as go-spiffe does.
 */
export class WorkloadX509Source {
  #material: X509Material | undefined;
  #ready: Promise<void> | undefined;
  #client: WorkloadClient | undefined;
  #stream: WorkloadStream | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #generation = 0;

  constructor(
    readonly options: {
      /** `SPIFFE_ENDPOINT_SOCKET` (undefined: not set). */
      socket: string | undefined;
      /** Our own SVID is needed (a client certificate, or `trustDomain: self`). */
      svid: boolean;
      log?: (message: string) => void;
    },
  ) {}

  ready(): Promise<void> {
    this.#ready ??= this.#open();
    return this.#ready;
  }

  /** The current material; after `ready()` resolved. */
  current(): X509Material {
    if (!this.#material) throw new SpiffeError('SPIFFE X.509 material asked for before it arrived');
    return this.#material;
  }

  get rpc(): string {
    return this.options.svid ? 'FetchX509SVID' : 'FetchX509Bundles';
  }

  async #open(): Promise<void> {
    const socket = this.options.socket;
    if (!socket)
      throw new SpiffeError(
        'SPIFFE_ENDPOINT_SOCKET is not set (the Workload API socket, e.g. unix:///run/spire/agent-sockets/api.sock)',
        { code: 'ERR_SPIFFE_NO_SOCKET' },
      );
    this.#client = await workloadClient(socket);
    await new Promise<void>((resolve, reject) => this.#watch(resolve, reject));
  }

  /** Start the stream; `first` settles with its first message (or its failure). */
  #watch(resolve?: () => void, reject?: (err: Error) => void, attempt = 0): void {
    if (this.#closed || !this.#client) return;
    const stream = this.options.svid ? this.#client.fetchX509Svid() : this.#client.fetchX509Bundles();
    this.#stream = stream;
    let settled = false;
    const socket = this.options.socket;
    stream.on('data', (msg) => {
      try {
        const next = material(this.#generation + 1, msg as X509SvidResponse);
        this.#generation++;
        const first = this.#material === undefined;
        this.#material = next;
        const what = next.svid
          ? `X.509-SVID ${next.svid.id} (serial ${next.svid.serial}, valid to ${next.svid.validTo})`
          : `X.509 bundles of ${[...next.bundles.keys()].join(', ')}`;
        this.options.log?.(`SPIFFE: ${first ? '' : 'rotated: '}${what} from the Workload API`);
        attempt = 0;
        if (!settled) {
          settled = true;
          resolve?.();
        }
      } catch (err) {
        if (!settled) {
          settled = true;
          stream.cancel();
          reject?.(err as Error);
        } else
          this.options.log?.(`SPIFFE: ignored an update from the Workload API: ${(err as Error).message}`);
      }
    });
    const broken = (err?: Error) => {
      if (this.#stream !== stream || this.#closed) return;
      if (!settled) {
        settled = true;
        const why = err ? err.message : 'the stream ended before any message';
        reject?.(
          new SpiffeError(`SPIFFE Workload API ${this.rpc} on ${socket} failed: ${why}`, {
            code: 'ERR_SPIFFE_WORKLOAD_API',
            cause: err,
          }),
        );
        return;
      }
      // Keep the last material and reconnect, as go-spiffe's watcher does.
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt);
      this.options.log?.(
        `SPIFFE: the Workload API stream broke (${err?.message ?? 'ended'}); reconnecting in ${delay} ms`,
      );
      this.#timer = setTimeout(() => this.#watch(undefined, undefined, attempt + 1), delay);
      this.#timer.unref();
    };
    stream.on('error', broken);
    stream.on('end', () => broken());
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#stream?.cancel();
    this.#client?.close();
  }
}

/** The certificates of a peer's chain as Node gives it, leaf first. */
function peerChain(cert: PeerCertificate): X509Certificate[] {
  const out: X509Certificate[] = [];
  let c: PeerCertificate | undefined = cert;
  const seen = new Set<string>();
  while (c?.raw && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(new X509Certificate(c.raw));
    const next: PeerCertificate | undefined = (c as { issuerCertificate?: PeerCertificate })
      .issuerCertificate;
    c = next;
  }
  return out;
}

function anchoredIn(chain: X509Certificate[], roots: X509Certificate[]): boolean {
  return chain.some((c) =>
    roots.some((r) => c.raw.equals(r.raw) || (c.checkIssued(r) && c.verify(r.publicKey))),
  );
}

/**
 * Why a server's certificate is refused under `serverAuth.spiffe`, if it is. OpenSSL has already
 * verified the chain against every bundle (`ca`); this pins it to the bundle of the trust domain
 * the certificate claims, then authorizes the ID.
 */
export function checkServerSvid(
  host: string,
  cert: PeerCertificate,
  m: X509Material,
  auth: SpiffeServerAuth,
): Error | undefined {
  const chain = peerChain(cert);
  const leaf = chain[0];
  const ids = leaf ? spiffeIds(leaf) : [];
  const fail = (message: string, code: string) => new SpiffeError(`${host}: ${message}`, { code });
  if (ids.length !== 1)
    return fail(
      `the server certificate has ${ids.length === 0 ? 'no SPIFFE ID (URI SAN)' : `${ids.length} SPIFFE IDs`}, so it is not an X.509-SVID`,
      'ERR_SPIFFE_NOT_SVID',
    );
  const id = ids[0] as string;
  const td = trustDomainName(id);
  const roots = m.bundles.get(td);
  if (!roots || roots.length === 0)
    return fail(
      `the server's SPIFFE ID ${id} is in trust domain ${td}, for which the Workload API gave no X.509 bundle`,
      'ERR_SPIFFE_NO_BUNDLE',
    );
  if (!anchoredIn(chain, roots))
    return fail(
      `the server's X.509-SVID ${id} does not chain to the X.509 bundle of ${td}`,
      'ERR_SPIFFE_UNTRUSTED',
    );
  if (auth.authorizeAny) return undefined;
  if (auth.serverID !== undefined) {
    if (id !== auth.serverID)
      return fail(
        `SPIFFE server ID mismatch: expected ${auth.serverID}, found ${id}`,
        'ERR_SPIFFE_ID_MISMATCH',
      );
    return undefined;
  }
  if (auth.trustDomain !== undefined) {
    const self = auth.trustDomain === 'self';
    if (self && !m.svid)
      return fail('trustDomain: self needs our own X.509-SVID, and there is none', 'ERR_SPIFFE_NO_SVID');
    const want = self && m.svid ? trustDomainName(m.svid.id) : trustDomainName(auth.trustDomain);
    if (td !== want)
      return fail(
        `SPIFFE server trust domain mismatch: expected a member of ${want}${self ? ' (self)' : ''}, found ${id}`,
        'ERR_SPIFFE_ID_MISMATCH',
      );
    return undefined;
  }
  return fail('serverAuth.spiffe sets no authorization', 'ERR_SPIFFE_CONFIG');
}

/**
 * The `TlsSource` of one host: the client certificate (when `client`) and the server check (when
 * `server`) from the shared Workload API material; the other half stays the host's static TLS.
 */
export function spiffeHostTls(
  host: string,
  source: WorkloadX509Source,
  halves: { client: boolean; server?: SpiffeServerAuth },
): TlsSource {
  let built: { generation: number; tls: DynamicTls } | undefined;
  return {
    ready: () =>
      source.ready().catch((err: unknown) => {
        const e = err as { message: string; code?: string };
        throw new SpiffeError(`${host}: tls: ${e.message}`, {
          ...(e.code ? { code: e.code } : {}),
          cause: err,
        });
      }),
    current() {
      const m = source.current();
      if (built?.generation === m.generation) return built;
      const tls: DynamicTls = {};
      if (halves.client && m.svid) {
        tls.cert = m.svid.certPem;
        tls.key = m.svid.keyPem;
      }
      const server = halves.server;
      if (server) {
        tls.ca = [...m.bundles.values()].flat().map((c) => c.toString());
        tls.checkServerIdentity = (_hostname, cert) => checkServerSvid(host, cert, m, server);
      }
      built = { generation: m.generation, tls };
      return built;
    },
  };
}
