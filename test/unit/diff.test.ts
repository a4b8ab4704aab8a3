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

describe('the folder a command ran in (workingDirectory)', () => {
  const withDir = (dir: string | undefined, command = ['python3', 'trainer.py']) => {
    const st = makeStatement({ run: '1', command });
    if (dir) st.predicate.buildDefinition.externalParameters.workingDirectory = dir;
    return st;
  };
  const step = (dir: string | undefined, command?: string[]) => ({
    name: 'prep',
    inputs: ['mnist'],
    outputs: ['mnist-clean'],
    ...(command ? { command } : {}),
    ...(dir ? { workingDirectory: dir } : {}),
  });

  it('a changed, added or removed run folder is a change, in JSON as the command is', () => {
    const moved = diffStatements(withDir('train'), withDir('experiments/train'));
    expect(moved.identical).toBe(false);
    expect(moved.workingDirectory).toEqual({ before: 'train', after: 'experiments/train' });
    expect(moved.command).toBeUndefined();
    // The JSON `diff --format json` prints: the same {before, after} shape as `command`.
    expect(JSON.parse(JSON.stringify(moved)).workingDirectory).toEqual({ before: 'train', after: 'experiments/train' });
    expect(diffStatements(withDir(undefined), withDir('train')).workingDirectory).toEqual({ after: 'train' });
    expect(diffStatements(withDir('train'), withDir(undefined)).workingDirectory).toEqual({ before: 'train' });
    expect(diffStatements(withDir('train'), withDir('train')).identical).toBe(true);
  });

  it('Markdown and text say "command folder: train/ → experiments/train/", the root by name', () => {
    const md = renderDiffMarkdown(diffStatements(withDir('train'), withDir('experiments/train')));
    expect(md).toContain('- **Command folder:** `train/` → `experiments/train/`');
    expect(md).toContain('- changed `command folder`\n  - base: `train/`\n  - this run: `experiments/train/`');
    expect(md).not.toContain('**Command:**');
    expect(renderDiffText(diffStatements(withDir('train'), withDir('experiments/train')))).toMatch(/^command folder\s+train\/\s+experiments\/train\/$/m);
    expect(renderDiffMarkdown(diffStatements(withDir(undefined), withDir('train')))).toContain('- **Command folder:** _checkout root_ → `train/`');
    expect(renderDiffMarkdown(diffStatements(withDir('train'), withDir(undefined)))).toContain('- **Command folder:** `train/` → _checkout root_');
    expect(renderDiffText(diffStatements(withDir('train'), withDir(undefined)))).toMatch(/^command folder\s+train\/\s+\(checkout root\)$/m);
    // A command recorded only now had no folder before: not "the root".
    const added = makeStatement({ run: '1' });
    delete added.predicate.buildDefinition.externalParameters.command;
    const md2 = renderDiffMarkdown(diffStatements(added, withDir('train')));
    expect(md2).toContain('- **Command:** — → `python3 trainer.py`');
    expect(md2).toContain('- **Command folder:** — → `train/`');
  });

  it("a step's folder and command: data with before/after, and the line says which changed", () => {
    const a = makeStatement({ run: '1', steps: [step('prep', ['python3', 'prep.py'])] });
    const b = makeStatement({ run: '1', steps: [step('experiments/prep', ['python3', 'prep.py'])] });
    const d = diffStatements(a, b);
    expect(d.identical).toBe(false);
    expect(d.steps.changed).toEqual([
      {
        key: 'prep',
        before: 'mnist→mnist-clean $ python3 prep.py (in prep/)',
        after: 'mnist→mnist-clean $ python3 prep.py (in experiments/prep/)',
        fields: ['workingDirectory'],
        workingDirectory: { before: 'prep', after: 'experiments/prep' },
      },
    ]);
    const md = renderDiffMarkdown(d);
    expect(md).toContain('- **Steps:** `prep` folder `prep/` → `experiments/prep/`');
    expect(renderDiffText(d)).toMatch(/^changed\s+prep\s+mnist→mnist-clean \$ python3 prep\.py \(in prep\/\)\s+mnist→mnist-clean \$ python3 prep\.py \(in experiments\/prep\/\)$/m);

    const c = makeStatement({ run: '1', steps: [step(undefined, ['python3', 'prep.py', '--fast'])] });
    const both = diffStatements(a, c).steps.changed[0]!;
    expect(both.fields).toEqual(['command', 'workingDirectory']);
    expect(both.command).toEqual({ before: ['python3', 'prep.py'], after: ['python3', 'prep.py', '--fast'] });
    expect(both.workingDirectory).toEqual({ before: 'prep' });
    expect(renderDiffMarkdown(diffStatements(a, c))).toContain('- **Steps:** `prep` command `python3 prep.py` → `python3 prep.py --fast`, folder `prep/` → _checkout root_');
    // Other fields are named, as a dataset's are.
    const lib = makeStatement({ run: '1', steps: [{ ...step('prep', ['python3', 'prep.py']), library: 'pandas' }] });
    expect(renderDiffMarkdown(diffStatements(a, lib))).toContain('- **Steps:** `prep` changed (library)');
  });
});
