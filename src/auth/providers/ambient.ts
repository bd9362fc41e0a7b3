/**
 * Ambient cloud identity, the way the cloud SDKs find it: AWS's default credential chain, Google
 * Application Default Credentials, Azure's DefaultAzureCredential. Each official library is loaded
 * with a dynamic import only when a host needs it (they are large; start-up stays fast, and the
 * bundler puts them in chunks of their own).
 *
 * The libraries read the process environment themselves (AWS_*, GOOGLE_APPLICATION_CREDENTIALS,
 * AZURE_*), and their endpoints are theirs to choose; errors name the chain links tried.
 */
import { registerSecret } from '../../secrets.js';
import { CredentialError } from '../errors.js';
import type { AwsCredentials } from './ecr.js';

export const AWS_CHAIN =
  'environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), SSO, shared config and credentials files (AWS_PROFILE, credential_process), web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, IRSA), ECS/EKS Pod Identity container credentials, EC2 instance metadata (IMDSv2)';
export const GOOGLE_CHAIN =
  'GOOGLE_APPLICATION_CREDENTIALS (service_account, authorized_user, external_account), gcloud application-default credentials file, GCE metadata server';
export const AZURE_CHAIN =
  'environment (AZURE_TENANT_ID/AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH), workload identity (AZURE_FEDERATED_TOKEN_FILE), managed identity, Azure CLI, Azure Developer CLI, Azure PowerShell';

function reason(cause: unknown): string {
  return (cause as Error)?.message?.split('\n').slice(0, 6).join(' ') ?? String(cause);
}

/** Credentials from AWS's default Node.js chain (`fromNodeProviderChain`). */
export async function awsDefaultChain(host: string, what: string): Promise<AwsCredentials> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  try {
    const c = await fromNodeProviderChain()();
    registerSecret(c.secretAccessKey);
    registerSecret(c.sessionToken);
    const out: AwsCredentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
    if (c.sessionToken) out.sessionToken = c.sessionToken;
    if (c.expiration) out.expiresAt = c.expiration.getTime();
    return out;
  } catch (cause) {
    throw new CredentialError(
      host,
      `${what}: no AWS credentials from the default chain (tried ${AWS_CHAIN}): ${reason(cause)}`,
      { cause },
    );
  }
}

/**
 * The AWS region the SDKs would use (`AWS_REGION`, `AWS_DEFAULT_REGION`; from the given environment,
 * then the process's, which the SDK chain reads), else us-east-1 as flux mirror does.
 */
export function awsRegion(env: NodeJS.ProcessEnv): string {
  for (const e of [env, process.env]) {
    const region = e.AWS_REGION || e.AWS_DEFAULT_REGION;
    if (region) return region;
  }
  return 'us-east-1';
}

type GoogleAuthModule = typeof import('google-auth-library');

async function googleAuth(scopes?: string[]): Promise<InstanceType<GoogleAuthModule['GoogleAuth']>> {
  const { GoogleAuth } = await import('google-auth-library');
  // A token needs no project; without one the library would look it up (for external_account
  // credentials with Cloud Resource Manager, which the identity may not even be allowed to call).
  const projectId = process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT || 'unused-by-oci-mirror';
  return new GoogleAuth({ projectId, ...(scopes ? { scopes } : {}) });
}

/** An OAuth2 access token from Application Default Credentials. */
export async function googleAccessToken(
  host: string,
  what: string,
  scope: string,
): Promise<{ token: string; expiresAt?: number }> {
  try {
    const auth = await googleAuth([scope]);
    const client = await auth.getClient();
    const res = await client.getAccessToken();
    if (!res.token) throw new Error('the credential returned no access token');
    registerSecret(res.token);
    const expiry = (client as { credentials?: { expiry_date?: number | null } }).credentials?.expiry_date;
    return { token: res.token, ...(typeof expiry === 'number' ? { expiresAt: expiry } : {}) };
  } catch (cause) {
    throw new CredentialError(
      host,
      `${what}: no Google access token from Application Default Credentials (tried ${GOOGLE_CHAIN}): ${reason(cause)}`,
      { cause },
    );
  }
}

/** A Google-signed ID token for `audience` from Application Default Credentials. */
export async function googleIdToken(host: string, what: string, audience: string): Promise<string> {
  try {
    const auth = await googleAuth();
    const client = await auth.getIdTokenClient(audience);
    const token = await client.idTokenProvider.fetchIdToken(audience);
    registerSecret(token);
    return token;
  } catch (cause) {
    throw new CredentialError(
      host,
      `${what}: no Google ID token for audience "${audience}" from Application Default Credentials (tried ${GOOGLE_CHAIN}; ID tokens need a service account key, the metadata server or an impersonating credential): ${reason(cause)}`,
      { cause },
    );
  }
}

/** An Entra access token for `scope` from DefaultAzureCredential. */
export async function azureToken(
  host: string,
  what: string,
  scope: string,
): Promise<{ token: string; expiresAt: number }> {
  try {
    const { DefaultAzureCredential } = await import('@azure/identity');
    const authorityHost = process.env.AZURE_AUTHORITY_HOST;
    const credential = new DefaultAzureCredential(authorityHost ? { authorityHost } : {});
    const t = await credential.getToken(scope);
    registerSecret(t.token);
    return { token: t.token, expiresAt: t.expiresOnTimestamp };
  } catch (cause) {
    throw new CredentialError(
      host,
      `${what}: no Entra token for ${scope} from DefaultAzureCredential (tried ${AZURE_CHAIN}): ${reason(cause)}`,
      { cause },
    );
  }
}
