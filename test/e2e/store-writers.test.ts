// Several bulk `store ingest` processes into one SQLite store at once. Each writer's own
// checkpoints (PASSIVE) copy the WAL only up to the last commit while the others keep
// appending, and SQLite starts the WAL over only when a transaction begins with all of it
// copied: before the fix it never was, and the WAL grew with everything the writers wrote
// (1.0 GB for three writers of 30,000 runs). Now a transaction that finds the WAL past
// 256 MiB empties it first (a TRUNCATE checkpoint, src/store/sqlite.ts). Checked from outside
// the project: the WAL's size sampled from Python while the writers run (a stat, no SQLite
// connection that could hold it), then Python's sqlite3 checks `PRAGMA integrity_check` and
// counts every run and row of every writer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { debianProgram } from '../helpers/debian.js';
import { CLI, ROOT, cleanEnv, execAsync } from '../helpers/run.js';

const MiB = 2 ** 20;
/** src/store/sqlite.ts WAL_HARD_LIMIT, and what one transaction writes at most (64 MiB of documents, their rows and index pages). */
const BOUND = 256 * MiB + 96 * MiB;
const WRITERS = 3;
const RUNS = 700;
const METRICS = 20;

let work: string;
const dirs: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-writers-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Python beside the test: its exit code, and what it printed. */
function background(lines: string[], ...args: string[]): { done: Promise<number>; out(): string } {
  const child = spawn('python3', ['-c', lines.join('\n'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  return { done: new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1))), out: () => out };
}

test(`${WRITERS} concurrent bulk ingests into one store: the WAL stays under 352 MiB throughout, and the store holds every run whole`, async () => {
  // ~300 KB statements: 700 from each writer total ~630 MB of documents, well past the bound
  // (before the fix the WAL held most of what was written).
  const pad = 'x'.repeat(300_000);
  const metrics = Array.from({ length: METRICS }, (_, e) => ({ name: 'loss', split: 'train', epoch: e, value: 1 / (e + 1) }));
  let total = 0;
  for (let w = 0; w < WRITERS; w++) {
    const dir = path.join(work, `w${w}`);
    await mkdir(dir);
    for (let i = 0; i < RUNS; i++) {
      const bytes = JSON.stringify(makeStatement({ run: `w${w}-${i}`, config: { pad: `${w}-${i}${pad}` }, metrics }));
      total += bytes.length;
      await writeFile(path.join(dir, `run-${i}.intoto.json`), bytes);
    }
    dirs.push(dir);
  }
  const db = path.join(work, 'store.db');
  const stop = path.join(work, 'stop');
  const watcher = background(
    [
      'import os,sys,time',
      'wal=sys.argv[1]+"-wal"; most=0; n=0; t=time.time()',
      'while not os.path.exists(sys.argv[2]) and time.time()-t < 580:',
      '  try: most=max(most, os.path.getsize(wal)); n+=1',
      '  except FileNotFoundError: pass',
      '  time.sleep(0.01)',
      'print(most, n)',
    ],
    db,
    stop,
  );
  const ingests = await Promise.all(dirs.map((dir) => execAsync(process.execPath, [CLI, 'store', 'ingest', dir, '--no-verify', '--store', db], { cwd: ROOT, env: cleanEnv() })));
  await writeFile(stop, '');
  for (const r of ingests) {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${RUNS} new run\\(s\\), 0 already in `, 'm'));
  }
  expect(await watcher.done).toBe(0);
  const [most, samples] = watcher.out().trim().split(' ').map(Number);
  expect(samples, watcher.out()).toBeGreaterThan(100);
  // Well past the bound was written through the WAL; it never held more than the bound.
  expect(total).toBeGreaterThan(1.5 * BOUND);
  expect(most, watcher.out()).toBeLessThan(BOUND);
  // The last writer to close folded the rest in and removed the WAL.
  expect(existsSync(`${db}-wal`)).toBe(false);
  const check = spawnSync(
    'python3',
    [
      '-c',
      [
        'import sqlite3,sys',
        'c=sqlite3.connect(sys.argv[1])',
        'print(c.execute("PRAGMA integrity_check").fetchone()[0])',
        'print(c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(*) FROM blobs").fetchone()[0], c.execute("SELECT count(*) FROM metrics").fetchone()[0])',
        // Every run has all its metric rows: none is half there.
        `print(c.execute("SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM metrics m WHERE m.run_no = r.run_no) <> ${METRICS}").fetchone()[0])`,
      ].join('\n'),
      db,
    ],
    { encoding: 'utf8' },
  );
  const n = WRITERS * RUNS;
  expect(check.stdout.trim().split('\n'), check.stderr).toEqual(['ok', `${n} ${n} ${n * METRICS}`, '0']);
}, 600_000);

test('a WAL past the bound whose checkpoint cannot write the store file (strace fails every write to it with EIO): the ingest goes on and stores every run, says the WAL was not copied, exit 0', async () => {
  // The first writer's 700 statements (above): ~210 MB of documents, a WAL well past 256 MiB. Before, the
  // TRUNCATE's "disk I/O error" ended the ingest (exit 1) after 448 of them; the commits only need the WAL.
  const dir = dirs[0]!;
  expect(dir).toBeDefined();
  const db = path.join(work, 'eio.db');
  const env = cleanEnv();
  const first = await execAsync(process.execPath, [CLI, 'store', 'ingest', path.join(dir, 'run-0.intoto.json'), '--no-verify', '--store', db], { cwd: ROOT, env });
  expect(first.code, first.stderr).toBe(0);
  const strace = debianProgram('strace', 'strace', 'to fail the writes to the store file');
  const r = await execAsync(strace, ['--seccomp-bpf', '-f', '-o', '/dev/null', '-P', db, '-e', 'trace=pwrite64', '-e', 'inject=pwrite64:error=EIO', process.execPath, CLI, 'store', 'ingest', dir, '--no-verify', '--store', db], { cwd: ROOT, env });
  expect(r.code, r.stderr.split('\n').filter((l) => !l.startsWith('stored ')).join('\n')).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`^${RUNS - 1} new run\\(s\\), 1 already in `, 'm'));
  expect(r.stderr).toMatch(/^warning: .*eio\.db: the runs are stored, but SQLite could not copy its write-ahead log into the store file \(disk I\/O error\)/m);
  // Every run is in the WAL, past the bound: the TRUNCATE was tried, and failing it did not stop the ingest.
  expect(statSync(`${db}-wal`).size).toBeGreaterThan(256 * MiB);
  const check = spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nprint(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0])', db], { encoding: 'utf8' });
  expect(check.stdout.trim(), check.stderr).toBe(`ok ${RUNS}`);
}, 600_000);
