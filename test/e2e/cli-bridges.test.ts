import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('CLI: imports say where they came from (dvc import: repository, path, locked commit as the version; import-url: URL, etag, object version), wdir is honoured, and a stage reading a URL keeps it', async () => {
    const ws = copyExample({ git: true });
    train(ws);
    const md5 = (b: string) => createHash('md5').update(b).digest('hex');
    const xml = '<posts><row Id="1"/></posts>\n';
    const tar = 'not really a tarball\n';
    mkdirSync(path.join(ws, 'ml/data'), { recursive: true });
    writeFileSync(path.join(ws, 'ml/data/data.xml'), xml);
    writeFileSync(path.join(ws, 'ml/data/images.tar'), tar);
    const lock = 'f31f5c4cdae787b4bdeb97a717687d44667d9e62';
    // As `dvc import https://github.com/iterative/dataset-registry get-started/data.xml -o data/data.xml` writes it
    // (dvc.org/doc/user-guide/project-structure/dvc-files: the import file's own md5, frozen, deps[].repo {url, rev_lock}).
    writeFileSync(
      path.join(ws, 'ml/data/data.xml.dvc'),
      `md5: 0c7e1dd6d7f8b57e8c1fa5a6a9a0b1c2\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://github.com/iterative/dataset-registry\n    rev_lock: ${lock}\nouts:\n- md5: ${md5(xml)}\n  size: ${xml.length}\n  hash: md5\n  path: data.xml\n`,
    );
    // `dvc import-url --version-aware s3://… ` with the file kept at the project root and `wdir` pointing at the data.
    writeFileSync(
      path.join(ws, 'ml/images.tar.dvc'),
      `md5: 9a0b1c20c7e1dd6d7f8b57e8c1fa5a6a\nfrozen: true\ndeps:\n- path: s3://acme-datasets/images.tar\n  version_id: 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY\n  etag: 8d4f1e0b4d0c2b1a\n  size: 21\nouts:\n- md5: ${md5(tar)}\n  size: ${tar.length}\n  hash: md5\n  path: images.tar\nwdir: data\n`,
    );
    writeFileSync(
      path.join(ws, 'ml/dvc.lock'),
      [
        "schema: '2.0'",
        'stages:',
        '  prepare:',
        '    cmd: python prepare.py data/data.xml',
        '    deps:',
        '    - path: data/data.xml',
        '      hash: md5',
        `      md5: ${md5(xml)}`,
        `      size: ${xml.length}`,
        '    - path: https://example.com/labels/v2/labels.csv',
        "      etag: '\"5d41402abc4b2a76\"'",
        '      size: 10',
        '    outs:',
        '    - path: data/prepared',
        '      hash: md5',
        '      md5: 3863d0e317dee0a55c4e59d2ec0eef33.dir',
        '',
      ].join('\n'),
    );
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st.json'), 'utf8')));
    const byId = (id: string) => st.predicate.datasets.find((d) => d.id === id);
    // Named first by the stage that reads it; its .dvc file still says where it came from.
    expect(byId('data/data.xml')).toMatchObject({
      uri: 'file:ml/data/data.xml',
      version: lock,
      digest: { md5: md5(xml), sha256: createHash('sha256').update(xml).digest('hex') },
      annotations: { source: 'dvc.lock:prepare', dvcImport: { url: 'https://github.com/iterative/dataset-registry', path: 'get-started/data.xml', revLock: lock } },
    });
    expect(byId('data/images.tar')).toMatchObject({
      uri: 'file:ml/data/images.tar',
      version: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY',
      digest: { md5: md5(tar) },
      annotations: { source: 'images.tar.dvc', dvcImport: { url: 's3://acme-datasets/images.tar', etag: '8d4f1e0b4d0c2b1a', versionId: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' } },
    });
    // A URL is not a workspace path (it was recorded as file:s3:/… before).
    const url = 'https://example.com/labels/v2/labels.csv';
    expect(byId(url)).toMatchObject({ uri: url, annotations: { source: 'dvc.lock:prepare', dvcEtag: '"5d41402abc4b2a76"', dvcSize: 10 } });
    expect(st.predicate.steps.find((s) => s.name === 'prepare')).toMatchObject({ inputs: ['data/data.xml', url], outputs: ['data/prepared'] });
  });

  it('CLI: credentials in DVC URLs (an import repository, an import-url, a stage reading a URL) never reach the record or the messages', () => {
    const ws = copyExample({ git: true });
    train(ws);
    mkdirSync(path.join(ws, 'ml/data'), { recursive: true });
    writeFileSync(path.join(ws, 'ml/data/data.xml'), '<x/>\n');
    const [token, password, sig, stageToken] = ['ghp_' + 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6', 's3cr3tPassw0rd', 'sv2022SIGabc123XYZ', 'tok3nValue999'];
    // DVC writes the URL it was given, credentials included (`dvc import https://user:TOKEN@github.com/…`).
    writeFileSync(
      path.join(ws, 'ml/data/data.xml.dvc'),
      ['md5: 2a5ee8f7e1b9b48d0e9d1c3cbbb45d7f', 'frozen: true', 'deps:', '- path: get-started/data.xml', '  repo:', `    url: https://user:${token}@github.com/iterative/dataset-registry`, '    rev_lock: f31f5c4cdae787b4bdeb97a717687d44667d9e62', 'outs:', '- md5: 8c7dd922ad47494fc02c388e12c00eac', '  size: 5', '  hash: md5', '  path: data.xml', ''].join('\n'),
    );
    writeFileSync(
      path.join(ws, 'ml/labels.csv.dvc'),
      ['md5: 3a5ee8f7e1b9b48d0e9d1c3cbbb45d70', 'frozen: true', 'deps:', "- etag: '\"0x8DB6C2B1E4B4F3A\"'", '  size: 100', `  path: https://alice:${password}@example.com/files/labels.csv?se=2030&sig=${sig}`, 'outs:', '- md5: b304afb96060aad90176268345e10355', '  size: 2', '  hash: md5', '  path: labels.csv', ''].join('\n'),
    );
    writeFileSync(
      path.join(ws, 'ml/dvc.lock'),
      ["schema: '2.0'", 'stages:', '  prepare:', '    cmd: python prepare.py', '    deps:', `    - path: https://bob:${stageToken}@example.org/raw.csv`, '      etag: xyz', '    outs:', '    - path: data/data.xml', '      hash: md5', '      md5: 8c7dd922ad47494fc02c388e12c00eac', ''].join('\n'),
    );
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'standard', '--allow-incomplete', '--out', 'st.json'], { cwd: ws });
    expect([0, 1], r.stderr).toContain(r.code);
    const text = readFileSync(path.join(ws, 'st.json'), 'utf8');
    for (const secret of [token, password, sig, stageToken]) {
      expect(text).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
    const st = TrainingStatement.parse(JSON.parse(text));
    const stageUrl = st.predicate.datasets.find((d) => d.annotations?.source === 'dvc.lock:prepare' && d.uri.startsWith('https://'))!;
    expect(stageUrl.uri).toBe('https://bob:[REDACTED]@example.org/raw.csv');
    // The step still names the dataset by its (credential-free) id.
    expect(st.predicate.steps.find((s) => s.name === 'prepare')!.inputs).toEqual([stageUrl.id]);
    expect(st.predicate.datasets.find((d) => d.id === 'data/data.xml')!.annotations?.dvcImport).toMatchObject({ url: 'https://user:[REDACTED]@github.com/iterative/dataset-registry' });
  });

  it('CLI: an md5 DVC would not write is an input error naming the .dvc file, not an invalid record', () => {
    const ws = copyExample({ git: true });
    train(ws);
    mkdirSync(path.join(ws, 'ml'), { recursive: true });
    writeFileSync(path.join(ws, 'ml/raw.csv.dvc'), ['outs:', '- md5: not-a-hash', '  path: raw.csv', ''].join('\n'));
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: raw\.csv\.dvc: the md5 of "raw\.csv" is not an md5 \(its text is not shown.*\) — DVC writes 32 hex digits/m);
    expect(r.stderr).not.toContain('not-a-hash');
    expect(r.stderr).not.toMatch(/\n\s+at /);
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

describe('build --dvc: paths outside the workspace, paths with spaces (dist/)', () => {
  it('CLI and action: a .dvc or dvc.lock output outside the workspace stops the build (exit 2) naming the file and field, whether or not it exists', async () => {
    const ws = copyExample({ git: true });
    train(ws);
    dvcProject(ws);
    // Next to the workspace (its parent folder): from ml/data/, ../../../NAME.
    const outside = `${path.basename(ws)}-outside.csv`;
    writeFileSync(path.join(ws, '..', outside), 'a\n');
    try {
      for (const target of [outside, `${path.basename(ws)}-gone.csv`]) {
        writeFileSync(path.join(ws, 'ml/data/ext.csv.dvc'), `outs:\n- md5: 60b725f10c9c85c70d97880dfe8191b3\n  size: 2\n  hash: md5\n  path: ../../../${target}\n`);
        const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`^error: ml/data/ext\\.csv\\.dvc: outs\\[0\\]\\.path "\\.\\./\\.\\./\\.\\./${target.replace(/[.]/g, '\\.')}" is outside the workspace .* — keep the data inside the workspace and track it there \\(\`dvc add PATH\`\\)`, 'm'));
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(existsSync(path.join(ws, 'st.json'))).toBe(false);
      }
      const a = await runActionAsync({ 'subject-path': 'model/model.json', dvc: 'ml', policy: 'none', sign: 'false', 'upload-artifact': 'false', comment: 'false' }, { workspace: ws });
      expect(a.code, a.stdout + a.stderr).toBe(2);
      expect(a.annotations).toHaveLength(1);
      expect(a.annotations[0]).toMatch(/^::error title=ml-provenance,file=ml\/data\/ext\.csv\.dvc::ml\/data\/ext\.csv\.dvc: outs\[0\]\.path .* is outside the workspace/);
      // The same for a stage output in dvc.lock.
      rmSync(path.join(ws, 'ml/data/ext.csv.dvc'));
      writeFileSync(path.join(ws, 'ml/dvc.lock'), ["schema: '2.0'", 'stages:', '  export:', '    cmd: python export.py', '    outs:', '    - path: ../../exported.bin', '      md5: 60b725f10c9c85c70d97880dfe8191b3', ''].join('\n'));
      const lock = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
      expect(lock.code, lock.stderr).toBe(2);
      expect(lock.stderr).toMatch(/^error: ml\/dvc\.lock: stages\.export\.outs\[0\]\.path "\.\.\/\.\.\/exported\.bin" is outside the workspace .*DVC 3 refuses outputs outside the DVC project/m);
    } finally {
      rmSync(path.join(ws, '..', outside), { force: true });
    }
  });

  it('CLI: a DVC path with spaces has the path percent-encoded as its id; lineage --dataset and replay --input find it by the path as typed', () => {
    const ws = copyExample({ git: true });
    train(ws);
    const md5 = (b: string) => createHash('md5').update(b).digest('hex');
    mkdirSync(path.join(ws, 'ml/raw data'), { recursive: true });
    writeFileSync(path.join(ws, 'ml/raw data/wine quality.csv'), 'a;b\n1;2\n');
    writeFileSync(path.join(ws, 'ml/raw data/wine_quality.csv'), 'a;b\n3;4\n');
    writeFileSync(path.join(ws, 'ml/raw data/wine quality.csv.dvc'), `outs:\n- md5: ${md5('a;b\n1;2\n')}\n  size: 8\n  hash: md5\n  path: wine quality.csv\n`);
    writeFileSync(path.join(ws, 'ml/raw data/wine_quality.csv.dvc'), `outs:\n- md5: ${md5('a;b\n3;4\n')}\n  size: 8\n  hash: md5\n  path: wine_quality.csv\n`);
    writeFileSync(path.join(ws, 'ml/dvc.lock'), ["schema: '2.0'", 'stages:', '  train:', '    cmd: python train.py', '    deps:', '    - path: raw data/wine quality.csv', `      md5: ${md5('a;b\n1;2\n')}`, ''].join('\n'));
    const r = runCli(['build', '--subject', 'model/model.json', '--dvc', 'ml', '--policy', 'none', '--out', 'st.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st.json'), 'utf8')));
    const spaced = st.predicate.datasets.find((d) => d.annotations?.path === 'ml/raw data/wine quality.csv')!;
    expect(spaced).toMatchObject({ id: 'raw%20data/wine%20quality.csv', name: 'raw data/wine quality.csv', digestSource: 'computed', annotations: { source: 'dvc.lock:train' } });
    expect(decodeURIComponent(spaced.id)).toBe(spaced.name);
    // Its neighbour with `_` is another dataset with its own id (an `_` for the space used to merge the two).
    expect(st.predicate.datasets.find((d) => d.annotations?.path === 'ml/raw data/wine_quality.csv')!.id).toBe('raw%20data/wine_quality.csv');
    expect(st.predicate.steps.find((s) => s.name === 'train')!.inputs).toEqual(['raw%20data/wine%20quality.csv']);

    for (const ref of ['raw data/wine quality.csv', 'raw%20data/wine%20quality.csv']) {
      const l = runCli(['lineage', 'st.json', '--no-verify', '--dataset', ref, '--format', 'json'], { cwd: ws });
      expect(l.code, l.stderr).toBe(0);
      const answers = (JSON.parse(l.stdout) as { answers: Array<{ dataset: { id: string; uri: string } }> }).answers;
      expect(answers.map((x) => x.dataset.id)).toEqual(['raw%20data/wine%20quality.csv']);
    }
    const none = runCli(['lineage', 'st.json', '--no-verify', '--dataset', 'raw data/wine-quality.csv'], { cwd: ws });
    expect(none.code).toBe(1);
    const copy = path.join(ws, 'copy.csv');
    writeFileSync(copy, 'a;b\n1;2\n');
    const rp = runCli(['replay', 'st.json', '--no-verify', '--check', '--format', 'json', '--input', `raw data/wine quality.csv=${copy}`], { cwd: ws });
    const rows = (JSON.parse(rp.stdout) as { rows: Array<{ input: string; status: string; note?: string }> }).rows;
    expect(rows.find((x) => x.input === 'raw%20data/wine%20quality.csv')).toMatchObject({ status: 'match', note: copy });
    // The store answers the same: the path as typed, or the id.
    const ing = runCli(['store', 'ingest', 'st.json', '--store', 'store.db', '--no-verify'], { cwd: ws });
    expect(ing.code, ing.stderr).toBe(0);
    for (const ref of ['raw data/wine quality.csv', 'raw%20data/wine%20quality.csv']) {
      const s = runCli(['lineage', '--store', 'store.db', '--dataset', ref, '--format', 'json'], { cwd: ws });
      expect(s.code, `${ref}: ${s.stderr}`).toBe(0);
      expect((JSON.parse(s.stdout) as { answers: Array<{ direct: boolean }> }).answers).toMatchObject([{ direct: true }]);
    }
    expect(runCli(['lineage', '--store', 'store.db', '--dataset', 'raw data/wine-quality.csv'], { cwd: ws }).code).toBe(1);
  });
});
