import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-DWXH6HXY.js";
import {
  parseWith
} from "./chunk-CJJWD6LY.js";
import {
  Seed,
  SpdxLicenseExpression,
  _enum,
  array,
  boolean,
  isSpdxExpression,
  literal,
  number,
  record,
  spdxFix,
  strictObject,
  string,
  union
} from "./chunk-YAQPLVGR.js";
import {
  LIMITS,
  readTextFile
} from "./chunk-KPRIV5WI.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  gitCommit
} from "./chunk-3HTINU5N.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/policy/index.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import path from "node:path";

// src/schema/policy.ts
var MetricDirection = union([
  _enum(["lower", "higher"]),
  strictObject({
    better: _enum(["lower", "higher"]),
    tolerance: number().nonnegative().optional().meta({ description: "fraction of the base value (0.02 = 2 %)" })
  })
]);
var Severity = _enum(["error", "warning", "ignore"]);
var PolicyRules = strictObject({
  subjects: boolean().optional().meta({ description: "at least one model artifact subject" }),
  sourceCommit: boolean().optional().meta({ description: "the git commit that was trained" }),
  datasets: strictObject({
    min: number().int().nonnegative().optional(),
    require: array(_enum(["uri", "digest", "version", "license", "splits", "seed"])).optional().meta({ description: "fields every dataset must have" }),
    allowedLicenses: array(SpdxLicenseExpression).optional().meta({ description: "SPDX licenses allowed (a dataset's license must be one of them)" }),
    deniedLicenses: array(SpdxLicenseExpression).optional()
  }).optional(),
  image: _enum(["optional", "pinned-if-present", "required"]).optional().meta({
    description: "container image: optional; must be digest-pinned when given; or must be given and pinned"
  }),
  config: boolean().optional().meta({ description: "at least one config file" }),
  hyperparameters: boolean().optional(),
  metrics: strictObject({
    min: number().int().nonnegative().optional(),
    require: array(string()).optional(),
    directions: record(string().min(1), MetricDirection).optional().meta({
      description: "which way is better, per metric name (overrides the built-in guess from the name: loss/error/mse\u2026 lower, accuracy/f1/auc\u2026 higher); used to flag regressions against the base record"
    }),
    tolerance: number().nonnegative().optional().meta({
      description: "a worsening smaller than this fraction of the base value is not flagged as a regression (default 0.01 = 1 %)"
    })
  }).optional(),
  steps: boolean().optional().meta({ description: "at least one transformation step" }),
  stepsReferenceKnownDatasets: boolean().optional().meta({ description: "step inputs/outputs name recorded datasets" }),
  command: boolean().optional().meta({ description: "the recorded training command" }),
  environment: boolean().optional().meta({ description: "runner OS/arch and library versions" }),
  conflicts: Severity.optional().meta({ description: "sources that disagree about a dataset, step or metric: error, warning or ignore" }),
  datasetSource: boolean().optional().meta({ description: "every dataset names its source repository and access classification" }),
  quality: strictObject({
    failedChecks: Severity.optional().meta({ description: "a recorded quality check that did not pass" }),
    require: array(_enum(["rows", "missingRate", "labelDistribution", "checks"])).optional().meta({ description: "quality facts every dataset must have" })
  }).optional(),
  synthetic: strictObject({
    require: array(_enum(["version", "parameters", "seed"])).optional().meta({ description: "what synthetic data must say about its generation" })
  }).optional(),
  licenseChanges: Severity.optional().meta({ description: "a dataset whose license changed between versions" }),
  purpose: boolean().optional().meta({ description: "the run states its purpose (`record run --purpose`)" })
});
var PolicyFile = strictObject({
  version: literal(1),
  name: string().min(1).optional(),
  extends: _enum(["none", "standard", "strict"]).optional().meta({ description: "start from a built-in policy" }),
  rules: PolicyRules.default({}),
  anonymize: array(string().min(1)).optional().meta({ description: "predicate fields (dotted paths, * for any key) replaced by keyed pseudonyms, e.g. datasets.*.uri" })
}).meta({
  title: "ml-provenance policy",
  description: "Which parts of a training record must be present for it to count as complete."
});

