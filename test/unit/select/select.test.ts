// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Go Expand templates such as ${name} are data here
import { describe, expect, it } from 'vitest';
import {
  needsTagList,
  pointerTagsDroppedBySort,
  type SelectOptions,
  type Selector,
  SelectorError,
  selectTags,
} from '../../../src/select/index.js';

const tagsOf = (available: readonly string[], selector: Selector, opts?: SelectOptions) =>
  selectTags(available, selector, opts).selected.map((s) => s.tag);

type Case = { name: string; available: string[]; selector: Selector; opts?: SelectOptions; want: string[] };

describe('flux mirror compatibility (defaults: semver sort, limit 1)', () => {
  const cases: Case[] = [
    {
      name: 'empty selector keeps the highest semver tag',
      available: ['1.0.0', '2.5.1', '1.9.0', '2.5.0', 'not-a-version'],
      selector: {},
      want: ['2.5.1'],
    },
    {
      name: 'limit 2, highest first',
      available: ['1.0.0', '2.5.1', '1.9.0', '2.5.0', 'not-a-version'],
      selector: { limit: 2 },
      want: ['2.5.1', '2.5.0'],
    },
    {
      name: 'semver range',
      available: ['2.40.0', '2.41.0', '3.0.0', '1.99.0'],
      selector: { semver: '>=2.40.0 <3.0.0', limit: 5 },
      want: ['2.41.0', '2.40.0'],
    },
    {
      name: 'limit 0 = all, not zero',
      available: ['1.0.0', '1.1.0', '1.2.0', '0.9.0'],
      selector: { limit: 0 },
      want: ['1.2.0', '1.1.0', '1.0.0', '0.9.0'],
    },
    {
      name: 'limit larger than the result',
      available: ['1.0.0', '1.1.0'],
      selector: { limit: 99 },
      want: ['1.1.0', '1.0.0'],
    },
    {
      name: 'alphabetical is descending (newest-looking first)',
      available: [
        'RELEASE.2024-11-12T08-30-15Z',
        'RELEASE.2024-12-01T10-00-00Z',
        'RELEASE.2024-10-01T05-00-00Z',
      ],
      selector: { sortBy: 'alphabetical', limit: 2 },
      want: ['RELEASE.2024-12-01T10-00-00Z', 'RELEASE.2024-11-12T08-30-15Z'],
    },
    {
      name: 'numerical, highest first',
      available: ['100', '50', '200', '150'],
      selector: { sortBy: 'numerical', limit: 2 },
      want: ['200', '150'],
    },
    {
      name: 'regex + extract + numerical',
      available: [
        '1.2.3-1731420000',
        '1.2.3-1731500000',
        '1.2.3-1731000000',
        'latest',
        '1.2.3',
        '1.2.3-nope',
      ],
      selector: {
        regex: { pattern: '^\\d+\\.\\d+\\.\\d+-(?P<ts>\\d+)$', extract: '$ts' },
        sortBy: 'numerical',
        limit: 2,
      },
      want: ['1.2.3-1731500000', '1.2.3-1731420000'],
    },
    {
      name: 'regex without extract, semver sort of v-tags',
      available: ['v1.0.0', 'v2.0.0', '1.0.0', 'rc-1.0.0'],
      selector: { regex: { pattern: '^v\\d+\\.\\d+\\.\\d+$' }, limit: 5 },
      want: ['v2.0.0', 'v1.0.0'],
    },
    {
      name: 'regex extract then semver range',
      available: ['v1.0.0', 'v1.5.0', 'v2.0.0', '1.0.0', 'v0.9.0', 'vlatest'],
      selector: {
        regex: { pattern: '^v(?P<v>\\d+\\.\\d+\\.\\d+)$', extract: '$v' },
        semver: '>=1.0.0',
        limit: 5,
      },
      want: ['v2.0.0', 'v1.5.0', 'v1.0.0'],
    },
    {
      name: 'docs example: timestamp extraction',
      available: [
        'main-abc123-1700000000',
        'main-def456-1700000500',
        'pr-1-0a1-1800000000x',
        'main-fff-1600000000',
      ],
      selector: {
        regex: { pattern: '^.+-[0-9a-f]+-(?P<ts>\\d+)$', extract: '$ts' },
        sortBy: 'numerical',
        limit: 5,
      },
      want: ['main-def456-1700000500', 'main-abc123-1700000000', 'main-fff-1600000000'],
    },
    {
      name: '6.x with limit 2 (podinfo example)',
      available: ['5.2.1', '6.0.0', '6.5.3', '6.5.4', '6.6.0-rc.1', '7.0.0', 'latest'],
      selector: { semver: '6.x', limit: 2 },
      want: ['6.5.4', '6.5.3'],
    },
    {
      name: 'semver "*" drops non-versions and prereleases',
      available: ['latest', 'main', '1.0.0', '1.1.0-rc.1', 'sha-abc'],
      selector: { semver: '*' },
      want: ['1.0.0'],
    },
    {
      name: 'semver sort without range keeps prereleases (flux)',
      available: ['1.0.0', '1.1.0-rc.1'],
      selector: {},
      want: ['1.1.0-rc.1'],
    },
    {
      name: 'Masterminds shorthand tags: 1.2 is 1.2.0, 1 is 1.0.0',
      available: ['1', '1.2', '1.2.1', '1.10'],
      selector: { limit: 0 },
      want: ['1.10', '1.2.1', '1.2', '1'],
    },
  ];
  it.each(cases)('$name', ({ available, selector, opts, want }) => {
    expect(tagsOf(available, selector, opts)).toEqual(want);
  });
});

