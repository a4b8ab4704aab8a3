// WorkerPool (src/util/worker-pool.ts) keeps its threads across maps: started once, stopped by
// close(), replaced after a failed or aborted map. Run with the real digest worker from source
// (src/digest/worker.ts, which Node 24 runs with its types stripped); threads are counted through
// Node's own `process.on('worker')` event, emitted for every Worker created.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { HashResult, WorkerMessage } from '../../src/digest/worker.js';
import { mapOnWorkers, WorkerPool } from '../../src/util/worker-pool.js';

const url = new URL('../../src/digest/worker.ts', import.meta.url);
let dir: string;
let files: string[];
let started: Worker[];
const exited = new Set<Worker>();
const onWorker = (w: Worker): void => {
  started.push(w);
  w.once('exit', () => exited.add(w));
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-worker-pool-'));
  files = [];
  for (let i = 0; i < 8; i++) {
    files.push(path.join(dir, `f${i}`));
    await writeFile(files[i]!, `file ${i}`);
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  started = [];
  process.on('worker', onWorker);
});
afterEach(() => {
  process.off('worker', onWorker);
});

const spec = { url, workerData: { mlpDigestWorker: true }, workers: 2, batch: 1 };
const text = (f: string) => `file ${files.indexOf(f)}`;
const expected = (fs: string[]) => fs.map((f) => ({ sha256: createHash('sha256').update(text(f)).digest('hex'), size: text(f).length }));
const exitedAll = async (ws: Worker[]) => {
  for (let k = 0; k < 100 && ws.some((w) => !exited.has(w)); k++) await new Promise((r) => setTimeout(r, 20));
  return ws.every((w) => exited.has(w));
};

test('a pool starts its threads once for several maps, and close() stops them', async () => {
  const pool = new WorkerPool<string, HashResult, WorkerMessage>(spec);
  expect(await pool.map(files.slice(0, 4))).toEqual(expected(files.slice(0, 4)));
  expect(await pool.map(files.slice(4))).toEqual(expected(files.slice(4)));
  expect(await pool.map(files)).toEqual(expected(files));
  expect(started).toHaveLength(2);
  expect(started.some((w) => exited.has(w))).toBe(false);
  await pool.close();
  expect(await exitedAll(started)).toBe(true);
});

test('maps called together run one after the other, each with its own results', async () => {
  const pool = new WorkerPool<string, HashResult, WorkerMessage>(spec);
  const [a, b] = await Promise.all([pool.map(files.slice(0, 5)), pool.map(files.slice(3))]);
  expect(a).toEqual(expected(files.slice(0, 5)));
  expect(b).toEqual(expected(files.slice(3)));
  expect(started).toHaveLength(2);
  await pool.close();
});

test('an aborted map stops the threads; the next map starts new ones and answers in full', async () => {
  const pool = new WorkerPool<string, HashResult, WorkerMessage>(spec);
  const stop = new AbortController();
  const aborted = pool.map(files, { signal: stop.signal, onResult: () => stop.abort(new Error('enough')) });
  await expect(aborted).rejects.toThrow('enough');
  expect(await exitedAll(started)).toBe(true);
  expect(await pool.map(files)).toEqual(expected(files));
  expect(started).toHaveLength(4);
  await pool.close();
});

test('mapOnWorkers (one map) starts threads for the call and stops them after', async () => {
  expect(await mapOnWorkers<string, HashResult, WorkerMessage>(files, spec)).toEqual(expected(files));
  expect(await mapOnWorkers<string, HashResult, WorkerMessage>(files, spec)).toEqual(expected(files));
  expect(started).toHaveLength(4);
  expect(await exitedAll(started)).toBe(true);
});
