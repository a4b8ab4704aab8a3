import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/dataset-id.ts
import { createHash } from "node:crypto";
var ID_CHAR = /^[A-Za-z0-9_./:@-]$/;
var FIRST_CHAR = /^[A-Za-z0-9]$/;
var DATASET_ID_MAX = 200;
var escape = /* @__PURE__ */ __name((ch) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""), "escape");
var CUT_MARK = escape("\u2026");
var CUT_TAIL = CUT_MARK.length + 16;
function pathDatasetId(p) {
  let out = "";
  let cutAt = -1;
  for (const ch of p) {
    const piece = (out === "" ? FIRST_CHAR : ID_CHAR).test(ch) ? ch : escape(ch);
    if (cutAt < 0 && out.length + piece.length > DATASET_ID_MAX - CUT_TAIL) cutAt = out.length;
    if (out.length + piece.length > DATASET_ID_MAX) return `${out.slice(0, cutAt)}${CUT_MARK}${createHash("sha256").update(p).digest("hex").slice(0, 16)}`;
    out += piece;
  }
  return out || "dataset";
}
__name(pathDatasetId, "pathDatasetId");

export {
  pathDatasetId
};
