#!/usr/bin/env node
// The provenance store at scale: `node bench/store.mjs [--runs N] [--pg-runs N] [--files N] [--signed N] [--write]`
// (npm run bench runs it; BENCH_STORE_RUNS etc. set the sizes too). Defaults: 100,000 runs
// embedded, 20,000 on PostgreSQL, 2,000 for the file-based comparison, 200 signed bundles
// (and 100 copies of them for the peak memory of ingesting a large folder, verified and not).
//
// Generated like the issue asks: 500 repositories, 3 dataset versions read per run, 20 % of
// runs reading a derived dataset another run wrote (linked by content digest), 30 metrics
// and 1-5 model files per run. Measured:
//  - embedded (node:sqlite): ingest of already-verified records (the write path after
//    verification, records/s); cold open to first answer and peak RSS in a fresh process;
//    median of each of the four questions; the metric question over every run (no --model)
//    through `dist/cli.js`, whole process: seconds and peak RSS (also on PostgreSQL);
//  - PostgreSQL (a real server from the machine's binaries): the same questions as a reader
//    role under row-level security (granted half of the owners), right after a bulk ingest:
//    by the tables' owner (whose ingest analyses the tables as it closes: src/store/statistics.ts)
//    and by the ingest role (which may not analyse them), asked before autovacuum's next round
//    (autovacuum is off meanwhile); and the time the owner's closing analysis takes;
//  - verified ingest: `dist/cli.js store ingest` of freshly signed bundles (verification
//    on every core) in records/s;
//  - today's file-based `dist/cli.js lineage DIR --no-verify` on a subset, same questions.
// `--part postgres` runs the PostgreSQL part alone (printed, never written into the docs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleBenchLib, root } from './bundle.mjs';

const argv = process.argv.slice(2);
const flag = (name, env, dflt) => {
  const i = argv.indexOf(name);
  return Number(i >= 0 ? argv[i + 1] : (process.env[env] ?? dflt));
};
const quick = argv.includes('--quick');
const N = flag('--runs', 'BENCH_STORE_RUNS', quick ? 10_000 : 100_000);
const PG_N = flag('--pg-runs', 'BENCH_STORE_PG_RUNS', quick ? 5_000 : 20_000);
const FILES_N = flag('--files', 'BENCH_STORE_FILES', quick ? 500 : 2_000);
const SIGNED = flag('--signed', 'BENCH_STORE_SIGNED', quick ? 100 : 200);
const COPIES = flag('--copies', 'BENCH_STORE_COPIES', quick ? 20 : 100);
const part = argv.includes('--part') ? argv[argv.indexOf('--part') + 1] : undefined;
if (part !== undefined && part !== 'postgres') throw new Error(`--part: unknown part ${part} (known: postgres)`);
const write = argv.includes('--write') && part === undefined;
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The auditor's question over every run: `lineage --store S --metric accuracy --format json` (no
 * --model: every run answers, with its upstream) as users run it, output to /dev/null; seconds and
 * peak RSS of the whole process.
 */
