import type { TrainingStatement } from '../../schema/predicate.js';
import { datasetLabel, digests, finalMetrics, gitCommit, runTime, statementDigest } from './common.js';

/**
 * W3C PROV-JSON: datasets, config files, the source commit and the image are entities
 * the training activity used; model files are entities it generated; the workflow
 * (builder) is the agent it was associated with. Steps are activities of their own,
 * informing the training through the derived datasets they generated.
 */
export function toProv(s: TrainingStatement): Record<string, unknown> {
  const p = s.predicate;
  const run = `mlp:run-${statementDigest(s).slice(0, 16)}`;
  const entity: Record<string, Record<string, unknown>> = {};
  const activity: Record<string, Record<string, unknown>> = {};
  const used: Record<string, Record<string, unknown>> = {};
  const wasGeneratedBy: Record<string, Record<string, unknown>> = {};
  const wasDerivedFrom: Record<string, Record<string, unknown>> = {};
  let n = 0;
  const id = (prefix: string) => `_:${prefix}${++n}`;
  const time = runTime(s);

  activity[run] = {
    'prov:type': 'mlp:Training',
    'prov:label': p.runDetails.metadata.invocationId ?? 'training run',
    ...(time.started ? { 'prov:startTime': time.started } : {}),
    'prov:endTime': time.finished,
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
  const agent = {
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
    };
  }
  // Steps: their own activities; derived outputs are entities derived from the inputs.
  p.steps.forEach((st, i) => {
    const a = `mlp:step-${i}-${encodeURIComponent(st.name)}`;
    activity[a] = {
      'prov:type': 'mlp:Transformation',
      'prov:label': st.name,
      ...(st.library ? { 'mlp:library': `${st.library}${st.version ? `@${st.version}` : ''}` } : {}),
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
  return {
    prefix: { mlp: 'https://ml-provenance.dev/ns#' },
    entity,
    activity,
    agent,
    used,
    wasGeneratedBy,
    ...(Object.keys(wasDerivedFrom).length ? { wasDerivedFrom } : {}),
    wasAssociatedWith: { [id('a')]: { 'prov:activity': run, 'prov:agent': 'mlp:builder' } },
  };
}
