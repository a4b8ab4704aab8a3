import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  buildStatement,
  compileKeyPatterns,
  datasetFromHfUri,
  emptyResult,
  loadDatasetsInput,
  mergeEvents,
  parse,
  parseImageRef,
  readInputText,
  scalar,
  serializeStatement,
  toDatasetId,
  toDatasetInputs
} from "./chunk-QOQ37S2W.js";
import {
  MetricsFile
} from "./chunk-ZLFOCYMR.js";
import {
  parsePattern
} from "./chunk-2QABSAN4.js";
import {
  readRecords
} from "./chunk-VGFZZFLI.js";
import {
  canonicalJson,
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  digestPath,
  isInside
} from "./chunk-ENOS7S7E.js";
import {
  evaluatePolicy,
  require_dist,
  resolvePolicy
} from "./chunk-CISWHTME.js";
import {
  LIMITS,
  containedPath,
  parseWith,
  readTextFile,
  resolveInWorkspace
} from "./chunk-EV6DDHLU.js";
import {
  parserLine,
  parserReason
} from "./chunk-U6NGMXLZ.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/capture/metrics.ts
var import_yaml = __toESM(require_dist(), 1);
function parseMetricsText(text, file) {
  let data;
  try {
    data = (0, import_yaml.parse)(text, { prettyErrors: true, uniqueKeys: true, logLevel: "error" });
  } catch (err) {
    throw new InputError("malformed-metrics", `${file} is not valid JSON/YAML: ${err.message.split("\n")[0]}`, {
      fix: "fix the syntax of the metrics file",
      file,
      cause: err
    });
  }
  if (data === null || data === void 0) return [];
  const doc = parseWith(MetricsFile, data, { file, what: "metrics file", fix: "see schemas/metrics.schema.json" });
  if (Array.isArray(doc)) return doc;
  if ("metrics" in doc && Array.isArray(doc.metrics)) return doc.metrics;
  return Object.entries(doc).map(([name, value]) => ({ name, value }));
}
__name(parseMetricsText, "parseMetricsText");
async function loadMetricsFile(file, workspace) {
  const { abs, rel } = await resolveInWorkspace(file, workspace, "metrics file", "file");
  return parseMetricsText((await readInputText(abs, rel, "metrics file")).text, rel);
}
__name(loadMetricsFile, "loadMetricsFile");

// src/capture/container.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import http from "node:http";
import os2 from "node:os";

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
  const docker = await fromDocker(opts, env);
  if (docker) return docker;
  const pod = await fromKubernetes({ env, timeoutMs: opts.timeoutMs ?? 3e3, note: opts.onNote ?? (() => {
  }) });
  if (pod) return pod;
  return fromPodman(opts.containerenv ?? "/run/.containerenv");
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
function dockerSocket(env) {
  const host = env.DOCKER_HOST;
  if (host) return host.startsWith("unix://") ? host.slice("unix://".length) : void 0;
  return existsSync("/var/run/docker.sock") ? "/var/run/docker.sock" : void 0;
}
__name(dockerSocket, "dockerSocket");
async function fromDocker(opts, env) {
  const socket = dockerSocket(env);
  if (!socket) return void 0;
  let id = env.ML_PROVENANCE_CONTAINER_ID;
  if (!id) {
    try {
      id = containerIdFromMountinfo(readFileSync2(opts.mountinfo ?? "/proc/self/mountinfo", "utf8"));
    } catch {
    }
  }
  if (!id && existsSync(opts.dockerenv ?? "/.dockerenv")) id = os2.hostname();
  if (!id || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) return void 0;
  const timeoutMs = opts.timeoutMs ?? 3e3;
  const container = await getJson(socket, `/containers/${encodeURIComponent(id)}/json`, timeoutMs);
  const imageId = typeof container?.Image === "string" ? container.Image : void 0;
  const configured = typeof container?.Config?.Image === "string" ? container.Config.Image : void 0;
  if (!imageId) return void 0;
  const image = await getJson(socket, `/images/${encodeURIComponent(imageId)}/json`, timeoutMs);
  const repoDigests = Array.isArray(image?.RepoDigests) ? image.RepoDigests.filter((x) => typeof x === "string") : [];
  const repoOf = /* @__PURE__ */ __name((r) => r.replace(/@.*$/, "").replace(/:[^/:]+$/, ""), "repoOf");
  const digestRef = repoDigests.find((r) => configured && repoOf(r) === repoOf(configured)) ?? repoDigests[0];
  if (digestRef) {
    const digest = digestRef.slice(digestRef.indexOf("@") + 1);
    const base = configured && !configured.includes("@") && repoOf(configured) === repoOf(digestRef) ? configured : repoOf(digestRef);
    return { reference: `${base}@${digest}`, source: "docker API (container inspect)", imageId };
  }
  return { reference: configured ?? imageId, source: "docker API (container inspect)", imageId };
}
__name(fromDocker, "fromDocker");
function getJson(socketPath, urlPath, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: urlPath, timeout: timeoutMs, headers: { Host: "docker" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve(void 0);
        return;
      }
      const chunks = [];
      let size = 0;
      res.on("data", (c) => {
        size += c.length;
        if (size > 4 * 1024 * 1024) req.destroy();
        else chunks.push(c);
      });
      res.on("end", () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          resolve(void 0);
        }
      });
      res.on("error", () => resolve(void 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(void 0));
  });
}
__name(getJson, "getJson");

