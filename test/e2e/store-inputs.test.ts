// The embedded store as its users meet it, through dist/cli.js: what `--store` may name
// (a directory, a file that is not a store, someone else's SQLite database, a path that
// does not exist yet) and a verification row added behind the store's back. Files are
// made and edited with Python's sqlite3 module, a client this project did not write.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { runCliAsync } from './sign-verify-helpers.js';

let work: string;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);
/** Run SQL on a file with Python's sqlite3. */
const py = (file: string, sql: string) =>
  spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\ntry:\n  r=c.executescript(sys.argv[2]) if ";" in sys.argv[2] else c.execute(sys.argv[2]).fetchall(); c.commit(); print(r if isinstance(r, list) else "")\nexcept Exception as e:\n  print("ERR", e); sys.exit(3)', file, sql], {
    encoding: 'utf8',
  });

async function statement(name: string, repo: string): Promise<string> {
  const s = makeStatement({ run: name, datasets: [dataset('raw', '1')], steps: [], metrics: [{ name: 'accuracy', value: 0.5, epoch: 1, split: 'test' }] });
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/${repo}`, path: '.github/workflows/train.yml' };
  const file = path.join(work, 'st', `${name}.intoto.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(s));
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-inputs-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('what --store names', () => {
  test('a directory, a file that is not SQLite, and another program\'s SQLite database are usage errors; nothing is written', async () => {
    await mkdir(path.join(work, 'adir'));
    await writeFile(path.join(work, 'notes.txt'), 'not a database\n');
    expect(py(path.join(work, 'places.sqlite'), 'CREATE TABLE places (url TEXT)').status).toBe(0);
    const st = await statement('one', 'acme/train');
    for (const [store, why] of [
      ['adir', /--store adir: is a directory, not a store file — /],
      ['notes.txt', /--store notes\.txt: is not a store \(not an SQLite database file\) — /],
      ['places.sqlite', /--store places\.sqlite: is an SQLite database but not an ml-provenance store \(it holds 1 other table\(s\), e\.g\. places\) — /],
    ] as const) {
      for (const args of [['store', 'ingest', st, '--no-verify'], ['lineage', '--runs', 'acme/*']]) {
        const r = await mlp(...args, '--store', store);
        expect(r.code, `${store} ${args[0]}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`^error: ${why.source}`, 'm'));
        noStack(r.stderr);
      }
    }
    expect(await readFile(path.join(work, 'notes.txt'), 'utf8')).toBe('not a database\n');
    expect(py(path.join(work, 'places.sqlite'), "SELECT name FROM sqlite_master WHERE type = 'table'").stdout.trim()).toBe("[('places',)]");
    expect(existsSync(path.join(work, 'adir', 'store.db'))).toBe(false);
  });

  test('commands that read never create a store: a mistyped path is an error, not an empty answer', async () => {
    const missing = path.join('typo', 'sub', 'store.db');
    for (const args of [
      ['lineage', '--runs', 'acme/*'],
      ['lineage', '--metric', 'accuracy'],
      ['export', 'deadbeefdeadbeef', '--format', 'slsa'],
      ['store', 'audit', '--repo', 'acme/train', '--offline'],
      ['store', 'purge', '--before', '2030-01-01', '--reason', 'test'],
    ]) {
      const r = await mlp(...args, '--store', missing);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`error: no store at ${missing} — `);
      noStack(r.stderr);
    }
    const g = await mlp('store', 'grant', '--user', 'alice', '--as', 'reader', '--repo', 'acme/*', '--store', missing);
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/^error: an embedded store is a file: it cannot enforce roles — /m);
    expect(existsSync(path.join(work, 'typo'))).toBe(false);
    // Ingest is what creates a store (an empty file counts as a new one).
    await writeFile(path.join(work, 'empty.db'), '');
    for (const store of [missing, 'empty.db']) {
      const r = await mlp('store', 'ingest', await statement('two', 'acme/train'), '--no-verify', '--store', store);
      expect(r.code, r.stderr).toBe(0);
      expect((await mlp('lineage', '--store', store, '--runs', 'acme/*')).stdout).toMatch(/NOT VERIFIED acme\/train/);
    }
    // An empty file was a new database: owner-only, like one the store creates.
    expect((await stat(path.join(work, 'empty.db'))).mode & 0o777).toBe(0o600);
    // Ingesting it again stores nothing, and says only that (nothing was "stored without verification").
    const again = await mlp('store', 'ingest', path.join(work, 'st', 'two.intoto.json'), '--no-verify', '--store', 'empty.db');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr.trim()).toBe('0 new run(s), 1 already in empty.db');
  });
});

describe('schema versions', () => {
  test('opening a store written at schema 3 writes nothing on SQLite (migrations 4 on have nothing to do there): a read-only copy stays readable', async () => {
    const store = path.join(work, 'v3.db');
    expect((await mlp('store', 'ingest', await statement('v3', 'acme/train'), '--no-verify', '--store', store)).code).toBe(0);
    expect(py(store, 'SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe(`[(${MIGRATIONS.at(-1)!.version},)]`);
    // As the release before migration 4 left it (mlp_migrations is bookkeeping, not a guarded ledger table).
    expect(py(store, 'DELETE FROM mlp_migrations WHERE version >= 4').status).toBe(0);
    const r = await mlp('lineage', '--store', store, '--runs', 'acme/train');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/NOT VERIFIED acme\/train/);
    expect(py(store, 'SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe('[(3,)]');
  });
});

describe('purge record', () => {
  test('names the OS account that purged, also when USER and LOGNAME are not set', async () => {
    const store = path.join(work, 'purge.db');
    expect((await mlp('store', 'ingest', await statement('old', 'acme/train'), '--no-verify', '--store', store)).code).toBe(0);
    const r = await runCliAsync(['store', 'purge', '--repo', 'acme/train', '--reason', 'retention', '--store', store], { cwd: work, env: { USER: '', LOGNAME: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^purged 1 run\\(s\\) as ${userInfo().username} at `));
    expect(py(store, 'SELECT purged_by, reason FROM purges').stdout.trim()).toBe(`[('${userInfo().username}', 'retention')]`);
  });
});

describe('verification rows', () => {
  test('a verification row added in the database for an unsigned run is reported by store audit', async () => {
    const store = path.join(work, 'forged.db');
    const ing = await mlp('store', 'ingest', await statement('forged', 'acme/train'), '--no-verify', '--store', store);
    expect(ing.code, ing.stderr).toBe(0);
    const runId = /^stored ([0-9a-f]{64}) NOT VERIFIED/m.exec(ing.stdout)![1]!;
    const audit = ['store', 'audit', '--store', store, '--repo', 'acme/train', '--offline'];
    expect((await mlp(...audit)).code).toBe(0);
    // Inserts pass the append-only triggers: anyone who can write the file can add one.
    expect(py(store, `INSERT INTO verifications SELECT run_id, doc_sha256, 'forged', '2026-01-01' FROM runs WHERE run_id = '${runId}'`).status).toBe(0);
    const answer = await mlp('lineage', '--store', store, '--runs', 'acme/train', '--format', 'json');
    expect((JSON.parse(answer.stdout) as { answers: { run: { verified: boolean } }[] }).answers[0]!.run.verified).toBe(true);
    const r = await mlp(...audit);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`run ${runId} verifications: marked verified, but the document it names (`);
    expect(r.stdout).toMatch(/is a bare statement, which has no signature/);
    expect(r.stdout).toMatch(/1 run\(s\) audited: 0 verified again, 0 stored without verification, 1 problem\(s\)/);
    // A verification naming a document that is not stored.
    const other = path.join(work, 'forged2.db');
    const ing2 = await mlp('store', 'ingest', await statement('forged2', 'acme/train'), '--no-verify', '--store', other);
    const runId2 = /^stored ([0-9a-f]{64})/m.exec(ing2.stdout)![1]!;
    expect(py(other, `INSERT INTO verifications VALUES ('${runId2}', '${'0'.repeat(64)}', 'forged', '2026-01-01')`).status).toBe(0);
    const r2 = await mlp('store', 'audit', '--store', other, '--repo', 'acme/train', '--offline');
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain(`run ${runId2} verifications: marked verified, but the document it names (${'0'.repeat(64)}) is not stored`);
    noStack(r2.stderr);
  });
});
