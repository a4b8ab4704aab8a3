/**
 * Why a lineage question matched nothing, said about the part of it that matched nothing
 * (the metric name, its split, its epoch, the dataset id, its version, the model, the
 * repository), with the values that exist there: the closest to what was asked first,
 * a few of them, and how many more. One wording for the records given as files
 * (whyNoMetric, whyNoDataset over the graph) and for the store (src/store/no-answer.ts).
 */
import { CheckError } from '../errors.js';
import { shellWords } from '../util/shell.js';
import type { LineageGraph } from './graph.js';
import { indexGraph, parseDatasetRef, type MetricQuery } from './queries.js';

/** A value that exists where the question found nothing: how many runs have it, and when the last one finished. */
export interface Known {
  value: string;
  runs: number;
  /** ISO time (or any string that sorts by time) of the latest run with it. */
  last?: string;
}

export type NoMatch =
  | { part: 'metric'; asked: string; known: Known[] }
  | { part: 'split'; metric: string; asked: string; known: Known[] }
  | { part: 'epoch'; metric: string; split?: string; asked: number; known: Known[] }
  | { part: 'dataset'; asked: string; known: Known[] }
  | { part: 'version'; dataset: string; asked: string; known: Known[] }
  | { part: 'model'; asked: string }
  /** `unnamed`: stored runs whose record names no repository (built outside GitHub Actions). */
  | { part: 'repository'; asked: string; known: Known[]; unnamed: number }
  | { part: 'window'; repository: string; first?: string; last?: string; runs: number }
  /** The parts each exist, and still nothing answers (never expected; said plainly rather than guessed). */
  | { part: 'none' };

/** How many values a message lists. */
export const SHOWN = 5;

/** Edit distance with adjacent transpositions (`tset` is one from `test`), case ignored. */
export function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * The values most worth showing first. For a name or version: those a typo away from what was
 * asked (at most one edit in four characters), closest first; then the rest by how many runs
 * have them and how recently (spelling distance says nothing about `2026.12` vs `1999.01`).
 * For an epoch: the nearest numbers. Ties by value, so the list never depends on input order.
 */
export function mostRelevant(asked: string | number, known: Known[]): Known[] {
  const near = (k: Known): number => {
    if (typeof asked === 'number') return Math.abs(Number(k.value) - asked);
    const d = distance(asked, k.value);
    return d <= Math.max(1, Math.floor(asked.length / 4)) ? d : Infinity;
  };
  // Each distance once (a store can hold tens of thousands of dataset ids), not per comparison.
  const keyed = known.map((k) => ({ k, near: near(k) }));
  const by = ({ k: a, near: x }: (typeof keyed)[number], { k: b, near: y }: (typeof keyed)[number]) => {
    const value = typeof asked === 'number' ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return (x === y ? 0 : x < y ? -1 : 1) || b.runs - a.runs || (b.last ?? '').localeCompare(a.last ?? '') || value;
  };
  return keyed.sort(by).map((e) => e.k);
}

/** A value as typed on a command line (quoted when a shell needs it); a missing split or version reads `(none)`. */
const shown = (v: string): string => (v === '' ? '(none)' : shellWords([v]));

/** `a, b, c and 12 more`, closest first. */
export function listKnown(asked: string | number, known: Known[], max = SHOWN): string {
  const best = mostRelevant(asked, known);
  const head = best.slice(0, max).map((k) => shown(k.value)).join(', ');
  return best.length > max ? `${head} and ${best.length - max} more` : head;
}

/**
 * The error for an empty answer. `where` names what was searched: `among the 3 records
 * given`, `in .ml-provenance/store.db`; `elsewhere` says where else the data may be.
 */
