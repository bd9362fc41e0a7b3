/**
 * `.helmignore` rules with helm's semantics (pkg/ignore): Go `filepath.Match` globs, `!` negation,
 * a trailing `/` for directories only, a leading `/` anchors at the chart root, a pattern without
 * `/` matches the base name; `templates/.?*` is always ignored; `**` is refused.
 */
import { ChartError } from './errors.js';

interface Rule {
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

/** Go's filepath.Match pattern as an anchored regular expression. */
export function goGlob(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) throw new Error(`syntax error in pattern "${pattern}"`);
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^')) body = `^${body.slice(1).replace(/[\]\\]/g, '\\$&')}`;
      else body = body.replace(/[\]\\^]/g, '\\$&');
      re += `[${body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

export class HelmIgnore {
  readonly #rules: Rule[] = [];

  constructor(text: string, what: string) {
    for (const line of ['templates/.?*', ...text.split(/\r?\n/)]) this.#add(line, what);
  }

  #add(line: string, what: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**'))
      throw new ChartError(`${what}: .helmignore: double-star (**) syntax is not supported`);
    const negate = rule.startsWith('!');
    if (negate) rule = rule.slice(1);
    const mustDir = rule.endsWith('/');
    if (mustDir) rule = rule.slice(0, -1);
    let re: RegExp;
    try {
      re = goGlob(rule.replace(/^\//, ''));
    } catch (cause) {
      throw new ChartError(`${what}: .helmignore: ${(cause as Error).message}`, { cause });
    }
    const match = rule.includes('/')
      ? (p: string) => re.test(p)
      : (p: string) => re.test(p.slice(p.lastIndexOf('/') + 1));
    this.#rules.push({ negate, mustDir, match });
  }

  /** True when `path` (relative to the chart root, `/`-separated) is ignored. Mirrors helm's quirks. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.') return false;
    for (const r of this.#rules) {
      if (r.negate) {
        if (r.mustDir && !isDir) return true;
        if (!r.match(path)) return true;
        continue;
      }
      if (r.mustDir && !isDir) continue;
      if (r.match(path)) return true;
    }
    return false;
  }
}
