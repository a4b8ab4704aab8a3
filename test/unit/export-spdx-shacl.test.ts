// The SPDX 3.0.1 export against SPDX's normative model: its SHACL shapes (spdx-model.ttl),
// not only the JSON schema generated from them. A second, independent check with libraries
// this project did not write: jsonld (JSON-LD → RDF) and rdf-validate-shacl.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env';
import jsonld from 'jsonld';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { exportStatement } from '../../src/lineage/export/index.js';
import { SPDX_CONTEXT } from '../../src/lineage/export/spdx.js';
import { fullStatement, makeStatement } from '../fixtures/statements.js';
import { fixturePath } from '../helpers/export-validators.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWL_CLASS = 'http://www.w3.org/2002/07/owl#Class';
const RDFS_CLASS = 'http://www.w3.org/2000/01/rdf-schema#Class';
const SUBCLASS = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

const modelText = readFileSync(fixturePath('spdx-3.0.1-model.ttl'));
const contextText = readFileSync(fixturePath('spdx-3.0.1-context.jsonld'));
const context = JSON.parse(contextText.toString('utf8')) as Record<string, unknown>;
const model = new N3.Parser({ format: 'Turtle' }).parse(modelText.toString('utf8'));
const shapes = rdf.dataset(model);
// SHACL's implicit class targets need rdfs:Class; the model declares owl:Class.
for (const q of model) if (q.predicate.value === RDF_TYPE && q.object.value === OWL_CLASS) shapes.add(rdf.quad(q.subject, rdf.namedNode(RDF_TYPE), rdf.namedNode(RDFS_CLASS)));
// What pyshacl's ontology graph gives the data graph: the subclass tree and the enumeration individuals' classes.
const ontology = model.filter((q) => q.predicate.value === SUBCLASS || (q.predicate.value === RDF_TYPE && !q.object.value.startsWith('http://www.w3.org/')));
const shacl = new SHACLValidator(shapes, { factory: rdf });

const documentLoader = async (url: string) => {
  if (url === SPDX_CONTEXT) return { contextUrl: null, document: context, documentUrl: url };
  throw new Error(`offline: no ${url}`);
};

/** SHACL results about the document's own elements (the model's individuals, mixed in as ontology, are not ours). */
async function shaclResults(doc: unknown): Promise<string[]> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader, safe: true } as never)) as unknown as string;
  const data = rdf.dataset([...new N3.Parser({ format: 'N-Quads' }).parse(nquads), ...ontology]);
  const report = await shacl.validate(data);
  return report.results
    .filter((r) => !r.focusNode?.value.startsWith('https://spdx.org/rdf/3.0.1/'))
    .map((r) => `${r.focusNode?.value} ${r.path?.value ?? ''} ${r.message.map((m) => m.value).join('; ')} (${r.sourceConstraintComponent?.value.replace(/.*#/, '')})`);
}

describe('SPDX 3.0.1 export against the SPDX model\'s SHACL shapes', () => {
  it('the model and context are the official files, byte for byte', () => {
    expect(createHash('sha256').update(modelText).digest('hex')).toBe('1e6df676d5a4108de90362170b0933da53f929ae8147453cea0dffadb804fae5');
    expect(createHash('sha256').update(contextText).digest('hex')).toBe('c72b0928f094c83e5c127784edb1ebca2af74a104fcacc007c332b23cbc788bd');
  });

  it.each([
    ['a typical record', makeStatement({ run: 'shacl' })],
    ['a record with every coverage field', fullStatement()],
  ])('%s conforms (JSON-LD expands with no dropped term, no SHACL result)', async (_n, st) => {
    expect(await shaclResults(exportStatement(st, 'spdx'))).toEqual([]);
  }, 60_000);

  it('the shapes catch what is wrong: an unknown enum value, a missing required property, a wrongly typed value', async () => {
    const doc = exportStatement(fullStatement(), 'spdx') as { '@graph': Record<string, unknown>[] };
    const graph = doc['@graph'].map((e) => {
      if (e.type === 'dataset_DatasetPackage') {
        const { dataset_datasetType: _drop, ...rest } = e;
        return { ...rest, dataset_datasetSize: -1 };
      }
      return e.type === 'build_Build' ? { ...e, build_buildEndTime: 'yesterday' } : e;
    });
    const results = await shaclResults({ ...doc, '@graph': graph });
    expect(results.some((r) => /datasetType .*MinCount/.test(r))).toBe(true);
    expect(results.some((r) => /datasetSize .*(MinInclusive|Datatype)/.test(r))).toBe(true);
    expect(results.some((r) => /buildEndTime .*(Pattern|Datatype)/.test(r))).toBe(true);
    // A property the SPDX context does not define is refused when expanding (JSON-LD safe mode), not silently dropped.
    const typo = { ...doc, '@graph': doc['@graph'].map((e) => (e.type === 'dataset_DatasetPackage' ? { ...e, dataset_confidentiality: 'red' } : e)) };
    await expect(shaclResults(typo)).rejects.toThrow(/dropped|safe mode/i);
  }, 60_000);
});
