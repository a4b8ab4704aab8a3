import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { isSupportedSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import type { DatasetDescriptor, TrainingStatement } from '../../schema/predicate.js';
import { isSpdxExpression } from '../../schema/license.js';
import { datasetUriReference, digests, exportRunId, isVcsUrl, finalMetrics, gitCommit, modelIdentity, runTime, stableUuid, TOOL_NAME, TOOL_VERSION } from './common.js';
import { checkText, conflictText, noiseText, samplingText, syntheticText } from './coverage-text.js';
import { flat, formulation, propsJson, type Props } from './cyclonedx-formulation.js';

const HASH_ALG: Record<string, Enums.HashAlgorithm> = {
  sha256: Enums.HashAlgorithm['SHA-256'],
  sha512: Enums.HashAlgorithm['SHA-512'],
  sha1: Enums.HashAlgorithm['SHA-1'],
  md5: Enums.HashAlgorithm.MD5,
};

function hashes(d: { digest?: Record<string, string> | undefined }): Models.HashDictionary {
  const out = new Models.HashDictionary();
  for (const [alg, hex] of digests(d)) {
    const a = HASH_ALG[alg];
    if (a) out.set(a, hex.toLowerCase());
  }
  return out;
}

/** A license field: an SPDX id, an SPDX expression (incl. LicenseRef-…), or else a plain name. */
function licenses(expr: string | undefined): Models.LicenseRepository {
  const repo = new Models.LicenseRepository();
  if (!expr) return repo;
  if (isSupportedSpdxId(expr)) repo.add(new Models.SpdxLicense(expr));
  else if (isSpdxExpression(expr)) repo.add(new Models.LicenseExpression(expr));
  else repo.add(new Models.NamedLicense(expr));
  return repo;
}

/** The same choice in the normalized JSON, for objects the library does not model. */
function licenseJson(expr: string): Record<string, unknown> {
  if (isSupportedSpdxId(expr)) return { license: { id: expr } };
  if (isSpdxExpression(expr)) return { expression: expr };
  return { license: { name: expr } };
}

function props(entries: Props): Models.PropertyRepository {
  const repo = new Models.PropertyRepository();
  for (const [k, v] of entries) if (v !== undefined) repo.add(new Models.Property(k, typeof v === 'string' ? v : JSON.stringify(v)));
  return repo;
}
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(s);

/** The dataset facts CycloneDX has no field for, as `ml-provenance:` properties (documented in docs/EXPORTS.md). */
function datasetProps(d: DatasetDescriptor): Props {
  const q = d.quality;
  return [
    ['ml-provenance:uri', d.uri],
    ['ml-provenance:digestSource', d.digestSource],
    ['ml-provenance:splits', d.splits],
    ['ml-provenance:seed', d.seed],
    ['ml-provenance:source.repository', d.source?.repository],
    ['ml-provenance:source.access', d.source?.access],
    ['ml-provenance:quality.rows', q?.rows],
    ['ml-provenance:quality.columns', q?.columns],
    ['ml-provenance:quality.missingRate', q?.missingRate],
    ['ml-provenance:quality.duplicateRate', q?.duplicateRate],
    ['ml-provenance:quality.labelDistribution', q?.labelDistribution],
    ...flat('ml-provenance:quality.metric.', q?.metrics),
    ...(q?.checks ?? []).map((c): [string, unknown] => [`ml-provenance:quality.check.${c.name}`, `${c.passed ? 'passed' : 'failed'}${c.tool ? ` (${c.tool})` : ''}${c.detail ? `: ${c.detail}` : ''}`]),
    ...flat('ml-provenance:sampling.', d.sampling),
    ['ml-provenance:synthetic.generator', d.synthetic?.generator],
    ['ml-provenance:synthetic.version', d.synthetic?.version],
    ['ml-provenance:synthetic.seed', d.synthetic?.seed],
    ...flat('ml-provenance:synthetic.parameter.', d.synthetic?.parameters),
    ['ml-provenance:licenseHistory', d.licenseHistory],
  ];
}

function datasetComponent(d: DatasetDescriptor): Models.Component {
  const refs = new Models.ExternalReferenceRepository();
  if (/^[a-z][a-z0-9+.-]*:/i.test(d.uri)) refs.add(new Models.ExternalReference(datasetUriReference(d), Enums.ExternalReferenceType.Distribution));
  const repo = d.source?.repository;
  if (repo && isUrl(repo) && repo !== d.uri) {
    refs.add(new Models.ExternalReference(repo, isVcsUrl(repo) ? Enums.ExternalReferenceType.VCS : Enums.ExternalReferenceType.Other, { comment: 'where the data is maintained' }));
  }
  return new Models.Component(Enums.ComponentType.Data, d.id, {
    bomRef: `dataset:${d.id}`,
    ...(d.version ? { version: d.version } : {}),
    hashes: hashes(d),
    licenses: licenses(d.license),
    externalReferences: refs,
    properties: props(datasetProps(d)),
  });
}

/** CycloneDX `data[]` for a dataset: classification, governance, and a description of what was measured. */
function componentData(d: DatasetDescriptor): Record<string, unknown> {
  const q = d.quality;
  const size = [q?.rows !== undefined ? `${q.rows} rows` : undefined, q?.columns !== undefined ? `${q.columns} columns` : undefined, d.bytes !== undefined ? `${d.bytes} bytes` : undefined]
    .filter(Boolean)
    .join(', ');
  const description = [size || undefined, noiseText(q), d.sampling ? samplingText(d.sampling) : undefined, d.synthetic ? syntheticText(d.synthetic) : undefined, ...(q?.checks ?? []).map(checkText)]
    .filter(Boolean)
    .join('; ');
  return {
    type: 'dataset',
    name: d.id,
    ...(/^[a-z][a-z0-9+.-]*:/i.test(d.uri) ? { contents: { url: datasetUriReference(d) } } : {}),
    ...(d.source?.access ? { classification: d.source.access } : {}),
    ...(description ? { description } : {}),
    ...(d.source?.owner ? { governance: { owners: [{ organization: { name: d.source.owner } }] } } : {}),
  };
}

/**
 * A CycloneDX 1.6 ML-BOM: the trained model as a machine-learning-model component with a
 * model card (datasets, final performance metrics, hyperparameters, purpose and flags); each
 * dataset as a data component with its hashes, license, classification, governance and
 * earlier licensed versions (pedigree); the run as a formulation (workflow with its steps'
 * commands, the Python packages and hardware it used); conflicts between sources as
 * annotations. The library models the BOM; model cards, `data`, formulation and annotations
 * are not in its object model, so they are added to the normalized JSON, which the tests
 * check with the library's own JSON validator.
 */
export function toCycloneDx(s: TrainingStatement, runId?: string): Record<string, unknown> {
  const p = s.predicate;
  const id0 = exportRunId(s, runId);
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${stableUuid(`cyclonedx:${id0}`)}` });
  const time = runTime(s);
  bom.metadata.timestamp = new Date(time.finished);
  bom.metadata.tools.tools.add(new Models.Tool({ vendor: TOOL_NAME, name: TOOL_NAME, version: TOOL_VERSION }));

  const datasets = p.datasets.map(datasetComponent);
  const single = s.subject.length === 1 ? s.subject[0] : undefined;
  // Named after the model, grouped by the repository it came from, versioned by tag or content.
  const id = modelIdentity(s);
  const model = new Models.Component(Enums.ComponentType.MachineLearningModel, id.name, {
    bomRef: 'model',
    ...(id.repository ? { group: id.repository } : {}),
    version: id.version,
    ...(single ? { hashes: hashes(single) } : {}),
    properties: props([
      ['ml-provenance:builder', p.runDetails.builder.id],
      ['ml-provenance:invocation', p.runDetails.metadata.invocationId],
      ['ml-provenance:runId', id0],
      ['ml-provenance:gitCommit', gitCommit(s)],
      ['ml-provenance:image', p.image?.reference],
      ['ml-provenance:command', p.buildDefinition.externalParameters.command?.join(' ')],
    ]),
  });
  if (!single) {
    // A model directory: one file component per subject, nested under the model.
    for (const [i, f] of s.subject.entries()) {
      model.components.add(new Models.Component(Enums.ComponentType.File, f.name, { bomRef: `model-file:${i}`, hashes: hashes(f) }));
    }
  }
  for (const d of datasets) model.dependencies.add(d.bomRef);
  bom.metadata.component = model;
  for (const d of datasets) bom.components.add(d);

  const factory = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6);
  const json = factory.makeForBom().normalize(bom, { sortLists: false }) as unknown as Record<string, unknown>;

  const metrics = finalMetrics(s);
  const modelCard = {
    modelParameters: {
      datasets: p.datasets.map((d) => ({ ref: `dataset:${d.id}` })),
    },
    ...(metrics.length
      ? {
          quantitativeAnalysis: {
            performanceMetrics: metrics.map((m) => ({
              type: m.name,
              value: String(m.value),
              ...(m.split || m.epoch !== undefined ? { slice: [m.split, m.epoch !== undefined ? `epoch ${m.epoch}` : undefined].filter(Boolean).join(', ') } : {}),
            })),
          },
        }
      : {}),
    properties: [
      ...Object.entries(p.buildDefinition.externalParameters.hyperparameters).map(([k, v]) => ({
        name: `hyperparameter:${k}`,
        value: typeof v === 'string' ? v : JSON.stringify(v),
      })),
      ...propsJson([['ml-provenance:experiment.purpose', p.experiment?.purpose], ...flat('ml-provenance:experiment.flag.', p.experiment?.flags)]),
    ],
  };
  const meta = json.metadata as { component: Record<string, unknown>; properties?: unknown };
  meta.component.modelCard = modelCard;
  const ps = p.pseudonyms;
  if (ps) {
    meta.properties = propsJson([
      ['ml-provenance:pseudonyms.algorithm', ps.algorithm],
      ['ml-provenance:pseudonyms.keyId', ps.keyId],
      ['ml-provenance:pseudonyms.fields', ps.fields],
    ]);
  }
  const components = (json.components ?? []) as Record<string, unknown>[];
  for (const c of components) {
    const d = p.datasets.find((x) => `dataset:${x.id}` === c['bom-ref']);
    if (!d) continue;
    c.data = [componentData(d)];
    // Earlier versions of the dataset under other licenses: the versions this one descends from.
    if (d.licenseHistory?.length) {
      c.pedigree = { ancestors: d.licenseHistory.map((h) => ({ type: 'data', name: d.id, version: h.version, licenses: [licenseJson(h.license)] })) };
    }
  }
  json.formulation = [formulation(s, id0)];
  const annotations = (p.conflicts ?? []).map((c) => ({
    subjects: [c.kind === 'dataset' && p.datasets.some((d) => d.id === c.id) ? `dataset:${c.id}` : 'model'],
    annotator: { component: { type: 'application', name: TOOL_NAME, version: TOOL_VERSION } },
    timestamp: new Date(time.finished).toISOString(),
    text: conflictText(c),
  }));
  if (annotations.length) json.annotations = annotations;
  return json;
}
