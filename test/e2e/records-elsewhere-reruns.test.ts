// Two slips a user test found with the records log outside GitHub Actions, where the workspace of
// `record` and `build` is the folder each runs in and lines carry no run tag:
// 1. `record` at the repository's top, `build` in `train/`: build read no log and said only
//    "0 dataset(s) recorded"; the log one folder up was never named.
// 2. Training run twice into one log: both runs' lines were signed as one record (the fit step
//    twice, every metric twice) with only a dataset version conflict to show for it.
// Driven as users do: the built CLI, real git, and a Python training script that calls it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, cleanEnv, copyExample, runCli, train } from '../helpers/run.js';

const git = (cwd: string, ...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd, encoding: 'utf8' });
const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('warning: '));
const errors = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('error: '));
type St = { predicate: { datasets: Array<{ id: string }>; steps: Array<{ name: string }>; metrics: Array<{ name: string }> } };

/** A git repository with data at its top and an empty `train/` sub-folder. */
function repo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-elsewhere-'));
  mkdirSync(path.join(dir, 'data'));
  mkdirSync(path.join(dir, 'train'));
  writeFileSync(path.join(dir, 'data', 'd.csv'), '1\n2\n3\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

describe('a records log outside the folder build runs in (same git work tree)', () => {
  it('record at the top, build in a sub-folder: a warning and the incomplete-record error name ../.ml-provenance and the fix, which then works', () => {
    const dir = repo();
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'data/d.csv', '--license', 'MIT'], { cwd: dir }).code).toBe(0);
    expect(runCli(['record', 'metric', '--name', 'mse', '--value', '0.1'], { cwd: dir }).code).toBe(0);
    const sub = path.join(dir, 'train');
    writeFileSync(path.join(sub, 'model.bin'), 'w\n');
    const b = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: sub });
    expect(b.code, b.stderr).toBe(1);
    const w = warnings(b.stderr).filter((l) => l.includes('.ml-provenance'));
    expect(w).toEqual([
      `warning: no records log at .ml-provenance in the workspace ${sub}, but ../.ml-provenance (in the top folder of the git repository) holds one: nothing from it is in this record — build reads the log of its workspace, which outside GitHub Actions is the folder it runs in, as for \`record\`: run build in .. (${dir}), where \`record\` wrote the log, with paths relative to that folder, or pass --workspace ..`,
    ]);
    const e = errors(b.stderr).find((l) => l.startsWith('error: datasets:'));
    expect(e).toMatch(/0 dataset\(s\) recorded, at least 1 required — the records log \.\.\/\.ml-provenance \(outside this build's workspace\) holds what was recorded: run build in \.\. .*, or pass --workspace \.\.; else declare the training data/);
    expect(b.stderr).not.toMatch(/\n\s+at /);

    // The fix as printed: the same build with the workspace one folder up, paths relative to it.
    const fixed = runCli(['build', '--no-detect-image', '--workspace', '..', '--subject', 'train/model.bin', '--out', 'p.json'], { cwd: sub });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(warnings(fixed.stderr).filter((l) => l.includes('.ml-provenance'))).toEqual([]);
    const st = JSON.parse(readFileSync(path.join(sub, 'p.json'), 'utf8')) as St;
    expect(st.predicate.datasets.map((d) => d.id)).toEqual(['d']);
  });

  it('an empty log in the sub-folder and the log two folders up: named as empty, the nearest log named', () => {
    const dir = repo();
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'data/d.csv', '--license', 'MIT'], { cwd: dir }).code).toBe(0);
    const deep = path.join(dir, 'train', 'exp1');
    mkdirSync(path.join(deep, '.ml-provenance'), { recursive: true });
    writeFileSync(path.join(deep, '.ml-provenance', 'records.jsonl'), '');
    writeFileSync(path.join(deep, 'model.bin'), 'w\n');
    const b = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: deep });
    expect(b.code).toBe(1);
    expect(warnings(b.stderr).join('\n')).toContain(`warning: the records log .ml-provenance/records.jsonl is empty in the workspace ${deep}, but ../../.ml-provenance (in the top folder of the git repository) holds one`);
    expect(errors(b.stderr).find((l) => l.startsWith('error: datasets:'))).toContain('run build in ../..');
  });

  it('in train/, `record reset` names the parent log it leaves, and build names it when train/ has its own log without the dataset', () => {
    const dir = repo();
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'data/d.csv', '--license', 'MIT'], { cwd: dir }).code).toBe(0);
    const sub = path.join(dir, 'train');
    const reset = runCli(['record', 'reset'], { cwd: sub });
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stderr).toBe(
      'no records log in .ml-provenance: nothing to remove\n' +
        `warning: ../.ml-provenance (in the top folder of the git repository) holds a records log, left as it is: outside GitHub Actions \`record\`, \`record reset\` and \`build\` each take the folder they run in as the workspace — to empty that log, run \`ml-provenance record reset\` in .. (${realpathSync(dir)})\n`,
    );
    expect(readFileSync(path.join(dir, '.ml-provenance', 'records.jsonl'), 'utf8')).toContain('"id":"d"');
    // The fix as printed empties it.
    expect(runCli(['record', 'reset'], { cwd: dir }).stderr).toMatch(/^removed \.ml-provenance\/records\.jsonl \(1 line\(s\)\)\n$/);

    // The step typed in train/ lands in train/.ml-provenance; the dataset is in the parent's.
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'data/d.csv', '--license', 'MIT'], { cwd: dir }).code).toBe(0);
    expect(runCli(['record', 'step', '--name', 'fit', '--input', 'd', '--', 'python3', 'train.py'], { cwd: sub }).code).toBe(0);
    writeFileSync(path.join(sub, 'model.bin'), 'w\n');
    const b = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: sub });
    expect(b.code).toBe(1);
    const named = /— the records log \.\.\/\.ml-provenance \(in the top folder of the git repository, outside this build's workspace\) holds 1 event\(s\) this build does not read \(dataset d\): .*run every `record` and build in one folder \(\.\., /;
    expect(errors(b.stderr).find((l) => l.startsWith('error: datasets:'))).toMatch(named);
    expect(errors(b.stderr).find((l) => l.startsWith('error: steps[0].inputs[0]:'))).toMatch(named);
    expect(b.stderr).not.toMatch(/\n\s+at /);
  });

  it('no git work tree around the folder: no parent folder is looked at', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-nogit-'));
    mkdirSync(path.join(dir, 'train'));
    writeFileSync(path.join(dir, 'data.csv'), '1\n');
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'data.csv', '--license', 'MIT'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'train', 'model.bin'), 'w\n');
    const b = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: path.join(dir, 'train') });
    expect(b.code).toBe(1);
    expect(b.stderr).not.toContain('../.ml-provenance');
  });

  it('the reverse, record in a sub-folder and build at the top: the warning and the error say to run build there', () => {
    const dir = repo();
    const sub = path.join(dir, 'train');
    writeFileSync(path.join(sub, 'd.csv'), '1\n');
    expect(runCli(['record', 'dataset', '--id', 'd', '--path', 'd.csv', '--license', 'MIT'], { cwd: sub }).code).toBe(0);
    writeFileSync(path.join(dir, 'model.bin'), 'w\n');
    const b = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: dir });
    expect(b.code).toBe(1);
    expect(warnings(b.stderr).join('\n')).toMatch(/warning: no records log at \.ml-provenance, but train\/\.ml-provenance holds one .* — pass --records train\/\.ml-provenance .*; outside GitHub Actions, where `record` takes paths relative to the folder it runs in, run build in train instead/);
    expect(errors(b.stderr).find((l) => l.startsWith('error: datasets:'))).toMatch(/— the records log train\/\.ml-provenance holds what was recorded, and \.ml-provenance is read: pass --records train\/\.ml-provenance; outside GitHub Actions, .* run build in train instead; else declare the training data/);
    // Run where record ran, as the fix says: the log's paths are relative to it.
    writeFileSync(path.join(sub, 'model.bin'), 'w\n');
    const there = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: sub });
    expect(there.code, there.stderr).toBe(0);
  });
});

