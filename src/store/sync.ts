/**
 * The decentralised write path, pulled: every run's bundle is already on GitHub (a
 * release asset, an attestation); `store sync` brings what is new into the store.
 * Incremental: assets and attestations already read are remembered (sync_seen), and
 * release listing stops at the first page with nothing new (newest first).
 */
import { unzipSync } from 'fflate';
import { InputError, ProvenanceError, ServiceError } from '../errors.js';
import { RELEASE_ASSET, parseRepo } from '../lineage/releases.js';
import type { GitHubClient } from '../publish/client.js';
import type { Logger } from '../util/log.js';
import type { Db } from './db.js';
import { storeError } from './errors.js';
import { storeDocument, type StoreDocument } from './ingest.js';

/**
 * What the three readers below fetched. Given an aborted `signal`, a reader stops between downloads
 * and returns what it has: its caller, which gave the signal, must then store none of it.
 */
export interface Fetched {
  docs: StoreDocument[];
  /** sync_seen keys to record once the documents are stored. */
  seen: { source: string; item: string }[];
}

function asBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (Buffer.isBuffer(data)) return data;
  return Buffer.from(JSON.stringify(data), 'utf8');
}

function githubError(err: unknown, what: string): ProvenanceError {
  const status = (err as { status?: number }).status;
  if (status === 404) return new InputError('repo-not-found', `${what}: not found (or the token cannot read it)`, { fix: 'check the name and that GITHUB_TOKEN can read it', cause: err });
  return new ServiceError('github-sync', `${what} failed: ${(err as Error).message}`, { fix: 'check the network and the token, then run again', cause: err });
}

/** A repository GitHub would not let us read (not found, forbidden, failed): not the store's fault. */
export function isGitHubReadError(err: unknown): boolean {
  return err instanceof ProvenanceError && (err.code === 'repo-not-found' || err.code === 'github-sync');
}

async function seenSet(db: Db, source: string): Promise<Set<string>> {
  try {
    return new Set((await db.all<{ item: string }>('SELECT item FROM sync_seen WHERE source = ?', [source])).map((r) => r.item));
  } catch (err) {
    throw storeError(err, db.location, 'reading the sync state');
  }
}

export async function recordSeen(db: Db, seen: Fetched['seen']): Promise<void> {
  if (seen.length === 0) return;
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    for (const s of seen) await tx.run('INSERT INTO sync_seen (source, item, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [s.source, s.item, now]);
  });
}

/** Every repository of an owner (organisation or user), paginated. */
export async function ownerRepos(client: GitHubClient, owner: string): Promise<string[]> {
  try {
    const repos = await client.paginate(client.rest.repos.listForOrg, { org: owner, per_page: 100 });
    return repos.map((r) => r.full_name);
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw githubError(err, `listing the repositories of ${owner}`);
  }
  try {
    const repos = await client.paginate(client.rest.repos.listForUser, { username: owner, per_page: 100 });
    return repos.map((r) => r.full_name);
  } catch (err) {
    throw githubError(err, `listing the repositories of ${owner}`);
  }
}

/** The release assets of a repository not read before. */
export async function newReleaseDocuments(db: Db, client: GitHubClient, full: string, log: Logger, signal?: AbortSignal): Promise<Fetched> {
  const { owner, repo } = parseRepo(full);
  const source = `release:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out: Fetched = { docs: [], seen: [] };
  try {
    for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
      let fresh = 0;
      for (const rel of page.data) {
        for (const asset of rel.assets) {
          if (signal?.aborted) return out;
          if (!RELEASE_ASSET.test(asset.name) || seen.has(String(asset.id))) continue;
          fresh++;
          const name = `${owner}/${repo}@${rel.tag_name}/${asset.name}`;
          const res = await client.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: 'application/octet-stream' } });
          out.seen.push({ source, item: String(asset.id) });
          try {
            const doc = storeDocument(asBuffer(res.data), name);
            // The signed bundle is what counts; the statement beside it is the same run unsigned.
            if (doc.bundle) out.docs.push({ ...doc, scanned: true });
          } catch (err) {
            log.warning(`skipping release asset ${name}: ${(err as Error).message}`);
          }
        }
      }
      // Newest first: a page with nothing new means the rest was read by an earlier sync.
      if (fresh === 0 && seen.size > 0) break;
    }
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    throw githubError(err, `reading the releases of ${owner}/${repo}`);
  }
  return out;
}

/** Bundles GitHub's attestations API holds for these subject digests in a repository. */
export async function newAttestationDocuments(db: Db, client: GitHubClient, full: string, digests: string[], log: Logger, signal?: AbortSignal): Promise<Fetched> {
  const { owner, repo } = parseRepo(full);
  const source = `attestation:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out: Fetched = { docs: [], seen: [] };
  for (const d of digests) {
    if (signal?.aborted) return out;
    const digest = d.startsWith('sha256:') ? d : `sha256:${d}`;
    let list: { bundle?: unknown }[];
    try {
      const res = await client.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', { owner, repo, subject_digest: digest, per_page: 100 });
      list = (res.data as { attestations?: { bundle?: unknown }[] }).attestations ?? [];
    } catch (err) {
      if ((err as { status?: number }).status === 404) continue;
      throw githubError(err, `reading attestations of ${owner}/${repo} for ${digest}`);
    }
    list.forEach((a, i) => {
      const bytes = Buffer.from(JSON.stringify(a.bundle ?? {}), 'utf8');
      const name = `${owner}/${repo} attestation ${digest} #${i}`;
      try {
        const doc = storeDocument(bytes, name);
        const key = doc.bundleSha256 ?? '';
        if (!doc.bundle || seen.has(key)) return;
        out.docs.push({ ...doc, scanned: true });
        out.seen.push({ source, item: key });
      } catch (err) {
        // SLSA build provenance sits beside our record in the same API: not ours to store.
        log.debug(`skipping ${name}: ${(err as Error).message}`);
      }
    });
  }
  return out;
}

