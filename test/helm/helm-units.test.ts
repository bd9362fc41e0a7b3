/** The pure parts of the Helm module: metadata JSON, .helmignore, image walking, remapping, selection. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartFiles } from '../../src/helm/archive.js';
import { HelmIgnore } from '../../src/helm/ignore.js';
import { imagesInAnnotations, imagesInManifests, normalizeImage } from '../../src/helm/images.js';
import { helmConfigJson, parseChartMetadata } from '../../src/helm/metadata.js';
import { chartArtifact, chartTag } from '../../src/helm/oci.js';
import { packageChart } from '../../src/helm/package.js';
import { remapImageText } from '../../src/helm/remap.js';
import { selectVersions } from '../../src/helm/repo.js';
import { parseRepositories, settingsFor } from '../../src/helm/repositories.js';
import { tempDir } from '../harness/index.js';

const dir = tempDir('helm-units-');
afterAll(() => dir.cleanup());

describe('chart metadata', () => {
  it('writes the config blob byte for byte as helm v4 push does', () => {
    const chartYaml = `apiVersion: v2
name: demo2
description: "A <chart> & more\\nline two é"
type: application
version: 0.1.0+build.1
appVersion: "1.16.0"
home: https://example.com
sources: [https://github.com/x/y]
keywords: [b, a]
maintainers:
  - name: Jane
    email: jane@example.com
annotations:
  zeta: "1"
  alpha: "2"
  artifacthub.io/images: |
    - name: redis
      image: redis:7
kubeVersion: ">=1.20.0-0"
dependencies:
  - name: sub
    version: 0.1.0
    repository: ""
    condition: sub.enabled
icon: https://example.com/i.png
`;
    // Captured from `helm push` (v4.1.4) of this chart.
    const helm =
      '{"name":"demo2","home":"https://example.com","sources":["https://github.com/x/y"],"version":"0.1.0+build.1","description":"A \\u003cchart\\u003e \\u0026 more line two é","keywords":["b","a"],"maintainers":[{"name":"Jane","email":"jane@example.com"}],"icon":"https://example.com/i.png","apiVersion":"v2","appVersion":"1.16.0","annotations":{"alpha":"2","artifacthub.io/images":"- name: redis\\n  image: redis:7\\n","zeta":"1"},"kubeVersion":"\\u003e=1.20.0-0","dependencies":[{"name":"sub","version":"0.1.0","repository":"","condition":"sub.enabled"}],"type":"application"}';
    expect(helmConfigJson(parseChartMetadata(chartYaml, 'demo2')).toString()).toBe(helm);
  });

  it('refuses invalid Chart.yaml', () => {
    expect(() => parseChartMetadata('name: x\n', 'x')).toThrow(/no version/);
    expect(() => parseChartMetadata('name: x\nversion: one\n', 'x')).toThrow(/not a semantic version/);
    expect(() => parseChartMetadata('apiVersion: v3\nname: x\nversion: 1.0.0\n', 'x')).toThrow(/apiVersion/);
    expect(() => parseChartMetadata('- a\n', 'x')).toThrow(/not a mapping/);
  });

  it('turns + into _ in tags', () => {
    expect(chartTag('1.2.3+build.5')).toBe('1.2.3_build.5');
  });
});

describe('local packaging', () => {
  it('gives the same bytes twice, honours .helmignore and ignores dotfiles in templates', async () => {
    const chart = join(dir.path, 'pkg');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    mkdirSync(join(chart, 'scratch'));
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: pkg\nversion: 1.0.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'a: 1\n');
    writeFileSync(join(chart, '.helmignore'), '# comment\n*.bak\nscratch/\n');
    writeFileSync(join(chart, 'old.bak'), 'x');
    writeFileSync(join(chart, 'scratch', 'file.txt'), 'x');
    writeFileSync(join(chart, 'templates', '.hidden.yaml'), 'x');
    writeFileSync(join(chart, 'templates', 'cm.yaml'), 'kind: ConfigMap\n');
    const a = await packageChart(chart);
    const b = await packageChart(chart);
    expect(a.tgz.equals(b.tgz)).toBe(true);
    const { root, files } = chartFiles(a.tgz, 'pkg');
    expect(root).toBe('pkg');
    expect([...files.keys()]).toEqual(['.helmignore', 'Chart.yaml', 'templates/cm.yaml', 'values.yaml']);
    expect(chartArtifact(a.tgz, 'pkg').chart.digest).toBe(chartArtifact(b.tgz, 'pkg').chart.digest);
  });

  it('matches helm .helmignore quirks', () => {
    const ig = new HelmIgnore('/top.txt\ndocs/*.md\n!keep.txt\n', 'x');
    expect(ig.ignores('top.txt', false)).toBe(true);
    expect(ig.ignores('docs/a.md', false)).toBe(true);
    expect(() => new HelmIgnore('**/x\n', 'x')).toThrow(/double-star/);
  });
});

