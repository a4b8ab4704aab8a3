import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  fmtNumber,
  mdCode,
  mdCodeBlock,
  mdInline,
  mdLink,
  mdText,
  renderChangesMarkdown
} from "./chunk-LHDT7ZK4.js";
import {
  lastMetrics
} from "./chunk-TEKKXLFQ.js";
import {
  datasetDisplayUri
} from "./chunk-VLIFT7NW.js";
import {
  commandInFolder,
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  sourceDependency
} from "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/render/coverage.ts
function checks(d) {
  const c = d.quality?.checks;
  if (!c?.length) return void 0;
  const failed = c.filter((x) => !x.passed).map((x) => x.name);
  return `${c.length - failed.length}/${c.length} checks passed${failed.length ? ` (failed: ${failed.join(", ")})` : ""}`;
}
__name(checks, "checks");
function datasetFacts(d) {
  const q = d.quality;
  return [
    d.source?.repository ? `source ${d.source.repository}` : void 0,
    d.source?.access ? `access ${d.source.access}` : void 0,
    d.source?.owner ? `owner ${d.source.owner}` : void 0,
    q?.rows !== void 0 ? `${q.rows} rows` : void 0,
    q?.missingRate !== void 0 ? `missing ${(q.missingRate * 100).toFixed(2)}%` : void 0,
    q?.labelDistribution ? `labels ${Object.entries(q.labelDistribution).map(([k, v]) => `${k}:${v}`).join(" ")}` : void 0,
    checks(d),
    d.sampling ? `sampling ${d.sampling.strategy}${d.sampling.by ? ` by ${d.sampling.by}` : ""}${d.sampling.fraction !== void 0 ? ` ${d.sampling.fraction}` : ""}` : void 0,
    d.synthetic ? `synthetic (${d.synthetic.generator}${d.synthetic.version ? `@${d.synthetic.version}` : ""})` : void 0,
    d.licenseHistory?.length ? `earlier licenses: ${d.licenseHistory.map((h) => `${h.license} (v${h.version})`).join(", ")}` : void 0
  ].filter((x) => Boolean(x));
}
__name(datasetFacts, "datasetFacts");
function runFacts(st) {
  const p = st.predicate;
  const env = p.environment;
  const c = env.cluster;
  const hw = env.hardware;
  const gpus = hw?.gpus?.length ? `${hw.gpus.length}\xD7 ${hw.gpus[0].name}${hw.gpus[0].cuda ? ` (CUDA ${hw.gpus[0].cuda})` : ""}` : void 0;
  return [
    p.experiment?.flags && Object.keys(p.experiment.flags).length ? `flags ${Object.entries(p.experiment.flags).map(([k, v]) => `${k}=${String(v)}`).join(", ")}` : void 0,
    c ? `cluster ${[c.nodes !== void 0 ? `${c.nodes} node(s)` : "", c.acceleratorsPerNode !== void 0 ? `${c.acceleratorsPerNode} accelerator(s)/node` : "", c.accelerator ?? "", c.strategy ?? "", c.scheduler ?? ""].filter(Boolean).join(", ")}` : void 0,
    hw ? `hardware ${[hw.cpu?.cores ? `${hw.cpu.cores} CPU(s)` : "", hw.memoryBytes ? `${(hw.memoryBytes / 2 ** 30).toFixed(0)} GiB` : "", gpus ?? ""].filter(Boolean).join(", ")} (from ${hw.sources.join(", ")})` : void 0,
    env.python ? `Python packages: ${Object.keys(env.python.packages).length} from ${env.python.file?.name ?? env.python.source}` : void 0,
    p.image?.source ? `image detected from ${p.image.source}` : void 0,
    p.pseudonyms ? `${p.pseudonyms.fields.length} value(s) pseudonymised (key ${p.pseudonyms.keyId})` : void 0,
    p.conflicts?.length ? `${p.conflicts.length} conflict(s) between sources (see the findings)` : void 0
  ].filter((x) => Boolean(x));
}
__name(runFacts, "runFacts");
function coverageMarkdown(st) {
  const lines = [];
  const run = runFacts(st);
  if (run.length) lines.push("#### Run", "", ...run.map((f) => `- ${mdText(f)}`), "");
  const data = st.predicate.datasets.map((d) => [d.id, datasetFacts(d)]).filter(([, f]) => f.length);
  if (data.length) {
    lines.push("#### Data origin and quality", "", "| dataset | facts |", "|---|---|");
    for (const [id, f] of data) lines.push(`| ${mdText(id)} | ${mdText(f.join("; "))} |`);
    lines.push("");
  }
  return lines;
}
__name(coverageMarkdown, "coverageMarkdown");
function coverageText(st) {
  const out = [];
  if (st.predicate.experiment?.purpose) out.push(`purpose: ${st.predicate.experiment.purpose}`);
  for (const f of runFacts(st)) out.push(`run: ${f}`);
  for (const d of st.predicate.datasets) {
    const f = datasetFacts(d);
    if (f.length) out.push(`dataset ${d.id}: ${f.join("; ")}`);
  }
  return out;
}
__name(coverageText, "coverageText");

