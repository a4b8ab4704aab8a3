/**
 * The embedded backend: Node's built-in `node:sqlite` (no dependency, no server). Its
 * API is still moving between Node releases, so this is the only module that imports it.
 */
import { chmodSync, existsSync, statSync, unlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { makeDirsSync } from '../util/fs.js';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Db, Queryable, Row, SqlValue } from './db.js';
import { besideStore, fileStamp, immutableUrl, myUid, READ_ATTEMPTS_SHARED, readMode, refuseUnwritable, shareBeside, storeKeepsChanging } from './sqlite-files.js';

export interface SqliteOptions {
  /** The command only reads (questions, audit): a user who cannot write the store reads it without writing beside it (readMode). */
  readOnly?: boolean;
  /** Aborted: a transaction waiting for another writer's lock stops waiting and rejects with its reason (beginImmediate). */
  signal?: AbortSignal;
  /** Told when closing could not copy the WAL into the store file (nothing is lost: see close()). */
  warn?: (message: string) => void;
}

export function openSqlite(file: string, o: SqliteOptions = {}): Db {
  let mode = o.readOnly ? readMode(file) : 'write';
  let through: DatabaseSync | undefined;
  // The writer may close (removing its -wal/-shm) between readMode's look and SQLite's open: look again.
  for (let look = 1; mode === 'shared' && !(through = openShared(file)); look++) {
    mode = readMode(file);
    if (look === READ_ATTEMPTS_SHARED && mode === 'shared') throw storeKeepsChanging(file);
  }
  if (!o.readOnly && existsSync(file)) refuseUnwritable(file);
  // An empty file is a new database to SQLite: it gets the same owner-only mode.
  const fresh = mode === 'write' && (!existsSync(file) || statSync(file).size === 0);
  if (fresh) makeDirsSync(path.dirname(path.resolve(file)));
  const stamp = mode === 'immutable' ? fileStamp(file) : undefined;
  const db = through ?? (mode === 'write' ? new DatabaseSync(file) : new DatabaseSync(immutableUrl(file), { readOnly: true }));
  // A file cannot enforce roles: its permissions are the only access control. Owner-only.
  if (fresh) chmodSync(file, 0o600);
  // busy_timeout first: changing the journal mode of a new file needs the lock too (concurrent first opens failed at once).
  // 60 s: a writer waits for others' transactions (each bounded to a few seconds) rather than fail a batch job.
  // A 64 MiB page cache keeps the indexes' hot pages in memory while ingesting: measured 1.2k → 2.2-2.4k records/s
  // (bench/store.mjs, 10,000 runs); it is only filled as pages are read, so a query process stays small.
  // Reads through a memory map: a question in a fresh process reads a few hundred pages of the file, and
  // without the map each is a read() into that cache (measured at 100,000 runs: dataset question 6.2 → 4.0 ms,
  // ingest unchanged). Writes still go through the WAL. A reader opening the file immutable maps nothing: a
  // writer could shrink the file under the map (SIGBUS), where read() only returns what the stamp check catches.
  db.exec(
    mode === 'write'
      ? `PRAGMA busy_timeout = ${BUSY_MS}; PRAGMA journal_mode = WAL; PRAGMA journal_size_limit = ${WAL_HARD_LIMIT}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824`
      : `PRAGMA busy_timeout = ${BUSY_MS}; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = ${mode === 'immutable' ? 0 : 1073741824}`,
  );
  if (mode === 'write') {
    try {
      shareBeside(file, !o.readOnly);
    } catch (err) {
      db.close();
      throw err;
    }
  }
  const prepared = new Map<string, StatementSync>();
  const prep = (sql: string): StatementSync => {
    let st = prepared.get(sql);
    if (!st) {
      st = db.prepare(sql);
      prepared.set(sql, st);
    }
    return st;
  };
  let changed = 0;
  let committed = false;
  // Opened immutable: whether the file was written before the last read ended. Checked after each read, not
  // when the command is done: what it does with the rows afterwards (building and printing a large answer
  // took 4 of 6.4 s, 24,800 answers) cannot mix states, and a longer window made more reads start again.
  let moved = false;
  const q: Queryable = {
    async all<T extends Row>(sql: string, params: SqlValue[] = []) {
      try {
        return prep(sql).all(...params) as T[];
      } finally {
        if (stamp && !moved) moved = fileStamp(file) !== stamp;
      }
    },
    async run(sql, params = []) {
      const n = Number(prep(sql).run(...params).changes);
      changed += n;
      return n;
    },
  };
  let depth = 0;
  let checkpointer: Checkpointer | undefined | null; // null: could not be started, commits checkpoint themselves
  const wal = `${file}-wal`;
  const walBytes = () => statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
  // WAL bytes past which a transaction first folds the WAL into the file and empties it (restartWal).
  let restartAt = WAL_HARD_LIMIT;
  /**
   * A TRUNCATE checkpoint (https://sqlite.org/wal.html, "Avoiding Excessively Large WAL Files"):
   * it takes the write lock (other writers wait), copies every frame into the file, waits for
   * readers still reading from the WAL and empties it. PASSIVE checkpoints (the thread's, or the
   * commits' own) cannot bound it under concurrent writers: each copies up to the last commit
   * while the others keep appending, SQLite starts the WAL over only when a transaction begins
   * with all of it copied, and the wait for this writer's own checkpoint (catchUp) does not see
   * the others' commits (measured: a 1 GB WAL for three writers of 30,000 runs). Tried without
   * SQLite's busy handler, with pauses on the event loop between tries (a Ctrl-C stops the wait,
   * as in beginImmediate). Gives up after RESTART_MS (a reader holding an old snapshot, e.g. an
   * audit of the whole store) and then tries again only once the WAL has grown by another
   * WAL_HARD_LIMIT, so such a reader costs the ingest one wait, not one per transaction.
   */
  const restartWal = async () => {
    // This connection's own checkpoint under way holds SQLite's checkpoint lock: let it finish first.
    checkpointer?.catchUp();
    const until = Date.now() + RESTART_MS;
    db.exec('PRAGMA busy_timeout = 0');
    try {
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        let busy = 1;
        try {
          busy = Number((prep('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number }).busy);
        } catch {
          // Cannot write the store file (read-only or immutable since, I/O error, full disk): the commits
          // still append to the WAL, and close() says so. The bound is given up; the runs are not.
          restartAt = walBytes() + WAL_HARD_LIMIT;
          return;
        }
        // Done, here or by another writer meanwhile.
        if (busy === 0 || walBytes() <= WAL_HARD_LIMIT) {
          restartAt = WAL_HARD_LIMIT;
          return;
        }
        if (Date.now() >= until) {
          restartAt = walBytes() + WAL_HARD_LIMIT;
          return;
        }
        o.signal?.throwIfAborted();
        await sleep(pause);
        o.signal?.throwIfAborted();
      }
    } finally {
      db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
    }
  };
  const self: Db = {
    dialect: 'sqlite',
    location: file,
    ...q,
    async exec(sql) {
      db.exec(sql);
    },
    async transaction(fn) {
      // One connection: nested calls join the outer transaction.
      if (depth > 0) return fn(q);
      depth++;
      try {
        // The WAL is rewound only when a transaction begins with all of it checkpointed: grown past
        // WAL_LIMIT, this one first waits for the checkpoint behind the last commit (one writer alone).
        if (checkpointer?.behind()) checkpointer.catchUp();
        await beginImmediate(db, o.signal);
        // Holding the write lock nobody else can grow the WAL, so its size is exact here: past the
        // hard limit (other writers' commits, or a reader, kept it from being rewound), give the lock
        // back (nothing written yet) and empty the WAL first. Every transaction thus begins with at
        // most restartAt bytes of WAL, however many processes write.
        if (walBytes() > restartAt) {
          db.exec('ROLLBACK');
          await restartWal();
          await beginImmediate(db, o.signal);
        }
        changed = 0;
        try {
          const out = await fn(q);
          if (checkpointer === undefined && changed >= BULK_ROWS) checkpointer = startCheckpointer(db, file);
          db.exec('COMMIT');
          committed = true;
          checkpointer?.nudge();
          return out;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      } finally {
        depth--;
      }
    },
    async snapshot(fn) {
      if (depth > 0) return fn(self);
      depth++;
      // Deferred: the snapshot is taken at the first read and holds until COMMIT (WAL: writers go on).
      db.exec('BEGIN');
      try {
        const out = await fn(self);
        db.exec('COMMIT');
        return out;
      } catch (err) {
        // Some errors (busy, I/O) end the transaction themselves: roll back only one still open.
        if (db.isTransaction) db.exec('ROLLBACK');
        throw err;
      } finally {
        depth--;
      }
    },
    async user() {
      // The account the process runs as (a purge record's "who"); USER/LOGNAME are often unset (CI, containers, su).
      try {
        return userInfo().username;
      } catch {
        return process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? '?'}`;
      }
    },
    ...(stamp ? { changedSinceOpen: () => moved } : {}),
    async close() {
      await checkpointer?.stop();
      prepared.clear();
      // The last connection's close copies the WAL into the file, silently: one that cannot (a file made
      // immutable or read-only mid-ingest, an I/O error, a full disk) left a large WAL and exit 0 with no
      // word. A checkpoint first says whether it can (the close then has nothing left to copy).
      let failed: string | undefined;
      if (committed) {
        try {
          db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
        } catch (err) {
          failed = (err as Error).message;
        }
      }
      db.close();
      if (failed !== undefined) {
        o.warn?.(`${file}: the runs are stored, but SQLite could not copy its write-ahead log into the store file (${failed}): nothing is lost (they are in ${path.basename(file)}-wal, which the next open copies in); make the store file writable (a read-only mount, \`chattr +i\`, a full disk?), then open it once as its owner (any \`lineage --store\` question)`);
      }
    },
  };
  return self;
}

/**
 * Read-only through the writer's -wal/-shm (readMode 'shared'); undefined when the writer closed
 * between readMode's look and SQLite's open (it removes both as it closes). SQLite then made them
 * anew where this user may write the folder (the first read opens them; they were this user's, so
 * the owner's next ingest could not write them: "read-only"), or failed ("readonly database")
 * where it may not. Either way what it made is removed and the caller looks again.
 */
function openShared(file: string): DatabaseSync | undefined {
  const db = new DatabaseSync(file, { readOnly: true });
  let failure: unknown;
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    failure = err;
  }
  const storeUid = statSync(file).uid;
  const made = besideStore(file).filter((f) => {
    const st = statSync(f, { throwIfNoEntry: false });
    // Never a log holding writes (this user cannot write the store: what it made is empty).
    return st !== undefined && st.uid === myUid() && st.uid !== storeUid && (f.endsWith('-shm') || st.size === 0);
  });
  if (made.length === 0 && failure === undefined) return db;
  db.close();
  for (const f of made) {
    try {
      unlinkSync(f);
    } catch {
      // Another reader of this user removed it first.
    }
  }
  if (made.length === 0 && existsSync(`${file}-wal`)) throw failure;
  return undefined;
}

/** How long a writer waits for another's lock (and any connection for a busy file) before failing. */
const BUSY_MS = 60_000;

/**
 * BEGIN IMMEDIATE (the write lock), waiting for another writer between tries here rather than in
 * SQLite's busy handler: that one sleeps on this thread, where no signal handler runs, so Ctrl-C
 * did nothing for up to BUSY_MS while another process held the lock. `signal` aborted: stop
 * waiting, reject with its reason (nothing of the transaction was written).
 */
async function beginImmediate(db: DatabaseSync, signal: AbortSignal | undefined): Promise<void> {
  const until = Date.now() + BUSY_MS;
  db.exec('PRAGMA busy_timeout = 0');
  try {
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      try {
        db.exec('BEGIN IMMEDIATE');
        return;
      } catch (err) {
        // SQLITE_BUSY and its extended codes (the low byte is the primary code).
        if ((Number((err as { errcode?: number }).errcode) & 0xff) !== 5 || Date.now() >= until) throw err;
      }
      signal?.throwIfAborted();
      await sleep(pause);
      signal?.throwIfAborted();
    }
  } finally {
    db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
  }
}

