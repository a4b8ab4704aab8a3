// A bulk `store ingest` into SQLite commits without waiting for checkpoints: a second
// connection on its own thread copies the WAL into the database file behind the writer
// (src/store/sqlite.ts). What must hold, checked from outside the project: the thread is
// started for a bulk ingest only (counted with Node's own `process.on('worker')` in a
// preload), a reader in another process (Python's sqlite3) reads consistent, growing
// counts throughout, and after the process exits the file is whole (integrity_check),
// holds every run, and no WAL is left behind (the last close checkpointed the rest).
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { debianProgram } from '../helpers/debian.js';
import { CLI, ROOT, cleanEnv, execAsync } from '../helpers/run.js';
import { workerCounter } from './store-helpers.js';

let work: string;
let workers: Awaited<ReturnType<typeof workerCounter>>;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-bulk-checkpoint-'));
  workers = await workerCounter(work);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function statements(dir: string, n: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  // 12 metric rows a run: 1,500 runs change well over the 10,000 rows that make a transaction a bulk one.
  const metrics = Array.from({ length: 12 }, (_, e) => ({ name: 'loss', split: 'train', epoch: e, value: 1 / (e + 1) }));
  for (let i = 0; i < n; i++) await writeFile(path.join(dir, `run-${i}.intoto.json`), JSON.stringify(makeStatement({ run: `${dir}-${i}`, metrics })));
}

const python = (db: string, code: string) => spawnSync('python3', ['-c', `import sqlite3,sys\nc=sqlite3.connect(sys.argv[1], timeout=60)\n${code}`, db], { encoding: 'utf8' });

/** A Python script (lines) running beside the test: its exit code, and what it printed so far. */
function background(lines: string[], ...args: string[]): { done: Promise<number>; out(): string } {
  const child = spawn('python3', ['-c', lines.join('\n'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return { done: new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1))), out: () => out };
}

async function ingest(dir: string, db: string) {
  await workers.reset();
  const r = await execAsync(process.execPath, [...workers.args, CLI, 'store', 'ingest', dir, '--no-verify', '--store', db], { cwd: ROOT, env: cleanEnv() });
  return { ...r, threads: await workers.started() };
}

test('a bulk ingest checkpoints on its own thread; a reader sees growing, consistent counts; the file is whole after', async () => {
  const dir = path.join(work, 'bulk');
  await statements(dir, 1500);
  const db = path.join(work, 'bulk.db');
  // A reader polling the store while it is written (the file appears with the first open).
  const reader = background([
    'import sqlite3,sys,time,os',
    'db=sys.argv[1]; seen=[]; t=time.time()',
    'while time.time()-t < 120:',
    '  if os.path.exists(db):',
    '    try:',
    '      c=sqlite3.connect(db, timeout=60)',
    // One statement, one snapshot: two would let a commit land between the counts (Python's sqlite3 opens no transaction for a SELECT).
    '      n, m = c.execute("SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM metrics m JOIN runs r ON r.run_no = m.run_no)").fetchone()',
    '      c.close()',
    '      seen.append((n, m))',
    '      if n == 1500: break',
    '    except sqlite3.OperationalError as e:',
    '      if "no such table" not in str(e): print("ERR", e); sys.exit(3)',
    '  time.sleep(0.05)',
    'print(seen[-1][0], all(b[0] >= a[0] for a, b in zip(seen, seen[1:])), all(m == 12 * n for n, m in seen))',
  ], db);

  const r = await ingest(dir, db);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/^1500 new run\(s\), 0 already in /m);
  expect(r.threads).toBe(1);
  expect(await reader.done).toBe(0);
  // The last count it read is every run; counts never went down; every run it saw had all its metric rows.
  expect(reader.out().trim()).toBe('1500 True True');

  expect(existsSync(`${db}-wal`)).toBe(false);
  const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(*) FROM metrics").fetchone()[0])');
  expect(check.stdout.trim(), check.stderr).toBe(`ok 1500 ${1500 * 12}`);

  // Ingesting it again changes nothing (no new run, no thread: nothing bulk was written).
  const again = await ingest(dir, db);
  expect(again.code, again.stderr).toBe(0);
  expect(again.stderr).toMatch(/^0 new run\(s\), 1500 already in /m);
  expect(again.threads).toBe(0);
}, 240_000);

test('a small ingest (one transaction under 10,000 rows) checkpoints as SQLite does by default: no thread', async () => {
  const dir = path.join(work, 'small');
  await statements(dir, 20);
  const db = path.join(work, 'small.db');
  const r = await ingest(dir, db);
  expect(r.code, r.stderr).toBe(0);
  expect(r.threads).toBe(0);
  const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0])');
  expect(check.stdout.trim()).toBe('ok 20');
}, 120_000);

