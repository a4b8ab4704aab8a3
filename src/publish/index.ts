/**
 * Publishing, layer 3: the orchestrator. Takes the files the pipeline wrote and
 * puts them where people look: a workflow artifact, the release of a tag, one
 * sticky PR comment, the job summary, and GitHub's attestations store.
 *
 * Every step is a secondary effect: all enabled steps run (independently, in
 * parallel), and failures follow `failOnError` — listed in `failures` for the
 * caller to show as warnings when false, a PublishError naming each failed step
 * and its fix (with `result` saying what did land) when true.
 */
import { access, appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitHubContext } from '../capture/github.js';
import { InputError, ServiceError, toProvenanceError } from '../errors.js';
import type { Logger } from '../util/log.js';
import { uploadWorkflowArtifact } from './artifact.js';
import { createAttestation } from './attestations.js';
import { createGitHubClient, type GitHubClient } from './client.js';
import { commentMarker, legacyCommentMarker, DEFAULT_ARTIFACT_NAME, upsertStickyComment } from './comment.js';
import type { PublishStep } from './errors.js';
import { publishReleaseAssets, type AssetFile } from './release.js';

export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';
export { fetchBaseStatement, pickStatementFile, type BaseStatementDeps } from './base.js';
export { commentMarker, legacyCommentMarker, commentBody, upsertStickyComment, MAX_COMMENT_CHARS } from './comment.js';
export { publishReleaseAssets, type AssetFile, type RepoRef, type UploadedAsset } from './release.js';
export { uploadWorkflowArtifact, commonDirectory } from './artifact.js';
export { createAttestation } from './attestations.js';
export { failureFacts, stepError, type PublishStep } from './errors.js';

export interface PublishRequest {
  /** Local paths. */
  files: { statement: string; bundle?: string; summary: string; slsaBundle?: string };
  artifact: { enabled: boolean; name: string; retentionDays?: number };
  /** Resolved by the caller (input or the release event's tag); no release upload when undefined. */
  releaseTag?: string;
  /** Create the release when the tag has none (default true). */
  createRelease?: boolean;
  /** body = the markdown summary. */
  comment: { enabled: boolean; prNumber?: number; body: string };
  attestations: { enabled: boolean; bundles: Record<string, unknown>[] };
  /**
   * Append comment.body to the job summary (GITHUB_STEP_SUMMARY). Default false:
   * the action may write the summary itself.
   */
  jobSummary?: boolean;
  /** The fail-on-publish-error input. */
  failOnError: boolean;
}

export interface PublishFailure {
  step: string;
  /** `<what failed> — <how to fix>`, without the step name (show it as `<step>: <message>`). */
  message: string;
  code?: string;
}

export interface PublishResult {
  artifactId?: string;
  /** The artifact's name as stored (`<artifact-name>-attempt-<N>` on a re-run). */
  artifactName?: string;
  /** The artifact's page (`…/actions/runs/RUN/artifacts/ID`, where GitHub serves its download). */
  artifactUrl?: string;
  /** sha256 of the artifact's zip, as the artifact service computed it. */
  artifactDigest?: string;
  /** Every asset this run put on the release, with its download URL and the sha256 (hex) of its bytes. */
  releaseAssets?: Array<{ name: string; url: string; sha256: string }>;
  releaseAssetUrl?: string;
  commentUrl?: string;
  attestationIds?: string[];
  failures: PublishFailure[];
}

export interface PublishDeps {
  token: string;
  logger: Logger;
  octokit?: GitHubClient;
  /** Environment for GITHUB_STEP_SUMMARY (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Thrown by publish() when failOnError is true and a step failed; `result` still says what did land. */
export class PublishError extends ServiceError {
  readonly result: PublishResult;
  constructor(code: string, message: string, fix: string, result: PublishResult, cause?: unknown) {
    super(code, message, { fix, cause });
    this.name = 'PublishError';
    this.result = result;
  }
}

const RELEASE_CONTENT_TYPE = 'application/json';

/**
 * `provenance.sigstore.json` under the default artifact name; `<artifact-name>.sigstore.json`
 * otherwise, so matrix legs (which need distinct artifact names) publishing to one
 * release keep their own assets instead of replacing each other's.
 */
export function releaseAssetName(file: string, artifactName: string): string {
  const base = path.basename(file);
  return artifactName === DEFAULT_ARTIFACT_NAME ? base : base.replace(/^provenance(?=\.)/, artifactName);
}

/** Where GitHub serves one artifact of a run (its page downloads the zip). */
export function artifactUrl(ctx: Pick<GitHubContext, 'serverUrl' | 'repository' | 'runId'>, id: string): string {
  return `${ctx.serverUrl}/${ctx.repository}/actions/runs/${encodeURIComponent(ctx.runId)}/artifacts/${encodeURIComponent(id)}`;
}

async function requireFile(file: string, what: string): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new InputError('publish-file-missing', `${what} to publish not found: ${file}`, {
      fix: 'build (and sign) the record before publishing, and pass the paths they were written to',
      file,
    });
  }
}

