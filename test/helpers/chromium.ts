import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The headless Chromium the browser tests drive: Debian's `chromium` package.
 *
 * Found at CHROMIUM_PATH or the usual install paths. When it is missing and we are root on a
 * Debian machine (CI, fresh developer machines), it is installed with apt-get, the way the
 * README's one test command promises to set everything up. Otherwise the test fails with the
 * install hint: a browser test is never skipped silently.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

let cached: string | undefined;

export function chromiumPath(): string {
  if (cached) return cached;
  const found = find();
  if (found) return (cached = found);
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args: string[]) => spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
    let r = run(['install', '-y', '-qq', 'chromium']);
    if (r.status !== 0) {
      run(['update', '-qq']);
      r = run(['install', '-y', '-qq', 'chromium']);
    }
    const after = find();
    if (after) return (cached = after);
    throw new Error(`Chromium is needed for the browser tests and could not be installed: ${r.stderr.slice(-400)}`);
  }
  throw new Error(
    'Chromium is needed for the browser tests: install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium/Chrome binary',
  );
}

function find(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Launch flags for a closed network as root: no sandbox (root), and no background
 * networking, so Chromium does not keep dialling hosts this machine cannot reach.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
