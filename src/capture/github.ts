import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * What the runner tells us about the run, read from the documented GITHUB_* and
 * RUNNER_* variables (and the event payload file). Pure: pass `env` in tests.
 */
export interface GitHubContext {
  serverUrl: string;
  apiUrl: string;
  /** owner/name */
  repository: string;
  repositoryId?: string;
  repositoryOwnerId?: string;
  sha: string;
  ref: string;
  /** owner/repo/.github/workflows/file.yml@refs/heads/main */
  workflowRef?: string;
  workflowSha?: string;
  workflow?: string;
  job?: string;
  runId: string;
  runAttempt: string;
  runNumber?: string;
  eventName: string;
  actor?: string;
  runner: { name?: string; os?: string; arch?: string; environment?: string };
  /** The parsed GITHUB_EVENT_PATH payload, `{}` when absent. */
  event: Record<string, unknown>;
  workspace?: string;
  baseRef?: string;
  headRef?: string;
}

/** True when running inside GitHub Actions. */
export function isGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true' && Boolean(env.GITHUB_REPOSITORY) && Boolean(env.GITHUB_RUN_ID);
}

function readEvent(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError('event-file-missing', `GITHUB_EVENT_PATH points at ${file}, which cannot be read`, {
      fix: 'unset GITHUB_EVENT_PATH or point it at the event JSON file',
      file,
    });
  }
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    throw new InputError('event-file-malformed', `GITHUB_EVENT_PATH file ${file} is not valid JSON`, {
      fix: 'point GITHUB_EVENT_PATH at the event JSON the runner wrote',
      file,
    });
  }
}

export function readGitHubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext | undefined {
  if (!isGitHubActions(env)) return undefined;
  const ctx: GitHubContext = {
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    repository: env.GITHUB_REPOSITORY!,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: env.GITHUB_RUN_ID!,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    eventName: env.GITHUB_EVENT_NAME ?? 'unknown',
    runner: {
      ...(env.RUNNER_NAME ? { name: env.RUNNER_NAME } : {}),
      ...(env.RUNNER_OS ? { os: env.RUNNER_OS } : {}),
      ...(env.RUNNER_ARCH ? { arch: env.RUNNER_ARCH } : {}),
      ...(env.RUNNER_ENVIRONMENT ? { environment: env.RUNNER_ENVIRONMENT } : {}),
    },
    event: readEvent(env.GITHUB_EVENT_PATH),
  };
  const optional: Array<[keyof GitHubContext, string | undefined]> = [
    ['repositoryId', env.GITHUB_REPOSITORY_ID],
    ['repositoryOwnerId', env.GITHUB_REPOSITORY_OWNER_ID],
    ['workflowRef', env.GITHUB_WORKFLOW_REF],
    ['workflowSha', env.GITHUB_WORKFLOW_SHA],
    ['workflow', env.GITHUB_WORKFLOW],
    ['job', env.GITHUB_JOB],
    ['runNumber', env.GITHUB_RUN_NUMBER],
    ['actor', env.GITHUB_ACTOR],
    ['workspace', env.GITHUB_WORKSPACE],
    ['baseRef', env.GITHUB_BASE_REF || undefined],
    ['headRef', env.GITHUB_HEAD_REF || undefined],
  ];
  for (const [k, v] of optional) if (v) (ctx as unknown as Record<string, unknown>)[k] = v;
  return ctx;
}

/** `https://github.com/o/r/actions/runs/123/attempts/1`: the SLSA invocation id. */
export function invocationUrl(ctx: GitHubContext): string {
  return `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`;
}

/** Split `owner/repo/.github/workflows/x.yml@refs/heads/main` into its parts. */
export function parseWorkflowRef(workflowRef: string): { repository: string; path: string; ref: string } | undefined {
  const m = /^([^/]+\/[^/]+)\/(.+?)@(.+)$/.exec(workflowRef);
  if (!m) return undefined;
  return { repository: m[1]!, path: m[2]!, ref: m[3]! };
}

/** The pull request number of a pull_request / pull_request_target event. */
export function pullRequestNumber(ctx: GitHubContext): number | undefined {
  const pr = ctx.event.pull_request as { number?: unknown } | undefined;
  if (pr && typeof pr.number === 'number') return pr.number;
  return undefined;
}

/** The release tag of a release event. */
export function releaseTag(ctx: GitHubContext): string | undefined {
  const rel = ctx.event.release as { tag_name?: unknown } | undefined;
  return rel && typeof rel.tag_name === 'string' ? rel.tag_name : undefined;
}

/**
 * Why GitHub gives this job no OIDC token and a read-only GITHUB_TOKEN by design, or
 * undefined when it is not such a job. A pull request from a fork, and runs triggered by
 * Dependabot, get neither `id-token: write` nor write scopes whatever the workflow asks;
 * when the token request URL is present anyway (pull_request_target, a maintainer-approved
 * setting), the job is not restricted. A same-repository job without `id-token: write` is a
 * misconfiguration, not this: it gets the preflight's error.
 */
export function restrictedByGitHub(ctx: GitHubContext, env: NodeJS.ProcessEnv): string | undefined {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL) return undefined;
  const pr = ctx.event.pull_request as { head?: { repo?: { full_name?: unknown } | null } } | undefined;
  if (ctx.eventName.startsWith('pull_request') && ctx.eventName !== 'pull_request_target' && pr?.head) {
    // The head repository decides, not its `fork` flag: every pull request inside a repository
    // that is itself a fork has `head.repo.fork: true`. A fork deleted since the pull request
    // was opened leaves `head.repo: null` (github/rest-api-description#161): still a fork.
    const head = pr.head.repo;
    const headName = head && typeof head.full_name === 'string' ? head.full_name : undefined;
    if (head === null) return 'this is a pull request from a fork that has since been deleted: GitHub gives such jobs no OIDC token and a read-only token';
    if (headName && headName.toLowerCase() !== ctx.repository.toLowerCase()) {
      return `this is a pull request from a fork (${headName}): GitHub gives such jobs no OIDC token and a read-only token`;
    }
  }
  if (ctx.actor === 'dependabot[bot]') {
    return 'this run was triggered by Dependabot: GitHub gives its jobs no OIDC token and a read-only token';
  }
  return undefined;
}
