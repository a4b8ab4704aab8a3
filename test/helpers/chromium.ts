import { existsSync } from 'node:fs';
import { aptInstall } from './debian.js';

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
  const installed = aptInstall('chromium');
  const after = find();
  if (after) return (cached = after);
  if (installed) throw new Error(`Chromium is needed for the browser tests and could not be installed: ${installed.detail}`);
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
