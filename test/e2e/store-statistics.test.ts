// The planner's statistics after a bulk ingest, on a real PostgreSQL server (the machine's own
// binaries), read back with psql: a writer that owns the tables analyses those whose rows grew
// by more than autovacuum's rule (50 + 10 %) before it closes, a few more runs analyse nothing,
// and a writer that does not own them (the ingest role) still stores every run and says why the
// statistics wait for autovacuum. autovacuum's own analyses set last_autoanalyze, never
// last_analyze, so last_analyze is this command's doing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  for (const q of ['CREATE DATABASE owned', 'CREATE DATABASE shared', 'CREATE ROLE ingester LOGIN']) pg.psql(q);
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
      /^postgres:\/\/ingester@127\.0\.0\.1:\d+\/shared: the planner's statistics of [a-z_, ]*\bruns\b[a-z_, ]* were not refreshed \(ANALYZE needs the tables' owner\): autovacuum refreshes them at its next round .* run ANALYZE as the store's owner$/,
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(sql('shared', 'SELECT count(*) FROM runs')).toBe('300');
    expect(planner('shared').runs!.analysed).toBe('');
    // What the note tells the owner to do works: psql as the owner.
    sql('shared', 'ANALYZE');
    expect(planner('shared').runs).toMatchObject({ reltuples: 300 });
  }, 120_000);
});