export async function publish(req: PublishRequest, ctx: GitHubContext, deps: PublishDeps): Promise<PublishResult> {
  const { logger } = deps;
  const [owner = '', repo = ''] = ctx.repository.split('/');
  const repoRef = { owner, repo };
  const result: PublishResult = { failures: [] };

  const { statement, bundle, summary, slsaBundle } = req.files;
  await requireFile(statement, 'statement');
  await requireFile(summary, 'summary');
  if (bundle) await requireFile(bundle, 'bundle');
  if (slsaBundle) await requireFile(slsaBundle, 'SLSA bundle');

  let client: GitHubClient | undefined = deps.octokit;
  const github = (): GitHubClient =>
    (client ??= createGitHubClient({ token: deps.token, baseUrl: ctx.apiUrl, logger }));

  const errors: Array<{ step: PublishStep | 'summary'; error: unknown }> = [];
  const step = async (name: PublishStep | 'summary', fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (error) {
      errors.push({ step: name, error });
    }
  };
  const tasks: Array<Promise<void>> = [];

  if (req.artifact.enabled) {
    tasks.push(
      step('artifact', async () => {
        const files = [statement, bundle, summary, slsaBundle].filter((f): f is string => Boolean(f));
        const res = await uploadWorkflowArtifact(
          {
            name: req.artifact.name,
            attempt: Number(ctx.runAttempt) || 1,
            files,
            ...(req.artifact.retentionDays === undefined ? {} : { retentionDays: req.artifact.retentionDays }),
          },
          logger,
        );
        result.artifactId = res.id;
        result.artifactName = res.name;
        result.artifactUrl = artifactUrl(ctx, res.id);
        if (res.digest) result.artifactDigest = res.digest;
      }),
    );
  }

  if (req.releaseTag) {
    const tag = req.releaseTag;
    tasks.push(
      step('release', async () => {
        // The readable summary too: release consumers are people as well as verifiers.
        const files: AssetFile[] = [statement, bundle, slsaBundle, summary]
          .filter((f): f is string => Boolean(f))
          .map((f) => ({ path: f, name: releaseAssetName(f, req.artifact.name), contentType: f === summary ? 'text/markdown' : RELEASE_CONTENT_TYPE }));
        const res = await publishReleaseAssets(
          github(),
          repoRef,
          { tag, files, createIfMissing: req.createRelease ?? true, ...(ctx.sha ? { targetCommitish: ctx.sha } : {}) },
          logger,
        );
        const main = (bundle && res.assets.find((a) => a.name === releaseAssetName(bundle, req.artifact.name))) ?? res.assets[0];
        if (main) result.releaseAssetUrl = main.url;
        result.releaseAssets = res.assets.map((a) => ({ name: a.name, url: a.url, sha256: a.sha256 }));
      }),
    );
  }

  if (req.comment.enabled) {
    if (req.comment.prNumber === undefined) {
      logger.info('No pull request for this run: skipping the PR comment');
    } else {
      const issueNumber = req.comment.prNumber;
      tasks.push(
        step('comment', async () => {
          const parts = [ctx.workflow ?? ctx.workflowRef ?? 'workflow', ctx.job ?? 'job', req.artifact.name] as const;
          const legacyMarker = legacyCommentMarker(...parts);
          const res = await upsertStickyComment(
            github(),
            repoRef,
            { issueNumber, marker: commentMarker(...parts), ...(legacyMarker ? { legacyMarker } : {}), body: req.comment.body },
            logger,
          );
          result.commentUrl = res.url;
        }),
      );
    }
  }

  if (req.attestations.enabled) {
    if (req.attestations.bundles.length === 0) {
      logger.info('No signed bundle: skipping the attestations API');
    } else {
      tasks.push(
        step('attestations', async () => {
          const ids: string[] = [];
          for (const b of req.attestations.bundles) ids.push(await createAttestation(github(), repoRef, b, logger));
          result.attestationIds = ids;
        }),
      );
    }
  }

  if (req.jobSummary) {
    tasks.push(
      step('summary', async () => {
        const file = (deps.env ?? process.env).GITHUB_STEP_SUMMARY;
        if (!file) {
          logger.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
          return;
        }
        await appendFile(file, req.comment.body.endsWith('\n') ? req.comment.body : `${req.comment.body}\n`);
      }),
    );
  }

  await Promise.all(tasks);

  const order = ['artifact', 'release', 'comment', 'attestations', 'summary'];
  errors.sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
  // The caller reports failures (as warnings, or by failing the step): publish() does
  // not annotate them itself, so each shows once.
  for (const { step: name, error } of errors) {
    const e = toProvenanceError(error);
    const text = e.userMessage.startsWith(`${name}: `) ? e.userMessage.slice(name.length + 2) : e.userMessage;
    result.failures.push({ step: name, message: text, code: e.code });
    logger.debug(`publish step ${name} failed: ${e.userMessage}`);
  }

  if (req.failOnError && errors.length > 0) {
    const es = errors.map((x) => toProvenanceError(x.error));
    if (es.length === 1) {
      const e = es[0]!;
      throw new PublishError(e.code, e.message, e.fix ?? 're-run the job', result, e);
    }
    throw new PublishError(
      'publish-failed',
      `publishing failed in ${es.length} steps: ${es.map((e) => e.message).join('; ')}`,
      es.map((e) => e.fix).filter(Boolean).join('; ') || 're-run the job',
      result,
      es[0],
    );
  }
  return result;
}
