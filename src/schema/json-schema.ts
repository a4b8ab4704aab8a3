import * as z from 'zod';
import { RecordEvent } from './record-event.js';
import { DatasetManifest, MetricsFile } from './inputs.js';
import { OPENLINEAGE_FACET_FILES, OpenLineageDatasetFacet, OpenLineageEnvironmentFacet, OpenLineageModelFacet, OpenLineageRunFacet } from './openlineage.js';
import { PolicyFile } from './policy.js';
import { TrainingPredicate, TrainingStatement } from './predicate.js';

export const SCHEMA_BASE = 'https://ml-provenance.dev/schemas/';

/** Every document the project reads or writes, by its published file name. */
export const DOCUMENTS = {
  'record-event.schema.json': RecordEvent,
  'datasets.schema.json': DatasetManifest,
  'metrics.schema.json': MetricsFile,
  'policy.schema.json': PolicyFile,
  'training-record.schema.json': TrainingPredicate,
  'statement.schema.json': TrainingStatement,
  [OPENLINEAGE_FACET_FILES.run]: OpenLineageRunFacet,
  [OPENLINEAGE_FACET_FILES.dataset]: OpenLineageDatasetFacet,
  [OPENLINEAGE_FACET_FILES.model]: OpenLineageModelFacet,
  [OPENLINEAGE_FACET_FILES.environment]: OpenLineageEnvironmentFacet,
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
    // $id first so readers see which document this is; the zod schemas stay id-free
    // so zod does not hoist them into $defs.
    const { $schema, ...rest } = json as Record<string, unknown>;
    out[file] = JSON.stringify({ $schema, $id: `${SCHEMA_BASE}${file}`, ...rest }, null, 2) + '\n';
  }
  return out;
}
