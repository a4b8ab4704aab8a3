import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/render/terminal.ts
var UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\u{e0000}-\u{e007f}\ud800-\udfff]/gu;
var UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\u{e0000}-\u{e007f}\ud800-\udfff]/gu;
function escapeChar(ch) {
  if (ch === "\u200C" || ch === "\u200D") return ch;
  if (ch === "\r") return "\\r";
  if (ch === "\n") return "\\n";
  if (ch === "	") return "\\t";
  let out = "";
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
__name(escapeChar, "escapeChar");
function termText(text) {
  return text.replace(UNSAFE, escapeChar);
}
__name(termText, "termText");
function termLine(text) {
  return text.replace(UNSAFE_IN_LINE, escapeChar);
}
__name(termLine, "termLine");
function termStrings(value) {
  const walk = /* @__PURE__ */ __name((v, depth) => {
    if (typeof v === "string") return termLine(v);
    if (v === null || typeof v !== "object" || depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, termLine(k), { value: walk(x, depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }, "walk");
  return walk(value, 0);
}
__name(termStrings, "termStrings");

export {
  termText,
  termLine,
  termStrings
};
