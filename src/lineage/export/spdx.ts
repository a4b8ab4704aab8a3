import type { TrainingStatement } from '../../schema/predicate.js';
import { digests, finalMetrics, modelIdentity, repositoryUrl, runTime, spdxDateTime, statementDigest, TOOL_NAME, TOOL_VERSION } from './common.js';

export const SPDX_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
/** The Core individual SPDX 3 uses where a value is known to be unknown. */
const NO_ASSERTION = 'https://spdx.org/rdf/3.0.1/terms/Core/NoAssertionElement';
const SPDX_HASH: Record<string, string> = { sha256: 'sha256', sha512: 'sha512', sha1: 'sha1', md5: 'md5' };

/**
 * SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: the model as ai_AIPackage
 * (hyperparameters, metrics), each dataset as dataset_DatasetPackage (hashes,
 * license), and `trainedOn` relationships between them. Element ids live under a
 * namespace derived from the statement digest, so exports are stable. The model is
 * named after the model and versioned by release tag or content (see modelIdentity);
 * times are SPDX DateTime (whole seconds, `Z`).
 */
export function toSpdx(s: TrainingStatement): Record<string, unknown> {
  const p = s.predicate;
  const ns = `https://ml-provenance.dev/spdx/${statementDigest(s).slice(0, 32)}`;
  const ci = '_:creationinfo';
  const run = runTime(s);
  const t = { ...(run.started ? { started: spdxDateTime(run.started) } : {}), finished: spdxDateTime(run.finished) };
  const id = modelIdentity(s);
  const repoUrl = repositoryUrl(s);
  const graph: Record<string, unknown>[] = [];
  const add = (type: string, local: string, rest: Record<string, unknown>) => {
    const spdxId = `${ns}#${local}`;
    graph.push({ type, spdxId, creationInfo: ci, ...rest });
    return spdxId;
  };
  const hashes = (d: { digest?: Record<string, string> | undefined }) =>
    digests(d)
      .filter(([alg]) => SPDX_HASH[alg])
      .map(([alg, hex]) => ({ type: 'Hash', algorithm: SPDX_HASH[alg], hashValue: hex.toLowerCase() }));

  const tool = add('Tool', 'tool', { name: `${TOOL_NAME} ${TOOL_VERSION}` });
  graph.unshift({ type: 'CreationInfo', '@id': ci, specVersion: '3.0.1', created: t.finished, createdBy: [`${ns}#builder`], createdUsing: [tool] });
  const builder = add('SoftwareAgent', 'builder', { name: p.runDetails.builder.id });

  const license = (name: string, expr: string | undefined) =>
    expr ? add('simplelicensing_LicenseExpression', `license-${name}`, { simplelicensing_licenseExpression: expr }) : NO_ASSERTION;

  const invocation = p.runDetails.metadata.invocationId;
  const model = add('ai_AIPackage', 'model', {
    name: id.name,
    software_packageVersion: id.version,
    ...(repoUrl ? { software_homePage: repoUrl } : {}),
    ...(invocation ? { externalRef: [{ type: 'ExternalRef', externalRefType: 'buildSystem', locator: [invocation] }] } : {}),
    software_primaryPurpose: 'model',
    releaseTime: t.finished,
    suppliedBy: builder,
    ...(s.subject.length === 1 ? { verifiedUsing: hashes(s.subject[0]!) } : {}),
    ai_hyperparameter: Object.entries(p.buildDefinition.externalParameters.hyperparameters).map(([key, v]) => ({
      type: 'DictionaryEntry',
      key,
      ...(v === null ? {} : { value: typeof v === 'string' ? v : JSON.stringify(v) }),
    })),
    ai_metric: finalMetrics(s).map((m) => ({
      type: 'DictionaryEntry',
      key: `${m.name}${m.split ? `/${m.split}` : ''}`,
      value: String(m.value),
    })),
    ...(p.steps.length ? { ai_modelDataPreprocessing: p.steps.map((st) => `${st.name}${st.library ? ` (${st.library}${st.version ? `@${st.version}` : ''})` : ''}`) } : {}),
  });
  const files = s.subject.length > 1
    ? s.subject.map((f, i) => add('software_File', `model-file-${i}`, { name: f.name, verifiedUsing: hashes(f), software_primaryPurpose: 'model' }))
    : [];

  const datasets = p.datasets.map((d, i) => {
    const id = add('dataset_DatasetPackage', `dataset-${i}`, {
      name: d.id,
      ...(d.version ? { software_packageVersion: d.version } : {}),
      software_downloadLocation: d.uri,
      software_primaryPurpose: 'data',
      releaseTime: t.finished,
      builtTime: t.finished,
      originatedBy: [builder],
      dataset_datasetType: ['noAssertion'],
      ...(hashes(d).length ? { verifiedUsing: hashes(d) } : {}),
      ...(d.bytes !== undefined ? { dataset_datasetSize: d.bytes } : {}),
    });
    return { id, lic: license(`dataset-${i}`, d.license) };
  });
  let r = 0;
  const rel = (from: string, relationshipType: string, to: string[]) =>
    add('Relationship', `rel-${++r}`, { from, to, relationshipType });
  if (datasets.length) rel(model, 'trainedOn', datasets.map((d) => d.id));
  if (files.length) rel(model, 'contains', files);
  for (const id of [model]) {
    rel(id, 'hasConcludedLicense', [NO_ASSERTION]);
    rel(id, 'hasDeclaredLicense', [NO_ASSERTION]);
  }
  for (const d of datasets) {
    rel(d.id, 'hasConcludedLicense', [d.lic]);
    rel(d.id, 'hasDeclaredLicense', [d.lic]);
  }
  add('SpdxDocument', 'document', {
    name: `ML training record for ${id.repository ? `${id.repository}: ` : ''}${id.name} ${id.version}`,
    profileConformance: ['core', 'software', 'ai', 'dataset', 'simpleLicensing'],
    rootElement: [model],
    element: graph.filter((e) => typeof e.spdxId === 'string').map((e) => e.spdxId as string),
  });
  return { '@context': SPDX_CONTEXT, '@graph': graph };
}
