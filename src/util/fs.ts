import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { describeJsonError } from './json.js';
import path from 'node:path';
import { InputError } from '../errors.js';

/**
 * Write through a temporary file in the same directory and rename it into place,
 * so a crash or a failed check never leaves a half-written output behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, mode === undefined ? undefined : { mode });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Read a file without ever blocking on it or exhausting memory: opened non-blocking so
 * a FIFO cannot hang us, checked on the open descriptor to be a regular file (no
 * FIFOs, devices, sockets), optionally refused above `maxBytes`. Every failure is an
 * InputError naming the file as `shown` (default: the path given).
 *
 * Synchronous underneath: the files read this way are small documents, and `lineage`
 * reads thousands of them, where four thread-pool round trips per file (open, stat,
 * read, close) cost more than the reads (10,000 bundles: 1.3 s async, see
 * docs/BENCHMARKS.md).
 */
export async function readFileChecked(file: string, what: string, opts: { shown?: string; maxBytes?: number } = {}): Promise<Buffer> {
  const shown = opts.shown ?? file;
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('file-not-found', `${what} not found: ${shown}`, { fix: 'check the path', file: shown, cause: err });
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('file-not-readable', `${what} ${shown} is not readable`, { fix: 'fix the file permissions', file: shown, cause: err });
    if (code === 'EISDIR') throw new InputError('is-directory', `${what} ${shown} is a directory, not a file`, { fix: 'pass the path of a file', file: shown, cause: err });
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError('is-directory', `${what} ${shown} is a directory, not a file`, { fix: 'pass the path of a file', file: shown });
    if (!st.isFile()) {
      const kind = st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
      throw new InputError('not-a-regular-file', `${what} ${shown} is ${kind}, not a regular file`, { fix: `point the ${what} at a regular file`, file: shown });
    }
    if (opts.maxBytes !== undefined && st.size > opts.maxBytes) {
      throw new InputError('file-too-large', `${what} ${shown} is ${st.size} bytes, more than the ${opts.maxBytes} accepted`, {
        fix: `a ${what} is a small text file: check that the path is right`,
        file: shown,
      });
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Read a UTF-8 text file; see readFileChecked. */
export async function readTextFile(file: string, what: string): Promise<string> {
  return (await readFileChecked(file, what)).toString('utf8');
}

/** Parse JSON with an error that names the file and the line of the mistake. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
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