describe('pipeline rules', () => {
  const cases: Case[] = [
    // regex
    {
      name: 'regex is unanchored',
      available: ['a1', 'b', '2c'],
      selector: { regex: { pattern: '\\d' }, sortBy: 'alphabetical', limit: 0 },
      want: ['a1', '2c'],
    },
    {
      name: 'regex ${name} and $1 forms',
      available: ['app-1.2.3', 'app-1.3.0', 'lib-9.0.0'],
      selector: { regex: { pattern: '^app-(\\d.*)$', extract: '${1}' }, limit: 0 },
      want: ['app-1.3.0', 'app-1.2.3'],
    },
    {
      name: 'regex Go (?i) flag',
      available: ['RC1', 'rc2', 'x'],
      selector: { regex: { pattern: '(?i)^rc' }, sortBy: 'alphabetical', limit: 0 },
      want: ['rc2', 'RC1'],
    },
    {
      name: 'extract composes a version from parts',
      available: ['r10-p2', 'r9-p7', 'r10-p11'],
      selector: { regex: { pattern: '^r(?P<maj>\\d+)-p(?P<min>\\d+)$', extract: '$maj.$min' }, limit: 0 },
      want: ['r10-p11', 'r10-p2', 'r9-p7'],
    },
    {
      name: 'extract to empty string is not a version',
      available: ['x-1.0.0', 'y'],
      selector: { regex: { pattern: '^(?:x-(?P<v>.+)|y)$', extract: '$v' }, limit: 0 },
      want: ['x-1.0.0'],
    },
    // semver
    {
      name: 'comma-separated AND',
      available: ['0.9.0', '1.0.0', '1.9.9', '2.0.0'],
      selector: { semver: '>= 1.0, < 2.0', limit: 0 },
      want: ['1.9.9', '1.0.0'],
    },
    {
      name: '~1.2',
      available: ['1.1.9', '1.2.0', '1.2.7', '1.3.0'],
      selector: { semver: '~1.2', limit: 0 },
      want: ['1.2.7', '1.2.0'],
    },
    {
      name: '^1.2',
      available: ['1.1.9', '1.2.0', '1.9.7', '2.0.0'],
      selector: { semver: '^1.2', limit: 0 },
      want: ['1.9.7', '1.2.0'],
    },
    {
      name: 'OR ranges',
      available: ['1.2.1', '1.3.0', '2.4.0', '3.0.0'],
      selector: { semver: '1.2.x || 2.x', limit: 0 },
      want: ['2.4.0', '1.2.1'],
    },
    {
      name: 'v prefixes in tags and range',
      available: ['v1.0.0', 'v1.1.0', '1.2.0', 'v2.0.0'],
      selector: { semver: '>=v1.1 <v2', limit: 0 },
      want: ['1.2.0', 'v1.1.0'],
    },
    {
      name: '!= exclusion',
      available: ['1.0.0', '1.1.0', '1.2.0'],
      selector: { semver: '>=1.0, !=1.2.0', limit: 0 },
      want: ['1.1.0', '1.0.0'],
    },
    {
      name: 'build metadata with _ is matched as +',
      available: ['1.2.3_build5', '1.2.4_build1', '2.0.0_b'],
      selector: { semver: '~1.2', limit: 0 },
      want: ['1.2.4_build1', '1.2.3_build5'],
    },
    {
      name: 'semver range with alphabetical sort',
      available: ['1.10.0', '1.9.0', '2.0.0'],
      selector: { semver: '1.x', sortBy: 'alphabetical', limit: 0 },
      want: ['1.9.0', '1.10.0'],
    },
    // glob / exclude
    {
      name: 'glob any-of',
      available: ['v1.0', 'v1.1', 'v2.0', 'w1.0'],
      selector: { glob: ['v1.*', 'w*'], sortBy: 'alphabetical', limit: 0 },
      want: ['w1.0', 'v1.1', 'v1.0'],
    },
    {
      name: 'glob braces and ?',
      available: ['1.20-alpine', '1.21-alpine', '1.21-bookworm', '1.2-alpine'],
      selector: { glob: ['1.2?-{alpine,slim}'], sortBy: 'alphabetical', limit: 0 },
      want: ['1.21-alpine', '1.20-alpine'],
    },
    {
      name: 'glob matches whole tag',
      available: ['v1.0', 'xv1.0'],
      selector: { glob: ['v1*'], sortBy: 'alphabetical', limit: 0 },
      want: ['v1.0'],
    },
    {
      name: 'glob with semver',
      available: ['1.0.0', '1.1.0', '2.0.0', '1.1.0-debug'],
      selector: { glob: ['1.*'], semver: '*', limit: 0 },
      want: ['1.1.0', '1.0.0'],
    },
    {
      name: 'exclude glob',
      available: ['1.0.0', '1.1.0', '1.2.0'],
      selector: { exclude: ['1.1.*'], limit: 0 },
      want: ['1.2.0', '1.0.0'],
    },
    {
      name: 'exclude /regex/ (unanchored)',
      available: ['1.0.0', '1.1.0-debug', '1.2.0', 'x-debug-1'],
      selector: { exclude: ['/debug/'], sortBy: 'alphabetical', limit: 0 },
      want: ['1.2.0', '1.0.0'],
    },
    {
      name: 'exclude /regex/ Go named group syntax',
      available: ['1', '2', '3'],
      selector: { exclude: ['/^(?P<x>2)$/'], limit: 0 },
      want: ['3', '1'],
    },
    {
      name: 'exclude applies after the semver range',
      available: ['6.0.0', '6.1.0', '6.2.0'],
      selector: { semver: '6.x', exclude: ['6.2.0'], limit: 1 },
      want: ['6.1.0'],
    },
    // numerical
    {
      name: 'numerical decimals, signs, exponents',
      available: ['1.5', '-3', '10', '2e1', '.5', 'x', '1.2.3', 'NaN', 'Infinity'],
      selector: { sortBy: 'numerical', limit: 0 },
      want: ['2e1', '10', '1.5', '.5', '-3'],
    },
    {
      name: 'numerical beyond double precision',
      available: ['9007199254740993', '9007199254740992', '9007199254740995'],
      selector: { sortBy: 'numerical', limit: 0 },
      want: ['9007199254740995', '9007199254740993', '9007199254740992'],
    },
    {
      name: 'numerical is not lexical',
      available: ['9', '10', '100'],
      selector: { sortBy: 'numerical', limit: 0 },
      want: ['100', '10', '9'],
    },
    // alphabetical
    {
      name: 'alphabetical uses code-unit order, not locale',
      available: ['a', 'B', 'b', 'A', '_'],
      selector: { sortBy: 'alphabetical', limit: 0 },
      want: ['b', 'a', '_', 'B', 'A'],
    },
    {
      name: 'alphabetical on extracted key',
      available: ['x-2024-01', 'y-2023-12', 'z-2024-02'],
      selector: { regex: { pattern: '-(?P<d>.*)$', extract: '$d' }, sortBy: 'alphabetical', limit: 2 },
      want: ['z-2024-02', 'x-2024-01'],
    },
    // defaults from the caller
    {
      name: 'caller defaultSortBy applies without semver',
      available: ['b', 'c', 'a'],
      selector: {},
      opts: { defaultSortBy: 'alphabetical', defaultLimit: 0 },
      want: ['c', 'b', 'a'],
    },
    {
      name: 'semver range forces semver sort over caller default',
      available: ['1.10.0', '1.9.0'],
      selector: { semver: '1.x' },
      opts: { defaultSortBy: 'alphabetical' },
      want: ['1.10.0'],
    },
    {
      name: 'explicit sortBy beats everything',
      available: ['1.10.0', '1.9.0'],
      selector: { sortBy: 'alphabetical' },
      opts: { defaultSortBy: 'numerical' },
      want: ['1.9.0'],
    },
    {
      name: 'caller defaultLimit',
      available: ['1.0.0', '2.0.0', '3.0.0'],
      selector: {},
      opts: { defaultLimit: 2 },
      want: ['3.0.0', '2.0.0'],
    },
    {
      name: 'explicit limit beats caller default',
      available: ['1.0.0', '2.0.0', '3.0.0'],
      selector: { limit: 0 },
      opts: { defaultLimit: 2 },
      want: ['3.0.0', '2.0.0', '1.0.0'],
    },
  ];
  it.each(cases)('$name', ({ available, selector, opts, want }) => {
    expect(tagsOf(available, selector, opts)).toEqual(want);
  });
});

