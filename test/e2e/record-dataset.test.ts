// `record dataset` as training code calls it (dist/cli.js): hf revisions, --path alone, SPDX licenses.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { copyExample, runCli } from '../helpers/run.js';

const COMMIT = 'e6281661ce1c48d982bc483cf8a173c1bbeb5d31';
const events = (ws: string) =>
  readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

function model(ws: string): void {
  mkdirSync(path.join(ws, 'model'), { recursive: true });
  mkdirSync(path.join(ws, '.ml-provenance'), { recursive: true });
  writeFileSync(path.join(ws, 'model/model.json'), '{"w":[1]}');
}

function build(ws: string, policy = 'standard') {
  const r = runCli(['build', '--subject', 'model/model.json', '--policy', policy, '--out', 'out/st.json'], { cwd: ws });
  return { ...r, statement: r.code === 0 ? TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'out/st.json'), 'utf8'))) : undefined };
}

describe('record dataset --uri hf://datasets/ORG/NAME@REV', () => {
  it('a commit revision becomes the version and digest.gitCommit, and passes standard without a sha256', () => {
    const ws = copyExample({ git: true });
    model(ws);
    const rec = runCli(['record', 'dataset', '--id', 'imdb', '--uri', `hf://datasets/stanfordnlp/imdb@${COMMIT}`, '--license', 'LicenseRef-imdb'], { cwd: ws });
    expect(rec.stderr).toBe('');
    expect(rec.code).toBe(0);
    const b = build(ws);
    expect(b.stderr).not.toMatch(/^error:/m);
    expect(b.code).toBe(0);
    expect(b.statement!.predicate.datasets[0]).toMatchObject({ id: 'imdb', version: COMMIT, digest: { gitCommit: COMMIT }, license: 'LicenseRef-imdb' });
  });
  it('a JSON line written by Python code gets the same treatment; a branch revision is only a version', () => {
    const ws = copyExample({ git: true });
    model(ws);
    writeFileSync(
      path.join(ws, '.ml-provenance', 'records.jsonl'),
      JSON.stringify({ v: 1, kind: 'dataset', id: 'imdb', uri: `hf://datasets/stanfordnlp/imdb@${COMMIT}` }) +
        '\n' +
        JSON.stringify({ v: 1, kind: 'dataset', id: 'squad', uri: 'hf://datasets/rajpurkar/squad@main', digest: `sha256:${'5'.repeat(64)}` }) +
        '\n',
      { flag: 'a' },
    );
    const b = build(ws);
    expect(b.code).toBe(0);
    const ds = Object.fromEntries(b.statement!.predicate.datasets.map((d) => [d.id, d]));
    expect(ds.imdb).toMatchObject({ version: COMMIT, digest: { gitCommit: COMMIT } });
    expect(ds.squad).toMatchObject({ version: 'main', digest: { sha256: '5'.repeat(64) } });
    expect(ds.squad!.digest!.gitCommit).toBeUndefined();
  });
});

describe('record dataset --path without --uri', () => {
  it('defaults the URI to file:<path>, like the manifest', () => {
    const ws = copyExample({ git: true });
    const rec = runCli(['record', 'dataset', '--id', 'points', '--path', 'data/points.csv'], { cwd: ws });
    expect(rec.stderr).toBe('');
    expect(rec.code).toBe(0);
    expect(events(ws).at(-1)).toMatchObject({ kind: 'dataset', id: 'points', uri: 'file:data/points.csv', path: 'data/points.csv' });
  });
  it('neither --uri nor --path: exit 2 naming both flags', () => {
    const ws = copyExample();
    const rec = runCli(['record', 'dataset', '--id', 'points'], { cwd: ws });
    expect(rec.code).toBe(2);
    expect(rec.stderr).toMatch(/^error: record dataset --id points needs --uri or --path — pass --path/m);
  });
});

describe('record dataset --license', () => {
  it('"NOT A LICENSE !!" is exit 2 naming the flag and the fix; nothing is recorded', () => {
    const ws = copyExample();
    const rec = runCli(['record', 'dataset', '--id', 'x', '--path', 'data/points.csv', '--license', 'NOT A LICENSE !!'], { cwd: ws });
    expect(rec.code).toBe(2);
    expect(rec.stderr).toMatch(/^error: --license "NOT A LICENSE !!" is not an SPDX license expression — .*LicenseRef-NAME/m);
    expect(rec.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('a near miss names the SPDX spelling', () => {
    const rec = runCli(['record', 'dataset', '--id', 'x', '--path', 'd', '--license', 'apache-2.0'], { cwd: copyExample() });
    expect(rec.code).toBe(2);
    expect(rec.stderr).toMatch(/did you mean "Apache-2\.0"/);
  });
  it('expressions and LicenseRef- are accepted', () => {
    const ws = copyExample();
    for (const l of ['Apache-2.0 OR MIT', 'CC-BY-SA-4.0', 'LicenseRef-acme-data']) {
      expect(runCli(['record', 'dataset', '--id', 'x', '--path', 'data/points.csv', '--license', l], { cwd: ws }).code).toBe(0);
    }
  });
  it('a manifest or records line with a bad license is exit 2 naming the field', () => {
    const ws = copyExample({ git: true });
    writeFileSync(path.join(ws, 'ds.yaml'), '- id: points\n  path: data/points.csv\n  license: NOT A LICENSE !!\n');
    const r = runCli(['build', '--subject', 'model/model.json', '--datasets', 'ds.yaml', '--policy', 'none', '--out', 'o.json'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*datasets\[0\]\.license.*SPDX license expression/m);
  });
});
