import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  Cluster,
  DatasetCoverageInputShape,
  DatasetId,
  JsonValue,
  PrefixedSha256,
  Scalar,
  Seed,
  SpdxLicenseExpression,
  Splits,
  StepEnvironment,
  WorkingDirectory,
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  array,
  discriminatedUnion,
  literal,
  number,
  record,
  strictObject,
  string
} from "./chunk-YAQPLVGR.js";
import {
  __export,
  __name
} from "./chunk-QANIRX4T.js";

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
function datetime(params) {
  return _isoDateTime(ZodISODateTime, params);
}
__name(datetime, "datetime");
function date(params) {
  return _isoDate(ZodISODate, params);
}
__name(date, "date");
function time(params) {
  return _isoTime(ZodISOTime, params);
}
__name(time, "time");
function duration(params) {
  return _isoDuration(ZodISODuration, params);
}
__name(duration, "duration");

// src/schema/record-event.ts
var GitHubRunId = string().regex(/^[0-9]{1,20}$/, "githubRun is the GITHUB_RUN_ID of the run that recorded the event (digits)");
var GitHubRunAttempt = string().regex(/^[0-9]{1,10}$/, "githubRunAttempt is the GITHUB_RUN_ATTEMPT of the run that recorded the event (digits)");
var GitHubJob = string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/, "githubJob is the GITHUB_JOB (the job id in the workflow) that recorded the event");
var base = {
  v: literal(1).default(1).meta({ description: "record format version" }),
  ts: iso_exports.datetime({ offset: true }).optional().meta({ description: "when the event was recorded (ISO 8601)" }),
  githubRun: GitHubRunId.optional().meta({
    description: "GITHUB_RUN_ID of the GitHub Actions run that recorded the event (`ml-provenance record` adds it there); build and the action leave out events of another run, which a reused workspace (a self-hosted runner, actions/checkout `clean: false`) leaves behind"
  }),
  githubRunAttempt: GitHubRunAttempt.optional().meta({
    description: "GITHUB_RUN_ATTEMPT when the event was recorded (`ml-provenance record` adds it with githubRun and githubJob): a re-run keeps GITHUB_RUN_ID, so in a reused workspace the events of an earlier attempt of the same job are told apart by it and left out"
  }),
  githubJob: GitHubJob.optional().meta({ description: "GITHUB_JOB (the job id in the workflow) that recorded the event; with githubRunAttempt it tells an earlier attempt of the same job from events another job of the run handed over" })
};
var DatasetEvent = strictObject({
  ...base,
  kind: literal("dataset"),
  id: DatasetId,
  uri: string().min(1).optional().meta({ description: "where the data lives; may be left out by an event that only adds facts (quality, digest) to a dataset declared elsewhere" }),
  version: string().min(1).optional(),
  path: string().min(1).optional().meta({ description: "local path (relative to the workspace) to hash" }),
  digest: PrefixedSha256.optional(),
  license: SpdxLicenseExpression.optional(),
  splits: Splits.optional(),
  seed: Seed.optional(),
  mediaType: string().optional(),
  ...DatasetCoverageInputShape
});
var StepEvent = strictObject({
  ...base,
  kind: literal("step"),
  name: string().min(1),
  library: string().regex(/^[^@\s]+(@[^@\s]+)?$|^@[^@\s]+\/[^@\s]+(@[^@\s]+)?$/, "library must be NAME or NAME@VERSION").optional(),
  parameters: record(string(), Scalar).optional(),
  inputs: array(DatasetId).optional(),
  outputs: array(DatasetId).optional(),
  splits: Splits.optional().meta({ description: "the splits this step made of its inputs (split name -> fraction)" }),
  seed: Seed.optional().meta({ description: "the seed this step split or shuffled with" }),
  command: array(string()).min(1).optional().meta({ description: "the command that ran this step, as argv" }),
  cwd: WorkingDirectory.optional().meta({ description: "the folder the step's command ran in, relative to the workspace (the checkout in GitHub Actions) and '/'-separated; absent: the workspace root. `ml-provenance record` sets it when run in a sub-folder; `replay --run` runs the step's command there. A step without a command that names output paths keeps the folder `record step` was typed in, so build can say when an output path not found in the workspace is there (typed relative to that folder)" }),
  environment: StepEnvironment.optional()
});
var MetricEvent = strictObject({
  ...base,
  kind: literal("metric"),
  name: string().min(1),
  value: number().refine(Number.isFinite, "metric values must be finite numbers"),
  epoch: number().int().nonnegative().optional(),
  step: number().int().nonnegative().optional(),
  split: string().min(1).optional()
});
var ParamEvent = strictObject({
  ...base,
  kind: literal("param"),
  params: record(string().min(1), Scalar)
});
var CommandEvent = strictObject({
  ...base,
  kind: literal("command"),
  argv: array(string()).min(1).meta({ description: "the training command, as argv" }),
  cwd: WorkingDirectory.optional().meta({ description: "the folder the command ran in, relative to the workspace (the checkout in GitHub Actions) and '/'-separated; absent: the workspace root. `ml-provenance record` sets it when run in a sub-folder; `replay --run` runs the command there" })
});
var EnvironmentEvent = strictObject({
  ...base,
  kind: literal("environment"),
  libraries: record(string(), string()).optional().meta({ description: "library name -> version" }),
  accelerators: array(string()).optional(),
  extra: record(string(), JsonValue).optional()
});
var RunEvent = strictObject({
  ...base,
  kind: literal("run"),
  purpose: string().min(1).optional(),
  flags: record(string().min(1), Scalar).optional(),
  cluster: Cluster.optional()
});
var RecordEvent = discriminatedUnion("kind", [DatasetEvent, StepEvent, MetricEvent, ParamEvent, CommandEvent, EnvironmentEvent, RunEvent]).meta({
  title: "ml-provenance record event",
  description: "One line of .ml-provenance/records.jsonl, written during training."
});

export {
  GitHubRunId,
  GitHubRunAttempt,
  GitHubJob,
  RecordEvent
};
