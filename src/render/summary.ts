/**
 * The readable summary: the job summary, the PR comment body and provenance.md.
 *
 * Reviewer first: the title says which workflow, job and leg it is; the first lines
 * give the verdict (complete? signed by whom?) and what changed against the base
 * record; the lineage picture follows; the whole record (every table, every full
 * digest, the environment) folds under <details>. Every recorded value goes through
 * the one escaper in markdown.ts.
 */
import { lastMetrics, type StatementDiff } from '../lineage/diff.js';
import type { Finding, PolicyResult } from '../policy/index.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { sourceDependency } from '../statement/fields.js';
import { datasetDisplayUri } from '../util/file-uri.js';
import { commandInFolder, shellWords } from '../util/shell.js';
import { fmtNumber, renderChangesMarkdown } from './changes.js';
import { mdCode, mdCodeBlock, mdInline, mdLink, mdText } from './markdown.js';
import { coverageMarkdown, coverageText } from './coverage.js';
import type { DirectionOptions } from './metric-direction.js';

/** Full digest lines shown: a comment holds at most 65,536 characters; the statement has them all. */
const MAX_DIGEST_LINES = 60;

/** Which comment this is, when several jobs or matrix legs comment on one PR. */
export interface SummaryTitle {
  workflow?: string;
  job?: string;
  /** The matrix leg, or the artifact name that tells legs apart. */
  leg?: string;
}

export type SignatureInfo =
  | { signed: true; instance: string; identity?: string; rekorLogIndex?: string }
  | { signed: false; reason: string };

/** The comparison with the base branch's record. */
export interface BaseComparison {
  diff?: StatementDiff;
  /** A sentence shown when there is no diff (no base record, or why it could not be read). */
  note?: string;
  /** The base's name, e.g. the base branch. */
  label?: string;
}

export interface SummaryOptions {
  title?: SummaryTitle;
  policy?: PolicyResult;
  /** "signed by … (Rekor …)" or why it is not signed; a plain string is shown as a sentence. */
  signature?: SignatureInfo | string;
  /** A Mermaid flowchart (without fences) of the run's lineage. */
  mermaid?: string;
  base?: BaseComparison;
  /** How metric changes are read (directions, tolerance). */
  directions?: DirectionOptions;
  /** Where the record's files are (artifact, release assets): linked under the verdict. */
  links?: Array<{ label: string; url: string }>;
}

/** `sha256:<12 hex>`-style short digest in a code span; the full value is in "Full digests". */
export function shortDigest(d: string | undefined): string {
  return d ? mdCode(d.slice(0, 12)) : '—';
}

export function titleText(t: SummaryTitle | undefined): string {
  const where = [t?.workflow, t?.job].filter((x): x is string => Boolean(x)).map(mdText).join(' / ');
  const leg = t?.leg ? ` · ${mdText(t.leg)}` : '';
  return `ML provenance${where ? ` · ${where}` : ''}${leg}`;
}

