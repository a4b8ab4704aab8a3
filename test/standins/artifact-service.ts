/**
 * An Actions artifact service stand-in, enough for the real @actions/artifact
 * (v2+ protocol) to upload and download over real HTTP:
 *
 *  - twirp JSON on ACTIONS_RESULTS_URL:
 *    POST /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,
 *    FinalizeArtifact, ListArtifacts, GetSignedArtifactURL, DeleteArtifact},
 *    authorised by the runtime JWT (ACTIONS_RUNTIME_TOKEN) whose `scp` claim names
 *    `Actions.Results:<runBackendId>:<jobBackendId>`;
 *  - Azure-style blob storage behind the signed URLs: PUT ?comp=block&blockid=…
 *    (staged blocks), PUT ?comp=blocklist (commit), a plain PUT (single shot),
 *    and GET. The URL path is IP-style (`/<account>/<container>/<blob>`), which is
 *    how the Azure SDK reads a URL whose host is an IP address.
 *
 * Route names (for faults and `received`): CreateArtifact, FinalizeArtifact,
 * ListArtifacts, GetSignedArtifactURL, DeleteArtifact, blob.put, blob.get.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { type HttpStandin, type Reply, type Route, type RouteRequest, startHttp } from './github-http.js';

export type { Fault, RecordedRequest } from './github-http.js';

const SERVICE = 'github.actions.results.api.v1.ArtifactService';
const ACCOUNT = 'devstoreaccount1';
const CONTAINER = 'actions-results';

export interface StoredArtifact {
  databaseId: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blobPath: string;
  mimeType?: string;
  expiresAt?: string;
  createdAt: string;
  finalized: boolean;
  size?: number;
  /** `sha256:<hex>` as reported at finalize. */
  hash?: string;
}

interface Blob {
  blocks: Map<string, Buffer>;
  data?: Buffer;
  contentType?: string;
}

