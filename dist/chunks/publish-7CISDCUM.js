import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-JSPBVTEM.js";
import "./chunk-KYQEE4WY.js";
import {
  DEFAULT_ARTIFACT_NAME,
  MAX_COMMENT_CHARS,
  commentBody,
  commentMarker,
  failureFacts,
  legacyCommentMarker,
  statusOf,
  stepError,
  upsertStickyComment
} from "./chunk-WIUCQXMF.js";
import "./chunk-LNJGPLWF.js";
import "./chunk-ETYAMXNU.js";
import {
  loadDocument
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  parseWorkflowRef
} from "./chunk-E7LSDQ4Q.js";
import {
  InputError,
  ServiceError,
  toProvenanceError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/publish/index.ts
import { access, appendFile } from "node:fs/promises";
import path3 from "node:path";

// src/publish/artifact.ts
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
function commonDirectory(files) {
  const dirs = files.map((f) => path.dirname(path.resolve(f)).split(path.sep));
  const first = dirs[0] ?? [process.cwd()];
  let n = first.length;
  for (const d of dirs.slice(1)) {
    let i = 0;
    while (i < n && i < d.length && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}
__name(commonDirectory, "commonDirectory");
var ALREADY_EXISTS = /already exists|\(409\)|Conflict/i;
function attemptArtifactName(name, attempt) {
  return `${name}-attempt-${attempt}`;
}
__name(attemptArtifactName, "attemptArtifactName");
function artifactFix(detail) {
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(detail)) {
    return "uploading a workflow artifact needs the runner (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL): run inside GitHub Actions, or set upload-artifact: false";
  }
  if (/GHES|Enterprise Server/i.test(detail)) {
    return "this artifact service is not available on GitHub Enterprise Server: set upload-artifact: false";
  }
  if (/artifact name is not valid/i.test(detail)) {
    return 'choose an artifact-name without " : < > | * ? \\ / or line breaks';
  }
  if (ALREADY_EXISTS.test(detail)) {
    return "another job of this run attempt already uploaded an artifact of this name: give each job a distinct artifact-name (e.g. include the matrix values)";
  }
  if (/\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(detail)) {
    return "the artifact service refused the runner token (ACTIONS_RUNTIME_TOKEN): artifacts need no `permissions:` entry; check the runner, or set upload-artifact: false";
  }
  if (/insufficient usage/i.test(detail)) {
    return "the account is out of artifact storage: free some, or set upload-artifact: false";
  }
  if (/Unable to make request: E[A-Z]+/.test(detail)) {
    return "the artifact service dropped the connection (not retried by @actions/artifact): re-run the job";
  }
  if (/Failed to make request after \d+ attempts/.test(detail)) {
    return "the artifact service kept failing after retries: re-run the job (see https://www.githubstatus.com)";
  }
  if (/Failed to FinalizeArtifact: .*\((400|409)\)/.test(detail)) {
    return "the artifact service refused to finalize the upload (size or digest mismatch): nothing was published; re-run the job";
  }
  if (/non-retryable error: Failed request: \(40[13]\)/.test(detail)) {
    return "the runtime token was refused by the artifact service: re-run the job";
  }
  return void 0;
}
__name(artifactFix, "artifactFix");
async function uploadWorkflowArtifact(req, logger) {
  try {
    const { DefaultArtifactClient } = await import("./artifact-DHMMRAOX.js");
    const root = commonDirectory(req.files);
    const upload = /* @__PURE__ */ __name((name2) => new DefaultArtifactClient().uploadArtifact(
      name2,
      req.files.map((f) => path.resolve(f)),
      root,
      req.retentionDays === void 0 ? {} : { retentionDays: req.retentionDays }
    ), "upload");
    let name = req.name;
    let res;
    try {
      res = await upload(name);
    } catch (err) {
      const attempt = req.attempt ?? 1;
      if (attempt <= 1 || !ALREADY_EXISTS.test(err instanceof Error ? err.message : String(err))) throw err;
      name = attemptArtifactName(req.name, attempt);
      logger.info(`Artifact ${req.name} is already on this workflow run from an earlier attempt: uploading this attempt's record as ${name}`);
      res = await upload(name);
    }
    if (res.id === void 0) throw new Error("the artifact service did not return an artifact id");
    logger.info(`Uploaded workflow artifact ${name} (id ${res.id})`);
    return {
      id: String(res.id),
      name,
      ...res.digest ? { digest: res.digest.startsWith("sha256:") ? res.digest : `sha256:${res.digest}` } : {},
      ...res.size === void 0 ? {} : { size: res.size }
    };
  } catch (err) {
    const e = err instanceof Error && err.message.includes("\n") ? Object.assign(new Error(err.message.split("\n")[0]), { cause: err }) : err;
    throw stepError("artifact", `uploading workflow artifact ${req.name}`, e, {
      permission: "actions: write",
      special: /* @__PURE__ */ __name((f) => artifactFix(f.detail), "special")
    });
  }
}
__name(uploadWorkflowArtifact, "uploadWorkflowArtifact");
async function withDownloadedArtifact(req, use) {
  const dir = await mkdtemp(path.join(tmpdir(), "ml-provenance-base-"));
  try {
    const { DefaultArtifactClient } = await import("./artifact-DHMMRAOX.js");
    await new DefaultArtifactClient().downloadArtifact(req.artifactId, {
      path: dir,
      findBy: { token: req.token, workflowRunId: req.runId, repositoryOwner: req.owner, repositoryName: req.repo }
    });
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
__name(withDownloadedArtifact, "withDownloadedArtifact");
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}
__name(listFiles, "listFiles");

// src/publish/attestations.ts
async function createAttestation(client, repo, bundle, logger) {
  try {
    const { data } = await client.request("POST /repos/{owner}/{repo}/attestations", { ...repo, bundle });
    const id = String(data.id ?? "");
    logger.info(`Stored attestation ${id} in ${repo.owner}/${repo.repo}`);
    return id;
  } catch (err) {
    throw stepError("attestations", "storing the attestation with GitHub", err, {
      permission: "attestations: write",
      notFound: "the attestations API is not available for this repository (private repositories need GitHub Enterprise Cloud): set attestations: false",
      special: /* @__PURE__ */ __name((f) => f.status === 422 ? "GitHub rejected the bundle: attest only bundles signed in this workflow run (check the bundle and its subjects)" : void 0, "special")
    });
  }
}
__name(createAttestation, "createAttestation");

// src/publish/release.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
var PERMISSION = "contents: write";
var MAX_NAME_CONFLICTS = 4;
function isAlreadyExists(err) {
  if (statusOf(err) !== 422) return false;
  const data = err.response?.data;
  return (data?.errors ?? []).some((e) => e.code === "already_exists") || /already.exists/i.test(data?.message ?? "");
}
__name(isAlreadyExists, "isAlreadyExists");
async function findRelease(client, repo, tag) {
  try {
    const { data } = await client.rest.repos.getReleaseByTag({ ...repo, tag });
    return data;
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { ...repo, per_page: 100 })) {
    const hit = page.data.find((r) => r.tag_name === tag);
    if (hit) return hit;
  }
  return void 0;
}
__name(findRelease, "findRelease");
async function findOrCreateRelease(client, repo, req, logger) {
  const found = await findRelease(client, repo, req.tag);
  if (found) return found;
  if (req.createIfMissing === false) {
    throw new ServiceError("release-not-found", `release: no release for tag ${req.tag} in ${repo.owner}/${repo.repo}`, {
      fix: `create the release first (gh release create ${req.tag}) or leave release-tag empty`
    });
  }
  try {
    const { data } = await client.rest.repos.createRelease({
      ...repo,
      tag_name: req.tag,
      name: req.tag,
      ...req.targetCommitish ? { target_commitish: req.targetCommitish } : {}
    });
    logger.info(`Created release ${req.tag}`);
    return data;
  } catch (err) {
    if (statusOf(err) === 422) {
      const again = await findRelease(client, repo, req.tag);
      if (again) return again;
    }
    throw err;
  }
}
__name(findOrCreateRelease, "findOrCreateRelease");
async function listAssets(client, repo, releaseId) {
  return client.paginate(client.rest.repos.listReleaseAssets, { ...repo, release_id: releaseId, per_page: 100 });
}
__name(listAssets, "listAssets");
async function deleteAsset(client, repo, assetId) {
  try {
    await client.rest.repos.deleteReleaseAsset({ ...repo, asset_id: assetId });
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}
__name(deleteAsset, "deleteAsset");
async function uploadOne(client, repo, release, file, existing, logger) {
  const data = await readFile(file.path);
  const sha256 = createHash("sha256").update(data).digest("hex");
  let stale = existing.filter((a) => a.name === file.name);
  for (let attempt = 1; ; attempt++) {
    for (const a of stale) {
      logger.info(`Replacing release asset ${file.name} (id ${a.id}) on ${release.tag_name}`);
      await deleteAsset(client, repo, a.id);
    }
    try {
      const res = await client.rest.repos.uploadReleaseAsset({
        ...repo,
        url: release.upload_url,
        release_id: release.id,
        name: file.name,
        // octokit sends a Buffer body as is; the type wants a string.
        data,
        headers: { "content-type": file.contentType ?? "application/octet-stream", "content-length": data.length }
      });
      const a = res.data;
      if (a.digest && a.digest !== `sha256:${sha256}`) {
        throw new ServiceError("release-asset-digest-mismatch", `release asset ${file.name}: GitHub stored different bytes (${a.digest.slice(0, 19)}\u2026) from the file uploaded (sha256:${sha256.slice(0, 12)}\u2026)`, {
          fix: "re-run the job; the asset is replaced on the next upload"
        });
      }
      return { id: a.id, name: a.name, url: a.browser_download_url, size: a.size, sha256 };
    } catch (err) {
      if (!isAlreadyExists(err) || attempt >= MAX_NAME_CONFLICTS) throw err;
      logger.info(`Release asset ${file.name} was uploaded concurrently by another job; replacing it`);
      stale = (await listAssets(client, repo, release.id)).filter((a) => a.name === file.name);
    }
  }
}
__name(uploadOne, "uploadOne");
async function publishReleaseAssets(client, repo, req, logger) {
  const names = /* @__PURE__ */ new Set();
  for (const f of req.files) {
    if (names.has(f.name)) {
      throw new ServiceError("release-duplicate-asset-name", `release: two files would both be uploaded as ${f.name}`, {
        fix: "give the statement and bundle files distinct names"
      });
    }
    names.add(f.name);
  }
  try {
    const release = await findOrCreateRelease(client, repo, req, logger);
    const existing = await listAssets(client, repo, release.id);
    const assets = [];
    for (const f of req.files) assets.push(await uploadOne(client, repo, release, f, existing, logger));
    return { releaseUrl: release.html_url, releaseId: release.id, assets };
  } catch (err) {
    throw stepError("release", `uploading assets to release ${req.tag}`, err, {
      permission: PERMISSION,
      notFound: `check that release ${req.tag} exists in ${repo.owner}/${repo.repo} and the token has \`${PERMISSION}\``
    });
  }
}
__name(publishReleaseAssets, "publishReleaseAssets");

// src/publish/base.ts
import path2 from "node:path";
function newestAttemptArtifact(artifacts, name) {
  const attempt = /* @__PURE__ */ __name((a) => {
    if (a.name === name) return 1;
    const m = /-attempt-(\d+)$/.exec(a.name);
    return m && a.name === attemptArtifactName(name, Number(m[1])) ? Number(m[1]) : 0;
  }, "attempt");
  return artifacts.filter((a) => attempt(a) > 0).sort((a, b) => attempt(b) - attempt(a) || b.id - a.id)[0];
}
__name(newestAttemptArtifact, "newestAttemptArtifact");
function pickStatementFile(files) {
  const by = /* @__PURE__ */ __name((re) => files.find((f) => re.test(path2.basename(f))), "by");
  return by(/^provenance\.intoto\.json$/) ?? by(/\.intoto\.json$/) ?? by(/^provenance\.sigstore\.json$/) ?? by(/\.sigstore\.json$/);
}
__name(pickStatementFile, "pickStatementFile");
function baseBranch(ctx) {
  if (ctx.baseRef) return ctx.baseRef;
  const pr = ctx.event.pull_request;
  return typeof pr?.base?.ref === "string" ? pr.base.ref : void 0;
}
__name(baseBranch, "baseBranch");
async function fetchBaseStatement(ctx, deps) {
  const { logger } = deps;
  const none = /* @__PURE__ */ __name((reason) => {
    logger.info(`No base-branch record to compare with: ${reason}`);
    return { found: false, unreadable: false, reason };
  }, "none");
  const unreadable = /* @__PURE__ */ __name((reason, fix) => {
    logger.warning(`Could not read the base-branch record (the comment will not show what changed): ${reason} \u2014 ${fix}`);
    return { found: false, unreadable: true, reason, fix };
  }, "unreadable");
  const branch = baseBranch(ctx);
  if (!branch) return none("this run is not for a pull request");
  const wf = ctx.workflowRef ? parseWorkflowRef(ctx.workflowRef) : void 0;
  if (!wf) return none("GITHUB_WORKFLOW_REF is not set, so the workflow is unknown");
  const workflowFile = path2.posix.basename(wf.path);
  const [owner = "", repo = ""] = ctx.repository.split("/");
  try {
    const client = deps.octokit ?? createGitHubClient({ token: deps.token, baseUrl: ctx.apiUrl, logger });
    const { data } = await client.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflowFile,
      branch,
      // Pushes to the base branch only: a fork's pull request from a branch named
      // like the base (main) must not stand in for the base's record.
      event: "push",
      status: "success",
      per_page: deps.maxRuns ?? 10
    });
    const runs = data.workflow_runs.filter((r) => String(r.id) !== ctx.runId && (r.head_repository?.full_name ?? ctx.repository) === ctx.repository);
    if (runs.length === 0) return none(`no successful run of ${workflowFile} on ${branch}`);
    let expired;
    for (const run of runs) {
      const arts = await client.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, per_page: 100 });
      const newest = newestAttemptArtifact(arts.data.artifacts, deps.artifactName);
      if (!newest) continue;
      if (newest.expired) {
        expired ??= { run: run.id, name: newest.name };
        continue;
      }
      logger.info(`Comparing with ${branch}: artifact ${newest.name} of run ${run.id} (${run.html_url})`);
      const found = await withDownloadedArtifact({ artifactId: newest.id, runId: run.id, owner, repo, token: deps.token }, async (dir) => {
        const file = pickStatementFile(await listFiles(dir));
        return file ? (await loadDocument(path2.join(dir, file))).statement : void 0;
      });
      if (found) return { found: true, statement: found, source: `artifact ${newest.name} of run ${run.id}` };
      return unreadable(`artifact ${newest.name} of run ${run.id} holds no provenance statement`, "check what the base branch job uploads under this artifact-name");
    }
    if (expired) {
      return unreadable(
        `the base branch's newest record (artifact ${expired.name} of run ${expired.run}) has expired`,
        "re-run the base branch workflow, or keep records longer with `retention-days`"
      );
    }
    return none(`no artifact named ${deps.artifactName} in the last ${runs.length} successful runs of ${workflowFile} on ${branch}`);
  } catch (err) {
    const e = stepError("base-record", "finding the base-branch record", err, { permission: "actions: read" });
    const facts = failureFacts(err);
    if (facts.status === 403 || facts.status === 401) {
      return unreadable(`the token may not read this repository's workflow runs and artifacts (HTTP ${facts.status})`, "give the job `permissions: actions: read`");
    }
    if (facts.status === 404) {
      return unreadable("the workflow run or its artifact was not found (HTTP 404)", "check that the base branch runs this workflow and uploads its artifact; give the job `permissions: actions: read`");
    }
    return unreadable(e.userMessage, "re-run the job if GitHub was unavailable");
  }
}
__name(fetchBaseStatement, "fetchBaseStatement");

