import { existsSync } from 'node:fs';
import path from 'node:path';
import { readDvc, readMlflowRun, toDatasetInputs, type BridgeResult } from '../bridges/index.js';
import { datasetFromHfUri } from '../bridges/huggingface.js';
import type { DatasetInput } from '../schema/inputs.js';
import type { DatasetDescriptor } from '../schema/predicate.js';
import type { RecordEvent } from '../schema/record-event.js';
import { posixRelative, resolveInWorkspace } from '../util/fs.js';
import { fileUri } from '../util/file-uri.js';

export interface BridgeSources {
  /** A DVC project root (dvc.lock and *.dvc files). */
  dvc?: string;
  /** An MLflow run folder (mlruns/<experiment>/<run>). */
  mlflowRun?: string;
}

/** Bridge results as the record events and dataset inputs the build already understands. */
export function bridgeToInputs(r: BridgeResult): { datasets: DatasetInput[]; events: RecordEvent[] } {
  const events: RecordEvent[] = [];
  if (Object.keys(r.params).length) events.push({ v: 1, kind: 'param', params: r.params });
  for (const s of r.steps) {
    events.push({
      v: 1,
      kind: 'step',
      name: s.name,
      ...(s.library ? { library: s.version ? `${s.library}@${s.version}` : s.library } : {}),
      ...(s.parameters ? { parameters: s.parameters } : {}),
      ...(s.inputs ? { inputs: s.inputs } : {}),
      ...(s.outputs ? { outputs: s.outputs } : {}),
    });
  }
  for (const m of r.metrics) {
    events.push({
      v: 1,
      kind: 'metric',
      name: m.name,
      value: m.value,
      ...(m.epoch !== undefined ? { epoch: m.epoch } : {}),
      ...(m.step !== undefined ? { step: m.step } : {}),
      ...(m.split ? { split: m.split } : {}),
    });
  }
  return { datasets: toDatasetInputs(r), events };
}

export interface Bridged {
  /** Datasets present in the workspace: hashed by the build like any declared dataset. */
  datasets: DatasetInput[];
  /** Datasets only the other tool has seen (e.g. DVC outputs not pulled): kept with its digests. */
  descriptors: DatasetDescriptor[];
  /**
   * What the other tool said about the datasets in `datasets` (DVC's md5, stage, .dvc file,
   * remote…): hashed again by the build, then given back these annotations by withBridgeFacts.
   */
  local: DatasetDescriptor[];
  events: RecordEvent[];
}

/** Bridges report paths relative to their own root; the record's are relative to the workspace. */
function rebase(r: BridgeResult, root: string, workspace: string): BridgeResult {
  const prefix = posixRelative(workspace, root);
  if (!prefix) return r;
  const datasets = r.datasets.map((d) => {
    const p = typeof d.annotations?.path === 'string' ? path.posix.join(prefix, d.annotations.path) : undefined;
    if (!p) return d;
    return { ...d, uri: d.uri.startsWith('file:') ? fileUri(p) : d.uri, annotations: { ...d.annotations, path: p } };
  });
  return { ...r, datasets };
}

/** Read the other tools' records named by `sources`, relative to the workspace. */
export async function readBridges(sources: BridgeSources, workspace: string): Promise<Bridged> {
  const out: Bridged = { datasets: [], descriptors: [], local: [], events: [] };
  const add = (raw: BridgeResult, root: string) => {
    const r = rebase(raw, root, workspace);
    const local = r.datasets.filter((d) => typeof d.annotations?.path === 'string' && existsSync(path.join(workspace, d.annotations.path)));
    const b = bridgeToInputs({ ...r, datasets: local });
    out.datasets.push(...b.datasets);
    out.descriptors.push(...r.datasets.filter((d) => !local.includes(d)));
    out.local.push(...local);
    out.events.push(...b.events);
  };
  // Both folders must be in the workspace, and everything read under them too (src/bridges/read.ts).
  if (sources.dvc) {
    const root = path.resolve(workspace, (await resolveInWorkspace(sources.dvc, workspace, 'DVC project folder (dvc)', 'directory')).rel);
    add(await readDvc(root, workspace), root);
  }
  if (sources.mlflowRun) {
    const root = path.resolve(workspace, (await resolveInWorkspace(sources.mlflowRun, workspace, 'MLflow run folder (mlflow-run)', 'directory')).rel);
    add(await readMlflowRun(root, workspace), root);
  }
  return out;
}

/**
 * A dataset the build hashed itself keeps what the other tool recorded about it: its
 * annotations (the DVC stage or .dvc file, `md5Of`, DVC's size and file count, remote) and
 * its other digests (DVC's md5), under this build's own sha256, path and kind. Matched by id
 * and path, so a declared dataset that only shares an id is left as declared.
 */
export function withBridgeFacts(hashed: DatasetDescriptor[], local: DatasetDescriptor[]): DatasetDescriptor[] {
  return hashed.map((h) => {
    const b = local.find((l) => l.id === h.id && l.annotations?.path === h.annotations?.path);
    if (!b) return h;
    const { sha256: _ours, ...theirs } = b.digest ?? {};
    return {
      ...h,
      // The tool's own name for it (DVC: the path as written, where the id may be percent-encoded).
      name: b.name ?? h.name,
      ...(Object.keys(theirs).length ? { digest: { ...theirs, ...h.digest } } : {}),
      annotations: { ...b.annotations, ...h.annotations },
    };
  });
}

/** `hf://datasets/org/name@<revision>` pins a version: fill it in when none was given. */
export function withHfVersions(datasets: DatasetInput[]): DatasetInput[] {
  return datasets.map((d) => {
    if (d.version || !d.uri?.startsWith('hf://datasets/')) return d;
    const version = datasetFromHfUri(d.uri).version;
    return version ? { ...d, version } : d;
  });
}
