import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  termText
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/log.ts
var stderrLogger = {
  info: /* @__PURE__ */ __name((m) => process.stderr.write(`${termText(m)}
`), "info"),
  warning: /* @__PURE__ */ __name((m) => process.stderr.write(`warning: ${termText(m)}
`), "warning"),
  error: /* @__PURE__ */ __name((m) => process.stderr.write(`error: ${termText(m)}
`), "error"),
  debug: /* @__PURE__ */ __name((m) => {
    if (process.env.ML_PROVENANCE_DEBUG) process.stderr.write(`debug: ${termText(m)}
`);
  }, "debug")
};
var silentLogger = { info: /* @__PURE__ */ __name(() => {
}, "info"), warning: /* @__PURE__ */ __name(() => {
}, "warning"), error: /* @__PURE__ */ __name(() => {
}, "error"), debug: /* @__PURE__ */ __name(() => {
}, "debug") };

export {
  stderrLogger,
  silentLogger
};
