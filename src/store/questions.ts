/**
 * The lineage questions, answered by the store. Every answer names runs by their
 * stable id (the statement digest) and says whether each was verified at ingest.
 * Recursive walks follow datasets across runs by content digest: a step's output
 * recorded with a digest in one run is the same data another run read.
 * (SQLite plans the recursive joins well only when written CROSS JOIN … WHERE.)
 * An answer takes several queries: each question reads them from one snapshot (Db.snapshot),
 * so a run ingested or purged meanwhile is in all of them or in none.
 */
import { lineageWithin, outputDatasets, runFlow, subjectAncestry } from '../lineage/flow.js';
import { datasetRefCandidates, resolveDatasetRef } from '../util/dataset-id.js';
import type { Db, SqlValue } from './db.js';
import { storeError } from './errors.js';

export interface StoredRun {
  runId: string;
  verified: boolean;
  repository: string;
  builder: string;
  invocationId?: string;
  startedOn?: string;
  finishedOn?: string;
  gitCommit?: string;
  source?: string;
}
export interface StoredDataset {
  id: string;
  version?: string;
  digest?: string;
  uri?: string;
  derived: boolean;
  /** A step of the run wrote it. */
  output: boolean;
}
export interface StoredMetric {
  name: string;
  value: number;
  epoch?: number;
  step?: number;
  split?: string;
}
export interface UpstreamRun {
  run: StoredRun;
  datasets: StoredDataset[];
  steps: { name: string; library?: string; version?: string }[];
}

const RUN_SELECT = `r.run_no, r.run_id, r.owner, r.repo, r.builder, r.invocation_id, r.started_on, r.finished_on, r.git_commit, r.source,
  CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified`;

/**
 * Final values (`final = 1`, one per name and split) in the order each series first appears in
 * the record, as latestByEpoch keeps them: a series' final row can come after another's.
 */
const FINALS_IN_RECORD_ORDER = `m.final = 1 ORDER BY m.run_no,
  (SELECT MIN(f.ord) FROM metrics f WHERE f.run_no = m.run_no AND f.name = m.name AND COALESCE(f.split, '') = COALESCE(m.split, ''))`;

type R = Record<string, unknown>;
const opt = <K extends string>(k: K, v: unknown): { [P in K]?: string } => (v === null || v === undefined ? {} : ({ [k]: String(v) } as { [P in K]?: string }));
const optNum = <K extends string>(k: K, v: unknown): { [P in K]?: number } => (v === null || v === undefined ? {} : ({ [k]: Number(v) } as { [P in K]?: number }));

function toRun(r: R): StoredRun {
  return {
    runId: String(r.run_id),
    verified: Number(r.verified) === 1 || r.verified === true,
    repository: r.owner ? `${String(r.owner)}/${String(r.repo)}` : '',
    builder: String(r.builder),
    ...opt('invocationId', r.invocation_id),
    ...opt('startedOn', r.started_on),
    ...opt('finishedOn', r.finished_on),
    ...opt('gitCommit', r.git_commit),
    ...opt('source', r.source),
  };
}
function toDataset(r: R): StoredDataset {
  return { id: String(r.ds_id), ...opt('version', r.version), ...opt('digest', r.digest), ...opt('uri', r.uri), derived: Number(r.derived) === 1, output: Number(r.is_output) === 1 };
}
function toMetric(r: R): StoredMetric {
  return { name: String(r.name), value: Number(r.value), ...optNum('epoch', r.epoch), ...optNum('step', r.step), ...opt('split', r.split) };
}

async function q(db: Db, sql: string, params: SqlValue[]): Promise<R[]> {
  try {
    return await db.all(sql, params);
  } catch (err) {
    throw storeError(err, db.location, 'querying the store');
  }
}

/**
 * Runs by number (those the asker may see), by time. A separate query from the recursive
 * walk that found them: planners cannot estimate a recursive CTE's size, and PostgreSQL
 * joined 8 found runs to `runs` by scanning all of it.
 */
