import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/publish/base-record.ts
function baseRecordSentence(r) {
  return r.unreadable ? `_Could not read the base branch's record, so nothing is compared: ${r.reason}${r.fix ? ` \u2014 ${r.fix}` : ""}._` : `_No record from the base branch to compare with (${r.reason})._`;
}
__name(baseRecordSentence, "baseRecordSentence");

// src/publish/errors.ts
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT"
]);
function causeCode(err) {
  let e = err;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return e.code;
    e = e.cause;
  }
  return void 0;
}
__name(causeCode, "causeCode");
function failureFacts(err) {
  const e = err;
  const status = typeof e?.status === "number" ? e.status : void 0;
  const data = e?.response?.data;
  let detail = typeof data?.message === "string" ? data.message : e?.message === void 0 ? String(err) : String(e.message);
  if (Array.isArray(data?.errors) && data.errors.length > 0) {
    const parts = data.errors.map(
      (x) => [x.field, x.code, x.message].filter(Boolean).join(" ")
    );
    detail = `${detail} (${parts.join("; ")})`;
  }
  const code = causeCode(err);
  const network = code !== void 0 || /fetch failed|socket hang up|other side closed/i.test(detail);
  if (code && !detail.includes(code)) detail = `${detail} (${code})`;
  const headers = e?.response?.headers ?? {};
  const rateLimited = status === 429 || status === 403 && (/rate limit/i.test(detail) || headers["x-ratelimit-remaining"] === "0");
  return { ...status === void 0 || network ? {} : { status }, detail, rateLimited, network };
}
__name(failureFacts, "failureFacts");
function stepError(step, what, err, hints) {
  if (err instanceof ProvenanceError && err.kind !== "service") {
    return new ServiceError(`${step}-${err.code}`, `${step}: ${err.message}`, {
      ...err.fix === void 0 ? {} : { fix: err.fix },
      cause: err
    });
  }
  if (err instanceof ServiceError) return err;
  const f = failureFacts(err);
  const said = f.status === void 0 ? f.detail : `HTTP ${f.status}: ${f.detail}`;
  const message = `${step}: ${what} failed (${said})`;
  const special = hints.special?.(f);
  let code;
  let fix;
  if (special) {
    code = `${step}-failed`;
    fix = special;
  } else if (f.rateLimited) {
    code = `${step}-rate-limited`;
    fix = "GitHub kept rate-limiting the request after retries: re-run the job later, or run fewer jobs that publish at once";
  } else if (f.network || f.status !== void 0 && f.status >= 500) {
    code = `${step}-unavailable`;
    fix = "GitHub did not answer after retries: re-run the job (see https://www.githubstatus.com)";
  } else if (f.status === 401) {
    code = `${step}-unauthorized`;
    fix = "the github-token input is missing, expired or revoked: use the job token (the default) or a valid token";
  } else if (f.status === 403) {
    code = `${step}-forbidden`;
    fix = `give the job \`permissions: ${hints.permission}\` (a token passed as github-token needs the same access)`;
  } else if (f.status === 404) {
    code = `${step}-not-found`;
    fix = hints.notFound ?? `check that the token can see the repository and has \`${hints.permission}\``;
  } else {
    code = `${step}-failed`;
    fix = "re-run with ACTIONS_STEP_DEBUG=true to see the request, and report it if it persists";
  }
  return new ServiceError(code, message, { fix, cause: err });
}
__name(stepError, "stepError");
function statusOf(err) {
  const s = err?.status;
  return typeof s === "number" ? s : void 0;
}
__name(statusOf, "statusOf");

