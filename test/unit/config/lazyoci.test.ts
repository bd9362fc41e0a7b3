/**
 * lazyoci's `mirror.yaml`: the documented examples (test/fixtures/config/lazyoci/) load and
 * normalise to chart entries with lazyoci's destination names; bad files are reported at their
 * exact file:line:column.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigErrors, loadConfig, loadConfigText } from '../../../src/config/index.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/config/lazyoci');
const env = { SRC: 'localhost:5000', DST: 'localhost:5001', CHARTS: 'http://127.0.0.1:8080' };
const load = (name: string) => loadConfig({ path: join(FIXTURES, name), env });
const at = (name: string, line: number, column: number) => ({ file: join(FIXTURES, name), line, column });
const dir = mkdtempSync(join(tmpdir(), 'oci-mirror-lazyoci-'));
const text = (yaml: string, e: NodeJS.ProcessEnv = {}) =>
  loadConfigText(yaml, { file: 'mirror.yaml', dir, env: e });

/** Images as lazyoci maps them: under target.url, no extra prefix. */
const images = (destination: string) => ({ discover: true, destination });

describe('lazyoci mirror.yaml fixtures', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));

  it('has every documented example', () => {
    expect(files.sort()).toEqual([
      'examples-mirror.yaml',
      'guide-charts-prefix.yaml',
      'guide-insecure.yaml',
      'guide-minimal.yaml',
      'guide-sources.yaml',
      'reference-example.yaml',
    ]);
  });

  it.each(files)('%s loads as lazyoci/mirror', async (f) => {
    const c = await load(f);
    expect(c.dialect).toBe('lazyoci/mirror');
    expect(c.artifacts).toEqual([]);
    expect(c.charts.length).toBeGreaterThan(0);
    expect(c.dir).toBe(FIXTURES);
  });

  it('guide-minimal.yaml: no charts-prefix → charts directly under target.url', async () => {
    const c = await load('guide-minimal.yaml');
    expect(c).toEqual({
      file: join(FIXTURES, 'guide-minimal.yaml'),
      dir: FIXTURES,
      dialect: 'lazyoci/mirror',
      defaults: { overwrite: false, includeReferrers: false, destination: 'localhost:5001/team' },
      artifacts: [],
      hosts: [],
      secrets: [],
      charts: [
        {
          name: 'vault',
          upstream: 'vault',
          source: 'http://127.0.0.1:8080/hashicorp',
          destination: 'oci://localhost:5001/team',
          repository: 'localhost:5001/team/vault',
          version: '0.28.0',
          limit: 1,
          overwrite: false,
          images: images('localhost:5001/team'),
          position: at('guide-minimal.yaml', 10, 9),
        },
      ],
    });
  });

  it('reference-example.yaml: every source type, one entry per listed version, charts-prefix', async () => {
    const c = await load('reference-example.yaml');
    const base = {
      destination: 'oci://localhost:5001/ns/charts',
      overwrite: false,
      images: images('localhost:5001/ns'),
    };
    expect(c.hosts).toEqual([]); // insecure: false
    expect(c.defaults.destination).toBe('localhost:5001/ns');
    expect(c.charts).toEqual([
      {
        ...base,
        name: 'vault',
        upstream: 'vault',
        source: 'http://127.0.0.1:8080/hashicorp',
        repository: 'localhost:5001/ns/charts/vault',
        version: '0.28.0',
        limit: 1,
        position: at('reference-example.yaml', 12, 9),
      },
      {
        ...base,
        name: 'vault',
        upstream: 'vault',
        source: 'http://127.0.0.1:8080/hashicorp',
        repository: 'localhost:5001/ns/charts/vault',
        version: '0.29.0',
        limit: 1,
        position: at('reference-example.yaml', 13, 9),
      },
      {
        ...base,
        name: 'keycloak',
        upstream: 'keycloak',
        source: 'oci://localhost:5000/bitnamicharts/keycloak',
        repository: 'localhost:5001/ns/charts/keycloak',
        version: '24.0.1',
        limit: 1,
        position: at('reference-example.yaml', 20, 9),
      },
      {
        ...base,
        name: 'demo-app',
        upstream: 'demo-app',
        source: './charts/demo-app',
        localPath: join(FIXTURES, 'charts/demo-app'),
        repository: 'localhost:5001/ns/charts/demo-app',
        version: '*',
        limit: 1,
        position: at('reference-example.yaml', 22, 3),
      },
    ]);
  });

  it('guide-sources.yaml: the three source types under target.url', async () => {
    const c = await load('guide-sources.yaml');
    expect(c.charts.map((e) => [e.source, e.repository, e.version, e.localPath])).toEqual([
      ['http://127.0.0.1:8080/hashicorp', 'localhost:5001/team/vault', '0.28.0', undefined],
      ['http://127.0.0.1:8080/hashicorp', 'localhost:5001/team/vault', '0.29.0', undefined],
      ['oci://localhost:5000/bitnamicharts/keycloak', 'localhost:5001/team/keycloak', '24.0.1', undefined],
      [
        './charts/internal-app',
        'localhost:5001/team/internal-app',
        '*',
        join(FIXTURES, 'charts/internal-app'),
      ],
    ]);
  });

  it('guide-charts-prefix.yaml: charts under <url>/charts, images under <url>', async () => {
    const c = await load('guide-charts-prefix.yaml');
    expect(c.charts[0]?.repository).toBe('localhost:5001/team/charts/vault');
    expect(c.charts[0]?.images).toEqual(images('localhost:5001/team'));
  });

  it('guide-insecure.yaml / examples-mirror.yaml: insecure → plain HTTP to the target host', async () => {
    for (const [f, line] of [
      ['guide-insecure.yaml', 3],
      ['examples-mirror.yaml', 5],
    ] as const) {
      const c = await load(f);
      expect(c.hosts).toEqual([{ host: 'localhost:5001', plainHTTP: true, position: at(f, line, 13) }]);
    }
    const c = await load('examples-mirror.yaml');
    expect(
      c.charts.map((e) => [e.name, e.repository, e.version, e.position.line, e.position.column]),
    ).toEqual([
      ['vault', 'localhost:5001/charts/vault', '0.28.0', 16, 16],
      ['keycloak', 'localhost:5001/charts/keycloak', '24.0.1', 24, 16],
      ['demo-app', 'localhost:5001/charts/demo-app', '*', 28, 3],
    ]);
  });
});

