// Training code run in a sub-folder of the checkout (`working-directory: train`) records paths
// relative to the checkout, as build and the action read them. Two slips a user test found:
// an output recorded before it is written, relative to the sub-folder (build then said only "path
// not found"), and a folder named with a backslash (legal on Linux), which the log's schema refuses
// as a working directory (record printed that schema message about a field the user never typed).
// Driven as the runner does: the built CLI started in the sub-folder with GITHUB_WORKSPACE set.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copyExample, runAction, runCli, train } from '../helpers/run.js';

type Line = { kind: string; id?: string; path?: string; cwd?: string; name?: string };
const log = (dir: string): Line[] =>
  existsSync(path.join(dir, '.ml-provenance', 'records.jsonl'))
    ? readFileSync(path.join(dir, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line)
    : [];
const build = ['build', '--subject', 'model/model.json', '--out', 'p.json', '--no-detect-image', '--policy', 'none'];
const actionInputs = { 'subject-path': 'model/model.json', sign: 'false', 'upload-artifact': 'false' };

/** The example, trained (model/ and the checkout's log), with an empty `train/` sub-folder. */
function checkout(): { dir: string; cwd: string; env: NodeJS.ProcessEnv } {
  const dir = copyExample({ git: true });
  train(dir);
  const cwd = path.join(dir, 'train');
  mkdirSync(cwd);
  return { dir, cwd, env: { GITHUB_WORKSPACE: dir } };
}

function write(file: string, text = 'weights\n'): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('an output path recorded in a sub-folder before the file is written', () => {
  it.each([
    ['without a command', [] as string[]],
    ['with the command after --', ['--', 'python3', 'fit.py']],
  ])('%s: record warns naming both readings; build and the action then say where the file is and what to record', (_, command) => {
    const { dir, cwd, env } = checkout();
    const r = runCli(['record', 'step', '--name', 'fit', '--output', 'm=out/model.txt', ...command], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `warning: --output m=out/model.txt is recorded relative to the workspace ${dir}, as build reads it: neither out/model.txt nor train/out/model.txt (from the current folder train) exists yet, and build will look for out/model.txt only — if the file is written under the current folder, write --output m=train/out/model.txt\n`,
    );
    // The documented rule stands: the path is kept relative to the checkout, and the step keeps its folder.
    const lines = log(dir);
    expect(lines.find((l) => l.kind === 'dataset' && l.id === 'm')?.path).toBe('out/model.txt');
    expect(lines.find((l) => l.kind === 'step' && l.name === 'fit')?.cwd).toBe('train');

    write(path.join(cwd, 'out', 'model.txt')); // the training writes it where it runs
    const b = runCli(build, { cwd, env });
    expect(b.code).toBe(2);
    const want = /^error: dataset "m" path not found: out\/model\.txt \(relative to the workspace\); train\/out\/model\.txt exists: `ml-provenance record step --name fit` was run in the sub-folder train, and the paths it records are relative to the workspace, not to that folder — in `ml-provenance record step --name fit …`, write --output m=train\/out\/model\.txt \(or write the file to out\/model\.txt\), and run the training again$/;
    expect(b.stderr.trim()).toMatch(want);
    expect(b.stderr).not.toMatch(/\n\s+at /);

    const a = runAction(actionInputs, { workspace: dir });
    expect(a.code).toBe(2);
    const errors = a.annotations.filter((x) => x.startsWith('::error')).map(decodeURIComponent);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/dataset "m" path not found: out\/model\.txt .* write --output m=train\/out\/model\.txt/);
  });

  it('recorded as the fix says, from the same folder: no warning, and build hashes the file', () => {
    const { cwd, env } = checkout();
    const r = runCli(['record', 'step', '--name', 'fit', '--output', 'm=train/out/model.txt'], { cwd, env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    write(path.join(cwd, 'out', 'model.txt'));
    const b = runCli(build, { cwd, env });
    expect(b.code, b.stderr).toBe(0);
    const st = JSON.parse(readFileSync(path.join(cwd, 'p.json'), 'utf8')) as { predicate: { datasets: Array<{ id: string; digest?: { sha256?: string }; annotations?: { path?: string } }> } };
    const m = st.predicate.datasets.find((d) => d.id === 'm');
    expect(m?.annotations?.path).toBe('train/out/model.txt');
    expect(m?.digest?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('record dataset --path follows the same rule', () => {
    const { dir, cwd, env } = checkout();
    const r = runCli(['record', 'dataset', '--id', 'feat', '--path', 'features/f.parquet'], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: --path features\/f\.parquet is recorded relative to the workspace .*: neither features\/f\.parquet nor train\/features\/f\.parquet \(from the current folder train\) exists yet, .* — if the file is written under the current folder, write --path train\/features\/f\.parquet\n$/);
    expect(log(dir).find((l) => l.id === 'feat')?.path).toBe('features/f.parquet');
  });

  it('no warning when the workspace reading is the likelier (its folder is in the checkout, not in the sub-folder)', () => {
    const { cwd, env } = checkout();
    // model/ is the checkout's; train/model/ does not exist.
    expect(runCli(['record', 'step', '--name', 'fit', '--output', 'm=model/next.json'], { cwd, env })).toMatchObject({ code: 0, stderr: '' });
  });

  it('the file at neither place, or the step recorded at the root: build keeps the plain not-found error, with no made-up hint', () => {
    const { cwd, env } = checkout();
    expect(runCli(['record', 'step', '--name', 'fit', '--output', 'm=out/model.txt'], { cwd, env }).code).toBe(0);
    const b = runCli(build, { cwd, env });
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toBe('error: dataset "m" path not found: out/model.txt — check the path (relative to the workspace)');

    const root = checkout();
    expect(runCli(['record', 'step', '--name', 'fit', '--output', 'm=out/model.txt'], { cwd: root.dir, env: root.env })).toMatchObject({ code: 0, stderr: '' });
    write(path.join(root.cwd, 'out', 'model.txt'));
    const c = runCli(build, { cwd: root.dir, env: root.env });
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe('error: dataset "m" path not found: out/model.txt — check the path (relative to the workspace)');
  });
});

describe('a folder whose name holds a backslash (legal on Linux)', () => {
  it.each([['a\\b'], ['src/a\\b/deep']])('record command and record step -- CMD in %s: exit 2 naming the folder, why and the fix; nothing written', (folder) => {
    const { dir, env } = checkout();
    const cwd = path.join(dir, ...folder.split('/'));
    mkdirSync(cwd, { recursive: true });
    const before = log(dir).length;
    for (const args of [['record', 'command', '--', 'python3', 'train.py'], ['record', 'step', '--name', 's', '--', 'python3', 'train.py']]) {
      const r = runCli(args, { cwd, env });
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(
        `error: the current folder ${folder} (in the workspace ${dir}) cannot be recorded as the folder the command runs in: a folder name in it holds '\\': records keep '/'-separated paths, which must name the same folder on Windows, where '\\' separates folders — rename the folder (no '\\' in its name), or run the command from another folder of the checkout (its root, with the command's paths relative to it)`,
      );
    }
    expect(log(dir)).toHaveLength(before);
  });

  it('a step without a command there is recorded, without the folder (it would only explain an output path)', () => {
    const { dir, env } = checkout();
    const cwd = path.join(dir, 'a\\b');
    mkdirSync(cwd);
    expect(runCli(['record', 'step', '--name', 's', '--output', 'q=data/points.csv'], { cwd, env })).toMatchObject({ code: 0, stderr: '' });
    expect(log(dir).find((l) => l.kind === 'step' && l.name === 's')).not.toHaveProperty('cwd');
  });

  it('a path that reads through that folder (typed there, relative to it): exit 2 saying to rename the folder, never suggesting a path with its backslash', () => {
    const { dir, env } = checkout();
    const cwd = path.join(dir, 'a\\b');
    mkdirSync(cwd);
    writeFileSync(path.join(cwd, 'x.csv'), '1\n');
    const before = log(dir).length;
    const why = `the current folder cannot be named in a record: a folder name in it holds '\\': records keep '/'-separated paths, which must name the same folder on Windows, where '\\' separates folders — rename the folder (no '\\' in its name) and write the path relative to the workspace, or run \`ml-provenance record\` from the workspace's root`;
    // The file exists from the folder only.
    const d = runCli(['record', 'dataset', '--id', 'x', '--path', 'x.csv', '--license', 'MIT'], { cwd, env });
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`error: --path x.csv: paths are relative to the workspace ${dir}, where x.csv does not exist (it does from the current folder a\\b), and ${why}\n`);
    // An output not written yet, with no command: the step could not keep the folder for build
    // to explain "path not found" by, so it is not recorded without it.
    const o = runCli(['record', 'step', '--name', 's', '--output', 'o=o.csv'], { cwd, env });
    expect(o.code).toBe(2);
    expect(o.stderr).toBe(`error: --output o=o.csv: paths are relative to the workspace ${dir}, where o.csv does not exist yet, nor from the current folder a\\b, and ${why}\n`);
    expect(o.stderr + d.stderr).not.toMatch(/a\\b\//);
    expect(log(dir)).toHaveLength(before);
  });

  it('record refuses exactly the folders the published schema refuses (Python jsonschema on schemas/record-event.schema.json)', () => {
    const { dir, env } = checkout();
    const folders = ['train', 'a\\b', 'x\\', 'two words', 'données', 'src/train', 'src/a\\b'];
    const cli = folders.map((f) => {
      const cwd = path.join(dir, ...f.split('/'));
      mkdirSync(cwd, { recursive: true });
      return runCli(['record', 'command', '--', 'true'], { cwd, env }).code === 0;
    });
    const check = 'import json, sys, jsonschema\ns = json.load(open(sys.argv[1]))\nfor f in json.loads(sys.argv[2]):\n    print(jsonschema.Draft202012Validator(s).is_valid({"v": 1, "kind": "command", "argv": ["true"], "cwd": f}))\n';
    const py = spawnSync('python3', ['-c', check, path.join(ROOT, 'schemas', 'record-event.schema.json'), JSON.stringify(folders)], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const schema = py.stdout.trim().split('\n').map((x) => x === 'True');
    expect(cli).toEqual(schema);
    expect(cli).toEqual([true, false, false, true, true, true, false]);
  });
});
