import { describe, expect, it } from 'vitest';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { distance, listKnown, mostRelevant, noMatchError, whyNoDataset, whyNoMetric } from '../../src/lineage/no-match.js';
import { minimalStatement } from './statement-fixture.js';

describe('what an empty lineage answer lists', () => {
  it('closest spelling first, then the most runs, then the latest; says how many more', () => {
    expect(distance('tset', 'test')).toBe(1);
    expect(distance('MSE', 'mse')).toBe(0);
    const known = ['accuracy', 'loss', 'mse', 'mae', 'rmse', 'f1', 'auc'].map((value, i) => ({ value, runs: i === 3 ? 9 : 1 }));
    // A typo away first; then by runs (mae), then by name.
    expect(mostRelevant('msee', known).map((k) => k.value).slice(0, 3)).toEqual(['mse', 'mae', 'accuracy']);
    expect(listKnown('msee', known, 3)).toBe('mse, mae, accuracy and 4 more');
    expect(listKnown('acuracy', known, 2)).toBe('accuracy, mae and 5 more');
    const versions = [{ value: 'v1', runs: 1, last: '2026-01-01' }, { value: 'v3', runs: 1, last: '2026-03-01' }, { value: 'v2', runs: 1, last: '2026-02-01' }];
    expect(listKnown('v9', versions)).toBe('v3, v2, v1');
    // Not a typo of either: the latest first.
    expect(listKnown('1999.01', [{ value: '2026.11', runs: 1, last: '2026-11-01' }, { value: '2026.12', runs: 2, last: '2026-12-01' }])).toBe('2026.12, 2026.11');
    expect(listKnown(7, [1, 2, 3, 4, 5, 6, 8, 40].map((e) => ({ value: String(e), runs: 1 })), 4)).toBe('6, 8, 5, 4 and 4 more');
    // As docs/AUDITING.md shows it: epochs 0-99, asked 150.
    expect(listKnown(150, Array.from({ length: 100 }, (_, e) => ({ value: String(e), runs: 1 })))).toBe('99, 98, 97, 96, 95 and 95 more');
    // Equally near: by number, not text (4 before 10).
    expect(listKnown(7, ['10', '4'].map((value) => ({ value, runs: 1 })))).toBe('4, 10');
  });

  it('over a graph: the metric, its split, its epoch; the dataset, its version', () => {
    const a = minimalStatement();
    a.predicate.metrics = [{ name: 'mse', value: 1, epoch: 1, split: 'test' }, { name: 'mse', value: 1, epoch: 2, split: 'train' }];
    const g = graphFromStatements([{ statement: a }]);
    expect(whyNoMetric(g, { name: 'mse', split: 'tset' })).toMatchObject({ part: 'split', known: [{ value: 'test' }, { value: 'train' }] });
    expect(whyNoMetric(g, { name: 'mse', split: 'test', epoch: 2 })).toMatchObject({ part: 'epoch', split: 'test', known: [{ value: '1', runs: 1 }] });
    expect(whyNoMetric(g, { name: 'loss' })).toMatchObject({ part: 'metric', known: [{ value: 'mse', runs: 1 }] });
    const id = a.predicate.datasets[0]!.id;
    expect(whyNoDataset(g, `${id}@nope`)).toMatchObject({ part: 'version', dataset: id, asked: 'nope' });
    expect(whyNoDataset(g, 'nope')).toMatchObject({ part: 'dataset', known: [{ value: id }] });
  });

  it('words each part, with the fix for it', () => {
    const where = 'among the 2 record(s) given';
    expect(noMatchError({ part: 'split', metric: 'mse', asked: 'x', known: [{ value: '', runs: 2 }] }, where, 'pass the folder').userMessage).toBe(
      'metric mse has no split x among the 2 record(s) given — it is recorded without a split: leave out --split',
    );
    expect(noMatchError({ part: 'version', dataset: 'my data', asked: 'v9', known: [{ value: 'v1', runs: 1 }] }, where, 'pass the folder').userMessage).toBe(
      "dataset 'my data' has no version v9 among the 2 record(s) given — its versions: v1; pass --dataset 'my data@VERSION' with one of them, or --dataset 'my data' for every version",
    );
    expect(noMatchError({ part: 'repository', asked: 'a/b', known: [], unnamed: 3 }, 'in s.db', 'ingest them').userMessage).toBe(
      "no run of repository a/b in s.db — 3 run(s) name no repository (built outside GitHub Actions); pass '*' for every run; ingest them",
    );
  });
});
