import type { DatasetNode, Edge, LineageGraph, MetricNode, ModelNode, RunNode, StepNode } from './graph.js';
import { latestByEpoch } from '../statement/fields.js';
import { resolveDatasetRef } from '../util/dataset-id.js';

/**
 * Indexes over a graph, built once per graph object (cached), so each query is a
 * few map look-ups and short edge walks: 10,000 statements stay interactive.
 */
interface GraphIndex {
  in: Map<string, Edge[]>;
  out: Map<string, Edge[]>;
  datasets: Map<string, DatasetNode>;
  datasetsById: Map<string, DatasetNode[]>;
  /** Recorded datasets by sha256: the same bytes under other ids, versions and runs. */
  datasetsByContent: Map<string, DatasetNode[]>;
  runs: Map<string, RunNode>;
  steps: Map<string, StepNode>;
  models: Map<string, ModelNode>;
  modelsBySha: Map<string, ModelNode>;
  modelsByPath: Map<string, ModelNode[]>;
  metrics: Map<string, MetricNode>;
  metricsByName: Map<string, MetricNode[]>;
}

const cache = new WeakMap<LineageGraph, GraphIndex>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function indexGraph(g: LineageGraph): GraphIndex {
  const hit = cache.get(g);
  if (hit) return hit;
  const ix: GraphIndex = {
    in: new Map(),
    out: new Map(),
    datasets: new Map(g.datasets.map((d) => [d.key, d])),
    datasetsById: new Map(),
    datasetsByContent: new Map(),
    runs: new Map(g.runs.map((r) => [r.key, r])),
    steps: new Map(g.steps.map((s) => [s.key, s])),
    models: new Map(g.models.map((m) => [m.key, m])),
    modelsBySha: new Map(g.models.map((m) => [m.sha256, m])),
    modelsByPath: new Map(),
    metrics: new Map(g.metrics.map((m) => [m.key, m])),
    metricsByName: new Map(),
  };
  for (const e of g.edges) {
    push(ix.out, e.from, e);
    push(ix.in, e.to, e);
  }
  for (const d of g.datasets) {
    push(ix.datasetsById, d.id, d);
    if (d.digest?.startsWith('sha256:')) push(ix.datasetsByContent, d.digest, d);
  }
  for (const m of g.models) for (const p of m.paths) push(ix.modelsByPath, p, m);
  for (const m of g.metrics) push(ix.metricsByName, m.name, m);
  cache.set(g, ix);
  return ix;
}

/** Everything one run consumed and produced. `datasets` are recorded (non-derived) inputs. */
export interface RunLineage {
  run: RunNode;
  datasets: DatasetNode[];
  /** Datasets derived inside the run by its steps. */
  derived: DatasetNode[];
  steps: StepNode[];
  models: ModelNode[];
  metrics: MetricNode[];
  /** Earlier runs whose outputs this run read (linked by content digest), nearest first. */
  upstreamRuns: RunNode[];
}

/**
 * Chain of custody across runs, by content: the datasets with the same sha256 as `d`
 * recorded by other runs. Used where data crosses a run boundary only: from a step's
 * output to the runs that read the same bytes (downstream), and from a run's input to the
 * step of another run that wrote it (upstream); equal bytes under another version label
 * are not otherwise treated as the same dataset.
 */
function sameContent(ix: GraphIndex, d: DatasetNode): DatasetNode[] {
  return d.digest?.startsWith('sha256:') ? (ix.datasetsByContent.get(d.digest) ?? []).filter((x) => x.key !== d.key) : [];
}

/**
 * A run's lineage: what its models were trained from (`feeds`), and with `evaluation`
 * also the steps after training and what they read (`evaluates`): what produced its
 * metrics. The run's own output (a dataset with a model's sha256) is never listed (flow.ts).
 */
export function runLineage(g: LineageGraph, runKey: string, opts: { evaluation?: boolean; model?: ModelNode } = {}): RunLineage {
  return walkLineage(g, runKey, opts).lineage;
}

/**
 * The dataset nodes of run `runKey` holding `model`'s bytes that a step of that run wrote:
 * where the model's own ancestry starts (flow.ts subjectAncestry). None: no recorded step
 * produced it, and the run-level rule stands.
 */
