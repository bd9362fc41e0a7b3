import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../../src/auth/challenge.js';
import { covers, formatScope, mergeScopes, parseScope, scopeKey } from '../../../src/auth/scope.js';

describe('parseWwwAuthenticate', () => {
  it('parses a bearer challenge with commas inside quoted values', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:samalba/my-app:pull,push',
        },
      },
    ]);
  });
  it('parses several challenges in one header', () => {
    const c = parseWwwAuthenticate(
      'Basic realm="x", Bearer realm="https://t/token", service=reg, error="insufficient_scope"',
    );
    expect(c.map((x) => x.scheme)).toEqual(['basic', 'bearer']);
    expect(c[1]?.params).toEqual({ realm: 'https://t/token', service: 'reg', error: 'insufficient_scope' });
  });
  it('handles escaped quotes, token68 and odd spacing', () => {
    expect(parseWwwAuthenticate('Negotiate abc==, Basic  realm = "a \\"b\\""')).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'basic', params: { realm: 'a "b"' } },
    ]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('Basic')).toEqual([{ scheme: 'basic', params: {} }]);
  });
});

describe('scopes', () => {
  it('parses names with ports from both ends and formats canonically', () => {
    expect(parseScope('repository:localhost:5000/a/b:push,pull')).toEqual({
      type: 'repository',
      name: 'localhost:5000/a/b',
      actions: ['push', 'pull'],
    });
    expect(formatScope({ type: 'repository', name: 'a', actions: ['push', 'pull', 'pull'] })).toBe(
      'repository:a:pull,push',
    );
  });
  it('merges per resource and checks coverage', () => {
    const merged = mergeScopes(
      [{ type: 'repository', name: 'b', actions: ['pull'] }],
      [
        { type: 'repository', name: 'b', actions: ['push'] },
        { type: 'repository', name: 'a', actions: ['pull'] },
      ],
    );
    expect(scopeKey(merged)).toBe('repository:a:pull repository:b:pull,push');
    expect(covers(merged, [{ type: 'repository', name: 'b', actions: ['push'] }])).toBe(true);
    expect(covers(merged, [{ type: 'repository', name: 'c', actions: ['pull'] }])).toBe(false);
    expect(
      covers(
        [{ type: 'repository', name: 'c', actions: ['*'] }],
        [{ type: 'repository', name: 'c', actions: ['delete'] }],
      ),
    ).toBe(true);
  });
});
