/**
 * `loadConfig`: read → parse (with positions) → `${VAR}` substitution → dialect detection →
 * JSON Schema → semantic checks → the normalised {@link MirrorConfig}.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { redactValues } from '../secrets.js';
import { normalize } from './dialects/index.js';
import { ConfigError, ConfigErrors } from './errors.js';
import type { Dialect, MirrorConfig } from './model.js';
import { validateSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import { type FieldPath, type ParsedYaml, parseYaml, substituteEnv } from './yaml.js';

/** Where the config comes from and how to read it. */
export interface LoadConfigInput {
  /** Config file path; `-` means `stdin`. Without a path, `OCI_MIRROR_CONFIG` holds the YAML itself. */
  path?: string;
  /** The text read from standard input (used when `path` is `-`). */
  stdin?: string;
  /** Environment for `${VAR}` substitution and `OCI_MIRROR_CONFIG` (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Substitute `${VAR}` references (default true). */
  envsubst?: boolean;
  /** Directory for stdin / environment configs (default `process.cwd()`). */
  cwd?: string;
}

/** The apiVersions we load. */
export const API_VERSIONS: readonly Dialect[] = [
  'oci-mirror/v1',
  'mirror.plugin.fluxcd.io/v1beta1',
  'mirror.plugin.fluxcd.io/v1beta2',
];

/** Name of the environment variable that may hold the whole config. */
export const CONFIG_ENV = 'OCI_MIRROR_CONFIG';

/**
 * Loads, validates and normalises a config. Throws {@link ConfigErrors} listing every problem
 * (each with file:line:column and field path; secret values are never included).
 */
export async function loadConfig(input: LoadConfigInput): Promise<MirrorConfig> {
  const env = input.env ?? process.env;
  const cwd = resolve(input.cwd ?? process.cwd());
  let text: string;
  let file: string;
  let dir: string;
  if (input.path === '-') {
    file = '<stdin>';
    dir = cwd;
    if (input.stdin === undefined) throw single(file, 'no config on standard input');
    text = input.stdin;
  } else if (input.path !== undefined && input.path !== '') {
    file = input.path;
    const abs = resolve(cwd, input.path);
    dir = dirname(abs);
    try {
      text = await readFile(abs, 'utf8');
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
      throw single(file, `config ${why}`, cause);
    }
  } else {
    file = `$${CONFIG_ENV}`;
    dir = cwd;
    const fromEnv = env[CONFIG_ENV];
    if (fromEnv === undefined || fromEnv.trim() === '') {
      throw single(
        file,
        `no config given: pass a file path, \`-\` for stdin, or set ${CONFIG_ENV} to the YAML`,
      );
    }
    text = fromEnv;
  }
  return loadConfigText(text, { file, dir, env, envsubst: input.envsubst ?? true });
}

/** Loads config text that has already been read; `file` is for messages, `dir` for relative paths. */
export function loadConfigText(
  text: string,
  opts: { file: string; dir: string; env?: NodeJS.ProcessEnv; envsubst?: boolean },
): MirrorConfig {
  const { parsed, errors: syntax } = parseYaml(text, opts.file);
  if (syntax.length > 0) throw new ConfigErrors(syntax);
  const root = parsed.doc.contents;
  if (root === null || root === undefined) throw single(opts.file, 'config is empty');

  const secrets = new Set<string>();
  const fail = (errors: ConfigError[]): ConfigErrors =>
    new ConfigErrors(secrets.size > 0 ? errors.map((e) => masked(e, [...secrets])) : errors);

  if (opts.envsubst ?? true) {
    // ocync substitutes an unset `${VAR}` with the empty string; the others refuse it.
    const raw: unknown = parsed.doc.toJS({ maxAliasCount: 100 });
    const ocync = isObject(raw) && isOcyncShape(raw);
    const sub = substituteEnv(parsed, {
      env: opts.env ?? process.env,
      isSecretPath: ocync ? isOcyncSecretPath : isSecretPath,
      unsetIsEmpty: ocync,
    });
    for (const s of sub.secrets) secrets.add(s);
    if (sub.errors.length > 0) throw fail(sub.errors);
  }

  const data: unknown = parsed.doc.toJS({ maxAliasCount: 100 });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fail([
      parsed.error(
        [],
        `expected a mapping with apiVersion and kind, got ${Array.isArray(data) ? 'a list' : 'a scalar'}`,
      ),
    ]);
  }
  const record = data as Record<string, unknown>;
  const head = checkHead(record, parsed);
  if (head.errors.length > 0 || head.dialect === undefined) throw fail(head.errors);

  const schemaErrors = validateSchema(head.dialect, record, parsed);
  if (schemaErrors.length > 0) throw fail(schemaErrors);

  const { config, errors } = normalize(record, { dialect: head.dialect, parsed, dir: opts.dir, secrets });
  if (errors.length > 0) throw fail(errors);
  return config;
}

