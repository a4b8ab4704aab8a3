import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  graphFromStatements
} from "./chunk-3ESXPTDV.js";
import {
  lastMetrics,
  mdCode,
  mdText
} from "./chunk-OED5QAUZ.js";
import {
  renderMermaid
} from "./chunk-7GSWSSOS.js";
import {
  sourceDependency
} from "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/render/summary.ts
function shortDigest(d) {
  return d ? `\`${d.slice(0, 12)}\`` : "\u2014";
}
__name(shortDigest, "shortDigest");
function fmtNumber(n) {
  return Number.isInteger(n) ? String(n) : Number(n.toPrecision(6)).toString();
}
__name(fmtNumber, "fmtNumber");
function renderSummaryMarkdown(st, opts = {}) {
  const p = st.predicate;
  const lines = [];
  const verdict = opts.policy ? opts.policy.complete ? `\u2705 complete under policy \`${opts.policy.policy}\`` : `\u274C incomplete under policy \`${opts.policy.policy}\` (${opts.policy.findings.filter((f) => f.severity === "error").length} problem(s))` : "";
  lines.push("## ML provenance");
  lines.push("");
  if (verdict) lines.push(`**Record:** ${verdict}  `);
  if (opts.signature) lines.push(`**Signature:** ${opts.signature}  `);
  const src = sourceDependency(st);
  if (src) lines.push(`**Source:** \`${src.uri ?? ""}\` at ${shortDigest(src.digest?.gitCommit)}  `);
  if (p.runDetails.metadata.invocationId) lines.push(`**Run:** ${p.runDetails.metadata.invocationId}  `);
  lines.push("");
  if (opts.policy && opts.policy.findings.length) {
    lines.push("### Policy findings", "");
    for (const f of opts.policy.findings) lines.push(`- ${f.severity === "error" ? "\u274C" : "\u26A0\uFE0F"} ${mdCode(f.field)}: ${mdText(f.message)} \u2014 ${mdText(f.fix)}`);
    lines.push("");
  }
  lines.push("### Model", "");
  if (st.subject.length === 0) lines.push("_No model artifact recorded._");
  else {
    lines.push("| artifact | sha256 |", "|---|---|");
    const shown = st.subject.slice(0, 20);
    for (const s of shown) lines.push(`| ${mdCode(s.name)} | ${shortDigest(s.digest.sha256)} |`);
    if (st.subject.length > shown.length) lines.push(`| \u2026 ${st.subject.length - shown.length} more | |`);
  }
  lines.push("");
  lines.push("### Data", "");
  if (p.datasets.length === 0) lines.push("_No dataset recorded._");
  else {
    lines.push("| dataset | version | sha256 | license | splits | seed |", "|---|---|---|---|---|---|");
    for (const d of p.datasets) {
      const splits = d.splits ? Object.entries(d.splits).map(([k, v]) => `${k} ${fmtNumber(v)}`).join(", ") : void 0;
      const digest = d.digest?.sha256 ? `${shortDigest(d.digest.sha256)}${d.digestSource === "given" ? " (given)" : ""}` : "\u2014";
      lines.push(`| ${mdCode(d.id)} ${d.uri !== d.id ? `<br>${mdText(d.uri)}` : ""} | ${mdText(d.version)} | ${digest} | ${mdText(d.license)} | ${mdText(splits)} | ${mdText(d.seed)} |`);
    }
  }
  lines.push("");
  lines.push("### Image", "");
  if (p.image) lines.push(`${mdCode(p.image.reference)}${p.image.pinned ? "" : " \u26A0\uFE0F not pinned by digest"}`);
  else lines.push("_No container image recorded._");
  lines.push("");
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  lines.push("### Config and hyperparameters", "");
  if (p.configFiles.length) {
    lines.push("| file | sha256 | redacted |", "|---|---|---|");
    for (const c of p.configFiles) lines.push(`| ${mdCode(c.name)} | ${shortDigest(c.digest.sha256)} | ${c.redacted.length ? c.redacted.map((r) => `${mdCode(r)}`).join(", ") : "\u2014"} |`);
    lines.push("");
  }
  if (hp.length) {
    lines.push("| hyperparameter | value |", "|---|---|");
    for (const [k, v] of hp) lines.push(`| ${mdCode(k)} | ${mdText(v)} |`);
    lines.push("");
  }
  if (!p.configFiles.length && !hp.length) lines.push("_None recorded._", "");
  if (p.buildDefinition.externalParameters.command?.length) {
    lines.push(`Command: ${mdCode(p.buildDefinition.externalParameters.command.join(" "))}`, "");
  }
  lines.push("### Metrics", "");
  if (p.metrics.length === 0) lines.push("_No metrics recorded._");
  else {
    lines.push("| metric | value | split | epoch |", "|---|---|---|---|");
    for (const m of [...lastMetrics(p.metrics).values()]) lines.push(`| ${mdText(m.name)} | ${fmtNumber(m.value)} | ${mdText(m.split)} | ${mdText(m.epoch)} |`);
  }
  lines.push("");
  if (p.steps.length) {
    lines.push("### Transformation steps", "");
    lines.push("| # | step | library | inputs \u2192 outputs | parameters |", "|---|---|---|---|---|");
    p.steps.forEach((s, i) => {
      const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : void 0;
      const io = `${(s.inputs ?? []).join(", ") || "\u2014"} \u2192 ${(s.outputs ?? []).join(", ") || "\u2014"}`;
      const params = s.parameters ? Object.entries(s.parameters).map(([k, v]) => `${k}=${String(v)}`).join(", ") : void 0;
      lines.push(`| ${i + 1} | ${mdText(s.name)} | ${mdText(lib)} | ${mdText(io)} | ${mdText(params)} |`);
    });
    lines.push("");
  }
  if (opts.mermaid) {
    lines.push("### Lineage", "", "```mermaid", opts.mermaid.trimEnd(), "```", "");
  }
  if (opts.diffMarkdown) {
    lines.push("### Changes against the base branch", "", opts.diffMarkdown.trimEnd(), "");
  }
  const env = p.environment;
  lines.push(
    `<sub>Environment: ${mdText(env.os)} ${mdText(env.arch)}${env.runner?.environment ? ` (${env.runner.environment})` : ""}${env.libraries ? ` \xB7 ${Object.entries(env.libraries).map(([k, v]) => `${k} ${v}`).join(", ")}` : ""} \xB7 ml-provenance ${env.tools?.["ml-provenance"] ?? ""}</sub>`
  );
  for (const l of opts.links ?? []) lines.push(`<sub>[${mdText(l.label)}](${l.url})</sub>`);
  return lines.join("\n") + "\n";
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
    out.push(`  ${d.id}${d.version ? `@${d.version}` : ""}  ${d.uri}  ${d.digest?.sha256 ? `sha256:${d.digest.sha256}` : "(no digest)"}${d.license ? `  ${d.license}` : ""}`);
  }
  if (p.image) out.push(`image: ${p.image.reference}${p.image.pinned ? "" : "  (NOT pinned by digest)"}`);
  const hp = Object.entries(p.buildDefinition.externalParameters.hyperparameters);
  if (hp.length) out.push(`hyperparameters: ${hp.map(([k, v]) => `${k}=${String(v)}`).join(" ")}`);
  for (const c of p.configFiles) out.push(`config: ${c.name}  sha256:${c.digest.sha256}${c.redacted.length ? `  redacted ${c.redacted.join(", ")}` : ""}`);
  for (const m of [...lastMetrics(p.metrics).values()]) out.push(`metric: ${m.name}${m.split ? ` [${m.split}]` : ""} = ${fmtNumber(m.value)}${m.epoch !== void 0 ? ` (epoch ${m.epoch})` : ""}`);
  for (const s of p.steps) out.push(`step: ${s.name}${s.library ? ` (${s.library}${s.version ? `@${s.version}` : ""})` : ""} ${(s.inputs ?? []).join(",")} -> ${(s.outputs ?? []).join(",")}`);
  return out.join("\n") + "\n";
}
__name(renderSummaryText, "renderSummaryText");

// src/render/lineage.ts
function lineageMermaid(st) {
  return renderMermaid(graphFromStatements([st]));
}
__name(lineageMermaid, "lineageMermaid");

export {
  renderSummaryMarkdown,
  renderSummaryText,
  lineageMermaid
};
