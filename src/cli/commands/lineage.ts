import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { digestPath } from '../../digest/index.js';
import { InputError } from '../../errors.js';
import { graphFromStatements } from '../../lineage/graph.js';
import {
  datasetsForMetric,
  modelOrigins,
  modelsUsingDataset,
  parseModelRef,
  type DatasetAnswer,
  type MetricAnswer,
  type ModelAnswer,
} from '../../lineage/queries.js';
import { loadReleaseDocuments } from '../../lineage/releases.js';
import { noMatchError, whyNoDataset, whyNoMetric, type NoMatch } from '../../lineage/no-match.js';
import {
  renderDatasetAnswers,
  renderDot,
  renderGraphTable,
  renderMermaid,
  renderMetricAnswers,
  renderModelAnswers,
  subgraph,
} from '../../render/lineage.js';
import { loadDocuments, type UnreadableBundle } from '../../lineage/sources.js';
import { trustDocuments } from '../../lineage/trust.js';
import { addTrustFlags, bundleVerifier, type TrustFlags } from '../trust-flags.js';
import { stderrLogger, type Logger } from '../../util/log.js';
import { addFormatOption, intOption, outputFormat, processIo, run } from '../shared.js';
import { storeRunsSelected } from '../store-source.js';
import type { LoadedDocument } from '../../statement/load.js';
import { coverageAnswer, statementId } from './lineage-coverage.js';

interface LineageOptions extends TrustFlags {
  attribute?: string;
  health?: boolean;
  lateAfter?: number;
  policy?: string;
  dataset?: string;
  model?: string;
  metric?: string;
  epoch?: number;
  split?: string;
  format: 'table' | 'json' | 'mermaid' | 'dot';
  json?: boolean;
  quiet?: boolean;
  verify: boolean;
  cache: boolean;
  jobs?: number;
  fromReleases?: boolean;
  store?: string;
  runs?: string;
  since?: string;
  until?: string;
}

/** A model argument naming a local file is hashed, so the answer is by content, not by name. */
async function modelRef(ref: string): Promise<{ sha256: string } | { path: string }> {
  const parsed = parseModelRef(ref);
  if ('sha256' in parsed) return parsed;
  const st = await stat(ref).catch(() => undefined);
  if (st?.isFile()) {
    const d = await digestPath(ref, path.dirname(path.resolve(ref)));
    return { sha256: d.sha256 };
  }
  return parsed;
}

export function register(program: Command): void {
  const cmd = program
    .command('lineage')
    .description('answer lineage questions over many records: which data produced a metric, which models used a dataset, what trained a model')
    .argument('[inputs...]', 'statement or bundle files, or directories holding them')
    .option('--dataset <ID[@VERSION]>', 'which models used this dataset (version optional)')
    .option('--model <PATH|DIGEST>', 'what trained this model: a subject path, a local file (hashed), or sha256:HEX')
    .option('--metric <NAME>', 'which dataset versions produced this metric')
    .option('--attribute <METRIC>', 'which step, parameter or input change moved this metric, over pairs of otherwise-identical runs')
    .option('--health', 'completeness per repository and field over time, runs that failed the policy, records signed late')
    .option('--policy <name|file>', 'with --health: the policy to judge completeness by', 'standard')
    .option('--late-after <hours>', 'with --health: a record signed this long after the run finished is late', intOption('--late-after'), 24)
    .option('--epoch <N>', 'with --metric: the value at this epoch (default: each run’s final value)', intOption('--epoch'))
    .option('--split <NAME>', 'with --metric: only this split (train, test, ...)')
    .option('--quiet', 'no warnings (skipped files, empty answers) on stderr; errors still print')
    .option('--no-verify', 'trust the records without verifying their signatures')
    .option('--no-cache', 'verify every bundle again: neither use nor update the cache of bundles that verified')
    .option('--jobs <N>', 'threads verifying bundles (default: the number of CPUs, at most 8; 1: this thread only)', intOption('--jobs'))
    .option('--from-releases', 'read statements/bundles from the --repo repository’s release assets (needs GITHUB_TOKEN)')
    .option('--store <PATH|URL>', 'answer from the provenance store (a file, or postgres://…) instead of files: see `store ingest`')
    .option('--runs <OWNER/REPO>', "with --store: the runs of a repository (OWNER/* for an owner, '*' for every run, those that name no repository too), with their ids and metrics; with --attribute, --health or a diagram: only those runs")
    .option('--since <DATE>', 'with --runs: runs that finished at or after this time')
    .option('--until <DATE>', 'with --runs: runs that finished before this time');
  addFormatOption(addTrustFlags(cmd, 'the repository whose workflow must have signed the bundles; with --from-releases, whose release assets to read'), ['table', 'mermaid', 'dot'], 'table')
    .action(
      run(async (inputs: string[], o: LineageOptions) => {
        o.format = outputFormat(o);
        // The store answers its four questions in SQL; the rest (attribution, health, diagrams) runs on its documents.
        const sqlAnswer = o.attribute === undefined && !o.health && (o.format === 'table' || o.format === 'json');
        if (o.store !== undefined && sqlAnswer) {
          const { storeLineage } = await import('./store.js');
          return storeLineage(o, o.model !== undefined ? await modelRef(o.model) : undefined);
        }
        if (o.store === undefined && (o.runs ?? o.since ?? o.until) !== undefined) {
          throw new InputError('filter-without-store', '--runs, --since and --until select runs in the store', { fix: 'add --store PATH|URL' });
        }
        const logger: Logger = o.quiet ? { ...stderrLogger, info: () => {}, warning: () => {} } : stderrLogger;
        const queries = [o.dataset, o.model, o.metric, o.attribute, o.health || undefined].filter((q) => q !== undefined);
        if (queries.length > 1) {
          throw new InputError('one-query', 'pass only one of --dataset, --model, --metric, --attribute, --health', { fix: 'run one query per invocation' });
        }
        if ((o.epoch !== undefined || o.split !== undefined) && o.metric === undefined && o.attribute === undefined) {
          throw new InputError('epoch-without-metric', '--epoch and --split refine --metric or --attribute', { fix: 'add --metric NAME' });
        }
        if (o.jobs !== undefined && o.jobs < 1) {
          throw new InputError('bad-jobs', `--jobs must be at least 1, got ${o.jobs}`, { fix: 'pass --jobs 1 to verify in this thread only, or leave it out to use every CPU' });
        }
        if (o.fromReleases && !o.repo) {
          throw new InputError('releases-without-repo', '--from-releases needs --repo OWNER/REPO', { fix: 'add --repo OWNER/REPO' });
        }
        const unreadable: UnreadableBundle[] = [];
        if (o.store !== undefined) {
          if (inputs.length || o.fromReleases) throw new InputError('store-with-files', 'lineage --store reads the runs from the store, not from files or releases', { fix: 'leave out the files (or --from-releases), or leave out --store' });
          const { trustedStoredRuns } = await import('../../store/index.js');
          // Verified once at ingest (`store audit` re-verifies); unverified rows only with --no-verify, said either way.
          const stored = trustedStoredRuns(await storeRunsSelected(o.store, o), !o.verify, (m) => logger.warning(m));
          return answerFromDocuments(stored, o);
        }
        const docs = [
          ...(inputs.length || !o.fromReleases ? await loadDocuments(inputs, logger, unreadable) : []),
          ...(o.fromReleases
            ? await loadReleaseDocuments({
                repo: o.repo!,
                token: process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN,
                ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
                logger,
                unreadable,
              })
            : []),
        ];
        const verifier = bundleVerifier(o, { cache: o.cache, ...(o.jobs !== undefined ? { jobs: o.jobs } : {}) });
        const trusted = await trustDocuments(docs, { noVerify: !o.verify, verifier, unreadable, logger }).finally(() => verifier.close?.());
        return answerFromDocuments(trusted, o);
      }),
    );
}

