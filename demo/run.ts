/**
 * `npm run demo` — a real mirror job with no internet: two local registries (Debian's
 * docker-registry via the test harness), a source seeded with sample content, the example config
 * demo/mirror.yaml filled from $SRC/$DST, then `oci-mirror sync` twice (copy, then all skipped),
 * the YAML report's summary, and an independent check with `skopeo inspect --raw`.
 * Exits non-zero when anything is not as expected; registries are stopped on exit and on Ctrl-C.
 */

import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { distIsStale } from '../scripts/dist-freshness.js';
import {
  buildArtifact,
  buildDockerV2S2Image,
  buildImage,
  pushContent,
  sha256Digest,
  skopeoInspectRaw,
  startRegistry,
  stopAll,
  tagManifest,
} from '../test/harness/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(ROOT, 'dist/cli.js');
const CONFIG = join(ROOT, 'demo/mirror.yaml');

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
function heading(title: string): void {
  process.stdout.write(`\n${bold(`==> ${title}`)}\n\n`);
}
function fail(message: string): never {
  throw new Error(message);
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

async function ensureDist(): Promise<void> {
  if (!distIsStale(ROOT)) return;
  heading('Building dist/cli.js (node scripts/build.mjs)');
  const res = await run(NODE, [join(ROOT, 'scripts/build.mjs')]);
  if (res.code !== 0) fail(`build failed:\n${res.stderr}`);
}

async function main(): Promise<void> {
  await ensureDist();

  heading('Starting two local registries (docker-registry, plain HTTP on loopback)');
  const [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  process.stdout.write(`source      ${src.host}\ndestination ${dst.host}\n`);

  heading('Seeding the source');
  const appDigests: Record<string, string> = {};
  for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
    const image = buildImage({
      seed: `demo-app-${version}`,
      sharedLayerSize: 64 * 1024,
      uniqueLayerSize: 16 * 1024,
      annotations: { 'org.opencontainers.image.version': version },
    });
    appDigests[version] = await pushContent(src, 'demo/app', version, image);
    process.stdout.write(
      `demo/app:${version}   multi-arch OCI index (linux/amd64, linux/arm64)  ${appDigests[version]}\n`,
    );
  }
  const latest = buildImage({
    seed: 'demo-app-2.0.0',
    sharedLayerSize: 64 * 1024,
    uniqueLayerSize: 16 * 1024,
    annotations: { 'org.opencontainers.image.version': '2.0.0' },
  });
  await tagManifest(src, 'demo/app', 'latest', latest.top.bytes, latest.top.mediaType);
  process.stdout.write(`demo/app:latest  -> same index as 2.0.0\n`);

  const legacy = buildDockerV2S2Image({ seed: 'demo-legacy', sharedLayerSize: 32 * 1024 });
  const legacyDigest = await pushContent(src, 'demo/legacy', 'v1', legacy);
  process.stdout.write(`demo/legacy:v1   Docker schema 2 image                            ${legacyDigest}\n`);

  const policy = buildArtifact({
    artifactType: 'application/vnd.example.policy.v1',
    configMediaType: 'application/vnd.example.policy.config.v1+json',
    config: JSON.stringify({ name: 'baseline', rules: 12 }),
    layers: [
      {
        mediaType: 'application/vnd.example.policy.layer.v1.tar',
        data: 'package baseline\n\ndeny[msg] { input.privileged; msg := "no privileged pods" }\n',
        annotations: { 'org.opencontainers.image.title': 'baseline.rego' },
      },
    ],
  });
  const policyDigest = await pushContent(src, 'demo/policy', '2024.06', policy);
  process.stdout.write(`demo/policy:2024.06 OCI artifact, custom config media type        ${policyDigest}\n`);

  const env = { ...process.env, SRC: src.host, DST: dst.host, NO_COLOR: '1' };

  heading(`The config: demo/mirror.yaml with SRC=${src.host} DST=${dst.host}`);
  const validate = await run(NODE, [CLI, 'validate', CONFIG], env);
  process.stdout.write(validate.stdout + validate.stderr);
  if (validate.code !== 0) fail(`validate exited ${validate.code}`);

  heading('oci-mirror sync demo/mirror.yaml   (first run: everything is copied)');
  const first = await run(NODE, [CLI, 'sync', CONFIG, '--no-progress'], env);
  process.stdout.write(first.stdout + first.stderr);
  if (first.code !== 0) fail(`first sync exited ${first.code}`);

  heading('oci-mirror sync demo/mirror.yaml   (second run: nothing changed, everything skipped)');
  const second = await run(NODE, [CLI, 'sync', CONFIG, '--no-progress'], env);
  process.stdout.write(second.stdout + second.stderr);
  if (second.code !== 0) fail(`second sync exited ${second.code}`);

  heading('oci-mirror sync demo/mirror.yaml -o yaml   (the summary part)');
  const third = await run(NODE, [CLI, 'sync', CONFIG, '--no-progress', '-o', 'yaml'], env);
  if (third.code !== 0) fail(`third sync exited ${third.code}:\n${third.stderr}`);
  const doc = parseYaml(third.stdout) as { report?: { summary?: Record<string, unknown> } };
  const summary = doc.report?.summary ?? fail(`no report.summary in the YAML output:\n${third.stdout}`);
  const lines = third.stdout.split('\n');
  const at = lines.findIndex((l) => /^\s*summary:\s*$/.test(l));
  if (at >= 0) {
    const indent = (lines[at]?.match(/^\s*/)?.[0].length ?? 0) + 1;
    const end = lines.findIndex(
      (l, i) => i > at && l.trim() !== '' && (l.match(/^\s*/)?.[0].length ?? 0) < indent,
    );
    process.stdout.write(`${lines.slice(at, end < 0 ? undefined : end).join('\n')}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  }
  const expectTags = 6; // app 1.0.0 1.1.0 2.0.0 latest, legacy v1, policy 2024.06
  if (summary.skipped !== expectTags || summary.copied !== 0 || summary.failed !== 0) {
    fail(`expected ${expectTags} skipped and nothing copied on a re-run, got ${JSON.stringify(summary)}`);
  }

  heading('Independent check: skopeo inspect --raw, source vs destination');
  const checks: [string, string][] = [
    ['demo/app:2.0.0', 'mirror/app:2.0.0'],
    ['demo/app:latest', 'mirror/app:latest'],
    ['demo/legacy:v1', 'mirror/legacy:v1'],
    ['demo/policy:2024.06', 'mirror/policy:2024.06'],
  ];
  for (const [from, to] of checks) {
    const a = sha256Digest(await skopeoInspectRaw(src, from));
    const b = sha256Digest(await skopeoInspectRaw(dst, to));
    const ok = a === b;
    process.stdout.write(`${ok ? 'OK  ' : 'DIFF'} ${from.padEnd(20)} ${a}\n     ${to.padEnd(20)} ${b}\n`);
    if (!ok) fail(`${to} differs from ${from}`);
  }
  if (sha256Digest(await skopeoInspectRaw(dst, 'mirror/app:2.0.0')) !== appDigests['2.0.0']) {
    fail('mirror/app:2.0.0 is not the digest that was pushed');
  }

  heading('Done: the mirror matches the source byte for byte');
}

let stopping = false;
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  stopping = true;
  process.stderr.write('\ninterrupted: stopping the registries\n');
  void stopAll().finally(() => process.exit(130));
});

try {
  await main();
} catch (err) {
  process.stderr.write(`\ndemo FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
  // Open keep-alive sockets or a proxy left by a failure must not keep the process alive.
  process.exit(process.exitCode ?? 0);
}
