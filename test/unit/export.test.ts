import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportStatement, EXPORT_FORMATS } from '../../src/lineage/export/index.js';
import { serializeStatement, statementRunId } from '../../src/statement/serialize.js';
import { openLineageName } from '../../src/lineage/export/openlineage.js';
import { pathDatasetId } from '../../src/util/dataset-id.js';
import type { TrainingStatement } from '../../src/schema/predicate.js';
import { dataset, fullStatement, makeStatement, PSEUDONYM } from '../fixtures/statements.js';
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
  // Every coverage field set: dataset source/quality/sampling/synthetic/license history, purpose, flags, cluster, hardware, Python, conflicts, pseudonyms.
  full: fullStatement(),
  directoryModel: makeStatement({
    run: '6',
    models: [{ name: 'out/a.bin' }, { name: 'out/b.bin' }],
    datasets: [dataset('local', '1', 'x', { uri: 'file:data/x.csv', license: 'Apache-2.0 OR MIT', digest: { sha256: 'a'.repeat(64), md5: 'b'.repeat(32) } })],
    steps: [],
    metrics: [],
  }),
  // DVC paths as build --dvc records them: the id percent-encoded (src/util/dataset-id.ts), the
  // name and the `file:` uri the path as written (a space, Japanese, a `%`, a cut long id).
  dvcPaths: makeStatement({
    run: '8',
    datasets: [
      ['raw data/wine quality.csv', 'raw%20data/wine%20quality.csv'],
      ['out/100% é.bin', 'out/100%25%20%C3%A9.bin'],
      ['data[1]/a#b?.csv', 'data%5B1%5D/a%23b%3F.csv'],
      ['データ/学習用データセット/画像ファイル一覧_2024年版/訓練データ.csv', pathDatasetId('データ/学習用データセット/画像ファイル一覧_2024年版/訓練データ.csv')],
    ].map(([p, id]) => ({ id: id!, name: p!, uri: `file:${p}`, digest: { sha256: 'c'.repeat(64), md5: 'd'.repeat(32) }, annotations: { path: p!, source: 'dvc.lock:train' } })),
    steps: [{ name: 'train', inputs: ['raw%20data/wine%20quality.csv'], outputs: ['out/100%25%20%C3%A9.bin'] }],
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
  it('the validators look at the coverage parts too: a wrong enum value in each is rejected', async () => {
    const st = fullStatement();
    const spdx = exportStatement(st, 'spdx') as { '@graph': Record<string, unknown>[] };
    const bad = (type: string, patch: Record<string, unknown>) => ({ ...spdx, '@graph': spdx['@graph'].map((e) => (e.type === type ? { ...e, ...patch } : e)) });
    expect(validators.spdx(bad('dataset_DatasetPackage', { dataset_confidentialityLevel: 'confidential' }))).toBe(false);
    expect(validators.spdx(bad('Annotation', { annotationType: 'quality' }))).toBe(false);
    expect(validators.spdx(bad('build_Build', { build_buildEndTime: '2025-01-01' }))).toBe(false);
    const cdx = exportStatement(st, 'cyclonedx') as any;
    const wf = cdx.formulation[0].workflows[0];
    expect(await cdxErrors({ ...cdx, formulation: [{ ...cdx.formulation[0], workflows: [{ ...wf, taskTypes: ['train'] }] }] })).not.toBeNull();
    expect(await cdxErrors({ ...cdx, components: cdx.components.map((c: any) => ({ ...c, data: [{ ...c.data[0], governance: { owners: [{ team: 'x' }] } }] })) })).not.toBeNull();
    expect(await cdxErrors({ ...cdx, annotations: [{ ...cdx.annotations[0], timestamp: 'yesterday' }] })).not.toBeNull();
    const ol = exportStatement(st, 'openlineage') as any;
    const env = ol.run.facets.mlProvenance_environment;
    expect(olAjv.getSchema(env._schemaURL)!({ ...env, cluster: { nodes: 0 } })).toBe(false);
    const prov = exportStatement(st, 'prov') as any;
    expect(validators.prov({ ...prov, wasAttributedTo: { x: { 'prov:entity': 'e' } } })).toBe(false);
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
    const run = Object.keys(prov.activity).find((k) => prov.activity[k]['prov:type'].$ === 'mlp:Training')!;
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
  it('SLSA: a `file:` uri with the path as written is percent-encoded into a URI, which decodes back to it', () => {
    const st = statements.dvcPaths;
    const deps = (exportStatement(st, 'slsa') as any).predicate.buildDefinition.resolvedDependencies as { name: string; uri: string }[];
    for (const d of st.predicate.datasets) {
      const uri = deps.find((x) => x.name === d.id)!.uri;
      expect(decodeURIComponent(uri), uri).toBe(d.uri);
      expect(uri).toMatch(/^file:[A-Za-z0-9\-._~:/@!$&'()*+,;=%]+$/);
    }
    expect(deps.find((x) => x.name === 'raw%20data/wine%20quality.csv')!.uri).toBe('file:raw%20data/wine%20quality.csv');
  });
  it('CycloneDX and SPDX: the dataset\'s download location is that URI too (IRI / anyURI fields)', () => {
    const st = statements.dvcPaths;
    const cdx = exportStatement(st, 'cyclonedx') as any;
    const spdx = exportStatement(st, 'spdx') as any;
    const urls = [
      ...JSON.stringify(cdx).matchAll(/"(?:url|contents)":\{?"?(?:url":")?(file:[^"]*)"/g),
    ].map((m) => m[1]!);
    const locations = (spdx['@graph'] as any[]).filter((e) => e.type === 'dataset_DatasetPackage').map((e) => e.software_downloadLocation as string);
    expect(locations).toHaveLength(st.predicate.datasets.length);
    expect(urls.length).toBeGreaterThanOrEqual(st.predicate.datasets.length);
    for (const u of [...urls, ...locations]) {
      expect(u).toMatch(/^file:[A-Za-z0-9\-._~:/@!$&'()*+,;=%]+$/);
      expect(st.predicate.datasets.map((d) => d.uri)).toContain(decodeURIComponent(u));
    }
  });
});

describe('coverage fields land in each standard\'s own place (fully populated record)', () => {
  const st = fullStatement();
  const spdx = exportStatement(st, 'spdx') as any;
  const g = spdx['@graph'] as any[];
  const byId = new Map(g.map((e) => [e.spdxId ?? e['@id'], e]));
  const cdx = exportStatement(st, 'cyclonedx') as any;
  const ol = exportStatement(st, 'openlineage') as any;
  const prov = exportStatement(st, 'prov') as any;

  it('SPDX 3 Dataset profile: confidentiality, size, collection process, preprocessing, noise, source, owner', () => {
    const raw = g.find((e) => e.type === 'dataset_DatasetPackage' && e.name === 'raw' && e.software_packageVersion === '3');
    expect(raw).toMatchObject({
      dataset_confidentialityLevel: 'red', // confidential → TLP red (named recipients only)
      dataset_datasetSize: 123456,
      dataset_datasetNoise: 'missing values: 1.2% of cells; duplicate rows: 0.5%',
      software_sourceInfo: 'maintained at https://github.com/acme/raw-points',
      externalRef: [{ type: 'ExternalRef', externalRefType: 'vcs', locator: ['https://github.com/acme/raw-points'] }],
    });
    expect(raw.dataset_dataPreprocessing).toEqual(['sampling: stratified (by label, fraction 0.8, 800 items, seed 7): keep class balance']);
    expect(byId.get(raw.suppliedBy)).toMatchObject({ type: 'Agent', name: PSEUDONYM });
    const synth = g.find((e) => e.type === 'dataset_DatasetPackage' && e.name === 'synthetic-qa');
    expect(synth.dataset_dataCollectionProcess).toBe('synthetic: generated by llama-gen 3.1 (parameters temperature=0.7, prompt_set=v2, seed 11)');
    expect(synth.dataset_confidentialityLevel).toBe('amber');
    expect(synth.dataset_dataPreprocessing[0]).toMatch(/^made by step augment \(pandas@2\.2\.3\); parameters n=100; command: python augment\.py --n 100; environment: image ghcr\.io\/acme\/prep:1/);
    const gen = g.find((e) => e.type === 'Relationship' && e.relationshipType === 'generates');
    expect(byId.get(gen.from)).toMatchObject({ type: 'Tool', name: 'llama-gen 3.1' });
    expect(gen.to).toEqual([synth.spdxId]);
    expect(g.find((e) => e.name === 'public-eval').dataset_confidentialityLevel).toBe('clear');
    // Built by this run: only what a step of it made; an input's build and release times are not in the record.
    expect([raw.builtTime, raw.releaseTime, raw.originatedBy]).toEqual([undefined, undefined, undefined]);
    expect(synth.builtTime).toBe('2025-01-01T01:00:00Z');
    expect(byId.get(synth.originatedBy[0]).type).toBe('SoftwareAgent');
    // No claims the record does not make: nothing said about personal information or anonymisation of the data itself.
    for (const e of g) for (const k of ['dataset_hasSensitivePersonalInformation', 'dataset_anonymizationMethodUsed', 'dataset_knownBias', 'ai_autonomyType', 'ai_domain']) expect(e[k]).toBeUndefined();
  });

  it('SPDX 3: license history as earlier-version packages this version descends from, each with its declared license', () => {
    const raw = g.find((e) => e.name === 'raw' && e.software_packageVersion === '3');
    const desc = g.find((e) => e.relationshipType === 'descendantOf' && e.from === raw.spdxId);
    const olds = desc.to.map((t: string) => byId.get(t));
    expect(olds.map((o: any) => [o.type, o.name, o.software_packageVersion])).toEqual([
      ['dataset_DatasetPackage', 'raw', '1'],
      ['dataset_DatasetPackage', 'raw', '2'],
    ]);
    const declared = (el: string) => byId.get(g.find((e) => e.relationshipType === 'hasDeclaredLicense' && e.from === el).to[0]).simplelicensing_licenseExpression;
    expect(olds.map((o: any) => declared(o.spdxId))).toEqual(['CC-BY-NC-4.0', 'CC-BY-SA-4.0']);
    expect(olds[0].comment).toBe('licensed CC-BY-NC-4.0 since 2023-01-01');
    expect(declared(raw.spdxId)).toBe('CC-BY-4.0');
  });

  it('SPDX 3: quality counts and checks as annotations on the dataset; conflicts as reviews; pseudonyms declared on the document', () => {
    const raw = g.find((e) => e.name === 'raw' && e.software_packageVersion === '3');
    const notes = g.filter((e) => e.type === 'Annotation' && e.subject === raw.spdxId);
    const counts = notes.find((n) => n.contentType === 'application/json');
    expect(JSON.parse(counts.statement)['ml-provenance:quality']).toEqual({
      rows: 1000, columns: 3, missingRate: 0.012, duplicateRate: 0.005, labelDistribution: { cat: 600, dog: 400 }, metrics: { outlierRate: 0.02 },
    });
    expect(notes.filter((n) => n.annotationType === 'review').map((n) => n.statement)).toEqual([
      'quality check no_duplicates passed (great_expectations@1.2)',
      'quality check label_balance FAILED: dog under 45%',
      'sources disagreed on dataset "raw" version: datasets manifest said 2, records log said 3; the last one was kept',
    ]);
    const build = g.find((e) => e.type === 'build_Build');
    expect(g.find((e) => e.type === 'Annotation' && e.subject === build.spdxId).statement).toMatch(/metric "accuracy, split test" value: records log said 0\.9, metrics file said 0\.91/);
    const doc = g.find((e) => e.type === 'SpdxDocument');
    expect(g.find((e) => e.type === 'Annotation' && e.subject === doc.spdxId).statement).toMatch(/^pseudonymised by hmac-sha256 under key 0a1b2c3d .*#\/datasets\/0\/source\/owner$/);
    expect(doc.element).toEqual(expect.arrayContaining(notes.map((n) => n.spdxId)));
  });

  it('SPDX 3 AI and Build profiles: training information, preprocessing with commands, the run as a build with environment and flags', () => {
    const model = g.find((e) => e.type === 'ai_AIPackage');
    expect(model.ai_informationAboutTraining.split('\n')).toEqual([
      'purpose: check stratified sampling against random',
      'flags: new_loss=true, api_token=[REDACTED]',
      'cluster: 2 node(s), 8 accelerator(s) per node (NVIDIA H100 80GB), strategy fsdp, scheduler slurm',
      'hardware: CPU AMD EPYC 7R13, 48 cores; memory 412316860416 bytes; GPU NVIDIA H100 80GB HBM3, 81559 MiB, driver 550.54.15, CUDA 12.4 (from node:os, nvidia-smi)',
      'python: 3.11.7 with 2 package(s) (from uv.lock)',
    ]);
    expect(model.ai_modelDataPreprocessing[0]).toContain('command: python augment.py --n 100');
    const build = g.find((e) => e.type === 'build_Build');
    const env = Object.fromEntries(build.build_environment.map((x: any) => [x.key, x.value]));
    expect(env).toMatchObject({ 'python:numpy': '2.1.0', 'python:torch': '2.5.1', 'cluster:nodes': '2', 'cluster:strategy': 'fsdp', 'hardware:gpu[0]': 'NVIDIA H100 80GB HBM3, 81559 MiB, driver 550.54.15, CUDA 12.4', 'hardware:cpu': 'AMD EPYC 7R13' });
    expect(build.build_parameter).toEqual([{ type: 'DictionaryEntry', key: 'flag:new_loss', value: 'true' }, { type: 'DictionaryEntry', key: 'flag:api_token', value: '[REDACTED]' }]);
    expect(build.comment).toBe('purpose: check stratified sampling against random');
    expect(g.find((e) => e.type === 'Relationship' && e.relationshipType === 'hasOutput').from).toBe(build.spdxId);
    expect(g.find((e) => e.type === 'SpdxDocument').profileConformance).toContain('build');
  });

  it('CycloneDX: data[] classification and governance, properties, pedigree for earlier licenses', () => {
    const raw = cdx.components.find((c: any) => c.name === 'raw');
    expect(raw.data[0]).toMatchObject({
      type: 'dataset',
      classification: 'confidential',
      governance: { owners: [{ organization: { name: PSEUDONYM } }] },
    });
    expect(raw.data[0].description).toBe(
      '1000 rows, 3 columns, 123456 bytes; missing values: 1.2% of cells; duplicate rows: 0.5%; sampling: stratified (by label, fraction 0.8, 800 items, seed 7): keep class balance; quality check no_duplicates passed (great_expectations@1.2); quality check label_balance FAILED: dog under 45%',
    );
    const prop = (c: any, n: string) => c.properties.find((x: any) => x.name === n)?.value;
    expect(prop(raw, 'ml-provenance:quality.rows')).toBe('1000');
    expect(prop(raw, 'ml-provenance:quality.labelDistribution')).toBe('{"cat":600,"dog":400}');
    expect(prop(raw, 'ml-provenance:quality.check.label_balance')).toBe('failed: dog under 45%');
    expect(prop(raw, 'ml-provenance:sampling.strategy')).toBe('stratified');
    expect(prop(raw, 'ml-provenance:source.repository')).toBe('https://github.com/acme/raw-points');
    expect(raw.externalReferences).toContainEqual({ url: 'https://github.com/acme/raw-points', type: 'vcs', comment: 'where the data is maintained' });
    expect(raw.pedigree.ancestors).toEqual([
      { type: 'data', name: 'raw', version: '1', licenses: [{ license: { id: 'CC-BY-NC-4.0' } }] },
      { type: 'data', name: 'raw', version: '2', licenses: [{ license: { id: 'CC-BY-SA-4.0' } }] },
    ]);
    const synth = cdx.components.find((c: any) => c.name === 'synthetic-qa');
    expect(synth.licenses).toEqual([{ expression: 'LicenseRef-acme-internal' }]);
    expect(synth.data[0].classification).toBe('internal');
    expect(prop(synth, 'ml-provenance:synthetic.generator')).toBe('llama-gen');
    expect(prop(synth, 'ml-provenance:synthetic.parameter.temperature')).toBe('0.7');
    expect(prop(synth, 'ml-provenance:synthetic.seed')).toBe('11');
  });

  it('CycloneDX: purpose and flags on the model card; the run as formulation; conflicts as annotations; pseudonyms declared', () => {
    const card = cdx.metadata.component.modelCard;
    expect(card.properties).toEqual(expect.arrayContaining([
      { name: 'ml-provenance:experiment.purpose', value: 'check stratified sampling against random' },
      { name: 'ml-provenance:experiment.flag.new_loss', value: 'true' },
    ]));
    const f = cdx.formulation[0];
    expect(f.components).toEqual(expect.arrayContaining([
      { type: 'library', 'bom-ref': 'python:numpy', name: 'numpy', version: '2.1.0', purl: 'pkg:pypi/numpy@2.1.0' },
      expect.objectContaining({ type: 'device', name: 'NVIDIA H100 80GB HBM3' }),
      expect.objectContaining({ type: 'device', name: 'AMD EPYC 7R13' }),
    ]));
    const wf = f.workflows[0];
    expect(wf.steps).toEqual([{ name: 'train', commands: [{ executed: 'python3 train.py --epochs 2' }] }]);
    expect(wf.tasks[0]).toMatchObject({
      name: 'augment',
      steps: [{ name: 'augment', commands: [{ executed: 'python augment.py --n 100' }] }],
      inputs: [{ resource: { ref: 'dataset:raw' } }],
      outputs: [{ type: 'artifact', resource: { ref: 'dataset:synthetic-qa' } }],
    });
    expect(wf.tasks[0].properties).toContainEqual({ name: 'ml-provenance:environment.image', value: 'ghcr.io/acme/prep:1' });
    expect(wf.inputs.map((i: any) => i.resource.ref)).toEqual(['dataset:raw', 'dataset:public-eval']);
    expect(wf.properties).toEqual(expect.arrayContaining([
      { name: 'ml-provenance:cluster.nodes', value: '2' },
      { name: 'ml-provenance:cluster.strategy', value: 'fsdp' },
      { name: 'ml-provenance:python.source', value: 'uv.lock' },
    ]));
    expect(cdx.annotations.map((a: any) => a.subjects)).toEqual([['dataset:raw'], ['model']]);
    expect(cdx.metadata.properties).toContainEqual({ name: 'ml-provenance:pseudonyms.fields', value: '["#/datasets/0/source/owner"]' });
  });

  it('OpenLineage: official quality, assertion, datasource and ownership facets; coverage in the custom facets', () => {
    const raw = ol.inputs.find((i: any) => i.facets.mlProvenance_dataset.id === 'raw');
    expect(raw.inputFacets.dataQualityMetrics).toMatchObject({ rowCount: 1000, bytes: 123456, fileCount: 2, columnMetrics: {} });
    expect(raw.inputFacets.dataQualityAssertions.assertions).toEqual([
      { assertion: 'no_duplicates', success: true, name: 'no_duplicates' },
      { assertion: 'label_balance', success: false, name: 'label_balance' },
    ]);
    expect(raw.facets.dataSource).toMatchObject({ name: 'https://github.com/acme/raw-points', uri: 'https://github.com/acme/raw-points' });
    expect(raw.facets.ownership.owners).toEqual([{ name: PSEUDONYM }]);
    const facet = raw.facets.mlProvenance_dataset;
    for (const k of ['source', 'quality', 'sampling', 'licenseHistory']) expect(facet[k]).toEqual((st.predicate.datasets[0] as any)[k]);
    expect(ol.inputs.find((i: any) => i.facets.mlProvenance_dataset.id === 'synthetic-qa').facets.mlProvenance_dataset.synthetic).toEqual(st.predicate.datasets[1]!.synthetic);
    const run = ol.run.facets.mlProvenance_run;
    expect(run.experiment).toEqual(st.predicate.experiment);
    expect(ol.run.facets.tags.tags).toEqual([
      { key: 'new_loss', value: 'true', source: 'ML_PROVENANCE' },
      { key: 'api_token', value: '[REDACTED]', source: 'ML_PROVENANCE' },
    ]);
    expect(run.conflicts).toEqual(st.predicate.conflicts);
    expect(run.pseudonyms).toEqual(st.predicate.pseudonyms);
    expect(run.steps[0]).toMatchObject({ command: ['python', 'augment.py', '--n', '100'], environment: { image: 'ghcr.io/acme/prep:1' } });
    const env = ol.run.facets.mlProvenance_environment;
    expect(env).toMatchObject({ cluster: st.predicate.environment.cluster, hardware: st.predicate.environment.hardware, python: st.predicate.environment.python });
  });

  it('PROV: attributes in the mlp namespace; synthetic data generated by an activity associated with its generator; license history as revisions', () => {
    const raw = prov.entity['mlp:dataset/raw%403'];
    expect(raw).toMatchObject({ 'mlp:access': 'confidential', 'mlp:sourceRepository': 'https://github.com/acme/raw-points', 'mlp:quality_rows': 1000, 'mlp:sampling_strategy': 'stratified', 'mlp:sampling_seed': 7, 'mlp:bytes': 123456 });
    expect(raw['mlp:qualityCheck']).toEqual(['quality check no_duplicates passed (great_expectations@1.2)', 'quality check label_balance FAILED: dog under 45%']);
    const revisions = Object.values(prov.wasDerivedFrom).filter((d: any) => d['prov:type']?.$ === 'prov:Revision') as any[];
    expect(revisions.map((r) => [r['prov:generatedEntity'], r['prov:usedEntity']])).toEqual([
      ['mlp:dataset/raw%403', 'mlp:dataset/raw%401'],
      ['mlp:dataset/raw%403', 'mlp:dataset/raw%402'],
    ]);
    expect(prov.entity['mlp:dataset/raw%401']['mlp:license']).toBe('CC-BY-NC-4.0');
    expect(Object.values(prov.wasAttributedTo)).toEqual([{ 'prov:entity': 'mlp:dataset/raw%403', 'prov:agent': `mlp:owner/${encodeURIComponent(PSEUDONYM)}` }]);
    // synthetic-qa was output by the augment step: that step is its one generation, associated with the generator.
    const synth = 'mlp:dataset/synthetic-qa%401';
    const gens = Object.values(prov.wasGeneratedBy).filter((x: any) => x['prov:entity'] === synth) as any[];
    expect(gens).toHaveLength(1);
    const act = gens[0]['prov:activity'];
    expect(prov.activity[act]).toMatchObject({ 'prov:label': 'augment', 'mlp:command': 'python augment.py --n 100', 'mlp:image': 'ghcr.io/acme/prep:1', 'mlp:syntheticSeed': 11, 'mlp:syntheticParam_temperature': 0.7 });
    expect(Object.values(prov.wasAssociatedWith)).toContainEqual({ 'prov:activity': act, 'prov:agent': 'mlp:generator/llama-gen%403.1', 'prov:role': { $: 'mlp:generator', type: 'prov:QUALIFIED_NAME' } });
    expect(prov.agent['mlp:generator/llama-gen%403.1']['prov:type']).toEqual({ $: 'prov:SoftwareAgent', type: 'prov:QUALIFIED_NAME' });
    const run = Object.values(prov.activity).find((a: any) => a['prov:type'].$ === 'mlp:Training') as any;
    expect(run).toMatchObject({ 'mlp:purpose': 'check stratified sampling against random', 'mlp:flag_new_loss': true, 'mlp:cluster_nodes': 2, 'mlp:cpuModel': 'AMD EPYC 7R13', 'mlp:pseudonymKeyId': '0a1b2c3d' });
    expect(run['mlp:conflict']).toHaveLength(2);
    expect(prov.entity['mlp:environment/python']).toMatchObject({ 'mlp:package_numpy': '2.1.0', 'mlp:source': 'uv.lock' });
  });

  it('a synthetic dataset no step made gets its own generation activity', () => {
    const s2 = fullStatement();
    s2.predicate.steps = [];
    const p2 = exportStatement(s2, 'prov') as any;
    const gen = Object.values(p2.wasGeneratedBy).find((x: any) => x['prov:entity'] === 'mlp:dataset/synthetic-qa%401') as any;
    expect(gen['prov:activity']).toBe('mlp:generation/synthetic-qa');
    expect(p2.activity['mlp:generation/synthetic-qa']).toMatchObject({ 'prov:type': { $: 'mlp:SyntheticGeneration', type: 'prov:QUALIFIED_NAME' }, 'mlp:syntheticSeed': 11 });
  });

  it('pseudonyms stay pseudonyms and redacted values stay redacted in every format', () => {
    for (const f of EXPORT_FORMATS) {
      const text = JSON.stringify(exportStatement(st, f));
      expect(text, f).not.toMatch(/data-team/);
      if (f !== 'slsa') expect(text, f).toContain(PSEUDONYM.slice(0, 20));
    }
    // A pseudonymised location is not a path in the repository.
    const ps = fullStatement();
    ps.predicate.datasets[0]!.uri = PSEUDONYM;
    const ev = exportStatement(ps, 'openlineage') as any;
    expect([ev.inputs[0].namespace, ev.inputs[0].name]).toEqual(['pseud:0a1b2c3d', PSEUDONYM.split(':')[2]]);
    expectValidOpenLineage(ev);
  });

  it('dropping a field from the record drops it from the export (the assertions above can fail)', () => {
    const bare = fullStatement();
    for (const d of bare.predicate.datasets) {
      delete d.source;
      delete d.quality;
      delete d.synthetic;
      delete d.sampling;
      delete d.licenseHistory;
    }
    delete bare.predicate.experiment;
    const g2 = (exportStatement(bare, 'spdx') as any)['@graph'] as any[];
    expect(g2.some((e) => e.dataset_confidentialityLevel || e.dataset_dataCollectionProcess || e.relationshipType === 'descendantOf')).toBe(false);
    const ol2 = exportStatement(bare, 'openlineage') as any;
    expect(ol2.inputs.some((i: any) => i.inputFacets?.dataQualityAssertions || i.facets.ownership)).toBe(false);
    expect(ol2.run.facets.tags).toBeUndefined();
    const c2 = exportStatement(bare, 'cyclonedx') as any;
    expect(c2.components.some((c: any) => c.data[0].classification || c.pedigree)).toBe(false);
  });
});

describe('the run id', () => {
  const st = makeStatement({ run: 'id' });
  const ids = (doc: Record<string, any>, f: string): string[] =>
    f === 'openlineage'
      ? [doc.run.facets.mlProvenance_run.statementDigest]
      : f === 'cyclonedx'
        ? [doc.metadata.component.properties.find((p: any) => p.name === 'ml-provenance:runId').value]
        : f === 'prov'
          ? [(Object.values(doc.activity) as any[]).find((a) => a['prov:type'].$ === 'mlp:Training')['mlp:runId']]
          : [doc['@graph'].find((e: any) => e.type === 'SpdxDocument').spdxId.replace(/^https:\/\/ml-provenance\.dev\/spdx\/([a-f0-9]{32})#.*$/, '$1')];
  it('is the one given (the loaded document\'s statementRunId), in every format that names the run', () => {
    const given = 'f'.repeat(64);
    for (const f of ['openlineage', 'cyclonedx', 'prov', 'spdx'] as const) expect(ids(exportStatement(st, f, given) as any, f)[0], f).toBe(f === 'spdx' ? given.slice(0, 32) : given);
  });
  it('without one, the sha256 of the bytes build writes (serializeStatement), not of compact JSON', () => {
    const expected = createHash('sha256').update(serializeStatement(st)).digest('hex');
    expect(statementRunId({ statement: st })).toBe(expected);
    expect(ids(exportStatement(st, 'openlineage') as any, 'openlineage')[0]).toBe(expected);
    expect(expected).not.toBe(createHash('sha256').update(JSON.stringify(st)).digest('hex'));
  });
  it('a bundle\'s id is its signed payload\'s sha256 even when the payload is not build\'s formatting', () => {
    const payload = Buffer.from(JSON.stringify(st));
    expect(statementRunId({ statement: st, payload })).toBe(createHash('sha256').update(payload).digest('hex'));
  });
});