/** Answer the question over documents already trusted (verified, or taken on trust with --no-verify). */
async function answerFromDocuments(trusted: LoadedDocument[], o: LineageOptions): Promise<void> {
  // The run id is the statement digest (sha256 of the signed bytes): stable across queries and machines.
  const graph = graphFromStatements(trusted.map((d) => ({ statement: d.statement, source: d.file, digest: statementId(d).slice('sha256:'.length) })));
  if (o.attribute !== undefined || o.health) {
    processIo.out(await coverageAnswer(trusted, o));
    return;
  }

  let answers: MetricAnswer[] | DatasetAnswer[] | ModelAnswer[] | undefined;
  let modelAnswers: ModelAnswer[] | undefined;
  let table = '';
  let runs: string[] = [];
  if (o.metric !== undefined) {
    const a = datasetsForMetric(graph, { name: o.metric, ...(o.epoch !== undefined ? { epoch: o.epoch } : {}), ...(o.split ? { split: o.split } : {}) });
    answers = a;
    table = renderMetricAnswers(a);
    runs = a.map((x) => x.lineage.run.key);
  } else if (o.dataset !== undefined) {
    const a = modelsUsingDataset(graph, o.dataset);
    answers = a;
    table = renderDatasetAnswers(a);
    runs = a.map((x) => x.run.key);
  } else if (o.model !== undefined) {
    const a = modelOrigins(graph, await modelRef(o.model));
    answers = modelAnswers = a;
    table = renderModelAnswers(a);
    runs = a.map((x) => x.lineage.run.key);
  }
  const shown = answers ? subgraph(graph, new Set(runs), modelAnswers) : graph;
  if (o.format === 'json') processIo.out(JSON.stringify(answers ? { answers } : { graph }, null, 2));
  else if (o.format === 'mermaid') processIo.out(renderMermaid(shown));
  else if (o.format === 'dot') processIo.out(renderDot(shown));
  else processIo.out(answers ? table : renderGraphTable(graph));
  if (answers && answers.length === 0) {
    // Like grep: an answer nobody matched is exit 1, so scripts can tell "none" from "found".
    // The error names the part of the question that matched nothing and what exists there.
    const why: NoMatch =
      o.metric !== undefined
        ? whyNoMetric(graph, { name: o.metric, ...(o.epoch !== undefined ? { epoch: o.epoch } : {}), ...(o.split ? { split: o.split } : {}) })
        : o.dataset !== undefined
          ? whyNoDataset(graph, o.dataset)
          : { part: 'model', asked: o.model! };
    throw noMatchError(why, `among the ${graph.runs.length} record(s) given`, 'pass the folder that holds the records that have it');
  }
}
