import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// The CLI keeps a verification cache and its key in the user's cache and state
// directories (XDG_CACHE_HOME / XDG_STATE_HOME on Linux, under HOME on macOS,
// LOCALAPPDATA / APPDATA on Windows): each test file gets its own, never the developer's,
// and files never share verification results.
const home = mkdtempSync(path.join(tmpdir(), 'mlp-test-xdg-'));
process.env.XDG_CACHE_HOME = path.join(home, 'cache');
process.env.XDG_STATE_HOME = path.join(home, 'state');
if (process.platform === 'darwin') process.env.HOME = home;
if (process.platform === 'win32') Object.assign(process.env, { LOCALAPPDATA: path.join(home, 'local'), APPDATA: path.join(home, 'roaming') });
afterAll(() => rmSync(home, { recursive: true, force: true }));
