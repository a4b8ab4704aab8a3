import type * as z from 'zod';
import { InputError } from '../errors.js';

/** `datasets[2].digest` from zod's path array. */
export function fieldPath(prefix: string, issuePath: ReadonlyArray<PropertyKey>): string {
  let out = prefix;
  for (const p of issuePath) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(top level)';
}

/**
 * The issue of the union branch the document most likely meant: the one that got furthest
 * (its first issue is the deepest, as `metrics[0].value` is deeper than `metrics`), then
 * the one with fewest issues. Its path is relative to the union.
 */
function unionBranchIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue | undefined {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return undefined;
  const branches = (issue.errors as z.core.$ZodIssue[][]).filter((b) => b.length > 0);
  branches.sort((a, b) => b[0]!.path.length - a[0]!.path.length || a.length - b.length);
  return branches[0]?.[0];
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  // A record key that breaks its rule: say the rule ("split names are …"), not "Invalid key in record".
  if (issue.code === 'invalid_key' && issue.issues[0]) return describe(issue.issues[0]);
  const branch = unionBranchIssue(issue);
  if (branch) return describe(branch);
  return issue.message;
}

/**
 * Parse `data` with `schema`; on failure throw one InputError listing every problem
 * with field paths a user recognises, and the file it came from.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: { file?: string; line?: number; prefix?: string; what: string; fix?: string; name?: (issuePath: ReadonlyArray<PropertyKey>) => string | undefined },
): z.infer<S> {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issues = res.error.issues.slice(0, 10);
  const fields = issues.map((i) => {
    const branch = unionBranchIssue(i);
    const p = branch ? [...i.path, ...branch.path] : i.path;
    // `name` lets a caller say the field the way its user typed it (a command-line flag).
    return where.name?.(p) ?? fieldPath(where.prefix ?? '', p);
  });
  const parts = issues.map((i, n) => `${fields[n]}: ${describe(i)}`);
  const more = res.error.issues.length > issues.length ? ` (and ${res.error.issues.length - issues.length} more)` : '';
  // `file:line` in the text; the file and the line apart, so an annotation can point at the line.
  const at = where.file ? `${where.file}${where.line !== undefined ? `:${where.line}` : ''}: ` : '';
  throw new InputError('invalid-document', `${at}invalid ${where.what}: ${parts.join('; ')}${more}`, {
    fix: where.fix ?? `correct the field(s) named above; the schema is in schemas/`,
    fields,
    ...(where.file ? { file: where.file } : {}),
    ...(where.file && where.line !== undefined ? { line: where.line } : {}),
  });
}
