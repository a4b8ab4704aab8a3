#!/usr/bin/env node
// `verify` as a process, side by side with cosign, on the same bundle and model file:
//   node bench/verify-sea.mjs [--quick] [--write] [--keep]
// (bench/run.mjs runs it with the verify/lineage part). stdout: { markdown, summary };
// --write also replaces its block in docs/BENCHMARKS.md (between the bench:verify-sea markers).
//
// - the bundle: `npm run demo`'s (examples/tiny-regression trained, built, signed against the
//   local Sigstore stand-in: Fulcio certificate, DSSE, Rekor v1 entry, RFC 3161 timestamp),
//   with its trusted_root.json; one model file (model/model.json) as the subject.
// - ours: the standalone executable (`npm run sea`, built if missing) and `node dist/cli.js`,
//   both `verify model/model.json --bundle B --custom-trusted-root R --repo R --offline`.
// - cosign: Debian trixie's cosign 2.5 (`cosign verify-blob-attestation --bundle B
//   --new-bundle-format --trusted-root R --type … --certificate-identity-regexp …
//   --certificate-oidc-issuer … model/model.json`), fetched into a cache folder with an apt
//   configuration of our own (nothing installed system-wide; see cosignPath()). COSIGN=path
//   uses another cosign.
// - every run is a separate process timed from spawn to exit (/usr/bin/time for CPU and peak
//   RSS), variants interleaved, median reported; each answer is checked (exit 0, VERIFIED /
//   Verified OK) so a fast failure never counts.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './bundle.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const reps = quick ? 8 : 25;
const node = existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;
const sea = path.join(root, 'build', 'sea', `ml-provenance-linux-${process.arch}`);
const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const BEGIN = '<!-- bench:verify-sea:begin -->';
const END = '<!-- bench:verify-sea:end -->';

/**
 * Debian trixie's cosign, unpacked into $XDG_CACHE_HOME/ml-provenance-bench/cosign-trixie:
 * our own sources list (this machine's Debian mirror, trixie suite, the archive keyring this
 * machine already trusts), lists and cache in that folder, `apt-get download` + `dpkg -x`.
 */
