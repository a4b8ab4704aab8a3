/**
 * PR comment adapter: one sticky comment per workflow and job, found again by a
 * hidden HTML marker and edited in place, so re-runs never add a second comment.
 */
import type { Logger } from '../util/log.js';
import type { GitHubClient } from './client.js';
import { ServiceError } from '../errors.js';
import { failureFacts, stepError } from './errors.js';
import type { RepoRef } from './release.js';

/** GitHub refuses comment bodies over 65536 characters. */
export const MAX_COMMENT_CHARS = 65536;

/**
 * `<!-- ml-provenance:<workflow>:<job>[:<artifact>] -->`, with characters that would end
 * the HTML comment removed. Matrix legs share a job id but need distinct artifact
 * names, so a non-default artifact name keeps their comments apart.
 */
export function commentMarker(workflow: string, job: string, artifactName?: string): string {
  // Each part percent-encoded (":" included, and "-" so no "--" or "-->" can appear), so
  // no choice of names makes two jobs' markers equal: a workflow named `train:train`
  // cannot take over another workflow's comment.
  const enc = (x: string): string => encodeURIComponent(x).replace(/[-!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const leg = artifactName && artifactName !== DEFAULT_ARTIFACT_NAME ? ` a=${enc(artifactName)}` : '';
  return `<!-- ml-provenance v2 w=${enc(workflow)} j=${enc(job)}${leg} -->`;
}

/**
 * The marker earlier versions wrote (parts joined with ":"), so their comment is updated in
 * place rather than duplicated after an upgrade. Only when no part contains ":" — the case
 * where that old format was ambiguous is exactly the one it must not match.
 */
export function legacyCommentMarker(workflow: string, job: string, artifactName?: string): string | undefined {
  if ([workflow, job, artifactName ?? ''].some((p) => p.includes(':'))) return undefined;
  const clean = (x: string): string => x.replace(/--+/g, '-').replace(/[<>\r\n]/g, '').trim();
  const leg = artifactName && artifactName !== DEFAULT_ARTIFACT_NAME ? `:${clean(artifactName)}` : '';
  return `<!-- ml-provenance:${clean(workflow)}:${clean(job)}${leg} -->`;
}

/** The action's default `artifact-name`: comments of jobs using it keep the short marker. */
export const DEFAULT_ARTIFACT_NAME = 'ml-provenance';

export function commentBody(marker: string, body: string): string {
  const full = `${marker}\n${body}`;
  if (full.length <= MAX_COMMENT_CHARS) return full;
  return truncatedBody(full);
}

const TRUNCATED_NOTE = '\n\n… (truncated: the full summary is in the job summary and the provenance artifact)';

/**
 * A body cut to GitHub's limit at a line break (never inside a character), leaving out a code
 * block the cut would open (an unclosed fence would swallow the note, and a half diagram is a
 * Mermaid error) and a heading left with nothing under it, and closing the `<details>` left
 * open so the note shows, folded in nothing.
 * `.length` counts UTF-16 units, never fewer than GitHub's characters.
 */
function truncatedBody(full: string): string {
  let budget = MAX_COMMENT_CHARS - TRUNCATED_NOTE.length;
  for (;;) {
    // At the last line break; within one very long line, before the budget's last whole character.
    const nl = full.lastIndexOf('\n', budget);
    const end = nl > budget / 2 ? nl : /[\uD800-\uDBFF]/.test(full[budget - 1] ?? '') ? budget - 1 : budget;
    const lines = full.slice(0, end).split('\n');
    let fenceAt = -1;
    let fence = '';
    lines.forEach((line, i) => {
      const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (!m) return;
      if (fenceAt < 0) [fenceAt, fence] = [i, m[1]!];
      else if (m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fenceAt = -1;
    });
    // A heading left last (`### Lineage` whose diagram was left out) would title the note.
    const head = (fenceAt >= 0 ? lines.slice(0, fenceAt) : lines).join('\n').trimEnd().replace(/(?:\n+ {0,3}#{1,6}(?:[ \t][^\n]*)?)+$/, '');
    const open = (head.match(/<details\b/gi) ?? []).length - (head.match(/<\/details>/gi) ?? []).length;
    const text = head + '\n\n</details>'.repeat(Math.max(0, open)) + TRUNCATED_NOTE;
    if (text.length <= MAX_COMMENT_CHARS) return text;
    budget -= text.length - MAX_COMMENT_CHARS;
  }
}

export interface StickyCommentRequest {
  issueNumber: number;
  marker: string;
  /** The marker an earlier version wrote for the same job (see legacyCommentMarker). */
  legacyMarker?: string;
  body: string;
}

export interface StickyCommentResult {
  id: number;
  url: string;
  action: 'created' | 'updated';
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user?: { login?: string; type?: string } | null;
}

/** The author of comments made with a workflow's job token. */
export const JOB_TOKEN_LOGIN = 'github-actions[bot]';

/**
 * Who our comments are by: the login of a personal token, or undefined for the job
 * token (an installation token, which GitHub does not let read /user), whose
 * comments are by a bot (`github-actions[bot]`).
 */
async function commenter(client: GitHubClient): Promise<string | undefined> {
  try {
    return (await client.rest.users.getAuthenticated({ request: { retries: 0 } })).data.login;
  } catch {
    return undefined;
  }
}

export async function upsertStickyComment(
  client: GitHubClient,
  repo: RepoRef,
  req: StickyCommentRequest,
  logger: Logger,
): Promise<StickyCommentResult> {
  const body = commentBody(req.marker, req.body);
  const me = await commenter(client);
  // Ours: starts with the marker and is by us. Anyone can paste the marker into a
  // comment; editing theirs would publish our summary under their name.
  const markers = [req.marker, ...(req.legacyMarker ? [req.legacyMarker] : [])].map((m) => `${m}\n`);
  const isOurs = (c: IssueComment): boolean =>
    markers.some((m) => Boolean(c.body?.startsWith(m))) && c.user?.login === (me ?? JOB_TOKEN_LOGIN);
  const findOurs = async (): Promise<IssueComment[]> => {
    const all = (await client.paginate(client.rest.issues.listComments, {
      ...repo,
      issue_number: req.issueNumber,
      per_page: 100,
    })) as IssueComment[];
    return all.filter(isOurs);
  };
  try {
    let ours = await findOurs();
    if (ours.length === 0) {
      // Creating is the one request that is not idempotent: octokit must not repeat it
      // blindly (a create whose answer was lost may have landed). Look, then decide.
      try {
        const { data } = await client.rest.issues.createComment({ ...repo, issue_number: req.issueNumber, body, request: { retries: 0 } });
        logger.info(`Commented on #${req.issueNumber}: ${data.html_url}`);
        return { id: data.id, url: data.html_url, action: 'created' };
      } catch (err) {
        const f = failureFacts(err);
        if (!f.network && !(f.status !== undefined && f.status >= 500)) throw err;
        ours = await findOurs();
        if (ours.length === 0 && f.network) {
          // No answer at all: it may still land. A second create could make a duplicate.
          throw new ServiceError('comment-unknown', `comment: creating the comment on pull request #${req.issueNumber} got no answer (${f.detail}); it may still appear`, {
            fix: 're-run the job: a re-run edits the comment if it landed (and removes duplicates), or creates it',
            cause: err,
          });
        }
        if (ours.length === 0) {
          // GitHub answered 5xx and nothing landed: creating again is safe (with octokit's retries).
          const { data } = await client.rest.issues.createComment({ ...repo, issue_number: req.issueNumber, body });
          logger.info(`Commented on #${req.issueNumber}: ${data.html_url}`);
          return { id: data.id, url: data.html_url, action: 'created' };
        }
        logger.info(`The comment on #${req.issueNumber} landed although its answer was lost; updating it`);
      }
    }
    const first = ours[0]!;
    const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
    logger.info(`Updated the comment on #${req.issueNumber}: ${data.html_url}`);
    // Extra copies can only come from an earlier race; remove the ones by the same author.
    for (const extra of ours.slice(1)) {
      if (extra.user?.login !== first.user?.login) continue;
      try {
        await client.rest.issues.deleteComment({ ...repo, comment_id: extra.id });
      } catch (err) {
        logger.debug(`could not delete duplicate comment ${extra.id}: ${String(err)}`);
      }
    }
    return { id: data.id, url: data.html_url, action: 'updated' };
  } catch (err) {
    throw stepError('comment', `commenting on pull request #${req.issueNumber}`, err, {
      permission: 'pull-requests: write',
      notFound: `check that #${req.issueNumber} is a pull request of ${repo.owner}/${repo.repo}`,
      special: (f) =>
        f.status === 403 && /not accessible by integration/i.test(f.detail)
          ? 'give the job `permissions: pull-requests: write`; on pull requests from forks the job token is read-only, so set comment: false there (or comment from a workflow_run workflow)'
          : undefined,
    });
  }
}