describe('prerelease rules', () => {
  const available = ['1.0.0', '1.1.0-rc.1', '1.1.0-rc.2', '1.1.0', '1.2.0-beta.1', '2.0.0-alpha.1', '2.0.0'];
  const cases: [name: string, selector: Selector, want: string[]][] = [
    ['range without prerelease excludes them', { semver: '>=1.0.0', limit: 0 }, ['2.0.0', '1.1.0', '1.0.0']],
    [
      'prerelease: true includes them',
      { semver: '>=1.0.0', prerelease: true, limit: 0 },
      ['2.0.0', '2.0.0-alpha.1', '1.2.0-beta.1', '1.1.0', '1.1.0-rc.2', '1.1.0-rc.1', '1.0.0'],
    ],
    [
      'range naming a prerelease includes them',
      { semver: '>=1.1.0-rc.2', limit: 0 },
      ['2.0.0', '2.0.0-alpha.1', '1.2.0-beta.1', '1.1.0', '1.1.0-rc.2'],
    ],
    ['-0 idiom includes them', { semver: '>=1.2.0-0 <2.0.0-0', limit: 0 }, ['1.2.0-beta.1']],
    // semver order: 2.0.0-alpha.1 < 2.0.0, so '<2.0.0' admits it once prereleases are on
    [
      '<X admits X prereleases once enabled',
      { semver: '>=1.2.0-0 <2.0.0', limit: 0 },
      ['2.0.0-alpha.1', '1.2.0-beta.1'],
    ],
    [
      'prerelease: false wins over a range naming one',
      { semver: '>=1.1.0-rc.2', prerelease: false, limit: 0 },
      ['2.0.0', '1.1.0'],
    ],
    [
      'prerelease: false without range drops them in semver sort',
      { prerelease: false, limit: 0 },
      ['2.0.0', '1.1.0', '1.0.0'],
    ],
    [
      'prerelease: true with x-range',
      { semver: '1.x', prerelease: true, limit: 0 },
      ['1.2.0-beta.1', '1.1.0', '1.1.0-rc.2', '1.1.0-rc.1', '1.0.0'],
    ],
    ['prerelease: true, limit 1 may pick a prerelease', { semver: '*', prerelease: true }, ['2.0.0']],
    [
      'prerelease: true keeps semver order at the lower bound',
      { semver: '~1.1.0', prerelease: true, limit: 0 },
      ['1.1.0'],
    ],
    ['prereleases of one release', { semver: '>=1.1.0-0 <1.1.0', limit: 0 }, ['1.1.0-rc.2', '1.1.0-rc.1']],
  ];
  it.each(cases)('%s', (_name, selector, want) => {
    expect(tagsOf(available, selector)).toEqual(want);
  });

  it('explains the exclusion', () => {
    const r = selectTags(['1.0.0-rc.1'], { semver: '>=0.1' });
    expect(r.rejected).toEqual([
      { tag: '1.0.0-rc.1', reason: expect.stringMatching(/prerelease.*prerelease: true/) },
    ]);
  });
});

