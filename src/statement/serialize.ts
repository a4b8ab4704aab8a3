import { hash } from 'node:crypto';
import type { TrainingStatement } from '../schema/predicate.js';

/** The bytes written to provenance.intoto.json (and signed): stable two-space JSON. */
export function serializeStatement(st: TrainingStatement): string {
  return JSON.stringify(st, null, 2) + '\n';
}

/**
 * The run's stable id, in one definition for lineage, the store and the exports: sha256 (hex)
 * of the statement's exact bytes — the signed DSSE payload, or the statement file as read —
 * and, for a statement known only as an object, of the bytes `build` writes for it.
 */
export function statementRunId(d: { statement: TrainingStatement; statementSha256?: string | undefined; payload?: Uint8Array | undefined }): string {
  return d.statementSha256 ?? hash('sha256', d.payload ?? serializeStatement(d.statement), 'hex');
}
