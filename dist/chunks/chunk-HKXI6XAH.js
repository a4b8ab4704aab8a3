import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  RecordEvent
} from "./chunk-TFTNTW5S.js";
import {
  assertDepth,
  parseWith,
  readFileChecked
} from "./chunk-CQASTQHK.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
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

// src/record/log.ts
import { appendFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

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

// src/record/log.ts
var DEFAULT_RECORDS_DIR = ".ml-provenance";
var RECORDS_FILE = "records.jsonl";
function recordsDir(flag, cwd = process.cwd(), env = process.env) {
  return path.resolve(cwd, flag ?? env.ML_PROVENANCE_DIR ?? DEFAULT_RECORDS_DIR);
}
__name(recordsDir, "recordsDir");
async function appendEvent(dir, event, now = () => /* @__PURE__ */ new Date()) {
  const parsed = parseWith(RecordEvent, event, { what: "record event", fix: "see schemas/record-event.schema.json" });
  const withTs = { ...parsed, ts: parsed.ts ?? now().toISOString() };
  await mkdir(dir, { recursive: true });
  await appendFile(path.join(dir, RECORDS_FILE), JSON.stringify(withTs) + "\n", { flag: "a" });
  return withTs;
}
__name(appendEvent, "appendEvent");
function parseEvents(text, file) {
  const out = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let data;
    try {
      data = JSON.parse(line);
    } catch {
      if (i === lines.length - 1) return;
      throw new InputError("malformed-record", `${file}:${i + 1} is not valid JSON`, {
        fix: "each line of the records log must be one JSON object (see schemas/record-event.schema.json)",
        file,
        line: i + 1
      });
    }
    assertDepth(data, `${file}:${i + 1}`, "record event");
    out.push(parseWith(RecordEvent, data, { file: `${file}:${i + 1}`, what: "record event", fix: "see schemas/record-event.schema.json" }));
  });
  return out;
}
__name(parseEvents, "parseEvents");
async function readRecords(dir) {
  let names;
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".jsonl")).sort();
  } catch (err) {
    if (err.code === "ENOENT") return { events: [] };
    if (err.code === "ENOTDIR") {
      throw new InputError("records-not-dir", `records path ${dir} is a file, not a directory`, {
        fix: "pass the directory that holds records.jsonl (default .ml-provenance)",
        file: dir
      });
    }
    throw err;
  }
  const events = [];
  let digest;
  for (const n of names) {
    const file = path.join(dir, n);
    const bytes = await readFileChecked(file, "records log");
    if (n === RECORDS_FILE) digest = sha256Hex(bytes);
    events.push(...parseEvents(bytes.toString("utf8"), file));
  }
  return { events, ...digest ? { digest } : {} };
}
__name(readRecords, "readRecords");

export {
  canonicalJson,
  sha256Hex,
  recordsDir,
  appendEvent,
  readRecords
};
