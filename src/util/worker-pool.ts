/**
 * Map items to results on worker threads with a bounded queue: items go out in
 * batches, each worker has at most `inFlight` batches outstanding (one being worked
 * on, one waiting, so a worker never idles), and results come back in input order.
 * Memory stays bounded by the batches in flight, however many items there are.
 *
 * The protocol: the pool posts `{ id, items }`; a worker answers
 * `{ type: 'done', id, results }` (one result per item, in order), and may post any
 * other message in between, which goes to `onMessage` (e.g. progress).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Where a bundled worker script (`dist/<name>`) is, seen from the module asking:
 * with esbuild code splitting that module may sit in `dist/chunks/`, so look beside
 * it and one level up.
 */
export function bundledScript(name: string, from: string): URL {
  const here = new URL(`./${name}`, from);
  const up = new URL(`../${name}`, from);
  return !existsSync(fileURLToPath(here)) && existsSync(fileURLToPath(up)) ? up : here;
}

export interface BatchRequest<T> {
  id: number;
  items: T[];
}
export interface BatchDone<R> {
  type: 'done';
  id: number;
  results: R[];
}

export interface WorkerPoolOptions<T, R, M> {
  /** The worker script. */
  url: URL;
  /** Passed to every worker as `workerData`. */
  workerData: unknown;
  workers: number;
  /** Items per message: enough to amortise messaging. */
  batch: number;
  /** What is posted for an item, made when its batch is sent (so at most the batches in flight exist encoded). */
  encode?: (item: T) => unknown;
  inFlight?: number;
  onResult?: (index: number, result: R) => void;
  /** Worker messages other than `done`. */
  onMessage?: (msg: M) => void;
  signal?: AbortSignal;
}

export async function mapOnWorkers<T, R, M = never>(items: T[], opts: WorkerPoolOptions<T, R, M>): Promise<R[]> {
  const results = new Array<R>(items.length);
  if (items.length === 0) return results;
  const inFlight = opts.inFlight ?? 2;
  const count = Math.max(1, Math.min(opts.workers, Math.ceil(items.length / opts.batch)));
  const workers: Worker[] = [];
  const starts = new Map<number, number>();
  let next = 0;
  let batchId = 0;
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const fail = (err: unknown): void => {
        if (failed) return;
        failed = true;
        reject(err);
      };
      onAbort = (): void => fail(opts.signal?.reason ?? new Error('aborted'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.signal?.aborted) return onAbort();

      const send = (w: Worker): void => {
        if (next >= items.length) return;
        const id = batchId++;
        starts.set(id, next);
        const slice = items.slice(next, next + opts.batch);
        next += slice.length;
        w.postMessage({ id, items: opts.encode ? slice.map(opts.encode) : slice } satisfies BatchRequest<unknown>);
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(opts.url, { workerData: opts.workerData });
        workers.push(w);
        w.on('error', fail);
        w.on('exit', (code) => {
          if (!failed && finished < items.length) fail(new Error(`worker ${opts.url.pathname.split('/').pop()} exited early with code ${code}`));
        });
        w.on('message', (msg: BatchDone<R> | M) => {
          if (failed) return;
          if ((msg as BatchDone<R>).type !== 'done') {
            opts.onMessage?.(msg as M);
            return;
          }
          const done = msg as BatchDone<R>;
          const start = starts.get(done.id)!;
          starts.delete(done.id);
          done.results.forEach((r, j) => {
            results[start + j] = r;
            opts.onResult?.(start + j, r);
          });
          finished += done.results.length;
          send(w);
          if (finished === items.length) resolve();
        });
        for (let k = 0; k < inFlight; k++) send(w);
      }
    });
  } finally {
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
