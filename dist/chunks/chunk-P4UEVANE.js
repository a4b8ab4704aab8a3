import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  fmtNumber
} from "./chunk-NUK3A53C.js";
import {
  finalMetrics,
  indexGraph,
  runLineage
} from "./chunk-SYMDRX5X.js";
import {
  statementRunId
} from "./chunk-VUH2MMAD.js";
import {
  outputDatasets,
  runFlow
} from "./chunk-O4K44SJ3.js";
import {
  textTable
} from "./chunk-DIIYQ2ZF.js";
import {
  datasetUri
} from "./chunk-VLIFT7NW.js";
import {
  gitCommit
} from "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/graph.ts
function firstDigest(d) {
  if (d.digest?.sha256) return `sha256:${d.digest.sha256}`;
  const algs = Object.keys(d.digest ?? {}).sort();
  const alg = algs[0];
  return alg ? `${alg}:${d.digest[alg]}` : void 0;
}
__name(firstDigest, "firstDigest");
function datasetKey(id, version, digest) {
  return `dataset:${id}@${version ?? ""}#${digest ?? ""}`;
}
__name(datasetKey, "datasetKey");
function graphFromStatements(input) {
  const g = { datasets: [], runs: [], steps: [], models: [], metrics: [], edges: [] };
  const datasets = /* @__PURE__ */ new Map();
  const models = /* @__PURE__ */ new Map();
  const modelPaths = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  let index = -1;
  for (const item of input) {
    const { statement, source, digest } = "statement" in item ? item : { statement: item, source: void 0, digest: void 0 };
    const p = statement.predicate;
    const runKey = `sha256:${digest ?? statementRunId({ statement })}`;
    if (seen.has(runKey)) continue;
    seen.add(runKey);
    index++;
    const gitCommit2 = gitCommit(statement);
    g.runs.push({
      key: runKey,
      index,
      ...source ? { source } : {},
      ...p.runDetails.metadata.invocationId ? { invocationId: p.runDetails.metadata.invocationId } : {},
      builder: p.runDetails.builder.id,
      ...p.runDetails.metadata.startedOn ? { startedOn: p.runDetails.metadata.startedOn } : {},
      ...p.runDetails.metadata.finishedOn ? { finishedOn: p.runDetails.metadata.finishedOn } : {},
      ...p.buildDefinition.externalParameters.command ? { command: p.buildDefinition.externalParameters.command } : {},
      ...gitCommit2 ? { gitCommit: gitCommit2 } : {}
    });
    const local = /* @__PURE__ */ new Map();
    const addDataset = /* @__PURE__ */ __name((node) => {
      const existing = datasets.get(node.key);
      if (!existing) {
        datasets.set(node.key, node);
        g.datasets.push(node);
      } else if (!node.derived && existing.derived) {
        existing.derived = false;
      }
      local.set(node.id, node.key);
      return node.key;
    }, "addDataset");
    for (const d of p.datasets) {
      const digest2 = firstDigest(d);
      addDataset({
        key: datasetKey(d.id, d.version, digest2),
        id: d.id,
        ...d.version ? { version: d.version } : {},
        ...digest2 ? { digest: digest2 } : {},
        // One URI form for old and new records (src/util/file-uri.ts), as the store holds it.
        uri: datasetUri(d),
        ...d.license ? { license: d.license } : {},
        derived: false
      });
    }
    const resolve = /* @__PURE__ */ __name((id) => local.get(id) ?? addDataset({ key: `${runKey}/derived:${id}`, id, derived: true }), "resolve");
    p.steps.forEach((s, i) => {
      const key = `${runKey}/step:${i}`;
      g.steps.push({
        key,
        run: runKey,
        name: s.name,
        ...s.library ? { library: s.library } : {},
        ...s.version ? { version: s.version } : {},
        ...s.parameters ? { parameters: s.parameters } : {}
      });
      for (const id of s.inputs ?? []) g.edges.push({ from: resolve(id), to: key, kind: "input" });
      for (const id of s.outputs ?? []) {
        g.edges.push({ from: key, to: resolve(id), kind: "output" });
      }
    });
    const flow = runFlow(p.steps, p.datasets.map((d) => d.id), outputDatasets(p.datasets, statement.subject));
    for (const id of flow.datasets) g.edges.push({ from: resolve(id), to: runKey, kind: "feeds" });
    for (const i of flow.steps) g.edges.push({ from: `${runKey}/step:${i}`, to: runKey, kind: "feeds" });
    for (const i of flow.after) g.edges.push({ from: `${runKey}/step:${i}`, to: runKey, kind: "evaluates" });
    for (const s of statement.subject) {
      const sha = s.digest.sha256;
      const key = `model:${sha}`;
      let node = models.get(key);
      if (!node) {
        node = { key, sha256: sha, paths: [] };
        models.set(key, node);
        modelPaths.set(key, /* @__PURE__ */ new Set());
        g.models.push(node);
      }
      const paths = modelPaths.get(key);
      if (!paths.has(s.name)) {
        paths.add(s.name);
        node.paths.push(s.name);
      }
      g.edges.push({ from: runKey, to: key, kind: "produced" });
    }
    p.metrics.forEach((m, i) => {
      const key = `${runKey}/metric:${i}`;
      g.metrics.push({
        key,
        run: runKey,
        name: m.name,
        value: m.value,
        ...m.epoch !== void 0 ? { epoch: m.epoch } : {},
        ...m.step !== void 0 ? { step: m.step } : {},
        ...m.split !== void 0 ? { split: m.split } : {}
      });
      g.edges.push({ from: runKey, to: key, kind: "measured" });
    });
  }
  return g;
}
__name(graphFromStatements, "graphFromStatements");

