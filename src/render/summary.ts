import type { PolicyResult } from '../policy/index.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { sourceDependency } from '../statement/fields.js';
import { mdCode, mdText } from './markdown.js';
import { lastMetrics } from '../lineage/diff.js';

export interface SummaryOptions {
  policy?: PolicyResult;
  /** One line such as "signed · Rekor log index 123" or "not signed". */
  signature?: string;
  /** A Mermaid flowchart (without fences) of the run's lineage. */
  mermaid?: string;
  /** Markdown of what changed against the base branch's record. */
  diffMarkdown?: string;
  /** Where the bundle can be found (artifact/release), shown at the end. */
  links?: Array<{ label: string; url: string }>;
}

export function shortDigest(d: string | undefined): string {
  return d ? `\`${d.slice(0, 12)}\`` : '—';
}

function fmtNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : Number(n.toPrecision(6)).toString();
}

/** The readable summary: the job summary, the PR comment body and provenance.md. */
export function renderSummaryMarkdown(st: TrainingStatement, opts: SummaryOptions = {}): string {
  const p = st.predicate;
  const lines: string[] = [];
  const verdict = opts.policy
    ? opts.policy.complete
      ? `✅ complete under policy \`${opts.policy.policy}\``
      : `❌ incomplete under policy \`${opts.policy.policy}\` (${opts.policy.findings.filter((f) => f.severity === 'error').length} problem(s))`
    : '';
  lines.push('## ML provenance');
  lines.push('');
  if (verdict) lines.push(`**Record:** ${verdict}  `);
  if (opts.signature) lines.push(`**Signature:** ${opts.signature}  `);
  const src = sourceDependency(st);
  if (src) lines.push(`**Source:** \`${src.uri ?? ''}\` at ${shortDigest(src.digest?.gitCommit)}  `);
  if (p.runDetails.metadata.invocationId) lines.push(`**Run:** ${p.runDetails.metadata.invocationId}  `);
  lines.push('');

  if (opts.policy && opts.policy.findings.length) {
    lines.push('### Policy findings', '');
    for (const f of opts.policy.findings) lines.push(`- ${f.severity === 'error' ? '❌' : '⚠️'} ${mdCode(f.field)}: ${mdText(f.message)} — ${mdText(f.fix)}`);
    lines.push('');
  }

  lines.push('### Model', '');
  if (st.subject.length === 0) lines.push('_No model artifact recorded._');
  else {
    lines.push('| artifact | sha256 |', '|---|---|');
    const shown = st.subject.slice(0, 20);
    for (const s of shown) lines.push(`| ${mdCode(s.name)} | ${shortDigest(s.digest.sha256)} |`);
    if (st.subject.length > shown.length) lines.push(`| … ${st.subject.length - shown.length} more | |`);
  }
  lines.push('');

  lines.push('### Data', '');
  if (p.datasets.length === 0) lines.push('_No dataset recorded._');
  else {
    lines.push('| dataset | version | sha256 | license | splits | seed |', '|---|---|---|---|---|---|');
    for (const d of p.datasets) {
      const splits = d.splits ? Object.entries(d.splits).map(([k, v]) => `${k} ${fmtNumber(v)}`).join(', ') : undefined;
      const digest = d.digest?.sha256 ? `${shortDigest(d.digest.sha256)}${d.digestSource === 'given' ? ' (given)' : ''}` : '—';
      lines.push(`| ${mdCode(d.id)} ${d.uri !== d.id ? `<br>${mdText(d.uri)}` : ''} | ${mdText(d.version)} | ${digest} | ${mdText(d.license)} | ${mdText(splits)} | ${mdText(d.seed)} |`);
    }
  }
  lines.push('');

  lines.push('### Image', '');
  if (p.image) lines.push(`${mdCode(p.image.reference)}${p.image.pinned ? '' : ' ⚠️ not pinned by digest'}`);
  else lines.push('_No container image recorded._');
  lines.push('');

  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  lines.push('### Config and hyperparameters', '');
  if (p.configFiles.length) {
    lines.push('| file | sha256 | redacted |', '|---|---|---|');
    for (const c of p.configFiles) lines.push(`| ${mdCode(c.name)} | ${shortDigest(c.digest.sha256)} | ${c.redacted.length ? c.redacted.map((r) => `${mdCode(r)}`).join(', ') : '—'} |`);
    lines.push('');
  }
  if (hp.length) {
    lines.push('| hyperparameter | value |', '|---|---|');
    for (const [k, v] of hp) lines.push(`| ${mdCode(k)} | ${mdText(v)} |`);
    lines.push('');
  }
  if (!p.configFiles.length && !hp.length) lines.push('_None recorded._', '');
  if (p.buildDefinition.externalParameters.command?.length) {
    lines.push(`Command: ${mdCode(p.buildDefinition.externalParameters.command.join(' '))}`, '');
  }

  lines.push('### Metrics', '');
  if (p.metrics.length === 0) lines.push('_No metrics recorded._');
  else {
    lines.push('| metric | value | split | epoch |', '|---|---|---|---|');
    for (const m of [...lastMetrics(p.metrics).values()]) lines.push(`| ${mdText(m.name)} | ${fmtNumber(m.value)} | ${mdText(m.split)} | ${mdText(m.epoch)} |`);
  }
  lines.push('');

  if (p.steps.length) {
    lines.push('### Transformation steps', '');
    lines.push('| # | step | library | inputs → outputs | parameters |', '|---|---|---|---|---|');
    p.steps.forEach((s, i) => {
      const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ''}` : undefined;
      const io = `${(s.inputs ?? []).join(', ') || '—'} → ${(s.outputs ?? []).join(', ') || '—'}`;
      const params = s.parameters ? Object.entries(s.parameters).map(([k, v]) => `${k}=${String(v)}`).join(', ') : undefined;
      lines.push(`| ${i + 1} | ${mdText(s.name)} | ${mdText(lib)} | ${mdText(io)} | ${mdText(params)} |`);
    });
    lines.push('');
  }

  if (opts.mermaid) {
    lines.push('### Lineage', '', '```mermaid', opts.mermaid.trimEnd(), '```', '');
  }
  if (opts.diffMarkdown) {
    lines.push('### Changes against the base branch', '', opts.diffMarkdown.trimEnd(), '');
  }
  const env = p.environment;
  lines.push(
    `<sub>Environment: ${mdText(env.os)} ${mdText(env.arch)}${env.runner?.environment ? ` (${env.runner.environment})` : ''}` +
      `${env.libraries ? ` · ${Object.entries(env.libraries).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}` +
      ` · ml-provenance ${env.tools?.['ml-provenance'] ?? ''}</sub>`,
  );
  for (const l of opts.links ?? []) lines.push(`<sub>[${mdText(l.label)}](${l.url})</sub>`);
  return lines.join('\n') + '\n';
}

/** Plain-text summary for terminals. */
export function renderSummaryText(st: TrainingStatement, opts: SummaryOptions = {}): string {
  const p = st.predicate;
  const out: string[] = [];
  if (opts.policy) out.push(`record: ${opts.policy.complete ? 'complete' : 'INCOMPLETE'} (policy ${opts.policy.policy})`);
  for (const f of opts.policy?.findings ?? []) out.push(`  ${f.severity}: ${f.field}: ${f.message} — ${f.fix}`);
  out.push(`subjects: ${st.subject.length}`);
  for (const s of st.subject.slice(0, 20)) out.push(`  ${s.name}  sha256:${s.digest.sha256}`);
  out.push(`datasets: ${p.datasets.length}`);
  for (const d of p.datasets) {
    out.push(`  ${d.id}${d.version ? `@${d.version}` : ''}  ${d.uri}  ${d.digest?.sha256 ? `sha256:${d.digest.sha256}` : '(no digest)'}${d.license ? `  ${d.license}` : ''}`);
  }
  if (p.image) out.push(`image: ${p.image.reference}${p.image.pinned ? '' : '  (NOT pinned by digest)'}`);
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  if (hp.length) out.push(`hyperparameters: ${hp.map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
  for (const c of p.configFiles) out.push(`config: ${c.name}  sha256:${c.digest.sha256}${c.redacted.length ? `  redacted ${c.redacted.join(', ')}` : ''}`);
  for (const m of [...lastMetrics(p.metrics).values()]) out.push(`metric: ${m.name}${m.split ? ` [${m.split}]` : ''} = ${fmtNumber(m.value)}${m.epoch !== undefined ? ` (epoch ${m.epoch})` : ''}`);
  for (const s of p.steps) out.push(`step: ${s.name}${s.library ? ` (${s.library}${s.version ? `@${s.version}` : ''})` : ''} ${(s.inputs ?? []).join(',')} -> ${(s.outputs ?? []).join(',')}`);
  return out.join('\n') + '\n';
}
