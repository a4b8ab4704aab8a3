// The action (dist/index.js) on event payloads as GitHub sends them: the examples GitHub's
// own recorded payloads in @octokit/webhooks-examples, changed only where GitHub documents a
// variant (a deleted head repository: `pull_request.head.repo` is null,
// github/rest-api-description#161). No OIDC variables: these are jobs without `id-token`.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runAction, train } from '../helpers/run.js';

interface Example { name: string; examples: Array<Record<string, unknown>> }
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as Example[];

function payload(event: string, action: string): Record<string, unknown> {
  const found = examples.find((e) => e.name === event)?.examples.find((x) => x.action === action);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} payload`);
  return structuredClone(found);
}

type PullRequest = { number: number; head: { ref: string; repo: { full_name: string; fork: boolean } | null }; base: { ref: string } };

let ws: string;
beforeAll(() => {
  ws = copyExample({ git: true });
  train(ws);
});

function runPullRequest(event: Record<string, unknown>) {
  const pr = event.pull_request as PullRequest;
  const repo = (event.repository as { full_name: string }).full_name;
  return runAction(
    // No artifact service or GitHub API here: what is checked is the decision to sign.
    { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', 'upload-artifact': 'false', comment: 'false' },
    {
      workspace: ws,
      eventName: 'pull_request',
      event,
      env: {
        GITHUB_REPOSITORY: repo,
        GITHUB_WORKFLOW_REF: `${repo}/.github/workflows/train.yml@refs/pull/${pr.number}/merge`,
        GITHUB_REF: `refs/pull/${pr.number}/merge`,
        GITHUB_BASE_REF: pr.base.ref,
        GITHUB_HEAD_REF: pr.head.ref,
      },
    },
  );
}

describe('pull request payloads as GitHub sends them', () => {
  it('a fork deleted after the pull request was opened (head.repo null): built and checked, signing skipped with one notice, the step passes', () => {
    const event = payload('pull_request', 'synchronize');
    (event.pull_request as PullRequest).head.repo = null;
    const r = runPullRequest(event);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    const notices = r.stdout.split('\n').filter((l) => l.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(decodeURIComponent(notices[0]!)).toMatch(/pull request from a fork that has since been deleted/);
    expect(r.outputs.complete).toBe('true');
    expect(r.outputs['bundle-path']).toBeUndefined();
  });

  it('a pull request between branches of a repository that is itself a fork (head.repo.fork true) is not a fork\'s pull request: without id-token the step fails with the permission fix', () => {
    const event = payload('pull_request', 'synchronize');
    const head = (event.pull_request as PullRequest).head.repo!;
    expect(head.full_name).toBe((event.repository as { full_name: string }).full_name);
    head.fork = true;
    (event.repository as { fork: boolean }).fork = true;
    const r = runPullRequest(event);
    expect(r.code).not.toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::notice'))).toEqual([]);
    expect(decodeURIComponent(r.annotations.join('\n'))).toMatch(/id-token: write/);
  });
});
