/**
 * JSON Schema validation of a parsed config, with every ajv error mapped back to the YAML node it
 * concerns and worded for people.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ConfigError } from './errors.js';
import validateFluxV1beta1 from './generated/flux-v1beta1.js';
import validateFluxV1beta2 from './generated/flux-v1beta2.js';
import validateLazyoci from './generated/lazyoci-mirror.js';
import validateOurs from './generated/oci-mirror-v1.js';
import validateOcync from './generated/ocync.js';
import type { Dialect } from './model.js';
import { didYouMean } from './suggest.js';
import type { FieldPath, ParsedYaml } from './yaml.js';

/**
 * The validator of each dialect: ajv code generated at build time from `schema/config.schema.json`
 * and the flux mirror schemas by `scripts/gen-validators.mjs` (compiling them at start-up cost
 * ~90 ms per run; a test keeps the generated code in step with the schemas).
 */
const VALIDATORS: Readonly<Record<Dialect, ValidateFunction>> = {
  'oci-mirror/v1': validateOurs,
  'mirror.plugin.fluxcd.io/v1beta1': validateFluxV1beta1,
  'mirror.plugin.fluxcd.io/v1beta2': validateFluxV1beta2,
  'lazyoci/mirror': validateLazyoci,
  ocync: validateOcync,
};

/** Validates `data` (the document as plain JS) against the dialect's schema. */
export function validateSchema(dialect: Dialect, data: unknown, parsed: ParsedYaml): ConfigError[] {
  const validate = VALIDATORS[dialect];
  if (validate(data)) return [];
  const raw = validate.errors ?? [];
  // oneOf reports one error per failed branch; keep only the oneOf summary.
  const oneOfPaths = new Set(raw.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: ConfigError[] = [];
  for (const e of raw) {
    // A failed `if`/`then` is also reported by the `then` branch's own error (e.g. `required`).
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'oneOf' && [...oneOfPaths].some((p) => e.instancePath.startsWith(p))) continue;
    const err = toConfigError(e, parsed);
    const key = err.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(err);
  }
  return out;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'string') return v === '' ? 'an empty string' : 'a string';
  return typeof v;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function show(v: unknown): string {
  return typeof v === 'string' ? `\`${v}\`` : JSON.stringify(v);
}

function toConfigError(e: ErrorObject, parsed: ParsedYaml): ConfigError {
  const path: FieldPath = pointerToPath(e.instancePath);
  const data = e.data;
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = didYouMean(prop, allowed);
      return parsed.error([...path, prop], `unknown field \`${prop}\``, {
        key: true,
        hint: hint ?? `allowed here: ${allowed.join(', ')}`,
      });
    }
    case 'required': {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      // The field path of the missing field, at the position of its parent mapping.
      return parsed.error(path, `missing required field \`${prop}\``, { displayPath: [...path, prop] });
    }
    case 'type': {
      const want = String((e.params as { type: string }).type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return parsed.error(path, `expected ${want}, got ${typeName(data)}`);
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const hint = typeof data === 'string' ? didYouMean(data, allowed) : undefined;
      return parsed.error(
        path,
        `expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}, got ${show(data)}`,
        {
          ...(hint ? { hint } : {}),
        },
      );
    }
    case 'const': {
      const want = (e.params as { allowedValue: unknown }).allowedValue;
      return parsed.error(path, `expected ${show(want)}, got ${show(data)}`);
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum': {
      const p = e.params as { comparison: string; limit: number };
      return parsed.error(path, `expected a number ${p.comparison} ${p.limit}, got ${show(data)}`);
    }
    case 'minItems':
      return parsed.error(
        path,
        `expected at least ${(e.params as { limit: number }).limit} item(s), got none`,
      );
    case 'minProperties': {
      const limit = (e.params as { limit: number }).limit;
      return parsed.error(path, `expected at least ${limit} entr${limit === 1 ? 'y' : 'ies'}, got none`);
    }
    case 'minLength':
      return parsed.error(path, 'must not be empty');
    case 'pattern':
      return parsed.error(path, `${show(data)} does not have the expected form (${describePattern(path)})`);
    case 'oneOf': {
      const alts = ((e.schema as { type?: string; $ref?: string }[]) ?? []).map((s) =>
        s.type ? (TYPE_WORDS[s.type] ?? s.type) : 'a list of strings',
      );
      return parsed.error(path, `expected ${alts.join(' or ')}, got ${typeName(data)}`);
    }
    default:
      return parsed.error(path, e.message ?? `failed ${e.keyword} check`);
  }
}

function describePattern(path: FieldPath): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'roleArn') return 'arn:aws:iam::<12-digit account>:role/<name>';
  if (parent === 'platforms') return 'os/arch or os/arch/variant, e.g. linux/amd64';
  return 'see the schema';
}
