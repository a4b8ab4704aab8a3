/**
 * Workflow artifact adapter over @actions/artifact (loaded lazily: it is heavy and
 * reads GITHUB_* / ACTIONS_* from the environment when it is first imported).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../util/log.js';
import { stepError } from './errors.js';

export interface ArtifactUploadRequest {
  name: string;
  /** GITHUB_RUN_ATTEMPT: on a re-run the run's earlier attempt may already hold `name`. */
  attempt?: number;
  /** Local files; uploaded relative to their deepest common directory. */
  files: string[];
  retentionDays?: number;
}

export interface ArtifactUploadResult {
  id: string;
  /** The name it was stored under: `name`, or `<name>-attempt-<N>` on a re-run that found `name` taken. */
  name: string;
  /** sha256 of the uploaded zip, `sha256:<hex>`. */
  digest?: string;
  size?: number;
}

/** The deepest directory containing every file. */
export function commonDirectory(files: string[]): string {
  const dirs = files.map((f) => path.dirname(path.resolve(f)).split(path.sep));
  const first = dirs[0] ?? [process.cwd()];
  let n = first.length;
  for (const d of dirs.slice(1)) {
    let i = 0;
    while (i < n && i < d.length && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

const ALREADY_EXISTS = /already exists|\(409\)|Conflict/i;

/** The name a re-run stores its artifact under when an earlier attempt has the plain name. */
export function attemptArtifactName(name: string, attempt: number): string {
  return `${name}-attempt-${attempt}`;
}

function artifactFix(detail: string): string | undefined {
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(detail)) {
    return 'uploading a workflow artifact needs the runner (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL): run inside GitHub Actions, or set upload-artifact: false';
  }
  if (/GHES|Enterprise Server/i.test(detail)) {
    return 'this artifact service is not available on GitHub Enterprise Server: set upload-artifact: false';
  }
  if (/artifact name is not valid/i.test(detail)) {
    return 'choose an artifact-name without " : < > | * ? \\ / or line breaks';
  }
  if (ALREADY_EXISTS.test(detail)) {
    return 'another job of this run attempt already uploaded an artifact of this name: give each job a distinct artifact-name (e.g. include the matrix values)';
  }
  if (/\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(detail)) {
    // Artifacts are uploaded with the runner's ACTIONS_RUNTIME_TOKEN, not with github-token.
    return 'the artifact service refused the runner token (ACTIONS_RUNTIME_TOKEN): artifacts need no `permissions:` entry; check the runner, or set upload-artifact: false';
  }
  if (/insufficient usage/i.test(detail)) {
    return 'the account is out of artifact storage: free some, or set upload-artifact: false';
  }
  if (/Unable to make request: E[A-Z]+/.test(detail)) {
    // @actions/artifact retries 5xx/429 answers of its service (5 attempts) but not a dropped connection.
    return 'the artifact service dropped the connection (not retried by @actions/artifact): re-run the job';
  }
  if (/Failed to make request after \d+ attempts/.test(detail)) {
    return 'the artifact service kept failing after retries: re-run the job (see https://www.githubstatus.com)';
  }
  if (/Failed to FinalizeArtifact: .*\((400|409)\)/.test(detail)) {
    return 'the artifact service refused to finalize the upload (size or digest mismatch): nothing was published; re-run the job';
  }
  if (/non-retryable error: Failed request: \(40[13]\)/.test(detail)) {
    return 'the runtime token was refused by the artifact service: re-run the job';
  }
  return undefined;
}

export async function uploadWorkflowArtifact(req: ArtifactUploadRequest, logger: Logger): Promise<ArtifactUploadResult> {
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const root = commonDirectory(req.files);
    const upload = (name: string) =>
      new DefaultArtifactClient().uploadArtifact(
        name,
        req.files.map((f) => path.resolve(f)),
        root,
        req.retentionDays === undefined ? {} : { retentionDays: req.retentionDays },
      );
    // Artifacts belong to the workflow run, not the attempt: "Re-run jobs" keeps the run,
    // so the first attempt's artifact still holds the name (409). The re-run's record is
    // stored beside it as <name>-attempt-<N>; readers take the newest (publish/base.ts).
    let name = req.name;
    let res;
    try {
      res = await upload(name);
    } catch (err) {
      const attempt = req.attempt ?? 1;
      if (attempt <= 1 || !ALREADY_EXISTS.test(err instanceof Error ? err.message : String(err))) throw err;
      name = attemptArtifactName(req.name, attempt);
      logger.info(`Artifact ${req.name} is already on this workflow run from an earlier attempt: uploading this attempt's record as ${name}`);
      res = await upload(name);
    }
    if (res.id === undefined) throw new Error('the artifact service did not return an artifact id');
    logger.info(`Uploaded workflow artifact ${name} (id ${res.id})`);
    return {
      id: String(res.id),
      name,
      ...(res.digest ? { digest: res.digest.startsWith('sha256:') ? res.digest : `sha256:${res.digest}` } : {}),
      ...(res.size === undefined ? {} : { size: res.size }),
    };
  } catch (err) {
    // @actions/artifact appends a paragraph about self-hosted runners to network errors: keep one line.
    const e = err instanceof Error && err.message.includes('\n') ? Object.assign(new Error(err.message.split('\n')[0]), { cause: err }) : err;
    throw stepError('artifact', `uploading workflow artifact ${req.name}`, e, {
      permission: 'actions: write',
      special: (f) => artifactFix(f.detail),
    });
  }
}

export interface ArtifactDownloadRequest {
  artifactId: number;
  runId: number;
  owner: string;
  repo: string;
  token: string;
}

/**
 * Download another run's artifact (GitHub's API redirects to blob storage) into a
 * fresh temporary directory; `use` reads it, and the directory is removed after.
 */
export async function withDownloadedArtifact<T>(req: ArtifactDownloadRequest, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ml-provenance-base-'));
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().downloadArtifact(req.artifactId, {
      path: dir,
      findBy: { token: req.token, workflowRunId: req.runId, repositoryOwner: req.owner, repositoryName: req.repo },
    });
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir`, relative paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
