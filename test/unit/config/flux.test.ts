import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigErrors, loadConfig, loadConfigText } from '../../../src/config/index.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/config/flux');
const env = {
  SRC: 'localhost:5000',
  DST: 'localhost:5001',
  CHARTS: 'http://127.0.0.1:8080',
  QUAY_TOKEN: 'robot-token-1234',
};
const load = (name: string) => loadConfig({ path: join(FIXTURES, name), env });
const at = (name: string, line: number, column: number) => ({ file: join(FIXTURES, name), line, column });

const cosign = (minAge: string, ms: number) => ({
  provider: 'cosign',
  minAge,
  minAgeMs: ms,
  matchOIDCIdentity: [
    {
      issuer: 'https://token.actions.githubusercontent.com',
      subject: '^https://github\\.com/stefanprodan/.*$',
    },
  ],
});

describe('flux mirror fixtures', () => {
  // readme-hosts-spiffe.yaml is checked on its own (below).
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml') && !f.includes('spiffe'));

  it('has every documented example', () => {
    expect(files.sort()).toEqual([
      'artifacts.yaml',
      'charts.yaml',
      'cronjob-config.yaml',
      'podinfo.yaml',
      'readme-artifacts.yaml',
      'readme-charts.yaml',
      'readme-example.yaml',
      'readme-hosts-v1beta2.yaml',
      'readme-hosts.yaml',
    ]);
    expect(readdirSync(FIXTURES)).toContain('readme-hosts-spiffe.yaml');
  });

  it.each(files)('%s loads', async (f) => {
    const c = await load(f);
    expect(c.dialect).toMatch(/^mirror\.plugin\.fluxcd\.io\/v1beta[12]$/);
    expect(c.defaults).toEqual({ overwrite: false, includeReferrers: false });
    expect(c.dir).toBe(FIXTURES);
  });

  it('podinfo.yaml (v1beta2) normalises to the model', async () => {
    const c = await load('podinfo.yaml');
    expect(c).toEqual({
      file: join(FIXTURES, 'podinfo.yaml'),
      dir: FIXTURES,
      dialect: 'mirror.plugin.fluxcd.io/v1beta2',
      defaults: { overwrite: false, includeReferrers: false },
      secrets: [],
      hosts: [],
      charts: [
        {
          name: 'podinfo',
          source: 'http://127.0.0.1:8080/podinfo',
          destination: 'oci://localhost:5001/charts',
          repository: 'localhost:5001/charts/podinfo',
          version: '6.11.x',
          limit: 2,
          overwrite: false,
          position: at('podinfo.yaml', 5, 5),
        },
      ],
      artifacts: [
        {
          name: 'localhost:5000/stefanprodan/manifests/podinfo',
          source: 'localhost:5000/stefanprodan/manifests/podinfo',
          destinations: ['localhost:5001/manifests/podinfo'],
          selector: {
            regex: { pattern: '^6\\.11\\.(?P<patch>\\d+)$', extract: '$patch' },
            sortBy: 'numerical',
            limit: 2,
          },
          overwrite: true,
          includeReferrers: true,
          verify: cosign('48h', 48 * 3_600_000),
          position: at('podinfo.yaml', 12, 5),
        },
        {
          name: 'localhost:5000/stefanprodan/podinfo',
          source: 'localhost:5000/stefanprodan/podinfo',
          destinations: ['localhost:5001/podinfo'],
          selector: { semver: '6.11.x', sortBy: 'semver', limit: 2 },
          overwrite: false,
          includeReferrers: true,
          verify: cosign('48h', 48 * 3_600_000),
          position: at('podinfo.yaml', 28, 5),
        },
      ],
    });
  });

  it('artifacts.yaml (v1beta1) keeps flux defaults and per-entry flags', async () => {
    const c = await load('artifacts.yaml');
    expect(
      c.artifacts.map((a) => [a.source, a.destinations, a.selector, a.overwrite, a.includeReferrers]),
    ).toEqual([
      [
        'localhost:5000/stefanprodan/charts/podinfo',
        ['localhost:5001/charts/podinfo'],
        { semver: '>=6.9.0', sortBy: 'semver', limit: 3 },
        false,
        true,
      ],
      [
        'localhost:5000/stefanprodan/manifests/podinfo',
        ['localhost:5001/manifests/podinfo'],
        { regex: { pattern: '^latest$' }, sortBy: 'alphabetical', limit: 1 },
        true,
        true,
      ],
      [
        'localhost:5000/stefanprodan/podinfo',
        ['localhost:5001/podinfo'],
        { semver: '6.x', sortBy: 'semver', limit: 2 },
        false,
        true,
      ],
    ]);
    expect(c.artifacts[2]?.verify).toEqual(cosign('24h', 24 * 3_600_000));
    expect(c.charts).toEqual([]);
  });

  it('charts.yaml appends the chart name to the oci:// destination, defaults limit/version', async () => {
    const c = await load('charts.yaml');
    expect(c.charts.map((ch) => [ch.name, ch.repository, ch.version, ch.limit])).toEqual([
      ['metrics-server', 'localhost:5001/charts/metrics-server', '>=3.12.0', 1],
      ['external-dns', 'localhost:5001/charts/external-dns', '>=1.15.0', 1],
    ]);
    expect(c.artifacts[1]).toMatchObject({
      includeReferrers: false,
      selector: { semver: '>=0.15.0', limit: 1 },
    });
  });

  it('readme-artifacts.yaml: regex extract and a limit default', async () => {
    const c = await load('readme-artifacts.yaml');
    expect(c.artifacts[1]?.selector).toEqual({
      regex: { pattern: '^.+-[0-9a-f]+-(?P<ts>\\d+)$', extract: '$ts' },
      sortBy: 'numerical',
      limit: 5,
    });
    expect(c.artifacts[2]?.verify?.minAgeMs).toBe(168 * 3_600_000);
  });

  it('readme-charts.yaml and cronjob-config.yaml', async () => {
    const charts = await load('readme-charts.yaml');
    expect(charts.charts[0]).toMatchObject({
      repository: 'localhost:5001/example/charts/nginx',
      version: '>=15.0.0 <16.0.0',
      limit: 5,
    });
    const cron = await load('cronjob-config.yaml');
    expect(cron.charts[0]).toMatchObject({
      version: '*',
      limit: 1,
      repository: 'localhost:5001/my-org/charts/podinfo',
    });
    expect(cron.artifacts[0]?.selector).toEqual({ semver: '*', sortBy: 'semver', limit: 1 });
  });

  it('readme-example.yaml: username + credential from the environment, masked', async () => {
    const c = await load('readme-example.yaml');
    expect(c.hosts).toEqual([
      {
        host: 'localhost:5001',
        username: 'my-org+robot-user',
        credential: { value: 'robot-token-1234' },
        position: at('readme-example.yaml', 25, 5),
      },
    ]);
    expect(c.secrets).toEqual(['robot-token-1234']);
  });

  it('readme-hosts.yaml (v1beta1) and its v1beta2 translation mean the same', async () => {
    const v1 = await load('readme-hosts.yaml');
    const v2 = await load('readme-hosts-v1beta2.yaml');
    const strip = (hs: typeof v1.hosts) => hs.map(({ position: _p, ...h }) => h);
    const expected = [
      { host: 'registry.example.com', credential: { provider: 'github' } },
      { host: '123456789012.dkr.ecr.us-east-1.amazonaws.com', provider: 'ecr' },
      {
        host: 'localhost:5001',
        tls: {
          serverAuth: { caFromPath: join(FIXTURES, 'certs/ca.crt') },
          clientAuth: {
            certFromPath: join(FIXTURES, 'certs/client.crt'),
            keyFromPath: join(FIXTURES, 'certs/client.key'),
          },
        },
      },
    ];
    expect(strip(v1.hosts)).toEqual(expected);
    expect(strip(v2.hosts).slice(0, 3)).toEqual(expected);
    expect(strip(v2.hosts)[3]).toEqual({
      host: 'localhost:5000',
      username: 'mirror',
      credential: {
        jwkPath: join(FIXTURES, 'keys/mirror.jwk'),
        issuer: 'https://ci.example.com',
        subject: 'mirror',
        audience: 'registry.example.com',
        audiences: ['registry.example.com'],
        expiration: '5m',
      },
    });
    expect(v1.hosts[1]?.position).toEqual(at('readme-hosts.yaml', 18, 5));
  });

  it('maps v1beta1 credential claim names onto the model', async () => {
    const c = loadConfigText(
      'apiVersion: mirror.plugin.fluxcd.io/v1beta1\nkind: Config\nartifacts:\n  - source: a.example.com/x\n    destination: b.example.com/x\n    selector: {}\nhosts:\n  - host: b.example.com\n    username: u\n    credential:\n      jwkPath: k.jwk\n      iss: https://i\n      sub: s\n      aud: b\n      exp: 2m\n  - host: c.example.com\n    maxChunkSize: 512\n    credential: { provider: github }\n',
      { file: 'c.yaml', dir: FIXTURES, env: {} },
    );
    expect(c.hosts[0]).toMatchObject({
      username: 'u',
      credential: { issuer: 'https://i', subject: 's', audience: 'b', audiences: ['b'], expiration: '2m' },
    });
    expect(c.hosts[1]).toMatchObject({ maxChunkSize: 512 * 1024, credential: { provider: 'github' } });
    expect(c.artifacts[0]?.selector).toEqual({ sortBy: 'semver', limit: 1 });
  });

  it('readme-hosts-spiffe.yaml: the SPIFFE TLS halves normalise to the model', async () => {
    const c = await load('readme-hosts-spiffe.yaml');
    expect(c.hosts.map((h) => h.tls)).toEqual([
      {
        clientAuth: { provider: 'spiffe' },
        serverAuth: { provider: 'spiffe', spiffe: { serverID: 'spiffe://example.org/registry' } },
      },
      { clientAuth: { provider: 'spiffe' } },
      undefined,
    ]);
    expect(c.hosts[2]?.credential?.provider).toBe('spiffe');
  });

  it('serverAuth.spiffe: exactly one authorization, a spiffe:// serverID, a trust domain name or self', async () => {
    const text = (spiffe: string) =>
      `apiVersion: mirror.plugin.fluxcd.io/v1beta1\nkind: Config\nartifacts:\n  - source: a.example.com/x\n    destination: b.example.com/x\n    selector: {}\nhosts:\n  - host: b.example.com\n    tls:\n      serverAuth:\n        spiffe: ${spiffe}\n`;
    const problems = (spiffe: string) => {
      try {
        loadConfigText(text(spiffe), { file: 'c.yaml', dir: FIXTURES, env: {} });
        return [];
      } catch (err) {
        return (err as ConfigErrors).errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.problem}`);
      }
    };
    expect(problems('{ trustDomain: self }')).toEqual([]);
    expect(problems('{ trustDomain: spiffe://example.org }')).toEqual([]);
    expect(problems('{ serverID: example.org/registry }')).toEqual([
      '11:29 hosts[0].tls.serverAuth.spiffe.serverID: `example.org/registry` is not a spiffe:// ID',
    ]);
    expect(problems('{ trustDomain: Example.Org }')[0]).toMatch(
      /^11:\d+ hosts\[0\]\.tls\.serverAuth\.spiffe\.trustDomain: /,
    );
    expect(problems('{ authorizeAny: true, trustDomain: self }')[0]).toMatch(/exactly one of `serverID`/);
  });
});
