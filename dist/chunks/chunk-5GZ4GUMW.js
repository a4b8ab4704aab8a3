import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  CaptureSource,
  Cluster,
  Conflict,
  DatasetCoverageShape,
  DatasetId,
  DigestSet,
  Experiment,
  Hardware,
  JsonValue,
  Pseudonymization,
  PythonEnvironment,
  ResourceDescriptorShape,
  Scalar,
  Seed,
  Sha256Hex,
  Splits,
  StepEnvironment,
  WorkingDirectory,
  _enum,
  array,
  boolean,
  literal,
  number,
  record,
  strictObject,
  string,
  unknown
} from "./chunk-YAQPLVGR.js";

// src/schema/predicate.ts
var PREDICATE_TYPE = "https://ml-provenance.dev/training-record/v1";
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var BUILD_TYPE_GITHUB = "https://ml-provenance.dev/training-record/github-actions/v1";
var BUILD_TYPE_LOCAL = "https://ml-provenance.dev/training-record/local/v1";
var DatasetDescriptor = strictObject({
  ...ResourceDescriptorShape,
  id: DatasetId,
  uri: string().min(1),
  version: string().min(1).optional(),
  license: string().min(1).optional(),
  splits: Splits.optional(),
  seed: Seed.optional(),
  /** How the digest was obtained: hashed here, or given by the user for remote data. */
  digestSource: _enum(["computed", "given"]).optional(),
  /** Number of files and bytes when the dataset is a local directory or file. */
  files: number().int().nonnegative().optional(),
  bytes: number().int().nonnegative().optional(),
  ...DatasetCoverageShape
});
var ConfigDescriptor = strictObject({
  ...ResourceDescriptorShape,
  name: string().min(1),
  digest: strictObject({ sha256: Sha256Hex }),
  format: _enum(["yaml", "json", "toml"]),
  /** Paths (JSON Pointer) of values replaced by "[REDACTED]". */
  redacted: array(string()),
  /** sha256 of the canonical JSON of `content` after redaction. */
  contentDigest: Sha256Hex,
  content: JsonValue
});
var Step = strictObject({
  name: string().min(1),
  library: string().optional(),
  version: string().optional(),
  parameters: record(string(), Scalar).optional(),
  inputs: array(DatasetId).optional(),
  outputs: array(DatasetId).optional(),
  splits: Splits.optional().meta({ description: "the splits this step made of its inputs (split name -> fraction); its outputs are the parts" }),
  seed: Seed.optional().meta({ description: "the seed this step split or shuffled with" }),
  command: array(string()).optional().meta({ description: "the command that ran this step, as argv (replayed in order by `replay --run`)" }),
  workingDirectory: WorkingDirectory.optional().meta({ description: "the folder the step's command ran in, relative to the checkout and '/'-separated; absent: the checkout's root (`replay --run` runs it there)" }),
  environment: StepEnvironment.optional(),
  recordedAt: string().optional()
});
var Metric = strictObject({
  name: string().min(1),
  value: number(),
  epoch: number().int().nonnegative().optional(),
  step: number().int().nonnegative().optional(),
  split: string().optional(),
  recordedAt: string().optional()
});
var Environment = strictObject({
  os: string().optional(),
  arch: string().optional(),
  runner: strictObject({
    name: string().optional(),
    environment: string().optional().meta({ description: "github-hosted or self-hosted" }),
    os: string().optional(),
    arch: string().optional()
  }).optional(),
  tools: record(string(), string()).optional().meta({ description: "tool -> version (node, python, ml-provenance)" }),
  libraries: record(string(), string()).optional(),
  accelerators: array(string()).optional(),
  cluster: Cluster.optional(),
  hardware: Hardware.optional(),
  python: PythonEnvironment.optional(),
  extra: record(string(), JsonValue).optional()
});
var ImageDescriptor = strictObject({
  ...ResourceDescriptorShape,
  uri: string().min(1),
  /** The reference exactly as given, e.g. `ghcr.io/o/train:1.2@sha256:...`. */
  reference: string().min(1),
  pinned: boolean(),
  source: CaptureSource.optional().meta({ description: "input, or where the digest was detected (podman /run/.containerenv, docker, kubernetes)" })
});
var TrainingPredicate = strictObject({
  buildDefinition: strictObject({
    buildType: string().url(),
    externalParameters: strictObject({
      workflow: strictObject({ ref: string(), repository: string(), path: string() }).optional().meta({ description: "the workflow that ran (SLSA GitHub buildType convention)" }),
      command: array(string()).optional(),
      workingDirectory: WorkingDirectory.optional().meta({ description: "the folder the command ran in, relative to the checkout and '/'-separated; absent: the checkout's root (`replay --run` runs it there)" }),
      hyperparameters: record(string(), Scalar),
      config: record(string(), JsonValue).meta({ description: "config file path -> redacted content" }),
      policy: string()
    }),
    internalParameters: strictObject({
      github: record(string(), string()).optional()
    }).optional(),
    resolvedDependencies: array(strictObject({ ...ResourceDescriptorShape })).meta({ description: "the source commit (digest.gitCommit) and container image (digest.sha256)" })
  }),
  runDetails: strictObject({
    builder: strictObject({ id: string(), version: record(string(), string()).optional() }),
    metadata: strictObject({
      invocationId: string().optional(),
      startedOn: string().optional(),
      finishedOn: string().optional()
    }),
    byproducts: array(strictObject({ ...ResourceDescriptorShape })).optional()
  }),
  datasets: array(DatasetDescriptor),
  configFiles: array(ConfigDescriptor),
  image: ImageDescriptor.optional(),
  steps: array(Step),
  metrics: array(Metric),
  experiment: Experiment.optional(),
  environment: Environment,
  conflicts: array(Conflict).optional().meta({ description: "sources that disagreed while merging (manifest, records log, metrics file, bridges)" }),
  redactions: array(string()).meta({ description: "every redacted value, as <file>#<json-pointer>" }),
  pseudonyms: Pseudonymization.optional()
}).meta({
  title: "ml-provenance training record predicate v1",
  description: `The predicate of an in-toto Statement v1 with predicateType ${PREDICATE_TYPE}.`
});
var Subject = strictObject({
  name: string().min(1),
  digest: DigestSet.refine((d) => typeof d.sha256 === "string" && /^[a-f0-9]{64}$/.test(d.sha256), {
    message: "subject digest must include sha256"
  }),
  annotations: record(string(), unknown()).optional()
});
var TrainingStatement = strictObject({
  _type: literal(STATEMENT_TYPE),
  subject: array(Subject),
  predicateType: literal(PREDICATE_TYPE),
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
  Step,
  Metric,
  Environment,
  TrainingPredicate,
  TrainingStatement
};
