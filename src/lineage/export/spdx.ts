import type { DatasetSource } from '../../schema/coverage.js';
import type { DatasetDescriptor, TrainingStatement } from '../../schema/predicate.js';
import { datasetUriReference, digests, exportRunId, isVcsUrl, finalMetrics, modelIdentity, repositoryUrl, runTime, spdxDateTime, TOOL_NAME, TOOL_VERSION } from './common.js';
import { checkText, conflictText, noiseText, pseudonymText, samplingText, stepText, syntheticText, trainingText } from './coverage-text.js';

export const SPDX_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
/** The Core individual SPDX 3 uses where a value is known to be unknown. */
const NO_ASSERTION = 'https://spdx.org/rdf/3.0.1/terms/Core/NoAssertionElement';
const SPDX_HASH: Record<string, string> = { sha256: 'sha256', sha512: 'sha512', sha1: 'sha1', md5: 'md5' };

/**
 * Access classification → SPDX `dataset_confidentialityLevel` (Traffic Light Protocol terms).
 * Where the two scales differ, the stricter level: `internal` data may not go to a community
 * of peers (green), only within the organisation on a need-to-know basis (amber);
 * `confidential` and `restricted` are shared with named recipients only (red).
 */
export const CONFIDENTIALITY: Record<NonNullable<DatasetSource['access']>, 'clear' | 'green' | 'amber' | 'red'> = {
  public: 'clear',
  internal: 'amber',
  confidential: 'red',
  restricted: 'red',
};

const entries = (o: Record<string, unknown>, prefix = '') =>
  Object.entries(o).map(([key, v]) => ({ type: 'DictionaryEntry', key: `${prefix}${key}`, ...(v === null || v === undefined ? {} : { value: typeof v === 'string' ? v : JSON.stringify(v) }) }));

/**
 * SPDX 3.0.1 JSON-LD with the AI, Dataset and Build profiles: the model as ai_AIPackage
 * (hyperparameters, metrics, preprocessing, information about training), each dataset as
 * dataset_DatasetPackage (hashes, license, confidentiality, collection process, preprocessing,
 * noise, earlier licensed versions), the run as build_Build (environment, flags), and
 * `trainedOn`/`hasInput`/`hasOutput` relationships between them. What SPDX has no property
 * for (quality counts and checks, conflicts, pseudonyms) rides in Annotations. Element ids
 * live under a namespace derived from the run id, so exports are stable. The model is named
 * after the model and versioned by release tag or content (see modelIdentity); times are
 * SPDX DateTime (whole seconds, `Z`).
 */
