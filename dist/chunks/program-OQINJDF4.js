import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  Command,
  CommanderError,
  reportError,
  setDebug
} from "./chunk-555ZQ6IP.js";
import {
  VERSION
} from "./chunk-LNJGPLWF.js";
import "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/program.ts
var COMMANDS = [
  { name: "record", description: "append what the training code knows to the records log", load: /* @__PURE__ */ __name(() => import("./record-ZMKVAIJI.js"), "load") },
  { name: "build", description: "build the in-toto statement for a training run and check it against the policy", load: /* @__PURE__ */ __name(() => import("./build-PBFSTJSE.js"), "load") },
  { name: "validate", description: "check a statement or bundle against the schema and a policy", load: /* @__PURE__ */ __name(() => import("./validate-HQOTJ4HM.js"), "load") },
  { name: "summary", description: "print the readable summary of a statement or bundle", load: /* @__PURE__ */ __name(() => import("./summary-AMIZ336B.js"), "load") },
  { name: "sign", description: "sign a statement with Sigstore into a bundle", load: /* @__PURE__ */ __name(() => import("./sign-2IXKUBBU.js"), "load") },
  { name: "verify", description: "verify a bundle: signature, transparency log, signer identity, file digests, policy", load: /* @__PURE__ */ __name(() => import("./verify-DNSCXAN3.js"), "load") },
  { name: "diff", description: "compare two records: datasets, config, image, steps, metrics", load: /* @__PURE__ */ __name(() => import("./diff-ZHQXHYJY.js"), "load") },
  { name: "lineage", description: "query lineage across many bundles", load: /* @__PURE__ */ __name(() => import("./lineage-IZZ7UPIZ.js"), "load") },
  { name: "replay", description: "check local inputs against a record, or re-run it", load: /* @__PURE__ */ __name(() => import("./replay-TFHASWRI.js"), "load") },
  { name: "digest", description: "print the sha256 of a file, or the manifest and digest of a directory", load: /* @__PURE__ */ __name(() => import("./digest-DG5AQOFX.js"), "load") },
  { name: "reveal", description: "map keyed pseudonyms in a record back to candidate values", load: /* @__PURE__ */ __name(() => import("./reveal-FUQAOWDX.js"), "load") },
  { name: "store", description: "the provenance store: ingest, sync, audit, purge, grant", load: /* @__PURE__ */ __name(() => import("./store-GQ6JVICF.js"), "load") },
  { name: "report", description: "write a self-contained HTML report for auditors: verdicts, lineage graph, tables, charts, diffs", load: /* @__PURE__ */ __name(() => import("./report-OT2QMYZN.js"), "load") },
  { name: "export", description: "export a record as SLSA, CycloneDX, SPDX, PROV or OpenLineage", load: /* @__PURE__ */ __name(() => import("./export-R2WP4PGY.js"), "load") }
];
function rootProgram() {
  return new Command("ml-provenance").description("Signed, verifiable, queryable provenance records for ML training runs.").version(VERSION, "-V, --version").option("--debug", "print stack traces for errors").showHelpAfterError(false).enablePositionalOptions().exitOverride().configureOutput({ outputError: /* @__PURE__ */ __name(() => void 0, "outputError") }).hook("preAction", (_root, action) => setDebug(Boolean(action.optsWithGlobals().debug)));
}
__name(rootProgram, "rootProgram");
function requestedCommand(argv) {
  const words = argv.filter((a) => !a.startsWith("-"));
  const first = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.some((c) => c.name === first) ? first : void 0;
}
__name(requestedCommand, "requestedCommand");
async function createProgram(argv = [], all = false) {
  const program = rootProgram();
  const wanted = requestedCommand(argv);
  for (const c of COMMANDS) {
    if (all || c.name === wanted) (await c.load()).register(program);
    else program.command(c.name).description(c.description);
  }
  for (const cmd of program.commands) applyErrorHandling(cmd);
  return program;
}
__name(createProgram, "createProgram");
function applyErrorHandling(cmd) {
  cmd.exitOverride().configureOutput({ outputError: /* @__PURE__ */ __name(() => void 0, "outputError") });
  if (cmd.commands.length === 0 && !cmd.options.some((o) => o.long === "--debug")) cmd.option("--debug", "print stack traces for errors");
  for (const sub of cmd.commands) applyErrorHandling(sub);
}
__name(applyErrorHandling, "applyErrorHandling");
function quietOnClosedPipe() {
  for (const s of [process.stdout, process.stderr]) {
    if (s.listeners("error").includes(closedPipe)) continue;
    s.on("error", closedPipe);
  }
}
__name(quietOnClosedPipe, "quietOnClosedPipe");
function closedPipe(err) {
  if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
}
__name(closedPipe, "closedPipe");
async function main(argv) {
  quietOnClosedPipe();
  let program;
  try {
    program = await createProgram(argv);
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      const what = err.message.replace(/^error:\s*/i, "");
      const name = requestedCommand(argv);
      return reportError(
        new InputError("usage", what, {
          fix: `run \`ml-provenance ${name ? `${name} ` : ""}--help\` for usage`
        })
      );
    }
    return reportError(err);
  }
}
__name(main, "main");
export {
  createProgram,
  main,
  requestedCommand
};