function writtenInRun(ix: GraphIndex, runKey: string, model: ModelNode): string[] {
  return (ix.datasetsByContent.get(`sha256:${model.sha256}`) ?? [])
    .filter((d) => (ix.in.get(d.key) ?? []).some((e) => e.kind === 'output' && ix.steps.get(e.from)?.run === runKey))
    .map((d) => d.key);
}

/** runLineage, and every node key the walk passed (the run's own outputs too). */
function walkLineage(g: LineageGraph, runKey: string, opts: { evaluation?: boolean; model?: ModelNode }): { lineage: RunLineage; seen: Set<string> } {
  const ix = indexGraph(g);
  const run = ix.runs.get(runKey);
  if (!run) throw new RangeError(`no run ${runKey} in the graph`);
  const datasets = new Map<string, DatasetNode>();
  const derived = new Map<string, DatasetNode>();
  const steps = new Map<string, StepNode>();
  const out = ix.out.get(runKey) ?? [];
  const made = new Set(out.filter((e) => e.kind === 'produced').map((e) => `sha256:${ix.models.get(e.to)!.sha256}`));
  // Walk upstream: run ← datasets|steps ← steps ← datasets ...; visited sets stop cycles.
  // Within the run this reaches every dataset and step it recorded (flow.ts); across runs,
  // only what led to the bytes this run read.
  // With `model`: that model's ancestry only, from the step(s) that wrote its bytes (flow.ts
  // subjectAncestry); the run-level edges when no recorded step wrote it.
  const starts = (e: Edge) => e.kind === 'feeds' || (opts.evaluation === true && e.kind === 'evaluates');
  const own = opts.model ? writtenInRun(ix, runKey, opts.model) : [];
  const stack = own.length > 0 ? own : (ix.in.get(runKey) ?? []).filter(starts).map((e) => e.from);
  const seen = new Set<string>();
  const upstream: string[] = [];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const ds = ix.datasets.get(key);
    if (ds) {
      for (const e of ix.in.get(key) ?? []) if (e.kind === 'output') stack.push(e.from);
      // The run's own model (read by a step after training): walked through to the step that wrote it, never listed.
      if (ds.digest && made.has(ds.digest)) continue;
      (ds.derived ? derived : datasets).set(key, ds);
      // Across runs: the same bytes written by another run's step lead to that run's steps and inputs.
      for (const other of sameContent(ix, ds)) {
        if ((ix.in.get(other.key) ?? []).some((e) => e.kind === 'output')) stack.push(other.key);
      }
      continue;
    }
    const step = ix.steps.get(key);
    if (step) {
      steps.set(key, step);
      if (step.run !== runKey && !upstream.includes(step.run)) upstream.push(step.run);
      for (const e of ix.in.get(key) ?? []) if (e.kind === 'input') stack.push(e.from);
    }
  }
  const models = out.filter((e) => e.kind === 'produced').map((e) => ix.models.get(e.to)!);
  const metrics = out.filter((e) => e.kind === 'measured').map((e) => ix.metrics.get(e.to)!);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const lineage = {
    run,
    datasets: [...datasets.values()].sort(byKey),
    derived: [...derived.values()].sort(byKey),
    steps: [...steps.values()].sort((a, b) => stepIndex(a) - stepIndex(b)),
    models: [...new Set(models)],
    metrics,
    upstreamRuns: upstream.map((k) => ix.runs.get(k)!),
  };
  return { lineage, seen };
}

function stepIndex(s: StepNode): number {
  return Number(s.key.slice(s.key.lastIndexOf(':') + 1));
}

/** The metric entries that summarise a run: for each name+split, the final one (see latestByEpoch). */
export function finalMetrics(metrics: MetricNode[]): MetricNode[] {
  return [...latestByEpoch(metrics, (m) => `${m.run}\u0000${m.name}\u0000${m.split ?? ''}`).values()];
}

export interface MetricQuery {
  name: string;
  epoch?: number;
  split?: string;
}

export interface MetricAnswer {
  metric: MetricNode;
  lineage: RunLineage;
}

