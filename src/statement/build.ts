import { InputError } from '../errors.js';
import { captureConfig } from '../capture/config.js';
import { captureDatasets, mergeDatasetInputs } from '../capture/datasets.js';
import { captureEnvironment } from '../capture/environment.js';
import { readGit } from '../capture/git.js';
import { invocationUrl, parseWorkflowRef, type GitHubContext } from '../capture/github.js';
import { imageDescriptor } from '../capture/image.js';
import { redactRecorded } from '../redact/index.js';
import { captureSubjects } from '../capture/subjects.js';
import { globFilesInWorkspace } from '../capture/paths.js';
import type { HashReporting } from '../capture/hashing.js';
import { mergeEvents, outputFolders } from '../record/merge.js';
import type { RecordEvent } from '../schema/record-event.js';
import type { DatasetInput } from '../schema/inputs.js';
import type { Conflict, Hardware, PythonEnvironment } from '../schema/coverage.js';
import { redactCoverage } from '../redact/coverage.js';
import { pseudonymize, type HiddenValue, type PseudonymKey } from './pseudonymize.js';
import { withBridgeFacts } from './bridged.js';
import {
  BUILD_TYPE_GITHUB,
  BUILD_TYPE_LOCAL,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  TrainingStatement,
  type DatasetDescriptor,
  type Metric,
  type ResourceDescriptor,
  type TrainingPredicate,
} from '../schema/index.js';
import { VERSION } from '../version.js';

export interface BuildInputs {
  workspace: string;
  /** Model files: paths or globs relative to the workspace. */
  subjects: string[];
  /** Config files: paths or globs relative to the workspace. */
  configs: string[];
  image?: string;
  /** Datasets from a manifest or the action input (completed by recorded events). */
  datasets: DatasetInput[];
  /** Datasets already described by another tool (DVC outputs not in the workspace); declared ids win. */
  capturedDatasets?: DatasetDescriptor[];
  /** What another tool recorded about datasets the build hashes itself (kept as annotations). */
  bridgedLocal?: DatasetDescriptor[];
  /** Metrics from a metrics file (appended to recorded ones). */
  metrics: Metric[];
  /** Events read from the records log. */
  events: RecordEvent[];
  /** Raw records log text digest, recorded as a byproduct when present. */
  recordsDigest?: string;
  policy: string;
  redactKeyPatterns: RegExp[];
  command?: string[];
  github?: GitHubContext;
  now?: () => Date;
  /** Progress of long hashing and skipped special files. */
  reporting?: HashReporting;
  /** Where a detected image came from (absent when the user gave it). */
  imageSource?: string;
  /** Disagreements between the sources merged into this record. */
  conflicts?: Conflict[];
  hardware?: Hardware;
  python?: PythonEnvironment;
  /** Fields to replace by keyed pseudonyms, and the key. */
  pseudonymize?: { fields: string[]; key: PseudonymKey };
}

async function expandConfigs(patterns: string[], workspace: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns.map((s) => s.trim()).filter(Boolean)) {
    if (!/[*?[\]{}]/.test(p)) {
      out.push(p);
      continue;
    }
    const m = await globFilesInWorkspace(p, workspace, 'config');
    if (m.length === 0) {
      throw new InputError('config-not-found', `config pattern "${p}" matched no files`, {
        fix: 'check the `config` input / --config: globs are relative to the workspace',
        fields: ['config'],
      });
    }
    out.push(...m);
  }
  return [...new Set(out)];
}

async function sourceDependency(inputs: BuildInputs): Promise<ResourceDescriptor | undefined> {
  const gh = inputs.github;
  if (gh && gh.sha) {
    return { uri: `git+${gh.serverUrl}/${gh.repository}@${gh.ref}`, digest: { gitCommit: gh.sha }, name: 'source' };
  }
  const g = await readGit(inputs.workspace);
  if (!g) return undefined;
  return {
    uri: `git+${g.remote ?? 'file:.'}${g.ref ? `@${g.ref}` : ''}`,
    digest: { gitCommit: g.commit },
    name: 'source',
    ...(g.dirty ? { annotations: { dirty: true } } : {}),
  };
}

/**
 * Assemble the in-toto statement for a training run. Validated against the schema before returning.
 * `hidden`: the clear values pseudonymised, for the leak check (pseudonym-leaks.ts).
 */
