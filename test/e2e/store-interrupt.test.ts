// Ctrl-C (SIGINT) or a cancelled job / `timeout` (SIGTERM) during `store ingest`, sent to
// dist/cli.js as a terminal or a runner does. What must hold, checked from outside the
// project: the process ends by the signal (shells show 130, 143, and bash stops the script
// it was in), one stderr line says how many runs were stored, and that count is what Python's
// sqlite3 (or the PostgreSQL server) finds; the file is whole (integrity_check), closed (no
// -wal left), every stored run has all its rows, and the same command again stores exactly
// the rest. A second signal ends the process at once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { CLI, cleanEnv } from '../helpers/run.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';
import { IDENTITY, signRuns, type SignedRun } from './store-helpers.js';

const RUNS = 20_000;
const METRICS = 12;
const LINE = /^interrupted: (\d+) new run\(s\) stored \(each complete\), the rest not; run the same command again to store the rest \(runs already stored are skipped\)$/m;
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

let work: string;
let runs: string;

/** `n` statements of METRICS metric rows each (a run is whole when all of them are stored). */
async function statements(dir: string, n: number, prefix: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const metrics = Array.from({ length: METRICS }, (_, e) => ({ name: 'loss', split: 'train', epoch: e, value: 1 / (e + 1) }));
  for (let i = 0; i < n; i++) await writeFile(path.join(dir, `run-${String(i).padStart(6, '0')}.intoto.json`), JSON.stringify(makeStatement({ run: `${prefix}-${i}`, metrics })));
}

/**
 * dist/cli.js running in the background. In `script`: a line of a bash script followed by
 * `echo next`, in a process group of its own, as a terminal's foreground job is.
 */
