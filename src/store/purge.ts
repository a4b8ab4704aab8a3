/**
 * Retention: the one sanctioned delete. It removes the runs matching the criteria and
 * writes an append-only purge record (who, when, why, which statement digests) in the
 * same transaction, so the ledger stays explainable. On PostgreSQL only a member of
 * mlp_purger may (the append-only trigger lets a DELETE pass only for that role inside
 * a purge); a SQLite file cannot check roles, so its owner is the purger.
 */
import { InputError } from '../errors.js';
import type { Db, Queryable, SqlValue } from './db.js';
import { storeError } from './errors.js';
import { CHILD_TABLES, RUN_TABLES } from './migrations.js';

export interface PurgeCriteria {
  /** Runs that finished before this ISO date/time. */
  before?: string;
  /** OWNER/REPO, or OWNER/* for every repository of an owner. */
  repo?: string;
  reason: string;
}

export interface PurgeResult {
  runIds: string[];
  /** Stored bundles no run or verification pointed at any more (left by an earlier purge), removed with this one. */
  bundlesRemoved: string[];
  by: string;
  at: string;
}

/**
 * Stored bytes nothing points at: neither a run's document nor one a verification row names. Set
 * differences, one pass over each table (SQLite has no index on `verifications.doc_sha256`).
 */
export const UNREFERENCED_BLOBS = 'SELECT sha256 FROM blobs EXCEPT SELECT doc_sha256 FROM runs EXCEPT SELECT doc_sha256 FROM verifications ORDER BY sha256';

/**
 * Delete these bundles' bytes where nothing stored points at them any more (checked in the DELETE
 * itself: on PostgreSQL an ingest may have committed a run pointing at the same bytes since they
 * were chosen). The verification rows are read once per statement, not once per bundle: a
 * correlated NOT EXISTS scanned them for every bundle on SQLite (1.6 s per 500 bundles at 100,000
 * verification rows; this form 20 ms).
 */
async function dropUnreferenced(tx: Queryable, shas: string[]): Promise<void> {
  for (let i = 0; i < shas.length; i += 500) {
    const part = shas.slice(i, i + 500);
    const marks = part.map(() => '?').join(', ');
    await tx.run(
      `DELETE FROM blobs WHERE sha256 IN (${marks}) AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.doc_sha256 = blobs.sha256)
         AND sha256 NOT IN (SELECT v.doc_sha256 FROM verifications v WHERE v.doc_sha256 IN (${marks}))`,
      [...part, ...part],
    );
  }
}

export async function purgeRuns(db: Db, c: PurgeCriteria): Promise<PurgeResult> {
  if (!c.before && !c.repo) throw new InputError('purge-without-criteria', 'store purge needs --before DATE or --repo OWNER/REPO', { fix: 'say what to purge, e.g. --before 2025-01-01' });
  if (c.before && Number.isNaN(Date.parse(c.before))) {
    throw new InputError('bad-date', `--before must be a date, got "${c.before}"`, { fix: 'pass --before 2025-01-01 (ISO 8601)' });
  }
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (c.before) (where.push('finished_on < ?'), params.push(new Date(c.before).toISOString()));
  if (c.repo) {
    const [owner, repo] = c.repo.split('/');
    if (!owner || !repo) throw new InputError('bad-repo', `--repo must be OWNER/REPO or OWNER/*, got "${c.repo}"`, { fix: 'pass --repo octo-org/models' });
    where.push('owner = ?');
    params.push(owner);
    if (repo !== '*') (where.push('repo = ?'), params.push(repo));
  }
  const at = new Date().toISOString();
  try {
    const by = await db.user();
    return await db.transaction(async (tx) => {
      const ids = (await tx.all<{ run_id: string }>(`SELECT run_id FROM runs WHERE ${where.join(' AND ')} ORDER BY run_id`, params)).map((r) => r.run_id);
      // Bytes an earlier purge left (before migration 5 on PostgreSQL; a second bundle of a purged statement before
      // 2026-11-29): removed now, and named in this record, so the ledger says where they went.
      const stray = (await tx.all<{ sha256: string }>(UNREFERENCED_BLOBS)).map((r) => r.sha256);
      await tx.run('INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES (?, ?, ?, ?, ?)', [
        at,
        by,
        c.reason,
        JSON.stringify({ ...(c.before ? { before: c.before } : {}), ...(c.repo ? { repo: c.repo } : {}), ...(stray.length ? { unreferencedBundles: stray } : {}) }),
        JSON.stringify(ids),
      ]);
      if (ids.length === 0 && stray.length === 0) return { runIds: ids, bundlesRemoved: [], by, at };
      await unlock(db, tx, async () => {
        for (let i = 0; i < ids.length; i += 500) {
          const part = ids.slice(i, i + 500);
          const marks = part.map(() => '?').join(', ');
          // The runs' own documents, and other bundles of the same statements (ingested later: only a verification row names them).
          const docs = (
            await tx.all<{ doc_sha256: string }>(
              `SELECT doc_sha256 FROM runs WHERE run_id IN (${marks}) UNION SELECT doc_sha256 FROM verifications WHERE run_id IN (${marks})`,
              [...part, ...part],
            )
          ).map((r) => r.doc_sha256);
          // A run's rows first (keyed by its number), then the run.
          for (const t of CHILD_TABLES) await tx.run(`DELETE FROM ${t} WHERE run_no IN (SELECT run_no FROM runs WHERE run_id IN (${marks}))`, part);
          for (const t of ['verifications', 'runs']) await tx.run(`DELETE FROM ${t} WHERE run_id IN (${marks})`, part);
          // A document a kept run (or a kept run's verification) still points at stays.
          await dropUnreferenced(tx, docs);
        }
        await dropUnreferenced(tx, stray);
      });
      return { runIds: ids, bundlesRemoved: stray, by, at };
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw storeError(err, db.location, 'purging');
  }
}

/** Lift the append-only guard for this transaction only. */
async function unlock(db: Db, tx: Queryable, fn: () => Promise<void>): Promise<void> {
  if (db.dialect === 'postgres') {
    await tx.all("SELECT set_config('mlp.purge', 'on', true)");
    await fn();
    return;
  }
  // SQLite: drop the delete triggers and put them back in the same transaction (DDL is transactional there).
  const tables = [...RUN_TABLES, 'blobs'] as const;
  for (const t of tables) await tx.run(`DROP TRIGGER ${t}_no_delete`);
  await fn();
  for (const t of tables) {
    await tx.run(`CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'ml-provenance store is append-only: DELETE on ${t} rejected'); END`);
  }
}
