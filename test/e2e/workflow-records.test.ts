// Workflows as ML engineers write them (test/fixtures/workflows/, checked by actionlint), run step
// by step the way the runner runs them: training code in a sub-folder calling `ml-provenance record`
// through subprocess and writing lines of its own, then the action reading the log. A job whose
// lines end up in two folders must not lose half of them without a word, and a re-run on a
// self-hosted runner must not sign the earlier attempt's metrics as its own.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copyExample, runAction, runCli } from '../helpers/run.js';
import { lintWorkflow, runJob, type StepResult } from '../helpers/workflow.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'workflows');
const SUBFOLDER = path.join(FIXTURES, 'train-subfolder.yml');
const SELF_HOSTED = path.join(FIXTURES, 'train-self-hosted.yml');

type St = { predicate: { metrics: Array<{ name: string }>; datasets: Array<{ id: string; digest?: unknown }>; buildDefinition: { externalParameters: { hyperparameters: Record<string, unknown> } } } };

/** A checkout of the example with the training code in train/. */
function checkout(): string {
  const ws = copyExample({ git: true });
  mkdirSync(path.join(ws, 'train', 'data'), { recursive: true });
  cpSync(path.join(FIXTURES, 'train', 'trainer.py'), path.join(ws, 'train', 'trainer.py'));
  writeFileSync(path.join(ws, 'train', 'data', 'extra.csv'), 'x,y\n1,2\n3,4\n');
  return ws;
}

function actionStep(steps: StepResult[]) {
  const failed = steps.find((s) => s.code !== 0);
  expect(failed, failed && `${failed.step}: ${failed.stdout}${failed.stderr}`).toBeUndefined();
  const a = steps.at(-1)!.action!;
  expect(a).toBeDefined();
  return { ...a, st: JSON.parse(readFileSync(a.outputs['statement-path']!, 'utf8')) as St, warnings: a.annotations.filter((l) => l.startsWith('::warning')).map(decodeURIComponent) };
}

const count = (st: St, name: string) => st.predicate.metrics.filter((m) => m.name === name).length;

/** Every line of a log, checked with Python's jsonschema against the published schema. */
function schemaCheck(log: string): string {
  const py = spawnSync('python3', ['-c', 'import json, sys, jsonschema\ns = json.load(open(sys.argv[1]))\nn = 0\nfor line in open(sys.argv[2]):\n    jsonschema.validate(json.loads(line), s); n += 1\nprint(n)\n', path.join(ROOT, 'schemas', 'record-event.schema.json'), log], { encoding: 'utf8' });
  expect(py.status, py.stderr).toBe(0);
  return py.stdout.trim();
}

describe('the workflow files', () => {
  it.each([SUBFOLDER, SELF_HOSTED])('%s passes actionlint', async (file) => {
    expect(await lintWorkflow(file)).toEqual([]);
  });
});

