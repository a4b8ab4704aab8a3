import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  refusedValueShape
} from "./chunk-7HOGFP5I.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/lines.ts
function valueLines(text) {
  return text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s && !s.startsWith("#"));
}
__name(valueLines, "valueLines");

// src/render/metric-direction.ts
var DEFAULT_TOLERANCE = 0.01;
var LOWER = /* @__PURE__ */ new Set(["loss", "error", "err", "mse", "rmse", "mae", "mape", "smape", "msle", "rmsle", "nll", "perplexity", "ppl", "wer", "cer", "ter", "fid", "eer", "logloss", "hamming"]);
var HIGHER = /* @__PURE__ */ new Set(["accuracy", "acc", "f1", "auc", "auroc", "auprc", "roc", "precision", "recall", "bleu", "rouge", "rouge1", "rouge2", "rougel", "rougelsum", "meteor", "chrf", "map", "ndcg", "mrr", "iou", "miou", "dice", "r2", "top1", "top5", "em", "exact", "sensitivity", "specificity", "kappa", "mcc", "bertscore", "spearman", "pearson"]);
function words(name) {
  const split = /* @__PURE__ */ __name((s) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean), "split");
  return [...split(name), ...split(name.replace(/([a-z0-9])([A-Z])/g, "$1 $2"))];
}
__name(words, "words");
function guessDirection(name) {
  const ws = words(name);
  if (ws.some((w) => LOWER.has(w))) return "lower";
  if (ws.some((w) => HIGHER.has(w))) return "higher";
  return void 0;
}
__name(guessDirection, "guessDirection");
function parseDirectionLines(text, label) {
  const out = {};
  for (const [index, line] of valueLines(text).entries()) {
    const m = /^(.+)[:=]\s*(lower|higher)(?:\s+(\d+(?:\.\d+)?)\s*%)?$/i.exec(line);
    const name = m?.[1]?.trim();
    if (!m || !name) {
      throw new InputError("bad-metric-directions", `${label}: cannot read line ${index + 1} ${refusedValueShape(line)}`, {
        fix: "write one `NAME: lower` or `NAME: higher` a line, optionally with a tolerance such as `NAME: lower 2%`",
        fields: [label.replace(/^input /, "")]
      });
    }
    const better = m[2].toLowerCase();
    out[name] = m[3] !== void 0 ? { better, tolerance: Number(m[3]) / 100 } : better;
  }
  return Object.keys(out).length ? out : void 0;
}
__name(parseDirectionLines, "parseDirectionLines");
function normaliseRule(d) {
  return typeof d === "string" ? { better: d } : { better: d.better, ...d.tolerance !== void 0 ? { tolerance: d.tolerance } : {} };
}
__name(normaliseRule, "normaliseRule");
function mergeOverrides(...maps) {
  const out = {};
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) out[k.toLowerCase()] = normaliseRule(v);
  return out;
}
__name(mergeOverrides, "mergeOverrides");
function ruleFor(name, opts = {}) {
  const o = opts.overrides?.[name.toLowerCase()];
  if (o) return o;
  const better = guessDirection(name);
  return better ? { better } : void 0;
}
__name(ruleFor, "ruleFor");
function judgeChange(name, before, after, opts = {}) {
  if (before === after) return "same";
  const rule = ruleFor(name, opts);
  if (!rule) return "unknown";
  const improved = rule.better === "lower" ? after < before : after > before;
  if (improved) return "better";
  const tolerance = rule.tolerance ?? opts.tolerance ?? DEFAULT_TOLERANCE;
  return Math.abs(after - before) > tolerance * Math.abs(before) ? "regression" : "worse";
}
__name(judgeChange, "judgeChange");

export {
  valueLines,
  parseDirectionLines,
  mergeOverrides,
  judgeChange
};
