import { diffStatements, sections, type Section } from '../../lineage/diff.js';
import { graphFromStatements, type LineageGraph, type MetricNode, type RunNode } from '../../lineage/graph.js';
import { finalMetrics, indexGraph } from '../../lineage/queries.js';
import { datasetLabel, metricLabel, runLabel, shortDigest } from '../lineage.js';
import type { TrainingStatement } from '../../schema/predicate.js';
import type { Verdict } from '../../verify/verdict.js';
import { layoutGraph, type Placed } from './layout.js';
import { displayUri } from '../../util/file-uri.js';

/** One training record that made it into the report (verified, or trusted with --no-verify). */
export interface ReportRecord {
  file: string;
  statement: TrainingStatement;
}

/** What happened to each input file: the verdict table lists every one, accepted or not. */
export interface BundleStatus {
  file: string;
  /** verified: signature, log and identity checked; failed: it did not verify (left out of everything else);
   *  unsigned / not-verified: a bare statement, or --no-verify; other: a signed attestation that is not a training record. */
  status: 'verified' | 'failed' | 'unsigned' | 'not-verified' | 'other';
  verdict?: Verdict;
  note?: string;
}

export interface ReportInput {
  generatedAt: string;
  records: ReportRecord[];
  bundles: BundleStatus[];
  /** Who the bundles had to be signed by, as the user asked (shown in the header). */
  identity?: string;
}

export type NodeKind = 'dataset' | 'step' | 'run' | 'model' | 'metrics';

export interface ReportNode {
  id: string;
  /** The lineage graph key (dataset:…, run:N, model:sha…), or a folded group's. */
  key: string;
  kind: NodeKind;
  lines: string[];
  /** What a click shows: plain data, rendered as text by the page. */
  details: Record<string, unknown>;
  width: number;
  height: number;
}

export interface ChartSeries {
  name: string;
  split?: string;
  /** One point per run that recorded it: run position in time order, the run's final value. */
  points: { run: number; label: string; value: number }[];
}

export interface DiffView {
  before: number;
  after: number;
  identical: boolean;
  sections: Section[];
}

export interface ReportModel {
  input: ReportInput;
  graph: LineageGraph;
  runs: (RunNode & { label: string; file: string })[];
  nodes: ReportNode[];
  layout: Placed;
  series: ChartSeries[];
  diffs: DiffView[];
  /** All ordered pairs when there are this few runs or fewer; else consecutive runs only. */
  allPairs: boolean;
}

/** Runs up to this many: a diff for every ordered pair (n·(n−1) tables); beyond, neighbours only. */
export const ALL_PAIRS_MAX_RUNS = 12;
/** Longest label line drawn in a node; the full text is in the node's details. */
const MAX_LABEL = 34;
const CHAR_W = 7.2;
const LINE_H = 16;
const MAX_METRIC_LINES = 6;

