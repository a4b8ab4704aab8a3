/**
 * The base branch's latest record, for the "what changed" part of the PR comment:
 * the newest successful run of this workflow on the base branch, its provenance
 * artifact, and the statement inside it. Best effort: every miss is logged and
 * answered with undefined, never thrown.
 */
import path from 'node:path';
import { type GitHubContext, parseWorkflowRef } from '../capture/github.js';
import type { TrainingStatement } from '../schema/predicate.js';
import { loadDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';
import { listFiles, withDownloadedArtifact } from './artifact.js';
import { createGitHubClient, type GitHubClient } from './client.js';
import { stepError } from './errors.js';

export interface BaseStatementDeps {
  token: string;
  logger: Logger;
  artifactName: string;
  octokit?: GitHubClient;
  /** Successful base-branch runs to look through for the artifact (default 10). */
  maxRuns?: number;
}

/** The statement file in a downloaded artifact: provenance.intoto.json first, then any *.intoto.json, then a bundle. */
export function pickStatementFile(files: string[]): string | undefined {
  const by = (re: RegExp): string | undefined => files.find((f) => re.test(path.basename(f)));
  return by(/^provenance\.intoto\.json$/) ?? by(/\.intoto\.json$/) ?? by(/^provenance\.sigstore\.json$/) ?? by(/\.sigstore\.json$/);
}

function baseBranch(ctx: GitHubContext): string | undefined {
  if (ctx.baseRef) return ctx.baseRef;
  const pr = ctx.event.pull_request as { base?: { ref?: unknown } } | undefined;
  return typeof pr?.base?.ref === 'string' ? pr.base.ref : undefined;
}

export async function fetchBaseStatement(
  ctx: GitHubContext,
  deps: BaseStatementDeps,
): Promise<TrainingStatement | undefined> {
  const { logger } = deps;
  const none = (why: string): undefined => {
    logger.info(`No base-branch record to compare with: ${why}`);
    return undefined;
  };
  const branch = baseBranch(ctx);
  if (!branch) return none('this run is not for a pull request');
  const wf = ctx.workflowRef ? parseWorkflowRef(ctx.workflowRef) : undefined;
  if (!wf) return none('GITHUB_WORKFLOW_REF is not set, so the workflow is unknown');
  const workflowFile = path.posix.basename(wf.path);
  const [owner = '', repo = ''] = ctx.repository.split('/');
  try {
    const client = deps.octokit ?? createGitHubClient({ token: deps.token, baseUrl: ctx.apiUrl, logger });
    const { data } = await client.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflowFile,
      branch,
      // Pushes to the base branch only: a fork's pull request from a branch named
      // like the base (main) must not stand in for the base's record.
      event: 'push',
      status: 'success',
      per_page: deps.maxRuns ?? 10,
    });
    const runs = data.workflow_runs.filter((r) => String(r.id) !== ctx.runId && (r.head_repository?.full_name ?? ctx.repository) === ctx.repository);
    if (runs.length === 0) return none(`no successful run of ${workflowFile} on ${branch}`);
    for (const run of runs) {
      const arts = await client.rest.actions.listWorkflowRunArtifacts({
        owner,
        repo,
        run_id: run.id,
        name: deps.artifactName,
        per_page: 100,
      });
      const candidates = arts.data.artifacts
        .filter((a) => a.name === deps.artifactName && !a.expired)
        .sort((a, b) => b.id - a.id);
      const artifact = candidates[0];
      if (!artifact) continue;
      logger.info(`Comparing with ${branch}: artifact ${artifact.name} of run ${run.id} (${run.html_url})`);
      return await withDownloadedArtifact(
        { artifactId: artifact.id, runId: run.id, owner, repo, token: deps.token },
        async (dir) => {
          const file = pickStatementFile(await listFiles(dir));
          if (!file) return none(`artifact ${artifact.name} of run ${run.id} holds no provenance statement`);
          return (await loadDocument(path.join(dir, file))).statement;
        },
      );
    }
    return none(`no unexpired artifact named ${deps.artifactName} in the last ${runs.length} successful runs on ${branch}`);
  } catch (err) {
    const e = stepError('base-record', 'finding the base-branch record', err, { permission: 'actions: read' });
    logger.warning(`Could not read the base-branch record (the comment will not show what changed): ${e.userMessage}`);
    return undefined;
  }
}
