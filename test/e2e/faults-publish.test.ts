// Faults on the publishing steps not covered by publish-github.test.ts: partial uploads
// to the artifact service (the real @actions/artifact over HTTP), timeouts on GitHub
// REST for the comment and release uploads (the real octokit with a short timeout),
// and the action's artifact-id output when the artifact step fails.
// Measured: @actions/artifact's blob upload (Azure SDK) retries a dropped or cut-off
// block PUT and 500/503 at once, then after 4 s and 12 s (4 tries); its twirp calls
// retry 5xx/429 (5 attempts, 3 s back-off growing ×1.5) but not a dropped connection,
// and a finalize that reports a size/digest mismatch (400) is final.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, publish, PublishError, type PublishRequest } from '../../src/publish/index.js';
import { copyExample, runActionAsync, train } from '../helpers/run.js';
import { unzip } from '../standins/artifact-service.js';
import { context, memoryLogger, type Standins, startStandins, TOKEN, writeRecordFiles } from './publish-helpers.js';

let s: Standins;
beforeAll(async () => {
  s = await startStandins();
});
afterAll(async () => s?.close());

const off = { enabled: false, body: '' };
const noAttest = { enabled: false, bundles: [] };
let seq = 0;

async function artifactRequest(failOnError: boolean): Promise<{ req: PublishRequest; name: string; statementText: string }> {
  const files = await writeRecordFiles(`faults-${++seq}`);
  const name = `faults-${seq}`;
  return {
    name,
    statementText: files.statementText,
    req: { files: { statement: files.statement, bundle: files.bundle, summary: files.summary }, artifact: { enabled: true, name }, comment: off, attestations: noAttest, failOnError },
  };
}

const onSvc = (route: string, since: number) => s.svc.requests.slice(since).filter((q) => q.route === route).map((q) => q.fault ?? q.status);

describe('workflow artifact: partial uploads', () => {
  it('a block PUT cut off half way is retried at once by the blob client; the stored zip is complete', async () => {
    const { req, name, statementText } = await artifactRequest(true);
    const since = s.svc.requests.length;
    s.svc.fault({ route: 'blob.put', dropAfterBytes: 512 });
    const res = await publish(req, context(s.gh), { token: TOKEN, logger: memoryLogger() });
    expect(res.failures).toEqual([]);
    // block (cut off), block again, commit block list
    expect(onSvc('blob.put', since)).toEqual(['drop-after-bytes', 201, 201]);
    const stored = s.svc.artifacts.find((a) => a.name === name)!;
    expect(stored.finalized).toBe(true);
    expect(res.artifactId).toBe(String(stored.databaseId));
    expect(unzip(s.svc.blob(stored.databaseId)!).get('provenance.intoto.json')!.toString('utf8')).toBe(statementText);
  });

  it('finalize reports a size/digest mismatch: the step fails clearly, no artifact id, nothing finalized', async () => {
    const { req, name } = await artifactRequest(true);
    const since = s.svc.requests.length;
    s.svc.fault({ route: 'FinalizeArtifact', status: 400, body: { code: 'invalid_argument', msg: 'size 4100 != 2048' } });
    const err = (await publish(req, context(s.gh), { token: TOKEN, logger: memoryLogger() }).catch((e: unknown) => e)) as PublishError;
    expect(err).toBeInstanceOf(PublishError);
    expect(err.result.artifactId).toBeUndefined();
    expect(err.result.failures).toHaveLength(1);
    expect(err.userMessage).toMatch(/^artifact: uploading workflow artifact faults-\d+ failed \(.*\(400\).*size 4100 != 2048\) — .*size or digest mismatch.*re-run the job$/);
    expect(err.userMessage).not.toContain('\n');
    expect(onSvc('FinalizeArtifact', since)).toEqual(['400']);
    expect(s.svc.artifacts.find((a) => a.name === name)?.finalized).toBe(false);
  });

  it('the artifact service drops the connection (not retried by @actions/artifact): one-line failure, no artifact id', async () => {
    const { req, name } = await artifactRequest(false);
    const since = s.svc.requests.length;
    s.svc.fault({ route: 'CreateArtifact', drop: true });
    const res = await publish(req, context(s.gh), { token: TOKEN, logger: memoryLogger() });
    expect(res.artifactId).toBeUndefined();
    expect(res.failures).toEqual([
      { step: 'artifact', code: 'artifact-failed', message: expect.stringMatching(/^uploading workflow artifact faults-\d+ failed \(Failed to CreateArtifact: Unable to make request: ECONNRESET\) — the artifact service dropped the connection \(not retried by @actions\/artifact\): re-run the job$/) },
    ]);
    expect(onSvc('CreateArtifact', since)).toEqual(['drop']);
    expect(s.svc.artifacts.find((a) => a.name === name)).toBeUndefined();
  });
});

