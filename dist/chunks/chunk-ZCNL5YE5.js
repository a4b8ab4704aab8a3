import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DatasetManifest,
  MetricsFile
} from "./chunk-LC6NRF5B.js";
import {
  parsePattern,
  pseudonymize,
  sameValueForms
} from "./chunk-BSFTEBY6.js";
import {
  VERSION
} from "./chunk-LNJGPLWF.js";
import {
  committedLogWarning,
  earlierRunWarning,
  eventsOfRun,
  otherRunsWarning,
  pathMeantFromFolder,
  readGit,
  readRecords,
  recordsElsewhere,
  recordsWarning
} from "./chunk-WIVBIA5Y.js";
import {
  serializeStatement
} from "./chunk-VUH2MMAD.js";
import {
  capturePython,
  globFilesInWorkspace,
  onPath,
  parse,
  probe,
  readInputText
} from "./chunk-4AFHKM7J.js";
import {
  canonicalJson,
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  digestPath,
  listFiles
} from "./chunk-AT7NZQCF.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import {
  require_dist
} from "./chunk-DWXH6HXY.js";
import {
  parseWith
} from "./chunk-CJJWD6LY.js";
import {
  BUILD_TYPE_GITHUB,
  BUILD_TYPE_LOCAL,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  TrainingStatement
} from "./chunk-5GZ4GUMW.js";
import {
  REDACTED,
  argvSecrets,
  memberVerdict,
  parserLine,
  parserReason,
  redactString,
  refusedValueShape,
  replaceSecrets,
  rewriteUrls,
  valueFitsName
} from "./chunk-7HOGFP5I.js";
import {
  LIMITS,
  containedPath,
  isInside,
  posixRelative,
  readTextFile,
  resolveInWorkspace
} from "./chunk-KPRIV5WI.js";
import {
  assertDepth,
  describeJsonError,
  exactInteger,
  parseJsonExact
} from "./chunk-ZOAPFRB3.js";
import {
  invocationUrl,
  parseWorkflowRef
} from "./chunk-E7LSDQ4Q.js";
import {
  CheckError,
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  datasetUri,
  fileUri,
  fileUriPath,
  knownPath,
  pathDatasetId
} from "./chunk-VLIFT7NW.js";
import {
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  glob
} from "./chunk-SUFGYESG.js";
import {
  detectImage
} from "./chunk-FBVPZRD5.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/capture/datasets.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/capture/hashing.ts
function digestOptions(r, label) {
  const onProgress = r?.progress?.(label);
  return {
    ...onProgress ? { onProgress } : {},
    ...r?.warn ? { onWarning: /* @__PURE__ */ __name((w) => r.warn(`${label}: ${w.message}`), "onWarning") } : {}
  };
}
__name(digestOptions, "digestOptions");

// src/bridges/huggingface.ts
var COMMIT = /^[a-f0-9]{40}$/;
function datasetFromHfUri(uri) {
  const m = /^hf:\/\/datasets\/([^/@\s]+(?:\/[^/@\s]+)?)(?:@([^/\s]+))?(\/.*)?$/.exec(uri.trim());
  if (!m) {
    throw new InputError("bad-hf-uri", "a dataset URI is not a Hugging Face dataset URI (it is not shown, in case it holds a token)", { fix: "use hf://datasets/ORG/NAME@REVISION (REVISION: a commit sha, for a fixed version)" });
  }
  const [, repo, rev, sub] = m;
  const revision = rev ? decodeURIComponent(rev) : void 0;
  return {
    id: pathDatasetId(repo),
    name: repo,
    uri: `https://huggingface.co/datasets/${repo}${revision ? `/tree/${encodeURIComponent(revision)}` : ""}${sub ?? ""}`,
    ...revision ? { version: revision } : {},
    // A commit pins the content (git's sha1 over the tree); a branch name does not.
    ...revision && COMMIT.test(revision) ? { digest: { gitCommit: revision } } : {},
    digestSource: "given",
    annotations: { source: uri, ...revision && !COMMIT.test(revision) ? { unpinned: "revision is a branch or tag, not a commit" } : {} }
  };
}
__name(datasetFromHfUri, "datasetFromHfUri");

// src/capture/config.ts
import path from "node:path";

