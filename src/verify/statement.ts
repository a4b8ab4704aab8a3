import { PREDICATE_TYPE, STATEMENT_TYPE, type TrainingStatement } from '../schema/predicate.js';
import { parseStatement } from '../statement/load.js';
import { SLSA_PROVENANCE_V1 } from '../statement/slsa.js';
import { ProvenanceError } from '../errors.js';
import { pass, fail, type Check } from './verdict.js';
import type { StatementSubject } from './subjects.js';

export interface ReadStatement {
  check: Check;
  /** The raw statement (any in-toto v1 statement), when the payload is JSON. */
  raw?: { _type?: unknown; predicateType?: unknown; subject?: StatementSubject[] };
  /** The training record, when the payload is one and matches the schema. */
  training?: TrainingStatement;
}

/** The signed payload as JSON (its subjects are read even before the schema check). */
export function readPayload(payload: Buffer): ReadStatement['raw'] | undefined {
  try {
    const v = JSON.parse(payload.toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ReadStatement['raw']) : undefined;
  } catch {
    return undefined;
  }
}

/** in-toto Statement v0.1, which cosign 2.x `attest-blob` still writes. */
export const STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';

/** An in-toto v1 (or v0.1) statement: our training record (schema-checked), or the companion SLSA provenance. */
export function checkStatement(raw: ReadStatement['raw'] | undefined): ReadStatement {
  if (!raw) return { check: fail('statement', 'the signed payload is not a JSON object') };
  const v01 = raw._type === STATEMENT_V01;
  if (raw._type !== STATEMENT_TYPE && !v01) {
    return {
      check: fail('statement', `the payload is not an in-toto Statement v1 or v0.1 (_type is ${JSON.stringify(typeof raw._type === 'string' ? raw._type.slice(0, 100) : raw._type)})`),
      raw,
    };
  }
  const version = v01 ? 'v0.1 (as cosign 2.x attest-blob writes)' : 'v1';
  if (raw.predicateType === SLSA_PROVENANCE_V1) {
    return { check: pass('statement', `in-toto Statement ${version} with SLSA provenance v1 (the companion build provenance; it carries no training record)`), raw };
  }
  if (raw.predicateType !== PREDICATE_TYPE) {
    return { check: fail('statement', `the predicate type is ${JSON.stringify(raw.predicateType)}, not an ml-provenance training record (${PREDICATE_TYPE})`), raw };
  }
  try {
    // v0.1 and v1 statements have the same fields (v1 only widened what a subject may
    // be); the predicate is validated exactly as in a v1 statement. The record is
    // handed on as v1: the version is the envelope's, not the record's.
    const training = parseStatement(v01 ? { ...raw, _type: STATEMENT_TYPE } : raw, 'the signed statement');
    return { check: pass('statement', `in-toto Statement ${version} with a valid ml-provenance training record (${training.subject.length} subject(s))`), raw, training };
  } catch (err) {
    if (err instanceof ProvenanceError) return { check: fail('statement', err.message), raw };
    throw err;
  }
}
