import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  collect,
  processIo,
  run
} from "./chunk-IIXKIORC.js";
import {
  assemble
} from "./chunk-VXA7DTMA.js";
import {
  ttyProgressBar
} from "./chunk-II6Z5TGG.js";
import {
  recordsDir
} from "./chunk-BRKJSFSF.js";
import "./chunk-T6IRZX5W.js";
import "./chunk-B5GPVALP.js";
import "./chunk-LNJGPLWF.js";
import "./chunk-6VB4X4JY.js";
import {
  formatFinding
} from "./chunk-JVHSXTM2.js";
import "./chunk-UWSO75RQ.js";
import {
  writeFileAtomic
} from "./chunk-6OCRJMU6.js";
import "./chunk-VYZM6XTX.js";
import {
  readGitHubContext
} from "./chunk-AI3BSDVQ.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/build.ts
import path from "node:path";
function register(program) {
  program.command("build").description("build the in-toto statement for a training run and check it against the policy").option("--subject <path>", "model file, directory or glob (repeatable)", collect, []).option("--config <path>", "config file or glob: YAML/JSON/TOML (repeatable)", collect, []).option("--image <ref>", "container image, REGISTRY/NAME[:TAG]@sha256:HEX").option("--datasets <file>", "datasets manifest (YAML/JSON)").option("--metrics <file>", "metrics file (JSON/YAML)").option("--records <dir>", "records directory (default .ml-provenance, env ML_PROVENANCE_DIR)").option("--dvc <dir>", "also read datasets and stages from a DVC project (dvc.lock, *.dvc)").option("--mlflow-run <dir>", "also read params, metrics and dataset inputs from an MLflow run folder").option("--policy <name|file>", "standard, strict, none, or a policy file", "standard").option("--redact <regexp>", "extra config key pattern to redact (repeatable)", collect, []).option("--workspace <dir>", "root that paths are relative to (default: the current directory)").option("--out <file>", "where to write the statement", "provenance.intoto.json").option("--allow-incomplete", "write the statement even when the policy finds it incomplete (exit code stays 1)").option("--json", "print the policy result as JSON on stdout").action(
    run(async (o) => {
      const workspace = path.resolve(o.workspace ?? process.cwd());
      const res = await assemble({
        workspace,
        subjects: o.subject,
        configs: o.config,
        ...o.image ? { image: o.image } : {},
        ...o.datasets ? { datasets: o.datasets } : {},
        ...o.metrics ? { metricsFile: o.metrics } : {},
        recordsDir: recordsDir(o.records, workspace),
        policy: o.policy,
        redact: o.redact,
        github: readGitHubContext(),
        // A progress bar on a terminal for long hashing; nothing in pipes and CI logs.
        reporting: { progress: /* @__PURE__ */ __name((label) => ttyProgressBar({ label }), "progress"), warn: /* @__PURE__ */ __name((m) => processIo.err(`warning: ${m}`), "warn") },
        bridges: {
          ...o.dvc ? { dvc: o.dvc } : {},
          ...o.mlflowRun ? { mlflowRun: o.mlflowRun } : {}
        }
      });
      const out = o.out;
      const write = res.policy.complete || Boolean(o.allowIncomplete);
      if (write) await writeFileAtomic(out, res.text);
      if (o.json) {
        processIo.out(JSON.stringify({ ...res.policy, statement: write ? out : null, digest: `sha256:${res.digest}` }, null, 2));
      } else {
        for (const f of res.policy.findings) processIo.err(`${f.severity}: ${formatFinding(f)}`);
        if (write) processIo.err(`wrote ${out} (sha256:${res.digest}, ${res.statement.subject.length} subject(s), ${res.statement.predicate.datasets.length} dataset(s))`);
      }
      if (!res.policy.complete) {
        const n = res.policy.findings.filter((f) => f.severity === "error").length;
        processIo.err(
          `error: the record is incomplete under policy "${res.policy.policy}" (${n} problem(s) above) \u2014 supply the missing fields${write ? "" : "; nothing was written (use --allow-incomplete to write it anyway)"}`
        );
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
