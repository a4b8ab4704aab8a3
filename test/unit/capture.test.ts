import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { captureConfig, parseConfigText } from '../../src/capture/config.js';
import { captureDatasets, loadDatasetsInput, mergeDatasetInputs } from '../../src/capture/datasets.js';
import { imageDescriptor, parseImageRef } from '../../src/capture/image.js';
import { captureSubjects } from '../../src/capture/subjects.js';
import { stripCredentials } from '../../src/capture/git.js';
import { ProvenanceError } from '../../src/errors.js';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

function workspace(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mlp-ws-'));
}

async function failure(p: Promise<unknown>): Promise<ProvenanceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProvenanceError);
  return e as ProvenanceError;
}

describe('config capture', () => {
  it('parses YAML, JSON and TOML, hashes the raw bytes and redacts before the content digest', async () => {
    const ws = workspace();
    const yaml = 'lr: 0.1\ndb:\n  password: hunter2\n';
    writeFileSync(path.join(ws, 'c.yaml'), yaml);
    writeFileSync(path.join(ws, 'c.json'), '{"epochs": 3, "api_token": "abc"}');
    writeFileSync(path.join(ws, 'c.toml'), 'lr = 0.5\nwhen = 2024-01-02T03:04:05Z\n[auth]\nsecret = "s3cr3t-4"\n');
    const y = await captureConfig('c.yaml', ws);
    expect(y.digest.sha256).toBe(sha(yaml));
    expect(y.content).toEqual({ lr: 0.1, db: { password: '[REDACTED]' } });
    expect(y.redacted).toEqual(['/db/password']);
    expect(y.contentDigest).toBe(sha('{"db":{"password":"[REDACTED]"},"lr":0.1}'));
    const j = await captureConfig('c.json', ws);
    expect(j.content).toEqual({ epochs: 3, api_token: '[REDACTED]' });
    const t = await captureConfig('c.toml', ws);
    expect(t.content).toEqual({ lr: 0.5, when: '2024-01-02T03:04:05.000Z', auth: { secret: '[REDACTED]' } });
    expect(JSON.stringify([y, j, t])).not.toMatch(/hunter2|"abc"/);
  });

  it('malformed files give an input error with file and line', () => {
    expect(() => parseConfigText('a: [1, 2\nb: 3\n', 'yaml', 'bad.yaml')).toThrow(/bad\.yaml:\d+ is not valid YAML/);
    expect(() => parseConfigText('{"a": }', 'json', 'bad.json')).toThrow(/bad\.json is not valid JSON/);
    expect(() => parseConfigText('a = = 1', 'toml', 'bad.toml')).toThrow(/bad\.toml(:\d+)? is not valid TOML/);
    expect(() => parseConfigText('a: 1\na: 2\n', 'yaml', 'dup.yaml')).toThrow(/dup\.yaml/);
  });

  it('refuses unknown extensions, missing files and paths outside the workspace', async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, 'c.ini'), 'a=1');
    expect((await failure(captureConfig('c.ini', ws))).message).toMatch(/extension "\.ini"/);
    // Dotenv files by name, with where hyperparameters go; a YAML file named .env.yaml is YAML.
    for (const f of ['.env', 'deploy/.env.production', 'prod.env']) {
      mkdirSync(path.join(ws, path.dirname(f)), { recursive: true });
      writeFileSync(path.join(ws, f), 'WANDB_API_KEY=x\n');
      const e = await failure(captureConfig(f, ws));
      expect([e.code, e.message]).toEqual(['dotenv-config', `config file ${f} is a .env file: it holds environment variables and credentials, which are not recorded`]);
      expect(e.fix).toMatch(/record param KEY=VALUE/);
    }
    writeFileSync(path.join(ws, '.env.yaml'), 'lr: 0.1\n');
    expect((await captureConfig('.env.yaml', ws)).content).toEqual({ lr: 0.1 });
    expect((await failure(captureConfig('nope.yaml', ws))).exitCode).toBe(2);
    expect((await failure(captureConfig('../etc/passwd.yaml', ws))).message).toMatch(/outside the workspace/);
    const outside = path.join(workspace(), 'x.yaml');
    writeFileSync(outside, 'a: 1');
    symlinkSync(outside, path.join(ws, 'link.yaml'));
    expect((await failure(captureConfig('link.yaml', ws))).code).toBe('symlink-escapes-workspace');
  });
});

