// The embedded store (node:sqlite) through dist/cli.js, with signed bundles from the
// local Sigstore stand-in. The file is inspected and tampered with by Python's sqlite3
// module: a client this project did not write.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf } from '../standins/sigstore/oidc.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';
import type { GitHubStandin } from '../standins/github.js';
import { IDENTITY, signRuns, type SignedRun } from './store-helpers.js';

let sigstore: SigstoreStandin;
let work: string;
let bundles: string;
let db: string;
let runs: SignedRun[];
const byName = (n: string) => runs.find((r) => r.name === n)!;
const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline', ...IDENTITY];
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
/** Run SQL on the store file with Python's sqlite3. */
const py = (sqlText: string) =>
  spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\ntry:\n  r=c.execute(sys.argv[2]).fetchall(); c.commit(); print(r)\nexcept Exception as e:\n  print("ERR", e); sys.exit(3)', db, sqlText], { encoding: 'utf8' });

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-sqlite-'));
  bundles = path.join(work, 'bundles');
  db = path.join(work, '.ml-provenance', 'store.db');
  runs = await signRuns(sigstore, bundles);
}, 120_000);
afterAll(async () => {
  await sigstore?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('embedded store', () => {
  test('a bundle that does not verify is refused and nothing is written', async () => {
    const r = await mlp('store', 'ingest', byName('prep').bundle, '--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--repo', 'someone/else');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*prep\.sigstore\.json does not verify: .* — .*--no-verify/m);
    expect(py('SELECT count(*) FROM runs').stdout.trim()).toBe('[(0,)]');
  });

  test('concurrent ingest of overlapping folders from several processes stores each run once (they wait for the write lock)', async () => {
    const { makeStatement } = await import('../fixtures/statements.js');
    const { mkdir, writeFile } = await import('node:fs/promises');
    // Three folders of 2,000 statements, each overlapping the next by half: each process writes one transaction of 2,000 while the others wait.
    const dirs = [0, 1, 2].map((k) => path.join(work, `conc-${k}`));
    for (const [k, dir] of dirs.entries()) {
      await mkdir(dir, { recursive: true });
      for (let i = k * 1000; i < k * 1000 + 2000; i++) await writeFile(path.join(dir, `run-${i}.intoto.json`), JSON.stringify(makeStatement({ run: `conc-${i}` })));
    }
    const store = path.join(work, 'concurrent.db');
    const results = await Promise.all([...dirs, dirs[1]!].map((dir) => mlp('store', 'ingest', dir, '--no-verify', '--store', store, '--format', 'json')));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const stored = results.flatMap((r) => (JSON.parse(r.stdout) as { stored: { runId: string }[] }).stored.map((x) => x.runId));
    expect(stored).toHaveLength(4000);
    expect(new Set(stored).size).toBe(4000);
    const n = spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nprint([c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("runs","blobs","metrics")])', store], { encoding: 'utf8' });
    const [runsN, blobsN, metricsN] = JSON.parse(n.stdout) as number[];
    expect([runsN, blobsN]).toEqual([4000, 4000]);
    expect(metricsN).toBeGreaterThan(0);
  }, 180_000);

  test('ingest at the default path, owner-only file, re-ingest a no-op', async () => {
    const r = await mlp('store', 'ingest', bundles, ...trust());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    expect(r.stderr).toMatch(/4 new run\(s\), 0 already in \.ml-provenance\/store\.db/);
    expect((await stat(db)).mode & 0o777).toBe(0o600);
    const again = await mlp('store', 'ingest', bundles, ...trust());
    expect(again.stderr).toMatch(/0 new run\(s\), 4 already in/);
    expect(py('SELECT count(*) FROM runs').stdout.trim()).toBe('[(4,)]');
  });

  test('--no-verify runs are marked NOT VERIFIED in answers', async () => {
    const other = path.join(work, 'other.db');
    const r = await mlp('store', 'ingest', path.join(bundles, 'secret.intoto.json'), '--no-verify', '--store', other);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^stored [a-f0-9]{64} NOT VERIFIED /);
    const a = await mlp('lineage', '--store', other, '--runs', 'other/secret');
    expect(a.stdout).toMatch(/NOT VERIFIED other\/secret/);
    // A bare statement without --no-verify cannot be verified.
    const refused = await mlp('store', 'ingest', path.join(bundles, 'secret.intoto.json'), '--store', other, ...trust());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/unsigned statement/);
  });

  test('answers match the file-based lineage on the same bundles', async () => {
    const fromStore = await mlp('lineage', '--store', db, '--dataset', 'raw@1', '--format', 'json');
    const fromFiles = await mlp('lineage', ...runs.map((r) => r.bundle), '--dataset', 'raw@1', '--format', 'json', ...trust());
    expect(fromFiles.code, fromFiles.stderr).toBe(0);
    const storeModels = (JSON.parse(fromStore.stdout) as { answers: { models: { sha256: string }[] }[] }).answers.flatMap((a) => a.models.map((m) => m.sha256)).sort();
    const fileModels = [...new Set((JSON.parse(fromFiles.stdout) as { answers: { models: { sha256: string }[] }[] }).answers.flatMap((a) => a.models.map((m) => m.sha256)))].sort();
    expect(storeModels).toEqual(fileModels);
    expect(storeModels).toContain(byName('train').model);
  });

  test('triggers reject changes; a row changed behind them is caught by store audit', async () => {
    const upd = py("UPDATE metrics SET value = 0 WHERE name = 'accuracy'");
    expect(upd.status).toBe(3);
    expect(upd.stdout).toMatch(/append-only: UPDATE on metrics rejected/);
    expect(py('DELETE FROM runs').stdout).toMatch(/append-only: DELETE on runs rejected/);
    const clean = await mlp('store', 'audit', ...trust());
    expect(clean.code, clean.stderr).toBe(0);
    // Whoever holds the file can drop a trigger: the audit is what catches it.
    expect(py("DROP TRIGGER models_no_update").status).toBe(0);
    expect(py(`UPDATE models SET sha256 = '${'0'.repeat(64)}' WHERE sha256 = '${byName('again').model}'`).status).toBe(0);
    const r = await mlp('store', 'audit', ...trust(), '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ runs: 4, verified: 4, problems: [{ where: 'models', detail: expect.stringMatching(/1 row\(s\) differ/) }] });
  });

  test('purge writes the purge record', async () => {
    const r = await mlp('store', 'purge', '--before', '2025-03-02', '--reason', 'retention 1y');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^purged 1 run\(s\)/);
    expect(py('SELECT reason, criteria FROM purges').stdout).toContain("('retention 1y', '{\"before\":\"2025-03-02\"}')");
    expect(py('DELETE FROM purges').stdout).toMatch(/append-only/);
    const bad = await mlp('store', 'purge', '--reason', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: store purge needs --before DATE or --repo/m);
  });

  test('rows inserted directly under the next run number stop an ingest with an error pointing at store audit', async () => {
    const { makeStatement } = await import('../fixtures/statements.js');
    const { mkdir, writeFile } = await import('node:fs/promises');
    const dir = path.join(work, 'orphan-rows');
    await mkdir(dir, { recursive: true });
    for (const i of [1, 2]) await writeFile(path.join(dir, `run-${i}.intoto.json`), JSON.stringify(makeStatement({ run: `orphan-${i}` })));
    const store = path.join(work, 'orphan-rows.db');
    const first = await mlp('store', 'ingest', path.join(dir, 'run-1.intoto.json'), '--no-verify', '--store', store);
    expect(first.code, first.stderr).toBe(0);
    // Someone with the file adds a metric row for a run number no run has (the next one an ingest gives).
    const added = spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.execute("INSERT INTO metrics (run_no, ord, name, value, final) SELECT MAX(run_no) + 1, 0, \'loss\', 0.1, 1 FROM runs")\nc.commit()', store], { encoding: 'utf8' });
    expect(added.status, added.stderr).toBe(0);
    const r = await mlp('store', 'ingest', path.join(dir, 'run-2.intoto.json'), '--no-verify', '--store', store);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: ingesting on .*orphan-rows\.db failed: the store already holds metrics rows under the run number a new run was given, rows that no run owns \(written to the database directly\) — `store audit` lists them/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const audit = await mlp('store', 'audit', '--store', store, '--repo', 'acme/train', '--format', 'json');
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout)).toMatchObject({ runs: 1, problems: [{ where: 'metrics', detail: 'rows for a run that is not in the store' }] });
  });
});