/** Rows one transaction changes from which commits hand checkpoints to a thread (a bulk ingest, not one bundle). */
const BULK_ROWS = 10_000;

/**
 * WAL bytes after which a bulk ingest's next transaction waits for the checkpoint behind the last
 * commit. SQLite rewinds the WAL only when a transaction begins with all of it checkpointed; the
 * writer begins the next one right after a commit, so without a wait it never was, and the WAL kept
 * every page the ingest wrote (measured, 90,000 runs through `store ingest`: 1.3 GB of WAL beside an
 * 817 MB store; with commits checkpointing themselves it stayed at ~120 MB). A transaction of 10,000
 * records writes ~90 MB of WAL: one writer's WAL stays within about WAL_LIMIT and two of them.
 */
const WAL_LIMIT = 128 * 2 ** 20;
/**
 * WAL bytes past which a transaction first empties the WAL (restartWal), whoever wrote them, and
 * SQLite's journal_size_limit (a WAL SQLite rewinds is cut back to this at its next commit, so the
 * file's size is the WAL's). Several writers at once never let the WAL be rewound by the wait above
 * (measured: three writers of 30,000 runs each, 1.0 GB): the WAL stays within this and one
 * transaction, however many processes write. About one writer's own peak (catchUp keeps that at
 * ~3 transactions, 250-290 MiB at 10,000 records): when one writer alone reaches it, catchUp has
 * just had everything copied, so the checkpoint only empties the WAL and adds no wait.
 */
