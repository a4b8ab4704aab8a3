// A user's test of `lineage` answers as they read them (dist/cli.js, real git, records built
// outside GitHub Actions as the demo's are), over the files and from the store on node:sqlite
// and a real PostgreSQL server:
// - `--attribute` printed `dataset pts: 4becb4afc4bbb0706eb8df24e32b8924925…` for every change
//   (the "to" side cut off, two different rows alike, no versions) and deltas as `+  0.04005`;
// - an empty answer blamed the metric (`mentions metric mse — check the spelling`) when the
//   split or the epoch matched nothing, and a dataset version that does not exist was a spelling
//   question too, with nothing listed;
// - `diff --store` pointed to `lineage --store … --runs OWNER/*`, which lists no run built
//   outside GitHub Actions (their record names no repository).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPostgres, type PgServer } from '../helpers/postgres.js';
import { runCliAsync } from './sign-verify-helpers.js';

let dir: string;
let pg: PgServer;
const mlp = (...args: string[]) => runCliAsync(args, { cwd: dir });
async function ok(...args: string[]): Promise<string> {
  const r = await mlp(...args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const stores = () => ({ sqlite: path.join(dir, 'store.db'), postgres: pg.url('postgres', 'store') });

// One run per dataset version, each with other bytes; v1 → v4 moves mse by 0.04005.
const RUNS = [
  { version: 'v1', rows: 10, mse: '0.01' },
  { version: 'v2', rows: 20, mse: '0.02' },
  { version: 'v3', rows: 30, mse: '0.03' },
  { version: 'v4', rows: 40, mse: '0.05005' },
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-answers-'));
  await mkdir(path.join(dir, 'data'));
  await mkdir(path.join(dir, 'recs'));
  await writeFile(path.join(dir, 'm.bin'), 'x\n');
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  for (const [i, r] of RUNS.entries()) {
    await rm(path.join(dir, '.ml-provenance'), { recursive: true, force: true });
    await writeFile(path.join(dir, 'data/d.csv'), Array.from({ length: r.rows }, (_, k) => `${k + 1}\n`).join(''));
    await ok('record', 'dataset', '--id', 'pts', '--path', 'data/d.csv', '--version', r.version);
    await ok('record', 'metric', '--name', 'mse', '--value', r.mse, '--split', 'test', '--epoch', '5');
    await ok('build', '--no-detect-image', '--subject', 'm.bin', '--out', `recs/run${i + 1}.intoto.json`);
  }
  pg = await startPostgres();
  const c = pg.psql('CREATE DATABASE store');
  if (c.code !== 0) throw new Error(c.stderr);
  for (const store of Object.values(stores())) await ok('store', 'ingest', 'recs', '--no-verify', '--store', store);
}, 180_000);
afterAll(async () => {
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The table's rows (kind, change, four figures), by the header's column ends. */
function tableRows(text: string): { line: string; cells: string[] }[] {
  const lines = text.split('\n');
  const head = lines.findIndex((l) => /^kind\s+change\s+pairs\s+mean Δ\s+min Δ\s+max Δ$/.test(l));
  expect(head, text).toBeGreaterThanOrEqual(0);
  const out: { line: string; cells: string[] }[] = [];
  for (const line of lines.slice(head + 2)) {
    if (line === '') break;
    out.push({ line, cells: line.split(/ {2,}/) });
  }
  return out;
}

describe('lineage --attribute as text', () => {
  test('each change names both sides by version, figures line up, within 100 columns; JSON keeps the digests', async () => {
    const text = await ok('lineage', 'recs', '--no-verify', '--quiet', '--attribute', 'mse', '--split', 'test');
    const rows = tableRows(text);
    const changes = rows.map((r) => r.cells[1]);
    // Every pair of versions once, lower version first; no two rows read alike.
    expect(changes.sort()).toEqual(['pts v1 → v2', 'pts v1 → v3', 'pts v1 → v4', 'pts v2 → v3', 'pts v2 → v4', 'pts v3 → v4']);
    for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(100);
    // Right-aligned figures: every row ends where the header does, each number whole (no `+  0.04`).
    const width = text.split('\n').find((l) => l.startsWith('kind'))!.length;
    for (const r of rows) {
      expect(r.line.length, r.line).toBe(width);
      for (const n of r.cells.slice(3)) expect(n).toMatch(/^[+-]?\d+\.\d{5}$/);
    }
    expect(rows.find((r) => r.cells[1] === 'pts v1 → v4')!.cells.slice(2)).toEqual(['1', '+0.04005', '+0.04005', '+0.04005']);

    const json = JSON.parse(await ok('lineage', 'recs', '--no-verify', '--quiet', '--attribute', 'mse', '--split', 'test', '--format', 'json'));
    const e = json.effects.find((x: { fromVersion?: string; toVersion?: string }) => x.fromVersion === 'v1' && x.toVersion === 'v4');
    expect(e).toMatchObject({ kind: 'dataset', factor: 'dataset pts', pairs: 1 });
    expect(e.from).toMatch(/^[0-9a-f]{64}$/);
    expect(e.to).toMatch(/^[0-9a-f]{64}$/);
    expect(e.meanDelta).toBeCloseTo(0.04005);
    // The same answer from the store's documents.
    const fromStore = JSON.parse(await ok('lineage', '--store', stores().sqlite, '--runs', '*', '--no-verify', '--attribute', 'mse', '--split', 'test', '--format', 'json'));
    expect(fromStore.effects).toEqual(json.effects);
  });
});

// [question, what the error must name, values it must list]
const NO_MATCH: [string[], RegExp, RegExp][] = [
  [['--metric', 'mse', '--split', 'tset'], /metric mse has no split tset /, /its splits: test;/],
  [['--metric', 'mse', '--split', 'test', '--epoch', '7'], /metric mse \(split test\) has no epoch 7 /, /its epochs: 5;/],
  [['--metric', 'msee'], /no metric msee /, /metrics recorded: mse;/],
  [['--dataset', 'pts@v9'], /dataset pts has no version v9 /, /its versions: v4, v3, v2, v1;.*--dataset pts@VERSION/],
  [['--dataset', 'ptz'], /no dataset ptz /, /datasets recorded: pts;/],
];

describe('an empty answer names the part that matched nothing and what exists', () => {
  test('over the files', async () => {
    for (const [q, what, listed] of NO_MATCH) {
      const r = await mlp('lineage', 'recs', '--no-verify', '--quiet', ...q);
      expect(r.code, q.join(' ')).toBe(1);
      const line = r.stderr.trim();
      expect(line, q.join(' ')).toMatch(/^error: .+ among the 4 record\(s\) given — .+$/);
      expect(line, q.join(' ')).toMatch(what);
      expect(line, q.join(' ')).toMatch(listed);
      if (q[0] === '--metric' && q[1] === 'mse') expect(line).not.toMatch(/check the spelling/);
    }
  });

  test.each(['sqlite', 'postgres'] as const)('from the store (%s)', async (engine) => {
    const store = stores()[engine];
    for (const [q, what, listed] of NO_MATCH) {
      const r = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', ...q);
      expect(r.code, q.join(' ')).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual({ answers: [] });
      const line = r.stderr.trim();
      expect(line, q.join(' ')).toMatch(/^error: .+ in .+ — .+$/);
      expect(line, q.join(' ')).toMatch(what);
      expect(line, q.join(' ')).toMatch(listed);
    }
    // These runs name no repository: an OWNER/REPO finds none, and the error says what does.
    const repo = await mlp('lineage', '--store', store, '--no-verify', '--runs', 'acme/train');
    expect(repo.code).toBe(1);
    expect(repo.stderr).toMatch(/no run of repository acme\/train .*— 4 run\(s\) name no repository .*pass '\*' for every run/);
    const late = await mlp('lineage', '--store', store, '--no-verify', '--runs', '*', '--since', '2999-01-01');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/finished within --since\/--until — the 4 stored run\(s\) finished between \S+ and \S+/);
  });
});

describe('diff --store: the hint lists every stored run', () => {
  test.each(['sqlite', 'postgres'] as const)('%s: the command in the hint lists the runs built outside GitHub Actions, and their ids diff', async (engine) => {
    const store = stores()[engine];
    const refused = await mlp('diff', '--store', store, 'recs/run1.intoto.json', 'recs/run2.intoto.json');
    expect(refused.code).toBe(2);
    const hint = /`ml-provenance (lineage --store \S+ --runs '\*')` lists every stored run/.exec(refused.stderr);
    expect(hint, refused.stderr).not.toBeNull();
    // Run the hint as a user pastes it (the shell removes the quotes).
    const listed = await ok(...hint![1]!.replace(/'/g, '').split(' '), '--no-verify');
    const ids = [...listed.matchAll(/^run ([0-9a-f]{16}) /gm)].map((m) => m[1]!);
    expect(ids).toHaveLength(4);
    const json = JSON.parse(await ok('lineage', '--store', store, '--runs', '*', '--no-verify', '--format', 'json'));
    expect(json.answers.map((a: { run: { repository: string } }) => a.run.repository)).toEqual(['', '', '', '']);
    const diff = await mlp('diff', '--store', store, ids[0]!, ids[3]!, '--format', 'text');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toMatch(/pts/);
    // A run id the store does not hold: the same hint.
    const unknown = await mlp('diff', '--store', store, '0123456789abcdef', ids[0]!);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/lineage --store \S+ --runs '\*'/);
  });
});
