// Dataset rules: content pins other than sha256, splits/seed where they were made, SPDX licenses.
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, parsePolicyText, resolvePolicy } from '../../src/policy/index.js';
import { ProvenanceError } from '../../src/errors.js';
import { parseDatasetManifest } from '../../src/capture/datasets.js';
import { RecordEvent } from '../../src/schema/record-event.js';
import { suggestSpdx } from '../../src/schema/license.js';
import { minimalStatement } from './statement-fixture.js';

const strictFor = async (st: ReturnType<typeof minimalStatement>) => evaluatePolicy(st, await resolvePolicy('strict'));
const missingOf = (r: { missing: string[] }) => r.missing.filter((m) => m.startsWith('datasets'));

describe('standard: a Hugging Face dataset pinned by commit', () => {
  it('passes with digest.gitCommit and no sha256 (the commit pins the content)', async () => {
    const st = minimalStatement();
    st.predicate.datasets = [{ id: 'imdb', uri: 'hf://datasets/stanfordnlp/imdb@' + 'e'.repeat(40), version: 'e'.repeat(40), digest: { gitCommit: 'e'.repeat(40) }, digestSource: 'given' }];
    const r = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.complete).toBe(true);
  });
  it('a branch name is not a pin: still missing a digest, and the fix names the commit form', async () => {
    const st = minimalStatement();
    st.predicate.datasets = [{ id: 'imdb', uri: 'hf://datasets/stanfordnlp/imdb@main', version: 'main', digestSource: 'given' }];
    const r = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(r.missing).toEqual(['datasets[0].digest']);
    expect(r.findings[0]!.fix).toMatch(/hf:\/\/datasets\/ORG\/NAME@<40-hex commit>/);
  });
});

describe('strict: splits and seed belong to the dataset or the step that made them', () => {
  const complete = (st: ReturnType<typeof minimalStatement>) => {
    st.predicate.datasets[0] = { ...st.predicate.datasets[0]!, version: '1', license: 'CC-BY-4.0' };
    return st;
  };
  it('a raw input split by a step (splits and seed on the step) needs no --split all=1', async () => {
    const st = complete(minimalStatement());
    st.predicate.steps = [{ name: 'split', inputs: ['points'], outputs: ['train', 'test'], splits: { train: 0.8, test: 0.2 }, seed: 7 }];
    for (const id of ['train', 'test']) st.predicate.datasets.push({ id, uri: `file:data/${id}.csv`, version: '1', license: 'CC-BY-4.0', digest: { sha256: '3'.repeat(64) } });
    expect(missingOf(await strictFor(st))).toEqual([]);
  });
  it('splits on the derived datasets count for the raw input; a seed as the step parameter `seed` counts', async () => {
    const st = complete(minimalStatement());
    st.predicate.steps = [{ name: 'tokenize', inputs: ['points'], outputs: ['tokens'], parameters: { seed: 3 } }];
    st.predicate.datasets.push({ id: 'tokens', uri: 'file:tokens', version: '1', license: 'MIT', digest: { sha256: '4'.repeat(64) }, splits: { train: 0.9, test: 0.1 } });
    expect(missingOf(await strictFor(st))).toEqual([]);
  });
  it('nothing anywhere: both are findings, and the fix names both places', async () => {
    const st = complete(minimalStatement());
    const r = await strictFor(st);
    expect(missingOf(r)).toEqual(['datasets[0].splits', 'datasets[0].seed']);
    const f = r.findings.find((x) => x.field === 'datasets[0].splits')!;
    expect(f.message).toMatch(/no step that reads or made it/);
    expect(f.fix).toMatch(/record dataset --split/);
    expect(f.fix).toMatch(/record step --name split --input ID/);
  });
  it('a step that only reads the dataset, without splits or outputs, does not count', async () => {
    const st = complete(minimalStatement());
    st.predicate.steps = [{ name: 'inspect', inputs: ['points'] }];
    expect(missingOf(await strictFor(st))).toEqual(['datasets[0].splits', 'datasets[0].seed']);
  });
});

