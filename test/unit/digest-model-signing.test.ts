import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  comparePosixPathParts,
  modelSigningDigest,
  modelSigningStatement,
  MODEL_SIGNING_PREDICATE_TYPE,
} from '../../src/digest/model-signing.js';

// Expected values are upstream's golden payloads for the same fixtures:
// sigstore/model-transparency tests/_signing/testdata/signing/TestPayload/{sample,deep}_model_folder,
// fixtures from tests/conftest.py (file serialization, sha256).

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mlp-ms-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sampleModel(name: string): string {
  const root = path.join(tmp, name);
  for (let i = 0; i < 2; i++) {
    mkdirSync(path.join(root, `d${i}`), { recursive: true });
    for (let j = 0; j < 3; j++) writeFileSync(path.join(root, `d${i}`, `f${i}${j}`), `This is file f${i}${j} in d${i}.`);
  }
  for (let i = 0; i < 4; i++) writeFileSync(path.join(root, `f${i}`), `This is file f${i} in root.`);
  return root;
}

describe('OpenSSF model signing digest', () => {
  it('reproduces upstream sample_model_folder golden', async () => {
    const root = sampleModel('sample_model');
    for (const concurrency of [0, 2]) {
      const m = await modelSigningDigest(root, root, { concurrency });
      expect(m.sha256).toBe('143cc682e555951649f18e2761c3d526d2502996f5e32dc187ef7f8a614f8df7');
      expect(m.resources.map((r) => r.name)).toEqual(['d0/f00', 'd0/f01', 'd0/f02', 'd1/f10', 'd1/f11', 'd1/f12', 'f0', 'f1', 'f2', 'f3']);
      expect(m.resources[0]).toEqual({ name: 'd0/f00', algorithm: 'sha256', digest: 'fdd8925354242a7fd1515e79534317b800015607a609cd306e0b4dcfe6c92249' });
      expect(m.resources[9]!.digest).toBe('912bcf5ebdf44dc7b4085b07940e0a81d157fba24b276e73fd911121d4544c4a');
    }
    const st = modelSigningStatement(await modelSigningDigest(root, root));
    expect(st).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'sample_model', digest: { sha256: '143cc682e555951649f18e2761c3d526d2502996f5e32dc187ef7f8a614f8df7' } }],
      predicateType: MODEL_SIGNING_PREDICATE_TYPE,
      predicate: {
        serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: ['.git', '.gitattributes', '.github', '.gitignore'] },
      },
    });
  });

  it('reproduces upstream deep_model_folder golden', async () => {
    const root = path.join(tmp, 'deep_model');
    const deep = path.join(root, 'd0', 'd1', 'd2', 'd3', 'd4');
    mkdirSync(deep, { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(path.join(deep, `f${i}`), `This is file f${i}.`);
    const m = await modelSigningDigest(root);
    expect(m.sha256).toBe('18b5a45fe7983f7194e8ffd96c80f5f0ec53191bf4a32b6aff293f043e816d7a');
    expect(m.resources.map((r) => r.digest)).toEqual([
      '6efa14bb03544fcb76045c55f25b9315b6eb5be2d8a85f703193a76b7874c6ff',
      'a9bc149b70b9d325cd68d275d582cfdb98c0347d3ce54590aa6533368daed3d2',
      '5f597e6a92d1324d9adbed43d527926d11d0131487baf315e65ae1ef3b1ca3c0',
      'eaf677c35fec6b87889d9e4563d8bb65dcb9869ca0225697c9cc44cf49dca008',
    ]);
  });

  it('orders like Python PurePosixPath (component-wise), not bytewise', () => {
    const names = ['a-b', 'a/b', 'a.b/c', 'a', 'a/b/c', 'é', 'z'];
    expect([...names].sort(comparePosixPathParts)).toEqual(['a', 'a/b', 'a/b/c', 'a-b', 'a.b/c', 'z', 'é']);
  });

  it('leaves out git paths and extra ignored paths, refuses symlinks by default and empty models', async () => {
    const root = sampleModel('ignores');
    mkdirSync(path.join(root, '.git', 'objects'), { recursive: true });
    writeFileSync(path.join(root, '.git', 'objects', 'x'), 'x');
    writeFileSync(path.join(root, '.gitignore'), '*.tmp');
    writeFileSync(path.join(root, 'README.md'), 'readme');
    const m = await modelSigningDigest(root, root, { ignorePaths: ['README.md'] });
    expect(m.sha256).toBe('143cc682e555951649f18e2761c3d526d2502996f5e32dc187ef7f8a614f8df7');
    expect(m.serialization.ignore_paths).toEqual(['.git', '.gitattributes', '.github', '.gitignore', 'README.md']);
    const withGit = await modelSigningDigest(root, root, { ignoreGitPaths: false });
    expect(withGit.resources.map((r) => r.name)).toContain('.git/objects/x');

    symlinkSync(path.join(root, 'f0'), path.join(root, 'link'));
    await expect(modelSigningDigest(root)).rejects.toMatchObject({ code: 'model-symlink' });
    const linked = await modelSigningDigest(root, root, { allowSymlinks: true });
    expect(linked.resources.find((r) => r.name === 'link')!.digest).toBe(linked.resources.find((r) => r.name === 'f0')!.digest);

    const empty = path.join(tmp, 'empty-model');
    mkdirSync(path.join(empty, '.git'), { recursive: true });
    writeFileSync(path.join(empty, '.git', 'HEAD'), 'ref');
    await expect(modelSigningDigest(empty)).rejects.toMatchObject({ code: 'model-empty' });
  });
});
