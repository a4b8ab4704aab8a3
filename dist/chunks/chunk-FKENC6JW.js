import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  unreadableBundle
} from "./chunk-NFQFVJRT.js";
import {
  skippedStatementNote,
  trustDocuments
} from "./chunk-ZZ2FXLYW.js";
import {
  CHILD_TABLES,
  RUN_TABLES,
  SCHEMA_VERSION,
  migrate
} from "./chunk-WDYPODN2.js";
import {
  listRunsCommand,
  parseStoreSpec,
  redactUrl
} from "./chunk-BF4Q6TWI.js";
import {
  lineageWithin,
  outputDatasets,
  runFlow,
  subjectAncestry
} from "./chunk-O4K44SJ3.js";
import {
  bundleSigner
} from "./chunk-62XNHVZS.js";
import {
  documentFromBytes
} from "./chunk-LATVBRSX.js";
import {
  readFileChecked
} from "./chunk-KPRIV5WI.js";
import {
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  datasetRefCandidates,
  datasetUri,
  resolveDatasetRef
} from "./chunk-VLIFT7NW.js";
import {
  gitCommit,
  latestByEpoch
} from "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/open.ts
import { closeSync, openSync, readSync, statSync } from "node:fs";

// src/store/errors.ts
function storeError(err, location, doing, permissionFix) {
  const e = err;
  const raw = redactUrl(String(e?.message ?? err));
  if (e?.code === "42501") {
    return new ServiceError("store-permission", `${doing} on ${location}: permission denied (${raw})`, {
      fix: permissionFix ?? 'connect as a role granted this (see docs/STORE.md "Roles"), e.g. mlp_ingest to ingest, mlp_purger to purge',
      cause: err
    });
  }
  if (/readonly database/i.test(raw)) {
    return new ServiceError("store-read-only", `${doing} on ${location} failed: the store file is read-only for you (${raw})`, {
      fix: "the file and its folder must be writable (SQLite writes -wal/-shm files beside it): ingest as the store file's owner, or copy the store",
      cause: err
    });
  }
  if (/^Query read timeout/.test(raw) || e?.code === "57014" && /timeout/i.test(raw) || e?.code === "55P03") {
    return new ServiceError("store-timeout", `${doing} on ${location} failed: a query did not finish in time (${raw})`, {
      fix: "a time limit set for the connection ran out (the URL's query_timeout, statement_timeout or lock_timeout, in milliseconds, or the role's): raise it for a large store, or find what holds the server (a long lock or query in pg_stat_activity, a stopped server or network)",
      cause: err
    });
  }
  if (/connection timeout/i.test(raw)) {
    return new ServiceError("store-timeout", `${doing} on ${location} failed: the server did not answer in time (${raw})`, {
      fix: "check the host and port name a PostgreSQL server that is up and reachable (a firewall that drops packets looks like this); to wait longer, add ?connect_timeout=SECONDS to the URL (0: no limit)",
      cause: err
    });
  }
  const orphan = /UNIQUE constraint failed: (datasets|steps|step_io|models|metrics)\.run_no/.exec(raw)?.[1] ?? (e?.code === "23505" ? /^(datasets|steps|step_io|models|metrics)_pkey$/.exec(String(err.constraint))?.[1] : void 0);
  if (orphan) {
    return new ServiceError("store-orphan-rows", `${doing} on ${location} failed: the store already holds ${orphan} rows under the run number a new run was given, rows that no run owns (written to the database directly)`, {
      fix: "`store audit` lists them; remove them as the store's owner (or restore the store from a backup), then ingest again",
      cause: err
    });
  }
  return new ServiceError("store-failed", `${doing} on ${location} failed: ${raw}`, {
    fix: "check the store is reachable and the role may do this (docs/STORE.md), then run again",
    cause: err
  });
}
__name(storeError, "storeError");
function badStore(spec, why) {
  return new InputError("bad-store", `--store ${redactUrl(spec)}: ${why}`, {
    fix: "pass --store PATH (an embedded store file) or --store postgres://USER@HOST:PORT/DB"
  });
}
__name(badStore, "badStore");
var IngestInterrupted = class extends Error {
  constructor(reason, stored, stage) {
    super(
      stage === "verifying" ? "interrupted while checking the bundles, before any was written: nothing was stored; run the same command again to ingest them" : `interrupted: ${stored} new run(s) stored (each complete), the rest not; run the same command again to store the rest (runs already stored are skipped)`
    );
    this.reason = reason;
    this.stored = stored;
    this.stage = stage;
    this.name = "IngestInterrupted";
  }
  reason;
  stored;
  stage;
  static {
    __name(this, "IngestInterrupted");
  }
};

// src/store/open.ts
var READ_ATTEMPTS = 3;
var SQLITE_MAGIC = Buffer.from("SQLite format 3\0", "latin1");
function checkStoreFile(file, create) {
  let st;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    if (err.code !== "EACCES") throw err;
    throw new InputError("store-unreadable", `${file}: permission denied (a folder on its path is not open to you)`, {
      fix: "ask the store's owner to let you in: the folder holding the store needs search permission for you (e.g. `chmod g+x` and a shared group; readers need no write access), or ask as the owner",
      file
    });
  }
  if (!st) {
    if (create) return;
    throw new InputError("no-store", `no store at ${file}`, {
      fix: "pass --store the store you ingested into (a file, or postgres://\u2026), or create it with `ml-provenance store ingest BUNDLE --store " + file + "`",
      file
    });
  }
  if (st.isDirectory()) throw badStore(file, "is a directory, not a store file");
  if (!st.isFile() || st.size === 0) return;
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  let fd;
  try {
    fd = openSync(file, "r");
    readSync(fd, head, 0, head.length, 0);
  } catch (err) {
    if (err.code === "EACCES") {
      throw new InputError("store-unreadable", `${file}: permission denied (the store file is not readable for you)`, {
        fix: "a store file is created owner-only: ask its owner to let you read it (e.g. `chmod g+r` and a shared group; readers need no write access), or ask as the owner",
        file
      });
    }
    return;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
  if (!head.equals(SQLITE_MAGIC)) throw badStore(file, "is not a store (not an SQLite database file)");
}
__name(checkStoreFile, "checkStoreFile");
async function refuseForeignDatabase(db) {
  const tables = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  if (tables.length > 0 && !tables.some((t) => t.name === "mlp_migrations")) {
    throw badStore(db.location, `is an SQLite database but not an ml-provenance store (it holds ${tables.length} other table(s), e.g. ${tables[0].name})`);
  }
}
__name(refuseForeignDatabase, "refuseForeignDatabase");
async function openStore(spec, o = {}) {
  const s = parseStoreSpec(spec);
  let db;
  try {
    if (s.kind === "sqlite") {
      checkStoreFile(s.path, o.create ?? true);
      const { openSqlite } = await import("./sqlite-TWHBI7DP.js");
      db = openSqlite(s.path, { readOnly: o.readOnly ?? false, ...o.signal ? { signal: o.signal } : {}, ...o.logger ? { warn: /* @__PURE__ */ __name((m) => o.logger.warning(m), "warn") } : {} });
    } else {
      try {
        new URL(s.url);
      } catch {
        throw badStore(s.url, "not a valid URL");
      }
      const { openPostgres } = await import("./postgres-JDIR5OI2.js");
      const note = o.logger ? (m) => (o.logger.info ?? o.logger.warning)(m) : void 0;
      db = await openPostgres(s.url, { ...o.signal ? { signal: o.signal } : {}, ...note ? { note } : {} });
    }
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    throw storeError(err, s.kind === "sqlite" ? s.path : redactUrl(s.url), "opening the store");
  }
  try {
    if (db.dialect === "sqlite") await refuseForeignDatabase(db);
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => void 0);
    if (err instanceof ProvenanceError) throw err;
    throw storeError(
      err,
      db.location,
      "applying the store schema",
      `the store's tables are missing or older than this release's (schema ${SCHEMA_VERSION}): open it once as the role that owns them (e.g. \`store grant --store postgres://ADMIN@\u2026\`) to create or upgrade them, then run again`
    );
  }
  return db;
}
__name(openStore, "openStore");
async function withStore(spec, fn, o = {}) {
  for (let attempt = 1; ; attempt++) {
    const db = await openStore(spec, o);
    try {
      const out = await fn(db);
      if (!db.changedSinceOpen?.()) return out;
    } catch (err) {
      if (!db.changedSinceOpen?.()) throw err;
    } finally {
      await db.close().catch(() => void 0);
    }
    if (attempt === READ_ATTEMPTS) {
      throw new ServiceError("store-changed", `${db.location} was written while it was being read (${attempt} times): the answer could mix two states of the store`, {
        fix: "ask again when the ingest writing it has finished, or as a user who can write the store file (SQLite then coordinates readers with writers)"
      });
    }
  }
}
__name(withStore, "withStore");

