import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportStatement, EXPORT_FORMATS } from '../../src/lineage/export/index.js';
import { openLineageName } from '../../src/lineage/export/openlineage.js';
import type { TrainingStatement } from '../../src/schema/predicate.js';
import { dataset, makeStatement } from '../fixtures/statements.js';
import {
  cdxErrors,
  expectValidExport,
  expectValidOpenLineage,
  facetsOf,
  fixture,
  fixturePath,
  olAjv,
  olEvent,
  olFacetFiles,
  read,
  ROOT,
  validators,
} from '../helpers/export-validators.js';

/** The official SPDX 3.0.1 schema, byte for byte (see spdx-3.0.1.schema.json.SOURCE.md). */
const SPDX_SCHEMA_SHA256 = '59f59713c7d73ff0d833f4f468df974a689fc9dd36dc5510f1875ff85d276c54';

const statements = {
  typical: makeStatement({ run: '5' }),
  directoryModel: makeStatement({
    run: '6',
    models: [{ name: 'out/a.bin' }, { name: 'out/b.bin' }],
    datasets: [dataset('local', '1', 'x', { uri: 'file:data/x.csv', license: 'Apache-2.0 OR MIT', digest: { sha256: 'a'.repeat(64), md5: 'b'.repeat(32) } })],
    steps: [],
    metrics: [],
  }),
  // Real runs carry milliseconds (Date#toISOString); SPDX 3 DateTime does not allow them.
  millisecondTimes: (() => {
    const st = makeStatement({ run: '7' });
    st.predicate.runDetails.metadata = { ...st.predicate.runDetails.metadata, startedOn: '2025-01-01T00:00:00.123Z', finishedOn: '2025-01-01T01:00:00.987Z' };
    return st;
  })(),
};

describe('the reference schemas are the official ones', () => {
  it('SPDX 3.0.1: the spdx-spec schema, byte for byte', () => {
    expect(createHash('sha256').update(readFileSync(fixturePath('spdx-3.0.1.schema.json'))).digest('hex')).toBe(SPDX_SCHEMA_SHA256);
    expect(fixture('spdx-3.0.1.schema.json').$comment).toMatch(/shacl2code/);
  });
  it('OpenLineage: the 2-0-2 core schema and facet schemas carry their published $id', () => {
    expect(fixture('OpenLineage.json').$id).toBe('https://openlineage.io/spec/2-0-2/OpenLineage.json');
    expect(olFacetFiles.map((f) => f.$id)).toEqual([
      'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json',
      'https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json',
      'https://openlineage.io/spec/facets/1-1-0/SourceCodeLocationJobFacet.json',
      'https://openlineage.io/spec/facets/1-0-3/DataQualityMetricsInputDatasetFacet.json',
      'https://openlineage.io/spec/facets/1-1-0/DataQualityAssertionsDatasetFacet.json',
      'https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json',
      'https://openlineage.io/spec/facets/1-0-1/OwnershipDatasetFacet.json',
    ]);
  });
});

describe.each(Object.entries(statements))('exports of the %s statement', (_name, st) => {
  it.each(EXPORT_FORMATS)('%s validates against its official schema or validator', async (format) => {
    await expectValidExport(format, exportStatement(st, format));
  });
  it('are deterministic', () => {
    for (const f of EXPORT_FORMATS) expect(JSON.stringify(exportStatement(st, f))).toBe(JSON.stringify(exportStatement(st, f)));
  });
});

describe('schemas reject broken documents (so the checks above can fail)', () => {
  it('each validator rejects a document with a required field removed', async () => {
    const st = statements.typical;
    const cdx = exportStatement(st, 'cyclonedx') as Record<string, unknown>;
    expect(await cdxErrors({ ...cdx, bomFormat: 'NotCycloneDX' })).not.toBeNull();
    const ol = exportStatement(st, 'openlineage') as any;
    expect(olEvent({ ...ol, run: { runId: 'not-a-uuid' } })).toBe(false);
    const runFacet = olAjv.getSchema(ol.run.facets.mlProvenance_run._schemaURL)!;
    expect(runFacet({ ...ol.run.facets.mlProvenance_run, metrics: 'none' })).toBe(false);
    const prov = exportStatement(st, 'prov') as { wasGeneratedBy: Record<string, unknown> };
    expect(validators.prov({ ...prov, wasGeneratedBy: { x: { 'prov:activity': 'a' } } })).toBe(false);
    const slsa = exportStatement(st, 'slsa') as { predicate: Record<string, unknown> };
    expect(validators.slsa({ ...slsa, predicate: { runDetails: slsa.predicate.runDetails } })).toBe(false);
    const spdx = exportStatement(st, 'spdx') as { '@graph': Record<string, unknown>[] };
    const withMillis = spdx['@graph'].map((e) => (e.type === 'CreationInfo' ? { ...e, created: '2025-01-01T01:00:00.123Z' } : e));
    expect(validators.spdx({ ...spdx, '@graph': withMillis })).toBe(false);
  });
});

