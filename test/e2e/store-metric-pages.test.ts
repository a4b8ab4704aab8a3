// `lineage --store S --metric M` over more runs than one page of the answer (500 runs): the
// answer is read and written a page at a time, and must be byte for byte what the release before
// paging printed for the same store. Those outputs are held as sha256 digests (they are megabytes),
// taken from that release's dist/cli.js on a store filled exactly as below. Runs finishing at the
// same time (ordered by id) and derived data read from the run before (upstream across a page's
// edge) are in it. On node:sqlite and a real PostgreSQL server; counts checked with Python's
// sqlite3 and psql.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore, storeDocument, writeDocuments } from '../../src/store/index.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { CLI, cleanEnv } from '../helpers/run.js';
import { runCliAsync } from './sign-verify-helpers.js';

const RUNS = 1_234;
const modelSha = (i: number) => sha(`model-${i}`);

function statementFor(i: number) {
  const ds = [0, 1].map((k) => dataset(`ds-${(i * 2 + k) % 37}`, `v${(i + k) % 5}`));
  const datasets = [...ds, { ...dataset(`feat-${i}`, 'v1'), digest: { sha256: sha(`derived-${i}`) } }];
  if (i % 3 === 0 && i > 0) datasets.push({ ...dataset('upstream-feat', 'v1'), digest: { sha256: sha(`derived-${i - 1}`) } });
  const metrics = [];
  for (let e = 0; e < 4; e++) for (const [name, split] of [['loss', 'train'], ['accuracy', 'test'], ['loss', 'test']] as const) metrics.push({ name, split, epoch: e, value: Number((1 / (2 + e + (i % 89))).toFixed(6)) });
  // Every 11th run has no accuracy; every 13th an accuracy without a split.
  const kept = metrics.filter((m) => !(i % 11 === 0 && m.name === 'accuracy'));
  if (i % 13 === 0) kept.push({ name: 'accuracy', split: undefined as unknown as 'test', epoch: 1, value: 0.5 });
  const s = makeStatement({
    run: String(i),
    datasets,
    steps: [{ name: 'featurize', library: 'pandas', version: '2.2.0', inputs: [ds[0]!.id], outputs: [`feat-${i}`] }],
    metrics: kept.map((m) => (m.split === undefined ? { name: m.name, epoch: m.epoch, value: m.value } : m)),
    models: [{ name: 'model.bin', sha256: modelSha(i % 600) }],
  });
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/org${i % 7}/repo${i % 19}`, path: '.github/workflows/train.yml' };
  // Every 7th run finishes at the same time as the one before it.
  const minute = i - (i % 7 === 0 && i > 0 ? 1 : 0);
  s.predicate.runDetails.metadata.finishedOn = new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString();
  return s;
}

/** Question → sha256 of the previous release's stdout (the same on both engines). */
const BEFORE: [string[], string][] = [
  [['--metric', 'accuracy', '--format', 'json'], 'fb5d5fac1ce202674c3c803757b2496181279369a99b5598e5d7beb70eced67c'],
  [['--metric', 'loss'], '665f9e80e92b1f8dd55b923cd43b25a1541301f77cf10ca89a1212a43c903c0a'],
  [['--metric', 'loss', '--format', 'json'], 'a5532c63e0c74de5a54f2bfd8c2d4aa39a49f9d2945917e435a6b2f20ebbbaa4'],
  [['--metric', 'accuracy', '--epoch', '2', '--split', 'test', '--format', 'json'], '4614d9a210cc0bb5e14182db1b943f803168ec604c55eedc7dde61855663e5ed'],
  [['--metric', 'loss', '--model', `sha256:${modelSha(10)}`, '--format', 'json'], '9f9a899318bcd296e991db522e9151dc1d4a4879bebba5ca92a60cbdeeff6bf4'],
];

let work: string;
let pg: PgServer;
const store = (engine: string) => (engine === 'sqlite' ? path.join(work, 'store.db') : pg.url('postgres', 'store'));

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-pages-'));
  pg = await startPostgres();
  const created = pg.psql('CREATE DATABASE store');
  if (created.code !== 0) throw new Error(created.stderr);
  for (const engine of ['sqlite', 'postgres']) {
    const db = await openStore(store(engine));
    const docs = Array.from({ length: RUNS }, (_, i) => storeDocument(Buffer.from(JSON.stringify(statementFor(i))), `run-${i}.intoto.json`));
    await writeDocuments(db, docs, { verified: false });
    await db.close();
  }
}, 300_000);
afterAll(async () => {
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

function outside(engine: string, sql: string): string {
  if (engine === 'postgres') return pg.psql(sql, { db: 'store' }).stdout.trim();
  const r = spawnSync('python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True); print(c.execute(sys.argv[2]).fetchone()[0])', store('sqlite'), sql], { encoding: 'utf8' });
  return r.stdout.trim();
}

test.each(['sqlite', 'postgres'])('%s: answers over several pages are what the release before paging printed', async (engine) => {
  for (const [args, digest] of BEFORE) {
    const r = await runCliAsync(['lineage', '--store', store(engine), ...args], { cwd: work });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    expect(createHash('sha256').update(r.stdout).digest('hex'), args.join(' ')).toBe(digest);
  }
  // Every run with a final accuracy value answers once per split (plain SQL over the tables).
  const json = await runCliAsync(['lineage', '--store', store(engine), '--metric', 'accuracy', '--format', 'json'], { cwd: work });
  const answers = (JSON.parse(json.stdout) as { answers: { run: { runId: string } }[] }).answers;
  expect(String(answers.length)).toBe(outside(engine, "SELECT COUNT(*) FROM (SELECT DISTINCT run_no, COALESCE(split, '') FROM metrics WHERE name = 'accuracy') s"));
  expect(String(new Set(answers.map((a) => a.run.runId)).size)).toBe(outside(engine, "SELECT COUNT(DISTINCT run_no) FROM metrics WHERE name = 'accuracy'"));
}, 300_000);

test('a reader that stops reading (`| head -c`) ends the command quietly: exit 0, no error, no stack trace', async () => {
  const child = spawn(process.execPath, [CLI, 'lineage', '--store', store('sqlite'), '--metric', 'loss', '--format', 'json'], { cwd: work, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Read the first chunk (megabytes follow), then close the pipe as `head` does.
  const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(first.startsWith('{\n  "answers": [\n')).toBe(true);
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 120_000);

test.each(['sqlite', 'postgres'])('%s: Ctrl-C while the answer is read removes its temporary folder and ends by SIGINT', async (engine) => {
  const tmp = await mkdtemp(path.join(work, 'tmpdir-'));
  const child = spawn(process.execPath, [CLI, 'lineage', '--store', store(engine), '--metric', 'loss', '--format', 'json'], { cwd: work, env: { ...cleanEnv(), TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = 0;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.length));
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
  // The spool's folder exists from before the first page is read until the answer is printed.
  while ((await readdir(tmp)).length === 0) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGINT');
  const [code, signal] = await closed;
  expect(stderr).toBe('');
  expect({ code, signal, stdout }).toEqual({ code: null, signal: 'SIGINT', stdout: 0 });
  expect(await readdir(tmp)).toEqual([]);
}, 120_000);

test('Ctrl-C while a pager has stopped reading (`| less` on its first page) still ends the command and removes its temporary folder', async () => {
  const tmp = await mkdtemp(path.join(work, 'tmpdir-'));
  const child = spawn(process.execPath, [CLI, 'lineage', '--store', store('sqlite'), '--metric', 'loss', '--format', 'json'], { cwd: work, env: { ...cleanEnv(), TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
  // The answer (megabytes) has started to come, and nobody reads it: the pipe fills and the command waits on it.
  await new Promise((resolve) => child.stdout.once('readable', resolve));
  await new Promise((r) => setTimeout(r, 1000));
  child.kill('SIGINT');
  const stuck = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code, signal] = await closed;
  clearTimeout(stuck);
  expect(stderr).toBe('');
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
  expect(await readdir(tmp)).toEqual([]);
}, 120_000);
