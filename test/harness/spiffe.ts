/**
 * SPIFFE for tests: a test PKI per trust domain (openssl; X.509-SVIDs with a `spiffe://` URI SAN),
 * a real gRPC SPIFFE Workload API server on a Unix socket (@grpc/grpc-js with the workload.proto
 * messages; it refuses calls without the `workload.spiffe.io: true` header as SPIRE does, streams
 * X.509-SVIDs and bundles and can push a rotation), and a TLS terminator in front of a registry that
 * requires a client X.509-SVID from the trust bundle and authorizes its SPIFFE ID.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { createServer, type TLSSocket } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import * as loader from '@grpc/proto-loader';
import { EC, openssl } from './pki.js';

/** The SPIFFE workload.proto, as .proto text for the server side. */
const PROTO = `syntax = "proto3";
message JWTSVIDRequest { repeated string audience = 1; string spiffe_id = 2; }
message JWTSVID { string spiffe_id = 1; string svid = 2; string hint = 3; }
message JWTSVIDResponse { repeated JWTSVID svids = 1; }
message X509SVIDRequest {}
message X509SVID { string spiffe_id = 1; bytes x509_svid = 2; bytes x509_svid_key = 3; bytes bundle = 4; string hint = 5; }
message X509SVIDResponse { repeated X509SVID svids = 1; repeated bytes crl = 2; map<string, bytes> federated_bundles = 3; }
message X509BundlesRequest {}
message X509BundlesResponse { map<string, bytes> bundles = 1; }
service SpiffeWorkloadAPI {
  rpc FetchJWTSVID(JWTSVIDRequest) returns (JWTSVIDResponse);
  rpc FetchX509SVID(X509SVIDRequest) returns (stream X509SVIDResponse);
  rpc FetchX509Bundles(X509BundlesRequest) returns (stream X509BundlesResponse);
}
`;

export interface Svid {
  id: string;
  certPem: string;
  keyPem: string;
  /** Leaf certificate serial number (hex, as node:crypto prints it). */
  serial: string;
}

export interface TrustDomainCa {
  name: string;
  caPem: string;
  /** Issue an X.509-SVID for `spiffe://<name><path>` (a fresh key each time). */
  issue(path: string, name: string): Promise<Svid>;
}

/** A CA for a trust domain (self-signed, URI SAN `spiffe://<name>`), files in `dir`. */
export async function trustDomainCa(dir: string, name: string): Promise<TrustDomainCa> {
  const ca = `ca-${name}`;
  await openssl(
    [
      'req',
      '-x509',
      ...EC,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.crt`,
      '-days',
      '3',
      '-subj',
      `/O=SPIFFE/CN=${name} test CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-addext',
      `subjectAltName=URI:spiffe://${name}`,
    ],
    dir,
  );
  return {
    name,
    caPem: readFileSync(join(dir, `${ca}.crt`), 'utf8'),
    async issue(path, file) {
      const id = `spiffe://${name}${path}`;
      await openssl(
        ['req', ...EC, '-keyout', `${file}.key`, '-out', `${file}.csr`, '-subj', '/O=SPIFFE'],
        dir,
      );
      writeFileSync(
        join(dir, `${file}.ext`),
        'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment,keyAgreement\n' +
          `extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=URI:${id}\n`,
      );
      await openssl(
        [
          'x509',
          '-req',
          '-in',
          `${file}.csr`,
          '-CA',
          `${ca}.crt`,
          '-CAkey',
          `${ca}.key`,
          '-CAcreateserial',
          '-days',
          '2',
          '-sha256',
          '-extfile',
          `${file}.ext`,
          '-out',
          `${file}.crt`,
        ],
        dir,
      );
      const certPem = readFileSync(join(dir, `${file}.crt`), 'utf8');
      return {
        id,
        certPem,
        keyPem: readFileSync(join(dir, `${file}.key`), 'utf8'),
        serial: new X509Certificate(certPem).serialNumber,
      };
    },
  };
}

function der(pem: string): Buffer {
  return Buffer.from(new X509Certificate(pem).raw);
}

