// Paths that real git reports, shown back to the user: a renamed file in replay's note on
// uncommitted changes (`git status -z` puts a rename's old path in a field of its own), and the
// `git rm --cached` fix for a committed records log in a folder whose name has a space, run as
// given by a real shell; a --workdir that is not there.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const temps: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
const git = (cwd: string, ...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd, encoding: 'utf8' });

/** A committed checkout with train/data.csv and a model, and its statement (built outside it). */
function recorded(): { ws: string; statement: string } {
  const ws = temp('mlp-gitpaths-');
  mkdirSync(path.join(ws, 'train'));
  writeFileSync(path.join(ws, 'train', 'data.csv'), 'x,y\n1,2\n');
  writeFileSync(path.join(ws, 'model.txt'), 'model\n');
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'init');
  expect(runCli(['record', 'dataset', '--id', 'data', '--path', 'train/data.csv'], { cwd: ws }).code).toBe(0);
  const statement = path.join(temp('mlp-gitpaths-st-'), 'prov.json');
  const b = runCli(['build', '--subject', 'model.txt', '--out', statement, '--allow-incomplete', '--no-detect-image'], { cwd: ws });
  expect(b.code, b.stderr).toBe(0);
  return { ws, statement };
}

describe('paths from real git, shown to the user', () => {
  it('replay --check names both paths of a renamed file among the uncommitted changes, unmangled', () => {
    const { ws, statement } = recorded();
    const copy = path.join(temp('mlp-gitpaths-clone-'), 'co');
    expect(git(ws, 'clone', '-q', ws, copy).status).toBe(0);
    mkdirSync(path.join(copy, 'src'));
    expect(git(copy, 'mv', 'train', 'src/train').status).toBe(0);
    const r = runCli(['replay', statement, '--check', '--no-verify', '--workdir', copy, '--format', 'json'], { cwd: copy });
    const rows = (JSON.parse(r.stdout) as { rows: Array<{ kind: string; note?: string }> }).rows;
    const source = rows.find((row) => row.kind === 'source');
    expect(source?.note).toBe('uncommitted changes: src/train/data.csv, train/data.csv');
  });

  it('replay --check / --run with a --workdir that is not a folder: exit 2 naming it, not every input "missing"', () => {
    const { ws, statement } = recorded();
    const typo = path.join(temp('mlp-gitpaths-typo-'), 'no such dir');
    for (const mode of ['--check', '--run']) {
      const r = runCli(['replay', statement, mode, '--no-verify', '--yes', '--workdir', typo], { cwd: ws });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`error: the workdir ${typo} is not a folder here — pass --workdir a copy of the checkout\n`);
    }
  });

  it("a committed log in a folder named with a space: the warning's `git rm --cached` command, run by sh, untracks it", () => {
    const { ws } = recorded();
    const env = { ML_PROVENANCE_DIR: 'my logs' };
    expect(runCli(['record', 'param', 'lr=1'], { cwd: ws, env }).code).toBe(0);
    expect(git(ws, 'add', '-f', 'my logs/records.jsonl').status).toBe(0);
    git(ws, 'commit', '-qm', 'oops');
    const b = runCli(['build', '--subject', 'model.txt', '--out', path.join(temp('mlp-gitpaths-out-'), 'p.json'), '--allow-incomplete', '--no-detect-image'], { cwd: ws, env });
    const fix = /`(git rm -r --cached [^`]+)`/.exec(b.stderr)?.[1];
    expect(fix, b.stderr).toBe("git rm -r --cached 'my logs'");
    const sh = spawnSync('sh', ['-c', fix!], { cwd: ws, encoding: 'utf8' });
    expect(sh.status, sh.stderr).toBe(0);
    expect(git(ws, 'ls-files', '--', 'my logs').stdout).toBe('');
  });
});
