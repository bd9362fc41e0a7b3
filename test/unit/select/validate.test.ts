// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Go Expand templates such as ${name} are data here
import { describe, expect, it } from 'vitest';
import { type Selector, SelectorError, validateSelector } from '../../../src/select/index.js';

const sha256 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const sha512 = `sha512:${'0123456789abcdef'.repeat(8)}`;

describe('validateSelector', () => {
  it.each<Selector>([
    {},
    { semver: '6.x', limit: 2 },
    { semver: '>= 1.0, < 2.0', prerelease: true },
    { semver: '' },
    { regex: { pattern: '^v(?P<version>.+)$', extract: '$version' } },
    { regex: { pattern: '^v(?P<version>.+)$', extract: '${version}' } },
    { regex: { pattern: '^(\\d+)-(\\d+)$', extract: '$2.$1' } },
    { regex: { pattern: 'x', extract: '' } },
    { regex: { pattern: 'x', extract: 'literal$$' } },
    { glob: ['v1.*', '{a,b}-?'], exclude: ['*-rc*', '/^debug-/'] },
    { tags: ['latest', 'v1.2.3_build', 'A_b-c.d'], digests: [sha256, sha512] },
    { sortBy: 'alphabetical', limit: 0 },
    { sortBy: 'numerical' },
  ])('accepts %j', (sel) => {
    expect(validateSelector(sel)).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['bad regex', { regex: { pattern: '(' } }, /^regex\.pattern: invalid regular expression "\("/],
    ['missing pattern', { regex: {} }, /^regex\.pattern: required/],
    ['ungreedy flag', { regex: { pattern: '(?U)a+' } }, /^regex\.pattern: .*ungreedy/],
    [
      'unknown named group',
      { regex: { pattern: '^(?P<v>.+)$', extract: '$version' } },
      /^regex\.extract: refers to unknown group "version" \(named groups: v\)/,
    ],
    [
      'unknown braced group',
      { regex: { pattern: '^(.+)$', extract: '${ver}' } },
      /^regex\.extract: refers to unknown group "ver" \(named groups: none\)/,
    ],
    [
      'group number out of range',
      { regex: { pattern: '^(.+)$', extract: '$2' } },
      /^regex\.extract: refers to group \$2 but the pattern has 1 group/,
    ],
    ['bad range', { semver: '>=banana' }, /^semver: invalid range ">=banana"/],
    ['range with trailing OR', { semver: '1.x ||' }, /^semver: invalid range/],
    ['non-string range', { semver: 6 }, /^semver: must be a string/],
    ['non-boolean prerelease', { prerelease: 'yes' }, /^prerelease: must be true or false/],
    ['negative limit', { limit: -1 }, /^limit: must be a whole number >= 0/],
    ['fractional limit', { limit: 1.5 }, /^limit: must be a whole number >= 0/],
    ['string limit', { limit: '3' }, /^limit: must be a whole number >= 0/],
    ['unknown sortBy', { sortBy: 'date' }, /^sortBy: "date" is not one of semver, alphabetical, numerical/],
    ['empty glob', { glob: [''] }, /^glob\[0\]: must be a non-empty string/],
    ['glob not a list', { glob: 'v1.*' }, /^glob: must be a list of strings/],
    ['bad exclude regex', { exclude: ['ok', '/(/'] }, /^exclude\[1\]: invalid pattern "\/\(\/"/],
    ['empty exclude regex', { exclude: ['//'] }, /^exclude\[0\]: invalid pattern/],
    ['bad tag', { tags: ['a:b'] }, /^tags\[0\]: "a:b" is not a valid tag/],
    ['tag starting with dot', { tags: ['.x'] }, /^tags\[0\]/],
    ['tag too long', { tags: ['a'.repeat(129)] }, /^tags\[0\]/],
    ['short digest', { digests: ['sha256:abc'] }, /^digests\[0\]: "sha256:abc" is not a valid digest/],
    ['uppercase sha256', { digests: [sha256.toUpperCase()] }, /^digests\[0\]/],
    ['digest without algorithm', { digests: ['abc'] }, /^digests\[0\]/],
    ['not an object', null, /^selector: must be a mapping/],
  ])('%s', (_name, sel, problem) => {
    const problems = validateSelector(sel as Selector);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports every problem at once', () => {
    const problems = validateSelector({
      regex: { pattern: '^(?P<v>\\d+)$', extract: '$ver' },
      semver: '>=foo',
      limit: -1,
      tags: ['a/b'],
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['regex.extract', 'semver', 'tags[0]', 'limit']);
  });

  it('SelectorError carries the problems', () => {
    const err = new SelectorError(['semver: bad'], { cause: new Error('inner') });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('SelectorError');
    expect(err.message).toBe('invalid selector: semver: bad');
    expect(err.problems).toEqual(['semver: bad']);
    expect(err.cause).toBeInstanceOf(Error);
  });
});
