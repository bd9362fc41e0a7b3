import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigErrors, loadConfigText } from '../../../src/config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'oci-mirror-config-'));
mkdirSync(join(dir, 'certs'));
writeFileSync(join(tmpdir(), 'oci-mirror-outside.pem'), 'x');
symlinkSync(join(tmpdir(), 'oci-mirror-outside.pem'), join(dir, 'certs', 'link.pem'));

const B = 'apiVersion: oci-mirror/v1\nkind: Config\n';
const F1 = 'apiVersion: mirror.plugin.fluxcd.io/v1beta1\nkind: Config\n';
const F2 = 'apiVersion: mirror.plugin.fluxcd.io/v1beta2\nkind: Config\n';
const A = 'artifacts:\n  - source: ghcr.io/org/app\n    destination: reg.example.com/app\n';

/** One problem as `line:column path: message (hint)`. */
function problems(yaml: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    loadConfigText(yaml, { file: 'c.yaml', dir, env });
  } catch (err) {
    if (err instanceof ConfigErrors) {
      return err.errors.map(
        (e) => `${e.line}:${e.column} ${e.path}: ${e.problem}${e.hint ? ` (${e.hint})` : ''}`,
      );
    }
    throw err;
  }
  return [];
}

interface Case {
  name: string;
  yaml: string;
  env?: NodeJS.ProcessEnv;
  /** `line:column path` of the (first) problem, and a pattern for its message + hint. */
  at: string;
  msg: RegExp;
}

