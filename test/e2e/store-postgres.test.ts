// The provenance store on a real PostgreSQL server (the machine's own binaries), driven
// through dist/cli.js with signed bundles from the local Sigstore stand-in: roles and
// row-level security enforced by the server, append-only for everyone, tampering by a
// superuser found by `store audit`, and concurrent ingest storing each run once.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPgBin, startPostgres, type PgServer } from '../helpers/postgres.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';
import { IDENTITY, signRuns, type SignedRun } from './store-helpers.js';
import { CHILD_TABLES } from '../../src/store/migrations.js';

let pg: PgServer;
let sigstore: SigstoreStandin;
let work: string;
let bundles: string;
let runs: SignedRun[];
const byName = (n: string) => runs.find((r) => r.name === n)!;
const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline', ...IDENTITY];
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);
const sql = (q: string, user = 'postgres', db = 'store') => pg.psql(q, { user, db });

beforeAll(async () => {
  pg = await startPostgres();
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-pg-'));
  bundles = path.join(work, 'bundles');
  runs = await signRuns(sigstore, bundles);
  for (const q of ['CREATE DATABASE store', 'CREATE DATABASE conc', 'CREATE DATABASE fresh', 'CREATE ROLE alice LOGIN', 'CREATE ROLE bob LOGIN', 'CREATE ROLE ingester LOGIN', 'CREATE ROLE aud LOGIN', 'CREATE ROLE reaper LOGIN']) {
    const r = pg.psql(q);
    if (r.code !== 0) throw new Error(`${q}: ${r.stderr}`);
  }
  // The admin (superuser) opens the store once: migrations create the tables, the roles and the policies.
  for (const [user, as, repo] of [['alice', 'reader', 'acme/*'], ['bob', 'reader', 'other/secret'], ['ingester', 'ingest'], ['aud', 'auditor'], ['reaper', 'purger']] as const) {
    const g = await mlp('store', 'grant', '--store', pg.url('postgres', 'store'), '--user', user, '--as', as, ...(repo ? ['--repo', repo] : []));
    if (g.code !== 0) throw new Error(`grant: ${g.stderr}`);
  }
}, 180_000);

