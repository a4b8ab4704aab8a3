import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  comparePaths,
  digestDirectory,
  digestFile,
  digestPath,
  listFiles,
  manifestDigest,
  manifestText,
  type DigestProgress,
  type DigestWarning,
} from '../../src/digest/index.js';
import { actionLogReporter, formatBytes, progressLine, ttyProgressBar } from '../../src/digest/progress.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mlp-digest-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function mk(name: string): string {
  const d = path.join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
}

const sh = (script: string, cwd: string): string => execFileSync('bash', ['-c', script], { cwd, encoding: 'utf8' });

/** The manifest recomputed with coreutils only: find, LC_ALL=C sort, sha256sum, stat. */
function shellManifest(dir: string): string {
  return sh(
    `find . -type f -printf '%P\\0' | LC_ALL=C sort -z | while IFS= read -r -d '' f; do ` +
      `printf '%s  %s  %s\\n' "$(sha256sum < "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"; done`,
    dir,
  );
}

/** A directory with nested folders, an empty file and unicode names. */
function makeTree(name: string, n = 40): string {
  const d = mk(name);
  const names = ['a', 'B', 'a-b', 'a.b', 'é', 'z', '日本', '😀', 'ﬀ', 'Ω'];
  for (let i = 0; i < n; i++) {
    const sub = path.join(d, names[i % names.length]!, i % 3 === 0 ? 'deep/er' : '');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${names[(i * 7) % names.length]}-${i}.bin`), randomBytes((i * 977) % 5000));
  }
  writeFileSync(path.join(d, 'empty'), '');
  mkdirSync(path.join(d, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(d, 'a', 'b', 'x'), 'x');
  return d;
}

describe('digestFile', () => {
  it('matches sha256sum for an empty file, a small file and one spanning several reads', async () => {
    const d = mk('files');
    const cases = { empty: Buffer.alloc(0), small: Buffer.from('hello\n'), big: randomBytes(9 * 1024 * 1024 + 123) };
    for (const [name, data] of Object.entries(cases)) {
      const f = path.join(d, name);
      writeFileSync(f, data);
      const expected = sh(`sha256sum ${name}`, d).split(' ')[0];
      expect(await digestFile(f)).toEqual({ sha256: expected, size: data.length });
    }
  });

  it('reports progress ending with done and the full size', async () => {
    const f = path.join(mk('progress'), 'f');
    writeFileSync(f, randomBytes(10 * 1024 * 1024));
    const seen: DigestProgress[] = [];
    await digestFile(f, { onProgress: (p) => seen.push(p), progressIntervalMs: 0 });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ done: true, bytes: 10 * 1024 * 1024, totalBytes: 10 * 1024 * 1024, files: 1 });
    expect(seen.slice(0, -1).every((p) => !p.done)).toBe(true);
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const d = mk('fifo-file');
    sh('mkfifo pipe', d);
    await expect(digestFile(path.join(d, 'pipe'))).rejects.toMatchObject({ code: 'not-a-regular-file' });
    await expect(digestPath(path.join(d, 'pipe'), d)).rejects.toMatchObject({ code: 'not-a-regular-file' });
  });
});

describe('digestDirectory', () => {
  it('equals the manifest recomputed with find | LC_ALL=C sort | sha256sum', async () => {
    const d = makeTree('tree');
    const r = await digestDirectory(d, d);
    const text = shellManifest(d);
    expect(manifestText(r.files)).toBe(text);
    expect(r.sha256).toBe(execFileSync('sha256sum', { input: text, encoding: 'utf8' }).split(' ')[0]);
    expect(manifestDigest(r.files)).toBe(r.sha256);
    expect(r.size).toBe(r.files.reduce((n, f) => n + f.size, 0));
  });

  it('gives the same result on 0, 1 and 2 workers', async () => {
    const d = makeTree('parallel', 300);
    const serial = await digestDirectory(d, d, { concurrency: 0 });
    expect(serial.files.length).toBeGreaterThan(8);
    expect(await digestDirectory(d, d, { concurrency: 1 })).toEqual(serial);
    expect(await digestDirectory(d, d, { concurrency: 2 })).toEqual(serial);
    expect(await digestDirectory(d, d)).toEqual(serial);
  });

  it('sorts unicode names bytewise, like LC_ALL=C sort', async () => {
    const d = mk('unicode');
    const names = ['z', 'Z', 'é', 'e\u0301', '日本', '😀', '\uff21', 'ﬀ', 'a b', 'a-b', 'a.b', '_'];
    for (const n of names) writeFileSync(path.join(d, n), n);
    const r = await digestDirectory(d, d);
    const sorted = sh(`printf '%s\\n' ${names.map((n) => `'${n}'`).join(' ')} | LC_ALL=C sort`, d).trim().split('\n');
    expect(r.files.map((f) => f.path)).toEqual(sorted);
  });

  it('comparePaths agrees with Buffer.compare of the UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(comparePaths(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles an empty directory and empty files', async () => {
    const d = mk('empty-dir');
    const r = await digestDirectory(d, d);
    expect(r).toEqual({ sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', files: [], size: 0 });
    writeFileSync(path.join(d, 'e'), '');
    const r2 = await digestDirectory(d, d);
    expect(r2.files).toEqual([{ path: 'e', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 }]);
  });

  it('skips a FIFO (and a device symlinked in) with a warning instead of hanging, with and without workers', async () => {
    const d = makeTree('fifo-dir', 20);
    sh('mkfifo pipe && mkfifo a/pipe2', d);
    const before = await digestDirectory(d, d, { concurrency: 0 });
    for (const concurrency of [0, 2]) {
      const warnings: DigestWarning[] = [];
      const r = await digestDirectory(d, d, { concurrency, onWarning: (w) => warnings.push(w) });
      expect(r.skipped).toEqual([
        { path: 'a/pipe2', kind: 'fifo' },
        { path: 'pipe', kind: 'fifo' },
      ]);
      expect(warnings.map((w) => w.path).sort()).toEqual(['a/pipe2', 'pipe']);
      expect(warnings[0]!.message).toMatch(/fifo is not a regular file/);
      expect(r.sha256).toBe(before.sha256);
    }
    expect(shellManifest(d)).toBe(manifestText(before.files));
  });

  it('skips a character device reached through a symlink inside the boundary', async () => {
    // /dev/null is outside any temp boundary, so use the file system root as the boundary.
    const d = mk('device');
    writeFileSync(path.join(d, 'f'), 'f');
    symlinkSync('/dev/null', path.join(d, 'null'));
    const r = await digestDirectory(d, '/');
    expect(r.skipped).toEqual([{ path: 'null', kind: 'character-device' }]);
    expect(r.files.map((f) => f.path)).toEqual(['f']);
  });

  it('follows symlinks inside the boundary and refuses ones that leave it', async () => {
    const ws = mk('ws');
    const data = path.join(ws, 'data');
    mkdirSync(path.join(data, 'sub'), { recursive: true });
    writeFileSync(path.join(ws, 'shared.txt'), 'shared');
    writeFileSync(path.join(data, 'sub', 'x'), 'x');
    symlinkSync(path.join(ws, 'shared.txt'), path.join(data, 'link.txt'));
    const r = await digestDirectory(data, ws);
    expect(r.files.map((f) => f.path)).toEqual(['link.txt', 'sub/x']);

    const outside = mk('outside');
    writeFileSync(path.join(outside, 'secret'), 's');
    symlinkSync(path.join(outside, 'secret'), path.join(data, 'escape'));
    await expect(digestDirectory(data, ws)).rejects.toMatchObject({ code: 'symlink-escapes-workspace' });
    await expect(listFiles(data, ws)).rejects.toMatchObject({ code: 'symlink-escapes-workspace' });
    await expect(digestPath(path.join(data, 'escape'), ws)).rejects.toMatchObject({ code: 'symlink-escapes-workspace' });
    rmSync(path.join(data, 'escape'));

    symlinkSync(outside, path.join(data, 'escape-dir'));
    await expect(digestDirectory(data, ws)).rejects.toMatchObject({ code: 'symlink-escapes-workspace' });
    rmSync(path.join(data, 'escape-dir'));

    symlinkSync('..', path.join(data, 'sub', 'loop'));
    await expect(digestDirectory(data, ws)).rejects.toMatchObject({ code: 'symlink-cycle' });
    rmSync(path.join(data, 'sub', 'loop'));

    symlinkSync(path.join(ws, 'nothing-here'), path.join(data, 'dangling'));
    await expect(digestDirectory(data, ws)).rejects.toMatchObject({ code: 'symlink-broken' });
  });

  it('a symlink to a folder whose name starts with two dots (..cache) stays inside the workspace', async () => {
    // path.relative gives "..cache/x" for it: a prefix test on ".." took it for a parent folder.
    const ws = mk('ws-dotdot');
    const data = path.join(ws, 'data');
    mkdirSync(path.join(ws, '..cache'), { recursive: true });
    mkdirSync(data, { recursive: true });
    writeFileSync(path.join(ws, '..cache', 'x'), 'x');
    symlinkSync(path.join(ws, '..cache', 'x'), path.join(data, 'x'));
    expect((await digestDirectory(data, ws)).files.map((f) => f.path)).toEqual(['x']);
    expect(await digestPath(path.join(data, 'x'), ws)).toMatchObject({ kind: 'file', size: 1 });
  });

  it('digestPath digests a file or a directory', async () => {
    const d = makeTree('digest-path', 12);
    const dir = await digestPath(d, d);
    expect(dir.kind).toBe('directory');
    expect(dir.sha256).toBe((await digestDirectory(d, d)).sha256);
    const f = await digestPath(path.join(d, 'empty'), d);
    expect(f).toMatchObject({ kind: 'file', size: 0, files: [{ path: 'empty', size: 0 }] });
  });

  it('reports directory progress with totals', async () => {
    const d = makeTree('dir-progress', 50);
    const seen: DigestProgress[] = [];
    const r = await digestDirectory(d, d, { onProgress: (p) => seen.push(p), progressIntervalMs: 0 });
    expect(seen.at(-1)).toMatchObject({ done: true, bytes: r.size, totalBytes: r.size, files: r.files.length, totalFiles: r.files.length });
  });
});

describe('progress reporters', () => {
  const p = (over: Partial<DigestProgress>): DigestProgress => ({
    bytes: 0,
    files: 0,
    totalBytes: undefined,
    totalFiles: undefined,
    elapsedMs: 0,
    bytesPerSecond: 0,
    done: false,
    ...over,
  });

  it('formats the action log line', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GiB');
    expect(
      progressLine(p({ bytes: 1.2 * 1024 ** 3, totalBytes: 3.4 * 1024 ** 3, files: 512, bytesPerSecond: 1.1 * 1024 ** 3 })),
    ).toBe('hashed 1.2 GiB / 3.4 GiB (512 files) at 1.1 GiB/s');
    expect(progressLine(p({ bytes: 2048, files: 1, bytesPerSecond: 1024 }))).toBe('hashed 2.0 KiB (1 file) at 1.0 KiB/s');
  });

  it('writes a line every interval and a last one only if it wrote any', () => {
    const lines: string[] = [];
    const r = actionLogReporter((l) => lines.push(l), 1000);
    r(p({ elapsedMs: 500 }));
    r(p({ elapsedMs: 1100, bytes: 1 }));
    r(p({ elapsedMs: 1500 }));
    r(p({ elapsedMs: 2200 }));
    r(p({ elapsedMs: 2300, done: true }));
    expect(lines).toHaveLength(3);
    const quiet: string[] = [];
    const q = actionLogReporter((l) => quiet.push(l), 1000);
    q(p({ elapsedMs: 10 }));
    q(p({ elapsedMs: 20, done: true }));
    expect(quiet).toEqual([]);
  });

  it('draws no bar when the stream is not a TTY', () => {
    expect(ttyProgressBar({ stream: { isTTY: false } as NodeJS.WriteStream })).toBeUndefined();
  });
});

describe('bundled worker', () => {
  it('works from an esbuild bundle with digest-worker.js next to it, and says so when it is missing', async () => {
    const { bundleDigest } = await import('../../bench/bundle.mjs');
    const out = mk('bundle');
    const lib = await bundleDigest(out);
    const d = makeTree('bundled-tree', 60);
    const expected = await digestDirectory(d, d, { concurrency: 0 });
    const node = process.execPath;
    const script = `const m = await import(${JSON.stringify(lib)});
      const r = await m.digestDirectory(${JSON.stringify(d)}, ${JSON.stringify(d)}, { concurrency: 2 });
      console.log(JSON.stringify({ sha256: r.sha256, n: r.files.length, worker: m.workerUrl().pathname }));`;
    const scriptFile = path.join(tmp, 'run-bundle.mjs');
    writeFileSync(scriptFile, script);
    // A clean environment: no NODE_OPTIONS or loaders from the test runner.
    const env = { PATH: process.env.PATH ?? '' };
    const run = spawnSync(node, [scriptFile], { encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as { sha256: string; n: number; worker: string };
    expect(got).toEqual({ sha256: expected.sha256, n: expected.files.length, worker: path.join(out, 'digest-worker.js') });

    rmSync(path.join(out, 'digest-worker.js'));
    const missing = spawnSync(node, [scriptFile], { encoding: 'utf8', env });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/digest worker script is missing/);
  });
});