const cases: Case[] = [
  {
    name: 'duplicate key',
    yaml: `${B}artifacts: []\nartifacts: []\n`,
    at: '4:1 ',
    msg: /YAML syntax error: Map keys must be unique/,
  },
  { name: 'unclosed flow sequence', yaml: `${B}artifacts: [\n`, at: '4:1 ', msg: /YAML syntax error/ },
  {
    name: 'bad indentation',
    yaml: `${B}artifacts:\n  - source: a\n   destination: b\n`,
    at: '5:1 ',
    msg: /YAML syntax error: Sequence item without - indicator/,
  },
  { name: 'empty file', yaml: '', at: '1:1 ', msg: /config is empty/ },
  {
    name: 'top level is a list',
    yaml: '- a\n- b\n',
    at: '1:1 ',
    msg: /expected a mapping with apiVersion and kind, got a list/,
  },
  {
    name: 'missing apiVersion',
    yaml: `kind: Config\n${A}`,
    at: '1:1 apiVersion',
    msg: /missing required field `apiVersion`/,
  },
  {
    name: 'apiVersion typo',
    yaml: 'apiVersion: oci-mirror/v2\nkind: Config\n',
    at: '1:13 apiVersion',
    msg: /unknown apiVersion `oci-mirror\/v2` \(did you mean `oci-mirror\/v1`\?\)/,
  },
  {
    name: 'flux pre-release apiVersion',
    yaml: `apiVersion: mirror.fluxcd.io/v1alpha1\nkind: Config\n${A}`,
    at: '1:13 apiVersion',
    msg: /mirror\.plugin\.fluxcd\.io\/v1beta1/,
  },
  {
    name: 'flux apiVersion typo',
    yaml: 'apiVersion: mirror.plugin.fluxcd.io/v1beta3\nkind: Config\n',
    at: '1:13 apiVersion',
    msg: /did you mean `mirror\.plugin\.fluxcd\.io\/v1beta[12]`/,
  },
  {
    name: 'kind typo',
    yaml: `apiVersion: oci-mirror/v1\nkind: Confg\n${A}`,
    at: '2:7 kind',
    msg: /unknown kind `Confg` \(did you mean `Config`\?\)/,
  },
  {
    name: 'misspelt top-level key',
    yaml: `${B}artifact:\n  - source: ghcr.io/a/b\n`,
    at: '3:1 artifact',
    msg: /unknown field `artifact` \(did you mean `artifacts`\?\)/,
  },
  {
    name: 'misspelt destination',
    yaml: `${B}artifacts:\n  - source: ghcr.io/a/b\n    destinaton: r.example.com/b\n`,
    at: '5:5 artifacts[0].destinaton',
    msg: /unknown field `destinaton` \(did you mean `destination`\?\)/,
  },
  {
    name: 'missing source',
    yaml: `${B}artifacts:\n  - destination: r.example.com/b\n`,
    at: '4:5 artifacts[0].source',
    msg: /missing required field `source`/,
  },
  {
    name: 'negative limit',
    yaml: `${A}    selector:\n      limit: -1\n`.replace(/^/, B),
    at: '7:14 artifacts[0].selector.limit',
    msg: /expected a number >= 0, got -1/,
  },
  {
    name: 'fractional limit',
    yaml: `${B}${A}    selector: { limit: 1.5 }\n`,
    at: '6:24 artifacts[0].selector.limit',
    msg: /expected a whole number, got the number 1\.5/,
  },
  {
    name: 'quoted limit',
    yaml: `${B}${A}    selector: { limit: "3" }\n`,
    at: '6:24 artifacts[0].selector.limit',
    msg: /expected a whole number, got a string/,
  },
  {
    name: 'sortBy typo',
    yaml: `${B}${A}    selector: { sortBy: semvr }\n`,
    at: '6:25 artifacts[0].selector.sortBy',
    msg: /expected one of `semver`, `alphabetical`, `numerical`, got `semvr` \(did you mean `semver`\?\)/,
  },
  {
    name: 'concurrency 0',
    yaml: `${B}defaults:\n  concurrency: 0\n${A}`,
    at: '4:16 defaults.concurrency',
    msg: /expected a number >= 1, got 0/,
  },
  {
    name: 'overwrite: yes is a string',
    yaml: `${B}${A}    overwrite: yes\n`,
    at: '6:16 artifacts[0].overwrite',
    msg: /expected true or false, got a string/,
  },
  {
    name: 'destination and destinations',
    yaml: `${B}${A}    destinations: [a.example.com/x]\n`,
    at: '6:5 artifacts[0].destinations',
    msg: /both `destination` and `destinations` are set/,
  },
  {
    name: 'no destination anywhere',
    yaml: `${B}artifacts:\n  - source: ghcr.io/org/app\n`,
    at: '4:5 artifacts[0]',
    msg: /no destination: set `destination`, `destinations`, or `defaults.destination`/,
  },
  {
    name: 'duplicate names',
    yaml: `${B}defaults: { destination: r.example.com/m }\nartifacts:\n  - name: app\n    source: ghcr.io/a/b\n  - name: app\n    source: ghcr.io/a/c\n`,
    at: '7:11 artifacts[1].name',
    msg: /duplicate entry name `app` \(also artifacts\[0\]\)/,
  },
  {
    name: 'regex does not compile',
    yaml: `${B}${A}    selector:\n      regex: { pattern: "v(" }\n`,
    at: '7:25 artifacts[0].selector.regex.pattern',
    msg: /invalid regular expression/,
  },
  {
    name: 'extract names an unknown group',
    yaml: `${B}${A}    selector:\n      regex:\n        pattern: '^v(?P<ver>.*)$'\n        extract: $version\n`,
    at: '9:18 artifacts[0].selector.regex.extract',
    msg: /version/,
  },
  {
    name: 'invalid semver range',
    yaml: `${B}${A}    selector: { semver: ">=>1" }\n`,
    at: '6:25 artifacts[0].selector.semver',
    msg: /invalid range/,
  },
  {
    name: 'uppercase repository',
    yaml: `${B}artifacts:\n  - source: ghcr.io/Org/app\n    destination: r.example.com/app\n`,
    at: '4:13 artifacts[0].source',
    msg: /lowercase/,
  },
  {
    name: 'source with a scheme',
    yaml: `${B}artifacts:\n  - source: https://ghcr.io/org/app\n    destination: r.example.com/app\n`,
    at: '4:13 artifacts[0].source',
    msg: /scheme/,
  },
  {
    name: 'destination with a tag',
    yaml: `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app:1.0\n`,
    at: '5:18 artifacts[0].destination',
    msg: /must be a repository without a tag/,
  },
  {
    name: 'short digest',
    yaml: `${B}artifacts:\n  - source: ghcr.io/org/app@sha256:abc\n    destination: r.example.com/app\n`,
    at: '4:13 artifacts[0].source',
    msg: /bad digest/,
  },
  {
    name: 'destination equals source',
    yaml: `${B}artifacts:\n  - source: ghcr.io/org/app\n    destination: ghcr.io/org/app\n`,
    at: '5:18 artifacts[0].destination',
    msg: /source repository itself/,
  },
  {
    name: 'duplicate hosts',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    insecure: true\n  - host: R.example.com\n    insecure: true\n`,
    at: '9:11 hosts[1].host',
    msg: /already configured in hosts\[0\]/,
  },
  {
    name: 'host with a scheme',
    yaml: `${B}${A}hosts:\n  - host: https://r.example.com\n    insecure: true\n`,
    at: '7:11 hosts[0].host',
    msg: /without a scheme/,
  },
  {
    name: 'fromPath leaves the config dir',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential:\n      fromPath: ../token\n`,
    at: '9:17 hosts[0].credential.fromPath',
    msg: /leaves the config directory/,
  },
  {
    name: 'absolute path outside',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential:\n      jwkPath: /etc/key.jwk\n      issuer: i\n      subject: s\n`,
    at: '9:16 hosts[0].credential.jwkPath',
    msg: /outside the config directory/,
  },
  {
    name: 'symlink out of the config dir',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    tls:\n      serverAuth:\n        caFromPath: certs/link.pem\n`,
    at: '10:21 hosts[0].tls.serverAuth.caFromPath',
    msg: /symbolic link/,
  },
  {
    name: 'two credential sources',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential:\n      value: abc\n      fromPath: t\n`,
    at: '10:7 hosts[0].credential.fromPath',
    msg: /set only one credential source, found `value` and `fromPath`/,
  },
  {
    name: 'credential without a source',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential: {}\n`,
    at: '8:17 hosts[0].credential',
    msg: /needs one source/,
  },
  {
    name: 'jwkPath without issuer',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential:\n      jwkPath: k.jwk\n      subject: s\n`,
    at: '9:7 hosts[0].credential.issuer',
    msg: /`issuer` is required with jwkPath/,
  },
  {
    name: 'issuer without jwk',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential:\n      provider: github\n      issuer: x\n`,
    at: '10:7 hosts[0].credential.issuer',
    msg: /only allowed with jwkPath/,
  },
  {
    name: 'roleArn without ecr',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    provider: gar\n    roleArn: arn:aws:iam::123456789012:role/x\n`,
    at: '9:5 hosts[0].roleArn',
    msg: /only applies with `provider: ecr`/,
  },
  {
    name: 'malformed roleArn',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    provider: ecr\n    roleArn: arn:aws:iam::12:role/x\n`,
    at: '9:14 hosts[0].roleArn',
    msg: /arn:aws:iam::<12-digit account>/,
  },
  {
    name: 'cloud provider and credential',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    provider: ecr\n    credential: { value: x }\n`,
    at: '9:5 hosts[0].credential',
    msg: /mutually exclusive/,
  },
  {
    name: 'verify without identities',
    yaml: `${B}${A}    verify: { provider: cosign }\n`,
    at: '6:13 artifacts[0].verify.matchOIDCIdentity',
    msg: /missing required field `matchOIDCIdentity`/,
  },
  {
    name: 'verify minAge not a duration',
    yaml: `${B}${A}    verify:\n      provider: cosign\n      minAge: 2days\n      matchOIDCIdentity: [{ issuer: https://x.example.com, subject: .* }]\n`,
    at: '8:15 artifacts[0].verify.minAge',
    msg: /is not a duration/,
  },
  {
    name: 'verify provider',
    yaml: `${B}${A}    verify:\n      provider: notary\n      matchOIDCIdentity: [{ issuer: https://x.example.com, subject: .* }]\n`,
    at: '7:17 artifacts[0].verify.provider',
    msg: /expected one of `cosign`, got `notary`/,
  },
  {
    name: 'verify subject regex',
    yaml: `${B}${A}    verify:\n      provider: cosign\n      matchOIDCIdentity:\n        - issuer: https://x.example.com\n          subject: "(["\n`,
    at: '10:20 artifacts[0].verify.matchOIDCIdentity[0].subject',
    msg: /invalid regular expression/,
  },
  {
    name: 'platform form',
    yaml: `${B}${A}    platforms: [linux]\n`,
    at: '6:17 artifacts[0].platforms[0]',
    msg: /os\/arch/,
  },
  {
    name: 'glob of the wrong type',
    yaml: `${B}${A}    selector: { glob: 5 }\n`,
    at: '6:23 artifacts[0].selector.glob',
    msg: /expected a string or a list of strings, got the number 5/,
  },
  {
    name: 'source tag plus selector',
    yaml: `${B}artifacts:\n  - source: ghcr.io/org/app:1.0\n    destination: r.example.com/app\n    selector: { semver: "1.x" }\n`,
    at: '6:17 artifacts[0].selector.semver',
    msg: /already names a tag/,
  },
  {
    name: 'defaults.destination without host',
    yaml: `${B}defaults: { destination: mirror }\n${A}`,
    at: '3:26 defaults.destination',
    msg: /must start with a registry host/,
  },
  {
    name: 'chart destination without oci://',
    yaml: `${B}charts:\n  - name: vault\n    source: https://helm.example.com\n    destination: r.example.com/charts\n`,
    at: '6:18 charts[0].destination',
    msg: /must be an oci:\/\/ URL \(oci:\/\/r\.example\.com\/charts\)/,
  },
  {
    name: 'chart version range',
    yaml: `${B}charts:\n  - name: vault\n    source: https://helm.example.com\n    destination: oci://r.example.com/charts\n    version: latest\n`,
    at: '7:14 charts[0].version',
    msg: /not a valid version range/,
  },
  {
    name: 'chart without a name',
    yaml: `${B}charts:\n  - source: https://helm.example.com\n    destination: oci://r.example.com/charts\n`,
    at: '4:5 charts[0].name',
    msg: /missing required field `name`/,
  },
  {
    name: 'chart images without destination',
    yaml: `${B}charts:\n  - name: vault\n    source: https://helm.example.com\n    destination: oci://r.example.com/charts\n    images: { discover: true }\n`,
    at: '7:13 charts[0].images',
    msg: /need a destination/,
  },
  {
    name: 'local chart outside the dir',
    yaml: `${B}charts:\n  - name: app\n    source: ../../app\n    destination: oci://r.example.com/charts\n`,
    at: '5:13 charts[0].source',
    msg: /leaves the config directory/,
  },
  {
    name: 'nothing to mirror',
    yaml: `${B}hosts:\n  - host: r.example.com\n    insecure: true\n`,
    at: '1:1 ',
    msg: /nothing to mirror/,
  },
  {
    name: 'client cert without key',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    tls:\n      clientAuth:\n        certFromPath: certs/c.pem\n`,
    at: '10:9 hosts[0].tls.clientAuth',
    msg: /exactly one of `keyFromPath` and `keyValue`/,
  },
  {
    name: 'missing environment variable',
    yaml: `${B}${A}hosts:\n  - host: r.example.com\n    credential:\n      value: "Bearer \${NOPE}"\n`,
    at: '9:22 hosts[0].credential.value',
    msg: /environment variable NOPE is not set/,
  },
  {
    name: 'bad variable reference',
    yaml: `${B}artifacts:\n  - source: ghcr.io/\${1X}/app\n`,
    at: '4:21 artifacts[0].source',
    msg: /`\$\{1X\}` is not a valid variable reference/,
  },
  {
    name: 'flux: selector is required',
    yaml: `${F1}artifacts:\n  - source: ghcr.io/org/app\n    destination: r.example.com/app\n`,
    at: '4:5 artifacts[0].selector',
    msg: /missing required field `selector`/,
  },
  {
    name: 'flux: tag in source',
    yaml: `${F1}artifacts:\n  - source: ghcr.io/org/app:6.0.0\n    destination: r.example.com/app\n    selector: {}\n`,
    at: '4:13 artifacts[0].source',
    msg: /must be a repository without a tag \(select tags with `selector`\)/,
  },
  {
    name: 'flux: our field in a flux file',
    yaml: `${F1}artifacts:\n  - source: ghcr.io/org/app\n    destinations: [r.example.com/app]\n    selector: {}\n`,
    at: '5:5 artifacts[0].destinations',
    msg: /unknown field `destinations` \(did you mean `destination`\?\)/,
  },
  {
    name: 'flux v1beta2: credential type missing',
    yaml: `${F2}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    credential:\n      provider: github\n`,
    at: '10:7 hosts[0].credential.type',
    msg: /missing required field `type`/,
  },
  {
    name: 'flux v1beta2: v1beta1 claim name',
    yaml: `${F2}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    credential:\n      type: jwt\n      provider: github\n      aud: x\n`,
    at: '12:7 hosts[0].credential.aud',
    msg: /unknown field `aud`/,
  },
  {
    name: 'flux v1beta1: username at the wrong level',
    yaml: `${F1}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    credential:\n      provider: github\n      username: x\n`,
    at: '11:7 hosts[0].credential.username',
    msg: /unknown field `username`/,
  },
  {
    name: 'flux: OCI chart source',
    yaml: `${F1}charts:\n  - name: app\n    source: oci://ghcr.io/org/charts\n    destination: oci://r.example.com/charts\n`,
    at: '5:13 charts[0].source',
    msg: /HTTP\/S repositories \(mirror an OCI chart as an entry under `artifacts`\)/,
  },
  {
    name: 'flux: host that sets nothing',
    yaml: `${F1}${A}    selector: {}\nhosts:\n  - host: r.example.com\n`,
    at: '8:5 hosts[0]',
    msg: /host sets nothing/,
  },
  {
    name: 'flux: cloud provider with tls',
    yaml: `${F1}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    provider: ecr\n    tls: { serverAuth: { value: x } }\n`,
    at: '10:5 hosts[0].tls',
    msg: /not allowed with a cloud provider/,
  },
  {
    name: 'flux: serverAuth with two sources',
    yaml: `${F1}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    tls:\n      serverAuth: { value: x, fromPath: ca.pem }\n`,
    at: '10:19 hosts[0].tls.serverAuth',
    msg: /exactly one of `fromPath`, `value` or SPIFFE/,
  },
  {
    name: 'flux: exp without jwk',
    yaml: `${F1}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    credential:\n      provider: github\n      exp: 5m\n`,
    at: '11:7 hosts[0].credential.exp',
    msg: /only allowed with jwkPath/,
  },
  {
    name: 'flux: maxChunkSize negative',
    yaml: `${F1}${A}    selector: {}\nhosts:\n  - host: r.example.com\n    maxChunkSize: -5\n`,
    at: '9:19 hosts[0].maxChunkSize',
    msg: /expected a number >= 0, got -5/,
  },
];

