import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/render/number.ts
function fmtNumber(v) {
  if (Number.isSafeInteger(v)) return String(v);
  const s = v.toPrecision(6);
  const e = s.indexOf("e");
  return e < 0 ? String(Number(s)) : `${String(Number(s.slice(0, e)))}${s.slice(e)}`;
}
__name(fmtNumber, "fmtNumber");
function exactNumber(v) {
  return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
}
__name(exactNumber, "exactNumber");

export {
  fmtNumber,
  exactNumber
};
