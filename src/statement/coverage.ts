import { detectImage, type DetectedImage } from '../capture/container.js';
import type { HashReporting } from '../capture/hashing.js';
import { captureHardware } from '../capture/hardware.js';
import { parseImageRef } from '../capture/image.js';
import { capturePython } from '../capture/python.js';
import { datasetConflicts, metricConflicts, stepConflicts } from '../record/conflicts.js';
import { datasetFields, mergeEvents } from '../record/merge.js';
import type { Conflict, Hardware, PythonEnvironment } from '../schema/coverage.js';
import type { Metric } from '../schema/predicate.js';
import type { DatasetEvent, RecordEvent } from '../schema/record-event.js';
import type { DatasetInput } from '../schema/inputs.js';
import type { Bridged } from './bridged.js';

/** What `build` captures from the machine instead of asking for it. */
export interface CaptureChoices {
  /** `auto` (default), `none`, a lockfile, `pip:PYTHON`, `uv:PYTHON`. */
  pythonEnv?: string;
  /** CPU, memory and GPUs (default on). */
  hardware?: boolean;
  /** Detect the container image when none is given (default on). */
  image?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface Extras {
  hardware?: Hardware;
  python?: PythonEnvironment;
  image?: DetectedImage & { reference: string };
}

/**
 * Capture hardware, the Python environment and the job's container image. Each is bounded
 * in time and never fails the build by itself, except a Python environment the user named
 * explicitly that cannot be read (an input error they can fix).
 */
export async function captureExtras(workspace: string, c: CaptureChoices, imageGiven: boolean, reporting?: HashReporting): Promise<Extras> {
  const env = c.env ?? process.env;
  const [hardware, python, image] = await Promise.all([
    c.hardware === false ? undefined : captureHardware(env),
    capturePython(c.pythonEnv ?? 'auto', workspace, env),
    imageGiven || c.image === false ? undefined : detectImage({ env, ...(reporting?.warn ? { onNote: reporting.warn } : {}) }),
  ]);
  let usable: Extras['image'];
  if (image) {
    try {
      parseImageRef(image.reference);
      usable = image;
    } catch {
      reporting?.warn?.(`a container image was detected (${image.source}) but its reference is not a registry reference; pass \`image\` with its digest`);
    }
  }
  if (usable && !/@sha256:/.test(usable.reference)) {
    reporting?.warn?.(`container image ${usable.reference} detected (${usable.source}) without a registry digest; pass \`image\` with @sha256:… to pin it`);
  }
  return { ...(hardware ? { hardware } : {}), ...(python ? { python } : {}), ...(usable ? { image: usable } : {}) };
}

/**
 * Every disagreement between the sources of one build: bridges (DVC, MLflow), the datasets
 * manifest, the records log (each event separately, so two `record dataset` calls that
 * disagree are caught too) and the metrics file.
 */
export function collectConflicts(s: { bridged: Bridged; declared: DatasetInput[]; recorded: RecordEvent[]; metricsFile: Metric[] }): Conflict[] {
  const bridgedDatasets = [
    ...s.bridged.datasets,
    ...s.bridged.descriptors.map((d) => ({ ...d, ...(d.digest?.sha256 ? { digest: `sha256:${d.digest.sha256}` } : {}) })),
  ];
  const recordedDatasets = s.recorded.filter((e): e is DatasetEvent => e.kind === 'dataset').map(datasetFields);
  const merged = mergeEvents([...s.bridged.events, ...s.recorded]);
  const bridgedMetrics = mergeEvents(s.bridged.events).metrics;
  const recordedMetrics = mergeEvents(s.recorded).metrics;
  return [
    ...datasetConflicts([
      { source: 'DVC/MLflow', datasets: bridgedDatasets },
      { source: 'datasets manifest', datasets: s.declared },
      { source: 'records log', datasets: recordedDatasets },
    ]),
    ...stepConflicts(merged.steps),
    ...metricConflicts([
      { source: 'DVC/MLflow', metrics: bridgedMetrics },
      { source: 'records log', metrics: recordedMetrics },
      { source: 'metrics file', metrics: s.metricsFile },
    ]),
  ];
}