// src/redact/value.ts
function escapePointer(seg) {
  return seg.replace(/~/g, "~0").replace(/\//g, "~1");
}
__name(escapePointer, "escapePointer");
function setOwn(obj, key, value) {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
__name(setOwn, "setOwn");
var MIN_KNOWN = 6;
function contextSecrets(doc, extra = []) {
  const out = /* @__PURE__ */ new Set();
  const walk2 = /* @__PURE__ */ __name((v, verdict, numbers) => {
    if (typeof v === "string") {
      if (v.length >= MIN_KNOWN && valueFitsName(verdict, v, numbers)) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk2(x, verdict, numbers));
    else if (v && typeof v === "object") {
      const o = v;
      for (const [k, x] of Object.entries(o)) {
        const m = memberVerdict(o, k, verdict, extra);
        walk2(x, m.verdict, m.numbers);
      }
    }
  }, "walk");
  walk2(doc, "none", false);
  return out;
}
__name(contextSecrets, "contextSecrets");
function outputKey(key, out, ctx) {
  const r = redactString(key, ctx.extra, ctx.known);
  if (r === void 0) return { key, redacted: false };
  let k = r;
  for (let n = 2; Object.hasOwn(out, k); n++) k = `${r} (${n})`;
  return { key: k, redacted: true };
}
__name(outputKey, "outputKey");
function redactAll(v, ctx) {
  if (v === null || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map((x) => redactAll(x, ctx));
  if (typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, outputKey(k, out, ctx).key, redactAll(x, ctx));
    return out;
  }
  return REDACTED;
}
__name(redactAll, "redactAll");
function walk(v, ptr, verdict, numbers, ctx, paths) {
  if (typeof v === "string") {
    if (valueFitsName(verdict, v, numbers)) {
      paths.push(ptr);
      return REDACTED;
    }
    const r = redactString(v, ctx.extra, ctx.known);
    if (r !== void 0) {
      paths.push(ptr);
      return r;
    }
    return v;
  }
  if (typeof v === "number" && numbers && verdict === "secret") {
    paths.push(ptr);
    return REDACTED;
  }
  if (Array.isArray(v)) return v.map((x, i) => walk(x, `${ptr}/${i}`, verdict, numbers, ctx, paths));
  if (v && typeof v === "object") {
    const o = v;
    const out = {};
    for (const [k, x] of Object.entries(o)) {
      const { key, redacted } = outputKey(k, out, ctx);
      const p = `${ptr}/${escapePointer(key)}`;
      if (redacted) {
        paths.push(p);
        setOwn(out, key, redactAll(x, ctx));
        continue;
      }
      const m = memberVerdict(o, k, verdict, ctx.extra);
      setOwn(out, key, walk(x, p, m.verdict, m.numbers, ctx, paths));
    }
    return out;
  }
  return v;
}
__name(walk, "walk");
function redactValue(value, extraKeyPatterns = [], known = []) {
  const ctx = { extra: extraKeyPatterns, known: /* @__PURE__ */ new Set([...known, ...contextSecrets(value, extraKeyPatterns)]) };
  const paths = [];
  return { value: walk(value, "", "none", false, ctx, paths), paths };
}
__name(redactValue, "redactValue");
function compileKeyPatterns(lines) {
  return lines.map((l) => l.trim()).filter(Boolean).map((l) => {
    try {
      return new RegExp(l, "i");
    } catch (err) {
      throw new InputError("bad-redact-pattern", `redact pattern "${l}" is not a valid regular expression (${err.message})`, {
        fix: "give one JavaScript regular expression per line, e.g. ^wandb_",
        fields: ["redact"]
      });
    }
  });
}
__name(compileKeyPatterns, "compileKeyPatterns");

// src/redact/record.ts
function redactArgv(argv, extraKeyPatterns = [], known = []) {
  const out = argv.map((a) => rewriteUrls(a, extraKeyPatterns, REDACTED));
  const byIndex = /* @__PURE__ */ new Map();
  for (const f of argvSecrets(out, extraKeyPatterns)) byIndex.set(f.index, [...byIndex.get(f.index) ?? [], f.secret]);
  const knownList = [...known].filter((k) => k.length >= 6);
  const indices = [];
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (argv[i] === REDACTED) continue;
    const r = replaceSecrets(a, [...byIndex.get(i) ?? [], ...knownList.filter((k) => a.includes(k))]);
    if (r !== void 0) out[i] = r;
    if (out[i] !== argv[i]) indices.push(i);
  }
  return { argv: out, indices };
}
__name(redactArgv, "redactArgv");
function argvContextSecrets(argv, extra) {
  return argvSecrets(argv, extra).map((f) => f.secret).filter((s) => s.length >= 6);
}
__name(argvContextSecrets, "argvContextSecrets");
function redactRecorded(predicate, extraKeyPatterns = []) {
  const paths = [];
  const ext = predicate.buildDefinition.externalParameters;
  const known = /* @__PURE__ */ new Set([
    ...contextSecrets(ext.hyperparameters, extraKeyPatterns),
    ...predicate.steps.flatMap((s) => [...contextSecrets(s.parameters ?? {}, extraKeyPatterns)]),
    ...contextSecrets(predicate.environment.extra ?? {}, extraKeyPatterns),
    ...ext.command ? argvContextSecrets(ext.command, extraKeyPatterns) : []
  ]);
  const hp = redactValue(ext.hyperparameters, extraKeyPatterns, known);
  paths.push(...hp.paths.map((p) => `#/buildDefinition/externalParameters/hyperparameters${p}`));
  let command = ext.command;
  if (command) {
    const r = redactArgv(command, extraKeyPatterns, known);
    command = r.argv;
    paths.push(...r.indices.map((i) => `#/buildDefinition/externalParameters/command/${i}`));
  }
  const steps = predicate.steps.map((s, i) => {
    if (!s.parameters) return s;
    const r = redactValue(s.parameters, extraKeyPatterns, known);
    paths.push(...r.paths.map((p) => `#/steps/${i}/parameters${p}`));
    return { ...s, parameters: r.value };
  });
  const datasets = predicate.datasets.map((d, i) => {
    const out = { ...d };
    for (const field of ["uri", "version", "downloadLocation", "name", "license"]) {
      const v = d[field];
      if (typeof v !== "string") continue;
      const local = field === "uri" && !/^file:\/\//i.test(v) ? fileUriPath(v, knownPath(d)) : void 0;
      const r = redactString(local ?? v, extraKeyPatterns, known);
      if (r === void 0) continue;
      out[field] = local !== void 0 ? fileUri(r) : r;
      paths.push(`#/datasets/${i}/${field}`);
    }
    if (d.annotations) {
      const r = redactValue(d.annotations, extraKeyPatterns, known);
      paths.push(...r.paths.map((p) => `#/datasets/${i}/annotations${p}`));
      out.annotations = r.value;
    }
    return out;
  });
  let environment = predicate.environment;
  if (environment.extra) {
    const r = redactValue(environment.extra, extraKeyPatterns, known);
    paths.push(...r.paths.map((p) => `#/environment/extra${p}`));
    environment = { ...environment, extra: r.value };
  }
  if (environment.libraries) {
    const r = redactValue(environment.libraries, extraKeyPatterns, known);
    paths.push(...r.paths.map((p) => `#/environment/libraries${p}`));
    environment = { ...environment, libraries: r.value };
  }
  if (environment.accelerators) {
    const accelerators = environment.accelerators.map((a, i) => {
      const r = redactString(a, extraKeyPatterns, known);
      if (r !== void 0) paths.push(`#/environment/accelerators/${i}`);
      return r ?? a;
    });
    environment = { ...environment, accelerators };
  }
  if (predicate.image?.reference.includes(REDACTED)) paths.push("#/image/reference");
  if (predicate.image?.uri?.includes(REDACTED)) paths.push("#/image/uri");
  const listed = new Set(predicate.redactions);
  return {
    ...predicate,
    buildDefinition: {
      ...predicate.buildDefinition,
      externalParameters: { ...ext, hyperparameters: hp.value, ...command ? { command } : {} }
    },
    steps,
    datasets,
    environment,
    redactions: [...predicate.redactions, ...paths.filter((p) => !listed.has(p))]
  };
}
__name(redactRecorded, "redactRecorded");

// src/redact/coverage.ts
function redactCoverage(predicate, extraKeyPatterns = []) {
  const paths = [];
  const value = /* @__PURE__ */ __name((v, ptr) => {
    const r = redactValue(v, extraKeyPatterns);
    paths.push(...r.paths.map((p) => `${ptr}${p}`));
    return r.value;
  }, "value");
  const str = /* @__PURE__ */ __name((v, ptr) => {
    const r = redactString(v);
    if (r === void 0) return v;
    paths.push(ptr);
    return r;
  }, "str");
  const experiment = predicate.experiment ? {
    ...predicate.experiment.purpose !== void 0 ? { purpose: str(predicate.experiment.purpose, "#/experiment/purpose") } : {},
    ...predicate.experiment.flags ? { flags: value(predicate.experiment.flags, "#/experiment/flags") } : {}
  } : void 0;
  const steps = predicate.steps.map((s, i) => {
    const out = { ...s };
    if (s.command) {
      const r = redactArgv(s.command, extraKeyPatterns);
      out.command = r.argv;
      paths.push(...r.indices.map((j) => `#/steps/${i}/command/${j}`));
    }
    if (s.environment?.image) out.environment = { ...s.environment, image: str(s.environment.image, `#/steps/${i}/environment/image`) };
    return out;
  });
  const datasets = predicate.datasets.map((d, i) => {
    const out = { ...d };
    if (d.source?.repository) out.source = { ...d.source, repository: str(d.source.repository, `#/datasets/${i}/source/repository`) };
    if (d.synthetic?.parameters) out.synthetic = { ...d.synthetic, parameters: value(d.synthetic.parameters, `#/datasets/${i}/synthetic/parameters`) };
    if (d.quality?.checks) {
      out.quality = {
        ...d.quality,
        checks: d.quality.checks.map((c, j) => c.detail ? { ...c, detail: str(c.detail, `#/datasets/${i}/quality/checks/${j}/detail`) } : c)
      };
    }
    return out;
  });
  let environment = predicate.environment;
  if (environment.python) {
    const packages = Object.fromEntries(
      Object.entries(environment.python.packages).map(([k, v]) => [k, str(v, `#/environment/python/packages/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`)])
    );
    environment = { ...environment, python: { ...environment.python, packages } };
  }
  const conflicts = predicate.conflicts?.map((c, i) => ({
    ...c,
    values: c.values.map((v, j) => ({ ...v, value: value(v.value, `#/conflicts/${i}/values/${j}/value`) }))
  }));
  const known = new Set(predicate.redactions);
  return {
    ...predicate,
    ...experiment ? { experiment } : {},
    steps,
    datasets,
    environment,
    ...conflicts ? { conflicts } : {},
    redactions: [...predicate.redactions, ...paths.filter((p) => !known.has(p))]
  };
}
__name(redactCoverage, "redactCoverage");

// src/capture/yaml-python.ts
var import_yaml = __toESM(require_dist(), 1);
var YAML_READING = "pyyaml-safe-omegaconf-float";
var tag = /* @__PURE__ */ __name((name) => `tag:yaml.org,2002:${name}`, "tag");
var BOOL_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
var BOOL_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
var INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
var FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
var NULL = /^(?:~|null|Null|NULL|)$/;
function splitSign(text2) {
  const v = text2.replace(/_/g, "");
  return [v.startsWith("-") ? -1 : 1, /^[-+]/.test(v) ? v.slice(1) : v];
}
__name(splitSign, "splitSign");
function constructInt(text2, onError) {
  const [sign, v] = splitSign(text2);
  const s = BigInt(sign);
  try {
    if (v === "0") return 0n;
    if (v.startsWith("0b")) return s * BigInt(`0b${v.slice(2)}`);
    if (v.startsWith("0x")) return s * BigInt(`0x${v.slice(2)}`);
    if (v.startsWith("0")) return s * BigInt(`0o${v.slice(1)}`);
    if (v.includes(":")) return s * v.split(":").reduce((acc, part) => acc * 60n + BigInt(part), 0n);
    return s * BigInt(v);
  } catch {
    onError("not an integer");
    return 0n;
  }
}
__name(constructInt, "constructInt");
function constructFloat(text2, onError) {
  const [sign, v] = splitSign(text2.toLowerCase());
  if (v === ".inf") return sign * Infinity;
  if (v === ".nan") return NaN;
  if (v.includes(":")) {
    let [value, base] = [0, 1];
    for (const part of v.split(":").reverse()) [value, base] = [value + Number(part) * base, base * 60];
    return sign * value;
  }
  const n = v === "" || /[^0-9.e+-]/.test(v) ? NaN : Number(v);
  if (Number.isNaN(n)) onError("not a float");
  return sign * n;
}
__name(constructFloat, "constructFloat");
function implicitFloat(text2) {
  let bad = false;
  const n = constructFloat(text2, () => bad = true);
  return bad ? text2 : n;
}
__name(implicitFloat, "implicitFloat");
function constructBool(text2, onError) {
  if (BOOL_TRUE.test(text2)) return true;
  if (!BOOL_FALSE.test(text2)) onError("not a boolean");
  return false;
}
__name(constructBool, "constructBool");
var TAGS = [
  { tag: tag("bool"), default: true, test: BOOL_TRUE, resolve: /* @__PURE__ */ __name(() => true, "resolve"), identify: /* @__PURE__ */ __name((v) => typeof v === "boolean", "identify") },
  { tag: tag("bool"), default: true, test: BOOL_FALSE, resolve: /* @__PURE__ */ __name(() => false, "resolve") },
  { tag: tag("float"), default: true, test: FLOAT, resolve: implicitFloat },
  { tag: tag("int"), default: true, test: INT, resolve: /* @__PURE__ */ __name((s, onError) => constructInt(s, onError), "resolve") },
  { tag: tag("null"), default: true, test: NULL, resolve: /* @__PURE__ */ __name(() => new import_yaml.Scalar(null), "resolve"), identify: /* @__PURE__ */ __name((v) => v == null, "identify") },
  { tag: tag("bool"), resolve: /* @__PURE__ */ __name((s, onError) => constructBool(s, onError), "resolve") },
  { tag: tag("float"), resolve: /* @__PURE__ */ __name((s, onError) => constructFloat(s, onError), "resolve") },
  { tag: tag("int"), resolve: /* @__PURE__ */ __name((s, onError) => constructInt(s, onError), "resolve") },
  { tag: tag("null"), resolve: /* @__PURE__ */ __name(() => new import_yaml.Scalar(null), "resolve") }
];
function foldMergeKeys(doc) {
  (0, import_yaml.visit)(doc, {
    Map(_, map) {
      const merges = map.items.filter((p) => (0, import_yaml.isScalar)(p.key) && typeof p.key.value === "symbol" && p.key.value.description === "<<");
      if (merges.length < 2) return;
      const seq = new import_yaml.YAMLSeq();
      for (const p of [...merges].reverse()) {
        const source = (0, import_yaml.isAlias)(p.value) ? p.value.resolve(doc) : p.value;
        if ((0, import_yaml.isSeq)(source)) seq.items.push(...source.items);
        else seq.items.push(p.value);
      }
      merges[0].value = seq;
      map.items = map.items.filter((p) => !merges.includes(p) || p === merges[0]);
    }
  });
}
__name(foldMergeKeys, "foldMergeKeys");
function parsePythonYaml(text2) {
  const doc = (0, import_yaml.parseDocument)(text2, {
    prettyErrors: true,
    uniqueKeys: true,
    logLevel: "error",
    merge: true,
    schema: "failsafe",
    customTags: /* @__PURE__ */ __name((failsafe) => [...failsafe, ...TAGS], "customTags")
  });
  if (doc.errors.length > 0) throw doc.errors[0];
  foldMergeKeys(doc);
  return doc.toJS({ maxAliasCount: 1e3 });
}
__name(parsePythonYaml, "parsePythonYaml");

// src/capture/config.ts
var DOTENV = /(^|\/)\.env(\.[^/]*)?$|\.env$/i;
function configFormat(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  if (ext === ".json") return "json";
  if (ext === ".toml") return "toml";
  if (DOTENV.test(file.replace(/\\/g, "/"))) {
    throw new InputError("dotenv-config", `config file ${file} is a .env file: it holds environment variables and credentials, which are not recorded`, {
      fix: "leave it out of --config (the action: `config`); record hyperparameters with `ml-provenance record param KEY=VALUE`, or keep them in a .yaml, .json or .toml config",
      file
    });
  }
  throw new InputError("unknown-config-format", `config file ${file} has extension "${ext || "(none)"}"`, {
    fix: "config files must be .yaml, .yml, .json or .toml",
    file
  });
}
__name(configFormat, "configFormat");
function plainJson(v, asText, ptr = "") {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "bigint") {
    const n = exactInteger(v);
    if (typeof n === "string") asText?.push(ptr);
    return n;
  }
  if (Array.isArray(v)) return v.map((x, i) => plainJson(x, asText, `${ptr}/${i}`));
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, plainJson(x, asText, `${ptr}/${escapePointer(k)}`));
    return out;
  }
  if (v === void 0) return null;
  return v;
}
__name(plainJson, "plainJson");
function parseConfigText(text2, format, file, integersAsText) {
  const value = parseConfigSyntax(text2, format, file);
  assertDepth(value, file, "config");
  return plainJson(value, integersAsText);
}
__name(parseConfigText, "parseConfigText");
function parseConfigSyntax(text2, format, file) {
  try {
    if (format === "json") return parseJsonExact(text2, void 0, true);
    if (format === "toml") return parse(text2, { integersAsBigInt: "asNeeded" });
    return parsePythonYaml(text2);
  } catch (err) {
    const json = format === "json" ? describeJsonError(err, text2) : void 0;
    const line = json ? json.line : parserLine(err);
    const what = parserReason(json ? new Error(json.message) : err);
    throw new InputError("malformed-config", `${file}${line ? `:${line}` : ""} is not valid ${format.toUpperCase()}: ${what}`, {
      fix: `fix the ${format.toUpperCase()} syntax`,
      file,
      ...line ? { line } : {},
      cause: err
    });
  }
}
__name(parseConfigSyntax, "parseConfigSyntax");
function annotations(format, integersAsText) {
  const a = { ...format === "yaml" ? { yamlReading: YAML_READING } : {}, ...integersAsText.length ? { integersAsText } : {} };
  return Object.keys(a).length ? { annotations: a } : {};
}
__name(annotations, "annotations");
async function captureConfig(file, workspace, extraKeyPatterns = []) {
  const { abs, rel } = await resolveInWorkspace(file, workspace, "config file");
  const format = configFormat(rel);
  const { bytes, text: text2 } = await readInputText(abs, rel, "config file");
  const asText = [];
  const parsed = parseConfigText(text2, format, rel, asText);
  const { value, paths } = redactValue(parsed, extraKeyPatterns);
  const integersAsText = asText.filter((p) => !paths.includes(p));
  return {
    name: rel,
    uri: fileUri(rel),
    digest: { sha256: sha256Hex(bytes) },
    mediaType: format === "yaml" ? "application/yaml" : format === "json" ? "application/json" : "application/toml",
    format,
    redacted: paths,
    contentDigest: sha256Hex(canonicalJson(value)),
    content: value,
    ...annotations(format, integersAsText)
  };
}
__name(captureConfig, "captureConfig");

