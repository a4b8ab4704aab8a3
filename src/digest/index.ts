import { createHash } from 'node:crypto';
import { open, lstat, readdir, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';
import { hashOnWorkers } from './pool.js';
import { ProgressTracker, type ProgressCallback } from './tracker.js';
import { hashFileSync, OPEN_FLAGS, specialKind, SYNC_CHUNK, type HashResult, type SpecialKind } from './worker.js';
import { isInside } from '../util/fs.js';

export type { DigestProgress, ProgressCallback } from './tracker.js';
export type { SpecialKind } from './worker.js';

export interface FileDigest {
  /** Path relative to the digested root, with forward slashes. */
  path: string;
  sha256: string;
  size: number;
}

export interface DirectoryDigest {
  /** sha256 of the manifest text (see manifestText). */
  sha256: string;
  files: FileDigest[];
  size: number;
  /**
   * Special files (FIFOs, sockets, devices) found in the directory and not hashed.
   * Present only when there were some; each was also passed to `onWarning`.
   */
  skipped?: SkippedFile[];
}

export interface SkippedFile {
  /** Path relative to the digested root, with forward slashes. */
  path: string;
  kind: SpecialKind;
}

export interface DigestWarning {
  code: 'special-file-skipped';
  message: string;
  path: string;
}

export interface DigestOptions {
  /** Called at most every `progressIntervalMs` (default 200) and once when done. */
  onProgress?: ProgressCallback;
  progressIntervalMs?: number;
  /**
   * Worker threads for directories. Default: `os.availableParallelism()`. 0 hashes on
   * the calling thread. Directories of at most 8 files are always hashed in-process.
   */
  concurrency?: number;
  /** Special files skipped inside directories are reported here (and in `skipped`). */
  onWarning?: (w: DigestWarning) => void;
  signal?: AbortSignal;
}

/** Directories with at most this many files are hashed without starting workers. */
const IN_PROCESS_MAX_FILES = 8;

/**
 * Read size for the pipelined single-file loop. Two buffers: one is hashed while
 * the thread pool reads the next. 4 MiB measured best (2 GiB cached file: 1 MiB
 * 1.60 s, 4 MiB 1.50 s, 8 MiB 1.48 s with 8 MiB more RSS). See docs/BENCHMARKS.md.
 */
const PIPE_CHUNK = 4 * 1024 * 1024;

/**
 * Streamed sha256 of one file, in constant memory (two 4 MiB buffers). Reading the
 * next chunk (libuv thread pool) overlaps hashing the current one (this thread).
 */
export async function digestFile(file: string, opts: DigestOptions = {}): Promise<{ sha256: string; size: number }> {
  const tracker = new ProgressTracker(opts.onProgress, opts.progressIntervalMs);
  const r = await hashFilePipelined(file, tracker, opts.signal);
  tracker.files = 1;
  tracker.finish();
  return r;
}

async function hashFilePipelined(file: string, tracker: ProgressTracker, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
  const fh = await open(file, OPEN_FLAGS);
  try {
    const st = await fh.stat();
    if (!st.isFile()) {
      throw new InputError('not-a-regular-file', `${file} is not a regular file (${specialKind(st)})`, {
        fix: 'point at a regular file or a directory of regular files',
        file,
      });
    }
    if (tracker.totalBytes === undefined && tracker.totalFiles === undefined) tracker.totalBytes = st.size;
    // Small files need one buffer just big enough (+1 so EOF shows on the next read).
    const chunk = Math.min(PIPE_CHUNK, Math.max(64 * 1024, st.size + 1));
    const bufs = [Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk)] as const;
    const hash = createHash('sha256');
    let pos = 0;
    let i = 0;
    let pending = fh.read(bufs[0], 0, chunk, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      signal?.throwIfAborted();
      const cur = bufs[i]!;
      pos += bytesRead;
      i ^= 1;
      pending = fh.read(bufs[i]!, 0, chunk, pos);
      hash.update(bytesRead === chunk ? cur : cur.subarray(0, bytesRead));
      tracker.addBytes(bytesRead);
    }
    return { sha256: hash.digest('hex'), size: pos };
  } finally {
    await fh.close();
  }
}

