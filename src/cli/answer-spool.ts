/**
 * A large answer, written as it is read: pages of answers go to a private temporary file, in
 * exactly the bytes one `JSON.stringify({ answers }, null, 2)` (or the table, one block per answer)
 * would print, and the file is copied to stdout once the whole answer has been read. Memory then
 * holds one page, not every answer and a string of all of them (13,000 answers took 750 MB).
 * Not straight to stdout: a store read without a lock is read again from the start when a writer
 * changed it meanwhile (withStore), and a question that fails part-way (a server that goes away)
 * must not leave half an answer on stdout.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceError } from '../errors.js';
import { termText } from '../render/terminal.js';

export class AnswerSpool<T> {
  #file: FileHandle | undefined;
  #count = 0;
  #last = '';

  private constructor(
    private readonly dir: string,
    private readonly format: 'json' | 'table',
    /** The table's text of some answers: blocks joined by newlines, as for all of them at once. */
    private readonly text: (answers: T[]) => string,
  ) {}

  /** A spool in a new folder only this user can read (the answers may come from repositories others were not granted). */
  static async create<T>(format: 'json' | 'table', text: (answers: T[]) => string): Promise<AnswerSpool<T>> {
    const spool = new AnswerSpool<T>(await mkdtemp(path.join(tmpdir(), 'mlp-answer-')).catch(spoolError), format, text);
    await spool.reset().catch(spoolError);
    return spool;
  }

  get count(): number {
    return this.#count;
  }

  /** Start over (a store read again after a writer changed it). */
  async reset(): Promise<void> {
    await this.#file?.close();
    this.#file = await open(path.join(this.dir, 'answer'), 'w', 0o600);
    this.#count = 0;
    this.#last = '';
  }

  async add(answers: T[]): Promise<void> {
    if (answers.length === 0) return;
    let chunk: string;
    if (this.format === 'json') {
      // The page as an array (`[\n  {…},\n  {…}\n]`), its elements then moved two levels into
      // `{ "answers": [ … ] }`: two more spaces on every line (JSON strings hold no raw newline).
      const page = JSON.stringify(answers, null, 2);
      chunk = '  ' + page.slice(2, -2).replaceAll('\n', '\n  ');
      chunk = (this.#count === 0 ? '{\n  "answers": [\n' : ',\n') + chunk;
    } else {
      chunk = (this.#count === 0 ? '' : '\n') + this.text(answers);
    }
    this.#count += answers.length;
    await this.#write(termText(chunk));
  }

  /** Copy the whole answer to `out` (up to where `signal` is aborted) (as processIo.out prints one text: ending with a newline; an empty table prints nothing). */
  async copyTo(out: NodeJS.WritableStream, signal?: AbortSignal): Promise<void> {
    if (this.format === 'json') await this.#write(this.#count === 0 ? '{\n  "answers": []\n}\n' : '\n  ]\n}\n');
    else if (this.#count > 0 && this.#last !== '\n') await this.#write('\n');
    await this.#file?.close();
    this.#file = undefined;
    // A reader that stops reading (`| head`) closes the pipe: the rest of the answer is not wanted,
    // and the command ends as it would have, without an error of its own (the write's EPIPE comes
    // as an 'error' event, also after the last write).
    let failed: NodeJS.ErrnoException | undefined;
    out.on('error', (err: NodeJS.ErrnoException) => (failed ??= err));
    for await (const chunk of createReadStream(path.join(this.dir, 'answer'))) {
      if (failed || signal?.aborted) break;
      if (!out.write(chunk as Buffer)) await drainedOrFailed(out, signal);
    }
    if (failed && failed.code !== 'EPIPE') throw failed;
  }

  async close(): Promise<void> {
    await this.#file?.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  async #write(text: string): Promise<void> {
    if (text === '') return;
    if (!this.#file) throw new Error('answer spool used after it was copied');
    await this.#file.write(text).catch(spoolError);
    this.#last = text.at(-1)!;
  }
}

/**
 * Until `out` takes more, or fails (the failure itself is seen by the caller's 'error' listener),
 * or `signal` is aborted: a pager that stopped reading (`| less` left on a page) must not hold a
 * Ctrl-C up.
 */
function drainedOrFailed(out: NodeJS.WritableStream, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('error', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return resolve();
    out.on('drain', done);
    out.on('error', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The temporary folder unwritable or full: say where, and how to choose another. */
function spoolError(err: NodeJS.ErrnoException): never {
  throw new ServiceError('answer-spool', `cannot write the answer to a temporary file in ${tmpdir()}: ${err.code ?? err.message}`, {
    fix: 'free space there, or point TMPDIR at a writable folder with room for the answer (about its printed size)',
    cause: err,
  });
}
