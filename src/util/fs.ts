import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { lstat, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { describeJsonError } from './json.js';
import path from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from './utf8.js';

export { decodeText, invalidUtf8Offset } from './utf8.js';

/**
 * The limits every read path shares (docs/SECURITY.md, "Read paths and limits"). A PR
 * branch controls the workspace: nothing it commits may make a read block, exhaust
 * memory or reach outside the checkout.
 */
export const LIMITS = {
  /** Config files, manifests, metrics files, policy files, DVC/MLflow files: small documents. */
  inputFileBytes: 16 * 1024 * 1024,
  /** One records log file (records.jsonl and matrix jobs' *.jsonl). */
  recordsFileBytes: 64 * 1024 * 1024,
  /** One line (event) of a records log. */
  recordsLineBytes: 1024 * 1024,
  /** Files a config glob may match, and files an MLflow run or DVC project may hold, before anything is read. */
  matchedFiles: 10_000,
  /** Any other document read whole (statements, bundles, trusted roots). */
  documentBytes: 256 * 1024 * 1024,
} as const;

/**
 * The folders from `dir` up to its first existing ancestor, deepest first. Node's
 * `mkdir(…, { recursive: true })` never returns when a folder's parent exists but
 * refuses it with ENOENT (anything under /proc or /sys): it makes the parent again and
 * retries forever. Here each missing folder is made once, parent first, and that
 * refusal is an input error naming the folder.
 */
function missingDirs(dir: string, exists: (d: string) => boolean): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); !exists(d); d = path.dirname(d)) {
    out.push(d);
    if (path.dirname(d) === d) break;
  }
  return out.reverse();
}

function cannotMake(d: string, err: unknown): InputError {
  return new InputError('cannot-make-directory', `cannot create the folder ${d}: its parent ${path.dirname(d)} does not take new folders (a system folder such as /proc or /sys, or a symbolic link to a missing folder)`, {
    fix: 'choose a folder on an ordinary file system (the workspace, or the runner\'s temp folder)',
    file: d,
    cause: err,
  });
}

const existsSyncDir = (d: string): boolean => {
  try {
    statSync(d);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
};

/** `mkdir -p` that ends: see missingDirs. */
export async function makeDirs(dir: string, mode?: number): Promise<void> {
  for (const d of missingDirs(dir, existsSyncDir)) {
    await mkdir(d, mode).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return;
      throw err.code === 'ENOENT' ? cannotMake(d, err) : err;
    });
  }
}

/** makeDirs, synchronously. */
export function makeDirsSync(dir: string, mode?: number): void {
  for (const d of missingDirs(dir, existsSyncDir)) {
    try {
      mkdirSync(d, mode);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw code === 'ENOENT' ? cannotMake(d, err) : err;
    }
  }
}

/**
 * Write through a temporary file in the same directory and rename it into place,
 * so a crash or a failed check never leaves a half-written output behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
  await makeDirs(path.dirname(path.resolve(file)));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, mode === undefined ? undefined : { mode });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Whether this process may access `p` as `mode` (fs.constants.W_OK, X_OK…), by the kernel's own check. */
export function mayAccess(p: string, mode: number): boolean {
  try {
    accessSync(p, mode);
    return true;
  } catch {
    return false;
  }
}

/** Whether `child` is `parent` or under it (a child named `..foo` is under it; `../foo` is not). */
/** `to` relative to `from`, '/'-separated as records, annotations and messages write paths ('' for the same folder). */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The workspace's real path (symlinks resolved), or an input error when it does not exist. */
export async function realWorkspace(workspace: string): Promise<string> {
  return realpath(workspace).catch(() => {
    throw new InputError('workspace-missing', `workspace ${workspace} does not exist`, { fix: 'run in the checkout or pass --workspace' });
  });
}

export type PathKind = 'file' | 'directory' | 'any';

/**
 * Resolve a user-given path against the workspace and refuse anything (`..`,
 * absolute paths, symlinks at any level) that ends up outside it. Returns the
 * absolute real path and the workspace-relative name recorded in the statement.
 * `kind` refuses a file where a directory is expected and the other way round.
 */
