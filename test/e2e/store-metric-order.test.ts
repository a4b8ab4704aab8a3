// Final metric values from the store come in the order each series first appears in the
// record (what the previous release, reading every row, showed), also when one series'
// final row is recorded after another's. On node:sqlite and a real PostgreSQL server.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { oneRunOnBothEngines, type OneRun } from './store-helpers.js';

let f: OneRun;
beforeAll(async () => {
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
  f = await oneRunOnBothEngines('order', s, 'acme/order');
}, 120_000);
afterAll(() => f?.close());

test.each(['sqlite', 'postgres'])('%s: the model and runs answers list a then b, each at its last epoch', async (engine) => {
  const { mlp, file, model } = f;
  const store = f.store(engine);
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
