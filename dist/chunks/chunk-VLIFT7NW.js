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

// src/util/file-uri.ts
var PATH_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/;
var URI_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
function encodeUriPath(p) {
  let out = "";
  for (const ch of p) out += PATH_CHAR.test(ch) ? ch : percentEncode(ch);
  return out.startsWith("//") ? `/%2F${out.slice(2)}` : out;
}
__name(encodeUriPath, "encodeUriPath");
function fileUri(p) {
  return `file:${encodeUriPath(p)}`;
}
__name(fileUri, "fileUri");
var isFile = /* @__PURE__ */ __name((uri) => /^file:/i.test(uri), "isFile");
var hasAuthority = /* @__PURE__ */ __name((uri) => /^file:\/\//i.test(uri), "hasAuthority");
function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return void 0;
  }
}
__name(decode, "decode");
function readFileUri(uri, known) {
  if (!isFile(uri)) return void 0;
  const rest = uri.slice("file:".length);
  if (known !== void 0) {
    if (rest === encodeUriPath(known)) return { path: known, isUri: true };
    if (rest === known) return { path: known, isUri: false };
  }
  if (hasAuthority(uri)) {
    try {
      const { pathname } = new URL(uri);
      return { path: decode(pathname) ?? pathname, isUri: URI_PATH.test(uri.slice("file://".length).replace(/^[^/]*/, "")), authority: true };
    } catch {
      return { path: uri.slice("file://".length).replace(/^[^/]*/, ""), isUri: false, authority: true };
    }
  }
  if (URI_PATH.test(rest)) return { path: decode(rest) ?? rest, isUri: true };
  return { path: rest, isUri: false };
}
__name(readFileUri, "readFileUri");
function fileUriPath(uri, known) {
  return readFileUri(uri, known)?.path;
}
__name(fileUriPath, "fileUriPath");
function displayUri(uri, known) {
  const r = readFileUri(uri, known);
  return r && !r.authority ? `file:${r.path}` : uri;
}
__name(displayUri, "displayUri");
function asUriReference(uri, known) {
  const r = readFileUri(uri, known);
  if (r && !r.authority) return r.isUri ? uri : fileUri(r.path);
  const bad = isFile(uri) ? /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/@!$&'()*+,;=%]/gu : /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu;
  return uri.replace(bad, percentEncode);
}
__name(asUriReference, "asUriReference");
function knownPath(d) {
  const p = d.annotations?.path;
  return typeof p === "string" && p ? p : void 0;
}
__name(knownPath, "knownPath");
function datasetUriReference(d) {
  return asUriReference(d.uri, knownPath(d));
}
__name(datasetUriReference, "datasetUriReference");
function datasetUri(d) {
  const r = readFileUri(d.uri, knownPath(d));
  return r && !r.authority && !r.isUri ? fileUri(r.path) : d.uri;
}
__name(datasetUri, "datasetUri");
function datasetDisplayUri(d) {
  return displayUri(d.uri, knownPath(d));
}
__name(datasetDisplayUri, "datasetDisplayUri");

export {
  pathDatasetId,
  datasetRefCandidates,
  resolveDatasetRef,
  fileUri,
  fileUriPath,
  displayUri,
  asUriReference,
  knownPath,
  datasetUriReference,
  datasetUri,
  datasetDisplayUri
};