export function toSpdx(s: TrainingStatement, runId?: string): Record<string, unknown> {
  const p = s.predicate;
  const ns = `https://ml-provenance.dev/spdx/${exportRunId(s, runId).slice(0, 32)}`;
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
  let a = 0;
  const annotate = (subject: string, annotationType: 'other' | 'review', statement: string, contentType?: string) =>
    add('Annotation', `annotation-${++a}`, { annotationType, subject, statement, ...(contentType ? { contentType } : {}) });

  const tool = add('Tool', 'tool', { name: `${TOOL_NAME} ${TOOL_VERSION}` });
  graph.unshift({ type: 'CreationInfo', '@id': ci, specVersion: '3.0.1', created: t.finished, createdBy: [`${ns}#builder`], createdUsing: [tool] });
  const builder = add('SoftwareAgent', 'builder', { name: p.runDetails.builder.id });

  const license = (name: string, expr: string | undefined) =>
    expr ? add('simplelicensing_LicenseExpression', `license-${name}`, { simplelicensing_licenseExpression: expr }) : NO_ASSERTION;

  const invocation = p.runDetails.metadata.invocationId;
  const training = trainingText(s);
  const model = add('ai_AIPackage', 'model', {
    name: id.name,
    software_packageVersion: id.version,
    ...(repoUrl ? { software_homePage: repoUrl } : {}),
    ...(invocation ? { externalRef: [{ type: 'ExternalRef', externalRefType: 'buildSystem', locator: [invocation] }] } : {}),
    software_primaryPurpose: 'model',
    releaseTime: t.finished,
    suppliedBy: builder,
    ...(s.subject.length === 1 ? { verifiedUsing: hashes(s.subject[0]!) } : {}),
    ai_hyperparameter: entries(p.buildDefinition.externalParameters.hyperparameters),
    ai_metric: finalMetrics(s).map((m) => ({
      type: 'DictionaryEntry',
      key: `${m.name}${m.split ? `/${m.split}` : ''}`,
      value: String(m.value),
    })),
    ...(p.steps.length ? { ai_modelDataPreprocessing: p.steps.map(stepText) } : {}),
    ...(training ? { ai_informationAboutTraining: training } : {}),
  });
  const files = s.subject.length > 1
    ? s.subject.map((f, i) => add('software_File', `model-file-${i}`, { name: f.name, verifiedUsing: hashes(f), software_primaryPurpose: 'model' }))
    : [];

  const byDataset = new Map<string, string>();
  const datasets = p.datasets.map((d, i) => {
    const made = p.steps.filter((st) => st.outputs?.includes(d.id));
    const preprocessing = [...(d.sampling ? [samplingText(d.sampling)] : []), ...made.map((st) => `made by step ${stepText(st)}`)];
    const noise = noiseText(d.quality);
    const owner = d.source?.owner ? add('Agent', `dataset-${i}-owner`, { name: d.source.owner }) : undefined;
    const repo = d.source?.repository;
    const el = add('dataset_DatasetPackage', `dataset-${i}`, {
      name: d.id,
      ...(d.version ? { software_packageVersion: d.version } : {}),
      software_downloadLocation: datasetUriReference(d),
      software_primaryPurpose: 'data',
      // Only data this run made was built by it; an input's build and release times are not in the record.
      ...(made.length ? { builtTime: t.finished, originatedBy: [builder] } : {}),
      ...(owner ? { suppliedBy: owner } : {}),
      ...(repo ? { software_sourceInfo: `maintained at ${repo}` } : {}),
      ...(repo && isVcsUrl(repo) ? { externalRef: [{ type: 'ExternalRef', externalRefType: 'vcs', locator: [repo] }] } : {}),
      dataset_datasetType: ['noAssertion'],
      ...(hashes(d).length ? { verifiedUsing: hashes(d) } : {}),
      ...(d.bytes !== undefined ? { dataset_datasetSize: d.bytes } : {}),
      ...(d.source?.access ? { dataset_confidentialityLevel: CONFIDENTIALITY[d.source.access] } : {}),
      ...(d.synthetic ? { dataset_dataCollectionProcess: syntheticText(d.synthetic) } : {}),
      ...(preprocessing.length ? { dataset_dataPreprocessing: preprocessing } : {}),
      ...(noise ? { dataset_datasetNoise: noise } : {}),
    });
    byDataset.set(d.id, el);
    return { el, d, i, lic: license(`dataset-${i}`, d.license) };
  });

  let r = 0;
  const rel = (from: string, relationshipType: string, to: string[]) =>
    add('Relationship', `rel-${++r}`, { from, to, relationshipType });
  if (datasets.length) rel(model, 'trainedOn', datasets.map((d) => d.el));
  if (files.length) rel(model, 'contains', files);
  for (const id of [model]) {
    rel(id, 'hasConcludedLicense', [NO_ASSERTION]);
    rel(id, 'hasDeclaredLicense', [NO_ASSERTION]);
  }
  for (const { el, d, i, lic } of datasets) {
    rel(el, 'hasConcludedLicense', [lic]);
    rel(el, 'hasDeclaredLicense', [lic]);
    datasetCoverage(d, el, i);
  }

  /** The dataset facts SPDX has a relationship or an annotation for. */
  function datasetCoverage(d: DatasetDescriptor, el: string, i: number) {
    // Earlier versions under other licenses: packages of their own that this version descends from.
    const earlier = (d.licenseHistory ?? []).map((h, j) => {
      const old = add('dataset_DatasetPackage', `dataset-${i}-v${j}`, {
        name: d.id,
        software_packageVersion: h.version,
        dataset_datasetType: ['noAssertion'],
        ...(h.since ? { comment: `licensed ${h.license} since ${h.since}` } : {}),
      });
      const l = license(`dataset-${i}-v${j}`, h.license);
      rel(old, 'hasDeclaredLicense', [l]);
      return old;
    });
    if (earlier.length) rel(el, 'descendantOf', earlier);
    if (d.synthetic) {
      const gen = add('Tool', `dataset-${i}-generator`, { name: `${d.synthetic.generator}${d.synthetic.version ? ` ${d.synthetic.version}` : ''}` });
      rel(gen, 'generates', [el]);
    }
    const q = d.quality;
    if (q) {
      const { checks, ...counts } = q;
      if (Object.keys(counts).length) annotate(el, 'other', JSON.stringify({ 'ml-provenance:quality': counts }), 'application/json');
      for (const c of checks ?? []) annotate(el, 'review', checkText(c));
    }
  }

  // The run: a build of the model from the datasets, with the machine it ran on.
  const env = p.environment;
  const environment = [
    ...entries({ ...(env.os ? { os: env.os } : {}), ...(env.arch ? { arch: env.arch } : {}) }),
    ...entries(env.tools ?? {}, 'tool:'),
    ...entries(env.libraries ?? {}, 'library:'),
    ...(env.accelerators?.length ? entries({ accelerators: env.accelerators.join(', ') }) : []),
    ...entries((env.cluster ?? {}) as Record<string, unknown>, 'cluster:'),
    ...(env.hardware ? hardwareEntries(env.hardware) : []),
    ...(env.python ? entries(env.python.packages, 'python:') : []),
    ...(env.python?.version ? entries({ 'python-version': env.python.version }) : []),
  ];
  const build = add('build_Build', 'run', {
    build_buildType: p.buildDefinition.buildType,
    ...(invocation ? { build_buildId: invocation } : {}),
    ...(t.started ? { build_buildStartTime: t.started } : {}),
    build_buildEndTime: t.finished,
    ...(p.experiment?.flags ? { build_parameter: entries(p.experiment.flags, 'flag:') } : {}),
    ...(environment.length ? { build_environment: environment } : {}),
    ...(p.experiment?.purpose ? { comment: `purpose: ${p.experiment.purpose}` } : {}),
  });
  if (datasets.length) rel(build, 'hasInput', datasets.map((d) => d.el));
  rel(build, 'hasOutput', [model]);

  for (const c of p.conflicts ?? []) annotate((c.kind === 'dataset' && byDataset.get(c.id)) || build, 'review', conflictText(c));

  const document = `${ns}#document`;
  const pseud = pseudonymText(s);
  if (pseud) annotate(document, 'other', pseud);
  add('SpdxDocument', 'document', {
    name: `ML training record for ${id.repository ? `${id.repository}: ` : ''}${id.name} ${id.version}`,
    profileConformance: ['core', 'software', 'ai', 'dataset', 'build', 'simpleLicensing'],
    rootElement: [model],
    element: graph.filter((e) => typeof e.spdxId === 'string' && e.spdxId !== document).map((e) => e.spdxId as string),
  });
  return { '@context': SPDX_CONTEXT, '@graph': graph };
}

function hardwareEntries(h: NonNullable<TrainingStatement['predicate']['environment']['hardware']>) {
  const out: Record<string, unknown> = {};
  if (h.cpu?.model) out['hardware:cpu'] = h.cpu.model;
  if (h.cpu?.cores !== undefined) out['hardware:cpuCores'] = h.cpu.cores;
  if (h.memoryBytes !== undefined) out['hardware:memoryBytes'] = h.memoryBytes;
  (h.gpus ?? []).forEach((g, i) => {
    out[`hardware:gpu[${i}]`] = [g.name, g.memoryMiB !== undefined ? `${g.memoryMiB} MiB` : undefined, g.driver ? `driver ${g.driver}` : undefined, g.cuda ? `CUDA ${g.cuda}` : undefined]
      .filter(Boolean)
      .join(', ');
  });
  out['hardware:sources'] = h.sources.join(', ');
  return entries(out);
}
