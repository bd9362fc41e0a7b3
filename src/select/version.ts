/**
 * Versions in tags and Masterminds-style version ranges, evaluated with node-semver.
 *
 * Tags are parsed the way Masterminds `semver.NewVersion` (used by flux mirror) parses them:
 * an optional lowercase `v`, one to three numeric parts (`1` = `1.0.0`, `1.2` = `1.2.0`, leading
 * zeros in them ignored), an optional prerelease and optional build metadata. Because `+` cannot
 * appear in a tag, `_` stands for it: `1.2.3_build5` is the version `1.2.3+build5`.
 */
import semver from 'semver';

/** A tag (or extracted key) parsed as a semantic version. */
export interface ParsedVersion {
  /** node-semver version; compare with {@link compareVersions}. */
  semver: semver.SemVer;
  /** Normalised text: no `v`, three numeric parts, `+` for build metadata. */
  text: string;
}

const IDENT = '[0-9A-Za-z-]+';
const TAG_VERSION = new RegExp(
  `^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(${IDENT}(?:\\.${IDENT})*))?(?:[+_](${IDENT}(?:\\.${IDENT})*))?$`,
);

function numericPart(s: string | undefined): string | undefined {
  if (s === undefined) return '0';
  const n = s.replace(/^0+(?=\d)/, '');
  return n.length > 15 && BigInt(n) > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : n;
}

/** Parses a tag or key as a version; returns a reason string when it is not one. */
export function parseVersion(key: string): ParsedVersion | string {
  const m = TAG_VERSION.exec(key);
  if (!m) return `not a semantic version: "${key}"`;
  const major = numericPart(m[1]);
  const minor = numericPart(m[2]);
  const patch = numericPart(m[3]);
  if (major === undefined || minor === undefined || patch === undefined) {
    return `version number too large: "${key}"`;
  }
  const pre = m[4];
  if (pre?.split('.').some((id) => /^0\d+$/.test(id))) {
    return `prerelease has a numeric identifier with a leading zero: "${key}"`;
  }
  const text = `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}${m[5] ? `+${m[5]}` : ''}`;
  try {
    return { semver: new semver.SemVer(text), text };
  } catch {
    return `not a semantic version: "${key}"`;
  }
}

/**
 * Orders two versions by precedence (build metadata ignored, as semver and Masterminds do).
 * Returns a negative number when `a` sorts below `b`.
 */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  return a.semver.compare(b.semver);
}

/** A compiled version range. */
export interface VersionRange {
  /** The range as written. */
  source: string;
  /** The node-semver translation, for messages. */
  translated: string;
  /** True when a version in the range has a prerelease part (e.g. `>=1.0.0-rc.1`). */
  namesPrerelease: boolean;
  /** Whether a version is inside the range; prerelease policy is the caller's business. */
  test(v: ParsedVersion): boolean;
}

/** A range that cannot be parsed. */
export class VersionRangeError extends Error {
  override name = 'VersionRangeError';
}

const OPERATOR_SPACE = /(>=|<=|=>|=<|!=|~>|>|<|=|~|\^)\s+/g;
const PRERELEASE_IN_VERSION = /^v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*])){0,2}-[0-9A-Za-z]/;

/**
 * Compiles a Masterminds-style range for node-semver: `,` is AND (like a space), `||` is OR,
 * `=>`/`=<` are `>=`/`<=`, `!=X` excludes `X` (wildcards allowed: `!=1.2.x`), and a space after
 * an operator is allowed (`>= 1.0`). Ranges are compiled with node-semver's `includePrerelease`;
 * whether prerelease versions may match at all is decided by the caller.
 */
export function compileRange(source: string): VersionRange {
  const normalised = source
    .replace(OPERATOR_SPACE, '$1')
    .replace(/=>/g, '>=')
    .replace(/=</g, '<=')
    .replace(/,/g, ' ')
    .trim();
  if (normalised === '') throw new VersionRangeError('empty range');
  const opts = { includePrerelease: true } as const;
  const groups: { range: semver.Range; not: semver.Range[] }[] = [];
  let namesPrerelease = false;
  const translated: string[] = [];
  for (const rawGroup of normalised.split('||')) {
    const tokens = rawGroup.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) throw new VersionRangeError(`empty alternative in "${source}"`);
    const keep: string[] = [];
    const not: semver.Range[] = [];
    for (const token of tokens) {
      const bare = token.replace(/^(?:!=|[<>=~^]+)/, '');
      if (PRERELEASE_IN_VERSION.test(bare)) namesPrerelease = true;
      if (token.startsWith('!=')) {
        if (bare === '') throw new VersionRangeError(`"!=" without a version in "${source}"`);
        not.push(parseRange(bare, opts));
      } else keep.push(token);
    }
    const range = parseRange(keep.join(' ') || '*', opts);
    groups.push({ range, not });
    translated.push([range.range || '*', ...not.map((n) => `!(${n.range || '*'})`)].join(' '));
  }
  return {
    source,
    translated: translated.join(' || '),
    namesPrerelease,
    test(v: ParsedVersion): boolean {
      return groups.some((g) => g.range.test(v.semver) && !g.not.some((n) => n.test(v.semver)));
    },
  };
}

function parseRange(text: string, opts: semver.RangeOptions): semver.Range {
  try {
    return new semver.Range(text, opts);
  } catch (err) {
    throw new VersionRangeError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}
