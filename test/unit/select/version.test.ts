import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  compileRange,
  parseVersion,
  VersionRangeError,
} from '../../../src/select/version.js';

function v(key: string) {
  const p = parseVersion(key);
  if (typeof p === 'string') throw new Error(p);
  return p;
}

describe('parseVersion', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['1.2', '1.2.0'],
    ['v1', '1.0.0'],
    ['0', '0.0.0'],
    ['01.02.03', '1.2.3'],
    ['1.2.3-rc.1', '1.2.3-rc.1'],
    ['1.2.3-rc-1', '1.2.3-rc-1'],
    ['1.2-beta', '1.2.0-beta'],
    ['1.2.3+build5', '1.2.3+build5'],
    ['1.2.3_build5', '1.2.3+build5'],
    ['1.2.3-rc.1_build.7', '1.2.3-rc.1+build.7'],
    ['v2.0.0-alpha.0', '2.0.0-alpha.0'],
    ['20240101', '20240101.0.0'],
  ])('%s -> %s', (input, text) => {
    expect(v(input).text).toBe(text);
  });

  it.each([
    'latest',
    '',
    'V1.2.3',
    'vv1',
    '1.2.3.4',
    '1.2.3-',
    '1.2.3-rc..1',
    '1.2.3-rc.01',
    '1.2.3+',
    '1.2.3_',
    '1.2.3__b',
    ' 1.2.3',
    '1.2.3-rc_1_2',
    'sha256-abcdef',
    '99999999999999999999.0.0',
  ])('rejects %j', (input) => {
    expect(typeof parseVersion(input)).toBe('string');
  });

  it('treats _ and + build metadata as the same version', () => {
    expect(compareVersions(v('1.2.3_b5'), v('1.2.3+b5'))).toBe(0);
    expect(compareVersions(v('1.2.3_b5'), v('1.2.3'))).toBe(0);
    expect(v('1.2.3_b5').text).toBe(v('1.2.3+b5').text);
  });

  it.each([
    ['1.10.0', '1.9.0'],
    ['1.0.0', '1.0.0-rc.1'],
    ['1.0.0-rc.10', '1.0.0-rc.9'],
    ['1.0.0-rc.1', '1.0.0-beta.2'],
    ['1.0.0-alpha.1', '1.0.0-alpha'],
    ['1.0.0-alpha', '1.0.0-1'],
    ['v2', '1.99.99'],
  ])('%s > %s', (hi, lo) => {
    expect(compareVersions(v(hi), v(lo))).toBeGreaterThan(0);
    expect(compareVersions(v(lo), v(hi))).toBeLessThan(0);
  });
});

describe('compileRange (Masterminds forms on node-semver)', () => {
  const cases: [range: string, inside: string[], outside: string[]][] = [
    ['6.x', ['6.0.0', '6.9.9', 'v6.1'], ['5.9.9', '7.0.0']],
    ['>=1.0.0 <2.0.0', ['1.0.0', '1.99.0'], ['0.9.9', '2.0.0']],
    ['>= 1.0, < 2.0', ['1.0.0', '1.5.3'], ['0.9.0', '2.0.0']],
    ['>=1.0.0,<2.0.0', ['1.2.0'], ['2.1.0']],
    ['=> 1.0, =< 1.5', ['1.0.0', '1.5.0', '1.5.9'], ['1.6.0', '0.9.0']], // partial '<=1.5' = 1.5.x too
    ['~1.2', ['1.2.0', '1.2.9'], ['1.3.0', '1.1.9']],
    ['~1.2.3', ['1.2.3', '1.2.9'], ['1.3.0', '1.2.2']],
    ['~>1.2', ['1.2.5'], ['1.3.0']],
    ['^1.2', ['1.2.0', '1.9.0'], ['2.0.0', '1.1.0']],
    ['^0.2.3', ['0.2.3', '0.2.9'], ['0.3.0']],
    ['1.2.x || 2.x', ['1.2.7', '2.5.0'], ['1.3.0', '3.0.0']],
    ['1.2.x||2.x', ['1.2.7', '2.5.0'], ['1.3.0']],
    ['>=v1.0.0', ['1.0.0', 'v1.2.0'], ['0.1.0']],
    ['*', ['0.0.1', '99.0.0'], []],
    ['x', ['1.0.0'], []],
    ['1.2 - 1.4.5', ['1.2.0', '1.4.5'], ['1.4.6', '1.1.9']],
    ['>1.2', ['1.3.0'], ['1.2.9']],
    ['<=1.2', ['1.2.9'], ['1.3.0']],
    ['=1.2.3', ['1.2.3', '1.2.3_b1'], ['1.2.4']],
    ['1.2.3', ['1.2.3'], ['1.2.4']],
    ['>=1.0, !=1.3.0', ['1.2.0', '1.4.0'], ['1.3.0', '0.1.0']],
    ['!=1.3.x', ['1.2.0', '2.0.0'], ['1.3.0', '1.3.9']],
    ['>=1.0 !=1.1.0 || 3.x', ['1.0.0', '3.1.0'], ['1.1.0']],
  ];
  it.each(cases)('%j', (range, inside, outside) => {
    const r = compileRange(range);
    for (const t of inside) expect(r.test(v(t)), `${t} in ${range}`).toBe(true);
    for (const t of outside) expect(r.test(v(t)), `${t} not in ${range}`).toBe(false);
  });

  it.each([
    ['>=1.0.0-rc.1', true],
    ['>=1.0.0-0 <2.0.0', true],
    ['~1.2.3-beta', true],
    ['>= 1.0.0-beta', true],
    ['>=1.0.0 <2.0.0', false],
    ['1.2 - 1.4.5', false],
    ['^1.2.3', false],
    ['*', false],
  ])('%j names a prerelease: %s', (range, expected) => {
    expect(compileRange(range).namesPrerelease).toBe(expected);
  });

  it.each(['', '   ', 'foo', '>=1.0.0 garbage', '1.2.3.4', '>=1.0 ||', '!=', '>=1.0, !=latest'])(
    'rejects %j',
    (range) => {
      expect(() => compileRange(range)).toThrow(VersionRangeError);
    },
  );

  it('keeps the parse failure as cause', () => {
    try {
      compileRange('nope');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(VersionRangeError);
      expect((err as Error).cause).toBeInstanceOf(Error);
    }
  });
});
