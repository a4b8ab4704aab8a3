#!/usr/bin/env node
// `verify` of one bundle (no subject hashing) and `lineage` over 10,000 bundles, against
// named baselines measured in the same run. Called by bench/run.mjs; can run alone:
//   node bench/verify-lineage.mjs [--quick] [--keep]
// Progress goes to stderr; stdout gets one JSON document: { markdown, summary }.
//
// 1. Builds bench/verify-lineage-lib.ts (the Sigstore stand-in from test/standins, the
//    signer and the verifier from src/, the statement fixtures) with esbuild, as
//    scripts/build.mjs builds dist/, and starts the stand-in in this process.
// 2. Signs real bundles against it (keyless: OIDC token → Fulcio certificate → DSSE →
//    Rekor entry + RFC 3161 timestamp) and writes them and trusted_root.json to a temp dir.
// 3. verify: (a) in-process `verifyBundle` N times after a warm-up (median per call), next
//    to `crypto.verify` of the same DSSE signature (the raw crypto floor); (b) the whole
//    `node dist/cli.js verify ... --offline` process, interleaved with `node -e 0` and
//    `openssl dgst -sha256 -verify` of the same DSSE signature.
// 4. lineage: `node dist/cli.js lineage DIR --metric mse` over the bundles (verified cold
//    with --no-cache, verified warm from the verification cache, --no-verify) and over as many distinct unsigned statements (--no-verify), interleaved
//    with `cat DIR/*` and `jq -s length DIR/*` (when jq is installed).
import { spawnSync } from 'node:child_process';
import { X509Certificate, verify as cryptoVerify } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleBenchLib, root } from './bundle.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const REPO = 'acme/models'; // the stand-in's default token claims
const TARGET = { verifyMs: 100, lineageS: 5 };

const sizes = quick
  ? { inProcess: 50, cliReps: 5, bundles: 1000, signed: 100, lineageReps: 2, verifiedReps: 1 }
  : { inProcess: 200, cliReps: 10, bundles: 10_000, signed: 200, lineageReps: 3, verifiedReps: 1 };

