// A command recorded from a sub-folder of the checkout (`working-directory: train` in a workflow,
// so GITHUB_WORKSPACE is the checkout and the command runs in train/) replays in that folder:
// `record command` / `record step -- CMD` store the folder, build carries it as
// `workingDirectory`, and `replay --run` (dist/cli.js) runs the command there and re-creates the
// model. A recorded folder that leads out of the workdir (`..`, a symlink out) or is not there is
// refused before anything runs; `replay --check` reports the same folders as rows (exit 1).
// `summary` shows the command with its folder, `diff` names a moved folder. The published JSON
// Schemas, read by Python's jsonschema, accept the field and refuse a folder that climbs out.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

const TRAINER = `import hashlib, os
with open("data.csv", encoding="utf-8") as f:
    rows = f.read()
os.makedirs("out", exist_ok=True)
with open(os.path.join("out", "model.txt"), "w", encoding="utf-8") as f:
    f.write("model of " + hashlib.sha256(rows.encode()).hexdigest() + "\\n")
`;

type Statement = {
  subject: Array<{ name: string }>;
  predicate: {
    buildDefinition: { externalParameters: { command?: string[]; workingDirectory?: string } };
    steps: Array<{ name: string; command?: string[]; workingDirectory?: string }>;
  };
};

const temps: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

/** A git checkout with the training code in train/. */
function checkout(): string {
  const ws = temp('mlp-subfolder-');
  mkdirSync(path.join(ws, 'train'));
  writeFileSync(path.join(ws, 'train', 'trainer.py'), TRAINER);
  writeFileSync(path.join(ws, 'train', 'data.csv'), 'x,y\n1,2\n3,4\n');
  const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd: ws, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return ws;
}

/** `record …` typed in train/ in a job whose checkout is `ws`. */
function recordInTrain(ws: string, args: string[]): void {
  const r = runCli(['record', ...args], { cwd: path.join(ws, 'train'), env: { GITHUB_WORKSPACE: ws } });
  expect(r.code, r.stderr).toBe(0);
}

/** Train in train/, then build the record at the checkout's root (as the action does). */
function trainAndBuild(ws: string): Statement {
  const t = spawnSync('python3', ['trainer.py'], { cwd: path.join(ws, 'train'), encoding: 'utf8' });
  expect(t.status, t.stderr).toBe(0);
  const b = runCli(['build', '--subject', 'train/out/model.txt', '--out', 'prov.json', '--allow-incomplete'], { cwd: ws });
  expect(b.code, b.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(ws, 'prov.json'), 'utf8')) as Statement;
}

/** A copy of the checkout without what training wrote (the workdir replay runs in). */
function copyWithoutOutputs(ws: string): string {
  const copy = temp('mlp-subfolder-copy-');
  cpSync(ws, copy, { recursive: true, filter: (src) => !/[/\\](\.ml-provenance|out)$/.test(src) });
  return copy;
}

function replayCheck(statementFile: string, workdir: string) {
  return runCli(['replay', statementFile, '--check', '--no-verify', '--workdir', workdir, '--format', 'json'], { cwd: workdir });
}

function replayRun(statementFile: string, workdir: string) {
  return runCli(['replay', statementFile, '--run', '--no-verify', '--workdir', workdir, '--yes', '--format', 'json'], { cwd: workdir });
}