// src/capture/hardware.ts
import os3 from "node:os";

// src/capture/probe.ts
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path2 from "node:path";
function onPath(cmd, env = process.env) {
  if (cmd.includes("/")) return isExecutable(cmd) ? cmd : void 0;
  for (const dir of (env.PATH ?? "").split(path2.delimiter)) {
    if (!dir) continue;
    const p = path2.join(dir, cmd);
    if (isExecutable(p)) return p;
  }
  return void 0;
}
__name(onPath, "onPath");
function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
__name(isExecutable, "isExecutable");
function probe(file, args, opts = {}) {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: opts.timeoutMs ?? 5e3, maxBuffer: 8 * 1024 * 1024, encoding: "utf8", env: opts.env ?? process.env, cwd: opts.cwd, killSignal: "SIGKILL" },
      (err, stdout) => {
        if (err) {
          const e = err;
          resolve({ ok: false, stdout: "", reason: e.killed ? `timed out after ${opts.timeoutMs ?? 5e3} ms` : e.code === "ENOENT" ? "not found" : "failed" });
        } else resolve({ ok: true, stdout });
      }
    );
  });
}
__name(probe, "probe");

// src/capture/hardware.ts
async function captureHardware(env = process.env) {
  const cpus = os3.cpus();
  const hw = {
    ...cpus.length ? { cpu: { ...cpus[0]?.model ? { model: cpus[0].model.trim() } : {}, cores: cpus.length } } : {},
    memoryBytes: os3.totalmem(),
    sources: ["node:os"]
  };
  const nvidia = onPath("nvidia-smi", env);
  if (nvidia) {
    const gpus = await nvidiaGpus(nvidia, env);
    if (gpus.length) {
      hw.gpus = gpus;
      hw.sources.push("nvidia-smi");
    }
  }
  const rocm = !hw.gpus && onPath("rocm-smi", env);
  if (rocm) {
    const r = await probe(rocm, ["--showproductname", "--showdriverversion", "--json"], { env });
    const gpus = r.ok ? parseRocmSmi(r.stdout) : [];
    if (gpus.length) {
      hw.gpus = gpus;
      hw.sources.push("rocm-smi");
    }
  }
  return hw;
}
__name(captureHardware, "captureHardware");
async function nvidiaGpus(bin, env) {
  const q = await probe(bin, ["--query-gpu=name,driver_version,memory.total", "--format=csv,noheader,nounits"], { env });
  if (!q.ok) return [];
  const gpus = parseNvidiaQuery(q.stdout);
  if (gpus.length === 0) return gpus;
  const report = await probe(bin, ["-q", "-d", "COMPUTE"], { env });
  const cuda = report.ok ? /^\s*CUDA Version\s*:\s*(\S+)/m.exec(report.stdout)?.[1] : void 0;
  return cuda ? gpus.map((g) => ({ ...g, cuda })) : gpus;
}
__name(nvidiaGpus, "nvidiaGpus");
function parseNvidiaQuery(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const parts = line.split(",").map((s) => s.trim());
    if (parts.length < 3 || !parts[0]) continue;
    const mem = Number.parseInt(parts[2], 10);
    out.push({
      name: parts[0],
      ...parts[1] && parts[1] !== "[N/A]" ? { driver: parts[1] } : {},
      ...Number.isFinite(mem) ? { memoryMiB: mem } : {}
    });
  }
  return out;
}
__name(parseNvidiaQuery, "parseNvidiaQuery");
function parseRocmSmi(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== "object") return [];
  const driver = typeof doc.system?.["Driver version"] === "string" ? doc.system["Driver version"] : void 0;
  return Object.entries(doc).filter(([k]) => /^card\d+$/.test(k)).map(([, v]) => {
    const name = [v["Card series"], v["Card model"]].find((x) => typeof x === "string" && x.trim() !== "");
    return { name: name?.trim() ?? "AMD GPU", ...driver ? { driver } : {} };
  });
}
__name(parseRocmSmi, "parseRocmSmi");

