import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest,
  requestLog,
  require_light,
  retry
} from "./chunk-KYQEE4WY.js";
import {
  VERSION
} from "./chunk-LNJGPLWF.js";
import {
  TIMEOUT_ENV,
  formatMs,
  retryBaseFromEnv,
  timeoutFromEnv
} from "./chunk-ETYAMXNU.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// node_modules/@octokit/rest/dist-src/version.js
var VERSION2 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION2}`
  }
);

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION3 = "0.0.0-development";
var noop = /* @__PURE__ */ __name(() => Promise.resolve(), "noop");
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
__name(wrapRequest, "wrapRequest");
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
__name(doRequest, "doRequest");
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
__name(isAuthRequest, "isAuthRequest");
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
__name(routeMatcher, "routeMatcher");
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = /* @__PURE__ */ __name(function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
}, "createGroups");
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = /* @__PURE__ */ __name(() => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  }, "initializeBottleneck");
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
__name(throttling, "throttling");
throttling.VERSION = VERSION3;
throttling.triggersNotification = triggersNotification;

// src/publish/client.ts
var DEFAULT_REST_TIMEOUT_MS = 3e4;
var PublishOctokit = Octokit2.plugin(retry, throttling);
function spacedGroup(ms) {
  let tail = Promise.resolve();
  let lastAt = 0;
  const limiter = {
    schedule(_o, fn, ...args) {
      const gate = tail.then(async () => {
        const wait = lastAt + ms - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        lastAt = Date.now();
      });
      tail = gate;
      return gate.then(() => fn(...args));
    }
  };
  return { key: /* @__PURE__ */ __name(() => limiter, "key") };
}
__name(spacedGroup, "spacedGroup");
function fetchWithTimeout(ms) {
  return async (input, init) => {
    const timer = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
    try {
      return await fetch(input, { ...init, signal });
    } catch (err) {
      if (timer.aborted && !init?.signal?.aborted) {
        throw Object.assign(new Error(`no answer within ${formatMs(ms)} (${TIMEOUT_ENV})`), { name: "TimeoutError", code: "ETIMEDOUT", cause: err });
      }
      throw err;
    }
  };
}
__name(fetchWithTimeout, "fetchWithTimeout");
function createGitHubClient(opts) {
  const { logger } = opts;
  const env = opts.env ?? process.env;
  const rateLimitRetries = opts.rateLimitRetries ?? 3;
  const baseValue = opts.retryAfterBaseValue ?? 1e3;
  const retryBase = opts.retryAfterBaseValue ?? retryBaseFromEnv(env, 1e3);
  const timeoutMs = opts.timeoutMs ?? timeoutFromEnv(env, DEFAULT_REST_TIMEOUT_MS);
  const groups2 = opts.writeSpacingMs === void 0 ? {} : Object.fromEntries(
    ["write", "notifications", "search"].map((k) => [k, spacedGroup(opts.writeSpacingMs)])
  );
  const onLimit = /* @__PURE__ */ __name((kind) => (retryAfter, options, _octokit, retryCount) => {
    const what = `${options.method ?? ""} ${options.url ?? ""}`.trim();
    if (retryCount < rateLimitRetries) {
      logger.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s (attempt ${retryCount + 2})`);
      return true;
    }
    logger.warning(`GitHub ${kind} rate limit on ${what}; giving up after ${retryCount + 1} attempts`);
    return false;
  }, "onLimit");
  return new PublishOctokit({
    auth: opts.token,
    baseUrl: (opts.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    userAgent: opts.userAgent ?? `ml-provenance/${VERSION}`,
    // 429 and rate-limit 403s belong to the throttling plugin, which honours Retry-After.
    retry: { retries: opts.retries ?? 3, retryAfterBaseValue: retryBase, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    request: { fetch: fetchWithTimeout(timeoutMs) },
    throttle: {
      retryAfterBaseValue: baseValue,
      // Without Retry-After GitHub asks for at least a minute; scale it like everything else.
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      ...groups2
    },
    log: {
      debug: /* @__PURE__ */ __name((m) => logger.debug(m), "debug"),
      info: /* @__PURE__ */ __name((m) => logger.debug(m), "info"),
      warn: /* @__PURE__ */ __name((m) => logger.debug(m), "warn"),
      error: /* @__PURE__ */ __name((m) => logger.debug(m), "error")
    }
  });
}
__name(createGitHubClient, "createGitHubClient");

export {
  createGitHubClient
};