/** The largest bundle read out of an artifact: a Sigstore bundle is kilobytes; anything bigger is not one. */
const MAX_BUNDLE_IN_ZIP = 16 * 1024 * 1024;
/** The largest artifact archive downloaded: the action's artifact holds a statement and a bundle or two. */
const MAX_ARTIFACT_ZIP = 64 * 1024 * 1024;

/** The artifact names the action writes under `artifact-name` NAME: NAME, and NAME-attempt-N on re-runs. */
export function isProvenanceArtifact(name: string, base: string): boolean {
  return name === base || (name.startsWith(`${base}-attempt-`) && /^\d+$/.test(name.slice(base.length + '-attempt-'.length)));
}

/**
 * The bundles in a repository's workflow-run artifacts not read before: the artifacts the
 * action uploaded (named `base`, or `base-attempt-N` on a re-run), newest first, each
 * downloaded once (zip) and its `*.sigstore.json` files read. Expired artifacts are said
 * and remembered; artifacts of other names (models, logs) are never downloaded.
 */
export async function newArtifactDocuments(db: Db, client: GitHubClient, full: string, base: string, log: Logger, signal?: AbortSignal): Promise<Fetched> {
  const { owner, repo } = parseRepo(full);
  const source = `artifact:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out: Fetched = { docs: [], seen: [] };
  let expired = 0;
  try {
    for await (const page of client.paginate.iterator(client.rest.actions.listArtifactsForRepo, { owner, repo, per_page: 100 })) {
      let fresh = 0;
      for (const a of page.data) {
        if (signal?.aborted) return out;
        if (!isProvenanceArtifact(a.name, base) || seen.has(String(a.id))) continue;
        fresh++;
        out.seen.push({ source, item: String(a.id) });
        if (a.expired) {
          expired++;
          continue;
        }
        const where = `${owner}/${repo} artifact ${a.name} (id ${a.id}${a.workflow_run?.id ? `, run ${a.workflow_run.id}` : ''})`;
        if (a.size_in_bytes > MAX_ARTIFACT_ZIP) {
          log.warning(`skipping ${where}: ${a.size_in_bytes} bytes is more than an ml-provenance artifact holds (a different artifact under the same name?)`);
          continue;
        }
        const res = await client.rest.actions.downloadArtifact({ owner, repo, artifact_id: a.id, archive_format: 'zip' });
        let files: Record<string, Uint8Array>;
        try {
          files = unzipSync(new Uint8Array(asBuffer(res.data)), { filter: (f) => /\.sigstore\.json$/i.test(f.name) && f.originalSize <= MAX_BUNDLE_IN_ZIP });
        } catch (err) {
          log.warning(`skipping ${where}: not a readable zip archive (${(err as Error).message})`);
          continue;
        }
        for (const [name, bytes] of Object.entries(files).sort(([x], [y]) => (x < y ? -1 : 1))) {
          try {
            const doc = storeDocument(Buffer.from(bytes), `${where}/${name}`);
            if (doc.bundle) out.docs.push({ ...doc, scanned: true });
          } catch (err) {
            log.warning(`skipping ${where}/${name}: ${(err as Error).message}`);
          }
        }
      }
      // Newest first: a page with nothing new means the rest was read by an earlier sync.
      if (fresh === 0 && seen.size > 0) break;
    }
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    throw githubError(err, `reading the workflow artifacts of ${owner}/${repo}`);
  }
  if (expired) log.info(`${owner}/${repo}: ${expired} provenance artifact(s) had expired (past their retention); their bundles are still in the releases or attestations if published there`);
  return out;
}
