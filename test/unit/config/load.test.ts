import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigNotFound } from '../../../src/config/errors.js';
import { ConfigErrors, loadConfig, loadConfigText } from '../../../src/config/index.js';

const B = 'apiVersion: oci-mirror/v1\nkind: Config\n';
const dir = mkdtempSync(join(tmpdir(), 'oci-mirror-load-'));

async function rejects(p: Promise<unknown>): Promise<ConfigErrors> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigErrors);
    return err as ConfigErrors;
  }
  throw new Error('expected ConfigErrors');
}

describe('sources', () => {
  const yaml = `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app\n`;

  it('reads a file and resolves paths against its directory', async () => {
    const file = join(dir, 'mirror.yaml');
    writeFileSync(file, yaml);
    const c = await loadConfig({ path: file, env: {} });
    expect(c.file).toBe(file);
    expect(c.dir).toBe(dir);
    expect(c.artifacts[0]?.position).toEqual({ file, line: 4, column: 5 });
  });

  it('reads stdin for `-`, with the working directory as root', async () => {
    const c = await loadConfig({ path: '-', stdin: yaml, env: {}, cwd: dir });
    expect(c.file).toBe('<stdin>');
    expect(c.dir).toBe(dir);
    expect(c.artifacts).toHaveLength(1);
  });

  it('reads the YAML itself from OCI_MIRROR_CONFIG when no path is given', async () => {
    const c = await loadConfig({ env: { OCI_MIRROR_CONFIG: yaml }, cwd: dir });
    expect(c.file).toBe('$OCI_MIRROR_CONFIG');
    expect(c.artifacts[0]?.destinations).toEqual(['r.example.com/app']);
  });

  it('reports errors in OCI_MIRROR_CONFIG under that name', async () => {
    const e = await rejects(loadConfig({ env: { OCI_MIRROR_CONFIG: `${B}artifact: []\n` } }));
    expect(e.message).toContain('$OCI_MIRROR_CONFIG:3:1: artifact: unknown field `artifact`');
  });

  it('explains a missing source', async () => {
    const e = await rejects(loadConfig({ env: {} }));
    expect(e.errors[0]?.problem).toMatch(/no config given/);
    const e2 = await rejects(loadConfig({ path: '-', env: {} }));
    expect(e2.errors[0]?.problem).toMatch(/no config on standard input/);
    const e3 = await rejects(loadConfig({ path: join(dir, 'nope.yaml'), env: {} }));
    // Not "invalid config at 1:1": where it was looked for, and what to do.
    expect(e3).toBeInstanceOf(ConfigNotFound);
    expect(e3.message).toMatch(
      /^config file not found: .*nope\.yaml \(looked for \/.*nope\.yaml\)\nhint: pass the path of your mirror config/,
    );
    expect(e3.message).not.toMatch(/:1:1/);
    expect(e3.errors[0]?.cause).toBeDefined();
  });
});

