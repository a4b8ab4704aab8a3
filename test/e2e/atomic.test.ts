// No half-written files: the statement is written through a temporary file and a
// rename (writeFileAtomic), so a killed or failing CLI leaves either nothing or the
// whole statement; `record` appends whole lines, also from concurrent writers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/record/log.js';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { CLI, cleanEnv, copyExample, runCli, train } from '../helpers/run.js';

let ws: string;

beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
  // A config big enough that writing the statement takes a moment (about 4 MB of JSON).
  const big = { rows: Array.from({ length: 40_000 }, (_, i) => ({ i, name: `feature-${i}`, weight: i / 7 })) };
  writeFileSync(path.join(ws, 'config', 'big.json'), JSON.stringify(big));
}, 120_000);

const BUILD = ['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--config', 'config/big.json'];

function start(args: string[], cwd: string): { done: Promise<number | null>; kill(): void } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), stdio: 'ignore' });
  return { done: new Promise((resolve) => child.on('close', (code) => resolve(code))), kill: () => child.kill('SIGKILL') };
}

/** The statement file is absent or whole: valid JSON that is a schema-valid statement. */
function expectAbsentOrWhole(file: string): boolean {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('}\n'), `partial file (${text.length} bytes)`).toBe(true);
  TrainingStatement.parse(JSON.parse(text));
  return true;
}

describe('the statement is never half-written', () => {
  it('SIGKILL at many points during build leaves no file or the whole file, never a partial one', async () => {
    const full = runCli([...BUILD, '--out', 'out/full.json'], { cwd: ws });
    expect(full.code, full.stderr).toBe(0);
    let whole = 0;
    let absent = 0;
    // Kill times spread over the run (a full build takes a few hundred ms here).
    for (const delay of [30, 80, 120, 160, 200, 240, 280, 320, 400, 500, 650, 800]) {
      const dir = path.join(ws, 'out', `k${delay}`);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'provenance.intoto.json');
      const p = start([...BUILD, '--out', file], ws);
      await new Promise((r) => setTimeout(r, delay));
      p.kill();
      await p.done;
      if (expectAbsentOrWhole(file)) whole++;
      else absent++;
      // Leftovers, if any, are only the temporary file, never under the final name.
      for (const f of readdirSync(dir)) expect(f === 'provenance.intoto.json' || /^provenance\.intoto\.json\.\d+\.[a-f0-9]+\.tmp$/.test(f), f).toBe(true);
    }
    expect(whole + absent).toBe(12);
  }, 120_000);

  it('a re-run killed mid-way leaves the previous statement intact', async () => {
    const file = path.join(ws, 'out', 'rerun', 'provenance.intoto.json');
    expect(runCli([...BUILD, '--out', file], { cwd: ws }).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    for (const delay of [50, 150, 250, 350]) {
      const p = start([...BUILD, '--out', file], ws);
      await new Promise((r) => setTimeout(r, delay));
      p.kill();
      await p.done;
      const after = readFileSync(file, 'utf8');
      // Either the old statement or a complete new one (only finishedOn differs).
      TrainingStatement.parse(JSON.parse(after));
      expect(after.replace(/"finishedOn": "[^"]+"/, '')).toBe(before.replace(/"finishedOn": "[^"]+"/, ''));
    }
  }, 60_000);

  it('an unusable output location fails with exit 2, one error line, and leaves nothing behind', () => {
    // A file where the output directory should be (works as root too, unlike chmod).
    writeFileSync(path.join(ws, 'not-a-dir'), 'x');
    const r1 = runCli([...BUILD, '--out', 'not-a-dir/provenance.intoto.json'], { cwd: ws });
    expect(r1.code, r1.stderr).not.toBe(0);
    expect(r1.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r1.stderr).toMatch(/^error: /);
    expect(r1.stderr).not.toMatch(/\n\s+at /);
    // The output path is a directory: the rename fails, the temporary file is removed.
    const dir = path.join(ws, 'out', 'is-a-dir');
    mkdirSync(path.join(dir, 'provenance.intoto.json'), { recursive: true });
    const r2 = runCli([...BUILD, '--out', path.join(dir, 'provenance.intoto.json')], { cwd: ws });
    expect(r2.code, r2.stderr).toBe(2);
    expect(r2.stderr).toMatch(/^error: .*provenance\.intoto\.json/);
    expect(readdirSync(dir)).toEqual(['provenance.intoto.json']);
    expect(readdirSync(path.join(dir, 'provenance.intoto.json'))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only output directory fails cleanly and leaves no partial file', () => {
    const dir = path.join(ws, 'out', 'ro');
    mkdirSync(dir, { recursive: true });
    spawnSync('chmod', ['555', dir]);
    try {
      const r = runCli([...BUILD, '--out', path.join(dir, 'provenance.intoto.json')], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: permission denied: /);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      spawnSync('chmod', ['755', dir]);
    }
  });
});

describe('record appends whole lines', () => {
  it('concurrent writers with large events never interleave or tear lines', async () => {
    const rec = path.join(ws, 'concurrent-records');
    rmSync(rec, { recursive: true, force: true });
    const N = 16;
    // ~60 KB per event: far above a pipe's atomic size, below appendFile's single-write chunk.
    const letter = (i: number) => String.fromCharCode(97 + (i % 26));
    const big = (i: number) => `blob=${letter(i).repeat(60_000)}`;
    const runs = Array.from({ length: N }, (_, i) => start(['record', 'param', `writer=${i}`, big(i), '--records', rec], ws));
    const codes = await Promise.all(runs.map((r) => r.done));
    expect(codes.every((c) => c === 0)).toBe(true);
    const text = readFileSync(path.join(rec, 'records.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const events = parseEvents(text, 'records.jsonl');
    expect(events).toHaveLength(N);
    const writers = events.map((e) => (e.kind === 'param' ? Number(e.params.writer) : -1)).sort((a, b) => a - b);
    expect(writers).toEqual(Array.from({ length: N }, (_, i) => i));
    for (const e of events) if (e.kind === 'param') expect(e.params.blob).toBe(letter(Number(e.params.writer)).repeat(60_000));
  }, 60_000);

  it('a writer killed at any point leaves whole lines (a torn last line at worst, which the reader skips)', async () => {
    const rec = path.join(ws, 'killed-records');
    rmSync(rec, { recursive: true, force: true });
    for (const delay of [5, 20, 40, 60, 80, 120]) {
      const p = start(['record', 'param', `k=${delay}`, `blob=${'x'.repeat(120_000)}`, '--records', rec], ws);
      await new Promise((r) => setTimeout(r, delay));
      p.kill();
      await p.done;
    }
    expect(runCli(['record', 'param', 'after=1', '--records', rec], { cwd: ws }).code).toBe(0);
    const text = readFileSync(path.join(rec, 'records.jsonl'), 'utf8');
    // Every line, including the one written after the kills, is whole JSON.
    for (const line of text.split('\n').filter(Boolean)) JSON.parse(line);
    const events = parseEvents(text, 'records.jsonl');
    expect(events.at(-1)).toMatchObject({ kind: 'param', params: { after: 1 } });
  }, 60_000);
});