async function runsByNumber(db: Db, nos: number[], extra?: string, extraParams: SqlValue[] = []): Promise<R[]> {
  const rows = await byNumbers(nos, (marks, part) => q(db, `SELECT ${RUN_SELECT}${extra ? `, ${extra}` : ''} FROM runs r WHERE r.run_no IN (${marks})`, [...extraParams, ...part]));
  const at = (r: R) => String(r.finished_on ?? '');
  return rows.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : String(a.run_id) < String(b.run_id) ? -1 : 1));
}

const groupByRun = (rows: R[]): Map<number, R[]> => {
  const m = new Map<number, R[]>();
  for (const r of rows) {
    const k = Number(r.run_no);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

/** `IN (…)` over run numbers, in slices under every engine's parameter limit (SQLite: 32,766); rows in run-number order. */
async function byNumbers(nos: number[], query: (marks: string, part: number[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < nos.length; i += 5000) {
    const part = nos.slice(i, i + 5000);
    out.push(...(await query(part.map(() => '?').join(', '), part)));
  }
  return out;
}

/**
 * One step of the walk upstream: the runs that wrote (by content digest) what a run in `up` read.
 * PostgreSQL estimates the walk's work table at ten times its start and, for 500 starting runs,
 * hash-joined it with every dataset row of the store, each time (a slice of 500 runs read all of
 * `datasets`: 0.1-0.3 s at 13,000 runs, growing with the store). A LATERAL subquery (kept apart by
 * OFFSET 0) makes it look up each run's rows by key and the writers by the digest index instead.
 * SQLite has no LATERAL and plans the plain form that way already.
 */
const UPSTREAM_STEP: Record<Db['dialect'], string> = {
  sqlite: `SELECT up.start, o.run_no FROM up CROSS JOIN datasets d CROSS JOIN datasets o
         WHERE d.run_no = up.run_no AND d.is_output = 0 AND d.digest IS NOT NULL
           AND o.digest = d.digest AND o.is_output = 1 AND o.run_no <> up.run_no`,
  postgres: `SELECT up.start, w.run_no FROM up CROSS JOIN LATERAL (
           SELECT o.run_no FROM datasets d CROSS JOIN datasets o
           WHERE d.run_no = up.run_no AND d.is_output = 0 AND d.digest IS NOT NULL
             AND o.digest = d.digest AND o.is_output = 1 AND o.run_no <> up.run_no OFFSET 0
         ) w`,
};

/**
 * For each run (by number): itself, then the runs whose outputs (by content digest) it read,
 * transitively, by time, each with what it read and did. One walk per slice of starting
 * runs; an upstream run is read once however many runs share it.
 */
async function upstreamOfMany(db: Db, starts: number[]): Promise<Map<number, UpstreamRun[]>> {
  const out = new Map<number, UpstreamRun[]>();
  const known = new Map<number, UpstreamRun | null>();
  for (let i = 0; i < starts.length; i += 500) {
    const part = starts.slice(i, i + 500);
    const pairs = await q(
      db,
      `WITH RECURSIVE up(start, run_no) AS (
         SELECT run_no, run_no FROM runs WHERE run_no IN (${part.map(() => '?').join(', ')})
         UNION
         ${UPSTREAM_STEP[db.dialect]}
       )
       SELECT start, run_no FROM up`,
      part,
    );
    const missing = [...new Set(pairs.map((p) => Number(p.run_no)))].filter((n) => !known.has(n));
    if (missing.length > 0) {
      const rows = await runsByNumber(db, missing);
      const contents = await runContents(db, rows.map((r) => Number(r.run_no)));
      for (const n of missing) known.set(n, null); // not visible to the asker
      for (const r of rows) known.set(Number(r.run_no), { run: toRun(r), ...contents.get(Number(r.run_no))! });
    }
    const byStart = new Map<number, UpstreamRun[]>();
    for (const p of pairs) {
      const u = known.get(Number(p.run_no));
      if (!u) continue;
      const list = byStart.get(Number(p.start)) ?? [];
      list.push(u);
      byStart.set(Number(p.start), list);
    }
    for (const [start, list] of byStart) {
      const self = known.get(start);
      if (!self) continue;
      const others = list.filter((u) => u !== self).sort((a, b) => (a.run.finishedOn ?? '').localeCompare(b.run.finishedOn ?? ''));
      out.set(start, [self, ...others]);
    }
  }
  return out;
}

/**
 * Each run's own rows cut to its lineage by the rule file lineage follows (lineage/flow.ts),
 * from its step_io and models rows: what its models were trained from, and with `evaluation`
 * also the steps after training and what they read (what produced its metrics). The run's
 * own output (a dataset with a model's sha256) is never listed. Rows are in `ord` order, so
 * a dataset's or step's place in the list is its ord.
 */
async function ownLineage(db: Db, runs: Map<number, UpstreamRun>, evaluation: boolean, model?: string): Promise<Map<number, UpstreamRun>> {
  const flows = await runFlows(db, runs);
  const out = new Map<number, UpstreamRun>();
  for (const [n, u] of runs) {
    const { steps, recorded, outputs } = flows.get(n)!;
    // With `model`: that model's ancestry (the step that wrote it, recursively upstream), as
    // file lineage does (queries.ts runLineage); the run-level rule when no step wrote it.
    const keep = (model !== undefined ? subjectAncestry(steps, recorded, model, outputs) : undefined) ?? lineageWithin(steps, runFlow(steps, recorded.map((d) => d.id), outputs), evaluation);
    out.set(n, { ...u, datasets: u.datasets.filter((d) => keep.datasets.has(d.id)), steps: u.steps.filter((_, i) => keep.steps.has(i)) });
  }
  return out;
}

interface StoredFlow {
  steps: { inputs: string[]; outputs: string[] }[];
  recorded: { id: string; digest?: Record<string, string> }[];
  /** Ids of the datasets with a model's sha256: the run's output (flow.ts outputDatasets). */
  outputs: Set<string>;
}

/** Each run's dataset and step rows, in `ord` order (a row's place in the list is its ord). */
async function runContents(db: Db, nos: number[]): Promise<Map<number, Pick<UpstreamRun, 'datasets' | 'steps'>>> {
  const ds = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, ord, ds_id, version, digest, uri, derived, is_output FROM datasets WHERE run_no IN (${marks}) ORDER BY run_no, ord`, sl)));
  const st = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, ord, name, library, version FROM steps WHERE run_no IN (${marks}) ORDER BY run_no, ord`, sl)));
  return new Map(
    nos.map((n) => [
      n,
      { datasets: (ds.get(n) ?? []).map(toDataset), steps: (st.get(n) ?? []).map((x) => ({ name: String(x.name), ...opt('library', x.library), ...opt('version', x.version) })) },
    ]),
  );
}

