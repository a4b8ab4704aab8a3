// The container image of a job running in a Kubernetes pod, read the way a pod reads it:
// HTTPS to the API server with the service account's token and CA. The API server here is a
// real HTTPS stand-in on 127.0.0.1 whose certificate is issued by a CA openssl makes for the
// test (as the cluster CA is mounted at .../serviceaccount/ca.crt); it answers
// GET /api/v1/namespaces/NS/pods/NAME with a pod object shaped as kube-apiserver returns
// it, and a Status object for 403, as RBAC does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectImage } from '../../src/capture/container.js';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { CLI, cleanEnv, copyExample, execAsync, train } from '../helpers/run.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.sa-token-for-tests.c2lnbmF0dXJl';
const NS = 'ml-training';
const POD = 'train-job-7xk2p';
const DIGEST = 'd'.repeat(64);

type Mode = 'ok' | 'forbidden' | 'hang' | 'two-containers' | 'docker-pullable' | 'local-image';
let mode: Mode = 'ok';
const seen: Array<{ path: string; auth?: string }> = [];
let server: https.Server;
let port: number;
let dir: string;
let saDir: string;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function pod(statuses: object[]): object {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: POD, namespace: NS, uid: '4f1c2a9e-0000-4000-8000-000000000001', labels: { 'job-name': 'train-job' } },
    spec: { containers: statuses.map((s) => ({ name: (s as { name: string }).name, image: (s as { image: string }).image })), serviceAccountName: 'trainer' },
    status: { phase: 'Running', containerStatuses: statuses },
  };
}

const running = { ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2026-11-28T20:00:00Z' } } };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-k8s-'));
  // A cluster CA and an API server certificate for 127.0.0.1, as kubeadm would issue them.
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=kubernetes');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver');
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext');
  saDir = path.join(dir, 'serviceaccount');
  mkdirSync(saDir);
  writeFileSync(path.join(saDir, 'token'), TOKEN);
  writeFileSync(path.join(saDir, 'namespace'), NS);
  writeFileSync(path.join(saDir, 'ca.crt'), readFileSync(path.join(dir, 'ca.crt')));

  server = https.createServer({ key: readFileSync(path.join(dir, 'server.key')), cert: readFileSync(path.join(dir, 'server.crt')) }, (req, res) => {
    seen.push({ path: req.url ?? '', ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
    res.setHeader('Content-Type', 'application/json');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.statusCode = 401;
      return res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }));
    }
    if (mode === 'hang') return; // never answers
    if (req.url !== `/api/v1/namespaces/${NS}/pods/${POD}`) {
      res.statusCode = 404;
      return res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
    }
    if (mode === 'forbidden') {
      res.statusCode = 403;
      return res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `pods "${POD}" is forbidden: User "system:serviceaccount:${NS}:trainer" cannot get resource "pods" in API group "" in the namespace "${NS}"`,
          reason: 'Forbidden',
          details: { name: POD, kind: 'pods' },
          code: 403,
        }),
      );
    }
    const trainer = { name: 'trainer', image: 'ghcr.io/acme/train:1.4', imageID: `ghcr.io/acme/train@sha256:${DIGEST}`, containerID: 'containerd://' + 'a'.repeat(64), ...running };
    const statuses =
      mode === 'two-containers'
        ? [trainer, { name: 'log-shipper', image: 'docker.io/fluent/fluent-bit:3.1', imageID: `docker.io/fluent/fluent-bit@sha256:${'e'.repeat(64)}`, ...running }]
        : mode === 'docker-pullable'
          ? [{ ...trainer, image: 'python:3.12', imageID: `docker-pullable://python@sha256:${DIGEST}` }]
          : mode === 'local-image'
            ? [{ ...trainer, image: 'docker.io/library/train:dev', imageID: `sha256:${'c'.repeat(64)}` }]
            : [trainer];
    res.end(JSON.stringify(pod(statuses)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

/** A pod's environment: the in-cluster service variables, the pod's host name, our service-account folder. */
const podEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  KUBERNETES_SERVICE_HOST: '127.0.0.1',
  KUBERNETES_SERVICE_PORT: String(port),
  HOSTNAME: POD,
  ML_PROVENANCE_K8S_SA_DIR: saDir,
  ...extra,
});

