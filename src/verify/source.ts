/**
 * The statement's claimed source against the certificate's (pure). A statement is
 * whatever the signer wrote; the certificate is what Fulcio wrote from the OIDC token
 * GitHub issued to the run. As slsa-verifier and `gh attestation verify`: the identity is
 * the certificate's, never the payload's.
 *
 * One rule: every field of the statement that names a GitHub repository, workflow, ref,
 * commit or run — whatever its buildType says — must be what the certificate's extension
 * for that kind says, and a certificate without that extension (not signed in GitHub
 * Actions) cannot vouch for it. Fields are found by what they say, not by the buildType,
 * because the summary, lineage and the store show them by what they say: a "local" record
 * whose invocationId is another repository's run would otherwise be shown as that run.
 */
import { BUILD_TYPE_GITHUB } from '../schema/predicate.js';
import { GITHUB_WORKFLOW_BUILD_TYPE } from '../statement/slsa.js';
import { fail, pass, type Check, type SignerIdentity } from './verdict.js';

/** The build types whose run fields are filled from a GitHub Actions run (ours, and the SLSA companion's): every such field is a claim, on any host. */
const GITHUB_BUILD_TYPES = new Set([BUILD_TYPE_GITHUB, GITHUB_WORKFLOW_BUILD_TYPE]);

type Kind = 'repository' | 'workflow' | 'ref' | 'commit' | 'run';

/** One field's claim: `field` is its path in the predicate, `value` what it names. */
export interface Claim {
  field: string;
  kind: Kind;
  value: string;
  /** A builder id may name the workflow that signs (a reusable one, Build Signer URI .9) as well as the calling one (.18). */
  orSigner?: boolean;
}

/** Fulcio's extension for each kind (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
const EXTENSION: Record<Kind, { label: string; of: (id: SignerIdentity) => string | undefined }> = {
  repository: { label: 'Source Repository URI (1.3.6.1.4.1.57264.1.12)', of: (id) => id.sourceRepositoryURI },
  // The calling workflow, as GITHUB_WORKFLOW_REF; a reusable workflow that signs is the SAN (Build Signer URI), which `identity` checks.
  workflow: { label: 'Build Config URI (1.3.6.1.4.1.57264.1.18)', of: (id) => id.buildConfigURI },
  ref: { label: 'Source Repository Ref (1.3.6.1.4.1.57264.1.14)', of: (id) => id.sourceRepositoryRef },
  commit: { label: 'Source Repository Digest (1.3.6.1.4.1.57264.1.13)', of: (id) => id.sourceRepositoryDigest },
  run: { label: 'Run Invocation URI (1.3.6.1.4.1.57264.1.21)', of: (id) => id.runInvocationURI },
};

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const hostOf = (uri: string | undefined) => (uri ? /^https?:\/\/([^/]+)\//.exec(uri)?.[1]?.toLowerCase() : undefined);

/** The host of a URL or of an scp-style git location (`git@github.com:o/r.git`). */
const uriHost = (uri: string) => /^(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?|(?:[^@/:]+@)?(?=[^/:@]+:(?!\/)))([^/:@]+)/i.exec(uri.replace(/^git\+/, ''))?.[1]?.toLowerCase();

/** github.com, GitHub Enterprise Cloud's `*.ghe.com`, or the certificate's own host (GitHub Enterprise Server). */
const isGitHubHost = (host: string | undefined, certHost: string | undefined) =>
  Boolean(host) && (host === 'github.com' || host!.endsWith('.ghe.com') || host === certHost);

/** `https://github.com/acme/models` (or `acme/models`, taken as on the certificate's host) → `github.com/acme/models`, lower-cased: GitHub names are case-insensitive. */
function repoKey(repo: string, certHost: string | undefined): string {
  const url = /^https?:\/\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(repo);
  return (url ? `${url[1]}/${url[2]}` : `${certHost ?? ''}/${repo}`).toLowerCase();
}

/** `https://host/o/r/actions/runs/ID[/attempts/N]` → { repo: 'https://host/o/r', run: 'ID' }. */
function runOf(uri: string): { repo: string; run: string } | undefined {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/([^/]+)/.exec(uri);
  return m ? { repo: m[1]!, run: m[2]! } : undefined;
}

