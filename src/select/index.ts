/**
 * Tag selection: which tags (and digests) of a source repository to mirror.
 *
 * Pipeline over the listed tags (flux mirror's, extended with globs, explicit tags and excludes):
 *
 * 1. `regex` — tags the (unanchored, Go-style) pattern does not match are dropped. With `extract`,
 *    the expanded template becomes the tag's comparison *key* for the next steps; otherwise the
 *    key is the tag itself.
 * 2. `semver` — the key must parse as a version (`v` prefix, `1`/`1.2` shorthands and `_` for `+`
 *    accepted, see `version.ts`) and lie inside the range. Prerelease versions pass only when
 *    `prerelease: true`, or when `prerelease` is unset and the range itself names a prerelease
 *    (`>=1.0.0-rc.1`, `>=1.0.0-0`); `prerelease: false` always drops them.
 * 3. `glob` (any must match the raw tag), then `exclude` (globs or `/regex/` against the raw tag;
 *    any match drops it).
 * 4. Sort, always "newest-looking first" like flux mirror: `semver` highest precedence first (keys
 *    that are not versions are dropped with a reason; with no range, prereleases are kept unless
 *    `prerelease: false`), `numerical` highest number first (non-numbers dropped), `alphabetical`
 *    descending code-unit order (`RELEASE.2024-12-…` before `RELEASE.2024-11-…`). Ties (equal
 *    versions such as `1.2.3` / `v1.2.3` / `1.2.3_b1`, equal numbers, equal extracted keys) are
 *    broken by the raw tag in ascending code-unit order, so the result never depends on the
 *    order the registry listed tags in (and equals flux's stable sort for lexically listed tags).
 * 5. `limit` keeps the first N (default 1, `0` = all).
 *
 * Explicit `tags` are pinned: they skip every filter (including `exclude`) and are never capped by
 * `limit`; they follow the pattern-selected tags, in the order given, without duplicates. They are
 * selected even when absent from the listing (the copy reports them as missing). A selector with
 * only `tags`/`digests` has no pattern part and needs no tag listing; `sortBy`/`limit` then have
 * no effect. A selector with nothing at all keeps flux mirror's default: the highest semver tag.
 */
import { SelectorError } from './errors.js';
import { compileGoRegex, expandTemplate, type GoRegex, parseTemplate, templateProblems } from './goregex.js';
import { compileExclude, compileGlob, type TagPattern } from './patterns.js';
import type { RejectedTag, SelectedTag, SelectionResult, SelectOptions, Selector, SortBy } from './types.js';
import {
  compareVersions,
  compileRange,
  type ParsedVersion,
  parseVersion,
  type VersionRange,
} from './version.js';

export { SelectorError, TooFewTagsError } from './errors.js';
export type {
  RegexFilter,
  RejectedTag,
  SelectedTag,
  SelectionResult,
  SelectOptions,
  Selector,
  SortBy,
} from './types.js';
export { compareVersions, type ParsedVersion, parseVersion } from './version.js';

/** The sort strategies, in documentation order. */
export const SORT_BY: readonly SortBy[] = ['semver', 'alphabetical', 'numerical'];

const DEFAULT_MAX_REJECTED = 1000;
/** How many unparseable tags a selection names (the report and the text line show these). */
const UNPARSEABLE_EXAMPLES = 5;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]+$/;
const DIGEST_HEX: Readonly<Record<string, RegExp>> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
};

/** A selector checked and compiled once. */
interface Plan {
  regex?: { rx: GoRegex; extract?: ReturnType<typeof parseTemplate> };
  range?: VersionRange;
  /** Prerelease policy: true = include, false = drop, undefined = keep (no range given). */
  prerelease: boolean | undefined;
  globs: TagPattern[];
  excludes: TagPattern[];
  defaultExcludes: TagPattern[];
  includes: TagPattern[];
  tags: string[];
  digests: string[];
  sortBy: SortBy | undefined;
  limit: number | undefined;
  hasPattern: boolean;
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const nonEmptyList = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const errMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function hasPatternPart(s: Selector): boolean {
  if (isSet(s.regex) || nonEmptyString(s.semver) || nonEmptyList(s.glob)) return true;
  return !nonEmptyList(s.tags) && !nonEmptyList(s.digests);
}

function stringList(value: unknown, field: string, problems: string[]): string[] {
  if (!isSet(value)) return [];
  if (!Array.isArray(value)) {
    problems.push(`${field}: must be a list of strings`);
    return [];
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item === '') problems.push(`${field}[${i}]: must be a non-empty string`);
    else out.push(item);
  });
  return out;
}

