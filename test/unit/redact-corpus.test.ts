// Recall on the credential corpus and false positives on the ordinary ML corpus
// (test/corpora). Every credential is planted at every site a user can put one
// (by key in YAML/JSON/TOML, under an innocent key, through a YAML alias, in a
// Kubernetes env list, in a shell block, in command lines, recorded params,
// dataset URIs); every ordinary config must come out unchanged. The measured
// figures are printed (they are quoted in docs/SECURITY.md), and secretlint's
// recommended rules serve as an outside reference: whatever they find, we find.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { quote } from 'shell-quote';
import { stringify as toToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { configFormat, parseConfigText } from '../../src/capture/config.js';
import { REDACTED, redactArgv, redactRecorded, redactString, redactValue, shellWords } from '../../src/redact/index.js';
import { randomTokens } from '../../src/redact/entropy.js';
import { valueRuleMatches } from '../../src/redact/rules.js';
import { queryStringSecrets, urlSecrets } from '../../src/redact/urls.js';
import { CREDENTIALS, type Credential } from '../corpora/credentials.js';
import { minimalStatement } from './statement-fixture.js';

const ORDINARY = path.resolve(import.meta.dirname, '..', 'corpora', 'ordinary');

const kebab = (k: string) => k.toLowerCase().replace(/_/g, '-');
const snake = (k: string) => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
const yamlScalar = (v: string) => JSON.stringify(v);

/** A site: where a credential is planted, and the text or structure that comes out. */
interface Site {
  name: string;
  /** Only for credentials recognisable by value (an innocent key gives no context). */
  valueOnly?: boolean;
  /** Only for single-line values (command lines). */
  singleLine?: boolean;
  out: (c: Credential) => string;
}

const cfg = (text: string, file: string) => JSON.stringify(redactValue(parseConfigText(text, configFormat(file), file)).value);
const recorded = (mut: (p: ReturnType<typeof minimalStatement>['predicate']) => void) => {
  const p = structuredClone(minimalStatement().predicate);
  mut(p);
  return JSON.stringify(redactRecorded(p));
};

const SITES: Site[] = [
  { name: 'YAML by key', out: (c) => cfg(toYaml({ training: { lr: 0.1 }, env: { [c.key]: c.value } }), 'c.yaml') },
  { name: 'JSON by key', out: (c) => cfg(JSON.stringify({ [c.key]: c.value }), 'c.json') },
  { name: 'TOML by key', out: (c) => cfg(toToml({ service: { [c.key]: c.value } }), 'c.toml') },
  { name: 'YAML under an innocent key', valueOnly: true, out: (c) => cfg(toYaml({ note: c.value, list: [c.value] }), 'c.yaml') },
  { name: 'YAML alias into an innocent key', out: (c) => cfg(`secrets:\n  ${c.key}: &cred ${yamlScalar(c.value)}\nrun:\n  note: *cred\n`, 'c.yaml') },
  { name: 'Kubernetes env list', out: (c) => cfg(toYaml({ env: [{ name: 'LR', value: '0.1' }, { name: c.key, value: c.value }] }), 'c.yaml') },
  {
    name: 'shell block in YAML',
    out: (c) => cfg(toYaml({ steps: [{ run: `export ${c.key.replace(/-/g, '_')}=${quote([c.value])}\npython train.py --epochs 3\n` }] }), 'c.yaml'),
  },
  { name: 'command --flag value', singleLine: true, out: (c) => JSON.stringify(redactArgv(['python', 'train.py', `--${kebab(c.key)}`, c.value]).argv) },
  { name: 'command --flag=value', singleLine: true, out: (c) => JSON.stringify(redactArgv(['python', 'train.py', `--${kebab(c.key)}=${c.value}`]).argv) },
  { name: 'command KEY=value', singleLine: true, out: (c) => JSON.stringify(redactArgv(['env', `${c.key}=${c.value}`, 'python', 'train.py']).argv) },
  { name: 'Hydra override', singleLine: true, out: (c) => JSON.stringify(redactArgv(['python', 'train.py', `trainer.${snake(c.key)}=${c.value}`]).argv) },
  { name: 'bash -c "…"', singleLine: true, out: (c) => JSON.stringify(redactArgv(['bash', '-c', `python train.py --${kebab(c.key)} ${quote([c.value])} --lr 3e-4`]).argv) },
  { name: 'command string (DVC cmd, MLflow param)', singleLine: true, out: (c) => JSON.stringify(redactValue({ cmd: `python train.py --${kebab(c.key)} ${quote([c.value])}` }).value) },
  { name: 'recorded param by key', out: (c) => recorded((p) => (p.buildDefinition.externalParameters.hyperparameters = { lr: 0.1, [c.key]: c.value })) },
  { name: 'recorded param, innocent key', valueOnly: true, out: (c) => recorded((p) => (p.buildDefinition.externalParameters.hyperparameters = { note: c.value })) },
  { name: 'step parameter', out: (c) => recorded((p) => (p.steps = [{ name: 'fetch', parameters: { [c.key]: c.value } }])) },
  { name: 'environment extra', out: (c) => recorded((p) => (p.environment = { ...p.environment, extra: { [c.key]: c.value } })) },
  { name: 'dataset URI', valueOnly: true, singleLine: true, out: (c) => recorded((p) => (p.datasets = [{ ...p.datasets[0]!, uri: /^[a-z+]+:/.test(c.value) ? c.value : `https://data.example.com/x?note=${c.value}` }])) },
];

describe('credential corpus: recall at every site', () => {
  const rows: Array<{ site: string; planted: number; hidden: number; missed: string[] }> = [];
  for (const site of SITES) {
    it(site.name, () => {
      const items = CREDENTIALS.filter((c) => (!site.valueOnly || c.detect === 'value') && (!site.singleLine || !c.value.includes('\n')));
      const missed = items.filter((c) => site.out(c).includes(c.needle)).map((c) => c.name);
      rows.push({ site: site.name, planted: items.length, hidden: items.length - missed.length, missed });
      expect(missed).toEqual([]);
    });
  }
  it('reports recall', () => {
    const planted = rows.reduce((a, r) => a + r.planted, 0);
    const hidden = rows.reduce((a, r) => a + r.hidden, 0);
    const formats = CREDENTIALS.length;
    console.log(`redaction recall: ${hidden}/${planted} planted credentials hidden (${((100 * hidden) / planted).toFixed(1)} %), ${formats} formats × ${SITES.length} sites`);
    expect(formats).toBeGreaterThanOrEqual(80);
  });
});

/** Count leaf values of a parsed document. */
function leaves(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((a: number, x) => a + leaves(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((a: number, x) => a + leaves(x), 0);
  return 1;
}

/** Every string value in a parsed document. */
function stringsOf(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsOf(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => stringsOf(x, out));
  return out;
}

describe('ordinary ML corpus: nothing redacted', () => {
  const files = readdirSync(ORDINARY).sort();
  let values = 0;
  let redacted = 0;
  for (const f of files) {
    it(f, () => {
      const doc = parseConfigText(readFileSync(path.join(ORDINARY, f), 'utf8'), configFormat(f), f);
      const r = redactValue(doc);
      values += leaves(doc);
      // Command strings inside it are also read as argv (as DVC cmd / MLflow params are).
      const argvHits = stringsOf(doc)
        .map((s) => shellWords(s))
        .filter((w): w is string[] => !!w && w.length > 1)
        .flatMap((w) => redactArgv(w).indices.map((i) => w[i]));
      const stringHits = stringsOf(doc).filter((s) => redactString(s) !== undefined);
      redacted += r.paths.length;
      expect({ paths: r.paths, argvHits, stringHits }).toEqual({ paths: [], argvHits: [], stringHits: [] });
      expect(r.value).toEqual(doc);
    });
  }
  it('the entropy rule alone: its false positives on ordinary strings, and what it adds on credentials', () => {
    const ordinary = files.flatMap((f) => stringsOf(parseConfigText(readFileSync(path.join(ORDINARY, f), 'utf8'), configFormat(f), f)));
    const flagged = ordinary.filter((s) => randomTokens(s).length > 0);
    const onlyEntropy = CREDENTIALS.filter(
      (c) => !valueRuleMatches(c.value).length && !urlSecrets(c.value).length && !queryStringSecrets(c.value).length && randomTokens(c.value).some((t) => t.includes(c.needle) || c.needle.includes(t)),
    );
    console.log(`redaction entropy rule: ${flagged.length}/${ordinary.length} ordinary strings flagged; ${onlyEntropy.length} corpus formats found by value only through it (${onlyEntropy.map((c) => c.name).join(', ')})`);
    expect(flagged).toEqual([]);
  });

  it('reports the false-positive rate', () => {
    console.log(`redaction false positives: ${redacted}/${values} ordinary values redacted (${((100 * redacted) / values).toFixed(2)} %) in ${files.length} configs`);
    expect(values).toBeGreaterThan(500);
  });
});

describe('secretlint (recommended preset) as an outside reference', () => {
  it('every corpus value that secretlint reports is hidden by value or by its name', async () => {
    const { rules } = (await import('@secretlint/secretlint-rule-preset-recommend')) as unknown as {
      rules: Array<{ meta: { id: string }; create: (ctx: unknown, opts: unknown) => { file?: (src: unknown) => void } }>;
    };
    let reported = 0;
    for (const c of CREDENTIALS) {
      const content = `${c.key}=${c.value}\n`;
      const hits: string[] = [];
      for (const rule of rules) {
        const ctx = { report: () => hits.push(rule.meta.id), createTranslator: () => (id: string) => id, ignore() {}, registerRule() {} };
        rule.create(ctx, {}).file?.({ content, filePath: '/corpus/.env', ext: '.env', contentType: 'text' });
      }
      if (!hits.length) continue;
      reported++;
      const ours = JSON.stringify(redactValue({ [c.key]: c.value, note: c.detect === 'value' ? c.value : REDACTED }).value);
      expect(ours, `${c.name} (secretlint: ${hits.join(', ')})`).not.toContain(c.needle);
    }
    console.log(`secretlint recommended preset reports ${reported}/${CREDENTIALS.length} corpus formats; all of them are hidden here`);
    expect(reported).toBeGreaterThan(10);
  });
});
