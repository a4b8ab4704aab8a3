import { describe, expect, it } from 'vitest';
import { attribute, renderAttribution } from '../../src/lineage/attribute.js';
import { bundleSignedAt, health, renderHealth, repositoryOf } from '../../src/lineage/health.js';
import { resolvePolicy } from '../../src/policy/index.js';
import type { TrainingStatement } from '../../src/schema/predicate.js';
import { minimalStatement } from './statement-fixture.js';

/** A run: the fixture with a tokenize step, optional dedupe step, a seed and a test mse. */
function run(o: { maxLen?: number; dedupe?: boolean; lr?: number; mse: number; data?: string }): TrainingStatement {
  const st = minimalStatement();
  st.predicate.steps = [
    { name: 'tokenize', library: 'tokenizers', version: '0.19', parameters: { max_len: o.maxLen ?? 512 } },
    ...(o.dedupe ? [{ name: 'dedupe', library: 'datasketch', version: '1.6', parameters: { threshold: 0.8 } }] : []),
  ];
  st.predicate.buildDefinition.externalParameters.hyperparameters = { lr: o.lr ?? 0.01 };
  if (o.data) st.predicate.datasets[0]!.digest = { sha256: o.data.repeat(64) };
  st.predicate.metrics = [
    { name: 'mse', value: o.mse + 1, epoch: 1, split: 'test' },
    { name: 'mse', value: o.mse, epoch: 2, split: 'test' },
  ];
  return st;
}

describe('lineage --attribute', () => {
  it('reports the metric delta of each one-factor change, from pairs of otherwise-identical runs', () => {
    const runs = [
      run({ mse: 0.5 }),
      run({ mse: 0.4, maxLen: 1024 }),
      run({ mse: 0.3, dedupe: true }),
      run({ mse: 0.31, dedupe: true, lr: 0.02, data: '3' }), // differs in two factors from every other run: no pair
      run({ mse: 0.52 }), // same factors as the first: noise
    ].map((statement, i) => ({ id: `run${i}`, statement }));
    const r = attribute(runs, { name: 'mse', split: 'test' });
    expect(r.runsWithMetric).toBe(5);
    const dedupe = r.effects.find((e) => e.factor === 'step dedupe')!;
    expect(dedupe).toMatchObject({ kind: 'step', from: null, to: 'present', pairs: 2 });
    expect(dedupe.meanDelta).toBeCloseTo(((0.3 - 0.5) + (0.3 - 0.52)) / 2);
    expect(dedupe.minDelta).toBeCloseTo(0.3 - 0.52);
    const maxLen = r.effects.find((e) => e.factor === 'step tokenize: parameter max_len')!;
    expect(maxLen).toMatchObject({ kind: 'step-parameter', from: 512, to: 1024, pairs: 2 });
    expect(r.effects.some((e) => e.factor === 'hyperparameter lr')).toBe(false);
    expect(r.noise).toEqual({ groups: 1, runs: 2, maxSpread: expect.closeTo(0.02) });
    // Strongest mean effect first.
    expect(r.effects[0]!.factor).toBe('step dedupe');
    const text = renderAttribution(r);
    expect(text).toMatch(/step dedupe: \(none\) → present\s+2/);
    expect(text).toMatch(/not cause/);
  });

  it('says plainly when the records cannot answer', () => {
    const r = attribute([{ id: 'a', statement: run({ mse: 0.5 }) }, { id: 'b', statement: run({ mse: 0.4, maxLen: 1, lr: 0.5 }) }], { name: 'mse' });
    expect(r.effects).toEqual([]);
    expect(r.note).toMatch(/no two of the 2 runs .* differ in exactly one recorded factor/);
    expect(attribute([{ id: 'a', statement: run({ mse: 1 }) }], { name: 'acc' }).note).toMatch(/0 run\(s\) record metric "acc"/);
  });
});

describe('lineage --health', () => {
  it('completeness per repository and month, failing runs, late records', async () => {
    const ok = minimalStatement();
    ok.predicate.runDetails.metadata.finishedOn = '2026-10-03T10:00:00.000Z';
    const thin = minimalStatement();
    thin.predicate.datasets = [];
    thin.predicate.runDetails.metadata.finishedOn = '2026-10-20T10:00:00.000Z';
    const nov = minimalStatement();
    nov.predicate.runDetails.metadata.finishedOn = '2026-11-01T00:00:00.000Z';
    expect(repositoryOf(ok)).toBe('o/r');
    const h = health(
      [
        { id: 'a', statement: ok, verified: true, signedAt: '2026-10-03T10:05:00.000Z' },
        { id: 'b', statement: thin, verified: true, signedAt: '2026-10-20T10:05:00.000Z' },
        { id: 'c', statement: nov, verified: false, signedAt: '2026-11-04T00:00:00.000Z' },
      ],
      await resolvePolicy('standard'),
    );
    expect(h.periods).toEqual([
      { repository: 'o/r', period: '2026-10', runs: 2, complete: 1, completeness: 0.5, fields: { 'datasets.min': 0.5 } },
      { repository: 'o/r', period: '2026-11', runs: 1, complete: 1, completeness: 1, fields: {} },
    ]);
    expect(h.failing).toEqual([{ id: 'b', repository: 'o/r', finishedOn: '2026-10-20T10:00:00.000Z', missing: ['datasets'] }]);
    expect(h.late).toEqual([{ id: 'c', repository: 'o/r', finishedOn: '2026-11-01T00:00:00.000Z', signedAt: '2026-11-04T00:00:00.000Z', hoursLate: 72, verified: false }]);
    expect(renderHealth(h)).toMatch(/o\/r\s+2026-10\s+2\s+50%\s+datasets\.min 50%/);
    expect(renderHealth(h)).toMatch(/72 h later, time not verified/);
  });

  it('reads the signing time from the bundle\'s log entry', () => {
    expect(bundleSignedAt({ verificationMaterial: { tlogEntries: [{ integratedTime: '1764288000' }] } })).toBe('2025-11-28T00:00:00.000Z');
    expect(bundleSignedAt({})).toBeUndefined();
  });
});