function analyse(selector: Selector): { problems: string[]; plan: Plan } {
  const problems: string[] = [];
  const plan: Plan = {
    prerelease: undefined,
    globs: [],
    excludes: [],
    defaultExcludes: [],
    includes: [],
    tags: [],
    digests: [],
    sortBy: undefined,
    limit: undefined,
    hasPattern: false,
  };
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
    return { problems: ['selector: must be a mapping'], plan };
  }
  const s = selector as Record<keyof Selector, unknown>;
  plan.hasPattern = hasPatternPart(selector);

  if (isSet(s.regex)) {
    const r = s.regex as { pattern?: unknown; extract?: unknown };
    if (typeof r !== 'object' || typeof r.pattern !== 'string') {
      problems.push('regex.pattern: required, must be a string');
    } else {
      try {
        const rx = compileGoRegex(r.pattern);
        plan.regex = { rx };
        if (isSet(r.extract)) {
          if (typeof r.extract !== 'string') problems.push('regex.extract: must be a string');
          else if (r.extract !== '') {
            const extract = parseTemplate(r.extract);
            for (const p of templateProblems(extract, rx)) problems.push(`regex.extract: ${p}`);
            plan.regex.extract = extract;
          }
        }
      } catch (err) {
        problems.push(
          `regex.pattern: invalid regular expression ${JSON.stringify(r.pattern)}: ${errMessage(err)}`,
        );
      }
    }
  }

  if (isSet(s.semver)) {
    if (typeof s.semver !== 'string') problems.push('semver: must be a string');
    else if (s.semver.trim() !== '') {
      try {
        plan.range = compileRange(s.semver);
      } catch (err) {
        problems.push(`semver: invalid range ${JSON.stringify(s.semver)}: ${errMessage(err)}`);
      }
    }
  }

  if (isSet(s.prerelease) && typeof s.prerelease !== 'boolean')
    problems.push('prerelease: must be true or false');
  const pre = typeof s.prerelease === 'boolean' ? s.prerelease : undefined;
  plan.prerelease = pre ?? (plan.range ? plan.range.namesPrerelease : undefined);

  const patterns = (value: unknown, field: string, kind: 'glob' | 'pattern'): TagPattern[] =>
    stringList(value, field, problems).flatMap((x, i) => {
      try {
        return [kind === 'glob' ? compileGlob(x) : compileExclude(x)];
      } catch (err) {
        problems.push(`${field}[${i}]: invalid ${kind} ${JSON.stringify(x)}: ${errMessage(err)}`);
        return [];
      }
    });
  plan.globs = patterns(s.glob, 'glob', 'glob');
  plan.excludes = patterns(s.exclude, 'exclude', 'pattern');
  plan.defaultExcludes = patterns(s.defaultExclude, 'defaultExclude', 'pattern');
  plan.includes = patterns(s.include, 'include', 'glob');

  const tags = stringList(s.tags, 'tags', problems);
  tags.forEach((t, i) => {
    if (!TAG_RE.test(t)) problems.push(`tags[${i}]: ${JSON.stringify(t)} is not a valid tag`);
  });
  plan.tags = [...new Set(tags)];

  const digests = stringList(s.digests, 'digests', problems);
  digests.forEach((d, i) => {
    const algo = d.slice(0, d.indexOf(':'));
    const hex = DIGEST_HEX[algo];
    if (!DIGEST_RE.test(d) || (hex && !hex.test(d.slice(algo.length + 1)))) {
      problems.push(`digests[${i}]: ${JSON.stringify(d)} is not a valid digest (want e.g. sha256:<64 hex>)`);
    }
  });
  plan.digests = [...new Set(digests)];

  if (isSet(s.sortBy)) {
    if (!SORT_BY.includes(s.sortBy as SortBy)) {
      problems.push(`sortBy: ${JSON.stringify(s.sortBy)} is not one of ${SORT_BY.join(', ')}`);
    } else plan.sortBy = s.sortBy as SortBy;
  }
  if (isSet(s.limit)) {
    if (typeof s.limit !== 'number' || !Number.isInteger(s.limit) || s.limit < 0) {
      problems.push(`limit: must be a whole number >= 0 (0 = no limit), got ${JSON.stringify(s.limit)}`);
    } else plan.limit = s.limit;
  }
  return { problems, plan };
}

