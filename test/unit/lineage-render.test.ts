import { describe, expect, it } from 'vitest';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { datasetsForMetric, modelOrigins, modelsUsingDataset } from '../../src/lineage/queries.js';
import {
  mermaidEscape,
  renderDatasetAnswers,
  renderDot,
  renderGraphTable,
  renderMermaid,
  renderMetricAnswers,
  renderModelAnswers,
  lineageMermaid,
  shortenLabel,
  shortenPath,
  subgraph,
} from '../../src/render/lineage.js';
import { dataset, makeStatement } from '../fixtures/statements.js';

describe('renderMermaid', () => {
  it('draws one statement as a small flowchart with final metrics only', () => {
    const text = renderMermaid(graphFromStatements([makeStatement({ run: '77' })]));
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toContain('"mnist@1.0<br/>sha256:');
    expect(text).toContain('"run 77"');
    expect(text).toContain('"normalize<br/>numpy@2.1.0"');
    // loss at epoch 0 is folded away; the final values remain
    expect(text).toContain('loss (train, epoch 1) = 0.5');
    expect(text).not.toContain('epoch 0');
    const nodes = text.split('\n').filter((l) => /^ {2}n\d+[[({/]/.test(l));
    expect(nodes.length).toBeLessThanOrEqual(8);
  });

  it('escapes labels so user text cannot break out of a node', () => {
    const hostile = dataset('evil', '1"]-->x[("pwn', undefined);
    const text = renderMermaid(graphFromStatements([makeStatement({ datasets: [hostile], steps: [] })]));
    expect(text).toContain('evil@1#quot;]--#gt;x[(#quot;pwn');
    expect(text).not.toContain('"pwn');
    expect(mermaidEscape('a#b<c>`d`')).toBe('a#35;b#lt;c#gt;#96;d#96;');
  });

  it('folds a directory of model files into one node', () => {
    const models = Array.from({ length: 12 }, (_, i) => ({ name: `out/model/shard-${i}.bin` }));
    const text = renderMermaid(graphFromStatements([makeStatement({ models })]));
    expect(text).toContain('out/model/ (12 files)');
    expect(text).not.toContain('shard-3');
  });
});

describe('the comment-sized picture (lineageMermaid)', () => {
  it('is top-down, without epochs, and keeps labels short with both ends kept', () => {
    const long = dataset('gs-bucket/very/long/path/to/the/training/corpus-shard-00017', '2024-11-30-rc1', undefined);
    const text = lineageMermaid(makeStatement({ run: '77', datasets: [long], steps: [] }));
    expect(text.startsWith('flowchart TB\n')).toBe(true);
    expect(text).toContain('loss = 0.5');
    expect(text).not.toContain('epoch');
    const labels = [...text.matchAll(/"([^"]*)"/g)].flatMap((m) => m[1]!.split('<br/>'));
    for (const l of labels) expect([...l].length, l).toBeLessThanOrEqual(28);
    expect(text).toContain('"…/corpus-shard-00017<br/>@2024-11-30-rc1<br/>sha256:');
    expect(shortenLabel('abcdefghij', 6)).toBe('abc…ij');
    expect(shortenPath('hf://datasets/acme/support-tickets-en', 24)).toBe('…/support-tickets-en');
    expect(shortenPath('outputs/intent-classifier/', 24)).toBe('…/intent-classifier/');
    expect(shortenPath('s3://bucket/a/b/c/data.parquet', 26)).toBe('s3://bucket/…/data.parquet');
    expect(shortenPath('s3://bucket/a/b/c/data.parquet', 24)).toBe('s3://…/data.parquet');
  });
  it('folds more than three input datasets into one node that keeps the edges', () => {
    const ds = Array.from({ length: 7 }, (_, i) => dataset(`d${i}`, '1', undefined));
    const text = lineageMermaid(makeStatement({ datasets: ds, steps: [] }));
    expect(text).toContain('"+5 more datasets"');
    expect(text).toContain('nmore --> ');
    for (const shown of ['"d0<br/>@1', '"d1<br/>@1']) expect(text).toContain(shown);
    expect(text).not.toContain('"d2<br/>');
  });
  it('escapes & so an entity cannot become HTML in the label', () => {
    expect(mermaidEscape('&lt;img&gt;')).toBe('#38;lt;img#38;gt;');
  });
});

describe('renderDot', () => {
  it('writes a digraph with escaped labels', () => {
    const hostile = dataset('quote', '1"x', undefined);
    const text = renderDot(graphFromStatements([makeStatement({ datasets: [hostile], steps: [] })]));
    expect(text.startsWith('digraph lineage {')).toBe(true);
    expect(text).toContain('label="quote@1\\"x\\nsha256:');
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text).toMatch(/n\d+ -> n\d+;/);
  });
});

describe('tables', () => {
  const g = graphFromStatements([
    makeStatement({ run: '1', datasets: [dataset('mnist', '1.0')] }),
    makeStatement({ run: '2', datasets: [dataset('mnist', '2.0')] }),
  ]);
  it('renders the overview and each query answer', () => {
    expect(renderGraphTable(g)).toMatch(/^run\s+datasets\s+steps\s+models\s+final metrics\n/);
    expect(renderGraphTable(g)).toContain('run 2  mnist@2.0');
    expect(renderMetricAnswers(datasetsForMetric(g, { name: 'accuracy' }))).toContain('mnist@1.0 sha256:');
    expect(renderDatasetAnswers(modelsUsingDataset(g, 'mnist@2.0'))).toContain('model/weights.bin sha256:');
    expect(renderModelAnswers(modelOrigins(g, { path: 'model/weights.bin' })).split('\n').length).toBe(5);
  });
  it('cuts a subgraph to the runs of an answer', () => {
    const sub = subgraph(g, [g.runs[1]!.key]);
    expect(sub.runs.map((r) => r.key)).toEqual([g.runs[1]!.key]);
    expect(sub.datasets.map((d) => d.version)).toContain('2.0');
    expect(sub.datasets.map((d) => d.version)).not.toContain('1.0');
  });
});

describe('metric values in the PR comment\'s diagram', () => {
  it('a whole number past 2^53 is written with six significant digits, not cut in the middle to fit the label', () => {
    const st = makeStatement({ run: '5', metrics: [{ name: 'tokens_seen', value: 2 ** 70 }, { name: 'loss', value: 0.123456789 }] });
    const text = lineageMermaid(st);
    expect(text).toContain(' = 1.18059e+21<br/>');
    expect(text).toContain('loss = 0.123457');
    expect(text).not.toMatch(/\d…\d/);
  });
});
