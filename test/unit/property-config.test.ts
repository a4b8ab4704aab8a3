// Config files (YAML, JSON, TOML): any text parses or fails with an InputError
// naming the file; valid documents round-trip; nesting is bounded.
import fc from 'fast-check';
import { stringify as toToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { captureConfig, parseConfigText, type ConfigFormat } from '../../src/capture/config.js';
import { MAX_DEPTH, jsonDepth } from '../../src/util/json.js';
import { redactValue } from '../../src/redact/index.js';
import { ConfigDescriptor } from '../../src/schema/predicate.js';
import { canonicalJson } from '../../src/util/canonical.js';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RUNS, garbageText, mutated, returnsOrInputError, resolvesOrInputError } from './property-helpers.js';

const FORMATS: ConfigFormat[] = ['yaml', 'json', 'toml'];
const FILE = { yaml: 'config/train.yaml', json: 'config/train.json', toml: 'config/train.toml' } as const;

/** A JSON value every format can hold (TOML has no null and needs a table at the top). */
const tomlSafe = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    fc.boolean(),
    tie('table'),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
  table: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), tie('value'), { maxKeys: 5 }),
})).table as fc.Arbitrary<Record<string, unknown>>;

const SAMPLE = {
  yaml: 'optimizer:\n  name: sgd\n  lr: 0.02\nlist: [1, 2, {a: b}]\ntracking:\n  api_key: "x"\n',
  json: '{"optimizer": {"name": "sgd", "lr": 0.02}, "list": [1, 2, {"a": "b"}], "tracking": {"api_key": "x"}}',
  toml: '[optimizer]\nname = "sgd"\nlr = 0.02\n[tracking]\napi_key = "x"\nlist = [1, 2, { a = "b" }]\n',
};

describe('parseConfigText (property)', () => {
  for (const format of FORMATS) {
    it(`${format}: arbitrary text parses or is an InputError naming the file`, () => {
      fc.assert(
        fc.property(fc.oneof(garbageText(), mutated(SAMPLE[format])), (text) => {
          const r = returnsOrInputError(() => parseConfigText(text, format, FILE[format]), FILE[format]);
          if (!(r instanceof Error)) {
            // What parses is plain JSON, bounded in depth, and survives the rest of the pipeline.
            expect(jsonDepth(r)).toBeLessThanOrEqual(MAX_DEPTH);
            const red = redactValue(r);
            canonicalJson(red.value);
            expect(ConfigDescriptor.shape.content.safeParse(red.value).success).toBe(true);
          }
        }),
        RUNS,
      );
    });

    it(`${format}: documents round-trip to the same JSON`, () => {
      fc.assert(
        fc.property(tomlSafe, (doc) => {
          // YAML is read as YAML 1.1 (PyYAML), so written by a 1.1 writer: it quotes the strings 1.1
          // reads otherwise (`yes`, `017`, `1:0`, base 60 for 60), as PyYAML's yaml.dump does.
          const text = format === 'json' ? JSON.stringify(doc) : format === 'yaml' ? toYaml(doc, { version: '1.1' }) : toToml(doc);
          const parsed = parseConfigText(text, format, FILE[format]);
          // A double written as an integer literal past 2^53 (JSON and YAML write 2**60 as digits;
          // TOML as 1152921504606846976.0, a float) is read as Python reads it, an int: its exact text.
          const recorded = format === 'toml' ? doc : JSON.parse(JSON.stringify(doc), (_k, v: unknown) => (typeof v === 'number' && !Number.isSafeInteger(v) && /^-?\d+$/.test(String(v)) ? String(v) : v));
          expect(canonicalJson(parsed)).toBe(canonicalJson(JSON.parse(JSON.stringify(recorded))));
        }),
        RUNS,
      );
    });
  }

  it('a nesting deeper than the limit is an InputError in every format, not a stack overflow', () => {
    for (const n of [MAX_DEPTH + 1, 500, 20_000]) {
      const json = '['.repeat(n) + ']'.repeat(n);
      for (const [format, text] of [
        ['json', json],
        ['yaml', json],
        ['toml', `a = ${json}`],
      ] as const) {
        const r = returnsOrInputError(() => parseConfigText(text, format, FILE[format]), FILE[format]);
        expect(r, `${format} depth ${n}`).toBeInstanceOf(Error);
      }
    }
    expect(() => parseConfigText('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1), 'json', 'deep.json')).toThrow(
      /deep\.json: config is nested more than 64 levels deep/,
    );
    // The limit itself is fine.
    const ok = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
    expect(jsonDepth(parseConfigText(ok, 'json', 'ok.json'))).toBe(MAX_DEPTH);
  });

  it('a key named __proto__ is kept as data in every format (not turned into a prototype)', () => {
    const cases: Array<[ConfigFormat, string]> = [
      ['json', '{"__proto__": {"lr": 1, "password": "p"}}'],
      ['yaml', '__proto__:\n  lr: 1\n  password: p\n'],
      ['toml', '[__proto__]\nlr = 1\npassword = "p"\n'],
    ];
    for (const [format, text] of cases) {
      const v = parseConfigText(text, format, FILE[format]);
      expect(JSON.stringify(v), format).toBe('{"__proto__":{"lr":1,"password":"p"}}');
      const red = redactValue(v);
      expect(JSON.stringify(red.value), format).toBe('{"__proto__":{"lr":1,"password":"[REDACTED]"}}');
      expect(red.paths).toEqual(['/__proto__/password']);
      expect(Object.getPrototypeOf(red.value)).toBe(Object.prototype);
    }
  });

  it('captureConfig on arbitrary file bytes: a descriptor that matches the schema, or an InputError naming the file', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-prop-config-'));
    mkdirSync(path.join(ws, 'config'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.oneof(garbageText(), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), async (format, text) => {
        const rel = `config/c${n++}.${format}`;
        writeFileSync(path.join(ws, rel), text, 'latin1');
        const r = await resolvesOrInputError(() => captureConfig(rel, ws), rel);
        if (!(r instanceof Error)) expect(ConfigDescriptor.safeParse(r).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('config syntax errors', () => {
  it('never quote the file content (it may hold a credential) and stay on one line', () => {
    const secret = 'hunter2-fake';
    for (const [format, text] of [
      ['json', `password: ${secret}\n`],
      ['json', `${secret}`],
      ['json', `{"password": "${secret}"} x`],
      ['json', `{"password": "${secret}",\n oops}`],
      ['yaml', `password: "${secret}" oops: [\n`],
      ['toml', `password = ${secret}\n`],
    ] as const) {
      const err = returnsOrInputError(() => parseConfigText(text, format, `c.${format}`), `c.${format}`) as Error;
      expect(err, text).toBeInstanceOf(Error);
      expect(err.message, text).not.toContain(secret.slice(0, 4));
      expect(err.message, text).not.toContain('\n');
    }
    expect(() => parseConfigText('{"a": 1,\n "b": 2 x}', 'json', 'c.json')).toThrow(/^c\.json:2 is not valid JSON: Expected ',' or '}' after property value/);
  });
});
