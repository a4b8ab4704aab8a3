import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  canonicalJson,
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  fileUri,
  fileUriPath
} from "./chunk-VLIFT7NW.js";
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
var escape = /* @__PURE__ */ __name((k) => k.replace(/~/g, "~0").replace(/\//g, "~1"), "escape");
function sameValueForms(v) {
  const p = fileUriPath(v);
  if (p !== void 0) return [.../* @__PURE__ */ new Set([v, p, v.slice("file:".length)])];
  return /^[a-z][a-z0-9+.-]*:/i.test(v) ? [v] : [v, fileUri(v)];
}
__name(sameValueForms, "sameValueForms");
var REDACTION_ENTRY = /^([^#]*)(#.*)$/s;
function pseudonymize(predicate, patterns, key) {
  const copy = JSON.parse(JSON.stringify(predicate));
  const same = /* @__PURE__ */ new Set();
  const hidden = /* @__PURE__ */ new Map();
  for (const pattern of patterns) {
    const parts = parsePattern(pattern);
    const walk = /* @__PURE__ */ __name((node, i, ptr, parent, at) => {
      if (i === parts.length) {
        if (parent === void 0 || at === void 0) return;
        if (typeof node === "string" && !PSEUDONYM_RE.test(node) || typeof node === "number") {
          parent[at] = pseudonym(key, String(node));
          for (const f of sameValueForms(String(node))) if (f) same.add(f);
          if (!hidden.has(String(node))) hidden.set(String(node), ptr);
        }
        return;
      }
      if (node === null || typeof node !== "object") return;
      const want = parts[i];
      const entries = Array.isArray(node) ? node.map((v, k) => [k, v]) : Object.entries(node);
      for (const [k, v] of entries) {
        if (want === "*" || String(k) === want) walk(v, i + 1, `${ptr}/${escape(String(k))}`, node, k);
      }
    }, "walk");
    walk(copy, 0, "#", void 0, void 0);
  }
  if (same.size) pseudonymizeCopies(copy, same, key);
  refreshContentDigests(copy, predicate);
  const before = new Set(findPseudonyms(predicate).map((f) => f.pointer));
  const pointers = findPseudonyms(copy).map((f) => f.pointer).filter((ptr) => !before.has(ptr));
  return {
    predicate: copy,
    pointers: [...new Set(pointers)].sort(),
    hidden: [...hidden].map(([value, from]) => ({ value, from }))
  };
}
__name(pseudonymize, "pseudonymize");
var JOINED = /^([^=]*=)(.+)$/s;
function refreshContentDigests(doc, before) {
  (doc.configFiles ?? []).forEach((c, i) => {
    const was = canonicalJson(before.configFiles[i]?.content);
    const now = canonicalJson(c.content);
    if (c.contentDigest !== void 0 && now !== was) c.contentDigest = sha256Hex(now);
  });
}
__name(refreshContentDigests, "refreshContentDigests");
function pseudonymizeCopies(doc, same, key) {
  const params = doc.buildDefinition?.externalParameters;
  if (params?.config) {
    params.config = Object.fromEntries(Object.entries(params.config).map(([k, v]) => [same.has(k) ? pseudonym(key, k) : k, v]));
  }
  if (Array.isArray(doc.redactions)) {
    doc.redactions = doc.redactions.map((r) => {
      const m = typeof r === "string" ? REDACTION_ENTRY.exec(r) : null;
      return m && same.has(m[1]) ? `${pseudonym(key, m[1])}${m[2]}` : r;
    });
  }
  const walk = /* @__PURE__ */ __name((node) => {
    if (typeof node === "string") {
      if (same.has(node)) return pseudonym(key, node);
      const m = JOINED.exec(node);
      return m && same.has(m[2]) ? `${m[1]}${pseudonym(key, m[2])}` : node;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) node[k] = walk(v);
    return node;
  }, "walk");
  walk(doc);
}
__name(pseudonymizeCopies, "pseudonymizeCopies");
function findPseudonyms(value) {
  const out = [];
  const walk = /* @__PURE__ */ __name((v, ptr) => {
    if (typeof v === "string") {
      const p = PSEUDONYM_RE.test(v) ? v : (PSEUDONYM_PREFIX.exec(v) ?? PSEUDONYM_JOINED.exec(v))?.[1];
      if (p !== void 0) out.push({ pointer: ptr, pseudonym: p });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const at = `${ptr}/${escape(k)}`;
        if (PSEUDONYM_RE.test(k)) out.push({ pointer: at, pseudonym: k });
        walk(x, at);
      }
    }
  }, "walk");
  walk(value, "#");
  return out;
}
__name(findPseudonyms, "findPseudonyms");
var PSEUDONYM_PREFIX = /^(pseud:[a-f0-9]{8}:[a-f0-9]{64})#/;
var PSEUDONYM_JOINED = /^[^=]*=(pseud:[a-f0-9]{8}:[a-f0-9]{64})$/;
function reveal(p, candidates, given) {
  const m = PSEUDONYM_RE.exec(p);
  const key = m && [given, given.earlier].find((k) => k?.id === m[1]);
  if (!m || !key) return void 0;
  const want = Buffer.from(m[2], "hex");
  for (const c of [...candidates].flatMap(sameValueForms)) {
    const got = createHmac("sha256", key.bytes).update(c, "utf8").digest();
    if (timingSafeEqual(got, want)) return c;
  }
  return void 0;
}
__name(reveal, "reveal");

export {
  PSEUDONYM_RE,
  MIN_KEY_BYTES,
  pseudonymKey,
  parsePattern,
  sameValueForms,
  pseudonymize,
  findPseudonyms,
  reveal
};
