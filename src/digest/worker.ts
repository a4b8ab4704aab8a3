/**
 * The hashing core and the digest worker thread.
 *
 * This file is deliberately self-contained (only `node:` imports, only erasable
 * TypeScript) so that the same file runs three ways: imported by `index.ts` for
 * in-process hashing, started as a worker straight from source (Node 24 strips the
 * types; this is what vitest does), and bundled by esbuild into
 * `dist/digest-worker.js` next to `dist/index.js` and `dist/cli.js`.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** What hashing one path gave: a digest, a special file that was not read, or an error. */
export type HashResult =
  | { sha256: string; size: number }
  | { special: SpecialKind }
  | { error: { code: string; message: string; path: string } };

export type SpecialKind = 'fifo' | 'socket' | 'character-device' | 'block-device' | 'directory' | 'other';

/**
 * Read size for the synchronous loop. 256 KiB measured best here (sha256 of a
 * 2 GiB cached file: 64 KiB 1.68 s, 256 KiB 1.57 s, 1 MiB 2.8 s; the bigger reads
 * fall out of L2 before the hash reads them back). See docs/BENCHMARKS.md.
 */
export const SYNC_CHUNK = 256 * 1024;

/** Open flags: O_NONBLOCK so that opening a FIFO never waits for a writer. */
export const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export function specialKind(st: Stats): SpecialKind {
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  if (st.isDirectory()) return 'directory';
  return 'other';
}

/**
 * Hash one file synchronously into a caller-owned buffer (so a worker reuses one
 * buffer for every file). The type is checked on the open descriptor, so a path
 * swapped for a FIFO between listing and hashing is reported, never read.
 */
export function hashFileSync(file: string, buf: Buffer, onBytes?: (n: number) => void): HashResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    return { error: errorInfo(err, file) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { special: specialKind(st) };
    // Most files in a big dataset are small: one read, one-shot hash (no Hash object).
    const first = readSync(fd, buf, 0, buf.length, null);
    if (onBytes && first > 0) onBytes(first);
    if (first < buf.length) return { sha256: oneShotHash('sha256', buf.subarray(0, first), 'hex'), size: first };
    const hash = createHash('sha256');
    hash.update(buf);
    let size = first;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(n === buf.length ? buf : buf.subarray(0, n));
      size += n;
      if (onBytes) onBytes(n);
      // A short read of a regular file is its end: saves a read per small file.
      if (n < buf.length) break;
    }
    return { sha256: hash.digest('hex'), size };
  } catch (err) {
    return { error: errorInfo(err, file) };
  } finally {
    closeSync(fd);
  }
}

function errorInfo(err: unknown, file: string): { code: string; message: string; path: string } {
  const e = err as NodeJS.ErrnoException;
  return { code: typeof e?.code === 'string' ? e.code : 'EUNKNOWN', message: e instanceof Error ? e.message : String(err), path: file };
}

/** A batch of absolute paths, sent by the pool (src/util/worker-pool.ts). */
export interface WorkerRequest {
  id: number;
  items: string[];
}

/** Messages a worker posts back: byte progress (deltas) and finished batches. */
export type WorkerMessage = { type: 'bytes'; bytes: number } | { type: 'done'; id: number; results: HashResult[] };

/** Progress deltas are flushed at most every this many bytes, and at the end of each batch. */
const PROGRESS_FLUSH = 32 * 1024 * 1024;

if (!isMainThread && parentPort && (workerData as { mlpDigestWorker?: boolean } | null)?.mlpDigestWorker) {
  const port = parentPort;
  const buf = Buffer.allocUnsafe(SYNC_CHUNK);
  let pending = 0;
  const onBytes = (n: number): void => {
    pending += n;
    if (pending >= PROGRESS_FLUSH) {
      port.postMessage({ type: 'bytes', bytes: pending } satisfies WorkerMessage);
      pending = 0;
    }
  };
  port.on('message', (req: WorkerRequest) => {
    const results: HashResult[] = [];
    for (const p of req.items) results.push(hashFileSync(p, buf, onBytes));
    if (pending > 0) {
      port.postMessage({ type: 'bytes', bytes: pending } satisfies WorkerMessage);
      pending = 0;
    }
    port.postMessage({ type: 'done', id: req.id, results } satisfies WorkerMessage);
  });
}
