// A reader that stops reading (`ml-provenance store sync --help | head -1`): the built CLI
// ends quietly. The pipe's read end is closed before the CLI writes, so every write fails
// with EPIPE, as it does for the rest of a long help text once `head` has its line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = path.resolve(import.meta.dirname, '../../dist/cli.js');

function closedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output into a closed pipe', () => {
  it.each([[['store', 'sync', '--help']], [['--help']], [['lineage', '--help']], [['digest', 'package.json']]])('%j: exit 0, nothing on stderr', async (args) => {
    const r = await closedReader(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
