#!/usr/bin/env node
// `node bench/redact.mjs [--runs N]`: the redaction detector (src/redact, bundled as
// dist/ bundles it) against the named baseline it was evaluated against, secretlint's
// recommended rule preset (@secretlint/secretlint-rule-preset-recommend, its rules'
// synchronous file() handlers), on the same strings: every string value of the
// ordinary ML corpus (test/corpora/ordinary) plus the credential corpus' values.
//
// Each measurement is a fresh process (import + one pass = what a build pays), runs
// are interleaved (ours, baseline, ours, …) and the median is reported; a warm figure
// (µs a string, after 20 passes) is reported beside it. Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleBenchLib, root } from './bundle.mjs';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 7;
const node = path.join(root, 'node_modules/.bin/node');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-redact-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// The inputs: strings from both corpora, written once as JSON so both sides read the same file.
await bundleBenchLib('bench/redact-input.ts', path.join(tmp, 'input.mjs'));
const strings = JSON.parse(spawnSync(node, [path.join(tmp, 'input.mjs')], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
writeFileSync(path.join(tmp, 'strings.json'), JSON.stringify(strings));
await bundleBenchLib('src/redact/index.ts', path.join(tmp, 'redact.mjs'), { minify: true });

const ours = `
const t0 = performance.now();
const { redactString } = await import(${JSON.stringify(path.join(tmp, 'redact.mjs'))});
const strings = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(path.join(tmp, 'strings.json'))}, 'utf8'));
let hits = 0;
const pass = () => { hits = 0; for (const s of strings) if (redactString(s) !== undefined) hits++; };
pass();
const cold = performance.now() - t0;
for (let i = 0; i < 20; i++) pass();
const t1 = performance.now(); for (let i = 0; i < 20; i++) pass();
console.log(JSON.stringify({ cold, warmUs: ((performance.now() - t1) * 1000) / (20 * strings.length), hits }));`;
const baseline = `
const t0 = performance.now();
const { rules } = await import('@secretlint/secretlint-rule-preset-recommend');
const strings = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(path.join(tmp, 'strings.json'))}, 'utf8'));
let hits = 0;
const scan = (content) => { let n = 0; for (const rule of rules) { const ctx = { report: () => n++, createTranslator: () => (id) => id, ignore() {}, registerRule() {} }; rule.create(ctx, {}).file?.({ content, filePath: '/x.txt', ext: '.txt', contentType: 'text' }); } return n; };
const pass = () => { hits = 0; for (const s of strings) if (scan(s)) hits++; };
pass();
const cold = performance.now() - t0;
for (let i = 0; i < 20; i++) pass();
const t1 = performance.now(); for (let i = 0; i < 20; i++) pass();
console.log(JSON.stringify({ cold, warmUs: ((performance.now() - t1) * 1000) / (20 * strings.length), hits }));`;
writeFileSync(path.join(root, 'bench', '.redact-ours.mjs'), ours);
writeFileSync(path.join(root, 'bench', '.redact-baseline.mjs'), baseline);
process.on('exit', () => {
  rmSync(path.join(root, 'bench', '.redact-ours.mjs'), { force: true });
  rmSync(path.join(root, 'bench', '.redact-baseline.mjs'), { force: true });
});

const timed = (file) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, [file], { encoding: 'utf8', cwd: root });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
  return { wall, ...JSON.parse(r.stdout) };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const res = { ours: [], baseline: [] };
for (let i = 0; i < RUNS; i++) {
  res.ours.push(timed(path.join(root, 'bench', '.redact-ours.mjs')));
  res.baseline.push(timed(path.join(root, 'bench', '.redact-baseline.mjs')));
}
const row = (name, rs) => `| ${name} | ${median(rs.map((r) => r.wall)).toFixed(0)} ms | ${median(rs.map((r) => r.cold)).toFixed(0)} ms | ${median(rs.map((r) => r.warmUs)).toFixed(1)} µs | ${rs[0].hits} |`;
console.log(`${strings.length} strings (ordinary ML corpus + credential corpus), ${RUNS} interleaved runs, median\n`);
console.log('| detector | process wall (start, import, one pass) | import + one pass | warm, per string | strings flagged |');
console.log('|---|---|---|---|---|');
console.log(row('ml-provenance src/redact (bundled)', res.ours));
console.log(row('secretlint preset-recommend 13.1.0 (rules only)', res.baseline));
