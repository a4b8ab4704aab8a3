import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors.js';
import type { TrainingPredicate } from '../schema/predicate.js';
import { canonicalJson, sha256Hex } from '../util/canonical.js';
import { fileUri, fileUriPath } from '../util/file-uri.js';

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
  /**
   * The same key file read as earlier releases read it (its bytes with the trailing newline),
   * for `reveal` of records they made; never used to make a pseudonym.
   */
  earlier?: PseudonymKey;
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

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The texts that name what `v` names: a `file:` uri and the workspace path it names (a dataset's
 * `uri` and `annotations.path`, a config's `uri` and `name`), either way round.
 */
export function sameValueForms(v: string): string[] {
  const p = fileUriPath(v);
  if (p !== undefined) return [...new Set([v, p, v.slice('file:'.length)])];
  return /^[a-z][a-z0-9+.-]*:/i.test(v) ? [v] : [v, fileUri(v)];
}

/** A `redactions` entry names a config by its path: `configs/cohort-7.yaml#/db/password`. */
const REDACTION_ENTRY = /^([^#]*)(#.*)$/s;

/**
 * Replace the values at `patterns` by pseudonyms; strings and numbers only (a number is
 * pseudonymised by its decimal text). Already-pseudonymised values are left as they are.
 * The same value kept elsewhere in the predicate is replaced too, each text by its own
 * pseudonym, or the pseudonym would hide nothing: any other string equal to a replaced
 * value or to another form of it (sameValueForms: the path beside a `file:` uri, a step's
 * input naming a pseudonymised dataset id), the value part of a joined `--data=VALUE` /
 * `KEY=VALUE` word (the flag stays readable), a config's path where it is a key
 * (`externalParameters.config`) or begins a `redactions` entry. Other numbers are not:
 * equal numbers (3 epochs, a cohort 3) are mostly chance. Returns the new predicate, the
 * JSON Pointers replaced (listed under `pseudonyms` so a reader knows which values are not
 * literal) and the clear values hidden, each with the named field it came from, for the leak
 * check (pseudonym-leaks.ts). Pure.
 */
export function pseudonymize(
  predicate: TrainingPredicate,
  patterns: string[],
  key: PseudonymKey,
): { predicate: TrainingPredicate; pointers: string[]; hidden: HiddenValue[] } {
  // Not structuredClone: it keeps the build's shared objects shared (a config's content is also
  // the config map's value), and each place must be replaced and listed on its own.
  const copy = JSON.parse(JSON.stringify(predicate)) as Record<string, unknown>;
  const same = new Set<string>();
  const hidden = new Map<string, string>();
  for (const pattern of patterns) {
    const parts = parsePattern(pattern);
    const walk = (node: unknown, i: number, ptr: string, parent: Record<string, unknown> | unknown[] | undefined, at: string | number | undefined) => {
      if (i === parts.length) {
        if (parent === undefined || at === undefined) return;
        if ((typeof node === 'string' && !PSEUDONYM_RE.test(node)) || typeof node === 'number') {
          (parent as Record<string | number, unknown>)[at] = pseudonym(key, String(node));
          for (const f of sameValueForms(String(node))) if (f) same.add(f);
          if (!hidden.has(String(node))) hidden.set(String(node), ptr);
        }
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const want = parts[i]!;
      const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, k) => [k, v]) : Object.entries(node);
      for (const [k, v] of entries) {
        if (want === '*' || String(k) === want) walk(v, i + 1, `${ptr}/${escape(String(k))}`, node as Record<string, unknown>, k);
      }
    };
    walk(copy, 0, '#', undefined, undefined);
  }
  if (same.size) pseudonymizeCopies(copy, same, key);
  refreshContentDigests(copy, predicate);
  // Listed where they are now (a value under a renamed config key by its pseudonym, not by the path).
  const before = new Set(findPseudonyms(predicate).map((f) => f.pointer));
  const pointers = findPseudonyms(copy).map((f) => f.pointer).filter((ptr) => !before.has(ptr));
  return {
    predicate: copy as unknown as TrainingPredicate,
    pointers: [...new Set(pointers)].sort(),
    hidden: [...hidden].map(([value, from]) => ({ value, from })),
  };
}

/** A clear value `pseudonymize` replaced, and the JSON Pointer of the named field it was first found at. */
export interface HiddenValue {
  value: string;
  from: string;
}

/**
 * A joined argv word or assignment, `--data=VALUE` / `data_dir=VALUE`: the flag or key before the
 * first `=` stays readable, the value after it is what may be hidden.
 */
const JOINED = /^([^=]*=)(.+)$/s;

/**
 * A config's contentDigest over its content as recorded: one over the content before its
 * pseudonyms would both disagree with the content and let anyone test guesses at the hidden value.
 */
function refreshContentDigests(doc: Record<string, unknown>, before: TrainingPredicate): void {
  ((doc.configFiles ?? []) as Array<{ content?: unknown; contentDigest?: string }>).forEach((c, i) => {
    const was = canonicalJson(before.configFiles[i]?.content);
    const now = canonicalJson(c.content);
    if (c.contentDigest !== undefined && now !== was) c.contentDigest = sha256Hex(now);
  });
}

/** Replace, in place, the copies of pseudonymised values (`same`) left elsewhere in `doc`. */
function pseudonymizeCopies(doc: Record<string, unknown>, same: Set<string>, key: PseudonymKey): void {
  // A config's path as a key of externalParameters.config, and at the start of a redactions entry.
  const params = (doc.buildDefinition as { externalParameters?: { config?: Record<string, unknown> } } | undefined)?.externalParameters;
  if (params?.config) {
    params.config = Object.fromEntries(Object.entries(params.config).map(([k, v]) => [same.has(k) ? pseudonym(key, k) : k, v]));
  }
  if (Array.isArray(doc.redactions)) {
    doc.redactions = doc.redactions.map((r: unknown) => {
      const m = typeof r === 'string' ? REDACTION_ENTRY.exec(r) : null;
      return m && same.has(m[1]!) ? `${pseudonym(key, m[1]!)}${m[2]!}` : r;
    });
  }
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      if (same.has(node)) return pseudonym(key, node);
      const m = JOINED.exec(node);
      return m && same.has(m[2]!) ? `${m[1]!}${pseudonym(key, m[2]!)}` : node;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) (node as Record<string, unknown>)[k] = walk(v);
    return node;
  };
  walk(doc);
}