describe('training in a sub-folder (`working-directory: train`)', () => {
  it('lines Python writes relative to train/ are named in one warning, and everything `record` wrote is in the record', () => {
    const ws = checkout();
    const { st, warnings } = actionStep(runJob(SUBFOLDER, 'train', { workspace: ws, matrix: { 'own-lines': 'naive' } }));
    expect(count(st, 'worker_loss')).toBe(6);
    expect(count(st, 'from_data_dir')).toBe(1);
    expect(st.predicate.datasets.find((d) => d.id === 'extra')?.digest).toBeDefined();
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters).not.toHaveProperty('written_by_python');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning::train\/\.ml-provenance also holds a records log besides \.ml-provenance, the one read: nothing from it is in this record — .*a step with `working-directory: train`.*: have both write \.ml-provenance \(Python: os\.path\.join\(os\.environ\.get\("GITHUB_WORKSPACE", "\."\), "\.ml-provenance"\)\), or delete the stray log$/);
    // Concurrent workers left whole lines, each valid by the published schema.
    expect(Number(schemaCheck(path.join(ws, '.ml-provenance', 'records.jsonl')))).toBeGreaterThanOrEqual(9);
  });

  it('Python joining GITHUB_WORKSPACE (as README says) writes the one log: its lines are in the record, no warning', () => {
    const ws = checkout();
    const { st, warnings } = actionStep(runJob(SUBFOLDER, 'train', { workspace: ws, matrix: { 'own-lines': 'workspace' } }));
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters.written_by_python).toBe(true);
    expect(count(st, 'worker_loss')).toBe(6);
    expect(warnings).toEqual([]);
    expect(existsSync(path.join(ws, 'train', '.ml-provenance'))).toBe(false);
    schemaCheck(path.join(ws, '.ml-provenance', 'records.jsonl'));
  });

  it('a workflow that names the sub-folder\'s log (`records: train/.ml-provenance`) is told that `record` wrote the checkout\'s', () => {
    const ws = checkout();
    const { st, warnings } = actionStep(runJob(SUBFOLDER, 'records-input', { workspace: ws }));
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters.written_by_python).toBe(true);
    expect(count(st, 'worker_loss')).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning::\.ml-provenance also holds a records log besides train\/\.ml-provenance, the one read: nothing from it is in this record — /);
  });

  it('a job-level relative ML_PROVENANCE_DIR (a matrix leg\'s folder): Python\'s copy under train/ is named', () => {
    const ws = checkout();
    const { st, warnings } = actionStep(runJob(SUBFOLDER, 'matrix-dir', { workspace: ws, matrix: { model: 'small' } }));
    expect(count(st, 'worker_loss')).toBe(6);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning::train\/build\/records-small also holds a records log besides build\/records-small, the one read/);
  });

  it('the log read through a symlinked folder is not a second log', () => {
    const ws = checkout();
    const steps = runJob(SUBFOLDER, 'train', { workspace: ws, matrix: { 'own-lines': 'workspace' } });
    expect(steps.every((s) => s.code === 0)).toBe(true);
    // .ml-provenance -> build/records (a cache folder the runner keeps), and the workflow names either.
    mkdirSync(path.join(ws, 'build'));
    cpSync(path.join(ws, '.ml-provenance'), path.join(ws, 'build', 'records'), { recursive: true });
    spawnSync('rm', ['-rf', path.join(ws, '.ml-provenance')]);
    spawnSync('ln', ['-s', 'build/records', path.join(ws, '.ml-provenance')]);
    const b = runCli(['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--records', 'build/records', '--out', 'out/p.json', '--no-detect-image', '--policy', 'none'], { cwd: ws });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).not.toMatch(/warning/);
  });

  it('`--records ../.ml-provenance` typed in train/ (meaning the checkout\'s): exit 2 with the value to write, nothing written outside', () => {
    // The checkout in a folder of its own, as the runner's _work/REPO/REPO, to see nothing lands beside it.
    const ws = path.join(mkdtempSync(path.join(tmpdir(), 'mlp-work-')), 'repo');
    cpSync(checkout(), ws, { recursive: true });
    const env = { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42', GITHUB_WORKSPACE: ws };
    const r = runCli(['record', 'metric', '--name', 'm', '--value', '1', '--records', '../.ml-provenance'], { cwd: path.join(ws, 'train'), env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --records \.\.\/\.ml-provenance: the records folder is relative to the workspace .*, and this one leads out of it .* — write --records \.ml-provenance\n$/);
    expect(existsSync(path.join(path.dirname(ws), '.ml-provenance'))).toBe(false);
    const e = runCli(['record', 'metric', '--name', 'm', '--value', '1'], { cwd: path.join(ws, 'train'), env: { ...env, ML_PROVENANCE_DIR: '../build/records' } });
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/— write ML_PROVENANCE_DIR=build\/records\n$/);
  });
});

