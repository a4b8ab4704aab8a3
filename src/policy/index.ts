import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { PolicyFile, type PolicyRules } from '../schema/policy.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { parseWith } from '../util/zod-error.js';
import { LIMITS, readTextFile } from '../util/fs.js';
import { BUILTIN_POLICIES } from './builtin.js';
import { evaluateRules } from './rules.js';
import { evaluateCoverageRules } from './coverage-rules.js';
export type { Finding } from './rules.js';
import type { Finding } from './rules.js';

export interface ResolvedPolicy {
  /** `standard`, `strict`, or the policy file's name/path. */
  name: string;
  rules: PolicyRules;
  /** Fields to pseudonymise (the policy file's `anonymize:`). */
  anonymize?: string[];
}

export interface PolicyResult {
  policy: string;
  complete: boolean;
  findings: Finding[];
  /** The fields of the errors, for the action's `missing` output. */
  missing: string[];
}

/** Merge rule sets: `over` wins field by field; nested dataset/metric rules merge too. */
export function mergeRules(base: PolicyRules, over: PolicyRules): PolicyRules {
  const out: PolicyRules = { ...base, ...over };
  if (base.datasets || over.datasets) out.datasets = { ...base.datasets, ...over.datasets };
  if (base.metrics || over.metrics) out.metrics = { ...base.metrics, ...over.metrics };
  if (base.quality || over.quality) out.quality = { ...base.quality, ...over.quality };
  if (base.synthetic || over.synthetic) out.synthetic = { ...base.synthetic, ...over.synthetic };
  return out;
}

export function isBuiltinPolicy(spec: string): spec is keyof typeof BUILTIN_POLICIES {
  return Object.hasOwn(BUILTIN_POLICIES, spec);
}

/** Parse a policy file's text (YAML or JSON) into rules. */
export function parsePolicyText(text: string, file: string): ResolvedPolicy {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, logLevel: 'error' });
  } catch (err) {
    throw new InputError('malformed-policy', `${file} is not valid YAML/JSON: ${(err as Error).message.split('\n')[0]}`, {
      fix: 'fix the syntax of the policy file',
      file,
      cause: err,
    });
  }
  const doc = parseWith(PolicyFile, data, { file, what: 'policy', fix: 'see schemas/policy.schema.json for the allowed rules' });
  const base = BUILTIN_POLICIES[doc.extends ?? 'none'];
  return { name: doc.name ?? path.basename(file), rules: mergeRules(base, doc.rules), ...(doc.anonymize ? { anonymize: doc.anonymize } : {}) };
}

/** `standard`, `strict`, `none`, or a path to a policy file. */
export async function resolvePolicy(spec: string | undefined, cwd: string = process.cwd()): Promise<ResolvedPolicy> {
  const s = (spec ?? 'standard').trim() || 'standard';
  if (isBuiltinPolicy(s)) return { name: s, rules: BUILTIN_POLICIES[s] };
  const file = path.resolve(cwd, s);
  if (!existsSync(file)) {
    throw new InputError('unknown-policy', `policy "${s}" is neither a built-in policy nor an existing file`, {
      // No file= on it: an annotation on a file that does not exist points nowhere.
      fix: 'use standard, strict, none, or the path of a policy file (schemas/policy.schema.json)',
    });
  }
  return parsePolicyText(await readTextFile(file, 'policy file', { maxBytes: LIMITS.inputFileBytes }), s);
}

/** Evaluate a statement against a policy. Pure. */
export function evaluatePolicy(statement: TrainingStatement, policy: ResolvedPolicy): PolicyResult {
  const findings = [...evaluateRules(statement, policy.rules), ...evaluateCoverageRules(statement, policy.rules)];
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    policy: policy.name,
    complete: errors.length === 0,
    findings,
    missing: [...new Set(errors.map((f) => f.field))],
  };
}

/** One line per finding, as shown in logs and annotations. */
export function formatFinding(f: Finding): string {
  return `${f.field}: ${f.message} — ${f.fix}`;
}
