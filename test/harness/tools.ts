/**
 * External tools for tests: skopeo (an independent checker and benchmark peer) and Docker
 * credential helpers implementing the exec protocol.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestRegistry } from './registry.js';

export { type TempDir, tempDir } from './lifecycle.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string | Buffer;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

/** Runs a command, collecting stdout (as bytes) and stderr; never throws on a non-zero exit. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: opts.env ?? process.env,
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs skopeo; returns stdout, throws with stderr on failure. */
export async function skopeo(args: string[], opts: RunOptions = {}): Promise<string> {
  const res = await run('skopeo', args, opts);
  if (res.code !== 0) {
    throw new Error(`skopeo ${args.join(' ')} failed (exit ${res.code}):\n${res.stderr}`);
  }
  return res.stdout.toString('utf8');
}

/**
 * The flags skopeo needs for a test registry: TLS verification off for plain HTTP, `--cert-dir`
 * for TLS/mTLS, `--creds` when the registry has users. `prefix` is '' (inspect, list-tags,
 * delete), 'src-' or 'dest-' (copy).
 */
export function skopeoRegistryFlags(reg: TestRegistry, prefix: '' | 'src-' | 'dest-' = ''): string[] {
  const flags: string[] = [];
  if (reg.tls) flags.push(`--${prefix}cert-dir=${reg.tls.certDir}`, `--${prefix}tls-verify=true`);
  else flags.push(`--${prefix}tls-verify=false`);
  if (reg.username !== undefined) flags.push(`--${prefix}creds=${reg.username}:${reg.password ?? ''}`);
  else if (prefix !== '') flags.push(`--${prefix}no-creds`);
  return flags;
}

/** `skopeo inspect --raw docker://HOST/<repoAndRef>`: the manifest bytes exactly as stored. */
export async function skopeoInspectRaw(
  reg: TestRegistry,
  repoAndRef: string,
  opts: RunOptions = {},
): Promise<string> {
  return skopeo(
    ['inspect', '--raw', ...skopeoRegistryFlags(reg), `docker://${reg.host}/${repoAndRef}`],
    opts,
  );
}

/** `skopeo list-tags`: the repository's tags, sorted. */
export async function skopeoListTags(
  reg: TestRegistry,
  repo: string,
  opts: RunOptions = {},
): Promise<string[]> {
  const out = await skopeo(['list-tags', ...skopeoRegistryFlags(reg), `docker://${reg.host}/${repo}`], opts);
  return [...((JSON.parse(out) as { Tags?: string[] | null }).Tags ?? [])].sort();
}

/** A skopeo endpoint: a registry + `repo:tag`/`repo@digest`, or a raw transport reference. */
export type SkopeoEndpoint = { registry: TestRegistry; ref: string } | string;

export interface SkopeoCopyOptions extends RunOptions {
  /** `--all` (copy every platform of an index). Default true. */
  all?: boolean;
  /** Extra arguments placed before the endpoints. */
  args?: string[];
}

/** `skopeo copy` between registries and/or local transports (oci:, dir:, docker-archive:). */
export async function skopeoCopy(
  src: SkopeoEndpoint,
  dest: SkopeoEndpoint,
  opts: SkopeoCopyOptions = {},
): Promise<string> {
  const args = ['copy', '--retry-times=0'];
  if (opts.all ?? true) args.push('--all');
  const ref = (e: SkopeoEndpoint, prefix: 'src-' | 'dest-'): string => {
    if (typeof e === 'string') return e;
    args.push(...skopeoRegistryFlags(e.registry, prefix));
    return `docker://${e.registry.host}/${e.ref}`;
  };
  const s = ref(src, 'src-');
  const d = ref(dest, 'dest-');
  args.push(...(opts.args ?? []), s, d);
  return skopeo(args, opts);
}

export interface CredentialHelperCall {
  argv: string[];
  stdin: string;
}

export interface CredentialHelper {
  /** Directory to put on PATH. */
  dir: string;
  /** `docker-credential-<suffix>`. */
  name: string;
  path: string;
  logPath: string;
  /** Every invocation so far, in order. */
  calls(): CredentialHelperCall[];
}

/**
 * Writes an executable `docker-credential-<suffix>` into `dir` implementing the credential helper
 * exec protocol (https://github.com/docker/docker-credential-helpers#development):
 * `get` reads the server URL on stdin and prints `{ServerURL,Username,Secret}`, or prints
 * `credentials not found in native keychain` and exits 1. `list` prints `{url: username}`;
 * `store`/`erase` are accepted and ignored. Lookup is by exact server URL first, then with scheme
 * and trailing slash stripped on both sides. Each call's argv and stdin are logged.
 */
export function makeCredentialHelper(
  dir: string,
  suffix: string,
  entries: Record<string, { Username: string; Secret: string }>,
): CredentialHelper {
  const name = `docker-credential-${suffix}`;
  const path = join(dir, name);
  const logPath = join(dir, `${name}.calls.jsonl`);
  const script = `#!${process.execPath}
const fs = require('node:fs');
const entries = ${JSON.stringify(entries)};
const logPath = ${JSON.stringify(logPath)};
const chunks = [];
process.stdin.on('data', (d) => chunks.push(d));
process.stdin.on('end', () => {
  const stdin = Buffer.concat(chunks).toString('utf8');
  const argv = process.argv.slice(2);
  fs.appendFileSync(logPath, JSON.stringify({ argv, stdin }) + '\\n');
  const norm = (u) => u.trim().replace(/^[a-z]+:\\/\\//i, '').replace(/\\/+$/, '');
  const action = argv[0];
  if (action === 'get') {
    const server = stdin.trim();
    let key = Object.hasOwn(entries, server) ? server : undefined;
    if (key === undefined) key = Object.keys(entries).find((k) => norm(k) === norm(server));
    if (key === undefined) {
      process.stdout.write('credentials not found in native keychain\\n');
      process.exit(1);
    }
    process.stdout.write(JSON.stringify({ ServerURL: server, Username: entries[key].Username, Secret: entries[key].Secret }) + '\\n');
  } else if (action === 'list') {
    const out = {};
    for (const [k, v] of Object.entries(entries)) out[k] = v.Username;
    process.stdout.write(JSON.stringify(out) + '\\n');
  } else if (action === 'store' || action === 'erase') {
    // accepted, not persisted
  } else {
    process.stdout.write('unknown action: ' + action + '\\n');
    process.exit(1);
  }
});
`;
  // .cjs semantics are needed for require(); the file has no extension, so Node treats it as
  // CommonJS unless a package.json with "type": "module" is above it. Guard against that.
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  if (!existsSync(join(dir, 'package.json')))
    writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n');
  return {
    dir,
    name,
    path,
    logPath,
    calls() {
      if (!existsSync(logPath)) return [];
      return readFileSync(logPath, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as CredentialHelperCall);
    },
  };
}
