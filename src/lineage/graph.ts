import type { DatasetDescriptor, Metric, Step, TrainingStatement } from '../schema/predicate.js';
import { gitCommit as commitOf } from '../statement/fields.js';
import { statementRunId } from '../statement/serialize.js';
import { datasetUri } from '../util/file-uri.js';
import { outputDatasets, runFlow } from './flow.js';

/**
 * The lineage graph over many training statements. It is plain data (JSON-ready):
 * datasets → steps → runs → models, and runs → metrics. Every dataset and step of a
 * record leads to its run (`feeds` edges from datasets and training steps, `evaluates`
 * edges from steps after training, by the rule in flow.ts). Datasets and models are
 * shared between statements when their identity matches (dataset id + version +
 * digest; model sha256), so "which runs used X" is one edge walk, not a scan.
 */
export interface DatasetNode {
  key: string;
  id: string;
  version?: string;
  /** `sha256:<hex>` (or the first digest algorithm recorded) when known. */
  digest?: string;
  uri?: string;
  license?: string;
  /** True for datasets that only appear as a step output (derived inside a run). */
  derived: boolean;
}

export interface RunNode {
  key: string;
  /** Position of the statement in the input list. */
  index: number;
  /** Where the statement came from (file name), when the caller knows it. */
  source?: string;
  invocationId?: string;
  builder: string;
  startedOn?: string;
  finishedOn?: string;
  command?: string[];
  gitCommit?: string;
}

export interface StepNode {
  key: string;
  run: string;
  name: string;
  library?: string;
  version?: string;
  parameters?: Step['parameters'];
}

export interface ModelNode {
  key: string;
  sha256: string;
  /** Every subject name this digest was recorded under. */
  paths: string[];
}

export interface MetricNode {
  key: string;
  run: string;
  name: string;
  value: number;
  epoch?: number;
  step?: number;
  split?: string;
}

/**
 * `feeds`: a dataset or a training step → the run it reaches directly (flow.ts).
 * `evaluates`: a step after training (it read the run's own output) → the run whose
 * metrics it leads to; not upstream of the run's models.
 */
export type EdgeKind = 'input' | 'output' | 'feeds' | 'evaluates' | 'produced' | 'measured';

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface LineageGraph {
  datasets: DatasetNode[];
  runs: RunNode[];
  steps: StepNode[];
  models: ModelNode[];
  metrics: MetricNode[];
  edges: Edge[];
}

export interface StatementSource {
  statement: TrainingStatement;
  source?: string;
  /** sha256 (hex) of the statement's bytes as signed or written; computed from the statement when absent. */
  digest?: string;
}


function firstDigest(d: DatasetDescriptor): string | undefined {
  if (d.digest?.sha256) return `sha256:${d.digest.sha256}`;
  const algs = Object.keys(d.digest ?? {}).sort();
  const alg = algs[0];
  return alg ? `${alg}:${d.digest![alg]}` : undefined;
}

export function datasetKey(id: string, version: string | undefined, digest: string | undefined): string {
  return `dataset:${id}@${version ?? ''}#${digest ?? ''}`;
}