describe('GitHub REST timeouts (octokit with a 300 ms timeout)', () => {
  const client = () => createGitHubClient({ token: TOKEN, baseUrl: s.gh.apiUrl, logger: memoryLogger(), retryAfterBaseValue: 5, writeSpacingMs: 0, timeoutMs: 300 });
  const commentReq = async (pr: number): Promise<PublishRequest> => {
    const files = await writeRecordFiles(`comment-${pr}`);
    return { files: { statement: files.statement, summary: files.summary }, artifact: { enabled: false, name: 'ml-provenance' }, comment: { enabled: true, prNumber: pr, body: `record ${pr}` }, attestations: noAttest, failOnError: false };
  };
  const comments = (pr: number) => s.gh.comments.filter((c) => c.issue === pr);

  it('a comment create that times out is not repeated blindly: a clear failure, the late comment is the only one, a re-run edits it', async () => {
    s.gh.fault({ route: 'comments.create', delayMs: 700 });
    const res = await publish(await commentReq(301), context(s.gh), { token: TOKEN, logger: memoryLogger(), octokit: client() });
    expect(res.commentUrl).toBeUndefined();
    expect(res.failures).toEqual([
      { step: 'comment', code: 'comment-unknown', message: expect.stringMatching(/^creating the comment on pull request #301 got no answer \(no answer within 300 ms .*\); it may still appear — re-run the job/) },
    ]);
    await new Promise((r) => setTimeout(r, 800)); // the slow create lands
    expect(comments(301)).toHaveLength(1);
    const again = await publish(await commentReq(301), context(s.gh), { token: TOKEN, logger: memoryLogger(), octokit: client() });
    expect(again.failures).toEqual([]);
    expect(comments(301)).toHaveLength(1);
    expect(again.commentUrl).toMatch(new RegExp(`#issuecomment-${comments(301)[0]!.id}$`));
  });

  it('a comment created whose answer was lost is found and used, not created twice', async () => {
    s.gh.fault({ route: 'comments.create', dropAfterHandling: true });
    const res = await publish(await commentReq(302), context(s.gh), { token: TOKEN, logger: memoryLogger(), octokit: client() });
    expect(res.failures).toEqual([]);
    expect(comments(302)).toHaveLength(1);
    expect(res.commentUrl).toMatch(new RegExp(`#issuecomment-${comments(302)[0]!.id}$`));
  });

  it('a comment create answered 500 (nothing landed) is created again: one comment', async () => {
    s.gh.fault({ route: 'comments.create', status: 500 });
    const res = await publish(await commentReq(303), context(s.gh), { token: TOKEN, logger: memoryLogger(), octokit: client() });
    expect(res.failures).toEqual([]);
    expect(comments(303)).toHaveLength(1);
    expect(s.gh.received('comments.create').filter((q) => q.path.includes('/303/')).map((q) => q.fault ?? q.status)).toEqual(['500', 201]);
  });

  it('a release asset upload that times out is retried; the copy that landed late is replaced, never duplicated', async () => {
    const files = await writeRecordFiles('release-timeout');
    s.gh.addRelease({ tag: 'v7.0.0' });
    s.gh.fault({ route: 'assets.upload', delayMs: 500 });
    const res = await publish(
      { files: { statement: files.statement, bundle: files.bundle, summary: files.summary }, artifact: { enabled: false, name: 'ml-provenance' }, releaseTag: 'v7.0.0', comment: off, attestations: noAttest, failOnError: true },
      context(s.gh),
      { token: TOKEN, logger: memoryLogger(), octokit: client() },
    );
    expect(res.failures).toEqual([]);
    await new Promise((r) => setTimeout(r, 600));
    const assets = s.gh.releases.find((r) => r.tag_name === 'v7.0.0')!.assets;
    expect(assets.map((a) => a.name).sort()).toEqual(['provenance.intoto.json', 'provenance.sigstore.json']);
    expect(assets.find((a) => a.name === 'provenance.intoto.json')!.data.toString('utf8')).toBe(files.statementText);
  });

  it('a release upload that never answers in time fails clearly after the retries, not a hang', async () => {
    const files = await writeRecordFiles('release-down');
    s.gh.addRelease({ tag: 'v7.1.0' });
    s.gh.fault({ route: 'assets.upload', delayMs: 2000, times: Infinity });
    const res = await publish(
      { files: { statement: files.statement, summary: files.summary }, artifact: { enabled: false, name: 'ml-provenance' }, releaseTag: 'v7.1.0', comment: off, attestations: noAttest, failOnError: false },
      context(s.gh),
      { token: TOKEN, logger: memoryLogger(), octokit: client() },
    );
    s.gh.clearFaults();
    // The client's timeout fired (the message names it); no wall-clock bound: timings belong in bench/.
    expect(res.releaseAssetUrl).toBeUndefined();
    expect(res.failures).toEqual([
      { step: 'release', code: 'release-unavailable', message: expect.stringMatching(/^uploading assets to release v7\.1\.0 failed \(no answer within 300 ms \(ML_PROVENANCE_HTTP_TIMEOUT_MS\) \(ETIMEDOUT\)\) — GitHub did not answer after retries: re-run the job/) },
    ]);
    // 1 + 3 retries
    expect(s.gh.received('assets.upload').filter((q) => q.path.includes(String(s.gh.releases.find((r) => r.tag_name === 'v7.1.0')!.id)))).toHaveLength(4);
  });
});

describe('the action (dist/index.js): a failed artifact upload reports no artifact-id', () => {
  it('finalize mismatch: exit 1 (fail-on-publish-error), one artifact error, no artifact-id output', async () => {
    const ws = copyExample({ git: true });
    train(ws);
    s.svc.fault({ route: 'FinalizeArtifact', status: 400, body: { code: 'invalid_argument', msg: 'hash sha256:00 != sha256:11' }, times: Infinity });
    const r = await runActionAsync(
      { 'subject-path': 'model/model.json', datasets: 'datasets.yaml', config: 'config/train.yaml', sign: 'false', 'github-token': TOKEN },
      {
        workspace: ws,
        event: { ref: 'refs/heads/main', repository: { full_name: 'example-org/tiny-regression', private: false } },
        env: { GITHUB_RUN_ID: '777', GITHUB_API_URL: s.gh.apiUrl, ACTIONS_RESULTS_URL: `${s.svc.resultsUrl}/`, ACTIONS_RUNTIME_TOKEN: s.svc.runtimeToken() },
      },
    );
    s.svc.clearFaults();
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/artifact: uploading workflow artifact ml-provenance failed .*hash sha256:00 != sha256:11.* — .*size or digest mismatch/);
    expect(r.outputs['statement-path']).toBeDefined();
    expect(r.outputs['artifact-id']).toBeUndefined();
    expect(s.svc.artifacts.filter((a) => a.finalized && a.name === 'ml-provenance')).toEqual([]);
  }, 60_000);
});
