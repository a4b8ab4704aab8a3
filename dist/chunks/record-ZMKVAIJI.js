import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  collect,
  intOption,
  numberOption,
  parseKeyValue,
  parseLibrary,
  parseSplits,
  processIo,
  run,
  seedOption
} from "./chunk-555ZQ6IP.js";
import {
  actionsCheckout,
  appendEvent,
  commandFolder,
  defaultWorkspace,
  parentRecordsLog,
  pathMeantFromFolder,
  pathUnresolvedFromFolder,
  recordsLocation,
  resetRecords,
  runTag,
  unrecordableFolder
} from "./chunk-WIVBIA5Y.js";
import "./chunk-2MLUS3IL.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-CJJWD6LY.js";
import {
  DatasetId,
  isSpdxExpression,
  spdxFix
} from "./chunk-YAQPLVGR.js";
import "./chunk-QXFPCRYH.js";
import {
  isInside,
  posixRelative
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  fileUri,
  pathDatasetId
} from "./chunk-VLIFT7NW.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/record.ts
import { realpathSync } from "node:fs";
import path from "node:path";

// src/cli/record-flags.ts
var RECORD_FLAGS = {
  dataset: {
    id: "--id",
    uri: "--uri",
    version: "--version",
    path: "--path",
    digest: "--digest",
    license: "--license",
    splits: "--split *=\u2026",
    seed: "--seed",
    mediaType: "--media-type",
    "source.repository": "--source-repo",
    "source.access": "--access",
    "source.owner": "--data-owner",
    "quality.rows": "--rows",
    "quality.columns": "--columns",
    "quality.missingRate": "--missing-rate",
    "quality.duplicateRate": "--duplicate-rate",
    "quality.labelDistribution": "--label *=\u2026",
    "quality.metrics": "--quality-metric *=\u2026",
    "quality.checks": "--check",
    "sampling.strategy": "--sampling",
    "sampling.fraction": "--sample-fraction",
    "sampling.size": "--sample-size",
    "sampling.by": "--sample-by",
    "sampling.seed": "--sample-seed",
    "synthetic.generator": "--synthetic-generator",
    "synthetic.version": "--synthetic-generator",
    "synthetic.parameters": "--synthetic-param *=\u2026",
    "synthetic.seed": "--synthetic-seed",
    licenseHistory: "--license-history"
  },
  step: {
    name: "--name",
    library: "--library",
    parameters: "--param *=\u2026",
    inputs: "--input",
    outputs: "--output",
    splits: "--split *=\u2026",
    seed: "--seed",
    command: "the command after --",
    cwd: "the current folder",
    "environment.image": "--env-image",
    "environment.libraries": "--env-library *=\u2026"
  },
  metric: { name: "--name", value: "--value", epoch: "--epoch", step: "--step", split: "--split" },
  run: {
    purpose: "--purpose",
    flags: "--flag *=\u2026",
    "cluster.nodes": "--nodes",
    "cluster.acceleratorsPerNode": "--accelerators-per-node",
    "cluster.accelerator": "--accelerator",
    "cluster.strategy": "--strategy",
    "cluster.scheduler": "--scheduler"
  },
  param: { params: "*=\u2026" },
  environment: { libraries: "--library *=\u2026", accelerators: "--accelerator" },
  command: { argv: "the command", cwd: "the current folder" }
};
function recordSubcommand(kind) {
  return kind === "environment" ? "env" : kind;
}
__name(recordSubcommand, "recordSubcommand");
function recordFlag(kind, issuePath) {
  const table = RECORD_FLAGS[kind];
  if (!table) return void 0;
  const names = issuePath.filter((p) => typeof p === "string");
  for (let n = names.length; n > 0; n--) {
    const flag = table[names.slice(0, n).join(".")];
    if (flag === void 0) continue;
    const key = names[n];
    return flag.includes("*") ? flag.replace("*", key ?? "KEY") : flag;
  }
  return void 0;
}
__name(recordFlag, "recordFlag");