describe('environment substitution', () => {
  const load = (yaml: string, env: NodeJS.ProcessEnv, envsubst = true) =>
    loadConfigText(yaml, { file: 'c.yaml', dir, env, envsubst });

  it('substitutes values and keys, re-types plain scalars, keeps bare $name', () => {
    const c = load(
      `${B}\${TOP}:\n  - source: \${SRC}/org/app\n    destination: "\${DST}/app"\n    selector:\n      limit: \${N}\n      regex: { pattern: '^v(?P<v>.*)$', extract: $v }\n    overwrite: \${OW}\n`,
      { TOP: 'artifacts', SRC: 'localhost:5000', DST: 'localhost:5001', N: '3', OW: 'true' },
    );
    const a = c.artifacts[0];
    expect(a?.source).toBe('localhost:5000/org/app');
    expect(a?.destinations).toEqual(['localhost:5001/app']);
    expect(a?.selector.limit).toBe(3);
    expect(a?.selector.regex).toEqual({ pattern: '^v(?P<v>.*)$', extract: '$v' });
    expect(a?.overwrite).toBe(true);
    expect(c.secrets).toEqual([]);
  });

  it('keeps quoted scalars strings', () => {
    const e = (() => {
      try {
        load(
          `${B}artifacts:\n  - source: ghcr.io/a/b\n    destination: r.example.com/b\n    selector: { limit: "\${N}" }\n`,
          {
            N: '3',
          },
        );
      } catch (err) {
        return err as ConfigErrors;
      }
      return undefined;
    })();
    expect(e?.errors[0]?.problem).toBe('expected a whole number, got a string');
  });

  it('supports VAR:-default and $$ escapes', () => {
    const c = load(
      `${B}artifacts:\n  - source: \${SRC:-ghcr.io}/org/app\n    destination: r.example.com/app\n    selector: { exclude: ["$$x"] }\n`,
      {},
    );
    expect(c.artifacts[0]?.source).toBe('ghcr.io/org/app');
    expect(c.artifacts[0]?.selector.exclude).toEqual(['$x']);
  });

  it('reports every missing variable at its own position', () => {
    try {
      load(`${B}artifacts:\n  - source: \${A}/x/\${B_}\n    destination: \${C}/y\n`, {});
      expect.unreachable();
    } catch (err) {
      const e = err as ConfigErrors;
      expect(e.errors.map((x) => `${x.line}:${x.column} ${x.path} ${x.problem}`)).toEqual([
        '4:13 artifacts[0].source environment variable A is not set',
        '4:20 artifacts[0].source environment variable B_ is not set',
        '5:18 artifacts[0].destination environment variable C is not set',
      ]);
      expect(e.errors[0]?.hint).toMatch(/\$\{A:-default\}/);
    }
  });

  it('substitutes nothing with envsubst: false', () => {
    const c = load(
      `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app\n    selector: { exclude: ["\${T}", "$$"] }\n`,
      {},
      false,
    );
    expect(c.artifacts[0]?.selector.exclude).toEqual([`\${T}`, '$$']);
  });

  it('masks secret-looking variables and credential fields, never printing them', () => {
    const env = { REG_TOKEN: 'tok-123456', PLAIN: 's3cr3t-value', USER_NAME: 'robot', REPO: 'UPPER' };
    const ok = load(
      `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app\nhosts:\n  - host: r.example.com\n    username: \${USER_NAME}\n    credential:\n      value: \${PLAIN}\n  - host: q.example.com\n    credential:\n      provider: github\n      audience: \${REG_TOKEN}\n`,
      env,
    );
    expect(ok.secrets.sort()).toEqual(['s3cr3t-value', 'tok-123456']);
    expect(ok.hosts[0]?.credential?.value).toBe('s3cr3t-value');
    expect(ok.hosts[0]?.username).toBe('robot');

    try {
      load(
        `${B}artifacts:\n  - source: ghcr.io/\${REG_TOKEN}/\${REPO}\n    destination: r.example.com/app\n`,
        env,
      );
      expect.unreachable();
    } catch (err) {
      const e = err as ConfigErrors;
      expect(e.message).not.toContain('tok-123456');
      expect(e.message).toContain('***');
      expect(e.errors[0]?.path).toBe('artifacts[0].source');
    }
  });

  it('treats inline credential material as secret', () => {
    const c = load(
      `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app\nhosts:\n  - host: r.example.com\n    credential: { jwkValue: '{"kty":"EC"}', issuer: i, subject: s }\n    tls: { clientAuth: { certValue: CERT, keyValue: PRIVATEKEY } }\n`,
      {},
    );
    expect(c.secrets.sort()).toEqual(['PRIVATEKEY', '{"kty":"EC"}']);
  });
});

