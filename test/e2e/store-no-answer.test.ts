// A lineage question nobody matches exits 1 from the store as it does over files (README's
// exit codes: "a lineage query that matched nothing"), like grep, so a script can tell "none"
// from "found": the empty answer is still printed, and stderr has one `error:` line.
// Through dist/cli.js, on node:sqlite and a real PostgreSQL server.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { oneRunOnBothEngines, type OneRun } from './store-helpers.js';

let f: OneRun;
beforeAll(async () => {
  f = await oneRunOnBothEngines('none', makeStatement({ run: 'none', metrics: [{ name: 'accuracy', value: 0.9, epoch: 1, split: 'test' }] }), 'acme/none');
}, 120_000);
afterAll(() => f?.close());

// Each question, and the error naming the part that matched nothing and what the store holds there.
const NOBODY: [string[], RegExp][] = [
  [['--dataset', 'mnist@2.0'], /^error: dataset mnist has no version 2\.0 in .+ — its versions: 1\.0; pass --dataset mnist@VERSION/m],
  [['--dataset', 'mnsit'], /^error: no dataset mnsit in .+ — datasets recorded: mnist, labels, mnist-norm; check the spelling/m],
  [['--metric', 'no-such-metric'], /^error: no metric no-such-metric in .+ — metrics recorded: accuracy; check the spelling/m],
  [['--metric', 'accuracy', '--split', 'train'], /^error: metric accuracy has no split train in .+ — its splits: test; /m],
  [['--model', `sha256:${'ab'.repeat(32)}`], /^error: no run in .+ produced model sha256:(ab){32} — /m],
  [['--runs', 'someone/else'], /^error: no run of repository someone\/else in .+ — repositories stored: acme\/none; pass one of them, OWNER\/\* for an owner, or '\*' for every run/m],
];

test.each(['sqlite', 'postgres'])('%s: a question nobody matches exits 1 with the empty answer, one matched exits 0', async (engine) => {
  const { mlp, file, model } = f;
  const store = f.store(engine);
  const ingest = await mlp('store', 'ingest', file, '--no-verify', '--store', store);
  expect(ingest.code, ingest.stderr).toBe(0);
  for (const [q, said] of NOBODY) {
    const json = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', ...q);
    expect(json.code, `${q.join(' ')}: ${json.stderr}`).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ answers: [] });
    expect(json.stderr, q.join(' ')).toMatch(said);
    expect(json.stderr.trim().split('\n'), q.join(' ')).toHaveLength(1);
    expect(json.stderr).not.toMatch(/\n\s+at /);
    const table = await mlp('lineage', '--store', store, '--no-verify', ...q);
    expect(table.code, q.join(' ')).toBe(1);
  }
  // The same question over the file itself gives the same exit code (the file form's convention).
  const overFile = await mlp('lineage', file, '--no-verify', '--dataset', 'mnist@2.0');
  expect(overFile.code).toBe(1);
  // A question with an answer still exits 0.
  for (const q of [['--metric', 'accuracy'], ['--model', `sha256:${model}`], ['--runs', 'acme/none'], ['--runs', '*']]) {
    const r = await mlp('lineage', '--store', store, '--no-verify', '--format', 'json', ...q);
    expect(r.code, `${q.join(' ')}: ${r.stderr}`).toBe(0);
    expect((JSON.parse(r.stdout) as { answers: unknown[] }).answers.length).toBeGreaterThan(0);
  }
});