// src/render/summary.ts
var MAX_DIGEST_LINES = 60;
function shortDigest(d) {
  return d ? mdCode(d.slice(0, 12)) : "\u2014";
}
__name(shortDigest, "shortDigest");
function titleText(t) {
  const where = [t?.workflow, t?.job].filter((x) => Boolean(x)).map(mdText).join(" / ");
  const leg = t?.leg ? ` \xB7 ${mdText(t.leg)}` : "";
  return `ML provenance${where ? ` \xB7 ${where}` : ""}${leg}`;
}
__name(titleText, "titleText");
function verdictLine(opts) {
  const parts = [];
  const p = opts.policy;
  if (p) {
    const errors = p.findings.filter((f) => f.severity === "error").length;
    parts.push(
      p.complete ? `**\u2705 Complete** under policy ${mdCode(p.policy, "inline")}` : `**\u274C Incomplete** under policy ${mdCode(p.policy, "inline")}: ${errors} ${errors === 1 ? "problem" : "problems"}`
    );
  }
  const s = opts.signature;
  if (typeof s === "string") parts.push(mdInline(s));
  else if (s?.signed) {
    const log = s.rekorLogIndex === void 0 ? "" : s.instance === "public-good" && /^\d+$/.test(s.rekorLogIndex) ? `, Rekor ${mdLink(`log index ${s.rekorLogIndex}`, `https://search.sigstore.dev/?logIndex=${s.rekorLogIndex}`)}` : `, Rekor log index ${mdText(s.rekorLogIndex)}`;
    parts.push(`**\u{1F50F} Signed**${s.identity ? ` by ${mdCode(s.identity, "inline")}` : ""} (Sigstore ${mdText(s.instance)}${log})`);
  } else if (s) parts.push(`not signed: ${mdInline(s.reason)}`);
  return parts.length ? parts.join(" \xB7 ") : void 0;
}
__name(verdictLine, "verdictLine");
function runRef(invocationId) {
  if (!invocationId) return void 0;
  const gh = /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/(\d+)(?:\/attempts\/(\d+))?$/.exec(invocationId);
  if (!gh) return `run ${mdCode(invocationId, "inline")}`;
  return mdLink(`run ${gh[1]}${gh[2] && gh[2] !== "1" ? ` (attempt ${gh[2]})` : ""}`, invocationId);
}
__name(runRef, "runRef");
function findings(p) {
  if (!p?.findings.length) return [];
  const item = /* @__PURE__ */ __name((f) => `- ${f.severity === "error" ? "\u274C" : "\u26A0\uFE0F"} ${mdCode(f.field, "inline")}: ${mdInline(f.message)} \u2014 ${mdInline(f.fix)}`, "item");
  const errors = p.findings.filter((f) => f.severity === "error");
  const warnings = p.findings.filter((f) => f.severity !== "error");
  const out = errors.length ? [...errors.map(item), ""] : [];
  if (warnings.length) {
    out.push(`<details><summary>\u26A0\uFE0F ${warnings.length} policy ${warnings.length === 1 ? "warning" : "warnings"}</summary>`, "", ...warnings.map(item), "", "</details>", "");
  }
  return out;
}
__name(findings, "findings");
function finalMetricsTable(st) {
  const ms = [...lastMetrics(st.predicate.metrics).values()];
  if (!ms.length) return ["_No metrics recorded._", ""];
  return [
    "| metric | value | split | epoch |",
    "|---|--:|---|--:|",
    ...ms.map((m) => `| ${mdText(m.name)} | ${fmtNumber(m.value)} | ${mdText(m.split)} | ${mdText(m.epoch)} |`),
    ""
  ];
}
__name(finalMetricsTable, "finalMetricsTable");
function changesSection(st, opts) {
  const b = opts.base;
  if (!b) return [];
  const out = [`### What changed since the base record${b.label ? ` (${mdCode(b.label, "inline")})` : ""}`, ""];
  if (b.diff) out.push(renderChangesMarkdown(b.diff, opts.directions).trimEnd(), "");
  else {
    out.push(`_${mdInline(b.note ?? "No record from the base branch to compare with.")}_`, "");
    out.push("**Final metrics**", "", ...finalMetricsTable(st));
  }
  return out;
}
__name(changesSection, "changesSection");
function fullRecord(st) {
  const p = st.predicate;
  const lines = [];
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  const counts = [
    `${st.subject.length} model ${st.subject.length === 1 ? "file" : "files"}`,
    `${p.datasets.length} ${p.datasets.length === 1 ? "dataset" : "datasets"}`,
    `${p.configFiles.length} config ${p.configFiles.length === 1 ? "file" : "files"}`,
    `${hp.length} ${hp.length === 1 ? "hyperparameter" : "hyperparameters"}`,
    `${p.steps.length} ${p.steps.length === 1 ? "step" : "steps"}`,
    `${lastMetrics(p.metrics).size} ${lastMetrics(p.metrics).size === 1 ? "metric" : "metrics"}`
  ];
  lines.push(`<details><summary><b>Full record</b>: ${counts.join(", ")}, full digests</summary>`, "");
  lines.push("#### Model", "");
  if (st.subject.length === 0) lines.push("_No model artifact recorded._");
  else {
    lines.push("| artifact | sha256 |", "|---|---|");
    const shown = st.subject.slice(0, 20);
    for (const s of shown) lines.push(`| ${mdCode(s.name)} | ${shortDigest(s.digest.sha256)} |`);
    if (st.subject.length > shown.length) lines.push(`| \u2026 ${st.subject.length - shown.length} more (see the statement) | |`);
  }
  lines.push("");
  lines.push("#### Data", "");
  if (p.datasets.length === 0) lines.push("_No dataset recorded._");
  else {
    lines.push("| dataset | sha256 | license | splits, seed |", "|---|---|---|---|");
    for (const d of p.datasets) {
      const splits = d.splits ? Object.entries(d.splits).map(([k, v]) => `${k} ${fmtNumber(v)}`).join(", ") : void 0;
      const how = [splits, d.seed !== void 0 ? `seed ${d.seed}` : void 0].filter(Boolean).join("; ");
      const digest = d.digest?.sha256 ? `${shortDigest(d.digest.sha256)}${d.digestSource === "given" ? " (given)" : ""}` : "\u2014";
      const name = `${mdCode(d.id)}${d.version ? ` ${mdText(`@${d.version}`)}` : ""}${d.uri !== d.id ? `<br>${mdText(datasetDisplayUri(d))}` : ""}`;
      lines.push(`| ${name} | ${digest} | ${mdText(d.license)} | ${mdText(how)} |`);
    }
  }
  lines.push("");
  lines.push("#### Image", "");
  if (p.image) lines.push(`Image: ${mdCode(p.image.reference, "inline")}${p.image.pinned ? "" : " \u26A0\uFE0F not pinned by digest"}`);
  else lines.push("_No container image recorded._");
  lines.push("");
  lines.push("#### Config and hyperparameters", "");
  if (p.configFiles.length) {
    lines.push("| file | sha256 | redacted |", "|---|---|---|");
    for (const c of p.configFiles) lines.push(`| ${mdCode(c.name)} | ${shortDigest(c.digest.sha256)} | ${c.redacted.length ? c.redacted.map((r) => mdCode(r)).join(", ") : "\u2014"} |`);
    lines.push("");
  }
  if (hp.length) {
    lines.push("| hyperparameter | value |", "|---|---|");
    for (const [k, v] of hp) lines.push(`| ${mdCode(k)} | ${mdCode(v)} |`);
    lines.push("");
  }
  if (!p.configFiles.length && !hp.length) lines.push("_No config file or hyperparameter recorded._", "");
  lines.push("#### Metrics (last epoch)", "", ...finalMetricsTable(st));
  if (p.steps.length) {
    lines.push("#### Transformation steps", "");
    lines.push("| # | step | library | inputs \u2192 outputs | parameters | command |", "|---|---|---|---|---|---|");
    p.steps.forEach((s, i) => {
      const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : void 0;
      const io = `${(s.inputs ?? []).join(", ") || "\u2014"} \u2192 ${(s.outputs ?? []).join(", ") || "\u2014"}`;
      const params = s.parameters ? Object.entries(s.parameters).map(([k, v]) => `${k}=${String(v)}`).join(", ") : void 0;
      lines.push(`| ${i + 1} | ${mdText(s.name)} | ${mdText(lib)} | ${mdText(io)} | ${mdText(params)} | ${commandMd(s.command, s.workingDirectory, "cell")} |`);
    });
    lines.push("");
  }
  lines.push(...coverageMarkdown(st));
  const digests = fullDigests(st);
  if (digests.length) {
    const more = digests.length - MAX_DIGEST_LINES;
    lines.push("#### Full digests", "", "One `sha256sum -c` line a file; the dataset, image and commit lines say what they are.", "", mdCodeBlock(digests.slice(0, MAX_DIGEST_LINES)), "");
    if (more > 0) lines.push(`\u2026 and ${more} more in \`provenance.intoto.json\`.`, "");
  }
  const env = p.environment;
  const libs = env.libraries ? Object.entries(env.libraries).map(([k, v]) => `${k} ${v}`).join(", ") : "";
  lines.push(
    `<sub>Environment: ${mdText(env.os)} ${mdText(env.arch)}${env.runner?.environment ? ` (${mdText(env.runner.environment)})` : ""}${libs ? ` \xB7 ${mdText(libs)}` : ""} \xB7 ml-provenance ${mdText(env.tools?.["ml-provenance"])}</sub>`,
    ""
  );
  lines.push("</details>", "");
  return lines;
}
__name(fullRecord, "fullRecord");
function commandMd(argv, dir, where) {
  if (!argv?.length) return "\u2014";
  return `${mdCode(shellWords(argv), where)}${dir ? ` in ${mdCode(`${dir}/`, where)}` : ""}`;
}
__name(commandMd, "commandMd");
function fullDigests(st) {
  const p = st.predicate;
  const out = [];
  for (const s of st.subject) out.push(`${s.digest.sha256}  ${s.name}`);
  for (const d of p.datasets) if (d.digest?.sha256) out.push(`${d.digest.sha256}  dataset ${d.id}${d.version ? `@${d.version}` : ""}`);
  for (const c of p.configFiles) out.push(`${c.digest.sha256}  ${c.name}`);
  if (p.image?.digest?.sha256) out.push(`${p.image.digest.sha256}  image ${p.image.reference}`);
  const src = sourceDependency(st);
  if (src?.digest?.gitCommit) out.push(`${src.digest.gitCommit}  git commit of ${src.uri ?? "the source"}`);
  return out;
}
__name(fullDigests, "fullDigests");
function renderLeakSummaryMarkdown(leaks, opts = {}) {
  return [
    `## ${titleText(opts.title)}`,
    "",
    `**\u274C Not signed:** the record still holds values named in \`anonymize\` in clear at ${leaks.length} place(s); its summary is withheld so they are not published here.`,
    "",
    ...leaks.map((f) => `- ${mdCode(f.field, "inline")}: ${mdText(f.message)} \u2014 ${mdText(f.fix)}`),
    ""
  ].join("\n");
}
__name(renderLeakSummaryMarkdown, "renderLeakSummaryMarkdown");
function renderSummaryMarkdown(st, opts = {}) {
  const p = st.predicate;
  const lines = [`## ${titleText(opts.title)}`, ""];
  const verdict = verdictLine(opts);
  if (verdict) lines.push(verdict, "");
  const src = sourceDependency(st);
  const facts = [
    src ? `Source ${mdCode(src.uri ?? "", "inline")} at ${shortDigest(src.digest?.gitCommit)}` : void 0,
    runRef(p.runDetails.metadata.invocationId),
    ...(opts.links ?? []).map((l) => mdLink(l.label, l.url))
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join(" \xB7 "), "");
  const ext = p.buildDefinition.externalParameters;
  if (ext.command?.length) lines.push(`Command: ${commandMd(ext.command, ext.workingDirectory, "inline")}`, "");
  if (p.experiment?.purpose) lines.push(`Purpose: ${mdText(p.experiment.purpose)}`, "");
  lines.push(...findings(opts.policy));
  lines.push(...changesSection(st, opts));
  if (opts.mermaid) lines.push("### Lineage", "", "```mermaid", opts.mermaid.trimEnd(), "```", "");
  lines.push(...fullRecord(st));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
__name(renderSummaryMarkdown, "renderSummaryMarkdown");
function renderSummaryText(st, opts = {}) {
  const p = st.predicate;
  const out = [];
  if (opts.policy) out.push(`record: ${opts.policy.complete ? "complete" : "INCOMPLETE"} (policy ${opts.policy.policy})`);
  for (const f of opts.policy?.findings ?? []) out.push(`  ${f.severity}: ${f.field}: ${f.message} \u2014 ${f.fix}`);
  out.push(`subjects: ${st.subject.length}`);
  for (const s of st.subject.slice(0, 20)) out.push(`  ${s.name}  sha256:${s.digest.sha256}`);
  out.push(`datasets: ${p.datasets.length}`);
  for (const d of p.datasets) {
    out.push(`  ${d.id}${d.version ? `@${d.version}` : ""}  ${datasetDisplayUri(d)}  ${d.digest?.sha256 ? `sha256:${d.digest.sha256}` : "(no digest)"}${d.license ? `  ${d.license}` : ""}`);
  }
  if (p.image) out.push(`image: ${p.image.reference}${p.image.pinned ? "" : "  (NOT pinned by digest)"}`);
  const ext = p.buildDefinition.externalParameters;
  if (ext.command?.length) out.push(`command: ${commandInFolder(ext.command, ext.workingDirectory)}`);
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  if (hp.length) out.push(`hyperparameters: ${hp.map(([k, v]) => `${k}=${String(v)}`).join(" ")}`);
  for (const c of p.configFiles) out.push(`config: ${c.name}  sha256:${c.digest.sha256}${c.redacted.length ? `  redacted ${c.redacted.join(", ")}` : ""}`);
  for (const m of [...lastMetrics(p.metrics).values()]) out.push(`metric: ${m.name}${m.split ? ` [${m.split}]` : ""} = ${fmtNumber(m.value)}${m.epoch !== void 0 ? ` (epoch ${m.epoch})` : ""}`);
  for (const s of p.steps) {
    const cmd = s.command?.length ? `; command: ${commandInFolder(s.command, s.workingDirectory)}` : "";
    out.push(`step: ${s.name}${s.library ? ` (${s.library}${s.version ? `@${s.version}` : ""})` : ""} ${(s.inputs ?? []).join(",") || "(no inputs)"} -> ${(s.outputs ?? []).join(",") || "(no outputs)"}${cmd}`);
  }
  out.push(...coverageText(st));
  return out.join("\n") + "\n";
}
__name(renderSummaryText, "renderSummaryText");
function renderPublishedMarkdown(p) {
  const lines = [];
  const sums = [];
  if (p.artifact) {
    const a = p.artifact;
    lines.push(`- Workflow artifact ${mdLink(a.name, a.url)} (id ${mdText(a.id)})${a.digest ? `: zip ${mdCode(a.digest, "inline")}` : ""}`);
    if (a.digest?.startsWith("sha256:")) sums.push(`${a.digest.slice(7)}  ${a.name}.zip`);
  }
  if (p.release?.assets.length) {
    lines.push(`- Release ${mdCode(p.release.tag, "inline")} assets:`);
    for (const f of p.release.assets) {
      lines.push(`  - ${mdLink(f.name, f.url)}: ${mdCode(`sha256:${f.sha256}`, "inline")}`);
      sums.push(`${f.sha256}  ${f.name}`);
    }
  }
  if (!lines.length) return "";
  const out = ["", "### Published", "", ...lines, ""];
  if (sums.length) out.push("<details><summary>sha256 of each published file</summary>", "", mdCodeBlock(sums), "", "</details>", "");
  return out.join("\n");
}
__name(renderPublishedMarkdown, "renderPublishedMarkdown");

export {
  renderLeakSummaryMarkdown,
  renderSummaryMarkdown,
  renderSummaryText,
  renderPublishedMarkdown
};
