import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

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
}

/** Streamed sha256 of one file, in constant memory. */
export async function digestFile(file: string): Promise<{ sha256: string; size: number }> {
  const st = await stat(file);
  if (!st.isFile()) {
    throw new InputError('not-a-regular-file', `${file} is not a regular file (FIFO, device or socket)`, {
      fix: 'point at a regular file or a directory of regular files',
      file,
    });
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
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
  return createHash('sha256').update(manifestText(files)).digest('hex');
}

/** Compare by UTF-8 bytes so the order matches `LC_ALL=C sort`. */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * List regular files under `dir`, refusing symlinks that resolve outside `boundary`
 * (the workspace). Special files are skipped with no read, so a FIFO cannot hang us.
 */
export async function listFiles(dir: string, boundary: string): Promise<string[]> {
  const out: string[] = [];
  const realBoundary = await realpath(boundary);
  async function walk(abs: string): Promise<void> {
    const entries = await readdir(abs, { withFileTypes: true });
    for (const e of entries) {
      const child = path.join(abs, e.name);
      if (e.isSymbolicLink()) {
        const target = await realpath(child).catch(() => null);
        if (target === null || !isInside(target, realBoundary)) {
          throw new InputError('symlink-escapes-workspace', `symlink ${child} points outside the workspace`, {
            fix: 'copy the data into the workspace or remove the symlink',
            file: child,
          });
        }
        const st = await stat(target);
        if (st.isDirectory()) await walk(child);
        else if (st.isFile()) out.push(child);
      } else if (e.isDirectory()) {
        await walk(child);
      } else if (e.isFile()) {
        out.push(child);
      }
    }
  }
  await walk(dir);
  return out;
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Digest every file of a directory and the manifest over them. */
export async function digestDirectory(dir: string, boundary: string = dir): Promise<DirectoryDigest> {
  const abs = await listFiles(dir, boundary);
  const files: FileDigest[] = [];
  for (const file of abs) {
    const d = await digestFile(file);
    files.push({ path: path.relative(dir, file).split(path.sep).join('/'), ...d });
  }
  files.sort((a, b) => comparePaths(a.path, b.path));
  return { sha256: manifestDigest(files), files, size: files.reduce((n, f) => n + f.size, 0) };
}

/** Digest a path that may be a file or a directory. */
export async function digestPath(p: string, boundary: string): Promise<DirectoryDigest & { kind: 'file' | 'directory' }> {
  const st = await lstat(p);
  if (st.isSymbolicLink()) {
    const target = await realpath(p).catch(() => null);
    if (target === null || !isInside(target, await realpath(boundary))) {
      throw new InputError('symlink-escapes-workspace', `symlink ${p} points outside the workspace`, {
        fix: 'copy the data into the workspace or remove the symlink',
        file: p,
      });
    }
  }
  const real = await stat(p);
  if (real.isDirectory()) return { kind: 'directory', ...(await digestDirectory(p, boundary)) };
  const d = await digestFile(p);
  return { kind: 'file', sha256: d.sha256, size: d.size, files: [{ path: path.basename(p), ...d }] };
}
