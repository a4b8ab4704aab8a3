import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { copyExample, ROOT, runActionAsync, runCli, train } from '../helpers/run.js';

describe('build --dvc / --mlflow-run (dist/cli.js)', () => {
  it('merges DVC stages and datasets, MLflow params and metrics, and hf:// revisions into the record', () => {
    const ws = copyExample({ git: true });
    train(ws);
    cpSync(path.join(ROOT, 'test/fixtures/bridges/dvc'), path.join(ws, 'dvc'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/bridges/mlruns'), path.join(ws, 'mlruns'), { recursive: true });
    const r = runCli(
      ['build', '--subject', 'model/model.json', '--datasets', '- id: reviews\n  uri: hf://datasets/acme/reviews@0123456789abcdef0123456789abcdef01234567\n  digest: sha256:' + 'e'.repeat(64), '--dvc', 'dvc', '--mlflow-run', 'mlruns/1/abc123', '--policy', 'none', '--out', 'st.json'],
      { cwd: ws },
    );
    expect(r.code, r.stderr).toBe(0);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st.json'), 'utf8')));
    const p = st.predicate;
    expect(p.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['prepare', 'train', 'shuffle-split']));
    expect(p.datasets.map((d) => d.id).sort()).toEqual(['data/prepared', 'data/raw.csv', 'model.pkl', 'reviews', 'wine-quality']);
    // Present in the workspace: hashed here, under its workspace-relative path.
    const raw = p.datasets.find((d) => d.id === 'data/raw.csv')!;
    expect(raw).toMatchObject({ uri: 'file:dvc/data/raw.csv', digestSource: 'computed' });
    expect(raw.digest!.sha256).toMatch(/^[a-f0-9]{64}$/);
    // Only DVC has seen it: kept with DVC's md5, marked as given.
    expect(p.datasets.find((d) => d.id === 'model.pkl')).toMatchObject({ digest: { md5: '2'.repeat(32) }, digestSource: 'given' });
    expect(p.datasets.find((d) => d.id === 'reviews')!.version).toBe('0123456789abcdef0123456789abcdef01234567');
    // MLflow params join the recorded ones; the training code's own values win on a clash.
    expect(Object.keys(p.buildDefinition.externalParameters.hyperparameters)).toEqual(expect.arrayContaining(['lr', 'optimizer', 'learning_rate']));
    expect(p.metrics.some((m) => m.name === 'accuracy')).toBe(true);
  });

  it('a missing bridge folder is an input error', () => {
    const ws = copyExample();
    train(ws);
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'nope', '--out', 'st.json'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*nope/m);
  });
});

/**
 * A DVC project laid out as DVC 3 writes it (dvc.org/doc/user-guide/project-structure):
 * `dvc.lock` schema '2.0' with stages whose deps/outs carry `path`, `hash: md5`, `md5`,
 * `size` (and `nfiles` plus a `.dir` md5 for a directory), and a `dvc add` file whose out
 * has a per-output `remote`. File md5s and sizes are the real ones of the bytes written.
 */
