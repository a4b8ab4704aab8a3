import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import path from 'node:path';
import { mayAccess } from '../util/fs.js';

/**
 * Running a machine's own tools (nvidia-smi, pip) to learn facts about it. Every probe is
 * bounded in time and output and never throws: a capture that cannot run says nothing,
 * it never fails the build.
 */

/** The executable named `cmd` on PATH, or undefined, without spawning anything. */
export function onPath(cmd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (cmd.includes('/')) return isExecutable(cmd) ? cmd : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

const isExecutable = (p: string) => mayAccess(p, constants.X_OK);

export interface ProbeResult {
  ok: boolean;
  stdout: string;
  /** Why it did not work, for the log (never shown as an error). */
  reason?: string;
}

/** Run `file args` with a deadline and an output cap; resolves, never rejects. */
export function probe(file: string, args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: opts.timeoutMs ?? 5_000, maxBuffer: 8 * 1024 * 1024, encoding: 'utf8', env: opts.env ?? process.env, cwd: opts.cwd, killSignal: 'SIGKILL' },
      (err, stdout) => {
        if (err) {
          const e = err as NodeJS.ErrnoException & { killed?: boolean };
          resolve({ ok: false, stdout: '', reason: e.killed ? `timed out after ${opts.timeoutMs ?? 5_000} ms` : e.code === 'ENOENT' ? 'not found' : 'failed' });
        } else resolve({ ok: true, stdout });
      },
    );
  });
}
