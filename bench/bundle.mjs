// Bundles src/digest the way scripts/build.mjs bundles dist/ (same esbuild settings:
// ESM, node24, createRequire banner, ML_PROVENANCE_BUNDLED=1), into a temp directory:
// digest.js (the library) and digest-worker.js next to it, as in dist/.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const banner = {
  js: [
    "import { createRequire as __mlpCreateRequire } from 'node:module';",
    'const require = __mlpCreateRequire(import.meta.url);',
  ].join('\n'),
};

/** The settings scripts/build.mjs bundles dist/ with: what a bench runs is what users run. */
const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  keepNames: true,
  define: { 'process.env.ML_PROVENANCE_BUNDLED': '"1"' },
};

/** Bundle one entry point (relative to the repository root) to `outfile`, as dist/ is bundled; `extra` overrides. */
export async function bundleBenchLib(entry, outfile, extra = {}) {
  await build({ ...COMMON, ...extra, entryPoints: [entry], outfile });
  return outfile;
}

export async function bundleDigest(outDir) {
  await bundleBenchLib('src/digest/index.ts', path.join(outDir, 'digest.js'));
  await bundleBenchLib('src/digest/worker.ts', path.join(outDir, 'digest-worker.js'));
  return path.join(outDir, 'digest.js');
}
