// One run, two models: fit (raw → out/model.bin) → eval (model + testset) → quantize (model +
// calib → out/q.bin), both files subjects. `lineage --model out/model.bin` once listed calib
// and quantize (and `--dataset calib` answered "models: out/model.bin, out/q.bin"): every
// model got the whole run's training data. Each model now has its own ancestry through the
// recorded steps. Recorded as users do (real git, dist/cli.js), asked of the file and of the
// store on node:sqlite and a real PostgreSQL server: every answer is the same.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { leadsTo } from '../helpers/mermaid.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';

let dir: string;
let pg: PgServer;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: dir });
async function ok(r: ReturnType<typeof runCliAsync>): Promise<string> {
  const x = await r;
  expect(x.code, x.stderr).toBe(0);
  return x.stdout;
}

beforeAll(async () => {
  pg = await startPostgres();
  const r = pg.psql('CREATE DATABASE subject');
  if (r.code !== 0) throw new Error(r.stderr);
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-subject-'));
  await mkdir(path.join(dir, 'data'));
  await mkdir(path.join(dir, 'out'));
  for (const [f, text] of Object.entries({ 'data/raw.csv': '1\n2\n3\n', 'data/test.csv': '4\n', 'data/calib.csv': '5\n' })) await writeFile(path.join(dir, f), text);
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'subject');
  await ok(mlp('record', 'dataset', '--id', 'raw', '--path', 'data/raw.csv'));
  await ok(mlp('record', 'dataset', '--id', 'testset', '--path', 'data/test.csv'));
  await ok(mlp('record', 'dataset', '--id', 'calib', '--path', 'data/calib.csv'));
  await writeFile(path.join(dir, 'out/model.bin'), 'm1');
  await ok(mlp('record', 'step', '--name', 'fit', '--input', 'raw', '--output', 'model=out/model.bin', '--', 'python3', 'fit.py'));
  await ok(mlp('record', 'step', '--name', 'eval', '--input', 'model', '--input', 'testset', '--', 'python3', 'eval.py'));
  await ok(mlp('record', 'metric', '--name', 'acc', '--value', '0.9', '--split', 'test'));
  await writeFile(path.join(dir, 'out/q.bin'), 'q1');
  await ok(mlp('record', 'step', '--name', 'quantize', '--input', 'model', '--input', 'calib', '--output', 'qmodel=out/q.bin', '--', 'python3', 'q.py'));
  await ok(mlp('build', '--no-detect-image', '--subject', 'out/model.bin', '--subject', 'out/q.bin', '--out', 'prov.json'));
}, 180_000);
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const names = (xs: { id?: string; name?: string }[]) => xs.map((x) => x.id ?? x.name).sort();
const DATASETS = ['raw', 'testset', 'calib'];

/** Each model's datasets and steps, each dataset's models (by path), and the metric's datasets. */
async function fromFile(sha: Record<string, string>) {
  const out: Record<string, unknown> = {};
  for (const m of ['out/model.bin', 'out/q.bin']) {
    const a = JSON.parse(await ok(mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--model', m, '--format', 'json'))).answers;
    expect(a).toHaveLength(1);
    sha[m] = a[0].model.sha256;
    out[m] = { datasets: names([...a[0].lineage.datasets, ...a[0].lineage.derived]), steps: names(a[0].lineage.steps) };
  }
  for (const d of DATASETS) {
    const a = JSON.parse(await ok(mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--dataset', d, '--format', 'json'))).answers;
    expect(a).toHaveLength(1);
    out[d] = a[0].models.map((m: { paths: string[] }) => m.paths[0]).sort();
  }
  const metric = JSON.parse(await ok(mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--metric', 'acc', '--format', 'json'))).answers;
  out.acc = names(metric[0].lineage.datasets);
  return out;
}

async function fromStore(store: string, sha: Record<string, string>) {
  await ok(mlp('store', 'ingest', 'prov.json', '--no-verify', '--store', store));
  const out: Record<string, unknown> = {};
  for (const m of ['out/model.bin', 'out/q.bin']) {
    const a = JSON.parse(await ok(mlp('lineage', '--store', store, '--no-verify', '--model', `sha256:${sha[m]}`, '--format', 'json'))).answers;
    expect(a).toHaveLength(1);
    out[m] = { datasets: names(a[0].lineage[0].datasets), steps: names(a[0].lineage[0].steps) };
  }
  for (const d of DATASETS) {
    const a = JSON.parse(await ok(mlp('lineage', '--store', store, '--no-verify', '--dataset', d, '--format', 'json'))).answers;
    expect(a).toHaveLength(1);
    out[d] = a[0].models.map((m: { path: string }) => m.path).sort();
  }
  const metric = JSON.parse(await ok(mlp('lineage', '--store', store, '--no-verify', '--metric', 'acc', '--format', 'json'))).answers;
  out.acc = names(metric[0].datasets);
  return out;
}

const WANT = {
  'out/model.bin': { datasets: ['raw'], steps: ['fit'] },
  'out/q.bin': { datasets: ['calib', 'raw'], steps: ['fit', 'quantize'] },
  raw: ['out/model.bin', 'out/q.bin'],
  calib: ['out/q.bin'],
  // The test set evaluated out/model.bin: it is in the metric's answer, no model's training data.
  testset: [],
  acc: ['calib', 'raw', 'testset'],
};

describe('each model of a run has its own lineage through the recorded steps', () => {
  test('lineage over the file', async () => {
    expect(await fromFile({})).toEqual(WANT);
  });
  test.each(['sqlite', 'postgres'])('the store on %s answers as the file does', async (engine) => {
    const sha: Record<string, string> = {};
    await fromFile(sha);
    const store = engine === 'sqlite' ? path.join(dir, 'store.db') : pg.url('postgres', 'subject');
    expect(await fromStore(store, sha)).toEqual(WANT);
  });
});

describe('the diagram of a --model answer draws that model’s lineage', () => {
  test('out/model.bin: raw → fit → run → model, no calib or quantize; out/q.bin: calib and raw through quantize', async () => {
    const model = await ok(mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--model', 'out/model.bin', '--format', 'mermaid'));
    expect(leadsTo(model, /^raw</, /^out\/model\.bin</), model).toBe(true);
    expect(model).not.toMatch(/calib|quantize|out\/q\.bin/);
    const q = await ok(mlp('lineage', 'prov.json', '--no-verify', '--quiet', '--model', 'out/q.bin', '--format', 'mermaid'));
    expect(leadsTo(q, /^calib</, /^out\/q\.bin</), q).toBe(true);
    expect(leadsTo(q, /^raw</, /^out\/q\.bin</), q).toBe(true);
    expect(q).not.toMatch(/testset|out\/model\.bin/);
  });
});
