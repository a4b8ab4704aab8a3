import type { TrainingStatement } from '../../schema/predicate.js';
import { toCycloneDx } from './cyclonedx.js';
import { toOpenLineage } from './openlineage.js';
import { toProv } from './prov.js';
import { toSlsa } from './slsa.js';
import { toSpdx } from './spdx.js';

export const EXPORT_FORMATS = ['slsa', 'cyclonedx', 'spdx', 'prov', 'openlineage'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One training record in another ecosystem's format, as a JSON-ready object. */
export function exportStatement(s: TrainingStatement, format: ExportFormat): unknown {
  switch (format) {
    case 'slsa':
      return toSlsa(s);
    case 'cyclonedx':
      return toCycloneDx(s);
    case 'spdx':
      return toSpdx(s);
    case 'prov':
      return toProv(s);
    case 'openlineage':
      return toOpenLineage(s);
  }
}

export { toCycloneDx, toOpenLineage, toProv, toSlsa, toSpdx };
