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
var percentEncode = /* @__PURE__ */ __name((ch) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""), "percentEncode");
var CUT_MARK = percentEncode("\u2026");
var CUT_TAIL = CUT_MARK.length + 16;
function pathDatasetId(p) {
  let out = "";
  let cutAt = -1;
  for (const ch of p) {
    const piece = (out === "" ? FIRST_CHAR : ID_CHAR).test(ch) ? ch : percentEncode(ch);
    if (cutAt < 0 && out.length + piece.length > DATASET_ID_MAX - CUT_TAIL) cutAt = out.length;
    if (out.length + piece.length > DATASET_ID_MAX) return `${out.slice(0, cutAt)}${CUT_MARK}${createHash("sha256").update(p).digest("hex").slice(0, 16)}`;
    out += piece;
  }
  return out || "dataset";
}
__name(pathDatasetId, "pathDatasetId");
function idCandidates(id) {
  const encoded = pathDatasetId(id);
  return encoded === id ? [id] : [id, encoded];
}
__name(idCandidates, "idCandidates");
function datasetRefCandidates(ref) {
  const at = ref.lastIndexOf("@");
  return [.../* @__PURE__ */ new Set([...idCandidates(ref), ...at > 0 ? idCandidates(ref.slice(0, at)) : []])];
}
__name(datasetRefCandidates, "datasetRefCandidates");
function resolveDatasetRef(ref, known) {
  const find = /* @__PURE__ */ __name((id) => idCandidates(id).find(known), "find");
  const whole = find(ref);
  if (whole !== void 0) return { id: whole };
  const at = ref.lastIndexOf("@");
  if (at <= 0) return { id: ref };
  const head = ref.slice(0, at);
  return { id: find(head) ?? head, version: ref.slice(at + 1) };
}
__name(resolveDatasetRef, "resolveDatasetRef");

export {
  percentEncode,
  pathDatasetId,
  datasetRefCandidates,
  resolveDatasetRef
};
