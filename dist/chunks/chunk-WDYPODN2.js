import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  CheckError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/migrations.ts
var WORDS = {
  sqlite: { BLOB: "BLOB", SERIAL: "INTEGER PRIMARY KEY AUTOINCREMENT", DOUBLE: "REAL", RUN_NO: "INTEGER", WITHOUT_ROWID: "WITHOUT ROWID" },
  postgres: { BLOB: "BYTEA", SERIAL: "BIGSERIAL PRIMARY KEY", DOUBLE: "DOUBLE PRECISION", RUN_NO: "BIGINT", WITHOUT_ROWID: "" }
};
var CHILD_TABLES = ["datasets", "steps", "step_io", "models", "metrics"];
var RUN_TABLES = ["runs", ...CHILD_TABLES, "verifications"];
var LEDGER_TABLES = [...RUN_TABLES, "blobs", "purges", "sync_seen"];
var CORE = `
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
function sqliteAppendOnly(tables = LEDGER_TABLES) {
  return tables.map(
    (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'ml-provenance store is append-only: UPDATE on ${t} rejected'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'ml-provenance store is append-only: DELETE on ${t} rejected'); END`
  ).join(";");
}
__name(sqliteAppendOnly, "sqliteAppendOnly");
function postgresSecurity() {
  const roles = ["mlp_ingest", "mlp_reader", "mlp_auditor", "mlp_purger"];
  const t = LEDGER_TABLES.join(", ");
  const runChildren = RUN_TABLES.filter((x) => x !== "runs");
  return `
DO $$ BEGIN
  ${roles.map((r) => `IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${r}') THEN CREATE ROLE ${r} NOLOGIN; END IF;`).join("\n  ")}
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
${LEDGER_TABLES.map((x) => guardPostgresTable(x)).join("\n")}
REVOKE ALL ON ${t}, mlp_grants FROM PUBLIC;
GRANT SELECT ON mlp_migrations TO ${roles.join(", ")};
GRANT INSERT ON ${t} TO mlp_ingest;
GRANT SELECT ON sync_seen TO mlp_ingest;
GRANT USAGE ON SEQUENCE purges_id_seq TO mlp_purger;
GRANT SELECT ON ${t} TO mlp_reader, mlp_auditor, mlp_purger;
GRANT INSERT ON purges TO mlp_purger;
GRANT DELETE ON ${[...RUN_TABLES, "blobs"].join(", ")} TO mlp_purger;
ALTER TABLE runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY runs_read ON runs FOR SELECT USING (mlp_can_read(owner, repo, current_user));
CREATE POLICY runs_ingest ON runs FOR INSERT TO mlp_ingest WITH CHECK (true);
CREATE POLICY runs_purge ON runs FOR DELETE TO mlp_purger USING (true);
${runChildren.map((x) => childPolicies(x, `r.run_id = ${x}.run_id`)).join("\n")}
ALTER TABLE blobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY blobs_read ON blobs FOR SELECT USING (EXISTS (SELECT 1 FROM runs r WHERE r.doc_sha256 = blobs.sha256));
CREATE POLICY blobs_ingest ON blobs FOR INSERT TO mlp_ingest WITH CHECK (true);
CREATE POLICY blobs_purge ON blobs FOR DELETE TO mlp_purger USING (true)`;
}
__name(postgresSecurity, "postgresSecurity");
var CHILDREN_V3 = {
  datasets: {
    columns: `ord INTEGER NOT NULL, ds_id TEXT NOT NULL, version TEXT, digest TEXT, uri TEXT, derived INTEGER NOT NULL, is_output INTEGER NOT NULL, feeds INTEGER NOT NULL`,
    key: "run_no, ord"
  },
  steps: { columns: "ord INTEGER NOT NULL, name TEXT NOT NULL, library TEXT, version TEXT", key: "run_no, ord" },
  step_io: { columns: "step_ord INTEGER NOT NULL, direction TEXT NOT NULL, dataset_ord INTEGER NOT NULL", key: "run_no, step_ord, direction, dataset_ord" },
  models: { columns: "ord INTEGER NOT NULL, sha256 TEXT NOT NULL, path TEXT NOT NULL", key: "run_no, ord" },
  metrics: { columns: "ord INTEGER NOT NULL, name TEXT NOT NULL, value {{DOUBLE}} NOT NULL, epoch INTEGER, step INTEGER, split TEXT, final INTEGER NOT NULL", key: "run_no, ord" }
};
var NEW_IN_V3 = {
  // latestByEpoch: the greatest (epoch, step) per name and split; on a tie the later row.
  metrics: {
    final: `CASE WHEN ROW_NUMBER() OVER (PARTITION BY c.run_id, c.name, COALESCE(c.split, '') ORDER BY COALESCE(c.epoch, -1) DESC, COALESCE(c.step, -1) DESC, c.ord DESC) = 1 THEN 1 ELSE 0 END`
  }
};
var columnNames = /* @__PURE__ */ __name((columns) => columns.split(",").map((c) => c.trim().split(" ")[0]), "columnNames");
var RUN_COLUMNS_V2 = "run_id, doc_sha256, kind, owner, repo, builder, invocation_id, started_on, finished_on, git_commit, source, ingested_at";
var INDEXES_V3 = `
CREATE INDEX datasets_id ON datasets (ds_id, version);
CREATE INDEX datasets_read_digest ON datasets (digest) WHERE is_output = 0;
CREATE INDEX datasets_written_digest ON datasets (digest) WHERE is_output = 1;
CREATE INDEX models_sha ON models (sha256);
DROP INDEX IF EXISTS metrics_name`;
function rebuildChildren(d) {
  return CHILD_TABLES.map((t) => {
    const { columns, key } = CHILDREN_V3[t];
    const names = columnNames(columns);
    return `
CREATE TABLE ${t}_v3 (run_no {{RUN_NO}} NOT NULL, ${columns}, PRIMARY KEY (${key})) {{WITHOUT_ROWID}};
INSERT INTO ${t}_v3 (run_no, ${names.join(", ")}) SELECT r.run_no, ${names.map((n) => NEW_IN_V3[t]?.[n] ?? `c.${n}`).join(", ")} FROM ${t} c JOIN runs r ON r.run_id = c.run_id ORDER BY r.run_no;
DROP TABLE ${t};
ALTER TABLE ${t}_v3 RENAME TO ${t}${d === "postgres" ? `;
ALTER INDEX ${t}_v3_pkey RENAME TO ${t}_pkey` : ""}`;
  }).join(";");
}
__name(rebuildChildren, "rebuildChildren");
function sqliteRunNumbers() {
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
${rebuildChildren("sqlite")};
${INDEXES_V3};
${sqliteAppendOnly(["runs", ...CHILD_TABLES])}`;
}
__name(sqliteRunNumbers, "sqliteRunNumbers");
function postgresRunNumbers() {
  const children = CHILD_TABLES.join(", ");
  return `
ALTER TABLE runs ADD COLUMN run_no BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE runs ADD CONSTRAINT runs_run_no_key UNIQUE (run_no);
${rebuildChildren("postgres")};
${INDEXES_V3};
${CHILD_TABLES.map((x) => guardPostgresTable(x)).join("\n")}
REVOKE ALL ON ${children} FROM PUBLIC;
GRANT INSERT ON ${children} TO mlp_ingest;
GRANT SELECT ON ${children} TO mlp_reader, mlp_auditor, mlp_purger;
GRANT DELETE ON ${children} TO mlp_purger;
GRANT SELECT (run_no) ON runs TO mlp_ingest;
CREATE POLICY runs_ingest_number ON runs FOR SELECT TO mlp_ingest USING (true);
${CHILD_TABLES.map((x) => childPolicies(x, `r.run_no = ${x}.run_no`)).join("\n")}`;
}
__name(postgresRunNumbers, "postgresRunNumbers");
function guardPostgresTable(x) {
  return `CREATE TRIGGER ${x}_append_only BEFORE UPDATE OR DELETE ON ${x} FOR EACH ROW EXECUTE FUNCTION mlp_append_only();
CREATE TRIGGER ${x}_no_truncate BEFORE TRUNCATE ON ${x} FOR EACH STATEMENT EXECUTE FUNCTION mlp_append_only();`;
}
__name(guardPostgresTable, "guardPostgresTable");
function childPolicies(x, join) {
  return `ALTER TABLE ${x} ENABLE ROW LEVEL SECURITY;
CREATE POLICY ${x}_read ON ${x} FOR SELECT USING (EXISTS (SELECT 1 FROM runs r WHERE ${join}));
CREATE POLICY ${x}_ingest ON ${x} FOR INSERT TO mlp_ingest WITH CHECK (true);
CREATE POLICY ${x}_purge ON ${x} FOR DELETE TO mlp_purger USING (true);`;
}
__name(childPolicies, "childPolicies");
async function orphanRows(tx) {
  const found = [];
  for (const t of CHILD_TABLES) {
    const n = Number((await tx.all(`SELECT COUNT(*) AS n FROM ${t} c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id = c.run_id)`))[0]?.n ?? 0);
    if (n > 0) found.push(`${n} in ${t}`);
  }
  return found.length ? `the store holds rows for runs that are not in it (${found.join(", ")}), written to the database directly; upgrading would drop them` : void 0;
}
__name(orphanRows, "orphanRows");
function postgresIngestOwnRuns() {
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
__name(postgresIngestOwnRuns, "postgresIngestOwnRuns");
var unnamed = /* @__PURE__ */ __name((id) => `NOT EXISTS (SELECT 1 FROM public.purge_runs pr WHERE pr.run_id = ${id} AND pr.purge_id = ANY (mine))`, "unnamed");
var PURGE_STATEMENT_CHECKS = {
  runs: ["g.run_id", `gone g WHERE ${unnamed("g.run_id")}`],
  verifications: ["g.run_id", `gone g WHERE ${unnamed("g.run_id")}`],
  // A child row of a run still in the store: that run must be named (rows of runs already deleted in this purge pass).
  ...Object.fromEntries(CHILD_TABLES.map((t) => [t, ["r.run_id", `gone g JOIN public.runs r ON r.run_no = g.run_no WHERE ${unnamed("r.run_id")}`]])),
  blobs: ["g.sha256", "gone g WHERE EXISTS (SELECT 1 FROM public.runs r WHERE r.doc_sha256 = g.sha256)"]
};
function postgresTruthfulPurges() {
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
CREATE TRIGGER ${t}_purge_named AFTER DELETE ON ${t} REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION mlp_purge_check_${t}();`
  );
  return `
CREATE TABLE purge_runs (purge_id BIGINT NOT NULL, run_id TEXT NOT NULL, PRIMARY KEY (run_id, purge_id));
${guardPostgresTable("purge_runs")}
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
${checks.join("\n")}`;
}
__name(postgresTruthfulPurges, "postgresTruthfulPurges");
function postgresPurgeNamesAfterInsert() {
  return `
DROP TRIGGER purges_name_stored_runs ON purges;
CREATE TRIGGER purges_name_stored_runs AFTER INSERT ON purges FOR EACH ROW EXECUTE FUNCTION mlp_purge_record_names_runs();
REVOKE INSERT ON purges FROM mlp_purger;
GRANT INSERT (purged_at, purged_by, reason, criteria, run_ids) ON purges TO mlp_purger;`;
}
__name(postgresPurgeNamesAfterInsert, "postgresPurgeNamesAfterInsert");
function postgresBlobsUnreferenced() {
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
__name(postgresBlobsUnreferenced, "postgresBlobsUnreferenced");
var WRITTEN_HERE = `p.xact = pg_current_xact_id_if_assigned()
     AND pg_xact_status((p.xact::text::bigint + ((p.xmin::text::bigint - p.xact::text::bigint % 4294967296) % 4294967296 + 4294967296) % 4294967296)::text::xid8) = 'in progress'`;
function postgresPurgesOfSubtransactions() {
  const checks = Object.entries(PURGE_STATEMENT_CHECKS).filter(([t]) => t !== "blobs").map(
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
END $f$;`
  );
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
${checks.join("\n")}`;
}
__name(postgresPurgesOfSubtransactions, "postgresPurgesOfSubtransactions");
var MIGRATIONS = [
  { version: 1, name: "ledger tables", sql: /* @__PURE__ */ __name(() => CORE, "sql") },
  { version: 2, name: "append-only and access control", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? sqliteAppendOnly() : postgresSecurity(), "sql") },
  { version: 3, name: "integer run numbers", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? sqliteRunNumbers() : postgresRunNumbers(), "sql"), check: orphanRows },
  // SQLite has no roles: nothing to change there (the version is recorded all the same).
  { version: 4, name: "ingest takes run numbers from the sequence, reads no run; deletes need a purge record", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? "" : postgresIngestOwnRuns(), "sql") },
  // SQLite: the file's owner is the purger and can do anything with the file; nothing to check against.
  { version: 5, name: "a purge record names exactly the runs its transaction deletes", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? "" : postgresTruthfulPurges(), "sql") },
  { version: 6, name: "purge_runs holds only what stored purge records name", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? "" : postgresPurgeNamesAfterInsert(), "sql") },
  { version: 7, name: "a blob a verification names is not deleted", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? "" : postgresBlobsUnreferenced(), "sql") },
  { version: 8, name: "a purge record written in a subtransaction is its transaction's own", sql: /* @__PURE__ */ __name((d) => d === "sqlite" ? "" : postgresPurgesOfSubtransactions(), "sql") }
];
var SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
function lastWithWork(d) {
  return Math.max(...MIGRATIONS.filter((m) => m.sql(d).trim() !== "").map((m) => m.version));
}
__name(lastWithWork, "lastWithWork");
function dialectSql(sql, d) {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, w) => WORDS[d][w]);
}
__name(dialectSql, "dialectSql");
async function migrate(db) {
  const exists = db.dialect === "postgres" ? (await db.all("SELECT to_regclass('mlp_migrations')::text AS t"))[0]?.t : (await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'mlp_migrations'"))[0]?.name;
  if (!exists) await db.exec(`CREATE TABLE IF NOT EXISTS mlp_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = /* @__PURE__ */ __name(async () => Number((await db.all("SELECT MAX(version) AS v FROM mlp_migrations"))[0]?.v ?? 0), "current");
  if (await current() >= lastWithWork(db.dialect)) return;
  await db.transaction(async (tx) => {
    if (db.dialect === "postgres") await tx.all("SELECT pg_advisory_xact_lock(7270001)");
    const have = Number((await tx.all("SELECT MAX(version) AS v FROM mlp_migrations"))[0]?.v ?? 0);
    for (const m of MIGRATIONS) {
      if (m.version <= have) continue;
      const refused = await m.check?.(tx);
      if (refused) {
        throw new CheckError("store-upgrade-refused", `cannot upgrade ${db.location} to schema ${m.version} (${m.name}): ${refused}`, {
          fix: "`store audit` with the previous ml-provenance release lists them; review and remove them as the store's owner, or keep using that release with this store"
        });
      }
      for (const stmt of splitSql(dialectSql(m.sql(db.dialect), db.dialect))) await tx.run(stmt);
      await tx.run("INSERT INTO mlp_migrations (version, name, applied_at) VALUES (?, ?, ?)", [m.version, m.name, (/* @__PURE__ */ new Date()).toISOString()]);
    }
  });
}
__name(migrate, "migrate");
function splitSql(sql) {
  const out = [];
  let cur = "";
  let inBody = false;
  for (const line of sql.split("\n")) {
    if ((line.match(/\$f?\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    cur += line + "\n";
    if (!inBody && /;\s*$/.test(line)) {
      out.push(cur.trim().replace(/;$/, ""));
      cur = "";
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out.map((s) => s.replace(/--[^\n']*$/gm, "").trim()).filter((s) => s !== "");
}
__name(splitSql, "splitSql");

export {
  CHILD_TABLES,
  RUN_TABLES,
  LEDGER_TABLES,
  SCHEMA_VERSION,
  migrate
};
