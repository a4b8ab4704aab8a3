import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  RELEASE_ASSET,
  noMatchError,
  parseRepo
} from "./chunk-MZUCDGVB.js";
import {
  VerifyThreads,
  addTrustFlags,
  bundleVerifier,
  identityFrom,
  trustedRootOnce,
  verifyMany
} from "./chunk-IVV76MIV.js";
import {
  isoDate
} from "./chunk-UKDGKPL6.js";
import {
  createGitHubClient
} from "./chunk-JSPBVTEM.js";
import "./chunk-KYQEE4WY.js";
import {
  Option,
  addFormatOption,
  collect,
  intOption,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  EVERY_RUN,
  IngestInterrupted,
  STORE_ROLES,
  auditStore,
  datasetQuestion,
  datasetRef,
  eachMetricAnswer,
  grantRole,
  ingestDocuments,
  ingestFiles,
  modelQuestion,
  purgeRuns,
  refuseGrantOnFile,
  runSelection,
  runsQuestion,
  storeDocument,
  storeError,
  withStore
} from "./chunk-FKENC6JW.js";
import "./chunk-NFQFVJRT.js";
import "./chunk-ZZ2FXLYW.js";
import "./chunk-WDYPODN2.js";
import {
  DEFAULT_STORE,
  parseStoreSpec
} from "./chunk-BF4Q6TWI.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-LNJGPLWF.js";
import "./chunk-SYMDRX5X.js";
import "./chunk-B5GPVALP.js";
import "./chunk-O4K44SJ3.js";
import "./chunk-ETYAMXNU.js";
import {
  failureFix,
  validateIdentityPolicy
} from "./chunk-5ZCMPX7L.js";
import "./chunk-62XNHVZS.js";
import "./chunk-AT7NZQCF.js";
import "./chunk-W7K5PQYI.js";
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
  CheckError,
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import {
  termText
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/no-answer.ts
async function rows(db, sql, params) {
  try {
    return await db.all(sql, params);
  } catch (err2) {
    throw storeError(err2, db.location, "reading what the store holds");
  }
}
__name(rows, "rows");
var known = /* @__PURE__ */ __name((rs) => rs.map((r) => ({ value: String(r.value ?? ""), runs: Number(r.runs), ...r.last !== null && r.last !== void 0 ? { last: String(r.last) } : {} })), "known");
function whyNoMetric(db, mq) {
  return db.snapshot(async (view) => {
    if (mq.model !== void 0 && (await rows(view, "SELECT 1 AS x FROM models WHERE sha256 = ? LIMIT 1", [mq.model])).length === 0) {
      return { part: "model", asked: `sha256:${mq.model}` };
    }
    const scope = mq.model === void 0 ? { sql: "", params: [] } : { sql: " AND m.run_no IN (SELECT x.run_no FROM models x WHERE x.sha256 = ?)", params: [mq.model] };
    const names = known(await rows(view, `SELECT m.name AS value, COUNT(DISTINCT m.run_no) AS runs FROM metrics m WHERE 1 = 1${scope.sql} GROUP BY m.name`, scope.params));
    if (!names.some((n) => n.value === mq.name)) return { part: "metric", asked: mq.name, known: names };
    if (mq.split !== void 0) {
      const splits = known(
        await rows(view, `SELECT COALESCE(m.split, '') AS value, COUNT(DISTINCT m.run_no) AS runs FROM metrics m WHERE m.name = ?${scope.sql} GROUP BY COALESCE(m.split, '')`, [mq.name, ...scope.params])
      );
      if (!splits.some((s) => s.value === mq.split)) return { part: "split", metric: mq.name, asked: mq.split, known: splits };
    }
    if (mq.epoch !== void 0) {
      const split = mq.split === void 0 ? { sql: "", params: [] } : { sql: " AND m.split = ?", params: [mq.split] };
      const epochs = known(
        await rows(
          view,
          `SELECT m.epoch AS value, COUNT(DISTINCT m.run_no) AS runs FROM metrics m WHERE m.name = ?${split.sql} AND m.epoch IS NOT NULL${scope.sql} GROUP BY m.epoch`,
          [mq.name, ...split.params, ...scope.params]
        )
      );
      if (!epochs.some((e) => Number(e.value) === mq.epoch)) return { part: "epoch", metric: mq.name, ...mq.split !== void 0 ? { split: mq.split } : {}, asked: mq.epoch, known: epochs };
    }
    return { part: "none" };
  });
}
__name(whyNoMetric, "whyNoMetric");
function whyNoDataset(db, ref) {
  return db.snapshot(async (view) => {
    const { id, version } = await datasetRef(view, ref);
    if ((await rows(view, "SELECT 1 AS x FROM datasets WHERE ds_id = ? LIMIT 1", [id])).length === 0) {
      return { part: "dataset", asked: id, known: known(await rows(view, "SELECT ds_id AS value, COUNT(DISTINCT run_no) AS runs FROM datasets GROUP BY ds_id", [])) };
    }
    if (version === void 0) return { part: "none" };
    const versions = known(
      await rows(
        view,
        `SELECT COALESCE(d.version, '') AS value, COUNT(DISTINCT d.run_no) AS runs, MAX(r.finished_on) AS last
         FROM datasets d CROSS JOIN runs r WHERE d.ds_id = ? AND r.run_no = d.run_no GROUP BY COALESCE(d.version, '')`,
        [id]
      )
    );
    return versions.some((v) => v.value === version) ? { part: "none" } : { part: "version", dataset: id, asked: version, known: versions };
  });
}
__name(whyNoDataset, "whyNoDataset");
function whyNoRuns(db, rq) {
  return db.snapshot(async (view) => {
    const { where, params } = runSelection({ repository: rq.repository });
    const [span] = await rows(view, `SELECT COUNT(*) AS n, MIN(r.finished_on) AS first, MAX(r.finished_on) AS last FROM runs r WHERE ${where.join(" AND ")}`, params);
    const n = Number(span?.n ?? 0);
    if (n > 0) {
      return { part: "window", repository: EVERY_RUN(rq.repository) ? "*" : rq.repository, runs: n, ...span?.first ? { first: String(span.first) } : {}, ...span?.last ? { last: String(span.last) } : {} };
    }
    const repos = await rows(view, "SELECT r.owner, r.repo, COUNT(*) AS runs, MAX(r.finished_on) AS last FROM runs r GROUP BY r.owner, r.repo", []);
    const named = repos.filter((r) => String(r.owner) !== "");
    const unnamed = repos.filter((r) => String(r.owner) === "").reduce((a, r) => a + Number(r.runs), 0);
    return { part: "repository", asked: rq.repository, known: known(named.map((r) => ({ ...r, value: `${String(r.owner)}/${String(r.repo)}` }))), unnamed };
  });
}
__name(whyNoRuns, "whyNoRuns");

// src/cli/answer-spool.ts
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var AnswerSpool = class _AnswerSpool {
  constructor(dir, format, text) {
    this.dir = dir;
    this.format = format;
    this.text = text;
  }
  dir;
  format;
  text;
  static {
    __name(this, "AnswerSpool");
  }
  #file;
  #count = 0;
  #last = "";
  /** A spool in a new folder only this user can read (the answers may come from repositories others were not granted). */
  static async create(format, text) {
    const spool = new _AnswerSpool(await mkdtemp(path.join(tmpdir(), "mlp-answer-")).catch(spoolError), format, text);
    await spool.reset().catch(spoolError);
    return spool;
  }
  get count() {
    return this.#count;
  }
  /** Start over (a store read again after a writer changed it). */
  async reset() {
    await this.#file?.close();
    this.#file = await open(path.join(this.dir, "answer"), "w", 384);
    this.#count = 0;
    this.#last = "";
  }
  async add(answers) {
    if (answers.length === 0) return;
    let chunk;
    if (this.format === "json") {
      const page = JSON.stringify(answers, null, 2);
      chunk = "  " + page.slice(2, -2).replaceAll("\n", "\n  ");
      chunk = (this.#count === 0 ? '{\n  "answers": [\n' : ",\n") + chunk;
    } else {
      chunk = (this.#count === 0 ? "" : "\n") + this.text(answers);
    }
    this.#count += answers.length;
    await this.#write(termText(chunk));
  }
  /** Copy the whole answer to `out` (up to where `signal` is aborted) (as processIo.out prints one text: ending with a newline; an empty table prints nothing). */
  async copyTo(out, signal) {
    if (this.format === "json") await this.#write(this.#count === 0 ? '{\n  "answers": []\n}\n' : "\n  ]\n}\n");
    else if (this.#count > 0 && this.#last !== "\n") await this.#write("\n");
    await this.#file?.close();
    this.#file = void 0;
    let failed;
    out.on("error", (err2) => failed ??= err2);
    for await (const chunk of createReadStream(path.join(this.dir, "answer"))) {
      if (failed || signal?.aborted) break;
      if (!out.write(chunk)) await drainedOrFailed(out, signal);
    }
    if (failed && failed.code !== "EPIPE") throw failed;
  }
  async close() {
    await this.#file?.close().catch(() => void 0);
    await rm(this.dir, { recursive: true, force: true });
  }
  async #write(text) {
    if (text === "") return;
    if (!this.#file) throw new Error("answer spool used after it was copied");
    await this.#file.write(text).catch(spoolError);
    this.#last = text.at(-1);
  }
};
function drainedOrFailed(out, signal) {
  return new Promise((resolve) => {
    const done = /* @__PURE__ */ __name(() => {
      out.off("drain", done);
      out.off("error", done);
      signal?.removeEventListener("abort", done);
      resolve();
    }, "done");
    if (signal?.aborted) return resolve();
    out.on("drain", done);
    out.on("error", done);
    signal?.addEventListener("abort", done, { once: true });
  });
}
__name(drainedOrFailed, "drainedOrFailed");
function spoolError(err2) {
  throw new ServiceError("answer-spool", `cannot write the answer to a temporary file in ${tmpdir()}: ${err2.code ?? err2.message}`, {
    fix: "free space there, or point TMPDIR at a writable folder with room for the answer (about its printed size)",
    cause: err2
  });
}
__name(spoolError, "spoolError");

// node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = /* @__PURE__ */ __name(function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
}, "freb");
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = /* @__PURE__ */ __name((function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
}), "hMap");
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = /* @__PURE__ */ __name(function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
}, "max");
var bits = /* @__PURE__ */ __name(function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
}, "bits");
var bits16 = /* @__PURE__ */ __name(function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
}, "bits16");
var shft = /* @__PURE__ */ __name(function(p) {
  return (p + 7) / 8 | 0;
}, "shft");
var slc = /* @__PURE__ */ __name(function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
}, "slc");
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = /* @__PURE__ */ __name(function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
}, "err");
var inflt = /* @__PURE__ */ __name(function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = /* @__PURE__ */ __name(function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  }, "cbuf");
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
}, "inflt");
var et = /* @__PURE__ */ new u8(0);
var b2 = /* @__PURE__ */ __name(function(d, b) {
  return d[b] | d[b + 1] << 8;
}, "b2");
var b4 = /* @__PURE__ */ __name(function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
}, "b4");
var b8 = /* @__PURE__ */ __name(function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
}, "b8");
function inflateSync(data, opts) {
  return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
__name(inflateSync, "inflateSync");
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = /* @__PURE__ */ __name(function(d) {
  for (var r = "", i2 = 0; ; ) {
    var c = d[i2++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i2 + eb > d.length)
      return { s: r, r: slc(d, i2 - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i2++] & 63) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i2++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63);
  }
}, "dutf8");
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i2 = 0; i2 < dat.length; i2 += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i2, i2 + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
__name(strFromU8, "strFromU8");
var slzh = /* @__PURE__ */ __name(function(d, b) {
  return b + 30 + b2(d, b + 26) + b2(d, b + 28);
}, "slzh");
var zh = /* @__PURE__ */ __name(function(d, b, z) {
  var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
  var _a2 = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a2[0], su = _a2[1], off = _a2[2];
  return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
}, "zh");
var z64hs = /* @__PURE__ */ __name(function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
}, "z64hs");
function unzipSync(data, opts) {
  var files = {};
  var e = data.length - 22;
  for (; b4(data, e) != 101010256; --e) {
    if (!e || data.length - e > 65558)
      err(13);
  }
  ;
  var c = b2(data, e + 8);
  if (!c)
    return {};
  var o = b4(data, e + 16);
  var z = b4(data, e - 20) == 117853008;
  if (z) {
    var ze = b4(data, e - 12);
    z = b4(data, ze) == 101075792;
    if (z) {
      c = b4(data, ze + 32);
      o = b4(data, ze + 48);
    }
  }
  var fltr = opts && opts.filter;
  for (var i2 = 0; i2 < c; ++i2) {
    var _a2 = zh(data, o, z), c_2 = _a2[0], sc = _a2[1], su = _a2[2], fn = _a2[3], no = _a2[4], off = _a2[5], b = slzh(data, off);
    o = no;
    if (!fltr || fltr({
      name: fn,
      size: sc,
      originalSize: su,
      compression: c_2
    })) {
      if (!c_2)
        files[fn] = slc(data, b, b + sc);
      else if (c_2 == 8)
        files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
      else
        err(14, "unknown compression type " + c_2);
    }
  }
  return files;
}
__name(unzipSync, "unzipSync");

