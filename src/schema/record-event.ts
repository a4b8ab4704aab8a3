import * as z from 'zod';
import { SpdxLicenseExpression } from './license.js';
import { DatasetId, JsonValue, PrefixedSha256, Scalar, Splits } from './common.js';
import { Cluster, DatasetCoverageInputShape, StepEnvironment } from './coverage.js';

/**
 * One line of `.ml-provenance/records.jsonl`. Training code in any language may
 * write these directly; `schemas/record-event.schema.json` is generated from here.
 * Reader compatibility: unknown keys are rejected so typos surface at once, and
 * `v` lets a future version change shapes.
 */
const base = {
  v: z.literal(1).default(1).meta({ description: 'record format version' }),
  ts: z.iso.datetime({ offset: true }).optional().meta({ description: 'when the event was recorded (ISO 8601)' }),
  githubRun: z
    .string()
    .regex(/^[0-9]{1,20}$/, 'githubRun is the GITHUB_RUN_ID of the run that recorded the event (digits)')
    .optional()
    .meta({
      description:
        'GITHUB_RUN_ID of the GitHub Actions run that recorded the event (`ml-provenance record` adds it there); build and the action leave out events of another run, which a reused workspace (a self-hosted runner, actions/checkout `clean: false`) leaves behind',
    }),
};

export const DatasetEvent = z.strictObject({
  ...base,
  kind: z.literal('dataset'),
  id: DatasetId,
  uri: z.string().min(1).optional().meta({ description: 'where the data lives; may be left out by an event that only adds facts (quality, digest) to a dataset declared elsewhere' }),
  version: z.string().min(1).optional(),
  path: z.string().min(1).optional().meta({ description: 'local path (relative to the workspace) to hash' }),
  digest: PrefixedSha256.optional(),
  license: SpdxLicenseExpression.optional(),
  splits: Splits.optional(),
  seed: z.number().int().optional(),
  mediaType: z.string().optional(),
  ...DatasetCoverageInputShape,
});

export const StepEvent = z.strictObject({
  ...base,
  kind: z.literal('step'),
  name: z.string().min(1),
  library: z
    .string()
    .regex(/^[^@\s]+(@[^@\s]+)?$|^@[^@\s]+\/[^@\s]+(@[^@\s]+)?$/, 'library must be NAME or NAME@VERSION')
    .optional(),
  parameters: z.record(z.string(), Scalar).optional(),
  inputs: z.array(DatasetId).optional(),
  outputs: z.array(DatasetId).optional(),
  splits: Splits.optional().meta({ description: 'the splits this step made of its inputs (split name -> fraction)' }),
  seed: z.number().int().optional().meta({ description: 'the seed this step split or shuffled with' }),
  command: z.array(z.string()).min(1).optional().meta({ description: 'the command that ran this step, as argv' }),
  environment: StepEnvironment.optional(),
});

export const MetricEvent = z.strictObject({
  ...base,
  kind: z.literal('metric'),
  name: z.string().min(1),
  value: z.number().refine(Number.isFinite, 'metric values must be finite numbers'),
  epoch: z.number().int().nonnegative().optional(),
  step: z.number().int().nonnegative().optional(),
  split: z.string().min(1).optional(),
});

export const ParamEvent = z.strictObject({
  ...base,
  kind: z.literal('param'),
  params: z.record(z.string().min(1), Scalar),
});

export const CommandEvent = z.strictObject({
  ...base,
  kind: z.literal('command'),
  argv: z.array(z.string()).min(1).meta({ description: 'the training command, as argv' }),
  cwd: z.string().optional(),
});

export const EnvironmentEvent = z.strictObject({
  ...base,
  kind: z.literal('environment'),
  libraries: z.record(z.string(), z.string()).optional().meta({ description: 'library name -> version' }),
  accelerators: z.array(z.string()).optional(),
  extra: z.record(z.string(), JsonValue).optional(),
});

/** What the run was for and how it was laid out: purpose, feature flags, cluster. */
export const RunEvent = z.strictObject({
  ...base,
  kind: z.literal('run'),
  purpose: z.string().min(1).optional(),
  flags: z.record(z.string().min(1), Scalar).optional(),
  cluster: Cluster.optional(),
});

export const RecordEvent = z
  .discriminatedUnion('kind', [DatasetEvent, StepEvent, MetricEvent, ParamEvent, CommandEvent, EnvironmentEvent, RunEvent])
  .meta({
    title: 'ml-provenance record event',
    description: 'One line of .ml-provenance/records.jsonl, written during training.',
  });

export type RecordEvent = z.infer<typeof RecordEvent>;
export type DatasetEvent = z.infer<typeof DatasetEvent>;
export type StepEvent = z.infer<typeof StepEvent>;
export type MetricEvent = z.infer<typeof MetricEvent>;
export type RunEvent = z.infer<typeof RunEvent>;
