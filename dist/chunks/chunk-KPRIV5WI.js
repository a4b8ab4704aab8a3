import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  describeJsonError
} from "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/fs.ts
import { randomBytes } from "node:crypto";
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { lstat, mkdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// src/util/utf8.ts
import { isUtf8 } from "node:buffer";
function decodeText(bytes, what, shown, base = 0) {
  const bom = bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    throw new InputError("nul-byte", `${what} ${shown} has a NUL byte at byte offset ${base + nul}`, {
      fix: `a ${what} is UTF-8 text: remove the binary content (is it the right file?)`,
      file: shown
    });
  }
  if (!isUtf8(buf)) {
    throw new InputError("invalid-utf8", `${what} ${shown} is not valid UTF-8 at byte offset ${base + invalidUtf8Offset(buf)}`, {
      fix: `save the ${what} as UTF-8`,
      file: shown
    });
  }
  return buf.toString("utf8", bom);
}
__name(decodeText, "decodeText");
function invalidUtf8Offset(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    let lo = 128;
    let hi = 191;
    if (c < 128) {
      i++;
      continue;
    } else if (c >= 194 && c <= 223) need = 1;
    else if (c >= 224 && c <= 239) {
      need = 2;
      if (c === 224) lo = 160;
      if (c === 237) hi = 159;
    } else if (c >= 240 && c <= 244) {
      need = 3;
      if (c === 240) lo = 144;
      if (c === 244) hi = 143;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === void 0) return i;
      if (k === 1 ? x < lo || x > hi : x < 128 || x > 191) return i;
    }
    i += need + 1;
  }
  return -1;
}
__name(invalidUtf8Offset, "invalidUtf8Offset");

// src/util/fs.ts
var LIMITS = {
  /** Config files, manifests, metrics files, policy files, DVC/MLflow files: small documents. */
  inputFileBytes: 16 * 1024 * 1024,
  /** One records log file (records.jsonl and matrix jobs' *.jsonl). */
  recordsFileBytes: 64 * 1024 * 1024,
  /** One line (event) of a records log. */
  recordsLineBytes: 1024 * 1024,
  /** Files a config glob may match, and files an MLflow run or DVC project may hold, before anything is read. */
  matchedFiles: 1e4,
  /** Any other document read whole (statements, bundles, trusted roots). */
  documentBytes: 256 * 1024 * 1024
};
function missingDirs(dir, exists) {
  const out = [];
  for (let d = path.resolve(dir); !exists(d); d = path.dirname(d)) {
    out.push(d);
    if (path.dirname(d) === d) break;
  }
  return out.reverse();
}
__name(missingDirs, "missingDirs");
function cannotMake(d, err) {
  return new InputError("cannot-make-directory", `cannot create the folder ${d}: its parent ${path.dirname(d)} does not take new folders (a system folder such as /proc or /sys, or a symbolic link to a missing folder)`, {
    fix: "choose a folder on an ordinary file system (the workspace, or the runner's temp folder)",
    file: d,
    cause: err
  });
}
__name(cannotMake, "cannotMake");
var existsSyncDir = /* @__PURE__ */ __name((d) => {
  try {
    statSync(d);
    return true;
  } catch (err) {
    if (err.code === "ENOENT") return false;
    throw err;
  }
}, "existsSyncDir");
async function makeDirs(dir, mode) {
  for (const d of missingDirs(dir, existsSyncDir)) {
    await mkdir(d, mode).catch((err) => {
      if (err.code === "EEXIST") return;
      throw err.code === "ENOENT" ? cannotMake(d, err) : err;
    });
  }
}
__name(makeDirs, "makeDirs");
function makeDirsSync(dir, mode) {
  for (const d of missingDirs(dir, existsSyncDir)) {
    try {
      mkdirSync(d, mode);
    } catch (err) {
      const code = err.code;
      if (code === "EEXIST") continue;
      throw code === "ENOENT" ? cannotMake(d, err) : err;
    }
  }
}
__name(makeDirsSync, "makeDirsSync");
async function writeFileAtomic(file, data, mode) {
  await makeDirs(path.dirname(path.resolve(file)));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, data, mode === void 0 ? void 0 : { mode });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
