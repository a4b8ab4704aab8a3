import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportStatement, EXPORT_FORMATS } from '../../src/lineage/export/index.js';
import { dataset, makeStatement } from '../fixtures/statements.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;
const here = import.meta.dirname;
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
const fixture = (name: string) => read(path.join(here, '../fixtures/schemas', name));
const cdxDir = path.join(here, '../../node_modules/@cyclonedx/cyclonedx-library/res/schema');

function validator(kind: '07' | '2020', schema: AnySchema, extra: [string, AnySchema][] = []) {
  const ajv = kind === '2020' ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [key, s] of extra) ajv.addSchema(s, key);
  return ajv.compile(schema);
}

function expectValid(validate: ReturnType<typeof validator>, doc: unknown): void {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
  expect(ok).toBe(true);
}

const statements = {
  typical: makeStatement({ run: '5' }),
  directoryModel: makeStatement({
    run: '6',
    models: [{ name: 'out/a.bin' }, { name: 'out/b.bin' }],
    datasets: [dataset('local', '1', 'x', { uri: 'file:data/x.csv', license: 'Apache-2.0 OR MIT', digest: { sha256: 'a'.repeat(64), md5: 'b'.repeat(32) } })],
    steps: [],
    metrics: [],
  }),
};

const validators = {
  cyclonedx: validator('07', read(path.join(cdxDir, 'bom-1.6.SNAPSHOT.schema.json')), [
    // bom-1.6 refers to its siblings by their SNAPSHOT names (as the library's own validator maps them).
    ['http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json', read(path.join(cdxDir, 'spdx.SNAPSHOT.schema.json'))],
    ['http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json', read(path.join(cdxDir, 'jsf-0.82.SNAPSHOT.schema.json'))],
  ]),
  openlineage: validator('2020', fixture('OpenLineage.json')),
  // draft-04 schema: same keyword meanings under the draft-07 engine once `$schema` is dropped.
  prov: validator('07', (({ $schema: _drop, ...s }) => s)(fixture('prov-json.schema.json'))),
  slsa: validator('2020', fixture('slsa-provenance-v1.schema.json')),
  spdx: validator('2020', fixture('spdx-3.0.1-structural.schema.json')),
};

describe.each(Object.entries(statements))('exports of the %s statement', (_name, st) => {
  it.each(EXPORT_FORMATS)('%s validates against its schema', (format) => {
    expectValid(validators[format], exportStatement(st, format));
  });
  it('are deterministic', () => {
    for (const f of EXPORT_FORMATS) expect(JSON.stringify(exportStatement(st, f))).toBe(JSON.stringify(exportStatement(st, f)));
  });
});

describe('schemas reject broken documents (so the checks above can fail)', () => {
  it('each validator rejects a document with a required field removed', () => {
    const st = statements.typical;
    const cdx = exportStatement(st, 'cyclonedx') as Record<string, unknown>;
    expect(validators.cyclonedx({ ...cdx, bomFormat: 'NotCycloneDX' })).toBe(false);
    const ol = exportStatement(st, 'openlineage') as Record<string, unknown>;
    expect(validators.openlineage({ ...ol, run: { runId: 'not-a-uuid' } })).toBe(false);
    const prov = exportStatement(st, 'prov') as { wasGeneratedBy: Record<string, unknown> };
    expect(validators.prov({ ...prov, wasGeneratedBy: { x: { 'prov:activity': 'a' } } })).toBe(false);
    const slsa = exportStatement(st, 'slsa') as { predicate: Record<string, unknown> };
    expect(validators.slsa({ ...slsa, predicate: { runDetails: slsa.predicate.runDetails } })).toBe(false);
    const spdx = exportStatement(st, 'spdx') as { '@graph': Record<string, unknown>[] };
    const graph = spdx['@graph'].map((e) => (e.type === 'dataset_DatasetPackage' ? { ...e, dataset_datasetType: [] } : e));
    expect(validators.spdx({ ...spdx, '@graph': graph })).toBe(false);
  });
});

