/**
 * The integrity audit: every stored document is re-read from its content-addressed
 * bytes, its bundle verified again (signature, certificate, transparency-log proof,
 * signer identity), and every row derived from it compared with what the database
 * holds, so a row edited or added behind the store's back is reported.
 */
import { hash } from 'node:crypto';
import { ProvenanceError } from '../errors.js';
import type { Db, Row } from './db.js';
import { CHILD_COLUMNS, deriveRows, RUN_COLUMNS, type ChildTable } from './derive.js';
import { storeError } from './errors.js';
import { storeDocument, runIdOf } from './ingest.js';
import { UNREFERENCED_BLOBS } from './purge.js';

export interface AuditProblem {
  runId: string;
  /** `signature`, `blob`, `statement`, or the table whose rows differ. */
  where: string;
  detail: string;
}
export interface AuditReport {
  runs: number;
  verified: number;
  /** Stored with --no-verify: their rows are checked, their signatures were never trusted. */
  unverified: number;
  problems: AuditProblem[];
}

/** Verifies bundles; one entry per bundle: undefined when it verifies, else why not. */
export type AuditVerifier = (bundles: { bundle: Record<string, unknown>; sha256: string }[]) => Promise<(string | undefined)[]>;

const PAGE = 500;

const norm = (v: unknown): unknown => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v);
const rowKey = (r: Row, cols: readonly string[]): string => JSON.stringify(cols.map((c) => norm(r[c])));

/** Another stored document a verification row names, when it is a bundle of the same statement; else why not. */
function vouchedDocument(bytes: Buffer | undefined, sha256: string, runId: string): ReturnType<typeof storeDocument> | string {
  if (!bytes) return `the document it names (${sha256}) is not stored`;
  if (hash('sha256', bytes, 'hex') !== sha256) return `the document it names (${sha256}) does not match its sha256 (edited in the database)`;
  let doc;
  try {
    doc = storeDocument(bytes, `run ${runId}`);
  } catch {
    return `the document it names (${sha256}) is not a statement or bundle`;
  }
  if (runIdOf(doc) !== runId) return `the document it names (${sha256}) is a different statement`;
  return doc;
}

/**
 * Every run checked against its statement, page by page, all in one snapshot: a purge or ingest
 * committed while the audit runs is wholly seen or not at all. Read outside one (measured: a reader's
 * audit of 38,040 runs while the owner purged two repositories), runs a purge removed between two
 * reads of a page were reported as "the stored document … is missing" (10 false problems, exit 1),
 * and the count of runs audited was of no state the store had. `onProgress` runs after each page.
 */
export async function auditStore(db: Db, verifyBundles: AuditVerifier, onProgress?: (done: number) => void | Promise<void>): Promise<AuditReport> {
  return db.snapshot((view) => auditPages(view, verifyBundles, onProgress));
}