function clip(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

function sized(n: Omit<ReportNode, 'width' | 'height'>): ReportNode {
  const lines = n.lines.map(clip);
  const width = Math.round(Math.max(90, ...lines.map((l) => l.length * CHAR_W)) + 20);
  return { ...n, lines, width, height: lines.length * LINE_H + 14 };
}

/** Runs in time order (started, else input order): the chart's x axis and the diff pickers. */
function runOrder(g: LineageGraph): RunNode[] {
  return [...g.runs].sort((a, b) => (a.startedOn ?? '').localeCompare(b.startedOn ?? '') || a.index - b.index);
}

export function buildReportModel(input: ReportInput): ReportModel {
  const graph = graphFromStatements(input.records.map((r) => ({ statement: r.statement, source: r.file })));
  const ix = indexGraph(graph);
  const ordered = runOrder(graph);
  const runs = ordered.map((r) => ({ ...r, label: runLabel(r), file: input.records[r.index]!.file }));
  const runLabelOf = new Map(runs.map((r) => [r.key, r.label]));

  const nodes: ReportNode[] = [];
  const edges: { from: string; to: string }[] = [];
  const idOf = new Map<string, string>();
  const id = (key: string): string => {
    let v = idOf.get(key);
    if (v === undefined) {
      v = `n${idOf.size}`;
      idOf.set(key, v);
    }
    return v;
  };
  const seen = new Set<string>();
  const edge = (from: string, to: string): void => {
    const k = `${from}>${to}`;
    if (!seen.has(k)) {
      seen.add(k);
      edges.push({ from, to });
    }
  };
  const usedBy = (key: string): string[] => {
    const out = new Set<string>();
    for (const e of ix.out.get(key) ?? []) {
      // A dataset leads to a run directly (`feeds`) or to a step of it (`input`).
      const run = ix.runs.get(e.to)?.key ?? ix.steps.get(e.to)?.run;
      if (run) out.add(runLabelOf.get(run) ?? run);
    }
    return [...out];
  };

  for (const d of graph.datasets) {
    nodes.push(
      sized({
        id: id(d.key),
        key: d.key,
        kind: 'dataset',
        lines: [datasetLabel(d), ...(d.digest ? [shortDigest(d.digest)] : [])],
        // The uri as a person reads it (`file:data/my file.csv`), as in the datasets table.
        details: { kind: d.derived ? 'derived dataset' : 'dataset', ...d, ...(d.uri ? { uri: displayUri(d.uri) } : {}), usedBy: usedBy(d.key) },
      }),
    );
  }
  for (const s of graph.steps) {
    const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ''}` : undefined;
    const stepIndex = Number(s.key.split('/step:')[1]);
    const record = input.records[graph.runs.find((r) => r.key === s.run)!.index]!.statement.predicate.steps[stepIndex];
    nodes.push(sized({ id: id(s.key), key: s.key, kind: 'step', lines: [s.name, ...(lib ? [lib] : [])], details: { kind: 'step', run: runLabelOf.get(s.run), ...record } }));
  }
  for (const r of runs) {
    const rec = input.records[r.index]!;
    const status = input.bundles.find((b) => b.file === rec.file);
    nodes.push(
      sized({
        id: id(r.key),
        key: r.key,
        kind: 'run',
        lines: [r.label, ...(r.gitCommit ? [`commit ${r.gitCommit.slice(0, 12)}`] : [])],
        details: {
          kind: 'run',
          file: rec.file,
          verification: status?.status ?? 'unknown',
          ...(status?.verdict?.signer?.subjectAlternativeName ? { signer: status.verdict.signer.subjectAlternativeName } : {}),
          ...(status?.verdict?.rekorLogIndex ? { rekorLogIndex: status.verdict.rekorLogIndex } : {}),
          record: rec.statement,
        },
      }),
    );
  }
  for (const e of graph.edges) {
    if (e.kind === 'input' || e.kind === 'output' || e.kind === 'feeds') edge(id(e.from), id(e.to));
  }
  const modelDone = new Set<string>();
  for (const r of runs) {
    const out = ix.out.get(r.key) ?? [];
    for (const m of new Set(out.filter((e) => e.kind === 'produced').map((e) => ix.models.get(e.to)!))) {
      if (!modelDone.has(m.key)) {
        modelDone.add(m.key);
        nodes.push(
          sized({
            id: id(m.key),
            key: m.key,
            kind: 'model',
            lines: [m.paths[0] ?? m.sha256, shortDigest(`sha256:${m.sha256}`)],
            details: { kind: 'model', sha256: m.sha256, paths: m.paths, producedBy: [...new Set((ix.in.get(m.key) ?? []).map((e) => runLabelOf.get(e.from) ?? e.from))] },
          }),
        );
      }
      edge(id(r.key), id(m.key));
    }
    const all = out.filter((e) => e.kind === 'measured').map((e) => ix.metrics.get(e.to)!);
    const final = finalMetrics(all);
    if (final.length) {
      const key = `${r.key}/metrics`;
      const shown = final.slice(0, MAX_METRIC_LINES).map(metricLabel);
      if (final.length > MAX_METRIC_LINES) shown.push(`… ${final.length - MAX_METRIC_LINES} more`);
      nodes.push(
        sized({
          id: id(key),
          key,
          kind: 'metrics',
          lines: shown,
          details: { kind: 'final metrics', run: r.label, metrics: final.map(metricLabel), recordedValues: all.length },
        }),
      );
      edge(id(r.key), id(key));
      // A step after training (it read the model) leads to the metrics, not to the run (lineage/flow.ts).
      for (const e of ix.in.get(r.key) ?? []) if (e.kind === 'evaluates') edge(id(e.from), id(key));
    }
  }

  const layout = layoutGraph(nodes, edges);
  return { input, graph, runs, nodes, layout, series: chartSeries(graph, runs), ...diffViews(input, runs), };
}

function chartSeries(g: LineageGraph, runs: ReportModel['runs']): ChartSeries[] {
  const position = new Map(runs.map((r, i) => [r.key, i]));
  const series = new Map<string, ChartSeries>();
  for (const m of finalMetrics(g.metrics) as MetricNode[]) {
    const k = `${m.name}\u0000${m.split ?? ''}`;
    let s = series.get(k);
    if (!s) {
      s = { name: m.name, ...(m.split ? { split: m.split } : {}), points: [] };
      series.set(k, s);
    }
    const at = position.get(m.run)!;
    s.points.push({ run: at, label: runs[at]!.label, value: m.value });
  }
  for (const s of series.values()) s.points.sort((a, b) => a.run - b.run);
  return [...series.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.split ?? '').localeCompare(b.split ?? ''));
}

function diffViews(input: ReportInput, runs: ReportModel['runs']): { diffs: DiffView[]; allPairs: boolean } {
  const allPairs = runs.length <= ALL_PAIRS_MAX_RUNS;
  const pairs: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = 0; j < runs.length; j++) {
      if (i !== j && (allPairs || Math.abs(i - j) === 1)) pairs.push([i, j]);
    }
  }
  const diffs = pairs.map(([i, j]) => {
    const d = diffStatements(input.records[runs[i]!.index]!.statement, input.records[runs[j]!.index]!.statement);
    return { before: i, after: j, identical: d.identical, sections: d.identical ? [] : sections(d) };
  });
  return { diffs, allPairs };
}
