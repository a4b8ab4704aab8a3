/**
 * `store ingest FILE|DIR…` over archives of any size. A parsed bundle holds about four
 * times its bytes in memory (~80 KB for an 18 KB bundle), so reading a folder of 100,000
 * at once needed ~8 GB. The files are read in parts of bounded size instead, and twice:
 * first every part is parsed and verified (a bundle that fails stops the command before
 * anything is written, as it does for a single part), then the accepted files are read
 * again and written, each checked to still have the bytes that were verified.
 */
import { hash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, ProvenanceError } from '../errors.js';
import { skippedStatementNote, trustDocuments, type BundleVerifier } from '../lineage/trust.js';
import { unreadableBundle, type UnreadableBundle } from '../lineage/sources.js';
import type { LoadedDocument } from '../statement/load.js';
import { readFileChecked } from '../util/fs.js';
import type { Logger } from '../util/log.js';
import { loopTurns } from '../util/loop.js';
import type { Db } from './db.js';
import { IngestInterrupted } from './errors.js';
import { bytesSha256, storeDocument, transactionLimits, writeDocuments, type IngestResult, type StoreDocument } from './ingest.js';

/** File bytes per part: ~900 bundles of 18 KB (measured, bench/store.mjs). */
export const PART_BYTES = 16 * 2 ** 20;
/** No further part joins a SQLite transaction open this long (reading and parsing a part happen inside it): a waiting writer's 60 s (busy_timeout) stays far off. */
const HOLD_MS = 2000;

interface Source {
  input: string;
  dir: boolean;
  files: string[];
}

/** The files named on the command line; for a folder, every *.json below it (sorted). */
async function listSources(inputs: string[], log: Logger): Promise<Source[]> {
  if (inputs.length === 0) {
    throw new InputError('no-inputs', 'no bundles given', { fix: 'pass one or more bundle files or directories holding them' });
  }
  const out: Source[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => undefined);
    if (!st) throw new InputError('file-not-found', `not found: ${input}`, { fix: 'check the path', file: input });
    const entries = st.isDirectory() ? (await readdir(input, { recursive: true, withFileTypes: true })).filter((e) => !/(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(e.parentPath)) : [];
    // Links are not followed (a loop, or a way out of the folder): said, so a bundle behind one is not missed silently.
    for (const e of entries.filter((x) => x.isSymbolicLink()).sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
      log.warning(`skipping ${path.join(e.parentPath, e.name)}: a symbolic link is not followed (pass its target to ingest what it points at)`);
    }
    const files = st.isDirectory()
      ? entries
          .filter((e) => e.isFile() && /\.json$/i.test(e.name))
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      : [input];
    out.push({ input, dir: st.isDirectory(), files });
  }
  return out;
}

interface Part {
  docs: StoreDocument[];
  unreadable: UnreadableBundle[];
}

