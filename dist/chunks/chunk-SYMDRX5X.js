import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  resolveDatasetRef
} from "./chunk-VLIFT7NW.js";
import {
  latestByEpoch
} from "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/queries.ts
var cache = /* @__PURE__ */ new WeakMap();
function push(m, k, v) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
__name(push, "push");
function indexGraph(g) {
  const hit = cache.get(g);
  if (hit) return hit;
  const ix = {
    in: /* @__PURE__ */ new Map(),
    out: /* @__PURE__ */ new Map(),
    datasets: new Map(g.datasets.map((d) => [d.key, d])),
    datasetsById: /* @__PURE__ */ new Map(),
    datasetsByContent: /* @__PURE__ */ new Map(),
    runs: new Map(g.runs.map((r) => [r.key, r])),
    steps: new Map(g.steps.map((s) => [s.key, s])),
    models: new Map(g.models.map((m) => [m.key, m])),
    modelsBySha: new Map(g.models.map((m) => [m.sha256, m])),
    modelsByPath: /* @__PURE__ */ new Map(),
    metrics: new Map(g.metrics.map((m) => [m.key, m])),
    metricsByName: /* @__PURE__ */ new Map()
  };
  for (const e of g.edges) {
    push(ix.out, e.from, e);
    push(ix.in, e.to, e);
  }
  for (const d of g.datasets) {
    push(ix.datasetsById, d.id, d);
    if (d.digest?.startsWith("sha256:")) push(ix.datasetsByContent, d.digest, d);
  }
  for (const m of g.models) for (const p of m.paths) push(ix.modelsByPath, p, m);
  for (const m of g.metrics) push(ix.metricsByName, m.name, m);
  cache.set(g, ix);
  return ix;
}
__name(indexGraph, "indexGraph");
function sameContent(ix, d) {
  return d.digest?.startsWith("sha256:") ? (ix.datasetsByContent.get(d.digest) ?? []).filter((x) => x.key !== d.key) : [];
}
__name(sameContent, "sameContent");
function runLineage(g, runKey, opts = {}) {
  return walkLineage(g, runKey, opts).lineage;
}
__name(runLineage, "runLineage");
function writtenInRun(ix, runKey, model) {
  return (ix.datasetsByContent.get(`sha256:${model.sha256}`) ?? []).filter((d) => (ix.in.get(d.key) ?? []).some((e) => e.kind === "output" && ix.steps.get(e.from)?.run === runKey)).map((d) => d.key);
}
__name(writtenInRun, "writtenInRun");
function walkLineage(g, runKey, opts) {
  const ix = indexGraph(g);
  const run = ix.runs.get(runKey);
  if (!run) throw new RangeError(`no run ${runKey} in the graph`);
  const datasets = /* @__PURE__ */ new Map();
  const derived = /* @__PURE__ */ new Map();
  const steps = /* @__PURE__ */ new Map();
  const out = ix.out.get(runKey) ?? [];
  const made = new Set(out.filter((e) => e.kind === "produced").map((e) => `sha256:${ix.models.get(e.to).sha256}`));
  const starts = /* @__PURE__ */ __name((e) => e.kind === "feeds" || opts.evaluation === true && e.kind === "evaluates", "starts");
  const own = opts.model ? writtenInRun(ix, runKey, opts.model) : [];
  const stack = own.length > 0 ? own : (ix.in.get(runKey) ?? []).filter(starts).map((e) => e.from);
  const seen = /* @__PURE__ */ new Set();
  const upstream = [];
  while (stack.length) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const ds = ix.datasets.get(key);
    if (ds) {
      for (const e of ix.in.get(key) ?? []) if (e.kind === "output") stack.push(e.from);
      if (ds.digest && made.has(ds.digest)) continue;
      (ds.derived ? derived : datasets).set(key, ds);
      for (const other of sameContent(ix, ds)) {
        if ((ix.in.get(other.key) ?? []).some((e) => e.kind === "output")) stack.push(other.key);
      }
      continue;
    }
    const step = ix.steps.get(key);
    if (step) {
      steps.set(key, step);
      if (step.run !== runKey && !upstream.includes(step.run)) upstream.push(step.run);
      for (const e of ix.in.get(key) ?? []) if (e.kind === "input") stack.push(e.from);
    }
  }
  const models = out.filter((e) => e.kind === "produced").map((e) => ix.models.get(e.to));
  const metrics = out.filter((e) => e.kind === "measured").map((e) => ix.metrics.get(e.to));
  const byKey = /* @__PURE__ */ __name((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0, "byKey");
  const lineage = {
    run,
    datasets: [...datasets.values()].sort(byKey),
    derived: [...derived.values()].sort(byKey),
    steps: [...steps.values()].sort((a, b) => stepIndex(a) - stepIndex(b)),
    models: [...new Set(models)],
    metrics,
    upstreamRuns: upstream.map((k) => ix.runs.get(k))
  };
  return { lineage, seen };
}
__name(walkLineage, "walkLineage");
function stepIndex(s) {
  return Number(s.key.slice(s.key.lastIndexOf(":") + 1));
}
__name(stepIndex, "stepIndex");
function finalMetrics(metrics) {
  return [...latestByEpoch(metrics, (m) => `${m.run}\0${m.name}\0${m.split ?? ""}`).values()];
}
__name(finalMetrics, "finalMetrics");
function datasetsForMetric(g, q) {
  const ix = indexGraph(g);
  let hits = (ix.metricsByName.get(q.name) ?? []).filter((m) => q.split === void 0 || m.split === q.split);
  hits = q.epoch === void 0 ? finalMetrics(hits) : hits.filter((m) => m.epoch === q.epoch);
  const lineages = /* @__PURE__ */ new Map();
  return hits.map((metric) => {
    let lineage = lineages.get(metric.run);
    if (!lineage) {
      lineage = runLineage(g, metric.run, { evaluation: true });
      lineages.set(metric.run, lineage);
    }
    return { metric, lineage };
  });
}
__name(datasetsForMetric, "datasetsForMetric");
function parseDatasetRef(g, ref) {
  const ix = indexGraph(g);
  return resolveDatasetRef(ref, (id) => ix.datasetsById.has(id));
}
__name(parseDatasetRef, "parseDatasetRef");
function modelsUsingDataset(g, ref) {
  const ix = indexGraph(g);
  const { id, version } = parseDatasetRef(g, ref);
  const nodes = (ix.datasetsById.get(id) ?? []).filter((d) => version === void 0 || d.version === version);
  const out = [];
  for (const dataset of nodes) {
    const runs = /* @__PURE__ */ new Set();
    const stack = [dataset.key];
    const seen = /* @__PURE__ */ new Set();
    while (stack.length) {
      const key = stack.pop();
      if (seen.has(key)) continue;
      seen.add(key);
      for (const e of ix.out.get(key) ?? []) {
        if (e.kind === "feeds") runs.add(e.to);
        else if (e.kind === "input") {
          const step = ix.steps.get(e.to);
          if (step) runs.add(step.run);
          stack.push(e.to);
        } else if (e.kind === "output") {
          stack.push(e.to);
          const out2 = ix.datasets.get(e.to);
          if (out2) for (const other of sameContent(ix, out2)) stack.push(other.key);
        }
      }
    }
    for (const runKey of [...runs].sort((a, b) => ix.runs.get(a).index - ix.runs.get(b).index)) {
      const models = (ix.out.get(runKey) ?? []).filter((e) => e.kind === "produced").map((e) => ix.models.get(e.to));
      const mine = [...new Set(models)].filter((m) => dataset.digest === `sha256:${m.sha256}` || walkLineage(g, runKey, { model: m }).seen.has(dataset.key));
      out.push({ dataset, run: ix.runs.get(runKey), models: mine });
    }
  }
  return out;
}
__name(modelsUsingDataset, "modelsUsingDataset");
function parseModelRef(ref) {
  const m = /^(?:sha256:)?([a-f0-9]{64})$/i.exec(ref.trim());
  return m ? { sha256: m[1].toLowerCase() } : { path: ref };
}
__name(parseModelRef, "parseModelRef");
function modelOrigins(g, ref) {
  const ix = indexGraph(g);
  let models;
  if ("sha256" in ref) {
    const m = ix.modelsBySha.get(ref.sha256);
    models = m ? [m] : [];
  } else {
    const p = ref.path.replace(/^\.\//, "");
    models = ix.modelsByPath.get(p) ?? [];
  }
  const out = [];
  for (const model of models) {
    for (const e of ix.in.get(model.key) ?? []) {
      if (e.kind === "produced") out.push({ model, lineage: runLineage(g, e.from, { model }) });
    }
  }
  return out;
}
__name(modelOrigins, "modelOrigins");

export {
  indexGraph,
  runLineage,
  finalMetrics,
  datasetsForMetric,
  parseDatasetRef,
  modelsUsingDataset,
  parseModelRef,
  modelOrigins
};
