/**
 * The schema, as numbered migrations applied in order when a store is opened (each in
 * its own transaction, recorded in `mlp_migrations`). Tables are append-only: rows are
 * only ever inserted; purging (purge.ts) is the one sanctioned delete, and it is logged.
 * One DDL text serves both engines; the few differences are the `{{…}}` words below.
 */
import type { Db, Queryable } from './db.js';
import { CheckError } from '../errors.js';

const WORDS = {
  sqlite: { BLOB: 'BLOB', SERIAL: 'INTEGER PRIMARY KEY AUTOINCREMENT', DOUBLE: 'REAL', RUN_NO: 'INTEGER', WITHOUT_ROWID: 'WITHOUT ROWID' },
  postgres: { BLOB: 'BYTEA', SERIAL: 'BIGSERIAL PRIMARY KEY', DOUBLE: 'DOUBLE PRECISION', RUN_NO: 'BIGINT', WITHOUT_ROWID: '' },
} as const;

/** A run's derived rows, keyed by the run's number (`runs.run_no`, since migration 3). */
export const CHILD_TABLES = ['datasets', 'steps', 'step_io', 'models', 'metrics'] as const;
/** Tables that hold ledger data (append-only, row-level secured on PostgreSQL). */
export const RUN_TABLES = ['runs', ...CHILD_TABLES, 'verifications'] as const;
export const LEDGER_TABLES = [...RUN_TABLES, 'blobs', 'purges', 'sync_seen'] as const;

const CORE = `
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,          -- hex sha256 of the bytes: content-addressed
  bytes {{BLOB}} NOT NULL
);
CREATE TABLE runs (
  run_id TEXT PRIMARY KEY,          -- hex sha256 of the statement bytes (the DSSE payload): the stable run id
  doc_sha256 TEXT NOT NULL,         -- the bundle (or bare statement) these rows were derived from, in blobs
  kind TEXT NOT NULL,               -- 'bundle' | 'statement'
  owner TEXT NOT NULL,              -- repository owner ('' when the record names none)
  repo TEXT NOT NULL,               -- repository name
  builder TEXT NOT NULL,
  invocation_id TEXT,
  started_on TEXT,
  finished_on TEXT,
  git_commit TEXT,
  source TEXT,                      -- where it was ingested from (file, release asset)
  ingested_at TEXT NOT NULL
);
CREATE INDEX runs_repo_time ON runs (owner, repo, finished_on);
CREATE INDEX runs_doc ON runs (doc_sha256);
CREATE TABLE verifications (       -- one row each time a bundle verified at ingest (absent: stored with --no-verify)
  run_id TEXT NOT NULL,
  doc_sha256 TEXT NOT NULL,
  identity TEXT NOT NULL,           -- the signer policy it verified against
  verified_at TEXT NOT NULL,
  PRIMARY KEY (run_id, doc_sha256)
);
CREATE TABLE datasets (
  run_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  ds_id TEXT NOT NULL,
  version TEXT,
  digest TEXT,                      -- 'sha256:<hex>' when known: links runs through the same bytes
  uri TEXT,
  derived INTEGER NOT NULL,         -- 1: only a step output (not recorded as a dataset)
  is_output INTEGER NOT NULL,       -- 1: some step of the run wrote it
  feeds INTEGER NOT NULL,           -- 1: reaches training (no step consumed it)
  PRIMARY KEY (run_id, ord)
);
CREATE INDEX datasets_id ON datasets (ds_id, version);
CREATE INDEX datasets_digest ON datasets (digest);
CREATE TABLE steps (
  run_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  library TEXT,
  version TEXT,
  PRIMARY KEY (run_id, ord)
);
CREATE TABLE step_io (
  run_id TEXT NOT NULL,
  step_ord INTEGER NOT NULL,
  direction TEXT NOT NULL,          -- 'in' | 'out'
  dataset_ord INTEGER NOT NULL,
  PRIMARY KEY (run_id, step_ord, direction, dataset_ord)
);
CREATE TABLE models (
  run_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL,
  PRIMARY KEY (run_id, ord)
);
CREATE INDEX models_sha ON models (sha256);
CREATE TABLE metrics (
  run_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  value {{DOUBLE}} NOT NULL,
  epoch INTEGER,
  step INTEGER,
  split TEXT,
  PRIMARY KEY (run_id, ord)
);
CREATE INDEX metrics_name ON metrics (name, run_id);
CREATE TABLE purges (               -- the ledger of what retention removed, and why
  id {{SERIAL}},
  purged_at TEXT NOT NULL,
  purged_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  criteria TEXT NOT NULL,
  run_ids TEXT NOT NULL             -- JSON array of the statement digests removed
);
CREATE TABLE sync_seen (            -- release assets / artifacts / attestations already read: sync is incremental
  source TEXT NOT NULL,
  item TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (source, item)
)`;

