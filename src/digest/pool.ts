/**
 * Hash many files on worker threads with a bounded queue: each worker has at most
 * `IN_FLIGHT` batches outstanding, so memory stays constant however many files
 * there are (beyond the results themselves), and a slow huge file holds up only
 * its own worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProvenanceError } from '../errors.js';
import type { HashResult, WorkerMessage, WorkerRequest } from './worker.js';

/** Files per message: enough to amortise messaging for small files. */
const BATCH = 64;
/** Batches queued per worker: one being hashed, one waiting, so a worker never idles. */
const IN_FLIGHT = 2;

/**
 * Where the worker script is. From source (tests, `tsx`-free Node 24 with type
 * stripping) it is `worker.ts` beside this file; in the bundles it is
 * `digest-worker.js` beside `dist/index.js` / `dist/cli.js` (esbuild replaces
 * `process.env.ML_PROVENANCE_BUNDLED` with "1" there, see scripts/build.mjs).
 */
export function workerUrl(): URL {
  if (process.env.ML_PROVENANCE_BUNDLED !== '1') return new URL('./worker.ts', import.meta.url);
  // With esbuild code splitting this code may sit in dist/chunks/: look one level up too.
  const here = new URL('./digest-worker.js', import.meta.url);
  const up = new URL('../digest-worker.js', import.meta.url);
  return !existsSync(fileURLToPath(here)) && existsSync(fileURLToPath(up)) ? up : here;
}

export interface PoolOptions {
  workers: number;
  onBytes?: (n: number) => void;
  onFile?: (index: number, result: HashResult) => void;
  signal?: AbortSignal;
}

/** Hash `paths` (absolute) on `workers` threads; results are in input order. */
export async function hashOnWorkers(paths: string[], opts: PoolOptions): Promise<HashResult[]> {
  const url = workerUrl();
  if (!existsSync(fileURLToPath(url))) {
    throw new ProvenanceError('service', 'digest-worker-missing', `the digest worker script is missing: ${fileURLToPath(url)}`, {
      fix: 'rebuild with `npm run build` so that dist/digest-worker.js sits next to dist/index.js and dist/cli.js',
      file: fileURLToPath(url),
    });
  }
  const results: HashResult[] = new Array<HashResult>(paths.length);
  const count = Math.max(1, Math.min(opts.workers, Math.ceil(paths.length / BATCH)));
  const workers: Worker[] = [];
  let next = 0;
  let batchId = 0;
  const starts = new Map<number, number>();

  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const fail = (err: unknown): void => {
        if (failed) return;
        failed = true;
        reject(err);
      };
      const onAbort = (): void => fail(opts.signal?.reason ?? new Error('aborted'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.signal?.aborted) return onAbort();

      const send = (w: Worker): boolean => {
        if (next >= paths.length) return false;
        const id = batchId++;
        starts.set(id, next);
        const slice = paths.slice(next, next + BATCH);
        next += slice.length;
        w.postMessage({ id, paths: slice } satisfies WorkerRequest);
        return true;
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(url, { workerData: { mlpDigestWorker: true } });
        workers.push(w);
        w.on('error', fail);
        w.on('exit', (code) => {
          if (!failed && finished < paths.length) fail(new Error(`digest worker exited early with code ${code}`));
        });
        w.on('message', (msg: WorkerMessage) => {
          if (failed) return;
          if (msg.type === 'bytes') {
            opts.onBytes?.(msg.bytes);
            return;
          }
          const start = starts.get(msg.id)!;
          starts.delete(msg.id);
          for (let j = 0; j < msg.results.length; j++) {
            const r = msg.results[j]!;
            results[start + j] = r;
            opts.onFile?.(start + j, r);
          }
          finished += msg.results.length;
          send(w);
          if (finished === paths.length) {
            opts.signal?.removeEventListener('abort', onAbort);
            resolve();
          }
        });
        for (let k = 0; k < IN_FLIGHT; k++) send(w);
      }
      if (paths.length === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
