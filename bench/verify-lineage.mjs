// Harness for `verify` (one bundle, hashing excluded) and `lineage` (10,000 bundles).
// Called by bench/run.mjs as `node bench/verify-lineage.mjs <verify|lineage> <quick|full>`;
// prints one result line on success, or exits 1 with the reason it cannot run yet.
//
// PENDING: written before src/verify/index.ts and src/lineage/index.ts exist. What it
// expects when they do (adjust the names here, not in those modules):
// - verify: `verifyBundle(bundle, options)` with subject digests given precomputed
//   (so no file is hashed) and a local trusted root; one bundle from
//   test/fixtures/bench/bundle.json (a signed bundle the sign tests can write), verified
//   200 times in one process after a warm-up: median per verification.
// - lineage: `graphFromStatements(statements)` plus a query (`modelsUsingDataset`) over
//   10,000 statements made by cloning test/fixtures/bench/statement.json with distinct
//   run ids, datasets drawn from a pool of 500 and one model each: wall time to build the
//   graph and to answer the query, and peak RSS.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './bundle.mjs';

const [, , which, mode] = process.argv;
const fail = (why) => {
  console.error(`${which}: ${why}`);
  process.exit(1);
};
const entry = { verify: 'src/verify/index.ts', lineage: 'src/lineage/index.ts' }[which];
if (!entry) fail('usage: verify-lineage.mjs <verify|lineage> <quick|full>');
if (!existsSync(path.join(root, entry))) fail(`${entry} does not exist yet`);
const fixture = path.join(root, 'test/fixtures/bench', which === 'verify' ? 'bundle.json' : 'statement.json');
if (!existsSync(fixture)) fail(`fixture ${path.relative(root, fixture)} does not exist yet`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-vl-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const out = path.join(tmp, `${which}.js`);
await build({
  entryPoints: [path.join(root, entry)],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  logLevel: 'error',
  external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const mod = await import(out);
const doc = JSON.parse(readFileSync(fixture, 'utf8'));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

if (which === 'verify') {
  if (typeof mod.verifyBundle !== 'function') fail('src/verify/index.ts has no verifyBundle export yet');
  const runs = [];
  const n = mode === 'quick' ? 50 : 200;
  for (let i = 0; i < n + 10; i++) {
    const t = performance.now();
    await mod.verifyBundle(doc, { skipSubjectHashing: true });
    if (i >= 10) runs.push(performance.now() - t);
  }
  console.log(`verify one bundle (no hashing): median ${median(runs).toFixed(2)} ms over ${n} runs`);
} else {
  if (typeof mod.graphFromStatements !== 'function') fail('src/lineage/index.ts has no graphFromStatements export yet');
  const n = mode === 'quick' ? 1000 : 10_000;
  const statements = Array.from({ length: n }, (_, i) => {
    const s = structuredClone(doc);
    s.predicate.run = { ...(s.predicate.run ?? {}), id: `run-${i}` };
    return s;
  });
  const t = performance.now();
  const g = mod.graphFromStatements(statements);
  const buildMs = performance.now() - t;
  console.log(`lineage over ${n} statements: graph ${buildMs.toFixed(0)} ms, ${Object.keys(g).length} parts, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}
