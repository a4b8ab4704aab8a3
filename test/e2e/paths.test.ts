// Paths given to the built CLI and action: `..`, absolute paths and symlinks that
// leave the workspace are refused wherever a path is taken; FIFOs, devices and huge
// files are refused promptly instead of hanging or exhausting memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, runAction } from '../helpers/run.js';

/** Generous bound for "promptly": far above a normal run (< 1 s), far below a hang. */
const GUARD_MS = 20_000;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI with a timeout guard in the child: a hang shows up as signal SIGKILL, not a stuck test. */
function cli(args: string[], cwd: string, guardMs = GUARD_MS): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), encoding: 'utf8', timeout: guardMs, killSignal: 'SIGKILL', input: '' });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function expectRefused(r: Ran, re: RegExp, what: string): void {
  expect(r.signal, `${what}: hung and was killed`).toBeNull();
  expect(r.code, `${what}\n${r.stderr}`).toBe(2);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines, `${what}\n${r.stderr}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0], what).toMatch(re);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

let root: string;
let ws: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mlp-paths-'));
  ws = path.join(root, 'ws');
  mkdirSync(path.join(ws, 'model'), { recursive: true });
  mkdirSync(path.join(ws, 'data'), { recursive: true });
  writeFileSync(path.join(ws, 'model', 'm.bin'), 'model bytes');
  writeFileSync(path.join(ws, 'data', 'd.csv'), 'a,b\n1,2\n');
  // Outside the workspace: files a path could reach.
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
  writeFileSync(path.join(root, 'c.yaml'), 'a: 1\n');
  writeFileSync(path.join(root, 'm.json'), '{"acc": 1}');
  writeFileSync(path.join(root, 'd.yaml'), '- id: x\n  uri: s3://b/x\n');
  mkdirSync(path.join(root, 'outdir'));
  writeFileSync(path.join(root, 'outdir', 'f.bin'), 'x');
  // Links from inside to outside.
  symlinkSync(path.join(root, 'secret.txt'), path.join(ws, 'model', 'link-out.bin'));
  symlinkSync(path.join(root, 'outdir'), path.join(ws, 'link-dir'));
  symlinkSync(path.join(root, 'c.yaml'), path.join(ws, 'link-c.yaml'));
  symlinkSync(path.join(root, 'm.json'), path.join(ws, 'link-m.json'));
  symlinkSync(path.join(root, 'd.yaml'), path.join(ws, 'link-d.yaml'));
  symlinkSync('/etc/hostname', path.join(ws, 'data', 'etc.csv'));
  mkdirSync(path.join(ws, 'model-with-escape'));
  writeFileSync(path.join(ws, 'model-with-escape', 'ok.bin'), 'ok');
  symlinkSync(path.join(root, 'secret.txt'), path.join(ws, 'model-with-escape', 'escape.bin'));
  // A link that stays inside is fine.
  symlinkSync(path.join(ws, 'model', 'm.bin'), path.join(ws, 'model', 'link-in.bin'));
  // Manifests pointing outside.
  writeFileSync(path.join(ws, 'ds-dotdot.yaml'), '- id: x\n  uri: s3://b/x\n  path: ../secret.txt\n');
  writeFileSync(path.join(ws, 'ds-abs.yaml'), `- id: x\n  uri: s3://b/x\n  path: ${path.join(root, 'secret.txt')}\n`);
  writeFileSync(path.join(ws, 'ds-link.yaml'), '- id: x\n  uri: s3://b/x\n  path: data/etc.csv\n');
}, 120_000);

const build = (...a: string[]) => ['build', '--policy', 'none', '--out', 'o.json', ...a];

