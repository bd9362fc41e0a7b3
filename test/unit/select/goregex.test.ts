// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Go Expand templates such as ${name} are data here
import { describe, expect, it } from 'vitest';
import {
  compileGoRegex,
  expandTemplate,
  GoRegexError,
  parseTemplate,
  templateProblems,
} from '../../../src/select/goregex.js';

function expand(pattern: string, template: string, input: string): string | undefined {
  const rx = compileGoRegex(pattern);
  const m = rx.re.exec(input);
  return m ? expandTemplate(parseTemplate(template), m) : undefined;
}

describe('compileGoRegex', () => {
  it.each([
    // pattern, input, matches
    ['^v(?P<ver>\\d+\\.\\d+)$', 'v1.2', true],
    ['^v(?<ver>\\d+)$', 'v1', true],
    ['\\d+', 'abc-123-def', true], // unanchored, like Go's FindStringSubmatch
    ['^\\d+$', 'abc-123', false],
    ['(?i)^RELEASE', 'release.2024', true],
    ['(?is)^a.b$', 'A\nB', true],
    ['\\Av\\d\\z', 'v1', true],
    ['\\Av\\d\\z', 'xv1', false],
    ['^[[:digit:]]+$', '2024', true],
    ['^[[:alpha:]]+$', 'abc1', false],
    ['^[[:alnum:]_.-]+$', 'a_b.c-1', true],
    ['^[]a]+$', ']a]', true],
    ['^[^]a]+$', 'bcd', true],
    ['^\\(?P<x>$', '(?P<x>', false],
  ])('%j on %j -> %s', (pattern, input, matches) => {
    expect(compileGoRegex(pattern).re.test(input)).toBe(matches);
  });

  it('reports group layout', () => {
    const rx = compileGoRegex('^(?P<major>\\d+)\\.(\\d+)(?:\\.(?P<patch>\\d+))?$');
    expect(rx.groupCount).toBe(3);
    expect([...rx.groupNames].sort()).toEqual(['major', 'patch']);
  });

  it.each(['(', '[a-', '(?U)a+', '(?P<1bad>x)', 'a\\', '^[[:^digit:]]$'])('rejects %j', (pattern) => {
    expect(() => compileGoRegex(pattern)).toThrow(GoRegexError);
  });
});

describe('Go Expand templates', () => {
  it.each([
    ['^(?P<ts>\\d+)-(?P<sha>[0-9a-f]+)$', '$ts', '123-abc', '123'],
    ['^(?P<ts>\\d+)-(?P<sha>[0-9a-f]+)$', '${ts}', '123-abc', '123'],
    ['^(?P<ts>\\d+)-(?P<sha>[0-9a-f]+)$', '${sha}.${ts}', '123-abc', 'abc.123'],
    ['^(\\d+)-(\\d+)$', '$2.$1', '1-2', '2.1'],
    ['^(\\d+)-(\\d+)$', '${1}x', '1-2', '1x'],
    ['^(\\d+)-(\\d+)$', '$1x', '1-2', ''], // Go: $1x is the group named "1x"
    ['^(\\d+)$', '$$$1', '7', '$7'],
    ['^(\\d+)$', 'v$', '7', 'v$'], // malformed '$' is kept
    ['^(\\d+)$', '${}', '7', '${}'],
    ['^(\\d+)(-(?P<pre>\\w+))?$', '$1$pre', '7', '7'], // unmatched group -> ''
    ['^(\\d+)$', 'const', '7', 'const'],
  ])('%j expand %j on %j -> %j', (pattern, template, input, out) => {
    expect(expand(pattern, template, input)).toBe(out);
  });

  it('finds references to missing groups', () => {
    const rx = compileGoRegex('^(?P<ts>\\d+)-(\\w+)$');
    expect(templateProblems(parseTemplate('$ts.$2'), rx)).toEqual([]);
    expect(templateProblems(parseTemplate('$version'), rx)).toHaveLength(1);
    expect(templateProblems(parseTemplate('${3}'), rx)[0]).toMatch(/group \$3.*2 group/);
    expect(templateProblems(parseTemplate('$$version'), rx)).toEqual([]);
  });
});
