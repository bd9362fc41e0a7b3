/**
 * A failure in words: what a registry error code, HTTP status or network error means for the
 * person reading the report, and what to do about it. Shared by the job summary, the PR comment,
 * the annotations and the CLI's closing list of failures, so every surface gives the same advice.
 */
import type { ErrorInfo } from '../sync/model.js';

/** The reason in words and the remedy; `reason` stands in for the raw message, never hides it. */
export interface Explanation {
  reason: string;
  remedy: string;
}

/** The host of a reference (`host[:port]/repo:tag` or `oci://host/…`), for "which host" advice. */
export function hostOf(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  const r = reference.replace(/^[a-z]+:\/\//, '');
  const first = r.split('/')[0] ?? '';
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}

/** The permission to grant for a push, in the words of the registry at `host`. */
function pushRemedy(host: string): string {
  if (host === 'ghcr.io')
    return "give the job `permissions: packages: write` and, for an existing package, the repository write access in the package's Manage Actions access settings";
  if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.test(host) || host === 'public.ecr.aws')
    return 'allow the role ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:BatchCheckLayerAvailability on the repository';
  if (host.endsWith('.pkg.dev'))
    return 'grant the service account roles/artifactregistry.writer on the repository';
  if (host.endsWith('.azurecr.io')) return 'assign the identity the AcrPush role on the registry';
  if (host === 'docker.io' || host.endsWith('.docker.io'))
    return 'use an access token with Read & Write scope for an account that may push to the repository';
  return `grant the credential for ${host} push (write) access to the repository`;
}

/** What the failing side is called in sentences. */
function sideWord(e: ErrorInfo): string {
  return e.side === 'destination' ? 'destination' : e.side === 'source' ? 'source' : 'registry';
}

const NETWORK: readonly [RegExp, (side: string, host: string) => Explanation][] = [
  [
    /ENOTFOUND|EAI_AGAIN/,
    (side, host) => ({
      reason: `the ${side} host ${host} does not resolve (DNS)`,
      remedy: `check the host name in the config; a private registry needs a runner that can resolve it (self-hosted runner or VPN)`,
    }),
  ],
  [
    /ECONNREFUSED/,
    (side, host) => ({
      reason: `the ${side} host ${host} refused the connection`,
      remedy: 'check the port and that the registry is running and reachable from the runner',
    }),
  ],
  [
    /ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|timed out|deadline/i,
    (side, host) => ({
      reason: `the ${side} host ${host} did not answer in time`,
      remedy: 'retry later; raise `timeout` (per copy job) or `retries` when the registry is slow',
    }),
  ],
  [
    /ECONNRESET|EPIPE|socket hang up|UND_ERR_SOCKET/,
    (side, host) => ({
      reason: `the connection to the ${side} host ${host} was cut`,
      remedy:
        'usually transient: re-run; if it repeats, a proxy may limit body sizes (set `maxChunkSize` on the host)',
    }),
  ],
  [
    /CERT|certificate|self[- ]signed|UNABLE_TO_VERIFY/i,
    (side, host) => ({
      reason: `the ${side} host ${host} presented a certificate the runner does not trust`,
      remedy:
        'give the CA with `hosts[].tls.serverAuth.caFromPath` (or, for a test registry only, `insecure: true`)',
    }),
  ],
];

/**
 * Explain one failure. `reference` is the failing side's reference (source or destination), used
 * to name the host. Unknown errors still get a generic reason built from the side and status.
 */
export function explainError(e: ErrorInfo, reference?: string): Explanation {
  const side = sideWord(e);
  const host = hostOf(reference) ?? `the ${side} registry`;
  const code = e.code?.toUpperCase();
  const status = e.httpStatus;
  const push = e.side === 'destination';
  if (e.kind === 'VerificationError' || /verif/i.test(e.kind ?? ''))
    return {
      reason: 'the signature check refused this tag',
      remedy: 'check `verify.matchOIDCIdentity` (issuer and subject) against how the image is signed',
    };
  if (e.kind === 'DigestMismatchError')
    return {
      reason: `content from the ${side} did not match its digest`,
      remedy: 'nothing was committed; re-run, and report the registry if it repeats',
    };
  if (code === 'NAME_UNKNOWN' || (status === 404 && !push && code !== 'MANIFEST_UNKNOWN'))
    return push
      ? {
          reason: `the destination repository does not exist on ${host}`,
          remedy:
            'create it first, or give the credential permission to create repositories on push (ECR and some registries need one of the two)',
        }
      : {
          reason: 'the source repository does not exist or is private',
          remedy: `check the name, or give ${host} credentials in \`hosts\``,
        };
  if (code === 'MANIFEST_UNKNOWN')
    return {
      reason: `the ${side} has no such tag or digest`,
      remedy: 'check the tag selection (`selector`) against the tags the source lists',
    };
  if (code === 'DENIED' || status === 403)
    return push
      ? {
          reason: `the credential for ${host} may not push here`,
          remedy: pushRemedy(host),
        }
      : {
          reason: `${host} denied read access`,
          remedy: `give ${host} a credential with pull access in \`hosts\``,
        };
  if (code === 'UNAUTHORIZED' || status === 401 || e.kind === 'AuthError')
    return {
      reason: `${host} did not accept the credentials (or got none)`,
      remedy: `check the \`hosts\` entry for ${host}: the secret behind it may be empty (fork or Dependabot pull request), expired or mistyped; OIDC providers need \`permissions: id-token: write\``,
    };
  if (code === 'TOOMANYREQUESTS' || status === 429)
    return {
      reason: `${host} rate-limited the run`,
      remedy:
        'log in to the registry (anonymous pulls have low limits, Docker Hub especially), lower `concurrency`, or run less often',
    };
  if (code === 'MANIFEST_INVALID' || code === 'MANIFEST_BLOB_UNKNOWN' || code === 'BLOB_UNKNOWN')
    return {
      reason: 'the destination refused the manifest',
      remedy:
        'the destination may not support this media type (OCI artifacts, Helm charts); check its artifact support',
    };
  if (code === 'SIZE_INVALID' || code === 'BLOB_UPLOAD_INVALID' || status === 413)
    return {
      reason: `${host} refused an upload (size or session)`,
      remedy: 'a proxy may cap request bodies: set `maxChunkSize` (KiB) on the host',
    };
  if (code === 'UNSUPPORTED')
    return {
      reason: `${host} does not support this operation`,
      remedy:
        'the registry may lack a feature (cross-repository mount, referrers API); re-run, and report it if it persists',
    };
  if (status !== undefined && status >= 500)
    return {
      reason: `${host} failed (HTTP ${status})`,
      remedy: 'a registry-side error or outage: re-run later; raise `retries` if it comes and goes',
    };
  for (const [re, explain] of NETWORK) if (re.test(e.message)) return explain(side, host);
  if (/verification/i.test(e.message))
    return {
      reason: 'signature verification did not let this through',
      remedy: 'see the message and the entry’s `verify:` settings; nothing unverified was copied',
    };
  if (e.kind === 'CredentialError' || /credential|JWK|token/i.test(e.message))
    return {
      reason: `the credential for ${host} could not be used`,
      remedy: 'fix the `hosts` entry the message names (file, key or provider settings)',
    };
  return {
    reason: e.side ? `the ${side} side failed` : 'it failed',
    remedy: 'read the message below; the JSON report has every detail',
  };
}
