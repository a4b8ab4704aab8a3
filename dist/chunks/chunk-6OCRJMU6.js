import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/fs.ts
import { randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";

// src/util/json.ts
var MAX_DEPTH = 64;
function jsonDepth(value, limit = Infinity) {
  let max = 0;
  const stack = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") stack.push([x, depth]);
  }
  return max;
}
__name(jsonDepth, "jsonDepth");
function assertDepth(value, file, what, limit = MAX_DEPTH) {
  if (jsonDepth(value, limit) > limit) {
    throw new InputError("too-deeply-nested", `${file}: ${what} is nested more than ${limit} levels deep`, {
      fix: `flatten the ${what}: at most ${limit} levels of nested objects and lists are accepted`,
      file
    });
  }
}
__name(assertDepth, "assertDepth");
function describeJsonError(err, text) {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.replace(/,\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, "").replace(/\s+/g, " ").trim();
  const pos = /position (\d+)/.exec(raw);
  const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : void 0;
  return { message, ...line !== void 0 ? { line } : {} };
}
__name(describeJsonError, "describeJsonError");

// src/util/fs.ts
import path from "node:path";
async function writeFileAtomic(file, data, mode) {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
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
async function readFileChecked(file, what, opts = {}) {
  const shown = opts.shown ?? file;
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") throw new InputError("file-not-found", `${what} not found: ${shown}`, { fix: "check the path", file: shown, cause: err });
    if (code === "EACCES" || code === "EPERM") throw new InputError("file-not-readable", `${what} ${shown} is not readable`, { fix: "fix the file permissions", file: shown, cause: err });
    if (code === "EISDIR") throw new InputError("is-directory", `${what} ${shown} is a directory, not a file`, { fix: "pass the path of a file", file: shown, cause: err });
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError("is-directory", `${what} ${shown} is a directory, not a file`, { fix: "pass the path of a file", file: shown });
    if (!st.isFile()) {
      const kind = st.isFIFO() ? "a named pipe (FIFO)" : st.isSocket() ? "a socket" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : "not a regular file";
      throw new InputError("not-a-regular-file", `${what} ${shown} is ${kind}, not a regular file`, { fix: `point the ${what} at a regular file`, file: shown });
    }
    if (opts.maxBytes !== void 0 && st.size > opts.maxBytes) {
      throw new InputError("file-too-large", `${what} ${shown} is ${st.size} bytes, more than the ${opts.maxBytes} accepted`, {
        fix: `a ${what} is a small text file: check that the path is right`,
        file: shown
      });
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
__name(readFileChecked, "readFileChecked");
async function readTextFile(file, what) {
  return (await readFileChecked(file, what)).toString("utf8");
}
__name(readTextFile, "readTextFile");
function parseJsonText(text, file) {
  try {
    return JSON.parse(text);
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

// src/util/zod-error.ts
function fieldPath(prefix, issuePath) {
  let out = prefix;
  for (const p of issuePath) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(top level)";
}
__name(fieldPath, "fieldPath");
function describe(issue) {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_union" && "errors" in issue) {
    const branches = issue.errors.filter((b) => b.length > 0);
    branches.sort((a, b) => a.length - b.length);
    const best = branches[0]?.[0];
    if (best) return describe(best);
  }
  return issue.message;
}
__name(describe, "describe");
function parseWith(schema, data, where) {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issues = res.error.issues.slice(0, 10);
  const fields = issues.map((i) => {
    const nested = i.code === "invalid_union" && "errors" in i ? i.errors.flat()[0] : void 0;
    const p = nested && i.path.length === 0 ? nested.path : i.path;
    return fieldPath(where.prefix ?? "", p);
  });
  const parts = issues.map((i, n) => `${fields[n]}: ${describe(i)}`);
  const more = res.error.issues.length > issues.length ? ` (and ${res.error.issues.length - issues.length} more)` : "";
  throw new InputError("invalid-document", `${where.file ? `${where.file}: ` : ""}invalid ${where.what}: ${parts.join("; ")}${more}`, {
    fix: where.fix ?? `correct the field(s) named above; the schema is in schemas/`,
    fields,
    ...where.file ? { file: where.file } : {}
  });
}
__name(parseWith, "parseWith");

export {
  parseWith,
  assertDepth,
  describeJsonError,
  writeFileAtomic,
  readFileChecked,
  readTextFile,
  parseJsonText,
  readJsonFile
};
