// Upgrading a store written by the previous release (schema 2: child rows keyed by the
// 64-hex run id) to schema 3 (integer run numbers). The fixtures were written by
// ml-provenance at commit bd08a51 itself, not by this code: test/fixtures/store/v2.sql is
// Python sqlite3's iterdump of its embedded store, v2-postgres.sql is pg_dump of its
// PostgreSQL store, and v2-answers.json holds the answers that release gave
// (test/fixtures/store/README.md says how they were made). Each store is restored with the
// engine's own client (python3's sqlite3, psql), opened by dist/cli.js, and must give
// the same answers, keep its guards and accept new runs.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { findPgBin, startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';
import { writeFile } from 'node:fs/promises';

/** The schema this release writes (every migration applied). */
const LATEST = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'store');
interface Recorded {
  answers: { args: string[]; stdout: unknown }[];
}

let work: string;
let pg: PgServer | undefined;
let recorded: Recorded;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
/** The runs were stored unverified: audit checks their rows, the signer policy is required all the same. */
const AUDIT = ['--repo', 'acme/train', '--offline'];
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

/** Restore the SQLite dump with Python's sqlite3; run SQL on it the same way. */
function sqlite(file: string, script: string, many = false) {
  const code = many
    ? 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.executescript(open(sys.argv[2]).read())\nc.commit()'
    : 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\ntry:\n  r=c.execute(sys.argv[2]).fetchall(); c.commit(); print(r)\nexcept Exception as e:\n  print("ERR", e); sys.exit(3)';
  return spawnSync('python3', ['-c', code, file, script], { encoding: 'utf8' });
}

async function sameAnswers(store: string, extra: string[] = []) {
  for (const { args, stdout } of recorded.answers) {
    const r = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', ...args, ...extra);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    expect(JSON.parse(r.stdout), args.join(' ')).toEqual(stdout);
  }
}

