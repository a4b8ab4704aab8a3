// The policy engine on arbitrary schema-valid statements and arbitrary rule sets:
// it never throws, `complete` holds exactly when there is no error finding, and
// every finding names a field and says how to fix it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../src/policy/builtin.js';
import { evaluatePolicy, formatFinding, mergeRules } from '../../src/policy/index.js';
import { PolicyRules } from '../../src/schema/policy.js';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { RUNS } from './property-helpers.js';

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const id = fc.string({ unit: fc.constantFrom(...'abcdefgh0123-_.'), minLength: 1, maxLength: 8 }).map((s) => `d${s}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const dataset = fc
  .record({
    id,
    uri: fc.string({ minLength: 1, maxLength: 12 }),
    version: opt(fc.string({ minLength: 1, maxLength: 5 })),
    license: opt(fc.constantFrom('MIT', 'CC-BY-4.0', 'GPL-3.0', 'other')),
    splits: opt(fc.dictionary(fc.constantFrom('train', 'test', 'val'), fc.double({ min: 0.01, max: 1, noNaN: true }))),
    seed: opt(fc.integer()),
    digest: opt(hex(64).map((sha256) => ({ sha256 }))),
    digestSource: opt(fc.constantFrom('computed' as const, 'given' as const)),
  })
  .map(drop);

const step = fc
  .record({ name: fc.string({ minLength: 1, maxLength: 6 }), inputs: opt(fc.array(id, { maxLength: 3 })), outputs: opt(fc.array(id, { maxLength: 3 })), parameters: opt(fc.dictionary(fc.string({ maxLength: 5 }), scalar)) })
  .map(drop);

const statement = fc
  .record({
    subject: fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), digest: hex(64).map((sha256) => ({ sha256 })) }), { maxLength: 3 }),
    commit: opt(hex(40)),
    datasets: fc.array(dataset, { maxLength: 4 }),
    image: opt(fc.record({ uri: fc.constant('oci://r/x'), reference: fc.constant('r/x:1'), pinned: fc.boolean() })),
    configFiles: fc.array(fc.record({ name: fc.constant('c.yaml'), digest: hex(64).map((sha256) => ({ sha256 })), format: fc.constant('yaml' as const), redacted: fc.constant([]), contentDigest: hex(64), content: fc.constant({}) }), { maxLength: 1 }),
    hyperparameters: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }),
    command: opt(fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })),
    steps: fc.array(step, { maxLength: 3 }),
    metrics: fc.array(fc.record({ name: fc.constantFrom('accuracy', 'loss', 'mse'), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { maxLength: 3 }),
    environment: fc.record({ os: opt(fc.constant('Linux')), arch: opt(fc.constant('x64')), libraries: opt(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })) }).map(drop),
  })
  .map((s) =>
    TrainingStatement.parse({
      _type: 'https://in-toto.io/Statement/v1',
      subject: s.subject,
      predicateType: 'https://ml-provenance.dev/training-record/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://ml-provenance.dev/training-record/local/v1',
          externalParameters: { hyperparameters: s.hyperparameters, config: {}, policy: 'x', ...(s.command ? { command: s.command } : {}) },
          resolvedDependencies: s.commit ? [{ name: 'source', uri: 'git+file:.', digest: { gitCommit: s.commit } }] : [],
        },
        runDetails: { builder: { id: 'b' }, metadata: {} },
        datasets: s.datasets,
        configFiles: s.configFiles,
        ...(s.image ? { image: s.image } : {}),
        steps: s.steps,
        metrics: s.metrics,
        environment: s.environment,
        redactions: [],
      },
    }),
  );

const rules: fc.Arbitrary<PolicyRules> = fc
  .record({
    subjects: opt(fc.boolean()),
    sourceCommit: opt(fc.boolean()),
    datasets: opt(
      fc
        .record({
          min: opt(fc.nat({ max: 3 })),
          require: opt(fc.subarray(['uri', 'digest', 'version', 'license', 'splits', 'seed'] as const)),
          allowedLicenses: opt(fc.subarray(['MIT', 'CC-BY-4.0', 'GPL-3.0'])),
          deniedLicenses: opt(fc.subarray(['GPL-3.0', 'LicenseRef-other'])),
        })
        .map(drop),
    ),
    image: opt(fc.constantFrom('optional' as const, 'pinned-if-present' as const, 'required' as const)),
    config: opt(fc.boolean()),
    hyperparameters: opt(fc.boolean()),
    metrics: opt(fc.record({ min: opt(fc.nat({ max: 3 })), require: opt(fc.subarray(['accuracy', 'f1'])) }).map(drop)),
    steps: opt(fc.boolean()),
    stepsReferenceKnownDatasets: opt(fc.boolean()),
    command: opt(fc.boolean()),
    environment: opt(fc.boolean()),
  })
  .map(drop)
  .map((r) => PolicyRules.parse(r));

const anyPolicy = fc.oneof(
  fc.constantFrom(...(Object.keys(BUILTIN_POLICIES) as Array<keyof typeof BUILTIN_POLICIES>)).map((name) => ({ name, rules: BUILTIN_POLICIES[name] })),
  fc.tuple(fc.constantFrom(...(Object.keys(BUILTIN_POLICIES) as Array<keyof typeof BUILTIN_POLICIES>)), rules).map(([base, r]) => ({ name: 'file', rules: mergeRules(BUILTIN_POLICIES[base], r) })),
);

describe('evaluatePolicy (property)', () => {
  it('never throws; complete ⇔ no error finding; every finding has a field and a non-empty fix', () => {
    fc.assert(
      fc.property(statement, anyPolicy, (st, policy) => {
        const r = evaluatePolicy(st, policy);
        const errors = r.findings.filter((f) => f.severity === 'error');
        expect(r.complete).toBe(errors.length === 0);
        expect(r.missing).toEqual([...new Set(errors.map((f) => f.field))]);
        expect(r.policy).toBe(policy.name);
        for (const f of r.findings) {
          expect(f.field.trim().length, JSON.stringify(f)).toBeGreaterThan(0);
          expect(f.fix.trim().length, JSON.stringify(f)).toBeGreaterThan(0);
          expect(f.message.trim().length).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(f.severity);
          expect(formatFinding(f)).toBe(`${f.field}: ${f.message} — ${f.fix}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the none policy finds no errors; strict finds at least what standard finds', () => {
    fc.assert(
      fc.property(statement, (st) => {
        expect(evaluatePolicy(st, { name: 'none', rules: BUILTIN_POLICIES.none }).complete).toBe(true);
        const std = new Set(evaluatePolicy(st, { name: 'standard', rules: BUILTIN_POLICIES.standard }).missing);
        const strict = new Set(evaluatePolicy(st, { name: 'strict', rules: BUILTIN_POLICIES.strict }).missing);
        for (const f of std) expect(strict.has(f), f).toBe(true);
      }),
      RUNS,
    );
  });

  it('is pure: evaluating does not modify the statement', () => {
    fc.assert(
      fc.property(statement, anyPolicy, (st, policy) => {
        const copy = structuredClone(st);
        evaluatePolicy(st, policy);
        expect(st).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});
