import { existsSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { loadDatasetsInput } from '../capture/datasets.js';
import type { GitHubContext } from '../capture/github.js';
import type { HashReporting } from '../capture/hashing.js';
import { loadMetricsFile } from '../capture/metrics.js';
import { compileKeyPatterns } from '../redact/index.js';
import { evaluatePolicy, resolvePolicy, type PolicyResult } from '../policy/index.js';
import { DEFAULT_RECORDS_DIR, RECORDS_FILE, eventsOfRun, readRecords, type RecordsLocation } from '../record/log.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { sha256Hex } from '../util/canonical.js';
import { buildStatement, serializeStatement } from './build.js';
import { captureExtras, collectConflicts, type CaptureChoices } from './coverage.js';
import { parsePattern, type PseudonymKey } from './pseudonymize.js';
import { InputError } from '../errors.js';
import { readBridges, withHfVersions, type BridgeSources } from './bridged.js';

/** Everything `build` (CLI) and the action take, already split into lists. */
export interface AssembleOptions {
  workspace: string;
  subjects: string[];
  configs: string[];
  image?: string;
  /** A manifest path or inline YAML list. */
  datasets?: string;
  metricsFile?: string;
  /** The records folder and who named it (`recordsLocation`). */
  records: RecordsLocation;
  policy?: string;
  redact: string[];
  command?: string[];
  github?: GitHubContext;
  now?: () => Date;
  /** Records kept by other tools (DVC, MLflow), merged like the records log. */
  bridges?: BridgeSources;
  reporting?: HashReporting;
  /** What to capture from the machine (hardware, Python environment, container image). */
  capture?: CaptureChoices;
  /** Extra fields to pseudonymise (added to the policy file's `anonymize:`), and the key. */
  anonymize?: string[];
  pseudonymKey?: PseudonymKey;
}

export interface Assembled {
  statement: TrainingStatement;
  /** The exact bytes of provenance.intoto.json. */
  text: string;
  digest: string;
  policy: PolicyResult;
}

/** Read every input, build the statement and evaluate the policy. Writes nothing. */
export async function assemble(o: AssembleOptions): Promise<Assembled> {
  const policy = await resolvePolicy(o.policy, o.workspace);
  const redactKeyPatterns = compileKeyPatterns(o.redact);
  const bridged = await readBridges(o.bridges ?? {}, o.workspace);
  // Bridged events first: what the training code recorded itself wins.
  const records = await readRecords(o.records.dir, o.workspace, o.records.from);
  warnRecordsElsewhere(o.records, o.workspace, o.reporting?.warn);
  const thisRun = eventsOfRun(records.events, o.github?.runId);
  if (thisRun.others.size) {
    const runs = [...thisRun.others].map(([id, n]) => `run ${id}: ${n}`).join(', ');
    o.reporting?.warn?.(
      `${[...thisRun.others.values()].reduce((a, b) => a + b, 0)} event(s) in the records log were recorded by another GitHub Actions run (${runs}) and are left out of this record — the workspace was reused (a self-hosted runner; actions/checkout with \`clean: false\`): remove ${path.relative(o.workspace, o.records.dir) || '.'} before training (actions/checkout's default \`clean: true\` does)`,
    );
  }
  const events = [...bridged.events, ...thisRun.events];
  const declared = o.datasets ? await loadDatasetsInput(o.datasets, o.workspace) : [];
  const recordsDigest = records.digest;
  const metrics = o.metricsFile ? await loadMetricsFile(o.metricsFile, o.workspace) : [];
  const extras = await captureExtras(o.workspace, o.capture ?? {}, Boolean(o.image), o.reporting);
  const anonymize = [...(policy.anonymize ?? []), ...(o.anonymize ?? [])];
  anonymize.forEach(parsePattern);
  if (anonymize.length && !o.pseudonymKey) {
    throw new InputError('pseudonym-key-missing', `fields to pseudonymise are named (${anonymize.join(', ')}) but no key was given`, {
      fix: 'pass the team\'s key: env ML_PROVENANCE_PSEUDONYM_KEY or --pseudonym-key-file FILE (action: the `pseudonym-key` input from a secret)',
      fields: ['pseudonym-key'],
    });
  }
  const conflicts = collectConflicts({ bridged, declared, recorded: thisRun.events, metricsFile: metrics });
  const statement = await buildStatement({
    workspace: o.workspace,
    subjects: o.subjects,
    configs: o.configs,
    ...(o.image ? { image: o.image } : extras.image ? { image: extras.image.reference, imageSource: extras.image.source } : {}),
    datasets: withHfVersions([...bridged.datasets, ...declared]),
    capturedDatasets: bridged.descriptors,
    bridgedLocal: bridged.local,
    metrics,
    events,
    conflicts,
    ...(anonymize.length && o.pseudonymKey ? { pseudonymize: { fields: anonymize, key: o.pseudonymKey } } : {}),
    ...(extras.hardware ? { hardware: extras.hardware } : {}),
    ...(extras.python ? { python: extras.python } : {}),
    ...(recordsDigest ? { recordsDigest } : {}),
    policy: policy.name,
    redactKeyPatterns,
    ...(o.command ? { command: o.command } : {}),
    ...(o.github ? { github: o.github } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(o.reporting ? { reporting: o.reporting } : {}),
  });
  const text = serializeStatement(statement);
  return { statement, text, digest: sha256Hex(text), policy: evaluatePolicy(statement, policy) };
}

/**
 * The default folder may well not exist (no `ml-provenance record` calls); one named on purpose
 * that does not is a wrong path, and a log in a sub-folder (`train/.ml-provenance`, written by
 * `record` run there outside GitHub Actions) was meant for this record. Either would leave it
 * without steps, metrics or hyperparameters, so it is said. Only the workspace's top folders are
 * looked at: a data folder may hold millions of files.
 */
function warnRecordsElsewhere(loc: RecordsLocation, workspace: string, warn: ((m: string) => void) | undefined): void {
  if (!warn || existsSync(loc.dir)) return;
  const shown = path.relative(workspace, loc.dir) || '.';
  if (loc.from) {
    warn(`records directory ${shown} (from ${loc.from}) does not exist: nothing written by \`ml-provenance record\` is in this record — point ${loc.from} at the folder the training step wrote (records.jsonl)`);
    return;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(workspace, { withFileTypes: true });
  } catch {
    return;
  }
  const found = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(workspace, e.name, DEFAULT_RECORDS_DIR, RECORDS_FILE)))
    .map((e) => `${e.name}/${DEFAULT_RECORDS_DIR}`);
  if (found.length) {
    warn(`no records log at ${shown}, but ${found.join(', ')} ${found.length > 1 ? 'hold one each' : 'holds one'} (written by \`ml-provenance record\` run in a sub-folder): nothing from ${found.length > 1 ? 'them' : 'it'} is in this record — pass --records ${found[0]} (the action's \`records\` input), or set ML_PROVENANCE_DIR for the whole job`);
  }
}
