import { loadDatasetsInput } from '../capture/datasets.js';
import type { GitHubContext } from '../capture/github.js';
import type { HashReporting } from '../capture/hashing.js';
import { loadMetricsFile } from '../capture/metrics.js';
import { compileKeyPatterns } from '../redact/index.js';
import { evaluatePolicy, resolvePolicy, type Finding, type PolicyResult } from '../policy/index.js';
import { eventsOfRun, readRecords, type RecordsLocation } from '../record/log.js';
import { committedLogWarning, earlierRunWarning, otherRunsWarning, recordsElsewhere, recordsWarning, type LogElsewhere } from '../record/warnings.js';
import { rerunSigns } from '../record/reruns.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { sha256Hex } from '../util/canonical.js';
import { buildStatement, serializeStatement } from './build.js';
import { captureExtras, collectConflicts, type CaptureChoices } from './coverage.js';
import { parsePattern, type PseudonymKey } from './pseudonymize.js';
import { pseudonymLeaks, type PseudonymLeak } from './pseudonym-leaks.js';
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
  const gh = o.github;
  const thisRun = eventsOfRun(records.events, gh ? { runId: gh.runId, runAttempt: gh.runAttempt, ...(gh.job ? { job: gh.job } : {}) } : undefined);
  const warn = o.reporting?.warn;
  const elsewhere = await recordsElsewhere(o.records, o.workspace, records.events.length);
  // In a reused workspace (lines of another run or attempt left out) the untagged lines kept hold
  // the earlier run's too: that is said in the other-runs warning, which has the same cause and fix.
  const reused = thisRun.others.size > 0;
  const untagged = reused ? rerunSigns(thisRun.events.filter((e) => e.githubRun === undefined), records.origins) : [];
  const signs = rerunSigns(reused ? thisRun.events.filter((e) => e.githubRun !== undefined) : thisRun.events, records.origins);
  if (warn) {
    for (const m of [
      recordsWarning(o.records, o.workspace),
      elsewhere?.warning,
      await committedLogWarning(o.records, o.workspace),
      otherRunsWarning(thisRun.others, o.records, o.workspace, untagged),
      earlierRunWarning(signs, o.records, o.workspace),
    ]) {
      if (m) warn(m);
    }
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
  const { statement, hidden } = await buildStatement({
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
  const result = withLeaks(evaluatePolicy(statement, policy), pseudonymLeaks(statement, hidden.map((h) => ({ ...h, from: `#/predicate${h.from.slice(1)}` }))));
  return { statement, text, digest: sha256Hex(text), policy: elsewhere ? withRecordsFix(result, elsewhere, statement) : result };
}

/**
 * A pseudonymised value still in clear somewhere is an error, whatever the policy: the signed
 * record goes into a public, permanent log, and a leak there cannot be taken back. The message
 * names the places, never the value (build logs are often public too).
 */
function withLeaks(result: PolicyResult, leaks: PseudonymLeak[]): PolicyResult {
  if (!leaks.length) return result;
  const findings: Finding[] = leaks.map((l) => {
    const what = hiddenWhat(l);
    return {
      rule: 'pseudonyms.leak',
      field: l.pointer,
      message: l.kind === 'value'
        ? `holds ${what} pseudonymised at ${l.from} in clear (${l.whole ? 'the whole value' : 'inside a longer text'})`
        : `holds a folder of ${what} pseudonymised at ${l.from} in clear`,
      fix: l.pointer.startsWith('#/subject/')
        ? `give the model file a name that does not repeat ${l.kind === 'value' ? what : `a folder of ${what}`}`
        : `pseudonymise this field too (--anonymize ${fieldPattern(l.pointer)}, or the policy file's anonymize:), or stop the training code from recording it`,
      severity: 'error',
    };
  });
  return { ...result, complete: false, findings: [...result.findings, ...findings], missing: [...new Set([...result.missing, ...findings.map((f) => f.field)])] };
}

/** What the hidden value is, never the value itself: `the dataset id (a name)`, `the dataset uri (a path)`. */
function hiddenWhat(l: PseudonymLeak): string {
  const field = l.from.slice(l.from.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  const owner = /^#\/predicate\/datasets\/\d+\//.test(l.from) ? 'the dataset' : 'the value of';
  return `${owner} ${field} (${l.shape === 'path' ? 'a path' : 'a name'})`;
}

/** The `--anonymize` pattern naming a pointer into the predicate: `#/predicate/steps/0/command/2` → `steps.*.command.*`. */
function fieldPattern(pointer: string): string {
  return pointer
    .replace(/^#\/predicate\//, '')
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? '*' : s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join('.');
}

/** Rules of something missing that the records log supplies (`record`, or a line training code writes). */
const FROM_RECORDS = /^(datasets\.(min|require)|metrics\.(min|require)|hyperparameters|steps(?!\.inputs)|command|environment|quality\.require|datasetSource|synthetic\.require|purpose)(\.|$)/;

/** The kind of event that supplies a FROM_RECORDS rule's field. */
const KIND_OF: Array<[RegExp, string]> = [[/^metrics/, 'metric'], [/^hyperparameters/, 'param'], [/^steps/, 'step'], [/^command/, 'command'], [/^environment/, 'environment'], [/^purpose/, 'purpose']];

/**
 * The log build did not read holds what these findings miss: their fix says so first (with
 * `environment`, only the libraries are the log's; the OS is the machine's). When build's own log
 * held lines too (`holds`), only for what the other log holds: events of the finding's kind, or
 * the dataset a step reads.
 */
function withRecordsFix(result: PolicyResult, elsewhere: LogElsewhere, statement: TrainingStatement): PolicyResult {
  const { fix, holds } = elsewhere;
  const applies = (f: PolicyResult['findings'][number]): boolean => {
    if (f.severity !== 'error' || f.field === 'environment.os') return false;
    if (f.rule === 'steps.inputs') {
      const m = /^steps\[(\d+)\]\.inputs\[(\d+)\]$/.exec(f.field);
      const id = m ? statement.predicate.steps[Number(m[1])]?.inputs?.[Number(m[2])] : undefined;
      return holds !== undefined && id !== undefined && holds.datasets.has(id);
    }
    if (!FROM_RECORDS.test(f.rule)) return false;
    return holds === undefined || holds.kinds.has(KIND_OF.find(([r]) => r.test(f.rule))?.[1] ?? 'dataset');
  };
  return { ...result, findings: result.findings.map((f) => (applies(f) ? { ...f, fix: `${fix}; else ${f.fix}` } : f)) };
}
