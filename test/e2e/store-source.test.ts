// `--store` on the read commands (diff, export, report, lineage --attribute/--health and
// diagrams), through dist/cli.js, on the embedded store and on a real PostgreSQL server
// (row-level security applies to these reads too). Each answer is compared with the same
// command run on the bundle files themselves.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';
import { IDENTITY, signRuns, type SignedRun } from './store-helpers.js';

let pg: PgServer;
let sigstore: SigstoreStandin;
let work: string;
let bundles: string;
let sqliteStore: string;
let runs: SignedRun[];
/** run name → run id (statement digest), as `store ingest` printed it. */
const ids = new Map<string, string>();
const id = (name: string) => ids.get(name)!;
const bundleOf = (name: string) => runs.find((r) => r.name === name)!.bundle;
const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline', ...IDENTITY];
const mlp = (...args: string[]) => runCliAsync(args, { cwd: work });
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

beforeAll(async () => {
  pg = await startPostgres();
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-store-source-'));
  bundles = path.join(work, 'bundles');
  sqliteStore = path.join(work, 'store.db');
  runs = await signRuns(sigstore, bundles);
  for (const q of ['CREATE DATABASE store', 'CREATE ROLE alice LOGIN']) {
    const r = pg.psql(q);
    if (r.code !== 0) throw new Error(`${q}: ${r.stderr}`);
  }
  const g = await mlp('store', 'grant', '--store', pg.url('postgres', 'store'), '--user', 'alice', '--as', 'reader', '--repo', 'acme/*');
  if (g.code !== 0) throw new Error(`grant: ${g.stderr}`);
  for (const store of [sqliteStore, pg.url('postgres', 'store')]) {
    for (const r of runs) {
      const ing = await mlp('store', 'ingest', r.bundle, '--store', store, ...trust(), '--format', 'json');
      if (ing.code !== 0) throw new Error(`ingest: ${ing.stderr}`);
      const stored = JSON.parse(ing.stdout) as { stored: { runId: string }[]; existing: { runId: string }[] };
      ids.set(r.name, (stored.stored[0] ?? stored.existing[0])!.runId);
    }
  }
}, 240_000);