function everyRunMetric(spec) {
  const rssFile = path.join(tmp, 'rss-metric');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, node, cli, 'lineage', '--store', spec, '--metric', 'accuracy', '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`lineage --metric failed: ${r.stderr}`);
  return { s, mib: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-store-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const lib = path.join(tmp, 'store-lib.mjs');
await bundleBenchLib('bench/store-lib.ts', lib, { external: ['pg-native'] });
const L = await import(pathToFileURL(lib).href);

// ---------------------------------------------------------------- the generated ledger
const REPOS = 500;
const repoOf = (i) => `org${i % 50}/repo${i % REPOS}`;
const modelSha = (i, k) => L.sha(`model-${i}-${k}`);
const derivedSha = (i) => L.sha(`derived-${i}`);
/**
 * Run i reads 3 of the 10,000 dataset versions (200 ids × 50 versions), spread evenly: version
 * number (3i + k) × 7919 mod 10,000 (7919 is prime to 10,000), so each is read by 3N/10,000 runs
 * (30 at 100,000). Every 5th run also reads what run i-1 derived.
 */
const dsIndex = (i, k) => ((i * 3 + k) * 7919) % 10_000;
const dsRef = (idx) => ({ id: `ds-${idx % 200}`, version: `v${Math.floor(idx / 200)}` });
function statementFor(i) {
  const ds = [0, 1, 2].map((k) => dsRef(dsIndex(i, k))).map((d) => L.dataset(d.id, d.version));
  const steps = [{ name: 'featurize', library: 'pandas', version: '2.2.0', inputs: [ds[0].id], outputs: [`feat-${i}`] }];
  const datasets = [...ds, { ...L.dataset(`feat-${i}`, 'v1'), digest: { sha256: derivedSha(i) } }];
  if (i % 5 === 0 && i > 0) datasets.push({ ...L.dataset(`upstream-feat`, 'v1'), digest: { sha256: derivedSha(i - 1) } });
  const metrics = [];
  for (let e = 0; e < 10; e++) for (const [name, split] of [['loss', 'train'], ['loss', 'test'], ['accuracy', 'test']]) metrics.push({ name, split, epoch: e, value: Number((1 / (1 + e + (i % 97))).toFixed(6)) });
  const s = L.makeStatement({ run: String(i), datasets, steps, metrics, models: Array.from({ length: 1 + (i % 5) }, (_, k) => ({ name: `model/part-${k}.bin`, sha256: modelSha(i, k) })) });
  const repo = repoOf(i);
  s.predicate.buildDefinition.externalParameters.workflow = { ref: 'refs/heads/main', repository: `https://github.com/${repo}`, path: '.github/workflows/train.yml' };
  s.predicate.runDetails.metadata.finishedOn = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return s;
}
const docFor = (i) => L.storeDocument(Buffer.from(JSON.stringify(statementFor(i))), `run-${i}.intoto.json`);

async function fill(spec, n) {
  const db = await L.openStore(spec);
  let writeMs = 0;
  // Handed over 10,000 at a time: what `store ingest` writes in one SQLite transaction (transactionLimits).
  for (let i = 0; i < n; i += 10_000) {
    const docs = [];
    for (let j = i; j < Math.min(n, i + 10_000); j++) docs.push(docFor(j));
    const t0 = performance.now();
    await L.writeDocuments(db, docs, { verified: true, identity: 'bench' });
    writeMs += performance.now() - t0;
    if ((i / 10_000) % 2 === 0) log(`  ${Math.min(n, i + 10_000)} / ${n} runs (${((Math.min(n, i + 10_000) / writeMs) * 1000).toFixed(0)} records/s so far)`);
  }
  // Until the store is closed: on SQLite the last close checkpoints what the checkpointing thread has not yet;
  // on PostgreSQL the owner's close analyses the tables the ingest grew (closeMs).
  const t0 = performance.now();
  await db.close();
  const closeMs = performance.now() - t0;
  return { ms: writeMs + closeMs, closeMs };
}

// `--build-only SPEC`: fill a store (a path or a postgres:// URL) with `--runs` generated runs and stop
// (to measure a question by hand on a store like the bench's, e.g. with /usr/bin/time).
if (argv.includes('--build-only')) {
  const spec = argv[argv.indexOf('--build-only') + 1];
  const { ms } = await fill(spec, N);
  log(`${N} runs in ${spec.replace(/:[^:@/]*@/, ':***@')}: ${((N / ms) * 1000).toFixed(0)} records/s`);
  process.exit(0);
}

/** The four questions, each asked `reps` times with varying arguments; median ms each. */
async function questions(spec, n, reps) {
  const db = await L.openStore(spec);
  const t = { metric: [], dataset: [], model: [], runs: [] };
  const time = async (k, fn) => {
    const t0 = performance.now();
    const a = await fn();
    t[k].push(performance.now() - t0);
    return a;
  };
  for (let r = 0; r < reps; r++) {
    const i = Math.floor(((r + 1) * 7919) % n);
    await time('metric', () => L.metricQuestion(db, { name: 'accuracy', split: 'test', epoch: 9, model: modelSha(i, 0) }));
    const d = dsRef(dsIndex(i, 0));
    await time('dataset', () => L.datasetQuestion(db, `${d.id}@${d.version}`));
    await time('model', () => L.modelQuestion(db, modelSha(i - (i % 5), 0)));
    const since = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    await time('runs', () => L.runsQuestion(db, { repository: repoOf(i), since, until: new Date(Date.parse(since) + 30 * 86_400_000).toISOString() }));
  }
  await db.close();
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
}

const child = process.argv.includes('--child-cold');
if (child) {
  // Cold open to first answer, in a fresh process: open, migrate check, one question.
  const t0 = performance.now();
  const db = await L.openStore(argv[argv.indexOf('--child-cold') + 1]);
  const a = await L.modelQuestion(db, modelSha(4242 % N, 0));
  const ms = performance.now() - t0;
  await db.close();
  console.log(JSON.stringify({ ms, answers: a.length }));
  process.exit(0);
}

const out = [];
const summary = [];
// ---- embedded
const sqlitePath = path.join(tmp, 'store.db');
if (part === undefined) {
  log(`embedded store: generating and ingesting ${N} runs...`);
  const { ms: writeMs } = await fill(sqlitePath, N);
  const sqliteRate = (N / writeMs) * 1000;
  const size = (await import('node:fs')).statSync(sqlitePath).size;
  const colds = [];
  let rss = 0;
  for (let k = 0; k < 5; k++) {
    const useTime = existsSync('/usr/bin/time');
    const rssFile = path.join(tmp, 'rss');
    const r = spawnSync(useTime ? '/usr/bin/time' : node, [...(useTime ? ['-f', '%M', '-o', rssFile, node] : []), path.join(root, 'bench', 'store.mjs'), '--runs', String(N), '--child-cold', sqlitePath], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold query failed: ${r.stderr}`);
    colds.push(JSON.parse(r.stdout.trim().split('\n').at(-1)).ms);
    if (useTime) rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024);
  }
  const sq = await questions(sqlitePath, N, 50);
  const sqEvery = existsSync('/usr/bin/time') ? everyRunMetric(sqlitePath) : undefined;
  out.push(
    `### Embedded store (node:sqlite), ${N.toLocaleString('en')} runs (${REPOS} repositories, 3 dataset versions read per run, 20 % reading a derived dataset, 30 metrics and 1-5 models per run; ${(size / 2 ** 20).toFixed(0)} MiB file)`,
    '',
    '| measure | figure | target |',
    '| --- | ---: | ---: |',
    `| ingest of already-verified records (parsed; batched writes, until the store is closed) | ${sqliteRate.toFixed(0)} records/s | ≥ 5,000 |`,
    `| cold open to first answer (fresh process, median of 5; excl. Node start-up) | ${median(colds).toFixed(1)} ms | ≤ 100 ms |`,
    `| peak RSS of that query process (whole process) | ${rss.toFixed(0)} MiB | ≤ 150 MiB |`,
    `| metric M (epoch, split) for a model digest → dataset versions + upstream | ${sq.metric.toFixed(2)} ms | ≤ 5 ms |`,
    `| runs and models using dataset D@V, through derived datasets | ${sq.dataset.toFixed(2)} ms | ≤ 5 ms |`,
    `| full upstream lineage of a model | ${sq.model.toFixed(2)} ms | ≤ 5 ms |`,
    `| runs of a repository in a 30-day range, with metrics | ${sq.runs.toFixed(2)} ms | ≤ 5 ms |`,
    ...(sqEvery ? [`| metric M without a model: every run's final value + upstream (\`dist/cli.js lineage --metric accuracy --format json\`, whole process) | ${sqEvery.s.toFixed(1)} s, ${sqEvery.mib.toFixed(0)} MiB peak RSS | |`] : []),
    '',
  );
  summary.push(`embedded: ${sqliteRate.toFixed(0)} rec/s, cold ${median(colds).toFixed(0)} ms, RSS ${rss.toFixed(0)} MiB, q ${Object.values(sq).map((v) => v.toFixed(2)).join('/')} ms`);
  log(summary.at(-1));
}

// ---- PostgreSQL
let pg;
try {
  pg = await L.startPostgres();
  pg.psql('CREATE DATABASE bench');
  pg.psql('CREATE DATABASE bench_ingest');
  pg.psql('CREATE ROLE benchreader LOGIN');
  pg.psql('CREATE ROLE benchingest LOGIN');
  const grants = Array.from({ length: 25 }, (_, o) => `('benchreader', 'org${o * 2}', '*')`).join(', ');
  const readerUrl = (db) => pg.url('benchreader', db);
  // Right after a bulk ingest by the ingest role, which may not analyse the tables: the questions as planned
  // before autovacuum's next round (autovacuum_naptime, a minute; off meanwhile, so that round never comes).
  // What every bulk ingest left before the owner's ingest analysed the tables as it closed.
  pg.psql('ALTER SYSTEM SET autovacuum = off');
  pg.psql('SELECT pg_reload_conf()');
  await (await L.openStore(pg.url('postgres', 'bench_ingest'))).close();
  pg.psql(`GRANT mlp_reader TO benchreader; GRANT mlp_ingest TO benchingest; INSERT INTO mlp_grants VALUES ${grants}`, { db: 'bench_ingest' });
  log(`PostgreSQL: ingesting ${PG_N} runs as the ingest role (not analysed)...`);
  await fill(pg.url('benchingest', 'bench_ingest'), PG_N);
  const raw = await questions(readerUrl('bench_ingest'), PG_N, 50);
  const rawOwner = await questions(pg.url('postgres', 'bench_ingest'), PG_N, 50);
  const rawEvery = existsSync('/usr/bin/time') ? everyRunMetric(readerUrl('bench_ingest')) : undefined;
  pg.psql('DROP DATABASE bench_ingest');
  pg.psql('ALTER SYSTEM RESET autovacuum');
  pg.psql('SELECT pg_reload_conf()');
  // The owner's bulk ingest: its close analyses the tables it grew (no ANALYZE of the bench's own).
  const url = pg.url('postgres', 'bench');
  log(`PostgreSQL: ingesting ${PG_N} runs as the tables' owner...`);
  const { ms: pgWrite, closeMs: pgClose } = await fill(url, PG_N);
  pg.psql(`GRANT mlp_reader TO benchreader; INSERT INTO mlp_grants VALUES ${grants}`, { db: 'bench' });
  const pq = await questions(readerUrl('bench'), PG_N, 50);
  const pqOwner = await questions(url, PG_N, 50);
  const pqEvery = existsSync('/usr/bin/time') ? everyRunMetric(readerUrl('bench')) : undefined;
  const every = (e) => (e ? `${e.s.toFixed(1)} s, ${e.mib.toFixed(0)} MiB` : 'n/a');
  out.push(
    `### PostgreSQL ${pg.psql('SHOW server_version').stdout.trim().split(' ')[0]}, ${PG_N.toLocaleString('en')} runs (same generator; a real local server, fsync off), asked right after the bulk ingest`,
    '',
    '| question | reader role, row-level security on (25 of 50 owners granted): owner\'s ingest (analysed as it closed) | same, ingest role\'s ingest (not analysed yet) | table owner (no RLS): analysed | not analysed | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...['metric', 'dataset', 'model', 'runs'].map((k) => `| ${k} | ${pq[k].toFixed(2)} ms | ${raw[k].toFixed(2)} ms | ${pqOwner[k].toFixed(2)} ms | ${rawOwner[k].toFixed(2)} ms | ≤ 10 ms |`),
    `| metric M without a model over every run the reader sees (\`dist/cli.js lineage --metric accuracy --format json\`, whole process; peak RSS) | ${every(pqEvery)} | ${every(rawEvery)} | | | |`,
    `| ingest of already-verified records (the owner's, analysis at close included) | ${((PG_N / pgWrite) * 1000).toFixed(0)} records/s | | | | |`,
    `| of which the closing ANALYZE of the tables it grew | ${(pgClose / 1000).toFixed(1)} s | | | | |`,
    '',
  );
  summary.push(`postgres: ${((PG_N / pgWrite) * 1000).toFixed(0)} rec/s (close ${(pgClose / 1000).toFixed(1)} s), q(RLS) ${Object.values(pq).map((v) => v.toFixed(2)).join('/')} ms, not analysed ${Object.values(raw).map((v) => v.toFixed(2)).join('/')} ms, every run ${every(pqEvery)} / ${every(rawEvery)}`);
  log(summary.at(-1));
} catch (err) {
  out.push('### PostgreSQL', '', `- not measured: ${err.message.split('\n')[0]}`, '');
} finally {
  await pg?.stop();
}

// ---- verified ingest (signed bundles, every core)
if (part === undefined) {
  const dir = path.join(tmp, 'signed');
  mkdirSync(dir);
  const standin = await L.startSigstoreStandin({ dir: tmp });
  const signOpts = { instance: 'custom', fulcioURL: standin.fulcioURL, rekorURL: standin.rekorURL, ...(standin.tsaURL ? { tsaURL: standin.tsaURL } : {}), env: standin.runnerEnv() };
  log(`signing ${SIGNED} bundles...`);
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < SIGNED) {
          const i = next++;
          writeFileSync(path.join(dir, `run-${i}.sigstore.json`), JSON.stringify((await L.signStatement(statementFor(N + i), signOpts)).bundle));
        }
      }),
    );
  } finally {
    await standin.close();
  }
  const t0 = performance.now();
  const r = spawnSync(node, [cli, 'store', 'ingest', dir, '--store', path.join(tmp, 'verified.db'), '--custom-trusted-root', standin.trustedRootPath, '--offline', '--repo', 'acme/models'], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`verified ingest failed: ${r.stderr}`);
  out.push(
    `### Verified ingest (\`dist/cli.js store ingest DIR\`, ${SIGNED} freshly signed bundles, verification on ${Math.min(os.availableParallelism(), 8)} threads)`,
    '',
    `- ${((SIGNED / ms) * 1000).toFixed(0)} records/s for the whole process (${(ms / 1000).toFixed(1)} s, Node start-up and worker start included)`,
    '',
  );
  summary.push(`verified ingest: ${((SIGNED / ms) * 1000).toFixed(0)} rec/s`);
  log(summary.at(-1));

  // Memory stays bounded for a large folder (read in parts): the signed bundles copied COPIES times
  // (the copies are the same runs, each file verified again), ingested with verification (every part
  // on the same threads) and with --no-verify; a fresh store each time.
  if (existsSync('/usr/bin/time')) {
    const big = path.join(tmp, 'big');
    for (let c = 0; c < COPIES; c++) {
      mkdirSync(path.join(big, String(c)), { recursive: true });
      for (let i = 0; i < SIGNED; i++) copyFileSync(path.join(dir, `run-${i}.sigstore.json`), path.join(big, String(c), `run-${i}.sigstore.json`));
    }
    const files = (COPIES * SIGNED).toLocaleString('en');
    for (const [label, args] of [
      ['', ['--custom-trusted-root', standin.trustedRootPath, '--offline', '--repo', 'acme/models']],
      [' --no-verify', ['--no-verify']],
    ]) {
      const rssFile = path.join(tmp, 'rss-ingest');
      const store = path.join(tmp, `big${label.trim()}.db`);
      const t1 = performance.now();
      const m = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, node, cli, 'store', 'ingest', big, '--store', store, ...args], { encoding: 'utf8' });
      const ms2 = performance.now() - t1;
      if (m.status !== 0) throw new Error(`ingest of copies${label} failed: ${m.stderr}`);
      const peak = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
      out.push(`- peak RSS of \`store ingest DIR${label}\` over ${files} bundle files (${COPIES} copies of each; read in parts of 16 MiB): ${peak.toFixed(0)} MiB (${(ms2 / 1000).toFixed(1)} s)`);
      summary.push(`ingest${label} of ${COPIES * SIGNED} files: ${peak.toFixed(0)} MiB peak`);
      log(summary.at(-1));
    }
    out.push('');
  }
}

