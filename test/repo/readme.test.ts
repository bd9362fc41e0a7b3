import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { tempDir } from '../harness/index.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's YAML examples that are (parts of) mirror configs: top-level artifacts/charts/hosts. */
const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] as string)
  .filter((y) => /^(apiVersion|artifacts|charts|hosts):/m.test(y) && !/^on:/m.test(y));

describe('README config examples', () => {
  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((y, i) => [i, y] as const))('example %i loads', (_i, yaml) => {
    const dir = tempDir('readme-example-');
    try {
      // Files the example names exist (empty), so path checks see a real tree.
      for (const m of yaml.matchAll(/\.\/[\w./-]+/g)) {
        const file = join(dir.path, m[0]);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, '');
      }
      const text = /^apiVersion:/m.test(yaml)
        ? yaml
        : `apiVersion: oci-mirror/v1\nkind: Config\n${/^(artifacts|charts):/m.test(yaml) ? '' : 'artifacts:\n  - source: ghcr.io/a/b\n    destination: registry.example.com/a/b\n'}${yaml}`;
      const config = loadConfigText(text, {
        file: 'README.md',
        dir: dir.path,
        env: { REGISTRY_PASSWORD: 'x', SRC: 'localhost:5000', DST: 'localhost:5001' },
      });
      expect(config.artifacts.length + config.charts.length).toBeGreaterThan(0);
    } finally {
      dir.cleanup();
    }
  });
});
