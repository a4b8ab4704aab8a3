import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/dataset-id.ts
var ID_CHAR = /^[A-Za-z0-9_./:@-]$/;
var FIRST_CHAR = /^[A-Za-z0-9]$/;
var DATASET_ID_MAX = 200;
var escape = /* @__PURE__ */ __name((ch) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""), "escape");
function pathDatasetId(p) {
  let out = "";
  for (const ch of p) {
    const piece = (out === "" ? FIRST_CHAR : ID_CHAR).test(ch) ? ch : escape(ch);
    if (out.length + piece.length > DATASET_ID_MAX) break;
    out += piece;
  }
  return out || "dataset";
}
__name(pathDatasetId, "pathDatasetId");

export {
  pathDatasetId
};
