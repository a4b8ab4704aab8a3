/**
 * OpenSSF model signing (sigstore/model-transparency, `model_signing` v1.x)
 * compatible digest of a model directory: the "files" serialization with sha256.
 *
 * What it reproduces, from upstream `manifest.py`, `_serialization/file.py`,
 * `_signing/signing.py` and `hashing.py` (see docs/DIGESTS.md):
 * - one resource per regular file: `name` = POSIX path relative to the model
 *   directory, `algorithm` = "sha256", `digest` = sha256 of the file bytes (hex);
 * - resources ordered like Python's `sorted()` over `PurePosixPath` keys, which
 *   compares path *components* in code point order (so `a/b` < `a-b`, unlike a
 *   bytewise sort of whole strings);
 * - the subject digest: sha256 over the concatenated raw 32-byte file digests in
 *   that order; the subject name is the directory's base name;
 * - the default ignores (`.git`, `.gitattributes`, `.github`, `.gitignore` at the
 *   model root), symlinks refused unless `allowSymlinks` (then symlinked files are
 *   hashed through, symlinked directories are not entered, as pathlib's `**` glob
 *   does), special files refused, an empty model refused.
 * Checked against upstream's golden payloads in test/unit/digest-model-signing.test.ts.
 */
import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { comparePaths, hashPaths, type DigestOptions } from './index.js';
import { isInside } from '../util/fs.js';
import { ProgressTracker } from './tracker.js';

export const MODEL_SIGNING_PREDICATE_TYPE = 'https://model_signing/signature/v1.0';
export const MODEL_SIGNING_GIT_PATHS = ['.git', '.gitattributes', '.github', '.gitignore'] as const;

export interface ModelSigningOptions extends DigestOptions {
  /** Subject name; default the directory's base name (upstream's `model_name`). */
  modelName?: string;
  /** Extra paths to leave out, relative to the model directory (files or directories). */
  ignorePaths?: string[];
  /** Leave out `.git`, `.gitattributes`, `.github`, `.gitignore` (default true, as upstream). */
  ignoreGitPaths?: boolean;
  /** Hash through symlinks to files instead of refusing them (default false, as upstream). */
  allowSymlinks?: boolean;
}

export interface ModelSigningResource {
  name: string;
  algorithm: 'sha256';
  digest: string;
}

export interface ModelSigningSerialization {
  method: 'files';
  hash_type: 'sha256';
  allow_symlinks: boolean;
  ignore_paths: string[];
}

export interface ModelSigningManifest {
  modelName: string;
  /** sha256 (hex) over the raw resource digests in order: the in-toto subject digest. */
  sha256: string;
  resources: ModelSigningResource[];
  serialization: ModelSigningSerialization;
}

/** Python `PurePosixPath` ordering: component by component, each in code point order. */
export function comparePosixPathParts(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const c = comparePaths(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

function normaliseIgnore(p: string): string {
  const posix = path.posix.normalize(p.split(path.sep).join('/')).replace(/\/+$/, '');
  return posix === '.' ? '' : posix;
}

/** Digest a model directory the way `model_signing.hashing.hash()` does by default. */
export async function modelSigningDigest(dir: string, boundary: string = dir, opts: ModelSigningOptions = {}): Promise<ModelSigningManifest> {
  const allowSymlinks = opts.allowSymlinks ?? false;
  const ignore = new Set<string>((opts.ignorePaths ?? []).map(normaliseIgnore).filter((p) => p !== ''));
  if (opts.ignoreGitPaths ?? true) for (const g of MODEL_SIGNING_GIT_PATHS) ignore.add(g);
  const ignored = (rel: string): boolean => {
    for (const i of ignore) if (rel === i || rel.startsWith(`${i}/`)) return true;
    return false;
  };
  const realBoundary = await realpath(boundary);
  const rootStat = await stat(dir);
  if (!rootStat.isDirectory()) {
    throw new InputError('model-not-a-directory', `${dir} is not a directory`, { fix: 'pass the model directory', file: dir });
  }

  const rels: string[] = [];
  async function visit(abs: string, rel: string): Promise<void> {
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
          throw new InputError('model-symlink', `${child} is a symlink, which OpenSSF model signing refuses by default`, {
            fix: 'replace the symlink with the file, or allow symlinks for the model-signing digest',
            file: child,
          });
        }
        const target = await realpath(child).catch(() => null);
        if (target === null || !isInside(target, realBoundary)) {
          throw new InputError('symlink-escapes-workspace', `symlink ${child} points outside the workspace`, {
            fix: 'copy the data into the workspace or remove the symlink',
            file: child,
          });
        }
        const st = await stat(target);
        if (st.isFile()) rels.push(childRel);
        else if (!st.isDirectory()) throw specialFile(child);
        // Symlinked directories are listed by pathlib's `**/*` but not entered, and are not files.
      } else {
        throw specialFile(child);
      }
    }
  }
  await visit(dir, '');
  if (rels.length === 0) {
    throw new InputError('model-empty', `${dir} has no regular files after the ignored paths`, {
      fix: 'point at the model directory (OpenSSF model signing refuses an empty model)',
      file: dir,
    });
  }

  rels.sort(comparePosixPathParts);
  const tracker = new ProgressTracker(opts.onProgress, opts.progressIntervalMs);
  tracker.totalFiles = rels.length;
  const results = await hashPaths(
    rels.map((r) => path.join(dir, ...r.split('/'))),
    tracker,
    opts,
  );
  tracker.finish();

  const subject = createHash('sha256');
  const resources: ModelSigningResource[] = [];
  for (let i = 0; i < rels.length; i++) {
    const r = results[i]!;
    if ('error' in r) throw Object.assign(new Error(r.error.message), { code: r.error.code, path: r.error.path });
    if ('special' in r) throw specialFile(path.join(dir, rels[i]!));
    subject.update(Buffer.from(r.sha256, 'hex'));
    resources.push({ name: rels[i]!, algorithm: 'sha256', digest: r.sha256 });
  }
  return {
    modelName: opts.modelName ?? path.basename(path.resolve(dir)),
    sha256: subject.digest('hex'),
    resources,
    serialization: {
      method: 'files',
      hash_type: 'sha256',
      allow_symlinks: allowSymlinks,
      ignore_paths: [...ignore].sort(comparePaths),
    },
  };
}

function specialFile(file: string): InputError {
  return new InputError('model-special-file', `${file} is not a regular file or directory (FIFO, socket or device)`, {
    fix: 'remove it from the model directory: OpenSSF model signing refuses special files',
    file,
  });
}

/**
 * The in-toto statement `model_signing` signs (the DSSE payload), for this manifest.
 * Signing it is sign/'s job; this module only computes it.
 */
export function modelSigningStatement(m: ModelSigningManifest): {
  _type: 'https://in-toto.io/Statement/v1';
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof MODEL_SIGNING_PREDICATE_TYPE;
  predicate: { serialization: ModelSigningSerialization; resources: ModelSigningResource[] };
} {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: m.modelName, digest: { sha256: m.sha256 } }],
    predicateType: MODEL_SIGNING_PREDICATE_TYPE,
    predicate: { serialization: m.serialization, resources: m.resources },
  };
}
