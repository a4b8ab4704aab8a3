// The example workflow's jobs as GitHub runs them on each event, with the token GitHub
// gives each one: the job's `permissions:` (from .github/workflows/train-example.yml; one
// job per event), or GitHub's read-only token without OIDC for fork pull requests and
// Dependabot. The GitHub REST stand-in answers 403 for any call the permission set does not
// cover, so each job's permissions are shown to be enough; and the permissions the run used
// (the routes it called, the OIDC token it asked for, the checkout step) are exactly the
// ones granted, so none is spare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { type ArtifactServiceStandin, startArtifactService } from '../standins/artifact-service.js';
import { type GitHubStandin, ROUTE_PERMISSIONS, type TokenPermissions, startGitHubStandin } from '../standins/github.js';
import { type SigstoreStandin, startSigstoreStandin } from '../standins/sigstore.js';
import { ROOT, copyExample, runActionAsync, train, type ActionRun } from '../helpers/run.js';

const TOKEN = 'ghs_action_events_test';
const REPO = 'example-org/tiny-regression';

interface Job {
  permissions: TokenPermissions;
  if?: string;
  steps: Array<{ uses?: string; with?: Record<string, unknown> }>;
}
const workflow = YAML.parse(readFileSync(path.join(ROOT, '.github/workflows/train-example.yml'), 'utf8')) as { jobs: Record<string, Job> };

/** GitHub's token for a fork's pull request or a Dependabot run: read-only, no OIDC, whatever the workflow asks. */
const READ_ONLY: TokenPermissions = { contents: 'read', 'pull-requests': 'read', actions: 'read' };

let gh: GitHubStandin;
let svc: ArtifactServiceStandin;
let sig: SigstoreStandin;
let ws: string;
let seq = 0;

beforeAll(async () => {
  svc = await startArtifactService();
  gh = await startGitHubStandin({ token: TOKEN, artifactDownloadUrl: (id) => svc.signedDownloadUrl(id) });
  sig = await startSigstoreStandin();
  ws = copyExample({ git: true });
  train(ws);
}, 240_000);

afterAll(async () => {
  await Promise.all([gh?.close(), svc?.close(), sig?.close()]);
});

