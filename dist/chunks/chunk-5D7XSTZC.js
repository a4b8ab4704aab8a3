import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  userDirs
} from "./chunk-A4LR5M4H.js";
import {
  GITHUB_ACTIONS_ISSUER,
  failureFix,
  loadTrustedRoot,
  validateIdentityPolicy,
  verifyBundle
} from "./chunk-Z3AKI6Y7.js";
import {
  stderrLogger
} from "./chunk-VRTPJNTG.js";
import {
  require_dist
} from "./chunk-U4PC2X5E.js";
import {
  VERSION
} from "./chunk-LNJGPLWF.js";
import {
  canonicalJson,
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  bundledScript,
  mapOnWorkers
} from "./chunk-NXOCVT52.js";
import {
  CheckError
} from "./chunk-NAV5SXXN.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/verify/cache.ts
var import_protobuf_specs = __toESM(require_dist(), 1);
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
var FORMAT = "verified-v1";
function cacheDirs(env = process.env, platform = process.platform) {
  const dirs = userDirs(env, platform);
  return dirs && { entries: path.join(dirs.cache, FORMAT), keyFile: path.join(dirs.state, "verify-cache.key") };
}
__name(cacheDirs, "cacheDirs");
function secret(keyFile) {
  mkdirSync(path.dirname(keyFile), { recursive: true, mode: 448 });
  try {
    writeFileSync(keyFile, randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 384 });
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
  }
  const hex = readFileSync(keyFile, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${keyFile} is not a 32-byte hex key`);
  return Buffer.from(hex, "hex");
}
__name(secret, "secret");
function openVerifiedCache(o) {
  const dirs = o.dirs ?? cacheDirs();
  if (!dirs) return void 0;
  let key;
  try {
    key = secret(dirs.keyFile);
    mkdirSync(dirs.entries, { recursive: true, mode: 448 });
  } catch (err) {
    o.logger?.debug(`verification cache disabled: ${err.message}`);
    return void 0;
  }
  const context = sha256Hex(canonicalJson({ format: FORMAT, version: VERSION, trustedRoot: sha256Hex(JSON.stringify(import_protobuf_specs.TrustedRoot.toJSON(o.trustedRoot))), identity: o.identity }));
  const entry = /* @__PURE__ */ __name((bundleSha256) => path.join(dirs.entries, createHmac("sha256", key).update(`${context}
${bundleSha256}`).digest("hex")), "entry");
  let writable = true;
  return {
    has: /* @__PURE__ */ __name((digest) => existsSync(entry(digest)), "has"),
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

// src/verify/many.ts
import { availableParallelism } from "node:os";

// src/verify/pool.ts
var import_protobuf_specs2 = __toESM(require_dist(), 1);
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
var BATCH = 16;
function verifyWorkerUrl() {
  if (false) return void 0;
  const url = bundledScript("verify-worker.js", import.meta.url);
  return existsSync2(fileURLToPath(url)) ? url : void 0;
}
__name(verifyWorkerUrl, "verifyWorkerUrl");
function verifyOnWorkers(bundles, o) {
  return mapOnWorkers(bundles, {
    url: o.url,
    workerData: { mlpVerifyWorker: true, trustedRoot: import_protobuf_specs2.TrustedRoot.toJSON(o.trustedRoot), identity: o.identity },
    workers: o.workers,
    batch: BATCH,
    encode: /* @__PURE__ */ __name((b) => JSON.stringify(b), "encode"),
    ...o.onResult ? { onResult: /* @__PURE__ */ __name((i) => o.onResult(i), "onResult") } : {}
  });
}
__name(verifyOnWorkers, "verifyOnWorkers");

// src/verify/many.ts
var WORKER_THRESHOLD = 64;
var DEFAULT_MAX_JOBS = 8;
var PROGRESS_EVERY_MS = 1e4;
async function verifyMany(items, o) {
  const bundles = items.map((b) => b.bundle);
  const digests = o.cache ? items.map((b) => b.sha256 ?? sha256Hex(JSON.stringify(b.bundle))) : [];
  const results = new Array(items.length);
  const todo = [];
  items.forEach((_, i) => {
    if (o.cache?.has(digests[i])) results[i] = { cached: true };
    else todo.push(i);
  });
  const cached = bundles.length - todo.length;
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
  if (onWorkers) {
    const out = await verifyOnWorkers(
      todo.map((i) => bundles[i]),
      { url, trustedRoot: o.trustedRoot, identity: o.identity, workers: jobs, onResult: progress }
    );
    out.forEach((r, k) => results[todo[k]] = r);
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
  if (o.cache) {
    for (const i of todo) if ("verdict" in results[i] && results[i].verdict.verified) o.cache.add(digests[i]);
  }
  if (todo.length >= WORKER_THRESHOLD) o.logger?.info(`checked ${todo.length} bundles in ${((Date.now() - started) / 1e3).toFixed(1)} s`);
  return results;
}
__name(verifyMany, "verifyMany");

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
function bundleVerifier(f, o = {}) {
  let trust;
  return {
    async verifyAll(docs) {
      if (docs.length === 0) return;
      const identity = identityFrom(f);
      validateIdentityPolicy(identity);
      trust ??= loadTrustedRoot({
        ...f.customTrustedRoot ? { customTrustedRoot: f.customTrustedRoot } : {},
        ...f.offline ? { offline: true } : {},
        logger: stderrLogger
      }).then((t) => t.root);
      const trustedRoot = await trust;
      const cache = o.cache === false ? void 0 : openVerifiedCache({ trustedRoot, identity, logger: stderrLogger });
      const results = await verifyMany(
        docs.map((d) => ({ bundle: d.bundle ?? {}, ...d.bundleSha256 ? { sha256: d.bundleSha256 } : {} })),
        { trustedRoot, identity, ...cache ? { cache } : {}, ...o.jobs !== void 0 ? { jobs: o.jobs } : {}, logger: stderrLogger }
      );
      results.forEach((r, i) => {
        const file = docs[i].file;
        if ("error" in r) {
          throw new CheckError("bundle-unverified", `${file} could not be verified: ${r.error}`, { fix: "check that it is a Sigstore bundle (or pass --no-verify to use unverified records)", file });
        }
        if ("verdict" in r && !r.verdict.verified) {
          throw new CheckError("bundle-unverified", `${file} does not verify: ${r.verdict.failure ?? "verification failed"}`, {
            fix: `${failureFix(r.verdict)} (or pass --no-verify to use unverified records)`,
            file
          });
        }
      });
    }
  };
}
__name(bundleVerifier, "bundleVerifier");

export {
  addTrustFlags,
  identityFrom,
  bundleVerifier
};