// src/publish/index.ts
var PublishError = class extends ServiceError {
  static {
    __name(this, "PublishError");
  }
  result;
  constructor(code, message, fix, result, cause) {
    super(code, message, { fix, cause });
    this.name = "PublishError";
    this.result = result;
  }
};
var RELEASE_CONTENT_TYPE = "application/json";
function releaseAssetName(file, artifactName) {
  const base = path3.basename(file);
  return artifactName === DEFAULT_ARTIFACT_NAME ? base : base.replace(/^provenance(?=\.)/, artifactName);
}
__name(releaseAssetName, "releaseAssetName");
function artifactUrl(ctx, id) {
  return `${ctx.serverUrl}/${ctx.repository}/actions/runs/${encodeURIComponent(ctx.runId)}/artifacts/${encodeURIComponent(id)}`;
}
__name(artifactUrl, "artifactUrl");
async function requireFile(file, what) {
  try {
    await access(file);
  } catch {
    throw new InputError("publish-file-missing", `${what} to publish not found: ${file}`, {
      fix: "build (and sign) the record before publishing, and pass the paths they were written to",
      file
    });
  }
}
__name(requireFile, "requireFile");
async function publish(req, ctx, deps) {
  const { logger } = deps;
  const [owner = "", repo = ""] = ctx.repository.split("/");
  const repoRef = { owner, repo };
  const result = { failures: [] };
  const { statement, bundle, summary, slsaBundle } = req.files;
  await requireFile(statement, "statement");
  await requireFile(summary, "summary");
  if (bundle) await requireFile(bundle, "bundle");
  if (slsaBundle) await requireFile(slsaBundle, "SLSA bundle");
  let client = deps.octokit;
  const github = /* @__PURE__ */ __name(() => client ??= createGitHubClient({ token: deps.token, baseUrl: ctx.apiUrl, logger }), "github");
  const errors = [];
  const step = /* @__PURE__ */ __name(async (name, fn) => {
    try {
      await fn();
    } catch (error) {
      errors.push({ step: name, error });
    }
  }, "step");
  const tasks = [];
  if (req.artifact.enabled) {
    tasks.push(
      step("artifact", async () => {
        const files = [statement, bundle, summary, slsaBundle].filter((f) => Boolean(f));
        const res = await uploadWorkflowArtifact(
          {
            name: req.artifact.name,
            attempt: Number(ctx.runAttempt) || 1,
            files,
            ...req.artifact.retentionDays === void 0 ? {} : { retentionDays: req.artifact.retentionDays }
          },
          logger
        );
        result.artifactId = res.id;
        result.artifactName = res.name;
        result.artifactUrl = artifactUrl(ctx, res.id);
        if (res.digest) result.artifactDigest = res.digest;
      })
    );
  }
  if (req.releaseTag) {
    const tag = req.releaseTag;
    tasks.push(
      step("release", async () => {
        const files = [statement, bundle, slsaBundle, summary].filter((f) => Boolean(f)).map((f) => ({ path: f, name: releaseAssetName(f, req.artifact.name), contentType: f === summary ? "text/markdown" : RELEASE_CONTENT_TYPE }));
        const res = await publishReleaseAssets(
          github(),
          repoRef,
          { tag, files, createIfMissing: req.createRelease ?? true, ...ctx.sha ? { targetCommitish: ctx.sha } : {} },
          logger
        );
        const main = (bundle && res.assets.find((a) => a.name === releaseAssetName(bundle, req.artifact.name))) ?? res.assets[0];
        if (main) result.releaseAssetUrl = main.url;
        result.releaseAssets = res.assets.map((a) => ({ name: a.name, url: a.url, sha256: a.sha256 }));
      })
    );
  }
  if (req.comment.enabled) {
    if (req.comment.prNumber === void 0) {
      logger.info("No pull request for this run: skipping the PR comment");
    } else {
      const issueNumber = req.comment.prNumber;
      tasks.push(
        step("comment", async () => {
          const parts = [ctx.workflow ?? ctx.workflowRef ?? "workflow", ctx.job ?? "job", req.artifact.name];
          const legacyMarker = legacyCommentMarker(...parts);
          const res = await upsertStickyComment(
            github(),
            repoRef,
            { issueNumber, marker: commentMarker(...parts), ...legacyMarker ? { legacyMarker } : {}, body: req.comment.body },
            logger
          );
          result.commentUrl = res.url;
        })
      );
    }
  }
  if (req.attestations.enabled) {
    if (req.attestations.bundles.length === 0) {
      logger.info("No signed bundle: skipping the attestations API");
    } else {
      tasks.push(
        step("attestations", async () => {
          const ids = [];
          for (const b of req.attestations.bundles) ids.push(await createAttestation(github(), repoRef, b, logger));
          result.attestationIds = ids;
        })
      );
    }
  }
  if (req.jobSummary) {
    tasks.push(
      step("summary", async () => {
        const file = (deps.env ?? process.env).GITHUB_STEP_SUMMARY;
        if (!file) {
          logger.debug("GITHUB_STEP_SUMMARY is not set: no job summary");
          return;
        }
        await appendFile(file, req.comment.body.endsWith("\n") ? req.comment.body : `${req.comment.body}
`);
      })
    );
  }
  await Promise.all(tasks);
  const order = ["artifact", "release", "comment", "attestations", "summary"];
  errors.sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
  for (const { step: name, error } of errors) {
    const e = toProvenanceError(error);
    const text = e.userMessage.startsWith(`${name}: `) ? e.userMessage.slice(name.length + 2) : e.userMessage;
    result.failures.push({ step: name, message: text, code: e.code });
    logger.debug(`publish step ${name} failed: ${e.userMessage}`);
  }
  if (req.failOnError && errors.length > 0) {
    const es = errors.map((x) => toProvenanceError(x.error));
    if (es.length === 1) {
      const e = es[0];
      throw new PublishError(e.code, e.message, e.fix ?? "re-run the job", result, e);
    }
    throw new PublishError(
      "publish-failed",
      `publishing failed in ${es.length} steps: ${es.map((e) => e.message).join("; ")}`,
      es.map((e) => e.fix).filter(Boolean).join("; ") || "re-run the job",
      result,
      es[0]
    );
  }
  return result;
}
__name(publish, "publish");
export {
  MAX_COMMENT_CHARS,
  PublishError,
  artifactUrl,
  commentBody,
  commentMarker,
  commonDirectory,
  createAttestation,
  createGitHubClient,
  failureFacts,
  fetchBaseStatement,
  legacyCommentMarker,
  pickStatementFile,
  publish,
  publishReleaseAssets,
  releaseAssetName,
  stepError,
  uploadWorkflowArtifact,
  upsertStickyComment
};
