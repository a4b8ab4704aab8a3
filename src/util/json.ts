import { InputError } from '../errors.js';

/**
 * Deepest nesting a document may have. Real configs are a few levels deep; without
 * a limit a crafted file (`[[[[…` ten thousand times) parses, then overflows the
 * stack of every recursive step after it (redaction, canonical JSON, the schema).
 */
export const MAX_DEPTH = 64;

/** Nesting depth of a parsed JSON value, counted without recursion; stops early past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === 'object') stack.push([x, depth]);
  }
  return max;
}

/** Refuse a parsed document nested deeper than MAX_DEPTH, naming the file. */
export function assertDepth(value: unknown, file: string, what: string, limit = MAX_DEPTH): void {
  if (jsonDepth(value, limit) > limit) {
    throw new InputError('too-deeply-nested', `${file}: ${what} is nested more than ${limit} levels deep`, {
      fix: `flatten the ${what}: at most ${limit} levels of nested objects and lists are accepted`,
      file,
    });
  }
}

/**
 * V8's JSON.parse message, without the excerpt of the input it may quote
 * (`Unexpected token 'p', "password: "... is not valid JSON`): the excerpt can hold
 * a credential and may span lines, and error lines go to logs and annotations.
 * Returns one line and, where V8 gives a position, the line number.
 */
export function describeJsonError(err: unknown, text: string): { message: string; line?: number } {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw
    .replace(/,\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const pos = /position (\d+)/.exec(raw);
  const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
  return { message, ...(line !== undefined ? { line } : {}) };
}

/**
 * An integer as the record holds it: a number when a double carries it exactly (|n| ≤ 2^53 − 1),
 * else its exact decimal text. A 64-bit seed read as a double would be recorded as a different
 * number; as text it stays the value the training code reads (Python's int(text) gives it back).
 * Text, not a bare JSON number beyond 2^53, because the record is hashed as RFC 8785 canonical
 * JSON, which is defined on doubles (its Appendix D and I-JSON, RFC 7493 §2.2, say to carry
 * such integers as strings), and JavaScript, Go and jq 1.6 readers would round a bare one.
 */
export function exactInteger(n: bigint): number | string {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

/**
 * JSON.parse that keeps integer literals beyond 2^53 exact, as their decimal text (exactInteger);
 * `texts` (if given) collects the texts so made. `1e20` and `9007199254740993.0` stay numbers:
 * Python reads them as floats too. The reviver (Node 24 hands it the literal's source text)
 * only runs when the text has a 16-digit run, which every such literal has. `asBigInt` gives
 * them as bigints instead (for plainJson, which notes where they stood).
 */
export function parseJsonExact(text: string, texts?: Set<string>, asBigInt = false): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) => {
    const source = context?.source;
    if (typeof value !== 'number' || Number.isSafeInteger(value) || source === undefined || !/^-?\d+$/.test(source)) return value;
    texts?.add(source);
    return asBigInt ? BigInt(source) : source;
  });
}