async function auditPages(db: Db, verifyBundles: AuditVerifier, onProgress?: (done: number) => void | Promise<void>): Promise<AuditReport> {
  const report: AuditReport = { runs: 0, verified: 0, unverified: 0, problems: [] };
  const all = async (sql: string, p: (string | number)[] = []) => {
    try {
      return await db.all(sql, p);
    } catch (err) {
      throw storeError(err, db.location, 'auditing the store');
    }
  };
  let after = '';
  for (;;) {
    const runs = await all(
      // verified_doc: the document a verification row vouches for — the run's own when one does, else another
      // bundle of the same statement (ingested after it, verified then). Answers say "verified" whenever a row exists.
      `SELECT r.run_no, ${RUN_COLUMNS.map((c) => `r.${c}`).join(', ')},
         CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified,
         CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id AND v.doc_sha256 = r.doc_sha256) THEN r.doc_sha256
              ELSE (SELECT MIN(v.doc_sha256) FROM verifications v WHERE v.run_id = r.run_id) END AS verified_doc
       FROM runs r WHERE r.run_id > ? ORDER BY r.run_id LIMIT ${PAGE}`,
      [after],
    );
    if (runs.length === 0) break;
    after = String(runs[runs.length - 1]!.run_id);
    const nos = runs.map((r) => Number(r.run_no));
    const idOf = new Map(runs.map((r) => [Number(r.run_no), String(r.run_id)]));
    const marks = nos.map(() => '?').join(', ');
    const docShas = [...new Set(runs.flatMap((r) => [String(r.doc_sha256), ...(r.verified_doc ? [String(r.verified_doc)] : [])]))];
    const blobs = new Map(
      (await all(`SELECT b.sha256, b.bytes FROM blobs b WHERE b.sha256 IN (${docShas.map(() => '?').join(', ')})`, docShas)).map((b) => [String(b.sha256), Buffer.from(b.bytes as Uint8Array)]),
    );
    const stored = new Map<ChildTable, Map<string, string[]>>();
    for (const t of Object.keys(CHILD_COLUMNS) as ChildTable[]) {
      const cols = CHILD_COLUMNS[t];
      const order = t === 'step_io' ? 'step_ord, direction, dataset_ord' : 'ord';
      const byRun = new Map<string, string[]>();
      for (const r of await all(`SELECT run_no, ${cols.join(', ')} FROM ${t} WHERE run_no IN (${marks}) ORDER BY run_no, ${order}`, nos)) {
        const runId = idOf.get(Number(r.run_no))!;
        const list = byRun.get(runId) ?? [];
        list.push(rowKey(r, cols));
        byRun.set(runId, list);
      }
      stored.set(t, byRun);
    }
    const toVerify: { runId: string; bundle: Record<string, unknown>; sha256: string }[] = [];
    for (const run of runs) {
      report.runs++;
      const runId = String(run.run_id);
      const problem = (where: string, detail: string) => report.problems.push({ runId, where, detail });
      const bytes = blobs.get(String(run.doc_sha256));
      if (!bytes) {
        problem('blob', `the stored document ${String(run.doc_sha256)} is missing`);
        continue;
      }
      if (hash('sha256', bytes, 'hex') !== run.doc_sha256) {
        problem('blob', 'the stored document bytes do not match their sha256 (edited in the database)');
        continue;
      }
      let doc;
      try {
        doc = storeDocument(bytes, `run ${runId}`);
      } catch (err) {
        problem('statement', err instanceof ProvenanceError ? err.message : String(err));
        continue;
      }
      if (runIdOf(doc) !== runId) {
        problem('runs', `the run id does not match the stored statement (its digest is ${runIdOf(doc)})`);
        continue;
      }
      const derived = deriveRows(doc.statement, { runId, docSha256: String(run.doc_sha256), kind: doc.bundle ? 'bundle' : 'statement' }, doc.bundle);
      const runDiff = RUN_COLUMNS.filter((c) => JSON.stringify(norm(run[c])) !== JSON.stringify(norm((derived.run as unknown as Row)[c])));
      if (runDiff.length) problem('runs', `column${runDiff.length > 1 ? 's' : ''} ${runDiff.join(', ')} differ from the statement`);
      for (const t of Object.keys(CHILD_COLUMNS) as ChildTable[]) {
        const want = (derived[t] as unknown as Row[]).map((r) => rowKey(r, CHILD_COLUMNS[t]));
        const have = stored.get(t)!.get(runId) ?? [];
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
      // Marked verified: the bundle its verification names must be stored, be a bundle of this statement, and verify again.
      // (A verification row added in the database would otherwise make every answer say "verified" for an unsigned run.)
      const vouched = String(run.verified_doc);
      const vdoc = vouched === String(run.doc_sha256) ? doc : vouchedDocument(blobs.get(vouched), vouched, runId);
      if (typeof vdoc === 'string' || !vdoc.bundle) {
        problem('verifications', `marked verified, but ${typeof vdoc === 'string' ? vdoc : `the document it names (${vouched}) is a bare statement, which has no signature`}`);
        continue;
      }
      toVerify.push({ runId, bundle: vdoc.bundle, sha256: vouched });
    }
    if (toVerify.length) {
      const results = await verifyBundles(toVerify);
      results.forEach((failure, i) => {
        if (failure === undefined) report.verified++;
        else report.problems.push({ runId: toVerify[i]!.runId, where: 'signature', detail: failure });
      });
    }
    await onProgress?.(report.runs);
  }
  // Rows whose run is not in the store: inserted directly.
  for (const t of Object.keys(CHILD_COLUMNS)) {
    for (const r of await all(`SELECT DISTINCT c.run_no FROM ${t} c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_no = c.run_no)`)) {
      report.problems.push({ runId: `(run number ${String(r.run_no)})`, where: t, detail: 'rows for a run that is not in the store' });
    }
  }
  for (const r of await all('SELECT DISTINCT c.run_id FROM verifications c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id = c.run_id)')) {
    report.problems.push({ runId: String(r.run_id), where: 'verifications', detail: 'rows for a run that is not in the store' });
  }
  // Bundle bytes nothing stored points at: a purge kept what it should have removed (before migration 5 on PostgreSQL,
  // or a second bundle of a purged statement before 2026-11-29), or they were inserted directly.
  for (const b of await all(UNREFERENCED_BLOBS)) {
    report.problems.push({ runId: `(bundle ${String(b.sha256)})`, where: 'blobs', detail: 'stored bytes that no run or verification points at (left by an earlier purge, or inserted directly): the next store purge removes them' });
  }
  // PostgreSQL (migration 5 on): the runs a purge was allowed to delete (purge_runs) must be the ones its stored record
  // names. Before migration 6 a purger could add names there with a row ON CONFLICT skipped, and delete those runs.
  if (db.dialect === 'postgres' && (await all("SELECT to_regclass('purge_runs')::text AS t"))[0]?.t) {
    const unnamed = await all(
      'SELECT pr.purge_id, pr.run_id FROM purge_runs pr LEFT JOIN purges p ON p.id = pr.purge_id WHERE p.id IS NULL OR NOT (p.run_ids::jsonb @> jsonb_build_array(pr.run_id)) ORDER BY pr.purge_id, pr.run_id',
    );
    for (const r of unnamed) {
      report.problems.push({ runId: String(r.run_id), where: 'purge_runs', detail: `purge ${String(r.purge_id)} was allowed to delete it, but its purge record does not name it` });
    }
  }
  return report;
}
