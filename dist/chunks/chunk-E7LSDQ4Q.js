import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/capture/github.ts
import { readFileSync } from "node:fs";
function isGitHubActions(env = process.env) {
  return env.GITHUB_ACTIONS === "true" && Boolean(env.GITHUB_REPOSITORY) && Boolean(env.GITHUB_RUN_ID);
}
__name(isGitHubActions, "isGitHubActions");
function readEvent(file) {
  if (!file) return {};
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError("event-file-missing", `GITHUB_EVENT_PATH points at ${file}, which cannot be read`, {
      fix: "unset GITHUB_EVENT_PATH or point it at the event JSON file",
      file
    });
  }
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? v : {};
  } catch {
    throw new InputError("event-file-malformed", `GITHUB_EVENT_PATH file ${file} is not valid JSON`, {
      fix: "point GITHUB_EVENT_PATH at the event JSON the runner wrote",
      file
    });
  }
}
__name(readEvent, "readEvent");
function readGitHubContext(env = process.env) {
  if (!isGitHubActions(env)) return void 0;
  const ctx = {
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, ""),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    repository: env.GITHUB_REPOSITORY,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? "1",
    eventName: env.GITHUB_EVENT_NAME ?? "unknown",
    runner: {
      ...env.RUNNER_NAME ? { name: env.RUNNER_NAME } : {},
      ...env.RUNNER_OS ? { os: env.RUNNER_OS } : {},
      ...env.RUNNER_ARCH ? { arch: env.RUNNER_ARCH } : {},
      ...env.RUNNER_ENVIRONMENT ? { environment: env.RUNNER_ENVIRONMENT } : {}
    },
    event: readEvent(env.GITHUB_EVENT_PATH)
  };
  const optional = [
    ["repositoryId", env.GITHUB_REPOSITORY_ID],
    ["repositoryOwnerId", env.GITHUB_REPOSITORY_OWNER_ID],
    ["workflowRef", env.GITHUB_WORKFLOW_REF],
    ["workflowSha", env.GITHUB_WORKFLOW_SHA],
    ["workflow", env.GITHUB_WORKFLOW],
    ["job", env.GITHUB_JOB],
    ["runNumber", env.GITHUB_RUN_NUMBER],
    ["actor", env.GITHUB_ACTOR],
    ["workspace", env.GITHUB_WORKSPACE],
    ["baseRef", env.GITHUB_BASE_REF || void 0],
    ["headRef", env.GITHUB_HEAD_REF || void 0]
  ];
  for (const [k, v] of optional) if (v) ctx[k] = v;
  return ctx;
}
__name(readGitHubContext, "readGitHubContext");
function invocationUrl(ctx) {
  return `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`;
}
__name(invocationUrl, "invocationUrl");
function parseWorkflowRef(workflowRef) {
  const m = /^([^/]+\/[^/]+)\/(.+?)@(.+)$/.exec(workflowRef);
  if (!m) return void 0;
  return { repository: m[1], path: m[2], ref: m[3] };
}
__name(parseWorkflowRef, "parseWorkflowRef");
function pullRequestNumber(ctx) {
  const pr = ctx.event.pull_request;
  if (pr && typeof pr.number === "number") return pr.number;
  return void 0;
}
__name(pullRequestNumber, "pullRequestNumber");
function releaseTag(ctx) {
  const rel = ctx.event.release;
  return rel && typeof rel.tag_name === "string" ? rel.tag_name : void 0;
}
__name(releaseTag, "releaseTag");
function restrictedByGitHub(ctx, env) {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL) return void 0;
  const pr = ctx.event.pull_request;
  if (ctx.eventName.startsWith("pull_request") && ctx.eventName !== "pull_request_target" && pr?.head) {
    const head = pr.head.repo;
    const headName = head && typeof head.full_name === "string" ? head.full_name : void 0;
    if (head === null) return "this is a pull request from a fork that has since been deleted: GitHub gives such jobs no OIDC token and a read-only token";
    if (headName && headName.toLowerCase() !== ctx.repository.toLowerCase()) {
      return `this is a pull request from a fork (${headName}): GitHub gives such jobs no OIDC token and a read-only token`;
    }
  }
  if (ctx.actor === "dependabot[bot]") {
    return "this run was triggered by Dependabot: GitHub gives its jobs no OIDC token and a read-only token";
  }
  return void 0;
}
__name(restrictedByGitHub, "restrictedByGitHub");

export {
  readGitHubContext,
  invocationUrl,
  parseWorkflowRef,
  pullRequestNumber,
  releaseTag,
  restrictedByGitHub
};
