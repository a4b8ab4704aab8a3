import type { Command } from 'commander';
import { Option } from 'commander';
import { CheckError, InputError } from '../../errors.js';
import { noMatchError, type NoMatch } from '../../lineage/no-match.js';
import { whyNoDataset, whyNoMetric, whyNoRuns } from '../../store/no-answer.js';
import { createGitHubClient } from '../../publish/client.js';
import { stderrLogger } from '../../util/log.js';
import { failureFix, validateIdentityPolicy } from '../../verify/index.js';
import { verifyMany } from '../../verify/many.js';
import { VerifyThreads } from '../../verify/pool.js';
import type { BundleVerifier } from '../../lineage/trust.js';
import {
  auditStore,
  datasetQuestion,
  DEFAULT_STORE,
  grantRole,
  IngestInterrupted,
  parseStoreSpec,
  refuseGrantOnFile,
  ingestDocuments,
  eachMetricAnswer,
  modelQuestion,
  withStore,
  purgeRuns,
  ingestFiles,
  runsQuestion,
  STORE_ROLES,
  storeError,
  type AuditVerifier,
  type Db,
  type IngestResult,
  type StoreDocument,
  type StoreRole,
} from '../../store/index.js';
import type { StoreMetricAnswer } from '../../store/questions.js';
import { AnswerSpool } from '../answer-spool.js';
import { isGitHubReadError, newArtifactDocuments, newAttestationDocuments, newReleaseDocuments, ownerRepos, recordSeen } from '../../store/sync.js';
import { datasetText, metricText, modelText, runsText } from '../../store/text.js';
import { endAs, stopSignalOf, untilSignalled } from '../interrupt.js';
import { addFormatOption, collect, intOption, outputFormat, processIo, run } from '../shared.js';
import { isoDate } from '../store-source.js';
import { addTrustFlags, bundleVerifier, identityFrom, trustedRootOnce, type TrustFlags } from '../trust-flags.js';

/** Commands that purge or grant never create a store: a mistyped path is an error. */
const EXISTING = { create: false } as const;
/** Nor do the ones that only read, and those read a store the user cannot write without writing beside it. */
const READ_ONLY = { create: false, readOnly: true } as const;

const INTERRUPT_HELP = `
Ctrl-C (SIGINT) or SIGTERM stops it at the next run: the runs stored so far stay, each complete, one line says
how many, and the same command again stores the rest (runs already stored are skipped). A second one ends it at once.`;

const STORE_HELP = `the store: a file (default ${DEFAULT_STORE}, embedded) or postgres://USER@HOST:PORT/DB (credentials from the URL or PG* variables)`;

interface IngestFlags extends TrustFlags {
  store?: string;
  verify: boolean;
  jobs?: number;
  format: 'text' | 'json';
  json?: boolean;
}

function identityLabel(f: TrustFlags): string {
  return JSON.stringify(identityFrom(f));
}

function checkJobs(o: IngestFlags): void {
  if (o.jobs !== undefined && o.jobs < 1) throw new InputError('bad-jobs', `--jobs must be at least 1, got ${o.jobs}`, { fix: 'leave it out to use every CPU' });
}

/** Ingest verifies every bundle itself (no verification cache: the store is where verdicts are kept). */
const verifierFor = (o: IngestFlags) => bundleVerifier(o, { cache: false, ...(o.jobs !== undefined ? { jobs: o.jobs } : {}) });

async function ingest(db: Db, docs: StoreDocument[], o: IngestFlags, verifier: BundleVerifier, signal: AbortSignal): Promise<IngestResult> {
  checkJobs(o);
  return ingestDocuments(db, docs, { verify: o.verify, verifier, identity: identityLabel(o), logger: stderrLogger, signal });
}

/**
 * An ingest or sync that SIGINT or SIGTERM stops at its next safe point (see untilSignalled):
 * the store is closed as usual (withStore, inside `fn`), then one line says what was stored, and
 * the process ends by that signal (a shell shows 130, 143; see endAs).
 */