describe('datasets', () => {
  it('reads a manifest file or an inline list and merges by id', async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, 'd.yaml'), '- id: a\n  uri: s3://b/a\n  version: "1"\n');
    expect(await loadDatasetsInput('d.yaml', ws)).toEqual([{ id: 'a', uri: 's3://b/a', version: '1' }]);
    expect(await loadDatasetsInput('- id: b\n  uri: hf://datasets/x@abc\n', ws)).toEqual([{ id: 'b', uri: 'hf://datasets/x@abc' }]);
    expect(mergeDatasetInputs([{ id: 'a', uri: 'u' }], [{ id: 'a', license: 'MIT' }, { id: 'c', uri: 'v' }])).toEqual([
      { id: 'a', uri: 'u', license: 'MIT' },
      { id: 'c', uri: 'v' },
    ]);
  });

  it('rejects bad digests and unknown fields naming the field', async () => {
    const ws = workspace();
    const e = await failure(loadDatasetsInput('- id: a\n  uri: s3://x\n  digest: md5:abc\n', ws));
    expect(e.message).toMatch(/datasets\[0\]\.digest: must be sha256:/);
    expect(e.exitCode).toBe(2);
    const e2 = await failure(loadDatasetsInput('- id: a\n  uri: s3://x\n  licence: MIT\n', ws));
    expect(e2.message).toMatch(/unknown field\(s\) "licence"/);
  });

  it('hashes local files and directories, keeps remote digests as given, catches mismatches', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws, 'data/sub'), { recursive: true });
    writeFileSync(path.join(ws, 'data/a.csv'), 'x\n1\n');
    writeFileSync(path.join(ws, 'data/sub/b.csv'), 'y\n2\n');
    const [file, dir, remote] = await captureDatasets(
      [
        { id: 'a', path: 'data/a.csv' },
        { id: 'dir', path: 'data', license: 'MIT' },
        { id: 'r', uri: 's3://bucket/r', version: '3', digest: `sha256:${'c'.repeat(64)}` },
      ],
      ws,
    );
    expect(file!.digest!.sha256).toBe(sha('x\n1\n'));
    expect(file!.uri).toBe('file:data/a.csv');
    const manifest = `${sha('x\n1\n')}  4  a.csv\n${sha('y\n2\n')}  4  sub/b.csv\n`;
    expect(dir!.digest!.sha256).toBe(sha(manifest));
    expect(dir!.files).toBe(2);
    expect(remote).toMatchObject({ digest: { sha256: 'c'.repeat(64) }, digestSource: 'given', version: '3' });
    const e = await failure(captureDatasets([{ id: 'a', path: 'data/a.csv', digest: `sha256:${'0'.repeat(64)}` }], ws));
    expect(e.code).toBe('dataset-digest-mismatch');
    expect(e.exitCode).toBe(1);
  });
});

describe('image', () => {
  it('parses pinned and unpinned references', () => {
    const d = 'sha256:' + 'ab'.repeat(32);
    expect(parseImageRef(`ghcr.io/acme/train:1.2@${d}`)).toEqual({ repository: 'ghcr.io/acme/train', tag: '1.2', digest: 'ab'.repeat(32), reference: `ghcr.io/acme/train:1.2@${d}` });
    expect(imageDescriptor('localhost:5000/x:latest')).toMatchObject({ pinned: false, uri: 'oci://localhost:5000/x:latest' });
    expect(imageDescriptor(`python@${d}`)).toMatchObject({ pinned: true, digest: { sha256: 'ab'.repeat(32) } });
  });
  it('rejects bad digests and references with exit 2', () => {
    expect(() => parseImageRef('ghcr.io/a/b@sha256:xyz')).toThrow(/image digest \(after "@"\) is not sha256:/);
    expect(() => parseImageRef('Not An Image')).toThrow(/not a valid image reference/);
  });
});

describe('subjects', () => {
  it('expands globs and directories into one subject per file, sorted', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws, 'model/shards'), { recursive: true });
    writeFileSync(path.join(ws, 'model/config.json'), '{}');
    writeFileSync(path.join(ws, 'model/shards/0.bin'), 'zero');
    writeFileSync(path.join(ws, 'model/shards/1.bin'), 'one');
    const subs = await captureSubjects(['model/shards', 'model/*.json'], ws);
    expect(subs.map((s) => s.name)).toEqual(['model/config.json', 'model/shards/0.bin', 'model/shards/1.bin']);
    expect(subs[1]!.digest.sha256).toBe(sha('zero'));
  });
  it('a pattern matching nothing names the input', async () => {
    const e = await failure(captureSubjects(['model/*.pt'], workspace()));
    expect(e.message).toMatch(/"model\/\*\.pt" matched no files/);
  });
});

describe('git', () => {
  it('never records credentials in a remote URL', () => {
    expect(stripCredentials('https://x-access-token:ghs_abc@github.com/o/r.git')).toBe('https://github.com/o/r.git');
    expect(stripCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
  });
});
