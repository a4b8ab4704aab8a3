import { evaluatePolicy, type ResolvedPolicy } from '../policy/index.js';
import type { TrainingStatement } from '../schema/predicate.js';

/**
 * Provenance health over many records: how complete they are per repository and per field
 * over time, which runs failed the policy, and which records were signed long after the
 * run finished (a record made after the fact is worth less). Pure over its inputs.
 */
export interface HealthRun {
  id: string;
  statement: TrainingStatement;
  /** When the bundle was signed (its transparency-log time), if known. */
  signedAt?: string;
  /** Whether `signedAt` comes from a verified bundle. */
  verified: boolean;
}

export interface HealthPeriod {
  repository: string;
  /** `YYYY-MM` of the run's finish time, or `unknown`. */
  period: string;
  runs: number;
  complete: number;
  completeness: number;
  /** Field (policy rule) → share of runs that had it. */
  fields: Record<string, number>;
}

export interface HealthReport {
  policy: string;
  periods: HealthPeriod[];
  failing: Array<{ id: string; repository: string; finishedOn?: string; missing: string[] }>;
  late: Array<{ id: string; repository: string; finishedOn: string; signedAt: string; hoursLate: number; verified: boolean }>;
  /** Runs with no finish time or signing time: lateness could not be judged. */
  undated: number;
}

export function repositoryOf(st: TrainingStatement): string {
  const wf = st.predicate.buildDefinition.externalParameters.workflow?.repository;
  if (wf) return wf.replace(/^https?:\/\/[^/]+\//, '');
  const src = st.predicate.buildDefinition.resolvedDependencies.find((d) => d.name === 'source')?.uri;
  const m = src ? /^git\+(?:https?:\/\/[^/]+\/)?([^@]+?)(?:\.git)?(?:@.*)?$/.exec(src) : null;
  return m?.[1] ?? 'unknown';
}

export function health(runs: HealthRun[], policy: ResolvedPolicy, o: { lateAfterHours?: number } = {}): HealthReport {
  const lateAfter = o.lateAfterHours ?? 24;
  const groups = new Map<string, { repository: string; period: string; runs: number; complete: number; missing: Map<string, number> }>();
  const rulesSeen = new Set<string>();
  const report: HealthReport = { policy: policy.name, periods: [], failing: [], late: [], undated: 0 };
  for (const r of runs) {
    const repo = repositoryOf(r.statement);
    const finished = r.statement.predicate.runDetails.metadata.finishedOn;
    const period = finished && !Number.isNaN(Date.parse(finished)) ? new Date(finished).toISOString().slice(0, 7) : 'unknown';
    const key = `${repo}\u0000${period}`;
    const g = groups.get(key) ?? { repository: repo, period, runs: 0, complete: 0, missing: new Map() };
    groups.set(key, g);
    g.runs++;
    const res = evaluatePolicy(r.statement, policy);
    const errorRules = new Set(res.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    for (const f of res.findings) rulesSeen.add(f.rule);
    for (const rule of errorRules) g.missing.set(rule, (g.missing.get(rule) ?? 0) + 1);
    if (res.complete) g.complete++;
    else report.failing.push({ id: r.id, repository: repo, ...(finished ? { finishedOn: finished } : {}), missing: res.missing });
    if (finished && r.signedAt && !Number.isNaN(Date.parse(r.signedAt))) {
      const hours = (Date.parse(r.signedAt) - Date.parse(finished)) / 3_600_000;
      if (hours > lateAfter) report.late.push({ id: r.id, repository: repo, finishedOn: finished, signedAt: r.signedAt, hoursLate: Math.round(hours * 10) / 10, verified: r.verified });
    } else report.undated++;
  }
  report.periods = [...groups.values()]
    .map((g) => ({
      repository: g.repository,
      period: g.period,
      runs: g.runs,
      complete: g.complete,
      completeness: g.complete / g.runs,
      fields: Object.fromEntries([...new Set([...g.missing.keys()])].sort().map((rule) => [rule, 1 - (g.missing.get(rule) ?? 0) / g.runs])),
    }))
    .sort((a, b) => a.repository.localeCompare(b.repository) || a.period.localeCompare(b.period));
  return report;
}

export function renderHealth(h: HealthReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const lines = [`provenance health under policy "${h.policy}"`, '', 'repository                               period    runs  complete  weakest fields'];
  for (const p of h.periods) {
    const weakest = Object.entries(p.fields)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 3)
      .map(([rule, share]) => `${rule} ${pct(share)}`)
      .join(', ');
    lines.push(`${p.repository.padEnd(40)} ${p.period.padEnd(8)} ${String(p.runs).padStart(5)}  ${pct(p.completeness).padStart(8)}  ${weakest || '-'}`);
  }
  lines.push('', `${h.failing.length} run(s) failed the policy`);
  for (const f of h.failing.slice(0, 20)) lines.push(`  ${f.id}  ${f.repository}  missing: ${f.missing.join(', ')}`);
  if (h.failing.length > 20) lines.push(`  … ${h.failing.length - 20} more (use --format json for all)`);
  lines.push(`${h.late.length} record(s) signed late`);
  for (const l of h.late.slice(0, 20)) lines.push(`  ${l.id}  ${l.repository}  finished ${l.finishedOn}, signed ${l.signedAt} (${l.hoursLate} h later${l.verified ? '' : ', time not verified'})`);
  if (h.undated) lines.push(`${h.undated} record(s) without a finish or signing time: lateness not judged`);
  return lines.join('\n');
}

/** The transparency-log time of a bundle's first entry (ISO), read without verifying it. */
export function bundleSignedAt(bundle: Record<string, unknown> | undefined): string | undefined {
  const entries = (bundle?.verificationMaterial as { tlogEntries?: Array<{ integratedTime?: unknown }> } | undefined)?.tlogEntries;
  const t = Number(entries?.[0]?.integratedTime);
  return Number.isFinite(t) && t > 0 ? new Date(t * 1000).toISOString() : undefined;
}
