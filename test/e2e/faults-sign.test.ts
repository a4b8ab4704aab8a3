// Faults on every signing step (the runner's OIDC endpoint, Fulcio, Rekor, the TSA),
// injected into the Sigstore stand-in, against the built CLI and action (dist/).
// Measured: @sigstore/sign retries Fulcio, Rekor and the TSA itself (408, 429, 5xx,
// dropped connections and timeouts; `retry.retries` times, i.e. 4 attempts by
// default, back-off from `retry.minTimeout` doubling, Retry-After ignored); it does
// not retry the identity provider, so src/sign/identity.ts does, with the same policy.
// Back-off and timeouts are scaled down through ML_PROVENANCE_HTTP_RETRY_BASE_MS and
// ML_PROVENANCE_HTTP_TIMEOUT_MS so the whole file runs in seconds.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStatement } from '../fixtures/statements.js';
import { copyExample, runActionAsync, train } from '../helpers/run.js';
import { type ArtifactServiceStandin, startArtifactService } from '../standins/artifact-service.js';
import type { Fault } from '../standins/faults.js';
import { type GitHubStandin, startGitHubStandin } from '../standins/github.js';
import { asBuiltBy } from '../standins/sigstore/oidc.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { modelDir } from '../standins/sigstore/fixtures.js';
import { runCliAsync } from './sign-verify-helpers.js';

let sig: SigstoreStandin;
let work: string;
let statementFile: string;
let models: Awaited<ReturnType<typeof modelDir>>;

/**
 * 20 ms first back-off (doubling). The timeout is short only where the test is about a slow
 * service (1 s, against answers held 4 s): elsewhere a loaded machine (2 cores, the stand-in in
 * this process) could take longer than a short timeout to answer a retry, four times over.
 */
const FAST = { ML_PROVENANCE_HTTP_RETRY_BASE_MS: '20', ML_PROVENANCE_HTTP_TIMEOUT_MS: '20000' };
const SHORT_TIMEOUT = { ...FAST, ML_PROVENANCE_HTTP_TIMEOUT_MS: '1000' };
const SLOW_MS = 4000;
const ATTEMPTS = 4; // DEFAULT_FETCH.retry.retries + 1

beforeAll(async () => {
  sig = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-faults-sign-'));
  models = await modelDir();
  statementFile = path.join(work, 'provenance.intoto.json');
  await writeFile(statementFile, JSON.stringify(asBuiltBy(makeStatement({ models: models.files.map((f) => ({ name: f.name, sha256: f.sha256 })) })), null, 2));
}, 120_000);
afterAll(async () => sig?.close());

const signFlags = () => ['--fulcio-url', sig.fulcioURL, '--rekor-url', sig.rekorURL, '--tsa-url', sig.tsaURL!];
let seq = 0;

/** Sign with the runner's token endpoint under one fault; what each route saw, in order. */
async function signWith(faults: Fault[], env: Record<string, string> = FAST) {
  sig.clearFaults();
  for (const f of faults) sig.fault(f);
  const before = sig.requests.length;
  const out = path.join(work, `bundle-${++seq}.sigstore.json`);
  const r = await runCliAsync(['sign', statementFile, '--out', out, ...signFlags()], { env: { ...sig.runnerEnv(), ...env } });
  sig.clearFaults();
  const seen = sig.requests.slice(before);
  const on = (route: string) => seen.filter((q) => q.route === route).map((q) => q.fault ?? q.status);
  return { ...r, out, on };
}

async function verifies(bundle: string): Promise<void> {
  const v = await runCliAsync(['verify', ...models.files.map((f) => f.path), '--bundle', bundle, '--repo', 'acme/models', '--custom-trusted-root', sig.trustedRootPath, '--offline']);
  expect({ code: v.code, last: v.stdout.trimEnd().split('\n').at(-1) }, v.stdout + v.stderr).toEqual({ code: 0, last: 'VERIFIED' });
}

const SERVICE = {
  'oidc.token': /^error: (the runner's OIDC token endpoint|cannot reach the runner's OIDC token endpoint) \(http:\/\/127\.0\.0\.1:\d+\)/,
  'fulcio.signingCert': /^error: Fulcio \(http:\/\/127\.0\.0\.1:\d+\) did not issue a signing certificate/,
  'rekor.entries': /^error: Rekor \(http:\/\/127\.0\.0\.1:\d+\) did not log the signature/,
  'tsa.timestamp': /^error: the timestamp authority \(http:\/\/127\.0\.0\.1:\d+\) did not stamp the signature/,
} as const;
type Step = keyof typeof SERVICE;

