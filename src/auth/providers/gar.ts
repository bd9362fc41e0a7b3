/**
 * Google Artifact Registry / GCR: the Actions OIDC token → Google STS (workload identity
 * federation) → optionally IAM Credentials generateAccessToken for a service account →
 * `oauth2accesstoken` / access token. See registry-auth.md §3. Without `workloadIdentityProvider`,
 * an access token from `GOOGLE_OAUTH_ACCESS_TOKEN` / `CLOUDSDK_AUTH_ACCESS_TOKEN` is used as is,
 * else Application Default Credentials (google-auth-library, loaded on demand).
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { describeIdToken } from '../oidc.js';
import { googleAccessToken } from './ambient.js';
import { field, json, oauthError, send } from './http.js';
import { exchangeIdToken } from './id-token.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface GarOptions {
  /** `projects/<NUM>/locations/global/workloadIdentityPools/<POOL>/providers/<PROV>`. */
  workloadIdentityProvider?: string;
  /** Service account email to impersonate; without it the federated token is used directly. */
  serviceAccount?: string;
  /** OIDC audience; default `https://iam.googleapis.com/<workloadIdentityProvider>`. */
  audience?: string;
  /** Access token lifetime with a service account; default 3600 s. */
  lifetimeSeconds?: number;
}

const WIP = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const USERNAME = 'oauth2accesstoken';

export class GarProvider implements CredentialProvider {
  readonly name = 'gar';
  readonly #options: GarOptions;
  readonly #ctx: ProviderContext;

  constructor(options: GarOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  async fetch(): Promise<Exchanged> {
    const ctx = this.#ctx;
    const wip = this.#options.workloadIdentityProvider;
    if (wip === undefined) {
      const ambient = ctx.env.GOOGLE_OAUTH_ACCESS_TOKEN || ctx.env.CLOUDSDK_AUTH_ACCESS_TOKEN;
      if (ambient) {
        registerSecret(ambient);
        return { credential: { username: USERNAME, password: ambient } };
      }
      // Application Default Credentials, as gcloud and the Google SDKs find them.
      const adc = await googleAccessToken(ctx.host, 'provider gar', SCOPE);
      return {
        credential: { username: USERNAME, password: adc.token },
        ...(adc.expiresAt !== undefined ? { expiresAt: adc.expiresAt } : {}),
      };
    }
    if (!WIP.test(wip))
      throw new CredentialError(
        ctx.host,
        `provider gar: workloadIdentityProvider "${wip}" must look like projects/NUM/locations/global/workloadIdentityPools/POOL/providers/PROV`,
      );
    const audience = this.#options.audience ?? `https://iam.googleapis.com/${wip}`;
    const idToken = await exchangeIdToken(ctx, 'gar', audience);
    const federated = await this.#federate(wip, idToken);
    if (this.#options.serviceAccount === undefined)
      return {
        credential: { username: USERNAME, password: federated.token },
        expiresAt: federated.expiresAt,
      };
    const sa = await this.#impersonate(this.#options.serviceAccount, federated.token);
    return { credential: { username: USERNAME, password: sa.token }, expiresAt: sa.expiresAt };
  }

  async #federate(wip: string, idToken: string): Promise<{ token: string; expiresAt: number }> {
    const ctx = this.#ctx;
    const what = `Google STS token exchange for //iam.googleapis.com/${wip}`;
    const started = ctx.now();
    const res = await send(ctx, what, {
      method: 'POST',
      url: ctx.endpoints.googleSts ?? 'https://sts.googleapis.com/v1/token',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        audience: `//iam.googleapis.com/${wip}`,
        grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
        requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
        scope: SCOPE,
        subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
        subjectToken: idToken,
      }),
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      throw new CredentialError(
        ctx.host,
        `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''} — the provider's attribute condition and audience must accept this token${describeIdToken(idToken)}`,
        { status: res.status, ...(e.code ? { code: e.code } : {}) },
      );
    }
    const body = json<{ access_token?: unknown; expires_in?: unknown }>(ctx, what, res);
    const token = field(ctx, what, body.access_token, 'access_token');
    registerSecret(token);
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 600;
    return { token, expiresAt: started + expiresIn * 1000 };
  }

  async #impersonate(sa: string, federated: string): Promise<{ token: string; expiresAt: number }> {
    const ctx = this.#ctx;
    const what = `IAM Credentials generateAccessToken for ${sa}`;
    const base = ctx.endpoints.iamCredentials ?? 'https://iamcredentials.googleapis.com/v1';
    const started = ctx.now();
    const res = await send(ctx, what, {
      method: 'POST',
      url: `${base}/projects/-/serviceAccounts/${encodeURIComponent(sa)}:generateAccessToken`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${federated}`,
      },
      body: JSON.stringify({ scope: [SCOPE], lifetime: `${this.#options.lifetimeSeconds ?? 3600}s` }),
    });
    if (res.status !== 200) {
      const e = oauthError(res.text);
      const remedy =
        res.status === 403
          ? ` — grant the workload identity pool principal roles/iam.workloadIdentityUser on ${sa} (iam.serviceAccounts.getAccessToken)`
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
    const body = json<{ accessToken?: unknown; expireTime?: unknown }>(ctx, what, res);
    const token = field(ctx, what, body.accessToken, 'accessToken');
    registerSecret(token);
    const exp = typeof body.expireTime === 'string' ? Date.parse(body.expireTime) : Number.NaN;
    return { token, expiresAt: Number.isFinite(exp) ? exp : started + 3_600_000 };
  }
}