/**
 * The manifest a directory digest is taken over: one line per file, sorted by
 * path (byte order), `<sha256>  <size>  <path>\n`. Anyone can recompute it with
 * standard tools, and the order never depends on the file system.
 */
export function manifestText(files: FileDigest[]): string {
  return files.map((f) => `${f.sha256}  ${f.size}  ${f.path}\n`).join('');
}

export function manifestDigest(files: FileDigest[]): string {
  const hash = createHash('sha256');
  // Streamed line by line: a 100,000-file manifest never exists as one string.
  for (const f of files) hash.update(`${f.sha256}  ${f.size}  ${f.path}\n`);
  return hash.digest('hex');
}

/**
 * Compare by UTF-8 bytes so the order matches `LC_ALL=C sort`. UTF-8 byte order is
 * code point order; UTF-16 code units agree with it except that surrogates (code
 * points above U+FFFF) must sort after U+E000..U+FFFF, hence the fix-up.
 */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 0xd800 && cb >= 0xd800) {
      ca += ca >= 0xe000 ? -0x800 : 0x2000;
      cb += cb >= 0xe000 ? -0x800 : 0x2000;
    }
    return ca - cb;
  }
  return a.length - b.length;
}

interface Walk {
  files: string[];
  /** Paths relative to the walked directory, with forward slashes, parallel to `files`. */
  rels: string[];
  skipped: { rel: string; kind: SpecialKind }[];
}

function symlinkEscapes(link: string): InputError {
  return new InputError('symlink-escapes-workspace', `symlink ${link} points outside the workspace`, {
    fix: 'copy the data into the workspace or remove the symlink',
    file: link,
  });
}

/**
 * Walk `dir`: regular files (following symlinks that stay inside `boundary`), and
 * special files, which are never opened. Refuses symlinks that leave the boundary,
 * dangling symlinks and symlink cycles.
 */
