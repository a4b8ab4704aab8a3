/**
 * Verify many bundles on worker threads (lineage over thousands of bundles): the
 * Sigstore checks are CPU-bound, ~9 ms a bundle, and independent of each other.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { mapOnWorkers } from '../util/worker-pool.js';
import { bundledScript } from '../util/worker-script.js';
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
  onResult?: (index: number) => void;
}

/** Verify bundles (JSON texts: cheaper to send than objects) on `workers` threads; results are in input order. */
export function verifyOnWorkers(bundles: string[], o: VerifyPoolOptions): Promise<VerifyResult[]> {
  return mapOnWorkers<string, VerifyResult>(bundles, {
    url: o.url,
    workerData: { mlpVerifyWorker: true, trustedRoot: TrustedRoot.toJSON(o.trustedRoot), identity: o.identity } satisfies VerifyWorkerData,
    workers: o.workers,
    batch: BATCH,
    ...(o.onResult ? { onResult: (i: number) => o.onResult!(i) } : {}),
  });
}