// src/capture/datasets.ts
function typedInSubfolder(err, d, workspace, from) {
  const by = from?.get(d.id);
  if (!(err instanceof InputError) || err.code !== "file-not-found" || !by || d.path === void 0) return void 0;
  const meant = pathMeantFromFolder(d.path, workspace, by.folder);
  if (meant === void 0) return void 0;
  const step = shellWords(["ml-provenance", "record", "step", "--name", by.step]);
  return new InputError("path-from-subfolder", `dataset "${d.id}" path not found: ${d.path} (relative to the workspace); ${meant} exists: \`${step}\` was run in the sub-folder ${by.folder}, and the paths it records are relative to the workspace, not to that folder`, {
    fix: `in \`${step} \u2026\`, write --output ${shellWords([`${d.id}=${meant}`])} (or write the file to ${d.path}), and run the training again`,
    file: meant,
    cause: err
  });
}
__name(typedInSubfolder, "typedInSubfolder");
function parseDatasetManifest(text2, where) {
  let data;
  try {
    data = plainJson((0, import_yaml2.parse)(text2, { prettyErrors: true, uniqueKeys: true, logLevel: "error", merge: true, intAsBigInt: true }));
  } catch (err) {
    const e = err;
    const line = e.linePos?.[0]?.line;
    throw new InputError("malformed-datasets", `${where}${line ? `:${line}` : ""} is not valid YAML/JSON: ${e.message.split("\n")[0]}`, {
      fix: "fix the syntax of the datasets list",
      file: where,
      ...line ? { line } : {},
      cause: err
    });
  }
  if (data === null || data === void 0) return [];
  const doc = parseWith(DatasetManifest, data, {
    file: where,
    // A list is named `datasets[0]…`; the `{datasets: [...]}` form's path already starts with `datasets`.
    prefix: Array.isArray(data) ? "datasets" : "",
    what: "datasets manifest",
    fix: "correct the field(s) named above; schemas/datasets.schema.json lists every field (a dataset needs at least `id` and a `path` or `uri`)"
  });
  const list = Array.isArray(doc) ? doc : doc.datasets;
  refuseDuplicateIds(list, where);
  return list;
}
__name(parseDatasetManifest, "parseDatasetManifest");
function refuseDuplicateIds(list, where) {
  const first = /* @__PURE__ */ new Map();
  for (const [i, d] of list.entries()) {
    const j = first.get(d.id);
    if (j !== void 0) {
      throw new InputError("duplicate-dataset-id", `${where}: datasets[${j}] and datasets[${i}] both have id "${d.id}"`, {
        fix: "give each dataset its own id (e.g. add the split or version: `train`, `test`), or merge the two entries",
        file: where,
        fields: [`datasets[${j}].id`, `datasets[${i}].id`]
      });
    }
    first.set(d.id, i);
  }
}
__name(refuseDuplicateIds, "refuseDuplicateIds");
async function loadDatasetsInput(value, workspace) {
  const v = value.trim();
  if (!v) return [];
  if (v.includes("\n") || v.startsWith("-") || v.startsWith("[") || v.startsWith("{")) return parseDatasetManifest(v, "datasets input");
  const { abs, rel } = await resolveInWorkspace(v, workspace, "datasets manifest");
  return parseDatasetManifest((await readInputText(abs, rel, "datasets manifest")).text, rel);
}
__name(loadDatasetsInput, "loadDatasetsInput");
function mergeDatasetInputs(...lists) {
  const byId = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const d of list) {
      const prev = byId.get(d.id);
      byId.set(d.id, prev ? { ...prev, ...d } : { ...d });
    }
  }
  return [...byId.values()];
}
__name(mergeDatasetInputs, "mergeDatasetInputs");
function pinHfRevision(desc) {
  if (!desc.uri.startsWith("hf://datasets/")) return;
  let hf;
  try {
    hf = datasetFromHfUri(desc.uri);
  } catch {
    return;
  }
  if (!desc.version && hf.version) desc.version = hf.version;
  const commit = hf.digest?.gitCommit;
  if (commit) {
    desc.digest = { ...desc.digest, gitCommit: commit };
    desc.digestSource ??= "given";
  }
}
__name(pinHfRevision, "pinHfRevision");
async function captureDatasets(inputs, workspace, reporting, outputFolders2) {
  const out = [];
  for (const [i, d] of inputs.entries()) {
    const field = `datasets[${i}] (${d.id})`;
    if (!d.path && !d.uri) {
      throw new InputError("dataset-without-location", `${field} has neither path nor uri`, {
        fix: "give a local `path` to hash or the `uri` where the data lives",
        fields: [`datasets[${i}]`]
      });
    }
    const given = d.digest?.slice("sha256:".length);
    const desc = {
      id: d.id,
      name: d.id,
      uri: d.uri ?? fileUri(d.path),
      ...d.version ? { version: d.version } : {},
      ...d.license ? { license: d.license } : {},
      ...d.splits ? { splits: d.splits } : {},
      ...d.seed !== void 0 ? { seed: d.seed } : {},
      ...d.mediaType ? { mediaType: d.mediaType } : {},
      ...d.source ? { source: d.source } : {},
      ...d.quality ? { quality: d.quality } : {},
      ...d.sampling ? { sampling: d.sampling } : {},
      ...d.synthetic ? { synthetic: d.synthetic } : {},
      ...d.licenseHistory ? { licenseHistory: d.licenseHistory } : {}
    };
    if (d.path) {
      const { abs, rel } = await resolveInWorkspace(d.path, workspace, `dataset "${d.id}" path`).catch((err) => {
        throw typedInSubfolder(err, d, workspace, outputFolders2) ?? err;
      });
      const dg = await digestPath(abs, workspace, digestOptions(reporting, `dataset ${d.id}`));
      if (given && given !== dg.sha256) {
        throw new CheckError("dataset-digest-mismatch", `dataset "${d.id}" at ${rel} has sha256 ${dg.sha256}, but ${d.digest} was declared`, {
          fix: "the data changed since the digest was written: update the declared digest or restore the data",
          fields: [`datasets[${i}].digest`]
        });
      }
      desc.digest = { sha256: dg.sha256 };
      desc.digestSource = "computed";
      desc.files = dg.files.length;
      desc.bytes = dg.size;
      if (d.uri === void 0 || d.uri === `file:${d.path}` || d.uri === fileUri(d.path)) desc.uri = fileUri(rel);
      desc.annotations = { path: rel, kind: dg.kind, ...dg.kind === "directory" ? { digestOf: "ml-provenance directory manifest v1" } : {} };
    } else if (given) {
      desc.digest = { sha256: given };
      desc.digestSource = "given";
    }
    pinHfRevision(desc);
    out.push(desc);
  }
  return out;
}
__name(captureDatasets, "captureDatasets");

// src/capture/metrics.ts
var import_yaml3 = __toESM(require_dist(), 1);
function parseMetricsText(text2, file) {
  let data;
  try {
    data = (0, import_yaml3.parse)(text2, { prettyErrors: true, uniqueKeys: true, logLevel: "error" });
  } catch (err) {
    throw new InputError("malformed-metrics", `${file} is not valid JSON/YAML: ${err.message.split("\n")[0]}`, {
      fix: "fix the syntax of the metrics file",
      file,
      cause: err
    });
  }
  if (data === null || data === void 0) return [];
  const doc = parseWith(MetricsFile, data, { file, what: "metrics file", fix: "see schemas/metrics.schema.json" });
  if (Array.isArray(doc)) return doc;
  if ("metrics" in doc && Array.isArray(doc.metrics)) return doc.metrics;
  return Object.entries(doc).map(([name, value]) => ({ name, value }));
}
__name(parseMetricsText, "parseMetricsText");
async function loadMetricsFile(file, workspace) {
  const { abs, rel } = await resolveInWorkspace(file, workspace, "metrics file", "file");
  return parseMetricsText((await readInputText(abs, rel, "metrics file")).text, rel);
}
__name(loadMetricsFile, "loadMetricsFile");

// src/record/reruns.ts
var DATASET_IDENTITY = ["version", "digest", "uri"];
var position = /* @__PURE__ */ __name((e) => [e.epoch ?? -1, e.step ?? -1], "position");
var notAfter = /* @__PURE__ */ __name((a, b) => a[0] < b[0] || a[0] === b[0] && a[1] <= b[1], "notAfter");
var point = /* @__PURE__ */ __name((e) => [e.epoch !== void 0 ? `epoch ${e.epoch}` : "", e.step !== void 0 ? `step ${e.step}` : ""].filter(Boolean).join(", "), "point");
function metricLabel(e) {
  const at = [e.split ? `split ${e.split}` : "", point(e)].filter(Boolean).join(", ");
  return `metric ${e.name}${at ? ` (${at})` : ""}`;
}
__name(metricLabel, "metricLabel");
function signsOf(events) {
  const signs = [];
  const series = /* @__PURE__ */ new Map();
  const datasets = /* @__PURE__ */ new Map();
  const steps = /* @__PURE__ */ new Map();
  const commands = [];
  for (const { e, line } of events) {
    if (e.kind === "metric") {
      const key = `${e.name}\0${e.split ?? ""}`;
      const at = position(e);
      const s = series.get(key) ?? { earliest: at, seen: /* @__PURE__ */ new Map() };
      series.set(key, s);
      const before = s.seen.get(at.join());
      if (before !== void 0 && !s.restarted && notAfter(at, s.earliest)) {
        s.restarted = true;
        signs.push({ what: `${metricLabel(e)} recorded again`, lines: [before, line] });
      }
      if (before === void 0) s.seen.set(at.join(), line);
      if (notAfter(at, s.earliest)) s.earliest = at;
    } else if (e.kind === "dataset") {
      const fields = datasets.get(e.id) ?? /* @__PURE__ */ new Map();
      datasets.set(e.id, fields);
      for (const f of DATASET_IDENTITY) {
        if (e[f] === void 0) continue;
        const values = fields.get(f) ?? [];
        const value = String(e[f]);
        if (!values.some((v) => v.value === value)) values.push({ value, line });
        fields.set(f, values);
      }
    } else if (e.kind === "step") {
      steps.set(e.name, [...steps.get(e.name) ?? [], line]);
    } else if (e.kind === "command") {
      commands.push(line);
    }
  }
  for (const [id, fields] of datasets) {
    for (const [f, values] of fields) {
      if (values.length < 2) continue;
      signs.push({ what: `dataset ${id} recorded with ${f} ${values.map((v) => `${v.value} (line ${v.line})`).join(", ")}`, lines: [] });
    }
  }
  const repeats = [...steps].filter(([, l]) => l.length > 1).map(([name, lines]) => ({ what: `step ${name} recorded ${times(lines.length)}`, lines }));
  if (commands.length > 1) repeats.push({ what: `the command recorded ${times(commands.length)}`, lines: commands });
  return { signs, repeats };
}
__name(signsOf, "signsOf");
var times = /* @__PURE__ */ __name((n) => n === 2 ? "twice" : `${n} times`, "times");
function rerunSigns(events, origins) {
  const groups = /* @__PURE__ */ new Map();
  for (const e of events) {
    const o = origins.get(e);
    if (!o) continue;
    const key = [o.file, e.githubRun ?? "", e.githubJob ?? "", e.githubRunAttempt ?? ""].join("\0");
    const g = groups.get(key) ?? { file: o.file, events: [] };
    groups.set(key, g);
    g.events.push({ e, line: o.line });
  }
  return [...groups.values()].map((g) => ({ file: g.file, ...signsOf(g.events) })).filter((r) => r.signs.length);
}
__name(rerunSigns, "rerunSigns");