function dvcProject(ws: string): { rawMd5: string; featMd5: string } {
  const md5 = (b: string) => createHash('md5').update(b).digest('hex');
  const raw = 'fixed acidity;quality\n7.4;5\n7.8;5\n';
  const feat = 'f1,f2\n0.1,0.2\n';
  mkdirSync(path.join(ws, 'ml/data/features'), { recursive: true });
  writeFileSync(path.join(ws, 'ml/data/raw.csv'), raw);
  writeFileSync(path.join(ws, 'ml/data/features/train.csv'), feat);
  writeFileSync(path.join(ws, 'ml/data/features/test.csv'), feat);
  writeFileSync(
    path.join(ws, 'ml/data/raw.csv.dvc'),
    `outs:\n- md5: ${md5(raw)}\n  size: ${raw.length}\n  hash: md5\n  path: raw.csv\n  remote: s3-archive\n`,
  );
  writeFileSync(
    path.join(ws, 'ml/dvc.lock'),
    [
      "schema: '2.0'",
      'stages:',
      '  featurize:',
      '    cmd: python featurize.py data/raw.csv data/features',
      '    deps:',
      '    - path: data/raw.csv',
      '      hash: md5',
      `      md5: ${md5(raw)}`,
      `      size: ${raw.length}`,
      '    params:',
      '      params.yaml:',
      '        featurize.max_features: 100',
      '    outs:',
      '    - path: data/features',
      '      hash: md5',
      '      md5: 3863d0e317dee0a55c4e59d2ec0eef33.dir',
      `      size: ${feat.length * 2}`,
      '      nfiles: 2',
      '',
    ].join('\n'),
  );
  return { rawMd5: md5(raw), featMd5: '3863d0e317dee0a55c4e59d2ec0eef33' };
}

describe('build --dvc keeps what DVC recorded about the datasets it hashes again (dist/)', () => {
  it('CLI: DVC stage / .dvc file, md5 (and what it is of), size, file count and remote survive next to our sha256', async () => {
    const ws = copyExample({ git: true });
    train(ws);
    const { rawMd5, featMd5 } = dvcProject(ws);
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st.json'), 'utf8')));
    const raw = st.predicate.datasets.find((d) => d.id === 'data/raw.csv')!;
    expect(raw).toMatchObject({
      uri: 'file:ml/data/raw.csv',
      digestSource: 'computed',
      digest: { md5: rawMd5, sha256: createHash('sha256').update(readFileSync(path.join(ws, 'ml/data/raw.csv'))).digest('hex') },
      // The first to name it wins: the stage that depends on it (dvc.lock is read before *.dvc).
      annotations: { path: 'ml/data/raw.csv', kind: 'file', source: 'dvc.lock:featurize', dvcSize: 34 },
    });
    const feat = st.predicate.datasets.find((d) => d.id === 'data/features')!;
    expect(feat).toMatchObject({
      digestSource: 'computed',
      files: 2,
      digest: { md5: featMd5 },
      annotations: { path: 'ml/data/features', kind: 'directory', source: 'dvc.lock:featurize', md5Of: 'dvc directory listing', dvcSize: 28, dvcFiles: 2 },
    });
    expect(feat.digest!.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(st.predicate.steps.find((s) => s.name === 'featurize')).toMatchObject({ library: 'dvc', inputs: ['data/raw.csv'], outputs: ['data/features'] });
  });

  it('CLI: a .dvc file alone (dvc add) gives its file and remote; the action path keeps the same annotations', async () => {
    const ws = copyExample({ git: true });
    train(ws);
    const { rawMd5 } = dvcProject(ws);
    // Only the dvc add file: the stage that would name raw.csv first is gone.
    writeFileSync(path.join(ws, 'ml/dvc.lock'), "schema: '2.0'\nstages: {}\n");
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const raw = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st.json'), 'utf8'))).predicate.datasets.find((d) => d.id === 'data/raw.csv')!;
    expect(raw).toMatchObject({ digest: { md5: rawMd5 }, annotations: { source: 'data/raw.csv.dvc', dvcRemote: 's3-archive', dvcSize: 34 } });
    const a = await runActionAsync({ 'subject-path': 'model/model.json', dvc: 'ml', policy: 'none', sign: 'false', 'upload-artifact': 'false', comment: 'false' }, { workspace: ws });
    expect(a.code, a.stdout + a.stderr).toBe(0);
    const viaAction = TrainingStatement.parse(JSON.parse(readFileSync(a.outputs['statement-path']!, 'utf8'))).predicate.datasets.find((d) => d.id === 'data/raw.csv')!;
    expect(viaAction.digest).toEqual(raw.digest);
    expect(viaAction.annotations).toEqual(raw.annotations);
  });
});
