import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  loadReleaseDocuments,
  noMatchError,
  whyNoDataset,
  whyNoMetric
} from "./chunk-MZUCDGVB.js";
import {
  addTrustFlags,
  bundleVerifier
} from "./chunk-IVV76MIV.js";
import {
  storeRunsSelected
} from "./chunk-UKDGKPL6.js";
import "./chunk-JSPBVTEM.js";
import "./chunk-KYQEE4WY.js";
import {
  addFormatOption,
  intOption,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  loadDocuments
} from "./chunk-NFQFVJRT.js";
import {
  trustDocuments
} from "./chunk-ZZ2FXLYW.js";
import "./chunk-BF4Q6TWI.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-LNJGPLWF.js";
import {
  graphFromStatements,
  renderDatasetAnswers,
  renderDot,
  renderGraphTable,
  renderMermaid,
  renderMetricAnswers,
  renderModelAnswers,
  subgraph
} from "./chunk-P4UEVANE.js";
import "./chunk-NUK3A53C.js";
import {
  datasetsForMetric,
  modelOrigins,
  modelsUsingDataset,
  parseModelRef
} from "./chunk-SYMDRX5X.js";
import {
  statementRunId
} from "./chunk-VUH2MMAD.js";
import {
  canonicalJson
} from "./chunk-B5GPVALP.js";
import "./chunk-O4K44SJ3.js";
import "./chunk-ETYAMXNU.js";
import "./chunk-5ZCMPX7L.js";
import "./chunk-62XNHVZS.js";
import {
  digestPath
} from "./chunk-AT7NZQCF.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-2D5AWCES.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-MFLXRQWX.js";
import "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5KXDBTSY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-E7LSDQ4Q.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import {
  textTable
} from "./chunk-DIIYQ2ZF.js";
import {
  datasetUri
} from "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/lineage.ts
import path from "node:path";
import { stat } from "node:fs/promises";

