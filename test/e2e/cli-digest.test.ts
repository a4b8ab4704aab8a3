import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

describe('ml-provenance digest (dist/cli.js)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-digest-'));
  mkdirSync(path.join(dir, 'model', 'shards'), { recursive: true });
  writeFileSync(path.join(dir, 'model', 'config.json'), '{"layers": 2}\n');
  writeFileSync(path.join(dir, 'model', 'shards', '0.bin'), Buffer.alloc(4096, 7));

  it('a file: the same line as sha256sum', () => {
    const r = runCli(['digest', 'model/config.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const coreutils = spawnSync('sha256sum', ['model/config.json'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(r.stdout).toBe(coreutils);
  });

  it('a directory: the manifest lines, and a digest anyone can recompute from them', () => {
    const r = runCli(['digest', 'model'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const manifest = lines.slice(0, -1).map((l) => `${l}\n`).join('');
    expect(lines.slice(0, -1).map((l) => l.split('  ')[2])).toEqual(['config.json', 'shards/0.bin']);
    const expected = createHash('sha256').update(manifest).digest('hex');
    expect(lines.at(-1)).toBe(`sha256:${expected}  model/ (manifest of 2 file(s), 4110 bytes)`);
    const json = JSON.parse(runCli(['digest', 'model', '--format', 'json'], { cwd: dir }).stdout) as { sha256: string; files: unknown[] };
    expect(json.sha256).toBe(expected);
    expect(json.files).toHaveLength(2);
  });

  it('--format model-signing: the OpenSSF model-signing statement over the directory', () => {
    const r = runCli(['digest', 'model', '--format', 'model-signing', '--ignore', 'shards'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const st = JSON.parse(r.stdout) as { predicateType: string; subject: Array<{ name: string }>; predicate: { resources: Array<{ name: string }> } };
    expect(st.predicateType).toBe('https://model_signing/signature/v1.0');
    expect(st.subject[0]!.name).toBe('model');
    expect(st.predicate.resources.map((x) => x.name)).toEqual(['config.json']);
  });

  it('a missing path is an input error', () => {
    const r = runCli(['digest', 'nope'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*nope/);
  });
});