/** Validate a JSON file with Python's jsonschema against one of the published schemas; the errors, one a line. */
function jsonschemaErrors(schema: string, file: string): string[] {
  const py = spawnSync(
    'python3',
    [
      '-c',
      'import json, sys, jsonschema\ns = json.load(open(sys.argv[1]))\nv = jsonschema.validators.validator_for(s)(s)\nfor e in v.iter_errors(json.load(open(sys.argv[2]))):\n    print("/".join(map(str, e.absolute_path)))\n',
      path.join(ROOT, 'schemas', schema),
      file,
    ],
    { encoding: 'utf8' },
  );
  expect(py.status, py.stderr).toBe(0);
  return py.stdout.split('\n').filter(Boolean);
}

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('record command typed in train/, replayed', () => {
  let ws: string;
  let st: Statement;
  beforeAll(() => {
    ws = checkout();
    recordInTrain(ws, ['dataset', '--id', 'data', '--path', 'train/data.csv']);
    recordInTrain(ws, ['command', '--', 'python3', 'trainer.py']);
    st = trainAndBuild(ws);
  });

  it('the event and the statement carry the folder, valid by the published schemas', () => {
    const log = path.join(ws, '.ml-provenance', 'records.jsonl');
    const event = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(event).toMatchObject({ kind: 'command', argv: ['python3', 'trainer.py'], cwd: 'train' });
    const eventFile = path.join(ws, 'event.json');
    writeFileSync(eventFile, JSON.stringify(event));
    expect(jsonschemaErrors('record-event.schema.json', eventFile)).toEqual([]);
    expect(st.predicate.buildDefinition.externalParameters).toMatchObject({ command: ['python3', 'trainer.py'], workingDirectory: 'train' });
    expect(jsonschemaErrors('statement.schema.json', path.join(ws, 'prov.json'))).toEqual([]);
  });

  it('the summary shows the folder with the command, with the run information', () => {
    const r = runCli(['summary', 'prov.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\nCommand: `python3 trainer.py` in `train/`\n');
    // Beside the source commit, not folded into the full record after "Config and hyperparameters".
    expect(r.stdout.indexOf('Command: ')).toBeLessThan(r.stdout.indexOf('<details><summary><b>Full record</b>'));
    expect(r.stdout.indexOf('Source ')).toBeLessThan(r.stdout.indexOf('Command: '));
    const text = runCli(['summary', 'prov.json', '--format', 'text'], { cwd: ws });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^command: python3 trainer\.py \(in train\/\)$/m);
  });

  it('replay --check lists the folder the command runs in: ok when it is there', () => {
    const copy = copyWithoutOutputs(ws);
    const r = replayCheck(path.join(ws, 'prov.json'), copy);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toContainEqual({
      kind: 'folder',
      input: 'the recorded command',
      recorded: 'train/',
      local: 'train/',
      status: 'match',
      note: 'predicate.buildDefinition.externalParameters.workingDirectory',
    });
    const table = runCli(['replay', path.join(ws, 'prov.json'), '--no-verify', '--workdir', copy], { cwd: copy });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^folder\s+the recorded command\s+train\/\s+train\/\s+ok\s+predicate\.buildDefinition\.externalParameters\.workingDirectory$/m);
  });

  it('replay --check reports a folder not in the workdir as --run would refuse it: a MISSING row, an error line naming the field, exit 1', () => {
    const copy = copyWithoutOutputs(ws);
    rmSync(path.join(copy, 'train'), { recursive: true });
    const r = replayCheck(path.join(ws, 'prov.json'), copy);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rows).toContainEqual(
      expect.objectContaining({ kind: 'folder', input: 'the recorded command', recorded: 'train/', local: 'not found', status: 'missing', note: 'predicate.buildDefinition.externalParameters.workingDirectory' }),
    );
    expect(r.stderr).toContain(
      'error: folder the recorded command: missing (recorded train/, local not found) [predicate.buildDefinition.externalParameters.workingDirectory] — copy the whole checkout into the workdir (the command ran in its train/ folder)\n',
    );
    noStack(r.stderr);
    // A file where the folder should be is not the folder either.
    writeFileSync(path.join(copy, 'train'), 'not a folder');
    const file = replayCheck(path.join(ws, 'prov.json'), copy);
    expect(file.code).toBe(1);
    expect(JSON.parse(file.stdout).rows).toContainEqual(expect.objectContaining({ kind: 'folder', local: 'not a folder', status: 'missing' }));
  });

  it('replay --check reports a folder that is a symlink out of the workdir: a MISMATCH row with the fix, exit 1, nothing run', () => {
    const copy = copyWithoutOutputs(ws);
    const elsewhere = temp('mlp-subfolder-elsewhere-');
    rmSync(path.join(copy, 'train'), { recursive: true });
    symlinkSync(elsewhere, path.join(copy, 'train'));
    const r = replayCheck(path.join(ws, 'prov.json'), copy);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rows).toContainEqual(expect.objectContaining({ kind: 'folder', recorded: 'train/', local: 'a symlink out of the workdir', status: 'mismatch' }));
    expect(r.stderr).toMatch(
      /^error: folder the recorded command: mismatch \(recorded train\/, local a symlink out of the workdir\) \[predicate\.buildDefinition\.externalParameters\.workingDirectory\] — workingDirectory must name a folder inside the checkout/m,
    );
    noStack(r.stderr);
  });

  it('diff names a moved command folder: "Command folder: `train/` → `experiments/train/`", in text and JSON too', () => {
    // The same training, its code moved to experiments/train/ and the command recorded there.
    const moved = checkout();
    mkdirSync(path.join(moved, 'experiments'));
    renameSync(path.join(moved, 'train'), path.join(moved, 'experiments', 'train'));
    const inMoved = (args: string[]) => {
      const r = runCli(['record', ...args], { cwd: path.join(moved, 'experiments', 'train'), env: { GITHUB_WORKSPACE: moved } });
      expect(r.code, r.stderr).toBe(0);
    };
    inMoved(['dataset', '--id', 'data', '--path', 'experiments/train/data.csv']);
    inMoved(['command', '--', 'python3', 'trainer.py']);
    const t = spawnSync('python3', ['trainer.py'], { cwd: path.join(moved, 'experiments', 'train'), encoding: 'utf8' });
    expect(t.status, t.stderr).toBe(0);
    const b = runCli(['build', '--subject', 'experiments/train/out/model.txt', '--out', 'prov.json', '--allow-incomplete'], { cwd: moved });
    expect(b.code, b.stderr).toBe(0);
    const [before, after] = [path.join(ws, 'prov.json'), path.join(moved, 'prov.json')];

    const md = runCli(['diff', before, after], { cwd: moved });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('- **Command folder:** `train/` → `experiments/train/`\n');
    expect(md.stdout).not.toContain('**Command:**');
    expect(md.stdout).toContain('- changed `command folder`\n  - base: `train/`\n  - this run: `experiments/train/`');
    const text = runCli(['diff', before, after, '--format', 'text'], { cwd: moved });
    expect(text.stdout).toMatch(/^command folder\s+train\/\s+experiments\/train\/$/m);
    const json = runCli(['diff', before, after, '--format', 'json'], { cwd: moved });
    const d = JSON.parse(json.stdout) as { identical: boolean; workingDirectory?: unknown; command?: unknown };
    expect(d.identical).toBe(false);
    expect(d.workingDirectory).toEqual({ before: 'train', after: 'experiments/train' });
    expect(d.command).toBeUndefined();
    // Back the other way, and the same record twice: no folder change.
    expect(runCli(['diff', after, before], { cwd: moved }).stdout).toContain('- **Command folder:** `experiments/train/` → `train/`\n');
    expect(JSON.parse(runCli(['diff', before, before, '--format', 'json'], { cwd: moved }).stdout)).not.toHaveProperty('workingDirectory');
  });

  it('replay --run runs it in train/ of the workdir and re-creates the model', () => {
    const copy = copyWithoutOutputs(ws);
    const r = replayRun(path.join(ws, 'prov.json'), copy);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('replay will run: python3 trainer.py (in train/)');
    expect(r.stderr).toContain(`running python3 trainer.py in ${path.join(copy, 'train')}`);
    const j = JSON.parse(r.stdout) as { ok: boolean; rows: Array<{ kind: string; input: string; status: string }> };
    expect(j.rows).toContainEqual(expect.objectContaining({ kind: 'model', input: 'train/out/model.txt', status: 'match' }));
    expect(readFileSync(path.join(copy, 'train', 'out', 'model.txt'), 'utf8')).toBe(readFileSync(path.join(ws, 'train', 'out', 'model.txt'), 'utf8'));

    // A record without the field (made before it, or typed at the root) runs at the workdir's root, as before.
    const old = JSON.parse(readFileSync(path.join(ws, 'prov.json'), 'utf8')) as Statement;
    delete old.predicate.buildDefinition.externalParameters.workingDirectory;
    old.predicate.buildDefinition.externalParameters.command = ['python3', 'train/trainer.py'];
    const file = path.join(temp('mlp-subfolder-st-'), 'root.json');
    writeFileSync(file, JSON.stringify(old));
    const atRoot = replayRun(file, copyWithoutOutputs(ws));
    // trainer.py reads data.csv from the folder it runs in: at the root it is not there.
    expect(atRoot.code).toBe(1);
    expect(atRoot.stderr).toMatch(/running python3 train\/trainer\.py in \S+\n/);
    expect(atRoot.stderr).toMatch(/No such file or directory: 'data\.csv'/);
  });

  it("a hand-edited workingDirectory '../x' is refused (exit 2, naming the field), nothing runs", () => {
    const copy = copyWithoutOutputs(ws);
    const edited = JSON.parse(readFileSync(path.join(ws, 'prov.json'), 'utf8')) as Statement;
    edited.predicate.buildDefinition.externalParameters.workingDirectory = '../x';
    const file = path.join(temp('mlp-subfolder-st-'), 'climb.json');
    writeFileSync(file, JSON.stringify(edited));
    const r = replayRun(file, copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*predicate\.buildDefinition\.externalParameters\.workingDirectory: a working directory is a folder inside the checkout, relative and '\/'-separated, with no '\.' or '\.\.' part/m);
    expect(r.stderr).not.toContain('replay will run');
    expect(existsSync(path.join(copy, 'train', 'out'))).toBe(false);
    noStack(r.stderr);
    // The published schema refuses it too.
    expect(jsonschemaErrors('statement.schema.json', file)).toEqual(['predicate/buildDefinition/externalParameters/workingDirectory']);
  });

  it('a workingDirectory that is a symlink out of the workdir is refused (exit 2), the code there is not run', () => {
    const copy = copyWithoutOutputs(ws);
    const elsewhere = temp('mlp-subfolder-elsewhere-');
    writeFileSync(path.join(elsewhere, 'trainer.py'), 'open("RAN", "w").close()\n');
    rmSync(path.join(copy, 'train'), { recursive: true });
    symlinkSync(elsewhere, path.join(copy, 'train'));
    const r = replayRun(path.join(ws, 'prov.json'), copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the recorded command: its folder "train" \(predicate\.buildDefinition\.externalParameters\.workingDirectory\) leads outside the workdir \S+ through a symlink, so it was not run — workingDirectory must name a folder inside the checkout/m);
    expect(existsSync(path.join(elsewhere, 'RAN'))).toBe(false);
    expect(r.stderr).not.toContain('replay will run');
    noStack(r.stderr);
  });

  it('a workingDirectory not in the workdir is refused (exit 2) with the fix, before anything runs', () => {
    const copy = copyWithoutOutputs(ws);
    rmSync(path.join(copy, 'train'), { recursive: true });
    const r = replayRun(path.join(ws, 'prov.json'), copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the recorded command: its folder "train" \(predicate\.buildDefinition\.externalParameters\.workingDirectory\) is not a folder in the workdir \S+, so it was not run — copy the whole checkout into the workdir \(the command ran in its train\/ folder\)/m);
    noStack(r.stderr);
  });
});

