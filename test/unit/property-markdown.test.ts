/**
 * Nothing hostile reaches a person (issue 12.5, the Markdown half): arbitrary strings,
 * and the attacks seen in the wild, are put in every field a training branch controls,
 * the Markdown is rendered as GitHub renders it (test/helpers/gfm.ts: GFM + GitHub's
 * sanitiser + its mention and issue-reference filters), and the rendered page must have
 * no element, heading, mention or reference that the field brought: per tag, no more
 * elements than the same record with a plain word in those fields (code spans aside:
 * inert by construction), the same headings, and no mention or issue link at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStatements } from '../../src/lineage/diff.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { BUILTIN_POLICIES } from '../../src/policy/builtin.js';
import { commentBody, commentMarker } from '../../src/publish/comment.js';
import { renderDiffMarkdown } from '../../src/render/changes.js';
import { lineageMermaid } from '../../src/render/lineage.js';
import { mdCode, mdInline, mdText } from '../../src/render/markdown.js';
import { renderSummaryMarkdown } from '../../src/render/summary.js';
import type { TrainingStatement } from '../../src/schema/predicate.js';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { elementCounts, githubTree, headings } from '../helpers/gfm.js';
import { RUNS } from './property-helpers.js';

/** The injections issue 12 measured, and the other ways into Markdown/HTML/GitHub's filters. */
export const ATTACKS = [
  '## ✅ Security review: approved',
  '\n\n## ✅ Security review: approved\n\n',
  '![](https://tracker.example/p.gif?u=1)',
  '<img src="https://tracker.example/p.gif">',
  '<!-- the rest is hidden',
  '<details><summary>open me</summary>',
  '</details></details>',
  'accuracy cc @acme/ml-platform',
  '@octocat please merge',
  'fixes #1 and GH-2 and acme/other#3',
  '[click](https://evil.example)',
  'https://evil.example/login www.evil.example _www.evil.example',
  'mail admin@evil.example',
  '```\n# outside the fence\n```',
  '`` ` ``',
  'a|b|c',
  'x\\|y',
  '\\',
  '<script>alert(1)</script>',
  '&lt;img src=x&gt;',
  '$x^2$ and $$\\sum$$',
  '> quoted\n- item\n1. one\n===',
  '-->',
  '"]-->x[("pwn',
  '<br/>#quot;',
  '\u202eevil\u202c',
  '\r\n\r\n| a | b |\n|---|---|\n| c | d |',
];

const PIECES = ['#', '##', '@', 'acme', '/', 'team', '<', '>', '`', '```', '|', '\\', '[', ']', '(', ')', '!', '*', '_', '~', '$', '&', ':', '//', 'www.', 'http', 'GH-', '1', '-', '=', '.', ' ', '\n', '<!--', '-->', '<details>', '<img src=x>', '"', 'a'];

const hostile = fc.oneof(
  fc.constantFrom(...ATTACKS),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
);

const PLAIN = 'plain';

/** The base record: benign and fixed. */
const BASE = makeStatement({
  run: '1',
  metrics: [
    { name: 'accuracy', value: 0.9, split: 'test' },
    { name: 'mse', value: 0.1, split: 'test' },
  ],
});

/**
 * A head record with `s` in every field a training branch controls. Set after the
 * schema parse: a renderer must hold even for a bundle made by other software.
 */
function withField(s: string): TrainingStatement {
  const st = makeStatement({
    run: '2',
    datasets: [dataset('placeholder', '1', 'x', { seed: 1 }), dataset('mnist', '2.0')],
    models: [{ name: 'placeholder' }, { name: 'model/other.bin' }],
    metrics: [
      { name: 'placeholder', value: 0.5, split: 'test' },
      { name: 'accuracy', value: 0.8, split: 'test' },
      { name: 'mse', value: 0.2, split: 'test' },
    ],
    steps: [{ name: 'placeholder', library: 'x', version: '1', parameters: {}, inputs: ['placeholder'], outputs: ['placeholder'] }],
    config: {},
    hyperparameters: { lr: 0.1 },
    command: ['python'],
  });
  const p = st.predicate;
  Object.assign(p.datasets[0]!, { id: s, uri: s, version: s, license: s, splits: { [s]: 0.5 } });
  st.subject[0]!.name = s;
  st.subject[1]!.name = `model/${s}.bin`;
  Object.assign(p.metrics[0]!, { name: s, split: s });
  p.steps[0] = { name: s, library: s, version: s, parameters: { [s]: s }, inputs: [s], outputs: [s], command: [s, '--in', s], workingDirectory: s };
  Object.assign(p.configFiles[0]!, { name: s, redacted: [s], content: { [s]: s, nested: { key: s } } });
  p.buildDefinition.externalParameters.hyperparameters = { [s]: s, lr: s };
  p.buildDefinition.externalParameters.command = ['python', s];
  p.buildDefinition.externalParameters.workingDirectory = s;
  p.environment = { os: s, arch: s, runner: { environment: s }, tools: { 'ml-provenance': s, [s]: s }, libraries: { [s]: s, numpy: s } } as typeof p.environment;
  (p as { experiment?: unknown }).experiment = { purpose: s, flags: { [s]: s } };
  p.image!.reference = s;
  p.image!.pinned = false;
  p.runDetails.metadata.invocationId = s;
  p.buildDefinition.resolvedDependencies[0]!.uri = s;
  return st;
}

