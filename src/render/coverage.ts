import type { DatasetDescriptor, TrainingStatement } from '../schema/predicate.js';
import { mdText } from './markdown.js';

/**
 * The record's wider coverage (src/schema/coverage.ts) as a reader sees it: why the run was
 * made, the data's origin and quality, and the machine. Every value goes through the one
 * Markdown escaper; the text form is sanitised at the CLI's output boundary.
 */

function checks(d: DatasetDescriptor): string | undefined {
  const c = d.quality?.checks;
  if (!c?.length) return undefined;
  const failed = c.filter((x) => !x.passed).map((x) => x.name);
  return `${c.length - failed.length}/${c.length} checks passed${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`;
}

/** One phrase per dataset fact: source, access, quality, sampling, synthetic origin, license changes. */
export function datasetFacts(d: DatasetDescriptor): string[] {
  const q = d.quality;
  return [
    d.source?.repository ? `source ${d.source.repository}` : undefined,
    d.source?.access ? `access ${d.source.access}` : undefined,
    d.source?.owner ? `owner ${d.source.owner}` : undefined,
    q?.rows !== undefined ? `${q.rows} rows` : undefined,
    q?.missingRate !== undefined ? `missing ${(q.missingRate * 100).toFixed(2)}%` : undefined,
    q?.labelDistribution ? `labels ${Object.entries(q.labelDistribution).map(([k, v]) => `${k}:${v}`).join(' ')}` : undefined,
    checks(d),
    d.sampling ? `sampling ${d.sampling.strategy}${d.sampling.by ? ` by ${d.sampling.by}` : ''}${d.sampling.fraction !== undefined ? ` ${d.sampling.fraction}` : ''}` : undefined,
    d.synthetic ? `synthetic (${d.synthetic.generator}${d.synthetic.version ? `@${d.synthetic.version}` : ''})` : undefined,
    d.licenseHistory?.length ? `earlier licenses: ${d.licenseHistory.map((h) => `${h.license} (v${h.version})`).join(', ')}` : undefined,
  ].filter((x): x is string => Boolean(x));
}

/** The run's own facts: flags, cluster, hardware, Python environment, pseudonyms. */
export function runFacts(st: TrainingStatement): string[] {
  const p = st.predicate;
  const env = p.environment;
  const c = env.cluster;
  const hw = env.hardware;
  const gpus = hw?.gpus?.length ? `${hw.gpus.length}× ${hw.gpus[0]!.name}${hw.gpus[0]!.cuda ? ` (CUDA ${hw.gpus[0]!.cuda})` : ''}` : undefined;
  return [
    p.experiment?.flags && Object.keys(p.experiment.flags).length ? `flags ${Object.entries(p.experiment.flags).map(([k, v]) => `${k}=${String(v)}`).join(', ')}` : undefined,
    c ? `cluster ${[c.nodes !== undefined ? `${c.nodes} node(s)` : '', c.acceleratorsPerNode !== undefined ? `${c.acceleratorsPerNode} accelerator(s)/node` : '', c.accelerator ?? '', c.strategy ?? '', c.scheduler ?? ''].filter(Boolean).join(', ')}` : undefined,
    hw ? `hardware ${[hw.cpu?.cores ? `${hw.cpu.cores} CPU(s)` : '', hw.memoryBytes ? `${(hw.memoryBytes / 2 ** 30).toFixed(0)} GiB` : '', gpus ?? ''].filter(Boolean).join(', ')} (from ${hw.sources.join(', ')})` : undefined,
    env.python ? `Python packages: ${Object.keys(env.python.packages).length} from ${env.python.file?.name ?? env.python.source}` : undefined,
    p.image?.source ? `image detected from ${p.image.source}` : undefined,
    p.pseudonyms ? `${p.pseudonyms.fields.length} value(s) pseudonymised (key ${p.pseudonyms.keyId})` : undefined,
    p.conflicts?.length ? `${p.conflicts.length} conflict(s) between sources (see the findings)` : undefined,
  ].filter((x): x is string => Boolean(x));
}

/** The "Run" and "Data origin and quality" parts of the folded full record. */
export function coverageMarkdown(st: TrainingStatement): string[] {
  const lines: string[] = [];
  const run = runFacts(st);
  if (run.length) lines.push('#### Run', '', ...run.map((f) => `- ${mdText(f)}`), '');
  const data = st.predicate.datasets.map((d) => [d.id, datasetFacts(d)] as const).filter(([, f]) => f.length);
  if (data.length) {
    lines.push('#### Data origin and quality', '', '| dataset | facts |', '|---|---|');
    for (const [id, f] of data) lines.push(`| ${mdText(id)} | ${mdText(f.join('; '))} |`);
    lines.push('');
  }
  return lines;
}

/** The same for the terminal summary. */
export function coverageText(st: TrainingStatement): string[] {
  const out: string[] = [];
  if (st.predicate.experiment?.purpose) out.push(`purpose: ${st.predicate.experiment.purpose}`);
  for (const f of runFacts(st)) out.push(`run: ${f}`);
  for (const d of st.predicate.datasets) {
    const f = datasetFacts(d);
    if (f.length) out.push(`dataset ${d.id}: ${f.join('; ')}`);
  }
  return out;
}
