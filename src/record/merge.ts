import type { DatasetEvent, RecordEvent } from '../schema/record-event.js';
import type { Metric, Step } from '../schema/predicate.js';
import type { Cluster, Experiment } from '../schema/coverage.js';

/** A dataset event's own fields, without the envelope every event carries (format version, time, run tag). */
export type RecordedDataset = Omit<DatasetEvent, 'kind' | 'v' | 'ts' | 'githubRun' | 'githubRunAttempt' | 'githubJob'>;

export function datasetFields(e: DatasetEvent): RecordedDataset {
  const { kind: _k, v: _v, ts: _ts, githubRun: _run, githubRunAttempt: _attempt, githubJob: _job, ...rest } = e;
  return rest;
}

/** What the training code recorded, merged into one view. */
export interface RecordedRun {
  datasets: RecordedDataset[];
  steps: Step[];
  metrics: Metric[];
  params: Record<string, string | number | boolean | null>;
  command?: string[];
  /** The folder the command ran in (relative to the checkout), from the same event as the command. */
  workingDirectory?: string;
  libraries: Record<string, string>;
  accelerators: string[];
  extra: Record<string, unknown>;
  /** Purpose and flags from `record run`; flags merge, the purpose: last wins. */
  experiment: Experiment;
  cluster?: Cluster;
}

function splitLibrary(lib: string | undefined): { library?: string; version?: string } {
  if (!lib) return {};
  const at = lib.lastIndexOf('@');
  if (at > 0) return { library: lib.slice(0, at), version: lib.slice(at + 1) };
  return { library: lib };
}

/**
 * Fold events in order. Datasets with the same id merge field by field (a later
 * event can add the digest or the splits); params, libraries and the command: last wins.
 */
export function mergeEvents(events: RecordEvent[]): RecordedRun {
  const run: RecordedRun = { datasets: [], steps: [], metrics: [], params: {}, libraries: {}, accelerators: [], extra: {}, experiment: {} };
  const byId = new Map<string, RecordedRun['datasets'][number]>();
  for (const e of events) {
    switch (e.kind) {
      case 'dataset': {
        const rest = datasetFields(e);
        const prev = byId.get(e.id);
        if (prev) Object.assign(prev, rest);
        else {
          const copy = { ...rest };
          byId.set(e.id, copy);
          run.datasets.push(copy);
        }
        break;
      }
      case 'step':
        run.steps.push({
          name: e.name,
          ...splitLibrary(e.library),
          ...(e.parameters ? { parameters: e.parameters } : {}),
          ...(e.inputs ? { inputs: e.inputs } : {}),
          ...(e.outputs ? { outputs: e.outputs } : {}),
          ...(e.splits ? { splits: e.splits } : {}),
          ...(e.seed !== undefined ? { seed: e.seed } : {}),
          ...(e.command ? { command: e.command } : {}),
          ...(e.command && e.cwd ? { workingDirectory: e.cwd } : {}),
          ...(e.environment ? { environment: e.environment } : {}),
          ...(e.ts ? { recordedAt: e.ts } : {}),
        });
        break;
      case 'metric':
        run.metrics.push({
          name: e.name,
          value: e.value,
          ...(e.epoch !== undefined ? { epoch: e.epoch } : {}),
          ...(e.step !== undefined ? { step: e.step } : {}),
          ...(e.split ? { split: e.split } : {}),
          ...(e.ts ? { recordedAt: e.ts } : {}),
        });
        break;
      case 'param':
        Object.assign(run.params, e.params);
        break;
      case 'command':
        run.command = e.argv;
        // The folder belongs to its command: a later command recorded at the root has none.
        if (e.cwd) run.workingDirectory = e.cwd;
        else delete run.workingDirectory;
        break;
      case 'environment':
        Object.assign(run.libraries, e.libraries ?? {});
        for (const a of e.accelerators ?? []) if (!run.accelerators.includes(a)) run.accelerators.push(a);
        Object.assign(run.extra, e.extra ?? {});
        break;
      case 'run':
        if (e.purpose) run.experiment.purpose = e.purpose;
        if (e.flags) run.experiment.flags = { ...run.experiment.flags, ...e.flags };
        if (e.cluster) run.cluster = { ...run.cluster, ...e.cluster };
        break;
    }
  }
  return run;
}

/** A dataset a step output, and the folder that step was recorded from (`record step` typed in `train/`). */
export interface OutputFolder {
  folder: string;
  step: string;
}

/**
 * For each dataset id a step recorded from a sub-folder names as an output, that folder (the
 * last such step wins): where the step's `--output ID=PATH` was typed, so a PATH build cannot find
 * in the workspace can be looked for there, to say what was meant.
 */
export function outputFolders(events: RecordEvent[]): Map<string, OutputFolder> {
  const out = new Map<string, OutputFolder>();
  for (const e of events) {
    if (e.kind !== 'step' || !e.cwd) continue;
    for (const id of e.outputs ?? []) out.set(id, { folder: e.cwd, step: e.name });
  }
  return out;
}