describe('content', () => {
  const st = statements.typical;
  it('CycloneDX: ML model with a model card, data components with hashes and licenses', () => {
    const bom = exportStatement(st, 'cyclonedx') as any;
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component.type).toBe('machine-learning-model');
    expect(bom.metadata.component.hashes[0]).toEqual({ alg: 'SHA-256', content: st.subject[0]!.digest.sha256 });
    const perf = bom.metadata.component.modelCard.quantitativeAnalysis.performanceMetrics;
    expect(perf).toContainEqual({ type: 'accuracy', value: '0.91', slice: 'test, epoch 1' });
    expect(bom.metadata.component.modelCard.modelParameters.datasets).toEqual([{ ref: 'dataset:mnist' }, { ref: 'dataset:labels' }]);
    const mnist = bom.components.find((c: any) => c.name === 'mnist');
    expect(mnist.type).toBe('data');
    expect(mnist.licenses).toEqual([{ license: { id: 'CC-BY-4.0' } }]);
    expect(mnist.hashes[0].alg).toBe('SHA-256');
    expect(mnist.data[0].type).toBe('dataset');
    expect(bom.dependencies.find((d: any) => d.ref === 'model').dependsOn.sort()).toEqual(['dataset:labels', 'dataset:mnist']);
  });
  it('CycloneDX: md5 digests (DVC) are kept next to sha256', () => {
    const bom = exportStatement(statements.directoryModel, 'cyclonedx') as any;
    expect(bom.components[0].hashes.map((h: any) => h.alg).sort()).toEqual(['MD5', 'SHA-256']);
    expect(bom.metadata.component.components).toHaveLength(2);
  });
  it('PROV: used / wasGeneratedBy / wasAssociatedWith connect data, run, model, agent', () => {
    const prov = exportStatement(st, 'prov') as any;
    const used = Object.values(prov.used) as any[];
    const run = Object.keys(prov.activity).find((k) => prov.activity[k]['prov:type'] === 'mlp:Training')!;
    expect(used.filter((u) => u['prov:activity'] === run).map((u) => u['prov:entity'])).toContain('mlp:dataset/labels%402024-01');
    expect(used.some((u) => u['prov:entity'] === 'mlp:dataset/mnist%401.0' && u['prov:activity'].startsWith('mlp:step-0'))).toBe(true);
    expect(Object.values(prov.wasGeneratedBy)).toContainEqual(expect.objectContaining({ 'prov:entity': 'mlp:model/model%2Fweights.bin', 'prov:activity': run }));
    expect(Object.values(prov.wasAssociatedWith)).toEqual([{ 'prov:activity': run, 'prov:agent': 'mlp:builder' }]);
  });
  it('OpenLineage: COMPLETE with datasets in, models out', () => {
    const ev = exportStatement(st, 'openlineage') as any;
    expect(ev.eventType).toBe('COMPLETE');
    expect(ev.inputs.map((i: any) => `${i.namespace}${i.name}`)).toEqual(['https://data.example.com/mnist', 'https://data.example.com/labels']);
    expect(ev.inputs[0].facets.version.datasetVersion).toBe('1.0');
    expect(ev.outputs[0].name).toBe('model/weights.bin');
    expect(ev.job.facets.sourceCodeLocation.version).toMatch(/^[a-f0-9]{40}$/);
  });
  it('SPDX: AI package trainedOn dataset packages, licenses as relationships', () => {
    const doc = exportStatement(st, 'spdx') as any;
    const g = doc['@graph'] as any[];
    const model = g.find((e) => e.type === 'ai_AIPackage');
    expect(model.ai_metric).toContainEqual({ type: 'DictionaryEntry', key: 'accuracy/test', value: '0.91' });
    const trained = g.find((e) => e.relationshipType === 'trainedOn');
    expect(trained.from).toBe(model.spdxId);
    expect(trained.to).toHaveLength(2);
    const lic = g.find((e) => e.type === 'simplelicensing_LicenseExpression');
    expect(lic.simplelicensing_licenseExpression).toBe('CC-BY-4.0');
    const ids = new Set(g.map((e) => e.spdxId ?? e['@id']));
    for (const r of g.filter((e) => e.type === 'Relationship')) for (const to of r.to) expect(ids.has(to) || to.startsWith('https://spdx.org/rdf/3.0.1/terms/')).toBe(true);
  });
  it('SLSA: datasets and config files become resolved dependencies', () => {
    const slsa = exportStatement(st, 'slsa') as any;
    expect(slsa.predicateType).toBe('https://slsa.dev/provenance/v1');
    const deps = slsa.predicate.buildDefinition.resolvedDependencies;
    expect(deps.find((d: any) => d.name === 'mnist').digest.sha256).toBe(st.predicate.datasets[0]!.digest!.sha256);
    expect(deps.find((d: any) => d.name === 'config/train.yaml')).toBeTruthy();
    expect(slsa.predicate.buildDefinition.externalParameters.config).toBeUndefined();
  });
});
