import { readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

/**
 * The image of the container this process runs in, when the job runs in a Kubernetes pod.
 * The downward API cannot expose an image digest, but the pod's own status can: the kubelet
 * fills `status.containerStatuses[].imageID` with the digest the node actually pulled. The
 * pod reads it with its service account (RBAC: `get` on `pods`, its own pod is enough).
 * A downward-API file the user maps (an annotation the deployer set) is the fallback.
 * Every lookup is time-bounded and never throws; whatever goes wrong becomes one note that
 * says where the value would have come from. The token never leaves the request header.
 */
export interface KubernetesImage {
  reference: string;
  source: string;
  imageId?: string;
}

export interface KubernetesOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  note: (message: string) => void;
}

/** Where a pod's service account is mounted (ML_PROVENANCE_K8S_SA_DIR overrides it, for tests). */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The pod annotation a downward-API file may carry the image in. */
export const IMAGE_ANNOTATION = 'ml-provenance.dev/image';

export async function fromKubernetes(o: KubernetesOptions): Promise<KubernetesImage | undefined> {
  const { env } = o;
  const apiUrl = apiBase(env);
  const file = env.ML_PROVENANCE_POD_ANNOTATIONS;
  if (!apiUrl && !file) return undefined;
  if (apiUrl) {
    const fromApi = await fromPodStatus(apiUrl, o);
    if (fromApi) return fromApi;
  }
  return file ? fromDownwardFile(file, o.note) : undefined;
}

/** The API server: ML_PROVENANCE_K8S_API_URL (tests, proxies), else the in-cluster service variables. */
function apiBase(env: NodeJS.ProcessEnv): string | undefined {
  if (env.ML_PROVENANCE_K8S_API_URL) return env.ML_PROVENANCE_K8S_API_URL.replace(/\/+$/, '');
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) return undefined;
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function readTrimmed(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

async function fromPodStatus(apiUrl: string, o: KubernetesOptions): Promise<KubernetesImage | undefined> {
  const { env, note } = o;
  const dir = env.ML_PROVENANCE_K8S_SA_DIR || SERVICE_ACCOUNT_DIR;
  const token = readTrimmed(path.join(dir, 'token'));
  const namespace = env.POD_NAMESPACE || readTrimmed(path.join(dir, 'namespace'));
  let ca: Buffer | undefined;
  try {
    ca = readFileSync(path.join(dir, 'ca.crt'));
  } catch {
    /* noted below */
  }
  if (!token || !namespace || !ca) {
    note(`running in Kubernetes but the pod's service account is not mounted (${dir}: token, namespace, ca.crt); the container image was not read from the pod's status — mount it (automountServiceAccountToken) or pass \`image\` with its digest`);
    return undefined;
  }
  // The pod name: a downward-API variable when the user maps one, else the host name
  // Kubernetes gives the pod (its name, unless spec.hostname/subdomain change it).
  const pod = env.ML_PROVENANCE_POD_NAME || env.POD_NAME || env.HOSTNAME || os.hostname();
  if (!DNS_LABEL.test(pod) || !DNS_LABEL.test(namespace)) {
    note('running in Kubernetes but the pod name or namespace is not a valid Kubernetes name; set POD_NAME from the downward API (fieldRef: metadata.name) or pass `image` with its digest');
    return undefined;
  }
  const where = `pod ${namespace}/${pod}`;
  const answer = await getPod(`${apiUrl}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`, token, ca, o.timeoutMs);
  if (answer.kind === 'timeout') {
    note(`the Kubernetes API did not answer within ${o.timeoutMs / 1000} s reading ${where}; the container image was not recorded from it — pass \`image\` with its digest`);
    return undefined;
  }
  if (answer.kind === 'error') {
    note(`could not reach the Kubernetes API to read ${where} (${answer.reason}); the container image was not recorded from it — pass \`image\` with its digest`);
    return undefined;
  }
  if (answer.status === 403) {
    note(`the Kubernetes API refused to read ${where} (HTTP 403): grant the pod's service account \`get\` on \`pods\` in ${namespace} (docs/RECORD.md has a Role), or pass \`image\` with its digest`);
    return undefined;
  }
  if (answer.status === 401) {
    note(`the Kubernetes API did not accept the pod's service-account token reading ${where} (HTTP 401); the container image was not recorded from it — pass \`image\` with its digest`);
    return undefined;
  }
  if (answer.status !== 200 || !answer.body) {
    note(`the Kubernetes API answered HTTP ${answer.status} reading ${where}${answer.status === 404 ? ' (is the pod name right? set POD_NAME from the downward API)' : ''}; the container image was not recorded from it — pass \`image\` with its digest`);
    return undefined;
  }
  return imageFromPod(answer.body, { explicit: env.ML_PROVENANCE_CONTAINER_NAME, generic: env.CONTAINER_NAME }, where, note);
}

interface ContainerStatus {
  name?: unknown;
  image?: unknown;
  imageID?: unknown;
}

/**
 * This container's image from a pod object (`GET /api/v1/namespaces/NS/pods/NAME`). The
 * container is the one ML_PROVENANCE_CONTAINER_NAME names (strictly), else the one
 * CONTAINER_NAME names when it matches one (a common but generic variable), else the pod's
 * only container.
 */
export function imageFromPod(body: unknown, name: { explicit?: string | undefined; generic?: string | undefined }, where: string, note: (m: string) => void): KubernetesImage | undefined {
  const statuses = ((body as { status?: { containerStatuses?: unknown } })?.status?.containerStatuses ?? []) as ContainerStatus[];
  const list = Array.isArray(statuses) ? statuses.filter((s) => s && typeof s === 'object') : [];
  let mine: ContainerStatus | undefined;
  if (name.explicit) {
    mine = list.find((s) => s.name === name.explicit);
    if (!mine) {
      note(`${where} has no container named by ML_PROVENANCE_CONTAINER_NAME; the container image was not recorded — check the name or pass \`image\` with its digest`);
      return undefined;
    }
  } else if (name.generic && list.some((s) => s.name === name.generic)) {
    mine = list.find((s) => s.name === name.generic);
  } else if (list.length === 1) {
    mine = list[0];
  } else {
    note(`${where} has ${list.length} containers and none is named: set ML_PROVENANCE_CONTAINER_NAME to this container's name, or pass \`image\` with its digest`);
    return undefined;
  }
  const image = typeof mine!.image === 'string' ? mine!.image : undefined;
  // Docker-based nodes prefix the pulled digest with docker-pullable://; containerd and CRI-O do not.
  const imageID = typeof mine!.imageID === 'string' ? mine!.imageID.replace(/^docker-pullable:\/\//, '') : undefined;
  const repoOf = (r: string) => r.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
  const pinned = imageID && /^[^@\s]+@sha256:[a-f0-9]{64}$/.test(imageID) ? imageID : undefined;
  if (pinned) {
    const digest = pinned.slice(pinned.indexOf('@') + 1);
    // Keep the tag the pod asked for when it names the same repository.
    const base = image && !image.includes('@') && repoOf(image) === repoOf(pinned) ? image : repoOf(pinned);
    return { reference: `${base}@${digest}`, source: 'kubernetes-api' };
  }
  if (!image) {
    note(`${where}: the container's status has no image yet; pass \`image\` with its digest`);
    return undefined;
  }
  // A locally loaded image (kind load, imagePullPolicy: Never) has only an image id.
  return { reference: image, source: 'kubernetes-api', ...(imageID ? { imageId: imageID } : {}) };
}

/**
 * A downward-API volume file: either the pod's annotations (`key="value"` lines, as
 * `fieldRef: metadata.annotations` writes them) carrying `ml-provenance.dev/image`, or a
 * single annotation mapped on its own (the file is the value).
 */
export function fromDownwardFile(file: string, note: (m: string) => void): KubernetesImage | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    note('ML_PROVENANCE_POD_ANNOTATIONS names a file that cannot be read; mount the downward-API volume there or unset it');
    return undefined;
  }
  const annotations = parseDownwardAnnotations(text);
  const value = annotations ? annotations[IMAGE_ANNOTATION] : text.trim();
  if (!value) {
    note(`the downward-API file named by ML_PROVENANCE_POD_ANNOTATIONS has no ${IMAGE_ANNOTATION} annotation; annotate the pod with its image (REPO@sha256:…)`);
    return undefined;
  }
  return { reference: value, source: `kubernetes downward-API file (${IMAGE_ANNOTATION}, as declared on the pod)` };
}

