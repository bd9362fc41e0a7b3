/**
 * Azure Container Registry: the Actions OIDC token (aud `api://AzureADTokenExchange`) as the client
 * assertion of an Entra ID client-credentials request → ACR `/oauth2/exchange` → an ACR refresh
 * token, the password of the all-zero GUID user. See registry-auth.md §4.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { decodeJwtClaims, jwtExpiry } from '../jwt.js';
import { describeIdToken } from '../oidc.js';
import { azureToken } from './ambient.js';
import { field, json, oauthError, send } from './http.js';
import { exchangeIdToken } from './id-token.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface AcrOptions {
  tenantId?: string;
  clientId?: string;
  /** OIDC audience; default `api://AzureADTokenExchange`. */
  audience?: string;
}

/** The username that tells ACR the password is an ACR refresh token. */
export const ACR_NULL_GUID = '00000000-0000-0000-0000-000000000000';
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
/** Microsoft documents 3 hours; used only when the refresh token's `exp` is unreadable. */
const DEFAULT_LIFETIME_MS = 3 * 3_600_000;

const ENTRA_REMEDY: Record<string, string> = {
  '70021':
    "no federated identity credential of the app matches this token: its issuer, subject and audience must equal the token's exactly",
  '700024': 'the OIDC token is expired or not yet valid; check the runner clock',
  '700016': 'the client id is not an application in this tenant',
  '90002': 'the tenant id does not exist',
};

export class AcrProvider implements CredentialProvider {
  readonly name = 'acr';
  readonly #options: AcrOptions;
  readonly #ctx: ProviderContext;

  constructor(options: AcrOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const ctx = this.#ctx;
    const { tenantId, clientId } = this.#options;
    let refresh: string;
    if (tenantId === undefined && clientId === undefined) {
      // Ambient identity: DefaultAzureCredential (environment, workload identity, managed identity, CLI).
      const aad = await azureToken(ctx.host, 'provider acr', ACR_SCOPE);
      refresh = await this.#exchange(tenantFromToken(aad.token), aad.token);
    } else {
      if (!tenantId || !clientId)
        throw new CredentialError(
          ctx.host,
          'provider acr: set both `tenantId` and `clientId` (the app or managed identity with a federated credential for this workflow), or neither to use the ambient Azure identity',
        );
      const audience = this.#options.audience ?? 'api://AzureADTokenExchange';
      const idToken = await exchangeIdToken(ctx, 'acr', audience);
      const aad = await this.#entra(tenantId, clientId, idToken);
      refresh = await this.#exchange(tenantId, aad);
    }
    return {
      credential: { username: ACR_NULL_GUID, password: refresh },
      expiresAt: jwtExpiry(refresh) ?? ctx.now() + DEFAULT_LIFETIME_MS,
    };
  }

  async #entra(tenantId: string, clientId: string, idToken: string): Promise<string> {
    const ctx = this.#ctx;
    const what = `Entra ID token request for client ${clientId} in tenant ${tenantId}`;
    const authority = ctx.endpoints.entra ?? 'https://login.microsoftonline.com';
    const res = await send(ctx, what, {
      method: 'POST',
      url: `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: clientId,
        scope: ACR_SCOPE,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: idToken,
        grant_type: 'client_credentials',
      }).toString(),
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      let codes: number[] = [];
      try {
        codes = ((JSON.parse(res.text) as { error_codes?: number[] }).error_codes ?? []).filter(
          (c) => typeof c === 'number',
        );
      } catch {
        // not JSON
      }
      const remedy = codes.map((c) => ENTRA_REMEDY[String(c)]).find((r) => r !== undefined);
      throw new CredentialError(
        ctx.host,
        `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message.split('\r\n')[0]}` : ''}${remedy ? ` — ${remedy}` : ''}${describeIdToken(idToken)}`,
        { status: res.status, ...(e.code ? { code: e.code } : {}) },
      );
    }
    const body = json<{ access_token?: unknown }>(ctx, what, res);
    const token = field(ctx, what, body.access_token, 'access_token');
    registerSecret(token);
    return token;
  }

  async #exchange(tenantId: string | undefined, aadToken: string): Promise<string> {
    const ctx = this.#ctx;
    const what = `ACR /oauth2/exchange on ${ctx.host}`;
    const res = await send(ctx, what, {
      method: 'POST',
      url: ctx.endpoints.acrExchange ?? `${ctx.transport.baseUrl(ctx.host)}/oauth2/exchange`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'access_token',
        service: ctx.host,
        ...(tenantId ? { tenant: tenantId } : {}),
        access_token: aadToken,
      }).toString(),
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      const remedy =
        res.status === 401 || res.status === 403
          ? ' — give the identity a registry role (e.g. AcrPush) on this registry'
          : '';
      throw new CredentialError(
        ctx.host,
        `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''}${remedy}`,
        {
          status: res.status,
          ...(e.code ? { code: e.code } : {}),
        },
      );
    }
    const body = json<{ refresh_token?: unknown }>(ctx, what, res);
    const token = field(ctx, what, body.refresh_token, 'refresh_token');
    registerSecret(token);
    return token;
  }
}

/** The `tid` claim of an Entra access token (ACR's exchange takes the tenant), if readable. */
function tenantFromToken(token: string): string | undefined {
  const tid = decodeJwtClaims(token)?.tid;
  return typeof tid === 'string' ? tid : undefined;
}