// src/capture/python.ts
import { readdir } from "node:fs/promises";
import path3 from "node:path";
var import_yaml2 = __toESM(require_dist(), 1);
var LOCKFILES = ["uv.lock", "poetry.lock", "Pipfile.lock", "requirements.txt", "environment.yml", "environment.yaml"];
async function capturePython(spec, workspace, env = process.env) {
  const s = spec.trim() || "auto";
  if (s === "none") return void 0;
  if (s.startsWith("pip:") || s.startsWith("uv:")) return freeze(s, workspace, env);
  if (s === "auto") {
    const names = new Set(await readdir(workspace).catch(() => []));
    const found = LOCKFILES.find((f) => names.has(f)) ?? [...names].filter((n) => /^requirements[\w.-]*\.txt$/.test(n)).sort()[0];
    return found ? fromLockfile(found, workspace) : void 0;
  }
  return fromLockfile(s, workspace);
}
__name(capturePython, "capturePython");
async function fromLockfile(given, workspace) {
  const { abs, rel } = await resolveInWorkspace(given, workspace, "python environment file");
  const { bytes, text } = await readInputText(abs, rel, "python environment file");
  const base = path3.basename(rel);
  let packages;
  try {
    packages = parseLockfile(base, text);
  } catch (err) {
    throw new InputError("malformed-python-env", `${rel} could not be read as ${lockfileKind(base)}`, {
      fix: "check the file is the lockfile its name says, or pass --python-env none",
      file: rel,
      cause: err
    });
  }
  return { source: lockfileKind(base), file: { name: rel, digest: { sha256: sha256Hex(bytes) } }, packages };
}
__name(fromLockfile, "fromLockfile");
function lockfileKind(base) {
  if (base === "uv.lock") return "uv.lock";
  if (base === "poetry.lock") return "poetry.lock";
  if (base === "Pipfile.lock") return "Pipfile.lock";
  if (/^environment\.ya?ml$/.test(base)) return "conda environment.yml";
  return "requirements.txt";
}
__name(lockfileKind, "lockfileKind");
function normaliseName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
__name(normaliseName, "normaliseName");
function parseLockfile(base, text) {
  const out = {};
  const kind = lockfileKind(base);
  if (kind === "uv.lock" || kind === "poetry.lock") {
    const doc = parse(text);
    for (const p of doc.package ?? []) {
      if (typeof p.name === "string" && typeof p.version === "string") out[normaliseName(p.name)] = p.version;
    }
  } else if (kind === "Pipfile.lock") {
    const doc = JSON.parse(text);
    for (const section of ["default", "develop"]) {
      for (const [name, v] of Object.entries(doc[section] ?? {})) {
        if (typeof v?.version === "string") out[normaliseName(name)] = v.version.replace(/^==/, "");
      }
    }
  } else if (kind === "conda environment.yml") {
    const doc = (0, import_yaml2.parse)(text);
    for (const dep of doc?.dependencies ?? []) {
      if (typeof dep === "string") {
        const m = /^(?:[\w.-]+::)?([A-Za-z0-9_.-]+)\s*(?:==?\s*([^=\s]+))?/.exec(dep.trim());
        if (m) out[normaliseName(m[1])] = m[2] ?? "*";
      } else if (dep && typeof dep === "object" && Array.isArray(dep.pip)) {
        Object.assign(out, parseRequirements(dep.pip.filter((x) => typeof x === "string").join("\n")));
      }
    }
  } else {
    Object.assign(out, parseRequirements(text));
  }
  return out;
}
__name(parseLockfile, "parseLockfile");
function parseRequirements(text) {
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "").replace(/\\$/, "").trim();
    if (!line || line.startsWith("#") || line.startsWith("-")) continue;
    const direct = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\[[^\]]*\])?\s*@\s*([a-z+]+):/.exec(line);
    if (direct) {
      out[normaliseName(direct[1])] = `@ ${direct[2]}`;
      continue;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\[[^\]]*\])?\s*(?:===?\s*([^\s;,]+)|([<>=!~][^;]*))?/.exec(line);
    if (!m) continue;
    out[normaliseName(m[1])] = m[2] ?? (m[3] ? m[3].replace(/\s+/g, "") : "*");
  }
  return out;
}
__name(parseRequirements, "parseRequirements");
async function freeze(spec, workspace, env) {
  const [tool, interpreter] = [spec.slice(0, spec.indexOf(":")), spec.slice(spec.indexOf(":") + 1)];
  const py = onPath(interpreter || "python3", env);
  if (!py) {
    throw new InputError("python-not-found", `python interpreter "${interpreter}" was not found`, {
      fix: "pass --python-env pip:/path/to/python (the interpreter the training ran with), or a lockfile",
      fields: ["python-env"]
    });
  }
  const version = await probe(py, ["-c", 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { env, cwd: workspace });
  const uv = tool === "uv" ? onPath("uv", env) : void 0;
  if (tool === "uv" && !uv) {
    throw new InputError("uv-not-found", "uv was not found on PATH", { fix: "install uv, or use --python-env pip:PYTHON", fields: ["python-env"] });
  }
  const r = uv ? await probe(uv, ["pip", "freeze", "--python", py], { env, cwd: workspace, timeoutMs: 3e4 }) : await probe(py, ["-m", "pip", "freeze", "--disable-pip-version-check"], { env, cwd: workspace, timeoutMs: 3e4 });
  if (!r.ok) return void 0;
  return {
    source: uv ? "uv pip freeze" : "pip freeze",
    interpreter: py,
    ...version.ok ? { version: version.stdout.trim() } : {},
    packages: parseRequirements(r.stdout)
  };
}
__name(freeze, "freeze");

// src/record/conflicts.ts
var DATASET_FIELDS = ["uri", "version", "path", "digest", "license", "splits", "seed", "source", "sampling", "synthetic"];
function same(a, b) {
  return canonicalJson(a) === canonicalJson(b);
}
__name(same, "same");
function distinct(values) {
  const out = [];
  for (const v of values) if (!out.some((o) => same(o.value, v.value))) out.push(v);
  return out;
}
__name(distinct, "distinct");
function datasetConflicts(lists) {
  const byId = /* @__PURE__ */ new Map();
  for (const { source, datasets } of lists) {
    const seen = /* @__PURE__ */ new Map();
    datasets.forEach((d) => {
      const fields = byId.get(d.id) ?? /* @__PURE__ */ new Map();
      byId.set(d.id, fields);
      const nth = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, nth);
      const where = datasets.filter((x) => x.id === d.id).length > 1 ? `${source} (entry ${nth})` : source;
      for (const f of DATASET_FIELDS) {
        if (d[f] === void 0) continue;
        const values = fields.get(f) ?? [];
        values.push({ source: where, value: d[f] });
        fields.set(f, values);
      }
    });
  }
  const out = [];
  for (const [id, fields] of byId) {
    for (const [field, values] of fields) {
      const d = distinct(values);
      if (d.length > 1) out.push({ kind: "dataset", id, field, values: d });
    }
  }
  return out;
}
__name(datasetConflicts, "datasetConflicts");
function stepConflicts(steps, source = "records log") {
  const byName = /* @__PURE__ */ new Map();
  for (const s of steps) byName.set(s.name, [...byName.get(s.name) ?? [], s]);
  const out = [];
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const check = /* @__PURE__ */ __name((field, get) => {
      const vals = list.map((s, i) => ({ source: `${source} (step ${i + 1} named "${name}")`, value: get(s) })).filter((v) => v.value !== void 0);
      const d = distinct(vals);
      if (d.length > 1) out.push({ kind: "step", id: name, field, values: d });
    }, "check");
    check("library", (s) => s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : void 0);
    const keys = new Set(list.flatMap((s) => Object.keys(s.parameters ?? {})));
    for (const k of [...keys].sort()) check(`parameters.${k}`, (s) => s.parameters?.[k]);
  }
  return out;
}
__name(stepConflicts, "stepConflicts");
function metricConflicts(lists) {
  const byKey = /* @__PURE__ */ new Map();
  for (const { source, metrics } of lists) {
    for (const m of metrics) {
      const key = [m.name, m.epoch ?? "", m.step ?? "", m.split ?? ""].join("\0");
      byKey.set(key, [...byKey.get(key) ?? [], { source, value: m.value }]);
    }
  }
  const out = [];
  for (const [key, values] of byKey) {
    const d = distinct(values);
    if (d.length < 2) continue;
    const [name, epoch, step, split] = key.split("\0");
    const id = [name, epoch ? `epoch ${epoch}` : "", step ? `step ${step}` : "", split ? `split ${split}` : ""].filter(Boolean).join(", ");
    out.push({ kind: "metric", id, field: "value", values: d });
  }
  return out;
}
__name(metricConflicts, "metricConflicts");