/** Build the graph. Accepts bare statements or `{statement, source}` pairs. */
export function graphFromStatements(input: ReadonlyArray<TrainingStatement | StatementSource>): LineageGraph {
  const g: LineageGraph = { datasets: [], runs: [], steps: [], models: [], metrics: [], edges: [] };
  const datasets = new Map<string, DatasetNode>();
  const models = new Map<string, ModelNode>();
  const modelPaths = new Map<string, Set<string>>();

  const seen = new Set<string>();
  let index = -1;
  for (const item of input) {
    const { statement, source, digest } = 'statement' in item ? item : { statement: item, source: undefined, digest: undefined };
    const p = statement.predicate;
    // A run is its statement: the key is the statement digest, stable across queries and
    // machines, and the same statement given twice (bundle + .intoto.json) is one run.
    const runKey = `sha256:${digest ?? statementRunId({ statement })}`;
    if (seen.has(runKey)) continue;
    seen.add(runKey);
    index++;
    const gitCommit = commitOf(statement);
    g.runs.push({
      key: runKey,
      index,
      ...(source ? { source } : {}),
      ...(p.runDetails.metadata.invocationId ? { invocationId: p.runDetails.metadata.invocationId } : {}),
      builder: p.runDetails.builder.id,
      ...(p.runDetails.metadata.startedOn ? { startedOn: p.runDetails.metadata.startedOn } : {}),
      ...(p.runDetails.metadata.finishedOn ? { finishedOn: p.runDetails.metadata.finishedOn } : {}),
      ...(p.buildDefinition.externalParameters.command ? { command: p.buildDefinition.externalParameters.command } : {}),
      ...(gitCommit ? { gitCommit } : {}),
    });

    // Dataset ids are only unique within one statement, so resolve step references locally.
    const local = new Map<string, string>();
    const addDataset = (node: DatasetNode): string => {
      const existing = datasets.get(node.key);
      if (!existing) {
        datasets.set(node.key, node);
        g.datasets.push(node);
      } else if (!node.derived && existing.derived) {
        existing.derived = false;
      }
      local.set(node.id, node.key);
      return node.key;
    };
    for (const d of p.datasets) {
      const digest = firstDigest(d);
      addDataset({
        key: datasetKey(d.id, d.version, digest),
        id: d.id,
        ...(d.version ? { version: d.version } : {}),
        ...(digest ? { digest } : {}),
        // One URI form for old and new records (src/util/file-uri.ts), as the store holds it.
        uri: datasetUri(d),
        ...(d.license ? { license: d.license } : {}),
        derived: false,
      });
    }
    // Step outputs that are not recorded datasets are derived data: scope them to the run
    // so two runs' "train-norm" never merge by name alone.
    const resolve = (id: string): string =>
      local.get(id) ?? addDataset({ key: `${runKey}/derived:${id}`, id, derived: true });

    p.steps.forEach((s, i) => {
      const key = `${runKey}/step:${i}`;
      g.steps.push({
        key,
        run: runKey,
        name: s.name,
        ...(s.library ? { library: s.library } : {}),
        ...(s.version ? { version: s.version } : {}),
        ...(s.parameters ? { parameters: s.parameters } : {}),
      });
      for (const id of s.inputs ?? []) g.edges.push({ from: resolve(id), to: key, kind: 'input' });
      for (const id of s.outputs ?? []) {
        g.edges.push({ from: key, to: resolve(id), kind: 'output' });
      }
    });
    // What reaches training directly (flow.ts): the datasets no training step reads, the
    // training steps whose outputs lead nowhere else (no recorded output, or the model);
    // and the steps after training (they read the run's own output), which lead to its metrics.
    const flow = runFlow(p.steps, p.datasets.map((d) => d.id), outputDatasets(p.datasets, statement.subject));
    for (const id of flow.datasets) g.edges.push({ from: resolve(id), to: runKey, kind: 'feeds' });
    for (const i of flow.steps) g.edges.push({ from: `${runKey}/step:${i}`, to: runKey, kind: 'feeds' });
    for (const i of flow.after) g.edges.push({ from: `${runKey}/step:${i}`, to: runKey, kind: 'evaluates' });

    for (const s of statement.subject) {
      const sha = s.digest.sha256!;
      const key = `model:${sha}`;
      let node = models.get(key);
      if (!node) {
        node = { key, sha256: sha, paths: [] };
        models.set(key, node);
        modelPaths.set(key, new Set());
        g.models.push(node);
      }
      const paths = modelPaths.get(key)!;
      if (!paths.has(s.name)) {
        paths.add(s.name);
        node.paths.push(s.name);
      }
      g.edges.push({ from: runKey, to: key, kind: 'produced' });
    }

    p.metrics.forEach((m: Metric, i) => {
      const key = `${runKey}/metric:${i}`;
      g.metrics.push({
        key,
        run: runKey,
        name: m.name,
        value: m.value,
        ...(m.epoch !== undefined ? { epoch: m.epoch } : {}),
        ...(m.step !== undefined ? { step: m.step } : {}),
        ...(m.split !== undefined ? { split: m.split } : {}),
      });
      g.edges.push({ from: runKey, to: key, kind: 'measured' });
    });
  }
  return g;
}