describe('paths that leave the workspace are refused (CLI)', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['subject ..', build('--subject', '../secret.txt'), /subject \.\.\/secret\.txt is outside the workspace/],
    ['subject absolute', build('--subject', '/etc/hostname'), /subject \/etc\/hostname is outside the workspace/],
    ['subject symlink to a file outside', build('--subject', 'model/link-out.bin'), /symlink to .*secret\.txt, outside the workspace/],
    ['subject symlink to a directory outside', build('--subject', 'link-dir'), /symlink to .*outdir, outside the workspace/],
    ['subject directory holding an escaping symlink', build('--subject', 'model-with-escape'), /escape\.bin points outside the workspace/],
    ['subject glob matching an escaping symlink', build('--subject', 'model/*.bin'), /link-out\.bin is a symlink to .*outside the workspace/],
    ['config ..', build('--subject', 'model/m.bin', '--config', '../c.yaml'), /config file \.\.\/c\.yaml is outside the workspace/],
    ['config symlink', build('--subject', 'model/m.bin', '--config', 'link-c.yaml'), /config file link-c\.yaml is a symlink to .*outside the workspace/],
    ['metrics ..', build('--subject', 'model/m.bin', '--metrics', '../m.json'), /metrics file \.\.\/m\.json is outside the workspace/],
    ['metrics symlink', build('--subject', 'model/m.bin', '--metrics', 'link-m.json'), /metrics file link-m\.json is a symlink to .*outside the workspace/],
    ['datasets manifest ..', build('--subject', 'model/m.bin', '--datasets', '../d.yaml'), /datasets manifest \.\.\/d\.yaml is outside the workspace/],
    ['datasets manifest symlink', build('--subject', 'model/m.bin', '--datasets', 'link-d.yaml'), /datasets manifest link-d\.yaml is a symlink to .*outside the workspace/],
    ['dataset path ..', build('--subject', 'model/m.bin', '--datasets', 'ds-dotdot.yaml'), /dataset "x" path \.\.\/secret\.txt is outside the workspace/],
    ['dataset path absolute', build('--subject', 'model/m.bin', '--datasets', 'ds-abs.yaml'), /dataset "x" path .*secret\.txt is outside the workspace/],
    ['dataset path symlink to /etc', build('--subject', 'model/m.bin', '--datasets', 'ds-link.yaml'), /dataset "x" path data\/etc\.csv is a symlink to \/etc\/hostname, outside the workspace/],
  ];
  it.each(cases)('%s', (what, args, re) => expectRefused(cli(args, ws), re, what));

  it('a dataset path recorded during training that leaves the workspace is refused at build', () => {
    // Inside the workspace: a records directory outside it is refused by itself (below).
    const rec = path.join(ws, 'recs');
    mkdirSync(rec, { recursive: true });
    writeFileSync(path.join(rec, 'records.jsonl'), '{"kind":"dataset","id":"x","uri":"s3://b/x","path":"../secret.txt"}\n');
    expectRefused(cli(build('--subject', 'model/m.bin', '--records', rec), ws), /dataset "x" path \.\.\/secret\.txt is outside the workspace/, 'recorded dataset');
  });

  it('a symlink that stays inside the workspace is accepted, by path and by glob, under its own name', () => {
    for (const subject of ['model/link-in.bin', 'model/link-i*.bin']) {
      const r = cli(build('--subject', subject, '--subject', 'model/m.bin', '--out', 'in.json', '--json'), ws);
      expect(r.code, r.stderr).toBe(0);
      const st = JSON.parse(readFileSync(path.join(ws, 'in.json'), 'utf8')) as { subject: Array<{ name: string; digest: { sha256: string } }> };
      expect(st.subject.map((s) => s.name)).toEqual(['model/link-in.bin', 'model/m.bin']);
      expect(st.subject[0]!.digest).toEqual(st.subject[1]!.digest);
    }
  });

  it('the action refuses the same paths with one annotation naming the input', () => {
    for (const [inputs, re] of [
      [{ 'subject-path': '../secret.txt' }, /subject \.\.\/secret\.txt is outside the workspace/],
      [{ 'subject-path': 'model/m.bin', config: 'link-c.yaml' }, /config file link-c\.yaml is a symlink/],
      [{ 'subject-path': 'model/m.bin', datasets: 'ds-link.yaml' }, /dataset "x" path data\/etc\.csv is a symlink/],
    ] as const) {
      const r = runAction({ sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'none', ...inputs }, { workspace: ws });
      expect(r.code, r.stdout).toBe(2);
      expect(r.annotations).toHaveLength(1);
      expect(decodeURIComponent(r.annotations[0]!)).toMatch(re);
    }
  });
});