/** What the Workload API gives this workload: its SVID (or none) and the bundles it trusts. */
export interface WorkloadIdentity {
  svid?: Svid;
  /** Trust domain name → CA PEM; the SVID's own trust domain goes in the SVID's `bundle`. */
  bundles: Record<string, string>;
}

export interface WorkloadApiServer {
  socket: string;
  /** `unix://<socket>`, the value of SPIFFE_ENDPOINT_SOCKET. */
  endpoint: string;
  /** Every call: method and whether the security header was there. */
  calls: { method: string; header: boolean }[];
  /** Streams open now. */
  openStreams(): number;
  /** Replace the identity and push it to every open stream (a rotation). */
  rotate(identity: WorkloadIdentity): void;
  stop(): Promise<void>;
}

export interface WorkloadApiOptions {
  dir: string;
  identity?: WorkloadIdentity;
  /** JWT-SVID minting for FetchJWTSVID (absent: the call fails with PermissionDenied). */
  mintJwt?: (audience: string[]) => { spiffeId: string; svid: string };
}

/** Starts a SPIFFE Workload API server on a Unix socket in `dir`. */
export async function startWorkloadApi(opts: WorkloadApiOptions): Promise<WorkloadApiServer> {
  const protoFile = join(opts.dir, 'workload.proto');
  writeFileSync(protoFile, PROTO);
  const def = grpc.loadPackageDefinition(loader.loadSync(protoFile, { keepCase: true }));
  const server = new grpc.Server();
  const service = (def.SpiffeWorkloadAPI as unknown as { service: grpc.ServiceDefinition }).service;
  let identity = opts.identity ?? { bundles: {} };
  const calls: WorkloadApiServer['calls'] = [];
  const svidStreams = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  const bundleStreams = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  const guard = (method: string, md: grpc.Metadata): grpc.ServiceError | undefined => {
    const header = md.get('workload.spiffe.io')[0]?.toString() === 'true';
    calls.push({ method, header });
    if (header) return undefined;
    return Object.assign(new Error('security header missing from request'), {
      code: grpc.status.INVALID_ARGUMENT,
      details: 'security header missing from request',
      metadata: new grpc.Metadata(),
    });
  };
  const bundleMap = (skip?: string) =>
    Object.fromEntries(
      Object.entries(identity.bundles)
        .filter(([td]) => td !== skip)
        .map(([td, pem]) => [`spiffe://${td}`, der(pem)]),
    );
  const svidMessage = () => {
    const svid = identity.svid;
    if (!svid) return undefined;
    const td = svid.id.slice('spiffe://'.length).split('/')[0] as string;
    const own = identity.bundles[td];
    return {
      svids: [
        {
          spiffe_id: svid.id,
          x509_svid: der(svid.certPem),
          x509_svid_key: createPrivateKey(svid.keyPem).export({ format: 'der', type: 'pkcs8' }),
          bundle: own ? der(own) : Buffer.alloc(0),
          hint: '',
        },
      ],
      crl: [],
      federated_bundles: bundleMap(td),
    };
  };
  const noIdentity = (): grpc.ServiceError =>
    Object.assign(new Error('no identity issued'), {
      code: grpc.status.PERMISSION_DENIED,
      details: 'no identity issued',
      metadata: new grpc.Metadata(),
    });
  const track = (
    set: Set<grpc.ServerWritableStream<unknown, unknown>>,
    call: grpc.ServerWritableStream<unknown, unknown>,
  ) => {
    set.add(call);
    const drop = () => set.delete(call);
    call.on('cancelled', drop);
    call.on('close', drop);
    call.on('error', drop);
  };
  server.addService(service, {
    FetchJWTSVID: (
      call: grpc.ServerUnaryCall<{ audience: string[] }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) => {
      const bad = guard('FetchJWTSVID', call.metadata);
      if (bad) return cb(bad);
      if (call.request.audience.length === 0)
        return cb({ code: grpc.status.INVALID_ARGUMENT, details: 'audience must be specified' });
      if (!opts.mintJwt) return cb(noIdentity());
      const { spiffeId, svid } = opts.mintJwt(call.request.audience);
      cb(null, { svids: [{ spiffe_id: spiffeId, svid, hint: '' }] });
    },
    FetchX509SVID: (call: grpc.ServerWritableStream<unknown, unknown>) => {
      const bad = guard('FetchX509SVID', call.metadata);
      if (bad) return void call.emit('error', bad);
      const msg = svidMessage();
      if (!msg) return void call.emit('error', noIdentity());
      track(svidStreams, call);
      call.write(msg);
    },
    FetchX509Bundles: (call: grpc.ServerWritableStream<unknown, unknown>) => {
      const bad = guard('FetchX509Bundles', call.metadata);
      if (bad) return void call.emit('error', bad);
      if (Object.keys(identity.bundles).length === 0) return void call.emit('error', noIdentity());
      track(bundleStreams, call);
      call.write({ bundles: bundleMap() });
    },
  });
  const socket = join(opts.dir, 'agent.sock');
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  return {
    socket,
    endpoint: `unix://${socket}`,
    calls,
    openStreams: () => svidStreams.size + bundleStreams.size,
    rotate(next) {
      identity = next;
      const msg = svidMessage();
      if (msg) for (const s of svidStreams) s.write(msg);
      for (const s of bundleStreams) s.write({ bundles: bundleMap() });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of [...svidStreams, ...bundleStreams]) s.end();
        server.tryShutdown(() => resolve());
        setTimeout(() => server.forceShutdown(), 2_000).unref();
      }),
  };
}