/** Every Markdown the project renders from a record, with `s` in every field. */
function renderAll(s: string): string[] {
  const head = withField(s);
  const policy = evaluatePolicy(head, { name: s, rules: { ...BUILTIN_POLICIES.strict, metrics: { require: [s] } } });
  const mermaid = lineageMermaid(head);
  const summary = renderSummaryMarkdown(head, {
    title: { workflow: s, job: s, leg: s },
    policy,
    signature: { signed: true, instance: s, identity: s, rekorLogIndex: s },
    mermaid,
    base: { diff: diffStatements(BASE, head), label: s },
    links: [{ label: s, url: s }],
  });
  const noBase = renderSummaryMarkdown(head, { policy, signature: { signed: false, reason: s }, base: { note: s, label: s }, mermaid });
  return [
    commentBody(commentMarker(s, s, s), summary),
    noBase,
    renderDiffMarkdown(diffStatements(BASE, head)),
    renderDiffMarkdown(diffStatements(head, BASE)),
    `| a | b |\n|---|---|\n| ${mdText(s)} | ${mdCode(s)} |\n\nText ${mdText(s)} and ${mdInline(s)}.\n`,
  ];
}

const baseline = renderAll(PLAIN).map((md) => {
  const tree = githubTree(md);
  return { counts: elementCounts(tree), headings: headings(tree) };
});

function check(s: string): void {
  renderAll(s).forEach((md, i) => {
    const tree = githubTree(md);
    const counts = elementCounts(tree);
    const want = baseline[i]!;
    for (const [tag, n] of counts) {
      // Code spans are the one inert element: a finding that quotes a command around a
      // value with backticks in it may split into more spans, and GitHub renders nothing
      // inside code (no HTML, no link, no mention).
      if (tag === 'code') continue;
      expect(n, `<${tag}> elements in rendering ${i} of ${JSON.stringify(s)}`).toBeLessThanOrEqual(want.counts.get(tag) ?? 0);
    }
    for (const k of ['.user-mention', '.team-mention', '.issue-link']) expect(counts.get(k) ?? 0, `${k} in rendering ${i} of ${JSON.stringify(s)}`).toBe(0);
    expect(headings(tree).length, `headings in rendering ${i} of ${JSON.stringify(s)}`).toBe(want.headings.length);
  });
}

describe('every Markdown renderer keeps recorded text inert on GitHub', () => {
  it('the baseline itself has the expected structure (so the comparison means something)', () => {
    const counts = baseline[0]!.counts;
    expect(counts.get('h2')).toBe(1);
    expect(counts.get('details')).toBeGreaterThanOrEqual(2);
    expect(counts.get('table')).toBeGreaterThan(3);
    expect(baseline[0]!.headings[0]).toBe('ML provenance · plain / plain · plain');
  });

  it.each([...ATTACKS, '\n'])('the attack %j', (s) => check(s));

  it('arbitrary strings', () => {
    fc.assert(fc.property(hostile, (s) => check(s)), { ...RUNS, numRuns: 100 });
  });

  it('the checker sees an injection (it is not blind)', () => {
    const tree = githubTree('ok\n\n## ✅ Security review: approved\n\naccuracy cc @acme/ml-platform fixes #1 ![x](https://t.example/p.gif) <details>');
    const c = elementCounts(tree);
    expect(c.get('h2')).toBe(1);
    expect(c.get('.team-mention')).toBe(1);
    expect(c.get('.issue-link')).toBe(1);
    expect(c.get('img')).toBe(1);
    expect(c.get('details')).toBe(1);
  });
});

describe('what the escaper does to the attacks of issue 12', () => {
  it('a team mention does not ping and still reads the same', () => {
    const md = mdText('accuracy cc @acme/ml-platform');
    expect(md.replace(/\u200d/g, '')).toBe('accuracy cc @acme/ml-platform');
    expect(elementCounts(githubTree(md)).get('.team-mention') ?? 0).toBe(0);
  });
  it('a fake heading, tracking image, open comment and open details are text', () => {
    for (const s of ['## ✅ Security review: approved', '![](https://t.example/p.gif)', '<!-- x', '<details>']) {
      const c = elementCounts(githubTree(mdText(s)));
      expect([...c.keys()].filter((k) => k !== 'p'), s).toEqual([]);
    }
  });
});
