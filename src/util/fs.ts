import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
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

/** Read a text file; ENOENT and friends become input errors naming `what`. */
export async function readTextFile(file: string, what: string): Promise<string> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // Non-blocking open and a type check on the descriptor: a FIFO or device never hangs us.
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await fh.stat();
    if (!st.isFile() && !st.isDirectory()) {
      throw new InputError('not-a-regular-file', `${what} ${file} is not a regular file`, { fix: `point the ${what} at a regular file`, file });
    }
    return await fh.readFile('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError('file-not-found', `${what} not found: ${file}`, { fix: 'check the path', file, cause: err });
    }
    if (code === 'EISDIR') {
      throw new InputError('is-directory', `${what} is a directory, not a file: ${file}`, {
        fix: 'pass the path of a file',
        file,
        cause: err,
      });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError('file-not-readable', `${what} is not readable: ${file}`, {
        fix: 'fix the file permissions',
        file,
        cause: err,
      });
    }
    throw err;
  } finally {
    await fh?.close();
  }
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