// src/cli/commands/record-coverage.ts
function datasetCoverageOptions(cmd) {
  return cmd.option("--source-repo <url>", "where the data is maintained (repository, bucket, catalog entry)").option("--access <level>", "access classification: public, internal, confidential, restricted").option("--data-owner <name>", "team or person accountable for the data").option("--rows <n>", "quality: number of rows", intOption("--rows")).option("--columns <n>", "quality: number of columns", intOption("--columns")).option("--missing-rate <f>", "quality: fraction of missing values (0..1)", numberOption("--missing-rate")).option("--duplicate-rate <f>", "quality: fraction of duplicate rows (0..1)", numberOption("--duplicate-rate")).option("--label <label=count>", "quality: label distribution entry (repeatable)", collect, []).option("--quality-metric <k=v>", "quality: any other named metric (repeatable)", collect, []).option("--check <name=pass|fail>", "quality: a data check that ran and its result (repeatable)", collect, []).option("--sampling <strategy>", "sampling: none, random, stratified, systematic, cluster, weighted, oversample, undersample, time-based, other").option("--sample-fraction <f>", "sampling: fraction drawn", numberOption("--sample-fraction")).option("--sample-size <n>", "sampling: number of items drawn", intOption("--sample-size")).option("--sample-by <key>", "sampling: column stratified or weighted by").option("--sample-seed <n>", "sampling: seed", seedOption("--sample-seed")).option("--synthetic-generator <name[@version]>", "the data is synthetic: the generator that made it").option("--synthetic-param <k=v>", "synthetic: a generation parameter (repeatable)", collect, []).option("--synthetic-seed <n>", "synthetic: generation seed", seedOption("--synthetic-seed")).option("--license-history <version=spdx>", "an earlier license of this dataset, from that version on (repeatable)", collect, []);
}
__name(datasetCoverageOptions, "datasetCoverageOptions");
function numbers(entries, flag) {
  if (!entries.length) return void 0;
  const out = {};
  for (const e of entries) {
    const [k, v] = parseKeyValue(e, flag);
    if (typeof v !== "number") throw new InputError("bad-number", `${flag} ${k}=\u2026: the value must be a number`, { fix: `write it as ${flag} ${k}=12` });
    out[k] = v;
  }
  return out;
}
__name(numbers, "numbers");
function checks(entries) {
  if (!entries.length) return void 0;
  return entries.map((e) => {
    const m = /^(.+)=(pass|passed|ok|true|fail|failed|false)$/i.exec(e);
    if (!m) throw new InputError("bad-check", `--check expects NAME=pass or NAME=fail`, { fix: "write it as --check no_null_labels=pass" });
    return { name: m[1], passed: /^(pass|passed|ok|true)$/i.test(m[2]) };
  });
}
__name(checks, "checks");
var defined = /* @__PURE__ */ __name((o) => {
  const clean = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
  return Object.keys(clean).length ? clean : void 0;
}, "defined");
function datasetCoverageFields(o) {
  const generator = o.syntheticGenerator;
  const [genName, genVersion] = generator ? splitAt(generator) : [void 0, void 0];
  const syntheticParams = o.syntheticParam.map((p) => parseKeyValue(p, "--synthetic-param"));
  if (!generator && (syntheticParams.length || o.syntheticSeed !== void 0)) {
    throw new InputError("synthetic-without-generator", "--synthetic-param/--synthetic-seed need --synthetic-generator", {
      fix: "name the generator: --synthetic-generator NAME@VERSION"
    });
  }
  const sampling = defined({
    strategy: o.sampling,
    fraction: o.sampleFraction,
    size: o.sampleSize,
    by: o.sampleBy,
    seed: o.sampleSeed
  });
  if (sampling && !sampling.strategy) {
    throw new InputError("sampling-without-strategy", "--sample-* flags need --sampling STRATEGY", { fix: "add e.g. --sampling stratified" });
  }
  return {
    source: defined({ repository: o.sourceRepo, access: o.access, owner: o.dataOwner }),
    quality: defined({
      rows: o.rows,
      columns: o.columns,
      missingRate: o.missingRate,
      duplicateRate: o.duplicateRate,
      labelDistribution: numbers(o.label, "--label"),
      metrics: numbers(o.qualityMetric, "--quality-metric"),
      checks: checks(o.check)
    }),
    sampling,
    synthetic: generator ? defined({
      generator: genName,
      version: genVersion,
      parameters: syntheticParams.length ? Object.fromEntries(syntheticParams) : void 0,
      seed: o.syntheticSeed
    }) : void 0,
    licenseHistory: o.licenseHistory.length ? o.licenseHistory.map((e) => {
      const eq = e.indexOf("=");
      if (eq <= 0) throw new InputError("bad-license-history", "--license-history expects VERSION=SPDX", { fix: "write it as --license-history 1.0=CC-BY-4.0" });
      const license = e.slice(eq + 1);
      if (!isSpdxExpression(license)) {
        throw new InputError("bad-license", `--license-history "${e}": "${license}" is not an SPDX license expression`, {
          fix: `pass --license-history VERSION=SPDX with a valid license: ${spdxFix(license)}`,
          fields: ["--license-history"]
        });
      }
      return { version: e.slice(0, eq), license };
    }) : void 0
  };
}
__name(datasetCoverageFields, "datasetCoverageFields");
function splitAt(s) {
  const at = s.lastIndexOf("@");
  return at > 0 ? [s.slice(0, at), s.slice(at + 1)] : [s, void 0];
}
__name(splitAt, "splitAt");
function stepCoverageOptions(cmd) {
  return cmd.option("--env-image <ref>", "the container image this step ran in, when not the run's").option("--env-library <name=version>", "a library version this step used, when not the run's (repeatable)", collect, []).option("--env-python <spec>", "capture this step's Python packages: a lockfile, pip:PYTHON or uv:PYTHON (`pip freeze` of that interpreter), or auto").option("--env-detect-image", "capture the container image this step runs in (Docker API, Kubernetes pod status, Podman), as the build does for the run").argument("[command...]", "after --: the command that ran this step (replayed by `replay --run`)");
}
__name(stepCoverageOptions, "stepCoverageOptions");
async function stepCoverageFields(command, o, warn) {
  const typed = Object.fromEntries(o.envLibrary.map((l) => parseLibrary(l, "--env-library")));
  const sources = [];
  let captured = {};
  if (typeof o.envPython === "string") {
    const { capturePython } = await import("./python-IEQFX5JA.js");
    const py = await capturePython(o.envPython, process.cwd());
    if (py) {
      captured = py.packages;
      const from = py.file && py.file.name !== py.source ? py.file.name : py.interpreter;
      sources.push(from ? `${py.source} (${from})` : py.source);
    } else warn(`--env-python ${o.envPython === "auto" ? "auto found no lockfile in the workspace" : "captured nothing"}: the step's libraries are not recorded`);
  }
  let image = o.envImage;
  if (o.envDetectImage && image === void 0) {
    const { detectImage } = await import("./container-XNVRUAZH.js");
    let noted = false;
    const found = await detectImage({ onNote: /* @__PURE__ */ __name((m) => (noted = true, warn(m)), "onNote") });
    if (found) {
      image = found.reference;
      sources.push(found.source);
    } else if (!noted) warn("--env-detect-image: this step does not run in a container the tool can see (Docker API, Kubernetes, Podman); pass --env-image REF");
  }
  const libraries = { ...captured, ...typed };
  return {
    command: command.length ? command : void 0,
    environment: defined({ image, libraries: Object.keys(libraries).length ? libraries : void 0, sources: sources.length ? sources : void 0 })
  };
}
__name(stepCoverageFields, "stepCoverageFields");
function runOptions(cmd) {
  return cmd.option("--purpose <text>", "why this run was made, in a sentence").option("--flag <k=v>", "a feature / A-B flag in effect (repeatable)", collect, []).option("--nodes <n>", "cluster: number of nodes", intOption("--nodes")).option("--accelerators-per-node <n>", "cluster: accelerators per node", intOption("--accelerators-per-node")).option("--accelerator <name>", "cluster: accelerator model").option("--strategy <name>", "cluster: distributed strategy (ddp, fsdp, deepspeed-zero3, \u2026)").option("--scheduler <name>", "cluster: scheduler (slurm, kubernetes, ray, \u2026)");
}
__name(runOptions, "runOptions");
function runFields(o) {
  const flags = o.flag.map((f) => parseKeyValue(f, "--flag"));
  return {
    kind: "run",
    purpose: o.purpose,
    flags: flags.length ? Object.fromEntries(flags) : void 0,
    cluster: defined({
      nodes: o.nodes,
      acceleratorsPerNode: o.acceleratorsPerNode,
      accelerator: o.accelerator,
      strategy: o.strategy,
      scheduler: o.scheduler
    })
  };
}
__name(runFields, "runFields");
function splitOutput(arg) {
  const eq = arg.indexOf("=");
  return eq > 0 ? { id: arg.slice(0, eq), path: arg.slice(eq + 1) } : { id: arg };
}
__name(splitOutput, "splitOutput");

