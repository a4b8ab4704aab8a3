import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from './db.js';
import { badStore, storeError } from './errors.js';
import { parseStoreSpec, redactUrl } from './location.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { InputError, ProvenanceError, ServiceError } from '../errors.js';
import type { Logger } from '../util/log.js';

export interface OpenOptions {
  /**
   * Create an embedded store that does not exist yet (ingest, sync, the action). Commands
   * that only read (questions, audit, purge, grant) refuse instead: a mistyped path must
   * not leave an empty store (and its folders) behind and answer "no run".
   */
  create?: boolean;
  /**
   * The command only reads (questions, audit, export): an embedded store the user cannot write
   * is read without writing anything beside it (sqlite-files.ts readMode), and read again if a writer
   * wrote it meanwhile (withStore).
   */
  readOnly?: boolean;
  /**
   * A command that can be interrupted (ingest, sync): on SQLite, a transaction waiting for another
   * writer's lock stops waiting when it is aborted, and rejects with its reason.
   */
  signal?: AbortSignal;
  /**
   * Where a command that writes hears of a problem that loses nothing (an embedded store's WAL left uncopied at close),
   * and (info) of a server's statistics it could not refresh at close (statistics.ts).
   */
  logger?: Pick<Logger, 'warning'> & Partial<Pick<Logger, 'info'>>;
}

/** Reads of a store opened without a lock that a writer changed under them, before giving up. */
const READ_ATTEMPTS = 3;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What `--store PATH` names, checked before SQLite touches it (it would say "unable to open" or "file is not a database"). */
function checkStoreFile(file: string, create: boolean): void {
  let st;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    // A folder on the way that this user may not enter (e.g. the owner's, 0750 with a group it is not in).
    if ((err as NodeJS.ErrnoException).code !== 'EACCES') throw err;
    throw new InputError('store-unreadable', `${file}: permission denied (a folder on its path is not open to you)`, {
      fix: "ask the store's owner to let you in: the folder holding the store needs search permission for you (e.g. `chmod g+x` and a shared group; readers need no write access), or ask as the owner",
      file,
    });
  }
  if (!st) {
    if (create) return;
    throw new InputError('no-store', `no store at ${file}`, {
      fix: 'pass --store the store you ingested into (a file, or postgres://…), or create it with `ml-provenance store ingest BUNDLE --store ' + file + '`',
      file,
    });
  }
  if (st.isDirectory()) throw badStore(file, 'is a directory, not a store file');
  if (!st.isFile() || st.size === 0) return;
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    readSync(fd, head, 0, head.length, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EACCES') {
      throw new InputError('store-unreadable', `${file}: permission denied (the store file is not readable for you)`, {
        fix: "a store file is created owner-only: ask its owner to let you read it (e.g. `chmod g+r` and a shared group; readers need no write access), or ask as the owner",
        file,
      });
    }
    return; // otherwise SQLite's own error says what is wrong
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!head.equals(SQLITE_MAGIC)) throw badStore(file, 'is not a store (not an SQLite database file)');
}

/** An SQLite database that holds other tables but no ml-provenance schema is someone else's: never write into it. */
async function refuseForeignDatabase(db: Db): Promise<void> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  if (tables.length > 0 && !tables.some((t) => t.name === 'mlp_migrations')) {
    throw badStore(db.location, `is an SQLite database but not an ml-provenance store (it holds ${tables.length} other table(s), e.g. ${tables[0]!.name})`);
  }
}

/**
 * Open the store `--store` names (default: the embedded file) and bring its schema up
 * to date. The backends are imported on demand: `pg` only loads for a postgres:// URL.
 */
export async function openStore(spec: string | undefined, o: OpenOptions = {}): Promise<Db> {
  const s = parseStoreSpec(spec);
  let db: Db;
  try {
    if (s.kind === 'sqlite') {
      checkStoreFile(s.path, o.create ?? true);
      const { openSqlite } = await import('./sqlite.js');
      db = openSqlite(s.path, { readOnly: o.readOnly ?? false, ...(o.signal ? { signal: o.signal } : {}), ...(o.logger ? { warn: (m: string) => o.logger!.warning(m) } : {}) });
    } else {
      try {
        new URL(s.url);
      } catch {
        throw badStore(s.url, 'not a valid URL');
      }
      const { openPostgres } = await import('./postgres.js');
      const note = o.logger ? (m: string) => (o.logger!.info ?? o.logger!.warning)(m) : undefined;
      db = await openPostgres(s.url, { ...(o.signal ? { signal: o.signal } : {}), ...(note ? { note } : {}) });
    }
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    throw storeError(err, s.kind === 'sqlite' ? s.path : redactUrl(s.url), 'opening the store');
  }
  try {
    if (db.dialect === 'sqlite') await refuseForeignDatabase(db);
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    if (err instanceof ProvenanceError) throw err;
    // Only the role that owns the tables can create or upgrade them; anyone else gets "permission denied" here.
    throw storeError(
      err,
      db.location,
      'applying the store schema',
      `the store's tables are missing or older than this release's (schema ${SCHEMA_VERSION}): open it once as the role that owns them (e.g. \`store grant --store postgres://ADMIN@…\`) to create or upgrade them, then run again`,
    );
  }
  return db;
}

/**
 * Open the store, run `fn`, and close it whatever happens. A store opened without a lock
 * (readOnly, a user who cannot write it) that was written meanwhile is read again: what `fn`
 * read may mix two states (or SQLite may have seen a half-written page and said "malformed").
 */
export async function withStore<T>(spec: string | undefined, fn: (db: Db) => Promise<T>, o: OpenOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const db = await openStore(spec, o);
    try {
      const out = await fn(db);
      if (!db.changedSinceOpen?.()) return out;
    } catch (err) {
      if (!db.changedSinceOpen?.()) throw err;
    } finally {
      await db.close().catch(() => undefined);
    }
    if (attempt === READ_ATTEMPTS) {
      throw new ServiceError('store-changed', `${db.location} was written while it was being read (${attempt} times): the answer could mix two states of the store`, {
        fix: 'ask again when the ingest writing it has finished, or as a user who can write the store file (SQLite then coordinates readers with writers)',
      });
    }
  }
}
