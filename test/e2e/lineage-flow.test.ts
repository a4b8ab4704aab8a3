// A training step recorded with no --output (`record step --name fit --input pts -- python3
// train.py`) once hid what it read: `lineage --metric` and `--model` answered "datasets -",
// the diagrams drew no edge from the data to the run, while `--dataset pts` and the store
// answered pts. Recorded as users do (real git, python3, dist/cli.js), then asked of the file
// and of the store on node:sqlite and a real PostgreSQL server: every answer is the same.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { leadsTo } from '../helpers/mermaid.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';

const TRAIN = `import json, os
os.makedirs('model', exist_ok=True)
rows = [int(l) for l in open(os.environ.get('TRAIN_DATA', 'data/train.csv'))]
json.dump({'w': sum(rows) / len(rows)}, open('model/model.json', 'w'))
`;
const SPLIT = `rows = open('data/raw.csv').read().splitlines()
open('data/train.csv', 'w').write('\\n'.join(rows[:80]) + '\\n')
open('data/test.csv', 'w').write('\\n'.join(rows[80:]) + '\\n')
`;

interface Workspace {
  dir: string;
  mlp(...args: string[]): ReturnType<typeof runCliAsync>;
}

async function workspace(name: string, files: Record<string, string>): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), `mlp-flow-${name}-`));
  await mkdir(path.join(dir, 'data'));
  for (const [f, text] of Object.entries(files)) await writeFile(path.join(dir, f), text);
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', name);
  return { dir, mlp: (...args) => runCliAsync(args, { cwd: dir }) };
}

