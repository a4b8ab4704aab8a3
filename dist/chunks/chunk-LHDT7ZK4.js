import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  fmtNumber
} from "./chunk-NUK3A53C.js";
import {
  judgeChange
} from "./chunk-MX72BTTZ.js";
import {
  commandGone,
  folderText
} from "./chunk-TEKKXLFQ.js";
import {
  displayUri
} from "./chunk-VLIFT7NW.js";
import {
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/render/markdown.ts
var ZWJ = "\u200D";
var CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function text(v) {
  if (v === void 0 || v === null || v === "") return void 0;
  return (typeof v === "string" ? v : JSON.stringify(v) ?? String(v)).replace(/\r\n?|\n|\u2028|\u2029/g, " ").replace(CONTROLS, "\uFFFD");
}
__name(text, "text");
function defuse(s) {
  return s.replace(/@/g, `@${ZWJ}`).replace(/#/g, `#${ZWJ}`).replace(/(gh)-(?=\d)/gi, `$1-${ZWJ}`).replace(/:(?=\/\/)/g, `:${ZWJ}`).replace(/(www)(?=\.)/gi, `$1${ZWJ}`);
}
__name(defuse, "defuse");
function mdText(v) {
  const s = text(v);
  if (s === void 0) return "\u2014";
  let out = s.replace(/[\\`*_[\]<>|#!~&$]/g, "\\$&");
  out = out.replace(/^(\s*)([-+])(?=\s|$)/, "$1\\$2").replace(/^(\s*)(>|=+\s*$)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
  return defuse(out);
}
__name(mdText, "mdText");
function mdCode(v, where = "cell") {
  const s = text(v);
  if (s === void 0) return "\u2014";
  if (where === "cell" && s.includes("\\|")) return mdText(s);
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") || /^ .* $/.test(s) ? " " : "";
  return `${fence}${pad}${where === "cell" ? s.replace(/\|/g, "\\|") : s}${pad}${fence}`;
}
__name(mdCode, "mdCode");
function mdInline(v) {
  const s = text(v);
  if (s === void 0) return "\u2014";
  const out = [];
  let last = 0;
  for (const m of s.matchAll(/`([^`]+)`/g)) {
    if (m.index > last) out.push(mdText(s.slice(last, m.index)));
    out.push(mdCode(m[1], "inline"));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(mdText(s.slice(last)));
  return out.join("");
}
__name(mdInline, "mdInline");
function mdCodeBlock(lines2, info = "") {
  const body = lines2.map((l) => text(l) ?? "");
  const longest = Math.max(2, ...body.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${info}`, ...body, fence].join("\n");
}
__name(mdCodeBlock, "mdCodeBlock");
function mdLink(label, url) {
  if (!/^https?:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(url) || /[()<>\s]/.test(url)) return mdText(label);
  return `[${mdText(label)}](${url})`;
}
__name(mdLink, "mdLink");

// src/render/changes.ts
var INLINE_ITEMS = 4;
var MAX_LISTED = 100;
var INLINE_VALUE_CHARS = 40;
function show(v) {
  if (v === void 0) return "";
  return typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
}
__name(show, "show");
function clip(s, max = INLINE_VALUE_CHARS) {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}\u2026`;
}
__name(clip, "clip");
function shortDigest(d) {
  if (!d) return "";
  const i = d.indexOf(":");
  return i > 0 ? `${d.slice(0, i + 1)}${d.slice(i + 1, i + 13)}` : d.slice(0, 12);
}
__name(shortDigest, "shortDigest");
function fmtNumber2(v) {
  if (v === void 0) return "";
  if (typeof v !== "number") return mdText(v);
  return fmtNumber(v);
}
__name(fmtNumber2, "fmtNumber");
function signed(v) {
  const s = fmtNumber2(v);
  return v > 0 ? `+${s}` : s.replace(/^-/, "\u2212");
}
__name(signed, "signed");
function metricName(m) {
  return m.split ? `${m.name} (${m.split})` : m.name;
}
__name(metricName, "metricName");
var code = /* @__PURE__ */ __name((v) => mdCode(clip(show(v)), "inline"), "code");
var inl = /* @__PURE__ */ __name((v) => mdCode(v, "inline"), "inl");
function datasetChange(c) {
  const id = inl(c.key);
  if (!c.before) return `${id} added${c.after?.version ? ` (${code(c.after.version)})` : ""}`;
  if (!c.after) return `${id} removed`;
  const parts = (c.fields ?? []).map((f) => {
    const [a, b] = f === "digest" ? [shortDigest(c.before[f]), shortDigest(c.after[f])] : [c.before[f], c.after[f]];
    const what = f === "digest" ? "content" : f;
    return `${what} ${a ? code(a) : "\u2014"} \u2192 ${b ? code(b) : "\u2014"}`;
  });
  return `${id} ${parts.join(", ")}`;
}
__name(datasetChange, "datasetChange");
function imageRef(ref) {
  if (!ref) return "\u2014";
  const at = ref.lastIndexOf("@");
  if (at < 0) return code(ref);
  return `${code(ref.slice(0, at))} (${inl(shortDigest(ref.slice(at + 1)))})`;
}
__name(imageRef, "imageRef");
var commandCode = /* @__PURE__ */ __name((argv) => argv?.length ? code(shellWords(argv)) : "\u2014", "commandCode");
function folderMd(dir, gone) {
  return dir ? mdCode(folderText(dir), "inline") : gone ? "\u2014" : "_checkout root_";
}
__name(folderMd, "folderMd");
function folderChange(c) {
  const gone = commandGone(c);
  return `${folderMd(c.workingDirectory?.before, gone.before)} \u2192 ${folderMd(c.workingDirectory?.after, gone.after)}`;
}
__name(folderChange, "folderChange");
function stepItem(c) {
  const parts = [];
  if (c.command) parts.push(`command ${commandCode(c.command.before)} \u2192 ${commandCode(c.command.after)}`);
  if (c.workingDirectory) parts.push(`folder ${folderChange(c)}`);
  const rest = c.fields.filter((f) => f !== "command" && f !== "workingDirectory");
  if (rest.length || !parts.length) parts.push(`changed${rest.length ? ` (${rest.join(", ")})` : ""}`);
  return `${inl(clip(c.key))} ${parts.join(", ")}`;
}
__name(stepItem, "stepItem");
function keyedItems(k, fmt = code) {
  return [
    ...k.changed.map((c) => `${inl(clip(c.key))} ${fmt(c.before)} \u2192 ${fmt(c.after)}`),
    ...k.added.map((c) => `${inl(clip(c.key))} added (${fmt(c.after)})`),
    ...k.removed.map((c) => `${inl(clip(c.key))} removed`)
  ];
}
__name(keyedItems, "keyedItems");
function lines(d) {
  const out = [];
  const add = /* @__PURE__ */ __name((label, items, warn = false) => {
    if (items.length) out.push({ label, items, warn });
  }, "add");
  add("Datasets", [...d.datasets.changed, ...d.datasets.added, ...d.datasets.removed].map(datasetChange), true);
  if (d.image) add("Image", [`${imageRef(d.image.before)} \u2192 ${imageRef(d.image.after)}`], true);
  add("Hyperparameters", keyedItems(d.hyperparameters));
  add("Flags", keyedItems(d.flags));
  add("Config", keyedItems(d.config));
  add("Steps", [
    ...d.steps.changed.map(stepItem),
    ...d.steps.added.map((c) => `${inl(clip(c.key))} added`),
    ...d.steps.removed.map((c) => `${inl(clip(c.key))} removed`)
  ]);
  const files = /* @__PURE__ */ __name((cs) => cs.map((c) => inl(clip(c.key.slice(c.key.lastIndexOf("/") + 1) || c.key))), "files");
  add("Models", [
    ...d.subjects.changed.length ? [`new content: ${files(d.subjects.changed).join(", ")}`] : [],
    ...d.subjects.added.length ? [`added: ${files(d.subjects.added).join(", ")}`] : [],
    ...d.subjects.removed.length ? [`removed: ${files(d.subjects.removed).join(", ")}`] : []
  ]);
  if (d.gitCommit) add("Source commit", [`${code(show(d.gitCommit.before).slice(0, 12) || "\u2014")} \u2192 ${code(show(d.gitCommit.after).slice(0, 12) || "\u2014")}`]);
  if (d.purpose) add("Purpose", [`${code(d.purpose.before ?? "\u2014")} \u2192 ${code(d.purpose.after ?? "\u2014")}`]);
  if (d.command) add("Command", [`${commandCode(d.command.before)} \u2192 ${commandCode(d.command.after)}`]);
  if (d.workingDirectory) add("Command folder", [folderChange(d)]);
  return out;
}
__name(lines, "lines");
var VERDICT_TEXT = {
  better: "\u2705 better",
  worse: "worse, within tolerance",
  regression: "\u26A0\uFE0F **regression**",
  same: "unchanged",
  unknown: ""
};
function metricRows(d, opts) {
  return [
    ...d.metrics.changed.map((m) => ({ m, verdict: judgeChange(m.name, m.before, m.after, opts) })),
    ...d.metrics.added.map((m) => ({ m, verdict: "new" })),
    ...d.metrics.removed.map((m) => ({ m, verdict: "removed" }))
  ];
}
__name(metricRows, "metricRows");
function relative(m) {
  if (m.before === void 0 || m.after === void 0 || m.before === 0) return "";
  const pct = (m.after - m.before) / Math.abs(m.before) * 100;
  return ` (${pct > 0 ? "+" : pct < 0 ? "\u2212" : ""}${Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1)} %)`;
}
__name(relative, "relative");
function metricsTable(rows) {
  if (!rows.length) return [];
  const out = ["| metric | base | this run | change | |", "|---|--:|--:|--:|---|"];
  for (const { m, verdict } of rows) {
    const change = m.delta !== void 0 && m.delta !== 0 ? `${signed(m.delta)}${relative(m)}` : "";
    const v = verdict === "new" ? "new" : verdict === "removed" ? "\u26A0\uFE0F not recorded now" : VERDICT_TEXT[verdict];
    out.push(`| ${mdText(metricName(m))} | ${fmtNumber2(m.before) || "\u2014"} | ${fmtNumber2(m.after) || "\u2014"} | ${change || "\u2014"} | ${v} |`);
  }
  return out;
}
__name(metricsTable, "metricsTable");
function changeCallouts(d, opts = {}) {
  const out = [];
  const regressions = metricRows(d, opts).filter((r) => r.verdict === "regression").length;
  if (regressions) out.push(`\u26A0\uFE0F ${regressions} metric ${regressions === 1 ? "regression" : "regressions"}`);
  const ds = d.datasets.added.length + d.datasets.removed.length + d.datasets.changed.length;
  if (ds) out.push("\u26A0\uFE0F training data changed");
  if (d.image) out.push("\u26A0\uFE0F image changed");
  return out;
}
__name(changeCallouts, "changeCallouts");
function renderChangeTables(d) {
  const parts = [];
  const section = /* @__PURE__ */ __name((title, items) => {
    if (!items.length) return;
    const more = items.length - MAX_LISTED;
    parts.push(`**${title}**`, "", ...items.slice(0, MAX_LISTED), ...more > 0 ? [`- \u2026 and ${more} more: \`ml-provenance diff BASE HEAD\` lists them all`] : [], "");
  }, "section");
  const c = /* @__PURE__ */ __name((v) => v ? mdCode(v, "inline") : "\u2014", "c");
  const item = /* @__PURE__ */ __name((what, key, before, after) => {
    if (what === "added") return `- added ${c(key)}: ${c(after)}`;
    if (what === "removed") return `- removed ${c(key)} (was ${c(before)})`;
    return `- ${mdText(what)} ${c(key)}
  - base: ${c(before)}
  - this run: ${c(after)}`;
  }, "item");
  const keyed = /* @__PURE__ */ __name((title, k, fmt = show) => section(title, [
    ...k.changed.map((c2) => item("changed", c2.key, fmt(c2.before), fmt(c2.after))),
    ...k.added.map((c2) => item("added", c2.key, "", fmt(c2.after))),
    ...k.removed.map((c2) => item("removed", c2.key, fmt(c2.before), ""))
  ]), "keyed");
  const extra = /* @__PURE__ */ __name((s) => ["access", "checks", "synthetic", "sampling"].filter((f) => s[f]).map((f) => `${f}: ${s[f]}`), "extra");
  const ds = /* @__PURE__ */ __name((s) => s ? [s.version ? `@${s.version}` : "", s.digest ?? "", displayUri(s.uri), ...extra(s)].filter(Boolean).join(" ") : "", "ds");
  section("Datasets", [
    ...d.datasets.changed.map((c2) => item(`changed (${c2.fields.join(", ")})`, c2.key, ds(c2.before), ds(c2.after))),
    ...d.datasets.added.map((c2) => item("added", c2.key, "", ds(c2.after))),
    ...d.datasets.removed.map((c2) => item("removed", c2.key, ds(c2.before), ""))
  ]);
  const single = [];
  if (d.image) single.push(item("changed", "image", show(d.image.before), show(d.image.after)));
  if (d.gitCommit) single.push(item("changed", "source commit", show(d.gitCommit.before), show(d.gitCommit.after)));
  if (d.command) single.push(item("changed", "command", shellWords(d.command.before ?? []), shellWords(d.command.after ?? [])));
  if (d.workingDirectory) {
    const gone = commandGone(d);
    single.push(`- changed ${c("command folder")}
  - base: ${folderMd(d.workingDirectory.before, gone.before)}
  - this run: ${folderMd(d.workingDirectory.after, gone.after)}`);
  }
  if (d.purpose) single.push(item("changed", "purpose", show(d.purpose.before), show(d.purpose.after)));
  section("Run", single);
  keyed("Hyperparameters", d.hyperparameters);
  keyed("Flags", d.flags);
  keyed("Config", d.config);
  keyed("Steps", d.steps);
  keyed("Models", d.subjects);
  return parts.join("\n");
}
__name(renderChangeTables, "renderChangeTables");
function renderChangesMarkdown(d, opts = {}) {
  if (d.identical) return "_No changes to datasets, config, hyperparameters, steps, image, models or metrics._\n";
  const out = [];
  const callouts = changeCallouts(d, opts);
  if (callouts.length) out.push(`**${callouts.join(" \xB7 ")}**`, "");
  let cut = false;
  for (const l of lines(d)) {
    const shown = l.items.slice(0, INLINE_ITEMS);
    const more = l.items.length - shown.length;
    if (more) cut = true;
    out.push(`- ${l.warn ? "\u26A0\uFE0F " : ""}**${l.label}:** ${shown.join("; ")}${more ? `; and ${more} more` : ""}`);
  }
  if (out.length && out[out.length - 1] !== "") out.push("");
  const rows = metricRows(d, opts);
  out.push(...metricsTable(rows));
  if (rows.length) {
    const same = d.metrics.unchanged.length;
    if (same) out.push("", `<sub>${same} other ${same === 1 ? "metric" : "metrics"} unchanged.</sub>`);
    out.push("");
  } else if (d.metrics.unchanged.length) {
    out.push(`Metrics: all ${d.metrics.unchanged.length} unchanged.`, "");
  }
  const full = renderChangeTables(d);
  if (full) {
    out.push(`<details><summary>${cut ? "All changes, with whole values and full digests" : "Whole values and full digests"}</summary>`, "", full, "</details>", "");
  }
  return out.join("\n");
}
__name(renderChangesMarkdown, "renderChangesMarkdown");
function renderDiffMarkdown(d, opts = {}) {
  return `### What changed

${renderChangesMarkdown(d, opts)}`;
}
__name(renderDiffMarkdown, "renderDiffMarkdown");

export {
  mdText,
  mdCode,
  mdInline,
  mdCodeBlock,
  mdLink,
  fmtNumber2 as fmtNumber,
  renderChangesMarkdown,
  renderDiffMarkdown
};