// src/capture/environment.ts
import os from "node:os";
function captureEnvironment(gh, recorded) {
  return {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    ...gh ? { runner: gh.runner } : {},
    tools: { node: process.versions.node, "ml-provenance": VERSION },
    ...Object.keys(recorded.libraries).length ? { libraries: recorded.libraries } : {},
    ...recorded.accelerators.length ? { accelerators: recorded.accelerators } : {},
    ...Object.keys(recorded.extra).length ? { extra: recorded.extra } : {}
  };
}
__name(captureEnvironment, "captureEnvironment");

// src/capture/image.ts
function parseImageRef(ref) {
  const r = ref.trim();
  const m = /^([a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+(?=\/))?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(.+))?$/.exec(
    r
  );
  if (!m) {
    const hint = /^[a-z][a-z0-9+.-]*:\/\//i.test(r) ? " (it is a URL; an image reference has no scheme and no user:password@)" : "";
    throw new InputError("bad-image-ref", `the image is not a valid image reference${hint}`, {
      fix: "use REGISTRY/NAME[:TAG]@sha256:<64 hex>, e.g. ghcr.io/acme/train:1.2@sha256:\u2026",
      fields: ["image"]
    });
  }
  const [, repository, tag2, digest] = m;
  if (digest !== void 0 && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new InputError("bad-image-digest", `the image digest (after "@") is not sha256:<64 lower-case hex>`, {
      fix: "copy the digest exactly as the registry or `docker buildx imagetools inspect` prints it",
      fields: ["image"]
    });
  }
  return { repository, ...tag2 ? { tag: tag2 } : {}, ...digest ? { digest: digest.slice(7) } : {}, reference: r };
}
__name(parseImageRef, "parseImageRef");
function redactImageRef(p) {
  const repository = redactString(p.repository) ?? p.repository;
  const tag2 = p.tag === void 0 ? void 0 : redactString(p.tag) === void 0 ? p.tag : REDACTED;
  if (repository === p.repository && tag2 === p.tag) return p;
  return { ...p, repository, ...tag2 !== void 0 ? { tag: tag2 } : {}, reference: `${repository}${tag2 !== void 0 ? `:${tag2}` : ""}${p.digest ? `@sha256:${p.digest}` : ""}` };
}
__name(redactImageRef, "redactImageRef");
function imageDescriptor(ref) {
  const p = redactImageRef(parseImageRef(ref));
  return {
    uri: `oci://${p.repository}${p.tag ? `:${p.tag}` : ""}`,
    name: p.repository,
    reference: p.reference,
    pinned: p.digest !== void 0,
    ...p.digest ? { digest: { sha256: p.digest } } : {},
    mediaType: "application/vnd.oci.image.index.v1+json"
  };
}
__name(imageDescriptor, "imageDescriptor");

