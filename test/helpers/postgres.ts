/**
 * A real PostgreSQL server for the store tests, from the machine's own binaries (PATH,
 * or Debian's /usr/lib/postgresql/<version>/bin). initdb + postgres in a temp dir on a
 * free 127.0.0.1 port, as an unprivileged user (the server refuses root: as root, the
 * `postgres` system user runs it). Absent binaries fail the test with the install hint:
 * never a silent skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgServer {
  port: number;
  /** The postmaster's process id (to stop it answering with SIGSTOP). */
  pid: number;
  /** A URL for a role (trust authentication on 127.0.0.1: no password). */
  url(user?: string, db?: string): string;
  /** Run SQL as the superuser with psql (the reference client), returning stdout. */
  psql(sql: string, o?: { user?: string; db?: string }): { code: number; stdout: string; stderr: string };
  stop(): Promise<void>;
}

export function findPgBin(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  // A symlink on PATH (/usr/local/bin/initdb) points at the directory holding psql and postgres too.
  if (onPath) return path.dirname(realpathSync(onPath));
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL server binaries (initdb, postgres) not found on PATH or in /usr/lib/postgresql/*/bin — install them: apt-get install postgresql');
  }
  return path.join(base, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgServer> {
  const bin = findPgBin();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-pg-'));
  // As root, initdb and postgres run as the `postgres` system user (spawned with its uid, no wrapper in between).
  let as: { uid: number; gid: number } | Record<string, never> = {};
  if (root) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no `postgres` user to run the server as — apt-get install postgresql creates it');
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
    as = { uid, gid };
  }
  const data = path.join(dir, 'data');
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { encoding: 'utf8', cwd: dir, ...as });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const proc: ChildProcess = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=100'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: dir,
    ...as,
  });
  let log = '';
  proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const psqlBin = path.join(bin, 'psql');
  const psql = (sql: string, o: { user?: string; db?: string } = {}) => {
    const r = spawnSync(psqlBin, ['-h', '127.0.0.1', '-p', String(port), '-U', o.user ?? 'postgres', '-d', o.db ?? 'postgres', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], { encoding: 'utf8' });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error) };
  };
  const deadline = Date.now() + 30_000;
  let last = '';
  for (;;) {
    const probe = psql('SELECT 1');
    if (probe.code === 0) break;
    last = probe.stderr;
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill('SIGINT');
      throw new Error(`postgres did not start: ${log}\npsql: ${last}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    pid: proc.pid!,
    url: (user = 'postgres', db = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${db}`,
    psql,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
