import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GitHubJob,
  GitHubRunAttempt,
  GitHubRunId,
  RecordEvent
} from "./chunk-MCZQ3NVN.js";
import {
  parseWith
} from "./chunk-CJJWD6LY.js";
import {
  WorkingDirectory
} from "./chunk-VXF76SOM.js";
import {
  LIMITS,
  containedPath,
  isInside,
  makeDirs,
  posixRelative,
  readLines,
  realWorkspace
} from "./chunk-KPRIV5WI.js";
import {
  assertDepth,
  parseJsonExact
} from "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/subfolder-path.ts
import { existsSync } from "node:fs";
import path from "node:path";
function pathMeantFromFolder(p, workspace, folder) {
  const here = fromFolder(p, workspace, folder);
  if (here === void 0 || existsSync(path.resolve(workspace, p)) || !existsSync(here)) return void 0;
  return posixRelative(workspace, here);
}
__name(pathMeantFromFolder, "pathMeantFromFolder");
function pathUnresolvedFromFolder(p, workspace, folder) {
  const here = fromFolder(p, workspace, folder);
  const parts = path.normalize(p).split(path.sep).filter((x) => x !== "" && x !== ".");
  if (here === void 0 || parts.includes("..") || existsSync(path.resolve(workspace, p)) || existsSync(here)) return void 0;
  if (existingDepth(workspace, parts) > existingDepth(path.resolve(workspace, folder), parts)) return void 0;
  return posixRelative(workspace, here);
}
__name(pathUnresolvedFromFolder, "pathUnresolvedFromFolder");
function existingDepth(base, parts) {
  let n = 0;
  while (n < parts.length && existsSync(path.join(base, ...parts.slice(0, n + 1)))) n++;
  return n;
}
__name(existingDepth, "existingDepth");
function fromFolder(p, workspace, folder) {
  if (folder === void 0 || path.isAbsolute(p)) return void 0;
  const dir = path.resolve(workspace, folder);
  return dir === path.resolve(workspace) ? void 0 : path.resolve(dir, p);
}
__name(fromFolder, "fromFolder");