describe("'latest' and other non-versions", () => {
  it.each<[string, Selector, string[]]>([
    ['semver sort drops latest', { limit: 0 }, ['1.0.0']],
    ['semver range drops latest', { semver: '*', limit: 0 }, ['1.0.0']],
    ['alphabetical keeps latest', { sortBy: 'alphabetical', limit: 0 }, ['main', 'latest', '1.0.0']],
    ['explicit latest plus semver', { semver: '*', tags: ['latest'] }, ['1.0.0', 'latest']],
  ])('%s', (_n, selector, want) => {
    expect(tagsOf(['latest', '1.0.0', 'main'], selector)).toEqual(want);
  });

  it('gives a reason for each dropped tag', () => {
    const r = selectTags(['latest', '1.0.0', 'main'], {});
    expect(r.rejected).toEqual([
      { tag: 'latest', reason: 'not a semantic version: "latest"' },
      { tag: 'main', reason: 'not a semantic version: "main"' },
    ]);
  });
});

describe('explicit tags and digests', () => {
  const digest = `sha256:${'a'.repeat(64)}`;

  it('tags alone: kept as given, in order, no listing needed, no limit', () => {
    const sel: Selector = { tags: ['v2', 'latest', 'v1', 'latest'] };
    expect(needsTagList(sel)).toBe(false);
    const r = selectTags([], sel);
    expect(r.selected).toEqual([{ tag: 'v2' }, { tag: 'latest' }, { tag: 'v1' }]);
    expect(r.considered).toBe(0);
    expect(r.rejected).toEqual([]);
  });

  it('tags alone ignore limit, sortBy, exclude and the listing', () => {
    const sel: Selector = { tags: ['b', 'a', 'c'], limit: 1, sortBy: 'alphabetical', exclude: ['a'] };
    expect(needsTagList(sel)).toBe(false);
    expect(tagsOf(['x', 'y'], sel)).toEqual(['b', 'a', 'c']);
  });

  it('tags are selected even when not listed', () => {
    expect(tagsOf(['1.0.0'], { semver: '*', tags: ['gone'] })).toEqual(['1.0.0', 'gone']);
  });

  it('tags are added to pattern results, not counted by limit, not duplicated', () => {
    const r = selectTags(['1.0.0', '1.1.0', '1.2.0', 'latest'], {
      semver: '1.x',
      limit: 2,
      tags: ['latest', '1.2.0', '1.0.0'],
    });
    expect(r.selected).toEqual([
      { tag: '1.2.0', version: '1.2.0' },
      { tag: '1.1.0', version: '1.1.0' },
      { tag: 'latest' },
      { tag: '1.0.0' },
    ]);
  });

  it('tags win over exclude', () => {
    expect(
      tagsOf(['1.0.0', '1.1.0-rc.1'], {
        glob: ['*'],
        exclude: ['*-rc*'],
        tags: ['1.1.0-rc.1'],
        limit: 0,
        sortBy: 'alphabetical',
      }),
    ).toEqual(['1.0.0', '1.1.0-rc.1']);
  });

  it('tags combine with globs as a union', () => {
    expect(
      tagsOf(['v1', 'v2', 'stable', 'edge'], {
        glob: ['v*'],
        tags: ['stable'],
        limit: 0,
        sortBy: 'alphabetical',
      }),
    ).toEqual(['v2', 'v1', 'stable']);
  });

  it('digests alone: passed through, deduplicated, no tags, no listing', () => {
    const sel: Selector = { digests: [digest, digest] };
    expect(needsTagList(sel)).toBe(false);
    expect(selectTags(['1.0.0'], sel)).toEqual({
      selected: [],
      digests: [digest],
      considered: 0,
      rejected: [],
      rejectedCount: 0,
    });
  });

  it('digests with tags', () => {
    const r = selectTags([], { digests: [digest], tags: ['x'] });
    expect(r).toMatchObject({ selected: [{ tag: 'x' }], digests: [digest] });
  });

  it('digests with a pattern still list tags', () => {
    const sel: Selector = { digests: [digest], semver: '1.x' };
    expect(needsTagList(sel)).toBe(true);
    expect(selectTags(['1.0.0', '2.0.0'], sel)).toMatchObject({
      selected: [{ tag: '1.0.0' }],
      digests: [digest],
    });
  });

  it.each<[Selector, boolean]>([
    [{}, true],
    [{ limit: 3 }, true],
    [{ semver: '1.x' }, true],
    [{ semver: '' }, true],
    [{ regex: { pattern: '.' } }, true],
    [{ glob: ['*'] }, true],
    [{ glob: [], tags: ['a'] }, false],
    [{ tags: [] }, true],
    [{ tags: ['a'], semver: '' }, false],
    [{ tags: ['a'], glob: ['b*'] }, true],
    [{ tags: ['a'], exclude: ['b'], prerelease: true }, false],
  ])('needsTagList(%j) = %s', (sel, want) => {
    expect(needsTagList(sel)).toBe(want);
  });
});

