/**
 * The verification worker thread (bundled as dist/verify-worker.js): verifies batches
 * of bundles, as JSON text, against one trusted root and identity policy given in
 * `workerData`. Started by verifyOnWorkers (pool.ts) through src/util/worker-pool.ts.
 */
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BatchDone, BatchRequest } from '../util/worker-pool.js';
import type { IdentityPolicy } from './identity.js';
import { verifyBundle } from './index.js';
import type { Verdict } from './verdict.js';

export interface VerifyWorkerData {
  mlpVerifyWorker: true;
  /** TrustedRoot.toJSON of the root to verify against. */
  trustedRoot: unknown;
  identity: IdentityPolicy;
}

/** A verdict, or why the bundle could not be checked at all (an unexpected error). */
export type VerifyResult = { verdict: Verdict } | { error: string };

const data = workerData as VerifyWorkerData | null;
if (!isMainThread && parentPort && data?.mlpVerifyWorker) {
  const port = parentPort;
  const root = TrustedRoot.fromJSON(data.trustedRoot);
  port.on('message', async (req: BatchRequest<string>) => {
    const results: VerifyResult[] = [];
    for (const text of req.items) {
      try {
        results.push({ verdict: await verifyBundle(JSON.parse(text), { identity: data.identity, trustedRoot: root }) });
      } catch (err) {
        results.push({ error: err instanceof Error ? err.message : String(err) });
      }
    }
    port.postMessage({ type: 'done', id: req.id, results } satisfies BatchDone<VerifyResult>);
  });
}
