import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addTrustFlags,
  bundleVerifier
} from "./chunk-IVV76MIV.js";
import {
  STORE_SOURCE_HELP,
  refuseFilesWithStore,
  storeRunsById
} from "./chunk-UKDGKPL6.js";
import {
  Option,
  collect,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  trustDocuments
} from "./chunk-ZZ2FXLYW.js";
import "./chunk-BF4Q6TWI.js";
import "./chunk-LNJGPLWF.js";
import {
  RecordEvent
} from "./chunk-2MLUS3IL.js";
import "./chunk-B5GPVALP.js";
import "./chunk-5ZCMPX7L.js";
import {
  bundleCertificate,
  signerIdentity
} from "./chunk-62XNHVZS.js";
import {
  digestPath
} from "./chunk-AT7NZQCF.js";
import "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-2D5AWCES.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-MFLXRQWX.js";
import {
  loadDocument
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5KXDBTSY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import {
  refusedValueShape
} from "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import {
  LIMITS,
  isInside,
  readFileChecked,
  readLines
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-E7LSDQ4Q.js";
import {
  CheckError,
  InputError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import {
  lastMetrics
} from "./chunk-TEKKXLFQ.js";
import {
  textTable
} from "./chunk-DIIYQ2ZF.js";
import {
  fileUriPath,
  knownPath,
  pathDatasetId
} from "./chunk-VLIFT7NW.js";
import {
  commandInFolder,
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  gitCommit
} from "./chunk-3HTINU5N.js";
import {
  termLine
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/replay.ts
import path3 from "node:path";
import { createInterface } from "node:readline/promises";

// src/lineage/replay.ts
import { execFile, spawn } from "node:child_process";
import { mkdtemp, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path2 from "node:path";
import { promisify } from "node:util";

// src/lineage/pipeline.ts
import path from "node:path";
function datasetByRef(statement, ref) {
  const ds = statement.predicate.datasets;
  return ds.find((d) => `${d.id}@${d.version ?? ""}` === ref) ?? ds.find((d) => d.id === ref);
}
__name(datasetByRef, "datasetByRef");
function datasetLocalPath(d) {
  return knownPath(d) ?? fileUriPath(d.uri);
}
__name(datasetLocalPath, "datasetLocalPath");
var label = /* @__PURE__ */ __name((d) => d.version ? `${d.id}@${d.version}` : d.id, "label");
function pipelineOrder(statement) {
  const steps = statement.predicate.steps.map((step, index) => ({ step, index, argv: step.command ?? [] })).filter((s) => s.argv.length > 0);
  const producer = /* @__PURE__ */ new Map();
  for (const s of steps) for (const o of s.step.outputs ?? []) for (const k of datasetKeys(statement, o)) producer.set(k, s.index);
  const deps = new Map(
    steps.map((s) => [
      s.index,
      new Set(
        (s.step.inputs ?? []).flatMap((i) => datasetKeys(statement, i).map((k) => producer.get(k))).filter((p) => p !== void 0 && p !== s.index)
      )
    ])
  );
  const done = /* @__PURE__ */ new Set();
  const order = [];
  while (order.length < steps.length) {
    const next = steps.find((s) => !done.has(s.index) && [...deps.get(s.index)].every((d) => done.has(d)));
    if (!next) {
      const stuck = steps.filter((s) => !done.has(s.index)).map((s) => s.step.name);
      throw new InputError("replay-step-cycle", `the recorded steps ${stuck.join(", ")} read each other's outputs in a cycle, so there is no order to replay them in`, {
        fix: "check the steps\u2019 --input/--output in the record (`ml-provenance summary`); replay the run command instead with a record that has no step commands"
      });
    }
    done.add(next.index);
    order.push(next);
  }
  return order;
}
__name(pipelineOrder, "pipelineOrder");
function datasetKey(statement, ref) {
  const d = datasetByRef(statement, ref);
  return d ? label(d) : ref;
}
__name(datasetKey, "datasetKey");
function datasetKeys(statement, ref) {
  const d = datasetByRef(statement, ref);
  const at = d && datasetLocalPath(d);
  return [datasetKey(statement, ref), ...at ? [`path:${path.normalize(at)}`] : []];
}
__name(datasetKeys, "datasetKeys");
function unreplayableSteps(statement, plan) {
  if (plan.length === 0) return [];
  return statement.predicate.steps.filter((s) => !s.command || s.command.length === 0);
}
__name(unreplayableSteps, "unreplayableSteps");
function producedByPipeline(statement, plan) {
  const out = /* @__PURE__ */ new Map();
  const byPath = /* @__PURE__ */ new Map();
  for (const p of plan) {
    for (const o of p.step.outputs ?? []) {
      out.set(datasetKey(statement, o), p.step.name);
      const d = datasetByRef(statement, o);
      const at = d && datasetLocalPath(d);
      if (at) byPath.set(path.normalize(at), p.step.name);
    }
  }
  for (const d of statement.predicate.datasets) {
    const at = datasetLocalPath(d);
    const by = at && byPath.get(path.normalize(at));
    if (by && !out.has(label(d))) out.set(label(d), by);
  }
  return out;
}
__name(producedByPipeline, "producedByPipeline");
function fetchInstructions(d) {
  const rev = d.version;
  const to = `./${d.id.replace(/[^A-Za-z0-9._-]/g, "_")}`;
  const uri = d.uri;
  const hf = hfRepo(uri);
  let cmd;
  if (hf) cmd = `hf download ${hf.repo}${hf.file ? ` ${hf.file}` : ""} --repo-type dataset${rev ? ` --revision ${rev}` : ""} --local-dir ${to}`;
  else if (uri.startsWith("s3://")) cmd = s3Instructions(uri, rev, to);
  else if (uri.startsWith("gs://")) cmd = gsInstructions(uri, rev, to);
  else if (uri.startsWith("dvc://") || d.annotations?.dvc !== void 0) cmd = `dvc pull${rev ? ` (at the git revision ${rev}: git checkout ${rev} first)` : ""}`;
  else if (/^https?:\/\//.test(uri)) cmd = `curl -fL -o ${to} '${uri.replace(/'/g, `'\\''`)}'`;
  else cmd = `fetch ${uri}${rev ? ` at version ${rev}` : ""} to ${to}`;
  const check = d.digest?.sha256 ? `, then pass --input ${d.id}=${to} so replay checks its sha256` : `, then pass --input ${d.id}=${to} (no digest recorded: it cannot be checked)`;
  return `${cmd}${check}`;
}
__name(fetchInstructions, "fetchInstructions");
function hfRepo(uri) {
  const hf = /^hf:\/\/datasets\/([^/@\s]+(?:\/[^/@\s]+)?)(?:@[^/\s]+)?(?:\/(\S+))?$/.exec(uri);
  if (hf) return { repo: hf[1], ...hf[2] ? { file: hf[2] } : {} };
  const web = /^https:\/\/huggingface\.co\/datasets\/([^?#\s]+)/.exec(uri);
  if (!web) return void 0;
  const parts = web[1].split("/").filter(Boolean);
  const tree = parts.findIndex((p, i) => i > 0 && (p === "tree" || p === "resolve" || p === "blob"));
  const repo = parts.slice(0, tree > 0 ? Math.min(tree, 2) : 2).join("/");
  const file = tree > 0 ? parts.slice(tree + 2).join("/") : "";
  return repo ? { repo, ...file ? { file } : {} } : void 0;
}
__name(hfRepo, "hfRepo");
function s3Instructions(uri, rev, to) {
  if (uri.endsWith("/")) return `aws s3 cp --recursive ${uri} ${to}${rev ? `   (the prefix must still hold version ${rev}: the digest check tells)` : ""}`;
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  const base = `aws s3 cp ${uri} ${to}`;
  if (!rev || !m) return base;
  return `${base}   (if ${rev} is the object's S3 version id: aws s3api get-object --bucket ${m[1]} --key ${m[2]} --version-id ${rev} ${to})`;
}
__name(s3Instructions, "s3Instructions");
function gsInstructions(uri, rev, to) {
  if (uri.endsWith("/")) return `gcloud storage cp -r ${uri} ${to}${rev ? `   (the prefix must still hold version ${rev}: the digest check tells)` : ""}`;
  const base = `gcloud storage cp ${uri} ${to}`;
  return rev ? `${base}   (if ${rev} is the object's generation: gcloud storage cp ${uri}#${rev} ${to})` : base;
}
__name(gsInstructions, "gsInstructions");
function parseInputOverrides(pairs, statement) {
  const out = /* @__PURE__ */ new Map();
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const id = eq > 0 ? pair.slice(0, eq) : "";
    const p = eq > 0 ? pair.slice(eq + 1) : "";
    if (!id || !p) throw new InputError("bad-input-override", `--input takes ID=PATH (${pair.length} characters given, without "=" or a part)`, { fix: "pass --input DATASET_ID=./local/copy" });
    const d = datasetByRef(statement, id) ?? datasetByRef(statement, pathDatasetId(id));
    if (!d) {
      throw new InputError("unknown-input-override", `--input names a dataset the record does not have`, {
        fix: `use one of: ${statement.predicate.datasets.map(label).slice(0, 10).join(", ")}`
      });
    }
    out.set(label(d), p);
  }
  return out;
}
__name(parseInputOverrides, "parseInputOverrides");

// src/lineage/replay.ts
var run2 = promisify(execFile);
async function gitHead(dir) {
  try {
    const { stdout } = await run2("git", ["rev-parse", "HEAD"], { cwd: dir });
    return stdout.trim();
  } catch {
    return void 0;
  }
}
__name(gitHead, "gitHead");
async function gitChanged(dir) {
  try {
    const { stdout } = await run2("git", ["status", "--porcelain", "--untracked-files=no", "-z"], { cwd: dir });
    const fields = stdout.split("\0");
    const paths = [];
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (!f) continue;
      paths.push(f.slice(3));
      if (/[RC]/.test(f.slice(0, 2)) && fields[i + 1]) paths.push(fields[++i]);
    }
    return paths;
  } catch {
    return [];
  }
}
__name(gitChanged, "gitChanged");
async function exists(p) {
  return stat(p).then(
    () => true,
    () => false
  );
}
__name(exists, "exists");
function inside(workdir, rel) {
  const abs = path2.resolve(workdir, rel);
  return isInside(abs, workdir) ? abs : void 0;
}
__name(inside, "inside");
async function compareDigest(kind, input, recorded, workdir, rel, userPath) {
  const abs = userPath !== void 0 ? path2.resolve(userPath) : inside(workdir, rel);
  if (!abs) return { kind, input, recorded: recorded ?? "-", local: "-", status: "skipped", note: `${rel} is outside the workdir` };
  if (!await exists(abs)) return { kind, input, recorded: recorded ?? "-", local: "not found", status: "missing", note: rel };
  const d = await digestPath(abs, workdir);
  const local = `sha256:${d.sha256}`;
  if (!recorded) return { kind, input, recorded: "-", local, status: "skipped", note: "no sha256 recorded" };
  const where = userPath ?? rel;
  return { kind, input, recorded, local, status: recorded === local ? "match" : "mismatch", ...where !== input ? { note: where } : {} };
}
__name(compareDigest, "compareDigest");
async function dvcTracker(workdir, rel) {
  const own = inside(workdir, `${rel}.dvc`);
  if (own && await exists(own)) return `${rel}.dvc`;
  const lock = path2.join(workdir, "dvc.lock");
  if (!await exists(lock)) return void 0;
  const text = (await readFileChecked(lock, "dvc.lock", { maxBytes: LIMITS.recordsFileBytes }).catch(() => void 0))?.toString("utf8") ?? "";
  const want = path2.normalize(rel);
  const paths = text.split("\n").map((l) => /^\s*(?:-\s*)?path:\s*['"]?([^'"#]+?)['"]?\s*$/.exec(l)?.[1]);
  return paths.some((p) => p !== void 0 && path2.normalize(p) === want) ? "dvc.lock" : void 0;
}
__name(dvcTracker, "dvcTracker");
async function datasetRow(d, workdir, overrides, note) {
  const label2 = d.version ? `${d.id}@${d.version}` : d.id;
  const recorded = d.digest?.sha256 ? `sha256:${d.digest.sha256}` : void 0;
  const given = overrides.get(label2);
  const local = datasetLocalPath(d);
  let row;
  if (given !== void 0) row = await compareDigest("dataset", label2, recorded, workdir, given, given);
  else if (!local) row = { kind: "dataset", input: label2, recorded: recorded ?? "-", local: "-", status: "skipped", note: `remote (${d.uri}): ${fetchInstructions(d)}`, fetch: fetchInstructions(d) };
  else row = await compareDigest("dataset", label2, recorded, workdir, local);
  const dvc = row.status === "missing" && local && given === void 0 ? await dvcTracker(workdir, local) : void 0;
  if (dvc) row = { ...row, note: `${row.note ?? local}; tracked by DVC (${dvc}): dvc pull ${local}` };
  return note ? { ...row, note: row.note ? `${note}; ${row.note}` : note } : row;
}
__name(datasetRow, "datasetRow");
async function replayCheck(statement, workdir, co = {}) {
  const p = statement.predicate;
  const rows = [];
  const commit = gitCommit(statement);
  if (commit) {
    const head = await gitHead(workdir);
    const changed = head === void 0 ? [] : await gitChanged(workdir);
    rows.push({
      kind: "source",
      input: "git HEAD",
      recorded: commit,
      local: head ?? "not a git checkout",
      status: head === void 0 ? "missing" : head === commit ? "match" : "mismatch",
      // Said, not failed: the record has the commit, not the working tree it ran in.
      ...changed.length ? { note: `uncommitted changes: ${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ` and ${changed.length - 3} more` : ""}` } : {}
    });
  }
  rows.push(...await folderRows(statement, workdir));
  for (const c of p.configFiles) {
    rows.push(await compareDigest("config", c.name, `sha256:${c.digest.sha256}`, workdir, c.name));
  }
  const plan = pipelineOrder(statement);
  const produced = producedByPipeline(statement, plan);
  for (const d of p.datasets) {
    const label2 = d.version ? `${d.id}@${d.version}` : d.id;
    const by = produced.get(label2);
    if (by !== void 0) {
      const recorded = d.digest?.sha256 ? `sha256:${d.digest.sha256}` : "-";
      const at = datasetLocalPath(d);
      const here = at ? await compareDigest("dataset", label2, d.digest?.sha256 ? recorded : void 0, workdir, at) : void 0;
      const now = here?.status === "mismatch" ? "; the copy here differs (the step rewrites it)" : "";
      rows.push({ kind: "dataset", input: label2, recorded, local: here?.status === "match" || here?.status === "mismatch" ? here.local : "-", status: "planned", note: `written by step ${by}: compared after it runs${now}` });
      continue;
    }
    rows.push(await datasetRow(d, workdir, co.overrides ?? /* @__PURE__ */ new Map()));
  }
  plan.forEach((ps, i) => {
    rows.push({ kind: "step", input: ps.step.name, recorded: showReplayCommand({ argv: ps.argv, dir: ps.step.workingDirectory }), local: "-", status: "planned", note: `runs ${i + 1} of ${plan.length}` });
  });
  for (const s of unreplayableSteps(statement, plan)) {
    const outs = s.outputs?.length ? `; its outputs (${s.outputs.join(", ")}) must already be in the workdir` : "";
    rows.push({ kind: "step", input: s.name, recorded: "-", local: "-", status: "skipped", note: `cannot replay: no command recorded${outs}` });
  }
  return rows;
}
__name(replayCheck, "replayCheck");
function parseTolerance(text) {
  if (text === void 0 || text === "") return { absolute: 0, relative: 0 };
  const m = /^\s*(\d+(?:\.\d+)?(?:e-?\d+)?)\s*(%?)\s*$/i.exec(text);
  if (!m) {
    throw new InputError("bad-tolerance", `--tolerance must be a non-negative number or a percentage ${refusedValueShape(text)}`, {
      fix: "pass --tolerance 0.001 (absolute) or --tolerance 1% (relative)"
    });
  }
  const n = Number(m[1]);
  return m[2] ? { absolute: 0, relative: n / 100 } : { absolute: n, relative: 0 };
}
__name(parseTolerance, "parseTolerance");
function withinTolerance(recorded, local, t) {
  const diff = Math.abs(recorded - local);
  return diff <= t.absolute || diff <= t.relative * Math.abs(recorded) || diff === 0;
}
__name(withinTolerance, "withinTolerance");
function runCommand(argv, cwd, env, onOutput) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on(
      "error",
      (err) => reject(
        new InputError("replay-command-failed", `could not start the recorded command ${JSON.stringify(argv[0])}: ${err.message}`, {
          fix: "install the program the training used (see environment.tools in the record) and run again",
          cause: err
        })
      )
    );
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
__name(runCommand, "runCommand");
async function producedMetrics(freshDir, workdirLog, offset) {
  const out = [];
  const take = /* @__PURE__ */ __name((line) => {
    if (!line?.trim()) return;
    let json;
    try {
      json = JSON.parse(line);
    } catch {
      return;
    }
    const ev = RecordEvent.safeParse(json);
    if (ev.success && ev.data.kind === "metric") {
      const { name, value, epoch, step, split } = ev.data;
      out.push({ name, value, ...epoch !== void 0 ? { epoch } : {}, ...step !== void 0 ? { step } : {}, ...split !== void 0 ? { split } : {} });
    }
  }, "take");
  const fresh = path2.join(freshDir, "records.jsonl");
  if (await exists(fresh)) {
    await readLines(fresh, "records log", { maxBytes: LIMITS.recordsFileBytes, maxLine: LIMITS.recordsLineBytes, onLine: take });
    if (out.length) return out;
  }
  if (await exists(workdirLog)) {
    const bytes = await readFileChecked(workdirLog, "records log", { maxBytes: offset + LIMITS.recordsFileBytes });
    for (const line of bytes.subarray(offset).toString("utf8").split("\n")) take(line);
  }
  return out;
}
__name(producedMetrics, "producedMetrics");
function assertNotRedacted(statement, argv, pointer, what) {
  const redacted = statement.predicate.redactions.filter((r) => r.includes(pointer));
  if (redacted.length || argv.includes("[REDACTED]")) {
    throw new InputError("replay-command-redacted", `${what} had credentials redacted, so it cannot be re-run as recorded`, {
      fix: "run it yourself with the credentials supplied, then use `replay --check` or compare with `diff`",
      fields: redacted
    });
  }
}
__name(assertNotRedacted, "assertNotRedacted");
function recordedCommand(statement) {
  const argv = statement.predicate.buildDefinition.externalParameters.command;
  if (!argv || argv.length === 0) {
    throw new InputError("replay-no-command", "the record has no command to re-run (buildDefinition.externalParameters.command) and no step with a recorded command", {
      fix: "record the command during training (`ml-provenance record run -- CMD\u2026`, or `record step --command`), or use --check only",
      fields: ["predicate.buildDefinition.externalParameters.command"]
    });
  }
  assertNotRedacted(statement, argv, "/externalParameters/command", "the recorded command");
  return argv;
}
__name(recordedCommand, "recordedCommand");
function plannedCommands(statement) {
  const plan = pipelineOrder(statement);
  if (plan.length === 0) {
    const p = statement.predicate.buildDefinition.externalParameters;
    if (!p.command?.length) return [];
    return [{ label: "the recorded command", argv: p.command, ...p.workingDirectory ? { dir: p.workingDirectory, field: "predicate.buildDefinition.externalParameters.workingDirectory" } : {} }];
  }
  return plan.map((ps) => {
    const dir = ps.step.workingDirectory;
    return { label: `step ${ps.step.name}`, argv: ps.argv, stepIndex: ps.index, ...dir ? { dir, field: `predicate.steps[${ps.index}].workingDirectory` } : {} };
  });
}
__name(plannedCommands, "plannedCommands");
function replayCommands(statement) {
  const commands = plannedCommands(statement);
  if (commands[0]?.stepIndex === void 0) recordedCommand(statement);
  for (const c of commands) {
    if (c.stepIndex !== void 0) assertNotRedacted(statement, c.argv, `/steps/${c.stepIndex}/command`, `step ${statement.predicate.steps[c.stepIndex].name}'s command`);
  }
  return commands;
}
__name(replayCommands, "replayCommands");
function showReplayCommand(c) {
  return termLine(commandInFolder(c.argv, c.dir));
}
__name(showReplayCommand, "showReplayCommand");
async function workdirRoot(workdir) {
  const real = await realpath(workdir).catch(() => void 0);
  if (real === void 0 || !(await stat(real).catch(() => void 0))?.isDirectory()) {
    throw new InputError("workdir-missing", `the workdir ${termLine(workdir)} is not a folder here`, { fix: "pass --workdir a copy of the checkout", fields: ["--workdir"] });
  }
  return real;
}
__name(workdirRoot, "workdirRoot");
async function folderIn(workdir, dir, field) {
  const shown = termLine(dir);
  const outside = /* @__PURE__ */ __name((how) => ({
    code: "replay-workdir-outside",
    local: how ? "a symlink out of the workdir" : "outside the workdir",
    what: `leads outside the workdir ${termLine(workdir)}${how}`,
    fix: `workingDirectory must name a folder inside the checkout (relative, no '..', no symlink out of it); record the command from inside the checkout, or replay a record whose ${field} does`
  }), "outside");
  const target = path2.resolve(workdir, dir);
  if (path2.isAbsolute(dir) || !isInside(target, workdir)) return outside("");
  const root = await workdirRoot(workdir);
  const real = await realpath(target).catch(() => void 0);
  const st = real === void 0 ? void 0 : await stat(real).catch(() => void 0);
  if (real === void 0 || !st?.isDirectory()) {
    return {
      code: "replay-workdir-missing",
      local: real === void 0 ? "not found" : "not a folder",
      what: `is not a folder in the workdir ${termLine(workdir)}`,
      fix: `copy the whole checkout into the workdir (the command ran in its ${shown}/ folder)`
    };
  }
  if (!isInside(real, root)) return outside(" through a symlink");
  return { real };
}
__name(folderIn, "folderIn");
async function commandDir(workdir, c) {
  if (!c.dir) return workdir;
  const field = c.field ?? "workingDirectory";
  const at = await folderIn(workdir, c.dir, field);
  if ("real" in at) return at.real;
  throw new InputError(at.code, `${c.label}: its folder "${termLine(c.dir)}" (${field}) ${at.what}, so it was not run`, { fix: at.fix, fields: [field] });
}
__name(commandDir, "commandDir");
async function folderRows(statement, workdir) {
  const rows = [];
  for (const c of plannedCommands(statement)) {
    if (!c.dir || !c.field) continue;
    const at = await folderIn(workdir, c.dir, c.field);
    const row = { kind: "folder", input: c.label, recorded: `${c.dir}/`, note: c.field };
    if ("real" in at) rows.push({ ...row, local: `${c.dir}/`, status: "match" });
    else rows.push({ ...row, local: at.local, status: at.code === "replay-workdir-missing" ? "missing" : "mismatch", fix: at.fix });
  }
  return rows;
}
__name(folderRows, "folderRows");
async function stepDatasetRows(statement, stepIndex, dir, workdir, overrides, seen) {
  const step = statement.predicate.steps[stepIndex];
  const rows = [];
  for (const ref of step[dir] ?? []) {
    const d = datasetByRef(statement, ref);
    if (!d) continue;
    if (dir === "inputs" && seen.has(d)) continue;
    seen.add(d);
    rows.push(await datasetRow(d, workdir, overrides, `${dir === "inputs" ? "input of" : "output of"} step ${step.name}`));
  }
  return rows;
}
__name(stepDatasetRows, "stepDatasetRows");
var bad = /* @__PURE__ */ __name((r) => r.status === "mismatch" || r.status === "missing", "bad");
async function replayRun(statement, opts) {
  const commands = replayCommands(statement);
  const workdir = path2.resolve(opts.workdir);
  const say = opts.onOutput ?? ((b) => process.stderr.write(b));
  const overrides = opts.overrides ?? /* @__PURE__ */ new Map();
  const fresh = await mkdtemp(path2.join(tmpdir(), "mlp-replay-"));
  const workdirLog = path2.join(workdir, ".ml-provenance", "records.jsonl");
  const offset = (await stat(workdirLog).catch(() => void 0))?.size ?? 0;
  const rows = [];
  const seen = /* @__PURE__ */ new Set();
  const stopAt = /* @__PURE__ */ __name((i, why) => {
    for (const c of commands.slice(i + 1)) rows.push({ kind: "step", input: c.label.replace(/^step /, ""), recorded: showReplayCommand(c), local: "-", status: "skipped", note: `not run: ${why}` });
    return rows;
  }, "stopAt");
  try {
    for (const c of commands) await commandDir(workdir, c);
    for (const [i, c] of commands.entries()) {
      if (c.stepIndex !== void 0 && i > 0) {
        const before = await stepDatasetRows(statement, c.stepIndex, "inputs", workdir, overrides, seen);
        rows.push(...before);
        const stop = opts.allowChangedInputs ? before.some((r) => r.status === "missing") : before.some(bad);
        if (stop) return stopAt(i - 1, `an input of ${c.label} ${before.some((r) => r.status === "missing") ? "is missing" : "differs from the record"}`);
      }
      const cwd = await commandDir(workdir, c);
      say(Buffer.from(`replay: ${c.label}${commands.length > 1 ? ` (${i + 1} of ${commands.length})` : ""}: running ${showCommand(c.argv)} in ${termLine(cwd)}
`));
      const code = await runCommand(c.argv, cwd, { ...process.env, ...opts.env, ML_PROVENANCE_DIR: fresh, GITHUB_WORKSPACE: workdir }, say);
      if (code !== 0) {
        throw new CheckError("replay-command-failed", `${c.label}: the recorded command \`${showCommand(c.argv)}\` exited with ${code} in ${cwd}`, {
          fix: "the run could not be reproduced; check its output above (missing inputs or dependencies?)"
        });
      }
      if (c.stepIndex !== void 0) {
        const after = await stepDatasetRows(statement, c.stepIndex, "outputs", workdir, overrides, seen);
        rows.push(...after);
        if (after.some(bad)) return stopAt(i, `replay stopped at ${c.label}, whose output differs from the record`);
      }
    }
    if (commands.some((c) => c.stepIndex !== void 0)) {
      for (const [lbl, by] of producedByPipeline(statement, pipelineOrder(statement))) {
        const d = datasetByRef(statement, lbl);
        if (d && !seen.has(d)) {
          seen.add(d);
          rows.push(await datasetRow(d, workdir, overrides, `written by step ${by}`));
        }
      }
    }
    for (const s of statement.subject) {
      rows.push(await compareDigest("model", s.name, `sha256:${s.digest.sha256}`, workdir, s.name));
    }
    const recorded = lastMetrics(statement.predicate.metrics);
    const local = lastMetrics(await producedMetrics(fresh, workdirLog, offset));
    for (const [key, m] of recorded) {
      const label2 = `${m.name}${m.split ? ` (${m.split})` : ""}${m.epoch !== void 0 ? ` epoch ${m.epoch}` : ""}`;
      const got = local.get(key);
      if (!got) {
        rows.push({ kind: "metric", input: label2, recorded: String(m.value), local: "not recorded", status: "missing" });
        continue;
      }
      const ok = withinTolerance(m.value, got.value, opts.tolerance);
      rows.push({
        kind: "metric",
        input: label2,
        recorded: String(m.value),
        local: String(got.value),
        status: ok ? "match" : "mismatch",
        ...m.value !== got.value ? { note: `\u0394 ${got.value - m.value}` } : {}
      });
    }
    return rows;
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}
__name(replayRun, "replayRun");
function refOfIdentity(uri) {
  const at = uri?.lastIndexOf("@") ?? -1;
  return uri && at > 0 ? uri.slice(at + 1) : void 0;
}
__name(refOfIdentity, "refOfIdentity");
var PR_TRIGGERS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function assertRunTrusted(t) {
  if (t.unverified) return;
  const pr = (t.signerRef?.startsWith("refs/pull/") ?? false) || t.trigger !== void 0 && PR_TRIGGERS.has(t.trigger);
  if (pr) {
    throw new CheckError(
      "replay-pull-request-signer",
      `the record was signed by a pull-request run (${[t.signerRef, t.trigger && `trigger ${t.trigger}`].filter(Boolean).join(", ")}): its command is whatever that branch put in the records log, so --run will not execute it`,
      { fix: "read the command with `ml-provenance summary` and run it yourself if you trust it, or replay the record of the merged run (signed on a protected branch)" }
    );
  }
  if (!t.pinned) {
    throw new InputError("replay-signer-not-pinned", "--run executes the command in the record, so the signer must be pinned to a ref you trust: --repo (or a --signer-workflow without @REF) accepts a record from any branch", {
      fix: "add --signer-workflow OWNER/REPO/.github/workflows/FILE.yml@refs/heads/main (or an exact --cert-identity)",
      fields: ["--signer-workflow"]
    });
  }
}
__name(assertRunTrusted, "assertRunTrusted");
function showCommand(argv) {
  return termLine(shellWords(argv));
}
__name(showCommand, "showCommand");
function replayFailed(rows) {
  return rows.some(bad);
}
__name(replayFailed, "replayFailed");
function renderReplayTable(rows) {
  const short = /* @__PURE__ */ __name((s) => /^sha256:[a-f0-9]{64}$/.test(s) ? s.slice(0, 19) : /^[a-f0-9]{40}$/.test(s) ? s.slice(0, 12) : s, "short");
  return textTable(
    ["kind", "input", "recorded", "local", "status", "note"],
    rows.map((r) => [r.kind, r.input, short(r.recorded), short(r.local), r.status === "match" ? "ok" : r.status === "planned" ? "planned" : r.status.toUpperCase(), r.note ?? ""])
  );
}
__name(renderReplayTable, "renderReplayTable");

// src/cli/commands/replay.ts
function runTrust(doc, o) {
  if (!o.verify) return { unverified: true, pinned: false };
  const pinned = Boolean(o.signerWorkflow && o.signerWorkflow.includes("@") || o.certIdentity);
  const cert = bundleCertificate(doc.bundle);
  const id = cert ? signerIdentity(cert) : {};
  const signer = id.buildSignerURI ?? id.subjectAlternativeName;
  const signerRef = id.sourceRepositoryRef ?? refOfIdentity(signer);
  return { unverified: false, pinned, ...signerRef ? { signerRef } : {}, ...id.buildTrigger ? { trigger: id.buildTrigger } : {}, ...signer ? { signer } : {} };
}
__name(runTrust, "runTrust");
async function confirm(question) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
__name(confirm, "confirm");
function printRows(rows, json) {
  processIo.out(json ? JSON.stringify({ ok: !replayFailed(rows), rows }, null, 2) : renderReplayTable(rows));
}
__name(printRows, "printRows");
function reportBadRows(rows) {
  for (const r of rows.filter((x) => x.status === "mismatch" || x.status === "missing")) {
    const written = /^(output of|written by) step /.test(r.note ?? "") || r.kind === "model" || r.kind === "metric";
    const fix = r.fix ?? (written ? "the replayed run produced something else: compare the step\u2019s code, inputs and environment with the record (`ml-provenance summary`)" : "restore the recorded input, or accept that this run differs");
    processIo.err(termLine(`error: ${r.kind} ${r.input}: ${r.status} (recorded ${r.recorded}, local ${r.local})${r.note ? ` [${r.note}]` : ""} \u2014 ${fix}`));
  }
  const stopped = rows.find((x) => x.kind === "step" && x.status === "skipped" && x.note?.startsWith("not run: "));
  if (stopped) {
    const notRun = rows.filter((x) => x.kind === "step" && x.note?.startsWith("not run: ")).map((x) => x.input);
    processIo.err(termLine(`${stopped.note.slice("not run: ".length)}: not run: ${notRun.join(", ")}`));
  }
}
__name(reportBadRows, "reportBadRows");
function register(program) {
  const cmd = program.command("replay").description("check local inputs against a record and show the replay plan (--check), or re-run the recorded steps in order (or the run command) and compare outputs (--run)").argument("<bundle>", "provenance.sigstore.json or provenance.intoto.json (with --store: a run id)").option("--check", "compare git HEAD, config files and local datasets with the recorded digests (default)").option("--run", "re-run the recorded command in --workdir and compare model digests and final metrics (needs a signer pinned to a ref; asks first)").option("--workdir <dir>", "workspace to check or run in; for --run, a copy of the workspace inputs").option("--tolerance <T>", "with --run: allowed metric difference, absolute (0.001) or relative (1%)", "0").option("--yes", "with --run: run the recorded command without asking (it is still shown)").option("--allow-changed-inputs", "with --run: run even though inputs differ from the record (an experiment, not a reproduction); missing inputs still stop it").option("--input <ID=PATH>", "a local copy of a (remote) dataset: its digest is checked against the record (repeatable; the commands still read where they read, so put the copy there)", collect, []).option("--store <PATH|URL>", `${STORE_SOURCE_HELP}; the stored bundle is verified again, as a file is`).addOption(new Option("--json", "print the rows as JSON (same as --format json)").implies({ format: "json" })).addOption(new Option("--format <format>", "table, or json (same as --json)").choices(["table", "json"]).default("table")).option("--no-verify", "use the record without verifying its signature (never with --run on a file you did not make)");
  addTrustFlags(cmd).action(
    run(async (file, o) => {
      const json = outputFormat(o) === "json";
      if (o.check && o.run) throw new InputError("check-or-run", "pass --check or --run, not both", { fix: "--run also checks the inputs first" });
      const tolerance = parseTolerance(o.tolerance);
      if (o.run && !o.workdir) {
        throw new InputError("run-needs-workdir", "--run needs --workdir DIR (a copy of the workspace)", {
          fix: "re-running overwrites the model files, so copy the workspace inputs to a directory and pass --workdir DIR"
        });
      }
      const workdir = path3.resolve(o.workdir ?? process.cwd());
      await workdirRoot(workdir);
      if (o.store !== void 0) refuseFilesWithStore([file], "replay", o.store);
      const loaded = o.store !== void 0 ? (await storeRunsById(o.store, [file], stderrLogger))[0] : await loadDocument(file);
      const [doc] = await trustDocuments([loaded], { noVerify: !o.verify, verifier: bundleVerifier(o, { cache: false, jobs: 1 }), logger: stderrLogger });
      const { statement } = doc;
      const overrides = parseInputOverrides(o.input, statement);
      let commands;
      if (o.run) {
        assertRunTrusted(runTrust(doc, o));
        commands = replayCommands(statement);
      }
      for (const c of commands ?? []) await commandDir(workdir, c);
      const rows = await replayCheck(statement, workdir, { overrides });
      if (!commands) {
        printRows(rows, json);
        if (replayFailed(rows)) {
          reportBadRows(rows);
          return 1;
        }
        return 0;
      }
      const missing = rows.some((r) => r.status === "missing");
      const changed = rows.some((r) => r.status === "mismatch");
      if (missing || changed && !o.allowChangedInputs) {
        printRows(rows, json);
        reportBadRows(rows);
        throw new CheckError("replay-inputs-differ", `the inputs in ${workdir} are not the recorded ones, so the command was not run`, {
          fix: missing ? "restore the missing inputs (datasets, configs, the checkout) in the workdir and run again" : "restore the recorded inputs, or pass --allow-changed-inputs to run on these inputs anyway"
        });
      }
      processIo.err(
        `replay will run${commands.length === 1 && commands[0].stepIndex === void 0 ? `: ${showReplayCommand(commands[0])}` : `, in this order:
${commands.map((c) => `  ${termLine(c.label)}: ${showReplayCommand(c)}`).join("\n")}`}
  in ${termLine(workdir)} (the command${commands.length > 1 ? "s come" : " comes"} from the record${o.verify ? "" : ", which was not verified"})`
      );
      if (!o.yes) {
        if (!process.stdin.isTTY || !process.stderr.isTTY) {
          throw new InputError("replay-needs-confirmation", "--run asks before running the command from the record, and there is no terminal to ask on", {
            fix: "review the command shown above and pass --yes to run it",
            fields: ["--yes"]
          });
        }
        if (!await confirm("Run it? [y/N] ")) {
          processIo.err("not run");
          return 1;
        }
      }
      const checked = rows.filter((r) => r.status !== "planned");
      checked.push(...await replayRun(statement, { workdir, tolerance, overrides, ...o.allowChangedInputs ? { allowChangedInputs: true } : {} }));
      rows.splice(0, rows.length, ...checked);
      printRows(rows, json);
      if (replayFailed(rows)) {
        reportBadRows(rows);
        return 1;
      }
      return 0;
    })
  );
}
__name(register, "register");
export {
  register
};
