import * as z from 'zod';
import { Scalar, Sha256Hex, Seed } from './common.js';
import { SpdxLicenseExpression } from './license.js';

/**
 * The parts of a training record that go beyond "which data, which code, which model":
 * where a dataset came from and how good it is, how it was sampled or generated, what the
 * run was for, and the machine it ran on. Shared by record events, manifests and the
 * predicate so the three never drift.
 */

/** Who may see the data. Mirrors common data-classification levels. */
export const AccessClassification = z
  .enum(['public', 'internal', 'confidential', 'restricted'])
  .meta({ description: 'data classification: public, internal, confidential or restricted' });

export const DatasetSource = z.strictObject({
  repository: z.string().min(1).optional().meta({ description: 'where the data is maintained (repository, bucket, catalog entry)' }),
  access: AccessClassification.optional(),
  owner: z.string().min(1).optional().meta({ description: 'team or person accountable for the data' }),
});
export type DatasetSource = z.infer<typeof DatasetSource>;

export const QualityCheck = z.strictObject({
  name: z.string().min(1),
  passed: z.boolean(),
  tool: z.string().min(1).optional().meta({ description: 'what ran the check, e.g. great_expectations@1.2' }),
  detail: z.string().optional(),
});
export type QualityCheck = z.infer<typeof QualityCheck>;

const Fraction = z.number().min(0).max(1);

export const DatasetQuality = z.strictObject({
  rows: z.number().int().nonnegative().optional(),
  columns: z.number().int().nonnegative().optional(),
  missingRate: Fraction.optional().meta({ description: 'fraction of missing values over all cells (0..1)' }),
  duplicateRate: Fraction.optional().meta({ description: 'fraction of duplicate rows (0..1)' }),
  labelDistribution: z
    .record(z.string(), z.number().nonnegative())
    .optional()
    .meta({ description: 'label -> count or fraction' }),
  metrics: z.record(z.string(), z.number()).optional().meta({ description: 'any other named quality metric' }),
  checks: z.array(QualityCheck).optional().meta({ description: 'the checks that ran and whether each passed' }),
});
export type DatasetQuality = z.infer<typeof DatasetQuality>;

export const SamplingStrategy = z.enum([
  'none',
  'random',
  'stratified',
  'systematic',
  'cluster',
  'weighted',
  'oversample',
  'undersample',
  'time-based',
  'other',
]);

export const Sampling = z.strictObject({
  strategy: SamplingStrategy,
  fraction: z.number().gt(0).lte(1).optional(),
  size: z.number().int().nonnegative().optional().meta({ description: 'number of items drawn' }),
  by: z.string().min(1).optional().meta({ description: 'the column or key stratified/weighted by' }),
  seed: Seed.optional(),
  description: z.string().optional(),
});
export type Sampling = z.infer<typeof Sampling>;

export const Synthetic = z.strictObject({
  generator: z.string().min(1).meta({ description: 'the model or program that generated the data' }),
  version: z.string().min(1).optional(),
  parameters: z.record(z.string(), Scalar).optional(),
  seed: Seed.optional(),
});
export type Synthetic = z.infer<typeof Synthetic>;

export const LicenseChange = z.strictObject({
  version: z.string().min(1).meta({ description: 'the dataset version from which this license applies' }),
  license: z.string().min(1).meta({ description: 'SPDX license expression' }),
  since: z.string().optional().meta({ description: 'date the license took effect (ISO 8601)' }),
});
export type LicenseChange = z.infer<typeof LicenseChange>;

/** The dataset fields added here, spread into the dataset schemas of events, manifests and the predicate. */
export const DatasetCoverageShape = {
  source: DatasetSource.optional(),
  quality: DatasetQuality.optional(),
  sampling: Sampling.optional(),
  synthetic: Synthetic.optional(),
  licenseHistory: z.array(LicenseChange).optional().meta({ description: 'earlier licenses of this dataset, by version' }),
};

/**
 * The same fields as the documents users write take them (record events, manifests): like a
 * dataset's `license`, each earlier license must be an SPDX expression. The predicate keeps the
 * plain string so a third party's record still loads; the policy reports it there.
 */
