import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildImage, pushContent } from '../harness/content.js';
import { startRegistry, stopAll } from '../harness/registry.js';
import { makeCredentialHelper, run, skopeo, tempDir } from '../harness/tools.js';

afterAll(stopAll);

describe('tools', () => {
  it('skopeo throws with stderr on failure', async () => {
    await expect(
      skopeo(['inspect', '--raw', '--tls-verify=false', 'docker://127.0.0.1:1/x:y']),
    ).rejects.toThrow(/skopeo inspect .* failed \(exit \d+\):\n.*(connection refused|connect)/s);
  });

  it('credential helper implements the get protocol and logs calls', async () => {
    const dir = tempDir('selftest-cred');
    try {
      const helper = makeCredentialHelper(dir.path, 'selftest', {
        '127.0.0.1:5000': { Username: 'u', Secret: 's' },
        'https://index.docker.io/v1/': { Username: 'hub', Secret: 'h' },
      });
      expect(helper.name).toBe('docker-credential-selftest');
      const ok = await run(helper.path, ['get'], { input: '127.0.0.1:5000\n' });
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout.toString())).toEqual({
        ServerURL: '127.0.0.1:5000',
        Username: 'u',
        Secret: 's',
      });
      const miss = await run(helper.path, ['get'], { input: 'other.example' });
      expect(miss.code).toBe(1);
      expect(miss.stdout.toString().trim()).toBe('credentials not found in native keychain');
      const list = await run(helper.path, ['list']);
      expect(JSON.parse(list.stdout.toString())).toEqual({
        '127.0.0.1:5000': 'u',
        'https://index.docker.io/v1/': 'hub',
      });
      expect(helper.calls()).toEqual([
        { argv: ['get'], stdin: '127.0.0.1:5000\n' },
        { argv: ['get'], stdin: 'other.example' },
        { argv: ['list'], stdin: '' },
      ]);
    } finally {
      await dir.cleanup();
    }
  });

  it('a real client (skopeo via credHelpers) gets credentials from the helper', async () => {
    const reg = await startRegistry({ auth: 'htpasswd', storage: 'memory' });
    const img = buildImage({ seed: 'cred' });
    await pushContent(reg, 'c', 'v1', img);
    const dir = tempDir('selftest-cred');
    try {
      const helper = makeCredentialHelper(dir.path, 'selftest', {
        [reg.host]: { Username: reg.username!, Secret: reg.password! },
      });
      const authfile = join(dir.path, 'auth.json');
      writeFileSync(authfile, JSON.stringify({ credHelpers: { [reg.host]: 'selftest' } }));
      const env = { ...process.env, PATH: `${dir.path}:${process.env.PATH}` };
      const raw = await skopeo(
        ['inspect', '--raw', '--tls-verify=false', `--authfile=${authfile}`, `docker://${reg.host}/c:v1`],
        {
          env,
        },
      );
      expect(Buffer.from(raw).equals(img.top.bytes)).toBe(true);
      expect(helper.calls()[0]).toEqual({ argv: ['get'], stdin: reg.host });
    } finally {
      await dir.cleanup();
    }
  });
});
