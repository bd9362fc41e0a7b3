/**
 * The npm package and the container image as users get them: `npm pack` ships the CLI (and not the
 * action bundle, sources or tests), the manifest is publishable with provenance, and the
 * Dockerfile is checked statically (distroless Node 24, non-root, helm pinned to the action's
 * checksums); where Docker exists, the image is built and run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINNED_HELM_SHA256, PINNED_HELM_VERSION } from '../../src/action/helm-tool.js';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

describe('npm package', () => {
  it('is publishable with provenance and installs an oci-mirror command', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'oci-mirror': 'dist/cli.js' });
    expect(pkg.engines.node).toMatch(/^>=2[2-9]/);
    expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
  });

  it('packs the CLI bundle and schemas, not the action bundle, sources or tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const files = (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/cli/index.js',
        'dist/package.json',
        'package.json',
        'README.md',
        'schema/report.schema.json',
      ]),
    );
    expect(files.filter((f) => /^(src|test|bench|demo|scripts)\/|^dist\/[^/]*index\.js$/.test(f))).toEqual(
      [],
    );
    // The launcher the bin points at is executable text with a node shebang.
    expect(readFileSync(join(root, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  }, 60_000);
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const final = stages.at(-1) ?? '';
  const arg = (name: string) => new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(dockerfile)?.[1];

  it('runs the CLI on distroless Node.js 24 as a non-root user', () => {
    expect(arg('RUNTIME_IMAGE')).toMatch(/^gcr\.io\/distroless\/nodejs24-debian\d+:nonroot$/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile build argument.
    expect(final.startsWith('${RUNTIME_IMAGE}')).toBe(true);
    const users = [...final.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBe('nonroot');
    expect(final).not.toMatch(/^USER (root|0)\b/m);
    expect(final).toMatch(/^ENTRYPOINT \["\/nodejs\/bin\/node", "\/app\/dist\/cli\.js"\]$/m);
    // No shell in distroless: no RUN in the final stage.
    expect(final).not.toMatch(/^RUN /m);
  });

  it('installs helm pinned to the same release and sha256 checksums as the action, checked before extracting', () => {
    expect(arg('HELM_VERSION')).toBe(PINNED_HELM_VERSION);
    expect(arg('HELM_SHA256_AMD64')).toBe(PINNED_HELM_SHA256[PINNED_HELM_VERSION]?.amd64);
    expect(arg('HELM_SHA256_ARM64')).toBe(PINNED_HELM_SHA256[PINNED_HELM_VERSION]?.arm64);
    const run = /sha256sum -c -[\s\S]*tar -xzf/.exec(dockerfile);
    expect(run).not.toBeNull();
    expect(final).toMatch(/^ENV HELM_BIN=\/usr\/local\/bin\/helm/m);
  });

  it('copies only paths that exist, and builds with the repository build script', () => {
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm))
      for (const src of (m[1] as string).split(/\s+/)) expect(existsSync(join(root, src)), src).toBe(true);
    expect(dockerfile).toMatch(/^RUN node scripts\/build\.mjs \/out$/m);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8');
    expect(ignored).toMatch(/^node_modules\/$/m);
  });

  it('passes the static check, and the check catches each thing a bad edit breaks', () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
    const broken: [string, (d: string) => string, RegExp][] = [
      ['runs as root', (d) => d.replace(/^USER nonroot$/m, 'USER root'), /runs as root/],
      ['no USER', (d) => d.replace(/^USER nonroot\n/m, ''), /no USER/],
      ['unpinned base', (d) => d.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:latest'), /not pinned/],
      ['untagged base', (d) => d.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node'), /not pinned/],
      [
        'other Node major',
        (d) => d.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:22-bookworm-slim'),
        /Node 24/,
      ],
      ['helm not copied', (d) => d.replace(/^COPY --from=helm .*\n/m, ''), /helm is not copied/],
      ['wrong entrypoint', (d) => d.replace('/app/dist/cli.js', '/app/dist/index.js'), /entrypoint/],
      [
        'shell in runtime',
        (d) => d.replace(/^USER nonroot$/m, 'RUN chmod 755 /app\nUSER nonroot'),
        /RUN in the final stage/,
      ],
    ];
    for (const [what, edit, problem] of broken) {
      const edited = edit(dockerfile);
      expect(edited, what).not.toBe(dockerfile);
      expect(dockerfileProblems(edited).join('\n'), what).toMatch(problem);
    }
  });

  const docker = spawnSync('docker', ['version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!docker)(
    'builds, and the image prints the CLI help as a non-root user',
    () => {
      execFileSync('docker', ['build', '-t', 'oci-mirror:test', root], { stdio: 'inherit' });
      const help = execFileSync('docker', ['run', '--rm', 'oci-mirror:test', '--help'], { encoding: 'utf8' });
      expect(help).toMatch(/oci-mirror sync/);
      const user = execFileSync('docker', ['image', 'inspect', '-f', '{{.Config.User}}', 'oci-mirror:test'], {
        encoding: 'utf8',
      });
      expect(user.trim()).toBe('nonroot');
    },
    900_000,
  );
});

/**
 * What is wrong with a Dockerfile for the CLI image, statically (no engine needed): base images
 * pinned (a tag or digest, never `latest`) on Node.js 24 in every stage; the final stage distroless,
 * without RUN, ending as a non-root USER; helm copied in where HELM_BIN points; the entrypoint is the
 * `dist/cli.js` launcher that scripts/build.mjs writes into the directory copied to /app/dist.
 */