describe('store sync (GitHub REST stand-in)', () => {
  /** A GitHub REST stand-in with a token, and `store sync` into a store file of its own; closed after `fn`. */
  async function withGitHub(dbName: string, fn: (gh: GitHubStandin, sync: (...a: string[]) => ReturnType<typeof runCliAsync>) => Promise<void>): Promise<void> {
    const { fakeGitHubToken, startGitHubStandin } = await import('../standins/github.js');
    const token = fakeGitHubToken();
    const gh = await startGitHubStandin({ token });
    const env = { GITHUB_TOKEN: token, GITHUB_API_URL: gh.apiUrl };
    const db = path.join(work, dbName);
    try {
      await fn(gh, (...a) => runCliAsync(['store', 'sync', '--store', db, ...trust(), ...a], { cwd: work, env }));
    } finally {
      await gh.close();
    }
  }
  test('--from-releases stores the new bundles, incrementally; --from-attestations by subject digest', async () => {
    const { readFile } = await import('node:fs/promises');
    await withGitHub('sync.db', async (gh, sync) => {
      const syncDb = path.join(work, 'sync.db');
      gh.addRelease({ tag: 'v1', assets: [{ name: 'provenance.sigstore.json', data: await readFile(byName('prep').bundle) }, { name: 'notes.json', data: '{}' }] });
      gh.addRelease({ tag: 'v2', assets: [{ name: 'provenance.sigstore.json', data: await readFile(byName('train').bundle) }] });
      const first = await sync('--from-releases', 'acme/train');
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/2 new run\(s\), 0 already/);
      gh.addRelease({ tag: 'v3', assets: [{ name: 'provenance.sigstore.json', data: await readFile(byName('again').bundle) }] });
      const before = gh.received('assets.download').length;
      const second = await sync('--from-releases', 'acme/train');
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/1 new run\(s\), 0 already/);
      // Only the new asset was downloaded.
      expect(gh.received('assets.download').length - before).toBe(1);
      gh.attestations.push({ id: 1, repo: 'other/secret', bundle: JSON.parse(await readFile(byName('secret').bundle, 'utf8')) });
      const att = await sync('--from-attestations', 'other/secret', '--subject-digest', `sha256:${byName('secret').model}`);
      expect(att.code, att.stderr).toBe(0);
      expect(att.stderr).toMatch(/1 new run\(s\)/);
      const none = await runCliAsync(['store', 'sync', '--store', syncDb, '--from-releases', 'acme/train', ...trust()], { cwd: work, env: { GITHUB_API_URL: gh.apiUrl } });
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/^error: store sync reads GitHub and needs a token — set GITHUB_TOKEN/m);
    });
  });

  test('--org: every repository of an organisation (150, two pages), incrementally; one unreadable repository is a warning; a user account too', async () => {
    const { readFile } = await import('node:fs/promises');
    await withGitHub('org.db', async (gh, sync) => {
      gh.owners.set('acme', Array.from({ length: 150 }, (_, i) => `acme/repo-${String(i).padStart(3, '0')}`));
      // The stand-in serves the same releases for every repository: each bundle is one run, stored once.
      gh.addRelease({ tag: 'v1', assets: [{ name: 'provenance.sigstore.json', data: await readFile(byName('prep').bundle) }] });
      gh.fault({ route: 'release.list', status: 404, times: 1 });
      const first = await sync('--org', 'acme');
      expect(first.code, first.stderr).toBe(0);
      expect(gh.received('repos.listForOrg')).toHaveLength(2);
      expect(new Set(gh.received('release.list').map((r) => r.path)).size).toBe(150);
      expect(first.stderr).toMatch(/^warning: reading the releases of acme\/repo-000: not found \(or the token cannot read it\); skipped$/m);
      expect(first.stderr).toMatch(/^warning: 1 repository of acme could not be read \(see above\); the others were synced$/m);
      // The stand-in's one release stands in every repository: one run, found 149 times.
      expect(first.stderr).toMatch(/1 new run\(s\), 148 already/);
      const downloads = gh.received('assets.download').length;
      expect(downloads).toBe(149);
      const second = await sync('--org', 'acme');
      expect(second.code, second.stderr).toBe(0);
      // Incremental: the 149 repositories read before download nothing; the one that failed is read now.
      expect(gh.received('assets.download').length - downloads).toBe(1);
      expect(second.stderr).toMatch(/0 new run\(s\), 1 already/);
      // A user account: the organisations endpoint answers 404, the users endpoint lists it.
      gh.owners.set('user:solo', ['solo/one']);
      const user = await sync('--org', 'solo');
      expect(user.code, user.stderr).toBe(0);
      expect(gh.received('repos.listForUser')).toHaveLength(1);
      // A named repository that cannot be read still stops the sync.
      gh.fault({ route: 'release.list', status: 404, times: 1 });
      const named = await sync('--from-releases', 'acme/gone');
      expect(named.code).toBe(2);
      expect(named.stderr).toMatch(/^error: reading the releases of acme\/gone: not found/m);
    });
  });

  test('--from-artifacts: the action\'s artifacts (re-run attempts too) are downloaded once each; other artifacts never; expired ones are said', async () => {
    const { readFile } = await import('node:fs/promises');
    const { zipSync, strToU8 } = await import('fflate');
    await withGitHub('artifacts.db', async (gh, sync) => {
      const zip = (files: Record<string, Buffer | string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : new Uint8Array(v)]))));
      const run = { path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'success' as const };
      gh.addRun({ id: 71, ...run }, [
        { id: 9001, name: 'ml-provenance', zip: zip({ 'provenance.sigstore.json': await readFile(byName('train').bundle), 'provenance.intoto.json': '{}' }) },
        { id: 9002, name: 'model-weights', zip: zip({ 'weights.bin': 'x'.repeat(1000) }) },
      ]);
      gh.addRun({ id: 72, ...run }, [
        { id: 9003, name: 'ml-provenance-attempt-2', zip: zip({ 'provenance.sigstore.json': await readFile(byName('again').bundle) }) },
        { id: 9004, name: 'ml-provenance', expired: true },
        { id: 9005, name: 'ml-provenance-attempt-x', zip: zip({ 'provenance.sigstore.json': await readFile(byName('prep').bundle) }) },
      ]);
      const first = await sync('--from-artifacts', 'acme/train');
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/2 new run\(s\), 0 already/);
      expect(first.stderr).toMatch(/acme\/train: 1 provenance artifact\(s\) had expired/);
      expect(gh.received('artifacts.zip').map((r) => r.path).sort()).toEqual(['/repos/acme/train/actions/artifacts/9001/zip', '/repos/acme/train/actions/artifacts/9003/zip']);
      const second = await sync('--from-artifacts', 'acme/train');
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/0 new run\(s\), 0 already/);
      expect(gh.received('artifacts.zip')).toHaveLength(2);
      const named = await sync('--from-artifacts', 'acme/train', '--artifact-name', 'model-weights');
      expect(named.code, named.stderr).toBe(0);
      expect(named.stderr).toMatch(/0 new run\(s\)/);
    });
  });
});

