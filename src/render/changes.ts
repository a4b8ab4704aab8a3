/**
 * "What changed against the base record", for a reviewer: a few lines that say which
 * parts of the training changed (data and image changes called out), a metrics table
 * that reads each delta by the metric's direction and flags regressions, and every
 * change in full under <details>. Shared by the PR comment, the job summary and
 * `ml-provenance diff --format markdown`.
 */
import { commandGone, folderText, type DatasetState, type KeyChange, type KeyedDiff, type MetricChange, type StatementDiff, type StepChange } from '../lineage/diff.js';
import { mdCode, mdText } from './markdown.js';
import { fmtNumber as formatNumber } from './number.js';
import { shellWords } from '../util/shell.js';
import { displayUri } from '../util/file-uri.js';
import { judgeChange, type DirectionOptions, type Verdict } from './metric-direction.js';

export type ChangesOptions = DirectionOptions;

/** Items listed inline per kind of change; the rest are counted and listed under <details>. */
const INLINE_ITEMS = 4;
/** Changes listed per section under <details>: a comment holds at most 65,536 characters. */
const MAX_LISTED = 100;
/** Values longer than this are cut in the inline list (shown whole under <details>). */
const INLINE_VALUE_CHARS = 40;

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

function clip(s: string, max = INLINE_VALUE_CHARS): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** `sha256:<12 hex>` for inline lists; the full digest is in the <details> table. */
function shortDigest(d: string | undefined): string {
  if (!d) return '';
  const i = d.indexOf(':');
  return i > 0 ? `${d.slice(0, i + 1)}${d.slice(i + 1, i + 13)}` : d.slice(0, 12);
}

export function fmtNumber(v: number | undefined): string {
  if (v === undefined) return '';
  // A value that is not a number (a bundle made by other software) is shown as escaped text.
  if (typeof v !== 'number') return mdText(v);
  return formatNumber(v);
}

function signed(v: number): string {
  const s = fmtNumber(v);
  return v > 0 ? `+${s}` : s.replace(/^-/, '−');
}

function metricName(m: MetricChange): string {
  return m.split ? `${m.name} (${m.split})` : m.name;
}

const code = (v: unknown) => mdCode(clip(show(v)), 'inline');
const inl = (v: unknown) => mdCode(v, 'inline');

function datasetChange(c: KeyChange<DatasetState> & { fields?: (keyof DatasetState)[] }): string {
  const id = inl(c.key);
  if (!c.before) return `${id} added${c.after?.version ? ` (${code(c.after.version)})` : ''}`;
  if (!c.after) return `${id} removed`;
  const parts = (c.fields ?? []).map((f) => {
    const [a, b] = f === 'digest' ? [shortDigest(c.before![f]), shortDigest(c.after![f])] : [c.before![f], c.after![f]];
    const what = f === 'digest' ? 'content' : f;
    return `${what} ${a ? code(a) : '—'} → ${b ? code(b) : '—'}`;
  });
  return `${id} ${parts.join(', ')}`;
}

/** `name:tag` with the digest shortened: `ghcr.io/acme/train:1` (`sha256:0123456789ab`). */
function imageRef(ref: string | undefined): string {
  if (!ref) return '—';
  const at = ref.lastIndexOf('@');
  if (at < 0) return code(ref);
  return `${code(ref.slice(0, at))} (${inl(shortDigest(ref.slice(at + 1)))})`;
}

/** A command inline (clipped), `—` on a side that has none. */
const commandCode = (argv: string[] | undefined) => (argv?.length ? code(shellWords(argv)) : '—');

/** A recorded folder (see folderText): `train/`, _checkout root_ when none is recorded, `—` on a side without a command. */
function folderMd(dir: string | undefined, gone: boolean): string {
  return dir ? mdCode(folderText(dir), 'inline') : gone ? '—' : '_checkout root_';
}

/** `folder A → B` of a run's or a step's folder change. */
function folderChange(c: { command?: { before?: string[]; after?: string[] }; workingDirectory?: { before?: string; after?: string } }): string {
  const gone = commandGone(c);
  return `${folderMd(c.workingDirectory?.before, gone.before)} → ${folderMd(c.workingDirectory?.after, gone.after)}`;
}

/** A changed step: its command and folder before → after, and which other fields changed. */
function stepItem(c: StepChange): string {
  const parts: string[] = [];
  if (c.command) parts.push(`command ${commandCode(c.command.before)} → ${commandCode(c.command.after)}`);
  if (c.workingDirectory) parts.push(`folder ${folderChange(c)}`);
  const rest = c.fields.filter((f) => f !== 'command' && f !== 'workingDirectory');
  if (rest.length || !parts.length) parts.push(`changed${rest.length ? ` (${rest.join(', ')})` : ''}`);
  return `${inl(clip(c.key))} ${parts.join(', ')}`;
}

