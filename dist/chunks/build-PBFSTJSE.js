import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  readPseudonymKey
} from "./chunk-QZMDBDMZ.js";
import {
  Option,
  collect,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  assemble
} from "./chunk-ZCNL5YE5.js";
import "./chunk-LC6NRF5B.js";
import "./chunk-BSFTEBY6.js";
import {
  ttyProgressBar
} from "./chunk-II6Z5TGG.js";
import "./chunk-LNJGPLWF.js";
import {
  defaultWorkspace,
  recordsLocation
} from "./chunk-WIVBIA5Y.js";
import "./chunk-2MLUS3IL.js";
import "./chunk-VUH2MMAD.js";
import "./chunk-4AFHKM7J.js";
import "./chunk-B5GPVALP.js";
import "./chunk-AT7NZQCF.js";
import {
  formatFinding
} from "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import {
  outputDirInWorkspace,
  writeFileAtomic
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  readGitHubContext
} from "./chunk-E7LSDQ4Q.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import {
  termLine
} from "./chunk-5Y6NISUK.js";
import "./chunk-SUFGYESG.js";
import "./chunk-FBVPZRD5.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/build.ts
import path from "node:path";
async function withKey(file) {
  const key = await readPseudonymKey(file);
  return key ? { pseudonymKey: key } : {};
}
__name(withKey, "withKey");
function register(program) {
  program.command("build").description("build the in-toto statement for a training run and check it against the policy").option("--subject <path>", "model file, directory or glob (repeatable)", collect, []).option("--config <path>", "config file or glob: YAML/JSON/TOML (repeatable)", collect, []).option("--image <ref>", "container image, REGISTRY/NAME[:TAG]@sha256:HEX").option("--datasets <file>", "datasets manifest (YAML/JSON)").option("--metrics <file>", "metrics file (JSON/YAML)").option("--records <dir>", "records directory, relative to the workspace (default .ml-provenance, env ML_PROVENANCE_DIR)").option("--dvc <dir>", "also read datasets and stages from a DVC project (dvc.lock, *.dvc)").option("--mlflow-run <dir>", "also read params, metrics and dataset inputs from an MLflow run folder").option("--policy <name|file>", "standard, strict, none, or a policy file", "standard").option("--redact <regexp>", "extra config key pattern to redact (repeatable)", collect, []).option("--workspace <dir>", "root that paths are relative to (default: the current directory; in GitHub Actions the checkout, GITHUB_WORKSPACE, when run inside it)").option("--out <file>", "where to write the statement", "provenance.intoto.json").option("--allow-incomplete", "write the statement even when the policy finds it incomplete (exit code stays 1)").addOption(new Option("--json", "print the policy result as JSON on stdout (same as --format json)").implies({ format: "json" })).addOption(new Option("--format <format>", "text, or json (same as --json)").choices(["text", "json"]).default("text")).option("--python-env <spec>", "Python environment to capture: auto (a lockfile at the workspace root), none, a lockfile, pip:PYTHON or uv:PYTHON", "auto").option("--no-hardware", "do not capture CPU, memory and GPUs").option("--no-detect-image", "do not detect the container image the job runs in").option("--anonymize <field>", "replace a field by a keyed pseudonym, e.g. datasets.*.uri (repeatable; also the policy file's anonymize:)", collect, []).option("--pseudonym-key-file <file>", "the team's pseudonymisation key (default: env ML_PROVENANCE_PSEUDONYM_KEY)").action(
    run(async (o) => {
      const format = outputFormat(o);
      const workspace = path.resolve(o.workspace ?? defaultWorkspace());
      const out = o.out;
      const outFile = path.join(await outputDirInWorkspace(path.dirname(path.resolve(out)), workspace, "--out"), path.basename(out));
      const res = await assemble({
        workspace,
        subjects: o.subject,
        configs: o.config,
        ...o.image ? { image: o.image } : {},
        ...o.datasets ? { datasets: o.datasets } : {},
        ...o.metrics ? { metricsFile: o.metrics } : {},
        records: recordsLocation({ value: o.records, by: "--records" }, workspace),
        policy: o.policy,
        redact: o.redact,
        github: readGitHubContext(),
        // A progress bar on a terminal for long hashing; nothing in pipes and CI logs.
        anonymize: o.anonymize,
        ...await withKey(o.pseudonymKeyFile),
        capture: { pythonEnv: o.pythonEnv, hardware: o.hardware !== false, image: o.detectImage !== false },
        reporting: { progress: /* @__PURE__ */ __name((label) => ttyProgressBar({ label: termLine(label) }), "progress"), warn: /* @__PURE__ */ __name((m) => processIo.err(`warning: ${m}`), "warn") },
        bridges: {
          ...o.dvc ? { dvc: o.dvc } : {},
          ...o.mlflowRun ? { mlflowRun: o.mlflowRun } : {}
        }
      });
      const write = res.policy.complete || Boolean(o.allowIncomplete);
      if (write) await writeFileAtomic(outFile, res.text);
      if (format === "json") {
        processIo.out(JSON.stringify({ ...res.policy, statement: write ? out : null, digest: `sha256:${res.digest}` }, null, 2));
      } else {
        for (const f of res.policy.findings) processIo.err(`${f.severity}: ${termLine(formatFinding(f))}`);
        if (write) processIo.err(`wrote ${out} (sha256:${res.digest}, ${res.statement.subject.length} subject(s), ${res.statement.predicate.datasets.length} dataset(s))`);
      }
      if (!res.policy.complete) {
        const errors = res.policy.findings.filter((f) => f.severity === "error");
        const leaks = errors.filter((f) => f.rule === "pseudonyms.leak").length;
        const unwritten = write ? "" : "; nothing was written (use --allow-incomplete to write it anyway)";
        if (leaks) processIo.err(`error: the record still holds pseudonymised values in clear at ${leaks} place(s) above \u2014 pseudonymise those fields too, or stop recording them${unwritten}`);
        if (errors.length > leaks) {
          processIo.err(`error: the record is incomplete under policy "${res.policy.policy}" (${errors.length - leaks} problem(s) above) \u2014 supply the missing fields${unwritten}`);
        }
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
