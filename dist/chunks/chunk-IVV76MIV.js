import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-LNJGPLWF.js";
import {
  canonicalJson,
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  GITHUB_ACTIONS_ISSUER,
  failureFix,
  loadTrustedRoot,
  validateIdentityPolicy,
  verifyBundle
} from "./chunk-5ZCMPX7L.js";
import {
  WorkerPool,
  bundledScript,
  mapOnWorkers
} from "./chunk-AT7NZQCF.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import {
  require_dist
} from "./chunk-U4PC2X5E.js";
import {
  makeDirsSync
} from "./chunk-KPRIV5WI.js";
import {
  CheckError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/verify/pool.ts
var import_protobuf_specs = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
var BATCH = 16;
var YOUNG_GENERATION_MB = 32;
function verifyWorkerUrl() {
  if (false) return void 0;
  const url = bundledScript("verify-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : void 0;
}
__name(verifyWorkerUrl, "verifyWorkerUrl");
function spec(o) {
  return {
    url: o.url,
    workerData: { mlpVerifyWorker: true, trustedRoot: import_protobuf_specs.TrustedRoot.toJSON(o.trustedRoot), identity: o.identity },
    workers: o.workers,
    batch: BATCH,
    encode: /* @__PURE__ */ __name((b) => JSON.stringify(b), "encode"),
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
  };
}
__name(spec, "spec");
var VerifyThreads = class {
  static {
    __name(this, "VerifyThreads");
  }
  #pool;
  #root;
  #key = "";
  async pool(o) {
    const key = canonicalJson({ url: o.url.href, workers: o.workers, identity: o.identity });
    if (this.#pool && this.#root === o.trustedRoot && this.#key === key) return this.#pool;
    await this.close();
    this.#root = o.trustedRoot;
    this.#key = key;
    return this.#pool = new WorkerPool(spec(o));
  }
  async close() {
    const p = this.#pool;
    this.#pool = void 0;
    await p?.close();
  }
};
async function verifyOnWorkers(bundles, o) {
  const on = { ...o.onResult ? { onResult: o.onResult } : {}, ...o.signal ? { signal: o.signal } : {} };
  if (o.threads) return (await o.threads.pool(o)).map(bundles, on);
  return mapOnWorkers(bundles, { ...spec(o), ...on });
}
__name(verifyOnWorkers, "verifyOnWorkers");

// src/verify/many.ts
import { availableParallelism } from "node:os";
var WORKER_THRESHOLD = 64;
var DEFAULT_MAX_JOBS = 8;
var PROGRESS_EVERY_MS = 1e4;
var failed = /* @__PURE__ */ __name((r) => r !== void 0 && ("error" in r || "verdict" in r && !r.verdict.verified), "failed");
async function verifyMany(items, o) {
  const digests = o.cache ? items.map((b) => b.sha256 ?? sha256Hex(JSON.stringify(b.bundle))) : [];
  const results = new Array(items.length);
  const todo = [];
  items.forEach((_, i) => {
    if (o.cache?.has(digests[i])) results[i] = { cached: true };
    else todo.push(i);
  });
  const cached = items.length - todo.length;
  const url = verifyWorkerUrl();
  const jobs = Math.max(0, o.jobs ?? Math.min(availableParallelism(), DEFAULT_MAX_JOBS));
  const onWorkers = url !== void 0 && jobs > 1 && todo.length >= WORKER_THRESHOLD;
  if (todo.length >= WORKER_THRESHOLD) {
    o.logger?.info(
      `verifying ${todo.length} bundles${onWorkers ? ` on ${jobs} threads` : ""}${cached ? ` (${cached} more verified earlier, from the cache)` : ""}...`
    );
  }
  const started = Date.now();
  let nextLine = started + PROGRESS_EVERY_MS;
  let done = 0;
  const progress = /* @__PURE__ */ __name(() => {
    done++;
    if (Date.now() >= nextLine) {
      o.logger?.info(`checked ${done} of ${todo.length} bundles`);
      nextLine = Date.now() + PROGRESS_EVERY_MS;
    }
  }, "progress");
  const inThisThread = /* @__PURE__ */ __name(async (upTo) => {
    for (const i of todo) {
      if (i >= upTo || o.signal?.aborted) break;
      if (results[i] !== void 0) continue;
      results[i] = { verdict: await verifyBundle(items[i].bundle, { identity: o.identity, trustedRoot: o.trustedRoot }) };
      progress();
      if (failed(results[i])) break;
    }
  }, "inThisThread");
  if (onWorkers) {
    const stop = new AbortController();
    let firstFailure = Infinity;
    try {
      await verifyOnWorkers(
        todo.map((i) => items[i].bundle),
        {
          url,
          trustedRoot: o.trustedRoot,
          identity: o.identity,
          workers: jobs,
          signal: o.signal ? AbortSignal.any([stop.signal, o.signal]) : stop.signal,
          ...o.threads ? { threads: o.threads } : {},
          onResult: /* @__PURE__ */ __name((k, r) => {
            const i = todo[k];
            results[i] = r;
            progress();
            if (failed(r) && i < firstFailure) {
              firstFailure = i;
              stop.abort();
            }
          }, "onResult")
        }
      );
    } catch (err) {
      o.signal?.throwIfAborted();
      if (!stop.signal.aborted) {
        throw new ServiceError("verify-threads-failed", `the verification threads failed: ${err.message}`, { fix: "run again with --jobs 1 (verification in one thread)", cause: err });
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
      if (r && "verdict" in r && r.verdict.verified) o.cache.add(digests[i]);
    }
  }
  if (todo.length >= WORKER_THRESHOLD) o.logger?.info(`checked ${done} bundles in ${((Date.now() - started) / 1e3).toFixed(1)} s`);
  return results;
}
__name(verifyMany, "verifyMany");

// src/verify/cache.ts
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, constants, existsSync as existsSync2, fstatSync, linkSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
var import_protobuf_specs2 = __toESM(require_dist(), 1);
import path2 from "node:path";

// src/util/dirs.ts
import os from "node:os";
import path from "node:path";
function home() {
  try {
    return os.homedir() || void 0;
  } catch {
    return void 0;
  }
}
__name(home, "home");
function userDirs(env = process.env, platform = process.platform) {
  const under = /* @__PURE__ */ __name((...parts) => {
    const h = home();
    return h === void 0 ? void 0 : path.join(h, ...parts);
  }, "under");
  const [cache, state] = platform === "darwin" ? [under("Library", "Caches"), under("Library", "Application Support")] : platform === "win32" ? [env.LOCALAPPDATA || under("AppData", "Local"), env.APPDATA || under("AppData", "Roaming")] : [env.XDG_CACHE_HOME || under(".cache"), env.XDG_STATE_HOME || under(".local", "state")];
  if (cache === void 0 || state === void 0 || !path.isAbsolute(cache) || !path.isAbsolute(state)) return void 0;
  return { cache: path.join(cache, "ml-provenance"), state: path.join(state, "ml-provenance") };
}
__name(userDirs, "userDirs");

// src/verify/cache.ts
var FORMAT = "verified-v1";
var BUILD_ID = "ac881d53ad0405003898bc40b9edc1ce";
function cacheDirs(env = process.env, platform = process.platform) {
  const dirs = userDirs(env, platform);
  return dirs && { entries: path2.join(dirs.cache, FORMAT), keyFile: path2.join(dirs.state, "verify-cache.key") };
}
__name(cacheDirs, "cacheDirs");
var UnsafeCache = class extends Error {
  static {
    __name(this, "UnsafeCache");
  }
};
var POSIX = typeof process.getuid === "function";
function ensureDir(dir) {
  makeDirsSync(dir, 448);
  if (!lstatSync(dir).isDirectory()) throw new UnsafeCache(`${dir} is not a directory (a symbolic link?)`);
}
__name(ensureDir, "ensureDir");
function readKey(keyFile) {
  let fd;
  try {
    fd = openSync(keyFile, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return "missing";
    if (code === "ELOOP") throw new UnsafeCache(`${keyFile} is a symbolic link`);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnsafeCache(`${keyFile} is not a regular file`);
    if (POSIX && st.uid !== process.getuid()) throw new UnsafeCache(`${keyFile} belongs to another user`);
    if (POSIX && (st.mode & 63) !== 0) throw new UnsafeCache(`${keyFile} is open to other users (mode ${(st.mode & 511).toString(8)})`);
    const hex = readFileSync(fd, "utf8").trim();
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, "hex") : "damaged";
  } finally {
    closeSync(fd);
  }
}
__name(readKey, "readKey");
function secret(keyFile) {
  ensureDir(path2.dirname(keyFile));
  const found = readKey(keyFile);
  if (Buffer.isBuffer(found)) return found;
  const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString("hex")}
`, { flag: "wx", mode: 384 });
  try {
    if (found === "damaged") renameSync(tmp, keyFile);
    else {
      try {
        linkSync(tmp, keyFile);
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  const key = readKey(keyFile);
  if (!Buffer.isBuffer(key)) throw new UnsafeCache(`${keyFile} could not be created`);
  return key;
}
__name(secret, "secret");
function openVerifiedCache(o) {
  const dirs = o.dirs ?? cacheDirs();
  if (!dirs) return void 0;
  let key;
  try {
    key = secret(dirs.keyFile);
    ensureDir(dirs.entries);
  } catch (err) {
    if (err instanceof UnsafeCache) {
      o.logger?.warning(`not using the verification cache: ${err.message} \u2014 remove it (every bundle is verified meanwhile)`);
    } else {
      o.logger?.debug(`verification cache disabled: ${err.message}`);
    }
    return void 0;
  }
  const context = sha256Hex(canonicalJson({ format: FORMAT, version: VERSION, build: BUILD_ID, trustedRoot: sha256Hex(JSON.stringify(import_protobuf_specs2.TrustedRoot.toJSON(o.trustedRoot))), identity: o.identity }));
  const entry = /* @__PURE__ */ __name((bundleSha256) => path2.join(dirs.entries, createHmac("sha256", key).update(`${context}
${bundleSha256}`).digest("hex")), "entry");
  let writable = true;
  return {
    has: /* @__PURE__ */ __name((digest) => existsSync2(entry(digest)), "has"),
    add: /* @__PURE__ */ __name((digest) => {
      if (!writable) return;
      try {
        writeFileSync(entry(digest), "", { flag: "w", mode: 384 });
      } catch (err) {
        writable = false;
        o.logger?.debug(`verification cache not written: ${err.message}`);
      }
    }, "add")
  };
}
__name(openVerifiedCache, "openVerifiedCache");

// src/cli/trust-flags.ts
function addTrustFlags(cmd, repoHelp = "the repository whose workflow must have signed") {
  return cmd.option("--repo <OWNER/REPO>", repoHelp).option("--signer-workflow <OWNER/REPO/PATH[@REF]>", "the workflow that must have signed (e.g. acme/models/.github/workflows/train.yml@refs/heads/main)").option("--cert-identity <URI>", "exact certificate identity (subject alternative name)").option("--cert-identity-regexp <RE>", "regular expression the certificate identity must match").option("--cert-oidc-issuer <URL>", "OIDC issuer of the signing identity", GITHUB_ACTIONS_ISSUER).option("--custom-trusted-root <FILE>", "trusted_root.json to trust instead of the Sigstore public-good root (works offline)").option("--offline", "never use the network (needs --custom-trusted-root or a cached public-good root)");
}
__name(addTrustFlags, "addTrustFlags");
function identityFrom(f) {
  return {
    ...f.repo ? { repo: f.repo } : {},
    ...f.signerWorkflow ? { signerWorkflow: f.signerWorkflow } : {},
    ...f.certIdentity ? { certIdentity: f.certIdentity } : {},
    ...f.certIdentityRegexp ? { certIdentityRegexp: f.certIdentityRegexp } : {},
    ...f.certOidcIssuer ? { certOidcIssuer: f.certOidcIssuer } : {}
  };
}
__name(identityFrom, "identityFrom");
function trustedRootOnce(f) {
  let trust;
  return () => trust ??= loadTrustedRoot({
    ...f.customTrustedRoot ? { customTrustedRoot: f.customTrustedRoot } : {},
    ...f.offline ? { offline: true } : {},
    logger: stderrLogger
  }).then((t) => t.root);
}
__name(trustedRootOnce, "trustedRootOnce");
function bundleVerifier(f, o = {}) {
  const trustedRootOf = trustedRootOnce(f);
  const threads = new VerifyThreads();
  return {
    close: /* @__PURE__ */ __name(() => threads.close(), "close"),
    async verifyAll(docs, signal) {
      if (docs.length === 0) return;
      const identity = identityFrom(f);
      validateIdentityPolicy(identity, { noVerify: true });
      const trustedRoot = await trustedRootOf();
      const cache = o.cache === false ? void 0 : openVerifiedCache({ trustedRoot, identity, logger: stderrLogger });
      const results = await verifyMany(
        docs.map((d) => ({ bundle: d.bundle ?? {}, ...d.bundleSha256 ? { sha256: d.bundleSha256 } : {} })),
        { trustedRoot, identity, threads, ...cache ? { cache } : {}, ...o.jobs !== void 0 ? { jobs: o.jobs } : {}, logger: stderrLogger, ...signal ? { signal } : {} }
      );
      for (const [i, r] of results.entries()) {
        const file = docs[i].file;
        if (r === void 0) throw new ServiceError("verify-incomplete", `${file} was not verified`, { fix: "run again with --jobs 1, and report it", file });
        if ("error" in r) {
          throw new ServiceError("verify-crashed", `${file} could not be verified: ${r.error}`, {
            fix: "run again with --jobs 1 --debug to see where verification fails, and report it",
            file
          });
        }
        if ("verdict" in r && !r.verdict.verified) {
          throw new CheckError("bundle-unverified", `${file} does not verify: ${r.verdict.failure ?? "verification failed"}`, {
            fix: `${failureFix(r.verdict)} (or pass --no-verify to use unverified records)`,
            file
          });
        }
      }
    }
  };
}
__name(bundleVerifier, "bundleVerifier");

export {
  VerifyThreads,
  verifyMany,
  addTrustFlags,
  identityFrom,
  trustedRootOnce,
  bundleVerifier
};
