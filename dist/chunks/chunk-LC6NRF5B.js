import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DatasetCoverageInputShape,
  DatasetId,
  PrefixedSha256,
  Seed,
  SpdxLicenseExpression,
  Splits,
  array,
  number,
  record,
  strictObject,
  string,
  union
} from "./chunk-YAQPLVGR.js";

// src/schema/inputs.ts
var DatasetInput = strictObject({
  id: DatasetId,
  uri: string().min(1).optional().meta({ description: "where the data lives; defaults to file:<path> for local data, the path percent-encoded as an RFC 3986 URI path (file:data/my%20file.csv)" }),
  version: string().min(1).optional(),
  path: string().min(1).optional().meta({ description: "local file or directory (relative to the workspace) to hash" }),
  digest: PrefixedSha256.optional().meta({ description: "content digest for remote data, sha256:<hex>" }),
  license: SpdxLicenseExpression.optional(),
  splits: Splits.optional(),
  seed: Seed.optional(),
  mediaType: string().optional(),
  ...DatasetCoverageInputShape
});
var DatasetManifest = union([array(DatasetInput), strictObject({ datasets: array(DatasetInput) })]).meta({
  title: "ml-provenance dataset manifest",
  description: "A YAML or JSON list of datasets (or an object with a `datasets` list)."
});
var MetricEntry = strictObject({
  name: string().min(1),
  value: number(),
  epoch: number().int().nonnegative().optional(),
  step: number().int().nonnegative().optional(),
  split: string().min(1).optional()
});
var MetricsFile = union([record(string().min(1), number()), array(MetricEntry), strictObject({ metrics: array(MetricEntry) })]).meta({
  title: "ml-provenance metrics file",
  description: "Either an object of metric name to number, or a list of {name, value, epoch?, split?}."
});

export {
  DatasetManifest,
  MetricsFile
};
