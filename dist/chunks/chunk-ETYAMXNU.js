import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  refusedValueShape
} from "./chunk-7HOGFP5I.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/sign/policy.ts
var TIMEOUT_ENV = "ML_PROVENANCE_HTTP_TIMEOUT_MS";
var RETRY_BASE_ENV = "ML_PROVENANCE_HTTP_RETRY_BASE_MS";
var DEFAULT_FETCH = { timeout: 1e4, retry: { retries: 3, minTimeout: 1e3, factor: 2 } };
function positiveInt(env, name) {
  const raw = env[name];
  if (raw === void 0 || raw.trim() === "") return void 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new InputError("bad-env", `${name} must be a positive whole number of milliseconds ${refusedValueShape(raw)}`, {
      fix: `unset ${name} or set it to e.g. 10000`
    });
  }
  return n;
}
__name(positiveInt, "positiveInt");
function timeoutFromEnv(env, fallback) {
  return positiveInt(env, TIMEOUT_ENV) ?? fallback;
}
__name(timeoutFromEnv, "timeoutFromEnv");
function retryBaseFromEnv(env, fallback) {
  return positiveInt(env, RETRY_BASE_ENV) ?? fallback;
}
__name(retryBaseFromEnv, "retryBaseFromEnv");
function fetchPolicyFromEnv(env = process.env) {
  return {
    timeout: timeoutFromEnv(env, DEFAULT_FETCH.timeout),
    retry: { ...DEFAULT_FETCH.retry, minTimeout: retryBaseFromEnv(env, DEFAULT_FETCH.retry.minTimeout) }
  };
}
__name(fetchPolicyFromEnv, "fetchPolicyFromEnv");
function formatMs(ms) {
  return ms >= 1e3 && ms % 1e3 === 0 ? `${ms / 1e3} s` : `${ms} ms`;
}
__name(formatMs, "formatMs");

export {
  TIMEOUT_ENV,
  RETRY_BASE_ENV,
  DEFAULT_FETCH,
  timeoutFromEnv,
  retryBaseFromEnv,
  fetchPolicyFromEnv,
  formatMs
};
