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
function unionBranchIssue(issue) {
  if (issue.code !== "invalid_union" || !("errors" in issue)) return void 0;
  const branches = issue.errors.filter((b) => b.length > 0);
  branches.sort((a, b) => b[0].path.length - a[0].path.length || a.length - b.length);
  return branches[0]?.[0];
}
__name(unionBranchIssue, "unionBranchIssue");
function describe(issue) {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_key" && issue.issues[0]) return describe(issue.issues[0]);
  const branch = unionBranchIssue(issue);
  if (branch) return describe(branch);
  return issue.message;
}
__name(describe, "describe");
function parseWith(schema, data, where) {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issues = res.error.issues.slice(0, 10);
  const fields = issues.map((i) => {
    const branch = unionBranchIssue(i);
    const p = branch ? [...i.path, ...branch.path] : i.path;
    return where.name?.(p) ?? fieldPath(where.prefix ?? "", p);
  });
  const parts = issues.map((i, n) => `${fields[n]}: ${describe(i)}`);
  const more = res.error.issues.length > issues.length ? ` (and ${res.error.issues.length - issues.length} more)` : "";
  const at = where.file ? `${where.file}${where.line !== void 0 ? `:${where.line}` : ""}: ` : "";
  throw new InputError("invalid-document", `${at}invalid ${where.what}: ${parts.join("; ")}${more}`, {
    fix: where.fix ?? `correct the field(s) named above; the schema is in schemas/`,
    fields,
    ...where.file ? { file: where.file } : {},
    ...where.file && where.line !== void 0 ? { line: where.line } : {}
  });
}
__name(parseWith, "parseWith");

export {
  fieldPath,
  parseWith
};
