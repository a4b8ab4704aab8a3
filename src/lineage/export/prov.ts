import type { DatasetDescriptor, TrainingStatement } from '../../schema/predicate.js';
import { datasetLabel, digests, exportRunId, finalMetrics, gitCommit, runTime } from './common.js';
import { checkText, conflictText } from './coverage-text.js';

type Literal = string | number | boolean | (string | number | boolean)[];
const qn = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
const json = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v));
/** `{mlp:<prefix><key>: value}` for each defined entry; objects become JSON text. */
function attrs(prefix: string, o: Record<string, unknown> | undefined): Record<string, Literal> {
  return Object.fromEntries(
    Object.entries(o ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [`mlp:${prefix}${qn(k)}`, Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x)) ? (v as Literal) : json(v)]),
  );
}

/**
 * `prov:type` and `prov:role` values are qualified names, which PROV-JSON writes as typed
 * literals (`{"$": "prov:Revision", "type": "prov:QUALIFIED_NAME"}`): a plain string is a
 * string, and PROV tools (the `prov` reference library) would not read `prov:Revision` or
 * `prov:SoftwareAgent` as the PROV types.
 */
function qualifyTypes(...groups: Record<string, Record<string, unknown>>[]): void {
  for (const g of groups)
    for (const r of Object.values(g))
      for (const k of ['prov:type', 'prov:role']) if (typeof r[k] === 'string') r[k] = { $: r[k], type: 'prov:QUALIFIED_NAME' };
}

/** A dataset's coverage facts as PROV attributes in the mlp namespace. */
function datasetAttrs(d: DatasetDescriptor): Record<string, Literal> {
  const q = d.quality;
  return {
    ...(d.bytes !== undefined ? { 'mlp:bytes': d.bytes } : {}),
    ...(d.files !== undefined ? { 'mlp:files': d.files } : {}),
    ...(d.source?.repository ? { 'mlp:sourceRepository': d.source.repository } : {}),
    ...(d.source?.access ? { 'mlp:access': d.source.access } : {}),
    ...attrs('quality_', q ? { rows: q.rows, columns: q.columns, missingRate: q.missingRate, duplicateRate: q.duplicateRate, labelDistribution: q.labelDistribution } : undefined),
    ...attrs('qualityMetric_', q?.metrics),
    ...(q?.checks?.length ? { 'mlp:qualityCheck': q.checks.map(checkText) } : {}),
    ...attrs('sampling_', d.sampling),
  };
}

/**
 * W3C PROV-JSON: datasets, config files, the source commit and the image are entities
 * the training activity used; model files are entities it generated; the workflow
 * (builder) is the agent it was associated with. Steps are activities of their own,
 * informing the training through the derived datasets they generated.
 */