afterAll(async () => {
  await sigstore?.close();
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('store on PostgreSQL', () => {
  test('the ingest role stores each verified run once; re-ingest is a no-op', async () => {
    const first = await mlp('store', 'ingest', bundles, '--store', pg.url('ingester', 'store'), ...trust(), '--format', 'json');
    expect(first.code, first.stderr).toBe(0);
    const j = JSON.parse(first.stdout) as { stored: { runId: string; verified: boolean }[]; existing: unknown[] };
    expect(j.stored).toHaveLength(4);
    expect(j.stored.every((s) => s.verified && /^[a-f0-9]{64}$/.test(s.runId))).toBe(true);
    // The unsigned statements beside the bundles (the bytes those bundles signed) are
    // skipped quietly, not stored: four bundles, four runs.
    expect(first.stderr).not.toMatch(/error/);
    const again = await mlp('store', 'ingest', bundles, '--store', pg.url('ingester', 'store'), ...trust(), '--format', 'json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: [], existing: expect.arrayContaining([expect.anything()]) });
    expect(sql('SELECT count(*) FROM runs').stdout.trim()).toBe('4');
    expect(sql('SELECT count(*) FROM blobs').stdout.trim()).toBe('4');
  });

  test('a bundle signed by someone else is refused; the password never appears in messages', async () => {
    const r = await mlp('store', 'ingest', byName('prep').bundle, '--store', pg.url('ingester', 'store').replace('ingester@', 'ingester:hunter2secret@'), '--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--repo', 'someone/else');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*prep\.sigstore\.json does not verify/m);
    expect(r.stderr + r.stdout).not.toContain('hunter2secret');
    noStack(r.stderr);
    const bad = await mlp('lineage', '--store', `postgres://u:hunter2secret@127.0.0.1:1/x`, '--runs', 'acme/train');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: opening the store on postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x failed/m);
    expect(bad.stderr).not.toContain('hunter2secret');
  });

  test('a server that stops answering (postmaster stopped with SIGSTOP: the kernel still accepts): the command gives up after connect_timeout and says so', async () => {
    process.kill(pg.pid, 'SIGSTOP');
    let r: Awaited<ReturnType<typeof mlp>>;
    try {
      r = await mlp('lineage', '--store', `${pg.url('alice', 'store')}?connect_timeout=2`, '--runs', 'acme/train');
    } finally {
      process.kill(pg.pid, 'SIGCONT');
    }
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^error: opening the store on postgres:\/\/alice@127\.0\.0\.1:\d+\/store\?connect_timeout=2 failed: the server did not answer in time \(.*timeout.*\) — .*add \?connect_timeout=SECONDS to the URL/);
    noStack(r.stderr);
    // libpq's variable, read as libpq reads it; a value that is not a number is named.
    const bad = await runCliAsync(['lineage', '--store', pg.url('alice', 'store'), '--runs', 'acme/train'], { cwd: work, env: { PGCONNECT_TIMEOUT: 'soon' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('error: PGCONNECT_TIMEOUT "soon" is not a whole number of seconds — pass ?connect_timeout=SECONDS in the URL (or PGCONNECT_TIMEOUT), 0 to wait without limit');
    // Answering again once the server is back.
    expect((await mlp('lineage', '--store', pg.url('alice', 'store'), '--runs', 'acme/train')).code).toBe(0);
  });

  test("a query that does not finish (psql holds a lock the question waits for; then the question's backend is stopped with SIGSTOP): the URL's limits end the command with store-timeout", async () => {
    // psql, the server's own client, holds the runs table until it is terminated.
    const holder = spawn(path.join(findPgBin(), 'psql'), ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', '-d', 'store', '-c', 'BEGIN; LOCK TABLE runs IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120); COMMIT'], { env: { ...process.env, PGAPPNAME: 'holder' }, stdio: 'ignore' });
    const held = "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'runs' AND l.mode = 'AccessExclusiveLock' AND l.granted";
    let stopped: number | undefined;
    try {
      for (const until = Date.now() + 30_000; sql(held).stdout.trim() !== '1' && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
      const url = (limit: string) => `${pg.url('alice', 'store').replace('alice@', 'alice:hunter2secret@')}?${limit}`;
      const timedOut = (r: { code: number; stdout: string; stderr: string }, limit: string, said: string) => {
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toMatch(new RegExp(`^error: querying the store on postgres://alice:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/store\\?${limit} failed: a query did not finish in time \\(${said}\\) — a time limit set for the connection ran out`));
        expect(r.stderr + r.stdout).not.toContain('hunter2secret');
        noStack(r.stderr);
      };
      // The server's limits (pg sends them as it connects), then pg's own client-side one.
      timedOut(await mlp('lineage', '--store', url('statement_timeout=1000'), '--runs', 'acme/train'), 'statement_timeout=1000', 'canceling statement due to statement timeout');
      timedOut(await mlp('lineage', '--store', url('lock_timeout=1000'), '--runs', 'acme/train'), 'lock_timeout=1000', 'canceling statement due to lock timeout');
      // A backend that stops answering mid-query (or a network that does) cannot enforce the server's limits:
      // only the client's ends the command (without it, the command waits as long as psql would: forever).
      const asking = mlp('lineage', '--store', url('query_timeout=3000&application_name=stopped'), '--runs', 'acme/train');
      const waiting = "SELECT pid FROM pg_stat_activity WHERE application_name = 'stopped' AND wait_event_type = 'Lock'";
      for (const until = Date.now() + 30_000; !stopped && Date.now() < until; ) {
        const pid = Number(sql(waiting).stdout.trim());
        if (pid > 0) process.kill((stopped = pid), 'SIGSTOP');
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(stopped).toBeGreaterThan(0);
      timedOut(await asking, 'query_timeout=3000&application_name=stopped', 'Query read timeout');
    } finally {
      if (stopped) process.kill(stopped, 'SIGCONT');
      sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'holder'");
      holder.kill();
    }
    expect((await mlp('lineage', '--store', pg.url('alice', 'store'), '--runs', 'acme/train')).code).toBe(0);
  });

  test('a reader sees only the repositories it is granted (row-level security)', async () => {
    const alice = await mlp('lineage', '--store', pg.url('alice', 'store'), '--runs', 'acme/*', '--format', 'json');
    expect(alice.code, alice.stderr).toBe(0);
    const repos = (JSON.parse(alice.stdout) as { answers: { run: { repository: string; verified: boolean } }[] }).answers.map((a) => a.run.repository);
    expect(repos.sort()).toEqual(['acme/pipeline', 'acme/train', 'acme/train']);
    const hidden = await mlp('lineage', '--store', pg.url('alice', 'store'), '--runs', 'other/secret', '--format', 'json');
    expect(JSON.parse(hidden.stdout)).toEqual({ answers: [] });
    // The same through psql, the server's own client: every ledger table is filtered.
    expect(sql('SELECT count(*) FROM runs', 'alice').stdout.trim()).toBe('3');
    expect(sql("SELECT count(*) FROM datasets WHERE ds_id = 'private'", 'alice').stdout.trim()).toBe('0');
    expect(sql('SELECT count(*) FROM blobs', 'alice').stdout.trim()).toBe('3');
    expect(sql('SELECT count(*) FROM runs', 'bob').stdout.trim()).toBe('1');
    // sync_seen names the repositories a sync read: a reader sees only those it is granted; the ingest role (sync) all.
    expect(sql("INSERT INTO sync_seen VALUES ('release:other/secret', '1', 'now'), ('release:acme/train', '2', 'now')").code).toBe(0);
    expect(sql('SELECT source FROM sync_seen', 'alice').stdout.trim()).toBe('release:acme/train');
    expect(sql('SELECT count(*) FROM sync_seen', 'ingester').stdout.trim()).toBe('2');
    // A reader cannot grant herself (or anyone) more; the message says who can.
    const g = await mlp('store', 'grant', '--store', pg.url('alice', 'store'), '--user', 'alice', '--as', 'reader', '--repo', 'other/*');
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/^error: granting reader to alice on .*: permission denied .* — run store grant as the store's admin/m);
    expect(sql('SELECT count(*) FROM runs', 'alice').stdout.trim()).toBe('3');
    // A model of a repository alice cannot read has no lineage for her.
    const m = await mlp('lineage', '--store', pg.url('alice', 'store'), '--model', `sha256:${byName('secret').model}`, '--format', 'json');
    expect(JSON.parse(m.stdout)).toEqual({ answers: [] });
  });

  test('a login that both ingests and reads sees only its repositories; the ingest role reads no run', async () => {
    // A bot that ingests and asks: member of mlp_ingest and mlp_reader (acme/train only), in a database of its own.
    for (const q of ['CREATE DATABASE combo', 'CREATE ROLE carol LOGIN']) expect(sql(q).code, q).toBe(0);
    for (const [as, repo] of [['reader', 'acme/train'], ['ingest']] as const) {
      const g = await mlp('store', 'grant', '--store', pg.url('postgres', 'combo'), '--user', 'carol', '--as', as, ...(repo ? ['--repo', repo] : []));
      expect(g.code, g.stderr).toBe(0);
    }
    const ing = await mlp('store', 'ingest', bundles, '--store', pg.url('carol', 'combo'), ...trust(), '--format', 'json');
    expect(ing.code, ing.stderr).toBe(0);
    expect((JSON.parse(ing.stdout) as { stored: unknown[] }).stored).toHaveLength(4);
    expect(sql('SELECT count(*) FROM runs', 'postgres', 'combo').stdout.trim()).toBe('4');
    const carol = (q: string) => sql(q, 'carol', 'combo').stdout.trim();
    expect(carol("SELECT string_agg(DISTINCT owner || '/' || repo, ',') FROM runs")).toBe('acme/train');
    expect(carol('SELECT count(*) FROM runs')).toBe('2');
    expect(carol('SELECT count(*) FROM blobs')).toBe('2');
    expect(carol("SELECT count(*) FROM datasets WHERE ds_id = 'private'")).toBe('0');
    const hidden = await mlp('lineage', '--store', pg.url('carol', 'combo'), '--runs', 'other/secret', '--format', 'json');
    // Hidden runs are no answer, exit 1 as for a repository that has none (nothing tells them apart).
    expect(hidden.code, hidden.stderr).toBe(1);
    // What exists is told as the reader sees it: its own repository, never the hidden one.
    expect(hidden.stderr).toMatch(/^error: no run of repository other\/secret in .* — repositories stored: acme\/train; .*a reader sees only the repositories it was granted/m);
    expect(hidden.stderr).not.toMatch(/secret.*secret|acme\/pipeline/);
    expect(JSON.parse(hidden.stdout)).toEqual({ answers: [] });
    // The ingest role alone reads no run, not even its number (it takes new numbers from the sequence).
    expect(sql('SELECT count(*) FROM runs', 'ingester', 'combo').stderr).toMatch(/permission denied for table runs/);
    expect(sql('SELECT run_no FROM runs', 'ingester', 'combo').stderr).toMatch(/permission denied for table runs/);
  });

  test('sync --from-attestations as the ingest role: without --subject-digest it cannot read the stored digests, and says what to pass', async () => {
    // Nothing is asked of GitHub: the digests are read from the store first (the URL points nowhere).
    const r = await runCliAsync(['store', 'sync', '--store', pg.url('ingester', 'store'), '--from-attestations', 'acme/train', ...trust()], {
      cwd: work,
      env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: 'http://127.0.0.1:9' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --from-attestations without --subject-digest asks for every model digest in postgres:\/\/ingester@[^ ]+, which this role may not read — pass the digests to ask for with --subject-digest sha256:HEX/m);
    noStack(r.stderr);
  });

  test('the four questions, with stable ids and the verified flag', async () => {
    const url = pg.url('aud', 'store');
    const metric = await mlp('lineage', '--store', url, '--metric', 'accuracy', '--split', 'test', '--model', `sha256:${byName('train').model}`, '--format', 'json');
    expect(metric.code, metric.stderr).toBe(0);
    const ma = (JSON.parse(metric.stdout) as { answers: { run: { runId: string; verified: boolean }; metric: { value: number; epoch: number }; datasets: { id: string; version: string }[]; upstream: { run: { repository: string }; datasets: { id: string }[] }[] }[] }).answers;
    expect(ma).toHaveLength(1);
    expect(ma[0]!.metric).toMatchObject({ value: 0.9, epoch: 2 });
    expect(ma[0]!.run.verified).toBe(true);
    expect(ma[0]!.datasets.map((d) => `${d.id}@${d.version}`)).toEqual(['feats@v1']);
    // Through the derived dataset: the run that wrote those bytes, and what it read.
    expect(ma[0]!.upstream.map((u) => u.run.repository)).toEqual(['acme/pipeline']);
    expect(ma[0]!.upstream[0]!.datasets.map((d) => d.id)).toContain('raw');

    const ds = await mlp('lineage', '--store', url, '--dataset', 'raw@1', '--format', 'json');
    const da = (JSON.parse(ds.stdout) as { answers: { run: { repository: string; finishedOn: string }; direct: boolean; models: { sha256: string }[] }[] }).answers;
    expect(da.map((a) => [a.run.repository, a.direct])).toEqual([
      ['acme/pipeline', true],
      ['acme/train', false],
      ['acme/train', true],
    ]);
    expect(da[1]!.models.map((m) => m.sha256)).toEqual([byName('train').model]);

    const model = await mlp('lineage', '--store', url, '--model', `sha256:${byName('train').model}`);
    expect(model.code, model.stderr).toBe(0);
    expect(model.stdout).toMatch(/^  run [a-f0-9]{16} verified acme\/train .*feats@v1/m);
    expect(model.stdout).toMatch(/upstream run [a-f0-9]{16} verified acme\/pipeline .*raw@1/);

    const inRange = await mlp('lineage', '--store', url, '--runs', 'acme/train', '--since', '2025-03-01', '--until', '2025-03-31', '--format', 'json');
    const ra = (JSON.parse(inRange.stdout) as { answers: { run: { runId: string }; metrics: { name: string; value: number }[] }[] }).answers;
    expect(ra).toHaveLength(1);
    expect(ra[0]!.metrics.find((m) => m.name === 'accuracy')!.value).toBe(0.9);
    // Stable ids: the same run has the same id in every answer.
    expect(ra[0]!.run.runId).toBe(ma[0]!.run.runId);
  });

  test('append-only: the ingest role cannot UPDATE or DELETE, and even a superuser is stopped by the trigger', () => {
    const upd = sql('UPDATE metrics SET value = 0', 'ingester');
    expect(upd.code).not.toBe(0);
    expect(upd.stderr).toMatch(/permission denied/);
    const del = sql('DELETE FROM runs', 'ingester');
    expect(del.code).not.toBe(0);
    expect(del.stderr).toMatch(/permission denied/);
    expect(sql('TRUNCATE metrics', 'ingester').code).not.toBe(0);
    const su = sql('UPDATE metrics SET value = 0');
    expect(su.code).not.toBe(0);
    expect(su.stderr).toMatch(/append-only: UPDATE on metrics rejected/);
    expect(sql('TRUNCATE runs').stderr).toMatch(/append-only: TRUNCATE on runs rejected/);
    expect(sql('DELETE FROM runs', 'alice').code).not.toBe(0);
  });

  test('a row edited by a superuser (triggers bypassed) is caught by store audit', async () => {
    const clean = await mlp('store', 'audit', '--store', pg.url('aud', 'store'), ...trust());
    expect(clean.code, clean.stderr + clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/4 run\(s\) audited: 4 verified again, 0 stored without verification, 0 problem/);
    const edit = sql("SET session_replication_role = replica; UPDATE metrics SET value = 0.99 WHERE name = 'accuracy' AND value = 0.9; UPDATE runs SET repo = 'train2' WHERE repo = 'pipeline'");
    expect(edit.code, edit.stderr).toBe(0);
    const r = await mlp('store', 'audit', '--store', pg.url('aud', 'store'), ...trust());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^run [a-f0-9]{64} metrics: 1 row\(s\) differ from the statement/m);
    expect(r.stdout).toMatch(/^run [a-f0-9]{64} runs: column repo differs? from the statement/m);
    expect(r.stderr).toMatch(/^error: the store audit found 2 problem\(s\) — /m);
    noStack(r.stderr);
  });

  test('concurrent ingest of the same bundles from several processes stores each run once', async () => {
    // The admin opens the database once (schema, policies); then four ingesters race.
    const init = await mlp('lineage', '--store', pg.url('postgres', 'conc'), '--runs', 'acme/train');
    // Opened (schema applied) and empty: no run answers yet, exit 1.
    expect(init.code, init.stderr).toBe(1);
    expect(init.stderr).toMatch(/^error: no run is stored in .* — /m);
    const results = await Promise.all([1, 2, 3, 4].map(() => mlp('store', 'ingest', bundles, '--store', pg.url('ingester', 'conc'), ...trust(), '--format', 'json')));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const stored = results.flatMap((r) => (JSON.parse(r.stdout) as { stored: { runId: string }[] }).stored.map((s) => s.runId));
    expect(new Set(stored).size).toBe(4);
    expect(stored).toHaveLength(4);
    const c = (t: string) => sql(`SELECT count(*) FROM ${t}`, 'postgres', 'conc').stdout.trim();
    expect([c('runs'), c('blobs'), c('verifications')]).toEqual(['4', '4', '4']);
    expect(c('metrics')).toBe(sql('SELECT count(*) FROM metrics').stdout.trim());
  });

  test('purge only for the purger role, leaving an append-only purge record', async () => {
    const denied = await mlp('store', 'purge', '--repo', 'other/secret', '--reason', 'retention', '--store', pg.url('ingester', 'store'));
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^error: purging on postgres:\/\/ingester@.*permission denied/m);
    expect(sql('SELECT count(*) FROM runs').stdout.trim()).toBe('4');
    const ok = await mlp('store', 'purge', '--repo', 'other/secret', '--reason', 'customer asked', '--store', pg.url('reaper', 'store'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^purged 1 run\(s\) as reaper at /);
    expect(sql("SELECT count(*) FROM runs WHERE owner = 'other'").stdout.trim()).toBe('0');
    // Its bundle bytes too (row-level security had hidden a bundle no run points at from the purger's DELETE).
    expect(sql('SELECT count(*) FROM blobs').stdout.trim()).toBe('3');
    const rec = sql('SELECT purged_by, reason, criteria, run_ids FROM purges').stdout.trim().split('|');
    expect(rec.slice(0, 3)).toEqual(['reaper', 'customer asked', '{"repo":"other/secret"}']);
    expect(JSON.parse(rec[3]!)).toEqual([expect.stringMatching(/^[a-f0-9]{64}$/)]);
    expect(sql('DELETE FROM purges', 'reaper').code).not.toBe(0);
    // A reader does not read the purge records: their criteria name repositories it may not be granted.
    expect(sql('SELECT count(*) FROM purges', 'alice').stderr).toMatch(/permission denied for table purges/);
    // The purger in psql, switching the purge flag on itself: without a purge record in the transaction, no delete.
    const direct = sql("BEGIN; SELECT set_config('mlp.purge', 'on', true); DELETE FROM metrics; COMMIT", 'reaper');
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/append-only: DELETE on metrics rejected/);
    expect(Number(sql('SELECT count(*) FROM metrics').stdout.trim())).toBeGreaterThan(0);
  });

  test('a role that does not own the tables, opening a store whose schema is missing or older, is told to open it once as the owner', async () => {
    const r = await mlp('store', 'purge', '--repo', 'acme/train', '--reason', 'x', '--store', pg.url('reaper', 'fresh'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: applying the store schema on postgres:\/\/reaper@[^ ]+\/fresh: permission denied .* — the store's tables are missing or older than this release's \(schema \d+\): open it once as the role that owns them/m);
    noStack(r.stderr);
  });

  test('a purge record names exactly the runs its transaction deletes (the purger in psql)', () => {
    const [a, b] = sql('SELECT run_id FROM runs ORDER BY run_id').stdout.trim().split('\n');
    expect(a).toMatch(/^[a-f0-9]{64}$/);
    const noOf = (id: string) => `(SELECT run_no FROM runs WHERE run_id = '${id}')`;
    const purge = (named: string[], then: string) =>
      sql(
        `BEGIN; SELECT set_config('mlp.purge', 'on', true); INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES (now()::text, current_user, 'by hand', '{}', '${JSON.stringify(named)}'); ${then}; COMMIT`,
        'reaper',
      );
    const snapshot = () => ['purges', 'runs', 'blobs', 'verifications', ...CHILD_TABLES].map((t) => sql(`SELECT count(*) FROM ${t}`).stdout.trim()).join(' ');
    const before = snapshot();
    const refused = (r: { code: number; stderr: string }, message: RegExp) => {
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(snapshot()).toBe(before);
    };
    // Names run a, deletes rows of run b.
    refused(purge([a!], `DELETE FROM metrics WHERE run_no = ${noOf(b!)}`), new RegExp(`DELETE on metrics removes rows of ${b}, which no purge record of this transaction names`));
    refused(purge([a!], `DELETE FROM verifications WHERE run_id = '${b}'`), /DELETE on verifications removes rows of [a-f0-9]{64}, which no purge record/);
    // Names a run the store never held.
    refused(purge(['0'.repeat(64)], 'SELECT 1'), /the purge record names run 0{64}, which is not in the store/);
    refused(sql(`INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES ('', '', '', '{}', '{"a": 1}')`, 'reaper'), /run_ids must be a JSON array/);
    // Names run a and keeps it.
    refused(purge([a!], `DELETE FROM metrics WHERE run_no = ${noOf(a!)}`), new RegExp(`the purge record names run ${a}, which is still in the store at commit`));
    // Deletes the bundle a kept run still points at.
    refused(purge([a!], `DELETE FROM blobs WHERE sha256 = (SELECT doc_sha256 FROM runs WHERE run_id = '${b}')`), /DELETE on blobs removes [a-f0-9]{64}, which a run or a verification still points at/);
    // Adds run b to its own record's names with a row ON CONFLICT skips (the record names a only), then deletes a and b.
    const rowsOf = (id: string) => [...CHILD_TABLES.map((t) => `DELETE FROM ${t} WHERE run_no = ${noOf(id)}`), `DELETE FROM verifications WHERE run_id = '${id}'`, `DELETE FROM runs WHERE run_id = '${id}'`].join('; ');
    refused(
      purge([a!], `INSERT INTO purges (id, purged_at, purged_by, reason, criteria, run_ids) SELECT max(id), '', '', '', '{}', '${JSON.stringify([b])}' FROM purges ON CONFLICT DO NOTHING; ${rowsOf(a!)}; ${rowsOf(b!)}`),
      /permission denied for table purges/,
    );
    // A record committed in an earlier transaction does not allow deletes in a later one.
    const earlier = sql(`INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES ('', '', '', '{}', '${JSON.stringify([b])}')`, 'reaper');
    expect(earlier.code).not.toBe(0); // …and cannot even be committed while b is in the store
    refused(sql(`BEGIN; SELECT set_config('mlp.purge', 'on', true); ${rowsOf(b!)}; COMMIT`, 'reaper'), /append-only: DELETE on datasets rejected/);
    // Done by hand as store purge does it (a's rows, a, then its bundle): it passes, and only a is gone.
    const doc = sql(`SELECT doc_sha256 FROM runs WHERE run_id = '${a}'`).stdout.trim();
    const hand = purge(
      [a!],
      [
        ...CHILD_TABLES.map((t) => `DELETE FROM ${t} WHERE run_no = ${noOf(a!)}`),
        `DELETE FROM verifications WHERE run_id = '${a}'`,
        `DELETE FROM runs WHERE run_id = '${a}'`,
        `DELETE FROM blobs WHERE sha256 = '${doc}'`,
      ].join('; '),
    );
    expect(hand.code, hand.stderr).toBe(0);
    expect(sql(`SELECT count(*) FROM runs WHERE run_id IN ('${a}', '${b}')`).stdout.trim()).toBe('1');
    expect(sql(`SELECT count(*) FROM blobs WHERE sha256 = '${doc}'`).stdout.trim()).toBe('0');
    expect(sql('SELECT count(*) FROM purges').stdout.trim()).toBe(String(Number(before.split(' ')[0]) + 1));
  });

  test('store audit reports a run purge_runs let a purge delete that its purge record does not name', async () => {
    // What the ON CONFLICT trick left in stores before migration 6; a superuser with triggers off writes it now.
    const b = sql('SELECT run_id FROM runs ORDER BY run_id LIMIT 1').stdout.trim();
    const w = sql(`SET session_replication_role = replica; INSERT INTO purge_runs (purge_id, run_id) SELECT max(id), '${b}' FROM purges`);
    expect(w.code, w.stderr).toBe(0);
    const r = await mlp('store', 'audit', '--store', pg.url('aud', 'store'), ...trust());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^run ${b} purge_runs: purge \\d+ was allowed to delete it, but its purge record does not name it`, 'm'));
    noStack(r.stderr);
  });

  test('bundle bytes no run points at (what purges before migration 5 left) are reported by store audit, and the purger\'s next purge removes them under the server\'s checks', async () => {
    const stray = 'cd'.repeat(32);
    expect(sql(`INSERT INTO blobs (sha256, bytes) VALUES ('${stray}', '\\x7b7d')`).code).toBe(0);
    const audit = await mlp('store', 'audit', '--store', pg.url('aud', 'store'), ...trust());
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(new RegExp(`^run \\(bundle ${stray}\\) blobs: stored bytes that no run or verification points at`, 'm'));
    const p = await mlp('store', 'purge', '--repo', 'nobody/nothing', '--reason', 'clean-up', '--store', pg.url('reaper', 'store'));
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/^purged 0 run\(s\) as reaper at .*, and 1 stored bundle\(s\) no run pointed at any more/m);
    expect(sql(`SELECT count(*) FROM blobs WHERE sha256 = '${stray}'`).stdout.trim()).toBe('0');
    expect(sql('SELECT criteria FROM purges ORDER BY id DESC LIMIT 1').stdout.trim()).toBe(`{"repo":"nobody/nothing","unreferencedBundles":["${stray}"]}`);
  });

  test("the purger in psql cannot delete a second bundle that only a kept run's verification names (migration 7)", () => {
    // As ingest keeps it: a run stored from one document, a second bundle of the same statement verified later.
    const b = sql('SELECT run_id FROM runs ORDER BY run_id LIMIT 1').stdout.trim();
    const second = 'ef'.repeat(32);
    const w = sql(`INSERT INTO blobs (sha256, bytes) VALUES ('${second}', '\\x7b7d'); INSERT INTO verifications (run_id, doc_sha256, identity, verified_at) VALUES ('${b}', '${second}', 'x', now()::text)`);
    expect(w.code, w.stderr).toBe(0);
    const purges = sql('SELECT count(*) FROM purges').stdout.trim();
    const r = sql(
      `BEGIN; SELECT set_config('mlp.purge', 'on', true); INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES (now()::text, current_user, 'by hand', '{}', '[]'); DELETE FROM blobs WHERE sha256 = '${second}'; COMMIT`,
      'reaper',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`DELETE on blobs removes ${second}, which a run or a verification still points at`));
    expect(sql(`SELECT count(*) FROM blobs WHERE sha256 = '${second}'`).stdout.trim()).toBe('1');
    expect(sql('SELECT count(*) FROM purges').stdout.trim()).toBe(purges);
  });

  test('the purger in psql purges by hand inside SAVEPOINTs; a record in a subtransaction rolled back, one committed earlier, or one whose transaction id was forged licenses nothing (migration 8)', () => {
    const c = sql('SELECT run_id FROM runs ORDER BY run_id DESC LIMIT 1').stdout.trim();
    expect(c).toMatch(/^[a-f0-9]{64}$/);
    const no = `(SELECT run_no FROM runs WHERE run_id = '${c}')`;
    // Every bundle the run's rows point at (its document, and any other a verification names).
    const docs = sql(`SELECT doc_sha256 FROM runs WHERE run_id = '${c}' UNION SELECT doc_sha256 FROM verifications WHERE run_id = '${c}'`).stdout.trim().split('\n');
    const deletes = [
      ...CHILD_TABLES.map((t) => `DELETE FROM ${t} WHERE run_no = ${no}`),
      `DELETE FROM verifications WHERE run_id = '${c}'`,
      `DELETE FROM runs WHERE run_id = '${c}'`,
      `DELETE FROM blobs WHERE sha256 IN (${docs.map((d) => `'${d}'`).join(', ')})`,
    ].join('; ');
    const record = (named: string[]) => `INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids) VALUES (now()::text, current_user, 'by hand', '{}', '${JSON.stringify(named)}')`;
    const snapshot = () => ['purges', 'purge_runs', 'runs', 'blobs', 'verifications', ...CHILD_TABLES].map((t) => sql(`SELECT count(*) FROM ${t}`).stdout.trim()).join(' ');
    let before = snapshot();
    const refused = (r: { code: number; stderr: string }, message: RegExp) => {
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(snapshot()).toBe(before);
    };

    // The record written in a subtransaction that is then rolled back is gone with it.
    refused(sql(`BEGIN; SELECT set_config('mlp.purge', 'on', true); SAVEPOINT p; ${record([c])}; ROLLBACK TO SAVEPOINT p; ${deletes}; COMMIT`, 'reaper'), /append-only: DELETE on datasets rejected/);
    // The purger cannot give the record's transaction id; the owner can try, and the trigger writes the true one.
    refused(sql(`INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids, xact) VALUES ('', '', '', '{}', '[]', pg_current_xact_id())`, 'reaper'), /permission denied for table purges/);
    const forged = sql(`BEGIN; INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids, xact) VALUES ('', '', 'forged', '{}', '[]', (pg_current_xact_id()::text::bigint + 1)::text::xid8) RETURNING xact = pg_current_xact_id(); COMMIT`);
    expect(forged.stdout.trim().split('\n')).toContain('t');
    before = snapshot();
    // …so a record committed earlier licenses nothing in the next transaction.
    refused(sql(`BEGIN; SELECT pg_current_xact_id(); SELECT set_config('mlp.purge', 'on', true); ${deletes}; COMMIT`, 'reaper'), /append-only: DELETE on datasets rejected/);
    // A superuser with the triggers off writes a record for the next transaction's id, naming c: the
    // next transaction (the purger's, at once in the same session) finds its id on a row it did not write.
    let next = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = sql(
        `SET session_replication_role = replica; BEGIN; INSERT INTO purges (purged_at, purged_by, reason, criteria, run_ids, xact) VALUES ('', '', 'off the books', '{}', '${JSON.stringify([c])}', (pg_current_xact_id()::text::bigint + 1)::text::xid8); INSERT INTO purge_runs (purge_id, run_id) SELECT max(id), '${c}' FROM purges; SELECT 'forged ' || xact FROM purges WHERE id = (SELECT max(id) FROM purges); COMMIT; SET session_replication_role = origin; SET ROLE reaper; BEGIN; SELECT 'mine ' || pg_current_xact_id(); SELECT set_config('mlp.purge', 'on', true); ${deletes}; COMMIT`,
      );
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/transaction ID \d+ is in the future|append-only: DELETE on datasets rejected/);
      const ids = r.stdout.match(/^(?:forged|mine) \d+$/gm)?.map((l) => l.split(' ')[1]);
      expect(ids?.length).toBe(2);
      if (ids![0] === ids![1]) {
        next = ids![1]!;
        // The record carried the purger's transaction id, and still allowed nothing.
        expect(r.stderr).toMatch(/transaction ID \d+ is in the future/);
        break;
      }
    }
    expect(next, 'no attempt gave the next transaction the forged id').not.toBe('');
    expect(sql(`SELECT count(*) FROM runs WHERE run_id = '${c}'`).stdout.trim()).toBe('1');
    before = snapshot();

    // By hand as store purge does it, the record in a savepoint, the deletes in another: it passes, and c is gone.
    const hand = sql(`BEGIN; SELECT set_config('mlp.purge', 'on', true); SAVEPOINT p; ${record([c])}; RELEASE SAVEPOINT p; SAVEPOINT d; ${deletes}; RELEASE SAVEPOINT d; COMMIT`, 'reaper');
    expect(hand.code, hand.stderr).toBe(0);
    expect(sql(`SELECT count(*) FROM runs WHERE run_id = '${c}'`).stdout.trim()).toBe('0');
    expect(sql(`SELECT count(*) FROM blobs WHERE sha256 IN (${docs.map((d) => `'${d}'`).join(', ')})`).stdout.trim()).toBe('0');
    expect(sql("SELECT reason, run_ids FROM purges WHERE reason = 'by hand' ORDER BY id DESC LIMIT 1").stdout.trim()).toBe(`by hand|${JSON.stringify([c])}`);
    // The record names c and nothing else; what a savepoint rolled back never happened.
    expect(sql(`SELECT count(*) FROM purge_runs pr JOIN purges p ON p.id = pr.purge_id WHERE p.reason = 'by hand' AND pr.run_id = '${c}'`).stdout.trim()).toBe('1');
  });
});
