import { InputError, ProvenanceError, ServiceError } from '../errors.js';
import { createGitHubClient, type GitHubClient } from '../publish/client.js';
import { documentFromBytes, type LoadedDocument } from '../statement/load.js';
import type { Logger } from '../util/log.js';
import { unreadableBundle, type UnreadableBundle } from './sources.js';

/** Release assets that hold our documents: the names `publish` uploads (and their prefixed variants). */
export const RELEASE_ASSET = /(\.sigstore\.json|\.intoto\.json)$/i;

export function parseRepo(text: string | undefined): { owner: string; repo: string } {
  const m = text ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text) : null;
  if (!m) {
    throw new InputError('bad-repo', `--repo must be OWNER/REPO, got "${text ?? ''}"`, { fix: 'pass --repo octo-org/train-models' });
  }
  return { owner: m[1]!, repo: m[2]! };
}

export interface ReleaseSourceOptions {
  repo: string;
  token: string | undefined;
  baseUrl?: string;
  logger: Logger;
  client?: GitHubClient;
  /** Collects bundles whose payload is not a readable record, for verification (see sources.ts). */
  unreadable?: UnreadableBundle[];
}

/** Every statement/bundle attached to the repository's releases, newest release first. */
export async function loadReleaseDocuments(o: ReleaseSourceOptions): Promise<LoadedDocument[]> {
  const { owner, repo } = parseRepo(o.repo);
  if (!o.client && !o.token) {
    throw new InputError('no-token', 'reading release assets needs a GitHub token', {
      fix: 'set GITHUB_TOKEN (a token with read access to the repository) and run again',
    });
  }
  const client =
    o.client ??
    createGitHubClient({ token: o.token!, logger: o.logger, ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}) });
  const docs: LoadedDocument[] = [];
  let found = 0;
  let releases: Awaited<ReturnType<GitHubClient['rest']['repos']['listReleases']>>['data'];
  try {
    releases = await client.paginate(client.rest.repos.listReleases, { owner, repo, per_page: 100 });
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 404) {
      throw new InputError('repo-not-found', `repository ${owner}/${repo} not found (or the token cannot read it)`, {
        fix: 'check --repo and that GITHUB_TOKEN can read the repository',
        cause: err,
      });
    }
    throw new ServiceError('github-releases', `listing releases of ${owner}/${repo} failed: ${(err as Error).message}`, {
      fix: 'check the network and the token, then run again',
      cause: err,
    });
  }
  for (const rel of releases) {
    for (const asset of rel.assets) {
      if (!RELEASE_ASSET.test(asset.name)) continue;
      const name = `${owner}/${repo}@${rel.tag_name}/${asset.name}`;
      let res: Awaited<ReturnType<GitHubClient['rest']['repos']['getReleaseAsset']>>;
      try {
        res = await client.rest.repos.getReleaseAsset({
          owner,
          repo,
          asset_id: asset.id,
          headers: { accept: 'application/octet-stream' },
        });
      } catch (err) {
        // The client already retried 5xx and dropped connections; what is left is an answer.
        const status = (err as { status?: number }).status;
        const why = (err as Error).message || (status ? `HTTP ${status}` : 'no answer');
        throw new ServiceError('github-release-asset', `downloading release asset ${name} failed: ${why}${status && !why.includes(String(status)) ? ` (HTTP ${status})` : ''}`, {
          fix:
            status === 404
              ? 'the asset was deleted or replaced while reading; run again'
              : 'check the network and that GITHUB_TOKEN can read the repository, then run again',
          cause: err,
        });
      }
      const data = res.data as unknown;
      const text =
        typeof data === 'string'
          ? data
          : data instanceof ArrayBuffer
            ? Buffer.from(data).toString('utf8')
            : Buffer.isBuffer(data)
              ? data.toString('utf8')
              : JSON.stringify(data);
      try {
        docs.push({ ...documentFromBytes(text, name), scanned: true });
      } catch (err) {
        if (o.unreadable && err instanceof ProvenanceError && err.kind === 'input') {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          const broken = await unreadableBundle(name, err, json ?? {});
          if (broken) {
            o.unreadable.push(broken);
            found++;
            continue;
          }
        }
        o.logger.warning(`skipping release asset ${name}: ${(err as Error).message}`);
      }
    }
  }
  if (docs.length + found === 0) {
    throw new InputError('no-release-statements', `no provenance assets (*.sigstore.json, *.intoto.json) on the releases of ${owner}/${repo}`, {
      fix: 'publish with `release-tag` set (the action uploads the bundle as a release asset), or pass files instead',
    });
  }
  return docs;
}