__name(writeFileAtomic, "writeFileAtomic");
function mayAccess(p, mode) {
  try {
    accessSync(p, mode);
    return true;
  } catch {
    return false;
  }
}
__name(mayAccess, "mayAccess");
function posixRelative(from, to) {
  return path.relative(from, to).split(path.sep).join("/");
}
__name(posixRelative, "posixRelative");
function isInside(child, parent) {
  const rel = path.relative(parent, child);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
__name(isInside, "isInside");
async function realWorkspace(workspace) {
  return realpath(workspace).catch(() => {
    throw new InputError("workspace-missing", `workspace ${workspace} does not exist`, { fix: "run in the checkout or pass --workspace" });
  });
}
__name(realWorkspace, "realWorkspace");
async function resolveInWorkspace(given, workspace, what, kind = "any") {
  const ws = await realWorkspace(workspace);
  const wsGiven = path.resolve(workspace);
  const abs = path.resolve(wsGiven, given);
  if (!isInside(abs, wsGiven) && !isInside(abs, ws)) {
    throw new InputError("path-outside-workspace", `${what} ${given} is outside the workspace ${ws}`, {
      fix: "copy it into the workspace, or run from the directory that contains it",
      file: given
    });
  }
  try {
    await lstat(abs);
  } catch (err) {
    if (err.code === "ENOTDIR") throw notDirectoryOnTheWay(what, given);
    throw new InputError("file-not-found", `${what} not found: ${given}`, { fix: "check the path (relative to the workspace)", file: given });
  }
  const real = await realpath(abs).catch(() => {
    throw new InputError("broken-symlink", `${what} ${given} is a broken symlink`, { fix: "fix or remove the symlink", file: given });
  });
  if (!isInside(real, ws)) {
    throw new InputError("symlink-escapes-workspace", `${what} ${given} is a symlink to ${real}, outside the workspace`, {
      fix: "copy the file into the workspace instead of linking to it",
      file: given
    });
  }
  if (kind !== "any") {
    const st = await stat(real);
    if (kind === "directory" && !st.isDirectory()) {
      throw new InputError("not-a-directory", `${what} ${given} is ${describeKind(st)}, not a directory`, { fix: `pass the directory, not a file inside it`, file: given });
    }
    if (kind === "file" && !st.isFile()) {
      throw new InputError(st.isDirectory() ? "is-directory" : "not-a-regular-file", `${what} ${given} is ${describeKind(st)}, not a regular file`, { fix: `pass the path of a file`, file: given });
    }
  }
  const base = isInside(abs, wsGiven) ? wsGiven : ws;
  return { abs: real, rel: posixRelative(base, abs) || "." };
}
__name(resolveInWorkspace, "resolveInWorkspace");
function notDirectoryOnTheWay(what, given) {
  return new InputError("not-a-directory", `${what} ${given}: a part of the path is a file, not a directory`, { fix: "check the path", file: given });
}
__name(notDirectoryOnTheWay, "notDirectoryOnTheWay");
function describeKind(st) {
  if (st.isDirectory()) return "a directory";
  if (st.isFile()) return "a file";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}
__name(describeKind, "describeKind");
async function containedPath(file, root, what, shown) {
  const real = await realpath(file).catch((err) => {
    if (err.code === "ENOENT" || err.code === "ENOTDIR") return void 0;
    throw err;
  });
  if (real === void 0) {
    if (await lstat(file).then(() => true, () => false)) {
      throw new InputError("broken-symlink", `${what} ${shown} is a broken symlink`, { fix: "fix or remove the symlink", file: shown });
    }
    return void 0;
  }
  if (!isInside(real, await realpath(root))) {
    throw new InputError("symlink-escapes-workspace", `${what} ${shown} is a symlink to ${real}, outside the workspace`, {
      fix: "remove the symlink: files read into the record must be inside the workspace",
      file: shown
    });
  }
  return real;
}
__name(containedPath, "containedPath");
async function openChecked(file, what, opts = {}) {
  const shown = opts.shown ?? file;
  let target = file;
  if (opts.within !== void 0) {
    const real = await containedPath(file, opts.within, what, shown);
    if (real === void 0) throw new InputError("file-not-found", `${what} not found: ${shown}`, { fix: "check the path", file: shown });
    target = real;
  }
  let fd;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | (opts.within !== void 0 ? constants.O_NOFOLLOW : 0));
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") throw new InputError("file-not-found", `${what} not found: ${shown}`, { fix: "check the path", file: shown, cause: err });
    if (code === "EACCES" || code === "EPERM") throw new InputError("file-not-readable", `${what} ${shown} is not readable`, { fix: "fix the file permissions", file: shown, cause: err });
    if (code === "EISDIR") throw new InputError("is-directory", `${what} ${shown} is a directory, not a file`, { fix: "pass the path of a file", file: shown, cause: err });
    if (code === "ENOTDIR") throw notDirectoryOnTheWay(what, shown);
    if (code === "ELOOP") throw new InputError("symlink-loop", `${what} ${shown} is a symlink loop`, { fix: "remove the symlink", file: shown, cause: err });
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError("is-directory", `${what} ${shown} is a directory, not a file`, { fix: "pass the path of a file", file: shown });
    if (!st.isFile()) {
      throw new InputError("not-a-regular-file", `${what} ${shown} is ${describeKind(st)}, not a regular file`, { fix: `replace it with a regular file, or point the ${what} at one (nothing that is not a regular file is read)`, file: shown });
    }
    const max = opts.maxBytes ?? LIMITS.documentBytes;
    if (st.size > max) {
      throw new InputError("file-too-large", `${what} ${shown} is ${st.size} bytes, more than the ${max} accepted`, {
        fix: `a ${what} is a small text file: check that the path is right`,
        file: shown
      });
    }
    return { fd, size: st.size };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}