const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
const n = (x) => x.toLocaleString('en');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-vl-'));
// --keep: leave the bundles, statements and trusted root in place (for --cpu-prof runs).
if (args.has('--keep')) process.on('exit', () => log(`kept ${tmp}`));
else process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function timed(cmd, argv, opts = {}) {
  const useTime = existsSync('/usr/bin/time') && opts.rss !== false;
  const rssFile = path.join(tmp, 'rss.txt');
  const [c, a] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...argv]] : [cmd, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c, a, { encoding: 'utf8', maxBuffer: 1 << 30, cwd: opts.cwd ?? tmp, env: { ...process.env, ...opts.env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rssKiB = useTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : undefined;
  return { ms, rssKiB, stdout: r.stdout, stderr: r.stderr };
}

/** Interleave variants `reps` times after `warm` warm-up rounds; median wall and peak RSS each. */
function compare(variants, reps, warm = 1) {
  for (let i = 0; i < warm; i++) for (const v of Object.values(variants)) if (!v.once) v.run();
  const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) {
    for (const [k, v] of Object.entries(variants)) if (!v.once || i === 0) runs[k].push(v.run());
  }
  return Object.entries(runs).map(([name, rs]) => {
    const row = { name, ms: median(rs.map((r) => r.ms)), min: Math.min(...rs.map((r) => r.ms)), runs: rs.length, rssMiB: Math.max(...rs.map((r) => r.rssKiB ?? 0)) / 1024 };
    log(`  ${name.padEnd(72)} median ${fmtMs(row.ms).padStart(9)}  min ${fmtMs(row.min).padStart(9)}  (${row.runs} runs)  peak RSS ${row.rssMiB.toFixed(0)} MiB`);
    return row;
  });
}

if (!existsSync(cli)) {
  console.log(JSON.stringify({ markdown: '### verify / lineage\n\n- pending — dist/cli.js is missing: run `node scripts/build.mjs` first\n', summary: ['verify/lineage: dist/cli.js missing'] }));
  process.exit(0);
}

// ---------------------------------------------------------------- build + sign
log('building bench/verify-lineage-lib.ts (stand-in, signer, verifier, fixtures)...');
const lib = path.join(tmp, 'lib', 'verify-lineage-lib.js');
await bundleBenchLib('bench/verify-lineage-lib.ts', lib);
const L = await import(pathToFileURL(lib).href);

// Datasets from a pool of 50 ids × 10 versions (500 dataset versions), one shared
// label set in 4 versions, an `mse` test metric per run with a varying value, a distinct
// model per run: what `lineage --metric mse` has to trace back.
function statementFor(i) {
  const ds = L.dataset(`ds-${i % 50}`, `v${(i * 7) % 10}`);
  const labels = L.dataset('labels', `2026-0${1 + (i % 4)}`);
  return L.makeStatement({
    run: String(100_000 + i),
    datasets: [ds, labels],
    steps: [{ name: 'normalize', library: 'numpy', version: '2.1.0', parameters: { scale: 255 }, inputs: [ds.id], outputs: [`${ds.id}-norm`] }],
    metrics: [
      { name: 'loss', value: 1 / (1 + (i % 97)), epoch: 0, split: 'train' },
      { name: 'loss', value: 0.5 / (1 + (i % 89)), epoch: 1, split: 'train' },
      { name: 'mse', value: Number((0.01 + (i % 1000) / 1e5).toFixed(6)), epoch: 1, split: 'test' },
    ],
  });
}

const work = path.join(tmp, 'work');
mkdirSync(work);
const standin = await L.startSigstoreStandin({ dir: work });
const trustedRoot = standin.trustedRootPath;
const signOpts = { instance: 'custom', fulcioURL: standin.fulcioURL, rekorURL: standin.rekorURL, ...(standin.tsaURL ? { tsaURL: standin.tsaURL } : {}), env: standin.runnerEnv() };
const signedDir = path.join(work, 'signed');
mkdirSync(signedDir);
let signMs;
const signed = [];
try {
  log(`signing ${sizes.signed} statements against the stand-in (4 at a time)...`);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < sizes.signed) {
        const i = next++;
        signed[i] = JSON.stringify((await L.signStatement(statementFor(i), signOpts)).bundle);
      }
    }),
  );
  signMs = performance.now() - t0;
  log(`  ${sizes.signed} bundles in ${fmtMs(signMs)} (${fmtMs(signMs / sizes.signed)} per bundle)`);
} finally {
  await standin.close();
}
const bundleFile = path.join(work, 'provenance.sigstore.json');
writeFileSync(bundleFile, signed[0]);
const bundleDoc = JSON.parse(signed[0]);