// ---- today's file-based lineage on a subset
if (part === undefined) {
  const dir = path.join(tmp, 'files');
  mkdirSync(dir);
  for (let i = 0; i < FILES_N; i++) writeFileSync(path.join(dir, `run-${i}.intoto.json`), JSON.stringify(statementFor(i)));
  const fdb = path.join(tmp, 'files.db');
  await fill(fdb, FILES_N);
  const i = 7919 % FILES_N;
  const qs = [
    ['metric', ['--metric', 'accuracy', '--split', 'test', '--epoch', '9']],
    ['dataset', ['--dataset', `${dsRef(dsIndex(i, 0)).id}@${dsRef(dsIndex(i, 0)).version}`]],
    ['model', ['--model', `sha256:${modelSha(i - (i % 5), 0)}`]],
  ];
  out.push(`### Same questions: file-based \`lineage DIR --no-verify\` vs \`lineage --store\`, ${FILES_N.toLocaleString('en')} runs (a subset: the file path re-reads every statement per question)`, '', '| question | files (whole process) | store (whole process) |', '| --- | ---: | ---: |');
  for (const [name, args] of qs) {
    const f = [];
    const s = [];
    for (let k = 0; k < 3; k++) {
      let t0 = performance.now();
      spawnSync(node, [cli, 'lineage', dir, '--no-verify', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
      f.push(performance.now() - t0);
      t0 = performance.now();
      spawnSync(node, [cli, 'lineage', '--store', fdb, '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
      s.push(performance.now() - t0);
    }
    out.push(`| ${name} | ${(median(f) / 1000).toFixed(2)} s | ${(median(s) / 1000).toFixed(2)} s |`);
  }
  out.push('');
}

const markdown = [`_${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`node bench/store.mjs ${part ? `--part ${part} --pg-runs ${PG_N}` : `--runs ${N} --pg-runs ${PG_N} --files ${FILES_N} --signed ${SIGNED} --copies ${COPIES}`}\`, ${os.cpus().length} × ${os.cpus()[0]?.model}, load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}._`, '', ...out].join('\n');
console.log(markdown);
if (write) {
  const BEGIN = '<!-- bench:store:begin -->';
  const END = '<!-- bench:store:end -->';
  for (const doc of [path.join(root, 'docs', 'BENCHMARKS.md'), path.join(root, 'docs', 'STORE.md')]) {
    let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
    if (!text.includes(BEGIN)) text += `\n## The provenance store\n\n${BEGIN}\n${END}\n`;
    writeFileSync(doc, text.slice(0, text.indexOf(BEGIN) + BEGIN.length) + '\n' + markdown + '\n' + text.slice(text.indexOf(END)));
    log(`wrote ${path.relative(root, doc)}`);
  }
}
