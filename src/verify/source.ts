/**
 * The statement's claimed source against the certificate's (pure). A statement is
 * whatever the signer wrote; the certificate is what Fulcio wrote from the OIDC token
 * GitHub issued to the run. Where both name the repository, workflow, ref, commit or
 * run, they must agree, or a workflow of one repository could sign a record that says
 * it was trained in another (and the store would file it there). As slsa-verifier and
 * `gh attestation verify`: the identity is the certificate's, never the payload's.
 */
import { BUILD_TYPE_GITHUB } from '../schema/predicate.js';
import { GITHUB_WORKFLOW_BUILD_TYPE } from '../statement/slsa.js';
import { fail, pass, type Check, type SignerIdentity } from './verdict.js';

/** The build types whose fields are filled from a GitHub Actions run (ours, and the SLSA companion's). */
const GITHUB_BUILD_TYPES = new Set([BUILD_TYPE_GITHUB, GITHUB_WORKFLOW_BUILD_TYPE]);

/** What a statement says about the GitHub Actions run that made it. */
export interface ClaimedSource {
  /** `https://github.com/OWNER/REPO`, or `OWNER/REPO` as some statements write it. */
  repository?: string;
  workflow?: { repository: string; path: string; ref: string };
  commit?: string;
  /** `https://github.com/OWNER/REPO/actions/runs/ID[/attempts/N]`. */
  invocationId?: string;
}

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The claims of a GitHub-built statement; undefined for any other (a local build claims no run). */
export function claimedSource(raw: unknown): ClaimedSource | undefined {
  const predicate = obj(obj(raw)?.predicate);
  const def = obj(predicate?.buildDefinition);
  if (!def || !GITHUB_BUILD_TYPES.has(def.buildType as string)) return undefined;
  const out: ClaimedSource = {};
  const wf = obj(obj(def.externalParameters)?.workflow);
  const repository = str(wf?.repository);
  if (repository) out.repository = repository;
  const path = str(wf?.path);
  const ref = str(wf?.ref);
  if (repository && path && ref) out.workflow = { repository, path, ref };
  const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies : [];
  const commit = deps.map((d) => str(obj(obj(d)?.digest)?.gitCommit)).find(Boolean);
  if (commit) out.commit = commit;
  const invocationId = str(obj(obj(predicate?.runDetails)?.metadata)?.invocationId);
  if (invocationId) out.invocationId = invocationId;
  return out;
}

/** `https://github.com/acme/models` (or `acme/models`, taken as on the certificate's host) → `github.com/acme/models`, lower-cased: GitHub names are case-insensitive. */
function repoKey(repo: string, certHost: string | undefined): string {
  const url = /^https?:\/\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(repo);
  return (url ? `${url[1]}/${url[2]}` : `${certHost ?? ''}/${repo}`).toLowerCase();
}
const hostOf = (uri: string | undefined) => (uri ? /^https?:\/\/([^/]+)\//.exec(uri)?.[1] : undefined);

/** `https://host/o/r/actions/runs/ID/attempts/N` → { repo: 'https://host/o/r', run: 'ID' }. */
function runOf(uri: string): { repo: string; run: string } | undefined {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/([^/]+)/.exec(uri);
  return m ? { repo: m[1]!, run: m[2]! } : undefined;
}

/** `https://host/o/r/PATH@REF` → its parts (Fulcio's Build Config URI: the calling workflow, not a reusable one). */
function workflowOf(uri: string): { repo: string; path: string; ref: string } | undefined {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/([^@]+)@(.+)$/.exec(uri);
  return m ? { repo: m[1]!, path: m[2]!, ref: m[3]! } : undefined;
}

/**
 * Compare the statement's claims with the certificate's GitHub extensions. The repository
 * must be on the certificate when the statement names one; the workflow (Build Config URI,
 * 1.3.6.1.4.1.57264.1.18 — the calling workflow, which is what GITHUB_WORKFLOW_REF and so
 * the statement name; a reusable workflow that signs is the SAN, checked by `identity`),
 * ref (.14, when there is no build config URI to compare it in), commit (.13) and run (.21; the attempt is not compared: a re-run job signs
 * a record its run's first attempt built) are compared where the certificate carries them.
 */
export function sourceProblems(claim: ClaimedSource, id: SignerIdentity): string[] {
  const problems: string[] = [];
  const certRepo = id.sourceRepositoryURI;
  const host = hostOf(certRepo);
  const key = (r: string) => repoKey(r, host);
  if (claim.repository) {
    if (!certRepo) problems.push(`the statement says it was built in ${claim.repository}, but the certificate names no source repository (1.3.6.1.4.1.57264.1.12) to vouch for it`);
    else if (key(claim.repository) !== key(certRepo)) problems.push(`the statement says it was built in ${claim.repository}, but the certificate's source repository is ${certRepo}`);
  }
  const inv = claim.invocationId ? runOf(claim.invocationId) : undefined;
  if (claim.invocationId && certRepo && (!inv || key(inv.repo) !== key(certRepo))) {
    problems.push(`the statement's run ${claim.invocationId} is not a run of the certificate's repository ${certRepo}`);
  } else if (inv && id.runInvocationURI) {
    const certRun = runOf(id.runInvocationURI);
    if (!certRun || certRun.run !== inv.run || key(certRun.repo) !== key(inv.repo)) {
      problems.push(`the statement's run is ${claim.invocationId}, but the certificate's is ${id.runInvocationURI}`);
    }
  }
  if (claim.workflow && id.buildConfigURI) {
    const w = workflowOf(id.buildConfigURI);
    const c = claim.workflow;
    if (!w || key(w.repo) !== key(c.repository) || w.path !== c.path || w.ref !== c.ref) {
      problems.push(`the statement's workflow is ${c.repository}/${c.path}@${c.ref}, but the certificate's (build config) is ${id.buildConfigURI}`);
    }
  }
  if (claim.workflow && !id.buildConfigURI && id.sourceRepositoryRef && claim.workflow.ref !== id.sourceRepositoryRef) {
    problems.push(`the statement's ref is ${claim.workflow.ref}, but the certificate's is ${id.sourceRepositoryRef}`);
  }
  if (claim.commit && id.sourceRepositoryDigest && claim.commit.toLowerCase() !== id.sourceRepositoryDigest.toLowerCase()) {
    problems.push(`the statement's source commit is ${claim.commit}, but the certificate's is ${id.sourceRepositoryDigest}`);
  }
  return problems;
}

/** The `source` check: the statement's claimed run is the one the certificate names. */
export function checkSource(raw: unknown, id: SignerIdentity): Check {
  const claim = claimedSource(raw);
  if (!claim) return pass('source', 'the statement claims no GitHub Actions run (not built there): the repository is the certificate\'s');
  const problems = sourceProblems(claim, id);
  if (problems.length) return fail('source', `${problems.join('; ')}: the statement's claimed source does not agree with the certificate that signed it`);
  const named = [claim.repository && 'repository', claim.workflow && 'workflow', claim.workflow && 'ref', claim.commit && 'commit', claim.invocationId && 'run'].filter(Boolean);
  return pass('source', named.length ? `the statement's ${named.join(', ')} agree with the certificate (${id.sourceRepositoryURI ?? 'no repository'})` : 'the statement names no repository, workflow, commit or run: the repository is the certificate\'s');
}
