import { promiseRetry } from '@gar/promise-retry';
import { InputError, ServiceError } from '../errors.js';
import { DEFAULT_FETCH, formatMs, type FetchPolicy } from './policy.js';

/** Where the OIDC identity token comes from (sigstore-js's one-method interface). */
export interface IdentityProvider {
  getToken(): Promise<string>;
}

/** Fulcio only accepts tokens minted for this audience. */
export const SIGSTORE_AUDIENCE = 'sigstore';

export interface TokenSourceOptions {
  identityToken?: string;
  env?: NodeJS.ProcessEnv;
  /** Timeout and retries of the runner's token endpoint (default DEFAULT_FETCH). */
  fetch?: FetchPolicy;
}

export type TokenSource = 'explicit' | 'SIGSTORE_ID_TOKEN' | 'github-actions';

/** Which source a token will come from, or undefined when there is none. */
export function tokenSource(opts: TokenSourceOptions): TokenSource | undefined {
  const env = opts.env ?? process.env;
  if (opts.identityToken) return 'explicit';
  if (env.SIGSTORE_ID_TOKEN) return 'SIGSTORE_ID_TOKEN';
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return 'github-actions';
  return undefined;
}

/**
 * Fail before any work when signing cannot get a token. In GitHub Actions the
 * runner only exposes its token endpoint to jobs granted `id-token: write`.
 */
export function preflightIdentity(opts: TokenSourceOptions): void {
  if (tokenSource(opts)) return;
  const env = opts.env ?? process.env;
  if (env.GITHUB_ACTIONS === 'true') {
    throw new InputError('missing-id-token-permission', 'cannot sign: this job has no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set) because it lacks the `id-token: write` permission', {
      fix: 'add to the job (or the workflow) `permissions: { id-token: write, contents: read }` — i.e. a `permissions:` block with the line `id-token: write`; for pull requests from forks GitHub never grants it, so sign on push/release instead, or set `sign: false`',
    });
  }
  throw new InputError('no-identity-token', 'cannot sign: no OIDC identity token (none given, SIGSTORE_ID_TOKEN is empty, and this is not a GitHub Actions job with `id-token: write`)', {
    fix: 'pass --identity-token TOKEN or set SIGSTORE_ID_TOKEN to a token with audience "sigstore"; in GitHub Actions add `permissions: id-token: write` to the job',
  });
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const v = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reject tokens Fulcio would reject, with a message that says why (Fulcio's own answer is terse). */
export function checkToken(token: string, source: TokenSource, now: Date = new Date()): void {
  const from = source === 'explicit' ? '--identity-token' : source;
  const claims = decodeClaims(token);
  if (!claims) {
    throw new InputError('identity-token-malformed', `the identity token from ${from} is not a JWT`, {
      fix: 'pass the raw OIDC token (three base64url parts separated by dots)',
    });
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(SIGSTORE_AUDIENCE)) {
    throw new InputError('identity-token-audience', `the identity token from ${from} has audience ${JSON.stringify(claims.aud)}, but Fulcio requires "${SIGSTORE_AUDIENCE}"`, {
      fix: 'request the token with audience "sigstore"',
    });
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 < now.getTime()) {
    throw new InputError('identity-token-expired', `the identity token from ${from} expired at ${new Date(claims.exp * 1000).toISOString()}`, {
      fix: 'get a fresh token (OIDC tokens live a few minutes)',
    });
  }
}

export class StaticTokenProvider implements IdentityProvider {
  constructor(
    private readonly token: string,
    private readonly source: TokenSource,
  ) {}
  async getToken(): Promise<string> {
    checkToken(this.token, this.source);
    return this.token;
  }
}

/** Statuses worth asking again, as @sigstore/sign's own fetch decides for Fulcio, Rekor and the TSA. */
const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * The runner's token endpoint: `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=sigstore` with
 * the request token as bearer. @sigstore/sign does not retry an identity provider, so
 * this retries like its Fulcio/Rekor/TSA clients do (promise-retry, the same policy):
 * 408, 429, 5xx, dropped connections and timeouts; a 401/403/404 fails at once.
 */
export class GitHubActionsTokenProvider implements IdentityProvider {
  constructor(
    private readonly requestURL: string,
    private readonly requestToken: string,
    private readonly audience: string = SIGSTORE_AUDIENCE,
    private readonly fetchPolicy: FetchPolicy = DEFAULT_FETCH,
  ) {}

  async getToken(): Promise<string> {
    const url = new URL(this.requestURL);
    url.searchParams.set('audience', this.audience);
    const { timeout, retry } = this.fetchPolicy;
    const tries = (n: number): string => (n > 1 ? ` (${n} attempts)` : '');
    const res = await promiseRetry<Response>(async (again, attempt) => {
      let r: Response;
      try {
        r = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${this.requestToken}` }, signal: AbortSignal.timeout(timeout) });
      } catch (err) {
        const timedOut = (err as Error)?.name === 'TimeoutError';
        const why = timedOut ? `no answer within ${formatMs(timeout)}` : describeFetchError(err);
        return again(
          new ServiceError(timedOut ? 'oidc-timeout' : 'oidc-unreachable', `cannot reach the runner's OIDC token endpoint (${url.origin}): ${why}${tries(attempt)}`, {
            fix: 're-run the job; if it persists, check https://www.githubstatus.com',
            cause: err,
          }),
        );
      }
      if (r.ok) return r;
      const refused = new ServiceError('oidc-refused', `the runner's OIDC token endpoint (${url.origin}) answered ${r.status} ${r.statusText}${tries(attempt)}`, {
        fix: r.status === 401 || r.status === 403 ? 'grant the job `permissions: id-token: write`' : 're-run the job; if it persists, check https://www.githubstatus.com',
      });
      await r.body?.cancel().catch(() => {});
      if (retryableStatus(r.status)) return again(refused);
      throw refused;
    }, { ...retry });
    const body = (await res.json().catch(() => undefined)) as { value?: unknown } | undefined;
    if (!body || typeof body.value !== 'string' || !body.value) {
      throw new ServiceError('oidc-malformed', 'the runner\'s OIDC token endpoint answered without a token', { fix: 're-run the job' });
    }
    checkToken(body.value, 'github-actions');
    return body.value;
  }
}

/** "fetch failed" says nothing: name the socket error underneath. */
function describeFetchError(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause;
  if (cause?.code || cause?.message) return [cause.message, cause.code && !cause.message?.includes(cause.code) ? `(${cause.code})` : ''].filter(Boolean).join(' ');
  return e?.message ?? String(err);
}

/** Explicit token, then SIGSTORE_ID_TOKEN, then the GitHub runner (as cosign and actions/attest order them). */
export function identityProviderFor(opts: TokenSourceOptions): IdentityProvider {
  preflightIdentity(opts);
  const env = opts.env ?? process.env;
  const source = tokenSource(opts)!;
  switch (source) {
    case 'explicit':
      return new StaticTokenProvider(opts.identityToken!, source);
    case 'SIGSTORE_ID_TOKEN':
      return new StaticTokenProvider(env.SIGSTORE_ID_TOKEN!, source);
    case 'github-actions':
      return new GitHubActionsTokenProvider(env.ACTIONS_ID_TOKEN_REQUEST_URL!, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN!, SIGSTORE_AUDIENCE, opts.fetch ?? DEFAULT_FETCH);
  }
}