// src/capture/subjects.ts
import path2 from "node:path";
import { stat } from "node:fs/promises";
var MAX_SUBJECTS = 1024;
function tooMany() {
  return new InputError("too-many-subjects", `more than ${MAX_SUBJECTS} subject files: a statement may have at most ${MAX_SUBJECTS}`, {
    fix: "point subject-path at the model files themselves (or an archive of them), not at a whole directory tree",
    fields: ["subject-path"]
  });
}
__name(tooMany, "tooMany");
async function captureSubjects(patterns, workspace, reporting) {
  const targets = [];
  const names = /* @__PURE__ */ new Set();
  for (const pattern of patterns.map((p) => p.trim()).filter(Boolean)) {
    const isGlob = /[*?[\]{}]/.test(pattern);
    const matches = isGlob ? await glob(pattern, { cwd: workspace, onlyFiles: false, dot: false, followSymbolicLinks: true, expandDirectories: false }) : [pattern];
    if (matches.length === 0) {
      throw new InputError("subject-not-found", `subject pattern "${pattern}" matched no files`, {
        fix: "check subject-path: it is relative to the workspace, and the model must exist before this step",
        fields: ["subject-path"]
      });
    }
    for (const m of matches.sort()) {
      const t = await resolveInWorkspace(m, workspace, "subject");
      targets.push(t);
      if ((await stat(t.abs)).isDirectory()) {
        for (const f of await listFiles(t.abs, workspace)) names.add(path2.posix.join(t.rel, path2.relative(t.abs, f).split(path2.sep).join("/")));
      } else names.add(t.rel);
      if (names.size > MAX_SUBJECTS) throw tooMany();
    }
  }
  const byName = /* @__PURE__ */ new Map();
  for (const { abs, rel } of targets) {
    const d = await digestPath(abs, workspace, digestOptions(reporting, `subject ${rel}`));
    if (d.kind === "file") byName.set(rel, { name: rel, digest: { sha256: d.sha256 } });
    else
      for (const f of d.files) {
        const name = path2.posix.join(rel, f.path);
        byName.set(name, { name, digest: { sha256: f.sha256 } });
      }
  }
  return [...byName.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
__name(captureSubjects, "captureSubjects");

// src/record/merge.ts
function datasetFields(e) {
  const { kind: _k, v: _v, ts: _ts, githubRun: _run, githubRunAttempt: _attempt, githubJob: _job, ...rest } = e;
  return rest;
}
__name(datasetFields, "datasetFields");
function splitLibrary(lib) {
  if (!lib) return {};
  const at = lib.lastIndexOf("@");
  if (at > 0) return { library: lib.slice(0, at), version: lib.slice(at + 1) };
  return { library: lib };
}
__name(splitLibrary, "splitLibrary");
function mergeEvents(events) {
  const run = { datasets: [], steps: [], metrics: [], params: {}, libraries: {}, accelerators: [], extra: {}, experiment: {} };
  const byId = /* @__PURE__ */ new Map();
  for (const e of events) {
    switch (e.kind) {
      case "dataset": {
        const rest = datasetFields(e);
        const prev = byId.get(e.id);
        if (prev) Object.assign(prev, rest);
        else {
          const copy = { ...rest };
          byId.set(e.id, copy);
          run.datasets.push(copy);
        }
        break;
      }
      case "step":
        run.steps.push({
          name: e.name,
          ...splitLibrary(e.library),
          ...e.parameters ? { parameters: e.parameters } : {},
          ...e.inputs ? { inputs: e.inputs } : {},
          ...e.outputs ? { outputs: e.outputs } : {},
          ...e.splits ? { splits: e.splits } : {},
          ...e.seed !== void 0 ? { seed: e.seed } : {},
          ...e.command ? { command: e.command } : {},
          ...e.command && e.cwd ? { workingDirectory: e.cwd } : {},
          ...e.environment ? { environment: e.environment } : {},
          ...e.ts ? { recordedAt: e.ts } : {}
        });
        break;
      case "metric":
        run.metrics.push({
          name: e.name,
          value: e.value,
          ...e.epoch !== void 0 ? { epoch: e.epoch } : {},
          ...e.step !== void 0 ? { step: e.step } : {},
          ...e.split ? { split: e.split } : {},
          ...e.ts ? { recordedAt: e.ts } : {}
        });
        break;
      case "param":
        Object.assign(run.params, e.params);
        break;
      case "command":
        run.command = e.argv;
        if (e.cwd) run.workingDirectory = e.cwd;
        else delete run.workingDirectory;
        break;
      case "environment":
        Object.assign(run.libraries, e.libraries ?? {});
        for (const a of e.accelerators ?? []) if (!run.accelerators.includes(a)) run.accelerators.push(a);
        Object.assign(run.extra, e.extra ?? {});
        break;
      case "run":
        if (e.purpose) run.experiment.purpose = e.purpose;
        if (e.flags) run.experiment.flags = { ...run.experiment.flags, ...e.flags };
        if (e.cluster) run.cluster = { ...run.cluster, ...e.cluster };
        break;
    }
  }
  return run;
}
__name(mergeEvents, "mergeEvents");
function outputFolders(events) {
  const out = /* @__PURE__ */ new Map();
  for (const e of events) {
    if (e.kind !== "step" || !e.cwd) continue;
    for (const id of e.outputs ?? []) out.set(id, { folder: e.cwd, step: e.name });
  }
  return out;
}
__name(outputFolders, "outputFolders");

// src/statement/bridged.ts
import { existsSync } from "node:fs";
import path6 from "node:path";

// src/bridges/dvc.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { stat as stat3 } from "node:fs/promises";
import path4 from "node:path";

// src/bridges/types.ts
function scalar(text2) {
  const t = text2.trim();
  if (t === "true" || t === "True") return true;
  if (t === "false" || t === "False") return false;
  if (t === "null" || t === "None") return null;
  if (/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) && Number.isFinite(Number(t))) return Number(t);
  return text2;
}
__name(scalar, "scalar");
function toDatasetInputs(result) {
  return result.datasets.map((d) => {
    const p = typeof d.annotations?.path === "string" ? d.annotations.path : void 0;
    return {
      id: d.id,
      ...p ? { path: p } : {},
      ...!p || !d.uri.startsWith("file:") ? { uri: d.uri } : {},
      ...d.version ? { version: d.version } : {},
      ...d.license ? { license: d.license } : {},
      ...!p && d.digest?.sha256 ? { digest: `sha256:${d.digest.sha256}` } : {}
    };
  });
}
__name(toDatasetInputs, "toDatasetInputs");
function emptyResult() {
  return { datasets: [], steps: [], params: {}, metrics: [] };
}
__name(emptyResult, "emptyResult");

// src/bridges/read.ts
import { readdir, stat as stat2 } from "node:fs/promises";
import path3 from "node:path";
function bridgeReader(boundary, shownBase = boundary) {
  const shown = /* @__PURE__ */ __name((f) => posixRelative(shownBase, f) || ".", "shown");
  const inside = /* @__PURE__ */ __name((p, what) => containedPath(p, boundary, what, shown(p)), "inside");
  return {
    shown,
    async text(file, what) {
      const real = await inside(file, what);
      if (real === void 0) return void 0;
      return readTextFile(real, what, { shown: shown(file), maxBytes: LIMITS.inputFileBytes, within: boundary });
    },
    async files(dir, what, o = {}) {
      const keep = o.keep ?? (() => true);
      const out = [];
      const walk2 = /* @__PURE__ */ __name(async (d, prefix) => {
        const real = await inside(d, what);
        if (real === void 0) return;
        const entries = await readdir(real, { withFileTypes: true }).catch((err) => {
          if (err.code === "ENOTDIR") return [];
          throw err;
        });
        for (const e of entries) {
          if (e.isDirectory()) {
            if (!o.skip?.has(e.name)) await walk2(path3.join(d, e.name), `${prefix}${e.name}/`);
          } else if (!keep(e.name)) continue;
          else if (e.isSymbolicLink()) {
            const target = await inside(path3.join(d, e.name), what);
            if (target !== void 0 && !(await stat2(target)).isDirectory()) out.push(`${prefix}${e.name}`);
          } else out.push(`${prefix}${e.name}`);
          if (out.length > LIMITS.matchedFiles) {
            throw new InputError("too-many-files", `${what} ${shown(dir)} holds more than ${LIMITS.matchedFiles} files`, {
              fix: "point at the run or project folder itself, not at a folder above it",
              file: shown(dir)
            });
          }
        }
      }, "walk");
      await walk2(dir, "");
      return out.sort();
    },
    async dirs(dir, what) {
      const real = await inside(dir, what);
      if (real === void 0) return [];
      const entries = await readdir(real, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    }
  };
}
__name(bridgeReader, "bridgeReader");
function defaultBoundary(root, workspace) {
  return workspace ?? root;
}
__name(defaultBoundary, "defaultBoundary");

// src/bridges/dvc.ts
var isUrl = /* @__PURE__ */ __name((p) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p), "isUrl");
var text = /* @__PURE__ */ __name((v) => typeof v === "string" && v.trim() ? v : void 0, "text");
function importOrigin(deps) {
  const d = deps[0];
  if (!d) return void 0;
  const url = text(d.repo?.url);
  if (url) {
    const lock = text(d.repo?.rev_lock);
    const rev = text(d.repo?.rev);
    const annotation2 = { url, ...text(d.path) ? { path: d.path } : {}, ...rev ? { rev } : {}, ...lock ? { revLock: lock } : {} };
    return { annotation: annotation2, ...lock ? { version: lock } : {} };
  }
  const from = text(d.path);
  if (!from || !isUrl(from)) return void 0;
  const versionId = text(d.version_id);
  const annotation = {
    url: from,
    ...text(d.etag) ? { etag: d.etag } : {},
    ...text(d.checksum) ? { checksum: d.checksum } : {},
    ...md5Of(d) ? { md5: md5Of(d) } : {},
    ...versionId ? { versionId } : {}
  };
  return { annotation, ...versionId ? { version: versionId } : {} };
}
__name(importOrigin, "importOrigin");
function remoteDescriptor(url, o, source) {
  const md5 = md5Of(o);
  const versionId = text(o.version_id);
  return {
    // The id is what steps' inputs/outputs name and what policy messages print: built from the URL
    // without its credentials (`https://user:TOKEN@…`, `?sig=…`), as record redaction leaves ids alone.
    id: pathDatasetId(redactString(url) ?? url),
    name: url,
    uri: url,
    digestSource: "given",
    ...versionId ? { version: versionId } : {},
    annotations: {
      source,
      ...text(o.etag) ? { dvcEtag: o.etag } : {},
      ...text(o.checksum) ? { dvcChecksum: o.checksum } : {},
      ...count(o.size) !== void 0 ? { dvcSize: count(o.size) } : {}
    },
    ...md5 ? { digest: { md5 } } : {}
  };
}
__name(remoteDescriptor, "remoteDescriptor");
function count(v) {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,15}$/.test(v) ? Number(v) : void 0;
  return n !== void 0 && Number.isSafeInteger(n) ? n : void 0;
}
__name(count, "count");
function parseDvcYaml(text2, file) {
  try {
    return (0, import_yaml4.parse)(text2, { schema: "failsafe" });
  } catch (err) {
    const line = parserLine(err);
    throw new InputError("malformed-yaml", `${file}${line ? `:${line}` : ""} is not valid YAML (${parserReason(err)})`, { fix: "fix the YAML syntax (is it a DVC file?)", file, cause: err });
  }
}
__name(parseDvcYaml, "parseDvcYaml");
function md5Of(o) {
  const m = o.md5 ?? (o.hash && /^[a-f0-9]{32}(\.dir)?$/.test(o.hash) ? o.hash : void 0);
  return m ? m.replace(/\.dir$/, "") : void 0;
}
__name(md5Of, "md5Of");
async function descriptor(root, rel, o, source, origin) {
  const md5 = md5Of(o);
  const d = {
    // The path itself, percent-encoded where an id cannot hold a character (`my%20file.csv`):
    // `_` would merge `my file.csv` with `my_file.csv` and name neither.
    id: pathDatasetId(rel),
    name: rel,
    uri: fileUri(rel),
    digestSource: "given",
    ...origin?.version ? { version: origin.version } : {},
    // As DVC recorded it: next to this build's own bytes/files, a changed output shows.
    annotations: {
      path: rel,
      source,
      ...o.md5?.endsWith(".dir") || o.hash?.endsWith(".dir") ? { md5Of: "dvc directory listing" } : {},
      ...count(o.size) !== void 0 ? { dvcSize: count(o.size) } : {},
      ...count(o.nfiles) !== void 0 ? { dvcFiles: count(o.nfiles) } : {},
      ...typeof o.remote === "string" && o.remote ? { dvcRemote: o.remote } : {},
      ...origin ? { dvcImport: origin.annotation } : {}
    },
    ...md5 ? { digest: { md5 } } : {}
  };
  const abs = path4.resolve(root, rel);
  if (isInside(abs, root) && await stat3(abs).catch(() => void 0)) {
    const dg = await digestPath(abs, root);
    d.digest = { ...d.digest, sha256: dg.sha256 };
    d.digestSource = "computed";
    d.files = dg.files.length;
    d.bytes = dg.size;
  }
  return d;
}
__name(descriptor, "descriptor");
function linkedFromOutside(err, file, field) {
  if (!(err instanceof InputError) || err.code !== "symlink-escapes-workspace") return err;
  return new InputError("dvc-linked-outside", `${file}: ${field} is DVC data linked from outside the workspace (${err.message}; a DVC cache outside the workspace with cache.type symlink?), and only data inside the workspace is hashed`, {
    fix: "link DVC data as files: dvc config cache.type reflink,hardlink,copy, then dvc checkout --relink, and run again",
    file,
    fields: [field],
    cause: err
  });
}
__name(linkedFromOutside, "linkedFromOutside");
function outsOf(v) {
  return entriesOf(v).map(([o]) => o);
}
__name(outsOf, "outsOf");
function entriesOf(v) {
  return Array.isArray(v) ? v.map((x, i) => [x, i]).filter(([x]) => x && typeof x === "object") : [];
}
__name(entriesOf, "entriesOf");
function localPath(p, base, at) {
  const abs = path4.resolve(base, p);
  if (isInside(abs, at.boundary)) return posixRelative(at.root, abs);
  const shown = JSON.stringify(redactString(p) ?? p);
  throw new InputError(
    "dvc-path-outside-workspace",
    at.output ? `${at.file}: ${at.field} ${shown} is outside the workspace ${at.boundary} (DVC 3 refuses outputs outside the DVC project too)` : `${at.file}: ${at.field} ${shown} is outside the workspace ${at.boundary}, so its data cannot be hashed or recorded as a workspace path`,
    {
      fix: at.output ? "keep the data inside the workspace and track it there (`dvc add PATH`), or bring a copy in with `dvc import-url SOURCE data/NAME`, then run again" : "make the stage read a copy inside the workspace (`dvc import-url SOURCE data/NAME`), or name the data by its URL (s3://\u2026, https://\u2026), which is recorded as it is",
      file: at.file,
      fields: [at.field]
    }
  );
}
__name(localPath, "localPath");
async function readDvc(root, workspace) {
  const boundary = defaultBoundary(root, workspace);
  const rd = bridgeReader(boundary, workspace ?? root);
  const readYaml = /* @__PURE__ */ __name(async (file) => {
    const text2 = await rd.text(file, "DVC file");
    return text2 === void 0 ? void 0 : parseDvcYaml(text2, rd.shown(file));
  }, "readYaml");
  const out = emptyResult();
  const seen = /* @__PURE__ */ new Map();
  const addDataset = /* @__PURE__ */ __name(async (rel, o, source, origin) => {
    if (typeof o.md5 === "string" && !/^[a-f0-9]{32}(\.dir)?$/i.test(o.md5)) {
      const what = isUrl(rel) ? "a dependency at a URL" : `"${rel}"`;
      throw new InputError("bad-dvc-md5", `${source}: the md5 of ${what} is not an md5 ${refusedValueShape(o.md5)}`, {
        fix: "DVC writes 32 hex digits (a directory: followed by .dir): regenerate the file with dvc (dvc commit / dvc repro) or fix the md5",
        file: source
      });
    }
    const norm = isUrl(rel) ? rel : path4.posix.normalize(rel.split(path4.sep).join("/"));
    if (!seen.has(norm)) {
      const d = isUrl(norm) ? remoteDescriptor(norm, o, source) : await descriptor(root, norm, o, source, origin);
      seen.set(norm, d);
      out.datasets.push(d);
    } else if (origin) {
      const d = seen.get(norm);
      d.annotations = { ...d.annotations, dvcImport: d.annotations?.dvcImport ?? origin.annotation };
      if (!d.version && origin.version) d.version = origin.version;
    }
    return seen.get(norm).id;
  }, "addDataset");
  const lockFile = path4.join(root, "dvc.lock");
  const lock = await readYaml(lockFile) ?? null;
  const lockShown = rd.shown(lockFile);
  for (const [name, raw] of Object.entries(lock?.stages ?? {})) {
    const st = raw ?? {};
    const parameters = {};
    for (const kv of Object.values(st.params ?? {})) {
      for (const [k, v] of Object.entries(kv ?? {})) {
        const value = typeof v === "string" ? scalar(v) : JSON.stringify(v);
        parameters[k] = value;
        out.params[k] = value;
      }
    }
    if (st.cmd) parameters.cmd = Array.isArray(st.cmd) ? st.cmd.join(" && ") : st.cmd;
    const where = /* @__PURE__ */ __name((o, i, list) => isUrl(o.path) ? o.path : localPath(o.path, root, { root, boundary, file: lockShown, field: `stages.${name}.${list}[${i}].path`, output: list === "outs" }), "where");
    const inputs = [];
    const add = /* @__PURE__ */ __name((o, i, list) => addDataset(where(o, i, list), o, `dvc.lock:${name}`).catch((err) => {
      throw linkedFromOutside(err, lockShown, `stages.${name}.${list}[${i}].path`);
    }), "add");
    for (const [d, i] of entriesOf(st.deps)) if (text(d.path)) inputs.push(await add(d, i, "deps"));
    const outputs = [];
    for (const [o, i] of entriesOf(st.outs)) if (text(o.path)) outputs.push(await add(o, i, "outs"));
    out.steps.push({ name, library: "dvc", parameters, inputs, outputs });
  }
  const dvcFiles = await rd.files(root, "DVC project", { keep: /* @__PURE__ */ __name((n) => n.endsWith(".dvc"), "keep"), skip: /* @__PURE__ */ new Set([".dvc", ".git", "node_modules"]) });
  for (const file of dvcFiles.map((f) => path4.join(root, f))) {
    const doc = await readYaml(file);
    const wdir = text(doc?.wdir);
    if (wdir) localPath(wdir, path4.dirname(file), { root, boundary, file: rd.shown(file), field: "wdir", output: true });
    const base = path4.resolve(path4.dirname(file), wdir ?? ".");
    const origin = importOrigin(outsOf(doc?.deps));
    for (const [o, i] of entriesOf(doc?.outs)) {
      const p = text(o.path);
      if (!p) continue;
      const rel = isUrl(p) ? p : localPath(p, base, { root, boundary, file: rd.shown(file), field: `outs[${i}].path`, output: true });
      await addDataset(rel, o, path4.relative(root, file), origin).catch((err) => {
        throw linkedFromOutside(err, rd.shown(file), `outs[${i}].path`);
      });
    }
  }
  if (!lock && out.datasets.length === 0) {
    throw new InputError("no-dvc-files", `no dvc.lock or *.dvc files in ${root}`, { fix: "point at the root of a DVC project (where dvc.lock is)", file: root });
  }
  return out;
}
__name(readDvc, "readDvc");

