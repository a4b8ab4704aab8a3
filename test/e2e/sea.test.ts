// The standalone executable (Node SEA, `npm run sea`) against dist/cli.js: built here for
// linux-x64 from the current sources, then run like a consumer runs it (no Node, no
// node_modules on the way: a clean environment and a temp working directory). The demo's
// signed bundle must get the same verdict and exit code from both, tampering included.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI, ROOT, cleanEnv } from '../helpers/run.js';

const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const SEA = path.join(ROOT, 'build', 'sea', `ml-provenance-linux-${process.arch}`);
let demo: string;
let out: string;

function run(cmd: string, args: string[], cwd = demo): { code: number; stdout: string; stderr: string } {
  // PATH without node_modules/.bin and the system node: the executable needs neither.
  const r = spawnSync(cmd, args, { cwd, env: { ...cleanEnv(), PATH: '/usr/bin:/bin' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const both = (args: string[]) => ({ sea: run(SEA, args), node: run(NODE, [CLI, ...args]) });

beforeAll(async () => {
  const build = spawnSync(NODE, [path.join(ROOT, 'scripts', 'sea.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (build.status !== 0) throw new Error(`npm run sea failed: ${build.stderr.slice(-2000)}`);
  // The demo's signed record (local Sigstore stand-in), in a copy of the example.
  demo = path.join(mkdtempSync(path.join(os.tmpdir(), 'mlp-sea-')), 'tiny-regression');
  const child = spawn(NODE, [path.join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, env: { ...cleanEnv(), DEMO_DIR: demo } });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`npm run demo failed: ${log.slice(-2000)}`);
  out = path.join(demo, 'out');
}, 900_000);

describe('standalone executable (SEA)', () => {
  test('is a single file that runs without Node on PATH', () => {
    expect(existsSync(SEA)).toBe(true);
    const version = run(SEA, ['--version'], os.tmpdir());
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const help = run(SEA, ['--help'], os.tmpdir());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('verify');
    expect(help.stdout).toContain('report');
    expect(help.stderr).not.toMatch(/ExperimentalWarning|snapshot/i);
  });

  test('verify: the demo bundle gets the same verdict and exit code as dist/cli.js', () => {
    const trust = ['--custom-trusted-root', path.join(out, 'trusted_root.json'), '--offline'];
    const ok = ['verify', 'model/model.json', '--bundle', path.join(out, 'provenance.sigstore.json'), '--repo', 'example-org/tiny-regression', ...trust];
    const a = both([...ok, '--json']);
    expect(a.node.code, a.node.stderr).toBe(0);
    expect(a.sea.code, a.sea.stderr).toBe(0);
    expect(JSON.parse(a.sea.stdout)).toEqual(JSON.parse(a.node.stdout));
    expect(JSON.parse(a.sea.stdout).verified).toBe(true);
    const text = both(ok);
    expect(text.sea.stdout).toBe(text.node.stdout);
    expect(text.sea.stdout).toMatch(/^VERIFIED$/m);

    // Another signer: exit 1 from both, with the same error line.
    const wrong = both([...ok.filter((x, i, l) => x !== 'example-org/tiny-regression' && l[i] !== '--repo'), '--repo', 'someone/else']);
    expect(wrong.sea.code).toBe(1);
    expect(wrong.node.code).toBe(1);
    expect(wrong.sea.stderr).toBe(wrong.node.stderr);

    // A tampered model: exit 1 from both.
    const model = path.join(demo, 'model', 'model.json');
    const tampered = path.join(demo, 'model-tampered.json');
    copyFileSync(model, tampered);
    writeFileSync(tampered, readFileSync(tampered, 'utf8').replace(/\d/, (d) => String((Number(d) + 1) % 10)));
    const bad = both(['verify', tampered, '--bundle', path.join(out, 'provenance.sigstore.json'), '--repo', 'example-org/tiny-regression', ...trust]);
    expect(bad.node.code).toBe(1);
    expect(bad.sea.code).toBe(1);
    expect(bad.sea.stdout).toBe(bad.node.stdout);
    expect(bad.sea.stderr).toMatch(/^error: verification failed: subjects: /m);

    // Usage error: exit 2, one line, no stack.
    const usage = both(['verify', '--bundle', path.join(demo, 'missing.json'), '--repo', 'example-org/tiny-regression']);
    expect(usage.sea.code).toBe(2);
    expect(usage.sea.stderr).toBe(usage.node.stderr);
    expect(usage.sea.stderr).not.toMatch(/^\s+at /m);
  });

  test('other commands: digest, summary, lineage answer as dist/cli.js does', () => {
    for (const args of [
      ['digest', 'model/model.json'],
      ['digest', 'data'],
      ['summary', path.join(out, 'provenance.sigstore.json'), '--format', 'text'],
      ['lineage', out, '--metric', 'mse', '--repo', 'example-org/tiny-regression', '--custom-trusted-root', path.join(out, 'trusted_root.json'), '--offline', '--no-cache'],
    ]) {
      const r = both(args);
      expect(r.node.code, `${args.join(' ')}: ${r.node.stderr}`).toBe(0);
      expect(r.sea.code, `${args.join(' ')}: ${r.sea.stderr}`).toBe(0);
      expect(r.sea.stdout, args.join(' ')).toBe(r.node.stdout);
    }
  });
});
