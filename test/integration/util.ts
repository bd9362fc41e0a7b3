/** Builds the project's client for harness registries. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Authenticator } from '../../src/auth/authenticator.js';
import { type CredentialSource, chainCredentials, staticCredentials } from '../../src/auth/credentials.js';
import { githubIdTokenSource } from '../../src/auth/oidc.js';
import type { ProviderContext, ProviderEndpoints } from '../../src/auth/providers/index.js';
import { RegistryClient } from '../../src/oci/client.js';
import type { RetryPolicy } from '../../src/oci/retry.js';
import { type HostSettings, Transport } from '../../src/oci/transport.js';
import type { TestRegistry } from '../harness/index.js';

export interface ClientSetup {
  client: RegistryClient;
  transport: Transport;
  authenticator: Authenticator;
  sleeps: number[];
}

/** A client that knows the TLS material and credentials of the given registries. */
export function clientFor(
  registries: (TestRegistry | { host: string; url: string })[],
  options: {
    credentials?: CredentialSource;
    settings?: Record<string, HostSettings>;
    retry?: Partial<RetryPolicy>;
    noCredentials?: boolean;
    preferPost?: boolean;
  } = {},
): ClientSetup {
  const sleeps: number[] = [];
  const settings = new Map<string, HostSettings>();
  const creds: Record<string, { username: string; password: string }> = {};
  for (const r of registries) {
    const s: HostSettings = { plainHTTP: r.url.startsWith('http:') };
    const reg = r as TestRegistry;
    if (reg.tls) {
      s.tls = { ca: reg.tls.caPem };
      if (reg.tls.clientCertPem) s.tls.cert = reg.tls.clientCertPem;
      if (reg.tls.clientKeyPem) s.tls.key = reg.tls.clientKeyPem;
    }
    settings.set(r.host, { ...s, ...options.settings?.[r.host] });
    if (reg.username && reg.password) creds[r.host] = { username: reg.username, password: reg.password };
  }
  for (const [host, s] of Object.entries(options.settings ?? {}))
    if (!settings.has(host)) settings.set(host, s);
  const transport = new Transport({
    hostSettings: (host) => settings.get(host),
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options.retry,
    },
  });
  const sources: CredentialSource[] = [];
  if (options.credentials) sources.push(options.credentials);
  if (!options.noCredentials) sources.push(staticCredentials(creds));
  const authenticator = new Authenticator({
    transport,
    credentials: chainCredentials(...sources),
    preferPost: options.preferPost ?? false,
  });
  return {
    client: new RegistryClient({ transport, authorizer: authenticator }),
    transport,
    authenticator,
    sleeps,
  };
}

/** `{registry, repository}` for a harness registry. */
export function repoOf(reg: { host: string }, repository: string) {
  return { registry: reg.host, repository };
}

/** What a credential provider is given, for calling one directly: no CI token, no environment. */
export function providerContext(
  host: string,
  options: { env?: NodeJS.ProcessEnv; endpoints?: ProviderEndpoints } = {},
): ProviderContext {
  const transport = new Transport();
  return {
    host,
    transport,
    env: options.env ?? {},
    now: Date.now,
    endpoints: options.endpoints ?? {},
    idToken: githubIdTokenSource(transport, {}),
  };
}

/**
 * One ambient-identity call (`kind`: google-access, google-id or azure; `arg`: scope or audience) in
 * a fresh process of its own (test/integration/ambient-child.ts) with exactly `env`: the cloud SDKs
 * read their environment, and keep their caches, per process.
 */
export function ambientChild(
  kind: string,
  arg: string,
  env: NodeJS.ProcessEnv,
): Promise<{ token?: string; error?: string }> {
  const script = join(import.meta.dirname, 'ambient-child.ts');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), script, kind, arg],
      { env, timeout: 120_000 },
      (err, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout));
        } catch {
          reject(new Error(`child failed: ${err?.message}\n${stderr}`));
        }
      },
    );
  });
}