describe('edge cases', () => {
  it('empty list', () => {
    expect(selectTags([], {})).toEqual({
      selected: [],
      digests: [],
      considered: 0,
      rejected: [],
      rejectedCount: 0,
    });
  });

  it('all rejected', () => {
    const r = selectTags(['a', 'b', 'c'], { limit: 5 });
    expect(r.selected).toEqual([]);
    expect(r.considered).toBe(3);
    expect(r.rejectedCount).toBe(3);
  });

  it('duplicate tags in the listing are considered once', () => {
    const r = selectTags(['1.0.0', '1.0.0', '0.1.0'], { limit: 0 });
    expect(r.selected.map((s) => s.tag)).toEqual(['1.0.0', '0.1.0']);
    expect(r.considered).toBe(2);
  });

  it('records limit drops as rejections', () => {
    const r = selectTags(['1.0.0', '2.0.0', '3.0.0'], { limit: 1 });
    expect(r.rejected).toEqual([
      { tag: '2.0.0', reason: 'beyond limit 1' },
      { tag: '1.0.0', reason: 'beyond limit 1' },
    ]);
  });

  it('reasons name each step', () => {
    const r = selectTags(['x', 'v0.1.0', 'v1.0.1-debug', 'v1.1.0', 'v1.2.0', 'v1.3.0'], {
      regex: { pattern: '^v' },
      semver: '>=1.0.0',
      prerelease: true,
      glob: ['v1.[0-2]*'],
      exclude: ['/debug/', 'v1.1.*'],
    });
    expect(r.selected.map((s) => s.tag)).toEqual(['v1.2.0']);
    expect(r.rejected.map((x) => [x.tag, x.reason])).toEqual([
      ['x', 'does not match regex "^v"'],
      ['v0.1.0', '0.1.0 is outside range ">=1.0.0"'],
      ['v1.0.1-debug', 'excluded by "/debug/"'],
      ['v1.1.0', 'excluded by "v1.1.*"'],
      ['v1.3.0', 'matches no glob (v1.[0-2]*)'],
    ]);
  });

  it('reports the sort key as version', () => {
    expect(selectTags(['v1.2_b7'], {}).selected).toEqual([{ tag: 'v1.2_b7', version: '1.2.0+b7' }]);
    expect(
      selectTags(['a-17'], { regex: { pattern: '(\\d+)', extract: '$1' }, sortBy: 'numerical' }).selected,
    ).toEqual([{ tag: 'a-17', version: '17' }]);
    expect(selectTags(['abc'], { sortBy: 'alphabetical' }).selected).toEqual([
      { tag: 'abc', version: 'abc' },
    ]);
  });

  it('caps rejected but counts all', () => {
    const available = Array.from({ length: 50 }, (_, i) => `junk-${i}`);
    const r = selectTags(available, {}, { maxRejected: 10 });
    expect(r.rejected).toHaveLength(10);
    expect(r.rejectedCount).toBe(50);
  });

  it('does not mutate its inputs', () => {
    const available = Object.freeze(['2.0.0', '1.0.0', '3.0.0']);
    const selector = Object.freeze({ tags: Object.freeze(['x']), limit: 0 }) as Selector;
    expect(tagsOf(available, selector)).toEqual(['x']);
    expect(tagsOf(available, { limit: 0 })).toEqual(['3.0.0', '2.0.0', '1.0.0']);
    expect(available).toEqual(['2.0.0', '1.0.0', '3.0.0']);
  });

  it('throws SelectorError listing every problem', () => {
    expect(() => selectTags(['1.0.0'], { semver: 'nope', limit: -1 })).toThrow(SelectorError);
    try {
      selectTags(['1.0.0'], { semver: 'nope', limit: -1 });
    } catch (err) {
      expect((err as SelectorError).problems).toHaveLength(2);
      expect((err as SelectorError).message).toMatch(/^invalid selector:\n {2}semver: .*\n {2}limit: /);
    }
  });

  it('rejects invalid caller defaults', () => {
    expect(() => selectTags([], {}, { defaultLimit: -2 })).toThrow(/defaultLimit/);
    expect(() => selectTags([], {}, { defaultSortBy: 'random' as never })).toThrow(/defaultSortBy/);
  });
});