// src/store/questions.ts
var RUN_SELECT = `r.run_no, r.run_id, r.owner, r.repo, r.builder, r.invocation_id, r.started_on, r.finished_on, r.git_commit, r.source,
  CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified`;
var FINALS_IN_RECORD_ORDER = `m.final = 1 ORDER BY m.run_no,
  (SELECT MIN(f.ord) FROM metrics f WHERE f.run_no = m.run_no AND f.name = m.name AND COALESCE(f.split, '') = COALESCE(m.split, ''))`;
var opt = /* @__PURE__ */ __name((k, v) => v === null || v === void 0 ? {} : { [k]: String(v) }, "opt");
var optNum = /* @__PURE__ */ __name((k, v) => v === null || v === void 0 ? {} : { [k]: Number(v) }, "optNum");
function toRun(r) {
  return {
    runId: String(r.run_id),
    verified: Number(r.verified) === 1 || r.verified === true,
    repository: r.owner ? `${String(r.owner)}/${String(r.repo)}` : "",
    builder: String(r.builder),
    ...opt("invocationId", r.invocation_id),
    ...opt("startedOn", r.started_on),
    ...opt("finishedOn", r.finished_on),
    ...opt("gitCommit", r.git_commit),
    ...opt("source", r.source)
  };
}
__name(toRun, "toRun");
function toDataset(r) {
  return { id: String(r.ds_id), ...opt("version", r.version), ...opt("digest", r.digest), ...opt("uri", r.uri), derived: Number(r.derived) === 1, output: Number(r.is_output) === 1 };
}
__name(toDataset, "toDataset");
function toMetric(r) {
  return { name: String(r.name), value: Number(r.value), ...optNum("epoch", r.epoch), ...optNum("step", r.step), ...opt("split", r.split) };
}
__name(toMetric, "toMetric");
async function q(db, sql, params) {
  try {
    return await db.all(sql, params);
  } catch (err) {
    throw storeError(err, db.location, "querying the store");
  }
}
__name(q, "q");
async function runsByNumber(db, nos, extra, extraParams = []) {
  const rows = await byNumbers(nos, (marks, part) => q(db, `SELECT ${RUN_SELECT}${extra ? `, ${extra}` : ""} FROM runs r WHERE r.run_no IN (${marks})`, [...extraParams, ...part]));
  const at = /* @__PURE__ */ __name((r) => String(r.finished_on ?? ""), "at");
  return rows.sort((a, b) => at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : String(a.run_id) < String(b.run_id) ? -1 : 1);
}
__name(runsByNumber, "runsByNumber");
var groupByRun = /* @__PURE__ */ __name((rows) => {
  const m = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const k = Number(r.run_no);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}, "groupByRun");