describe('SBOM identity: the model is named after the model and versioned by tag or content', () => {
  const cdxModel = (st: TrainingStatement) => (exportStatement(st, 'cyclonedx') as any).metadata.component;
  const spdxModel = (st: TrainingStatement) => (exportStatement(st, 'spdx') as any)['@graph'].find((e: any) => e.type === 'ai_AIPackage');

  it('a directory model is named after its folder, grouped by repository, versioned by content', () => {
    const st = statements.directoryModel;
    const c = cdxModel(st);
    expect([c.group, c.name]).toEqual(['acme/train', 'out']);
    expect(c.version).toMatch(/^sha256:[a-f0-9]{12}$/);
    const s = spdxModel(st);
    expect(s.name).toBe('out');
    expect(s.software_packageVersion).toBe(c.version);
    for (const v of [c.name, c.version, s.name, s.software_packageVersion]) expect(v).not.toMatch(/workflows|builders|actions\/runs|T\d\d:/);
  });
  it('the version follows the model content, not the run', () => {
    const a = makeStatement({ run: '8', models: [{ name: 'm.bin', sha256: 'c'.repeat(64) }] });
    const b = makeStatement({ run: '9', models: [{ name: 'm.bin', sha256: 'c'.repeat(64) }] });
    expect(cdxModel(a).version).toBe(`sha256:${'c'.repeat(12)}`);
    expect(cdxModel(b).version).toBe(cdxModel(a).version);
    expect(spdxModel(a).name).toBe('m.bin');
  });
  it('a run triggered by a release tag is versioned by the tag', () => {
    const st = makeStatement({ run: '10' });
    st.predicate.buildDefinition.externalParameters.workflow!.ref = 'refs/tags/v1.4.0';
    expect(cdxModel(st).version).toBe('v1.4.0');
    expect(spdxModel(st).software_packageVersion).toBe('v1.4.0');
  });
  it('SPDX times are whole seconds in UTC', () => {
    const g = (exportStatement(statements.millisecondTimes, 'spdx') as any)['@graph'] as any[];
    expect(g.find((e) => e.type === 'CreationInfo').created).toBe('2025-01-01T01:00:00Z');
    expect(spdxModel(statements.millisecondTimes).releaseTime).toBe('2025-01-01T01:00:00Z');
  });
});

describe('OpenLineage naming (https://openlineage.io/docs/spec/naming)', () => {
  const repo = 'https://github.com/acme/train';
  it.each([
    ['s3://bucket/path/to/data.parquet', { namespace: 's3://bucket', name: 'path/to/data.parquet' }],
    ['gs://b/k', { namespace: 'gs://b', name: 'k' }],
    ['hf://datasets/stanfordnlp/imdb@e6281661', { namespace: 'hf://datasets', name: 'stanfordnlp/imdb', version: 'e6281661' }],
    ['hf://datasets/org/name@main/data/train.csv', { namespace: 'hf://datasets', name: 'org/name/data/train.csv', version: 'main' }],
    ['https://huggingface.co/datasets/org/name/tree/abc123', { namespace: 'hf://datasets', name: 'org/name', version: 'abc123' }],
    ['file:data/x.csv', { namespace: repo, name: 'data/x.csv' }],
    ['model/model.safetensors', { namespace: repo, name: 'model/model.safetensors' }],
    ['file:///mnt/data/x.csv', { namespace: 'file', name: '/mnt/data/x.csv' }],
    ['https://data.example.com/mnist', { namespace: 'https://data.example.com', name: '/mnist' }],
  ])('%s', (loc, expected) => {
    expect(openLineageName(loc, repo)).toEqual(expected);
  });
  it('two repositories\' model/model.safetensors are two datasets; an hf revision is a version, not a new name', () => {
    const a = makeStatement({ run: '11', models: [{ name: 'model/model.safetensors' }], datasets: [dataset('imdb', 'x', 'x', { uri: 'hf://datasets/stanfordnlp/imdb@aaaa' })] });
    a.predicate.datasets[0]!.version = undefined as never;
    delete a.predicate.datasets[0]!.version;
    const b = structuredClone(a);
    b.predicate.buildDefinition.externalParameters.workflow!.repository = 'https://github.com/other/repo';
    b.predicate.datasets[0]!.uri = 'hf://datasets/stanfordnlp/imdb@bbbb';
    const [ea, eb] = [exportStatement(a, 'openlineage') as any, exportStatement(b, 'openlineage') as any];
    expect(`${ea.outputs[0].namespace}|${ea.outputs[0].name}`).not.toBe(`${eb.outputs[0].namespace}|${eb.outputs[0].name}`);
    expect([ea.inputs[0].namespace, ea.inputs[0].name]).toEqual([eb.inputs[0].namespace, eb.inputs[0].name]);
    expect([ea.inputs[0].facets.version.datasetVersion, eb.inputs[0].facets.version.datasetVersion]).toEqual(['aaaa', 'bbbb']);
    expectValidOpenLineage(ea);
  });
  it('custom facet _schemaURLs are files in schemas/', () => {
    const ev = exportStatement(statements.typical, 'openlineage') as any;
    for (const [, f] of facetsOf(ev)) {
      const url = f._schemaURL as string;
      if (!url.startsWith('https://ml-provenance.dev/schemas/')) continue;
      const file = path.join(ROOT, 'schemas', url.slice('https://ml-provenance.dev/schemas/'.length).replace(/#.*$/, ''));
      expect(read(file).$id).toBe(url.replace(/#.*$/, ''));
    }
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