export function noMatchError(m: NoMatch, where: string, elsewhere: string): CheckError {
  const fix = (listed: string, list: string, then: string) => new CheckError('no-match', listed, { fix: `${list}; ${then}` });
  switch (m.part) {
    case 'metric':
      return m.known.length === 0
        ? new CheckError('no-match', `no metric is recorded ${where}`, { fix: elsewhere })
        : fix(`no metric ${shown(m.asked)} ${where}`, `metrics recorded: ${listKnown(m.asked, m.known)}`, `check the spelling (names are case-sensitive) or ${elsewhere}`);
    case 'split': {
      const only = m.known.length === 1 && m.known[0]!.value === '';
      if (only) return new CheckError('no-match', `metric ${shown(m.metric)} has no split ${shown(m.asked)} ${where}`, { fix: 'it is recorded without a split: leave out --split' });
      return fix(`metric ${shown(m.metric)} has no split ${shown(m.asked)} ${where}`, `its splits: ${listKnown(m.asked, m.known)}`, 'pass one of them to --split, or leave --split out for every split');
    }
    case 'epoch': {
      const what = `metric ${shown(m.metric)}${m.split !== undefined ? ` (split ${shown(m.split)})` : ''} has no epoch ${m.asked} ${where}`;
      if (m.known.length === 0) return new CheckError('no-match', what, { fix: "it is recorded without epochs: leave out --epoch for each run's final value" });
      return fix(what, `its epochs: ${listKnown(m.asked, m.known)}`, "pass one of them to --epoch, or leave --epoch out for each run's final value");
    }
    case 'dataset':
      return m.known.length === 0
        ? new CheckError('no-match', `no dataset is recorded ${where}`, { fix: elsewhere })
        : fix(`no dataset ${shown(m.asked)} ${where}`, `datasets recorded: ${listKnown(m.asked, m.known)}`, `check the spelling (ids are case-sensitive) or ${elsewhere}`);
    case 'version':
      return fix(
        `dataset ${shown(m.dataset)} has no version ${shown(m.asked)} ${where}`,
        `its versions: ${listKnown(m.asked, m.known)}`,
        `pass --dataset ${shown(`${m.dataset}@VERSION`)} with one of them, or --dataset ${shown(m.dataset)} for every version`,
      );
    case 'model':
      return new CheckError('no-match', `no run ${where} produced model ${shown(m.asked)}`, {
        fix: `pass the model file itself (it is hashed) or its sha256, or ${elsewhere}`,
      });
    case 'repository': {
      if (m.known.length === 0 && m.unnamed === 0) return new CheckError('no-match', `no run is stored ${where}`, { fix: elsewhere });
      const listed = [
        ...(m.known.length ? [`repositories stored: ${listKnown(m.asked, m.known)}`] : []),
        ...(m.unnamed ? [`${m.unnamed} run(s) name no repository (built outside GitHub Actions)`] : []),
      ].join('; ');
      return fix(`no run of repository ${shown(m.asked)} ${where}`, listed, `pass ${m.known.length ? 'one of them, OWNER/* for an owner, or ' : ''}'*' for every run; ${elsewhere}`);
    }
    case 'window': {
      const every = m.repository === '*';
      return new CheckError('no-match', `no run ${every ? '' : `of ${shown(m.repository)} `}${where} finished within --since/--until`, {
        fix: `${every ? 'the' : 'its'} ${m.runs} stored run(s) finished between ${m.first ?? '(no time)'} and ${m.last ?? '(no time)'}: widen --since/--until or leave them out`,
      });
    }
    case 'none':
      return new CheckError('no-match', `nothing ${where} answers this`, { fix: elsewhere });
  }
}

/** Counts of `value` over runs, with the latest finish time of each: the raw material of a Known list. */
function tally(pairs: Iterable<{ value: string; run: string; last?: string }>): Known[] {
  const out = new Map<string, { runs: Set<string>; last?: string }>();
  for (const p of pairs) {
    const e = out.get(p.value) ?? { runs: new Set<string>() };
    e.runs.add(p.run);
    if (p.last !== undefined && (e.last === undefined || p.last > e.last)) e.last = p.last;
    out.set(p.value, e);
  }
  return [...out].map(([value, e]) => ({ value, runs: e.runs.size, ...(e.last !== undefined ? { last: e.last } : {}) }));
}

/** The runs a graph node reaches, and when a run finished (its input position when it has no time), for ranking. */
function runsOfGraph(g: LineageGraph) {
  const ix = indexGraph(g);
  const finished = (run: string): string | undefined => ix.runs.get(run)?.finishedOn;
  // A dataset node is shared by the runs that recorded it: its runs are those its edges reach.
  const runsOf = (key: string): string[] => {
    const runs = (ix.out.get(key) ?? []).map((e) => (e.kind === 'feeds' ? e.to : ix.steps.get(e.to)?.run)).filter((r): r is string => r !== undefined);
    return runs.length ? [...new Set(runs)] : [key];
  };
  return { ix, finished, runsOf };
}

const at = (last: string | undefined) => (last !== undefined ? { last } : {});

/** Over the records given: which part of a metric question matched nothing. */
export function whyNoMetric(g: LineageGraph, q: MetricQuery): NoMatch {
  const { ix, finished } = runsOfGraph(g);
  const seen = (ms: typeof g.metrics, value: (m: (typeof g.metrics)[number]) => string | undefined) =>
    tally(ms.flatMap((m) => {
      const v = value(m);
      return v === undefined ? [] : [{ value: v, run: m.run, ...at(finished(m.run)) }];
    }));
  const named = ix.metricsByName.get(q.name) ?? [];
  if (named.length === 0) return { part: 'metric', asked: q.name, known: seen(g.metrics, (m) => m.name) };
  const split = q.split === undefined ? named : named.filter((m) => m.split === q.split);
  if (split.length === 0) return { part: 'split', metric: q.name, asked: q.split!, known: seen(named, (m) => m.split ?? '') };
  if (q.epoch !== undefined && !split.some((m) => m.epoch === q.epoch)) {
    return { part: 'epoch', metric: q.name, ...(q.split !== undefined ? { split: q.split } : {}), asked: q.epoch, known: seen(split, (m) => (m.epoch === undefined ? undefined : String(m.epoch))) };
  }
  return { part: 'none' };
}

/** Over the records given: whether the dataset id or its version matched nothing. */
export function whyNoDataset(g: LineageGraph, ref: string): NoMatch {
  const { ix, finished, runsOf } = runsOfGraph(g);
  const { id, version } = parseDatasetRef(g, ref);
  const seen = (ds: typeof g.datasets, value: (d: (typeof g.datasets)[number]) => string) =>
    tally(ds.flatMap((d) => runsOf(d.key).map((run) => ({ value: value(d), run, ...at(finished(run)) }))));
  const nodes = ix.datasetsById.get(id) ?? [];
  if (nodes.length === 0) return { part: 'dataset', asked: id, known: seen(g.datasets, (d) => d.id) };
  if (version !== undefined) return { part: 'version', dataset: id, asked: version, known: seen(nodes, (d) => d.version ?? '') };
  return { part: 'none' };
}