async function byNumbers(nos, query) {
  const out = [];
  for (let i = 0; i < nos.length; i += 5e3) {
    const part = nos.slice(i, i + 5e3);
    out.push(...await query(part.map(() => "?").join(", "), part));
  }
  return out;
}
__name(byNumbers, "byNumbers");
var UPSTREAM_STEP = {
  sqlite: `SELECT up.start, o.run_no FROM up CROSS JOIN datasets d CROSS JOIN datasets o
         WHERE d.run_no = up.run_no AND d.is_output = 0 AND d.digest IS NOT NULL
           AND o.digest = d.digest AND o.is_output = 1 AND o.run_no <> up.run_no`,
  postgres: `SELECT up.start, w.run_no FROM up CROSS JOIN LATERAL (
           SELECT o.run_no FROM datasets d CROSS JOIN datasets o
           WHERE d.run_no = up.run_no AND d.is_output = 0 AND d.digest IS NOT NULL
             AND o.digest = d.digest AND o.is_output = 1 AND o.run_no <> up.run_no OFFSET 0
         ) w`
};
async function upstreamOfMany(db, starts) {
  const out = /* @__PURE__ */ new Map();
  const known = /* @__PURE__ */ new Map();
  for (let i = 0; i < starts.length; i += 500) {
    const part = starts.slice(i, i + 500);
    const pairs = await q(
      db,
      `WITH RECURSIVE up(start, run_no) AS (
         SELECT run_no, run_no FROM runs WHERE run_no IN (${part.map(() => "?").join(", ")})
         UNION
         ${UPSTREAM_STEP[db.dialect]}
       )
       SELECT start, run_no FROM up`,
      part
    );
    const missing = [...new Set(pairs.map((p) => Number(p.run_no)))].filter((n) => !known.has(n));
    if (missing.length > 0) {
      const rows = await runsByNumber(db, missing);
      const contents = await runContents(db, rows.map((r) => Number(r.run_no)));
      for (const n of missing) known.set(n, null);
      for (const r of rows) known.set(Number(r.run_no), { run: toRun(r), ...contents.get(Number(r.run_no)) });
    }
    const byStart = /* @__PURE__ */ new Map();
    for (const p of pairs) {
      const u = known.get(Number(p.run_no));
      if (!u) continue;
      const list = byStart.get(Number(p.start)) ?? [];
      list.push(u);
      byStart.set(Number(p.start), list);
    }
    for (const [start, list] of byStart) {
      const self = known.get(start);
      if (!self) continue;
      const others = list.filter((u) => u !== self).sort((a, b) => (a.run.finishedOn ?? "").localeCompare(b.run.finishedOn ?? ""));
      out.set(start, [self, ...others]);
    }
  }
  return out;
}
__name(upstreamOfMany, "upstreamOfMany");
async function ownLineage(db, runs, evaluation, model) {
  const flows = await runFlows(db, runs);
  const out = /* @__PURE__ */ new Map();
  for (const [n, u] of runs) {
    const { steps, recorded, outputs } = flows.get(n);
    const keep = (model !== void 0 ? subjectAncestry(steps, recorded, model, outputs) : void 0) ?? lineageWithin(steps, runFlow(steps, recorded.map((d) => d.id), outputs), evaluation);
    out.set(n, { ...u, datasets: u.datasets.filter((d) => keep.datasets.has(d.id)), steps: u.steps.filter((_, i) => keep.steps.has(i)) });
  }
  return out;
}
__name(ownLineage, "ownLineage");
async function runContents(db, nos) {
  const ds = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, ord, ds_id, version, digest, uri, derived, is_output FROM datasets WHERE run_no IN (${marks}) ORDER BY run_no, ord`, sl)));
  const st = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, ord, name, library, version FROM steps WHERE run_no IN (${marks}) ORDER BY run_no, ord`, sl)));
  return new Map(
    nos.map((n) => [
      n,
      { datasets: (ds.get(n) ?? []).map(toDataset), steps: (st.get(n) ?? []).map((x) => ({ name: String(x.name), ...opt("library", x.library), ...opt("version", x.version) })) }
    ])
  );
}
__name(runContents, "runContents");
async function runFlows(db, runs) {
  const nos = [...runs.keys()];
  const io = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, step_ord, direction, dataset_ord FROM step_io WHERE run_no IN (${marks})`, sl)));
  const made = groupByRun(await byNumbers(nos, (marks, sl) => q(db, `SELECT run_no, sha256 FROM models WHERE run_no IN (${marks})`, sl)));
  const out = /* @__PURE__ */ new Map();
  for (const [n, u] of runs) {
    const steps = u.steps.map(() => ({ inputs: [], outputs: [] }));
    for (const r of io.get(n) ?? []) {
      const id = u.datasets[Number(r.dataset_ord)]?.id;
      const step = steps[Number(r.step_ord)];
      if (id !== void 0 && step) (r.direction === "in" ? step.inputs : step.outputs).push(id);
    }
    const recorded = u.datasets.filter((d) => !d.derived).map((d) => ({ id: d.id, ...d.digest?.startsWith("sha256:") ? { digest: { sha256: d.digest.slice(7) } } : {} }));
    const subjects = (made.get(n) ?? []).map((m) => ({ digest: { sha256: String(m.sha256) } }));
    out.set(n, { steps, recorded, outputs: outputDatasets(recorded, subjects) });
  }
  return out;
}
__name(runFlows, "runFlows");
var METRIC_PAGE = 500;
async function metricQuestion(db, mq) {
  const out = [];
  await eachMetricAnswer(db, mq, (page) => {
    for (const a of page) out.push(a);
  });
  return out;
}
__name(metricQuestion, "metricQuestion");
function eachMetricAnswer(db, mq, emit) {
  return db.snapshot((view) => metricPages(view, mq, emit));
}
__name(eachMetricAnswer, "eachMetricAnswer");
function metricRows(mq) {
  const named = ["m.name = ?"];
  const params = [mq.name];
  if (mq.split !== void 0) named.push("m.split = ?"), params.push(mq.split);
  const cols = "m.run_no, m.name, m.value, m.epoch, m.step, m.split";
  if (mq.epoch !== void 0) {
    const where = [...named, "m.epoch = ?"].join(" AND ");
    return { where, params: [...params, mq.epoch], rowsOf: /* @__PURE__ */ __name((marks) => `SELECT ${cols} FROM metrics m WHERE m.run_no IN (${marks}) AND ${where} ORDER BY m.run_no, m.ord`, "rowsOf") };
  }
  return {
    where: [...named, "m.final = 1"].join(" AND "),
    params,
    rowsOf: /* @__PURE__ */ __name((marks) => `SELECT w.run_no, w.name, w.value, w.epoch, w.step, w.split FROM (
         SELECT ${cols}, m.final, MIN(m.ord) OVER (PARTITION BY m.run_no, COALESCE(m.split, '')) AS first_ord FROM metrics m WHERE m.run_no IN (${marks}) AND ${named.join(" AND ")}
       ) w WHERE w.final = 1 ORDER BY w.run_no, w.first_ord`, "rowsOf")
  };
}
__name(metricRows, "metricRows");
async function metricPages(db, mq, emit) {
  const rows = metricRows(mq);
  const runs = mq.model === void 0 ? await q(db, `SELECT r.run_no FROM runs r WHERE r.run_no IN (SELECT m.run_no FROM metrics m WHERE ${rows.where}) ORDER BY r.finished_on, r.run_id`, rows.params) : await q(
    db,
    // From the model's digest (indexed) to its runs' metric rows by key: an IN (SELECT …) over
    // metrics here read every metric row of the store (60 ms at 10,000 runs instead of 0.5).
    `SELECT DISTINCT r.run_no, r.finished_on, r.run_id FROM models x CROSS JOIN metrics m CROSS JOIN runs r
           WHERE x.sha256 = ? AND m.run_no = x.run_no AND ${rows.where} AND r.run_no = x.run_no ORDER BY r.finished_on, r.run_id`,
    [mq.model, ...rows.params]
  );
  const nos = runs.map((r) => Number(r.run_no));
  runs.length = 0;
  let answered = 0;
  for (let i = 0; i < nos.length; i += METRIC_PAGE) {
    const part = nos.slice(i, i + METRIC_PAGE);
    const marks = part.map(() => "?").join(", ");
    const metrics = groupByRun(
      await q(db, rows.rowsOf(marks), [...part, ...rows.params])
    );
    const lineage = await upstreamOfMany(db, part);
    const own = await ownLineage(db, new Map(part.flatMap((n) => lineage.get(n)?.[0] ? [[n, lineage.get(n)[0]]] : [])), true);
    const page = [];
    for (const n of part) {
      const [, ...upstream] = lineage.get(n) ?? [];
      const self = own.get(n);
      if (!self) continue;
      const datasets = self.datasets.filter((d) => !d.derived || d.digest);
      for (const m of metrics.get(n) ?? []) page.push({ run: self.run, metric: toMetric(m), datasets, upstream });
    }
    answered += page.length;
    await emit(page);
  }
  return answered;
}
__name(metricPages, "metricPages");
async function datasetRef(db, ref) {
  const stored = /* @__PURE__ */ new Set();
  for (const id of datasetRefCandidates(ref)) {
    if ((await q(db, "SELECT 1 AS x FROM datasets WHERE ds_id = ? LIMIT 1", [id])).length > 0) stored.add(id);
  }
  return resolveDatasetRef(ref, (id) => stored.has(id));
}
__name(datasetRef, "datasetRef");
function datasetQuestion(db, ref) {
  return db.snapshot((view) => datasetAnswers(view, ref));
}
__name(datasetQuestion, "datasetQuestion");
async function datasetAnswers(db, ref) {
  const { id, version } = await datasetRef(db, ref);
  const match = version === void 0 ? "ds_id = ?" : "ds_id = ? AND version = ?";
  const mp = version === void 0 ? [id] : [id, version];
  const used = await q(
    db,
    // The dataset's distinct digests first: joining every row of a dataset many runs read
    // with every row of the same bytes would be quadratic in the number of those runs.
    `WITH RECURSIVE digests(digest) AS (
       SELECT DISTINCT d.digest FROM datasets d WHERE d.${match.replace(" AND version", " AND d.version")} AND d.digest IS NOT NULL
     ),
     used(run_no) AS (
       SELECT s.run_no FROM datasets s WHERE s.${match.replace(" AND version", " AND s.version")}
       UNION
       SELECT s.run_no FROM digests g CROSS JOIN datasets s WHERE s.digest = g.digest AND s.is_output = 0
       UNION
       SELECT s.run_no FROM digests g CROSS JOIN datasets s WHERE s.digest = g.digest AND s.is_output = 1
       UNION
       SELECT n.run_no FROM used u CROSS JOIN datasets o CROSS JOIN datasets n
       WHERE o.run_no = u.run_no AND o.is_output = 1 AND o.digest IS NOT NULL
         AND n.digest = o.digest AND n.is_output = 0 AND n.run_no <> u.run_no
     )
     SELECT run_no FROM used`,
    [...mp, ...mp]
  );
  if (used.length === 0) return [];
  const rows = await runsByNumber(
    db,
    used.map((r) => Number(r.run_no)),
    `CASE WHEN EXISTS (SELECT 1 FROM datasets x WHERE x.run_no = r.run_no AND x.${match.replace(" AND version", " AND x.version")}) THEN 1 ELSE 0 END AS direct`,
    mp
  );
  if (rows.length === 0) return [];
  const nos = rows.map((r) => Number(r.run_no));
  const models = await byNumbers(nos, (marks, part) => q(db, `SELECT run_no, sha256, path FROM models WHERE run_no IN (${marks}) ORDER BY run_no, ord`, part));
  const modelsOf = groupByRun(models);
  const ancestor = await ancestorOf(db, nos, (d) => d.id === id && (version === void 0 || d.version === version));
  return rows.map((r) => ({
    run: toRun(r),
    direct: Number(r.direct) === 1,
    // Only the models the dataset is an ancestor of (file lineage's rule, queries.ts modelsUsingDataset).
    models: (modelsOf.get(Number(r.run_no)) ?? []).filter((m) => ancestor(Number(r.run_no), String(m.sha256))).map((m) => ({ sha256: String(m.sha256), path: String(m.path) }))
  }));
}
__name(datasetAnswers, "datasetAnswers");
async function ancestorOf(db, nos, isIt) {
  const contents = await runContents(db, nos);
  const runs = new Map(nos.map((n) => [n, { run: {}, ...contents.get(n) }]));
  const flows = await runFlows(db, runs);
  const digests = /* @__PURE__ */ new Set();
  const reached = new Map(nos.map((n) => [n, new Set(runs.get(n).datasets.filter(isIt).map((d) => d.id))]));
  for (const [n, u] of runs) for (const d of u.datasets) if (reached.get(n).has(d.id) && d.digest) digests.add(d.digest);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [n, u] of runs) {
      const mine = reached.get(n);
      const add = /* @__PURE__ */ __name((id) => {
        if (mine.has(id)) return;
        mine.add(id);
        changed = true;
        const digest = u.datasets.find((d) => d.id === id)?.digest;
        if (digest) digests.add(digest);
      }, "add");
      for (const d of u.datasets) if (d.digest && digests.has(d.digest)) add(d.id);
      for (const step of flows.get(n).steps) if (step.inputs.some((id) => mine.has(id))) step.outputs.forEach(add);
    }
  }
  return (n, sha256) => {
    const f = flows.get(n);
    if (!f) return false;
    const own = subjectAncestry(f.steps, f.recorded, sha256, f.outputs);
    const from = own ? own.walked : lineageWithin(f.steps, runFlow(f.steps, f.recorded.map((d) => d.id), f.outputs), false).datasets;
    return [...from].some((id) => reached.get(n).has(id));
  };
}
__name(ancestorOf, "ancestorOf");
function modelQuestion(db, sha256) {
  return db.snapshot((view) => modelAnswers(view, sha256));
}
__name(modelQuestion, "modelQuestion");
async function modelAnswers(db, sha256) {
  const rows = await q(db, `SELECT ${RUN_SELECT}, x.path FROM models x CROSS JOIN runs r WHERE x.sha256 = ? AND r.run_no = x.run_no ORDER BY r.finished_on, r.run_id, x.ord`, [sha256]);
  const byRun = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const e = byRun.get(String(r.run_id)) ?? { r, paths: [] };
    e.paths.push(String(r.path));
    byRun.set(String(r.run_id), e);
  }
  const lineage = await upstreamOfMany(db, [...byRun.values()].map(({ r }) => Number(r.run_no)));
  const own = await ownLineage(db, new Map([...lineage].flatMap(([n, l]) => l[0] ? [[n, l[0]]] : [])), false, sha256);
  for (const [n, self] of own) lineage.set(n, [self, ...lineage.get(n).slice(1)]);
  const out = [];
  for (const { r, paths } of byRun.values()) {
    const metrics = await q(db, `SELECT m.name, m.value, m.epoch, m.step, m.split FROM metrics m WHERE m.run_no = ? AND ${FINALS_IN_RECORD_ORDER}`, [Number(r.run_no)]);
    out.push({ model: { sha256, paths }, run: toRun(r), metrics: metrics.map(toMetric), lineage: lineage.get(Number(r.run_no)) ?? [] });
  }
  return out;
}
__name(modelAnswers, "modelAnswers");
var EVERY_RUN = /* @__PURE__ */ __name((repository) => repository === "*" || repository === "*/*", "EVERY_RUN");
function runSelection(sel) {
  const where = [];
  const params = [];
  if (sel.repository !== void 0 && !EVERY_RUN(sel.repository)) {
    const [owner, repo] = sel.repository.split("/");
    where.push("r.owner = ?");
    params.push(owner ?? "");
    if (repo && repo !== "*") where.push("r.repo = ?"), params.push(repo);
  }
  if (sel.since) where.push("r.finished_on >= ?"), params.push(sel.since);
  if (sel.until) where.push("r.finished_on < ?"), params.push(sel.until);
  if (where.length === 0) where.push("1 = 1");
  return { where, params };
}
__name(runSelection, "runSelection");
function runsQuestion(db, rq) {
  return db.snapshot((view) => runsAnswers(view, rq));
}
__name(runsQuestion, "runsQuestion");
async function runsAnswers(db, rq) {
  const { where, params } = runSelection(rq);
  const rows = await q(db, `SELECT ${RUN_SELECT} FROM runs r WHERE ${where.join(" AND ")} ORDER BY r.finished_on, r.run_id`, params);
  if (rows.length === 0) return [];
  const metrics = await q(
    db,
    `SELECT r.run_id, m.name, m.value, m.epoch, m.step, m.split FROM runs r CROSS JOIN metrics m WHERE ${where.join(" AND ")} AND m.run_no = r.run_no AND ${FINALS_IN_RECORD_ORDER}`,
    params
  );
  const byRun = /* @__PURE__ */ new Map();
  for (const m of metrics) {
    const list = byRun.get(String(m.run_id)) ?? [];
    list.push(toMetric(m));
    byRun.set(String(m.run_id), list);
  }
  return rows.map((r) => ({ run: toRun(r), metrics: byRun.get(String(r.run_id)) ?? [] }));
}
__name(runsAnswers, "runsAnswers");
async function storedDocument(db, ref) {
  const id = ref.replace(/^sha256:/, "").toLowerCase();
  const rows = await q(
    db,
    `SELECT r.run_id, b.bytes, CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified
     FROM runs r CROSS JOIN blobs b WHERE r.run_id >= ? AND r.run_id < ? AND b.sha256 = r.doc_sha256 LIMIT 2`,
    [id, id + "g"]
  );
  if (rows.length > 1) return "ambiguous";
  const r = rows[0];
  return r ? { runId: String(r.run_id), bytes: Buffer.from(r.bytes), verified: Number(r.verified) === 1 } : void 0;
}
__name(storedDocument, "storedDocument");

// src/store/documents.ts
var HEX_PREFIX = /^(sha256:)?[0-9a-f]{8,64}$/i;
function label(db, runId) {
  return `${db.location}#sha256:${runId}`;
}
__name(label, "label");
function parse(db, runId, bytes, verified) {
  return { ...documentFromBytes(bytes, label(db, runId)), runId, verified };
}
__name(parse, "parse");
async function storedRun(db, ref) {
  if (!HEX_PREFIX.test(ref)) {
    throw new InputError("bad-run-ref", `"${ref.slice(0, 80)}" is not a run id`, {
      fix: `pass a run id (the statement digest, sha256:HEX, or its first 8+ hex digits) as \`${listRunsCommand(db.location)}\` or \`store ingest\` print it`
    });
  }
  const found = await storedDocument(db, ref);
  if (found === "ambiguous") {
    throw new InputError("ambiguous-run-ref", `run id prefix ${ref} matches more than one run in ${db.location}`, { fix: "give more hex digits of the run id" });
  }
  if (!found) {
    throw new InputError("unknown-run", `no run ${ref} in ${db.location}`, { fix: `list every stored run with \`${listRunsCommand(db.location)}\`, or ingest the bundle first (\`store ingest\`)` });
  }
  return parse(db, found.runId, found.bytes, found.verified);
}
__name(storedRun, "storedRun");
async function storedRuns(db, sel = {}) {
  const { where, params } = runSelection(sel);
  where.unshift("b.sha256 = r.doc_sha256");
  let rows;
  try {
    rows = await db.all(
      `SELECT r.run_id, b.bytes, CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified
       FROM runs r CROSS JOIN blobs b WHERE ${where.join(" AND ")} ORDER BY r.finished_on, r.run_id`,
      params
    );
  } catch (err) {
    throw storeError(err, db.location, "reading stored records");
  }
  return rows.map((r) => parse(db, String(r.run_id), Buffer.from(r.bytes), Number(r.verified) === 1));
}
__name(storedRuns, "storedRuns");
function trustedStoredRuns(docs, noVerify, warn) {
  const unverified = docs.filter((d) => !d.verified);
  if (unverified.length === 0) return docs;
  if (noVerify) {
    warn(`${unverified.length} run(s) in the store were not verified at ingest (stored with --no-verify or as bare statements); included because of --no-verify`);
    return docs;
  }
  warn(`${unverified.length} run(s) in the store were not verified at ingest and are left out; pass --no-verify to include them`);
  return docs.filter((d) => d.verified);
}
__name(trustedStoredRuns, "trustedStoredRuns");

