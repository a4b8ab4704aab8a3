// Config files and a records log hold what the training code reads, and Python is that code:
// every value in the record must be the value Python's json, tomllib and PyYAML read from the
// same file — a 64-bit seed exactly (as its decimal text past 2^53, docs/RECORD.md), YAML merge
// keys merged as PyYAML merges them — except the credentials redaction hides.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { PYYAML_READING } from '../helpers/pyyaml-reading.js';

const SECRET = 'sk-proj-4f9aQ2mX7rT1vB8nL3kZ6wY0cD5eH2jP';

const FILES: Record<string, string> = {
  'seed.json': '{"seed": 9007199254740993, "neg": -9223372036854775813, "safe": 9007199254740991, "lr": 0.001, "float": 9007199254740993.0, "exp": 1e20, "nested": [18446744073709551615]}\n',
  'seed.yaml': 'seed: 9007199254740993\nneg: -9223372036854775813\nsafe: 9007199254740991\nlr: 0.001\nfloat: 9007199254740993.0\nnested: [18446744073709551615]\n',
  'seed.toml': 'seed = 9007199254740993\nneg = -9223372036854775808\nsafe = 9007199254740991\nlr = 0.001\nfloat = 9007199254740993.0\n[nested]\nmax = 9223372036854775807\n',
  // Explicit keys win over merged ones wherever they stand; of several sources, the first wins.
  'train.yaml': [
    'base: &base',
    '  learning_rate: 0.01',
    '  batch_size: 32',
    `  wandb_api_key: ${SECRET}`,
    'wide: &wide',
    '  batch_size: 256',
    '  layers: 12',
    'small:',
    '  learning_rate: 0.001',
    '  <<: *base',
    'both:',
    '  <<: [*wide, *base]',
    '  seed: 9223372036854775813',
    'quoted:',
    '  "<<": {kept: literal}',
    '',
  ].join('\n'),
  // YAML 1.1 as PyYAML resolves it (booleans, octal, `_`, base 60, `y`/`n`/`09` strings, several
  // `<<` keys: the last wins), and exponent floats as OmegaConf reads them.
  'py11.yaml': [
    'lr: 1e-3',
    'wd: 1.0e4',
    'eps: 1.5E+2',
    'shuffle: yes',
    'pin_memory: off',
    'drop_last: On',
    'amp: NO',
    'perm: 017',
    'neg_octal: -0_17',
    'mask: 0x1F',
    'bits: 0b1010',
    'warmup: 1_000',
    'ratio: 1_000.5',
    'clock: 12:30',
    'clock_f: 1:30.5',
    'zero_padded: 09',
    'o_prefix: 0o17',
    'y: 1',
    'n: 2',
    'answer: y',
    'date: 2024-01-01',
    'nothing: ~',
    'empty:',
    'tagged: !!int "017"',
    'tagged_str: !!str 017',
    'tagged_float: !!float 3',
    'big: 18446744073709551617',
    'big_quoted: "18446744073709551617"',
    'base: &b {lr: 0.1, depth: 2}',
    'over: &o {lr: 0.2}',
    'e:',
    '  <<: *b',
    '  <<: *o',
    'f:',
    '  <<: [*o, *b]',
    '  <<: {depth: 9}',
    '',
  ].join('\n'),
};