async function interruptible(fn: (signal: AbortSignal) => Promise<void>): Promise<number | void> {
  let notice: NodeJS.Timeout | undefined;
  try {
    await untilSignalled((signal) => {
      // Stopping waits for the statement under way, which a busy or unreachable server can hold for
      // long: past STOP_NOTICE_MS, say what it is waiting for and how to leave at once.
      signal.addEventListener('abort', () => {
        notice = setTimeout(() => processIo.err(`${process.stderr.isTTY ? '\n' : ''}stopping: waiting for the run under way to be stored; press Ctrl-C again to stop at once (its transaction is then rolled back, runs already stored are kept)`), STOP_NOTICE_MS);
      }, { once: true });
      return fn(signal);
    });
  } catch (err) {
    const signal = err instanceof IngestInterrupted ? stopSignalOf(err.reason) : undefined;
    if (!(err instanceof IngestInterrupted) || !signal) throw err;
    // A terminal has echoed ^C where the cursor was: the line starts on a line of its own.
    processIo.err(`${signal === 'SIGINT' && process.stderr.isTTY ? '\n' : ''}${err.message}`);
    return endAs(signal);
  } finally {
    clearTimeout(notice);
  }
}

/** How long a stop may take before the command says what it waits for (a commit and closing the store take well under a second). */
const STOP_NOTICE_MS = 2000;

function report(r: IngestResult, o: { format: string; verify: boolean }, where: string): void {
  if (o.format === 'json') {
    processIo.out(JSON.stringify({ stored: r.stored, existing: r.existing }, null, 2));
    return;
  }
  for (const s of r.stored) processIo.out(`stored ${s.runId} ${s.verified ? 'verified' : 'NOT VERIFIED'} ${s.source}`);
  stderrLogger.info(`${r.stored.length} new run(s), ${r.existing.length} already in ${where}${o.verify || r.stored.length === 0 ? '' : ' (stored without verification: every answer marks them NOT VERIFIED)'}`);
}

/**
 * A verifier for `store audit` that reports every bundle that fails, not just the first. The trust
 * root is loaded once and the threads started once for every page of runs (`threads`, closed by the caller).
 */
function auditVerifier(f: TrustFlags, threads: VerifyThreads, jobs?: number): AuditVerifier {
  const identity = identityFrom(f);
  const trustedRootOf = trustedRootOnce(f);
  return async (bundles) => {
    validateIdentityPolicy(identity);
    const root = await trustedRootOf();
    const out: (string | undefined)[] = new Array(bundles.length).fill(undefined);
    let from = 0;
    // verifyMany stops at the first failure: record it, then carry on after it.
    while (from < bundles.length) {
      const rest = bundles.slice(from);
      const results = await verifyMany(rest.map((b) => ({ bundle: b.bundle, sha256: b.sha256 })), { trustedRoot: root, identity, threads, ...(jobs !== undefined ? { jobs } : {}) });
      let next = bundles.length;
      for (const [i, r] of results.entries()) {
        if (r === undefined) {
          next = from + i;
          break;
        }
        if ('error' in r) out[from + i] = `could not be verified: ${r.error}`;
        else if ('verdict' in r && !r.verdict.verified) out[from + i] = `does not verify: ${r.verdict.failure ?? 'verification failed'} (${failureFix(r.verdict)})`;
      }
      from = next;
    }
    return out;
  };
}