/** SQLite: triggers reject changes (a guard against accidents; the file's permissions are the access control). */
function sqliteAppendOnly(tables: readonly string[] = LEDGER_TABLES): string {
  return tables.map(
    (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'ml-provenance store is append-only: UPDATE on ${t} rejected'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'ml-provenance store is append-only: DELETE on ${t} rejected'); END`,
  ).join(';');
}

/**
 * (mlp_can_read runs as its owner to read mlp_grants, where current_user is the owner:
 * the policy passes the asking role in.)
 * PostgreSQL: the roles, row-level security by repository, and a trigger that rejects
 * UPDATE/DELETE/TRUNCATE for everyone (a DELETE passes only inside a purge by a member
 * of mlp_purger). Creating the roles needs CREATEROLE: open the store once as its admin.
 */
function postgresSecurity(): string {
  const roles = ['mlp_ingest', 'mlp_reader', 'mlp_auditor', 'mlp_purger'];
  const t = LEDGER_TABLES.join(', ');
  const runChildren = RUN_TABLES.filter((x) => x !== 'runs');
  return `
DO $$ BEGIN
  ${roles.map((r) => `IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${r}') THEN CREATE ROLE ${r} NOLOGIN; END IF;`).join('\n  ')}
END $$;
CREATE TABLE mlp_grants (role_name TEXT NOT NULL, owner TEXT NOT NULL, repo TEXT NOT NULL, PRIMARY KEY (role_name, owner, repo));
CREATE FUNCTION mlp_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('mlp.purge', true) = 'on' AND pg_has_role(current_user, 'mlp_purger', 'MEMBER') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ml-provenance store is append-only: % on % rejected', TG_OP, TG_TABLE_NAME USING ERRCODE = '42501';
END $f$;
CREATE FUNCTION mlp_can_read(o TEXT, r TEXT, who NAME) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
  SELECT pg_has_role(who, 'mlp_auditor', 'MEMBER') OR pg_has_role(who, 'mlp_purger', 'MEMBER')
      OR EXISTS (SELECT 1 FROM public.mlp_grants g WHERE g.role_name = who AND g.owner = o AND (g.repo = '*' OR g.repo = r))
$f$;
${LEDGER_TABLES.map((x) => guardPostgresTable(x)).join('\n')}
REVOKE ALL ON ${t}, mlp_grants FROM PUBLIC;
GRANT SELECT ON mlp_migrations TO ${roles.join(', ')};
GRANT INSERT ON ${t} TO mlp_ingest;
GRANT SELECT ON sync_seen TO mlp_ingest;
GRANT USAGE ON SEQUENCE purges_id_seq TO mlp_purger;
GRANT SELECT ON ${t} TO mlp_reader, mlp_auditor, mlp_purger;
GRANT INSERT ON purges TO mlp_purger;
GRANT DELETE ON ${[...RUN_TABLES, 'blobs'].join(', ')} TO mlp_purger;
ALTER TABLE runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY runs_read ON runs FOR SELECT USING (mlp_can_read(owner, repo, current_user));
CREATE POLICY runs_ingest ON runs FOR INSERT TO mlp_ingest WITH CHECK (true);
CREATE POLICY runs_purge ON runs FOR DELETE TO mlp_purger USING (true);
${runChildren.map((x) => childPolicies(x, `r.run_id = ${x}.run_id`)).join('\n')}
ALTER TABLE blobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY blobs_read ON blobs FOR SELECT USING (EXISTS (SELECT 1 FROM runs r WHERE r.doc_sha256 = blobs.sha256));
CREATE POLICY blobs_ingest ON blobs FOR INSERT TO mlp_ingest WITH CHECK (true);
CREATE POLICY blobs_purge ON blobs FOR DELETE TO mlp_purger USING (true)`;
}

/**
 * Migration 3: runs get an integer number (`run_no`, assigned at insert) and a run's
 * derived rows are keyed by it instead of the 64-hex statement digest. Every child row
 * and index entry shrinks by ~60 bytes and new rows append at the end of each primary
 * key instead of landing at random places in it (on SQLite the child tables are
 * WITHOUT ROWID: the key is the table). Measured in bench/store.mjs: see docs/STORE.md.
 * The run id (statement digest) stays the one id users see; `run_no` never leaves the store.
 */
const CHILDREN_V3: Record<(typeof CHILD_TABLES)[number], { columns: string; key: string }> = {
  datasets: {
    columns: `ord INTEGER NOT NULL, ds_id TEXT NOT NULL, version TEXT, digest TEXT, uri TEXT, derived INTEGER NOT NULL, is_output INTEGER NOT NULL, feeds INTEGER NOT NULL`,
    key: 'run_no, ord',
  },
  steps: { columns: 'ord INTEGER NOT NULL, name TEXT NOT NULL, library TEXT, version TEXT', key: 'run_no, ord' },
  step_io: { columns: 'step_ord INTEGER NOT NULL, direction TEXT NOT NULL, dataset_ord INTEGER NOT NULL', key: 'run_no, step_ord, direction, dataset_ord' },
  models: { columns: 'ord INTEGER NOT NULL, sha256 TEXT NOT NULL, path TEXT NOT NULL', key: 'run_no, ord' },
  metrics: { columns: 'ord INTEGER NOT NULL, name TEXT NOT NULL, value {{DOUBLE}} NOT NULL, epoch INTEGER, step INTEGER, split TEXT, final INTEGER NOT NULL', key: 'run_no, ord' },
};
/** Columns schema 2 did not have, computed from its rows as derive.ts computes them (audit compares the two). */
const NEW_IN_V3: Partial<Record<(typeof CHILD_TABLES)[number], Record<string, string>>> = {
  // latestByEpoch: the greatest (epoch, step) per name and split; on a tie the later row.
  metrics: {
    final: `CASE WHEN ROW_NUMBER() OVER (PARTITION BY c.run_id, c.name, COALESCE(c.split, '') ORDER BY COALESCE(c.epoch, -1) DESC, COALESCE(c.step, -1) DESC, c.ord DESC) = 1 THEN 1 ELSE 0 END`,
  },
};
const columnNames = (columns: string): string[] => columns.split(',').map((c) => c.trim().split(' ')[0]!);
const RUN_COLUMNS_V2 = 'run_id, doc_sha256, kind, owner, repo, builder, invocation_id, started_on, finished_on, git_commit, source, ingested_at';
const INDEXES_V3 = `
CREATE INDEX datasets_id ON datasets (ds_id, version);
CREATE INDEX datasets_read_digest ON datasets (digest) WHERE is_output = 0;
CREATE INDEX datasets_written_digest ON datasets (digest) WHERE is_output = 1;
CREATE INDEX models_sha ON models (sha256);
DROP INDEX IF EXISTS metrics_name`;

/** Copy each child table into its run_no-keyed shape, then swap it in (its old indexes and guards go with it). */
function rebuildChildren(d: Db['dialect']): string {
  return CHILD_TABLES.map((t) => {
    const { columns, key } = CHILDREN_V3[t];
    const names = columnNames(columns);
    return `
CREATE TABLE ${t}_v3 (run_no {{RUN_NO}} NOT NULL, ${columns}, PRIMARY KEY (${key})) {{WITHOUT_ROWID}};
INSERT INTO ${t}_v3 (run_no, ${names.join(', ')}) SELECT r.run_no, ${names.map((n) => NEW_IN_V3[t]?.[n] ?? `c.${n}`).join(', ')} FROM ${t} c JOIN runs r ON r.run_id = c.run_id ORDER BY r.run_no;
DROP TABLE ${t};
ALTER TABLE ${t}_v3 RENAME TO ${t}${d === 'postgres' ? `;\nALTER INDEX ${t}_v3_pkey RENAME TO ${t}_pkey` : ''}`;
  }).join(';');
}

function sqliteRunNumbers(): string {
  return `
CREATE TABLE runs_v3 (
  run_no INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL UNIQUE,
  doc_sha256 TEXT NOT NULL, kind TEXT NOT NULL, owner TEXT NOT NULL, repo TEXT NOT NULL, builder TEXT NOT NULL,
  invocation_id TEXT, started_on TEXT, finished_on TEXT, git_commit TEXT, source TEXT, ingested_at TEXT NOT NULL
);
INSERT INTO runs_v3 (${RUN_COLUMNS_V2}) SELECT ${RUN_COLUMNS_V2} FROM runs ORDER BY ingested_at, rowid;
DROP TABLE runs;
ALTER TABLE runs_v3 RENAME TO runs;
CREATE INDEX runs_repo_time ON runs (owner, repo, finished_on);
CREATE INDEX runs_doc ON runs (doc_sha256);
${rebuildChildren('sqlite')};
${INDEXES_V3};
${sqliteAppendOnly(['runs', ...CHILD_TABLES])}`;
}

function postgresRunNumbers(): string {
  const children = CHILD_TABLES.join(', ');
  return `
ALTER TABLE runs ADD COLUMN run_no BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE runs ADD CONSTRAINT runs_run_no_key UNIQUE (run_no);
${rebuildChildren('postgres')};
${INDEXES_V3};
${CHILD_TABLES.map((x) => guardPostgresTable(x)).join('\n')}
REVOKE ALL ON ${children} FROM PUBLIC;
GRANT INSERT ON ${children} TO mlp_ingest;
GRANT SELECT ON ${children} TO mlp_reader, mlp_auditor, mlp_purger;
GRANT DELETE ON ${children} TO mlp_purger;
GRANT SELECT (run_no) ON runs TO mlp_ingest;
CREATE POLICY runs_ingest_number ON runs FOR SELECT TO mlp_ingest USING (true);
${CHILD_TABLES.map((x) => childPolicies(x, `r.run_no = ${x}.run_no`)).join('\n')}`;
}

/** PostgreSQL: the append-only trigger on one table. */
function guardPostgresTable(x: string): string {
  return `CREATE TRIGGER ${x}_append_only BEFORE UPDATE OR DELETE ON ${x} FOR EACH ROW EXECUTE FUNCTION mlp_append_only();
CREATE TRIGGER ${x}_no_truncate BEFORE TRUNCATE ON ${x} FOR EACH STATEMENT EXECUTE FUNCTION mlp_append_only();`;
}

/** PostgreSQL: a run's rows are readable exactly when its run is (`join` ties the row to `runs r`). */
function childPolicies(x: string, join: string): string {
  return `ALTER TABLE ${x} ENABLE ROW LEVEL SECURITY;
CREATE POLICY ${x}_read ON ${x} FOR SELECT USING (EXISTS (SELECT 1 FROM runs r WHERE ${join}));
CREATE POLICY ${x}_ingest ON ${x} FOR INSERT TO mlp_ingest WITH CHECK (true);
CREATE POLICY ${x}_purge ON ${x} FOR DELETE TO mlp_purger USING (true);`;
}

interface Migration {
  version: number;
  name: string;
  sql: (dialect: Db['dialect']) => string;
  /** Refuses to apply (a message saying why and what to do) when the store's data does not allow it. */
  check?: (tx: Queryable) => Promise<string | undefined>;
}

/**
 * Migration 3 carries a run's rows over by its run id; rows of a run that is not in the
 * store (written to the database directly: `store audit` reports them) would be lost, and
 * the ledger never drops rows silently.
 */
async function orphanRows(tx: Queryable): Promise<string | undefined> {
  const found: string[] = [];
  for (const t of CHILD_TABLES) {
    const n = Number((await tx.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t} c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id = c.run_id)`))[0]?.n ?? 0);
    if (n > 0) found.push(`${n} in ${t}`);
  }
  return found.length ? `the store holds rows for runs that are not in it (${found.join(', ')}), written to the database directly; upgrading would drop them` : undefined;
}