/**
 * Checks a selector without evaluating it. Returns human-readable problems, each prefixed with
 * the field it concerns (`regex.extract: refers to unknown group "ver" …`); empty when valid.
 */
export function validateSelector(selector: Selector): string[] {
  return analyse(selector).problems;
}

/**
 * Whether evaluating the selector requires the repository's tag list: false when it consists only
 * of explicit `tags` and/or `digests` (plus settings that then have no effect: `exclude`, `sortBy`,
 * `limit`, `prerelease`).
 */
export function needsTagList(selector: Selector): boolean {
  if (typeof selector !== 'object' || selector === null) return true;
  return hasPatternPart(selector);
}

interface Entry {
  tag: string;
  key: string;
  version?: ParsedVersion;
}

type Keyed<T> = { e: Entry; k: T };

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;

interface Num {
  value: number;
  /** Exact value for integers beyond double precision. */
  big?: bigint;
}

function parseNumber(key: string): Num | undefined {
  if (!NUMBER_RE.test(key)) return undefined;
  const value = Number(key);
  if (!Number.isFinite(value)) return undefined;
  if (!Number.isSafeInteger(value) && INTEGER_RE.test(key)) return { value, big: BigInt(key) };
  return { value };
}

function compareNumbers(a: Num, b: Num): number {
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  if (a.big !== undefined && b.big !== undefined && a.big !== b.big) return a.big < b.big ? -1 : 1;
  return 0;
}

/**
 * Evaluates a selector over a repository's tags (see the module comment for the pipeline).
 * `available` may be empty when {@link needsTagList} is false. Throws {@link SelectorError} when
 * {@link validateSelector} reports problems, or when `opts` holds an invalid default.
 */
export function selectTags(
  available: readonly string[],
  selector: Selector,
  opts: SelectOptions = {},
): SelectionResult {
  const { problems, plan } = analyse(selector);
  const defaultLimit = opts.defaultLimit ?? 1;
  if (!Number.isInteger(defaultLimit) || defaultLimit < 0) {
    problems.push(`defaultLimit: must be a whole number >= 0, got ${defaultLimit}`);
  }
  const defaultSortBy = opts.defaultSortBy ?? 'semver';
  if (!SORT_BY.includes(defaultSortBy))
    problems.push(`defaultSortBy: ${JSON.stringify(defaultSortBy)} is unknown`);
  if (problems.length > 0) throw new SelectorError(problems);

  const maxRejected = opts.maxRejected ?? DEFAULT_MAX_REJECTED;
  const rejected: RejectedTag[] = [];
  let rejectedCount = 0;
  const reject = (tag: string, reason: string): void => {
    rejectedCount += 1;
    if (rejected.length < maxRejected) rejected.push({ tag, reason });
  };

  const selected: SelectedTag[] = [];
  let considered = 0;
  let unparseable: SelectionResult['unparseable'];
  if (plan.hasPattern) {
    const unique = [...new Set(available)];
    considered = unique.length;
    const sortBy = plan.sortBy ?? (plan.range ? 'semver' : defaultSortBy);
    const limit = plan.limit ?? defaultLimit;
    const entries = filter(unique, plan, reject);
    const unparsed: string[] = [];
    const sorted = sortEntries(entries, sortBy, plan, reject, unparsed);
    if (unparsed.length > 0 && sortBy !== 'alphabetical') {
      unparseable = { count: unparsed.length, sortBy, examples: unparsed.slice(0, UNPARSEABLE_EXAMPLES) };
    }
    sorted.forEach((e, i) => {
      if (limit > 0 && i >= limit) {
        reject(e.tag, `beyond limit ${limit}`);
        return;
      }
      selected.push({ tag: e.tag, version: sortBy === 'semver' && e.version ? e.version.text : e.key });
    });
  }
  const seen = new Set(selected.map((s) => s.tag));
  if (plan.includes.length > 0) {
    for (const tag of [...new Set(available)]) {
      if (seen.has(tag) || typeof tag !== 'string') continue;
      if (!plan.includes.some((g) => g.test(tag))) continue;
      if (plan.excludes.some((x) => x.test(tag))) continue;
      selected.push({ tag });
      seen.add(tag);
    }
  }
  for (const tag of plan.tags) {
    if (!seen.has(tag)) selected.push({ tag });
    seen.add(tag);
  }
  return {
    selected,
    digests: plan.digests,
    considered,
    rejected,
    rejectedCount,
    ...(unparseable ? { unparseable } : {}),
  };
}

