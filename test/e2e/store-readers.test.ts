// An embedded store read by someone who cannot write it (a teammate's store shared read-only, a
// folder they cannot write, a read-only mount), through dist/cli.js as that user: as root the
// CLI runs as uid 65534 (nobody); otherwise as this user with the file and its folder made
// read-only, the same state for SQLite. SQLite in WAL mode creates -wal/-shm files beside a
// store it opens, owned by the opener: a reader used to leave files its owner's next ingest could
// not write, and could not read at all in a folder it cannot write. The writer beside the reader
// is Python's sqlite3; strace (Debian's) shows which files the reader opened and pauses one of its
// reads so a write lands in the middle.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { debianProgram } from '../helpers/debian.js';
import { CLI, cleanEnv, type Ran } from '../helpers/run.js';
import { runCliAsync } from './sign-verify-helpers.js';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
let work: string;

/** A store of two runs (metric accuracy), made by this user in a folder of its own. */
async function makeStore(name: string): Promise<{ dir: string; store: string }> {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const run of ['one', 'two']) {
    const s = makeStatement({ run: `${name}-${run}`, datasets: [dataset('raw', '1')], steps: [], metrics: [{ name: 'accuracy', value: 0.5, epoch: 1, split: 'test' }] });
    s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: 'https://github.com/acme/train', path: '.github/workflows/train.yml' };
    const file = path.join(work, 'st', `${name}-${run}.intoto.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(s));
    const r = await runCliAsync(['store', 'ingest', file, '--no-verify', '--store', path.join(dir, 'store.db')], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
  }
  return { dir, store: path.join(dir, 'store.db') };
}

/** Make the store readable but not writable for the reader (root: others may read; otherwise: read-only for everyone). */
function shareReadOnly(dir: string, store: string, folder: 'locked' | 'open' = 'locked'): void {
  chmodSync(store, asRoot ? 0o644 : 0o444);
  chmodSync(dir, folder === 'open' ? 0o777 : asRoot ? 0o755 : 0o555);
}

/** Run a program as the reader, collecting its output. */
function spawnReader(cmd: string, args: string[], asNobody = asRoot, gid = NOBODY): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: work, env: { ...cleanEnv(), HOME: path.join(work, 'home') }, stdio: ['ignore', 'pipe', 'pipe'], ...(asNobody ? { uid: NOBODY, gid } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
const reader = (...args: string[]) => spawnReader(process.execPath, [CLI, ...args]);

/** A Python sqlite3 connection that writes one metric row and keeps the store open until stdin closes. */
function pythonWriter(store: string, metric: string): { ready: Promise<void>; pid: number; close(): Promise<number> } {
  const child = spawn('python3', ['-c', [
    'import sqlite3,sys',
    'c=sqlite3.connect(sys.argv[1], isolation_level=None)',
    // The row stays in the WAL: nothing copies it into the store file while this connection is open.
    "c.execute('PRAGMA wal_autocheckpoint=0')",
    "c.execute(\"INSERT INTO metrics VALUES (1, 99, ?, 1.5, NULL, NULL, NULL, 1)\", (sys.argv[2],))",
    "print('ready', flush=True)",
    'sys.stdin.read()',
    'c.close()',
  ].join('\n'), store, metric], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => d.includes('ready') && resolve());
    child.on('close', (code) => reject(new Error(`python writer exited ${code}`)));
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { ready, pid: child.pid!, close: () => (child.stdin.end(), exited) };
}

const besideStore = (dir: string) => readdirSync(dir).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once a process other than `except` has `file` open as SQLite opens it (O_NOFOLLOW): the reader's SQLite, not its first look. */
async function openedBySqlite(file: string, except: number[]): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await sleep(5)) {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d) && !except.includes(Number(d)) && Number(d) !== process.pid)) {
      try {
        for (const fd of readdirSync(`/proc/${pid}/fd`)) {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== file) continue;
          const flags = Number.parseInt(/flags:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'))![1]!, 8);
          if (flags & 0o400000) return;
        }
      } catch {
        // The process ended meanwhile.
      }
    }
  }
  throw new Error(`nothing opened ${file} within 60 s`);
}
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-readers-'));
  chmodSync(work, 0o755);
  mkdirSync(path.join(work, 'home'), { mode: 0o777 });
  chmodSync(path.join(work, 'home'), 0o777);
});
afterAll(async () => {
  if (!work) return;
  // Read-only folders (not root) cannot be emptied as they are.
  for (const d of readdirSync(work)) chmodSync(path.join(work, d), 0o755);
  await rm(work, { recursive: true, force: true });
});

describe('a reader who cannot write the store', () => {
  test('in a folder it cannot write: questions, audit and export answer, and nothing is written beside the store', async () => {
    const { dir, store } = await makeStore('locked');
    shareReadOnly(dir, store);
    const q = await reader('lineage', '--store', store, '--metric', 'accuracy');
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout.match(/^accuracy\[test\]@1=0\.5 /gm)).toHaveLength(2);
    const runs = await reader('lineage', '--store', store, '--runs', 'acme/train', '--format', 'json');
    expect(runs.code, runs.stderr).toBe(0);
    const answers = (JSON.parse(runs.stdout) as { answers: { run: { runId: string } }[] }).answers;
    expect(answers).toHaveLength(2);
    const audit = await reader('store', 'audit', '--store', store, '--repo', 'acme/train', '--offline');
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/2 run\(s\) audited: 0 verified again, 2 stored without verification, 0 problem\(s\)/);
    const exp = await reader('export', '--store', store, answers[0]!.run.runId, '--format', 'openlineage', '--no-verify');
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stdout).toContain('"eventType"');
    expect(besideStore(dir)).toEqual(['store.db']);
  });

  test.skipIf(!asRoot)('(as root: a second user) in a folder it can write: it leaves no -wal/-shm of its own, and the owner ingests afterwards', async () => {
    const { dir, store } = await makeStore('open');
    shareReadOnly(dir, store, 'open');
    const q = await reader('lineage', '--store', store, '--metric', 'accuracy');
    expect(q.code, q.stderr).toBe(0);
    expect(besideStore(dir)).toEqual(['store.db']);
    const s = makeStatement({ run: 'open-three', datasets: [dataset('raw', '1')], steps: [], metrics: [] });
    const file = path.join(work, 'st', 'open-three.intoto.json');
    writeFileSync(file, JSON.stringify(s));
    const ing = await runCliAsync(['store', 'ingest', file, '--no-verify', '--store', store], { cwd: work });
    expect(ing.code, ing.stderr).toBe(0);
    expect(ing.stderr).toMatch(/1 new run\(s\)/);
  });

  test('while a writer has the store open, it reads through the writer\'s files, the rows still in the WAL included, and makes none', async () => {
    const { dir, store } = await makeStore('shared');
    shareReadOnly(dir, store);
    const writer = pythonWriter(store, 'in_wal');
    await writer.ready;
    const owners = () => Object.fromEntries(besideStore(dir).map((f) => [f, statSync(path.join(dir, f)).uid]));
    const before = owners();
    expect(Object.keys(before)).toEqual(['store.db', 'store.db-shm', 'store.db-wal']);
    const q = await reader('lineage', '--store', store, '--metric', 'in_wal');
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout).toMatch(/^in_wal=1\.5 /m);
    expect(owners()).toEqual(before);
    expect(await writer.close()).toBe(0);
    // The writer was the last connection: it folded the log in and removed the files.
    expect(besideStore(dir)).toEqual(['store.db']);
  });

  test('a log left without its -shm file: a clear error naming the files and who can fix it, no file made', async () => {
    const { dir, store } = await makeStore('orphan-wal');
    // A writer killed after a commit leaves -wal and -shm; the -shm then removed.
    const py = spawnSync('python3', ['-c', "import sqlite3,sys,os\nc=sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('PRAGMA wal_autocheckpoint=0')\nc.execute(\"INSERT INTO metrics VALUES (1, 98, 'left', 2.5, NULL, NULL, NULL, 1)\")\nos._exit(0)", store], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    chmodSync(`${store}-wal`, 0o644);
    spawnSync('rm', [`${store}-shm`]);
    shareReadOnly(dir, store);
    const q = await reader('lineage', '--store', store, '--metric', 'left');
    expect(q.code).toBe(1);
    expect(q.stderr.trim()).toMatch(/^error: .*store\.db has a write-ahead log \(store\.db-wal\) but no -shm file beside it, and you cannot write the store to recover it — ask the store's owner to open it once/);
    noStack(q.stderr);
    expect(besideStore(dir)).toEqual(['store.db', 'store.db-wal']);
    // The owner's question folds the log in; then the reader reads it, the row from the log included.
    chmodSync(dir, 0o755);
    chmodSync(store, 0o644);
    expect((await runCliAsync(['lineage', '--store', store, '--metric', 'left'], { cwd: work })).code).toBe(0);
    expect(besideStore(dir)).toEqual(['store.db']);
    shareReadOnly(dir, store);
    const again = await reader('lineage', '--store', store, '--metric', 'left');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^left=2\.5 /m);
  });

  test('a store file it may not read: says so and how to share it', async () => {
    const { dir, store } = await makeStore('private');
    // As made: owner-only (root: nobody may not read it; otherwise: not even the owner, for the test).
    if (!asRoot) chmodSync(store, 0o200);
    expect(statSync(store).mode & 0o077).toBe(0);
    const q = await reader('lineage', '--store', store, '--metric', 'accuracy');
    expect(q.code).toBe(2);
    expect(q.stderr.trim()).toMatch(/^error: .*store\.db: permission denied \(the store file is not readable for you\) — a store file is created owner-only: ask its owner to let you read it \(e\.g\. `chmod g\+r`/);
    noStack(q.stderr);
    chmodSync(store, 0o600);
    expect(besideStore(dir)).toEqual(['store.db']);
  });

  test('a store in a folder it may not enter: says so and how to share it (not a bare EACCES)', async () => {
    const { dir, store } = await makeStore('closed-folder');
    chmodSync(store, 0o644);
    // As root: nobody may not enter the owner's folder; otherwise: not even this user.
    chmodSync(dir, asRoot ? 0o700 : 0o000);
    const q = await reader('lineage', '--store', store, '--metric', 'accuracy');
    chmodSync(dir, 0o755);
    expect(q.code).toBe(2);
    expect(q.stderr.trim()).toMatch(/^error: .*closed-folder\/store\.db: permission denied \(a folder on its path is not open to you\) — ask the store's owner to let you in: the folder holding the store needs search permission for you/);
    noStack(q.stderr);
  });
});

/** The reader under strace: which times it opened the store, with its `when`th read of the store held for `pause` µs (the CLI's look at its header is the 1st, SQLite's the 2nd). */
async function tracedReader(store: string, args: string[], pause: number, when = 4): Promise<Ran & { opens: number }> {
  const log = path.join(work, `strace-${Date.now()}.log`);
  const r = await spawnReader(debianProgram('strace', 'strace', 'to watch and pause the reader'), [
    '-f', '-o', log, ...(asRoot ? ['-u', 'nobody'] : []),
    '-P', store, '-e', 'trace=openat,pread64', '-e', `inject=pread64:delay_enter=${pause}:when=${when}`,
    'env', `HOME=${path.join(work, 'home')}`, process.execPath, CLI, ...args,
  ], false);
  // Each open by SQLite (O_NOFOLLOW); the CLI's own check of the file's first bytes is a plain open.
  const opens = readFileSync(log, 'utf8').split('\n').filter((l) => /openat\(.*store\.db", O_RDONLY\|O_NOFOLLOW/.test(l)).length;
  return { ...r, opens };
}

// As root only: the writer must be able to write what the reader may not (one user cannot be both).
describe.skipIf(!asRoot)('(as root: a second user) a write in the middle of a read (strace pauses one of the reader\'s reads)', () => {

  test('the reader finds the store changed and reads it again: the answer is of one state, the written row in it', async () => {
    const { dir, store } = await makeStore('moving');
    // Without a writer: one open, one read.
    shareReadOnly(dir, store);
    const calm = await tracedReader(store, ['lineage', '--store', store, '--metric', 'accuracy'], 1);
    expect(calm.code, calm.stderr).toBe(0);
    expect(calm.opens).toBe(1);
    // The owner writes (and checkpoints, closing) while the reader is paused in its first read:
    // once the reader has the file open as SQLite opens it (O_NOFOLLOW, 0o400000, not the CLI's first look at its header).
    const watcher = spawn('python3', ['-c', [
      'import os,glob,time,sqlite3,sys',
      'db=sys.argv[1]; t=time.time()',
      'while time.time()-t < 60:',
      '  for fd in glob.glob("/proc/[0-9]*/fd/*"):',
      '    try:',
      '      pid, n = fd.split("/")[2], fd.split("/")[4]',
      '      if os.readlink(fd) == db and int(pid) != os.getpid() and int(open(f"/proc/{pid}/fdinfo/{n}").read().split("flags:")[1].split()[0], 8) & 0o400000:',
      '        c=sqlite3.connect(db, isolation_level=None); c.execute("INSERT INTO metrics VALUES (1, 97, \'during\', 3.5, NULL, NULL, NULL, 1)"); c.close()',
      '        print("wrote", flush=True); sys.exit(0)',
      '    except OSError: pass',
      '  time.sleep(0.005)',
      'sys.exit(3)',
    ].join('\n'), store], { stdio: ['ignore', 'pipe', 'inherit'] });
    const wrote = new Promise<number>((resolve) => watcher.on('close', (code) => resolve(code ?? -1)));
    const moved = await tracedReader(store, ['lineage', '--store', store, '--metric', 'during'], 3_000_000);
    expect(await wrote).toBe(0);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.opens).toBe(2);
    expect(moved.stdout).toMatch(/^during=3\.5 /m);
    expect(besideStore(dir)).toEqual(['store.db']);
  });
});

// Another user who owns the store (not root, whom SQLite and the kernel let write anything) and the readers' group.
const OWNER = 4242;
const TEAM = 4343;
/** The CLI as the store's owner (setpriv, Debian's util-linux: its own group, plus TEAM when asked), optionally under strace. */
function asOwner(args: string[], o: { team?: boolean; strace?: string[] } = {}): Promise<Ran> {
  const priv = ['setpriv', `--reuid=${OWNER}`, `--regid=${OWNER}`, o.team ? `--groups=${TEAM}` : '--clear-groups', 'env', `HOME=${path.join(work, 'home')}`, process.execPath, CLI, ...args];
  const [cmd, ...rest] = o.strace ? [debianProgram('strace', 'strace', 'to watch and pause the reader'), ...o.strace, ...priv] : priv;
  return spawnReader(cmd!, rest, false);
}

describe.skipIf(!asRoot)('(as root: an owner, readers, and writers that come and go)', () => {
  test('the writer closing as the reader opens the store (strace holds SQLite\'s first read of it): the reader answers, and leaves no file of its own', async () => {
    for (const folder of ['open', 'locked'] as const) {
      const { dir, store } = await makeStore(`closing-${folder}`);
      shareReadOnly(dir, store, folder);
      const writer = pythonWriter(store, 'closing');
      await writer.ready;
      // The reader sees the writer's -wal/-shm and opens the store to read through them; its SQLite's first read
      // of the file (the header, before it looks for the log) is held while the writer closes and removes them.
      const reading = tracedReader(store, ['lineage', '--store', store, '--metric', 'accuracy'], 1_500_000, 2);
      await openedBySqlite(store, [writer.pid]);
      expect(await writer.close()).toBe(0);
      expect(besideStore(dir)).toEqual(['store.db']);
      const q = await reading;
      // Before: in a folder the reader could write, SQLite made -wal/-shm of the reader's (the owner's next ingest then
      // failed "read-only"); in one it could not, the question failed "the store file is read-only for you".
      expect(q.code, `${folder}: ${q.stderr}`).toBe(0);
      expect(q.stdout.match(/^accuracy\[test\]@1=0\.5 /gm)).toHaveLength(2);
      expect(besideStore(dir)).toEqual(['store.db']);
    }
  });

  test("the store shared through its group (chmod 640 + chgrp): while the owner ingests, a reader of that group reads through the owner's -wal/-shm, which get the store's group", async () => {
    const { dir, store } = await makeStore('group');
    chownSync(dir, OWNER, TEAM);
    chmodSync(dir, 0o750);
    chownSync(store, OWNER, TEAM);
    chmodSync(store, 0o640);
    const st = path.join(work, 'group-st');
    mkdirSync(st);
    const one = path.join(st, 'three.intoto.json');
    writeFileSync(one, JSON.stringify(makeStatement({ run: 'group-three', datasets: [dataset('raw', '1')], steps: [], metrics: [] })));
    // The ingest holds the store open (its -wal/-shm made) while strace holds its open of the statement file.
    const ingesting = asOwner(['store', 'ingest', st, '--no-verify', '--store', store], { team: true, strace: ['-f', '-o', '/dev/null', '-P', one, '-e', 'trace=openat', '-e', 'inject=openat:delay_enter=3000000:when=1'] });
    for (const until = Date.now() + 30_000; besideStore(dir).length < 3 && Date.now() < until; ) await sleep(10);
    expect(besideStore(dir)).toEqual(['store.db', 'store.db-shm', 'store.db-wal']);
    // The group is given right after SQLite makes them (strace slows the ingest's every call): within the ingest's pause.
    const groups = () => [statSync(`${store}-wal`).gid, statSync(`${store}-shm`).gid];
    for (const until = Date.now() + 2000; groups().some((g) => g !== TEAM) && Date.now() < until; ) await sleep(10);
    // SQLite made them with the store's mode and the owner's own group: readers of the store's group could not read them.
    expect(groups()).toEqual([TEAM, TEAM]);
    const q = await spawnReader(process.execPath, [CLI, 'lineage', '--store', store, '--metric', 'accuracy'], true, TEAM);
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout.match(/^accuracy\[test\]@1=0\.5 /gm)).toHaveLength(2);
    const ing = await ingesting;
    expect(ing.code, ing.stderr).toBe(0);
    expect(ing.stderr).toMatch(/1 new run\(s\)/);
    expect(besideStore(dir)).toEqual(['store.db']);
  });

  test('the owner writing a store it made read-only: says which (file or folder) and that they own it, writes nothing; own -wal/-shm left read-only do not stop the next ingest', async () => {
    const { dir, store } = await makeStore('own-read-only');
    chownSync(dir, OWNER, OWNER);
    chownSync(store, OWNER, OWNER);
    const file = path.join(work, 'st', 'own-read-only-three.intoto.json');
    writeFileSync(file, JSON.stringify(makeStatement({ run: 'own-read-only-three', datasets: [dataset('raw', '1')], steps: [], metrics: [] })));
    const ingest = () => asOwner(['store', 'ingest', file, '--no-verify', '--store', store]);
    // Before: SQLite's "attempt to write a readonly database", with "ingest as the store file's owner" to the owner.
    chmodSync(dir, 0o555);
    const folder = await ingest();
    expect(folder.code).toBe(1);
    expect(folder.stderr.trim()).toMatch(/^error: .*own-read-only\/store\.db: its folder \(.*own-read-only, where SQLite writes -wal\/-shm beside the store\) is read-only for you — you own the store: make it writable \(`chmod u\+w /);
    chmodSync(dir, 0o755);
    chmodSync(store, 0o444);
    const fileRo = await ingest();
    expect(fileRo.code).toBe(1);
    expect(fileRo.stderr.trim()).toMatch(/^error: .*own-read-only\/store\.db: the store file is read-only for you — you own the store: make it writable/);
    noStack(fileRo.stderr);
    expect(besideStore(dir)).toEqual(['store.db']);
    // Python's sqlite3 as the owner, read-only, while the store is read-only: SQLite gives the -wal/-shm it makes the store's mode.
    const py = spawnSync('python3', ['-c', "import sqlite3,sys\nc=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True)\nc.execute('SELECT count(*) FROM runs').fetchone()\nc.close()", store], { encoding: 'utf8', uid: OWNER, gid: OWNER });
    expect(py.status, py.stderr).toBe(0);
    expect(statSync(`${store}-shm`).mode & 0o777).toBe(0o444);
    chmodSync(store, 0o644);
    const ing = await ingest();
    expect(ing.code, ing.stderr).toBe(0);
    expect(ing.stderr).toMatch(/1 new run\(s\)/);
    expect(besideStore(dir)).toEqual(['store.db']);
  });

  test("another program that opened the store as a reader left -wal/-shm of its own: the owner's ingest says which and what to do; the CLI as that reader removes them", async () => {
    const { dir, store } = await makeStore('leftover');
    chownSync(store, OWNER, OWNER);
    chmodSync(store, 0o644);
    chmodSync(dir, 0o777);
    // Python's sqlite3 as the reader, read-only: SQLite makes both files (owned by the reader) and leaves them.
    const py = spawnSync('python3', ['-c', "import sqlite3,sys\nc=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True)\nc.execute('SELECT count(*) FROM runs').fetchone()\nc.close()", store], { encoding: 'utf8', uid: NOBODY, gid: NOBODY });
    expect(py.status, py.stderr).toBe(0);
    expect([statSync(`${store}-wal`).uid, statSync(`${store}-shm`).uid]).toEqual([NOBODY, NOBODY]);
    const file = path.join(work, 'st', 'leftover-three.intoto.json');
    writeFileSync(file, JSON.stringify(makeStatement({ run: 'leftover-three', datasets: [dataset('raw', '1')], steps: [], metrics: [] })));
    const refused = await asOwner(['store', 'ingest', file, '--no-verify', '--store', store]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      new RegExp(`^error: store\\.db-(wal|shm) beside .*leftover/store\\.db belongs to another user \\(uid ${NOBODY}\\) and is not writable for you, so SQLite cannot write the store — another program opened the store as that user and left them \\(its log is empty: nothing is lost\\); once nobody is using the store, remove `),
    );
    noStack(refused.stderr);
    // The reader's own question removes what its user left (an empty log), then reads the file alone.
    const q = await reader('lineage', '--store', store, '--metric', 'accuracy');
    expect(q.code, q.stderr).toBe(0);
    expect(besideStore(dir)).toEqual(['store.db']);
    const ing = await asOwner(['store', 'ingest', file, '--no-verify', '--store', store]);
    expect(ing.code, ing.stderr).toBe(0);
    expect(besideStore(dir)).toEqual(['store.db']);
  });
});
