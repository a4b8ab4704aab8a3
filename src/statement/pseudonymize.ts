import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors.js';
import type { TrainingPredicate } from '../schema/predicate.js';

/**
 * Keyed pseudonymisation of sensitive identifiers (a private dataset's URI, a cohort id, a
 * user name): each value at a named field becomes `pseud:<key id>:<HMAC-SHA256(key, value)>`.
 * The key stays with the team, never in the record; equal values give equal pseudonyms, so
 * runs stay joinable; `ml-provenance reveal` with the key maps pseudonyms back to candidate
 * values. An HMAC cannot be inverted, but a small value space can be enumerated by anyone
 * holding the key — and by no one without it (docs/SECURITY.md).
 */
export const PSEUDONYM_RE = /^pseud:([a-f0-9]{8}):([a-f0-9]{64})$/;

/** Keys shorter than this are refused: a guessable key turns pseudonyms back into values. */
export const MIN_KEY_BYTES = 16;

export interface PseudonymKey {
  bytes: Buffer;
  /** First 8 hex of sha256(key): says which key made a pseudonym, reveals nothing of it. */
  id: string;
}

export function pseudonymKey(raw: string | Buffer, where: string): PseudonymKey {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.trim(), 'utf8');
  if (bytes.length < MIN_KEY_BYTES) {
    throw new InputError('weak-pseudonym-key', `the pseudonymisation key from ${where} is shorter than ${MIN_KEY_BYTES} bytes`, {
      fix: 'generate one with `openssl rand -hex 32` and keep it as a secret (never in the repository)',
      fields: ['pseudonym-key'],
    });
  }
  return { bytes, id: createHash('sha256').update(bytes).digest('hex').slice(0, 8) };
}

export function pseudonym(key: PseudonymKey, value: string): string {
  return `pseud:${key.id}:${createHmac('sha256', key.bytes).update(value, 'utf8').digest('hex')}`;
}

/**
 * Field patterns are dotted paths into the predicate; `*` matches any one key or index:
 * `datasets.*.uri`, `datasets.*.source.owner`,
 * `buildDefinition.externalParameters.hyperparameters.cohort_id`, `experiment.flags.*`.
 */
export function parsePattern(p: string): string[] {
  const parts = p.trim().split('.');
  if (!p.trim() || parts.some((s) => s === '')) {
    throw new InputError('bad-anonymize-field', `anonymize field "${p}" is not a dotted path`, {
      fix: 'name fields like datasets.*.uri or buildDefinition.externalParameters.hyperparameters.cohort_id',
      fields: ['anonymize'],
    });
  }
  return parts;
}

/**
 * Replace the values at `patterns` by pseudonyms; strings and numbers only (a number is
 * pseudonymised by its decimal text). Already-pseudonymised values are left as they are.
 * Returns the new predicate and the JSON Pointers replaced, listed under `pseudonymized`
 * annotations so a reader knows which values are not literal. Pure.
 */
export function pseudonymize(predicate: TrainingPredicate, patterns: string[], key: PseudonymKey): { predicate: TrainingPredicate; pointers: string[] } {
  const copy = structuredClone(predicate) as unknown as Record<string, unknown>;
  const pointers: string[] = [];
  for (const pattern of patterns) {
    const parts = parsePattern(pattern);
    const walk = (node: unknown, i: number, ptr: string, parent: Record<string, unknown> | unknown[] | undefined, at: string | number | undefined) => {
      if (i === parts.length) {
        if (parent === undefined || at === undefined) return;
        if ((typeof node === 'string' && !PSEUDONYM_RE.test(node)) || typeof node === 'number') {
          (parent as Record<string | number, unknown>)[at] = pseudonym(key, String(node));
          pointers.push(ptr);
        }
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const want = parts[i]!;
      const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, k) => [k, v]) : Object.entries(node);
      for (const [k, v] of entries) {
        if (want === '*' || String(k) === want) walk(v, i + 1, `${ptr}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`, node as Record<string, unknown>, k);
      }
    };
    walk(copy, 0, '#', undefined, undefined);
  }
  return { predicate: copy as unknown as TrainingPredicate, pointers: [...new Set(pointers)].sort() };
}

/** Every pseudonym in a JSON value, with where it is. */
export function findPseudonyms(value: unknown): Array<{ pointer: string; pseudonym: string }> {
  const out: Array<{ pointer: string; pseudonym: string }> = [];
  const walk = (v: unknown, ptr: string) => {
    if (typeof v === 'string' && PSEUDONYM_RE.test(v)) out.push({ pointer: ptr, pseudonym: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(value, '#');
  return out;
}

/** The candidate whose pseudonym under `key` is `p`, compared in constant time; undefined when none is. */
export function reveal(p: string, candidates: Iterable<string>, key: PseudonymKey): string | undefined {
  const m = PSEUDONYM_RE.exec(p);
  if (!m || m[1] !== key.id) return undefined;
  const want = Buffer.from(m[2]!, 'hex');
  for (const c of candidates) {
    const got = createHmac('sha256', key.bytes).update(c, 'utf8').digest();
    if (timingSafeEqual(got, want)) return c;
  }
  return undefined;
}