/** "Which dataset versions produced this metric (at this epoch)?" Without an epoch: each run's final value. */
export function datasetsForMetric(g: LineageGraph, q: MetricQuery): MetricAnswer[] {
  const ix = indexGraph(g);
  let hits = (ix.metricsByName.get(q.name) ?? []).filter((m) => q.split === undefined || m.split === q.split);
  hits = q.epoch === undefined ? finalMetrics(hits) : hits.filter((m) => m.epoch === q.epoch);
  const lineages = new Map<string, RunLineage>();
  return hits.map((metric) => {
    let lineage = lineages.get(metric.run);
    if (!lineage) {
      lineage = runLineage(g, metric.run, { evaluation: true });
      lineages.set(metric.run, lineage);
    }
    return { metric, lineage };
  });
}

/** `ID` or `ID@VERSION` over the graph's datasets (resolveDatasetRef: a path as typed finds its percent-encoded id). */
export function parseDatasetRef(g: LineageGraph, ref: string): { id: string; version?: string } {
  const ix = indexGraph(g);
  return resolveDatasetRef(ref, (id) => ix.datasetsById.has(id));
}

export interface DatasetAnswer {
  dataset: DatasetNode;
  run: RunNode;
  models: ModelNode[];
}

/** "Which models used dataset D (at version V)?" — through steps as well as directly. */
export function modelsUsingDataset(g: LineageGraph, ref: string): DatasetAnswer[] {
  const ix = indexGraph(g);
  const { id, version } = parseDatasetRef(g, ref);
  const nodes = (ix.datasetsById.get(id) ?? []).filter((d) => version === undefined || d.version === version);
  const out: DatasetAnswer[] = [];
  for (const dataset of nodes) {
    // Downstream: runs that read it, and runs that read what their steps wrote from it
    // (derived datasets linked across runs by content), as far as the chain goes.
    const runs = new Set<string>();
    const stack = [dataset.key];
    const seen = new Set<string>();
    while (stack.length) {
      const key = stack.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const e of ix.out.get(key) ?? []) {
        if (e.kind === 'feeds') runs.add(e.to);
        else if (e.kind === 'input') {
          const step = ix.steps.get(e.to);
          if (step) runs.add(step.run);
          stack.push(e.to);
        } else if (e.kind === 'output') {
          stack.push(e.to);
          // What a step wrote, read by later runs under any id: follow the bytes.
          const out = ix.datasets.get(e.to);
          if (out) for (const other of sameContent(ix, out)) stack.push(other.key);
        }
      }
    }
    for (const runKey of [...runs].sort((a, b) => ix.runs.get(a)!.index - ix.runs.get(b)!.index)) {
      const models = (ix.out.get(runKey) ?? []).filter((e) => e.kind === 'produced').map((e) => ix.models.get(e.to)!);
      // Only the models it is an ancestor of: a model a recorded step wrote, through that
      // step's ancestry (flow.ts subjectAncestry); any other, through what trained the run.
      // The run stays listed with none when the dataset only evaluated its models.
      // A dataset with the model's own bytes is that model (a run's output recorded both ways).
      const mine = [...new Set(models)].filter((m) => dataset.digest === `sha256:${m.sha256}` || walkLineage(g, runKey, { model: m }).seen.has(dataset.key));
      out.push({ dataset, run: ix.runs.get(runKey)!, models: mine });
    }
  }
  return out;
}

export interface ModelAnswer {
  model: ModelNode;
  lineage: RunLineage;
}

/** `sha256:<hex>` or a bare 64-hex digest; anything else is a path. */
export function parseModelRef(ref: string): { sha256: string } | { path: string } {
  const m = /^(?:sha256:)?([a-f0-9]{64})$/i.exec(ref.trim());
  return m ? { sha256: m[1]!.toLowerCase() } : { path: ref };
}

/** "What trained this model file?" by digest or by the subject path it was recorded under. */
export function modelOrigins(g: LineageGraph, ref: { sha256: string } | { path: string }): ModelAnswer[] {
  const ix = indexGraph(g);
  let models: ModelNode[];
  if ('sha256' in ref) {
    const m = ix.modelsBySha.get(ref.sha256);
    models = m ? [m] : [];
  } else {
    const p = ref.path.replace(/^\.\//, '');
    models = ix.modelsByPath.get(p) ?? [];
  }
  const out: ModelAnswer[] = [];
  for (const model of models) {
    for (const e of ix.in.get(model.key) ?? []) {
      if (e.kind === 'produced') out.push({ model, lineage: runLineage(g, e.from, { model }) });
    }
  }
  return out;
}
