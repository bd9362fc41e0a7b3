import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

describe('repository hygiene', () => {
  it('dist/ is exactly what a fresh build of src/ produces', () => {
    const out = mkdtempSync(join(tmpdir(), 'oci-mirror-dist-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), out], { cwd: root, stdio: 'pipe' });
      // dist/cli/ holds the CLI's bundle and chunks: compare every file, recursively.
      const files = (dir: string) =>
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => relative(dir, join(d.parentPath, d.name)))
          .sort();
      const committed = files(join(root, 'dist'));
      expect(files(out)).toEqual(committed);
      for (const file of committed) {
        const fresh = readFileSync(join(out, file));
        const current = readFileSync(join(root, 'dist', file));
        expect(current.equals(fresh), `dist/${file} is stale: run \`npm run build\` and commit dist/`).toBe(
          true,
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  it('action.yml and the action code agree on inputs and outputs', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string; post?: string; 'post-if'?: string };
    };
    // The post step (post.ts) saves the state of a step stopped before it could.
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()',
    });
    const inputsSrc = readFileSync(join(root, 'src', 'action', 'inputs.ts'), 'utf8');
    const read = [
      ...inputsSrc.matchAll(
        /(?:getInput|raw|bool|int|duration|choice|regex|helmVersion|sha256)\('([a-z0-9-]+)'/g,
      ),
    ]
      .map((m) => m[1])
      .sort();
    expect([...new Set(read)]).toEqual(Object.keys(action.inputs).sort());
    // Defaults: the table in inputs.ts is what the code falls back to; action.yml must say the same.
    const table = /INPUT_DEFAULTS = \{([\s\S]*?)\n\} as const/.exec(inputsSrc)?.[1] ?? '';
    const defaults = Object.fromEntries(
      [...table.matchAll(/^\s*'?([a-z0-9-]+)'?: '([^']*)',/gm)].map((m) => [m[1] as string, m[2] as string]),
    );
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, spec] of Object.entries(action.inputs))
      expect(String(spec.default ?? ''), `default of input ${name}`).toBe(defaults[name]);
    const mainSrc = readFileSync(join(root, 'src', 'action', 'main.ts'), 'utf8');
    const outputsBlock = /const outputs[^{]*\{([\s\S]*?)\n {2}\};/.exec(mainSrc)?.[1] ?? '';
    const written = [...outputsBlock.matchAll(/^\s*'?([a-z-]+)'?:/gm)].map((m) => m[1]).sort();
    expect(written).toEqual(Object.keys(action.outputs).sort());
  });
});
