import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerConfigCredentials, dockerConfigPath } from '../../../src/auth/docker-config.js';
import { redact } from '../../../src/secrets.js';
import { makeCredentialHelper, type TempDir, tempDir } from '../../harness/index.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
let dir: TempDir;
afterEach(() => dir?.cleanup());

function setup(config: unknown): NodeJS.ProcessEnv {
  dir = tempDir('docker-config-');
  writeFileSync(join(dir.path, 'config.json'), JSON.stringify(config));
  return { ...process.env, DOCKER_CONFIG: dir.path, PATH: `${dir.path}:${process.env.PATH}` };
}

describe('Docker config.json credentials', () => {
  it('finds the file through $DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/x' })).toBe('/x/config.json');
    expect(dockerConfigPath({})).toMatch(/\.docker\/config\.json$/);
  });

  it('decodes auth (splitting at the first colon), identitytoken, registrytoken and legacy URL keys', async () => {
    const env = setup({
      auths: {
        'reg.example.com': { auth: b64('user:pa:ss') },
        'idp.example.com': { identitytoken: 'refresh-abc' },
        'bearer.example.com': { registrytoken: 'bearer-xyz' },
        'https://legacy.example.com/v1/': { auth: b64('old:pw-legacy') },
        'broken.example.com': { auth: b64('no-colon') },
      },
    });
    const creds = dockerConfigCredentials({ env });
    expect(await creds('reg.example.com')).toEqual({ username: 'user', password: 'pa:ss' });
    expect(await creds('idp.example.com')).toEqual({ identityToken: 'refresh-abc' });
    expect(await creds('bearer.example.com')).toEqual({ registryToken: 'bearer-xyz' });
    expect(await creds('legacy.example.com')).toEqual({ username: 'old', password: 'pw-legacy' });
    expect(await creds('unknown.example.com')).toBeUndefined();
    await expect(creds('broken.example.com')).rejects.toThrow(/malformed "auth"/);
    // Everything learned is masked from now on.
    expect(redact('x pa:ss refresh-abc bearer-xyz pw-legacy')).toBe('x *** *** *** ***');
  });

  it('maps Docker Hub to the https://index.docker.io/v1/ key', async () => {
    const env = setup({ auths: { 'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') } } });
    const creds = dockerConfigCredentials({ env });
    expect(await creds('registry-1.docker.io')).toEqual({ username: 'hubuser', password: 'hubpass' });
    expect(await creds('docker.io')).toEqual({ username: 'hubuser', password: 'hubpass' });
  });

  it('asks credHelpers first, then credsStore, with the exec protocol; <token> means an identity token', async () => {
    const env = setup({
      auths: { 'plain.example.com': { auth: b64('file:from-file') }, 'store.example.com': {} },
      credHelpers: { 'helper.example.com': 'one' },
      credsStore: 'store',
    });
    const one = makeCredentialHelper(dir.path, 'one', {
      'helper.example.com': { Username: 'h', Secret: 'from-helper' },
    });
    const store = makeCredentialHelper(dir.path, 'store', {
      'store.example.com': { Username: '<token>', Secret: 'identity-from-store' },
      'https://index.docker.io/v1/': { Username: 'hub', Secret: 'hub-from-store' },
    });
    const creds = dockerConfigCredentials({ env });
    expect(await creds('helper.example.com')).toEqual({ username: 'h', password: 'from-helper' });
    expect(await creds('plain.example.com')).toEqual({ username: 'file', password: 'from-file' });
    expect(await creds('store.example.com')).toEqual({ identityToken: 'identity-from-store' });
    expect(await creds('registry-1.docker.io')).toEqual({ username: 'hub', password: 'hub-from-store' });
    expect(await creds('nothing.example.com')).toBeUndefined();
    // Answers are cached: asking again does not run the helper again.
    await creds('helper.example.com');
    expect(one.calls()).toEqual([{ argv: ['get'], stdin: 'helper.example.com' }]);
    expect(store.calls().map((c) => c.stdin)).toEqual([
      'store.example.com',
      'https://index.docker.io/v1/',
      'nothing.example.com',
    ]);
  });

  it('reports a helper that cannot be run or prints garbage', async () => {
    const env = setup({ credHelpers: { 'a.example.com': 'missing', 'b.example.com': 'garbage' } });
    writeFileSync(join(dir.path, 'docker-credential-garbage'), '#!/bin/sh\necho not-json\n', { mode: 0o755 });
    const creds = dockerConfigCredentials({ env });
    await expect(creds('a.example.com')).rejects.toThrow(/docker-credential-missing could not be run/);
    await expect(creds('b.example.com')).rejects.toThrow(/printed invalid JSON/);
  });

  it('treats a missing config file as no credentials and a corrupt one as an error', async () => {
    dir = tempDir('docker-config-');
    expect(await dockerConfigCredentials({ env: { DOCKER_CONFIG: dir.path } })('x.io')).toBeUndefined();
    writeFileSync(join(dir.path, 'config.json'), '{nope');
    await expect(dockerConfigCredentials({ env: { DOCKER_CONFIG: dir.path } })('x.io')).rejects.toThrow(
      /not valid JSON/,
    );
  });
});