// src/policy/builtin.ts
var BUILTIN_POLICIES = {
  none: {},
  standard: {
    subjects: true,
    sourceCommit: true,
    datasets: { min: 1, require: ["uri", "digest"] },
    image: "pinned-if-present",
    stepsReferenceKnownDatasets: true,
    conflicts: "warning",
    quality: { failedChecks: "warning" }
  },
  strict: {
    subjects: true,
    sourceCommit: true,
    datasets: { min: 1, require: ["uri", "digest", "version", "license", "splits", "seed"] },
    image: "required",
    config: true,
    hyperparameters: true,
    metrics: { min: 1 },
    steps: true,
    stepsReferenceKnownDatasets: true,
    command: true,
    environment: true,
    conflicts: "error",
    quality: { failedChecks: "error" },
    synthetic: { require: ["version", "seed"] },
    purpose: true
  }
};

// src/policy/rules.ts
var DATASET_FIX = {
  uri: "give the dataset a URI (`--uri` in `ml-provenance record dataset`, or `uri:` in the datasets manifest)",
  digest: "give a local `path` to hash, the content digest `digest: sha256:<hex>` for remote data (`--digest` in `ml-provenance record dataset`), or pin a Hugging Face dataset by commit (`hf://datasets/ORG/NAME@<40-hex commit>`)",
  version: "record the dataset version (`--version`, or `version:` in the datasets manifest)",
  license: "record the dataset license as an SPDX expression (`--license CC-BY-4.0`, or `license:` in the manifest)",
  splits: "record the splits where they were made: on the dataset (`record dataset --split train=0.8 --split test=0.2`, or `splits:` in the manifest), or on the step that split it (`record step --name split --input ID --output train --output test --split train=0.8 --split test=0.2`)",
  seed: "record the seed where it was used: on the dataset (`record dataset --seed 42`, or `seed:` in the manifest), or on the step that split or shuffled it (`record step ... --seed 42`)"
};
function hasContentDigest(d) {
  return Boolean(d.digest?.sha256) || /^([a-f0-9]{40}|[a-f0-9]{64})$/.test(d.digest?.gitCommit ?? "");
}
__name(hasContentDigest, "hasContentDigest");
function splitFacts(p) {
  const byId = new Map(p.datasets.map((d) => [d.id, d]));
  const has = /* @__PURE__ */ __name((x, what) => what === "splits" ? Boolean(x?.splits && Object.keys(x.splits).length) : x?.seed !== void 0, "has");
  const stepHas = /* @__PURE__ */ __name((st, what) => has(st, what) || what === "seed" && Seed.safeParse(st.parameters?.seed).success || (st.outputs ?? []).some((o) => has(byId.get(o), what)), "stepHas");
  return (d, what) => has(d, what) || p.steps.some((st) => (st.inputs?.includes(d.id) || st.outputs?.includes(d.id)) && stepHas(st, what));
}
__name(splitFacts, "splitFacts");
function evaluateRules(st, rules) {
  const p = st.predicate;
  const out = [];
  const add = /* @__PURE__ */ __name((rule, field, message, fix, severity = "error") => out.push({ rule, field, message, fix, severity }), "add");
  if (rules.subjects && st.subject.length === 0) {
    add("subjects", "subject", "no model artifact was recorded as a subject", "pass the trained model files with `subject-path` (action) or `--subject PATH` (CLI)");
  }
  if (rules.sourceCommit) {
    if (!gitCommit(st)) {
      add(
        "sourceCommit",
        "buildDefinition.resolvedDependencies[source].digest.gitCommit",
        "the source commit is unknown",
        "run inside a git checkout (actions/checkout) so the commit can be read, or set GITHUB_SHA"
      );
    }
  }
  const ds = rules.datasets;
  if (ds) {
    const min = ds.min ?? 0;
    if (p.datasets.length < min) {
      add(
        "datasets.min",
        "datasets",
        `${p.datasets.length} dataset(s) recorded, at least ${min} required`,
        "declare the training data: `ml-provenance record dataset --id ID --uri URI ...` in the training code, or the `datasets` input (a manifest file or inline YAML list)"
      );
    }
    const recorded = splitFacts(p);
    p.datasets.forEach((d, i) => {
      const field = `datasets[${i}]`;
      for (const req of ds.require ?? []) {
        const missing = req === "digest" ? !hasContentDigest(d) : req === "splits" || req === "seed" ? !recorded(d, req) : d[req] === void 0;
        const where = req === "splits" || req === "seed" ? ", and no step that reads or made it records them" : "";
        if (missing) add(`datasets.require.${req}`, `${field}.${req}`, `dataset "${d.id}" has no ${req}${where}`, DATASET_FIX[req]);
      }
      if (d.license !== void 0 && !isSpdxExpression(d.license)) {
        add("datasets.license.spdx", `${field}.license`, `dataset "${d.id}" license "${d.license}" is not an SPDX license expression`, spdxFix(d.license), ds.require?.includes("license") ? "error" : "warning");
      }
      (d.licenseHistory ?? []).forEach((h, j) => {
        if (isSpdxExpression(h.license)) return;
        add(
          "datasets.license.spdx",
          `${field}.licenseHistory[${j}].license`,
          `dataset "${d.id}" earlier license "${h.license}" (version ${h.version}) is not an SPDX license expression`,
          spdxFix(h.license),
          ds.require?.includes("license") ? "error" : "warning"
        );
      });
      if (d.splits) {
        const sum = Object.values(d.splits).reduce((a, b) => a + b, 0);
        if (sum > 1 + 1e-9) {
          add("datasets.splits.sum", `${field}.splits`, `dataset "${d.id}" splits add up to ${sum.toFixed(4)}, more than 1`, "give split fractions that add up to at most 1");
        }
      }
      if (d.license && ds.allowedLicenses && !ds.allowedLicenses.includes(d.license)) {
        add(
          "datasets.allowedLicenses",
          `${field}.license`,
          `dataset "${d.id}" is licensed ${d.license}, which the policy does not allow`,
          `use data under one of: ${ds.allowedLicenses.join(", ")} \u2014 or change the policy's allowedLicenses`
        );
      }
      if (d.license && ds.deniedLicenses?.includes(d.license)) {
        add("datasets.deniedLicenses", `${field}.license`, `dataset "${d.id}" is licensed ${d.license}, which the policy denies`, "remove this dataset or change the policy");
      }
    });
  }
  const img = rules.image ?? "optional";
  if (p.image && !p.image.pinned && img !== "optional") {
    add(
      "image.pinned",
      "image",
      `container image "${p.image.reference}" is a tag without a digest, so it can change under the same name`,
      "pin the image by digest: `image: REGISTRY/NAME:TAG@sha256:<digest>` (find it with `docker buildx imagetools inspect` or the build step output)"
    );
  }
  if (!p.image && img === "required") {
    add("image.required", "image", "no container image was recorded", "pass the training image with its digest: `image: REGISTRY/NAME@sha256:<digest>` (action) or `--image` (CLI)");
  }
  if (rules.config && p.configFiles.length === 0) {
    add("config", "configFiles", "no config file was recorded", "pass the training config files with `config` (action) or `--config PATH` (CLI)");
  }
  if (rules.hyperparameters && Object.keys(p.buildDefinition.externalParameters.hyperparameters).length === 0) {
    add("hyperparameters", "buildDefinition.externalParameters.hyperparameters", "no hyperparameters were recorded", "record them from the training code: `ml-provenance record param lr=0.01 epochs=10`");
  }
  if (rules.metrics) {
    const min = rules.metrics.min ?? 0;
    if (p.metrics.length < min) {
      add("metrics.min", "metrics", `${p.metrics.length} metric(s) recorded, at least ${min} required`, "record evaluation metrics: `ml-provenance record metric --name accuracy --value 0.93 --split test`, or pass a `metrics` file");
    }
    for (const name of rules.metrics.require ?? []) {
      if (!p.metrics.some((m) => m.name === name)) {
        add("metrics.require", `metrics[${name}]`, `required metric "${name}" was not recorded`, `record it: \`ml-provenance record metric --name ${name} --value N\``);
      }
    }
  }
  if (rules.steps && p.steps.length === 0) {
    add("steps", "steps", "no transformation step was recorded", "record each data transformation: `ml-provenance record step --name tokenize --library tokenizers@0.19 --input raw --output tokens`");
  }
  if (rules.stepsReferenceKnownDatasets) {
    const known = new Set(p.datasets.map((d) => d.id));
    const produced = new Set(p.steps.flatMap((s) => s.outputs ?? []));
    p.steps.forEach((s, i) => {
      (s.inputs ?? []).forEach((id, j) => {
        if (!known.has(id) && !produced.has(id)) {
          add(
            "steps.inputs",
            `steps[${i}].inputs[${j}]`,
            `step "${s.name}" reads dataset "${id}", which is neither recorded nor produced by a step`,
            `record it with \`ml-provenance record dataset --id ${id} ...\` or fix the step's --input`
          );
        }
      });
    });
  }
  if (rules.command && !p.buildDefinition.externalParameters.command?.length) {
    add("command", "buildDefinition.externalParameters.command", "the training command was not recorded", 'record it from the training code: `ml-provenance record command -- python train.py \u2026` (or a `{"kind":"command","argv":[\u2026]}` line in records.jsonl)');
  }
  if (rules.environment) {
    const env = p.environment;
    if (!env.os || !env.arch) add("environment", "environment.os", "the runner OS/architecture is unknown", "run `ml-provenance build` on the training machine");
    if (!env.libraries || Object.keys(env.libraries).length === 0) {
      add("environment", "environment.libraries", "no library versions were recorded", 'record them: `{"kind":"environment","libraries":{"torch":"2.4.0"}}` in records.jsonl');
    }
  }
  for (const [i, d] of p.datasets.entries()) {
    if (d.digestSource === "given") {
      add("datasets.digest.given", `datasets[${i}].digest`, `dataset "${d.id}" digest was given, not computed here`, "hash the data locally (pass `path`) if the job has it", "warning");
    }
  }
  return out;
}
__name(evaluateRules, "evaluateRules");