export async function resolveInWorkspace(given: string, workspace: string, what: string, kind: PathKind = 'any'): Promise<{ abs: string; rel: string }> {
  const ws = await realWorkspace(workspace);
  const wsGiven = path.resolve(workspace);
  const abs = path.resolve(wsGiven, given);
  if (!isInside(abs, wsGiven) && !isInside(abs, ws)) {
    throw new InputError('path-outside-workspace', `${what} ${given} is outside the workspace ${ws}`, {
      fix: 'copy it into the workspace, or run from the directory that contains it',
      file: given,
    });
  }
  try {
    await lstat(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw notDirectoryOnTheWay(what, given);
    throw new InputError('file-not-found', `${what} not found: ${given}`, { fix: 'check the path (relative to the workspace)', file: given });
  }
  const real = await realpath(abs).catch(() => {
    throw new InputError('broken-symlink', `${what} ${given} is a broken symlink`, { fix: 'fix or remove the symlink', file: given });
  });
  if (!isInside(real, ws)) {
    throw new InputError('symlink-escapes-workspace', `${what} ${given} is a symlink to ${real}, outside the workspace`, {
      fix: 'copy the file into the workspace instead of linking to it',
      file: given,
    });
  }
  if (kind !== 'any') {
    const st = await stat(real);
    if (kind === 'directory' && !st.isDirectory()) {
      throw new InputError('not-a-directory', `${what} ${given} is ${describeKind(st)}, not a directory`, { fix: `pass the directory, not a file inside it`, file: given });
    }
    if (kind === 'file' && !st.isFile()) {
      throw new InputError(st.isDirectory() ? 'is-directory' : 'not-a-regular-file', `${what} ${given} is ${describeKind(st)}, not a regular file`, { fix: `pass the path of a file`, file: given });
    }
  }
  const base = isInside(abs, wsGiven) ? wsGiven : ws;
  return { abs: real, rel: posixRelative(base, abs) || '.' };
}

function notDirectoryOnTheWay(what: string, given: string): InputError {
  return new InputError('not-a-directory', `${what} ${given}: a part of the path is a file, not a directory`, { fix: 'check the path', file: given });
}

function describeKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFile()) return 'a file';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * A path under `root` (a directory already resolved inside the workspace), checked
 * the same way after symlinks. Undefined when it does not exist: for files a tool may
 * or may not have written (dvc.lock, MLflow's inputs/).
 */
export async function containedPath(file: string, root: string, what: string, shown: string): Promise<string | undefined> {
  const real = await realpath(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw err;
  });
  if (real === undefined) {
    // A dangling symlink is not "absent": say so.
    if (await lstat(file).then(() => true, () => false)) {
      throw new InputError('broken-symlink', `${what} ${shown} is a broken symlink`, { fix: 'fix or remove the symlink', file: shown });
    }
    return undefined;
  }
  if (!isInside(real, await realpath(root))) {
    throw new InputError('symlink-escapes-workspace', `${what} ${shown} is a symlink to ${real}, outside the workspace`, {
      fix: 'remove the symlink: files read into the record must be inside the workspace',
      file: shown,
    });
  }
  return real;
}

export interface ReadOptions {
  /** The name errors show (default: the path given). */
  shown?: string;
  /** Refuse a file larger than this (default LIMITS.documentBytes). */
  maxBytes?: number;
  /** Refuse a file whose real path (symlinks resolved) is outside this directory. */
  within?: string;
}

/**
 * Open a file for reading without ever blocking on it: containment first (when
 * `within` is given), then opened non-blocking (a FIFO cannot hang us) and checked on
 * the open descriptor to be a regular file (no FIFOs, devices, sockets) of at most
 * `maxBytes`. Every failure is an InputError naming the file as `shown`.
 */