function keyedItems(k: KeyedDiff, fmt: (v: unknown) => string = code): string[] {
  return [
    ...k.changed.map((c) => `${inl(clip(c.key))} ${fmt(c.before)} → ${fmt(c.after)}`),
    ...k.added.map((c) => `${inl(clip(c.key))} added (${fmt(c.after)})`),
    ...k.removed.map((c) => `${inl(clip(c.key))} removed`),
  ];
}

interface Line {
  /** Called out with ⚠️: training data and the image change what the model learned from and ran on. */
  warn: boolean;
  label: string;
  items: string[];
}

function lines(d: StatementDiff): Line[] {
  const out: Line[] = [];
  const add = (label: string, items: string[], warn = false) => {
    if (items.length) out.push({ label, items, warn });
  };
  add('Datasets', [...d.datasets.changed, ...d.datasets.added, ...d.datasets.removed].map(datasetChange), true);
  if (d.image) add('Image', [`${imageRef(d.image.before)} → ${imageRef(d.image.after)}`], true);
  add('Hyperparameters', keyedItems(d.hyperparameters));
  add('Flags', keyedItems(d.flags));
  add('Config', keyedItems(d.config));
  add('Steps', [
    ...d.steps.changed.map(stepItem),
    ...d.steps.added.map((c) => `${inl(clip(c.key))} added`),
    ...d.steps.removed.map((c) => `${inl(clip(c.key))} removed`),
  ]);
  // Every retraining changes the model's bytes: the names say which files, the digests are below.
  const files = (cs: KeyChange[]) => cs.map((c) => inl(clip(c.key.slice(c.key.lastIndexOf('/') + 1) || c.key)));
  add('Models', [
    ...(d.subjects.changed.length ? [`new content: ${files(d.subjects.changed).join(', ')}`] : []),
    ...(d.subjects.added.length ? [`added: ${files(d.subjects.added).join(', ')}`] : []),
    ...(d.subjects.removed.length ? [`removed: ${files(d.subjects.removed).join(', ')}`] : []),
  ]);
  if (d.gitCommit) add('Source commit', [`${code(show(d.gitCommit.before).slice(0, 12) || '—')} → ${code(show(d.gitCommit.after).slice(0, 12) || '—')}`]);
  if (d.purpose) add('Purpose', [`${code(d.purpose.before ?? '—')} → ${code(d.purpose.after ?? '—')}`]);
  if (d.command) add('Command', [`${commandCode(d.command.before)} → ${commandCode(d.command.after)}`]);
  if (d.workingDirectory) add('Command folder', [folderChange(d)]);
  return out;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  better: '✅ better',
  worse: 'worse, within tolerance',
  regression: '⚠️ **regression**',
  same: 'unchanged',
  unknown: '',
};

interface MetricRow {
  m: MetricChange;
  verdict: Verdict | 'new' | 'removed';
}

function metricRows(d: StatementDiff, opts: ChangesOptions): MetricRow[] {
  return [
    ...d.metrics.changed.map((m) => ({ m, verdict: judgeChange(m.name, m.before!, m.after!, opts) })),
    ...d.metrics.added.map((m) => ({ m, verdict: 'new' as const })),
    ...d.metrics.removed.map((m) => ({ m, verdict: 'removed' as const })),
  ];
}

function relative(m: MetricChange): string {
  if (m.before === undefined || m.after === undefined || m.before === 0) return '';
  const pct = ((m.after - m.before) / Math.abs(m.before)) * 100;
  return ` (${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1)} %)`;
}

function metricsTable(rows: MetricRow[]): string[] {
  if (!rows.length) return [];
  const out = ['| metric | base | this run | change | |', '|---|--:|--:|--:|---|'];
  for (const { m, verdict } of rows) {
    const change = m.delta !== undefined && m.delta !== 0 ? `${signed(m.delta)}${relative(m)}` : '';
    const v = verdict === 'new' ? 'new' : verdict === 'removed' ? '⚠️ not recorded now' : VERDICT_TEXT[verdict];
    out.push(`| ${mdText(metricName(m))} | ${fmtNumber(m.before) || '—'} | ${fmtNumber(m.after) || '—'} | ${change || '—'} | ${v} |`);
  }
  return out;
}

/** The callouts of the first line: what a reviewer must not miss. */
export function changeCallouts(d: StatementDiff, opts: ChangesOptions = {}): string[] {
  const out: string[] = [];
  const regressions = metricRows(d, opts).filter((r) => r.verdict === 'regression').length;
  if (regressions) out.push(`⚠️ ${regressions} metric ${regressions === 1 ? 'regression' : 'regressions'}`);
  const ds = d.datasets.added.length + d.datasets.removed.length + d.datasets.changed.length;
  if (ds) out.push('⚠️ training data changed');
  if (d.image) out.push('⚠️ image changed');
  return out;
}

/**
 * Every change with whole values and full digests (the part under <details>), as a
 * list: long values wrap in a list item, where a table would scroll sideways.
 */