export function register(program: Command): void {
  const store = program.command('store').description('the provenance store: ingest verified bundles once, ask lineage questions fast, audit and retain');

  const ing = store
    .command('ingest')
    .description('verify bundles and store them (a run already stored is left as is)')
    .argument('<inputs...>', 'bundle files, or directories holding them')
    .option('--store <PATH|URL>', STORE_HELP)
    .option('--no-verify', 'store without verifying (every answer then marks these runs NOT VERIFIED)')
    .option('--jobs <N>', 'threads verifying bundles (default: the CPUs, at most 8)', intOption('--jobs'))
    .addHelpText('after', INTERRUPT_HELP);
  addTrustFlags(addFormatOption(ing, ['text'], 'text')).action(
    run(async (inputs: string[], o: IngestFlags) => {
      // A conflicting --json/--format is a usage error before anything is verified or stored.
      outputFormat(o);
      return interruptible((signal) =>
        withStore(o.store, async (db) => {
          checkJobs(o);
          const r = await ingestFiles(db, inputs, { verify: o.verify, verifier: verifierFor(o), identity: identityLabel(o), logger: stderrLogger, signal });
          report(r, o, db.location);
        }, { signal, logger: stderrLogger }),
      );
    }),
  );

  const sync = store
    .command('sync')
    .description('bring new bundles from GitHub into the store: release assets of repositories (or of every repository of an owner), workflow-run artifacts, attestations by subject digest')
    .option('--from-releases <OWNER/REPO>', 'a repository whose release assets to read (repeatable)', collect, [])
    .option('--org <OWNER>', 'every repository of this organisation or user (with --from-releases semantics; a repository that cannot be read is a warning)', collect, [])
    .option('--from-artifacts <OWNER/REPO>', 'a repository whose workflow-run artifacts to read (those the action uploaded; needs actions: read) (repeatable)', collect, [])
    .option('--artifact-name <NAME>', 'with --from-artifacts: the action\'s artifact-name (re-runs add -attempt-N)', 'ml-provenance')
    .option('--from-attestations <OWNER/REPO>', 'a repository whose attestations to read, for --subject-digest digests (repeatable)', collect, [])
    .option('--subject-digest <sha256:HEX>', 'with --from-attestations: a subject digest to ask for (repeatable; default: every model digest already stored)', collect, [])
    .option('--store <PATH|URL>', STORE_HELP)
    .option('--no-verify', 'store without verifying (marked NOT VERIFIED in every answer)')
    .option('--jobs <N>', 'threads verifying bundles', intOption('--jobs'))
    .addHelpText('after', INTERRUPT_HELP);
  addTrustFlags(addFormatOption(sync, ['text'], 'text')).action(
    run(async (o: IngestFlags & { fromReleases: string[]; org: string[]; fromArtifacts: string[]; artifactName: string; fromAttestations: string[]; subjectDigest: string[] }) => {
      outputFormat(o);
      if (o.fromReleases.length + o.org.length + o.fromArtifacts.length + o.fromAttestations.length === 0) {
        throw new InputError('sync-without-source', 'store sync needs --from-releases OWNER/REPO, --org OWNER, --from-artifacts OWNER/REPO or --from-attestations OWNER/REPO', { fix: 'say where to read bundles from' });
      }
      const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
      if (!token) throw new InputError('no-token', 'store sync reads GitHub and needs a token', { fix: 'set GITHUB_TOKEN (read access to the repositories) and run again' });
      const client = createGitHubClient({ token, logger: stderrLogger, ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) });
      return interruptible((signal) => withStore(o.store, async (db) => {
        // Before anything is synced: the default digests come from the store, which the ingest role may not read.
        const digests = o.fromAttestations.length > 0 && o.subjectDigest.length === 0 ? await storedModelDigests(db) : o.subjectDigest;
        const named = new Set(o.fromReleases);
        const repos = [...o.fromReleases];
        for (const owner of o.org) repos.push(...(await ownerRepos(client, owner)));
        const total: IngestResult = { stored: [], existing: [] };
        // One verifier for every repository: its threads start once (closed below).
        const verifier = verifierFor(o);
        const stopped = () => new IngestInterrupted(signal.reason, total.stored.length, 'writing');
        const take = async (f: { docs: StoreDocument[]; seen: { source: string; item: string }[] }) => {
          // Asked to stop while fetching: what was fetched may be part of it, and nothing of it is stored.
          if (signal.aborted) throw stopped();
          const r = await ingest(db, f.docs, o, verifier, signal).catch((err: unknown) => {
            // Stopped while verifying (the verifier rejects with the signal's reason): nothing of this batch was written.
            throw signal.aborted && err === signal.reason ? stopped() : err;
          });
          total.stored.push(...r.stored);
          total.existing.push(...r.existing);
          // Remembered only once stored: a failed or stopped sync reads the same assets again next time.
          if (r.stopped) throw stopped();
          await recordSeen(db, f.seen);
        };
        let unreadableRepos = 0;
        try {
          for (const repo of [...new Set(repos)]) {
            if (signal.aborted) throw stopped();
            try {
              await take(await newReleaseDocuments(db, client, repo, stderrLogger, signal));
            } catch (err) {
              // One repository of an organisation the token cannot read does not stop the others.
              if (named.has(repo) || !isGitHubReadError(err)) throw err;
              unreadableRepos++;
              stderrLogger.warning(`${(err as Error).message}; skipped`);
            }
          }
          if (unreadableRepos) stderrLogger.warning(`${unreadableRepos} repositor${unreadableRepos === 1 ? 'y' : 'ies'} of ${o.org.join(', ')} could not be read (see above); the others were synced`);
          for (const repo of o.fromArtifacts) await take(await newArtifactDocuments(db, client, repo, o.artifactName, stderrLogger, signal));
          for (const repo of o.fromAttestations) await take(await newAttestationDocuments(db, client, repo, digests, stderrLogger, signal));
        } finally {
          await verifier.close?.();
        }
        report(total, o, db.location);
      }, { signal, logger: stderrLogger }));
    }),
  );

  const audit = store
    .command('audit')
    .description('re-verify every stored bundle and check every row against its statement (finds rows edited in the database)')
    .option('--store <PATH|URL>', STORE_HELP)
    .option('--jobs <N>', 'threads verifying bundles', intOption('--jobs'));
  addTrustFlags(addFormatOption(audit, ['text'], 'text')).action(
    run(async (o: TrustFlags & { store?: string; jobs?: number; format: string; json?: boolean }) => {
      const format = outputFormat(o);
      validateIdentityPolicy(identityFrom(o));
      const threads = new VerifyThreads();
      const r = await withStore(o.store, (db) => auditStore(db, auditVerifier(o, threads, o.jobs)), READ_ONLY).finally(() => threads.close());
      if (format === 'json') processIo.out(JSON.stringify(r, null, 2));
      else {
        for (const p of r.problems) processIo.out(`run ${p.runId} ${p.where}: ${p.detail}`);
        processIo.out(`${r.runs} run(s) audited: ${r.verified} verified again, ${r.unverified} stored without verification, ${r.problems.length} problem(s)`);
      }
      if (r.problems.length > 0) {
        // Stray bundle bytes alone are a retention leftover, not a changed run.
        const onlyStray = r.problems.every((p) => p.where === 'blobs');
        throw new CheckError('store-audit-failed', `the store audit found ${r.problems.length} problem(s)`, {
          fix: onlyStray
            ? 'no run is affected: the bytes named above are what an earlier purge left (or were inserted directly); the next store purge removes them'
            : 'do not trust the runs named above; restore them from their bundles (store ingest) after finding who changed the database',
        });
      }
    }),
  );

  store
    .command('purge')
    .description('retention: remove runs, leaving an append-only purge record (PostgreSQL: only the mlp_purger role may)')
    .option('--before <DATE>', 'runs that finished before this date')
    .option('--repo <OWNER/REPO>', 'runs of this repository (OWNER/* for every repository of an owner)')
    .requiredOption('--reason <TEXT>', 'why (kept in the purge record)')
    .option('--store <PATH|URL>', STORE_HELP)
    .action(
      run(async (o: { before?: string; repo?: string; reason: string; store?: string }) => {
        const r = await withStore(o.store, (db) => purgeRuns(db, { ...(o.before ? { before: o.before } : {}), ...(o.repo ? { repo: o.repo } : {}), reason: o.reason }), EXISTING);
        processIo.out(`purged ${r.runIds.length} run(s) as ${r.by} at ${r.at}${r.bundlesRemoved.length ? `, and ${r.bundlesRemoved.length} stored bundle(s) no run pointed at any more (left by an earlier purge)` : ''}`);
      }),
    );

  store
    .command('grant')
    .description('PostgreSQL: give a login role one of the store roles (reader: for the repositories named)')
    .requiredOption('--user <ROLE>', 'the login role')
    .addOption(new Option('--as <role>', 'which store role').choices([...STORE_ROLES]).default('reader'))
    .option('--repo <OWNER/REPO>', 'a repository the reader may see (OWNER/* for all of an owner; repeatable)', collect, [])
    .option('--store <URL>', STORE_HELP)
    .action(
      run(async (o: { user: string; as: StoreRole; repo: string[]; store?: string }) => {
        // A file cannot enforce roles: say so before opening (or creating) it.
        if (parseStoreSpec(o.store).kind === 'sqlite') refuseGrantOnFile();
        await withStore(o.store, (db) => grantRole(db, { user: o.user, role: o.as, repos: o.repo }), EXISTING);
        processIo.out(`granted mlp_${o.as} to ${o.user}${o.repo.length ? ` for ${o.repo.join(', ')}` : ''}`);
      }),
    );
}