describe('lazyoci mirror.yaml semantics', () => {
  it('is recognised by target or upstreams alone; anything else still needs apiVersion', () => {
    expect(() => text('foo: 1\n')).toThrow(
      /mirror\.yaml:1:1: apiVersion: missing required field `apiVersion`/,
    );
    expect(() => text('target:\n  url: reg.example.com\n')).toThrow(
      /mirror\.yaml:1:1: upstreams: missing required field `upstreams`/,
    );
    // An apiVersion or kind means it is not lazyoci's file.
    expect(() => text('kind: Config\ntarget: {}\nupstreams: {}\n')).toThrow(
      /missing required field `apiVersion`/,
    );
  });

  it('takes unquoted versions by their text, as yaml.v3 does for a []string', () => {
    const c = text(
      'target: { url: reg.example.com }\nupstreams:\n  a: { type: repo, repo: "https://x.example.com", chart: a, versions: [1.10, 2, "^3.0.0"] }\n',
    );
    expect(c.charts.map((e) => e.version)).toEqual(['1.10', '2', '^3.0.0']);
  });

  it("accepts yaml.v3's YAML 1.1 booleans for insecure, ignores unknown keys, skips upstreams without versions", () => {
    const c = text(`# lazyoci ignores keys it does not know
owner: platform-team
target:
  url: reg.example.com:8443/mirror/
  insecure: yes
  note: pushed nightly
upstreams:
  vault:
    type: repo
    repo: https://helm.releases.hashicorp.com
    chart: vault
    versions: ["0.28.0", "0.28.0"]
    comment: pinned
  later:
    type: oci
    registry: oci://ghcr.io/org/charts/
    chart: later
`);
    expect(c.hosts).toEqual([
      {
        host: 'reg.example.com:8443',
        plainHTTP: true,
        position: { file: 'mirror.yaml', line: 5, column: 13 },
      },
    ]);
    expect(c.charts.map((e) => [e.repository, e.version])).toEqual([
      ['reg.example.com:8443/mirror/vault', '0.28.0'],
    ]);
    expect(c.charts[0]?.images).toEqual(images('reg.example.com:8443/mirror'));
  });

  it('pulls an OCI chart from <registry>/<chart> even when the registry path ends in the chart name', () => {
    const c = text(
      'target: { url: reg.example.com }\nupstreams:\n  v: { type: oci, registry: "oci://ghcr.io/org/vault", chart: vault, versions: ["1.0.0"] }\n',
    );
    expect(c.charts[0]?.source).toBe('oci://ghcr.io/org/vault/vault');
  });
});

