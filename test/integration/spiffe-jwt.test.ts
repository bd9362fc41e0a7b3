/**
 * `credential.provider: jwt-svid` against a real gRPC SPIFFE Workload API server on a Unix socket
 * (@grpc/grpc-js, the workload.proto JWT-SVID messages): the server refuses calls without the
 * `workload.spiffe.io: true` header (as SPIRE does) and issues a JWT-SVID for exactly the requested
 * audience; the provider sends it as the bearer token or the configured user's password.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderContext } from '../../src/auth/providers/index.js';
import { JwtSvidProvider } from '../../src/auth/providers/spiffe.js';
import { loadConfigText } from '../../src/config/index.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { type TempDir, tempDir } from '../harness/index.js';
import { startWorkloadApi, type WorkloadApiServer } from '../harness/spiffe.js';
import { providerContext } from './util.js';

const SPIFFE_ID = 'spiffe://example.org/ns/mirror/sa/oci-mirror';
let issuer: OidcIssuer;
let dir: TempDir;
let api: WorkloadApiServer;
let socket: string;
const audiences: string[][] = [];

beforeAll(async () => {
  issuer = await startOidcIssuer();
  dir = tempDir('spiffe-');
  api = await startWorkloadApi({
    dir: dir.path,
    mintJwt: (audience) => {
      audiences.push(audience);
      return {
        spiffeId: SPIFFE_ID,
        svid: issuer.mint({ sub: SPIFFE_ID, aud: audience, iss: 'https://oidc.example.org' }),
      };
    },
  });
  socket = api.socket;
});
afterAll(async () => {
  await api?.stop();
  await issuer?.stop();
  dir?.cleanup();
});

function ctx(env: NodeJS.ProcessEnv, host = 'registry.example.com'): ProviderContext {
  return providerContext(host, { env });
}

describe('credential.provider: jwt-svid (SPIFFE Workload API)', () => {
  it('fetches a JWT-SVID for the audience (default the host) with the security header', async () => {
    const env = { SPIFFE_ENDPOINT_SOCKET: `unix://${socket}` };
    const x = await new JwtSvidProvider({}, ctx(env)).fetch();
    const claims = JSON.parse(
      Buffer.from(x.credential.registryToken?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims.sub).toBe(SPIFFE_ID);
    expect(claims.aud).toEqual(['registry.example.com']);
    expect(audiences.at(-1)).toEqual(['registry.example.com']);
    expect(api.calls.at(-1)).toEqual({ method: 'FetchJWTSVID', header: true });
    expect(x.expiresAt).toBe(claims.exp * 1000);
    const y = await new JwtSvidProvider({ audience: 'mirror', username: 'svid' }, ctx(env)).fetch();
    expect(y.credential.username).toBe('svid');
    expect(audiences.at(-1)).toEqual(['mirror']);
  });

  it('without SPIFFE_ENDPOINT_SOCKET, or with a dead socket, the error says so', async () => {
    await expect(new JwtSvidProvider({}, ctx({})).fetch()).rejects.toThrow(
      /SPIFFE_ENDPOINT_SOCKET is not set/,
    );
    await expect(
      new JwtSvidProvider(
        {},
        ctx({ SPIFFE_ENDPOINT_SOCKET: `unix://${join(dir.path, 'none.sock')}` }),
      ).fetch(),
    ).rejects.toThrow(/FetchJWTSVID for audience "registry.example.com" on unix:.*none.sock failed/);
  });

  it('validates in flux configs (v1beta1 jwt-svid, v1beta2 spiffe)', () => {
    const base = (v: string, cred: string) =>
      `apiVersion: mirror.plugin.fluxcd.io/${v}\nkind: Config\nartifacts:\n  - source: a.example.com/x\n    destination: b.example.com/x\n    selector: {}\nhosts:\n  - host: b.example.com\n    credential: ${cred}\n`;
    const opts = { file: 'c.yaml', dir: dir.path, env: {} };
    expect(
      loadConfigText(base('v1beta1', '{ provider: jwt-svid }'), opts).hosts[0]?.credential?.provider,
    ).toBe('spiffe');
    expect(
      loadConfigText(base('v1beta2', '{ type: jwt, provider: spiffe }'), opts).hosts[0]?.credential?.provider,
    ).toBe('spiffe');
  });
});
