// Plain YAML scalars as the record reads them (src/capture/yaml-python.ts) against Python itself:
// PyYAML's SafeLoader with OmegaConf's float resolver and no timestamps (omegaconf/_utils.py
// get_yaml_loader), thousands of generated scalars built from the pieces YAML 1.1 resolution
// turns on (signs, `_`, `:`, `0b`/`0x`/`0` prefixes, exponents, yes/no/on/off words).
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePythonYaml } from '../../src/capture/yaml-python.js';
import { PYYAML_READING } from '../helpers/pyyaml-reading.js';

const PIECES = ['0', '1', '7', '8', '9', '12', '59', '60', '_', ':', '.', 'e', 'E', '+', '-', '0x', '0b', '0o', 'f', 'y', 'n', 'Y', 'N', 'yes', 'No', 'ON', 'off', 'true', 'FALSE', 'null', '~', 'inf', 'nan', '.inf', '.NaN', 'a', '2024-01-01'];

const PYTHON = String.raw`
import json, re, sys, yaml
${PYYAML_READING}
out = []
for s in json.load(sys.stdin):
    try: v = yaml.load("k: " + s + "\n", Loader=Reading)["k"]
    except Exception: out.append(None); continue
    if isinstance(v, bool): out.append(["bool", v])
    elif isinstance(v, int): out.append(["int", str(v)])
    elif isinstance(v, float): out.append(["float", repr(v)])
    elif isinstance(v, str): out.append(["str", v])
    elif v is None: out.append(["null"])
    else: out.append(None)
print(json.dumps(out))
`;

function ours(s: string): unknown[] | null {
  let v: unknown;
  try {
    v = (parsePythonYaml(`k: ${s}\n`) as { k: unknown }).k;
  } catch {
    return ['error'];
  }
  if (typeof v === 'boolean') return ['bool', v];
  if (typeof v === 'bigint') return ['int', String(v)];
  if (typeof v === 'number') return ['float', v];
  if (typeof v === 'string') return ['str', v];
  if (v === null) return ['null'];
  return null;
}

describe('YAML plain scalars as Python reads them', () => {
  it('every generated scalar Python reads is the same type and value', () => {
    const scalars = [...new Set(fc.sample(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((a) => a.join('')), 4000))]
      // Text that is not one plain scalar (`- x`, `: x`, a comment) is the parser's business, not resolution's.
      .filter((s) => /^[^-:#~?]|^-[0-9.]|^~$/.test(s));
    const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(scalars), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const python = JSON.parse(r.stdout) as Array<unknown[] | null>;
    const bad: string[] = [];
    scalars.forEach((s, i) => {
      const py = python[i];
      if (!py) return;
      const got = ours(s);
      if (!got) return;
      const same = py[0] === 'float' ? got[0] === 'float' && (Object.is(Number(String(py[1]).replace('inf', 'Infinity')), got[1]) || (Number.isNaN(got[1]) && py[1] === 'nan')) : JSON.stringify(py) === JSON.stringify(got);
      if (!same) bad.push(`${JSON.stringify(s)}: python ${JSON.stringify(py)}, record ${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 20)).toEqual([]);
    // The sample reached every kind.
    const kinds = new Set(python.filter(Boolean).map((p) => p![0]));
    expect([...kinds].sort()).toEqual(['bool', 'float', 'int', 'null', 'str']);
  });
});
