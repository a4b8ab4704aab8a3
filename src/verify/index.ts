import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { evaluatePolicy, resolvePolicy, type ResolvedPolicy } from '../policy/index.js';
import { silentLogger, type Logger } from '../util/log.js';
import { parseBundle } from './bundle.js';
import { signerIdentity } from './certificate.js';
import { checkIdentity, validateIdentityPolicy, type IdentityPolicy } from './identity.js';
import { verifySignatureMaterial } from './signature.js';
import { checkSource } from './source.js';
import { checkStatement, readPayload } from './statement.js';
import { assertSubjectsExist, checkSubjects } from './subjects.js';
import { loadTrustedRoot } from './trust.js';
import { CHECK_ORDER, fail, pass, skip, toVerdict, type Check, type Verdict } from './verdict.js';

export { CHECK_ORDER, toVerdict } from './verdict.js';
export type { Check, CheckName, CheckStatus, SignerIdentity, SubjectMatch, Verdict } from './verdict.js';
export { GITHUB_ACTIONS_ISSUER, checkIdentity, validateIdentityPolicy } from './identity.js';
export type { IdentityPolicy } from './identity.js';
export { loadTrustedRoot, parseTrustedRoot } from './trust.js';
export type { TrustOptions, LoadedTrust } from './trust.js';
export { bundleCertificate, bundleSigner, signerIdentity } from './certificate.js';
export { checkSource, githubClaims } from './source.js';
export { formatVerdict, failureFix } from './format.js';
export { assertBundleDocument, bundleFormatProblem } from './bundle-format.js';

export interface VerifyOptions {
  /** Files (or directories) whose sha256 must be among the statement's subjects. */
  subjects?: string[];
  /** Who must have signed. At least one of repo / signerWorkflow / certIdentity(Regexp). */
  identity: IdentityPolicy;
  /** A TrustedRoot to use as is (the action and tests inject one). */
  trustedRoot?: TrustedRoot;
  /** trusted_root.json to trust instead of the public-good root. */
  customTrustedRoot?: string;
  /** No network: a cached public-good root or --custom-trusted-root. */
  offline?: boolean;
  /** `standard`, `strict`, `none` or a policy file; absent: no policy check. */
  policy?: string;
  logger?: Logger;
}

/**
 * Verify a Sigstore bundle as a release consumer would. Usage errors (identity
 * flags, missing SUBJECT files, unreadable trust root or policy) throw
 * InputError before any check; everything about the bundle itself becomes an
 * ordered check in the verdict.
 */
export async function verifyBundle(bundleDoc: unknown, opts: VerifyOptions): Promise<Verdict> {
  const logger = opts.logger ?? silentLogger;
  validateIdentityPolicy(opts.identity);
  const files = opts.subjects ?? [];
  await assertSubjectsExist(files);
  const policy: ResolvedPolicy | undefined = opts.policy ? await resolvePolicy(opts.policy) : undefined;

  const checks: Check[] = [];
  const notReached = (after: string) => (name: Check['name']) => skip(name, `not checked because ${after} failed`);

  const parsed = parseBundle(bundleDoc);
  checks.push(parsed.check);
  if (!parsed.parsed) return toVerdict([...checks, ...CHECK_ORDER.slice(1).map(notReached('bundle'))]);
  const { bundle, payload, certificate } = parsed.parsed;

  const trust = opts.trustedRoot ? { root: opts.trustedRoot, source: 'the given trusted root' } : await loadTrustedRoot(opts);
  logger.debug(`verify: trust root from ${trust.source}`);
  const crypto = verifySignatureMaterial(parsed.parsed, trust.root);
  checks.push(...crypto);
  const rekorLogIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
  const base = rekorLogIndex !== undefined ? { rekorLogIndex } : {};
  const cryptoFailed = crypto.find((c) => c.status === 'fail');
  // Nothing in an unauthenticated payload or certificate is worth reporting as a pass.
  if (cryptoFailed) {
    return toVerdict([...checks, ...(['identity', 'source', 'subjects', 'statement', 'policy'] as const).map(notReached(cryptoFailed.name))], base);
  }

  const signer = signerIdentity(certificate);
  const identity = checkIdentity(signer, opts.identity);
  checks.push(identity);
  if (!identity.ok) {
    return toVerdict([...checks, ...(['source', 'subjects', 'statement', 'policy'] as const).map(notReached('identity'))], { ...base, signer });
  }

  const raw = readPayload(payload);
  // Who signed is the certificate's to say; a statement claiming another repository, workflow or run is refused.
  checks.push(checkSource(raw, signer));
  const { check: subjectsCheck, matches } = await checkSubjects(raw?.subject ?? [], files);
  checks.push(subjectsCheck);

  const stmt = checkStatement(raw);
  checks.push(stmt.check);
  const predicateType = typeof raw?.predicateType === 'string' ? raw.predicateType : undefined;

  let policyResult: Verdict['policy'];
  if (!policy) {
    checks.push(skip('policy', 'no --policy given'));
  } else if (!stmt.training) {
    // Asking for a policy means asking for a training record: another kind of
    // attestation (e.g. the companion SLSA bundle swapped in) must not pass as one.
    checks.push(
      stmt.check.ok
        ? fail('policy', `--policy ${policy.name} was asked for, but the bundle carries no ml-provenance training record (predicate type ${predicateType ?? 'unknown'})`)
        : skip('policy', 'not checked because statement failed'),
    );
  } else {
    const r = evaluatePolicy(stmt.training, policy);
    policyResult = { name: r.policy, complete: r.complete, findings: r.findings, missing: r.missing };
    const errors = r.findings.filter((f) => f.severity === 'error');
    const warnings = r.findings.length - errors.length;
    checks.push(
      r.complete
        ? pass('policy', `complete under policy "${r.policy}"${warnings ? ` (${warnings} warning(s))` : ''}`)
        : fail('policy', `incomplete under policy "${r.policy}": ${errors.map((f) => `${f.field}: ${f.message}`).join('; ')}`),
    );
  }

  return toVerdict(checks, {
    ...base,
    signer,
    ...(predicateType ? { predicateType } : {}),
    ...(files.length ? { subjects: matches } : {}),
    ...(policyResult ? { policy: policyResult } : {}),
  });
}
