import { describe, expect, it } from 'vitest';
import { diffStatements } from '../../src/lineage/diff.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { BUILTIN_POLICIES } from '../../src/policy/builtin.js';
import { changeCallouts, renderChangesMarkdown } from '../../src/render/changes.js';
import { lineageMermaid } from '../../src/render/lineage.js';
import { mdCode, mdInline, mdLink, mdText, ZWJ } from '../../src/render/markdown.js';
import { guessDirection, judgeChange, mergeOverrides } from '../../src/render/metric-direction.js';
import { renderPublishedMarkdown, renderSummaryMarkdown, renderSummaryText } from '../../src/render/summary.js';
import { parseInputs, parseMetricDirections } from '../../src/action/inputs.js';
import { PolicyFile } from '../../src/schema/policy.js';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { elementCounts, githubHtml, githubTree } from '../helpers/gfm.js';
import { minimalStatement } from './statement-fixture.js';
import type { Element, ElementContent, Root } from 'hast';

describe('markdown escaping of recorded text', () => {
  it('plain text cannot open markup, HTML or a new cell', () => {
    expect(mdText('a|b')).toBe('a\\|b');
    expect(mdText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(mdText('**bold** [link](http://x)')).toBe(`\\*\\*bold\\*\\* \\[link\\](http:${ZWJ}//x)`);
    expect(mdText('two\nlines')).toBe('two lines');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('-0.5')).toBe('-0.5');
    expect(mdText('2.0')).toBe('2.0');
    expect(mdText(undefined)).toBe('—');
  });
  it('mentions, references and bare links are defused with an invisible zero-width joiner', () => {
    expect(mdText('cc @acme/ml-platform')).toBe(`cc @${ZWJ}acme/ml-platform`);
    expect(mdText('fixes #12, GH-3, o/r#4')).toBe(`fixes \\#${ZWJ}12, GH-${ZWJ}3, o/r\\#${ZWJ}4`);
    expect(mdText('see www.x.io')).toBe(`see www${ZWJ}.x.io`);
    const html = githubHtml(`x ${mdText('cc @acme/ml-platform and @octocat, fixes #1 GH-2 https://evil.example www.evil.example a@b.example')}`);
    expect(html).not.toMatch(/<a /);
    // What a person reads is unchanged (the joiner is zero-width).
    expect(html.replace(/\u200d/g, '')).toContain('cc @acme/ml-platform and @octocat, fixes #1 GH-2 https://evil.example www.evil.example a@b.example');
  });
  it('code spans keep the value verbatim, whatever backticks it holds', () => {
    expect(mdCode('model/a.bin')).toBe('`model/a.bin`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
    // A backslash before a pipe would end a GFM table cell: shown as escaped text.
    expect(mdCode('a\\|b')).toBe('a\\\\\\|b');
  });
  it('findings show their commands as code, not as literal backticks', () => {
    const md = mdInline('record it: `ml-provenance record metric --name acc --value N` (see "x|y")');
    expect(md).toBe('record it: `ml-provenance record metric --name acc --value N` (see "x\\|y")');
    expect(githubHtml(md)).toContain('<code>ml-provenance record metric --name acc --value N</code>');
    const st = minimalStatement();
    st.predicate.datasets = [];
    const policy = evaluatePolicy(st, { name: 'strict', rules: BUILTIN_POLICIES.strict });
    const html = githubHtml(renderSummaryMarkdown(st, { policy }));
    expect(html).toContain('<code>ml-provenance record dataset --id ID --uri URI ...</code>');
    expect(html).not.toContain('\\`');
  });
  it('links are made only from http(s) URLs the project built', () => {
    expect(mdLink('run 1', 'https://github.com/o/r/actions/runs/1')).toBe('[run 1](https://github.com/o/r/actions/runs/1)');
    expect(mdLink('x', 'javascript:alert(1)')).toBe('x');
    expect(mdLink('x', 'https://a.example/(y)')).toBe('x');
  });
  it('a hostile metric name or subject does not break the summary tables', () => {
    const st = minimalStatement();
    st.subject[0]!.name = 'model/x|y`.bin';
    st.predicate.metrics = [{ name: 'acc|<b>', value: 0.5, split: 'test' }];
    const md = renderSummaryMarkdown(st);
    expect(md).toContain('| ``model/x\\|y`.bin`` |');
    expect(md).toContain('| acc\\|\\<b\\> | 0.5 | test | — |');
    const c = elementCounts(githubTree(md));
    expect(c.get('b')).toBe(1); // the "Full record" summary label only
  });
  it('environment libraries from records.jsonl cannot add a heading or an image (issue 12)', () => {
    const st = minimalStatement();
    st.predicate.environment.libraries = { '\n## ✅ Security review: approved\n': '![](https://t.example/p.gif)<!--' };
    const tree = githubTree(renderSummaryMarkdown(st));
    const c = elementCounts(tree);
    expect(c.get('img') ?? 0).toBe(0);
    expect(c.get('h2')).toBe(1);
  });
});

describe('metric directions', () => {
  it('guesses from the words of the name', () => {
    for (const n of ['loss', 'val_loss', 'eval/mse', 'test_rmse', 'MAE', 'perplexity', 'wer', 'cer', 'top1_error', 'trainLoss']) expect(guessDirection(n), n).toBe('lower');
    for (const n of ['accuracy', 'eval/acc', 'f1_macro', 'roc_auc', 'precision', 'recall', 'bleu', 'rouge-l', 'mAP']) expect(guessDirection(n), n).toBe('higher');
    for (const n of ['throughput', 'epoch_time', 'lossless_ratio']) expect(guessDirection(n), n).toBeUndefined();
  });
  it('judges a change with the tolerance, overrides winning over the guess', () => {
    expect(judgeChange('mse', 0.1, 0.13)).toBe('regression');
    expect(judgeChange('mse', 0.1, 0.1005)).toBe('worse');
    expect(judgeChange('mse', 0.1, 0.09)).toBe('better');
    expect(judgeChange('accuracy', 0.9, 0.8)).toBe('regression');
    expect(judgeChange('throughput', 10, 5)).toBe('unknown');
    const overrides = mergeOverrides({ throughput: 'higher' }, { mse: { better: 'higher' } });
    expect(judgeChange('throughput', 10, 5, { overrides })).toBe('regression');
    expect(judgeChange('MSE', 0.1, 0.13, { overrides })).toBe('better');
    expect(judgeChange('accuracy', 0.9, 0.85, { tolerance: 0.1 })).toBe('worse');
    expect(judgeChange('loss', 0, 0.001)).toBe('regression');
  });
  it('reads the policy field and the action input', () => {
    const doc = PolicyFile.parse({ version: 1, rules: { metrics: { directions: { latency_ms: 'lower', coverage: { better: 'higher', tolerance: 0.02 } }, tolerance: 0.05 } } });
    expect(doc.rules.metrics?.directions?.coverage).toEqual({ better: 'higher', tolerance: 0.02 });
    expect(() => PolicyFile.parse({ version: 1, rules: { metrics: { directions: { x: 'up' } } } })).toThrow();
    expect(parseMetricDirections('latency_ms: lower\ncoverage = higher 2%\n# comment\n')).toEqual({ latency_ms: 'lower', coverage: { better: 'higher', tolerance: 0.02 } });
    expect(parseMetricDirections('')).toBeUndefined();
    expect(parseInputs((n) => ({ 'subject-path': 'm.bin', 'metric-directions': 'latency: lower' })[n] ?? '').metricDirections).toEqual({ latency: 'lower' });
    expect(() => parseMetricDirections('latency_ms: down')).toThrow(/metric-directions: cannot read line 1 \(its text is not shown/);
  });
});

describe('the reviewer-first summary', () => {
  const base = makeStatement({ run: '1', metrics: [{ name: 'accuracy', value: 0.91, split: 'test' }, { name: 'mse', value: 0.1, split: 'test' }] });
  const head = makeStatement({
    run: '2',
    datasets: [dataset('mnist', '2.0'), dataset('labels', '2024-01')],
    image: 'train-v2',
    hyperparameters: { lr: 0.02, epochs: 2, batch_size: 32 },
    metrics: [{ name: 'accuracy', value: 0.93, split: 'test' }, { name: 'mse', value: 0.13, split: 'test' }],
  });
  const policy = evaluatePolicy(head, { name: 'standard', rules: BUILTIN_POLICIES.standard });
  const md = renderSummaryMarkdown(head, {
    title: { workflow: 'train', job: 'fit', leg: 'model-a' },
    policy,
    signature: { signed: true, instance: 'public-good', identity: 'https://github.com/acme/train/.github/workflows/train.yml@refs/heads/main', rekorLogIndex: '42' },
    mermaid: lineageMermaid(head),
    base: { diff: diffStatements(base, head), label: 'main' },
    links: [{ label: 'artifact ml-provenance', url: 'https://github.com/acme/train/actions/runs/2#artifacts' }],
  });
  const order = (s: string) => md.indexOf(s);

  it('is titled with workflow, job and leg, and opens with the verdict and the signer', () => {
    expect(md.startsWith('## ML provenance · train / fit · model-a\n\n**✅ Complete** under policy `standard` · **🔏 Signed** by `https://github.com/acme/train/')).toBe(true);
    expect(md).toContain('Rekor [log index 42](https://search.sigstore.dev/?logIndex=42)');
    expect(md).toContain('[artifact ml-provenance](https://github.com/acme/train/actions/runs/2#artifacts)');
    expect(md).toContain('[run 2](https://github.com/acme/train/actions/runs/2/attempts/1)');
  });
  it('puts what changed before the lineage and the full record, which folds', () => {
    expect(order('### What changed since the base record (`main`)')).toBeGreaterThan(0);
    expect(order('### What changed')).toBeLessThan(order('### Lineage'));
    expect(order('### Lineage')).toBeLessThan(order('<details><summary><b>Full record</b>'));
    expect(order('#### Model')).toBeGreaterThan(order('<details><summary><b>Full record</b>'));
  });
  it('calls out data and image changes and flags regressions by direction', () => {
    expect(md).toContain('**⚠️ 1 metric regression · ⚠️ training data changed · ⚠️ image changed**');
    expect(md).toMatch(/- ⚠️ \*\*Datasets:\*\* `mnist` version `1.0` → `2.0`, content `sha256:[0-9a-f]{12}` → `sha256:[0-9a-f]{12}`/);
    expect(md).toContain('| accuracy (test) | 0.91 | 0.93 | +0.02 (+2.2 %) | ✅ better |');
    expect(md).toContain('| mse (test) | 0.1 | 0.13 | +0.03 (+30 %) | ⚠️ **regression** |');
    expect(changeCallouts(diffStatements(base, head), { overrides: mergeOverrides({ mse: 'higher' }) })).toEqual(['⚠️ training data changed', '⚠️ image changed']);
  });
  it('keeps every full digest reachable', () => {
    for (const s of head.subject) expect(md).toContain(`${s.digest.sha256}  ${s.name}`);
    for (const d of head.predicate.datasets) expect(md).toContain(d.digest!.sha256!);
    expect(md).toContain(head.predicate.image!.digest!.sha256!);
  });
  it('folds long change lists and keeps them whole under <details>', () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]));
    const d = diffStatements(base, makeStatement({ run: '1', hyperparameters: many, metrics: base.predicate.metrics }));
    const out = renderChangesMarkdown(d);
    expect(out).toMatch(/\*\*Hyperparameters:\*\* .*; and \d+ more/);
    expect(out).toContain('<details><summary>All changes, with whole values and full digests</summary>');
    expect(out).toContain('- added `k8`: `8`');
  });
  it('stays well inside a comment for a record with 1,000 model files and 1,000 changed config keys', () => {
    const models = Array.from({ length: 1000 }, (_, i) => ({ name: `model/shard-${String(i).padStart(4, '0')}.bin` }));
    const config = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`key${i}`, i]));
    const big = makeStatement({ run: '3', models, config });
    const out = renderSummaryMarkdown(big, { policy, mermaid: lineageMermaid(big), base: { diff: diffStatements(makeStatement({ run: '1', models }), big) } });
    expect(out.length).toBeLessThan(60_000);
    expect(out).toContain('and 900 more: `ml-provenance diff BASE HEAD` lists them all');
    expect(out).toMatch(/… and 9\d\d more in `provenance\.intoto\.json`\./);
    expect(out).toMatch(/\*\*Config\*\*\n\n(- .*\n){100}- … and 904 more/);
  });
  it('says so when there is no base record, with a place for why', () => {
    const none = renderSummaryMarkdown(head, { policy, base: { note: 'No base record: the base branch has no `ml-provenance` artifact yet.' } });
    expect(none).toContain('### What changed since the base record\n\n_No base record: the base branch has no `ml-provenance` artifact yet._');
    expect(none).toContain('**Final metrics**');
  });
});

