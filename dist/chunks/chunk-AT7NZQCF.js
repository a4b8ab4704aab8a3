import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  isInside
} from "./chunk-KPRIV5WI.js";
import {
  InputError,
  ProvenanceError
} from "./chunk-NAV5SXXN.js";
import {
  OPEN_FLAGS,
  SYNC_CHUNK,
  hashFileSync,
  specialKind
} from "./chunk-ACIUNWAG.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/digest/tracker.ts
var ProgressTracker = class {
  constructor(cb, intervalMs = 200) {
    this.cb = cb;
    this.intervalMs = intervalMs;
  }
  cb;
  intervalMs;
  static {
    __name(this, "ProgressTracker");
  }
  bytes = 0;
  files = 0;
  totalBytes;
  totalFiles;
  start = performance.now();
  last = 0;
  addBytes(n) {
    this.bytes += n;
    this.maybeEmit();
  }
  addFile() {
    this.files++;
    this.maybeEmit();
  }
  snapshot(done) {
    const elapsedMs = performance.now() - this.start;
    return {
      bytes: this.bytes,
      files: this.files,
      totalBytes: this.totalBytes,
      totalFiles: this.totalFiles,
      elapsedMs,
      bytesPerSecond: elapsedMs > 0 ? this.bytes * 1e3 / elapsedMs : 0,
      done
    };
  }
  finish() {
    this.cb?.(this.snapshot(true));
  }
  maybeEmit() {
    if (!this.cb) return;
    const now = performance.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.cb(this.snapshot(false));
  }
};

