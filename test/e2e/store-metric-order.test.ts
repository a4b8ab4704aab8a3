// Final metric values from the store come in the order each series first appears in the
// record (what the previous release, reading every row, showed), also when one series'
// final row is recorded after another's. On node:sqlite and a real PostgreSQL server.
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
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-order-'));
  pg = await startPostgres();
  const r = pg.psql('CREATE DATABASE store');
  if (r.code !== 0) throw new Error(r.stderr);
  // Series a starts first, but its final (epoch 1) row is recorded after b's.
  const s = makeStatement({
    run: 'order',
    metrics: [
      { name: 'a', value: 1, epoch: 0 },
      { name: 'b', value: 2, epoch: 0, split: 'test' },
      { name: 'b', value: 3, epoch: 1, split: 'test' },
      { name: 'a', value: 4, epoch: 1 },
    ],
  });
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: 'https://github.com/acme/order', path: '.github/workflows/train.yml' };
  model = s.subject[0]!.digest.sha256!;
  file = path.join(work, 'order.intoto.json');
  await writeFile(file, JSON.stringify(s));
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test.each(['sqlite', 'postgres'])('%s: the model and runs answers list a then b, each at its last epoch', async (engine) => {
  const store = engine === 'sqlite' ? path.join(work, 'store.db') : pg.url('postgres', 'store');
  const ingest = await mlp('store', 'ingest', file, '--no-verify', '--store', store);
  expect(ingest.code, ingest.stderr).toBe(0);
  const byModel = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', '--model', `sha256:${model}`);
  expect(byModel.code, byModel.stderr).toBe(0);
  const want = [
    { name: 'a', value: 4, epoch: 1 },
    { name: 'b', value: 3, epoch: 1, split: 'test' },
  ];
  expect((JSON.parse(byModel.stdout) as { answers: { metrics: unknown[] }[] }).answers[0]!.metrics).toEqual(want);
  const runs = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', '--runs', 'acme/order');
  expect(runs.code, runs.stderr).toBe(0);
  expect((JSON.parse(runs.stdout) as { answers: { metrics: unknown[] }[] }).answers[0]!.metrics).toEqual(want);
});