/** The elements of one tag, in document order, and the text a reader sees in one. */
function elements(n: Root | Element, tag: string, out: Element[] = []): Element[] {
  for (const c of n.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === tag) out.push(c);
    elements(c, tag, out);
  }
  return out;
}
const textOf = (n: ElementContent | Root): string => (n.type === 'text' ? n.value : n.type === 'element' || n.type === 'root' ? n.children.map((c) => textOf(c as ElementContent)).join('') : '');

describe('the commands in the summary', () => {
  // Backticks, pipes and a newline in the arguments: `sh -c` scripts and `python -c` snippets hold them.
  const st = makeStatement({
    run: '1',
    command: ['python3', 'train.py', '--note', 'a`b|c\nd'],
    steps: [
      { name: 'prep', inputs: ['mnist'], outputs: ['clean'], command: ['sh', '-c', 'cat x.csv | grep `y`\necho ``done``'], workingDirectory: 'prep' },
      { name: 'split', inputs: ['clean'], outputs: ['train'] },
      { name: 'fit', inputs: ['train'], outputs: [], command: ['python3', 'fit.py', 'a\\|b'] },
    ],
    hyperparameters: {},
    config: {},
  });
  st.predicate.configFiles = [];
  st.predicate.buildDefinition.externalParameters.workingDirectory = 'train';
  const md = renderSummaryMarkdown(st, { base: { note: 'No base record.' } });
  const tree = githubTree(md);

  it('each step has a command cell (its folder when not the root), whole and exact as GitHub renders the table', () => {
    const table = elements(tree, 'table').find((t) => elements(t, 'th').some((th) => textOf(th) === 'command'))!;
    expect(elements(table, 'th').map(textOf)).toEqual(['#', 'step', 'library', 'inputs → outputs', 'parameters', 'command']);
    const rows = elements(table, 'tr').slice(1);
    expect(rows).toHaveLength(3);
    const cells = rows.map((r) => elements(r, 'td'));
    for (const c of cells) expect(c).toHaveLength(6);
    // The newline is spelled as bash's $'…\n', so the command stays one exact line.
    expect(elements(cells[0]![5]!, 'code').map(textOf)).toEqual(["sh -c $'cat x.csv | grep `y`\\necho ``done``'", 'prep/']);
    expect(textOf(cells[0]![5]!)).toBe("sh -c $'cat x.csv | grep `y`\\necho ``done``' in prep/");
    expect(textOf(cells[1]![5]!)).toBe('—');
    // A backslash before a pipe cannot be code in a GFM cell: escaped text, read the same.
    expect(textOf(cells[2]![5]!)).toBe("python3 fit.py 'a\\|b'");
    expect(elements(table, 'br')).toHaveLength(0);
  });

  it('the run\'s command is with the run information, above what changed and the folded record', () => {
    const line = md.split('\n').find((l) => l.startsWith('Command: '))!;
    expect(line).toBe("Command: ``python3 train.py --note $'a`b|c\\nd'`` in `train/`");
    const p = elements(tree, 'p').find((e) => textOf(e).startsWith('Command: '))!;
    expect(textOf(p)).toBe("Command: python3 train.py --note $'a`b|c\\nd' in train/");
    expect(md.indexOf(line)).toBeLessThan(md.indexOf('### What changed'));
    expect(md.indexOf('[run 1]')).toBeLessThan(md.indexOf(line));
    expect(md.split('\n').filter((l) => l.startsWith('Command: '))).toHaveLength(1);
  });

  it('"No config file or hyperparameter recorded" is followed by the next section, not by the command', () => {
    const full = md.slice(md.indexOf('#### Config and hyperparameters'));
    expect(full).toMatch(/^#### Config and hyperparameters\n\n_No config file or hyperparameter recorded\._\n\n#### Metrics/);
    expect(md).not.toContain('_None recorded._');
    const withHp = renderSummaryMarkdown(makeStatement({ run: '1' }));
    expect(withHp).not.toContain('_No config file or hyperparameter recorded._');
  });

  it('the text summary shows the run\'s command and each step\'s, with their folders', () => {
    const text = renderSummaryText(st);
    expect(text).toContain("command: python3 train.py --note $'a`b|c\\nd' (in train/)\n");
    expect(text).toContain("step: prep mnist -> clean; command: sh -c $'cat x.csv | grep `y`\\necho ``done``' (in prep/)\n");
    expect(text).toContain('step: split clean -> train\n');
    expect(text).toContain("step: fit train -> (no outputs); command: python3 fit.py 'a\\|b'\n");
  });
});

describe('the Published section', () => {
  const hex = 'ab'.repeat(32);
  it('links the artifact by its id and each asset by its download URL, with full digests as sha256sum -c lines', () => {
    const md = renderPublishedMarkdown({
      artifact: { name: 'ml-provenance', id: '7', url: 'https://github.com/o/r/actions/runs/9/artifacts/7', digest: `sha256:${hex}` },
      release: { tag: 'v1', assets: [{ name: 'provenance.intoto.json', url: 'https://github.com/o/r/releases/download/v1/provenance.intoto.json', sha256: hex }] },
    });
    expect(md).toContain('- Workflow artifact [ml-provenance](https://github.com/o/r/actions/runs/9/artifacts/7) (id 7)');
    expect(md).toContain(`  - [provenance.intoto.json](https://github.com/o/r/releases/download/v1/provenance.intoto.json): \`sha256:${hex}\``);
    expect(md).toContain(`${hex}  ml-provenance.zip\n${hex}  provenance.intoto.json`);
    expect(renderPublishedMarkdown({})).toBe('');
  });

  it('a hostile name stays text and a URL that is not plain http(s) is not linked', () => {
    const md = renderPublishedMarkdown({ release: { tag: 'v1`](x)', assets: [{ name: '[x](javascript:alert(1))*', url: 'javascript:alert(1)', sha256: hex }] } });
    expect(elementCounts(githubTree(md)).get('a') ?? 0).toBe(0);
    expect(githubHtml(md)).not.toMatch(/href="javascript:/);
  });
});