describe('determinism', () => {
  const shuffle = <T>(xs: T[], seed: number): T[] => {
    const out = [...xs];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  it.each<[string, string[], Selector, string[]]>([
    [
      'equal versions: tag ascending',
      ['v1.0.0', '1.0.0', '1.0.0_b2', '1.0', '1.0.0+b1', '0.9.0'],
      { limit: 0 },
      ['1.0', '1.0.0', '1.0.0+b1', '1.0.0_b2', 'v1.0.0', '0.9.0'],
    ],
    [
      'equal numbers: tag ascending',
      ['10', '010', '1e1', '9'],
      { sortBy: 'numerical', limit: 0 },
      ['010', '10', '1e1', '9'],
    ],
    [
      'equal extracted keys: tag ascending',
      ['b-1', 'a-1', 'c-2'],
      { regex: { pattern: '-(\\d)$', extract: '$1' }, sortBy: 'alphabetical', limit: 0 },
      ['c-2', 'a-1', 'b-1'],
    ],
  ])('%s regardless of listing order', (_n, available, selector, want) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(tagsOf(shuffle(available, seed), selector)).toEqual(want);
    }
  });
});

describe('large lists (sanity, no timing assertions)', () => {
  it('handles 100k tags', () => {
    const available: string[] = [];
    for (let major = 0; major < 10; major++) {
      for (let minor = 0; minor < 100; minor++) {
        for (let patch = 0; patch < 100; patch++) available.push(`v${major}.${minor}.${patch}`);
      }
    }
    available.push('latest', '9.99.100-rc.1');
    const r = selectTags(available, { semver: '>=9.0.0 <9.99.100', limit: 3 });
    expect(r.selected.map((s) => s.tag)).toEqual(['v9.99.99', 'v9.99.98', 'v9.99.97']);
    expect(r.considered).toBe(100_002);
    expect(r.rejected.length).toBe(1000);
    expect(r.rejectedCount).toBe(100_002 - 3);

    const all = selectTags(available, { regex: { pattern: '^v(?P<v>.*)$', extract: '$v' }, limit: 0 });
    expect(all.selected).toHaveLength(100_000);
    expect(all.selected[0]?.tag).toBe('v9.99.99');
    expect(all.selected.at(-1)?.tag).toBe('v0.0.0');

    const numeric = Array.from({ length: 100_000 }, (_, i) => String(i * 7));
    expect(tagsOf(numeric, { sortBy: 'numerical', glob: ['*7'], limit: 2 })).toEqual(['699937', '699867']);
  });
});