describe('our dialect: defaults and normalisation', () => {
  const load = (yaml: string) => loadConfigText(yaml, { file: 'c.yaml', dir, env: {} });

  it('applies flux-compatible defaults', () => {
    const c = load(`${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app\n`);
    expect(c.dialect).toBe('oci-mirror/v1');
    expect(c.defaults).toEqual({ overwrite: false, includeReferrers: false });
    expect(c.artifacts[0]).toEqual({
      name: 'ghcr.io/org/app',
      source: 'ghcr.io/org/app',
      destinations: ['r.example.com/app'],
      selector: { sortBy: 'semver', limit: 1 },
      overwrite: false,
      includeReferrers: false,
      position: { file: 'c.yaml', line: 4, column: 5 },
    });
    expect(c.charts).toEqual([]);
    expect(c.hosts).toEqual([]);
  });

  it('appends the source repository path to defaults.destination', () => {
    const c = load(
      `${B}defaults: { destination: reg.example.com/mirror/, concurrency: 8, overwrite: true, includeReferrers: true }\nartifacts:\n  - source: ghcr.io/stefanprodan/podinfo\n  - source: nginx:1.27\n  - source: docker.io/bitnami/redis@sha256:${'a'.repeat(64)}\n    overwrite: false\n  - source: quay.io/x/y\n    destinations: [a.example.com/y, b.example.com/y]\n    includeReferrers: false\n`,
    );
    expect(c.defaults).toEqual({
      destination: 'reg.example.com/mirror',
      concurrency: 8,
      overwrite: true,
      includeReferrers: true,
    });
    expect(c.artifacts.map((a) => a.destinations)).toEqual([
      ['reg.example.com/mirror/stefanprodan/podinfo'],
      ['reg.example.com/mirror/library/nginx'],
      ['reg.example.com/mirror/bitnami/redis'],
      ['a.example.com/y', 'b.example.com/y'],
    ]);
    expect(c.artifacts[1]?.selector).toEqual({ sortBy: 'semver', limit: 1, tags: ['1.27'] });
    expect(c.artifacts[2]?.selector.digests).toEqual([`sha256:${'a'.repeat(64)}`]);
    expect(c.artifacts.map((a) => [a.overwrite, a.includeReferrers])).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [true, false],
    ]);
  });

  it('keeps the full selector, platforms and verify', () => {
    const c = load(
      `${B}artifacts:\n  - name: app\n    source: ghcr.io/org/app\n    destination: r.example.com/app\n    platforms: [linux/amd64, linux/arm64/v8]\n    selector:\n      regex: { pattern: '^v(?P<ver>[0-9.]+)$', extract: '$\${ver}' }\n      semver: ">= 1.0, < 2.0"\n      prerelease: true\n      glob: "v1.*"\n      exclude: [v1.0.0]\n      sortBy: numerical\n      limit: 0\n    verify:\n      provider: cosign\n      minAge: 1h30m\n      matchOIDCIdentity: [{ issuer: https://token.actions.githubusercontent.com, subject: ^https://github\\.com/org/ }]\n`,
    );
    const a = c.artifacts[0];
    expect(a?.name).toBe('app');
    expect(a?.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(a?.selector).toEqual({
      regex: { pattern: '^v(?P<ver>[0-9.]+)$', extract: `\${ver}` },
      semver: '>= 1.0, < 2.0',
      prerelease: true,
      glob: ['v1.*'],
      exclude: ['v1.0.0'],
      sortBy: 'numerical',
      limit: 0,
    });
    expect(a?.verify).toEqual({
      provider: 'cosign',
      minAge: '1h30m',
      minAgeMs: 5_400_000,
      matchOIDCIdentity: [
        { issuer: 'https://token.actions.githubusercontent.com', subject: '^https://github\\.com/org/' },
      ],
    });
  });

  it('normalises charts and hosts', () => {
    const c = load(
      `${B}defaults: { destination: reg.example.com/mirror }\ncharts:\n  - name: vault\n    source: https://helm.releases.hashicorp.com\n    version: "0.28.x"\n    limit: 2\n    images: { values: { server: { ha: { enabled: true } } } }\n  - name: local\n    source: ./charts/local\n    destination: oci://r.example.com/charts/\nhosts:\n  - host: 123456789012.dkr.ecr.us-east-1.amazonaws.com\n    provider: ecr\n    roleArn: arn:aws:iam::123456789012:role/mirror\n  - host: localhost:5000\n    plainHTTP: true\n    maxChunkSize: 1024\n  - host: r.example.com\n    insecure: true\n    tls:\n      serverAuth: { caFromPath: certs/ca.pem }\n      clientAuth: { certFromPath: certs/c.pem, keyFromPath: certs/c.key }\n`,
    );
    expect(c.charts[0]).toMatchObject({
      name: 'vault',
      destination: 'oci://reg.example.com/mirror',
      repository: 'reg.example.com/mirror/vault',
      version: '0.28.x',
      limit: 2,
      overwrite: false,
      images: {
        discover: true,
        destination: 'reg.example.com/mirror',
        values: { server: { ha: { enabled: true } } },
      },
      position: { file: 'c.yaml', line: 5, column: 5 },
    });
    expect(c.charts[1]).toMatchObject({
      repository: 'r.example.com/charts/local',
      localPath: resolve(dir, 'charts/local'),
      version: '*',
      limit: 1,
    });
    expect(c.hosts[0]).toMatchObject({ provider: 'ecr', roleArn: 'arn:aws:iam::123456789012:role/mirror' });
    expect(c.hosts[1]).toMatchObject({ host: 'localhost:5000', plainHTTP: true, maxChunkSize: 1024 * 1024 });
    expect(c.hosts[2]?.tls).toEqual({
      serverAuth: { caFromPath: join(dir, 'certs/ca.pem') },
      clientAuth: { certFromPath: join(dir, 'certs/c.pem'), keyFromPath: join(dir, 'certs/c.key') },
    });
  });

  it('names repeated implicit sources after their destination (flux fan-out)', () => {
    const c = load(
      `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: a.example.com/app\n  - source: ghcr.io/org/app\n    destination: b.example.com/app\n`,
    );
    expect(c.artifacts.map((a) => a.name)).toEqual([
      'ghcr.io/org/app → a.example.com/app',
      'ghcr.io/org/app → b.example.com/app',
    ]);
  });
});

