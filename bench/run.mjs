#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --write|--no-write] [-- --only verify-lineage]`: hashing,
// cold-start, verify and lineage benchmarks against named baselines measured in the same
// run, on the same files. `--only verify-lineage` runs just bench/verify-lineage.mjs and,
// with --write, rewrites only its part of docs/BENCHMARKS.md.
//
// Every measurement is a separate process timed from spawn to exit (so Node's own
// start-up counts against us, as a shell tool's does against it), runs are
// interleaved (ours, baseline, ours, baseline...) so a noisy neighbour hits both,
// and the median is reported. Files are created in a temp directory, read once to
// warm the page cache (these are warm-cache figures: hashing, not the disk), and
// deleted at the end. The full run writes its table into docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleDigest, root } from './bundle.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
const quick = args.has('--quick');
const onlyAt = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
const only = onlyAt < 0 ? undefined : argv[onlyAt].includes('=') ? argv[onlyAt].slice('--only='.length) : argv[onlyAt + 1];
if (only !== undefined && only !== 'verify-lineage' && only !== 'store') throw new Error(`--only: unknown part ${only} (known: verify-lineage, store)`);
// The store benchmark (bench/store.mjs) writes its own section of docs/BENCHMARKS.md and docs/STORE.md.
const runStoreBench = () => {
  const r = spawnSync(process.execPath, [path.join(path.dirname(new URL(import.meta.url).pathname), 'store.mjs'), ...(quick ? ['--quick'] : []), ...(args.has('--write') || (!quick && !only && !args.has('--no-write')) ? ['--write'] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) console.error(`store bench failed (exit ${r.status})`);
};
if (only === 'store') {
  runStoreBench();
  process.exit(0);
}
const write = args.has('--write') || (!quick && !only && !args.has('--no-write'));
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const sizes = quick
  ? { big: 256 * MiB, mibFiles: 200, smallFiles: 10_000, reps: 3, coldRuns: 10 }
  : { big: 2 * GiB, mibFiles: 2000, smallFiles: 100_000, reps: 3, coldRuns: 20 };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-'));
const cleanup = () => rmSync(tmp, { recursive: true, force: true });
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Run a command; wall time in ms and, with /usr/bin/time, the peak RSS in KiB. */
function timed(cmd, argv, opts = {}) {
  const useTime = existsSync('/usr/bin/time') && opts.rss !== false;
  const rssFile = path.join(tmp, 'rss.txt');
  const [c, a] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...argv]] : [cmd, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c, a, { encoding: 'utf8', maxBuffer: 1 << 30, env: opts.env ?? process.env, cwd: opts.cwd });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (opts.check !== false && r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rssKiB = useTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : undefined;
  return { ms, rssKiB, stdout: r.stdout, status: r.status };
}

// ---------------------------------------------------------------- fixtures
function makeBigFile(file, size) {
  const chunk = randomBytes(16 * MiB);
  const fd = openSync(file, 'w');
  for (let done = 0; done < size; done += chunk.length) {
    chunk.writeUInt32LE(done >>> 0, 0); // no two chunks alike
    writeSync(fd, chunk, 0, Math.min(chunk.length, size - done));
  }
  closeSync(fd);
}

function makeDir(dir, n, sizeOf) {
  const pool = randomBytes(16 * MiB);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `d${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const s = sizeOf(i);
    if (off + s > pool.length) off = (off * 7919) % 4096;
    writeFileSync(path.join(sub, `f${i}.bin`), pool.subarray(off, off + s));
    off += s + 13;
  }
}

// ---------------------------------------------------------------- hashing
const results = [];
const cold = [];
if (!only) {
const bundleDir = path.join(tmp, 'bundle');
mkdirSync(bundleDir);
const lib = await bundleDigest(bundleDir);
const child = path.join(root, 'bench', 'digest-child.mjs');

function ours(kind, target, concurrency) {
  const argv = [child, lib, kind, target];
  if (concurrency !== undefined) argv.push(String(concurrency));
  const r = timed(node, argv);
  return { ...r, out: JSON.parse(r.stdout) };
}

/**
 * Interleave `variants` (name → () => {ms, rssKiB}) `reps` times after one warm-up
 * round; report the median wall time and the largest RSS per variant.
 */
function compare(title, bytes, files, variants, reps) {
  log(`\n## ${title}`);
  for (const v of Object.values(variants)) v(); // warm-up: page cache, disk layout
  const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) for (const [k, v] of Object.entries(variants)) runs[k].push(v());
  const rows = Object.entries(runs).map(([name, rs]) => {
    const ms = median(rs.map((r) => r.ms));
    const rss = Math.max(...rs.map((r) => r.rssKiB ?? 0));
    const row = { name, ms, mibps: bytes / MiB / (ms / 1000), rssMiB: rss / 1024 };
    log(`  ${name.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms  ${row.mibps.toFixed(0).padStart(6)} MiB/s  peak RSS ${row.rssMiB.toFixed(1)} MiB`);
    return row;
  });
  results.push({ title, bytes, files, rows });
  return rows;
}

