/**
 * `credential.provider: jwt-svid`: a JWT-SVID for the audience from the SPIFFE Workload API (gRPC
 * on the socket in `SPIFFE_ENDPOINT_SOCKET`, see ../workload-api.ts), as go-spiffe's `FetchJWTSVID`
 * does.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import { workloadClient } from '../workload-api.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

const TIMEOUT_MS = 30_000;

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
    const client = await workloadClient(socket);
    try {
      const res = await client.fetchJwtSvid([audience], TIMEOUT_MS);
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
