import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DatasetId,
  DigestSet,
  JsonValue,
  ResourceDescriptorShape,
  Scalar,
  Sha256Hex,
  Splits,
  external_exports
} from "./chunk-72JRAKZ4.js";

// src/schema/predicate.ts
var PREDICATE_TYPE = "https://ml-provenance.dev/training-record/v1";
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var BUILD_TYPE_GITHUB = "https://ml-provenance.dev/training-record/github-actions/v1";
var BUILD_TYPE_LOCAL = "https://ml-provenance.dev/training-record/local/v1";
var DatasetDescriptor = external_exports.strictObject({
  ...ResourceDescriptorShape,
  id: DatasetId,
  uri: external_exports.string().min(1),
  version: external_exports.string().min(1).optional(),
  license: external_exports.string().min(1).optional(),
  splits: Splits.optional(),
  seed: external_exports.number().int().optional(),
  /** How the digest was obtained: hashed here, or given by the user for remote data. */
  digestSource: external_exports.enum(["computed", "given"]).optional(),
  /** Number of files and bytes when the dataset is a local directory or file. */
  files: external_exports.number().int().nonnegative().optional(),
  bytes: external_exports.number().int().nonnegative().optional()
});
var ConfigDescriptor = external_exports.strictObject({
  ...ResourceDescriptorShape,
  name: external_exports.string().min(1),
  digest: external_exports.strictObject({ sha256: Sha256Hex }),
  format: external_exports.enum(["yaml", "json", "toml"]),
  /** Paths (JSON Pointer) of values replaced by "[REDACTED]". */
  redacted: external_exports.array(external_exports.string()),
  /** sha256 of the canonical JSON of `content` after redaction. */
  contentDigest: Sha256Hex,
  content: JsonValue
});
var Step = external_exports.strictObject({
  name: external_exports.string().min(1),
  library: external_exports.string().optional(),
  version: external_exports.string().optional(),
  parameters: external_exports.record(external_exports.string(), Scalar).optional(),
  inputs: external_exports.array(DatasetId).optional(),
  outputs: external_exports.array(DatasetId).optional(),
  recordedAt: external_exports.string().optional()
});
var Metric = external_exports.strictObject({
  name: external_exports.string().min(1),
  value: external_exports.number(),
  epoch: external_exports.number().int().nonnegative().optional(),
  step: external_exports.number().int().nonnegative().optional(),
  split: external_exports.string().optional(),
  recordedAt: external_exports.string().optional()
});
var Environment = external_exports.strictObject({
  os: external_exports.string().optional(),
  arch: external_exports.string().optional(),
  runner: external_exports.strictObject({
    name: external_exports.string().optional(),
    environment: external_exports.string().optional().meta({ description: "github-hosted or self-hosted" }),
    os: external_exports.string().optional(),
    arch: external_exports.string().optional()
  }).optional(),
  tools: external_exports.record(external_exports.string(), external_exports.string()).optional().meta({ description: "tool -> version (node, python, ml-provenance)" }),
  libraries: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  accelerators: external_exports.array(external_exports.string()).optional(),
  extra: external_exports.record(external_exports.string(), JsonValue).optional()
});
var ImageDescriptor = external_exports.strictObject({
  ...ResourceDescriptorShape,
  uri: external_exports.string().min(1),
  /** The reference exactly as given, e.g. `ghcr.io/o/train:1.2@sha256:...`. */
  reference: external_exports.string().min(1),
  pinned: external_exports.boolean()
});
var TrainingPredicate = external_exports.strictObject({
  buildDefinition: external_exports.strictObject({
    buildType: external_exports.string().url(),
    externalParameters: external_exports.strictObject({
      workflow: external_exports.strictObject({ ref: external_exports.string(), repository: external_exports.string(), path: external_exports.string() }).optional().meta({ description: "the workflow that ran (SLSA GitHub buildType convention)" }),
      command: external_exports.array(external_exports.string()).optional(),
      hyperparameters: external_exports.record(external_exports.string(), Scalar),
      config: external_exports.record(external_exports.string(), JsonValue).meta({ description: "config file path -> redacted content" }),
      policy: external_exports.string()
    }),
    internalParameters: external_exports.strictObject({
      github: external_exports.record(external_exports.string(), external_exports.string()).optional()
    }).optional(),
    resolvedDependencies: external_exports.array(external_exports.strictObject({ ...ResourceDescriptorShape })).meta({ description: "the source commit (digest.gitCommit) and container image (digest.sha256)" })
  }),
  runDetails: external_exports.strictObject({
    builder: external_exports.strictObject({ id: external_exports.string(), version: external_exports.record(external_exports.string(), external_exports.string()).optional() }),
    metadata: external_exports.strictObject({
      invocationId: external_exports.string().optional(),
      startedOn: external_exports.string().optional(),
      finishedOn: external_exports.string().optional()
    }),
    byproducts: external_exports.array(external_exports.strictObject({ ...ResourceDescriptorShape })).optional()
  }),
  datasets: external_exports.array(DatasetDescriptor),
  configFiles: external_exports.array(ConfigDescriptor),
  image: ImageDescriptor.optional(),
  steps: external_exports.array(Step),
  metrics: external_exports.array(Metric),
  environment: Environment,
  redactions: external_exports.array(external_exports.string()).meta({ description: "every redacted value, as <file>#<json-pointer>" })
}).meta({
  title: "ml-provenance training record predicate v1",
  description: `The predicate of an in-toto Statement v1 with predicateType ${PREDICATE_TYPE}.`
});
var Subject = external_exports.strictObject({
  name: external_exports.string().min(1),
  digest: DigestSet.refine((d) => typeof d.sha256 === "string" && /^[a-f0-9]{64}$/.test(d.sha256), {
    message: "subject digest must include sha256"
  }),
  annotations: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
});
var TrainingStatement = external_exports.strictObject({
  _type: external_exports.literal(STATEMENT_TYPE),
  subject: external_exports.array(Subject),
  predicateType: external_exports.literal(PREDICATE_TYPE),
  predicate: TrainingPredicate
}).meta({
  title: "ml-provenance statement",
  description: "in-toto Statement v1 carrying an ml-provenance training record."
});

export {
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  BUILD_TYPE_GITHUB,
  BUILD_TYPE_LOCAL,
  TrainingStatement
};
