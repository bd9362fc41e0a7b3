/**
 * Start-up stays small: `oci-mirror validate` must not load the registry client, TLS, HTTP/2,
 * crypto, zlib, workers or child processes just to parse a YAML file (issue 14). The CLI is bundled
 * the way the release bundles it (one file per entry plus a chunk per dynamic `import()`; esbuild
 * here for speed, ncc in scripts/build.mjs) and run as a child process; `process.moduleLoadList`
 * names every built-in module it loaded. Counts, not wall times: the count is what creeps back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, pushContent, startRegistry, stopAll } from '../harness/index.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'oci-mirror-startup-'));
const probe = join(dir, 'probe.mjs');

/** Runs node with `argv` and returns its stdout and the built-in modules it loaded. */
function run(argv: string[]): { stdout: string; builtins: string[] } {
  const r = spawnSync(process.execPath, ['--import', probe, ...argv], { cwd: dir, encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('BUILTINS '));
  if (r.status !== 0 || !line) throw new Error(`node ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, builtins: JSON.parse(line.slice('BUILTINS '.length)) as string[] };
}

/**
 * Built-ins reach the bundle as ncc emits them: a `require()` where the code runs, not an ES
 * `import` (which would evaluate every lazy getter of e.g. `node:util` and load `worker_threads`).
 */
const builtinsAsRequire: Plugin = {
  name: 'builtins-as-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_/:0-9]+$/ }, (args) =>
      isBuiltin(args.path) ? { path: args.path.replace(/^node:/, ''), namespace: 'builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(`node:${args.path}`)});`,
      loader: 'js',
    }));
  },
};

// `net` is not listed: a piped stdout is a net.Socket. `worker_threads` neither: the ncc bundle does
// not load it for `validate`, but esbuild's ES-module interop does (through node:util's getters).
/** ES module bundle with a chunk per `import()`, as the release build makes it. */
function bundle<T extends BuildOptions>(entryPoints: Record<string, string>, outdir: string, extra?: T) {
  return build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    logLevel: 'silent',
    plugins: [builtinsAsRequire],
    ...extra,
  });
}

type Outputs = NonNullable<Awaited<ReturnType<typeof build>>['metafile']>['outputs'];

/** Source files an output loads by static imports, transitively: what is loaded with it. */
function staticInputsOf(outputs: Outputs): (file: string) => string[] {
  return (file) => {
    const start = Object.keys(outputs).find((o) => outputs[o]?.entryPoint?.endsWith(file));
    expect(start, `no output for ${file}`).toBeDefined();
    const seen = new Set<string>();
    const visit = (o: string) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of outputs[o]?.imports ?? [])
        if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(start as string);
    return [...seen].flatMap((o) => Object.keys(outputs[o]?.inputs ?? {}));
  };
}

const HEAVY = ['http', 'https', 'http2', 'tls', 'crypto', 'zlib', 'child_process', 'dns', 'sqlite'];

