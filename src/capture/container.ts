import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fromKubernetes } from './kubernetes.js';

/**
 * The image a containerised job runs in, detected instead of typed. Sources, in order:
 *  - Docker's API (the job container of a GitHub `container:` job has the runner's Docker
 *    socket mounted): the container's image and its registry digest (RepoDigests);
 *  - Kubernetes: the pod's own status from the API server (the digest the node pulled),
 *    or a downward-API file the user maps (kubernetes.ts);
 *  - Podman's /run/.containerenv (`image=`, `imageid=`).
 * Every lookup is time-bounded and never fails a build. Outside a container nothing is said;
 * in a Docker container (or a pod) whose image cannot be read, what was tried and why it
 * failed becomes one note with the fix (the build reports notes as warnings).
 * Only a registry digest pins an image; a local image id is recorded as an annotation.
 */
export interface DetectedImage {
  /** An image reference, `REPO[:TAG]@sha256:…` when the registry digest is known. */
  reference: string;
  source: string;
  /** The local image id (config digest), when that is all there is. */
  imageId?: string;
}

export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  /** Files read, overridable for tests. */
  containerenv?: string;
  dockerenv?: string;
  mountinfo?: string;
  cgroup?: string;
  timeoutMs?: number;
  /** Why a source that applies (a pod) gave no image: RBAC, timeout, TLS… */
  onNote?: (message: string) => void;
}

export async function detectImage(opts: DetectOptions = {}): Promise<DetectedImage | undefined> {
  const env = opts.env ?? process.env;
  const note = opts.onNote ?? (() => {});
  const docker = await fromDocker(opts, env);
  if (docker && 'image' in docker) return docker.image;
  let podNoted = false;
  const pod = await fromKubernetes({ env, timeoutMs: opts.timeoutMs ?? 3_000, note: (m) => ((podNoted = true), note(m)) });
  if (pod) return pod;
  const podman = fromPodman(opts.containerenv ?? path.join(env.ML_PROVENANCE_SYSROOT || '/', 'run/.containerenv'));
  if (podman) return podman;
  // One warning, not two: in a pod, the Kubernetes note already says what to do.
  if (docker && !podNoted) note(docker.problem);
  return undefined;
}

/** `/run/.containerenv`: key="value" lines written by Podman (filled in for most containers). */
export function parseContainerenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z]+)="(.*)"$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

function fromPodman(file: string): DetectedImage | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const kv = parseContainerenv(text);
  if (!kv.image) return undefined;
  return { reference: kv.image, source: 'podman /run/.containerenv', ...(kv.imageid ? { imageId: kv.imageid } : {}) };
}

/** The 64-hex container id from /proc/self/mountinfo (Docker's /etc/hostname bind mount), else undefined. */
export function containerIdFromMountinfo(text: string): string | undefined {
  return /\/(?:docker\/)?containers\/([a-f0-9]{64})\/(?:hostname|resolv\.conf|hosts)/.exec(text)?.[1];
}

/** The Docker container this process evidently runs in, and how that is known. */
interface DockerEvidence {
  id: string;
  /** What shows it is a Docker container, for the warning. */
  because: string;
}

/** The 64-hex container id from /proc/self/cgroup (cgroup v1 `/docker/ID`, systemd `docker-ID.scope`). */
export function containerIdFromCgroup(text: string): string | undefined {
  return /(?:\/docker\/|\/docker-)([a-f0-9]{64})(?:\.scope)?$/m.exec(text)?.[1];
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // not Linux, or not readable
  }
}

/**
 * Whether this process runs in a Docker container, and its id: an explicit variable, the
 * mountinfo (Docker's /etc/hostname bind mount), the cgroup, or /.dockerenv / a GitHub
 * `container:` job (workspace under /__w), where Docker sets the host name to the short id.
 */