export interface ArtifactServiceStandin extends HttpStandin {
  /** ACTIONS_RESULTS_URL */
  resultsUrl: string;
  artifacts: StoredArtifact[];
  /** A runtime token for one run and job (ACTIONS_RUNTIME_TOKEN). */
  runtimeToken(runBackendId?: string, jobBackendId?: string): string;
  /** The committed bytes of an artifact's blob (the zip). */
  blob(databaseId: number): Buffer | undefined;
  /** A signed GET URL for an artifact, as GitHub's REST API redirects to. */
  signedDownloadUrl(databaseId: number): string | undefined;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export async function startArtifactService(): Promise<ArtifactServiceStandin> {
  const secret = randomUUID();
  const artifacts: StoredArtifact[] = [];
  const blobs = new Map<string, Blob>();
  const sigs = new Map<string, string>();
  let nextId = 5000;
  let base = '';

  const sign = (path: string, perm: 'r' | 'w'): string => {
    const sig = createHmac('sha256', secret).update(`${perm}:${path}`).digest('base64url');
    sigs.set(sig, path);
    const se = new Date(Date.now() + 3600_000).toISOString();
    return `${base}${path}?sv=2023-11-03&sp=${perm}&se=${encodeURIComponent(se)}&sig=${sig}`;
  };
  const sigOk = (req: RouteRequest, perm: 'r' | 'w'): boolean => {
    const sig = req.query.get('sig') ?? '';
    const want = createHmac('sha256', secret).update(`${perm}:${req.path}`).digest('base64url');
    return sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want));
  };

  const runtimeToken = (run = randomUUID(), job = randomUUID()): string => {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({ scp: `Actions.GenericRead:00000000 Actions.Results:${run}:${job}`, exp: Math.floor(Date.now() / 1000) + 3600 }),
    );
    const s = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${s}`;
  };

  /** The run/job the bearer token is for, or a twirp error. */
  const caller = (req: RouteRequest): { run: string; job: string } | Reply => {
    const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    const parts = m?.[1]?.split('.');
    if (!parts || parts.length !== 3) return twirpError(401, 'unauthenticated', 'missing runtime token');
    const want = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest('base64url');
    if (want !== parts[2]) return twirpError(401, 'unauthenticated', 'runtime token signature invalid');
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { scp?: string };
    const scope = (claims.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'));
    const [, run, job] = scope?.split(':') ?? [];
    if (!run || !job) return twirpError(403, 'permission_denied', 'token has no Actions.Results scope');
    return { run, job };
  };

  const twirpError = (status: number, code: string, msg: string): Reply => ({ status, body: { code, msg } });

  const artifactJson = (a: StoredArtifact): Record<string, unknown> => ({
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.databaseId),
    name: a.name,
    size: String(a.size ?? 0),
    created_at: a.createdAt,
    ...(a.hash ? { digest: a.hash } : {}),
  });

  const twirp = (method: string, fn: (b: Record<string, unknown>, who: { run: string; job: string }) => Reply): Route => ({
    name: method,
    method: 'POST',
    pattern: new RegExp(`^/twirp/${SERVICE.replaceAll('.', '\\.')}/${method}$`),
    handle: (req) => {
      const who = caller(req);
      if ('status' in who) return who;
      if (!/application\/json/.test(String(req.headers['content-type'] ?? ''))) {
        return twirpError(415, 'bad_route', 'this stand-in speaks twirp JSON only');
      }
      const b = req.json();
      if (b.workflow_run_backend_id !== undefined && b.workflow_run_backend_id !== who.run) {
        return twirpError(403, 'permission_denied', 'workflow_run_backend_id does not match the token');
      }
      return fn(b, who);
    },
  });

  const routes = (): Route[] => [
    twirp('CreateArtifact', (b, who) => {
      const name = String(b.name ?? '');
      if (!name) return twirpError(400, 'invalid_argument', 'name is required');
      if (b.version !== 4 && b.version !== 7) return twirpError(400, 'invalid_argument', `unsupported version ${String(b.version)}`);
      if (artifacts.some((a) => a.runBackendId === who.run && a.name === name && a.finalized)) {
        return twirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run: ${name}`);
      }
      // An unfinalized artifact of the same name (a retried create) is replaced.
      const i = artifacts.findIndex((a) => a.runBackendId === who.run && a.name === name);
      if (i >= 0) artifacts.splice(i, 1);
      const blobPath = `/${ACCOUNT}/${CONTAINER}/${randomUUID()}/${encodeURIComponent(name)}.zip`;
      const mime = b.mime_type;
      artifacts.push({
        databaseId: nextId++,
        runBackendId: who.run,
        jobBackendId: String(b.workflow_job_run_backend_id ?? who.job),
        name,
        blobPath,
        ...(typeof mime === 'string' ? { mimeType: mime } : {}),
        ...(typeof b.expires_at === 'string' ? { expiresAt: b.expires_at } : {}),
        createdAt: new Date().toISOString(),
        finalized: false,
      });
      return { status: 200, body: { ok: true, signed_upload_url: sign(blobPath, 'w') } };
    }),
    twirp('FinalizeArtifact', (b, who) => {
      const a = artifacts.find((x) => x.runBackendId === who.run && x.name === b.name && !x.finalized);
      if (!a) return twirpError(404, 'not_found', `no artifact ${String(b.name)} being uploaded`);
      const blob = blobs.get(a.blobPath)?.data;
      if (!blob) return twirpError(400, 'failed_precondition', 'blob was never committed');
      if (String(b.size) !== String(blob.length)) return twirpError(400, 'invalid_argument', `size ${String(b.size)} != ${blob.length}`);
      const hash = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
      if (typeof b.hash === 'string' && b.hash !== hash) return twirpError(400, 'invalid_argument', `hash ${b.hash} != ${hash}`);
      a.finalized = true;
      a.size = blob.length;
      a.hash = hash;
      return { status: 200, body: { ok: true, artifact_id: String(a.databaseId) } };
    }),
    twirp('ListArtifacts', (b, who) => {
      const list = artifacts
        .filter((a) => a.finalized && a.runBackendId === who.run)
        .filter((a) => b.name_filter === undefined || a.name === b.name_filter)
        .filter((a) => b.id_filter === undefined || String(a.databaseId) === String(b.id_filter));
      return { status: 200, body: { artifacts: list.map(artifactJson) } };
    }),
    twirp('GetSignedArtifactURL', (b, who) => {
      const a = artifacts.find((x) => x.finalized && x.runBackendId === who.run && x.name === b.name);
      if (!a) return twirpError(404, 'not_found', `no artifact ${String(b.name)}`);
      return { status: 200, body: { signed_url: sign(a.blobPath, 'r') } };
    }),
    twirp('DeleteArtifact', (b, who) => {
      const i = artifacts.findIndex((x) => x.finalized && x.runBackendId === who.run && x.name === b.name);
      if (i < 0) return twirpError(404, 'not_found', `no artifact ${String(b.name)}`);
      const [a] = artifacts.splice(i, 1);
      return { status: 200, body: { ok: true, artifact_id: String(a!.databaseId) } };
    }),
    {
      name: 'blob.put',
      method: 'PUT',
      pattern: new RegExp(`^/${ACCOUNT}/${CONTAINER}/.+$`),
      handle: (req) => {
        if (!sigOk(req, 'w')) return { status: 403, body: Buffer.from('<Error><Code>AuthenticationFailed</Code></Error>') };
        const blob = blobs.get(req.path) ?? { blocks: new Map<string, Buffer>() };
        blobs.set(req.path, blob);
        const comp = req.query.get('comp');
        const headers = {
          etag: `"0x${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}"`,
          'last-modified': new Date().toUTCString(),
          'x-ms-request-id': randomUUID(),
          'x-ms-version': '2023-11-03',
          'x-ms-request-server-encrypted': 'true',
        };
        if (comp === 'block') {
          const id = req.query.get('blockid');
          if (!id) return { status: 400, body: Buffer.from('<Error><Code>InvalidQueryParameterValue</Code></Error>') };
          blob.blocks.set(id, req.body);
          return { status: 201, headers };
        }
        if (comp === 'blocklist') {
          const ids = [...req.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\/(?:Latest|Uncommitted|Committed)>/g)].map(
            (m) => m[1]!,
          );
          const parts: Buffer[] = [];
          for (const id of ids) {
            const part = blob.blocks.get(id);
            if (!part) return { status: 400, body: Buffer.from('<Error><Code>InvalidBlockList</Code></Error>') };
            parts.push(part);
          }
          blob.data = Buffer.concat(parts);
          blob.blocks.clear();
          const ct = req.headers['x-ms-blob-content-type'];
          if (typeof ct === 'string') blob.contentType = ct;
          return { status: 201, headers };
        }
        if (comp) return { status: 400, body: Buffer.from('<Error><Code>UnsupportedQueryParameter</Code></Error>') };
        blob.data = req.body;
        const ct = req.headers['x-ms-blob-content-type'];
        if (typeof ct === 'string') blob.contentType = ct;
        return { status: 201, headers };
      },
    },
    {
      name: 'blob.get',
      method: 'GET',
      pattern: new RegExp(`^/${ACCOUNT}/${CONTAINER}/.+$`),
      handle: (req) => {
        if (!sigOk(req, 'r')) return { status: 403, body: Buffer.from('<Error><Code>AuthenticationFailed</Code></Error>') };
        const data = blobs.get(req.path)?.data;
        if (!data) return { status: 404, body: Buffer.from('<Error><Code>BlobNotFound</Code></Error>') };
        return { status: 200, body: data, headers: { 'content-type': blobs.get(req.path)?.contentType ?? 'application/zip' } };
      },
    },
  ];

  const http = await startHttp(routes);
  base = http.url;
  return {
    ...http,
    resultsUrl: http.url,
    artifacts,
    runtimeToken,
    blob: (id) => {
      const a = artifacts.find((x) => x.databaseId === id);
      return a ? blobs.get(a.blobPath)?.data : undefined;
    },
    signedDownloadUrl: (id) => {
      const a = artifacts.find((x) => x.databaseId === id && x.finalized);
      return a ? sign(a.blobPath, 'r') : undefined;
    },
  };
}

/** The files of a zip (what @actions/artifact uploads), by name. Stored and deflated entries. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lName = zip.readUInt16LE(local + 26);
    const lExtra = zip.readUInt16LE(local + 28);
    const start = local + 30 + lName + lExtra;
    const raw = zip.subarray(start, start + csize);
    if (!name.endsWith('/')) out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