/**
 * Every pseudonym in a JSON value, with where it is: values, keys, the config path that begins a
 * `redactions` entry, and the value part of a joined `--flag=VALUE` / `KEY=VALUE` word.
 */
export function findPseudonyms(value: unknown): Array<{ pointer: string; pseudonym: string }> {
  const out: Array<{ pointer: string; pseudonym: string }> = [];
  const walk = (v: unknown, ptr: string) => {
    if (typeof v === 'string') {
      const p = PSEUDONYM_RE.test(v) ? v : (PSEUDONYM_PREFIX.exec(v) ?? PSEUDONYM_JOINED.exec(v))?.[1];
      if (p !== undefined) out.push({ pointer: ptr, pseudonym: p });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const at = `${ptr}/${escape(k)}`;
        if (PSEUDONYM_RE.test(k)) out.push({ pointer: at, pseudonym: k });
        walk(x, at);
      }
    }
  };
  walk(value, '#');
  return out;
}

/** A pseudonymised config path before a `redactions` entry's pointer. */
const PSEUDONYM_PREFIX = /^(pseud:[a-f0-9]{8}:[a-f0-9]{64})#/;
/** A pseudonymised value after the `=` of a joined word (JOINED). */
const PSEUDONYM_JOINED = /^[^=]*=(pseud:[a-f0-9]{8}:[a-f0-9]{64})$/;

/** The candidate whose pseudonym under `key` is `p`, compared in constant time; undefined when none is. */
export function reveal(p: string, candidates: Iterable<string>, given: PseudonymKey): string | undefined {
  const m = PSEUDONYM_RE.exec(p);
  const key = m && [given, given.earlier].find((k) => k?.id === m[1]);
  if (!m || !key) return undefined;
  const want = Buffer.from(m[2]!, 'hex');
  // A `file:` uri given reveals the path beside it, and a path its uri.
  for (const c of [...candidates].flatMap(sameValueForms)) {
    const got = createHmac('sha256', key.bytes).update(c, 'utf8').digest();
    if (timingSafeEqual(got, want)) return c;
  }
  return undefined;
}
