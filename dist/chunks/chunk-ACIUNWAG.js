import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/digest/worker.ts
import { createHash, hash as oneShotHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var SYNC_CHUNK = 256 * 1024;
var OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
function specialKind(st) {
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice()) return "character-device";
  if (st.isBlockDevice()) return "block-device";
  if (st.isDirectory()) return "directory";
  return "other";
}
__name(specialKind, "specialKind");
function hashFileSync(file, buf, onBytes) {
  let fd;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    return { error: errorInfo(err, file) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { special: specialKind(st) };
    const first = readSync(fd, buf, 0, buf.length, null);
    if (onBytes && first > 0) onBytes(first);
    if (first < buf.length) return { sha256: oneShotHash("sha256", buf.subarray(0, first), "hex"), size: first };
    const hash = createHash("sha256");
    hash.update(buf);
    let size = first;
    for (; ; ) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(n === buf.length ? buf : buf.subarray(0, n));
      size += n;
      if (onBytes) onBytes(n);
      if (n < buf.length) break;
    }
    return { sha256: hash.digest("hex"), size };
  } catch (err) {
    return { error: errorInfo(err, file) };
  } finally {
    closeSync(fd);
  }
}
__name(hashFileSync, "hashFileSync");
function errorInfo(err, file) {
  const e = err;
  return { code: typeof e?.code === "string" ? e.code : "EUNKNOWN", message: e instanceof Error ? e.message : String(err), path: file };
}
__name(errorInfo, "errorInfo");
var PROGRESS_FLUSH = 32 * 1024 * 1024;
if (!isMainThread && parentPort && workerData?.mlpDigestWorker) {
  const port = parentPort;
  const buf = Buffer.allocUnsafe(SYNC_CHUNK);
  let pending = 0;
  const onBytes = /* @__PURE__ */ __name((n) => {
    pending += n;
    if (pending >= PROGRESS_FLUSH) {
      port.postMessage({ type: "bytes", bytes: pending });
      pending = 0;
    }
  }, "onBytes");
  port.on("message", (req) => {
    const results = [];
    for (const p of req.items) results.push(hashFileSync(p, buf, onBytes));
    if (pending > 0) {
      port.postMessage({ type: "bytes", bytes: pending });
      pending = 0;
    }
    port.postMessage({ type: "done", id: req.id, results });
  });
}

export {
  SYNC_CHUNK,
  OPEN_FLAGS,
  specialKind,
  hashFileSync
};
