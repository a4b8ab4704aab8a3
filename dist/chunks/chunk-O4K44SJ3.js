import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/flow.ts
function outputDatasets(datasets, subjects) {
  const made = new Set(subjects.map((s) => s.digest.sha256).filter((d) => !!d));
  return new Set(datasets.filter((d) => d.digest?.sha256 && made.has(d.digest.sha256)).map((d) => d.id));
}
__name(outputDatasets, "outputDatasets");
function stepsAfter(steps, outputs) {
  const after = /* @__PURE__ */ new Set();
  const reached = new Set(outputs);
  for (let changed = true; changed; ) {
    changed = false;
    steps.forEach((s, i) => {
      if (after.has(i) || (s.outputs ?? []).some((id) => outputs.has(id))) return;
      if (!(s.inputs ?? []).some((id) => reached.has(id))) return;
      after.add(i);
      for (const id of s.outputs ?? []) reached.add(id);
      changed = true;
    });
  }
  return after;
}
__name(stepsAfter, "stepsAfter");
function runFlow(steps, datasetIds, outputIds = []) {
  const outputs = new Set(outputIds);
  const after = stepsAfter(steps, outputs);
  const training = /* @__PURE__ */ __name((i) => !after.has(i), "training");
  const readers = /* @__PURE__ */ new Map();
  steps.forEach((s, i) => {
    if (!training(i)) return;
    for (const id of s.inputs ?? []) {
      const r = readers.get(id) ?? /* @__PURE__ */ new Set();
      r.add(i);
      readers.set(id, r);
    }
  });
  const ids = new Set(datasetIds);
  for (const s of steps) for (const id of [...s.inputs ?? [], ...s.outputs ?? []]) ids.add(id);
  const evaluation = /* @__PURE__ */ new Set();
  for (const i of after) for (const id of [...steps[i].inputs ?? [], ...steps[i].outputs ?? []]) if (!readers.has(id)) evaluation.add(id);
  const datasets = new Set([...ids].filter((id) => !readers.has(id) && !outputs.has(id) && !evaluation.has(id)));
  const readByOthers = /* @__PURE__ */ __name((i, id) => [...readers.get(id) ?? []].some((j) => j !== i), "readByOthers");
  const direct = /* @__PURE__ */ new Set();
  steps.forEach((s, i) => {
    if (training(i) && !(s.outputs ?? []).some((id) => datasets.has(id) || readByOthers(i, id))) direct.add(i);
  });
  const reaches = steps.map((_, i) => direct.has(i) || !training(i));
  for (; ; ) {
    let changed = true;
    while (changed) {
      changed = false;
      steps.forEach((s, i) => {
        if (reaches[i]) return;
        const leadsOn = /* @__PURE__ */ __name((id) => datasets.has(id) || [...readers.get(id) ?? []].some((j) => j !== i && reaches[j] && training(j)), "leadsOn");
        if ((s.outputs ?? []).some(leadsOn)) reaches[i] = changed = true;
      });
    }
    const stuck = reaches.indexOf(false);
    if (stuck < 0) break;
    direct.add(stuck);
    reaches[stuck] = true;
  }
  return { datasets, steps: direct, after, outputs };
}
__name(runFlow, "runFlow");
function lineageWithin(steps, flow, evaluation) {
  const up = walkUpstream(steps, [...flow.datasets, ...flow.steps, ...evaluation ? flow.after : []]);
  return { datasets: new Set([...up.ids].filter((id) => !flow.outputs.has(id))), steps: up.steps };
}
__name(lineageWithin, "lineageWithin");
function walkUpstream(steps, start) {
  const ids = /* @__PURE__ */ new Set();
  const seenSteps = /* @__PURE__ */ new Set();
  const stack = [...start];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next === "number") {
      if (seenSteps.has(next)) continue;
      seenSteps.add(next);
      stack.push(...steps[next].inputs ?? []);
    } else {
      if (ids.has(next)) continue;
      ids.add(next);
      steps.forEach((s, i) => {
        if ((s.outputs ?? []).includes(next)) stack.push(i);
      });
    }
  }
  return { ids, steps: seenSteps };
}
__name(walkUpstream, "walkUpstream");
function subjectAncestry(steps, datasets, sha256, outputs) {
  const self = new Set(datasets.filter((d) => d.digest?.sha256 === sha256).map((d) => d.id));
  const writers = steps.flatMap((s, i) => (s.outputs ?? []).some((id) => self.has(id)) ? [i] : []);
  if (writers.length === 0) return void 0;
  const { ids: walked, steps: seenSteps } = walkUpstream(steps, writers);
  return { datasets: new Set([...walked].filter((id) => !outputs.has(id) && !self.has(id))), steps: seenSteps, walked: /* @__PURE__ */ new Set([...self, ...walked]) };
}
__name(subjectAncestry, "subjectAncestry");

export {
  outputDatasets,
  runFlow,
  lineageWithin,
  subjectAncestry
};
