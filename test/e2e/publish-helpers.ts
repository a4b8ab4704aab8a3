// Shared set-up for the publish end-to-end tests: the GitHub REST and artifact
// service stand-ins, the runner-like environment the real clients read, record
// files on disk, and a logger that remembers what it was told.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GitHubContext } from '../../src/capture/github.js';
import { createGitHubClient, type GitHubClient } from '../../src/publish/index.js';
import type { Logger } from '../../src/util/log.js';
import { makeStatement } from '../fixtures/statements.js';
import { type ArtifactServiceStandin, startArtifactService } from '../standins/artifact-service.js';
import { type GitHubStandin, startGitHubStandin } from '../standins/github.js';

export const TOKEN = 'ghs_test_token_for_standins';
export const RUN_BACKEND = '11111111-1111-4111-8111-111111111111';
export const JOB_BACKEND = '22222222-2222-4222-8222-222222222222';

export interface Standins {
  gh: GitHubStandin;
  svc: ArtifactServiceStandin;
  close(): Promise<void>;
}

/**
 * Start both stand-ins and point this process's environment at them. @actions/github
 * (used by @actions/artifact's cross-run download) reads GITHUB_API_URL when first
 * imported, so call this before anything imports it (src/publish imports it lazily).
 */
export async function startStandins(): Promise<Standins> {
  const svc = await startArtifactService();
  const gh = await startGitHubStandin({ token: TOKEN, artifactDownloadUrl: (id) => svc.signedDownloadUrl(id) });
  Object.assign(process.env, runnerEnv(gh, svc));
  return { gh, svc, close: async () => void (await Promise.all([gh.close(), svc.close()])) };
}

export function runnerEnv(gh: GitHubStandin, svc: ArtifactServiceStandin, run = RUN_BACKEND, job = JOB_BACKEND): Record<string, string> {
  return {
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RESULTS_URL: `${svc.resultsUrl}/`,
    ACTIONS_RUNTIME_TOKEN: svc.runtimeToken(run, job),
    GITHUB_WORKSPACE: tmpdir(),
    // No proxies between the clients and 127.0.0.1.
    NO_PROXY: '127.0.0.1,localhost',
  };
}

export function context(gh: GitHubStandin, extra: Partial<GitHubContext> = {}): GitHubContext {
  return {
    serverUrl: 'https://github.com',
    apiUrl: gh.apiUrl,
    repository: 'acme/models',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    workflowRef: 'acme/models/.github/workflows/train.yml@refs/heads/main',
    workflow: 'train',
    job: 'train',
    runId: '900',
    runAttempt: '1',
    eventName: 'push',
    runner: {},
    event: {},
    ...extra,
  };
}

/** An octokit for the stand-in with back-off scaled down from seconds to milliseconds. */
export function fastClient(gh: GitHubStandin, logger: Logger, token = TOKEN): GitHubClient {
  return createGitHubClient({ token, baseUrl: gh.apiUrl, logger, retryAfterBaseValue: 5, writeSpacingMs: 0 });
}

export interface RecordFiles {
  dir: string;
  statement: string;
  bundle: string;
  summary: string;
  statementText: string;
}

/** Write a schema-valid statement, a bundle-shaped file and a summary into a new directory. */
export async function writeRecordFiles(run = 'r1', prefix = 'provenance'): Promise<RecordFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlp-publish-'));
  const statementText = JSON.stringify(makeStatement({ run }), null, 2);
  const statement = path.join(dir, `${prefix}.intoto.json`);
  const bundle = path.join(dir, `${prefix}.sigstore.json`);
  const summary = path.join(dir, `${prefix}.md`);
  await writeFile(statement, statementText);
  await writeFile(bundle, JSON.stringify(fakeBundle(statementText)));
  await writeFile(summary, `# Training record ${run}\n`);
  return { dir, statement, bundle, summary, statementText };
}

export function fakeBundle(payload: string): Record<string, unknown> {
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { certificate: { rawBytes: 'AAAA' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: Buffer.from(payload).toString('base64'),
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: 'AAAA', keyid: '' }],
    },
  };
}

export interface MemoryLogger extends Logger {
  lines: string[];
  warnings: string[];
}

export function memoryLogger(): MemoryLogger {
  const lines: string[] = [];
  const warnings: string[] = [];
  return {
    lines,
    warnings,
    info: (m) => void lines.push(m),
    warning: (m) => void (warnings.push(m), lines.push(`warning: ${m}`)),
    error: (m) => void lines.push(`error: ${m}`),
    debug: () => {},
  };
}
