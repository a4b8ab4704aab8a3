import { InputError, ServiceError } from '../errors.js';
import { redactUrl } from './location.js';

/** A database failure as a user-facing error: the server's message, never the URL's credentials. */
export function storeError(err: unknown, location: string, doing: string, permissionFix?: string): ServiceError {
  const e = err as { message?: string; code?: string };
  const raw = redactUrl(String(e?.message ?? err));
  if (e?.code === '42501') {
    return new ServiceError('store-permission', `${doing} on ${location}: permission denied (${raw})`, {
      fix: permissionFix ?? 'connect as a role granted this (see docs/STORE.md "Roles"), e.g. mlp_ingest to ingest, mlp_purger to purge',
      cause: err,
    });
  }
  if (/readonly database/i.test(raw)) {
    return new ServiceError('store-read-only', `${doing} on ${location} failed: the store file is read-only for you (${raw})`, {
      fix: 'the file and its folder must be writable (SQLite writes -wal/-shm files beside it): ingest as the store file\'s owner, or copy the store',
      cause: err,
    });
  }
  // A limit on a query ran out: pg's own client-side query_timeout (the only one that ends a command whose server or
  // network stopped answering mid-query), or the server's statement_timeout / lock_timeout (57014 is also a cancel by hand).
  if (/^Query read timeout/.test(raw) || (e?.code === '57014' && /timeout/i.test(raw)) || e?.code === '55P03') {
    return new ServiceError('store-timeout', `${doing} on ${location} failed: a query did not finish in time (${raw})`, {
      fix: "a time limit set for the connection ran out (the URL's query_timeout, statement_timeout or lock_timeout, in milliseconds, or the role's): raise it for a large store, or find what holds the server (a long lock or query in pg_stat_activity, a stopped server or network)",
      cause: err,
    });
  }
  if (/connection timeout/i.test(raw)) {
    return new ServiceError('store-timeout', `${doing} on ${location} failed: the server did not answer in time (${raw})`, {
      fix: 'check the host and port name a PostgreSQL server that is up and reachable (a firewall that drops packets looks like this); to wait longer, add ?connect_timeout=SECONDS to the URL (0: no limit)',
      cause: err,
    });
  }
  // A run's rows go under a number no run had (ingest): a key taken means rows no run owns, written to the database directly.
  const orphan = /UNIQUE constraint failed: (datasets|steps|step_io|models|metrics)\.run_no/.exec(raw)?.[1] ?? (e?.code === '23505' ? /^(datasets|steps|step_io|models|metrics)_pkey$/.exec(String((err as { constraint?: string }).constraint))?.[1] : undefined);
  if (orphan) {
    return new ServiceError('store-orphan-rows', `${doing} on ${location} failed: the store already holds ${orphan} rows under the run number a new run was given, rows that no run owns (written to the database directly)`, {
      fix: '`store audit` lists them; remove them as the store\'s owner (or restore the store from a backup), then ingest again',
      cause: err,
    });
  }
  return new ServiceError('store-failed', `${doing} on ${location} failed: ${raw}`, {
    fix: 'check the store is reachable and the role may do this (docs/STORE.md), then run again',
    cause: err,
  });
}

export function badStore(spec: string, why: string): InputError {
  return new InputError('bad-store', `--store ${redactUrl(spec)}: ${why}`, {
    fix: 'pass --store PATH (an embedded store file) or --store postgres://USER@HOST:PORT/DB',
  });
}

/**
 * An ingest stopped on request (its AbortSignal, aborted with `reason`) at a safe point: between
 * runs, with the transaction under way committed, so `stored` new runs are in the store, each
 * whole, and nothing after them. `verifying`: stopped before anything was written.
 */
export class IngestInterrupted extends Error {
  constructor(
    readonly reason: unknown,
    readonly stored: number,
    readonly stage: 'verifying' | 'writing',
  ) {
    super(
      stage === 'verifying'
        ? 'interrupted while checking the bundles, before any was written: nothing was stored; run the same command again to ingest them'
        : `interrupted: ${stored} new run(s) stored (each complete), the rest not; run the same command again to store the rest (runs already stored are skipped)`,
    );
    this.name = 'IngestInterrupted';
  }
}