export function renderChangeTables(d: StatementDiff): string {
  const parts: string[] = [];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    const more = items.length - MAX_LISTED;
    parts.push(`**${title}**`, '', ...items.slice(0, MAX_LISTED), ...(more > 0 ? [`- … and ${more} more: \`ml-provenance diff BASE HEAD\` lists them all`] : []), '');
  };
  const c = (v: string) => (v ? mdCode(v, 'inline') : '—');
  const item = (what: string, key: string, before: string, after: string): string => {
    if (what === 'added') return `- added ${c(key)}: ${c(after)}`;
    if (what === 'removed') return `- removed ${c(key)} (was ${c(before)})`;
    return `- ${mdText(what)} ${c(key)}\n  - base: ${c(before)}\n  - this run: ${c(after)}`;
  };
  const keyed = (title: string, k: KeyedDiff, fmt: (v: unknown) => string = show) =>
    section(title, [
      ...k.changed.map((c) => item('changed', c.key, fmt(c.before), fmt(c.after))),
      ...k.added.map((c) => item('added', c.key, '', fmt(c.after))),
      ...k.removed.map((c) => item('removed', c.key, fmt(c.before), '')),
    ]);
  const extra = (s: DatasetState) => (['access', 'checks', 'synthetic', 'sampling'] as const).filter((f) => s[f]).map((f) => `${f}: ${s[f]}`);
  const ds = (s: DatasetState | undefined) => (s ? [s.version ? `@${s.version}` : '', s.digest ?? '', displayUri(s.uri), ...extra(s)].filter(Boolean).join(' ') : '');
  section('Datasets', [
    ...d.datasets.changed.map((c) => item(`changed (${c.fields.join(', ')})`, c.key, ds(c.before), ds(c.after))),
    ...d.datasets.added.map((c) => item('added', c.key, '', ds(c.after))),
    ...d.datasets.removed.map((c) => item('removed', c.key, ds(c.before), '')),
  ]);
  const single: string[] = [];
  if (d.image) single.push(item('changed', 'image', show(d.image.before), show(d.image.after)));
  if (d.gitCommit) single.push(item('changed', 'source commit', show(d.gitCommit.before), show(d.gitCommit.after)));
  if (d.command) single.push(item('changed', 'command', shellWords(d.command.before ?? []), shellWords(d.command.after ?? [])));
  if (d.workingDirectory) {
    const gone = commandGone(d);
    single.push(`- changed ${c('command folder')}\n  - base: ${folderMd(d.workingDirectory.before, gone.before)}\n  - this run: ${folderMd(d.workingDirectory.after, gone.after)}`);
  }
  if (d.purpose) single.push(item('changed', 'purpose', show(d.purpose.before), show(d.purpose.after)));
  section('Run', single);
  keyed('Hyperparameters', d.hyperparameters);
  keyed('Flags', d.flags);
  keyed('Config', d.config);
  keyed('Steps', d.steps);
  keyed('Models', d.subjects);
  return parts.join('\n');
}

/**
 * The compact block: callouts, one line per kind of change (at most INLINE_ITEMS
 * items each), the metrics table, then every change in full under <details>.
 */
export function renderChangesMarkdown(d: StatementDiff, opts: ChangesOptions = {}): string {
  if (d.identical) return '_No changes to datasets, config, hyperparameters, steps, image, models or metrics._\n';
  const out: string[] = [];
  const callouts = changeCallouts(d, opts);
  if (callouts.length) out.push(`**${callouts.join(' · ')}**`, '');
  let cut = false;
  for (const l of lines(d)) {
    const shown = l.items.slice(0, INLINE_ITEMS);
    const more = l.items.length - shown.length;
    if (more) cut = true;
    out.push(`- ${l.warn ? '⚠️ ' : ''}**${l.label}:** ${shown.join('; ')}${more ? `; and ${more} more` : ''}`);
  }
  if (out.length && out[out.length - 1] !== '') out.push('');
  const rows = metricRows(d, opts);
  out.push(...metricsTable(rows));
  if (rows.length) {
    const same = d.metrics.unchanged.length;
    if (same) out.push('', `<sub>${same} other ${same === 1 ? 'metric' : 'metrics'} unchanged.</sub>`);
    out.push('');
  } else if (d.metrics.unchanged.length) {
    out.push(`Metrics: all ${d.metrics.unchanged.length} unchanged.`, '');
  }
  const full = renderChangeTables(d);
  if (full) {
    out.push(`<details><summary>${cut ? 'All changes, with whole values and full digests' : 'Whole values and full digests'}</summary>`, '', full, '</details>', '');
  }
  return out.join('\n');
}

/** `ml-provenance diff --format markdown`. */
export function renderDiffMarkdown(d: StatementDiff, opts: ChangesOptions = {}): string {
  return `### What changed\n\n${renderChangesMarkdown(d, opts)}`;
}
