import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
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
  input.forEach((item, index) => {
    const { statement, source } = "statement" in item ? item : { statement: item, source: void 0 };
    const p = statement.predicate;
    const runKey = `run:${index}`;
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
      const digest = firstDigest(d);
      addDataset({
        key: datasetKey(d.id, d.version, digest),
        id: d.id,
        ...d.version ? { version: d.version } : {},
        ...digest ? { digest } : {},
        uri: d.uri,
        ...d.license ? { license: d.license } : {},
        derived: false
      });
    }
    const resolve = /* @__PURE__ */ __name((id) => local.get(id) ?? addDataset({ key: `${runKey}/derived:${id}`, id, derived: true }), "resolve");
    const consumed = /* @__PURE__ */ new Set();
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
      for (const id of s.inputs ?? []) {
        const dk = resolve(id);
        consumed.add(dk);
        g.edges.push({ from: dk, to: key, kind: "input" });
      }
      for (const id of s.outputs ?? []) {
        g.edges.push({ from: key, to: resolve(id), kind: "output" });
      }
    });
    for (const dk of new Set(local.values())) {
      if (!consumed.has(dk)) g.edges.push({ from: dk, to: runKey, kind: "feeds" });
    }
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
  });
  return g;
}
__name(graphFromStatements, "graphFromStatements");

export {
  graphFromStatements
};
