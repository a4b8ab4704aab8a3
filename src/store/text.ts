/** Store answers as terminal text: one line per run, its stable id and whether it was verified. */
import type { StoreDatasetAnswer, StoreMetricAnswer, StoreModelAnswer, StoreRunAnswer, StoredDataset, StoredRun, StoredMetric } from './questions.js';

const clean = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
const runLine = (r: StoredRun): string =>
  `run ${r.runId.slice(0, 16)} ${r.verified ? 'verified' : 'NOT VERIFIED'}${r.repository ? ` ${clean(r.repository)}` : ''}${r.finishedOn ? ` ${clean(r.finishedOn)}` : ''}`;
const ds = (d: StoredDataset): string => clean(`${d.id}${d.version ? `@${d.version}` : ''}${d.digest ? ` (${d.digest.slice(0, 19)})` : ''}${d.derived ? ' [derived]' : ''}`);
const metric = (m: StoredMetric): string => clean(`${m.name}${m.split ? `[${m.split}]` : ''}${m.epoch !== undefined ? `@${m.epoch}` : ''}=${m.value}`);

export function metricText(a: StoreMetricAnswer[]): string {
  return a
    .map((x) =>
      [
        `${metric(x.metric)}  ${runLine(x.run)}`,
        `  datasets: ${x.datasets.map(ds).join(', ') || '(none)'}`,
        ...x.upstream.map((u) => `  upstream ${runLine(u.run)}: ${u.datasets.map(ds).join(', ')}`),
      ].join('\n'),
    )
    .join('\n');
}

export function datasetText(a: StoreDatasetAnswer[]): string {
  return a.map((x) => `${runLine(x.run)} ${x.direct ? 'read it' : 'read data derived from it'}; models: ${x.models.map((m) => `${clean(m.path)} (sha256:${m.sha256.slice(0, 12)})`).join(', ') || '(none)'}`).join('\n');
}

export function modelText(a: StoreModelAnswer[]): string {
  return a
    .map((x) =>
      [
        `model sha256:${x.model.sha256.slice(0, 16)} (${x.model.paths.map(clean).join(', ')}) from ${runLine(x.run)}`,
        `  metrics: ${x.metrics.map(metric).join(', ') || '(none)'}`,
        ...x.lineage.map((u) => `  ${u.run.runId === x.run.runId ? '' : 'upstream '}${runLine(u.run)}: datasets ${u.datasets.map(ds).join(', ')}; steps ${u.steps.map((s) => clean(s.name)).join(' → ') || '(none)'}`),
      ].join('\n'),
    )
    .join('\n');
}

export function runsText(a: StoreRunAnswer[]): string {
  return a.map((x) => `${runLine(x.run)}  ${x.metrics.map(metric).join(', ')}`).join('\n');
}
