import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { datasetsForMetric, modelOrigins, modelsUsingDataset, parseModelRef, runLineage } from '../../src/lineage/queries.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';

const v1 = dataset('mnist', '1.0');
const v2 = dataset('mnist', '2.0');
const labels = dataset('labels', '2024-01');

function threeRuns() {
  return graphFromStatements([
    makeStatement({ run: '101', datasets: [v1, labels] }),
    makeStatement({
      run: '102',
      datasets: [v2, labels],
      metrics: [
        { name: 'accuracy', value: 0.8, epoch: 0, split: 'test' },
        { name: 'accuracy', value: 0.95, epoch: 1, split: 'test' },
      ],
    }),
    makeStatement({ run: '103', datasets: [v2], steps: [], models: [{ name: 'model/a.bin' }, { name: 'model/b.bin' }] }),
  ]);
}

describe('graphFromStatements', () => {
  it('shares dataset nodes between statements by id, version and digest', () => {
    const g = threeRuns();
    const mnist = g.datasets.filter((d) => d.id === 'mnist');
    expect(mnist.map((d) => d.version).sort()).toEqual(['1.0', '2.0']);
    expect(g.datasets.filter((d) => d.id === 'labels')).toHaveLength(1);
    expect(g.runs).toHaveLength(3);
    expect(g.models).toHaveLength(4);
  });

  it('routes a dataset through its steps: mnist → normalize → mnist-norm → run', () => {
    const g = graphFromStatements([makeStatement({ run: '1', datasets: [v1] })]);
    const run = g.runs[0]!.key;
    const kinds = g.edges.map((e) => `${e.kind}:${e.from.replace(/#.*/, '')}->${e.to}`.replaceAll(run, 'RUN'));
    expect(kinds).toContain('input:dataset:mnist@1.0->RUN/step:0');
    expect(kinds).toContain('output:RUN/step:0->RUN/derived:mnist-norm');
    expect(kinds).toContain('feeds:RUN/derived:mnist-norm->RUN');
    // the raw dataset reaches training only through the step
    expect(g.edges.some((e) => e.kind === 'feeds' && e.from.startsWith('dataset:mnist'))).toBe(false);
    const l = runLineage(g, run);
    expect(l.datasets.map((d) => d.id)).toEqual(['mnist']);
    expect(l.derived.map((d) => d.id)).toEqual(['mnist-norm']);
    expect(l.steps.map((s) => s.name)).toEqual(['normalize']);
  });

  it('keeps derived datasets of different runs apart', () => {
    const g = graphFromStatements([makeStatement({ run: '1' }), makeStatement({ run: '2' })]);
    expect(g.datasets.filter((d) => d.id === 'mnist-norm')).toHaveLength(2);
  });
});

describe('queries', () => {
  it('answers which dataset version produced a metric at an epoch', () => {
    const g = threeRuns();
    const at0 = datasetsForMetric(g, { name: 'accuracy', epoch: 0 });
    expect(at0).toHaveLength(1);
    expect(at0[0]!.metric.value).toBe(0.8);
    expect(at0[0]!.lineage.datasets.map((d) => `${d.id}@${d.version}`)).toEqual(['labels@2024-01', 'mnist@2.0']);
  });

  it('without an epoch returns each run’s final value', () => {
    const g = threeRuns();
    const final = datasetsForMetric(g, { name: 'accuracy', split: 'test' });
    expect(final.map((a) => a.metric.value).sort()).toEqual([0.91, 0.91, 0.95]);
    expect(datasetsForMetric(g, { name: 'nope' })).toEqual([]);
  });

  it('answers which models used a dataset, with and without version', () => {
    const g = threeRuns();
    const all = modelsUsingDataset(g, 'mnist');
    expect(all.map((a) => a.run.invocationId?.match(/runs\/(\d+)/)?.[1])).toEqual(['101', '102', '103']);
    const v2only = modelsUsingDataset(g, 'mnist@2.0');
    expect(v2only.map((a) => a.models.length)).toEqual([1, 2]);
    expect(modelsUsingDataset(g, 'mnist@9.9')).toEqual([]);
  });

  it('accepts dataset ids that contain @', () => {
    const odd = dataset('org/set@eu', '3');
    const g = graphFromStatements([makeStatement({ datasets: [odd], steps: [] })]);
    expect(modelsUsingDataset(g, 'org/set@eu')).toHaveLength(1);
    expect(modelsUsingDataset(g, 'org/set@eu@3')).toHaveLength(1);
  });

  it('answers what trained a model, by path and by digest', () => {
    const g = threeRuns();
    const digest = sha('model/a.bin#103');
    const byDigest = modelOrigins(g, parseModelRef(`sha256:${digest}`));
    expect(byDigest).toHaveLength(1);
    expect(byDigest[0]!.lineage.datasets.map((d) => d.version)).toEqual(['2.0']);
    expect(modelOrigins(g, parseModelRef(digest))).toHaveLength(1);
    const byPath = modelOrigins(g, parseModelRef('./model/weights.bin'));
    expect(byPath).toHaveLength(2);
    expect(modelOrigins(g, parseModelRef('nope.bin'))).toEqual([]);
  });

  it('finds one model digest recorded by two runs under two names', () => {
    const shared = sha('same-bytes');
    const g = graphFromStatements([
      makeStatement({ run: '1', models: [{ name: 'a.bin', sha256: shared }] }),
      makeStatement({ run: '2', models: [{ name: 'b.bin', sha256: shared }] }),
    ]);
    expect(g.models).toHaveLength(1);
    expect(g.models[0]!.paths).toEqual(['a.bin', 'b.bin']);
    expect(modelOrigins(g, { sha256: shared })).toHaveLength(2);
  });
});

describe('run ids are statement digests', () => {
  it('the key is sha256 of the statement bytes (as given, else as build writes them) and the same statement twice is one run', () => {
    const st = makeStatement({ run: '41' });
    const bytes = JSON.stringify(st, null, 2) + '\n';
    const digest = createHash('sha256').update(bytes).digest('hex');
    expect(graphFromStatements([st]).runs[0]!.key).toBe(`sha256:${digest}`);
    expect(graphFromStatements([{ statement: st, digest: 'f'.repeat(64) }]).runs[0]!.key).toBe(`sha256:${'f'.repeat(64)}`);
    // Stable: adding another record does not renumber this one.
    const other = makeStatement({ run: '42' });
    expect(graphFromStatements([other, st]).runs[1]!.key).toBe(`sha256:${digest}`);
    expect(graphFromStatements([st, st, other]).runs).toHaveLength(2);
  });
});