async function detect(env: NodeJS.ProcessEnv, timeoutMs = 3_000) {
  const notes: string[] = [];
  const image = await detectImage({ env, containerenv: '/nonexistent', dockerenv: '/nonexistent', mountinfo: '/nonexistent', timeoutMs, onNote: (m) => notes.push(m) });
  return { image, notes };
}

describe('container image from the Kubernetes API (pod status)', () => {
  it('reads its own pod over HTTPS with the service account token and the cluster CA: the digest the node pulled, tag kept', async () => {
    mode = 'ok';
    const before = seen.length;
    const { image, notes } = await detect(podEnv());
    expect(notes).toEqual([]);
    expect(image).toEqual({ reference: `ghcr.io/acme/train:1.4@sha256:${DIGEST}`, source: 'kubernetes-api' });
    expect(seen.slice(before)).toEqual([{ path: `/api/v1/namespaces/${NS}/pods/${POD}`, auth: `Bearer ${TOKEN}` }]);
  });

  it('the pod name from a downward-API variable (POD_NAME) over the host name; the API URL override', async () => {
    mode = 'ok';
    const { image } = await detect({ ML_PROVENANCE_K8S_API_URL: `https://127.0.0.1:${port}/`, ML_PROVENANCE_K8S_SA_DIR: saDir, HOSTNAME: 'custom-hostname', POD_NAME: POD });
    expect(image?.reference).toBe(`ghcr.io/acme/train:1.4@sha256:${DIGEST}`);
  });

  it('one container: found whatever an unrelated CONTAINER_NAME says', async () => {
    mode = 'ok';
    expect((await detect(podEnv({ CONTAINER_NAME: 'something-else' }))).image?.reference).toBe(`ghcr.io/acme/train:1.4@sha256:${DIGEST}`);
  });

  it('several containers: the one named by ML_PROVENANCE_CONTAINER_NAME (or CONTAINER_NAME); unnamed, a note says to name it', async () => {
    mode = 'two-containers';
    expect((await detect(podEnv({ ML_PROVENANCE_CONTAINER_NAME: 'trainer' }))).image?.reference).toBe(`ghcr.io/acme/train:1.4@sha256:${DIGEST}`);
    expect((await detect(podEnv({ CONTAINER_NAME: 'log-shipper' }))).image?.reference).toBe(`docker.io/fluent/fluent-bit:3.1@sha256:${'e'.repeat(64)}`);
    const unnamed = await detect(podEnv());
    expect(unnamed.image).toBeUndefined();
    expect(unnamed.notes).toEqual([expect.stringMatching(/2 containers.*ML_PROVENANCE_CONTAINER_NAME/)]);
    const wrong = await detect(podEnv({ ML_PROVENANCE_CONTAINER_NAME: 'nope' }));
    expect(wrong.image).toBeUndefined();
    expect(wrong.notes).toEqual([expect.stringMatching(/no container named/)]);
  });

  it("Docker-based nodes' docker-pullable:// digests; a locally loaded image is recorded unpinned with its image id", async () => {
    mode = 'docker-pullable';
    expect((await detect(podEnv())).image).toEqual({ reference: `python:3.12@sha256:${DIGEST}`, source: 'kubernetes-api' });
    mode = 'local-image';
    expect((await detect(podEnv())).image).toEqual({ reference: 'docker.io/library/train:dev', source: 'kubernetes-api', imageId: `sha256:${'c'.repeat(64)}` });
  });

  it('RBAC refuses (403): no image, a note naming the permission to grant, never the token', async () => {
    mode = 'forbidden';
    const { image, notes } = await detect(podEnv());
    expect(image).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`refused to read pod ${NS}/${POD} \\(HTTP 403\\).*\`get\` on \`pods\``));
    expect(notes.join('')).not.toContain(TOKEN);
  });

  it('the API server does not answer: a note after the time limit, not a hang', async () => {
    mode = 'hang';
    const t0 = Date.now();
    const { image, notes } = await detect(podEnv(), 300);
    expect(image).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(notes).toEqual([expect.stringMatching(/did not answer within 0\.3 s/)]);
    expect(notes.join('')).not.toContain(TOKEN);
  });

  it('a certificate the cluster CA did not issue is refused (the token is not sent to it); the reason is the TLS code', async () => {
    mode = 'ok';
    const otherCa = path.join(dir, 'other-sa');
    mkdirSync(otherCa, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(otherCa, 'k'), '-out', path.join(otherCa, 'ca.crt'), '-days', '1', '-subj', '/CN=other'], { stdio: 'pipe' });
    writeFileSync(path.join(otherCa, 'token'), TOKEN);
    writeFileSync(path.join(otherCa, 'namespace'), NS);
    const before = seen.length;
    const { image, notes } = await detect(podEnv({ ML_PROVENANCE_K8S_SA_DIR: otherCa }));
    expect(image).toBeUndefined();
    expect(seen.length).toBe(before);
    expect(notes).toEqual([expect.stringMatching(/could not reach the Kubernetes API .*\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)\)/)]);
  });

  it('no service account mounted: a note; outside Kubernetes: nothing at all', async () => {
    const missing = await detect(podEnv({ ML_PROVENANCE_K8S_SA_DIR: path.join(dir, 'nope') }));
    expect(missing.image).toBeUndefined();
    expect(missing.notes).toEqual([expect.stringMatching(/service account is not mounted/)]);
    expect(await detect({ HOSTNAME: POD })).toEqual({ image: undefined, notes: [] });
  });
});

