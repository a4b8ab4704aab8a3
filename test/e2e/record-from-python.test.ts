// Training code calls `ml-provenance record …` from Python (subprocess, argument lists as
// Python passes them), with the values training code really has: unicode names, paths with
// spaces, huge and non-finite numbers. A value the CLI refuses is exit 2 with one line
// `error: … — …` naming the flag the user typed (not the records log's field name), never
// echoing a possible credential; a value it takes is in the log as Python's json reads it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, copyExample, runAction, train } from '../helpers/run.js';

const SCRIPT = String.raw`
import json, math, os, subprocess, sys
cli = [os.environ["NODE"], os.environ["CLI"]]
cases = json.load(sys.stdin)
out = []
for args in cases:
    p = subprocess.run(cli + ["record", *args], capture_output=True, text=True, encoding="utf-8")
    out.append({"args": args, "code": p.returncode, "stderr": p.stderr})
with open(os.path.join(".ml-provenance", "records.jsonl"), encoding="utf-8") as f:
    log = [json.loads(line) for line in f]
print(json.dumps({"runs": out, "log": log}))
`;

interface Result { runs: Array<{ args: string[]; code: number; stderr: string }>; log: Array<Record<string, unknown>> }

function fromPython(cases: string[][]): Result {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-python-'));
  mkdirSync(path.join(dir, 'data dir'));
  writeFileSync(path.join(dir, 'data dir', 'pöints ü.csv'), 'x,y\n1,2\n');
  writeFileSync(path.join(dir, 'record.py'), SCRIPT);
  const r = spawnSync('python3', ['record.py'], { cwd: dir, input: JSON.stringify(cases), encoding: 'utf8', env: { ...cleanEnv(), NODE: process.execPath, CLI } });
  if (r.status !== 0) throw new Error(`record.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result;
}

// Each refused value, and the flag its error must name.
const REFUSED: Array<[string[], string]> = [
  [['dataset', '--id', 'pöints', '--uri', 's3://b/k'], '--id'],
  [['dataset', '--id', 'points data', '--uri', 's3://b/k'], '--id'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--split', '训练=0.5'], '--split 训练=…'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--split', 'train=1.5'], '--split train=…'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--access', 'secret'], '--access'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--missing-rate', '2'], '--missing-rate'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--sampling', 'bogus'], '--sampling'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--digest', 'sha256:zz'], '--digest'],
  [['step', '--name', 'split', '--input', 'données'], '--input'],
  [['step', '--name', 'split', '--seed', '1.5'], '--seed'],
  [['metric', '--name', 'loss', '--value', 'nan'], '--value'],
  [['metric', '--name', 'loss', '--value', 'inf'], '--value'],
  [['metric', '--name', 'loss', '--value', '1e400'], '--value'],
  // Number() reads these too (as 16, 1 and Infinity); none is a value training code means.
  [['metric', '--name', 'loss', '--value', '0x10'], '--value'],
  [['metric', '--name', 'loss', '--value', ' 1'], '--value'],
  [['metric', '--name', 'loss', '--value', 'Infinity'], '--value'],
  [['metric', '--name', 'loss', '--value', '+-1'], '--value'],
  [['metric', '--name', 'loss', '--value', '++1'], '--value'],
  [['dataset', '--id', 'x', '--uri', 's3://b/k', '--missing-rate', '0b1'], '--missing-rate'],
  [['metric', '--name', 'loss', '--value', '0.5', '--epoch', '-1'], '--epoch'],
  [['metric', '--name', 'loss', '--value', '0.5', '--epoch', '2.5'], '--epoch'],
  [['run', '--nodes', '0'], '--nodes'],
];

describe('ml-provenance record, called from Python', () => {
  let res: Result;
  beforeAll(() => {
    res = fromPython([
      ...REFUSED.map(([a]) => a),
      ['dataset', '--id', 'points', '--path', 'data dir/pöints ü.csv', '--version', 'v1 “ü”', '--license', 'CC-BY-4.0'],
      ['metric', '--name', '准确率 (val)', '--value', String(2 ** 70), '--split', '验证'],
      ['param', 'lr=3e-5', 'name=ü ñ', 'big=123456789012345678901234567890', 'nan=nan'],
      ['command', '--', 'python', 'train ü.py', '--out', 'path with space/model'],
      ['step', '--name', 'split', '--seed', String(2n ** 64n)],
    ]);
  }, 120_000);

  it.each(REFUSED.map(([a, flag], i) => [a.join(' '), flag, i] as const))('refused: record %s — exit 2, one error line naming %s and a fix', (_, flag, i) => {
    const run = res.runs[i]!;
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .+ — .+$/);
    expect(lines[0]).toContain(flag);
    expect(lines[0]).not.toMatch(/Invalid key in record|see schemas\//);
  });

  it('taken: unicode, spaces and a huge number land in the log as Python reads it', () => {
    const ok = res.runs.slice(REFUSED.length);
    expect(ok.map((r) => [r.code, r.stderr])).toEqual(ok.map(() => [0, '']));
    expect(res.log).toHaveLength(5);
    expect(res.log[0]).toMatchObject({ kind: 'dataset', id: 'points', path: 'data dir/pöints ü.csv', uri: 'file:data%20dir/p%C3%B6ints%20%C3%BC.csv', version: 'v1 “ü”' });
    expect(res.log[1]).toMatchObject({ kind: 'metric', name: '准确率 (val)', value: 2 ** 70, split: '验证' });
    expect(res.log[2]).toMatchObject({ kind: 'param', params: { lr: 3e-5, name: 'ü ñ', big: '123456789012345678901234567890', nan: 'nan' } });
    expect(res.log[3]).toMatchObject({ kind: 'command', argv: ['python', 'train ü.py', '--out', 'path with space/model'] });
    // A seed past 2^53 exactly, as its decimal text (docs/RECORD.md), not rounded to 18446744073709552000.
    expect(res.log[4]).toMatchObject({ kind: 'step', seed: String(2n ** 64n) });
  });
});

describe('the action merging a log Python wrote itself (json.dumps)', () => {
  const write = (ws: string, events: string): void => {
    const r = spawnSync('python3', ['-c', `import json, sys\nwith open(".ml-provenance/records.jsonl", "a", encoding="utf-8") as f:\n    for e in ${events}:\n        f.write(json.dumps(e) + "\\n")`], { cwd: ws, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const inputs = { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', sign: 'false', 'upload-artifact': 'false' };

  it('unicode names and a number past 2^53 are merged into the statement', () => {
    const ws = copyExample({ git: true });
    train(ws);
    write(ws, `[{"v": 1, "kind": "metric", "name": "准确率", "value": 2**70, "split": "验证"}, {"v": 1, "kind": "param", "params": {"tokenizer": "bpe ü", "seed": 2**63 + 5}}]`);
    const r = runAction(inputs, { workspace: ws });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    const st = JSON.parse(readFileSync(r.outputs['statement-path']!, 'utf8')) as { predicate: { metrics: unknown[]; buildDefinition: { externalParameters: { hyperparameters: Record<string, unknown> } } } };
    expect(st.predicate.metrics).toContainEqual(expect.objectContaining({ name: '准确率', value: 2 ** 70, split: '验证' }));
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters.tokenizer).toBe('bpe ü');
    expect(st.predicate.buildDefinition.externalParameters.hyperparameters.seed).toBe(String(2n ** 63n + 5n));
  });

  it('a diverged loss (float("nan"), which json.dumps writes as NaN): exit 2, one annotation at the file and line saying NaN is the problem and how to avoid it', () => {
    const ws = copyExample({ git: true });
    train(ws);
    write(ws, `[{"v": 1, "kind": "metric", "name": "loss", "value": float("nan"), "epoch": 31}]`);
    const r = runAction(inputs, { workspace: ws });
    expect(r.code).toBe(2);
    expect(r.annotations).toHaveLength(1);
    const a = decodeURIComponent(r.annotations[0]!);
    expect(a).toMatch(/^::error title=ml-provenance,file=[^,]*records\.jsonl,line=\d+::/);
    expect(a).toMatch(/holds NaN or Infinity .* — record only finite numbers: .*math\.isfinite.*allow_nan=False/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a step naming its input by path, as DVC and Python write paths', () => {
  // The id of a path is the path percent-encoded as a URI path: Python's urllib.parse.quote with
  // `/` kept is the outside definition the suggested id must equal.
  it.each(['raw data/x.csv', 'données/ü.csv'])('record step --input %s: exit 2, and the fix gives the id urllib.parse.quote makes of it', (p) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-python-'));
    const quoted = spawnSync('python3', ['-c', 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="/"))', p], { encoding: 'utf8' }).stdout.trim();
    const r = spawnSync(process.execPath, [CLI, 'record', 'step', '--name', 'clean', '--input', p], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: --input ${p}: dataset ids are ASCII letters (A-Z, a-z), digits and _ . / : @ -, any other character percent-encoded (%20 for a space, %C3%B6 for ö) — pass the id the dataset was recorded under; if ${p} is a path or name (a DVC output, an MLflow or Hugging Face dataset), its id is ${quoted}: write --input ${quoted}\n`);
    // And the suggested id is taken.
    expect(spawnSync(process.execPath, [CLI, 'record', 'step', '--name', 'clean', '--input', quoted], { cwd: dir, encoding: 'utf8', env: cleanEnv() }).status).toBe(0);
  });
});