describe('special and huge files are refused promptly, never read', () => {
  let sp: string;
  beforeAll(() => {
    sp = path.join(root, 'special');
    mkdirSync(path.join(sp, 'model'), { recursive: true });
    writeFileSync(path.join(sp, 'model', 'm.bin'), 'model');
    for (const f of ['fifo.yaml', 'fifo.json', 'fifo-d.yaml', 'model/fifo.bin', 'data.fifo']) {
      const r = spawnSync('mkfifo', [path.join(sp, f)]);
      if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
    }
    symlinkSync('/dev/zero', path.join(sp, 'model', 'zero.bin'));
    symlinkSync('/dev/zero', path.join(sp, 'zero.csv'));
    symlinkSync('/dev/zero', path.join(sp, 'zero.yaml'));
    writeFileSync(path.join(sp, 'ds-fifo.yaml'), '- id: f\n  uri: file:data.fifo\n  path: data.fifo\n');
    writeFileSync(path.join(sp, 'ds-zero.yaml'), '- id: z\n  uri: file:zero.csv\n  path: zero.csv\n');
    // Sparse: 3 GiB of nothing on disk.
    writeFileSync(path.join(sp, 'huge.yaml'), '');
    truncateSync(path.join(sp, 'huge.yaml'), 3 * 1024 ** 3);
  });

  const cases: Array<[string, string[], RegExp]> = [
    ['FIFO as subject', build('--subject', 'model/fifo.bin'), /model\/fifo\.bin is not a regular file \(fifo\)/],
    ['FIFO as config', build('--subject', 'model/m.bin', '--config', 'fifo.yaml'), /config file fifo\.yaml is a named pipe \(FIFO\), not a regular file/],
    ['FIFO as metrics', build('--subject', 'model/m.bin', '--metrics', 'fifo.json'), /metrics file fifo\.json is a named pipe \(FIFO\)/],
    ['FIFO as datasets manifest', build('--subject', 'model/m.bin', '--datasets', 'fifo-d.yaml'), /datasets manifest fifo-d\.yaml is a named pipe \(FIFO\)/],
    ['FIFO as dataset path', build('--subject', 'model/m.bin', '--datasets', 'ds-fifo.yaml'), /data\.fifo is not a regular file \(fifo\)/],
    ['/dev/zero symlinked as subject', build('--subject', 'model/zero.bin'), /model\/zero\.bin is a symlink to \/dev\/zero, outside the workspace/],
    ['/dev/zero symlinked as dataset', build('--subject', 'model/m.bin', '--datasets', 'ds-zero.yaml'), /zero\.csv is a symlink to \/dev\/zero, outside the workspace/],
    ['/dev/zero symlinked as config', build('--subject', 'model/m.bin', '--config', 'zero.yaml'), /zero\.yaml is a symlink to \/dev\/zero, outside the workspace/],
    ['a 3 GiB config', build('--subject', 'model/m.bin', '--config', 'huge.yaml'), /config file huge\.yaml is 3221225472 bytes, more than the 16777216 accepted/],
  ];
  it.each(cases)('%s', (what, args, re) => expectRefused(cli(args, sp), re, what));

  it('a directory subject containing a FIFO hashes its regular files and finishes', () => {
    const r = cli(build('--subject', 'model', '--out', 'dir.json'), sp);
    expect(r.signal).toBeNull();
    // The symlink to /dev/zero inside the directory leaves the workspace: refused.
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/zero\.bin points outside the workspace/);
  });

  it('a FIFO inside a directory subject is skipped with a warning naming it', () => {
    const dir = path.join(sp, 'shards');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.bin'), 'a');
    spawnSync('mkfifo', [path.join(dir, 'pipe')]);
    const r = cli(build('--subject', 'shards', '--out', 'shards.json'), sp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: subject shards: .*pipe/m);
  });

  // readTextFile opens non-blocking and checks the file type, so a FIFO cannot hang it.
  it('a FIFO as the records log or the policy file is refused promptly', () => {
    mkdirSync(path.join(sp, 'recs'), { recursive: true });
    spawnSync('mkfifo', [path.join(sp, 'recs', 'records.jsonl')]);
    spawnSync('mkfifo', [path.join(sp, 'policy.yaml')]);
    expectRefused(cli(build('--subject', 'model/m.bin', '--records', 'recs'), sp, 5000), /records\.jsonl/, 'FIFO records');
    expectRefused(cli(['build', '--subject', 'model/m.bin', '--policy', 'policy.yaml', '--out', 'o.json'], sp, 5000), /policy\.yaml/, 'FIFO policy');
  }, 30_000);
});

