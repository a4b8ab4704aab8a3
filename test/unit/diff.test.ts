import { describe, expect, it } from 'vitest';
import { diffStatements, flatten, renderDiffText } from '../../src/lineage/diff.js';
import { renderDiffMarkdown } from '../../src/render/changes.js';
import { githubHtml } from '../helpers/gfm.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';

const base = makeStatement({ run: '1' });

describe('diffStatements', () => {
  it('reports identical records as identical', () => {
    const d = diffStatements(base, makeStatement({ run: '1' }));
    expect(d.identical).toBe(true);
    expect(renderDiffMarkdown(d)).toMatch(/No changes/);
    expect(renderDiffText(d)).toBe('no changes\n');
  });

  it('finds dataset version and digest changes, additions and removals', () => {
    const next = makeStatement({
      run: '1',
      datasets: [dataset('mnist', '2.0'), dataset('extra', '1', 'x', { license: 'MIT' })],
    });
    const d = diffStatements(base, next);
    expect(d.identical).toBe(false);
    expect(d.datasets.changed).toHaveLength(1);
    expect(d.datasets.changed[0]!.key).toBe('mnist');
    expect(d.datasets.changed[0]!.fields).toEqual(['version', 'digest']);
    expect(d.datasets.changed[0]!.after!.version).toBe('2.0');
    expect(d.datasets.added.map((c) => c.key)).toEqual(['extra']);
    expect(d.datasets.removed.map((c) => c.key)).toEqual(['labels']);
  });

  it('flattens config into paths and reports key-level changes', () => {
    const next = makeStatement({ run: '1', config: { model: { layers: 3 }, optimizer: { lr: 0.01, name: 'adam' }, 'weird.key': [1] } });
    const d = diffStatements(base, next);
    expect(d.config.changed).toEqual([{ key: 'config/train.yaml:model.layers', before: 2, after: 3 }]);
    expect(d.config.removed.map((c) => c.key)).toEqual(['config/train.yaml:model.dropout']);
    expect(d.config.added.map((c) => c.key)).toEqual(['config/train.yaml:["weird.key"][0]']);
    expect([...flatten({ a: [], b: {} }).keys()]).toEqual(['a', 'b']);
  });

  it('compares the last epoch of each metric with a delta', () => {
    const next = makeStatement({
      run: '1',
      metrics: [
        { name: 'loss', value: 0.7, epoch: 0, split: 'train' },
        { name: 'loss', value: 0.4, epoch: 1, split: 'train' },
        { name: 'f1', value: 0.5, epoch: 1 },
      ],
    });
    const d = diffStatements(base, next);
    expect(d.metrics.changed).toHaveLength(1);
    expect(d.metrics.changed[0]!.name).toBe('loss');
    expect(d.metrics.changed[0]!.delta).toBeCloseTo(-0.1, 10);
    expect(d.metrics.added.map((m) => m.name)).toEqual(['f1']);
    expect(d.metrics.removed.map((m) => m.name)).toEqual(['accuracy']);
    const md = renderDiffMarkdown(d);
    expect(md).toContain('| metric | base | this run | change | |');
    expect(md).toContain('| loss (train) | 0.5 | 0.4 | −0.1 (−20 %) | ✅ better |');
    expect(md).toContain('| f1 | — | 0.5 | — | new |');
    expect(md).toContain('| accuracy (test) | 0.91 | — | — | ⚠️ not recorded now |');
    expect(renderDiffText(d)).toMatch(/loss \(train\)\s+0\.5\s+0\.4\s+-0\.1/);
  });

  it('reports hyperparameters, steps, image, command, commit and models', () => {
    const next = makeStatement({
      run: '2',
      hyperparameters: { lr: 0.001, epochs: 2, batch_size: 32 },
      steps: [],
      image: 'train-v2',
      command: ['python3', 'train.py', '--epochs', '3'],
    });
    const d = diffStatements(base, next);
    expect(d.hyperparameters.changed).toEqual([{ key: 'lr', before: 0.01, after: 0.001 }]);
    expect(d.steps.removed.map((s) => s.key)).toEqual(['normalize']);
    expect(d.image?.after).toContain('train-v2');
    expect(d.command?.after).toEqual(['python3', 'train.py', '--epochs', '3']);
    expect(d.gitCommit?.before).toBe(sha('commit-1').slice(0, 40));
    expect(d.subjects.changed.map((c) => c.key)).toEqual(['model/weights.bin']);
    const md = renderDiffMarkdown(d);
    for (const title of ['Hyperparameters', 'Steps', 'Models', 'Source commit', 'Command']) expect(md).toContain(`**${title}:**`);
    expect(md).toContain('- ⚠️ **Image:**');
    for (const title of ['Hyperparameters', 'Steps', 'Models', 'Run']) expect(md).toContain(`**${title}**\n\n- `);
    expect(md).toContain(`- changed \`lr\`\n  - base: \`0.01\`\n  - this run: \`0.001\``);
  });

  it('escapes markdown table cells', () => {
    const next = makeStatement({ run: '1', hyperparameters: { lr: 0.01, epochs: 2, batch_size: 32, note: 'a|b\n<script>' } });
    const md = renderDiffMarkdown(diffStatements(base, next));
    expect(md).toContain('`note` added (`a|b <script>`)');
    expect(md.split('\n').filter((l) => l.startsWith('- added'))).toHaveLength(1);
    // Only inside code spans: GitHub shows it as text.
    expect(githubHtml(md)).not.toContain('<script');
    expect(githubHtml(md)).toContain('<code>a|b &#x3C;script></code>');
  });
});
