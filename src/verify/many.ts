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
import { verifyOnWorkers, verifyWorkerUrl, type VerifyThreads } from './pool.js';
import type { VerifyResult } from './worker.js';
import { sha256Hex } from '../util/canonical.js';
import { ServiceError } from '../errors.js';

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
  /** Threads kept across calls (closed by the caller); without it, threads start and stop within the call. */
  threads?: VerifyThreads;
  /** Stops verifying when aborted (the bundle under way in this thread is finished first): rejects with its reason. */
  signal?: AbortSignal;
}

/**
 * One result per bundle, in input order; `cached` when the cache vouched for it. The
 * first bundle that fails stops the work: results after it may be missing (undefined),
 * results before it never are.
 */
export type ManyResult = VerifyResult | { cached: true };

export interface BundleToVerify {
  bundle: Record<string, unknown>;
  /** sha256 (hex) of the bytes the bundle was parsed from; else its JSON is hashed. */
  sha256?: string;
}

const failed = (r: ManyResult | undefined): boolean => r !== undefined && ('error' in r || ('verdict' in r && !r.verdict.verified));

export async function verifyMany(items: BundleToVerify[], o: VerifyManyOptions): Promise<(ManyResult | undefined)[]> {
  const digests = o.cache ? items.map((b) => b.sha256 ?? sha256Hex(JSON.stringify(b.bundle))) : [];
  const results = new Array<ManyResult | undefined>(items.length);
  const todo: number[] = [];
  items.forEach((_, i) => {
    if (o.cache?.has(digests[i]!)) results[i] = { cached: true };
    else todo.push(i);
  });
  const cached = items.length - todo.length;
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
  /** Verify the bundles not yet checked before index `upTo` in this thread, in order, stopping at the first failure. */
  const inThisThread = async (upTo: number): Promise<void> => {
    for (const i of todo) {
      if (i >= upTo || o.signal?.aborted) break;
      if (results[i] !== undefined) continue;
      results[i] = { verdict: await verifyBundle(items[i]!.bundle, { identity: o.identity, trustedRoot: o.trustedRoot }) };
      progress();
      if (failed(results[i])) break;
    }
  };

  if (onWorkers) {
    // The first failure stops the threads; bundles before it that they had not reached
    // yet are then checked here, so the failure reported is always the first in input order.
    const stop = new AbortController();
    let firstFailure = Infinity;
    try {
      await verifyOnWorkers(
        todo.map((i) => items[i]!.bundle),
        {
          url,
          trustedRoot: o.trustedRoot,
          identity: o.identity,
          workers: jobs,
          signal: o.signal ? AbortSignal.any([stop.signal, o.signal]) : stop.signal,
          ...(o.threads ? { threads: o.threads } : {}),
          onResult: (k, r) => {
            const i = todo[k]!;
            results[i] = r;
            progress();
            if (failed(r) && i < firstFailure) {
              firstFailure = i;
              stop.abort();
            }
          },
        },
      );
    } catch (err) {
      o.signal?.throwIfAborted();
      if (!stop.signal.aborted) {
        throw new ServiceError('verify-threads-failed', `the verification threads failed: ${(err as Error).message}`, { fix: 'run again with --jobs 1 (verification in one thread)', cause: err });
      }
    }
    if (firstFailure !== Infinity) await inThisThread(firstFailure);
  } else {
    await inThisThread(Infinity);
  }
  o.signal?.throwIfAborted();
  if (o.cache) {
    for (const i of todo) {
      const r = results[i];
      if (r && 'verdict' in r && r.verdict.verified) o.cache.add(digests[i]!);
    }
  }
  if (todo.length >= WORKER_THRESHOLD) o.logger?.info(`checked ${done} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results;
}