// ---------------------------------------------------------------- verify
log('\n## verify one bundle (no subjects: nothing hashed)');
const verifyOpts = { identity: { repo: REPO }, customTrustedRoot: trustedRoot, offline: true };
{
  const v = await L.verifyBundle(bundleDoc, verifyOpts);
  if (!v.verified) throw new Error(`the bench bundle does not verify: ${v.failure}`);
}
// The DSSE signature alone: PAE(payloadType, payload) signed with the certificate's key.
const env = bundleDoc.dsseEnvelope;
const payload = Buffer.from(env.payload, 'base64');
const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(env.payloadType)} ${env.payloadType} ${payload.length} `), payload]);
const sig = Buffer.from(env.signatures[0].sig, 'base64');
const vm = bundleDoc.verificationMaterial;
const certDer = Buffer.from(vm.certificate?.rawBytes ?? vm.x509CertificateChain.certificates[0].rawBytes, 'base64');
const pubKey = new X509Certificate(certDer).publicKey;
if (!cryptoVerify('sha256', pae, pubKey, sig)) throw new Error('DSSE signature does not verify with node:crypto');
writeFileSync(path.join(work, 'pae.bin'), pae);
writeFileSync(path.join(work, 'sig.der'), sig);
writeFileSync(path.join(work, 'pub.pem'), pubKey.export({ type: 'spki', format: 'pem' }));

async function perCall(fn, iterations, warm = 10) {
  for (let i = 0; i < warm; i++) await fn();
  const ms = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), min: Math.min(...ms), runs: iterations };
}
const inProcess = [];
// What `lineage` does per bundle: the trust root loaded once, passed as an object.
const loadedRoot = (await L.loadTrustedRoot({ customTrustedRoot: trustedRoot, offline: true })).root;
for (const [name, fn] of [
  ['verifyBundle(bundle, {customTrustedRoot, offline, no subjects})', () => L.verifyBundle(bundleDoc, verifyOpts)],
  ['verifyBundle(bundle, {trustedRoot: loaded once}) (as lineage calls it)', () => L.verifyBundle(bundleDoc, { identity: { repo: REPO }, trustedRoot: loadedRoot })],
  ['node:crypto verify of the DSSE signature alone (raw crypto floor)', () => cryptoVerify('sha256', pae, pubKey, sig)],
]) {
  const r = await perCall(fn, name.startsWith('verifyBundle') ? sizes.inProcess : sizes.inProcess * 10);
  inProcess.push({ name, ...r });
  log(`  in-process ${name.padEnd(66)} median ${fmtMs(r.ms)} (min ${fmtMs(r.min)}, ${r.runs} calls)`);
}

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const cliVerify = [cli, 'verify', '--bundle', bundleFile, '--custom-trusted-root', trustedRoot, '--repo', REPO, '--offline'];
{
  const r = timed(node, cliVerify, { rss: false });
  if (!/verified/i.test(r.stdout + r.stderr)) throw new Error(`verify printed no verdict: ${r.stdout}${r.stderr}`);
}
const verifyVariants = {
  'node dist/cli.js verify --bundle B --custom-trusted-root R --repo acme/models --offline': { run: () => timed(node, cliVerify) },
  'node -e 0 (baseline: Node start-up)': { run: () => timed(node, ['-e', '0']) },
};
if (hasOpenssl) {
  const argv = ['dgst', '-sha256', '-verify', path.join(work, 'pub.pem'), '-signature', path.join(work, 'sig.der'), path.join(work, 'pae.bin')];
  if (!/Verified OK/.test(timed('openssl', argv, { rss: false }).stdout)) throw new Error('openssl does not verify the DSSE signature');
  verifyVariants['openssl dgst -sha256 -verify PUB -signature SIG PAE (same DSSE signature)'] = { run: () => timed('openssl', argv) };
}
log(`  processes (${sizes.cliReps} interleaved runs after 2 warm-up rounds):`);
const verifyRows = compare(verifyVariants, sizes.cliReps, 2);

// ---------------------------------------------------------------- lineage
log(`\n## lineage over ${n(sizes.bundles)} records`);
const bundlesDir = path.join(work, 'bundles');
const stmtDir = path.join(work, 'statements');
mkdirSync(bundlesDir);
mkdirSync(stmtDir);
for (let i = 0; i < sizes.signed; i++) writeFileSync(path.join(bundlesDir, `b${String(i).padStart(5, '0')}.sigstore.json`), signed[i]);
for (let i = sizes.signed; i < sizes.bundles; i++) {
  copyFileSync(path.join(bundlesDir, `b${String(i % sizes.signed).padStart(5, '0')}.sigstore.json`), path.join(bundlesDir, `b${String(i).padStart(5, '0')}.sigstore.json`));
}
{
  const t0 = performance.now();
  for (let i = 0; i < sizes.bundles; i++) writeFileSync(path.join(stmtDir, `s${String(i).padStart(5, '0')}.intoto.json`), JSON.stringify(statementFor(i)));
  log(`  wrote ${n(sizes.bundles)} distinct statements in ${fmtMs(performance.now() - t0)}`);
}
const hasJq = spawnSync('jq', ['--version']).status === 0;
const lineage = (dir, ...extra) => [cli, 'lineage', dir, '--metric', 'mse', ...extra];
const sh = (script, dir) => () => timed('bash', ['-c', script, 'bench', dir]);
// Correctness first: every record answers the query.
for (const a of [lineage(bundlesDir, '--no-verify', '--format', 'json'), lineage(stmtDir, '--no-verify', '--format', 'json')]) {
  const answers = JSON.parse(timed(node, a, { rss: false }).stdout).answers;
  if (answers.length !== sizes.bundles) throw new Error(`lineage ${a[2]} answered ${answers.length} runs, expected ${sizes.bundles}`);
}

