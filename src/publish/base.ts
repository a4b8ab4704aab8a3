/**
 * The base branch's latest record, for the "what changed" part of the PR comment:
 * the newest successful run of this workflow on the base branch, its provenance
 * artifact (the newest attempt's, after re-runs), and the statement inside it. Best
 * effort: never thrown, but the answer says which of three things happened — found, there
 * is truly none, or it exists and could not be read (permissions, expiry) — because a
 * comment claiming "no base record" when the token could not look is wrong.
 */
import path from 'node:path';
import { type GitHubContext, parseWorkflowRef } from '../capture/github.js';
import { loadDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';
import { attemptArtifactName, listFiles, withDownloadedArtifact } from './artifact.js';
import { createGitHubClient, type GitHubClient } from './client.js';
import { failureFacts, stepError } from './errors.js';

export { baseRecordSentence, type BaseRecord } from './base-record.js';
import type { BaseRecord } from './base-record.js';

/** The artifact of a run's newest attempt: `<name>` or `<name>-attempt-<N>` (publish/artifact.ts). */
export function newestAttemptArtifact<T extends { id: number; name: string; expired?: boolean }>(artifacts: T[], name: string): T | undefined {
  const attempt = (a: T): number => {
    if (a.name === name) return 1;
    const m = /-attempt-(\d+)$/.exec(a.name);
    return m && a.name === attemptArtifactName(name, Number(m[1])) ? Number(m[1]) : 0;
  };
  return artifacts.filter((a) => attempt(a) > 0).sort((a, b) => attempt(b) - attempt(a) || b.id - a.id)[0];
}

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

export async function fetchBaseStatement(ctx: GitHubContext, deps: BaseStatementDeps): Promise<BaseRecord> {
  const { logger } = deps;
  const none = (reason: string): BaseRecord => {
    logger.info(`No base-branch record to compare with: ${reason}`);
    return { found: false, unreadable: false, reason };
  };
  const unreadable = (reason: string, fix: string): BaseRecord => {
    logger.warning(`Could not read the base-branch record (the comment will not show what changed): ${reason} — ${fix}`);
    return { found: false, unreadable: true, reason, fix };
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
    let expired: { run: number; name: string } | undefined;
    for (const run of runs) {
      const arts = await client.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, per_page: 100 });
      const newest = newestAttemptArtifact(arts.data.artifacts, deps.artifactName);
      if (!newest) continue;
      if (newest.expired) {
        expired ??= { run: run.id, name: newest.name };
        continue;
      }
      logger.info(`Comparing with ${branch}: artifact ${newest.name} of run ${run.id} (${run.html_url})`);
      const found = await withDownloadedArtifact({ artifactId: newest.id, runId: run.id, owner, repo, token: deps.token }, async (dir) => {
        const file = pickStatementFile(await listFiles(dir));
        return file ? (await loadDocument(path.join(dir, file))).statement : undefined;
      });
      if (found) return { found: true, statement: found, source: `artifact ${newest.name} of run ${run.id}` };
      return unreadable(`artifact ${newest.name} of run ${run.id} holds no provenance statement`, 'check what the base branch job uploads under this artifact-name');
    }
    if (expired) {
      return unreadable(
        `the base branch's newest record (artifact ${expired.name} of run ${expired.run}) has expired`,
        're-run the base branch workflow, or keep records longer with `retention-days`',
      );
    }
    return none(`no artifact named ${deps.artifactName} in the last ${runs.length} successful runs of ${workflowFile} on ${branch}`);
  } catch (err) {
    const e = stepError('base-record', 'finding the base-branch record', err, { permission: 'actions: read' });
    const facts = failureFacts(err);
    if (facts.status === 403 || facts.status === 401) {
      return unreadable(`the token may not read this repository's workflow runs and artifacts (HTTP ${facts.status})`, 'give the job `permissions: actions: read`');
    }
    if (facts.status === 404) {
      return unreadable('the workflow run or its artifact was not found (HTTP 404)', 'check that the base branch runs this workflow and uploads its artifact; give the job `permissions: actions: read`');
    }
    return unreadable(e.userMessage, 're-run the job if GitHub was unavailable');
  }
}
