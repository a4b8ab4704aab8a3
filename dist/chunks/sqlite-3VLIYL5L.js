import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  mayAccess
} from "./chunk-DU4FRLQ6.js";
import {
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/sqlite.ts
import { chmodSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
function openSqlite(file, o = {}) {
  const mode = o.readOnly ? readMode(file) : "write";
  const fresh = mode === "write" && (!existsSync(file) || statSync(file).size === 0);
  if (fresh) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const stamp = mode === "immutable" ? fileStamp(file) : void 0;
  const db = mode === "write" ? new DatabaseSync(file) : new DatabaseSync(mode === "immutable" ? immutableUrl(file) : file, { readOnly: true });
  if (fresh) chmodSync(file, 384);
  db.exec(
    mode === "write" ? "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824" : `PRAGMA busy_timeout = 60000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = ${mode === "immutable" ? 0 : 1073741824}`
  );
  const prepared = /* @__PURE__ */ new Map();
  const prep = /* @__PURE__ */ __name((sql) => {
    let st = prepared.get(sql);
    if (!st) {
      st = db.prepare(sql);
      prepared.set(sql, st);
    }
    return st;
  }, "prep");
  let changed = 0;
  const q = {
    async all(sql, params = []) {
      return prep(sql).all(...params);
    },
    async run(sql, params = []) {
      const n = Number(prep(sql).run(...params).changes);
      changed += n;
      return n;
    }
  };
  let depth = 0;
  let checkpointer;
  const self = {
    dialect: "sqlite",
    location: file,
    ...q,
    async exec(sql) {
      db.exec(sql);
    },
    async transaction(fn) {
      if (depth > 0) return fn(q);
      depth++;
      if (checkpointer?.behind()) checkpointer.catchUp();
      db.exec("BEGIN IMMEDIATE");
      changed = 0;
      try {
        const out = await fn(q);
        if (checkpointer === void 0 && changed >= BULK_ROWS) checkpointer = startCheckpointer(db, file);
        db.exec("COMMIT");
        checkpointer?.nudge();
        return out;
      } catch (err) {
        db.exec("ROLLBACK");
        throw err;
      } finally {
        depth--;
      }
    },
    async snapshot(fn) {
      if (depth > 0) return fn(self);
      depth++;
      db.exec("BEGIN");
      try {
        const out = await fn(self);
        db.exec("COMMIT");
        return out;
      } catch (err) {
        if (db.isTransaction) db.exec("ROLLBACK");
        throw err;
      } finally {
        depth--;
      }
    },
    async user() {
      try {
        return userInfo().username;
      } catch {
        return process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? "?"}`;
      }
    },
    ...stamp ? { changedSinceOpen: /* @__PURE__ */ __name(() => fileStamp(file) !== stamp, "changedSinceOpen") } : {},
    async close() {
      await checkpointer?.stop();
      prepared.clear();
      db.close();
    }
  };
  return self;
}
__name(openSqlite, "openSqlite");
function readMode(file) {
  if (writable(file) && writable(path.dirname(path.resolve(file)))) return "write";
  if (!existsSync(`${file}-wal`)) return "immutable";
  if (existsSync(`${file}-shm`)) return "shared";
  throw new ServiceError("store-read-only", `${file} has a write-ahead log (${path.basename(file)}-wal) but no -shm file beside it, and you cannot write the store to recover it`, {
    fix: "ask the store's owner to open it once (any `ml-provenance lineage --store FILE \u2026` question as the owner does): that folds the log into the store; then anyone who can read the file can ask"
  });
}
__name(readMode, "readMode");
var writable = /* @__PURE__ */ __name((p) => mayAccess(p, constants.W_OK), "writable");
function immutableUrl(file) {
  const url = pathToFileURL(path.resolve(file));
  url.searchParams.set("immutable", "1");
  return url;
}
__name(immutableUrl, "immutableUrl");
function fileStamp(file) {
  const st = statSync(file, { bigint: true, throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : "gone";
}
__name(fileStamp, "fileStamp");
var BULK_ROWS = 1e4;
var WAL_LIMIT = 128 * 2 ** 20;
var CATCH_UP_MS = 6e4;
var DONE = 0;
var LOG = 1;
var FAILED = 2;
var CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const state = new Int32Array(workerData.state);
const fail = () => { Atomics.store(state, ${FAILED}, 1); Atomics.notify(state, ${DONE}); };
let db, checkpoint;
try {
  db = new DatabaseSync(workerData.file);
  db.exec('PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL');
  checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
} catch (err) { fail(); throw err; }
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  try { Atomics.store(state, ${LOG}, Number(checkpoint.get().log)); } catch { fail(); }
  Atomics.add(state, ${DONE}, 1);
  Atomics.notify(state, ${DONE});
});`;
function startCheckpointer(db, file) {
  const state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  let worker;
  try {
    worker = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { file: path.resolve(file), state: state.buffer } });
  } catch {
    return null;
  }
  const pageSize = Number(db.prepare("PRAGMA page_size").get().page_size);
  db.exec("PRAGMA wal_autocheckpoint = 0");
  let alive = true;
  let asked = 0;
  const fallBack = /* @__PURE__ */ __name(() => {
    if (!alive) return;
    alive = false;
    db.exec("PRAGMA wal_autocheckpoint = 1000");
  }, "fallBack");
  const failed = /* @__PURE__ */ __name(() => {
    if (alive && Atomics.load(state, FAILED) === 1) fallBack();
    return !alive;
  }, "failed");
  worker.on("error", fallBack);
  const exited = new Promise((resolve) => worker.once("exit", () => resolve()));
  worker.unref();
  return {
    nudge: /* @__PURE__ */ __name(() => {
      if (failed()) return;
      asked++;
      worker.postMessage("nudge");
    }, "nudge"),
    behind: /* @__PURE__ */ __name(() => !failed() && Atomics.load(state, LOG) * pageSize >= WAL_LIMIT, "behind"),
    catchUp() {
      const until = Date.now() + CATCH_UP_MS;
      for (let done = Atomics.load(state, DONE); done < asked && !failed() && Date.now() < until; done = Atomics.load(state, DONE)) {
        Atomics.wait(state, DONE, done, Math.min(1e3, until - Date.now()));
      }
      if (Atomics.load(state, DONE) >= asked) Atomics.store(state, LOG, 0);
    },
    async stop() {
      worker.ref();
      worker.postMessage("stop");
      alive = false;
      await exited;
    }
  };
}
__name(startCheckpointer, "startCheckpointer");
export {
  fileStamp,
  openSqlite,
  readMode
};
