/**
 * Public types of the tag-selection module.
 *
 * A {@link Selector} describes which tags (and digests) of a source repository are mirrored.
 * It is shared by every config dialect (our own, flux mirror `Config` files, …); see
 * `src/select/index.ts` for the exact semantics of each field.
 */

/**
 * How the tags that survive filtering are ordered before `limit` is applied.
 * Every strategy orders "newest-looking first" (descending), as flux mirror does:
 * - `semver`: by semantic-version precedence, highest first; keys that are not versions are dropped.
 * - `numerical`: by numeric value, highest first; keys that are not numbers are dropped.
 * - `alphabetical`: by code-unit order, descending (`RELEASE.2024-12-01` before `RELEASE.2024-11-12`).
 */
export type SortBy = 'semver' | 'alphabetical' | 'numerical';

/** Regex prefilter: tags that do not match are dropped; `extract` rewrites the comparison key. */
export interface RegexFilter {
  /** Go (RE2) style pattern; `(?P<name>…)` groups, a leading `(?i)`/`(?s)`/`(?m)`, `\A`, `\z` accepted. Unanchored. */
  pattern: string;
  /** Go `Regexp.Expand` template, e.g. `$name`, `${name}`, `$1`; `$$` is a literal `$`. */
  extract?: string;
}

/** Which tags of a repository to mirror. All fields are optional; an empty selector keeps the highest semver tag. */
export interface Selector {
  /** Regex prefilter (+ optional extraction of the comparison key). */
  regex?: RegexFilter;
  /** Version range, Masterminds/flux forms (`6.x`, `>=1.0.0 <2.0.0`, `>= 1.0, < 2.0`, `~1.2`, `^1.2`, `1.2.x || 2.x`, `!=1.3.0`). */
  semver?: string;
  /** Include prereleases: `true` always, `false` never; unset = only when the range itself names a prerelease. */
  prerelease?: boolean;
  /** Tag globs (picomatch syntax); a tag passes if any glob matches. */
  glob?: string[];
  /** Explicit tags: always selected, in the given order, never capped by `limit`. */
  tags?: string[];
  /** Explicit digests `algorithm:hex`, passed through to {@link SelectionResult.digests}. */
  digests?: string[];
  /** Globs, or `/regex/` (Go style), matched against the raw tag; a match drops the tag. */
  exclude?: string[];
  /**
   * Excludes like `exclude` that `include` overrides (ocync's built-in prerelease excludes:
   * `*-rc*`, `*-alpha*`, …).
   */
  defaultExclude?: string[];
  /**
   * Always-include globs (ocync's `include`): listed tags matching any of them are added to the
   * pattern-selected ones, past `regex`/`semver`/`glob`/`defaultExclude`/sort/`limit`, but still
   * subject to `exclude`. Unlike `tags`, a tag absent from the listing is simply not selected.
   */
  include?: string[];
  /** Sort strategy; default `semver` when `semver` is set, else the caller's default (itself `semver` by default). */
  sortBy?: SortBy;
  /** How many pattern-selected tags to keep, highest first; default 1 (flux mirror), 0 = all. */
  limit?: number;
}

/** One selected tag. */
export interface SelectedTag {
  /** The tag as it exists in the registry. */
  tag: string;
  /**
   * The key the tag was sorted by: the normalised semantic version (`1.2.3+build5` for tag `v1.2.3_build5`)
   * under `semver` sort, otherwise the (possibly regex-extracted) key. Absent for explicit `tags`.
   */
  version?: string;
}

/** A tag that was dropped, with a human-readable reason (for `--verbose`). */
export interface RejectedTag {
  tag: string;
  reason: string;
}

/** Outcome of {@link Selector} evaluation over a tag list. */
export interface SelectionResult {
  /** Pattern-selected tags (sorted, limited) followed by explicit `tags` not already present. */
  selected: SelectedTag[];
  /** Explicit digests, de-duplicated, in the given order. */
  digests: string[];
  /** Number of distinct listed tags run through the pattern pipeline (0 when only explicit tags/digests). */
  considered: number;
  /** Dropped tags with reasons, in pipeline order, capped at `maxRejected` entries. */
  rejected: RejectedTag[];
  /** Total number of dropped tags, including those beyond the cap of {@link SelectionResult.rejected}. */
  rejectedCount: number;
  /**
   * Tags that passed every filter but were dropped by the sort because they do not parse for it
   * (`latest` under `semver`, `main` under `numerical`): the count and the first few. Absent when none.
   */
  unparseable?: { count: number; sortBy: 'semver' | 'numerical'; examples: string[] };
}

/** Caller-supplied defaults for {@link Selector} fields the config left unset. */
export interface SelectOptions {
  /** Sort used when neither `sortBy` nor `semver` is set. Default `semver` (flux mirror). */
  defaultSortBy?: SortBy;
  /** Limit used when `limit` is unset. Default 1 (flux mirror). */
  defaultLimit?: number;
  /** Cap on {@link SelectionResult.rejected}. Default 1000. */
  maxRejected?: number;
}
