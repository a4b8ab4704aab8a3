import { createHash } from 'node:crypto';
import type { TrainingStatement } from '../schema/predicate.js';
import { canonicalJson } from '../util/canonical.js';
import { datasetUri } from '../util/file-uri.js';

/**
 * "Which preprocessing step most affected performance?", answered only as far as the
 * records support it: for runs that differ in exactly one factor (a step present or not,
 * its library version, one of its parameters, one hyperparameter, one dataset version,
 * the image, one config file) and share every other recorded factor, the metric delta
 * between them. No causal claim beyond what such pairs show; with no pair, a plain
 * statement that the data cannot answer.
 *
 * The source commit is deliberately not a factor: nearly every run has its own, and code
 * changes that matter show up as changed steps, parameters or configs.
 */
export interface AttributionRun {
  /** Stable run id (the statement digest). */
  id: string;
  statement: TrainingStatement;
}

export interface FactorEffect {
  /** `step`, `step-library`, `step-parameter`, `hyperparameter`, `dataset`, `image`, `config`. */
  kind: string;
  /** What changed, e.g. `step tokenize: parameter max_len`. */
  factor: string;
  from: unknown;
  to: unknown;
  /**
   * For a dataset: the version recorded with `from` / `to` (the value compared is the content
   * digest when there is one), when every run with that value recorded the same version.
   */
  fromVersion?: string;
  toVersion?: string;
  /** Pairs of otherwise-identical runs behind the figures. */
  pairs: number;
  meanDelta: number;
  minDelta: number;
  maxDelta: number;
  /** The pairs' run ids (first few), so every figure can be traced to records. */
  examples: Array<{ from: string; to: string; delta: number }>;
}

export interface AttributionResult {
  metric: { name: string; split?: string; epoch?: number };
  runsWithMetric: number;
  runsWithoutMetric: number;
  effects: FactorEffect[];
  /** Spread of the metric over runs whose recorded factors are all equal: the noise floor. */
  noise?: { groups: number; runs: number; maxSpread: number };
  /** Plain statement when nothing can be attributed. */
  note?: string;
}

/** `version`: the dataset version recorded beside the compared value, for people to read. */
type Factors = Map<string, { kind: string; label: string; value: string; version?: string }>;

const enc = (v: unknown) => canonicalJson(v ?? null);

/** The run's recorded factors: every one a key and a canonical value. Pure. */
export function factorsOf(st: TrainingStatement): Factors {
  const p = st.predicate;
  const f: Factors = new Map();
  const put = (key: string, kind: string, label: string, value: unknown, version?: string) => f.set(key, { kind, label, value: enc(value), ...(version !== undefined ? { version } : {}) });
  for (const s of p.steps) {
    put(`step\u0001${s.name}`, 'step', `step ${s.name}`, 'present');
    if (s.library) put(`step\u0001${s.name}\u0001library`, 'step-library', `step ${s.name}: library`, `${s.library}${s.version ? `@${s.version}` : ''}`);
    for (const [k, v] of Object.entries(s.parameters ?? {})) put(`step\u0001${s.name}\u0001param\u0001${k}`, 'step-parameter', `step ${s.name}: parameter ${k}`, v);
  }
  for (const [k, v] of Object.entries(p.buildDefinition.externalParameters.hyperparameters)) put(`hp:${k}`, 'hyperparameter', `hyperparameter ${k}`, v);
  for (const d of p.datasets) put(`dataset:${d.id}`, 'dataset', `dataset ${d.id}`, d.digest?.sha256 ?? d.digest?.gitCommit ?? d.version ?? datasetUri(d), d.version);
  if (p.image) put('image', 'image', 'image', p.image.digest?.sha256 ?? p.image.reference);
  for (const c of p.configFiles) put(`config:${c.name}`, 'config', `config ${c.name}`, c.contentDigest);
  return f;
}

/** The final value of a metric in a run (highest epoch, then latest), or at an epoch. */
export function metricValue(st: TrainingStatement, m: { name: string; split?: string; epoch?: number }): number | undefined {
  const ms = st.predicate.metrics.filter((x) => x.name === m.name && (m.split === undefined || x.split === m.split) && (m.epoch === undefined || x.epoch === m.epoch));
  if (ms.length === 0) return undefined;
  let best = ms[0]!;
  for (const x of ms) if ((x.epoch ?? -1) >= (best.epoch ?? -1)) best = x;
  return best.value;
}

/**
 * A digest of every factor but `without`. Leaving out a step's presence (`step␁NAME`) leaves
 * out its library and parameters too, so "with step X" vs "without step X" is one factor.
 */
function fingerprint(f: Factors, without?: string): string {
  const h = createHash('sha256');
  const drop = (k: string) => k === without || (without !== undefined && /^step\u0001[^\u0001]*$/.test(without) && k.startsWith(`${without}\u0001`));
  for (const k of [...f.keys()].sort()) if (!drop(k)) h.update(`${k}\u0000${f.get(k)!.value}\u0001`);
  return h.digest('hex');
}

const ABSENT = '\u0000absent';

const opt = <K extends string>(k: K, v: string | undefined): { [P in K]?: string } => (v === undefined ? {} : ({ [k]: v } as { [P in K]?: string }));

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const NATURAL = new Intl.Collator('en', { numeric: true });

