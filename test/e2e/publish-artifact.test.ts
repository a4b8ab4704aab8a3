// The real @actions/artifact client over real HTTP to the artifact service and
// GitHub REST stand-ins: upload from publish(), then the cross-run download that
// fetchBaseStatement() does for the PR comment's "what changed".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBaseStatement, publish } from '../../src/publish/index.js';
import { baseRecordSentence, newestAttemptArtifact, type BaseRecord } from '../../src/publish/base.js';
import { unzip } from '../standins/artifact-service.js';
import { context, memoryLogger, RUN_BACKEND, type Standins, startStandins, TOKEN, writeRecordFiles } from './publish-helpers.js';

let s: Standins;
beforeAll(async () => {
  s = await startStandins();
});
afterAll(async () => s?.close());

const off = { enabled: false, body: '' };
const noAttest = { enabled: false, bundles: [] };

describe('workflow artifact', () => {
  it('uploads statement, bundle and summary as one artifact with the requested name and retention', async () => {
    const files = await writeRecordFiles('artifact-1');
    const logger = memoryLogger();
    const res = await publish(
      {
        files: { statement: files.statement, bundle: files.bundle, summary: files.summary },
        artifact: { enabled: true, name: 'provenance-a', retentionDays: 7 },
        comment: off,
        attestations: noAttest,
        failOnError: true,
      },
      context(s.gh),
      { token: TOKEN, logger },
    );
    expect(res.failures).toEqual([]);
    const stored = s.svc.artifacts.find((a) => a.name === 'provenance-a');
    expect(stored?.finalized).toBe(true);
    expect(res.artifactId).toBe(String(stored!.databaseId));
    expect(stored!.runBackendId).toBe(RUN_BACKEND);
    // retention-days became an expiry about a week out
    const days = (Date.parse(stored!.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const zip = unzip(s.svc.blob(stored!.databaseId)!);
    expect([...zip.keys()].sort()).toEqual(['provenance.intoto.json', 'provenance.md', 'provenance.sigstore.json']);
    expect(zip.get('provenance.intoto.json')!.toString('utf8')).toBe(files.statementText);
    const create = s.svc.received('CreateArtifact').at(-1)!;
    expect((create.json as { name: string }).name).toBe('provenance-a');
    expect(create.headers.authorization).toMatch(/^Bearer /);
  });

  it('fails with a clear message naming the step when the name is already used in this run', async () => {
    const files = await writeRecordFiles('artifact-2');
    const logger = memoryLogger();
    const req = {
      files: { statement: files.statement, summary: files.summary },
      artifact: { enabled: true, name: 'provenance-dup' },
      comment: off,
      attestations: noAttest,
      failOnError: false,
    };
    const first = await publish(req, context(s.gh), { token: TOKEN, logger });
    expect(first.failures).toEqual([]);
    const second = await publish(req, context(s.gh), { token: TOKEN, logger });
    expect(second.failures).toHaveLength(1);
    expect(second.failures[0]!.step).toBe('artifact');
    expect(second.failures[0]!.message).toMatch(/^uploading workflow artifact provenance-dup failed \(.*already exists.*\) — .*distinct artifact-name/);
    expect(second.failures[0]!.code).toBe('artifact-failed');
  });

  it('retries the artifact service after a 500 and then succeeds', async () => {
    const files = await writeRecordFiles('artifact-3');
    s.svc.fault({ route: 'CreateArtifact', status: 500, body: { code: 'internal', msg: 'boom' } });
    const res = await publish(
      {
        files: { statement: files.statement, summary: files.summary },
        artifact: { enabled: true, name: 'provenance-retry' },
        comment: off,
        attestations: noAttest,
        failOnError: true,
      },
      context(s.gh),
      { token: TOKEN, logger: memoryLogger() },
    );
    expect(res.artifactId).toBeDefined();
    const creates = s.svc.received('CreateArtifact').filter((r) => (r.json as { name: string }).name === 'provenance-retry');
    expect(creates.map((r) => r.status)).toEqual([500, 200]);
  });
});

describe('fetchBaseStatement', () => {
  it('downloads the base branch record from the newest successful run that has it', async () => {
    const files = await writeRecordFiles('base-main');
    // The base branch's run uploaded its record (same artifact service, same API).
    const up = await publish(
      {
        files: { statement: files.statement, bundle: files.bundle, summary: files.summary },
        artifact: { enabled: true, name: 'provenance' },
        comment: off,
        attestations: noAttest,
        failOnError: true,
      },
      context(s.gh),
      { token: TOKEN, logger: memoryLogger() },
    );
    const artifactId = Number(up.artifactId);
    s.gh.addRun({ id: 40, path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'success' }, [
      { id: artifactId, name: 'provenance' },
    ]);
    // A newer successful run without the artifact, and a newer failed one: both skipped.
    s.gh.addRun({ id: 41, path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'success' }, []);
    // Newer still: a fork's pull request from its own branch named main, and one from
    // this repository's main that was not a push. Neither is the base branch's record.
    s.gh.addRun({ id: 43, path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'success', event: 'pull_request', head_repository: 'mallory/models' }, [
      { id: 999_998, name: 'provenance' },
    ]);
    s.gh.addRun({ id: 44, path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'success', event: 'push', head_repository: 'mallory/models' }, [
      { id: 999_997, name: 'provenance' },
    ]);
    s.gh.addRun({ id: 42, path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'failure' }, [
      { id: 999_999, name: 'provenance' },
    ]);
    const logger = memoryLogger();
    const ctx = context(s.gh, {
      eventName: 'pull_request',
      baseRef: 'main',
      headRef: 'feature',
      event: { pull_request: { number: 7, base: { ref: 'main' } } },
    });
    const base = await fetchBaseStatement(ctx, { token: TOKEN, logger, artifactName: 'provenance' });
    expect(base).toEqual({ found: true, statement: JSON.parse(files.statementText), source: `artifact provenance of run 40` });
    const runsReq = s.gh.received('runs.list').at(-1)!;
    expect(runsReq.path).toBe('/repos/acme/models/actions/workflows/train.yml/runs');
    expect(runsReq.query).toMatchObject({ branch: 'main', status: 'success', event: 'push' });
    expect(s.gh.received('artifacts.zip').at(-1)!.status).toBe(302);
    expect(logger.lines.join('\n')).toMatch(/Comparing with main: artifact provenance of run 40/);
  });

  it('"none" only when there truly is none, with the reason', async () => {
    const logger = memoryLogger();
    const push = await fetchBaseStatement(context(s.gh), { token: TOKEN, logger, artifactName: 'provenance' });
    expect(push).toMatchObject({ found: false, unreadable: false, reason: 'this run is not for a pull request' });

    const pr = context(s.gh, { baseRef: 'release-1', event: { pull_request: { number: 8 } } });
    expect(await fetchBaseStatement(pr, { token: TOKEN, logger, artifactName: 'provenance' })).toMatchObject({ found: false, unreadable: false, reason: expect.stringMatching(/no successful run of train.yml on release-1/) });
  });

  it('an expired record is "could not read", with the fix — not "none"', async () => {
    const logger = memoryLogger();
    s.gh.addRun({ id: 50, path: '.github/workflows/train.yml', head_branch: 'old', conclusion: 'success' }, [{ id: 1, name: 'provenance', expired: true }]);
    const old = context(s.gh, { baseRef: 'old', event: { pull_request: { number: 9 } } });
    const r = await fetchBaseStatement(old, { token: TOKEN, logger, artifactName: 'provenance' });
    expect(r).toMatchObject({ found: false, unreadable: true, reason: expect.stringMatching(/artifact provenance of run 50\) has expired/), fix: expect.stringMatching(/retention-days/) });
    expect(baseRecordSentence(r as Extract<BaseRecord, { found: false }>)).toMatch(/^_Could not read the base branch's record/);
  });

  it('a 403 (no `actions: read`) is "could not read" naming the permission, not a throw and not "none"', async () => {
    const logger = memoryLogger();
    s.gh.fault({ route: 'runs.list', status: 403, body: { message: 'Resource not accessible by integration' } });
    const pr = context(s.gh, { baseRef: 'main', event: { pull_request: { number: 7 } } });
    const r = await fetchBaseStatement(pr, { token: TOKEN, logger, artifactName: 'provenance' });
    expect(r).toMatchObject({ found: false, unreadable: true, fix: 'give the job `permissions: actions: read`' });
    expect(logger.warnings.join('\n')).toMatch(/HTTP 403.*permissions: actions: read/);
  });

  it('after a re-run, the newest attempt\'s artifact is the base record', () => {
    const arts = [
      { id: 10, name: 'provenance' },
      { id: 12, name: 'provenance-attempt-3' },
      { id: 11, name: 'provenance-attempt-2' },
      { id: 13, name: 'provenance-other' },
      { id: 14, name: 'other-attempt-9' },
    ];
    expect(newestAttemptArtifact(arts, 'provenance')?.id).toBe(12);
    expect(newestAttemptArtifact([{ id: 1, name: 'x' }], 'provenance')).toBeUndefined();
  });
});
