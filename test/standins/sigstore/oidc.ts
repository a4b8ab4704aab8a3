import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { json, type Route } from './http.js';

/** The issuer GitHub Actions tokens carry; `gh attestation verify` expects it by default. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** The claims GitHub puts in an Actions OIDC token (the ones Fulcio reads, plus a few more). */
export interface GitHubClaims {
  iss: string;
  sub: string;
  aud?: string | string[];
  repository: string;
  repository_owner: string;
  repository_owner_id: string;
  repository_id: string;
  repository_visibility: string;
  workflow: string;
  workflow_ref: string;
  workflow_sha: string;
  job_workflow_ref: string;
  job_workflow_sha: string;
  ref: string;
  ref_type: string;
  sha: string;
  run_id: string;
  run_number: string;
  run_attempt: string;
  runner_environment: string;
  event_name: string;
  actor: string;
  actor_id: string;
  [claim: string]: unknown;
}

/** A plausible run of `.github/workflows/train.yml` on main in `acme/models`. */
export function defaultClaims(overrides: Partial<GitHubClaims> = {}): GitHubClaims {
  const repository = overrides.repository ?? 'acme/models';
  const ref = overrides.ref ?? 'refs/heads/main';
  const sha = overrides.sha ?? 'a'.repeat(40);
  const workflowRef = overrides.workflow_ref ?? `${repository}/.github/workflows/train.yml@${ref}`;
  const base: GitHubClaims = {
    iss: GITHUB_ACTIONS_ISSUER,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_owner: repository.split('/')[0]!,
    repository_owner_id: '1001',
    repository_id: '2002',
    repository_visibility: 'public',
    workflow: 'train',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    ref,
    ref_type: 'branch',
    sha,
    run_id: '4242',
    run_number: '7',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    event_name: 'push',
    actor: 'octocat',
    actor_id: '3003',
  };
  return { ...base, ...overrides } as GitHubClaims;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/** The stand-in's token issuer: an ES256 key whose tokens the stand-in Fulcio accepts. */
export class TokenIssuer {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly kid: string;

  constructor() {
    const kp = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    this.privateKey = kp.privateKey;
    this.publicKey = kp.publicKey;
    this.kid = createHash('sha256').update(kp.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  }

  mint(claims: GitHubClaims, audience: string, lifetimeSeconds = 300): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'ES256', typ: 'JWT', kid: this.kid };
    const payload = { jti: b64url(createHash('sha256').update(`${now}${Math.random()}`).digest()), ...claims, aud: audience, iat: now, nbf: now - 5, exp: now + lifetimeSeconds };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const sig = sign('sha256', Buffer.from(input), { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(sig)}`;
  }

  /** Verify a token the way Fulcio does for a configured issuer; returns its claims or throws. */
  verify(token: string, expect: { issuer: string; audience: string }): Record<string, unknown> {
    const parts = token.split('.');
    if (parts.length !== 3) throw new Error('identity token is not a JWT');
    const [h, p, s] = parts as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    if (header.alg !== 'ES256') throw new Error(`unsupported JWT alg ${String(header.alg)}`);
    const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key: this.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
    if (!ok) throw new Error('identity token signature is not from a trusted issuer');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== expect.issuer) throw new Error(`identity token issuer ${String(claims.iss)} is not configured`);
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(expect.audience)) throw new Error(`identity token audience must include "${expect.audience}"`);
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp < now) throw new Error('identity token has expired');
    return claims;
  }
}

/**
 * The runner's ACTIONS_ID_TOKEN_REQUEST_URL: GET with `Authorization: Bearer
 * <ACTIONS_ID_TOKEN_REQUEST_TOKEN>` and an optional `audience` query; answers
 * `{"value": "<JWT>"}`. Without an audience GitHub uses the owner's URL.
 */
export function oidcRoute(issuer: TokenIssuer, requestToken: string, claims: () => GitHubClaims): Route {
  return async ({ method, url, headers }) => {
    if (method !== 'GET' || url.pathname !== '/token') return json(404, { message: 'Not Found' });
    if (headers.authorization !== `Bearer ${requestToken}`) return json(401, { message: 'Bad credentials' });
    const c = claims();
    const audience = url.searchParams.get('audience') ?? `https://github.com/${c.repository_owner}`;
    return json(200, { count: 1, value: issuer.mint(c, audience) });
  };
}

interface GitHubRecordFields {
  predicate: {
    buildDefinition: { externalParameters: { workflow?: { ref: string; repository: string; path: string } }; resolvedDependencies: { uri?: string; digest?: Record<string, string> }[] };
    runDetails: { builder: { id: string }; metadata: { invocationId?: string } };
  };
}

/**
 * The token of the run a GitHub-built statement says made it: what the runner would
 * hand the job that built it (repository, workflow, ref, commit, run). Signing with it,
 * the certificate's GitHub extensions agree with the statement, as in a real run.
 */
export function claimsOf(statement: GitHubRecordFields): Partial<GitHubClaims> {
  const p = statement.predicate;
  const wf = p.buildDefinition.externalParameters.workflow!;
  const repository = wf.repository.replace(/^https?:\/\/[^/]+\//, '');
  const workflowRef = `${repository}/${wf.path}@${wf.ref}`;
  const run = /\/actions\/runs\/([^/]+)\/attempts\/([^/]+)/.exec(p.runDetails.metadata.invocationId ?? '');
  const sha = p.buildDefinition.resolvedDependencies.find((d) => d.digest?.gitCommit)?.digest?.gitCommit;
  return {
    repository,
    repository_owner: repository.split('/')[0]!,
    ref: wf.ref,
    workflow_ref: workflowRef,
    job_workflow_ref: workflowRef,
    ...(sha ? { sha, workflow_sha: sha, job_workflow_sha: sha } : {}),
    ...(run ? { run_id: run[1]!, run_attempt: run[2]! } : {}),
  };
}

/**
 * A GitHub-built statement rewritten as made by the run with these claims (default: the
 * stand-in's default run, acme/models): the fields a build in that run would fill.
 */
export function asBuiltBy<T extends GitHubRecordFields>(statement: T, overrides: Partial<GitHubClaims> = {}, serverURL = 'https://github.com'): T {
  const c = defaultClaims(overrides);
  const s = structuredClone(statement);
  const p = s.predicate;
  const [repoPart, ref] = c.workflow_ref.split('@') as [string, string];
  const path = repoPart.slice(c.repository.length + 1);
  p.buildDefinition.externalParameters.workflow = { ref, repository: `${serverURL}/${c.repository}`, path };
  for (const d of p.buildDefinition.resolvedDependencies) {
    if (d.digest?.gitCommit) {
      d.digest.gitCommit = c.sha;
      d.uri = `git+${serverURL}/${c.repository}@${c.ref}`;
    }
  }
  p.runDetails.builder.id = `${serverURL}/${c.workflow_ref}`;
  p.runDetails.metadata.invocationId = `${serverURL}/${c.repository}/actions/runs/${c.run_id}/attempts/${c.run_attempt}`;
  return s;
}
