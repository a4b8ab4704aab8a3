/**
 * Release assets adapter: put the provenance files on the release of a tag.
 *
 * Idempotent: an asset of the same name is deleted and uploaded again, so a re-run
 * replaces its own assets and never adds a second copy (GitHub refuses duplicate
 * names anyway). Concurrent publishers are handled where they collide: two jobs
 * creating the missing release (one gets 422, then uses the other's), and two jobs
 * uploading the same asset name (the loser of the upload gets 422 `already_exists`,
 * deletes the winner's copy and uploads again, so the last writer wins cleanly).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ServiceError } from '../errors.js';
import type { Logger } from '../util/log.js';
import type { GitHubClient } from './client.js';
import { statusOf, stepError } from './errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface AssetFile {
  /** Local path of the file to upload. */
  path: string;
  /** Asset name on the release. */
  name: string;
  contentType?: string;
}

export interface UploadedAsset {
  name: string;
  id: number;
  /** browser_download_url */
  url: string;
  size: number;
  /** sha256 (hex) of the bytes uploaded; GitHub's own `digest` of the asset, when it answers one, must agree. */
  sha256: string;
}

interface Release {
  id: number;
  tag_name: string;
  upload_url: string;
  html_url: string;
  draft?: boolean;
}

export interface ReleaseAssetsRequest {
  tag: string;
  files: AssetFile[];
  /** Create the release when the tag has none (default true). */
  createIfMissing?: boolean;
  /** The commit a created release (and its tag, when new) points at. */
  targetCommitish?: string;
}

export interface ReleaseAssetsResult {
  releaseUrl: string;
  releaseId: number;
  assets: UploadedAsset[];
}

const PERMISSION = 'contents: write';
/** Upload attempts when another publisher keeps winning the same asset name. */
const MAX_NAME_CONFLICTS = 4;

function isAlreadyExists(err: unknown): boolean {
  if (statusOf(err) !== 422) return false;
  const data = (err as { response?: { data?: { errors?: Array<{ code?: string }>; message?: string } } }).response?.data;
  return (data?.errors ?? []).some((e) => e.code === 'already_exists') || /already.exists/i.test(data?.message ?? '');
}

async function findRelease(client: GitHubClient, repo: RepoRef, tag: string): Promise<Release | undefined> {
  try {
    const { data } = await client.rest.repos.getReleaseByTag({ ...repo, tag });
    return data as Release;
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  // Draft releases are not found by tag; a token with contents: write sees them in the list.
  for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { ...repo, per_page: 100 })) {
    const hit = (page.data as Release[]).find((r) => r.tag_name === tag);
    if (hit) return hit;
  }
  return undefined;
}

async function findOrCreateRelease(
  client: GitHubClient,
  repo: RepoRef,
  req: ReleaseAssetsRequest,
  logger: Logger,
): Promise<Release> {
  const found = await findRelease(client, repo, req.tag);
  if (found) return found;
  if (req.createIfMissing === false) {
    throw new ServiceError('release-not-found', `release: no release for tag ${req.tag} in ${repo.owner}/${repo.repo}`, {
      fix: `create the release first (gh release create ${req.tag}) or leave release-tag empty`,
    });
  }
  try {
    const { data } = await client.rest.repos.createRelease({
      ...repo,
      tag_name: req.tag,
      name: req.tag,
      ...(req.targetCommitish ? { target_commitish: req.targetCommitish } : {}),
    });
    logger.info(`Created release ${req.tag}`);
    return data as Release;
  } catch (err) {
    // Another job created it between our lookup and our create: use theirs.
    if (statusOf(err) === 422) {
      const again = await findRelease(client, repo, req.tag);
      if (again) return again;
    }
    throw err;
  }
}

async function listAssets(client: GitHubClient, repo: RepoRef, releaseId: number): Promise<Array<{ id: number; name: string }>> {
  return client.paginate(client.rest.repos.listReleaseAssets, { ...repo, release_id: releaseId, per_page: 100 });
}

async function deleteAsset(client: GitHubClient, repo: RepoRef, assetId: number): Promise<void> {
  try {
    await client.rest.repos.deleteReleaseAsset({ ...repo, asset_id: assetId });
  } catch (err) {
    // Someone else (a concurrent re-run) deleted it first: the outcome is the same.
    if (statusOf(err) !== 404) throw err;
  }
}

async function uploadOne(
  client: GitHubClient,
  repo: RepoRef,
  release: Release,
  file: AssetFile,
  existing: Array<{ id: number; name: string }>,
  logger: Logger,
): Promise<UploadedAsset> {
  const data = await readFile(file.path);
  const sha256 = createHash('sha256').update(data).digest('hex');
  let stale = existing.filter((a) => a.name === file.name);
  for (let attempt = 1; ; attempt++) {
    for (const a of stale) {
      logger.info(`Replacing release asset ${file.name} (id ${a.id}) on ${release.tag_name}`);
      await deleteAsset(client, repo, a.id);
    }
    try {
      const res = await client.rest.repos.uploadReleaseAsset({
        ...repo,
        url: release.upload_url,
        release_id: release.id,
        name: file.name,
        // octokit sends a Buffer body as is; the type wants a string.
        data: data as unknown as string,
        headers: { 'content-type': file.contentType ?? 'application/octet-stream', 'content-length': data.length },
      });
      const a = res.data as { id: number; name: string; browser_download_url: string; size: number; digest?: string | null };
      if (a.digest && a.digest !== `sha256:${sha256}`) {
        throw new ServiceError('release-asset-digest-mismatch', `release asset ${file.name}: GitHub stored different bytes (${a.digest.slice(0, 19)}…) from the file uploaded (sha256:${sha256.slice(0, 12)}…)`, {
          fix: 're-run the job; the asset is replaced on the next upload',
        });
      }
      return { id: a.id, name: a.name, url: a.browser_download_url, size: a.size, sha256 };
    } catch (err) {
      if (!isAlreadyExists(err) || attempt >= MAX_NAME_CONFLICTS) throw err;
      logger.info(`Release asset ${file.name} was uploaded concurrently by another job; replacing it`);
      stale = (await listAssets(client, repo, release.id)).filter((a) => a.name === file.name);
    }
  }
}

export async function publishReleaseAssets(
  client: GitHubClient,
  repo: RepoRef,
  req: ReleaseAssetsRequest,
  logger: Logger,
): Promise<ReleaseAssetsResult> {
  const names = new Set<string>();
  for (const f of req.files) {
    if (names.has(f.name)) {
      throw new ServiceError('release-duplicate-asset-name', `release: two files would both be uploaded as ${f.name}`, {
        fix: 'give the statement and bundle files distinct names',
      });
    }
    names.add(f.name);
  }
  try {
    const release = await findOrCreateRelease(client, repo, req, logger);
    const existing = await listAssets(client, repo, release.id);
    const assets: UploadedAsset[] = [];
    for (const f of req.files) assets.push(await uploadOne(client, repo, release, f, existing, logger));
    return { releaseUrl: release.html_url, releaseId: release.id, assets };
  } catch (err) {
    throw stepError('release', `uploading assets to release ${req.tag}`, err, {
      permission: PERMISSION,
      notFound: `check that release ${req.tag} exists in ${repo.owner}/${repo.repo} and the token has \`${PERMISSION}\``,
    });
  }
}