/** A new run after the upgrade: a statement reading the same raw data. */
async function newStatement(): Promise<string> {
  const s = makeStatement({ run: 'after-upgrade', datasets: [dataset('raw', '1', 'raw bytes v1')], steps: [], metrics: [{ name: 'accuracy', value: 0.95, epoch: 1, split: 'test' }] });
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: 'https://github.com/acme/train', path: '.github/workflows/train.yml' };
  const file = path.join(work, 'after-upgrade.intoto.json');
  await writeFile(file, JSON.stringify(s));
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-upgrade-'));
  recorded = JSON.parse(await readFile(path.join(FIXTURES, 'v2-answers.json'), 'utf8')) as Recorded;
});
afterAll(async () => {
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('upgrading a schema-2 store', () => {
  test('embedded: the previous release’s answers, unchanged; guards kept; audit clean; new runs accepted', async () => {
    const db = path.join(work, 'v2.db');
    const restore = sqlite(db, path.join(FIXTURES, 'v2.sql'), true);
    expect(restore.status, restore.stderr).toBe(0);
    expect(sqlite(db, 'SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe('[(2,)]');

    await sameAnswers(db);
    expect(sqlite(db, 'SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe(`[(${LATEST},)]`);
    expect(sqlite(db, "SELECT name FROM pragma_table_info('metrics') WHERE name IN ('run_no', 'run_id') ORDER BY name").stdout.trim()).toBe("[('run_no',)]");
    expect(sqlite(db, 'SELECT count(*) FROM runs').stdout.trim()).toBe('[(4,)]');
    const upd = sqlite(db, "UPDATE metrics SET value = 0 WHERE name = 'accuracy'");
    expect(upd.stdout).toMatch(/append-only: UPDATE on metrics rejected/);
    expect(sqlite(db, 'DELETE FROM datasets').stdout).toMatch(/append-only: DELETE on datasets rejected/);

    const audit = await mlp('store', 'audit', '--store', db, '--format', 'json', ...AUDIT);
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ runs: 4, problems: [] });

    const add = await mlp('store', 'ingest', await newStatement(), '--no-verify', '--store', db);
    expect(add.code, add.stderr).toBe(0);
    const used = await mlp('lineage', '--store', db, '--no-verify', '--format', 'json', '--dataset', 'raw@1');
    expect((JSON.parse(used.stdout) as { answers: unknown[] }).answers).toHaveLength(4);
    // A row edited after the upgrade is still found.
    expect(sqlite(db, "DROP TRIGGER metrics_no_update").status).toBe(0);
    expect(sqlite(db, "UPDATE metrics SET value = 0.5 WHERE value = 0.95").status).toBe(0);
    const caught = await mlp('store', 'audit', '--store', db, '--format', 'json', ...AUDIT);
    expect(caught.code).toBe(1);
    expect(JSON.stringify(JSON.parse(caught.stdout))).toMatch(/"where":"metrics"/);
  });

  test('embedded: a store holding rows of no stored run is not upgraded (they would be lost), and says why', async () => {
    const db = path.join(work, 'orphans.db');
    expect(sqlite(db, path.join(FIXTURES, 'v2.sql'), true).status).toBe(0);
    expect(sqlite(db, `INSERT INTO metrics (run_id, ord, name, value) VALUES ('${'e'.repeat(64)}', 0, 'planted', 1)`).status).toBe(0);
    const r = await mlp('lineage', '--store', db, '--no-verify', '--runs', 'acme/*');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot upgrade .*orphans\.db to schema 3 \(integer run numbers\): the store holds rows for runs that are not in it \(1 in metrics\).* — .*store audit/m);
    noStack(r.stderr);
    // Untouched: still schema 2, every row there.
    expect(sqlite(db, 'SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe('[(2,)]');
    expect(sqlite(db, 'SELECT count(*) FROM metrics').stdout.trim()).toBe('[(9,)]');
  });

  test('PostgreSQL: the same answers; row-level security and the roles hold on the rebuilt tables', async () => {
    pg = await startPostgres();
    for (const q of ['CREATE DATABASE old', 'CREATE ROLE alice LOGIN', 'CREATE ROLE ingester LOGIN', ...['mlp_ingest', 'mlp_reader', 'mlp_auditor', 'mlp_purger'].map((r) => `CREATE ROLE ${r} NOLOGIN`)]) {
      const r = pg.psql(q);
      expect(r.code, `${q}: ${r.stderr}`).toBe(0);
    }
    const port = new URL(pg.url()).port;
    const restore = spawnSync(path.join(findPgBin(), 'psql'), ['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-d', 'old', '-v', 'ON_ERROR_STOP=1', '-q', '-f', path.join(FIXTURES, 'v2-postgres.sql')], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    const sql = (q: string, user = 'postgres') => pg!.psql(q, { user, db: 'old' });
    expect(sql('SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe('2');

    const admin = pg.url('postgres', 'old');
    await sameAnswers(admin);
    expect(sql('SELECT MAX(version) FROM mlp_migrations').stdout.trim()).toBe(String(LATEST));
    expect(sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'datasets' AND column_name = 'run_id'").stdout.trim()).toBe('0');

    for (const [user, as, repo] of [['alice', 'reader', 'acme/*'], ['ingester', 'ingest']] as const) {
      const g = await mlp('store', 'grant', '--store', admin, '--user', user, '--as', as, ...(repo ? ['--repo', repo] : []));
      expect(g.code, g.stderr).toBe(0);
    }
    // alice reads acme/* only: the rebuilt child tables are guarded by the run they belong to.
    expect(sql('SELECT count(*) FROM runs', 'alice').stdout.trim()).toBe('3');
    expect(sql("SELECT count(*) FROM metrics WHERE name = 'secret-score' OR run_no NOT IN (SELECT run_no FROM runs)", 'alice').stdout.trim()).toBe('0');
    expect(Number(sql('SELECT count(*) FROM datasets', 'alice').stdout.trim())).toBeLessThan(Number(sql('SELECT count(*) FROM datasets').stdout.trim()));
    // The ingest role can add a run (it learns only the new run's number) but not change or read rows.
    const add = await mlp('store', 'ingest', await newStatement(), '--no-verify', '--store', pg.url('ingester', 'old'));
    expect(add.code, add.stderr).toBe(0);
    expect(sql('SELECT count(*) FROM runs').stdout.trim()).toBe('5');
    expect(sql('UPDATE metrics SET value = 0', 'ingester').code).not.toBe(0);
    expect(sql('SELECT owner FROM runs', 'ingester').stderr).toMatch(/permission denied/);
    expect(sql('SELECT count(*) FROM metrics', 'ingester').stderr).toMatch(/permission denied/);
    const su = sql('UPDATE datasets SET version = 9');
    expect(su.stderr).toMatch(/append-only: UPDATE on datasets rejected/);
    const audit = await mlp('store', 'audit', '--store', admin, '--format', 'json', ...AUDIT);
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ runs: 5, problems: [] });
  }, 120_000);
});
