import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromHfCache, datasetFromHfUri, readDvc, readMlflowRun, toDatasetInputs } from '../../src/bridges/index.js';
import { DatasetInput } from '../../src/schema/inputs.js';
import { DatasetDescriptor, Metric, Step } from '../../src/schema/predicate.js';

const fx = path.join(import.meta.dirname, '../fixtures/bridges');

function schemaValid(r: { datasets: unknown[]; steps: unknown[]; metrics: unknown[] }): void {
  for (const d of r.datasets) DatasetDescriptor.parse(d);
  for (const s of r.steps) Step.parse(s);
  for (const m of r.metrics) Metric.parse(m);
}

describe('DVC', () => {
  it('reads stages as steps and tracked paths as datasets with md5, re-hashed with sha256 when present', async () => {
    const r = await readDvc(path.join(fx, 'dvc'));
    schemaValid(r);
    expect(r.steps.map((s) => [s.name, s.inputs, s.outputs])).toEqual([
      ['prepare', ['data/raw.csv'], ['data/prepared']],
      ['train', ['data/prepared'], ['model.pkl']],
    ]);
    expect(r.steps[0]!.parameters).toMatchObject({ 'prepare.split': 0.2, cmd: 'python prepare.py' });
    expect(r.params).toMatchObject({ 'prepare.seed': 42, 'train.lr': 0.01 });
    const raw = r.datasets.find((d) => d.id === 'data/raw.csv')!;
    const bytes = readFileSync(path.join(fx, 'dvc/data/raw.csv'));
    expect(raw.digest).toEqual({ md5: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(raw.digestSource).toBe('computed');
    const prepared = r.datasets.find((d) => d.id === 'data/prepared')!;
    expect(prepared.digest).toEqual({ md5: '11111111111111111111111111111111' });
    expect(prepared.annotations).toMatchObject({ md5Of: 'dvc directory listing' });
    // the .dvc file names the same path as the lock: one dataset, not two
    expect(r.datasets.filter((d) => d.id === 'data/raw.csv')).toHaveLength(1);
    for (const i of toDatasetInputs(r)) DatasetInput.parse(i);
    expect(toDatasetInputs(r).find((i) => i.id === 'data/raw.csv')).toEqual({ id: 'data/raw.csv', path: 'data/raw.csv' });
  });

  it('an import with a requested rev but no locked commit has no version (a branch is not one); the rev stays in dvcImport', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mlp-dvc-rev-'));
    try {
      await writeFile(path.join(dir, 'data.xml.dvc'), 'frozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://github.com/iterative/dataset-registry\n    rev: main\nouts:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  hash: md5\n  path: data.xml\n');
      const d = (await readDvc(dir)).datasets.find((x) => x.id === 'data.xml')!;
      expect(d.version).toBeUndefined();
      expect(d.annotations?.dvcImport).toEqual({ url: 'https://github.com/iterative/dataset-registry', path: 'get-started/data.xml', rev: 'main' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with a clear error outside a DVC project and on broken YAML', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-'));
    try {
      await expect(readDvc(dir)).rejects.toMatchObject({ code: 'no-dvc-files', kind: 'input' });
      await writeFile(path.join(dir, 'dvc.lock'), 'stages: [unclosed');
      await expect(readDvc(dir)).rejects.toMatchObject({ code: 'malformed-yaml' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('MLflow', () => {
  it('reads params, metric histories and dataset inputs of a run folder', async () => {
    const r = await readMlflowRun(path.join(fx, 'mlruns/1/abc123'));
    schemaValid(r);
    expect(r.params).toEqual({ batch_size: 64, lr: 0.01, optimizer: 'adam' });
    expect(r.metrics).toEqual([
      { name: 'accuracy', value: 0.93, step: 1 },
      { name: 'loss', value: 0.9, step: 0 },
      { name: 'loss', value: 0.5, step: 1 },
    ]);
    expect(r.datasets).toHaveLength(1);
    expect(r.datasets[0]).toMatchObject({ id: 'wine-quality', uri: 'https://example.com/wine.csv', digest: { mlflow: '5a3c1f0e' } });
    expect(r.datasets[0]!.annotations).toMatchObject({ context: 'training' });
    expect(r.steps[0]).toMatchObject({ name: 'sunny-owl-42', library: 'mlflow', inputs: ['wine-quality'] });
  });

  it('rejects a folder that is not a run and a damaged metric file', async () => {
    await expect(readMlflowRun(path.join(fx, 'mlruns/1'))).rejects.toMatchObject({ code: 'not-mlflow-run' });
    const dir = await mkdtemp(path.join(tmpdir(), 'mlf-'));
    try {
      await writeFile(path.join(dir, 'meta.yaml'), 'run_id: x\n');
      const { mkdir } = await import('node:fs/promises');
      await mkdir(path.join(dir, 'metrics'));
      await writeFile(path.join(dir, 'metrics', 'loss'), '123 notanumber 0\n');
      await expect(readMlflowRun(dir)).rejects.toMatchObject({ code: 'bad-mlflow-metric', line: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Hugging Face', () => {
  it('takes the revision of an hf:// URI as the version; a commit also pins the digest', () => {
    const pinned = datasetFromHfUri('hf://datasets/acme/reviews@0123456789abcdef0123456789abcdef01234567');
    DatasetDescriptor.parse(pinned);
    expect(pinned).toMatchObject({ id: 'acme/reviews', version: '0123456789abcdef0123456789abcdef01234567', digest: { gitCommit: '0123456789abcdef0123456789abcdef01234567' } });
    const branch = datasetFromHfUri('hf://datasets/acme/reviews@main/data/train.parquet');
    expect(branch.version).toBe('main');
    expect(branch.digest).toBeUndefined();
    expect(branch.uri).toBe('https://huggingface.co/datasets/acme/reviews/tree/main/data/train.parquet');
    expect(() => datasetFromHfUri('https://huggingface.co/x')).toThrow(/not a Hugging Face dataset URI/);
  });

  it('reads refs/main and dataset_info.json from a hub cache folder', async () => {
    const d = await datasetFromHfCache(path.join(fx, 'hf/datasets--acme--reviews'));
    DatasetDescriptor.parse(d);
    expect(d).toMatchObject({ id: 'acme/reviews', version: '0123456789abcdef0123456789abcdef01234567', license: 'apache-2.0', splits: { train: 0.8, test: 0.2 } });
    await expect(datasetFromHfCache(fx)).rejects.toMatchObject({ code: 'not-hf-cache' });
  });
});
