import type { TrainingStatement } from '../../schema/predicate.js';
import { runName } from './common.js';

/** CycloneDX properties in the normalized JSON, for objects the library does not model (`ml-provenance:` namespace). */
export type Props = [string, unknown][];
export function propsJson(entries: Props): { name: string; value: string }[] {
  return entries.filter(([, v]) => v !== undefined).map(([name, v]) => ({ name, value: typeof v === 'string' ? v : JSON.stringify(v) }));
}
export const flat = (prefix: string, o: Record<string, unknown> | undefined): Props => Object.entries(o ?? {}).map(([k, v]) => [`${prefix}${k}`, v]);

/** PyPI package URL (purl spec: name lowercased, `_` → `-`); only for an exact version. */
function pypiPurl(name: string, version: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9.+!_-]*$/.test(version)) return undefined;
  return `pkg:pypi/${encodeURIComponent(name.toLowerCase().replace(/_/g, '-'))}@${encodeURIComponent(version)}`;
}

/**
 * How the model was formed: the training run as a CycloneDX workflow (its command, inputs and
 * output, flags and cluster as properties), each recorded step as a task with its command and
 * environment, and the Python packages and hardware the run used as formulation components.
 */
export function formulation(s: TrainingStatement, runId: string): Record<string, unknown> {
  const p = s.predicate;
  const env = p.environment;
  const known = new Set(p.datasets.map((d) => d.id));
  const resource = (id: string) => ({ resource: { ref: `dataset:${id}` } });
  const components: Record<string, unknown>[] = [];
  for (const [name, version] of Object.entries(env.python?.packages ?? {})) {
    const purl = pypiPurl(name, version);
    components.push({ type: 'library', 'bom-ref': `python:${name}`, name, version, ...(purl ? { purl } : {}) });
  }
  const hw = env.hardware;
  (hw?.gpus ?? []).forEach((g, i) =>
    components.push({
      type: 'device',
      'bom-ref': `hardware:gpu:${i}`,
      name: g.name,
      properties: propsJson([['ml-provenance:gpu.driver', g.driver], ['ml-provenance:gpu.memoryMiB', g.memoryMiB], ['ml-provenance:gpu.cuda', g.cuda]]),
    }),
  );
  if (hw?.cpu?.model) components.push({ type: 'device', 'bom-ref': 'hardware:cpu', name: hw.cpu.model, properties: propsJson([['ml-provenance:cpu.cores', hw.cpu.cores]]) });
  const tasks = p.steps.map((st, i) => ({
    'bom-ref': `step:${i}`,
    uid: `${runId}/step/${i}`,
    name: st.name,
    taskTypes: ['other'],
    ...(st.command ? { steps: [{ name: st.name, commands: [{ executed: st.command.join(' ') }] }] } : {}),
    ...((st.inputs ?? []).some((x) => known.has(x)) ? { inputs: (st.inputs ?? []).filter((x) => known.has(x)).map(resource) } : {}),
    ...((st.outputs ?? []).some((x) => known.has(x)) ? { outputs: (st.outputs ?? []).filter((x) => known.has(x)).map((x) => ({ type: 'artifact', ...resource(x) })) } : {}),
    properties: propsJson([
      ['ml-provenance:library', st.library ? `${st.library}${st.version ? `@${st.version}` : ''}` : undefined],
      ...flat('ml-provenance:parameter.', st.parameters),
      ['ml-provenance:environment.image', st.environment?.image],
      ...flat('ml-provenance:environment.library.', st.environment?.libraries),
      ['ml-provenance:environment.accelerators', st.environment?.accelerators],
    ]),
  }));
  const command = p.buildDefinition.externalParameters.command;
  const properties = propsJson([
    ['ml-provenance:os', env.os],
    ['ml-provenance:arch', env.arch],
    ...flat('ml-provenance:tool.', env.tools),
    ...flat('ml-provenance:library.', env.libraries),
    ['ml-provenance:accelerators', env.accelerators],
    ...flat('ml-provenance:cluster.', env.cluster),
    ['ml-provenance:hardware.memoryBytes', hw?.memoryBytes],
    ['ml-provenance:hardware.sources', hw?.sources],
    ['ml-provenance:python.version', env.python?.version],
    ['ml-provenance:python.interpreter', env.python?.interpreter],
    ['ml-provenance:python.source', env.python?.source],
    ['ml-provenance:python.file.sha256', env.python?.file?.digest.sha256],
    ['ml-provenance:experiment.purpose', p.experiment?.purpose],
    ...flat('ml-provenance:experiment.flag.', p.experiment?.flags),
  ]);
  // What the run brought in: every dataset no step of the run made.
  const consumed = p.datasets.filter((d) => !p.steps.some((st) => st.outputs?.includes(d.id)));
  const workflow = {
    'bom-ref': 'training-run',
    uid: p.runDetails.metadata.invocationId ?? `sha256:${runId}`,
    name: runName(s),
    taskTypes: ['build'],
    ...(components.length ? { resourceReferences: components.map((c) => ({ ref: c['bom-ref'] as string })) } : {}),
    ...(tasks.length ? { tasks } : {}),
    ...(command ? { steps: [{ name: 'train', commands: [{ executed: command.join(' ') }] }] } : {}),
    ...(consumed.length ? { inputs: consumed.map((d) => resource(d.id)) } : {}),
    outputs: [{ type: 'artifact', resource: { ref: 'model' } }],
    ...(properties.length ? { properties } : {}),
  };
  return { 'bom-ref': 'formulation', ...(components.length ? { components } : {}), workflows: [workflow] };
}
