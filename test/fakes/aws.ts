/**
 * AWS STS (AssumeRoleWithWebIdentity, Query protocol, XML) and ECR / ECR Public
 * (GetAuthorizationToken, CreateRepository, DescribeImages; awsJson1_1 + SigV4) on one local
 * server: `/sts/`, `/ecr/`, `/ecr-public/`.
 * STS checks the web identity token like a trust policy (issuer signature, `aud`, `sub`); ECR
 * recomputes the SigV4 signature with the issued secret key using aws4, as AWS would.
 */
import { randomBytes } from 'node:crypto';
import aws4 from 'aws4';
import type { OidcIssuer } from './oidc-issuer.js';
import { type FakeServer, form, startFake } from './server.js';

export interface AwsFakeOptions {
  issuer: OidcIssuer;
  roleArn: string;
  /** Trust policy: the `sub` allowed (exact). */
  subject: string;
  region: string;
  /** The password the ECR token carries (so a registry can accept it). */
  password: string;
  /** ECR token lifetime in seconds (default 12 h). */
  tokenLifetimeSeconds?: number;
  now?: () => number;
}

export interface AwsFake extends FakeServer {
  endpoints: { sts: string; ecr: string; ecrPublic: string };
  /** Session credentials issued (access key id → secret, session token). */
  sessions: Map<string, { secretAccessKey: string; sessionToken: string }>;
  /** Ambient long-term keys the ECR endpoint also accepts. */
  longTerm: { accessKeyId: string; secretAccessKey: string };
  /** Repositories made by CreateRepository (name), in order; `denyCreate` makes it AccessDenied. */
  repositories: string[];
  denyCreate: boolean;
  /**
   * DescribeImages: each repository's images (digest → tags, untagged ones with none), served at
   * most `describePageSize` per page whatever `maxResults` asks (default 1000), with an opaque
   * `nextToken`; `denyDescribe` answers AccessDeniedException, `throttleDescribe` the next N calls
   * with ThrottlingException.
   */
  images: Map<string, Map<string, string[]>>;
  describePageSize: number;
  denyDescribe: boolean;
  throttleDescribe: number;
  /** DescribeImages payloads received, in order. */
  describeCalls: Record<string, unknown>[];
}

const xmlError = (status: number, code: string, message: string) => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
});
const jsonError = (status: number, type: string, message: string) => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': `${type}:` },
  body: JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message }),
});

