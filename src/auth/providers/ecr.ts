/**
 * Amazon ECR (private and Public): AWS credentials — from STS AssumeRoleWithWebIdentity with the
 * Actions OIDC token (an unsigned form POST), or ambient from the environment — then
 * GetAuthorizationToken (awsJson1_1, SigV4-signed with `aws4`) → `AWS` / password.
 * See registry-auth.md §2.
 */
import aws4 from 'aws4';
import { isDigest, type TagDigests } from '../../oci/listings.js';
import { safeUrl } from '../../oci/transport.js';
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import { describeIdToken } from '../oidc.js';
import { awsDefaultChain } from './ambient.js';
import { send } from './http.js';
import { exchangeIdToken } from './id-token.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';

export interface EcrOptions {
  /** Role to assume with the OIDC token; without it, ambient credentials from the environment. */
  roleArn?: string;
  /** Region; default the one in the registry host. */
  region?: string;
  /** OIDC audience; default `sts.amazonaws.com`. */
  audience?: string;
  /** RoleSessionName; default `oci-mirror`. */
  sessionName?: string;
  /** DurationSeconds of the assumed role session; default 3600. */
  durationSeconds?: number;
}

/** AWS credentials (temporary when `sessionToken` is set). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch ms. */
  expiresAt?: number;
}

// amazon-ecr-credential-helper's registry pattern (registry-auth.md §2.2).
const ECR_HOST =
  /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const ECR_PUBLIC_HOSTS = new Set(['public.ecr.aws', 'ecr-public.aws.com']);

/** The region in an ECR registry host, if it is one. */
export function ecrRegion(host: string): string | undefined {
  return ECR_HOST.exec(host)?.[3];
}

/** True for ECR Public registry hosts. */
export function isEcrPublic(host: string): boolean {
  return ECR_PUBLIC_HOSTS.has(host);
}

/** Ambient AWS credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`. */
export function ambientAwsCredentials(env: NodeJS.ProcessEnv): AwsCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  registerSecret(secretAccessKey);
  registerSecret(env.AWS_SESSION_TOKEN);
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m?.[1] === undefined ? undefined : decodeXml(m[1].trim());
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const STS_REMEDY: Record<string, string> = {
  AccessDenied:
    "the role's trust policy does not allow this workflow: it must trust the OIDC provider token.actions.githubusercontent.com with `aud` = the audience requested and a `sub` condition that matches the token's subject (repositories created after 2026-07-15 use the immutable `repo:OWNER@ID/REPO@ID:…` form)",
  InvalidIdentityToken:
    'STS rejected the OIDC token: the account needs an IAM OIDC identity provider for token.actions.githubusercontent.com, and the token must not be expired',
  IDPRejectedClaim:
    'the identity provider rejected a claim of the OIDC token; check the trust policy conditions',
  ExpiredTokenException: 'the OIDC token expired before STS saw it; check the runner clock',
};

/** STS AssumeRoleWithWebIdentity (unsigned form POST; registry-auth.md §2.1). */
export async function assumeRoleWithWebIdentity(
  ctx: ProviderContext,
  init: { roleArn: string; region: string; token: string; sessionName: string; durationSeconds: number },
): Promise<AwsCredentials> {
  const url =
    ctx.endpoints.sts ??
    `https://sts.${init.region}.amazonaws.com${init.region.startsWith('cn-') ? '.cn' : ''}/`;
  const form = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: init.roleArn,
    RoleSessionName: init.sessionName,
    WebIdentityToken: init.token,
    DurationSeconds: String(init.durationSeconds),
  });
  const what = `STS AssumeRoleWithWebIdentity for ${init.roleArn}`;
  const res = await send(ctx, what, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form.toString(),
  });
  if (res.status !== 200) {
    const code = xmlText(res.text, 'Code');
    const message = xmlText(res.text, 'Message');
    const remedy = code ? STS_REMEDY[code] : undefined;
    throw new CredentialError(
      ctx.host,
      `${what} returned HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${remedy ? ` — ${remedy}` : ''}${describeIdToken(init.token)}`,
      { status: res.status, ...(code ? { code } : {}) },
    );
  }
  const accessKeyId = xmlText(res.text, 'AccessKeyId');
  const secretAccessKey = xmlText(res.text, 'SecretAccessKey');
  const sessionToken = xmlText(res.text, 'SessionToken');
  const expiration = xmlText(res.text, 'Expiration');
  registerSecret(secretAccessKey);
  registerSecret(sessionToken);
  if (!accessKeyId || !secretAccessKey || !sessionToken)
    throw new CredentialError(ctx.host, `${what}: the response has no Credentials`);
  const out: AwsCredentials = { accessKeyId, secretAccessKey, sessionToken };
  const exp = expiration ? Date.parse(expiration) : Number.NaN;
  if (Number.isFinite(exp)) out.expiresAt = exp;
  return out;
}

