/**
 * YAML parsing with positions, and `${VAR}` substitution on parsed scalars (so every node keeps
 * its true line:column).
 */
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
} from 'yaml';
import { ConfigError } from './errors.js';

/** A path into the document: map keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

/** Renders a path as `artifacts[2].selector.limit`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}

/** A parsed YAML document plus what is needed to turn offsets into positions. */
export class ParsedYaml {
  readonly doc: Document.Parsed;
  readonly file: string;
  readonly text: string;
  readonly #lines: LineCounter;

  constructor(doc: Document.Parsed, lines: LineCounter, file: string, text: string) {
    this.doc = doc;
    this.#lines = lines;
    this.file = file;
    this.text = text;
  }

  /** 1-based line/column of a character offset. */
  posOf(offset: number): { line: number; column: number } {
    const p = this.#lines.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /**
   * Position of the node at `path`: its value node, or with `key` its key. Falls back to the
   * nearest existing ancestor when the path does not exist (e.g. a missing required field).
   */
  locate(path: FieldPath, opts: { key?: boolean } = {}): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let keyNode: unknown;
    let best: unknown = node;
    for (const seg of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && keyOf(it.key) === String(seg));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const next = node.items[seg];
        if (next === undefined) break;
        node = next;
      } else {
        break;
      }
      best = opts.key && keyNode ? keyNode : (node ?? keyNode);
    }
    const range = (best as Node | undefined)?.range;
    if (!range) return { line: 1, column: 1 };
    return this.posOf(range[0]);
  }

  /** A ConfigError at `path` (value node, or key node with `key`). */
  error(
    path: FieldPath,
    message: string,
    opts: { key?: boolean; hint?: string | undefined; cause?: unknown; displayPath?: FieldPath } = {},
  ): ConfigError {
    const { line, column } = this.locate(path, opts.key ? { key: true } : {});
    return new ConfigError(
      {
        file: this.file,
        line,
        column,
        path: formatPath(opts.displayPath ?? path),
        message,
        ...(opts.hint ? { hint: opts.hint } : {}),
      },
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
  }
}

function keyOf(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  if (typeof k === 'string') return k;
  return undefined;
}

/** Parses YAML text; syntax errors (incl. duplicate keys) come back as ConfigErrors. */
export function parseYaml(text: string, file: string): { parsed: ParsedYaml; errors: ConfigError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const parsed = new ParsedYaml(doc, lines, file, text);
  const errors = doc.errors.map((e) => {
    const { line, column } = parsed.posOf(e.pos[0]);
    const msg = e.message.split('\n')[0] ?? e.message;
    return new ConfigError(
      {
        file,
        line,
        column,
        path: '',
        message: `YAML syntax error: ${msg.replace(/ at line \d+, column \d+.*$/, '')}`,
      },
      { cause: e },
    );
  });
  return { parsed, errors };
}

/** Variable names whose values are always treated as secrets. */
const SECRET_NAME = /TOKEN|PASSWORD|SECRET|KEY|CREDENTIAL|AUTH|PASS/i;

/** Options for {@link substituteEnv}. */
export interface SubstituteOptions {
  env: NodeJS.ProcessEnv;
  /** Whether a value landing at this path is credential material (its env values become secrets). */
  isSecretPath: (path: FieldPath) => boolean;
  /** An unset `${VAR}` (no default) becomes the empty string instead of an error (ocync's rule). */
  unsetIsEmpty?: boolean;
}

/** What substitution found: problems (missing variables) and values to mask. */
export interface SubstituteResult {
  errors: ConfigError[];
  secrets: string[];
}

const VAR_RE = /\$\$|\$\{([^}]*)\}/g;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Substitutes `${VAR}` and `${VAR:-default}` in every scalar key and value of the document, in
 * place; `$$` is a literal `$`. A bare `$name` is left alone (regex anchors, extract templates).
 * A plain (unquoted) scalar is re-typed after substitution, so `limit: ${N}` is a number, as if
 * the text had been substituted before parsing (flux mirror substitutes the raw file).
 */
export function substituteEnv(parsed: ParsedYaml, opts: SubstituteOptions): SubstituteResult {
  const errors: ConfigError[] = [];
  const secrets = new Set<string>();

  const subst = (scalar: Scalar, path: FieldPath, isKey: boolean): void => {
    if (typeof scalar.value !== 'string') {
      // A plain scalar like `${N}` is always a string; numbers/booleans have no `$`.
      return;
    }
    const src = scalar.value;
    if (!src.includes('$')) return;
    let changed = false;
    const secretField = !isKey && opts.isSecretPath(path);
    const out = src.replace(VAR_RE, (whole, expr: string | undefined) => {
      if (whole === '$$') {
        changed = true;
        return '$';
      }
      const body = expr ?? '';
      const sep = body.search(/:[-?]/);
      const name = sep >= 0 ? body.slice(0, sep) : body;
      const required = sep >= 0 && body[sep + 1] === '?';
      const def = sep >= 0 && !required ? body.slice(sep + 2) : undefined;
      if (!NAME_RE.test(name)) {
        errors.push(
          errorInScalar(parsed, scalar, path, whole, `\`${whole}\` is not a valid variable reference`, {
            hint: `use \${NAME}, \${NAME:-default} or \${NAME:?message}; write $$ for a literal $`,
          }),
        );
        return whole;
      }
      const value = opts.env[name];
      changed = true;
      if (value === undefined || (value === '' && def !== undefined)) {
        if (def !== undefined) return def;
        if (required) {
          const why = body.slice(sep + 2);
          errors.push(
            errorInScalar(
              parsed,
              scalar,
              path,
              whole,
              `environment variable ${name} is not set${why ? `: ${why}` : ''}`,
              {},
            ),
          );
          return '';
        }
        if (opts.unsetIsEmpty) return '';
        errors.push(
          errorInScalar(parsed, scalar, path, whole, `environment variable ${name} is not set`, {
            hint: `set ${name}, give a default with \${${name}:-default}, or disable substitution`,
          }),
        );
        return '';
      }
      if (value !== '' && (secretField || SECRET_NAME.test(name))) secrets.add(value);
      return value;
    });
    if (!changed) return;
    if (scalar.type === Scalar.PLAIN && !isKey) {
      scalar.value = retype(out);
    } else {
      scalar.value = out;
    }
  };

  const walk = (node: unknown, path: FieldPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) subst(pair.key, [...path, String(pair.key.value)], true);
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (isScalar(node)) {
      subst(node, path, false);
    }
  };
  walk(parsed.doc.contents, []);
  return { errors, secrets: [...secrets] };
}

/** YAML 1.2 core-schema typing of a plain scalar's text. */
function retype(s: string): unknown {
  if (/^(?:null|Null|NULL|~|)$/.test(s)) return s === '' ? '' : null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number.parseFloat(s);
  return s;
}

/** An error pointing at `needle` inside the scalar's source text when it can be found there. */
function errorInScalar(
  parsed: ParsedYaml,
  scalar: Scalar,
  path: FieldPath,
  needle: string,
  message: string,
  opts: { hint?: string },
): ConfigError {
  const range = scalar.range;
  let offset = range ? range[0] : undefined;
  if (range) {
    const at = parsed.text.slice(range[0], range[1]).indexOf(needle);
    if (at >= 0) offset = range[0] + at;
  }
  const { line, column } = offset === undefined ? parsed.locate(path) : parsed.posOf(offset);
  return new ConfigError({
    file: parsed.file,
    line,
    column,
    path: formatPath(path),
    message,
    ...(opts.hint ? { hint: opts.hint } : {}),
  });
}