function start(args: string[], o: { script?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const env = { ...cleanEnv(), ...o.env };
  const child = o.script
    ? spawn('bash', ['-c', '"$@"; echo next >&2', 'bash', process.execPath, CLI, ...args], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, [CLI, ...args], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const python = (db: string, code: string) => spawnSync('python3', ['-c', `import sqlite3,sys\nc=sqlite3.connect(sys.argv[1], timeout=60)\n${code}`, db], { encoding: 'utf8' });

/** Resolves once Python's sqlite3 reads committed runs in the store (it connects anew each time, and is gone once it saw them). */
function committedRuns(db: string): Promise<void> {
  const poll = spawn('python3', ['-c', [
    'import sqlite3,sys,time,os',
    'db=sys.argv[1]; t=time.time()',
    'while time.time()-t < 120:',
    '  if os.path.exists(db):',
    '    try:',
    '      c=sqlite3.connect(db, timeout=60); n=c.execute("SELECT count(*) FROM runs").fetchone()[0]; c.close()',
    '      if n > 0: sys.exit(0)',
    '    except sqlite3.OperationalError as e:',
    '      if "no such table" not in str(e): raise',
    '  time.sleep(0.02)',
    'sys.exit(1)',
  ].join('\n'), db], { stdio: 'ignore' });
  return new Promise((resolve, reject) => poll.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('no run was committed')))));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-interrupt-'));
  runs = path.join(work, 'runs');
  await statements(runs, RUNS, 'int');
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('embedded store (SQLite)', () => {
  // Ctrl-C in a terminal: SIGINT to the foreground job's process group (the script's bash and the CLI). `timeout`: SIGTERM to the CLI.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} once runs are committed: ended by it, the line's count is the store's, each run whole, no WAL left; the same command again stores exactly the rest`, async () => {
      const db = path.join(work, `${signal}.db`);
      const script = signal === 'SIGINT';
      const cli = start(['store', 'ingest', runs, '--no-verify', '--store', db], { script });
      await committedRuns(db);
      if (script) process.kill(-cli.child.pid!, signal);
      else cli.child.kill(signal);
      const end = await cli.exited;
      const err = cli.stderr();
      // Ended by the signal (not an exit of its own): bash ended the script there too, as it does for a program Ctrl-C ended, and said so by ending by it.
      expect(end, err).toEqual({ code: null, signal });
      expect(err).not.toMatch(/^next$/m);
      const stored = Number(LINE.exec(err)?.[1]);
      expect(stored, err).toBeGreaterThan(0);
      expect(stored, 'the signal came before the last run was written').toBeLessThan(RUNS);
      expect(err.match(/^interrupted/gm)).toHaveLength(1);
      noStack(err);
      // Closed as usual: the last close checkpointed the WAL and removed it (looked at before any other connection opens the file).
      expect(existsSync(`${db}-wal`)).toBe(false);
      const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(*) FROM metrics").fetchone()[0], c.execute("SELECT count(*) FROM blobs").fetchone()[0])');
      expect(check.stdout.trim(), check.stderr).toBe(`ok ${stored} ${stored * METRICS} ${stored}`);

      const again = await runCliAsync(['store', 'ingest', runs, '--no-verify', '--store', db], { cwd: work });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(new RegExp(`^${RUNS - stored} new run\\(s\\), ${stored} already in `, 'm'));
      const all = python(db, 'print(c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(*) FROM metrics").fetchone()[0])');
      expect(all.stdout.trim()).toBe(`${RUNS} ${RUNS * METRICS}`);
    }, 240_000);
  }

  test('SIGINT while another process holds the write lock: the ingest stops waiting at once, stores nothing, and is ended by it while the lock is still held', async () => {
    const db = path.join(work, 'locked.db');
    const few = path.join(work, 'few');
    await statements(few, 10, 'locked');
    // The store exists; Python's sqlite3 then takes the write lock and holds it until its stdin closes.
    expect((await runCliAsync(['store', 'ingest', path.join(few, 'run-000000.intoto.json'), '--no-verify', '--store', db], { cwd: work })).code).toBe(0);
    const holder = spawn('python3', ['-c', "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\nsys.stdin.read()\nc.execute('ROLLBACK')", db], { stdio: ['pipe', 'pipe', 'inherit'] });
    let held = '';
    holder.stdout.setEncoding('utf8').on('data', (d: string) => (held += d));
    const released = new Promise<number | null>((resolve) => holder.on('exit', resolve));
    try {
      await until('the lock to be taken', () => held.includes('locked'));
      const cli = start(['store', 'ingest', few, '--no-verify', '--store', db]);
      // Ten statements read in milliseconds: after its store is open, the CLI is waiting for the lock (SQLite allows 60 s).
      const fds = () => spawnSync('ls', ['-l', `/proc/${cli.child.pid}/fd`], { encoding: 'utf8' }).stdout;
      await until('the CLI to open the store', () => fds().includes(db));
      await new Promise((r) => setTimeout(r, 1500));
      cli.child.kill('SIGINT');
      const end = await cli.exited;
      const err = cli.stderr();
      expect(end, err).toEqual({ code: null, signal: 'SIGINT' });
      expect(Number(LINE.exec(err)?.[1]), err).toBe(0);
      noStack(err);
      // The other process still holds its lock: the CLI did not wait for it.
      expect(holder.exitCode).toBe(null);
    } finally {
      holder.stdin.end();
      await released;
    }
    const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0])');
    expect(check.stdout.trim(), check.stderr).toBe('ok 1');
  }, 120_000);

  describe('signed bundles (local Sigstore stand-in)', () => {
    let sigstore: SigstoreStandin;
    let signed: SignedRun[];
    const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline', ...IDENTITY];
    beforeAll(async () => {
      sigstore = await startSigstoreStandin();
      signed = await signRuns(sigstore, path.join(work, 'signed'));
    }, 120_000);
    afterAll(async () => {
      await sigstore?.close();
    });

    test('SIGINT while the bundles are verified (before anything is written): ended by it, says nothing was stored, and nothing was', async () => {
      // 1,600 bundle files (400 copies of each): two parts, each verified on the threads for a while.
      const dir = path.join(work, 'copies');
      await mkdir(dir, { recursive: true });
      for (let k = 0; k < 400; k++) for (const r of signed) await copyFile(r.bundle, path.join(dir, `${r.name}-${k}.sigstore.json`));
      const db = path.join(work, 'verifying.db');
      const cli = start(['store', 'ingest', dir, '--store', db, ...trust()]);
      await until('verification to start', () => /^verifying \d+ bundles/m.test(cli.stderr()));
      cli.child.kill('SIGINT');
      const end = await cli.exited;
      const err = cli.stderr();
      expect(end, err).toEqual({ code: null, signal: 'SIGINT' });
      expect(err).toMatch(/^interrupted while checking the bundles, before any was written: nothing was stored; run the same command again to ingest them$/m);
      noStack(err);
      expect(existsSync(`${db}-wal`)).toBe(false);
      const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(*) FROM blobs").fetchone()[0])');
      expect(check.stdout.trim(), check.stderr).toBe('ok 0 0');
    }, 240_000);

    test('store sync --org, SIGINT once the first repository is stored: the line counts what is stored; repositories not finished are not marked read, so the same command reads exactly them', async () => {
      const { fakeGitHubToken, startGitHubStandin } = await import('../standins/github.js');
      const token = fakeGitHubToken();
      const gh = await startGitHubStandin({ token });
      try {
        // 150 repositories (two pages); the stand-in serves the same four releases (one run each) for every one.
        gh.owners.set('acme', Array.from({ length: 150 }, (_, i) => `acme/repo-${String(i).padStart(3, '0')}`));
        for (const [i, r] of signed.entries()) gh.addRelease({ tag: `v${i}`, assets: [{ name: 'provenance.sigstore.json', data: await readFile(r.bundle) }] });
        const db = path.join(work, 'sync.db');
        const args = ['store', 'sync', '--org', 'acme', '--store', db, ...trust()];
        const cli = start(args, { env: { GITHUB_TOKEN: token, GITHUB_API_URL: gh.apiUrl } });
        await committedRuns(db);
        cli.child.kill('SIGINT');
        const end = await cli.exited;
        const err = cli.stderr();
        expect(end, err).toEqual({ code: null, signal: 'SIGINT' });
        expect(Number(LINE.exec(err)?.[1]), err).toBe(signed.length);
        noStack(err);
        expect(existsSync(`${db}-wal`)).toBe(false);
        const check = python(db, 'print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0], c.execute("SELECT count(DISTINCT source) FROM sync_seen").fetchone()[0])');
        const [ok, stored, seen] = check.stdout.trim().split(' ');
        expect(ok, check.stderr).toBe('ok');
        expect(Number(stored)).toBe(signed.length);
        expect(Number(seen), 'the signal came after the last repository').toBeLessThan(150);

        // Again: the repositories read before download nothing; every other one is read and its runs found in.
        const downloads = gh.received('assets.download').length;
        const again = await runCliAsync(args, { cwd: work, env: { GITHUB_TOKEN: token, GITHUB_API_URL: gh.apiUrl } });
        expect(again.code, again.stderr).toBe(0);
        const rest = 150 - Number(seen);
        expect(again.stderr).toMatch(new RegExp(`^0 new run\\(s\\), ${rest * signed.length} already in `, 'm'));
        expect(gh.received('assets.download').length - downloads).toBe(rest * signed.length);
      } finally {
        await gh.close();
      }
    }, 240_000);
  });
});

