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

export async function bundleDigest(outDir) {
  const common = {
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
  await build({ ...common, entryPoints: ['src/digest/index.ts'], outfile: path.join(outDir, 'digest.js') });
  await build({ ...common, entryPoints: ['src/digest/worker.ts'], outfile: path.join(outDir, 'digest-worker.js') });
  return path.join(outDir, 'digest.js');
}