export interface StoreLineageOptions {
  store?: string;
  metric?: string;
  epoch?: number;
  split?: string;
  dataset?: string;
  runs?: string;
  since?: string;
  until?: string;
  format: string;
}

/**
 * `lineage --store`: the four questions answered from the store. `model` is already resolved to a digest (or a path, refused).
 * Prints the answer; an answer nobody matched is still printed, then exit 1 as over files (like grep).
 */
export async function storeLineage(o: StoreLineageOptions, model: { sha256: string } | { path: string } | undefined): Promise<number | void> {
  if (model && 'path' in model) {
    throw new InputError('model-path-with-store', `--model ${model.path}: the store answers by content digest`, { fix: 'pass the model file itself (it is hashed) or sha256:HEX' });
  }
  const since = isoDate('--since', o.since);
  const until = isoDate('--until', o.until);
  if (o.metric !== undefined) {
    // Every run can have the metric: the answer is written a page at a time (see AnswerSpool).
    const mq = { name: o.metric, ...(o.epoch !== undefined ? { epoch: o.epoch } : {}), ...(o.split ? { split: o.split } : {}), ...(model ? { model: model.sha256 } : {}) };
    const format = o.format === 'json' ? 'json' : 'table';
    // Ctrl-C (or a job's SIGTERM) stops at the next page and the private temp folder is removed
    // before the process ends by that signal; left to the default action it stayed behind in TMPDIR.
    const stopped = await untilSignalled(async (signal) => {
      const spool = await AnswerSpool.create<StoreMetricAnswer>(format, metricText);
      try {
        const none = await withStore(o.store, async (db) => {
          await spool.reset();
          const n = await eachMetricAnswer(db, mq, (page) => {
            signal.throwIfAborted();
            return spool.add(page);
          });
          return n === 0 ? noStoreAnswer(db, await whyNoMetric(db, mq), mq.model) : undefined;
        }, READ_ONLY);
        signal.throwIfAborted();
        await spool.copyTo(process.stdout, signal);
        if (signal.aborted) return stopSignalOf(signal.reason);
        if (none) throw none;
      } catch (err) {
        if (signal.aborted) return stopSignalOf(signal.reason); // whatever failed after the stop (a read again, a closed stdout) is the stop
        throw err;
      } finally {
        await spool.close();
      }
      return undefined;
    });
    return stopped ? endAs(stopped) : undefined;
  }
  const { output, none } = await withStore(o.store, async (db) => {
    let answers: unknown[];
    let text: string;
    let why: () => Promise<NoMatch>;
    if (model) {
      const a = await modelQuestion(db, model.sha256);
      [answers, text, why] = [a, modelText(a), async () => ({ part: 'model', asked: `sha256:${model.sha256}` })];
    } else if (o.dataset !== undefined) {
      const ref = o.dataset;
      const a = await datasetQuestion(db, ref);
      [answers, text, why] = [a, datasetText(a), () => whyNoDataset(db, ref)];
    } else if (o.runs !== undefined) {
      const rq = { repository: o.runs, ...(since ? { since } : {}), ...(until ? { until } : {}) };
      const a = await runsQuestion(db, rq);
      [answers, text, why] = [a, runsText(a), () => whyNoRuns(db, rq)];
    } else {
      throw new InputError('store-question', "with --store, ask one question: --metric M [--model D], --dataset D[@V], --model D, or --runs OWNER/REPO|OWNER/*|'*' [--since --until]", { fix: 'add one of them' });
    }
    return { output: o.format === 'json' ? JSON.stringify({ answers }, null, 2) : text, none: answers.length === 0 ? noStoreAnswer(db, await why()) : undefined };
  }, READ_ONLY);
  // An empty table is no text at all: the error line below says it.
  if (output !== '') processIo.out(output);
  if (none) throw none;
}

/** The empty answer's error: the part of the question that matched nothing in this store, and what it holds there. */
function noStoreAnswer(db: Db, why: NoMatch, model?: string): CheckError {
  // With --model, what exists was read among that model's runs (unless the model itself is missing).
  const among = model !== undefined && why.part !== 'model' ? ` among the runs that produced model sha256:${model.slice(0, 12)}…` : '';
  const granted = db.dialect === 'postgres' ? '; a reader sees only the repositories it was granted' : '';
  return noMatchError(why, `in ${db.location}${among}`, `ingest the records that have it (\`store ingest\`)${granted}`);
}

/** Every model digest already stored (--from-attestations' default), or a usage error when this role may not read them. */
async function storedModelDigests(db: Db): Promise<string[]> {
  try {
    return (await db.all<{ sha256: string }>('SELECT DISTINCT sha256 FROM models ORDER BY sha256')).map((r) => r.sha256);
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw storeError(err, db.location, 'reading the stored model digests');
    throw new InputError('subject-digests-unreadable', `--from-attestations without --subject-digest asks for every model digest in ${db.location}, which this role may not read`, {
      fix: 'pass the digests to ask for with --subject-digest sha256:HEX (repeatable), or sync as a login that also holds mlp_reader',
    });
  }
}
