/**
 * Helm's `repositories.yaml`: credentials and TLS settings per repository URL. Read from
 * `$HELM_REPOSITORY_CONFIG`, else `$HELM_CONFIG_HOME/repositories.yaml`, else
 * `$XDG_CONFIG_HOME/helm/repositories.yaml` (`~/.config/helm/…`). A missing file means no settings.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RepositoryError } from './errors.js';

export interface RepositorySettings {
  name?: string;
  url: string;
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  insecureSkipTLSVerify: boolean;
  /** Send the credentials to chart URLs on other hosts too (off by default, as in helm). */
  passCredentialsAll: boolean;
}

/** Where helm keeps `repositories.yaml` for this environment. */
export function repositoryConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HELM_REPOSITORY_CONFIG) return env.HELM_REPOSITORY_CONFIG;
  if (env.HELM_CONFIG_HOME) return join(env.HELM_CONFIG_HOME, 'repositories.yaml');
  const xdg = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(xdg, 'helm', 'repositories.yaml');
}

/** `https://host/path/` and `https://host/path` name the same repository. */
export function normalizeRepoUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

function str(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Parse `repositories.yaml` text. */
export function parseRepositories(text: string, file: string): RepositorySettings[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (cause) {
    throw new RepositoryError(`${file}: not valid YAML`, { cause });
  }
  const list = (doc as { repositories?: unknown } | null)?.repositories;
  if (!Array.isArray(list)) return [];
  const out: RepositorySettings[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const url = str(o, 'url');
    if (url === undefined) continue;
    const s: RepositorySettings = {
      url,
      insecureSkipTLSVerify: o.insecure_skip_tls_verify === true,
      passCredentialsAll: o.pass_credentials_all === true,
    };
    for (const k of ['name', 'username', 'password', 'certFile', 'keyFile', 'caFile'] as const) {
      const v = str(o, k);
      if (v !== undefined) s[k] = v;
    }
    out.push(s);
  }
  return out;
}

/** Load the repositories helm knows; `[]` when the file does not exist. */
export async function loadRepositories(env: NodeJS.ProcessEnv = process.env): Promise<RepositorySettings[]> {
  const file = repositoryConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new RepositoryError(`cannot read ${file}`, { cause: err });
  }
  return parseRepositories(text, file);
}

/** The settings for a repository URL, matched on the normalised URL. */
export function settingsFor(
  repos: readonly RepositorySettings[],
  url: string,
): RepositorySettings | undefined {
  const want = normalizeRepoUrl(url);
  return repos.find((r) => normalizeRepoUrl(r.url) === want);
}
