/**
 * Validation of report documents against `schema/report.schema.json` (JSON Schema 2020-12). The
 * schema is imported as JSON so it is bundled with the code (ncc) and needs no file at run time.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };

/** The report JSON Schema as a plain object. */
export const REPORT_SCHEMA: object = reportSchema;

type FormatsPlugin = typeof addFormatsModule.default;

// ajv-formats is CommonJS: depending on the loader the default import is the plugin itself
// (Node, vitest) or the module object whose `default` is the plugin (some bundler interop).
const addFormats: FormatsPlugin =
  typeof addFormatsModule === 'function'
    ? (addFormatsModule as unknown as FormatsPlugin)
    : (addFormatsModule as { default: FormatsPlugin }).default;

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv, ['date-time']);
    validator = ajv.compile(reportSchema);
  }
  return validator;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath === '' ? '/' : e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown property "${String(params.additionalProperty)}"`;
    case 'required':
      return `${at}: missing required property "${String(params.missingProperty)}"`;
    case 'enum':
      return `${at}: ${e.message ?? 'invalid'}: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `${at}: must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${at}: ${e.message ?? 'invalid'}`;
  }
}

/** Check a report document against the schema; returns one line per problem (empty = valid). */
export function validateReport(doc: unknown): string[] {
  const validate = compiled();
  if (validate(doc)) return [];
  return [...new Set((validate.errors ?? []).map(describe))];
}
