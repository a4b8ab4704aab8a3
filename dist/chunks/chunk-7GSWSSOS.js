import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  latestByEpoch
} from "./chunk-3HTINU5N.js";
import {
  termLine
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/queries.ts
var cache = /* @__PURE__ */ new WeakMap();
function push(m, k, v) {
  const list2 = m.get(k);
  if (list2) list2.push(v);
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
    stepsByRun: /* @__PURE__ */ new Map(),
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
  for (const s of g.steps) push(ix.stepsByRun, s.run, s);
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
function runLineage(g, runKey) {
  const ix = indexGraph(g);
  const run = ix.runs.get(runKey);
  if (!run) throw new RangeError(`no run ${runKey} in the graph`);
  const datasets = /* @__PURE__ */ new Map();
  const derived = /* @__PURE__ */ new Map();
  const steps = /* @__PURE__ */ new Map();
  const stack = (ix.in.get(runKey) ?? []).filter((e) => e.kind === "feeds").map((e) => e.from);
  const seen = /* @__PURE__ */ new Set();
  const upstream = [];
  while (stack.length) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const ds = ix.datasets.get(key);
    if (ds) {
      (ds.derived ? derived : datasets).set(key, ds);
      for (const e of ix.in.get(key) ?? []) if (e.kind === "output") stack.push(e.from);
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
  for (const s of ix.stepsByRun.get(runKey) ?? []) steps.set(s.key, s);
  const out = ix.out.get(runKey) ?? [];
  const models = out.filter((e) => e.kind === "produced").map((e) => ix.models.get(e.to));
  const metrics = out.filter((e) => e.kind === "measured").map((e) => ix.metrics.get(e.to));
  const byKey = /* @__PURE__ */ __name((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0, "byKey");
  return {
    run,
    datasets: [...datasets.values()].sort(byKey),
    derived: [...derived.values()].sort(byKey),
    steps: [...steps.values()].sort((a, b) => stepIndex(a) - stepIndex(b)),
    models: [...new Set(models)],
    metrics,
    upstreamRuns: upstream.map((k) => ix.runs.get(k))
  };
}
__name(runLineage, "runLineage");
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
      lineage = runLineage(g, metric.run);
      lineages.set(metric.run, lineage);
    }
    return { metric, lineage };
  });
}
__name(datasetsForMetric, "datasetsForMetric");
function parseDatasetRef(g, ref) {
  const ix = indexGraph(g);
  if (ix.datasetsById.has(ref)) return { id: ref };
  const at = ref.lastIndexOf("@");
  if (at > 0) return { id: ref.slice(0, at), version: ref.slice(at + 1) };
  return { id: ref };
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
      out.push({ dataset, run: ix.runs.get(runKey), models: [...new Set(models)] });
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
      if (e.kind === "produced") out.push({ model, lineage: runLineage(g, e.from) });
    }
  }
  return out;
}
__name(modelOrigins, "modelOrigins");