// src/store/sync.ts
function asBuffer(data) {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (Buffer.isBuffer(data)) return data;
  return Buffer.from(JSON.stringify(data), "utf8");
}
__name(asBuffer, "asBuffer");
function githubError(err2, what) {
  const status = err2.status;
  if (status === 404) return new InputError("repo-not-found", `${what}: not found (or the token cannot read it)`, { fix: "check the name and that GITHUB_TOKEN can read it", cause: err2 });
  return new ServiceError("github-sync", `${what} failed: ${err2.message}`, { fix: "check the network and the token, then run again", cause: err2 });
}
__name(githubError, "githubError");
function isGitHubReadError(err2) {
  return err2 instanceof ProvenanceError && (err2.code === "repo-not-found" || err2.code === "github-sync");
}
__name(isGitHubReadError, "isGitHubReadError");
async function seenSet(db, source) {
  try {
    return new Set((await db.all("SELECT item FROM sync_seen WHERE source = ?", [source])).map((r) => r.item));
  } catch (err2) {
    throw storeError(err2, db.location, "reading the sync state");
  }
}
__name(seenSet, "seenSet");
async function recordSeen(db, seen) {
  if (seen.length === 0) return;
  const now = (/* @__PURE__ */ new Date()).toISOString();
  await db.transaction(async (tx) => {
    for (const s of seen) await tx.run("INSERT INTO sync_seen (source, item, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [s.source, s.item, now]);
  });
}
__name(recordSeen, "recordSeen");
async function ownerRepos(client, owner) {
  try {
    const repos = await client.paginate(client.rest.repos.listForOrg, { org: owner, per_page: 100 });
    return repos.map((r) => r.full_name);
  } catch (err2) {
    if (err2.status !== 404) throw githubError(err2, `listing the repositories of ${owner}`);
  }
  try {
    const repos = await client.paginate(client.rest.repos.listForUser, { username: owner, per_page: 100 });
    return repos.map((r) => r.full_name);
  } catch (err2) {
    throw githubError(err2, `listing the repositories of ${owner}`);
  }
}
__name(ownerRepos, "ownerRepos");
async function newReleaseDocuments(db, client, full, log, signal) {
  const { owner, repo } = parseRepo(full);
  const source = `release:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out = { docs: [], seen: [] };
  try {
    for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
      let fresh = 0;
      for (const rel of page.data) {
        for (const asset of rel.assets) {
          if (signal?.aborted) return out;
          if (!RELEASE_ASSET.test(asset.name) || seen.has(String(asset.id))) continue;
          fresh++;
          const name = `${owner}/${repo}@${rel.tag_name}/${asset.name}`;
          const res = await client.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: "application/octet-stream" } });
          out.seen.push({ source, item: String(asset.id) });
          try {
            const doc = storeDocument(asBuffer(res.data), name);
            if (doc.bundle) out.docs.push({ ...doc, scanned: true });
          } catch (err2) {
            log.warning(`skipping release asset ${name}: ${err2.message}`);
          }
        }
      }
      if (fresh === 0 && seen.size > 0) break;
    }
  } catch (err2) {
    if (err2 instanceof ProvenanceError) throw err2;
    throw githubError(err2, `reading the releases of ${owner}/${repo}`);
  }
  return out;
}
__name(newReleaseDocuments, "newReleaseDocuments");
async function newAttestationDocuments(db, client, full, digests, log, signal) {
  const { owner, repo } = parseRepo(full);
  const source = `attestation:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out = { docs: [], seen: [] };
  for (const d of digests) {
    if (signal?.aborted) return out;
    const digest = d.startsWith("sha256:") ? d : `sha256:${d}`;
    let list;
    try {
      const res = await client.request("GET /repos/{owner}/{repo}/attestations/{subject_digest}", { owner, repo, subject_digest: digest, per_page: 100 });
      list = res.data.attestations ?? [];
    } catch (err2) {
      if (err2.status === 404) continue;
      throw githubError(err2, `reading attestations of ${owner}/${repo} for ${digest}`);
    }
    list.forEach((a, i2) => {
      const bytes = Buffer.from(JSON.stringify(a.bundle ?? {}), "utf8");
      const name = `${owner}/${repo} attestation ${digest} #${i2}`;
      try {
        const doc = storeDocument(bytes, name);
        const key = doc.bundleSha256 ?? "";
        if (!doc.bundle || seen.has(key)) return;
        out.docs.push({ ...doc, scanned: true });
        out.seen.push({ source, item: key });
      } catch (err2) {
        log.debug(`skipping ${name}: ${err2.message}`);
      }
    });
  }
  return out;
}
__name(newAttestationDocuments, "newAttestationDocuments");
var MAX_BUNDLE_IN_ZIP = 16 * 1024 * 1024;
var MAX_ARTIFACT_ZIP = 64 * 1024 * 1024;
function isProvenanceArtifact(name, base) {
  return name === base || name.startsWith(`${base}-attempt-`) && /^\d+$/.test(name.slice(base.length + "-attempt-".length));
}
__name(isProvenanceArtifact, "isProvenanceArtifact");
async function newArtifactDocuments(db, client, full, base, log, signal) {
  const { owner, repo } = parseRepo(full);
  const source = `artifact:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out = { docs: [], seen: [] };
  let expired = 0;
  try {
    for await (const page of client.paginate.iterator(client.rest.actions.listArtifactsForRepo, { owner, repo, per_page: 100 })) {
      let fresh = 0;
      for (const a of page.data) {
        if (signal?.aborted) return out;
        if (!isProvenanceArtifact(a.name, base) || seen.has(String(a.id))) continue;
        fresh++;
        out.seen.push({ source, item: String(a.id) });
        if (a.expired) {
          expired++;
          continue;
        }
        const where = `${owner}/${repo} artifact ${a.name} (id ${a.id}${a.workflow_run?.id ? `, run ${a.workflow_run.id}` : ""})`;
        if (a.size_in_bytes > MAX_ARTIFACT_ZIP) {
          log.warning(`skipping ${where}: ${a.size_in_bytes} bytes is more than an ml-provenance artifact holds (a different artifact under the same name?)`);
          continue;
        }
        const res = await client.rest.actions.downloadArtifact({ owner, repo, artifact_id: a.id, archive_format: "zip" });
        let files;
        try {
          files = unzipSync(new Uint8Array(asBuffer(res.data)), { filter: /* @__PURE__ */ __name((f) => /\.sigstore\.json$/i.test(f.name) && f.originalSize <= MAX_BUNDLE_IN_ZIP, "filter") });
        } catch (err2) {
          log.warning(`skipping ${where}: not a readable zip archive (${err2.message})`);
          continue;
        }
        for (const [name, bytes] of Object.entries(files).sort(([x2], [y]) => x2 < y ? -1 : 1)) {
          try {
            const doc = storeDocument(Buffer.from(bytes), `${where}/${name}`);
            if (doc.bundle) out.docs.push({ ...doc, scanned: true });
          } catch (err2) {
            log.warning(`skipping ${where}/${name}: ${err2.message}`);
          }
        }
      }
      if (fresh === 0 && seen.size > 0) break;
    }
  } catch (err2) {
    if (err2 instanceof ProvenanceError) throw err2;
    throw githubError(err2, `reading the workflow artifacts of ${owner}/${repo}`);
  }
  if (expired) log.info(`${owner}/${repo}: ${expired} provenance artifact(s) had expired (past their retention); their bundles are still in the releases or attestations if published there`);
  return out;
}
__name(newArtifactDocuments, "newArtifactDocuments");

// src/store/text.ts
var clean = /* @__PURE__ */ __name((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?"), "clean");
var runLine = /* @__PURE__ */ __name((r) => `run ${r.runId.slice(0, 16)} ${r.verified ? "verified" : "NOT VERIFIED"}${r.repository ? ` ${clean(r.repository)}` : ""}${r.finishedOn ? ` ${clean(r.finishedOn)}` : ""}`, "runLine");
var ds = /* @__PURE__ */ __name((d) => clean(`${d.id}${d.version ? `@${d.version}` : ""}${d.digest ? ` (${d.digest.slice(0, 19)})` : ""}${d.derived ? " [derived]" : ""}`), "ds");
var metric = /* @__PURE__ */ __name((m) => clean(`${m.name}${m.split ? `[${m.split}]` : ""}${m.epoch !== void 0 ? `@${m.epoch}` : ""}=${m.value}`), "metric");
function metricText(a) {
  return a.map(
    (x2) => [
      `${metric(x2.metric)}  ${runLine(x2.run)}`,
      `  datasets: ${x2.datasets.map(ds).join(", ") || "(none)"}`,
      ...x2.upstream.map((u) => `  upstream ${runLine(u.run)}: ${u.datasets.map(ds).join(", ")}`)
    ].join("\n")
  ).join("\n");
}
__name(metricText, "metricText");
function datasetText(a) {
  return a.map((x2) => `${runLine(x2.run)} ${x2.direct ? "read it" : "read data derived from it"}; models: ${x2.models.map((m) => `${clean(m.path)} (sha256:${m.sha256.slice(0, 12)})`).join(", ") || "(none)"}`).join("\n");
}
__name(datasetText, "datasetText");
function modelText(a) {
  return a.map(
    (x2) => [
      `model sha256:${x2.model.sha256.slice(0, 16)} (${x2.model.paths.map(clean).join(", ")}) from ${runLine(x2.run)}`,
      `  metrics: ${x2.metrics.map(metric).join(", ") || "(none)"}`,
      ...x2.lineage.map((u) => `  ${u.run.runId === x2.run.runId ? "" : "upstream "}${runLine(u.run)}: datasets ${u.datasets.map(ds).join(", ")}; steps ${u.steps.map((s) => clean(s.name)).join(" \u2192 ") || "(none)"}`)
    ].join("\n")
  ).join("\n");
}
__name(modelText, "modelText");
function runsText(a) {
  return a.map((x2) => `${runLine(x2.run)}  ${x2.metrics.map(metric).join(", ")}`).join("\n");
}
__name(runsText, "runsText");

// src/cli/interrupt.ts
import { constants } from "node:os";
var SIGNALS = ["SIGINT", "SIGTERM"];
function exitCodeFor(signal) {
  return 128 + constants.signals[signal];
}
__name(exitCodeFor, "exitCodeFor");
function endAs(signal) {
  if (process.platform !== "win32") process.kill(process.pid, signal);
  return exitCodeFor(signal);
}
__name(endAs, "endAs");
function stopSignalOf(reason) {
  return SIGNALS.find((s) => s === reason);
}
__name(stopSignalOf, "stopSignalOf");
async function untilSignalled(fn) {
  const controller = new AbortController();
  const release = /* @__PURE__ */ __name(() => {
    for (const s of SIGNALS) process.off(s, onSignal);
  }, "release");
  function onSignal(signal) {
    release();
    controller.abort(signal);
  }
  __name(onSignal, "onSignal");
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    release();
  }
}
__name(untilSignalled, "untilSignalled");

// src/cli/commands/store.ts
var EXISTING = { create: false };
var READ_ONLY = { create: false, readOnly: true };
var INTERRUPT_HELP = `
Ctrl-C (SIGINT) or SIGTERM stops it at the next run: the runs stored so far stay, each complete, one line says
how many, and the same command again stores the rest (runs already stored are skipped). A second one ends it at once.`;
var STORE_HELP = `the store: a file (default ${DEFAULT_STORE}, embedded) or postgres://USER@HOST:PORT/DB (credentials from the URL or PG* variables)`;
function identityLabel(f) {
  return JSON.stringify(identityFrom(f));
}
__name(identityLabel, "identityLabel");
function checkJobs(o) {
  if (o.jobs !== void 0 && o.jobs < 1) throw new InputError("bad-jobs", `--jobs must be at least 1, got ${o.jobs}`, { fix: "leave it out to use every CPU" });
}
__name(checkJobs, "checkJobs");
var verifierFor = /* @__PURE__ */ __name((o) => bundleVerifier(o, { cache: false, ...o.jobs !== void 0 ? { jobs: o.jobs } : {} }), "verifierFor");
async function ingest(db, docs, o, verifier, signal) {
  checkJobs(o);
  return ingestDocuments(db, docs, { verify: o.verify, verifier, identity: identityLabel(o), logger: stderrLogger, signal });
}
__name(ingest, "ingest");
async function interruptible(fn) {
  let notice;
  try {
    await untilSignalled((signal) => {
      signal.addEventListener("abort", () => {
        notice = setTimeout(() => processIo.err(`${process.stderr.isTTY ? "\n" : ""}stopping: waiting for the run under way to be stored; press Ctrl-C again to stop at once (its transaction is then rolled back, runs already stored are kept)`), STOP_NOTICE_MS);
      }, { once: true });
      return fn(signal);
    });
  } catch (err2) {
    const signal = err2 instanceof IngestInterrupted ? stopSignalOf(err2.reason) : void 0;
    if (!(err2 instanceof IngestInterrupted) || !signal) throw err2;
    processIo.err(`${signal === "SIGINT" && process.stderr.isTTY ? "\n" : ""}${err2.message}`);
    return endAs(signal);
  } finally {
    clearTimeout(notice);
  }
}
__name(interruptible, "interruptible");
var STOP_NOTICE_MS = 2e3;
function report(r, o, where) {
  if (o.format === "json") {
    processIo.out(JSON.stringify({ stored: r.stored, existing: r.existing }, null, 2));
    return;
  }
  for (const s of r.stored) processIo.out(`stored ${s.runId} ${s.verified ? "verified" : "NOT VERIFIED"} ${s.source}`);
  stderrLogger.info(`${r.stored.length} new run(s), ${r.existing.length} already in ${where}${o.verify || r.stored.length === 0 ? "" : " (stored without verification: every answer marks them NOT VERIFIED)"}`);
}
__name(report, "report");
function auditVerifier(f, threads, jobs) {
  const identity = identityFrom(f);
  const trustedRootOf = trustedRootOnce(f);
  return async (bundles) => {
    validateIdentityPolicy(identity);
    const root = await trustedRootOf();
    const out = new Array(bundles.length).fill(void 0);
    let from = 0;
    while (from < bundles.length) {
      const rest = bundles.slice(from);
      const results = await verifyMany(rest.map((b) => ({ bundle: b.bundle, sha256: b.sha256 })), { trustedRoot: root, identity, threads, ...jobs !== void 0 ? { jobs } : {} });
      let next = bundles.length;
      for (const [i2, r] of results.entries()) {
        if (r === void 0) {
          next = from + i2;
          break;
        }
        if ("error" in r) out[from + i2] = `could not be verified: ${r.error}`;
        else if ("verdict" in r && !r.verdict.verified) out[from + i2] = `does not verify: ${r.verdict.failure ?? "verification failed"} (${failureFix(r.verdict)})`;
      }
      from = next;
    }
    return out;
  };
}
__name(auditVerifier, "auditVerifier");
function register(program) {
  const store = program.command("store").description("the provenance store: ingest verified bundles once, ask lineage questions fast, audit and retain");
  const ing = store.command("ingest").description("verify bundles and store them (a run already stored is left as is)").argument("<inputs...>", "bundle files, or directories holding them").option("--store <PATH|URL>", STORE_HELP).option("--no-verify", "store without verifying (every answer then marks these runs NOT VERIFIED)").option("--jobs <N>", "threads verifying bundles (default: the CPUs, at most 8)", intOption("--jobs")).addHelpText("after", INTERRUPT_HELP);
  addTrustFlags(addFormatOption(ing, ["text"], "text")).action(
    run(async (inputs, o) => {
      outputFormat(o);
      return interruptible(
        (signal) => withStore(o.store, async (db) => {
          checkJobs(o);
          const r = await ingestFiles(db, inputs, { verify: o.verify, verifier: verifierFor(o), identity: identityLabel(o), logger: stderrLogger, signal });
          report(r, o, db.location);
        }, { signal, logger: stderrLogger })
      );
    })
  );
  const sync = store.command("sync").description("bring new bundles from GitHub into the store: release assets of repositories (or of every repository of an owner), workflow-run artifacts, attestations by subject digest").option("--from-releases <OWNER/REPO>", "a repository whose release assets to read (repeatable)", collect, []).option("--org <OWNER>", "every repository of this organisation or user (with --from-releases semantics; a repository that cannot be read is a warning)", collect, []).option("--from-artifacts <OWNER/REPO>", "a repository whose workflow-run artifacts to read (those the action uploaded; needs actions: read) (repeatable)", collect, []).option("--artifact-name <NAME>", "with --from-artifacts: the action's artifact-name (re-runs add -attempt-N)", "ml-provenance").option("--from-attestations <OWNER/REPO>", "a repository whose attestations to read, for --subject-digest digests (repeatable)", collect, []).option("--subject-digest <sha256:HEX>", "with --from-attestations: a subject digest to ask for (repeatable; default: every model digest already stored)", collect, []).option("--store <PATH|URL>", STORE_HELP).option("--no-verify", "store without verifying (marked NOT VERIFIED in every answer)").option("--jobs <N>", "threads verifying bundles", intOption("--jobs")).addHelpText("after", INTERRUPT_HELP);
  addTrustFlags(addFormatOption(sync, ["text"], "text")).action(
    run(async (o) => {
      outputFormat(o);
      if (o.fromReleases.length + o.org.length + o.fromArtifacts.length + o.fromAttestations.length === 0) {
        throw new InputError("sync-without-source", "store sync needs --from-releases OWNER/REPO, --org OWNER, --from-artifacts OWNER/REPO or --from-attestations OWNER/REPO", { fix: "say where to read bundles from" });
      }
      const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
      if (!token) throw new InputError("no-token", "store sync reads GitHub and needs a token", { fix: "set GITHUB_TOKEN (read access to the repositories) and run again" });
      const client = createGitHubClient({ token, logger: stderrLogger, ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {} });
      return interruptible((signal) => withStore(o.store, async (db) => {
        const digests = o.fromAttestations.length > 0 && o.subjectDigest.length === 0 ? await storedModelDigests(db) : o.subjectDigest;
        const named = new Set(o.fromReleases);
        const repos = [...o.fromReleases];
        for (const owner of o.org) repos.push(...await ownerRepos(client, owner));
        const total = { stored: [], existing: [] };
        const verifier = verifierFor(o);
        const stopped = /* @__PURE__ */ __name(() => new IngestInterrupted(signal.reason, total.stored.length, "writing"), "stopped");
        const take = /* @__PURE__ */ __name(async (f) => {
          if (signal.aborted) throw stopped();
          const r = await ingest(db, f.docs, o, verifier, signal).catch((err2) => {
            throw signal.aborted && err2 === signal.reason ? stopped() : err2;
          });
          total.stored.push(...r.stored);
          total.existing.push(...r.existing);
          if (r.stopped) throw stopped();
          await recordSeen(db, f.seen);
        }, "take");
        let unreadableRepos = 0;
        try {
          for (const repo of [...new Set(repos)]) {
            if (signal.aborted) throw stopped();
            try {
              await take(await newReleaseDocuments(db, client, repo, stderrLogger, signal));
            } catch (err2) {
              if (named.has(repo) || !isGitHubReadError(err2)) throw err2;
              unreadableRepos++;
              stderrLogger.warning(`${err2.message}; skipped`);
            }
          }
          if (unreadableRepos) stderrLogger.warning(`${unreadableRepos} repositor${unreadableRepos === 1 ? "y" : "ies"} of ${o.org.join(", ")} could not be read (see above); the others were synced`);
          for (const repo of o.fromArtifacts) await take(await newArtifactDocuments(db, client, repo, o.artifactName, stderrLogger, signal));
          for (const repo of o.fromAttestations) await take(await newAttestationDocuments(db, client, repo, digests, stderrLogger, signal));
        } finally {
          await verifier.close?.();
        }
        report(total, o, db.location);
      }, { signal, logger: stderrLogger }));
    })
  );
  const audit = store.command("audit").description("re-verify every stored bundle and check every row against its statement (finds rows edited in the database)").option("--store <PATH|URL>", STORE_HELP).option("--jobs <N>", "threads verifying bundles", intOption("--jobs"));
  addTrustFlags(addFormatOption(audit, ["text"], "text")).action(
    run(async (o) => {
      const format = outputFormat(o);
      validateIdentityPolicy(identityFrom(o));
      const threads = new VerifyThreads();
      const r = await withStore(o.store, (db) => auditStore(db, auditVerifier(o, threads, o.jobs)), READ_ONLY).finally(() => threads.close());
      if (format === "json") processIo.out(JSON.stringify(r, null, 2));
      else {
        for (const p of r.problems) processIo.out(`run ${p.runId} ${p.where}: ${p.detail}`);
        processIo.out(`${r.runs} run(s) audited: ${r.verified} verified again, ${r.unverified} stored without verification, ${r.problems.length} problem(s)`);
      }
      if (r.problems.length > 0) {
        const onlyStray = r.problems.every((p) => p.where === "blobs");
        throw new CheckError("store-audit-failed", `the store audit found ${r.problems.length} problem(s)`, {
          fix: onlyStray ? "no run is affected: the bytes named above are what an earlier purge left (or were inserted directly); the next store purge removes them" : "do not trust the runs named above; restore them from their bundles (store ingest) after finding who changed the database"
        });
      }
    })
  );
  store.command("purge").description("retention: remove runs, leaving an append-only purge record (PostgreSQL: only the mlp_purger role may)").option("--before <DATE>", "runs that finished before this date").option("--repo <OWNER/REPO>", "runs of this repository (OWNER/* for every repository of an owner)").requiredOption("--reason <TEXT>", "why (kept in the purge record)").option("--store <PATH|URL>", STORE_HELP).action(
    run(async (o) => {
      const r = await withStore(o.store, (db) => purgeRuns(db, { ...o.before ? { before: o.before } : {}, ...o.repo ? { repo: o.repo } : {}, reason: o.reason }), EXISTING);
      processIo.out(`purged ${r.runIds.length} run(s) as ${r.by} at ${r.at}${r.bundlesRemoved.length ? `, and ${r.bundlesRemoved.length} stored bundle(s) no run pointed at any more (left by an earlier purge)` : ""}`);
    })
  );
  store.command("grant").description("PostgreSQL: give a login role one of the store roles (reader: for the repositories named)").requiredOption("--user <ROLE>", "the login role").addOption(new Option("--as <role>", "which store role").choices([...STORE_ROLES]).default("reader")).option("--repo <OWNER/REPO>", "a repository the reader may see (OWNER/* for all of an owner; repeatable)", collect, []).option("--store <URL>", STORE_HELP).action(
    run(async (o) => {
      if (parseStoreSpec(o.store).kind === "sqlite") refuseGrantOnFile();
      await withStore(o.store, (db) => grantRole(db, { user: o.user, role: o.as, repos: o.repo }), EXISTING);
      processIo.out(`granted mlp_${o.as} to ${o.user}${o.repo.length ? ` for ${o.repo.join(", ")}` : ""}`);
    })
  );
}
__name(register, "register");
async function storeLineage(o, model) {
  if (model && "path" in model) {
    throw new InputError("model-path-with-store", `--model ${model.path}: the store answers by content digest`, { fix: "pass the model file itself (it is hashed) or sha256:HEX" });
  }
  const since = isoDate("--since", o.since);
  const until = isoDate("--until", o.until);
  if (o.metric !== void 0) {
    const mq = { name: o.metric, ...o.epoch !== void 0 ? { epoch: o.epoch } : {}, ...o.split ? { split: o.split } : {}, ...model ? { model: model.sha256 } : {} };
    const format = o.format === "json" ? "json" : "table";
    const stopped = await untilSignalled(async (signal) => {
      const spool = await AnswerSpool.create(format, metricText);
      try {
        const none2 = await withStore(o.store, async (db) => {
          await spool.reset();
          const n = await eachMetricAnswer(db, mq, (page) => {
            signal.throwIfAborted();
            return spool.add(page);
          });
          return n === 0 ? noStoreAnswer(db, await whyNoMetric(db, mq), mq.model) : void 0;
        }, READ_ONLY);
        signal.throwIfAborted();
        await spool.copyTo(process.stdout, signal);
        if (signal.aborted) return stopSignalOf(signal.reason);
        if (none2) throw none2;
      } catch (err2) {
        if (signal.aborted) return stopSignalOf(signal.reason);
        throw err2;
      } finally {
        await spool.close();
      }
      return void 0;
    });
    return stopped ? endAs(stopped) : void 0;
  }
  const { output, none } = await withStore(o.store, async (db) => {
    let answers;
    let text;
    let why;
    if (model) {
      const a = await modelQuestion(db, model.sha256);
      [answers, text, why] = [a, modelText(a), async () => ({ part: "model", asked: `sha256:${model.sha256}` })];
    } else if (o.dataset !== void 0) {
      const ref = o.dataset;
      const a = await datasetQuestion(db, ref);
      [answers, text, why] = [a, datasetText(a), () => whyNoDataset(db, ref)];
    } else if (o.runs !== void 0) {
      const rq = { repository: o.runs, ...since ? { since } : {}, ...until ? { until } : {} };
      const a = await runsQuestion(db, rq);
      [answers, text, why] = [a, runsText(a), () => whyNoRuns(db, rq)];
    } else {
      throw new InputError("store-question", "with --store, ask one question: --metric M [--model D], --dataset D[@V], --model D, or --runs OWNER/REPO|OWNER/*|'*' [--since --until]", { fix: "add one of them" });
    }
    return { output: o.format === "json" ? JSON.stringify({ answers }, null, 2) : text, none: answers.length === 0 ? noStoreAnswer(db, await why()) : void 0 };
  }, READ_ONLY);
  if (output !== "") processIo.out(output);
  if (none) throw none;
}
__name(storeLineage, "storeLineage");
function noStoreAnswer(db, why, model) {
  const among = model !== void 0 && why.part !== "model" ? ` among the runs that produced model sha256:${model.slice(0, 12)}\u2026` : "";
  const granted = db.dialect === "postgres" ? "; a reader sees only the repositories it was granted" : "";
  return noMatchError(why, `in ${db.location}${among}`, `ingest the records that have it (\`store ingest\`)${granted}`);
}
__name(noStoreAnswer, "noStoreAnswer");
async function storedModelDigests(db) {
  try {
    return (await db.all("SELECT DISTINCT sha256 FROM models ORDER BY sha256")).map((r) => r.sha256);
  } catch (err2) {
    if (err2.code !== "42501") throw storeError(err2, db.location, "reading the stored model digests");
    throw new InputError("subject-digests-unreadable", `--from-attestations without --subject-digest asks for every model digest in ${db.location}, which this role may not read`, {
      fix: "pass the digests to ask for with --subject-digest sha256:HEX (repeatable), or sync as a login that also holds mlp_reader"
    });
  }
}
__name(storedModelDigests, "storedModelDigests");
export {
  register,
  storeLineage
};
