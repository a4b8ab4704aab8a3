// `subject-path` and `config` as workflows write them. Users of actions/upload-artifact and
// @actions/glob write `!PATTERN` lines to exclude files ("Patterns that begin with ! are
// exclusions", @actions/glob's README); this action takes only what to include, so such a
// line must be refused as what it is, not reported as a missing file named `!…`.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runAction, train } from '../helpers/run.js';

let ws: string;
beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
});

describe('exclusion lines in path inputs', () => {
  it.each([
    ['subject-path', { 'subject-path': 'model/**\n!model/*.tmp', datasets: 'datasets.yaml' }],
    ['config', { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', config: 'config/*.yaml\n!config/secret.yaml' }],
  ] as const)('%s: exit 2, one annotation saying the line is an exclusion and what to write instead', (name, inputs) => {
    const r = runAction({ ...inputs, sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    const a = decodeURIComponent(r.annotations[0]!);
    expect(a).not.toMatch(/file=!/);
    expect(a).toMatch(new RegExp(`input ${name}: line "![^"]+" is an exclusion pattern.* — list only what to include`));
    expect(r.outputs['statement-path']).toBeUndefined();
  });
});

describe('the records log where the training step wrote it', () => {
  // A job-level `env: ML_PROVENANCE_DIR: build/records` reaches every step (the runner passes
  // the job's env to each): `ml-provenance record` and train.py write there, so the action must read there.
  const statement = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { predicate: { metrics: unknown[]; steps: unknown[] } };

  it('without a `records` input, the job\'s ML_PROVENANCE_DIR is read, as `record` and `build` read it', () => {
    const dir = copyExample({ git: true });
    mkdirSync(path.join(dir, 'build'));
    train(dir);
    cpSync(path.join(dir, '.ml-provenance'), path.join(dir, 'build', 'records'), { recursive: true });
    const fresh = copyExample({ git: true });
    cpSync(path.join(dir, 'model'), path.join(fresh, 'model'), { recursive: true });
    cpSync(path.join(dir, 'build'), path.join(fresh, 'build'), { recursive: true });
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: fresh, env: { ML_PROVENANCE_DIR: 'build/records' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const st = statement(r.outputs['statement-path']!);
    expect(st.predicate.steps.length).toBeGreaterThan(0);
    expect(st.predicate.metrics.length).toBeGreaterThan(0);
  });

  it('a `records` input wins over ML_PROVENANCE_DIR', () => {
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', records: '.ml-provenance', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws, env: { ML_PROVENANCE_DIR: 'nowhere' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(statement(r.outputs['statement-path']!).predicate.metrics.length).toBeGreaterThan(0);
  });
});

describe('a metrics file in the documented `{metrics: [...]}` form with a bad value', () => {
  // The file may be a name→number object, a list, or {metrics: [list]} (schemas/metrics.schema.json):
  // the error must name the entry that is wrong, not say the whole `metrics` key should be a number.
  it('names metrics[0].value', () => {
    writeFileSync(path.join(ws, 'bad-metrics.json'), JSON.stringify({ metrics: [{ name: 'accuracy', value: 'high' }] }));
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', metrics: 'bad-metrics.json', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    const a = decodeURIComponent(r.annotations[0]!);
    expect(a).toMatch(/file=bad-metrics\.json::bad-metrics\.json: invalid metrics file: metrics\[0\]\.value: .*expected number, received string/);
  });
});

describe('python-env errors speak the action\'s language too', () => {
  it('an interpreter that is not there: the fix names the `python-env` input', () => {
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', 'python-env': 'pip:/nonexistent/python3', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(/python interpreter "\/nonexistent\/python3" was not found — .*`python-env: pip:\/path\/to\/python`/);
  });
});
