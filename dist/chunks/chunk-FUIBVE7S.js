import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError,
  toProvenanceError
} from "./chunk-NAV5SXXN.js";
import {
  termText
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/shared.ts
var processIo = {
  out: /* @__PURE__ */ __name((t) => process.stdout.write(termText(t.endsWith("\n") ? t : t + "\n")), "out"),
  err: /* @__PURE__ */ __name((t) => process.stderr.write(termText(t.endsWith("\n") ? t : t + "\n")), "err")
};
var debug = false;
function setDebug(on) {
  debug = on;
  if (on) process.env.ML_PROVENANCE_DEBUG = "1";
}
__name(setDebug, "setDebug");
function reportError(err, io = processIo) {
  const e = toProvenanceError(err);
  io.err(`error: ${e.userMessage}`);
  if (debug) io.err(String(err?.stack ?? err));
  return e.exitCode;
}
__name(reportError, "reportError");
function run(fn) {
  return async (...args) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? 0;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}
__name(run, "run");
function collect(value, previous = []) {
  return [...previous, value];
}
__name(collect, "collect");
function intOption(flag) {
  return (v) => {
    if (!/^-?\d+$/.test(v)) throw new InputError("bad-integer", `${flag} must be an integer, got "${v}"`, { fix: `pass ${flag} N` });
    return Number(v);
  };
}
__name(intOption, "intOption");
function numberOption(flag) {
  return (v) => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) {
      throw new InputError("bad-number", `${flag} must be a finite number, got "${v}"`, { fix: `pass ${flag} 0.93` });
    }
    return n;
  };
}
__name(numberOption, "numberOption");

export {
  processIo,
  setDebug,
  reportError,
  run,
  collect,
  intOption,
  numberOption
};