/** Exit 1, exactly one `error: <service> (<url>) … — <fix>` line, no stack, no bundle, nothing else left behind. */
async function failedCleanly(r: Awaited<ReturnType<typeof signWith>>, route: Step): Promise<void> {
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(SERVICE[route]);
  expect(lines[0]).toMatch(/ — \S.+$/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).toBe('');
  expect(existsSync(r.out)).toBe(false);
  expect((await readdir(work)).filter((f) => f.startsWith(path.basename(r.out)))).toEqual([]);
}

describe('a transient fault on each signing step is retried: signing succeeds and the bundle verifies', () => {
  test.each<[Step, Fault, unknown[]]>([
    ['oidc.token', { route: 'oidc.token', status: 503 }, ['503', 200]],
    ['oidc.token', { route: 'oidc.token', drop: true }, ['drop', 200]],
    ['oidc.token', { route: 'oidc.token', status: 429, retryAfter: 1 }, ['429', 200]],
    ['fulcio.signingCert', { route: 'fulcio.signingCert', status: 500 }, ['500', 201]],
    ['fulcio.signingCert', { route: 'fulcio.signingCert', drop: true }, ['drop', 201]],
    ['rekor.entries', { route: 'rekor.entries', status: 503 }, ['503', 201]],
    ['rekor.entries', { route: 'rekor.entries', drop: true }, ['drop', 201]],
    ['tsa.timestamp', { route: 'tsa.timestamp', status: 500 }, ['500', 201]],
    ['tsa.timestamp', { route: 'tsa.timestamp', drop: true }, ['drop', 201]],
    // Retry-After is not honoured by @sigstore/sign: the retry comes after its own back-off.
    ['tsa.timestamp', { route: 'tsa.timestamp', status: 429, retryAfter: 1 }, ['429', 201]],
  ])('%s: %j', async (route, fault, seen) => {
    const r = await signWith([fault]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.on(route)).toEqual(seen);
    await verifies(r.out);
  });

  test('a slow answer (beyond the timeout) once: the attempt is abandoned, the retry succeeds', async () => {
    const r = await signWith([{ route: 'fulcio.signingCert', delayMs: SLOW_MS }], SHORT_TIMEOUT);
    expect(r.code, r.stderr).toBe(0);
    // The slow answer was abandoned and a retry succeeded (on a loaded machine a retry can time
    // out too before one gets through: the count is not the point, the outcome is).
    const seen = r.on('fulcio.signingCert');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).not.toBe(201);
    expect(seen.at(-1)).toBe(201);
    await verifies(r.out);
  });

  test("Rekor logged the entry but the answer was lost: the retry gets 409 and fetches it, one entry, no duplicate", async () => {
    const r = await signWith([{ route: 'rekor.entries', dropAfterHandling: true }]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.on('rekor.entries')).toEqual(['drop-after-handling', 409]);
    expect(r.on('rekor.entry')).toEqual([200]);
    await verifies(r.out);
  });
});

describe('a permanent fault: exit 1, one error line naming the service, no bundle', () => {
  test.each<[Step, Fault, number]>([
    ['oidc.token', { route: 'oidc.token', status: 503, times: Infinity }, ATTEMPTS],
    ['oidc.token', { route: 'oidc.token', drop: true, times: Infinity }, ATTEMPTS],
    ['fulcio.signingCert', { route: 'fulcio.signingCert', status: 502, times: Infinity }, ATTEMPTS],
    ['fulcio.signingCert', { route: 'fulcio.signingCert', drop: true, times: Infinity }, ATTEMPTS],
    ['rekor.entries', { route: 'rekor.entries', status: 500, times: Infinity }, ATTEMPTS],
    ['rekor.entries', { route: 'rekor.entries', drop: true, times: Infinity }, ATTEMPTS],
    ['tsa.timestamp', { route: 'tsa.timestamp', status: 503, times: Infinity }, ATTEMPTS],
    ['tsa.timestamp', { route: 'tsa.timestamp', drop: true, times: Infinity }, ATTEMPTS],
    // A refusal is an answer: not retried.
    ['oidc.token', { route: 'oidc.token', status: 403, times: Infinity }, 1],
    ['fulcio.signingCert', { route: 'fulcio.signingCert', status: 400, times: Infinity }, 1],
  ])('%s: %j → %i attempt(s)', async (route, fault, attempts) => {
    const r = await signWith([fault]);
    await failedCleanly(r, route);
    expect(r.on(route)).toHaveLength(attempts);
    if (attempts > 1) expect(r.stderr).toMatch(new RegExp(`${attempts} attempts`));
    if (fault.status === 403) expect(r.stderr).toMatch(/id-token: write/);
    if (fault.status) expect(r.stderr).toContain(String(fault.status));
  });
});

