/**
 * The planner's statistics after a bulk write (PostgreSQL). A new store has none until
 * autovacuum's next round (autovacuum_naptime, a minute by default) analyses it: a question
 * asked right after ingesting thousands of runs was planned for empty tables (measured,
 * 13,000 runs: the metric question over every run 39 s, 6 s once analysed; docs/STORE.md).
 * So a connection that changed a large share of a table analyses it before closing, by
 * autovacuum's own rule, at once rather than at autovacuum's next round.
 * (SQLite: see sqlite.ts close(), PRAGMA optimize.)
 */
import type { Db } from './db.js';
import { LEDGER_TABLES } from './migrations.js';

/** Rows changed per ledger table. */
export type Tally = Map<string, number>;

const LEDGER = new Set<string>(LEDGER_TABLES);
const WRITE = /^\s*(?:INSERT\s+INTO|DELETE\s+FROM)\s+(\w+)/i;

/** Count the rows a statement inserted into or deleted from a ledger table (the store's own SQL names its table first). */
export function tallyWrites(tally: Tally, sql: string, rows: number): void {
  const table = WRITE.exec(sql)?.[1]?.toLowerCase();
  if (rows > 0 && table !== undefined && LEDGER.has(table)) tally.set(table, (tally.get(table) ?? 0) + rows);
}

/**
 * autovacuum's default rule (autovacuum_analyze_threshold 50, autovacuum_analyze_scale_factor 0.1):
 * a table is analysed once the rows changed since its last analysis reach 50 + 10 % of the rows it
 * then held (`reltuples`; -1 when never analysed). A few runs added to a large store analyse nothing.
 */
export function analyseDue(changed: number, reltuples: number): boolean {
  return changed >= 50 + 0.1 * Math.max(0, reltuples);
}

/** How long ANALYZE waits for a table lock (another ANALYZE, VACUUM or a schema change) before it gives up. */
const LOCK_TIMEOUT = '5s';

/**
 * ANALYZE the tables this connection changed enough (analyseDue), after its last commit. ANALYZE
 * takes a SHARE UPDATE EXCLUSIVE lock: readers and writers go on; another ANALYZE or VACUUM of the
 * table waits, or this one does, for at most LOCK_TIMEOUT. Only the tables' owner (or the
 * database's, or a superuser) may analyse them (PostgreSQL's rule): a role that may not (the ingest
 * role of docs/STORE.md "Roles") is told so through `note`, and autovacuum does it at its next
 * round. Never fails the command: the runs are stored; a failure is a note too.
 */
export async function refreshStatistics(db: Db, written: Tally, note?: (message: string) => void): Promise<void> {
  try {
    const tables = await db.all<{ name: string; reltuples: number; mine: boolean }>(
      `SELECT t.name, c.reltuples,
         pg_has_role(c.relowner, 'USAGE') OR EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = current_database() AND pg_has_role(d.datdba, 'USAGE')) AS mine
       FROM unnest(?::text[]) AS t(name) JOIN pg_class c ON c.oid = to_regclass(t.name)`,
      [`{${[...written.keys()].join(',')}}`],
    );
    const due = tables.filter((t) => analyseDue(written.get(t.name) ?? 0, Number(t.reltuples)));
    const mine = due.filter((t) => t.mine).map((t) => t.name);
    if (mine.length > 0) {
      await db.transaction(async (tx) => {
        await tx.run(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
        await tx.run(`ANALYZE ${mine.map((t) => `"${t}"`).join(', ')}`);
      });
    }
    if (mine.length < due.length) {
      note?.(`${db.location}: the planner's statistics of ${due.filter((t) => !t.mine).map((t) => t.name).join(', ')} were not refreshed (ANALYZE needs the tables' owner): autovacuum, where it is on, refreshes them at its next round (about a minute); until then a question may be planned for smaller tables and be slow. To refresh them now, run ANALYZE as the store's owner`);
    }
  } catch (err) {
    note?.(`${db.location}: the runs are stored, but the planner's statistics could not be refreshed (${(err as Error).message}): autovacuum, where it is on, refreshes them at its next round; run ANALYZE as the store's owner to do it now`);
  }
}