function dockerEvidence(opts: DetectOptions, env: NodeJS.ProcessEnv): DockerEvidence | undefined {
  const root = env.ML_PROVENANCE_SYSROOT || '/';
  if (env.ML_PROVENANCE_CONTAINER_ID) return { id: env.ML_PROVENANCE_CONTAINER_ID, because: 'ML_PROVENANCE_CONTAINER_ID is set' };
  const fromMounts = containerIdFromMountinfo(readOr(opts.mountinfo ?? path.join(root, 'proc/self/mountinfo')) ?? '');
  if (fromMounts) return { id: fromMounts, because: '/proc/self/mountinfo shows a Docker container' };
  const fromCgroup = containerIdFromCgroup(readOr(opts.cgroup ?? path.join(root, 'proc/self/cgroup')) ?? '');
  if (fromCgroup) return { id: fromCgroup, because: '/proc/self/cgroup shows a Docker container' };
  if (existsSync(opts.dockerenv ?? path.join(root, '.dockerenv'))) return { id: os.hostname(), because: '/.dockerenv exists' };
  if (env.GITHUB_ACTIONS === 'true' && /^\/__w\//.test(env.GITHUB_WORKSPACE ?? '')) return { id: os.hostname(), because: 'this is a GitHub `container:` job' };
  return undefined;
}

type DockerResult = { image: DetectedImage } | { problem: string } | undefined;

const DOCKER_FIXES =
  'pass the image with its digest (`--image REF@sha256:…`, the action\'s `image` input), mount the Docker socket into the container (`-v /var/run/docker.sock:/var/run/docker.sock`; GitHub mounts it into `container:` jobs), or turn detection off (`--no-detect-image`, the action\'s `detect-image: false`)';

/** Docker's API over its unix socket; a container that cannot be read gives the reason, not silence. */
async function fromDocker(opts: DetectOptions, env: NodeJS.ProcessEnv): Promise<DockerResult> {
  const evidence = dockerEvidence(opts, env);
  if (!evidence) return undefined;
  const problem = (why: string, fixes = DOCKER_FIXES) => ({
    problem: `running in a Docker container (${evidence.because}) but its image could not be read from the Docker API: ${why}; the container image is not recorded — ${fixes}`,
  });
  const { id } = evidence;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) return problem('the container id is not a Docker container name or id', `set ML_PROVENANCE_CONTAINER_ID to this container's id, or ${DOCKER_FIXES}`);
  const host = env.DOCKER_HOST;
  let socket: string;
  if (host) {
    // Only the scheme is quoted: an ssh:// or tcp:// DOCKER_HOST may name a user or host.
    if (!host.startsWith('unix://')) return problem(`DOCKER_HOST uses ${/^[a-z][a-z0-9+.-]*:\/\//i.exec(host)?.[0] ?? 'a non-unix address'}, and only a unix socket is read`);
    socket = host.slice('unix://'.length);
  } else {
    socket = '/var/run/docker.sock';
    if (!existsSync(socket)) return problem(`the Docker socket ${socket} is not in the container (DOCKER_HOST is not set)`);
  }
  const timeoutMs = opts.timeoutMs ?? 3_000;
  const fail = (what: string, a: Exclude<ApiAnswer, { kind: 'ok' }>) => {
    switch (a.kind) {
      case 'timeout':
        return problem(`Docker did not answer within ${timeoutMs / 1000} s on ${socket} (${what})`);
      case 'error':
        if (a.code === 'EACCES' || a.code === 'EPERM')
          return problem(
            `permission denied opening the Docker socket ${socket}`,
            `run the job as a user in the socket's group (e.g. \`--group-add $(stat -c %g ${socket})\` or \`options: --group-add …\` in a GitHub \`container:\` job), or pass the image with its digest (\`--image REF@sha256:…\`, the action's \`image\` input), or turn detection off (\`--no-detect-image\`, the action's \`detect-image: false\`)`,
          );
        if (a.code === 'ENOENT') return problem(`the Docker socket ${socket} does not exist`);
        if (a.code === 'ECONNREFUSED') return problem(`nothing listens on the Docker socket ${socket} (connection refused)`);
        return problem(`could not connect to the Docker socket ${socket} (${a.code})`);
      case 'status':
        if (a.status === 404 && what === 'container inspect')
          return problem(
            `Docker answered HTTP 404 to container inspect of "${id}"${a.message ? ` (${a.message})` : ''}`,
            `set ML_PROVENANCE_CONTAINER_ID to this container's id when the host name is not it (\`--hostname\` changes it), or ${DOCKER_FIXES}`,
          );
        return problem(`Docker answered HTTP ${a.status} to ${what}${a.message ? ` (${a.message})` : ''}`);
    }
  };
  const c = await getJson(socket, `/containers/${encodeURIComponent(id)}/json`, timeoutMs);
  if (c.kind !== 'ok') return fail('container inspect', c);
  const container = c.body as { Image?: unknown; Config?: { Image?: unknown } } | undefined;
  const imageId = typeof container?.Image === 'string' ? container.Image : undefined;
  const configured = typeof container?.Config?.Image === 'string' ? container.Config.Image : undefined;
  if (!imageId) return problem(`container inspect of "${id}" names no image`);
  const i = await getJson(socket, `/images/${encodeURIComponent(imageId)}/json`, timeoutMs);
  if (i.kind !== 'ok') return fail('image inspect', i);
  const image = i.body as { RepoDigests?: unknown } | undefined;
  const repoDigests = Array.isArray(image?.RepoDigests) ? image.RepoDigests.filter((x): x is string => typeof x === 'string') : [];
  const repoOf = (r: string) => r.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
  // Prefer the digest of the repository the container was started from.
  const digestRef = repoDigests.find((r) => configured && repoOf(r) === repoOf(configured)) ?? repoDigests[0];
  if (digestRef) {
    const digest = digestRef.slice(digestRef.indexOf('@') + 1);
    const base = configured && !configured.includes('@') && repoOf(configured) === repoOf(digestRef) ? configured : repoOf(digestRef);
    return { image: { reference: `${base}@${digest}`, source: 'docker API (container inspect)', imageId } };
  }
  // No registry digest (built or loaded locally): recorded unpinned; the build warns about that.
  return { image: { reference: configured ?? imageId, source: 'docker API (container inspect)', imageId } };
}

type ApiAnswer = { kind: 'ok'; body: unknown } | { kind: 'status'; status: number; message?: string } | { kind: 'error'; code: string } | { kind: 'timeout' };

/** GET over a unix socket: the JSON body, or what went wrong (Docker's own `message` on an HTTP error). */
function getJson(socketPath: string, urlPath: string, timeoutMs: number): Promise<ApiAnswer> {
  return new Promise((resolve) => {
    let timedOut = false;
    const req = http.get({ socketPath, path: urlPath, timeout: timeoutMs, headers: { Host: 'docker' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 4 * 1024 * 1024) req.destroy();
        else chunks.push(c);
      });
      res.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        if (res.statusCode === 200) {
          resolve(body === undefined ? { kind: 'status', status: 200, message: 'not JSON' } : { kind: 'ok', body });
          return;
        }
        const m = (body as { message?: unknown } | undefined)?.message;
        // Docker's error text, one line and bounded (it names the container or image, nothing secret).
        resolve({ kind: 'status', status: res.statusCode ?? 0, ...(typeof m === 'string' && m ? { message: m.replace(/\s+/g, ' ').slice(0, 200) } : {}) });
      });
      res.on('error', () => resolve({ kind: 'error', code: 'response aborted' }));
    });
    req.on('timeout', () => {
      timedOut = true;
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(timedOut ? { kind: 'timeout' } : { kind: 'error', code: e.code ?? e.message }));
  });
}
