import { InputError } from '../errors.js';
import { refusedValueShape } from '../redact/messages.js';
import { pass, fail, type Check, type SignerIdentity } from './verdict.js';

/** The issuer of GitHub Actions OIDC tokens; `gh attestation verify` expects it by default. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** Who the consumer expects to have signed: the checks `gh attestation verify` makes. */
export interface IdentityPolicy {
  /** OWNER/REPO the certificate's source repository must be. */
  repo?: string;
  /** [HOST/]OWNER/REPO/PATH[@REF] of the workflow that signed (Build Signer URI). */
  signerWorkflow?: string;
  /** Exact certificate subject alternative name. */
  certIdentity?: string;
  /** Regular expression the subject alternative name must match (unanchored, as cosign). */
  certIdentityRegexp?: string;
  /** OIDC issuer; default GitHub Actions'. */
  certOidcIssuer?: string;
}

const REPO_RE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

interface WorkflowSpec {
  host?: string;
  repo: string;
  path: string;
  ref?: string;
}

function parseSignerWorkflow(spec: string): WorkflowSpec | undefined {
  const s = spec.replace(/^https?:\/\//, '');
  const at = s.indexOf('@');
  const main = at === -1 ? s : s.slice(0, at);
  const ref = at === -1 ? undefined : s.slice(at + 1);
  const parts = main.split('/');
  // A leading host is recognised by a dot or port (github.com, ghe.example:8443).
  const host = parts[0] && /[.:]/.test(parts[0]) ? parts.shift() : undefined;
  if (parts.length < 3 || parts.some((p) => p === '')) return undefined;
  const repo = `${parts[0]}/${parts[1]}`;
  if (!REPO_RE.test(repo)) return undefined;
  return { ...(host ? { host } : {}), repo, path: parts.slice(2).join('/'), ...(ref ? { ref } : {}) };
}

/**
 * Usage errors in the identity flags: exit 2 before any verification. `o.noVerify`: the
 * command also takes --no-verify, which the fix then names.
 */
export function validateIdentityPolicy(p: IdentityPolicy, o: { noVerify?: boolean } = {}): void {
  if (!p.repo && !p.signerWorkflow && !p.certIdentity && !p.certIdentityRegexp) {
    throw new InputError('no-expected-identity', 'verifying a bundle needs to know who should have signed: anyone can get a Sigstore certificate, so a signature alone proves nothing', {
      fix: `pass --repo OWNER/REPO (the repository whose workflow signed), --signer-workflow OWNER/REPO/PATH[@REF], or --cert-identity/--cert-identity-regexp${o.noVerify ? ' (or --no-verify to take the records on trust, unverified)' : ''}`,
      fields: ['--repo'],
    });
  }
  if (p.certIdentity && p.certIdentityRegexp) {
    throw new InputError('conflicting-identity', '--cert-identity and --cert-identity-regexp are mutually exclusive', { fix: 'pass only one of them', fields: ['--cert-identity', '--cert-identity-regexp'] });
  }
  if (p.repo && !REPO_RE.test(p.repo)) {
    throw new InputError('bad-repo', `--repo must be OWNER/REPO ${refusedValueShape(p.repo)}`, { fix: 'pass --repo acme/models', fields: ['--repo'] });
  }
  if (p.signerWorkflow && !parseSignerWorkflow(p.signerWorkflow)) {
    throw new InputError('bad-signer-workflow', `--signer-workflow must be OWNER/REPO/PATH[@REF] ${refusedValueShape(p.signerWorkflow)}`, {
      fix: 'pass e.g. --signer-workflow acme/models/.github/workflows/train.yml@refs/heads/main',
      fields: ['--signer-workflow'],
    });
  }
  if (p.certIdentityRegexp) {
    try {
      new RegExp(p.certIdentityRegexp);
    } catch (err) {
      throw new InputError('bad-regexp', `--cert-identity-regexp is not a valid regular expression (${regexpReason(err)}) ${refusedValueShape(p.certIdentityRegexp)}`, {
        fix: 'fix the expression (JavaScript syntax)',
        fields: ['--cert-identity-regexp'],
      });
    }
  }
}

/** `https://github.com/acme/models/...` → { host: 'github.com', rest: 'acme/models/...' } */
function splitURI(uri: string | undefined): { host: string; rest: string } | undefined {
  const m = uri ? /^https?:\/\/([^/]+)\/(.*)$/.exec(uri) : null;
  return m ? { host: m[1]!, rest: m[2]! } : undefined;
}

const sameRepo = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function refMatches(expected: string, actual: string): boolean {
  return actual === expected || actual === `refs/heads/${expected}` || actual === `refs/tags/${expected}`;
}

/** Compare the certificate's identity with what the consumer expects; every mismatch is named. */
export function checkIdentity(id: SignerIdentity, p: IdentityPolicy): Check {
  const problems: string[] = [];
  const san = id.subjectAlternativeName ?? '';
  const issuer = p.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
  if (id.issuer !== issuer) problems.push(`the OIDC issuer is ${id.issuer ?? '(none)'}, expected ${issuer}`);

  if (p.repo) {
    const src = splitURI(id.sourceRepositoryURI);
    if (!src) problems.push(`the certificate names no source repository, expected ${p.repo}`);
    else if (!sameRepo(src.rest, p.repo)) problems.push(`the source repository is ${src.rest}, expected ${p.repo}`);
    // As gh: without a signer constraint, the signing workflow must live in that repository too.
    if (!p.signerWorkflow && !p.certIdentity && !p.certIdentityRegexp) {
      const s = splitURI(san);
      if (!s || !s.rest.toLowerCase().startsWith(`${p.repo.toLowerCase()}/`)) {
        problems.push(`the signing workflow ${san || '(none)'} is not in ${p.repo} (pass --signer-workflow to accept a reusable workflow from elsewhere)`);
      }
    }
  }

  if (p.signerWorkflow) {
    const want = parseSignerWorkflow(p.signerWorkflow)!;
    const signer = id.buildSignerURI ?? san;
    const got = splitURI(signer);
    const at = got ? got.rest.indexOf('@') : -1;
    const gotMain = got ? (at === -1 ? got.rest : got.rest.slice(0, at)) : '';
    const gotRef = got && at !== -1 ? got.rest.slice(at + 1) : '';
    const slash = gotMain.indexOf('/', gotMain.indexOf('/') + 1);
    const gotRepo = slash === -1 ? gotMain : gotMain.slice(0, slash);
    const gotPath = slash === -1 ? '' : gotMain.slice(slash + 1);
    const ok =
      got !== undefined &&
      (!want.host || want.host.toLowerCase() === got.host.toLowerCase()) &&
      sameRepo(gotRepo, want.repo) &&
      gotPath === want.path &&
      (!want.ref || refMatches(want.ref, gotRef));
    if (!ok) problems.push(`the signing workflow is ${signer || '(none)'}, expected ${p.signerWorkflow}`);
  }

  if (p.certIdentity && san !== p.certIdentity) problems.push(`the certificate identity is ${san || '(none)'}, expected exactly ${p.certIdentity}`);
  if (p.certIdentityRegexp && !new RegExp(p.certIdentityRegexp).test(san)) {
    problems.push(`the certificate identity ${san || '(none)'} does not match /${p.certIdentityRegexp}/`);
  }

  if (problems.length) return fail('identity', problems.join('; '));
  const repo = splitURI(id.sourceRepositoryURI)?.rest;
  return pass('identity', `signed by ${san} (issuer ${id.issuer}${repo ? `, repository ${repo}` : ''})`);
}

/** V8's reason without the pattern it quotes (`Invalid regular expression: /…/: Unterminated group`). */
function regexpReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // The reason is V8's fixed wording after the last "/: "; the pattern before it is the user's.
  const at = msg.lastIndexOf('/: ');
  const reason = at >= 0 ? msg.slice(at + 3).trim() : undefined;
  return reason && reason.length < 60 ? reason.toLowerCase() : 'syntax error';
}
