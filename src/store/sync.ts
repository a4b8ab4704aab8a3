/**
 * The decentralised write path, pulled: every run's bundle is already on GitHub (a
 * release asset, an attestation); `store sync` brings what is new into the store.
 * Incremental: assets and attestations already read are remembered (sync_seen), and
 * release listing stops at the first page with nothing new (newest first).
 */
import { InputError, ProvenanceError, ServiceError } from '../errors.js';
import { RELEASE_ASSET, parseRepo } from '../lineage/releases.js';
import type { GitHubClient } from '../publish/client.js';
import type { Logger } from '../util/log.js';
import type { Db } from './db.js';
import { storeError } from './errors.js';
import { storeDocument, type StoreDocument } from './ingest.js';

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
export async function newReleaseDocuments(db: Db, client: GitHubClient, full: string, log: Logger): Promise<Fetched> {
  const { owner, repo } = parseRepo(full);
  const source = `release:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out: Fetched = { docs: [], seen: [] };
  try {
    for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
      let fresh = 0;
      for (const rel of page.data) {
        for (const asset of rel.assets) {
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
export async function newAttestationDocuments(db: Db, client: GitHubClient, full: string, digests: string[], log: Logger): Promise<Fetched> {
  const { owner, repo } = parseRepo(full);
  const source = `attestation:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out: Fetched = { docs: [], seen: [] };
  for (const d of digests) {
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
