import { z } from 'zod';
import { RecordEvent } from './record-event.js';
import { DatasetManifest, MetricsFile } from './inputs.js';
import { PolicyFile } from './policy.js';
import { TrainingPredicate, TrainingStatement } from './predicate.js';

/** Every document the project reads or writes, by its published file name. */
export const DOCUMENTS = {
  'record-event.schema.json': RecordEvent,
  'datasets.schema.json': DatasetManifest,
  'metrics.schema.json': MetricsFile,
  'policy.schema.json': PolicyFile,
  'training-record.schema.json': TrainingPredicate,
  'statement.schema.json': TrainingStatement,
} as const;

/** The JSON Schema text for each document, deterministic so a staleness test can compare bytes. */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(DOCUMENTS)) {
    const json = z.toJSONSchema(schema as z.ZodType, {
      target: 'draft-2020-12',
      unrepresentable: 'throw',
      io: 'input',
      reused: 'inline',
    });
    out[file] = JSON.stringify(json, null, 2) + '\n';
  }
  return out;
}