describe('a self-hosted runner with `clean: false`: the workspace outlives the job', () => {
  it('a re-run (same GITHUB_RUN_ID, attempt 2) leaves the first attempt\'s lines out, with one warning', () => {
    const ws = checkout();
    actionStep(runJob(SELF_HOSTED, 'train', { workspace: ws, runId: '7001', attempt: '1' }));
    const { st, warnings } = actionStep(runJob(SELF_HOSTED, 'train', { workspace: ws, runId: '7001', attempt: '2' }));
    // The log holds both attempts; the record only the second's.
    expect(readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8').match(/"worker_loss"/g)).toHaveLength(12);
    expect(count(st, 'worker_loss')).toBe(6);
    expect(warnings, JSON.stringify(warnings)).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning::9 event\(s\) in the records log were recorded by an earlier attempt of this job, a re-run \(attempt 1 of this job: 9\) and are left out of this record — /);
    // train.py's own lines carry no tag: both attempts' are kept, and the one warning says so
    // (its cause and fix are the reused workspace's) instead of a second "more than one run".
    expect(warnings[0]).toMatch(/; the lines without a run tag \(written by the training code itself\) are all kept, and \.ml-provenance\/records\.jsonl seems to hold more than one run \(metric mse \(split train, epoch 10\) recorded again \(lines \d+ and \d+\);.*\): the earlier run's among them are in this record$/);
    schemaCheck(path.join(ws, '.ml-provenance', 'records.jsonl'));
  });

  it('the signing job re-run alone ("Re-run failed jobs") keeps the training job\'s lines of the earlier attempt', () => {
    const ws = checkout();
    actionStep(runJob(SELF_HOSTED, 'train', { workspace: ws, runId: '7002', attempt: '1' }));
    const { st, warnings } = actionStep(runJob(SELF_HOSTED, 'sign', { workspace: ws, runId: '7002', attempt: '2' }));
    expect(count(st, 'worker_loss')).toBe(6);
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters.written_by_python).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe('a line the training code wrote that breaks the schema', () => {
  it('the annotation is on that line of the log, relative to the checkout, as for a line that is not JSON', () => {
    const ws = checkout();
    const log = path.join(ws, '.ml-provenance', 'records.jsonl');
    mkdirSync(path.dirname(log));
    writeFileSync(log, '{"v": 1, "kind": "param", "params": {"lr": 0.1}}\n{"v": 1, "kind": "metric", "name": "acc", "value": "high"}\n');
    const r = runAction({ 'subject-path': 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(/^::error title=ml-provenance,file=\.ml-provenance\/records\.jsonl,line=2::\S+\/\.ml-provenance\/records\.jsonl:2: invalid record event: value: /);
  });
});

describe('a matrix whose legs hand their logs to one signing job', () => {
  // actions/download-artifact without `merge-multiple` puts each artifact in a folder of its name;
  // with it, every leg's records.jsonl would land on one name and all but one be lost.
  it('the logs as download-artifact lays them out (.ml-provenance/records-LEG/records.jsonl) are all read', () => {
    const ws = checkout();
    const legs = ['small', 'large'];
    for (const leg of legs) {
      const dir = checkout();
      const env = { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'train', GITHUB_WORKSPACE: dir };
      expect(runCli(['record', 'metric', '--name', `loss_${leg}`, '--value', '0.5'], { cwd: path.join(dir, 'train'), env }).code).toBe(0);
      expect(runCli(['record', 'param', `model=${leg}`], { cwd: path.join(dir, 'train'), env }).code).toBe(0);
      cpSync(path.join(dir, '.ml-provenance'), path.join(ws, '.ml-provenance', `records-${leg}`), { recursive: true });
    }
    const r = runAction({ 'subject-path': 'datasets.yaml', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' }, { workspace: ws, env: { GITHUB_JOB: 'sign' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const st = JSON.parse(readFileSync(r.outputs['statement-path']!, 'utf8')) as St;
    expect(st.predicate.metrics.map((m) => m.name).sort()).toEqual(['loss_large', 'loss_small']);
    expect(r.annotations).toEqual([]);
  });
});

describe('GITHUB_WORKSPACE as runners spell it', () => {
  // macOS runners' temp paths go through a symlink (/var -> /private/var), so the working directory
  // the shell reports (physical) differs from GITHUB_WORKSPACE's text; a trailing slash is a slip.
  it.each([['through a symlink', true, ''], ['with a trailing slash', false, '/']])('%s: record in train/ writes the checkout\'s log with paths relative to it', (_, viaLink, slash) => {
    const real = checkout();
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'mlp-var-')), 'ws');
    spawnSync('ln', ['-s', real, link]);
    const env = { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42', GITHUB_WORKSPACE: (viaLink ? link : real) + slash };
    const cwd = path.join(viaLink ? link : real, 'train');
    expect(runCli(['record', 'dataset', '--id', 'extra', '--path', 'train/data/extra.csv'], { cwd, env }).code).toBe(0);
    const slip = runCli(['record', 'dataset', '--id', 'extra', '--path', 'data/extra.csv'], { cwd, env });
    expect(slip.code).toBe(2);
    expect(slip.stderr).toMatch(/— write --path train\/data\/extra\.csv\n$/);
    expect(existsSync(path.join(real, 'train', '.ml-provenance'))).toBe(false);
    expect(readFileSync(path.join(real, '.ml-provenance', 'records.jsonl'), 'utf8')).toMatch(/"path":"train\/data\/extra\.csv"/);
  });
});
