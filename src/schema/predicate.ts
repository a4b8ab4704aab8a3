import * as z from 'zod';
import { DatasetId, DigestSet, JsonValue, ResourceDescriptorShape, Scalar, Sha256Hex, Splits, WorkingDirectory, Seed } from './common.js';
import { CaptureSource, Cluster, Conflict, DatasetCoverageShape, Experiment, Hardware, Pseudonymization, PythonEnvironment, StepEnvironment } from './coverage.js';

export const PREDICATE_TYPE = 'https://ml-provenance.dev/training-record/v1';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const BUILD_TYPE_GITHUB = 'https://ml-provenance.dev/training-record/github-actions/v1';
export const BUILD_TYPE_LOCAL = 'https://ml-provenance.dev/training-record/local/v1';

/** A dataset: an in-toto ResourceDescriptor plus the ML facts about it. */
export const DatasetDescriptor = z.strictObject({
  ...ResourceDescriptorShape,
  id: DatasetId,
  uri: z.string().min(1),
  version: z.string().min(1).optional(),
  license: z.string().min(1).optional(),
  splits: Splits.optional(),
  seed: Seed.optional(),
  /** How the digest was obtained: hashed here, or given by the user for remote data. */
  digestSource: z.enum(['computed', 'given']).optional(),
  /** Number of files and bytes when the dataset is a local directory or file. */
  files: z.number().int().nonnegative().optional(),
  bytes: z.number().int().nonnegative().optional(),
  ...DatasetCoverageShape,
});
export type DatasetDescriptor = z.infer<typeof DatasetDescriptor>;

/** A config file: descriptor over the raw file bytes, plus its parsed, redacted content. */
export const ConfigDescriptor = z.strictObject({
  ...ResourceDescriptorShape,
  name: z.string().min(1),
  digest: z.strictObject({ sha256: Sha256Hex }),
  format: z.enum(['yaml', 'json', 'toml']),
  /** Paths (JSON Pointer) of values replaced by "[REDACTED]". */
  redacted: z.array(z.string()),
  /** sha256 of the canonical JSON of `content` after redaction. */
  contentDigest: Sha256Hex,
  content: JsonValue,
});
export type ConfigDescriptor = z.infer<typeof ConfigDescriptor>;

export const Step = z.strictObject({
  name: z.string().min(1),
  library: z.string().optional(),
  version: z.string().optional(),
  parameters: z.record(z.string(), Scalar).optional(),
  inputs: z.array(DatasetId).optional(),
  outputs: z.array(DatasetId).optional(),
  splits: Splits.optional().meta({ description: 'the splits this step made of its inputs (split name -> fraction); its outputs are the parts' }),
  seed: Seed.optional().meta({ description: 'the seed this step split or shuffled with' }),
  command: z.array(z.string()).optional().meta({ description: 'the command that ran this step, as argv (replayed in order by `replay --run`)' }),
  workingDirectory: WorkingDirectory.optional().meta({ description: "the folder the step's command ran in, relative to the checkout and '/'-separated; absent: the checkout's root (`replay --run` runs it there)" }),
  environment: StepEnvironment.optional(),
  recordedAt: z.string().optional(),
});
export type Step = z.infer<typeof Step>;

export const Metric = z.strictObject({
  name: z.string().min(1),
  value: z.number(),
  epoch: z.number().int().nonnegative().optional(),
  step: z.number().int().nonnegative().optional(),
  split: z.string().optional(),
  recordedAt: z.string().optional(),
});
export type Metric = z.infer<typeof Metric>;

export const Environment = z.strictObject({
  os: z.string().optional(),
  arch: z.string().optional(),
  runner: z
    .strictObject({
      name: z.string().optional(),
      environment: z.string().optional().meta({ description: 'github-hosted or self-hosted' }),
      os: z.string().optional(),
      arch: z.string().optional(),
    })
    .optional(),
  tools: z.record(z.string(), z.string()).optional().meta({ description: 'tool -> version (node, python, ml-provenance)' }),
  libraries: z.record(z.string(), z.string()).optional(),
  accelerators: z.array(z.string()).optional(),
  cluster: Cluster.optional(),
  hardware: Hardware.optional(),
  python: PythonEnvironment.optional(),
  extra: z.record(z.string(), JsonValue).optional(),
});
export type Environment = z.infer<typeof Environment>;

