import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { isSupportedSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import type { DatasetDescriptor, TrainingStatement } from '../../schema/predicate.js';
import { digests, finalMetrics, gitCommit, modelIdentity, runTime, stableUuid, statementDigest, TOOL_NAME, TOOL_VERSION } from './common.js';

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

function licenses(expr: string | undefined): Models.LicenseRepository {
  const repo = new Models.LicenseRepository();
  if (!expr) return repo;
  if (isSupportedSpdxId(expr)) repo.add(new Models.SpdxLicense(expr));
  else if (/\s(AND|OR|WITH)\s/.test(expr)) repo.add(new Models.LicenseExpression(expr));
  else repo.add(new Models.NamedLicense(expr));
  return repo;
}

function props(entries: [string, unknown][]): Models.PropertyRepository {
  const repo = new Models.PropertyRepository();
  for (const [k, v] of entries) if (v !== undefined) repo.add(new Models.Property(k, typeof v === 'string' ? v : JSON.stringify(v)));
  return repo;
}

function datasetComponent(d: DatasetDescriptor): Models.Component {
  const refs = new Models.ExternalReferenceRepository();
  if (/^[a-z][a-z0-9+.-]*:/i.test(d.uri)) refs.add(new Models.ExternalReference(d.uri, Enums.ExternalReferenceType.Distribution));
  return new Models.Component(Enums.ComponentType.Data, d.id, {
    bomRef: `dataset:${d.id}`,
    ...(d.version ? { version: d.version } : {}),
    hashes: hashes(d),
    licenses: licenses(d.license),
    externalReferences: refs,
    properties: props([
      ['ml-provenance:uri', d.uri],
      ['ml-provenance:digestSource', d.digestSource],
      ['ml-provenance:splits', d.splits],
      ['ml-provenance:seed', d.seed],
    ]),
  });
}

/**
 * A CycloneDX 1.6 ML-BOM: the trained model as a machine-learning-model component
 * with a model card (datasets, final performance metrics, hyperparameters), and each
 * dataset as a data component with its hashes and license. The library models the
 * BOM; model cards and `data` are not in its object model, so they are added to the
 * normalized JSON, which the tests check with the library's own JSON validator.
 */
export function toCycloneDx(s: TrainingStatement): Record<string, unknown> {
  const p = s.predicate;
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${stableUuid(`cyclonedx:${statementDigest(s)}`)}` });
  bom.metadata.timestamp = new Date(runTime(s).finished);
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
    properties: Object.entries(p.buildDefinition.externalParameters.hyperparameters).map(([k, v]) => ({
      name: `hyperparameter:${k}`,
      value: typeof v === 'string' ? v : JSON.stringify(v),
    })),
  };
  const meta = json.metadata as { component: Record<string, unknown> };
  meta.component.modelCard = modelCard;
  const components = (json.components ?? []) as Record<string, unknown>[];
  for (const c of components) {
    const d = p.datasets.find((x) => `dataset:${x.id}` === c['bom-ref']);
    if (d) c.data = [{ type: 'dataset', name: d.id, ...(/^[a-z][a-z0-9+.-]*:/i.test(d.uri) ? { contents: { url: d.uri } } : {}) }];
  }
  return json;
}
