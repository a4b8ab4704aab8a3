import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DatasetId,
  JsonValue,
  PrefixedSha256,
  Scalar,
  Splits,
  external_exports
} from "./chunk-72JRAKZ4.js";

// src/schema/record-event.ts
var base = {
  v: external_exports.literal(1).default(1).meta({ description: "record format version" }),
  ts: external_exports.iso.datetime({ offset: true }).optional().meta({ description: "when the event was recorded (ISO 8601)" })
};
var DatasetEvent = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("dataset"),
  id: DatasetId,
  uri: external_exports.string().min(1),
  version: external_exports.string().min(1).optional(),
  path: external_exports.string().min(1).optional().meta({ description: "local path (relative to the workspace) to hash" }),
  digest: PrefixedSha256.optional(),
  license: external_exports.string().min(1).optional().meta({ description: "SPDX license expression" }),
  splits: Splits.optional(),
  seed: external_exports.number().int().optional(),
  mediaType: external_exports.string().optional()
});
var StepEvent = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("step"),
  name: external_exports.string().min(1),
  library: external_exports.string().regex(/^[^@\s]+(@[^@\s]+)?$|^@[^@\s]+\/[^@\s]+(@[^@\s]+)?$/, "library must be NAME or NAME@VERSION").optional(),
  parameters: external_exports.record(external_exports.string(), Scalar).optional(),
  inputs: external_exports.array(DatasetId).optional(),
  outputs: external_exports.array(DatasetId).optional()
});
var MetricEvent = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("metric"),
  name: external_exports.string().min(1),
  value: external_exports.number().refine(Number.isFinite, "metric values must be finite numbers"),
  epoch: external_exports.number().int().nonnegative().optional(),
  step: external_exports.number().int().nonnegative().optional(),
  split: external_exports.string().min(1).optional()
});
var ParamEvent = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("param"),
  params: external_exports.record(external_exports.string().min(1), Scalar)
});
var CommandEvent = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("command"),
  argv: external_exports.array(external_exports.string()).min(1).meta({ description: "the training command, as argv" }),
  cwd: external_exports.string().optional()
});
var EnvironmentEvent = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("environment"),
  libraries: external_exports.record(external_exports.string(), external_exports.string()).optional().meta({ description: "library name -> version" }),
  accelerators: external_exports.array(external_exports.string()).optional(),
  extra: external_exports.record(external_exports.string(), JsonValue).optional()
});
var RecordEvent = external_exports.discriminatedUnion("kind", [DatasetEvent, StepEvent, MetricEvent, ParamEvent, CommandEvent, EnvironmentEvent]).meta({
  title: "ml-provenance record event",
  description: "One line of .ml-provenance/records.jsonl, written during training."
});

export {
  RecordEvent
};
