import type { DatasetDescriptor, Metric, Step, TrainingStatement } from '../schema/predicate.js';
import { textTable } from '../render/text-table.js';
import { gitCommit, latestByEpoch } from '../statement/fields.js';
import { datasetUri } from '../util/file-uri.js';
import { commandInFolder, shellWords } from '../util/shell.js';

/**
 * What changed between two training records (e.g. the base branch's and a PR's).
 * Pure data so the PR summary, the CLI and JSON consumers all read the same answer.
 */
export interface KeyChange<T = unknown> {
  key: string;
  before?: T;
  after?: T;
}

export interface KeyedDiff<T = unknown> {
  added: KeyChange<T>[];
  removed: KeyChange<T>[];
  changed: KeyChange<T>[];
}

export interface DatasetState {
  version?: string;
  digest?: string;
  uri: string;
  license?: string;
  /** Access classification (source.access). */
  access?: string;
  /** Quality checks as `passed/total passed`, with the failing names. */
  checks?: string;
  /** Synthetic data: generator@version. */
  synthetic?: string;
  /** Sampling strategy (and fraction). */
  sampling?: string;
}

export interface DatasetChange extends KeyChange<DatasetState> {
  /** Which of version, digest, uri, license differ. */
  fields: (keyof DatasetState)[];
}

/** What can differ between two steps of the same name. */
export type StepField = 'library' | 'parameters' | 'inputs' | 'outputs' | 'command' | 'workingDirectory';

/**
 * A changed step: before/after are its one-line descriptions (as for added and removed
 * steps); its command and folder, when they differ, also as values shaped like the run's
 * own `command` and `workingDirectory` changes.
 */
export interface StepChange extends KeyChange<string> {
  fields: StepField[];
  command?: { before?: string[]; after?: string[] };
  /** The folder the step's command ran in; absent on a side: the checkout's root. */
  workingDirectory?: { before?: string; after?: string };
}

export interface MetricChange {
  name: string;
  split?: string;
  before?: number;
  after?: number;
  beforeEpoch?: number;
  afterEpoch?: number;
  /** after − before, when both exist. */
  delta?: number;
}

export interface StatementDiff {
  identical: boolean;
  subjects: KeyedDiff<string>;
  datasets: { added: KeyChange<DatasetState>[]; removed: KeyChange<DatasetState>[]; changed: DatasetChange[] };
  config: KeyedDiff;
  hyperparameters: KeyedDiff;
  command?: { before?: string[]; after?: string[] };
  /** The folder the command ran in (externalParameters.workingDirectory); absent on a side: the checkout's root. */
  workingDirectory?: { before?: string; after?: string };
  image?: { before?: string; after?: string };
  gitCommit?: { before?: string; after?: string };
  /** The run's stated purpose. */
  purpose?: { before?: string; after?: string };
  /** Feature / A-B flags in effect. */
  flags: KeyedDiff;
  steps: { added: KeyChange<string>[]; removed: KeyChange<string>[]; changed: StepChange[] };
  metrics: { added: MetricChange[]; removed: MetricChange[]; changed: MetricChange[]; unchanged: MetricChange[] };
}

