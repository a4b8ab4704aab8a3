import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../helpers/run.js';

async function demo(dir: string): Promise<{ code: unknown; out: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, env: { ...cleanEnv(), DEMO_DIR: dir } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  return { code, out };
}

describe('npm run demo', () => {
  it('runs the whole flow offline on a copy of the example and catches the tampered model', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mlp-demo-')), 'tiny-regression');
    const { code, out } = await demo(dir);
    expect(code, out).toBe(0);
    expect(out).toContain('signing as a run of example-org/tiny-regression at ');
    expect(out).toContain('VERIFIED');
    expect(out).toMatch(/FAILED: subjects: 1 of 1 file\(s\) match no signed subject digest: model\/model\.json/);
    expect(out).toMatch(/mse \(test, epoch 30\)\s+0\.225492/);
    // Step 7 asks for the test metric only (README: "which dataset version produced the test mse").
    expect(out).not.toMatch(/mse \(train, epoch 30\)/);
    // The expected failure of step 9 is said to be expected, and the model put back.
    expect(out).toMatch(/^→ exit 1, as it should: the changed model is refused .*model\/model\.json is restored$/m);
    expect(out).toContain('… (the whole text: out/provenance.md)');
    // The run went into the embedded store and one lineage question was answered from it.
    expect(out).toMatch(/^stored [a-f0-9]{64} verified out\/provenance\.sigstore\.json$/m);
    expect(out).toMatch(/^mse\[test\]@30=0\.225492  run [a-f0-9]{16} verified/m);
    expect(out).toMatch(/^  datasets: points@2026\.11 \(sha256:/m);
    for (const f of ['provenance.intoto.json', 'provenance.sigstore.json', 'provenance.md', 'trusted_root.json', 'store.db']) expect(existsSync(path.join(dir, 'out', f)), f).toBe(true);
  });

  it('in a clone from GitHub (README: `npm ci && npm run demo`) it signs as the clone\'s repository and branch, which verify holds the record to', async () => {
    // The example inside a git checkout whose origin is on GitHub, on a branch of its own, as a
    // contributor's clone is: the record names that origin, and the source check compares it.
    const clone = mkdtempSync(path.join(os.tmpdir(), 'mlp-demo-clone-'));
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: clone, encoding: 'utf8' });
    for (const a of [['init', '-q', '-b', 'main'], ['remote', 'add', 'origin', 'git@github.com:acme/ml-provenance.git'], ['commit', '-q', '--allow-empty', '-m', 'x'], ['checkout', '-q', '-b', 'feature/demo']]) expect(git(...a).status).toBe(0);
    const { code, out } = await demo(path.join(clone, 'examples', 'tiny-regression'));
    expect(code, out).toBe(0);
    expect(out).toMatch(/^signing as a run of acme\/ml-provenance at [0-9a-f]{12} \(refs\/heads\/feature\/demo\)$/m);
    expect(out).toMatch(/^ok {4}source /m);
    expect(out).toContain('✅ demo complete');
  });
});
