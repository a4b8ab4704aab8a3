#!/usr/bin/env node
// `npm run sea`: a standalone single-file executable of the CLI (Node's Single Executable
// Applications), so consumers need neither Node nor npm. Writes
// build/sea/ml-provenance-<os>-<arch>[.exe] for the platform it runs on (the release
// workflow runs it on one runner per platform).
//
//  1. esbuild bundles the CLI into CommonJS files (SEA runs a single script; dist/cli.js is
//     ESM split into chunks): the verify path for the snapshot, and the whole CLI. Everything
//     is bundled in, so no require() of a file at run time.
//  2. node --experimental-sea-config writes the preparation blob: a V8 startup snapshot of the
//     verify path (see below), plus the whole CLI as an asset with its V8 code cache made at
//     build time for every other command (`--no-snapshot`: the whole CLI as main with
//     `useCodeCache`). No writable cache is trusted: all of it is inside the executable,
//     covered by its signature.
//  3. postject injects the blob into a copy of this Node binary (the one running this
//     script: Node 24 from the `node` devDependency).
//
// The digest worker threads need their own script file, which a single executable does not
// have: the executable hashes on this thread (same digests, one core).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'build', 'sea');
const platform = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform] ?? process.platform;
const exe = path.join(out, `ml-provenance-${platform}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`);
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) throw new Error(`npm run sea needs Node >= 24 (this is ${process.version}): run it through npm so node_modules/.bin/node is used`);

/** Replace `from` by `to` in one source file while bundling; fail the build when the text is gone (so an edit there is noticed). */
function rewrite(file, from, to) {
  return {
    name: `sea-rewrite-${path.basename(file)}`,
    setup(b) {
      b.onLoad({ filter: new RegExp(`${file.replace(/[/.]/g, (c) => `\\${c}`)}$`) }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes(from)) throw new Error(`scripts/sea.mjs: ${file} no longer contains ${JSON.stringify(from)}: update the SEA build`);
        return { contents: src.replace(from, to), loader: 'ts' };
      });
    },
  };
}

/**
 * The verify-only bundle: program.ts with every command but `verify` cut out (their modules
 * are then in neither the bundle nor the snapshot). The snapshot's main runs this program
 * only for `verify`; any other command runs the whole CLI (the asset below).
 */
function verifyOnly() {
  return {
    name: 'sea-verify-only',
    setup(b) {
      b.onLoad({ filter: /src\/cli\/program\.ts$/ }, (args) => {
        let n = 0;
        const src = readFileSync(args.path, 'utf8').replace(/import\('\.\/commands\/([a-z-]+)\.js'\)/g, (m, name) => {
          if (name === 'verify') return m;
          n++;
          return "Promise.reject(new Error('ml-provenance: this command is not in the verify-only snapshot'))";
        });
        if (n < 10 || !src.includes("import('./commands/verify.js')")) throw new Error("scripts/sea.mjs: src/cli/program.ts no longer loads commands as import('./commands/NAME.js'): update the SEA build");
        return { contents: src, loader: 'ts' };
      });
    },
  };
}

