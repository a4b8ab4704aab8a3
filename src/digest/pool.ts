/**
 * Hash many files on worker threads with a bounded queue: each worker has at most
 * `IN_FLIGHT` batches outstanding, so memory stays constant however many files
 * there are (beyond the results themselves), and a slow huge file holds up only
 * its own worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProvenanceError } from '../errors.js';
import { bundledScript, mapOnWorkers } from '../util/worker-pool.js';
import type { HashResult, WorkerMessage } from './worker.js';

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
  return bundledScript('digest-worker.js', import.meta.url);
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
  return mapOnWorkers<string, HashResult, WorkerMessage>(paths, {
    url,
    workerData: { mlpDigestWorker: true },
    workers: opts.workers,
    batch: BATCH,
    inFlight: IN_FLIGHT,
    ...(opts.onFile ? { onResult: opts.onFile } : {}),
    onMessage: (msg) => {
      if (msg.type === 'bytes') opts.onBytes?.(msg.bytes);
    },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}
