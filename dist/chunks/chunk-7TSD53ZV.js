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

export {
  sourceDependency,
  gitCommit
};
