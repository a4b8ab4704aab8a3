import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/zod-error.ts
function fieldPath(prefix, issuePath) {
  let out = prefix;
  for (const p of issuePath) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(top level)";
}
__name(fieldPath, "fieldPath");
function describe(issue) {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_union" && "errors" in issue) {
    const branches = issue.errors.filter((b) => b.length > 0);
    branches.sort((a, b) => a.length - b.length);
    const best = branches[0]?.[0];
    if (best) return describe(best);
  }
  return issue.message;
}
__name(describe, "describe");
function parseWith(schema, data, where) {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issues = res.error.issues.slice(0, 10);
  const fields = issues.map((i) => {
    const nested = i.code === "invalid_union" && "errors" in i ? i.errors.flat()[0] : void 0;
    const p = nested && i.path.length === 0 ? nested.path : i.path;
    return fieldPath(where.prefix ?? "", p);
  });
  const parts = issues.map((i, n) => `${fields[n]}: ${describe(i)}`);
  const more = res.error.issues.length > issues.length ? ` (and ${res.error.issues.length - issues.length} more)` : "";
  throw new InputError("invalid-document", `${where.file ? `${where.file}: ` : ""}invalid ${where.what}: ${parts.join("; ")}${more}`, {
    fix: where.fix ?? `correct the field(s) named above; the schema is in schemas/`,
    fields,
    ...where.file ? { file: where.file } : {}
  });
}
__name(parseWith, "parseWith");

export {
  fieldPath,
  parseWith
};
