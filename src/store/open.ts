import type { Db } from './db.js';
import { badStore, storeError } from './errors.js';
import { parseStoreSpec, redactUrl } from './location.js';
import { migrate } from './migrations.js';
import { ProvenanceError } from '../errors.js';

/**
 * Open the store `--store` names (default: the embedded file) and bring its schema up
 * to date. The backends are imported on demand: `pg` only loads for a postgres:// URL.
 */
export async function openStore(spec: string | undefined): Promise<Db> {
  const s = parseStoreSpec(spec);
  let db: Db;
  try {
    if (s.kind === 'sqlite') {
      const { openSqlite } = await import('./sqlite.js');
      db = openSqlite(s.path);
    } else {
      try {
        new URL(s.url);
      } catch {
        throw badStore(s.url, 'not a valid URL');
      }
      const { openPostgres } = await import('./postgres.js');
      db = await openPostgres(s.url);
    }
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    throw storeError(err, s.kind === 'sqlite' ? s.path : redactUrl(s.url), 'opening the store');
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    if (err instanceof ProvenanceError) throw err;
    throw storeError(err, db.location, 'applying the store schema');
  }
  return db;
}

/** Open the store, run `fn`, and close it whatever happens. */
export async function withStore<T>(spec: string | undefined, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore(spec);
  try {
    return await fn(db);
  } finally {
    await db.close().catch(() => undefined);
  }
}
