import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/lineage/attribute.js';
import { renderAttribution } from '../../src/render/attribution.js';
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
    expect(text).toMatch(/^step\s+dedupe absent → present\s+2\s/m);
    expect(text).toMatch(/^step-parameter\s+tokenize: max_len 512 → 1024\s+2\s/m);
    expect(text).toMatch(/not cause/);
  });

  it('names a dataset change by its versions, else by short digests on both sides; JSON keeps the digests', () => {
    const ds = (version: string | undefined, digit: string, mse: number) => {
      const st = run({ mse, data: digit });
      if (version === undefined) delete st.predicate.datasets[0]!.version;
      else st.predicate.datasets[0]!.version = version;
      return st;
    };
    const versioned = attribute([ds('v10', 'a', 0.3), ds('v2', 'b', 0.5)].map((statement, i) => ({ id: `r${i}`, statement })), { name: 'mse' });
    // Natural version order (v2 before v10), whatever the digests' order.
    expect(versioned.effects[0]).toMatchObject({ kind: 'dataset', from: 'b'.repeat(64), to: 'a'.repeat(64), fromVersion: 'v2', toVersion: 'v10' });
    expect(versioned.effects[0]!.meanDelta).toBeCloseTo(-0.2);
    expect(renderAttribution(versioned)).toMatch(/^dataset\s+\S+ v2 → v10\s+1\s+-0\.2000\s/m);
    // The same version over other bytes, or no version: digests, 12 hex digits each side.
    for (const versions of [['v1', 'v1'], [undefined, undefined], ['v1', undefined]]) {
      const r = attribute([ds(versions[0], 'a', 0.3), ds(versions[1], 'b', 0.5)].map((statement, i) => ({ id: `r${i}`, statement })), { name: 'mse' });
      expect(renderAttribution(r)).toMatch(/ aaaaaaaaaaaa → bbbbbbbbbbbb\s+1\s+\+0\.2000\s/);
    }
  });

  it('keeps both sides of a long change within 100 columns, figures aligned', () => {
    const long = (v: string, mse: number) => {
      const st = run({ mse });
      st.predicate.steps[0]!.name = 'tokenize-with-a-rather-long-step-name';
      st.predicate.steps[0]!.parameters = { vocabulary: `${'x'.repeat(60)}${v}` };
      return st;
    };
    const r = attribute([long('A', 0.3), long('B', 12.5)].map((statement, i) => ({ id: `r${i}`, statement })), { name: 'mse' });
    const text = renderAttribution(r);
    for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(100);
    const row = text.split('\n').find((l) => l.startsWith('step-parameter'))!;
    // Both values keep their ends (where they differ); the whole values are in --format json.
    expect(row).toMatch(/ x+…x+A → x+…x+B\s/);
    expect(row).toMatch(/\+12\.20\s+\+12\.20\s+\+12\.20$/);
    expect(text).toMatch(/--format json has them whole/);
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