/** Each run's steps as flow.ts reads them, from its step_io and models rows (no schema of its own). */
async function runFlows(db: Db, runs: Map<number, UpstreamRun>): Promise<Map<number, StoredFlow>> {
  const nos = [...runs.keys()];
  const io = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, step_ord, direction, dataset_ord FROM step_io WHERE run_no IN (${marks})`, sl)));
  const made = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, sha256 FROM models WHERE run_no IN (${marks})`, sl)));
  const out = new Map<number, StoredFlow>();
  for (const [n, u] of runs) {
    const steps = u.steps.map(() => ({ inputs: [] as string[], outputs: [] as string[] }));
    for (const r of io.get(n) ?? []) {
      const id = u.datasets[Number(r.dataset_ord)]?.id;
      const step = steps[Number(r.step_ord)];
      if (id !== undefined && step) (r.direction === 'in' ? step.inputs : step.outputs).push(id);
    }
    const recorded = u.datasets.filter((d) => !d.derived).map((d) => ({ id: d.id, ...(d.digest?.startsWith('sha256:') ? { digest: { sha256: d.digest.slice(7) } } : {}) }));
    const subjects = (made.get(n) ?? []).map((m) => ({ digest: { sha256: String(m.sha256) } }));
    out.set(n, { steps, recorded, outputs: outputDatasets(recorded, subjects) });
  }
  return out;
}

export interface MetricQuestion {
  name: string;
  epoch?: number;
  split?: string;
  /** Only runs that produced this model (sha256 hex). */
  model?: string;
}
export interface StoreMetricAnswer {
  run: StoredRun;
  metric: StoredMetric;
  /** The dataset versions that fed this run's training. */
  datasets: StoredDataset[];
  /** Runs upstream through derived datasets (nearest-first by time), with their datasets. */
  upstream: UpstreamRun[];
}

