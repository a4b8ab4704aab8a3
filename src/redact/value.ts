/**
 * Redaction of a parsed document (a config file, hyperparameters, step
 * parameters) before it enters the record. A value is hidden when its name says
 * it is a credential (keys.ts: the member's key, an enclosing credential's key,
 * or the `name` of a `{name, value}` entry), or when its content holds one
 * (detect.ts). Values found by name are then looked for everywhere else in the
 * document, so a YAML alias or a copy under an innocent key is hidden too.
 * Redacted values become "[REDACTED]" and their JSON Pointers are listed.
 */
import { InputError } from '../errors.js';
import { REDACTED, memberVerdict, redactString } from './detect.js';
import { valueFitsName, type KeyVerdict } from './keys.js';

export function escapePointer(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

export interface RedactionResult<T> {
  value: T;
  /** JSON Pointers of redacted values, in document order. */
  paths: string[];
}

/** Set an own property, also for `__proto__` (plain assignment would change the prototype and drop the value). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

interface Ctx {
  extra: RegExp[];
  known: Set<string>;
}

/** Shortest credential worth looking for elsewhere: shorter ones would hide ordinary text. */
const MIN_KNOWN = 6;

/** Strings hidden because of their name (collected first, then looked for everywhere). */
export function contextSecrets(doc: unknown, extra: RegExp[] = []): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, verdict: KeyVerdict, numbers: boolean): void => {
    if (typeof v === 'string') {
      if (v.length >= MIN_KNOWN && valueFitsName(verdict, v, numbers)) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, verdict, numbers));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) {
        const m = memberVerdict(o, k, verdict, extra);
        walk(x, m.verdict, m.numbers);
      }
    }
  };
  walk(doc, 'none', false);
  return out;
}

/**
 * The key to emit for `key`: itself, or — when the key itself holds a credential
 * (`{"AKIA…": "prod"}`) — its redacted form, made unique in `out`.
 */
function outputKey(key: string, out: Record<string, unknown>, ctx: Ctx): { key: string; redacted: boolean } {
  const r = redactString(key, ctx.extra, ctx.known);
  if (r === undefined) return { key, redacted: false };
  let k = r;
  for (let n = 2; Object.hasOwn(out, k); n++) k = `${r} (${n})`;
  return { key: k, redacted: true };
}

/** Replace every string and number of `subtree` with "[REDACTED]" (a member whose key was a credential), keys holding one too. */
function redactAll(v: unknown, ctx: Ctx): unknown {
  if (v === null || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => redactAll(x, ctx));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) setOwn(out, outputKey(k, out, ctx).key, redactAll(x, ctx));
    return out;
  }
  return REDACTED;
}

function walk(v: unknown, ptr: string, verdict: KeyVerdict, numbers: boolean, ctx: Ctx, paths: string[]): unknown {
  if (typeof v === 'string') {
    if (valueFitsName(verdict, v, numbers)) {
      paths.push(ptr);
      return REDACTED;
    }
    const r = redactString(v, ctx.extra, ctx.known);
    if (r !== undefined) {
      paths.push(ptr);
      return r;
    }
    return v;
  }
  if (typeof v === 'number' && numbers && verdict === 'secret') {
    paths.push(ptr);
    return REDACTED;
  }
  if (Array.isArray(v)) return v.map((x, i) => walk(x, `${ptr}/${i}`, verdict, numbers, ctx, paths));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      const { key, redacted } = outputKey(k, out, ctx);
      const p = `${ptr}/${escapePointer(key)}`;
      if (redacted) {
        // A credential used as a key: its value is as sensitive as the key.
        paths.push(p);
        setOwn(out, key, redactAll(x, ctx));
        continue;
      }
      const m = memberVerdict(o, k, verdict, ctx.extra);
      setOwn(out, key, walk(x, p, m.verdict, m.numbers, ctx, paths));
    }
    return out;
  }
  return v;
}

/**
 * Redact credentials in a parsed JSON value. Pure: the input is not modified.
 * `paths` lists the JSON Pointer (into the output) of every replaced value and of
 * every member whose key itself was a credential. `known` adds credentials found
 * elsewhere (another part of the same record).
 */
export function redactValue<T>(value: T, extraKeyPatterns: RegExp[] = [], known: Iterable<string> = []): RedactionResult<T> {
  const ctx: Ctx = { extra: extraKeyPatterns, known: new Set([...known, ...contextSecrets(value, extraKeyPatterns)]) };
  const paths: string[] = [];
  return { value: walk(value, '', 'none', false, ctx, paths) as T, paths };
}

/** Compile the action's `redact` input (one regular expression per line) into key patterns. */
export function compileKeyPatterns(lines: string[]): RegExp[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      try {
        return new RegExp(l, 'i');
      } catch (err) {
        throw new InputError('bad-redact-pattern', `redact pattern "${l}" is not a valid regular expression (${(err as Error).message})`, {
          fix: 'give one JavaScript regular expression per line, e.g. ^wandb_',
          fields: ['redact'],
        });
      }
    });
}