async function walk(dir: string, boundary: string): Promise<Walk> {
  const out: Walk = { files: [], rels: [], skipped: [] };
  const realBoundary = await realpath(boundary);
  // Real paths of the directories being visited, root first: a symlink to any of
  // them (or to a directory above one) would loop forever.
  const stack: string[] = [await realpath(dir)];
  async function visit(abs: string, rel: string): Promise<void> {
    const realAbs = stack[stack.length - 1]!;
    const entries = await readdir(abs, { withFileTypes: true });
    for (const e of entries) {
      const child = path.join(abs, e.name);
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
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
          throw new InputError('symlink-broken', `symlink ${child} points to nothing`, {
            fix: 'remove the broken symlink or restore its target',
            file: child,
          });
        }
        if (!isInside(target, realBoundary)) throw symlinkEscapes(child);
        const st = await stat(target);
        if (st.isDirectory()) {
          if (stack.some((s) => isInside(s, target))) {
            throw new InputError('symlink-cycle', `symlink ${child} points back to a directory that contains it`, {
              fix: 'remove the symlink loop from the data directory',
              file: child,
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
  await visit(dir, '');
  return out;
}

function direntKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): SpecialKind {
  if (e.isFIFO()) return 'fifo';
  if (e.isSocket()) return 'socket';
  if (e.isCharacterDevice()) return 'character-device';
  if (e.isBlockDevice()) return 'block-device';
  return 'other';
}

/**
 * List regular files under `dir`, refusing symlinks that resolve outside `boundary`
 * (the workspace). Special files are skipped with no read, so a FIFO cannot hang us.
 */
export async function listFiles(dir: string, boundary: string): Promise<string[]> {
  return (await walk(dir, boundary)).files;
}


/**
 * Hash absolute paths in input order: on worker threads, or in-process for a few
 * files or `concurrency: 0`. Shared by `digestDirectory` and `model-signing.ts`.
 * @internal
 */
export async function hashPaths(abs: string[], tracker: ProgressTracker, opts: DigestOptions): Promise<HashResult[]> {
  const workers = opts.concurrency ?? availableParallelism();
  let results: HashResult[];
  if (abs.length <= IN_PROCESS_MAX_FILES) {
    // A few files (often a few big shards): no worker start-up, pipelined reads.
    results = [];
    for (const f of abs) {
      opts.signal?.throwIfAborted();
      try {
        results.push(await hashFilePipelined(f, tracker, opts.signal));
      } catch (err) {
        if (!(err instanceof InputError && err.code === 'not-a-regular-file')) throw err;
        results.push({ special: await stat(f).then(specialKind, () => 'other' as const) });
      }
      tracker.addFile();
    }
  } else if (workers <= 0) {
    // Serial on this thread, one reused buffer (the baseline the workers are measured against).
    const buf = Buffer.allocUnsafe(SYNC_CHUNK);
    const onBytes = (n: number): void => tracker.addBytes(n);
    results = [];
    for (const f of abs) {
      opts.signal?.throwIfAborted();
      results.push(hashFileSync(f, buf, onBytes));
      tracker.addFile();
    }
  } else {
    results = await hashOnWorkers(abs, {
      workers,
      onBytes: (n) => tracker.addBytes(n),
      onFile: () => tracker.addFile(),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  return results;
}

/**
 * Digest every file of a directory and the manifest over them. Files are hashed on
 * worker threads (see `DigestOptions.concurrency`); the result does not depend on
 * the number of workers or on the order the file system lists entries in.
 */
export async function digestDirectory(dir: string, boundary: string = dir, opts: DigestOptions = {}): Promise<DirectoryDigest> {
  const tracker = new ProgressTracker(opts.onProgress, opts.progressIntervalMs);
  const listing = await walk(dir, boundary);
  const abs = listing.files;
  tracker.totalFiles = abs.length;
  if (opts.onProgress) {
    // Totals for the progress line: one stat per file, only when someone is watching.
    let total = 0;
    for (const f of abs) total += (await stat(f)).size;
    tracker.totalBytes = total;
  }
  const skipped: SkippedFile[] = [];
  const skip = (rel: string, kind: SpecialKind): void => {
    skipped.push({ path: rel, kind });
    opts.onWarning?.({
      code: 'special-file-skipped',
      path: rel,
      message: `skipped ${rel}: a ${kind.replace('-', ' ')} is not a regular file and has no content to hash`,
    });
  };
  for (const s of listing.skipped) skip(s.rel, s.kind);

  const results = await hashPaths(abs, tracker, opts);

  const files: FileDigest[] = [];
  let size = 0;
  for (let i = 0; i < abs.length; i++) {
    const r = results[i]!;
    if ('error' in r) {
      throw Object.assign(new Error(r.error.message), { code: r.error.code, path: r.error.path });
    }
    if ('special' in r) {
      // Replaced by a special file after it was listed: treat it like one found while listing.
      skip(listing.rels[i]!, r.special);
      continue;
    }
    files.push({ path: listing.rels[i]!, sha256: r.sha256, size: r.size });
    size += r.size;
  }
  files.sort((a, b) => comparePaths(a.path, b.path));
  tracker.finish();
  const out: DirectoryDigest = { sha256: manifestDigest(files), files, size };
  if (skipped.length) out.skipped = skipped.sort((a, b) => comparePaths(a.path, b.path));
  return out;
}

/** Digest a path that may be a file or a directory. */
export async function digestPath(
  p: string,
  boundary: string,
  opts: DigestOptions = {},
): Promise<DirectoryDigest & { kind: 'file' | 'directory' }> {
  const st = await lstat(p);
  if (st.isSymbolicLink()) {
    const target = await realpath(p).catch(() => null);
    if (target === null || !isInside(target, await realpath(boundary))) throw symlinkEscapes(p);
  }
  const real = await stat(p);
  if (real.isDirectory()) return { kind: 'directory', ...(await digestDirectory(p, boundary, opts)) };
  const d = await digestFile(p, opts);
  return { kind: 'file', sha256: d.sha256, size: d.size, files: [{ path: path.basename(p), ...d }] };
}

export { workerUrl } from './pool.js';