describe('bad configs: file:line:column and field path', () => {
  it('has at least 40 distinct cases', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', ({ yaml, env, at, msg }) => {
    const got = problems(yaml, env);
    expect(got.length, 'expected the config to be rejected').toBeGreaterThan(0);
    const match = got.find((p) => p.startsWith(`${at}:`));
    expect(match, `no problem at ${at} in:\n${got.join('\n')}`).toBeDefined();
    expect(match).toMatch(msg);
  });
});

describe('ConfigErrors message', () => {
  it('lists every problem as file:line:column: path: message (hint)', () => {
    try {
      loadConfigText(
        `${B}artifacts:\n  - source: ghcr.io/a/b\n    destinaton: r.example.com/b\n    overwrite: 1\n`,
        {
          file: 'mirror.yaml',
          dir,
          env: {},
        },
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigErrors);
      const e = err as ConfigErrors;
      expect(e.errors).toHaveLength(2);
      expect(e.message).toBe(
        'invalid config (2 problems):\n' +
          '  mirror.yaml:5:5: artifacts[0].destinaton: unknown field `destinaton` (did you mean `destination`?)\n' +
          '  mirror.yaml:6:16: artifacts[0].overwrite: expected true or false, got the number 1',
      );
      expect(e.errors[0]).toMatchObject({
        file: 'mirror.yaml',
        line: 5,
        column: 5,
        path: 'artifacts[0].destinaton',
      });
    }
  });
});