// src/statement/coverage.ts
async function captureExtras(workspace, c, imageGiven, reporting) {
  const env = c.env ?? process.env;
  const [hardware, python, image] = await Promise.all([
    c.hardware === false ? void 0 : captureHardware(env),
    capturePython(c.pythonEnv ?? "auto", workspace, env),
    imageGiven || c.image === false ? void 0 : detectImage({ env, ...reporting?.warn ? { onNote: reporting.warn } : {} })
  ]);
  let usable;
  if (image) {
    try {
      parseImageRef(image.reference);
      usable = image;
    } catch {
      reporting?.warn?.(`a container image was detected (${image.source}) but its reference is not a registry reference; pass \`image\` with its digest`);
    }
  }
  if (usable && !/@sha256:/.test(usable.reference)) {
    reporting?.warn?.(`container image ${usable.reference} detected (${usable.source}) without a registry digest; pass \`image\` with @sha256:\u2026 to pin it`);
  }
  return { ...hardware ? { hardware } : {}, ...python ? { python } : {}, ...usable ? { image: usable } : {} };
}
__name(captureExtras, "captureExtras");
function collectConflicts(s) {
  const bridgedDatasets = [
    ...s.bridged.datasets,
    ...s.bridged.descriptors.map((d) => ({ ...d, ...d.digest?.sha256 ? { digest: `sha256:${d.digest.sha256}` } : {} }))
  ];
  const recordedDatasets = s.recorded.filter((e) => e.kind === "dataset").map(({ kind: _k, v: _v, ts: _t, ...rest }) => rest);
  const merged = mergeEvents([...s.bridged.events, ...s.recorded]);
  const bridgedMetrics = mergeEvents(s.bridged.events).metrics;
  const recordedMetrics = mergeEvents(s.recorded).metrics;
  return [
    ...datasetConflicts([
      { source: "DVC/MLflow", datasets: bridgedDatasets },
      { source: "datasets manifest", datasets: s.declared },
      { source: "records log", datasets: recordedDatasets }
    ]),
    ...stepConflicts(merged.steps),
    ...metricConflicts([
      { source: "DVC/MLflow", metrics: bridgedMetrics },
      { source: "records log", metrics: recordedMetrics },
      { source: "metrics file", metrics: s.metricsFile }
    ])
  ];
}
__name(collectConflicts, "collectConflicts");