// src/lineage/attribute.ts
import { createHash } from "node:crypto";
var enc = /* @__PURE__ */ __name((v) => canonicalJson(v ?? null), "enc");
function factorsOf(st) {
  const p = st.predicate;
  const f = /* @__PURE__ */ new Map();
  const put = /* @__PURE__ */ __name((key, kind, label, value, version) => f.set(key, { kind, label, value: enc(value), ...version !== void 0 ? { version } : {} }), "put");
  for (const s of p.steps) {
    put(`step${s.name}`, "step", `step ${s.name}`, "present");
    if (s.library) put(`step${s.name}library`, "step-library", `step ${s.name}: library`, `${s.library}${s.version ? `@${s.version}` : ""}`);
    for (const [k, v] of Object.entries(s.parameters ?? {})) put(`step${s.name}param${k}`, "step-parameter", `step ${s.name}: parameter ${k}`, v);
  }
  for (const [k, v] of Object.entries(p.buildDefinition.externalParameters.hyperparameters)) put(`hp:${k}`, "hyperparameter", `hyperparameter ${k}`, v);
  for (const d of p.datasets) put(`dataset:${d.id}`, "dataset", `dataset ${d.id}`, d.digest?.sha256 ?? d.digest?.gitCommit ?? d.version ?? datasetUri(d), d.version);
  if (p.image) put("image", "image", "image", p.image.digest?.sha256 ?? p.image.reference);
  for (const c of p.configFiles) put(`config:${c.name}`, "config", `config ${c.name}`, c.contentDigest);
  return f;
}
__name(factorsOf, "factorsOf");
function metricValue(st, m) {
  const ms = st.predicate.metrics.filter((x) => x.name === m.name && (m.split === void 0 || x.split === m.split) && (m.epoch === void 0 || x.epoch === m.epoch));
  if (ms.length === 0) return void 0;
  let best = ms[0];
  for (const x of ms) if ((x.epoch ?? -1) >= (best.epoch ?? -1)) best = x;
  return best.value;
}
__name(metricValue, "metricValue");
function fingerprint(f, without) {
  const h = createHash("sha256");
  const drop = /* @__PURE__ */ __name((k) => k === without || without !== void 0 && /^step\u0001[^\u0001]*$/.test(without) && k.startsWith(`${without}`), "drop");
  for (const k of [...f.keys()].sort()) if (!drop(k)) h.update(`${k}\0${f.get(k).value}`);
  return h.digest("hex");
}
__name(fingerprint, "fingerprint");
var ABSENT = "\0absent";
var opt = /* @__PURE__ */ __name((k, v) => v === void 0 ? {} : { [k]: v }, "opt");
var cmp = /* @__PURE__ */ __name((a, b) => a < b ? -1 : a > b ? 1 : 0, "cmp");
var NATURAL = new Intl.Collator("en", { numeric: true });
function orderValues(a, b) {
  if (a === b) return 0;
  if (a === ABSENT) return -1;
  if (b === ABSENT) return 1;
  const x = JSON.parse(a);
  const y = JSON.parse(b);
  if (typeof x === "number" && typeof y === "number") return x - y;
  return a < b ? -1 : 1;
}
__name(orderValues, "orderValues");
function attribute(runs, metric) {
  const rows = runs.map((r) => ({ id: r.id, factors: factorsOf(r.statement), value: metricValue(r.statement, metric) })).filter((r) => r.value !== void 0);
  const result = { metric, runsWithMetric: rows.length, runsWithoutMetric: runs.length - rows.length, effects: [] };
  const same = /* @__PURE__ */ new Map();
  for (const r of rows) same.set(fingerprint(r.factors), [...same.get(fingerprint(r.factors)) ?? [], r.value]);
  const repeated = [...same.values()].filter((v) => v.length > 1);
  if (repeated.length) {
    result.noise = { groups: repeated.length, runs: repeated.reduce((a, v) => a + v.length, 0), maxSpread: Math.max(...repeated.map((v) => Math.max(...v) - Math.min(...v))) };
  }
  const keys = new Set(rows.flatMap((r) => [...r.factors.keys()]));
  const labels = /* @__PURE__ */ new Map();
  for (const r of rows) for (const [k, v] of r.factors) labels.set(k, { kind: v.kind, label: v.label });
  const versions = /* @__PURE__ */ new Map();
  for (const r of rows) {
    for (const [k, v] of r.factors) {
      if (v.kind !== "dataset") continue;
      const id = `${k}\0${v.value}`;
      versions.set(id, (versions.get(id) ?? /* @__PURE__ */ new Set()).add(v.version));
    }
  }
  const versionOf = /* @__PURE__ */ __name((key, value) => {
    const set = versions.get(`${key}\0${value}`);
    return set?.size === 1 ? [...set][0] : void 0;
  }, "versionOf");
  const order = /* @__PURE__ */ __name((key, a, b) => {
    const [x, y] = [versionOf(key, a), versionOf(key, b)];
    return x !== void 0 && y !== void 0 && x !== y ? NATURAL.compare(x, y) || (x < y ? -1 : 1) : orderValues(a, b);
  }, "order");
  const effects = /* @__PURE__ */ new Map();
  for (const key of [...keys].sort()) {
    const buckets = /* @__PURE__ */ new Map();
    for (const r of rows) {
      const fp = fingerprint(r.factors, key);
      buckets.set(fp, [...buckets.get(fp) ?? [], r]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (let i = 0; i < bucket.length; i++) {
        for (let j = 0; j < bucket.length; j++) {
          const a = bucket[i];
          const b = bucket[j];
          const va = a.factors.get(key)?.value ?? ABSENT;
          const vb = b.factors.get(key)?.value ?? ABSENT;
          if (order(key, va, vb) >= 0) continue;
          const id = `${key}\0${va}\0${vb}`;
          const delta = b.value - a.value;
          const e = effects.get(id) ?? {
            ...labels.get(key),
            factor: labels.get(key).label,
            from: va === ABSENT ? null : JSON.parse(va),
            to: vb === ABSENT ? null : JSON.parse(vb),
            ...opt("fromVersion", versionOf(key, va)),
            ...opt("toVersion", versionOf(key, vb)),
            pairs: 0,
            meanDelta: 0,
            minDelta: Infinity,
            maxDelta: -Infinity,
            examples: [],
            deltas: []
          };
          e.deltas.push(delta);
          if (e.examples.length < 3) e.examples.push({ from: a.id, to: b.id, delta });
          effects.set(id, e);
        }
      }
    }
  }
  result.effects = [...effects.values()].map(({ deltas, ...e }) => ({
    ...e,
    pairs: deltas.length,
    meanDelta: deltas.reduce((x, y) => x + y, 0) / deltas.length,
    minDelta: Math.min(...deltas),
    maxDelta: Math.max(...deltas)
  })).sort((x, y) => Math.abs(y.meanDelta) - Math.abs(x.meanDelta) || y.pairs - x.pairs || x.factor.localeCompare(y.factor) || cmp(enc(x.from), enc(y.from)) || cmp(enc(x.to), enc(y.to)));
  if (rows.length < 2) {
    result.note = `${rows.length} run(s) record metric "${metric.name}"${metric.split ? ` (split ${metric.split})` : ""}: at least two are needed`;
  } else if (result.effects.length === 0) {
    result.note = `no two of the ${rows.length} runs with metric "${metric.name}" differ in exactly one recorded factor (step, step parameter, hyperparameter, dataset, image or config) while sharing all others, so the records cannot attribute the metric to any step`;
  }
  return result;
}
__name(attribute, "attribute");

// src/render/attribution.ts
var ATTRIBUTION_WIDTH = 100;
var SHORT_DIGEST = 12;
var MIN_CHANGE = 24;
var DIGEST = /^(?:sha256:)?([0-9a-f]{40,64})$/i;
function shownValue(v) {
  if (v === null || v === void 0) return "absent";
  if (typeof v !== "string") return JSON.stringify(v);
  const d = DIGEST.exec(v);
  return d ? d[1].slice(0, SHORT_DIGEST).toLowerCase() : v;
}
__name(shownValue, "shownValue");
function sides(e) {
  if (e.kind === "dataset" && e.fromVersion !== void 0 && e.toVersion !== void 0 && e.fromVersion !== e.toVersion) return [e.fromVersion, e.toVersion];
  return [shownValue(e.from), shownValue(e.to)];
}
__name(sides, "sides");
function subject(e) {
  const patterns = {
    step: [/^step (.*)$/s, "$1"],
    "step-library": [/^step (.*): library$/s, "$1"],
    "step-parameter": [/^step (.*): parameter (.*)$/s, "$1: $2"],
    hyperparameter: [/^hyperparameter (.*)$/s, "$1"],
    dataset: [/^dataset (.*)$/s, "$1"],
    config: [/^config (.*)$/s, "$1"],
    image: [/^image$/, ""]
  };
  const p = patterns[e.kind];
  return p && p[0].test(e.factor) ? e.factor.replace(p[0], p[1]) : e.factor;
}
__name(subject, "subject");
function middle(text, max) {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}\u2026${text.slice(text.length - (max - 1 - head))}`;
}
__name(middle, "middle");
function change(e, width) {
  const who = subject(e);
  let [from, to] = sides(e);
  const join = /* @__PURE__ */ __name((s, a, b) => `${s ? `${s} ` : ""}${a} \u2192 ${b}`, "join");
  const whole = join(who, from, to);
  if (whole.length <= width) return { text: whole, cut: false };
  const room = width - 3 - (who ? Math.min(who.length, 12) + 1 : 0);
  const cap = Math.max(8, Math.floor(room / 2));
  [from, to] = [middle(from, cap), middle(to, cap)];
  const left = width - from.length - to.length - 3 - 1;
  return { text: join(who ? middle(who, Math.max(4, left)) : "", from, to), cut: true };
}
__name(change, "change");
function deltaDecimals(values) {
  const abs = values.map(Math.abs).filter((v) => v > 0 && Number.isFinite(v));
  if (abs.length === 0) return 4;
  const big = 3 - Math.floor(Math.log10(Math.max(...abs)));
  const small = -Math.floor(Math.log10(Math.min(...abs)));
  return Math.min(6, Math.max(0, big, Math.min(6, small)));
}
__name(deltaDecimals, "deltaDecimals");
function formatDelta(n, decimals) {
  const s = Math.abs(n).toFixed(decimals);
  return /^[0.]+$/.test(s) ? s : `${n < 0 ? "-" : "+"}${s}`;
}
__name(formatDelta, "formatDelta");
function wrap(text, width = ATTRIBUTION_WIDTH) {
  const out = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) out.push(line), line = word;
    else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}
__name(wrap, "wrap");
function renderAttribution(r) {
  const head = `metric ${r.metric.name}${r.metric.split ? ` (split ${r.metric.split})` : ""}${r.metric.epoch !== void 0 ? ` at epoch ${r.metric.epoch}` : " (final value)"}: ${r.runsWithMetric} run(s)${r.runsWithoutMetric ? `, ${r.runsWithoutMetric} without it` : ""}`;
  const lines = [head];
  if (r.note) lines.push(...wrap(r.note));
  if (r.effects.length) {
    const decimals = deltaDecimals(r.effects.flatMap((e) => [e.meanDelta, e.minDelta, e.maxDelta]));
    const numbers = r.effects.map((e) => [String(e.pairs), ...[e.meanDelta, e.minDelta, e.maxDelta].map((n) => formatDelta(n, decimals))]);
    const headers = ["kind", "change", "pairs", "mean \u0394", "min \u0394", "max \u0394"];
    const width = /* @__PURE__ */ __name((col) => Math.max(...col.map((c) => c.length)), "width");
    const others = width([headers[0], ...r.effects.map((e) => e.kind)]) + [2, 3, 4, 5].reduce((w, i) => w + width([headers[i], ...numbers.map((n) => n[i - 2])]), 0);
    const changeWidth = Math.max(MIN_CHANGE, ATTRIBUTION_WIDTH - others - 2 * (headers.length - 1));
    let cut = false;
    const rows = r.effects.map((e, i) => {
      const c = change(e, changeWidth);
      cut ||= c.cut;
      return [e.kind, c.text, ...numbers[i]];
    });
    lines.push("", textTable(headers, rows, { right: [2, 3, 4, 5] }).trimEnd());
    if (cut) lines.push(`(values shortened to fit ${ATTRIBUTION_WIDTH} columns: --format json has them whole)`);
  }
  if (r.noise) lines.push("", ...wrap(`noise: ${r.noise.runs} run(s) in ${r.noise.groups} group(s) with identical recorded factors differ by up to ${r.noise.maxSpread.toPrecision(4)}; effects smaller than that are not distinguishable from it`));
  lines.push("", ...wrap('Deltas are "to" minus "from" over pairs of runs identical in every other recorded factor; they show association in these records, not cause.'));
  return lines.join("\n");
}
__name(renderAttribution, "renderAttribution");

// src/lineage/health.ts
function repositoryOf(st) {
  const wf = st.predicate.buildDefinition.externalParameters.workflow?.repository;
  if (wf) return wf.replace(/^https?:\/\/[^/]+\//, "");
  const src = st.predicate.buildDefinition.resolvedDependencies.find((d) => d.name === "source")?.uri;
  const m = src ? /^git\+(?:https?:\/\/[^/]+\/)?([^@]+?)(?:\.git)?(?:@.*)?$/.exec(src) : null;
  return m?.[1] ?? "unknown";
}
__name(repositoryOf, "repositoryOf");
function health(runs, policy, o = {}) {
  const lateAfter = o.lateAfterHours ?? 24;
  const groups = /* @__PURE__ */ new Map();
  const rulesSeen = /* @__PURE__ */ new Set();
  const report = { policy: policy.name, periods: [], failing: [], late: [], undated: 0 };
  for (const r of runs) {
    const repo = repositoryOf(r.statement);
    const finished = r.statement.predicate.runDetails.metadata.finishedOn;
    const period = finished && !Number.isNaN(Date.parse(finished)) ? new Date(finished).toISOString().slice(0, 7) : "unknown";
    const key = `${repo}\0${period}`;
    const g = groups.get(key) ?? { repository: repo, period, runs: 0, complete: 0, missing: /* @__PURE__ */ new Map() };
    groups.set(key, g);
    g.runs++;
    const res = evaluatePolicy(r.statement, policy);
    const errorRules = new Set(res.findings.filter((f) => f.severity === "error").map((f) => f.rule));
    for (const f of res.findings) rulesSeen.add(f.rule);
    for (const rule of errorRules) g.missing.set(rule, (g.missing.get(rule) ?? 0) + 1);
    if (res.complete) g.complete++;
    else report.failing.push({ id: r.id, repository: repo, ...finished ? { finishedOn: finished } : {}, missing: res.missing });
    if (finished && r.signedAt && !Number.isNaN(Date.parse(r.signedAt))) {
      const hours = (Date.parse(r.signedAt) - Date.parse(finished)) / 36e5;
      if (hours > lateAfter) report.late.push({ id: r.id, repository: repo, finishedOn: finished, signedAt: r.signedAt, hoursLate: Math.round(hours * 10) / 10, verified: r.verified });
    } else report.undated++;
  }
  report.periods = [...groups.values()].map((g) => ({
    repository: g.repository,
    period: g.period,
    runs: g.runs,
    complete: g.complete,
    completeness: g.complete / g.runs,
    fields: Object.fromEntries([.../* @__PURE__ */ new Set([...g.missing.keys()])].sort().map((rule) => [rule, 1 - (g.missing.get(rule) ?? 0) / g.runs]))
  })).sort((a, b) => a.repository.localeCompare(b.repository) || a.period.localeCompare(b.period));
  return report;
}
__name(health, "health");
function renderHealth(h) {
  const pct = /* @__PURE__ */ __name((x) => `${(x * 100).toFixed(0)}%`, "pct");
  const lines = [`provenance health under policy "${h.policy}"`, "", "repository                               period    runs  complete  weakest fields"];
  for (const p of h.periods) {
    const weakest = Object.entries(p.fields).sort((a, b) => a[1] - b[1]).slice(0, 3).map(([rule, share]) => `${rule} ${pct(share)}`).join(", ");
    lines.push(`${p.repository.padEnd(40)} ${p.period.padEnd(8)} ${String(p.runs).padStart(5)}  ${pct(p.completeness).padStart(8)}  ${weakest || "-"}`);
  }
  lines.push("", `${h.failing.length} run(s) failed the policy`);
  for (const f of h.failing.slice(0, 20)) lines.push(`  ${f.id}  ${f.repository}  missing: ${f.missing.join(", ")}`);
  if (h.failing.length > 20) lines.push(`  \u2026 ${h.failing.length - 20} more (use --format json for all)`);
  lines.push(`${h.late.length} record(s) signed late`);
  for (const l of h.late.slice(0, 20)) lines.push(`  ${l.id}  ${l.repository}  finished ${l.finishedOn}, signed ${l.signedAt} (${l.hoursLate} h later${l.verified ? "" : ", time not verified"})`);
  if (h.undated) lines.push(`${h.undated} record(s) without a finish or signing time: lateness not judged`);
  return lines.join("\n");
}
__name(renderHealth, "renderHealth");
function bundleSignedAt(bundle) {
  const entries = bundle?.verificationMaterial?.tlogEntries;
  const t = Number(entries?.[0]?.integratedTime);
  return Number.isFinite(t) && t > 0 ? new Date(t * 1e3).toISOString() : void 0;
}
__name(bundleSignedAt, "bundleSignedAt");

// src/cli/commands/lineage-coverage.ts
function statementId(d) {
  return `sha256:${statementRunId(d)}`;
}
__name(statementId, "statementId");
async function coverageAnswer(docs, o) {
  if (o.attribute !== void 0) {
    const r = attribute(
      docs.map((d) => ({ id: statementId(d), statement: d.statement })),
      { name: o.attribute, ...o.split ? { split: o.split } : {}, ...o.epoch !== void 0 ? { epoch: o.epoch } : {} }
    );
    return o.format === "json" ? JSON.stringify(r, null, 2) : renderAttribution(r);
  }
  const policy = await resolvePolicy(o.policy);
  const h = health(
    docs.map((d) => {
      const signedAt = bundleSignedAt(d.bundle);
      return { id: statementId(d), statement: d.statement, verified: d.verified ?? (o.verify && Boolean(d.bundle)), ...signedAt ? { signedAt } : {} };
    }),
    policy,
    { lateAfterHours: o.lateAfter ?? 24 }
  );
  return o.format === "json" ? JSON.stringify(h, null, 2) : renderHealth(h);
}
__name(coverageAnswer, "coverageAnswer");

// src/cli/commands/lineage.ts
async function modelRef(ref) {
  const parsed = parseModelRef(ref);
  if ("sha256" in parsed) return parsed;
  const st = await stat(ref).catch(() => void 0);
  if (st?.isFile()) {
    const d = await digestPath(ref, path.dirname(path.resolve(ref)));
    return { sha256: d.sha256 };
  }
  return parsed;
}
__name(modelRef, "modelRef");
function register(program) {
  const cmd = program.command("lineage").description("answer lineage questions over many records: which data produced a metric, which models used a dataset, what trained a model").argument("[inputs...]", "statement or bundle files, or directories holding them").option("--dataset <ID[@VERSION]>", "which models used this dataset (version optional)").option("--model <PATH|DIGEST>", "what trained this model: a subject path, a local file (hashed), or sha256:HEX").option("--metric <NAME>", "which dataset versions produced this metric").option("--attribute <METRIC>", "which step, parameter or input change moved this metric, over pairs of otherwise-identical runs").option("--health", "completeness per repository and field over time, runs that failed the policy, records signed late").option("--policy <name|file>", "with --health: the policy to judge completeness by", "standard").option("--late-after <hours>", "with --health: a record signed this long after the run finished is late", intOption("--late-after"), 24).option("--epoch <N>", "with --metric: the value at this epoch (default: each run\u2019s final value)", intOption("--epoch")).option("--split <NAME>", "with --metric: only this split (train, test, ...)").option("--quiet", "no warnings (skipped files, empty answers) on stderr; errors still print").option("--no-verify", "trust the records without verifying their signatures").option("--no-cache", "verify every bundle again: neither use nor update the cache of bundles that verified").option("--jobs <N>", "threads verifying bundles (default: the number of CPUs, at most 8; 1: this thread only)", intOption("--jobs")).option("--from-releases", "read statements/bundles from the --repo repository\u2019s release assets (needs GITHUB_TOKEN)").option("--store <PATH|URL>", "answer from the provenance store (a file, or postgres://\u2026) instead of files: see `store ingest`").option("--runs <OWNER/REPO>", "with --store: the runs of a repository (OWNER/* for an owner, '*' for every run, those that name no repository too), with their ids and metrics; with --attribute, --health or a diagram: only those runs").option("--since <DATE>", "with --runs: runs that finished at or after this time").option("--until <DATE>", "with --runs: runs that finished before this time");
  addFormatOption(addTrustFlags(cmd, "the repository whose workflow must have signed the bundles; with --from-releases, whose release assets to read"), ["table", "mermaid", "dot"], "table").action(
    run(async (inputs, o) => {
      o.format = outputFormat(o);
      const sqlAnswer = o.attribute === void 0 && !o.health && (o.format === "table" || o.format === "json");
      if (o.store !== void 0 && sqlAnswer) {
        const { storeLineage } = await import("./store-GQ6JVICF.js");
        return storeLineage(o, o.model !== void 0 ? await modelRef(o.model) : void 0);
      }
      if (o.store === void 0 && (o.runs ?? o.since ?? o.until) !== void 0) {
        throw new InputError("filter-without-store", "--runs, --since and --until select runs in the store", { fix: "add --store PATH|URL" });
      }
      const logger = o.quiet ? { ...stderrLogger, info: /* @__PURE__ */ __name(() => {
      }, "info"), warning: /* @__PURE__ */ __name(() => {
      }, "warning") } : stderrLogger;
      const queries = [o.dataset, o.model, o.metric, o.attribute, o.health || void 0].filter((q) => q !== void 0);
      if (queries.length > 1) {
        throw new InputError("one-query", "pass only one of --dataset, --model, --metric, --attribute, --health", { fix: "run one query per invocation" });
      }
      if ((o.epoch !== void 0 || o.split !== void 0) && o.metric === void 0 && o.attribute === void 0) {
        throw new InputError("epoch-without-metric", "--epoch and --split refine --metric or --attribute", { fix: "add --metric NAME" });
      }
      if (o.jobs !== void 0 && o.jobs < 1) {
        throw new InputError("bad-jobs", `--jobs must be at least 1, got ${o.jobs}`, { fix: "pass --jobs 1 to verify in this thread only, or leave it out to use every CPU" });
      }
      if (o.fromReleases && !o.repo) {
        throw new InputError("releases-without-repo", "--from-releases needs --repo OWNER/REPO", { fix: "add --repo OWNER/REPO" });
      }
      const unreadable = [];
      if (o.store !== void 0) {
        if (inputs.length || o.fromReleases) throw new InputError("store-with-files", "lineage --store reads the runs from the store, not from files or releases", { fix: "leave out the files (or --from-releases), or leave out --store" });
        const { trustedStoredRuns } = await import("./store-VEY5VGIE.js");
        const stored = trustedStoredRuns(await storeRunsSelected(o.store, o), !o.verify, (m) => logger.warning(m));
        return answerFromDocuments(stored, o);
      }
      const docs = [
        ...inputs.length || !o.fromReleases ? await loadDocuments(inputs, logger, unreadable) : [],
        ...o.fromReleases ? await loadReleaseDocuments({
          repo: o.repo,
          token: process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN,
          ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {},
          logger,
          unreadable
        }) : []
      ];
      const verifier = bundleVerifier(o, { cache: o.cache, ...o.jobs !== void 0 ? { jobs: o.jobs } : {} });
      const trusted = await trustDocuments(docs, { noVerify: !o.verify, verifier, unreadable, logger }).finally(() => verifier.close?.());
      return answerFromDocuments(trusted, o);
    })
  );
}
__name(register, "register");
async function answerFromDocuments(trusted, o) {
  const graph = graphFromStatements(trusted.map((d) => ({ statement: d.statement, source: d.file, digest: statementId(d).slice("sha256:".length) })));
  if (o.attribute !== void 0 || o.health) {
    processIo.out(await coverageAnswer(trusted, o));
    return;
  }
  let answers;
  let modelAnswers;
  let table = "";
  let runs = [];
  if (o.metric !== void 0) {
    const a = datasetsForMetric(graph, { name: o.metric, ...o.epoch !== void 0 ? { epoch: o.epoch } : {}, ...o.split ? { split: o.split } : {} });
    answers = a;
    table = renderMetricAnswers(a);
    runs = a.map((x) => x.lineage.run.key);
  } else if (o.dataset !== void 0) {
    const a = modelsUsingDataset(graph, o.dataset);
    answers = a;
    table = renderDatasetAnswers(a);
    runs = a.map((x) => x.run.key);
  } else if (o.model !== void 0) {
    const a = modelOrigins(graph, await modelRef(o.model));
    answers = modelAnswers = a;
    table = renderModelAnswers(a);
    runs = a.map((x) => x.lineage.run.key);
  }
  const shown = answers ? subgraph(graph, new Set(runs), modelAnswers) : graph;
  if (o.format === "json") processIo.out(JSON.stringify(answers ? { answers } : { graph }, null, 2));
  else if (o.format === "mermaid") processIo.out(renderMermaid(shown));
  else if (o.format === "dot") processIo.out(renderDot(shown));
  else processIo.out(answers ? table : renderGraphTable(graph));
  if (answers && answers.length === 0) {
    const why = o.metric !== void 0 ? whyNoMetric(graph, { name: o.metric, ...o.epoch !== void 0 ? { epoch: o.epoch } : {}, ...o.split ? { split: o.split } : {} }) : o.dataset !== void 0 ? whyNoDataset(graph, o.dataset) : { part: "model", asked: o.model };
    throw noMatchError(why, `among the ${graph.runs.length} record(s) given`, "pass the folder that holds the records that have it");
  }
}
__name(answerFromDocuments, "answerFromDocuments");
export {
  register
};
