/**
 * A GitHub REST stand-in: the endpoints ml-provenance publishing uses, served over
 * real HTTP so the real octokit (with its retry and throttling plugins) talks to it.
 * It keeps state (releases and assets, issue comments, workflow runs and their
 * artifacts, attestations), records every request, and injects faults per route.
 *
 * Route names (for faults and `received`):
 *   release.byTag  release.get  release.list  release.create
 *   assets.list  assets.delete  assets.upload (on the uploads path of upload_url)
 *   comments.list  comments.create  comments.update  comments.delete
 *   runs.list  artifacts.list  artifacts.zip  attestations.create
 */
import { createHash, randomUUID } from 'node:crypto';
import { storeRoutes } from './github-store-routes.js';
import { type Fault, type HttpStandin, paginate, type RecordedRequest, type Reply, type Route, startHttp } from './github-http.js';

export type { Fault, RecordedRequest } from './github-http.js';

export interface StandinAsset {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  size: number;
  state: 'uploaded';
  data: Buffer;
  created_at: string;
}

export interface StandinRelease {
  id: number;
  tag_name: string;
  name: string;
  draft: boolean;
  prerelease: boolean;
  target_commitish: string;
  assets: StandinAsset[];
}

export interface StandinComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface StandinRun {
  id: number;
  /** `.github/workflows/train.yml` */
  path: string;
  head_branch: string;
  head_sha?: string;
  event?: string;
  /** owner/repo the run's head commit came from (a fork for fork pull requests); default the repository itself. */
  head_repository?: string;
  status?: string;
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  created_at?: string;
}

export interface StandinRunArtifact {
  id: number;
  name: string;
  size_in_bytes?: number;
  expired?: boolean;
  digest?: string;
  /** The archive its zip download redirects to (served by the stand-in) when no artifactDownloadUrl is given. */
  zip?: Buffer;
  created_at?: string;
}

export interface GitHubStandinOptions {
  /** The token requests must carry (`token X` or `Bearer X`); any token when unset. */
  token?: string;
  /** The login comments are created as (default github-actions[bot]). */
  login?: string;
  serverUrl?: string;
  /** Where GET .../actions/artifacts/{id}/zip redirects to (the blob's signed URL). */
  artifactDownloadUrl?: (artifactId: number) => string | undefined;
  /**
   * The job token's `permissions:` as a workflow grants them. Unset: everything allowed.
   * Set: a route the token's scopes do not cover gets GitHub's 403 "Resource not accessible
   * by integration" (see ROUTE_PERMISSIONS).
   */
  permissions?: TokenPermissions;
}

export type TokenPermissions = Partial<Record<'contents' | 'pull-requests' | 'actions' | 'attestations' | 'id-token', 'read' | 'write' | 'none'>>;

/** The permission each route needs, from GitHub's "permissions required for GitHub Apps" tables. */
export const ROUTE_PERMISSIONS: Record<string, [keyof TokenPermissions, 'read' | 'write']> = {
  'release.byTag': ['contents', 'read'],
  'release.get': ['contents', 'read'],
  'release.list': ['contents', 'read'],
  'release.create': ['contents', 'write'],
  'assets.list': ['contents', 'read'],
  'assets.delete': ['contents', 'write'],
  'assets.upload': ['contents', 'write'],
  'comments.list': ['pull-requests', 'read'],
  'comments.create': ['pull-requests', 'write'],
  'comments.update': ['pull-requests', 'write'],
  'comments.delete': ['pull-requests', 'write'],
  'runs.list': ['actions', 'read'],
  'artifacts.list': ['actions', 'read'],
  'artifacts.zip': ['actions', 'read'],
  'artifacts.listForRepo': ['actions', 'read'],
  'attestations.create': ['attestations', 'write'],
};

/** Whether a permission set grants `need` (write implies read). */
export function grants(perms: TokenPermissions, need: [keyof TokenPermissions, 'read' | 'write']): boolean {
  const have = perms[need[0]] ?? 'none';
  return have === 'write' || (have === 'read' && need[1] === 'read');
}