// src/statement/bridged.ts
import { existsSync as existsSync2 } from "node:fs";
import path7 from "node:path";

// src/bridges/dvc.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { stat as stat2 } from "node:fs/promises";
import path5 from "node:path";

// src/bridges/read.ts
import { readdir as readdir2, stat } from "node:fs/promises";
import path4 from "node:path";
function bridgeReader(boundary, shownBase = boundary) {
  const shown = /* @__PURE__ */ __name((f) => path4.relative(shownBase, f).split(path4.sep).join("/") || ".", "shown");
  const inside = /* @__PURE__ */ __name((p, what) => containedPath(p, boundary, what, shown(p)), "inside");
  return {
    shown,
    async text(file, what) {
      const real = await inside(file, what);
      if (real === void 0) return void 0;
      return readTextFile(real, what, { shown: shown(file), maxBytes: LIMITS.inputFileBytes, within: boundary });
    },
    async files(dir, what, o = {}) {
      const keep = o.keep ?? (() => true);
      const out = [];
      const walk = /* @__PURE__ */ __name(async (d, prefix) => {
        const real = await inside(d, what);
        if (real === void 0) return;
        const entries = await readdir2(real, { withFileTypes: true }).catch((err) => {
          if (err.code === "ENOTDIR") return [];
          throw err;
        });
        for (const e of entries) {
          if (e.isDirectory()) {
            if (!o.skip?.has(e.name)) await walk(path4.join(d, e.name), `${prefix}${e.name}/`);
          } else if (!keep(e.name)) continue;
          else if (e.isSymbolicLink()) {
            const target = await inside(path4.join(d, e.name), what);
            if (target !== void 0 && !(await stat(target)).isDirectory()) out.push(`${prefix}${e.name}`);
          } else out.push(`${prefix}${e.name}`);
          if (out.length > LIMITS.matchedFiles) {
            throw new InputError("too-many-files", `${what} ${shown(dir)} holds more than ${LIMITS.matchedFiles} files`, {
              fix: "point at the run or project folder itself, not at a folder above it",
              file: shown(dir)
            });
          }
        }
      }, "walk");
      await walk(dir, "");
      return out.sort();
    },
    async dirs(dir, what) {
      const real = await inside(dir, what);
      if (real === void 0) return [];
      const entries = await readdir2(real, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    }
  };
}
__name(bridgeReader, "bridgeReader");
function defaultBoundary(root, workspace) {
  return workspace ?? root;
}
__name(defaultBoundary, "defaultBoundary");

// src/bridges/dvc.ts
function parseDvcYaml(text, file) {
  try {
    return (0, import_yaml3.parse)(text, { schema: "failsafe" });
  } catch (err) {
    const line = parserLine(err);
    throw new InputError("malformed-yaml", `${file}${line ? `:${line}` : ""} is not valid YAML (${parserReason(err)})`, { fix: "fix the YAML syntax (is it a DVC file?)", file, cause: err });
  }
}
__name(parseDvcYaml, "parseDvcYaml");
function md5Of(o) {
  const m = o.md5 ?? (o.hash && /^[a-f0-9]{32}(\.dir)?$/.test(o.hash) ? o.hash : void 0);
  return m ? m.replace(/\.dir$/, "") : void 0;
}
__name(md5Of, "md5Of");
async function descriptor(root, rel, o, source) {
  const md5 = md5Of(o);
  const d = {
    id: toDatasetId(rel),
    name: rel,
    uri: `file:${rel}`,
    digestSource: "given",
    annotations: { path: rel, source, ...o.md5?.endsWith(".dir") || o.hash?.endsWith(".dir") ? { md5Of: "dvc directory listing" } : {} },
    ...md5 ? { digest: { md5 } } : {}
  };
  const abs = path5.resolve(root, rel);
  if (isInside(abs, root) && await stat2(abs).catch(() => void 0)) {
    const dg = await digestPath(abs, root);
    d.digest = { ...d.digest, sha256: dg.sha256 };
    d.digestSource = "computed";
    d.files = dg.files.length;
    d.bytes = dg.size;
  }
  return d;
}
__name(descriptor, "descriptor");
function outsOf(v) {
  return Array.isArray(v) ? v.filter((x) => x && typeof x === "object") : [];
}
__name(outsOf, "outsOf");
async function readDvc(root, workspace) {
  const rd = bridgeReader(defaultBoundary(root, workspace), workspace ?? root);
  const readYaml = /* @__PURE__ */ __name(async (file) => {
    const text = await rd.text(file, "DVC file");
    return text === void 0 ? void 0 : parseDvcYaml(text, rd.shown(file));
  }, "readYaml");
  const out = emptyResult();
  const seen = /* @__PURE__ */ new Map();
  const addDataset = /* @__PURE__ */ __name(async (rel, o, source) => {
    const norm = path5.posix.normalize(rel.split(path5.sep).join("/"));
    if (!seen.has(norm)) {
      const d = await descriptor(root, norm, o, source);
      seen.set(norm, d);
      out.datasets.push(d);
    }
    return seen.get(norm).id;
  }, "addDataset");
  const lockFile = path5.join(root, "dvc.lock");
  const lock = await readYaml(lockFile) ?? null;
  const stageOutputs = /* @__PURE__ */ new Set();
  for (const st of Object.values(lock?.stages ?? {})) for (const o of outsOf(st.outs)) if (o.path) stageOutputs.add(o.path);
  for (const [name, raw] of Object.entries(lock?.stages ?? {})) {
    const st = raw ?? {};
    const parameters = {};
    for (const kv of Object.values(st.params ?? {})) {
      for (const [k, v] of Object.entries(kv ?? {})) {
        const value = typeof v === "string" ? scalar(v) : JSON.stringify(v);
        parameters[k] = value;
        out.params[k] = value;
      }
    }
    if (st.cmd) parameters.cmd = Array.isArray(st.cmd) ? st.cmd.join(" && ") : st.cmd;
    const inputs = [];
    for (const d of outsOf(st.deps)) if (d.path) inputs.push(await addDataset(d.path, d, `dvc.lock:${name}`));
    const outputs = [];
    for (const o of outsOf(st.outs)) if (o.path) outputs.push(await addDataset(o.path, o, `dvc.lock:${name}`));
    out.steps.push({ name, library: "dvc", parameters, inputs, outputs });
  }
  const dvcFiles = await rd.files(root, "DVC project", { keep: /* @__PURE__ */ __name((n) => n.endsWith(".dvc"), "keep"), skip: /* @__PURE__ */ new Set([".dvc", ".git", "node_modules"]) });
  for (const file of dvcFiles.map((f) => path5.join(root, f))) {
    const doc = await readYaml(file);
    for (const o of outsOf(doc?.outs)) {
      if (!o.path) continue;
      const rel = path5.relative(root, path5.resolve(path5.dirname(file), o.path));
      await addDataset(rel, o, path5.relative(root, file));
    }
  }
  if (!lock && out.datasets.length === 0) {
    throw new InputError("no-dvc-files", `no dvc.lock or *.dvc files in ${root}`, { fix: "point at the root of a DVC project (where dvc.lock is)", file: root });
  }
  return out;
}
__name(readDvc, "readDvc");

// src/bridges/mlflow.ts
var import_yaml4 = __toESM(require_dist(), 1);
import path6 from "node:path";
function yamlOf(text, file) {
  if (text === void 0) return void 0;
  try {
    const v = (0, import_yaml4.parse)(text);
    return v && typeof v === "object" ? v : void 0;
  } catch (err) {
    const line = parserLine(err);
    throw new InputError("malformed-yaml", `${file}${line ? `:${line}` : ""} is not valid YAML (${parserReason(err)})`, { fix: "is this an MLflow run folder?", file, cause: err });
  }
}
__name(yamlOf, "yamlOf");
async function readMlflowRun(runDir, workspace) {
  const rd = bridgeReader(defaultBoundary(path6.dirname(runDir), workspace), workspace ?? path6.dirname(runDir));
  const yamlFile = /* @__PURE__ */ __name(async (file) => yamlOf(await rd.text(file, "MLflow file"), rd.shown(file)), "yamlFile");
  const meta = await yamlFile(path6.join(runDir, "meta.yaml"));
  if (!meta) {
    throw new InputError("not-mlflow-run", `${runDir} has no meta.yaml, so it is not an MLflow run folder`, {
      fix: "pass mlruns/<experiment-id>/<run-id>",
      file: runDir
    });
  }
  const out = emptyResult();
  for (const key of await rd.files(path6.join(runDir, "params"), "MLflow params folder")) {
    out.params[key] = scalar(await rd.text(path6.join(runDir, "params", key), "MLflow param") ?? "");
  }
  for (const key of await rd.files(path6.join(runDir, "metrics"), "MLflow metrics folder")) {
    const file = path6.join(runDir, "metrics", key);
    const lines = (await rd.text(file, "MLflow metric") ?? "").split("\n");
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const [, value, step] = line.trim().split(/\s+/);
      const v = Number(value);
      if (value === void 0 || !Number.isFinite(v)) {
        throw new InputError("bad-mlflow-metric", `${file}:${i + 1}: expected "timestamp value step" (the line is not shown, in case it holds a credential)`, {
          fix: "the MLflow metric file is damaged; re-export the run",
          file,
          line: i + 1
        });
      }
      const m = { name: key, value: v };
      const s = Number(step);
      if (step !== void 0 && Number.isInteger(s) && s >= 0) m.step = s;
      out.metrics.push(m);
    });
  }
  const experimentDir = path6.dirname(runDir);
  for (const input of await rd.dirs(path6.join(runDir, "inputs"), "MLflow inputs folder")) {
    const im = await yamlFile(path6.join(runDir, "inputs", input, "meta.yaml"));
    if (!im || im.source_type !== "DATASET" || typeof im.source_id !== "string") continue;
    const dm = await yamlFile(path6.join(experimentDir, "datasets", im.source_id, "meta.yaml"));
    if (!dm) continue;
    const name = typeof dm.name === "string" ? dm.name : im.source_id;
    const source = typeof dm.source === "string" ? parseSource(dm.source) : void 0;
    const digest = typeof dm.digest === "string" && /^[a-f0-9]+$/i.test(dm.digest) ? dm.digest.toLowerCase() : void 0;
    const tags = Array.isArray(im.tags) ? im.tags : [];
    const context = tags.find((t) => t.key === "mlflow.data.context")?.value;
    const d = {
      id: toDatasetId(name),
      name,
      uri: source ?? `mlflow:dataset/${im.source_id}`,
      digestSource: "given",
      // MLflow's dataset digest is its own short fingerprint, not a content sha256.
      ...digest ? { digest: { mlflow: digest } } : {},
      annotations: { mlflowDatasetId: im.source_id, ...context ? { context } : {}, ...typeof dm.source_type === "string" ? { sourceType: dm.source_type } : {} }
    };
    out.datasets.push(d);
  }
  const runId = typeof meta.run_id === "string" ? meta.run_id : path6.basename(runDir);
  out.steps.push({
    name: typeof meta.run_name === "string" ? meta.run_name : `mlflow-run-${runId}`,
    library: "mlflow",
    parameters: { run_id: runId, ...typeof meta.status === "number" || typeof meta.status === "string" ? { status: meta.status } : {} },
    inputs: out.datasets.map((d) => d.id)
  });
  return out;
}
__name(readMlflowRun, "readMlflowRun");
function parseSource(text) {
  try {
    const v = JSON.parse(text);
    const s = v.uri ?? v.url ?? v.path;
    return typeof s === "string" && s ? s : void 0;
  } catch {
    return text || void 0;
  }
}
__name(parseSource, "parseSource");

