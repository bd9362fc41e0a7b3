/**
 * Tag patterns: globs (picomatch) and `/regex/` exclusions.
 */
import picomatch from 'picomatch';
import { compileGoRegex } from './goregex.js';

/** A compiled include/exclude pattern. */
export interface TagPattern {
  /** The pattern as written. */
  source: string;
  /** Whether the tag matches. */
  test(tag: string): boolean;
}

/** A pattern that cannot be compiled. */
export class TagPatternError extends Error {
  override name = 'TagPatternError';
}

// Tags never contain '/', so globstar and dot-file rules have nothing to do; braces, extglobs,
// character classes and `?`/`*` keep their usual meaning.
const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true, strictSlashes: true };

/** Compiles a picomatch glob matched against the whole tag. */
export function compileGlob(glob: string): TagPattern {
  if (typeof glob !== 'string' || glob === '') throw new TagPatternError('empty glob');
  let matcher: (s: string) => boolean;
  try {
    matcher = picomatch(glob, GLOB_OPTIONS);
  } catch (err) {
    throw new TagPatternError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  return { source: glob, test: (tag) => matcher(tag) };
}

/** True when an exclude entry is written as `/regex/`. */
export function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/');
}

/**
 * Compiles an exclude entry: `/regex/` is a Go-style regex searched in the tag (unanchored, like
 * every regex here — add `^…$` to match the whole tag), anything else is a glob.
 */
export function compileExclude(pattern: string): TagPattern {
  if (typeof pattern !== 'string' || pattern === '') throw new TagPatternError('empty pattern');
  if (!isRegexPattern(pattern)) return compileGlob(pattern);
  const body = pattern.slice(1, -1);
  if (body === '') throw new TagPatternError('empty regex');
  let re: RegExp;
  try {
    re = compileGoRegex(body).re;
  } catch (err) {
    throw new TagPatternError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  return { source: pattern, test: (tag) => re.test(tag) };
}
