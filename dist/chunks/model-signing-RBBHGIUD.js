import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  ProgressTracker,
  comparePaths,
  hashPaths
} from "./chunk-AT7NZQCF.js";
import {
  isInside
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/digest/model-signing.ts
import { createHash } from "node:crypto";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
var MODEL_SIGNING_PREDICATE_TYPE = "https://model_signing/signature/v1.0";
var MODEL_SIGNING_GIT_PATHS = [".git", ".gitattributes", ".github", ".gitignore"];
function comparePosixPathParts(a, b) {
  const pa = a.split("/");
  const pb = b.split("/");
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const c = comparePaths(pa[i], pb[i]);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}
__name(comparePosixPathParts, "comparePosixPathParts");
function normaliseIgnore(p) {
  const posix = path.posix.normalize(p.split(path.sep).join("/")).replace(/\/+$/, "");
  return posix === "." ? "" : posix;
}
__name(normaliseIgnore, "normaliseIgnore");
async function modelSigningDigest(dir, boundary = dir, opts = {}) {
  const allowSymlinks = opts.allowSymlinks ?? false;
  const ignore = new Set((opts.ignorePaths ?? []).map(normaliseIgnore).filter((p) => p !== ""));
  if (opts.ignoreGitPaths ?? true) for (const g of MODEL_SIGNING_GIT_PATHS) ignore.add(g);
  const ignored = /* @__PURE__ */ __name((rel) => {
    for (const i of ignore) if (rel === i || rel.startsWith(`${i}/`)) return true;
    return false;
  }, "ignored");
  const realBoundary = await realpath(boundary);
  const rootStat = await stat(dir);
  if (!rootStat.isDirectory()) {
    throw new InputError("model-not-a-directory", `${dir} is not a directory`, { fix: "pass the model directory", file: dir });
  }
  const rels = [];
  async function visit(abs, rel) {
    for (const e of await readdir(abs, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (ignored(childRel)) continue;
      const child = path.join(abs, e.name);
      if (e.isDirectory()) {
        await visit(child, childRel);
      } else if (e.isFile()) {
        rels.push(childRel);
      } else if (e.isSymbolicLink()) {
        if (!allowSymlinks) {
          throw new InputError("model-symlink", `${child} is a symlink, which OpenSSF model signing refuses by default`, {
            fix: "replace the symlink with the file, or allow symlinks for the model-signing digest",
            file: child
          });
        }
        const target = await realpath(child).catch(() => null);
        if (target === null || !isInside(target, realBoundary)) {
          throw new InputError("symlink-escapes-workspace", `symlink ${child} points outside the workspace`, {
            fix: "copy the data into the workspace or remove the symlink",
            file: child
          });
        }
        const st = await stat(target);
        if (st.isFile()) rels.push(childRel);
        else if (!st.isDirectory()) throw specialFile(child);
      } else {
        throw specialFile(child);
      }
    }
  }
  __name(visit, "visit");
  await visit(dir, "");
  if (rels.length === 0) {
    throw new InputError("model-empty", `${dir} has no regular files after the ignored paths`, {
      fix: "point at the model directory (OpenSSF model signing refuses an empty model)",
      file: dir
    });
  }
  rels.sort(comparePosixPathParts);
  const tracker = new ProgressTracker(opts.onProgress, opts.progressIntervalMs);
  tracker.totalFiles = rels.length;
  const results = await hashPaths(
    rels.map((r) => path.join(dir, ...r.split("/"))),
    tracker,
    opts
  );
  tracker.finish();
  const subject = createHash("sha256");
  const resources = [];
  for (let i = 0; i < rels.length; i++) {
    const r = results[i];
    if ("error" in r) throw Object.assign(new Error(r.error.message), { code: r.error.code, path: r.error.path });
    if ("special" in r) throw specialFile(path.join(dir, rels[i]));
    subject.update(Buffer.from(r.sha256, "hex"));
    resources.push({ name: rels[i], algorithm: "sha256", digest: r.sha256 });
  }
  return {
    modelName: opts.modelName ?? path.basename(path.resolve(dir)),
    sha256: subject.digest("hex"),
    resources,
    serialization: {
      method: "files",
      hash_type: "sha256",
      allow_symlinks: allowSymlinks,
      ignore_paths: [...ignore].sort(comparePaths)
    }
  };
}
__name(modelSigningDigest, "modelSigningDigest");
function specialFile(file) {
  return new InputError("model-special-file", `${file} is not a regular file or directory (FIFO, socket or device)`, {
    fix: "remove it from the model directory: OpenSSF model signing refuses special files",
    file
  });
}
__name(specialFile, "specialFile");
function modelSigningStatement(m) {
  return {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: m.modelName, digest: { sha256: m.sha256 } }],
    predicateType: MODEL_SIGNING_PREDICATE_TYPE,
    predicate: { serialization: m.serialization, resources: m.resources }
  };
}
__name(modelSigningStatement, "modelSigningStatement");
export {
  MODEL_SIGNING_GIT_PATHS,
  MODEL_SIGNING_PREDICATE_TYPE,
  comparePosixPathParts,
  modelSigningDigest,
  modelSigningStatement
};