const bigFile = path.join(tmp, 'big.bin');
log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / GiB).toFixed(0)} GiB; node ${spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim()}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
log(`creating ${(sizes.big / GiB).toFixed(2)} GiB file...`);
makeBigFile(bigFile, sizes.big);
{
  const sum = timed('sha256sum', [bigFile]).stdout.split(' ')[0];
  const got = ours('file', bigFile).out;
  if (got.sha256 !== sum || got.size !== sizes.big) throw new Error(`digestFile disagrees with sha256sum: ${got.sha256} vs ${sum}`);
}
compare(`One ${(sizes.big / GiB).toFixed(2)} GiB file`, sizes.big, 1, {
  'ml-provenance digestFile (pipelined 2×4 MiB reads)': () => ours('file', bigFile),
  'sha256sum FILE (GNU coreutils)': () => timed('sha256sum', [bigFile]),
  'openssl dgst -sha256 FILE': () => timed('openssl', ['dgst', '-sha256', bigFile]),
}, sizes.reps);
rmSync(bigFile);

const findXargs = (dir) => () =>
  timed('bash', ['-c', `find "$1" -type f -print0 | xargs -0 sha256sum > /dev/null`, 'bench', dir], { rss: false });

async function dirScenario(label, n, sizeOf) {
  const dir = path.join(tmp, label.replace(/\W+/g, '-'));
  log(`creating ${n} files...`);
  makeDir(dir, n, sizeOf);
  // Correctness first: our manifest against one made with coreutils.
  const sumText = timed('bash', ['-c', `cd "$1" && find . -type f -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 sha256sum`, 'bench', dir], { rss: false }).stdout;
  const r = timed(node, [child, lib, 'dir', dir], { env: { ...process.env, MLP_BENCH_MANIFEST: '1' } });
  const mine = JSON.parse(r.stdout).manifest.split('\n').filter(Boolean).map((l) => { const [h, , p] = l.split('  '); return `${h}  ${p}`; });
  const theirs = sumText.split('\n').filter(Boolean);
  if (mine.join('\n') !== theirs.join('\n')) throw new Error(`${label}: manifest differs from sha256sum`);
  const bytes = JSON.parse(r.stdout).size;
  compare(label, bytes, n, {
    'ml-provenance digestDirectory (2 worker threads)': () => ours('dir', dir),
    'ml-provenance digestDirectory (concurrency 0: one thread)': () => ours('dir', dir, 0),
    'find DIR -type f -print0 | xargs -0 sha256sum (one core)': findXargs(dir),
  }, sizes.reps);
  rmSync(dir, { recursive: true, force: true });
}
await dirScenario(`${sizes.mibFiles.toLocaleString('en')} × 1 MiB files`, sizes.mibFiles, () => MiB);
// Small files: sizes spread over 0..8 KiB (mean 4 KiB), 1,000 per directory.
await dirScenario(`${sizes.smallFiles.toLocaleString('en')} small files (0-8 KiB)`, sizes.smallFiles, (i) => ((i * 2654435761) >>> 0) % 8192);

// ---------------------------------------------------------------- cold start
log('\n## Cold start');
{
  const dist = path.join(root, 'dist');
  const cases = [['node -e 0 (baseline)', ['-e', '0']]];
  if (existsSync(path.join(dist, 'index.js'))) cases.push(['node dist/index.js (no inputs: fails fast)', [path.join(dist, 'index.js')]]);
  if (existsSync(path.join(dist, 'cli.js'))) cases.push(['node dist/cli.js --help', [path.join(dist, 'cli.js'), '--help']]);
  // The action reads inputs from INPUT_* and the runner context from GITHUB_*: give it none.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')));
  const cwd = mkdtempSync(path.join(tmp, 'cold-'));
  const runs = cases.map(() => []);
  for (let i = 0; i < sizes.coldRuns + 2; i++) {
    cases.forEach(([, a], j) => {
      const r = timed(node, a, { env, cwd, check: false, rss: false });
      if (i >= 2) runs[j].push(r.ms); // first two rounds warm the file cache
    });
  }
  cases.forEach(([name], j) => {
    const ms = median(runs[j]);
    cold.push({ name, ms, min: Math.min(...runs[j]) });
    log(`  ${name.padEnd(46)} median ${ms.toFixed(0)} ms (min ${Math.min(...runs[j]).toFixed(0)} ms, ${runs[j].length} runs)`);
  });
}

} // !only

