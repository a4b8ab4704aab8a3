import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  diffStatements,
  flatten,
  lastMetrics,
  renderDiffMarkdown,
  renderDiffText
} from "./chunk-OED5QAUZ.js";
import "./chunk-7GSWSSOS.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import "./chunk-QANIRX4T.js";
export {
  diffStatements,
  flatten,
  lastMetrics,
  renderDiffMarkdown,
  renderDiffText
};
