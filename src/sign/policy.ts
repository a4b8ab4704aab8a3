/**
 * Per-request timeout and retry back-off for the network steps, in one place.
 * Signing passes them to @sigstore/sign (FulcioSigner, RekorWitness, TSAWitness
 * take `timeout` and a make-fetch-happen/promise-retry `retry`) and to the OIDC
 * token request; publishing scales octokit's timeout and back-off with them.
 *
 *   ML_PROVENANCE_HTTP_TIMEOUT_MS     per-attempt timeout (default 10000 for Sigstore
 *                                     and the OIDC endpoint, 30000 for GitHub REST)
 *   ML_PROVENANCE_HTTP_RETRY_BASE_MS  the first retry's back-off (default 1000);
 *                                     Sigstore and OIDC double it per retry
 */
import { InputError } from '../errors.js';
import { refusedValueShape } from '../redact/messages.js';

export const TIMEOUT_ENV = 'ML_PROVENANCE_HTTP_TIMEOUT_MS';
export const RETRY_BASE_ENV = 'ML_PROVENANCE_HTTP_RETRY_BASE_MS';

/** promise-retry's options, as @sigstore/sign passes them through. */
export interface RetryPolicy {
  retries: number;
  /** Back-off before the first retry, ms. */
  minTimeout: number;
  /** Growth of the back-off per retry. */
  factor: number;
}

export interface FetchPolicy {
  /** Per-attempt timeout, ms. */
  timeout: number;
  retry: RetryPolicy;
}

// actions/attest's values (timeout 10 s, 3 retries): a Sigstore round trip can be slow on a busy day.
export const DEFAULT_FETCH: FetchPolicy = { timeout: 10_000, retry: { retries: 3, minTimeout: 1000, factor: 2 } };

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new InputError('bad-env', `${name} must be a positive whole number of milliseconds ${refusedValueShape(raw)}`, {
      fix: `unset ${name} or set it to e.g. 10000`,
    });
  }
  return n;
}

/** Per-attempt timeout from ML_PROVENANCE_HTTP_TIMEOUT_MS, else `fallback`. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv, fallback: number): number {
  return positiveInt(env, TIMEOUT_ENV) ?? fallback;
}

/** First back-off from ML_PROVENANCE_HTTP_RETRY_BASE_MS, else `fallback`. */
export function retryBaseFromEnv(env: NodeJS.ProcessEnv, fallback: number): number {
  return positiveInt(env, RETRY_BASE_ENV) ?? fallback;
}

/** The Sigstore/OIDC fetch policy, with the environment's overrides. */
export function fetchPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): FetchPolicy {
  return {
    timeout: timeoutFromEnv(env, DEFAULT_FETCH.timeout),
    retry: { ...DEFAULT_FETCH.retry, minTimeout: retryBaseFromEnv(env, DEFAULT_FETCH.retry.minTimeout) },
  };
}

/** "10 s" / "250 ms" */
export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
