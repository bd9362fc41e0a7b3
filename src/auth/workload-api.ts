/**
 * A client of the SPIFFE Workload API (gRPC over the socket in `SPIFFE_ENDPOINT_SOCKET`), as
 * go-spiffe's `workloadapi` package speaks it. @grpc/grpc-js is loaded only when a host uses SPIFFE.
 * The messages are those of the SPIFFE workload.proto (same names and field numbers; the service
 * has no package: `/SpiffeWorkloadAPI/FetchJWTSVID`), written as a protobuf.js JSON descriptor so
 * no .proto file ships.
 */

const WORKLOAD_PROTO = {
  nested: {
    SpiffeWorkloadAPI: {
      methods: {
        FetchJWTSVID: { requestType: 'JWTSVIDRequest', responseType: 'JWTSVIDResponse' },
        FetchX509SVID: {
          requestType: 'X509SVIDRequest',
          responseType: 'X509SVIDResponse',
          responseStream: true,
        },
        FetchX509Bundles: {
          requestType: 'X509BundlesRequest',
          responseType: 'X509BundlesResponse',
          responseStream: true,
        },
      },
    },
    JWTSVIDRequest: {
      fields: { audience: { rule: 'repeated', type: 'string', id: 1 }, spiffe_id: { type: 'string', id: 2 } },
    },
    JWTSVIDResponse: { fields: { svids: { rule: 'repeated', type: 'JWTSVID', id: 1 } } },
    JWTSVID: {
      fields: {
        spiffe_id: { type: 'string', id: 1 },
        svid: { type: 'string', id: 2 },
        hint: { type: 'string', id: 3 },
      },
    },
    X509SVIDRequest: { fields: {} },
    X509SVIDResponse: {
      fields: {
        svids: { rule: 'repeated', type: 'X509SVID', id: 1 },
        crl: { rule: 'repeated', type: 'bytes', id: 2 },
        federated_bundles: { keyType: 'string', type: 'bytes', id: 3 },
      },
    },
    X509SVID: {
      fields: {
        spiffe_id: { type: 'string', id: 1 },
        x509_svid: { type: 'bytes', id: 2 },
        x509_svid_key: { type: 'bytes', id: 3 },
        bundle: { type: 'bytes', id: 4 },
        hint: { type: 'string', id: 5 },
      },
    },
    X509BundlesRequest: { fields: {} },
    X509BundlesResponse: { fields: { bundles: { keyType: 'string', type: 'bytes', id: 1 } } },
  },
};

export interface JwtSvidResponse {
  svids?: { spiffe_id?: string; svid?: string }[];
}

export interface X509SvidMessage {
  spiffe_id?: string;
  /** ASN.1 DER certificates, concatenated: the leaf first, then intermediates. */
  x509_svid?: Buffer;
  /** The private key, PKCS#8 DER. */
  x509_svid_key?: Buffer;
  /** The trust domain's CA certificates, concatenated DER. */
  bundle?: Buffer;
  hint?: string;
}

export interface X509SvidResponse {
  svids?: X509SvidMessage[];
  /** Keyed by trust domain (`spiffe://example.org` or `example.org`), concatenated DER. */
  federated_bundles?: Record<string, Buffer>;
}

export interface X509BundlesResponse {
  bundles?: Record<string, Buffer>;
}

/** A server stream of the Workload API: messages until `error` or `end`. */
export interface WorkloadStream {
  on(event: 'data', listener: (message: unknown) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  on(event: 'end', listener: () => void): this;
  cancel(): void;
}

export interface WorkloadClient {
  fetchJwtSvid(audience: string[], timeoutMs: number): Promise<JwtSvidResponse>;
  fetchX509Svid(): WorkloadStream;
  fetchX509Bundles(): WorkloadStream;
  close(): void;
}

/** `unix:///run/spire/agent.sock`, `unix:/path` or `tcp://127.0.0.1:8081` → a gRPC target. */
export function grpcTarget(socket: string): string {
  if (socket.startsWith('tcp://')) return socket.slice('tcp://'.length);
  return socket;
}

type Unary = (
  req: unknown,
  md: unknown,
  opts: unknown,
  cb: (err: Error | null, res: unknown) => void,
) => void;
type Streaming = (req: unknown, md: unknown) => WorkloadStream;

/** Open a client on the Workload API socket (the connection is made on the first call). */
export async function workloadClient(socket: string): Promise<WorkloadClient> {
  const grpc = await import('@grpc/grpc-js');
  const loader = await import('@grpc/proto-loader');
  const definition = loader.fromJSON(WORKLOAD_PROTO as Parameters<typeof loader.fromJSON>[0], {
    keepCase: true,
    defaults: true,
  });
  const Api = grpc.loadPackageDefinition(definition).SpiffeWorkloadAPI as unknown as new (
    target: string,
    credentials: ReturnType<typeof grpc.credentials.createInsecure>,
  ) => { close(): void } & Record<string, Unary | Streaming>;
  const client = new Api(grpcTarget(socket), grpc.credentials.createInsecure());
  const metadata = () => {
    const md = new grpc.Metadata();
    // The Workload API refuses calls without this header (a guard against SSRF-style proxying).
    md.set('workload.spiffe.io', 'true');
    return md;
  };
  return {
    fetchJwtSvid: (audience, timeoutMs) =>
      new Promise<JwtSvidResponse>((resolve, reject) =>
        (client.FetchJWTSVID as Unary).call(
          client,
          { audience },
          metadata(),
          { deadline: Date.now() + timeoutMs },
          (err, r) => (err ? reject(err) : resolve(r as JwtSvidResponse)),
        ),
      ),
    fetchX509Svid: () => (client.FetchX509SVID as Streaming).call(client, {}, metadata()),
    fetchX509Bundles: () => (client.FetchX509Bundles as Streaming).call(client, {}, metadata()),
    close: () => client.close(),
  };
}
