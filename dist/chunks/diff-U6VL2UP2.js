import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  commandGone,
  diffStatements,
  flatten,
  folderText,
  lastMetrics,
  renderDiffText,
  sections
} from "./chunk-TEKKXLFQ.js";
import "./chunk-DIIYQ2ZF.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import "./chunk-QANIRX4T.js";
export {
  commandGone,
  diffStatements,
  flatten,
  folderText,
  lastMetrics,
  renderDiffText,
  sections
};