/** Runs a metric answer reads at once: one walk upstream, one read of their rows. */
const METRIC_PAGE = 500;

/** "Which dataset version produced metric M (at epoch E, split S) for model D?" Without an epoch: each run's final value. */
export async function metricQuestion(db: Db, mq: MetricQuestion): Promise<StoreMetricAnswer[]> {
  const out: StoreMetricAnswer[] = [];
  await eachMetricAnswer(db, mq, (page) => {
    for (const a of page) out.push(a);
  });
  return out;
}

/**
 * The same answers, handed to `emit` a page at a time (runs in time order, each run's answers
 * in record order), so an answer over every run of a large store is never held whole: what stays
 * in memory is one number per matching run and one page. Returns how many answers were emitted.
 */
export function eachMetricAnswer(db: Db, mq: MetricQuestion, emit: (page: StoreMetricAnswer[]) => void | Promise<void>): Promise<number> {
  return db.snapshot((view) => metricPages(view, mq, emit));
}

/**
 * The metric rows a question names: which runs answer (`where`, on `metrics m`), and the answer
 * rows of some of those runs (`rowsOf`, given `IN (…)` over run numbers; ordered by run).
 * Without an epoch, each run's final value per split: the rows ingest marked `final` (derive.ts,
 * by latestByEpoch), in the order each series first appears in the record, as latestByEpoch over
 * the run's rows in record order lists them (the first row of each series found in one pass over
 * the run's rows of that name, not a subquery per row: that took 30-50 ms a page).
 */
function metricRows(mq: MetricQuestion): { where: string; params: SqlValue[]; rowsOf: (marks: string) => string } {
  const named = ['m.name = ?'];
  const params: SqlValue[] = [mq.name];
  if (mq.split !== undefined) (named.push('m.split = ?'), params.push(mq.split));
  const cols = 'm.run_no, m.name, m.value, m.epoch, m.step, m.split';
  if (mq.epoch !== undefined) {
    const where = [...named, 'm.epoch = ?'].join(' AND ');
    return { where, params: [...params, mq.epoch], rowsOf: (marks) => `SELECT ${cols} FROM metrics m WHERE m.run_no IN (${marks}) AND ${where} ORDER BY m.run_no, m.ord` };
  }
  return {
    where: [...named, 'm.final = 1'].join(' AND '),
    params,
    rowsOf: (marks) =>
      `SELECT w.run_no, w.name, w.value, w.epoch, w.step, w.split FROM (
         SELECT ${cols}, m.final, MIN(m.ord) OVER (PARTITION BY m.run_no, COALESCE(m.split, '')) AS first_ord FROM metrics m WHERE m.run_no IN (${marks}) AND ${named.join(' AND ')}
       ) w WHERE w.final = 1 ORDER BY w.run_no, w.first_ord`,
  };
}