/** Absent first, numbers by value, anything else by its canonical JSON. */
function orderValues(a: string, b: string): number {
  if (a === b) return 0;
  if (a === ABSENT) return -1;
  if (b === ABSENT) return 1;
  const x = JSON.parse(a) as unknown;
  const y = JSON.parse(b) as unknown;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return a < b ? -1 : 1;
}

export function attribute(runs: AttributionRun[], metric: { name: string; split?: string; epoch?: number }): AttributionResult {
  const rows = runs
    .map((r) => ({ id: r.id, factors: factorsOf(r.statement), value: metricValue(r.statement, metric) }))
    .filter((r): r is { id: string; factors: Factors; value: number } => r.value !== undefined);
  const result: AttributionResult = { metric, runsWithMetric: rows.length, runsWithoutMetric: runs.length - rows.length, effects: [] };

  // Identical configurations: how much the metric moves with nothing recorded changed.
  const same = new Map<string, number[]>();
  for (const r of rows) same.set(fingerprint(r.factors), [...(same.get(fingerprint(r.factors)) ?? []), r.value]);
  const repeated = [...same.values()].filter((v) => v.length > 1);
  if (repeated.length) {
    result.noise = { groups: repeated.length, runs: repeated.reduce((a, v) => a + v.length, 0), maxSpread: Math.max(...repeated.map((v) => Math.max(...v) - Math.min(...v))) };
  }

  const keys = new Set(rows.flatMap((r) => [...r.factors.keys()]));
  const labels = new Map<string, { kind: string; label: string }>();
  for (const r of rows) for (const [k, v] of r.factors) labels.set(k, { kind: v.kind, label: v.label });
  // The versions recorded with each value (a digest): named only when all its runs agree.
  const versions = new Map<string, Set<string | undefined>>();
  for (const r of rows) {
    for (const [k, v] of r.factors) {
      if (v.kind !== 'dataset') continue;
      const id = `${k}\u0000${v.value}`;
      versions.set(id, (versions.get(id) ?? new Set()).add(v.version));
    }
  }
  const versionOf = (key: string, value: string): string | undefined => {
    const set = versions.get(`${key}\u0000${value}`);
    return set?.size === 1 ? [...set][0] : undefined;
  };
  // Dataset values (digests) in the order of their versions where each has its own (v1 → v3, 2 → 10).
  const order = (key: string, a: string, b: string): number => {
    const [x, y] = [versionOf(key, a), versionOf(key, b)];
    return x !== undefined && y !== undefined && x !== y ? NATURAL.compare(x, y) || (x < y ? -1 : 1) : orderValues(a, b);
  };
  const effects = new Map<string, FactorEffect & { deltas: number[] }>();
  for (const key of [...keys].sort()) {
    // Runs equal in everything but `key` share a bucket; within it, values of `key` differ.
    const buckets = new Map<string, typeof rows>();
    for (const r of rows) {
      const fp = fingerprint(r.factors, key);
      buckets.set(fp, [...(buckets.get(fp) ?? []), r]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (let i = 0; i < bucket.length; i++) {
        for (let j = 0; j < bucket.length; j++) {
          const a = bucket[i]!;
          const b = bucket[j]!;
          const va = a.factors.get(key)?.value ?? ABSENT;
          const vb = b.factors.get(key)?.value ?? ABSENT;
          if (order(key, va, vb) >= 0) continue; // each unordered pair once, from the smaller value to the larger
          const id = `${key}\u0000${va}\u0000${vb}`;
          const delta = b.value - a.value;
          const e: FactorEffect & { deltas: number[] } = effects.get(id) ?? {
            ...labels.get(key)!,
            factor: labels.get(key)!.label,
            from: va === ABSENT ? null : JSON.parse(va),
            to: vb === ABSENT ? null : JSON.parse(vb),
            ...opt('fromVersion', versionOf(key, va)),
            ...opt('toVersion', versionOf(key, vb)),
            pairs: 0,
            meanDelta: 0,
            minDelta: Infinity,
            maxDelta: -Infinity,
            examples: [],
            deltas: [],
          };
          e.deltas.push(delta);
          if (e.examples.length < 3) e.examples.push({ from: a.id, to: b.id, delta });
          effects.set(id, e);
        }
      }
    }
  }
  result.effects = [...effects.values()]
    .map(({ deltas, ...e }) => ({
      ...e,
      pairs: deltas.length,
      meanDelta: deltas.reduce((x, y) => x + y, 0) / deltas.length,
      minDelta: Math.min(...deltas),
      maxDelta: Math.max(...deltas),
    }))
    // Ties end on the values compared, so the order never depends on the order the runs came in.
    .sort((x, y) => Math.abs(y.meanDelta) - Math.abs(x.meanDelta) || y.pairs - x.pairs || x.factor.localeCompare(y.factor) || cmp(enc(x.from), enc(y.from)) || cmp(enc(x.to), enc(y.to)));
  if (rows.length < 2) {
    result.note = `${rows.length} run(s) record metric "${metric.name}"${metric.split ? ` (split ${metric.split})` : ''}: at least two are needed`;
  } else if (result.effects.length === 0) {
    result.note = `no two of the ${rows.length} runs with metric "${metric.name}" differ in exactly one recorded factor (step, step parameter, hyperparameter, dataset, image or config) while sharing all others, so the records cannot attribute the metric to any step`;
  }
  return result;
}
