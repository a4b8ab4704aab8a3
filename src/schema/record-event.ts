import * as z from 'zod';
import { SpdxLicenseExpression } from './license.js';
import { DatasetId, JsonValue, PrefixedSha256, Scalar, Splits, WorkingDirectory, Seed } from './common.js';
import { Cluster, DatasetCoverageInputShape, StepEnvironment } from './coverage.js';

/**
 * One line of `.ml-provenance/records.jsonl`. Training code in any language may
 * write these directly; `schemas/record-event.schema.json` is generated from here.
 * Reader compatibility: unknown keys are rejected so typos surface at once, and
 * `v` lets a future version change shapes.
 */
/** GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT and GITHUB_JOB as the runner sets them (a job id: a letter or `_`, then letters, digits, `-`, `_`). */
export const GitHubRunId = z.string().regex(/^[0-9]{1,20}$/, 'githubRun is the GITHUB_RUN_ID of the run that recorded the event (digits)');
export const GitHubRunAttempt = z.string().regex(/^[0-9]{1,10}$/, 'githubRunAttempt is the GITHUB_RUN_ATTEMPT of the run that recorded the event (digits)');
export const GitHubJob = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/, 'githubJob is the GITHUB_JOB (the job id in the workflow) that recorded the event');

const base = {
  v: z.literal(1).default(1).meta({ description: 'record format version' }),
  ts: z.iso.datetime({ offset: true }).optional().meta({ description: 'when the event was recorded (ISO 8601)' }),
  githubRun: GitHubRunId.optional().meta({
    description:
      'GITHUB_RUN_ID of the GitHub Actions run that recorded the event (`ml-provenance record` adds it there); build and the action leave out events of another run, which a reused workspace (a self-hosted runner, actions/checkout `clean: false`) leaves behind',
  }),
  githubRunAttempt: GitHubRunAttempt.optional().meta({
    description:
      'GITHUB_RUN_ATTEMPT when the event was recorded (`ml-provenance record` adds it with githubRun and githubJob): a re-run keeps GITHUB_RUN_ID, so in a reused workspace the events of an earlier attempt of the same job are told apart by it and left out',
  }),
  githubJob: GitHubJob.optional().meta({ description: 'GITHUB_JOB (the job id in the workflow) that recorded the event; with githubRunAttempt it tells an earlier attempt of the same job from events another job of the run handed over' }),
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
  seed: Seed.optional(),
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
  seed: Seed.optional().meta({ description: 'the seed this step split or shuffled with' }),
  command: z.array(z.string()).min(1).optional().meta({ description: 'the command that ran this step, as argv' }),
  cwd: WorkingDirectory.optional().meta({ description: "the folder the step's command ran in, relative to the workspace (the checkout in GitHub Actions) and '/'-separated; absent: the workspace root. `ml-provenance record` sets it when run in a sub-folder; `replay --run` runs the step's command there. A step without a command that names output paths keeps the folder `record step` was typed in, so build can say when an output path not found in the workspace is there (typed relative to that folder)" }),
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
  cwd: WorkingDirectory.optional().meta({ description: "the folder the command ran in, relative to the workspace (the checkout in GitHub Actions) and '/'-separated; absent: the workspace root. `ml-provenance record` sets it when run in a sub-folder; `replay --run` runs the command there" }),
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
