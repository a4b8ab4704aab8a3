/**
 * Shared pieces of the property tests: the one rule every parser obeys (it returns,
 * or throws an InputError — exit 2 — whose message names the input), and
 * generators of hostile text.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError, ProvenanceError } from '../../src/errors.js';

/** Runs per property: enough to find shallow bugs, fast enough for 2 cores. */
export const RUNS = { numRuns: 200 } as const;

/**
 * Call `fn`; it may return, or throw an InputError (exit 2) whose message contains
 * `names` (the file or input it is about) and has a fix. Anything else fails the
 * property with the thrown value shown.
 */
export function returnsOrInputError<T>(fn: () => T, names: string | RegExp): T | InputError {
  try {
    return fn();
  } catch (err) {
    assertInputError(err, names);
    return err as InputError;
  }
}

export async function resolvesOrInputError<T>(fn: () => Promise<T>, names: string | RegExp): Promise<T | InputError> {
  try {
    return await fn();
  } catch (err) {
    assertInputError(err, names);
    return err as InputError;
  }
}

export function assertInputError(err: unknown, names: string | RegExp): void {
  if (!(err instanceof ProvenanceError)) {
    throw new Error(`expected an InputError, got ${(err as Error)?.name}: ${(err as Error)?.message}\n${(err as Error)?.stack ?? ''}`);
  }
  expect(err.kind, err.message).toBe('input');
  expect(err.exitCode).toBe(2);
  if (typeof names === 'string') expect(err.message).toContain(names);
  else expect(err.message).toMatch(names);
  expect(err.userMessage.length).toBeGreaterThan(err.message.length);
}

/** Text a hostile or careless user might feed a parser. */
export function garbageText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
    fc.constantFrom('', '\n', '---\n---\n', '\0', '\uFEFF{}', '[', '{', ']]', '"', "'", '!!binary x', '*a', '&a [*a]', 'a: &a\n  b: *a', '~', 'null', '0x', '1e999', '-.inf', '.nan', '{"__proto__": {"x": 1}}', '__proto__: 1', 'constructor: {prototype: {}}', '? [a]\n: b', 'a:\tb', '\t- a', 'a = 1\na = 2', '[a]\n[a]', 'x = 1979-05-27T07:32:00Z', 'x = 99999999999999999999'),
    // Deep nesting: parsers, schema checks and redaction must not overflow the stack.
    fc.integer({ min: 50, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 50, max: 3000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    fc.integer({ min: 50, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'a:').join('\n')),
  );
}

/** Valid `text` with a few characters inserted, deleted or replaced. */
export function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat({ max: Math.max(0, text.length) }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let t = text;
    for (const [at, del, ins] of edits) {
      const i = Math.min(at, t.length);
      t = t.slice(0, i) + ins + t.slice(i + del);
    }
    return t;
  });
}
