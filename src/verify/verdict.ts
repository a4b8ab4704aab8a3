/** The checks `verify` makes, in the order it makes them. */
export const CHECK_ORDER = [
  'bundle',
  'signature',
  'certificate',
  'transparency-log',
  'timestamps',
  'identity',
  'source',
  'subjects',
  'statement',
  'policy',
] as const;
export type CheckName = (typeof CHECK_ORDER)[number];

/** `skip`: not applicable (nothing asked for) or not reached because an earlier check failed. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface Check {
  name: CheckName;
  ok: boolean;
  status: CheckStatus;
  /** One plain sentence: what was checked and what was found. */
  reason: string;
}

export interface SignerIdentity {
  /** Certificate subject alternative name (the signing workflow for GitHub). */
  subjectAlternativeName?: string;
  issuer?: string;
  /** Fulcio 1.3.6.1.4.1.57264.1.9: `https://github.com/OWNER/REPO/PATH@REF` of the job's workflow. */
  buildSignerURI?: string;
  buildSignerDigest?: string;
  /** Fulcio 1.3.6.1.4.1.57264.1.12: `https://github.com/OWNER/REPO`. */
  sourceRepositoryURI?: string;
  sourceRepositoryDigest?: string;
  sourceRepositoryRef?: string;
  sourceRepositoryOwnerURI?: string;
  buildConfigURI?: string;
  buildTrigger?: string;
  runInvocationURI?: string;
  runnerEnvironment?: string;
}

export interface SubjectMatch {
  file: string;
  sha256: string;
  /** The statement subject with that digest, when one has it. */
  subject?: string;
}

export interface Verdict {
  verified: boolean;
  checks: Check[];
  /** The first failing check's reason, when not verified. */
  failure?: string;
  signer?: SignerIdentity;
  /** Rekor log index of the (first) transparency-log entry. */
  rekorLogIndex?: string;
  predicateType?: string;
  subjects?: SubjectMatch[];
  policy?: { name: string; complete: boolean; findings: { rule: string; field: string; message: string; fix: string; severity: string }[]; missing: string[] };
}

export const pass = (name: CheckName, reason: string): Check => ({ name, ok: true, status: 'pass', reason });
export const fail = (name: CheckName, reason: string): Check => ({ name, ok: false, status: 'fail', reason });
export const skip = (name: CheckName, reason: string): Check => ({ name, ok: false, status: 'skip', reason });

/** Assemble the verdict: any failure fails it; skipped checks only when not reached. */
export function toVerdict(checks: Check[], extra: Omit<Verdict, 'verified' | 'checks' | 'failure'> = {}): Verdict {
  const ordered = [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
  const firstFail = ordered.find((c) => c.status === 'fail');
  return {
    verified: !firstFail,
    checks: ordered,
    ...(firstFail ? { failure: `${firstFail.name}: ${firstFail.reason}` } : {}),
    ...extra,
  };
}
