/**
 * `lineage --attribute` as terminal text: one row per factor change, strongest mean effect
 * first, within 100 columns. The change names both sides (`pts v1 → v3`): dataset versions
 * where the runs recorded them, else the first 12 hex digits of each digest, so two rows
 * never look alike when their values differ. `--format json` keeps every value whole.
 */
import type { AttributionResult, FactorEffect } from '../lineage/attribute.js';
import { textTable } from './text-table.js';

/** The width the table keeps within: a terminal or CI log a little wider than 80 columns. */
export const ATTRIBUTION_WIDTH = 100;
const SHORT_DIGEST = 12;
const MIN_CHANGE = 24;

const DIGEST = /^(?:sha256:)?([0-9a-f]{40,64})$/i;

/** A value as a person reads it: absent, a short digest, the text itself, or its JSON. */
function shownValue(v: unknown): string {
  if (v === null || v === undefined) return 'absent';
  if (typeof v !== 'string') return JSON.stringify(v);
  const d = DIGEST.exec(v);
  return d ? d[1]!.slice(0, SHORT_DIGEST).toLowerCase() : v;
}

/** Both sides of a change: dataset versions when each side has its own, else the values (digests shortened). */
function sides(e: FactorEffect): [string, string] {
  if (e.kind === 'dataset' && e.fromVersion !== undefined && e.toVersion !== undefined && e.fromVersion !== e.toVersion) return [e.fromVersion, e.toVersion];
  return [shownValue(e.from), shownValue(e.to)];
}

/** What changed, without the kind (its own column): `step tokenize: parameter max_len` → `tokenize: max_len`. */
function subject(e: FactorEffect): string {
  const patterns: Record<string, [RegExp, string]> = {
    step: [/^step (.*)$/s, '$1'],
    'step-library': [/^step (.*): library$/s, '$1'],
    'step-parameter': [/^step (.*): parameter (.*)$/s, '$1: $2'],
    hyperparameter: [/^hyperparameter (.*)$/s, '$1'],
    dataset: [/^dataset (.*)$/s, '$1'],
    config: [/^config (.*)$/s, '$1'],
    image: [/^image$/, ''],
  };
  const p = patterns[e.kind];
  return p && p[0].test(e.factor) ? e.factor.replace(p[0], p[1]) : e.factor;
}

/** `text` in at most `max` characters, keeping both ends (where digests and versions differ). */
function middle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** `subject from → to` in `width` characters: the values keep both ends, the subject gives way first. */
function change(e: FactorEffect, width: number): { text: string; cut: boolean } {
  const who = subject(e);
  let [from, to] = sides(e);
  const join = (s: string, a: string, b: string) => `${s ? `${s} ` : ''}${a} → ${b}`;
  const whole = join(who, from, to);
  if (whole.length <= width) return { text: whole, cut: false };
  const room = width - 3 - (who ? Math.min(who.length, 12) + 1 : 0);
  const cap = Math.max(8, Math.floor(room / 2));
  [from, to] = [middle(from, cap), middle(to, cap)];
  const left = width - from.length - to.length - 3 - 1;
  return { text: join(who ? middle(who, Math.max(4, left)) : '', from, to), cut: true };
}

/**
 * Decimals shared by every delta, so the columns line up: four significant digits of the
 * largest, and enough for the smallest non-zero one to show a digit (at most 6).
 */
export function deltaDecimals(values: number[]): number {
  const abs = values.map(Math.abs).filter((v) => v > 0 && Number.isFinite(v));
  if (abs.length === 0) return 4;
  const big = 3 - Math.floor(Math.log10(Math.max(...abs)));
  const small = -Math.floor(Math.log10(Math.min(...abs)));
  return Math.min(6, Math.max(0, big, Math.min(6, small)));
}

/** `+0.02000`, `-0.01000`; a value that rounds to zero has no sign. */
export function formatDelta(n: number, decimals: number): string {
  const s = Math.abs(n).toFixed(decimals);
  return /^[0.]+$/.test(s) ? s : `${n < 0 ? '-' : '+'}${s}`;
}

/** Prose lines broken at spaces to fit the table's width (a word longer than that stays whole). */
function wrap(text: string, width = ATTRIBUTION_WIDTH): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) (out.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

export function renderAttribution(r: AttributionResult): string {
  const head = `metric ${r.metric.name}${r.metric.split ? ` (split ${r.metric.split})` : ''}${r.metric.epoch !== undefined ? ` at epoch ${r.metric.epoch}` : ' (final value)'}: ${r.runsWithMetric} run(s)${r.runsWithoutMetric ? `, ${r.runsWithoutMetric} without it` : ''}`;
  const lines = [head];
  if (r.note) lines.push(...wrap(r.note));
  if (r.effects.length) {
    const decimals = deltaDecimals(r.effects.flatMap((e) => [e.meanDelta, e.minDelta, e.maxDelta]));
    const numbers = r.effects.map((e) => [String(e.pairs), ...[e.meanDelta, e.minDelta, e.maxDelta].map((n) => formatDelta(n, decimals))]);
    const headers = ['kind', 'change', 'pairs', 'mean Δ', 'min Δ', 'max Δ'];
    const width = (col: string[]) => Math.max(...col.map((c) => c.length));
    const others = width([headers[0]!, ...r.effects.map((e) => e.kind)]) + [2, 3, 4, 5].reduce((w, i) => w + width([headers[i]!, ...numbers.map((n) => n[i - 2]!)]), 0);
    const changeWidth = Math.max(MIN_CHANGE, ATTRIBUTION_WIDTH - others - 2 * (headers.length - 1));
    let cut = false;
    const rows = r.effects.map((e, i) => {
      const c = change(e, changeWidth);
      cut ||= c.cut;
      return [e.kind, c.text, ...numbers[i]!];
    });
    lines.push('', textTable(headers, rows, { right: [2, 3, 4, 5] }).trimEnd());
    if (cut) lines.push(`(values shortened to fit ${ATTRIBUTION_WIDTH} columns: --format json has them whole)`);
  }
  if (r.noise) lines.push('', ...wrap(`noise: ${r.noise.runs} run(s) in ${r.noise.groups} group(s) with identical recorded factors differ by up to ${r.noise.maxSpread.toPrecision(4)}; effects smaller than that are not distinguishable from it`));
  lines.push('', ...wrap('Deltas are "to" minus "from" over pairs of runs identical in every other recorded factor; they show association in these records, not cause.'));
  return lines.join('\n');
}