mkdirSync(out, { recursive: true });
// With a startup snapshot the executable starts from a V8 heap in which the verify command's
// modules (sigstore, zod schemas...) are already loaded and initialised. Nothing of the run
// is in it: no argument, environment variable, file or key is read while the snapshot is
// built, and every check runs at run time as it does in dist/cli.js. Only the verify path is
// in the snapshot (about a quarter of the whole CLI's code: a smaller heap to deserialise at
// every start); every other command runs the whole CLI, embedded in the executable as an
// asset with a V8 code cache made at build time (both inside the executable, covered by its
// signature; V8 rejects a cache that does not match and then compiles, same result).
const snapshot = !process.argv.includes('--no-snapshot');
// zod compiles each object schema into a function (new Function) on its first parse: a gain
// over thousands of parses, a cost of ~100 ms for the handful one `verify` makes. The
// executable validates the same schemas with the interpreter instead (same checks).
const JITLESS = process.argv.includes('--zod-jit') ? '' : "import { config as zodConfig } from 'zod';\nzodConfig({ jitless: true });";
const FULL_ENTRY = `import { main } from './src/cli/program.ts';\n${JITLESS}\nmain(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n`;
/** The whole CLI as a function of CommonJS's arguments, for vm.Script: the code cache is made for exactly this text, so the executable wraps the asset with the same two strings. */
const WRAP = ['(function (require, module, exports, __filename, __dirname) {', '\n})'];
const wrapFull = (src) => WRAP[0] + src + WRAP[1];
const SNAPSHOT_ENTRY = [
  "import { startupSnapshot } from 'node:v8';",
  "import { createProgram, main, requestedCommand } from './src/cli/program.ts';",
  JITLESS,
  '// Load the verify command now: its module graph is what the snapshot keeps.',
  "void createProgram(['verify']);",
  'startupSnapshot.setDeserializeMainFunction(() => {',
  '  const argv = process.argv.slice(2);',
  "  if (requestedCommand(argv) === 'verify') {",
  '    main(argv).then((code) => { process.exitCode = code; });',
  '    return;',
  '  }',
  "  const { getAsset } = require('node:sea');",
  "  const vm = require('node:vm');",
  `  const source = ${JSON.stringify(WRAP[0])} + getAsset('cli.cjs', 'utf8') + ${JSON.stringify(WRAP[1])};`,
  "  const script = new vm.Script(source, { filename: process.execPath, cachedData: Buffer.from(getAsset('cli.cache')) });",
  "  script.runInThisContext()(require, { exports: {} }, {}, process.execPath, require('node:path').dirname(process.execPath));",
  '});',
].join('\n');
const bundle = path.join(out, 'ml-provenance.cjs');
const fullBundle = path.join(out, 'ml-provenance-full.cjs');
const fullCache = path.join(out, 'ml-provenance-full.cache');
/** Every file the executable is built from (as scripts/build.mjs's build id, plus "sea"): the verification cache keys on it. */
async function buildId() {
  const h = createHash('sha256').update('sea\0');
  const files = [...listTree('src'), ...listTree('patches'), 'package-lock.json'].sort();
  for (const rel of files) h.update(`${rel.split(path.sep).join('/')}\0`).update(readFileSync(path.join(root, rel))).update('\0');
  return h.digest('hex').slice(0, 32);
}
function listTree(dir) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listTree(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const buildIdValue = await buildId();
const bundleCli = (entry, outfile, plugins) => build({
  stdin: {
    contents: entry,
    resolveDir: root,
    sourcefile: 'sea-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  outfile,
  legalComments: 'none',
  logLevel: 'warning',
  keepNames: true,
  minifyWhitespace: true,
  minifySyntax: true,
  absWorkingDir: root,
  external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
  // import.meta.url in a CommonJS bundle: the executable itself.
  banner: { js: 'const __mlpMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: {
    'import.meta.url': '__mlpMetaUrl',
    'process.env.ML_PROVENANCE_BUNDLED': '"1"',
    'process.env.ML_PROVENANCE_SEA': '"1"',
    'process.env.ML_PROVENANCE_BUILD_ID': JSON.stringify(buildIdValue),
  },
  plugins: [rewrite('src/digest/index.ts', 'opts.concurrency ?? availableParallelism()', 'opts.concurrency ?? 0'), ...plugins],
});
const assets = {};
if (snapshot) {
  await bundleCli(SNAPSHOT_ENTRY, bundle, [verifyOnly()]);
  await bundleCli(FULL_ENTRY, fullBundle, []);
  // The same text the executable compiles (SNAPSHOT_ENTRY wraps the asset exactly like this).
  const { Script } = await import('node:vm');
  writeFileSync(fullCache, new Script(wrapFull(readFileSync(fullBundle, 'utf8')), { filename: exe }).createCachedData());
  Object.assign(assets, { 'cli.cjs': fullBundle, 'cli.cache': fullCache });
} else {
  await bundleCli(FULL_ENTRY, bundle, []);
}

const config = path.join(out, 'sea-config.json');
const blob = path.join(out, 'sea-prep.blob');
writeFileSync(config, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, assets, ...(snapshot ? { useSnapshot: true } : { useCodeCache: true }) }, null, 2));
const r = spawnSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });
if (r.status !== 0) throw new Error('node --experimental-sea-config failed');

rmSync(exe, { force: true });
copyFileSync(realpathSync(process.execPath), exe);
chmodSync(exe, 0o755);
if (process.platform === 'darwin') spawnSync('codesign', ['--remove-signature', exe], { stdio: 'inherit' });
const { inject } = require('postject');
await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
});
// macOS refuses to run an unsigned arm64 binary: an ad-hoc signature (the release is
// signed with Sigstore by the workflow, which is what consumers verify).
if (process.platform === 'darwin') spawnSync('codesign', ['--sign', '-', exe], { stdio: 'inherit' });
console.log(`wrote ${path.relative(root, exe)}`);
