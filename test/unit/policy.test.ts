import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, resolvePolicy } from '../../src/policy/index.js';
import { ProvenanceError } from '../../src/errors.js';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { minimalStatement } from './statement-fixture.js';

describe('built-in policies', () => {
  it('standard accepts a record with subject, commit and a hashed dataset', async () => {
    const r = evaluatePolicy(minimalStatement(), await resolvePolicy('standard'));
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('standard names each missing field and how to supply it', async () => {
    const st = minimalStatement();
    st.subject = [];
    st.predicate.datasets[0]!.digest = undefined;
    st.predicate.buildDefinition.resolvedDependencies = [];
    const r = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(['subject', 'buildDefinition.resolvedDependencies[source].digest.gitCommit', 'datasets[0].digest']);
    for (const f of r.findings) expect(f.fix.length).toBeGreaterThan(10);
    expect(r.findings.find((f) => f.field === 'datasets[0].digest')!.fix).toMatch(/--digest|path/);
  });

  it('flags an image tag without a digest', async () => {
    const st = minimalStatement();
    st.predicate.image = { uri: 'oci://ghcr.io/a/b:1', reference: 'ghcr.io/a/b:1', pinned: false };
    const r = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(r.missing).toEqual(['image']);
    expect(r.findings[0]!.fix).toMatch(/@sha256:/);
  });

  it('strict wants license, version, splits, seed, image, config, metrics, steps, command and environment', async () => {
    const r = evaluatePolicy(minimalStatement(), await resolvePolicy('strict'));
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(
      expect.arrayContaining(['datasets[0].license', 'datasets[0].version', 'datasets[0].splits', 'datasets[0].seed', 'image', 'configFiles', 'metrics', 'steps', 'buildDefinition.externalParameters.command']),
    );
  });

  it('a step reading an unknown dataset is a finding', async () => {
    const st = minimalStatement();
    st.predicate.steps = [{ name: 'tok', inputs: ['nope'] }];
    const r = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(r.missing).toEqual(['steps[0].inputs[0]']);
  });
});

describe('policy files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-policy-'));
  it('extends a built-in and adds rules', async () => {
    const f = path.join(dir, 'p.yaml');
    writeFileSync(f, 'version: 1\nname: team\nextends: standard\nrules:\n  datasets:\n    allowedLicenses: [MIT]\n  metrics:\n    require: [accuracy]\n');
    const pol = await resolvePolicy(f);
    expect(pol.name).toBe('team');
    const st = minimalStatement();
    st.predicate.datasets[0]!.license = 'CC-BY-NC-4.0';
    const r = evaluatePolicy(st, pol);
    expect(r.missing).toEqual(['datasets[0].license', 'metrics[accuracy]']);
  });
  it('a misspelled rule is an input error naming the field', async () => {
    const f = path.join(dir, 'bad.yaml');
    writeFileSync(f, 'version: 1\nrules:\n  subjcts: true\n');
    const err = await resolvePolicy(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).exitCode).toBe(2);
    expect((err as ProvenanceError).message).toMatch(/rules: unknown field\(s\) "subjcts"/);
  });
  it('malformed YAML is an input error naming the file', async () => {
    const f = path.join(dir, 'broken.yaml');
    writeFileSync(f, 'version: 1\nrules: [\n');
    await expect(resolvePolicy(f)).rejects.toThrow(/broken\.yaml is not valid YAML/);
  });
  it('an unknown name is neither built-in nor a file', async () => {
    await expect(resolvePolicy('strictest')).rejects.toThrow(/neither a built-in policy nor an existing file/);
  });
  it('the fixture is itself schema-valid', () => {
    expect(TrainingStatement.safeParse(minimalStatement()).success).toBe(true);
  });
});
