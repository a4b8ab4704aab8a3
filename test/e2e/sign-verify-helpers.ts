import { execFile } from 'node:child_process';
import { CLI, ROOT, cleanEnv, execAsync, type Ran } from '../helpers/run.js';

/**
 * Run the built CLI without blocking this process: the Sigstore stand-in serves
 * from the test process, so spawnSync would deadlock it.
 */
export function runCliAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  return execAsync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...cleanEnv(), ...opts.env } });
}

/** Run a program (openssl) and collect its output and exit code. */
export function exec(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
