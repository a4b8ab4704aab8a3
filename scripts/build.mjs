// Builds dist/index.js (the action), dist/cli.js (the command line) and schemas/*.json
// (JSON Schemas generated from the zod schemas). `--check` builds into memory and
// exits 1 when the committed files differ, which is what CI and the tests run.
import { build } from 'esbuild';
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
  external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019'],
  define: { 'process.env.ML_PROVENANCE_BUNDLED': '"1"' },
};

async function bundleOutputs() {
  const files = new Map();
  const entries = [
    ['src/action/index.ts', 'dist/index.js'],
    ['src/cli/index.ts', 'dist/cli.js'],
    // Hashing worker threads: src/digest/pool.ts loads it relative to import.meta.url,
    // so it must sit next to dist/index.js and dist/cli.js.
    ['src/digest/worker.ts', 'dist/digest-worker.js'],
  ];
  for (const [entry, outfile] of entries) {
    const res = await build({ ...common, entryPoints: [entry], outfile });
    for (const f of res.outputFiles) {
      let text = f.text;
      if (outfile === 'dist/cli.js') text = '#!/usr/bin/env node\n' + text;
      files.set(path.relative(root, f.path), text);
    }
  }
  return files;
}

async function schemaOutputs() {
  const res = await build({ ...common, banner: undefined, entryPoints: ['src/schema/json-schema.ts'], outfile: 'schema.mjs' });
  const code = res.outputFiles[0].text;
  const mod = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  const files = new Map();
  for (const [name, text] of Object.entries(mod.generateJsonSchemas())) files.set(path.join('schemas', name), text);
  return files;
}

const outputs = new Map([...(await bundleOutputs()), ...(await schemaOutputs())]);

if (check) {
  const stale = [];
  for (const [rel, text] of outputs) {
    const current = await readFile(path.join(root, rel), 'utf8').catch(() => null);
    if (current !== text) stale.push(rel);
  }
  for (const dir of ['dist', 'schemas']) {
    for (const name of await readdir(path.join(root, dir)).catch(() => [])) {
      const rel = path.join(dir, name);
      if (!outputs.has(rel)) stale.push(`${rel} (not produced by the build)`);
    }
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
    for (const name of await readdir(path.join(root, dir))) {
      if (!outputs.has(path.join(dir, name)) && !name.endsWith('.tmp')) await rm(path.join(root, dir, name), { recursive: true, force: true });
    }
  }
  console.log(`wrote ${[...outputs.keys()].join(', ')}`);
}