afterAll(async () => {
  await sigstore?.close();
  await pg?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const stores = () => [
  ['node:sqlite', sqliteStore],
  ['PostgreSQL', pg.url('postgres', 'store')],
] as const;

describe.each([0, 1])('the read commands on the store (%#: 0 node:sqlite, 1 PostgreSQL)', (which) => {
  const store = () => stores()[which]![1];

  test('diff by run id (or an 8-digit prefix) prints what diff of the two bundle files prints', async () => {
    for (const format of ['markdown', 'text', 'json']) {
      const files = await mlp('diff', bundleOf('train'), bundleOf('again'), '--format', format);
      const stored = await mlp('diff', '--store', store(), id('train'), `sha256:${id('again')}`, '--format', format);
      expect(files.code, files.stderr).toBe(0);
      expect(stored.code, stored.stderr).toBe(0);
      expect(stored.stdout).toBe(files.stdout);
    }
    const prefix = await mlp('diff', '--store', store(), id('train').slice(0, 8), id('again').slice(0, 8), '--format', 'json');
    expect(prefix.stdout).toBe((await mlp('diff', bundleOf('train'), bundleOf('again'), '--format', 'json')).stdout);
  });

  test('diff --policy: metric directions and tolerance from the policy, as the action applies them, on the store as on files', async () => {
    const policy = path.join(work, 'directions.yml');
    await writeFile(policy, 'version: 1\nextends: standard\nrules:\n  metrics:\n    directions:\n      accuracy: { better: higher, tolerance: 0.5 }\n');
    const guessed = await mlp('diff', '--store', store(), id('train'), id('again'));
    expect(guessed.code, guessed.stderr).toBe(0);
    expect(guessed.stdout).toMatch(/accuracy \(test\).*\*\*regression\*\*/);
    const files = await mlp('diff', bundleOf('train'), bundleOf('again'), '--policy', policy);
    const stored = await mlp('diff', '--store', store(), id('train'), id('again'), '--policy', policy);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toBe(files.stdout);
    expect(stored.stdout).toMatch(/accuracy \(test\).*worse, within tolerance/);
    expect(stored.stdout).not.toMatch(/regression/);
    const missing = await mlp('diff', '--store', store(), id('train'), id('again'), '--policy', path.join(work, 'nope.yml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: policy ".*nope\.yml" is neither a built-in policy nor an existing file — /m);
    noStack(missing.stderr);
  });

  test('export of a stored run is byte for byte the export of its bundle', async () => {
    for (const format of ['cyclonedx', 'spdx', 'openlineage', 'prov', 'slsa']) {
      const files = await mlp('export', bundleOf('prep'), '--format', format, ...trust());
      expect(files.code, files.stderr).toBe(0);
      const stored = await mlp('export', '--store', store(), id('prep'), '--format', format, ...trust());
      expect(stored.code, stored.stderr).toBe(0);
      expect(stored.stdout).toBe(files.stdout);
    }
  });

  test('lineage diagrams, --attribute and --health run on the stored runs as on the files', async () => {
    // The store lists runs oldest first; the files are given in that order too (a graph keeps its input order).
    const allFiles = ['prep', 'train', 'secret', 'again'].map(bundleOf);
    for (const format of ['mermaid', 'dot']) {
      const files = await mlp('lineage', ...allFiles, '--format', format, ...trust());
      const stored = await mlp('lineage', '--store', store(), '--format', format);
      expect(stored.code, stored.stderr).toBe(0);
      expect(stored.stdout).toBe(files.stdout);
    }
    const attrFiles = await mlp('lineage', ...allFiles, '--attribute', 'accuracy', '--format', 'json', ...trust());
    const attrStore = await mlp('lineage', '--store', store(), '--attribute', 'accuracy', '--format', 'json');
    expect(attrStore.code, attrStore.stderr).toBe(0);
    expect(JSON.parse(attrStore.stdout)).toEqual(JSON.parse(attrFiles.stdout));
    const health = await mlp('lineage', '--store', store(), '--health', '--format', 'json', '--runs', 'acme/*');
    expect(health.code, health.stderr).toBe(0);
    const h = JSON.stringify(JSON.parse(health.stdout));
    expect(h).toContain('acme/train');
    expect(h).not.toContain('other/secret');
  });

  test('report from the store: every selected run, each bundle verified again', async () => {
    const out = path.join(work, `report-${which}.html`);
    const r = await mlp('report', '--store', store(), '--runs', 'acme/*', '--out', out, ...trust());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 record\(s\), 0 failed verification/);
    const html = await readFile(out, 'utf8');
    for (const n of ['prep', 'train', 'again']) expect(html).toContain(id(n));
    expect(html).not.toContain(id('secret'));
  });

  test('replay --check of a stored run: the stored bundle is verified again and checked like the file', async () => {
    const files = await mlp('replay', bundleOf('prep'), '--check', '--format', 'json', '--workdir', work, ...trust());
    const stored = await mlp('replay', '--store', store(), id('prep'), '--check', '--format', 'json', '--workdir', work, ...trust());
    expect(stored.code).toBe(files.code);
    expect(JSON.parse(stored.stdout)).toEqual(JSON.parse(files.stdout));
    const wrongSigner = await mlp('replay', '--store', store(), id('prep'), '--check', '--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--repo', 'someone/else');
    expect(wrongSigner.code).toBe(1);
    expect(wrongSigner.stderr).toMatch(/does not verify/);
  });

  test('bad run references: a clear error, exit 2, no stack trace', async () => {
    const unknown = await mlp('diff', '--store', store(), 'deadbeefdeadbeef', id('train'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: no run deadbeefdeadbeef in .* — .*store ingest/m);
    const file = await mlp('export', '--store', store(), bundleOf('prep'), '--format', 'slsa');
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^error: export --store takes run ids, not files/m);
    const short = await mlp('diff', '--store', store(), 'abc', id('train'));
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^error: diff --store takes run ids, not files \(1 argument\(s\) are not run ids\)/m);
    for (const r of [unknown, file, short]) noStack(r.stderr);
  });
});

describe('what the store says about verification and access', () => {
  test('a run stored with --no-verify is left out of store-based answers unless --no-verify is given, and said so', async () => {
    const other = path.join(work, 'mixed.db');
    for (const n of ['prep', 'train', 'again']) await mlp('store', 'ingest', bundleOf(n), '--store', other, ...trust());
    const bare = await mlp('store', 'ingest', path.join(bundles, 'secret.intoto.json'), '--no-verify', '--store', other, '--format', 'json');
    expect(bare.code, bare.stderr).toBe(0);
    const bareId = (JSON.parse(bare.stdout) as { stored: { runId: string }[] }).stored[0]!.runId;
    const strict = await mlp('lineage', '--store', other, '--health', '--format', 'json');
    expect(strict.code, strict.stderr).toBe(0);
    expect(strict.stderr).toMatch(/1 run\(s\) in the store were not verified at ingest and are left out; pass --no-verify/);
    expect(strict.stdout).not.toContain('other/secret');
    const loose = await mlp('lineage', '--store', other, '--health', '--format', 'json', '--no-verify');
    expect(loose.stderr).toMatch(/1 run\(s\) in the store were not verified at ingest .*included because of --no-verify/);
    expect(loose.stdout).toContain('other/secret');
    const exp = await mlp('export', '--store', other, bareId, '--format', 'slsa', '--no-verify');
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stderr).toMatch(/warning: run sha256:[0-9a-f]{64} was not verified when it was stored/);
  });

  test('PostgreSQL row-level security holds: a reader of acme/* cannot read another repository’s run by id', async () => {
    const asAlice = pg.url('alice', 'store');
    const own = await mlp('export', '--store', asAlice, id('train'), '--format', 'slsa', ...trust());
    expect(own.code, own.stderr).toBe(0);
    const hidden = await mlp('diff', '--store', asAlice, id('train'), id('secret'));
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toMatch(/no run [0-9a-f]{64} in /);
    const report = await mlp('report', '--store', asAlice, '--out', path.join(work, 'alice.html'), ...trust());
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/3 record\(s\)/);
  });

  test('--runs/--since/--until without --store is a usage error', async () => {
    const r = await mlp('report', bundles, '--runs', 'acme/*', '--out', path.join(work, 'x.html'), ...trust());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --runs, --since and --until select runs in the store — add --store/m);
  });
});