// src/statement/bridged.ts
function bridgeToInputs(r) {
  const events = [];
  if (Object.keys(r.params).length) events.push({ v: 1, kind: "param", params: r.params });
  for (const s of r.steps) {
    events.push({
      v: 1,
      kind: "step",
      name: s.name,
      ...s.library ? { library: s.version ? `${s.library}@${s.version}` : s.library } : {},
      ...s.parameters ? { parameters: s.parameters } : {},
      ...s.inputs ? { inputs: s.inputs } : {},
      ...s.outputs ? { outputs: s.outputs } : {}
    });
  }
  for (const m of r.metrics) {
    events.push({
      v: 1,
      kind: "metric",
      name: m.name,
      value: m.value,
      ...m.epoch !== void 0 ? { epoch: m.epoch } : {},
      ...m.step !== void 0 ? { step: m.step } : {},
      ...m.split ? { split: m.split } : {}
    });
  }
  return { datasets: toDatasetInputs(r), events };
}
__name(bridgeToInputs, "bridgeToInputs");
function rebase(r, root, workspace) {
  const prefix = path7.relative(workspace, root).split(path7.sep).join("/");
  if (!prefix) return r;
  const datasets = r.datasets.map((d) => {
    const p = typeof d.annotations?.path === "string" ? path7.posix.join(prefix, d.annotations.path) : void 0;
    if (!p) return d;
    return { ...d, uri: d.uri.startsWith("file:") ? `file:${p}` : d.uri, annotations: { ...d.annotations, path: p } };
  });
  return { ...r, datasets };
}
__name(rebase, "rebase");
async function readBridges(sources, workspace) {
  const out = { datasets: [], descriptors: [], events: [] };
  const add = /* @__PURE__ */ __name((raw, root) => {
    const r = rebase(raw, root, workspace);
    const local = r.datasets.filter((d) => typeof d.annotations?.path === "string" && existsSync2(path7.join(workspace, d.annotations.path)));
    const b = bridgeToInputs({ ...r, datasets: local });
    out.datasets.push(...b.datasets);
    out.descriptors.push(...r.datasets.filter((d) => !local.includes(d)));
    out.events.push(...b.events);
  }, "add");
  if (sources.dvc) {
    const root = path7.resolve(workspace, (await resolveInWorkspace(sources.dvc, workspace, "DVC project folder (dvc)", "directory")).rel);
    add(await readDvc(root, workspace), root);
  }
  if (sources.mlflowRun) {
    const root = path7.resolve(workspace, (await resolveInWorkspace(sources.mlflowRun, workspace, "MLflow run folder (mlflow-run)", "directory")).rel);
    add(await readMlflowRun(root, workspace), root);
  }
  return out;
}
__name(readBridges, "readBridges");
function withHfVersions(datasets) {
  return datasets.map((d) => {
    if (d.version || !d.uri?.startsWith("hf://datasets/")) return d;
    const version = datasetFromHfUri(d.uri).version;
    return version ? { ...d, version } : d;
  });
}
__name(withHfVersions, "withHfVersions");

