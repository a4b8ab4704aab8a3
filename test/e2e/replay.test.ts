// Replays the example training project end to end with the built CLI: record a run,
// build its statement, then check inputs and re-run the command in a copy.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';

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

  it('replays one record per command: a second bundle or run id is a usage error (so replay verifies exactly one bundle)', async () => {
    for (const args of [['replay', 'prov.json', 'prov.json', '--no-verify'], ['replay', '--store', 'none.db', 'a'.repeat(64), 'b'.repeat(64)]]) {
      const r = await mlp(args, ws);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: too many arguments for 'replay'\. Expected 1 argument but got 2\. — run `ml-provenance replay --help`/m);
    }
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
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy, '--yes'], ws);
    expect(r.stderr).toContain('replay will run: python3 train.py');
    expect(r.stderr).toContain('trained: test mse');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/model\s+model\/model\.json\s+sha256:\w+\s+sha256:\w+\s+ok/);
    expect(r.stdout).toMatch(/metric\s+mse \(test\) epoch \d+\s+[\d.]+\s+[\d.]+\s+ok/);
  }, 60_000);

  it('stops before running when an input differs from the record (it currently runs anyway)', async () => {
    const copy = await copyOf(ws);
    const cfg = path.join(copy, 'config/train.yaml');
    await writeFile(cfg, (await readFile(cfg, 'utf8')).replace(/seed:\s*\d+/, 'seed: 7'));
    const before = await readFile(path.join(copy, 'model/model.json'), 'utf8');
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy, '--yes'], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/config\s+config\/train\.yaml\s+.*MISMATCH/);
    expect(r.stderr).toMatch(/^error: the inputs in .* are not the recorded ones, so the command was not run — restore the recorded inputs, or pass --allow-changed-inputs/m);
    expect(r.stderr).not.toContain('trained:');
    expect(await readFile(path.join(copy, 'model/model.json'), 'utf8')).toBe(before);
  });

  it('detects a different outcome and accepts it within a tolerance (--allow-changed-inputs)', async () => {
    const copy = await copyOf(ws);
    const cfg = path.join(copy, 'config/train.yaml');
    // A different seed changes the shuffles: different weights, slightly different metrics.
    await writeFile(cfg, (await readFile(cfg, 'utf8')).replace(/seed:\s*\d+/, 'seed: 7'));
    const strict = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy, '--allow-changed-inputs', '--yes'], ws);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/config\s+config\/train\.yaml\s+.*MISMATCH/);
    expect(strict.stdout).toMatch(/model\s+model\/model\.json\s+.*MISMATCH/);
    expect(strict.stdout).toMatch(/metric\s+mse \(test\).*MISMATCH/);
    const loose = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy, '--allow-changed-inputs', '--yes', '--tolerance', '1000%', '--json'], ws);
    const rows = (JSON.parse(loose.stdout) as { rows: { kind: string; status: string }[] }).rows;
    expect(rows.filter((x) => x.kind === 'metric').every((x) => x.status === 'match')).toBe(true);
  }, 60_000);

  it('a fresh clone without the data reports the missing input before running, not a Python traceback (issue 13)', async () => {
    const clone = await mkdtemp(path.join(tmpdir(), 'mlp-replay-clone-'));
    temps.push(clone);
    await exec('git', ['clone', '-q', ws, clone]);
    await rm(path.join(clone, 'data/points.csv'));
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', clone, '--yes'], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dataset\s+points@2026\.11\s+.*MISSING/);
    expect(r.stderr).toMatch(/^error: dataset points@2026\.11: missing/m);
    expect(r.stderr).toMatch(/^error: the inputs in .* are not the recorded ones, so the command was not run — restore the missing inputs/m);
    expect(r.stderr).not.toMatch(/Traceback|replay will run/);
  });

  it('without a terminal and without --yes it shows the command and refuses, with the fix', async () => {
    const copy = await copyOf(ws);
    const r = await mlp(['replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^replay will run: python3 train\.py$/m);
    expect(r.stderr).toMatch(/^error: --run asks before running the command from the record, and there is no terminal to ask on — review the command shown above and pass --yes to run it$/m);
    expect(r.stderr).not.toContain('trained:');
  });

  it('on a terminal it asks: "n" runs nothing, "y" runs (a real pty through script(1))', async () => {
    const copy = await copyOf(ws);
    const ask = (answer: string) =>
      new Promise<string>((resolve) => {
        const line = [process.execPath, cli, 'replay', '--no-verify', path.join(ws, 'prov.json'), '--run', '--workdir', copy].map((a) => `'${a}'`).join(' ');
        const child = spawn('script', ['-qec', line, '/dev/null'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('Run it? [y/N]') && !child.stdin.writableEnded) child.stdin.end(`${answer}\n`);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('close', () => {
          clearTimeout(timer);
          resolve(out);
        });
      });
    const no = await ask('n');
    expect(no).toContain('replay will run: python3 train.py');
    expect(no).toContain('not run');
    expect(no).not.toContain('trained:');
    const yes = await ask('y');
    expect(yes).toContain('trained: test mse');
    expect(yes).toMatch(/model\s+model\/model\.json\s+sha256:\w+\s+sha256:\w+\s+ok/);
  }, 60_000);

  it('refuses --run without --workdir (it would overwrite the model)', async () => {
    const r = await mlp(['replay', '--no-verify', 'prov.json', '--run'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --run needs --workdir DIR.* — /);
  });
});

// Who may make `replay --run` execute a command: signed records from a local Sigstore
// stand-in, one per signing run (a push to main, a pull request, a pull_request_target run).
describe('replay --run trusts only a pinned, non-pull-request signer', () => {
  let sigstore: SigstoreStandin;
  const bundles: Record<string, string> = {};
  const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline'];
  const MAIN = 'acme/models/.github/workflows/train.yml@refs/heads/main';

  beforeAll(async () => {
    sigstore = await startSigstoreStandin();
    const runs: Record<string, Parameters<SigstoreStandin['mintToken']>[0]> = {
      main: {},
      pr: { ref: 'refs/pull/7/merge', event_name: 'pull_request' },
      prTarget: { event_name: 'pull_request_target' },
    };
    for (const [name, claims] of Object.entries(runs)) {
      bundles[name] = path.join(ws, `${name}.sigstore.json`);
      const r = await mlp(
        ['sign', 'prov.json', '--out', bundles[name]!, '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!, '--identity-token', sigstore.mintToken(claims)],
        ws,
      );
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(async () => sigstore?.close());

  const replayRun = async (bundle: string, ...flags: string[]) => {
    const copy = await copyOf(ws);
    const r = await mlp(['replay', bundles[bundle]!, '--run', '--workdir', copy, '--yes', ...trust(), ...flags], ws);
    return r;
  };

  it('--repo alone does not pin a ref: refused before anything runs', async () => {
    const r = await replayRun('main', '--repo', 'acme/models');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --run executes the command in the record, so the signer must be pinned to a ref you trust.* — add --signer-workflow OWNER\/REPO\/\.github\/workflows\/FILE\.yml@refs\/heads\/main/m);
    expect(r.stderr).not.toMatch(/replay will run|trained:/);
  });

  it('an un-pinned --signer-workflow is refused too', async () => {
    const r = await replayRun('main', '--signer-workflow', 'acme/models/.github/workflows/train.yml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/signer must be pinned to a ref/);
    expect(r.stderr).not.toContain('trained:');
  });

  it("a pull-request run's record is refused with --repo (it currently runs the PR's command)", async () => {
    const r = await replayRun('pr', '--repo', 'acme/models');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the record was signed by a pull-request run \(refs\/pull\/7\/merge, trigger pull_request\)/m);
    expect(r.stderr).not.toMatch(/replay will run|trained:/);
  });

  it('a pull_request_target run is refused even when pinned to main (its workflow ref is the base branch)', async () => {
    const r = await replayRun('prTarget', '--signer-workflow', MAIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signed by a pull-request run \(refs\/heads\/main, trigger pull_request_target\)/);
    expect(r.stderr).not.toContain('trained:');
  });

  it('a record signed on main, pinned with --signer-workflow …@refs/heads/main, runs', async () => {
    const r = await replayRun('main', '--signer-workflow', MAIN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('replay will run: python3 train.py');
    expect(r.stderr).toContain('trained: test mse');
  }, 60_000);

  it('--check needs no pin (nothing runs)', async () => {
    const r = await mlp(['replay', bundles.pr!, '--check', ...trust(), '--repo', 'acme/models'], ws);
    expect(r.code, r.stderr).toBe(0);
  });
});
