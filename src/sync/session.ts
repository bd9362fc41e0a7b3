/**
 * Build the registry client for a config: transport settings per host (TLS, plain HTTP, chunk
 * size) and credentials (config `hosts`, then Docker's config for hosts not listed).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Authenticator } from '../auth/authenticator.js';
import {
  type Credential,
  type CredentialSource,
  chainCredentials,
  maskCredential,
} from '../auth/credentials.js';
import { dockerConfigCredentials } from '../auth/docker-config.js';
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
  /** Time budget per request including retries, in ms. */
  timeoutMs?: number;
  /** Connections per registry host. */
  connections?: number;
  /** Read Docker's config.json for hosts the config does not list (default true). */
  dockerConfig?: boolean;
  env?: NodeJS.ProcessEnv;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
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

async function credentialOf(entry: HostEntry): Promise<Credential | undefined> {
  const cred = entry.credential;
  if (!cred) return undefined;
  if (
    cred.provider !== undefined ||
    cred.jwkPath !== undefined ||
    cred.jwkValue !== undefined ||
    entry.provider
  ) {
    throw new SessionError(
      `hosts: ${entry.host}: ${cred.provider ? `credential provider "${cred.provider}"` : entry.provider ? `provider "${entry.provider}"` : 'JWK-signed credentials'} ${'are not supported by this version; use credential.value or fromPath with a username, or Docker config'}`,
    );
  }
  let secret = cred.value;
  if (secret === undefined && cred.fromPath !== undefined) {
    try {
      secret = (await readFile(cred.fromPath, 'utf8')).trim();
    } catch (cause) {
      throw new SessionError(`hosts: ${entry.host}: cannot read credential.fromPath ${cred.fromPath}`, {
        cause,
      });
    }
  }
  if (secret === undefined) return undefined;
  return maskCredential(
    entry.username !== undefined ? { username: entry.username, password: secret } : { registryToken: secret },
  );
}

/** Create the client for a config's hosts. */
export function createSession(config: Pick<MirrorConfig, 'hosts'>, options: SessionOptions = {}): Session {
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
  });
  const fromConfig: CredentialSource = async (host) => {
    const entry = hosts.get(hostKey(host));
    return entry ? credentialOf(entry) : undefined;
  };
  const sources = [fromConfig];
  if (options.dockerConfig !== false)
    sources.push(dockerConfigCredentials(options.env ? { env: options.env } : {}));
  const authenticator = new Authenticator({ transport, credentials: chainCredentials(...sources) });
  // Validate host settings eagerly so a bad TLS path fails before any copy starts.
  for (const h of config.hosts) if (!unsupported(h)) hostSettings(h.host);
  const client = new RegistryClient({ transport, authorizer: authenticator });
  return { client, transport, close: () => transport.close() };
}