/** One problem as `line:column path: message (hint)`. */
function problems(yaml: string, e: NodeJS.ProcessEnv = {}): string[] {
  try {
    text(yaml, e);
  } catch (err) {
    if (err instanceof ConfigErrors) {
      expect(err.errors.every((x) => x.file === 'mirror.yaml')).toBe(true);
      return err.errors.map(
        (x) => `${x.line}:${x.column} ${x.path}: ${x.problem}${x.hint ? ` (${x.hint})` : ''}`,
      );
    }
    throw err;
  }
  return [];
}

const T = 'target:\n  url: reg.example.com/team\n';
const U = (body: string) => `${T}upstreams:\n  vault:\n${body}`;
const REPO = '    type: repo\n    repo: https://helm.releases.hashicorp.com\n    chart: vault\n';

describe('bad lazyoci configs', () => {
  const cases: { name: string; yaml: string; env?: NodeJS.ProcessEnv; want: string[] }[] = [
    {
      name: 'no upstreams',
      yaml: T,
      want: ['1:1 upstreams: missing required field `upstreams`'],
    },
    {
      name: 'no target.url',
      yaml: `target:\n  insecure: true\nupstreams:\n  vault:\n${REPO}    versions: ["0.28.0"]\n`,
      want: ['2:3 target.url: missing required field `url`'],
    },
    {
      name: 'target.url with a scheme',
      yaml: `target:\n  url: https://reg.example.com/team\nupstreams:\n  vault:\n${REPO}    versions: ["0.28.0"]\n`,
      want: [
        '2:8 target.url: `https://reg.example.com/team` must be a registry host and path, without a scheme (use `reg.example.com/team`)',
      ],
    },
    {
      name: 'target.url without a registry host',
      yaml: `target:\n  url: team/charts\nupstreams:\n  vault:\n${REPO}    versions: ["0.28.0"]\n`,
      want: [
        '2:8 target.url: `team` does not look like a registry host (lazyoci takes the first path segment as the host; e.g. registry.example.com/team/charts)',
      ],
    },
    {
      name: 'misspelt charts-prefix',
      yaml: `${T}  charts_prefix: charts\nupstreams:\n  vault:\n${REPO}    versions: ["0.28.0"]\n`,
      want: [
        '3:3 target.charts_prefix: unknown field `charts_prefix` (did you mean `charts-prefix`? lazyoci would silently ignore this key)',
      ],
    },
    {
      name: 'insecure that yaml.v3 cannot decode into a bool',
      yaml: `${T}  insecure: "maybe"\nupstreams:\n  vault:\n${REPO}    versions: ["0.28.0"]\n`,
      want: ['3:13 target.insecure: expected true or false, got `maybe`'],
    },
    {
      name: 'empty upstreams',
      yaml: `${T}upstreams: {}\n`,
      want: ['3:12 upstreams: expected at least 1 entry, got none'],
    },
    {
      name: 'unknown source type',
      yaml: U('    type: git\n    chart: vault\n    versions: ["0.28.0"]\n'),
      want: ['5:11 upstreams.vault.type: expected one of `repo`, `oci`, `local`, got `git`'],
    },
    {
      name: 'type repo without repo',
      yaml: U('    type: repo\n    chart: vault\n    versions: ["0.28.0"]\n'),
      want: ['5:5 upstreams.vault.repo: missing required field `repo`'],
    },
    {
      name: 'no chart',
      yaml: U('    type: repo\n    repo: https://charts.example.com\n    versions: ["0.28.0"]\n'),
      want: ['5:5 upstreams.vault.chart: missing required field `chart`'],
    },
    {
      name: 'repo that is an oci:// URL',
      yaml: U(
        '    type: repo\n    repo: oci://ghcr.io/org/charts\n    chart: vault\n    versions: ["1.0.0"]\n',
      ),
      want: [
        '6:11 upstreams.vault.repo: `oci://ghcr.io/org/charts` must be an http:// or https:// Helm repository URL (for charts in an OCI registry use `type: oci` with `registry`)',
      ],
    },
    {
      name: 'OCI registry without oci://',
      yaml: U(
        '    type: oci\n    registry: registry-1.docker.io/bitnamicharts\n    chart: keycloak\n    versions: ["24.0.1"]\n',
      ),
      want: [
        '6:15 upstreams.vault.registry: `registry-1.docker.io/bitnamicharts` must start with oci:// (oci://registry-1.docker.io/bitnamicharts)',
      ],
    },
    {
      name: 'local path outside the config directory',
      yaml: U('    type: local\n    path: ../elsewhere/app\n    chart: app\n    versions: ["1.0.0"]\n'),
      want: ['6:11 upstreams.vault.path: `../elsewhere/app` leaves the config directory'],
    },
    {
      name: 'upper-case chart name',
      yaml: U(
        '    type: repo\n    repo: https://charts.example.com\n    chart: Vault\n    versions: ["1.0.0"]\n',
      ),
      want: [
        '7:12 upstreams.vault.chart: `Vault` is not a valid chart name (lowercase letters, digits, . _ -)',
      ],
    },
    {
      name: 'misspelt versions',
      yaml: U(`${REPO}    version: "0.28.0"\n`),
      want: [
        '8:5 upstreams.vault.version: unknown field `version` (did you mean `versions`? lazyoci would silently ignore this key)',
      ],
    },
    {
      name: 'versions as a string',
      yaml: U(`${REPO}    versions: "0.28.0"\n`),
      want: ['8:15 upstreams.vault.versions: expected a list or null, got a string'],
    },
    {
      name: 'a version helm cannot read',
      yaml: U(`${REPO}    versions:\n      - "0.28.0"\n      - "latest"\n`),
      want: [
        expect.stringMatching(
          /^10:9 upstreams\.vault\.versions\[1\]: `latest` is not a valid version range: .* \(helm --version takes an exact version/,
        ) as unknown as string,
      ],
    },
    {
      name: 'no upstream lists versions',
      yaml: U(REPO),
      want: [
        '3:1 upstreams: nothing to mirror: no upstream lists any `versions` (lazyoci skips an upstream without versions)',
      ],
    },
    {
      name: 'unset placeholder',
      yaml: `target:\n  url: \${DST}/team\nupstreams:\n  vault:\n${REPO}    versions: ["0.28.0"]\n`,
      want: [
        `2:8 target.url: environment variable DST is not set (set DST, give a default with \${DST:-default}, or disable substitution)`,
      ],
    },
  ];

  it('has at least 8 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('$name', ({ yaml, env: e, want }) => {
    expect(problems(yaml, e)).toEqual(want);
  });

  it('reports every problem of one file, in order', () => {
    expect(
      problems(`target:
  url: http://reg.example.com
upstreams:
  a:
    type: oci
    registry: ghcr.io/org
    chart: a
    versions: ["1.0.0"]
  b:
    type: local
    path: /etc/charts/b
    chart: b
    versions: ["1.0.0"]
`),
    ).toEqual([
      '2:8 target.url: `http://reg.example.com` must be a registry host and path, without a scheme (use `reg.example.com`)',
      '6:15 upstreams.a.registry: `ghcr.io/org` must start with oci:// (oci://ghcr.io/org)',
      '11:11 upstreams.b.path: `/etc/charts/b` is outside the config directory',
    ]);
  });
});
