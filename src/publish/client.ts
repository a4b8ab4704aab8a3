/**
 * Layer 1 of publishing: the thin GitHub REST wire client. Every GitHub call the
 * project makes goes through one octokit with the retry plugin (5xx, dropped
 * connections) and the throttling plugin (primary and secondary rate limits,
 * honouring Retry-After). No hand-rolled retries anywhere else.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { formatMs, retryBaseFromEnv, timeoutFromEnv, TIMEOUT_ENV } from '../sign/policy.js';
import type { Logger } from '../util/log.js';
import { VERSION } from '../version.js';

/** Per-request timeout for GitHub REST when neither the option nor ML_PROVENANCE_HTTP_TIMEOUT_MS says. */
export const DEFAULT_REST_TIMEOUT_MS = 30_000;

const PublishOctokit = Octokit.plugin(retry, throttling);

/** The octokit the publish adapters take: @octokit/rest with retry and throttling. */
export type GitHubClient = InstanceType<typeof PublishOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL; default GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  logger: Logger;
  /** Retries after a 5xx or a dropped connection (default 3). */
  retries?: number;
  /** How many times a rate-limited request is retried (default 3). */
  rateLimitRetries?: number;
  /**
   * Milliseconds per unit of back-off: the retry plugin waits (n+1)² units, the
   * throttling plugin waits Retry-After units. Default 1000; tests pass 1-10.
   * ML_PROVENANCE_HTTP_RETRY_BASE_MS sets the retry plugin's unit when this is not given.
   */
  retryAfterBaseValue?: number;
  /**
   * Per-request timeout in ms (request sent until the answer is read); a request that
   * times out counts as a dropped connection and is retried. Default
   * ML_PROVENANCE_HTTP_TIMEOUT_MS, else 30000.
   */
  timeoutMs?: number;
  /** Environment for the defaults above (default process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * Minimum spacing of writes. GitHub asks integrators to space mutating requests
   * (~1 s, 3 s for ones that notify); tests pass 0. Default: the plugin's spacing.
   */
  writeSpacingMs?: number;
  userAgent?: string;
}

/**
 * A stand-in for the plugin's Bottleneck groups that only spaces jobs `ms` apart.
 * The plugin calls `group.key(id).schedule(options, fn, ...args)`; for the write,
 * notification and search groups `fn` is a no-op gate, so ordering is all we need.
 */
function spacedGroup(ms: number): unknown {
  let tail: Promise<void> = Promise.resolve();
  let lastAt = 0;
  const limiter = {
    schedule<A extends unknown[], R>(_o: unknown, fn: (...a: A) => Promise<R>, ...args: A): Promise<R> {
      const gate = tail.then(async () => {
        const wait = lastAt + ms - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        lastAt = Date.now();
      });
      tail = gate;
      return gate.then(() => fn(...args));
    },
  };
  return { key: () => limiter };
}

/**
 * Global fetch with a per-request timeout (octokit's `request.fetch` option). A timeout
 * surfaces as an ETIMEDOUT error, which octokit turns into a retryable failure.
 */
export function fetchWithTimeout(ms: number): typeof fetch {
  return async (input, init) => {
    const timer = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
    try {
      return await fetch(input, { ...init, signal });
    } catch (err) {
      if (timer.aborted && !init?.signal?.aborted) {
        throw Object.assign(new Error(`no answer within ${formatMs(ms)} (${TIMEOUT_ENV})`), { name: 'TimeoutError', code: 'ETIMEDOUT', cause: err });
      }
      throw err;
    }
  };
}

export function createGitHubClient(opts: GitHubClientOptions): GitHubClient {
  const { logger } = opts;
  const env = opts.env ?? process.env;
  const rateLimitRetries = opts.rateLimitRetries ?? 3;
  const baseValue = opts.retryAfterBaseValue ?? 1000;
  const retryBase = opts.retryAfterBaseValue ?? retryBaseFromEnv(env, 1000);
  const timeoutMs = opts.timeoutMs ?? timeoutFromEnv(env, DEFAULT_REST_TIMEOUT_MS);
  const groups =
    opts.writeSpacingMs === undefined
      ? {}
      : (Object.fromEntries(
          ['write', 'notifications', 'search'].map((k) => [k, spacedGroup(opts.writeSpacingMs!)]),
        ) as Record<string, never>);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount < rateLimitRetries) {
        logger.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s (attempt ${retryCount + 2})`);
        return true;
      }
      logger.warning(`GitHub ${kind} rate limit on ${what}; giving up after ${retryCount + 1} attempts`);
      return false;
    };
  return new PublishOctokit({
    auth: opts.token,
    baseUrl: (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    userAgent: opts.userAgent ?? `ml-provenance/${VERSION}`,
    // 429 and rate-limit 403s belong to the throttling plugin, which honours Retry-After.
    retry: { retries: opts.retries ?? 3, retryAfterBaseValue: retryBase, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    request: { fetch: fetchWithTimeout(timeoutMs) },
    throttle: {
      retryAfterBaseValue: baseValue,
      // Without Retry-After GitHub asks for at least a minute; scale it like everything else.
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...groups,
    },
    log: {
      debug: (m: string) => logger.debug(m),
      info: (m: string) => logger.debug(m),
      warn: (m: string) => logger.debug(m),
      error: (m: string) => logger.debug(m),
    },
  });
}
