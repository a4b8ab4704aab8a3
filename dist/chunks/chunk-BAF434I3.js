import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  RecordEvent
} from "./chunk-774DRQGL.js";
import {
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  assertDepth,
  parseWith,
  readFileChecked
} from "./chunk-6OCRJMU6.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/record/log.ts
import { appendFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
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
  recordsDir,
  appendEvent,
  readRecords
};
