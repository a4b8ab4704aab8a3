import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/capture/container.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import http from "node:http";
import os2 from "node:os";
import path2 from "node:path";

// src/capture/kubernetes.ts
import { readFileSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
var SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
var IMAGE_ANNOTATION = "ml-provenance.dev/image";
async function fromKubernetes(o) {
  const { env } = o;
  const apiUrl = apiBase(env);
  const file = env.ML_PROVENANCE_POD_ANNOTATIONS;
  if (!apiUrl && !file) return void 0;
  if (apiUrl) {
    const fromApi = await fromPodStatus(apiUrl, o);
    if (fromApi) return fromApi;
  }
  return file ? fromDownwardFile(file, o.note) : void 0;
}
__name(fromKubernetes, "fromKubernetes");
function apiBase(env) {
  if (env.ML_PROVENANCE_K8S_API_URL) return env.ML_PROVENANCE_K8S_API_URL.replace(/\/+$/, "");
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) return void 0;
  return `https://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
__name(apiBase, "apiBase");
function readTrimmed(file) {
  try {
    return readFileSync(file, "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
__name(readTrimmed, "readTrimmed");
var DNS_LABEL = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
async function fromPodStatus(apiUrl, o) {
  const { env, note } = o;
  const dir = env.ML_PROVENANCE_K8S_SA_DIR || SERVICE_ACCOUNT_DIR;
  const token = readTrimmed(path.join(dir, "token"));
  const namespace = env.POD_NAMESPACE || readTrimmed(path.join(dir, "namespace"));
  let ca;
  try {
    ca = readFileSync(path.join(dir, "ca.crt"));
  } catch {
  }
  if (!token || !namespace || !ca) {
    note(`running in Kubernetes but the pod's service account is not mounted (${dir}: token, namespace, ca.crt); the container image was not read from the pod's status \u2014 mount it (automountServiceAccountToken) or pass \`image\` with its digest`);
    return void 0;
  }
  const pod = env.ML_PROVENANCE_POD_NAME || env.POD_NAME || env.HOSTNAME || os.hostname();
  if (!DNS_LABEL.test(pod) || !DNS_LABEL.test(namespace)) {
    note("running in Kubernetes but the pod name or namespace is not a valid Kubernetes name; set POD_NAME from the downward API (fieldRef: metadata.name) or pass `image` with its digest");
    return void 0;
  }
  const where = `pod ${namespace}/${pod}`;
  const answer = await getPod(`${apiUrl}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`, token, ca, o.timeoutMs);
  if (answer.kind === "timeout") {
    note(`the Kubernetes API did not answer within ${o.timeoutMs / 1e3} s reading ${where}; the container image was not recorded from it \u2014 pass \`image\` with its digest`);
    return void 0;
  }
  if (answer.kind === "error") {
    note(`could not reach the Kubernetes API to read ${where} (${answer.reason}); the container image was not recorded from it \u2014 pass \`image\` with its digest`);
    return void 0;
  }
  if (answer.status === 403) {
    note(`the Kubernetes API refused to read ${where} (HTTP 403): grant the pod's service account \`get\` on \`pods\` in ${namespace} (docs/RECORD.md has a Role), or pass \`image\` with its digest`);
    return void 0;
  }
  if (answer.status === 401) {
    note(`the Kubernetes API did not accept the pod's service-account token reading ${where} (HTTP 401); the container image was not recorded from it \u2014 pass \`image\` with its digest`);
    return void 0;
  }
  if (answer.status !== 200 || !answer.body) {
    note(`the Kubernetes API answered HTTP ${answer.status} reading ${where}${answer.status === 404 ? " (is the pod name right? set POD_NAME from the downward API)" : ""}; the container image was not recorded from it \u2014 pass \`image\` with its digest`);
    return void 0;
  }
  return imageFromPod(answer.body, { explicit: env.ML_PROVENANCE_CONTAINER_NAME, generic: env.CONTAINER_NAME }, where, note);
}
__name(fromPodStatus, "fromPodStatus");
function imageFromPod(body, name, where, note) {
  const statuses = body?.status?.containerStatuses ?? [];
  const list = Array.isArray(statuses) ? statuses.filter((s) => s && typeof s === "object") : [];
  let mine;
  if (name.explicit) {
    mine = list.find((s) => s.name === name.explicit);
    if (!mine) {
      note(`${where} has no container named by ML_PROVENANCE_CONTAINER_NAME; the container image was not recorded \u2014 check the name or pass \`image\` with its digest`);
      return void 0;
    }
  } else if (name.generic && list.some((s) => s.name === name.generic)) {
    mine = list.find((s) => s.name === name.generic);
  } else if (list.length === 1) {
    mine = list[0];
  } else {
    note(`${where} has ${list.length} containers and none is named: set ML_PROVENANCE_CONTAINER_NAME to this container's name, or pass \`image\` with its digest`);
    return void 0;
  }
  const image = typeof mine.image === "string" ? mine.image : void 0;
  const imageID = typeof mine.imageID === "string" ? mine.imageID.replace(/^docker-pullable:\/\//, "") : void 0;
  const repoOf = /* @__PURE__ */ __name((r) => r.replace(/@.*$/, "").replace(/:[^/:]+$/, ""), "repoOf");
  const pinned = imageID && /^[^@\s]+@sha256:[a-f0-9]{64}$/.test(imageID) ? imageID : void 0;
  if (pinned) {
    const digest = pinned.slice(pinned.indexOf("@") + 1);
    const base = image && !image.includes("@") && repoOf(image) === repoOf(pinned) ? image : repoOf(pinned);
    return { reference: `${base}@${digest}`, source: "kubernetes-api" };
  }
  if (!image) {
    note(`${where}: the container's status has no image yet; pass \`image\` with its digest`);
    return void 0;
  }
  return { reference: image, source: "kubernetes-api", ...imageID ? { imageId: imageID } : {} };
}
__name(imageFromPod, "imageFromPod");
function fromDownwardFile(file, note) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    note("ML_PROVENANCE_POD_ANNOTATIONS names a file that cannot be read; mount the downward-API volume there or unset it");
    return void 0;
  }
  const annotations = parseDownwardAnnotations(text);
  const value = annotations ? annotations[IMAGE_ANNOTATION] : text.trim();
  if (!value) {
    note(`the downward-API file named by ML_PROVENANCE_POD_ANNOTATIONS has no ${IMAGE_ANNOTATION} annotation; annotate the pod with its image (REPO@sha256:\u2026)`);
    return void 0;
  }
  return { reference: value, source: `kubernetes downward-API file (${IMAGE_ANNOTATION}, as declared on the pod)` };
}
__name(fromDownwardFile, "fromDownwardFile");
function parseDownwardAnnotations(text) {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const out = {};
  for (const line of lines) {
    const m = /^([A-Za-z0-9./_-]+)=("(?:[^"\\]|\\.)*")$/.exec(line.trim());
    if (!m) return void 0;
    try {
      out[m[1]] = JSON.parse(m[2]);
    } catch {
      out[m[1]] = m[2].slice(1, -1);
    }
  }
  return lines.length ? out : void 0;
}
__name(parseDownwardAnnotations, "parseDownwardAnnotations");
function getPod(url, token, ca, timeoutMs) {
  return new Promise((resolve) => {
    let done = false;
    const finish = /* @__PURE__ */ __name((a) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(a);
      }
    }, "finish");
    let req;
    const timer = setTimeout(() => {
      finish({ kind: "timeout" });
      req?.destroy();
    }, timeoutMs);
    try {
      req = https.get(url, { ca, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } }, (res) => {
        const status = res.statusCode ?? 0;
        const chunks = [];
        let size = 0;
        res.on("data", (c) => {
          size += c.length;
          if (size > 4 * 1024 * 1024) {
            finish({ kind: "error", reason: "the pod object is larger than 4 MB" });
            req.destroy();
          } else chunks.push(c);
        });
        res.on("end", () => {
          if (status !== 200) return finish({ kind: "http", status });
          try {
            finish({ kind: "http", status, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          } catch {
            finish({ kind: "error", reason: "the answer is not JSON" });
          }
        });
        res.on("error", (e) => finish({ kind: "error", reason: e.code ?? "connection reset" }));
      });
      req.on("error", (e) => finish({ kind: "error", reason: describe(e) }));
    } catch (e) {
      finish({ kind: "error", reason: describe(e) });
    }
  });
}
__name(getPod, "getPod");
function describe(e) {
  return e.code ?? "request failed";
}
__name(describe, "describe");

