// The official schemas and validators every export is checked against (see
// test/fixtures/schemas/README.md): SPDX 3.0.1's published JSON schema, the CycloneDX
// library's own validator, the OpenLineage core and facet schemas (official ones verbatim,
// ours generated into schemas/), the PROV-JSON schema, and our SLSA v1 schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import * as CdxSpec from '@cyclonedx/cyclonedx-library/Spec';
import * as CdxValidation from '@cyclonedx/cyclonedx-library/Validation';
import { expect } from 'vitest';
import type { EXPORT_FORMATS } from '../../src/lineage/export/index.js';
import { OPENLINEAGE_FACET_FILES } from '../../src/schema/openlineage.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;
const here = import.meta.dirname;
export const ROOT = path.join(here, '../..');
export const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
export const fixturePath = (name: string) => path.join(here, '../fixtures/schemas', name);
export const fixture = (name: string) => read(fixturePath(name));

function validator(kind: '07' | '2020', schema: AnySchema, extra: AnySchema[] = []): ValidateFunction {
  const ajv = kind === '2020' ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const s of extra) ajv.addSchema(s);
  return ajv.compile(schema);
}

export function expectValid(validate: ValidateFunction, doc: unknown): void {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toEqual([]);
  expect(ok).toBe(true);
}

/** The CycloneDX library's own validator (JSON, strict, spec 1.6): what `cyclonedx validate` users rely on. */
const cdxValidator = new CdxValidation.JsonStrictValidator(CdxSpec.Version.v1dot6);
export async function cdxErrors(doc: unknown): Promise<unknown> {
  return cdxValidator.validate(JSON.stringify(doc));
}

/** The official OpenLineage facets the export emits whose schemas are in test/fixtures/schemas. */
export const OFFICIAL_OL_FACETS = ['DatasetVersionDatasetFacet', 'JobTypeJobFacet', 'SourceCodeLocationJobFacet'] as const;
/**
 * Official facets the export also emits whose schemas are NOT in the repository: files
 * brought from a fetched repository snapshot may not be committed (they belong in the
 * steering repo's shared/schemas). Such a facet is checked against the core schema's
 * facet shape and must name its official schema URL; its own fields are not validated.
 */
export const UNVENDORED_OL_FACETS = new Set([
  'https://openlineage.io/spec/facets/1-0-3/DataQualityMetricsInputDatasetFacet.json',
  'https://openlineage.io/spec/facets/1-1-0/DataQualityAssertionsDatasetFacet.json',
  'https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json',
  'https://openlineage.io/spec/facets/1-0-1/OwnershipDatasetFacet.json',
  'https://openlineage.io/spec/facets/1-0-0/TagsRunFacet.json',
]);
export const olFacetFiles = OFFICIAL_OL_FACETS.map((n) => fixture(`openlineage/${n}.json`));
const ourFacetFiles = Object.values(OPENLINEAGE_FACET_FILES).map((f) => read(path.join(ROOT, 'schemas', f)));
export const olAjv = new Ajv2020({ strict: false, allErrors: true });
addFormats(olAjv);
for (const s of [fixture('OpenLineage.json'), ...olFacetFiles, ...ourFacetFiles]) olAjv.addSchema(s);
export const olEvent = olAjv.getSchema('https://openlineage.io/spec/2-0-2/OpenLineage.json')!;

/** Every facet in an OpenLineage event, with where it sits. */
export function facetsOf(ev: any): [string, any][] {
  const out: [string, any][] = [];
  const add = (where: string, facets: Record<string, unknown> | undefined) => {
    for (const [k, f] of Object.entries(facets ?? {})) out.push([`${where}.${k}`, f]);
  };
  add('run', ev.run.facets);
  add('job', ev.job.facets);
  for (const [i, d] of [...ev.inputs, ...ev.outputs].entries()) {
    add(`dataset[${i}]`, d.facets);
    add(`dataset[${i}].inputFacets`, d.inputFacets);
  }
  return out;
}

/** The event validates against the core schema, and each facet against the schema its `_schemaURL` names. */
export function expectValidOpenLineage(ev: unknown): void {
  expectValid(olEvent, ev);
  for (const [where, facet] of facetsOf(ev)) {
    const url = facet._schemaURL as string;
    if (UNVENDORED_OL_FACETS.has(url.split('#')[0]!)) continue;
    const validate = olAjv.getSchema(url);
    expect(validate, `${where}: no schema at ${url}`).toBeTruthy();
    expectValid(validate!, facet);
  }
}

export const validators = {
  // draft-04 schema: same keyword meanings under the draft-07 engine once `$schema` is dropped.
  prov: validator('07', (({ $schema: _drop, ...s }) => s)(fixture('prov-json.schema.json'))),
  slsa: validator('2020', fixture('slsa-provenance-v1.schema.json')),
  spdx: validator('2020', fixture('spdx-3.0.1.schema.json')),
};

export async function expectValidExport(format: (typeof EXPORT_FORMATS)[number], doc: unknown): Promise<void> {
  if (format === 'cyclonedx') expect(await cdxErrors(doc)).toBeNull();
  else if (format === 'openlineage') expectValidOpenLineage(doc);
  else expectValid(validators[format], doc);
}