/** The user's training script: records through the CLI, the dataset version from DSVER. */
const TRAIN_PY = `import os, subprocess, sys
MLP = [os.environ["MLP_NODE"], os.environ["MLP_CLI"]]
def rec(*a):
    r = subprocess.run(MLP + ["record", *a], capture_output=True, text=True)
    if r.returncode: sys.exit(r.stderr)
rec("dataset", "--id", "pts", "--path", "data/d.csv", "--version", os.environ.get("DSVER", "v1"), "--license", "CC-BY-4.0")
rec("param", "lr=0.01")
open("model.bin", "w").write("w\\n")
rec("metric", "--name", "mse", "--value", "0.25", "--split", "test", "--epoch", "5")
rec("metric", "--name", "accuracy", "--value", "0.9", "--split", "test", "--epoch", "5")
rec("step", "--name", "fit", "--input", "pts", "--param", "method=ols", "--", "python3", "train.py")
`;

function python(dir: string, env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync('python3', ['train.py'], { cwd: dir, encoding: 'utf8', env: { ...cleanEnv(), MLP_NODE: process.execPath, MLP_CLI: CLI, ...env } });
  expect(r.status, r.stderr).toBe(0);
}

/** 1-based numbers of the log's lines that match. */
function linesOf(dir: string, match: (l: Record<string, unknown>) => boolean): number[] {
  const text = readFileSync(path.join(dir, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n');
  return text.flatMap((l, i) => (match(JSON.parse(l) as Record<string, unknown>) ? [i + 1] : []));
}

const buildArgs = ['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'];

describe('a records log holding an earlier run (outside GitHub Actions: no run tags)', () => {
  it('trained twice: build names what shows it, on which lines, and the fix; `record reset` then starts an empty log', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'train.py'), TRAIN_PY);
    python(dir, { DSVER: 'v1' });
    python(dir, { DSVER: 'v2' });
    const mse = linesOf(dir, (l) => l.name === 'mse');
    const ds = linesOf(dir, (l) => l.kind === 'dataset');
    const fit = linesOf(dir, (l) => l.name === 'fit');
    expect([mse.length, ds.length, fit.length]).toEqual([2, 2, 2]);

    const b = runCli(buildArgs, { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    const w = warnings(b.stderr).filter((l) => l.includes('more than one run'));
    expect(w).toEqual([
      `warning: .ml-provenance/records.jsonl seems to hold more than one run (metric mse (split test, epoch 5) recorded again (lines ${mse[0]} and ${mse[1]}); ` +
        `metric accuracy (split test, epoch 5) recorded again (lines ${mse[0]! + 1} and ${mse[1]! + 1}); dataset pts recorded with version v1 (line ${ds[0]}), v2 (line ${ds[1]}); ` +
        `step fit recorded twice (lines ${fit[0]} and ${fit[1]})), and every line of it is in this record — \`record\` appends, and nothing in these lines tells one run from the next (outside GitHub Actions they carry no run tag): ` +
        'start each run from an empty log, `ml-provenance record reset` (or delete .ml-provenance) before training, then train and build again; if these lines are one run\'s (cross-validation folds under one metric name), record each series under its own --split or name',
    ]);
    // The dataset version conflict says it too.
    expect(warnings(b.stderr).find((l) => l.includes('"pts" version disagrees'))).toMatch(/if an earlier run's lines are still in the records log, start each run from an empty one \(`ml-provenance record reset` before training\)/);

    // The fix, as printed.
    const reset = runCli(['record', 'reset'], { cwd: path.join(dir) });
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stderr).toBe(`removed .ml-provenance/records.jsonl (${2 * 5} line(s))\n`);
    expect(readdirSync(path.join(dir, '.ml-provenance'))).toEqual(['.gitignore']);
    expect(runCli(['record', 'reset'], { cwd: dir }).stderr).toBe('no records log in .ml-provenance: nothing to remove\n');
    python(dir, { DSVER: 'v2' });
    const again = runCli(buildArgs, { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/more than one run|disagrees/);
    const st = JSON.parse(readFileSync(path.join(dir, 'p.json'), 'utf8')) as St;
    expect(st.predicate.steps.map((s) => s.name)).toEqual(['fit']);
    expect(st.predicate.metrics).toHaveLength(2);
  });

  it('the example trained twice (training code writing its own lines): the mse series starts over', () => {
    const ws = copyExample({ git: true });
    train(ws);
    train(ws);
    const b = runCli(['build', '--no-detect-image', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'p.json', '--policy', 'none'], { cwd: ws });
    expect(b.code, b.stderr).toBe(0);
    const first = linesOf(ws, (l) => l.name === 'mse' && l.split === 'train')[0]!;
    const restart = linesOf(ws, (l) => l.name === 'mse' && l.split === 'train')[3]!;
    expect(warnings(b.stderr).find((l) => l.includes('more than one run'))).toContain(`metric mse (split train, epoch 10) recorded again (lines ${first} and ${restart}); metric mse (split test, epoch 30) recorded again`);
  });

  it('no false alarm: resumed training, matrix legs in one folder, and the two-stage pipeline in one log', () => {
    // Resumed from a checkpoint: the setup steps and the command again, the series goes on.
    const dir = repo();
    writeFileSync(path.join(dir, 'model.bin'), 'w\n');
    const rec = (...a: string[]) => expect(runCli(['record', ...a], { cwd: dir }).code).toBe(0);
    rec('dataset', '--id', 'd', '--path', 'data/d.csv', '--license', 'MIT');
    // The checkpoint's epoch (3) is recorded again by the resumed session, with its own value.
    for (const [s, session] of [[1, 2, 3], [3, 4, 5]].entries()) {
      rec('command', '--', 'python3', 'train.py', '--resume');
      rec('step', '--name', 'load', '--input', 'd');
      for (const epoch of session) rec('metric', '--name', 'loss', '--value', String(1 / epoch + s / 1000), '--epoch', String(epoch), '--split', 'train');
    }
    const resumed = runCli(buildArgs, { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toMatch(/more than one run/);
    // The re-recorded epoch is said, and never answered with a reset that would drop epochs 1-3.
    expect(resumed.stderr).toMatch(/metric "loss.*was recorded more than once in the records log with different values.*both values are in the record, in the order recorded: nothing to do when the run resumed/);
    expect(resumed.stderr).not.toMatch(/record reset/);

    // Concurrent workers (multiprocessing.Pool, DDP ranks) write one run's epochs in the order
    // they finish: an epoch earlier than the first line's is no restart (each is recorded once).
    const pool = repo();
    writeFileSync(path.join(pool, 'model.bin'), 'w\n');
    for (const epoch of [2, 1, 0, 4, 3, 5]) expect(runCli(['record', 'metric', '--name', 'worker_loss', '--value', String(1 / (epoch + 1)), '--epoch', String(epoch)], { cwd: pool }).code).toBe(0);
    const workers = runCli([...buildArgs, '--policy', 'none'], { cwd: pool });
    expect(workers.code, workers.stderr).toBe(0);
    expect(workers.stderr).not.toMatch(/more than one run/);

    // Matrix legs handed over as artifacts: one file each, each with its own series.
    const legs = repo();
    writeFileSync(path.join(legs, 'model.bin'), 'w\n');
    for (const leg of ['records-small', 'records-large']) {
      const env = { ML_PROVENANCE_DIR: `.ml-provenance/${leg}` };
      expect(runCli(['record', 'metric', '--name', 'loss', '--value', leg.length.toString(), '--epoch', '1', '--split', leg], { cwd: legs, env }).code).toBe(0);
      expect(runCli(['record', 'metric', '--name', 'acc', '--value', '0.5', '--epoch', '1'], { cwd: legs, env }).code).toBe(0);
    }
    const matrix = runCli(buildArgs, { cwd: legs });
    expect(matrix.stderr).not.toMatch(/more than one run/);

    // examples/two-stage-pipeline, "Replaying the pipeline": both stages in one log.
    const ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-two-stage-'));
    cpSync(path.join(ROOT, 'examples', 'two-stage-pipeline'), ws, { recursive: true, filter: (s) => !/[/\\](work|model|out|\.ml-provenance)$/.test(s) });
    git(ws, 'init', '-q', '-b', 'main');
    const env = { ...cleanEnv(), ML_PROVENANCE_DIR: '.ml-provenance/all' };
    for (const script of ['preprocess.py', 'train.py']) {
      if (script === 'train.py') expect(runCli(['record', 'step', '--name', 'train', '--library', 'train.py@1', '--input', 'features', '--', 'python3', 'train.py'], { cwd: ws, env }).code).toBe(0);
      const r = spawnSync('python3', [script], { cwd: ws, encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
    }
    const pipeline = runCli(['build', '--no-detect-image', '--subject', 'model/model.json', '--out', 'prov.json', '--allow-incomplete'], { cwd: ws, env });
    expect(existsSync(path.join(ws, 'prov.json')), pipeline.stderr).toBe(true);
    expect(pipeline.stderr).not.toMatch(/more than one run/);
  });
});
