// A self-hosted runner reuses its workspace; with actions/checkout's `clean: false` (common for
// large checkouts) the records log of an earlier run is still there when training appends to it.
// That run's metrics and datasets must not enter this run's signed, permanent record.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyExample, runAction, runCli, train } from '../helpers/run.js';

const inputs = { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' };
type St = { predicate: { metrics: Array<{ name: string }>; buildDefinition: { externalParameters: { hyperparameters: Record<string, unknown> } } } };

let ws: string;
beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
  // The earlier run (41) and this one (42, the run the action runs in), each through `record` on the runner.
  const onRunner = (id: string) => ({ GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: id, GITHUB_WORKSPACE: ws });
  expect(runCli(['record', 'metric', '--name', 'earlier_run_loss', '--value', '9'], { cwd: ws, env: onRunner('41') }).code).toBe(0);
  expect(runCli(['record', 'param', 'earlier_lr=1'], { cwd: ws, env: onRunner('41') }).code).toBe(0);
  expect(runCli(['record', 'metric', '--name', 'this_run_loss', '--value', '0.5'], { cwd: ws, env: onRunner('42') }).code).toBe(0);
  // Training code writing its own line (no run tag): nothing says it is another run's.
  appendFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), JSON.stringify({ v: 1, kind: 'param', params: { own_line: true } }) + '\n');
});

describe('a records log left by an earlier run in a reused workspace', () => {
  it('record tags each event with GITHUB_RUN_ID on the runner, and nothing outside it', () => {
    const lines = readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { githubRun?: string; kind: string });
    expect(lines.filter((l) => l.githubRun).map((l) => [l.kind, l.githubRun])).toEqual([['metric', '41'], ['param', '41'], ['metric', '42']]);
    const off = copyExample();
    runCli(['record', 'metric', '--name', 'm', '--value', '1'], { cwd: off });
    expect(readFileSync(path.join(off, '.ml-provenance', 'records.jsonl'), 'utf8')).not.toMatch(/githubRun/);
  });

  it('the action leaves the earlier run\'s events out, says so in one warning with the fix, and keeps untagged lines', () => {
    const r = runAction(inputs, { workspace: ws });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const st = JSON.parse(readFileSync(r.outputs['statement-path']!, 'utf8')) as St;
    const names = st.predicate.metrics.map((m) => m.name);
    expect(names).toContain('this_run_loss');
    expect(names).not.toContain('earlier_run_loss');
    const hp = st.predicate.buildDefinition.externalParameters.hyperparameters;
    expect(hp.own_line).toBe(true);
    expect(hp).not.toHaveProperty('earlier_lr');
    const warned = r.annotations.filter((a) => a.startsWith('::warning')).map(decodeURIComponent);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/2 event\(s\) in the records log were recorded by another GitHub Actions run \(run 41: 2\) and are left out of this record — .*remove \.ml-provenance before training/);
  });

  it('outside GitHub Actions, build keeps every event (there is no current run to compare with)', () => {
    const b = runCli(['build', ...['--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'out/all.json', '--no-detect-image', '--policy', 'none']], { cwd: ws });
    expect(b.code, b.stderr).toBe(0);
    const names = (JSON.parse(readFileSync(path.join(ws, 'out', 'all.json'), 'utf8')) as St).predicate.metrics.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['earlier_run_loss', 'this_run_loss']));
  });

  it('the tagged line validates against the published schema (Python jsonschema)', () => {
    const schema = path.join(ROOT, 'schemas', 'record-event.schema.json');
    const log = path.join(ws, '.ml-provenance', 'records.jsonl');
    writeFileSync(path.join(ws, 'check.py'), 'import json, sys, jsonschema\ns = json.load(open(sys.argv[1]))\nfor line in open(sys.argv[2]):\n    jsonschema.validate(json.loads(line), s)\nprint("ok")\n');
    const py = spawnSync('python3', [path.join(ws, 'check.py'), schema, log], { encoding: 'utf8' });
    expect(py.stdout.trim(), py.stderr).toBe('ok');
  });
});