// Issue 12 item 4: every read goes through one checked path (src/util/fs.ts). A PR
// branch controls the workspace: what it commits (symlinks out, FIFOs, devices, huge
// files, thousands of files) must not reach the record, hang the job or exhaust memory.
describe('hostile workspace: bridges, records log, limits (one checked read path)', () => {
  let hw: string;
  let home: string;
  const SECRET = 'c2VjcmV0LWRvY2tlci1hdXRoLXRva2Vu';
  beforeAll(() => {
    hw = path.join(root, 'hostile');
    home = path.join(root, 'runner-home');
    mkdirSync(path.join(home, '.docker'), { recursive: true });
    writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: SECRET } } }));
    writeFileSync(path.join(home, 'token'), SECRET);
    mkdirSync(path.join(hw, 'model'), { recursive: true });
    writeFileSync(path.join(hw, 'model', 'm.bin'), 'model');
    const run = (name: string) => {
      const d = path.join(hw, 'mlruns', '0', name);
      mkdirSync(path.join(d, 'metrics'), { recursive: true });
      writeFileSync(path.join(d, 'meta.yaml'), `run_id: ${name}\n`);
      return d;
    };
    // The attack from the issue: params/ is a link to the runner's ~/.docker.
    symlinkSync(path.join(home, '.docker'), path.join(run('dir-link'), 'params'));
    // One param file linked out.
    mkdirSync(path.join(run('file-link'), 'params'));
    symlinkSync(path.join(home, 'token'), path.join(hw, 'mlruns', '0', 'file-link', 'params', 'lr'));
    // meta.yaml a FIFO, and a link to /dev/zero.
    const fifoRun = run('fifo-meta');
    spawnSync('rm', [path.join(fifoRun, 'meta.yaml')]);
    spawnSync('mkfifo', [path.join(fifoRun, 'meta.yaml')]);
    const zeroRun = run('zero-meta');
    spawnSync('rm', [path.join(zeroRun, 'meta.yaml')]);
    symlinkSync('/dev/zero', path.join(zeroRun, 'meta.yaml'));
    // A metrics file that is a FIFO.
    spawnSync('mkfifo', [path.join(run('fifo-metric'), 'metrics', 'loss')]);
    // DVC projects: dvc.lock a FIFO, a link to /dev/zero, a link out.
    for (const [d, make] of [
      ['dvc-fifo', (f: string) => spawnSync('mkfifo', [f])],
      ['dvc-zero', (f: string) => symlinkSync('/dev/zero', f)],
      ['dvc-out', (f: string) => symlinkSync(path.join(home, 'token'), f)],
    ] as const) {
      mkdirSync(path.join(hw, d));
      make(path.join(hw, d, 'dvc.lock'));
    }
    // The records directory linked out, and records.jsonl linked out.
    mkdirSync(path.join(root, 'outside-records'));
    writeFileSync(path.join(root, 'outside-records', 'records.jsonl'), `{"kind":"param","params":{"stolen":"${SECRET}"}}\n`);
    symlinkSync(path.join(root, 'outside-records'), path.join(hw, 'recs-dir-link'));
    mkdirSync(path.join(hw, 'recs-file-link'));
    symlinkSync(path.join(root, 'outside-records', 'records.jsonl'), path.join(hw, 'recs-file-link', 'records.jsonl'));
    writeFileSync(path.join(hw, 'a-file'), 'not a directory');
  }, 60_000);

  const b = (...a: string[]) => ['build', '--policy', 'none', '--subject', 'model/m.bin', '--out', 'o.json', ...a];
  const cases: Array<[string, string[], RegExp]> = [
    ['mlruns/0/r/params -> ~/.docker', b('--mlflow-run', 'mlruns/0/dir-link'), /MLflow params folder mlruns\/0\/dir-link\/params is a symlink to .*runner-home\/\.docker, outside the workspace/],
    ['an MLflow param file linked out', b('--mlflow-run', 'mlruns/0/file-link'), /mlruns\/0\/file-link\/params\/lr is a symlink to .*runner-home\/token, outside the workspace/],
    ['meta.yaml a FIFO', b('--mlflow-run', 'mlruns/0/fifo-meta'), /MLflow file mlruns\/0\/fifo-meta\/meta\.yaml is a named pipe \(FIFO\), not a regular file/],
    ['meta.yaml -> /dev/zero', b('--mlflow-run', 'mlruns/0/zero-meta'), /MLflow file mlruns\/0\/zero-meta\/meta\.yaml is a symlink to \/dev\/zero, outside the workspace/],
    ['an MLflow metric a FIFO', b('--mlflow-run', 'mlruns/0/fifo-metric'), /MLflow metric mlruns\/0\/fifo-metric\/metrics\/loss is a named pipe \(FIFO\)/],
    ['dvc.lock a FIFO', b('--dvc', 'dvc-fifo'), /DVC file dvc-fifo\/dvc\.lock is a named pipe \(FIFO\), not a regular file/],
    ['dvc.lock -> /dev/zero', b('--dvc', 'dvc-zero'), /DVC file dvc-zero\/dvc\.lock is a symlink to \/dev\/zero, outside the workspace/],
    ['dvc.lock linked out', b('--dvc', 'dvc-out'), /DVC file dvc-out\/dvc\.lock is a symlink to .*runner-home\/token, outside the workspace/],
    ['--mlflow-run outside the workspace', b('--mlflow-run', '../runner-home'), /MLflow run folder \(mlflow-run\) \.\.\/runner-home is outside the workspace/],
    ['--dvc outside the workspace', b('--dvc', '..'), /DVC project folder \(dvc\) \.\. is outside the workspace/],
    ['--records outside the workspace', b('--records', '../outside-records'), /records directory .*outside-records \(from --records\) is outside the workspace .* — keep the records log in the workspace \(point --records at a folder inside it\)/],
    ['the records directory linked out', b('--records', 'recs-dir-link'), /records directory recs-dir-link is a symlink to .*outside-records, outside the workspace/],
    ['records.jsonl linked out', b('--records', 'recs-file-link'), /records log .*recs-file-link\/records\.jsonl is a symlink to .*outside-records\/records\.jsonl, outside the workspace/],
    // Issue 12 item 7: input errors, not "unexpected failure".
    ['--dvc FILE', b('--dvc', 'a-file'), /DVC project folder \(dvc\) a-file is a file, not a directory — pass the directory/],
    ['--mlflow-run FILE', b('--mlflow-run', 'a-file'), /MLflow run folder \(mlflow-run\) a-file is a file, not a directory/],
    ['--records FILE', b('--records', 'a-file'), /records path .*a-file is not a directory — pass the directory that holds records\.jsonl/],
  ];
  it.each(cases)('%s: refused at once with the reason, nothing read', (what, args, re) => {
    const r = cli(args, hw, 10_000);
    expectRefused(r, re, what);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });

  it('`record` with ML_PROVENANCE_DIR=/dev/null or --records FILE: exit 2 with the fix (it was "unexpected failure", exit 1)', () => {
    for (const [env, args] of [
      [{ ML_PROVENANCE_DIR: '/dev/null' }, ['record', 'param', 'a=1']],
      [{}, ['record', 'param', 'a=1', '--records', 'a-file']],
      [{}, ['record', 'metric', '--name', 'acc', '--value', '1', '--records', 'a-file/sub']],
    ] as const) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: hw, env: { ...cleanEnv(), ...env }, encoding: 'utf8', timeout: GUARD_MS });
      expectRefused({ code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }, /records path .* is not a directory — pass the directory that holds records\.jsonl with --records DIR \(or ML_PROVENANCE_DIR\)/, args.join(' '));
    }
  });

  it('`build` with ML_PROVENANCE_DIR=/dev/null: exit 2 naming it', () => {
    const r = spawnSync(process.execPath, [CLI, ...b()], { cwd: hw, env: { ...cleanEnv(), ML_PROVENANCE_DIR: '/dev/null' }, encoding: 'utf8', timeout: GUARD_MS });
    expectRefused({ code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }, /records directory \/dev\/null \(from ML_PROVENANCE_DIR\) is outside the workspace/, 'ML_PROVENANCE_DIR=/dev/null');
  });

  it('the action refuses `mlflow-run` whose params/ links to ~/.docker: exit 2, one annotation, nothing in the summary or the output dir', () => {
    const out = path.join(root, 'action-out');
    const r = runAction({ 'subject-path': 'model/m.bin', 'mlflow-run': 'mlruns/0/dir-link', sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'none', 'output-dir': out }, { workspace: hw });
    expect(r.code, r.stdout).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(/MLflow params folder mlruns\/0\/dir-link\/params is a symlink to .*, outside the workspace/);
    expect(r.stdout + r.stderr + r.summary).not.toContain(SECRET);
    expect(spawnSync('ls', [out]).status).not.toBe(0);
  });

  it.each([
    ['dvc: a FIFO dvc.lock', { dvc: 'dvc-fifo' }, /DVC file dvc-fifo\/dvc\.lock is a named pipe \(FIFO\)/],
    ['mlflow-run: meta.yaml -> /dev/zero', { 'mlflow-run': 'mlruns/0/zero-meta' }, /meta\.yaml is a symlink to \/dev\/zero, outside the workspace/],
    ['records: outside the workspace', { records: '../outside-records' }, /records directory .*outside-records \(from the records input\) is outside the workspace/],
    ['records: a directory linked out', { records: 'recs-dir-link' }, /records directory recs-dir-link is a symlink to .*outside-records, outside the workspace/],
    ['dvc: a file', { dvc: 'a-file' }, /DVC project folder \(dvc\) a-file is a file, not a directory/],
  ] as const)('the action: %s — exit 2 at once, one annotation, nothing read', (_what, inputs, re) => {
    const r = runAction({ 'subject-path': 'model/m.bin', sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'none', ...inputs }, { workspace: hw });
    expect(r.code, r.stdout).toBe(2);
    expect(r.annotations).toHaveLength(1);
    expect(decodeURIComponent(r.annotations[0]!)).toMatch(re);
    expect(r.stdout + r.stderr + r.summary).not.toContain(SECRET);
  });

  it('the action refuses an output-dir that leads through a committed symlink out of the workspace; nothing is written there', () => {
    const target = path.join(root, 'victim-dir');
    mkdirSync(target, { recursive: true });
    symlinkSync(target, path.join(hw, 'prov-out'));
    const r = runAction({ 'subject-path': 'model/m.bin', sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'none', 'output-dir': 'prov-out/run' }, { workspace: hw });
    expect(r.code, r.stdout).toBe(2);
    expect(decodeURIComponent(r.annotations.join('\n'))).toMatch(/output-dir prov-out\/run leads through a symlink to .*victim-dir, outside the workspace/);
    expect(spawnSync('ls', ['-A', target], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('build --out through a committed directory symlink out of the workspace is refused before anything is read', () => {
    const target = path.join(root, 'victim-out');
    mkdirSync(target, { recursive: true });
    symlinkSync(target, path.join(hw, 'out-link'));
    expectRefused(cli(['build', '--policy', 'none', '--subject', 'model/m.bin', '--out', 'out-link/p.json'], hw), /--out .*out-link leads through a symlink to .*victim-out, outside the workspace/, '--out link');
    expect(spawnSync('ls', ['-A', target], { encoding: 'utf8' }).stdout).toBe('');
  });
});

describe('limits: records lines and files, file counts before hashing', () => {
  let lw: string;
  beforeAll(() => {
    lw = path.join(root, 'limits');
    mkdirSync(path.join(lw, 'model'), { recursive: true });
    writeFileSync(path.join(lw, 'model', 'm.bin'), 'model');
  });
  const b = (...a: string[]) => ['build', '--policy', 'none', '--subject', 'model/m.bin', '--out', 'o.json', ...a];

  it('a 100 MB records.jsonl (one line) is refused at once by its size, without reading it', () => {
    mkdirSync(path.join(lw, 'big-file'));
    const f = path.join(lw, 'big-file', 'records.jsonl');
    writeFileSync(f, '{"kind":"param","params":{"x":"');
    truncateSync(f, 100 * 1024 * 1024);
    expectRefused(cli(b('--records', 'big-file'), lw, 10_000), /records log .*big-file\/records\.jsonl is 104857600 bytes, more than the 67108864 accepted/, '100 MB file');
  });

  it('a 2 MiB line is refused by the line cap, naming file:line (the line is never held whole)', () => {
    mkdirSync(path.join(lw, 'long-line'));
    const ok = '{"kind":"param","params":{"a":1}}\n';
    writeFileSync(path.join(lw, 'long-line', 'records.jsonl'), ok + `{"kind":"param","params":{"x":"${'x'.repeat(2 * 1024 * 1024)}"}}\n`);
    expectRefused(cli(b('--records', 'long-line'), lw, 10_000), /records log .*long-line\/records\.jsonl:2 is longer than 1048576 bytes — one event a line/, 'long line');
  });

  it('a config glob over 10,000 files is refused before any is read', () => {
    const d = path.join(lw, 'cfgs');
    mkdirSync(d);
    for (let i = 0; i <= 10_000; i++) writeFileSync(path.join(d, `c${i}.yaml`), 'a: 1\n');
    expectRefused(cli(b('--config', 'cfgs/*.yaml'), lw), /config pattern "cfgs\/\*\.yaml" matches 10001 files, more than the 10000 accepted/, 'config glob');
  }, 60_000);

  it("--subject 'many/**' over 1,024 files is refused before hashing (a 100 GiB sparse file among them is never read)", () => {
    const d = path.join(lw, 'many');
    mkdirSync(d);
    for (let i = 0; i < 1100; i++) writeFileSync(path.join(d, `f${String(i).padStart(4, '0')}.bin`), String(i));
    writeFileSync(path.join(d, 'a-huge.bin'), '');
    truncateSync(path.join(d, 'a-huge.bin'), 100 * 1024 ** 3);
    expectRefused(cli(['build', '--policy', 'none', '--subject', 'many/**', '--out', 'o.json'], lw, 20_000), /more than 1024 subject files: a statement may have at most 1024/, 'many/**');
    // A directory subject is counted the same way, before hashing.
    expectRefused(cli(['build', '--policy', 'none', '--subject', 'many', '--out', 'o.json'], lw, 20_000), /more than 1024 subject files: a statement may have at most 1024/, 'many/');
  }, 60_000);
});

// Issue 12 item 7: duplicate ids, BOMs, invalid UTF-8 and NUL.
describe('text inputs: BOM accepted everywhere, invalid UTF-8 and NUL refused with the offset, duplicate dataset ids refused', () => {
  let tw: string;
  const BOM = '\ufeff';
  beforeAll(() => {
    tw = path.join(root, 'text');
    mkdirSync(path.join(tw, 'model'), { recursive: true });
    mkdirSync(path.join(tw, 'data'), { recursive: true });
    writeFileSync(path.join(tw, 'model', 'm.bin'), 'model');
    writeFileSync(path.join(tw, 'data', 'd.csv'), '1,2\n');
    writeFileSync(path.join(tw, 'bom.json'), `${BOM}{"lr": 0.1}`);
    writeFileSync(path.join(tw, 'bom.yaml'), `${BOM}lr: 0.1\n`);
    writeFileSync(path.join(tw, 'bom.toml'), `${BOM}lr = 0.1\n`);
    writeFileSync(path.join(tw, 'bom-datasets.yaml'), `${BOM}- id: d\n  path: data/d.csv\n  license: MIT\n`);
    writeFileSync(path.join(tw, 'bom-metrics.json'), `${BOM}{"acc": 0.9}`);
    mkdirSync(path.join(tw, 'bom-recs'));
    writeFileSync(path.join(tw, 'bom-recs', 'records.jsonl'), `${BOM}{"kind":"param","params":{"epochs":3}}\n`);
    writeFileSync(path.join(tw, 'latin1.yaml'), Buffer.concat([Buffer.from('name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    writeFileSync(path.join(tw, 'nul.json'), Buffer.concat([Buffer.from('{"a": "x'), Buffer.from([0]), Buffer.from('"}')]));
    writeFileSync(path.join(tw, 'dup.yaml'), '- id: train\n  uri: s3://b/train-v1\n- id: test\n  uri: s3://b/test\n- id: train\n  uri: s3://b/train-v2\n');
  });

  it('a BOM before a JSON, YAML or TOML config, a manifest, a metrics file and records.jsonl is accepted (the JSON config was refused)', () => {
    const r = cli(
      ['build', '--policy', 'none', '--subject', 'model/m.bin', '--config', 'bom.json', '--config', 'bom.yaml', '--config', 'bom.toml', '--datasets', 'bom-datasets.yaml', '--metrics', 'bom-metrics.json', '--records', 'bom-recs', '--out', 'bom-out.json'],
      tw,
    );
    expect(r.code, r.stderr).toBe(0);
    const st = JSON.parse(readFileSync(path.join(tw, 'bom-out.json'), 'utf8')) as {
      predicate: { configFiles: Array<{ content: unknown }>; datasets: Array<{ id: string }>; metrics: Array<{ name: string }>; buildDefinition: { externalParameters: { hyperparameters: Record<string, unknown> } } };
    };
    expect(st.predicate.configFiles.map((c) => c.content)).toEqual([{ lr: 0.1 }, { lr: 0.1 }, { lr: 0.1 }]);
    expect(st.predicate.datasets.map((d) => d.id)).toEqual(['d']);
    expect(st.predicate.metrics.map((m) => m.name)).toEqual(['acc']);
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters).toMatchObject({ epochs: 3 });
  });

  it('invalid UTF-8 in a config is refused with the byte offset (it was accepted as U+FFFD)', () => {
    expectRefused(cli(['build', '--policy', 'none', '--subject', 'model/m.bin', '--config', 'latin1.yaml', '--out', 'o.json'], tw), /config file latin1\.yaml is not valid UTF-8 at byte offset 9 — save the config file as UTF-8/, 'latin1');
  });

  it('a NUL byte in a config is refused with the byte offset', () => {
    expectRefused(cli(['build', '--policy', 'none', '--subject', 'model/m.bin', '--config', 'nul.json', '--out', 'o.json'], tw), /config file nul\.json has a NUL byte at byte offset 8/, 'nul');
  });

  it('duplicate dataset ids in one manifest are an error naming both entries (the first disappeared)', () => {
    expectRefused(cli(['build', '--policy', 'none', '--subject', 'model/m.bin', '--datasets', 'dup.yaml', '--out', 'o.json'], tw), /dup\.yaml: datasets\[0\] and datasets\[2\] both have id "train" — give each dataset its own id/, 'dup');
  });
});
