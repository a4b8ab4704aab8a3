/**
 * The store as a source of documents: the stored bundle (or statement) bytes read back
 * and parsed exactly as a file would be, so `diff`, `export`, `report` and the
 * file-based lineage questions run unchanged on the store. The bytes are the ones that
 * were verified at ingest (content-addressed, so a row cannot point at other bytes
 * without `store audit` noticing); each document says whether its run was verified.
 */
import { InputError } from '../errors.js';
import { documentFromBytes, type LoadedDocument } from '../statement/load.js';
import type { Db } from './db.js';
import { storeError } from './errors.js';
import { listRunsCommand } from './location.js';
import { runSelection, storedDocument } from './questions.js';

export interface StoredLoadedDocument extends LoadedDocument {
  /** The run id (hex statement digest). */
  runId: string;
  /** A bundle that verified at ingest; false when stored with `--no-verify` (or a bare statement). */
  verified: boolean;
}

/** Which runs to read: all, or those of a repository (OWNER/REPO or OWNER/*) and time range. */
export interface StoreSelection {
  repository?: string;
  /** ISO times: finished at or after `since`, before `until`. */
  since?: string;
  until?: string;
}

const HEX_PREFIX = /^(sha256:)?[0-9a-f]{8,64}$/i;

/** How a stored document is named in messages and in the report: the store, then the run. */
function label(db: Db, runId: string): string {
  return `${db.location}#sha256:${runId}`;
}

function parse(db: Db, runId: string, bytes: Buffer, verified: boolean): StoredLoadedDocument {
  return { ...documentFromBytes(bytes, label(db, runId)), runId, verified };
}

/** One run by its id or an unambiguous prefix (≥ 8 hex digits); a clear error otherwise. */
export async function storedRun(db: Db, ref: string): Promise<StoredLoadedDocument> {
  if (!HEX_PREFIX.test(ref)) {
    throw new InputError('bad-run-ref', `"${ref.slice(0, 80)}" is not a run id`, {
      fix: `pass a run id (the statement digest, sha256:HEX, or its first 8+ hex digits) as \`${listRunsCommand(db.location)}\` or \`store ingest\` print it`,
    });
  }
  const found = await storedDocument(db, ref);
  if (found === 'ambiguous') {
    throw new InputError('ambiguous-run-ref', `run id prefix ${ref} matches more than one run in ${db.location}`, { fix: 'give more hex digits of the run id' });
  }
  if (!found) {
    throw new InputError('unknown-run', `no run ${ref} in ${db.location}`, { fix: `list every stored run with \`${listRunsCommand(db.location)}\`, or ingest the bundle first (\`store ingest\`)` });
  }
  return parse(db, found.runId, found.bytes, found.verified);
}

/** Every stored run the selection names, oldest first (by finish time, then id). */
export async function storedRuns(db: Db, sel: StoreSelection = {}): Promise<StoredLoadedDocument[]> {
  const { where, params } = runSelection(sel);
  where.unshift('b.sha256 = r.doc_sha256');
  let rows: Record<string, unknown>[];
  try {
    rows = await db.all(
      `SELECT r.run_id, b.bytes, CASE WHEN EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = r.run_id) THEN 1 ELSE 0 END AS verified
       FROM runs r CROSS JOIN blobs b WHERE ${where.join(' AND ')} ORDER BY r.finished_on, r.run_id`,
      params,
    );
  } catch (err) {
    throw storeError(err, db.location, 'reading stored records');
  }
  return rows.map((r) => parse(db, String(r.run_id), Buffer.from(r.bytes as Uint8Array), Number(r.verified) === 1));
}

/**
 * The runs a command may build on: those verified at ingest, plus (only with
 * `--no-verify`) those stored unverified. What is left out is said, never dropped silently.
 */
export function trustedStoredRuns(docs: StoredLoadedDocument[], noVerify: boolean, warn: (m: string) => void): StoredLoadedDocument[] {
  const unverified = docs.filter((d) => !d.verified);
  if (unverified.length === 0) return docs;
  if (noVerify) {
    warn(`${unverified.length} run(s) in the store were not verified at ingest (stored with --no-verify or as bare statements); included because of --no-verify`);
    return docs;
  }
  warn(`${unverified.length} run(s) in the store were not verified at ingest and are left out; pass --no-verify to include them`);
  return docs.filter((d) => d.verified);
}
