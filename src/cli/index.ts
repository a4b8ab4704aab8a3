// The command-line entry: dist/cli.js.
import module from 'node:module';
import path from 'node:path';
import { userDirs } from '../util/dirs.js';

// Node's on-disk compile cache (keyed by each file's content and the Node version) makes
// loading the bundled modules ~25% faster from the second run on. It lives in the user's
// own cache directory, not a shared temp directory, and is switched on before anything
// heavy loads (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
const dirs = userDirs();
if (dirs) module.enableCompileCache?.(path.join(dirs.cache, 'node-compile-cache'));

const { main } = await import('./program.js');
process.exitCode = await main(process.argv.slice(2));
