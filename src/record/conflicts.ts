import type { Conflict } from '../schema/coverage.js';
import type { Metric, Step } from '../schema/predicate.js';
import { canonicalJson } from '../util/canonical.js';
import { datasetUri } from '../util/file-uri.js';

/**
 * Merging is "later completes earlier", which silently hides a disagreement: the manifest
 * says one digest, the training code recorded another. Here every field that two sources
 * both set, to different values, becomes a Conflict naming both sources; the policy then
 * decides whether that is an error or a warning. Pure.
 */

/** One source's view of the datasets: e.g. `datasets manifest`, `records log`. */
export interface DatasetSourceList {
  source: string;
  datasets: ReadonlyArray<{ id: string } & Record<string, unknown>>;
}

/** Fields whose disagreement matters; presentational ones (mediaType) are left out. */
const DATASET_FIELDS = ['uri', 'version', 'path', 'digest', 'license', 'splits', 'seed', 'source', 'sampling', 'synthetic'] as const;

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Distinct values in order of appearance, each with the first source that gave it. */
function distinct(values: Array<{ source: string; value: unknown }>): Array<{ source: string; value: unknown }> {
  const out: Array<{ source: string; value: unknown }> = [];
  for (const v of values) if (!out.some((o) => same(o.value, v.value))) out.push(v);
  return out;
}

export function datasetConflicts(lists: DatasetSourceList[]): Conflict[] {
  const byId = new Map<string, Map<string, Array<{ source: string; value: unknown }>>>();
  for (const { source, datasets } of lists) {
    const seen = new Map<string, number>();
    datasets.forEach((d) => {
      const fields = byId.get(d.id) ?? new Map();
      byId.set(d.id, fields);
      const nth = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, nth);
      // "records log (entry 2)": the second entry for this id in that source.
      const where = datasets.filter((x) => x.id === d.id).length > 1 ? `${source} (entry ${nth})` : source;
      for (const f of DATASET_FIELDS) {
        if (d[f] === undefined) continue;
        const values = fields.get(f) ?? [];
        // A `file:` path as written and as a URI are one location (a manifest's `file:my file.csv`,
        // record's `file:my%20file.csv`): compared, and shown, in URI form (src/util/file-uri.ts).
        const value = f === 'uri' && typeof d.uri === 'string' ? datasetUri({ uri: d.uri, ...(typeof d.path === 'string' ? { annotations: { path: d.path } } : {}) }) : d[f];
        values.push({ source: where, value });
        fields.set(f, values);
      }
    });
  }
  const out: Conflict[] = [];
  for (const [id, fields] of byId) {
    for (const [field, values] of fields) {
      const d = distinct(values);
      if (d.length > 1) out.push({ kind: 'dataset', id, field, values: d });
    }
  }
  return out;
}

/**
 * Steps are a list (the same step may legitimately run twice), so only a step recorded
 * twice under one name with a different library version or a different value for the same
 * parameter is a conflict.
 */
export function stepConflicts(steps: ReadonlyArray<Step>, source = 'records log'): Conflict[] {
  const byName = new Map<string, Step[]>();
  for (const s of steps) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const out: Conflict[] = [];
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const check = (field: string, get: (s: Step) => unknown) => {
      const vals = list.map((s, i) => ({ source: `${source} (step ${i + 1} named "${name}")`, value: get(s) })).filter((v) => v.value !== undefined);
      const d = distinct(vals);
      if (d.length > 1) out.push({ kind: 'step', id: name, field, values: d });
    };
    check('library', (s) => (s.library ? `${s.library}${s.version ? `@${s.version}` : ''}` : undefined));
    const keys = new Set(list.flatMap((s) => Object.keys(s.parameters ?? {})));
    for (const k of [...keys].sort()) check(`parameters.${k}`, (s) => s.parameters?.[k]);
  }
  return out;
}

/** The same metric (name, epoch, step, split) given two different values. */
export function metricConflicts(lists: Array<{ source: string; metrics: ReadonlyArray<Metric> }>): Conflict[] {
  const byKey = new Map<string, Array<{ source: string; value: unknown }>>();
  for (const { source, metrics } of lists) {
    for (const m of metrics) {
      const key = [m.name, m.epoch ?? '', m.step ?? '', m.split ?? ''].join('\u0000');
      byKey.set(key, [...(byKey.get(key) ?? []), { source, value: m.value }]);
    }
  }
  const out: Conflict[] = [];
  for (const [key, values] of byKey) {
    const d = distinct(values);
    if (d.length < 2) continue;
    const [name, epoch, step, split] = key.split('\u0000');
    const id = [name, epoch ? `epoch ${epoch}` : '', step ? `step ${step}` : '', split ? `split ${split}` : ''].filter(Boolean).join(', ');
    out.push({ kind: 'metric', id, field: 'value', values: d });
  }
  return out;
}