describe('record step -- CMD typed in train/, replayed as a pipeline step', () => {
  it('the step carries the folder and replay runs it there, its output matching', () => {
    const ws = checkout();
    recordInTrain(ws, ['step', '--name', 'train', '--output', 'model=train/out/model.txt', '--', 'python3', 'trainer.py']);
    const st = trainAndBuild(ws);
    expect(st.predicate.steps[0]).toMatchObject({ name: 'train', command: ['python3', 'trainer.py'], workingDirectory: 'train' });
    expect(jsonschemaErrors('statement.schema.json', path.join(ws, 'prov.json'))).toEqual([]);
    const copy = copyWithoutOutputs(ws);
    const r = replayRun(path.join(ws, 'prov.json'), copy);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('step train: python3 trainer.py (in train/)');
    const j = JSON.parse(r.stdout) as { rows: Array<{ kind: string; input: string; status: string; note?: string }> };
    expect(j.rows).toContainEqual(expect.objectContaining({ kind: 'dataset', input: 'model', status: 'match' }));

    // The summary's steps table and text show the step's command and folder.
    const md = runCli(['summary', 'prov.json'], { cwd: ws });
    expect(md.stdout).toMatch(/^\| 1 \| train \| — \| — → model \| — \| `python3 trainer\.py` in `train\/` \|$/m);
    const text = runCli(['summary', 'prov.json', '--format', 'text'], { cwd: ws });
    expect(text.stdout).toMatch(/^step: train \(no inputs\) -> model; command: python3 trainer\.py \(in train\/\)$/m);

    // --check names the step's field when its folder is not in the workdir.
    const partial = copyWithoutOutputs(ws);
    rmSync(path.join(partial, 'train'), { recursive: true });
    const check = replayCheck(path.join(ws, 'prov.json'), partial);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).rows).toContainEqual({
      kind: 'folder',
      input: 'step train',
      recorded: 'train/',
      local: 'not found',
      status: 'missing',
      note: 'predicate.steps[0].workingDirectory',
      fix: 'copy the whole checkout into the workdir (the command ran in its train/ folder)',
    });
    expect(check.stderr).toContain('error: folder step train: missing (recorded train/, local not found) [predicate.steps[0].workingDirectory] — copy the whole checkout');

    // Typed at the checkout's root, a step records no folder.
    const root = runCli(['record', 'step', '--name', 'again', '--', 'python3', 'train/trainer.py'], { cwd: ws, env: { GITHUB_WORKSPACE: ws } });
    expect(root.code, root.stderr).toBe(0);
    const event = JSON.parse(readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(event).toMatchObject({ name: 'again' });
    expect(event).not.toHaveProperty('cwd');
  });
});