/**
 * Migration 4: the ingest role no longer reads `runs` at all. It takes a new run's number
 * from the identity's sequence (`nextval`, USAGE only) and inserts it, instead of
 * `INSERT … RETURNING run_no`, which needed a SELECT policy passing every row: a login that
 * is a member of mlp_ingest and of mlp_reader (a bot that ingests and asks) then saw every
 * repository's runs, and through them their rows and bundles. And `sync_seen` (which names
 * `release:OWNER/REPO`, `artifact:…`, `attestation:…`) gets row-level security like the runs:
 * a reader saw which repositories the store syncs, granted or not; the ingest role (sync) reads it all.
 */
function postgresIngestOwnRuns(): string {
  // Also: a DELETE passes only in a transaction that has written a purge record first (as store purge does).
  // Setting mlp.purge is open to any session, so a purger in psql could otherwise delete runs leaving no record.
  return `
CREATE OR REPLACE FUNCTION mlp_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('mlp.purge', true) = 'on' AND pg_has_role(current_user, 'mlp_purger', 'MEMBER')
     AND EXISTS (SELECT 1 FROM purges p WHERE p.xmin = xid(pg_current_xact_id_if_assigned())) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ml-provenance store is append-only: % on % rejected', TG_OP, TG_TABLE_NAME USING ERRCODE = '42501';
END $f$;
DROP POLICY runs_ingest_number ON runs;
REVOKE SELECT (run_no) ON runs FROM mlp_ingest;
GRANT USAGE ON SEQUENCE runs_run_no_seq TO mlp_ingest;
ALTER TABLE sync_seen ENABLE ROW LEVEL SECURITY;
CREATE POLICY sync_seen_read ON sync_seen FOR SELECT USING (mlp_can_read(split_part(split_part(source, ':', 2), '/', 1), split_part(split_part(source, ':', 2), '/', 2), current_user));
CREATE POLICY sync_seen_ingest ON sync_seen FOR SELECT TO mlp_ingest USING (true);
CREATE POLICY sync_seen_insert ON sync_seen FOR INSERT TO mlp_ingest WITH CHECK (true)`;
}