/** One SigV4-signed awsJson1_1 call to the ECR or ECR Public API; non-200 answers become a `CredentialError`. */
async function ecrApi(
  ctx: ProviderContext,
  creds: AwsCredentials,
  init: { region: string; public: boolean },
  operation: string,
  payload: Record<string, unknown>,
  accept?: (code: string | undefined) => boolean,
): Promise<{ status: number; text: string; code?: string }> {
  const endpoint = init.public
    ? (ctx.endpoints.ecrPublic ?? 'https://api.ecr-public.us-east-1.amazonaws.com/')
    : (ctx.endpoints.ecr ??
      `https://api.ecr.${init.region}.amazonaws.com${init.region.startsWith('cn-') ? '.cn' : ''}/`);
  const url = new URL(endpoint);
  const body = JSON.stringify(payload);
  const signed = aws4.sign(
    {
      host: url.host,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      service: init.public ? 'ecr-public' : 'ecr',
      region: init.public ? 'us-east-1' : init.region,
      body,
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `${init.public ? 'SpencerFrontendService' : 'AmazonEC2ContainerRegistry_V20150921'}.${operation}`,
      },
    },
    {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      ...(creds.sessionToken !== undefined ? { sessionToken: creds.sessionToken } : {}),
    },
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers ?? {})) {
    const name = k.toLowerCase();
    // undici sets Host and Content-Length itself, to the same values aws4 signed.
    if (name !== 'host' && name !== 'content-length' && v !== undefined) headers[name] = String(v);
  }
  const what = `ECR${init.public ? ' Public' : ''} ${operation} (${safeUrl(url)})`;
  const res = await send(ctx, what, { method: 'POST', url, headers, body });
  if (res.status === 200) return { status: res.status, text: res.text };
  let code = res.header('x-amzn-errortype')?.split(':')[0];
  let message: string | undefined;
  try {
    const j = JSON.parse(res.text) as { __type?: string; message?: string; Message?: string };
    code = j.__type ?? code;
    message = j.message ?? j.Message;
  } catch {
    // not JSON
  }
  code = code?.replace(/^.*#/, '');
  if (accept?.(code)) return { status: res.status, text: res.text, ...(code ? { code } : {}) };
  const permission =
    operation === 'GetAuthorizationToken'
      ? init.public
        ? '`ecr-public:GetAuthorizationToken` and `sts:GetServiceBearerToken`'
        : '`ecr:GetAuthorizationToken` on resource "*"'
      : `\`${init.public ? 'ecr-public' : 'ecr'}:${operation}\``;
  const remedy =
    code === 'AccessDeniedException'
      ? ` — the role needs ${permission}`
      : code === 'UnrecognizedClientException' || code === 'InvalidSignatureException'
        ? ' — the AWS credentials are invalid or expired'
        : '';
  throw new CredentialError(
    ctx.host,
    `${what} returned HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${remedy}`,
    { status: res.status, ...(code ? { code } : {}) },
  );
}

/**
 * ECR / ECR Public CreateRepository; false when it already exists. ECR has no create-on-push, so a
 * first mirror into a new repository needs this (`createRepositories`).
 */
export async function ecrCreateRepository(
  ctx: ProviderContext,
  creds: AwsCredentials,
  init: { region: string; public: boolean; repositoryName: string },
): Promise<boolean> {
  const res = await ecrApi(
    ctx,
    creds,
    init,
    'CreateRepository',
    { repositoryName: init.repositoryName },
    (code) => code === 'RepositoryAlreadyExistsException',
  );
  return res.status === 200;
}

/** ECR / ECR Public GetAuthorizationToken → username and password (registry-auth.md §2.2, §2.3). */
export async function ecrAuthorizationToken(
  ctx: ProviderContext,
  creds: AwsCredentials,
  init: { region: string; public: boolean },
): Promise<{ username: string; password: string; expiresAt?: number }> {
  const what = `ECR${init.public ? ' Public' : ''} GetAuthorizationToken`;
  const res = await ecrApi(ctx, creds, init, 'GetAuthorizationToken', {});
  let data: { authorizationToken?: unknown; expiresAt?: unknown } | undefined;
  try {
    const j = JSON.parse(res.text) as { authorizationData?: unknown };
    // Private: an array of one per registry; Public: a single object.
    data = (Array.isArray(j.authorizationData) ? j.authorizationData[0] : j.authorizationData) as typeof data;
  } catch (cause) {
    throw new CredentialError(ctx.host, `${what}: the response is not JSON`, { cause });
  }
  if (typeof data?.authorizationToken !== 'string')
    throw new CredentialError(ctx.host, `${what}: the response has no authorizationToken`);
  registerSecret(data.authorizationToken);
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0)
    throw new CredentialError(ctx.host, `${what}: the authorizationToken is not "user:password"`);
  const password = decoded.slice(colon + 1);
  registerSecret(password);
  const out: { username: string; password: string; expiresAt?: number } = {
    username: decoded.slice(0, colon),
    password,
  };
  if (typeof data.expiresAt === 'number') out.expiresAt = data.expiresAt * 1000;
  else if (typeof data.expiresAt === 'string' && Number.isFinite(Date.parse(data.expiresAt)))
    out.expiresAt = Date.parse(data.expiresAt);
  return out;
}

