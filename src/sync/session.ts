/**
 * Build the registry client for a config: transport settings per host (TLS, plain HTTP, chunk
 * size) and credentials (config `hosts`, then Docker's config for hosts not listed).
 */
import { readFileSync } from 'node:fs';
import { Authenticator } from '../auth/authenticator.js';
import { RefreshingCredential } from '../auth/cache.js';
import { type CredentialSource, chainCredentials, maskCredential } from '../auth/credentials.js';
import { dockerConfigCredentials } from '../auth/docker-config.js';
import { githubIdTokenSource, type IdTokenSource } from '../auth/oidc.js';
import { type ProviderContext, type ProviderEndpoints, providerFor } from '../auth/providers/index.js';
import type { HostEntry, MirrorConfig } from '../config/model.js';
import { RegistryClient } from '../oci/client.js';
import { OciError } from '../oci/errors.js';
import { DOCKER_HUB, DOCKER_HUB_API_HOST } from '../oci/reference.js';
import type { RetryPolicy } from '../oci/retry.js';
import { type HostSettings, Transport } from '../oci/transport.js';
import { registerSecret } from '../secrets.js';

export interface SessionOptions {
  /** Skip TLS verification for every host (`--insecure`). */
  insecure?: boolean;
  /** Retries per request (attempts = retries + 1). */
  retries?: number;
  /**
   * Time budget per request including retries, in ms; also the longest wait for a connection,
   * an answer's headers, or a pause in its body (see `TransportOptions.timeoutMs`).
   */
  timeoutMs?: number;
  /** Connections per registry host. */
  connections?: number;
  /** Read Docker's config.json for hosts the config does not list (default true). */
  dockerConfig?: boolean;
  env?: NodeJS.ProcessEnv;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  /** Clock for credential and token expiry (tests inject one). */
  now?: () => number;
  /**
   * Test-only: endpoints of the cloud exchanges (local fakes). Deliberately not settable from a
   * config file or the environment, so nothing outside the program can redirect an OIDC token.
   */
  endpoints?: ProviderEndpoints;
  /** Test-only: where OIDC tokens come from (default the GitHub Actions runner, from `env`). */
  idToken?: IdTokenSource;
}

export interface Session {
  client: RegistryClient;
  transport: Transport;
  close(): Promise<void>;
}

/** A host setting the engine cannot honour (yet), or a file it cannot read. */
export class SessionError extends OciError {}

function hostKey(host: string): string {
  return host === DOCKER_HUB_API_HOST || host === 'index.docker.io' ? DOCKER_HUB : host;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new SessionError(`cannot read ${what} ${path}`, { cause });
  }
}

/** Why a host's settings cannot be honoured by this version, if so (checked when the host is used). */
function unsupported(entry: HostEntry | undefined): string | undefined {
  if (entry?.tls?.serverAuth?.provider === 'spiffe' || entry?.tls?.serverAuth?.spiffe)
    return 'SPIFFE server verification';
  if (entry?.tls?.clientAuth?.provider === 'spiffe') return 'SPIFFE client certificates';
  return undefined;
}

function settingsFor(entry: HostEntry | undefined, insecure: boolean): HostSettings {
  const s: HostSettings = {};
  if (entry?.plainHTTP !== undefined) s.plainHTTP = entry.plainHTTP;
  if (entry?.maxChunkSize) s.maxChunkSize = entry.maxChunkSize;
  const tls: NonNullable<HostSettings['tls']> = {};
  const server = entry?.tls?.serverAuth;
  const client = entry?.tls?.clientAuth;
  if (server?.caFromPath) tls.ca = readPem(server.caFromPath, 'CA bundle');
  else if (server?.caValue) tls.ca = server.caValue;
  if (client?.certFromPath) tls.cert = readPem(client.certFromPath, 'client certificate');
  else if (client?.certValue) tls.cert = client.certValue;
  if (client?.keyFromPath) tls.key = readPem(client.keyFromPath, 'client key');
  else if (client?.keyValue) {
    registerSecret(client.keyValue);
    tls.key = client.keyValue;
  }
  if (insecure || entry?.insecure) tls.insecure = true;
  if (Object.keys(tls).length > 0) s.tls = tls;
  return s;
}

/**
 * Credentials from the config's `hosts`: one provider per host, built on first use (so a host the
 * run never touches cannot fail it) and kept in a `RefreshingCredential` that re-exchanges before
 * expiry. The credential handed to the authenticator carries `expiresAt` = when to ask again.
 */
function configCredentials(
  hosts: Map<string, HostEntry>,
  base: Omit<ProviderContext, 'host'>,
  confineTo: string | undefined,
): CredentialSource {
  const cached = new Map<string, RefreshingCredential | undefined>();
  return async (host) => {
    const key = hostKey(host);
    const entry = hosts.get(key);
    if (!entry) return undefined;
    let refreshing = cached.get(key);
    if (!cached.has(key)) {
      const provider = providerFor(entry, { ...base, host: entry.host }, confineTo);
      refreshing = provider ? new RefreshingCredential(provider, base.now) : undefined;
      cached.set(key, refreshing);
    }
    if (!refreshing) return undefined;
    const got = await refreshing.get();
    const credential = maskCredential({ ...got.credential });
    if (credential && got.refreshAt !== undefined) credential.expiresAt = got.refreshAt;
    return credential;
  };
}

/** Create the client for a config's hosts. */
export function createSession(
  config: Pick<MirrorConfig, 'hosts'> & Partial<Pick<MirrorConfig, 'dir'>>,
  options: SessionOptions = {},
): Session {
  const hosts = new Map(config.hosts.map((h) => [hostKey(h.host), h]));
  const settings = new Map<string, HostSettings>();
  const hostSettings = (host: string): HostSettings => {
    const key = hostKey(host);
    const why = unsupported(hosts.get(key));
    if (why) throw new SessionError(`hosts: ${host}: ${why} is not supported by this version`);
    let s = settings.get(key);
    if (!s) {
      s = settingsFor(hosts.get(key), options.insecure ?? false);
      settings.set(key, s);
    }
    return s;
  };
  const retry: Partial<RetryPolicy> = { ...options.retry };
  if (options.retries !== undefined) retry.attempts = options.retries + 1;
  if (options.timeoutMs !== undefined) retry.budgetMs = options.timeoutMs;
  const transport = new Transport({
    hostSettings,
    retry,
    userAgent: options.userAgent ?? 'oci-mirror',
    connections: options.connections ?? 16,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const fromConfig = configCredentials(
    hosts,
    {
      transport,
      env,
      now,
      endpoints: options.endpoints ?? {},
      idToken: options.idToken ?? githubIdTokenSource(transport, env),
    },
    config.dir,
  );
  const sources = [fromConfig];
  if (options.dockerConfig !== false)
    sources.push(dockerConfigCredentials(options.env ? { env: options.env } : {}));
  const authenticator = new Authenticator({ transport, credentials: chainCredentials(...sources), now });
  // Validate host settings eagerly so a bad TLS path fails before any copy starts.
  for (const h of config.hosts) if (!unsupported(h)) hostSettings(h.host);
  const client = new RegistryClient({ transport, authorizer: authenticator });
  return { client, transport, close: () => transport.close() };
}
