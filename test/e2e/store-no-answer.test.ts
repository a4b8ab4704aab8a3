// A lineage question nobody matches exits 1 from the store as it does over files (README's
// exit codes: "a lineage query that matched nothing"), like grep, so a script can tell "none"
// from "found": the empty answer is still printed, and stderr has one `error:` line.
// Through dist/cli.js, on node:sqlite and a real PostgreSQL server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';

let work: string;
let pg: PgServer;
let file: string;
let model: string;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-none-'));
  pg = await startPostgres();
  const r = pg.psql('CREATE DATABASE store');
  if (r.code !== 0) throw new Error(r.stderr);
  const s = makeStatement({ run: 'none', metrics: [{ name: 'accuracy', value: 0.9, epoch: 1, split: 'test' }] });
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: 'https://github.com/acme/none', path: '.github/workflows/train.yml' };
  model = s.subject[0]!.digest.sha256!;
  file = path.join(work, 'none.intoto.json');
  await writeFile(file, JSON.stringify(s));
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const NOBODY = [
  ['--dataset', 'mnist@2.0'],
  ['--metric', 'no-such-metric'],
  ['--model', `sha256:${'ab'.repeat(32)}`],
  ['--runs', 'someone/else'],
];

test.each(['sqlite', 'postgres'])('%s: a question nobody matches exits 1 with the empty answer, one matched exits 0', async (engine) => {
  const store = engine === 'sqlite' ? path.join(work, 'store.db') : pg.url('postgres', 'store');
  const ingest = await mlp('store', 'ingest', file, '--no-verify', '--store', store);
  expect(ingest.code, ingest.stderr).toBe(0);
  for (const q of NOBODY) {
    const json = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', ...q);
    expect(json.code, `${q.join(' ')}: ${json.stderr}`).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ answers: [] });
    expect(json.stderr).toMatch(/^error: no run in .+ answers this — .+/m);
    expect(json.stderr).not.toMatch(/\n\s+at /);
    const table = await mlp('lineage', '--store', store, '--no-verify', ...q);
    expect(table.code, q.join(' ')).toBe(1);
  }
  // The same question over the file itself gives the same exit code (the file form's convention).
  const overFile = await mlp('lineage', file, '--no-verify', '--dataset', 'mnist@2.0');
  expect(overFile.code).toBe(1);
  // A question with an answer still exits 0.
  for (const q of [['--metric', 'accuracy'], ['--model', `sha256:${model}`], ['--runs', 'acme/none']]) {
    const r = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', ...q);
    expect(r.code, `${q.join(' ')}: ${r.stderr}`).toBe(0);
    expect((JSON.parse(r.stdout) as { answers: unknown[] }).answers.length).toBeGreaterThan(0);
  }
});
