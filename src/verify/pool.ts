/**
 * Verify many bundles on worker threads (lineage over thousands of bundles): the
 * Sigstore checks are CPU-bound, ~9 ms a bundle, and independent of each other.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { canonicalJson } from '../util/canonical.js';
import { bundledScript, mapOnWorkers, WorkerPool, type WorkerPoolSpec } from '../util/worker-pool.js';
import type { IdentityPolicy } from './identity.js';
import type { VerifyResult, VerifyWorkerData } from './worker.js';

/** Bundles per message: each takes milliseconds, so small batches balance the workers. */
const BATCH = 16;
/**
 * Verifying makes much short-lived garbage, so V8 grows a thread's young generation to its
 * default maximum (128 MiB measured) and keeps it: with the threads kept across the parts of
 * a large ingest, peak RSS at 20,000 files was 869 MiB (711 with threads started per part);
 * with 32 MiB, 667 MiB in 45 s (16 MiB: 646 MiB, 52 s). bench/store.mjs measures it.
 */
const YOUNG_GENERATION_MB = 32;

/**
 * The worker script, or undefined where there is none: it exists only in the bundles
 * (dist/verify-worker.js); from source (the unit tests) verification runs in-process.
 */
export function verifyWorkerUrl(): URL | undefined {
  if (process.env.ML_PROVENANCE_BUNDLED !== '1') return undefined;
  const url = bundledScript('verify-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface VerifyPoolSpec {
  url: URL;
  trustedRoot: TrustedRoot;
  identity: IdentityPolicy;
  workers: number;
}

export interface VerifyPoolOptions extends VerifyPoolSpec {
  /** Called as each bundle's result arrives (any order). */
  onResult?: (index: number, result: VerifyResult) => void;
  /** Aborting stops the threads (the promise rejects with the reason). */
  signal?: AbortSignal;
  /** Threads kept across calls; without it, threads are started for this call and stopped after. */
  threads?: VerifyThreads;
}

type Pool = WorkerPool<Record<string, unknown>, VerifyResult>;

/** Each bundle is sent as JSON text (cheaper to post than the object), made only when its batch goes out. */
function spec(o: VerifyPoolSpec): WorkerPoolSpec<Record<string, unknown>, never> {
  return {
    url: o.url,
    workerData: { mlpVerifyWorker: true, trustedRoot: TrustedRoot.toJSON(o.trustedRoot), identity: o.identity } satisfies VerifyWorkerData,
    workers: o.workers,
    batch: BATCH,
    encode: (b) => JSON.stringify(b),
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  };
}

/**
 * Verification threads kept across verifyMany calls, so that a command verifying in
 * several parts (`store ingest` of a large folder) starts them once and they stay warm
 * (docs/STORE.md, memory of a large verified ingest). A different trusted root, policy or
 * thread count replaces them; close() stops them (the owner calls it when done verifying).
 */
export class VerifyThreads {
  #pool: Pool | undefined;
  #root: TrustedRoot | undefined;
  #key = '';

  async pool(o: VerifyPoolSpec): Promise<Pool> {
    const key = canonicalJson({ url: o.url.href, workers: o.workers, identity: o.identity });
    if (this.#pool && this.#root === o.trustedRoot && this.#key === key) return this.#pool;
    await this.close();
    this.#root = o.trustedRoot;
    this.#key = key;
    return (this.#pool = new WorkerPool(spec(o)));
  }

  async close(): Promise<void> {
    const p = this.#pool;
    this.#pool = undefined;
    await p?.close();
  }
}

/** Verify bundles on `workers` threads; results are in input order. */
export async function verifyOnWorkers(bundles: Record<string, unknown>[], o: VerifyPoolOptions): Promise<VerifyResult[]> {
  const on = { ...(o.onResult ? { onResult: o.onResult } : {}), ...(o.signal ? { signal: o.signal } : {}) };
  if (o.threads) return (await o.threads.pool(o)).map(bundles, on);
  return mapOnWorkers<Record<string, unknown>, VerifyResult>(bundles, { ...spec(o), ...on });
}
