import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  SpdxLicenseExpression,
  _enum,
  array,
  boolean,
  literal,
  number,
  record,
  strictObject,
  string,
  union
} from "./chunk-43KO6XQK.js";

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

export {
  PolicyFile
};
