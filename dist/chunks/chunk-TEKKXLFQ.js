import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  textTable
} from "./chunk-DIIYQ2ZF.js";
import {
  datasetUri
} from "./chunk-VLIFT7NW.js";
import {
  commandInFolder,
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  gitCommit,
  latestByEpoch
} from "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/diff.ts
function keyedDiff(before, after, same = jsonEqual) {
  const out = { added: [], removed: [], changed: [] };
  for (const [key, a] of before) {
    if (!after.has(key)) out.removed.push({ key, before: a });
    else if (!same(a, after.get(key))) out.changed.push({ key, before: a, after: after.get(key) });
  }
  for (const [key, b] of after) if (!before.has(key)) out.added.push({ key, after: b });
  const byKey = /* @__PURE__ */ __name((x, y) => x.key < y.key ? -1 : x.key > y.key ? 1 : 0, "byKey");
  out.added.sort(byKey);
  out.removed.sort(byKey);
  out.changed.sort(byKey);
  return out;
}
__name(keyedDiff, "keyedDiff");
function jsonEqual(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
__name(jsonEqual, "jsonEqual");
var SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function flatten(value, prefix = "", out = /* @__PURE__ */ new Map()) {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, []);
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(prefix, {});
    for (const [k, v] of entries) {
      const seg = SIMPLE_KEY.test(k) ? prefix ? `.${k}` : k : `[${JSON.stringify(k)}]`;
      flatten(v, prefix + seg, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}
__name(flatten, "flatten");
function configLeaves(s) {
  const out = /* @__PURE__ */ new Map();
  for (const f of s.predicate.configFiles) {
    for (const [k, v] of flatten(f.content)) out.set(`${f.name}:${k}`, v);
  }
  return out;
}
__name(configLeaves, "configLeaves");
function datasetState(d) {
  const algs = Object.keys(d.digest ?? {}).sort();
  const alg = d.digest?.sha256 ? "sha256" : algs[0];
  return {
    // Compared as one URI form: an old record's `file:my file.csv` is the new `file:my%20file.csv`.
    uri: datasetUri(d),
    ...d.version ? { version: d.version } : {},
    ...alg ? { digest: `${alg}:${d.digest[alg]}` } : {},
    ...d.license ? { license: d.license } : {},
    ...d.source?.access ? { access: d.source.access } : {},
    ...d.quality?.checks?.length ? { checks: checksText(d.quality.checks) } : {},
    ...d.synthetic ? { synthetic: `${d.synthetic.generator}${d.synthetic.version ? `@${d.synthetic.version}` : ""}` } : {},
    ...d.sampling ? { sampling: `${d.sampling.strategy}${d.sampling.fraction !== void 0 ? ` ${d.sampling.fraction}` : ""}` } : {}
  };
}
__name(datasetState, "datasetState");
function checksText(checks) {
  const failed = checks.filter((c) => !c.passed).map((c) => c.name);
  return `${checks.length - failed.length}/${checks.length} passed${failed.length ? ` (failed: ${failed.join(", ")})` : ""}`;
}
__name(checksText, "checksText");
function stepKeyed(steps) {
  const seen = /* @__PURE__ */ new Map();
  const out = /* @__PURE__ */ new Map();
  for (const s of steps) {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    out.set(n > 1 ? `${s.name}#${n}` : s.name, s);
  }
  return out;
}
__name(stepKeyed, "stepKeyed");
function stepText(s) {
  const lib = s.library ? ` ${s.library}${s.version ? `@${s.version}` : ""}` : "";
  const params = s.parameters && Object.keys(s.parameters).length ? ` ${JSON.stringify(s.parameters)}` : "";
  const io = `${(s.inputs ?? []).join(",")}\u2192${(s.outputs ?? []).join(",")}`;
  const cmd = s.command?.length ? ` $ ${commandInFolder(s.command, s.workingDirectory)}` : s.workingDirectory ? ` (in ${s.workingDirectory}/)` : "";
  return `${lib.trim()}${params} ${io}${cmd}`.trim();
}
__name(stepText, "stepText");
var STEP_FIELDS = {
  library: /* @__PURE__ */ __name((s) => [s.library, s.version], "library"),
  parameters: /* @__PURE__ */ __name((s) => s.parameters ?? {}, "parameters"),
  inputs: /* @__PURE__ */ __name((s) => s.inputs ?? [], "inputs"),
  outputs: /* @__PURE__ */ __name((s) => s.outputs ?? [], "outputs"),
  command: /* @__PURE__ */ __name((s) => s.command, "command"),
  workingDirectory: /* @__PURE__ */ __name((s) => s.workingDirectory, "workingDirectory")
};
function stepsDiff(before, after) {
  const a = stepKeyed(before);
  const b = stepKeyed(after);
  const text = /* @__PURE__ */ __name((m) => new Map([...m].map(([k, s]) => [k, stepText(s)])), "text");
  const d = keyedDiff(text(a), text(b));
  return {
    added: d.added,
    removed: d.removed,
    changed: d.changed.map((c) => {
      const [x, y] = [a.get(c.key), b.get(c.key)];
      const command = optChange(x.command, y.command);
      const workingDirectory = optChange(x.workingDirectory, y.workingDirectory);
      const fields = Object.keys(STEP_FIELDS).filter((f) => !jsonEqual(STEP_FIELDS[f](x), STEP_FIELDS[f](y)));
      return { ...c, fields, ...command ? { command } : {}, ...workingDirectory ? { workingDirectory } : {} };
    })
  };
}
__name(stepsDiff, "stepsDiff");
function lastMetrics(metrics) {
  return latestByEpoch(metrics, (m) => `${m.name}\0${m.split ?? ""}`);
}
__name(lastMetrics, "lastMetrics");
function optChange(a, b) {
  if (jsonEqual(a, b)) return void 0;
  return { ...a !== void 0 ? { before: a } : {}, ...b !== void 0 ? { after: b } : {} };
}
__name(optChange, "optChange");
function diffStatements(before, after) {
  const subjects = keyedDiff(
    new Map(before.subject.map((s) => [s.name, `sha256:${s.digest.sha256}`])),
    new Map(after.subject.map((s) => [s.name, `sha256:${s.digest.sha256}`]))
  );
  const ds = keyedDiff(
    new Map(before.predicate.datasets.map((d) => [d.id, datasetState(d)])),
    new Map(after.predicate.datasets.map((d) => [d.id, datasetState(d)]))
  );
  const datasets = {
    added: ds.added,
    removed: ds.removed,
    changed: ds.changed.map((c) => ({
      ...c,
      fields: ["version", "digest", "uri", "license", "access", "checks", "synthetic", "sampling"].filter((f) => c.before[f] !== c.after[f])
    }))
  };
  const ma = lastMetrics(before.predicate.metrics);
  const mb = lastMetrics(after.predicate.metrics);
  const metrics = { added: [], removed: [], changed: [], unchanged: [] };
  for (const [k, a] of ma) {
    const b = mb.get(k);
    const base = { name: a.name, ...a.split !== void 0 ? { split: a.split } : {} };
    if (!b) {
      metrics.removed.push({ ...base, before: a.value, ...a.epoch !== void 0 ? { beforeEpoch: a.epoch } : {} });
      continue;
    }
    const entry = {
      ...base,
      before: a.value,
      after: b.value,
      delta: b.value - a.value,
      ...a.epoch !== void 0 ? { beforeEpoch: a.epoch } : {},
      ...b.epoch !== void 0 ? { afterEpoch: b.epoch } : {}
    };
    (a.value === b.value && a.epoch === b.epoch ? metrics.unchanged : metrics.changed).push(entry);
  }
  for (const [k, b] of mb) {
    if (!ma.has(k)) {
      metrics.added.push({ name: b.name, ...b.split !== void 0 ? { split: b.split } : {}, after: b.value, ...b.epoch !== void 0 ? { afterEpoch: b.epoch } : {} });
    }
  }
  const command = optChange(before.predicate.buildDefinition.externalParameters.command, after.predicate.buildDefinition.externalParameters.command);
  const workingDirectory = optChange(before.predicate.buildDefinition.externalParameters.workingDirectory, after.predicate.buildDefinition.externalParameters.workingDirectory);
  const image = optChange(before.predicate.image?.reference, after.predicate.image?.reference);
  const commit = optChange(gitCommit(before), gitCommit(after));
  const purpose = optChange(before.predicate.experiment?.purpose, after.predicate.experiment?.purpose);
  const flags = keyedDiff(new Map(Object.entries(before.predicate.experiment?.flags ?? {})), new Map(Object.entries(after.predicate.experiment?.flags ?? {})));
  const diff = {
    identical: false,
    subjects,
    datasets,
    config: keyedDiff(configLeaves(before), configLeaves(after)),
    hyperparameters: keyedDiff(
      new Map(Object.entries(before.predicate.buildDefinition.externalParameters.hyperparameters)),
      new Map(Object.entries(after.predicate.buildDefinition.externalParameters.hyperparameters))
    ),
    ...command ? { command } : {},
    ...workingDirectory ? { workingDirectory } : {},
    ...image ? { image } : {},
    ...commit ? { gitCommit: commit } : {},
    ...purpose ? { purpose } : {},
    flags,
    steps: stepsDiff(before.predicate.steps, after.predicate.steps),
    metrics
  };
  const counts = [diff.subjects, diff.datasets, diff.config, diff.hyperparameters, diff.flags, diff.steps, diff.metrics].map(
    (d) => d.added.length + d.removed.length + d.changed.length
  );
  diff.identical = counts.every((n) => n === 0) && !command && !workingDirectory && !image && !commit && !purpose;
  return diff;
}
__name(diffStatements, "diffStatements");
function show(v) {
  if (v === void 0) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}
__name(show, "show");
function num(v) {
  return v === void 0 ? "" : String(Number(v.toPrecision(6)));
}
__name(num, "num");
function signed(v) {
  if (v === void 0) return "";
  const s = num(v);
  return v > 0 ? `+${s}` : s;
}
__name(signed, "signed");
function metricName(m) {
  return m.split ? `${m.name} (${m.split})` : m.name;
}
__name(metricName, "metricName");
function epochs(m) {
  if (m.beforeEpoch === void 0 && m.afterEpoch === void 0) return "";
  return m.beforeEpoch === m.afterEpoch ? String(m.afterEpoch) : `${m.beforeEpoch ?? "\u2013"} \u2192 ${m.afterEpoch ?? "\u2013"}`;
}
__name(epochs, "epochs");
function datasetText(s) {
  if (!s) return "";
  return [s.version ? `@${s.version}` : "", s.digest ? s.digest.slice(0, 19) : ""].filter(Boolean).join(" ");
}
__name(datasetText, "datasetText");
function changedText(s, fields) {
  const extra = fields.filter((f) => !["version", "digest", "uri"].includes(f)).map((f) => `${f}: ${s?.[f] ?? "\u2013"}`);
  return [datasetText(s), ...extra].filter(Boolean).join("; ");
}
__name(changedText, "changedText");
function folderText(dir, commandGone2 = false) {
  return dir ? `${dir}/` : commandGone2 ? "" : "(checkout root)";
}
__name(folderText, "folderText");
function commandGone(d) {
  return { before: Boolean(d.command && !d.command.before), after: Boolean(d.command && !d.command.after) };
}
__name(commandGone, "commandGone");
function sections(d) {
  const out = [];
  const keyed = /* @__PURE__ */ __name((title, k, fmt = show) => {
    const rows = [
      ...k.added.map((c) => ["added", c.key, "", fmt(c.after)]),
      ...k.removed.map((c) => ["removed", c.key, fmt(c.before), ""]),
      ...k.changed.map((c) => ["changed", c.key, fmt(c.before), fmt(c.after)])
    ];
    if (rows.length) out.push({ title, headers: ["", "key", "before", "after"], rows });
  }, "keyed");
  const dsRows = [
    ...d.datasets.added.map((c) => ["added", c.key, "", datasetText(c.after)]),
    ...d.datasets.removed.map((c) => ["removed", c.key, datasetText(c.before), ""]),
    ...d.datasets.changed.map((c) => [`changed (${c.fields.join(", ")})`, c.key, changedText(c.before, c.fields), changedText(c.after, c.fields)])
  ];
  if (dsRows.length) out.push({ title: "Datasets", headers: ["", "dataset", "before", "after"], rows: dsRows });
  const mRows = [
    ...d.metrics.changed.map((m) => [metricName(m), num(m.before), num(m.after), signed(m.delta), epochs(m)]),
    ...d.metrics.added.map((m) => [`${metricName(m)} (new)`, "", num(m.after), "", epochs(m)]),
    ...d.metrics.removed.map((m) => [`${metricName(m)} (gone)`, num(m.before), "", "", epochs(m)])
  ];
  if (mRows.length) out.push({ title: "Metrics (last epoch)", headers: ["metric", "before", "after", "delta", "epoch"], rows: mRows });
  keyed("Hyperparameters", d.hyperparameters);
  keyed("Flags", d.flags);
  keyed("Config", d.config);
  keyed("Steps", d.steps);
  keyed("Models", d.subjects, (v) => show(v).slice(0, 19));
  const single = [];
  if (d.gitCommit) single.push(["source commit", show(d.gitCommit.before).slice(0, 12), show(d.gitCommit.after).slice(0, 12)]);
  if (d.image) single.push(["image", show(d.image.before), show(d.image.after)]);
  if (d.command) single.push(["command", shellWords(d.command.before ?? []), shellWords(d.command.after ?? [])]);
  if (d.workingDirectory) {
    const gone = commandGone(d);
    single.push(["command folder", folderText(d.workingDirectory.before, gone.before), folderText(d.workingDirectory.after, gone.after)]);
  }
  if (d.purpose) single.push(["purpose", show(d.purpose.before), show(d.purpose.after)]);
  if (single.length) out.push({ title: "Run", headers: ["", "before", "after"], rows: single });
  return out;
}
__name(sections, "sections");
function renderDiffText(d) {
  if (d.identical) return "no changes\n";
  return sections(d).map((s) => `${s.title}
${textTable(s.headers, s.rows)}`).join("\n");
}
__name(renderDiffText, "renderDiffText");

export {
  flatten,
  lastMetrics,
  diffStatements,
  folderText,
  commandGone,
  sections,
  renderDiffText
};