export function toProv(s: TrainingStatement, runIdArg?: string): Record<string, unknown> {
  const p = s.predicate;
  const runId = exportRunId(s, runIdArg);
  const run = `mlp:run-${runId.slice(0, 16)}`;
  const entity: Record<string, Record<string, unknown>> = {};
  const activity: Record<string, Record<string, unknown>> = {};
  const used: Record<string, Record<string, unknown>> = {};
  const wasGeneratedBy: Record<string, Record<string, unknown>> = {};
  const wasDerivedFrom: Record<string, Record<string, unknown>> = {};
  const wasAttributedTo: Record<string, Record<string, unknown>> = {};
  const wasAssociatedWith: Record<string, Record<string, unknown>> = {};
  let n = 0;
  const id = (prefix: string) => `_:${prefix}${++n}`;
  const time = runTime(s);

  activity[run] = {
    'prov:type': 'mlp:Training',
    'prov:label': p.runDetails.metadata.invocationId ?? 'training run',
    ...(time.started ? { 'prov:startTime': time.started } : {}),
    'prov:endTime': time.finished,
    'mlp:runId': runId,
    ...(p.buildDefinition.externalParameters.command ? { 'mlp:command': p.buildDefinition.externalParameters.command.join(' ') } : {}),
    ...Object.fromEntries(
      Object.entries(p.buildDefinition.externalParameters.hyperparameters)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [`mlp:hp_${k.replace(/[^A-Za-z0-9_]/g, '_')}`, v as string | number | boolean]),
    ),
    ...Object.fromEntries(
      finalMetrics(s).map((m) => [`mlp:metric_${m.name.replace(/[^A-Za-z0-9_]/g, '_')}${m.split ? `_${m.split.replace(/[^A-Za-z0-9_]/g, '_')}` : ''}`, m.value]),
    ),
  };
  const env = p.environment;
  const hw = env.hardware;
  Object.assign(activity[run]!, {
    ...(p.experiment?.purpose ? { 'mlp:purpose': p.experiment.purpose } : {}),
    ...attrs('flag_', p.experiment?.flags),
    ...attrs('cluster_', env.cluster),
    ...(hw?.cpu?.model ? { 'mlp:cpuModel': hw.cpu.model } : {}),
    ...(hw?.cpu?.cores !== undefined ? { 'mlp:cpuCores': hw.cpu.cores } : {}),
    ...(hw?.memoryBytes !== undefined ? { 'mlp:memoryBytes': hw.memoryBytes } : {}),
    ...(hw?.gpus?.length ? { 'mlp:gpu': hw.gpus.map((g) => [g.name, g.memoryMiB !== undefined ? `${g.memoryMiB} MiB` : '', g.driver ? `driver ${g.driver}` : '', g.cuda ? `CUDA ${g.cuda}` : ''].filter(Boolean).join(', ')) } : {}),
    ...(hw ? { 'mlp:hardwareSources': hw.sources } : {}),
    ...(p.conflicts?.length ? { 'mlp:conflict': p.conflicts.map(conflictText) } : {}),
    ...(p.pseudonyms
      ? { 'mlp:pseudonymAlgorithm': p.pseudonyms.algorithm, 'mlp:pseudonymKeyId': p.pseudonyms.keyId, 'mlp:pseudonymFields': p.pseudonyms.fields }
      : {}),
  });
  const agent: Record<string, Record<string, unknown>> = {
    'mlp:builder': { 'prov:type': 'prov:SoftwareAgent', 'prov:label': p.runDetails.builder.id },
  };

  const datasetIds = new Map<string, string>();
  for (const d of p.datasets) {
    const e = `mlp:dataset/${encodeURIComponent(datasetLabel(d))}`;
    datasetIds.set(d.id, e);
    entity[e] = {
      'prov:type': 'mlp:Dataset',
      'prov:label': datasetLabel(d),
      'prov:location': d.uri,
      ...(d.version ? { 'mlp:version': d.version } : {}),
      ...(d.license ? { 'mlp:license': d.license } : {}),
      ...Object.fromEntries(digests(d).map(([alg, hex]) => [`mlp:${alg}`, hex])),
      ...datasetAttrs(d),
    };
    if (d.source?.owner) {
      const owner = `mlp:owner/${encodeURIComponent(d.source.owner)}`;
      agent[owner] ??= { 'prov:type': 'prov:Agent', 'prov:label': d.source.owner };
      wasAttributedTo[id('t')] = { 'prov:entity': e, 'prov:agent': owner };
    }
    // Earlier versions under other licenses: entities this version is a revision of.
    for (const h of d.licenseHistory ?? []) {
      if (h.version === d.version) continue;
      const old = `mlp:dataset/${encodeURIComponent(`${d.id}@${h.version}`)}`;
      entity[old] ??= { 'prov:type': 'mlp:Dataset', 'prov:label': `${d.id}@${h.version}`, 'mlp:version': h.version, 'mlp:license': h.license, ...(h.since ? { 'mlp:licenseSince': h.since } : {}) };
      wasDerivedFrom[id('d')] = { 'prov:generatedEntity': e, 'prov:usedEntity': old, 'prov:type': 'prov:Revision' };
    }
  }
  // Steps: their own activities; derived outputs are entities derived from the inputs.
  p.steps.forEach((st, i) => {
    const a = `mlp:step-${i}-${encodeURIComponent(st.name)}`;
    activity[a] = {
      'prov:type': 'mlp:Transformation',
      'prov:label': st.name,
      ...(st.library ? { 'mlp:library': `${st.library}${st.version ? `@${st.version}` : ''}` } : {}),
      ...attrs('param_', st.parameters),
      ...(st.command ? { 'mlp:command': st.command.join(' ') } : {}),
      ...(st.environment?.image ? { 'mlp:image': st.environment.image } : {}),
      ...attrs('envLibrary_', st.environment?.libraries),
      ...(st.environment?.accelerators?.length ? { 'mlp:accelerators': st.environment.accelerators } : {}),
    };
    const ins = (st.inputs ?? []).map((x) => datasetIds.get(x) ?? `mlp:derived/${encodeURIComponent(x)}`);
    for (const x of ins) {
      entity[x] ??= { 'prov:type': 'mlp:Dataset', 'prov:label': x.replace(/^mlp:derived\//, '') };
      used[id('u')] = { 'prov:activity': a, 'prov:entity': x };
    }
    for (const out of st.outputs ?? []) {
      const e = datasetIds.get(out) ?? `mlp:derived/${encodeURIComponent(out)}`;
      datasetIds.set(out, e);
      entity[e] ??= { 'prov:type': 'mlp:Dataset', 'prov:label': out };
      wasGeneratedBy[id('g')] = { 'prov:entity': e, 'prov:activity': a };
      for (const x of ins) wasDerivedFrom[id('d')] = { 'prov:generatedEntity': e, 'prov:usedEntity': x, 'prov:activity': a };
    }
  });
  // Synthetic data: generated by an activity associated with its generator (the step that
  // output it, when one did: an entity has one generation).
  for (const d of p.datasets) {
    if (!d.synthetic) continue;
    const g = d.synthetic;
    const e = datasetIds.get(d.id)!;
    const gen = `mlp:generator/${encodeURIComponent(`${g.generator}${g.version ? `@${g.version}` : ''}`)}`;
    agent[gen] ??= { 'prov:type': 'prov:SoftwareAgent', 'prov:label': g.generator, ...(g.version ? { 'mlp:version': g.version } : {}) };
    const stepIndex = p.steps.findIndex((st) => st.outputs?.includes(d.id));
    const act = stepIndex >= 0 ? `mlp:step-${stepIndex}-${encodeURIComponent(p.steps[stepIndex]!.name)}` : `mlp:generation/${encodeURIComponent(d.id)}`;
    activity[act] ??= { 'prov:type': 'mlp:SyntheticGeneration', 'prov:label': `generate ${d.id}` };
    Object.assign(activity[act]!, { ...(g.seed !== undefined ? { 'mlp:syntheticSeed': g.seed } : {}), ...attrs('syntheticParam_', g.parameters) });
    if (stepIndex < 0) wasGeneratedBy[id('g')] = { 'prov:entity': e, 'prov:activity': act };
    wasAssociatedWith[id('a')] = { 'prov:activity': act, 'prov:agent': gen, 'prov:role': 'mlp:generator' };
  }
  const consumed = new Set(p.steps.flatMap((st) => st.inputs ?? []));
  for (const [dsId, e] of datasetIds) if (!consumed.has(dsId)) used[id('u')] = { 'prov:activity': run, 'prov:entity': e };

  for (const c of p.configFiles) {
    const e = `mlp:config/${encodeURIComponent(c.name)}`;
    entity[e] = { 'prov:type': 'mlp:ConfigFile', 'prov:label': c.name, 'mlp:sha256': c.digest.sha256 };
    used[id('u')] = { 'prov:activity': run, 'prov:entity': e };
  }
  const commit = gitCommit(s);
  if (commit) {
    entity[`mlp:source/${commit}`] = { 'prov:type': 'mlp:SourceCommit', 'mlp:gitCommit': commit };
    used[id('u')] = { 'prov:activity': run, 'prov:entity': `mlp:source/${commit}` };
  }
  if (env.python) {
    const py = 'mlp:environment/python';
    entity[py] = {
      'prov:type': 'mlp:PythonEnvironment',
      'mlp:source': env.python.source,
      ...(env.python.version ? { 'mlp:version': env.python.version } : {}),
      ...(env.python.file ? { 'mlp:sha256': env.python.file.digest.sha256 } : {}),
      ...attrs('package_', env.python.packages),
    };
    used[id('u')] = { 'prov:activity': run, 'prov:entity': py };
  }
  if (p.image) {
    const e = `mlp:image/${encodeURIComponent(p.image.reference)}`;
    entity[e] = { 'prov:type': 'mlp:ContainerImage', 'prov:location': p.image.uri, ...(p.image.digest?.sha256 ? { 'mlp:sha256': p.image.digest.sha256 } : {}) };
    used[id('u')] = { 'prov:activity': run, 'prov:entity': e };
  }
  for (const sub of s.subject) {
    const e = `mlp:model/${encodeURIComponent(sub.name)}`;
    entity[e] = { 'prov:type': 'mlp:Model', 'prov:label': sub.name, 'mlp:sha256': sub.digest.sha256! };
    wasGeneratedBy[id('g')] = { 'prov:entity': e, 'prov:activity': run, 'prov:time': time.finished };
  }
  const associations = { [id('a')]: { 'prov:activity': run, 'prov:agent': 'mlp:builder' }, ...wasAssociatedWith };
  qualifyTypes(entity, activity, agent, wasDerivedFrom, associations);
  return {
    prefix: { mlp: 'https://ml-provenance.dev/ns#' },
    entity,
    activity,
    agent,
    used,
    wasGeneratedBy,
    ...(Object.keys(wasDerivedFrom).length ? { wasDerivedFrom } : {}),
    ...(Object.keys(wasAttributedTo).length ? { wasAttributedTo } : {}),
    wasAssociatedWith: associations,
  };
}