function keyedDiff<T>(before: Map<string, T>, after: Map<string, T>, same: (a: T, b: T) => boolean = jsonEqual): KeyedDiff<T> {
  const out: KeyedDiff<T> = { added: [], removed: [], changed: [] };
  for (const [key, a] of before) {
    if (!after.has(key)) out.removed.push({ key, before: a });
    else if (!same(a, after.get(key)!)) out.changed.push({ key, before: a, after: after.get(key)! });
  }
  for (const [key, b] of after) if (!before.has(key)) out.added.push({ key, after: b });
  const byKey = (x: KeyChange<T>, y: KeyChange<T>) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  out.added.sort(byKey);
  out.removed.sort(byKey);
  out.changed.sort(byKey);
  return out;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Flatten JSON into `a.b[0].c` paths → leaf values; empty containers are leaves too. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, []);
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, {});
    for (const [k, v] of entries) {
      const seg = SIMPLE_KEY.test(k) ? (prefix ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
      flatten(v, prefix + seg, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function configLeaves(s: TrainingStatement): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const f of s.predicate.configFiles) {
    for (const [k, v] of flatten(f.content)) out.set(`${f.name}:${k}`, v);
  }
  return out;
}

function datasetState(d: DatasetDescriptor): DatasetState {
  const algs = Object.keys(d.digest ?? {}).sort();
  const alg = d.digest?.sha256 ? 'sha256' : algs[0];
  return {
    // Compared as one URI form: an old record's `file:my file.csv` is the new `file:my%20file.csv`.
    uri: datasetUri(d),
    ...(d.version ? { version: d.version } : {}),
    ...(alg ? { digest: `${alg}:${d.digest![alg]}` } : {}),
    ...(d.license ? { license: d.license } : {}),
    ...(d.source?.access ? { access: d.source.access } : {}),
    ...(d.quality?.checks?.length ? { checks: checksText(d.quality.checks) } : {}),
    ...(d.synthetic ? { synthetic: `${d.synthetic.generator}${d.synthetic.version ? `@${d.synthetic.version}` : ''}` } : {}),
    ...(d.sampling ? { sampling: `${d.sampling.strategy}${d.sampling.fraction !== undefined ? ` ${d.sampling.fraction}` : ''}` } : {}),
  };
}

function checksText(checks: NonNullable<NonNullable<DatasetDescriptor['quality']>['checks']>): string {
  const failed = checks.filter((c) => !c.passed).map((c) => c.name);
  return `${checks.length - failed.length}/${checks.length} passed${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`;
}

function stepKeyed(steps: Step[]): Map<string, Step> {
  // Repeated step names get #2, #3 so a duplicated step reads as added, not as a rename.
  const seen = new Map<string, number>();
  const out = new Map<string, Step>();
  for (const s of steps) {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    out.set(n > 1 ? `${s.name}#${n}` : s.name, s);
  }
  return out;
}

/** One line per step: `numpy@2.1.0 {"scale":255} raw→clean $ python3 prep.py (in prep/)`. */
function stepText(s: Step): string {
  const lib = s.library ? ` ${s.library}${s.version ? `@${s.version}` : ''}` : '';
  const params = s.parameters && Object.keys(s.parameters).length ? ` ${JSON.stringify(s.parameters)}` : '';
  const io = `${(s.inputs ?? []).join(',')}→${(s.outputs ?? []).join(',')}`;
  const cmd = s.command?.length ? ` $ ${commandInFolder(s.command, s.workingDirectory)}` : s.workingDirectory ? ` (in ${s.workingDirectory}/)` : '';
  return `${lib.trim()}${params} ${io}${cmd}`.trim();
}

const STEP_FIELDS: Record<StepField, (s: Step) => unknown> = {
  library: (s) => [s.library, s.version],
  parameters: (s) => s.parameters ?? {},
  inputs: (s) => s.inputs ?? [],
  outputs: (s) => s.outputs ?? [],
  command: (s) => s.command,
  workingDirectory: (s) => s.workingDirectory,
};

function stepsDiff(before: Step[], after: Step[]): StatementDiff['steps'] {
  const a = stepKeyed(before);
  const b = stepKeyed(after);
  const text = (m: Map<string, Step>) => new Map([...m].map(([k, s]) => [k, stepText(s)]));
  const d = keyedDiff(text(a), text(b));
  return {
    added: d.added,
    removed: d.removed,
    changed: d.changed.map((c) => {
      const [x, y] = [a.get(c.key)!, b.get(c.key)!];
      const command = optChange(x.command, y.command);
      const workingDirectory = optChange(x.workingDirectory, y.workingDirectory);
      const fields = (Object.keys(STEP_FIELDS) as StepField[]).filter((f) => !jsonEqual(STEP_FIELDS[f](x), STEP_FIELDS[f](y)));
      return { ...c, fields, ...(command ? { command } : {}), ...(workingDirectory ? { workingDirectory } : {}) };
    }),
  };
}

/** For each name+split, the final metric (see latestByEpoch). */
export function lastMetrics(metrics: Metric[]): Map<string, Metric> {
  return latestByEpoch(metrics, (m) => `${m.name}\u0000${m.split ?? ''}`);
}


function optChange<T>(a: T | undefined, b: T | undefined): { before?: T; after?: T } | undefined {
  if (jsonEqual(a, b)) return undefined;
  return { ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) };
}

