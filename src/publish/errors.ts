/**
 * Turning what the wire clients throw (octokit RequestError, @actions/artifact
 * errors, fetch failures) into ServiceErrors that say which publish step failed,
 * why, and what to change.
 */
import { ProvenanceError, ServiceError } from '../errors.js';

export type PublishStep = 'artifact' | 'release' | 'comment' | 'attestations' | 'base-record';

export interface FailureFacts {
  /** HTTP status, when the service answered. */
  status?: number;
  /** GitHub's own message (`Resource not accessible by integration`), or the error text. */
  detail: string;
  rateLimited: boolean;
  network: boolean;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

function causeCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** What is knowable about a failure without caring which client threw it. */
export function failureFacts(err: unknown): FailureFacts {
  const e = err as {
    status?: unknown;
    message?: unknown;
    response?: { data?: unknown; headers?: Record<string, string | undefined> };
  };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const data = e?.response?.data as { message?: unknown; errors?: unknown } | undefined;
  let detail = typeof data?.message === 'string' ? data.message : e?.message === undefined ? String(err) : String(e.message);
  if (Array.isArray(data?.errors) && data.errors.length > 0) {
    const parts = data.errors.map((x: { code?: string; message?: string; field?: string }) =>
      [x.field, x.code, x.message].filter(Boolean).join(' '),
    );
    detail = `${detail} (${parts.join('; ')})`;
  }
  const code = causeCode(err);
  // octokit reports a dropped connection as status 500 with the fetch error as cause.
  const network = code !== undefined || /fetch failed|socket hang up|other side closed/i.test(detail);
  if (code && !detail.includes(code)) detail = `${detail} (${code})`;
  const headers = e?.response?.headers ?? {};
  const rateLimited =
    status === 429 ||
    (status === 403 && (/rate limit/i.test(detail) || headers['x-ratelimit-remaining'] === '0'));
  return { ...(status === undefined || network ? {} : { status }), detail, rateLimited, network };
}

export interface StepHints {
  /** The `permissions:` entry the step needs, e.g. `contents: write`. */
  permission: string;
  /** The fix when GitHub answers 404. */
  notFound?: string;
  /** A more specific fix for some failures; return undefined to use the default. */
  special?: (f: FailureFacts) => string | undefined;
}

/** One ServiceError for one failed publish step: `<step>: <what> failed (<status>: <detail>)`. */
export function stepError(step: PublishStep, what: string, err: unknown, hints: StepHints): ServiceError {
  if (err instanceof ProvenanceError && err.kind !== 'service') {
    return new ServiceError(`${step}-${err.code}`, `${step}: ${err.message}`, {
      ...(err.fix === undefined ? {} : { fix: err.fix }),
      cause: err,
    });
  }
  if (err instanceof ServiceError) return err;
  const f = failureFacts(err);
  const said = f.status === undefined ? f.detail : `HTTP ${f.status}: ${f.detail}`;
  const message = `${step}: ${what} failed (${said})`;
  const special = hints.special?.(f);
  let code: string;
  let fix: string;
  if (special) {
    code = `${step}-failed`;
    fix = special;
  } else if (f.rateLimited) {
    code = `${step}-rate-limited`;
    fix = 'GitHub kept rate-limiting the request after retries: re-run the job later, or run fewer jobs that publish at once';
  } else if (f.network || (f.status !== undefined && f.status >= 500)) {
    code = `${step}-unavailable`;
    fix = 'GitHub did not answer after retries: re-run the job (see https://www.githubstatus.com)';
  } else if (f.status === 401) {
    code = `${step}-unauthorized`;
    fix = 'the github-token input is missing, expired or revoked: use the job token (the default) or a valid token';
  } else if (f.status === 403) {
    code = `${step}-forbidden`;
    fix = `give the job \`permissions: ${hints.permission}\` (a token passed as github-token needs the same access)`;
  } else if (f.status === 404) {
    code = `${step}-not-found`;
    fix = hints.notFound ?? `check that the token can see the repository and has \`${hints.permission}\``;
  } else {
    code = `${step}-failed`;
    fix = 're-run with ACTIONS_STEP_DEBUG=true to see the request, and report it if it persists';
  }
  return new ServiceError(code, message, { fix, cause: err });
}

export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}
