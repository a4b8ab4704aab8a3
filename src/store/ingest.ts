/**
 * Ingest = verify once, store forever. Documents come with their exact bytes (the
 * bundle is stored content-addressed, so any answer can be re-verified), verified
 * together (on every core, by src/verify), then written in batches: a run already in
 * the store (same statement digest) is a no-op, also when several processes ingest
 * the same bundles at once (INSERT … ON CONFLICT DO NOTHING on the primary keys).
 * Files and folders are read by ingest-files.ts.
 */
import { hash } from 'node:crypto';
import type { BundleVerifier } from '../lineage/trust.js';
import { trustDocuments } from '../lineage/trust.js';
import type { UnreadableBundle } from '../lineage/sources.js';
import { documentFromBytes, type LoadedDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';
import { loopTurns } from '../util/loop.js';
import type { Db, Queryable, SqlValue } from './db.js';
import { CHILD_COLUMNS, deriveRows, RUN_COLUMNS, rowValues, type ChildTable, type DerivedRows } from './derive.js';
import { storeError } from './errors.js';

/** A document ready to store: parsed, with the bytes it came from. */
export interface StoreDocument extends LoadedDocument {
  bytes: Buffer;
}

export function storeDocument(bytes: Buffer, file: string): StoreDocument {
  return { ...documentFromBytes(bytes, file), bytes };
}

/**
 * The stable run id: sha256 of the statement bytes (the signed DSSE payload, or the bare
 * statement file), as documentFromBytes already computed it for lineage.
 */
export function runIdOf(doc: StoreDocument): string {
  return doc.statementSha256 ?? hash('sha256', doc.payload ?? doc.bytes, 'hex');
}

/** sha256 of the document's bytes, as documentFromBytes already computed it: the bundle's, or a bare statement's (its run id). */
export function bytesSha256(doc: StoreDocument): string {
  return doc.bundleSha256 ?? (doc.bundle ? undefined : doc.statementSha256) ?? hash('sha256', doc.bytes, 'hex');
}

export interface IngestOptions {
  /** Verify bundles before storing (default). false: store as "not verified". */
  verify: boolean;
  verifier?: BundleVerifier;
  /** Describes the signer policy verified against, stored with each verification. */
  identity?: string;
  unreadable?: UnreadableBundle[];
  logger?: Logger;
  /** Records per transaction (default: transactionLimits). */
  batch?: number;
  /** Stop when aborted, between runs (see writeDocuments). */
  signal?: AbortSignal;
}

/**
 * How much one transaction writes, by engine. SQLite: a commit writes every page the
 * transaction dirtied, and the random-keyed indexes (run ids, digests) are dirtied all
 * over, so fewer, larger commits write each page fewer times (bench/store.mjs, 100,000
 * runs: 2,000 a commit 2.4k records/s, 10,000 3.1k). 10,000 records (or 64 MiB of
 * documents) hold the write lock ~3 s, well inside the 60 s other writers wait (busy_timeout).
 * PostgreSQL: 2,000 keeps the window for deadlocks between concurrent ingesters small.
 */
export function transactionLimits(dialect: Db['dialect']): { records: number; bytes: number } {
  return { records: dialect === 'sqlite' ? 10_000 : 2_000, bytes: 64 * 2 ** 20 };
}

export interface IngestResult {
  stored: { runId: string; source: string; verified: boolean }[];
  /** Already in the store: nothing written. */
  existing: { runId: string; source: string }[];
  /** The signal stopped the write before every document was written (those in `stored` are committed). */
  stopped?: boolean;
}

/** Verify (unless told not to) and store documents. */
export async function ingestDocuments(db: Db, docs: StoreDocument[], o: IngestOptions): Promise<IngestResult> {
  let trusted = docs;
  if (o.verify || (o.unreadable?.length ?? 0) > 0) {
    const kept = await trustDocuments(docs, {
      noVerify: !o.verify,
      verifier: o.verifier ?? { verifyAll: async () => undefined },
      unreadable: o.unreadable ?? [],
      ...(o.logger ? { logger: o.logger } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    trusted = kept as StoreDocument[];
  }
  return writeDocuments(db, trusted, { verified: o.verify, identity: o.identity ?? '', ...(o.batch ? { batch: o.batch } : {}), ...(o.signal ? { signal: o.signal } : {}) });
}

/**
 * Write documents already verified (or accepted unverified): the fast path, and what the bench measures.
 * Once `signal` is aborted, no other run is begun: the transaction under way commits the runs it holds
 * (each with all its rows) and no other transaction begins; the result then says `stopped`. Committed
 * rather than rolled back: the count returned is then what the store holds, and the work is kept.
 */
export async function writeDocuments(db: Db, docs: StoreDocument[], o: { verified: boolean; identity?: string; batch?: number; signal?: AbortSignal }): Promise<IngestResult> {
  const result: IngestResult = { stored: [], existing: [] };
  const rows = docs.map((doc) => {
    const runId = runIdOf(doc);
    const docSha256 = bytesSha256(doc);
    return { doc, docSha256, rows: deriveRows(doc.statement, { runId, docSha256, kind: doc.bundle ? 'bundle' : 'statement' }, doc.bundle) };
  });
  // One order everywhere: concurrent ingesters of the same set take locks in the same order.
  rows.sort((a, b) => (a.rows.run.run_id < b.rows.run.run_id ? -1 : a.rows.run.run_id > b.rows.run.run_id ? 1 : 0));
  const limits = transactionLimits(db.dialect);
  const maxRecords = o.batch ?? limits.records;
  const now = new Date().toISOString();
  const signal = o.signal;
  // The handler that aborts the signal runs only when the event loop turns (see loopTurns).
  const turn = signal ? loopTurns() : undefined;
  for (let i = 0; i < rows.length; ) {
    if (signal?.aborted) return { ...result, stopped: true };
    const start = i;
    for (let bytes = 0; i < rows.length && i - start < maxRecords && (i === start || bytes + rows[i]!.doc.bytes.length <= limits.bytes); i++) bytes += rows[i]!.doc.bytes.length;
    const chunk = rows.slice(start, i);
    const write = () =>
      db.transaction(async (tx) => {
        const out: IngestResult = { stored: [], existing: [] };
        const numbers = await runNumbers(db.dialect, tx, chunk.length);
        for (const r of chunk) {
          if (turn) await turn();
          if (signal?.aborted) break;
          const verified = o.verified && r.doc.bundle !== undefined;
          const isNew = await insertRun(tx, db.dialect, numbers(), r.rows, r.doc, now);
          // The bytes are kept when something points at them: a new run's document, or a bundle a verification row names
          // (another bundle of a statement already stored, unverified: nothing would, and audit would report the bytes).
          if (isNew || verified) await tx.run('INSERT INTO blobs (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING', [r.docSha256, r.doc.bytes]);
          if (verified) {
            await tx.run('INSERT INTO verifications (run_id, doc_sha256, identity, verified_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
              r.rows.run.run_id,
              r.docSha256,
              o.identity ?? '',
              now,
            ]);
          }
          if (isNew) out.stored.push({ runId: r.rows.run.run_id, source: r.doc.file, verified });
          else out.existing.push({ runId: r.rows.run.run_id, source: r.doc.file });
        }
        return out;
      });
    let done: IngestResult;
    try {
      done = await write();
    } catch (err) {
      // Asked to stop while waiting for another writer's lock (SQLite, see openSqlite): nothing of this transaction was written.
      if (signal?.aborted && err === signal.reason) return { ...result, stopped: true };
      // Two ingesters crossing on different sets can deadlock; the server aborts one: retry it once.
      if ((err as { code?: string }).code !== '40P01') throw storeError(err, db.location, 'ingesting');
      done = await write().catch((e: unknown) => {
        throw storeError(e, db.location, 'ingesting');
      });
    }
    result.stored.push(...done.stored);
    result.existing.push(...done.existing);
  }
  return result.stored.length + result.existing.length < rows.length ? { ...result, stopped: true } : result;
}

/**
 * The run numbers a transaction's runs take, one per run in order (a run already stored leaves its number unused).
 * PostgreSQL: from the identity's sequence, the batch's in one round trip (the ingest role may not read
 * runs, as RETURNING would need).
 * SQLite: after the greatest one stored, as the rowid would be (the transaction holds the write lock); given
 * rather than read back with RETURNING, which cost a result row per run.
 */
async function runNumbers(dialect: Db['dialect'], tx: Queryable, count: number): Promise<() => number> {
  if (dialect === 'postgres') {
    const taken = (await tx.all<{ n: number | string }>("SELECT nextval('runs_run_no_seq') AS n FROM generate_series(1, ?::int)", [count])).map((x) => Number(x.n));
    return () => taken.shift()!;
  }
  let last = Number((await tx.all<{ n: number | null }>('SELECT MAX(run_no) AS n FROM runs'))[0]?.n ?? 0);
  return () => ++last;
}

const RUN_INSERT_COLUMNS = ['run_no', ...RUN_COLUMNS, 'source', 'ingested_at'];
const placeholders = (n: number) => `(${new Array<string>(n).fill('?').join(', ')})`;
/** The INSERT for n rows of a table, built once per shape: a new string each call was hashed again for the statement cache. */
const insertSql = new Map<string, string>();
function insertFor(dialect: Db['dialect'], table: string, columns: readonly string[], rows: number): string {
  const key = `${dialect} ${table} ${rows}`;
  let sql = insertSql.get(key);
  if (!sql) {
    const one = placeholders(columns.length);
    // SQLite: OR FAIL stops at a conflict without undoing the statement's earlier rows, so SQLite keeps no
    // statement journal (a copy of every page the statement touches); a failure rolls the whole transaction back anyway.
    const verb = table === 'runs' ? 'INSERT' : dialect === 'sqlite' ? 'INSERT OR FAIL' : 'INSERT';
    const override = table === 'runs' && dialect === 'postgres' ? ' OVERRIDING SYSTEM VALUE' : '';
    // A run already stored (by its id) is a no-op. SQLite: any other conflict (a run number taken) is an error,
    // never a silent skip. PostgreSQL takes no target: one needs SELECT on runs, which the ingest role does not have.
    const conflict = table !== 'runs' ? '' : dialect === 'sqlite' ? ' ON CONFLICT (run_id) DO NOTHING' : ' ON CONFLICT DO NOTHING';
    sql = `${verb} INTO ${table} (${columns.join(', ')})${override} VALUES ${new Array<string>(rows).fill(one).join(', ')}${conflict}`;
    insertSql.set(key, sql);
  }
  return sql;
}

/** Insert a run and its rows under run number `runNo`; false (nothing written) when the run is already stored. */
async function insertRun(tx: Queryable, dialect: Db['dialect'], runNo: number, r: DerivedRows, doc: StoreDocument, now: string): Promise<boolean> {
  const values = rowValues(r.run as unknown as Record<string, unknown>, RUN_COLUMNS, [runNo]);
  values.push(doc.file, now);
  if ((await tx.run(insertFor(dialect, 'runs', RUN_INSERT_COLUMNS, 1), values)) === 0) return false;
  for (const table of Object.keys(CHILD_COLUMNS) as ChildTable[]) {
    const list = r[table] as unknown as Record<string, unknown>[];
    const columns = CHILD_COLUMNS[table];
    // Multi-row inserts, in slices that stay under every engine's parameter limit.
    for (let i = 0; i < list.length; i += 200) {
      const part = list.slice(i, i + 200);
      const params: SqlValue[] = [];
      for (const row of part) {
        params.push(runNo);
        rowValues(row, columns, params);
      }
      await tx.run(insertFor(dialect, table, CHILD_INSERT_COLUMNS[table], part.length), params);
    }
  }
  return true;
}

const CHILD_INSERT_COLUMNS = Object.fromEntries(Object.entries(CHILD_COLUMNS).map(([t, cols]) => [t, ['run_no', ...cols]])) as Record<ChildTable, string[]>;