const WAL_HARD_LIMIT = 256 * 2 ** 20;
/** How long a transaction tries to empty the WAL before going on without (restartWal). */
const RESTART_MS = 10_000;
/** How long a transaction waits for a checkpoint at most (the thread may be gone without a word). */
const CATCH_UP_MS = 60_000;

interface Checkpointer {
  nudge(): void;
  /** The WAL, as the last checkpoint found it, is past WAL_LIMIT. */
  behind(): boolean;
  /** Block until every checkpoint asked for is done (or the thread failed, or CATCH_UP_MS passed). */
  catchUp(): void;
  stop(): Promise<void>;
}

// Shared with the thread (Int32Array slots). The writing thread runs synchronously through an ingest
// (node:sqlite and the file reads are synchronous) and turns the event loop seldom (every 50 ms when an
// interruptible command lets it, loopTurns) or never, so messages from the thread would arrive late or
// only at the end. It reads these instead, at each transaction.
const DONE = 0; // checkpoints done
const LOG = 1; // frames in the WAL when the last one ran
const FAILED = 2; // 1: the thread could not open the store or a checkpoint failed

// The checkpointing thread: its own connection, a PASSIVE checkpoint (never blocks the writer) per nudge.
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const state = new Int32Array(workerData.state);
const fail = () => { Atomics.store(state, ${FAILED}, 1); Atomics.notify(state, ${DONE}); };
let db, checkpoint;
try {
  db = new DatabaseSync(workerData.file);
  db.exec('PRAGMA busy_timeout = ${BUSY_MS}; PRAGMA synchronous = NORMAL');
  checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
} catch (err) { fail(); throw err; }
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  try { Atomics.store(state, ${LOG}, Number(checkpoint.get().log)); } catch { fail(); }
  Atomics.add(state, ${DONE}, 1);
  Atomics.notify(state, ${DONE});
});`;

/**
 * Checkpoints off the writing thread, once a transaction shows this is a bulk ingest. A
 * commit normally also copies the WAL into the database file and fsyncs it before returning
 * (wal_autocheckpoint): in a bulk ingest, waiting for that fsync was a quarter of the time
 * (bench/store.mjs, docs/STORE.md). Here the writer's commits only append to the WAL, and a
 * second connection on its own thread checkpoints behind them (PASSIVE: it never blocks the
 * writer or readers); the last close checkpoints the rest as before. Durability is unchanged
 * (synchronous = NORMAL either way). If the thread fails, commits checkpoint themselves again.
 */
function startCheckpointer(db: DatabaseSync, file: string): Checkpointer | null {
  const state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker;
  try {
    worker = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { file: path.resolve(file), state: state.buffer } });
  } catch {
    return null;
  }
  const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
  db.exec('PRAGMA wal_autocheckpoint = 0');
  let alive = true;
  let asked = 0;
  const fallBack = () => {
    if (!alive) return;
    alive = false;
    db.exec('PRAGMA wal_autocheckpoint = 1000');
  };
  // Read before each transaction and nudge: a failed thread hands checkpoints back to the commits.
  const failed = () => {
    if (alive && Atomics.load(state, FAILED) === 1) fallBack();
    return !alive;
  };
  worker.on('error', fallBack);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.unref();
  return {
    nudge: () => {
      if (failed()) return;
      asked++;
      worker.postMessage('nudge');
    },
    behind: () => !failed() && Atomics.load(state, LOG) * pageSize >= WAL_LIMIT,
    catchUp() {
      const until = Date.now() + CATCH_UP_MS;
      for (let done = Atomics.load(state, DONE); done < asked && !failed() && Date.now() < until; done = Atomics.load(state, DONE)) {
        Atomics.wait(state, DONE, done, Math.min(1000, until - Date.now()));
      }
      // All of it copied: the transaction about to begin rewinds the WAL (unless a reader still reads
      // from it, which the next checkpoint shows).
      if (Atomics.load(state, DONE) >= asked) Atomics.store(state, LOG, 0);
    },
    async stop() {
      // Wait for a checkpoint under way (the thread must stay counted while we wait for it).
      worker.ref();
      worker.postMessage('stop');
      alive = false;
      await exited;
    },
  };
}
