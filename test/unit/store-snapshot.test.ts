// An answer takes several queries; they must read one state of the store. Here a second
// connection ingests a run between two reads (and two questions) of the first connection's
// snapshot: the snapshot does not see it, a read after it does. On a real node:sqlite file
// and a real PostgreSQL server; nothing of the project is replaced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditStore, datasetQuestion, openStore, purgeRuns, storeDocument, writeDocuments, type Db } from '../../src/store/index.js';
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

// `store audit` reads the store a page of runs at a time; a purge (or ingest) committed between two of its
// reads made it report runs the purge removed as "the stored document … is missing" and a count of runs of
// no state the store had (measured through the CLI: a reader's audit while the owner purged).
describe.each([
  ['SQLite', () => path.join(dir, 'store.db')],
  ['PostgreSQL', () => pg.url('postgres', 'snap')],
])('%s: store audit', (_, spec) => {
  test('reads one state: a purge committed after its first page is not seen by the pages after it', async () => {
    const a = await openStore(spec());
    const b = await openStore(spec());
    try {
      // More than a page (500 runs) of another repository, beside the runs already stored.
      const bulk = Array.from({ length: 700 }, (_, i) => {
        const st = makeStatement({ run: `bulk-${i}`, datasets: [dataset('bulk', 'v1')], steps: [], metrics: [] });
        st.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: 'https://github.com/acme/bulk', path: '.github/workflows/train.yml' };
        return storeDocument(Buffer.from(JSON.stringify(st)), `bulk-${i}.intoto.json`);
      });
      await writeDocuments(a, bulk, { verified: false });
      const before = await count(a);
      const pages: number[] = [];
      const report = await auditStore(a, async (items) => items.map(() => undefined), async (done) => {
        // After the first page: another connection purges the repository (what `store purge --repo` does).
        if (pages.push(done) === 1) expect((await purgeRuns(b, { repo: 'acme/bulk', reason: 'during an audit' })).runIds).toHaveLength(700);
      });
      expect(report).toMatchObject({ runs: before, unverified: before, problems: [] });
      expect(pages.length).toBeGreaterThan(1);
      expect(await count(a)).toBe(before - 700);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});

// A server that drops the connection in the middle of an answer (pg_terminate_backend from psql):
// the question fails with the server's reason, and the process lives on. Before, the pooled
// connection held for the snapshot had no 'error' listener: pg emitted an unhandled 'error' and
// the CLI died with a stack trace (exit 1 from Node, not from us).
describe('PostgreSQL connection dropped by the server', () => {
  const terminate = (pid: number) => {
    const r = pg.psql(`SELECT pg_terminate_backend(${pid})`);
    if (r.code !== 0 || r.stdout.trim() !== 't') throw new Error(`pg_terminate_backend: ${r.stderr}${r.stdout}`);
  };
  const gone = () => new Promise((r) => setTimeout(r, 300)); // the socket's end reaches the client

  test.each([
    ['snapshot', (a: Db, fn: (x: { all: Db['all'] }) => Promise<unknown>) => a.snapshot(fn)],
    ['transaction', (a: Db, fn: (x: { all: Db['all'] }) => Promise<unknown>) => a.transaction(fn)],
  ])('between two reads of a %s: a rejected promise, no unhandled error, the store still answers', async (_, within) => {
    const a = await openStore(pg.url('postgres', 'snap'));
    const crashes: unknown[] = [];
    const onCrash = (e: unknown) => crashes.push(e);
    process.on('uncaughtException', onCrash);
    try {
      const failed = within(a, async (x) => {
        const pid = Number((await x.all<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid);
        terminate(pid);
        await gone();
        return x.all('SELECT COUNT(*) AS n FROM runs');
      });
      await expect(failed).rejects.toThrow(/terminating connection due to administrator command/);
      await gone();
      expect(crashes).toEqual([]);
      expect(await count(a)).toBe(4);
    } finally {
      process.off('uncaughtException', onCrash);
      await a.close();
    }
  }, 60_000);

  test('during a query of a question: the question rejects with the server\'s reason', async () => {
    const a = await openStore(pg.url('postgres', 'snap'));
    try {
      const failed = a.snapshot(async (view) => {
        const pid = Number((await view.all<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid);
        const slow = view.all('SELECT pg_sleep(5)');
        await gone();
        terminate(pid);
        return slow;
      });
      await expect(failed).rejects.toThrow(/terminating connection due to administrator command/);
      await gone();
      expect(await datasetQuestion(a, 'shared@v1')).toHaveLength(4);
    } finally {
      await a.close();
    }
  }, 60_000);
});