// The record's rule, checked against Python's reading: an int past ±(2**53 - 1) is its decimal
// text, everything else equal (a float equal as a number: JSON, and so the record, writes 2.0 as 2);
// a redacted pointer holds "[REDACTED]".
// YAML is read with PyYAML's SafeLoader changed as OmegaConf changes it (omegaconf/_utils.py
// get_yaml_loader: its float resolver, which also takes 1e-3, and no timestamps); that plain
// yaml.safe_load differs from it only there (docs/RECORD.md) is checked too.
const ORACLE = String.raw`
import datetime, json, re, sys, tomllib, yaml
SAFE = 2**53 - 1
${PYYAML_READING}
def plain_differs(ours, plain, ptr, bad):
    # Where plain yaml.safe_load reads otherwise: an exponent float it leaves as text, a date.
    if isinstance(ours, dict) and isinstance(plain, dict):
        for k in ours: plain_differs(ours[k], plain.get(k), ptr + "/" + str(k), bad)
    elif isinstance(ours, list) and isinstance(plain, list):
        for i, (a, b) in enumerate(zip(ours, plain)): plain_differs(a, b, f"{ptr}/{i}", bad)
    elif ours != plain or type(ours) is not type(plain):
        if isinstance(ours, float) and isinstance(plain, str) and float(plain) == ours: return
        if isinstance(ours, str) and isinstance(plain, datetime.date) and plain.isoformat() == ours: return
        bad.append(f"{ptr}: reading {ours!r}, yaml.safe_load {plain!r}")
def big_ints(py, ptr, out):
    if isinstance(py, bool): return
    if isinstance(py, int) and abs(py) > SAFE: out.append(ptr)
    elif isinstance(py, list):
        for i, x in enumerate(py): big_ints(x, f"{ptr}/{i}", out)
    elif isinstance(py, dict):
        for k, x in py.items(): big_ints(x, f"{ptr}/{str(k).replace('~', '~0').replace('/', '~1')}", out)
def same(rec, py, ptr, redacted, bad):
    if ptr in redacted:
        if rec != "[REDACTED]": bad.append(ptr + " not redacted")
        return
    if isinstance(py, float):
        if isinstance(rec, bool) or not isinstance(rec, (int, float)) or rec != py: bad.append(f"{ptr}: record {rec!r}, python {py!r}")
    elif isinstance(py, bool) or py is None or isinstance(py, str):
        if rec != py or type(rec) is not type(py): bad.append(f"{ptr}: record {rec!r}, python {py!r}")
    elif isinstance(py, int):
        want = py if abs(py) <= SAFE else str(py)
        if rec != want or type(rec) is not type(want): bad.append(f"{ptr}: record {rec!r}, python {py!r}")
    elif isinstance(py, list):
        if not isinstance(rec, list) or len(rec) != len(py): bad.append(f"{ptr}: record {rec!r}, python {py!r}"); return
        for i, (r, p) in enumerate(zip(rec, py)): same(r, p, f"{ptr}/{i}", redacted, bad)
    elif isinstance(py, dict):
        if not isinstance(rec, dict) or set(rec) != set(py): bad.append(f"{ptr}: keys {sorted(rec) if isinstance(rec, dict) else rec!r}, python {sorted(py)}"); return
        for k in py: same(rec[k], py[k], f"{ptr}/{k}", redacted, bad)
    else: bad.append(f"{ptr}: python type {type(py)}")
st = json.load(open(sys.argv[1]))
bad = []
for c in st["predicate"]["configFiles"]:
    name = c["name"]
    py = json.load(open(name)) if name.endswith(".json") else tomllib.load(open(name, "rb")) if name.endswith(".toml") else yaml.load(open(name), Loader=Reading)
    same(c["content"], py, name + "#", {name + "#" + p for p in c["redacted"]}, bad)
    if name.endswith(".yaml"):
        plain_differs(py, yaml.safe_load(open(name)), name + "#", bad)
        if c.get("annotations", {}).get("yamlReading") != "pyyaml-safe-omegaconf-float": bad.append(name + ": no yamlReading annotation")
    # The integers kept as text are listed, and nothing else (a quoted string of digits is not).
    ints = []
    big_ints(py, "", ints)
    if c.get("annotations", {}).get("integersAsText", []) != [p for p in ints if p not in c["redacted"]]: bad.append(f"{name}: integersAsText {c.get('annotations')}, python {ints}")
    # The config map beside it holds the same content.
    if st["predicate"]["buildDefinition"]["externalParameters"]["config"][name] != c["content"]: bad.append(name + ": config map differs")
print(json.dumps(bad))
`;

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-cfgval-'));
  mkdirSync(path.join(ws, 'data', 'cohort-7-patients'), { recursive: true });
  writeFileSync(path.join(ws, 'data', 'cohort-7-patients', 'rows.csv'), 'a,b\n1,2\n');
  writeFileSync(path.join(ws, 'model.bin'), 'weights');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(ws, name), text);
  sh('git', ['init', '-q', '-b', 'main'], ws);
  sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A'], ws);
  sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init'], ws);
  return ws;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Statement = { predicate: any };
const read = (ws: string, f: string): Statement => JSON.parse(readFileSync(path.join(ws, f), 'utf8')) as Statement;