export async function buildStatement(inputs: BuildInputs): Promise<{ statement: TrainingStatement; hidden: HiddenValue[] }> {
  const now = inputs.now ?? (() => new Date());
  const recorded = mergeEvents(inputs.events);
  const gh = inputs.github;

  const hashed = withBridgeFacts(await captureDatasets(mergeDatasetInputs(inputs.datasets, recorded.datasets as DatasetInput[]), inputs.workspace, inputs.reporting, outputFolders(inputs.events)), inputs.bridgedLocal ?? []);
  const datasets = [...(inputs.capturedDatasets ?? []).filter((d) => !hashed.some((h) => h.id === d.id)), ...hashed];
  const configFiles = [];
  for (const f of await expandConfigs(inputs.configs, inputs.workspace)) {
    configFiles.push(await captureConfig(f, inputs.workspace, inputs.redactKeyPatterns));
  }
  const subject = await captureSubjects(inputs.subjects, inputs.workspace, inputs.reporting);
  const image = inputs.image ? { ...imageDescriptor(inputs.image), ...(inputs.imageSource ? { source: inputs.imageSource } : {}) } : undefined;

  const resolvedDependencies: ResourceDescriptor[] = [];
  const source = await sourceDependency(inputs);
  if (source) resolvedDependencies.push(source);
  if (image?.digest) resolvedDependencies.push({ uri: image.uri, digest: image.digest, name: 'image' });

  const wf = gh?.workflowRef ? parseWorkflowRef(gh.workflowRef) : undefined;
  const firstTs = inputs.events.map((e) => e.ts).filter((t): t is string => Boolean(t)).sort()[0];
  const command = inputs.command ?? recorded.command;
  // The recorded folder goes with the recorded command only (a command given to the build ran nowhere yet).
  const workingDirectory = inputs.command ? undefined : recorded.workingDirectory;

  const experiment = recorded.experiment.purpose || recorded.experiment.flags ? recorded.experiment : undefined;
  const environment = {
    ...captureEnvironment(gh, recorded),
    ...(recorded.cluster ? { cluster: recorded.cluster } : {}),
    ...(inputs.hardware ? { hardware: inputs.hardware } : {}),
    ...(inputs.python ? { python: inputs.python } : {}),
  };
  const redacted: TrainingPredicate = redactCoverage(redactRecorded({
    buildDefinition: {
      buildType: gh ? BUILD_TYPE_GITHUB : BUILD_TYPE_LOCAL,
      externalParameters: {
        ...(wf ? { workflow: { ref: wf.ref, repository: `${gh!.serverUrl}/${wf.repository}`, path: wf.path } } : {}),
        ...(command ? { command } : {}),
        ...(command && workingDirectory ? { workingDirectory } : {}),
        hyperparameters: recorded.params,
        config: Object.fromEntries(configFiles.map((c) => [c.name, c.content])),
        policy: inputs.policy,
      },
      ...(gh
        ? {
            internalParameters: {
              github: {
                event_name: gh.eventName,
                ...(gh.repositoryId ? { repository_id: gh.repositoryId } : {}),
                ...(gh.repositoryOwnerId ? { repository_owner_id: gh.repositoryOwnerId } : {}),
                ...(gh.runner.environment ? { runner_environment: gh.runner.environment } : {}),
              },
            },
          }
        : {}),
      resolvedDependencies,
    },
    runDetails: {
      builder: {
        id: gh && wf ? `${gh.serverUrl}/${wf.repository}/${wf.path}@${wf.ref}` : 'https://ml-provenance.dev/builders/local',
        version: { 'ml-provenance': VERSION },
      },
      metadata: {
        ...(gh ? { invocationId: invocationUrl(gh) } : {}),
        ...(firstTs ? { startedOn: firstTs } : {}),
        finishedOn: now().toISOString(),
      },
      ...(inputs.recordsDigest
        ? { byproducts: [{ name: 'records.jsonl', digest: { sha256: inputs.recordsDigest }, mediaType: 'application/jsonl' }] }
        : {}),
    },
    datasets,
    configFiles,
    ...(image ? { image } : {}),
    steps: recorded.steps,
    metrics: [...recorded.metrics, ...inputs.metrics],
    ...(experiment ? { experiment } : {}),
    environment,
    ...(inputs.conflicts?.length ? { conflicts: inputs.conflicts } : {}),
    redactions: configFiles.flatMap((c) => c.redacted.map((p) => `${c.name}#${p}`)),
  }, inputs.redactKeyPatterns), inputs.redactKeyPatterns);
  // Pseudonyms after redaction: a credential is removed, not made joinable.
  let predicate = redacted;
  let hidden: HiddenValue[] = [];
  if (inputs.pseudonymize?.fields.length) {
    const { key, fields } = inputs.pseudonymize;
    const p = pseudonymize(redacted, fields, key);
    hidden = p.hidden;
    predicate = { ...p.predicate, pseudonyms: { algorithm: 'hmac-sha256', keyId: key.id, fields: p.pointers } };
  }

  const statement = { _type: STATEMENT_TYPE, subject, predicateType: PREDICATE_TYPE, predicate };
  // Our own output must satisfy our own schema; a failure here is a bug, reported as such.
  const res = TrainingStatement.safeParse(statement);
  if (!res.success) {
    throw new InputError('invalid-record', `the assembled record is invalid: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      fix: 'check the recorded values named above',
    });
  }
  return { statement: res.data, hidden };
}

export { serializeStatement } from './serialize.js';