function cosignPath() {
  if (process.env.COSIGN) return process.env.COSIGN;
  const dir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'ml-provenance-bench', 'cosign-trixie');
  const bin = path.join(dir, 'root', 'usr', 'bin', 'cosign');
  if (existsSync(bin)) return bin;
  const mirror = debianMirror();
  for (const d of ['lists/partial', 'cache/archives/partial', 'debs']) mkdirSync(path.join(dir, d), { recursive: true });
  writeFileSync(path.join(dir, 'sources.list'), `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror} trixie main\n`);
  writeFileSync(path.join(dir, 'status'), '');
  const apt = [
    `-o=Dir::Etc::sourcelist=${path.join(dir, 'sources.list')}`,
    '-o=Dir::Etc::sourceparts=/nonexistent',
    `-o=Dir::State::Lists=${path.join(dir, 'lists')}`,
    `-o=Dir::Cache=${path.join(dir, 'cache')}`,
    `-o=Dir::State::status=${path.join(dir, 'status')}`,
    '-o=APT::Sandbox::User=root',
  ];
  const run = (cmd, a, cwd) => {
    const r = spawnSync(cmd, a, { cwd, encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${a.join(' ')} failed: ${r.stderr}`);
  };
  log(`fetching cosign from Debian trixie (${mirror}) into ${dir}`);
  run('apt-get', [...apt, '-qq', 'update']);
  run('apt-get', [...apt, '-qq', 'download', 'cosign'], path.join(dir, 'debs'));
  const deb = readdirSync(path.join(dir, 'debs')).find((f) => f.startsWith('cosign_') && f.endsWith('.deb'));
  run('dpkg', ['-x', path.join(dir, 'debs', deb), path.join(dir, 'root')]);
  return bin;
}

/** The Debian mirror this machine's apt uses (deb822 or one-line sources), else deb.debian.org. */
function debianMirror() {
  for (const f of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(f)) continue;
    const m = /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(readFileSync(f, 'utf8')) ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s/m.exec(readFileSync(f, 'utf8'));
    if (m) return m[1];
  }
  return 'http://deb.debian.org/debian';
}

/**
 * Two executables that do nothing but print VERIFIED, made exactly as `npm run sea` makes ours
 * (same Node binary, same postject injection): one starting from a startup snapshot holding
 * nothing but Node's own bootstrap, one without a snapshot. They are the floor of any Node
 * single executable on this machine: what start-up costs before one line of ours runs.
 */
function buildFloors() {
  const dir = path.join(tmp, 'floor');
  mkdirSync(dir, { recursive: true });
  const make = (name, main, extra) => {
    writeFileSync(path.join(dir, `${name}.cjs`), main);
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ main: path.join(dir, `${name}.cjs`), output: path.join(dir, `${name}.blob`), disableExperimentalSEAWarning: true, ...extra }));
    const r = spawnSync(node, ['--experimental-sea-config', path.join(dir, `${name}.json`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`floor executable ${name}: ${r.stderr}`);
    const exe = path.join(dir, name);
    copyFileSync(realpathSync(node), exe);
    chmodSync(exe, 0o755);
    const inject = `require(${JSON.stringify(path.join(root, 'node_modules', 'postject'))}).inject(process.argv[1], 'NODE_SEA_BLOB', require('node:fs').readFileSync(process.argv[2]), { sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2' })`;
    const inj = spawnSync(node, ['-e', inject, exe, path.join(dir, `${name}.blob`)], { encoding: 'utf8' });
    if (inj.status !== 0) throw new Error(`floor executable ${name}: postject: ${inj.stderr}`);
    return exe;
  };
  return {
    snapshot: make('empty-snapshot', "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => { process.stdout.write('VERIFIED\\n'); });\n", { useSnapshot: true }),
    plain: make('empty-plain', "process.stdout.write('VERIFIED\\n');\n", {}),
  };
}

function timed(cmd, argv, cwd) {
  const out = path.join(tmp, 'time.txt');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M %R', '-o', out, cmd, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const [u, s, rss, faults] = readFileSync(out, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { ms, cpuMs: (u + s) * 1000, rssKiB: rss, faults, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-sea-'));
process.on('exit', () => {
  if (!args.has('--keep')) rmSync(tmp, { recursive: true, force: true });
});

if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build');
if (!existsSync(sea)) {
  log('building the standalone executable (npm run sea)...');
  const r = spawnSync(node, [path.join(root, 'scripts', 'sea.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run sea failed');
}
const floors = buildFloors();
const cosign = cosignPath();
const cosignVersion = /GitVersion:\s*(\S+)/.exec(spawnSync(cosign, ['version'], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
const debs = path.join(path.dirname(cosign), '..', '..', '..', 'debs');
const cosignPkg = existsSync(debs) ? /cosign_([^_]+)_/.exec(readdirSync(debs).find((f) => f.startsWith('cosign_')) ?? '')?.[1] : undefined;

log('signing the demo bundle (npm run demo, local Sigstore stand-in)...');
const demo = path.join(tmp, 'tiny-regression');
{
  const r = spawnSync(node, [path.join(root, 'scripts', 'demo.mjs')], { cwd: root, env: { ...process.env, DEMO_DIR: demo }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`npm run demo failed: ${r.stdout.slice(-1500)}${r.stderr.slice(-1500)}`);
}
const bundle = 'out/provenance.sigstore.json';
const trust = 'out/trusted_root.json';
const subject = 'model/model.json';
const ours = ['verify', subject, '--bundle', bundle, '--custom-trusted-root', trust, '--repo', 'example-org/tiny-regression', '--offline'];
const variants = [
  { name: 'standalone executable (SEA): `ml-provenance verify FILE --bundle B --custom-trusted-root R --repo R --offline`', key: 'sea', cmd: sea, argv: ours, ok: (r) => /^VERIFIED$/m.test(r.stdout) },
  { name: '`node dist/cli.js verify FILE --bundle B --custom-trusted-root R --repo R --offline`', key: 'node', cmd: node, argv: [path.join(root, 'dist', 'cli.js'), ...ours], ok: (r) => /^VERIFIED$/m.test(r.stdout) },
  {
    name: `cosign ${cosignPkg ? `${cosignPkg.replace(/-[^-]*$/, '')} (Debian package ${cosignPkg})` : cosignVersion}: \`cosign verify-blob-attestation --bundle B --new-bundle-format --trusted-root R --type … --certificate-identity-regexp … FILE\``,
    key: 'cosign',
    cmd: cosign,
    argv: [
      'verify-blob-attestation', '--bundle', bundle, '--new-bundle-format', '--trusted-root', trust,
      '--type', 'https://ml-provenance.dev/training-record/v1',
      '--certificate-identity-regexp', '^https://github\\.com/example-org/tiny-regression/',
      '--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com', subject,
    ],
    ok: (r) => /Verified OK/.test(r.stdout + r.stderr),
  },
  { name: '`node -e 0` (Node start-up, for scale)', key: 'node0', cmd: node, argv: ['-e', '0'], ok: () => true },
  { name: "floor: an executable made the same way whose startup snapshot holds only Node's bootstrap, printing one line", key: 'floorSnap', cmd: floors.snapshot, argv: [], ok: (r) => /^VERIFIED$/m.test(r.stdout) },
  { name: 'floor: the same without a snapshot', key: 'floorPlain', cmd: floors.plain, argv: [], ok: (r) => /^VERIFIED$/m.test(r.stdout) },
];

log(`verify as a process: ${reps} interleaved runs of each, after one warm-up...`);
const samples = Object.fromEntries(variants.map((v) => [v.key, []]));
for (let i = -1; i < reps; i++) {
  for (const v of variants) {
    const r = timed(v.cmd, v.argv, demo);
    if (r.status !== 0 || !v.ok(r)) throw new Error(`${v.key} did not verify (exit ${r.status}): ${r.stdout.slice(-500)} ${r.stderr.slice(-500)}`);
    if (i >= 0) samples[v.key].push(r);
  }
}
const stat = (key) => {
  const xs = samples[key];
  return { ms: median(xs.map((x) => x.ms)), min: Math.min(...xs.map((x) => x.ms)), cpu: median(xs.map((x) => x.cpuMs)), rss: median(xs.map((x) => x.rssKiB)) / 1024, faults: median(xs.map((x) => x.faults)) };
};
const st = Object.fromEntries(variants.map((v) => [v.key, stat(v.key)]));
const ratio = st.sea.ms / st.cosign.ms;
const cpuRatio = st.sea.cpu / st.cosign.cpu;
const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
const lines = [
  '### verify as a process: the standalone executable next to cosign',
  '',
  `The demo's bundle (\`npm run demo\`: local Sigstore stand-in, Rekor v1 entry + RFC 3161 timestamp) and one model file, verified offline against its trusted_root.json by each tool; every answer checked. ${reps} interleaved runs each, median; CPU = user + system, page faults = minor faults (/usr/bin/time). ${os.cpus().length} × ${os.cpus()[0]?.model}, load average at end ${load}.`,
  '',
  '| variant | median wall | min wall | median CPU | peak RSS | page faults |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...variants.map((v) => `| ${v.name.replace(/\|/g, '\\|')} | ${st[v.key].ms.toFixed(0)} ms | ${st[v.key].min.toFixed(0)} ms | ${st[v.key].cpu.toFixed(0)} ms | ${st[v.key].rss.toFixed(0)} MiB | ${st[v.key].faults.toFixed(0)} |`),
  '',
  `- standalone executable / cosign: **${ratio.toFixed(2)}×** wall time (goal ≤ 1.00×: ${ratio <= 1 ? '**met**' : '**not met**'}), ${cpuRatio.toFixed(2)}× CPU time; \`node dist/cli.js\` / cosign: ${(st.node.ms / st.cosign.ms).toFixed(2)}×.`,
  `- the floor of a Node single executable on this machine, before any code of ours runs: ${(st.floorSnap.ms / st.cosign.ms).toFixed(2)}× cosign's wall time and ${(st.floorSnap.cpu / st.cosign.cpu).toFixed(2)}× its CPU time with a startup snapshot, ${(st.floorPlain.ms / st.cosign.ms).toFixed(2)}× and ${(st.floorPlain.cpu / st.cosign.cpu).toFixed(2)}× without one; the executable spends ${(st.sea.cpu - st.floorSnap.cpu).toFixed(0)} ms CPU over its floor.`,
];
const summary = [`verify process: SEA ${st.sea.ms.toFixed(0)} ms, node dist ${st.node.ms.toFixed(0)} ms, cosign ${st.cosign.ms.toFixed(0)} ms → SEA/cosign ${ratio.toFixed(2)}× (CPU ${cpuRatio.toFixed(2)}×; empty-snapshot floor ${(st.floorSnap.cpu / st.cosign.cpu).toFixed(2)}×)`];
const markdown = [BEGIN, ...lines, END, ''].join('\n');
if (args.has('--write')) {
  const doc = path.join(root, 'docs', 'BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  if (!text.includes(BEGIN) || !text.includes(END)) throw new Error(`${doc} has no ${BEGIN} … ${END} markers`);
  writeFileSync(doc, text.slice(0, text.indexOf(BEGIN)) + markdown.trimEnd() + text.slice(text.indexOf(END) + END.length));
  log(`wrote the verify-sea part of ${path.relative(root, doc)}`);
}
console.log(JSON.stringify({ markdown, summary }));
