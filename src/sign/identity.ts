import { InputError, ServiceError } from '../errors.js';

/** Where the OIDC identity token comes from (sigstore-js's one-method interface). */
export interface IdentityProvider {
  getToken(): Promise<string>;
}

/** Fulcio only accepts tokens minted for this audience. */
export const SIGSTORE_AUDIENCE = 'sigstore';

export interface TokenSourceOptions {
  identityToken?: string;
  env?: NodeJS.ProcessEnv;
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

/** The runner's token endpoint: `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=sigstore` with the request token as bearer. */
export class GitHubActionsTokenProvider implements IdentityProvider {
  constructor(
    private readonly requestURL: string,
    private readonly requestToken: string,
    private readonly audience: string = SIGSTORE_AUDIENCE,
  ) {}

  async getToken(): Promise<string> {
    const url = new URL(this.requestURL);
    url.searchParams.set('audience', this.audience);
    let res: Response;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${this.requestToken}` }, signal: AbortSignal.timeout(15_000) });
    } catch (err) {
      throw new ServiceError('oidc-unreachable', `cannot reach the runner's OIDC token endpoint (${url.origin}): ${(err as Error).message}`, {
        fix: 're-run the job; if it persists, check https://www.githubstatus.com',
        cause: err,
      });
    }
    if (!res.ok) {
      throw new ServiceError('oidc-refused', `the runner's OIDC token endpoint answered ${res.status} ${res.statusText}`, {
        fix: res.status === 401 || res.status === 403 ? 'grant the job `permissions: id-token: write`' : 're-run the job',
      });
    }
    const body = (await res.json().catch(() => undefined)) as { value?: unknown } | undefined;
    if (!body || typeof body.value !== 'string' || !body.value) {
      throw new ServiceError('oidc-malformed', 'the runner\'s OIDC token endpoint answered without a token', { fix: 're-run the job' });
    }
    checkToken(body.value, 'github-actions');
    return body.value;
  }
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
      return new GitHubActionsTokenProvider(env.ACTIONS_ID_TOKEN_REQUEST_URL!, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN!);
  }
}
