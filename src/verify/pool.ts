/**
 * Verify many bundles on worker threads (lineage over thousands of bundles): the
 * Sigstore checks are CPU-bound, ~9 ms a bundle, and independent of each other.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { bundledScript, mapOnWorkers } from '../util/worker-pool.js';
import type { IdentityPolicy } from './identity.js';
import type { VerifyResult, VerifyWorkerData } from './worker.js';

/** Bundles per message: each takes milliseconds, so small batches balance the workers. */
const BATCH = 16;

/**
 * The worker script, or undefined where there is none: it exists only in the bundles
 * (dist/verify-worker.js); from source (the unit tests) verification runs in-process.
 */
export function verifyWorkerUrl(): URL | undefined {
  if (process.env.ML_PROVENANCE_BUNDLED !== '1') return undefined;
  const url = bundledScript('verify-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface VerifyPoolOptions {
  url: URL;
  trustedRoot: TrustedRoot;
  identity: IdentityPolicy;
  workers: number;
  /** Called as each bundle's result arrives (any order). */
  onResult?: (index: number, result: VerifyResult) => void;
  /** Aborting stops the threads (the promise rejects with the reason). */
  signal?: AbortSignal;
}

/**
 * Verify bundles on `workers` threads; results are in input order. Each is sent as JSON
 * text (cheaper to post than the object), made only when its batch goes out.
 */
export function verifyOnWorkers(bundles: Record<string, unknown>[], o: VerifyPoolOptions): Promise<VerifyResult[]> {
  return mapOnWorkers<Record<string, unknown>, VerifyResult>(bundles, {
    url: o.url,
    workerData: { mlpVerifyWorker: true, trustedRoot: TrustedRoot.toJSON(o.trustedRoot), identity: o.identity } satisfies VerifyWorkerData,
    workers: o.workers,
    batch: BATCH,
    encode: (b) => JSON.stringify(b),
    ...(o.onResult ? { onResult: o.onResult } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}
