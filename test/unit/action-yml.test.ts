import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { inputVariable, loadActionYml, stepInputs } from '../helpers/action-env.js';
import { ROOT } from '../helpers/run.js';

const REAL = path.join(ROOT, 'action.yml');

/** A copy of the repository's action.yml, edited, beside a dist/index.js, as the runner would see it. */
function variant(edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-action-yml-'));
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'index.js'), '');
  writeFileSync(path.join(dir, 'action.yml'), edit(readFileSync(REAL, 'utf8')));
  return path.join(dir, 'action.yml');
}

describe('action.yml as the runner loads it', () => {
  it('parses strictly and follows the metadata rules', () => {
    const meta = loadActionYml(REAL);
    expect(meta.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(meta.inputs).length).toBeGreaterThan(10);
  });

  it('a plain scalar containing ": " (the bug that broke every workflow) fails the load', () => {
    const broken = variant((t) => t.replace(/description: "Sign the statement[^\n]*/, 'description: Sign it (needs `id-token: write`).'));
    expect(() => loadActionYml(broken)).toThrow(/not valid YAML, so the runner cannot load the action/);
  });

  it.each([
    ['an input without a description', (t: string) => t.replace(/(  image:\n)    description: [^\n]*\n/, '$1')],
    ['runs.using other than node24', (t: string) => t.replace('using: node24', 'using: node20')],
    ['runs.main that does not exist', (t: string) => t.replace('main: dist/index.js', 'main: dist/nope.js')],
    ['an unknown branding colour', (t: string) => t.replace(/color: \w+/, 'color: teal')],
    ['a default that is not a string', (t: string) => t.replace(/(  slsa:\n(?:    .*\n)*?    default: )"false"/, '$1false')],
  ])('%s fails the load', (_, edit) => {
    expect(() => loadActionYml(variant(edit))).toThrow(/breaks the action metadata rules/);
  });

  it('steps get every declared input with its default; an undeclared input is refused', () => {
    const meta = loadActionYml(REAL);
    const env = stepInputs(meta, { 'subject-path': 'model/' }, { githubToken: 'ghs_x' });
    expect(env[inputVariable('subject-path')]).toBe('model/');
    expect(env.INPUT_SIGN).toBe('true');
    expect(env['INPUT_GITHUB-TOKEN']).toBe('ghs_x');
    expect(Object.keys(env)).toHaveLength(Object.keys(meta.inputs).length);
    expect(() => stepInputs(meta, { 'subject-paths': 'x' }, { githubToken: '' })).toThrow(/not declared in action\.yml/);
  });

  it('every input the action reads is declared in action.yml, and every declared input is read', () => {
    const read = new Set<string>();
    try {
      parseInputs((name) => {
        read.add(name);
        return name === 'subject-path' ? 'm' : '';
      });
    } catch {
      /* only the names matter */
    }
    const declared = new Set(Object.keys(loadActionYml(REAL).inputs));
    expect([...read].filter((n) => !declared.has(n))).toEqual([]);
    expect([...declared].filter((n) => !read.has(n))).toEqual([]);
  });
});