/**
 * ECR DescribeImages (`filter.tagStatus: TAGGED`, 1,000 per page, following `nextToken`): every
 * tag's image digest in one request per thousand images — a bulk listing for planning (see
 * oci/listings.ts). Needs `ecr:DescribeImages` on the repository; any error is thrown.
 */
export async function ecrDescribeImages(
  ctx: ProviderContext,
  creds: AwsCredentials,
  init: { region: string; repositoryName: string },
  count: () => void,
): Promise<TagDigests> {
  const out: TagDigests = new Map();
  let nextToken: string | undefined;
  for (let page = 0; page < 1000; page++) {
    count();
    const res = await ecrApi(ctx, creds, { region: init.region, public: false }, 'DescribeImages', {
      repositoryName: init.repositoryName,
      maxResults: 1000,
      filter: { tagStatus: 'TAGGED' },
      ...(nextToken !== undefined ? { nextToken } : {}),
    });
    let j: { imageDetails?: unknown; nextToken?: unknown };
    try {
      j = JSON.parse(res.text) as typeof j;
    } catch (cause) {
      throw new CredentialError(ctx.host, 'ECR DescribeImages: the response is not JSON', { cause });
    }
    const details = Array.isArray(j.imageDetails) ? (j.imageDetails as Record<string, unknown>[]) : [];
    for (const d of details)
      if (isDigest(d.imageDigest) && Array.isArray(d.imageTags))
        for (const t of d.imageTags) if (typeof t === 'string') out.set(t, d.imageDigest);
    if (typeof j.nextToken !== 'string' || j.nextToken === '') return out;
    nextToken = j.nextToken;
  }
  throw new CredentialError(ctx.host, 'ECR DescribeImages: too many pages');
}

export class EcrProvider implements CredentialProvider {
  readonly name = 'ecr';
  readonly #options: EcrOptions;
  readonly #ctx: ProviderContext;

  constructor(options: EcrOptions, ctx: ProviderContext) {
    this.#options = options;
    this.#ctx = ctx;
  }

  /** The AWS credentials and region this host uses (role from the OIDC token, or the ambient chain). */
  async #aws(): Promise<{ creds: AwsCredentials; region: string; pub: boolean }> {
    const ctx = this.#ctx;
    const pub = isEcrPublic(ctx.host);
    const region = this.#options.region ?? ecrRegion(ctx.host) ?? (pub ? 'us-east-1' : undefined);
    if (!region)
      throw new CredentialError(
        ctx.host,
        `provider ecr: cannot tell the AWS region from host "${ctx.host}"; set \`region\``,
      );
    let creds: AwsCredentials;
    if (this.#options.roleArn !== undefined) {
      const audience = this.#options.audience ?? 'sts.amazonaws.com';
      const token = await exchangeIdToken(ctx, 'ecr', audience, ' for STS');
      creds = await assumeRoleWithWebIdentity(ctx, {
        roleArn: this.#options.roleArn,
        region,
        token,
        sessionName: this.#options.sessionName ?? 'oci-mirror',
        durationSeconds: this.#options.durationSeconds ?? 3600,
      });
    } else {
      // The environment keys first (also when the environment is given programmatically), then
      // the SDK's whole default chain.
      creds = ambientAwsCredentials(ctx.env) ?? (await awsDefaultChain(ctx.host, 'provider ecr'));
    }
    return { creds, region, pub };
  }

  /** AWS credentials for listings, kept while they are valid (one exchange for many entries). */
  #listingAws: Promise<{ creds: AwsCredentials; region: string; pub: boolean }> | undefined;

  /** Every tag's digest in an ECR (private) repository, by DescribeImages; see `ecrDescribeImages`. */
  async tagDigests(repositoryName: string, count: () => void): Promise<TagDigests> {
    let aws = this.#listingAws;
    const held = aws ? await aws.catch(() => undefined) : undefined;
    if (!held || (held.creds.expiresAt !== undefined && held.creds.expiresAt - this.#ctx.now() < 300_000))
      this.#listingAws = aws = this.#aws();
    const { creds, region, pub } = await (aws as NonNullable<typeof aws>);
    if (pub) throw new CredentialError(this.#ctx.host, 'ECR Public: no DescribeImages listing');
    return ecrDescribeImages(this.#ctx, creds, { region, repositoryName }, count);
  }

  /** Create a repository on this host if missing (CreateRepository); true when it was created. */
  async createRepository(repositoryName: string): Promise<boolean> {
    const { creds, region, pub } = await this.#aws();
    return ecrCreateRepository(this.#ctx, creds, { region, public: pub, repositoryName });
  }

  async fetch(): Promise<Exchanged> {
    const ctx = this.#ctx;
    const { creds, region, pub } = await this.#aws();
    const token = await ecrAuthorizationToken(ctx, creds, { region, public: pub });
    // An ECR token cannot outlive the session credentials it was made with; take the earlier end.
    const ends = [token.expiresAt, creds.expiresAt].filter((t): t is number => t !== undefined);
    const out: Exchanged = { credential: { username: token.username, password: token.password } };
    if (ends.length > 0) out.expiresAt = Math.min(...ends);
    else out.expiresAt = ctx.now() + 12 * 3_600_000;
    return out;
  }
}