// src/bridges/mlflow.ts
var import_yaml5 = __toESM(require_dist(), 1);
import path5 from "node:path";
function yamlOf(text2, file) {
  if (text2 === void 0) return void 0;
  try {
    const v = (0, import_yaml5.parse)(text2);
    return v && typeof v === "object" ? v : void 0;
  } catch (err) {
    const line = parserLine(err);
    throw new InputError("malformed-yaml", `${file}${line ? `:${line}` : ""} is not valid YAML (${parserReason(err)})`, { fix: "is this an MLflow run folder?", file, cause: err });
  }
}
__name(yamlOf, "yamlOf");
async function readMlflowRun(runDir, workspace) {
  const rd = bridgeReader(defaultBoundary(path5.dirname(runDir), workspace), workspace ?? path5.dirname(runDir));
  const yamlFile = /* @__PURE__ */ __name(async (file) => yamlOf(await rd.text(file, "MLflow file"), rd.shown(file)), "yamlFile");
  const meta = await yamlFile(path5.join(runDir, "meta.yaml"));
  if (!meta) {
    throw new InputError("not-mlflow-run", `${runDir} has no meta.yaml, so it is not an MLflow run folder`, {
      fix: "pass mlruns/<experiment-id>/<run-id>",
      file: runDir
    });
  }
  const out = emptyResult();
  for (const key of await rd.files(path5.join(runDir, "params"), "MLflow params folder")) {
    out.params[key] = scalar(await rd.text(path5.join(runDir, "params", key), "MLflow param") ?? "");
  }
  for (const key of await rd.files(path5.join(runDir, "metrics"), "MLflow metrics folder")) {
    const file = path5.join(runDir, "metrics", key);
    const lines = (await rd.text(file, "MLflow metric") ?? "").split("\n");
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const [, value, step] = line.trim().split(/\s+/);
      const v = Number(value);
      if (value === void 0 || !Number.isFinite(v)) {
        throw new InputError("bad-mlflow-metric", `${file}:${i + 1}: expected "timestamp value step" (the line is not shown, in case it holds a credential)`, {
          fix: "the MLflow metric file is damaged; re-export the run",
          file,
          line: i + 1
        });
      }
      const m = { name: key, value: v };
      const s = Number(step);
      if (step !== void 0 && Number.isInteger(s) && s >= 0) m.step = s;
      out.metrics.push(m);
    });
  }
  const experimentDir = path5.dirname(runDir);
  for (const input of await rd.dirs(path5.join(runDir, "inputs"), "MLflow inputs folder")) {
    const im = await yamlFile(path5.join(runDir, "inputs", input, "meta.yaml"));
    if (!im || im.source_type !== "DATASET" || typeof im.source_id !== "string") continue;
    const dm = await yamlFile(path5.join(experimentDir, "datasets", im.source_id, "meta.yaml"));
    if (!dm) continue;
    const name = typeof dm.name === "string" ? dm.name : im.source_id;
    const source = typeof dm.source === "string" ? parseSource(dm.source) : void 0;
    const digest = typeof dm.digest === "string" && /^[a-f0-9]+$/i.test(dm.digest) ? dm.digest.toLowerCase() : void 0;
    const tags = Array.isArray(im.tags) ? im.tags : [];
    const context = tags.find((t) => t.key === "mlflow.data.context")?.value;
    const d = {
      id: pathDatasetId(name),
      name,
      uri: source ?? `mlflow:dataset/${im.source_id}`,
      digestSource: "given",
      // MLflow's dataset digest is its own short fingerprint, not a content sha256.
      ...digest ? { digest: { mlflow: digest } } : {},
      annotations: { mlflowDatasetId: im.source_id, ...context ? { context } : {}, ...typeof dm.source_type === "string" ? { sourceType: dm.source_type } : {} }
    };
    out.datasets.push(d);
  }
  const runId = typeof meta.run_id === "string" ? meta.run_id : path5.basename(runDir);
  out.steps.push({
    name: typeof meta.run_name === "string" ? meta.run_name : `mlflow-run-${runId}`,
    library: "mlflow",
    parameters: { run_id: runId, ...typeof meta.status === "number" || typeof meta.status === "string" ? { status: meta.status } : {} },
    inputs: out.datasets.map((d) => d.id)
  });
  return out;
}
__name(readMlflowRun, "readMlflowRun");
function parseSource(text2) {
  try {
    const v = JSON.parse(text2);
    const s = v.uri ?? v.url ?? v.path;
    return typeof s === "string" && s ? s : void 0;
  } catch {
    return text2 || void 0;
  }
}
__name(parseSource, "parseSource");

// src/statement/bridged.ts
function bridgeToInputs(r) {
  const events = [];
  if (Object.keys(r.params).length) events.push({ v: 1, kind: "param", params: r.params });
  for (const s of r.steps) {
    events.push({
      v: 1,
      kind: "step",
      name: s.name,
      ...s.library ? { library: s.version ? `${s.library}@${s.version}` : s.library } : {},
      ...s.parameters ? { parameters: s.parameters } : {},
      ...s.inputs ? { inputs: s.inputs } : {},
      ...s.outputs ? { outputs: s.outputs } : {}
    });
  }
  for (const m of r.metrics) {
    events.push({
      v: 1,
      kind: "metric",
      name: m.name,
      value: m.value,
      ...m.epoch !== void 0 ? { epoch: m.epoch } : {},
      ...m.step !== void 0 ? { step: m.step } : {},
      ...m.split ? { split: m.split } : {}
    });
  }
  return { datasets: toDatasetInputs(r), events };
}
__name(bridgeToInputs, "bridgeToInputs");
function rebase(r, root, workspace) {
  const prefix = posixRelative(workspace, root);
  if (!prefix) return r;
  const datasets = r.datasets.map((d) => {
    const p = typeof d.annotations?.path === "string" ? path6.posix.join(prefix, d.annotations.path) : void 0;
    if (!p) return d;
    return { ...d, uri: d.uri.startsWith("file:") ? fileUri(p) : d.uri, annotations: { ...d.annotations, path: p } };
  });
  return { ...r, datasets };
}
__name(rebase, "rebase");
async function readBridges(sources, workspace) {
  const out = { datasets: [], descriptors: [], local: [], events: [] };
  const add = /* @__PURE__ */ __name((raw, root) => {
    const r = rebase(raw, root, workspace);
    const local = r.datasets.filter((d) => typeof d.annotations?.path === "string" && existsSync(path6.join(workspace, d.annotations.path)));
    const b = bridgeToInputs({ ...r, datasets: local });
    out.datasets.push(...b.datasets);
    out.descriptors.push(...r.datasets.filter((d) => !local.includes(d)));
    out.local.push(...local);
    out.events.push(...b.events);
  }, "add");
  if (sources.dvc) {
    const root = path6.resolve(workspace, (await resolveInWorkspace(sources.dvc, workspace, "DVC project folder (dvc)", "directory")).rel);
    add(await readDvc(root, workspace), root);
  }
  if (sources.mlflowRun) {
    const root = path6.resolve(workspace, (await resolveInWorkspace(sources.mlflowRun, workspace, "MLflow run folder (mlflow-run)", "directory")).rel);
    add(await readMlflowRun(root, workspace), root);
  }
  return out;
}
__name(readBridges, "readBridges");
function withBridgeFacts(hashed, local) {
  return hashed.map((h) => {
    const b = local.find((l) => l.id === h.id && l.annotations?.path === h.annotations?.path);
    if (!b) return h;
    const { sha256: _ours, ...theirs } = b.digest ?? {};
    return {
      ...h,
      // The tool's own name for it (DVC: the path as written, where the id may be percent-encoded).
      name: b.name ?? h.name,
      ...Object.keys(theirs).length ? { digest: { ...theirs, ...h.digest } } : {},
      annotations: { ...b.annotations, ...h.annotations }
    };
  });
}
__name(withBridgeFacts, "withBridgeFacts");
function withHfVersions(datasets) {
  return datasets.map((d) => {
    if (d.version || !d.uri?.startsWith("hf://datasets/")) return d;
    const version = datasetFromHfUri(d.uri).version;
    return version ? { ...d, version } : d;
  });
}
__name(withHfVersions, "withHfVersions");