/**
 * Migration 5: a purge record says exactly what was deleted. Migration 4 made a DELETE
 * need a purge record in its transaction, but any record would do: a purger could name
 * one run and delete others, or name runs it then kept. Now, on PostgreSQL:
 * - a purge record may only name runs that are in the store (checked as it is inserted);
 *   the runs it names are also written to `purge_runs` (indexed by run id, append-only);
 * - every row a statement deletes must belong to a run named by this transaction's purge
 *   records (a blob: no run left points at it), checked once per statement over the
 *   deleted rows (a transition table), by index lookups into `runs` and `purge_runs` (seq scans
 *   are off in those checks: `purge_runs` is filled in the same transaction, so its statistics
 *   say empty and the planner scanned it once per deleted row: 20,000 runs took 7 minutes);
 * - at commit, no run the record names may still be in the store (a deferred trigger).
 * The checks run as the schema's owner (SECURITY DEFINER): a purger's own view of the rows cannot narrow them.
 * And the purger sees every bundle: a DELETE reads rows through the SELECT policies, and
 * blobs_read shows a bundle only while a run points at it, so a purge's
 * `DELETE FROM blobs` (after the runs) found nothing and left the purged bytes behind.
 * Readers no longer read `purges`: its criteria name repositories they may not be granted.
 */
