/**
 * Whether this job can have the CI's OIDC ID token (GitHub/Forgejo Actions: the runner sets
 * ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN), why not when it cannot, and which hosts need it. Kept
 * free of the transport so the action can decide before the engine loads.
 */
import { readFileSync } from 'node:fs';
import type { HostEntry } from '../config/model.js';

/**
 * Why no ID token: `fork` (pull request from a fork: GitHub never issues one), `dependabot`
 * (a Dependabot-triggered run), `permission` (a job that could have one lacks
 * `permissions: id-token: write`), `outside-actions` (not a GitHub Actions job at all).
 */
export type NoIdTokenCause = 'fork' | 'dependabot' | 'permission' | 'outside-actions';

export interface NoIdToken {
  cause: NoIdTokenCause;
  /** Why, worded with the remedy. */
  message: string;
}

/** Events whose workflow runs with the fork's (untrusted) context on a fork pull request. */
const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/** True for a pull request event (not `pull_request_target`) whose head lives in another repository. */
export function isForkPullRequest(env: NodeJS.ProcessEnv): boolean {
  if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return false;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        head?: { repo?: { fork?: boolean; full_name?: string } | null };
        base?: { repo?: { full_name?: string } };
      };
      repository?: { full_name?: string };
    };
    const head = event.pull_request?.head?.repo;
    // A deleted fork has `head.repo: null`; GitHub treats it as a fork too.
    if (head === null) return true;
    const base =
      event.pull_request?.base?.repo?.full_name ?? event.repository?.full_name ?? env.GITHUB_REPOSITORY;
    return head?.fork === true || (head?.full_name !== undefined && head.full_name !== base);
  } catch {
    return false;
  }
}

/** A run GitHub started for Dependabot (its pull requests and pushes get Dependabot's restrictions). */
function isDependabot(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTOR === 'dependabot[bot]' || env.GITHUB_TRIGGERING_ACTOR === 'dependabot[bot]';
}

/** Undefined when the runner offers an ID token; otherwise why not and what to do. */
export function noIdToken(env: NodeJS.ProcessEnv): NoIdToken | undefined {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return undefined;
  if (env.GITHUB_ACTIONS !== 'true')
    return {
      cause: 'outside-actions',
      message:
        'the GitHub Actions OIDC token is only available inside a GitHub Actions job (ACTIONS_ID_TOKEN_REQUEST_URL is not set); outside Actions give the host a `credential.value`/`fromPath`, or use Docker config or cloud credentials from the environment',
    };
  if (isForkPullRequest(env))
    return {
      cause: 'fork',
      message:
        'this is a pull request from a fork: GitHub does not issue OIDC tokens to workflows of pull requests from forks; the nightly/push run checks this host, or skip the step for forks with `if: github.event.pull_request.head.repo.fork == false`',
    };
  if (isDependabot(env))
    return {
      cause: 'dependabot',
      message:
        "this run was triggered by Dependabot, which gets a read-only token and no OIDC token unless the workflow grants `permissions: id-token: write`; grant it in the workflow, or skip the step for Dependabot with `if: github.actor != 'dependabot[bot]'`",
    };
  return {
    cause: 'permission',
    message: `ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: grant the job \`permissions: id-token: write\`${env.GITHUB_EVENT_NAME === 'pull_request_target' ? ' (pull_request_target runs in the base repository, so GitHub issues the token there once it is granted)' : ''}; a reusable workflow needs it granted by the caller too`,
  };
}

/**
 * True when the host's credential comes from the CI's OIDC ID token: `credential.provider:
 * github|forgejo`, or a cloud provider exchanging it (`ecr` with `roleArn`, `gar` with
 * `workloadIdentityProvider`, `acr` with `tenantId`/`clientId`, `jfrog`, `quay`, `dockerhub`).
 * Ambient cloud identities (gcp, azure, aws, ecr/gar/acr without those settings) do not.
 */
export function usesIdToken(h: HostEntry): boolean {
  const cp = h.credential?.provider;
  if (cp === 'github' || cp === 'forgejo') return true;
  switch (h.provider) {
    case 'ecr':
      return h.roleArn !== undefined;
    case 'gar':
      return h.workloadIdentityProvider !== undefined;
    case 'acr':
      return h.tenantId !== undefined || h.clientId !== undefined;
    case 'jfrog':
    case 'quay':
    case 'dockerhub':
      return true;
    default:
      return false;
  }
}
