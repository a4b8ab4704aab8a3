// dist/cli.js on a Node.js older than package.json's engines: npm installs the package anyway
// (EBADENGINE is only a warning), so the CLI itself must say what is wrong, in one line, exit 2,
// before a command fails late (the store's `node:sqlite` is missing on Node 20: "No such
// built-in module") or with a stack trace.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, cleanEnv, ROOT } from '../helpers/run.js';

const run = (node: string, pre: string[], args: string[]) => {
  const r = spawnSync(node, [...pre, CLI, ...args], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Node 24 reporting itself as 20.11.1, the way an older Node's process.versions reads. */
const AS_NODE_20 = ['--import', 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.11.1"}})'];

/** A real Node.js older than the floor on PATH (Debian's /usr/bin/node is 20), if the machine has one. */
function olderNodeOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const node = path.join(dir, 'node');
    try {
      accessSync(node, constants.X_OK);
    } catch {
      continue;
    }
    const v = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const [major, minor] = v.replace(/^v/, '').split('.').map(Number);
    if (major! < 24 || (major === 24 && minor! < 15)) return node;
  }
  return undefined;
}

const STORE_ARGS = ['store', 'ingest', 'nothing-here.sigstore.json', '--store', path.join(ROOT, '.tmp', 'never-created.db'), '--no-verify'];

describe('the CLI on a Node.js older than engines.node', () => {
  test('refuses with one error line naming both versions and the fix, exit 2, for any command', () => {
    for (const args of [['--version'], ['verify', '--help'], STORE_ARGS]) {
      const r = run(process.execPath, AS_NODE_20, args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'error: ml-provenance needs Node.js 24.15.0 or later; this is Node.js 20.11.1 — install Node.js 24 (https://nodejs.org), or use the standalone executable from the release, which needs no Node (docs/INSTALL.md)\n',
      );
    }
  });

  test('on the floor itself it runs', () => {
    const r = run(process.execPath, [], ['--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  const old = olderNodeOnPath();
  test.skipIf(!old)(`a real older Node.js (${old ?? 'none on PATH'}) gets the same line`, () => {
    const r = run(old!, [], STORE_ARGS);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: ml-provenance needs Node\.js 24\.15\.0 or later; this is Node\.js \d+\.\d+\.\d+ — /);
    expect(r.stderr).not.toMatch(/\n\s+at |node:sqlite/);
  });
});
