// Builds dist/index.js (the action), dist/cli.js (the command line) and schemas/*.json
// (JSON Schemas generated from the zod schemas). `--check` builds into memory and
// exits 1 when the committed files differ, which is what CI and the tests run.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// ESM bundles of CommonJS dependencies need `require`; esbuild leaves it to us.
const banner = {
  js: [
    "import { createRequire as __mlpCreateRequire } from 'node:module';",
    'const require = __mlpCreateRequire(import.meta.url);',
  ].join('\n'),
};

// @actions/core imports its OIDC client (and through it an HTTP stack) at load time,
// which costs the action ~100 ms of start-up it rarely needs. Resolve that one import
// to a forwarder that loads the real module on first use.
const lazyActionsOidc = {
  name: 'lazy-actions-core-oidc',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}@actions${path.sep}core${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), 'oidc-utils.js'), namespace: 'lazy-oidc' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, (args) => ({
      resolveDir: path.dirname(args.path),
      contents: [
        'export class OidcClient {',
        '  static async getIDToken(audience) {',
        `    const real = await import(${JSON.stringify(args.path)});`,
        '    return real.OidcClient.getIDToken(audience);',
        '  }',
        '}',
      ].join('\n'),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  absWorkingDir: root,
  sourcemap: false,
  metafile: false,
  // Keep stack traces meaningful with --debug without shipping source maps.
  keepNames: true,
  // Optional plug-ins of @cyclonedx/cyclonedx-library (XML output, schema validation):
  // it loads them inside try/catch, and the JSON export does not need them.
  external: ['pg-native', 'xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
  define: { 'process.env.ML_PROVENANCE_BUNDLED': '"1"' },
  plugins: [lazyActionsOidc],
};

async function bundleOutputs() {
  // One build with code splitting: each entry loads only what it imports statically,
  // and dynamically imported modules (sigstore, octokit, a CLI command…) become chunks
  // loaded on first use, which keeps start-up fast.
  const res = await build({
    ...common,
    entryPoints: {
      index: 'src/action/index.ts',
      cli: 'src/cli/index.ts',
      // Hashing worker threads: src/digest/pool.ts loads it relative to import.meta.url.
      'digest-worker': 'src/digest/worker.ts',
      // Verification worker threads (lineage over many bundles): src/verify/pool.ts.
      'verify-worker': 'src/verify/worker.ts',
    },
    outdir: 'dist',
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
  });
  const files = new Map();
  for (const f of res.outputFiles) {
    const rel = path.relative(root, f.path);
    files.set(rel, rel === path.join('dist', 'cli.js') ? '#!/usr/bin/env node\n' + f.text : f.text);
  }
  return files;
}

/** Every file under dir, relative to the root. */
async function listTree(dir) {
  const out = [];
  for (const e of await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => [])) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listTree(rel)));
    else out.push(rel);
  }
  return out;
}

async function schemaOutputs() {
  const res = await build({ ...common, banner: undefined, entryPoints: ['src/schema/json-schema.ts'], outfile: 'schema.mjs' });
  const code = res.outputFiles[0].text;
  const mod = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  const files = new Map();
  for (const [name, text] of Object.entries(mod.generateJsonSchemas())) files.set(path.join('schemas', name), text);
  return files;
}

/**
 * A digest of everything the bundles are built from (sources, locked dependencies, the
 * dependency patches). The verification cache keys on it (src/verify/cache.ts), so a
 * build never reuses what another build's verifier accepted.
 */
async function buildId() {
  const h = createHash('sha256');
  const files = [...(await listTree('src')), ...(await listTree('patches')), 'package-lock.json'].sort();
  for (const rel of files) h.update(`${rel.split(path.sep).join('/')}\0`).update(await readFile(path.join(root, rel))).update('\0');
  return h.digest('hex').slice(0, 32);
}
common.define = { ...common.define, 'process.env.ML_PROVENANCE_BUILD_ID': JSON.stringify(await buildId()) };

const outputs = new Map([...(await bundleOutputs()), ...(await schemaOutputs())]);

if (check) {
  const stale = [];
  for (const [rel, text] of outputs) {
    const current = await readFile(path.join(root, rel), 'utf8').catch(() => null);
    if (current !== text) stale.push(rel);
  }
  for (const dir of ['dist', 'schemas']) {
    for (const rel of await listTree(dir)) if (!outputs.has(rel)) stale.push(`${rel} (not produced by the build)`);
  }
  if (stale.length) {
    console.error(`error: generated files are stale: ${stale.join(', ')} — run \`npm run build\` and commit the result`);
    process.exit(1);
  }
  console.log('dist/ and schemas/ are up to date');
} else {
  // Each file is replaced atomically (temp + rename) so a test reading dist/ while
  // another build runs never sees a half-written bundle; leftovers are removed after.
  for (const [rel, text] of outputs) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, text, rel === 'dist/cli.js' ? { mode: 0o755 } : undefined);
    await rename(tmp, file);
  }
  for (const dir of ['dist', 'schemas']) {
    for (const rel of await listTree(dir)) if (!outputs.has(rel) && !rel.endsWith('.tmp')) await rm(path.join(root, rel), { force: true });
  }
  console.log(`wrote ${outputs.size} files: ${[...outputs.keys()].filter((f) => !f.includes('chunks')).join(', ')} and dist/chunks/`);
}
