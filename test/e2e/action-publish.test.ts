// The built action (dist/index.js) run as a runner runs it, on the example project,
// signing against the Sigstore stand-in and publishing to the GitHub REST and
// artifact service stand-ins, for a push, a pull_request and a release event.
// The stand-ins live in this process, so the action runs as an async child process.
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { type ArtifactServiceStandin, startArtifactService, unzip } from '../standins/artifact-service.js';
import { type GitHubStandin, startGitHubStandin } from '../standins/github.js';
import { type SigstoreStandin, startSigstoreStandin } from '../standins/sigstore.js';
import { ROOT, cleanEnv, copyExample, execAsync, runActionAsync, train, type ActionRun as Ran } from '../helpers/run.js';

type ActionRun = Ran & { runSeq?: string; attempt?: string };

const TOKEN = 'ghs_action_publish_test';
const REPO = 'example-org/tiny-regression';
const MARKER = '<!-- ml-provenance v2 w=train j=train -->';

let gh: GitHubStandin;
let svc: ArtifactServiceStandin;
let sig: SigstoreStandin;
let ws: string;
let runSeq = 0;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');


/** dist/index.js as the runner runs it, against the stand-ins; each call is its own workflow run. */
async function runAction(
  inputs: Record<string, string>,
  opts: { eventName: string; event: Record<string, unknown>; env?: Record<string, string>; workspace?: string; rerunOf?: ActionRun },
): Promise<ActionRun> {
  // Each call is its own workflow run, unless it re-runs an earlier one: then, as on GitHub,
  // the run (GITHUB_RUN_ID, the artifact service's run backend id) is the same and only the
  // attempt and the job change.
  const seq = opts.rerunOf ? Number(opts.rerunOf.runSeq) : ++runSeq;
  const attempt = opts.rerunOf ? Number(opts.rerunOf.attempt) + 1 : 1;
  const runBackend = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  const jobBackend = `11111111-0000-4000-${String(attempt).padStart(4, '0')}-${String(seq).padStart(12, '0')}`;
  const ran = await runActionAsync(inputs, {
    workspace: opts.workspace ?? ws,
    eventName: opts.eventName,
    event: opts.event,
    env: {
      GITHUB_REPOSITORY: REPO,
      GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/train.yml@refs/heads/main`,
      GITHUB_RUN_ID: String(100 + seq),
      GITHUB_RUN_ATTEMPT: String(attempt),
      GITHUB_API_URL: gh.apiUrl,
      ACTIONS_RESULTS_URL: `${svc.resultsUrl}/`,
      ACTIONS_RUNTIME_TOKEN: svc.runtimeToken(runBackend, jobBackend),
      ...sig.runnerEnv(),
      ...opts.env,
    },
  });
  return Object.assign(ran, { runSeq: String(seq), attempt: String(attempt) });
}

const baseInputs = (): Record<string, string> => ({
  'subject-path': 'model/model.json',
  datasets: 'datasets.yaml',
  config: 'config/train.yaml',
  sigstore: 'custom',
  'fulcio-url': sig.fulcioURL,
  'rekor-url': sig.rekorURL,
  'tsa-url': sig.tsaURL ?? '',
  'github-token': TOKEN,
});

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

const pushEvent = { ref: 'refs/heads/main', repository: { full_name: REPO, private: false } };
let pushArtifactId = 0;

describe('action publishing (dist/index.js against the stand-ins)', () => {
  it('push: signs, uploads the workflow artifact, no comment and no release', async () => {
    const r = await runAction({ ...baseInputs(), 'retention-days': '5' }, { eventName: 'push', event: pushEvent });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    // The runner's OIDC token is masked before anything could print it.
    expect(r.stdout).toMatch(/^::add-mask::eyJ[\w-]+\.[\w-]+\.[\w-]+$/m);
    // Signed against the Sigstore stand-in.
    expect(sig.requests.some((q) => q.service === 'fulcio')).toBe(true);
    expect(existsSync(r.outputs['bundle-path']!)).toBe(true);
    // The artifact holds the three files, byte for byte.
    const stored = svc.artifacts.find((a) => String(a.databaseId) === r.outputs['artifact-id']);
    expect(stored?.name).toBe('ml-provenance');
    expect(stored?.finalized).toBe(true);
    expect(stored?.expiresAt).toBeDefined();
    const zip = unzip(svc.blob(stored!.databaseId)!);
    expect([...zip.keys()].sort()).toEqual(['provenance.intoto.json', 'provenance.md', 'provenance.sigstore.json']);
    expect(zip.get('provenance.intoto.json')!.toString('utf8')).toBe(readFileSync(r.outputs['statement-path']!, 'utf8'));
    expect(zip.get('provenance.sigstore.json')!.toString('utf8')).toBe(readFileSync(r.outputs['bundle-path']!, 'utf8'));
    TrainingStatement.parse(JSON.parse(zip.get('provenance.intoto.json')!.toString('utf8')));
    pushArtifactId = stored!.databaseId;
    // The job summary links the artifact itself (its page on the run, by id), with the zip's digest.
    const artifactUrl = `https://github.com/${REPO}/actions/runs/${100 + Number(r.runSeq)}/artifacts/${stored!.databaseId}`;
    expect(r.summary).toContain(`### Published\n\n- Workflow artifact [ml-provenance](${artifactUrl}) (id ${stored!.databaseId}): zip \`sha256:${sha256(svc.blob(stored!.databaseId)!)}\``);
    expect(r.summary).toContain(`${sha256(svc.blob(stored!.databaseId)!)}  ml-provenance.zip`);
    // Nothing else was published.
    expect(r.outputs['comment-url']).toBeUndefined();
    expect(r.outputs['release-asset-url']).toBeUndefined();
    expect(gh.requests.filter((q) => q.route.startsWith('comments.') || q.route.startsWith('release'))).toEqual([]);
  });

  it('pull_request: one sticky comment comparing with the base branch record, edited in place on a re-run', async () => {
    expect(pushArtifactId).toBeGreaterThan(0);
    // The push run above is the base branch's latest successful run.
    gh.addRun({ id: 77, path: '.github/workflows/train.yml', head_branch: 'main', conclusion: 'success' }, [
      { id: pushArtifactId, name: 'ml-provenance' },
    ]);
    const event = {
      action: 'synchronize',
      number: 5,
      pull_request: { number: 5, base: { ref: 'main' }, head: { ref: 'feature' } },
      repository: { full_name: REPO, private: false },
    };
    const env = { GITHUB_REF: 'refs/pull/5/merge', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' };
    const r = await runAction(baseInputs(), { eventName: 'pull_request', event, env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    // The base record was looked up and downloaded through the API's redirect.
    const runsQ = gh.received('runs.list').at(-1)!;
    expect(runsQ.path).toBe(`/repos/${REPO}/actions/workflows/train.yml/runs`);
    expect(runsQ.query).toMatchObject({ branch: 'main', status: 'success' });
    expect(gh.received('artifacts.zip').map((q) => q.path)).toEqual([`/repos/${REPO}/actions/artifacts/${pushArtifactId}/zip`]);
    expect(r.stdout).toMatch(/Comparing with main: artifact ml-provenance of run 77/);

    const mine = gh.comments.filter((c) => c.issue === 5);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    const body = mine[0]!.body;
    // Reviewer first: titled with workflow and job, verdict and signer, then what changed against main.
    expect(body.slice(MARKER.length + 1).startsWith('## ML provenance · train / train\n\n**✅ Complete** under policy `standard` · **🔏 Signed**')).toBe(true);
    expect(body).toMatch(/\[artifact ml-provenance\]\(https:\/\/github\.com\/[^)]+\/actions\/runs\/\d+#artifacts\)/);
    expect(body).toContain('### What changed since the base record (`main`)');
    expect(body.indexOf('### What changed')).toBeLessThan(body.indexOf('### Lineage'));
    expect(body).toContain('<details><summary><b>Full record</b>');
    expect(body.slice(MARKER.length + 1)).toBe(readFileSync(r.outputs['summary-path']!, 'utf8'));
    expect(r.outputs['comment-url']).toBe(`https://github.com/${REPO}/pull/5#issuecomment-${mine[0]!.id}`);
    const create = gh.received('comments.create').at(-1)!;
    expect(create.headers.authorization).toBe(`token ${TOKEN}`);

    // A re-run edits the same comment.
    const again = await runAction(baseInputs(), { eventName: 'pull_request', event, env, rerunOf: r });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(gh.comments.filter((c) => c.issue === 5)).toHaveLength(1);
    expect(gh.received('comments.update').at(-1)!.path).toBe(`/repos/${REPO}/issues/comments/${mine[0]!.id}`);
    expect(again.outputs['comment-url']).toBe(r.outputs['comment-url']);
  });

  it('release: statement, bundle and SLSA bundle land on the release, attestations are stored; a re-run replaces them', async () => {
    const rel = gh.addRelease({ tag: 'v1.0.0' });
    const event = { action: 'published', release: { tag_name: 'v1.0.0' }, repository: { full_name: REPO, private: false } };
    const env = { GITHUB_REF: 'refs/tags/v1.0.0' };
    const inputs = { ...baseInputs(), slsa: 'true', attestations: 'true' };
    const r = await runAction(inputs, { eventName: 'release', event, env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(rel.assets.map((a) => a.name).sort()).toEqual([
      'provenance.intoto.json',
      'provenance.md',
      'provenance.sigstore.json',
      'provenance.slsa.sigstore.json',
    ]);
    // The readable summary is an asset too, and the job summary links every asset.
    expect(rel.assets.find((a) => a.name === 'provenance.md')!.data.toString('utf8')).toBe(readFileSync(r.outputs['summary-path']!, 'utf8'));
    // The job summary links each asset by the browser_download_url GitHub answered, with
    // the full sha256 of its bytes (as stored on the release, and as the file on disk).
    for (const a of rel.assets) {
      const hex = sha256(a.data);
      expect(r.summary).toContain(`  - [${a.name.replace(/_/g, '\\_')}](https://github.com/${REPO}/releases/download/v1.0.0/${a.name}): \`sha256:${hex}\``);
      expect(r.summary).toContain(`${hex}  ${a.name}\n`);
    }
    expect(sha256(readFileSync(r.outputs['bundle-path']!))).toBe(sha256(rel.assets.find((a) => a.name === 'provenance.sigstore.json')!.data));
    expect(r.summary).toMatch(/- Workflow artifact \[ml-provenance\]\(https:\/\/github\.com\/[^)]+\/actions\/runs\/\d+\/artifacts\/\d+\)/);
    const bundleText = readFileSync(r.outputs['bundle-path']!, 'utf8');
    expect(rel.assets.find((a) => a.name === 'provenance.sigstore.json')!.data.toString('utf8')).toBe(bundleText);
    expect(r.outputs['release-asset-url']).toBe(`https://github.com/${REPO}/releases/download/v1.0.0/provenance.sigstore.json`);
    // Both bundles went to the attestations API.
    const posted = gh.received('attestations.create').map((q) => (q.json as { bundle: { mediaType: string } }).bundle);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toEqual(JSON.parse(bundleText));
    for (const b of posted) expect(b.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.bundle/);

    const again = await runAction(inputs, { eventName: 'release', event, env, rerunOf: r });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(rel.assets.map((a) => a.name).sort()).toEqual([
      'provenance.intoto.json',
      'provenance.md',
      'provenance.sigstore.json',
      'provenance.slsa.sigstore.json',
    ]);
    expect(rel.assets.find((a) => a.name === 'provenance.sigstore.json')!.data.toString('utf8')).toBe(
      readFileSync(again.outputs['bundle-path']!, 'utf8'),
    );
    // Each asset replaced once, none duplicated.
    expect(gh.received('assets.delete')).toHaveLength(4);
  });

  it('a failed publish step: a warning when fail-on-publish-error is false, a failed step naming the fix when true', async () => {
    const event = { number: 6, pull_request: { number: 6, base: { ref: 'main' } }, repository: { full_name: REPO, private: false } };
    const env = { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' };
    gh.fault({ route: 'comments.create', status: 403, body: { message: 'Resource not accessible by integration' }, times: 2 });
    const soft = await runAction({ ...baseInputs(), 'upload-artifact': 'false', 'fail-on-publish-error': 'false' }, { eventName: 'pull_request', event, env });
    expect(soft.code, soft.stdout + soft.stderr).toBe(0);
    expect(soft.annotations).toHaveLength(1);
    expect(decodeURIComponent(soft.annotations[0]!)).toMatch(/^::warning .*::comment: commenting on pull request #6 failed \(HTTP 403: Resource not accessible by integration\) — give the job `permissions: pull-requests: write`/);

    const hard = await runAction({ ...baseInputs(), 'artifact-name': 'ml-provenance-failed-comment' }, { eventName: 'pull_request', event, env });
    expect(hard.code).toBe(1);
    // What did land still gets its output when the step fails.
    expect(svc.artifacts.find((a) => String(a.databaseId) === hard.outputs['artifact-id'])?.name).toBe('ml-provenance-failed-comment');
    const errors = hard.annotations.filter((a) => a.startsWith('::error'));
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(decodeURIComponent(errors.join('\n'))).toMatch(/comment.*pull-requests: write/);
    expect(hard.stdout + hard.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(gh.comments.filter((c) => c.issue === 6)).toHaveLength(0);
  });

  it('.github/workflows/train-example.yml: its `uses: ./` inputs work on a checkout laid out like this repository', async () => {
    const wf = YAML.parse(readFileSync(path.join(ROOT, '.github/workflows/train-example.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown>; run?: string; 'working-directory'?: string }> }>;
    };
    // The push job (one job per event; test/e2e/action-events.test.ts runs each).
    const steps = wf.jobs.main!.steps;
    const step = steps.find((st) => st.uses === './')!;
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
    const repo = mkdtempSync(path.join(os.tmpdir(), 'mlp-repo-'));
    const train = steps.find((st) => st.run?.includes('train.py'))!;
    const exampleDir = path.join(repo, train['working-directory']!);
    cpSync(copyExample(), exampleDir, { recursive: true });
    const trained = await execAsync('python3', ['train.py'], { cwd: exampleDir, env: cleanEnv() });
    expect(trained.code, trained.stderr).toBe(0);
    const before = gh.received('attestations.create').length;
    const r = await runAction(
      { ...inputs, sigstore: 'custom', 'fulcio-url': sig.fulcioURL, 'rekor-url': sig.rekorURL, 'tsa-url': sig.tsaURL ?? '', 'github-token': TOKEN },
      { eventName: 'push', event: pushEvent, workspace: repo },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.outputs.complete).toBe('true');
    expect(svc.artifacts.find((a) => String(a.databaseId) === r.outputs['artifact-id'])?.name).toBe('ml-provenance');
    expect(gh.received('attestations.create').length - before).toBe(1);
  });
  it('re-run of a push job (attempt 2, same run): succeeds, keeps attempt 1\'s artifact and stores its own beside it', async () => {
    const first = await runAction(baseInputs(), { eventName: 'push', event: pushEvent });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const again = await runAction(baseInputs(), { eventName: 'push', event: pushEvent, rerunOf: first });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.annotations).toEqual([]);
    expect(again.stdout).toMatch(/already on this workflow run from an earlier attempt: uploading this attempt's record as ml-provenance-attempt-2/);
    const names = svc.artifacts.filter((a) => a.runBackendId.endsWith(String(first.runSeq).padStart(12, '0'))).map((a) => a.name);
    expect(names).toEqual(['ml-provenance', 'ml-provenance-attempt-2']);
    // A third attempt too.
    const third = await runAction(baseInputs(), { eventName: 'push', event: pushEvent, rerunOf: again });
    expect(third.code, third.stdout + third.stderr).toBe(0);
    expect(svc.artifacts.find((a) => String(a.databaseId) === third.outputs['artifact-id'])?.name).toBe('ml-provenance-attempt-3');
  });

  it('re-run of matrix legs: each leg\'s re-run lands beside its own artifact; two legs sharing a name in one attempt still fail clearly', async () => {
    const legA = await runAction({ ...baseInputs(), 'artifact-name': 'ml-provenance-py311' }, { eventName: 'push', event: pushEvent });
    expect(legA.code, legA.stdout + legA.stderr).toBe(0);
    // Leg B runs in the same workflow run (same run id) as another job.
    const legB = await runAction({ ...baseInputs(), 'artifact-name': 'ml-provenance-py312' }, { eventName: 'push', event: pushEvent, rerunOf: { ...legA, attempt: '0' } as ActionRun });
    expect(legB.code, legB.stdout + legB.stderr).toBe(0);
    const reA = await runAction({ ...baseInputs(), 'artifact-name': 'ml-provenance-py311' }, { eventName: 'push', event: pushEvent, rerunOf: legA });
    expect(reA.code, reA.stdout + reA.stderr).toBe(0);
    expect(svc.artifacts.find((a) => String(a.databaseId) === reA.outputs['artifact-id'])?.name).toBe('ml-provenance-py311-attempt-2');
    // A real clash: a second job of attempt 1 with leg A's name.
    const clash = await runAction({ ...baseInputs(), 'artifact-name': 'ml-provenance-py311' }, { eventName: 'push', event: pushEvent, rerunOf: { ...legA, attempt: '0' } as ActionRun });
    expect(clash.code).toBe(1);
    expect(decodeURIComponent(clash.annotations.join('\n'))).toMatch(/another job of this run attempt already uploaded an artifact of this name: give each job a distinct artifact-name/);
  });
});
