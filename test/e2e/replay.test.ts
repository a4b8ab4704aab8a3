// Replays the example training project end to end with the built CLI: record a run,
// build its statement, then check inputs and re-run the command in a copy.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const example = path.join(root, 'examples/tiny-regression');

async function mlp(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cli, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const git = (args: string[], cwd: string) => exec('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd });

let ws: string;
const temps: string[] = [];
async function copyOf(dir: string): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'mlp-replay-copy-'));
  temps.push(d);
  await cp(dir, d, { recursive: true });
  return d;
}

beforeAll(async () => {
  ws = await copyOf(example);
  await rm(path.join(ws, '.ml-provenance'), { recursive: true, force: true });
  await git(['init', '-q'], ws);
  await git(['add', '-A'], ws);
  await git(['commit', '-qm', 'init'], ws);
  await exec('python3', ['train.py'], { cwd: ws });
  const built = await mlp(
    ['build', '--subject', 'model/model.json', '--config', 'config/train.yaml', '--datasets', 'datasets.yaml', '--out', 'prov.json', '--allow-incomplete'],
    ws,
  );
  expect(built.stderr).toContain('wrote prov.json');
}, 120_000);

afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('replay --check', () => {
  it('a record is verified before it is trusted: an unsigned statement needs --no-verify', async () => {
    const r = await mlp(['replay', 'prov.json', '--check'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: prov\.json is an unsigned statement, so it cannot be verified — pass the Sigstore bundle/m);
  });

  it('passes on the workspace that produced the record', async () => {
    const r = await mlp(['replay', '--no-verify', 'prov.json', '--check'], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/source\s+git HEAD\s+\w+\s+\w+\s+ok/);
    expect(r.stdout).toMatch(/config\s+config\/train\.yaml\s+sha256:\w+\s+sha256:\w+\s+ok/);
    expect(r.stdout).toMatch(/dataset\s+points@2026\.11\s+.*ok\s+data\/points\.csv/);
  });

  it('fails with exit 1 naming the dataset when the data changed', async () => {
    const copy = await copyOf(ws);
    await writeFile(path.join(copy, 'data/points.csv'), (await readFile(path.join(copy, 'data/points.csv'), 'utf8')) + '1,2,3\n');
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--check', '--workdir', copy], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dataset\s+points@2026\.11\s+.*MISMATCH/);
    expect(r.stderr).toMatch(/^error: dataset points@2026\.11: mismatch/m);
  });

  it('reports a missing config file', async () => {
    const copy = await copyOf(ws);
    await rm(path.join(copy, 'config/train.yaml'));
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--workdir', copy, '--json'], ws);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; rows: { kind: string; status: string }[] };
    expect(out.ok).toBe(false);
    expect(out.rows.find((x) => x.kind === 'config')?.status).toBe('missing');
  });
});

describe('replay --run', () => {
  it('reproduces the model digest and metrics of the deterministic example', async () => {
    const copy = await copyOf(ws);
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy], ws);
    expect(r.stderr).toContain('trained: test mse');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/model\s+model\/model\.json\s+sha256:\w+\s+sha256:\w+\s+ok/);
    expect(r.stdout).toMatch(/metric\s+mse \(test\) epoch \d+\s+[\d.]+\s+[\d.]+\s+ok/);
  }, 60_000);

  it('detects a different outcome and accepts it within a tolerance', async () => {
    const copy = await copyOf(ws);
    const cfg = path.join(copy, 'config/train.yaml');
    // A different seed changes the shuffles: different weights, slightly different metrics.
    await writeFile(cfg, (await readFile(cfg, 'utf8')).replace(/seed:\s*\d+/, 'seed: 7'));
    const strict = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy], ws);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/config\s+config\/train\.yaml\s+.*MISMATCH/);
    expect(strict.stdout).toMatch(/model\s+model\/model\.json\s+.*MISMATCH/);
    expect(strict.stdout).toMatch(/metric\s+mse \(test\).*MISMATCH/);
    const loose = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy, '--tolerance', '1000%', '--json'], ws);
    const rows = (JSON.parse(loose.stdout) as { rows: { kind: string; status: string }[] }).rows;
    expect(rows.filter((x) => x.kind === 'metric').every((x) => x.status === 'match')).toBe(true);
  }, 60_000);

  it('refuses --run without --workdir (it would overwrite the model)', async () => {
    const r = await mlp(['replay', '--no-verify', 'prov.json', '--run'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --run needs --workdir DIR.* — /);
  });
});
