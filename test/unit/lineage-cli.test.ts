// The auditor commands through the built CLI (dist/cli.js): flags, formats, exit codes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataset, makeStatement } from '../fixtures/statements.js';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
let dir: string;

async function mlp(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cli, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlp-lineage-cli-'));
  await writeFile(path.join(dir, 'a.intoto.json'), JSON.stringify(makeStatement({ run: '11', datasets: [dataset('mnist', '1.0')] })));
  await writeFile(path.join(dir, 'b.intoto.json'), JSON.stringify(makeStatement({ run: '12', datasets: [dataset('mnist', '2.0')] })));
  await writeFile(path.join(dir, 'package.json'), '{"name":"not-a-statement"}');
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lineage', () => {
  it('requires --no-verify for unsigned statements (exit 2 with the fix)', async () => {
    const r = await mlp('lineage', 'a.intoto.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*unsigned statement.* — .*--no-verify/m);
  });
  it('answers --dataset over a directory, skipping other JSON with a warning', async () => {
    const r = await mlp('lineage', '.', '--no-verify', '--dataset', 'mnist@2.0');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipping');
    expect(r.stdout).toMatch(/mnist@2\.0\s+sha256:\w+\s+run 12\s+model\/weights\.bin/);
    expect(r.stdout).not.toContain('run 11');
  });
  it('answers --metric --epoch as JSON and draws --format mermaid/dot', async () => {
    const j = await mlp('lineage', 'a.intoto.json', 'b.intoto.json', '--no-verify', '--metric', 'loss', '--epoch', '0', '--format', 'json');
    const answers = (JSON.parse(j.stdout) as { answers: { metric: { value: number }; lineage: { datasets: { version: string }[] } }[] }).answers;
    expect(answers.map((a) => a.lineage.datasets[0]!.version)).toEqual(['1.0', '2.0']);
    const m = await mlp('lineage', 'a.intoto.json', '--no-verify', '--format', 'mermaid');
    expect(m.stdout.startsWith('flowchart LR')).toBe(true);
    const d = await mlp('lineage', 'a.intoto.json', '--no-verify', '--model', 'model/weights.bin', '--format', 'dot');
    expect(d.stdout.startsWith('digraph lineage {')).toBe(true);
  });
  it('rejects two queries at once and an unknown format', async () => {
    expect((await mlp('lineage', '.', '--no-verify', '--dataset', 'x', '--metric', 'y')).code).toBe(2);
    expect((await mlp('lineage', '.', '--no-verify', '--format', 'svg')).code).toBe(2);
  });
});

describe('lineage: ids, empty answers, warnings', () => {
  it('run ids in --format json are the statement digests, not positions', async () => {
    const r = await mlp('lineage', 'b.intoto.json', 'a.intoto.json', '--no-verify', '--dataset', 'mnist', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const keys = (JSON.parse(r.stdout) as { answers: { run: { key: string } }[] }).answers.map((a) => a.run.key);
    const digest = async (f: string) => `sha256:${createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex')}`;
    expect(keys.sort()).toEqual([await digest('a.intoto.json'), await digest('b.intoto.json')].sort());
  });
  it('a query with no match exits 1 with an error line; the output is still the (empty) answer', async () => {
    const r = await mlp('lineage', 'a.intoto.json', '--no-verify', '--dataset', 'imagenet', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ answers: [] });
    expect(r.stderr).toMatch(/^error: no dataset imagenet among the 1 record\(s\) given — datasets recorded: \S+/m);
  });
  it('a release folder: the project\'s own SLSA companion bundle is skipped silently, other JSON warns unless --quiet', async () => {
    const rel = path.join(dir, 'release');
    await mkdir(rel, { recursive: true });
    await writeFile(path.join(rel, 'provenance.intoto.json'), await readFile(path.join(dir, 'a.intoto.json')));
    const slsa = { _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType: 'https://slsa.dev/provenance/v1', predicate: {} };
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {},
      dsseEnvelope: { payload: Buffer.from(JSON.stringify(slsa)).toString('base64'), payloadType: 'application/vnd.in-toto+json', signatures: [] },
    };
    await writeFile(path.join(rel, 'provenance.slsa.sigstore.json'), JSON.stringify(bundle));
    const quietAboutOwn = await mlp('lineage', 'release', '--no-verify', '--dataset', 'mnist');
    expect(quietAboutOwn.code, quietAboutOwn.stderr).toBe(0);
    expect(quietAboutOwn.stderr).not.toMatch(/provenance\.slsa\.sigstore\.json/);
    await writeFile(path.join(rel, 'metrics.json'), '{"acc": 1}');
    const warns = await mlp('lineage', 'release', '--no-verify', '--dataset', 'mnist');
    expect(warns.stderr).toMatch(/^warning: skipping .*metrics\.json/m);
    const quiet = await mlp('lineage', 'release', '--no-verify', '--dataset', 'mnist', '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

describe('machine output: --format json everywhere, --json its alias', () => {
  it.each([
    ['validate', 'a.intoto.json'],
    ['summary', 'a.intoto.json'],
    ['diff', 'a.intoto.json', 'b.intoto.json'],
    ['digest', 'a.intoto.json'],
    ['lineage', 'a.intoto.json', '--no-verify'],
  ])('%s: --json and --format json print the same JSON document', async (...args) => {
    const a = await mlp(...args, '--json');
    const b = await mlp(...args, '--format', 'json');
    expect(a.code, a.stderr).toBe(b.code);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });
  it('--json with another --format is a usage error', async () => {
    const r = await mlp('diff', 'a.intoto.json', 'b.intoto.json', '--json', '--format', 'text');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --json and --format text ask for different output — /m);
  });
  it('export takes --json too (an export is always JSON)', async () => {
    const r = await mlp('export', 'a.intoto.json', '--no-verify', '--format', 'prov', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('activity');
  });
});

describe('diff and export', () => {
  it('diff prints markdown by default and JSON on request', async () => {
    const md = await mlp('diff', 'a.intoto.json', 'b.intoto.json');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- ⚠️ **Datasets:** `mnist`');
    const j = JSON.parse((await mlp('diff', 'a.intoto.json', 'b.intoto.json', '--format', 'json')).stdout) as { datasets: { changed: { key: string }[] } };
    expect(j.datasets.changed.map((c) => c.key)).toEqual(['mnist']);
  });
  it('export writes each format; a missing file is exit 2', async () => {
    for (const f of ['slsa', 'cyclonedx', 'spdx', 'prov', 'openlineage']) {
      const r = await mlp('export', 'a.intoto.json', '--no-verify', '--format', f, '--out', `out.${f}.json`);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(await readFile(path.join(dir, `out.${f}.json`), 'utf8'))).toBeTypeOf('object');
    }
    const missing = await mlp('export', 'nope.json', '--format', 'prov');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*nope\.json/m);
    // An unsigned statement is taken on trust only when asked, as lineage and report take it.
    const unsigned = await mlp('export', 'a.intoto.json', '--format', 'slsa');
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toMatch(/^error: a\.intoto\.json is an unsigned statement, so it cannot be verified — .*--no-verify/m);
    expect(unsigned.stdout).toBe('');
  });
});