describe('a service slower than the timeout: a clear timeout error, not a hang', () => {
  test.each<Step>(['oidc.token', 'fulcio.signingCert', 'rekor.entries', 'tsa.timestamp'])('%s', async (route) => {
    const r = await signWith([{ route, delayMs: SLOW_MS, times: Infinity }], SHORT_TIMEOUT);
    await failedCleanly(r, route);
    expect(r.stderr).toMatch(/no answer within 1 s/);
    // Each attempt was cut at the client's timeout (the message says so) instead of waiting the
    // service's 4 s; no wall-clock bound here: timings are measured in bench/, not asserted.
    expect(r.on(route)).toHaveLength(ATTEMPTS);
  });
});

test('a malformed ML_PROVENANCE_HTTP_TIMEOUT_MS is a usage error before any request', async () => {
  const before = sig.requests.length;
  const r = await runCliAsync(['sign', statementFile, '--out', path.join(work, 'never.json'), ...signFlags()], { env: { ...sig.runnerEnv(), ML_PROVENANCE_HTTP_TIMEOUT_MS: '10s' } });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^error: ML_PROVENANCE_HTTP_TIMEOUT_MS must be a positive whole number of milliseconds \(its text is not shown, in case it is a credential: 3 characters\) — /);
  expect(r.stderr).not.toContain('10s');
  expect(sig.requests.length).toBe(before);
});

describe('the action (dist/index.js): signing fails → the step fails, nothing is published', () => {
  let gh: GitHubStandin;
  let svc: ArtifactServiceStandin;
  let ws: string;
  beforeAll(async () => {
    svc = await startArtifactService();
    gh = await startGitHubStandin({ token: 'ghs_faults' });
    ws = copyExample({ git: true });
    train(ws);
  }, 120_000);
  afterAll(async () => void (await Promise.all([gh?.close(), svc?.close()])));

  test('Fulcio down: exit 1, one error annotation naming Fulcio, no bundle file or output, no artifact, no release', async () => {
    sig.clearFaults();
    sig.fault({ route: 'fulcio.signingCert', status: 503, times: Infinity });
    const r = await runActionAsync(
      {
        'subject-path': 'model/model.json',
        datasets: 'datasets.yaml',
        config: 'config/train.yaml',
        sigstore: 'custom',
        'fulcio-url': sig.fulcioURL,
        'rekor-url': sig.rekorURL,
        'tsa-url': sig.tsaURL!,
        'github-token': 'ghs_faults',
        'release-tag': 'v9.9.9',
      },
      {
        workspace: ws,
        event: { ref: 'refs/heads/main', repository: { full_name: 'example-org/tiny-regression', private: false } },
        env: {
          ...FAST,
          GITHUB_RUN_ID: '4242',
          GITHUB_API_URL: gh.apiUrl,
          ACTIONS_RESULTS_URL: `${svc.resultsUrl}/`,
          ACTIONS_RUNTIME_TOKEN: svc.runtimeToken(),
          ...sig.runnerEnv(),
        },
      },
    );
    sig.clearFaults();
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/Fulcio \(http:\/\/127\.0\.0\.1:\d+\) did not issue a signing certificate \(HTTP 503\) after 4 attempts: .* — retry later/);
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
    const outputs = r.outputs;
    // Documented outputs: the statement was built (statement-path), nothing signed or published.
    expect(outputs['statement-path']).toBeDefined();
    for (const k of ['bundle-path', 'rekor-log-index', 'artifact-id', 'release-asset-url', 'comment-url']) expect(outputs[k], k).toBeUndefined();
    expect(existsSync(path.join(path.dirname(outputs['statement-path']!), 'provenance.sigstore.json'))).toBe(false);
    expect(svc.requests).toEqual([]);
    expect(gh.requests).toEqual([]);
  });
});
