// The planner's statistics after a bulk ingest, on a real PostgreSQL server (the machine's own
// binaries), read back with psql: a writer that owns the tables analyses those whose rows grew
// by more than autovacuum's rule (50 + 10 %) before it closes, a few more runs analyse nothing,
// and a writer that does not own them (the ingest role) still stores every run and says why the
// statistics wait for autovacuum. autovacuum's own analyses set last_autoanalyze, never
// last_analyze, so last_analyze is this command's doing. An ingest stopped by Ctrl-C closes
// at once, without analysing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pgClient from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, cleanEnv } from '../helpers/run.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';

let pg: PgServer;
let work: string;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
const sql = (db: string, q: string) => {
  const r = pg.psql(q, { db });
  if (r.code !== 0) throw new Error(`${q}: ${r.stderr}`);
  return r.stdout.trim();
};

/** `n` unsigned statements from `from` on, in a folder of their own: 3 datasets, 2 steps' worth of rows, 12 metric rows each. */
async function statements(dir: string, from: number, n: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let i = from; i < from + n; i++) {
    const s = makeStatement({
      run: String(i),
      datasets: [dataset(`ds-${i % 20}`, `v${i % 7}`), dataset('labels', '1'), dataset(`feat-${i}`, '1', `feat bytes ${i}`)],
      steps: [{ name: 'featurize', library: 'pandas', version: '2.2.0', inputs: [`ds-${i % 20}`], outputs: [`feat-${i}`] }],
      metrics: Array.from({ length: 12 }, (_, e) => ({ name: e % 2 ? 'loss' : 'accuracy', value: 1 / (e + 1 + i), epoch: e >> 1, split: 'test' })),
      models: [{ name: 'model/weights.bin', sha256: sha(`model ${i}`) }],
    });
    s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/org${i % 5}/repo`, path: '.github/workflows/train.yml' };
    await writeFile(path.join(dir, `run-${i}.intoto.json`), JSON.stringify(s));
  }
  return dir;
}

/** Per table: when this database's last manual ANALYZE ran (or ''), and the planner's row count. */
function planner(db: string): Record<string, { analysed: string; reltuples: number }> {
  const rows = sql(db, "SELECT s.relname, COALESCE(s.last_analyze::text, ''), c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname IN ('runs', 'datasets', 'steps', 'step_io', 'models', 'metrics', 'blobs')");
  return Object.fromEntries(rows.split('\n').map((l) => l.split('|')).map(([t, a, n]) => [t!, { analysed: a!, reltuples: Number(n) }]));
}

beforeAll(async () => {
  pg = await startPostgres();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-stats-'));
  for (const q of ['CREATE DATABASE owned', 'CREATE DATABASE shared', 'CREATE DATABASE stopped', 'CREATE ROLE ingester LOGIN']) pg.psql(q);
}, 120_000);

afterAll(async () => {
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('planner statistics after a bulk ingest (PostgreSQL)', () => {
  test("the tables' owner: every table the ingest grew is analysed before the command ends; a few more runs analyse nothing", async () => {
    const bulk = await statements(path.join(work, 'bulk'), 0, 300);
    const r = await mlp('store', 'ingest', bulk, '--no-verify', '--store', pg.url('postgres', 'owned'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/statistics/);
    const after = planner('owned');
    // The planner counts exactly what was stored (ANALYZE of a table this small reads every row).
    for (const [table, rows] of [['runs', 300], ['datasets', 900], ['steps', 300], ['step_io', 600], ['models', 300], ['metrics', 3600], ['blobs', 300]] as const) {
      expect(after[table]!.analysed, table).not.toBe('');
      expect(after[table]!.reltuples, table).toBe(rows);
      expect(Number(sql('owned', `SELECT count(*) FROM ${table}`)), table).toBe(rows);
    }
    // The plan a model question makes is the index lookup (not a scan of every model row).
    expect(sql('owned', `EXPLAIN SELECT run_no FROM models WHERE sha256 = '${sha('model 7')}'`)).toMatch(/Index (Only )?Scan using models_sha on models/);

    // Two more runs: 2 of 300 is far below 50 + 10 %: the statistics are left to autovacuum, nothing is analysed.
    const few = await statements(path.join(work, 'few'), 300, 2);
    const again = await mlp('store', 'ingest', few, '--no-verify', '--store', pg.url('postgres', 'owned'));
    expect(again.code, again.stderr).toBe(0);
    expect(planner('owned').runs).toEqual(after.runs);
    expect(sql('owned', 'SELECT count(*) FROM runs')).toBe('302');
  }, 120_000);

  test('the ingest role (does not own the tables): every run is stored, the statistics are left to autovacuum and the command says so', async () => {
    // The admin opens the store (creating the tables it owns) and lets `ingester` ingest.
    const g = await mlp('store', 'grant', '--store', pg.url('postgres', 'shared'), '--user', 'ingester', '--as', 'ingest');
    expect(g.code, g.stderr).toBe(0);
    const bulk = await statements(path.join(work, 'bulk-shared'), 0, 300);
    const r = await mlp('store', 'ingest', bulk, '--no-verify', '--store', pg.url('ingester', 'shared'), '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { stored: unknown[] }).stored).toHaveLength(300);
    expect(r.stderr.trim()).toMatch(
      /^postgres:\/\/ingester@127\.0\.0\.1:\d+\/shared: the planner's statistics of [a-z_, ]*\bruns\b[a-z_, ]* were not refreshed \(ANALYZE needs the tables' owner\): autovacuum, where it is on, refreshes them at its next round .* run ANALYZE as the store's owner$/,
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(sql('shared', 'SELECT count(*) FROM runs')).toBe('300');
    expect(planner('shared').runs!.analysed).toBe('');
    // What the note tells the owner to do works: psql as the owner.
    sql('shared', 'ANALYZE');
    expect(planner('shared').runs).toMatchObject({ reltuples: 300 });
  }, 120_000);
  test('an ingest stopped by SIGINT (Ctrl-C) after 100 runs are committed closes without analysing: the runs stay, the statistics are left to autovacuum', async () => {
    const dir = await statements(path.join(work, 'stopped'), 0, 300);
    // Ingest writes runs in run id order (a bare statement's id is the sha256 of its bytes), its bundle bytes
    // after each run's rows. Another session's uncommitted row with the 100th run's blob makes the ingest wait
    // there, holding 99 runs and the 100th's rows in its transaction: the SIGINT arrives while it waits.
    const byId = new Map<string, string>();
    for (const f of await readdir(dir)) byId.set(createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex'), f);
    const ids = [...byId.keys()].sort();
    const url = pg.url('postgres', 'stopped');
    // One run first (the last in id order): the tables exist before the blocker writes.
    const seed = await mlp('store', 'ingest', '--no-verify', '--store', url, path.join(dir, byId.get(ids[299]!)!));
    expect(seed.code, seed.stderr).toBe(0);
    const blocker = new pgClient.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query("INSERT INTO blobs (sha256, bytes) VALUES ($1, '\\x00')", [ids[99]]);
      const child = spawn(process.execPath, [CLI, 'store', 'ingest', dir, '--no-verify', '--store', url], { cwd: work, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      const waiting = () => sql('stopped', "SELECT count(*) FROM pg_stat_activity WHERE datname = 'stopped' AND wait_event_type = 'Lock'") === '1';
      for (const until = Date.now() + 60_000; !waiting(); ) {
        if (Date.now() > until) throw new Error(`the ingest never waited for the blocker: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGINT');
      await new Promise((r) => setTimeout(r, 500));
      await blocker.query('ROLLBACK');
      const end = await exited;
      expect(end, stderr).toEqual({ code: null, signal: 'SIGINT' });
      expect(stderr).toMatch(/^interrupted: 100 new run\(s\) stored/m);
      expect(stderr).not.toMatch(/statistics/);
    } finally {
      await blocker.end();
    }
    // The seed and the first 100 runs (1,212 metric rows): far past 50 + 10 %, yet nothing analysed.
    expect(sql('stopped', 'SELECT count(*) FROM runs')).toBe('101');
    expect(sql('stopped', 'SELECT count(*) FROM metrics')).toBe(String(101 * 12));
    expect(planner('stopped').runs!.analysed).toBe('');
    expect(planner('stopped').metrics!.analysed).toBe('');
  }, 120_000);
});