/** `https://host/o/r/PATH@REF` → its parts (Fulcio's Build Config URI and Build Signer URI have this shape). */
function workflowOf(uri: string): { repo: string; path: string; ref: string } | undefined {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/([^@]+)@(.+)$/.exec(uri);
  return m ? { repo: m[1]!, path: m[2]!, ref: m[3]! } : undefined;
}

/**
 * A git location as a source dependency writes it (`git+https://host/o/r[.git][@REF]`,
 * `git+ssh://git@host/o/r`, `git+git@host:o/r.git@REF`) → its host, `https://host/o/r` and ref.
 */
export function gitRepoOf(uri: string): { host: string; repo: string; ref?: string } | undefined {
  const s = uri.replace(/^git\+/, '');
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]*@)?([^/:@]+)(?::\d+)?\/([^/@]+\/[^/@]+?)(?:\.git)?\/?(?:@(.+))?$/.exec(s) ??
    /^(?:[^@/:]+@)?([^/:@]+):(?!\/)([^/@]+\/[^/@]+?)(?:\.git)?\/?(?:@(.+))?$/.exec(s);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase();
  return { host, repo: `https://${host}/${m[2]}`, ...(m[3] ? { ref: m[3] } : {}) };
}

/** Every field of the statement that names a GitHub repository, workflow, ref, commit or run. */
export function githubClaims(raw: unknown, certHost: string | undefined): Claim[] {
  const predicate = obj(obj(raw)?.predicate);
  const def = obj(predicate?.buildDefinition);
  const run = obj(predicate?.runDetails);
  const githubBuilt = GITHUB_BUILD_TYPES.has(def?.buildType as string);
  const onGitHub = (uri: string | undefined) => githubBuilt || isGitHubHost(hostOf(uri), certHost);
  const asUrl = (repo: string) => (/^https?:\/\//.test(repo) ? repo : `https://${certHost ?? 'github.com'}/${repo}`);
  const claims: Claim[] = [];
  const at = 'buildDefinition';

  // The workflow object is GitHub's concept whatever the buildType: it is always a claim.
  const wf = obj(obj(def?.externalParameters)?.workflow);
  const wfRepo = str(wf?.repository);
  if (wfRepo) {
    claims.push({ field: `${at}.externalParameters.workflow.repository`, kind: 'repository', value: wfRepo });
    const [path, ref] = [str(wf?.path), str(wf?.ref)];
    if (path && ref) claims.push({ field: `${at}.externalParameters.workflow`, kind: 'workflow', value: `${asUrl(wfRepo).replace(/\/$/, '')}/${path}@${ref}` });
  }
  const ghRepo = str(obj(obj(def?.internalParameters)?.github)?.repository);
  if (ghRepo) claims.push({ field: `${at}.internalParameters.github.repository`, kind: 'repository', value: ghRepo });

  // The source: what the summary shows (the dependency with a git commit) and what health groups by (the one named `source`).
  const deps = Array.isArray(def?.resolvedDependencies) ? def.resolvedDependencies : [];
  deps.forEach((d, i) => {
    const dep = obj(d);
    const commit = str(obj(dep?.digest)?.gitCommit);
    if (!commit && dep?.name !== 'source') return;
    const uri = str(dep?.uri);
    const git = uri ? gitRepoOf(uri) : undefined;
    // On a GitHub host but not OWNER/REPO (`…/victim/models/extra`): still a claim, one that cannot agree.
    if (!githubBuilt && !isGitHubHost(git?.host ?? (uri && uriHost(uri)), certHost)) return;
    const field = `${at}.resolvedDependencies[${i}]`;
    if (uri) claims.push({ field: `${field}.uri`, kind: 'repository', value: git?.repo ?? uri });
    if (git?.ref) claims.push({ field: `${field}.uri`, kind: 'ref', value: git.ref });
    if (commit) claims.push({ field: `${field}.digest.gitCommit`, kind: 'commit', value: commit });
  });

  // A run URL shape (`/OWNER/REPO/actions/runs/ID`) is what lineage and the summary label "run ID", on any host.
  const invocationId = str(obj(run?.metadata)?.invocationId);
  if (invocationId && (onGitHub(invocationId) || invocationId.includes('/actions/runs/'))) {
    claims.push({ field: 'runDetails.metadata.invocationId', kind: 'run', value: invocationId });
  }
  // A builder id shaped as a workflow file names a workflow; any other on a GitHub host, a repository. GitHub's own
  // builder ids (`https://github.com/actions/runner/github-hosted`, as actions/attest-build-provenance writes) name neither.
  const builder = str(obj(run?.builder)?.id);
  if (builder && /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/\.github\/workflows\/[^@]+@.+$/.test(builder)) {
    claims.push({ field: 'runDetails.builder.id', kind: 'workflow', value: builder, orSigner: true });
  } else if (builder && isGitHubHost(hostOf(builder), certHost) && !/^https?:\/\/[^/]+\/actions\/runner\/(github|self)-hosted$/.test(builder)) {
    claims.push({ field: 'runDetails.builder.id', kind: 'repository', value: builder });
  }
  return claims;
}

/** Whether a claim and the certificate's value name the same thing. */
function agrees(kind: Kind, claimed: string, cert: string, certHost: string | undefined): boolean {
  const key = (r: string) => repoKey(r, certHost);
  switch (kind) {
    case 'repository':
      return key(claimed) === key(cert);
    case 'workflow': {
      const [a, b] = [workflowOf(claimed), workflowOf(cert)];
      return Boolean(a && b && key(a.repo) === key(b.repo) && a.path === b.path && a.ref === b.ref);
    }
    case 'ref':
      return claimed === cert;
    case 'commit':
      return claimed.toLowerCase() === cert.toLowerCase();
    case 'run': {
      // The attempt is not compared: a re-run job signs a record its run's first attempt built.
      const [a, b] = [runOf(claimed), runOf(cert)];
      return Boolean(a && b && a.run === b.run && key(a.repo) === key(b.repo));
    }
  }
}

/** What is wrong with each claim the certificate does not vouch for: one problem a field (the workflow and its repository are one). */
export function sourceProblems(claims: Claim[], id: SignerIdentity): string[] {
  const certHost = hostOf(id.sourceRepositoryURI);
  const byField = new Map<string, string>();
  for (const c of claims) {
    if ([...byField.keys()].some((f) => `${f}.`.startsWith(`${c.field}.`) || `${c.field}.`.startsWith(`${f}.`))) continue;
    const ext = EXTENSION[c.kind];
    const certs = [...new Set([ext.of(id), c.orSigner ? id.buildSignerURI : undefined].filter((v): v is string => Boolean(v)))];
    const label = c.orSigner ? `${ext.label} or Build Signer URI (1.3.6.1.4.1.57264.1.9)` : ext.label;
    if (certs.length === 0) {
      byField.set(c.field, `${c.field} names the GitHub ${c.kind} ${c.value}, but the certificate has no ${label} to vouch for it (not signed in GitHub Actions)`);
    } else if (!certs.some((cert) => agrees(c.kind, c.value, cert, certHost))) {
      byField.set(c.field, `${c.field} names ${c.value}, but the certificate's ${label} is ${certs.join(' / ')}`);
    }
  }
  return [...byField.values()];
}

/** The `source` check: every GitHub repository, workflow, ref, commit and run the statement names is the certificate's. */
export function checkSource(raw: unknown, id: SignerIdentity): Check {
  const claims = githubClaims(raw, hostOf(id.sourceRepositoryURI));
  if (claims.length === 0) return pass('source', 'the statement names no GitHub repository, workflow, commit or run: the repository is the certificate\'s');
  const problems = sourceProblems(claims, id);
  if (problems.length) return fail('source', `${problems.join('; ')}: the statement's claimed source does not agree with the certificate that signed it`);
  const kinds = (['repository', 'workflow', 'ref', 'commit', 'run'] as const).filter((k) => claims.some((c) => c.kind === k));
  return pass('source', `the statement's ${kinds.join(', ')} agree with the certificate (${id.sourceRepositoryURI ?? 'no repository'})`);
}
