/**
 * The server backend: PostgreSQL through `pg`. Credentials and TLS come from the URL
 * (`sslmode=require`, …) or the standard PG* variables, which `pg` reads itself; the
 * URL is only ever printed redacted.
 */
import pg from 'pg';
import type { Db, Queryable, Row, SqlValue } from './db.js';
import { redactUrl } from './location.js';
import { refreshStatistics, tallyWrites, type Tally } from './statistics.js';
import { InputError } from '../errors.js';

/** `?` placeholders to `$1, $2…` (our SQL has no `?` inside string literals). */
const numbered = new Map<string, string>();
export function toPg(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

const params = (p: SqlValue[]): unknown[] => p.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v));

/**
 * `broken`: why the connection was lost between two statements, which the next one then reports (pg's own text is "not queryable").
 * `tally`: where the rows each statement inserted into or deleted from a ledger table are counted (statistics.ts).
 */
function queryable(c: pg.Pool | pg.PoolClient, broken: () => Error | undefined = () => undefined, tally?: Tally): Queryable {
  const query = async (sql: string, p: SqlValue[]) => {
    try {
      return await c.query(toPg(sql), params(p));
    } catch (err) {
      throw broken() ?? err;
    }
  };
  return {
    async all<T extends Row>(sql: string, p: SqlValue[] = []) {
      return (await query(sql, p)).rows as T[];
    },
    async run(sql, p = []) {
      const n = (await query(sql, p)).rowCount ?? 0;
      if (tally) tallyWrites(tally, sql, n);
      return n;
    },
  };
}

/**
 * A pooled connection held for a transaction. While it is checked out, pg-pool listens for its
 * errors no more: a connection the server drops (pg_terminate_backend, a restart) then emits an
 * unhandled 'error' that killed the process with a stack trace, whatever the awaiting code did.
 * The failed query rejects with the server's reason; this listener only keeps the process alive,
 * and `done` hands a broken connection back to be discarded.
 */
async function checkout(pool: pg.Pool): Promise<pg.PoolClient & { done(): void; broken(): Error | undefined }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => (broken ??= err);
  client.on('error', onError);
  return Object.assign(client, {
    broken: () => broken,
    done() {
      client.removeListener('error', onError);
      client.release(broken);
    },
  });
}

/** Seconds to wait for a connection when the URL and PGCONNECT_TIMEOUT say nothing (libpq waits forever; a batch job should not). */
export const CONNECT_TIMEOUT_S = 30;

/**
 * How long to wait for the server to accept a connection, as libpq reads it: the URL's
 * `connect_timeout` (seconds; zero or negative waits forever), else PGCONNECT_TIMEOUT, else CONNECT_TIMEOUT_S.
 */
export function connectTimeoutMs(url: string, env: NodeJS.ProcessEnv = process.env): number {
  const inUrl = new URL(url).searchParams.get('connect_timeout');
  const given = inUrl ?? env.PGCONNECT_TIMEOUT;
  if (given === undefined || given === '') return CONNECT_TIMEOUT_S * 1000;
  if (!/^-?\d+$/.test(given.trim())) {
    throw new InputError('bad-store', `${inUrl !== null ? "--store URL's connect_timeout" : 'PGCONNECT_TIMEOUT'} ${JSON.stringify(given)} is not a whole number of seconds`, {
      fix: 'pass ?connect_timeout=SECONDS in the URL (or PGCONNECT_TIMEOUT), 0 to wait without limit',
    });
  }
  // Negative waits without limit, as zero does (libpq). libpq before 17 also read 1 as 2; 17 and later as 1, as here.
  return Math.max(0, Number(given.trim())) * 1000;
}

export interface PostgresOptions {
  /** Aborted (an interrupted ingest): closing skips refreshing the planner's statistics, so it stays prompt. */
  signal?: AbortSignal;
  /** Told when the statistics could not be refreshed because this role does not own the tables (statistics.ts). */
  note?: (message: string) => void;
}

export async function openPostgres(url: string, o: PostgresOptions = {}): Promise<Db> {
  // int8/numeric come back as strings by default; our counts and values fit a double.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
  };
  // The questions are small indexed lookups: JIT compilation costs them tens of milliseconds
  // when a recursive CTE's row estimate crosses jit_above_cost (measured: 40 ms of 187).
  // A server that accepts and never answers (a wedged host, a proxy whose backend is gone) would hold
  // the command forever: pg waits without limit unless told, and reads neither libpq's connect_timeout
  // nor PGCONNECT_TIMEOUT. TCP keepalive (libpq's default, not pg's) notices a peer that vanished mid-query.
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types: types as pg.CustomTypesConfig,
    options: '-c jit=off',
    connectionTimeoutMillis: connectTimeoutMs(url),
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
  });
  // Errors on idle clients (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const c = await pool.connect();
  c.release();
  // Rows this connection's committed statements changed, per ledger table: what close() judges the statistics by.
  const written: Tally = new Map();
  // The last transaction failed (the server went away, a conflict not retried): the command is failing, and
  // closing must not wait on the server again.
  let failed = false;
  const q = queryable(pool, undefined, written);
  const store: Db = {
    dialect: 'postgres',
    location: redactUrl(url),
    ...q,
    async exec(sql) {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const pending: Tally = new Map();
      const out = await onOneConnection(pool, 'BEGIN', (c) => fn(queryable(c, c.broken, pending))).catch((err: unknown) => {
        failed = true;
        throw err;
      });
      failed = false;
      for (const [t, n] of pending) written.set(t, (written.get(t) ?? 0) + n);
      return out;
    },
    // One connection, one snapshot for every statement (REPEATABLE READ; read-only, so it never conflicts).
    snapshot: (fn) =>
      onOneConnection(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (c) => {
        const view: Db = { ...store, ...queryable(c, c.broken), snapshot: (inner) => inner(view) };
        return fn(view);
      }),
    async user() {
      return String((await pool.query('SELECT current_user AS u')).rows[0].u);
    },
    async close() {
      try {
        if (!o.signal?.aborted && !failed && written.size > 0) await refreshStatistics(store, written, o.note);
      } finally {
        await pool.end();
      }
    },
  };
  return store;
}

/** `fn` on one connection of the pool, between `begin` and COMMIT (ROLLBACK when it throws). */
async function onOneConnection<T>(pool: pg.Pool, begin: string, fn: (c: Awaited<ReturnType<typeof checkout>>) => Promise<T>): Promise<T> {
  const client = await checkout(pool);
  try {
    await client.query(begin);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.done();
  }
}
