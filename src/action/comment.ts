/**
 * The PR dry-run comment: one comment per pull request and config, found again by its hidden
 * marker and updated in place. Commenting is a courtesy: a token without permission, a pull request
 * from a fork or any API error becomes a warning naming the `comment` input, never a failed check.
 */
import * as github from '@actions/github';
import { redact } from '../secrets.js';
import type { Tristate } from './inputs.js';

/** The pull request the run belongs to, from the event payload. */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
  /** The head repository differs from the base: GitHub gives such runs a read-only token. */
  fromFork: boolean;
}

/** What happened to the comment, for the log and tests. */
export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url?: string }
  | { action: 'skipped'; reason: string };

/** The pull request of this event, if it has one. */
export function pullRequestOf(ctx: {
  payload: { pull_request?: Record<string, unknown>; repository?: Record<string, unknown> };
  repo: { owner: string; repo: string };
}): PullRequestTarget | undefined {
  const pr = ctx.payload.pull_request as
    | { number?: number; head?: { repo?: { full_name?: string } | null } }
    | undefined;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const base = `${ctx.repo.owner}/${ctx.repo.repo}`;
  const head = pr.head?.repo?.full_name;
  // A deleted fork has `head.repo: null`; GitHub treats it as a fork too.
  const fromFork = pr.head !== undefined && head !== base;
  return { owner: ctx.repo.owner, repo: ctx.repo.repo, number: pr.number, fromFork };
}

/** Whether to comment: `true` on any event with a PR, `auto` on pull_request(_target) dry runs. */
export function shouldComment(
  setting: Tristate,
  eventName: string,
  dryRun: boolean,
  hasPr: boolean,
): boolean {
  if (setting === 'false' || !hasPr) return false;
  if (setting === 'true') return true;
  return dryRun && (eventName === 'pull_request' || eventName === 'pull_request_target');
}

/** Minimal slice of Octokit used here (an interface so the logic can be read without the SDK). */
interface IssuesApi {
  listComments(p: {
    owner: string;
    repo: string;
    issue_number: number;
    per_page: number;
    page: number;
  }): Promise<{ data: { id: number; body?: string | null }[] }>;
  createComment(p: {
    owner: string;
    repo: string;
    issue_number: number;
    body: string;
  }): Promise<{ data: { id: number; html_url?: string } }>;
  updateComment(p: {
    owner: string;
    repo: string;
    comment_id: number;
    body: string;
  }): Promise<{ data: { id: number; html_url?: string } }>;
}

/** A comment that could not be posted; the message says why and what to do. */
export class CommentError extends Error {
  override readonly name = 'CommentError';
}

function explain(err: unknown, pr: PullRequestTarget): CommentError {
  const status = (err as { status?: number }).status;
  const message = redact(err instanceof Error ? err.message : String(err));
  const remedy =
    status === 403 || status === 404 || status === 401
      ? '; give the job `permissions: pull-requests: write` (and pass a token that has it in `github-token`)'
      : '';
  return new CommentError(
    `comment: could not comment on pull request #${pr.number}${status ? ` (HTTP ${status})` : ''}: ${message}${remedy}. The plan is in the job summary.`,
    { cause: err },
  );
}

/**
 * Create the plan comment, or update the one carrying `marker`. Pages through the existing
 * comments so a busy PR still finds its comment. Throws `CommentError` with the remedy.
 */
export async function upsertComment(opts: {
  token: string;
  pr: PullRequestTarget;
  marker: string;
  body: string;
  /** Injected for tests that do not run a fake API (default: Octokit from `@actions/github`). */
  issues?: IssuesApi;
}): Promise<CommentOutcome> {
  const { pr, marker, body } = opts;
  if (pr.fromFork)
    return {
      action: 'skipped',
      reason:
        'comment: this pull request comes from a fork, whose token cannot comment; the plan is in the job summary',
    };
  const issues = opts.issues ?? (github.getOctokit(opts.token).rest.issues as unknown as IssuesApi);
  const base = { owner: pr.owner, repo: pr.repo };
  try {
    let existing: number | undefined;
    for (let page = 1; existing === undefined; page++) {
      const { data } = await issues.listComments({ ...base, issue_number: pr.number, per_page: 100, page });
      existing = data.find((c) => c.body?.includes(marker))?.id;
      if (data.length < 100) break;
    }
    if (existing !== undefined) {
      const { data } = await issues.updateComment({ ...base, comment_id: existing, body });
      return { action: 'updated', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
    }
    const { data } = await issues.createComment({ ...base, issue_number: pr.number, body });
    return { action: 'created', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
  } catch (err) {
    throw explain(err, pr);
  }
}