export const DatasetCoverageInputShape = {
  ...DatasetCoverageShape,
  licenseHistory: z
    .array(LicenseChange.extend({ license: SpdxLicenseExpression }))
    .optional()
    .meta({ description: 'earlier licenses of this dataset, by version' }),
};

export const Experiment = z.strictObject({
  purpose: z.string().min(1).optional().meta({ description: 'why the run was made, in a sentence' }),
  flags: z.record(z.string().min(1), Scalar).optional().meta({ description: 'feature / A-B flags in effect' }),
});
export type Experiment = z.infer<typeof Experiment>;

export const Cluster = z.strictObject({
  nodes: z.number().int().positive().optional(),
  acceleratorsPerNode: z.number().int().nonnegative().optional(),
  accelerator: z.string().min(1).optional().meta({ description: 'accelerator model, e.g. NVIDIA H100 80GB' }),
  strategy: z.string().min(1).optional().meta({ description: 'distributed strategy: ddp, fsdp, deepspeed-zero3, tensor-parallel…' }),
  scheduler: z.string().min(1).optional().meta({ description: 'slurm, kubernetes, ray…' }),
});
export type Cluster = z.infer<typeof Cluster>;

/** Where a captured value came from, so an auditor can tell measured from typed. */
export const CaptureSource = z.string().min(1).meta({ description: 'where the value came from, e.g. nvidia-smi, /proc/cpuinfo, uv.lock, input' });

export const Gpu = z.strictObject({
  name: z.string().min(1),
  driver: z.string().optional(),
  memoryMiB: z.number().int().nonnegative().optional(),
  cuda: z.string().optional(),
});

export const Hardware = z.strictObject({
  cpu: z.strictObject({ model: z.string().optional(), cores: z.number().int().positive().optional() }).optional(),
  memoryBytes: z.number().int().nonnegative().optional(),
  gpus: z.array(Gpu).optional(),
  sources: z.array(CaptureSource).meta({ description: 'the commands and files the values were read from' }),
});
export type Hardware = z.infer<typeof Hardware>;

export const PythonEnvironment = z.strictObject({
  source: CaptureSource.meta({ description: 'the lockfile or command the packages were read from' }),
  file: z.strictObject({ name: z.string().min(1), digest: z.strictObject({ sha256: Sha256Hex }) }).optional(),
  interpreter: z.string().optional(),
  version: z.string().optional(),
  packages: z.record(z.string(), z.string()).meta({ description: 'package name -> version (pinned requirement when unpinned)' }),
});
export type PythonEnvironment = z.infer<typeof PythonEnvironment>;

/** Two sources that disagreed about one thing; both are kept so a reviewer can decide. */
export const Conflict = z.strictObject({
  kind: z.enum(['dataset', 'step', 'metric']),
  id: z.string().min(1).meta({ description: 'dataset id, step name, or metric name/epoch/split' }),
  field: z.string().min(1),
  values: z
    .array(z.strictObject({ source: z.string().min(1), value: z.unknown() }))
    .min(2)
    .meta({ description: 'each source and what it said, in the order merged (the last one is kept)' }),
});
export type Conflict = z.infer<typeof Conflict>;

/** What differed for one step from the run's environment (a preprocessing container, another library set). */
export const StepEnvironment = z.strictObject({
  image: z.string().min(1).optional(),
  libraries: z.record(z.string(), z.string()).optional(),
  accelerators: z.array(z.string()).optional(),
  sources: z.array(z.string().min(1)).optional().meta({ description: 'where captured values came from (`record step --env-python`, `--env-detect-image`): a lockfile, `pip freeze` of an interpreter, the Docker API…' }),
});

/** Which values are keyed pseudonyms (statement/pseudonymize.ts), and under which key. */
export const Pseudonymization = z.strictObject({
  algorithm: z.literal('hmac-sha256'),
  keyId: z.string().regex(/^[a-f0-9]{8}$/).meta({ description: 'first 8 hex of sha256(key): which key, not the key' }),
  fields: z.array(z.string()).meta({ description: 'JSON Pointers of the values replaced by pseud:<keyId>:<hmac>' }),
});
export type Pseudonymization = z.infer<typeof Pseudonymization>;