/** apiVersion / kind checks with suggestions, before the schema (which depends on them). */
function checkHead(
  data: Record<string, unknown>,
  parsed: ParsedYaml,
): { dialect?: Dialect; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  if (isLazyociShape(data)) return { dialect: 'lazyoci/mirror', errors };
  if (isOcyncShape(data)) return { dialect: 'ocync', errors };
  const api = data.apiVersion;
  let dialect: Dialect | undefined;
  if (api === undefined) {
    errors.push(
      parsed.error([], 'missing required field `apiVersion`', {
        displayPath: ['apiVersion'],
        hint: `use one of ${API_VERSIONS.join(', ')}`,
      }),
    );
  } else if (typeof api !== 'string' || !(API_VERSIONS as readonly string[]).includes(api)) {
    const shown = typeof api === 'string' ? `\`${api}\`` : JSON.stringify(api);
    let hint: string | undefined;
    if (api === 'mirror.fluxcd.io/v1alpha1') {
      hint =
        "this is flux mirror's pre-release format; use mirror.plugin.fluxcd.io/v1beta1 (move `auth.hosts` to `hosts`)";
    } else if (typeof api === 'string') {
      hint = didYouMean(api, API_VERSIONS) ?? `use one of ${API_VERSIONS.join(', ')}`;
    }
    errors.push(parsed.error(['apiVersion'], `unknown apiVersion ${shown}`, { hint }));
  } else {
    dialect = api as Dialect;
  }
  const kind = data.kind;
  if (kind === undefined) {
    errors.push(
      parsed.error([], 'missing required field `kind`', {
        displayPath: ['kind'],
        hint: 'add `kind: Config`',
      }),
    );
  } else if (kind !== 'Config') {
    const shown = typeof kind === 'string' ? `\`${kind}\`` : JSON.stringify(kind);
    errors.push(
      parsed.error(['kind'], `unknown kind ${shown}`, {
        hint:
          typeof kind === 'string' && didYouMean(kind, ['Config'])
            ? 'did you mean `Config`?'
            : 'use `kind: Config`',
      }),
    );
  }
  return dialect === undefined ? { errors } : { dialect, errors };
}

/**
 * Whether the document is lazyoci's `mirror.yaml`: no apiVersion and no kind, and lazyoci's
 * top-level `target` or `upstreams` (either is enough, so a file missing the other one gets the
 * lazyoci schema's "missing required field" rather than "missing apiVersion").
 */
function isLazyociShape(data: Record<string, unknown>): boolean {
  if (data.apiVersion !== undefined || data.kind !== undefined) return false;
  return data.target !== undefined || data.upstreams !== undefined;
}

/**
 * Whether the document is ocync's config: no apiVersion and no kind, and ocync's top-level
 * `mappings` or `registries` (either is enough, as for lazyoci).
 */
function isOcyncShape(data: Record<string, unknown>): boolean {
  if (data.apiVersion !== undefined || data.kind !== undefined) return false;
  return data.mappings !== undefined || data.registries !== undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ocync's credential fields: `registries.<name>.credentials.password` and `.token`. */
function isOcyncSecretPath(path: FieldPath): boolean {
  if (path[0] !== 'registries') return false;
  const last = path[path.length - 1];
  return last === 'token' || (last === 'password' && path[path.length - 2] === 'credentials');
}

/** Whether a value substituted at `path` is credential material (so its env values are secrets). */
function isSecretPath(path: FieldPath): boolean {
  if (path[0] !== 'hosts') return false;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'jwkValue' || last === 'keyValue' || last === 'password' || last === 'token') return true;
  if (last === 'value' && (parent === 'credential' || parent === 'key')) return true;
  return false;
}

function masked(e: ConfigError, secrets: string[]): ConfigError {
  const message = redactValues(e.problem, secrets);
  const hint = e.hint === undefined ? undefined : redactValues(e.hint, secrets);
  if (message === e.problem && hint === e.hint) return e;
  return new ConfigError(
    { file: e.file, line: e.line, column: e.column, path: e.path, message, ...(hint ? { hint } : {}) },
    { cause: e.cause },
  );
}

function single(file: string, message: string, cause?: unknown): ConfigErrors {
  const e = new ConfigError(
    { file, line: 1, column: 1, path: '', message },
    cause === undefined ? undefined : { cause },
  );
  return new ConfigErrors([e], cause === undefined ? undefined : { cause });
}
