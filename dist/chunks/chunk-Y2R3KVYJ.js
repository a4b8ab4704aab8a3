import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/flow.ts
function runFlow(steps, datasetIds) {
  const readers = /* @__PURE__ */ new Map();
  steps.forEach((s, i) => {
    for (const id of s.inputs ?? []) {
      const r = readers.get(id) ?? /* @__PURE__ */ new Set();
      r.add(i);
      readers.set(id, r);
    }
  });
  const ids = new Set(datasetIds);
  for (const s of steps) for (const id of [...s.inputs ?? [], ...s.outputs ?? []]) ids.add(id);
  const datasets = new Set([...ids].filter((id) => !readers.has(id)));
  const readByOthers = /* @__PURE__ */ __name((i, id) => [...readers.get(id) ?? []].some((j) => j !== i), "readByOthers");
  const direct = /* @__PURE__ */ new Set();
  steps.forEach((s, i) => {
    if (!(s.outputs ?? []).some((id) => datasets.has(id) || readByOthers(i, id))) direct.add(i);
  });
  const reaches = steps.map((_, i) => direct.has(i));
  for (; ; ) {
    let changed = true;
    while (changed) {
      changed = false;
      steps.forEach((s, i) => {
        if (reaches[i]) return;
        const leadsOn = /* @__PURE__ */ __name((id) => datasets.has(id) || [...readers.get(id) ?? []].some((j) => j !== i && reaches[j]), "leadsOn");
        if ((s.outputs ?? []).some(leadsOn)) reaches[i] = changed = true;
      });
    }
    const stuck = reaches.indexOf(false);
    if (stuck < 0) break;
    direct.add(stuck);
    reaches[stuck] = true;
  }
  return { datasets, steps: direct };
}
__name(runFlow, "runFlow");

export {
  runFlow
};
