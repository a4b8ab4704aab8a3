import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  parseDirectionLines,
  valueLines
} from "./chunks/chunk-MX72BTTZ.js";
import {
  refusedValueShape
} from "./chunks/chunk-7HOGFP5I.js";
import "./chunks/chunk-QXFPCRYH.js";
import {
  isInside,
  posixRelative
} from "./chunks/chunk-KPRIV5WI.js";
import "./chunks/chunk-ZOAPFRB3.js";
import {
  readGitHubContext
} from "./chunks/chunk-E7LSDQ4Q.js";
import {
  InputError,
  toProvenanceError
} from "./chunks/chunk-NAV5SXXN.js";
import {
  debug,
  error,
  getInput,
  info,
  isDebug,
  notice,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-7JMVYQBW.js";
import {
  termLine,
  termText
} from "./chunks/chunk-5Y6NISUK.js";
import {
  __name
} from "./chunks/chunk-QANIRX4T.js";

// src/action/index.ts
import os from "node:os";

// src/action/annotation.ts
import { statSync } from "node:fs";
import path from "node:path";
function annotationFile(file, workspace) {
  if (!file) return void 0;
  const abs = path.resolve(workspace, file);
  if (!isInside(abs, path.resolve(workspace))) return void 0;
  try {
    if (!statSync(abs).isFile()) return void 0;
  } catch {
    return void 0;
  }
  return posixRelative(workspace, abs);
}
__name(annotationFile, "annotationFile");

// src/action/inputs.ts
function bool(name, v, allowAuto = false) {
  const s = v.trim().toLowerCase();
  if (["true", "yes", "1", "on"].includes(s)) return true;
  if (["false", "no", "0", "off"].includes(s)) return false;
  if (allowAuto && (s === "auto" || s === "")) return "auto";
  throw new InputError("bad-boolean-input", `input ${name} must be true or false${allowAuto ? " or auto" : ""} ${refusedValueShape(v)}`, {
    fix: `set \`${name}: true\` or \`${name}: false\` in the workflow`,
    fields: [name]
  });
}
__name(bool, "bool");
function opt(v) {
  const s = v.trim();
  return s ? s : void 0;
}
__name(opt, "opt");
function pathLines(name, v) {
  const lines = valueLines(v);
  const i = lines.findIndex((l) => l.startsWith("!"));
  if (i >= 0) {
    throw new InputError("exclusion-pattern", `input ${name}: line "${lines[i]}" is an exclusion pattern, and ${name} takes only paths and globs to include (no \`!\` lines, unlike actions/upload-artifact)`, {
      fix: `list only what to include: exact paths, or a glob that matches just those files (e.g. \`model/*.safetensors\`)`,
      fields: [name]
    });
  }
  return lines;
}
__name(pathLines, "pathLines");
function parseMetricDirections(v) {
  return parseDirectionLines(v, "input metric-directions");
}
__name(parseMetricDirections, "parseMetricDirections");
function parseInputs(get) {
  const g = /* @__PURE__ */ __name((n, d = "") => get(n) || d, "g");
  const subjects = pathLines("subject-path", g("subject-path"));
  const datasets = opt(g("datasets"));
  if (subjects.length === 0 && !datasets) {
    throw new InputError("no-subject-or-datasets", "neither subject-path nor datasets was given", {
      fix: "set `subject-path` to the trained model files (and `datasets` to the training data)",
      fields: ["subject-path", "datasets"]
    });
  }
  const sigstore = g("sigstore", "auto").trim();
  if (!["auto", "public-good", "github", "custom"].includes(sigstore)) {
    throw new InputError("bad-sigstore-input", `input sigstore must be auto, public-good, github or custom ${refusedValueShape(sigstore)}`, {
      fix: "use `sigstore: public-good` for public repositories, `github` for private ones, `custom` with fulcio-url/rekor-url",
      fields: ["sigstore"]
    });
  }
  const fulcioURL = opt(g("fulcio-url"));
  const rekorURL = opt(g("rekor-url"));
  const tsaURL = opt(g("tsa-url"));
  if (sigstore === "custom" && !fulcioURL) {
    throw new InputError("custom-sigstore-needs-urls", "sigstore is custom but fulcio-url is empty", {
      fix: "set fulcio-url and rekor-url (and tsa-url if your instance has one)",
      fields: ["fulcio-url"]
    });
  }
  for (const [name, url] of [["fulcio-url", fulcioURL], ["rekor-url", rekorURL], ["tsa-url", tsaURL]]) {
    if (url && !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new InputError("bad-url-input", `input ${name} is not an http(s) URL ${refusedValueShape(url)}`, {
        fix: `set ${name} to the service's base URL, https://host[:port] (no user:password@)`,
        fields: [name]
      });
    }
  }
  const retention = opt(g("retention-days"));
  let retentionDays;
  if (retention !== void 0) {
    retentionDays = Number(retention);
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 90) {
      throw new InputError("bad-retention-days", `input retention-days must be a whole number from 1 to 90 ${refusedValueShape(retention)}`, {
        fix: "set retention-days: 30 (or leave it empty for the repository default)",
        fields: ["retention-days"]
      });
    }
  }
  return {
    subjects,
    ...datasets ? { datasets } : {},
    configs: pathLines("config", g("config")),
    ...opt(g("image")) ? { image: opt(g("image")) } : {},
    ...opt(g("metrics")) ? { metrics: opt(g("metrics")) } : {},
    // An empty input is an input not given (the runner's rule); recordsLocation takes it from there.
    ...g("records").trim() ? { records: g("records").trim() } : {},
    ...opt(g("dvc")) ? { dvc: opt(g("dvc")) } : {},
    ...opt(g("mlflow-run")) ? { mlflowRun: opt(g("mlflow-run")) } : {},
    policy: g("policy", "standard").trim(),
    redact: valueLines(g("redact")),
    detectImage: bool("detect-image", g("detect-image", "true")),
    sign: bool("sign", g("sign", "true")),
    sigstore,
    ...fulcioURL ? { fulcioURL } : {},
    ...rekorURL ? { rekorURL } : {},
    ...tsaURL ? { tsaURL } : {},
    slsa: bool("slsa", g("slsa", "false")),
    uploadArtifact: bool("upload-artifact", g("upload-artifact", "true")),
    artifactName: g("artifact-name", "ml-provenance").trim(),
    ...retentionDays !== void 0 ? { retentionDays } : {},
    ...opt(g("release-tag")) ? { releaseTag: opt(g("release-tag")) } : {},
    comment: bool("comment", g("comment", "auto"), true),
    attestations: bool("attestations", g("attestations", "false")),
    failOnPublishError: bool("fail-on-publish-error", g("fail-on-publish-error", "true")),
    ...opt(g("output-dir")) ? { outputDir: opt(g("output-dir")) } : {},
    githubToken: g("github-token").trim(),
    ...parseMetricDirections(g("metric-directions")) ? { metricDirections: parseMetricDirections(g("metric-directions")) } : {},
    ...opt(g("store")) ? { store: opt(g("store")) } : {},
    pythonEnv: g("python-env", "auto").trim(),
    anonymize: valueLines(g("anonymize")),
    ...opt(g("pseudonym-key")) ? { pseudonymKey: opt(g("pseudonym-key")) } : {}
  };
}
__name(parseInputs, "parseInputs");

