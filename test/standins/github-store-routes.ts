// Routes the store's sync reads (added beside the GitHub REST stand-in's own): a release
// asset's bytes (`Accept: application/octet-stream`; GitHub redirects to a signed blob
// URL, answering the bytes directly is what the client ends with) and the attestations
// API's list by subject digest.
import type { Route } from './github-http.js';

interface State {
  releases: Array<{ assets: Array<{ id: number; name: string; size: number; data: Buffer }> }>;
  attestations: Array<{ id: number; repo: string; bundle: unknown }>;
}

export function storeRoutes(s: State): Route[] {
  return [
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