__name(openChecked, "openChecked");
async function readFileChecked(file, what, opts = {}) {
  const { fd, size } = await openChecked(file, what, opts);
  try {
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, null);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}
__name(readFileChecked, "readFileChecked");
async function readTextFile(file, what, opts = {}) {
  return decodeText(await readFileChecked(file, what, opts), what, opts.shown ?? file);
}
__name(readTextFile, "readTextFile");
async function readLines(file, what, opts) {
  const shown = opts.shown ?? file;
  const { fd } = await openChecked(file, what, opts);
  try {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let pending = [];
    let pendingLen = 0;
    let lineNo = 0;
    let offset = 0;
    let lineStart = 0;
    const emit = /* @__PURE__ */ __name((bytes, unterminated = false) => {
      lineNo++;
      let text;
      try {
        text = decodeText(bytes, what, `${shown}:${lineNo}`, lineStart);
      } catch (err) {
        if (!unterminated) throw err;
      }
      opts.onLine(text?.endsWith("\r") ? text.slice(0, -1) : text, lineNo, unterminated);
    }, "emit");
    const tooLong = /* @__PURE__ */ __name(() => new InputError("line-too-long", `${what} ${shown}:${lineNo + 1} is longer than ${opts.maxLine} bytes`, {
      fix: `one event a line, at most ${opts.maxLine} bytes each: record big values (files, arrays) by digest or path instead`,
      file: shown,
      line: lineNo + 1
    }), "tooLong");
    for (; ; ) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const data = chunk.subarray(0, n);
      opts.onBytes?.(data);
      let start = 0;
      for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
        const part = data.subarray(start, nl);
        if (pendingLen + part.length > opts.maxLine) throw tooLong();
        emit(pendingLen ? Buffer.concat([...pending, part]) : Buffer.from(part));
        lineStart = offset + nl + 1;
        pending = [];
        pendingLen = 0;
        start = nl + 1;
      }
      const rest = data.subarray(start);
      if (pendingLen + rest.length > opts.maxLine) throw tooLong();
      if (rest.length) {
        pending.push(Buffer.from(rest));
        pendingLen += rest.length;
      }
      offset += n;
    }
    if (pendingLen) emit(Buffer.concat(pending), true);
  } finally {
    closeSync(fd);
  }
}
__name(readLines, "readLines");
function parseJsonText(text, file) {
  try {
    return JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch (err) {
    const { message: msg, line } = describeJsonError(err, text);
    throw new InputError("malformed-json", `${file}${line ? `:${line}` : ""} is not valid JSON (${msg})`, {
      fix: "fix the JSON syntax",
      file,
      ...line === void 0 ? {} : { line },
      cause: err
    });
  }
}
__name(parseJsonText, "parseJsonText");
async function readJsonFile(file, what) {
  return parseJsonText(await readTextFile(file, what), file);
}
__name(readJsonFile, "readJsonFile");
async function outputDirInWorkspace(dir, workspace, what, fix = "write outside the checkout or remove the symlink from the repository") {
  const wsGiven = path.resolve(workspace);
  const abs = path.resolve(wsGiven, dir);
  if (!isInside(abs, wsGiven)) return abs;
  const ws = await realWorkspace(workspace);
  let existing = abs;
  const rest = [];
  for (; ; ) {
    const real = await realpath(existing).catch(() => void 0);
    if (real !== void 0) {
      if (!isInside(real, ws)) {
        throw new InputError("output-escapes-workspace", `${what} ${dir} leads through a symlink to ${real}, outside the workspace`, {
          fix,
          file: dir
        });
      }
      return path.join(real, ...rest.reverse());
    }
    if (await lstat(existing).then(() => true, () => false)) {
      throw new InputError("broken-symlink", `${what} ${dir} leads through a broken symlink (${existing})`, { fix: "remove the symlink", file: dir });
    }
    rest.push(path.basename(existing));
    const up = path.dirname(existing);
    if (up === existing) return abs;
    existing = up;
  }
}
__name(outputDirInWorkspace, "outputDirInWorkspace");

export {
  decodeText,
  LIMITS,
  makeDirs,
  makeDirsSync,
  writeFileAtomic,
  mayAccess,
  posixRelative,
  isInside,
  realWorkspace,
  resolveInWorkspace,
  containedPath,
  readFileChecked,
  readTextFile,
  readLines,
  parseJsonText,
  readJsonFile,
  outputDirInWorkspace
};
