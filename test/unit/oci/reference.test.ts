import { describe, expect, it } from 'vitest';
import { InvalidReferenceError } from '../../../src/oci/errors.js';
import { apiHost, formatReference, parseReference } from '../../../src/oci/reference.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['nginx:1.25', { registry: 'docker.io', repository: 'library/nginx', tag: '1.25' }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['index.docker.io/library/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['registry-1.docker.io/bitnami/redis', { registry: 'docker.io', repository: 'bitnami/redis' }],
    ['bitnami/redis:7', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7' }],
    [
      'ghcr.io/stefanprodan/podinfo:6.5.0',
      { registry: 'ghcr.io', repository: 'stefanprodan/podinfo', tag: '6.5.0' },
    ],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/a/b/c:v1', { registry: 'localhost:5000', repository: 'a/b/c', tag: 'v1' }],
    ['127.0.0.1:40001/x', { registry: '127.0.0.1:40001', repository: 'x' }],
    [`ghcr.io/a/b@${D}`, { registry: 'ghcr.io', repository: 'a/b', digest: D }],
    [`ghcr.io/a/b:1.0@${D}`, { registry: 'ghcr.io', repository: 'a/b', tag: '1.0', digest: D }],
    ['[::1]:5000/foo', { registry: '[::1]:5000', repository: 'foo' }],
    ['reg.example.com/a__b/c-d/e.f', { registry: 'reg.example.com', repository: 'a__b/c-d/e.f' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['https://ghcr.io/a', 'scheme'],
    ['ghcr.io/A/b', 'lowercase'],
    ['ghcr.io/a//b', 'empty path component'],
    ['ghcr.io/a/b:', 'bad tag'],
    ['ghcr.io/a/b:-x', 'bad tag'],
    [`ghcr.io/a/b:${'x'.repeat(129)}`, 'bad tag'],
    ['ghcr.io/a/b@sha256:abc', 'bad digest'],
    ['ghcr.io/a/b@md5:abcd', 'bad digest'],
    ['reg:99999/a', 'bad port'],
    ['a/b/', 'empty path component'],
    ['-a.com/x', 'bad registry host'],
  ])('rejects %j (%s)', (input, reason) => {
    expect(() => parseReference(input)).toThrow(InvalidReferenceError);
    expect(() => parseReference(input)).toThrow(reason);
  });

  it('formats back and maps Docker Hub to its API host', () => {
    expect(formatReference(parseReference('nginx:1'))).toBe('docker.io/library/nginx:1');
    expect(apiHost('docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('ghcr.io')).toBe('ghcr.io');
  });
});
