import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { parserLine, parserReason } from '../redact/index.js';
import type { DatasetDescriptor, Metric } from '../schema/predicate.js';
import { emptyResult, scalar, type BridgeResult } from './types.js';
import { bridgeReader, defaultBoundary } from './read.js';
import { pathDatasetId } from '../util/dataset-id.js';

function yamlOf(text: string | undefined, file: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v = parseYaml(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch (err) {
    const line = parserLine(err);
    throw new InputError('malformed-yaml', `${file}${line ? `:${line}` : ''} is not valid YAML (${parserReason(err)})`, { fix: 'is this an MLflow run folder?', file, cause: err });
  }
}

/**
 * Read one MLflow file-store run (`mlruns/<experiment>/<run>/`): params/* (one value
 * a file), metrics/* (`timestamp value step` lines), meta.yaml, and the dataset
 * inputs MLflow 2.4+ records under inputs/ with their definitions in
 * `<experiment>/datasets/<id>/meta.yaml`.
 */
export async function readMlflowRun(runDir: string, workspace?: string): Promise<BridgeResult> {
  // The experiment folder holds the dataset definitions the run points at.
  const rd = bridgeReader(defaultBoundary(path.dirname(runDir), workspace), workspace ?? path.dirname(runDir));
  const yamlFile = async (file: string) => yamlOf(await rd.text(file, 'MLflow file'), rd.shown(file));
  const meta = await yamlFile(path.join(runDir, 'meta.yaml'));
  if (!meta) {
    throw new InputError('not-mlflow-run', `${runDir} has no meta.yaml, so it is not an MLflow run folder`, {
      fix: 'pass mlruns/<experiment-id>/<run-id>',
      file: runDir,
    });
  }
  const out = emptyResult();
  for (const key of await rd.files(path.join(runDir, 'params'), 'MLflow params folder')) {
    out.params[key] = scalar((await rd.text(path.join(runDir, 'params', key), 'MLflow param')) ?? '');
  }
  for (const key of await rd.files(path.join(runDir, 'metrics'), 'MLflow metrics folder')) {
    const file = path.join(runDir, 'metrics', key);
    const lines = ((await rd.text(file, 'MLflow metric')) ?? '').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const [, value, step] = line.trim().split(/\s+/);
      const v = Number(value);
      if (value === undefined || !Number.isFinite(v)) {
        throw new InputError('bad-mlflow-metric', `${file}:${i + 1}: expected "timestamp value step" (the line is not shown, in case it holds a credential)`, {
          fix: 'the MLflow metric file is damaged; re-export the run',
          file,
          line: i + 1,
        });
      }
      const m: Metric = { name: key, value: v };
      const s = Number(step);
      if (step !== undefined && Number.isInteger(s) && s >= 0) m.step = s;
      out.metrics.push(m);
    });
  }
  const experimentDir = path.dirname(runDir);
  for (const input of await rd.dirs(path.join(runDir, 'inputs'), 'MLflow inputs folder')) {
    const im = await yamlFile(path.join(runDir, 'inputs', input, 'meta.yaml'));
    if (!im || im.source_type !== 'DATASET' || typeof im.source_id !== 'string') continue;
    const dm = await yamlFile(path.join(experimentDir, 'datasets', im.source_id, 'meta.yaml'));
    if (!dm) continue;
    const name = typeof dm.name === 'string' ? dm.name : im.source_id;
    const source = typeof dm.source === 'string' ? parseSource(dm.source) : undefined;
    const digest = typeof dm.digest === 'string' && /^[a-f0-9]+$/i.test(dm.digest) ? dm.digest.toLowerCase() : undefined;
    const tags = Array.isArray(im.tags) ? (im.tags as { key?: string; value?: string }[]) : [];
    const context = tags.find((t) => t.key === 'mlflow.data.context')?.value;
    const d: DatasetDescriptor = {
      id: pathDatasetId(name),
      name,
      uri: source ?? `mlflow:dataset/${im.source_id}`,
      digestSource: 'given',
      // MLflow's dataset digest is its own short fingerprint, not a content sha256.
      ...(digest ? { digest: { mlflow: digest } } : {}),
      annotations: { mlflowDatasetId: im.source_id, ...(context ? { context } : {}), ...(typeof dm.source_type === 'string' ? { sourceType: dm.source_type } : {}) },
    };
    out.datasets.push(d);
  }
  const runId = typeof meta.run_id === 'string' ? meta.run_id : path.basename(runDir);
  out.steps.push({
    name: typeof meta.run_name === 'string' ? meta.run_name : `mlflow-run-${runId}`,
    library: 'mlflow',
    parameters: { run_id: runId, ...(typeof meta.status === 'number' || typeof meta.status === 'string' ? { status: meta.status } : {}) },
    inputs: out.datasets.map((d) => d.id),
  });
  return out;
}

/** MLflow stores the dataset source as JSON text (`{"uri": "..."}` or `{"path": ...}`). */
function parseSource(text: string): string | undefined {
  try {
    const v = JSON.parse(text) as { uri?: unknown; url?: unknown; path?: unknown };
    const s = v.uri ?? v.url ?? v.path;
    return typeof s === 'string' && s ? s : undefined;
  } catch {
    return text || undefined;
  }
}

/** `mlruns/<exp>/<run>` given either that folder or its parent `mlruns` plus ids. */
export async function isMlflowRun(dir: string): Promise<boolean> {
  return Boolean(await stat(path.join(dir, 'meta.yaml')).catch(() => undefined)) && Boolean(await stat(path.join(dir, 'metrics')).catch(() => undefined));
}