describe('start-up', () => {
  beforeAll(async () => {
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('\\nBUILTINS ' + JSON.stringify(process.moduleLoadList" +
        ".filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));\n",
    );
    await bundle({ 'cli-main': join(root, 'src/cli/main.ts') }, join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, 'config.yaml'),
      [
        'apiVersion: oci-mirror/v1',
        'kind: Config',
        'artifacts:',
        '  - name: podinfo',
        '    source: ghcr.io/stefanprodan/podinfo',
        '    destination: registry.example.com/mirror/podinfo',
        '    selector: { semver: ">=6.0.0", limit: 3 }',
        '',
      ].join('\n'),
    );
  }, 120_000);
  afterAll(async () => {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validate loads no HTTP, TLS, crypto, compression or child-process modules', () => {
    const { stdout, builtins } = run([join(dir, 'dist', 'cli-main.js'), 'validate', 'config.yaml']);
    expect(stdout).toContain('valid');
    expect(builtins.filter((m) => HEAVY.includes(m) || /^internal\/(http2|tls|crypto)\//.test(m))).toEqual(
      [],
    );
  });

  it('validate loads at most 40 built-in modules more than an empty script', () => {
    writeFileSync(join(dir, 'empty.mjs'), '');
    const empty = run([join(dir, 'empty.mjs')]).builtins.length;
    const validate = run([join(dir, 'dist', 'cli-main.js'), 'validate', 'config.yaml']).builtins.length;
    // Measured: empty ESM script ~E, validate ~E+N (see the report of issue 14). 195 before lazy loading.
    expect(validate - empty).toBeLessThanOrEqual(40);
  });

  it('a warm sync loads no child-process, helm, tar, compression or worker modules (issue 14)', async () => {
    const reg = await startRegistry();
    await pushContent(reg, 'src/app', '1.0.0', buildImage({ seed: 'startup' }));
    writeFileSync(
      join(dir, 'sync.yaml'),
      [
        'apiVersion: oci-mirror/v1',
        'kind: Config',
        'artifacts:',
        `  - source: ${reg.host}/src/app`,
        `    destination: ${reg.host}/mirror/app`,
        '    selector: { tags: ["1.0.0"] }',
        '',
      ].join('\n'),
    );
    const sync = ['sync', 'sync.yaml', '-o', 'json', '--no-progress'];
    const cold = run([join(dir, 'dist', 'cli-main.js'), ...sync]);
    expect(JSON.parse(cold.stdout).report.summary.copied).toBe(1);
    const warm = run([join(dir, 'dist', 'cli-main.js'), ...sync]);
    expect(JSON.parse(warm.stdout).report.summary.skipped).toBe(1);
    // Not vacuous: the engine and undici's HTTP client did load.
    expect(warm.builtins).toEqual(expect.arrayContaining(['net', 'http', 'v8']));
    // child_process (with dgram) is for helm and credential helpers, zlib and tar for charts.
    expect(warm.builtins.filter((m) => ['child_process', 'dgram', 'zlib', 'sqlite'].includes(m))).toEqual([]);
  }, 120_000);

  it('the CLI engine takes the undici connection pool without the package index, and helm only through import() (issue 14)', async () => {
    const result = await bundle({ 'cli-main': join(root, 'src/cli/main.ts') }, join(dir, 'cli-engine'), {
      metafile: true,
      write: false,
    });
    const outputs = result.metafile?.outputs ?? {};
    const engine = staticInputsOf(outputs)('src/cli/engine.ts');
    // Not vacuous: the pool and its request() are there.
    expect(engine.some((i) => i.endsWith('node_modules/undici/lib/dispatcher/agent.js'))).toBe(true);
    expect(engine.some((i) => i.endsWith('node_modules/undici/lib/api/api-request.js'))).toBe(true);
    // undici's index brings fetch, WebSocket, EventSource, mocks, caches and interceptors.
    expect(
      engine.filter((i) =>
        /node_modules\/undici\/(index\.js|lib\/(mock|cache|interceptor|web\/(websocket|eventsource|cache)))/.test(
          i,
        ),
      ),
    ).toEqual([]);
    // Helm's code, tar and the chart half of the engine are a chunk of their own.
    expect(engine.filter((i) => /src\/(helm\/|sync\/charts\.ts)|node_modules\/tar\//.test(i))).toEqual([]);
    const all = Object.keys(outputs).flatMap((o) => Object.keys(outputs[o]?.inputs ?? {}));
    expect(all.some((i) => i.endsWith('src/sync/charts.ts'))).toBe(true);
    // The main bundle (validate, every command's start) holds no JSON Schema compiler: config
    // validators are generated code; ajv's compiler is for merge-reports only.
    const main = staticInputsOf(outputs)('src/cli/main.ts');
    expect(
      main.filter((i) => /node_modules\/ajv\/dist\/(core|2020|compile\/index)\.js|ajv-formats/.test(i)),
    ).toEqual([]);
  }, 120_000);

  it('the action reaches the engine, @actions/cache (Azure SDK), tool-cache, octokit and helm only through import()', async () => {
    const result = await bundle({ index: join(root, 'src/action/index.ts') }, join(dir, 'action'), {
      metafile: true,
      write: false,
    });
    const outputs = result.metafile?.outputs ?? {};
    const staticInputs = staticInputsOf(outputs);
    // The entry prints its first line with next to nothing loaded.
    expect(staticInputs('src/action/index.ts').filter((i) => i.includes('node_modules/'))).toEqual([]);
    // main.js loads the config, inputs and renderers; the rest comes when a step needs it.
    const main = staticInputs('src/action/main.ts');
    expect(main.some((i) => i.endsWith('src/config/load.ts'))).toBe(true);
    expect(
      main.filter((i) =>
        /node_modules\/(@actions\/(cache|tool-cache|github)|@azure|@octokit)\/|src\/(sync\/sync|helm\/)/.test(
          i,
        ),
      ),
    ).toEqual([]);
    // Not vacuous: the bundle does hold them, in chunks of their own.
    const all = Object.keys(outputs).flatMap((o) => Object.keys(outputs[o]?.inputs ?? {}));
    expect(all.some((i) => i.includes('node_modules/@actions/cache/'))).toBe(true);
    expect(all.some((i) => i.endsWith('src/sync/sync.ts'))).toBe(true);
  }, 120_000);

  it('the CLI engine reaches sigstore-js and the TUF client only through import() (issue 13)', async () => {
    const result = await bundle({ 'cli-main': join(root, 'src/cli/main.ts') }, join(dir, 'cli-meta'), {
      metafile: true,
      write: false,
    });
    const outputs = result.metafile?.outputs ?? {};
    const staticInputs = staticInputsOf(outputs);
    const sigstore = /node_modules\/(@sigstore|tuf-js|@tufjs|make-fetch-happen)\//;
    // The engine (planning, copying, the verifier's discovery) loads without sigstore-js ...
    const engine = staticInputs('src/cli/engine.ts');
    expect(engine.some((i) => i.endsWith('src/verify/index.ts'))).toBe(true);
    expect(engine.filter((i) => sigstore.test(i))).toEqual([]);
    // ... which is a chunk of its own, loaded on the first verification; the TUF client another.
    const lib = staticInputs('src/verify/sigstore-lib.ts');
    expect(lib.some((i) => i.includes('node_modules/@sigstore/verify/'))).toBe(true);
    expect(lib.filter((i) => /node_modules\/(tuf-js|make-fetch-happen)\//.test(i))).toEqual([]);
    expect(staticInputs('@sigstore/tuf/dist/index.js').some((i) => i.includes('node_modules/tuf-js/'))).toBe(
      true,
    );
  }, 120_000);
});
