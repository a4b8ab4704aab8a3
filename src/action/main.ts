import path from 'node:path';
import { baseRecordSentence, type BaseRecord } from '../publish/base-record.js';
import { pullRequestNumber, releaseTag, restrictedByGitHub, type GitHubContext } from '../capture/github.js';
import { toProvenanceError } from '../errors.js';
import { formatFinding, type PolicyResult } from '../policy/index.js';
import { renderLeakSummaryMarkdown, renderPublishedMarkdown, renderSummaryMarkdown, type BaseComparison, type SignatureInfo, type SummaryOptions } from '../render/summary.js';
import { lineageMermaid } from '../render/lineage.js';
import { mergeOverrides } from '../render/metric-direction.js';
import { resolvePolicy } from '../policy/index.js';
import { DEFAULT_ARTIFACT_NAME } from '../publish/comment.js';
import type { StatementDiff } from '../lineage/diff.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { assemble } from '../statement/assemble.js';
import { recordsLocation } from '../record/log.js';
import { pseudonymKey } from '../statement/pseudonymize.js';
import { actionLogReporter } from '../digest/progress.js';
import { outputDirInWorkspace, writeFileAtomic } from '../util/fs.js';
import type { Logger } from '../util/log.js';
import type { RunInputs, SigstoreChoice } from './inputs.js';
import type { SignOptions, SignResult, SigstoreInstanceName } from '../sign/index.js';
import type { PublishRequest, PublishResult } from '../publish/index.js';

/** What the action needs from the runner, so main is testable with plain objects. */
export interface ActionIO {
  logger: Logger;
  setOutput(name: string, value: string): void;
  /** Append markdown to the job summary. */
  summary(markdown: string): Promise<void>;
}

/** The modules main wires together; index.ts passes the real ones. */
export interface ActionDeps {
  io: ActionIO;
  github: GitHubContext | undefined;
  workspace: string;
  tempDir: string;
  env: NodeJS.ProcessEnv;
  signStatement(statement: object | Uint8Array, opts: SignOptions): Promise<SignResult>;
  preflightIdentity(opts: SignOptions): void | Promise<void>;
  buildSlsaStatement(training: TrainingStatement, ctx: GitHubContext): object | Promise<object>;
  publish(req: PublishRequest, ctx: GitHubContext, deps: { token: string; logger: Logger }): Promise<PublishResult>;
  fetchBaseStatement(ctx: GitHubContext, deps: { token: string; logger: Logger; artifactName: string }): Promise<BaseRecord>;
  diffStatements(base: TrainingStatement, head: TrainingStatement): StatementDiff | Promise<StatementDiff>;
}

export interface RunOutcome {
  ok: boolean;
  statementPath?: string;
  bundlePath?: string;
  summaryPath?: string;
}

/**
 * public-good for public repositories, GitHub's instance otherwise (as actions/attest
 * does). Rekor is public and permanent, so when the event does not say the repository
 * is public (schedule, workflow_dispatch payloads may not), the private instance wins.
 */
export function chooseInstance(choice: SigstoreChoice, gh: GitHubContext | undefined): SigstoreInstanceName {
  if (choice !== 'auto') return choice;
  const repo = gh?.event.repository as { private?: unknown; visibility?: unknown } | undefined;
  const isPublic = repo?.visibility === 'public' || (repo?.visibility === undefined && repo?.private === false);
  return isPublic ? 'public-good' : 'github';
}

function annotateFindings(policy: PolicyResult, io: ActionIO): void {
  for (const f of policy.findings) {
    const title = `ml-provenance: ${f.field}`;
    if (f.severity === 'error') io.logger.error(formatFinding(f), { title });
    else io.logger.warning(formatFinding(f), { title });
  }
}

/**
 * Where a reviewer finds the record's files, known before publishing (the summary is
 * the comment body, written first): the run's artifacts and the release's assets.
 */
export function recordLinks(gh: GitHubContext, inputs: Pick<RunInputs, 'uploadArtifact' | 'artifactName' | 'releaseTag'>): Array<{ label: string; url: string }> {
  const repo = `${gh.serverUrl}/${gh.repository}`;
  const links: Array<{ label: string; url: string }> = [];
  if (inputs.uploadArtifact) links.push({ label: `artifact ${inputs.artifactName}`, url: `${repo}/actions/runs/${encodeURIComponent(gh.runId)}#artifacts` });
  const tag = inputs.releaseTag ?? releaseTag(gh);
  if (tag) links.push({ label: `release ${tag} assets`, url: `${repo}/releases/tag/${encodeURIComponent(tag)}` });
  return links;
}