// ---------------------------------------------------------------- verify / lineage
// A child process of its own (so the in-process verify timing does not share a heap with
// this one); it prints progress on stderr and { markdown, summary } on stdout.
log(`\n## verify (one bundle, no hashing) and lineage (${quick ? '1,000' : '10,000'} bundles)`);
let verifyLineage;
{
  const r = spawnSync(node, [path.join(root, 'bench', 'verify-lineage.mjs'), ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status === 0) verifyLineage = JSON.parse(r.stdout);
  else verifyLineage = { markdown: `### verify / lineage\n\n- failed (exit ${r.status}): see the bench log\n`, summary: [`verify/lineage failed (exit ${r.status})`] };
  for (const line of verifyLineage.summary) log(`  ${line}`);
}
// verify as a process: the standalone executable next to cosign (bench/verify-sea.mjs).
{
  const r = spawnSync(node, [path.join(root, 'bench', 'verify-sea.mjs'), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  const part = r.status === 0 ? JSON.parse(r.stdout) : { markdown: `<!-- bench:verify-sea:begin -->\n- failed (exit ${r.status}): see the bench log\n<!-- bench:verify-sea:end -->\n`, summary: [`verify-sea failed (exit ${r.status})`] };
  for (const line of part.summary) log(`  ${line}`);
  verifyLineage = { markdown: `${part.markdown.trimEnd()}\n\n${verifyLineage.markdown}`, summary: [...verifyLineage.summary, ...part.summary] };
}
if (!only) runStoreBench();
const VL_BEGIN = '<!-- bench:verify-lineage:begin -->';
const VL_END = '<!-- bench:verify-lineage:end -->';

// ---------------------------------------------------------------- report
function table() {
  const lines = [];
  for (const r of results) {
    const base = r.rows.find((x) => x.name.startsWith('sha256sum') || x.name.startsWith('find'));
    lines.push(`### ${r.title} (${(r.bytes / GiB).toFixed(2)} GiB)`, '', '| variant | median wall | throughput | vs sha256sum | peak RSS |', '| --- | ---: | ---: | ---: | ---: |');
    for (const x of r.rows) {
      const rss = x.rssMiB > 0 ? `${x.rssMiB.toFixed(0)} MiB` : 'n/a';
      lines.push(`| ${x.name.replace(/\|/g, '\\|')} | ${(x.ms / 1000).toFixed(2)} s | ${x.mibps.toFixed(0)} MiB/s | ${(base.ms / x.ms).toFixed(2)}× | ${rss} |`);
    }
    lines.push('');
  }
  if (cold.length) {
    lines.push('### Cold start', '', '| command | median | min |', '| --- | ---: | ---: |');
    for (const c of cold) lines.push(`| \`${c.name}\` | ${c.ms.toFixed(0)} ms | ${c.min.toFixed(0)} ms |`);
    lines.push('');
  }
  lines.push(VL_BEGIN, verifyLineage.markdown.trimEnd(), VL_END, '');
  return lines.join('\n');
}

const header = [
  `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / GiB).toFixed(0)} GiB, ${os.type()} ${os.release()}; load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  `- node ${spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim()}, ${spawnSync('sha256sum', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}, ${spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout.trim()}`,
  `- command: \`npm run bench${quick ? ' -- --quick' : ''}\` (${sizes.reps} interleaved runs per variant after a warm-up; median; warm page cache; peak RSS from /usr/bin/time -f %M)`,
  '',
].join('\n');
const report = header + '\n' + table();
console.log(report);
if (write && only) {
  // Only this part: replace what is between its own markers, keep the other figures.
  const doc = path.join(root, 'docs', 'BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  if (!text.includes(VL_BEGIN) || !text.includes(VL_END)) throw new Error(`${doc} has no ${VL_BEGIN} … ${VL_END} markers: run the whole bench once`);
  const part = [
    `_This part from its own run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run bench -- --only verify-lineage${quick ? ' --quick' : ''} --write\`, load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}._`,
    '',
    verifyLineage.markdown.trimEnd(),
  ].join('\n');
  writeFileSync(doc, text.slice(0, text.indexOf(VL_BEGIN) + VL_BEGIN.length) + '\n' + part + '\n' + text.slice(text.indexOf(VL_END)));
  log(`\nwrote the verify/lineage part of ${path.relative(root, doc)}`);
} else if (write) {
  const doc = path.join(root, 'docs', 'BENCHMARKS.md');
  const begin = '<!-- bench:begin (written by bench/run.mjs) -->';
  const end = '<!-- bench:end -->';
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`;
  if (!text.includes(begin)) throw new Error(`${doc} has no ${begin} marker`);
  writeFileSync(doc, text.slice(0, text.indexOf(begin) + begin.length) + '\n' + report + '\n' + text.slice(text.indexOf(end)));
  log(`\nwrote ${path.relative(root, doc)}`);
}