// src/store/ingest.ts
import { hash } from "node:crypto";

// src/util/loop.ts
import { setImmediate as nextTurn } from "node:timers/promises";
function loopTurns(ms = 50) {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await nextTurn();
    last = performance.now();
  };
}
__name(loopTurns, "loopTurns");

// src/store/derive.ts
function repositoryOf(s) {
  const p = s.predicate;
  const fromName = /* @__PURE__ */ __name((full) => {
    const m = full ? /^([^/\s]+)\/([^/\s]+)$/.exec(full.replace(/^https:\/\/github\.com\//, "")) : null;
    return m ? { owner: m[1], repo: m[2] } : void 0;
  }, "fromName");
  const wf = fromName(p.buildDefinition.externalParameters.workflow?.repository);
  if (wf) return wf;
  const inv = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/actions\/runs\//.exec(p.runDetails.metadata.invocationId ?? "");
  if (inv) return { owner: inv[1], repo: inv[2] };
  const gh = p.buildDefinition.internalParameters?.github;
  return fromName(gh?.repository) ?? { owner: "", repo: "" };
}
__name(repositoryOf, "repositoryOf");
function signedRepositoryOf(bundle) {
  const uri = bundleSigner(bundle).sourceRepositoryURI;
  const m = uri ? /^https?:\/\/[^/]+\/(.+)\/([^/]+?)\/?$/.exec(uri) : null;
  return m ? { owner: m[1], repo: m[2] } : { owner: "", repo: "" };
}
__name(signedRepositoryOf, "signedRepositoryOf");
function documentRepository(s, bundle) {
  return bundle ? signedRepositoryOf(bundle) : repositoryOf(s);
}
__name(documentRepository, "documentRepository");
function firstDigest(d) {
  if (d.digest?.sha256) return `sha256:${d.digest.sha256}`;
  const alg = Object.keys(d.digest ?? {}).sort()[0];
  return alg ? `${alg}:${d.digest[alg]}` : null;
}
__name(firstDigest, "firstDigest");
function deriveRows(s, ids, bundle) {
  const p = s.predicate;
  const { owner, repo } = documentRepository(s, bundle);
  const md = p.runDetails.metadata;
  const datasets = [];
  const byId = /* @__PURE__ */ new Map();
  for (const d of p.datasets) {
    if (byId.has(d.id)) continue;
    byId.set(d.id, datasets.length);
    datasets.push({ ord: datasets.length, ds_id: d.id, version: d.version ?? null, digest: firstDigest(d), uri: d.uri ? datasetUri(d) : null, derived: 0, is_output: 0, feeds: 0 });
  }
  const resolve = /* @__PURE__ */ __name((id) => {
    let ord = byId.get(id);
    if (ord === void 0) {
      ord = datasets.length;
      byId.set(id, ord);
      datasets.push({ ord, ds_id: id, version: null, digest: null, uri: null, derived: 1, is_output: 0, feeds: 0 });
    }
    return ord;
  }, "resolve");
  const steps = [];
  const io = [];
  const seenIo = /* @__PURE__ */ new Set();
  p.steps.forEach((st, i) => {
    steps.push({ ord: i, name: st.name, library: st.library ?? null, version: st.version ?? null });
    for (const [direction, list] of [["in", st.inputs ?? []], ["out", st.outputs ?? []]]) {
      for (const id of list) {
        const ord = resolve(id);
        const k = `${i}/${direction}/${ord}`;
        if (seenIo.has(k)) continue;
        seenIo.add(k);
        io.push({ step_ord: i, direction, dataset_ord: ord });
        if (direction === "out") datasets[ord].is_output = 1;
      }
    }
  });
  const feeding = runFlow(p.steps, p.datasets.map((d) => d.id)).datasets;
  for (const d of datasets) d.feeds = feeding.has(d.ds_id) ? 1 : 0;
  const finals = new Set(latestByEpoch(p.metrics, (m) => `${m.name}\0${m.split ?? ""}`).values());
  return {
    run: {
      run_id: ids.runId,
      doc_sha256: ids.docSha256,
      kind: ids.kind,
      owner,
      repo,
      builder: p.runDetails.builder.id,
      invocation_id: md.invocationId ?? null,
      started_on: md.startedOn ?? null,
      finished_on: md.finishedOn ?? md.startedOn ?? null,
      git_commit: gitCommit(s) ?? null
    },
    datasets,
    steps,
    step_io: io,
    models: s.subject.map((m, ord) => ({ ord, sha256: m.digest.sha256, path: m.name })),
    metrics: p.metrics.map((m, ord) => ({ ord, name: m.name, value: m.value, epoch: m.epoch ?? null, step: m.step ?? null, split: m.split ?? null, final: finals.has(m) ? 1 : 0 }))
  };
}
__name(deriveRows, "deriveRows");
var CHILD_COLUMNS = {
  datasets: ["ord", "ds_id", "version", "digest", "uri", "derived", "is_output", "feeds"],
  steps: ["ord", "name", "library", "version"],
  step_io: ["step_ord", "direction", "dataset_ord"],
  models: ["ord", "sha256", "path"],
  metrics: ["ord", "name", "value", "epoch", "step", "split", "final"]
};
var RUN_COLUMNS = ["run_id", "doc_sha256", "kind", "owner", "repo", "builder", "invocation_id", "started_on", "finished_on", "git_commit"];
function rowValues(row, cols, into = []) {
  for (const c of cols) into.push(row[c] ?? null);
  return into;
}
__name(rowValues, "rowValues");

// src/store/ingest.ts
function storeDocument(bytes, file) {
  return { ...documentFromBytes(bytes, file), bytes };
}
__name(storeDocument, "storeDocument");
function runIdOf(doc) {
  return doc.statementSha256 ?? hash("sha256", doc.payload ?? doc.bytes, "hex");
}
__name(runIdOf, "runIdOf");
function bytesSha256(doc) {
  return doc.bundleSha256 ?? (doc.bundle ? void 0 : doc.statementSha256) ?? hash("sha256", doc.bytes, "hex");
}
__name(bytesSha256, "bytesSha256");
function transactionLimits(dialect) {
  return { records: dialect === "sqlite" ? 1e4 : 2e3, bytes: 64 * 2 ** 20 };
}
__name(transactionLimits, "transactionLimits");
async function ingestDocuments(db, docs, o) {
  let trusted = docs;
  if (o.verify || (o.unreadable?.length ?? 0) > 0) {
    const kept = await trustDocuments(docs, {
      noVerify: !o.verify,
      verifier: o.verifier ?? { verifyAll: /* @__PURE__ */ __name(async () => void 0, "verifyAll") },
      unreadable: o.unreadable ?? [],
      ...o.logger ? { logger: o.logger } : {},
      ...o.signal ? { signal: o.signal } : {}
    });
    trusted = kept;
  }
  return writeDocuments(db, trusted, { verified: o.verify, identity: o.identity ?? "", ...o.batch ? { batch: o.batch } : {}, ...o.signal ? { signal: o.signal } : {} });
}
__name(ingestDocuments, "ingestDocuments");
async function writeDocuments(db, docs, o) {
  const result = { stored: [], existing: [] };
  const rows = docs.map((doc) => {
    const runId = runIdOf(doc);
    const docSha256 = bytesSha256(doc);
    return { doc, docSha256, rows: deriveRows(doc.statement, { runId, docSha256, kind: doc.bundle ? "bundle" : "statement" }, doc.bundle) };
  });
  rows.sort((a, b) => a.rows.run.run_id < b.rows.run.run_id ? -1 : a.rows.run.run_id > b.rows.run.run_id ? 1 : 0);
  const limits = transactionLimits(db.dialect);
  const maxRecords = o.batch ?? limits.records;
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const signal = o.signal;
  const turn = signal ? loopTurns() : void 0;
  for (let i = 0; i < rows.length; ) {
    if (signal?.aborted) return { ...result, stopped: true };
    const start = i;
    for (let bytes = 0; i < rows.length && i - start < maxRecords && (i === start || bytes + rows[i].doc.bytes.length <= limits.bytes); i++) bytes += rows[i].doc.bytes.length;
    const chunk = rows.slice(start, i);
    const write = /* @__PURE__ */ __name(() => db.transaction(async (tx) => {
      const out = { stored: [], existing: [] };
      const numbers = await runNumbers(db.dialect, tx, chunk.length);
      for (const r of chunk) {
        if (turn) await turn();
        if (signal?.aborted) break;
        const verified = o.verified && r.doc.bundle !== void 0;
        const isNew = await insertRun(tx, db.dialect, numbers(), r.rows, r.doc, now);
        if (isNew || verified) await tx.run("INSERT INTO blobs (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING", [r.docSha256, r.doc.bytes]);
        if (verified) {
          await tx.run("INSERT INTO verifications (run_id, doc_sha256, identity, verified_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", [
            r.rows.run.run_id,
            r.docSha256,
            o.identity ?? "",
            now
          ]);
        }
        if (isNew) out.stored.push({ runId: r.rows.run.run_id, source: r.doc.file, verified });
        else out.existing.push({ runId: r.rows.run.run_id, source: r.doc.file });
      }
      return out;
    }), "write");
    let done;
    try {
      done = await write();
    } catch (err) {
      if (signal?.aborted && err === signal.reason) return { ...result, stopped: true };
      if (err.code !== "40P01") throw storeError(err, db.location, "ingesting");
      done = await write().catch((e) => {
        throw storeError(e, db.location, "ingesting");
      });
    }
    result.stored.push(...done.stored);
    result.existing.push(...done.existing);
  }
  return result.stored.length + result.existing.length < rows.length ? { ...result, stopped: true } : result;
}
__name(writeDocuments, "writeDocuments");
async function runNumbers(dialect, tx, count) {
  if (dialect === "postgres") {
    const taken = (await tx.all("SELECT nextval('runs_run_no_seq') AS n FROM generate_series(1, ?::int)", [count])).map((x) => Number(x.n));
    return () => taken.shift();
  }
  let last = Number((await tx.all("SELECT MAX(run_no) AS n FROM runs"))[0]?.n ?? 0);
  return () => ++last;
}
__name(runNumbers, "runNumbers");
var RUN_INSERT_COLUMNS = ["run_no", ...RUN_COLUMNS, "source", "ingested_at"];
var placeholders = /* @__PURE__ */ __name((n) => `(${new Array(n).fill("?").join(", ")})`, "placeholders");
var insertSql = /* @__PURE__ */ new Map();
function insertFor(dialect, table, columns, rows) {
  const key = `${dialect} ${table} ${rows}`;
  let sql = insertSql.get(key);
  if (!sql) {
    const one = placeholders(columns.length);
    const verb = table === "runs" ? "INSERT" : dialect === "sqlite" ? "INSERT OR FAIL" : "INSERT";
    const override = table === "runs" && dialect === "postgres" ? " OVERRIDING SYSTEM VALUE" : "";
    const conflict = table !== "runs" ? "" : dialect === "sqlite" ? " ON CONFLICT (run_id) DO NOTHING" : " ON CONFLICT DO NOTHING";
    sql = `${verb} INTO ${table} (${columns.join(", ")})${override} VALUES ${new Array(rows).fill(one).join(", ")}${conflict}`;
    insertSql.set(key, sql);
  }
  return sql;
}
__name(insertFor, "insertFor");
async function insertRun(tx, dialect, runNo, r, doc, now) {
  const values = rowValues(r.run, RUN_COLUMNS, [runNo]);
  values.push(doc.file, now);
  if (await tx.run(insertFor(dialect, "runs", RUN_INSERT_COLUMNS, 1), values) === 0) return false;
  for (const table of Object.keys(CHILD_COLUMNS)) {
    const list = r[table];
    const columns = CHILD_COLUMNS[table];
    for (let i = 0; i < list.length; i += 200) {
      const part = list.slice(i, i + 200);
      const params = [];
      for (const row of part) {
        params.push(runNo);
        rowValues(row, columns, params);
      }
      await tx.run(insertFor(dialect, table, CHILD_INSERT_COLUMNS[table], part.length), params);
    }
  }
  return true;
}
__name(insertRun, "insertRun");
var CHILD_INSERT_COLUMNS = Object.fromEntries(Object.entries(CHILD_COLUMNS).map(([t, cols]) => [t, ["run_no", ...cols]]));

// src/store/ingest-files.ts
import { hash as hash2 } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
var PART_BYTES = 16 * 2 ** 20;
var HOLD_MS = 2e3;
async function listSources(inputs, log) {
  if (inputs.length === 0) {
    throw new InputError("no-inputs", "no bundles given", { fix: "pass one or more bundle files or directories holding them" });
  }
  const out = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => void 0);
    if (!st) throw new InputError("file-not-found", `not found: ${input}`, { fix: "check the path", file: input });
    const entries = st.isDirectory() ? (await readdir(input, { recursive: true, withFileTypes: true })).filter((e) => !/(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(e.parentPath)) : [];
    for (const e of entries.filter((x) => x.isSymbolicLink()).sort((a, b) => a.parentPath + a.name < b.parentPath + b.name ? -1 : 1)) {
      log.warning(`skipping ${path.join(e.parentPath, e.name)}: a symbolic link is not followed (pass its target to ingest what it points at)`);
    }
    const files = st.isDirectory() ? entries.filter((e) => e.isFile() && /\.json$/i.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort() : [input];
    out.push({ input, dir: st.isDirectory(), files });
  }
  return out;
}
__name(listSources, "listSources");
async function* readParts(sources, log, partBytes, turn, signal) {
  let part = { docs: [], unreadable: [] };
  let bytesInPart = 0;
  for (const s of sources) {
    let found = 0;
    for (const f of s.files) {
      await turn();
      signal?.throwIfAborted();
      const bytes = await readFileChecked(f, "statement or bundle");
      try {
        part.docs.push({ ...storeDocument(bytes, f), ...s.dir ? { scanned: true } : {} });
        found++;
      } catch (err) {
        if (!(err instanceof ProvenanceError) || err.kind !== "input") throw err;
        const broken = await unreadableBundle(f, err);
        if (broken) {
          part.unreadable.push({ ...broken, ...s.dir ? {} : { explicit: true } });
          found++;
        } else if (s.dir) log.warning(`skipping ${f}: not an ml-provenance statement or bundle`);
        else throw err;
      }
      bytesInPart += bytes.length;
      if (bytesInPart >= partBytes) {
        yield part;
        part = { docs: [], unreadable: [] };
        bytesInPart = 0;
      }
    }
    if (s.dir && found === 0) {
      throw new InputError("no-statements-in-directory", `${s.input} holds no ml-provenance bundles`, { fix: "point at the directory holding provenance.sigstore.json files", file: s.input });
    }
  }
  if (part.docs.length > 0 || part.unreadable.length > 0) yield part;
}
__name(readParts, "readParts");
function changedWhileIngesting(file, what, detail, stored) {
  return new InputError("file-changed", `${file} ${what} while it was being ingested (${detail}); ${stored} run(s) were stored before it`, {
    fix: "ingest again once nothing is writing to the folder (runs already stored are left as they are)",
    file
  });
}
__name(changedWhileIngesting, "changedWhileIngesting");
async function ingestFiles(db, inputs, o) {
  const partBytes = o.partBytes ?? PART_BYTES;
  const signal = o.signal;
  const turn = signal ? loopTurns() : async () => void 0;
  const interrupted = /* @__PURE__ */ __name((stored, stage) => new IngestInterrupted(signal?.reason, stored, stage), "interrupted");
  const sources = await listSources(inputs, o.logger);
  const signed = /* @__PURE__ */ new Set();
  const skipped = [];
  const accepted = [];
  let parts = 0;
  let onlyPart = [];
  try {
    for await (const part of readParts(sources, o.logger, partBytes, turn, signal)) {
      parts++;
      const trusted = await trustDocuments(part.docs, {
        noVerify: !o.verify,
        verifier: o.verifier,
        unreadable: part.unreadable,
        logger: o.logger,
        signed,
        skipped,
        ...signal ? { signal } : {}
      });
      for (const d of trusted) accepted.push({ file: d.file, sha256: bytesSha256(d), size: d.bytes.length });
      onlyPart = parts === 1 ? trusted : [];
      signal?.throwIfAborted();
    }
  } catch (err) {
    if (signal?.aborted && err === signal.reason) throw interrupted(0, "verifying");
    throw err;
  } finally {
    await o.verifier.close?.();
  }
  for (const d of skipped) skippedStatementNote(d, signed, o.logger);
  const write = /* @__PURE__ */ __name((docs) => writeDocuments(db, docs, { verified: o.verify, identity: o.identity, ...o.transactionRecords ? { batch: o.transactionRecords } : {}, ...signal ? { signal } : {} }), "write");
  if (parts <= 1) {
    const r = await write(onlyPart);
    if (r.stopped) throw interrupted(r.stored.length, "writing");
    return r;
  }
  const result = { stored: [], existing: [] };
  const limits = { ...transactionLimits(db.dialect), ...o.transactionRecords ? { records: o.transactionRecords } : {} };
  const together = db.dialect === "sqlite" ? (fn) => db.transaction(fn) : (fn) => fn();
  for (let i = 0; i < accepted.length; ) {
    if (signal?.aborted) throw interrupted(result.stored.length, "writing");
    const done = await together(async () => {
      const out = { stored: [], existing: [] };
      const began = performance.now();
      let records = 0;
      let txBytes = 0;
      do {
        const docs = [];
        let bytes = 0;
        for (; i < accepted.length && bytes < partBytes && records + docs.length < limits.records && txBytes + bytes < limits.bytes && !signal?.aborted; i++) {
          await turn();
          const a = accepted[i];
          const b = await readFileChecked(a.file, "statement or bundle").catch((err) => {
            if (!(err instanceof ProvenanceError) || err.kind !== "input") throw err;
            throw changedWhileIngesting(a.file, "was removed or became unreadable", err.message, result.stored.length);
          });
          if (hash2("sha256", b, "hex") !== a.sha256) throw changedWhileIngesting(a.file, "changed", "its bytes are not the ones that were verified", result.stored.length);
          docs.push(storeDocument(b, a.file));
          bytes += a.size;
        }
        const part = await write(docs);
        out.stored.push(...part.stored);
        out.existing.push(...part.existing);
        if (part.stopped) out.stopped = true;
        records += docs.length;
        txBytes += bytes;
      } while (db.dialect === "sqlite" && i < accepted.length && records < limits.records && txBytes < limits.bytes && performance.now() - began < HOLD_MS && !signal?.aborted);
      return out;
    }).catch((err) => {
      if (signal?.aborted && err === signal.reason) throw interrupted(result.stored.length, "writing");
      throw err;
    });
    result.stored.push(...done.stored);
    result.existing.push(...done.existing);
    if (done.stopped) throw interrupted(result.stored.length, "writing");
  }
  return result;
}
__name(ingestFiles, "ingestFiles");

// src/store/audit.ts
import { hash as hash3 } from "node:crypto";

// src/store/purge.ts
var UNREFERENCED_BLOBS = "SELECT sha256 FROM blobs EXCEPT SELECT doc_sha256 FROM runs EXCEPT SELECT doc_sha256 FROM verifications ORDER BY sha256";
async function dropUnreferenced(tx, shas) {
  for (let i = 0; i < shas.length; i += 500) {
    const part = shas.slice(i, i + 500);
    const marks = part.map(() => "?").join(", ");
    await tx.run(
      `DELETE FROM blobs WHERE sha256 IN (${marks}) AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.doc_sha256 = blobs.sha256)
         AND sha256 NOT IN (SELECT v.doc_sha256 FROM verifications v WHERE v.doc_sha256 IN (${marks}))`,
      [...part, ...part]
    );
  }
}
__name(dropUnreferenced, "dropUnreferenced");
async function purgeRuns(db, c) {
  if (!c.before && !c.repo) throw new InputError("purge-without-criteria", "store purge needs --before DATE or --repo OWNER/REPO", { fix: "say what to purge, e.g. --before 2025-01-01" });
  if (c.before && Number.isNaN(Date.parse(c.before))) {
    throw new InputError("bad-date", `--before must be a date, got "${c.before}"`, { fix: "pass --before 2025-01-01 (ISO 8601)" });
  }
  const where = [];
  const params = [];
  if (c.before) where.push("finished_on < ?"), params.push(new Date(c.before).toISOString());
  if (c.repo) {
    const [owner, repo] = c.repo.split("/");
    if (!owner || !repo) throw new InputError("bad-repo", `--repo must be OWNER/REPO or OWNER/*, got "${c.repo}"`, { fix: "pass --repo octo-org/models" });
    where.push("owner = ?");
    params.push(owner);
    if (repo !== "*") where.push("repo = ?"), params.push(repo);
  }
  const at = (/* @__PURE__ */ new Date()).toISOString();
  try {
    const by = await db.user();
    return await db.transaction(async (tx) => {
      const ids = (await tx.all(`SELECT run_id FROM runs WHERE ${where.join(" AND ")} ORDER BY run_id`, params)).map((r) => r.run_id);
      const stray = (await tx.all(UNREFERENCED_BLOBS)).map((r) => r.sha256);
      await tx.run("INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES (?, ?, ?, ?, ?)", [
        at,
        by,
        c.reason,
        JSON.stringify({ ...c.before ? { before: c.before } : {}, ...c.repo ? { repo: c.repo } : {}, ...stray.length ? { unreferencedBundles: stray } : {} }),
        JSON.stringify(ids)
      ]);
      if (ids.length === 0 && stray.length === 0) return { runIds: ids, bundlesRemoved: [], by, at };
      await unlock(db, tx, async () => {
        for (let i = 0; i < ids.length; i += 500) {
          const part = ids.slice(i, i + 500);
          const marks = part.map(() => "?").join(", ");
          const docs = (await tx.all(
            `SELECT doc_sha256 FROM runs WHERE run_id IN (${marks}) UNION SELECT doc_sha256 FROM verifications WHERE run_id IN (${marks})`,
            [...part, ...part]
          )).map((r) => r.doc_sha256);
          for (const t of CHILD_TABLES) await tx.run(`DELETE FROM ${t} WHERE run_no IN (SELECT run_no FROM runs WHERE run_id IN (${marks}))`, part);
          for (const t of ["verifications", "runs"]) await tx.run(`DELETE FROM ${t} WHERE run_id IN (${marks})`, part);
          await dropUnreferenced(tx, docs);
        }
        await dropUnreferenced(tx, stray);
      });
      return { runIds: ids, bundlesRemoved: stray, by, at };
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw storeError(err, db.location, "purging");
  }
}
__name(purgeRuns, "purgeRuns");
async function unlock(db, tx, fn) {
  if (db.dialect === "postgres") {
    await tx.all("SELECT set_config('mlp.purge', 'on', true)");
    await fn();
    return;
  }
  const tables = [...RUN_TABLES, "blobs"];
  for (const t of tables) await tx.run(`DROP TRIGGER ${t}_no_delete`);
  await fn();
  for (const t of tables) {
    await tx.run(`CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'ml-provenance store is append-only: DELETE on ${t} rejected'); END`);
  }
}
__name(unlock, "unlock");

// src/store/audit.ts
var PAGE = 500;
var norm = /* @__PURE__ */ __name((v) => v === null || v === void 0 ? null : typeof v === "bigint" ? Number(v) : typeof v === "boolean" ? v ? 1 : 0 : v, "norm");
var rowKey = /* @__PURE__ */ __name((r, cols) => JSON.stringify(cols.map((c) => norm(r[c]))), "rowKey");
function vouchedDocument(bytes, sha256, runId) {
  if (!bytes) return `the document it names (${sha256}) is not stored`;
  if (hash3("sha256", bytes, "hex") !== sha256) return `the document it names (${sha256}) does not match its sha256 (edited in the database)`;
  let doc;
  try {
    doc = storeDocument(bytes, `run ${runId}`);
  } catch {
    return `the document it names (${sha256}) is not a statement or bundle`;
  }
  if (runIdOf(doc) !== runId) return `the document it names (${sha256}) is a different statement`;
  return doc;
}
__name(vouchedDocument, "vouchedDocument");
async function auditStore(db, verifyBundles, onProgress) {
  return db.snapshot((view) => auditPages(view, verifyBundles, onProgress));
}
__name(auditStore, "auditStore");
async function auditPages(db, verifyBundles, onProgress) {
  const report = { runs: 0, verified: 0, unverified: 0, problems: [] };
  const all = /* @__PURE__ */ __name(async (sql, p = []) => {
    try {
      return await db.all(sql, p);
    } catch (err) {
      throw storeError(err, db.location, "auditing the store");
    }
  }, "all");
  let after = "";
  for (; ; ) {
    const runs = await all(
      // verified_doc: the document a verification row vouches for — the run's own when one does, else another
      // bundle of the same statement (ingested after it, verified then). Answers say "verified" whenever a row exists.
      `SELECT r.run_no, ${RUN_COLUMNS.map((c) => `r.${c}`).join(", ")},
         CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified,
         CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id AND v.doc_sha256 = r.doc_sha256) THEN r.doc_sha256
              ELSE (SELECT MIN(v.doc_sha256) FROM verifications v WHERE v.run_id = r.run_id) END AS verified_doc
       FROM runs r WHERE r.run_id > ? ORDER BY r.run_id LIMIT ${PAGE}`,
      [after]
    );
    if (runs.length === 0) break;
    after = String(runs[runs.length - 1].run_id);
    const nos = runs.map((r) => Number(r.run_no));
    const idOf = new Map(runs.map((r) => [Number(r.run_no), String(r.run_id)]));
    const marks = nos.map(() => "?").join(", ");
    const docShas = [...new Set(runs.flatMap((r) => [String(r.doc_sha256), ...r.verified_doc ? [String(r.verified_doc)] : []]))];
    const blobs = new Map(
      (await all(`SELECT b.sha256, b.bytes FROM blobs b WHERE b.sha256 IN (${docShas.map(() => "?").join(", ")})`, docShas)).map((b) => [String(b.sha256), Buffer.from(b.bytes)])
    );
    const stored = /* @__PURE__ */ new Map();
    for (const t of Object.keys(CHILD_COLUMNS)) {
      const cols = CHILD_COLUMNS[t];
      const order = t === "step_io" ? "step_ord, direction, dataset_ord" : "ord";
      const byRun = /* @__PURE__ */ new Map();
      for (const r of await all(`SELECT run_no, ${cols.join(", ")} FROM ${t} WHERE run_no IN (${marks}) ORDER BY run_no, ${order}`, nos)) {
        const runId = idOf.get(Number(r.run_no));
        const list = byRun.get(runId) ?? [];
        list.push(rowKey(r, cols));
        byRun.set(runId, list);
      }
      stored.set(t, byRun);
    }
    const toVerify = [];
    for (const run of runs) {
      report.runs++;
      const runId = String(run.run_id);
      const problem = /* @__PURE__ */ __name((where, detail) => report.problems.push({ runId, where, detail }), "problem");
      const bytes = blobs.get(String(run.doc_sha256));
      if (!bytes) {
        problem("blob", `the stored document ${String(run.doc_sha256)} is missing`);
        continue;
      }
      if (hash3("sha256", bytes, "hex") !== run.doc_sha256) {
        problem("blob", "the stored document bytes do not match their sha256 (edited in the database)");
        continue;
      }
      let doc;
      try {
        doc = storeDocument(bytes, `run ${runId}`);
      } catch (err) {
        problem("statement", err instanceof ProvenanceError ? err.message : String(err));
        continue;
      }
      if (runIdOf(doc) !== runId) {
        problem("runs", `the run id does not match the stored statement (its digest is ${runIdOf(doc)})`);
        continue;
      }
      const derived = deriveRows(doc.statement, { runId, docSha256: String(run.doc_sha256), kind: doc.bundle ? "bundle" : "statement" }, doc.bundle);
      const runDiff = RUN_COLUMNS.filter((c) => JSON.stringify(norm(run[c])) !== JSON.stringify(norm(derived.run[c])));
      if (runDiff.length) problem("runs", `column${runDiff.length > 1 ? "s" : ""} ${runDiff.join(", ")} differ from the statement`);
      for (const t of Object.keys(CHILD_COLUMNS)) {
        const want = derived[t].map((r) => rowKey(r, CHILD_COLUMNS[t]));
        const have = stored.get(t).get(runId) ?? [];
        if (JSON.stringify(want) !== JSON.stringify(have)) {
          const changed = have.filter((h) => !want.includes(h)).length;
          const missing = want.filter((w) => !have.includes(w)).length;
          problem(t, `${changed} row(s) differ from the statement, ${missing} expected row(s) missing`);
        }
      }
      if (Number(run.verified) !== 1) {
        report.unverified++;
        continue;
      }
      const vouched = String(run.verified_doc);
      const vdoc = vouched === String(run.doc_sha256) ? doc : vouchedDocument(blobs.get(vouched), vouched, runId);
      if (typeof vdoc === "string" || !vdoc.bundle) {
        problem("verifications", `marked verified, but ${typeof vdoc === "string" ? vdoc : `the document it names (${vouched}) is a bare statement, which has no signature`}`);
        continue;
      }
      toVerify.push({ runId, bundle: vdoc.bundle, sha256: vouched });
    }
    if (toVerify.length) {
      const results = await verifyBundles(toVerify);
      results.forEach((failure, i) => {
        if (failure === void 0) report.verified++;
        else report.problems.push({ runId: toVerify[i].runId, where: "signature", detail: failure });
      });
    }
    await onProgress?.(report.runs);
  }
  for (const t of Object.keys(CHILD_COLUMNS)) {
    for (const r of await all(`SELECT DISTINCT c.run_no FROM ${t} c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_no = c.run_no)`)) {
      report.problems.push({ runId: `(run number ${String(r.run_no)})`, where: t, detail: "rows for a run that is not in the store" });
    }
  }
  for (const r of await all("SELECT DISTINCT c.run_id FROM verifications c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id = c.run_id)")) {
    report.problems.push({ runId: String(r.run_id), where: "verifications", detail: "rows for a run that is not in the store" });
  }
  for (const b of await all(UNREFERENCED_BLOBS)) {
    report.problems.push({ runId: `(bundle ${String(b.sha256)})`, where: "blobs", detail: "stored bytes that no run or verification points at (left by an earlier purge, or inserted directly): the next store purge removes them" });
  }
  if (db.dialect === "postgres" && (await all("SELECT to_regclass('purge_runs')::text AS t"))[0]?.t) {
    const unnamed = await all(
      "SELECT pr.purge_id, pr.run_id FROM purge_runs pr LEFT JOIN purges p ON p.id = pr.purge_id WHERE p.id IS NULL OR NOT (p.run_ids::jsonb @> jsonb_build_array(pr.run_id)) ORDER BY pr.purge_id, pr.run_id"
    );
    for (const r of unnamed) {
      report.problems.push({ runId: String(r.run_id), where: "purge_runs", detail: `purge ${String(r.purge_id)} was allowed to delete it, but its purge record does not name it` });
    }
  }
  return report;
}
__name(auditPages, "auditPages");

// src/store/grant.ts
var STORE_ROLES = ["reader", "ingest", "auditor", "purger"];
var ident = /* @__PURE__ */ __name((name) => {
  if (!/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(name)) {
    throw new InputError("bad-role", `role name "${name}" is not a plain PostgreSQL identifier`, { fix: "use letters, digits, _ and - (max 63)" });
  }
  return `"${name}"`;
}, "ident");
function refuseGrantOnFile() {
  throw new InputError("grant-on-file", "an embedded store is a file: it cannot enforce roles", {
    fix: "control access with the file\u2019s permissions (it is created 0600), or use --store postgres://\u2026 for roles"
  });
}
__name(refuseGrantOnFile, "refuseGrantOnFile");
async function grantRole(db, o) {
  if (db.dialect !== "postgres") refuseGrantOnFile();
  if (o.role === "reader" && o.repos.length === 0) throw new InputError("grant-without-repo", "a reader needs --repo OWNER/REPO (or OWNER/*)", { fix: "add --repo octo-org/models" });
  const repos = o.repos.map((r) => {
    const [owner, repo] = r.split("/");
    if (!owner || !repo) throw new InputError("bad-repo", `--repo must be OWNER/REPO or OWNER/*, got "${r}"`, { fix: "pass --repo octo-org/models" });
    return { owner, repo };
  });
  try {
    await db.transaction(async (tx) => {
      await tx.run(`GRANT mlp_${o.role} TO ${ident(o.user)}`);
      for (const r of repos) await tx.run("INSERT INTO mlp_grants (role_name, owner, repo) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [o.user, r.owner, r.repo]);
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw storeError(err, db.location, `granting ${o.role} to ${o.user}`, "run store grant as the store's admin: the role that opened it first (with CREATEROLE), or one given the mlp_* roles WITH ADMIN OPTION");
  }
}
__name(grantRole, "grantRole");

export {
  storeError,
  IngestInterrupted,
  openStore,
  withStore,
  metricQuestion,
  eachMetricAnswer,
  datasetRef,
  datasetQuestion,
  modelQuestion,
  EVERY_RUN,
  runSelection,
  runsQuestion,
  storedDocument,
  storedRun,
  storedRuns,
  trustedStoredRuns,
  storeDocument,
  runIdOf,
  ingestDocuments,
  writeDocuments,
  PART_BYTES,
  ingestFiles,
  purgeRuns,
  auditStore,
  STORE_ROLES,
  refuseGrantOnFile,
  grantRole
};