export interface TerminatorConnection {
  /** The client's SPIFFE ID, or undefined when it sent no SVID. */
  id: string | undefined;
  serial: string | undefined;
  accepted: boolean;
  reason?: string;
}

export interface SpiffeTerminator {
  host: string;
  connections: TerminatorConnection[];
  /** Handshakes that failed at the TLS layer (e.g. a certificate outside the trust bundle). */
  tlsErrors: string[];
  /** Change which client SVIDs are let through (e.g. refuse a rotated-out serial). */
  setAuthorize(authorize: (id: string, serial: string) => string | undefined): void;
  stop(): Promise<void>;
}

/**
 * A TLS terminator on 127.0.0.1 in front of a plain-HTTP registry (start it with `relativeUrls`):
 * presents `server`, requires a client certificate chaining to `trust` (PEM CAs), and lets the
 * connection through only when `authorize(id, serial)` returns no reason to refuse it.
 */
export async function startSpiffeTerminator(opts: {
  upstream: string;
  /** The server certificate: an X.509-SVID, or any certificate (the client-only SPIFFE case). */
  server: { certPem: string; keyPem: string };
  trust: string[];
  /** Require a client certificate (default true). */
  requireClient?: boolean;
  authorize?: (id: string, serial: string) => string | undefined;
}): Promise<SpiffeTerminator> {
  const [upHost, upPort] = opts.upstream.split(':');
  const requireClient = opts.requireClient ?? true;
  let authorize = opts.authorize ?? (() => undefined);
  const connections: TerminatorConnection[] = [];
  const tlsErrors: string[] = [];
  const sockets = new Set<TLSSocket>();
  const server = createServer(
    {
      cert: opts.server.certPem,
      key: opts.server.keyPem,
      ca: opts.trust,
      requestCert: requireClient,
      rejectUnauthorized: requireClient,
    },
    (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      const peer = socket.getPeerX509Certificate();
      const san = peer?.subjectAltName ?? '';
      const id = /URI:(spiffe:\/\/[^,\s]+)/.exec(san)?.[1];
      const serial = peer?.serialNumber;
      const reason = !requireClient
        ? undefined
        : id === undefined
          ? 'no SPIFFE ID'
          : authorize(id, serial ?? '');
      connections.push({ id, serial, accepted: reason === undefined, ...(reason ? { reason } : {}) });
      if (reason !== undefined) {
        socket.destroy();
        return;
      }
      const up = netConnect(Number(upPort), upHost);
      socket.pipe(up).pipe(socket);
      const close = () => {
        socket.destroy();
        up.destroy();
      };
      up.on('error', close);
      socket.on('error', close);
      up.on('close', close);
    },
  );
  server.on('tlsClientError', (err) => tlsErrors.push(err.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  return {
    host: `127.0.0.1:${addr.port}`,
    connections,
    tlsErrors,
    setAuthorize(next) {
      authorize = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
