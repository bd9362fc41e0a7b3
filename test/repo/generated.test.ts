import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const generated = join(root, 'src', 'config', 'generated');

describe('generated config validators', () => {
  it('are exactly what scripts/gen-validators.mjs makes from the schemas', () => {
    const out = mkdtempSync(join(tmpdir(), 'oci-mirror-validators-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'gen-validators.mjs'), out], { stdio: 'pipe' });
      const committed = readdirSync(generated).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const file of committed) {
        expect(
          readFileSync(join(generated, file), 'utf8') === readFileSync(join(out, file), 'utf8'),
          `src/config/generated/${file} is stale: run \`node scripts/gen-validators.mjs\` and commit it`,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