describe('image discovery', () => {
  it('walks pod-bearing kinds and custom resources, not ConfigMap data', () => {
    const rendered = `
apiVersion: v1
kind: Pod
spec:
  containers: [{ name: a, image: "nginx" }]
  ephemeralContainers: [{ name: dbg, image: "busybox:1.36" }]
---
apiVersion: v1
kind: ConfigMap
data: { image: "not/an:image" }
---
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    spec: { template: { spec: { initContainers: [{ name: i, image: "quay.io/x/init:1@sha256:${'a'.repeat(64)}" }] } } }
---
apiVersion: monitoring.example.io/v1
kind: Thing
spec:
  image: ghcr.io/acme/thing:2.0
  sidecar: { registry: ghcr.io, repository: acme/sidecar, digest: "sha256:${'b'.repeat(64)}" }
  templated: { image: "{{ .Values.x }}" }
`;
    expect(imagesInManifests(rendered).sort()).toEqual([
      'docker.io/library/busybox:1.36',
      'docker.io/library/nginx:latest',
      `ghcr.io/acme/sidecar@sha256:${'b'.repeat(64)}`,
      'ghcr.io/acme/thing:2.0',
      `quay.io/x/init:1@sha256:${'a'.repeat(64)}`,
    ]);
  });

  it('reads the images annotations and normalises short names', () => {
    expect(
      imagesInAnnotations({
        'artifacthub.io/images': '- name: a\n  image: redis:7\n- name: b\n  image: ghcr.io/x/y:1\n',
        'helm.sh/images': '- redis:7\n',
      }),
    ).toEqual(['docker.io/library/redis:7', 'ghcr.io/x/y:1']);
    expect(normalizeImage('bitnami/redis')).toBe('docker.io/bitnami/redis:latest');
    expect(normalizeImage('not an image')).toBeUndefined();
  });

  it('remaps under the target, keeping the path, tag and digest', () => {
    expect(remapImageText('ghcr.io/hashicorp/vault:1.15.0', 'registry.example.com/team')).toBe(
      'registry.example.com/team/hashicorp/vault:1.15.0',
    );
    expect(remapImageText('docker.io/library/redis:7', 'reg.example.com', 'images')).toBe(
      'reg.example.com/images/library/redis:7',
    );
  });
});

describe('repositories', () => {
  it('selects versions highest first, without prereleases unless asked', () => {
    const entries = ['1.0.0', '1.2.0', '2.0.0-rc.1', '1.10.0', '1.2.0+b'].map((version) => ({
      name: 'x',
      version,
      urls: [],
    }));
    expect(selectVersions(entries, '*', 2).map((e) => e.version)).toEqual(['1.10.0', '1.2.0']);
    expect(selectVersions(entries, '>=2.0.0-0', 0).map((e) => e.version)).toEqual(['2.0.0-rc.1']);
    expect(selectVersions(entries, '~1.2', 0).map((e) => e.version)).toEqual(['1.2.0', '1.2.0+b']);
  });

  it('reads repositories.yaml and matches URLs with or without a trailing slash', () => {
    const repos = parseRepositories(
      'repositories:\n- name: a\n  url: https://charts.example.com/stable/\n  username: u\n  password: p\n  pass_credentials_all: true\n',
      'f',
    );
    expect(settingsFor(repos, 'https://charts.example.com/stable')).toMatchObject({
      username: 'u',
      password: 'p',
      passCredentialsAll: true,
      insecureSkipTLSVerify: false,
    });
  });
});