// src/lineage/render.ts
var MAX_MODEL_NODES = 4;
function datasetLabel(d) {
  return d.version ? `${d.id}@${d.version}` : d.id;
}
__name(datasetLabel, "datasetLabel");
function shortDigest(digest, n = 12) {
  if (!digest) return "-";
  const [alg, hex] = digest.includes(":") ? digest.split(":", 2) : ["sha256", digest];
  return `${alg}:${hex.slice(0, n)}`;
}
__name(shortDigest, "shortDigest");
function runLabel(r) {
  const inv = r.invocationId;
  const gh = inv ? /\/actions\/runs\/(\d+)(?:\/attempts\/(\d+))?/.exec(inv) : null;
  if (gh) return `run ${gh[1]}${gh[2] && gh[2] !== "1" ? ` (attempt ${gh[2]})` : ""}`;
  return inv ?? r.source ?? `run ${r.index + 1}`;
}
__name(runLabel, "runLabel");
function metricLabel(m) {
  const where = [m.split, m.epoch !== void 0 ? `epoch ${m.epoch}` : void 0].filter(Boolean).join(", ");
  return `${m.name}${where ? ` (${where})` : ""} = ${formatNumber(m.value)}`;
}
__name(metricLabel, "metricLabel");
function formatNumber(v) {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
__name(formatNumber, "formatNumber");
function subgraph(g, runKeys) {
  const keep = /* @__PURE__ */ new Set();
  for (const key of runKeys) {
    const l = runLineage(g, key);
    keep.add(key);
    for (const n of [...l.datasets, ...l.derived, ...l.steps, ...l.models, ...l.metrics]) keep.add(n.key);
  }
  return {
    datasets: g.datasets.filter((n) => keep.has(n.key)),
    runs: g.runs.filter((n) => keep.has(n.key)),
    steps: g.steps.filter((n) => keep.has(n.key)),
    models: g.models.filter((n) => keep.has(n.key)),
    metrics: g.metrics.filter((n) => keep.has(n.key)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to))
  };
}
__name(subgraph, "subgraph");
function picture(g) {
  const ix = indexGraph(g);
  const ids = /* @__PURE__ */ new Map();
  const id = /* @__PURE__ */ __name((key) => {
    let v = ids.get(key);
    if (!v) {
      v = `n${ids.size}`;
      ids.set(key, v);
    }
    return v;
  }, "id");
  const pic = { nodes: [], edges: [] };
  const seenEdge = /* @__PURE__ */ new Set();
  const edge = /* @__PURE__ */ __name((from, to) => {
    const k = `${from}>${to}`;
    if (!seenEdge.has(k)) {
      seenEdge.add(k);
      pic.edges.push({ from, to });
    }
  }, "edge");
  for (const d of g.datasets) {
    pic.nodes.push({ id: id(d.key), kind: "dataset", lines: [datasetLabel(d), ...d.digest ? [shortDigest(d.digest)] : []] });
  }
  for (const s of g.steps) {
    const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : void 0;
    pic.nodes.push({ id: id(s.key), kind: "step", lines: [s.name, ...lib ? [lib] : []] });
  }
  for (const r of g.runs) pic.nodes.push({ id: id(r.key), kind: "run", lines: [runLabel(r)] });
  for (const e of g.edges) {
    if (e.kind === "input" || e.kind === "output" || e.kind === "feeds") edge(id(e.from), id(e.to));
  }
  const modelNodeDone = /* @__PURE__ */ new Set();
  for (const r of g.runs) {
    const out = ix.out.get(r.key) ?? [];
    const models = [...new Set(out.filter((e) => e.kind === "produced").map((e) => ix.models.get(e.to)))];
    let metricsFrom = id(r.key);
    if (models.length > MAX_MODEL_NODES) {
      const fold = id(`${r.key}/models`);
      pic.nodes.push({ id: fold, kind: "model", lines: [`${commonDir(models)} (${models.length} files)`] });
      edge(id(r.key), fold);
      metricsFrom = fold;
    } else {
      for (const m of models) {
        if (!modelNodeDone.has(m.key)) {
          modelNodeDone.add(m.key);
          pic.nodes.push({ id: id(m.key), kind: "model", lines: [m.paths[0] ?? m.sha256, shortDigest(`sha256:${m.sha256}`)] });
        }
        edge(id(r.key), id(m.key));
      }
      if (models.length === 1) metricsFrom = id(models[0].key);
    }
    const metrics = finalMetrics(out.filter((e) => e.kind === "measured").map((e) => ix.metrics.get(e.to)));
    if (metrics.length) {
      const mid = id(`${r.key}/metrics`);
      pic.nodes.push({ id: mid, kind: "metrics", lines: metrics.map(metricLabel) });
      edge(metricsFrom, mid);
    }
  }
  return pic;
}
__name(picture, "picture");
function commonDir(models) {
  const paths = models.map((m) => m.paths[0] ?? "");
  let prefix = paths[0] ?? "";
  for (const p of paths) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const slash = prefix.lastIndexOf("/");
  return slash > 0 ? `${prefix.slice(0, slash)}/` : "model files";
}
__name(commonDir, "commonDir");
function mermaidEscape(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/`/g, "#96;");
}
__name(mermaidEscape, "mermaidEscape");
var MERMAID_SHAPES = {
  dataset: ["[(", ")]"],
  step: ["[[", "]]"],
  run: ["([", "])"],
  model: ["[/", "/]"],
  metrics: ["{{", "}}"]
};
function renderMermaid(g) {
  const pic = picture(g);
  const lines = ["flowchart LR"];
  for (const n of pic.nodes) {
    const [open, close] = MERMAID_SHAPES[n.kind];
    lines.push(`  ${n.id}${open}"${n.lines.map(mermaidEscape).join("<br/>")}"${close}`);
  }
  for (const e of pic.edges) lines.push(`  ${e.from} --> ${e.to}`);
  const byKind = /* @__PURE__ */ new Map();
  for (const n of pic.nodes) byKind.set(n.kind, [...byKind.get(n.kind) ?? [], n.id]);
  const styles = {
    dataset: "fill:#e8f1fb,stroke:#3b7dd8",
    step: "fill:#f4f4f4,stroke:#888",
    run: "fill:#fff4d6,stroke:#c99a06",
    model: "fill:#e6f6ea,stroke:#2e8b57",
    metrics: "fill:#f6e8fb,stroke:#8e44ad"
  };
  for (const [kind, nodes] of byKind) {
    lines.push(`  classDef ${kind} ${styles[kind]}`);
    lines.push(`  class ${nodes.join(",")} ${kind}`);
  }
  return `${lines.join("\n")}
`;
}
__name(renderMermaid, "renderMermaid");
function dotEscape(text) {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ");
}
__name(dotEscape, "dotEscape");
var DOT_SHAPES = {
  dataset: "cylinder",
  step: "box",
  run: "ellipse",
  model: "parallelogram",
  metrics: "note"
};
function renderDot(g) {
  const pic = picture(g);
  const lines = ["digraph lineage {", "  rankdir=LR;", '  node [fontname="Helvetica"];'];
  for (const n of pic.nodes) {
    lines.push(`  ${n.id} [shape=${DOT_SHAPES[n.kind]}, label="${n.lines.map(dotEscape).join("\\n")}"];`);
  }
  for (const e of pic.edges) lines.push(`  ${e.from} -> ${e.to};`);
  lines.push("}");
  return `${lines.join("\n")}
`;
}
__name(renderDot, "renderDot");
function textTable(rawHeaders, rawRows) {
  const headers = rawHeaders.map(termLine);
  const rows = rawRows.map((r) => r.map(termLine));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = /* @__PURE__ */ __name((cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd(), "fmt");
  return [fmt(headers), fmt(widths.map((w) => "-".repeat(w))), ...rows.map(fmt)].join("\n") + "\n";
}
__name(textTable, "textTable");
var list = /* @__PURE__ */ __name((xs) => xs.length ? xs.join(", ") : "-", "list");
function renderMetricAnswers(answers) {
  return textTable(
    ["metric", "value", "run", "datasets"],
    answers.map(({ metric, lineage }) => [
      metricLabel(metric).replace(/ = .*$/, ""),
      formatNumber(metric.value),
      runLabel(lineage.run),
      list(lineage.datasets.map((d) => `${datasetLabel(d)} ${shortDigest(d.digest)}`))
    ])
  );
}
__name(renderMetricAnswers, "renderMetricAnswers");
function renderDatasetAnswers(answers) {
  return textTable(
    ["dataset", "digest", "run", "models"],
    answers.map((a) => [
      datasetLabel(a.dataset),
      shortDigest(a.dataset.digest),
      runLabel(a.run),
      list(a.models.map((m) => `${m.paths[0] ?? ""} ${shortDigest(`sha256:${m.sha256}`)}`))
    ])
  );
}
__name(renderDatasetAnswers, "renderDatasetAnswers");
function renderModelAnswers(answers) {
  return textTable(
    ["model", "digest", "run", "datasets", "steps", "final metrics"],
    answers.map(({ model, lineage }) => [
      model.paths.join(" | "),
      shortDigest(`sha256:${model.sha256}`),
      runLabel(lineage.run),
      list(lineage.datasets.map((d) => `${datasetLabel(d)} ${shortDigest(d.digest)}`)),
      list(lineage.steps.map((s) => s.name)),
      list(finalMetrics(lineage.metrics).map(metricLabel))
    ])
  );
}
__name(renderModelAnswers, "renderModelAnswers");
function renderGraphTable(g) {
  return textTable(
    ["run", "datasets", "steps", "models", "final metrics"],
    g.runs.map((r) => {
      const l = runLineage(g, r.key);
      return [
        runLabel(r),
        list(l.datasets.map(datasetLabel)),
        list(l.steps.map((s) => s.name)),
        list(l.models.length > MAX_MODEL_NODES ? [`${commonDir(l.models)} (${l.models.length} files)`] : l.models.map((m) => m.paths[0] ?? m.sha256)),
        list(finalMetrics(l.metrics).map(metricLabel))
      ];
    })
  );
}
__name(renderGraphTable, "renderGraphTable");

export {
  datasetsForMetric,
  modelsUsingDataset,
  parseModelRef,
  modelOrigins,
  datasetLabel,
  subgraph,
  renderMermaid,
  renderDot,
  textTable,
  renderMetricAnswers,
  renderDatasetAnswers,
  renderModelAnswers,
  renderGraphTable
};
