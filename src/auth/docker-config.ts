/**
 * Docker `config.json` as a credential source: `auths.*.auth`, `identitytoken`, `registrytoken`,
 * `credHelpers` and `credsStore` through the `docker-credential-<name> get` exec protocol.
 * Location: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AuthError } from '../oci/errors.js';
import { DOCKER_HUB_API_HOST, DOCKER_HUB_CONFIG_KEY } from '../oci/reference.js';
import { type Credential, type CredentialSource, maskCredential } from './credentials.js';

interface DockerConfigFile {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string; registrytoken?: string }
  >;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Path of the Docker config file for an environment. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

/** `https://ghcr.io/v1/` → `ghcr.io`, as docker's ConvertToHostname does for legacy keys. */
function keyToHost(key: string): string {
  return key.replace(/^https?:\/\//, '').split('/')[0] as string;
}

/** The config keys under which a registry API host may be stored. */
function candidateKeys(host: string): string[] {
  if (host === DOCKER_HUB_API_HOST || host === 'docker.io' || host === 'index.docker.io') {
    return [DOCKER_HUB_CONFIG_KEY, 'index.docker.io', 'docker.io', DOCKER_HUB_API_HOST];
  }
  return [host];
}

/** Decode `auth` = base64(user:pass), split at the first colon. */
function decodeAuth(auth: string, key: string): { username: string; password: string } {
  const decoded = Buffer.from(auth, 'base64').toString('utf8').replace(/\0+$/, '');
  const colon = decoded.indexOf(':');
  if (colon <= 0)
    throw new AuthError(keyToHost(key), `docker config entry "${key}" has a malformed "auth" field`);
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Run `docker-credential-<helper> get` with the server URL on stdin. */
export async function runCredentialHelper(
  helper: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credential | undefined> {
  const program = `docker-credential-${helper}`;
  // Loaded here, not at start-up: child_process (and dgram with it) is for credential helpers only.
  const { spawn } = await import('node:child_process');
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        err += d;
      });
      child.on('error', (e) =>
        reject(
          new AuthError(keyToHost(serverUrl), `credential helper ${program} could not be run`, { cause: e }),
        ),
      );
      child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
      // A helper that exits without reading stdin (or never started) closes the pipe: the exit
      // code and output decide the outcome, not the EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(serverUrl);
    },
  );
  if (code !== 0) {
    if (/credentials not found/i.test(stdout) || /credentials not found/i.test(stderr)) return undefined;
    throw new AuthError(keyToHost(serverUrl), `credential helper ${program} failed (exit ${code})`);
  }
  let parsed: { Username?: unknown; Secret?: unknown };
  try {
    parsed = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
  } catch (cause) {
    throw new AuthError(keyToHost(serverUrl), `credential helper ${program} printed invalid JSON`, { cause });
  }
  if (typeof parsed.Secret !== 'string' || parsed.Secret === '') return undefined;
  const username = typeof parsed.Username === 'string' ? parsed.Username : '';
  // Username `<token>` marks the secret as an identity (refresh) token.
  if (username === '<token>') return maskCredential({ identityToken: parsed.Secret });
  return maskCredential({ username, password: parsed.Secret });
}

/**
 * A credential source reading Docker's config. The file is read once; helper answers are cached
 * per host for the life of the source.
 */
export function dockerConfigCredentials(
  options: { path?: string; env?: NodeJS.ProcessEnv } = {},
): CredentialSource {
  const env = options.env ?? process.env;
  const path = options.path ?? dockerConfigPath(env);
  let config: Promise<DockerConfigFile | undefined> | undefined;
  const cache = new Map<string, Promise<Credential | undefined>>();
  const load = async (): Promise<DockerConfigFile | undefined> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AuthError('docker config', `cannot read ${path}`, { cause: err });
    }
    try {
      return JSON.parse(text) as DockerConfigFile;
    } catch (cause) {
      throw new AuthError('docker config', `${path} is not valid JSON`, { cause });
    }
  };
  const lookup = async (host: string): Promise<Credential | undefined> => {
    config ??= load();
    const file = await config;
    if (!file) return undefined;
    const keys = candidateKeys(host);
    for (const key of keys) {
      const helper = file.credHelpers?.[key];
      if (helper) return runCredentialHelper(helper, key, env);
    }
    const auths = file.auths ?? {};
    const entryKey =
      keys.find((k) => auths[k] !== undefined) ?? Object.keys(auths).find((k) => keys.includes(keyToHost(k)));
    const entry = entryKey !== undefined ? auths[entryKey] : undefined;
    if (entry && entryKey !== undefined) {
      if (entry.registrytoken) return maskCredential({ registryToken: entry.registrytoken });
      if (entry.identitytoken) return maskCredential({ identityToken: entry.identitytoken });
      if (entry.auth) return maskCredential(decodeAuth(entry.auth, entryKey));
      if (entry.username && entry.password)
        return maskCredential({ username: entry.username, password: entry.password });
    }
    if (file.credsStore) return runCredentialHelper(file.credsStore, keys[0] as string, env);
    return undefined;
  };
  return (host) => {
    let p = cache.get(host);
    if (!p) {
      p = lookup(host);
      cache.set(host, p);
    }
    return p;
  };
}