// `mine`: the ids of this transaction's purge records (a variable in each check, so the lookup is an index condition).
const unnamed = (id: string) => `NOT EXISTS (SELECT 1 FROM public.purge_runs pr WHERE pr.run_id = ${id} AND pr.purge_id = ANY (mine))`;
/** Per table: the first deleted row's run (or bundle) that may not go, as `SELECT <bad> FROM <rest>`. */
const PURGE_STATEMENT_CHECKS: Record<string, [bad: string, rest: string]> = {
  runs: ['g.run_id', `gone g WHERE ${unnamed('g.run_id')}`],
  verifications: ['g.run_id', `gone g WHERE ${unnamed('g.run_id')}`],
  // A child row of a run still in the store: that run must be named (rows of runs already deleted in this purge pass).
  ...Object.fromEntries(CHILD_TABLES.map((t) => [t, ['r.run_id', `gone g JOIN public.runs r ON r.run_no = g.run_no WHERE ${unnamed('r.run_id')}`]])),
  blobs: ['g.sha256', 'gone g WHERE EXISTS (SELECT 1 FROM public.runs r WHERE r.doc_sha256 = g.sha256)'],
};

function postgresTruthfulPurges(): string {
  const checks = Object.entries(PURGE_STATEMENT_CHECKS).map(
    ([t, [bad, rest]]) => `
CREATE FUNCTION mlp_purge_check_${t}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET enable_seqscan = off AS $f$
DECLARE
  bad TEXT;
  mine BIGINT[] := ARRAY(SELECT p.id FROM public.purges p WHERE p.xmin = xid(pg_current_xact_id_if_assigned()));
BEGIN
  SELECT ${bad} INTO bad FROM ${rest};
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ml-provenance store: DELETE on ${t} removes rows of %, which no purge record of this transaction names', bad USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $f$;
CREATE TRIGGER ${t}_purge_named AFTER DELETE ON ${t} REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION mlp_purge_check_${t}();`,
  );
  return `
CREATE TABLE purge_runs (purge_id BIGINT NOT NULL, run_id TEXT NOT NULL, PRIMARY KEY (run_id, purge_id));
${guardPostgresTable('purge_runs')}
REVOKE ALL ON purge_runs FROM PUBLIC;
GRANT SELECT ON purge_runs TO mlp_auditor, mlp_purger;
REVOKE SELECT ON purges FROM mlp_reader;
CREATE FUNCTION mlp_purge_record_names_runs() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
DECLARE missing TEXT;
BEGIN
  IF jsonb_typeof(NEW.run_ids::jsonb) <> 'array' THEN
    RAISE EXCEPTION 'ml-provenance store: a purge record''s run_ids must be a JSON array of statement digests' USING ERRCODE = '22023';
  END IF;
  INSERT INTO public.purge_runs (purge_id, run_id) SELECT DISTINCT NEW.id, e.id FROM jsonb_array_elements_text(NEW.run_ids::jsonb) e(id);
  SELECT pr.run_id INTO missing FROM public.purge_runs pr WHERE pr.purge_id = NEW.id AND NOT EXISTS (SELECT 1 FROM public.runs r WHERE r.run_id = pr.run_id) LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'ml-provenance store: the purge record names run %, which is not in the store', missing USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER purges_name_stored_runs BEFORE INSERT ON purges FOR EACH ROW EXECUTE FUNCTION mlp_purge_record_names_runs();
CREATE FUNCTION mlp_purge_record_done() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
DECLARE kept TEXT;
BEGIN
  SELECT r.run_id INTO kept FROM public.purge_runs pr JOIN public.runs r ON r.run_id = pr.run_id WHERE pr.purge_id = NEW.id LIMIT 1;
  IF kept IS NOT NULL THEN
    RAISE EXCEPTION 'ml-provenance store: the purge record names run %, which is still in the store at commit', kept USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $f$;
CREATE CONSTRAINT TRIGGER purges_all_removed AFTER INSERT ON purges DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION mlp_purge_record_done();
CREATE POLICY blobs_purge_read ON blobs FOR SELECT TO mlp_purger, mlp_auditor USING (true);
${checks.join('\n')}`;
}

