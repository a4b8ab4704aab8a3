import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { copyExample, ROOT, runCli, train } from '../helpers/run.js';

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
