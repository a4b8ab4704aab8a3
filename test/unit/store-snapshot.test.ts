// An answer takes several queries; they must read one state of the store. Here a second
// connection ingests a run between two reads (and two questions) of the first connection's
// snapshot: the snapshot does not see it, a read after it does. On a real node:sqlite file
// and a real PostgreSQL server; nothing of the project is replaced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { datasetQuestion, openStore, storeDocument, writeDocuments, type Db } from '../../src/store/index.js';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';

let dir: string;
let pg: PgServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-store-snapshot-'));
  pg = await startPostgres();
  const made = pg.psql('CREATE DATABASE snap');
  if (made.code !== 0) throw new Error(made.stderr);
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const doc = (run: string) => storeDocument(Buffer.from(JSON.stringify(makeStatement({ run, datasets: [dataset('shared', 'v1')] }))), `run-${run}.intoto.json`);
const count = async (db: Db) => Number((await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM runs'))[0]!.n);

describe.each([
  ['SQLite', () => path.join(dir, 'store.db')],
  ['PostgreSQL', () => pg.url('postgres', 'snap')],
])('%s', (_, spec) => {
  test('reads inside a snapshot do not see what another connection commits meanwhile; reads after it do', async () => {
    const a = await openStore(spec());
    const b = await openStore(spec());
    try {
      await writeDocuments(a, [doc('1'), doc('2')], { verified: false });
      const seen = await a.snapshot(async (view) => {
        const first = await count(view);
        const answered = await datasetQuestion(view, 'shared@v1');
        await writeDocuments(b, [doc('3')], { verified: false });
        return { first, second: await count(view), answered: answered.length, again: (await datasetQuestion(view, 'shared@v1')).length };
      });
      expect(seen).toEqual({ first: 2, second: 2, answered: 2, again: 2 });
      expect(await count(a)).toBe(3);
      expect(await datasetQuestion(a, 'shared@v1')).toHaveLength(3);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);

  test('a question read in a snapshot that fails leaves the connection usable', async () => {
    const a = await openStore(spec());
    try {
      await expect(a.snapshot(async (view) => view.all('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
      expect(await count(a)).toBe(3);
      await writeDocuments(a, [doc('4')], { verified: false });
      expect(await count(a)).toBe(4);
    } finally {
      await a.close();
    }
  }, 60_000);
});
