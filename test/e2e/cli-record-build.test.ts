import { existsSync, readFileSync, writeFileSync, symlinkSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { copyExample, runCli, train } from '../helpers/run.js';

const IMAGE = `ghcr.io/example-org/train:1.0@sha256:${'ab'.repeat(32)}`;

describe('ml-provenance record/build/validate/summary (dist/cli.js)', () => {
  let ws: string;
  beforeAll(() => {
    ws = copyExample({ git: true });
    const rec = runCli(
      ['record', 'dataset', '--id', 'points', '--uri', 'https://example.com/points', '--version', '2026.11', '--path', 'data/points.csv', '--license', 'CC-BY-4.0', '--split', 'train=0.8', '--split', 'test=0.2', '--seed', '42'],
      { cwd: ws },
    );
    expect(rec.stderr).toBe('');
    expect(rec.code).toBe(0);
    train(ws);
  });

  it('builds a schema-valid statement that passes the strict policy', () => {
    const r = runCli(['build', '--subject', 'model/model.json', '--config', 'config/*.yaml', '--image', IMAGE, '--policy', 'strict', '--out', 'out/st.json'], { cwd: ws });
    expect(r.stderr).toMatch(/wrote out\/st\.json \(sha256:[a-f0-9]{64}, 1 subject\(s\), 1 dataset\(s\)\)/);
    expect(r.code).toBe(0);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'out/st.json'), 'utf8')));
    expect(st.subject[0]!.name).toBe('model/model.json');
    expect(st.predicate.datasets[0]).toMatchObject({ id: 'points', version: '2026.11', license: 'CC-BY-4.0', splits: { train: 0.8, test: 0.2 }, seed: 42, digestSource: 'computed' });
    expect(st.predicate.buildDefinition.resolvedDependencies[0]!.digest!.gitCommit).toMatch(/^[a-f0-9]{40}$/);
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters).toMatchObject({ learning_rate: 0.02, epochs: 30 });
    expect(st.predicate.steps.map((s) => s.name)).toEqual(['shuffle-split', 'standardize']);
    expect(st.predicate.metrics.at(-1)).toMatchObject({ name: 'mse', split: 'test', epoch: 30 });
    expect(st.predicate.redactions).toEqual(['config/train.yaml#/tracking/api_key', 'config/train.yaml#/tracking/server']);
    // The records log the run wrote is a byproduct, by the digest of its bytes.
    const log = readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'));
    expect(st.predicate.runDetails.byproducts).toEqual([{ name: 'records.jsonl', digest: { sha256: createHash('sha256').update(log).digest('hex') }, mediaType: 'application/jsonl' }]);
    const text = readFileSync(path.join(ws, 'out/st.json'), 'utf8');
    expect(text).not.toContain('wandb-demo-0000');
    expect(text).not.toContain('hunter2');

    const v = runCli(['validate', 'out/st.json', '--policy', 'strict', '--json'], { cwd: ws });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ complete: true, policy: 'strict', missing: [] });

    const s = runCli(['summary', 'out/st.json'], { cwd: ws });
    expect(s.code).toBe(0);
    // The @ before the version is defused too: a version such as `acme` must not read as @acme.
    expect(s.stdout).toContain('| `points` @\u200d2026.11<br>https:\u200d//example.com/points |');
    expect(s.stdout).toContain('```mermaid');
    expect(s.stdout).not.toContain('hunter2');
  });

  it('an incomplete record exits 1, names each missing field with its fix, and writes nothing', () => {
    const r = runCli(['build', '--subject', 'model/model.json', '--policy', 'strict', '--out', 'out/incomplete.json'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: image: no container image was recorded — pass the training image/m);
    expect(r.stderr).toMatch(/^error: configFiles: no config file was recorded — pass the training config files/m);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(existsSync(path.join(ws, 'out/incomplete.json'))).toBe(false);
    expect(r.stderr).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('bad input exits 2 with one clear line and no stack trace', () => {
    const cases: Array<[string[], RegExp]> = [
      [['build', '--frobnicate'], /^error: unknown option '--frobnicate' — run `ml-provenance build --help`/],
      [['build', '--subject', 'nope.bin'], /^error: subject pattern "nope\.bin" matched no files|subject not found: nope\.bin/],
      [['build', '--subject', 'model/model.json', '--image', 'ghcr.io/a/b@sha256:123'], /image digest \(after "@"\) is not sha256:/],
      [['build', '--subject', 'model/model.json', '--config', 'missing.yaml'], /config file not found: missing\.yaml/],
      [['build', '--subject', 'model/model.json', '--datasets', 'bad.yaml'], /bad\.yaml:\d+ is not valid YAML/],
      [['build', '--subject', '../../etc/passwd'], /outside the workspace/],
      [['record', 'dataset', '--id', 'x', '--uri', 'u', '--digest', 'sha256:xyz'], /digest: must be sha256:<64 lower-case hex characters>/],
      [['record', 'metric', '--name', 'acc', '--value', 'high'], /--value must be a finite decimal number/],
      [['record', 'param', 'novalue'], /record param: argument 1 is not KEY=VALUE/],
      [['validate', 'does-not-exist.json'], /statement or bundle not found: does-not-exist\.json/],
      [['validate', 'config/train.yaml'], /is not valid JSON/],
    ];
    writeFileSync(path.join(ws, 'bad.yaml'), '- id: x\n  uri: [unclosed\n');
    for (const [args, re] of cases) {
      const r = runCli(args, { cwd: ws });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n')[0], args.join(' ')).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a dataset symlink that leaves the workspace', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'mlp-outside-'));
    writeFileSync(path.join(outside, 'secret.csv'), 'x');
    symlinkSync(path.join(outside, 'secret.csv'), path.join(ws, 'data', 'link.csv'));
    const r2 = runCli(['record', 'dataset', '--id', 'evil', '--uri', 'file:x', '--path', 'data/link.csv', '--records', 'evil-records'], { cwd: ws });
    expect(r2.code).toBe(0); // recording is only a declaration; hashing happens at build
    const b = runCli(['build', '--subject', 'model/model.json', '--records', 'evil-records', '--out', 'out/evil.json'], { cwd: ws });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/symlink to .* outside the workspace/);
    expect(existsSync(path.join(ws, 'out/evil.json'))).toBe(false);
  });

  it('--debug, before or after the subcommand, adds the stack trace', () => {
    for (const args of [['--debug', 'validate', 'nope.json'], ['validate', 'nope.json', '--debug']]) {
      const r = runCli(args, { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: statement or bundle not found: nope\.json/);
      expect(r.stderr, args.join(' ')).toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help']).code).toBe(0);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runCli(['record', 'dataset', '--help']).stdout).toContain('--split <name=fraction>');
  });
});