// src/policy/coverage-rules.ts
function evaluateCoverageRules(st, rules) {
  const p = st.predicate;
  const out = [];
  const add = /* @__PURE__ */ __name((rule, field, message, fix, severity = "error") => {
    if (severity !== "ignore") out.push({ rule, field, message, fix, severity });
  }, "add");
  const conflicts = rules.conflicts ?? "warning";
  (p.conflicts ?? []).forEach((c, i) => {
    const said = c.values.map((v) => `${v.source} says ${JSON.stringify(v.value)}`).join(", ");
    const logOnly = c.values.every((v) => v.source.startsWith("records log"));
    const resumed = logOnly && c.kind === "metric";
    add(
      "conflicts",
      `conflicts[${i}]`,
      resumed ? `${c.kind} "${c.id}" was recorded more than once in the records log with different values: ${said}` : `${c.kind} "${c.id}" ${c.field} disagrees between sources: ${said}`,
      resumed ? "both values are in the record, in the order recorded: nothing to do when the run resumed from a checkpoint (it records that epoch again); if it was recorded twice by mistake, record each point once" : `make the sources agree (fix the ${c.kind === "dataset" ? "datasets manifest or the `record dataset` call" : c.kind === "step" ? "`record step` calls" : "metrics file or the `record metric` calls"}); the last one was kept${logOnly ? "; if an earlier run's lines are still in the records log, start each run from an empty one (`ml-provenance record reset` before training)" : ""}`,
      conflicts
    );
  });
  p.datasets.forEach((d, i) => {
    const field = `datasets[${i}]`;
    if (rules.datasetSource) {
      if (!d.source?.repository) {
        add("datasetSource", `${field}.source.repository`, `dataset "${d.id}" does not name its source repository`, `record it: \`ml-provenance record dataset --id ${d.id} --source-repo URL\` (or \`source: {repository: \u2026}\` in the manifest)`);
      }
      if (!d.source?.access) {
        add("datasetSource", `${field}.source.access`, `dataset "${d.id}" has no access classification`, `record it: \`--access public|internal|confidential|restricted\` (or \`source: {access: \u2026}\` in the manifest)`);
      }
    }
    for (const req of rules.quality?.require ?? []) {
      const q = d.quality;
      const missing = req === "checks" ? !q?.checks?.length : q?.[req] === void 0;
      if (missing) {
        add(`quality.require.${req}`, `${field}.quality.${req}`, `dataset "${d.id}" has no quality ${req === "checks" ? "checks" : req}`, QUALITY_FIX[req]);
      }
    }
    (d.quality?.checks ?? []).forEach((c, j) => {
      if (!c.passed) {
        add(
          "quality.failedChecks",
          `${field}.quality.checks[${j}]`,
          `quality check "${c.name}" failed on dataset "${d.id}"${c.detail ? `: ${c.detail}` : ""}`,
          "fix the data (or the check) and re-run, or set the policy's `quality.failedChecks` to warning",
          rules.quality?.failedChecks ?? "warning"
        );
      }
    });
    if (d.synthetic) {
      for (const req of rules.synthetic?.require ?? []) {
        if (d.synthetic[req] === void 0) {
          add(`synthetic.require.${req}`, `${field}.synthetic.${req}`, `synthetic dataset "${d.id}" does not record its generator's ${req}`, SYNTHETIC_FIX[req]);
        }
      }
    }
    const history = d.licenseHistory ?? [];
    const changed = history.filter((h) => d.license && h.license !== d.license);
    if (changed.length) {
      add(
        "licenseChanges",
        `${field}.licenseHistory`,
        `dataset "${d.id}" changed license: ${changed.map((h) => `${h.license} (version ${h.version})`).join(", ")} \u2192 ${d.license}${d.version ? ` (version ${d.version})` : ""}`,
        "check that this run may use the data under its current license, then acknowledge it in the policy (`licenseChanges: ignore`)",
        rules.licenseChanges ?? "warning"
      );
    }
  });
  if (rules.purpose && !p.experiment?.purpose) {
    add("purpose", "experiment.purpose", "the run does not state its purpose", 'record it from the training code: `ml-provenance record run --purpose "why this run was made"`');
  }
  return out;
}
__name(evaluateCoverageRules, "evaluateCoverageRules");
var QUALITY_FIX = {
  rows: "record the row count: `ml-provenance record dataset --id ID --rows N` (or `quality: {rows: N}` in the manifest)",
  missingRate: "record the missing-value rate: `--missing-rate 0.01` (or `quality: {missingRate: \u2026}`)",
  labelDistribution: "record the label distribution: `--label LABEL=COUNT` (repeatable) or `quality: {labelDistribution: {\u2026}}`",
  checks: "record the data checks that ran: `--check NAME=pass|fail` (repeatable) or `quality: {checks: [{name, passed}]}`"
};
var SYNTHETIC_FIX = {
  version: "record the generator version: `--synthetic-generator NAME@VERSION`",
  parameters: "record the generation parameters: `--synthetic-param K=V` (repeatable)",
  seed: "record the generation seed: `--synthetic-seed N`"
};

