/**
 * Which way a metric is better, so a change against the base record reads as an
 * improvement or a regression. Guessed from the metric's name, overridden per metric
 * by the policy file (`rules.metrics.directions`) and by the action's
 * `metric-directions` input.
 */
import { InputError } from '../errors.js';
import { refusedValueShape } from '../redact/messages.js';
import type { MetricDirection } from '../schema/policy.js';
import { valueLines } from '../util/lines.js';

export type Better = 'lower' | 'higher';

export interface DirectionRule {
  better: Better;
  /** Fraction of the base value's magnitude that a worsening must exceed to be flagged. */
  tolerance?: number;
}

export interface DirectionOptions {
  /** Exact metric names (case-insensitive) → rule; wins over the guess from the name. */
  overrides?: Record<string, DirectionRule>;
  /** Default tolerance (fraction of the base value); 0.01 when not given. */
  tolerance?: number;
}

export const DEFAULT_TOLERANCE = 0.01;

/** Words (after splitting the name on `_ - / . :`, spaces and camelCase) for which lower is better. */
const LOWER = new Set(['loss', 'error', 'err', 'mse', 'rmse', 'mae', 'mape', 'smape', 'msle', 'rmsle', 'nll', 'perplexity', 'ppl', 'wer', 'cer', 'ter', 'fid', 'eer', 'logloss', 'hamming']);
/** Words for which higher is better. */
const HIGHER = new Set(['accuracy', 'acc', 'f1', 'auc', 'auroc', 'auprc', 'roc', 'precision', 'recall', 'bleu', 'rouge', 'rouge1', 'rouge2', 'rougel', 'rougelsum', 'meteor', 'chrf', 'map', 'ndcg', 'mrr', 'iou', 'miou', 'dice', 'r2', 'top1', 'top5', 'em', 'exact', 'sensitivity', 'specificity', 'kappa', 'mcc', 'bertscore', 'spearman', 'pearson']);

/** The name's words, split on separators, and also on camelCase (`trainLoss`, but `mAP` whole). */
function words(name: string): string[] {
  const split = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return [...split(name), ...split(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'))];
}

/**
 * The built-in guess, undefined when the name says nothing. An error word wins over a
 * score word (`top1_error`, `f1_loss` are errors of a score).
 */
export function guessDirection(name: string): Better | undefined {
  const ws = words(name);
  if (ws.some((w) => LOWER.has(w))) return 'lower';
  if (ws.some((w) => HIGHER.has(w))) return 'higher';
  return undefined;
}

/**
 * Direction overrides as the action's `metric-directions` input and the CLI's
 * `--metric-directions` spell them: one `NAME: lower|higher [TOLERANCE%]` a line (`=`
 * works as well as `:`; the name is everything before the last one; blank lines and
 * `# comments` are skipped). `label` names the input or option in the error. The refused
 * line is not quoted back (it may be a pasted secret), only its shape.
 */
export function parseDirectionLines(text: string, label: string): Record<string, MetricDirection> | undefined {
  const out: Record<string, MetricDirection> = {};
  for (const [index, line] of valueLines(text).entries()) {
    const m = /^(.+)[:=]\s*(lower|higher)(?:\s+(\d+(?:\.\d+)?)\s*%)?$/i.exec(line);
    const name = m?.[1]?.trim();
    if (!m || !name) {
      throw new InputError('bad-metric-directions', `${label}: cannot read line ${index + 1} ${refusedValueShape(line)}`, {
        fix: 'write one `NAME: lower` or `NAME: higher` a line, optionally with a tolerance such as `NAME: lower 2%`',
        fields: [label.replace(/^input /, '')],
      });
    }
    const better = m[2]!.toLowerCase() as 'lower' | 'higher';
    out[name] = m[3] !== undefined ? { better, tolerance: Number(m[3]) / 100 } : better;
  }
  return Object.keys(out).length ? out : undefined;
}

export function normaliseRule(d: MetricDirection): DirectionRule {
  return typeof d === 'string' ? { better: d } : { better: d.better, ...(d.tolerance !== undefined ? { tolerance: d.tolerance } : {}) };
}

/** Merge override maps; later maps win (policy file first, then the action input). */
export function mergeOverrides(...maps: Array<Record<string, MetricDirection> | undefined>): Record<string, DirectionRule> {
  const out: Record<string, DirectionRule> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) out[k.toLowerCase()] = normaliseRule(v);
  return out;
}

export function ruleFor(name: string, opts: DirectionOptions = {}): DirectionRule | undefined {
  const o = opts.overrides?.[name.toLowerCase()];
  if (o) return o;
  const better = guessDirection(name);
  return better ? { better } : undefined;
}

export type Verdict = 'better' | 'worse' | 'regression' | 'same' | 'unknown';

/**
 * How a change reads: `regression` when it moved the wrong way by more than the
 * tolerance (a fraction of |before|; with a base of 0 any worsening counts),
 * `worse` within the tolerance, `better`, `same`, or `unknown` without a direction.
 */
export function judgeChange(name: string, before: number, after: number, opts: DirectionOptions = {}): Verdict {
  if (before === after) return 'same';
  const rule = ruleFor(name, opts);
  if (!rule) return 'unknown';
  const improved = rule.better === 'lower' ? after < before : after > before;
  if (improved) return 'better';
  const tolerance = rule.tolerance ?? opts.tolerance ?? DEFAULT_TOLERANCE;
  return Math.abs(after - before) > tolerance * Math.abs(before) ? 'regression' : 'worse';
}
