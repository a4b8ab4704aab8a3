import { describe, expect, it } from 'vitest';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { modelsUsingDataset, runLineage } from '../../src/lineage/queries.js';
import { dataset, makeStatement } from '../fixtures/statements.js';

/**
 * Chain of custody across runs: run A preprocesses raw data and writes `features` (hashed
 * from its path); run B reads the same bytes under another id. Nothing but the content
 * links them.
 */
// The same bytes under another version label in an unrelated run are not the same dataset
// version (test/e2e/lineage-signed.test.ts keeps points@2026.11 and @2026.12 apart).
function pipeline() {
  const raw = dataset('raw', '3', 'raw bytes');
  const features = dataset('features', 'a', 'feature bytes', { digestSource: 'computed' });
  const featsIn = dataset('train-features', 'b', 'feature bytes', { digestSource: 'computed' });
  const a = makeStatement({ run: 'prep', datasets: [raw, features], steps: [{ name: 'featurize', inputs: ['raw'], outputs: ['features'] }], models: [] });
  const b = makeStatement({ run: 'train', datasets: [featsIn], steps: [] });
  const other = makeStatement({ run: 'other', datasets: [dataset('unrelated', '1')], steps: [] });
  return graphFromStatements([a, b, other]);
}

describe('lineage across runs by content', () => {
  it('keeps each run\'s own dataset node (its id and version), linked only by content', () => {
    const g = pipeline();
    const feat = g.datasets.find((x) => x.id === 'features')!;
    const input = g.datasets.find((x) => x.id === 'train-features')!;
    expect(input.key).not.toBe(feat.key);
    expect(input.digest).toBe(feat.digest);
  });

  it('which models used the raw data: the training run that read what the preprocessing run wrote', () => {
    const g = pipeline();
    const answers = modelsUsingDataset(g, 'raw');
    expect(answers.map((a) => a.run.invocationId)).toEqual([expect.stringContaining('prep'), expect.stringContaining('train')]);
    expect(answers[1]!.models).toHaveLength(1);
    expect(modelsUsingDataset(g, 'train-features').map((a) => a.run.key)).toEqual(['run:1']);
  });

  it('the training run\'s upstream lineage reaches the raw data through the other run', () => {
    const g = pipeline();
    const l = runLineage(g, 'run:1');
    expect(l.upstreamRuns.map((r) => r.key)).toEqual(['run:0']);
    expect(l.datasets.map((d) => d.id).sort()).toEqual(['features', 'raw', 'train-features']);
    expect(l.steps.map((s) => s.name)).toEqual(['featurize']);
    expect(runLineage(g, 'run:2').upstreamRuns).toEqual([]);
  });
});