/** The `uses: ./` step's inputs (plain values: one job per event needs no expressions). */
function stepInputs(job: string): Record<string, string> {
  const step = workflow.jobs[job]!.steps.find((s) => s.uses === './')!;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.with ?? {})) {
    if (/\$\{\{/.test(String(v))) throw new Error(`the example workflow's ${job} job has an expression in ${k}: teach this test what it evaluates to`);
    out[k] = String(v);
  }
  // The example lives in a subfolder of its repository; here the workspace is the example.
  for (const k of ['subject-path', 'config', 'records']) out[k] = out[k]!.replace('examples/tiny-regression/', '');
  out.datasets = out.datasets!.replace('examples/tiny-regression/', '');
  return { ...out, sigstore: 'custom', 'fulcio-url': sig.fulcioURL, 'rekor-url': sig.rekorURL, 'tsa-url': sig.tsaURL ?? '', 'github-token': TOKEN };
}

async function runAs(o: { job: string; eventName: string; event: Record<string, unknown>; permissions: TokenPermissions; env?: Record<string, string> }): Promise<ActionRun> {
  gh.options.permissions = o.permissions;
  seq++;
  // `id-token: write` is what makes the runner provide the OIDC request variables.
  const oidc = o.permissions['id-token'] === 'write' ? sig.runnerEnv() : {};
  try {
    return await runActionAsync(stepInputs(o.job), {
      workspace: ws,
      eventName: o.eventName,
      event: o.event,
      env: {
        GITHUB_REPOSITORY: REPO,
        GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/train-example.yml@refs/heads/main`,
        GITHUB_RUN_ID: String(500 + seq),
        GITHUB_API_URL: gh.apiUrl,
        ACTIONS_RESULTS_URL: `${svc.resultsUrl}/`,
        ACTIONS_RUNTIME_TOKEN: svc.runtimeToken(`22222222-0000-4000-8000-${String(seq).padStart(12, '0')}`, `33333333-0000-4000-8000-${String(seq).padStart(12, '0')}`),
        ...oidc,
        ...o.env,
      },
    });
  } finally {
    gh.options.permissions = undefined;
  }
}

const pushEvent = { ref: 'refs/heads/main', repository: { full_name: REPO, private: false } };
const prEvent = (n: number, headRepo: string, fork: boolean) => ({
  action: 'synchronize',
  number: n,
  pull_request: { number: n, base: { ref: 'main' }, head: { ref: 'feature', repo: { full_name: headRepo, fork } } },
  repository: { full_name: REPO, private: false },
});
const prEnv = { GITHUB_REF: 'refs/pull/9/merge', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' };
/** Refused calls, less the comment's probe of GET /user: the job token is always refused there, by design, and the action then knows it is github-actions[bot]. */
const refused = (from: number) => gh.requests.slice(from).filter((q) => q.status === 403 && q.route !== 'user.get');
const perms = (job: string) => workflow.jobs[job]!.permissions;

/** The job that runs on an event: the one whose `if:` names it (the example has one job per event). */
function jobFor(eventName: string): string {
  const jobs = Object.entries(workflow.jobs).filter(([, j]) => j.if === `github.event_name == '${eventName}'`);
  expect(jobs.map(([name]) => name), `one job runs on ${eventName}`).toHaveLength(1);
  return jobs[0]![0];
}

/**
 * The permissions a run used: each REST call's scope (GitHub's tables, as the stand-in
 * enforces them), `id-token: write` when it asked the runner for an OIDC token, and
 * `contents: read` for a job that checks the repository out. Write covers read.
 */
function used(job: string, ghFrom: number, sigFrom: number): TokenPermissions {
  const out: TokenPermissions = {};
  const add = (scope: keyof TokenPermissions, level: 'read' | 'write') => {
    if (out[scope] !== 'write') out[scope] = level;
  };
  if (workflow.jobs[job]!.steps.some((s) => s.uses?.startsWith('actions/checkout@'))) add('contents', 'read');
  for (const q of gh.requests.slice(ghFrom)) {
    const need = ROUTE_PERMISSIONS[q.route];
    if (need) add(need[0], need[1]);
  }
  if (sig.requests.slice(sigFrom).some((q) => q.route === 'oidc.token')) add('id-token', 'write');
  return out;
}

const releaseEvent = (tag: string) => ({ action: 'published', release: { tag_name: tag }, repository: { full_name: REPO, private: false } });

describe('each event runs one job, whose permissions are enough and nothing spare', () => {
  it('the workflow has one job per event and grants nothing at the top', () => {
    const wf = workflow as unknown as { permissions: unknown; on: Record<string, unknown> };
    expect(wf.permissions).toEqual({});
    for (const event of Object.keys(wf.on)) jobFor(event);
  });

  it('push to main: signed, artifact uploaded, attestation stored; no call refused, every permission used', async () => {
    const job = jobFor('push');
    const [before, sigBefore] = [gh.requests.length, sig.requests.length];
    const r = await runAs({ job, eventName: 'push', event: pushEvent, permissions: perms(job) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.outputs['bundle-path']).toBeTruthy();
    expect(r.outputs['artifact-id']).toBeTruthy();
    expect(refused(before)).toEqual([]);
    expect(gh.requests.slice(before).filter((q) => q.route === 'attestations.create')).toHaveLength(1);
    expect(used(job, before, sigBefore)).toEqual(perms(job));
  });

  it('pull request from a branch of this repository: comment posted, base looked up, no attestation (a PR build must not pass `gh attestation verify --repo`); every permission used', async () => {
    const job = jobFor('pull_request');
    const [before, sigBefore] = [gh.requests.length, sig.requests.length];
    const r = await runAs({ job, eventName: 'pull_request', event: prEvent(9, REPO, false), permissions: perms(job), env: prEnv });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    const mine = gh.requests.slice(before);
    expect(refused(before)).toEqual([]);
    expect(mine.some((q) => q.route === 'comments.create')).toBe(true);
    expect(mine.some((q) => q.route === 'runs.list')).toBe(true);
    expect(mine.some((q) => q.route === 'attestations.create')).toBe(false);
    expect(used(job, before, sigBefore)).toEqual(perms(job));
  });

  it('release: assets uploaded (contents: write), attestations stored; no call refused, every permission used', async () => {
    const job = jobFor('release');
    gh.addRelease({ tag: 'v2.0.0' });
    const [before, sigBefore] = [gh.requests.length, sig.requests.length];
    const r = await runAs({ job, eventName: 'release', event: releaseEvent('v2.0.0'), permissions: perms(job), env: { GITHUB_REF: 'refs/tags/v2.0.0' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(refused(before)).toEqual([]);
    expect(gh.requests.slice(before).some((q) => q.route === 'assets.upload')).toBe(true);
    expect(gh.requests.slice(before).filter((q) => q.route === 'attestations.create')).toHaveLength(2);
    expect(used(job, before, sigBefore)).toEqual(perms(job));
  });

  it('manual run (workflow_dispatch): signed, artifact uploaded, no attestation; no call refused, every permission used', async () => {
    const job = jobFor('workflow_dispatch');
    const [before, sigBefore] = [gh.requests.length, sig.requests.length];
    const r = await runAs({ job, eventName: 'workflow_dispatch', event: { ref: 'refs/heads/main', repository: { full_name: REPO, private: false } }, permissions: perms(job) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.outputs['bundle-path']).toBeTruthy();
    expect(refused(before)).toEqual([]);
    expect(used(job, before, sigBefore)).toEqual(perms(job));
  });

  it('no job grants a permission another event needs: push and manual runs cannot comment or read runs, only release can write contents', () => {
    for (const event of ['push', 'workflow_dispatch']) {
      expect(perms(jobFor(event))['pull-requests'] ?? 'none').toBe('none');
      expect(perms(jobFor(event)).actions ?? 'none').toBe('none');
    }
    for (const event of ['push', 'pull_request', 'workflow_dispatch']) expect(perms(jobFor(event)).contents).toBe('read');
    expect(perms(jobFor('release')).contents).toBe('write');
  });

  it.each([
    ['pull-requests', 'pull_request', /comment.*pull-requests: write/],
    ['attestations', 'push', /attestation.*attestations: write/],
    ['attestations', 'release', /attestation.*attestations: write/],
    ['contents', 'release', /release.*contents: write/],
  ] as const)('without %s the %s job fails naming the missing permission', async (perm, eventName, re) => {
    const job = jobFor(eventName);
    const reduced = { ...perms(job), [perm]: perm === 'contents' ? 'read' : 'none' } as TokenPermissions;
    const tag = `v3.0.${seq}`;
    if (eventName === 'release') gh.addRelease({ tag });
    const o: { event: Record<string, unknown>; env: Record<string, string> } =
      eventName === 'push'
        ? { event: pushEvent, env: {} }
        : eventName === 'release'
          ? { event: releaseEvent(tag), env: { GITHUB_REF: `refs/tags/${tag}` } }
          : { event: prEvent(10, REPO, false), env: prEnv };
    const r = await runAs({ job, eventName, permissions: reduced, ...o });
    expect(r.code).toBe(1);
    expect(decodeURIComponent(r.annotations.join('\n'))).toMatch(re);
  });

  it('without actions: read the comment says the base record could not be read and how to fix it — not that there is none', async () => {
    const job = jobFor('pull_request');
    const r = await runAs({ job, eventName: 'pull_request', event: prEvent(11, REPO, false), permissions: { ...perms(job), actions: 'none' }, env: prEnv });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const body = gh.comments.find((c) => c.issue === 11)!.body;
    expect(body).toMatch(/Could not read the base branch's record.*HTTP 403.*actions: read/s);
    expect(body).not.toMatch(/No record from the base branch/);
  });

  it('without id-token: write a same-repository job fails with the permission fix (a misconfiguration, not a fork)', async () => {
    const job = jobFor('push');
    const r = await runAs({ job, eventName: 'push', event: pushEvent, permissions: { ...perms(job), 'id-token': 'none' } });
    expect(r.code).not.toBe(0);
    expect(decodeURIComponent(r.annotations.join('\n'))).toMatch(/id-token: write/);
  });
});

describe('jobs GitHub gives no OIDC token and a read-only token', () => {
  it.each([
    ['a fork\'s pull request', { eventName: 'pull_request', event: prEvent(12, 'contributor/tiny-regression', true), env: prEnv }, /pull request from a fork \(contributor\/tiny-regression\)/],
    ['Dependabot', { eventName: 'pull_request', event: prEvent(13, REPO, false), env: { ...prEnv, GITHUB_ACTOR: 'dependabot[bot]' } }, /triggered by Dependabot/],
  ] as const)('%s: the record is built and checked, signing and writes are skipped with one notice, the step passes', async (_, o, re) => {
    const before = gh.requests.length;
    const r = await runAs({ job: jobFor('pull_request'), ...o, permissions: READ_ONLY });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const notices = r.stdout.split('\n').filter((l) => l.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(decodeURIComponent(notices[0]!)).toMatch(re);
    expect(r.annotations).toEqual([]);
    expect(r.outputs.complete).toBe('true');
    expect(r.outputs['statement-path']).toBeTruthy();
    expect(r.outputs['bundle-path']).toBeUndefined();
    expect(r.summary).toMatch(/not signed:? \(?no OIDC token for this job/);
    // Nothing the read-only token cannot do was tried.
    const mine = gh.requests.slice(before);
    expect(refused(before)).toEqual([]);
    expect(mine.filter((q) => /^(comments\.(create|update|delete)|assets\.|release\.create|attestations\.)/.test(q.route))).toEqual([]);
    // The artifact service works with the runner's token: the unsigned record is kept.
    expect(r.outputs['artifact-id']).toBeTruthy();
  });

  it('an incomplete record still fails the build on a fork\'s pull request', async () => {
    gh.options.permissions = READ_ONLY;
    const r = await runActionAsync(
      { 'subject-path': 'model/model.json', policy: 'strict', 'github-token': TOKEN },
      {
        workspace: ws,
        eventName: 'pull_request',
        event: prEvent(14, 'contributor/tiny-regression', true),
        env: { ...prEnv, GITHUB_REPOSITORY: REPO, GITHUB_API_URL: gh.apiUrl },
      },
    );
    gh.options.permissions = undefined;
    expect(r.code).toBe(1);
    expect(decodeURIComponent(r.annotations.join('\n'))).toMatch(/record incomplete/);
  });
});

