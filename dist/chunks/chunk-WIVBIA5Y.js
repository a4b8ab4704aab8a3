import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GitHubJob,
  GitHubRunAttempt,
  GitHubRunId,
  RecordEvent
} from "./chunk-2MLUS3IL.js";
import {
  parseWith
} from "./chunk-CJJWD6LY.js";
import {
  WorkingDirectory
} from "./chunk-YAQPLVGR.js";
import {
  require_shell_quote
} from "./chunk-QXFPCRYH.js";
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
  __name,
  __toESM
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
  const why = unrecordableFolder(workspace, cwd);
  if (why === void 0) return rel;
  if (!required) return void 0;
  throw new InputError("folder-not-recordable", `the current folder ${rel} (in the workspace ${workspace}) cannot be recorded as the folder the command runs in: ${why}`, {
    fix: "rename the folder (no '\\' in its name), or run the command from another folder of the checkout (its root, with the command's paths relative to it)",
    fields: ["cwd"]
  });
}
__name(commandFolder, "commandFolder");
function unrecordableFolder(workspace, cwd) {
  const rel = posixRelative(workspace, cwd);
  if (rel === "" || !isInside(cwd, workspace)) return void 0;
  const checked = WorkingDirectory.safeParse(rel);
  if (checked.success) return void 0;
  return rel.includes("\\") ? `a folder name in it holds '\\': records keep '/'-separated paths, which must name the same folder on Windows, where '\\' separates folders` : checked.error.issues[0]?.message ?? "not a folder a record can name";
}
__name(unrecordableFolder, "unrecordableFolder");
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
async function readEvents(dir, within) {
  return (await readRecords(dir, within)).events;
}
__name(readEvents, "readEvents");
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
    const real2 = await containedPath(dir, ws, "records directory", shown);
    if (real2 === void 0) return { events: [], origins: /* @__PURE__ */ new Map() };
    realDir = real2;
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

// src/record/warnings.ts
var import_shell_quote = __toESM(require_shell_quote(), 1);
import { existsSync as existsSync3, readdirSync, realpathSync as realpathSync2, statSync } from "node:fs";
import path3 from "node:path";