describe('config files as Python reads them', () => {
  let ws: string;
  let st: Statement;
  beforeAll(() => {
    ws = workspace(FILES);
    const rec = runCli(['record', 'dataset', '--id', 'cohort', '--path', 'data/cohort-7-patients/rows.csv'], { cwd: ws });
    expect(rec.code, rec.stderr).toBe(0);
    const r = runCli(['build', '--no-detect-image', '--subject', 'model.bin', ...Object.keys(FILES).flatMap((f) => ['--config', f]), '--out', 'p.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    st = read(ws, 'p.json');
  }, 120_000);

  it('every value equals what json, tomllib and PyYAML read; integers past 2^53 as their exact decimal text', () => {
    writeFileSync(path.join(ws, 'oracle.py'), ORACLE);
    expect(JSON.parse(sh('python3', ['oracle.py', 'p.json'], ws))).toEqual([]);
    const byName = Object.fromEntries(st.predicate.configFiles.map((c: { name: string; content: unknown }) => [c.name, c.content]));
    expect(byName['seed.json']).toMatchObject({ seed: '9007199254740993', neg: '-9223372036854775813', safe: 9007199254740991, float: 9007199254740992, exp: 1e20 });
    expect(byName['seed.yaml']).toMatchObject({ seed: '9007199254740993', nested: ['18446744073709551615'] });
    expect(byName['seed.toml']).toMatchObject({ seed: '9007199254740993', neg: '-9223372036854775808', nested: { max: '9223372036854775807' } });
  });

  it('YAML is read as YAML 1.1, as PyYAML reads it: yes/off booleans, 017 octal, 1_000, the last of several << keys; 1e-3 a float', () => {
    const c = st.predicate.configFiles.find((x: { name: string }) => x.name === 'py11.yaml');
    expect(c.content).toMatchObject({ lr: 0.001, shuffle: true, pin_memory: false, perm: 15, neg_octal: -15, warmup: 1000, clock: 750, y: 1, n: 2, answer: 'y', zero_padded: '09', o_prefix: '0o17', date: '2024-01-01', tagged: 15, tagged_str: '017' });
    expect(c.content.e).toEqual({ lr: 0.2, depth: 2 });
    expect(c.content.f).toEqual({ lr: 0.2, depth: 9 });
    // The big integer and the same digits quoted read the same in the content; the annotation tells them apart.
    expect([c.content.big, c.content.big_quoted]).toEqual(['18446744073709551617', '18446744073709551617']);
    expect(c.annotations).toEqual({ yamlReading: 'pyyaml-safe-omegaconf-float', integersAsText: ['/big'] });
  });

  it('merge keys are merged (explicit keys win, the first source wins), and the credential in the anchor is hidden everywhere it was merged', () => {
    const train = st.predicate.configFiles.find((c: { name: string }) => c.name === 'train.yaml');
    expect(train.content.small).toEqual({ learning_rate: 0.001, batch_size: 32, wandb_api_key: '[REDACTED]' });
    expect(train.content.both).toEqual({ batch_size: 256, layers: 12, learning_rate: 0.01, wandb_api_key: '[REDACTED]', seed: '9223372036854775813' });
    expect(train.content.quoted).toEqual({ '<<': { kept: 'literal' } });
    expect(train.redacted).toEqual(expect.arrayContaining(['/base/wandb_api_key', '/small/wandb_api_key', '/both/wandb_api_key']));
    expect(readFileSync(path.join(ws, 'p.json'), 'utf8')).not.toContain(SECRET);
  });

  it('diff between two runs names merged keys by their place in the merged mapping, never "<<"', () => {
    writeFileSync(path.join(ws, 'train.yaml'), FILES['train.yaml']!.replace('  batch_size: 32', '  batch_size: 64'));
    const r = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--config', 'train.yaml', '--out', 'q.json', '--allow-incomplete'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const d = runCli(['diff', 'p.json', 'q.json', '--format', 'text'], { cwd: ws });
    expect(d.stdout).toMatch(/small.*batch_size/);
    expect(d.stdout).not.toContain('<<');
  });

  it('a .env file is refused by name, saying where hyperparameters go', () => {
    writeFileSync(path.join(ws, '.env'), `LEARNING_RATE=0.001\nWANDB_API_KEY=${SECRET}\n`);
    for (const f of ['.env', '.env.local']) {
      writeFileSync(path.join(ws, f), `WANDB_API_KEY=${SECRET}\n`);
      const r = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--config', f, '--out', 'e.json'], { cwd: ws });
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^error: config file ${f.replace('.', '\\.')} is a \\.env file: .* — .*record param KEY=VALUE.*\\.yaml, \\.json or \\.toml`));
      expect(r.stderr).not.toContain(SECRET);
    }
  });
});

describe('a records log Python wrote (json.dumps) with ints of any size', () => {
  it('params and seeds keep the exact value, as text past 2^53; a metric stays a number', () => {
    const ws = workspace({});
    mkdirSync(path.join(ws, '.ml-provenance'));
    const events = [
      { v: 1, kind: 'dataset', id: 'cohort', uri: 's3://b/k', digest: `sha256:${'a'.repeat(64)}`, seed: '__2**63+5__' },
      { v: 1, kind: 'param', params: { seed: '__2**63+5__', neg: '__-2**63-5__', small: 42, lr: 0.001 } },
      { v: 1, kind: 'step', name: 'split', parameters: { seed: '__2**64__' }, seed: '__2**64-1__', inputs: ['cohort'] },
      { v: 1, kind: 'metric', name: 'tokens', value: '__2**70__' },
    ];
    // Python ints, not JSON text this test wrote: the placeholders become Python expressions.
    const literal = JSON.stringify(events).replace(/"__(.+?)__"/g, '$1');
    sh('python3', ['-c', `import json\nwith open(".ml-provenance/records.jsonl", "w") as f:\n    for e in ${literal}:\n        f.write(json.dumps(e) + "\\n")`], ws);
    const r = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--out', 'p.json'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const p = read(ws, 'p.json').predicate;
    expect(p.buildDefinition.externalParameters.hyperparameters).toEqual({ seed: String(2n ** 63n + 5n), neg: String(-(2n ** 63n) - 5n), small: 42, lr: 0.001 });
    expect(p.datasets[0].seed).toBe(String(2n ** 63n + 5n));
    expect(p.steps[0]).toMatchObject({ parameters: { seed: String(2n ** 64n) }, seed: String(2n ** 64n - 1n) });
    expect(p.metrics[0].value).toBe(2 ** 70);
    // And Python reading the statement gets the ints back with int().
    const back = sh('python3', ['-c', 'import json; p = json.load(open("p.json"))["predicate"]; print(int(p["buildDefinition"]["externalParameters"]["hyperparameters"]["seed"]) == 2**63 + 5, int(p["steps"][0]["seed"]) == 2**64 - 1)'], ws);
    expect(back.trim()).toBe('True True');
  });

  it('record dataset --seed takes a 64-bit seed exactly', () => {
    const ws = workspace({});
    const r = runCli(['record', 'dataset', '--id', 'd', '--path', 'data/cohort-7-patients/rows.csv', '--seed', '18446744073709551615'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws, '.ml-provenance', 'records.jsonl'), 'utf8')).seed).toBe('18446744073709551615');
  });
});

describe('--anonymize datasets.*.uri', () => {
  it('pseudonymises the path kept beside a file: uri and every other copy of the value; reveal restores each', () => {
    const ws = workspace({ 'cfg.yaml': 'data: data/cohort-7-patients/rows.csv\nlr: 0.1\n' });
    const env = { ML_PROVENANCE_PSEUDONYM_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    expect(runCli(['record', 'dataset', '--id', 'cohort', '--path', 'data/cohort-7-patients/rows.csv'], { cwd: ws }).code).toBe(0);
    expect(runCli(['record', 'command', '--', 'python', 'train.py', '--data', 'data/cohort-7-patients/rows.csv'], { cwd: ws }).code).toBe(0);
    const r = runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--config', 'cfg.yaml', '--anonymize', 'datasets.*.uri', '--out', 'p.json'], { cwd: ws, env });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(path.join(ws, 'p.json'), 'utf8');
    expect(text).not.toContain('cohort-7-patients');
    const p = read(ws, 'p.json').predicate;
    expect(p.pseudonyms.fields).toEqual(
      expect.arrayContaining(['#/datasets/0/uri', '#/datasets/0/annotations/path', '#/configFiles/0/content/data', '#/buildDefinition/externalParameters/config/cfg.yaml/data']),
    );
    // The config's own name and uri are not the dataset's: kept. Its content digest is over the content as recorded.
    expect(p.configFiles[0].name).toBe('cfg.yaml');
    expect(p.configFiles[0].contentDigest).toBe(createHash('sha256').update(JSON.stringify({ data: p.configFiles[0].content.data, lr: 0.1 })).digest('hex'));
    const rev = runCli(['reveal', 'p.json', '--value', 'data/cohort-7-patients/rows.csv', '--format', 'json'], { cwd: ws, env });
    expect(rev.code, rev.stderr).toBe(0);
    const out = JSON.parse(rev.stdout) as { pseudonyms: Array<{ pointer: string; value: string }> };
    const at = Object.fromEntries(out.pseudonyms.map((x) => [x.pointer, x.value]));
    expect(at['#/datasets/0/uri']).toBe('file:data/cohort-7-patients/rows.csv');
    expect(at['#/datasets/0/annotations/path']).toBe('data/cohort-7-patients/rows.csv');
    expect(at['#/configFiles/0/content/data']).toBe('data/cohort-7-patients/rows.csv');
  });

  // The outside reader: every JSON Pointer (RFC 6901) of the statement whose string or key contains `needle`.
  const CLEAR = String.raw`
import json, sys
def esc(k): return k.replace("~", "~0").replace("/", "~1")
def walk(v, ptr, out):
    if isinstance(v, str):
        if sys.argv[2] in v: out.append(ptr)
    elif isinstance(v, list):
        for i, x in enumerate(v): walk(x, f"{ptr}/{i}", out)
    elif isinstance(v, dict):
        for k, x in v.items():
            if sys.argv[2] in k: out.append(f"{ptr}/{esc(k)}")
            walk(x, f"{ptr}/{esc(k)}", out)
out = []
walk(json.load(open(sys.argv[1])), "#", out)
print(json.dumps(sorted(set(out))))
`;
  const clearAt = (ws: string, f: string, needle: string) => JSON.parse(sh('python3', ['-c', CLEAR, f, needle], ws)) as string[];

  it('ordinary records are not refused: a short hidden id inside a longer word or file name, a folder that is the dataset\'s public id; the message says what kind of value leaked', () => {
    const env = { ML_PROVENANCE_PSEUDONYM_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    const probe = (id: string, dataPath: string, anonymize: string, command: string[], subject = 'model.bin') => {
      const ws = workspace({ [subject]: 'weights', 'train.py': 'print(1)' });
      mkdirSync(path.join(ws, path.dirname(dataPath)), { recursive: true });
      writeFileSync(path.join(ws, dataPath), '1\n2\n');
      expect(runCli(['record', 'dataset', '--id', id, '--path', dataPath, '--license', 'MIT'], { cwd: ws }).code).toBe(0);
      expect(runCli(['record', 'step', '--name', 'fit', '--input', id, '--', ...command], { cwd: ws }).code).toBe(0);
      return runCli(['build', '--no-detect-image', '--subject', subject, '--anonymize', anonymize, '--out', 'p.json'], { cwd: ws, env });
    };
    for (const [id, cmd] of [
      ['train', ['python3', 'train.py', '--epochs', '3']],
      ['train', ['python3', 'scripts/train_model.py']],
      ['mnist', ['python3', 'fit.py', '--dataset', 'mnist_small']],
      ['test', ['pytest', 'tests/test_model.py']],
    ] as Array<[string, string[]]>) {
      const r = probe(id, 'data/d.csv', 'datasets.*.id', cmd);
      expect(r.code, `${id} ${cmd.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const onnx = probe('mnist', 'data/d.csv', 'datasets.*.id', ['python3', 'fit.py'], 'mnist-cnn.onnx');
    expect(onnx.code, onnx.stderr).toBe(0);
    const loc = probe('mnist', 'mnist/train/images.csv', 'datasets.*.uri', ['python3', 'train.py', '--model', 'mnist-cnn']);
    expect(loc.code, loc.stderr).toBe(0);

    // Still refused: a distinctive hidden id inside a shell command and the model file's name, each saying it is the dataset id.
    const r = probe('cohort-7-patients', 'data/d.csv', 'datasets.*.id', ['sh', '-c', 'python3 train.py --name cohort-7-patients'], 'cohort-7-patients.onnx');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('cohort-7');
    expect(r.stderr).toContain('error: #/predicate/steps/0/command/2: holds the dataset id (a name) pseudonymised at #/predicate/datasets/0/id in clear (inside a longer text)');
    expect(r.stderr).toContain('error: #/subject/0/name: holds the dataset id (a name) pseudonymised at #/predicate/datasets/0/id in clear (inside a longer text) — give the model file a name that does not repeat the dataset id (a name)');
  });

  it('a joined --data=PATH word is pseudonymised in its value part; a hidden path left in clear elsewhere (a parent folder as a param) fails the build, naming each place', () => {
    const ws = workspace({});
    const env = { ML_PROVENANCE_PSEUDONYM_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    const PATH = 'data/cohort-7-patients/rows.csv';
    for (const args of [
      ['record', 'dataset', '--id', 'cohort', '--path', PATH, '--license', 'LicenseRef-internal'],
      ['record', 'param', `data_path=${PATH}`],
      ['record', 'param', 'data_dir=data/cohort-7-patients'],
      ['record', 'param', `files=${PATH},data/other.csv`],
      ['record', 'step', '--name', 'fit', '--input', 'cohort', '--', 'python3', 'train.py', `--data=${PATH}`, '--epochs=3'],
    ]) expect(runCli(args, { cwd: ws }).code).toBe(0);
    const build = (...extra: string[]) =>
      runCli(['build', '--no-detect-image', '--subject', 'model.bin', '--anonymize', 'datasets.*.uri', ...extra, '--out', 'p.json'], { cwd: ws, env });

    // Refused: nothing written, each place named by its pointer with the fix, the value itself never printed.
    const r = build();
    expect(r.code).toBe(1);
    expect(existsSync(path.join(ws, 'p.json'))).toBe(false);
    expect(r.stderr).not.toContain('cohort-7');
    const named = [...r.stderr.matchAll(/^error: (#\/\S+): holds .* pseudonymised at #\/predicate\/datasets\/0\/uri in clear/gm)].map((m) => m[1]);
    expect(named.sort()).toEqual([
      '#/predicate/buildDefinition/externalParameters/hyperparameters/data_dir',
      '#/predicate/buildDefinition/externalParameters/hyperparameters/files',
    ]);
    expect(r.stderr).toContain('--anonymize buildDefinition.externalParameters.hyperparameters.data_dir');
    expect(r.stderr).toMatch(/still holds pseudonymised values in clear at 2 place\(s\)/);

    // Written anyway on request: Python finds the clear text exactly where build said, and the joined word hidden.
    expect(build('--allow-incomplete').code).toBe(1);
    expect(clearAt(ws, 'p.json', 'cohort-7-patients')).toEqual(named);
    const cmd = read(ws, 'p.json').predicate.steps[0].command as string[];
    expect(cmd.slice(0, 2)).toEqual(['python3', 'train.py']);
    expect(cmd[2]).toMatch(/^--data=pseud:[a-f0-9]{8}:[a-f0-9]{64}$/);
    expect(cmd[3]).toBe('--epochs=3');

    // With those fields named too, the record holds the value nowhere, and reveal restores each place.
    const ok = build('--anonymize', 'buildDefinition.externalParameters.hyperparameters.data_dir', '--anonymize', 'buildDefinition.externalParameters.hyperparameters.files');
    expect(ok.code, ok.stderr).toBe(0);
    expect(clearAt(ws, 'p.json', 'cohort-7')).toEqual([]);
    const rev = runCli(['reveal', 'p.json', '--value', PATH, '--value', 'data/cohort-7-patients', '--value', `${PATH},data/other.csv`, '--format', 'json'], { cwd: ws, env });
    expect(rev.code, rev.stderr).toBe(0);
    const at = Object.fromEntries((JSON.parse(rev.stdout) as { pseudonyms: Array<{ pointer: string; value: string }> }).pseudonyms.map((x) => [x.pointer, x.value]));
    expect(at).toMatchObject({
      '#/steps/0/command/2': PATH,
      '#/buildDefinition/externalParameters/hyperparameters/data_path': PATH,
      '#/buildDefinition/externalParameters/hyperparameters/data_dir': 'data/cohort-7-patients',
      '#/buildDefinition/externalParameters/hyperparameters/files': `${PATH},data/other.csv`,
    });
  });
});
