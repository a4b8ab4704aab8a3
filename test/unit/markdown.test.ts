import { describe, expect, it } from 'vitest';
import { mdCode, mdText } from '../../src/render/markdown.js';
import { renderSummaryMarkdown } from '../../src/render/summary.js';
import { minimalStatement } from './statement-fixture.js';

describe('markdown escaping of recorded text', () => {
  it('plain text cannot open markup, HTML or a new cell', () => {
    expect(mdText('a|b')).toBe('a\\|b');
    expect(mdText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(mdText('**bold** [link](http://x)')).toBe('\\*\\*bold\\*\\* \\[link\\](http://x)');
    expect(mdText('two\nlines')).toBe('two lines');
    expect(mdText(undefined)).toBe('—');
  });
  it('code spans keep the value verbatim, whatever backticks it holds', () => {
    expect(mdCode('model/a.bin')).toBe('`model/a.bin`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
  });
  it('a hostile metric name or subject does not break the summary tables', () => {
    const st = minimalStatement();
    st.subject[0]!.name = 'model/x|y`.bin';
    st.predicate.metrics = [{ name: 'acc|<b>', value: 0.5, split: 'test' }];
    const md = renderSummaryMarkdown(st);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    // Every table row has the same number of unescaped cell separators as its header.
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|').length).toBeGreaterThanOrEqual(3);
    expect(md).toContain('| ``model/x\\|y`.bin`` |');
    expect(md).toContain('| acc\\|\\<b\\> | 0.5 | test | — |');
    expect(md).not.toContain('<b>');
  });
});