function verdictLine(opts: SummaryOptions): string | undefined {
  const parts: string[] = [];
  const p = opts.policy;
  if (p) {
    const errors = p.findings.filter((f) => f.severity === 'error').length;
    parts.push(
      p.complete
        ? `**✅ Complete** under policy ${mdCode(p.policy, 'inline')}`
        : `**❌ Incomplete** under policy ${mdCode(p.policy, 'inline')}: ${errors} ${errors === 1 ? 'problem' : 'problems'}`,
    );
  }
  const s = opts.signature;
  if (typeof s === 'string') parts.push(mdInline(s));
  else if (s?.signed) {
    const log =
      s.rekorLogIndex === undefined
        ? ''
        : s.instance === 'public-good' && /^\d+$/.test(s.rekorLogIndex)
          ? `, Rekor ${mdLink(`log index ${s.rekorLogIndex}`, `https://search.sigstore.dev/?logIndex=${s.rekorLogIndex}`)}`
          : `, Rekor log index ${mdText(s.rekorLogIndex)}`;
    parts.push(`**🔏 Signed**${s.identity ? ` by ${mdCode(s.identity, 'inline')}` : ''} (Sigstore ${mdText(s.instance)}${log})`);
  } else if (s) parts.push(`not signed: ${mdInline(s.reason)}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** GitHub run URLs are linked (as "run N"); anything else from the record is only text. */
function runRef(invocationId: string | undefined): string | undefined {
  if (!invocationId) return undefined;
  const gh = /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/(\d+)(?:\/attempts\/(\d+))?$/.exec(invocationId);
  if (!gh) return `run ${mdCode(invocationId, 'inline')}`;
  return mdLink(`run ${gh[1]}${gh[2] && gh[2] !== '1' ? ` (attempt ${gh[2]})` : ''}`, invocationId);
}

/** Errors in full under the verdict; warnings folded, so they do not push "what changed" down. */
function findings(p: PolicyResult | undefined): string[] {
  if (!p?.findings.length) return [];
  const item = (f: PolicyResult['findings'][number]) => `- ${f.severity === 'error' ? '❌' : '⚠️'} ${mdCode(f.field, 'inline')}: ${mdInline(f.message)} — ${mdInline(f.fix)}`;
  const errors = p.findings.filter((f) => f.severity === 'error');
  const warnings = p.findings.filter((f) => f.severity !== 'error');
  const out = errors.length ? [...errors.map(item), ''] : [];
  if (warnings.length) {
    out.push(`<details><summary>⚠️ ${warnings.length} policy ${warnings.length === 1 ? 'warning' : 'warnings'}</summary>`, '', ...warnings.map(item), '', '</details>', '');
  }
  return out;
}

function finalMetricsTable(st: TrainingStatement): string[] {
  const ms = [...lastMetrics(st.predicate.metrics).values()];
  if (!ms.length) return ['_No metrics recorded._', ''];
  return [
    '| metric | value | split | epoch |',
    '|---|--:|---|--:|',
    ...ms.map((m) => `| ${mdText(m.name)} | ${fmtNumber(m.value)} | ${mdText(m.split)} | ${mdText(m.epoch)} |`),
    '',
  ];
}

function changesSection(st: TrainingStatement, opts: SummaryOptions): string[] {
  const b = opts.base;
  if (!b) return [];
  const out = [`### What changed since the base record${b.label ? ` (${mdCode(b.label, 'inline')})` : ''}`, ''];
  if (b.diff) out.push(renderChangesMarkdown(b.diff, opts.directions).trimEnd(), '');
  else {
    out.push(`_${mdInline(b.note ?? 'No record from the base branch to compare with.')}_`, '');
    out.push('**Final metrics**', '', ...finalMetricsTable(st));
  }
  return out;
}

function fullRecord(st: TrainingStatement): string[] {
  const p = st.predicate;
  const lines: string[] = [];
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  const counts = [
    `${st.subject.length} model ${st.subject.length === 1 ? 'file' : 'files'}`,
    `${p.datasets.length} ${p.datasets.length === 1 ? 'dataset' : 'datasets'}`,
    `${p.configFiles.length} config ${p.configFiles.length === 1 ? 'file' : 'files'}`,
    `${hp.length} ${hp.length === 1 ? 'hyperparameter' : 'hyperparameters'}`,
    `${p.steps.length} ${p.steps.length === 1 ? 'step' : 'steps'}`,
    `${lastMetrics(p.metrics).size} ${lastMetrics(p.metrics).size === 1 ? 'metric' : 'metrics'}`,
  ];
  lines.push(`<details><summary><b>Full record</b>: ${counts.join(', ')}, full digests</summary>`, '');

  lines.push('#### Model', '');
  if (st.subject.length === 0) lines.push('_No model artifact recorded._');
  else {
    lines.push('| artifact | sha256 |', '|---|---|');
    const shown = st.subject.slice(0, 20);
    for (const s of shown) lines.push(`| ${mdCode(s.name)} | ${shortDigest(s.digest.sha256)} |`);
    if (st.subject.length > shown.length) lines.push(`| … ${st.subject.length - shown.length} more (see the statement) | |`);
  }
  lines.push('');

  lines.push('#### Data', '');
  if (p.datasets.length === 0) lines.push('_No dataset recorded._');
  else {
    lines.push('| dataset | sha256 | license | splits, seed |', '|---|---|---|---|');
    for (const d of p.datasets) {
      const splits = d.splits ? Object.entries(d.splits).map(([k, v]) => `${k} ${fmtNumber(v)}`).join(', ') : undefined;
      const how = [splits, d.seed !== undefined ? `seed ${d.seed}` : undefined].filter(Boolean).join('; ');
      const digest = d.digest?.sha256 ? `${shortDigest(d.digest.sha256)}${d.digestSource === 'given' ? ' (given)' : ''}` : '—';
      const name = `${mdCode(d.id)}${d.version ? ` ${mdText(`@${d.version}`)}` : ''}${d.uri !== d.id ? `<br>${mdText(datasetDisplayUri(d))}` : ''}`;
      lines.push(`| ${name} | ${digest} | ${mdText(d.license)} | ${mdText(how)} |`);
    }
  }
  lines.push('');

  lines.push('#### Image', '');
  if (p.image) lines.push(`Image: ${mdCode(p.image.reference, 'inline')}${p.image.pinned ? '' : ' ⚠️ not pinned by digest'}`);
  else lines.push('_No container image recorded._');
  lines.push('');

  lines.push('#### Config and hyperparameters', '');
  if (p.configFiles.length) {
    lines.push('| file | sha256 | redacted |', '|---|---|---|');
    for (const c of p.configFiles) lines.push(`| ${mdCode(c.name)} | ${shortDigest(c.digest.sha256)} | ${c.redacted.length ? c.redacted.map((r) => mdCode(r)).join(', ') : '—'} |`);
    lines.push('');
  }
  if (hp.length) {
    lines.push('| hyperparameter | value |', '|---|---|');
    for (const [k, v] of hp) lines.push(`| ${mdCode(k)} | ${mdCode(v)} |`);
    lines.push('');
  }
  if (!p.configFiles.length && !hp.length) lines.push('_No config file or hyperparameter recorded._', '');

  lines.push('#### Metrics (last epoch)', '', ...finalMetricsTable(st));

  if (p.steps.length) {
    lines.push('#### Transformation steps', '');
    lines.push('| # | step | library | inputs → outputs | parameters | command |', '|---|---|---|---|---|---|');
    p.steps.forEach((s, i) => {
      const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ''}` : undefined;
      const io = `${(s.inputs ?? []).join(', ') || '—'} → ${(s.outputs ?? []).join(', ') || '—'}`;
      const params = s.parameters ? Object.entries(s.parameters).map(([k, v]) => `${k}=${String(v)}`).join(', ') : undefined;
      lines.push(`| ${i + 1} | ${mdText(s.name)} | ${mdText(lib)} | ${mdText(io)} | ${mdText(params)} | ${commandMd(s.command, s.workingDirectory, 'cell')} |`);
    });
    lines.push('');
  }

  lines.push(...coverageMarkdown(st));

  const digests = fullDigests(st);
  if (digests.length) {
    const more = digests.length - MAX_DIGEST_LINES;
    lines.push('#### Full digests', '', 'One `sha256sum -c` line a file; the dataset, image and commit lines say what they are.', '', mdCodeBlock(digests.slice(0, MAX_DIGEST_LINES)), '');
    if (more > 0) lines.push(`… and ${more} more in \`provenance.intoto.json\`.`, '');
  }

  const env = p.environment;
  const libs = env.libraries ? Object.entries(env.libraries).map(([k, v]) => `${k} ${v}`).join(', ') : '';
  lines.push(
    `<sub>Environment: ${mdText(env.os)} ${mdText(env.arch)}${env.runner?.environment ? ` (${mdText(env.runner.environment)})` : ''}` +
      `${libs ? ` · ${mdText(libs)}` : ''} · ml-provenance ${mdText(env.tools?.['ml-provenance'])}</sub>`,
    '',
  );
  lines.push('</details>', '');
  return lines;
}

/**
 * A recorded command as code (shell-quoted, so it can be pasted back) and, when it ran in a
 * sub-folder of the checkout, the folder: `python3 trainer.py` in `train/`. `—` when none.
 */
function commandMd(argv: string[] | undefined, dir: string | undefined, where: 'cell' | 'inline'): string {
  if (!argv?.length) return '—';
  return `${mdCode(shellWords(argv), where)}${dir ? ` in ${mdCode(`${dir}/`, where)}` : ''}`;
}

/** Every full digest of the record, one `<hex>  <name>` line each (names on one line). */
function fullDigests(st: TrainingStatement): string[] {
  const p = st.predicate;
  const out: string[] = [];
  for (const s of st.subject) out.push(`${s.digest.sha256}  ${s.name}`);
  for (const d of p.datasets) if (d.digest?.sha256) out.push(`${d.digest.sha256}  dataset ${d.id}${d.version ? `@${d.version}` : ''}`);
  for (const c of p.configFiles) out.push(`${c.digest.sha256}  ${c.name}`);
  if (p.image?.digest?.sha256) out.push(`${p.image.digest.sha256}  image ${p.image.reference}`);
  const src = sourceDependency(st);
  if (src?.digest?.gitCommit) out.push(`${src.digest.gitCommit}  git commit of ${src.uri ?? 'the source'}`);
  return out;
}

/**
 * The job summary of a record that still holds pseudonymised values in clear: only where they
 * are (pointers, never values). The usual summary would publish them in the job's page.
 */
export function renderLeakSummaryMarkdown(leaks: Finding[], opts: Pick<SummaryOptions, 'title'> = {}): string {
  return [
    `## ${titleText(opts.title)}`,
    '',
    `**❌ Not signed:** the record still holds values named in \`anonymize\` in clear at ${leaks.length} place(s); its summary is withheld so they are not published here.`,
    '',
    ...leaks.map((f) => `- ${mdCode(f.field, 'inline')}: ${mdText(f.message)} — ${mdText(f.fix)}`),
    '',
  ].join('\n');
}

export function renderSummaryMarkdown(st: TrainingStatement, opts: SummaryOptions = {}): string {
  const p = st.predicate;
  const lines: string[] = [`## ${titleText(opts.title)}`, ''];
  const verdict = verdictLine(opts);
  if (verdict) lines.push(verdict, '');
  const src = sourceDependency(st);
  const facts = [
    src ? `Source ${mdCode(src.uri ?? '', 'inline')} at ${shortDigest(src.digest?.gitCommit)}` : undefined,
    runRef(p.runDetails.metadata.invocationId),
    ...(opts.links ?? []).map((l) => mdLink(l.label, l.url)),
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '), '');
  // What ran, with the run it belongs to: a reviewer reads it beside the source commit.
  const ext = p.buildDefinition.externalParameters;
  if (ext.command?.length) lines.push(`Command: ${commandMd(ext.command, ext.workingDirectory, 'inline')}`, '');
  if (p.experiment?.purpose) lines.push(`Purpose: ${mdText(p.experiment.purpose)}`, '');
  lines.push(...findings(opts.policy));
  lines.push(...changesSection(st, opts));
  if (opts.mermaid) lines.push('### Lineage', '', '```mermaid', opts.mermaid.trimEnd(), '```', '');
  lines.push(...fullRecord(st));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
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
    out.push(`  ${d.id}${d.version ? `@${d.version}` : ''}  ${datasetDisplayUri(d)}  ${d.digest?.sha256 ? `sha256:${d.digest.sha256}` : '(no digest)'}${d.license ? `  ${d.license}` : ''}`);
  }
  if (p.image) out.push(`image: ${p.image.reference}${p.image.pinned ? '' : '  (NOT pinned by digest)'}`);
  const ext = p.buildDefinition.externalParameters;
  if (ext.command?.length) out.push(`command: ${commandInFolder(ext.command, ext.workingDirectory)}`);
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  if (hp.length) out.push(`hyperparameters: ${hp.map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
  for (const c of p.configFiles) out.push(`config: ${c.name}  sha256:${c.digest.sha256}${c.redacted.length ? `  redacted ${c.redacted.join(', ')}` : ''}`);
  for (const m of [...lastMetrics(p.metrics).values()]) out.push(`metric: ${m.name}${m.split ? ` [${m.split}]` : ''} = ${fmtNumber(m.value)}${m.epoch !== undefined ? ` (epoch ${m.epoch})` : ''}`);
  for (const s of p.steps) {
    const cmd = s.command?.length ? `; command: ${commandInFolder(s.command, s.workingDirectory)}` : '';
    out.push(`step: ${s.name}${s.library ? ` (${s.library}${s.version ? `@${s.version}` : ''})` : ''} ${(s.inputs ?? []).join(',') || '(no inputs)'} -> ${(s.outputs ?? []).join(',') || '(no outputs)'}${cmd}`);
  }
  out.push(...coverageText(st));
  return out.join('\n') + '\n';
}

/** What one run published, known only after publishing: appended to the job summary. */
export interface PublishedFiles {
  artifact?: { name: string; url: string; id: string; digest?: string };
  release?: { tag: string; assets: Array<{ name: string; url: string; sha256: string }> };
}

/**
 * "Published": each file linked where it can be downloaded (the artifact by its id, each
 * release asset by its browser_download_url) with its full sha256, so a reader can check
 * what they download (`sha256sum -c` takes the lines as they are).
 */
export function renderPublishedMarkdown(p: PublishedFiles): string {
  const lines: string[] = [];
  const sums: string[] = [];
  if (p.artifact) {
    const a = p.artifact;
    lines.push(`- Workflow artifact ${mdLink(a.name, a.url)} (id ${mdText(a.id)})${a.digest ? `: zip ${mdCode(a.digest, 'inline')}` : ''}`);
    if (a.digest?.startsWith('sha256:')) sums.push(`${a.digest.slice(7)}  ${a.name}.zip`);
  }
  if (p.release?.assets.length) {
    lines.push(`- Release ${mdCode(p.release.tag, 'inline')} assets:`);
    for (const f of p.release.assets) {
      lines.push(`  - ${mdLink(f.name, f.url)}: ${mdCode(`sha256:${f.sha256}`, 'inline')}`);
      sums.push(`${f.sha256}  ${f.name}`);
    }
  }
  if (!lines.length) return '';
  const out = ['', '### Published', '', ...lines, ''];
  if (sums.length) out.push('<details><summary>sha256 of each published file</summary>', '', mdCodeBlock(sums), '', '</details>', '');
  return out.join('\n');
}
