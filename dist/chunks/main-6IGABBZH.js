import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DEFAULT_ARTIFACT_NAME,
  baseRecordSentence
} from "./chunk-WIUCQXMF.js";
import {
  assemble
} from "./chunk-ZCNL5YE5.js";
import "./chunk-LC6NRF5B.js";
import {
  pseudonymKey
} from "./chunk-BSFTEBY6.js";
import {
  actionLogReporter
} from "./chunk-II6Z5TGG.js";
import "./chunk-LNJGPLWF.js";
import {
  recordsLocation
} from "./chunk-WIVBIA5Y.js";
import "./chunk-2MLUS3IL.js";
import {
  renderLeakSummaryMarkdown,
  renderPublishedMarkdown,
  renderSummaryMarkdown
} from "./chunk-V75VBTGA.js";
import "./chunk-LHDT7ZK4.js";
import {
  lineageMermaid
} from "./chunk-P4UEVANE.js";
import "./chunk-NUK3A53C.js";
import "./chunk-SYMDRX5X.js";
import "./chunk-VUH2MMAD.js";
import "./chunk-4AFHKM7J.js";
import "./chunk-B5GPVALP.js";
import "./chunk-O4K44SJ3.js";
import {
  mergeOverrides
} from "./chunk-MX72BTTZ.js";
import "./chunk-AT7NZQCF.js";
import {
  formatFinding,
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import {
  outputDirInWorkspace,
  writeFileAtomic
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  pullRequestNumber,
  releaseTag,
  restrictedByGitHub
} from "./chunk-E7LSDQ4Q.js";
import {
  toProvenanceError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-TEKKXLFQ.js";
import "./chunk-DIIYQ2ZF.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import "./chunk-SUFGYESG.js";
import "./chunk-FBVPZRD5.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/action/main.ts
import path from "node:path";
function chooseInstance(choice, gh) {
  if (choice !== "auto") return choice;
  const repo = gh?.event.repository;
  const isPublic = repo?.visibility === "public" || repo?.visibility === void 0 && repo?.private === false;
  return isPublic ? "public-good" : "github";
}
__name(chooseInstance, "chooseInstance");
function annotateFindings(policy, io) {
  for (const f of policy.findings) {
    const title = `ml-provenance: ${f.field}`;
    if (f.severity === "error") io.logger.error(formatFinding(f), { title });
    else io.logger.warning(formatFinding(f), { title });
  }
}
__name(annotateFindings, "annotateFindings");
function recordLinks(gh, inputs) {
  const repo = `${gh.serverUrl}/${gh.repository}`;
  const links = [];
  if (inputs.uploadArtifact) links.push({ label: `artifact ${inputs.artifactName}`, url: `${repo}/actions/runs/${encodeURIComponent(gh.runId)}#artifacts` });
  const tag = inputs.releaseTag ?? releaseTag(gh);
  if (tag) links.push({ label: `release ${tag} assets`, url: `${repo}/releases/tag/${encodeURIComponent(tag)}` });
  return links;
}
__name(recordLinks, "recordLinks");
async function run(inputs, deps) {
  const { io, github: gh } = deps;
  const outDir = inputs.outputDir ? await outputDirInWorkspace(inputs.outputDir, deps.workspace, "output-dir", "set output-dir to a folder outside the checkout (e.g. ${{ runner.temp }}/provenance) or remove the symlink from the repository") : path.resolve(deps.tempDir, "ml-provenance");
  const files = {
    statement: path.join(outDir, "provenance.intoto.json"),
    bundle: path.join(outDir, "provenance.sigstore.json"),
    slsaBundle: path.join(outDir, "provenance.slsa.sigstore.json"),
    summary: path.join(outDir, "provenance.md")
  };
  const built = await assemble({
    workspace: deps.workspace,
    subjects: inputs.subjects,
    configs: inputs.configs,
    ...inputs.image ? { image: inputs.image } : {},
    ...inputs.datasets ? { datasets: inputs.datasets } : {},
    ...inputs.metrics ? { metricsFile: inputs.metrics } : {},
    // As for `ml-provenance record` and `build`: the input, else the job's ML_PROVENANCE_DIR.
    records: recordsLocation({ value: inputs.records, by: "the records input" }, deps.workspace, deps.env),
    policy: inputs.policy,
    redact: inputs.redact,
    ...gh ? { github: gh } : {},
    // Long hashing logs a progress line every 10 s; skipped special files are warnings.
    reporting: { progress: /* @__PURE__ */ __name(() => actionLogReporter((l) => io.logger.info(l)), "progress"), warn: /* @__PURE__ */ __name((m) => io.logger.warning(m), "warn") },
    bridges: { ...inputs.dvc ? { dvc: inputs.dvc } : {}, ...inputs.mlflowRun ? { mlflowRun: inputs.mlflowRun } : {} },
    capture: { pythonEnv: inputs.pythonEnv, env: deps.env, image: inputs.detectImage },
    anonymize: inputs.anonymize,
    ...inputs.pseudonymKey ? { pseudonymKey: pseudonymKey(inputs.pseudonymKey, "the pseudonym-key input") } : {}
  });
  io.setOutput("complete", String(built.policy.complete));
  io.setOutput("missing", built.policy.missing.join(","));
  io.setOutput("statement-digest", `sha256:${built.digest}`);
  annotateFindings(built.policy, io);
  const policyRules = (await resolvePolicy(inputs.policy, deps.workspace)).rules;
  const view = {
    title: {
      ...gh?.workflow ? { workflow: gh.workflow } : {},
      ...gh?.job ? { job: gh.job } : {},
      ...inputs.artifactName !== DEFAULT_ARTIFACT_NAME ? { leg: inputs.artifactName } : {}
    },
    policy: built.policy,
    mermaid: lineageMermaid(built.statement),
    directions: {
      overrides: mergeOverrides(policyRules.metrics?.directions, inputs.metricDirections),
      ...policyRules.metrics?.tolerance !== void 0 ? { tolerance: policyRules.metrics.tolerance } : {}
    }
  };
  if (!built.policy.complete) {
    const leaks = built.policy.findings.filter((f) => f.rule === "pseudonyms.leak");
    if (leaks.length) {
      await io.summary(renderLeakSummaryMarkdown(leaks, view));
      io.logger.error(
        `the provenance record still holds values named in anonymize in clear at ${leaks.length} place(s), annotated above \u2014 pseudonymise those fields too, or stop recording them; nothing was signed`,
        { title: "ml-provenance: pseudonymised values in clear" }
      );
      return { ok: false };
    }
    await io.summary(renderSummaryMarkdown(built.statement, { ...view, signature: { signed: false, reason: "the record is incomplete" } }));
    const n = built.policy.findings.filter((f) => f.severity === "error").length;
    io.logger.error(
      `the provenance record is incomplete under policy "${built.policy.policy}": ${n} problem(s), annotated above \u2014 supply the missing fields (missing: ${built.policy.missing.join(", ")})`,
      { title: "ml-provenance: record incomplete" }
    );
    return { ok: false };
  }
  await writeFileAtomic(files.statement, built.text);
  io.setOutput("statement-path", files.statement);
  io.logger.info(`statement: ${files.statement} (sha256:${built.digest})`);
  let signature = { signed: false, reason: "`sign: false`" };
  const bundles = [];
  let wroteSlsa = false;
  const restricted = gh ? restrictedByGitHub(gh, deps.env) : void 0;
  if (restricted) {
    signature = { signed: false, reason: "no OIDC token for this job" };
    (io.logger.notice ?? io.logger.info).call(
      io.logger,
      `${restricted}. The record was built and checked against the policy; signing, the release upload, the pull request comment and attestations are skipped (${inputs.uploadArtifact ? "the workflow artifact and the job summary are kept" : "the job summary is kept"}). The signed record comes from the run after merge.`,
      { title: "ml-provenance: not signed on this event" }
    );
  }
  if (inputs.sign && !restricted) {
    const signOpts = {
      instance: chooseInstance(inputs.sigstore, gh),
      ...inputs.fulcioURL ? { fulcioURL: inputs.fulcioURL } : {},
      ...inputs.rekorURL ? { rekorURL: inputs.rekorURL } : {},
      ...inputs.tsaURL ? { tsaURL: inputs.tsaURL } : {},
      env: deps.env,
      logger: io.logger
    };
    if (inputs.sigstore === "auto") {
      io.logger.info(`Sigstore instance: ${signOpts.instance} (${signOpts.instance === "public-good" ? "the repository is public" : "the repository is not known to be public: nothing goes to the public transparency log"}; set \`sigstore:\` to choose)`);
    }
    await deps.preflightIdentity(signOpts);
    const signed = await deps.signStatement(Buffer.from(built.text, "utf8"), signOpts);
    await writeFileAtomic(files.bundle, JSON.stringify(signed.bundle, null, 2) + "\n");
    bundles.push(signed.bundle);
    io.setOutput("bundle-path", files.bundle);
    if (signed.rekorLogIndex !== void 0) io.setOutput("rekor-log-index", signed.rekorLogIndex);
    signature = {
      signed: true,
      instance: signOpts.instance,
      ...signed.signerIdentity ? { identity: signed.signerIdentity } : {},
      ...signed.rekorLogIndex !== void 0 ? { rekorLogIndex: String(signed.rekorLogIndex) } : {}
    };
    io.logger.info(`bundle: ${files.bundle}${signed.rekorLogIndex !== void 0 ? ` (Rekor log index ${signed.rekorLogIndex})` : ""}`);
    if (inputs.slsa && gh) {
      const slsa = await deps.signStatement(await deps.buildSlsaStatement(built.statement, gh), signOpts);
      await writeFileAtomic(files.slsaBundle, JSON.stringify(slsa.bundle, null, 2) + "\n");
      bundles.push(slsa.bundle);
      wroteSlsa = true;
    }
    if (inputs.store) await writeToStore(inputs.store, files.bundle, inputs.failOnPublishError, io.logger);
  }
  const prNumber = gh ? pullRequestNumber(gh) : void 0;
  const commentEnabled = inputs.comment === "auto" ? prNumber !== void 0 : inputs.comment;
  let base;
  if (gh && prNumber !== void 0 && commentEnabled) {
    const label = gh.baseRef ? { label: gh.baseRef } : {};
    try {
      const found = await deps.fetchBaseStatement(gh, { token: inputs.githubToken, logger: io.logger, artifactName: inputs.artifactName });
      base = found.found ? { ...label, diff: await deps.diffStatements(found.statement, built.statement) } : { ...label, note: baseRecordSentence(found).replace(/^_(.*)_$/s, "$1") };
    } catch (err) {
      io.logger.warning(`could not compare with the base branch's record: ${toProvenanceError(err).userMessage}`);
    }
  }
  const summaryMd = renderSummaryMarkdown(built.statement, {
    ...view,
    signature,
    ...base ? { base } : {},
    ...gh ? { links: recordLinks(gh, inputs) } : {}
  });
  await writeFileAtomic(files.summary, summaryMd);
  io.setOutput("summary-path", files.summary);
  await io.summary(summaryMd);
  if (gh) {
    const tag = inputs.releaseTag ?? releaseTag(gh);
    const setPublishOutputs = /* @__PURE__ */ __name((r) => {
      if (r.artifactId) io.setOutput("artifact-id", r.artifactId);
      if (r.releaseAssetUrl) io.setOutput("release-asset-url", r.releaseAssetUrl);
      if (r.commentUrl) io.setOutput("comment-url", r.commentUrl);
    }, "setPublishOutputs");
    let result;
    try {
      result = await deps.publish(
        {
          files: { statement: files.statement, summary: files.summary, ...bundles.length ? { bundle: files.bundle } : {}, ...wroteSlsa ? { slsaBundle: files.slsaBundle } : {} },
          artifact: { enabled: inputs.uploadArtifact, name: inputs.artifactName, ...inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {} },
          ...tag && !restricted ? { releaseTag: tag } : {},
          comment: { enabled: commentEnabled && prNumber !== void 0 && !restricted, ...prNumber !== void 0 ? { prNumber } : {}, body: summaryMd },
          attestations: { enabled: inputs.attestations && bundles.length > 0 && !restricted, bundles },
          failOnError: inputs.failOnPublishError
        },
        gh,
        { token: inputs.githubToken, logger: io.logger }
      );
    } catch (err) {
      const partial = err?.result;
      if (partial) setPublishOutputs(partial);
      throw err;
    }
    setPublishOutputs(result);
    const published = renderPublishedMarkdown({
      ...result.artifactId && result.artifactUrl ? { artifact: { name: result.artifactName ?? inputs.artifactName, id: result.artifactId, url: result.artifactUrl, ...result.artifactDigest ? { digest: result.artifactDigest } : {} } } : {},
      ...result.releaseAssets?.length ? { release: { tag: tag ?? "", assets: result.releaseAssets } } : {}
    });
    if (published) await io.summary(published);
    for (const f of result.failures) io.logger.warning(`${f.step}: ${f.message}`, { title: `ml-provenance: ${f.step} failed` });
  } else {
    io.logger.info("not running in GitHub Actions: nothing is published");
  }
  return { ok: true, statementPath: files.statement, ...bundles.length ? { bundlePath: files.bundle } : {}, summaryPath: files.summary };
}
__name(run, "run");
async function writeToStore(spec, bundleFile, failOnError, logger) {
  const { openStore, storeDocument, writeDocuments } = await import("./store-VEY5VGIE.js");
  const { readFile } = await import("node:fs/promises");
  try {
    const db = await openStore(spec, { logger });
    try {
      const r = await writeDocuments(db, [storeDocument(await readFile(bundleFile), bundleFile)], { verified: false });
      logger.info(`store ${db.location}: ${r.stored.length ? `stored run ${r.stored[0].runId}` : "run already stored"}`);
    } finally {
      await db.close();
    }
  } catch (err) {
    if (failOnError) throw err;
    logger.warning(`could not write the bundle to the store: ${toProvenanceError(err).userMessage}`);
  }
}
__name(writeToStore, "writeToStore");
export {
  chooseInstance,
  recordLinks,
  run
};
