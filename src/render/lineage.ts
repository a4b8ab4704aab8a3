/**
 * Every drawing of lineage: Mermaid and DOT diagrams, and the fixed-width answer tables
 * of `ml-provenance lineage`. The graph and its queries live in lineage/; this only draws.
 */
import type { DatasetNode, Edge, LineageGraph, MetricNode, ModelNode, RunNode } from '../lineage/graph.js';
import { graphFromStatements } from '../lineage/graph.js';
import { finalMetrics, indexGraph, runLineage, type DatasetAnswer, type MetricAnswer, type ModelAnswer } from '../lineage/queries.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { fmtNumber as formatNumber } from './number.js';
import { textTable } from './text-table.js';

export { textTable };

/** A run with more model files than this is drawn as one "N files" node. */
const MAX_MODEL_NODES = 4;
/** The comment-sized picture: at most this many datasets side by side, metric lines, label length. */
const MAX_DATASET_NODES = 3;
const MAX_METRIC_LINES = 6;
/** Mermaid wraps labels wider than 200 px; 24 characters of its 16 px font stay on one line. */
const MAX_LABEL_CHARS = 24;

export function datasetLabel(d: Pick<DatasetNode, 'id' | 'version'>): string {
  return d.version ? `${d.id}@${d.version}` : d.id;
}

export function shortDigest(digest: string | undefined, n = 12): string {
  if (!digest) return '-';
  const [alg, hex] = digest.includes(':') ? (digest.split(':', 2) as [string, string]) : ['sha256', digest];
  return `${alg}:${hex.slice(0, n)}`;
}

export function runLabel(r: RunNode): string {
  const inv = r.invocationId;
  // GitHub invocation URLs end in /actions/runs/<id>/attempts/<n>: that pair is what people recognise.
  const gh = inv ? /\/actions\/runs\/(\d+)(?:\/attempts\/(\d+))?/.exec(inv) : null;
  if (gh) return `run ${gh[1]}${gh[2] && gh[2] !== '1' ? ` (attempt ${gh[2]})` : ''}`;
  return inv ?? r.source ?? `run ${r.index + 1}`;
}

export function metricLabel(m: MetricNode): string {
  const where = [m.split, m.epoch !== undefined ? `epoch ${m.epoch}` : undefined].filter(Boolean).join(', ');
  return `${m.name}${where ? ` (${where})` : ''} = ${formatNumber(m.value)}`;
}

/**
 * The part of a graph that belongs to the given runs (for drawing a query's answer): training
 * and evaluation; with `models` (a `--model` answer), only those models, what they came from
 * (their own ancestry, queries.ts runLineage) and the run's metrics.
 */
export function subgraph(g: LineageGraph, runKeys: Iterable<string>, models?: ReadonlyArray<{ model: ModelNode; lineage: { run: { key: string } } }>): LineageGraph {
  const keep = new Set<string>();
  for (const key of runKeys) {
    const mine = models?.filter((a) => a.lineage.run.key === key);
    keep.add(key);
    for (const l of mine ? mine.map((a) => runLineage(g, key, { model: a.model })) : [runLineage(g, key, { evaluation: true })]) {
      for (const n of [...l.datasets, ...l.derived, ...l.steps, ...(mine ? [] : l.models), ...l.metrics]) keep.add(n.key);
    }
    for (const a of mine ?? []) keep.add(a.model.key);
  }
  // A model's own picture: the step(s) that wrote its bytes lead to the run, whatever else the run's steps did.
  const ix = indexGraph(g);
  const own: Edge[] = [];
  for (const a of models ?? []) {
    for (const d of ix.datasetsByContent.get(`sha256:${a.model.sha256}`) ?? []) {
      for (const e of ix.in.get(d.key) ?? []) {
        if (e.kind === 'output' && keep.has(e.from) && ix.steps.get(e.from)?.run === a.lineage.run.key) own.push({ from: e.from, to: a.lineage.run.key, kind: 'feeds' });
      }
    }
  }
  // The run's own model read by a step after training is not in its lineage lists, but the
  // picture joins the step that wrote it to the step that read it (fit → model → eval).
  for (const d of g.datasets) {
    const wroteIt = (ix.in.get(d.key) ?? []).some((e) => e.kind === 'output' && keep.has(e.from));
    if (wroteIt && (ix.out.get(d.key) ?? []).some((e) => e.kind === 'input' && keep.has(e.to))) keep.add(d.key);
  }
  return {
    datasets: g.datasets.filter((n) => keep.has(n.key)),
    runs: g.runs.filter((n) => keep.has(n.key)),
    steps: g.steps.filter((n) => keep.has(n.key)),
    models: g.models.filter((n) => keep.has(n.key)),
    metrics: g.metrics.filter((n) => keep.has(n.key)),
    edges: [...g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)), ...own.filter((e) => !g.edges.some((x) => x.kind === 'feeds' && x.from === e.from && x.to === e.to))],
  };
}

