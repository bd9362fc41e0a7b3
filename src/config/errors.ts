/**
 * Config errors. Every problem names the file, the 1-based line and column of the offending YAML
 * node, the field path (`artifacts[2].selector.limit`) and a plain-words message.
 */

/** One problem found in a config file. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Display path of the config ('<stdin>', '$OCI_MIRROR_CONFIG' or the path as given). */
  readonly file: string;
  /** 1-based line of the offending node. */
  readonly line: number;
  /** 1-based column of the offending node. */
  readonly column: number;
  /** Field path such as `artifacts[2].selector.limit`; empty for the document itself. */
  readonly path: string;
  /** What is wrong, in plain words (never contains a secret value). */
  readonly problem: string;
  /** Optional suggestion, e.g. "did you mean `destination`?". */
  readonly hint: string | undefined;

  /** Creates a problem at `file:line:column` for the field `path`. */
  constructor(
    init: { file: string; line: number; column: number; path: string; message: string; hint?: string },
    options?: { cause?: unknown },
  ) {
    super(formatProblem(init), options);
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.path = init.path;
    this.problem = init.message;
    this.hint = init.hint;
  }
}

/** Why a secret variable is empty on GitHub, said with every empty-credential message. */
export const EMPTY_SECRET_WHY =
  'GitHub passes no secrets to workflows of pull requests from forks, Dependabot runs only get Dependabot secrets, or the secret is not defined for this repository or environment';

/** Every problem found while loading one config; thrown by `loadConfig`. */
export class ConfigErrors extends Error {
  override readonly name = 'ConfigErrors';
  /** The problems, sorted by position. */
  readonly errors: readonly ConfigError[];

  /** Aggregates `errors` (sorted by line, then column); the message lists each on its own line. */
  constructor(errors: readonly ConfigError[], options?: { cause?: unknown }) {
    const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
    const head = sorted.length === 1 ? 'invalid config' : `invalid config (${sorted.length} problems)`;
    super(`${head}:\n${sorted.map((e) => `  ${e.message}`).join('\n')}`, options);
    this.errors = sorted;
  }
}

/** Formats `file:line:column: path: message (hint)`. */
export function formatProblem(p: {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  hint?: string | undefined;
}): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const path = p.path ? ` ${p.path}:` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where}:${path} ${p.message}${hint}`;
}

/**
 * The config file does not exist: said as such, with where it was looked for and what to do,
 * rather than as a problem at line 1:1 of an invalid config. Still a `ConfigErrors` (exit code 3).
 */
export class ConfigNotFound extends ConfigErrors {
  /** Absolute path that was looked for. */
  readonly path: string;

  constructor(file: string, path: string, options?: { cause?: unknown }) {
    const hint =
      'pass the path of your mirror config (relative to the working directory; in GitHub Actions to the workspace, after actions/checkout), `-` for standard input, or set OCI_MIRROR_CONFIG';
    super(
      [
        new ConfigError(
          { file, line: 1, column: 1, path: '', message: 'config file not found', hint },
          options,
        ),
      ],
      options,
    );
    this.path = path;
    this.message = `config file not found: ${file} (looked for ${path})\nhint: ${hint}`;
  }
}
