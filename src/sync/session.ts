/**
 * Build the registry client for a config: transport settings per host (TLS, plain HTTP, chunk
 * size) and credentials (config `hosts`, then Docker's config for hosts not listed).
 */
import { readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { Authenticator } from '../auth/authenticator.js';
import { RefreshingCredential } from '../auth/cache.js';
import { type CredentialSource, chainCredentials, maskCredential } from '../auth/credentials.js';
import { dockerConfigCredentials } from '../auth/docker-config.js';
import { IdTokenUnavailableError } from '../auth/errors.js';
import { githubIdTokenSource, type IdTokenSource } from '../auth/oidc.js';
import { type EcrProvider, isEcrPublic } from '../auth/providers/ecr.js';
import { type ProviderContext, type ProviderEndpoints, providerFor } from '../auth/providers/index.js';
import { type SpiffeServerAuth, spiffeHostTls, WorkloadX509Source } from '../auth/spiffe-tls.js';
import type { HostEntry, MirrorConfig } from '../config/model.js';
import { RegistryClient } from '../oci/client.js';
import { OciError } from '../oci/errors.js';
import type { HostLimits } from '../oci/limiter.js';
import {
  createListing,
  defaultListingEndpoint,
  guardedListing,
  type TagDigestListing,
} from '../oci/listings.js';
import { DOCKER_HUB, DOCKER_HUB_API_HOST } from '../oci/reference.js';
import type { RetryPolicy } from '../oci/retry.js';
import { type HostSettings, Transport } from '../oci/transport.js';
import { registerSecret } from '../secrets.js';

export interface SessionOptions {
  /**
   * flux's `--insecure`: for every host, skip TLS verification and use plain HTTP when the server
   * speaks it (a host's explicit `plainHTTP` wins).
   */
  insecure?: boolean;
  /** Diagnostics (`--verbose`). */
  log?: (message: string) => void;
  /** Create missing repositories on every `provider: ecr` host (`--create-repositories`). */
  createRepositories?: boolean;
  /** Test-only: name resolution for registry connections. */
  lookup?: LookupFunction;
  /** Retries per request (attempts = retries + 1). */
  retries?: number;
  /**
   * Time budget per request including retries, in ms; also the longest wait for a connection,
   * an answer's headers, or a pause in its body (see `TransportOptions.timeoutMs`).
   */
  timeoutMs?: number;
  /** Connections per registry host. */
  connections?: number;
  /** Time GET/HEAD answers per host (see `TransportOptions.timeAnswers`). */
  timeAnswers?: boolean;
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
  /**
   * Dry runs: a host whose credential needs an OIDC ID token the runner refuses (none offered,
   * HTTP 401/403) is used without a credential instead of failing, and listed in
   * `Session.anonymousHosts`.
   */
  anonymousWithoutIdToken?: boolean;
}

export interface Session {
  client: RegistryClient;
  transport: Transport;
  /**
   * Make sure a destination repository exists where the registry has no create-on-push (ECR with
   * `createRepositories`); resolves true when it was created now. Once per repository per session.
   */
  ensureRepository(registry: string, path: string): Promise<boolean>;
  /** The bulk tag digest listing of a registry host, when it has one (see oci/listings.ts). */
  listing?: (registry: string) => TagDigestListing | undefined;
  /** Hosts read anonymously because the ID token was refused (`anonymousWithoutIdToken`): host → why. */
  anonymousHosts: Map<string, string>;
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

/** Which TLS halves of a host use SPIFFE (flux `clientAuth.provider: x509-svid`, `serverAuth.spiffe`). */
function spiffeHalves(
  entry: HostEntry | undefined,
): { client: boolean; server?: SpiffeServerAuth } | undefined {
  const client = entry?.tls?.clientAuth?.provider === 'spiffe';
  const sa = entry?.tls?.serverAuth;
  const server = sa?.provider === 'spiffe' || sa?.spiffe ? { ...sa.spiffe } : undefined;
  if (!client && !server) return undefined;
  return server ? { client, server } : { client };
}

/**
 * Docker Hub's politeness unless its `hosts` entry says otherwise: its API answers abusive request
 * rates per IP with 429s, so requests are paced and capped. (Its pull limit is read from the
 * `ratelimit-*` headers it sends and kept to by the transport; see oci/limiter.ts.)
 */
export const DOCKER_HUB_LIMITS: Readonly<HostLimits> = {
  rateLimit: { requestsPerSecond: 20, burst: 40 },
  maxConcurrency: 8,
};

function settingsFor(
  entry: HostEntry | undefined,
  insecure: boolean,
  spiffe: WorkloadX509Source | undefined,
  key: string,
): HostSettings {
  const s: HostSettings = {};
  if (entry?.plainHTTP !== undefined) s.plainHTTP = entry.plainHTTP;
  if (entry?.maxChunkSize) s.maxChunkSize = entry.maxChunkSize;
  const limits: HostLimits = key === DOCKER_HUB ? { ...DOCKER_HUB_LIMITS } : {};
  if (entry?.rateLimit) limits.rateLimit = entry.rateLimit;
  if (entry?.maxConcurrency) limits.maxConcurrency = entry.maxConcurrency;
  if (Object.keys(limits).length > 0) s.limits = limits;
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
  const halves = spiffeHalves(entry);
  if (halves && spiffe && entry) tls.source = spiffeHostTls(entry.host, spiffe, halves);
  if (insecure || entry?.insecure) tls.insecure = true;
  if (insecure && entry?.plainHTTP === undefined) s.fallbackToHTTP = true;
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
  anonymous: Map<string, string> | undefined,
): CredentialSource {
  const cached = new Map<string, RefreshingCredential | undefined>();
  return async (host) => {
    const key = hostKey(host);
    const entry = hosts.get(key);
    if (!entry || anonymous?.has(entry.host)) return undefined;
    let refreshing = cached.get(key);
    if (!cached.has(key)) {
      const provider = providerFor(entry, { ...base, host: entry.host }, confineTo);
      refreshing = provider ? new RefreshingCredential(provider, base.now) : undefined;
      cached.set(key, refreshing);
    }
    if (!refreshing) return undefined;
    let got: Awaited<ReturnType<RefreshingCredential['get']>>;
    try {
      got = await refreshing.get();
    } catch (err) {
      const refused = anonymous ? idTokenRefusal(err) : undefined;
      if (!refused) throw err;
      anonymous?.set(entry.host, refused.message);
      return undefined;
    }
    const credential = maskCredential({ ...got.credential });
    if (credential && got.refreshAt !== undefined) credential.expiresAt = got.refreshAt;
    return credential;
  };
}

/** The `IdTokenUnavailableError` somewhere in `err`'s cause chain. */
function idTokenRefusal(err: unknown): IdTokenUnavailableError | undefined {
  for (let e = err; e instanceof Error; e = e.cause) if (e instanceof IdTokenUnavailableError) return e;
  return undefined;
}

/** Create the client for a config's hosts. */
export function createSession(
  config: Pick<MirrorConfig, 'hosts'> & Partial<Pick<MirrorConfig, 'dir'>>,
  options: SessionOptions = {},
): Session {
  const hosts = new Map(config.hosts.map((h) => [hostKey(h.host), h]));
  const env = options.env ?? process.env;
  // One Workload API stream for every SPIFFE host; our own SVID is fetched when a host presents it
  // or authorizes `trustDomain: self`, else only the bundles.
  const spiffeHosts = config.hosts.map(spiffeHalves).filter((h) => h !== undefined);
  const spiffe =
    spiffeHosts.length > 0
      ? new WorkloadX509Source({
          socket: env.SPIFFE_ENDPOINT_SOCKET,
          svid: spiffeHosts.some((h) => h.client || h.server?.trustDomain === 'self'),
          ...(options.log ? { log: options.log } : {}),
        })
      : undefined;
  const settings = new Map<string, HostSettings>();
  const hostSettings = (host: string): HostSettings => {
    const key = hostKey(host);
    let s = settings.get(key);
    if (!s) {
      s = settingsFor(hosts.get(key), options.insecure ?? false, spiffe, key);
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
    ...(options.timeAnswers ? { timeAnswers: true } : {}),
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const now = options.now ?? Date.now;
  const providerContext: Omit<ProviderContext, 'host'> = {
    transport,
    env,
    now,
    endpoints: options.endpoints ?? {},
    idToken: options.idToken ?? githubIdTokenSource(transport, env),
  };
  const anonymousHosts = new Map<string, string>();
  const fromConfig = configCredentials(
    hosts,
    providerContext,
    config.dir,
    options.anonymousWithoutIdToken ? anonymousHosts : undefined,
  );
  const sources = [fromConfig];
  if (options.dockerConfig !== false)
    sources.push(dockerConfigCredentials(options.env ? { env: options.env } : {}));
  const credentials = chainCredentials(...sources);
  const authenticator = new Authenticator({ transport, credentials, now });
  const listings = new Map<string, TagDigestListing | undefined>();
  const listing = (registry: string): TagDigestListing | undefined => {
    const key = hostKey(registry);
    if (!listings.has(key)) {
      const configured = hosts.get(key)?.listing;
      const endpoint =
        configured === undefined
          ? defaultListingEndpoint(key)
          : configured.api === 'none'
            ? undefined
            : {
                api: configured.api,
                url:
                  configured.url ??
                  (configured.api === 'harbor' ? `https://${key}` : (defaultListingEndpoint(key)?.url ?? '')),
                ...(configured.location !== undefined ? { location: configured.location } : {}),
              };
      const entry = hosts.get(key);
      listings.set(
        key,
        endpoint && endpoint.url !== ''
          ? createListing(transport, endpoint, registry, credentials)
          : entry?.provider === 'ecr' && configured?.api !== 'none' && !isEcrPublic(entry.host)
            ? ecrListing(entry)
            : undefined,
      );
    }
    return listings.get(key);
  };
  /** ECR's DescribeImages with the host's own AWS credentials (the ones its `provider: ecr` uses). */
  const ecrListing = (entry: HostEntry): TagDigestListing => {
    const provider = providerFor(entry, { ...providerContext, host: entry.host }) as EcrProvider;
    return guardedListing('ecr', (repo, count) => provider.tagDigests(repo.repository, count));
  };
  // Validate host settings eagerly so a bad TLS path fails before any copy starts.
  for (const h of config.hosts) hostSettings(h.host);
  const client = new RegistryClient({ transport, authorizer: authenticator });
  const ensured = new Map<string, Promise<boolean>>();
  const ensureRepository = (registry: string, path: string): Promise<boolean> => {
    const entry = hosts.get(hostKey(registry));
    if (entry?.provider !== 'ecr' || !(entry.createRepositories || options.createRepositories))
      return Promise.resolve(false);
    const key = `${entry.host}/${path}`;
    let p = ensured.get(key);
    if (!p) {
      const provider = providerFor(entry, { ...providerContext, host: entry.host }) as EcrProvider;
      p = provider.createRepository(path);
      ensured.set(key, p);
    }
    return p;
  };
  const close = async () => {
    spiffe?.close();
    await transport.close();
  };
  return { client, transport, ensureRepository, listing, anonymousHosts, close };
}