// src/digest/index.ts
import { createHash } from "node:crypto";
import { open, lstat, readdir, realpath, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";

// src/digest/pool.ts
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/util/worker-pool.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function bundledScript(name, from) {
  const here = new URL(`./${name}`, from);
  const up = new URL(`../${name}`, from);
  return !existsSync(fileURLToPath(here)) && existsSync(fileURLToPath(up)) ? up : here;
}
__name(bundledScript, "bundledScript");
var WorkerPool = class {
  static {
    __name(this, "WorkerPool");
  }
  #spec;
  #workers = [];
  #job;
  #queue = Promise.resolve();
  #batchId = 0;
  constructor(spec) {
    this.#spec = spec;
  }
  /** Results in input order. */
  map(items, o = {}) {
    const run = this.#queue.then(() => this.#map(items, o));
    this.#queue = run.catch(() => void 0);
    return run;
  }
  /** Stop the threads (a later map starts new ones). */
  async close() {
    await this.#queue;
    await this.#stop();
  }
  async #stop() {
    const ws = this.#workers;
    this.#workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }
  #start() {
    const w = new Worker(this.#spec.url, { workerData: this.#spec.workerData, ...this.#spec.resourceLimits ? { resourceLimits: this.#spec.resourceLimits } : {} });
    w.on("error", (err) => this.#job?.fail(err));
    w.on("exit", (code) => {
      const i = this.#workers.indexOf(w);
      if (i < 0) return;
      this.#workers.splice(i, 1);
      this.#job?.fail(new Error(`worker ${this.#spec.url.pathname.split("/").pop()} exited early with code ${code}`));
    });
    w.on("message", (msg) => this.#job?.message(w, msg));
    this.#workers.push(w);
    return w;
  }
  async #map(items, o) {
    const results = new Array(items.length);
    if (items.length === 0) return results;
    const spec = this.#spec;
    const inFlight = spec.inFlight ?? 2;
    const count = Math.max(1, Math.min(spec.workers, Math.ceil(items.length / spec.batch)));
    while (this.#workers.length < count) this.#start();
    const workers = this.#workers.slice(0, count);
    const starts = /* @__PURE__ */ new Map();
    let next = 0;
    let failed = false;
    let onAbort;
    for (const w of workers) w.ref();
    try {
      await new Promise((resolve, reject) => {
        let finished = 0;
        const fail = /* @__PURE__ */ __name((err) => {
          if (failed) return;
          failed = true;
          reject(err);
        }, "fail");
        const send = /* @__PURE__ */ __name((w) => {
          if (next >= items.length) return;
          const id = this.#batchId++;
          starts.set(id, next);
          const slice = items.slice(next, next + spec.batch);
          next += slice.length;
          w.postMessage({ id, items: spec.encode ? slice.map(spec.encode) : slice });
        }, "send");
        this.#job = {
          fail,
          message: /* @__PURE__ */ __name((w, msg) => {
            if (failed) return;
            if (msg.type !== "done") {
              spec.onMessage?.(msg);
              return;
            }
            const done = msg;
            const start = starts.get(done.id);
            if (start === void 0) return;
            starts.delete(done.id);
            done.results.forEach((r, j) => {
              results[start + j] = r;
              o.onResult?.(start + j, r);
            });
            finished += done.results.length;
            send(w);
            if (finished === items.length) resolve();
          }, "message")
        };
        onAbort = /* @__PURE__ */ __name(() => fail(o.signal?.reason ?? new Error("aborted")), "onAbort");
        o.signal?.addEventListener("abort", onAbort, { once: true });
        if (o.signal?.aborted) return onAbort();
        for (const w of workers) for (let k = 0; k < inFlight; k++) send(w);
      });
    } finally {
      this.#job = void 0;
      if (onAbort) o.signal?.removeEventListener("abort", onAbort);
      if (failed) await this.#stop();
      else for (const w of workers) w.unref();
    }
    return results;
  }
};
async function mapOnWorkers(items, opts) {
  const pool = new WorkerPool(opts);
  try {
    return await pool.map(items, opts);
  } finally {
    await pool.close();
  }
}
__name(mapOnWorkers, "mapOnWorkers");

// src/digest/pool.ts
var BATCH = 64;
var IN_FLIGHT = 2;
function workerUrl() {
  if (false) return new URL("./worker.ts", import.meta.url);
  return bundledScript("digest-worker.js", import.meta.url);
}
__name(workerUrl, "workerUrl");
async function hashOnWorkers(paths, opts) {
  const url = workerUrl();
  if (!existsSync2(fileURLToPath2(url))) {
    throw new ProvenanceError("service", "digest-worker-missing", `the digest worker script is missing: ${fileURLToPath2(url)}`, {
      fix: "rebuild with `npm run build` so that dist/digest-worker.js sits next to dist/index.js and dist/cli.js",
      file: fileURLToPath2(url)
    });
  }
  return mapOnWorkers(paths, {
    url,
    workerData: { mlpDigestWorker: true },
    workers: opts.workers,
    batch: BATCH,
    inFlight: IN_FLIGHT,
    ...opts.onFile ? { onResult: opts.onFile } : {},
    onMessage: /* @__PURE__ */ __name((msg) => {
      if (msg.type === "bytes") opts.onBytes?.(msg.bytes);
    }, "onMessage"),
    ...opts.signal ? { signal: opts.signal } : {}
  });
}
__name(hashOnWorkers, "hashOnWorkers");

// src/digest/index.ts
var IN_PROCESS_MAX_FILES = 8;
var PIPE_CHUNK = 4 * 1024 * 1024;
async function digestFile(file, opts = {}) {
  const tracker = new ProgressTracker(opts.onProgress, opts.progressIntervalMs);
  const r = await hashFilePipelined(file, tracker, opts.signal);
  tracker.files = 1;
  tracker.finish();
  return r;
}
__name(digestFile, "digestFile");
async function hashFilePipelined(file, tracker, signal) {
  const fh = await open(file, OPEN_FLAGS);
  try {
    const st = await fh.stat();
    if (!st.isFile()) {
      throw new InputError("not-a-regular-file", `${file} is not a regular file (${specialKind(st)})`, {
        fix: "point at a regular file or a directory of regular files",
        file
      });
    }
    if (tracker.totalBytes === void 0 && tracker.totalFiles === void 0) tracker.totalBytes = st.size;
    const chunk = Math.min(PIPE_CHUNK, Math.max(64 * 1024, st.size + 1));
    const bufs = [Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk)];
    const hash = createHash("sha256");
    let pos = 0;
    let i = 0;
    let pending = fh.read(bufs[0], 0, chunk, 0);
    for (; ; ) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      signal?.throwIfAborted();
      const cur = bufs[i];
      pos += bytesRead;
      i ^= 1;
      pending = fh.read(bufs[i], 0, chunk, pos);
      hash.update(bytesRead === chunk ? cur : cur.subarray(0, bytesRead));
      tracker.addBytes(bytesRead);
    }
    return { sha256: hash.digest("hex"), size: pos };
  } finally {
    await fh.close();
  }
}
__name(hashFilePipelined, "hashFilePipelined");
function manifestText(files) {
  return files.map((f) => `${f.sha256}  ${f.size}  ${f.path}
`).join("");
}
__name(manifestText, "manifestText");
function manifestDigest(files) {
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f.sha256}  ${f.size}  ${f.path}
`);
  return hash.digest("hex");
}
__name(manifestDigest, "manifestDigest");
function comparePaths(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 55296 && cb >= 55296) {
      ca += ca >= 57344 ? -2048 : 8192;
      cb += cb >= 57344 ? -2048 : 8192;
    }
    return ca - cb;
  }
  return a.length - b.length;
}
__name(comparePaths, "comparePaths");
function symlinkEscapes(link) {
  return new InputError("symlink-escapes-workspace", `symlink ${link} points outside the workspace`, {
    fix: "copy the data into the workspace or remove the symlink",
    file: link
  });
}
__name(symlinkEscapes, "symlinkEscapes");
async function walk(dir, boundary) {
  const out = { files: [], rels: [], skipped: [] };
  const realBoundary = await realpath(boundary);
  const stack = [await realpath(dir)];
  async function visit(abs, rel) {
    const realAbs = stack[stack.length - 1];
    const entries = await readdir(abs, { withFileTypes: true });
    for (const e of entries) {
      const child = path.join(abs, e.name);
      const childRel = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isFile()) {
        out.files.push(child);
        out.rels.push(childRel);
      } else if (e.isDirectory()) {
        stack.push(path.join(realAbs, e.name));
        await visit(child, childRel);
        stack.pop();
      } else if (e.isSymbolicLink()) {
        const target = await realpath(child).catch(() => null);
        if (target === null) {
          throw new InputError("symlink-broken", `symlink ${child} points to nothing`, {
            fix: "remove the broken symlink or restore its target",
            file: child
          });
        }
        if (!isInside(target, realBoundary)) throw symlinkEscapes(child);
        const st = await stat(target);
        if (st.isDirectory()) {
          if (stack.some((s) => isInside(s, target))) {
            throw new InputError("symlink-cycle", `symlink ${child} points back to a directory that contains it`, {
              fix: "remove the symlink loop from the data directory",
              file: child
            });
          }
          stack.push(target);
          await visit(child, childRel);
          stack.pop();
        } else if (st.isFile()) {
          out.files.push(child);
          out.rels.push(childRel);
        } else {
          out.skipped.push({ rel: childRel, kind: specialKind(st) });
        }
      } else {
        out.skipped.push({ rel: childRel, kind: direntKind(e) });
      }
    }
  }
  __name(visit, "visit");
  await visit(dir, "");
  return out;
}
__name(walk, "walk");
function direntKind(e) {
  if (e.isFIFO()) return "fifo";
  if (e.isSocket()) return "socket";
  if (e.isCharacterDevice()) return "character-device";
  if (e.isBlockDevice()) return "block-device";
  return "other";
}
__name(direntKind, "direntKind");
async function listFiles(dir, boundary) {
  return (await walk(dir, boundary)).files;
}
__name(listFiles, "listFiles");
async function hashPaths(abs, tracker, opts) {
  const workers = opts.concurrency ?? availableParallelism();
  let results;
  if (abs.length <= IN_PROCESS_MAX_FILES) {
    results = [];
    for (const f of abs) {
      opts.signal?.throwIfAborted();
      try {
        results.push(await hashFilePipelined(f, tracker, opts.signal));
      } catch (err) {
        if (!(err instanceof InputError && err.code === "not-a-regular-file")) throw err;
        results.push({ special: await stat(f).then(specialKind, () => "other") });
      }
      tracker.addFile();
    }
  } else if (workers <= 0) {
    const buf = Buffer.allocUnsafe(SYNC_CHUNK);
    const onBytes = /* @__PURE__ */ __name((n) => tracker.addBytes(n), "onBytes");
    results = [];
    for (const f of abs) {
      opts.signal?.throwIfAborted();
      results.push(hashFileSync(f, buf, onBytes));
      tracker.addFile();
    }
  } else {
    results = await hashOnWorkers(abs, {
      workers,
      onBytes: /* @__PURE__ */ __name((n) => tracker.addBytes(n), "onBytes"),
      onFile: /* @__PURE__ */ __name(() => tracker.addFile(), "onFile"),
      ...opts.signal ? { signal: opts.signal } : {}
    });
  }
  return results;
}
__name(hashPaths, "hashPaths");
async function digestDirectory(dir, boundary = dir, opts = {}) {
  const tracker = new ProgressTracker(opts.onProgress, opts.progressIntervalMs);
  const listing = await walk(dir, boundary);
  const abs = listing.files;
  tracker.totalFiles = abs.length;
  if (opts.onProgress) {
    let total = 0;
    for (const f of abs) total += (await stat(f)).size;
    tracker.totalBytes = total;
  }
  const skipped = [];
  const skip = /* @__PURE__ */ __name((rel, kind) => {
    skipped.push({ path: rel, kind });
    opts.onWarning?.({
      code: "special-file-skipped",
      path: rel,
      message: `skipped ${rel}: a ${kind.replace("-", " ")} is not a regular file and has no content to hash`
    });
  }, "skip");
  for (const s of listing.skipped) skip(s.rel, s.kind);
  const results = await hashPaths(abs, tracker, opts);
  const files = [];
  let size = 0;
  for (let i = 0; i < abs.length; i++) {
    const r = results[i];
    if ("error" in r) {
      throw Object.assign(new Error(r.error.message), { code: r.error.code, path: r.error.path });
    }
    if ("special" in r) {
      skip(listing.rels[i], r.special);
      continue;
    }
    files.push({ path: listing.rels[i], sha256: r.sha256, size: r.size });
    size += r.size;
  }
  files.sort((a, b) => comparePaths(a.path, b.path));
  tracker.finish();
  const out = { sha256: manifestDigest(files), files, size };
  if (skipped.length) out.skipped = skipped.sort((a, b) => comparePaths(a.path, b.path));
  return out;
}
__name(digestDirectory, "digestDirectory");
async function digestPath(p, boundary, opts = {}) {
  const st = await lstat(p);
  if (st.isSymbolicLink()) {
    const target = await realpath(p).catch(() => null);
    if (target === null || !isInside(target, await realpath(boundary))) throw symlinkEscapes(p);
  }
  const real = await stat(p);
  if (real.isDirectory()) return { kind: "directory", ...await digestDirectory(p, boundary, opts) };
  const d = await digestFile(p, opts);
  return { kind: "file", sha256: d.sha256, size: d.size, files: [{ path: path.basename(p), ...d }] };
}
__name(digestPath, "digestPath");

export {
  bundledScript,
  WorkerPool,
  mapOnWorkers,
  ProgressTracker,
  digestFile,
  manifestText,
  comparePaths,
  listFiles,
  hashPaths,
  digestDirectory,
  digestPath
};