export function diffStatements(before: TrainingStatement, after: TrainingStatement): StatementDiff {
  const subjects = keyedDiff(
    new Map(before.subject.map((s) => [s.name, `sha256:${s.digest.sha256}`])),
    new Map(after.subject.map((s) => [s.name, `sha256:${s.digest.sha256}`])),
  );
  const ds = keyedDiff(
    new Map(before.predicate.datasets.map((d) => [d.id, datasetState(d)])),
    new Map(after.predicate.datasets.map((d) => [d.id, datasetState(d)])),
  );
  const datasets = {
    added: ds.added,
    removed: ds.removed,
    changed: ds.changed.map((c) => ({
      ...c,
      fields: (['version', 'digest', 'uri', 'license', 'access', 'checks', 'synthetic', 'sampling'] as const).filter((f) => c.before![f] !== c.after![f]),
    })),
  };
  const ma = lastMetrics(before.predicate.metrics);
  const mb = lastMetrics(after.predicate.metrics);
  const metrics: StatementDiff['metrics'] = { added: [], removed: [], changed: [], unchanged: [] };
  for (const [k, a] of ma) {
    const b = mb.get(k);
    const base = { name: a.name, ...(a.split !== undefined ? { split: a.split } : {}) };
    if (!b) {
      metrics.removed.push({ ...base, before: a.value, ...(a.epoch !== undefined ? { beforeEpoch: a.epoch } : {}) });
      continue;
    }
    const entry: MetricChange = {
      ...base,
      before: a.value,
      after: b.value,
      delta: b.value - a.value,
      ...(a.epoch !== undefined ? { beforeEpoch: a.epoch } : {}),
      ...(b.epoch !== undefined ? { afterEpoch: b.epoch } : {}),
    };
    (a.value === b.value && a.epoch === b.epoch ? metrics.unchanged : metrics.changed).push(entry);
  }
  for (const [k, b] of mb) {
    if (!ma.has(k)) {
      metrics.added.push({ name: b.name, ...(b.split !== undefined ? { split: b.split } : {}), after: b.value, ...(b.epoch !== undefined ? { afterEpoch: b.epoch } : {}) });
    }
  }
  const command = optChange(before.predicate.buildDefinition.externalParameters.command, after.predicate.buildDefinition.externalParameters.command);
  const workingDirectory = optChange(before.predicate.buildDefinition.externalParameters.workingDirectory, after.predicate.buildDefinition.externalParameters.workingDirectory);
  const image = optChange(before.predicate.image?.reference, after.predicate.image?.reference);
  const commit = optChange(gitCommit(before), gitCommit(after));
  const purpose = optChange(before.predicate.experiment?.purpose, after.predicate.experiment?.purpose);
  const flags = keyedDiff(new Map(Object.entries(before.predicate.experiment?.flags ?? {})), new Map(Object.entries(after.predicate.experiment?.flags ?? {})));
  const diff: StatementDiff = {
    identical: false,
    subjects,
    datasets,
    config: keyedDiff(configLeaves(before), configLeaves(after)),
    hyperparameters: keyedDiff(
      new Map(Object.entries(before.predicate.buildDefinition.externalParameters.hyperparameters)),
      new Map(Object.entries(after.predicate.buildDefinition.externalParameters.hyperparameters)),
    ),
    ...(command ? { command } : {}),
    ...(workingDirectory ? { workingDirectory } : {}),
    ...(image ? { image } : {}),
    ...(commit ? { gitCommit: commit } : {}),
    ...(purpose ? { purpose } : {}),
    flags,
    steps: stepsDiff(before.predicate.steps, after.predicate.steps),
    metrics,
  };
  const counts = [diff.subjects, diff.datasets, diff.config, diff.hyperparameters, diff.flags, diff.steps, diff.metrics].map(
    (d) => d.added.length + d.removed.length + d.changed.length,
  );
  diff.identical = counts.every((n) => n === 0) && !command && !workingDirectory && !image && !commit && !purpose;
  return diff;
}

// ---------- rendering ----------

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function num(v: number | undefined): string {
  return v === undefined ? '' : String(Number(v.toPrecision(6)));
}

function signed(v: number | undefined): string {
  if (v === undefined) return '';
  const s = num(v);
  return v > 0 ? `+${s}` : s;
}

function metricName(m: MetricChange): string {
  return m.split ? `${m.name} (${m.split})` : m.name;
}

function epochs(m: MetricChange): string {
  if (m.beforeEpoch === undefined && m.afterEpoch === undefined) return '';
  return m.beforeEpoch === m.afterEpoch ? String(m.afterEpoch) : `${m.beforeEpoch ?? '–'} → ${m.afterEpoch ?? '–'}`;
}

