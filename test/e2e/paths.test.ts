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
    const rec = path.join(root, 'recs');
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