async function metricPages(db: Db, mq: MetricQuestion, emit: (page: StoreMetricAnswer[]) => void | Promise<void>): Promise<number> {
  const rows = metricRows(mq);
  // The runs that answer, in answer order (by time, then id): numbers only.
  const runs =
    mq.model === undefined
      ? await q(db, `SELECT r.run_no FROM runs r WHERE r.run_no IN (SELECT m.run_no FROM metrics m WHERE ${rows.where}) ORDER BY r.finished_on, r.run_id`, rows.params)
      : await q(
          db,
          // From the model's digest (indexed) to its runs' metric rows by key: an IN (SELECT …) over
          // metrics here read every metric row of the store (60 ms at 10,000 runs instead of 0.5).
          `SELECT DISTINCT r.run_no, r.finished_on, r.run_id FROM models x CROSS JOIN metrics m CROSS JOIN runs r
           WHERE x.sha256 = ? AND m.run_no = x.run_no AND ${rows.where} AND r.run_no = x.run_no ORDER BY r.finished_on, r.run_id`,
          [mq.model, ...rows.params],
        );
  const nos = runs.map((r) => Number(r.run_no));
  runs.length = 0;
  let answered = 0;
  for (let i = 0; i < nos.length; i += METRIC_PAGE) {
    const part = nos.slice(i, i + METRIC_PAGE);
    const marks = part.map(() => '?').join(', ');
    const metrics = groupByRun(
      await q(db, rows.rowsOf(marks), [...part, ...rows.params]),
    );
    // The walk upstream of the page's runs (the same slices of 500 as before paging) also reads the runs themselves.
    const lineage = await upstreamOfMany(db, part);
    const own = await ownLineage(db, new Map(part.flatMap((n) => (lineage.get(n)?.[0] ? [[n, lineage.get(n)![0]!] as const] : []))), true);
    const page: StoreMetricAnswer[] = [];
    for (const n of part) {
      const [, ...upstream] = lineage.get(n) ?? [];
      const self = own.get(n);
      // Always there: the walk starts from the same visible runs, in the same snapshot.
      if (!self) continue;
      const datasets = self.datasets.filter((d) => !d.derived || d.digest);
      for (const m of metrics.get(n) ?? []) page.push({ run: self.run, metric: toMetric(m), datasets, upstream });
    }
    answered += page.length;
    await emit(page);
  }
  return answered;
}

export interface StoreDatasetAnswer {
  run: StoredRun;
  /** True when the run read the dataset itself; false when it read data derived from it by an earlier run. */
  direct: boolean;
  models: { sha256: string; path: string }[];
}

/** `ID` or `ID@VERSION` over the store's datasets (resolveDatasetRef, as over files: lineage/queries.ts). */
export async function datasetRef(db: Db, ref: string): Promise<{ id: string; version?: string }> {
  const stored = new Set<string>();
  for (const id of datasetRefCandidates(ref)) {
    if ((await q(db, 'SELECT 1 AS x FROM datasets WHERE ds_id = ? LIMIT 1', [id])).length > 0) stored.add(id);
  }
  return resolveDatasetRef(ref, (id) => stored.has(id));
}

/** "Which runs and models used dataset D@V?" — directly, by the same bytes under another name, and through derived datasets across runs. */
export function datasetQuestion(db: Db, ref: string): Promise<StoreDatasetAnswer[]> {
  return db.snapshot((view) => datasetAnswers(view, ref));
}

async function datasetAnswers(db: Db, ref: string): Promise<StoreDatasetAnswer[]> {
  const { id, version } = await datasetRef(db, ref);
  const match = version === undefined ? 'ds_id = ?' : 'ds_id = ? AND version = ?';
  const mp: SqlValue[] = version === undefined ? [id] : [id, version];
  const used = await q(
    db,
    // The dataset's distinct digests first: joining every row of a dataset many runs read
    // with every row of the same bytes would be quadratic in the number of those runs.
    `WITH RECURSIVE digests(digest) AS (
       SELECT DISTINCT d.digest FROM datasets d WHERE d.${match.replace(' AND version', ' AND d.version')} AND d.digest IS NOT NULL
     ),
     used(run_no) AS (
       SELECT s.run_no FROM datasets s WHERE s.${match.replace(' AND version', ' AND s.version')}
       UNION
       SELECT s.run_no FROM digests g CROSS JOIN datasets s WHERE s.digest = g.digest AND s.is_output = 0
       UNION
       SELECT s.run_no FROM digests g CROSS JOIN datasets s WHERE s.digest = g.digest AND s.is_output = 1
       UNION
       SELECT n.run_no FROM used u CROSS JOIN datasets o CROSS JOIN datasets n
       WHERE o.run_no = u.run_no AND o.is_output = 1 AND o.digest IS NOT NULL
         AND n.digest = o.digest AND n.is_output = 0 AND n.run_no <> u.run_no
     )
     SELECT run_no FROM used`,
    [...mp, ...mp],
  );
  if (used.length === 0) return [];
  const rows = await runsByNumber(
    db,
    used.map((r) => Number(r.run_no)),
    `CASE WHEN EXISTS (SELECT 1 FROM datasets x WHERE x.run_no = r.run_no AND x.${match.replace(' AND version', ' AND x.version')}) THEN 1 ELSE 0 END AS direct`,
    mp,
  );
  if (rows.length === 0) return [];
  const nos = rows.map((r) => Number(r.run_no));
  const models = await byNumbers(nos, (marks, part) => q(db, `SELECT run_no, sha256, path FROM models WHERE run_no IN (${marks}) ORDER BY run_no, ord`, part));
  const modelsOf = groupByRun(models);
  const ancestor = await ancestorOf(db, nos, (d) => d.id === id && (version === undefined || d.version === version));
  return rows.map((r) => ({
    run: toRun(r),
    direct: Number(r.direct) === 1,
    // Only the models the dataset is an ancestor of (file lineage's rule, queries.ts modelsUsingDataset).
    models: (modelsOf.get(Number(r.run_no)) ?? []).filter((m) => ancestor(Number(r.run_no), String(m.sha256))).map((m) => ({ sha256: String(m.sha256), path: String(m.path) })),
  }));
}