/**
 * The picture both diagram renderers draw: datasets → steps → run → models → final
 * metrics, with per-epoch metrics folded into one node per run and large model
 * directories folded into one node, so a single statement stays readable.
 */
interface Picture {
  nodes: { id: string; kind: 'dataset' | 'step' | 'run' | 'model' | 'metrics'; lines: string[] }[];
  edges: { from: string; to: string }[];
}

function picture(g: LineageGraph, compact = false): Picture {
  const ix = indexGraph(g);
  const ids = new Map<string, string>();
  const id = (key: string) => {
    let v = ids.get(key);
    if (!v) {
      v = `n${ids.size}`;
      ids.set(key, v);
    }
    return v;
  };
  const pic: Picture = { nodes: [], edges: [] };
  const seenEdge = new Set<string>();
  const edge = (from: string, to: string) => {
    const k = `${from}>${to}`;
    if (!seenEdge.has(k)) {
      seenEdge.add(k);
      pic.edges.push({ from, to });
    }
  };
  for (const d of g.datasets) {
    const name = compact ? [shortenPath(d.id), ...(d.version ? [`@${d.version}`] : [])] : [datasetLabel(d)];
    pic.nodes.push({ id: id(d.key), kind: 'dataset', lines: [...name, ...(d.digest ? [shortDigest(d.digest)] : [])] });
  }
  for (const s of g.steps) {
    const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ''}` : undefined;
    pic.nodes.push({ id: id(s.key), kind: 'step', lines: [s.name, ...(lib ? [lib] : [])] });
  }
  for (const r of g.runs) pic.nodes.push({ id: id(r.key), kind: 'run', lines: [runLabel(r)] });
  for (const e of g.edges) {
    if (e.kind === 'input' || e.kind === 'output' || e.kind === 'feeds') edge(id(e.from), id(e.to));
  }
  const modelNodeDone = new Set<string>();
  for (const r of g.runs) {
    const out = ix.out.get(r.key) ?? [];
    const models = [...new Set(out.filter((e) => e.kind === 'produced').map((e) => ix.models.get(e.to)!))];
    let metricsFrom: string = id(r.key);
    // The comment-sized picture draws a run's model files as one node (a column, not a row).
    if (models.length > (compact ? 1 : MAX_MODEL_NODES)) {
      const fold = id(`${r.key}/models`);
      const dir = commonDir(models);
      const names = models.map((m) => (m.paths[0] ?? m.sha256).slice(dir.endsWith('/') ? dir.length : 0));
      const listed = compact ? (names.length > MAX_METRIC_LINES ? [...names.slice(0, MAX_METRIC_LINES - 1), `+${names.length - MAX_METRIC_LINES + 1} more`] : names) : [];
      pic.nodes.push({ id: fold, kind: 'model', lines: compact ? [shortenPath(dir), ...listed.map((n) => shortenPath(n))] : [`${dir} (${models.length} files)`] });
      edge(id(r.key), fold);
      metricsFrom = fold;
    } else {
      for (const m of models) {
        if (!modelNodeDone.has(m.key)) {
          modelNodeDone.add(m.key);
          pic.nodes.push({ id: id(m.key), kind: 'model', lines: [m.paths[0] ?? m.sha256, shortDigest(`sha256:${m.sha256}`)] });
        }
        edge(id(r.key), id(m.key));
      }
      if (models.length === 1) metricsFrom = id(models[0]!.key);
    }
    const metrics = finalMetrics(out.filter((e) => e.kind === 'measured').map((e) => ix.metrics.get(e.to)!));
    if (metrics.length) {
      const mid = id(`${r.key}/metrics`);
      const labels = metrics.map((m) => (compact ? compactMetricLabel(m, metrics) : metricLabel(m)));
      const shown = compact && labels.length > MAX_METRIC_LINES ? [...labels.slice(0, MAX_METRIC_LINES - 1), `+${labels.length - MAX_METRIC_LINES + 1} more metrics`] : labels;
      pic.nodes.push({ id: mid, kind: 'metrics', lines: shown });
      edge(metricsFrom, mid);
      // A step after training (it read the model) leads to the metrics, not to the run: no loop.
      for (const e of ix.in.get(r.key) ?? []) if (e.kind === 'evaluates' && ids.has(e.from)) edge(id(e.from), mid);
    }
  }
  return compact ? foldDatasets(pic) : pic;
}

/**
 * In the comment-sized picture, the input datasets (those nothing produced) sit side by
 * side on the top row: past MAX_DATASET_NODES, the rest fold into one "N more datasets"
 * node that keeps their edges (the full list is in the record's Data table).
 */
function foldDatasets(pic: Picture): Picture {
  const produced = new Set(pic.edges.map((e) => e.to));
  const roots = pic.nodes.filter((n) => n.kind === 'dataset' && !produced.has(n.id));
  if (roots.length <= MAX_DATASET_NODES) return pic;
  const folded = new Set(roots.slice(MAX_DATASET_NODES - 1).map((n) => n.id));
  const fold = 'nmore';
  const nodes = pic.nodes.filter((n) => !folded.has(n.id));
  nodes.splice(nodes.indexOf(roots[MAX_DATASET_NODES - 2]!) + 1, 0, { id: fold, kind: 'dataset', lines: [`+${folded.size} more datasets`] });
  const seen = new Set<string>();
  const edges: Picture['edges'] = [];
  for (const e of pic.edges) {
    const from = folded.has(e.from) ? fold : e.from;
    if (seen.has(`${from}>${e.to}`)) continue;
    seen.add(`${from}>${e.to}`);
    edges.push({ from, to: e.to });
  }
  return { nodes, edges };
}

function commonDir(models: ModelNode[]): string {
  const paths = models.map((m) => m.paths[0] ?? '');
  let prefix = paths[0] ?? '';
  for (const p of paths) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const slash = prefix.lastIndexOf('/');
  return slash > 0 ? `${prefix.slice(0, slash)}/` : 'model files';
}

/** Mermaid text inside a quoted label: entity codes for the characters Mermaid interprets. */
export function mermaidEscape(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/&/g, '#38;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

const MERMAID_SHAPES: Record<Picture['nodes'][number]['kind'], [string, string]> = {
  dataset: ['[(', ')]'],
  step: ['[[', ']]'],
  run: ['([', '])'],
  model: ['[/', '/]'],
  metrics: ['[', ']'],
};

export interface MermaidOptions {
  /** `LR` (default, for `lineage --format mermaid`) or `TB` (the comment-sized picture). */
  direction?: 'LR' | 'TB';
  /**
   * Comment-sized: labels cut to MAX_LABEL_CHARS (the full text is in the record's
   * tables), no epochs on metrics, at most MAX_DATASET_NODES datasets side by side.
   */
  compact?: boolean;
}

/** Cut a label in the middle, keeping the start and the end (file names, versions). */
export function shortenLabel(text: string, max = MAX_LABEL_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

/**
 * A path or URI cut to `max` characters keeping its last segment, the part people
 * recognise (`hf://…/support-tickets-en`); the middle goes when even that is too long.
 */
export function shortenPath(text: string, max = MAX_LABEL_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const trimmed = text.endsWith('/') ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf('/');
  const tail = [...trimmed.slice(cut + 1)];
  const slash = text.endsWith('/') ? '/' : '';
  if (cut > 0 && tail.length + 2 + slash.length <= max) {
    const budget = max - tail.length - 2 - slash.length;
    // The longest head that ends at a whole segment (`s3://bucket/`, `hf://`), or none:
    // never half a word, never half of `://`.
    let head = '';
    for (let i = trimmed.indexOf('/'); i >= 0 && i < cut && i + 1 <= budget; i = trimmed.indexOf('/', i + 1)) {
      if (trimmed[i + 1] !== '/') head = trimmed.slice(0, i + 1);
    }
    return `${head}…/${tail.join('')}${slash}`;
  }
  return shortenLabel(text, max);
}

/**
 * `name = value` within the label width, with the split only where the name alone is
 * ambiguous (`loss (train)`, `loss (test)`): the name gives way, the value never does.
 */
function compactMetricLabel(m: MetricNode, all: MetricNode[]): string {
  const value = formatNumber(m.value);
  const split = m.split && all.filter((o) => o.name === m.name).length > 1 ? ` (${m.split})` : '';
  return `${shortenLabel(`${m.name}${split}`, Math.max(6, MAX_LABEL_CHARS - value.length - 3))} = ${value}`;
}

export function renderMermaid(g: LineageGraph, opts: MermaidOptions = {}): string {
  const pic = picture(g, opts.compact);
  const label = (l: string) => mermaidEscape(opts.compact ? shortenLabel(l) : l);
  const lines = [`flowchart ${opts.direction ?? 'LR'}`];
  for (const n of pic.nodes) {
    const [open, close] = MERMAID_SHAPES[n.kind];
    lines.push(`  ${n.id}${open}"${n.lines.map(label).join('<br/>')}"${close}`);
  }
  for (const e of pic.edges) lines.push(`  ${e.from} --> ${e.to}`);
  const byKind = new Map<string, string[]>();
  for (const n of pic.nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n.id]);
  const styles: Record<string, string> = {
    dataset: 'fill:#e8f1fb,stroke:#3b7dd8',
    step: 'fill:#f4f4f4,stroke:#888',
    run: 'fill:#fff4d6,stroke:#c99a06',
    model: 'fill:#e6f6ea,stroke:#2e8b57',
    metrics: 'fill:#f6e8fb,stroke:#8e44ad',
  };
  for (const [kind, nodes] of byKind) {
    lines.push(`  classDef ${kind} ${styles[kind]}`);
    lines.push(`  class ${nodes.join(',')} ${kind}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The one-run lineage picture of summaries and PR comments: top-down and comment-sized. */
export function lineageMermaid(st: TrainingStatement): string {
  return renderMermaid(graphFromStatements([st]), { direction: 'TB', compact: true });
}

export function dotEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ');
}

const DOT_SHAPES: Record<Picture['nodes'][number]['kind'], string> = {
  dataset: 'cylinder',
  step: 'box',
  run: 'ellipse',
  model: 'parallelogram',
  metrics: 'note',
};

export function renderDot(g: LineageGraph): string {
  const pic = picture(g);
  const lines = ['digraph lineage {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const n of pic.nodes) {
    lines.push(`  ${n.id} [shape=${DOT_SHAPES[n.kind]}, label="${n.lines.map(dotEscape).join('\\n')}"];`);
  }
  for (const e of pic.edges) lines.push(`  ${e.from} -> ${e.to};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');

export function renderMetricAnswers(answers: MetricAnswer[]): string {
  return textTable(
    ['metric', 'value', 'run', 'datasets'],
    answers.map(({ metric, lineage }) => [
      metricLabel(metric).replace(/ = .*$/, ''),
      formatNumber(metric.value),
      runLabel(lineage.run),
      list(lineage.datasets.map((d) => `${datasetLabel(d)} ${shortDigest(d.digest)}`)),
    ]),
  );
}

export function renderDatasetAnswers(answers: DatasetAnswer[]): string {
  return textTable(
    ['dataset', 'digest', 'run', 'models'],
    answers.map((a) => [
      datasetLabel(a.dataset),
      shortDigest(a.dataset.digest),
      runLabel(a.run),
      list(a.models.map((m) => `${m.paths[0] ?? ''} ${shortDigest(`sha256:${m.sha256}`)}`)),
    ]),
  );
}

export function renderModelAnswers(answers: ModelAnswer[]): string {
  return textTable(
    ['model', 'digest', 'run', 'datasets', 'steps', 'final metrics'],
    answers.map(({ model, lineage }) => [
      model.paths.join(' | '),
      shortDigest(`sha256:${model.sha256}`),
      runLabel(lineage.run),
      list(lineage.datasets.map((d) => `${datasetLabel(d)} ${shortDigest(d.digest)}`)),
      list(lineage.steps.map((s) => s.name)),
      list(finalMetrics(lineage.metrics).map(metricLabel)),
    ]),
  );
}

/** The overview table when no query is given: one row per run. */
export function renderGraphTable(g: LineageGraph): string {
  return textTable(
    ['run', 'datasets', 'steps', 'models', 'final metrics'],
    g.runs.map((r) => {
      const l = runLineage(g, r.key, { evaluation: true });
      return [
        runLabel(r),
        list(l.datasets.map(datasetLabel)),
        list(l.steps.map((s) => s.name)),
        list(l.models.length > MAX_MODEL_NODES ? [`${commonDir(l.models)} (${l.models.length} files)`] : l.models.map((m) => m.paths[0] ?? m.sha256)),
        list(finalMetrics(l.metrics).map(metricLabel)),
      ];
    }),
  );
}