describe('a records log committed to the repository', () => {
  const git = (cwd: string, ...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd, encoding: 'utf8' });

  it('the folder record makes carries a .gitignore, so `git add -A` (real git) leaves the log out', () => {
    const dir = copyExample({ git: true });
    expect(runCli(['record', 'metric', '--name', 'local_loss', '--value', '1'], { cwd: dir }).code).toBe(0);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all').stdout).not.toMatch(/\.ml-provenance/);
    git(dir, 'add', '-A');
    expect(git(dir, 'ls-files', '.ml-provenance').stdout).toBe('');
    // A folder the user made is theirs: no file is added to it.
    const own = copyExample({ git: true });
    mkdirSync(path.join(own, 'logs'));
    expect(runCli(['record', 'metric', '--name', 'm', '--value', '1', '--records', 'logs'], { cwd: own }).code).toBe(0);
    expect(readdirSync(path.join(own, 'logs'))).toEqual(['records.jsonl']);
  });

  it('a log committed anyway (git add -f): the action says its lines are not this run\'s, with the fix', () => {
    const dir = copyExample({ git: true });
    train(dir);
    appendFileSync(path.join(dir, '.ml-provenance', 'records.jsonl'), JSON.stringify({ v: 1, kind: 'metric', name: 'laptop_loss', value: 0.1 }) + '\n');
    git(dir, 'add', '-f', '.ml-provenance/records.jsonl');
    git(dir, 'commit', '-qm', 'oops');
    const r = runAction(inputs, { workspace: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const warned = r.annotations.filter((a) => a.startsWith('::warning')).map(decodeURIComponent);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/the records log \.ml-provenance\/records\.jsonl is committed to the repository: .* — `git rm -r --cached \.ml-provenance` and ignore the folder/);
  });
});

describe('a records log staged (git add) but not committed', () => {
  const git = (cwd: string, ...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd, encoding: 'utf8' });
  const build = ['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'out/p.json', '--no-detect-image', '--policy', 'none'];
  const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('warning: '));

  it.each([
    ['in a repository with commits', true],
    ['before the first commit', false],
  ])('%s: build says staged, not committed, and its fix (run through sh, real git) unstages it', (_, commits) => {
    const dir = copyExample({ git: commits });
    if (!commits) git(dir, 'init', '-q', '-b', 'main');
    train(dir);
    // A folder name the shell must have quoted: the fix is run as printed.
    renameSync(path.join(dir, '.ml-provenance'), path.join(dir, 'run logs'));
    const env = { ML_PROVENANCE_DIR: 'run logs' };
    expect(runCli(['record', 'metric', '--name', 'm', '--value', '1'], { cwd: dir, env }).code).toBe(0);
    git(dir, 'add', '-f', 'run logs/records.jsonl');
    // What git itself says: in the index, not in HEAD.
    expect(git(dir, 'diff', '--cached', '--name-only').stdout).toMatch(/^run logs\/records\.jsonl$/m);
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', '--', 'run logs').stdout).toBe('');
    const b = runCli(build, { cwd: dir, env });
    expect(b.code, b.stderr).toBe(0);
    const w = warnings(b.stderr);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^warning: the records log run logs\/records\.jsonl is staged \(`git add`\) but not committed yet: once committed, its lines, recorded here, are merged into the record of every later checkout's run — `git rm -r --cached 'run logs'` and ignore the folder/);
    expect(w[0]).not.toMatch(/committed to the repository/);
    const fix = /`(git rm [^`]+)`/.exec(w[0]!)![1]!;
    expect(spawnSync('sh', ['-c', fix], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
    expect(git(dir, 'ls-files', '--', 'run logs').stdout).toBe('');
    expect(warnings(runCli(build, { cwd: dir, env }).stderr)).toEqual([]);
  });

  it('one log committed and another only staged: each is named for what it is', () => {
    const dir = copyExample({ git: true });
    train(dir);
    git(dir, 'add', '-f', '.ml-provenance/records.jsonl');
    git(dir, 'commit', '-qm', 'oops');
    writeFileSync(path.join(dir, '.ml-provenance', 'extra.jsonl'), JSON.stringify({ v: 1, kind: 'metric', name: 'extra_loss', value: 0.2 }) + '\n');
    git(dir, 'add', '-f', '.ml-provenance/extra.jsonl');
    const w = warnings(runCli(build, { cwd: dir }).stderr);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^warning: the records log \.ml-provenance\/records\.jsonl is committed to the repository: its lines were recorded wherever it was committed from, not by this run, and are in this record; the records log \.ml-provenance\/extra\.jsonl is staged \(`git add`\) but not committed yet: .* — `git rm -r --cached \.ml-provenance`/);
  });
});