describe('unparseable tags (flux mirror drops them under semver/numerical sorts)', () => {
  it('counts and names matching tags the sort dropped, but not tags the filters dropped', () => {
    const r = selectTags(['1.0.0', 'latest', 'main', 'v2', 'x1', 'x2', 'x3', 'x4', 'x5'], {
      regex: { pattern: '^(?:[0-9v]|latest|main|x)' },
      limit: 0,
    });
    expect(r.selected.map((s) => s.tag)).toEqual(['v2', '1.0.0']);
    expect(r.unparseable).toEqual({
      count: 7,
      sortBy: 'semver',
      examples: ['latest', 'main', 'x1', 'x2', 'x3'],
    });
    expect(selectTags(['1', 'main'], { glob: ['*'], sortBy: 'numerical', limit: 0 }).unparseable).toEqual({
      count: 1,
      sortBy: 'numerical',
      examples: ['main'],
    });
    expect(
      selectTags(['1.0.0', 'main'], { glob: ['*'], sortBy: 'alphabetical' }).unparseable,
    ).toBeUndefined();
    // A semver range filters before the sort: `main` is not "matching", so it is not reported.
    expect(selectTags(['1.0.0', 'main'], { semver: '*' }).unparseable).toBeUndefined();
  });

  it('tells validate which pointer tags a pattern selector would lose', () => {
    expect(pointerTagsDroppedBySort({ regex: { pattern: '.*' }, sortBy: 'semver', limit: 0 })).toEqual([
      'latest',
      'main',
      'master',
      'stable',
      'edge',
    ]);
    expect(pointerTagsDroppedBySort({ glob: ['ma*'], sortBy: 'semver', limit: 1 })).toEqual([
      'main',
      'master',
    ]);
    expect(pointerTagsDroppedBySort({ regex: { pattern: '^v\\d+' }, sortBy: 'semver' })).toEqual([]);
    expect(pointerTagsDroppedBySort({ glob: ['*'], sortBy: 'alphabetical' })).toEqual([]);
    expect(pointerTagsDroppedBySort({ semver: '>=1', glob: ['*'] })).toEqual([]);
  });
});
