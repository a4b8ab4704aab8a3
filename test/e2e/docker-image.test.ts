// The container image of a job running in a Docker container, and what the user is told when
// it cannot be read. The Docker Engine API here is a real HTTP server on a unix socket in a
// temp dir answering as Docker does (its error bodies are `{"message": "..."}` with Docker's
// own text); a socket nobody listens on is a real bound-but-not-listening unix socket; the
// permission case connects as an unprivileged user, as a job container's user does. The
// container markers (/.dockerenv, /proc/self/*) are read under ML_PROVENANCE_SYSROOT.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectImage } from '../../src/capture/container.js';
import { TrainingStatement } from '../../src/schema/predicate.js';
import { CLI, cleanEnv, copyExample, execAsync, runActionAsync, train } from '../helpers/run.js';

const DIGEST = 'd'.repeat(64);
const IMAGE_ID = `sha256:${'c'.repeat(64)}`;
const CONTAINER = 'job-7f3a';

type Mode = 'ok' | 'no-repo-digest' | 'hang';
let mode: Mode = 'ok';
const servers: http.Server[] = [];
let dir: string;
let sock: string;
/** A root with /.dockerenv: "in a Docker container". */
let inDocker: string;
/** A root with none of the markers. */
let outside: string;

/** Docker Engine API stand-in: container inspect and image inspect, 404 bodies as dockerd writes them. */
function dockerApi(file: string): Promise<void> {
  const server = http.createServer((req, res) => {
    if (mode === 'hang') return; // accepts, never answers
    res.setHeader('Content-Type', 'application/json');
    if (req.url === `/containers/${CONTAINER}/json`) {
      res.end(JSON.stringify({ Id: 'f'.repeat(64), Name: `/${CONTAINER}`, Image: IMAGE_ID, Config: { Image: 'ghcr.io/acme/train:1.2', Hostname: CONTAINER } }));
    } else if (req.url === `/images/${encodeURIComponent(IMAGE_ID)}/json`) {
      res.end(JSON.stringify({ Id: IMAGE_ID, RepoTags: ['ghcr.io/acme/train:1.2'], RepoDigests: mode === 'no-repo-digest' ? [] : [`ghcr.io/acme/train@sha256:${DIGEST}`] }));
    } else {
      const m = /^\/containers\/([^/]+)\/json$/.exec(req.url ?? '');
      res.statusCode = 404;
      res.end(JSON.stringify({ message: m ? `No such container: ${decodeURIComponent(m[1]!)}` : 'page not found' }) + '\n');
    }
  });
  servers.push(server);
  return new Promise<void>((r) => server.listen(file, r));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mlp-docker-'));
  chmodSync(dir, 0o755);
  sock = path.join(dir, 'docker.sock');
  await dockerApi(sock);
  inDocker = path.join(dir, 'in-docker');
  mkdirSync(inDocker);
  writeFileSync(path.join(inDocker, '.dockerenv'), '');
  outside = path.join(dir, 'outside');
  mkdirSync(outside);
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function detect(env: NodeJS.ProcessEnv, timeoutMs = 3_000) {
  const notes: string[] = [];
  const image = await detectImage({ env, timeoutMs, onNote: (m) => notes.push(m) });
  return { image, notes };
}

describe('container image from the Docker API: failures are one warning with the fix', () => {
  it('reads the image when the socket answers (the container id from the host name Docker sets, or ML_PROVENANCE_CONTAINER_ID)', async () => {
    mode = 'ok';
    const { image, notes } = await detect({ ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${sock}`, ML_PROVENANCE_CONTAINER_ID: CONTAINER });
    expect(notes).toEqual([]);
    expect(image).toEqual({ reference: `ghcr.io/acme/train:1.2@sha256:${DIGEST}`, source: 'docker API (container inspect)', imageId: IMAGE_ID });
  });

  it('the container id from /proc/self/cgroup (cgroup v1 and systemd scopes)', async () => {
    const root = path.join(dir, 'cgroup-root');
    mkdirSync(path.join(root, 'proc/self'), { recursive: true });
    writeFileSync(path.join(root, 'proc/self/cgroup'), `12:memory:/docker/${'a'.repeat(64)}\n0::/\n`);
    const { image, notes } = await detect({ ML_PROVENANCE_SYSROOT: root, DOCKER_HOST: `unix://${sock}` });
    expect(image).toBeUndefined();
    // Docker's own 404 text, naming the id read from the cgroup.
    expect(notes).toEqual([expect.stringContaining(`/proc/self/cgroup shows a Docker container) but its image could not be read from the Docker API: Docker answered HTTP 404 to container inspect of "${'a'.repeat(64)}" (No such container: ${'a'.repeat(64)})`)]);
  });

  it('in a container without the socket: says what was tried and every way out', async () => {
    const { image, notes } = await detect({ ML_PROVENANCE_SYSROOT: inDocker });
    expect(image).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^running in a Docker container \(\/\.dockerenv exists\) but its image could not be read from the Docker API: the Docker socket \/var\/run\/docker\.sock is not in the container/);
    expect(notes[0]).toMatch(/`--image REF@sha256:…`, the action's `image` input.*-v \/var\/run\/docker\.sock:\/var\/run\/docker\.sock.*`--no-detect-image`/);
  });

  it('a GitHub `container:` job (workspace under /__w) is a container even without /.dockerenv', async () => {
    const { notes } = await detect({ ML_PROVENANCE_SYSROOT: outside, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/__w/repo/repo', DOCKER_HOST: path.join(dir, 'missing.sock') });
    expect(notes).toEqual([expect.stringMatching(/^running in a Docker container \(this is a GitHub `container:` job\).*DOCKER_HOST uses a non-unix address/)]);
  });

  it('DOCKER_HOST over TCP or SSH: not read, and the address is not quoted (only its scheme)', async () => {
    const { notes } = await detect({ ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: 'ssh://deploy@build-host.internal' });
    expect(notes).toEqual([expect.stringMatching(/DOCKER_HOST uses ssh:\/\/, and only a unix socket is read/)]);
    expect(notes.join('')).not.toContain('build-host.internal');
  });

  it('a socket file nobody listens on (a stale socket) and a missing DOCKER_HOST socket', async () => {
    const stale = path.join(dir, 'stale.sock');
    // A real unix socket, bound but not listening: connect() is refused, as after dockerd died.
    const py = spawnSync('python3', ['-c', 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])', stale], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const refused = await detect({ ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${stale}` });
    expect(refused.notes).toEqual([expect.stringContaining(`nothing listens on the Docker socket ${stale} (connection refused)`)]);
    const missing = await detect({ ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${path.join(dir, 'nope.sock')}` });
    expect(missing.notes).toEqual([expect.stringContaining(`the Docker socket ${path.join(dir, 'nope.sock')} does not exist`)]);
  });

  it('the host name is not the container id (--hostname): Docker\'s 404, and the variable that fixes it', async () => {
    mode = 'ok';
    const { notes } = await detect({ ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${sock}`, ML_PROVENANCE_CONTAINER_ID: 'trainer-box' });
    expect(notes).toEqual([expect.stringMatching(/HTTP 404 to container inspect of "trainer-box" \(No such container: trainer-box\); .*— set ML_PROVENANCE_CONTAINER_ID to this container's id/)]);
  });

  it('Docker does not answer: a warning after the time limit, not a hang', async () => {
    mode = 'hang';
    const t0 = Date.now();
    const { image, notes } = await detect({ ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${sock}`, ML_PROVENANCE_CONTAINER_ID: CONTAINER }, 300);
    expect(image).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(notes).toEqual([expect.stringContaining(`Docker did not answer within 0.3 s on ${sock} (container inspect)`)]);
    mode = 'ok';
  });

  it('permission denied on the socket (a job user outside the docker group): the group fix', async () => {
    mode = 'ok';
    const locked = path.join(dir, 'locked.sock');
    await dockerApi(locked);
    chmodSync(locked, 0o600);
    // Connect as an unprivileged user (root ignores file modes), through the real CLI.
    const ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-docker-ws-'));
    chmodSync(ws, 0o777);
    const asRoot = process.getuid?.() === 0;
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'record', 'step', '--name', 'eval', '--env-detect-image', '--', 'true'], {
        cwd: ws,
        env: { ...cleanEnv(), ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${locked}`, ML_PROVENANCE_CONTAINER_ID: CONTAINER, ML_PROVENANCE_DIR: path.join(ws, '.mlp'), HOME: ws },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^warning: running in a Docker container .*: permission denied opening the Docker socket ${locked.replace(/[.]/g, '\\.')}; .*--group-add`)),
    ]);
  });

  it('outside a container: nothing is said, even with a Docker socket on the host', async () => {
    expect(await detect({ ML_PROVENANCE_SYSROOT: outside, DOCKER_HOST: `unix://${sock}` })).toEqual({ image: undefined, notes: [] });
    expect(await detect({ ML_PROVENANCE_SYSROOT: outside })).toEqual({ image: undefined, notes: [] });
  });

  it('in a pod, the Kubernetes note is the only warning (not a second one about Docker)', async () => {
    const { notes } = await detect({ ML_PROVENANCE_SYSROOT: inDocker, KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: '9', ML_PROVENANCE_K8S_SA_DIR: path.join(dir, 'no-sa') });
    expect(notes).toEqual([expect.stringMatching(/service account is not mounted/)]);
  });
});

describe('`ml-provenance build` and the action in a Docker container whose image cannot be read (dist/)', () => {
  let ws: string;
  beforeAll(() => {
    ws = copyExample({ git: true });
    train(ws);
  }, 120_000);

  const build = (out: string, env: NodeJS.ProcessEnv, extra: string[] = []) =>
    execAsync(process.execPath, [CLI, 'build', '--subject', 'model/model.json', '--python-env', 'none', '--no-hardware', '--policy', 'none', '--out', out, ...extra], {
      cwd: ws,
      env: { ...cleanEnv(), ...env },
    });

  it('CLI: one `warning:` line on stderr naming the fix; the build succeeds without an image', async () => {
    const r = await build('st-nosock.json', { ML_PROVENANCE_SYSROOT: inDocker });
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toEqual([expect.stringMatching(/^warning: running in a Docker container \(\/\.dockerenv exists\) .*socket \/var\/run\/docker\.sock is not in the container.*--no-detect-image/)]);
    expect(TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st-nosock.json'), 'utf8'))).predicate.image).toBeUndefined();
  });

  it('CLI: --no-detect-image, --image, or not in a container: no warning', async () => {
    for (const r of [
      await build('st-off.json', { ML_PROVENANCE_SYSROOT: inDocker }, ['--no-detect-image']),
      await build('st-given.json', { ML_PROVENANCE_SYSROOT: inDocker }, ['--image', `ghcr.io/acme/train:1.2@sha256:${DIGEST}`]),
      await build('st-host.json', { ML_PROVENANCE_SYSROOT: outside }),
    ]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/Docker/);
    }
  });

  it('CLI: the socket answers: the image is recorded pinned; an image with no registry digest is recorded unpinned with a warning', async () => {
    mode = 'ok';
    const env = { ML_PROVENANCE_SYSROOT: inDocker, DOCKER_HOST: `unix://${sock}`, ML_PROVENANCE_CONTAINER_ID: CONTAINER };
    const ok = await build('st-docker.json', env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).not.toMatch(/warning: .*(Docker|container image)/);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(path.join(ws, 'st-docker.json'), 'utf8')));
    expect(st.predicate.image).toMatchObject({ uri: 'oci://ghcr.io/acme/train:1.2', digest: { sha256: DIGEST }, source: 'docker API (container inspect)' });
    mode = 'no-repo-digest';
    const local = await build('st-local.json', env);
    mode = 'ok';
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).toMatch(/warning: container image ghcr\.io\/acme\/train:1\.2 detected \(docker API \(container inspect\)\) without a registry digest/);
  });

  it('action: the same text as one GitHub warning annotation', async () => {
    const r = await runActionAsync(
      { 'subject-path': 'model/model.json', sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'none' },
      { workspace: ws, env: { ML_PROVENANCE_SYSROOT: inDocker } },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const docker = r.annotations.filter((a) => /Docker/.test(a));
    expect(docker).toEqual([expect.stringMatching(/^::warning::running in a Docker container \(\/\.dockerenv exists\) .*the action's `image` input/)]);
  });

  it("action: detect-image: false does not look (no warning, no image)", async () => {
    const r = await runActionAsync(
      { 'subject-path': 'model/model.json', sign: 'false', 'upload-artifact': 'false', comment: 'false', policy: 'none', 'detect-image': 'false' },
      { workspace: ws, env: { ML_PROVENANCE_SYSROOT: inDocker } },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations.filter((a) => /Docker|container image/.test(a))).toEqual([]);
    const st = TrainingStatement.parse(JSON.parse(readFileSync(r.outputs['statement-path']!, 'utf8')));
    expect(st.predicate.image).toBeUndefined();
  });
});
