import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  termLine
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/render/text-table.ts
function textTable(rawHeaders, rawRows, opts = {}) {
  const headers = rawHeaders.map(termLine);
  const rows = rawRows.map((r) => r.map(termLine));
  const right = new Set(opts.right ?? []);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = /* @__PURE__ */ __name((cells) => cells.map((c, i) => right.has(i) ? c.padStart(widths[i]) : i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd(), "fmt");
  return [fmt(headers), fmt(widths.map((w) => "-".repeat(w))), ...rows.map(fmt)].join("\n") + "\n";
}
__name(textTable, "textTable");

export {
  textTable
};