// src/policy/index.ts
function mergeRules(base, over) {
  const out = { ...base, ...over };
  if (base.datasets || over.datasets) out.datasets = { ...base.datasets, ...over.datasets };
  if (base.metrics || over.metrics) out.metrics = { ...base.metrics, ...over.metrics };
  if (base.quality || over.quality) out.quality = { ...base.quality, ...over.quality };
  if (base.synthetic || over.synthetic) out.synthetic = { ...base.synthetic, ...over.synthetic };
  return out;
}
__name(mergeRules, "mergeRules");
function isBuiltinPolicy(spec) {
  return Object.hasOwn(BUILTIN_POLICIES, spec);
}
__name(isBuiltinPolicy, "isBuiltinPolicy");
function parsePolicyText(text, file) {
  let data;
  try {
    data = (0, import_yaml.parse)(text, { prettyErrors: true, logLevel: "error" });
  } catch (err) {
    throw new InputError("malformed-policy", `${file} is not valid YAML/JSON: ${err.message.split("\n")[0]}`, {
      fix: "fix the syntax of the policy file",
      file,
      cause: err
    });
  }
  const doc = parseWith(PolicyFile, data, { file, what: "policy", fix: "see schemas/policy.schema.json for the allowed rules" });
  const base = BUILTIN_POLICIES[doc.extends ?? "none"];
  return { name: doc.name ?? path.basename(file), rules: mergeRules(base, doc.rules), ...doc.anonymize ? { anonymize: doc.anonymize } : {} };
}
__name(parsePolicyText, "parsePolicyText");
async function resolvePolicy(spec, cwd = process.cwd()) {
  const s = (spec ?? "standard").trim() || "standard";
  if (isBuiltinPolicy(s)) return { name: s, rules: BUILTIN_POLICIES[s] };
  const file = path.resolve(cwd, s);
  if (!existsSync(file)) {
    throw new InputError("unknown-policy", `policy "${s}" is neither a built-in policy nor an existing file`, {
      // No file= on it: an annotation on a file that does not exist points nowhere.
      fix: "use standard, strict, none, or the path of a policy file (schemas/policy.schema.json)"
    });
  }
  return parsePolicyText(await readTextFile(file, "policy file", { maxBytes: LIMITS.inputFileBytes }), s);
}
__name(resolvePolicy, "resolvePolicy");
function evaluatePolicy(statement, policy) {
  const findings = [...evaluateRules(statement, policy.rules), ...evaluateCoverageRules(statement, policy.rules)];
  const errors = findings.filter((f) => f.severity === "error");
  return {
    policy: policy.name,
    complete: errors.length === 0,
    findings,
    missing: [...new Set(errors.map((f) => f.field))]
  };
}
__name(evaluatePolicy, "evaluatePolicy");
function formatFinding(f) {
  return `${f.field}: ${f.message} \u2014 ${f.fix}`;
}
__name(formatFinding, "formatFinding");

export {
  PolicyFile,
  resolvePolicy,
  evaluatePolicy,
  formatFinding
};
