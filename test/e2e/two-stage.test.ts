import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

/** examples/two-stage-pipeline as its README runs it: two stages, two records, linked by content alone. */
describe('two-stage pipeline example (dist/cli.js)', () => {
  it('the training run is found from the raw data through the preprocessing run', () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-two-stage-'));
    cpSync(path.join(ROOT, 'examples', 'two-stage-pipeline'), ws, { recursive: true, filter: (s) => !/[/\\](work|model|out|\.ml-provenance)$/.test(s) });
    const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], { cwd: ws, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'example');
    const py = (script: string) => {
      const r = spawnSync('python3', [script], { cwd: ws, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    py('preprocess.py');
    const b1 = runCli(['build', '--subject', 'work/features.csv', '--out', 'out/preprocess.intoto.json'], { cwd: ws, env: { ML_PROVENANCE_DIR: '.ml-provenance/preprocess' } });
    expect(b1.code, b1.stderr).toBe(0);
    py('train.py');
    const b2 = runCli(['build', '--subject', 'model/model.json', '--out', 'out/train.intoto.json'], { cwd: ws, env: { ML_PROVENANCE_DIR: '.ml-provenance/train' } });
    expect(b2.code, b2.stderr).toBe(0);

    const stage1 = JSON.parse(readFileSync(path.join(ws, 'out/preprocess.intoto.json'), 'utf8')).predicate;
    const stage2 = JSON.parse(readFileSync(path.join(ws, 'out/train.intoto.json'), 'utf8')).predicate;
    const features = stage1.datasets.find((d: any) => d.id === 'features');
    const input = stage2.datasets.find((d: any) => d.id === 'train-input');
    expect(input.digest.sha256).toBe(features.digest.sha256);
    expect(stage1.datasets.find((d: any) => d.id === 'raw')).toMatchObject({ source: { access: 'public' }, quality: { rows: 240, checks: [{ name: 'label_is_binary', passed: true }] } });
    expect(stage1.steps[0].command).toEqual(['python3', 'preprocess.py']);
    expect(stage2.experiment.purpose).toMatch(/train the classifier/);

    const used = runCli(['lineage', 'out', '--no-verify', '--dataset', 'raw', '--format', 'json'], { cwd: ws });
    expect(used.code, used.stderr).toBe(0);
    const answers = JSON.parse(used.stdout).answers;
    expect(answers.map((a: any) => a.run.source)).toEqual([expect.stringMatching(/preprocess/), expect.stringMatching(/train/)]);
    expect(answers[1].models[0].paths).toEqual(['model/model.json']);
    const origins = runCli(['lineage', 'out', '--no-verify', '--model', 'model/model.json', '--format', 'json'], { cwd: ws });
    const lin = JSON.parse(origins.stdout).answers[0].lineage;
    expect(lin.upstreamRuns.map((r: any) => r.source)).toEqual([expect.stringMatching(/preprocess/)]);
    expect(lin.datasets.map((d: any) => d.id).sort()).toEqual(['features', 'raw', 'train-input']);
  });
});
