// publish() with the real octokit (retry + throttling plugins) over real HTTP to the
// GitHub REST stand-in: release assets, the sticky PR comment, the attestations API,
// retries after 500 / 429 / dropped connections, the failure policy, and two
// publishers racing on one release.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProvenanceError } from '../../src/errors.js';
import { commentMarker, publish, PublishError, type PublishRequest } from '../../src/publish/index.js';
import {
  context,
  fakeBundle,
  fastClient,
  memoryLogger,
  type Standins,
  startStandins,
  TOKEN,
  writeRecordFiles,
  type RecordFiles,
} from './publish-helpers.js';

let s: Standins;
beforeAll(async () => {
  s = await startStandins();
});
afterAll(async () => s?.close());
beforeEach(() => s.gh.clearFaults());

function request(files: RecordFiles, over: Partial<PublishRequest> = {}): PublishRequest {
  return {
    files: { statement: files.statement, bundle: files.bundle, summary: files.summary },
    artifact: { enabled: false, name: 'ml-provenance' },
    comment: { enabled: false, body: '' },
    attestations: { enabled: false, bundles: [] },
    failOnError: true,
    ...over,
  };
}

function deps(logger = memoryLogger()) {
  return { token: TOKEN, logger, octokit: fastClient(s.gh, logger) };
}