// src/statement/assemble.ts
async function assemble(o) {
  const policy = await resolvePolicy(o.policy, o.workspace);
  const redactKeyPatterns = compileKeyPatterns(o.redact);
  const bridged = await readBridges(o.bridges ?? {}, o.workspace);
  const records = await readRecords(o.recordsDir, o.workspace);
  const events = [...bridged.events, ...records.events];
  const declared = o.datasets ? await loadDatasetsInput(o.datasets, o.workspace) : [];
  const recordsDigest = records.digest;
  const metrics = o.metricsFile ? await loadMetricsFile(o.metricsFile, o.workspace) : [];
  const extras = await captureExtras(o.workspace, o.capture ?? {}, Boolean(o.image), o.reporting);
  const anonymize = [...policy.anonymize ?? [], ...o.anonymize ?? []];
  anonymize.forEach(parsePattern);
  if (anonymize.length && !o.pseudonymKey) {
    throw new InputError("pseudonym-key-missing", `fields to pseudonymise are named (${anonymize.join(", ")}) but no key was given`, {
      fix: "pass the team's key: env ML_PROVENANCE_PSEUDONYM_KEY or --pseudonym-key-file FILE (action: the `pseudonym-key` input from a secret)",
      fields: ["pseudonym-key"]
    });
  }
  const conflicts = collectConflicts({ bridged, declared, recorded: records.events, metricsFile: metrics });
  const statement = await buildStatement({
    workspace: o.workspace,
    subjects: o.subjects,
    configs: o.configs,
    ...o.image ? { image: o.image } : extras.image ? { image: extras.image.reference, imageSource: extras.image.source } : {},
    datasets: withHfVersions([...bridged.datasets, ...declared]),
    capturedDatasets: bridged.descriptors,
    metrics,
    events,
    conflicts,
    ...anonymize.length && o.pseudonymKey ? { pseudonymize: { fields: anonymize, key: o.pseudonymKey } } : {},
    ...extras.hardware ? { hardware: extras.hardware } : {},
    ...extras.python ? { python: extras.python } : {},
    ...recordsDigest ? { recordsDigest } : {},
    policy: policy.name,
    redactKeyPatterns,
    ...o.command ? { command: o.command } : {},
    ...o.github ? { github: o.github } : {},
    ...o.now ? { now: o.now } : {},
    ...o.reporting ? { reporting: o.reporting } : {}
  });
  const text = serializeStatement(statement);
  return { statement, text, digest: sha256Hex(text), policy: evaluatePolicy(statement, policy) };
}
__name(assemble, "assemble");

export {
  assemble
};
