import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/statement/pseudonymize.ts
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
var PSEUDONYM_RE = /^pseud:([a-f0-9]{8}):([a-f0-9]{64})$/;
var MIN_KEY_BYTES = 16;
function pseudonymKey(raw, where) {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.trim(), "utf8");
  if (bytes.length < MIN_KEY_BYTES) {
    throw new InputError("weak-pseudonym-key", `the pseudonymisation key from ${where} is shorter than ${MIN_KEY_BYTES} bytes`, {
      fix: "generate one with `openssl rand -hex 32` and keep it as a secret (never in the repository)",
      fields: ["pseudonym-key"]
    });
  }
  return { bytes, id: createHash("sha256").update(bytes).digest("hex").slice(0, 8) };
}
__name(pseudonymKey, "pseudonymKey");
function pseudonym(key, value) {
  return `pseud:${key.id}:${createHmac("sha256", key.bytes).update(value, "utf8").digest("hex")}`;
}
__name(pseudonym, "pseudonym");
function parsePattern(p) {
  const parts = p.trim().split(".");
  if (!p.trim() || parts.some((s) => s === "")) {
    throw new InputError("bad-anonymize-field", `anonymize field "${p}" is not a dotted path`, {
      fix: "name fields like datasets.*.uri or buildDefinition.externalParameters.hyperparameters.cohort_id",
      fields: ["anonymize"]
    });
  }
  return parts;
}
__name(parsePattern, "parsePattern");
function pseudonymize(predicate, patterns, key) {
  const copy = structuredClone(predicate);
  const pointers = [];
  for (const pattern of patterns) {
    const parts = parsePattern(pattern);
    const walk = /* @__PURE__ */ __name((node, i, ptr, parent, at) => {
      if (i === parts.length) {
        if (parent === void 0 || at === void 0) return;
        if (typeof node === "string" && !PSEUDONYM_RE.test(node) || typeof node === "number") {
          parent[at] = pseudonym(key, String(node));
          pointers.push(ptr);
        }
        return;
      }
      if (node === null || typeof node !== "object") return;
      const want = parts[i];
      const entries = Array.isArray(node) ? node.map((v, k) => [k, v]) : Object.entries(node);
      for (const [k, v] of entries) {
        if (want === "*" || String(k) === want) walk(v, i + 1, `${ptr}/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`, node, k);
      }
    }, "walk");
    walk(copy, 0, "#", void 0, void 0);
  }
  return { predicate: copy, pointers: [...new Set(pointers)].sort() };
}
__name(pseudonymize, "pseudonymize");
function findPseudonyms(value) {
  const out = [];
  const walk = /* @__PURE__ */ __name((v, ptr) => {
    if (typeof v === "string" && PSEUDONYM_RE.test(v)) out.push({ pointer: ptr, pseudonym: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  }, "walk");
  walk(value, "#");
  return out;
}
__name(findPseudonyms, "findPseudonyms");
function reveal(p, candidates, key) {
  const m = PSEUDONYM_RE.exec(p);
  if (!m || m[1] !== key.id) return void 0;
  const want = Buffer.from(m[2], "hex");
  for (const c of candidates) {
    const got = createHmac("sha256", key.bytes).update(c, "utf8").digest();
    if (timingSafeEqual(got, want)) return c;
  }
  return void 0;
}
__name(reveal, "reveal");

export {
  PSEUDONYM_RE,
  pseudonymKey,
  parsePattern,
  pseudonymize,
  findPseudonyms,
  reveal
};
