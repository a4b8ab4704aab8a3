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
import { Worker, type ResourceLimits } from 'node:worker_threads';

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

export interface WorkerPoolSpec<T, M> {
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
  /** V8 heap limits of each thread (e.g. a smaller young generation: see src/verify/pool.ts). */
  resourceLimits?: ResourceLimits;
  /** Worker messages other than `done`. */
  onMessage?: (msg: M) => void;
}

export interface MapOptions<R> {
  onResult?: (index: number, result: R) => void;
  signal?: AbortSignal;
}

export type WorkerPoolOptions<T, R, M> = WorkerPoolSpec<T, M> & MapOptions<R>;

/** What a worker's messages go to while a map runs. */
interface Job {
  message(w: Worker, msg: unknown): void;
  fail(err: unknown): void;
}

/**
 * Worker threads kept across several maps (e.g. the parts of a large `store ingest`): each
 * thread is started once, when a map first needs it, and stops at close(). A thread started
 * per map paid its start-up and ran cold (code not yet optimised) every time: verifying a
 * 16 MiB part took ~5 s on new threads, ~2 s on kept ones. One map runs at a time
 * (later calls wait); a map that fails or is aborted stops the threads (they may still hold
 * its batches), and the next map starts new ones. Idle threads do not keep the process alive.
 */
export class WorkerPool<T, R, M = never> {
  readonly #spec: WorkerPoolSpec<T, M>;
  #workers: Worker[] = [];
  #job: Job | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #batchId = 0;

  constructor(spec: WorkerPoolSpec<T, M>) {
    this.#spec = spec;
  }

  /** Results in input order. */
  map(items: T[], o: MapOptions<R> = {}): Promise<R[]> {
    const run = this.#queue.then(() => this.#map(items, o));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stop the threads (a later map starts new ones). */
  async close(): Promise<void> {
    await this.#queue;
    await this.#stop();
  }

  async #stop(): Promise<void> {
    const ws = this.#workers;
    this.#workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }

  #start(): Worker {
    const w = new Worker(this.#spec.url, { workerData: this.#spec.workerData, ...(this.#spec.resourceLimits ? { resourceLimits: this.#spec.resourceLimits } : {}) });
    w.on('error', (err) => this.#job?.fail(err));
    w.on('exit', (code) => {
      const i = this.#workers.indexOf(w);
      if (i < 0) return; // stopped on purpose
      this.#workers.splice(i, 1);
      this.#job?.fail(new Error(`worker ${this.#spec.url.pathname.split('/').pop()} exited early with code ${code}`));
    });
    w.on('message', (msg: unknown) => this.#job?.message(w, msg));
    this.#workers.push(w);
    return w;
  }

  async #map(items: T[], o: MapOptions<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    if (items.length === 0) return results;
    const spec = this.#spec;
    const inFlight = spec.inFlight ?? 2;
    const count = Math.max(1, Math.min(spec.workers, Math.ceil(items.length / spec.batch)));
    while (this.#workers.length < count) this.#start();
    const workers = this.#workers.slice(0, count);
    const starts = new Map<number, number>();
    let next = 0;
    let failed = false;
    let onAbort: (() => void) | undefined;
    for (const w of workers) w.ref();
    try {
      await new Promise<void>((resolve, reject) => {
        let finished = 0;
        const fail = (err: unknown): void => {
          if (failed) return;
          failed = true;
          reject(err);
        };
        const send = (w: Worker): void => {
          if (next >= items.length) return;
          const id = this.#batchId++;
          starts.set(id, next);
          const slice = items.slice(next, next + spec.batch);
          next += slice.length;
          w.postMessage({ id, items: spec.encode ? slice.map(spec.encode) : slice } satisfies BatchRequest<unknown>);
        };
        this.#job = {
          fail,
          message: (w, msg) => {
            if (failed) return;
            if ((msg as BatchDone<R>).type !== 'done') {
              spec.onMessage?.(msg as M);
              return;
            }
            const done = msg as BatchDone<R>;
            const start = starts.get(done.id);
            if (start === undefined) return;
            starts.delete(done.id);
            done.results.forEach((r, j) => {
              results[start + j] = r;
              o.onResult?.(start + j, r);
            });
            finished += done.results.length;
            send(w);
            if (finished === items.length) resolve();
          },
        };
        onAbort = (): void => fail(o.signal?.reason ?? new Error('aborted'));
        o.signal?.addEventListener('abort', onAbort, { once: true });
        if (o.signal?.aborted) return onAbort();
        for (const w of workers) for (let k = 0; k < inFlight; k++) send(w);
      });
    } finally {
      this.#job = undefined;
      if (onAbort) o.signal?.removeEventListener('abort', onAbort);
      // Batches of a failed map may still be on the threads: stop them rather than let their answers reach the next map.
      if (failed) await this.#stop();
      else for (const w of workers) w.unref();
    }
    return results;
  }
}

/** One map on threads started for it and stopped after. */
export async function mapOnWorkers<T, R, M = never>(items: T[], opts: WorkerPoolOptions<T, R, M>): Promise<R[]> {
  const pool = new WorkerPool<T, R, M>(opts);
  try {
    return await pool.map(items, opts);
  } finally {
    await pool.close();
  }
}