// Verified runs get their own cache and key directories (XDG_CACHE_HOME / XDG_STATE_HOME),
// so the user's cache is neither read nor filled. "cold": --no-cache, every bundle verified
// (on worker threads, one per CPU); "warm": a run after one that filled the cache.
const xdgEnv = { XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), XDG_STATE_HOME: path.join(tmp, 'xdg-state') };
const verifiedArgs = lineage(bundlesDir, '--custom-trusted-root', trustedRoot, '--repo', REPO, '--offline');
timed(node, verifiedArgs, { rss: false, env: xdgEnv }); // fills the cache for the warm variant
const jobs = os.availableParallelism();
const bundleVariants = {
  [`node dist/cli.js lineage DIR --metric mse --custom-trusted-root R --repo acme/models --offline --no-cache (verified, cold: ${jobs} verification threads)`]: {
    run: () => timed(node, [...verifiedArgs, '--no-cache'], { env: xdgEnv }),
    once: sizes.verifiedReps === 1,
  },
  'node dist/cli.js lineage DIR --metric mse --custom-trusted-root R --repo acme/models --offline (verified, warm: every bundle in the verification cache)': {
    run: () => timed(node, verifiedArgs, { env: xdgEnv }),
  },
  'node dist/cli.js lineage DIR --metric mse --no-verify': { run: () => timed(node, lineage(bundlesDir, '--no-verify')) },
  'cat DIR/* > /dev/null (baseline: read the files)': { run: sh('cat "$1"/* > /dev/null', bundlesDir) },
};
if (hasJq) bundleVariants['jq -s length DIR/* (baseline: read and parse the JSON)'] = { run: sh('jq -s length "$1"/* > /dev/null', bundlesDir) };
log(`  (the cold verified variant runs once: about ${fmtMs(((inProcess[1].ms * sizes.bundles) / jobs) * 1.3)} estimated)`);
log(`  ${n(sizes.bundles)} bundle files (${sizes.signed} signed bundles, each copied byte-identically under ${sizes.bundles / sizes.signed} names):`);
const bundleRows = compare(bundleVariants, sizes.lineageReps, 1);

const stmtVariants = {
  'node dist/cli.js lineage DIR --metric mse --no-verify': { run: () => timed(node, lineage(stmtDir, '--no-verify')) },
  'cat DIR/* > /dev/null (baseline: read the files)': { run: sh('cat "$1"/* > /dev/null', stmtDir) },
};
if (hasJq) stmtVariants['jq -s length DIR/* (baseline: read and parse the JSON)'] = { run: sh('jq -s length "$1"/* > /dev/null', stmtDir) };
log(`  ${n(sizes.bundles)} distinct unsigned statements:`);
const stmtRows = compare(stmtVariants, sizes.lineageReps, 1);

