/**
 * Workflow annotations that land on the config file in a pull request's diff: an error for each
 * failed entry or tag, a warning for each drifted tag, each at the line where its entry is
 * written; config errors at their own line. Built as values here, printed by `main.ts`.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ConfigErrors } from '../config/errors.js';
import type { SourcePosition } from '../config/model.js';
import { explainError } from '../report/remedy.js';
import { errorDetail, shortDigest } from '../report/text.js';
import { redact } from '../secrets.js';
import type { ErrorInfo, SyncResult, TagResult } from '../sync/model.js';

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

/** GitHub shows at most this many error (and, separately, warning) annotations per step. */
export const ANNOTATIONS_SHOWN = 10;

function describe(e: ErrorInfo, reference?: string): string {
  const x = explainError(e, reference);
  return `${x.reason}. Fix: ${x.remedy}. (${e.message}${errorDetail(e)})`;
}

/**
 * Keep `list` within `cap` annotations: the first `cap - 1` as they are, the rest folded into one
 * "and N more" annotation built by `more`.
 */
function capped(list: Annotation[], cap: number, more: (rest: Annotation[]) => Annotation): Annotation[] {
  if (list.length <= cap) return list;
  return [...list.slice(0, cap - 1), more(list.slice(cap - 1))];
}

/**
 * Annotations for a run, in the order GitHub should show them and within what it shows: one
 * summary error first (it doubles as the step's failure message), then one error per failing
 * entry on its config line counting its failed tags, then one warning per drifting entry; each
 * kind capped at `ANNOTATIONS_SHOWN` with an "and N more" annotation last.
 */
export function resultAnnotations(
  result: SyncResult,
  workspace: string,
  cwd = process.cwd(),
  opts: { summary?: string; cap?: number } = {},
): Annotation[] {
  const cap = opts.cap ?? ANNOTATIONS_SHOWN;
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  for (const e of result.entries) {
    const where = at(e.position, workspace, cwd);
    const rows = e.tags.flatMap((t) => [t, ...(t.images ?? [])]);
    const failed = rows.filter((t) => t.status === 'failed');
    if (e.error || failed.length > 0) {
      const first = e.error
        ? `plan failed: ${describe(e.error, e.error.side === 'destination' ? e.destinations[0] : e.source)}`
        : (() => {
            const t = failed[0] as TagResult;
            const err = t.error ?? { message: t.reason ?? 'unknown error' };
            return `${t.source} → ${t.destination}: ${describe(err, err.side === 'destination' ? t.destination : t.source)}`;
          })();
      const count = failed.length > 0 ? `${failed.length} tag${failed.length === 1 ? '' : 's'} failed` : '';
      const also = e.error && failed.length > 0 ? `; ${count}` : '';
      errors.push({
        level: 'error',
        title: `oci-mirror: ${e.name}${count && !e.error ? ` — ${count}` : ''}`,
        message: `${first}${also}${failed.length > 1 ? ' (first shown; every tag is in the job summary)' : ''}`,
        ...where,
      });
    }
    const drifted = rows.filter((t) => t.status === 'drifted');
    if (drifted.length > 0) {
      const t = drifted[0] as TagResult;
      const digests =
        t.sourceDigest && t.destinationDigest
          ? ` (source ${shortDigest(t.sourceDigest)} ≠ destination ${shortDigest(t.destinationDigest)})`
          : '';
      warnings.push({
        level: 'warning',
        title: `oci-mirror: ${e.name} — ${drifted.length} drifted`,
        message: `${t.destination} differs from ${t.source}${digests}${drifted.length > 1 ? ` and ${drifted.length - 1} more` : ''}; ${result.dryRun ? 'existing drift, ' : ''}left alone because overwrite is false`,
        ...where,
      });
    }
  }
  const s = result.summary;
  const out: Annotation[] = [];
  if (errors.length > 0) {
    out.push({
      level: 'error',
      title: 'oci-mirror',
      message:
        opts.summary ??
        `${s.failed} failed in ${errors.length} entr${errors.length === 1 ? 'y' : 'ies'}; see the job summary`,
    });
    out.push(
      ...capped(errors, cap - 1, (rest) => ({
        level: 'error',
        title: 'oci-mirror',
        message: `and ${rest.length} more failing entr${rest.length === 1 ? 'y' : 'ies'}: ${rest
          .slice(0, 20)
          .map((a) => a.title.replace(/^oci-mirror: /, '').replace(/ — .*$/, ''))
          .join(', ')}${rest.length > 20 ? ', …' : ''}; see the job summary`,
      })),
    );
  }
  out.push(
    ...capped(warnings, cap, (rest) => ({
      level: 'warning',
      title: 'oci-mirror',
      message: `and ${rest.length} more drifted entr${rest.length === 1 ? 'y' : 'ies'}; see the job summary`,
    })),
  );
  return out.map((a) => ({ ...a, message: redact(a.message), title: redact(a.title) }));
}

/** One error annotation per config problem, at its line and column. */
export function configErrorAnnotations(
  err: ConfigErrors,
  workspace: string,
  cwd = process.cwd(),
): Annotation[] {
  const all = err.errors.map((e) => {
    const file = workspacePath(e.file, workspace, cwd);
    const message = `${e.path ? `${e.path}: ` : ''}${e.problem}${e.hint ? ` (${e.hint})` : ''}`;
    return {
      level: 'error' as const,
      title: 'oci-mirror: invalid config',
      message: redact(message),
      ...(file ? { file, line: e.line, column: e.column } : {}),
    };
  });
  return capped(all, ANNOTATIONS_SHOWN - 1, (rest) => ({
    level: 'error' as const,
    title: 'oci-mirror: invalid config',
    message: `and ${rest.length} more config problem${rest.length === 1 ? '' : 's'}; see the job summary`,
  }));
}
