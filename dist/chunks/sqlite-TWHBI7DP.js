import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  makeDirsSync,
  mayAccess
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/sqlite.ts
import { chmodSync as chmodSync2, existsSync as existsSync2, statSync as statSync2, unlinkSync } from "node:fs";
import { userInfo } from "node:os";
import path2 from "node:path";
import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";

// src/store/sqlite-files.ts
import { chmodSync, chownSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
function readMode(file) {
  if (writable(file) && writable(path.dirname(path.resolve(file)))) return "write";
  if (!existsSync(`${file}-wal`)) return "immutable";
  if (existsSync(`${file}-shm`)) {
    const closed = besideStore(file).find((f) => !readable(f));
    if (closed === void 0) return "shared";
    throw new ServiceError("store-unreadable", `${closed} (written by whoever is writing the store, or left by a writer) is not readable for you, and a store with a write-ahead log cannot be read without it`, {
      fix: "ask again once the ingest is done; if this persists, ask the store's owner to open it once (any question as the owner folds the log in and removes the files) and to make its folder setgid to the readers' group (`chmod g+s FOLDER`), so files made beside the store share its group"
    });
  }
  throw new ServiceError("store-read-only", `${file} has a write-ahead log (${path.basename(file)}-wal) but no -shm file beside it, and you cannot write the store to recover it`, {
    fix: "ask the store's owner to open it once (any `ml-provenance lineage --store FILE \u2026` question as the owner does): that folds the log into the store; then anyone who can read the file can ask"
  });
}
__name(readMode, "readMode");
var READ_ATTEMPTS_SHARED = 3;
function storeKeepsChanging(file) {
  return new ServiceError("store-changed", `${file}: a writer kept opening and closing the store while it was being opened (${READ_ATTEMPTS_SHARED} times)`, {
    fix: "ask again in a moment, or as a user who can write the store file (SQLite then coordinates readers with writers)"
  });
}
__name(storeKeepsChanging, "storeKeepsChanging");
var myUid = /* @__PURE__ */ __name(() => process.geteuid?.(), "myUid");
function shareBeside(file, writing) {
  const store = statSync(file);
  for (const f of besideStore(file)) {
    const st = statSync(f, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.uid === myUid() && st.gid !== store.gid) {
      try {
        chownSync(f, st.uid, store.gid);
      } catch {
      }
    }
    if (writing && !writable(f)) {
      const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
      throw new ServiceError("store-read-only", `${path.basename(f)} beside ${file} belongs to another user (uid ${st.uid}) and is not writable for you, so SQLite cannot write the store`, {
        fix: wal && wal.size > 0 ? `its log holds writes not yet in the store: have that user (or root) open the store once (any \`lineage --store ${file} \u2026\` question folds the log in and removes the files), then run again` : `another program opened the store as that user and left them (its log is empty: nothing is lost); once nobody is using the store, remove ${file}-wal and ${file}-shm, then run again`
      });
    }
  }
}
__name(shareBeside, "shareBeside");
function refuseUnwritable(file) {
  const dir = path.dirname(path.resolve(file));
  const owner = statSync(file).uid;
  for (const [p, what] of [[file, "the store file is"], [dir, `its folder (${dir}, where SQLite writes -wal/-shm beside the store) is`]]) {
    if (writable(p)) continue;
    throw new ServiceError("store-read-only", `${file}: ${what} read-only for you`, {
      fix: owner === myUid() ? `you own the store: make it writable (\`chmod u+w ${p}\`; or a read-only mount or \`chattr +i\` holds it), then run again` : `write to the store as its owner (uid ${owner}) or as a user its file and folder let write (e.g. a group with write permission), or copy the store`
    });
  }
  const mode = statSync(file).mode & 438;
  for (const f of besideStore(file)) {
    const st = statSync(f, { throwIfNoEntry: false });
    if (st && st.uid === myUid() && !writable(f)) chmodSync(f, mode);
  }
}
__name(refuseUnwritable, "refuseUnwritable");
var besideStore = /* @__PURE__ */ __name((file) => [`${file}-wal`, `${file}-shm`], "besideStore");
var readable = /* @__PURE__ */ __name((p) => mayAccess(p, constants.R_OK) || !existsSync(p), "readable");
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

// src/store/sqlite.ts
function openSqlite(file, o = {}) {
  let mode = o.readOnly ? readMode(file) : "write";
  let through;
  for (let look = 1; mode === "shared" && !(through = openShared(file)); look++) {
    mode = readMode(file);
    if (look === READ_ATTEMPTS_SHARED && mode === "shared") throw storeKeepsChanging(file);
  }
  if (!o.readOnly && existsSync2(file)) refuseUnwritable(file);
  const fresh = mode === "write" && (!existsSync2(file) || statSync2(file).size === 0);
  if (fresh) makeDirsSync(path2.dirname(path2.resolve(file)));
  const stamp = mode === "immutable" ? fileStamp(file) : void 0;
  const db = through ?? (mode === "write" ? new DatabaseSync(file) : new DatabaseSync(immutableUrl(file), { readOnly: true }));
  if (fresh) chmodSync2(file, 384);
  db.exec(
    mode === "write" ? `PRAGMA busy_timeout = ${BUSY_MS}; PRAGMA journal_mode = WAL; PRAGMA journal_size_limit = ${WAL_HARD_LIMIT}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824` : `PRAGMA busy_timeout = ${BUSY_MS}; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = ${mode === "immutable" ? 0 : 1073741824}`
  );
  if (mode === "write") {
    try {
      shareBeside(file, !o.readOnly);
    } catch (err) {
      db.close();
      throw err;
    }
  }
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
  let committed = false;
  let moved = false;
  const q = {
    async all(sql, params = []) {
      try {
        return prep(sql).all(...params);
      } finally {
        if (stamp && !moved) moved = fileStamp(file) !== stamp;
      }
    },
    async run(sql, params = []) {
      const n = Number(prep(sql).run(...params).changes);
      changed += n;
      return n;
    }
  };
  let depth = 0;
  let checkpointer;
  const wal = `${file}-wal`;
  const walBytes = /* @__PURE__ */ __name(() => statSync2(wal, { throwIfNoEntry: false })?.size ?? 0, "walBytes");
  let restartAt = WAL_HARD_LIMIT;
  const restartWal = /* @__PURE__ */ __name(async () => {
    checkpointer?.catchUp();
    const until = Date.now() + RESTART_MS;
    db.exec("PRAGMA busy_timeout = 0");
    try {
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        let busy = 1;
        try {
          busy = Number(prep("PRAGMA wal_checkpoint(TRUNCATE)").get().busy);
        } catch {
          restartAt = walBytes() + WAL_HARD_LIMIT;
          return;
        }
        if (busy === 0 || walBytes() <= WAL_HARD_LIMIT) {
          restartAt = WAL_HARD_LIMIT;
          return;
        }
        if (Date.now() >= until) {
          restartAt = walBytes() + WAL_HARD_LIMIT;
          return;
        }
        o.signal?.throwIfAborted();
        await sleep(pause);
        o.signal?.throwIfAborted();
      }
    } finally {
      db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
    }
  }, "restartWal");
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
      try {
        if (checkpointer?.behind()) checkpointer.catchUp();
        await beginImmediate(db, o.signal);
        if (walBytes() > restartAt) {
          db.exec("ROLLBACK");
          await restartWal();
          await beginImmediate(db, o.signal);
        }
        changed = 0;
        try {
          const out = await fn(q);
          if (checkpointer === void 0 && changed >= BULK_ROWS) checkpointer = startCheckpointer(db, file);
          db.exec("COMMIT");
          committed = true;
          checkpointer?.nudge();
          return out;
        } catch (err) {
          db.exec("ROLLBACK");
          throw err;
        }
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
    ...stamp ? { changedSinceOpen: /* @__PURE__ */ __name(() => moved, "changedSinceOpen") } : {},
    async close() {
      await checkpointer?.stop();
      prepared.clear();
      let failed;
      if (committed) {
        try {
          db.prepare("PRAGMA wal_checkpoint(PASSIVE)").get();
        } catch (err) {
          failed = err.message;
        }
      }
      db.close();
      if (failed !== void 0) {
        o.warn?.(`${file}: the runs are stored, but SQLite could not copy its write-ahead log into the store file (${failed}): nothing is lost (they are in ${path2.basename(file)}-wal, which the next open copies in); make the store file writable (a read-only mount, \`chattr +i\`, a full disk?), then open it once as its owner (any \`lineage --store\` question)`);
      }
    }
  };
  return self;
}
__name(openSqlite, "openSqlite");
function openShared(file) {
  const db = new DatabaseSync(file, { readOnly: true });
  let failure;
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (err) {
    failure = err;
  }
  const storeUid = statSync2(file).uid;
  const made = besideStore(file).filter((f) => {
    const st = statSync2(f, { throwIfNoEntry: false });
    return st !== void 0 && st.uid === myUid() && st.uid !== storeUid && (f.endsWith("-shm") || st.size === 0);
  });
  if (made.length === 0 && failure === void 0) return db;
  db.close();
  for (const f of made) {
    try {
      unlinkSync(f);
    } catch {
    }
  }
  if (made.length === 0 && existsSync2(`${file}-wal`)) throw failure;
  return void 0;
}
__name(openShared, "openShared");
var BUSY_MS = 6e4;
async function beginImmediate(db, signal) {
  const until = Date.now() + BUSY_MS;
  db.exec("PRAGMA busy_timeout = 0");
  try {
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      try {
        db.exec("BEGIN IMMEDIATE");
        return;
      } catch (err) {
        if ((Number(err.errcode) & 255) !== 5 || Date.now() >= until) throw err;
      }
      signal?.throwIfAborted();
      await sleep(pause);
      signal?.throwIfAborted();
    }
  } finally {
    db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
  }
}
__name(beginImmediate, "beginImmediate");
var BULK_ROWS = 1e4;
var WAL_LIMIT = 128 * 2 ** 20;
var WAL_HARD_LIMIT = 256 * 2 ** 20;
var RESTART_MS = 1e4;
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
  db.exec('PRAGMA busy_timeout = ${BUSY_MS}; PRAGMA synchronous = NORMAL');
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
    worker = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { file: path2.resolve(file), state: state.buffer } });
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
  openSqlite
};