function dockerfileProblems(text: string): string[] {
  const problems: string[] = [];
  const args = new Map(
    [...text.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
  const stages = text.split(/^FROM /m).slice(1);
  const images = stages.map((st) =>
    (st.split(/\s/)[0] ?? '').replace(/^\$\{(\w+)\}$/, (_, n: string) => args.get(n) ?? ''),
  );
  for (const image of images) {
    const tag = /^[^@]+:([^/@]+)$/.exec(image)?.[1];
    if (!image.includes('@sha256:') && (tag === undefined || tag === 'latest'))
      problems.push(`base image ${image || '(unset)'} is not pinned to a tag or digest`);
    if (!/(^|\/)node(js)?:?24(\D|$)/.test(image)) problems.push(`base image ${image} is not Node 24`);
  }
  const final = stages.at(-1) ?? '';
  if (!/^gcr\.io\/distroless\/nodejs24-debian\d+:nonroot(@sha256:[0-9a-f]{64})?$/.test(images.at(-1) ?? ''))
    problems.push(`the final stage is ${images.at(-1)}, not distroless Node.js 24 (nonroot)`);
  if (/^RUN /m.test(final)) problems.push('RUN in the final stage (distroless has no shell)');
  const user = [...final.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]).at(-1);
  if (user === undefined) problems.push('no USER in the final stage: it would run as root');
  else if (/^(root|0)(:|$)/.test(user)) problems.push(`the final stage runs as root (USER ${user})`);
  const helm = /^COPY --from=helm (\S+) (\S+)$/m.exec(final);
  const helmBin = /^ENV HELM_BIN=(\S+)/m.exec(final)?.[1];
  if (!helm) problems.push('helm is not copied into the final stage');
  else if (helmBin !== helm[2]) problems.push(`HELM_BIN=${helmBin} is not where helm is copied (${helm[2]})`);
  const dist = /^COPY --from=build \/out\/ (\S+)\/$/m.exec(final)?.[1];
  const entry = /^ENTRYPOINT \["\/nodejs\/bin\/node", "([^"]+)"\]$/m.exec(final)?.[1];
  const launcher = pkg.bin?.['oci-mirror'] as string | undefined;
  const builds = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8').includes("join(out, 'cli.js')");
  if (!dist || !entry || entry !== `${dist}/cli.js` || launcher !== 'dist/cli.js' || !builds)
    problems.push(`the entrypoint ${entry} is not the dist/cli.js launcher the build writes to ${dist}/`);
  return problems;
}