// src/action/index.ts
var logger = {
  info: /* @__PURE__ */ __name((m) => info(termLine(m)), "info"),
  warning: /* @__PURE__ */ __name((m, p) => warning(termText(m), p ?? {}), "warning"),
  error: /* @__PURE__ */ __name((m, p) => error(termText(m), p ?? {}), "error"),
  notice: /* @__PURE__ */ __name((m, p) => notice(termText(m), p ?? {}), "notice"),
  debug: /* @__PURE__ */ __name((m) => debug(termLine(m)), "debug")
};
async function main() {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  try {
    const inputs = parseInputs((name) => getInput(name));
    if (inputs.githubToken) setSecret(inputs.githubToken);
    if (inputs.store) setSecret(inputs.store);
    if (inputs.pseudonymKey) setSecret(inputs.pseudonymKey);
    const { run } = await import("./chunks/main-6IGABBZH.js");
    const outcome = await run(inputs, {
      io: {
        logger,
        setOutput: /* @__PURE__ */ __name((n, v) => setOutput(n, v), "setOutput"),
        summary: /* @__PURE__ */ __name(async (md) => {
          if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(md, true).write();
        }, "summary")
      },
      github: readGitHubContext(),
      workspace,
      tempDir: process.env.RUNNER_TEMP ?? os.tmpdir(),
      env: process.env,
      // Heavy modules (sigstore, octokit, @actions/artifact) load only when used, so a
      // failing input check or an incomplete record reports fast.
      // The runner's OIDC token is masked in the log like @actions/core's getIDToken does.
      signStatement: /* @__PURE__ */ __name(async (st, o) => (await import("./chunks/sign-5JNIM4C4.js")).signStatement(st, { ...o, onToken: /* @__PURE__ */ __name((t) => setSecret(t), "onToken") }), "signStatement"),
      preflightIdentity: /* @__PURE__ */ __name(async (o) => (await import("./chunks/sign-5JNIM4C4.js")).preflightIdentity(o), "preflightIdentity"),
      buildSlsaStatement: /* @__PURE__ */ __name(async (st, ctx) => (await import("./chunks/slsa-3RCFDMKL.js")).buildSlsaStatement(st, ctx), "buildSlsaStatement"),
      publish: /* @__PURE__ */ __name(async (req, ctx, d) => (await import("./chunks/publish-7CISDCUM.js")).publish(req, ctx, d), "publish"),
      fetchBaseStatement: /* @__PURE__ */ __name(async (ctx, d) => (await import("./chunks/publish-7CISDCUM.js")).fetchBaseStatement(ctx, d), "fetchBaseStatement"),
      diffStatements: /* @__PURE__ */ __name(async (base, head) => (await import("./chunks/diff-U6VL2UP2.js")).diffStatements(base, head), "diffStatements")
    });
    if (!outcome.ok) process.exitCode = 1;
  } catch (err) {
    const e = toProvenanceError(err);
    const file = annotationFile(e.file, workspace);
    error(termText(e.userMessage), {
      title: "ml-provenance",
      ...file ? { file, ...e.line ? { startLine: e.line } : {} } : {}
    });
    if (isDebug()) debug(String(err?.stack ?? err));
    process.exitCode = e.exitCode;
  }
}
__name(main, "main");
await main();