export async function openChecked(file: string, what: string, opts: ReadOptions = {}): Promise<{ fd: number; size: number }> {
  const shown = opts.shown ?? file;
  let target = file;
  if (opts.within !== undefined) {
    const real = await containedPath(file, opts.within, what, shown);
    if (real === undefined) throw new InputError('file-not-found', `${what} not found: ${shown}`, { fix: 'check the path', file: shown });
    target = real;
  }
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | (opts.within !== undefined ? constants.O_NOFOLLOW : 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('file-not-found', `${what} not found: ${shown}`, { fix: 'check the path', file: shown, cause: err });
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('file-not-readable', `${what} ${shown} is not readable`, { fix: 'fix the file permissions', file: shown, cause: err });
    if (code === 'EISDIR') throw new InputError('is-directory', `${what} ${shown} is a directory, not a file`, { fix: 'pass the path of a file', file: shown, cause: err });
    if (code === 'ENOTDIR') throw notDirectoryOnTheWay(what, shown);
    if (code === 'ELOOP') throw new InputError('symlink-loop', `${what} ${shown} is a symlink loop`, { fix: 'remove the symlink', file: shown, cause: err });
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError('is-directory', `${what} ${shown} is a directory, not a file`, { fix: 'pass the path of a file', file: shown });
    if (!st.isFile()) {
      throw new InputError('not-a-regular-file', `${what} ${shown} is ${describeKind(st)}, not a regular file`, { fix: `replace it with a regular file, or point the ${what} at one (nothing that is not a regular file is read)`, file: shown });
    }
    const max = opts.maxBytes ?? LIMITS.documentBytes;
    if (st.size > max) {
      throw new InputError('file-too-large', `${what} ${shown} is ${st.size} bytes, more than the ${max} accepted`, {
        fix: `a ${what} is a small text file: check that the path is right`,
        file: shown,
      });
    }
    return { fd, size: st.size };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * Read a whole file through openChecked. Never reads more than the size checked: a
 * file that grows while being read is cut at the size it had when opened.
 *
 * Synchronous underneath: the files read this way are small documents, and `lineage`
 * reads thousands of them, where four thread-pool round trips per file (open, stat,
 * read, close) cost more than the reads (10,000 bundles: 1.3 s async, see
 * docs/BENCHMARKS.md).
 */
export async function readFileChecked(file: string, what: string, opts: ReadOptions = {}): Promise<Buffer> {
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

/** Read a UTF-8 text file (BOM accepted, invalid UTF-8 and NUL refused); see readFileChecked. */
export async function readTextFile(file: string, what: string, opts: ReadOptions = {}): Promise<string> {
  return decodeText(await readFileChecked(file, what, opts), what, opts.shown ?? file);
}

/**
 * Read a text file line by line in bounded memory: a line longer than `maxLine`
 * bytes is refused as soon as that many bytes without a newline have been read, so
 * a 100 MB line costs one chunk of memory, not 100 MB. `onLine` gets each line
 * (without its newline, BOM dropped; undefined for a last line without a newline that
 * is cut mid-character: the writer was killed), its 1-based number and whether it is a
 * last line without a newline; `onBytes` sees every byte read (for a digest).
 */
export async function readLines(
  file: string,
  what: string,
  opts: ReadOptions & { maxLine: number; onLine: (line: string | undefined, n: number, unterminated: boolean) => void; onBytes?: (chunk: Buffer) => void },
): Promise<void> {
  const shown = opts.shown ?? file;
  const { fd } = await openChecked(file, what, opts);
  try {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let pending: Buffer[] = [];
    let pendingLen = 0;
    let lineNo = 0;
    let offset = 0;
    let lineStart = 0;
    const emit = (bytes: Buffer, unterminated = false) => {
      lineNo++;
      let text: string | undefined;
      try {
        text = decodeText(bytes, what, `${shown}:${lineNo}`, lineStart);
      } catch (err) {
        // A last line cut mid-character (the writer was killed) is torn, not malformed.
        if (!unterminated) throw err;
      }
      opts.onLine(text?.endsWith('\r') ? text.slice(0, -1) : text, lineNo, unterminated);
    };
    const tooLong = () =>
      new InputError('line-too-long', `${what} ${shown}:${lineNo + 1} is longer than ${opts.maxLine} bytes`, {
        fix: `one event a line, at most ${opts.maxLine} bytes each: record big values (files, arrays) by digest or path instead`,
        file: shown,
        line: lineNo + 1,
      });
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const data = chunk.subarray(0, n);
      opts.onBytes?.(data);
      let start = 0;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
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

/** Parse JSON with an error that names the file and the line of the mistake. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    // Never quote the file: V8's message may hold an excerpt (a credential, newlines).
    const { message: msg, line } = describeJsonError(err, text);
    throw new InputError('malformed-json', `${file}${line ? `:${line}` : ''} is not valid JSON (${msg})`, {
      fix: 'fix the JSON syntax',
      file,
      ...(line === undefined ? {} : { line }),
      cause: err,
    });
  }
}

export async function readJsonFile(file: string, what: string): Promise<unknown> {
  return parseJsonText(await readTextFile(file, what), file);
}

/**
 * Where an output directory may go: one given inside the workspace must stay inside
 * it after symlinks (a PR branch can commit `out -> ~/.ssh`); one given outside
 * (an absolute path, `runner.temp`) is the workflow author's choice. Returns the path
 * to write to (the real path of its existing part, so a link swapped in later is not followed).
 */
export async function outputDirInWorkspace(dir: string, workspace: string, what: string, fix = 'write outside the checkout or remove the symlink from the repository'): Promise<string> {
  const wsGiven = path.resolve(workspace);
  const abs = path.resolve(wsGiven, dir);
  if (!isInside(abs, wsGiven)) return abs;
  const ws = await realWorkspace(workspace);
  // The deepest part of the path that exists, resolved; the rest is created below it.
  let existing = abs;
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      if (!isInside(real, ws)) {
        throw new InputError('output-escapes-workspace', `${what} ${dir} leads through a symlink to ${real}, outside the workspace`, {
          fix,
          file: dir,
        });
      }
      return path.join(real, ...rest.reverse());
    }
    if (await lstat(existing).then(() => true, () => false)) {
      throw new InputError('broken-symlink', `${what} ${dir} leads through a broken symlink (${existing})`, { fix: 'remove the symlink', file: dir });
    }
    rest.push(path.basename(existing));
    const up = path.dirname(existing);
    if (up === existing) return abs;
    existing = up;
  }
}