/** `key="value"` lines with Go-quoted values, or undefined when the file is not in that form. */
export function parseDownwardAnnotations(text: string): Record<string, string> | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const out: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Za-z0-9./_-]+)=("(?:[^"\\]|\\.)*")$/.exec(line.trim());
    if (!m) return undefined;
    try {
      out[m[1]!] = JSON.parse(m[2]!) as string;
    } catch {
      out[m[1]!] = m[2]!.slice(1, -1);
    }
  }
  return lines.length ? out : undefined;
}

type Answer = { kind: 'http'; status: number; body?: unknown } | { kind: 'timeout' } | { kind: 'error'; reason: string };

/** One GET, bounded in time and size; the answer or why there is none (never the token). */
function getPod(url: string, token: string, ca: Buffer, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (a: Answer) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(a);
      }
    };
    let req: ReturnType<typeof https.get>;
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      req?.destroy();
    }, timeoutMs);
    try {
      req = https.get(url, { ca, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > 4 * 1024 * 1024) {
            finish({ kind: 'error', reason: 'the pod object is larger than 4 MB' });
            req.destroy();
          } else chunks.push(c);
        });
        res.on('end', () => {
          if (status !== 200) return finish({ kind: 'http', status });
          try {
            finish({ kind: 'http', status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch {
            finish({ kind: 'error', reason: 'the answer is not JSON' });
          }
        });
        res.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'error', reason: e.code ?? 'connection reset' }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'error', reason: describe(e) }));
    } catch (e) {
      finish({ kind: 'error', reason: describe(e as NodeJS.ErrnoException) });
    }
  });
}

/** An error's code (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE…), never its full text. */
function describe(e: NodeJS.ErrnoException): string {
  return e.code ?? 'request failed';
}
