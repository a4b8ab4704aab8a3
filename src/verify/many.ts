/**
 * Verify a set of bundles against one trusted root and identity policy, as `lineage`
 * needs: bundles the verification cache already vouches for are skipped, the rest are
 * verified on worker threads when there are enough of them to pay for starting the
 * workers (about 0.2 s each), else in this thread.
 */
import { availableParallelism } from 'node:os';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import type { Logger } from '../util/log.js';
import type { VerifiedCache } from './cache.js';
import type { IdentityPolicy } from './identity.js';
import { verifyBundle } from './index.js';
import { verifyOnWorkers, verifyWorkerUrl } from './pool.js';
import type { VerifyResult } from './worker.js';
import { sha256Hex } from '../util/canonical.js';

/** Fewer bundles than this to verify: stay in this thread. */
export const WORKER_THRESHOLD = 64;
/** Default thread cap: each thread loads the verifier (~0.2 s, ~50 MiB); --jobs goes higher. */
const DEFAULT_MAX_JOBS = 8;
/** A progress line this often while verifying (stderr). */
const PROGRESS_EVERY_MS = 10_000;

export interface VerifyManyOptions {
  trustedRoot: TrustedRoot;
  identity: IdentityPolicy;
  cache?: VerifiedCache;
  /** Worker threads (default: the CPU count, at most 8); 0 or 1 verifies in this thread. */
  jobs?: number;
  logger?: Logger;
}

/** One result per bundle, in input order; `cached` when the cache vouched for it. */
export type ManyResult = VerifyResult | { cached: true };

export interface BundleToVerify {
  bundle: Record<string, unknown>;
  /** sha256 (hex) of the bytes the bundle was parsed from; else its JSON is hashed. */
  sha256?: string;
}

export async function verifyMany(items: BundleToVerify[], o: VerifyManyOptions): Promise<ManyResult[]> {
  const bundles = items.map((b) => b.bundle);
  const digests = o.cache ? items.map((b) => b.sha256 ?? sha256Hex(JSON.stringify(b.bundle))) : [];
  const results = new Array<ManyResult>(items.length);
  const todo: number[] = [];
  items.forEach((_, i) => {
    if (o.cache?.has(digests[i]!)) results[i] = { cached: true };
    else todo.push(i);
  });
  const cached = bundles.length - todo.length;
  const url = verifyWorkerUrl();
  const jobs = Math.max(0, o.jobs ?? Math.min(availableParallelism(), DEFAULT_MAX_JOBS));
  const onWorkers = url !== undefined && jobs > 1 && todo.length >= WORKER_THRESHOLD;
  if (todo.length >= WORKER_THRESHOLD) {
    o.logger?.info(
      `verifying ${todo.length} bundles${onWorkers ? ` on ${jobs} threads` : ''}${cached ? ` (${cached} more verified earlier, from the cache)` : ''}...`,
    );
  }
  const started = Date.now();
  let nextLine = started + PROGRESS_EVERY_MS;
  let done = 0;
  const progress = (): void => {
    done++;
    if (Date.now() >= nextLine) {
      o.logger?.info(`checked ${done} of ${todo.length} bundles`);
      nextLine = Date.now() + PROGRESS_EVERY_MS;
    }
  };

  if (onWorkers) {
    const out = await verifyOnWorkers(
      todo.map((i) => bundles[i]!),
      { url, trustedRoot: o.trustedRoot, identity: o.identity, workers: jobs, onResult: progress },
    );
    out.forEach((r, k) => (results[todo[k]!] = r));
  } else {
    for (const i of todo) {
      try {
        results[i] = { verdict: await verifyBundle(bundles[i], { identity: o.identity, trustedRoot: o.trustedRoot }) };
      } catch (err) {
        results[i] = { error: err instanceof Error ? err.message : String(err) };
      }
      progress();
    }
  }
  if (o.cache) for (const i of todo) if ('verdict' in results[i]! && (results[i] as { verdict: { verified: boolean } }).verdict.verified) o.cache.add(digests[i]!);
  if (todo.length >= WORKER_THRESHOLD) o.logger?.info(`checked ${todo.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results;
}
