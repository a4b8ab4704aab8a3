import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DatasetManifest
} from "./chunk-ZLFOCYMR.js";
import {
  pseudonymize
} from "./chunk-2QABSAN4.js";
import {
  canonicalJson,
  sha256Hex
} from "./chunk-B5GPVALP.js";
import {
  VERSION
} from "./chunk-LNJGPLWF.js";
import {
  digestPath,
  listFiles
} from "./chunk-ENOS7S7E.js";
import {
  require_dist
} from "./chunk-CISWHTME.js";
import {
  LIMITS,
  assertDepth,
  decodeText,
  describeJsonError,
  parseWith,
  readFileChecked,
  resolveInWorkspace
} from "./chunk-EV6DDHLU.js";
import {
  BUILD_TYPE_GITHUB,
  BUILD_TYPE_LOCAL,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  TrainingStatement
} from "./chunk-AE4HQAUN.js";
import {
  invocationUrl,
  parseWorkflowRef
} from "./chunk-IFWJZX5H.js";
import {
  CheckError,
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  glob
} from "./chunk-SUFGYESG.js";
import {
  __commonJS,
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// node_modules/shell-quote/quote.js
var require_quote = __commonJS({
  "node_modules/shell-quote/quote.js"(exports, module) {
    "use strict";
    var OPS = (
      /** @type {const} */
      [
        "||",
        "&&",
        ";;&",
        ";;",
        ";&",
        "|&",
        "<(",
        ">(",
        "<<<",
        "<<-",
        "<<",
        ">>",
        ">&",
        ">|",
        "&>>",
        "&>",
        "<&",
        "<>",
        "&",
        ";",
        "(",
        ")",
        "|",
        "<",
        ">"
      ]
    );
    var LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
    var GLOB_SHELL_SPECIAL = /[\s#!"$&'():;<=>@\\^`|~]/g;
    module.exports = /* @__PURE__ */ __name(function quote(xs) {
      var sawComment = false;
      return xs.map(function(s) {
        if (sawComment && typeof s === "string" && LINE_TERMINATORS.test(s)) {
          throw new TypeError("a token after a `comment` must not contain line terminators");
        }
        if (s === "") {
          return (
            /** @type {const} */
            "''"
          );
        }
        if (s && typeof s === "object") {
          if ("op" in s && s.op === "glob") {
            if (typeof s.pattern !== "string") {
              throw new TypeError("glob token requires a string `pattern`");
            }
            if (LINE_TERMINATORS.test(s.pattern)) {
              throw new TypeError("glob `pattern` must not contain line terminators");
            }
            if (s.pattern === "") {
              return (
                /** @type {const} */
                "''"
              );
            }
            return s.pattern.replace(GLOB_SHELL_SPECIAL, "\\$&");
          }
          if ("op" in s && typeof s.op === "string") {
            if (OPS.indexOf(s.op) < 0) {
              throw new TypeError("invalid `op` value: " + JSON.stringify(s.op));
            }
            return s.op.replace(/[\s\S]/g, "\\$&");
          }
          if ("comment" in s && typeof s.comment === "string") {
            if (LINE_TERMINATORS.test(s.comment)) {
              throw new TypeError("`comment` must not contain line terminators");
            }
            sawComment = true;
            return "#" + s.comment;
          }
          throw new TypeError("unrecognized object token shape");
        }
        if (/'/.test(s) && /!/.test(s)) {
          return "'" + s.replace(/'/g, `'"'"'`) + "'";
        }
        if (/["\s\\]/.test(s) && !/'/.test(s)) {
          return "'" + s + "'";
        }
        if (/["'\s]/.test(s)) {
          return '"' + s.replace(/(["\\$`])/g, "\\$1") + '"';
        }
        return String(s).replace(/([A-Za-z]:)?([#!"$&'()*,:;<=>?@[\\\]^`{|}~])/g, "$1\\$2");
      }).join(" ");
    }, "quote");
  }
});

// node_modules/shell-quote/parse.js
var require_parse = __commonJS({
  "node_modules/shell-quote/parse.js"(exports, module) {
    "use strict";
    var CONTROL = (
      /** @type {const} */
      "(?:" + /** @type {const} */
      [
        "\\|\\|",
        "\\&(?:\\&|>>?)",
        // `&&`, `&>`, and `&>>`
        ";;\\&?",
        // `;;` and `;;&`
        "[;|]\\&",
        // `;&` and `|&`
        "\\<\\(",
        "\\<\\<\\<",
        "\\<\\<-",
        "\\<\\<(?!\\()",
        // `<<(` stays `<` and `<(`, as zsh reads it; other shells reject it
        ">>",
        ">[&|(]",
        // `>&`, `>|`, and `>(`
        "<[&>]",
        // `<&` and `<>`
        "[&;()|<>]"
      ].join(
        /** @type {const} */
        "|"
      ) + /** @type {const} */
      ")"
    );
    var controlRE = new RegExp("^" + CONTROL + "$");
    var META = (
      /** @type {const} */
      "|&;()<> \\t"
    );
    var SINGLE_QUOTE = (
      /** @type {const} */
      "'([^']*?)'"
    );
    var ANSI_C_BODY = "(?:\\\\[\\s\\S]|[^\\\\'])*?";
    var ANSI_C_QUOTE = "\\$'" + ANSI_C_BODY + "'";
    var ansiCAt = new RegExp("\\$'" + ANSI_C_BODY + "(?:(')|\\\\?$)", "g");
    var ANSI_C_LETTERS = "abeEfnrtv";
    var ANSI_C_CHARS = "\x07\b\x1B\x1B\f\n\r	\v";
    var hash = /^#$/;
    var SQ = (
      /** @type {const} */
      "'"
    );
    var DQ = (
      /** @type {const} */
      '"'
    );
    var DS = (
      /** @type {const} */
      "$"
    );
    var TOKEN = "";
    var mult = (
      /** @type {const} */
      4294967296
    );
    for (i = 0; i < 4; i++) {
      TOKEN += (mult * Math.random()).toString(16);
    }
    var i;
    var startsWithToken = new RegExp("^" + TOKEN);
    function matchAll(s, r) {
      var origIndex = r.lastIndex;
      var matches = [];
      var matchObj;
      while (matchObj = r.exec(s)) {
        matches[matches.length] = matchObj;
        if (r.lastIndex === matchObj.index) {
          r.lastIndex += 1;
        }
      }
      r.lastIndex = origIndex;
      return matches;
    }
    __name(matchAll, "matchAll");
    function getVar(env, pre, key) {
      var r = typeof env === "function" ? env(key) : env[key];
      if (typeof r === "undefined" && key != "") {
        r = "";
      } else if (typeof r === "undefined") {
        r = "$";
      }
      if (typeof r === "object") {
        return pre + TOKEN + JSON.stringify(r) + TOKEN;
      }
      return pre + r;
    }
    __name(getVar, "getVar");
    var ansiCEscape = /\\([0-7]{1,3}|x[\dA-Fa-f]{1,2}|u[\dA-Fa-f]{1,4}|U[\dA-Fa-f]{1,8}|c(?:\\\\|[\s\S])|[abeEfnrtv\\'"?])/g;
    function expandAnsiCEscape(m, escape) {
      var kind = escape.charAt(0);
      if (kind === "c") {
        var ctrl = escape.charAt(1);
        return ctrl === "?" ? "\x7F" : String.fromCharCode(ctrl.charCodeAt(0) & 31);
      }
      if (kind === "x" || kind === "u" || kind === "U") {
        var cp = parseInt(escape.slice(1), 16);
        if (cp > 1114111) {
          return m;
        }
        return String.fromCharCode.apply(null, cp > 65535 ? [55232 + (cp >> 10), 56320 + (cp & 1023)] : [cp]);
      }
      if (kind >= "0" && kind <= "7") {
        return String.fromCharCode(parseInt(escape, 8) & 255);
      }
      var letter = ANSI_C_LETTERS.indexOf(escape);
      return letter < 0 ? escape : ANSI_C_CHARS.charAt(letter);
    }
    __name(expandAnsiCEscape, "expandAnsiCEscape");
    function expandAnsiC(body) {
      return body.replace(ansiCEscape, expandAnsiCEscape).split("\0")[0];
    }
    __name(expandAnsiC, "expandAnsiC");
    function closesAnsiC(s, i2) {
      ansiCAt.lastIndex = i2;
      return !!/** @type {RegExpExecArray} */
      ansiCAt.exec(s)[1];
    }
    __name(closesAnsiC, "closesAnsiC");
    function parseInternal(string, env, opts) {
      if (!opts) {
        opts = {};
      }
      var BS = opts.escape || "\\";
      var ifs = opts.splitUnquoted === true ? " 	\n" : typeof opts.splitUnquoted === "string" ? opts.splitUnquoted : "";
      var BAREWORD = "(\\" + BS + `['"$\\` + BS + META + "]|\\$\\$|\\$(?!" + ANSI_C_QUOTE.slice(2) + `)|[^\\s'"$` + META + "])+";
      var DOUBLE_QUOTE = '"(?:\\' + BS + '[\\s\\S]|[^"\\' + BS + '])*"';
      var chunker = new RegExp([
        "(" + CONTROL + ")",
        // control chars
        "(" + ANSI_C_QUOTE + "|" + BAREWORD + "|" + DOUBLE_QUOTE + "|" + SINGLE_QUOTE + ")+"
      ].join("|"), "g");
      var matches = matchAll(string, chunker);
      if (matches.length === 0) {
        return [];
      }
      if (!env) {
        env = {};
      }
      var commented = false;
      return matches.map(function(match) {
        var s = match[0];
        if (!s || commented) {
          return void 0;
        }
        if (controlRE.test(s)) {
          return (
            /** @type {ControlOperator} */
            { op: s }
          );
        }
        var quote = false;
        var esc = false;
        var out = "";
        var words = [];
        var sawQuote = false;
        var pendingNw = null;
        var isGlob = false;
        var i2;
        function parseEnvVar() {
          i2 += 1;
          var varend;
          var varname;
          var char = s.charAt(i2);
          if (char === "{") {
            i2 += 1;
            if (s.charAt(i2) === "}") {
              throw new Error("Bad substitution: " + s.slice(i2 - 2, i2 + 1));
            }
            var depth = 1;
            varend = i2;
            while (depth > 0 && varend < s.length) {
              if (s.charAt(varend) === "{" && s.charAt(varend - 1) === "$") {
                depth += 1;
              } else if (s.charAt(varend) === "}") {
                depth -= 1;
              }
              varend += 1;
            }
            if (depth !== 0) {
              throw new Error("Bad substitution: " + s.slice(i2));
            }
            varend -= 1;
            varname = s.slice(i2, varend);
            i2 = varend;
          } else if (/[*@#?$!-]/.test(char)) {
            varname = char;
          } else {
            var slicedFromI = s.slice(i2);
            varend = slicedFromI.match(/[^\w\d_]/);
            if (!varend) {
              varname = slicedFromI;
              i2 = s.length;
            } else {
              varname = slicedFromI.slice(0, varend.index);
              i2 += /** @type {number} */
              varend.index - 1;
            }
          }
          return getVar(
            /** @type {NonNullable<typeof env>} */
            env,
            "",
            varname
          );
        }
        __name(parseEnvVar, "parseEnvVar");
        function flushRun() {
          if (pendingNw === null) {
            return;
          }
          if (pendingNw === 0) {
            if (out !== "") {
              words[words.length] = out;
              out = "";
            }
          } else {
            words[words.length] = out;
            out = "";
            for (var fe = 1; fe < pendingNw; fe += 1) {
              words[words.length] = "";
            }
          }
          pendingNw = null;
        }
        __name(flushRun, "flushRun");
        for (i2 = 0; i2 < s.length; i2++) {
          var c = s.charAt(i2);
          if (ifs && c !== DS) {
            flushRun();
          }
          isGlob = isGlob || !quote && (c === "*" || c === "?");
          if (esc) {
            out += c;
            esc = false;
          } else if (quote) {
            if (c === quote) {
              quote = false;
            } else if (quote == SQ) {
              out += c;
            } else {
              if (c === BS) {
                i2 += 1;
                c = s.charAt(i2);
                if (c === DQ || c === BS || c === DS) {
                  out += c;
                } else {
                  out += BS + c;
                }
              } else if (c === DS) {
                out += parseEnvVar();
              } else {
                out += c;
              }
            }
          } else if (c === DQ || c === SQ) {
            quote = c;
            sawQuote = true;
          } else if (controlRE.test(c)) {
            return (
              /** @type {ControlOperator} */
              { op: s }
            );
          } else if (hash.test(c)) {
            commented = true;
            var commentObj = { comment: string.slice(match.index + i2 + 1) };
            if (out.length) {
              return (
                /** @type {const} */
                [out, commentObj]
              );
            }
            return (
              /** @type {const} */
              [commentObj]
            );
          } else if (c === BS) {
            esc = true;
          } else if (c === DS && s.charAt(i2 + 1) === SQ && closesAnsiC(s, i2)) {
            flushRun();
            sawQuote = true;
            out += expandAnsiC(s.slice(i2 + 2, ansiCAt.lastIndex - 1));
            i2 = ansiCAt.lastIndex - 1;
          } else if (c === DS) {
            var value = parseEnvVar();
            if (!ifs) {
              out += value;
            } else {
              for (var vi = 0; vi < value.length; vi += 1) {
                var vc = value.charAt(vi);
                if (ifs.indexOf(vc) < 0) {
                  flushRun();
                  out += vc;
                } else if (pendingNw === null) {
                  pendingNw = vc === " " || vc === "	" || vc === "\n" ? 0 : 1;
                } else if (vc !== " " && vc !== "	" && vc !== "\n") {
                  pendingNw += 1;
                }
              }
            }
          } else {
            out += c;
          }
        }
        if (isGlob) {
          return (
            /** @type {GlobPattern} */
            { op: "glob", pattern: out }
          );
        }
        if (ifs) {
          if (pendingNw !== null && pendingNw > 0) {
            words[words.length] = out;
            out = "";
            for (var te = 1; te < pendingNw; te += 1) {
              words[words.length] = "";
            }
          }
          if (out !== "" || sawQuote && words.length === 0) {
            words[words.length] = out;
          }
          return words;
        }
        return out;
      }).reduce(
        function(prev, arg) {
          if (typeof arg === "undefined") {
            return prev;
          }
          [].concat(arg).forEach(function(entry) {
            prev[prev.length] = entry;
          });
          return prev;
        },
        /** @type {ParseEntry[]} */
        []
      );
    }
    __name(parseInternal, "parseInternal");
    module.exports = /* @__PURE__ */ __name(function parse2(s, env, opts) {
      var mapped = parseInternal(s, env, opts);
      if (typeof env !== "function") {
        return mapped;
      }
      return mapped.reduce(
        function(acc, s2) {
          if (typeof s2 === "object") {
            acc[acc.length] = s2;
            return acc;
          }
          var xs = s2.split(RegExp("(" + TOKEN + ".*?" + TOKEN + ")", "g"));
          if (xs.length === 1) {
            acc[acc.length] = xs[0];
            return acc;
          }
          xs.filter(Boolean).forEach(function(x) {
            acc[acc.length] = startsWithToken.test(x) ? JSON.parse(x.split(TOKEN)[1]) : x;
          });
          return acc;
        },
        /** @type {ParseEntry[]} */
        []
      );
    }, "parse");
  }
});

// node_modules/shell-quote/index.js
var require_shell_quote = __commonJS({
  "node_modules/shell-quote/index.js"(exports) {
    "use strict";
    exports.quote = require_quote();
    exports.parse = require_parse();
  }
});

// src/capture/datasets.ts
var import_yaml = __toESM(require_dist(), 1);

// src/capture/hashing.ts
function digestOptions(r, label) {
  const onProgress = r?.progress?.(label);
  return {
    ...onProgress ? { onProgress } : {},
    ...r?.warn ? { onWarning: /* @__PURE__ */ __name((w) => r.warn(`${label}: ${w.message}`), "onWarning") } : {}
  };
}
__name(digestOptions, "digestOptions");

// src/bridges/types.ts
function toDatasetId(text) {
  const cleaned = text.replace(/^[^A-Za-z0-9]+/, "").replace(/[^A-Za-z0-9_./:@-]/g, "_").slice(0, 200);
  return cleaned || "dataset";
}
__name(toDatasetId, "toDatasetId");
function scalar(text) {
  const t = text.trim();
  if (t === "true" || t === "True") return true;
  if (t === "false" || t === "False") return false;
  if (t === "null" || t === "None") return null;
  if (/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) && Number.isFinite(Number(t))) return Number(t);
  return text;
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
    id: toDatasetId(repo),
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

// src/capture/paths.ts
var MAX_INPUT_FILE_BYTES = LIMITS.inputFileBytes;
function readInputFile(abs, rel, what, maxBytes = MAX_INPUT_FILE_BYTES) {
  return readFileChecked(abs, what, { shown: rel, maxBytes });
}
__name(readInputFile, "readInputFile");
async function readInputText(abs, rel, what) {
  const bytes = await readInputFile(abs, rel, what);
  return { bytes, text: decodeText(bytes, what, rel) };
}
__name(readInputText, "readInputText");
async function globFilesInWorkspace(pattern, workspace, field) {
  const { glob: glob2 } = await import("./dist-WMOVUFZK.js");
  const m = await glob2(pattern, { cwd: workspace, onlyFiles: true, followSymbolicLinks: false });
  if (m.length > LIMITS.matchedFiles) {
    throw new InputError("too-many-files", `${field} pattern "${pattern}" matches ${m.length} files, more than the ${LIMITS.matchedFiles} accepted`, {
      fix: `narrow the pattern to the config files of this run`,
      fields: [field]
    });
  }
  return m.sort();
}
__name(globFilesInWorkspace, "globFilesInWorkspace");

// src/capture/datasets.ts
function parseDatasetManifest(text, where) {
  let data;
  try {
    data = (0, import_yaml.parse)(text, { prettyErrors: true, uniqueKeys: true, logLevel: "error" });
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
    prefix: "datasets",
    what: "datasets manifest",
    fix: "each dataset needs `id` and a `path` or `uri`; see schemas/datasets.schema.json"
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
async function captureDatasets(inputs, workspace, reporting) {
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
      uri: d.uri ?? `file:${d.path}`,
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
      const { abs, rel } = await resolveInWorkspace(d.path, workspace, `dataset "${d.id}" path`);
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

// src/redact/detect.ts
var import_shell_quote = __toESM(require_shell_quote(), 1);

// src/redact/entropy.ts
function shannonEntropy(s) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
__name(shannonEntropy, "shannonEntropy");
var cls = /* @__PURE__ */ __name((c) => c >= "A" && c <= "Z" ? "u" : c >= "a" && c <= "z" ? "l" : c >= "0" && c <= "9" ? "d" : "o", "cls");
function classSwitchRate(s) {
  let pairs = 0;
  let switches = 0;
  for (let i = 1; i < s.length; i++) {
    const a = cls(s[i - 1]);
    const b = cls(s[i]);
    if (a === "o" || b === "o") continue;
    pairs++;
    if (a !== b) switches++;
  }
  return pairs ? switches / pairs : 0;
}
__name(classSwitchRate, "classSwitchRate");
var MIN_LENGTH = 20;
function isRandomToken(tok) {
  if (tok.length < MIN_LENGTH) return false;
  if (!/^[A-Za-z0-9+/_.~-]+=*$/.test(tok)) return false;
  if (/^[a-fA-F0-9-]+$/.test(tok)) return false;
  const parts = tok.replace(/=+$/, "").split(/[-_.~]/);
  const core = parts.reduce((a, b) => b.length > a.length ? b : a, "");
  if (core.length < MIN_LENGTH) return false;
  if (!(/\d/.test(core) && /[A-Z]/.test(core) && /[a-z]/.test(core))) return false;
  const seg = core.split("/").reduce((a, b) => b.length > a.length ? b : a, "");
  if (seg.length < 16 && !/[+]/.test(core)) return false;
  const rate = classSwitchRate(core);
  const h = shannonEntropy(core);
  return rate >= 0.4 && h >= 3.8 || rate >= 0.3 && h >= 4.4;
}
__name(isRandomToken, "isRandomToken");
var SPLIT = /[\s"'`,;:=&?#()<>[\]{}|\\@*!$]+/;
var DIGEST_PREFIX = /(?:sha1|sha256|sha384|sha512)-$/i;
var WORD_SEGMENT = /^(?:[a-z]{2,}|[A-Z][a-z]+|[A-Z]{2,5})$/;
function randomTokens(s) {
  const out = [];
  let offset = 0;
  for (const tok of s.split(SPLIT)) {
    const at = s.indexOf(tok, offset);
    offset = at + tok.length;
    if (tok.length < MIN_LENGTH) continue;
    const body = tok.replace(/^(?:sha1|sha256|sha384|sha512)-/i, "");
    if (body !== tok || DIGEST_PREFIX.test(s.slice(Math.max(0, at - 7), at))) continue;
    const segments = tok.split("/");
    const pathLike = tok.startsWith("/") || tok.includes("//") || segments.some((g) => WORD_SEGMENT.test(g));
    if (!pathLike && isRandomToken(tok)) out.push(tok);
    else if (segments.length > 1) {
      for (const g of segments) if (isRandomToken(g)) out.push(g);
    }
  }
  return out;
}
__name(randomTokens, "randomTokens");
function looksGenerated(v) {
  if (v.length < 12 || /\s/.test(v) || /^[<[{]/.test(v)) return false;
  if (!/^[A-Za-z0-9+/_.~:=-]+$/.test(v)) return false;
  const core = v.split(/[-_.~:/]/).reduce((a, b) => b.length > a.length ? b : a, "");
  if (core.length < 12) return false;
  return /\d/.test(core) && /[A-Za-z]/.test(core);
}
__name(looksGenerated, "looksGenerated");

// src/redact/keys.ts
var RANK = { none: 0, maybe: 1, likely: 2, secret: 3 };
function stronger(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}
__name(stronger, "stronger");
function keyWords(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
__name(keyWords, "keyWords");
var SECRET_STEMS = ["password", "passwd", "passphrase", "passcode", "credential", "webhook", "netrc", "apikey", "secretkey", "privatekey", "clientsecret"];
var SECRET_WORDS = /* @__PURE__ */ new Set(["pwd", "pat", "dsn", "sas", "psk", "otp", "totp", "creds", "pgpass"]);
var SECRET_COMPOUNDS = /* @__PURE__ */ new Set([
  "apikey",
  "apitoken",
  "apisecret",
  "secretkey",
  "secretaccesskey",
  "accesskey",
  "privatekey",
  "signingkey",
  "encryptionkey",
  "masterkey",
  "accountkey",
  "sharedaccesskey",
  "sharedaccesssignature",
  "authtoken",
  "authkey",
  "accesstoken",
  "refreshtoken",
  "bearertoken",
  "sessiontoken",
  "securitytoken",
  "idtoken",
  "privatetoken",
  "deploytoken",
  "bottoken",
  "clientsecret",
  "appsecret",
  "connectionstring",
  "connstr",
  "kaggleconfig",
  "dockerconfig",
  "dockerconfigjson",
  "servicekey",
  "licensekey"
]);
function runs(words) {
  const out = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length && j - i <= 4; j++) out.push(words.slice(i, j).join(""));
  return out;
}
__name(runs, "runs");
var AMBIGUOUS_HEADS = /* @__PURE__ */ new Set([
  "token",
  "tokens",
  "key",
  "keys",
  "secret",
  "secrets",
  "auth",
  "authorization",
  "pass",
  "cookie",
  "cookies",
  "session",
  "signature",
  "sig",
  "bearer",
  "private",
  "pin",
  "salt",
  "hmac"
]);
var LIKELY_ALONE = /* @__PURE__ */ new Set(["token", "tokens", "secret", "secrets", "auth", "authorization", "bearer", "cookie", "cookies", "pass", "pin"]);
var QUALIFIERS = /* @__PURE__ */ new Set([
  "api",
  "access",
  "auth",
  "secret",
  "private",
  "signing",
  "encryption",
  "bearer",
  "refresh",
  "session",
  "security",
  "oauth",
  "oauth2",
  "client",
  "app",
  "bot",
  "hub",
  "personal",
  "deploy",
  "jwt",
  "ssh",
  "gpg",
  "pgp",
  "master",
  "root",
  "admin",
  "service",
  "account",
  "storage",
  "registry",
  "db",
  "database",
  "sql",
  "mysql",
  "postgres",
  "pg",
  "redis",
  "mongo",
  "smtp",
  "ftp",
  "ldap",
  "user",
  "login",
  "bucket",
  "webhook",
  "slack",
  "discord",
  "telegram",
  "teams",
  "twilio",
  "sendgrid",
  "mailgun",
  "stripe",
  "npm",
  "pypi",
  "twine",
  "docker",
  "github",
  "gh",
  "gitlab",
  "gl",
  "bitbucket",
  "hf",
  "huggingface",
  "wandb",
  "kaggle",
  "openai",
  "anthropic",
  "claude",
  "cohere",
  "mistral",
  "groq",
  "gemini",
  "google",
  "gcp",
  "gcs",
  "aws",
  "s3",
  "azure",
  "az",
  "ado",
  "devops",
  "comet",
  "neptune",
  "mlflow",
  "databricks",
  "dbx",
  "langsmith",
  "langchain",
  "sentry",
  "replicate",
  "pinecone",
  "weaviate",
  "qdrant",
  "clearml",
  "modal",
  "runpod",
  "together",
  "fireworks",
  "perplexity",
  "deepseek",
  "xai",
  "nvidia",
  "ngc",
  "vault",
  "cloudflare",
  "vercel",
  "netlify",
  "heroku",
  "digitalocean",
  "do",
  "linear",
  "notion",
  "jira",
  "atlassian",
  "datadog",
  "dd",
  "grafana",
  "ci",
  "runner",
  "job",
  "trigger",
  "upload",
  "download",
  "read",
  "write",
  "publish",
  "ingest",
  "write",
  "hmac",
  "consumer",
  "shared"
]);
var DESCRIPTOR_HEADS = /* @__PURE__ */ new Set([
  "name",
  "names",
  "path",
  "paths",
  "file",
  "files",
  "dir",
  "directory",
  "folder",
  "env",
  "var",
  "variable",
  "type",
  "types",
  "kind",
  "mode",
  "method",
  "provider",
  "backend",
  "version",
  "enabled",
  "enable",
  "disabled",
  "required",
  "format",
  "field",
  "fields",
  "column",
  "columns",
  "col",
  "prefix",
  "suffix",
  "length",
  "len",
  "size",
  "count",
  "num",
  "number",
  "limit",
  "ttl",
  "timeout",
  "expiry",
  "expires",
  "expiration",
  "interval",
  "header",
  "location",
  "source",
  "store",
  "manager",
  "policy",
  "strategy",
  "scheme",
  "scope",
  "scopes",
  "role",
  "arn",
  "region",
  "endpoint",
  "host",
  "hostname",
  "port",
  "server",
  "user",
  "username",
  "login",
  "email",
  "url",
  "uri",
  "issuer",
  "audience",
  "algorithm",
  "alg",
  "pattern",
  "patterns",
  "template",
  "map",
  "mapping",
  "index",
  "idx",
  "k",
  "at",
  "optimizer",
  "rate",
  "ratio",
  "weight",
  "weights",
  "dim",
  "dims",
  "level",
  "threshold",
  "steps",
  "step",
  "epochs",
  "epoch",
  "config",
  "cfg",
  "ref",
  "refs",
  "reference",
  "selector",
  "class",
  "cls",
  "fn",
  "func",
  "function",
  "module",
  "id",
  "ids",
  "list"
]);
var NUMERIC_SECRET = /(password|passwd|passcode|^pin$|^pwd$|^otp$)/;
function stem(w) {
  return w.replace(/\d+$/, "") || w;
}
__name(stem, "stem");
var cache = /* @__PURE__ */ new Map();
function classifyName(key, extra = []) {
  if (extra.some((re) => re.test(key))) return { verdict: "secret", numbers: true };
  let c = cache.get(key);
  if (!c) {
    if (cache.size >= 1e4) cache.clear();
    c = classifyWords(key);
    cache.set(key, c);
  }
  return c;
}
__name(classifyName, "classifyName");
function classifyWords(key) {
  const words = keyWords(key).map(stem);
  if (!words.length) return { verdict: "none", numbers: false };
  const head = words[words.length - 1];
  const joined = words.join("");
  const numbers = NUMERIC_SECRET.test(head);
  if (head === "id" && /(privatekeyid|accesskeyid|secretkeyid)$/.test(joined)) return { verdict: "secret", numbers: false };
  if ((head === "url" || head === "uri") && words.some((w) => w.includes("webhook") || w === "dsn")) return { verdict: "secret", numbers: false };
  if (/(kaggleconfig|dockerconfig|dockerconfigjson|dockerauth)$/.test(joined)) return { verdict: "secret", numbers: false };
  if (DESCRIPTOR_HEADS.has(head) && words.length > 1) return { verdict: "none", numbers: false };
  if (words.some((w) => SECRET_WORDS.has(w) || SECRET_STEMS.some((s) => w.includes(s)))) return { verdict: "secret", numbers };
  if (runs(words).some((r) => SECRET_COMPOUNDS.has(r))) return { verdict: "secret", numbers };
  if (AMBIGUOUS_HEADS.has(head)) {
    if (words.length === 1) return { verdict: LIKELY_ALONE.has(head) ? "likely" : "maybe", numbers };
    if (words.slice(0, -1).some((w) => QUALIFIERS.has(w))) return { verdict: "likely", numbers };
    return { verdict: "maybe", numbers: false };
  }
  return { verdict: "none", numbers: false };
}
__name(classifyWords, "classifyWords");
var SAFE_VALUES = /* @__PURE__ */ new Set([
  "none",
  "null",
  "nil",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "required",
  "optional",
  "disabled",
  "enabled",
  "auto",
  "default",
  "anonymous",
  "basic",
  "bearer",
  "token",
  "oauth",
  "oauth2",
  "iam",
  "sigv4",
  "env",
  "environment",
  "file",
  "keyring",
  "prompt",
  "unset",
  "changeme",
  "redacted",
  "***",
  "****",
  "*****",
  "********",
  "xxx",
  "xxxx",
  "<secret>",
  "<token>"
]);
function isReference(v) {
  const t = v.trim();
  return /^\$\{\{[^}]*\}\}$/.test(t) || /^\{\{[^}]*\}\}$/.test(t) || /^\$\{[^},]*\}$/.test(t) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(t);
}
__name(isReference, "isReference");
function valueFitsName(k, v, numbers = false) {
  const t = v.trim();
  if (!t || t.includes("[REDACTED") || k === "none" || isReference(t)) return false;
  if (SAFE_VALUES.has(t.toLowerCase())) return false;
  const numeric = /^[-+]?[\d.,_]+(?:e[-+]?\d+)?$/i.test(t) || Number.isFinite(Number(t));
  if (numeric && !numbers) return false;
  if (/^(?:<\|?\/?[A-Za-z0-9_]{1,24}\|?>|\[[A-Z_]{2,12}\])$/.test(t)) return false;
  if (k === "secret") return true;
  const special = /^[<[].*[>\]]$/s.test(t);
  const word = /^[a-z][a-z_ -]{0,23}$/.test(t) || /^(?:bf|fp|int|uint|float|nf|h|a|v|sm|cu|py|cp)\d{1,3}$/.test(t);
  if (k === "likely") return !special && (numeric || !word);
  return !special && !numeric && (looksGenerated(t) || isRandomToken(t));
}
__name(valueFitsName, "valueFitsName");

// src/redact/rules.ts
var S = "(?<![A-Za-z0-9_])";
var B62 = "A-Za-z0-9";
function hintsOf(re) {
  const body = re.startsWith(S) ? re.slice(S.length) : re;
  const lit = /^[A-Za-z0-9_-]{2,}/.exec(body);
  if (lit) return [lit[0]];
  const alt = /^\(\?:([A-Za-z0-9_|-]+)\)/.exec(body);
  if (alt && alt[1].split("|").every((a) => a.length >= 2)) return alt[1].split("|");
  return [];
}
__name(hintsOf, "hintsOf");
var rule = /* @__PURE__ */ __name((id, re, source, check, hints) => ({
  id,
  re: new RegExp(re, "g"),
  hints: hints ?? hintsOf(re),
  ...id === "azure-devops-pat-legacy" ? { minLength: 52 } : {},
  source,
  ...check ? { check } : {}
}), "rule");
var VALUE_RULES = [
  // Cloud providers
  rule("aws-access-key-id", `${S}(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])`, 'AWS IAM user guide, "Unique identifiers" (prefixes AKIA/ASIA\u2026, 20 characters)', void 0, ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA", "A3T"]),
  rule("aws-session-token", `(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{80,}`, 'AWS STS GetSessionToken responses: base64 of a protobuf starting "origin_ec" / "\\x17\\n\\x06er/aws"'),
  rule("gcp-api-key", `${S}AIza[0-9A-Za-z_-]{35}`, 'Google Cloud "API keys" docs: AIza + 35 characters'),
  rule("gcp-oauth-client-secret", `${S}GOCSPX-[A-Za-z0-9_-]{28}`, "Google OAuth client secrets (GOCSPX- prefix, 2021 format)"),
  rule("gcp-oauth-access-token", `${S}ya29\\.[0-9A-Za-z_-]{20,}`, "Google OAuth 2.0 access tokens (ya29. prefix)"),
  rule("gcp-refresh-token", `${S}1//0[0-9A-Za-z_-]{30,}`, "Google OAuth 2.0 refresh tokens (1//0 prefix)", void 0, ["1//0"]),
  rule("azure-ad-client-secret", `(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`, 'Microsoft Entra client secrets (40 characters, "Q~" at offset 4; gitleaks azure-ad-client-secret)', void 0, ["Q~"]),
  rule("azure-identifiable-key", `(?<![${B62}])[${B62}]{52}JQQJ9[9DH][${B62}][A-L][${B62}]{16}[A-Za-z][${B62}]{7}(?:[${B62}]{2}==)?`, 'Microsoft "identifiable secrets" (84 characters, JQQJ9 signature: Azure DevOps PATs, storage, APIM\u2026)', void 0, ["JQQJ9"]),
  rule("azure-storage-key", `(?<![A-Za-z0-9+/=-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])`, 'Azure storage account access keys (512-bit, base64: 88 characters ending "==")', void 0, ["=="]),
  rule("azure-devops-pat-legacy", `(?<![a-z0-9])[a-z2-7]{52}(?![a-z0-9])`, "Azure DevOps personal access tokens before 2024 (52 characters, base32 lower case)", (m) => (m.match(/[2-7]/g) ?? []).length >= 4),
  rule("alibaba-access-key", `${S}LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])`, "Alibaba Cloud AccessKey ids (LTAI prefix)"),
  rule("digitalocean-token", `${S}do[opr]_v1_[a-f0-9]{64}`, "DigitalOcean tokens (dop_v1_/doo_v1_/dor_v1_ + 64 hex)"),
  // Source hosts and CI
  rule("github-token", `${S}gh[pousr]_[A-Za-z0-9]{36,255}`, 'GitHub "About authentication": ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62'),
  rule("github-fine-grained-pat", `${S}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`, "GitHub fine-grained PATs: github_pat_ + 22 + _ + 59"),
  rule("gitlab-token", `${S}(?:glpat|gloas|gldt|glrt|glrtr|glcbt|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-[A-Za-z0-9_.-]{20,}`, 'GitLab "Token overview": prefixed tokens (glpat-, gldt-, glrt-, \u2026)'),
  rule("gitlab-runner-registration", `${S}GR1348941[A-Za-z0-9_-]{20,}`, "GitLab runner registration tokens (GR1348941 prefix)"),
  rule("atlassian-api-token", `${S}ATATT[A-Za-z0-9_=-]{60,}`, "Atlassian API tokens (ATATT prefix)"),
  rule("bitbucket-app-password", `${S}ATBB[A-Za-z0-9_=.-]{28,}`, "Bitbucket app passwords (ATBB prefix)"),
  rule("npm-token", `${S}npm_[A-Za-z0-9]{36}`, "npm access tokens: npm_ + 36 base62"),
  rule("pypi-token", `${S}pypi-AgE[A-Za-z0-9_-]{50,}`, "PyPI API tokens: pypi- + macaroon starting AgEIcHlwaS5vcmc"),
  rule("docker-hub-pat", `${S}dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}`, "Docker Hub personal/organisation access tokens (dckr_pat_/dckr_oat_)"),
  rule("terraform-cloud-token", `${S}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}`, "HCP Terraform API tokens (.atlasv1.)", void 0, [".atlasv1."]),
  rule("vault-token", `${S}hv[sbr]\\.[A-Za-z0-9_-]{24,}`, "HashiCorp Vault tokens (hvs./hvb./hvr.)"),
  rule("pulumi-token", `${S}pul-[a-f0-9]{40}`, "Pulumi access tokens (pul- + 40 hex)"),
  rule("doppler-token", `${S}dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,}`, "Doppler tokens (dp.pt./dp.st./\u2026)"),
  rule("sourcegraph-token", `${S}sgp_[a-f0-9]{16,}_?[a-f0-9]{0,40}`, "Sourcegraph access tokens (sgp_)"),
  rule("netlify-token", `${S}nfp_[A-Za-z0-9]{36}`, "Netlify personal access tokens (nfp_)"),
  rule("heroku-token", `${S}HRKU-[A-Za-z0-9_-]{20,}`, "Heroku API keys, 2024 format (HRKU-)"),
  rule("figma-token", `${S}figd_[A-Za-z0-9_-]{40}`, "Figma personal access tokens (figd_)"),
  rule("linear-api-key", `${S}lin_(?:api|oauth)_[A-Za-z0-9]{40}`, "Linear API keys (lin_api_)"),
  rule("notion-token", `${S}(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})`, "Notion integration tokens (secret_/ntn_)", void 0, ["secret_", "ntn_"]),
  rule("postman-key", `${S}PMAK-[a-f0-9]{24}-[a-f0-9]{34}`, "Postman API keys (PMAK-)"),
  rule("new-relic-key", `${S}NRAK-[A-Z0-9]{27}`, "New Relic user API keys (NRAK-)"),
  rule("grafana-token", `${S}(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})`, "Grafana Cloud / service account tokens (glc_/glsa_)", void 0, ["glc_", "glsa_"]),
  rule("sentry-auth-token", `${S}(?:sntrys_[A-Za-z0-9+/=_-]{50,}|sntryu_[a-f0-9]{64})`, "Sentry auth tokens (sntrys_/sntryu_)", void 0, ["sntrys_", "sntryu_"]),
  rule("onepassword-service-account", `${S}ops_eyJ[A-Za-z0-9+/]{100,}={0,3}`, "1Password service account tokens (ops_eyJ)"),
  rule("tailscale-key", `${S}tskey-[a-z]+-[A-Za-z0-9]{6,}-[A-Za-z0-9]{10,}`, "Tailscale auth/API keys (tskey-)"),
  rule("age-secret-key", `AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`, "age secret keys (Bech32, AGE-SECRET-KEY-1)"),
  rule("airtable-pat", `${S}pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}`, "Airtable personal access tokens"),
  rule("supabase-token", `${S}sbp_[a-f0-9]{40}`, "Supabase access tokens (sbp_)"),
  // ML platforms and model APIs
  rule("huggingface-token", `${S}(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})`, "Hugging Face User access tokens (hf_ + 34 letters); org tokens api_org_", void 0, ["hf_", "api_org_"]),
  rule("openai-key", `${S}sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,})`, "OpenAI API keys: sk-proj-/sk-svcacct-/sk-admin-, legacy sk-\u2026T3BlbkFJ\u2026"),
  rule("openrouter-key", `${S}sk-or-v1-[a-f0-9]{64}`, "OpenRouter API keys (sk-or-v1-)"),
  rule("anthropic-key", `${S}sk-ant-(?:api|admin|oat|ort|sid)\\d{2}-[A-Za-z0-9_-]{20,}`, "Anthropic API keys (sk-ant-api03-\u2026, admin keys sk-ant-admin01-\u2026)"),
  rule("databricks-token", `${S}(?:dapi|dkea|dose)[a-f0-9]{32}(?:-\\d)?`, "Databricks personal access tokens (dapi + 32 hex), OAuth secrets (dose)"),
  rule("langsmith-key", `${S}lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`, "LangSmith API keys (lsv2_pt_/lsv2_sk_)"),
  rule("wandb-local-key", `${S}local-[a-f0-9]{40}`, "W&B Server (local) API keys: local- + 40 hex"),
  rule("replicate-token", `${S}r8_[A-Za-z0-9]{37}`, "Replicate API tokens (r8_)"),
  rule("groq-key", `${S}gsk_[A-Za-z0-9]{52}`, "Groq API keys (gsk_)"),
  rule("perplexity-key", `${S}pplx-[A-Za-z0-9]{48}`, "Perplexity API keys (pplx-)"),
  rule("xai-key", `${S}xai-[A-Za-z0-9]{80}`, "xAI API keys (xai-)"),
  rule("nvidia-key", `${S}nvapi-[A-Za-z0-9_-]{64}`, "NVIDIA NGC / build.nvidia.com API keys (nvapi-)"),
  rule("pinecone-key", `${S}pcsk_[A-Za-z0-9_]{50,}`, "Pinecone API keys (pcsk_)"),
  rule("elevenlabs-key", `${S}sk_[a-f0-9]{48}(?![a-f0-9])`, "ElevenLabs API keys (sk_ + 48 hex)"),
  rule("modal-token", `${S}(?:ak|as)-[A-Za-z0-9]{22}(?![A-Za-z0-9])`, "Modal token id/secret (ak-/as- + 22)"),
  rule("neptune-token", `${S}eyJhcGlfYWRkcmVzcyI6[A-Za-z0-9+/=_-]{20,}`, 'Neptune API tokens: base64 of {"api_address": \u2026, "api_key": \u2026}'),
  // Messaging, payments, email
  rule("slack-token", `${S}xox[abposre]-[A-Za-z0-9-]{10,}`, 'Slack "Token types": xoxb-/xoxp-/xoxa-/xoxr-/xoxe-'),
  rule("slack-app-token", `${S}xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+`, "Slack app-level tokens (xapp-)"),
  rule("slack-refresh-token", `${S}xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{20,}`, "Slack rotating refresh tokens (xoxe.xoxb-)"),
  rule("discord-bot-token", `${S}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}`, "Discord bot tokens: base64 user id . timestamp . HMAC", void 0, ["."]),
  rule("telegram-bot-token", `(?<![0-9])[0-9]{5,16}:A[A-Za-z0-9_-]{32,35}(?![A-Za-z0-9_-])`, 'Telegram Bot API: "<bot id>:<35 characters>" from @BotFather', void 0, [":A"]),
  rule("stripe-key", `${S}(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}`, "Stripe API keys (sk_live_/rk_test_\u2026)"),
  rule("stripe-webhook-secret", `${S}whsec_[A-Za-z0-9+/=]{24,}`, "Stripe webhook signing secrets (whsec_)"),
  rule("square-token", `${S}(?:sq0atp|sq0csp)-[A-Za-z0-9_-]{22,43}`, "Square access tokens / OAuth secrets"),
  rule("shopify-token", `${S}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`, "Shopify access tokens (shpat_/shpss_\u2026)"),
  rule("twilio-api-key", `${S}SK[0-9a-fA-F]{32}(?![0-9a-fA-F])`, "Twilio API key SIDs (SK + 32 hex)"),
  rule("sendgrid-key", `${S}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}`, "SendGrid API keys: SG.<22>.<43>"),
  rule("mailgun-key", `${S}key-[a-f0-9]{32}(?![a-f0-9])`, "Mailgun API keys (key- + 32 hex)"),
  rule("mailchimp-key", `${S}[a-f0-9]{32}-us[0-9]{1,2}(?![0-9])`, "Mailchimp API keys (32 hex + -usN data centre)", void 0, ["-us"]),
  rule("mapbox-secret-token", `${S}sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}`, "Mapbox secret tokens (sk.eyJ\u2026)"),
  rule("dropbox-token", `${S}sl\\.[A-Za-z0-9_-]{130,}`, "Dropbox short-lived access tokens (sl.)"),
  // Generic structures
  rule("jwt", `${S}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}`, "RFC 7519 JSON Web Token (header.payload.signature, base64url JSON)"),
  rule("private-key", `-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)`, "RFC 7468 PEM private keys (PKCS#1/#8, EC, OpenSSH, PGP)"),
  rule("putty-private-key", `PuTTY-User-Key-File-\\d:[\\s\\S]*`, "PuTTY .ppk private key files"),
  rule("bearer-header", `(?<![A-Za-z])Bearer\\s+[A-Za-z0-9._~+/-]{12,}=*`, "RFC 6750 Authorization: Bearer <token>", (m) => /\d/.test(m) || /[A-Z].*[a-z]|[a-z].*[A-Z]/.test(m.replace(/^Bearer\s+/, "")), ["Bearer"]),
  rule("basic-header", `(?<![A-Za-z])Basic\\s+[A-Za-z0-9+/]{6,}={0,2}(?![A-Za-z0-9+/=])`, "RFC 7617 Authorization: Basic base64(user:password)", (m) => {
    const b = Buffer.from(m.replace(/^Basic\s+/, ""), "base64").toString("utf8");
    return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(b);
  }, ["Basic"])
];
function extendMatch(s, end) {
  let e = end;
  while (e < s.length && /[A-Za-z0-9_-]/.test(s[e])) e++;
  while (e < s.length && s[e] === "=") e++;
  return e;
}
__name(extendMatch, "extendMatch");
function valueRuleMatches(s) {
  const out = [];
  for (const r of VALUE_RULES) {
    if (r.hints.length && !r.hints.some((h) => s.includes(h))) continue;
    if (r.minLength && s.length < r.minLength) continue;
    r.re.lastIndex = 0;
    for (const m of s.matchAll(r.re)) {
      if (r.check && !r.check(m[0])) continue;
      const start = m.index;
      const end = r.id === "private-key" || r.id === "putty-private-key" ? start + m[0].length : extendMatch(s, start + m[0].length);
      out.push(s.slice(start, end));
    }
  }
  return out;
}
__name(valueRuleMatches, "valueRuleMatches");

// src/redact/urls.ts
var USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*)(?::([^\s/?#]*))?@/gi;
var URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
var PARAM = /(^|[?&;#])([^=&;#\s?]+)=([^&;#\s]*)/g;
var SECRET_PARAMS = /* @__PURE__ */ new Set([
  "sig",
  "signature",
  "code",
  "x-amz-credential",
  "x-amz-signature",
  "x-amz-security-token",
  "x-goog-credential",
  "x-goog-signature",
  "policy",
  "key-pair-id",
  "hmac",
  "apikey",
  "api-key",
  "token",
  "access_token",
  "id_token",
  "refresh_token",
  "private_token"
]);
var PATH_TOKEN_URLS = [
  /hooks\.slack\.com\/(?:services|workflows|triggers)\/([^\s?#"']+)/gi,
  /(?:discord|discordapp)\.com\/api\/webhooks\/([^\s?#"']+)/gi,
  /\.webhook\.office\.com\/webhookb2\/([^\s?#"']+)/gi,
  /outlook\.office(?:365)?\.com\/webhook\/([^\s?#"']+)/gi,
  /api\.telegram\.org\/(?:file\/)?bot([^\s/?#"']+)/gi,
  /chat\.googleapis\.com\/v1\/spaces\/[^\s/?#"']+\/messages\?([^\s#"']+)/gi
];
function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
__name(decode, "decode");
function secretParam(name, value, extra) {
  const n = decode(name);
  if (SECRET_PARAMS.has(n.toLowerCase())) return true;
  const k = classifyName(n, extra);
  return valueFitsName(k.verdict, decode(value), k.numbers);
}
__name(secretParam, "secretParam");
function paramSecrets(query, extra) {
  const out = [];
  PARAM.lastIndex = 0;
  for (const m of query.matchAll(PARAM)) {
    const [, , name, value] = m;
    if (value && secretParam(name, value, extra)) out.push(value);
  }
  return out;
}
__name(paramSecrets, "paramSecrets");
function userIsKey(user) {
  return user.length >= 16 && (/^[a-f0-9]{16,}$/i.test(user) || isRandomToken(user) || looksGenerated(user));
}
__name(userIsKey, "userIsKey");
function urlSecrets(s, extra = []) {
  const out = [];
  USERINFO.lastIndex = 0;
  for (const m of s.matchAll(USERINFO)) {
    const [, , user, password] = m;
    if (password) out.push(password);
    if (user && userIsKey(user)) out.push(user);
  }
  for (const re of PATH_TOKEN_URLS) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) if (m[1]) out.push(m[1]);
  }
  URL_RE.lastIndex = 0;
  for (const url of s.match(URL_RE) ?? []) {
    const q = url.search(/[?#]/);
    if (q >= 0) out.push(...paramSecrets(url.slice(q), extra));
    const pathPart = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
    for (const seg of pathPart.split("/")) if (isRandomToken(seg)) out.push(seg);
  }
  return out;
}
__name(urlSecrets, "urlSecrets");
function queryStringSecrets(s, extra = []) {
  const t = s.trim();
  if (/\s/.test(t) || !/^[?&]?[A-Za-z0-9_.%-]+=[^&]*(?:&[A-Za-z0-9_.%-]+=[^&]*)+$/.test(t)) return [];
  return paramSecrets(t.startsWith("?") || t.startsWith("&") ? t : `?${t}`, extra);
}
__name(queryStringSecrets, "queryStringSecrets");
function rewriteUrls(s, extra = [], mark = "[REDACTED]") {
  USERINFO.lastIndex = 0;
  let out = s.replace(USERINFO, (m, scheme, user, password) => {
    const u = user && userIsKey(user) ? mark : user;
    return `${scheme}${u}${password === void 0 ? "" : `:${password ? mark : ""}`}@`;
  });
  for (const re of PATH_TOKEN_URLS) {
    re.lastIndex = 0;
    out = out.replace(re, (m, tok) => tok && tok !== mark ? m.slice(0, m.length - tok.length) + mark : m);
  }
  const params = /* @__PURE__ */ __name((q) => {
    PARAM.lastIndex = 0;
    return q.replace(PARAM, (m, sep, name, value) => value && value !== mark && secretParam(name, value, extra) ? `${sep}${name}=${mark}` : m);
  }, "params");
  URL_RE.lastIndex = 0;
  out = out.replace(URL_RE, (url) => {
    const q = url.search(/[?#]/);
    const head = q >= 0 ? url.slice(0, q) : url;
    const tail = q >= 0 ? params(url.slice(q)) : "";
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(head);
    const pathPart = m ? m[2].split("/").map((seg) => isRandomToken(seg) ? mark : seg).join("/") : head;
    return `${m ? m[1] : ""}${pathPart}${tail}`;
  });
  if (queryStringSecrets(out, extra).length) out = params(out);
  return out;
}
__name(rewriteUrls, "rewriteUrls");

// src/redact/detect.ts
var REDACTED = "[REDACTED]";
var MAX_DEPTH = 3;
var MAX_PARSE = 1e5;
var ASSIGN = /(?<![\w.-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*(?:=|:(?![/\d]))[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s;&,"'}\]]+))/g;
var NETRC_PASSWORD = /(?:^|\s)(?:password|passwd|account)\s+(\S+)/g;
function assignmentSecrets(s, extra) {
  const out = [];
  ASSIGN.lastIndex = 0;
  for (const m of s.matchAll(ASSIGN)) {
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    const k = classifyName(m[1], extra);
    if (valueFitsName(k.verdict, value, k.numbers)) out.push(value);
  }
  if (/(?:^|\s)(?:machine|login)\s+\S/.test(s)) {
    NETRC_PASSWORD.lastIndex = 0;
    for (const m of s.matchAll(NETRC_PASSWORD)) out.push(m[1]);
  }
  return out;
}
__name(assignmentSecrets, "assignmentSecrets");
function jsonSecrets(s, extra, depth) {
  const t = s.trim();
  if (t.length > MAX_PARSE || !/^[{[][\s\S]*[}\]]$/.test(t)) return [];
  let doc;
  try {
    doc = JSON.parse(t);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== "object") return [];
  const found = documentSecrets(doc, extra, depth + 1);
  return found.length ? found.map((f) => s.includes(f) ? f : s) : [];
}
__name(jsonSecrets, "jsonSecrets");
function shellWords(s) {
  try {
    return (0, import_shell_quote.parse)(s, (name) => `$${name}`).flatMap((w) => typeof w === "string" ? [w] : "pattern" in w ? [w.pattern] : []);
  } catch {
    return void 0;
  }
}
__name(shellWords, "shellWords");
var FLAG = /^--?([A-Za-z][\w.-]*)$/;
var FLAG_EQ = /^(--?[A-Za-z][\w.-]*)=([\s\S]*)$/;
var KEY_EQ = /^(?:\+\+?|~)?([A-Za-z_][\w.\-/]*)=([\s\S]*)$/;
function argvSecrets(argv, extra = [], depth = 0) {
  const out = [];
  const add = /* @__PURE__ */ __name((index, secrets) => {
    for (const secret of secrets) out.push({ index, secret });
  }, "add");
  const netrc = argv.includes("machine") || argv.includes("login");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = FLAG_EQ.exec(a) ?? KEY_EQ.exec(a);
    if (eq) {
      const value = eq[2];
      const k = classifyName(eq[1].replace(/^-+/, ""), extra);
      if (valueFitsName(k.verdict, value, k.numbers)) add(i, [value]);
      else add(i, findSecrets(value, extra, depth));
      continue;
    }
    const flag = FLAG.exec(a)?.[1] ?? (netrc && /^(password|passwd)$/.test(a) ? a : void 0);
    const next = argv[i + 1];
    if (flag && next !== void 0 && !FLAG.test(next)) {
      const k = classifyName(flag, extra);
      if (valueFitsName(k.verdict, next, k.numbers)) {
        add(i + 1, [next]);
        i++;
        continue;
      }
    }
    add(i, findSecrets(a, extra, depth));
  }
  return out;
}
__name(argvSecrets, "argvSecrets");
var MIN_SCAN = 8;
var COMMAND_LIKE = /(?:^|\s)-{1,2}[A-Za-z]|=|["'\\]/;
var scanned = /* @__PURE__ */ new Map();
function findSecrets(s, extra = [], depth = 0) {
  if (!s || s.length < MIN_SCAN || s === REDACTED) return [];
  if (extra.length || depth) return scan(s, extra, depth);
  let r = scanned.get(s);
  if (!r) {
    if (scanned.size >= 1e4) scanned.clear();
    r = scan(s, extra, depth);
    scanned.set(s, r);
  }
  return [...r];
}
__name(findSecrets, "findSecrets");
function scan(s, extra, depth) {
  const out = [...valueRuleMatches(s), ...urlSecrets(s, extra), ...queryStringSecrets(s, extra), ...assignmentSecrets(s, extra)];
  if (depth < MAX_DEPTH) {
    out.push(...jsonSecrets(s, extra, depth));
    if (/\s/.test(s.trim()) && s.length <= MAX_PARSE && COMMAND_LIKE.test(s)) {
      const words = shellWords(s);
      if (words && words.length > 1) out.push(...argvSecrets(words, extra, depth + 1).map((f) => f.secret));
    }
  }
  out.push(...randomTokens(s));
  return [...new Set(out)].filter((x) => x && !x.includes("[REDACTED") && !REDACTED.includes(x));
}
__name(scan, "scan");
function replaceSecrets(s, secrets) {
  const list = [...new Set(secrets)].filter((x) => x && !x.includes("[REDACTED")).sort((a, b) => b.length - a.length);
  if (!list.length) return void 0;
  let out = s;
  for (const sec of list) {
    if (sec === s) return REDACTED;
    if (!s.includes(sec)) return REDACTED;
    if (!out.includes(sec)) continue;
    if (sec.length < 4) {
      if (!out.endsWith(`=${sec}`)) return REDACTED;
      out = `${out.slice(0, out.length - sec.length)}${REDACTED}`;
      continue;
    }
    out = out.split(sec).join(REDACTED);
  }
  return out === s ? void 0 : out;
}
__name(replaceSecrets, "replaceSecrets");
function redactString(value, extra = [], known = []) {
  if (value === REDACTED) return void 0;
  const v = rewriteUrls(value, extra, REDACTED);
  const found = findSecrets(v, extra);
  for (const k of known) if (k.length >= 4 && v.includes(k)) found.push(k);
  const r = replaceSecrets(v, found);
  return r ?? (v === value ? void 0 : v);
}
__name(redactString, "redactString");
var PAIR_NAMES = ["name", "key", "Name", "Key"];
var PAIR_VALUES = ["value", "Value"];
function memberVerdict(obj, key, inherited, extra) {
  const own = classifyName(key, extra);
  let verdict = stronger(inherited === "secret" || inherited === "likely" ? inherited : "none", own.verdict);
  let numbers = own.numbers;
  if (PAIR_VALUES.includes(key)) {
    const nameKey = PAIR_NAMES.find((n) => typeof obj[n] === "string");
    if (nameKey) {
      const pair = classifyName(obj[nameKey], extra);
      verdict = stronger(verdict, pair.verdict);
      numbers ||= pair.numbers;
    }
  }
  return { verdict, numbers };
}
__name(memberVerdict, "memberVerdict");
function documentSecrets(doc, extra = [], depth = 0) {
  const out = [];
  const walk2 = /* @__PURE__ */ __name((v, verdict, numbers) => {
    if (typeof v === "string") {
      if (valueFitsName(verdict, v, numbers)) out.push(v);
      else out.push(...findSecrets(v, extra, depth));
    } else if (Array.isArray(v)) v.forEach((x) => walk2(x, verdict, numbers));
    else if (v && typeof v === "object") {
      const o = v;
      for (const [k, x] of Object.entries(o)) {
        out.push(...findSecrets(k, extra, depth));
        const m = memberVerdict(o, k, verdict, extra);
        walk2(x, m.verdict, m.numbers);
      }
    }
  }, "walk");
  walk2(doc, "none", false);
  return out;
}
__name(documentSecrets, "documentSecrets");

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
      const r = redactString(v, extraKeyPatterns, known);
      if (r === void 0) continue;
      out[field] = r;
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

// src/redact/messages.ts
function parserReason(err) {
  const raw = err instanceof Error ? err.message : String(err);
  const first = raw.split("\n")[0] ?? "";
  return first.replace(/^Invalid TOML document:\s*/, "").replace(/\s+at line \d+, column \d+:?\s*$/, "").replace(/,?\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, "").replace(/"[^"]{2,}"|'[^'\s]{2,}'|`[^`]{2,}`/g, "\u2026").replace(/:\s*\S+$/, (m) => /^:\s*(?:\d+|…)$/.test(m) ? m : "").trim() || "syntax error";
}
__name(parserReason, "parserReason");
function parserLine(err) {
  const e = err;
  return e?.linePos?.[0]?.line ?? (typeof e?.line === "number" ? e.line : void 0);
}
__name(parserLine, "parserLine");

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

// src/capture/config.ts
import path from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
__name(getLineColFromPtr, "getLineColFromPtr");
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
__name(makeCodeBlock, "makeCodeBlock");
var TomlError = class _TomlError extends Error {
  static {
    __name(this, "TomlError");
  }
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}
__name(parseString, "parseString");

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  static {
    __name(this, "TomlDate");
  }
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
__name(isDigit, "isDigit");
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
__name(isEndOfValue, "isEndOfValue");
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
__name(extractValue, "extractValue");
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
__name(parseNumber, "parseNumber");
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
__name(parseIntegerBaseN, "parseIntegerBaseN");
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
__name(parseInteger, "parseInteger");
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
__name(parseDate, "parseDate");
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
__name(parseTime, "parseTime");
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}
__name(readDate, "readDate");

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
__name(skipComment, "skipComment");
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}
__name(skipVoid, "skipVoid");

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
__name(parseKey, "parseKey");
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
__name(parseInlineTable, "parseInlineTable");
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}
__name(parseArray, "parseArray");

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
__name(peekTable, "peekTable");
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
__name(validateTablePeek, "validateTablePeek");
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}
__name(parse, "parse");

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/capture/config.ts
var import_yaml2 = __toESM(require_dist(), 1);
function configFormat(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  if (ext === ".json") return "json";
  if (ext === ".toml") return "toml";
  throw new InputError("unknown-config-format", `config file ${file} has extension "${ext || "(none)"}"`, {
    fix: "config files must be .yaml, .yml, .json or .toml",
    file
  });
}
__name(configFormat, "configFormat");
function toJson(v) {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, toJson(x));
    return out;
  }
  if (v === void 0) return null;
  return v;
}
__name(toJson, "toJson");
function parseConfigText(text, format, file) {
  const value = parseConfigSyntax(text, format, file);
  assertDepth(value, file, "config");
  return format === "json" ? toJson(value) : value;
}
__name(parseConfigText, "parseConfigText");
function parseConfigSyntax(text, format, file) {
  try {
    if (format === "json") return JSON.parse(text);
    if (format === "toml") return toJson(parse(text));
    const docs = (0, import_yaml2.parse)(text, { prettyErrors: true, maxAliasCount: 1e3, uniqueKeys: true, logLevel: "error" });
    return toJson(docs);
  } catch (err) {
    const json = format === "json" ? describeJsonError(err, text) : void 0;
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
async function captureConfig(file, workspace, extraKeyPatterns = []) {
  const { abs, rel } = await resolveInWorkspace(file, workspace, "config file");
  const format = configFormat(rel);
  const { bytes, text } = await readInputText(abs, rel, "config file");
  const parsed = parseConfigText(text, format, rel);
  const { value, paths } = redactValue(parsed, extraKeyPatterns);
  return {
    name: rel,
    uri: `file:${rel}`,
    digest: { sha256: sha256Hex(bytes) },
    mediaType: format === "yaml" ? "application/yaml" : format === "json" ? "application/json" : "application/toml",
    format,
    redacted: paths,
    contentDigest: sha256Hex(canonicalJson(value)),
    content: value
  };
}
__name(captureConfig, "captureConfig");

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

// src/capture/git.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
async function git(cwd, ...args) {
  try {
    const { stdout } = await run("git", args, { cwd, timeout: 1e4 });
    return stdout.trim() || void 0;
  } catch {
    return void 0;
  }
}
__name(git, "git");
async function readGit(cwd) {
  const commit = await git(cwd, "rev-parse", "HEAD");
  if (!commit || !/^[a-f0-9]{40,64}$/.test(commit)) return void 0;
  const [ref, remote, status] = await Promise.all([
    git(cwd, "symbolic-ref", "-q", "HEAD"),
    git(cwd, "remote", "get-url", "origin"),
    git(cwd, "status", "--porcelain", "--untracked-files=no")
  ]);
  return { commit, ...ref ? { ref } : {}, ...remote ? { remote: stripCredentials(remote) } : {}, dirty: Boolean(status) };
}
__name(readGit, "readGit");
function stripCredentials(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}
__name(stripCredentials, "stripCredentials");

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
  const [, repository, tag, digest] = m;
  if (digest !== void 0 && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new InputError("bad-image-digest", `the image digest (after "@") is not sha256:<64 lower-case hex>`, {
      fix: "copy the digest exactly as the registry or `docker buildx imagetools inspect` prints it",
      fields: ["image"]
    });
  }
  return { repository, ...tag ? { tag } : {}, ...digest ? { digest: digest.slice(7) } : {}, reference: r };
}
__name(parseImageRef, "parseImageRef");
function redactImageRef(p) {
  const repository = redactString(p.repository) ?? p.repository;
  const tag = p.tag === void 0 ? void 0 : redactString(p.tag) === void 0 ? p.tag : REDACTED;
  if (repository === p.repository && tag === p.tag) return p;
  return { ...p, repository, ...tag !== void 0 ? { tag } : {}, reference: `${repository}${tag !== void 0 ? `:${tag}` : ""}${p.digest ? `@sha256:${p.digest}` : ""}` };
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
function splitLibrary(lib) {
  if (!lib) return {};
  const at = lib.lastIndexOf("@");
  if (at > 0) return { library: lib.slice(0, at), version: lib.slice(at + 1) };
  return { library: lib };
}
__name(splitLibrary, "splitLibrary");
function mergeEvents(events) {
  const run2 = { datasets: [], steps: [], metrics: [], params: {}, libraries: {}, accelerators: [], extra: {}, experiment: {} };
  const byId = /* @__PURE__ */ new Map();
  for (const e of events) {
    switch (e.kind) {
      case "dataset": {
        const { kind: _k, v: _v, ts: _ts, ...rest } = e;
        const prev = byId.get(e.id);
        if (prev) Object.assign(prev, rest);
        else {
          const copy = { ...rest };
          byId.set(e.id, copy);
          run2.datasets.push(copy);
        }
        break;
      }
      case "step":
        run2.steps.push({
          name: e.name,
          ...splitLibrary(e.library),
          ...e.parameters ? { parameters: e.parameters } : {},
          ...e.inputs ? { inputs: e.inputs } : {},
          ...e.outputs ? { outputs: e.outputs } : {},
          ...e.splits ? { splits: e.splits } : {},
          ...e.seed !== void 0 ? { seed: e.seed } : {},
          ...e.command ? { command: e.command } : {},
          ...e.environment ? { environment: e.environment } : {},
          ...e.ts ? { recordedAt: e.ts } : {}
        });
        break;
      case "metric":
        run2.metrics.push({
          name: e.name,
          value: e.value,
          ...e.epoch !== void 0 ? { epoch: e.epoch } : {},
          ...e.step !== void 0 ? { step: e.step } : {},
          ...e.split ? { split: e.split } : {},
          ...e.ts ? { recordedAt: e.ts } : {}
        });
        break;
      case "param":
        Object.assign(run2.params, e.params);
        break;
      case "command":
        run2.command = e.argv;
        break;
      case "environment":
        Object.assign(run2.libraries, e.libraries ?? {});
        for (const a of e.accelerators ?? []) if (!run2.accelerators.includes(a)) run2.accelerators.push(a);
        Object.assign(run2.extra, e.extra ?? {});
        break;
      case "run":
        if (e.purpose) run2.experiment.purpose = e.purpose;
        if (e.flags) run2.experiment.flags = { ...run2.experiment.flags, ...e.flags };
        if (e.cluster) run2.cluster = { ...run2.cluster, ...e.cluster };
        break;
    }
  }
  return run2;
}
__name(mergeEvents, "mergeEvents");

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
  const hashed = await captureDatasets(mergeDatasetInputs(inputs.datasets, recorded.datasets), inputs.workspace, inputs.reporting);
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
  if (inputs.pseudonymize?.fields.length) {
    const { key, fields } = inputs.pseudonymize;
    const p = pseudonymize(redacted, fields, key);
    predicate = { ...p.predicate, pseudonyms: { algorithm: "hmac-sha256", keyId: key.id, fields: p.pointers } };
  }
  const statement = { _type: STATEMENT_TYPE, subject, predicateType: PREDICATE_TYPE, predicate };
  const res = TrainingStatement.safeParse(statement);
  if (!res.success) {
    throw new InputError("invalid-record", `the assembled record is invalid: ${res.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, {
      fix: "check the recorded values named above"
    });
  }
  return res.data;
}
__name(buildStatement, "buildStatement");
function serializeStatement(st) {
  return JSON.stringify(st, null, 2) + "\n";
}
__name(serializeStatement, "serializeStatement");

export {
  toDatasetId,
  scalar,
  toDatasetInputs,
  emptyResult,
  datasetFromHfUri,
  readInputText,
  loadDatasetsInput,
  compileKeyPatterns,
  parserReason,
  parserLine,
  parse,
  parseImageRef,
  mergeEvents,
  buildStatement,
  serializeStatement
};
