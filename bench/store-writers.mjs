#!/usr/bin/env node
// Concurrent bulk writers into one SQLite store: `node bench/store-writers.mjs [--writers K]
// [--runs N] [--reps R] [--cli PATH]`. K real `dist/cli.js store ingest DIR --no-verify`
// processes, each with its own folder of N generated statements (30 metrics, 1-5 models a run,
// like bench/store.mjs), all into one store file, started together. The store's `-wal` is
// sampled every 50 ms from this process (stat only: no SQLite connection that could hold the
// WAL). Printed: wall time, records/s over all writers, the WAL's peak size and the size of
// the store; then Python's sqlite3 checks `PRAGMA integrity_check` and the run count.
// `--cli` compares another build (e.g. a copy of dist/ from before a change) on the same files;
// `--reps` repeats the measurement on a fresh store each time (interleave builds by hand).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleBenchLib, root } from './bundle.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const K = Number(opt('--writers', 3));
const N = Number(opt('--runs', 30_000));
const REPS = Number(opt('--reps', 1));
const clis = argv.flatMap((a, i) => (a === '--cli' ? [path.resolve(argv[i + 1])] : []));
if (clis.length === 0) clis.push(path.join(root, 'dist', 'cli.js'));
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;
const log = (...a) => console.error(...a);
const MiB = 2 ** 20;

const tmp = mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'mlp-bench-writers-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const lib = path.join(tmp, 'store-lib.mjs');
await bundleBenchLib('bench/store-lib.ts', lib, { external: ['pg-native'] });
const L = await import(pathToFileURL(lib).href);

function statementFor(w, i) {
  const run = `w${w}-${i}`;
  const datasets = [0, 1, 2].map((k) => L.dataset(`ds-${(i * 3 + k) % 200}`, `v${(i + k) % 50}`));
  const metrics = [];
  for (let e = 0; e < 10; e++) for (const [name, split] of [['loss', 'train'], ['loss', 'test'], ['accuracy', 'test']]) metrics.push({ name, split, epoch: e, value: Number((1 / (1 + e + (i % 97))).toFixed(6)) });
  const s = L.makeStatement({ run, datasets, metrics, models: Array.from({ length: 1 + (i % 5) }, (_, k) => ({ name: `model/part-${k}.bin`, sha256: L.sha(`model-${run}-${k}`) })) });
  const repo = `org${w}/repo${i % 100}`;
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/${repo}`, path: '.github/workflows/train.yml' };
  return s;
}

log(`generating ${K} × ${N} statements...`);
const dirs = [];
for (let w = 0; w < K; w++) {
  const dir = path.join(tmp, `w${w}`);
  mkdirSync(dir);
  for (let i = 0; i < N; i++) writeFileSync(path.join(dir, `run-${i}.intoto.json`), JSON.stringify(statementFor(w, i)));
  dirs.push(dir);
}

const size = (f) => statSync(f, { throwIfNoEntry: false })?.size ?? 0;

async function once(cli, rep) {
  const db = path.join(tmp, `store-${rep}.db`);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, size(`${db}-wal`))), 50);
  const t0 = performance.now();
  const codes = await Promise.all(
    dirs.map(
      (dir) =>
        new Promise((resolve) => {
          const child = spawn(node, [cli, 'store', 'ingest', dir, '--no-verify', '--store', db], { stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
          child.on('close', (code) => resolve({ code, err: err.trim() }));
        }),
    ),
  );
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, size(`${db}-wal`));
  const check = spawnSync('python3', ['-c', 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nprint(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM runs").fetchone()[0])', db], { encoding: 'utf8' });
  const line = `${path.relative(root, cli) || cli}: ${K} writer(s) × ${N} runs: ${(ms / 1000).toFixed(1)} s, ${((K * N) / ms * 1000).toFixed(0)} records/s; WAL peak ${(peak / MiB).toFixed(0)} MiB; store ${(size(db) / MiB).toFixed(0)} MiB; -wal left ${size(`${db}-wal`)} B; integrity/count ${check.stdout.trim() || check.stderr.trim()}`;
  console.log(line);
  for (const c of codes) if (c.code !== 0) console.log(`  exit ${c.code}: ${c.err}`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
}

for (let rep = 0; rep < REPS; rep++) for (const cli of clis) await once(cli, rep);