// src/statement/build.ts
async function expandConfigs(patterns, workspace) {
  const out = [];
  for (const p of patterns.map((s) => s.trim()).filter(Boolean)) {
    if (!/[*?[\]{}]/.test(p)) {
      out.push(p);
      continue;
    }
    const m = await globFilesInWorkspace(p, workspace, "config");
    if (m.length === 0) {
      throw new InputError("config-not-found", `config pattern "${p}" matched no files`, {
        fix: "check the `config` input / --config: globs are relative to the workspace",
        fields: ["config"]
      });
    }
    out.push(...m);
  }
  return [...new Set(out)];
}
__name(expandConfigs, "expandConfigs");
async function sourceDependency(inputs) {
  const gh = inputs.github;
  if (gh && gh.sha) {
    return { uri: `git+${gh.serverUrl}/${gh.repository}@${gh.ref}`, digest: { gitCommit: gh.sha }, name: "source" };
  }
  const g = await readGit(inputs.workspace);
  if (!g) return void 0;
  return {
    uri: `git+${g.remote ?? "file:."}${g.ref ? `@${g.ref}` : ""}`,
    digest: { gitCommit: g.commit },
    name: "source",
    ...g.dirty ? { annotations: { dirty: true } } : {}
  };
}
__name(sourceDependency, "sourceDependency");
async function buildStatement(inputs) {
  const now = inputs.now ?? (() => /* @__PURE__ */ new Date());
  const recorded = mergeEvents(inputs.events);
  const gh = inputs.github;
  const hashed = withBridgeFacts(await captureDatasets(mergeDatasetInputs(inputs.datasets, recorded.datasets), inputs.workspace, inputs.reporting, outputFolders(inputs.events)), inputs.bridgedLocal ?? []);
  const datasets = [...(inputs.capturedDatasets ?? []).filter((d) => !hashed.some((h) => h.id === d.id)), ...hashed];
  const configFiles = [];
  for (const f of await expandConfigs(inputs.configs, inputs.workspace)) {
    configFiles.push(await captureConfig(f, inputs.workspace, inputs.redactKeyPatterns));
  }
  const subject = await captureSubjects(inputs.subjects, inputs.workspace, inputs.reporting);
  const image = inputs.image ? { ...imageDescriptor(inputs.image), ...inputs.imageSource ? { source: inputs.imageSource } : {} } : void 0;
  const resolvedDependencies = [];
  const source = await sourceDependency(inputs);
  if (source) resolvedDependencies.push(source);
  if (image?.digest) resolvedDependencies.push({ uri: image.uri, digest: image.digest, name: "image" });
  const wf = gh?.workflowRef ? parseWorkflowRef(gh.workflowRef) : void 0;
  const firstTs = inputs.events.map((e) => e.ts).filter((t) => Boolean(t)).sort()[0];
  const command = inputs.command ?? recorded.command;
  const workingDirectory = inputs.command ? void 0 : recorded.workingDirectory;
  const experiment = recorded.experiment.purpose || recorded.experiment.flags ? recorded.experiment : void 0;
  const environment = {
    ...captureEnvironment(gh, recorded),
    ...recorded.cluster ? { cluster: recorded.cluster } : {},
    ...inputs.hardware ? { hardware: inputs.hardware } : {},
    ...inputs.python ? { python: inputs.python } : {}
  };
  const redacted = redactCoverage(redactRecorded({
    buildDefinition: {
      buildType: gh ? BUILD_TYPE_GITHUB : BUILD_TYPE_LOCAL,
      externalParameters: {
        ...wf ? { workflow: { ref: wf.ref, repository: `${gh.serverUrl}/${wf.repository}`, path: wf.path } } : {},
        ...command ? { command } : {},
        ...command && workingDirectory ? { workingDirectory } : {},
        hyperparameters: recorded.params,
        config: Object.fromEntries(configFiles.map((c) => [c.name, c.content])),
        policy: inputs.policy
      },
      ...gh ? {
        internalParameters: {
          github: {
            event_name: gh.eventName,
            ...gh.repositoryId ? { repository_id: gh.repositoryId } : {},
            ...gh.repositoryOwnerId ? { repository_owner_id: gh.repositoryOwnerId } : {},
            ...gh.runner.environment ? { runner_environment: gh.runner.environment } : {}
          }
        }
      } : {},
      resolvedDependencies
    },
    runDetails: {
      builder: {
        id: gh && wf ? `${gh.serverUrl}/${wf.repository}/${wf.path}@${wf.ref}` : "https://ml-provenance.dev/builders/local",
        version: { "ml-provenance": VERSION }
      },
      metadata: {
        ...gh ? { invocationId: invocationUrl(gh) } : {},
        ...firstTs ? { startedOn: firstTs } : {},
        finishedOn: now().toISOString()
      },
      ...inputs.recordsDigest ? { byproducts: [{ name: "records.jsonl", digest: { sha256: inputs.recordsDigest }, mediaType: "application/jsonl" }] } : {}
    },
    datasets,
    configFiles,
    ...image ? { image } : {},
    steps: recorded.steps,
    metrics: [...recorded.metrics, ...inputs.metrics],
    ...experiment ? { experiment } : {},
    environment,
    ...inputs.conflicts?.length ? { conflicts: inputs.conflicts } : {},
    redactions: configFiles.flatMap((c) => c.redacted.map((p) => `${c.name}#${p}`))
  }, inputs.redactKeyPatterns), inputs.redactKeyPatterns);
  let predicate = redacted;
  let hidden = [];
  if (inputs.pseudonymize?.fields.length) {
    const { key, fields } = inputs.pseudonymize;
    const p = pseudonymize(redacted, fields, key);
    hidden = p.hidden;
    predicate = { ...p.predicate, pseudonyms: { algorithm: "hmac-sha256", keyId: key.id, fields: p.pointers } };
  }
  const statement = { _type: STATEMENT_TYPE, subject, predicateType: PREDICATE_TYPE, predicate };
  const res = TrainingStatement.safeParse(statement);
  if (!res.success) {
    throw new InputError("invalid-record", `the assembled record is invalid: ${res.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, {
      fix: "check the recorded values named above"
    });
  }
  return { statement: res.data, hidden };
}
__name(buildStatement, "buildStatement");

// src/capture/hardware.ts
import os2 from "node:os";
async function captureHardware(env = process.env) {
  const cpus = os2.cpus();
  const hw = {
    ...cpus.length ? { cpu: { ...cpus[0]?.model ? { model: cpus[0].model.trim() } : {}, cores: cpus.length } } : {},
    memoryBytes: os2.totalmem(),
    sources: ["node:os"]
  };
  const nvidia = onPath("nvidia-smi", env);
  if (nvidia) {
    const gpus = await nvidiaGpus(nvidia, env);
    if (gpus.length) {
      hw.gpus = gpus;
      hw.sources.push("nvidia-smi");
    }
  }
  const rocm = !hw.gpus && onPath("rocm-smi", env);
  if (rocm) {
    const r = await probe(rocm, ["--showproductname", "--showdriverversion", "--json"], { env });
    const gpus = r.ok ? parseRocmSmi(r.stdout) : [];
    if (gpus.length) {
      hw.gpus = gpus;
      hw.sources.push("rocm-smi");
    }
  }
  return hw;
}
__name(captureHardware, "captureHardware");
async function nvidiaGpus(bin, env) {
  const q = await probe(bin, ["--query-gpu=name,driver_version,memory.total", "--format=csv,noheader,nounits"], { env });
  if (!q.ok) return [];
  const gpus = parseNvidiaQuery(q.stdout);
  if (gpus.length === 0) return gpus;
  const report = await probe(bin, ["-q", "-d", "COMPUTE"], { env });
  const cuda = report.ok ? /^\s*CUDA Version\s*:\s*(\S+)/m.exec(report.stdout)?.[1] : void 0;
  return cuda ? gpus.map((g) => ({ ...g, cuda })) : gpus;
}
__name(nvidiaGpus, "nvidiaGpus");
function parseNvidiaQuery(text2) {
  const out = [];
  for (const line of text2.split("\n")) {
    const parts = line.split(",").map((s) => s.trim());
    if (parts.length < 3 || !parts[0]) continue;
    const mem = Number.parseInt(parts[2], 10);
    out.push({
      name: parts[0],
      ...parts[1] && parts[1] !== "[N/A]" ? { driver: parts[1] } : {},
      ...Number.isFinite(mem) ? { memoryMiB: mem } : {}
    });
  }
  return out;
}
__name(parseNvidiaQuery, "parseNvidiaQuery");
function parseRocmSmi(text2) {
  let doc;
  try {
    doc = JSON.parse(text2);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== "object") return [];
  const driver = typeof doc.system?.["Driver version"] === "string" ? doc.system["Driver version"] : void 0;
  return Object.entries(doc).filter(([k]) => /^card\d+$/.test(k)).map(([, v]) => {
    const name = [v["Card series"], v["Card model"]].find((x) => typeof x === "string" && x.trim() !== "");
    return { name: name?.trim() ?? "AMD GPU", ...driver ? { driver } : {} };
  });
}
__name(parseRocmSmi, "parseRocmSmi");

// src/record/conflicts.ts
var DATASET_FIELDS = ["uri", "version", "path", "digest", "license", "splits", "seed", "source", "sampling", "synthetic"];
function same(a, b) {
  return canonicalJson(a) === canonicalJson(b);
}
__name(same, "same");
function distinct(values) {
  const out = [];
  for (const v of values) if (!out.some((o) => same(o.value, v.value))) out.push(v);
  return out;
}
__name(distinct, "distinct");
function datasetConflicts(lists) {
  const byId = /* @__PURE__ */ new Map();
  for (const { source, datasets } of lists) {
    const seen = /* @__PURE__ */ new Map();
    datasets.forEach((d) => {
      const fields = byId.get(d.id) ?? /* @__PURE__ */ new Map();
      byId.set(d.id, fields);
      const nth = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, nth);
      const where = datasets.filter((x) => x.id === d.id).length > 1 ? `${source} (entry ${nth})` : source;
      for (const f of DATASET_FIELDS) {
        if (d[f] === void 0) continue;
        const values = fields.get(f) ?? [];
        const value = f === "uri" && typeof d.uri === "string" ? datasetUri({ uri: d.uri, ...typeof d.path === "string" ? { annotations: { path: d.path } } : {} }) : d[f];
        values.push({ source: where, value });
        fields.set(f, values);
      }
    });
  }
  const out = [];
  for (const [id, fields] of byId) {
    for (const [field, values] of fields) {
      const d = distinct(values);
      if (d.length > 1) out.push({ kind: "dataset", id, field, values: d });
    }
  }
  return out;
}
__name(datasetConflicts, "datasetConflicts");
function stepConflicts(steps, source = "records log") {
  const byName = /* @__PURE__ */ new Map();
  for (const s of steps) byName.set(s.name, [...byName.get(s.name) ?? [], s]);
  const out = [];
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const check = /* @__PURE__ */ __name((field, get) => {
      const vals = list.map((s, i) => ({ source: `${source} (step ${i + 1} named "${name}")`, value: get(s) })).filter((v) => v.value !== void 0);
      const d = distinct(vals);
      if (d.length > 1) out.push({ kind: "step", id: name, field, values: d });
    }, "check");
    check("library", (s) => s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : void 0);
    const keys = new Set(list.flatMap((s) => Object.keys(s.parameters ?? {})));
    for (const k of [...keys].sort()) check(`parameters.${k}`, (s) => s.parameters?.[k]);
  }
  return out;
}
__name(stepConflicts, "stepConflicts");
function metricConflicts(lists) {
  const byKey = /* @__PURE__ */ new Map();
  for (const { source, metrics } of lists) {
    for (const m of metrics) {
      const key = [m.name, m.epoch ?? "", m.step ?? "", m.split ?? ""].join("\0");
      byKey.set(key, [...byKey.get(key) ?? [], { source, value: m.value }]);
    }
  }
  const out = [];
  for (const [key, values] of byKey) {
    const d = distinct(values);
    if (d.length < 2) continue;
    const [name, epoch, step, split] = key.split("\0");
    const id = [name, epoch ? `epoch ${epoch}` : "", step ? `step ${step}` : "", split ? `split ${split}` : ""].filter(Boolean).join(", ");
    out.push({ kind: "metric", id, field: "value", values: d });
  }
  return out;
}
__name(metricConflicts, "metricConflicts");

// src/statement/coverage.ts
async function captureExtras(workspace, c, imageGiven, reporting) {
  const env = c.env ?? process.env;
  const [hardware, python, image] = await Promise.all([
    c.hardware === false ? void 0 : captureHardware(env),
    capturePython(c.pythonEnv ?? "auto", workspace, env),
    imageGiven || c.image === false ? void 0 : detectImage({ env, ...reporting?.warn ? { onNote: reporting.warn } : {} })
  ]);
  let usable;
  if (image) {
    try {
      parseImageRef(image.reference);
      usable = image;
    } catch {
      reporting?.warn?.(`a container image was detected (${image.source}) but its reference is not a registry reference; pass \`image\` with its digest`);
    }
  }
  if (usable && !/@sha256:/.test(usable.reference)) {
    reporting?.warn?.(`container image ${usable.reference} detected (${usable.source}) without a registry digest; pass \`image\` with @sha256:\u2026 to pin it`);
  }
  return { ...hardware ? { hardware } : {}, ...python ? { python } : {}, ...usable ? { image: usable } : {} };
}
__name(captureExtras, "captureExtras");
function collectConflicts(s) {
  const bridgedDatasets = [
    ...s.bridged.datasets,
    ...s.bridged.descriptors.map((d) => ({ ...d, ...d.digest?.sha256 ? { digest: `sha256:${d.digest.sha256}` } : {} }))
  ];
  const recordedDatasets = s.recorded.filter((e) => e.kind === "dataset").map(datasetFields);
  const merged = mergeEvents([...s.bridged.events, ...s.recorded]);
  const bridgedMetrics = mergeEvents(s.bridged.events).metrics;
  const recordedMetrics = mergeEvents(s.recorded).metrics;
  return [
    ...datasetConflicts([
      { source: "DVC/MLflow", datasets: bridgedDatasets },
      { source: "datasets manifest", datasets: s.declared },
      { source: "records log", datasets: recordedDatasets }
    ]),
    ...stepConflicts(merged.steps),
    ...metricConflicts([
      { source: "DVC/MLflow", metrics: bridgedMetrics },
      { source: "records log", metrics: recordedMetrics },
      { source: "metrics file", metrics: s.metricsFile }
    ])
  ];
}
__name(collectConflicts, "collectConflicts");

