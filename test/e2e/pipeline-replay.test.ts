// Pipeline replay through dist/cli.js on the two-stage example run as ONE run with two
// steps (preprocess → train), each step's command recorded: the plan (--check), the
// replay in dependency order with real python3, a tampered intermediate output caught at
// the step that wrote it, a missing input caught before anything runs, and a remote
// input with instructions to fetch it and its digest checked once a copy is given.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, appendFile, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from './sign-verify-helpers.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/two-stage-pipeline');
const temps: string[] = [];
let ws: string;

async function copyOf(dir: string, drop: string[] = []): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'mlp-pipeline-'));
  temps.push(d);
  await cp(dir, d, { recursive: true });
  for (const x of drop) await rm(path.join(d, x), { recursive: true, force: true });
  return d;
}
const mlp = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runCliAsync(args, { cwd, env });
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

beforeAll(async () => {
  ws = await copyOf(example, ['.ml-provenance', 'work', 'model', 'out']);
  const git = (args: string[]) => exec('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: ws });
  await git(['init', '-q']);
  await git(['add', '-A']);
  await git(['commit', '-qm', 'init']);
  const env = { ...process.env, ML_PROVENANCE_DIR: path.join(ws, '.ml-provenance', 'all') };
  await exec('python3', ['preprocess.py'], { cwd: ws, env });
  const step = await mlp(['record', 'step', '--name', 'train', '--library', 'train.py@1', '--input', 'features', '--', 'python3', 'train.py'], ws, { ML_PROVENANCE_DIR: env.ML_PROVENANCE_DIR });
  expect(step.code, step.stderr).toBe(0);
  await exec('python3', ['train.py'], { cwd: ws, env });
  const built = await mlp(['build', '--subject', 'model/model.json', '--out', 'prov.json', '--allow-incomplete'], ws, { ML_PROVENANCE_DIR: env.ML_PROVENANCE_DIR });
  expect(built.code, built.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('replay of a recorded pipeline', () => {
  it('--check shows the plan: both steps in order, the intermediate file as written by the first', async () => {
    const r = await mlp(['replay', 'prov.json', '--check', '--no-verify', '--format', 'json'], ws);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { ok: boolean; rows: { kind: string; input: string; status: string; note?: string; recorded: string }[] };
    expect(j.ok).toBe(true);
    const steps = j.rows.filter((x) => x.kind === 'step');
    expect(steps.map((x) => [x.input, x.recorded, x.note])).toEqual([
      ['clean-standardize', 'python3 preprocess.py', 'runs 1 of 2'],
      ['train', 'python3 train.py', 'runs 2 of 2'],
    ]);
    const features = j.rows.find((x) => x.input === 'features')!;
    expect(features).toMatchObject({ status: 'planned', note: 'written by step clean-standardize: compared after it runs' });
    // train.py declares the same file under its own id: it is the same file, written by the same step.
    expect(j.rows.find((x) => x.input === 'train-input')).toMatchObject({ status: 'planned' });
    expect(j.rows.find((x) => x.input.startsWith('raw'))).toMatchObject({ status: 'match' });
  });

  it('--run replays the steps in dependency order from a copy without the intermediate files, and everything matches', async () => {
    const copy = await copyOf(ws, ['work', 'model', '.ml-provenance']);
    const r = await mlp(['replay', path.join(ws, 'prov.json'), '--run', '--no-verify', '--workdir', copy, '--yes', '--format', 'json'], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/replay will run, in this order:\n  step clean-standardize: python3 preprocess\.py\n  step train: python3 train\.py/);
    expect(r.stderr.indexOf('step clean-standardize (1 of 2)')).toBeLessThan(r.stderr.indexOf('step train (2 of 2)'));
    const j = JSON.parse(r.stdout) as { ok: boolean; rows: { kind: string; input: string; status: string; note?: string }[] };
    expect(j.ok).toBe(true);
    expect(j.rows).toContainEqual(expect.objectContaining({ kind: 'dataset', input: 'features', status: 'match', note: expect.stringContaining('output of step clean-standardize') }));
    expect(j.rows).toContainEqual(expect.objectContaining({ kind: 'model', input: 'model/model.json', status: 'match' }));
    // train.py's own id for the same file is compared once every step has run.
    expect(j.rows).toContainEqual(expect.objectContaining({ kind: 'dataset', input: 'train-input', status: 'match', note: 'written by step clean-standardize; work/features.csv' }));
    expect(j.rows).toContainEqual(expect.objectContaining({ kind: 'metric', status: 'match' }));
  });

  it('a step whose output differs stops the replay there, naming the step, the file and both digests', async () => {
    const copy = await copyOf(ws, ['work', 'model', '.ml-provenance']);
    // The preprocessing code changed: it now writes one more line.
    const src = await readFile(path.join(copy, 'preprocess.py'), 'utf8');
    await writeFile(path.join(copy, 'preprocess.py'), src.replace('    record({"kind": "step"', '    with open(os.path.join(HERE, "work", "features.csv"), "a") as f:\n        f.write("0.0,0.0,1\\n")\n    record({"kind": "step"'));
    const r = await mlp(['replay', path.join(ws, 'prov.json'), '--run', '--no-verify', '--workdir', copy, '--yes', '--allow-changed-inputs'], ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: dataset features: mismatch \(recorded sha256:[0-9a-f]{64}, local sha256:[0-9a-f]{64}\) \[output of step clean-standardize; work\/features\.csv\]/m);
    // HEAD matches the record, but the edited script is said before anything runs.
    expect(r.stdout).toMatch(/^source +git HEAD +[0-9a-f]{12} +[0-9a-f]{12} +ok +uncommitted changes: preprocess\.py$/m);
    expect(r.stderr).toMatch(/ — the replayed run produced something else: compare the step’s code, inputs and environment/);
    expect(r.stderr).toMatch(/^replay stopped at step clean-standardize, whose output differs from the record: not run: train$/m);
    expect(r.stderr).not.toContain('step train (2 of 2)');
    expect(r.stdout).toMatch(/^step +train +python3 train\.py +- +SKIPPED +not run: replay stopped at step clean-standardize/m);
    noStack(r.stderr);
  });

  it('--check: an intermediate file already here with other bytes is said to differ, and does not fail the check (the step rewrites it)', async () => {
    const copy = await copyOf(ws, ['model', '.ml-provenance']);
    await appendFile(path.join(copy, 'work/features.csv'), '9,9,1\n');
    const r = await mlp(['replay', path.join(ws, 'prov.json'), '--check', '--no-verify', '--workdir', copy, '--format', 'json'], ws);
    expect(r.code, r.stderr).toBe(0);
    const row = (JSON.parse(r.stdout).rows as { input: string; status: string; note: string; local: string; recorded: string }[]).find((x) => x.input === 'features')!;
    expect(row.status).toBe('planned');
    expect(row.note).toBe('written by step clean-standardize: compared after it runs; the copy here differs (the step rewrites it)');
    expect(row.local).not.toBe(row.recorded);
  });

  it('a bad --tolerance is refused (exit 2) without echoing the value, before anything runs', async () => {
    const planted = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const r = await mlp(['replay', path.join(ws, 'prov.json'), '--run', '--no-verify', '--workdir', ws, '--yes', '--tolerance', planted], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --tolerance must be a non-negative number or a percentage \(its text is not shown, in case it is a credential: .*\) — pass --tolerance 0\.001/m);
    expect(r.stderr + r.stdout).not.toContain(planted);
    expect(r.stderr + r.stdout).not.toContain(planted.slice(4, 20));
    expect(r.stderr).not.toMatch(/replay will run/);
    noStack(r.stderr);
  });

  it('a missing input stops everything before the first step runs', async () => {
    const copy = await copyOf(ws, ['work', 'model', '.ml-provenance', 'data/raw.csv']);
    const r = await mlp(['replay', path.join(ws, 'prov.json'), '--run', '--no-verify', '--workdir', copy, '--yes'], ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: dataset raw@1: missing/m);
    expect(r.stderr).not.toMatch(/replay will run|\(1 of 2\)/);
  });
});

describe('a missing DVC-tracked input', () => {
  it('says dvc pull PATH when the workdir tracks it (PATH.dvc as DVC writes it, or dvc.lock)', async () => {
    const copy = await copyOf(ws, ['data/raw.csv']);
    await writeFile(path.join(copy, 'data/raw.csv.dvc'), 'outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 120\n  hash: md5\n  path: raw.csv\n');
    const r = await mlp(['replay', path.join(ws, 'prov.json'), '--check', '--no-verify', '--workdir', copy, '--format', 'json'], ws);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rows).toContainEqual(expect.objectContaining({ input: 'raw@1', status: 'missing', note: 'data/raw.csv; tracked by DVC (data/raw.csv.dvc): dvc pull data/raw.csv' }));
    await rm(path.join(copy, 'data/raw.csv.dvc'));
    await writeFile(path.join(copy, 'dvc.lock'), 'schema: "2.0"\nstages:\n  get:\n    cmd: python3 get.py\n    outs:\n    - path: data/raw.csv\n      md5: 0123456789abcdef0123456789abcdef\n');
    const lock = await mlp(['replay', path.join(ws, 'prov.json'), '--check', '--no-verify', '--workdir', copy], ws);
    expect(lock.code).toBe(1);
    expect(lock.stderr).toMatch(/^error: dataset raw@1: missing .*tracked by DVC \(dvc\.lock\): dvc pull data\/raw\.csv/m);
  });
});

describe('remote inputs', () => {
  let dir: string;
  const bytes = 'remote rows v7\n';
  const digest = createHash('sha256').update(bytes).digest('hex');
  beforeAll(async () => {
    dir = await copyOf(ws, ['.ml-provenance']);
    const env = { ML_PROVENANCE_DIR: path.join(dir, '.ml-provenance', 'r') };
    for (const args of [
      ['record', 'dataset', '--id', 'extra', '--uri', 's3://acme-data/extra/', '--version', '7', '--digest', `sha256:${digest}`],
      ['record', 'dataset', '--id', 'hub', '--uri', 'hf://datasets/acme/points@0123456789abcdef0123456789abcdef01234567'],
      ['record', 'command', '--', 'python3', 'train.py'],
    ]) {
      const r = await mlp(args, dir, env);
      expect(r.code, r.stderr).toBe(0);
    }
    const built = await mlp(['build', '--subject', 'model/model.json', '--out', 'remote.json', '--allow-incomplete'], dir, env);
    expect(built.code, built.stderr).toBe(0);
  }, 60_000);

  it('--check says how to fetch each remote input at its recorded version, and checks a copy given with --input', async () => {
    const r = await mlp(['replay', 'remote.json', '--check', '--no-verify'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('aws s3 cp --recursive s3://acme-data/extra/ ./extra');
    expect(r.stdout).toContain('--input extra=./extra so replay checks its sha256');
    expect(r.stdout).toContain('hf download acme/points --repo-type dataset --revision 0123456789abcdef0123456789abcdef01234567 --local-dir ./hub');
    await writeFile(path.join(dir, 'extra.bin'), bytes);
    const ok = await mlp(['replay', 'remote.json', '--check', '--no-verify', '--input', 'extra=extra.bin', '--format', 'json'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).rows).toContainEqual(expect.objectContaining({ input: 'extra@7', status: 'match' }));
    const plan = await mlp(['replay', 'remote.json', '--check', '--no-verify', '--format', 'json'], dir);
    expect(JSON.parse(plan.stdout).rows).toContainEqual(
      expect.objectContaining({ input: 'hub@0123456789abcdef0123456789abcdef01234567', status: 'skipped', fetch: expect.stringMatching(/^hf download acme\/points --repo-type dataset --revision 0123456789abcdef0123456789abcdef01234567 --local-dir \.\/hub/) }),
    );
    await appendFile(path.join(dir, 'extra.bin'), 'tampered');
    const bad = await mlp(['replay', 'remote.json', '--check', '--no-verify', '--input', 'extra=extra.bin'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: dataset extra@7: mismatch/m);
    const unknown = await mlp(['replay', 'remote.json', '--check', '--no-verify', '--input', 'nope=x'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: --input names a dataset the record does not have — use one of: /m);
    noStack(unknown.stderr);
  });
});

// The pipeline's record signed (Sigstore stand-in), ingested into an embedded (node:sqlite)
// store, and replayed from there by run id: the same plan as the file, the same steps run,
// and the same signer rules (a signer not pinned to a ref is refused before anything runs).
describe('replay --store of a pipeline run', () => {
  let sigstore: SigstoreStandin;
  let db: string;
  let runId: string;
  const MAIN = 'acme/models/.github/workflows/train.yml@refs/heads/main';
  const trust = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline'];

  beforeAll(async () => {
    sigstore = await startSigstoreStandin();
    db = path.join(await copyOf(example, ['.ml-provenance', 'work', 'model', 'out', 'data', 'preprocess.py', 'train.py', 'README.md']), 'store.db');
    const bundle = path.join(path.dirname(db), 'prov.sigstore.json');
    const s = await mlp(['sign', 'prov.json', '--out', bundle, '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!, '--identity-token', sigstore.mintToken({})], ws);
    expect(s.code, s.stderr).toBe(0);
    const ing = await mlp(['store', 'ingest', bundle, '--store', db, ...trust(), '--repo', 'acme/models', '--format', 'json'], ws);
    expect(ing.code, ing.stderr).toBe(0);
    const out = JSON.parse(ing.stdout) as { stored: { runId: string }[] };
    runId = out.stored[0]!.runId;
  }, 120_000);
  afterAll(async () => sigstore?.close());

  it('--check from the store gives the plan the file gives', async () => {
    const fromFile = await mlp(['replay', 'prov.json', '--check', '--no-verify', '--format', 'json'], ws);
    const stored = await mlp(['replay', '--store', db, runId, '--check', ...trust(), '--repo', 'acme/models', '--format', 'json'], ws);
    expect(stored.code, stored.stderr).toBe(0);
    expect(JSON.parse(stored.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('--run from the store replays both steps in order; an unpinned signer is refused first', async () => {
    const copy = await copyOf(ws, ['work', 'model', '.ml-provenance']);
    const r = await mlp(['replay', '--store', db, runId, '--run', '--workdir', copy, '--yes', ...trust(), '--signer-workflow', MAIN, '--format', 'json'], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.indexOf('step clean-standardize (1 of 2)')).toBeLessThan(r.stderr.indexOf('step train (2 of 2)'));
    expect(JSON.parse(r.stdout).rows).toContainEqual(expect.objectContaining({ kind: 'model', status: 'match' }));
    const unpinned = await mlp(['replay', '--store', db, runId, '--run', '--workdir', copy, '--yes', ...trust(), '--repo', 'acme/models'], ws);
    expect(unpinned.code).toBe(2);
    expect(unpinned.stderr).toMatch(/^error: --run executes the command in the record, so the signer must be pinned to a ref/m);
    expect(unpinned.stderr).not.toMatch(/replay will run/);
  }, 60_000);
});

describe('a step recorded without its command', () => {
  it('is listed as "cannot replay" in the plan; its output must be in the workdir and is checked as an input', async () => {
    const dir = await copyOf(ws, ['.ml-provenance']);
    const env = { ML_PROVENANCE_DIR: path.join(dir, '.ml-provenance', 'x') };
    for (const args of [
      ['record', 'dataset', '--id', 'labels', '--path', 'data/raw.csv'],
      ['record', 'step', '--name', 'label-by-hand', '--output', 'labels'],
      ['record', 'step', '--name', 'train', '--input', 'labels', '--', 'python3', 'train.py'],
    ]) {
      const r = await mlp(args, dir, env);
      expect(r.code, r.stderr).toBe(0);
    }
    const built = await mlp(['build', '--subject', 'model/model.json', '--out', 'partial.json', '--allow-incomplete'], dir, env);
    expect(built.code, built.stderr).toBe(0);
    const r = await mlp(['replay', 'partial.json', '--check', '--no-verify', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).rows as { kind: string; input: string; status: string; note?: string }[];
    expect(rows).toContainEqual({ kind: 'step', input: 'label-by-hand', recorded: '-', local: '-', status: 'skipped', note: 'cannot replay: no command recorded; its outputs (labels) must already be in the workdir' });
    expect(rows.find((x) => x.input === 'labels')).toMatchObject({ status: 'match' });
    await rm(path.join(dir, 'data/raw.csv'));
    const gone = await mlp(['replay', 'partial.json', '--check', '--no-verify'], dir);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^error: dataset labels: missing/m);
  });
});

describe('steps that read each other in a cycle', () => {
  it('are refused by --check and --run (exit 2), naming the steps; nothing runs', async () => {
    const dir = await copyOf(ws, ['.ml-provenance']);
    const env = { ML_PROVENANCE_DIR: path.join(dir, '.ml-provenance', 'c') };
    for (const args of [
      ['record', 'dataset', '--id', 'a', '--path', 'data/raw.csv'],
      ['record', 'dataset', '--id', 'b', '--path', 'work/features.csv'],
      ['record', 'step', '--name', 'one', '--input', 'b', '--output', 'a', '--', 'sh', '-c', 'echo ran-one'],
      ['record', 'step', '--name', 'two', '--input', 'a', '--output', 'b', '--', 'sh', '-c', 'echo ran-two'],
    ]) {
      const r = await mlp(args, dir, env);
      expect(r.code, r.stderr).toBe(0);
    }
    const built = await mlp(['build', '--subject', 'model/model.json', '--out', 'cycle.json', '--allow-incomplete'], dir, env);
    expect(built.code, built.stderr).toBe(0);
    for (const mode of [['--check'], ['--run', '--workdir', dir, '--yes']]) {
      const r = await mlp(['replay', 'cycle.json', '--no-verify', ...mode], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: the recorded steps one, two read each other's outputs in a cycle, so there is no order to replay them in — /m);
      expect(r.stderr + r.stdout).not.toMatch(/ran-one|ran-two|replay will run/);
      noStack(r.stderr);
    }
  });
});

describe('--allow-changed-inputs in a pipeline', () => {
  it('a changed input of a later step is compared and reported, and does not stop that step; without the flag nothing runs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mlp-pipeline-sh-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'in.txt'), 'first\n');
    await writeFile(path.join(dir, 'extra.txt'), 'extra v1\n');
    const env = { ML_PROVENANCE_DIR: path.join(dir, '.ml-provenance') };
    await exec('sh', ['-c', 'cp in.txt mid.txt && cat mid.txt extra.txt > out.txt'], { cwd: dir });
    await exec('sh', ['-c', 'git init -q && git add in.txt extra.txt && git -c user.email=t@example.com -c user.name=t commit -qm init'], { cwd: dir });
    for (const args of [
      ['record', 'dataset', '--id', 'in', '--path', 'in.txt'],
      ['record', 'dataset', '--id', 'mid', '--path', 'mid.txt'],
      ['record', 'dataset', '--id', 'extra', '--path', 'extra.txt'],
      ['record', 'step', '--name', 'copy', '--input', 'in', '--output', 'mid', '--', 'sh', '-c', 'cp in.txt mid.txt'],
      ['record', 'step', '--name', 'join', '--input', 'mid', '--input', 'extra', '--', 'sh', '-c', 'cat mid.txt extra.txt > out.txt'],
    ]) {
      const r = await mlp(args, dir, env);
      expect(r.code, r.stderr).toBe(0);
    }
    const built = await mlp(['build', '--subject', 'out.txt', '--out', 'prov.json', '--allow-incomplete'], dir, env);
    expect(built.code, built.stderr).toBe(0);
    const copy = await copyOf(dir, ['mid.txt', 'out.txt', '.ml-provenance']);
    await writeFile(path.join(copy, 'extra.txt'), 'extra v2\n');
    const refused = await mlp(['replay', path.join(dir, 'prov.json'), '--run', '--no-verify', '--workdir', copy, '--yes'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: dataset extra: mismatch/m);
    expect(refused.stderr).not.toMatch(/running sh/);
    const r = await mlp(['replay', path.join(dir, 'prov.json'), '--run', '--no-verify', '--workdir', copy, '--yes', '--allow-changed-inputs', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.indexOf('step copy (1 of 2)')).toBeLessThan(r.stderr.indexOf('step join (2 of 2)'));
    const rows = JSON.parse(r.stdout).rows as { kind: string; input: string; status: string }[];
    expect(rows).toContainEqual(expect.objectContaining({ kind: 'dataset', input: 'mid', status: 'match' }));
    expect(rows).toContainEqual(expect.objectContaining({ kind: 'model', input: 'out.txt', status: 'mismatch' }));
    expect(rows.filter((x) => x.status === 'skipped' && x.kind === 'step')).toEqual([]);
    expect(await readFile(path.join(copy, 'out.txt'), 'utf8')).toBe('first\nextra v2\n');
  });
});