// src/capture/container.ts
async function detectImage(opts = {}) {
  const env = opts.env ?? process.env;
  const note = opts.onNote ?? (() => {
  });
  const docker = await fromDocker(opts, env);
  if (docker && "image" in docker) return docker.image;
  let podNoted = false;
  const pod = await fromKubernetes({ env, timeoutMs: opts.timeoutMs ?? 3e3, note: /* @__PURE__ */ __name((m) => (podNoted = true, note(m)), "note") });
  if (pod) return pod;
  const podman = fromPodman(opts.containerenv ?? path2.join(env.ML_PROVENANCE_SYSROOT || "/", "run/.containerenv"));
  if (podman) return podman;
  if (docker && !podNoted) note(docker.problem);
  return void 0;
}
__name(detectImage, "detectImage");
function parseContainerenv(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z]+)="(.*)"$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}
__name(parseContainerenv, "parseContainerenv");
function fromPodman(file) {
  let text;
  try {
    text = readFileSync2(file, "utf8");
  } catch {
    return void 0;
  }
  const kv = parseContainerenv(text);
  if (!kv.image) return void 0;
  return { reference: kv.image, source: "podman /run/.containerenv", ...kv.imageid ? { imageId: kv.imageid } : {} };
}
__name(fromPodman, "fromPodman");
function containerIdFromMountinfo(text) {
  return /\/(?:docker\/)?containers\/([a-f0-9]{64})\/(?:hostname|resolv\.conf|hosts)/.exec(text)?.[1];
}
__name(containerIdFromMountinfo, "containerIdFromMountinfo");
function containerIdFromCgroup(text) {
  return /(?:\/docker\/|\/docker-)([a-f0-9]{64})(?:\.scope)?$/m.exec(text)?.[1];
}
__name(containerIdFromCgroup, "containerIdFromCgroup");
function readOr(file) {
  try {
    return readFileSync2(file, "utf8");
  } catch {
    return void 0;
  }
}
__name(readOr, "readOr");
function dockerEvidence(opts, env) {
  const root = env.ML_PROVENANCE_SYSROOT || "/";
  if (env.ML_PROVENANCE_CONTAINER_ID) return { id: env.ML_PROVENANCE_CONTAINER_ID, because: "ML_PROVENANCE_CONTAINER_ID is set" };
  const fromMounts = containerIdFromMountinfo(readOr(opts.mountinfo ?? path2.join(root, "proc/self/mountinfo")) ?? "");
  if (fromMounts) return { id: fromMounts, because: "/proc/self/mountinfo shows a Docker container" };
  const fromCgroup = containerIdFromCgroup(readOr(opts.cgroup ?? path2.join(root, "proc/self/cgroup")) ?? "");
  if (fromCgroup) return { id: fromCgroup, because: "/proc/self/cgroup shows a Docker container" };
  if (existsSync(opts.dockerenv ?? path2.join(root, ".dockerenv"))) return { id: os2.hostname(), because: "/.dockerenv exists" };
  if (env.GITHUB_ACTIONS === "true" && /^\/__w\//.test(env.GITHUB_WORKSPACE ?? "")) return { id: os2.hostname(), because: "this is a GitHub `container:` job" };
  return void 0;
}
__name(dockerEvidence, "dockerEvidence");
var DOCKER_FIXES = "pass the image with its digest (`--image REF@sha256:\u2026`, the action's `image` input), mount the Docker socket into the container (`-v /var/run/docker.sock:/var/run/docker.sock`; GitHub mounts it into `container:` jobs), or turn detection off (`--no-detect-image`, the action's `detect-image: false`)";
async function fromDocker(opts, env) {
  const evidence = dockerEvidence(opts, env);
  if (!evidence) return void 0;
  const problem = /* @__PURE__ */ __name((why, fixes = DOCKER_FIXES) => ({
    problem: `running in a Docker container (${evidence.because}) but its image could not be read from the Docker API: ${why}; the container image is not recorded \u2014 ${fixes}`
  }), "problem");
  const { id } = evidence;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) return problem("the container id is not a Docker container name or id", `set ML_PROVENANCE_CONTAINER_ID to this container's id, or ${DOCKER_FIXES}`);
  const host = env.DOCKER_HOST;
  let socket;
  if (host) {
    if (!host.startsWith("unix://")) return problem(`DOCKER_HOST uses ${/^[a-z][a-z0-9+.-]*:\/\//i.exec(host)?.[0] ?? "a non-unix address"}, and only a unix socket is read`);
    socket = host.slice("unix://".length);
  } else {
    socket = "/var/run/docker.sock";
    if (!existsSync(socket)) return problem(`the Docker socket ${socket} is not in the container (DOCKER_HOST is not set)`);
  }
  const timeoutMs = opts.timeoutMs ?? 3e3;
  const fail = /* @__PURE__ */ __name((what, a) => {
    switch (a.kind) {
      case "timeout":
        return problem(`Docker did not answer within ${timeoutMs / 1e3} s on ${socket} (${what})`);
      case "error":
        if (a.code === "EACCES" || a.code === "EPERM")
          return problem(
            `permission denied opening the Docker socket ${socket}`,
            `run the job as a user in the socket's group (e.g. \`--group-add $(stat -c %g ${socket})\` or \`options: --group-add \u2026\` in a GitHub \`container:\` job), or pass the image with its digest (\`--image REF@sha256:\u2026\`, the action's \`image\` input), or turn detection off (\`--no-detect-image\`, the action's \`detect-image: false\`)`
          );
        if (a.code === "ENOENT") return problem(`the Docker socket ${socket} does not exist`);
        if (a.code === "ECONNREFUSED") return problem(`nothing listens on the Docker socket ${socket} (connection refused)`);
        return problem(`could not connect to the Docker socket ${socket} (${a.code})`);
      case "status":
        if (a.status === 404 && what === "container inspect")
          return problem(
            `Docker answered HTTP 404 to container inspect of "${id}"${a.message ? ` (${a.message})` : ""}`,
            `set ML_PROVENANCE_CONTAINER_ID to this container's id when the host name is not it (\`--hostname\` changes it), or ${DOCKER_FIXES}`
          );
        return problem(`Docker answered HTTP ${a.status} to ${what}${a.message ? ` (${a.message})` : ""}`);
    }
  }, "fail");
  const c = await getJson(socket, `/containers/${encodeURIComponent(id)}/json`, timeoutMs);
  if (c.kind !== "ok") return fail("container inspect", c);
  const container = c.body;
  const imageId = typeof container?.Image === "string" ? container.Image : void 0;
  const configured = typeof container?.Config?.Image === "string" ? container.Config.Image : void 0;
  if (!imageId) return problem(`container inspect of "${id}" names no image`);
  const i = await getJson(socket, `/images/${encodeURIComponent(imageId)}/json`, timeoutMs);
  if (i.kind !== "ok") return fail("image inspect", i);
  const image = i.body;
  const repoDigests = Array.isArray(image?.RepoDigests) ? image.RepoDigests.filter((x) => typeof x === "string") : [];
  const repoOf = /* @__PURE__ */ __name((r) => r.replace(/@.*$/, "").replace(/:[^/:]+$/, ""), "repoOf");
  const digestRef = repoDigests.find((r) => configured && repoOf(r) === repoOf(configured)) ?? repoDigests[0];
  if (digestRef) {
    const digest = digestRef.slice(digestRef.indexOf("@") + 1);
    const base = configured && !configured.includes("@") && repoOf(configured) === repoOf(digestRef) ? configured : repoOf(digestRef);
    return { image: { reference: `${base}@${digest}`, source: "docker API (container inspect)", imageId } };
  }
  return { image: { reference: configured ?? imageId, source: "docker API (container inspect)", imageId } };
}
__name(fromDocker, "fromDocker");
function getJson(socketPath, urlPath, timeoutMs) {
  return new Promise((resolve) => {
    let timedOut = false;
    const req = http.get({ socketPath, path: urlPath, timeout: timeoutMs, headers: { Host: "docker" } }, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (c) => {
        size += c.length;
        if (size > 4 * 1024 * 1024) req.destroy();
        else chunks.push(c);
      });
      res.on("end", () => {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          body = void 0;
        }
        if (res.statusCode === 200) {
          resolve(body === void 0 ? { kind: "status", status: 200, message: "not JSON" } : { kind: "ok", body });
          return;
        }
        const m = body?.message;
        resolve({ kind: "status", status: res.statusCode ?? 0, ...typeof m === "string" && m ? { message: m.replace(/\s+/g, " ").slice(0, 200) } : {} });
      });
      res.on("error", () => resolve({ kind: "error", code: "response aborted" }));
    });
    req.on("timeout", () => {
      timedOut = true;
      req.destroy();
    });
    req.on("error", (e) => resolve(timedOut ? { kind: "timeout" } : { kind: "error", code: e.code ?? e.message }));
  });
}
__name(getJson, "getJson");

export {
  detectImage,
  parseContainerenv,
  containerIdFromMountinfo,
  containerIdFromCgroup
};
