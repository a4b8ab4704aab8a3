import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { fromKubernetes } from './kubernetes.js';

/**
 * The image a containerised job runs in, detected instead of typed. Sources, in order:
 *  - Docker's API (the job container of a GitHub `container:` job has the runner's Docker
 *    socket mounted): the container's image and its registry digest (RepoDigests);
 *  - Kubernetes: the pod's own status from the API server (the digest the node pulled),
 *    or a downward-API file the user maps (kubernetes.ts);
 *  - Podman's /run/.containerenv (`image=`, `imageid=`).
 * Every lookup is time-bounded and never fails a build: Docker and Podman are silent when
 * absent; in a pod, what kept the image from being read becomes a note.
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
  timeoutMs?: number;
  /** Why a source that applies (a pod) gave no image: RBAC, timeout, TLS… */
  onNote?: (message: string) => void;
}

export async function detectImage(opts: DetectOptions = {}): Promise<DetectedImage | undefined> {
  const env = opts.env ?? process.env;
  const docker = await fromDocker(opts, env);
  if (docker) return docker;
  const pod = await fromKubernetes({ env, timeoutMs: opts.timeoutMs ?? 3_000, note: opts.onNote ?? (() => {}) });
  if (pod) return pod;
  return fromPodman(opts.containerenv ?? '/run/.containerenv');
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

function dockerSocket(env: NodeJS.ProcessEnv): string | undefined {
  const host = env.DOCKER_HOST;
  if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
  return existsSync('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined;
}

async function fromDocker(opts: DetectOptions, env: NodeJS.ProcessEnv): Promise<DetectedImage | undefined> {
  const socket = dockerSocket(env);
  if (!socket) return undefined;
  // Only inside a container: the id comes from an explicit variable, the mountinfo, or
  // (inside a container, where Docker sets it to the short id) the host name.
  let id = env.ML_PROVENANCE_CONTAINER_ID;
  if (!id) {
    try {
      id = containerIdFromMountinfo(readFileSync(opts.mountinfo ?? '/proc/self/mountinfo', 'utf8'));
    } catch {
      /* not Linux */
    }
  }
  if (!id && existsSync(opts.dockerenv ?? '/.dockerenv')) id = os.hostname();
  if (!id || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) return undefined;
  const timeoutMs = opts.timeoutMs ?? 3_000;
  const container = (await getJson(socket, `/containers/${encodeURIComponent(id)}/json`, timeoutMs)) as
    | { Image?: unknown; Config?: { Image?: unknown } }
    | undefined;
  const imageId = typeof container?.Image === 'string' ? container.Image : undefined;
  const configured = typeof container?.Config?.Image === 'string' ? container.Config.Image : undefined;
  if (!imageId) return undefined;
  const image = (await getJson(socket, `/images/${encodeURIComponent(imageId)}/json`, timeoutMs)) as { RepoDigests?: unknown } | undefined;
  const repoDigests = Array.isArray(image?.RepoDigests) ? image.RepoDigests.filter((x): x is string => typeof x === 'string') : [];
  const repoOf = (r: string) => r.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
  // Prefer the digest of the repository the container was started from.
  const digestRef = repoDigests.find((r) => configured && repoOf(r) === repoOf(configured)) ?? repoDigests[0];
  if (digestRef) {
    const digest = digestRef.slice(digestRef.indexOf('@') + 1);
    const base = configured && !configured.includes('@') && repoOf(configured) === repoOf(digestRef) ? configured : repoOf(digestRef);
    return { reference: `${base}@${digest}`, source: 'docker API (container inspect)', imageId };
  }
  return { reference: configured ?? imageId, source: 'docker API (container inspect)', imageId };
}

function getJson(socketPath: string, urlPath: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: urlPath, timeout: timeoutMs, headers: { Host: 'docker' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve(undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 4 * 1024 * 1024) req.destroy();
        else chunks.push(c);
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          resolve(undefined);
        }
      });
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}