/** `record step … -- CMD` records the command; the pipeline runs it (as `replay --run` would). */
function python(w: Workspace, script: string): void {
  const r = spawnSync('python3', [script], { cwd: w.dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

async function ok(r: ReturnType<typeof runCliAsync>): Promise<string> {
  const x = await r;
  expect(x.code, x.stderr).toBe(0);
  return x.stdout;
}

const rows = Array.from({ length: 100 }, (_, i) => String(i + 1)).join('\n') + '\n';
let pg: PgServer;
let sink: Workspace;
let split: Workspace;
let evaluated: Workspace;

beforeAll(async () => {
  pg = await startPostgres();
  for (const db of ['sink', 'split', 'evaluated']) {
    const r = pg.psql(`CREATE DATABASE ${db}`);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  // The defect as reported: one dataset, one step reading it with no output, a metric.
  sink = await workspace('sink', { 'data/train.csv': rows, 'train.py': TRAIN });
  await ok(sink.mlp('record', 'dataset', '--id', 'pts', '--path', 'data/train.csv', '--version', 'v2', '--license', 'CC-BY-4.0'));
  await ok(sink.mlp('record', 'step', '--name', 'fit', '--input', 'pts', '--', 'python3', 'train.py'));
  python(sink, 'train.py');
  await ok(sink.mlp('record', 'metric', '--name', 'mse', '--value', '0.01', '--split', 'test', '--epoch', '5'));
  await ok(sink.mlp('build', '--no-detect-image', '--subject', 'model/model.json', '--out', 'prov.json'));
  // Split then train: split reads raw and writes train and test; fit reads train, writes nothing recorded.
  split = await workspace('split', { 'data/raw.csv': rows, 'split.py': SPLIT, 'train.py': TRAIN });
  await ok(split.mlp('record', 'dataset', '--id', 'raw', '--path', 'data/raw.csv', '--version', '1'));
  await ok(split.mlp('record', 'step', '--name', 'split', '--input', 'raw', '--output', 'train=data/train.csv', '--output', 'test=data/test.csv', '--', 'python3', 'split.py'));
  python(split, 'split.py');
  await ok(split.mlp('record', 'step', '--name', 'fit', '--input', 'train', '--', 'python3', 'train.py'));
  python(split, 'train.py');
  await ok(split.mlp('record', 'metric', '--name', 'mse', '--value', '0.02', '--split', 'test'));
  await ok(split.mlp('build', '--no-detect-image', '--subject', 'model/model.json', '--out', 'prov.json'));
  // Evaluate the run's own model: prep raw → clean, fit clean → model (the subject's file),
  // eval reads model and testset and writes nothing recorded. Once the model was listed as its
  // own training data and the diagram ran model → eval → run → model file.
  evaluated = await workspace('evaluated', { 'data/raw.csv': rows, 'data/test.csv': '1\n2\n', 'train.py': TRAIN });
  await ok(evaluated.mlp('record', 'dataset', '--id', 'raw', '--path', 'data/raw.csv'));
  await ok(evaluated.mlp('record', 'dataset', '--id', 'testset', '--path', 'data/test.csv'));
  await writeFile(path.join(evaluated.dir, 'data/clean.csv'), rows.split('\n').slice(0, 90).join('\n') + '\n');
  await ok(evaluated.mlp('record', 'step', '--name', 'prep', '--input', 'raw', '--output', 'clean=data/clean.csv', '--', 'python3', 'prep.py'));
  const trainClean = spawnSync('python3', ['train.py'], { cwd: evaluated.dir, encoding: 'utf8', env: { ...process.env, TRAIN_DATA: 'data/clean.csv' } });
  expect(trainClean.status, trainClean.stderr).toBe(0);
  await ok(evaluated.mlp('record', 'step', '--name', 'fit', '--input', 'clean', '--output', 'model=model/model.json', '--', 'python3', 'train.py'));
  await ok(evaluated.mlp('record', 'step', '--name', 'eval', '--input', 'model', '--input', 'testset', '--', 'python3', 'eval.py'));
  await ok(evaluated.mlp('record', 'metric', '--name', 'mse', '--value', '0.02', '--split', 'test'));
  await ok(evaluated.mlp('build', '--no-detect-image', '--subject', 'model/model.json', '--out', 'prov.json'));
}, 180_000);
afterAll(async () => {
  await pg?.stop();
  for (const w of [sink, split, evaluated]) if (w) await rm(w.dir, { recursive: true, force: true });
});

type Ds = { id: string; version?: string; derived?: boolean };
const names = (ds: Ds[]) => ds.map((d) => (d.version ? `${d.id}@${d.version}` : d.id)).sort();

/** The answers over the file: the metric's datasets, the model's datasets (recorded and derived) and steps, the runs that used each dataset. */
async function fromFile(w: Workspace, datasetIds: string[]) {
  const metric = JSON.parse(await ok(w.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--metric', 'mse', '--format', 'json'))).answers;
  const model = JSON.parse(await ok(w.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--model', 'model/model.json', '--format', 'json'))).answers;
  expect(metric).toHaveLength(1);
  expect(model).toHaveLength(1);
  const used: Record<string, number> = {};
  for (const id of datasetIds) used[id] = JSON.parse(await ok(w.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--dataset', id, '--format', 'json'))).answers.length;
  return {
    metric: names(metric[0].lineage.datasets),
    model: names([...model[0].lineage.datasets, ...model[0].lineage.derived]),
    steps: model[0].lineage.steps.map((s: { name: string }) => s.name),
    sha256: model[0].model.sha256 as string,
    used,
  };
}

async function fromStore(w: Workspace, store: string, sha256: string, datasetIds: string[]) {
  await ok(w.mlp('store', 'ingest', 'prov.json', '--no-verify', '--store', store));
  const metric = JSON.parse(await ok(w.mlp('lineage', '--store', store, '--no-verify', '--metric', 'mse', '--format', 'json'))).answers;
  const model = JSON.parse(await ok(w.mlp('lineage', '--store', store, '--no-verify', '--model', `sha256:${sha256}`, '--format', 'json'))).answers;
  expect(metric).toHaveLength(1);
  expect(model).toHaveLength(1);
  expect(metric[0].upstream).toEqual([]);
  expect(model[0].lineage).toHaveLength(1);
  const used: Record<string, number> = {};
  for (const id of datasetIds) used[id] = JSON.parse(await ok(w.mlp('lineage', '--store', store, '--no-verify', '--dataset', id, '--format', 'json'))).answers.length;
  return {
    metric: names(metric[0].datasets),
    model: names(model[0].lineage[0].datasets),
    steps: model[0].lineage[0].steps.map((s: { name: string }) => s.name),
    sha256,
    used,
  };
}

const cases = () => [
  { name: 'sink', w: sink, ids: ['pts'], want: { metric: ['pts@v2'], model: ['pts@v2'], steps: ['fit'], used: { pts: 1 } } },
  { name: 'split', w: split, ids: ['raw', 'train', 'test'], want: { metric: ['raw@1', 'test', 'train'], model: ['raw@1', 'test', 'train'], steps: ['split', 'fit'], used: { raw: 1, train: 1, test: 1 } } },
  // The model was trained from raw and clean; the metric came from those and testset (through eval); the model is in neither.
  { name: 'evaluated', w: evaluated, ids: ['raw', 'testset'], want: { metric: ['clean', 'raw', 'testset'], model: ['clean', 'raw'], steps: ['prep', 'fit'], used: { raw: 1, testset: 1 } } },
];

describe('a step with no recorded output: file and store give one answer', () => {
  test.each(['sink', 'split', 'evaluated'])('%s: lineage over the file', async (name) => {
    const c = cases().find((x) => x.name === name)!;
    expect(await fromFile(c.w, c.ids)).toMatchObject(c.want);
  });

  test.each([
    ['sink', 'sqlite'],
    ['sink', 'postgres'],
    ['split', 'sqlite'],
    ['split', 'postgres'],
    ['evaluated', 'sqlite'],
    ['evaluated', 'postgres'],
  ])('%s on %s: the store answers as the file does', async (name, engine) => {
    const c = cases().find((x) => x.name === name)!;
    const file = await fromFile(c.w, c.ids);
    const store = engine === 'sqlite' ? path.join(c.w.dir, 'store.db') : pg.url('postgres', name);
    const got = await fromStore(c.w, store, file.sha256, c.ids);
    expect(got).toEqual(file);
    expect(got).toMatchObject(c.want);
  });
});

describe('the diagrams join the data to the run through the step', () => {
  test.each(['sink', 'split'])('%s: lineage --format mermaid (all, and a query’s answer) and the summary’s Mermaid block', async (name) => {
    const c = cases().find((x) => x.name === name)!;
    const from = name === 'sink' ? /^pts@v2/ : /^train</;
    const run = /^prov\.json$/;
    const all = await ok(c.w.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--format', 'mermaid'));
    expect(leadsTo(all, from, run)).toBe(true);
    expect(leadsTo(all, /^fit$/, run)).toBe(true);
    const answer = await ok(c.w.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--metric', 'mse', '--format', 'mermaid'));
    expect(leadsTo(answer, from, run)).toBe(true);
    const md = await ok(c.w.mlp('summary', 'prov.json', '--format', 'markdown'));
    const block = /```mermaid\n([\s\S]*?)```/.exec(md);
    expect(block, md).toBeTruthy();
    expect(leadsTo(block![1]!, name === 'sink' ? /^pts<br\/>@v2/ : /^train</, /^run 1$/)).toBe(true);
  });
});

describe('a step that evaluates the run’s own model', () => {
  test('the diagrams have no loop: the model file’s bytes never lead to the run that made them; eval and testset lead to the metric', async () => {
    const run = /^prov\.json$/;
    const metric = /^mse \(test\) = 0\.02$/;
    const all = await ok(evaluated.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--format', 'mermaid'));
    const answer = await ok(evaluated.mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--metric', 'mse', '--format', 'mermaid'));
    for (const text of [all, answer]) {
      expect(leadsTo(text, /^model</, run), text).toBe(false);
      expect(leadsTo(text, /^eval$/, run), text).toBe(false);
      expect(leadsTo(text, /^testset</, run), text).toBe(false);
      expect(leadsTo(text, /^raw</, run), text).toBe(true);
      expect(leadsTo(text, /^fit$/, /^model</), text).toBe(true);
      expect(leadsTo(text, /^eval$/, metric), text).toBe(true);
      expect(leadsTo(text, /^testset</, metric), text).toBe(true);
    }
    const md = await ok(evaluated.mlp('summary', 'prov.json', '--format', 'markdown'));
    const block = /```mermaid\n([\s\S]*?)```/.exec(md)![1]!;
    expect(leadsTo(block, /^model</, /^run 1$/), block).toBe(false);
    expect(leadsTo(block, /^raw</, /^run 1$/), block).toBe(true);
  });
});