// src/capture/git.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
async function git(cwd, ...args) {
  try {
    const { stdout } = await run("git", args, { cwd, timeout: 1e4 });
    return stdout.trim() || void 0;
  } catch {
    return void 0;
  }
}
__name(git, "git");
async function readGit(cwd) {
  const commit = await git(cwd, "rev-parse", "HEAD");
  if (!commit || !/^[a-f0-9]{40,64}$/.test(commit)) return void 0;
  const [ref, remote, status] = await Promise.all([
    git(cwd, "symbolic-ref", "-q", "HEAD"),
    git(cwd, "remote", "get-url", "origin"),
    git(cwd, "status", "--porcelain", "--untracked-files=no")
  ]);
  return { commit, ...ref ? { ref } : {}, ...remote ? { remote: stripCredentials(remote) } : {}, dirty: Boolean(status) };
}
__name(readGit, "readGit");
function stripCredentials(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}
__name(stripCredentials, "stripCredentials");
async function trackedFiles(cwd, dir) {
  const out = await git(cwd, "ls-files", "-z", "--", dir);
  return out ? out.split("\0").filter(Boolean) : [];
}
__name(trackedFiles, "trackedFiles");
async function committedFiles(cwd, dir) {
  const out = await git(cwd, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", dir);
  return out ? out.split("\0").filter(Boolean) : [];
}
__name(committedFiles, "committedFiles");
async function gitTopLevel(cwd) {
  return git(cwd, "rev-parse", "--show-toplevel");
}
__name(gitTopLevel, "gitTopLevel");

// src/record/warnings.ts
var shownDir = /* @__PURE__ */ __name((loc, workspace) => posixRelative(workspace, loc.dir) || ".", "shownDir");
function strayRecordLogs(loc, workspace) {
  const ws = path3.resolve(workspace);
  const names = /* @__PURE__ */ new Set([DEFAULT_RECORDS_DIR]);
  const read = path3.resolve(loc.dir);
  if (isInside(read, ws) && read !== ws && loc.from === "ML_PROVENANCE_DIR") names.add(path3.relative(ws, read));
  let entries;
  try {
    entries = readdirSync(ws, { withFileTypes: true });
  } catch {
    return [];
  }
  const candidates = [...names];
  const named = loc.from !== void 0 && loc.from !== "ML_PROVENANCE_DIR";
  for (const e of named ? [] : entries) {
    if (e.isDirectory() && e.name !== ".git") for (const n of names) candidates.push(path3.join(e.name, n));
  }
  const readReal = real(read);
  const found = [];
  for (const c of candidates) {
    const dir = path3.join(ws, c);
    if (!existsSync3(path3.join(dir, RECORDS_FILE))) continue;
    if (path3.resolve(dir) === read || real(dir) === readReal) continue;
    found.push(posixRelative(ws, dir));
  }
  return [...new Set(found)];
}
__name(strayRecordLogs, "strayRecordLogs");
function real(p) {
  try {
    return realpathSync2(p);
  } catch {
    return path3.resolve(p);
  }
}
__name(real, "real");
function recordsWarning(loc, workspace) {
  const shown = shownDir(loc, workspace);
  const exists = existsSync3(loc.dir);
  if (loc.from && !exists) {
    return `records directory ${shown} (from ${loc.from}) does not exist: nothing written by \`ml-provenance record\` is in this record \u2014 point ${loc.from} at the folder the training step wrote (records.jsonl)`;
  }
  const found = strayRecordLogs(loc, workspace);
  if (!found.length) return void 0;
  const list = found.join(", ");
  const them = found.length > 1 ? "them" : "it";
  const sub = found[0].includes("/") ? found[0].split("/")[0] : void 0;
  const where = sub ? `a step with \`working-directory: ${sub}\`` : `here the step that wrote ${shown}`;
  if (!exists) {
    return `no records log at ${shown}, but ${list} ${found.length > 1 ? "hold one each" : "holds one"} (written by \`ml-provenance record\` or training code run in a sub-folder): nothing from ${them} is in this record \u2014 pass --records ${found[0]} (the action's \`records\` input), or set ML_PROVENANCE_DIR for the whole job${subfolderBuild(found[0])}`;
  }
  return `${list} also ${found.length > 1 ? "hold a records log each" : "holds a records log"} besides ${shown}, the one read: nothing from ${them} is in this record \u2014 in GitHub Actions \`ml-provenance record\` resolves the folder against the checkout, while training code that writes lines itself resolves it against its working directory (${where}): have both write ${shown} (Python: os.path.join(os.environ.get("GITHUB_WORKSPACE", "."), "${shown}")), or delete the stray log`;
}
__name(recordsWarning, "recordsWarning");
async function committedLogWarning(loc, workspace) {
  const [tracked, inHead] = await Promise.all([trackedFiles(workspace, loc.dir), committedFiles(workspace, loc.dir)]);
  const logs = tracked.filter((f) => f.endsWith(".jsonl"));
  if (!logs.length) return void 0;
  const committed = logs.filter((f) => inHead.includes(f));
  const staged = logs.filter((f) => !inHead.includes(f));
  const shown = shownDir(loc, workspace);
  const fix = `\`${(0, import_shell_quote.quote)(["git", "rm", "-r", "--cached", shown])}\` and ignore the folder (\`ml-provenance record\` writes ${shown}/.gitignore when it makes the folder)`;
  const are = /* @__PURE__ */ __name((files) => files.length > 1 ? `logs ${files.join(", ")} are` : `log ${files[0]} is`, "are");
  const its = /* @__PURE__ */ __name((files) => files.length > 1 ? "their" : "its", "its");
  const stagedText = /* @__PURE__ */ __name((files) => `${are(files)} staged (\`git add\`) but not committed yet: once committed, ${its(files)} lines, recorded here, are merged into the record of every later checkout's run`, "stagedText");
  if (!committed.length) return `the records ${stagedText(staged)} \u2014 ${fix}`;
  const also = staged.length ? `; the records ${stagedText(staged)}` : "";
  return `the records ${are(committed)} committed to the repository: ${its(committed)} lines were recorded wherever it was committed from, not by this run, and are in this record${also} \u2014 ${fix}`;
}
__name(committedLogWarning, "committedLogWarning");
function otherRunsWarning(others, loc, workspace, untagged = []) {
  if (!others.size) return void 0;
  const counts = [...others].map(([from, n]) => `${from}: ${n}`).join(", ");
  const keys = [...others.keys()];
  const by = [
    ...keys.some((k) => k.startsWith("run ")) ? ["another GitHub Actions run"] : [],
    ...keys.some((k) => k.startsWith("attempt ")) ? ["an earlier attempt of this job, a re-run"] : []
  ].join(" or ");
  const kept = untagged.length ? `; the lines without a run tag (written by the training code itself) are all kept, and ${signsText(untagged, workspace)}: the earlier run's among them are in this record` : "";
  return `${[...others.values()].reduce((a, b) => a + b, 0)} event(s) in the records log were recorded by ${by} (${counts}) and are left out of this record \u2014 the workspace was reused (a self-hosted runner; actions/checkout with \`clean: false\`): remove ${shownDir(loc, workspace)} before training (actions/checkout's default \`clean: true\` does)${kept}`;
}
__name(otherRunsWarning, "otherRunsWarning");
function subfolderBuild(log) {
  const folder = path3.posix.dirname(log);
  return folder === "." ? "" : `; outside GitHub Actions, where \`record\` takes paths relative to the folder it runs in, run build in ${folder} instead`;
}
__name(subfolderBuild, "subfolderBuild");
async function parentRecordsLog(loc, workspace) {
  const ws = real(workspace);
  const top = await gitTopLevel(ws);
  const topReal = top === void 0 ? void 0 : real(top);
  if (topReal === void 0 || topReal === ws || !isInside(ws, topReal)) return void 0;
  const rel = path3.relative(path3.resolve(workspace), loc.dir);
  const names = [.../* @__PURE__ */ new Set([DEFAULT_RECORDS_DIR, ...rel && isInside(loc.dir, path3.resolve(workspace)) ? [rel] : []])];
  for (let dir = ws; dir !== topReal; ) {
    dir = path3.dirname(dir);
    const name = names.find((n) => nonEmpty(path3.join(dir, n, RECORDS_FILE)));
    if (name !== void 0) {
      const which = dir === topReal ? "the top folder of the git repository" : "a parent folder in the git repository";
      return { log: posixRelative(ws, path3.join(dir, name)), logDir: path3.join(dir, name), there: posixRelative(ws, dir), dir, which };
    }
  }
  return void 0;
}
__name(parentRecordsLog, "parentRecordsLog");
async function recordsElsewhere(loc, workspace, eventsRead) {
  const shown = shownDir(loc, workspace);
  const parent = await parentRecordsLog(loc, workspace);
  if (parent && eventsRead > 0) {
    const events = await readEvents(parent.logDir).catch(() => []);
    if (!events.length) return void 0;
    const ids = [...new Set(events.flatMap((e) => e.kind === "dataset" ? [e.id] : []))];
    return {
      fix: `the records log ${parent.log} (in ${parent.which}, outside this build's workspace) holds ${events.length} event(s) this build does not read${ids.length ? ` (dataset ${ids.join(", ")})` : ""}: outside GitHub Actions \`record\` writes the log of the folder it runs in, and it ran both in ${parent.there} and here (${shown}): run every \`record\` and build in one folder (${parent.there}, ${parent.dir}, with paths relative to it: \`ml-provenance record reset\` here and record those lines again there)`,
      holds: { kinds: new Set(events.map((e) => e.kind)), datasets: new Set(ids) }
    };
  }
  if (eventsRead > 0) return void 0;
  if (parent) {
    const fix = `run build in ${parent.there} (${parent.dir}), where \`record\` wrote the log, with paths relative to that folder, or pass --workspace ${parent.there}`;
    const none = existsSync3(path3.join(loc.dir, RECORDS_FILE)) ? `the records log ${shown}/${RECORDS_FILE} is empty` : `no records log at ${shown}`;
    return {
      warning: `${none} in the workspace ${path3.resolve(workspace)}, but ${parent.log} (in ${parent.which}) holds one: nothing from it is in this record \u2014 build reads the log of its workspace, which outside GitHub Actions is the folder it runs in, as for \`record\`: ${fix}`,
      fix: `the records log ${parent.log} (outside this build's workspace) holds what was recorded: ${fix}`
    };
  }
  const stray = strayRecordLogs(loc, workspace).filter((s) => nonEmpty(path3.join(path3.resolve(workspace), s, RECORDS_FILE)));
  if (!stray.length) return void 0;
  return { fix: `the records log ${stray[0]} holds what was recorded, and ${shown} is read: pass --records ${stray[0]}${subfolderBuild(stray[0])}` };
}
__name(recordsElsewhere, "recordsElsewhere");
function nonEmpty(file) {
  try {
    const st = statSync(file);
    return st.isFile() && st.size > 0;
  } catch {
    return false;
  }
}
__name(nonEmpty, "nonEmpty");
var lineList = /* @__PURE__ */ __name((lines) => lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(", ")} and ${lines.at(-1)}`, "lineList");
var said = /* @__PURE__ */ __name((s) => s.lines.length ? `${s.what} (${lineList(s.lines)})` : s.what, "said");
function signsText(found, workspace) {
  return found.map((f) => {
    const all = [...f.signs, ...f.repeats];
    const more = all.length > 4 ? `, and ${all.length - 4} more` : "";
    return `${posixRelative(path3.resolve(workspace), f.file)} seems to hold more than one run (${all.slice(0, 4).map(said).join("; ")}${more})`;
  }).join("; ");
}
__name(signsText, "signsText");
function earlierRunWarning(found, loc, workspace) {
  if (!found.length) return void 0;
  const reset = (0, import_shell_quote.quote)(["ml-provenance", "record", "reset", ...loc.from && loc.from !== "ML_PROVENANCE_DIR" ? ["--records", shownDir(loc, workspace)] : []]);
  return `${signsText(found, workspace)}, and every line of it is in this record \u2014 \`record\` appends, and nothing in these lines tells one run from the next (outside GitHub Actions they carry no run tag): start each run from an empty log, \`${reset}\` (or delete ${shownDir(loc, workspace)}) before training, then train and build again; if these lines are one run's (cross-validation folds under one metric name), record each series under its own --split or name`;
}
__name(earlierRunWarning, "earlierRunWarning");

export {
  pathMeantFromFolder,
  pathUnresolvedFromFolder,
  defaultWorkspace,
  actionsCheckout,
  commandFolder,
  unrecordableFolder,
  recordsLocation,
  appendEvent,
  readRecords,
  resetRecords,
  runTag,
  eventsOfRun,
  readGit,
  recordsWarning,
  committedLogWarning,
  otherRunsWarning,
  parentRecordsLog,
  recordsElsewhere,
  earlierRunWarning
};
