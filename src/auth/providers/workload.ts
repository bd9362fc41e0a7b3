/**
 * `credential.provider` values that present the workload's own cloud identity to a registry that
 * federates it (flux mirror's dialect): `gcp` (a Google ID token for the audience, from ADC),
 * `azure` (an Entra access token for `<audience>/.default`, from DefaultAzureCredential) and `aws`
 * (a SigV4-signed `sts:GetCallerIdentity` request in a JWT-shaped envelope the registry replays to
 * STS). `github` and `forgejo` (same Actions OIDC protocol) live in github.ts.
 */
import aws4 from 'aws4';
import { registerSecret } from '../../secrets.js';
import { jwtExpiry } from '../jwt.js';
import { awsDefaultChain, awsRegion, azureToken, googleIdToken } from './ambient.js';
import { ambientAwsCredentials } from './ecr.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

interface WorkloadOptions {
  /** Default: the registry host. */
  audience?: string;
  username?: string;
}

function credentialOf(token: string, username: string | undefined): Exchanged['credential'] {
  return username !== undefined ? { username, password: token } : { registryToken: token };
}

/** A provider whose token is the workload's own identity token for an audience (default the host). */
abstract class WorkloadTokenProvider implements CredentialProvider {
  abstract readonly name: string;
  constructor(
    readonly options: WorkloadOptions,
    readonly ctx: ProviderContext,
  ) {}
  protected abstract token(audience: string): Promise<{ token: string; expiresAt?: number }>;
  async fetch(): Promise<Exchanged> {
    const t = await this.token(this.options.audience ?? this.ctx.host);
    return {
      credential: credentialOf(t.token, this.options.username),
      expiresAt: t.expiresAt ?? jwtExpiry(t.token) ?? this.ctx.now() + 3_600_000,
    };
  }
}

/** `credential.provider: gcp`. */
export class GcpIdTokenProvider extends WorkloadTokenProvider {
  readonly name = 'gcp';
  protected async token(audience: string) {
    return { token: await googleIdToken(this.ctx.host, 'credential provider gcp', audience) };
  }
}

/** `credential.provider: azure`. */
export class AzureAccessTokenProvider extends WorkloadTokenProvider {
  readonly name = 'azure';
  protected token(audience: string) {
    return azureToken(this.ctx.host, 'credential provider azure', `${audience}/.default`);
  }
}

/** How long a signed GetCallerIdentity envelope is used (STS accepts a signature for minutes). */
const AWS_ENVELOPE_TTL_MS = 2 * 60_000;

/** The Go `http.Header` canonical form of a header name (`x-amz-date` → `X-Amz-Date`). */
function canonicalHeader(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/**
 * `credential.provider: aws`: the envelope flux mirror documents — header
 * `{"alg":"none","typ":"aws-sigv4-getcalleridentity"}`, claims `{exp, aud, sts}` where `sts` is the
 * signed request `{method, url, headers, body}` (headers as Go's `http.Header`, the audience in the
 * signed `X-Audience` header), and an empty signature segment.
 */
export class AwsCallerIdentityProvider implements CredentialProvider {
  readonly name = 'aws';
  constructor(
    readonly options: WorkloadOptions,
    readonly ctx: ProviderContext,
  ) {}
  async fetch(): Promise<Exchanged> {
    const ctx = this.ctx;
    const audience = this.options.audience ?? ctx.host;
    const creds =
      ambientAwsCredentials(ctx.env) ?? (await awsDefaultChain(ctx.host, 'credential provider aws'));
    const region = awsRegion(ctx.env);
    const host = `sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
    const url = `https://${host}/`;
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const now = ctx.now();
    const signed = aws4.sign(
      {
        host,
        path: '/',
        method: 'POST',
        service: 'sts',
        region,
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Audience': audience },
      },
      {
        accessKeyId: creds.accessKeyId,
        secretAccessKey: creds.secretAccessKey,
        ...(creds.sessionToken !== undefined ? { sessionToken: creds.sessionToken } : {}),
      },
    );
    const headers: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(signed.headers ?? {})) {
      // Go's request carries Host and Content-Length outside http.Header.
      if (v === undefined || /^(host|content-length)$/i.test(k)) continue;
      headers[canonicalHeader(k)] = [String(v)];
    }
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor((now + AWS_ENVELOPE_TTL_MS) / 1000);
    const token = `${enc({ alg: 'none', typ: 'aws-sigv4-getcalleridentity' })}.${enc({
      exp,
      aud: audience,
      sts: { method: 'POST', url, headers, body },
    })}.`;
    registerSecret(token);
    const expiresAt = exp * 1000;
    return {
      credential: credentialOf(token, this.options.username),
      expiresAt: creds.expiresAt !== undefined ? Math.min(expiresAt, creds.expiresAt) : expiresAt,
    };
  }
}