describe('licenses are SPDX expressions', () => {
  it.each([
    ['apache-2.0 or mit', 'Apache-2.0 OR MIT'],
    ['(mit or apache-2.0) and bsd-3-clause', '(MIT OR Apache-2.0) AND BSD-3-Clause'],
    ['gpl-2.0-only with Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    // The deprecated id keeps its terms (GPL-3.0 is -only); spdx-correct's upgrade said -or-later.
    ['gpl-3.0', 'GPL-3.0'],
    ['Apache 2.0', 'Apache-2.0'],
    // The old dual-license spelling (crates.io, npm): either license.
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['apache-2.0 / mit', 'Apache-2.0 OR MIT'],
    ['mit OR licenseref-acme', 'MIT OR LicenseRef-acme'],
  ])('the suggestion for %j keeps every license and operator: %j', (typed, want) => {
    expect(suggestSpdx(typed)).toBe(want);
  });
  it.each(['apache-2.0 OR nonsense-xyz', 'NOT A LICENSE !!', 'MIT', '', 'MIT, Apache-2.0', 'MIT|Apache-2.0', 'MIT;Apache-2.0', 'MIT & Apache-2.0'])('no suggestion for %j (a part unknown, or nothing to correct)', (typed) => {
    expect(suggestSpdx(typed)).toBeUndefined();
  });

  it('an invalid license is an error under strict (it asks for licenses) and suggests the SPDX spelling', async () => {
    const st = minimalStatement();
    st.predicate.datasets[0]!.license = 'apache-2.0';
    const strict = await strictFor(st);
    const f = strict.findings.find((x) => x.rule === 'datasets.license.spdx')!;
    expect([f.field, f.severity]).toEqual(['datasets[0].license', 'error']);
    expect(f.fix).toMatch(/did you mean "Apache-2\.0"/);
    const standard = evaluatePolicy(st, await resolvePolicy('standard'));
    expect(standard.findings.find((x) => x.rule === 'datasets.license.spdx')?.severity).toBe('warning');
  });
  it.each(['MIT', 'Apache-2.0 OR MIT', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-acme-internal'])('%s is accepted', async (license) => {
    const st = minimalStatement();
    st.predicate.datasets[0]!.license = license;
    expect((await strictFor(st)).findings.filter((x) => x.rule === 'datasets.license.spdx')).toEqual([]);
  });
  it('a policy file with a non-SPDX allowed license is an input error naming the field', () => {
    try {
      parsePolicyText('version: 1\nrules:\n  datasets:\n    allowedLicenses: [MIT, "NOT A LICENSE !!"]\n', 'policy.yml');
      expect.unreachable();
    } catch (err) {
      const e = err as ProvenanceError<string>;
      expect(e.exitCode).toBe(2);
      expect(e.userMessage).toMatch(/allowedLicenses.*1.*SPDX/s);
    }
  });
  it('a near miss in a policy file, a manifest or a records-log line names the SPDX spelling, as --license does', () => {
    const refused = (f: () => unknown): string => {
      try {
        f();
      } catch (err) {
        return (err as ProvenanceError<string>).userMessage;
      }
      throw new Error('accepted');
    };
    expect(refused(() => parsePolicyText('version: 1\nrules:\n  datasets:\n    allowedLicenses: [mit]\n', 'policy.yml'))).toMatch(/allowedLicenses\[0\].*did you mean "MIT"/s);
    expect(refused(() => parsePolicyText('version: 1\nrules:\n  datasets:\n    deniedLicenses: [gpl-3.0]\n', 'policy.yml'))).toMatch(/deniedLicenses\[0\].*did you mean "GPL-3\.0/s);
    expect(refused(() => parseDatasetManifest('- id: d\n  uri: s3://b/d\n  license: apache-2.0\n', 'datasets.yaml'))).toMatch(/datasets\.yaml.*license.*did you mean "Apache-2\.0"/s);
    const ev = RecordEvent.safeParse({ v: 1, kind: 'dataset', id: 'd', license: 'cc-by-4.0' });
    expect(ev.error!.issues[0]!.message).toMatch(/did you mean "CC-BY-4\.0"/);
    // The `{datasets: [...]}` form names the field once, and the fix is about that field.
    const wrapped = refused(() => parseDatasetManifest('datasets:\n  - id: d\n    uri: s3://b/d\n    license: apache-2.0\n', 'datasets.yaml'));
    expect(wrapped).toMatch(/: datasets\[0\]\.license: /);
    expect(wrapped).not.toMatch(/datasets\.datasets/);
    // No suggestion where spdx-correct has none: the plain rule.
    const none = RecordEvent.safeParse({ v: 1, kind: 'dataset', id: 'd', license: 'NOT A LICENSE !!' });
    expect(none.error!.issues[0]!.message).not.toMatch(/did you mean/);
  });
  it('an earlier license (licenseHistory) is held to the same rule: a finding in a record, naming the entry', async () => {
    const st = minimalStatement();
    st.predicate.datasets[0]!.license = 'MIT';
    st.predicate.datasets[0]!.licenseHistory = [{ version: '1', license: 'CC-BY-NC-4.0' }, { version: '2', license: 'cc-by-sa-4.0' }];
    const f = (await strictFor(st)).findings.filter((x) => x.rule === 'datasets.license.spdx');
    expect(f.map((x) => [x.field, x.severity])).toEqual([['datasets[0].licenseHistory[1].license', 'error']]);
    expect(f[0]!.message).toMatch(/earlier license "cc-by-sa-4\.0" \(version 2\)/);
    expect(f[0]!.fix).toMatch(/did you mean "CC-BY-SA-4\.0"/);
  });
  it('a manifest or records-log entry with a non-SPDX earlier license is an input error naming the field', () => {
    try {
      parseDatasetManifest('- id: d\n  uri: s3://b/d\n  licenseHistory:\n    - {version: "1", license: "NOT A LICENSE !!"}\n', 'datasets.yaml');
      expect.unreachable();
    } catch (err) {
      const e = err as ProvenanceError<string>;
      expect(e.exitCode).toBe(2);
      expect(e.userMessage).toMatch(/datasets\.yaml.*\[0\]\.licenseHistory\[0\]\.license.*SPDX/s);
    }
    const ev = RecordEvent.safeParse({ v: 1, kind: 'dataset', id: 'd', licenseHistory: [{ version: '1', license: 'Bogus License' }] });
    expect(ev.success).toBe(false);
    expect(ev.error!.issues[0]!.path).toEqual(['licenseHistory', 0, 'license']);
    expect(RecordEvent.safeParse({ v: 1, kind: 'dataset', id: 'd', licenseHistory: [{ version: '1', license: 'LicenseRef-old' }] }).success).toBe(true);
  });
});