// src/render/lineage.ts
var MAX_MODEL_NODES = 4;
var MAX_DATASET_NODES = 3;
var MAX_METRIC_LINES = 6;
var MAX_LABEL_CHARS = 24;
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
  return `${m.name}${where ? ` (${where})` : ""} = ${fmtNumber(m.value)}`;
}
__name(metricLabel, "metricLabel");
function subgraph(g, runKeys, models) {
  const keep = /* @__PURE__ */ new Set();
  for (const key of runKeys) {
    const mine = models?.filter((a) => a.lineage.run.key === key);
    keep.add(key);
    for (const l of mine ? mine.map((a) => runLineage(g, key, { model: a.model })) : [runLineage(g, key, { evaluation: true })]) {
      for (const n of [...l.datasets, ...l.derived, ...l.steps, ...mine ? [] : l.models, ...l.metrics]) keep.add(n.key);
    }
    for (const a of mine ?? []) keep.add(a.model.key);
  }
  const ix = indexGraph(g);
  const own = [];
  for (const a of models ?? []) {
    for (const d of ix.datasetsByContent.get(`sha256:${a.model.sha256}`) ?? []) {
      for (const e of ix.in.get(d.key) ?? []) {
        if (e.kind === "output" && keep.has(e.from) && ix.steps.get(e.from)?.run === a.lineage.run.key) own.push({ from: e.from, to: a.lineage.run.key, kind: "feeds" });
      }
    }
  }
  for (const d of g.datasets) {
    const wroteIt = (ix.in.get(d.key) ?? []).some((e) => e.kind === "output" && keep.has(e.from));
    if (wroteIt && (ix.out.get(d.key) ?? []).some((e) => e.kind === "input" && keep.has(e.to))) keep.add(d.key);
  }
  return {
    datasets: g.datasets.filter((n) => keep.has(n.key)),
    runs: g.runs.filter((n) => keep.has(n.key)),
    steps: g.steps.filter((n) => keep.has(n.key)),
    models: g.models.filter((n) => keep.has(n.key)),
    metrics: g.metrics.filter((n) => keep.has(n.key)),
    edges: [...g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)), ...own.filter((e) => !g.edges.some((x) => x.kind === "feeds" && x.from === e.from && x.to === e.to))]
  };
}
__name(subgraph, "subgraph");
function picture(g, compact = false) {
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
    const name = compact ? [shortenPath(d.id), ...d.version ? [`@${d.version}`] : []] : [datasetLabel(d)];
    pic.nodes.push({ id: id(d.key), kind: "dataset", lines: [...name, ...d.digest ? [shortDigest(d.digest)] : []] });
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
    if (models.length > (compact ? 1 : MAX_MODEL_NODES)) {
      const fold = id(`${r.key}/models`);
      const dir = commonDir(models);
      const names = models.map((m) => (m.paths[0] ?? m.sha256).slice(dir.endsWith("/") ? dir.length : 0));
      const listed = compact ? names.length > MAX_METRIC_LINES ? [...names.slice(0, MAX_METRIC_LINES - 1), `+${names.length - MAX_METRIC_LINES + 1} more`] : names : [];
      pic.nodes.push({ id: fold, kind: "model", lines: compact ? [shortenPath(dir), ...listed.map((n) => shortenPath(n))] : [`${dir} (${models.length} files)`] });
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
      const labels = metrics.map((m) => compact ? compactMetricLabel(m, metrics) : metricLabel(m));
      const shown = compact && labels.length > MAX_METRIC_LINES ? [...labels.slice(0, MAX_METRIC_LINES - 1), `+${labels.length - MAX_METRIC_LINES + 1} more metrics`] : labels;
      pic.nodes.push({ id: mid, kind: "metrics", lines: shown });
      edge(metricsFrom, mid);
      for (const e of ix.in.get(r.key) ?? []) if (e.kind === "evaluates" && ids.has(e.from)) edge(id(e.from), mid);
    }
  }
  return compact ? foldDatasets(pic) : pic;
}
__name(picture, "picture");
function foldDatasets(pic) {
  const produced = new Set(pic.edges.map((e) => e.to));
  const roots = pic.nodes.filter((n) => n.kind === "dataset" && !produced.has(n.id));
  if (roots.length <= MAX_DATASET_NODES) return pic;
  const folded = new Set(roots.slice(MAX_DATASET_NODES - 1).map((n) => n.id));
  const fold = "nmore";
  const nodes = pic.nodes.filter((n) => !folded.has(n.id));
  nodes.splice(nodes.indexOf(roots[MAX_DATASET_NODES - 2]) + 1, 0, { id: fold, kind: "dataset", lines: [`+${folded.size} more datasets`] });
  const seen = /* @__PURE__ */ new Set();
  const edges = [];
  for (const e of pic.edges) {
    const from = folded.has(e.from) ? fold : e.from;
    if (seen.has(`${from}>${e.to}`)) continue;
    seen.add(`${from}>${e.to}`);
    edges.push({ from, to: e.to });
  }
  return { nodes, edges };
}
__name(foldDatasets, "foldDatasets");
function commonDir(models) {
  const paths = models.map((m) => m.paths[0] ?? "");
  let prefix = paths[0] ?? "";
  for (const p of paths) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const slash = prefix.lastIndexOf("/");
  return slash > 0 ? `${prefix.slice(0, slash)}/` : "model files";
}
__name(commonDir, "commonDir");
function mermaidEscape(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/#/g, "#35;").replace(/&/g, "#38;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/`/g, "#96;");
}
__name(mermaidEscape, "mermaidEscape");
var MERMAID_SHAPES = {
  dataset: ["[(", ")]"],
  step: ["[[", "]]"],
  run: ["([", "])"],
  model: ["[/", "/]"],
  metrics: ["[", "]"]
};
function shortenLabel(text, max = MAX_LABEL_CHARS) {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  return `${chars.slice(0, head).join("")}\u2026${chars.slice(chars.length - (max - 1 - head)).join("")}`;
}
__name(shortenLabel, "shortenLabel");
function shortenPath(text, max = MAX_LABEL_CHARS) {
  const chars = [...text];
  if (chars.length <= max) return text;
  const trimmed = text.endsWith("/") ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf("/");
  const tail = [...trimmed.slice(cut + 1)];
  const slash = text.endsWith("/") ? "/" : "";
  if (cut > 0 && tail.length + 2 + slash.length <= max) {
    const budget = max - tail.length - 2 - slash.length;
    let head = "";
    for (let i = trimmed.indexOf("/"); i >= 0 && i < cut && i + 1 <= budget; i = trimmed.indexOf("/", i + 1)) {
      if (trimmed[i + 1] !== "/") head = trimmed.slice(0, i + 1);
    }
    return `${head}\u2026/${tail.join("")}${slash}`;
  }
  return shortenLabel(text, max);
}
__name(shortenPath, "shortenPath");
function compactMetricLabel(m, all) {
  const value = fmtNumber(m.value);
  const split = m.split && all.filter((o) => o.name === m.name).length > 1 ? ` (${m.split})` : "";
  return `${shortenLabel(`${m.name}${split}`, Math.max(6, MAX_LABEL_CHARS - value.length - 3))} = ${value}`;
}
__name(compactMetricLabel, "compactMetricLabel");
function renderMermaid(g, opts = {}) {
  const pic = picture(g, opts.compact);
  const label = /* @__PURE__ */ __name((l) => mermaidEscape(opts.compact ? shortenLabel(l) : l), "label");
  const lines = [`flowchart ${opts.direction ?? "LR"}`];
  for (const n of pic.nodes) {
    const [open, close] = MERMAID_SHAPES[n.kind];
    lines.push(`  ${n.id}${open}"${n.lines.map(label).join("<br/>")}"${close}`);
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
function lineageMermaid(st) {
  return renderMermaid(graphFromStatements([st]), { direction: "TB", compact: true });
}
__name(lineageMermaid, "lineageMermaid");
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
var list = /* @__PURE__ */ __name((xs) => xs.length ? xs.join(", ") : "-", "list");
function renderMetricAnswers(answers) {
  return textTable(
    ["metric", "value", "run", "datasets"],
    answers.map(({ metric, lineage }) => [
      metricLabel(metric).replace(/ = .*$/, ""),
      fmtNumber(metric.value),
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
      const l = runLineage(g, r.key, { evaluation: true });
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
  graphFromStatements,
  datasetLabel,
  shortDigest,
  runLabel,
  metricLabel,
  subgraph,
  renderMermaid,
  lineageMermaid,
  renderDot,
  renderMetricAnswers,
  renderDatasetAnswers,
  renderModelAnswers,
  renderGraphTable
};