/**
 * Migration 6: `purge_runs` holds only what a stored purge record names. Migration 5 wrote it in
 * a BEFORE INSERT trigger, which also runs for a row `ON CONFLICT DO NOTHING` then skips: a purger
 * inserting a second row with its own record's id (`INSERT INTO purges (id, …) VALUES (<mine>, …,
 * '["<other run>"]') ON CONFLICT DO NOTHING`) added a run to its record's names in `purge_runs`
 * and deleted it, while the record kept in `purges` never named it. Now the names are written
 * AFTER INSERT (only rows actually stored), and the purger may not choose a record's id.
 */
function postgresPurgeNamesAfterInsert(): string {
  return `
DROP TRIGGER purges_name_stored_runs ON purges;
CREATE TRIGGER purges_name_stored_runs AFTER INSERT ON purges FOR EACH ROW EXECUTE FUNCTION mlp_purge_record_names_runs();
REVOKE INSERT ON purges FROM mlp_purger;
GRANT INSERT (purged_at, purged_by, reason, criteria, run_ids) ON purges TO mlp_purger;`;
}

/**
 * Migration 7: a blob goes only when nothing points at it, as store purge deletes them
 * (purge.ts dropUnreferenced): migration 5 checked the runs only, so a purger in psql (a purge
 * record, then `DELETE FROM blobs`) could remove the second bundle a kept run's verification
 * names; every answer then still said "verified" and only `store audit` found the bytes gone.
 * The lookup by document needs its own index (the key leads with the run id; seq scans are off).
 */
