import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  collect,
  intOption,
  numberOption,
  run
} from "./chunk-IIXKIORC.js";
import {
  appendEvent,
  recordsDir
} from "./chunk-BRKJSFSF.js";
import "./chunk-T6IRZX5W.js";
import "./chunk-B5GPVALP.js";
import "./chunk-6OCRJMU6.js";
import "./chunk-VYZM6XTX.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/values.ts
function parseKeyValue(arg, flag) {
  const eq = arg.indexOf("=");
  if (eq <= 0) {
    throw new InputError("bad-key-value", `${flag} expects KEY=VALUE, got "${arg}"`, { fix: `write it as ${flag === "param" ? "" : `${flag} `}lr=0.01` });
  }
  return [arg.slice(0, eq), typedValue(arg.slice(eq + 1))];
}
__name(parseKeyValue, "parseKeyValue");
function typedValue(raw) {
  if (/^-?0\d/.test(raw)) return raw;
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
    const n = Number(raw);
    if (Number.isFinite(n) && (Number.isSafeInteger(n) || !/^-?\d+$/.test(raw))) return n;
  }
  return raw;
}
__name(typedValue, "typedValue");
function parseLibrary(arg, flag) {
  const m = /^(@?[^@=\s]+)[=@](\S+)$/.exec(arg);
  if (!m) throw new InputError("bad-library", `${flag} expects NAME=VERSION or NAME@VERSION, got "${arg}"`, { fix: `write it as ${flag} torch=2.4.0` });
  return [m[1], m[2]];
}
__name(parseLibrary, "parseLibrary");
function parseSplits(entries) {
  if (!entries.length) return void 0;
  const out = {};
  for (const e of entries) {
    const [k, v] = parseKeyValue(e, "--split");
    if (typeof v !== "number") throw new InputError("bad-split", `--split ${e}: the fraction must be a number in (0, 1]`, { fix: "write it as --split train=0.8" });
    out[k] = v;
  }
  return out;
}
__name(parseSplits, "parseSplits");

// src/cli/commands/record.ts
function recordsOption(cmd) {
  return cmd.option("--records <dir>", "records directory (default .ml-provenance, env ML_PROVENANCE_DIR)");
}
__name(recordsOption, "recordsOption");
async function append(records, event) {
  const clean = Object.fromEntries(Object.entries(event).filter(([, v]) => v !== void 0));
  await appendEvent(recordsDir(records), clean);
}
__name(append, "append");
function register(program) {
  const record = program.command("record").description("append what the training code knows to the records log (.ml-provenance/records.jsonl)");
  recordsOption(
    record.command("dataset").description("declare a dataset used or produced by the run").requiredOption("--id <id>", "stable dataset id, referenced by steps").requiredOption("--uri <uri>", "where the data lives (s3://\u2026, hf://datasets/\u2026@rev, file:\u2026)").option("--version <v>", "dataset version").option("--path <p>", "local file or directory to hash (relative to the workspace)").option("--digest <sha256:hex>", "content digest of remote data").option("--license <spdx>", "SPDX license id").option("--split <name=fraction>", "a split and its fraction (repeatable)", collect, []).option("--seed <n>", "seed used for splitting/shuffling", intOption("--seed")).option("--media-type <type>", "media type of the data")
  ).action(
    run(async (o) => {
      await append(o.records, {
        kind: "dataset",
        id: o.id,
        uri: o.uri,
        version: o.version,
        path: o.path,
        digest: o.digest,
        license: o.license,
        splits: parseSplits(o.split),
        seed: o.seed,
        mediaType: o.mediaType
      });
    })
  );
  recordsOption(
    record.command("step").description("record a data transformation step").requiredOption("--name <name>", "step name").option("--library <name@version>", "library that performed it").option("--param <k=v>", "a step parameter (repeatable)", collect, []).option("--input <id>", "input dataset id (repeatable)", collect, []).option("--output <id>", "output dataset id (repeatable)", collect, [])
  ).action(
    run(async (o) => {
      const params = o.param.map((p) => parseKeyValue(p, "--param"));
      await append(o.records, {
        kind: "step",
        name: o.name,
        library: o.library,
        parameters: params.length ? Object.fromEntries(params) : void 0,
        inputs: o.input.length ? o.input : void 0,
        outputs: o.output.length ? o.output : void 0
      });
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
      await append(o.records, { kind: "param", params: Object.fromEntries(kv.map((x) => parseKeyValue(x, "param"))) });
    })
  );
  recordsOption(
    record.command("command").description("record the training command (after --), used by `replay --run`").argument("<argv...>", "the command and its arguments")
  ).action(
    run(async (argv, o) => {
      await append(o.records, { kind: "command", argv });
    })
  );
  recordsOption(
    record.command("env").description("record library versions and accelerators").option("--library <name=version>", "a library and its version, NAME=VERSION or NAME@VERSION (repeatable)", collect, []).option("--accelerator <name>", "an accelerator used (repeatable)", collect, [])
  ).action(
    run(async (o) => {
      const libs = o.library.map((l) => parseLibrary(l, "--library"));
      await append(o.records, {
        kind: "environment",
        libraries: libs.length ? Object.fromEntries(libs) : void 0,
        accelerators: o.accelerator.length ? o.accelerator : void 0
      });
    })
  );
}
__name(register, "register");
export {
  register
};