describe('embedded store: bundle bytes are kept exactly while something points at them', () => {
  /** SQL on another store file, with Python's sqlite3. */
  const pyAt = (file: string, sqlText: string) =>
    spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nr=c.execute(sys.argv[2]).fetchall(); c.commit(); print(r)', file, sqlText], { encoding: 'utf8' });
  const count = (file: string, table: string) => pyAt(file, `SELECT count(*) FROM ${table}`).stdout.trim();
  let second: string;

  beforeAll(async () => {
    // The same statement signed a second time (a re-run of the signing step): same run id, another bundle.
    second = path.join(work, 'prep-again.sigstore.json');
    const signed = await runCliAsync([
      'sign', path.join(bundles, 'prep.intoto.json'), '--out', second,
      '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!,
      '--identity-token', sigstore.mintToken(claimsOf(JSON.parse(await readFile(path.join(bundles, 'prep.intoto.json'), 'utf8')))),
    ]);
    expect(signed.code, signed.stderr).toBe(0);
  }, 60_000);

  test('a purge removes every bundle of the statements it purges (a second, verified bundle too)', async () => {
    const store = path.join(work, 'two-bundles.db');
    for (const b of [byName('prep').bundle, second]) {
      const r = await mlp('store', 'ingest', b, '--store', store, ...trust());
      expect(r.code, r.stderr).toBe(0);
    }
    expect([count(store, 'runs'), count(store, 'blobs'), count(store, 'verifications')]).toEqual(['[(1,)]', '[(2,)]', '[(2,)]']);
    const p = await mlp('store', 'purge', '--repo', byName('prep').repo, '--reason', 'retention', '--store', store);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/^purged 1 run\(s\) as .* at [^,]*$/m);
    // Both bundles' bytes are gone (the second one, named only by a verification row, used to stay).
    expect([count(store, 'runs'), count(store, 'blobs'), count(store, 'verifications')]).toEqual(['[(0,)]', '[(0,)]', '[(0,)]']);
  });

  test('an unverified second bundle of a stored statement is not kept (nothing would point at it)', async () => {
    const store = path.join(work, 'unverified-second.db');
    expect((await mlp('store', 'ingest', byName('prep').bundle, '--store', store, ...trust())).code).toBe(0);
    const again = await mlp('store', 'ingest', second, '--store', store, '--no-verify');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/0 new run\(s\), 1 already/);
    expect(count(store, 'blobs')).toBe('[(1,)]');
    const audit = await mlp('store', 'audit', '--store', store, ...trust());
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });

  test('bytes nothing points at are reported by store audit, and the next purge removes them and names them in its record', async () => {
    const store = path.join(work, 'stray.db');
    expect((await mlp('store', 'ingest', bundles, '--store', store, ...trust())).code).toBe(0);
    // What a purge before these fixes left behind (or a row inserted directly): the triggers allow INSERT.
    const stray = 'ab'.repeat(32);
    expect(pyAt(store, `INSERT INTO blobs (sha256, bytes) VALUES ('${stray}', x'7b7d')`).status).toBe(0);
    const audit = await mlp('store', 'audit', '--store', store, ...trust(), '--format', 'json');
    expect(audit.code).toBe(1);
    expect(audit.stderr).toMatch(/^error: the store audit found 1 problem\(s\) — no run is affected: .* the next store purge removes them/m);
    expect(JSON.parse(audit.stdout)).toMatchObject({ runs: 4, problems: [{ runId: `(bundle ${stray})`, where: 'blobs', detail: expect.stringMatching(/no run or verification points at .* the next store purge removes them/) }] });
    // A purge whose criteria match no run still clears them, and its record says so.
    const p = await mlp('store', 'purge', '--repo', 'nobody/nothing', '--reason', 'clean-up', '--store', store);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/^purged 0 run\(s\) as .*, and 1 stored bundle\(s\) no run pointed at any more/m);
    expect(pyAt(store, 'SELECT criteria, run_ids FROM purges').stdout.trim()).toBe(`[('{"repo":"nobody/nothing","unreferencedBundles":["${stray}"]}', '[]')]`);
    expect(count(store, 'blobs')).toBe('[(4,)]');
    const clean = await mlp('store', 'audit', '--store', store, ...trust());
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  });
});