function datasetText(s: DatasetState | undefined): string {
  if (!s) return '';
  return [s.version ? `@${s.version}` : '', s.digest ? s.digest.slice(0, 19) : ''].filter(Boolean).join(' ');
}

/** A changed dataset: version and digest as usual, plus the values of the other fields that changed. */
function changedText(s: DatasetState | undefined, fields: (keyof DatasetState)[]): string {
  const extra = fields.filter((f) => !['version', 'digest', 'uri'].includes(f)).map((f) => `${f}: ${s?.[f] ?? '–'}`);
  return [datasetText(s), ...extra].filter(Boolean).join('; ');
}

/**
 * A recorded folder as a reader reads it: `train/`, or `(checkout root)` when none is
 * recorded; nothing on a side whose command is gone (no command, so no folder).
 */
export function folderText(dir: string | undefined, commandGone = false): string {
  return dir ? `${dir}/` : commandGone ? '' : '(checkout root)';
}

/** For each side of a change (the run's, or a step's): is the command absent there (a command added or removed)? */
export function commandGone(d: { command?: { before?: string[]; after?: string[] } }): { before: boolean; after: boolean } {
  return { before: Boolean(d.command && !d.command.before), after: Boolean(d.command && !d.command.after) };
}

export interface Section {
  title: string;
  headers: string[];
  rows: string[][];
}

export function sections(d: StatementDiff): Section[] {
  const out: Section[] = [];
  const keyed = (title: string, k: KeyedDiff, fmt: (v: unknown) => string = show) => {
    const rows = [
      ...k.added.map((c) => ['added', c.key, '', fmt(c.after)]),
      ...k.removed.map((c) => ['removed', c.key, fmt(c.before), '']),
      ...k.changed.map((c) => ['changed', c.key, fmt(c.before), fmt(c.after)]),
    ];
    if (rows.length) out.push({ title, headers: ['', 'key', 'before', 'after'], rows });
  };
  const dsRows = [
    ...d.datasets.added.map((c) => ['added', c.key, '', datasetText(c.after)]),
    ...d.datasets.removed.map((c) => ['removed', c.key, datasetText(c.before), '']),
    ...d.datasets.changed.map((c) => [`changed (${c.fields.join(', ')})`, c.key, changedText(c.before, c.fields), changedText(c.after, c.fields)]),
  ];
  if (dsRows.length) out.push({ title: 'Datasets', headers: ['', 'dataset', 'before', 'after'], rows: dsRows });
  const mRows = [
    ...d.metrics.changed.map((m) => [metricName(m), num(m.before), num(m.after), signed(m.delta), epochs(m)]),
    ...d.metrics.added.map((m) => [`${metricName(m)} (new)`, '', num(m.after), '', epochs(m)]),
    ...d.metrics.removed.map((m) => [`${metricName(m)} (gone)`, num(m.before), '', '', epochs(m)]),
  ];
  if (mRows.length) out.push({ title: 'Metrics (last epoch)', headers: ['metric', 'before', 'after', 'delta', 'epoch'], rows: mRows });
  keyed('Hyperparameters', d.hyperparameters);
  keyed('Flags', d.flags);
  keyed('Config', d.config);
  keyed('Steps', d.steps);
  keyed('Models', d.subjects, (v) => show(v).slice(0, 19));
  const single: string[][] = [];
  if (d.gitCommit) single.push(['source commit', show(d.gitCommit.before).slice(0, 12), show(d.gitCommit.after).slice(0, 12)]);
  if (d.image) single.push(['image', show(d.image.before), show(d.image.after)]);
  if (d.command) single.push(['command', shellWords(d.command.before ?? []), shellWords(d.command.after ?? [])]);
  if (d.workingDirectory) {
    const gone = commandGone(d);
    single.push(['command folder', folderText(d.workingDirectory.before, gone.before), folderText(d.workingDirectory.after, gone.after)]);
  }
  if (d.purpose) single.push(['purpose', show(d.purpose.before), show(d.purpose.after)]);
  if (single.length) out.push({ title: 'Run', headers: ['', 'before', 'after'], rows: single });
  return out;
}


export function renderDiffText(d: StatementDiff): string {
  if (d.identical) return 'no changes\n';
  return sections(d)
    .map((s) => `${s.title}\n${textTable(s.headers, s.rows)}`)
    .join('\n');
}
