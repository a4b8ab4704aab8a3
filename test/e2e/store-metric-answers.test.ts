// `lineage --store S --metric M` (with and without --epoch, --split, --model), table and JSON,
// held to the answers the release before the paged metric question gave for the same fixture store
// (test/e2e/__golden__/store-metric/, written by that release's dist/cli.js; one file per engine,
// since the engines order runs without a finish time differently: SQLite first, PostgreSQL last).
// The fixture has what the answer's order and content depend on: series whose final row comes
// after another series' rows, equal epochs decided by step and then by record order, a metric
// without an epoch recorded twice, two runs finishing at the same time, a run with no time at
// all, one model file under two paths and in two runs, derived data two runs upstream, a cycle
// of derived data between two runs, and a step output with no digest.
// Counts are checked against the store with tools the project did not write: Python's sqlite3
// and psql.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';

type Metric = { name: string; value: number; epoch?: number; step?: number; split?: string };
const M1 = sha('model one');
const M2 = sha('model two');

function run(name: string, repo: string, finished: string | undefined, o: Parameters<typeof makeStatement>[0]) {
  const s = makeStatement({ run: name, steps: [], models: [{ name: `out/${name}.bin` }], ...o });
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/${repo}`, path: '.github/workflows/train.yml' };
  const md = s.predicate.runDetails.metadata;
  if (finished === undefined) {
    delete md.finishedOn;
    delete md.startedOn;
  } else md.finishedOn = finished;
  return { name, statement: s };
}

function statements() {
  const raw = dataset('raw', '1', 'raw bytes');
  const m = (name: string, value: number, epoch?: number, split?: string, step?: number): Metric => ({ name, value, ...(epoch !== undefined ? { epoch } : {}), ...(step !== undefined ? { step } : {}), ...(split ? { split } : {}) });
  return [
    run('prep', 'acme/pipeline', '2025-03-01T00:00:00Z', {
      datasets: [raw, dataset('features', 'v1', 'F1')],
      steps: [{ name: 'featurize', library: 'pandas', version: '2.2.0', inputs: ['raw'], outputs: ['features'] }],
      metrics: [m('rows', 1000)],
    }),
    run('refine', 'acme/pipeline', '2025-03-02T00:00:00Z', {
      datasets: [dataset('features-in', 'v1', 'F1'), dataset('refined', 'v2', 'F2')],
      steps: [
        { name: 'clean', library: 'polars', version: '1.0.0', inputs: ['features-in'], outputs: ['refined'] },
        { name: 'scratch', inputs: ['features-in'], outputs: ['tmp'] },
      ],
      metrics: [m('rows', 900)],
    }),
    run('trainA', 'acme/train', '2025-03-03T00:00:00Z', {
      datasets: [dataset('refined-in', 'v2', 'F2'), dataset('extra', '3', 'E')],
      models: [
        { name: 'out/a.bin', sha256: M1 },
        { name: 'out/a-copy.bin', sha256: M1 },
        { name: 'out/a2.bin', sha256: M2 },
      ],
      metrics: [
        m('accuracy', 0.5, 0, 'test'),
        m('loss', 0.9, 0, 'train'),
        m('loss', 0.8, 0, 'test'),
        m('accuracy', 0.6, 1, 'test'),
        m('loss', 0.7, 1, 'test'),
        m('loss', 0.6, 1, 'train'),
        m('accuracy', 0.1 + 0.2, 2, 'test'),
        m('accuracy', 0.55, 1),
      ],
    }),
    run('trainB', 'acme/train', '2025-03-04T00:00:00Z', {
      datasets: [raw],
      models: [{ name: 'out/b.bin', sha256: M1 }],
      metrics: [m('accuracy', 0.7, 1, 'test', 5), m('accuracy', 0.71, 1, 'test', 5), m('accuracy', 0.69, 1, 'test', 3), m('loss', 0.4, undefined, 'train'), m('loss', 0.35, undefined, 'train'), m('accuracy', 0.2, 0, 'val')],
    }),
    run('trainC', 'acme/train', '2025-03-04T00:00:00Z', {
      datasets: [raw, dataset('refined-in', 'v2', 'F2')],
      metrics: [m('accuracy', 0.6, 0, 'test'), m('accuracy', 0.65, 3, 'test'), m('loss', 0.5, 3, 'train')],
    }),
    run('cycleX', 'acme/loop', '2025-03-05T00:00:00Z', {
      datasets: [dataset('y-in', '1', 'Y'), dataset('x', '1', 'X')],
      steps: [{ name: 'x-from-y', inputs: ['y-in'], outputs: ['x'] }],
      metrics: [m('accuracy', 0.3, 0, 'test')],
    }),
    run('cycleY', 'acme/loop', '2025-03-06T00:00:00Z', {
      datasets: [dataset('x-in', '1', 'X'), dataset('y', '1', 'Y')],
      steps: [{ name: 'y-from-x', inputs: ['x-in'], outputs: ['y'] }],
      metrics: [m('accuracy', 0.4, 0, 'test'), m('accuracy', 0.45, 1, 'test')],
    }),
    run('undated', 'acme/train', undefined, { datasets: [raw], metrics: [m('accuracy', 0.25, 0, 'test')] }),
    run('secret', 'other/secret', '2025-03-07T00:00:00Z', { datasets: [dataset('private', '9')], metrics: [m('accuracy', 0.99, 5, 'test')] }),
  ];
}

/** The questions, by golden file name. */
const QUESTIONS: Record<string, string[]> = {
  accuracy: ['--metric', 'accuracy'],
  loss: ['--metric', 'loss'],
  'accuracy-test': ['--metric', 'accuracy', '--split', 'test'],
  'accuracy-epoch1': ['--metric', 'accuracy', '--epoch', '1'],
  'loss-epoch1-train': ['--metric', 'loss', '--epoch', '1', '--split', 'train'],
  rows: ['--metric', 'rows'],
  'accuracy-model1': ['--metric', 'accuracy', '--model', `sha256:${M1}`],
  'accuracy-model1-epoch1-test': ['--metric', 'accuracy', '--model', `sha256:${M1}`, '--epoch', '1', '--split', 'test'],
  'loss-model2': ['--metric', 'loss', '--model', `sha256:${M2}`],
  none: ['--metric', 'no-such-metric'],
};

let work: string;
let pg: PgServer;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
const store = (engine: string) => (engine === 'sqlite' ? path.join(work, 'store.db') : pg.url('postgres', 'store'));

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-metric-'));
  await mkdir(path.join(work, 'runs'));
  for (const r of statements()) await writeFile(path.join(work, 'runs', `${r.name}.intoto.json`), JSON.stringify(r.statement));
  pg = await startPostgres();
  const created = pg.psql('CREATE DATABASE store');
  if (created.code !== 0) throw new Error(created.stderr);
  for (const engine of ['sqlite', 'postgres']) {
    // A relative folder: each run's `source` (in every answer) is then the same on every machine.
    const ingest = await mlp('store', 'ingest', 'runs', '--no-verify', '--store', store(engine));
    if (ingest.code !== 0) throw new Error(`ingest into ${engine}: ${ingest.stderr}`);
  }
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

interface Answer {
  run: { runId: string };
  metric: { name: string; epoch?: number; split?: string };
}

/** Runs having metric `name` (and the split/epoch), and how many answers that is without an epoch (one per run and split), by plain SQL. */
function countsSql(name: string, split?: string, epoch?: number): string {
  const where = [`name = '${name}'`, ...(split ? [`split = '${split}'`] : []), ...(epoch !== undefined ? [`epoch = ${epoch}`] : [])].join(' AND ');
  const answers = epoch !== undefined ? `SELECT COUNT(*) FROM metrics WHERE ${where}` : `SELECT COUNT(*) FROM (SELECT DISTINCT run_no, COALESCE(split, '') FROM metrics WHERE ${where}) s`;
  return `SELECT (SELECT COUNT(DISTINCT run_no) FROM metrics WHERE ${where}), (${answers})`;
}

function outsideCounts(engine: string, sql: string): [number, number] {
  const r =
    engine === 'sqlite'
      ? spawnSync('python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True); print("|".join(map(str, c.execute(sys.argv[2]).fetchone())))', store('sqlite'), sql], { encoding: 'utf8' })
      : { status: 0, ...pg.psql(sql, { db: 'store' }) };
  if (r.status !== 0) throw new Error(String(r.stderr));
  const [runs, answers] = r.stdout.trim().split('|').map(Number);
  return [runs!, answers!];
}

test.each(['sqlite', 'postgres'])('%s: every metric question answers as before, table and JSON, counted against plain SQL', async (engine) => {
  for (const [name, args] of Object.entries(QUESTIONS)) {
    const json = await mlp('lineage', '--store', store(engine), '--format', 'json', ...args);
    const table = await mlp('lineage', '--store', store(engine), ...args);
    expect(json.code, `${name}: ${json.stderr}`).toBe(name === 'none' ? 1 : 0);
    expect(table.code, `${name}: ${table.stderr}`).toBe(name === 'none' ? 1 : 0);
    await expect(json.stdout).toMatchFileSnapshot(`__golden__/store-metric/${engine}/${name}.json`);
    await expect(table.stdout).toMatchFileSnapshot(`__golden__/store-metric/${engine}/${name}.txt`);
    if (args.includes('--model')) continue;
    const answers = (JSON.parse(json.stdout) as { answers: Answer[] }).answers;
    const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
    const epoch = at('--epoch');
    const [runs, count] = outsideCounts(engine, countsSql(args[1]!, at('--split'), epoch === undefined ? undefined : Number(epoch)));
    expect(new Set(answers.map((a) => a.run.runId)).size, name).toBe(runs);
    expect(answers.length, name).toBe(count);
  }
}, 120_000);