describe('parseGoDuration', () => {
  it('parses Go durations, and days only when asked', async () => {
    const { parseGoDuration } = await import('../../../src/config/checks.js');
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('7d')).toMatch(/is not a duration/);
    expect(parseGoDuration('7d', { days: true })).toBe(7 * 86_400_000);
    expect(parseGoDuration('-5m')).toBe('must not be negative');
    expect(parseGoDuration('5 minutes')).toMatch(/is not a duration/);
  });
});

describe('a credential whose $VAR is set but empty (fork and Dependabot pull requests)', () => {
  const yaml = `${B}artifacts:
  - source: ghcr.io/org/app
    destination: r.example.com/app
hosts:
  - host: r.example.com
    username: bot
    credential: { value: "\${REGISTRY_PASSWORD}" }
`;

  it('is an error naming the variable and why it may be empty, not "needs one source"', () => {
    let e: ConfigErrors | undefined;
    try {
      loadConfigText(yaml, { file: 'm.yaml', dir, env: { REGISTRY_PASSWORD: '' } });
    } catch (err) {
      e = err as ConfigErrors;
    }
    expect(e?.errors.map((x) => x.message)).toEqual([
      expect.stringMatching(
        /^m\.yaml:9:\d+: hosts\[0\]\.credential\.value: `\$\{REGISTRY_PASSWORD\}` is set but empty, so this credential has no value \(GitHub passes no secrets to workflows of pull requests from forks, Dependabot runs only get Dependabot secrets/,
      ),
    ]);
  });

  it('a variable that is not set at all stays "not set"', () => {
    expect(() => loadConfigText(yaml, { file: 'm.yaml', dir, env: {} })).toThrow(
      /environment variable REGISTRY_PASSWORD is not set/,
    );
  });

  it('loads the host without a credential, marked, when empty secrets are read anonymously (plans)', () => {
    const c = loadConfigText(yaml, {
      file: 'm.yaml',
      dir,
      env: { REGISTRY_PASSWORD: '' },
      emptySecrets: 'anonymous',
    });
    expect(c.hosts[0]).toMatchObject({ host: 'r.example.com', missingSecret: 'REGISTRY_PASSWORD' });
    expect(c.hosts[0]?.credential).toBeUndefined();
  });

  it('a literal empty value is still "needs one source"', () => {
    const literal = yaml.replace(/"\$\{REGISTRY_PASSWORD\}"/, '""');
    expect(() =>
      loadConfigText(literal, { file: 'm.yaml', dir, env: {}, emptySecrets: 'anonymous' }),
    ).toThrow(/the credential needs one source/);
  });
});