// ---------------------------------------------------------------- report
const verdict = (ms, target) => (ms <= target ? `**meets** the ${fmtMs(target)} target` : `**misses** the ${fmtMs(target)} target (${(ms / target).toFixed(1)}×)`);
const bundleBytes = signed.reduce((s, b) => s + Buffer.byteLength(b), 0) / sizes.signed;
const [coldRow, warmRow, noVerifyBundlesRow] = bundleRows;
const noVerifyRow = stmtRows[0];
const md = [];
md.push(
  '### verify: one bundle, no subjects (nothing hashed)',
  '',
  `A real bundle signed in this run against the Sigstore stand-in (test/standins/sigstore.ts: Fulcio certificate, DSSE, Rekor entry, RFC 3161 timestamp; ${(bundleBytes / 1024).toFixed(1)} KiB), verified with \`--custom-trusted-root\` and \`--repo\`, offline. Signing took ${fmtMs(signMs / sizes.signed)} per bundle (${sizes.signed} bundles, 4 at a time, stand-in in the same process).`,
  '',
  '| variant | median | min | runs | peak RSS |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...inProcess.map((r) => `| in-process: \`${r.name}\` | ${fmtMs(r.ms)} | ${fmtMs(r.min)} | ${r.runs} | n/a |`),
  ...verifyRows.map((r) => `| process: \`${r.name}\` | ${fmtMs(r.ms)} | ${fmtMs(r.min)} | ${r.runs} | ${r.rssMiB.toFixed(0)} MiB |`),
  '',
  `- in-process verifyBundle: ${fmtMs(inProcess[0].ms)} per call, ${verdict(inProcess[0].ms, TARGET.verifyMs)}; the whole \`verify\` process: ${fmtMs(verifyRows[0].ms)} (${fmtMs(verifyRows[0].ms - verifyRows[1].ms)} over \`node -e 0\`).`,
  '',
  `### lineage over ${n(sizes.bundles)} records: \`lineage DIR --metric mse\`, end to end`,
  '',
  `**Bundles:** ${n(sizes.bundles)} files, but only ${sizes.signed} distinct signed bundles: signing costs ${fmtMs(signMs / sizes.signed)} a bundle here, so ${n(sizes.bundles)} would take ${fmtMs((signMs / sizes.signed) * sizes.bundles)}; each signed bundle is copied byte-identically under ${sizes.bundles / sizes.signed} file names. The cold run (\`--no-cache\`) verifies every copy in full, so it is the cost of ${n(sizes.bundles)} verifications; the warm run finds every copy in the verification cache (filled by an earlier run, in a directory of its own), as a second question over the same bundles does. The graph holds ${n(sizes.bundles)} runs but only ${sizes.signed} distinct statements.` +
    (sizes.verifiedReps === 1 ? ' The cold verified variant is run once (no warm-up): it is the slow one.' : ''),
  '',
  '| variant | median | min | runs | peak RSS |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...bundleRows.map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${fmtMs(r.ms)} | ${fmtMs(r.min)} | ${r.runs} | ${r.rssMiB.toFixed(0)} MiB |`),
  '',
  `**Statements:** ${n(sizes.bundles)} distinct unsigned statements (500 dataset versions, one model and one \`mse\` per run), \`--no-verify\`.`,
  '',
  '| variant | median | min | runs | peak RSS |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...stmtRows.map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${fmtMs(r.ms)} | ${fmtMs(r.min)} | ${r.runs} | ${r.rssMiB.toFixed(0)} MiB |`),
  '',
  `- lineage, verified, cold: ${fmtMs(coldRow.ms)} (${fmtMs(coldRow.ms / sizes.bundles)} a bundle on ${jobs} threads), ${verdict(coldRow.ms, TARGET.lineageS * 1000)}; warm (cache): ${fmtMs(warmRow.ms)}, ${verdict(warmRow.ms, TARGET.lineageS * 1000)}; --no-verify over the bundles: ${fmtMs(noVerifyBundlesRow.ms)}; --no-verify over distinct statements: ${fmtMs(noVerifyRow.ms)}, ${verdict(noVerifyRow.ms, TARGET.lineageS * 1000)}${sizes.bundles === 10_000 ? '' : ' (targets are for 10,000)'}.`,
  '',
);
const summary = [
  `verify in-process ${fmtMs(inProcess[0].ms)}/call (target ${TARGET.verifyMs} ms), process ${fmtMs(verifyRows[0].ms)} vs node -e 0 ${fmtMs(verifyRows[1].ms)}`,
  `lineage ${n(sizes.bundles)}: verified cold ${fmtMs(coldRow.ms)}, warm ${fmtMs(warmRow.ms)}, --no-verify bundles ${fmtMs(noVerifyBundlesRow.ms)}, --no-verify statements ${fmtMs(noVerifyRow.ms)} (target ${TARGET.lineageS} s)`,
];
console.log(JSON.stringify({ markdown: md.join('\n'), summary, rows: { inProcess, verifyRows, bundleRows, stmtRows, signMsPerBundle: signMs / sizes.signed } }));