/** Parse the files part by part (a folder's files that are not ml-provenance JSON are skipped with a warning). */
async function* readParts(sources: Source[], log: Logger, partBytes: number, turn: () => Promise<void>, signal?: AbortSignal): AsyncGenerator<Part> {
  let part: Part = { docs: [], unreadable: [] };
  let bytesInPart = 0;
  for (const s of sources) {
    let found = 0;
    for (const f of s.files) {
      await turn();
      signal?.throwIfAborted();
      const bytes = await readFileChecked(f, 'statement or bundle');
      try {
        part.docs.push({ ...storeDocument(bytes, f), ...(s.dir ? { scanned: true } : {}) });
        found++;
      } catch (err) {
        if (!(err instanceof ProvenanceError) || err.kind !== 'input') throw err;
        const broken = await unreadableBundle(f, err);
        if (broken) {
          part.unreadable.push({ ...broken, ...(s.dir ? {} : { explicit: true }) });
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
      throw new InputError('no-statements-in-directory', `${s.input} holds no ml-provenance bundles`, { fix: 'point at the directory holding provenance.sigstore.json files', file: s.input });
    }
  }
  if (part.docs.length > 0 || part.unreadable.length > 0) yield part;
}

export interface IngestFilesOptions {
  /** Verify bundles before storing (default). false: store as "not verified". */
  verify: boolean;
  verifier: BundleVerifier;
  /** Describes the signer policy verified against, stored with each verification. */
  identity: string;
  logger: Logger;
  /** File bytes read per part (default PART_BYTES). */
  partBytes?: number;
  /** Records one transaction writes at most (default transactionLimits). */
  transactionRecords?: number;
  /**
   * Stop when aborted, at the next safe point, throwing IngestInterrupted: in the first pass at the
   * next file, or with the verification threads stopped (nothing written); in the second, between
   * runs, the transaction under way committing the runs it holds, and no other beginning.
   */
  signal?: AbortSignal;
}

/** A file accepted in the first pass is not the same in the second: changed, removed or made unreadable meanwhile. */
function changedWhileIngesting(file: string, what: 'changed' | 'was removed or became unreadable', detail: string, stored: number): InputError {
  return new InputError('file-changed', `${file} ${what} while it was being ingested (${detail}); ${stored} run(s) were stored before it`, {
    fix: 'ingest again once nothing is writing to the folder (runs already stored are left as they are)',
    file,
  });
}

export async function ingestFiles(db: Db, inputs: string[], o: IngestFilesOptions): Promise<IngestResult> {
  const partBytes = o.partBytes ?? PART_BYTES;
  const signal = o.signal;
  // The reads and writes below are synchronous: turns of the event loop let the handler that aborts the signal run.
  const turn = signal ? loopTurns() : async () => undefined;
  const interrupted = (stored: number, stage: IngestInterrupted['stage']) => new IngestInterrupted(signal?.reason, stored, stage);
  const sources = await listSources(inputs, o.logger);
  const signed = new Set<string>();
  const skipped: LoadedDocument[] = [];
  // First pass: parse and verify everything, keeping only what the second pass needs.
  const accepted: { file: string; sha256: string; size: number }[] = [];
  let parts = 0;
  let onlyPart: StoreDocument[] = [];
  try {
    for await (const part of readParts(sources, o.logger, partBytes, turn, signal)) {
      parts++;
      const trusted = (await trustDocuments(part.docs, {
        noVerify: !o.verify,
        verifier: o.verifier,
        unreadable: part.unreadable,
        logger: o.logger,
        signed,
        skipped,
        ...(signal ? { signal } : {}),
      })) as StoreDocument[];
      for (const d of trusted) accepted.push({ file: d.file, sha256: bytesSha256(d), size: d.bytes.length });
      // One part (the usual case) is written from memory; more are read again.
      onlyPart = parts === 1 ? trusted : [];
      signal?.throwIfAborted();
    }
  } catch (err) {
    // Stopped reading or verifying (the verifier rejects with the signal's reason, and its threads stop).
    if (signal?.aborted && err === signal.reason) throw interrupted(0, 'verifying');
    throw err;
  } finally {
    // The same verification threads served every part; the second pass verifies nothing, so they stop here.
    await o.verifier.close?.();
  }
  for (const d of skipped) skippedStatementNote(d, signed, o.logger);
  const write = (docs: StoreDocument[]) =>
    writeDocuments(db, docs, { verified: o.verify, identity: o.identity, ...(o.transactionRecords ? { batch: o.transactionRecords } : {}), ...(signal ? { signal } : {}) });
  if (parts <= 1) {
    const r = await write(onlyPart);
    if (r.stopped) throw interrupted(r.stored.length, 'writing');
    return r;
  }
  const result: IngestResult = { stored: [], existing: [] };
  // On SQLite several parts share one transaction, up to what one transaction writes (transactionLimits:
  // fewer commits write each index page fewer times); writeDocuments' own transactions join it. A failure
  // rolls back only the transaction it is in, so the count in its message is of runs already committed.
  const limits = { ...transactionLimits(db.dialect), ...(o.transactionRecords ? { records: o.transactionRecords } : {}) };
  const together = db.dialect === 'sqlite' ? <T>(fn: () => Promise<T>) => db.transaction(fn) : <T>(fn: () => Promise<T>) => fn();
  for (let i = 0; i < accepted.length; ) {
    // No transaction begins once asked to stop.
    if (signal?.aborted) throw interrupted(result.stored.length, 'writing');
    const done = await together(async () => {
      const out: IngestResult = { stored: [], existing: [] };
      const began = performance.now();
      let records = 0;
      let txBytes = 0;
      do {
        const docs: StoreDocument[] = [];
        let bytes = 0;
        for (; i < accepted.length && bytes < partBytes && records + docs.length < limits.records && txBytes + bytes < limits.bytes && !signal?.aborted; i++) {
          await turn();
          const a = accepted[i]!;
          // Gone or unreadable since it was verified: the same race as changed bytes, said the same way (not "check the path").
          const b = await readFileChecked(a.file, 'statement or bundle').catch((err: unknown) => {
            if (!(err instanceof ProvenanceError) || err.kind !== 'input') throw err;
            throw changedWhileIngesting(a.file, 'was removed or became unreadable', err.message, result.stored.length);
          });
          if (hash('sha256', b, 'hex') !== a.sha256) throw changedWhileIngesting(a.file, 'changed', 'its bytes are not the ones that were verified', result.stored.length);
          docs.push(storeDocument(b, a.file));
          bytes += a.size;
        }
        const part = await write(docs);
        out.stored.push(...part.stored);
        out.existing.push(...part.existing);
        if (part.stopped) out.stopped = true;
        records += docs.length;
        txBytes += bytes;
      } while (db.dialect === 'sqlite' && i < accepted.length && records < limits.records && txBytes < limits.bytes && performance.now() - began < HOLD_MS && !signal?.aborted);
      // Asked to stop: this transaction commits the runs written so far (each whole).
      return out;
    }).catch((err: unknown) => {
      // Asked to stop while waiting for another writer's lock: this transaction never began.
      if (signal?.aborted && err === signal.reason) throw interrupted(result.stored.length, 'writing');
      throw err;
    });
    result.stored.push(...done.stored);
    result.existing.push(...done.existing);
    if (done.stopped) throw interrupted(result.stored.length, 'writing');
  }
  return result;
}