describe('container image from a downward-API file the user maps', () => {
  it('the annotations file (fieldRef: metadata.annotations) carrying ml-provenance.dev/image, or one annotation mapped alone', async () => {
    const all = path.join(dir, 'annotations');
    writeFileSync(all, `kubectl.kubernetes.io/default-container="trainer"\nml-provenance.dev/image="ghcr.io/acme/train:1.4@sha256:${DIGEST}"\n`);
    expect((await detect({ ML_PROVENANCE_POD_ANNOTATIONS: all })).image).toEqual({
      reference: `ghcr.io/acme/train:1.4@sha256:${DIGEST}`,
      source: 'kubernetes downward-API file (ml-provenance.dev/image, as declared on the pod)',
    });
    const one = path.join(dir, 'image');
    writeFileSync(one, `ghcr.io/acme/train@sha256:${DIGEST}`);
    expect((await detect({ ML_PROVENANCE_POD_ANNOTATIONS: one })).image?.reference).toBe(`ghcr.io/acme/train@sha256:${DIGEST}`);
    const other = path.join(dir, 'other-annotations');
    writeFileSync(other, 'team="vision"\n');
    expect((await detect({ ML_PROVENANCE_POD_ANNOTATIONS: other })).notes).toEqual([expect.stringMatching(/no ml-provenance\.dev\/image annotation/)]);
  });

  it('RBAC refuses the API: the mapped file is used and the note still says why the API was not', async () => {
    mode = 'forbidden';
    const one = path.join(dir, 'image');
    const { image, notes } = await detect(podEnv({ ML_PROVENANCE_POD_ANNOTATIONS: one }));
    expect(image?.source).toMatch(/downward-API file/);
    expect(notes).toEqual([expect.stringMatching(/HTTP 403/)]);
  });
});

describe('`ml-provenance build` in a pod (dist/cli.js)', () => {
  let ws: string;
  beforeAll(() => {
    ws = copyExample({ git: true });
    train(ws);
  }, 120_000);

  const build = (out: string, env: NodeJS.ProcessEnv) =>
    execAsync(process.execPath, [CLI, 'build', '--subject', 'model/model.json', '--python-env', 'none', '--policy', 'none', '--out', out], { cwd: ws, env: { ...cleanEnv(), ...env } });

  it('records the pod\'s image digest and where it came from', async () => {
    mode = 'ok';
    const r = await build('st.json', podEnv());
    expect(r.code, r.stderr).toBe(0);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st.json'), 'utf8')));
    expect(st.predicate.image).toMatchObject({ uri: 'oci://ghcr.io/acme/train:1.4', digest: { sha256: DIGEST }, source: 'kubernetes-api' });
    expect(st.predicate.buildDefinition.resolvedDependencies).toContainEqual({ uri: 'oci://ghcr.io/acme/train:1.4', digest: { sha256: DIGEST }, name: 'image' });
    expect(r.stderr + r.stdout).not.toContain(TOKEN);
  });

  it('RBAC refuses: the build succeeds with a warning naming the fix; no image, no token anywhere', async () => {
    mode = 'forbidden';
    const r = await build('st-403.json', podEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/HTTP 403.*`get` on `pods`/);
    const text = readFileSync(path.join(ws, 'st-403.json'), 'utf8');
    expect(text).not.toContain('kubernetes-api');
    expect(text + r.stderr + r.stdout).not.toContain(TOKEN);
  });
});