// src/publish/comment.ts
var MAX_COMMENT_CHARS = 65536;
function commentMarker(workflow, job, artifactName) {
  const enc = /* @__PURE__ */ __name((x) => encodeURIComponent(x).replace(/[-!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`), "enc");
  const leg = artifactName && artifactName !== DEFAULT_ARTIFACT_NAME ? ` a=${enc(artifactName)}` : "";
  return `<!-- ml-provenance v2 w=${enc(workflow)} j=${enc(job)}${leg} -->`;
}
__name(commentMarker, "commentMarker");
function legacyCommentMarker(workflow, job, artifactName) {
  if ([workflow, job, artifactName ?? ""].some((p) => p.includes(":"))) return void 0;
  const clean = /* @__PURE__ */ __name((x) => x.replace(/--+/g, "-").replace(/[<>\r\n]/g, "").trim(), "clean");
  const leg = artifactName && artifactName !== DEFAULT_ARTIFACT_NAME ? `:${clean(artifactName)}` : "";
  return `<!-- ml-provenance:${clean(workflow)}:${clean(job)}${leg} -->`;
}
__name(legacyCommentMarker, "legacyCommentMarker");
var DEFAULT_ARTIFACT_NAME = "ml-provenance";
function commentBody(marker, body) {
  const full = `${marker}
${body}`;
  if (full.length <= MAX_COMMENT_CHARS) return full;
  return truncatedBody(full);
}
__name(commentBody, "commentBody");
var TRUNCATED_NOTE = "\n\n\u2026 (truncated: the full summary is in the job summary and the provenance artifact)";
function truncatedBody(full) {
  let budget = MAX_COMMENT_CHARS - TRUNCATED_NOTE.length;
  for (; ; ) {
    const nl = full.lastIndexOf("\n", budget);
    const end = nl > budget / 2 ? nl : /[\uD800-\uDBFF]/.test(full[budget - 1] ?? "") ? budget - 1 : budget;
    const lines = full.slice(0, end).split("\n");
    let fenceAt = -1;
    let fence = "";
    lines.forEach((line, i) => {
      const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (!m) return;
      if (fenceAt < 0) [fenceAt, fence] = [i, m[1]];
      else if (m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fenceAt = -1;
    });
    const head = (fenceAt >= 0 ? lines.slice(0, fenceAt) : lines).join("\n").trimEnd().replace(/(?:\n+ {0,3}#{1,6}(?:[ \t][^\n]*)?)+$/, "");
    const open = (head.match(/<details\b/gi) ?? []).length - (head.match(/<\/details>/gi) ?? []).length;
    const text = head + "\n\n</details>".repeat(Math.max(0, open)) + TRUNCATED_NOTE;
    if (text.length <= MAX_COMMENT_CHARS) return text;
    budget -= text.length - MAX_COMMENT_CHARS;
  }
}
__name(truncatedBody, "truncatedBody");
var JOB_TOKEN_LOGIN = "github-actions[bot]";
async function commenter(client) {
  try {
    return (await client.rest.users.getAuthenticated({ request: { retries: 0 } })).data.login;
  } catch {
    return void 0;
  }
}
__name(commenter, "commenter");
async function upsertStickyComment(client, repo, req, logger) {
  const body = commentBody(req.marker, req.body);
  const me = await commenter(client);
  const markers = [req.marker, ...req.legacyMarker ? [req.legacyMarker] : []].map((m) => `${m}
`);
  const isOurs = /* @__PURE__ */ __name((c) => markers.some((m) => Boolean(c.body?.startsWith(m))) && c.user?.login === (me ?? JOB_TOKEN_LOGIN), "isOurs");
  const findOurs = /* @__PURE__ */ __name(async () => {
    const all = await client.paginate(client.rest.issues.listComments, {
      ...repo,
      issue_number: req.issueNumber,
      per_page: 100
    });
    return all.filter(isOurs);
  }, "findOurs");
  try {
    let ours = await findOurs();
    if (ours.length === 0) {
      try {
        const { data: data2 } = await client.rest.issues.createComment({ ...repo, issue_number: req.issueNumber, body, request: { retries: 0 } });
        logger.info(`Commented on #${req.issueNumber}: ${data2.html_url}`);
        return { id: data2.id, url: data2.html_url, action: "created" };
      } catch (err) {
        const f = failureFacts(err);
        if (!f.network && !(f.status !== void 0 && f.status >= 500)) throw err;
        ours = await findOurs();
        if (ours.length === 0 && f.network) {
          throw new ServiceError("comment-unknown", `comment: creating the comment on pull request #${req.issueNumber} got no answer (${f.detail}); it may still appear`, {
            fix: "re-run the job: a re-run edits the comment if it landed (and removes duplicates), or creates it",
            cause: err
          });
        }
        if (ours.length === 0) {
          const { data: data2 } = await client.rest.issues.createComment({ ...repo, issue_number: req.issueNumber, body });
          logger.info(`Commented on #${req.issueNumber}: ${data2.html_url}`);
          return { id: data2.id, url: data2.html_url, action: "created" };
        }
        logger.info(`The comment on #${req.issueNumber} landed although its answer was lost; updating it`);
      }
    }
    const first = ours[0];
    const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
    logger.info(`Updated the comment on #${req.issueNumber}: ${data.html_url}`);
    for (const extra of ours.slice(1)) {
      if (extra.user?.login !== first.user?.login) continue;
      try {
        await client.rest.issues.deleteComment({ ...repo, comment_id: extra.id });
      } catch (err) {
        logger.debug(`could not delete duplicate comment ${extra.id}: ${String(err)}`);
      }
    }
    return { id: data.id, url: data.html_url, action: "updated" };
  } catch (err) {
    throw stepError("comment", `commenting on pull request #${req.issueNumber}`, err, {
      permission: "pull-requests: write",
      notFound: `check that #${req.issueNumber} is a pull request of ${repo.owner}/${repo.repo}`,
      special: /* @__PURE__ */ __name((f) => f.status === 403 && /not accessible by integration/i.test(f.detail) ? "give the job `permissions: pull-requests: write`; on pull requests from forks the job token is read-only, so set comment: false there (or comment from a workflow_run workflow)" : void 0, "special")
    });
  }
}
__name(upsertStickyComment, "upsertStickyComment");

export {
  baseRecordSentence,
  failureFacts,
  stepError,
  statusOf,
  MAX_COMMENT_CHARS,
  commentMarker,
  legacyCommentMarker,
  DEFAULT_ARTIFACT_NAME,
  commentBody,
  upsertStickyComment
};
