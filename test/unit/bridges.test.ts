import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathDatasetId } from '../../src/util/dataset-id.js';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { modelsUsingDataset } from '../../src/lineage/queries.js';
import { parseInputOverrides } from '../../src/lineage/pipeline.js';
import { DatasetId } from '../../src/schema/common.js';
import { minimalStatement } from './statement-fixture.js';
import { datasetFromHfCache, datasetFromHfUri, readDvc, readMlflowRun, toDatasetInputs } from '../../src/bridges/index.js';
import { DatasetInput } from '../../src/schema/inputs.js';
import { DatasetDescriptor, Metric, Step } from '../../src/schema/predicate.js';

const fx = path.join(import.meta.dirname, '../fixtures/bridges');

function statementWith(datasets: DatasetDescriptor[]) {
  const st = minimalStatement();
  st.predicate.datasets = datasets.map((d) => DatasetDescriptor.parse(d));
  return st;
}

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

describe('DVC paths outside the workspace', () => {
  const md5 = '60b725f10c9c85c70d97880dfe8191b3';
  /** A workspace with the DVC project in `ml/`, and a file next to the workspace (outside it). */
  async function layout(): Promise<{ top: string; ws: string; root: string }> {
    const top = await mkdtemp(path.join(tmpdir(), 'mlp-dvc-out-'));
    const ws = path.join(top, 'ws');
    const root = path.join(ws, 'ml');
    await mkdir(path.join(root, 'data'), { recursive: true });
    await writeFile(path.join(top, 'outside.csv'), 'a\n');
    return { top, ws, root };
  }
  // From ml/data/: ../../../outside.csv is next to the workspace; ../../../gone.csv does not exist.
  for (const target of ['outside.csv', 'gone.csv']) {
    it(`a .dvc output outside the workspace is an input error naming the file and field (${target === 'gone.csv' ? 'missing' : 'present'})`, async () => {
      const { top, ws, root } = await layout();
      try {
        await writeFile(path.join(root, 'data/x.dvc'), `outs:\n- md5: ${md5}\n  path: data.csv\n- md5: ${md5}\n  path: ../../../${target}\n`);
        const err = await readDvc(root, ws).catch((e: unknown) => e);
        expect(err).toMatchObject({ kind: 'input', code: 'dvc-path-outside-workspace', file: 'ml/data/x.dvc', fields: ['outs[1].path'] });
        expect((err as Error).message).toContain(`ml/data/x.dvc: outs[1].path "../../../${target}" is outside the workspace ${ws}`);
        expect((err as { fix: string }).fix).toMatch(/dvc add|dvc import-url/);
      } finally {
        await rm(top, { recursive: true, force: true });
      }
    });
  }

  it('data linked by symlink from a DVC cache outside the workspace (cache.type symlink) names the DVC file and field, and how DVC links files instead', async () => {
    const { top, ws, root } = await layout();
    try {
      // DVC 3's cache layout: files/md5/<first two hex>/<rest>, here shared outside the workspace.
      const cached = path.join(top, 'dvc-cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2));
      await mkdir(path.dirname(cached), { recursive: true });
      await writeFile(cached, 'a\n');
      await symlink(cached, path.join(root, 'data', 'train.csv'));
      await writeFile(path.join(root, 'data', 'train.csv.dvc'), `outs:\n- md5: ${md5}\n  size: 2\n  hash: md5\n  path: train.csv\n`);
      const err = await readDvc(root, ws).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'input', code: 'dvc-linked-outside', file: 'ml/data/train.csv.dvc', fields: ['outs[0].path'] });
      expect((err as Error).message).toMatch(/^ml\/data\/train\.csv\.dvc: outs\[0\]\.path is DVC data linked from outside the workspace \(symlink .*train\.csv points outside the workspace; .*cache\.type symlink/);
      expect((err as { fix: string }).fix).toContain('dvc checkout --relink');
      // The same data linked as a file (cache.type hardlink) is hashed.
      await rm(path.join(root, 'data', 'train.csv'));
      await link(cached, path.join(root, 'data', 'train.csv'));
      const d = (await readDvc(root, ws)).datasets.find((x) => x.id === 'data/train.csv');
      expect(d).toMatchObject({ digestSource: 'computed', digest: { md5, sha256: createHash('sha256').update('a\n').digest('hex') } });
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });

  it('a .dvc wdir outside the workspace is the field named', async () => {
    const { top, ws, root } = await layout();
    try {
      await writeFile(path.join(root, 'data.dvc'), `wdir: ../..\nouts:\n- md5: ${md5}\n  path: outside.csv\n`);
      await expect(readDvc(root, ws)).rejects.toMatchObject({ code: 'dvc-path-outside-workspace', file: 'ml/data.dvc', fields: ['wdir'] });
      // A wdir inside the workspace is followed: ws/shared/x.csv.
      await writeFile(path.join(root, 'data.dvc'), `wdir: ../shared\nouts:\n- md5: ${md5}\n  path: x.csv\n`);
      expect((await readDvc(root, ws)).datasets.map((d) => [d.id, d.annotations?.path])).toEqual([['%2E./shared/x.csv', '../shared/x.csv']]);
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });

  it('a dvc.lock stage output or dependency outside the workspace (relative or absolute) is the same error; inside the workspace but outside the DVC root is fine', async () => {
    const { top, ws, root } = await layout();
    try {
      const lock = (deps: string, outs: string) =>
        `schema: '2.0'\nstages:\n  train:\n    cmd: python t.py\n    deps:\n    - path: ${deps}\n      md5: ${md5}\n    outs:\n    - path: ${outs}\n      md5: ${md5}\n`;
      await writeFile(path.join(root, 'dvc.lock'), lock('data/in.csv', '../../gone.bin'));
      await expect(readDvc(root, ws)).rejects.toMatchObject({ code: 'dvc-path-outside-workspace', file: 'ml/dvc.lock', fields: ['stages.train.outs[0].path'] });
      await writeFile(path.join(root, 'dvc.lock'), lock(path.join(top, 'outside.csv'), 'model.bin'));
      await expect(readDvc(root, ws)).rejects.toMatchObject({ code: 'dvc-path-outside-workspace', fields: ['stages.train.deps[0].path'], message: expect.stringContaining('cannot be hashed') });
      // ../shared/in.csv is in the workspace (ws/shared): a DVC dependency DVC allows, recorded by its path.
      await writeFile(path.join(root, 'dvc.lock'), lock('../shared/in.csv', 'model.bin'));
      const r = await readDvc(root, ws);
      expect(r.datasets.map((d) => d.annotations?.path)).toEqual(['../shared/in.csv', 'model.bin']);
      schemaValid(r);
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});

describe('DVC paths with spaces and other characters', () => {
  it('the id is the path percent-encoded (a space is %20), so it names that path and no other; name and annotations.path keep it as written, the uri is it as a URI path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mlp-dvc-sp-'));
    try {
      const md5 = '60b725f10c9c85c70d97880dfe8191b3';
      await writeFile(path.join(dir, 'my file.csv'), 'a\n');
      await writeFile(path.join(dir, 'my_file.csv'), 'b\n');
      await writeFile(path.join(dir, 'my file.csv.dvc'), `outs:\n- md5: ${md5}\n  path: my file.csv\n`);
      await writeFile(path.join(dir, 'my_file.csv.dvc'), `outs:\n- md5: ${md5}\n  path: my_file.csv\n`);
      await writeFile(path.join(dir, 'dvc.lock'), `schema: '2.0'\nstages:\n  t:\n    cmd: python t.py\n    deps:\n    - path: my file.csv\n      md5: ${md5}\n    outs:\n    - path: out/100% é.bin\n      md5: ${md5}\n`);
      const r = await readDvc(dir);
      schemaValid(r);
      const byPath = new Map(r.datasets.map((d) => [d.annotations?.path, d]));
      expect(byPath.get('my file.csv')).toMatchObject({ id: 'my%20file.csv', name: 'my file.csv', uri: 'file:my%20file.csv' });
      expect(byPath.get('out/100% é.bin')!.uri).toBe('file:out/100%25%20%C3%A9.bin');
      expect(byPath.get('my_file.csv')!.id).toBe('my_file.csv');
      expect(byPath.get('out/100% é.bin')!.id).toBe('out/100%25%20%C3%A9.bin');
      // RFC 3986 percent-decoding (ECMAScript's decoder) gives the path back.
      for (const d of r.datasets) expect(decodeURIComponent(d.id)).toBe(d.annotations?.path);
      expect(r.steps[0]).toMatchObject({ inputs: ['my%20file.csv'], outputs: ['out/100%25%20%C3%A9.bin'] });
      for (const i of toDatasetInputs(r)) DatasetInput.parse(i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('pathDatasetId: always a valid dataset id; decodes back to the path (RFC 3986); distinct paths get distinct ids', () => {
    expect(pathDatasetId('data/raw.csv')).toBe('data/raw.csv');
    expect(pathDatasetId('.cache/x')).toBe('%2Ecache/x');
    expect(pathDatasetId('a b')).toBe(encodeURIComponent('a b'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (p) => {
        const id = pathDatasetId(p);
        expect(DatasetId.safeParse(id).success).toBe(true);
        expect(decodeURIComponent(id)).toBe(p);
      }),
    );
    // A second implementation of RFC 3986 percent-encoding agrees: Python's urllib.parse
    // (quote with the id's own characters safe, and unquote back).
    const paths = ['raw data/wine quality.csv', 'out/100% é.bin', 'a+b=c&d#e?f', 'naïve/日本語 データ.parquet', 'tab\there', 'x~y!z*(1)'];
    const py = spawnSync('python3', ['-c', 'import json,sys,urllib.parse as u\nfor p in json.load(sys.stdin): print(json.dumps([u.quote(p, safe="/_.-:@").replace("~", "%7E"), u.unquote(u.quote(p, safe="/_.-:@"), errors="strict")]))'], { input: JSON.stringify(paths), encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const theirs = py.stdout.trim().split('\n').map((l) => JSON.parse(l) as [string, string]);
    expect(paths.map((p) => pathDatasetId(p))).toEqual(theirs.map(([q]) => q));
    expect(theirs.map(([, back]) => back)).toEqual(paths);
    // Long paths are cut between characters, never inside an escape, within the schema's 200.
    const long = pathDatasetId('é'.repeat(150));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(DatasetId.safeParse(long).success).toBe(true);
    expect(decodeURIComponent(long)).toMatch(/^(é){29}…[0-9a-f]{16}$/);
    // Two long paths that share their first 200 characters' worth still get two ids (Japanese
    // folder names: 9 characters an escape each), each found again from the path as typed.
    const dir = 'データ/学習用データセット/画像ファイル一覧_2024年版';
    const [train, val] = [`${dir}/訓練データ.csv`, `${dir}/検証データ.csv`].map((p) => pathDatasetId(p));
    expect(train).not.toBe(val);
    for (const id of [train!, val!]) {
      expect(id.length).toBeLessThanOrEqual(200);
      expect(DatasetId.safeParse(id).success).toBe(true);
      expect(decodeURIComponent(id).startsWith('データ/学習用データセット/')).toBe(true);
    }
    expect(pathDatasetId(`${dir}/訓練データ.csv`)).toBe(train);
    // A path whose id fits exactly is not cut.
    expect(pathDatasetId('a'.repeat(200))).toBe('a'.repeat(200));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 60, maxLength: 120 }), fc.string({ minLength: 1, maxLength: 5 }), fc.string({ minLength: 1, maxLength: 5 }), (stem, x, y) => {
        fc.pre(x !== y);
        const [a, b] = [pathDatasetId(stem + x), pathDatasetId(stem + y)];
        expect(DatasetId.safeParse(a).success && a.length <= 200).toBe(true);
        expect(a).not.toBe(b);
      }),
    );
  });

  it('lineage --dataset and replay --input find the dataset by the path as typed, or by its id', () => {
    const statement = statementWith([{ id: 'data/my%20file.csv', name: 'data/my file.csv', uri: 'file:data/my file.csv', digest: { sha256: 'a'.repeat(64) }, annotations: { path: 'data/my file.csv' } }]);
    const g = graphFromStatements([{ statement, source: 'st.json', digest: 'b'.repeat(64) }]);
    for (const ref of ['data/my file.csv', 'data/my%20file.csv']) expect(modelsUsingDataset(g, ref).map((a) => a.dataset.id)).toEqual(['data/my%20file.csv']);
    expect(modelsUsingDataset(g, 'data/my_file.csv')).toEqual([]);
    expect([...parseInputOverrides(['data/my file.csv=/tmp/copy.csv'], statement)]).toEqual([['data/my%20file.csv', '/tmp/copy.csv']]);
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

  it('two MLflow datasets named "wine quality" and "wine_quality" stay two datasets', async () => {
    // Ids used to replace characters with `_`, which gave both the same id.
    const exp = await mkdtemp(path.join(tmpdir(), 'mlp-mlflow-'));
    try {
      const run = path.join(exp, 'r1');
      await mkdir(path.join(run, 'params'), { recursive: true });
      await mkdir(path.join(run, 'metrics'), { recursive: true });
      await writeFile(path.join(run, 'meta.yaml'), 'run_id: r1\nrun_name: r1\nexperiment_id: "1"\nstatus: 3\n');
      for (const [i, name] of ['wine quality', 'wine_quality'].entries()) {
        await mkdir(path.join(run, 'inputs', `in${i}`), { recursive: true });
        await writeFile(path.join(run, 'inputs', `in${i}`, 'meta.yaml'), `source_id: ds${i}\nsource_type: DATASET\ndestination_id: r1\ndestination_type: RUN\n`);
        await mkdir(path.join(exp, 'datasets', `ds${i}`), { recursive: true });
        await writeFile(path.join(exp, 'datasets', `ds${i}`, 'meta.yaml'), `name: ${name}\ndigest: 0a0${i}\nsource_type: http\nsource: '{"uri": "https://example.com/${i}.csv"}'\n`);
      }
      const r = await readMlflowRun(run);
      schemaValid(r);
      expect(r.datasets.map((d) => [d.id, d.name])).toEqual([
        ['wine%20quality', 'wine quality'],
        ['wine_quality', 'wine_quality'],
      ]);
    } finally {
      await rm(exp, { recursive: true, force: true });
    }
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
