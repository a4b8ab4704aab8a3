import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// The CLI keeps a verification cache and its key under XDG_CACHE_HOME / XDG_STATE_HOME:
// each test file gets its own, never the developer's home, and files never share
// verification results.
const home = mkdtempSync(path.join(tmpdir(), 'mlp-test-xdg-'));
process.env.XDG_CACHE_HOME = path.join(home, 'cache');
process.env.XDG_STATE_HOME = path.join(home, 'state');
afterAll(() => rmSync(home, { recursive: true, force: true }));
