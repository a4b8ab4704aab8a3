// A popular dataset: read by 33,000 runs. Two things broke on it: the walk matched every
// row of the dataset with every row of the same bytes (33,000² pairs: the question never
// finished), and one `IN (…)` over the answer's runs exceeds SQLite's bound-parameter
// limit (32,766). Real node:sqlite file, real statements through writeDocuments.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { datasetQuestion, openStore, storeDocument, writeDocuments, type Db } from '../../src/store/index.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';

const RUNS = 33_000;
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-store-large-'));
  db = await openStore(path.join(dir, 'store.db'));
  const shared = dataset('shared', 'v1');
  for (let i = 0; i < RUNS; i += 5000) {
    const docs = [];
    for (let j = i; j < Math.min(RUNS, i + 5000); j++) {
      const s = makeStatement({ run: String(j), datasets: [shared], steps: [], metrics: [], models: [{ name: 'm.bin', sha256: sha(`m${j}`) }] });
      s.predicate.runDetails.metadata.finishedOn = new Date(Date.UTC(2025, 0, 1) + j * 1000).toISOString();
      docs.push(storeDocument(Buffer.from(JSON.stringify(s)), `run-${j}.intoto.json`));
    }
    await writeDocuments(db, docs, { verified: false });
  }
}, 300_000);
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a dataset read by more runs than one statement can bind: every run, in time order, each with its model', async () => {
  const answers = await datasetQuestion(db, 'shared@v1');
  expect(answers).toHaveLength(RUNS);
  expect(answers.every((a) => a.direct && a.models.length === 1)).toBe(true);
  const times = answers.map((a) => a.run.finishedOn!);
  expect(times).toEqual([...times].sort());
  expect(answers[RUNS - 1]!.models[0]!.sha256).toBe(sha(`m${RUNS - 1}`));
}, 120_000);