/**
 * Whether the dataset (`isIt`) is an ancestor of a run's model: the runs' datasets it reaches
 * (itself, the same bytes, and what steps wrote from it, across runs by digest, to a fixed
 * point), met on the model's own ancestry (flow.ts subjectAncestry), else on what trained the run.
 */
async function ancestorOf(db: Db, nos: number[], isIt: (d: StoredDataset) => boolean): Promise<(run: number, sha256: string) => boolean> {
  const contents = await runContents(db, nos);
  const runs = new Map<number, UpstreamRun>(nos.map((n) => [n, { run: {} as StoredRun, ...contents.get(n)! }]));
  const flows = await runFlows(db, runs);
  const digests = new Set<string>();
  const reached = new Map<number, Set<string>>(nos.map((n) => [n, new Set(runs.get(n)!.datasets.filter(isIt).map((d) => d.id))]));
  for (const [n, u] of runs) for (const d of u.datasets) if (reached.get(n)!.has(d.id) && d.digest) digests.add(d.digest);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [n, u] of runs) {
      const mine = reached.get(n)!;
      const add = (id: string) => {
        if (mine.has(id)) return;
        mine.add(id);
        changed = true;
        const digest = u.datasets.find((d) => d.id === id)?.digest;
        if (digest) digests.add(digest);
      };
      for (const d of u.datasets) if (d.digest && digests.has(d.digest)) add(d.id);
      for (const step of flows.get(n)!.steps) if (step.inputs.some((id) => mine.has(id))) step.outputs.forEach(add);
    }
  }
  return (n, sha256) => {
    const f = flows.get(n);
    if (!f) return false;
    const own = subjectAncestry(f.steps, f.recorded, sha256, f.outputs);
    const from = own ? own.walked : lineageWithin(f.steps, runFlow(f.steps, f.recorded.map((d) => d.id), f.outputs), false).datasets;
    return [...from].some((id) => reached.get(n)!.has(id));
  };
}

export interface StoreModelAnswer {
  model: { sha256: string; paths: string[] };
  run: StoredRun;
  metrics: StoredMetric[];
  /** The producing run first, then every run upstream of it through derived datasets. */
  lineage: UpstreamRun[];
}

/** "The full upstream lineage of a model" (by sha256). */
export function modelQuestion(db: Db, sha256: string): Promise<StoreModelAnswer[]> {
  return db.snapshot((view) => modelAnswers(view, sha256));
}

async function modelAnswers(db: Db, sha256: string): Promise<StoreModelAnswer[]> {
  const rows = await q(db, `SELECT ${RUN_SELECT}, x.path FROM models x CROSS JOIN runs r WHERE x.sha256 = ? AND r.run_no = x.run_no ORDER BY r.finished_on, r.run_id, x.ord`, [sha256]);
  const byRun = new Map<string, { r: R; paths: string[] }>();
  for (const r of rows) {
    const e = byRun.get(String(r.run_id)) ?? { r, paths: [] };
    e.paths.push(String(r.path));
    byRun.set(String(r.run_id), e);
  }
  const lineage = await upstreamOfMany(db, [...byRun.values()].map(({ r }) => Number(r.run_no)));
  // The producing run lists what its models were trained from, not what evaluated them (lineage/flow.ts).
  const own = await ownLineage(db, new Map([...lineage].flatMap(([n, l]) => (l[0] ? [[n, l[0]] as const] : []))), false, sha256);
  for (const [n, self] of own) lineage.set(n, [self, ...lineage.get(n)!.slice(1)]);
  const out: StoreModelAnswer[] = [];
  for (const { r, paths } of byRun.values()) {
    const metrics = await q(db, `SELECT m.name, m.value, m.epoch, m.step, m.split FROM metrics m WHERE m.run_no = ? AND ${FINALS_IN_RECORD_ORDER}`, [Number(r.run_no)]);
    out.push({ model: { sha256, paths }, run: toRun(r), metrics: metrics.map(toMetric), lineage: lineage.get(Number(r.run_no)) ?? [] });
  }
  return out;
}

