// Installing the CLI from a release tarball, as docs/INSTALL.md tells consumers: `npm pack`
// of this checkout (the committed dist/), then `npm install --global --prefix P ./x.tgz`
// with --offline (the package has no run-time dependencies: dist/ is self-contained, so
// nothing is fetched and no install script runs), then the installed `ml-provenance` runs
// --help and verifies a bundle signed by the local Sigstore stand-in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { CLI, ROOT, cleanEnv } from '../helpers/run.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
// Node 24 first on PATH: the installed bin is `#!/usr/bin/env node`.
const PATH = `${path.join(ROOT, 'node_modules', '.bin')}:/usr/bin:/bin`;
const env = () => ({ ...cleanEnv(), PATH, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false' });
let work: string;
let sigstore: SigstoreStandin;

function sh(cmd: string, args: string[], cwd = work): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, env: env(), encoding: 'utf8', timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'mlp-pack-'));
  sigstore = await startSigstoreStandin();
});
afterAll(async () => {
  await sigstore?.close();
});

describe('npm pack + npm install from the tarball', () => {
  test('package.json: a bin, a files list, no run-time dependencies, prepare only needs a devDependency', () => {
    expect(pkg.bin['ml-provenance']).toBe('dist/cli.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'schemas', 'action.yml']));
    // dist/ bundles everything: consumers install nothing else (and run no dependency's install script).
    expect(pkg.dependencies ?? {}).toEqual({});
    // `prepare` runs for git (github:) installs, after devDependencies are installed.
    expect(pkg.scripts.prepare).toMatch(/^patch-package\b/);
    expect(pkg.devDependencies['patch-package']).toBeDefined();
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('the tarball installs offline into a prefix and its ml-provenance verifies a signed bundle', async () => {
    const packed = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const files = info.files.map((f) => f.path);
    for (const f of ['dist/cli.js', 'dist/index.js', 'dist/digest-worker.js', 'dist/verify-worker.js', 'action.yml', 'package.json', 'README.md', 'schemas/statement.schema.json']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('dist/chunks/'))).toBe(true);
    // Nothing of the sources, tests, build output or local state.
    expect(files.filter((f) => /^(src|test|bench|scripts|patches|build|examples|node_modules|\.tmp|\.github)\//.test(f) || f.endsWith('.tmp'))).toEqual([]);

    const prefix = path.join(work, 'prefix');
    const inst = sh('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(work, info.filename)]);
    expect(inst.code, inst.stderr).toBe(0);
    const bin = path.join(prefix, 'bin', 'ml-provenance');
    const help = sh(bin, ['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('verify');
    expect(sh(bin, ['--version']).stdout.trim()).toBe(pkg.version);

    // A signed record, then `verify` with the installed CLI.
    const st = path.join(work, 'statement.json');
    writeFileSync(st, JSON.stringify(asBuiltBy(makeStatement({ run: '7' }))));
    const bundle = path.join(work, 'bundle.sigstore.json');
    const signed = await runCliAsync(['sign', st, '--out', bundle, '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!, '--identity-token', sigstore.mintToken()], { cwd: work });
    expect(signed.code, signed.stderr).toBe(0);
    const verify = sh(bin, ['verify', '--bundle', bundle, '--repo', 'acme/models', '--custom-trusted-root', sigstore.trustedRootPath, '--offline']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^VERIFIED$/m);
    const wrong = sh(bin, ['verify', '--bundle', bundle, '--repo', 'other/repo', '--custom-trusted-root', sigstore.trustedRootPath, '--offline']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error: verification failed: identity: /m);
  }, 300_000);
});
