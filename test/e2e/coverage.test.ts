import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyExample, runCli, train } from '../helpers/run.js';

/** The record's wider coverage through the built CLI: flags → records log → statement → policy. */
describe('record coverage (dist/cli.js)', () => {
  let ws: string;
  let statement: any;
  let build: ReturnType<typeof runCli>;

  beforeAll(() => {
    ws = copyExample({ git: true });
    writeFileSync(path.join(ws, 'uv.lock'), 'version = 1\n[[package]]\nname = "numpy"\nversion = "2.1.0"\n');
    const rec = (args: string[]) => {
      const r = runCli(['record', ...args], { cwd: ws });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    };
    rec([
      'dataset', '--id', 'labels', '--uri', 'https://data.example/labels', '--version', '3', '--digest', `sha256:${'1'.repeat(64)}`, '--license', 'CC-BY-4.0',
      '--source-repo', 'https://github.com/acme/labels', '--access', 'confidential', '--data-owner', 'data-team',
      '--rows', '1000', '--missing-rate', '0.01', '--label', 'cat=600', '--label', 'dog=400', '--check', 'no_duplicates=pass',
      '--sampling', 'stratified', '--sample-by', 'label', '--sample-fraction', '0.5', '--sample-seed', '7',
      '--license-history', '1=CC-BY-NC-4.0',
    ]);
    rec(['dataset', '--id', 'synthetic-qa', '--uri', 's3://bucket/qa', '--digest', `sha256:${'2'.repeat(64)}`, '--synthetic-generator', 'llama-gen@3.1', '--synthetic-param', 'temperature=0.7', '--synthetic-seed', '11']);
    rec(['step', '--name', 'augment', '--input', 'labels', '--output', 'synthetic-qa', '--env-image', 'ghcr.io/acme/prep:1', '--env-library', 'pandas=2.2.3', '--', 'python', 'augment.py', '--n', '100']);
    train(ws);
    // After train.py's own `run` event: the purpose is replaced, flags and cluster merge.
    rec(['run', '--purpose', 'check stratified sampling', '--flag', 'new_loss=true', '--nodes', '2', '--accelerators-per-node', '8', '--strategy', 'fsdp', '--scheduler', 'slurm']);
    // An nvidia-smi on PATH that prints what the real one documents for these queries.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'mlp-bin-'));
    writeFileSync(path.join(bin, 'nvidia-smi'), '#!/bin/sh\nif [ "$1" = "-q" ]; then echo "CUDA Version                              : 12.4"; else echo "NVIDIA L4, 550.54.15, 23034"; fi\n');
    chmodSync(path.join(bin, 'nvidia-smi'), 0o755);
    build = runCli(['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'out/st.json'], {
      cwd: ws,
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    statement = JSON.parse(readFileSync(path.join(ws, 'out/st.json'), 'utf8'));
  });

  it('writes every new field where the schema puts it, valid against the published JSON Schema', () => {
    expect(build.code).toBe(0);
    const p = statement.predicate;
    expect(p.experiment).toEqual({ purpose: 'check stratified sampling', flags: { standardize_features: true, new_loss: true } });
    expect(p.environment.cluster).toEqual({ nodes: 2, acceleratorsPerNode: 8, strategy: 'fsdp', scheduler: 'slurm' });
    const labels = p.datasets.find((d: any) => d.id === 'labels');
    expect(labels).toMatchObject({
      source: { repository: 'https://github.com/acme/labels', access: 'confidential', owner: 'data-team' },
      quality: { rows: 1000, missingRate: 0.01, labelDistribution: { cat: 600, dog: 400 }, checks: [{ name: 'no_duplicates', passed: true }] },
      sampling: { strategy: 'stratified', by: 'label', fraction: 0.5, seed: 7 },
      licenseHistory: [{ version: '1', license: 'CC-BY-NC-4.0' }],
    });
    expect(p.datasets.find((d: any) => d.id === 'synthetic-qa').synthetic).toEqual({ generator: 'llama-gen', version: '3.1', parameters: { temperature: 0.7 }, seed: 11 });
    expect(p.steps.find((s: any) => s.name === 'augment')).toMatchObject({ command: ['python', 'augment.py', '--n', '100'], environment: { image: 'ghcr.io/acme/prep:1', libraries: { pandas: '2.2.3' } } });
    expect(p.datasets.find((d: any) => d.id === 'points')).toMatchObject({ source: { access: 'public' }, sampling: { strategy: 'random' } });
    // Captured, not typed: the lockfile and the GPU.
    expect(p.environment.python).toMatchObject({ source: 'uv.lock', file: { name: 'uv.lock' }, packages: { numpy: '2.1.0' } });
    expect(p.environment.hardware.gpus).toEqual([{ name: 'NVIDIA L4', driver: '550.54.15', memoryMiB: 23034, cuda: '12.4' }]);
    expect(p.environment.hardware.sources).toEqual(['node:os', 'nvidia-smi']);

    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'statement.schema.json'), 'utf8')));
    expect(validate(statement), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a license change is a warning naming both licenses', () => {
    expect(build.stderr).toMatch(/warning: datasets\[\d\]\.licenseHistory: dataset "labels" changed license: CC-BY-NC-4.0 \(version 1\) → CC-BY-4.0 \(version 3\)/);
  });

  it('two sources that disagree are a finding naming both; strict makes it an error', () => {
    const r1 = runCli(['record', 'dataset', '--id', 'points', '--uri', 'https://example.com/datasets/points', '--version', '2027.01'], { cwd: ws });
    expect(r1.code).toBe(0);
    const std = runCli(['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--out', 'out/c.json'], { cwd: ws });
    expect(std.code).toBe(0);
    expect(std.stderr).toMatch(/warning: conflicts\[0\]: dataset "points" version disagrees between sources: datasets manifest says "2026\.11", records log says "2027\.01"/);
    const st = JSON.parse(readFileSync(path.join(ws, 'out/c.json'), 'utf8'));
    expect(st.predicate.conflicts).toEqual([
      { kind: 'dataset', id: 'points', field: 'version', values: [{ source: 'datasets manifest', value: '2026.11' }, { source: 'records log', value: '2027.01' }] },
    ]);
    const strict = runCli(['validate', 'out/c.json', '--policy', 'strict'], { cwd: ws });
    expect(strict.code).toBe(1);
    expect(strict.stderr + strict.stdout).toMatch(/conflicts\[0\]/);
  });

  it('bad coverage flags are input errors naming the flag and the fix', () => {
    const bad = [
      [['record', 'dataset', '--id', 'x', '--uri', 'u', '--access', 'top-secret'], /--access/],
      [['record', 'dataset', '--id', 'x', '--uri', 'u', '--check', 'nulls'], /--check expects NAME=pass or NAME=fail/],
      [['record', 'dataset', '--id', 'x', '--uri', 'u', '--synthetic-seed', '3'], /need --synthetic-generator/],
      [['record', 'dataset', '--id', 'x', '--uri', 'u', '--sample-fraction', '0.5'], /need --sampling STRATEGY/],
      [['record', 'dataset', '--id', 'x', '--uri', 'u', '--missing-rate', '2'], /--missing-rate/],
      [['record', 'run', '--nodes', '0'], /--nodes/],
    ] as const;
    for (const [args, re] of bad) {
      const r = runCli([...args], { cwd: ws });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('pseudonymises named fields with the team key, and reveal maps them back; no key, no build', () => {
    const key = { ML_PROVENANCE_PSEUDONYM_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    const args = ['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--anonymize', 'datasets.*.source.owner', '--anonymize', 'datasets.*.uri', '--out', 'out/p.json'];
    const missing = runCli(args, { cwd: ws });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no key was given — pass the team's key/);
    const r = runCli(args, { cwd: ws, env: key });
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(ws, 'out/p.json'), 'utf8');
    expect(text).not.toMatch(/data-team|https:\/\/data\.example\/labels/);
    const st = JSON.parse(text);
    expect(st.predicate.pseudonyms).toMatchObject({ algorithm: 'hmac-sha256', keyId: expect.stringMatching(/^[a-f0-9]{8}$/) });
    expect(st.predicate.pseudonyms.fields).toContain('#/datasets/1/source/owner');
    const rev = runCli(['reveal', 'out/p.json', '--value', 'data-team', '--value', 'https://data.example/labels', '--format', 'json'], { cwd: ws, env: key });
    const out = JSON.parse(rev.stdout);
    expect(out.pseudonyms.find((p: any) => p.pointer === '#/datasets/1/source/owner').value).toBe('data-team');
    expect(out.pseudonyms.find((p: any) => p.pointer === '#/datasets/1/uri').value).toBe('https://data.example/labels');
    // Candidates that do not cover every pseudonym: exit 1, the rest still shown.
    expect(rev.code).toBe(1);
    const none = runCli(['reveal', 'out/p.json', '--value', 'x'], { cwd: ws });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no pseudonymisation key was given/);
  });

  it('lineage --attribute and --health answer over a folder of records', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-attr-'));
    // Three runs of the example: the first as built, the second without the standardize step, the third a repeat of the first.
    const base = JSON.parse(readFileSync(path.join(ws, 'out/st.json'), 'utf8'));
    const variant = (f: (s: any) => void) => {
      const s = structuredClone(base);
      f(s);
      return s;
    };
    const mse = (s: any, v: number) => s.predicate.metrics.push({ name: 'mse', value: v, epoch: 999, split: 'test' });
    const runs = [
      variant((s) => mse(s, 0.2)),
      variant((s) => {
        s.predicate.steps = s.predicate.steps.filter((x: any) => x.name !== 'standardize');
        mse(s, 0.9);
      }),
      variant((s) => mse(s, 0.21)),
    ];
    runs.forEach((s, i) => writeFileSync(path.join(dir, `run${i}.intoto.json`), JSON.stringify(s, null, 2) + '\n'));
    const r = runCli(['lineage', dir, '--no-verify', '--attribute', 'mse', '--split', 'test', '--format', 'json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.effects[0]).toMatchObject({ kind: 'step', factor: 'step standardize', from: null, to: 'present', pairs: 2 });
    expect(a.effects[0].meanDelta).toBeCloseTo((0.2 - 0.9 + 0.21 - 0.9) / 2);
    expect(a.effects[0].examples[0].from).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(a.noise.maxSpread).toBeCloseTo(0.01);
    const h = runCli(['lineage', dir, '--no-verify', '--health', '--policy', 'strict'], { cwd: ws });
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toMatch(/provenance health under policy "strict"/);
    expect(h.stdout).toMatch(/3 run\(s\) failed the policy/); // no image: strict requires one
  });
});
