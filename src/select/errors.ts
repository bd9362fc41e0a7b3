/**
 * Errors of the tag-selection module.
 */

/** A selector that cannot be evaluated; `problems` lists every issue found, human-readable. */
export class SelectorError extends Error {
  override name = 'SelectorError';
  /** Each problem, prefixed with the selector field it concerns (e.g. `semver: …`). */
  readonly problems: readonly string[];

  constructor(problems: readonly string[], options?: ErrorOptions) {
    super(
      problems.length === 1
        ? `invalid selector: ${problems[0]}`
        : `invalid selector:\n  ${problems.join('\n  ')}`,
      options,
    );
    this.problems = [...problems];
  }
}

/** Fewer tags survived selection than the entry requires (ocync's `min_tags`). */
export class TooFewTagsError extends Error {
  override name = 'TooFewTagsError';
  readonly selected: number;
  readonly required: number;

  constructor(selected: number, required: number, options?: ErrorOptions) {
    super(`${selected} tag${selected === 1 ? '' : 's'} selected, fewer than min_tags ${required}`, options);
    this.selected = selected;
    this.required = required;
  }
}
