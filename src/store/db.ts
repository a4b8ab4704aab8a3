/**
 * The one interface both backends implement: parameterised SQL written once with `?`
 * placeholders (the PostgreSQL backend numbers them), rows as plain objects, and
 * transactions. Only src/store/ speaks SQL; everything above asks `questions.ts`.
 */
export type SqlValue = string | number | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Queryable {
  all<T extends Row = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Run a statement; the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export interface Db extends Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store is, safe to print (a URL's password is removed). */
  readonly location: string;
  /** Several statements separated by `;` (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Read several statements from one snapshot of the store (a read-only transaction), so an
   * answer built from several queries never mixes states: an ingest or purge committed between
   * two of them is either wholly seen or not at all. `fn` gets this store, reading in it.
   */
  snapshot<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Present when the store was opened without a lock (an embedded store read by a user who cannot
   * write it, see sqlite-files.ts readMode): true when the file was written before the last read ended, so
   * what was read may mix two states and must be read again.
   */
  changedSinceOpen?(): boolean;
  /** The database user ingesting/purging (recorded in purge records). */
  user(): Promise<string>;
  close(): Promise<void>;
}
