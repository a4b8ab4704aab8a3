// Routes the store's sync reads (added beside the GitHub REST stand-in's own): a release
// asset's bytes (`Accept: application/octet-stream`; GitHub redirects to a signed blob
// URL, answering the bytes directly is what the client ends with), the attestations
// API's list by subject digest, an owner's repositories (organisation or user, paginated
// with Link headers as GitHub does), and a repository's workflow-run artifacts with the
// blob their zip download redirects to.
import type { Route } from './github-http.js';

interface Artifact {
  id: number;
  name: string;
  size_in_bytes?: number;
  expired?: boolean;
  zip?: Buffer;
  created_at?: string;
}

interface State {
  /** The stand-in's URL (known once it listens). */
  base: () => string;
  releases: Array<{ assets: Array<{ id: number; name: string; size: number; data: Buffer }> }>;
  attestations: Array<{ id: number; repo: string; bundle: unknown }>;
  /** owner → its repositories' names (an organisation's, or with `user:` prefix a user's). */
  owners: Map<string, string[]>;
  runArtifacts: Map<number, Artifact[]>;
}

/** One page of a list and GitHub's Link header for it (`page`, `per_page`; rel next/last/prev/first). */
function paged<T>(all: T[], path: string, query: URLSearchParams): { items: T[]; headers: Record<string, string> } {
  const per = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30)));
  const page = Math.max(1, Number(query.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(all.length / per));
  const link = (p: number, rel: string) => `<${path}?per_page=${per}&page=${p}>; rel="${rel}"`;
  const rels = [page < last && link(page + 1, 'next'), page < last && link(last, 'last'), page > 1 && link(1, 'first'), page > 1 && link(page - 1, 'prev')].filter(Boolean);
  return { items: all.slice((page - 1) * per, page * per), headers: rels.length ? { link: rels.join(', ') } : {} };
}

export function storeRoutes(s: State): Route[] {
  const repoJson = (full: string, i: number) => ({ id: 5000 + i, name: full.split('/')[1], full_name: full, private: false, owner: { login: full.split('/')[0] } });
  const listOwner = (key: string, path: string, query: URLSearchParams) => {
    const names = s.owners.get(key);
    if (!names) return { status: 404, body: { message: 'Not Found' } };
    const { items, headers } = paged(names.map(repoJson), `${s.base()}${path}`, query);
    return { status: 200, body: items, headers };
  };
  return [
    {
      name: 'repos.listForOrg',
      method: 'GET',
      pattern: /^\/orgs\/([^/]+)\/repos$/,
      handle: ({ params: [org], query, path }) => listOwner(org!, path, query),
    },
    {
      name: 'repos.listForUser',
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/repos$/,
      handle: ({ params: [user], query, path }) => listOwner(`user:${user}`, path, query),
    },
    {
      name: 'artifacts.listForRepo',
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts$/,
      handle: ({ params: [o, r], query, path }) => {
        const all = [...s.runArtifacts.entries()]
          .flatMap(([run, list]) => list.map((a) => ({ a, run })))
          .filter(({ a }) => !query.get('name') || a.name === query.get('name'))
          .sort((x, y) => y.a.id - x.a.id)
          .map(({ a, run }) => ({
            id: a.id,
            name: a.name,
            size_in_bytes: a.size_in_bytes ?? a.zip?.length ?? 0,
            expired: a.expired ?? false,
            archive_download_url: `${s.base()}/repos/${o}/${r}/actions/artifacts/${a.id}/zip`,
            created_at: a.created_at ?? new Date().toISOString(),
            workflow_run: { id: run },
          }));
        const { items, headers } = paged(all, `${s.base()}${path}`, query);
        return { status: 200, body: { total_count: all.length, artifacts: items }, headers };
      },
    },
    {
      // Where an artifact's zip download redirects (GitHub: a short-lived blob storage URL).
      name: 'artifacts.blob',
      method: 'GET',
      pattern: /^\/_blobs\/artifacts\/(\d+)$/,
      handle: ({ params: [aid] }) => {
        const a = [...s.runArtifacts.values()].flat().find((x) => x.id === Number(aid));
        return a?.zip ? { status: 200, body: a.zip, headers: { 'content-type': 'application/zip' } } : { status: 404, body: { message: 'Not Found' } };
      },
    },
    {
      name: 'assets.download',
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/releases\/assets\/(\d+)$/,
      handle: ({ params: [, , aid], headers }) => {
        const a = s.releases.flatMap((r) => r.assets).find((x) => x.id === Number(aid));
        if (!a) return { status: 404, body: { message: 'Not Found' } };
        if (/octet-stream/.test(String(headers.accept))) return { status: 200, body: a.data, headers: { 'content-type': 'application/octet-stream' } };
        return { status: 200, body: { id: a.id, name: a.name, size: a.size } };
      },
    },
    {
      name: 'attestations.list',
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/attestations\/(sha256(?::|%3A)[a-f0-9]{64})$/i,
      handle: ({ params: [o, r, raw] }) => {
        const digest = decodeURIComponent(raw!);
        const hits = s.attestations.filter((a) => {
          if (a.repo !== `${o}/${r}`) return false;
          const payload = (a.bundle as { dsseEnvelope?: { payload?: string } }).dsseEnvelope?.payload;
          const st = payload ? (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { subject?: { digest?: { sha256?: string } }[] }) : {};
          return (st.subject ?? []).some((x) => `sha256:${x.digest?.sha256}` === digest);
        });
        return hits.length ? { status: 200, body: { attestations: hits.map((a) => ({ bundle: a.bundle, repository_id: 1 })) } } : { status: 404, body: { message: 'Not Found' } };
      },
    },
  ];
}
