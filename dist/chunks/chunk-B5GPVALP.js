import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __commonJS,
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// node_modules/canonicalize/lib/canonicalize.js
var require_canonicalize = __commonJS({
  "node_modules/canonicalize/lib/canonicalize.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ __name(function serialize(object) {
      if (typeof object === "number" && isNaN(object)) {
        throw new Error("NaN is not allowed");
      }
      if (typeof object === "number" && !isFinite(object)) {
        throw new Error("Infinity is not allowed");
      }
      if (object === null || typeof object !== "object") {
        return JSON.stringify(object);
      }
      if (object.toJSON instanceof Function) {
        return serialize(object.toJSON());
      }
      if (Array.isArray(object)) {
        const values2 = object.reduce((t, cv, ci) => {
          const comma = ci === 0 ? "" : ",";
          const value = cv === void 0 || typeof cv === "symbol" ? null : cv;
          return `${t}${comma}${serialize(value)}`;
        }, "");
        return `[${values2}]`;
      }
      const values = Object.keys(object).sort().reduce((t, cv) => {
        if (object[cv] === void 0 || typeof object[cv] === "symbol") {
          return t;
        }
        const comma = t.length === 0 ? "" : ",";
        return `${t}${comma}${serialize(cv)}:${serialize(object[cv])}`;
      }, "");
      return `{${values}}`;
    }, "serialize");
  }
});

// src/util/canonical.ts
var import_canonicalize = __toESM(require_canonicalize(), 1);
import { createHash } from "node:crypto";
var canonicalize = import_canonicalize.default.default ?? import_canonicalize.default;
function canonicalJson(value) {
  return canonicalize(value) ?? "null";
}
__name(canonicalJson, "canonicalJson");
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
__name(sha256Hex, "sha256Hex");

export {
  canonicalJson,
  sha256Hex
};
