import { Scalar, YAMLSeq, isAlias, isScalar, isSeq, parseDocument, visit, type Pair, type ScalarTag } from 'yaml';

/**
 * YAML read as Python training code reads it: PyYAML's `yaml.safe_load` (YAML 1.1 tag
 * resolution, pyyaml/lib/yaml/resolver.py and constructor.py) with the one change Hydra/OmegaConf
 * (and many training scripts, pyyaml issue #173) make to it — `1e-3` is a float. Named in the docs
 * (docs/RECORD.md) and in each YAML config's record (`annotations.yamlReading`), so an auditor
 * knows which reading the values are.
 */
export const YAML_READING = 'pyyaml-safe-omegaconf-float';

const tag = (name: string) => `tag:yaml.org,2002:${name}`;

// PyYAML's implicit resolvers, verbatim. `y`/`n` are strings (the `yaml` package's 1.1 schema
// reads them as booleans, PyYAML does not); `09` is a string, `12:30` is 750 (base 60).
const BOOL_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const BOOL_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
// OmegaConf's float resolver (omegaconf/_utils.py get_yaml_loader), a superset of PyYAML's: it
// adds `1e-3`, `1.0e3` and `1e+3`, which plain PyYAML leaves as strings.
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

function splitSign(text: string): [sign: 1 | -1, rest: string] {
  const v = text.replace(/_/g, '');
  return [v.startsWith('-') ? -1 : 1, /^[-+]/.test(v) ? v.slice(1) : v];
}

/** construct_yaml_int: `017` octal, `0b`, `0x`, `1:30` base 60, `_` ignored. Exact (bigint). */
export function constructInt(text: string, onError: (msg: string) => void): bigint {
  const [sign, v] = splitSign(text);
  const s = BigInt(sign);
  try {
    if (v === '0') return 0n;
    if (v.startsWith('0b')) return s * BigInt(`0b${v.slice(2)}`);
    if (v.startsWith('0x')) return s * BigInt(`0x${v.slice(2)}`);
    if (v.startsWith('0')) return s * BigInt(`0o${v.slice(1)}`);
    if (v.includes(':')) return s * v.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
    return s * BigInt(v);
  } catch {
    onError('not an integer');
    return 0n;
  }
}

/** construct_yaml_float: `_` ignored, `.inf`/`.nan`, base 60 summed in Python's order. */
export function constructFloat(text: string, onError: (msg: string) => void): number {
  const [sign, v] = splitSign(text.toLowerCase());
  if (v === '.inf') return sign * Infinity;
  if (v === '.nan') return NaN;
  if (v.includes(':')) {
    let [value, base] = [0, 1];
    for (const part of v.split(':').reverse()) [value, base] = [value + Number(part) * base, base * 60];
    return sign * value;
  }
  const n = v === '' || /[^0-9.e+-]/.test(v) ? NaN : Number(v);
  if (Number.isNaN(n)) onError('not a float');
  return sign * n;
}

/** `._` matches OmegaConf's rule but is no float (float('.') fails there): PyYAML's string, then. */
function implicitFloat(text: string): number | string {
  let bad = false;
  const n = constructFloat(text, () => (bad = true));
  return bad ? text : n;
}

function constructBool(text: string, onError: (msg: string) => void): boolean {
  if (BOOL_TRUE.test(text)) return true;
  if (!BOOL_FALSE.test(text)) onError('not a boolean');
  return false;
}

// Implicit (plain scalars, `default: true` + `test`) and explicit (`!!int "017"`: no test, so
// the `yaml` package picks them by name) tags. Timestamps have no tag: `2024-01-01` stays the
// text written (OmegaConf does the same; PyYAML gives a date, which JSON cannot hold).
const TAGS: ScalarTag[] = [
  { tag: tag('bool'), default: true, test: BOOL_TRUE, resolve: () => true, identify: (v) => typeof v === 'boolean' },
  { tag: tag('bool'), default: true, test: BOOL_FALSE, resolve: () => false },
  { tag: tag('float'), default: true, test: FLOAT, resolve: implicitFloat },
  { tag: tag('int'), default: true, test: INT, resolve: (s, onError) => constructInt(s, onError) },
  { tag: tag('null'), default: true, test: NULL, resolve: () => new Scalar(null), identify: (v) => v == null },
  { tag: tag('bool'), resolve: (s, onError) => constructBool(s, onError) },
  { tag: tag('float'), resolve: (s, onError) => constructFloat(s, onError) },
  { tag: tag('int'), resolve: (s, onError) => constructInt(s, onError) },
  { tag: tag('null'), resolve: () => new Scalar(null) },
];

type MergeValue = Pair['value'];

/**
 * PyYAML merges every `<<` key of a mapping into one list, later keys over earlier ones (and,
 * within `<<: [*a, *b]`, the first source over later ones). The `yaml` package lets the first
 * `<<` key win, so several are folded into one `<<: [last sources…, …, first sources…]`.
 */
function foldMergeKeys(doc: ReturnType<typeof parseDocument>): void {
  visit(doc, {
    Map(_, map) {
      const merges = map.items.filter((p) => isScalar(p.key) && typeof p.key.value === 'symbol' && p.key.value.description === '<<');
      if (merges.length < 2) return;
      const seq = new YAMLSeq<MergeValue>();
      for (const p of [...merges].reverse()) {
        const source = isAlias(p.value) ? p.value.resolve(doc) : p.value;
        if (isSeq(source)) seq.items.push(...(source.items as MergeValue[]));
        else seq.items.push(p.value);
      }
      merges[0]!.value = seq;
      map.items = map.items.filter((p) => !merges.includes(p) || p === merges[0]);
    },
  });
}

/** Parse one YAML document as YAML_READING reads it; throws the parser's first error. */
export function parsePythonYaml(text: string): unknown {
  const doc = parseDocument(text, {
    prettyErrors: true,
    uniqueKeys: true,
    logLevel: 'error',
    merge: true,
    schema: 'failsafe',
    customTags: (failsafe) => [...failsafe, ...TAGS],
  });
  if (doc.errors.length > 0) throw doc.errors[0];
  foldMergeKeys(doc);
  return doc.toJS({ maxAliasCount: 1000 });
}