describe('PostgreSQL', () => {
  let server: PgServer;
  let locker: pg.Client;
  let watcher: pg.Client;
  let lockerPid: number;
  let url: string;
  const dir = () => path.join(work, 'pg-runs');
  const count = async (table: string) => Number((await watcher.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  // Asked outside the locker's transaction, which would keep reading one snapshot of pg_stat_activity.
  const sessions = async (where: string) => Number((await watcher.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = 'store' AND pid <> pg_backend_pid() AND pid <> $1 AND ${where}`, [lockerPid])).rows[0].n);

  beforeAll(async () => {
    server = await startPostgres();
    const r = server.psql('CREATE DATABASE store');
    if (r.code !== 0) throw new Error(r.stderr);
    url = server.url('postgres', 'store');
    await statements(dir(), 50, 'pg');
    // One run first: the schema is created, and a run is there before the interrupted ingests.
    const seed = await runCliAsync(['store', 'ingest', path.join(dir(), 'run-000000.intoto.json'), '--no-verify', '--store', url], { cwd: work });
    if (seed.code !== 0) throw new Error(seed.stderr);
    locker = new pg.Client({ connectionString: url });
    watcher = new pg.Client({ connectionString: url });
    await locker.connect();
    await watcher.connect();
    lockerPid = Number((await locker.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  }, 180_000);

  afterAll(async () => {
    await locker?.end().catch(() => undefined);
    await watcher?.end().catch(() => undefined);
    await server?.stop();
  });

  /** Another session holds a lock that makes the ingest's first INSERT wait; resolves once the server shows it waiting. */
  async function ingestWaitingOnLock() {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE runs IN SHARE MODE');
    const cli = start(['store', 'ingest', dir(), '--no-verify', '--store', url]);
    await until('the ingest to wait for the lock', async () => (await sessions("wait_event_type = 'Lock'")) > 0);
    return cli;
  }

  test('SIGINT while a statement waits on the server: the run under way is finished and committed, no other begins; the line counts it', async () => {
    const cli = await ingestWaitingOnLock();
    cli.child.kill('SIGINT');
    // The event loop is idle (waiting for the server): the handler has long run when the lock goes.
    await new Promise((r) => setTimeout(r, 1000));
    await locker.query('ROLLBACK');
    const end = await cli.exited;
    const err = cli.stderr();
    expect(end, err).toEqual({ code: null, signal: 'SIGINT' });
    expect(Number(LINE.exec(err)?.[1]), err).toBe(1);
    noStack(err);
    // The seed and the one run, each with all its rows.
    expect(await count('runs')).toBe(2);
    expect(await count('metrics')).toBe(2 * METRICS);
    // Nothing of the process is left on the server.
    await until('the ingest connection to end', async () => (await sessions('true')) === 0, 10_000);
  }, 120_000);

  test('a second SIGINT ends the process at once, while the first still waits for the server; the server rolls back its transaction', async () => {
    const cli = await ingestWaitingOnLock();
    cli.child.kill('SIGINT');
    // The stop waits on the server: the command says so, and how to leave at once.
    await until('the notice that the stop waits', () => /^stopping: waiting for the run under way to be stored; press Ctrl-C again to stop at once/m.test(cli.stderr()));
    cli.child.kill('SIGINT');
    // Ended by the signal itself (the shell shows 130), with the lock still held: it did not wait for the server.
    const end = await cli.exited;
    const err = cli.stderr();
    expect(end, err).toEqual({ code: null, signal: 'SIGINT' });
    expect(err).not.toMatch(/interrupted|error/);
    expect(err.match(/^stopping:/gm)).toHaveLength(1);
    noStack(err);
    await locker.query('ROLLBACK');
    expect(await count('runs')).toBe(2);
    expect(await count('metrics')).toBe(2 * METRICS);

    const again = await runCliAsync(['store', 'ingest', dir(), '--no-verify', '--store', url], { cwd: work });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^48 new run\(s\), 2 already in /m);
    expect(await count('metrics')).toBe(50 * METRICS);
  }, 120_000);
});