describe('numbers as Python formats them', () => {
  // str(), repr() and format specs Python code uses for a metric; each must land in the log as
  // the number Python's float() reads from the same text.
  it('record metric --value takes str(1e-05), f"{x:+}", str(-0.0), repr(1e20), f"{x:.3e}" and stores float(text)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-python-'));
    const script = String.raw`
import json, os, subprocess, sys
cli = [os.environ["NODE"], os.environ["CLI"]]
texts = [str(1e-05), f"{0.5:+}", f"{-0.25:+}", str(-0.0), repr(1e20), f"{0.000123:.3e}", str(3.0)]
codes = [subprocess.run(cli + ["record", "metric", "--name", "m", "--value", t], capture_output=True, text=True).returncode for t in texts]
with open(os.path.join(".ml-provenance", "records.jsonl"), encoding="utf-8") as f:
    got = [json.loads(line)["value"] for line in f]
print(json.dumps({"texts": texts, "codes": codes, "same": [float(t) == g for t, g in zip(texts, got)], "n": len(got)}))
`;
    const r = spawnSync('python3', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...cleanEnv(), NODE: process.execPath, CLI } });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { texts: string[]; codes: number[]; same: boolean[]; n: number };
    expect(out.texts).toContain('+0.5');
    expect(out.codes).toEqual(out.texts.map(() => 0));
    expect(out.n).toBe(out.texts.length);
    expect(out.same).toEqual(out.texts.map(() => true));
  });
});
