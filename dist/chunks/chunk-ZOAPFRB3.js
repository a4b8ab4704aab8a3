import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/json.ts
var MAX_DEPTH = 64;
function jsonDepth(value, limit = Infinity) {
  let max = 0;
  const stack = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") stack.push([x, depth]);
  }
  return max;
}
__name(jsonDepth, "jsonDepth");
function assertDepth(value, file, what, limit = MAX_DEPTH) {
  if (jsonDepth(value, limit) > limit) {
    throw new InputError("too-deeply-nested", `${file}: ${what} is nested more than ${limit} levels deep`, {
      fix: `flatten the ${what}: at most ${limit} levels of nested objects and lists are accepted`,
      file
    });
  }
}
__name(assertDepth, "assertDepth");
function describeJsonError(err, text) {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.replace(/,\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, "").replace(/\s+/g, " ").trim();
  const pos = /position (\d+)/.exec(raw);
  const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : void 0;
  return { message, ...line !== void 0 ? { line } : {} };
}
__name(describeJsonError, "describeJsonError");
function exactInteger(n) {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
__name(exactInteger, "exactInteger");
function parseJsonExact(text, texts, asBigInt = false) {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value, context) => {
    const source = context?.source;
    if (typeof value !== "number" || Number.isSafeInteger(value) || source === void 0 || !/^-?\d+$/.test(source)) return value;
    texts?.add(source);
    return asBigInt ? BigInt(source) : source;
  });
}
__name(parseJsonExact, "parseJsonExact");

export {
  assertDepth,
  describeJsonError,
  exactInteger,
  parseJsonExact
};
