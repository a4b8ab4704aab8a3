import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/statement/fields.ts
function sourceDependency(st) {
  return st.predicate.buildDefinition.resolvedDependencies.find((d) => d.digest?.gitCommit);
}
__name(sourceDependency, "sourceDependency");
function gitCommit(st) {
  return sourceDependency(st)?.digest?.gitCommit;
}
__name(gitCommit, "gitCommit");
function latestByEpoch(items, key) {
  const out = /* @__PURE__ */ new Map();
  for (const m of items) {
    const k = key(m);
    const cur = out.get(k);
    const [e, ce] = [m.epoch ?? -1, cur?.epoch ?? -1];
    if (!cur || e > ce || e === ce && (m.step ?? -1) >= (cur.step ?? -1)) out.set(k, m);
  }
  return out;
}
__name(latestByEpoch, "latestByEpoch");

export {
  sourceDependency,
  gitCommit,
  latestByEpoch
};
