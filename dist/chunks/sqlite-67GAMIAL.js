import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/sqlite.ts
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
function openSqlite(file) {
  const fresh = !existsSync(file) || statSync(file).size === 0;
  if (fresh) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file);
  if (fresh) chmodSync(file, 384);
  db.exec(
    "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824"
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
  const q = {
    async all(sql, params = []) {
      return prep(sql).all(...params);
    },
    async run(sql, params = []) {
      return Number(prep(sql).run(...params).changes);
    }
  };
  let depth = 0;
  return {
    dialect: "sqlite",
    location: file,
    ...q,
    async exec(sql) {
      db.exec(sql);
    },
    async transaction(fn) {
      if (depth > 0) return fn(q);
      depth++;
      db.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn(q);
        db.exec("COMMIT");
        return out;
      } catch (err) {
        db.exec("ROLLBACK");
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
    async close() {
      prepared.clear();
      db.close();
    }
  };
}
__name(openSqlite, "openSqlite");
export {
  openSqlite
};
