/**
 * Builds the credential provider for a configured host (`hosts[]`): a credential source
 * (`value`, `fromPath`, `jwkPath`/`jwkValue`, `provider: github`) or a cloud exchange
 * (`provider: ecr | gar | acr | jfrog | quay | dockerhub | ghcr`).
 */
import { parseGoDuration } from '../../config/checks.js';
import type { HostEntry } from '../../config/model.js';
import { CredentialError } from '../errors.js';
import { AcrProvider } from './acr.js';
import { DockerHubProvider } from './dockerhub.js';
import { EcrProvider } from './ecr.js';
import { applyEnvelope, checkEnvelope } from './envelope.js';
import { FileTokenProvider } from './file.js';
import { GarProvider } from './gar.js';
import { GhcrProvider } from './ghcr.js';
import { GithubOidcProvider } from './github.js';
import { JfrogProvider } from './jfrog.js';
import { JwkSignedProvider } from './jwk.js';
import { QuayProvider } from './quay.js';
import { JwtSvidProvider } from './spiffe.js';
import type { CredentialProvider, Exchanged, ProviderContext } from './types.js';
import { AwsCallerIdentityProvider, AzureAccessTokenProvider, GcpIdTokenProvider } from './workload.js';

export type { CredentialProvider, Exchanged, ProviderContext, ProviderEndpoints } from './types.js';

/** A fixed value: never expires. */
class ValueProvider implements CredentialProvider {
  readonly name = 'value';
  constructor(
    readonly value: string,
    readonly username: string | undefined,
  ) {}
  async fetch(): Promise<Exchanged> {
    return {
      credential:
        this.username !== undefined
          ? { username: this.username, password: this.value }
          : { registryToken: this.value },
    };
  }
}

/** Wraps the token a provider produces in the flux `envelope` template. */
class EnvelopeProvider implements CredentialProvider {
  constructor(
    readonly inner: CredentialProvider,
    readonly template: string,
  ) {}
  get name(): string {
    return this.inner.name;
  }
  async fetch(): Promise<Exchanged> {
    const x = await this.inner.fetch();
    const c = { ...x.credential };
    if (c.password !== undefined) c.password = applyEnvelope(this.template, c.password);
    if (c.registryToken !== undefined) c.registryToken = applyEnvelope(this.template, c.registryToken);
    return { ...x, credential: c };
  }
}

/**
 * The provider for a host, or undefined when the host has no credential. `confineTo` re-checks
 * file paths against the config directory at every read.
 */
export function providerFor(
  entry: HostEntry,
  ctx: ProviderContext,
  confineTo?: string,
): CredentialProvider | undefined {
  const host = entry.host;
  const username = entry.username;
  if (entry.provider !== undefined) {
    const audience = entry.audience !== undefined ? { audience: entry.audience } : {};
    switch (entry.provider) {
      case 'ecr':
        return new EcrProvider(
          {
            ...(entry.roleArn !== undefined ? { roleArn: entry.roleArn } : {}),
            ...(entry.region !== undefined ? { region: entry.region } : {}),
            ...audience,
          },
          ctx,
        );
      case 'gar':
        return new GarProvider(
          {
            ...(entry.workloadIdentityProvider !== undefined
              ? { workloadIdentityProvider: entry.workloadIdentityProvider }
              : {}),
            ...(entry.serviceAccount !== undefined ? { serviceAccount: entry.serviceAccount } : {}),
            ...audience,
          },
          ctx,
        );
      case 'acr':
        return new AcrProvider(
          {
            ...(entry.tenantId !== undefined ? { tenantId: entry.tenantId } : {}),
            ...(entry.clientId !== undefined ? { clientId: entry.clientId } : {}),
            ...audience,
          },
          ctx,
        );
      case 'jfrog':
        return new JfrogProvider(
          {
            ...(entry.providerName !== undefined ? { providerName: entry.providerName } : {}),
            ...(username !== undefined ? { username } : {}),
            ...audience,
          },
          ctx,
        );
      case 'quay':
        return new QuayProvider({ ...(username !== undefined ? { robot: username } : {}), ...audience }, ctx);
      case 'dockerhub':
        return new DockerHubProvider(
          {
            ...(username !== undefined ? { organization: username } : {}),
            ...(entry.connectionId !== undefined ? { connectionId: entry.connectionId } : {}),
            ...audience,
          },
          ctx,
        );
      case 'ghcr':
        return new GhcrProvider(username !== undefined ? { username } : {}, ctx);
      default:
        throw new CredentialError(host, `hosts: ${host}: unknown provider "${entry.provider}"`);
    }
  }
  const cred = entry.credential;
  if (!cred) return undefined;
  const user = username !== undefined ? { username } : {};
  const confine = confineTo !== undefined ? { confineTo } : {};
  let provider: CredentialProvider | undefined;
  if (cred.provider !== undefined) {
    const options = { ...(cred.audience !== undefined ? { audience: cred.audience } : {}), ...user };
    switch (cred.provider) {
      case 'github':
      case 'forgejo':
        provider = new GithubOidcProvider({ ...options, ci: cred.provider }, ctx);
        break;
      case 'gcp':
        provider = new GcpIdTokenProvider(options, ctx);
        break;
      case 'azure':
        provider = new AzureAccessTokenProvider(options, ctx);
        break;
      case 'aws':
        provider = new AwsCallerIdentityProvider(options, ctx);
        break;
      case 'spiffe':
        provider = new JwtSvidProvider(options, ctx);
        break;
      default:
        // Refused when the config is validated; kept as a guard for programmatic configs.
        throw new CredentialError(
          host,
          `hosts: ${host}: credential provider "${cred.provider}" is not supported by this version`,
        );
    }
  } else if (cred.jwkPath !== undefined || cred.jwkValue !== undefined) {
    let lifetimeMs: number | undefined;
    if (cred.expiration !== undefined) {
      const ms = parseGoDuration(cred.expiration);
      if (typeof ms === 'number' && ms > 0) lifetimeMs = ms;
    }
    provider = new JwkSignedProvider(
      {
        ...(cred.jwkPath !== undefined ? { path: cred.jwkPath } : { value: cred.jwkValue ?? '' }),
        issuer: cred.issuer ?? '',
        subject: cred.subject ?? '',
        ...(cred.audiences !== undefined ? { audiences: cred.audiences } : {}),
        ...(lifetimeMs !== undefined ? { lifetimeMs } : {}),
        ...user,
        ...confine,
      },
      ctx,
    );
  } else if (cred.fromPath !== undefined) {
    provider = new FileTokenProvider({ path: cred.fromPath, ...user, ...confine }, ctx);
  } else if (cred.value !== undefined) {
    provider = new ValueProvider(cred.value, username);
  }
  if (provider && cred.envelope !== undefined) {
    const bad = checkEnvelope(cred.envelope);
    if (bad) throw new CredentialError(host, `hosts: ${host}: ${bad}`);
    provider = new EnvelopeProvider(provider, cred.envelope);
  }
  return provider;
}