/** The image the training ran in: a descriptor with the digest and the reference as given. */
export const ImageDescriptor = z.strictObject({
  ...ResourceDescriptorShape,
  uri: z.string().min(1),
  /** The reference exactly as given, e.g. `ghcr.io/o/train:1.2@sha256:...`. */
  reference: z.string().min(1),
  pinned: z.boolean(),
  source: CaptureSource.optional().meta({ description: 'input, or where the digest was detected (podman /run/.containerenv, docker, kubernetes)' }),
});

export const TrainingPredicate = z
  .strictObject({
    buildDefinition: z.strictObject({
      buildType: z.string().url(),
      externalParameters: z.strictObject({
        workflow: z
          .strictObject({ ref: z.string(), repository: z.string(), path: z.string() })
          .optional()
          .meta({ description: 'the workflow that ran (SLSA GitHub buildType convention)' }),
        command: z.array(z.string()).optional(),
        workingDirectory: WorkingDirectory.optional().meta({ description: "the folder the command ran in, relative to the checkout and '/'-separated; absent: the checkout's root (`replay --run` runs it there)" }),
        hyperparameters: z.record(z.string(), Scalar),
        config: z.record(z.string(), JsonValue).meta({ description: 'config file path -> redacted content' }),
        policy: z.string(),
      }),
      internalParameters: z
        .strictObject({
          github: z.record(z.string(), z.string()).optional(),
        })
        .optional(),
      resolvedDependencies: z
        .array(z.strictObject({ ...ResourceDescriptorShape }))
        .meta({ description: 'the source commit (digest.gitCommit) and container image (digest.sha256)' }),
    }),
    runDetails: z.strictObject({
      builder: z.strictObject({ id: z.string(), version: z.record(z.string(), z.string()).optional() }),
      metadata: z.strictObject({
        invocationId: z.string().optional(),
        startedOn: z.string().optional(),
        finishedOn: z.string().optional(),
      }),
      byproducts: z.array(z.strictObject({ ...ResourceDescriptorShape })).optional(),
    }),
    datasets: z.array(DatasetDescriptor),
    configFiles: z.array(ConfigDescriptor),
    image: ImageDescriptor.optional(),
    steps: z.array(Step),
    metrics: z.array(Metric),
    experiment: Experiment.optional(),
    environment: Environment,
    conflicts: z.array(Conflict).optional().meta({ description: 'sources that disagreed while merging (manifest, records log, metrics file, bridges)' }),
    redactions: z.array(z.string()).meta({ description: 'every redacted value, as <file>#<json-pointer>' }),
    pseudonyms: Pseudonymization.optional(),
  })
  .meta({
    title: 'ml-provenance training record predicate v1',
    description: `The predicate of an in-toto Statement v1 with predicateType ${PREDICATE_TYPE}.`,
  });
export type TrainingPredicate = z.infer<typeof TrainingPredicate>;

export const Subject = z.strictObject({
  name: z.string().min(1),
  digest: DigestSet.refine((d) => typeof d.sha256 === 'string' && /^[a-f0-9]{64}$/.test(d.sha256), {
    message: 'subject digest must include sha256',
  }),
  annotations: z.record(z.string(), z.unknown()).optional(),
});

export const TrainingStatement = z
  .strictObject({
    _type: z.literal(STATEMENT_TYPE),
    subject: z.array(Subject),
    predicateType: z.literal(PREDICATE_TYPE),
    predicate: TrainingPredicate,
  })
  .meta({
    title: 'ml-provenance statement',
    description: 'in-toto Statement v1 carrying an ml-provenance training record.',
  });
export type TrainingStatement = z.infer<typeof TrainingStatement>;