test('a bulk ingest of several transactions rewinds the WAL instead of growing it with everything written', async () => {
  // ~200 KB statements: the 64 MiB of documents a transaction holds at most makes ~330 of them a
  // transaction, so 1,700 are five or more; 100 metric rows a run make each far more than the
  // 10,000 rows that start the thread. (Before: the WAL grew to hold every page written, ~370 MB here.)
  const dir = path.join(work, 'fat');
  await mkdir(dir, { recursive: true });
  const pad = 'x'.repeat(100_000);
  const metrics = Array.from({ length: 100 }, (_, e) => ({ name: 'loss', split: 'train', epoch: e, value: 1 / (e + 1) }));
  let total = 0;
  for (let i = 0; i < 1700; i++) {
    const bytes = JSON.stringify(makeStatement({ run: `fat-${i}`, config: { pad: `${i}${pad}` }, metrics }));
    total += bytes.length;
    await writeFile(path.join(dir, `run-${i}.intoto.json`), bytes);
  }
  const db = path.join(work, 'fat.db');
  const stop = path.join(work, 'fat.stop');
  // The WAL's header, read raw (no SQLite connection: nothing that would keep the WAL from being
  // rewound): its checkpoint sequence number (offset 12) goes up each time SQLite starts it over.
  const watcher = background([
    'import os,sys,struct,time',
    'wal=sys.argv[1]+"-wal"; seqs=set(); most=0; t=time.time()',
    'while not os.path.exists(sys.argv[2]) and time.time()-t < 280:',
    '  try:',
    '    with open(wal,"rb") as f: h=f.read(16)',
    '    if len(h) == 16: seqs.add(struct.unpack(">I", h[12:16])[0])',
    '    most=max(most, os.path.getsize(wal))',
    '  except FileNotFoundError: pass',
    '  time.sleep(0.02)',
    'print(len(seqs), most)',
  ], db, stop);

  const r = await ingest(dir, db);
  await writeFile(stop, '');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/^1700 new run\(s\), 0 already in /m);
  expect(r.threads).toBe(1);
  expect(await watcher.done).toBe(0);
  const watched = watcher.out();
  const [rewinds, most] = watched.trim().split(' ').map(Number);
  // Started over at least once (before: one WAL holding every page the ingest wrote, as large as the documents).
  expect(rewinds, watched).toBeGreaterThanOrEqual(2);
  expect(most, watched).toBeLessThan(total);
  expect(existsSync(`${db}-wal`)).toBe(false);
  const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(*) FROM blobs").fetchone()[0])');
  expect(check.stdout.trim(), check.stderr).toBe('ok 1700 1700');
}, 300_000);

test('a checkpoint that cannot write the store file (strace fails every write to it with EIO): the ingest stores the runs, says the WAL was not copied and that nothing is lost, exit 0', async () => {
  const dir = path.join(work, 'eio');
  await statements(dir, 5);
  const db = path.join(work, 'eio.db');
  const first = await execAsync(process.execPath, [CLI, 'store', 'ingest', path.join(dir, 'run-0.intoto.json'), '--no-verify', '--store', db], { cwd: ROOT, env: cleanEnv() });
  expect(first.code, first.stderr).toBe(0);
  // The store exists in WAL mode: the ingest's commits write only the WAL; the checkpoints write the store file.
  const strace = debianProgram('strace', 'strace', 'to fail the writes to the store file');
  const r = await execAsync(strace, ['-f', '-o', '/dev/null', '-P', db, '-e', 'trace=pwrite64', '-e', 'inject=pwrite64:error=EIO', process.execPath, CLI, 'store', 'ingest', dir, '--no-verify', '--store', db], { cwd: ROOT, env: cleanEnv() });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/^4 new run\(s\), 1 already in /m);
  expect(r.stderr).toMatch(/^warning: .*eio\.db: the runs are stored, but SQLite could not copy its write-ahead log into the store file \(disk I\/O error\): nothing is lost \(they are in eio\.db-wal, which the next open copies in\)/m);
  expect(existsSync(`${db}-wal`)).toBe(true);
  // The next open (Python's sqlite3) reads them from the WAL, and its close copies them in.
  const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0])\nc.close()');
  expect(check.stdout.trim(), check.stderr).toBe('ok 5');
  expect(existsSync(`${db}-wal`)).toBe(false);
});
