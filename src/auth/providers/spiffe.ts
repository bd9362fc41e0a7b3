/**
 * `credential.provider: jwt-svid`: a JWT-SVID for the audience from the SPIFFE Workload API (gRPC
 * on the socket in `SPIFFE_ENDPOINT_SOCKET`), as go-spiffe's `FetchJWTSVID` does. @grpc/grpc-js is
 * loaded only when such a host is used. The messages are those of the SPIFFE workload.proto
 * (same names and field numbers; the service has no package: `/SpiffeWorkloadAPI/FetchJWTSVID`).
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

/** The JWT-SVID part of workload.proto as a protobuf.js JSON descriptor. */
const WORKLOAD_PROTO = {
  nested: {
    SpiffeWorkloadAPI: {
      methods: { FetchJWTSVID: { requestType: 'JWTSVIDRequest', responseType: 'JWTSVIDResponse' } },
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
  },
};

const TIMEOUT_MS = 30_000;

interface JwtSvidResponse {
  svids?: { spiffe_id?: string; svid?: string }[];
}

/** `unix:///run/spire/agent.sock`, `unix:/path` or `tcp://127.0.0.1:8081` → a gRPC target. */
function grpcTarget(socket: string): string {
  if (socket.startsWith('tcp://')) return socket.slice('tcp://'.length);
  return socket;
}

export class JwtSvidProvider implements CredentialProvider {
  readonly name = 'jwt-svid';
  constructor(
    readonly options: { audience?: string; username?: string },
    readonly ctx: ProviderContext,
  ) {}

  async fetch(): Promise<Exchanged> {
    const ctx = this.ctx;
    const audience = this.options.audience ?? ctx.host;
    const socket = ctx.env.SPIFFE_ENDPOINT_SOCKET;
    if (!socket)
      throw new CredentialError(
        ctx.host,
        'credential provider jwt-svid: SPIFFE_ENDPOINT_SOCKET is not set (the Workload API socket, e.g. unix:///run/spire/agent-sockets/api.sock)',
      );
    const grpc = await import('@grpc/grpc-js');
    const loader = await import('@grpc/proto-loader');
    const definition = loader.fromJSON(WORKLOAD_PROTO as Parameters<typeof loader.fromJSON>[0], {
      keepCase: true,
      defaults: true,
    });
    const Api = grpc.loadPackageDefinition(definition).SpiffeWorkloadAPI as unknown as new (
      target: string,
      credentials: ReturnType<typeof grpc.credentials.createInsecure>,
    ) => InstanceType<ReturnType<typeof grpc.makeGenericClientConstructor>>;
    const client = new Api(grpcTarget(socket), grpc.credentials.createInsecure());
    const metadata = new grpc.Metadata();
    // The Workload API refuses calls without this header (a guard against SSRF-style proxying).
    metadata.set('workload.spiffe.io', 'true');
    try {
      const res = await new Promise<JwtSvidResponse>((resolve, reject) => {
        (
          client as unknown as {
            FetchJWTSVID(
              req: unknown,
              md: unknown,
              opts: unknown,
              cb: (err: Error | null, res: JwtSvidResponse) => void,
            ): void;
          }
        ).FetchJWTSVID({ audience: [audience] }, metadata, { deadline: Date.now() + TIMEOUT_MS }, (err, r) =>
          err ? reject(err) : resolve(r),
        );
      });
      const svid = res.svids?.[0]?.svid;
      if (!svid) throw new Error('the Workload API returned no JWT-SVID');
      registerSecret(svid);
      const username = this.options.username;
      return {
        credential: username !== undefined ? { username, password: svid } : { registryToken: svid },
        expiresAt: jwtExpiry(svid) ?? ctx.now() + 5 * 60_000,
      };
    } catch (cause) {
      throw new CredentialError(
        ctx.host,
        `credential provider jwt-svid: FetchJWTSVID for audience "${audience}" on ${socket} failed: ${(cause as Error).message}`,
        { cause },
      );
    } finally {
      client.close();
    }
  }
}
