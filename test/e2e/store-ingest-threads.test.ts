// `store ingest DIR` of a folder larger than one 16 MiB part verifies every part on the same
// verification threads (src/verify/pool.ts VerifyThreads): they are started once, not once per
// part. Counted through Node's own `process.on('worker')` event (emitted for every Worker
// created) in a preload given to the built CLI with --import; nothing of the project is replaced.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, ROOT, cleanEnv, execAsync } from '../helpers/run.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { IDENTITY, signRuns, workerCounter } from './store-helpers.js';

let sigstore: SigstoreStandin;
let work: string;

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-ingest-threads-'));
}, 120_000);

afterAll(async () => {
  await sigstore?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('a folder of two parts is verified on threads started once (--jobs 2: two threads, not four)', async () => {
  const signed = path.join(work, 'signed');
  await signRuns(sigstore, signed);
  const bundles = (await readdir(signed)).filter((f) => f.endsWith('.sigstore.json'));
  // 240 files of ~140 KB (a signed bundle followed by JSON whitespace, so each has its own bytes):
  // two 16 MiB parts of 64 or more bundles each, the least that verifies on threads.
  const dir = path.join(work, 'big');
  await mkdir(dir);
  for (let i = 0; i < 240; i++) {
    const bytes = await readFile(path.join(signed, bundles[i % bundles.length]!), 'utf8');
    await writeFile(path.join(dir, `run-${String(i).padStart(3, '0')}.sigstore.json`), bytes + ' '.repeat(140_000 + i));
  }
  const workers = await workerCounter(work);
  const r = await execAsync(
    process.execPath,
    [...workers.args, CLI, 'store', 'ingest', dir, '--store', path.join(work, 'big.db'), '--jobs', '2', '--custom-trusted-root', sigstore.trustedRootPath, '--offline', ...IDENTITY],
    { cwd: ROOT, env: cleanEnv() },
  );
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  // Two parts, each verified on threads...
  expect(r.stderr.match(/^verifying \d+ bundles on 2 threads\.\.\.$/gm)).toHaveLength(2);
  expect(r.stderr).toMatch(new RegExp(`^${bundles.length} new run\\(s\\), ${240 - bundles.length} already in `, 'm'));
  // ...by the same two threads.
  expect(await workers.started()).toBe(2);
}, 180_000);
