import { termLine } from '../render/terminal.js';
import type { DatasetNode, LineageGraph, MetricNode, ModelNode, RunNode } from './graph.js';
import { finalMetrics, indexGraph, runLineage, type DatasetAnswer, type MetricAnswer, type ModelAnswer } from './queries.js';

/** A run with more model files than this is drawn as one "N files" node. */
const MAX_MODEL_NODES = 4;

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

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** The part of a graph that belongs to the given runs (for drawing a query's answer). */
export function subgraph(g: LineageGraph, runKeys: Iterable<string>): LineageGraph {
  const keep = new Set<string>();
  for (const key of runKeys) {
    const l = runLineage(g, key);
    keep.add(key);
    for (const n of [...l.datasets, ...l.derived, ...l.steps, ...l.models, ...l.metrics]) keep.add(n.key);
  }
  return {
    datasets: g.datasets.filter((n) => keep.has(n.key)),
    runs: g.runs.filter((n) => keep.has(n.key)),
    steps: g.steps.filter((n) => keep.has(n.key)),
    models: g.models.filter((n) => keep.has(n.key)),
    metrics: g.metrics.filter((n) => keep.has(n.key)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
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

function picture(g: LineageGraph): Picture {
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
    pic.nodes.push({ id: id(d.key), kind: 'dataset', lines: [datasetLabel(d), ...(d.digest ? [shortDigest(d.digest)] : [])] });
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
    if (models.length > MAX_MODEL_NODES) {
      const fold = id(`${r.key}/models`);
      pic.nodes.push({ id: fold, kind: 'model', lines: [`${commonDir(models)} (${models.length} files)`] });
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
      pic.nodes.push({ id: mid, kind: 'metrics', lines: metrics.map(metricLabel) });
      edge(metricsFrom, mid);
    }
  }
  return pic;
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
  metrics: ['{{', '}}'],
};

export function renderMermaid(g: LineageGraph): string {
  const pic = picture(g);
  const lines = ['flowchart LR'];
  for (const n of pic.nodes) {
    const [open, close] = MERMAID_SHAPES[n.kind];
    lines.push(`  ${n.id}${open}"${n.lines.map(mermaidEscape).join('<br/>')}"${close}`);
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

/** Fixed-width text table; cells never wrap, so it stays grep-able. */
export function textTable(rawHeaders: string[], rawRows: string[][]): string {
  // Cells hold record text: one visible line each, no control sequences (src/render/terminal.ts).
  const headers = rawHeaders.map(termLine);
  const rows = rawRows.map((r) => r.map(termLine));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n') + '\n';
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
      const l = runLineage(g, r.key);
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
