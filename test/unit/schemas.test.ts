import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { copyExample, ROOT, train } from '../helpers/run.js';
import { minimalStatement } from './statement-fixture.js';

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

function compile(file: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')));
}

describe('published JSON Schemas (generated from zod)', () => {
  it('every schema is draft 2020-12 with an $id', () => {
    for (const f of readdirSync(path.join(ROOT, 'schemas'))) {
      const s = JSON.parse(readFileSync(path.join(ROOT, 'schemas', f), 'utf8'));
      expect(s.$schema, f).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id, f).toBe(`https://ml-provenance.dev/schemas/${f}`);
    }
  });

  it('record events written directly by Python code validate against record-event.schema.json', () => {
    const ws = copyExample();
    train(ws);
    const validate = compile('record-event.schema.json');
    const lines = readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(validate(JSON.parse(l)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ kind: 'metric', name: 'x', value: 'high' })).toBe(false);
    expect(validate({ kind: 'dataset', id: 'd', uri: 'u', digest: 'sha256:xyz' })).toBe(false);
  });

  it('statements and manifests validate against their schemas', () => {
    expect(compile('statement.schema.json')(minimalStatement())).toBe(true);
    const ds = compile('datasets.schema.json');
    expect(ds([{ id: 'a', path: 'data', license: 'MIT', splits: { train: 0.9 } }])).toBe(true);
    expect(ds([{ id: 'a', licence: 'MIT' }])).toBe(false);
    expect(compile('policy.schema.json')({ version: 1, extends: 'strict', rules: { image: 'required' } })).toBe(true);
    expect(compile('metrics.schema.json')({ accuracy: 0.9 })).toBe(true);
  });
});