export async function startAwsFake(opts: AwsFakeOptions): Promise<AwsFake> {
  const now = opts.now ?? Date.now;
  const sessions = new Map<string, { secretAccessKey: string; sessionToken: string }>();
  const fake = {
    repositories: [] as string[],
    denyCreate: false,
    images: new Map(),
    describePageSize: 1000,
    denyDescribe: false,
    throttleDescribe: 0,
    describeCalls: [] as Record<string, unknown>[],
  } as unknown as AwsFake;
  const longTerm = {
    accessKeyId: 'AKIAFAKELONGTERM0001',
    secretAccessKey: `lt-${randomBytes(16).toString('hex')}`,
  };
  const server = await startFake((req) => {
    if (req.url.pathname === '/sts/') {
      if (req.method !== 'POST') return xmlError(400, 'InvalidAction', 'POST expected');
      if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
        return xmlError(400, 'InvalidParameterValue', 'form body expected');
      const f = form(req.body);
      for (const k of ['Action', 'Version', 'RoleArn', 'RoleSessionName', 'WebIdentityToken'])
        if (!f[k]) return xmlError(400, 'MissingParameter', `The request must contain the parameter ${k}`);
      if (f.Action !== 'AssumeRoleWithWebIdentity' || f.Version !== '2011-06-15')
        return xmlError(
          400,
          'InvalidAction',
          `Could not find operation ${f.Action} for version ${f.Version}`,
        );
      if (!/^[\w+=,.@-]{2,64}$/.test(f.RoleSessionName ?? ''))
        return xmlError(400, 'ValidationError', 'RoleSessionName is invalid');
      const v = opts.issuer.verify(f.WebIdentityToken ?? '');
      if ('error' in v) return xmlError(400, 'InvalidIdentityToken', `Token is invalid: ${v.error}`);
      if (f.RoleArn !== opts.roleArn || v.claims.aud !== 'sts.amazonaws.com' || v.claims.sub !== opts.subject)
        return xmlError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
      const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
      const secretAccessKey = randomBytes(20).toString('base64');
      const sessionToken = `FwoG${randomBytes(48).toString('base64')}`;
      sessions.set(accessKeyId, { secretAccessKey, sessionToken });
      const seconds = Number(f.DurationSeconds ?? '3600');
      const expiration = new Date(now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>${String(v.claims.sub)}</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
    <AssumedRoleUser><Arn>${opts.roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/${f.RoleSessionName}</Arn><AssumedRoleId>AROAFAKE:${f.RoleSessionName}</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${accessKeyId}</AccessKeyId>
      <SecretAccessKey>${secretAccessKey}</SecretAccessKey>
      <SessionToken>${sessionToken}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <Provider>arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`,
      };
    }
    const pub = req.url.pathname === '/ecr-public/';
    if (req.url.pathname !== '/ecr/' && !pub) return { status: 404, body: { message: 'not found' } };
    const prefix = pub ? 'SpencerFrontendService.' : 'AmazonEC2ContainerRegistry_V20150921.';
    if (req.headers['content-type'] !== 'application/x-amz-json-1.1')
      return jsonError(400, 'SerializationException', 'content type must be application/x-amz-json-1.1');
    const operation = String(req.headers['x-amz-target'] ?? '');
    if (
      operation !== `${prefix}GetAuthorizationToken` &&
      operation !== `${prefix}CreateRepository` &&
      !(operation === `${prefix}DescribeImages` && !pub)
    )
      return jsonError(400, 'UnknownOperationException', 'unknown operation');
    const auth = req.headers.authorization ?? '';
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!m) return jsonError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    const [, akid = '', , region = '', service = '', signedHeaders = ''] = m;
    const session = sessions.get(akid);
    const secret =
      session?.secretAccessKey ?? (akid === longTerm.accessKeyId ? longTerm.secretAccessKey : undefined);
    if (!secret)
      return jsonError(
        403,
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      );
    if (session && req.headers['x-amz-security-token'] !== session.sessionToken)
      return jsonError(
        403,
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      );
    const wantRegion = pub ? 'us-east-1' : opts.region;
    const wantService = pub ? 'ecr-public' : 'ecr';
    // Recompute the signature over exactly the signed headers, with the secret AWS knows.
    const headers: Record<string, string> = {};
    for (const name of signedHeaders.split(';')) {
      const value = req.headers[name];
      if (value === undefined)
        return jsonError(403, 'InvalidSignatureException', `signed header ${name} missing`);
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    // AWS computes the signature at the request's own X-Amz-Date (aws4 would otherwise use the
    // verifier's clock, and a second boundary between signing and checking would fail it).
    const signer = new aws4.RequestSigner(
      {
        host: req.headers.host ?? '',
        path: `${req.url.pathname}${req.url.search}`,
        method: req.method,
        service: wantService,
        region: wantRegion,
        body: req.body,
        headers,
        doNotModifyHeaders: true,
      },
      {
        accessKeyId: akid,
        secretAccessKey: secret,
        ...(session ? { sessionToken: session.sessionToken } : {}),
      },
    );
    (signer as unknown as { datetime: string }).datetime = headers['x-amz-date'] ?? '';
    const recomputed = signer.sign();
    const expected = String(recomputed.headers?.Authorization ?? recomputed.headers?.authorization ?? '');
    if (expected !== auth || region !== wantRegion || service !== wantService)
      return jsonError(
        403,
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
      );
    const amzDate = headers['x-amz-date'] ?? '';
    const signedAt = Date.parse(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    if (!Number.isFinite(signedAt) || Math.abs(signedAt - Date.now()) > 5 * 60_000)
      return jsonError(403, 'InvalidSignatureException', 'Signature expired');
    if (operation.endsWith('.DescribeImages')) {
      const p = JSON.parse(req.body || '{}') as {
        repositoryName?: unknown;
        maxResults?: unknown;
        nextToken?: unknown;
        filter?: { tagStatus?: unknown };
      };
      fake.describeCalls.push(p as Record<string, unknown>);
      if (fake.throttleDescribe > 0) {
        fake.throttleDescribe--;
        return jsonError(400, 'ThrottlingException', 'Rate exceeded');
      }
      if (fake.denyDescribe)
        return jsonError(
          400,
          'AccessDeniedException',
          `User: arn:aws:iam::123456789012:user/mirror is not authorized to perform: ecr:DescribeImages`,
        );
      if (typeof p.repositoryName !== 'string')
        return jsonError(400, 'InvalidParameterException', `Invalid parameter at 'repositoryName'`);
      const max = p.maxResults ?? 100;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000)
        return jsonError(400, 'InvalidParameterException', `Invalid parameter at 'maxResults'`);
      const status = p.filter?.tagStatus ?? 'ANY';
      if (!['TAGGED', 'UNTAGGED', 'ANY'].includes(String(status)))
        return jsonError(400, 'InvalidParameterException', `Invalid parameter at 'filter.tagStatus'`);
      const repo = fake.images.get(p.repositoryName);
      if (!repo)
        return jsonError(
          400,
          'RepositoryNotFoundException',
          `The repository with name '${p.repositoryName}' does not exist in the registry with id '123456789012'`,
        );
      const all = [...repo]
        .filter(([, tags]) =>
          status === 'TAGGED' ? tags.length > 0 : status === 'UNTAGGED' ? tags.length === 0 : true,
        )
        .sort(([a], [b]) => (a < b ? -1 : 1));
      let start = 0;
      if (p.nextToken !== undefined) {
        const decoded =
          typeof p.nextToken === 'string'
            ? /^off:(\d+)$/.exec(Buffer.from(p.nextToken, 'base64').toString())
            : null;
        if (!decoded) return jsonError(400, 'InvalidParameterException', 'Invalid NextToken');
        start = Number(decoded[1]);
      }
      const size = Math.min(max, fake.describePageSize);
      const slice = all.slice(start, start + size);
      const next =
        start + size < all.length ? Buffer.from(`off:${start + size}`).toString('base64') : undefined;
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({
          imageDetails: slice.map(([digest, tags]) => ({
            registryId: '123456789012',
            repositoryName: p.repositoryName,
            imageDigest: digest,
            ...(tags.length > 0 ? { imageTags: tags } : {}),
            imageSizeInBytes: 1234,
            imagePushedAt: 1767225600,
            imageManifestMediaType: 'application/vnd.oci.image.index.v1+json',
          })),
          ...(next ? { nextToken: next } : {}),
        }),
      };
    }
    if (operation.endsWith('.CreateRepository')) {
      if (fake.denyCreate)
        return jsonError(
          400,
          'AccessDeniedException',
          `User: arn:aws:sts::123456789012:assumed-role/mirror is not authorized to perform: ecr:CreateRepository`,
        );
      const name = (JSON.parse(req.body || '{}') as { repositoryName?: unknown }).repositoryName;
      if (
        typeof name !== 'string' ||
        !/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name)
      )
        return jsonError(400, 'InvalidParameterException', `Invalid parameter at 'repositoryName'`);
      if (fake.repositories.includes(name))
        return jsonError(
          400,
          'RepositoryAlreadyExistsException',
          `The repository with name '${name}' already exists in the registry with id '123456789012'`,
        );
      fake.repositories.push(name);
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({
          repository: {
            repositoryName: name,
            repositoryArn: `arn:aws:ecr:${opts.region}:123456789012:repository/${name}`,
            registryId: '123456789012',
            repositoryUri: `123456789012.dkr.ecr.${opts.region}.amazonaws.com/${name}`,
          },
        }),
      };
    }
    const authorizationToken = Buffer.from(`AWS:${opts.password}`).toString('base64');
    const expiresAt = (now() + (opts.tokenLifetimeSeconds ?? 43_200) * 1000) / 1000;
    const data = pub
      ? { authorizationData: { authorizationToken, expiresAt } }
      : {
          authorizationData: [
            {
              authorizationToken,
              expiresAt,
              proxyEndpoint: `https://123456789012.dkr.ecr.${opts.region}.amazonaws.com`,
            },
          ],
        };
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify(data),
    };
  });
  return Object.assign(fake, {
    ...server,
    sessions,
    longTerm,
    endpoints: {
      sts: `${server.url}/sts/`,
      ecr: `${server.url}/ecr/`,
      ecrPublic: `${server.url}/ecr-public/`,
    },
  });
}
