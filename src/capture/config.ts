import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import type { ConfigDescriptor } from '../schema/predicate.js';
import { canonicalJson, sha256Hex } from '../util/canonical.js';
import { redactValue, setOwn } from './redact.js';
import { readInputFile, resolveInWorkspace } from './paths.js';

export type ConfigFormat = ConfigDescriptor['format'];

export function configFormat(file: string): ConfigFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  throw new InputError('unknown-config-format', `config file ${file} has extension "${ext || '(none)'}"`, {
    fix: 'config files must be .yaml, .yml, .json or .toml',
    file,
  });
}

/** Make parser output plain JSON: dates to ISO strings, non-finite numbers to strings. */
function toJson(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, toJson(x));
    return out;
  }
  if (v === undefined) return null;
  return v;
}

/**
 * Deepest nesting a document may have. Real configs are a few levels deep; without
 * a limit a crafted file (`[[[[…` ten thousand times) parses, then overflows the
 * stack of every recursive step after it (redaction, canonical JSON, the schema).
 */
export const MAX_DEPTH = 64;

/** Nesting depth of a parsed JSON value, counted without recursion; stops early past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === 'object') stack.push([x, depth]);
  }
  return max;
}

/** Refuse a parsed document nested deeper than MAX_DEPTH, naming the file. */
export function assertDepth(value: unknown, file: string, what: string, limit = MAX_DEPTH): void {
  if (jsonDepth(value, limit) > limit) {
    throw new InputError('too-deeply-nested', `${file}: ${what} is nested more than ${limit} levels deep`, {
      fix: `flatten the ${what}: at most ${limit} levels of nested objects and lists are accepted`,
      file,
    });
  }
}

/** Parse config text; errors name the file and line. */
export function parseConfigText(text: string, format: ConfigFormat, file: string): unknown {
  const value = parseConfigSyntax(text, format, file);
  assertDepth(value, file, 'config');
  // JSON too can hold numbers that are not JSON-safe: 1e999 parses as Infinity.
  return format === 'json' ? toJson(value) : value;
}

/**
 * V8's JSON.parse message, without the excerpt of the input it may quote
 * (`Unexpected token 'p', "password: "... is not valid JSON`): the excerpt can hold
 * a credential and may span lines, and error lines go to logs and annotations.
 * Returns one line and, where V8 gives a position, the line number.
 */
export function describeJsonError(err: unknown, text: string): { message: string; line?: number } {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw
    .replace(/,\s*"[\s\S]*"(\.\.\.)?\s+is not valid JSON\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const pos = /position (\d+)/.exec(raw);
  const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
  return { message, ...(line !== undefined ? { line } : {}) };
}

function parseConfigSyntax(text: string, format: ConfigFormat, file: string): unknown {
  try {
    if (format === 'json') return JSON.parse(text);
    if (format === 'toml') return toJson(parseToml(text));
    const docs = parseYaml(text, { prettyErrors: true, maxAliasCount: 1000, uniqueKeys: true, logLevel: 'error' });
    return toJson(docs);
  } catch (err) {
    const e = err as Error & { linePos?: Array<{ line: number }>; line?: number };
    const json = format === 'json' ? describeJsonError(err, text) : undefined;
    const line = json ? json.line : (e.linePos?.[0]?.line ?? e.line);
    const what = json ? json.message : String(e.message).split('\n')[0];
    throw new InputError('malformed-config', `${file}${line ? `:${line}` : ''} is not valid ${format.toUpperCase()}: ${what}`, {
      fix: `fix the ${format.toUpperCase()} syntax`,
      file,
      ...(line ? { line } : {}),
      cause: err,
    });
  }
}

/**
 * Capture one config file: digest of the raw bytes (so an auditor with the file
 * can check it), parsed content with credentials redacted, and the digest of the
 * redacted content's canonical JSON.
 */
export async function captureConfig(file: string, workspace: string, extraKeyPatterns: RegExp[] = []): Promise<ConfigDescriptor> {
  const { abs, rel } = await resolveInWorkspace(file, workspace, 'config file');
  const format = configFormat(rel);
  const bytes = await readInputFile(abs, rel, 'config file');
  const parsed = parseConfigText(bytes.toString('utf8'), format, rel);
  const { value, paths } = redactValue(parsed, extraKeyPatterns);
  return {
    name: rel,
    uri: `file:${rel}`,
    digest: { sha256: sha256Hex(bytes) },
    mediaType: format === 'yaml' ? 'application/yaml' : format === 'json' ? 'application/json' : 'application/toml',
    format,
    redacted: paths,
    contentDigest: sha256Hex(canonicalJson(value)),
    content: value as ConfigDescriptor['content'],
  };
}