export interface GitHubStandin extends HttpStandin {
  /** Root of the REST API (GITHUB_API_URL). */
  apiUrl: string;
  releases: StandinRelease[];
  comments: StandinComment[];
  runs: StandinRun[];
  runArtifacts: Map<number, StandinRunArtifact[]>;
  attestations: Array<{ id: number; repo: string; bundle: unknown }>;
  /** Repositories `GET /orgs/{org}/repos` lists (key: the org) and `GET /users/{u}/repos` (key: `user:u`). */
  owners: Map<string, string[]>;
  addRelease(r: { tag: string; draft?: boolean; assets?: Array<{ name: string; data: string | Buffer }> }): StandinRelease;
  addComment(issue: number, body: string, login?: string): StandinComment;
  addRun(run: StandinRun, artifacts?: StandinRunArtifact[]): void;
  options: GitHubStandinOptions;
  fault(f: Fault): void;
  requests: RecordedRequest[];
}

const REPO = '/repos/([^/]+)/([^/]+)';

export async function startGitHubStandin(options: GitHubStandinOptions = {}): Promise<GitHubStandin> {
  let nextId = 1000;
  const id = (): number => nextId++;
  const now = (): string => new Date().toISOString();
  const releases: StandinRelease[] = [];
  const comments: StandinComment[] = [];
  const runs: StandinRun[] = [];
  const runArtifacts = new Map<number, StandinRunArtifact[]>();
  const attestations: Array<{ id: number; repo: string; bundle: unknown }> = [];
  const owners = new Map<string, string[]>();
  const login = options.login ?? 'github-actions[bot]';
  const serverUrl = options.serverUrl ?? 'https://github.com';
  let base = '';

  const notFound: Reply = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  const validation = (resource: string, field: string): Reply => ({
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource, code: 'already_exists', field }] },
  });

  const releaseJson = (owner: string, repo: string, r: StandinRelease): Record<string, unknown> => ({
    id: r.id,
    tag_name: r.tag_name,
    name: r.name,
    draft: r.draft,
    prerelease: r.prerelease,
    target_commitish: r.target_commitish,
    url: `${base}/repos/${owner}/${repo}/releases/${r.id}`,
    html_url: `${serverUrl}/${owner}/${repo}/releases/tag/${r.tag_name}`,
    upload_url: `${base}/uploads/repos/${owner}/${repo}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map((a) => assetJson(owner, repo, r, a)),
  });
  const assetJson = (owner: string, repo: string, r: StandinRelease, a: StandinAsset): Record<string, unknown> => ({
    id: a.id,
    name: a.name,
    label: a.label,
    content_type: a.content_type,
    size: a.size,
    state: a.state,
    created_at: a.created_at,
    url: `${base}/repos/${owner}/${repo}/releases/assets/${a.id}`,
    browser_download_url: `${serverUrl}/${owner}/${repo}/releases/download/${r.tag_name}/${encodeURIComponent(a.name)}`,
    // GitHub has answered each asset's sha256 since 2025.
    digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}`,
    download_count: 0,
    updated_at: a.created_at,
  });
  const commentJson = (owner: string, repo: string, c: StandinComment): Record<string, unknown> => ({
    id: c.id,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: `${serverUrl}/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/${owner}/${repo}/issues/${c.issue}`,
  });
  const runJson = (owner: string, repo: string, r: StandinRun): Record<string, unknown> => ({
    id: r.id,
    path: r.path,
    head_branch: r.head_branch,
    head_sha: r.head_sha ?? '0'.repeat(40),
    event: r.event ?? 'push',
    head_repository: { full_name: r.head_repository ?? `${owner}/${repo}` },
    status: r.status ?? 'completed',
    conclusion: r.conclusion,
    created_at: r.created_at ?? now(),
    html_url: `${serverUrl}/${owner}/${repo}/actions/runs/${r.id}`,
  });

  const addRelease: GitHubStandin['addRelease'] = (r) => {
    const rel: StandinRelease = {
      id: id(),
      tag_name: r.tag,
      name: r.tag,
      draft: r.draft ?? false,
      prerelease: false,
      target_commitish: 'main',
      assets: [],
    };
    for (const a of r.assets ?? []) {
      const data = Buffer.from(a.data);
      rel.assets.push({ id: id(), name: a.name, label: null, content_type: 'application/json', size: data.length, state: 'uploaded', data, created_at: now() });
    }
    releases.push(rel);
    return rel;
  };
  const addComment: GitHubStandin['addComment'] = (issue, body, who) => {
    const c: StandinComment = { id: id(), issue, body, user: { login: who ?? login, type: who && who !== login ? 'User' : 'Bot' }, created_at: now(), updated_at: now() };
    comments.push(c);
    return c;
  };

  const routes = (): Route[] => [
    ...storeRoutes({ base: () => base, releases, attestations, owners, runArtifacts }),
    {
      // The job token is an installation token: GitHub refuses it here.
      name: 'user.get',
      method: 'GET',
      pattern: /^\/user$/,
      handle: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
    },
    {
      name: 'release.byTag',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/releases/tags/(.+)$`),
      handle: ({ params: [o, r, tag] }) => {
        // Like GitHub: drafts are not found by tag.
        const rel = releases.find((x) => x.tag_name === tag && !x.draft);
        return rel ? { status: 200, body: releaseJson(o!, r!, rel) } : notFound;
      },
    },
    {
      name: 'release.get',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/releases/(\\d+)$`),
      handle: ({ params: [o, r, rid] }) => {
        const rel = releases.find((x) => x.id === Number(rid));
        return rel ? { status: 200, body: releaseJson(o!, r!, rel) } : notFound;
      },
    },
    {
      name: 'release.list',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/releases$`),
      handle: ({ params: [o, r], path, query }) => {
        const { page, headers } = paginate([...releases].reverse(), base, path, query);
        return { status: 200, body: page.map((x) => releaseJson(o!, r!, x)), headers };
      },
    },
    {
      name: 'release.create',
      method: 'POST',
      pattern: new RegExp(`^${REPO}/releases$`),
      handle: ({ params: [o, r], json }) => {
        const b = json();
        const tag = String(b.tag_name ?? '');
        if (!tag) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }] } };
        if (releases.some((x) => x.tag_name === tag)) return validation('Release', 'tag_name');
        const rel = addRelease({ tag, draft: b.draft === true });
        if (typeof b.target_commitish === 'string') rel.target_commitish = b.target_commitish;
        if (typeof b.name === 'string') rel.name = b.name;
        return { status: 201, body: releaseJson(o!, r!, rel) };
      },
    },
    {
      name: 'assets.list',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/releases/(\\d+)/assets$`),
      handle: ({ params: [o, r, rid], path, query }) => {
        const rel = releases.find((x) => x.id === Number(rid));
        if (!rel) return notFound;
        const { page, headers } = paginate(rel.assets, base, path, query);
        return { status: 200, body: page.map((a) => assetJson(o!, r!, rel, a)), headers };
      },
    },
    {
      name: 'assets.delete',
      method: 'DELETE',
      pattern: new RegExp(`^${REPO}/releases/assets/(\\d+)$`),
      handle: ({ params: [, , aid] }) => {
        for (const rel of releases) {
          const i = rel.assets.findIndex((a) => a.id === Number(aid));
          if (i >= 0) {
            rel.assets.splice(i, 1);
            return { status: 204 };
          }
        }
        return notFound;
      },
    },
    {
      name: 'assets.upload',
      method: 'POST',
      pattern: new RegExp(`^/uploads${REPO}/releases/(\\d+)/assets$`),
      handle: ({ params: [o, r, rid], query, body, headers }) => {
        const rel = releases.find((x) => x.id === Number(rid));
        if (!rel) return notFound;
        const name = query.get('name');
        if (!name) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }] } };
        if (rel.assets.some((a) => a.name === name)) return validation('ReleaseAsset', 'name');
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared !== body.length) return { status: 400, body: { message: 'content-length mismatch' } };
        const a: StandinAsset = {
          id: id(),
          name,
          label: query.get('label'),
          content_type: String(headers['content-type'] ?? 'application/octet-stream'),
          size: body.length,
          state: 'uploaded',
          data: body,
          created_at: now(),
        };
        rel.assets.push(a);
        return { status: 201, body: assetJson(o!, r!, rel, a) };
      },
    },
    {
      name: 'comments.list',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
      handle: ({ params: [o, r, n], path, query }) => {
        const { page, headers } = paginate(comments.filter((c) => c.issue === Number(n)), base, path, query);
        return { status: 200, body: page.map((c) => commentJson(o!, r!, c)), headers };
      },
    },
    {
      name: 'comments.create',
      method: 'POST',
      pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
      handle: ({ params: [o, r, n], json }) => {
        const body = json().body;
        if (typeof body !== 'string' || body.length === 0) return { status: 422, body: { message: 'Validation Failed' } };
        if (body.length > 65536) return { status: 422, body: { message: 'Body is too long (maximum is 65536 characters)' } };
        return { status: 201, body: commentJson(o!, r!, addComment(Number(n), body)) };
      },
    },
    {
      name: 'comments.update',
      method: 'PATCH',
      pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
      handle: ({ params: [o, r, cid], json }) => {
        const c = comments.find((x) => x.id === Number(cid));
        if (!c) return notFound;
        if (c.user.login !== login) return { status: 403, body: { message: 'Resource not accessible by integration' } };
        const body = json().body;
        if (typeof body !== 'string' || body.length > 65536) return { status: 422, body: { message: 'Validation Failed' } };
        c.body = body;
        c.updated_at = now();
        return { status: 200, body: commentJson(o!, r!, c) };
      },
    },
    {
      name: 'comments.delete',
      method: 'DELETE',
      pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
      handle: ({ params: [, , cid] }) => {
        const i = comments.findIndex((x) => x.id === Number(cid));
        if (i < 0) return notFound;
        comments.splice(i, 1);
        return { status: 204 };
      },
    },
    {
      name: 'runs.list',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/actions/workflows/([^/]+)/runs$`),
      handle: ({ params: [o, r, wf], query }) => {
        const branch = query.get('branch');
        const status = query.get('status');
        const event = query.get('event');
        const perPage = Number(query.get('per_page') ?? 30);
        const hits = runs
          .filter((x) => x.path.endsWith(`/${wf}`) || String(x.id) === wf)
          .filter((x) => !branch || x.head_branch === branch)
          .filter((x) => !status || x.conclusion === status || x.status === status)
          .filter((x) => !event || (x.event ?? 'push') === event)
          .sort((a, b) => b.id - a.id);
        return { status: 200, body: { total_count: hits.length, workflow_runs: hits.slice(0, perPage).map((x) => runJson(o!, r!, x)) } };
      },
    },
    {
      name: 'artifacts.list',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/actions/runs/(\\d+)/artifacts$`),
      handle: ({ params: [o, r, rid], query }) => {
        const name = query.get('name');
        const list = (runArtifacts.get(Number(rid)) ?? []).filter((a) => !name || a.name === name);
        return {
          status: 200,
          body: {
            total_count: list.length,
            artifacts: list.map((a) => ({
              id: a.id,
              name: a.name,
              size_in_bytes: a.size_in_bytes ?? 0,
              expired: a.expired ?? false,
              digest: a.digest ?? null,
              archive_download_url: `${base}/repos/${o}/${r}/actions/artifacts/${a.id}/zip`,
              created_at: now(),
              workflow_run: { id: Number(rid) },
            })),
          },
        };
      },
    },
    {
      name: 'artifacts.zip',
      method: 'GET',
      pattern: new RegExp(`^${REPO}/actions/artifacts/(\\d+)/zip$`),
      handle: ({ params: [, , aid] }) => {
        const blob = [...runArtifacts.values()].flat().find((x) => x.id === Number(aid))?.zip ? `${base}/_blobs/artifacts/${aid}` : undefined;
        const location = options.artifactDownloadUrl?.(Number(aid)) ?? blob;
        return location ? { status: 302, headers: { location } } : notFound;
      },
    },
    {
      name: 'attestations.create',
      method: 'POST',
      pattern: new RegExp(`^${REPO}/attestations$`),
      handle: ({ params: [o, r], json }) => {
        const bundle = json().bundle as { mediaType?: unknown } | undefined;
        if (!bundle || typeof bundle !== 'object' || typeof bundle.mediaType !== 'string') {
          return { status: 422, body: { message: 'Invalid request.\n\n"bundle" is not a Sigstore bundle' } };
        }
        const a = { id: id(), repo: `${o}/${r}`, bundle };
        attestations.push(a);
        return { status: 201, body: { id: a.id } };
      },
    },
  ];

  const http = await startHttp(routes, {
    authorize: ({ headers }, route) => {
      const auth = String(headers.authorization ?? '');
      const m = /^(?:token|bearer)\s+(.+)$/i.exec(auth);
      if (!m) return { status: 401, body: { message: 'Requires authentication' } };
      if (options.token !== undefined && m[1] !== options.token) return { status: 401, body: { message: 'Bad credentials' } };
      const need = ROUTE_PERMISSIONS[route.name];
      if (options.permissions && need && !grants(options.permissions, need)) {
        return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } };
      }
      return undefined;
    },
  });
  base = http.url;
  return {
    ...http,
    apiUrl: http.url,
    releases,
    comments,
    runs,
    runArtifacts,
    attestations,
    owners,
    addRelease,
    addComment,
    addRun: (run, artifacts = []) => {
      runs.push(run);
      runArtifacts.set(run.id, artifacts);
    },
    options,
  };
}

/** A throwaway token value the stand-in accepts when started with it. */
export function fakeGitHubToken(): string {
  return `ghs_${randomUUID().replaceAll('-', '')}`;
}