// src/statement/pseudonym-leaks.ts
var MIN_LEAK_CHARS = 4;
function distinctiveText(t) {
  return t.length >= 12 || t.length >= 8 && /[0-9/\\_.:\- ]/.test(t);
}
__name(distinctiveText, "distinctiveText");
var SCHEME = /^[a-z][a-z0-9+.-]*:/i;
function decoded(f) {
  try {
    const d = decodeURIComponent(f);
    return d === f ? void 0 : d;
  } catch {
    return void 0;
  }
}
__name(decoded, "decoded");
function leakForms(v) {
  const out = /* @__PURE__ */ new Set();
  for (const f of sameValueForms(v)) {
    out.add(f);
    if (f.startsWith("file:")) out.add(f.slice("file:".length));
    const d = decoded(f);
    if (d !== void 0) out.add(d);
  }
  return [...out];
}
__name(leakForms, "leakForms");
var distinctive = /* @__PURE__ */ __name((folder) => distinctiveText(folder.slice(folder.lastIndexOf("/") + 1)), "distinctive");
function distinctiveFolders(form) {
  const v = form.replace(/\/+$/, "");
  if (v.startsWith("file:")) return [];
  const slash = v.lastIndexOf("/");
  if (SCHEME.test(v)) {
    const authorityEnd = v.indexOf("/", v.indexOf("//") >= 0 ? v.indexOf("//") + 2 : v.indexOf(":") + 1);
    if (authorityEnd < 0 || slash <= authorityEnd) return [];
    const parent = v.slice(0, slash);
    return distinctive(parent) ? [parent] : [];
  }
  if (v.startsWith("/")) {
    const parent = v.slice(0, slash);
    return slash > 0 && distinctive(parent) ? [parent] : [];
  }
  const parts = v.replace(/^(\.\/)+/, "").split("/");
  const out = [];
  for (let n = parts.length - 1; n >= 1; n--) {
    const folder = parts.slice(0, n).join("/");
    if (distinctive(folder)) out.push(folder);
  }
  return out;
}
__name(distinctiveFolders, "distinctiveFolders");
var WORD = /[A-Za-z0-9]/;
function indexNeedles(needles) {
  const index = /* @__PURE__ */ new Map();
  for (const n of needles) {
    if (n.text.length < MIN_LEAK_CHARS) continue;
    const byLength = index.get(n.text.slice(0, MIN_LEAK_CHARS)) ?? /* @__PURE__ */ new Map();
    const byText = byLength.get(n.text.length) ?? /* @__PURE__ */ new Map();
    byText.set(n.text, [...byText.get(n.text) ?? [], n]);
    byLength.set(n.text.length, byText);
    index.set(n.text.slice(0, MIN_LEAK_CHARS), byLength);
  }
  return index;
}
__name(indexNeedles, "indexNeedles");
function wordsIn(text2, index) {
  const out = [];
  for (let i = 0; i + MIN_LEAK_CHARS <= text2.length; i++) {
    const byLength = index.get(text2.slice(i, i + MIN_LEAK_CHARS));
    if (!byLength) continue;
    for (const [len, byText] of byLength) {
      const hit = i + len <= text2.length ? byText.get(text2.slice(i, i + len)) : void 0;
      if (!hit) continue;
      const before = text2[i - 1];
      const after = text2[i + len];
      const okBefore = before === void 0 || !WORD.test(text2[i]) || !WORD.test(before);
      const okAfter = after === void 0 || !WORD.test(text2[i + len - 1]) || !WORD.test(after);
      const whole = i === 0 && len === text2.length;
      if (okBefore && okAfter) out.push(...hit.filter((n) => whole || !n.wholeOnly).map((needle) => ({ needle, whole })));
    }
  }
  return out;
}
__name(wordsIn, "wordsIn");
var escape = /* @__PURE__ */ __name((k) => k.replace(/~/g, "~0").replace(/\//g, "~1"), "escape");
var shapeOf = /* @__PURE__ */ __name((v) => /[/\\]/.test(v) || SCHEME.test(v) ? "path" : "name", "shapeOf");
function publicNames(statement) {
  const root = statement;
  const datasets = (root?.predicate ?? root)?.datasets;
  const out = /* @__PURE__ */ new Set();
  for (const d of Array.isArray(datasets) ? datasets : []) {
    for (const v of [d?.id, d?.name]) if (typeof v === "string" && !v.startsWith("pseud:")) out.add(v);
  }
  return out;
}
__name(publicNames, "publicNames");
function pseudonymLeaks(statement, hidden) {
  const names = publicNames(statement);
  const needles = [];
  for (const h of hidden) {
    const shape = shapeOf(h.value);
    const forms = leakForms(h.value);
    for (const text2 of forms) needles.push({ text: text2, from: h.from, kind: "value", shape, wholeOnly: !distinctiveText(text2) });
    for (const text2 of new Set(forms.flatMap(distinctiveFolders))) {
      if (!names.has(text2.slice(text2.lastIndexOf("/") + 1))) needles.push({ text: text2, from: h.from, kind: "folder", shape, wholeOnly: false });
    }
  }
  const index = indexNeedles(needles);
  const found = /* @__PURE__ */ new Map();
  const check = /* @__PURE__ */ __name((text2, pointer) => {
    for (const { needle: n, whole } of wordsIn(text2, index)) {
      const id = `${pointer}\0${n.from}`;
      const was = found.get(id);
      if (!was || was.kind === "folder" && n.kind === "value" || was.kind === n.kind && whole && !was.whole) {
        found.set(id, { pointer, from: n.from, kind: n.kind, whole, shape: n.shape });
      }
    }
  }, "check");
  const walk2 = /* @__PURE__ */ __name((v, ptr) => {
    if (typeof v === "string") check(v, ptr);
    else if (Array.isArray(v)) v.forEach((x, i) => walk2(x, `${ptr}/${i}`));
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const at = `${ptr}/${escape(k)}`;
        check(k, at);
        walk2(x, at);
      }
    }
  }, "walk");
  walk2(statement, "#");
  return [...found.values()].sort((a, b) => a.pointer.localeCompare(b.pointer) || a.from.localeCompare(b.from));
}
__name(pseudonymLeaks, "pseudonymLeaks");

// src/statement/assemble.ts
async function assemble(o) {
  const policy = await resolvePolicy(o.policy, o.workspace);
  const redactKeyPatterns = compileKeyPatterns(o.redact);
  const bridged = await readBridges(o.bridges ?? {}, o.workspace);
  const records = await readRecords(o.records.dir, o.workspace, o.records.from);
  const gh = o.github;
  const thisRun = eventsOfRun(records.events, gh ? { runId: gh.runId, runAttempt: gh.runAttempt, ...gh.job ? { job: gh.job } : {} } : void 0);
  const warn = o.reporting?.warn;
  const elsewhere = await recordsElsewhere(o.records, o.workspace, records.events.length);
  const reused = thisRun.others.size > 0;
  const untagged = reused ? rerunSigns(thisRun.events.filter((e) => e.githubRun === void 0), records.origins) : [];
  const signs = rerunSigns(reused ? thisRun.events.filter((e) => e.githubRun !== void 0) : thisRun.events, records.origins);
  if (warn) {
    for (const m of [
      recordsWarning(o.records, o.workspace),
      elsewhere?.warning,
      await committedLogWarning(o.records, o.workspace),
      otherRunsWarning(thisRun.others, o.records, o.workspace, untagged),
      earlierRunWarning(signs, o.records, o.workspace)
    ]) {
      if (m) warn(m);
    }
  }
  const events = [...bridged.events, ...thisRun.events];
  const declared = o.datasets ? await loadDatasetsInput(o.datasets, o.workspace) : [];
  const recordsDigest = records.digest;
  const metrics = o.metricsFile ? await loadMetricsFile(o.metricsFile, o.workspace) : [];
  const extras = await captureExtras(o.workspace, o.capture ?? {}, Boolean(o.image), o.reporting);
  const anonymize = [...policy.anonymize ?? [], ...o.anonymize ?? []];
  anonymize.forEach(parsePattern);
  if (anonymize.length && !o.pseudonymKey) {
    throw new InputError("pseudonym-key-missing", `fields to pseudonymise are named (${anonymize.join(", ")}) but no key was given`, {
      fix: "pass the team's key: env ML_PROVENANCE_PSEUDONYM_KEY or --pseudonym-key-file FILE (action: the `pseudonym-key` input from a secret)",
      fields: ["pseudonym-key"]
    });
  }
  const conflicts = collectConflicts({ bridged, declared, recorded: thisRun.events, metricsFile: metrics });
  const { statement, hidden } = await buildStatement({
    workspace: o.workspace,
    subjects: o.subjects,
    configs: o.configs,
    ...o.image ? { image: o.image } : extras.image ? { image: extras.image.reference, imageSource: extras.image.source } : {},
    datasets: withHfVersions([...bridged.datasets, ...declared]),
    capturedDatasets: bridged.descriptors,
    bridgedLocal: bridged.local,
    metrics,
    events,
    conflicts,
    ...anonymize.length && o.pseudonymKey ? { pseudonymize: { fields: anonymize, key: o.pseudonymKey } } : {},
    ...extras.hardware ? { hardware: extras.hardware } : {},
    ...extras.python ? { python: extras.python } : {},
    ...recordsDigest ? { recordsDigest } : {},
    policy: policy.name,
    redactKeyPatterns,
    ...o.command ? { command: o.command } : {},
    ...o.github ? { github: o.github } : {},
    ...o.now ? { now: o.now } : {},
    ...o.reporting ? { reporting: o.reporting } : {}
  });
  const text2 = serializeStatement(statement);
  const result = withLeaks(evaluatePolicy(statement, policy), pseudonymLeaks(statement, hidden.map((h) => ({ ...h, from: `#/predicate${h.from.slice(1)}` }))));
  return { statement, text: text2, digest: sha256Hex(text2), policy: elsewhere ? withRecordsFix(result, elsewhere, statement) : result };
}
__name(assemble, "assemble");
function withLeaks(result, leaks) {
  if (!leaks.length) return result;
  const findings = leaks.map((l) => {
    const what = hiddenWhat(l);
    return {
      rule: "pseudonyms.leak",
      field: l.pointer,
      message: l.kind === "value" ? `holds ${what} pseudonymised at ${l.from} in clear (${l.whole ? "the whole value" : "inside a longer text"})` : `holds a folder of ${what} pseudonymised at ${l.from} in clear`,
      fix: l.pointer.startsWith("#/subject/") ? `give the model file a name that does not repeat ${l.kind === "value" ? what : `a folder of ${what}`}` : `pseudonymise this field too (--anonymize ${fieldPattern(l.pointer)}, or the policy file's anonymize:), or stop the training code from recording it`,
      severity: "error"
    };
  });
  return { ...result, complete: false, findings: [...result.findings, ...findings], missing: [.../* @__PURE__ */ new Set([...result.missing, ...findings.map((f) => f.field)])] };
}
__name(withLeaks, "withLeaks");
function hiddenWhat(l) {
  const field = l.from.slice(l.from.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
  const owner = /^#\/predicate\/datasets\/\d+\//.test(l.from) ? "the dataset" : "the value of";
  return `${owner} ${field} (${l.shape === "path" ? "a path" : "a name"})`;
}
__name(hiddenWhat, "hiddenWhat");
function fieldPattern(pointer) {
  return pointer.replace(/^#\/predicate\//, "").split("/").map((s) => /^\d+$/.test(s) ? "*" : s.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
}
__name(fieldPattern, "fieldPattern");
var FROM_RECORDS = /^(datasets\.(min|require)|metrics\.(min|require)|hyperparameters|steps(?!\.inputs)|command|environment|quality\.require|datasetSource|synthetic\.require|purpose)(\.|$)/;
var KIND_OF = [[/^metrics/, "metric"], [/^hyperparameters/, "param"], [/^steps/, "step"], [/^command/, "command"], [/^environment/, "environment"], [/^purpose/, "purpose"]];
function withRecordsFix(result, elsewhere, statement) {
  const { fix, holds } = elsewhere;
  const applies = /* @__PURE__ */ __name((f) => {
    if (f.severity !== "error" || f.field === "environment.os") return false;
    if (f.rule === "steps.inputs") {
      const m = /^steps\[(\d+)\]\.inputs\[(\d+)\]$/.exec(f.field);
      const id = m ? statement.predicate.steps[Number(m[1])]?.inputs?.[Number(m[2])] : void 0;
      return holds !== void 0 && id !== void 0 && holds.datasets.has(id);
    }
    if (!FROM_RECORDS.test(f.rule)) return false;
    return holds === void 0 || holds.kinds.has(KIND_OF.find(([r]) => r.test(f.rule))?.[1] ?? "dataset");
  }, "applies");
  return { ...result, findings: result.findings.map((f) => applies(f) ? { ...f, fix: `${fix}; else ${f.fix}` } : f) };
}
__name(withRecordsFix, "withRecordsFix");

export {
  assemble
};