/** build → validate → sign → summarise → publish. Primary failures throw; secondary ones follow the input. */
export async function run(inputs: RunInputs, deps: ActionDeps): Promise<RunOutcome> {
  const { io, github: gh } = deps;
  // An output-dir inside the workspace may not lead through a committed symlink out of it.
  const outDir = inputs.outputDir
    ? await outputDirInWorkspace(inputs.outputDir, deps.workspace, 'output-dir', 'set output-dir to a folder outside the checkout (e.g. ${{ runner.temp }}/provenance) or remove the symlink from the repository')
    : path.resolve(deps.tempDir, 'ml-provenance');
  const files = {
    statement: path.join(outDir, 'provenance.intoto.json'),
    bundle: path.join(outDir, 'provenance.sigstore.json'),
    slsaBundle: path.join(outDir, 'provenance.slsa.sigstore.json'),
    summary: path.join(outDir, 'provenance.md'),
  };

  const built = await assemble({
    workspace: deps.workspace,
    subjects: inputs.subjects,
    configs: inputs.configs,
    ...(inputs.image ? { image: inputs.image } : {}),
    ...(inputs.datasets ? { datasets: inputs.datasets } : {}),
    ...(inputs.metrics ? { metricsFile: inputs.metrics } : {}),
    // As for `ml-provenance record` and `build`: the input, else the job's ML_PROVENANCE_DIR.
    records: recordsLocation({ value: inputs.records, by: 'the records input' }, deps.workspace, deps.env),
    policy: inputs.policy,
    redact: inputs.redact,
    ...(gh ? { github: gh } : {}),
    // Long hashing logs a progress line every 10 s; skipped special files are warnings.
    reporting: { progress: () => actionLogReporter((l) => io.logger.info(l)), warn: (m) => io.logger.warning(m) },
    bridges: { ...(inputs.dvc ? { dvc: inputs.dvc } : {}), ...(inputs.mlflowRun ? { mlflowRun: inputs.mlflowRun } : {}) },
    capture: { pythonEnv: inputs.pythonEnv, env: deps.env, image: inputs.detectImage },
    anonymize: inputs.anonymize,
    ...(inputs.pseudonymKey ? { pseudonymKey: pseudonymKey(inputs.pseudonymKey, 'the pseudonym-key input') } : {}),
  });
  io.setOutput('complete', String(built.policy.complete));
  io.setOutput('missing', built.policy.missing.join(','));
  io.setOutput('statement-digest', `sha256:${built.digest}`);
  annotateFindings(built.policy, io);

  // What every rendering of this run shares: which comment it is, how metrics read, the picture.
  const policyRules = (await resolvePolicy(inputs.policy, deps.workspace)).rules;
  const view: SummaryOptions = {
    title: {
      ...(gh?.workflow ? { workflow: gh.workflow } : {}),
      ...(gh?.job ? { job: gh.job } : {}),
      ...(inputs.artifactName !== DEFAULT_ARTIFACT_NAME ? { leg: inputs.artifactName } : {}),
    },
    policy: built.policy,
    mermaid: lineageMermaid(built.statement),
    directions: {
      overrides: mergeOverrides(policyRules.metrics?.directions, inputs.metricDirections),
      ...(policyRules.metrics?.tolerance !== undefined ? { tolerance: policyRules.metrics.tolerance } : {}),
    },
  };
  if (!built.policy.complete) {
    // Reviewers still get the summary of what is there and what is missing; nothing is signed or published.
    const leaks = built.policy.findings.filter((f) => f.rule === 'pseudonyms.leak');
    if (leaks.length) {
      // Not the usual summary: it would show the values anonymize was to hide.
      await io.summary(renderLeakSummaryMarkdown(leaks, view));
      io.logger.error(
        `the provenance record still holds values named in anonymize in clear at ${leaks.length} place(s), annotated above — pseudonymise those fields too, or stop recording them; nothing was signed`,
        { title: 'ml-provenance: pseudonymised values in clear' },
      );
      return { ok: false };
    }
    await io.summary(renderSummaryMarkdown(built.statement, { ...view, signature: { signed: false, reason: 'the record is incomplete' } }));
    const n = built.policy.findings.filter((f) => f.severity === 'error').length;
    io.logger.error(
      `the provenance record is incomplete under policy "${built.policy.policy}": ${n} problem(s), annotated above — supply the missing fields (missing: ${built.policy.missing.join(', ')})`,
      { title: 'ml-provenance: record incomplete' },
    );
    return { ok: false };
  }

  await writeFileAtomic(files.statement, built.text);
  io.setOutput('statement-path', files.statement);
  io.logger.info(`statement: ${files.statement} (sha256:${built.digest})`);

  let signature: SignatureInfo = { signed: false, reason: '`sign: false`' };
  const bundles: Record<string, unknown>[] = [];
  let wroteSlsa = false;
  // Fork PRs and Dependabot: no OIDC token, read-only token, by GitHub's design. The record is
  // still built and checked (an incomplete one failed above); what the token cannot do is skipped.
  const restricted = gh ? restrictedByGitHub(gh, deps.env) : undefined;
  if (restricted) {
    signature = { signed: false, reason: 'no OIDC token for this job' };
    (io.logger.notice ?? io.logger.info).call(
      io.logger,
      `${restricted}. The record was built and checked against the policy; signing, the release upload, the pull request comment and attestations are skipped (${inputs.uploadArtifact ? 'the workflow artifact and the job summary are kept' : 'the job summary is kept'}). The signed record comes from the run after merge.`,
      { title: 'ml-provenance: not signed on this event' },
    );
  }
  if (inputs.sign && !restricted) {
    const signOpts: SignOptions = {
      instance: chooseInstance(inputs.sigstore, gh),
      ...(inputs.fulcioURL ? { fulcioURL: inputs.fulcioURL } : {}),
      ...(inputs.rekorURL ? { rekorURL: inputs.rekorURL } : {}),
      ...(inputs.tsaURL ? { tsaURL: inputs.tsaURL } : {}),
      env: deps.env,
      logger: io.logger,
    };
    if (inputs.sigstore === 'auto') {
      io.logger.info(`Sigstore instance: ${signOpts.instance} (${signOpts.instance === 'public-good' ? 'the repository is public' : 'the repository is not known to be public: nothing goes to the public transparency log'}; set \`sigstore:\` to choose)`);
    }
    await deps.preflightIdentity(signOpts);
    // The exact bytes of provenance.intoto.json: the statement-digest output is the payload's digest.
    const signed = await deps.signStatement(Buffer.from(built.text, 'utf8'), signOpts);
    await writeFileAtomic(files.bundle, JSON.stringify(signed.bundle, null, 2) + '\n');
    bundles.push(signed.bundle);
    io.setOutput('bundle-path', files.bundle);
    if (signed.rekorLogIndex !== undefined) io.setOutput('rekor-log-index', signed.rekorLogIndex);
    signature = {
      signed: true,
      instance: signOpts.instance,
      ...(signed.signerIdentity ? { identity: signed.signerIdentity } : {}),
      ...(signed.rekorLogIndex !== undefined ? { rekorLogIndex: String(signed.rekorLogIndex) } : {}),
    };
    io.logger.info(`bundle: ${files.bundle}${signed.rekorLogIndex !== undefined ? ` (Rekor log index ${signed.rekorLogIndex})` : ''}`);
    if (inputs.slsa && gh) {
      const slsa = await deps.signStatement(await deps.buildSlsaStatement(built.statement, gh), signOpts);
      await writeFileAtomic(files.slsaBundle, JSON.stringify(slsa.bundle, null, 2) + '\n');
      bundles.push(slsa.bundle);
      wroteSlsa = true;
    }
    if (inputs.store) await writeToStore(inputs.store, files.bundle, inputs.failOnPublishError, io.logger);
  }

  const prNumber = gh ? pullRequestNumber(gh) : undefined;
  const commentEnabled = inputs.comment === 'auto' ? prNumber !== undefined : inputs.comment;
  let base: BaseComparison | undefined;
  if (gh && prNumber !== undefined && commentEnabled) {
    const label = gh.baseRef ? { label: gh.baseRef } : {};
    try {
      const found = await deps.fetchBaseStatement(gh, { token: inputs.githubToken, logger: io.logger, artifactName: inputs.artifactName });
      // "None" and "could not read" are different answers: the comment says which, and why.
      base = found.found
        ? { ...label, diff: await deps.diffStatements(found.statement, built.statement) }
        : { ...label, note: baseRecordSentence(found).replace(/^_(.*)_$/s, '$1') };
    } catch (err) {
      io.logger.warning(`could not compare with the base branch's record: ${toProvenanceError(err).userMessage}`);
    }
  }

  const summaryMd = renderSummaryMarkdown(built.statement, {
    ...view,
    signature,
    ...(base ? { base } : {}),
    ...(gh ? { links: recordLinks(gh, inputs) } : {}),
  });
  await writeFileAtomic(files.summary, summaryMd);
  io.setOutput('summary-path', files.summary);
  await io.summary(summaryMd);

  if (gh) {
    const tag = inputs.releaseTag ?? releaseTag(gh);
    const setPublishOutputs = (r: PublishResult): void => {
      if (r.artifactId) io.setOutput('artifact-id', r.artifactId);
      if (r.releaseAssetUrl) io.setOutput('release-asset-url', r.releaseAssetUrl);
      if (r.commentUrl) io.setOutput('comment-url', r.commentUrl);
    };
    let result: PublishResult;
    try {
      result = await deps.publish(
        {
          files: { statement: files.statement, summary: files.summary, ...(bundles.length ? { bundle: files.bundle } : {}), ...(wroteSlsa ? { slsaBundle: files.slsaBundle } : {}) },
          artifact: { enabled: inputs.uploadArtifact, name: inputs.artifactName, ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}) },
          ...(tag && !restricted ? { releaseTag: tag } : {}),
          comment: { enabled: commentEnabled && prNumber !== undefined && !restricted, ...(prNumber !== undefined ? { prNumber } : {}), body: summaryMd },
          attestations: { enabled: inputs.attestations && bundles.length > 0 && !restricted, bundles },
          failOnError: inputs.failOnPublishError,
        },
        gh,
        { token: inputs.githubToken, logger: io.logger },
      );
    } catch (err) {
      // With fail-on-publish-error, publish throws after trying every step; what did land still gets its output.
      const partial = (err as { result?: PublishResult } | null)?.result;
      if (partial) setPublishOutputs(partial);
      throw err;
    }
    setPublishOutputs(result);
    // The summary above was written before publishing (it is also the comment body); what
    // landed is linked file by file now, with the digests to check downloads against.
    const published = renderPublishedMarkdown({
      ...(result.artifactId && result.artifactUrl
        ? { artifact: { name: result.artifactName ?? inputs.artifactName, id: result.artifactId, url: result.artifactUrl, ...(result.artifactDigest ? { digest: result.artifactDigest } : {}) } }
        : {}),
      ...(result.releaseAssets?.length ? { release: { tag: tag ?? '', assets: result.releaseAssets } } : {}),
    });
    if (published) await io.summary(published);
    for (const f of result.failures) io.logger.warning(`${f.step}: ${f.message}`, { title: `ml-provenance: ${f.step} failed` });
  } else {
    io.logger.info('not running in GitHub Actions: nothing is published');
  }
  return { ok: true, statementPath: files.statement, ...(bundles.length ? { bundlePath: files.bundle } : {}), summaryPath: files.summary };
}

/** The decentralised write path: the signed bundle goes into the team's store (a secondary effect, like publishing). */
async function writeToStore(spec: string, bundleFile: string, failOnError: boolean, logger: { info(m: string): void; warning(m: string): void }): Promise<void> {
  const { openStore, storeDocument, writeDocuments } = await import('../store/index.js');
  const { readFile } = await import('node:fs/promises');
  try {
    const db = await openStore(spec, { logger });
    try {
      const r = await writeDocuments(db, [storeDocument(await readFile(bundleFile), bundleFile)], { verified: false });
      logger.info(`store ${db.location}: ${r.stored.length ? `stored run ${r.stored[0]!.runId}` : 'run already stored'}`);
    } finally {
      await db.close();
    }
  } catch (err) {
    if (failOnError) throw err;
    logger.warning(`could not write the bundle to the store: ${toProvenanceError(err).userMessage}`);
  }
}
