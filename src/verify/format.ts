import { UNKNOWN_LOG_MEANING } from './signature.js';
import type { Verdict } from './verdict.js';

const MARK = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' } as const;

/** Plain text: one line per check, then VERIFIED or FAILED: reason. */
export function formatVerdict(v: Verdict): string {
  const width = Math.max(...v.checks.map((c) => c.name.length));
  const lines = v.checks.map((c) => `${MARK[c.status]}  ${c.name.padEnd(width)}  ${c.reason}`);
  if (v.policy) {
    for (const f of v.policy.findings) lines.push(`      ${f.severity === 'error' ? 'missing' : 'warning'}: ${f.field}: ${f.message} — ${f.fix}`);
  }
  lines.push(v.verified ? 'VERIFIED' : `FAILED: ${v.failure ?? 'verification failed'}`);
  return lines.join('\n') + '\n';
}

const FIXES: Record<string, string> = {
  bundle: 'pass the provenance.sigstore.json that `ml-provenance sign` (or the action) produced',
  timestamps: 'do not trust these files; if the bundle comes from a private or self-hosted Sigstore, pass its --custom-trusted-root',
  certificate: 'do not trust these files; if the bundle comes from a private or self-hosted Sigstore, pass its --custom-trusted-root',
  'transparency-log': 'do not trust these files: the bundle was altered or never logged (GitHub-instance bundles for private repositories have no Rekor entry; verify those with `gh attestation verify`)',
  signature: 'do not trust these files: the signed statement was altered',
  identity: 'do not trust these files unless the identity shown is one you trust; then pass it with --repo / --signer-workflow / --cert-identity',
  source: 'do not trust these files: the record claims a repository, workflow or run other than the one that signed it, or one its certificate cannot vouch for (it was built elsewhere, or forged); ask the publisher for a record signed by the run that built it',
  subjects: 'the file is not the one that was signed: download it again from the release and compare',
  statement: 'the signed payload is not an ml-provenance record; verify it with a tool that understands its predicate type',
  policy: 'the record is authentic but incomplete under the policy; ask the publisher for a complete record or relax --policy',
};

/** The `— how to fix` half of the error line for a failed verdict. */
export function failureFix(v: Verdict): string {
  const first = v.checks.find((c) => c.status === 'fail');
  // A log the trusted root does not list: another instance's bundle (or a forged one), as for a foreign certificate.
  if (first?.name === 'transparency-log' && first.reason.endsWith(UNKNOWN_LOG_MEANING)) return FIXES.certificate!;
  return (first && FIXES[first.name]) ?? 'do not trust these files';
}
