import type { TrainingStatement } from '../../schema/predicate.js';
import { toCycloneDx } from './cyclonedx.js';
import { toOpenLineage } from './openlineage.js';
import { toProv } from './prov.js';
import { toSlsa } from './slsa.js';
import { toSpdx } from './spdx.js';

export const EXPORT_FORMATS = ['slsa', 'cyclonedx', 'spdx', 'prov', 'openlineage'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One training record in another ecosystem's format, as a JSON-ready object. `runId` is the
 * record's id (statementRunId of the loaded document: the sha256 of the bytes signed or read),
 * so the export names the run as `lineage` and the store do; without it, the id of the bytes
 * `build` writes for the statement.
 */
export function exportStatement(s: TrainingStatement, format: ExportFormat, runId?: string): unknown {
  switch (format) {
    case 'slsa':
      return toSlsa(s);
    case 'cyclonedx':
      return toCycloneDx(s, runId);
    case 'spdx':
      return toSpdx(s, runId);
    case 'prov':
      return toProv(s, runId);
    case 'openlineage':
      return toOpenLineage(s, runId);
  }
}

export { toCycloneDx, toOpenLineage, toProv, toSlsa, toSpdx };