// src/cli/commands/record.ts
function recordsOption(cmd) {
  return cmd.option("--records <dir>", "records directory, relative to the workspace (default .ml-provenance, env ML_PROVENANCE_DIR)");
}
__name(recordsOption, "recordsOption");
function workspacePath(p, flag, workspace, prefix = "", cwd = process.cwd()) {
  if (p === void 0) return void 0;
  if (path.isAbsolute(p)) {
    let abs = path.resolve(p);
    try {
      abs = path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
    }
    return isInside(abs, workspace) && abs !== workspace ? posixRelative(workspace, abs) : p;
  }
  if (workspace === cwd) return p;
  const folder = posixRelative(workspace, cwd);
  const meant = pathMeantFromFolder(p, workspace, cwd);
  const unresolved = meant === void 0 ? pathUnresolvedFromFolder(p, workspace, cwd) : void 0;
  const why = meant !== void 0 || unresolved !== void 0 ? unrecordableFolder(workspace, cwd) : void 0;
  if (why !== void 0) {
    const where = meant !== void 0 ? `where ${p} does not exist (it does from the current folder ${folder})` : `where ${p} does not exist yet, nor from the current folder ${folder}`;
    throw new InputError("folder-not-recordable", `${flag} ${prefix}${p}: paths are relative to the workspace ${workspace}, ${where}, and the current folder cannot be named in a record: ${why}`, {
      fix: "rename the folder (no '\\' in its name) and write the path relative to the workspace, or run `ml-provenance record` from the workspace's root",
      fields: [flag]
    });
  }
  if (meant !== void 0) {
    throw new InputError("path-from-subfolder", `${flag} ${prefix}${p}: paths are relative to the workspace ${workspace}, where ${p} does not exist (it does from the current folder ${cwd})`, {
      fix: `write ${flag} ${prefix}${meant}`,
      fields: [flag]
    });
  }
  if (unresolved !== void 0) {
    stderrLogger.warning(`${flag} ${prefix}${p} is recorded relative to the workspace ${workspace}, as build reads it: neither ${p} nor ${unresolved} (from the current folder ${folder}) exists yet, and build will look for ${p} only \u2014 if the file is written under the current folder, write ${flag} ${prefix}${unresolved}`);
  }
  return p;
}
__name(workspacePath, "workspacePath");
function checkDatasetRefs(ids, flag) {
  for (const ref of ids) {
    const id = flag === "--output" ? splitOutput(ref).id : ref;
    const parsed = DatasetId.safeParse(id);
    if (parsed.success) continue;
    const encoded = pathDatasetId(id);
    throw new InputError("bad-dataset-id", `${flag} ${id}: ${parsed.error.issues[0]?.message ?? "not a dataset id"}`, {
      fix: `pass the id the dataset was recorded under${encoded === id ? "" : `; if ${id} is a path or name (a DVC output, an MLflow or Hugging Face dataset), its id is ${encoded}: write ${flag} ${ref.replace(id, encoded)}`}`,
      fields: [flag]
    });
  }
}
__name(checkDatasetRefs, "checkDatasetRefs");
function checkRecordsPath(loc, value, workspace, cwd = process.cwd()) {
  if (value === void 0 || path.isAbsolute(value.trim()) || workspace === cwd || isInside(loc.dir, workspace)) return;
  const meant = path.resolve(cwd, value.trim());
  const write = loc.from === "--records" ? (v) => `--records ${v}` : (v) => `ML_PROVENANCE_DIR=${v}`;
  throw new InputError("records-outside-workspace", `${write(value.trim())}: the records folder is relative to the workspace ${workspace}, and this one leads out of it (to ${loc.dir}), where neither build nor the action reads it`, {
    fix: isInside(meant, workspace) ? `write ${write(path.relative(workspace, meant) || ".")}` : "name a folder inside the checkout (default .ml-provenance)",
    fields: [loc.from ?? "--records"]
  });
}
__name(checkRecordsPath, "checkRecordsPath");
async function append(records, event) {
  const clean = Object.fromEntries(Object.entries({ ...event, ...runTag() }).filter(([, v]) => v !== void 0));
  const kind = String(clean.kind);
  const sub = recordSubcommand(kind);
  const workspace = defaultWorkspace();
  const loc = recordsLocation({ value: records, by: "--records" }, workspace);
  checkRecordsPath(loc, records ?? process.env.ML_PROVENANCE_DIR, workspace);
  const checkout = actionsCheckout();
  if (checkout !== void 0 && !isInside(loc.dir, checkout)) {
    stderrLogger.warning(`the records log ${loc.dir} is outside the checkout (GITHUB_WORKSPACE ${checkout}), where the action does not read it \u2014 run the training inside the checkout, or set ML_PROVENANCE_DIR to a folder in it (e.g. $GITHUB_WORKSPACE/.ml-provenance)`);
  }
  await appendEvent(loc.dir, clean, void 0, {
    what: `value for \`record ${sub}\``,
    fix: `correct the value named above (\`ml-provenance record ${sub} --help\` lists each option and its form)`,
    name: /* @__PURE__ */ __name((p) => recordFlag(kind, p), "name")
  });
}
__name(append, "append");
function register(program) {
  const record = program.command("record").description("append what the training code knows to the records log (.ml-provenance/records.jsonl)");
  recordsOption(
    datasetCoverageOptions(record.command("dataset").description("declare a dataset used or produced by the run").requiredOption("--id <id>", "stable dataset id, referenced by steps").option("--uri <uri>", "where the data lives (s3://\u2026, hf://datasets/ORG/NAME@REV, file:\u2026); default file:<--path>, percent-encoded as a URI").option("--version <v>", "dataset version (default: the REV of an hf://datasets/\u2026@REV URI)").option("--path <p>", "local file or directory to hash (relative to the workspace)").option("--digest <sha256:hex>", "content digest of remote data").option("--license <spdx>", "SPDX license expression (MIT, CC-BY-4.0, Apache-2.0 OR MIT) or LicenseRef-NAME").option("--split <name=fraction>", "a split and its fraction (repeatable)", collect, []).option("--seed <n>", "seed used for splitting/shuffling", seedOption("--seed")).option("--media-type <type>", "media type of the data"))
  ).action(
    run(async (o) => {
      const [uri, dataPath, license] = [o.uri, o.path, o.license];
      if (!uri && !dataPath) {
        throw new InputError("dataset-without-location", `record dataset --id ${String(o.id)} needs --uri or --path`, {
          fix: "pass --path FILE_OR_DIR for local data (hashed at build) or --uri URI for remote data (s3://\u2026, hf://datasets/ORG/NAME@REV)",
          fields: ["--uri", "--path"]
        });
      }
      const kept = workspacePath(dataPath, "--path", defaultWorkspace());
      if (license !== void 0 && !isSpdxExpression(license)) {
        throw new InputError("bad-license", `--license "${license}" is not an SPDX license expression`, { fix: `pass --license with a valid value: ${spdxFix(license)}`, fields: ["--license"] });
      }
      await append(o.records, {
        kind: "dataset",
        id: o.id,
        // Like the manifest: local data without a URI lives at file:<path> (percent-encoded, a URI).
        uri: uri ?? fileUri(kept),
        version: o.version,
        path: kept,
        digest: o.digest,
        license: o.license,
        splits: parseSplits(o.split),
        seed: o.seed,
        mediaType: o.mediaType,
        ...datasetCoverageFields(o)
      });
    })
  );
  recordsOption(
    stepCoverageOptions(record.command("step").description("record a data transformation step").requiredOption("--name <name>", "step name").option("--library <name@version>", "library that performed it").option("--param <k=v>", "a step parameter (repeatable)", collect, []).option("--input <id>", "input dataset id (repeatable)", collect, []).option("--output <id[=path]>", "output dataset id; with =PATH the output file/directory is hashed at build, so later runs that read the same bytes link to this one (repeatable)", collect, []).option("--split <name=fraction>", "a split this step made of its inputs (repeatable); its outputs are the parts", collect, []).option("--seed <n>", "seed this step split or shuffled with", seedOption("--seed")))
  ).action(
    run(async (command, o) => {
      const params = o.param.map((p, i) => parseKeyValue(p, "--param", i + 1));
      checkDatasetRefs(o.input, "--input");
      checkDatasetRefs(o.output, "--output");
      const outputs = o.output.map(splitOutput).map((out) => ({ ...out, path: workspacePath(out.path, "--output", defaultWorkspace(), `${out.id}=`) }));
      await append(o.records, {
        kind: "step",
        name: o.name,
        library: o.library,
        parameters: params.length ? Object.fromEntries(params) : void 0,
        inputs: o.input.length ? o.input : void 0,
        outputs: o.output.length ? o.output.map((x) => splitOutput(x).id) : void 0,
        splits: parseSplits(o.split),
        seed: o.seed,
        ...await stepCoverageFields(command, o, (m) => stderrLogger.warning(m)),
        // The folder its command runs in; without one, the folder its output paths were typed in, which
        // lets build explain a path typed relative to it (left out when no record can name it).
        cwd: command.length ? commandFolder(defaultWorkspace()) : outputs.some((out) => out.path) ? commandFolder(defaultWorkspace(), process.cwd(), false) : void 0
      });
      for (const out of outputs) {
        if (out.path) await append(o.records, { kind: "dataset", id: out.id, path: out.path });
      }
    })
  );
  recordsOption(runOptions(record.command("run").description("record what the run is for and how it was laid out: purpose, feature flags, cluster"))).action(
    run(async (o) => {
      await append(o.records, runFields(o));
    })
  );
  recordsOption(
    record.command("metric").description("record a metric value").requiredOption("--name <name>", "metric name").requiredOption("--value <number>", "metric value", numberOption("--value")).option("--epoch <n>", "epoch", intOption("--epoch")).option("--step <n>", "global step", intOption("--step")).option("--split <name>", "split evaluated (train, validation, test\u2026)")
  ).action(
    run(async (o) => {
      await append(o.records, { kind: "metric", name: o.name, value: o.value, epoch: o.epoch, step: o.step, split: o.split });
    })
  );
  recordsOption(
    record.command("param").description("record hyperparameters: K=V \u2026").argument("<kv...>", "KEY=VALUE pairs")
  ).action(
    run(async (kv, o) => {
      await append(o.records, { kind: "param", params: Object.fromEntries(kv.map((x, i) => parseKeyValue(x, "param", i + 1))) });
    })
  );
  recordsOption(
    record.command("command").description("record the training command (after --), used by `replay --run`").argument("<argv...>", "the command and its arguments")
  ).action(
    run(async (argv, o) => {
      await append(o.records, { kind: "command", argv, cwd: commandFolder(defaultWorkspace()) });
    })
  );
  recordsOption(
    record.command("env").description("record library versions and accelerators").option("--library <name=version>", "a library and its version, NAME=VERSION or NAME@VERSION (repeatable)", collect, []).option("--accelerator <name>", "an accelerator used (repeatable)", collect, [])
  ).action(
    run(async (o) => {
      const libs = o.library.map((l, i) => parseLibrary(l, "--library", i + 1));
      await append(o.records, {
        kind: "environment",
        libraries: libs.length ? Object.fromEntries(libs) : void 0,
        accelerators: o.accelerator.length ? o.accelerator : void 0
      });
    })
  );
  recordsOption(
    record.command("reset").description("start an empty records log: remove the lines earlier runs left (every log file build reads in the records folder)")
  ).action(
    run(async (o) => {
      const workspace = defaultWorkspace();
      const loc = recordsLocation({ value: o.records, by: "--records" }, workspace);
      checkRecordsPath(loc, o.records ?? process.env.ML_PROVENANCE_DIR, workspace);
      const shown = isInside(loc.dir, workspace) ? posixRelative(workspace, loc.dir) || "." : loc.dir;
      const removed = await resetRecords(loc.dir);
      if (!removed.length) processIo.err(`no records log in ${shown}: nothing to remove`);
      for (const r of removed) processIo.err(`removed ${shown}/${r.name} (${r.lines} line(s))`);
      const parent = removed.some((r) => r.lines > 0) ? void 0 : await parentRecordsLog(loc, workspace);
      if (parent) {
        processIo.err(
          `warning: ${parent.log} (in ${parent.which}) holds a records log, left as it is: outside GitHub Actions \`record\`, \`record reset\` and \`build\` each take the folder they run in as the workspace \u2014 to empty that log, run \`ml-provenance record reset\` in ${parent.there} (${parent.dir})`
        );
      }
      return 0;
    })
  );
}
__name(register, "register");
export {
  register
};
