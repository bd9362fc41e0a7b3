/**
 * Workflow annotations that land on the config file in a pull request's diff: an error for each
 * failed entry or tag, a warning for each drifted tag, each at the line where its entry is
 * written; config errors at their own line. Built as values here, printed by `main.ts`.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ConfigErrors } from '../config/errors.js';
import type { SourcePosition } from '../config/model.js';
import { errorDetail, shortDigest } from '../report/text.js';
import { redact } from '../secrets.js';
import type { ErrorInfo, SyncResult } from '../sync/model.js';

/** One annotation: `::error file=F,line=L,col=C,title=T::message`. */
export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  /** Path relative to the workspace, `/`-separated; absent when the file lies outside it. */
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The config path as GitHub expects it in an annotation: relative to `GITHUB_WORKSPACE` (the
 * repository root), with `/` separators. Undefined for stdin or a file outside the workspace,
 * which GitHub could not place on a diff anyway.
 */
export function workspacePath(file: string, workspace: string, cwd = process.cwd()): string | undefined {
  if (file.startsWith('<') || file.startsWith('$')) return undefined;
  const rel = relative(resolve(workspace), resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}

function at(
  position: SourcePosition | undefined,
  workspace: string,
  cwd: string,
): Pick<Annotation, 'file' | 'line' | 'column'> {
  if (!position) return {};
  const file = workspacePath(position.file, workspace, cwd);
  return file ? { file, line: position.line, column: position.column } : {};
}

function describe(e: ErrorInfo): string {
  return `${e.message}${errorDetail(e)}`;
}

/** Annotations for the failed and drifted rows of a run, in result order. */
export function resultAnnotations(result: SyncResult, workspace: string, cwd = process.cwd()): Annotation[] {
  const out: Annotation[] = [];
  for (const e of result.entries) {
    const where = at(e.position, workspace, cwd);
    if (e.error)
      out.push({
        level: 'error',
        title: `oci-mirror: ${e.name}`,
        message: `plan failed: ${describe(e.error)}`,
        ...where,
      });
    for (const t of e.tags) {
      if (t.status === 'failed') {
        const why = describe(t.error ?? { message: t.reason ?? 'unknown error' });
        out.push({
          level: 'error',
          title: `oci-mirror: ${e.name}`,
          message: `${t.source} → ${t.destination} failed: ${why}`,
          ...where,
        });
      } else if (t.status === 'drifted') {
        const digests =
          t.sourceDigest && t.destinationDigest
            ? ` (destination ${shortDigest(t.destinationDigest)}, source ${shortDigest(t.sourceDigest)})`
            : '';
        out.push({
          level: 'warning',
          title: `oci-mirror: ${e.name}`,
          message: `${t.destination} drifted from ${t.source}${digests}; left alone because overwrite is false`,
          ...where,
        });
      }
    }
  }
  return out.map((a) => ({ ...a, message: redact(a.message), title: redact(a.title) }));
}

/** One error annotation per config problem, at its line and column. */
export function configErrorAnnotations(
  err: ConfigErrors,
  workspace: string,
  cwd = process.cwd(),
): Annotation[] {
  return err.errors.map((e) => {
    const file = workspacePath(e.file, workspace, cwd);
    const message = `${e.path ? `${e.path}: ` : ''}${e.problem}${e.hint ? ` (${e.hint})` : ''}`;
    return {
      level: 'error' as const,
      title: 'oci-mirror: invalid config',
      message: redact(message),
      ...(file ? { file, line: e.line, column: e.column } : {}),
    };
  });
}
