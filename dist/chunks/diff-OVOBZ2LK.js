import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  diffStatements,
  flatten,
  lastMetrics,
  renderDiffMarkdown,
  renderDiffText
} from "./chunk-HYOV6F7J.js";
import "./chunk-CDT4335M.js";
import "./chunk-7TSD53ZV.js";
import "./chunk-QANIRX4T.js";
export {
  diffStatements,
  flatten,
  lastMetrics,
  renderDiffMarkdown,
  renderDiffText
};