/** Steps 1-3: regex (+extract), semver range, globs, excludes. Keeps input order. */
function filter(tags: readonly string[], plan: Plan, reject: (tag: string, reason: string) => void): Entry[] {
  const out: Entry[] = [];
  const { regex, range, globs, excludes } = plan;
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    const entry: Entry = { tag, key: tag };
    if (regex) {
      const m = regex.rx.re.exec(tag);
      if (!m) {
        reject(tag, `does not match regex ${JSON.stringify(regex.rx.source)}`);
        continue;
      }
      if (regex.extract) entry.key = expandTemplate(regex.extract, m);
    }
    if (range) {
      const v = parseVersion(entry.key);
      if (typeof v === 'string') {
        reject(tag, v);
        continue;
      }
      if (v.semver.prerelease.length > 0 && plan.prerelease !== true) {
        reject(tag, `prerelease ${v.text} excluded (set prerelease: true to include)`);
        continue;
      }
      if (!range.test(v)) {
        reject(tag, `${v.text} is outside range ${JSON.stringify(range.source)}`);
        continue;
      }
      entry.version = v;
    }
    if (globs.length > 0 && !globs.some((g) => g.test(tag))) {
      reject(tag, `matches no glob (${globs.map((g) => g.source).join(', ')})`);
      continue;
    }
    const ex = excludes.find((x) => x.test(tag)) ?? plan.defaultExcludes.find((x) => x.test(tag));
    if (ex) {
      reject(tag, `excluded by ${JSON.stringify(ex.source)}`);
      continue;
    }
    out.push(entry);
  }
  return out;
}

/** Step 4: parse keys for the strategy, drop unparsable ones, sort descending with tag tiebreak. */
function sortEntries(
  entries: Entry[],
  sortBy: SortBy,
  plan: Plan,
  reject: (tag: string, reason: string) => void,
  unparsed: string[],
): Entry[] {
  const tie = (a: Entry, b: Entry): number => byCodeUnit(a.tag, b.tag);
  switch (sortBy) {
    case 'semver': {
      const keyed: Keyed<ParsedVersion>[] = [];
      for (const e of entries) {
        const v = e.version ?? parseVersion(e.key);
        if (typeof v === 'string') {
          reject(e.tag, v);
          unparsed.push(e.tag);
          continue;
        }
        if (plan.prerelease === false && v.semver.prerelease.length > 0) {
          reject(e.tag, `prerelease ${v.text} excluded (prerelease: false)`);
          continue;
        }
        e.version = v;
        keyed.push({ e, k: v });
      }
      keyed.sort((a, b) => compareVersions(b.k, a.k) || tie(a.e, b.e));
      return keyed.map((x) => x.e);
    }
    case 'numerical': {
      const keyed: Keyed<Num>[] = [];
      for (const e of entries) {
        const n = parseNumber(e.key);
        if (n === undefined) {
          reject(e.tag, `not a number: ${JSON.stringify(e.key)}`);
          unparsed.push(e.tag);
        } else keyed.push({ e, k: n });
      }
      keyed.sort((a, b) => compareNumbers(b.k, a.k) || tie(a.e, b.e));
      return keyed.map((x) => x.e);
    }
    case 'alphabetical':
      return [...entries].sort((a, b) => byCodeUnit(b.key, a.key) || tie(a, b));
  }
}

/** Tag names that are commonly moving pointers rather than versions. */
const POINTER_TAGS = ['latest', 'main', 'master', 'stable', 'edge', 'nightly', 'dev'] as const;

/**
 * For `validate`: which common pointer tags (`latest`, `main`, `stable`, …) this selector's
 * patterns (`regex`, `glob`) let through but its sort then drops as unparseable (flux mirror's rule
 * for `sortBy: semver`/`numerical`). Empty when the selector has no such pattern or sorts
 * alphabetically.
 */
export function pointerTagsDroppedBySort(selector: Selector): string[] {
  if (selector.regex === undefined && selector.glob === undefined) return [];
  if (selector.semver !== undefined) return []; // a range asks for versions only
  if (validateSelector(selector).length > 0) return [];
  const r = selectTags(POINTER_TAGS, { ...selector, tags: [], digests: [], limit: 0 });
  return r.unparseable?.examples ?? [];
}
