import { loadDatasetsInput } from '../capture/datasets.js';
import type { GitHubContext } from '../capture/github.js';
import type { HashReporting } from '../capture/hashing.js';
import { loadMetricsFile } from '../capture/metrics.js';
import { compileKeyPatterns } from '../redact/index.js';
import { evaluatePolicy, resolvePolicy, type PolicyResult } from '../policy/index.js';
import { readRecords } from '../record/log.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { sha256Hex } from '../util/canonical.js';
import { buildStatement, serializeStatement } from './build.js';
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
  recordsDir: string;
  policy?: string;
  redact: string[];
  command?: string[];
  github?: GitHubContext;
  now?: () => Date;
  /** Records kept by other tools (DVC, MLflow), merged like the records log. */
  bridges?: BridgeSources;
  reporting?: HashReporting;
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
  const records = await readRecords(o.recordsDir);
  const events = [...bridged.events, ...records.events];
  const declared = o.datasets ? await loadDatasetsInput(o.datasets, o.workspace) : [];
  const recordsDigest = records.digest;
  const statement = await buildStatement({
    workspace: o.workspace,
    subjects: o.subjects,
    configs: o.configs,
    ...(o.image ? { image: o.image } : {}),
    datasets: withHfVersions([...bridged.datasets, ...declared]),
    capturedDatasets: bridged.descriptors,
    metrics: o.metricsFile ? await loadMetricsFile(o.metricsFile, o.workspace) : [],
    events,
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
