import * as z from 'zod';
import { DigestSet, Scalar, Sha256Hex, Splits, Seed } from './common.js';
import { Conflict, DatasetCoverageShape, Experiment, Pseudonymization } from './coverage.js';
import { Environment, Metric, Step } from './predicate.js';

/**
 * The custom OpenLineage facets `ml-provenance export --format openlineage` emits. Each
 * facet's `_schemaURL` is the generated schema in schemas/ (openlineage-*.schema.json);
 * the BaseFacet fields follow the OpenLineage spec (2-0-2 OpenLineage.json#/$defs/BaseFacet).
 */
const BaseFacet = {
  _producer: z.url().meta({ description: 'URI identifying the producer of this metadata' }),
  _schemaURL: z.url().meta({ description: 'URL of this facet\'s JSON Schema' }),
  _deleted: z.boolean().optional(),
};

export const OpenLineageRunFacet = z
  .strictObject({
    ...BaseFacet,
    statementDigest: Sha256Hex.meta({
      description: 'the run id: sha256 of the statement bytes as signed (the DSSE payload) or written, the same as `lineage --format json` and `store ingest` report',
    }),
    invocationId: z.string().optional(),
    startedOn: z.string().optional(),
    finishedOn: z.string(),
    builder: z.string(),
    hyperparameters: z.record(z.string(), Scalar),
    metrics: z.array(Metric).meta({ description: 'the final value of each metric' }),
    steps: z.array(Step).meta({ description: 'the transformation steps, with the command and environment of each where recorded' }),
    image: z.string().optional(),
    experiment: Experiment.optional().meta({ description: 'why the run was made and the feature / A-B flags in effect' }),
    conflicts: z.array(Conflict).optional(),
    pseudonyms: Pseudonymization.optional().meta({ description: 'which values in this event are keyed pseudonyms (pseud:<keyId>:<hmac>), never the values' }),
  })
  .meta({ title: 'ml-provenance OpenLineage run facet (mlProvenance_run)', description: 'The training run as ml-provenance recorded it.' });

export const OpenLineageDatasetFacet = z
  .strictObject({
    ...BaseFacet,
    id: z.string().min(1).meta({ description: 'the dataset id in the record' }),
    uri: z.string().min(1).meta({ description: 'the location exactly as recorded' }),
    license: z.string().optional().meta({ description: 'SPDX license expression' }),
    digest: DigestSet,
    splits: Splits.optional(),
    seed: Seed.optional(),
    files: z.number().int().nonnegative().optional(),
    bytes: z.number().int().nonnegative().optional(),
    ...DatasetCoverageShape,
  })
  .meta({
    title: 'ml-provenance OpenLineage dataset facet (mlProvenance_dataset)',
    description: 'A training dataset: record id, digests, license, splits, seed, and source, quality, sampling, synthetic origin and license history as recorded.',
  });

/** The machine and software the run used: what OpenLineage has no facet for. `environment.extra` is left out. */
export const OpenLineageEnvironmentFacet = z
  .strictObject({ ...BaseFacet, ...Environment.omit({ extra: true }).shape })
  .meta({
    title: 'ml-provenance OpenLineage environment run facet (mlProvenance_environment)',
    description: 'The training environment: OS, tools and libraries, accelerators, cluster configuration, captured hardware and Python environment.',
  });

export const OpenLineageModelFacet = z
  .strictObject({ ...BaseFacet, digest: DigestSet })
  .meta({ title: 'ml-provenance OpenLineage model facet (mlProvenance_model)', description: 'A trained model file (a subject of the signed statement) and its digests.' });

export type OpenLineageRunFacet = z.infer<typeof OpenLineageRunFacet>;
export type OpenLineageDatasetFacet = z.infer<typeof OpenLineageDatasetFacet>;
export type OpenLineageModelFacet = z.infer<typeof OpenLineageModelFacet>;
export type OpenLineageEnvironmentFacet = z.infer<typeof OpenLineageEnvironmentFacet>;

/** Published file name (in schemas/) of each facet's schema. */
export const OPENLINEAGE_FACET_FILES = {
  run: 'openlineage-run-facet.schema.json',
  dataset: 'openlineage-dataset-facet.schema.json',
  model: 'openlineage-model-facet.schema.json',
  environment: 'openlineage-environment-facet.schema.json',
} as const;
