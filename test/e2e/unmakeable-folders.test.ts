// Output folders the kernel will not create although their parent exists: procfs answers
// mkdir with ENOENT, on which Node's `mkdir(…, { recursive: true })` makes the parent again
// and retries forever (a step that burns the runner until the job's timeout). Every folder
// the CLI and the action make must instead end with exit 2 and the folder named.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, copyExample, runAction, train } from '../helpers/run.js';

const PROC = '/proc/ml-provenance-no-such-folder';
// A bound on a hang, not a timing assertion: a finished command takes about a second.
const HANG = 30_000;

let ws: string;
beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ws, env: cleanEnv(), encoding: 'utf8', timeout: HANG, killSignal: 'SIGKILL' });
  return { code: r.status, signal: r.signal, stderr: r.stderr };
}

describe.runIf(existsSync('/proc/self'))('folders under /proc', () => {
  it.each([
    ['build --out', ['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', `${PROC}/st.json`]],
    ['record --records', ['record', 'param', 'lr=0.1', '--records', PROC]],
    ['store ingest --store', ['store', 'ingest', '--store', `${PROC}/store.db`, '.']],
  ])('%s: exit 2 naming the folder, no hang', (_, args) => {
    const r = cli(args);
    expect(r.signal, 'killed: the command never ended').toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: cannot create the folder ${PROC}: .* — choose a folder`));
  });

  it('the action with output-dir there: exit 2, one annotation naming the folder', () => {
    const r = runAction({ 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false', 'output-dir': PROC }, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(/cannot create the folder \/proc\/ml-provenance-no-such-folder/);
  });
});
