import * as z from 'zod';
import { SpdxLicenseExpression } from './license.js';
import { DatasetId, PrefixedSha256, Splits, Seed } from './common.js';
import { DatasetCoverageInputShape } from './coverage.js';

/** One dataset in a manifest file or in the action's inline `datasets` input. */
export const DatasetInput = z.strictObject({
  id: DatasetId,
  uri: z.string().min(1).optional().meta({ description: 'where the data lives; defaults to file:<path> for local data, the path percent-encoded as an RFC 3986 URI path (file:data/my%20file.csv)' }),
  version: z.string().min(1).optional(),
  path: z.string().min(1).optional().meta({ description: 'local file or directory (relative to the workspace) to hash' }),
  digest: PrefixedSha256.optional().meta({ description: 'content digest for remote data, sha256:<hex>' }),
  license: SpdxLicenseExpression.optional(),
  splits: Splits.optional(),
  seed: Seed.optional(),
  mediaType: z.string().optional(),
  ...DatasetCoverageInputShape,
});
export type DatasetInput = z.infer<typeof DatasetInput>;

export const DatasetManifest = z
  .union([z.array(DatasetInput), z.strictObject({ datasets: z.array(DatasetInput) })])
  .meta({
    title: 'ml-provenance dataset manifest',
    description: 'A YAML or JSON list of datasets (or an object with a `datasets` list).',
  });

const MetricEntry = z.strictObject({
  name: z.string().min(1),
  value: z.number(),
  epoch: z.number().int().nonnegative().optional(),
  step: z.number().int().nonnegative().optional(),
  split: z.string().min(1).optional(),
});

/** A metrics file: `{name: number}` (flat), or a list of metric entries. */
export const MetricsFile = z
  .union([z.record(z.string().min(1), z.number()), z.array(MetricEntry), z.strictObject({ metrics: z.array(MetricEntry) })])
  .meta({
    title: 'ml-provenance metrics file',
    description: 'Either an object of metric name to number, or a list of {name, value, epoch?, split?}.',
  });