// src/record/log.ts
import { appendFile, lstat, readFile, readdir, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { existsSync as existsSync2, realpathSync } from "node:fs";
import path2 from "node:path";
var DEFAULT_RECORDS_DIR = ".ml-provenance";
var RECORDS_FILE = "records.jsonl";
var GITIGNORE = "# Made by `ml-provenance record`: the records log belongs to one run, not to the repository.\n*\n";
function defaultWorkspace(env = process.env, cwd = process.cwd()) {
  const checkout = actionsCheckout(env);
  return checkout !== void 0 && isInside(cwd, checkout) ? checkout : cwd;
}
__name(defaultWorkspace, "defaultWorkspace");
function actionsCheckout(env = process.env) {
  const ws = env.GITHUB_WORKSPACE?.trim();
  if (!ws) return void 0;
  try {
    return realpathSync(ws);
  } catch {
    return void 0;
  }
}
__name(actionsCheckout, "actionsCheckout");
function commandFolder(workspace, cwd = process.cwd(), required = true) {
  const rel = posixRelative(workspace, cwd);
  if (rel === "" || !isInside(cwd, workspace)) return void 0;
  const checked = WorkingDirectory.safeParse(rel);
  if (checked.success) return rel;
  if (!required) return void 0;
  const why = rel.includes("\\") ? `a folder name in it holds '\\': records keep '/'-separated paths, which must name the same folder on Windows, where '\\' separates folders` : checked.error.issues[0]?.message ?? "not a folder a record can name";
  throw new InputError("folder-not-recordable", `the current folder ${rel} (in the workspace ${workspace}) cannot be recorded as the folder the command runs in: ${why}`, {
    fix: "rename the folder (no '\\' in its name), or run the command from another folder of the checkout (its root, with the command's paths relative to it)",
    fields: ["cwd"]
  });
}
__name(commandFolder, "commandFolder");
function recordsLocation(named, workspace, env = process.env) {
  if (named.value !== void 0) {
    if (!named.value.trim()) {
      throw new InputError("records-empty", `${named.by} is empty`, { fix: `pass the folder that holds records.jsonl (default .ml-provenance), or leave ${named.by} out`, fields: [named.by] });
    }
    return { dir: path2.resolve(workspace, named.value.trim()), from: named.by };
  }
  const fromEnv = env.ML_PROVENANCE_DIR?.trim();
  if (fromEnv) return { dir: path2.resolve(workspace, fromEnv), from: "ML_PROVENANCE_DIR" };
  return { dir: path2.resolve(workspace, DEFAULT_RECORDS_DIR) };
}
__name(recordsLocation, "recordsLocation");
function notADirectory(dir) {
  return new InputError("records-not-dir", `records path ${dir} is not a directory`, {
    fix: "pass the directory that holds records.jsonl with --records DIR (or ML_PROVENANCE_DIR); default .ml-provenance",
    file: dir
  });
}
__name(notADirectory, "notADirectory");
async function appendEvent(dir, event, now = () => /* @__PURE__ */ new Date(), where = {}) {
  const parsed = parseWith(RecordEvent, event, { what: "record event", fix: "see schemas/record-event.schema.json", ...where });
  const withTs = { ...parsed, ts: parsed.ts ?? now().toISOString() };
  const line = JSON.stringify(withTs) + "\n";
  if (Buffer.byteLength(line) > LIMITS.recordsLineBytes) {
    throw new InputError("event-too-large", `the event is ${Buffer.byteLength(line)} bytes, more than the ${LIMITS.recordsLineBytes} a records line may have`, {
      fix: "record big values (files, arrays) by path or digest instead of inline"
    });
  }
  try {
    const made = !existsSync2(dir);
    await makeDirs(dir);
    if (made) await writeFile(path2.join(dir, ".gitignore"), GITIGNORE, { flag: "wx" }).catch(() => void 0);
    const file = path2.join(dir, RECORDS_FILE);
    const st = await stat(file).catch(() => void 0);
    if (st && !st.isFile()) {
      throw new InputError("records-not-file", `records log ${file} is not a regular file`, { fix: "remove it, or pass another directory with --records DIR", file });
    }
    await appendFile(file, line, { flag: "a" });
  } catch (err) {
    const code = err.code;
    if (code === "EEXIST" || code === "ENOTDIR") throw notADirectory(dir);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new InputError("records-not-writable", `cannot write to the records directory ${dir}`, { fix: "pass a writable directory with --records DIR (or ML_PROVENANCE_DIR)", file: dir, cause: err });
    }
    throw err;
  }
  return withTs;
}
__name(appendEvent, "appendEvent");
var NON_FINITE = /[:[,]\s*-?(?:NaN|Infinity)\s*[,}\]]/;
function parseEventLine(raw, file, n, unterminated) {
  const line = raw?.trim();
  if (!line) return void 0;
  let data;
  const exact = /* @__PURE__ */ new Set();
  try {
    data = parseJsonExact(line, exact);
  } catch {
    if (unterminated) return void 0;
    if (NON_FINITE.test(line)) {
      throw new InputError("malformed-record", `${file}:${n} is not valid JSON: it holds NaN or Infinity (Python's json.dumps writes them for float('nan') / float('inf'))`, {
        fix: "record only finite numbers: skip the value when not math.isfinite(x), and pass allow_nan=False to json.dumps to catch others where they are written",
        file,
        line: n
      });
    }
    throw new InputError("malformed-record", `${file}:${n} is not valid JSON`, {
      fix: "each line of the records log must be one JSON object (see schemas/record-event.schema.json)",
      file,
      line: n
    });
  }
  assertDepth(data, `${file}:${n}`, "record event");
  if (exact.size) numbersWhereWanted(data, exact);
  return parseWith(RecordEvent, data, { file, line: n, what: "record event", fix: "see schemas/record-event.schema.json" });
}
__name(parseEventLine, "parseEventLine");
function numbersWhereWanted(data, texts) {
  const r = RecordEvent.safeParse(data);
  if (r.success) return;
  for (const issue of r.error.issues) {
    if (issue.code !== "invalid_type" || issue.expected !== "number" || !issue.path.length) continue;
    let holder = data;
    for (const k of issue.path.slice(0, -1)) holder = holder && typeof holder === "object" ? holder[k] : void 0;
    const last = issue.path[issue.path.length - 1];
    if (!holder || typeof holder !== "object") continue;
    const v = holder[last];
    if (typeof v === "string" && texts.has(v)) holder[last] = Number(v);
  }
}
__name(numbersWhereWanted, "numbersWhereWanted");
async function readRecords(dir, within, from) {
  let realDir = dir;
  if (within !== void 0) {
    const ws = await realWorkspace(within);
    const shown = path2.relative(path2.resolve(within), dir) || ".";
    if (!isInside(path2.resolve(dir), path2.resolve(within)) && !isInside(path2.resolve(dir), ws)) {
      throw new InputError("path-outside-workspace", `records directory ${dir}${from ? ` (from ${from})` : ""} is outside the workspace ${ws}`, {
        fix: `keep the records log in the workspace${from ? ` (point ${from} at a folder inside it)` : " (default .ml-provenance)"}, or copy it there before this step`,
        file: dir
      });
    }
    const real = await containedPath(dir, ws, "records directory", shown);
    if (real === void 0) return { events: [], origins: /* @__PURE__ */ new Map() };
    realDir = real;
  }
  let entries;
  try {
    entries = await readdir(realDir, { withFileTypes: true });
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return { events: [], origins: /* @__PURE__ */ new Map() };
    if (code === "ENOTDIR") throw notADirectory(dir);
    throw err;
  }
  const names = logNames(realDir, entries);
  const events = [];
  const origins = /* @__PURE__ */ new Map();
  let digest;
  for (const n of names) {
    const file = path2.join(dir, n);
    const hash = n === RECORDS_FILE ? createHash("sha256") : void 0;
    await readLines(path2.join(realDir, n), "records log", {
      shown: file,
      maxBytes: LIMITS.recordsFileBytes,
      maxLine: LIMITS.recordsLineBytes,
      ...within !== void 0 ? { within: realDir } : {},
      ...hash ? { onBytes: /* @__PURE__ */ __name((b) => hash.update(b), "onBytes") } : {},
      onLine: /* @__PURE__ */ __name((line, i, unterminated) => {
        const e = parseEventLine(line, file, i, unterminated);
        if (e) {
          events.push(e);
          origins.set(e, { file, line: i });
        }
      }, "onLine")
    });
    if (hash) digest = hash.digest("hex");
  }
  return { events, origins, ...digest ? { digest } : {} };
}
__name(readRecords, "readRecords");
function logNames(dir, entries) {
  const names = entries.filter((e) => e.name.endsWith(".jsonl") && !e.isDirectory()).map((e) => e.name).sort();
  for (const sub of entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    if (existsSync2(path2.join(dir, sub, RECORDS_FILE))) names.push(path2.join(sub, RECORDS_FILE));
  }
  return names;
}
__name(logNames, "logNames");
async function resetRecords(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") throw notADirectory(dir);
    throw err;
  }
  const removed = [];
  for (const name of logNames(dir, entries)) {
    const file = path2.join(dir, name);
    const st = await lstat(file);
    const lines = st.isFile() ? (await readFile(file)).toString("utf8").split("\n").filter((l) => l.trim()).length : 0;
    await rm(file, { force: true });
    if (name.includes(path2.sep)) await rmdir(path2.dirname(file)).catch(() => void 0);
    removed.push({ name: name.split(path2.sep).join("/"), lines });
  }
  return removed;
}
__name(resetRecords, "resetRecords");
function runTag(env = process.env) {
  const valid = /* @__PURE__ */ __name((schema, v) => schema.safeParse(v).success, "valid");
  if (env.GITHUB_ACTIONS !== "true" || !valid(GitHubRunId, env.GITHUB_RUN_ID)) return {};
  return {
    githubRun: env.GITHUB_RUN_ID,
    ...valid(GitHubRunAttempt, env.GITHUB_RUN_ATTEMPT) ? { githubRunAttempt: env.GITHUB_RUN_ATTEMPT } : {},
    ...valid(GitHubJob, env.GITHUB_JOB) ? { githubJob: env.GITHUB_JOB } : {}
  };
}
__name(runTag, "runTag");
function eventsOfRun(events, current) {
  const others = /* @__PURE__ */ new Map();
  if (current === void 0) return { events, others };
  const attempt = Number(current.runAttempt);
  const kept = events.filter((e) => {
    if (e.githubRun === void 0) return true;
    let from;
    if (e.githubRun !== current.runId) from = `run ${e.githubRun}`;
    else if (current.job !== void 0 && e.githubJob === current.job && e.githubRunAttempt !== void 0 && Number(e.githubRunAttempt) < attempt) from = `attempt ${e.githubRunAttempt} of this job`;
    if (from === void 0) return true;
    others.set(from, (others.get(from) ?? 0) + 1);
    return false;
  });
  return { events: kept, others };
}
__name(eventsOfRun, "eventsOfRun");

export {
  pathMeantFromFolder,
  pathUnresolvedFromFolder,
  DEFAULT_RECORDS_DIR,
  RECORDS_FILE,
  defaultWorkspace,
  actionsCheckout,
  commandFolder,
  recordsLocation,
  appendEvent,
  readRecords,
  resetRecords,
  runTag,
  eventsOfRun
};