function postgresBlobsUnreferenced(): string {
  return `
CREATE INDEX verifications_doc ON verifications (doc_sha256);
CREATE OR REPLACE FUNCTION mlp_purge_check_blobs() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET enable_seqscan = off AS $f$
DECLARE
  bad TEXT;
BEGIN
  SELECT g.sha256 INTO bad FROM gone g
   WHERE EXISTS (SELECT 1 FROM public.runs r WHERE r.doc_sha256 = g.sha256) OR EXISTS (SELECT 1 FROM public.verifications v WHERE v.doc_sha256 = g.sha256);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ml-provenance store: DELETE on blobs removes %, which a run or a verification still points at', bad USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $f$;`;
}

/**
 * Migration 8: a purge record written inside a SAVEPOINT is its transaction's own. Until now a
 * record was "this transaction's" when its row's `xmin` was the top-level transaction id, but a
 * row written in a subtransaction carries the subtransaction's id, so the DELETEs after it were
 * refused. Now each record keeps the top-level transaction id it was written in (`xact`, set by a
 * BEFORE INSERT trigger from `pg_current_xact_id()`, which returns the top-level id inside a
 * subtransaction too; whatever an INSERT gives is overwritten, and the purger may not name the
 * column anyway), and a record is this transaction's when `xact` is the current top-level id and its
 * row's own writer (`xmin`, the top level or one of its subtransactions) is still in progress, which
 * for a row this transaction can see means: written by this transaction. The second condition keeps
 * an `xact` that was not set here from counting (a row written with triggers off, or copied from
 * another server, where ids are other transactions'); for such a row `pg_xact_status` fails
 * ("transaction ID … is in the future"), which refuses the DELETE too. A record in a subtransaction
 * rolled back is gone with it, and a record committed earlier is not in progress: neither lets
 * anything be deleted.
 */
// `xmin` holds the low 32 bits of the writer's id, which is `xact` itself or a subtransaction's, assigned after it.
const WRITTEN_HERE = `p.xact = pg_current_xact_id_if_assigned()
     AND pg_xact_status((p.xact::text::bigint + ((p.xmin::text::bigint - p.xact::text::bigint % 4294967296) % 4294967296 + 4294967296) % 4294967296)::text::xid8) = 'in progress'`;