export interface RunsQuestion {
  repository: string;
  since?: string;
  until?: string;
}
export interface StoreRunAnswer {
  run: StoredRun;
  metrics: StoredMetric[];
}

// `--runs '*'` (or `*/*`): every run, those whose record names no repository too.
export const EVERY_RUN = (repository: string): boolean => repository === '*' || repository === '*/*';

/**
 * SQL conditions on `runs r` for a repository (OWNER/REPO, OWNER/*, or * for every run;
 * optional) and a finish-time range. No condition is `1 = 1`, so callers can always join with AND.
 */
export function runSelection(sel: { repository?: string; since?: string; until?: string }): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (sel.repository !== undefined && !EVERY_RUN(sel.repository)) {
    const [owner, repo] = sel.repository.split('/');
    where.push('r.owner = ?');
    params.push(owner ?? '');
    if (repo && repo !== '*') (where.push('r.repo = ?'), params.push(repo));
  }
  if (sel.since) (where.push('r.finished_on >= ?'), params.push(sel.since));
  if (sel.until) (where.push('r.finished_on < ?'), params.push(sel.until));
  if (where.length === 0) where.push('1 = 1');
  return { where, params };
}

/** "Runs of repository R between two times, with their (final) metrics." */
export function runsQuestion(db: Db, rq: RunsQuestion): Promise<StoreRunAnswer[]> {
  return db.snapshot((view) => runsAnswers(view, rq));
}

async function runsAnswers(db: Db, rq: RunsQuestion): Promise<StoreRunAnswer[]> {
  const { where, params } = runSelection(rq);
  const rows = await q(db, `SELECT ${RUN_SELECT} FROM runs r WHERE ${where.join(' AND ')} ORDER BY r.finished_on, r.run_id`, params);
  if (rows.length === 0) return [];
  const metrics = await q(
    db,
    `SELECT r.run_id, m.name, m.value, m.epoch, m.step, m.split FROM runs r CROSS JOIN metrics m WHERE ${where.join(' AND ')} AND m.run_no = r.run_no AND ${FINALS_IN_RECORD_ORDER}`,
    params,
  );
  const byRun = new Map<string, StoredMetric[]>();
  for (const m of metrics) {
    const list = byRun.get(String(m.run_id)) ?? [];
    list.push(toMetric(m));
    byRun.set(String(m.run_id), list);
  }
  return rows.map((r) => ({ run: toRun(r), metrics: byRun.get(String(r.run_id)) ?? [] }));
}

/** The stored document (bundle or statement bytes) of a run, by its id or an unambiguous prefix (≥ 8 hex). */
export async function storedDocument(db: Db, ref: string): Promise<{ runId: string; bytes: Buffer; verified: boolean } | 'ambiguous' | undefined> {
  const id = ref.replace(/^sha256:/, '').toLowerCase();
  const rows = await q(
    db,
    `SELECT r.run_id, b.bytes, CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified
     FROM runs r CROSS JOIN blobs b WHERE r.run_id >= ? AND r.run_id < ? AND b.sha256 = r.doc_sha256 LIMIT 2`,
    [id, id + 'g'],
  );
  if (rows.length > 1) return 'ambiguous';
  const r = rows[0];
  return r ? { runId: String(r.run_id), bytes: Buffer.from(r.bytes as Uint8Array), verified: Number(r.verified) === 1 } : undefined;
}
