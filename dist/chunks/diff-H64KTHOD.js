import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  diffStatements,
  flatten,
  lastMetrics,
  renderDiffMarkdown,
  renderDiffText
} from "./chunk-H35Q6KVP.js";
import "./chunk-4AMRTE4G.js";
import "./chunk-3HTINU5N.js";
import "./chunk-QANIRX4T.js";
export {
  diffStatements,
  flatten,
  lastMetrics,
  renderDiffMarkdown,
  renderDiffText
};