function postgresPurgesOfSubtransactions(): string {
  const checks = Object.entries(PURGE_STATEMENT_CHECKS)
    .filter(([t]) => t !== 'blobs') // migration 7's check of blobs needs no purge record of its own
    .map(
      ([t, [bad, rest]]) => `
CREATE OR REPLACE FUNCTION mlp_purge_check_${t}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET enable_seqscan = off AS $f$
DECLARE
  bad TEXT;
  mine BIGINT[] := ARRAY(SELECT p.id FROM public.purges p WHERE ${WRITTEN_HERE});
BEGIN
  SELECT ${bad} INTO bad FROM ${rest};
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ml-provenance store: DELETE on ${t} removes rows of %, which no purge record of this transaction names', bad USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $f$;`,
    );
  // The append-only check runs for every deleted row: an index lookup, no function call of its own.
  return `
ALTER TABLE purges ADD COLUMN xact xid8;
CREATE INDEX purges_xact ON purges (xact);
CREATE FUNCTION mlp_purge_record_xact() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  NEW.xact := pg_current_xact_id();
  RETURN NEW;
END $f$;
CREATE TRIGGER purges_xact BEFORE INSERT ON purges FOR EACH ROW EXECUTE FUNCTION mlp_purge_record_xact();
CREATE OR REPLACE FUNCTION mlp_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('mlp.purge', true) = 'on' AND pg_has_role(current_user, 'mlp_purger', 'MEMBER')
     AND EXISTS (SELECT 1 FROM purges p WHERE ${WRITTEN_HERE}) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ml-provenance store is append-only: % on % rejected', TG_OP, TG_TABLE_NAME USING ERRCODE = '42501';
END $f$;
${checks.join('\n')}`;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'ledger tables', sql: () => CORE },
  { version: 2, name: 'append-only and access control', sql: (d) => (d === 'sqlite' ? sqliteAppendOnly() : postgresSecurity()) },
  { version: 3, name: 'integer run numbers', sql: (d) => (d === 'sqlite' ? sqliteRunNumbers() : postgresRunNumbers()), check: orphanRows },
  // SQLite has no roles: nothing to change there (the version is recorded all the same).
  { version: 4, name: 'ingest takes run numbers from the sequence, reads no run; deletes need a purge record', sql: (d) => (d === 'sqlite' ? '' : postgresIngestOwnRuns()) },
  // SQLite: the file's owner is the purger and can do anything with the file; nothing to check against.
  { version: 5, name: 'a purge record names exactly the runs its transaction deletes', sql: (d) => (d === 'sqlite' ? '' : postgresTruthfulPurges()) },
  { version: 6, name: 'purge_runs holds only what stored purge records name', sql: (d) => (d === 'sqlite' ? '' : postgresPurgeNamesAfterInsert()) },
  { version: 7, name: 'a blob a verification names is not deleted', sql: (d) => (d === 'sqlite' ? '' : postgresBlobsUnreferenced()) },
  { version: 8, name: 'a purge record written in a subtransaction is its transaction\'s own', sql: (d) => (d === 'sqlite' ? '' : postgresPurgesOfSubtransactions()) },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The last migration that changes anything on this engine. */
function lastWithWork(d: Db['dialect']): number {
  return Math.max(...MIGRATIONS.filter((m) => m.sql(d).trim() !== '').map((m) => m.version));
}

function dialectSql(sql: string, d: Db['dialect']): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, w: keyof (typeof WORDS)['sqlite']) => WORDS[d][w]);
}

/** Apply the migrations the store has not seen yet. Concurrent openers on PostgreSQL serialise on an advisory lock. */
export async function migrate(db: Db): Promise<void> {
  // Only the store's admin can create tables; other roles just read the version.
  const exists =
    db.dialect === 'postgres'
      ? (await db.all<{ t: string | null }>("SELECT to_regclass('mlp_migrations')::text AS t"))[0]?.t
      : (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'mlp_migrations'"))[0]?.name;
  if (!exists) await db.exec(`CREATE TABLE IF NOT EXISTS mlp_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = async () => Number((await db.all<{ v: number | null }>('SELECT MAX(version) AS v FROM mlp_migrations'))[0]?.v ?? 0);
  // A migration with nothing to do on this engine (4 on SQLite) does not make an open write: a store
  // file only readers may read (a shared copy, a read-only cache) stays readable. It is recorded with the next one.
  if ((await current()) >= lastWithWork(db.dialect)) return;
  await db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(7270001)');
    const have = Number((await tx.all<{ v: number | null }>('SELECT MAX(version) AS v FROM mlp_migrations'))[0]?.v ?? 0);
    for (const m of MIGRATIONS) {
      if (m.version <= have) continue;
      const refused = await m.check?.(tx);
      if (refused) {
        throw new CheckError('store-upgrade-refused', `cannot upgrade ${db.location} to schema ${m.version} (${m.name}): ${refused}`, {
          fix: '`store audit` with the previous ml-provenance release lists them; review and remove them as the store\'s owner, or keep using that release with this store',
        });
      }
      for (const stmt of splitSql(dialectSql(m.sql(db.dialect), db.dialect))) await tx.run(stmt);
      await tx.run('INSERT INTO mlp_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    }
  });
}

/** Split on `;` at line ends outside $…$ bodies (our DDL only). */
function splitSql(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if ((line.match(/\$f?\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    cur += line + '\n';
    if (!inBody && /;\s*$/.test(line)) {
      out.push(cur.trim().replace(/;$/, ''));
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out.map((s) => s.replace(/--[^\n']*$/gm, '').trim()).filter((s) => s !== '');
}
