/**
 * Go (RE2) regular expressions as written in configs, run on JavaScript's engine.
 *
 * Only the syntax differences that show up in tag filters are translated: `(?P<name>…)` groups,
 * a leading flag group `(?i)`, `(?s)`, `(?m)` (combinations too), `\A` / `\z`, POSIX classes such
 * as `[[:digit:]]`, and a `]` placed first in a bracket expression. Anything JavaScript still
 * rejects is reported as an invalid pattern.
 */

/** A Go-style pattern compiled for JavaScript, with its capture-group layout. */
export interface GoRegex {
  /** The pattern as written in the config. */
  source: string;
  /** The compiled JavaScript expression (no `g`/`y` flag: `exec` is stateless). */
  re: RegExp;
  /** Number of capture groups (named groups included, like Go's `NumSubexp`). */
  groupCount: number;
  /** Names of the named groups. */
  groupNames: ReadonlySet<string>;
}

/** A pattern or template that cannot be used. */
export class GoRegexError extends Error {
  override name = 'GoRegexError';
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Translates Go syntax to JavaScript syntax; returns the JS source and flags. */
function translate(pattern: string): { source: string; flags: string } {
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    const f = lead[1] ?? '';
    if (f.includes('U')) throw new GoRegexError('the ungreedy flag (?U) is not supported');
    flags = [...new Set(f)].join('');
    src = src.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined) throw new GoRegexError('trailing backslash');
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'z') out += '$(?![\\s\\S])';
      else out += c + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const end = src.indexOf(':]', i + 2);
        const name = end > 0 ? src.slice(i + 2, end) : '';
        const negated = name.startsWith('^');
        const cls = POSIX_CLASSES[negated ? name.slice(1) : name];
        if (cls !== undefined && !negated) {
          out += cls;
          i = end + 2;
          continue;
        }
        if (cls !== undefined) throw new GoRegexError(`negated POSIX class [:${name}:] is not supported`);
      }
      if (c === ']') inClass = false;
      out += c;
      i += 1;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i += 1;
      if (src[i] === '^') {
        out += '^';
        i += 1;
      }
      // In Go a leading ']' is a literal; in JavaScript '[]' is the empty class.
      if (src[i] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (src.startsWith('(?P<', i)) {
      out += '(?<';
      i += 4;
      continue;
    }
    out += c;
    i += 1;
  }
  return { source: out, flags };
}

/** Compiles a Go-style pattern; throws {@link GoRegexError} (with the engine's error as cause) when invalid. */
export function compileGoRegex(pattern: string): GoRegex {
  const { source, flags } = translate(pattern);
  let re: RegExp;
  let probe: RegExpExecArray | null;
  try {
    re = new RegExp(source, flags);
    // An empty alternative always matches '', which exposes the group layout without a real match.
    probe = new RegExp(`(?:${source})|`, flags).exec('');
  } catch (err) {
    throw new GoRegexError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  return {
    source: pattern,
    re,
    groupCount: probe ? probe.length - 1 : 0,
    groupNames: new Set(Object.keys(probe?.groups ?? {})),
  };
}

/** One piece of a parsed Go `Expand` template. */
type TemplatePart = { text: string } | { group: number } | { name: string };

const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Parses a Go `Regexp.Expand` template: `$name` / `${name}` (name = longest run of letters, digits,
 * `_`; all digits means a group number), `$$` for `$`; a malformed `$` is kept as text, as Go does.
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i] as string;
    if (c !== '$') {
      text += c;
      i += 1;
      continue;
    }
    if (template[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    let name = '';
    let next = i + 1;
    if (template[next] === '{') {
      const close = template.indexOf('}', next + 1);
      const inner = close > 0 ? template.slice(next + 1, close) : '';
      if (close > 0 && /^[A-Za-z0-9_]+$/.test(inner)) {
        name = inner;
        next = close + 1;
      }
    } else {
      while (next < template.length && NAME_CHAR.test(template[next] as string)) next += 1;
      name = template.slice(i + 1, next);
    }
    if (name === '') {
      text += '$';
      i += 1;
      continue;
    }
    if (text) parts.push({ text });
    text = '';
    parts.push(/^\d+$/.test(name) ? { group: Number(name) } : { name });
    i = next;
  }
  if (text) parts.push({ text });
  return parts;
}

/** Problems with a template against a regex: references to groups the regex does not have. */
export function templateProblems(parts: readonly TemplatePart[], rx: GoRegex): string[] {
  const problems: string[] = [];
  for (const p of parts) {
    if ('group' in p && p.group > rx.groupCount) {
      problems.push(`refers to group $${p.group} but the pattern has ${rx.groupCount} group(s)`);
    } else if ('name' in p && !rx.groupNames.has(p.name)) {
      const known = [...rx.groupNames].join(', ') || 'none';
      problems.push(`refers to unknown group "${p.name}" (named groups: ${known})`);
    }
  }
  return problems;
}

/** Expands a parsed template against a match; unmatched groups expand to '' (Go semantics). */
export function expandTemplate(parts: readonly TemplatePart[], match: RegExpExecArray): string {
  let out = '';
  for (const p of parts) {
    if ('text' in p) out += p.text;
    else if ('group' in p) out += match[p.group] ?? '';
    else out += match.groups?.[p.name] ?? '';
  }
  return out;
}