describe('release assets', () => {
  it('uploads the statement and bundle to the release of the tag, through its upload_url', async () => {
    const rel = s.gh.addRelease({ tag: 'v1.0.0' });
    const files = await writeRecordFiles('rel-1');
    const res = await publish(request(files, { releaseTag: 'v1.0.0' }), context(s.gh), deps());
    expect(res.failures).toEqual([]);
    expect(rel.assets.map((a) => a.name).sort()).toEqual(['provenance.intoto.json', 'provenance.md', 'provenance.sigstore.json']);
    expect(rel.assets.find((a) => a.name === 'provenance.intoto.json')!.data.toString('utf8')).toBe(files.statementText);
    expect(res.releaseAssetUrl).toBe('https://github.com/acme/models/releases/download/v1.0.0/provenance.sigstore.json');
    const uploads = s.gh.received('assets.upload').filter((r) => r.path.includes(`/releases/${rel.id}/`));
    expect(uploads.map((u) => u.path)).toEqual([
      `/uploads/repos/acme/models/releases/${rel.id}/assets`,
      `/uploads/repos/acme/models/releases/${rel.id}/assets`,
      `/uploads/repos/acme/models/releases/${rel.id}/assets`,
    ]);
    expect(uploads.map((u) => u.query.name)).toEqual(['provenance.intoto.json', 'provenance.sigstore.json', 'provenance.md']);
    expect(uploads[0]!.headers['content-type']).toBe('application/json');
    expect(uploads[0]!.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('each uploaded asset comes back with its browser_download_url and the sha256 of its bytes; GitHub\'s digest disagreeing fails the step', async () => {
    const rel = s.gh.addRelease({ tag: 'v1.0.5' });
    const files = await writeRecordFiles('rel-digest');
    const res = await publish(request(files, { releaseTag: 'v1.0.5' }), context(s.gh), deps());
    expect(res.releaseAssets!.map((a) => a.url)).toEqual(['provenance.intoto.json', 'provenance.sigstore.json', 'provenance.md'].map((n) => `https://github.com/acme/models/releases/download/v1.0.5/${n}`));
    for (const a of res.releaseAssets!) expect(a.sha256).toBe(createHash('sha256').update(rel.assets.find((x) => x.name === a.name)!.data).digest('hex'));
    // An upload answered with another digest than the bytes sent (a corrupted upload).
    s.gh.fault({ route: 'assets.upload', status: 201, body: { id: 999, name: 'provenance.intoto.json', size: 1, browser_download_url: 'https://github.com/acme/models/releases/download/v1.0.5/provenance.intoto.json', digest: `sha256:${'0'.repeat(64)}` } });
    const err = await publish(request(files, { releaseTag: 'v1.0.5' }), context(s.gh), deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect((err as PublishError).userMessage).toMatch(/provenance\.intoto\.json: GitHub stored different bytes/);
  });

  it('a re-run replaces its own assets: never a duplicate, always the new content', async () => {
    const rel = s.gh.addRelease({ tag: 'v1.1.0', assets: [{ name: 'model.onnx', data: 'weights' }] });
    const first = await writeRecordFiles('rerun-1');
    await publish(request(first, { releaseTag: 'v1.1.0' }), context(s.gh), deps());
    const second = await writeRecordFiles('rerun-2');
    const logger = memoryLogger();
    const res = await publish(request(second, { releaseTag: 'v1.1.0' }), context(s.gh, { runAttempt: '2' }), deps(logger));
    expect(res.failures).toEqual([]);
    expect(rel.assets.map((a) => a.name).sort()).toEqual(['model.onnx', 'provenance.intoto.json', 'provenance.md', 'provenance.sigstore.json']);
    expect(rel.assets.find((a) => a.name === 'provenance.intoto.json')!.data.toString('utf8')).toBe(second.statementText);
    expect(logger.lines.filter((l) => l.startsWith('Replacing release asset'))).toHaveLength(3);
    // The user's own asset was left alone.
    expect(rel.assets.find((a) => a.name === 'model.onnx')!.data.toString()).toBe('weights');
  });

  it('uploads the SLSA bundle too when there is one', async () => {
    const rel = s.gh.addRelease({ tag: 'v1.2.0' });
    const files = await writeRecordFiles('slsa');
    const slsa = path.join(files.dir, 'provenance.slsa.sigstore.json');
    await (await import('node:fs/promises')).writeFile(slsa, JSON.stringify(fakeBundle('{}')));
    await publish(request(files, { releaseTag: 'v1.2.0', files: { ...request(files).files, slsaBundle: slsa } }), context(s.gh), deps());
    expect(rel.assets.map((a) => a.name).sort()).toEqual([
      'provenance.intoto.json',
      'provenance.md',
      'provenance.sigstore.json',
      'provenance.slsa.sigstore.json',
    ]);
  });

  it('finds a draft release (not visible by tag) and creates a missing one at the run commit', async () => {
    const draft = s.gh.addRelease({ tag: 'v2.0.0-draft', draft: true });
    const files = await writeRecordFiles('draft');
    await publish(request(files, { releaseTag: 'v2.0.0-draft' }), context(s.gh), deps());
    expect(draft.assets).toHaveLength(3);

    await publish(request(files, { releaseTag: 'v2.1.0' }), context(s.gh), deps());
    const created = s.gh.releases.filter((r) => r.tag_name === 'v2.1.0');
    expect(created).toHaveLength(1);
    expect(created[0]!.target_commitish).toBe('a'.repeat(40));
    expect(created[0]!.assets).toHaveLength(3);

    const res = await publish(request(files, { releaseTag: 'v9.9.9', createRelease: false, failOnError: false }), context(s.gh), deps());
    expect(res.failures).toEqual([
      {
        step: 'release',
        code: 'release-not-found',
        message: 'no release for tag v9.9.9 in acme/models — create the release first (gh release create v9.9.9) or leave release-tag empty',
      },
    ]);
  });

  it('two concurrent publishers to one (missing) release both land, with no duplicate assets', async () => {
    const a = await writeRecordFiles('job-a', 'model-a');
    const b = await writeRecordFiles('job-b', 'model-b');
    // Hold the first create so the second job creates the release first and the
    // first one gets GitHub's 422 already_exists.
    s.gh.fault({ route: 'release.create', delayMs: 150 });
    const [ra, rb] = await Promise.all([
      publish(request(a, { releaseTag: 'v3.0.0' }), context(s.gh, { job: 'a' }), deps()),
      publish(request(b, { releaseTag: 'v3.0.0' }), context(s.gh, { job: 'b' }), deps()),
    ]);
    expect([ra.failures, rb.failures]).toEqual([[], []]);
    const rels = s.gh.releases.filter((r) => r.tag_name === 'v3.0.0');
    expect(rels).toHaveLength(1);
    expect(rels[0]!.assets.map((x) => x.name).sort()).toEqual([
      'model-a.intoto.json',
      'model-a.md',
      'model-a.sigstore.json',
      'model-b.intoto.json',
      'model-b.md',
      'model-b.sigstore.json',
    ]);
    expect(s.gh.received('release.create').filter((r) => (r.json as { tag_name: string }).tag_name === 'v3.0.0').map((r) => r.status).sort()).toEqual([201, 422]);
  });

  it('two concurrent publishers of the same asset names: one copy of each, the last writer wins cleanly', async () => {
    const rel = s.gh.addRelease({ tag: 'v3.1.0' });
    const a = await writeRecordFiles('same-a');
    const b = await writeRecordFiles('same-b');
    // Hold the first upload so the other job's upload of the same name lands first.
    s.gh.fault({ route: 'assets.upload', delayMs: 200 });
    const [ra, rb] = await Promise.all([
      publish(request(a, { releaseTag: 'v3.1.0' }), context(s.gh), deps()),
      publish(request(b, { releaseTag: 'v3.1.0' }), context(s.gh), deps()),
    ]);
    expect([ra.failures, rb.failures]).toEqual([[], []]);
    expect(rel.assets.map((x) => x.name).sort()).toEqual(['provenance.intoto.json', 'provenance.md', 'provenance.sigstore.json']);
    const statement = rel.assets.find((x) => x.name === 'provenance.intoto.json')!.data.toString('utf8');
    expect([a.statementText, b.statementText]).toContain(statement);
    const conflicts = s.gh.received('assets.upload').filter((r) => r.path.includes(`/releases/${rel.id}/`) && r.status === 422);
    expect(conflicts.length).toBeGreaterThan(0);
  });
});

describe('sticky PR comment', () => {
  it('creates one comment with the hidden marker, then edits it in place on re-runs (found across pages)', async () => {
    // 120 unrelated comments push ours onto the second page of the listing.
    for (let i = 0; i < 120; i++) s.gh.addComment(12, `chatter ${i}`, 'someone');
    const other = s.gh.addComment(12, `${commentMarker('train', 'evaluate')}\nthe other job's record`);
    const files = await writeRecordFiles('pr');
    const ctx = context(s.gh, { eventName: 'pull_request', event: { pull_request: { number: 12 } } });
    const first = await publish(request(files, { comment: { enabled: true, prNumber: 12, body: '## Record v1' } }), ctx, deps());
    const M = commentMarker('train', 'train');
    const mine = s.gh.comments.filter((c) => c.issue === 12 && c.body.includes(M));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toBe(`${M}\n## Record v1`);
    expect(first.commentUrl).toBe(`https://github.com/acme/models/pull/12#issuecomment-${mine[0]!.id}`);

    const second = await publish(request(files, { comment: { enabled: true, prNumber: 12, body: '## Record v2' } }), ctx, deps());
    const after = s.gh.comments.filter((c) => c.issue === 12 && c.body.includes(M));
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(mine[0]!.id);
    expect(after[0]!.body).toBe(`${M}\n## Record v2`);
    expect(second.commentUrl).toBe(first.commentUrl);
    // The listing followed the Link header to page 2.
    expect(s.gh.received('comments.list').some((r) => r.query.page === '2')).toBe(true);
    // Another job's sticky comment is not touched.
    expect(other.body).toBe(`${commentMarker('train', 'evaluate')}\nthe other job's record`);
    expect(s.gh.comments.filter((c) => c.issue === 12)).toHaveLength(122);
  });

  it('a marker pasted into someone else\'s comment is not ours: it is left alone and our own comment is created', async () => {
    const planted = s.gh.addComment(13, `${commentMarker('train', 'train')}\nnot from the action`, 'pr-author');
    const files = await writeRecordFiles('planted');
    const ctx = context(s.gh, { eventName: 'pull_request', event: { pull_request: { number: 13 } } });
    const res = await publish(request(files, { comment: { enabled: true, prNumber: 13, body: '## Record' } }), ctx, deps());
    expect(res.failures).toEqual([]);
    expect(planted.body).toBe(`${commentMarker('train', 'train')}\nnot from the action`);
    const ours = s.gh.comments.filter((c) => c.issue === 13 && c.user.login === 'github-actions[bot]');
    expect(ours.map((c) => c.body)).toEqual([`${commentMarker('train', 'train')}\n## Record`]);
  });

  it('a comment an earlier version wrote (":"-joined marker) is updated in place after an upgrade, not duplicated; a workflow named train:train does not take it', async () => {
    const old = s.gh.addComment(15, '<!-- ml-provenance:train:train -->\nold record');
    const files = await writeRecordFiles('legacy');
    const intruder = context(s.gh, { eventName: 'pull_request', event: { pull_request: { number: 15 } }, workflow: 'train:train', job: 'x' });
    await publish(request(files, { comment: { enabled: true, prNumber: 15, body: '## Intruder' } }), intruder, deps());
    expect(old.body).toBe('<!-- ml-provenance:train:train -->\nold record');
    const ctx = context(s.gh, { eventName: 'pull_request', event: { pull_request: { number: 15 } } });
    await publish(request(files, { comment: { enabled: true, prNumber: 15, body: '## New' } }), ctx, deps());
    expect(old.body).toBe(`${commentMarker('train', 'train')}\n## New`);
    expect(s.gh.comments.filter((c) => c.issue === 15)).toHaveLength(2);
  });

  it('skips the comment (no failure) when the run has no pull request', async () => {
    const files = await writeRecordFiles('nopr');
    const logger = memoryLogger();
    const before = s.gh.received('comments.create').length;
    const res = await publish(request(files, { comment: { enabled: true, body: 'x' } }), context(s.gh), deps(logger));
    expect(res.failures).toEqual([]);
    expect(res.commentUrl).toBeUndefined();
    expect(s.gh.received('comments.create')).toHaveLength(before);
    expect(logger.lines).toContain('No pull request for this run: skipping the PR comment');
  });
});

describe('attestations API', () => {
  it('posts each bundle and returns the ids', async () => {
    const files = await writeRecordFiles('att');
    const bundle = JSON.parse(await readFile(files.bundle, 'utf8')) as Record<string, unknown>;
    const res = await publish(request(files, { attestations: { enabled: true, bundles: [bundle] } }), context(s.gh), deps());
    expect(res.attestationIds).toHaveLength(1);
    const got = s.gh.received('attestations.create').at(-1)!;
    expect(got.path).toBe('/repos/acme/models/attestations');
    expect(got.json).toEqual({ bundle });
    expect(s.gh.attestations.map((a) => String(a.id))).toContain(res.attestationIds![0]);
  });
});

describe('retries (octokit plugins) and the failure policy', () => {
  it('retries after a 500, a 429 with Retry-After and a dropped connection, then succeeds', async () => {
    s.gh.addRelease({ tag: 'v4.0.0' });
    s.gh.fault({ route: 'release.byTag', drop: true });
    s.gh.fault({ route: 'assets.upload', status: 500 });
    s.gh.fault({ route: 'comments.create', status: 429, retryAfter: 1 });
    s.gh.fault({ route: 'attestations.create', status: 502, times: 2 });
    const files = await writeRecordFiles('flaky');
    const logger = memoryLogger();
    const res = await publish(
      request(files, {
        releaseTag: 'v4.0.0',
        comment: { enabled: true, prNumber: 40, body: 'hello' },
        attestations: { enabled: true, bundles: [fakeBundle('{}')] },
      }),
      context(s.gh),
      deps(logger),
    );
    expect(res.failures).toEqual([]);
    expect(res.releaseAssetUrl).toBeDefined();
    expect(res.commentUrl).toBeDefined();
    expect(res.attestationIds).toHaveLength(1);
    const statuses = (route: string, filter: (p: string) => boolean = () => true) =>
      s.gh.received(route).filter((r) => filter(r.path)).map((r) => r.fault ?? r.status);
    expect(statuses('release.byTag', (p) => p.endsWith('/v4.0.0'))).toEqual(['drop', 200]);
    expect(statuses('comments.create', (p) => p.includes('/issues/40/'))).toEqual(['429', 201]);
    expect(statuses('attestations.create').slice(-3)).toEqual(['502', '502', 201]);
    expect(logger.lines.join('\n')).toMatch(/secondary rate limit .*retrying in 1s/);
    // No duplicate created by the retried upload.
    expect(s.gh.releases.find((r) => r.tag_name === 'v4.0.0')!.assets).toHaveLength(3);
  });

  it('a permanent failure with failOnError false is a warning in failures; the other steps still publish', async () => {
    s.gh.addRelease({ tag: 'v5.0.0' });
    s.gh.fault({ route: 'assets.upload', status: 500, times: Infinity });
    const files = await writeRecordFiles('down');
    const logger = memoryLogger();
    const res = await publish(
      request(files, { releaseTag: 'v5.0.0', comment: { enabled: true, prNumber: 50, body: 'hi' }, failOnError: false }),
      context(s.gh),
      deps(logger),
    );
    expect(res.commentUrl).toBeDefined();
    expect(res.failures).toEqual([
      {
        step: 'release',
        code: 'release-unavailable',
        message:
          'uploading assets to release v5.0.0 failed (HTTP 500: Server Error) — GitHub did not answer after retries: re-run the job (see https://www.githubstatus.com)',
      },
    ]);
    // Reported once, by the caller: publish() itself does not annotate.
    expect(logger.warnings).toEqual([]);
    // 1 try + 3 retries
    const rel = s.gh.releases.find((r) => r.tag_name === 'v5.0.0')!;
    expect(s.gh.received('assets.upload').filter((r) => r.path.includes(`/releases/${rel.id}/`)).map((r) => r.fault)).toEqual([
      '500',
      '500',
      '500',
      '500',
    ]);
  });

  it('a permanent failure with failOnError true throws a PublishError naming the step and the fix', async () => {
    s.gh.fault({ route: 'comments.create', status: 403, body: { message: 'Resource not accessible by integration' }, times: Infinity });
    const files = await writeRecordFiles('forbidden');
    const err = await publish(
      request(files, { comment: { enabled: true, prNumber: 60, body: 'hi' }, attestations: { enabled: true, bundles: [fakeBundle('{}')] } }),
      context(s.gh),
      deps(),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PublishError);
    const e = err as PublishError;
    expect(e).toBeInstanceOf(ProvenanceError);
    expect(e.kind).toBe('service');
    expect(e.code).toBe('comment-failed');
    expect(e.userMessage).toBe(
      'comment: commenting on pull request #60 failed (HTTP 403: Resource not accessible by integration) — give the job `permissions: pull-requests: write`; on pull requests from forks the job token is read-only, so set comment: false there (or comment from a workflow_run workflow)',
    );
    // What did land is still reported.
    expect(e.result.attestationIds).toHaveLength(1);
    // 403 is not retried (no rate-limit message).
    expect(s.gh.received('comments.create').filter((r) => r.path.includes('/issues/60/'))).toHaveLength(1);
  });

  it('several failed steps are named together', async () => {
    s.gh.fault({ route: 'attestations.create', status: 404, body: { message: 'Not Found' }, times: Infinity });
    s.gh.fault({ route: 'release.byTag', status: 401, body: { message: 'Bad credentials' }, times: Infinity });
    const files = await writeRecordFiles('multi');
    const err = await publish(request(files, { releaseTag: 'v6', attestations: { enabled: true, bundles: [fakeBundle('{}')] } }), context(s.gh), deps()).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'publish-failed',
      message:
        'publishing failed in 2 steps: release: uploading assets to release v6 failed (HTTP 401: Bad credentials); attestations: storing the attestation with GitHub failed (HTTP 404: Not Found)',
      fix: expect.stringMatching(/github-token input is missing, expired or revoked.*; the attestations API is not available/),
    });
  });

  it('a missing local file is an input error before anything is sent', async () => {
    const files = await writeRecordFiles('missing');
    const before = s.gh.requests.length;
    await expect(
      publish(request(files, { files: { statement: files.statement, summary: files.summary, bundle: `${files.dir}/nope.json` } }), context(s.gh), deps()),
    ).rejects.toMatchObject({ kind: 'input', code: 'publish-file-missing' });
    expect(s.gh.requests.length).toBe(before);
  });
});
